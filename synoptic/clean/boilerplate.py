"""Lines repeated across the articles of a cluster are site furniture, not news.

The catch is syndication: a wire story copied by three outlets repeats *every* line. So repeats are
counted across families of articles — articles that share most of their lines count once.
"""

from __future__ import annotations

import re
from collections import defaultdict

from synoptic.clean.groups import group_pairs

COPY_LINE_SHARE = 0.5  # articles sharing ≥ half their lines are one family (copies of each other)
COPY_MIN_SHARED = 2  # … and at least this many lines: one shared furniture line makes no copy
SHORT_REPEAT_WORDS = 8  # a short line in two independent articles is furniture ("Read the full story")
WIDE_REPEAT_FAMILIES = 3  # a longer line in ≥3 families and ≥ half of them is furniture…
# …unless it is a paragraph of news: a wire paragraph quoted by several outlets is longer than any
# furniture line seen in the dev sets and the sample ("Sign up for our … newsletter …": 22 words).
FURNITURE_MAX_WORDS = 30
_WORD = re.compile(r"\w+")


def line_key(text: str) -> str:
    """The line's words, lowercased, one space apart: punctuation and spacing do not make lines differ."""
    return " ".join(_WORD.findall(text.lower()))


def _families(lines_by_article: list[set[str]]) -> list[int]:
    """Union articles whose line sets overlap by COPY_MIN_SHARED lines and COPY_LINE_SHARE of the smaller."""
    def is_copy(a: set[str], b: set[str]) -> bool:
        shared = len(a & b)
        return shared >= COPY_MIN_SHARED and shared >= COPY_LINE_SHARE * min(len(a), len(b))

    pairs = (
        (i, j) for i, a in enumerate(lines_by_article) for j in range(i) if is_copy(a, lines_by_article[j])
    )
    return group_pairs(len(lines_by_article), pairs)


def repeated_lines(lines_by_article: list[list[str]]) -> set[str]:
    """Keys of the lines that count as cross-article boilerplate in this cluster."""
    keys = [{key for line in lines if (key := line_key(line))} for lines in lines_by_article]
    family = _families(keys)
    families_of: dict[str, set[int]] = defaultdict(set)
    for i, article_keys in enumerate(keys):
        for key in article_keys:
            families_of[key].add(family[i])
    total = len(set(family))
    repeated = set()
    for key, fams in families_of.items():
        if len(fams) >= 2 and len(key.split()) <= SHORT_REPEAT_WORDS:
            repeated.add(key)
        elif len(fams) >= WIDE_REPEAT_FAMILIES and len(fams) * 2 >= total and len(key.split()) <= FURNITURE_MAX_WORDS:
            repeated.add(key)
    return repeated
