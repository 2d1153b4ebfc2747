"""WARC files (web crawls such as Common Crawl News): each HTML response record becomes an article.

warcio reads the records (``.warc`` or gzipped ``.warc.gz``, streamed: a crawl file of a gigabyte
never sits in memory) and trafilatura extracts each page, as for a saved ``.html`` file. Requests,
metadata and non-HTML responses are passed over; a page with no article text, or a record warcio
cannot parse, is reported and skipped. A file cut short (an interrupted download or copy) is
reported too: warcio itself ends such a file quietly, or hands over the cut record's partial page.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import BinaryIO

from synoptic.errors import InputError, MissingExtraError
from synoptic.ingest.base import READERS, stable_id
from synoptic.ingest.html import declared_charset, extract_html
from synoptic.ingest.records import ReadArticles, collect
from synoptic.model import Article

_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.IGNORECASE)
_CHUNK = 1 << 16
_CUT_SHORT_ADVICE = "the records before it were read; copy or download the complete WARC file again"


def _archive_iterator(stream: BinaryIO):  # -> warcio ArchiveIterator
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        raise MissingExtraError("warcio", "feeds") from None
    return ArchiveIterator(stream)


def _decode(payload: bytes, content_type: str) -> str:
    """The charset the HTTP header declares, else UTF-8, else the one the page's <meta> tag declares (a
    server that omits it for an old windows-1252 page); undecodable bytes become U+FFFD rather than failing."""
    match = _CHARSET.search(content_type)
    encodings = [match.group(1)] if match else [e for e in ("utf-8", declared_charset(payload)) if e]
    for encoding in encodings:
        try:
            return payload.decode(encoding)
        except (LookupError, UnicodeDecodeError):  # an unknown charset name, or bytes it lacks
            continue
    return payload.decode(next((e for e in reversed(encodings) if _known(e)), "utf-8"), errors="replace")


def _known(encoding: str) -> bool:
    try:
        codecs.lookup(encoding)
    except LookupError:
        return False
    return True


def iter_warc(stream: BinaryIO, origin: str) -> Iterator[Article | InputError]:
    """Articles of the HTML response records, in file order; a bad record yields its InputError.
    A record warcio cannot parse ends the file (its length can no longer be trusted), reported."""
    archive = _archive_iterator(stream)
    records = iter(archive)
    n = 0
    while True:
        try:
            record = next(records, None)
        except Exception as exc:  # noqa: BLE001 — warcio raises several kinds on malformed headers
            if _at_end(archive, stream):  # the headers stop where the file does
                yield InputError(origin, f"the file is cut short inside record {n + 1}", _CUT_SHORT_ADVICE)
            else:
                yield InputError(f"{origin} record {n + 1}", f"not a readable WARC record ({type(exc).__name__}: {exc})", "the rest of the file was skipped; check that it is a complete WARC file")
            return
        if record is None:
            if archive.offset < _size(stream):  # bytes left that warcio could not read as a record
                yield InputError(origin, f"the file is cut short after record {n}", _CUT_SHORT_ADVICE)
            return
        n += 1
        content_type = (record.http_headers.get_header("Content-Type") or "") if record.http_headers is not None else ""
        if record.rec_type != "response" or "html" not in content_type.lower():
            if _cut_short(record):
                yield InputError(origin, f"the file is cut short inside record {n}", _CUT_SHORT_ADVICE)
            continue
        uri = record.rec_headers.get_header("WARC-Target-URI") or f"record {n}"
        where = f"{origin} record {n} ({uri})"
        try:
            payload = record.content_stream().read()
            if _cut_short(record):  # its page is partial: never store half an article
                yield InputError(where, "the file is cut short inside this record", _CUT_SHORT_ADVICE)
                continue
            web_address = uri if uri.startswith(("http://", "https://")) else None
            article = extract_html(_decode(payload, content_type), where, stable_id(uri), web_address)
        except InputError as exc:
            yield exc
            continue
        except Exception as exc:  # noqa: BLE001 — a truncated or garbled record must not end the crawl
            yield InputError(where, f"unreadable record ({type(exc).__name__}: {exc})", "check the crawl file")
            continue
        # the capture day only bounds the publication day: it dates a page that gives no date of its own, approximately
        crawl_day = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
        captured = article.date is None and crawl_day is not None
        yield replace(article, url=web_address or article.url, date=article.date or crawl_day, date_approximate=captured)


def _cut_short(record) -> bool:  # record: a warcio ArcWarcRecord
    """Whether the file ended before the record's declared Content-Length; reads the record to its end."""
    while record.raw_stream.read(_CHUNK):
        pass
    return getattr(record.raw_stream, "limit", 0) > 0  # warcio's LimitReader counts down what is still due


def _at_end(archive, stream: BinaryIO) -> bool:  # archive: a warcio ArchiveIterator
    """Whether warcio has read the whole file and holds none of it unread in its buffer."""
    try:
        return archive.reader.rem_length() == 0 and stream.tell() == _size(stream) > 0
    except (OSError, ValueError, AttributeError):
        return False


def _size(stream: BinaryIO) -> int:
    """The stream's length in bytes (0 when it cannot seek, which turns the cut-short check off)."""
    try:
        return stream.seek(0, io.SEEK_END)
    except (OSError, ValueError, AttributeError):
        return 0


@READERS.register(".warc")
@READERS.register(".warc.gz")
def read_warc(data: bytes, origin: str) -> ReadArticles:
    return collect(
        iter_warc(io.BytesIO(data), origin), origin, "HTML article pages in this WARC file",
        "give a WARC file of HTML response records (e.g. a Common Crawl News file)",
    )
