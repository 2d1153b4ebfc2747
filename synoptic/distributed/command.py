"""``synoptic spark run``: the Spark job from the command line, with a local Spark by default.

The CLI imports this module on every start, so it imports nothing from the ``[spark]`` extra
until the handler runs; without the extra, or without Java, ``spark run`` says what to install.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from synoptic.distributed import pandas_warning_silenced
from synoptic.errors import MissingExtraError, OptionsError, SynopticError

DEFAULT_MASTER = "local[*]"
# In local mode the driver JVM is also the executor, and Spark's 1g default for a driver is too tight
# for it: the test corpus plus two dev sets (2.3 MB of JSONL) already ran it out of heap in one session.
LOCAL_DRIVER_MEMORY = "2g"
# Each persisted step of the job holds the plans of the steps before it, so a query's full plan
# string grows exponentially with the steps (45 MB on two dev sets); the session keeps one per query
# for its UI, and a few runs ran the driver out of heap. Cut, a plan still shows its last steps.
MAX_PLAN_CHARACTERS = 100_000
LOCAL_SHUFFLE_PARTITIONS_PER_CORE = 4  # Spark's 200 shuffle partitions are made for clusters; locally a few per core do
# Spark's default logging prints a dozen INFO/WARN lines at start-up; a run of synoptic reports
# its own errors in one line each, so Spark logs errors only, unless the user configures it. (The
# org.apache.spark logger is named too: without it PySpark resets the root to WARN, with a message.)
QUIET_LOG4J2 = """\
rootLogger.level = error
rootLogger.appenderRef.stderr.ref = console
logger.spark.name = org.apache.spark
logger.spark.level = error
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{yy/MM/dd HH:mm:ss} %p %c{1}: %m%n
"""


def _error(message: str) -> None:
    print(f"synoptic: error: {message}", file=sys.stderr)


def add_parser(sub: argparse._SubParsersAction) -> None:
    from synoptic.cli import add_brief_options  # the same brief options as `synoptic stories show`
    from synoptic.distributed.job import DEFAULT_WINDOW_DAYS

    spark = sub.add_parser("spark", help="corpus-scale batch on Apache Spark: stories and briefs for millions of articles (needs the [spark] extra and Java 17+)")
    commands = spark.add_subparsers(dest="spark_command", required=True)
    run = commands.add_parser(
        "run",
        help="group a corpus into stories and brief each story; writes Parquet tables",
        description="Read articles (JSONL, WARC and the other readers' files; local paths or any Hadoop URI), drop repeated texts, link "
        "near-duplicates, group the articles into stories exactly as `synoptic stories ingest` would in date order, brief each story, and "
        "write the Parquet tables articles/, stories/ (article, story), briefs/ (story, brief JSON) and errors/ under DIR.",
    )
    run.add_argument("--input", "-i", nargs="+", required=True, metavar="PATH", help="files, folders, globs or Hadoop URIs (hdfs://, s3a://, …)")
    run.add_argument("--output", "-o", required=True, metavar="DIR", help="folder for the Parquet tables (a local path or a Hadoop URI); must not exist")
    run.add_argument("--master", help=f"Spark master URL (default {DEFAULT_MASTER}; under spark-submit, the one it was given)")
    run.add_argument("--window-days", type=int, default=DEFAULT_WINDOW_DAYS, metavar="N", help=f"time-window partitions of N days for the parallel steps (default {DEFAULT_WINDOW_DAYS}); the stories do not depend on it")
    run.add_argument("--idle-days", type=int, metavar="N", help="close a story after N days without an article (default 800, as `stories ingest`)")
    run.add_argument("--no-briefs", action="store_false", dest="briefs", help="group into stories only; write no briefs")
    run.add_argument("--overwrite", action="store_true", help="delete DIR first when it exists")
    run.add_argument("--conf", action="append", default=[], metavar="KEY=VALUE", help="a Spark setting, e.g. spark.driver.memory=4g (repeatable)")
    run.add_argument("--json", type=Path, metavar="OUT", help="also write the counts and seconds per step as JSON here")
    add_brief_options(run)
    run.set_defaults(handler=run_spark)


def _settings_from(args: argparse.Namespace):  # -> JobSettings
    from synoptic.cli import brief_options
    from synoptic.distributed.job import JobSettings
    from synoptic.stories.cluster import STORY_IDLE_DAYS
    from synoptic.summarize import METHODS

    for name, value in (("--window-days", args.window_days), ("--idle-days", args.idle_days)):
        if value is not None and value < 1:
            raise OptionsError(f"{name} must be a whole number of at least 1, not {value}")
    options = brief_options(args)
    METHODS.get(options.method)  # refuse an unknown method before Spark starts
    idle_days = args.idle_days if args.idle_days is not None else STORY_IDLE_DAYS
    return JobSettings(tuple(args.input), args.output, args.window_days, idle_days, options, args.briefs, args.overwrite)


def _spark_conf(pairs: list[str]) -> dict[str, str]:
    conf = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise OptionsError(f"--conf {pair}: give KEY=VALUE, e.g. --conf spark.driver.memory=4g")
        conf[key.strip()] = value.strip()
    return conf


def require_java() -> None:
    """PySpark starts a JVM: Java 17 or newer for PySpark 4 (8 for 3.5), found as Spark finds it."""
    with pandas_warning_silenced():
        import pyspark

    needed = 17 if int(pyspark.__version__.split(".")[0]) >= 4 else 8
    home = os.environ.get("JAVA_HOME")
    java = str(Path(home) / "bin" / "java") if home else shutil.which("java")
    advice = f"install Java {needed} or newer (e.g. apt-get install openjdk-17-jre-headless) or set JAVA_HOME"
    if not java or not Path(java).exists():
        raise SynopticError(f"Spark needs Java, and none was found (no java on PATH{', nor in JAVA_HOME' if home else ''}); {advice}")
    try:
        banner = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60).stderr
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SynopticError(f"{java}: cannot run it ({exc}); {advice}") from None
    match = re.search(r'version "(\d+)(?:\.(\d+))?', banner)
    major = int(match.group(1)) if match else 0
    major = int(match.group(2) or 0) if major == 1 else major  # "1.8.0" is Java 8
    if major < needed:
        raise SynopticError(f"{java}: Java {major or 'of unknown version'} found, PySpark {pyspark.__version__} needs {needed} or newer; {advice}")


def spark_session(master: str | None = None, conf: dict[str, str] | None = None):  # -> (SparkSession, bool)
    """The active session if there is one (spark-submit, a notebook, a test), else a new one; and
    whether it was made here (the caller stops only a session it made)."""
    for module, extra in (("pyspark", "spark"), ("pyarrow", "spark")):
        if importlib.util.find_spec(module) is None:
            raise MissingExtraError(module, extra)
    with pandas_warning_silenced():
        from pyspark.sql import SparkSession

        active = SparkSession.getActiveSession()
        if active is not None:
            return active, False
        under_submit = "PYSPARK_GATEWAY_PORT" in os.environ  # spark-submit started the JVM, with its own --master
        if not under_submit:
            require_java()
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # executors run this interpreter, which has synoptic
        builder = SparkSession.builder.appName("synoptic")
        if master or not under_submit:
            master = master or DEFAULT_MASTER
            builder = builder.master(master)
        for key, value in _session_settings(master, under_submit, conf or {}).items():
            builder = builder.config(key, value)
        return builder.getOrCreate(), True


def _session_settings(master: str | None, under_submit: bool, conf: dict[str, str]) -> dict[str, str]:
    settings = {"spark.ui.showConsoleProgress": "false", **conf}
    if not under_submit and "spark.driver.extraJavaOptions" not in settings:
        settings["spark.driver.extraJavaOptions"] = f"-Dlog4j2.configurationFile={_quiet_log_config()}"
    settings.setdefault("spark.sql.maxPlanStringLength", str(MAX_PLAN_CHARACTERS))
    local = re.fullmatch(r"local(?:\[(\d+|\*)(?:,\d+)?\])?", master or "")
    if local and not under_submit and "spark.driver.memory" not in settings:
        settings["spark.driver.memory"] = LOCAL_DRIVER_MEMORY
    if local and "spark.sql.shuffle.partitions" not in settings:
        threads = local.group(1)
        cores = 1 if threads is None else (os.cpu_count() or 1) if threads == "*" else int(threads)
        settings["spark.sql.shuffle.partitions"] = str(LOCAL_SHUFFLE_PARTITIONS_PER_CORE * cores)
    return settings


def _quiet_log_config() -> str:
    path = Path(tempfile.gettempdir()) / "synoptic-spark-log4j2.properties"
    if not path.exists() or path.read_text(encoding="utf-8") != QUIET_LOG4J2:
        path.write_text(QUIET_LOG4J2, encoding="utf-8")
    return path.as_uri()


_MASTER = re.compile(r"local(?:\[(?:\d+|\*)(?:,\d+)?\])?|local-cluster\[\d+,\d+,\d+\]|spark://\S+|yarn|k8s://\S+")


def _from_spark(exc: Exception) -> bool:
    return type(exc).__module__.startswith(("pyspark", "py4j"))


def _cause(exc: Exception) -> str:
    """The line of a PySpark or JVM error that says what went wrong: the last Python exception line
    of a worker's traceback, else the first line that names an exception, else the first line."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    worker = [line for line in lines if re.match(r"^[A-Za-z_.]*(?:Error|Exception): ", line)]
    if worker:
        return worker[-1][:300]
    return next((line for line in lines if "Exception" in line), lines[0] if lines else type(exc).__name__)[:300]


def _refuse_local_output(output: str, overwrite: bool) -> None:
    """A local --output that is taken is refused before Spark starts (half a minute sooner); the job
    checks every other URI itself."""
    if re.match(r"^[A-Za-z][\w+.-]*://", output) and not output.startswith("file://"):
        return
    path = Path(output.removeprefix("file://"))
    if not overwrite and path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise SynopticError(f"{output}: already exists; give a new --output folder or pass --overwrite")


def run_spark(args: argparse.Namespace) -> int:
    from synoptic.distributed.job import run_job

    settings = _settings_from(args)
    if args.master is not None and not _MASTER.fullmatch(args.master):
        raise OptionsError(f"--master {args.master}: give local, local[N], local[*], spark://HOST:PORT, yarn or k8s://URL")
    conf = _spark_conf(args.conf)
    _refuse_local_output(settings.output, settings.overwrite)
    try:
        spark, made_here = spark_session(args.master, conf)
    except Exception as exc:  # the JVM refused a setting (a bad --conf value, an unreachable master)
        if not _from_spark(exc):
            raise
        raise SynopticError(f"Spark did not start ({_cause(exc)}); check --master and --conf") from None
    try:
        report = run_job(
            spark, settings, on_error=lambda message: _error(f"{message}; skipped"),
            on_note=lambda note: print(f"synoptic: note: {note}", file=sys.stderr),
        )
    except SynopticError:
        raise
    except Exception as exc:  # a failed Spark job (py4j and PySpark wrap it): one line, not a JVM stack
        if not _from_spark(exc):
            raise
        raise SynopticError(f"the Spark job failed ({_cause(exc)}); see the Spark log for the rest") from None
    finally:
        if made_here:
            spark.stop()
    print(report.line(settings.output))
    if args.json is not None:
        try:
            args.json.write_text(json.dumps(report.to_dict(), indent=2) + "\n", encoding="utf-8")
        except OSError as exc:
            raise SynopticError(f"{args.json}: cannot write the JSON report ({exc.strerror}); check the path") from None
    return 1 if report.failed or report.brief_failures else 0
