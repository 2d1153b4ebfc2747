"""The title ranking that both a brief's headline and a story's name use (made-up titles)."""

from __future__ import annotations

from synoptic.analyze.titles import best_title, clean_title
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
