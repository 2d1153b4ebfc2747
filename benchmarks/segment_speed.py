"""Segmenter throughput: sentences per second on one core, pysbd beside it when installed.

Corpus: the article texts of ../shared/data/*.jsonl when present, else the bundled sample.
Run: .venv/bin/python benchmarks/segment_speed.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from synoptic.analyze.segment import split_sentences

ROOT = Path(__file__).resolve().parents[1]


def corpus() -> tuple[str, list[str]]:
    data = ROOT.parent / "shared" / "data"
    files = sorted(data.glob("*.jsonl")) if data.is_dir() else []
    if files:
        texts = [a["text"] for f in files for line in open(f, encoding="utf-8") for a in json.loads(line)["articles"]]
        return f"{len(files)} files of ../shared/data", texts
    sample = ROOT / "examples" / "varrow-pass"
    return "bundled sample ×200", [p.read_text(encoding="utf-8") for p in sorted(sample.glob("*.txt"))] * 200


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    name, texts = corpus()
    times, count = [], 0
    for _ in range(args.repeat):
        started = time.perf_counter()
        count = sum(len(split_sentences(t)) for t in texts)
        times.append(time.perf_counter() - started)
    median = statistics.median(times)
    print(f"corpus: {name}: {len(texts)} texts, {count} sentences")
    print(f"synoptic: median {median:.3f} s over {args.repeat} runs = {count / median:,.0f} sentences/s")
    try:
        import pysbd
    except ImportError:
        print("pysbd: not installed (pip install pysbd to compare)")
        return
    subset = texts[:200]
    seg = pysbd.Segmenter(language="en", clean=False)
    started = time.perf_counter()
    n = sum(len(seg.segment(t)) for t in subset)
    pysbd_rate = n / (time.perf_counter() - started)
    print(f"pysbd: {pysbd_rate:,.0f} sentences/s on the first {len(subset)} texts; synoptic is {count / median / pysbd_rate:.0f}x faster")


if __name__ == "__main__":
    main()
