"""Named cleaning rules. Each looks at one line (a paragraph) of an article.

Three kinds: *prefix* rules cut junk off the start of a line (date headers, syndication prefixes,
datelines and a headline run into the body in an article's first lines; wire slugs and "A:" labels
anywhere); *suffix* rules cut junk off its end (a promo glued to the last sentence); *drop* rules
remove a whole line (promo, contact, captions, credits, bylines, "Q:" questions). Rules never
rewrite text, they only choose what to keep, so every kept character still has its offset in the
original article.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from synoptic.registry import Registry

PREFIX_LINES = 3  # prefix junk sits in an article's first few non-empty lines
PROMO_MAX_WORDS = 30  # promo/contact lines are short; a long line that mentions "newsletter" is news
BYLINE_MAX_WORDS = 12
TAIL_CHARS = 120  # credits sit at the end of a line: only its tail is searched (speed)


@dataclass(frozen=True)
class LineContext:
    title: str | None
    line_number: int  # among the article's non-empty lines, from 0

    @property
    def near_top(self) -> bool:
        """Date headers, syndication prefixes, datelines and headlines sit in the first few lines."""
        return self.line_number < PREFIX_LINES


@dataclass(frozen=True)
class Cut:
    """A prefix rule's verdict: drop ``length`` characters; ``value`` carries lifted metadata."""

    length: int
    value: str | None = None


PrefixRule = Callable[[str, LineContext], Cut | None]
SuffixRule = Callable[[str, LineContext], int | None]  # where the junk that ends the line starts
DropRule = Callable[[str, LineContext], bool]

PREFIX_RULES: Registry[PrefixRule] = Registry("prefix cleaning rule")
SUFFIX_RULES: Registry[SuffixRule] = Registry("suffix cleaning rule")
DROP_RULES: Registry[DropRule] = Registry("line cleaning rule")


def _words(line: str) -> int:
    return len(line.split())


_DATE_HEADER = re.compile(r"\s*date\s*[:=]?\s*(\d{4}-\d{2}-\d{2})\b[\s:,;|-]*", re.IGNORECASE)


@PREFIX_RULES.register("date_header")
def date_header(line: str, ctx: LineContext) -> Cut | None:
    """``date 2017-10-17 …`` at the top of a body: the date goes to metadata, not the summary."""
    match = _DATE_HEADER.match(line) if ctx.near_top else None
    return Cut(match.end(), match.group(1)) if match else None


_SYNDICATION = re.compile(r"\s*[A-Z][\w&.'’-]*(?: [A-Z0-9][\w&.'’-]*){0,4} (?:[Ww]eb|[Oo]nline|[Dd]igital|[Dd]esk|[Ww]ire|[Nn]ews)\s?:\s+")


@PREFIX_RULES.register("syndication_prefix")
def syndication_prefix(line: str, ctx: LineContext) -> Cut | None:
    """"Vastavam web: …" — a reposting site's label glued before the copied text."""
    match = _SYNDICATION.match(line) if ctx.near_top else None
    return Cut(match.end()) if match and match.end() < len(line) else None


_DATELINE = re.compile(
    r"\s*[A-Z][A-Z.'’ -]{1,40}"  # CITY in capitals
    r"(?:,\s*[A-Z][\w.'’ -]{1,40}){0,2}"  # , Region / , January 22
    r"\s*(?:\([^()]{1,40}\))?"  # (AP) / (Xinhua)
    r"\s*(?:--|—|–|-|_)\s+"
)


# A wire service's story slug: "BC-FLA-LOBBY", "BC-KANSAS-CREATIONISM-REVIEW-2NDTAKE-NYT".
_WIRE_SLUG = re.compile(r"BC-[A-Z0-9]")


@PREFIX_RULES.register("dateline")
def dateline(line: str, ctx: LineContext) -> Cut | None:
    """"LITTLETON, Colo. (AP) -- The …": place and agency belong to metadata, not a sentence.
    Wire digests start each of their stories with one ("BC-FLA-LOBBY (Tallahassee) -- …"), so a
    dateline led by a wire slug is cut wherever it stands."""
    if not (ctx.near_top or _WIRE_SLUG.match(line)):
        return None
    match = _DATELINE.match(line)
    if not match or match.end() >= len(line):
        return None
    first_word = line.split(None, 1)[0].strip(",")
    return Cut(match.end()) if first_word.isupper() and len(first_word) > 1 else None


# A digest strings several wire stories together, each opening on its own dateline deep in the article:
# "WASHINGTON (AP) -- …", "BEIJING, Nov. 24 (Xinhua) -- …", or a foreign desk's bare "DHAKA -- …". Away from
# the top only these shapes count: an agency in parentheses, or one to three capitalised words before a
# double dash (a single "-" or "_" there is as often a budget's slug or an aside). Dev sets: 96 sentences
# lost such a prefix, all datelines by reading.
_AGENCY = re.compile(r"\((?:[A-Z]{2,5}|Reuters|Xinhua|Kyodo|Bloomberg|Interfax|Yonhap|dpa|Itar-Tass)\)")
_BARE_DATELINE = re.compile(r"\s*[A-Z]{3,}(?: [A-Z]{2,}){0,2}\s*(?:--|—)\s+(?=[A-Z\"“])")


@PREFIX_RULES.register("digest_dateline")
def digest_dateline(line: str, ctx: LineContext) -> Cut | None:
    """A dateline below an article's first lines: the next story of a digest. Kept apart from
    "dateline" because the first dateline dates the article, and a digest's later ones do not."""
    if ctx.near_top or _EDITORS_NOTE.match(line):
        return None
    match = _DATELINE.match(line)
    if match and match.end() < len(line) and line.split(None, 1)[0].strip(",").isupper() and _AGENCY.search(match.group()):
        return Cut(match.end())
    match = _BARE_DATELINE.match(line)
    return Cut(match.end()) if match else None


_ANSWER_LABEL = re.compile(r"\s*A\s*:\s+(?=[\"“A-Z])")


@PREFIX_RULES.register("answer_label")
def answer_label(line: str, ctx: LineContext) -> Cut | None:
    """"A: …" of a question-and-answer piece: the label is layout, not part of the sentence."""
    match = _ANSWER_LABEL.match(line)
    return Cut(match.end()) if match and match.end() < len(line) else None


def _normalised(text: str) -> str:
    return " ".join(text.lower().split())


@PREFIX_RULES.register("headline_prefix")
def headline_prefix(line: str, ctx: LineContext) -> Cut | None:
    """A body that starts by repeating the headline with no break: cut the headline off."""
    if not ctx.title or not ctx.near_top:
        return None
    title = _normalised(ctx.title)
    if not _normalised(line).startswith(title) or len(_normalised(line)) <= len(title) + 1:
        return None
    # Walk the original line until as many non-space characters as the title's have been passed.
    needed, seen = len(title.replace(" ", "")), 0
    for i, char in enumerate(line):
        if not char.isspace():
            seen += 1
        if seen == needed:
            rest = line[i + 1 :]
            return Cut(i + 1 + len(rest) - len(rest.lstrip(" \t:-–—|")))
    return None


_PROMO = re.compile(
    r"\bmost (?:read|popular|viewed|shared)\b|\bsign up (?:for|to|now|here)\b|\bsubscribe (?:to|now|for|here|today)\b"
    r"|\b(?:our|free|daily|weekly|morning|evening) [\w' ]{0,30}newsletters?\b|\bfollow us\b|\bshare (?:this|on|via)\b"
    r"|\bclick here\b|\bread more\b|\bwe pay for your stories\b|\bdownload (?:our|the) app\b|^\W*advertisement\W*$"
    r"|\ball rights reserved\b|^\W*(?:related|recommended|more on this story|you may also like)\b[^.]*$"
    r"|\b(?:like|follow) us on (?:facebook|twitter|x|instagram)\b"
    r"|^\W*follow [^.]{1,40} on (?:social media|facebook|twitter|x|instagram|tiktok|youtube)\b",  # "Follow ORB News on…"
    re.IGNORECASE,
)


# Substrings every promo pattern contains: a cheap test before the (slow) case-insensitive regex.
_PROMO_HINTS = ("most ", "sign up", "subscribe", "newsletter", "follow", "share ", "click here", "read more",
                "we pay", "download", "advertisement", "rights reserved", "related", "recommended", "more on this",
                "you may also", "like us")


@DROP_RULES.register("promo")
def promo(line: str, ctx: LineContext) -> bool:
    """Newsletter, share, subscribe, "MOST READ" and similar site furniture."""
    if _words(line) > PROMO_MAX_WORDS:
        return False
    lowered = line.lower()
    return any(hint in lowered for hint in _PROMO_HINTS) and bool(_PROMO.search(line))


# A sentence's end with the next word glued on: "…the council said.Read more about…".
_GLUED_END = re.compile(r"(?<=[a-z][.!?])(?=[A-Z])|(?<=[a-z][.!?][\"”])(?=[A-Z])")


@SUFFIX_RULES.register("promo")
def glued_promo(line: str, ctx: LineContext) -> int | None:
    """A promo a scraper glued to a paragraph's last sentence without a space ("…the council said.Read more
    about the plant here"): the promo goes, the sentence stays (the drop rule alone would take both)."""
    lowered = line.lower()
    if not any(hint in lowered for hint in _PROMO_HINTS):
        return None
    return next((m.start() for m in _GLUED_END.finditer(line) if promo(line[m.start() :], ctx)), None)


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|\[email(?:&#160;|\s)protected\]", re.IGNORECASE)
_PHONE = re.compile(r"(?:\+?\d[\d ()-]{7,}\d)")
# "fax"/"telex": a syndicate's sales desks ("--Latin America: NAME in New York, 212-…; fax, 212-…").
_CONTACT_WORDS = re.compile(
    r"\b(?:email|e-mail|call|contact|write to|text|whatsapp|tip|got a story|send|fax|telex)\b", re.IGNORECASE
)


@DROP_RULES.register("contact")
def contact(line: str, ctx: LineContext) -> bool:
    """"Got a story? Email … or call …" lines: an address or number plus an invitation."""
    if _words(line) > PROMO_MAX_WORDS or not _CONTACT_WORDS.search(line):
        return False
    return bool(_EMAIL.search(line) or _PHONE.search(line))


_CREDIT_TAIL = re.compile(
    r"(?:\b(?:REUTERS|Reuters|AFP|AP|EPA|UPI|Getty(?: Images)?|AP Photo|PHOTO|Photo|[Ff]ile photo|Picture|Image|Credit|Courtesy)"
    r"\s*(?:[:/]|by)\s*[A-Z][\w.'’ /-]{1,60}"
    r"|\([A-Z][\w.'’ -]{1,30}/[A-Z][\w.'’ -]{1,30}\)"
    r"|\b(?:Getty Images|AFP via Getty Images|Shutterstock))\W*$"
)
_CREDIT_HEAD = re.compile(r"\s*(?:photo|picture|image|caption|pictured|above|top|file photo)\s*[:|]", re.IGNORECASE)
# A photo package's caption, headed by its number on the wire, place, day and slug: "(NYT11) ST. LOUIS -- Oct.
# 28, 1998 -- HOME-SCHOOL-1, 10-28 -- Mary Pride with her children." Dev sets: the two packages' 77 lines, 15
# of which end in no credit the tail reads (three of those were timeline entries).
_WIRE_PHOTO_HEAD = re.compile(r"\s*\([A-Z]{2,5}\d+\)\s+[^()]{2,40}?\s+--\s+[A-Z][a-z]{2}\.?\s+\d{1,2},\s+\d{4}\s+--\s")


@DROP_RULES.register("caption")
def caption(line: str, ctx: LineContext) -> bool:
    """Photo captions: a line that ends in a credit ("REUTERS/Name", "(Agency/Name)", "(File photo: …)"),
    starts "Photo:", or opens with a photo wire's head ("(NYT11) ST. LOUIS -- Oct. 28, 1998 --")."""
    return bool(_CREDIT_TAIL.search(line[-TAIL_CHARS:]) or _CREDIT_HEAD.match(line) or _WIRE_PHOTO_HEAD.match(line))


# A note to the editors who buy the story ("EDITORS: Visit … for more information", "EDS: … contributed",
# "EDITOR'S NOTE: What follows is …"): written for the desk, not the reader. Capitals only: "Editors said…" is news.
_EDITORS_NOTE = re.compile(r"\s*(?:EDITORS?|EDS|EDITOR['’]S NOTE|NOTE TO EDITORS)\s*(?::|--|—)")


@DROP_RULES.register("editors_note")
def editors_note(line: str, ctx: LineContext) -> bool:
    """"EDITORS: …" and "EDITOR'S NOTE: …" lines of syndicated copy."""
    return bool(_EDITORS_NOTE.match(line))


# A correction notice ("Correction: An earlier version of this article said 40 people were injured; the figure
# is 14.") is about the article, not the story: in a brief "this article" names nothing, and the figure it
# withdraws would be read as a claim. The corrected figure stands in the article's own text.
_CORRECTION = re.compile(
    r"\s*(?:correction|clarification)s?\s*[:—–-]|.*\b(?:an earlier|a previous|the original) version of this (?:article|story|report)\b"
    r"|.*\bthis (?:article|story|report) (?:has been|was) (?:corrected|amended)\b",
    re.IGNORECASE,
)


@DROP_RULES.register("correction")
def correction(line: str, ctx: LineContext) -> bool:
    """A correction notice: the outlet's note on its own earlier text, not a report of the story."""
    lowered = line.lower()  # a cheap test before the case-insensitive regex: few lines hold either word
    return ("correct" in lowered or "clarif" in lowered or "version of this" in lowered) and bool(_CORRECTION.match(line))


# A news budget lists the stories a wire will move, each under its slug: "PIER-REPAIRS (Dunmore) _ A look
# at …", "HARBOUR-COLUMN _ KELSBY _ The council …", "FERRY (Undated) _ …". An entry describes a story ("A
# look at…", "Bio box that goes with…") or teases its lead; either way it is the desk's list, not the news.
# The shape: a slug of capitals that is hyphenated, or followed by a place in parentheses (not an agency:
# that is a story's dateline) or by a second "_ PLACE _", then the budget's underscore. Near the top the
# same shape is a story's own slug, which "dateline" cuts instead. Dev sets: 106 lines, all budget entries.
_BUDGET_SLUG = re.compile(r"\s*[A-Z][A-Z0-9'’]*(?:[- ][A-Z0-9'’]+){0,5}\s*")
_BUDGET_PLACE = re.compile(r"\([^()]{2,40}\)\s*_\s|_\s+[A-Z][A-Z.,' ]{2,40}\s*_\s")


@DROP_RULES.register("budget_entry")
def budget_entry(line: str, ctx: LineContext) -> bool:
    """A wire budget's entry below an article's first lines."""
    if ctx.near_top or not (slug := _BUDGET_SLUG.match(line)):
        return False
    rest = line[slug.end() :]
    if place := _BUDGET_PLACE.match(rest):
        return not _AGENCY.match(place.group())
    return "-" in slug.group() and rest.startswith("_ ")


# A whole article can be a news budget: one that opens by announcing what a desk will move ("The Hearst
# News Service will file the following for Wednesday", "The Arizona Republic plans to move the following
# stories", "These columns … are moving today to clients of the New York Times News Service"), or that
# lists BUDGET_MIN_ENTRIES entries. Dev sets: 13 articles, all budgets; a line that mentions "the
# following years" in a report is no announcement, nor are plans "to move the following ships to the quay".
BUDGET_MIN_ENTRIES = 3
_BUDGET_INTRO = re.compile(
    r"\b(?:will|plans? to|has filed or will) (?:file|move)\b[^.]{0,40}\bthe following(?: (?:stories|items|columns|features))? (?:for|to)\b"
    r"|\bmoving today to clients of\b"
)


def announces_budget(line: str) -> bool:
    """Whether ``line`` (one of an article's first PREFIX_LINES) announces the stories a wire desk will move."""
    return _BUDGET_INTRO.search(line) is not None


@DROP_RULES.register("budget_intro")
def budget_intro(line: str, ctx: LineContext) -> bool:
    """The line that announces a news budget ("The Times plans to move the following stories for clients …
    for editions of Wednesday, November 22"): a desk's note, no event, though it names a day."""
    return ctx.near_top and announces_budget(line)


_QUESTION_LABEL = re.compile(r"\s*Q\s*:\s+(?=[\"“A-Z])")


@DROP_RULES.register("question")
def question(line: str, ctx: LineContext) -> bool:
    """"Q: …" of a question-and-answer piece: a reader's or an interviewer's question ("I heard …, do you
    have any information?"), not a report of the story."""
    return bool(_QUESTION_LABEL.match(line))


_CREDITS = re.compile(r"\W*(?:reporting|editing|writing|additional reporting|compiled|produced|edited)\s+by\b", re.IGNORECASE)


@DROP_RULES.register("editing_credit")
def editing_credit(line: str, ctx: LineContext) -> bool:
    """"Editing by …", "Reporting by …; Editing by …"."""
    return bool(_CREDITS.match(line))


_CONTRIBUTED = re.compile(r"\bcontributed (?:to )?(?:this|the) (?:report|story|article)\W*$", re.IGNORECASE)


@DROP_RULES.register("contributed")
def contributed(line: str, ctx: LineContext) -> bool:
    """"… contributed to this report." credits at the end of a story."""
    return bool(_CONTRIBUTED.search(line[-TAIL_CHARS:]))


_BYLINE = re.compile(r"\s*By\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|del|della|da|di|du|la|le|van|von|der|den|al|bin|ibn))*\s*(?:$|,|\||/|-|—|and\b)")


@DROP_RULES.register("byline")
def byline(line: str, ctx: LineContext) -> bool:
    """"By Jane Roe, Foreign Correspondent" — short, starts with By + a name, no full stop."""
    stripped = line.strip()
    return _words(stripped) <= BYLINE_MAX_WORDS and not stripped.endswith(".") and bool(_BYLINE.match(stripped))
