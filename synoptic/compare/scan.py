"""Run a costly pattern only around the places a cheap one points at, with the same matches.

The date and quantity patterns try a dozen alternatives at every character, but a match can only
occur near a tell-tale token (a month name, a digit). ``finditer_near`` finds those tokens with a
cheap *trigger* pattern and runs the full pattern in a window around each: a sentence without a
trigger costs one fast scan, and one with a trigger a few short searches instead of a long one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


def finditer_near(
    pattern: re.Pattern[str], trigger: re.Pattern[str], text: str, before: int, after: int
) -> Iterator[re.Match[str]]:
    """The matches ``pattern.finditer(text)`` gives, when every match of ``pattern`` contains a match
    of ``trigger`` starting at most ``before`` characters after its own start, and no match is
    longer than ``after`` characters.

    Each trigger opens the window [start - before, end + after). The first match in a window is the
    next match of the text: an earlier one would have held an earlier trigger. A match the window's
    end may have cut short is checked against the whole text, and a window without a match held a
    false alarm ("Market" for "Mar").
    """
    done = 0  # where the last match ended: finditer never returns overlapping matches
    for hint in trigger.finditer(text):
        if hint.start() < done:
            continue
        found = pattern.search(text, max(done, hint.start() - before), hint.end() + after)
        if found is None:
            continue
        whole = pattern.match(text, found.start())  # the same position, reading the whole text
        if whole is None or whole.end() != found.end():
            whole = pattern.search(text, found.start() + (whole is None))
            if whole is None:
                return
        done = whole.end()
        yield whole
