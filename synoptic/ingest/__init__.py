"""Ingest: turn files, folders, stdin and (when allowed) URLs into Articles, reporting bad items.

``read_inputs`` reads everything at once (a brief); ``iter_articles`` streams article by article
(the story store), reading JSONL and WARC files record by record so a large crawl or stream never
sits in memory whole.
"""

from __future__ import annotations

import codecs
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from synoptic.errors import InputError, SynopticError
from synoptic.ingest import feeds as _feeds  # noqa: F401  (registers readers)
from synoptic.ingest import html as _html  # noqa: F401
from synoptic.ingest import jsonfmt as _jsonfmt  # noqa: F401
from synoptic.ingest import text as _text  # noqa: F401
from synoptic.ingest import warc as _warc  # noqa: F401
from synoptic.ingest.base import READERS, decode_text
from synoptic.ingest.jsonfmt import cluster_from_dict, iter_article_lines, iter_clusters
from synoptic.model import Article

if TYPE_CHECKING:
    from synoptic.ingest.fetch import Fetched

__all__ = [
    "READERS", "Ingested", "cluster_from_dict", "decode_text", "fetched_articles", "iter_articles", "iter_clusters", "passed_over_note",
    "read_bytes", "read_inputs",
]  # fmt: skip

_SUPPORTED = ".txt, .html, .json, .jsonl, .rss/.atom/.xml feeds or .warc(.gz) files"
PASSED_OVER_NAMED = 5  # a folder's unread files named in its note; a photo archive's thousands are counted
_FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf")


@dataclass
class Ingested:
    articles: list[Article] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what was passed over without being an error


def sniff_reader(data: bytes) -> str:
    """Pick a reader for stdin or an unknown extension from the first bytes."""
    if data[:2] == b"\x1f\x8b":
        return ".warc.gz"  # gzip: the one compressed input synoptic reads
    stripped = data.removeprefix(codecs.BOM_UTF8).lstrip()  # Windows tools start UTF-8 with a BOM: JSON or HTML still
    if stripped.startswith(b"WARC/"):
        return ".warc"
    head = stripped[:1]
    if head in (b"{", b"["):
        return ".jsonl" if data.strip().count(b"\n") and head == b"{" else ".json"
    if head == b"<":
        opening = stripped[:2048].lower()
        return ".rss" if any(root in opening for root in _FEED_ROOTS) else ".html"
    return ".txt"


def reader_suffix(path: Path) -> str:
    """The registered extension a file's name ends with, longest first (".warc.gz" before ".gz")."""
    name = path.name.lower()
    return max((s for s in READERS if name.endswith(s)), key=len, default=path.suffix.lower())


def read_bytes(data: bytes, origin: str, suffix: str | None = None) -> list[Article]:
    suffix = suffix if suffix in READERS else sniff_reader(data)
    return READERS.get(suffix)(data, origin)


def _record(result: Ingested, articles: list[Article]) -> None:
    """Add a reader's articles, and the records it skipped (feeds, WARC) as reported errors."""
    result.articles += articles
    result.errors += getattr(articles, "skipped", [])


def passed_over_note(folder: str, names: list[str]) -> str:
    """The one line that tells a user which files of a folder no reader takes (notes.md, a photo): a
    brief or a store quietly built without them would look complete."""
    shown = ", ".join(names[:PASSED_OVER_NAMED]) + (f" and {len(names) - PASSED_OVER_NAMED} more" if len(names) > PASSED_OVER_NAMED else "")
    files = "file" if len(names) == 1 else "files"
    return f"{folder}: passed over {len(names)} {files} of a kind synoptic does not read ({shown}); it reads {_SUPPORTED}"


def _files_under(folder: Path) -> tuple[list[Path], list[str]]:
    """Supported files below a folder, recursively, in a stable (sorted) order, hidden ones skipped, and
    the names (relative to the folder) of the other files, which no reader takes."""
    found, passed_over = [], []
    for p in sorted(folder.rglob("*")):
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts):
            (found if reader_suffix(p) in READERS else passed_over).append(p)
    return found, [str(p.relative_to(folder)) for p in passed_over]


def read_inputs(paths: list[str]) -> Ingested:
    """Read every path ("-" = stdin); each bad input is recorded in ``errors`` and skipped."""
    result = Ingested()
    for raw in paths:
        if raw == "-":
            try:
                _record(result, read_bytes(sys.stdin.buffer.read(), "<stdin>"))
            except InputError as exc:
                result.errors.append(exc)
            continue
        path = Path(raw)
        if path.is_dir():
            files, passed_over = _files_under(path)
            if not files:
                result.errors.append(InputError(raw, f"the folder holds no {_SUPPORTED}", "point at a folder of articles"))
            elif passed_over:
                result.notes.append(passed_over_note(raw, passed_over))
            for file in files:
                _read_file(file, result)
        elif path.exists():
            _read_file(path, result)
        else:
            result.errors.append(InputError(raw, "no such file or folder", "check the path"))
    make_ids_unique(result.articles)
    return result


def _read_file(path: Path, result: Ingested) -> None:
    try:
        data = path.read_bytes()
    except OSError as exc:
        result.errors.append(InputError(str(path), f"cannot read ({exc.strerror})", "check the file's permissions"))
        return
    try:
        _record(result, read_bytes(data, str(path), reader_suffix(path)))
    except InputError as exc:
        result.errors.append(exc)


def iter_articles(
    paths: list[str], allow_fetch: bool = False, on_note: Callable[[str], None] | None = None
) -> Iterator[Article | InputError]:
    """Every article of ``paths`` in order, and an InputError for each bad input or record; ``on_note``
    hears of the files of a folder that no reader takes (see passed_over_note).

    JSONL and WARC files stream record by record; "-" is stdin; http(s) URLs are fetched only with
    ``allow_fetch`` (see synoptic.ingest.fetch). Ids are left as the readers make them: a store
    that keeps articles across runs decides what a clash means."""
    for raw in paths:
        if raw.startswith(("http://", "https://")):
            yield from _iter_url(raw, allow_fetch)
            continue
        if raw == "-":
            yield from _iter_bytes(sys.stdin.buffer.read(), "<stdin>", None)
            continue
        path = Path(raw)
        if path.is_dir():
            files, passed_over = _files_under(path)
            if not files:
                yield InputError(raw, f"the folder holds no {_SUPPORTED}", "point at a folder of articles")
            elif passed_over and on_note:
                on_note(passed_over_note(raw, passed_over))
            for file in files:
                yield from _iter_file(file)
        elif path.exists():
            yield from _iter_file(path)
        else:
            yield InputError(raw, "no such file or folder", "check the path (URLs must start with http:// or https://)")


def _iter_file(path: Path) -> Iterator[Article | InputError]:
    suffix = reader_suffix(path)
    try:
        if suffix in (".warc", ".warc.gz"):
            from synoptic.ingest.warc import iter_warc

            with open(path, "rb") as stream:
                yield from iter_warc(stream, str(path))
        elif suffix == ".jsonl":
            with open(path, "rb") as stream:
                yield from iter_article_lines(stream, str(path))
        else:
            yield from _iter_bytes(path.read_bytes(), str(path), suffix)
    except OSError as exc:
        yield InputError(str(path), f"cannot read ({exc.strerror})", "check the file's permissions")


def _iter_bytes(data: bytes, origin: str, suffix: str | None) -> Iterator[Article | InputError]:
    try:
        articles = read_bytes(data, origin, suffix)
    except InputError as exc:
        yield exc
        return
    yield from getattr(articles, "skipped", [])
    yield from articles


def _iter_url(url: str, allow_fetch: bool) -> Iterator[Article | InputError]:
    if not allow_fetch:
        yield InputError(url, "fetching URLs is off", "pass --allow-fetch to fetch http(s) feeds and pages")
        return
    from synoptic.ingest.fetch import fetch

    try:
        fetched = fetch(url)
    except SynopticError as exc:  # a refused address is a SynopticError too, not only an InputError
        yield exc if isinstance(exc, InputError) else InputError(url, str(exc).removeprefix(f"{url}: "), "give a public http(s) URL")
        return
    yield from fetched_articles(fetched)


def fetched_articles(fetched: Fetched) -> Iterator[Article | InputError]:
    """The articles of a fetched answer, read as its content type says (else sniffed)."""
    kind = fetched.content_type.lower()
    suffix = ".html" if "html" in kind else ".rss" if any(t in kind for t in ("rss", "atom", "xml")) else None
    yield from _iter_bytes(fetched.data, fetched.url, suffix)


def make_ids_unique(articles: list[Article]) -> None:
    """Two files named alike in different folders keep distinct ids (suffix ~2, ~3 …)."""
    seen: dict[str, int] = {}
    for i, article in enumerate(articles):
        count = seen.get(article.id, 0)
        seen[article.id] = count + 1
        if count:
            articles[i] = Article(**{**article.__dict__, "id": f"{article.id}~{count + 1}"})
