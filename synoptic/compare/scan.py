"""Regex scans that skip most of a sentence, with the same matches as the plain ones.

``either_case``: Python's ``re`` searches a pattern whose alternatives all begin with a plain character
by jumping between the positions holding one of those characters; a single alternative that begins
with a class ("[Tt]onight"), a group or a look-around makes it try the whole pattern at every position
(synoptic.compare.timeline's date trigger scanned TAC 2010 four times slower that way).

``ignoring_case``: the same for case-insensitive alternatives (the quantities' "about", "some", "six"…).

``finditer_near``: run a costly pattern only around the places a cheap one points at.

The date and quantity patterns try a dozen alternatives at every character, but a match can only
occur near a tell-tale token (a month name, a digit). ``finditer_near`` finds those tokens with a
cheap *trigger* pattern and runs the full pattern in a window around each: a sentence without a
trigger costs one fast scan, and one with a trigger a few short searches instead of a long one.

``finditer_from``: run a pattern whose every match starts with one of a few characters only where
one of them stands, found by a search for one character class (which ``re`` skips through), where
``finditer`` would try it at every position (the entities' name runs: 0.86 → 0.63 ms per TAC 2010
cluster).

``texts_holding``: which of many texts hold one of a few words, by a ``str.find`` per word over all
of them at once, where a loop of ``in`` checks per text pays Python's overhead for every pair
(conflicts' status cues: 0.47 → 0.30 ms per TAC 2010 cluster).

``lower_keeps_letters``: whether a word missing from ``text.lower()`` rules out a case-insensitive
match of it, so that a cheap ``in`` look-up can stand in for a case-insensitive search.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from itertools import accumulate

# Characters that case-insensitive ``re`` matches to an ASCII letter besides its two cases (found by
# trying every code point; tests/compare/test_scan.py checks it).
_FOLDS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}  # İ ı, the Kelvin sign, the long s
_LOWER_BREAKS = "\u0130\u0131\u017f"  # …of which str.lower() keeps these apart from "i" and "s"


def lower_keeps_letters(text: str) -> bool:
    """Does ``text.lower()`` hold, as plain lower-case ASCII, every letter a case-insensitive ``re``
    reads as one? Then a word missing from it rules out a case-insensitive match of the word. Only
    the Turkish dotted and dotless i and the long s break that (the Kelvin sign lowers to "k")."""
    return text.isascii() or not any(c in text for c in _LOWER_BREAKS)


def ignoring_case(*alternatives: str) -> str:
    """Alternatives matched case-insensitively, in the order given, inside a case-sensitive pattern:
    each starts with a class of its first letter's forms ("[sSſ](?i:ome)"), which ``re`` tries at a
    glance, where a case-insensitive alternation enters every alternative in turn."""
    out = []
    for alternative in alternatives:
        first, rest = alternative[0], alternative[1:]
        if not (first.isascii() and first.isalpha()):
            out.append(f"(?i:{alternative})")  # no letter to start with: the alternative as it is
            continue
        first = f"[{first.lower()}{first.upper()}{_FOLDS.get(first.lower(), '')}]"
        out.append(f"{first}(?i:{rest})" if rest else first)
    return "|".join(out)


def either_case(*words: str) -> str:
    """Alternatives matching each word with its first letter capitalised or not ("Last|last"), in the
    order given: unlike "[Ll]ast", every alternative starts with a plain character."""
    return "|".join(f"{w[0].upper()}{w[1:]}|{w[0].lower()}{w[1:]}" for w in words)


def finditer_near(
    pattern: re.Pattern[str],
    trigger: re.Pattern[str],
    text: str,
    before: int,
    after: int,
    closer: tuple[int, re.Pattern[str]] | None = None,
) -> Iterator[re.Match[str]]:
    """The matches ``pattern.finditer(text)`` gives, when every match of ``pattern`` contains a match
    of ``trigger`` starting at most ``before`` characters after its own start, and no match is
    longer than ``after`` characters.

    ``closer``: (a smaller bound, a pattern): a trigger whose ``before`` characters ahead hold no
    match of that pattern has its match's start within the smaller bound (a date phrase's words lie
    further from its trigger only with runs of spaces between them), so fewer positions are tried.

    Each trigger opens the window [start - before, end + after). The first match in a window that
    starts no later than the trigger is the next match of the text: an earlier one would have held an
    earlier trigger. One that starts later does not hold this trigger, and the window's end may have
    cut off a longer match that starts before it ("early  September  2017" read up to "20"), so it is
    left to the later trigger it holds. A match the window's end may have cut short is checked
    against the whole text, and a window without a match held a false alarm ("Market" for "Mar").
    """
    done = 0  # where the last match ended: finditer never returns overlapping matches
    near, spread = closer or (before, None)
    for hint in trigger.finditer(text):
        start = hint.start()
        if start < done:
            continue
        if spread is not None and not spread.search(text, max(0, start - before), start):
            start -= near
        else:
            start -= before
        found = pattern.search(text, max(done, start), hint.end() + after)
        if found is None or found.start() > hint.start():
            continue  # a match after the trigger holds a later one, whose own window reads all of it
        whole = pattern.match(text, found.start())  # the same position, reading the whole text
        if whole is None or whole.end() != found.end():
            whole = pattern.search(text, found.start() + (whole is None))
            if whole is None:
                return
        done = whole.end()
        yield whole


def finditer_from(pattern: re.Pattern[str], starts: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches ``pattern.finditer(text)`` gives, when every match of ``pattern`` is non-empty and
    starts where ``starts`` matches: ``pattern`` is tried only at those positions, in order."""
    position = 0
    while (start := starts.search(text, position)) is not None:
        found = pattern.match(text, start.start())
        if found is None:
            position = start.start() + 1
        else:
            position = found.end()
            yield found


def texts_holding(texts: Sequence[str], words: Sequence[str]) -> set[int]:
    """The indices of the texts that contain one of ``words`` (none of which holds a line break):
    the texts are joined by line breaks, and each word is found with ``str.find``, skipping to the
    next text after a hit."""
    joined = "\n".join(texts)
    starts = list(accumulate((len(text) + 1 for text in texts[:-1]), initial=0))
    found: set[int] = set()
    for word in words:
        at = joined.find(word)
        while at != -1:
            k = bisect_right(starts, at) - 1
            found.add(k)
            if k + 1 == len(starts):
                break
            at = joined.find(word, starts[k + 1])
    return found
