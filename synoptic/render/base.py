"""The renderer registry and the JSON renderer (the contract other tools read)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from synoptic.model import Brief, Source
from synoptic.registry import Registry

Renderer = Callable[[Brief], str]
RENDERERS: Registry[Renderer] = Registry("output format")


@RENDERERS.register("json")
def to_json(brief: Brief) -> str:
    return json.dumps(brief.to_dict(), ensure_ascii=False, indent=2)


def nothing_new(meta: dict[str, Any]) -> str | None:
    """For an update whose new articles only repeat the earlier ones, the line that says so instead of a summary."""
    update = meta.get("update") or {}
    return f"Nothing new since {update.get('since')}: the newer articles repeat what the earlier ones said." if update.get("nothing_new") else None


def update_line(meta: dict[str, Any]) -> str | None:
    """For an update, what it covers: a reader must not take it for the story's whole brief, nor an
    article of the ``since`` day itself (which a brief read that day may have shown) for news."""
    update = meta.get("update") or {}
    since, new, earlier = update.get("since"), update.get("new_articles"), update.get("earlier_articles")
    if not since or new is None:
        return None
    articles = "1 article" if new == 1 else f"{new} articles"
    if not earlier:
        return f"Since {since}: every article of the story ({articles}) is dated on or after it, so this is its whole brief."
    line = f"What is new since {since}: {articles} dated on or after it, read against the {earlier} earlier {'one' if earlier == 1 else 'ones'}."
    same_day = update.get("on_since_day") or 0
    if same_day:
        which = "It is" if new == 1 else "All are" if same_day == new else f"{same_day} of them {'is' if same_day == 1 else 'are'}"
        dated = f"dated {since} itself" if len(since) == len("2025-03-12") else f"dated only by the day {since[:10]}"
        line += f" {which} {dated}; a brief read that day may already have shown {'it' if same_day == 1 else 'them'}."
    return line


def notices(meta: dict[str, Any], numbers: dict[str, int]) -> list[str]:
    """What a reader must know before trusting the brief, a line each: its articles read as several stories
    (meta["stories"]: which sources tell which, for the summary and cross-source sections mix them), or some
    do not read as English (meta["not_english"]: the rules that find quotes, figures, dates and names read
    English)."""
    lines = []
    if stories := meta.get("stories"):
        told = "; ".join(
            f"“{s['title']}” {''.join(f'[{numbers[a]}]' for a in s['articles'] if a in numbers)}" for s in stories
        )
        lines.append(f"These articles look like {len(stories)} separate stories, which this brief mixes: {told}.")
    if foreign := [a for a in meta.get("not_english") or [] if a in numbers]:
        cited = "".join(f"[{numbers[a]}]" for a in foreign)
        lines.append(
            f"{'Source' if len(foreign) == 1 else 'Sources'} {cited} {'does' if len(foreign) == 1 else 'do'} not read as English:"
            " synoptic's rules are written for English news, so their quotes,"
            " disagreements, dates and names may be missing or noisy."
        )
    return lines


def safe_link(url: str | None) -> str | None:
    """Only http(s) URLs become links: a "javascript:" URL in an article's metadata must not run."""
    if url and urlsplit(url).scheme.lower() in ("http", "https"):
        return url
    return None


def source_label(source: Source) -> str:
    """"Title — Outlet, 2025-03-12" with whatever parts are known; an untitled source is named by
    its opening words, in quotation marks so they do not pass for a headline."""
    label = source.title or (f"“{source.lead}”" if source.lead else source.id)
    published = f"{source.published} (approx.)" if source.published and source.published_approximate else source.published
    extras = ", ".join(p for p in (source.outlet, published) if p)
    return f"{label} — {extras}" if extras else label


def source_numbers(brief: Brief) -> dict[str, int]:
    """Citation markers number the sources in the order of the source list, from 1."""
    return {s.id: n for n, s in enumerate(brief.sources, 1)}


@dataclass(frozen=True)
class Item:
    """One line of a brief's cross-source section, with the sources it cites and nested lines."""

    text: str
    sources: tuple[str, ...] = ()
    children: tuple[Item, ...] = ()


def _entity_text(entity: dict[str, Any]) -> str:
    variants = f", also spelled {', '.join(entity['variants'])}" if entity.get("variants") else ""
    return f"{entity['name']} ({entity['type']}){variants}"


_PHRASE_LEAD = re.compile(r"^on\s+", re.IGNORECASE)


_SEASON_NAMES = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}  # by the month a season's date starts in


def when_label(entry: dict[str, Any]) -> str:
    """"2017-10-16", "week of 2017-10-16", "summer 2017", "winter 2017-18", "2017-10-12 (approx.)" when
    resolved against an assumed publication date; a phrase no date resolves says so ("Thursday (date
    unknown)"), for the entry's own text often opens with it and "On Thursday: On Thursday, the …" reads
    as a stutter."""
    if not entry.get("date"):
        phrase = _PHRASE_LEAD.sub("", entry.get("phrase") or "")
        return f"{phrase[:1].upper()}{phrase[1:]} (date unknown)" if phrase else "undated"
    when = entry["date"]
    if entry.get("precision") == "week":
        when = f"week of {when}"
    elif entry.get("precision") == "season":
        year, month = (int(part) for part in when.split("-"))
        when = f"{_SEASON_NAMES[month]} {year}" + (f"-{(year + 1) % 100:02d}" if month == 12 else "")
    return f"{when} (approx.)" if entry.get("approximate") else when


def dated_fact(fact: dict[str, Any]) -> str:
    """An agreed fact's text with the date its relative phrase stands for beside it ("… rescued by Tuesday
    (2025-03-11)"), as the timeline writes dates (when_label): out of its report "Tuesday" tells no day."""
    text, phrase = fact["text"], fact.get("phrase")
    found = re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) if fact.get("date") and phrase else None
    if found is None:
        return text
    when = when_label({**fact, "approximate": False}) + (", approx." if fact.get("approximate") else "")
    return f"{text[: found.end()]} ({when}){text[found.end() :]}"


def _quote(text: str) -> str:
    """Text in quotation marks, unless it already starts with one."""
    return text if text[:1] in "“\"'" else f"“{text}”"


def quoted_by(quote: dict[str, Any], with_role: bool = False) -> str:
    """"Col. Ryan Dillon" (with_role: "Col. Ryan Dillon, a U.S. military spokesman"), else the unnamed
    speaker's description, else "unattributed"."""
    if quote.get("speaker") and with_role and quote.get("role"):
        return f"{quote['speaker']}, {quote['role']}"
    return quote.get("speaker") or quote.get("role") or "unattributed"


def sections(brief: Brief) -> list[tuple[str, list[Item]]]:
    """The cross-source sections (latest report, agreement, conflicts, timeline, entities, quotes) that have content,
    in reading order; Markdown and HTML render the same structure."""
    conflicts = [
        Item(
            conflict["about"],
            children=tuple(
                Item(
                    f"{claim['value']}" + (f" ({claim['speaker']})" if claim.get("speaker") else "") + f": {_quote(claim['text'])}",
                    tuple(claim["sources"]),
                )
                for claim in conflict["claims"]
            ),
        )
        for conflict in brief.conflicts
    ]
    found = [
        ("Latest report", [Item(f"{t['date']}: {t['text']}", tuple(t["sources"])) for t in brief.latest]),
        ("Agreed by several sources", [Item(dated_fact(f), tuple(f["sources"])) for f in brief.facts]),
        ("Where sources disagree", conflicts),
        (
            "Timeline",
            [Item(f"{when_label(t)}: {t['text']}", tuple(t["sources"])) for t in brief.timeline],
        ),
        ("People, organisations and places", [Item(_entity_text(e), tuple(e["sources"])) for e in brief.entities]),
        ("Quotes", [Item(f"“{q['text']}” — {quoted_by(q)}", tuple(q["sources"])) for q in brief.quotes]),
    ]
    return [(title, items) for title, items in found if items]
