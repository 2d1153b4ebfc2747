"""ROUGE and speed of every summarization method on every dev set in ../shared/data; records them in results.md.

Each dataset is evaluated at its reference length class, in a fresh process (so peak memory is that
dataset's), through synoptic.evaluate.runner, the code behind ``synoptic eval``. The Markdown replaces
the "eval_table" section of benchmarks/results.md (see record.py) and is printed.

Run: .venv/bin/python benchmarks/eval_table.py [--limit K] [--datasets a,b] [--methods a,b]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import shlex
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timezone
from pathlib import Path

from record import RESULTS as OUTPUT
from record import write_section

from synoptic.errors import SynopticError
from synoptic.evaluate.runner import EvalReport, is_upper_bound, resolve_methods, run_eval
from synoptic.summarize import METHODS

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
# Dataset → word budget: the length class of its reference summaries (see ../shared/data/README.md).
DATASETS = {
    "tac2010_A": 100,
    "duc2007_update": 100,
    "duc2006": 250,
    "multiling2011": 250,
    "allsides_neus_test": 70,
}


def _report_error(exc: SynopticError) -> None:
    print(f"eval_table: {exc}; skipped", file=sys.stderr)


def _progress(method: str, done: int, total: int) -> None:
    sys.stderr.write(f"\r  {method}: {done}/{total} clusters" if done < total else "\r\033[K")
    sys.stderr.flush()


def _evaluate(path: Path, methods: list[str], words: int, limit: int | None) -> EvalReport:
    """One dataset in a fresh process, so that its peak memory is its own."""
    progress = _progress if sys.stderr.isatty() else None
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(run_eval, path, methods, words, limit, _report_error, progress).result()


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    return f"{platform.platform()}, {cpu}, {os.cpu_count()} CPUs, Python {platform.python_version()}"


def _revision() -> str:
    """The git commit measured, with "-dirty" when the working tree had uncommitted changes."""
    try:
        proc = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True, timeout=10)
    except OSError:
        return "unknown"
    return proc.stdout.strip() if proc.returncode == 0 and proc.stdout.strip() else "unknown"


def render(reports: list[EvalReport], command: str) -> str:
    date = datetime.now(timezone.utc).strftime("%Y-%m-%d")
    lines = [
        "## Summary quality and speed of every method (`benchmarks/eval_table.py`)",
        "",
        f"- date: {date}",
        f"- machine: {_machine()}",
        f"- code: {_revision()}",
        f"- command: `{command}`",
        "- ROUGE: rouge-score, Porter stemmer; recall (R) and F1 (F) ×100 against each reference, averaged over the",
        "  references, then over the clusters. Each summary is the method's brief, cut to the dataset's word budget.",
        "- speed: wall time of `brief_cluster` per cluster (one core, one process per dataset); peak MB is that",
        "  process's peak resident memory after the method ran (cumulative over the methods run before it).",
        "- methods labelled (upper bound) read the reference summaries: they are ceilings, not competitors.",
        "",
    ]
    for report in reports:
        lines += [f"### {report.dataset}", "", f"{report.header()}", "", report.markdown().rstrip(), ""]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first K clusters of each dataset")
    parser.add_argument("--datasets", help=f"comma-separated, from: {', '.join(DATASETS)} (default: all present)")
    parser.add_argument("--methods", help="comma-separated methods (default: every registered one, oracles included)")
    parser.add_argument("--data", type=Path, default=DATA, help=f"folder of the dataset files (default {DATA})")
    parser.add_argument("--output", type=Path, default=OUTPUT, help=f"Markdown file to write (default {OUTPUT})")
    args = parser.parse_args()
    try:
        if args.methods is not None:
            methods = resolve_methods(args.methods)
        else:  # every registered method, the upper bounds last
            methods = sorted(resolve_methods(METHODS.names()), key=is_upper_bound)
        if args.limit is not None and args.limit < 1:
            raise SynopticError(f"--limit must be at least 1, not {args.limit}")
        names = [n.strip() for n in args.datasets.split(",") if n.strip()] if args.datasets else list(DATASETS)
        unknown = [n for n in names if n not in DATASETS]
        if unknown:
            raise SynopticError(f"unknown dataset(s) {', '.join(unknown)}; choose from: {', '.join(DATASETS)}")
    except SynopticError as exc:
        print(f"eval_table: error: {exc}", file=sys.stderr)
        return 2
    reports = []
    for name in names:
        path = args.data / f"{name}.jsonl"
        if not path.is_file():
            print(f"eval_table: {path} is not present; skipped", file=sys.stderr)
            continue
        print(f"eval_table: {name} at {DATASETS[name]} words, methods {', '.join(methods)}", file=sys.stderr)
        reports.append(_evaluate(path, methods, DATASETS[name], args.limit))
    if not reports:
        print(f"eval_table: error: no dataset found in {args.data}; nothing to evaluate", file=sys.stderr)
        return 1
    command = shlex.join(["python", "benchmarks/eval_table.py", *sys.argv[1:]])
    markdown = render(reports, command)
    write_section("eval_table", markdown, args.output)
    print(markdown, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
