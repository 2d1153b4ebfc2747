"""Story ingest at scale: articles/s and resident memory as a synthetic stream grows to 100k articles.

The stream repeats the dev articles (benchmarks/make_story_stream.py, built from ../shared/data at
run time) round after round, each round shifted SHIFT_YEARS later and each article perturbed (one
paragraph dropped, a round marker appended), so every article is new to the store and the stories of
one round close while the next runs, as a long real stream's do. It is ingested through
``StoryStore.ingest`` (SQLite writes included) on one core; RSS is read from /proc at checkpoints.

    python benchmarks/stories_scale.py [--articles 100000] [--checkpoints 10000,50000,100000]

The table goes to benchmarks/results.md, section "stories_scale".
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from make_story_stream import DATA, DEFAULT_SETS, stream_articles
from record import write_section

from synoptic.evaluate.stories import replay_order
from synoptic.model import Article
from synoptic.stories.features import parse_day
from synoptic.stories.store import StoryStore

# The dev articles span 1996-2010: each round starts after the previous one ends. The rounds run up to the
# dev articles' own years, not past them: a store takes a date after tomorrow for a typo.
SHIFT_YEARS = 16
SEED = 7


def rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * 4096 / (1024 * 1024)


def _shift(value: str | None, years: int) -> str | None:
    day = parse_day(value)
    if day is None:
        return None
    original = date.fromordinal(day)
    return original.replace(year=original.year + years, day=min(original.day, 28)).isoformat()


def synthetic_stream(base: list[Article], total: int) -> Iterator[Article]:
    rng = random.Random(SEED)
    produced = 0
    round_ = 0
    rounds = -(-total // len(base))  # the last round keeps the dev articles' own dates
    while produced < total:
        for article in base:
            if produced >= total:
                return
            paragraphs = article.text.split("\n")
            if len(paragraphs) > 2:
                del paragraphs[rng.randrange(1, len(paragraphs))]
            yield Article(
                id=f"{article.id}#r{round_}",
                text="\n".join(paragraphs) + f"\n(Round {round_}.)",
                title=article.title,
                date=_shift(article.date, SHIFT_YEARS * (round_ - rounds + 1)),
                source=article.source,
            )
            produced += 1
        round_ += 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--checkpoints", default="10000,50000,100000")
    args = parser.parse_args(argv)
    if not all((args.data / f"{s}.jsonl").is_file() for s in DEFAULT_SETS):
        print(f"stories_scale: {args.data}: the dev data is missing; point --data at the shared data folder", file=sys.stderr)
        return 1
    items = [(Article(id=a["id"], text=a["text"], title=a["title"], date=a["date"], source=a["source"]), a["story"]) for a in stream_articles(args.data, list(DEFAULT_SETS))]
    base = [article for article, _ in replay_order(items)]
    # A checkpoint past --articles would count articles never ingested; the total is always one.
    checkpoints = sorted({int(c) for c in args.checkpoints.split(",") if int(c) < args.articles} | {args.articles})
    lines = ["| articles | articles/s (cumulative) | RSS MB | active stories | stories in all |", "| ---: | ---: | ---: | ---: | ---: |"]
    print("\n".join(lines))
    with tempfile.TemporaryDirectory(prefix="synoptic-scale-") as folder, StoryStore(Path(folder) / "scale.db") as store:
        done = 0
        started = time.perf_counter()
        stream = synthetic_stream(base, args.articles)
        for checkpoint in checkpoints:
            store.ingest(itertools.islice(stream, checkpoint - done))
            done = checkpoint
            elapsed = time.perf_counter() - started
            total_stories = store.db.execute("SELECT COUNT(*) FROM stories").fetchone()[0]
            lines.append(f"| {done} | {done / elapsed:.0f} | {rss_mb():.0f} | {len(store.window)} | {total_stories} |")
            print(lines[-1], flush=True)
    write_section(
        "stories_scale",
        f"## Story ingest at scale ({date.today().isoformat()}, one core)\n\n`python benchmarks/stories_scale.py --articles {args.articles}`:"
        " the dev articles repeated in rounds shifted 16 years, one paragraph dropped each; ingest + assign + SQLite.\n\n" + "\n".join(lines),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
