"""The title ranking that both a brief's headline and a story's name use (made-up titles)."""

from __future__ import annotations

import pytest

from synoptic.analyze.titles import best_title, clean_title, title_score
from synoptic.analyze.tokens import content_terms


def everything_counts(term: str) -> float:
    return 1.0


def test_a_whole_title_that_tells_the_news_beats_shouted_cut_short_and_pointing_ones() -> None:
    weak = [
        "FERRY SERVICE TO TOLL ISLAND RESUMES AFTER STORM REPAIRS",
        "Ferry service to Toll Island resumes after storm repairs to the",
        "Live updates: ferry service to Toll Island resumes",
        "Will the Toll Island ferry run again this week?",
    ]
    assert best_title([*weak, "Toll Island ferry sails again"], everything_counts) == "Toll Island ferry sails again"
    assert best_title(weak, everything_counts) in weak  # a weak title still names a story that has no other


def test_the_best_title_comes_back_as_given_and_is_shown_cleaned() -> None:
    """Cleaning is done once, for showing: cleaning twice would cut a second " - " tail off the title."""
    given = "Toll Island - ferry sails again - Harbour Post"
    best = best_title(["Writethru:", None, "", given], everything_counts)
    assert best == given and clean_title(best) == "Toll Island - ferry sails again"
    assert best_title(["Writethru:", None, ""], everything_counts) is None  # no text once cleaned


def test_closeness_decides_and_a_tie_keeps_the_earliest() -> None:
    story = set(content_terms("Toll Island ferry"))

    def weight(term: str) -> float:
        return 1.0 if term in story else 0.0

    close, far = "Toll Island ferry sails again", "Harbour board meets on Tuesday"
    assert best_title([far, close], weight) == close
    assert best_title(["Ferry sails again to Toll Island", close], weight) == "Ferry sails again to Toll Island"


def penalised(title: str) -> bool:
    """Whether a title ranks last (shouted, cut short, pointing, a digest's page or a fragment)."""
    return title_score(title, lambda term: 0.0) < 0


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("URGENT Harbour Board Approves Toll Island Ferry Fares", "Harbour Board Approves Toll Island Ferry Fares"),
        ("URGENT", ""),
        ("EDS-more details added Mayor Opens Toll Island Pier", "Mayor Opens Toll Island Pier"),
        ("EDS: ADDS quotes from the mayor, details of fares; ADDS", ""),
        ("(ATTN: Ore., Wash.) FERRY FARES RISE ON TOLL ISLAND", "FERRY FARES RISE ON TOLL ISLAND"),
        ("FERRY FARES RISE ON TOLL ISLAND (KT)", "FERRY FARES RISE ON TOLL ISLAND"),
        ("TOLL ISLAND GETS A NEW FERRY (FOR RELEASE SUNDAY, MAY 4)", "TOLL ISLAND GETS A NEW FERRY"),
        ("Toll Island Ferry Fares Rise (2)", "Toll Island Ferry Fares Rise"),
        ("The ferrymen of Toll Island, Part 2", "The ferrymen of Toll Island"),
        ("Harbour Board: Ferry Fares Too Low-2", "Harbour Board: Ferry Fares Too Low"),
        ("Toll Island ferry sails again / Harbour Notes", "Toll Island ferry sails again"),
        # what stays: a shouted headline that opens on a desk word's letters, overtime, a summit's name
        ("FLASH FLOODS CLOSE TOLL ISLAND ROAD", "FLASH FLOODS CLOSE TOLL ISLAND ROAD"),
        ("Toll Island beat Harbour Town in extra time (OT)", "Toll Island beat Harbour Town in extra time (OT)"),
        ("G-7 ministers meet on Toll Island", "G-7 ministers meet on Toll Island"),
    ],
)
def test_desk_words_part_markers_and_release_notes_are_cleaned_off(given: str, shown: str) -> None:
    assert clean_title(given) == shown


@pytest.mark.parametrize(
    "page",
    [
        "AP Top News at 3 p.m. EST",
        "Today in History",
        "AP Photo TI101-102",
        "Island World News Summary at 0900 GMT March 3",
        "Harbour Briefs",
        "FERRY LINES AT A GLANCE",
        "Timeline of the Toll Island ferry dispute",
        "List of ferry routes cut this winter",
        "Harbour Award Nominees List",
        "SAILING QUESTIONS AND ANSWERS",
        "have sailed separately.",
        "HARBOUR TOWN: the fares.",
        "bc-ferry",
        "Ferry fares rise on Toll Island after the harbour board vote,",
    ],
)
def test_digest_photo_and_list_pages_fragments_and_comma_cuts_rank_last(page: str) -> None:
    assert penalised(page)
    assert best_title([page, "Toll Island ferry sails again"], everything_counts) == "Toll Island ferry sails again"
    assert best_title([page], everything_counts) == page  # still names a story that has no other title


@pytest.mark.parametrize(
    ("title", "cut_short"),
    [
        ("New Toll Island mayor is sworn in", False),
        ("Striking ferry crews can stay on", False),
        ("Two sailors still unaccounted for after Toll Island ferry fire", False),
        ("Two sailors still unaccounted for", False),
        ("Harbour villages fence themselves in", False),
        ("Toll Island ferry found drifting and was towed in", False),
        ("Missing Toll Island ferry was found in", True),  # a place was to follow
        ("Toll Island ferry crew rescued by", True),
        ("de Vries named Toll Island harbour master", False),  # a name's particle, not a fragment
    ],
)
def test_a_verb_closing_particle_is_no_cut(title: str, cut_short: bool) -> None:
    assert penalised(title) is cut_short
