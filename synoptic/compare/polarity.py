"""Polarity: a sentence that denies what another asserts is no support for it.

The agreed facts and the summary's citations match sentences on shared terms, which a denial shares
as fully as a paraphrase does: "the pilots did not see anyone in the cockpit" against "the pilots saw
two people in the cockpit". A negation word alone is no sign of that (on the dev sets half the pairs
with one in only one sentence still agree: "not only faces life…", "a man with no criminal record",
"pleaded not guilty"), so a negation (or a denying verb: "denied", "rejected", "refused") counts only
where it governs the matched content: the words after it, to the end of its clause, hold a good share
of the terms the two sentences share. A negation in a quotation, a contrastive or relative aside
(", not the gun used", ", which voted not to…"), a condition ("if … not"), a request ("asked the
public not to…"), a fixed phrase ("not only", "no more than", "not ruled out"), a forecast ("not
likely to") or about a detail or a restriction ("did not say when…", "cannot … without…") denies
nothing; and a pair whose other sentence is negative itself ("failed to", "only", its own "not") is
left alone, as both may say the same.
"""

from __future__ import annotations

import re
from functools import cached_property

from synoptic.analyze.tokens import content_terms

# Calibrated on the dev sets and the seeds (tac2010_A, duc2007_update, multiling2011, allsides, the
# fall of Raqqa): denials of the matched fact put 2-7 of the pair's shared terms, 0.4-1.0 of them, in
# the negation's scope ("did not see any movement in the cockpit … before the crash": see, cockpit,
# crash of 7); a negation beside the fact governs one or two of them ("…the Gingriches, who hadn't seen
# each other since June, spent…"). Fifteen words reach "…before the crash" and the verb and object of
# "none of the earlier studies, by either…, convincingly showed increased risk"; ten missed two true
# denials, thirty let in "opting not to issue a pardon for himself as he prepares … 100 pardons". Read
# pair by pair: 11 of the 12 pairs rejected on those sets, 82 of 88 on duc2006, deny or say another thing.
DENIAL_MIN_SHARED = 2  # shared terms the negation must govern
DENIAL_MIN_SHARE = 0.4  # …and this share of all the terms the two sentences share
DENIAL_SCOPE_WORDS = 15  # words after the negation it governs, at most
INSERTION_MAX_WORDS = 6  # ", by either the company or others,": a short insertion the scope runs past
LOOK_BACK = 80  # characters before a negation that say what kind it is ("asked the public not to")

# a negation word, or a verb that denies its object ("denied that there were any contacts", "rejected a
# motion to recuse himself", "refused to answer")
_NEGATION = re.compile(
    r"\b(?=[ncdr])(?:not|never|no(?![.,\d])|none|neither|nor|nobody|nothing|cannot"
    r"|(?P<verb>den(?:y|ies|ied)|reject(?:s|ed)?|refus(?:e|es|ed)))\b|n['’]t\b",
    re.I,
)
# what makes a sentence negative even without a negation word: the other side of a pair need not deny
_DENIAL_WORD = re.compile(
    r"\b(?:den(?:y|ies|ied|ial)|reject\w*|refus\w*|fail\w*|declin\w*|unable|barred|ban(?:s|ned)?|prohibit\w*"
    r"|dismiss\w*|lack\w*|without|unclear|unknown|unlikely|disput\w*|ruled out|illegal|unlawful|forb[ai]\w*"
    r"|los[est]\w*|lost|foil\w*|block\w*|thwart\w*|stop\w*|halt\w*|abolish\w*|cancel\w*|revok\w*|withdr[ae]w\w*"
    r"|only)\b",
    re.I,
)
# a negation word starting one of these says something else: "not only", "no more than", "no doubt",
# "not without", "won't be as tardy as"; and a negated forecast ("not likely to", "did not expect") is no
# claim, as in the conflicts (synoptic.compare.conflicts)
_FIXED_PHRASE = re.compile(
    r"\s+(?:be\s+)?(?:only|just|merely|least|guilty|doubt|question|wonder|matter|exception|without|as|so"
    r"|other than|to mention|(?:more|less|fewer|later|earlier|sooner|longer|further) than|far from"
    r"|long (?:after|before|ago)|before|(?:be(?:en)?\s+)?rul\w* out|likely|expect\w*|anticipat\w*"
    r"|(?:have\s+)?(?:imagin\w*|dream\w*|thought))\b",
    re.I,
)
_ASIDE_BEFORE = re.compile(r"(?:[,(;:_–—-][”\"']?|\b(?:and|or))\s*$", re.I)  # "…a tragedy, not a crime" / "and not the"
_CONDITION = re.compile(r"\b(?:if|unless|whether)\b", re.I)
_REQUEST = re.compile(r"\b(?:ask|urg|advis|warn|told|tell|call|appeal|order|instruct|beg|encourag)\w*(?:\W+\w+){0,3}\W+$", re.I)
# "challenged the contention that no science shows…": someone else's claim, which the sentence disputes
_REPORTED_CLAIM = re.compile(
    r"\b(?:claim|contention|assertion|allegation|suggestion|notion|idea|argument)s?\s+that\s+(?:\S+\s+){0,4}$", re.I
)
_CLAUSE_START = re.compile(r".*(?:[;:]|\s(?:but|while|whereas|although|though)\s|,\s)", re.I | re.S)
_SUBORDINATE = re.compile(r"\s*(?:when|after|before|as|because|since|once|while|although|though)\b", re.I)
_CLAUSE_END = re.compile(
    r"[;:]|\s(?:[_–—]|--?|but|while|whereas|although|though|yet|since|because|and|which|who)\s", re.I
)
_COMMA = re.compile(r",\s")
# "did not say when…", "is not specific about what assets…", "not … until": what is denied is a detail
# or a time, and the event itself is taken as given; "cannot commute a sentence without the board's
# recommendation", "no explanation other than…": a restriction, which says what the other asserts
_DETAIL = re.compile(
    r"\b(?:what|when|where|why|how|whether|until|without|unless|except|other than|outside|apart from|besides"
    r"|the fact that)\b",
    re.I,
)
_RELATIVE = re.compile(r"\s*(?:which|who|whom|whose)\b", re.I)  # ", which had voted not to…": an aside
_QUOTE_MARK = re.compile(r"[“”\"]|``|''")


class Polarity:
    """What a sentence denies (the terms each of its governing negations covers) and whether it is
    negative at all (any negation or denial word, so it is never read as the assertion a denial
    contradicts: asked only of a sentence paired with a denial, as the search is the costly part)."""

    def __init__(self, text: str, denied: tuple[frozenset[str], ...], has_negation: bool) -> None:
        self.text, self.denied, self.has_negation = text, denied, has_negation

    @cached_property
    def negative(self) -> bool:
        return self.has_negation or _DENIAL_WORD.search(self.text) is not None


def polarity(text: str) -> Polarity:
    """The denials a sentence makes, each as the content terms of its clause after the negation."""
    denied, has_negation = [], False
    for cue in _NEGATION.finditer(text):
        has_negation = True
        before, after = text[: cue.start()], text[cue.end():]
        if _inside_quotation(before) or _FIXED_PHRASE.match(after):
            continue
        if not cue.group("verb") and _ASIDE_BEFORE.search(before[-LOOK_BACK:]):
            continue  # after a comma a denying verb is the main verb ("the judge, Col. Pohl, rejected…")
        clause_before = _CLAUSE_START.sub("", before)
        if _CONDITION.search(clause_before) or _REPORTED_CLAIM.search(before[-LOOK_BACK:]) or _RELATIVE.match(clause_before):
            continue
        if re.match(r"\s+to\s", after, re.I) and _REQUEST.search(clause_before[-LOOK_BACK:]):
            continue
        scope = _scope(after, subordinate=bool(_SUBORDINATE.match(clause_before)))
        if _DETAIL.search(scope):
            continue
        terms = frozenset(content_terms(scope))
        if terms:
            denied.append(terms)
    return Polarity(text, tuple(denied), has_negation)


def denies(first: Polarity, second: Polarity, shared: set[str]) -> bool:
    """Does one sentence deny what the other (with no negation of its own) asserts, ``shared`` being
    the terms they share?"""
    for denial, assertion in ((first, second), (second, first)):
        if not denial.denied or assertion.negative:
            continue
        for terms in denial.denied:
            governed = len(terms & shared)
            if governed >= DENIAL_MIN_SHARED and governed >= DENIAL_MIN_SHARE * len(shared):
                return True
    return False


def _scope(after: str, subordinate: bool) -> str:
    """The words a negation governs: up to the end of its clause, past a short insertion between
    commas (not in a subordinate clause, which its first comma ends: "When IBM rejected those
    proposals, Norris said, Microsoft…"), at most DENIAL_SCOPE_WORDS of them."""
    end = _CLAUSE_END.search(after)
    chunks = _COMMA.split(after[: end.start()] if end else after)
    scope, k = chunks[0], 1
    while not subordinate and k + 1 < len(chunks) and len(chunks[k].split()) <= INSERTION_MAX_WORDS:
        scope, k = scope + " " + chunks[k + 1], k + 2
    return " ".join(scope.split()[:DENIAL_SCOPE_WORDS])


def _inside_quotation(before: str) -> bool:
    """An odd number of quotation marks before a point puts it inside a quotation (``…'' counted as
    two marks, as the wire copy of the dev sets writes them)."""
    return len(_QUOTE_MARK.findall(before)) % 2 == 1
