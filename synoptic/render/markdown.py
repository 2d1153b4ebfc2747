"""Markdown: headline, summary with [n] citation markers, the cross-source sections, numbered sources."""

from __future__ import annotations

from synoptic.model import Brief, Source
from synoptic.render.base import (
    RENDERERS,
    Item,
    nothing_new,
    sections,
    source_label,
    source_numbers,
    notices,
    update_line,
)


def describe_source(source: Source) -> str:
    """The source's label, then its URL, the original it copies and its id."""
    text = source_label(source)
    if source.url:
        text += f" <{source.url}>"
    if source.duplicate_of:
        text += f" (copy of {source.duplicate_of})"
    return f"{text} `{source.id}`"


def markers(sources: list[str] | tuple[str, ...], numbers: dict[str, int]) -> str:
    return "".join(f"[{n}]" for n in sorted(numbers[s] for s in sources if s in numbers))


def _item_lines(item: Item, numbers: dict[str, int], indent: str = "") -> list[str]:
    cites = f" {markers(item.sources, numbers)}" if item.sources else ""
    head = f"**{item.text}**" if item.children else item.text
    lines = [f"{indent}- {head}{cites}"]
    for child in item.children:
        lines += _item_lines(child, numbers, indent + "  ")
    return lines


@RENDERERS.register("md")
def to_markdown(brief: Brief) -> str:
    numbers = source_numbers(brief)
    lines = [f"# {brief.headline}", ""]
    if window := update_line(brief.meta):
        lines += [f"_{window}_", ""]
    for line in notices(brief.meta, numbers):
        lines += [f"_{line}_", ""]
    for sentence in brief.summary:
        flag = " ⚠ disputed" if sentence.disputed else ""
        lines.append(f"- {sentence.text} {markers(sentence.sources, numbers)}{flag}")
    if not brief.summary:
        lines.append(f"_{nothing_new(brief.meta) or 'No sentence fits the word budget; raise --words.'}_")
    for title, items in sections(brief):
        lines += ["", f"## {title}", ""]
        lines += [line for item in items for line in _item_lines(item, numbers)]
    lines += ["", "## Sources", ""]
    lines += [f"{numbers[s.id]}. {describe_source(s)}" for s in brief.sources]
    return "\n".join(lines) + "\n"
