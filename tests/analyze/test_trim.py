"""Attribution tails are trimmed, and trailing clauses offered as a short form, only where what is
left is still a whole sentence."""

from __future__ import annotations

import pytest

from synoptic.analyze.trim import shortened, trimmed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The dam failed after a week of heavy rain, officials said Tuesday.", "The dam failed after a week of heavy rain."),
        ("The road will stay closed for a week, said Ana Ruiz, a spokeswoman for the city.", "The road will stay closed for a week."),
        ("Prices rose sharply in the north of the country, according to the statistics office.", "Prices rose sharply in the north of the country."),
        ("Twelve homes were flooded in the lower town, the fire service reported.", "Twelve homes were flooded in the lower town."),
        # a plural speaker
        ("Most of the wells in the valley are now safe to drink from, health officials say.", "Most of the wells in the valley are now safe to drink from."),
        ("The dam held through the night, the engineers noted.", "The dam held through the night."),
        # the source named after "according to", with its title
        (
            "The harvest fell by a third in the eastern districts, according to Omar Lind, head of the farmers' union.",
            "The harvest fell by a third in the eastern districts.",
        ),
    ],
)
def test_tails_are_trimmed(text: str, expected: str) -> None:
    assert trimmed(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a reported clause, not an attribution tail
        "A field commander of the river patrol, a unit of volunteers, said he expected the search to end on Monday.",
        # the tail closes a quotation
        "\u201cWe are in control of the whole valley,\u201d said Ana Ruiz.",
        "\"We have reached every house in the valley,\" a rescuer said.",
        # a new clause after the attribution carries content of its own
        "The bridge reopened to traffic on Friday, the mayor said, and the ferry stopped running.",
        "The ferry will resume its crossings to the island next month, the port authority said, citing repairs to the pier.",
        # too little would be left
        "The bridge is safe, he said.",
        "Nobody was hurt in the collapse on Monday night.",
    ],
)
def test_other_sentences_are_left_whole(text: str) -> None:
    assert trimmed(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The river broke through the old levee near the mill on Sunday night, which flooded the lower town.",
            "The river broke through the old levee near the mill on Sunday night.",
        ),
        (
            "Volunteers carried sandbags to the school and the clinic all afternoon, including two teams from the port.",
            "Volunteers carried sandbags to the school and the clinic all afternoon.",
        ),
    ],
)
def test_a_trailing_clause_is_offered_as_a_short_form(text: str, expected: str) -> None:
    assert shortened(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the clause is not the last one: cutting it would drop the main verb's object
        "The levee, which was built in 1950, gave way near the mill on Sunday night after the storm.",
        # too little would be left
        "The levee gave way, which flooded the town.",
        # the cut would leave a quotation open
        "“We moved everyone to the school on the hill in the night, which was hard,” she said.",
        # no trailing clause at all
        "Nobody was hurt when the levee near the old mill gave way on Sunday night.",
    ],
)
def test_no_short_form_where_none_reads_well(text: str) -> None:
    assert shortened(text) == ""
