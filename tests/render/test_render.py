"""Markdown, JSON and HTML renderings of one brief."""

from __future__ import annotations

import json

from synoptic import make_brief
from synoptic.render import RENDERERS
from tests.conftest import make_article

TEXTS = [
    "The council approved the <b>new</b> flood barrier on Monday after a long debate in the town hall.",
    "Councillors approved the <b>new</b> flood barrier on Monday after a long debate in the town hall.",
]


def brief():
    articles = [make_article(t, id=f"a{i}", title="Barrier <approved>", source="Post") for i, t in enumerate(TEXTS)]
    return make_brief(articles)


def test_markdown_has_markers_and_numbered_sources() -> None:
    md = RENDERERS.get("md")(brief())
    assert md.startswith("# Barrier <approved>\n")
    assert "[1][2]" in md
    assert "1. Barrier <approved> — Post `a0`" in md


def test_json_round_trips() -> None:
    data = json.loads(RENDERERS.get("json")(brief()))
    assert data["summary"][0]["sources"] == ["a0", "a1"]
    assert data["summary"][0]["evidence"][0] == {"article": "a0", "sentence": 0, "start": 0, "end": len(TEXTS[0])}


def test_html_escapes_article_text() -> None:
    html = RENDERERS.get("html")(brief())
    assert "<b>new</b>" not in html and "&lt;b&gt;new&lt;/b&gt;" in html
    assert "<script" not in html
