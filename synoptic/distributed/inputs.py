"""Which files a Spark run reads: the paths given, expanded through Hadoop's file system, so that a
local path, a glob or any Hadoop URI (hdfs://, s3a://, …) works the same way.

The order is the one `synoptic stories ingest` uses: the paths in the order given, the files of a
folder sorted, hidden ones and unsupported kinds left out; a file named directly is read whatever
its extension (its content decides the reader).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import urlparse

from synoptic.errors import InputError
from synoptic.ingest import READERS, passed_over_note, reader_suffix

SUPPORTED = ".txt, .html, .json, .jsonl, .rss/.atom/.xml feeds or .warc(.gz) files"


@dataclass(frozen=True)
class InputFile:
    uri: str  # as Hadoop and Spark name it: file:/data/a.jsonl, hdfs://nn/data/a.warc.gz
    origin: str  # as messages name it: the local path, else the URI
    index: int  # input order
    suffix: str  # the reader's extension


def origin_of(uri: str) -> str:
    """Hadoop's path strings are not percent-encoded: a local file's is its path after the scheme."""
    parsed = urlparse(uri)
    return uri.removeprefix("file:") if parsed.scheme in ("", "file") else uri


def _listing_error(exc: Exception) -> str:
    """The cause of a Hadoop listing failure: py4j's first line names only the Java call."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    cause = next((line for line in lines if "Exception:" in line), lines[0] if lines else type(exc).__name__)
    return cause[:200]


def list_inputs(
    spark, paths: list[str], on_note: Callable[[str], None] | None = None  # spark: SparkSession
) -> tuple[list[InputFile], list[InputError]]:
    """The files to read, in input order, and an InputError for each path that yields none and for
    each empty file (Spark's file source would pass over it without a word). A file reached twice (a
    folder and a file in it, overlapping globs) is read once, where it first comes. ``on_note`` hears
    of a folder's files that no reader takes, as `synoptic brief` and `stories ingest` tell them."""
    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    found: list[tuple[str, str, int]] = []  # (uri, suffix, size)
    errors: list[InputError] = []
    for raw in paths:
        path = jvm.org.apache.hadoop.fs.Path(raw)
        try:
            fs = path.getFileSystem(conf)
            statuses = fs.globStatus(path) or []
            if not statuses and fs.exists(path):  # a name with glob characters in it ("wire [1]/a.jsonl"), as it is
                statuses = [fs.getFileStatus(path)]
        except Exception as exc:  # noqa: BLE001 — py4j wraps Hadoop's IOExceptions (unknown scheme, no access)
            errors.append(InputError(raw, f"cannot be listed ({_listing_error(exc)})", "check the path or URI"))
            continue
        if not statuses:
            errors.append(InputError(raw, "no such file or folder", "check the path"))
            continue
        for status in statuses:
            if status.isDirectory():
                listed, passed_over = _files_under(fs, status.getPath())
                folder = origin_of(status.getPath().toString())
                if not listed:
                    errors.append(InputError(folder, f"the folder holds no {SUPPORTED}", "point at a folder of articles"))
                elif passed_over and on_note:
                    on_note(passed_over_note(folder, passed_over))
                found += listed
            else:
                uri = status.getPath().toString()
                found.append((uri, reader_suffix(PurePosixPath(origin_of(uri))), status.getLen()))
    files: list[InputFile] = []
    seen: set[str] = set()
    for uri, suffix, size in found:
        if uri in seen:
            continue
        seen.add(uri)
        if size == 0:
            errors.append(InputError(origin_of(uri), "the input is empty", "give a file that contains article text"))
            continue
        files.append(InputFile(uri, origin_of(uri), len(files), suffix))
    return files, errors


def _files_under(fs, folder) -> tuple[list[tuple[str, str, int]], list[str]]:
    """(URI, reader suffix, size) of the supported files below a folder, recursively, sorted, hidden
    ones (a part starting with ".") left out; and the relative names of the others, which no reader takes."""
    root = folder.toString().rstrip("/") + "/"
    listed, passed_over = [], []
    entries = fs.listFiles(folder, True)
    while entries.hasNext():
        status = entries.next()
        uri = status.getPath().toString()
        relative = PurePosixPath(uri.removeprefix(root))
        suffix = reader_suffix(relative)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if suffix in READERS:
            listed.append((uri, suffix, status.getLen()))
        else:
            passed_over.append(str(relative))
    return sorted(listed), sorted(passed_over)
