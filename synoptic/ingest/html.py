"""HTML pages: trafilatura finds the article body, title, date and site name."""

from __future__ import annotations

import re
from pathlib import PurePath

from synoptic.errors import InputError
from synoptic.ingest.base import READERS, decode_text
from synoptic.model import Article

MIN_ARTICLE_WORDS = 8  # fewer extracted words means trafilatura found menus or a stub, not an article
# <meta charset="windows-1252"> or <meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">,
# looked for in the first bytes, as a browser does (the HTML standard says within 1024; 4 KiB allows long heads)
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_CHARSET_SCAN = 4096


def extract_html(html: str, origin: str, article_id: str, url: str | None = None) -> Article:
    """The page's article; ``url``, where the page came from, lets trafilatura date a page by its address
    ("/2017/10/18/…") when it has no date of its own, and name its site by its domain."""
    import trafilatura  # imported lazily: it is the slowest import of the core

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False, include_tables=False)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(text.split()) < MIN_ARTICLE_WORDS:
        raise InputError(
            origin,
            "no article text found in this HTML page",
            "save the article page itself (not an index or login page), or paste its text into a .txt file",
        )
    return Article(
        id=article_id,
        text=text,
        title=getattr(doc, "title", None) or None,
        date=getattr(doc, "date", None) or None,
        source=getattr(doc, "sitename", None) or None,
        url=getattr(doc, "url", None) or None,
        origin=origin,
    )


@READERS.register(".html")
@READERS.register(".htm")
def read_html(data: bytes, origin: str) -> list[Article]:
    stem = PurePath(origin).stem if origin != "<stdin>" else "stdin"
    return [extract_html(decode_page(data, origin), origin, stem)]


def decode_page(data: bytes, origin: str) -> str:
    """A saved page's text: UTF-8, else the charset its <meta> tag declares (pages saved from older sites
    are often windows-1252 and say so), else decode_text's one-line error."""
    try:
        return decode_text(data, origin)
    except InputError as not_utf8:
        declared = declared_charset(data)
        if declared is None:
            raise
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):  # an unknown name, or bytes the declared charset lacks
            raise not_utf8 from None


def declared_charset(data: bytes) -> str | None:
    """The charset a page's <meta> tag declares in its first bytes, if any (the name unchecked)."""
    declared = _META_CHARSET.search(data[:_CHARSET_SCAN])
    return declared.group(1).decode("ascii") if declared else None
