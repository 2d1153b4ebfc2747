"""Each cleaning rule on lines it must catch and lines it must leave alone."""

from __future__ import annotations

import pytest

from synoptic.clean.rules import DROP_RULES, PREFIX_RULES, SUFFIX_RULES, LineContext

CTX = LineContext(title=None, line_number=0)


def drop(rule: str, line: str, title: str | None = None) -> bool:
    return DROP_RULES.get(rule)(line, LineContext(title=title, line_number=5))


def cut(rule: str, line: str, title: str | None = None):
    return PREFIX_RULES.get(rule)(line, LineContext(title=title, line_number=0))


@pytest.mark.parametrize(
    "line",
    [
        "MOST READ IN NEWS",
        "Sign up for our free Morning Briefing newsletter and get the news first.",
        "Follow us on Instagram for live updates",
        "Share this story",
        "Click here to read the full report",
        "Advertisement",
        "RELATED: Floods close three schools",
        "Subscribe today for unlimited access",
        "Follow Kelsby Radio on social media for the latest updates.",
    ],
)
def test_promo_lines_are_dropped(line: str) -> None:
    assert drop("promo", line)


@pytest.mark.parametrize(
    "line",
    [
        "The ministry said in its weekly bulletin that 40 homes were damaged.",
        "Residents who signed the petition said the council had ignored warnings for years and that the town "
        "newsletter had reported cracks in the embankment as early as 2019, long before the storm arrived.",
        "Officials will share the findings with regulators on Friday.",
        "Police asked drivers to follow the diversion signs posted on social media and at the bridge.",
    ],
)
def test_news_lines_are_not_promo(line: str) -> None:
    assert not drop("promo", line)


def test_a_promo_glued_to_the_last_sentence_is_cut_off_at_the_glue() -> None:
    line = "The pier was checked last week, the council said.Read more about the pier here"
    assert SUFFIX_RULES.get("promo")(line, CTX) == line.index("Read more")
    assert SUFFIX_RULES.get("promo")('The mayor said "we are ready."Sign up for our daily newsletter', CTX) == 30
    # glued, but no promo after the glue; a promo with a space before it is the segmenter's sentence
    assert SUFFIX_RULES.get("promo")("The pier was shut.Divers found cracks, engineers said.", CTX) is None
    assert SUFFIX_RULES.get("promo")("Read more about the pier here.", CTX) is None


def test_contact_line_needs_an_address_and_an_invitation() -> None:
    assert drop("contact", "Got a tip? Email tips@example.org or call 020 7946 0000")
    assert drop("contact", "Send your pictures to [email protected]")
    assert not drop("contact", "The council can be reached by residents at the town hall.")
    assert not drop("contact", "Police said 1,200 people had called the hotline since Sunday.")


@pytest.mark.parametrize(
    "line",
    [
        "Firefighters walk past a burnt warehouse in Dunmore, May 2, 2024. REUTERS/Ana Lopes",
        "Volunteers stack sandbags on the quay (Harbour Times/Ben Ode)",
        "Photo: a crane lifts the damaged span",
        "A child waves from a rescue boat. AP Photo/Kim Lau",
        "A ferry like the one that sank off Kelsby on May 3, 2011. (File photo: A ferry at the quay in 2009)",
        "(WIRE7) KELSBY -- Oct. 28, 1998 -- HARBOUR-FERRY-2, 10-28 -- Deckhands coil ropes on the quay.",
    ],
)
def test_captions_are_dropped(line: str) -> None:
    assert drop("caption", line)


def test_sentence_mentioning_a_photo_is_not_a_caption() -> None:
    assert not drop("caption", "The photo, taken by a passer-by, was shared thousands of times.")
    assert not drop("caption", "KELSBY -- Oct. 28, 1998 -- The ferry sank off the point on Tuesday.")


def test_editing_credits_contributed_and_bylines() -> None:
    assert drop("editing_credit", "Editing by Ruth Abernethy")
    assert drop("editing_credit", "Reporting by Joe Park; Editing by Ann Lee")
    assert not drop("editing_credit", "Editors met on Monday to discuss the coverage.")
    assert drop("contributed", "Sam Hart in Leeds contributed to this report.")
    assert not drop("contributed", "Heavy rain contributed to the collapse, engineers said.")
    assert drop("byline", "By Owen Pritchard, Herald correspondent")
    assert drop("byline", "By Maria de la Cruz")
    assert not drop("byline", "By Tuesday, the river had fallen by half a metre.")


def test_date_header_is_cut_and_lifted() -> None:
    line = " date 2024-05-02 Flood waters rose overnight."
    result = cut("date_header", line)
    assert result is not None and result.value == "2024-05-02"
    assert line[result.length :] == "Flood waters rose overnight."
    assert cut("date_header", "The date was set for May.") is None


def test_syndication_prefix_is_cut() -> None:
    line = "Northwind web: Flood waters rose overnight in the valley."
    result = cut("syndication_prefix", line)
    assert result is not None and line[result.length :] == "Flood waters rose overnight in the valley."
    assert cut("syndication_prefix", "The mayor said: we will rebuild.") is None


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("DUNMORE, Ireland (AP) -- Flood waters rose overnight.", "Flood waters rose overnight."),
        ("LONDON, May 2 (Wire) - Prices fell again.", "Prices fell again."),
        ("PARIS — Talks resumed on Monday.", "Talks resumed on Monday."),
    ],
)
def test_datelines_are_cut(line: str, rest: str) -> None:
    result = cut("dateline", line)
    assert result is not None and line[result.length :] == rest


def test_wire_slug_dateline_is_cut_anywhere_but_plain_datelines_only_near_the_top() -> None:
    deep = LineContext(title=None, line_number=9)
    slug = "BC-HARBOUR-PIER (Dunmore) -- The pier reopened to boats on Friday."
    result = PREFIX_RULES.get("dateline")(slug, deep)
    assert result is not None and slug[result.length :] == "The pier reopened to boats on Friday."
    assert PREFIX_RULES.get("dateline")("DUNMORE, Ireland (AP) -- Flood waters rose.", deep) is None


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("KELSBY, Ont. (AP) -- The ferry sailed again on Monday.", "The ferry sailed again on Monday."),
        ("DUNMORE (AP) _ Crews reopened the pier.", "Crews reopened the pier."),
        ("PORT ELLIS, March 3 (Xinhua) -- Fishing boats returned.", "Fishing boats returned."),
        ("DUNMORE -- Harbour fees rose 4 percent in May.", "Harbour fees rose 4 percent in May."),
    ],
)
def test_a_digest_s_later_datelines_are_cut(line: str, rest: str) -> None:
    deep = LineContext(title=None, line_number=12)
    result = PREFIX_RULES.get("digest_dateline")(line, deep)
    assert result is not None and line[result.length :] == rest


@pytest.mark.parametrize(
    "line",
    [
        "NATO officials - two of them - said so.",  # a single dash is an aside
        "EDITOR'S NOTE -- Ina Voss covers harbour affairs.",  # a note to editors, dropped whole
        "The harbour master -- Ina Voss -- said so.",
        "PIER-REPAIRS (Dunmore) _ A look at the repairs.",  # a budget entry, not a story's dateline
    ],
)
def test_digest_dateline_leaves_other_lines(line: str) -> None:
    assert PREFIX_RULES.get("digest_dateline")(line, LineContext(title=None, line_number=12)) is None


def test_the_first_lines_datelines_are_left_to_the_dateline_rule() -> None:
    assert cut("digest_dateline", "KELSBY, Ont. (AP) -- The ferry sailed again on Monday.") is None


@pytest.mark.parametrize(
    "line",
    [
        "PIER-REPAIRS (Dunmore) _ A look at the repairs to the old pier.",
        "FERRY (Undated) _ The ferry company reports its yearly figures.",
        "HARBOUR-COLUMN _ KELSBY, Ont. _ The council met again on Monday.",
        "HARBOUR FEES (Kelsby) _ Fees rose again.",
        "TIDES _ KELSBY _ Spot coverage of the spring tides.",
        "GULLS-1STLD _ Gulls return to the bay.",
    ],
)
def test_news_budget_entries_are_dropped(line: str) -> None:
    assert drop("budget_entry", line)


@pytest.mark.parametrize(
    "line",
    [
        "DUNMORE (AP) _ Crews reopened the pier.",  # a story's dateline
        "KELSBY _ The council met again on Monday.",  # a plain dateline: no slug shape
        "NATO (the alliance) said so.",
        "U.S.-backed forces _ two brigades _ advanced.",
    ],
)
def test_budget_entry_leaves_datelines_and_news(line: str) -> None:
    assert not drop("budget_entry", line)


def test_a_budget_entry_on_an_article_s_first_lines_is_its_own_slug() -> None:
    assert not DROP_RULES.get("budget_entry")("GULLS-1STLD _ Gulls return to the bay.", CTX)


def test_answer_labels_are_cut_and_questions_dropped() -> None:
    line = "A: The council says the tests came back clean."
    result = PREFIX_RULES.get("answer_label")(line, LineContext(title=None, line_number=7))
    assert result is not None and line[result.length :] == "The council says the tests came back clean."
    assert drop("question", "Q: I heard the tap water is unsafe. Do you have any information?")
    assert not drop("question", "Queues formed at the water station on Monday.")


@pytest.mark.parametrize("line", ["A 12-year-old boy was rescued.", "Q2 sales rose.", "A. J. Styles won.", "A:"])
def test_answer_label_leaves_ordinary_sentences(line: str) -> None:
    assert cut("answer_label", line) is None


def test_dateline_needs_capitals() -> None:
    assert cut("dateline", "Officials - who declined to be named - said so.") is None
    assert cut("dateline", "U.S.-backed forces advanced - slowly - on Monday.") is None


def test_headline_run_into_body_is_cut() -> None:
    title = "Bridge reopens after repairs"
    line = "Bridge reopens after  repairs The old bridge carried traffic again on Monday."
    result = cut("headline_prefix", line, title=title)
    assert result is not None and line[result.length :] == "The old bridge carried traffic again on Monday."
    assert cut("headline_prefix", "The old bridge carried traffic.", title=title) is None
    assert cut("headline_prefix", title, title=title) is None


def test_every_rule_has_a_docstring() -> None:
    for registry in (DROP_RULES, PREFIX_RULES, SUFFIX_RULES):
        for name in registry:
            assert (registry.get(name).__doc__ or "").strip(), name


@pytest.mark.parametrize(
    "line, dropped",
    [
        ("Correction: An earlier version of this article said 40 people were hurt; the figure is 14.", True),
        ("CLARIFICATION - This story has been updated to name the second driver.", True),
        ("An earlier version of this report gave the wrong date for the hearing.", True),
        ("This article was amended on 4 March to correct the name of the mill.", True),
        ("Officials said the correction to the tide tables had come too late for the fishing fleet.", False),
        ("Police said an earlier version of the plan had been dropped in January.", False),
    ],
)
def test_a_correction_notice_is_dropped_but_news_of_a_correction_is_not(line: str, dropped: bool) -> None:
    assert drop("correction", line) is dropped


def test_a_syndicates_fax_desk_is_a_contact_line() -> None:
    assert drop("contact", "--Northern Europe: MARIT HOLM in Oslo, 22-555-0101; fax, 22-555-0102.")
    assert not drop("contact", "The harbour office said it had received 40 complaints by fax since Monday.")


def test_notes_to_editors_are_dropped_but_news_about_editors_is_not() -> None:
    assert drop("editors_note", "EDITORS: See the syndicate's web site for more features like this one.")
    assert drop("editors_note", "EDS: Harbour Times writer Ben Ode contributed to this report.")
    assert drop("editors_note", "EDITOR'S NOTE: What follows is a sample of a weekly gardening column.")
    assert drop("editors_note", "EDITOR'S NOTE -- Ina Voss covers harbour affairs for the Kelsby Courier.")
    assert not drop("editors_note", "Editors: the paper's staff voted on Monday to accept the new contract.")
    assert not drop("editors_note", "EDINBURGH: Crews reopened the pier on Monday.")
