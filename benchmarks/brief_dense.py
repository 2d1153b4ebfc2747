"""Brief time and peak memory for a cluster of many long reports that share their wording: 10, 30 and 60
articles of 1,500 sentences by default.

Nearly every sentence of such a cluster is similar to every other, so the sentence-similarity matrix would be
dense and grow with the square of the sentences; the brief reads at most MAX_CLUSTER_SENTENCES of them
and keeps SIMILARITY_MAX_NEIGHBOURS cosines a sentence, and this measures that bound. The text is made up
at run time from a few word lists (the same on every run), one article a line as {"id", "title",
"text", "date"} in a scratch folder. Each size is briefed by the CLI in its own process, analysis on,
as benchmarks/brief_scale.py does.

    python benchmarks/brief_dense.py [--sizes 10,30,60] [--sentences 1500] [--no-record]

The table goes to benchmarks/results.md, section "brief_dense".
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from brief_scale import brief_articles
from record import write_section

DEFAULT_SIZES = "10,30,60"
SUBJECTS = ["The ferry board", "Harbour officials", "The pier crew", "Kelsby council", "The port inspector", "Dock workers"]
VERBS = ["checked", "repaired", "inspected", "closed", "reopened", "painted", "measured", "reported"]
OBJECTS = ["the north pier lights", "the ferry ramp", "the harbour gates", "the signal mast", "the loading crane", "the tide gauge"]
WHEN = ["on Monday night", "after the storm", "before the morning crossing", "during the low tide", "for the second week"]


def shared_wording_articles(count: int, sentences: int) -> list[dict]:
    """``count`` articles of ``sentences`` sentences each, every one built from the same few words."""
    pick = random.Random(7).choice
    return [
        {
            "id": f"pier-{k + 1}",
            "title": f"Kelsby pier works, report {k + 1}",
            "text": " ".join(
                f"{pick(SUBJECTS)} {pick(VERBS)} {pick(OBJECTS)} {pick(WHEN)} in section {n % 40 + 1}." for n in range(sentences)
            ),
            "date": f"2026-03-{k % 28 + 1:02d}",
        }
        for k in range(count)
    ]


def measured_row(count: int, sentences: int, scratch: Path) -> str:
    """The table row of one brief of ``count`` made-up articles of ``sentences`` sentences, printed as it comes."""
    seconds, peak_mb, meta = brief_articles(shared_wording_articles(count, sentences), scratch, str(count))
    cut = meta["removed"].get("past_cluster_sentence_cap", 0)
    row = f"| {count} | {count * sentences} | {meta['sentences']} | {cut} | {seconds:.1f} | {peak_mb:.0f} |"
    print(row, flush=True)
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help="comma-separated article counts")
    parser.add_argument("--sentences", type=int, default=1500, help="sentences of each article")
    parser.add_argument("--no-record", action="store_true", help="print the table without writing results.md")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="brief_dense_") as scratch:
        rows = [measured_row(int(size), args.sentences, Path(scratch)) for size in args.sizes.split(",")]
    table = "\n".join([
        "## Brief of many long reports of shared wording (`benchmarks/brief_dense.py`)",
        "",
        f"`python benchmarks/brief_dense.py --sizes {args.sizes} --sentences {args.sentences}`, {date.today().isoformat()}:",
        "made-up articles whose sentences all share their words, one brief each (`synoptic brief FILE.jsonl",
        f"--format json`, analysis on), each in its own process; {platform.machine()}, {os.cpu_count()} cores,",
        f"Python {platform.python_version()}.",
        "",
        "| articles | sentences written | sentences read | articles cut | seconds | peak RSS MB |",
        "|---:|---:|---:|---:|---:|---:|",
        *rows,
    ])
    if not args.no_record:
        write_section("brief_dense", table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
