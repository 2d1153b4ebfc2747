"""The document model: immutable records that carry provenance from input bytes to brief.

Every sentence knows its article and the character span it occupies in that article's *original*
text. Cleaning only ever chooses which spans of the original to keep (it never rewrites text), so a
citation can always be checked against what the reader supplied.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# A headline has at least two words. A single token in the title field is a wire slug ("NYTR-LKL-VIOX"),
# a flag ("URGENT") or a scrap of markup ("andHT;", nine times in TAC 2010): shown as a story's or a
# source's name it says nothing, so the article counts as untitled and is named by its opening words.
_HEADLINE = re.compile(r"\S\s+\S")


@dataclass(frozen=True)
class Article:
    """One report as ingested, before cleaning. A title that is no headline (see _HEADLINE) is dropped."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None
    origin: str | None = None  # file path or "<stdin>", for error messages
    # the date only bounds publication (a crawl's capture day of a page that gives none): the article is
    # dated by it, but "on Monday" counted from it is marked approximate, as from a date the article does not state
    date_approximate: bool = False

    def __post_init__(self) -> None:
        if self.title is not None and not _HEADLINE.search(self.title.strip()):
            object.__setattr__(self, "title", None)


@dataclass(frozen=True)
class Cluster:
    """Articles about one story, as read from a cluster file (``references`` only in eval data)."""

    id: str
    articles: tuple[Article, ...]
    date: str | None = None
    references: tuple[str, ...] = ()
    origin: str | None = None  # "FILE line N", for error messages: two lines may give the same id


@dataclass(frozen=True)
class Removal:
    """A piece of an article that cleaning dropped, and the rule that dropped it."""

    article: str
    rule: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class CleanArticle:
    """An article after cleaning: the kept blocks are spans of ``article.text``."""

    article: Article
    blocks: tuple[tuple[int, int], ...]
    date: str | None
    removals: tuple[Removal, ...] = ()


@dataclass(frozen=True)
class Sentence:
    """A sentence of a cleaned article; ``start:end`` indexes the article's original text.

    ``full`` is the whole sentence (whitespace normalised); ``text`` is what a summary shows: the
    same, or a trimmed prefix of it with a full stop (see synoptic.analyze.trim). ``short``, when
    not empty, is a shorter such prefix a method may show instead (without a trailing clause).
    """

    article: str
    index: int
    start: int
    end: int
    text: str
    position: float = 0.0  # index / number of sentences in the article, 0 = lead
    full: str = ""
    short: str = ""

    def __post_init__(self) -> None:
        if not self.full:
            object.__setattr__(self, "full", self.text)


@dataclass(frozen=True)
class Evidence:
    """Where a summary sentence's content appears in one article, and how: "shown" (the sentence the
    summary shows), "copy" (a near-copy of it) or "paraphrase" (the same claim in other words, so
    not expected to match the summary's text)."""

    article: str
    sentence: int
    start: int
    end: int
    support: str = "shown"


@dataclass(frozen=True)
class SummarySentence:
    text: str
    sources: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    disputed: bool = False  # one of its evidence sentences states a value another source contradicts


@dataclass(frozen=True)
class Source:
    id: str
    title: str | None
    url: str | None
    published: str | None
    outlet: str | None
    duplicate_of: str | None = None
    lead: str | None = None  # the opening words of its first kept sentence: a name for a source without a title
    published_approximate: bool = False  # ``published`` is a day it was seen, not one it states (Article.date_approximate)


@dataclass(frozen=True)
class Brief:
    id: str
    headline: str
    summary: tuple[SummarySentence, ...]
    sources: tuple[Source, ...]
    meta: dict[str, Any] = field(default_factory=dict)
    facts: tuple[dict[str, Any], ...] = ()
    conflicts: tuple[dict[str, Any], ...] = ()
    timeline: tuple[dict[str, Any], ...] = ()
    entities: tuple[dict[str, Any], ...] = ()
    quotes: tuple[dict[str, Any], ...] = ()
    latest: tuple[dict[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract of DESIGN.md (field names are a public interface: do not rename)."""
        return {
            "id": self.id,
            "headline": self.headline,
            "summary": [
                {
                    "text": s.text,
                    "sources": list(s.sources),
                    "evidence": [
                        {"article": e.article, "sentence": e.sentence, "start": e.start, "end": e.end, "support": e.support}
                        for e in s.evidence
                    ],
                    "disputed": s.disputed,
                }
                for s in self.summary
            ],
            "facts": list(self.facts),
            "conflicts": list(self.conflicts),
            "timeline": list(self.timeline),
            "entities": list(self.entities),
            "quotes": list(self.quotes),
            "latest": list(self.latest),
            "sources": [
                {
                    "id": s.id,
                    "title": s.title,
                    "url": s.url,
                    "published": s.published,
                    "outlet": s.outlet,
                    "duplicate_of": s.duplicate_of,
                    "lead": s.lead,
                    "published_approximate": s.published_approximate,
                }
                for s in self.sources
            ],
            "meta": dict(self.meta),
        }
