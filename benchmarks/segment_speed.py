"""Sentence segmentation throughput on one core: synoptic's split_sentences, and pysbd beside it.

Why: segmentation runs over every article of every cluster, so it must stay far below the cost of
summarising; the target is >= 20,000 sentences/s in CPython.

Corpus: the article texts of every ../shared/data/*.jsonl (cluster lines, "articles"[i]["text"]) when
that folder exists, else a generated corpus built from a few paragraphs written for this script.
Whole texts are passed to split_sentences, as the pipeline does with article blocks.

Run: python benchmarks/segment_speed.py [--repeat 5] [--data DIR] [--generated]   (`make bench`; with
synoptic installed, or PYTHONPATH=. from the repository root)
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from synoptic.analyze.segment import split_sentences

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
PYSBD_PARAGRAPHS = 200  # pysbd manages a few hundred sentences/s; a subsample keeps the run short
SEED = 13

# Written for this benchmark (no third-party text): the hard cases of news copy in a few paragraphs.
_PARAGRAPHS = [
    "HARLOW, Ore. (AP) -- Flood crews worked through the night on Oct. 14 as the river rose 2.4 meters "
    "above its banks, officials said. \u201cWe have never seen water move this fast,\u201d said Lt. Col. "
    "Dana Pruitt of the U.S. Army Corps of Engineers. The agency moved 40 pumps into the valley by 6 a.m. "
    "Residents were told to leave... and most did.",
    "Shares of Tam & Sons Inc. fell 3.5 percent to $12.40 after the company cut its forecast to $1.2 "
    "billion. Analysts at Merrow Bros. said the drop was overdone. \"The fundamentals have not changed,\" "
    "said Ada Lee, who covers the sector. Trading volume was twice the 30-day average.",
    "The talks in Geneva stalled again on Tuesday. Diplomats from the U.N. and the E.U. met for six "
    "hours, but no deal emerged. ``We are closer than we were. We are not there yet,'' one envoy said. "
    "A new round is planned for Jan. 9.",
    "Gov. Ellen Marsh declared an emergency in three counties. The damage could top that of the 1996 "
    "floods, she said.The cleanup will take months, according to W.R. Tam, an engineer. Who pays is "
    "unclear. Insurers have not commented!",
    "Police said the driver, 34, was taken to St. Mary's Hospital. No one else was hurt. Was the road "
    "closed? Officials did not say. The investigation, led by Det. Sgt. Omar Reyes, continues.",
    "Voters in the state approved Measure No. 7 by a margin of 52.3 percent to 47.7 percent. Turnout "
    "was the highest since 2008. Supporters celebrated late into the night. Opponents, e.g. the "
    "taxpayers' league, said they would sue.",
]


def shared_corpus(data: Path) -> list[str]:
    """Every article text of every cluster file under `data`."""
    texts: list[str] = []
    for path in sorted(data.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    texts.extend(article["text"] for article in json.loads(line)["articles"] if article.get("text"))
    return texts


def generated_corpus(n_texts: int = 2_000) -> list[str]:
    """Articles of 3-5 shuffled paragraphs, deterministic, from the paragraphs above."""
    rng = random.Random(SEED)
    return ["\n\n".join(rng.sample(_PARAGRAPHS, rng.randint(3, 5))) for _ in range(n_texts)]


def time_runs(segment: Callable[[str], Sequence[object]], texts: list[str], repeat: int) -> tuple[int, float]:
    """Sentences found and the median wall time of `repeat` passes over `texts`."""
    times, count = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        count = sum(len(segment(text)) for text in texts)
        times.append(time.perf_counter() - started)
    return count, statistics.median(times)


def row(name: str, texts: int, sentences: int, seconds: float) -> str:
    rate = sentences / seconds if seconds else float("inf")
    return f"| {name} | {texts:,} | {sentences:,} | {seconds:.4f} | {rate:,.0f} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="passes over the corpus; the median is reported")
    parser.add_argument("--data", type=Path, default=SHARED_DATA, help="folder of cluster .jsonl files")
    parser.add_argument("--generated", action="store_true", help="use the generated corpus even if data exists")
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    texts = [] if args.generated or not args.data.is_dir() else shared_corpus(args.data)
    files = len(list(args.data.glob("*.jsonl"))) if texts else 0
    source = f"{args.data} ({files} files)" if texts else "generated (paragraphs written for this script)"
    if not texts:
        texts = generated_corpus()
    paragraphs = [p for text in texts for p in text.split("\n\n") if p.strip()]
    sample = random.Random(SEED).sample(paragraphs, min(PYSBD_PARAGRAPHS, len(paragraphs)))

    print(f"corpus: {source}; {len(texts):,} texts, {sum(map(len, texts)):,} characters")
    print(f"python {platform.python_version()} on {platform.machine()}, one process, median of {args.repeat} runs")
    print()
    print("| segmenter | texts | sentences | median s | sentences/s |")
    print("| --- | ---: | ---: | ---: | ---: |")
    count, seconds = time_runs(split_sentences, texts, args.repeat)
    print(row("synoptic (whole texts)", len(texts), count, seconds))
    ours_count, ours_seconds = time_runs(split_sentences, sample, args.repeat)
    print(row(f"synoptic ({len(sample)}-paragraph sample)", len(sample), ours_count, ours_seconds))

    try:
        import pysbd  # type: ignore[import-not-found]
    except ImportError:
        print()
        print("pysbd: not installed (pip install pysbd to compare)")
        return
    segmenter = pysbd.Segmenter(language="en", clean=False)
    theirs_count, theirs_seconds = time_runs(segmenter.segment, sample, min(args.repeat, 3))
    print(row(f"pysbd ({len(sample)}-paragraph sample)", len(sample), theirs_count, theirs_seconds))
    print()
    ratio = (ours_count / ours_seconds) / (theirs_count / theirs_seconds)
    print(f"synoptic is {ratio:,.0f}x pysbd in sentences/s on the same {len(sample)} paragraphs")


if __name__ == "__main__":
    main()
