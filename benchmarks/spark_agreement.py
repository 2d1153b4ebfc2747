"""Does the Spark job agree with the single-machine path? Stories and briefs of the dev stream, both ways.

The dev stream (benchmarks/make_story_stream.py: tac2010_A + duc2006 + duc2007_update + multiling2011,
built at run time from ../shared/data and never kept) goes once through `synoptic stories ingest`'s
path (a fresh SQLite store) and once through `synoptic spark run` on a local Spark. The script reports
the BCubed F1 of each against the gold stories (the issue asks for the two within 0.01), how many
articles got the same story, and how many of the stories' briefs are identical (the JSON of each,
less its elapsed time). The figures go to benchmarks/results.md, section "spark_agreement".

    python benchmarks/spark_agreement.py [--master local[2]]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from make_story_stream import DATA, DEFAULT_SETS, stream_articles
from record import write_section

from synoptic.evaluate.stories import bcubed


def _without_timing(brief: dict) -> dict:
    brief.get("meta", {}).pop("elapsed_ms", None)
    return brief


def _brief_or_error(store, story: str, story_brief) -> dict | str:
    """The story's brief, or the one-line error that `stories show` prints for it (both paths
    refuse a story whose articles hold no usable sentence, and must refuse the same ones)."""
    from synoptic.errors import SynopticError

    try:
        return _without_timing(story_brief(store, story).to_dict())
    except SynopticError as exc:
        return str(exc)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--no-record", action="store_true", help="print the figures without writing results.md")
    args = parser.parse_args(argv)
    if not all((DATA / f"{s}.jsonl").is_file() for s in DEFAULT_SETS):
        print(f"spark_agreement: {DATA}: the dev data is missing; it is needed to build the stream", file=sys.stderr)
        return 1

    import pyarrow.parquet as pq

    from synoptic.distributed.command import require_java, spark_session
    from synoptic.distributed.job import JobSettings, run_job
    from synoptic.ingest import iter_articles
    from synoptic.stories import StoryStore, story_brief

    require_java()
    with tempfile.TemporaryDirectory(prefix="synoptic-spark-agreement-") as folder:
        stream = Path(folder) / "stream.jsonl"
        gold: dict[str, str] = {}
        with open(stream, "w", encoding="utf-8") as handle:
            for line in stream_articles(DATA, list(DEFAULT_SETS)):
                handle.write(json.dumps(line, ensure_ascii=False) + "\n")
                gold[line["id"]] = line["story"]

        started = time.perf_counter()
        with StoryStore(Path(folder) / "stories.db") as store:
            store.ingest(iter_articles([str(stream)]))
            reference = dict(store.assignments())
            reference_briefs = {story: _brief_or_error(store, story, story_brief) for story in sorted(set(reference.values()))}
        store_seconds = time.perf_counter() - started

        session, made_here = spark_session(args.master)
        try:
            output = Path(folder) / "spark"
            report = run_job(session, JobSettings((str(stream),), str(output)), lambda message: print(message, file=sys.stderr))
        finally:
            if made_here:
                session.stop()
        stories = pq.read_table(output / "stories").to_pydict()
        spark_rows = len(stories["article"])  # every article once: a row repeated would be a defect, counted here
        spark = dict(zip(stories["article"], stories["story"]))
        table = pq.read_table(output / "briefs").to_pydict()
        spark_briefs = {story: _without_timing(json.loads(brief)) for story, brief in zip(table["story"], table["brief"])}
        errors = pq.read_table(output / "errors").to_pydict()
        spark_briefs.update({origin.removeprefix("story "): error for origin, error in zip(errors["origin"], errors["error"]) if origin.startswith("story ")})

    def f1(assigned: dict[str, str]) -> float:
        scored = [a for a in assigned if a in gold]
        return bcubed([gold[a] for a in scored], [assigned[a] for a in scored]).f1

    same_story = sum(1 for a, s in reference.items() if spark.get(a) == s)
    same_brief = sum(1 for s, b in reference_briefs.items() if isinstance(b, dict) and spark_briefs.get(s) == b)
    same_refusal = sum(1 for s, b in reference_briefs.items() if isinstance(b, str) and spark_briefs.get(s) == b)
    refused = sum(isinstance(b, str) for b in reference_briefs.values())
    store_f1, spark_f1 = f1(reference), f1(spark)
    lines = [
        f"## Spark job vs `synoptic stories ingest` on the dev stream ({time.strftime('%Y-%m-%d')})",
        "",
        f"`python benchmarks/spark_agreement.py --master {args.master}`: the dev stream of benchmarks/make_story_stream.py "
        f"({len(gold)} articles, {len(set(gold.values()))} gold stories) through both paths.",
        "",
        "| path | article rows | stories | BCubed F1 | seconds |",
        "| --- | ---: | ---: | ---: | ---: |",
        f"| `stories ingest` + `stories show` (SQLite store) | {len(reference)} | {len(reference_briefs)} | {store_f1:.3f} | {store_seconds:.0f} |",
        f"| `spark run --master {args.master}` | {spark_rows} | {len(set(spark.values()))} | {spark_f1:.3f} | {report.seconds['total']:.0f} (the job; JVM start-up not counted) |",
        "",
        f"Same story for {same_story} of {len(reference)} articles; identical briefs (the JSON less `meta.elapsed_ms`) for "
        f"{same_brief} of {len(reference_briefs) - refused} stories, and the same refusal for {same_refusal} of {refused} "
        f"(a story with no usable sentence); BCubed F1 difference {abs(store_f1 - spark_f1):.3f} (allowed: 0.01).",
    ]
    markdown = "\n".join(lines)
    print(markdown)
    if not args.no_record:
        write_section("spark_agreement", markdown)
    agree = spark_rows == len(reference) and same_brief + same_refusal == len(reference_briefs)
    return 0 if agree and abs(store_f1 - spark_f1) <= 0.01 else 1


if __name__ == "__main__":
    sys.exit(main())
