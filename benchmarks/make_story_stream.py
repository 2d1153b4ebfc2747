"""Build a dev stream for `synoptic eval-stories` from the clusters in ../shared/data, at run time.

Every cluster becomes one gold story (its id), except the sets A/B/C of a duc2007_update topic,
which are one story (``meta.topic``): they follow one topic over time. Each output line is one
article, ``{"id", "title", "text", "date", "source", "url", "story"}``, in the order the datasets and
clusters are listed (`eval-stories` replays them in date order). The data is licensed for
research use only, so the stream is written where you say and never committed.

An article that several clusters hold (the same ``doc_id``; 10 in the default mix, e.g. two DUC 2006
climate topics sharing seven reports) is written once, with the gold story of the first cluster
that holds it: BCubed needs one gold class per item.

    python benchmarks/make_story_stream.py --out /tmp/stream.jsonl
    python benchmarks/make_story_stream.py --sets tac2010_A,multiling2011 --out /tmp/small.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
DEFAULT_SETS = ("tac2010_A", "duc2006", "duc2007_update", "multiling2011")


def gold_story(cluster: dict) -> str:
    """The sets of one duc2007_update topic share the topic as their story; other clusters are their own."""
    topic = (cluster.get("meta") or {}).get("topic")
    return str(topic) if topic else str(cluster["id"])


def stream_articles(data: Path, sets: list[str]) -> Iterator[dict]:
    seen: set[str] = set()
    for name in sets:
        path = data / f"{name}.jsonl"
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    continue
                cluster = json.loads(line)
                story = gold_story(cluster)
                for n, article in enumerate(cluster["articles"]):
                    article_id = str(article.get("doc_id") or article.get("id") or f"{cluster['id']}-{n}")
                    if article_id in seen:
                        continue
                    seen.add(article_id)
                    yield {
                        "id": article_id,
                        "title": article.get("title"),
                        "text": article["text"],
                        "date": article.get("date"),
                        "source": article.get("source"),
                        "url": article.get("url"),
                        "story": story,
                    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help=f"folder of the cluster files (default {DATA})")
    parser.add_argument("--sets", default=",".join(DEFAULT_SETS), help="comma-separated dataset names (default: %(default)s)")
    parser.add_argument("--out", type=Path, required=True, help="where to write the stream (JSONL)")
    args = parser.parse_args(argv)
    sets = [s.strip() for s in args.sets.split(",") if s.strip()]
    missing = [s for s in sets if not (args.data / f"{s}.jsonl").is_file()]
    if missing:
        print(f"make_story_stream: {args.data}: no {', '.join(missing)}.jsonl; point --data at the shared data folder", file=sys.stderr)
        return 1
    count = 0
    stories: set[str] = set()
    with open(args.out, "w", encoding="utf-8") as out:
        for article in stream_articles(args.data, sets):
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
            count += 1
            stories.add(article["story"])
    print(f"{args.out}: {count} articles in {len(stories)} stories from {', '.join(sets)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
