"""Which title names a group of reports best: a brief's headline and a story's name in a listing.

A feed's title carries noise (a " - Site Name" tail, a wire desk's notes to editors) and not every title
tells the news: a feed cuts some short, some are shouted in capitals, some point at a page ("Live updates:
…", a question). The brief (synoptic.pipeline) and the story store (synoptic.stories.store) rank titles the
same way, so a story is listed under the kind of title its brief would be headed with: the cleaned title
closest to what the reports say, weak titles only when there is no other.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from synoptic.analyze.tokens import content_terms

_TITLE_SITE_SUFFIX = re.compile(r"\s+(?:[|–—-]|::)\s+[^|–—-]{2,40}$")
# A wire desk's notes to editors around a title: "1stlead: …", "Writethru: …", "URGENT: …", "hke042451-- …",
# "… (more added)", "… EDS-Updates with more details". They say which version of the story this is, not what
# happened. Dev sets: 5 headlines lose such a note, each the better for it.
_TITLE_WIRE_NOTES = re.compile(
    r"^\s*(?:(?:\d+\s*(?:st|nd|rd|th)\s*(?:lead|ld)|writethru|urgent|flash|bulletin|update\s*\d*|correct(?:ed|ion))\s*:"
    r"|[a-z]{2,4}\d{4,}\w*\s*--)\s*"
    r"|\s*\((?:more\s+added|updated?|corrected)\)\s*$|\s+EDS?\s*[-:]\s*(?:updates?|adds?|recasts?|corrects?|fixes)\b.*$"
    # and an explainer's tail after the news: "Dallas shooting kills five officers: what we know"
    r"|\s*[:|–—-]\s*(?:here['’]s\s+)?what\s+(?:we\s+know|happened|to\s+know)(?:\s+so\s+far)?\s*$",
    re.IGNORECASE,
)
SHOUTED_TITLE_PENALTY = 100.0  # an all-capitals title is chosen only when no other title exists
# A title that stops on a link word was cut short by the feed ("… shot dead on Amsterdam street by", "… of
# panda's"); one that points at a page rather than telling news ("Live updates: …", "Here's why …", "What we
# know …", a question) heads a live blog or an explainer. Either is chosen only when no whole, telling title
# exists. Dev sets (394 clusters): it changed 9 headlines; by reading 5 better, 3 no better, 1 worse.
WEAK_TITLE_PENALTY = 100.0
# Case-sensitive: a title-case headline writes link words small and a phrasal verb's particle big ("…Weighs In").
_CUT_SHORT_TITLE = re.compile(
    r"(?:\b(?:a|an|the|of|in|on|at|to|for|by|with|from|into|against|and|or|but|as|amid|about)|\w['’]s)$"
)
_POINTER_TITLE = re.compile(
    r"(?:^|[.:!]\s+)(?:live(?:\s+(?:updates?|coverage|blog))?\s*[:|–—-]"
    r"|live\s+(?:updates?|coverage|blog|(?:election\s+)?results)\b"
    r"|here(?:\s+(?:is|are)|['’]s)\b|what\s+we\s+know\b|watch\s*:)"
    r"|\?\s*$",
    re.IGNORECASE,
)


def clean_title(title: str | None) -> str:
    """The title without a " - Site Name" tail or a wire desk's notes ("" when nothing is left)."""
    if not title:
        return ""
    return _TITLE_WIRE_NOTES.sub("", _TITLE_SITE_SUFFIX.sub("", title)).strip()


# A story store weighs its active stories' titles again at every refinement sweep, so each title is read once
# (the dev stream: ~17,000 scorings of ~2,000 titles); at ~1 KB an entry the cache stays under ~16 MB.
@lru_cache(maxsize=16_384)
def _read(title: str) -> tuple[str, tuple[str, ...], bool, bool]:
    """(the cleaned title, its content terms, whether it is shouted, whether it is cut short or pointing)."""
    clean = clean_title(title)
    weak = bool(_CUT_SHORT_TITLE.search(clean) or _POINTER_TITLE.search(clean))
    return clean, tuple(content_terms(clean)), clean.isupper(), weak


def title_score(title: str, weight: Callable[[str], float]) -> float:
    """How well a title (as given) names the reports once cleaned: the ``weight`` of its content terms (what the
    reports say about each) over the square root of their number, so a long title must keep saying relevant
    things, less the penalties that put shouted, cut-short and pointing titles last."""
    _, terms, shouted, weak = _read(title)
    score = sum(weight(t) for t in terms) / (len(terms) ** 0.5 or 1)
    if shouted:
        score -= SHOUTED_TITLE_PENALTY  # "OFFICIALS SAY MICROSOFT BID…": another outlet's headline reads better
    if weak:
        score -= WEAK_TITLE_PENALTY
    return score


def best_title(titles: Iterable[str | None], weight: Callable[[str], float]) -> str | None:
    """The best-scoring of ``titles`` as given (show it through ``clean_title``), the earliest on a tie;
    None when none has any text once cleaned."""
    best, best_score = None, float("-inf")
    for title in titles:
        if title and _read(title)[0]:
            score = title_score(title, weight)
            if score > best_score:
                best, best_score = title, score
    return best
