"""A standalone HTML page of the brief: no scripts, no external assets, every text escaped."""

from __future__ import annotations

from html import escape

from synoptic.model import Brief, Source
from synoptic.render.base import (
    RENDERERS,
    Item,
    nothing_new,
    safe_link,
    sections,
    source_label,
    source_numbers,
    notices,
    update_line,
)

_STYLE = (
    "body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}"
    "sup a{text-decoration:none}li{margin:.4rem 0}.src{color:#555;font-size:.9rem}"
    ".disputed{background:#fff3cd}"
)

# Shown, not only coloured: the flag must survive a print-out, as Markdown's "⚠ disputed" does.
_DISPUTED = ' <span class="flag" title="another source contradicts a figure in this sentence">⚠ disputed</span>'


def _cites(sources: tuple[str, ...], numbers: dict[str, int]) -> str:
    return "".join(f'<sup><a href="#src-{n}">[{n}]</a></sup>' for n in sorted(numbers[s] for s in sources if s in numbers))


def _item(item: Item, numbers: dict[str, int]) -> str:
    children = f"<ul>{''.join(_item(c, numbers) for c in item.children)}</ul>" if item.children else ""
    return f"<li>{escape(item.text)} {_cites(item.sources, numbers)}{children}</li>"


def _source(source: Source, numbers: dict[str, int]) -> str:
    """A source line as HTML, not Markdown: an http(s) URL is a link, the original of a copy is its number."""
    url = ""
    if source.url:
        link = safe_link(source.url)
        url = f' <a href="{escape(link)}" rel="noopener noreferrer nofollow">{escape(source.url)}</a>' if link else f" {escape(source.url)}"
    original = source.duplicate_of
    copy = f" (copy of [{numbers[original]}])" if original in numbers else f" (copy of {escape(original)})" if original else ""
    return f'<li id="src-{numbers[source.id]}" class="src">{escape(source_label(source))}{url}{copy} <code>{escape(source.id)}</code></li>'


@RENDERERS.register("html")
def to_html(brief: Brief) -> str:
    numbers = source_numbers(brief)
    summary = "".join(
        f'<li{" class=disputed" if s.disputed else ""}>{escape(s.text)} {_cites(s.sources, numbers)}{_DISPUTED if s.disputed else ""}</li>'
        for s in brief.summary
    ) or f"<li>{escape(nothing_new(brief.meta) or 'No sentence fits the word budget; raise --words.')}</li>"
    body = "".join(
        f"<h2>{escape(title)}</h2><ul>{''.join(_item(i, numbers) for i in items)}</ul>" for title, items in sections(brief)
    )
    window = update_line(brief.meta)
    notes = "".join(f"<p><em>{escape(line)}</em></p>" for line in notices(brief.meta, numbers))
    sources = "".join(_source(s, numbers) for s in brief.sources)
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{escape(brief.headline)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{escape(brief.headline)}</h1>{f'<p><em>{escape(window)}</em></p>' if window else ''}"
        f"{notes}<ul>{summary}</ul>{body}"
        f"<h2>Sources</h2><ol>{sources}</ol></body></html>\n"
    )
