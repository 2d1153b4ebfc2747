"""Update summaries scored as the DUC 2007 update task scores them, beside a plain summary of the new articles.

A cluster file in the DUC 2007 update layout holds each topic as sets A, B and C; ``meta.set`` names the
set and ``meta.prior_sets`` the ids of the sets before it. Set B is summarised as new since A, and C as
new since A and B, with synoptic.stories.updates; the plain summary briefs the same new articles alone.
Both are cut to the word budget and scored with ROUGE against the set's references, as ``synoptic eval``
does. The benchmark (benchmarks/stories_updates.py) prints these figures and the evaluation gate holds
them to their floors: an update that falls behind the plain summary has stopped telling what is new.
"""

from __future__ import annotations

import json
from pathlib import Path

from synoptic.errors import InputError
from synoptic.evaluate.rouge import Scores, as_percent, mean_scores, score_summary, truncate_words
from synoptic.ingest import cluster_from_dict
from synoptic.options import Options
from synoptic.pipeline import make_brief
from synoptic.stories.updates import update_brief

METHODS = ("update", "default")  # the update summary and the plain default summary of the new articles


def update_task_scores(path: Path, words: int = 100) -> dict[str, dict[str, tuple[Scores, int]]]:
    """Set name (B, C, …) → method → (mean ROUGE ×100 over the set's topics, topics scored)."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_id = {r["id"]: r for r in records}
    options = Options(words=words, min_articles=1, analysis=False)
    per_set: dict[str, dict[str, list[Scores]]] = {}
    for record in records:
        meta = record.get("meta") or {}
        if not meta.get("prior_sets"):
            continue  # the first set of a topic: there is nothing earlier to update
        missing = [prior for prior in meta["prior_sets"] if prior not in by_id]
        if missing:
            problem = f"cluster {record['id']} names prior set(s) {', '.join(missing)} that the file lacks"
            raise InputError(str(path), problem, "give the file with every set of each topic")
        cluster = cluster_from_dict(record, str(path), record["id"])
        earlier = [a for prior in meta["prior_sets"] for a in cluster_from_dict(by_id[prior], str(path), prior).articles]
        briefs = {"update": update_brief(earlier, cluster.articles, options), "default": make_brief(cluster.articles, options)}
        scores = per_set.setdefault(meta.get("set", "?"), {method: [] for method in METHODS})
        for method, brief in briefs.items():
            summary = truncate_words(" ".join(s.text for s in brief.summary), words)
            scores[method].append(score_summary(summary, cluster.references))
    return {
        name: {method: (as_percent(mean_scores(topics)), len(topics)) for method, topics in by_method.items()}
        for name, by_method in sorted(per_set.items())
    }
