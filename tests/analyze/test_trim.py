"""Attribution tails are trimmed only where what is left is still a whole sentence."""

from __future__ import annotations

import pytest

from synoptic.analyze.trim import trimmed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The dam failed after a week of heavy rain, officials said Tuesday.", "The dam failed after a week of heavy rain."),
        ("The road will stay closed for a week, said Ana Ruiz, a spokeswoman for the city.", "The road will stay closed for a week."),
        ("Prices rose sharply in the north of the country, according to the statistics office.", "Prices rose sharply in the north of the country."),
        ("Twelve homes were flooded in the lower town, the fire service reported.", "Twelve homes were flooded in the lower town."),
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
        # too little would be left
        "The bridge is safe, he said.",
        "Nobody was hurt in the collapse on Monday night.",
    ],
)
def test_other_sentences_are_left_whole(text: str) -> None:
    assert trimmed(text) == text
