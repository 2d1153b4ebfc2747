"""The brief page's view of a stored brief: citations that point at character spans, and each article's
text cut at those spans so that a click can light up the supporting sentence inside its article.

Nothing here writes HTML: the templates do, with autoescaping, so article text is always text.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Any

from synoptic.render.base import (
    dated_fact,
    nothing_new,
    quoted_by,
    safe_link,
    notices,
    update_line,
    when_label,
)


@dataclass(frozen=True)
class Cite:
    """A citation marker [number]; ``mark`` names the highlighted span, when the evidence gives one."""

    number: int
    mark: str | None = None
    sentence: str = ""  # the supporting sentence, shown on hover
    paraphrase: bool = False  # it says the same in other words (the hover says so)


@dataclass(frozen=True)
class Segment:
    """A stretch of article text lying inside the same marks; ``anchors`` start here (for #fragment links)."""

    text: str
    marks: tuple[str, ...] = ()
    anchors: tuple[str, ...] = ()


@dataclass
class Line:
    """One item of a section: optional label (date, value, type, speaker), text, citations, sub-items."""

    text: str
    cites: list[Cite] = field(default_factory=list)
    label: str = ""
    disputed: bool = False
    children: list[Line] = field(default_factory=list)


@dataclass(frozen=True)
class SourceView:
    number: int
    id: str
    title: str | None
    lead: str | None  # the opening words of an untitled source (older stored briefs: None)
    outlet: str | None
    published: str | None
    url: str | None
    link: str | None  # the URL when it is safe to link (http/https), else None and it is shown as text
    copy_of: int | None  # the number of the original this source copies
    segments: tuple[Segment, ...] | None  # None: the article text was not stored


def segments(text: str, marks: list[tuple[int, int, str]]) -> tuple[Segment, ...]:
    """``text`` cut at every mark boundary; overlapping marks are fine (a piece carries each mark over it)."""
    bounds = sorted({0, len(text), *(b for start, end, _ in marks for b in (start, end))})
    pieces, started = [], set()
    for a, b in pairwise(bounds):
        inside = tuple(key for start, end, key in marks if start <= a and b <= end)
        anchors = tuple(key for key in inside if key not in started)
        started.update(anchors)
        pieces.append(Segment(text[a:b], inside, anchors))
    return tuple(pieces)


class BriefView:
    """Everything the brief template shows, built once from the stored brief and its articles."""

    def __init__(self, brief: dict[str, Any], articles: list[dict[str, Any]]) -> None:
        self.brief = brief
        self.numbers = {s["id"]: n for n, s in enumerate(brief.get("sources", []), 1)}
        self._texts = {a["id"]: a["text"] for a in articles}
        self._marks: dict[tuple[str, int, int], str] = {}
        self.summary = [
            Line(s["text"], self.cites(s["sources"], s.get("evidence")), disputed=bool(s.get("disputed"))) for s in brief.get("summary", [])
        ]
        self.nothing_new = nothing_new(brief.get("meta", {}))  # an update that adds nothing says so
        self.update_line = update_line(brief.get("meta", {}))  # an update says what it covers
        self.notices = notices(brief.get("meta", {}), self.numbers)  # several stories, or not English: said first
        found = [
            ("Latest report", [Line(t["text"], self.cites(t["sources"], t.get("evidence")), label=t["date"]) for t in brief.get("latest", [])]),
            ("Agreed by several sources", [Line(dated_fact(f), self.cites(f["sources"], f.get("evidence"))) for f in brief.get("facts", [])]),
            ("Where sources disagree", [self._conflict(c) for c in brief.get("conflicts", [])]),
            ("Timeline", [self._when(t) for t in brief.get("timeline", [])]),
            ("People, organisations and places", [self._entity(e) for e in brief.get("entities", [])]),
            ("Quotes", [self._quote(q) for q in brief.get("quotes", [])]),
        ]
        self.sections = [(title, lines) for title, lines in found if lines]
        self.sources = [self._source(n, s) for n, s in enumerate(brief.get("sources", []), 1)]

    def cites(self, sources: list[str], evidence: list[dict[str, Any]] | None) -> list[Cite]:
        """A marker per source, in source order; it marks the source's evidence span when there is one."""
        spans: dict[str, tuple[int, int]] = {}
        paraphrased: set[str] = set()
        for item in evidence or []:
            has_span = isinstance(item.get("start"), int) and isinstance(item.get("end"), int)
            if has_span and item.get("article") not in spans:  # an article's first evidence is the one marked
                spans[item["article"]] = (item["start"], item["end"])
                if item.get("support") == "paraphrase":
                    paraphrased.add(item["article"])
        cites = []
        for source in sorted((s for s in sources if s in self.numbers), key=self.numbers.__getitem__):
            text, span = self._texts.get(source), spans.get(source)
            if text is None or span is None or not 0 <= span[0] < span[1] <= len(text):
                cites.append(Cite(self.numbers[source]))
                continue
            mark = self._marks.setdefault((source, *span), f"m{len(self._marks) + 1}")
            cites.append(Cite(self.numbers[source], mark, " ".join(text[span[0] : span[1]].split()), source in paraphrased))
        return cites

    def _conflict(self, conflict: dict[str, Any]) -> Line:
        claims = [
            Line(f"“{c['text']}”", self.cites(c["sources"], c.get("evidence")), label=c["value"] + (f" ({c['speaker']})" if c.get("speaker") else ""))
            for c in conflict.get("claims", [])
        ]
        return Line(conflict["about"], children=claims)

    def _when(self, item: dict[str, Any]) -> Line:
        return Line(item["text"], self.cites(item["sources"], item.get("evidence")), label=when_label(item))

    def _entity(self, entity: dict[str, Any]) -> Line:
        variants = f", also spelled {', '.join(entity['variants'])}" if entity.get("variants") else ""
        return Line(entity["name"] + variants, self.cites(entity["sources"], None), label=entity.get("type") or "")

    def _quote(self, quote: dict[str, Any]) -> Line:
        return Line(f"“{quote['text']}”", self.cites(quote["sources"], quote.get("evidence")), label=quoted_by(quote, with_role=True))

    def _source(self, number: int, source: dict[str, Any]) -> SourceView:
        text = self._texts.get(source["id"])
        marks = [(start, end, key) for (article, start, end), key in self._marks.items() if article == source["id"]]
        pieces = segments(text, marks) if text is not None else None
        if pieces and not pieces[0].marks:  # a .txt body starts with the blank line under its title: not worth showing
            pieces = (replace(pieces[0], text=pieces[0].text.lstrip()), *pieces[1:])
        return SourceView(
            number=number,
            id=source["id"],
            title=source.get("title"),
            lead=source.get("lead"),
            outlet=source.get("outlet"),
            published=f"{source['published']} (approx.)" if source.get("published") and source.get("published_approximate") else source.get("published"),
            url=source.get("url"),
            link=safe_link(source.get("url")),
            copy_of=self.numbers.get(source.get("duplicate_of") or ""),
            segments=pieces,
        )
