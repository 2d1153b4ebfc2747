"""Update summaries on DUC 2007 (update task): `update` against a plain `default` summary of the new articles.

For each of the 10 topics, set B is summarised as new since set A, and set C as new since A and B
(``meta.prior_sets``); the references are NIST's update summaries. ROUGE (rouge-score, stemmed)
is computed on the summary cut to 100 words, as `synoptic eval` does.

    python benchmarks/stories_updates.py [--data ../shared/data/duc2007_update.jsonl] [--words 100]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from synoptic.evaluate.rouge import (
    as_percent,
    mean_scores,
    score_summary,
    truncate_words,
)
from synoptic.ingest import cluster_from_dict
from synoptic.options import Options
from synoptic.pipeline import make_brief
from synoptic.stories.updates import update_brief

DATA = ROOT.parent / "shared" / "data" / "duc2007_update.jsonl"


def summary_text(brief, words: int) -> str:
    return truncate_words(" ".join(s.text for s in brief.summary), words)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--words", type=int, default=100)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"stories_updates: {args.data}: not found; point --data at duc2007_update.jsonl", file=sys.stderr)
        return 1
    records = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_id = {r["id"]: r for r in records}
    options = Options(words=args.words, min_articles=1, analysis=False)
    scores: dict[str, dict[str, list]] = {"B": {"update": [], "default": []}, "C": {"update": [], "default": []}}
    for record in records:
        name = record["meta"]["set"]
        if name == "A":
            continue
        cluster = cluster_from_dict(record, str(args.data), record["id"])
        earlier = [a for prior in record["meta"]["prior_sets"] for a in cluster_from_dict(by_id[prior], str(args.data), prior).articles]
        references = cluster.references
        update = update_brief(earlier, cluster.articles, options)
        plain = make_brief(cluster.articles, options)
        scores[name]["update"].append(score_summary(summary_text(update, args.words), references))
        scores[name]["default"].append(score_summary(summary_text(plain, args.words), references))
    figures = {}
    print("| set | method | R1-R | R2-R | R2-F | topics |\n| --- | --- | ---: | ---: | ---: | ---: |")
    for name, by_method in scores.items():
        for method, per_topic in by_method.items():
            mean = as_percent(mean_scores(per_topic))
            figures[f"{name}/{method}"] = mean
            print(f"| {name} | {method} | {mean['rouge1']['recall']:.1f} | {mean['rouge2']['recall']:.1f} | {mean['rouge2']['f1']:.1f} | {len(per_topic)} |")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
