"""The brief page's view: spans become marks, article text is cut exactly at them, links are safe."""

from __future__ import annotations

from synoptic.service.pages import BriefView, Segment, safe_link, segments

TEXT = "Title line\n\nFirst sentence here. Second sentence there. Third one."


def test_segments_cover_the_text_exactly_and_carry_overlapping_marks() -> None:
    marks = [(12, 32, "m1"), (33, 55, "m2"), (26, 45, "m3")]
    pieces = segments(TEXT, marks)
    assert "".join(p.text for p in pieces) == TEXT
    assert [p for p in pieces if p.marks == ("m1", "m3")] == [Segment(" here.", ("m1", "m3"), ("m3",))]
    for start, end, key in marks:
        assert "".join(p.text for p in pieces if key in p.marks) == TEXT[start:end]
        assert sum(key in p.anchors for p in pieces) == 1  # one anchor a mark, at its first piece
    assert segments(TEXT, []) == (Segment(TEXT),)


def brief(evidence: list[dict]) -> dict:
    return {
        "id": "b1",
        "headline": "H",
        "summary": [{"text": "First sentence here.", "sources": ["a2", "a1"], "evidence": evidence, "disputed": True}],
        "facts": [{"text": "First sentence here.", "sources": ["a1", "a2"], "evidence": evidence}],
        "timeline": [{"date": None, "phrase": "on Tuesday", "text": "x", "sources": ["a1"], "evidence": [{"article": "a1", "sentence": 0}]}],
        "entities": [{"name": "Raqqa", "variants": ["Raqqah"], "type": "place", "sources": ["a1", "zz"]}],
        "latest": [{"date": "2025-03-13", "text": "First sentence here.", "sources": ["a1"], "evidence": evidence[:1]}],
        "sources": [
            {"id": "a1", "title": "One", "url": "javascript:alert(1)", "published": None, "outlet": None, "duplicate_of": None},
            {"id": "a2", "title": None, "url": "https://example.org/2", "published": "2025-03-12", "outlet": "O", "duplicate_of": "a1"},
        ],
        "meta": {},
    }


def test_citations_mark_valid_spans_and_share_marks_between_sections() -> None:
    view = BriefView(brief([{"article": "a1", "sentence": 0, "start": 12, "end": 32}, {"article": "a2", "sentence": 0, "start": 5, "end": 999}]), [
        {"id": "a1", "text": TEXT},
        {"id": "a2", "text": "Short text."},
    ])
    summary = view.summary[0]
    assert summary.disputed and [c.number for c in summary.cites] == [1, 2]  # in source order
    assert summary.cites[0].mark == "m1" and summary.cites[0].sentence == "First sentence here."
    assert summary.cites[1].mark is None  # the span runs past the text: cited, not marked
    assert view.sections[1][1][0].cites[0].mark == "m1"  # the same span in facts reuses the mark
    titles = [title for title, _ in view.sections]
    assert titles == ["Latest report", "Agreed by several sources", "Timeline", "People, organisations and places"]
    assert view.sections[0][1][0].label == "2025-03-13" and view.sections[0][1][0].cites[0].mark == "m1"
    assert view.sections[2][1][0].label == "Tuesday (date unknown)" and view.sections[2][1][0].cites[0].mark is None
    assert view.sections[3][1][0].text == "Raqqa, also spelled Raqqah" and [c.number for c in view.sections[3][1][0].cites] == [1]
    first, second = view.sources
    assert first.link is None and first.url == "javascript:alert(1)"
    assert second.link == "https://example.org/2" and second.copy_of == 1
    assert "".join(s.text for s in first.segments) == TEXT.lstrip()
    assert [s.text for s in first.segments if s.marks] == ["First sentence here."]


def test_a_source_without_a_stored_article_has_no_text() -> None:
    view = BriefView(brief([{"article": "a1", "sentence": 0, "start": 12, "end": 32}]), [])
    assert all(s.segments is None for s in view.sources) and view.summary[0].cites[0].mark is None


def test_a_day_a_crawl_saw_the_page_is_shown_as_approximate() -> None:
    given = brief([{"article": "a1", "sentence": 0, "start": 12, "end": 32}])
    given["sources"][1]["published_approximate"] = True
    assert [s.published for s in BriefView(given, []).sources] == [None, "2025-03-12 (approx.)"]


def test_only_web_addresses_become_links() -> None:
    assert safe_link("https://example.org/x") == "https://example.org/x" and safe_link("HTTP://example.org") == "HTTP://example.org"
    for url in ("javascript:alert(1)", " javascript:alert(1)", "data:text/html,hi", "file:///etc/passwd", "", None):
        assert safe_link(url) is None


def test_a_paraphrase_citation_says_so_on_hover() -> None:
    view = BriefView(
        brief([{"article": "a1", "sentence": 0, "start": 12, "end": 32, "support": "paraphrase"}]),
        [{"id": "a1", "text": TEXT}],
    )
    cite = view.summary[0].cites[0]  # [1]; [2] has no span
    assert cite.paraphrase and cite.sentence == "First sentence here."
    plain = BriefView(brief([{"article": "a1", "sentence": 0, "start": 12, "end": 32, "support": "shown"}]), [{"id": "a1", "text": TEXT}])
    assert not plain.summary[0].cites[0].paraphrase


def test_an_update_with_nothing_new_says_so_instead_of_blaming_the_budget() -> None:
    update = {**brief([]), "summary": [], "meta": {"update": {"since": "2025-03-20", "earlier_articles": 3, "nothing_new": True}}}
    assert BriefView(update, []).nothing_new == "Nothing new since 2025-03-20: the newer articles repeat what the earlier ones said."
    assert BriefView({**brief([]), "summary": []}, []).nothing_new is None  # a plain brief: the template's budget line


def test_a_quote_is_labelled_by_its_speaker_and_role_or_the_role_alone() -> None:
    quotes = [
        {"speaker": "Col. Ryan Dillon", "role": "a U.S. military spokesman", "text": "a", "sources": ["a1"]},
        {"speaker": None, "role": "the coalition commander", "text": "b", "sources": ["a1"]},
        {"speaker": None, "role": None, "text": "c", "sources": ["a1"]},
    ]
    view = BriefView({**brief([]), "quotes": quotes}, [])
    [lines] = [lines for title, lines in view.sections if title == "Quotes"]
    assert [line.label for line in lines] == ["Col. Ryan Dillon, a U.S. military spokesman", "the coalition commander", "unattributed"]


def test_a_brief_of_several_stories_says_so_with_each_story_s_sources() -> None:
    stories = [{"articles": ["a2"], "title": "Ferry strike"}, {"articles": ["a1"], "title": "Dam cracks"}]
    view = BriefView({**brief([]), "meta": {"stories": stories}}, [])
    assert view.notices == ["These articles look like 2 separate stories, which this brief mixes: “Ferry strike” [2]; “Dam cracks” [1]."]
    assert BriefView(brief([]), []).notices == []


def test_a_fact_shows_the_date_of_its_relative_day_beside_the_phrase() -> None:
    fact = {"text": "The barrier was approved on Friday after a long debate.", "sources": ["a1"], "evidence": [],
            "date": "2017-10-20", "precision": "day", "phrase": "on Friday", "approximate": False}
    view = BriefView({**brief([]), "facts": [fact]}, [])
    [lines] = [lines for title, lines in view.sections if title == "Agreed by several sources"]
    assert [line.text for line in lines] == ["The barrier was approved on Friday (2017-10-20) after a long debate."]
