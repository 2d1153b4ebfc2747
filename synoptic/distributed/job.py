"""The Spark job: a corpus of articles in, Parquet tables of articles, stories and briefs out.

Run it as `synoptic spark run …`, as `python -m synoptic.distributed run …`, or under spark-submit
with this file as the application (`spark-submit synoptic/distributed/job.py --input … --output …`).

The stories are exactly those of `synoptic stories ingest` (and `eval-stories`) given the articles in
date order: the job computes in parallel everything that does not depend on arrival order, and runs
the one step that does (putting each article into a story) as a single sequential pass over compact
signatures. The plan, with the data each step moves:

1. read (one task per file) and compute per-article features in parallel: fingerprint, day, hashed
   term counts, MinHash LSH band keys;
2. order the articles by (day, input order), undated ones last on the newest day; drop repeated
   texts (a later copy's stated date replaces a kept one's approximate date), rename clashing ids
   (shuffles of (order, fingerprint, id) only);
3. document frequencies: feature counts per time window (a map-side-combined aggregation), summed
   over the earlier windows per feature; then one task per window continues them article by article
   and computes the signatures (TF-IDF weights need the frequencies *before* each article);
4. near-duplicates: a join on LSH band keys between articles at most DUPLICATE_WINDOW_DAYS apart
   (no all-pairs step), confirmed by exact shingle Jaccard on the candidate pairs;
5. assignment: the signatures in order through one task (synoptic.distributed.assign);
6. write articles and stories; briefs: the articles grouped by story (a shuffle by story), one
   make_brief per story.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from functools import partial

from synoptic.distributed import pandas_warning_silenced
from synoptic.distributed.inputs import InputFile, list_inputs
from synoptic.errors import MissingExtraError, SynopticError
from synoptic.options import Options
from synoptic.stories.cluster import STORY_IDLE_DAYS

# Time-window partitions of the signature step: one task per window continues the document
# frequencies through its articles. A week keeps a window's task short at news volumes (a year of
# Common Crawl News is ~100k articles a day) and gives a year of news 52 parallel tasks. The stories
# do not depend on it: every window starts from the exact frequencies of all earlier ones.
DEFAULT_WINDOW_DAYS = 7
# An article's order packs (day, undated) above its input position, in a signed 64-bit long: 40 bits
# of position (a trillion records) leave 23 for day*2+1, which holds every date up to 9999-12-31
# (day 3,652,059), so no order is ever negative (the signature step's window headers are -1).
ORDER_INPUT_BITS = 40
ERRORS_SHOWN = 20  # bad records printed on stderr; all of them are in the errors table


@dataclass(frozen=True)
class JobSettings:
    inputs: tuple[str, ...]
    output: str
    window_days: int = DEFAULT_WINDOW_DAYS
    idle_days: int = STORY_IDLE_DAYS
    options: Options = field(default_factory=Options)
    briefs: bool = True
    overwrite: bool = False


@dataclass
class JobReport:
    """What a run did: counts for the summary line, and seconds per step (for benchmarks)."""

    files: int = 0
    records: int = 0
    failed: int = 0  # bad inputs and records, reported and skipped
    articles: int = 0
    exact_duplicates: int = 0  # repeated texts, dropped as `stories ingest` skips them
    near_duplicates: int = 0  # copies linked to their original
    stories: int = 0
    briefs: int = 0
    brief_failures: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    def line(self, output: str) -> str:
        briefs = f"{self.briefs} briefs" + (f" ({self.brief_failures} failed)" if self.brief_failures else "")
        return (
            f"{output}: {self.records} records from {self.files} files; {self.articles} articles "
            f"({self.exact_duplicates} repeated texts dropped, {self.near_duplicates} near-duplicates linked), "
            f"{self.stories} stories, {briefs}; {self.failed} failed"
        )

    def to_dict(self) -> dict:
        return {**asdict(self), "seconds": {k: round(v, 2) for k, v in self.seconds.items()}}


@contextmanager
def _step(report: JobReport, name: str) -> Iterator[None]:
    started = time.perf_counter()
    yield
    report.seconds[name] = time.perf_counter() - started


def run_job(
    spark, settings: JobSettings, on_error: Callable[[str], None] | None = None, on_note: Callable[[str], None] | None = None
) -> JobReport:  # spark: SparkSession
    """Run the job on ``spark``; each bad input, record or story is passed to ``on_error`` (a
    one-line message) and skipped, and all of them are written to the ``errors`` table. ``on_note``
    hears of files a folder holds that no reader takes."""
    cached: list = []  # the DataFrames the run persisted, released when it ends
    with pandas_warning_silenced():
        try:
            return _run(spark, settings, on_error or (lambda message: None), cached, on_note)
        finally:
            for frame in cached:
                frame.unpersist()


def _run(
    spark, settings: JobSettings, say: Callable[[str], None], cached: list, on_note: Callable[[str], None] | None
) -> JobReport:  # spark: SparkSession
    from pyspark import StorageLevel
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    from synoptic.distributed.tasks import (
        BRIEFS, FEATURES, PLACED, RECORDS, SCORES, SIGNATURES,
        assign_task, briefs_task, features_task, jaccard_task, read_task, signatures_task,
    )  # fmt: skip
    from synoptic.stories.store import DUPLICATE_WINDOW_DAYS

    report = JobReport()
    started = time.perf_counter()

    def persisted(frame):  # DataFrame -> DataFrame, kept in memory (spilling to disk) until the run ends
        cached.append(frame.persist(StorageLevel.MEMORY_AND_DISK))
        return frame

    files, missing = list_inputs(spark, list(settings.inputs), on_note)
    for error in missing:
        say(str(error))
    report.failed += len(missing)
    if not files:
        raise SynopticError("no input files to read; give JSONL, WARC or other article files, or folders of them")
    _check_readers(files)
    _check_output(spark, settings, files)
    report.files = len(files)
    parallelism = spark.sparkContext.defaultParallelism

    def table(name: str) -> str:
        return settings.output.rstrip("/") + "/" + name

    # 1. records and per-article features, persisted: every later step reads them
    with _step(report, "read"):
        by_uri = {f.uri: (f.index, f.origin, f.suffix) for f in files}
        listed = [_GLOB_CHARACTER.sub(r"\\\1", f.uri) for f in files]  # the files listed, not globs again ("[x].txt")
        records = spark.read.format("binaryFile").load(listed).mapInArrow(partial(read_task, by_uri), RECORDS.ddl)
        if len(files) < 2 * parallelism:  # a few big files: spread the feature work over every core
            records = records.repartition(2 * parallelism)
        records = persisted(records.mapInArrow(features_task, FEATURES.ddl))
        per_file = records.groupBy("file").agg(F.max("position").alias("n")).collect()
        bad = persisted(records.filter(F.col("error").isNotNull()).select("file", "position", "origin", "error"))
        bad_records = bad.count()  # also keeps them: the records are released after the next step
        # Undated articles take the newest day the store would have seen: that of the dated articles
        # it keeps, i.e. the first (earliest) of each text, never a repeat that it drops.
        newest = (
            records.filter(F.col("error").isNull() & F.col("day").isNotNull())
            .groupBy("fingerprint").agg(F.min("day").alias("day"))
            .agg(F.max("day")).first()[0]
        )  # fmt: skip
    report.records = sum(r["n"] for r in per_file) + sum(1 for r in per_file if r["n"] == 0)
    report.failed += bad_records
    newest = newest if newest is not None else _today()

    # 2. arrival order, repeated texts, id clashes
    with _step(report, "order"):
        counts = {r["file"]: r["n"] for r in per_file}
        offsets, total = [], 0
        for f in files:
            offsets.append((f.index, total))
            total += counts.get(f.index, 0)
        offset_table = spark.createDataFrame(offsets, "file int, offset long")
        undated = F.col("day").isNull().cast("long")
        day = F.coalesce(F.col("day"), F.lit(newest)).cast("long")
        articles = (
            records.filter(F.col("error").isNull())
            .join(F.broadcast(offset_table), "file")
            .withColumn("stated", F.col("day").isNotNull() & ~F.col("approximate"))  # a readable date of its own
            .withColumn("order", F.shiftleft(day * 2 + undated, ORDER_INPUT_BITS) + F.col("offset") + F.col("position"))
            .withColumn("day", day.cast("int"))
            .withColumn("window", F.floor(F.col("day") / settings.window_days).cast("int"))
        )
        first_text = Window.partitionBy("fingerprint").orderBy("order")
        # as in the store, the first later copy that states a date re-dates a kept text whose date was only
        # approximate (a crawl day, a cluster's date) or missing; the text keeps its place in the order
        every_copy = first_text.rowsBetween(Window.unboundedPreceding, Window.unboundedFollowing)
        stated_copy = F.first(F.when(F.col("stated"), F.struct("date", "day")), ignorenulls=True).over(every_copy)
        firsts = persisted(
            articles.select("order", "fingerprint", "id", "stated", "date", "approximate", "day")
            .withColumn("n", F.row_number().over(first_text)).withColumn("stated_copy", stated_copy).filter("n = 1")
            .select("order", "id", F.regexp_replace("id", r"(~[0-9]+)+$", "").alias("base"), "stated_copy",
                    (F.col("approximate") | F.col("date").isNull()).alias("redatable"))
        )  # fmt: skip
        redated = firsts.filter(F.col("redatable") & F.col("stated_copy").isNotNull()).select(
            "order", F.col("stated_copy.date").alias("stated_date"), F.col("stated_copy.day").alias("stated_day")
        )  # few rows: a join of the articles with it moves no texts
        restated = F.col("stated_date").isNotNull()
        kept = persisted(
            articles.join(_free_ids(spark, firsts.select("order", "id", "base")), "order").join(redated, "order", "left")
            .withColumn("date", F.when(restated, F.col("stated_date")).otherwise(F.col("date")))
            .withColumn("shown_day", F.when(restated, F.col("stated_day")).otherwise(F.col("day")))
            .withColumn("approximate", F.col("approximate") & ~restated)
            .drop("id", "error", "file", "position", "offset", "fingerprint", "stated", "stated_date", "stated_day")
        )  # fmt: skip
        report.articles = kept.count()
        report.exact_duplicates = report.records - bad_records - report.articles
        records.unpersist()

    # 3. signatures, one task per time window
    with _step(report, "signatures"):
        windows = kept.groupBy("window").count().orderBy("window").collect()
        before, documents_before = 0, []
        for row in windows:
            documents_before.append((row["window"], before))
            before += row["count"]
        per_window = kept.select("window", F.explode("features").alias("feature")).groupBy("window", "feature").count()
        earlier = Window.partitionBy("feature").orderBy("window").rowsBetween(Window.unboundedPreceding, -1)
        starts = (
            per_window.select("window", "feature", F.coalesce(F.sum("count").over(earlier), F.lit(0)).alias("start"))
            .groupBy("window").agg(F.collect_list(F.struct("feature", "start")).alias("frequencies"))
        )  # fmt: skip
        headers = (
            spark.createDataFrame(documents_before, "window int, documents_before long")
            .join(starts, "window", "left")
            .select("window", F.lit(-1).cast("long").alias("order"), "documents_before", "frequencies")
        )
        rows = kept.select("window", "order", "article", "day", "features", "counts")
        signatures = persisted(
            rows.unionByName(headers, allowMissingColumns=True)
            .repartition(max(1, min(len(windows), 2 * parallelism)), "window")
            .sortWithinPartitions("window", "order")
            .mapInArrow(signatures_task, SIGNATURES.ddl)
        )
        signatures.count()

    # 4. near-duplicates: LSH band join within DUPLICATE_WINDOW_DAYS, exact Jaccard on the candidates
    with _step(report, "near-duplicates"):
        bands = kept.select("order", "day", F.explode("bands").alias("band"))
        a, b = bands.alias("a"), bands.alias("b")
        pairs = (
            a.join(b, (F.col("a.band") == F.col("b.band")) & (F.col("a.order") < F.col("b.order")) & (F.col("a.day") >= F.col("b.day") - DUPLICATE_WINDOW_DAYS))
            .select(F.col("b.order").alias("copy"), F.col("a.order").alias("original")).distinct()
        )  # fmt: skip
        texts = kept.select("order", "text")
        scored = (
            pairs.join(texts.toDF("copy", "copy_text"), "copy")
            .join(texts.toDF("original", "original_text"), "original")
            .mapInArrow(jaccard_task, SCORES.ddl)
        )
        best = scored.groupBy("copy").agg(F.max(F.struct("score", (-F.col("original")).alias("earliest"))).alias("best"))
        copies = persisted(
            best.select(F.col("copy").alias("order"), (-F.col("best.earliest")).alias("original_order"))
            .join(kept.select(F.col("order").alias("original_order"), F.col("article").alias("original")), "original_order")
        )  # fmt: skip
        report.near_duplicates = copies.count()

    # 5. the sequential assignment
    with _step(report, "assign"):
        originals = copies.select(F.col("original_order").alias("order")).distinct().withColumn("is_original", F.lit(True))
        placed = persisted(
            signatures.join(copies.select("order", "original"), "order", "left")
            .join(originals, "order", "left")
            .repartition(1)
            .sortWithinPartitions("order")
            .mapInArrow(partial(assign_task, settings.idle_days), PLACED.ddl)
        )
        placed.count()  # once, before two branches read it (concurrent stages would each run the pass)
        redirects = placed.filter(F.col("article").isNull()).select("story", "merged_into")
        moved = F.col("move").isNotNull()
        stories = persisted(
            placed.filter(F.col("article").isNotNull())
            .groupBy("article")  # an article's placement row, and a row for each refinement move of it
            .agg(F.coalesce(F.max_by(F.when(moved, F.col("story")), "move"), F.max(F.when(~moved, F.col("story")))).alias("story"),
                 F.max("duplicate_of").alias("duplicate_of"))
            .join(F.broadcast(redirects), "story", "left")
            .select("article", F.coalesce("merged_into", "story").alias("story"), "duplicate_of")
        )  # fmt: skip
        report.stories = stories.select("story").distinct().count()
        for done in (signatures, copies, placed):
            done.unpersist()

    # 6. tables
    with _step(report, "write"):
        published = F.date_add(F.lit("0001-01-01").cast("date"), F.col("shown_day") - 1)  # proleptic ordinal → date
        grouped = persisted(kept.join(stories, "article").withColumn("day", published))
        grouped.select("article", "title", "text", "date", "approximate", "day", "source", "url", "origin", "duplicate_of").write.parquet(table("articles"))
        stories.select("article", "story").write.parquet(table("stories"))
        kept.unpersist()
    problems = bad
    if settings.briefs:
        with _step(report, "briefs"):
            briefs = persisted(
                # an undated article takes its placing day, approximately, as in the store
                grouped.select("story", "order", "article", "title", "text", F.coalesce("date", F.date_format("day", "yyyy-MM-dd")).alias("date"), "source", "url", "origin",
                               (F.col("approximate") | F.col("date").isNull()).alias("approximate"))
                .repartition(2 * parallelism, "story")
                .sortWithinPartitions("story", "order")
                .mapInArrow(partial(briefs_task, settings.options), BRIEFS.ddl)
            )  # fmt: skip
            briefs.filter(F.col("error").isNull()).select("story", "brief").write.parquet(table("briefs"))
            failed = briefs.filter(F.col("error").isNotNull()).select(F.concat(F.lit("story "), "story").alias("origin"), "error")
            report.brief_failures = failed.count()
            report.briefs = briefs.count() - report.brief_failures
            problems = problems.unionByName(failed, allowMissingColumns=True)
    in_input_order = problems.orderBy(F.asc_nulls_last("file"), F.asc_nulls_last("position"), "origin")  # a story's failure after every record's
    for row in in_input_order.limit(ERRORS_SHOWN).collect():
        say(row["error"])
    hidden = bad_records + report.brief_failures - ERRORS_SHOWN
    if hidden > 0:
        say(f"… and {hidden} more in {table('errors')}")
    listed = spark.createDataFrame([(e.origin, str(e)) for e in missing], "origin string, error string")
    problems.select("origin", "error").unionByName(listed).write.parquet(table("errors"))
    report.seconds["total"] = time.perf_counter() - started
    return report


_GLOB_CHARACTER = re.compile(r"([\[\]{}*?\\])")


def _free_ids(spark, firsts):  # (spark: SparkSession, DataFrame of order, id, base) -> DataFrame of order, article
    """Each kept article's id, renamed as the store renames a taken one (synoptic.stories.store
    ``_free_id``): in arrival order, the first to claim an id keeps it and a later one takes
    ``id~2``, ``id~3``, … the first that is free.

    A rename ``x~n`` can only clash with an id whose ``base`` (the id without trailing ``~n``
    parts) is x's base, so only the articles whose base is shared run the store's loop, on the
    driver, in order; every other id is already free. Those are the clashing ids of a corpus, few in
    practice."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    shared = Window.partitionBy("base")
    counted = firsts.withColumn("sharing", F.count("*").over(shared))
    unique = counted.filter("sharing = 1").select("order", F.col("id").alias("article"))
    clashing = counted.filter("sharing > 1").select("order", "id").orderBy("order").collect()
    claimed: set[str] = set()
    renamed = []
    for row in clashing:
        candidate, n = row["id"], 1
        while candidate in claimed:
            n += 1
            candidate = f"{row['id']}~{n}"
        claimed.add(candidate)
        renamed.append((row["order"], candidate))
    if not renamed:
        return unique
    return unique.unionByName(spark.createDataFrame(renamed, "order long, article string"))


def _today() -> int:
    from datetime import UTC, datetime

    return datetime.now(UTC).date().toordinal()


def _check_readers(files: list[InputFile]) -> None:
    """WARC needs warcio: say so before Spark starts tasks that would fail on it."""
    import importlib.util

    if any(f.suffix in (".warc", ".warc.gz") for f in files) and importlib.util.find_spec("warcio") is None:
        raise MissingExtraError("warcio", "feeds")


def _check_output(spark, settings: JobSettings, files: list[InputFile]) -> None:
    """Refuse to mix a run's tables with another's, and to write where the inputs are; --overwrite
    deletes the folder first."""
    path = spark.sparkContext._jvm.org.apache.hadoop.fs.Path(settings.output)
    fs = path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    output = fs.makeQualified(path).toString().rstrip("/")
    inside = next((f for f in files if f.uri == output or f.uri.startswith(output + "/")), None)
    if inside is not None:
        raise SynopticError(f"{settings.output}: holds the input {inside.origin}; give an --output folder outside the inputs")
    if not fs.exists(path):
        return
    if settings.overwrite:
        fs.delete(path, True)
    elif not fs.getFileStatus(path).isDirectory() or len(fs.listStatus(path)):
        raise SynopticError(f"{settings.output}: already exists; give a new --output folder or pass --overwrite")


def main(argv: list[str] | None = None) -> int:
    """spark-submit entry point: the arguments of `synoptic spark run`."""
    from synoptic.cli import main as cli_main

    return cli_main(["spark", "run", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    sys.exit(main())
