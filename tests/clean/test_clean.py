"""Cleaning whole articles and clusters: spans stay exact, removals are recorded, copies are kept."""

from __future__ import annotations

from synoptic.clean import clean_article, clean_cluster, is_news_budget
from synoptic.clean.boilerplate import repeated_lines
from tests.conftest import make_article


def kept(clean) -> list[str]:
    return [clean.article.text[s:e] for s, e in clean.blocks]


def test_blocks_are_exact_spans_of_the_original_text() -> None:
    text = " date 2024-05-02 Harbour web: Storm hits the coast.\nMOST READ\nWaves broke the sea wall.\n"
    clean = clean_article(make_article(text))
    assert kept(clean) == ["Storm hits the coast.", "Waves broke the sea wall."]
    assert clean.date == "2024-05-02"
    rules = [r.rule for r in clean.removals]
    assert rules == ["date_header", "syndication_prefix", "promo"]
    for removal in clean.removals:
        assert text[removal.start : removal.end].strip() == removal.text


def test_a_promo_glued_to_a_sentence_goes_and_the_sentence_stays() -> None:
    # QA 10: the whole paragraph went as promo, and the inspection it reported with it
    text = "Crews checked the pier last week, the harbour office said.Read more about the pier here\nWaves broke the wall."
    clean = clean_article(make_article(text))
    assert kept(clean) == ["Crews checked the pier last week, the harbour office said.", "Waves broke the wall."]
    [removal] = clean.removals
    assert (removal.rule, removal.text, text[removal.start : removal.end]) == ("promo", "Read more about the pier here", removal.text)


def test_metadata_date_wins_over_header() -> None:
    clean = clean_article(make_article("date 2024-05-02 Storm hits.", date="2024-05-03"))
    assert clean.date == "2024-05-03"


def test_short_line_repeated_in_independent_articles_is_boilerplate() -> None:
    a = make_article("Storm hits the coast of Dunmore.\nRead the full story online\n", id="a")
    b = make_article("Ferries were cancelled across the bay.\nRead the full story online\n", id="b")
    cleaned = clean_cluster([a, b])
    assert kept(cleaned[0]) == ["Storm hits the coast of Dunmore."]
    assert [r.rule for r in cleaned[1].removals] == ["repeated_line"]


def test_syndicated_copy_keeps_its_lines() -> None:
    body = "Storm hits the coast of Dunmore.\nWaves broke the sea wall in two places.\nShort line here.\n"
    cleaned = clean_cluster([make_article(body, id="a"), make_article(body, id="b")])
    assert kept(cleaned[0]) == kept(cleaned[1]) == body.strip().splitlines()


def test_wide_repeat_of_a_long_line_is_boilerplate_only_across_families() -> None:
    long_line = "This article was produced with support from a regional journalism fund for local news."
    texts = [f"Unique report number {i} about the storm.\n{long_line}" for i in range(3)]
    assert len(repeated_lines([t.splitlines() for t in texts])) == 1
    texts2 = [f"Unique report number {i} about the storm.\n{long_line}" for i in range(2)]
    assert repeated_lines([t.splitlines() for t in texts2]) == set()


def test_wire_digest_keeps_each_story_without_its_slug() -> None:
    text = (
        "HARBOUR TOWN (Wire) -- The ferry resumed its crossings on Monday.\n\n"
        "The operator said repairs took two weeks.\n\n"
        "BC-HILL-FIRE (Upton) -- A grass fire burned 40 acres of the hill on Sunday."
    )
    cleaned = clean_article(make_article(text))
    kept = [text[s:e] for s, e in cleaned.blocks]
    assert kept[-1] == "A grass fire burned 40 acres of the hill on Sunday."
    assert [r.rule for r in cleaned.removals] == ["dateline", "dateline"]


def test_a_paragraph_the_article_already_gave_is_dropped_once_seen() -> None:
    body = "Storm hits the coast of Dunmore.\nWaves broke the sea wall in two places.\n"
    clean = clean_article(make_article(body * 3 + "“Waves broke the sea wall in two places!”\nFerries stayed in port.\n"))
    assert kept(clean) == ["Storm hits the coast of Dunmore.", "Waves broke the sea wall in two places.", "Ferries stayed in port."]
    assert [r.rule for r in clean.removals] == ["repeated_paragraph"] * 5


def test_an_article_repeated_within_itself_still_makes_a_full_brief() -> None:
    from synoptic import Options, make_brief

    body = "\n".join([
        "The Dunmore council approved the new flood barrier on Monday after a four-hour debate.",
        "Engineers say the barrier will protect about 2,000 homes along the estuary from winter surges.",
        "Work on the foundations is due to start in April and should take eighteen months.",
        "Residents of the harbour ward had campaigned for a barrier since the floods of 2019.",
        "Two councillors voted against the plan, arguing that the cost had doubled in a year.",
        "The regional government has promised to pay half of the bill from its resilience fund.",
    ])
    brief = make_brief([make_article((body + "\n") * 40, id="bloated"), make_article(body, id="plain")], Options(words=120))
    assert brief.meta["removed"]["repeated_paragraph"] == 6 * 39
    assert brief.meta["words_used"] > 80  # the repeats do not crowd the budget with copies of one sentence


def test_a_news_budget_is_told_by_its_announcement_or_its_entries() -> None:
    announced = "Editors\nThe Kessing Courier will file the following for Thursday.\nThe port counts the cost of the fire.\n"
    entries = "Editors\nFor Thursday:\nPORT NEWS\n" + "".join(f"{slug} (Kessing) _ A look at the port.\n" for slug in ("FIRE", "DOCK-PAY", "FERRY-FARES"))
    report = "The port of Kessing reopened.\nOfficials expect more ships to call in the following years.\n"
    assert is_news_budget(clean_article(make_article(announced)))
    assert is_news_budget(clean_article(make_article(entries)))
    assert not is_news_budget(clean_article(make_article(report)))


def test_a_budget_s_announcement_is_dropped_and_dates_nothing() -> None:
    # a dev budget's announcement ("… for editions of Wednesday, November 22") was a timeline entry of that day
    announced = "The Kessing Courier plans to move the following stories for clients for editions of Wednesday, May 6.\nThe port counts the cost of the fire.\n"
    clean = clean_article(make_article(announced))
    assert is_news_budget(clean)
    assert [r.rule for r in clean.removals] == ["budget_intro"]
    assert clean_article(make_article("The port of Kessing reopened.\nOfficials plan to move the following ships to the new quay.\n")).removals == ()
