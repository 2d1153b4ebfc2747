"""Word tokens for similarity: lowercase, stopwords out, a light suffix-stripping stemmer.

Light on purpose: it only needs to make "fighters"/"fighter" and "captured"/"captures" meet, and it
must be fast (it runs over every sentence of every cluster).
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_ASCII_WORD = re.compile(_WORD.pattern, re.ASCII)  # the same tokens on ASCII text, matched a sixth faster

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are aren't as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has have
    having he her here hers herself him himself his how i if in into is it its itself just me more most my
    myself no nor not now of off on once only or other our ours ourselves out over own same she should so some
    such than that the their theirs them themselves then there these they this those through to too under until
    up very was we were what when where which while who whom why will with would you your yours yourself
    yourselves said says say told according also would could may might must shall one two its it's s t
    mr mrs ms dr""".split()
)

_SUFFIXES = ("ational", "ization", "fulness", "ousness", "iveness", "ments", "ement", "ities", "ness", "ment",
             "ings", "ing", "edly", "ied", "ies", "ers", "ed", "es", "er", "ly", "s")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    if len(word) <= 4 or not word.isalpha():
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            if suffix in ("ies", "ied"):
                return base + "y"
            if suffix in ("s",) and base.endswith(("s", "u", "i")):
                return word  # "press", "status", "analysis"
            return base[:-1] if base.endswith("e") and len(base) > 4 else base
    return word[:-1] if word.endswith("e") else word  # "approve" meets "approved" as "approv"


def words(text: str) -> list[str]:
    """All word tokens, lowercased (numbers and hyphenated words kept whole)."""
    if text.isascii():  # lowercasing ASCII moves no token boundary, so the text is lowered once, not word by word
        return _ASCII_WORD.findall(text.lower())
    return [w.lower() for w in _WORD.findall(text)]


def content_term(word: str) -> str | None:
    """The term a lowercased word counts as (its stem), or None for a stopword or a lone letter."""
    if word in STOPWORDS or (len(word) == 1 and not word.isdigit()):
        return None
    return stem(word)


def content_terms(text: str) -> list[str]:
    """Stemmed tokens without stopwords: what similarity and coverage are computed on."""
    return [term for word in words(text) if (term := content_term(word)) is not None]


def word_count(text: str) -> int:
    """Words as a reader (and ROUGE's budget cut) counts them: whitespace-separated tokens."""
    return len(text.split())
