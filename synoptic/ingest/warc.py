"""WARC files (web crawls such as Common Crawl News): each HTML response record becomes an article.

warcio reads the records (``.warc`` or gzipped ``.warc.gz``, streamed: a crawl file of a gigabyte
never sits in memory) and trafilatura extracts each page, as for a saved ``.html`` file. Requests,
metadata and non-HTML responses are passed over; a page with no article text, or a record warcio
cannot parse, is reported and skipped.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import BinaryIO

from synoptic.errors import InputError, MissingExtraError
from synoptic.ingest.base import READERS, stable_id
from synoptic.ingest.html import extract_html
from synoptic.ingest.records import ReadArticles, collect
from synoptic.model import Article

_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.IGNORECASE)


def _archive_iterator(stream: BinaryIO):  # -> warcio ArchiveIterator
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        raise MissingExtraError("warcio", "feeds") from None
    return ArchiveIterator(stream)


def _decode(payload: bytes, content_type: str) -> str:
    """The page's declared charset, else UTF-8; undecodable bytes become U+FFFD rather than failing."""
    match = _CHARSET.search(content_type)
    encoding = match.group(1) if match else "utf-8"
    try:
        return payload.decode(encoding, errors="replace")
    except LookupError:  # an unknown charset name
        return payload.decode("utf-8", errors="replace")


def iter_warc(stream: BinaryIO, origin: str) -> Iterator[Article | InputError]:
    """Articles of the HTML response records, in file order; a bad record yields its InputError.
    A record warcio cannot parse ends the file (its length can no longer be trusted), reported."""
    records = iter(_archive_iterator(stream))
    n = 0
    while True:
        try:
            record = next(records, None)
        except Exception as exc:  # noqa: BLE001 — warcio raises several kinds on malformed headers
            yield InputError(f"{origin} record {n + 1}", f"not a readable WARC record ({type(exc).__name__}: {exc})", "the rest of the file was skipped; check that it is a complete WARC file")
            return
        if record is None:
            return
        n += 1
        if record.rec_type != "response" or record.http_headers is None:
            continue
        content_type = record.http_headers.get_header("Content-Type") or ""
        if "html" not in content_type.lower():
            continue
        uri = record.rec_headers.get_header("WARC-Target-URI") or f"record {n}"
        where = f"{origin} record {n} ({uri})"
        try:
            article = extract_html(_decode(record.content_stream().read(), content_type), where, stable_id(uri))
        except InputError as exc:
            yield exc
            continue
        except Exception as exc:  # noqa: BLE001 — a truncated or garbled record must not end the crawl
            yield InputError(where, f"unreadable record ({type(exc).__name__}: {exc})", "the record was skipped; check the crawl file")
            continue
        crawl_day = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
        yield replace(article, url=uri if uri.startswith(("http://", "https://")) else article.url, date=article.date or crawl_day)


@READERS.register(".warc")
@READERS.register(".warc.gz")
def read_warc(data: bytes, origin: str) -> ReadArticles:
    return collect(
        iter_warc(io.BytesIO(data), origin), origin, "HTML article pages in this WARC file",
        "give a WARC file of HTML response records (e.g. a Common Crawl News file)",
    )
