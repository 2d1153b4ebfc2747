"""Which sentences a summary or a list of facts may show on their own."""

from __future__ import annotations

import pytest

from synoptic.analyze import sentences as sentences_module
from synoptic.analyze.sentences import build_corpus, fair_shares, reads_alone, reject_reason, unnamed_people
from synoptic.clean import clean_cluster
from tests.conftest import make_article


@pytest.mark.parametrize(
    "text",
    [
        "The ferry resumed its crossings on Monday after two weeks of repairs.",
        '"We worked through the storm," harbour master Ana Ruiz said.',
        "Ana Ruiz said the pier would stay closed to lorries.",
        "Hector Island's ferry, the Theodora, sailed at dawn.",
        "The ferry company lost its oldest boat, its pride, in the storm.",
        "On Monday, the harbour board said it would rebuild the pier.",
        "This week, the harbour board opened the new pier.",
        "The ferry company declined to comment on the cost, but said the pier would reopen in May.",
        "The harbour master, who declined to comment, closed the pier to lorries on Monday.",
        "The inspectors did not respond to radio calls from the sinking ferry.",
        "Here and there, the storm tore slates from the harbour sheds.",
        "Earlier this week, the harbour board voted to rebuild the pier.",
        "Later this year, the ferry company will buy a second boat.",
        'Ana Ruiz asked the board, "Who will pay for the new pier?"',
        "Ana Ruiz said the pier, ``the oldest on the coast,'' would be rebuilt.",
        "“Harbour Lights” opened at the island cinema on Friday night.",
        '"We rebuild," harbour master Ana Ruiz said, "and we stay."',
    ],
)
def test_sentences_that_stand_on_their_own(text: str) -> None:
    assert reads_alone(text)


@pytest.mark.parametrize(
    "text",
    [
        "He said the pier would stay closed to lorries.",
        "But the crossings will stop again in winter.",
        "You should check the timetable before travelling.",
        '"We worked through the storm to open the pier again."',
        "“Everyone pulled together when the pier flooded.”",
        '"We worked through the storm," she said.',
        '"Is the pier safe?" they asked, and then: "When will it open?" he added.',
        "On Hector Island, it has been the wettest winter on record.",
        "After two weeks of repairs, they reopened the pier.",
        "Nov. 5 - The harbour board issues its findings on the pier.",
        "Sept. 19 _ The ferry company reveals the cost of the repairs.",
        "The ferry company declined to comment.",
        "The harbour board had no immediate comment Wednesday on the report.",
        "A lawyer for the ferry company could not be reached for comment.",
        "Ana Ruiz did not return phone calls seeking comment on Monday.",
        "Here are the crossings that were cancelled, by harbour.",
        "For more information about the timetable, call the harbour office.",
        "Here's why the pier closed for the whole winter.",
        "Here’s what the harbour board decided on Monday.",
        "Such a delay would cost the ferry company its licence.",
        "Then the harbour master closed the pier to lorries.",
        "Later, the harbour board voted to rebuild the pier.",
        "Earlier in the day, the ferry ran aground off Hector Island.",
        "Earlier Tuesday, the harbour master closed the pier.",
        "Will the ferry run again before the spring?",
        '"Why did nobody warn the harbour office about the storm?',
        "``We worked through the storm to open the pier again.''",
        "''Everyone pulled together when the pier flooded.''",
        "``We worked through the storm,'' she said.",
        "“We will rebuild the harbour wall before the winter storms come.",  # the quotation runs on, its speaker later
        "``The ferry will sail again once the pier is mended.",
        '"Nobody leaves the island while the pier is closed.".',
    ],
)
def test_sentences_that_lean_on_their_context(text: str) -> None:
    assert not reads_alone(text)


def test_a_sentence_inside_a_quotation_an_earlier_one_opened_does_not_read_alone() -> None:
    text = (
        "Harbour master Ana Ruiz spoke to the crews at dawn on Monday. "
        "“We will rebuild the pier before the winter. The island depends on the ferry for its food and post.\n\n"
        "“Nobody leaves the island while the pier is closed,” she said. The board will meet again on Friday.\n\n"
        '``The ferry sails at noon,\'\' Ruiz said. "It is full." The crossing takes two hours in calm weather.\n\n'
        'The new ferry\'s mast is 40 ft 6" tall and carries a lamp. The lamp can be seen from the far shore at night.'
    )
    corpus = build_corpus(clean_cluster([make_article(text)]))
    inside = [corpus.sentences[i].text for i in sorted(corpus.in_quotation)]
    assert inside == ["The island depends on the ferry for its food and post."]
    readable = [s.text for i, s in enumerate(corpus.sentences) if reads_alone(s.text, i in corpus.in_quotation)]
    assert readable == [
        "Harbour master Ana Ruiz spoke to the crews at dawn on Monday.",
        "The board will meet again on Friday.",
        "``The ferry sails at noon,'' Ruiz said.",
        "The crossing takes two hours in calm weather.",
        'The new ferry\'s mast is 40 ft 6" tall and carries a lamp.',
        "The lamp can be seen from the far shore at night.",
    ], readable


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("In a statement, the mayor called the engineer, who ran the works for years, “Dr.", "fragment"),
        ("The ferry office is on the corner of Quay St.", None),
        ("The pier reopened after repairs overseen by Dr. Ana Ruiz.", None),
    ],
)
def test_an_excerpt_cut_off_after_a_title_is_a_fragment(text: str, reason: str | None) -> None:
    assert reject_reason(text) == reason


def test_a_list_bullet_is_not_part_of_the_sentence_after_it() -> None:
    text = (
        "The harbour board listed the soldiers of the crew and what became of them.\n\n"
        "_ Ivo Brandt, 38, was sentenced to two years in October after pleading guilty to theft.\n\n"
        "- On May 7, the board fined the ferry company for sailing without a licence.\n\n"
        "• Crossings resumed on Monday after two weeks of repairs at the pier. "
        "■ About 300 passengers a day used the ferry before it stopped."
    )
    corpus = build_corpus(clean_cluster([make_article(text)]))
    shown = [s.text for s in corpus.sentences]
    assert shown[1:] == [
        "Ivo Brandt, 38, was sentenced to two years in October after pleading guilty to theft.",
        "On May 7, the board fined the ferry company for sailing without a licence.",
        "Crossings resumed on Monday after two weeks of repairs at the pier.",
        "About 300 passengers a day used the ferry before it stopped.",
    ], shown
    for sentence in corpus.sentences:  # the span points at the sentence, not at its bullet
        assert text[sentence.start : sentence.end] == sentence.full


def test_a_brief_reads_at_most_the_capped_number_of_an_articles_sentences(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sentences_module, "MAX_ARTICLE_SENTENCES", 5)
    text = " ".join(f"Crew number {n} of the Kelsby ferry checked the pier lights again on Monday night." for n in range(8))
    corpus = build_corpus(clean_cluster([make_article(text)]))
    assert len(corpus.sentences) == 5
    assert corpus.sentences[-1].text.startswith("Crew number 4 ")
    assert [s.position for s in corpus.sentences] == [0.0, 0.2, 0.4, 0.6, 0.8]
    [cut] = [r for r in corpus.removals if r.rule == "past_sentence_cap"]
    assert text[cut.start : cut.end].startswith("Crew number 5 ") and text[cut.start : cut.end].endswith("Monday night.")
    assert cut.text.startswith("3 sentences from “Crew number 5")


@pytest.mark.parametrize(
    ("lengths", "budget", "shares"),
    [
        ([1, 2, 3], 10, [1, 2, 3]),  # within the budget: everything
        ([6, 2, 6], 7, [3, 2, 2]),  # the short article whole, the long ones what it leaves, the first the odd one
        ([5, 100, 100], 50, [5, 23, 22]),
        ([4, 4, 4], 6, [2, 2, 2]),
    ],
)
def test_fair_shares_keep_short_articles_whole_and_split_the_rest_equally(lengths, budget, shares) -> None:
    assert fair_shares(lengths, budget) == shares


def test_a_cluster_past_its_sentence_budget_keeps_each_articles_opening(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sentences_module, "MAX_CLUSTER_SENTENCES", 7)
    first = " ".join(f"Crew number {n} of the Kelsby ferry checked the pier lights again on Monday night." for n in range(6))
    short = "The Kelsby harbour board met on Tuesday to plan the pier repairs. The board agreed to hire two divers."
    last = " ".join(f"Diver number {n} searched the harbour floor near the old Kelsby pier on Friday." for n in range(6))
    articles = [make_article(first, id="first"), make_article(short, id="short"), make_article(last, id="last")]
    corpus = build_corpus(clean_cluster(articles))
    kept = {a: [s for s in corpus.sentences if s.article == a] for a in ("first", "short", "last")}
    assert [[s.index for s in kept[a]] for a in kept] == [[0, 1, 2], [0, 1], [0, 1]]
    assert [s.position for s in kept["first"]] == [0.0, 1 / 3, 2 / 3]
    cuts = [r for r in corpus.removals if r.rule == "past_cluster_sentence_cap"]
    assert [r.article for r in cuts] == ["first", "last"]
    assert cuts[0].text.startswith("3 sentences from “Crew number 3 ")
    assert cuts[1].text.startswith("4 sentences from “Diver number 2 ")
    for cut, text in zip(cuts, (first, last)):
        assert text[cut.start : cut.end].endswith(text[-20:]) and text[cut.start :].startswith(("Crew number 3 ", "Diver number 2 "))


FERRY_SCENE = (
    "At dawn on Tuesday, Marisol heard the sirens from the quay. Her brother worked the night shift on the ferry. "
    "By noon, Marisol had walked to the harbour office, where she asked for news."
)
FERRY_REPORT = "The ferry Theodora ran aground off Hector Island on Tuesday, and the coastguard rescued all forty passengers."


def _unnamed(*texts: str) -> list[str]:
    corpus = build_corpus(clean_cluster([make_article(t, id=f"a{i}") for i, t in enumerate(texts)]))
    return [corpus.sentences[i].text for i in sorted(unnamed_people(corpus, range(len(corpus.sentences))))]


def test_a_person_named_only_by_a_first_name_is_a_stranger_to_the_reader() -> None:
    assert _unnamed(FERRY_SCENE, FERRY_REPORT) == [
        "At dawn on Tuesday, Marisol heard the sirens from the quay.",
        "By noon, Marisol had walked to the harbour office, where she asked for news.",
    ]


@pytest.mark.parametrize(
    "introduction",
    [
        "Marisol Quint teaches at the island school.",  # her full name
        "Ms. Marisol teaches at the island school.",  # a title
        "The island school's head, M. Marisol, teaches there.",  # an initial
    ],
)
def test_a_name_the_report_gives_in_full_is_no_stranger(introduction: str) -> None:
    assert _unnamed(f"{introduction} {FERRY_SCENE}", FERRY_REPORT) == []


def test_a_name_two_reports_use_is_no_stranger() -> None:
    other = "Marisol told reporters that her brother was among the crew of the ferry Theodora."
    assert _unnamed(FERRY_SCENE, FERRY_REPORT, other) == []


def test_a_place_is_no_stranger() -> None:
    town = (
        "Families waited in Corvella for the ferry. By noon, Corvella had opened its school to the passengers. "
        "A teacher said her pupils brought blankets."
    )
    assert _unnamed(town, FERRY_REPORT) == []
