"""Brief time and peak memory as one brief reads more articles: 50, 200, 400 and 1,000 by default.

The input of each size is the first N articles of ../shared/data/duc2006.jsonl (forty stories of
twenty-five reports each, so the sentence-similarity structure meets both related and unrelated
pairs), written one article a line as {"id", "title", "text", "date"} into a scratch folder at run
time (never committed). Each size is briefed by the CLI in its own process, analysis on (the
default), so its peak RSS is that brief's alone; wall time and peak RSS come from the child's
rusage.

    python benchmarks/brief_scale.py [--sizes 50,200,400,1000] [--data ../shared/data/duc2006.jsonl]

The table goes to benchmarks/results.md, section "brief_scale".
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from record import write_section

DATA = ROOT.parent / "shared" / "data" / "duc2006.jsonl"
DEFAULT_SIZES = "50,200,400,1000"


def first_articles(data: Path, count: int) -> list[dict]:
    """The first ``count`` articles of a cluster JSONL file, in file order, with unique ids."""
    articles: list[dict] = []
    with data.open(encoding="utf-8") as handle:
        for line in handle:
            cluster = json.loads(line)
            for k, article in enumerate(cluster.get("articles", [])):
                articles.append({
                    "id": f"{cluster['id']}-{k + 1}",
                    "title": article.get("title"),
                    "text": article["text"],
                    "date": article.get("date"),
                })
                if len(articles) == count:
                    return articles
    return articles


def brief_once(path: Path, out: Path) -> tuple[float, float, dict]:
    """(seconds, peak RSS in MB, the brief's meta) of `synoptic brief PATH -o OUT --format json` in a child process."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    errors = out.with_suffix(".stderr")
    started = time.perf_counter()
    with errors.open("w", encoding="utf-8") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "synoptic", "brief", str(path), "--format", "json", "-o", str(out)],
            env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=stderr,
        )
        _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"brief of {path} failed: {errors.read_text(encoding='utf-8').strip()}")
    return seconds, usage.ru_maxrss / 1024, json.loads(out.read_text(encoding="utf-8"))["meta"]


def brief_articles(articles: list[dict], scratch: Path, name: str) -> tuple[float, float, dict]:
    """brief_once of ``articles``, written one a line as SCRATCH/articles_NAME.jsonl."""
    path = scratch / f"articles_{name}.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return brief_once(path, scratch / f"brief_{name}.json")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help="comma-separated article counts")
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"{args.data}: not present (only in the development workspace); nothing measured", file=sys.stderr)
        return 1
    sizes = [int(size) for size in args.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory(prefix="brief_scale_") as scratch:
        for size in sizes:
            articles = first_articles(args.data, size)
            seconds, peak_mb, meta = brief_articles(articles, Path(scratch), str(size))
            rows.append(f"| {len(articles)} | {meta['sentences']} | {seconds:.1f} | {peak_mb:.0f} |")
            print(rows[-1], flush=True)
    table = "\n".join([
        "## Brief at scale (`benchmarks/brief_scale.py`)",
        "",
        f"`python benchmarks/brief_scale.py --sizes {args.sizes}`, {date.today().isoformat()}: the first N articles of",
        f"`{args.data.name}`, one brief each (`synoptic brief FILE.jsonl --format json`, analysis on), each in its own",
        f"process; {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}.",
        "",
        "| articles | sentences | seconds | peak RSS MB |",
        "|---:|---:|---:|---:|",
        *rows,
    ])
    write_section("brief_scale", table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
