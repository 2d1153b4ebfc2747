"""finditer_near gives exactly the matches of a full scan, only faster."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from synoptic.compare.scan import finditer_near
from synoptic.compare.timeline import _AFTER_TRIGGER, _BEFORE_TRIGGER, _CANDIDATES, _TRIGGER

# Words that make, break or imitate date phrases; glued with spaces, commas and full stops.
PIECES = [
    "in", "early", "mid", "late", "on", "last", "next", "this", "since", "through", "June", "Jun.", "Sept.",
    "September", "March", "Market", "Mark", "May", "Monday", "Tuesday", "today", "yesterday", "birthday",
    "tonight", "night", "week", "month", "year", "16", "3rd", "2017", "1999", "2017-10-16", "200", "of",
    "Theresa", "the", "morning", "evening", "earlier", "later", "Oct", "October", "Dec.", "Decade",
]  # fmt: skip


def _spans(matches) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in matches]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from([" ", "  ", ", ", ". ", "-", " \n"])), max_size=30))
def test_same_matches_as_a_full_scan(words: list[tuple[str, str]]) -> None:
    text = "".join(word + gap for word, gap in words)
    expected = _spans(_CANDIDATES.finditer(text))
    assert _spans(finditer_near(_CANDIDATES, _TRIGGER, text, _BEFORE_TRIGGER, _AFTER_TRIGGER)) == expected


def test_a_match_the_window_would_cut_short_is_read_whole() -> None:
    pattern, trigger = re.compile(r"x+y?"), re.compile(r"x")
    text = "..xxxxxxy"  # the window after the first x ends before the y
    assert _spans(finditer_near(pattern, trigger, text, 0, 2)) == [(2, 9, None)]


def test_false_alarms_and_no_trigger_find_nothing() -> None:
    assert list(finditer_near(_CANDIDATES, _TRIGGER, "The Market opened with a Mark of approval.", 40, 40)) == []
    assert list(finditer_near(_CANDIDATES, _TRIGGER, "Nothing here at all.", 40, 40)) == []
