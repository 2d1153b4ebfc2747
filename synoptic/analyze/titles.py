"""Which title names a group of reports best: a brief's headline and a story's name in a listing.

A feed's title carries noise (a " - Site Name" tail, a wire desk's notes to editors) and not every title
tells the news: a feed cuts some short, some are shouted in capitals, some point at a page ("Live updates:
…", a question). The brief (synoptic.pipeline) and the story store (synoptic.stories.store) rank titles the
same way, so a story is listed under the kind of title its brief would be headed with: the cleaned title
closest to what the reports say, weak titles only when there is no other.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from functools import lru_cache

from synoptic.analyze.tokens import content_terms

# A site's or a column's name after the headline: "… - Harbour Post", "… | News", "… / Farm Scene".
_TITLE_SITE_SUFFIX = re.compile(r"\s+(?:[|/–—-]|::)\s+[^|/–—-]{2,40}$|\s+/\s*$")
# A wire desk's notes to editors around a title: "1stlead: …", "Writethru: …", "URGENT: …", "hke042451-- …",
# "… (more added)", "… EDS-Updates with more details". They say which version of the story this is, not what
# happened. Dev sets: 5 headlines lose such a note, each the better for it.
_TITLE_WIRE_NOTES = re.compile(
    r"^\s*(?:(?:\d+\s*(?:st|nd|rd|th)\s*(?:lead|ld)|writethru|urgent|flash|bulletin|update\s*\d*|correct(?:ed|ion))\s*:"
    r"|[a-z]{2,4}\d{4,}\w*\s*--|[a-z]{2,4}-\s)\s*"
    r"|\s*\((?:more\s+added|updated?|corrected)\)\s*$|\s+EDS?\s*[-:]\s*(?:updates?|adds?|recasts?|corrects?|fixes)\b.*$"
    # in capitals without a colon ("URGENT Court rules …", or the word alone), a note ahead of the title
    # ("EDS-more details added Premier holds talks", "(ATTN: N.H., N.C.) …") or making up the whole of it
    # ("EDS: ADDS background, quotes throughout"), a desk's initials or a release note after it ("… (DW)",
    # "… (FOR IMMEDIATE RELEASE)")
    r"|^\s*(?-i:(?:URGENT|FLASH|BULLETIN)(?:\s*$|\s+(?=[A-Z][a-z]))|EDS?\s*[-:]\s*(?:[^A-Z]*?\badded\s+|.*$))"
    r"|^\s*\(ATTN:[^)]*\)\s*|(?-i:(?<=[A-Z.?!'\"`])\s+\([A-Z]{2,3}\))\s*$|\s*\(for\s+(?:immediate\s+)?release\b[^)]*\)\s*$"
    # and a part marker: one story sent in parts ("… (2)", "…, Part 2", "… Disturbing-2"). These lines clean 46 of
    # 2,792 distinct dev titles, all right by reading.
    r"|\s*\(\d{1,2}\)\s*$|[\s,:;–—-]*\(?\bpart\s+(?:\d{1,2}|one|two|three|four|five)(?:\s+of\s+\w+)?\)?\s*$|(?<=[a-z])-\d\s*$"
    # and an explainer's tail after the news: "Dallas shooting kills five officers: what we know"
    r"|\s*[:|–—-]\s*(?:here['’]s\s+)?what\s+(?:we\s+know|happened|to\s+know)(?:\s+so\s+far)?\s*$",
    re.IGNORECASE,
)
SHOUTED_TITLE_PENALTY = 100.0  # an all-capitals title is chosen only when no other title exists
# A title that stops on a link word or a comma was cut short by the feed ("… shot dead on Amsterdam street by",
# "… of panda's", "… hottest place except sun,"); one that points at a page rather than telling news ("Live
# updates: …", "Here's why …", "What we know …", a question) heads a live blog or an explainer; a digest's or a
# photo desk's page ("AP Top News at 2 a.m. EST", "Today in History", "AP Photo NY303", "World News Summary",
# "List of …") names no one story; a fragment of text in the title slot ("have moved separately.") names none
# either. Each is chosen only when no whole, telling title exists. Dev sets (394 clusters): it changed 9
# headlines; by reading 5 better, 3 no better, 1 worse. The page, fragment, comma and particle rules (2,792
# distinct dev titles): 31 more titles weak, 5 spared, all right by reading; 2 headlines and 2 story names
# changed, all better.
WEAK_TITLE_PENALTY = 100.0
# A title from a report that a newer one has overtaken (synoptic.compare.timeline.stale_reports) tells an
# earlier state of the story: it heads the brief only when no newer report has a title, but a whole stale
# title still beats a cut-short or pointing one, hence less than WEAK_TITLE_PENALTY.
STALE_TITLE_PENALTY = 50.0
# Case-sensitive: a title-case headline writes link words small and a phrasal verb's particle big ("…Weighs In").
_CUT_SHORT_TITLE = re.compile(
    r"\b(a|an|the|of|in|on|at|to|for|by|with|from|into|against|and|or|but|as|amid|about)$|\w['’]s$|[,;]$"
)
_CUT_SHORT_REACH = 10  # characters from the end where such an ending starts ("against" is the longest link word)
# A particle that closes a verb is no cut ("… as president is sworn in", "… students can stay on", "… 99
# unaccounted for"): the verbs headlines end that way, by particle, in every form a headline uses. A preposition
# after any other verb still wants its object ("… invaded Florida and was found in" is cut short).
_CLOSING_PARTICLE_VERB_LIST = {
    "in": (
        "sworn swear swears swearing weigh weighs weighed cave caves caved give gives gave given kick kicks kicked "
        "set sets settle settles settled step steps stepped pitch pitches pitched move moves moved check checks "
        "checked log logs logged lock locks locked rein reins reined phase phases phased fit fits fence fences "
        "fenced hem hemmed box boxed chime chimes chimed break breaks broke broken sink sinks sank sunk dig digs dug "
        "sign signs signed tow tows towed haul hauls hauled bring brings brought themselves himself herself itself "
        "ourselves"
    ),
    "on": (
        "carry carries carried stay stays stayed hold holds held move moves moved sign signs signed catch catches "
        "caught go goes went gone live lives lived press presses pressed push pushes pushed soldier soldiers "
        "soldiered hang hangs hung cling clings clung keep keeps kept drag drags dragged play plays played"
    ),
    "for": "accounted unaccounted",
    "about": "bring brings brought come comes came",
    "by": "stand stands stood abide abides abided drop drops dropped stop stops stopped swing swings swung",
}
_CLOSING_PARTICLE_VERBS = {particle: frozenset(verbs.split()) for particle, verbs in _CLOSING_PARTICLE_VERB_LIST.items()}
_POINTER_TITLE = re.compile(
    r"(?:^|[.:!]\s+)(?:live(?:\s+(?:updates?|coverage|blog))?\s*[:|–—-]"
    r"|live\s+(?:updates?|coverage|blog|(?:election\s+)?results)\b"
    r"|here(?:\s+(?:is|are)|['’]s)\b|what\s+we\s+know\b|watch\s*:)"
    r"|\?\s*$"
    # a digest's, a photo desk's, a list's or a reader's-questions column's page
    r"|^(?:AP\s+)?top\s+news\b|\b(?:today|this\s+day)\s+in\s+history\b|^AP\s+photos?\b|^(?:photos?|in\s+pictures)\s*:"
    r"|\bnews\s+(?:summary|digest|briefs|in\s+brief|and\s+notes)\b|(?-i:^(?:[A-Z][\w-]*\s+){1,3}Briefs\s*$)"
    r"|\bat\s+a\s+glance\s*$|^(?:a\s+)?(?:timeline|chronology)\b|^list\s+of\b|\b(?:nominees?|winners)\s+list\s*$"
    r"|\bquestions\s+and\s+answers\s*$|^q\s*&\s*a\s*:",
    re.IGNORECASE,
)
# Text that slipped into the title slot: a sentence's lower-case middle, also after a dateline ("NEW YORK: the
# law."), a wire slug ("bc-bears") or an entity code ("andHT;"). Lower-case name particles ("de Blasio") are names.
_FRAGMENT_TITLE = re.compile(
    r"^(?:[A-Z][A-Z .'-]*:\s+)?(?!(?:de|da|di|del|della|van|von|der|den|la|le|el|al|bin|ibn|du|dos)\s)[a-z]+\s+[a-z]"
    r"|^[a-z]{2,4}-[a-z-]+$|\band[A-Z]{2};"
)


def _cut_short(title: str) -> bool:
    """Whether ``title`` stops where its feed cut it, not on a verb's closing particle."""
    end = _CUT_SHORT_TITLE.search(title, max(0, len(title) - _CUT_SHORT_REACH))
    if end is None:
        return False
    particle, before = end.group(1), title[: end.start()].split()
    return not (particle and before and before[-1].lower() in _CLOSING_PARTICLE_VERBS.get(particle, ()))


def clean_title(title: str | None) -> str:
    """The title without a " - Site Name" tail or a wire desk's notes ("" when nothing is left)."""
    if not title:
        return ""
    return _TITLE_WIRE_NOTES.sub("", _TITLE_SITE_SUFFIX.sub("", title)).strip()


# A story store weighs its active stories' titles again at every refinement sweep, so each title is read once
# (the dev stream: ~17,000 scorings of ~2,000 titles); at ~1 KB an entry the cache stays under ~16 MB.
@lru_cache(maxsize=16_384)
def _read(title: str) -> tuple[str, tuple[str, ...], bool, bool]:
    """(the cleaned title, its content terms, whether it is shouted, whether it is weak: cut short, pointing or a fragment)."""
    clean = clean_title(title)
    weak = bool(_cut_short(clean) or _POINTER_TITLE.search(clean) or _FRAGMENT_TITLE.search(clean))
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


def best_title(titles: Iterable[str | None], weight: Callable[[str], float], stale: Collection[str] = ()) -> str | None:
    """The best-scoring of ``titles`` as given (show it through ``clean_title``), the earliest on a tie, those
    in ``stale`` after the rest; None when none has any text once cleaned."""
    best, best_score = None, float("-inf")
    for title in titles:
        if title and _read(title)[0]:
            score = title_score(title, weight) - (STALE_TITLE_PENALTY if title in stale else 0.0)
            if score > best_score:
                best, best_score = title, score
    return best
