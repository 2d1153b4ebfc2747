"""Markdown: headline, summary with [n] citation markers, numbered source list."""

from __future__ import annotations

from synoptic.model import Brief, Source
from synoptic.render.base import RENDERERS, source_numbers


def describe_source(source: Source) -> str:
    """"Title — Outlet, 2025-03-12 (id)" with whatever parts are known."""
    label = source.title or source.id
    extras = ", ".join(p for p in (source.outlet, source.published) if p)
    text = f"{label} — {extras}" if extras else label
    if source.url:
        text += f" <{source.url}>"
    if source.duplicate_of:
        text += f" (copy of {source.duplicate_of})"
    return f"{text} `{source.id}`"


@RENDERERS.register("md")
def to_markdown(brief: Brief) -> str:
    numbers = source_numbers(brief)
    lines = [f"# {brief.headline}", ""]
    for sentence in brief.summary:
        markers = "".join(f"[{numbers[s]}]" for s in sentence.sources)
        lines.append(f"- {sentence.text} {markers}")
    if not brief.summary:
        lines.append("_No sentence fits the word budget; raise --words._")
    lines += ["", "## Sources", ""]
    lines += [f"{numbers[s.id]}. {describe_source(s)}" for s in brief.sources]
    return "\n".join(lines) + "\n"
