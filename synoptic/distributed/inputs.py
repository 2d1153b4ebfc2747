"""Which files a Spark run reads: the paths given, expanded through Hadoop's file system, so that a
local path, a glob or any Hadoop URI (hdfs://, s3a://, …) works the same way.

The order is the one `synoptic stories ingest` uses: the paths in the order given, the files of a
folder sorted, hidden ones and unsupported kinds left out; a file named directly is read whatever
its extension (its content decides the reader).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import unquote, urlparse

from synoptic.errors import InputError
from synoptic.ingest import READERS, reader_suffix

SUPPORTED = ".txt, .html, .json, .jsonl, .rss/.atom/.xml feeds or .warc(.gz) files"


@dataclass(frozen=True)
class InputFile:
    uri: str  # as Hadoop and Spark name it: file:/data/a.jsonl, hdfs://nn/data/a.warc.gz
    origin: str  # as messages name it: the local path, else the URI
    index: int  # input order
    suffix: str  # the reader's extension


def origin_of(uri: str) -> str:
    parsed = urlparse(uri)
    return unquote(parsed.path) if parsed.scheme in ("", "file") else uri


def list_inputs(spark, paths: list[str]) -> tuple[list[InputFile], list[InputError]]:  # spark: SparkSession
    """The files to read, in input order, and an InputError for each path that yields none."""
    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    found: list[tuple[str, str]] = []  # (uri, suffix)
    errors: list[InputError] = []
    for raw in paths:
        path = jvm.org.apache.hadoop.fs.Path(raw)
        try:
            fs = path.getFileSystem(conf)
            statuses = fs.globStatus(path) or []
        except Exception as exc:  # noqa: BLE001 — py4j wraps Hadoop's IOExceptions (unknown scheme, no access)
            errors.append(InputError(raw, f"cannot be listed ({str(exc).splitlines()[0][:200]})", "check the path or URI"))
            continue
        if not statuses:
            errors.append(InputError(raw, "no such file or folder", "check the path"))
            continue
        for status in statuses:
            if status.isDirectory():
                listed = _files_under(fs, status.getPath())
                if not listed:
                    errors.append(InputError(origin_of(status.getPath().toString()), f"the folder holds no {SUPPORTED}", "point at a folder of articles"))
                found += listed
            else:
                uri = status.getPath().toString()
                found.append((uri, reader_suffix(PurePosixPath(unquote(urlparse(uri).path)))))
    return [InputFile(uri, origin_of(uri), i, suffix) for i, (uri, suffix) in enumerate(found)], errors


def _files_under(fs, folder) -> list[tuple[str, str]]:
    """Supported files below a folder, recursively, sorted, hidden ones (a part starting with ".") left out."""
    root = folder.toString().rstrip("/") + "/"
    listed = []
    entries = fs.listFiles(folder, True)
    while entries.hasNext():
        uri = entries.next().getPath().toString()
        relative = PurePosixPath(unquote(uri.removeprefix(root)))
        suffix = reader_suffix(relative)
        if suffix in READERS and not any(part.startswith(".") for part in relative.parts):
            listed.append((uri, suffix))
    return sorted(listed)
