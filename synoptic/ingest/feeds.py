"""RSS and Atom feeds: each entry becomes an article (feedparser reads every feed dialect).

An entry's text is its full content when the feed carries it, else its summary, with the HTML
markup turned into paragraphs. Entries without enough text (title-only feeds) are reported and
skipped: a headline alone is not a report a brief can cite.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import UTC, datetime
from html.parser import HTMLParser

from synoptic.errors import InputError, MissingExtraError
from synoptic.ingest.base import READERS, stable_id
from synoptic.ingest.html import MIN_ARTICLE_WORDS
from synoptic.ingest.records import ReadArticles, collect
from synoptic.model import Article

_BLOCKS = frozenset(["p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article", "tr", "table", "figure", "figcaption", "pre", "hr"])
_SKIPPED = frozenset(("script", "style", "noscript", "template"))


class _TextCollector(HTMLParser):
    """Text of an HTML fragment, one paragraph per block element, script and style dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def fragment_text(html: str) -> str:
    """Paragraphs of an HTML fragment, whitespace inside each collapsed."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    paragraphs = (" ".join(p.split()) for p in "".join(collector.parts).split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def _entry_date(entry: dict) -> str | None:
    """The entry's date as an ISO timestamp; a spelling feedparser does not read ("8. März 2025",
    "Friday, March 12, 2025 - 08:00") is kept as written, for the story store and the timeline to read,
    as a JSON article's date is: dropping it would make a dated report count as arriving now."""
    # "updated_parsed" is asked for only when the entry has "updated": else feedparser warns of a deprecated fallback
    parsed = entry.get("published_parsed") or ("updated" in entry and entry.get("updated_parsed"))
    if not parsed:
        return (entry.get("published") or entry.get("updated") or "").strip() or None
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC).strftime("%Y-%m-%dT%H:%M:%S")


def _entry_text(entry: dict) -> str:
    content = entry.get("content") or []
    detail = content[0] if content else entry.get("summary_detail") or {"value": entry.get("summary", ""), "type": "text/html"}
    value = detail.get("value") or ""
    return fragment_text(value) if "html" in (detail.get("type") or "text/html") else value.strip()


def iter_feed(data: bytes, origin: str) -> Iterator[Article | InputError]:
    """Articles of the feed's entries in feed order; an entry without text yields its InputError."""
    try:
        import feedparser
    except ImportError:
        raise MissingExtraError("feedparser", "feeds") from None
    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.bozo:
            problem = f"not a readable RSS/Atom feed ({parsed.bozo_exception})"
        elif not parsed.version:  # well-formed XML or HTML, but no <rss>, <feed> or RDF root: not a feed at all
            problem = "not an RSS or Atom feed (no <rss> or <feed> element)"
        else:
            problem = "the feed has no entries"
        raise InputError(origin, problem, "give an RSS or Atom file (or URL with --allow-fetch); name a saved web page .html")
    site = parsed.feed.get("title") or None
    for n, entry in enumerate(parsed.entries, 1):
        where = f"{origin} entry {n}"
        text = _entry_text(entry)
        if len(text.split()) < MIN_ARTICLE_WORDS:
            yield InputError(where, "the entry has no article text (only a title or a teaser)", "use a feed that carries whole articles")
            continue
        link = entry.get("link") or None
        yield Article(
            id=stable_id(entry.get("id") or link or text),
            text=text,
            title=entry.get("title") or None,
            date=_entry_date(entry),
            source=site,
            url=link,
            origin=where,
        )


@READERS.register(".rss")
@READERS.register(".atom")
@READERS.register(".xml")
def read_feed(data: bytes, origin: str) -> ReadArticles:
    return collect(iter_feed(data, origin), origin, "feed entries with article text", "use a feed that carries the articles' text")

