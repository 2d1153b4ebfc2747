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
    assert data["summary"][0]["evidence"][0] == {"article": "a0", "sentence": 0, "start": 0, "end": len(TEXTS[0]), "support": "shown"}


def test_html_escapes_article_text() -> None:
    html = RENDERERS.get("html")(brief())
    assert "<b>new</b>" not in html and "&lt;b&gt;new&lt;/b&gt;" in html
    assert "<script" not in html


def brief_with_sections():
    from dataclasses import replace

    return replace(
        brief(),
        facts=({"text": "The barrier was approved.", "sources": ["a0", "a1"]},),
        conflicts=(
            {
                "about": "cost of the barrier",
                "kind": "number",
                "claims": [
                    {"value": "$2 million", "text": "It costs $2 million.", "sources": ["a0"], "speaker": "the mayor"},
                    {"value": "<$5 million>", "text": "It costs $5 million.", "sources": ["a1"], "speaker": None},
                ],
            },
        ),
        timeline=({"date": "2024-05-02", "text": "The vote took place.", "sources": ["a1"]},),
        entities=({"name": "Dunmore", "variants": ["Dunmoor"], "type": "place", "sources": ["a0", "a1"]},),
        quotes=({"speaker": "Ana Ruiz", "text": "We will build it.", "sources": ["a0"]},),
        latest=({"date": "2024-05-03", "text": "Work on the barrier began.", "sources": ["a1"]},),
    )


def test_markdown_renders_every_section_with_citations() -> None:
    md = RENDERERS.get("md")(brief_with_sections())
    headings = ("## Latest report", "## Agreed by several sources", "## Where sources disagree", "## Timeline", "## People, organisations and places", "## Quotes")
    assert [md.index(h) for h in headings] == sorted(md.index(h) for h in headings)  # all there, in reading order
    assert "- 2024-05-03: Work on the barrier began. [2]" in md
    assert "- **cost of the barrier**\n  - $2 million (the mayor): “It costs $2 million.” [1]" in md
    assert "- 2024-05-02: The vote took place. [2]" in md
    assert "Dunmore (place), also spelled Dunmoor [1][2]" in md
    assert "“We will build it.” — Ana Ruiz [1]" in md


def test_empty_sections_are_left_out() -> None:
    from dataclasses import replace

    md = RENDERERS.get("md")(replace(brief(), timeline=(), quotes=()))
    assert "## Timeline" not in md and "## Quotes" not in md


def test_html_sections_are_escaped() -> None:
    html = RENDERERS.get("html")(brief_with_sections())
    assert "<h2>Where sources disagree</h2>" in html
    assert "&lt;$5 million&gt;" in html and "<$5 million>" not in html


def test_disputed_summary_sentence_is_flagged() -> None:
    from dataclasses import replace

    b = brief()
    flagged = replace(b, summary=(replace(b.summary[0], disputed=True),))
    assert "⚠ disputed" in RENDERERS.get("md")(flagged)
    assert "class=disputed" in RENDERERS.get("html")(flagged) and "⚠ disputed</span></li>" in RENDERERS.get("html")(flagged)
    assert json.loads(RENDERERS.get("json")(flagged))["summary"][0]["disputed"] is True


def test_sections_show_week_season_and_assumed_dates_unnamed_speakers_and_single_quote_marks() -> None:
    from dataclasses import replace

    from synoptic.render.base import sections

    base = brief()
    claim = {"value": "whole city", "text": "“We hold the whole city,” he said.", "sources": ["a0"]}
    other = {"value": "half the city", "text": "Rebels hold half the city.", "sources": ["a1"]}
    timeline = (
        {"date": "2017-10-16", "precision": "week", "approximate": False, "phrase": "this week", "text": "A.", "sources": ["a0"]},
        {"date": "2017-10-12", "precision": "day", "approximate": True, "phrase": "on Thursday", "text": "B.", "sources": ["a1"]},
        {"date": None, "precision": "day", "approximate": False, "phrase": "on Friday", "text": "C.", "sources": ["a1"]},
        {"date": "2017-06", "precision": "season", "approximate": False, "phrase": "last summer", "text": "D.", "sources": ["a1"]},
        {"date": "2016-12", "precision": "season", "approximate": True, "phrase": "last winter", "text": "E.", "sources": ["a1"]},
    )
    quotes = ({"speaker": None, "role": "the brigade commander", "text": "We hold it", "sources": ["a0"]},)
    conflicts = ({"about": "extent of control", "claims": [claim, other]},)
    found = dict(sections(replace(base, timeline=timeline, quotes=quotes, conflicts=conflicts)))
    assert [i.text.split(":")[0] for i in found["Timeline"]] == [
        "week of 2017-10-16",
        "2017-10-12 (approx.)",
        "Friday (date unknown)",
        "summer 2017",
        "winter 2016-17 (approx.)",
    ]
    assert found["Quotes"][0].text == "“We hold it” — the brigade commander"
    assert found["Where sources disagree"][0].children[0].text == "whole city: “We hold the whole city,” he said."


def test_an_untitled_source_is_named_by_its_opening_words() -> None:
    long_text = "Crews reopened the coastal road at dawn after clearing the rockfall that had cut off three villages for a week."
    articles = [make_article(long_text, id="untitled"), make_article(TEXTS[0], id="titled", title="Barrier approved")]
    result = make_brief(articles)
    sources = {s["id"]: s for s in json.loads(RENDERERS.get("json")(result))["sources"]}
    assert sources["untitled"]["title"] is None
    assert sources["untitled"]["lead"] == "Crews reopened the coastal road at dawn after clearing the rockfall that…"
    assert sources["titled"]["lead"] == " ".join(TEXTS[0].split()[:12]) + "…"
    md = RENDERERS.get("md")(result)
    assert "“Crews reopened the coastal road at dawn after clearing the rockfall that…” `untitled`" in md
    assert "Barrier approved `titled`" in md


def test_html_sources_are_html_with_links_only_for_web_addresses() -> None:
    from dataclasses import replace

    result = brief()
    first, second = result.sources
    result = replace(
        result, sources=(replace(first, url="https://example.org/barrier?a=1&b=2"), replace(second, url="javascript:alert(1)", duplicate_of=first.id))
    )
    html = RENDERERS.get("html")(result)
    sources = html[html.index("<h2>Sources</h2>") :]
    assert '<a href="https://example.org/barrier?a=1&amp;b=2" rel="noopener noreferrer nofollow">' in sources
    assert "javascript:alert(1)" in sources and 'href="javascript' not in sources
    assert "<code>a0</code>" in sources and "(copy of [1])" in sources
    assert "`" not in sources and "&lt;http" not in sources  # no Markdown left in the HTML


def test_a_brief_of_several_stories_says_which_sources_tell_which_and_one_story_says_nothing() -> None:
    from dataclasses import replace

    stories = [{"articles": ["a1"], "title": "Barrier <approved>"}, {"articles": ["a0", "gone"], "title": "Other"}]
    several = replace(brief(), meta={**brief().meta, "stories": stories})
    line = "These articles look like 2 separate stories, which this brief mixes: “Barrier <approved>” [2]; “Other” [1]."
    assert f"\n_{line}_\n" in RENDERERS.get("md")(several)
    assert "These articles look like 2 separate stories, which this brief mixes: “Barrier &lt;approved&gt;” [2]" in RENDERERS.get("html")(several)
    for fmt in ("md", "html"):
        assert "separate stories" not in RENDERERS.get(fmt)(brief())


def test_a_fact_shows_the_date_of_its_relative_day_beside_the_phrase() -> None:
    from dataclasses import replace

    from synoptic.render.base import sections

    def fact(text: str, **when: object) -> dict:
        return {"text": text, "sources": ["a0", "a1"], "date": None, "precision": None, "phrase": None, "approximate": False, **when}

    facts = (
        fact("The barrier was approved on Friday after a long debate.", date="2017-10-20", precision="day", phrase="on Friday"),
        fact("Work began last week, the council said.", date="2017-10-09", precision="week", phrase="last week"),
        fact("The <vote> was held yesterday.", date="2017-10-19", precision="day", phrase="yesterday", approximate=True),
        fact("The barrier was approved on May 2."),
        {"text": "A fact stored before facts had dates.", "sources": ["a0"]},
    )
    dated = replace(brief(), facts=facts)
    assert [i.text for i in dict(sections(dated))["Agreed by several sources"]] == [
        "The barrier was approved on Friday (2017-10-20) after a long debate.",
        "Work began last week (week of 2017-10-09), the council said.",
        "The <vote> was held yesterday (2017-10-19, approx.).",
        "The barrier was approved on May 2.",
        "A fact stored before facts had dates.",
    ]
    assert "- The barrier was approved on Friday (2017-10-20) after a long debate. [1][2]" in RENDERERS.get("md")(dated)
    assert "The &lt;vote&gt; was held yesterday (2017-10-19, approx.)." in RENDERERS.get("html")(dated)
