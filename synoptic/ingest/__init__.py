"""Ingest: turn files, folders and stdin into Articles, reporting (not raising on) bad items."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from synoptic.errors import InputError
from synoptic.ingest import html as _html  # noqa: F401  (registers readers)
from synoptic.ingest import jsonfmt as _jsonfmt  # noqa: F401
from synoptic.ingest import text as _text  # noqa: F401
from synoptic.ingest.base import READERS, decode_text
from synoptic.ingest.jsonfmt import cluster_from_dict, iter_clusters
from synoptic.model import Article

__all__ = ["READERS", "Ingested", "cluster_from_dict", "decode_text", "iter_clusters", "read_bytes", "read_inputs"]


@dataclass
class Ingested:
    articles: list[Article] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def sniff_reader(data: bytes) -> str:
    """Pick a reader for stdin or an unknown extension from the first non-blank character."""
    head = data.lstrip()[:1]
    if head in (b"{", b"["):
        return ".jsonl" if data.strip().count(b"\n") and head == b"{" else ".json"
    if head == b"<":
        return ".html"
    return ".txt"


def read_bytes(data: bytes, origin: str, suffix: str | None = None) -> list[Article]:
    suffix = suffix if suffix in READERS else sniff_reader(data)
    return READERS.get(suffix)(data, origin)


def _files_under(folder: Path) -> list[Path]:
    """Supported files below a folder, recursively, in a stable (sorted) order, hidden ones skipped."""
    found = [
        p
        for p in folder.rglob("*")
        if p.is_file() and p.suffix.lower() in READERS and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    ]
    return sorted(found)


def read_inputs(paths: list[str]) -> Ingested:
    """Read every path ("-" = stdin); each bad input is recorded in ``errors`` and skipped."""
    result = Ingested()
    for raw in paths:
        if raw == "-":
            try:
                result.articles += read_bytes(sys.stdin.buffer.read(), "<stdin>")
            except InputError as exc:
                result.errors.append(exc)
            continue
        path = Path(raw)
        if path.is_dir():
            files = _files_under(path)
            if not files:
                result.errors.append(InputError(raw, "the folder holds no .txt, .html, .json or .jsonl files", "point at a folder of articles"))
            for file in files:
                _read_file(file, result)
        elif path.exists():
            _read_file(path, result)
        else:
            result.errors.append(InputError(raw, "no such file or folder", "check the path"))
    _make_ids_unique(result.articles)
    return result


def _read_file(path: Path, result: Ingested) -> None:
    try:
        data = path.read_bytes()
    except OSError as exc:
        result.errors.append(InputError(str(path), f"cannot read ({exc.strerror})", "check the file's permissions"))
        return
    try:
        result.articles += read_bytes(data, str(path), path.suffix.lower())
    except InputError as exc:
        result.errors.append(exc)


def _make_ids_unique(articles: list[Article]) -> None:
    """Two files named alike in different folders keep distinct ids (suffix ~2, ~3 …)."""
    seen: dict[str, int] = {}
    for i, article in enumerate(articles):
        count = seen.get(article.id, 0)
        seen[article.id] = count + 1
        if count:
            articles[i] = Article(**{**article.__dict__, "id": f"{article.id}~{count + 1}"})
