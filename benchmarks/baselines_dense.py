"""Time and peak memory of each classic baseline on a cluster of many long reports that share their
wording: 4, 16 and 60 articles of 500 sentences (2,000, 8,000 and 30,000 sentences) by default.

Nearly every sentence of such a cluster is similar to every other, so a baseline that builds an n×n
sentence matrix needs 7 GB a float64 matrix at 30,000 sentences (MAX_CLUSTER_SENTENCES, the most a
cluster is read); the baselines keep sparse top-k graphs and candidate pools instead, and this measures
those bounds. The articles are brief_dense.py's made-up text, with a made-up reference summary (the
oracle needs one), written as one cluster a line in a scratch folder. Each method and size is scored
by `synoptic eval FILE --methods METHOD` in its own process, under an address-space limit (--limit-gb)
so that a method past it fails with an error instead of swapping the machine.

    python benchmarks/baselines_dense.py [--sizes 4,16,60] [--sentences 500] [--methods lead,...] [--limit-gb 12] [--no-record]

The table goes to benchmarks/results.md, section "baselines_dense".
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from brief_dense import shared_wording_articles
from record import write_section

DEFAULT_SIZES = "4,16,60"
DEFAULT_METHODS = "lead,random,centroid,lexrank,textrank,klsum,submodular,ilp,oracle"


def write_cluster(count: int, sentences: int, scratch: Path) -> Path:
    """One cluster of ``count`` made-up articles of ``sentences`` sentences, with a made-up reference."""
    reference = shared_wording_articles(1, 6)[0]["text"]
    cluster = {"id": f"pier-{count}", "articles": shared_wording_articles(count, sentences), "summary": [reference]}
    path = scratch / f"cluster_{count}.jsonl"
    path.write_text(json.dumps(cluster) + "\n", encoding="utf-8")
    return path


def eval_once(path: Path, method: str, limit_bytes: int) -> tuple[float, float, str]:
    """(seconds, peak RSS in MB, outcome) of `synoptic eval PATH --methods METHOD --words 100` in a child
    process whose address space is limited to ``limit_bytes``; the outcome is "ok" or the error it printed."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit_bytes, limit_bytes))

    errors = path.with_suffix(f".{method}.stderr")
    started = time.perf_counter()
    with errors.open("w", encoding="utf-8") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "synoptic", "eval", str(path), "--methods", method, "--words", "100"],
            env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=stderr, preexec_fn=limit,
        )
        _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    lines = [line for line in errors.read_text(encoding="utf-8").splitlines() if line.strip()]
    code = os.waitstatus_to_exitcode(status)
    outcome = "ok" if code == 0 else (lines[-1][:100] if lines else f"exit {code}")
    return seconds, usage.ru_maxrss / 1024, outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help="comma-separated article counts")
    parser.add_argument("--sentences", type=int, default=500, help="sentences of each article")
    parser.add_argument("--methods", default=DEFAULT_METHODS, help="comma-separated methods")
    parser.add_argument("--limit-gb", type=float, default=12.0, help="address-space limit of each run")
    parser.add_argument("--no-record", action="store_true", help="print the table without writing results.md")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory(prefix="baselines_dense_") as scratch:
        paths = {size: write_cluster(size, args.sentences, Path(scratch)) for size in sizes}
        for method in args.methods.split(","):
            for size in sizes:
                seconds, peak_mb, outcome = eval_once(paths[size], method, int(args.limit_gb * 1024**3))
                rows.append(f"| {method} | {size * args.sentences} | {seconds:.1f} | {peak_mb:.0f} | {outcome} |")
                print(rows[-1], flush=True)
    table = "\n".join([
        "## Baselines on one cluster of many long reports of shared wording (`benchmarks/baselines_dense.py`)",
        "",
        f"`python benchmarks/baselines_dense.py --sizes {args.sizes} --sentences {args.sentences} --limit-gb {args.limit_gb:g}`,",
        f"{date.today().isoformat()}: made-up articles whose sentences all share their words, one cluster each,",
        "`synoptic eval FILE --methods METHOD --words 100` in its own process; "
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}.",
        "",
        "| method | sentences | seconds | peak RSS MB | outcome |",
        "|---|---:|---:|---:|---|",
        *rows,
    ])
    print(f"\n{table}")
    if not args.no_record:
        write_section("baselines_dense", table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
