"""A standalone HTML page of the brief: no scripts, no external assets, every text escaped."""

from __future__ import annotations

from html import escape

from synoptic.model import Brief
from synoptic.render.base import RENDERERS, Item, nothing_new, sections, source_numbers, update_line
from synoptic.render.markdown import describe_source

_STYLE = (
    "body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}"
    "sup a{text-decoration:none}li{margin:.4rem 0}.src{color:#555;font-size:.9rem}"
    ".disputed{background:#fff3cd}"
)


def _cites(sources: tuple[str, ...], numbers: dict[str, int]) -> str:
    return "".join(f'<sup><a href="#src-{n}">[{n}]</a></sup>' for n in sorted(numbers[s] for s in sources if s in numbers))


def _item(item: Item, numbers: dict[str, int]) -> str:
    children = f"<ul>{''.join(_item(c, numbers) for c in item.children)}</ul>" if item.children else ""
    return f"<li>{escape(item.text)} {_cites(item.sources, numbers)}{children}</li>"


@RENDERERS.register("html")
def to_html(brief: Brief) -> str:
    numbers = source_numbers(brief)
    summary = "".join(
        f'<li{" class=disputed title=disputed" if s.disputed else ""}>{escape(s.text)} {_cites(s.sources, numbers)}</li>'
        for s in brief.summary
    ) or f"<li>{escape(nothing_new(brief.meta) or 'No sentence fits the word budget.')}</li>"
    body = "".join(
        f"<h2>{escape(title)}</h2><ul>{''.join(_item(i, numbers) for i in items)}</ul>" for title, items in sections(brief)
    )
    window = update_line(brief.meta)
    sources = "".join(
        f'<li id="src-{numbers[s.id]}" class="src">{escape(describe_source(s))}</li>' for s in brief.sources
    )
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{escape(brief.headline)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{escape(brief.headline)}</h1>{f'<p><em>{escape(window)}</em></p>' if window else ''}<ul>{summary}</ul>{body}"
        f"<h2>Sources</h2><ol>{sources}</ol></body></html>\n"
    )
