"""A standalone HTML page of the brief: no scripts, no external assets, every text escaped."""

from __future__ import annotations

from html import escape

from synoptic.model import Brief
from synoptic.render.base import RENDERERS, source_numbers
from synoptic.render.markdown import describe_source

_STYLE = (
    "body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}"
    "sup a{text-decoration:none}li{margin:.4rem 0}.src{color:#555;font-size:.9rem}"
)


@RENDERERS.register("html")
def to_html(brief: Brief) -> str:
    numbers = source_numbers(brief)
    items = []
    for sentence in brief.summary:
        marks = "".join(f'<sup><a href="#src-{numbers[s]}">[{numbers[s]}]</a></sup>' for s in sentence.sources)
        items.append(f"<li>{escape(sentence.text)} {marks}</li>")
    sources = "".join(
        f'<li id="src-{numbers[s.id]}" class="src">{escape(describe_source(s))}</li>' for s in brief.sources
    )
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{escape(brief.headline)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{escape(brief.headline)}</h1><ul>{''.join(items)}</ul>"
        f"<h2>Sources</h2><ol>{sources}</ol></body></html>\n"
    )
