"""A young store: does a fresh store keep a story together before it has seen much news?

A new user's first ingest is often one story's reports, or a handful of stories. The store weighs terms
by TF-IDF against the articles seen so far, so in a young store the story's own names look common and
its reports stop matching; ``synoptic.stories.features.MIN_IDF_DOCUMENTS`` floors the document count
the IDF uses. This script measures three things for each floor it is given, on the dev stream of
benchmarks/make_story_stream.py (built at run time from ../shared/data, never kept):

- alone: each gold story ingested by itself into a fresh store: the mean BCubed recall (how much of the
  story stays together; precision is 1 by construction), and how many stories stay in one piece;
- young mixes: DRAWS random draws of MIX_STORIES gold stories, each mix into a fresh store: mean BCubed F1;
- the whole dev stream, as `synoptic eval-stories` scores it.

The figures go to benchmarks/results.md, section "stories_cold_start".

    python benchmarks/stories_cold_start.py [--floors 0,100,200,1000]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import defaultdict
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from make_story_stream import DATA, DEFAULT_SETS, stream_articles  # noqa: E402
from record import write_section  # noqa: E402

from synoptic.evaluate.stories import bcubed, evaluate_stream, replay_order  # noqa: E402
from synoptic.ingest.jsonfmt import article_from_dict  # noqa: E402
from synoptic.model import Article  # noqa: E402
from synoptic.stories import features  # noqa: E402
from synoptic.stories.store import StoryStore  # noqa: E402

MIX_STORIES = 5
DRAWS = 40
SEED = 7


def grouped(items: list[tuple[Article, str]], folder: Path, name: str) -> dict[str, str]:
    """Article id → story, the items ingested in date order into a fresh store."""
    with StoryStore(folder / f"{name}.db") as store:
        store.ingest(article for article, _ in replay_order(items))
        return dict(store.assignments())


def measure(by_story: dict[str, list[tuple[Article, str]]], stream: Path) -> tuple[float, int, float, float]:
    """(mean recall alone, stories kept in one piece, mean F1 of the young mixes, dev-stream F1)."""
    recalls, whole = [], 0
    with tempfile.TemporaryDirectory(prefix="synoptic-cold-") as name:
        folder = Path(name)
        for k, (story, items) in enumerate(by_story.items()):
            predicted = grouped(items, folder, f"alone-{k}")
            labels = [predicted[a.id] for a, _ in items if a.id in predicted]
            recalls.append(bcubed([story] * len(labels), labels).recall)
            whole += len(set(labels)) == 1
        rng = random.Random(SEED)
        f1s = []
        for k in range(DRAWS):
            items = [item for story in rng.sample(sorted(by_story), MIX_STORIES) for item in by_story[story]]
            predicted = grouped(items, folder, f"mix-{k}")
            scored = [(s, predicted[a.id]) for a, s in items if a.id in predicted]
            f1s.append(bcubed([g for g, _ in scored], [p for _, p in scored]).f1)
    return float(np.mean(recalls)), whole, float(np.mean(f1s)), evaluate_stream(stream).bcubed.f1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--floors", default=f"0,100,{features.MIN_IDF_DOCUMENTS},1000", help="MIN_IDF_DOCUMENTS values to compare")
    args = parser.parse_args(argv)
    if not all((args.data / f"{s}.jsonl").is_file() for s in DEFAULT_SETS):
        print(f"stories_cold_start: {args.data}: the dev data is missing; point --data at the shared data folder", file=sys.stderr)
        return 1
    shipped = features.MIN_IDF_DOCUMENTS
    by_story: dict[str, list[tuple[Article, str]]] = defaultdict(list)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as handle:
        for record in stream_articles(args.data, list(DEFAULT_SETS)):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            by_story[record["story"]].append((article_from_dict(record, "dev stream", record["id"]), record["story"]))
        stream = Path(handle.name)
    table = [
        f"| IDF floor (documents) | alone: mean BCubed recall | alone: stories in one piece (of {len(by_story)}) |"
        f" {MIX_STORIES}-story mixes: mean BCubed F1 ({DRAWS} draws) | dev stream BCubed F1 |",
        "| ---: | ---: | ---: | ---: | ---: |",
    ]
    try:
        for floor in (int(f) for f in args.floors.split(",")):
            features.MIN_IDF_DOCUMENTS = floor
            recall, whole, mixed, f1 = measure(by_story, stream)
            mark = " (shipped)" if floor == shipped else ""
            table.append(f"| {floor}{mark} | {recall:.3f} | {whole} | {mixed:.3f} | {f1:.3f} |")
            print(table[-1], flush=True)
    finally:
        features.MIN_IDF_DOCUMENTS = shipped
        stream.unlink()
    text = "\n".join([
        f"## A young store (`benchmarks/stories_cold_start.py`, {date.today().isoformat()})",
        "",
        "Each gold story of the dev stream ingested alone into a fresh store, random mixes of a few stories, and the",
        "whole dev stream, for each floor on the document count of the store's IDF (`MIN_IDF_DOCUMENTS`).",
        "",
        *table,
    ])
    write_section("stories_cold_start", text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
