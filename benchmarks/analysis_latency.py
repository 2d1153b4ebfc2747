"""What the cross-source analysis adds to a brief's latency, and what each part costs.

Runs every tac2010_A cluster (or --data FILE) through ``brief_cluster`` with and without analysis in
the same process and reports the medians, their ratio, and the median of each compare function on
its own. Before measuring it briefs the clusters of --warm (another dev set: lazy imports and the
word caches are then as warm as in a server that has seen other news, but nothing of these clusters
is cached), and the two variants alternate which goes first. --repeat > 1 re-runs the same clusters,
whose words are then cached: a best case.

On a shared 2-core machine the ratio of two medians moves by ±5 points from run to run, so the whole
measurement runs --runs times, each in a fresh process (cold caches every time), and the record gives
every run's ratio and their median.
Run: .venv/bin/python benchmarks/analysis_latency.py [--data FILE] [--warm FILE] [--repeat 1] [--runs 5]
"""

from __future__ import annotations

import argparse
import datetime
import multiprocessing
import statistics
import time
from pathlib import Path

from record import write_section

from synoptic.compare import agreed_facts, build_timeline, find_conflicts, find_entities, find_quotes
from synoptic.ingest import iter_clusters
from synoptic.options import Options
from synoptic.pipeline import brief_cluster, prepare_corpus
from synoptic.summarize.methods import copy_families

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "tac2010_A.jsonl"
WARM = DATA.with_name("duc2007_update.jsonl")
PARTS = {"facts": agreed_facts, "conflicts": find_conflicts, "timeline": build_timeline, "entities": find_entities, "quotes": find_quotes}


def measure(data: Path, warm: Path, repeat: int) -> dict[str, float]:
    """One run: the median ms per cluster of the brief without and with analysis, and of each part."""
    clusters = [c for c in iter_clusters(data) if not isinstance(c, Exception)]
    plain, full = Options(min_articles=1, analysis=False), Options(min_articles=1)
    for cluster in iter_clusters(warm) if warm.is_file() else ():
        if not isinstance(cluster, Exception):
            brief_cluster(cluster, full)
    times: dict[str, list[float]] = {"summary only": [], "with analysis": [], **{k: [] for k in PARTS}}
    for _ in range(repeat):
        for k, cluster in enumerate(clusters):
            variants = (("summary only", plain), ("with analysis", full))
            for label, options in variants if k % 2 else variants[::-1]:
                started = time.perf_counter()
                brief_cluster(cluster, options)
                times[label].append((time.perf_counter() - started) * 1000)
            corpus = prepare_corpus(cluster.articles)
            families = copy_families(corpus)
            for name, function in PARTS.items():
                started = time.perf_counter()
                function(corpus, families)
                times[name].append((time.perf_counter() - started) * 1000)
    return {k: statistics.median(v) for k, v in times.items()}


def added(medians: dict[str, float]) -> float:
    return 100 * (medians["with analysis"] / medians["summary only"] - 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--warm", type=Path, default=WARM)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    n_clusters = sum(1 for c in iter_clusters(args.data) if not isinstance(c, Exception))
    runs = []
    for _ in range(args.runs):  # one fresh process per run, one after the other: cold caches, one core
        with multiprocessing.get_context("spawn").Pool(1) as pool:
            runs.append(pool.apply(measure, (args.data, args.warm, args.repeat)))
        print(f"run {len(runs)}: analysis adds {added(runs[-1]):.0f}%", flush=True)
    middle = sorted(runs, key=added)[len(runs) // 2]
    lines = [
        "## What the cross-source analysis costs (`benchmarks/analysis_latency.py`)",
        "",
        f"{args.data.name}: {n_clusters} clusters × {args.repeat} run(s) after a warm-up on {args.warm.name}, "
        f"{datetime.date.today().isoformat()}; median ms per cluster, one core; {len(runs)} runs, each in a fresh process.",
        "",
        "| part | median ms (the median run) | " + " | ".join(f"run {k + 1}" for k in range(len(runs))) + " |",
        "| --- | ---: |" + " ---: |" * len(runs),
        *(f"| {label} | {middle[label]:.1f} | " + " | ".join(f"{r[label]:.1f}" for r in runs) + " |" for label in middle),
        "| analysis adds | " + f"{added(middle):.0f}% | " + " | ".join(f"{added(r):.0f}%" for r in runs) + " |",
        "",
        f"Analysis adds **{added(middle):.0f}%** to the median brief latency (median of {len(runs)} runs; "
        f"range {min(map(added, runs)):.0f}–{max(map(added, runs)):.0f}%).",
    ]
    print("\n".join(lines))
    write_section("analysis_latency", "\n".join(lines))


if __name__ == "__main__":
    main()
