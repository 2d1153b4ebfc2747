"""The Spark job at scale: articles/s on local[1] and local[2] over a synthetic year of news, and the speed-up.

The corpus is generated at run time from the dev stream (benchmarks/make_story_stream.py, built from
../shared/data, which is licensed for research use only, so nothing generated is kept): the dev
articles are copied round after round until there are --articles of them. Each round is a perturbed
copy: every word and number (stopwords aside) takes a suffix of the round, so each round's stories
are new stories with their own names and terms, as a new year's news would be; one paragraph is
dropped, and the dev stream's 15 years of dates are squeezed into one year (2025), all rounds side by
side, so that a day holds hundreds of articles. A share of articles is republished (a syndicated
copy with a caption, and an exact repeat), so that the near-duplicate and repeated-text steps do
real work. The corpus is written as JSONL shards, as an archive would be.

Each master runs in its own process (its own JVM), through `python -m synoptic.distributed run`,
and reports its seconds per step (--json). The big corpus is grouped into stories only
(--no-briefs): a story's brief costs about 55 ms of one core, so its ~18,000 briefs would take
about 20 minutes here; a second, smaller corpus is run with briefs, to measure that step. The stories' BCubed F1
against the rounds' gold stories is printed as a check that the grouping works at this volume.

    python benchmarks/spark_scaling.py [--articles 200000] [--brief-articles 10000] [--masters local[1],local[2]]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from make_story_stream import DATA, DEFAULT_SETS, stream_articles
from record import write_section

from synoptic.analyze.tokens import STOPWORDS
from synoptic.stories.features import parse_day

SEED = 11
YEAR = 2025
SHARDS = 16  # JSONL files: read one task each, as the files of a crawl are
COPY_SHARE = 0.05  # articles republished as a syndicated copy (caption added, a word changed)
REPEAT_SHARE = 0.01  # articles published twice with the same text
IDLE_DAYS = 60  # the dev stream's 800-day idle window, squeezed by the same factor as its dates
_WORD = re.compile(r"\b(\w{2,})\b")


def suffix(round_: int) -> str:
    """Letters naming a round (a, b, …, z, ba, bb, …): appended to words, they give each round its own vocabulary."""
    letters = ""
    n = round_
    while True:
        letters = chr(ord("a") + n % 26) + letters
        n //= 26
        if n == 0:
            return letters


def perturb(text: str, mark: str) -> str:
    """Every word and number but the stopwords, with the round's mark appended, so that rounds share no
    term. (A suffixed "said" would be a term of every article of its round, rare in the corpus, and
    would join them all.)"""
    return _WORD.sub(lambda m: m.group(1) if m.group(1).lower() in STOPWORDS else m.group(1) + mark, text)


def synthetic_corpus(base: list[dict], total: int) -> Iterator[tuple[dict, str]]:
    """(article line, gold story) for ``total`` articles: rounds of perturbed copies of ``base``."""
    rng = random.Random(SEED)
    days = [parse_day(a["date"]) for a in base]
    first, last = min(d for d in days if d), max(d for d in days if d)
    start = date(YEAR, 1, 1).toordinal()
    produced, round_ = 0, 0
    while produced < total:
        mark = "q" + suffix(round_)
        for article, day in zip(base, days):
            if produced >= total:
                return
            paragraphs = article["text"].split("\n")
            if len(paragraphs) > 2:
                del paragraphs[rng.randrange(1, len(paragraphs))]
            text = perturb("\n".join(paragraphs), mark)
            squeezed = None if day is None else date.fromordinal(start + (day - first) * 364 // (last - first)).isoformat()
            line = {"id": f"{article['id']}#{round_}", "title": perturb(article["title"] or "", mark), "text": text,
                    "date": squeezed, "source": article["source"]}  # fmt: skip
            story = f"{round_}/{article['story']}"
            yield line, story
            produced += 1
            roll = rng.random()
            if roll < COPY_SHARE and produced < total:
                copy_day = None if squeezed is None else (date.fromisoformat(squeezed) + timedelta(days=rng.randint(0, 2))).isoformat()
                yield {**line, "id": line["id"] + "-copy", "date": copy_day, "text": text.replace(" the ", " a ", 1) + "\nPhoto: agency."}, story
                produced += 1
            elif roll < COPY_SHARE + REPEAT_SHARE and produced < total:
                yield {**line, "id": line["id"] + "-again"}, story
                produced += 1
        round_ += 1


def write_corpus(folder: Path, total: int) -> dict[str, str]:
    items = list(stream_articles(DATA, list(DEFAULT_SETS)))
    shards = [open(folder / f"part-{i:03d}.jsonl", "w", encoding="utf-8") for i in range(SHARDS)]
    gold: dict[str, str] = {}
    try:
        for n, (line, story) in enumerate(synthetic_corpus(items, total)):
            shards[n * SHARDS // total].write(json.dumps(line, ensure_ascii=False) + "\n")
            gold[line["id"]] = story
    finally:
        for shard in shards:
            shard.close()
    return gold


def run_master(corpus: Path, output: Path, master: str, briefs: bool, memory: str) -> dict:
    report = output.with_suffix(".json")
    command = [sys.executable, "-m", "synoptic.distributed", "run", "--input", str(corpus), "--output", str(output), "--master", master,
               "--idle-days", str(IDLE_DAYS), "--json", str(report), "--conf", f"spark.driver.memory={memory}"]  # fmt: skip
    if not briefs:
        command.append("--no-briefs")
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if not report.exists():
        sys.stderr.write(done.stderr[-3000:])
        raise SystemExit(f"spark_scaling: the run on {master} failed (exit {done.returncode})")
    figures = json.loads(report.read_text())
    figures["wall"] = wall
    return figures


def bcubed_f1(output: Path, gold: dict[str, str]) -> float:
    import pyarrow.parquet as pq

    from synoptic.evaluate.stories import bcubed

    table = pq.read_table(output / "stories").to_pydict()
    pairs = [(gold[a], s) for a, s in zip(table["article"], table["story"]) if a in gold]
    return bcubed([g for g, _ in pairs], [s for _, s in pairs]).f1


def measure(folder: Path, articles: int, masters: list[str], briefs: bool, memory: str) -> dict[str, dict]:
    """Generate a corpus of ``articles`` under ``folder`` and run the job on it once per master."""
    corpus = folder / "corpus"
    shutil.rmtree(corpus, ignore_errors=True)
    corpus.mkdir(parents=True)
    started = time.perf_counter()
    gold = write_corpus(corpus, articles)
    size = sum(p.stat().st_size for p in corpus.iterdir()) / 1e6
    print(f"corpus: {len(gold)} articles, {size:.0f} MB in {SHARDS} JSONL files, generated in {time.perf_counter() - started:.0f} s", flush=True)
    results = {}
    for master in masters:
        output = folder / f"out-{master.replace('[', '').replace(']', '').replace('*', 'all')}"
        shutil.rmtree(output, ignore_errors=True)
        figures = run_master(corpus, output, master, briefs, memory)
        figures["bcubed_f1"] = bcubed_f1(output, gold)
        results[master] = figures
        steps = ", ".join(f"{k} {v:.0f}" for k, v in figures["seconds"].items() if k != "total")
        print(f"{master}: {figures['seconds']['total']:.0f} s in the job ({figures['wall']:.0f} s with start-up), "
              f"{figures['articles'] / figures['seconds']['total']:.0f} articles/s; steps (s): {steps}; "
              f"{figures['stories']} stories, {figures['briefs']} briefs, BCubed F1 {figures['bcubed_f1']:.3f}", flush=True)  # fmt: skip
    return results


def tables(title: str, results: dict[str, dict]) -> str:
    """Markdown: articles/s and speed-up per master, then seconds per step."""
    masters = list(results)
    base = results[masters[0]]["seconds"]["total"]
    lines = [f"### {title}", "", "| master | articles | stories | briefs | job s | articles/s | speed-up | BCubed F1 (synthetic gold) |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]  # fmt: skip
    for master in masters:
        r = results[master]
        total = r["seconds"]["total"]
        lines.append(f"| {master} | {r['articles']} | {r['stories']} | {r['briefs']} | {total:.0f} | {r['articles'] / total:.0f} | {base / total:.2f}× | {r['bcubed_f1']:.3f} |")
    lines += ["", "| step | " + " | ".join(masters) + " | speed-up |", "| --- |" + " ---: |" * (len(masters) + 1)]
    for step in (k for k in results[masters[0]]["seconds"] if k != "total"):
        values = [results[m]["seconds"].get(step, 0.0) for m in masters]
        lines.append(f"| {step} | " + " | ".join(f"{v:.0f} s" for v in values) + f" | {values[0] / values[-1] if values[-1] else float('nan'):.2f}× |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200_000, help="articles of the corpus grouped into stories (default %(default)s)")
    parser.add_argument("--brief-articles", type=int, default=10_000,
                        help="articles of a second corpus run with briefs too (default %(default)s; 0: none). A brief costs ~55 ms "
                             "of one core, so briefs of the big corpus would take ~20 minutes here")  # fmt: skip
    parser.add_argument("--masters", default="local[1],local[2]")
    parser.add_argument("--memory", default="6g", help="spark.driver.memory (local mode: the driver is the executor)")
    parser.add_argument("--no-record", action="store_true", help="print the tables without writing results.md")
    parser.add_argument("--workdir", type=Path, help="where to write the corpora and outputs (default: a temporary folder, removed after)")
    args = parser.parse_args(argv)
    if not all((DATA / f"{s}.jsonl").is_file() for s in DEFAULT_SETS):
        print(f"spark_scaling: {DATA}: the dev data is missing; it is needed to generate the corpus", file=sys.stderr)
        return 1
    folder = args.workdir or Path(tempfile.mkdtemp(prefix="synoptic-spark-scaling-"))
    masters = args.masters.split(",")
    sections = [f"## Spark job scaling ({time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores)", "",
                f"`python benchmarks/spark_scaling.py --articles {args.articles} --brief-articles {args.brief_articles} --masters {args.masters}`: "
                "a synthetic year of news (perturbed rounds of the dev articles, see the script), one JVM per master, "
                f"spark.driver.memory={args.memory}, --idle-days {IDLE_DAYS}. Seconds are the job's own (Spark start-up excluded)."]  # fmt: skip
    try:
        grouping = measure(folder / "stories", args.articles, masters, False, args.memory)
        sections += ["", tables(f"Stories only (--no-briefs), {args.articles} articles", grouping)]
        if args.brief_articles:
            with_briefs = measure(folder / "briefs", args.brief_articles, masters, True, args.memory)
            sections += ["", tables(f"Stories and briefs, {args.brief_articles} articles", with_briefs)]
    finally:
        if args.workdir is None:
            shutil.rmtree(folder, ignore_errors=True)
    markdown = "\n".join(sections)
    print("\n" + markdown, flush=True)
    if not args.no_record:
        write_section("spark_scaling", markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
