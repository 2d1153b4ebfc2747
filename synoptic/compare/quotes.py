"""Quotes: direct speech in the reports, with its speaker, grouped across outlets.

Quotes are found in each kept block (paragraph) of an article, so a quote that runs over two
sentences stays whole; its evidence is the sentence where it starts. Quote marks: “…”, "…" and the
DUC/TAC ``…'' (or ''…''). Speakers come from the words around the quote:

- after it: ``"…," said X[, role]``, ``"…," said X of the Body`` (the body is the role), ``"…," X said``,
  ``"…," he said``, ``"…," X told reporters``, ``"…," U.S. District Judge X said`` (the post is the role),
  ``"…," Lee's attorney, X, said``, ``"…," the Warning Centre said`` (a body: the role, no speaker);
- before it: ``X[, role,] said: "…"``, ``X told journalists: "…"``;

where X is a capitalised name (titles kept: "Col. Ryan Dillon"; "de la Cruz") and "he"/"she" is resolved to the
most recent named speaker, titled name or surname opening a sentence or clause earlier in the same article; "Mrs. Blent"
is given the one full name of that surname the article has, where its he or she agrees; a name ending in an
organisation's head word ("… Rescue Service, said") is a body, never the person "she" means. A
descriptive speaker ("said the coalition commander") leaves ``speaker`` null and goes into ``role``;
a body governed by "of/for/at" before the verb ("Ann Cole, counsel for the Records Centre, said")
is the speaker's employer, not the speaker. A quote its attribution splits ("If it fails," Cole
said, "we flood.") is one quote; a quote opening in lower case after other words of the reporter's
sentence ('called it "a slow mistake"') is a phrase, not a statement, and is left out.
The same quote in several outlets (rapidfuzz ratio of the normalised texts ≥ SAME_QUOTE_RATIO, or
one a long part of the other) is one entry listing every source.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from synoptic.analyze.sentences import Corpus
from synoptic.compare.entities import BODY_HEADS, full_name_of_person

MIN_QUOTE_WORDS = 4  # shorter quoted spans are scare quotes or titles ("a clearing operation")
# A quote the text attributes to nobody (no "said X", "X said", "…," he said) must be longer: of TAC 2010's 92 such quotes under 8 words,
# a sample of 40 was nearly all phrases ("the umbrella of suspicion", "brazen and cowardly act") and titles,
# not speech a reader can use; longer ones are mostly speech whose speaker the text names too far away.
# A quote attributed to nobody that opens in lower case is part of the reporter's sentence ('would take
# "a number of preventive measures…"'), not speech that stands alone.
UNATTRIBUTED_MIN_WORDS = 8
MAX_QUOTES = 20
# Calibrated on the seeds, the sample and TAC 2010: the same quote copied or lightly re-punctuated
# scores 90-100; different quotes of one speaker stay below 60.
SAME_QUOTE_RATIO = 85
PART_QUOTE_RATIO = 95  # partial_ratio when one outlet quotes only part of what another prints…
PART_MIN_WORDS = 8  # …and that part is long enough not to match by chance
QUICK_WORD_SHARE = 0.5  # below this word overlap neither ratio can reach its threshold (speed only)

# The look-behind of a straight quote comes after it ("not after a letter"), so that every alternative
# starts with a plain character (see synoptic.compare.scan).
_QUOTE = re.compile(r"“(?P<a>[^“”]{2,2000}?)”|\"(?<![\w`']\")(?P<b>[^\"]{2,2000}?)\"|``(?P<c>(?:(?!'').){2,2000}?)''|''(?P<c2>(?:(?!'').){2,2000}?)''")
_HAS_QUOTE_MARK = re.compile(r"[“\"]|``|''")  # every _QUOTE match holds one
_TITLE = r"(?:(?:Mr|Mrs|Ms|Dr|Col|Gen|Lt|Capt|Sgt|Maj|Pfc|Spc|Cpl|Adm|Sen|Rep|Gov|Prof|Rev|Insp|Det)\.|Colonel|General|President|Inspector|Chief|Captain|Sheriff|Mayor|Minister|Senator|Judge|Sergeant)"
_BARE_TITLE = re.compile(rf"{_TITLE}|(?:Mr|Mrs|Ms|Dr|Col|Gen|Lt|Capt|Sgt|Maj|Sen|Rep|Gov|Prof|Rev|Insp|Det|St)")
_NAME = rf"(?:{_TITLE}\s+)?[A-Z][\w'’.-]*(?:\s+(?:(?:al|el|bin|de|van|von|der)[\s-]+)?[A-Z][\w'’.-]*){{0,3}}"
# A name may open with a lower-case particle: "…," de la Cruz said; "…," said van der Berg; "…," el-Bashir said.
_PARTICLES = r"(?:(?:al|el|bin|de|van|von|der|du|da|del|di|dos|das)[\s-]+(?:(?:la|der|den|los|las)\s+)?(?=[A-Z]))"
# "told" names its audience: a named outlet or person ("told the Gazette"), or a plain one ("told reporters").
_TOLD = (
    r"told\s+(?:reporters|journalists|lawmakers|(?:the\s+)?(?:residents|citizens|police|officials|investigators|court|jury|crowd|supporters|students|parents|audience|delegates|viewers|listeners)\b|(?:an?\s+)?(?:news|press)\s+conference|(?:the\s+)?(?:[A-Z][\w.]*\s*){1,3}"
    r"|(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}?(?:radio|television|TV|conference|ministers|meeting|rally|newspaper|agency|committee|hearing|panel|gathering|forum|summit|parliament)\b)"
)
_VERB = (
    rf"(?:said|says|{_TOLD}|added|explained|noted|declared|insisted|warned|stressed|recalled|asked|wrote|tweeted"
    r"|agreed|argued|continued|replied|complained|admitted|conceded|acknowledged|recounted|recalls|adds|explains|notes|writes"
    r"|insists|warns|went\s+on)"
)
# After a quote, more verbs attribute it ("…," Evans predicted; "…," the report concludes); the patterns that search
# the text before a quote for _VERB keep the shorter list (speed).
_AFTER_VERB = (
    rf"(?:{_VERB}|announced|predicted|predicts|concluded|concludes|claimed|stated|states|responded|remembered"
    r"|joked|jokes|emphasized|admits|concedes|observed|observes|asserted|asserts|sighed|pleaded|lamented|cried)"
)
# After its subject, "told" and any audience attributes the quote ("…," Gore told about 75 seniors); _BEFORE keeps
# the audiences _TOLD names (the open form doubled its search time).
_SUBJECT_VERB = rf"(?:{_AFTER_VERB}|told\s+(?:the|an?|about|several|some|his|her|their|\d[\d,]*)\s+[\w-]+)"
# The full stop of an initial or a title before a capitalised word ("the U.S. Forest Service", "A.T. Kearney",
# "Gov. Jeanne Shaheen") is inside an attribution, not its end. "Co." and "Inc." often end a sentence: not here.
_ABBREVIATION_DOT = r"(?:(?<=\b[A-Z])|(?<=\b(?:Dr|Mr|Ms|St|Mt|Ft|Lt))|(?<=\b(?:Gov|Sen|Rep|Gen|Col|Mrs)))\.(?=\s+[A-Z])"
_ROLE = rf"(?P<role>(?:an?|the|his|her)\s+(?:[^.;:“”\"]|(?<=[A-Z])\.|\.(?=\s*[a-z])|{_ABBREVIATION_DOT})+?)"  # "a U.S. military spokesman"
_END = rf"\s*(?:[;,]|(?!{_ABBREVIATION_DOT})(?:(?<![A-Z])\.|\.(?=\s*$|\s+[“\"`'A-Z]))|$)"  # a full stop, not the one in "U.S. military"
# A lawmaker's party after the name: "Sen. Lyle Ortiz (R-Minn.)", "Rep. Walt Hollis, R-Texas,".
_PARTY = r"(?:\s+\((?:D|R|I)(?:-[A-Z][\w.]*)?\)|,\s+(?:D|R|I)-[A-Z][\w.]*(?=,))"
# "…," said Dan Reed of the Harbour Trust. — the body after "of/for/at/with" is the speaker's employer, the role.
# A state or country may come before a title: "said Ohio Gov. Dana K. Morrow (D), the council's chairman."
_AFTER_NAMED = re.compile(
    rf"^\s*,?\s*{_AFTER_VERB}\s+(?P<name>(?:{_PARTICLES}|[A-Z][a-z]+\s+(?={_TITLE}))?{_NAME}){_PARTY}?(?:\s+(?:of|for|at|with)\s+(?P<body>(?:the\s+)?[A-Z](?:[^.;:,“”\"]|{_ABBREVIATION_DOT}){{1,80}}?))?(?:,\s+{_ROLE})?{_END}"
)
_AFTER_DESC = re.compile(rf"^\s*,?\s*{_AFTER_VERB}\s+(?P<role>(?:an?|the)\s+[^.;:“”\"]{{3,120}}?)\s*(?:[.;,]|$)")
_AFTER_ROLE_SUBJECT = re.compile(  # "…," the mayor said; "…," the 22-year-old reservist said; "…," one girl wrote
    rf"^\s*,?\s*(?P<role>(?:an?|the|one|two|three|several)\s+(?:[a-z0-9][\w'’-]*\s+){{0,4}}?[a-z][\w'’-]*)\s+{_SUBJECT_VERB}"
)
# A described speaker or a body whose name has capitals in it: "…," the former Veldorian premier said; "…," the
# Coastal Flood Warning Centre said; "…," the Eastvale, Ohio, resident said (checked by _described_or_body).
_AFTER_BODY_OR_ROLE_SUBJECT = re.compile(
    rf"^\s*,?\s*(?P<role>(?:an?|the|several)\s+(?:[\w.'’-]+(?:,\s+[A-Z][a-z]+\.?,)?\s+){{0,6}}?[\w.'’-]+)\s+{_SUBJECT_VERB}"
)
# Job words that make the words before a name its role: "…," company spokeswoman Kari Lund told AFP;
# "…," said city police spokeswoman Laura Reyes. Ordinary people are named by what they do or where they
# live ("said shop owner …", "Bahamas resident … said"); adding owner…founder changed one dev-set quote,
# rightly (unattributed -> a Bahamas resident).
_JOB = (
    r"(?:spokes(?:man|woman|person)|expert|ambassador|minister|director|official|officer|chief|head|president|"
    r"chairman|chairwoman|analyst|researcher|professor|lawyer|attorney|commander|leader|secretary|governor|mayor|"
    r"manager|scientist|engineer|doctor|economist|coach|prosecutor|investigator|judge|inspector|chancellor|"
    r"administrator|counsel|owner|resident|worker|teacher|nurse|driver|farmer|student|founder|"
    r"councillor|councilor|councilman|councilwoman|alderman|lawmaker|legislator|senator)"
)
# Next to a quote more jobs name its speaker ("…," said forecaster Dan Pell); _PERSON, which tries its jobs at
# every word of an article, keeps the shorter list (the longer one cost find_quotes a few percent).
_SPEAKER_JOB = (
    rf"(?:{_JOB}|forecaster|historian|psychologist|consultant|conductor|clerk|agent|commissioner|executive|columnist|"
    r"journalist|pastor|singer|controller|contractor|housewife)"
)
# An apposition between a speaker's name and the verb: "…," Zhao Chen, director of the institute, told…
# It may open with a possessive ("Ewa's mother") and hold initials ("the U.S. attorney"); a place in it keeps its
# commas ("a Portland, Ore., lawyer who…", "a lawyer in Eastvale, Ohio,"). One that opens with "a"/"the" or a
# job may lack its closing comma ("…," Ani Maung, a protest leader said), if no clause is in it.
_PLACE_COMMAS = r",\s+[A-Z][a-z]+\.?(?:,(?=\s+[a-z])|(?=,))"
_APPOSITION = (
    rf"(?:,\s+(?P<appos>(?:an?\s|the\s|[a-z0-9]|[A-Z][\w-]*['’]s?\s)(?:[^,.;:“”\"]|(?<=\b[A-Z])\.|{_PLACE_COMMAS}){{2,150}}?),"
    rf"|,\s+(?P<open_appos>(?:an?|the|{_SPEAKER_JOB})(?:\s+(?!(?:who|whose|that|which|and)\b)[\w'’-]+){{1,12}}?)(?=\s+(?:ha[sd]\s+)?{_AFTER_VERB}))?"
)
_AFTER_SUBJECT = re.compile(rf"^\s*,?\s*(?P<name>{_PARTICLES}?{_NAME}|he|she|He|She){_PARTY}?{_APPOSITION}(?:\s+ha[sd])?\s+{_SUBJECT_VERB}")
_JOB_WORD = re.compile(_JOB)
# The role first, the name in apposition: "…," the union's marine coordinator, Jerker Tamm, said; "…," Pell's
# attorney, Ann Roe, told…; "…," his physician, Sean Coyle, wrote.
_AFTER_ROLE_THEN_NAME = re.compile(
    rf"^\s*,?\s*(?P<role>(?:the|his|her|their|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?['’]s?)\s+[^,.;:“”\"]{{0,80}}?[a-z]),"
    rf"\s+(?P<name>(?:{_TITLE}\s+)?[A-Z][\w'’-]+(?:\s+(?:[A-Z]\.|[A-Z][\w'’-]+)){{0,3}}),\s+{_SUBJECT_VERB}"
)
# A capitalised post before the name, longer than a name with its title: "…," U.S. District Judge Ellen Marsh Doyle
# said; "…," Dutch Prime Minister Jan Pieter Voss told…; "…," Speaker Dana Holt, R-Ohio, told reporters; "…," said
# Albany Police Chief Kevin Tuffey. The post is the role.
_POST_AND_NAME = (  # three capitalised words at least, looked at first: most text fails there, before the posts are tried
    rf"(?=(?:[A-Z][\w.'’-]*\s+){{2}}[A-Z])(?P<post>(?:[A-Z][\w.'’-]*\s+){{0,5}}?(?:{_TITLE}|Supt\.|Speaker|(?=[A-Z])(?i:{_SPEAKER_JOB})\b))"
    rf"\s+(?P<name>(?:{_TITLE}\s+)?[A-Z][\w'’-]*(?:\s+(?:[A-Z]\.|[A-Z][\w'’-]*)){{1,2}}(?:\s+Jr\.)?)"
)
_AFTER_POST_SUBJECT = re.compile(rf"^\s*,?\s*{_POST_AND_NAME}(?:{_PARTY},?)?\s+{_SUBJECT_VERB}")
_AFTER_VERB_POST = re.compile(rf"^\s*,?\s*{_AFTER_VERB}\s+{_POST_AND_NAME}{_PARTY}?(?:,\s+{_ROLE})?{_END}")
_JOB_ROLE = rf"(?P<role>(?:[\w'’.-]+\s+){{0,5}}?{_SPEAKER_JOB})"
_AFTER_JOB_SUBJECT = re.compile(rf"^\s*,?\s*{_JOB_ROLE},?\s+(?P<name>{_NAME})\s+{_SUBJECT_VERB}")
_AFTER_VERB_JOB = re.compile(rf"^\s*,?\s*{_AFTER_VERB}\s+{_JOB_ROLE},?\s+(?P<name>{_NAME}){_PARTY}?{_END}")
# When the attribution goes on with when or where it was said ("…," said prosecutor Cal Rerucha during
# opening statements Monday.), the name has no full stop in it and no weekday at its end.
_WHEN_NAME = (
    rf"(?:{_TITLE}\s+)?[A-Z][\w'’-]*"
    r"(?:\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)(?:[A-Z]\.|(?:(?:al|el|bin|de|van|von|der)[\s-]+)?[A-Z][\w'’-]*)){0,3}"
)
_SAID_WHEN = (
    r"(?=\s+(?:during|in|at|on|after|before|outside|inside|from|when|while|as|to|last|this|late|early|yesterday|today|tonight"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
)
_AFTER_VERB_JOB_WHEN = re.compile(rf"^\s*,?\s*{_AFTER_VERB}\s+{_JOB_ROLE},?\s+(?P<name>{_WHEN_NAME}){_SAID_WHEN}")
_AFTER_NAMED_WHEN = re.compile(rf"^\s*,?\s*{_AFTER_VERB}\s+(?P<name>{_WHEN_NAME}){_SAID_WHEN}")
# "…," the paper quoted Kim as saying; "…," Roh was quoted as saying.
# "…," Ann Roe, 48, an expert with the centre, was quoted by the Post as saying; "…," an official was quoted as telling…
_AFTER_QUOTED = re.compile(
    rf"^\s*,?\s*(?:[^.;:“”\"]{{0,60}}?\bquoted\s+(?:(?P<name>{_NAME})|(?P<role>(?:an?|the)\s+[^.;:“”\"]{{2,80}}?))"
    rf"|(?:(?P<subject>{_NAME})(?:,\s+\d{{1,3}})?(?:,\s+(?P<subject_role>(?:an?\s|the\s|[a-z])[^,.;:“”\"]{{1,80}}?))?,?|(?P<described>(?:an?|the)\s+[a-z][^.;:,“”\"]{{1,60}}?))"
    rf"\s+(?:was|is)\s+quoted(?:\s+[^.;:“”\"]{{1,100}}?)?)\s+as\s+(?:saying|telling)"
)
_BEFORE = re.compile(rf"(?P<name>{_NAME}){_PARTY}?(?:,\s+{_ROLE},)?\s+{_VERB}\s*[:,]?\s*$")
# A _BEFORE name that a preposition governs is a body the speaker works for: "Ann Cole, counsel for
# the Data Rights Centre, said: “…”", "Ann Cole of the State Office told…", "A spokesman for Halcyon said…".
_OF_BODY = re.compile(r"\s+(?P<prep>of|for|at|with)\s+(?P<the>the\s+)?$")
_PERSON_OF = re.compile(rf"(?P<name>{_NAME})(?:,\s+(?P<job>[a-z][^.;:,“”\"]{{0,60}}?))?$")
_DESCRIBED_OF = re.compile(r"(?:^|(?<=[.,;:]\s))(?P<desc>(?:[Aa]n?|[Tt]he)\s+[a-z][^.;:,“”\"]{0,60}?)$")
# A role that ends in the name itself: "…, the ambassador to the US, Rene Joseph, said:"
_ROLE_THEN_NAME = re.compile(r"^(?P<role>.+?),\s+(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][\w'’-]+){1,2})$")
# A sentence that opens with the description and puts the name in apposition: "The company's chief executive,
# Anselm Drury, said: “…”", "One survivor, teacher Lotte Brandt, said: “…”" (the description is the role).
_DESCRIBED_THEN_NAME = re.compile(
    rf"(?:^|(?<=[.!?]\s)|(?<=[.!?][”\"]\s))(?P<desc>[A-Z][^.;:!?“”\"]{{2,120}}?),\s+(?:(?P<job>[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){{0,3}})\s+)?"
    rf"(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][\w'’-]+){{1,2}}),\s+{_VERB}\s*[:,]?\s*$"
)
# The verb _BEFORE ends with: a scan that jumps from one verb's first letter to the next (see
# synoptic.compare.scan) rules out most quotes before _BEFORE tries every position.
_VERB_AT_END = re.compile(rf"{_VERB}\s*[:,]?\s*$")
# A person named in running text: "Col. Ryan Dillon", "Lt. Col. Ann Ruiz", "Liam Oduya, 19, a student",
# "Todd W. Hale, director of…", "Gwen Tarrant said", "project manager Jim Ellory" (the job alone is matched,
# and the name looked ahead at, so that the name can still match as a plain one).
_PERSON = re.compile(
    rf"(?<![\w'’-])(?:{_JOB}\s+(?=(?P<jobbed>[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z'’-]+)(?![\w'’-])(?P<acts>\s+(?:[a-z]+(?:ed|s)|--)(?!\w))?)"
    rf"|(?P<title>(?:{_TITLE}\s+)+)(?P<titled>[A-Z][\w'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'’-]+){{0,2}})"
    rf"|(?P<plain>[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z](?:[a-z'’-]+|[a-z'’]*[A-Z][a-z'’-]+))(?=,\s+(?:an?|the|who|his|her|said|says|told)\s|,\s+\d+,\s+[a-z]"
    r"|(?:\s+(?:himself|herself))?(?:\s+ha[sd])?\s+(?:said|says|told)\b"
    rf"|,\s+(?:[a-z]+\s+){{0,2}}{_JOB}\b))"
)
# A name after one of these is the object of the sentence ("linked to Agent Orange, the court found"), not
# a person who goes on speaking.
_PREPOSITION_BEFORE = re.compile(r"\b(?:to|of|in|on|at|from|by|with|for|against|about|near|into|than)\s+$")
# A job and a name after a verb of saying: "…, said engineering manager Jim Ellory."
_GENDERED_TITLE = re.compile(r"\b(Mr|Mrs|Ms)\.")
_SAYING_BEFORE = re.compile(r"\b(?:said|says|told)\s+(?:[\w'’.-]+\s+){0,4}$")
_PERSON_AFTER = re.compile(r",\s+(?:\d+,|who\s)")  # "the view of Hanna Roe, 41, a clerk", "headed by Ann Lee, who…": people all the same
_SAYS = tuple(re.compile(rf" {verb}\b") for verb in ("said", "says", "told", "added"))  # one literal each: a fast scan
_SURNAME_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][a-z'’-]+)(?:\s+(?:also|later|then|again))?$")  # "Kemp also told…"
# A surname opening a sentence or a clause: "Korev also pledged more money. '…,' he said" is Korev again; so is "Lee,
# however, said…", "In Ohio, Lee met…", "…, but Lee promised…", "DeKalb's McGee has found…"; not "Korev will face Lee…",
# which tells what is to come, not who speaks now, nor one name of a list (", Lee and Ruiz met…").
_SURNAME_SUBJECT = re.compile(
    r"(?:[.!?\n][\"”’']?\s*|(?P<comma>,\s+)(?:(?:and|but|while|whereas|yet)\s+)?)(?:[A-Z][\w.-]*['’]s\s+)?"
    r"(?P<surname>(?:Mc|Mac|O'|De|Di|Le|La)?[A-Z][a-z'’-]+)(?:,\s+[^,.;:“”\"]{1,80},)?"
    r"\s+(?!(?:will|would|could|can|may|might|should|must)\b)(?P<verb>[a-z]+)\b"
)
_NOT_SPEAKERS = {"He", "She", "It", "They", "We", "I", "The", "But", "And", "This", "That", "There",
                 "In", "On", "At", "As", "For", "From", "After", "When", "If", "Meanwhile", "Then", "Also", "Another",
                 "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
                 "March", "April", "May", "June", "July", "August", "September", "October", "November",
                 "December"}  # "In Washington, the…", "Also Thursday, the…", "in May, the office said…"


def _words(text: str) -> int:
    return len(text.split())


_PUNCTUATION = re.compile(r"[^\w\s]")


def _normal(text: str) -> str:
    return " ".join(_PUNCTUATION.sub(" ", text.lower()).split())


def _clean_quote(text: str) -> str:
    return " ".join(text.split()).strip(" ,")


_SENTENCE_END_IN_NAME = re.compile(r"(?P<word>[\w'’-]*[a-z]{2})\.\s+(?=[A-Z])")
_CONNECTIVES = {"But", "And", "So", "Yet", "Also", "Still"}


def _sentence_tail(name: str) -> str:
    """The part of a capitalised run after its last full stop: "…from Norris. But Mark Murray, a
    spokesman, said" names Mark Murray; a title's stop ("Gov. Ann Lee") ends no sentence."""
    ends = [m.end() for m in _SENTENCE_END_IN_NAME.finditer(name) if not _BARE_TITLE.fullmatch(m.group("word"))]
    words = name[ends[-1] :].split() if ends else name.split()
    while len(words) > 1 and words[0] in _CONNECTIVES:
        words.pop(0)
    return " ".join(words)


def _named(name: str | None) -> str | None:
    if not name:
        return None
    name = _sentence_tail(name.strip()).rstrip(".,")
    if not name:
        return None
    first, last = name.split()[0], name.split()[-1]
    if first in _NOT_SPEAKERS or first.lower() in ("he", "she") or last == "I" or _BARE_TITLE.fullmatch(name):
        return None  # "Maj." alone: the name after it was not read; "Notice I said": the writer
    return name


class _NamesMet:
    """The full names an article has named so far, latest last: the people its text names between
    the quotes ("Col. Ryan Dillon", "Gwen Tarrant said") and the speakers found. The text is read for
    names only when a "he said" or a bare surname needs them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.names: list[str] = []
        self.pronoun: dict[str, str] = {}  # "he" or "she", for a name met with "Mr." or "Mrs."/"Ms."
        self.pending: list[str | tuple[int, int]] = []  # in order: spans still to read, speakers to add
        self.by_surname: dict[str, str] = {}  # a name's last word → the latest name met that it ends

    def passed(self, start: int, end: int) -> None:
        self.pending.append((start, end))

    def add(self, name: str) -> None:
        self.pending.append(name)
        self._learn(name, name)

    def _learn(self, name: str, titles: str) -> None:
        if match := _GENDERED_TITLE.search(titles):
            self.pronoun.setdefault(name, "he" if match.group(1) == "Mr" else "she")

    def latest(self, pronoun: str) -> str | None:
        """The latest name met, unless ``pronoun`` cannot stand for it: "He replied" after "Ms. Pell told…" is
        not Ms. Pell, and the person it is went unnamed (an earlier man is as likely wrong)."""
        names = self.list(subjects=True)
        return names[-1] if names and self.pronoun.get(names[-1], pronoun) == pronoun else None

    def _met(self, name: str) -> None:
        self.names.append(name)
        self.by_surname[name.split()[-1]] = name

    def _surname_subjects(self, start: int, end: int, met: list[tuple[int, re.Match[str] | str]]) -> list[tuple[int, str]]:
        """The surnames of the names met so far (``met``: in this span) that open a sentence between ``start``
        and ``end`` ("Korev also pledged…")."""
        people = {(p.group("titled") or p.group("plain") or p.group("jobbed")).split()[-1] for _, p in met if not isinstance(p, str)}
        return [
            (m.start("surname"), m.group("surname"))
            for m in _SURNAME_SUBJECT.finditer(self.text, start, end)
            if (m.group("surname") in self.by_surname or m.group("surname") in people) and not (m.group("comma") and m.group("verb") in ("and", "or", "nor"))
        ]

    def list(self, subjects: bool = False) -> list[str]:
        """The names met, latest last; with ``subjects``, for a "he said", also the surnames that open a sentence
        just before the quote ("Korev also pledged…": he is Korev)."""
        for event in self.pending:
            if isinstance(event, str):
                self._met(event)
                continue
            met: list[tuple[int, re.Match[str] | str]] = [(m.start(), m) for m in _PERSON.finditer(self.text, *event)]
            if met or self.names:  # "Jones said the cold was worst. '…,' he said": Jones is the latest again
                for verb in (v for says in _SAYS for v in says.finditer(self.text, *event)):  # from the verb: cheaper than every capital
                    if surname := _SURNAME_BEFORE.search(self.text, max(event[0], verb.start() - 30), verb.start()):
                        met.append((surname.start(), surname.group(1)))
                if subjects and event is self.pending[-1]:
                    met.extend(self._surname_subjects(*event, met))
                met.sort(key=lambda item: item[0])
            for _, person in met:
                if isinstance(person, str):
                    if full := self.by_surname.get(person):
                        self._met(full)
                    continue
                words = (person.group("titled") or person.group("plain") or person.group("jobbed")).split()
                while len(words) > 2 and (words[-1] in _NOT_SPEAKERS or words[-1] in ("Jr", "Sr")):
                    words.pop()  # "Minister Akbar Tanjung Monday", "Dr. John B. Neeld Jr.": "Neeld" names him again
                name = _named(" ".join(words))
                if name and person.group("title"):
                    self._learn(name, person.group("title"))
                if not name or name.split()[-1].lower() in BODY_HEADS or (person.group("plain") and " " not in name):
                    continue  # "…, who heads Esterby Fire and Rescue Service, said", "Aldermoor General Hospital": bodies
                if person.group("jobbed") and not (person.group("acts") or _SAYING_BEFORE.search(self.text, max(0, person.start() - 60), person.start())):
                    continue  # "support groups for party chief Ann Lee,": named, but not the one who goes on speaking
                if (
                    person.group("plain")
                    and _PREPOSITION_BEFORE.search(self.text, max(0, person.start() - 10), person.start())
                    and not _PERSON_AFTER.match(self.text, person.end())
                ):
                    continue
                self._met(name)
        self.pending.clear()
        return self.names


_ROLE_CLAUSE = re.compile(r",?\s+(?:who|that|which)\s.*$")


def _short_role(role: str | None) -> str | None:
    """A role without the clause that describes it further ("the coalition commander who is assisting
    and advising the SDF" → "the coalition commander"): a speaker's label, not a sentence."""
    if not role:
        return role
    short = _ROLE_CLAUSE.sub("", role)
    return short if len(short.split()) >= 2 else role


def _speaker(before: str, after: str, closed: bool = False) -> tuple[str | None, str | None, str | None]:
    """(speaker, role, pronoun: "he" or "she") from the text around one quote. After a quote that ends its sentence
    (``closed``: "…hands." Kate Lecchi, a spokeswoman, said they…), a name with an apposition or a job
    opens the next sentence rather than attributing this one."""
    # "said U.S. Survey scientist Ann Cole": the job first, else "U.S." reads as a name
    for pattern in (_AFTER_VERB_JOB, _AFTER_NAMED, _AFTER_VERB_JOB_WHEN, _AFTER_NAMED_WHEN, _AFTER_VERB_POST):
        if (match := pattern.match(after)) and (name := _named(match.group("name"))):
            parts = match.groupdict()
            if parts.get("body") and _JOB_WORD.fullmatch(name.split()[-1].lower()):
                continue  # "said Secretary of Natural Resources Ann Cole": a post, the name comes after
            role = ", ".join(parts[key] for key in ("post", "body", "role") if parts.get(key))
            return name, role or None, None
    if match := _AFTER_DESC.match(after):
        return None, match.group("role").strip(), None
    if match := _AFTER_ROLE_SUBJECT.match(after):
        return None, match.group("role"), None
    if (match := _AFTER_BODY_OR_ROLE_SUBJECT.match(after)) and _described_or_body(match.group("role")):
        return None, match.group("role"), None
    if match := _AFTER_SUBJECT.match(after):
        name = match.group("name")
        if name.lower() in ("he", "she"):
            return None, None, name.lower()
        appos = match.group("appos") or match.group("open_appos")
        if _named(name) and not (closed and appos):
            return _named(name), appos, None
    if not closed and (match := _AFTER_JOB_SUBJECT.match(after) or _AFTER_POST_SUBJECT.match(after) or _AFTER_ROLE_THEN_NAME.match(after)) and (
        name := _named(match.group("name"))
    ):
        return name, match.groupdict().get("post") or match.group("role"), None
    if "quoted" in after and (match := _AFTER_QUOTED.match(after)):
        name = _named(match.group("name") or match.group("subject"))
        role = match.group("role") or match.group("subject_role") or match.group("described")
        if name or role:
            return name, role, None
    if not _VERB_AT_END.search(before, max(0, len(before) - 200)):
        return None, None, None
    if match := _BEFORE.search(before[-200:]):
        if (pronoun := _sentence_tail(match.group("name"))) in ("He", "She"):
            return None, None, pronoun.lower()  # "…in Newark. He added: “…”"
        name = _named(match.group("name"))
        role = match.group("role")
        start = len(before) - 200 + match.start() if len(before) > 200 else match.start()
        whole = name is not None and _sentence_tail(match.group("name").strip()) == match.group("name").strip()
        if name and whole and (of := _OF_BODY.search(before, max(0, start - 12), start)):
            return _employer(before[: of.start()], of, name)
        if role and (then := _ROLE_THEN_NAME.match(role)):
            return then.group("name"), then.group("role"), None
        if name:
            return name, role or None, None
    if (match := _DESCRIBED_THEN_NAME.search(before[-200:])) and (name := _named(match.group("name"))):
        desc = match.group("desc")
        role = ", ".join(part for part in (f"{desc[0].lower()}{desc[1:]}", match.group("job")) if part)
        return name, role, None
    return None, None, None


_BODY_TAIL = {"of", "in", "for", "and", "the"}  # "the Ministry of Internal Affairs of Veldoria"


def _described_or_body(role: str) -> bool:
    """Whether a role subject with capitals in it describes a speaker ("the former Veldorian premier": it ends
    in a common noun) or names a body ("the Coastal Flood Warning Centre", "the Ministry of Transport of
    Veldoria": a body's head word, then only its name), rather than a person ("the Rev. Ann Lee")."""
    words = role.split()
    if words[-1][0].islower():
        return True
    heads = [k for k, word in enumerate(words) if word.lower() in BODY_HEADS]
    return bool(heads) and all(word in _BODY_TAIL or word[0].isupper() for word in words[heads[0] + 1 :])


def _employer(before: str, of: re.Match[str], body: str) -> tuple[str | None, str | None, str | None]:
    """The speaker when the name before the verb is the body they speak for: the person named
    before the preposition, or the description there ("a spokesman for Halcyon") as the role."""
    words = body.split()
    heads = [k for k, word in enumerate(words) if word.lower() in BODY_HEADS]
    if heads and len(words) - heads[-1] > 2:  # "Director of the European Movement Ann Cole said"
        return " ".join(words[heads[-1] + 1 :]), f"{of.group('the') or ''}{' '.join(words[: heads[-1] + 1])}", None
    body = f"{of.group('the') or ''}{body}"
    if (person := _PERSON_OF.search(before, max(0, len(before) - 120))) and (name := _named(person.group("name"))) and " " in name:
        job = person.group("job")
        return name, f"{job} {of.group('prep')} {body}" if job else body, None
    if described := _DESCRIBED_OF.search(before, max(0, len(before) - 80)):
        desc = described.group("desc")
        return None, f"{desc[0].lower()}{desc[1:]} {of.group('prep')} {body}", None
    return None, None, None


def _full_name(short: str, names: list[str]) -> str:
    """The latest name met that ``short`` stands for: by its surname ("Kemp", "de Gelder"), else by its first
    word, for a name not in Western order ("Soedjono" for "Soedjono C. Atmonegoro"); ``short`` when none."""
    by_surname = next((n for n in reversed(names) if n.endswith(f" {short}")), None)
    return by_surname or next((n for n in reversed(names) if n.startswith(f"{short} ")), short)


_HONORIFIC_SURNAME = re.compile(rf"(?P<title>{_TITLE})\s+(?P<surname>[A-Z][\w'’-]+)")
_HE_OR_SHE = re.compile(r"\b(?:(?P<he>[Hh]e|[Hh]is|[Hh]im)|[Ss]he|[Hh]ers?)\b")


def _honorific_full_name(speaker: str, text: str) -> str:
    """"Dr. Jong" as "Dr. Elaine C. Jong" where the article names one person of that surname in full (a given name
    before it); for "Mr."/"Mrs."/"Ms.", only where the first he or she after that name agrees ("Mrs. Gore" is not
    "Al Gore, … his"). ``speaker`` when it is not a title and a surname, or the article names no one so."""
    if not (match := _HONORIFIC_SURNAME.fullmatch(speaker)):
        return speaker
    surname = re.escape(match.group("surname"))
    full = {m.group(1): m.end() for m in re.finditer(rf"(?<![\w.])((?:[A-Z][a-z]+)(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z]+)?\s+{surname})(?![\w'’-])", text)}
    named = {name.split()[0] for name in full}
    if len(named) != 1 or next(iter(named)) in _NOT_SPEAKERS or _BARE_TITLE.fullmatch(next(iter(named))):
        return speaker
    name = max(full, key=len)
    if gendered := _GENDERED_TITLE.match(speaker):
        pronoun = _HE_OR_SHE.search(text, full[name], full[name] + 150)
        if not pronoun or bool(pronoun.group("he")) != (gendered.group(1) == "Mr"):
            return speaker
    return f"{match.group('title')} {name}"


def find_quotes(corpus: Corpus, families: dict[str, int]) -> list[dict]:
    """Direct quotes with their speakers, one entry per quote across outlets."""
    order = {a.article.id: k for k, a in enumerate(corpus.articles)}
    by_article: dict[str, list] = {}
    for sentence in corpus.sentences:
        by_article.setdefault(sentence.article, []).append(sentence)
    found: list[dict] = []
    vocabulary: dict[str, int] = {}  # the quotes' words, numbered for _word_bits
    for clean in corpus.articles:
        sentences = by_article.get(clean.article.id, [])
        if not sentences:
            continue
        starts = [s.start for s in sentences]
        text = clean.article.text
        named = _NamesMet(text)  # full names met so far in the article, latest last
        described: str | None = None  # the latest unnamed speaker ("the coalition commander"), for "he said"
        seen_upto = 0
        for block_start, block_end in clean.blocks:
            block = text[block_start:block_end]
            if not _HAS_QUOTE_MARK.search(block):
                continue  # most paragraphs quote nobody: skip the costlier patterns
            previous: _Previous | None = None
            for match in _QUOTE.finditer(block):
                body = _clean_quote(match.group("a") or match.group("b") or match.group("c") or match.group("c2") or "")
                position = block_start + match.start()
                named.passed(seen_upto, position)
                seen_upto = max(seen_upto, block_start + match.end())
                if previous and _continues(previous, block, match.start(), body):
                    # "If you cook them," Ward said, "you kill the germs.": one quote, split by its attribution
                    body, position, speaker, role, attributed = _joined(previous.body, body), previous.position, previous.speaker, previous.role, previous.attributed
                    if previous.entry is not None and found and found[-1] is previous.entry:
                        found.pop()
                else:
                    # a quote within the quote may end with it (``…called it `a trap,''' Lee said): that last mark is no attribution
                    after = block[match.end() : match.end() + 200].removeprefix("'")
                    speaker, role, pronoun = _speaker(block[: match.start()], after, body.endswith("."))
                    role = _short_role(role)
                    if not (speaker or role or pronoun) and previous and previous.attribution_end == match.start():
                        speaker, role = previous.speaker, previous.role  # "…," said X. "…" — X goes on speaking
                    elif speaker and (" " not in speaker or speaker[0].islower()):  # "Kemp", "de Gelder": the full name met earlier
                        speaker = _full_name(speaker, named.list())
                    elif speaker:
                        speaker = _honorific_full_name(speaker, text)
                    elif pronoun:
                        speaker = named.latest(pronoun)
                        role = role if speaker else described
                    if speaker:
                        named.add(speaker)
                    elif role:
                        described = role
                    attributed = bool(speaker or role or pronoun)  # "…," he said counts, named or not
                previous = _Previous(match.end(), _attribution_end(block, match.end()), body, position, speaker, role, attributed, None)
                k = bisect_right(starts, position) - 1
                if k < 0 or not (sentences[k].start <= position < sentences[k].end):
                    continue  # the quote sits in a span cleaning dropped (a caption, a fragment)
                if _words(body) < MIN_QUOTE_WORDS or _is_fragment(block, match.start(), body):
                    continue
                previous.entry = {
                    "speaker": speaker,
                    "role": role,
                    "text": body,
                    "sources": [clean.article.id],
                    "evidence": [{"article": clean.article.id, "sentence": sentences[k].index, "start": sentences[k].start, "end": sentences[k].end}],
                    "_attributed": attributed,
                    "_normal": (normal := _normal(body)),
                    "_words": (bits := _word_bits(normal.split(), vocabulary)),
                    "_count": bits.bit_count(),
                }
                found.append(previous.entry)
    groups: list[dict] = []
    candidates = _Candidates(found)
    for quote in found:
        same = next(
            (groups[k] for k in candidates.of(quote) if _may_match(groups[k], quote) and _same_quote(groups[k]["_normal"], quote["_normal"])),
            None,
        )
        if same is None:
            quote["_group"] = len(groups)
            candidates.index(len(groups), quote)
            groups.append(quote)
            continue
        for article in quote["sources"]:
            if article not in same["sources"]:
                same["sources"].append(article)
        same["evidence"].extend(e for e in quote["evidence"] if e not in same["evidence"])
        same["_attributed"] = same["_attributed"] or quote["_attributed"]
        if len(quote["text"]) > len(same["text"]):
            same["text"], same["_normal"], same["_words"], same["_count"] = quote["text"], quote["_normal"], quote["_words"], quote["_count"]
            candidates.index(same["_group"], quote)
        if quote["speaker"] and (not same["speaker"] or _names_more(quote["speaker"], same["speaker"])):
            same["speaker"], same["role"] = quote["speaker"], quote["role"] or same["role"]
        elif not same["role"] and quote["role"]:
            same["role"] = quote["role"]
    groups = [g for g in groups if g["_attributed"] or (_words(g["text"]) >= UNATTRIBUTED_MIN_WORDS and not g["text"][0].islower())]
    for group in groups:
        group["sources"].sort(key=lambda a: order.get(a, 0))
        group["_independent"] = len({families.get(a, a) for a in group["sources"]})
    ranked = sorted(range(len(groups)), key=lambda i: (-groups[i]["_independent"], i))[:MAX_QUOTES]
    return [{k: v for k, v in groups[i].items() if not k.startswith("_")} for i in ranked]


@dataclass
class _Previous:
    """The quote met just before in the same block: its speaker for the next quote, and its text and
    entry for a continuation that the attribution splits off."""

    end: int  # where its closing mark ends in the block
    attribution_end: int  # where a next quote of the same speaker would start
    body: str
    position: int
    speaker: str | None
    role: str | None
    attributed: bool
    entry: dict | None


# Between the two parts of one split quote: its attribution alone ("," Ward said, ""), no full stop;
# not "," Haley said, adding, "…" or "," Lee said, if it holds, "…", where the reporter's words come between.
_SPLIT_BY = re.compile(r"\s*,?\s*[^.;:“”\"`']{1,120}?,\s*")
_REPORTER_BETWEEN = re.compile(r"\badding\b|,\s+(?:if|when|while|because|although|as|and|but|so)\b")

def _continues(previous: _Previous, block: str, start: int, body: str) -> bool:
    """A quote opening in lower case right after the previous one's attribution goes on with its
    sentence: "Even under duress," Jackson said, "those who uphold the law…"."""
    if not body[:1].islower() or previous.body[:1].islower() or not previous.attributed or previous.body.endswith((".", "?", "!")):
        return False
    return bool(_SPLIT_BY.fullmatch(block, previous.end, start)) and not _REPORTER_BETWEEN.search(block, previous.end, start)


def _joined(first: str, rest: str) -> str:
    return f"{first} {rest}" if first.endswith((",", ";", ":", "-", "—", "…")) else f"{first}, {rest}"


# A speech verb before a quote opening in lower case makes it a statement: 'Biden said “we are not…”',
# 'told the agency on Monday that “we…”'.
_SAID_BEFORE = re.compile(rf"{_VERB}(?:\s+[^.;:“”\"]{{0,60}}?\s+that)?\s*[:,]?\s*$")
# So does one opening clause of the sentence ending in a comma: 'Still, “she was…,” says…'; an
# apposition's closing comma does not ('Her husband, Vice President Al Gore, “will fight…”').
_OPENING_CLAUSE = re.compile(r"(?:^|[.!?][\"”'’]*\s+)(?P<clause>[^,.!?;:“”\"]{1,120}),\s*$")


def _is_fragment(block: str, start: int, body: str) -> bool:
    """A quote opening in lower case after other words of the reporter's sentence is a phrase in it
    ('urged students to wear "more moderate clothes"', 'was a "liar"'), not a statement."""
    if not body[:1].islower():
        return False
    window = max(0, start - 200)
    return not (_SAID_BEFORE.search(block, window, start) or _OPENING_CLAUSE.search(block, window, start))

# The attribution's full stop is not the one of a title ("St. Clair said.", "the Rev. Ann Lee told…"); a lone
# apostrophe is no quote mark ("said the mother, whose name was withheld to protect her son's identity.").
_NOT_ABBREVIATION = "".join(rf"(?<!\b{short}\.)" for short in ("Mr", "Ms", "Mrs", "Dr", "St", "Rev", "Sen", "Rep", "Gov", "Gen", "Col", "Lt", "Sgt", "Capt", "Maj", "Prof", "Jr", "Sr"))
_ATTRIBUTION = re.compile(rf"(?:[^“\"`']|'(?!')|`(?!`))*?(?:\.(?<![A-Z]\.){_NOT_ABBREVIATION}\s*|\.\s*(?=[“\"`'])|$)")


def _attribution_end(block: str, end: int) -> int:
    """Where the next quote of the same speaker would start: after the attribution's full stop."""
    match = _ATTRIBUTION.match(block, end)
    return match.end() if match else end


def _word_bits(words: list[str], vocabulary: dict[str, int]) -> int:
    """The set of a quote's words as the bits of an int (word → bit from ``vocabulary``, grown here):
    intersecting two of them is one machine operation, not a new set."""
    bits = 0
    for word in words:
        bits |= 1 << vocabulary.setdefault(word, len(vocabulary))
    return bits


def _may_match(a: dict, b: dict) -> bool:
    """Cheap pre-check before the fuzzy ratios: the same quote shares most of the shorter one's words
    (none shared: no match, also when one of them has no words)."""
    shared = (a["_words"] & b["_words"]).bit_count()
    return shared > 0 and shared >= QUICK_WORD_SHARE * min(a["_count"], b["_count"])


class _Candidates:
    """The groups a quote could join, found without testing every group (a brief of 1,000 articles has
    thousands of quotes). ``_may_match`` needs shared ≥ QUICK_WORD_SHARE of the shorter quote's words,
    so with words ordered rarest first (prefix filtering, as in similarity joins) a match shares one of
    the shorter side's rarest ``n - ceil(share·n) + 1`` words: the quote's prefix is looked up among all
    words of the groups, and all its words among the groups' prefixes. The result is a superset of the
    matching groups, in group order, so the first real match is the one a full scan would find."""

    def __init__(self, quotes: list[dict]) -> None:
        words = [set(quote["_normal"].split()) for quote in quotes]
        frequency = Counter(word for found in words for word in found)
        # each quote's words, rarest first, and how many of them form its prefix
        self.ordered = {
            id(quote): (ranked := sorted(found, key=lambda w: (frequency[w], w)), len(ranked) - math.ceil(QUICK_WORD_SHARE * len(ranked)) + 1)
            for quote, found in zip(quotes, words)
        }
        self.by_word: dict[str, set[int]] = defaultdict(set)  # word → groups holding it
        self.by_prefix: dict[str, set[int]] = defaultdict(set)  # word → groups with it among their rarest

    def of(self, quote: dict) -> list[int]:
        ranked, keep = self.ordered[id(quote)]
        found: set[int] = set()
        for word in ranked[:keep]:
            found.update(self.by_word.get(word, ()))
        for word in ranked:
            found.update(self.by_prefix.get(word, ()))
        return sorted(found)

    def index(self, group: int, quote: dict) -> None:
        """Record ``quote``'s words under ``group`` (also when a group takes a longer text: the old
        words stay, which only adds candidates)."""
        ranked, keep = self.ordered[id(quote)]
        for word in ranked:
            self.by_word[word].add(group)
        for word in ranked[:keep]:
            self.by_prefix[word].add(group)


def _same_quote(a: str, b: str) -> bool:
    if a == b or fuzz.ratio(a, b) >= SAME_QUOTE_RATIO:
        return True
    return min(_words(a), _words(b)) >= PART_MIN_WORDS and fuzz.partial_ratio(a, b) >= PART_QUOTE_RATIO


# Titles a speaker's name may open with, as a reader would write them in a role ("Col." → "Colonel");
# courtesy titles (Mr, Mrs, Ms) say nothing a role needs and are dropped.
_SPOKEN_TITLES = {
    "Col.": "Colonel", "Gen.": "General", "Lt.": "Lieutenant", "Capt.": "Captain", "Sgt.": "Sergeant", "Maj.": "Major",
    "Pfc.": "Private", "Spc.": "Specialist", "Cpl.": "Corporal", "Adm.": "Admiral", "Sen.": "Senator",
    "Rep.": "Representative", "Gov.": "Governor", "Prof.": "Professor", "Rev.": "Reverend", "Insp.": "Inspector",
    "Det.": "Detective", "Dr.": "Dr.", "Dr": "Dr.",
    **{word: word for word in ("Colonel", "General", "Lieutenant", "President", "Inspector", "Chief", "Captain", "Sheriff",
                               "Mayor", "Minister", "Senator", "Judge", "Sergeant", "Governor", "Major")},
    **{word: "" for word in ("Mr.", "Mrs.", "Ms.", "Mr", "Mrs", "Ms")},
}  # fmt: skip


def _without_titles(speaker: str) -> tuple[str, str]:
    """(the name, its titles as a role would write them): "Lt. Col. Ann Ruiz" → ("Ann Ruiz", "Lieutenant Colonel")."""
    words = speaker.split()
    titles = []
    while len(words) > 1 and words[0] in _SPOKEN_TITLES:
        titles.append(_SPOKEN_TITLES[words.pop(0)])
    return " ".join(words), " ".join(t for t in titles if t)


def _names_more(speaker: str, other: str) -> bool:
    """Whether ``speaker`` is a full name ("Judy Shepard") of whom ``other`` gives only a title and the
    surname ("Mrs. Shepard"): one outlet's "Mrs. Shepard said" must not hide another's full name."""
    full, bare = _without_titles(speaker)[0].split(), _without_titles(other)[0].split()
    return len(bare) == 1 and len(full) > 1 and full[-1] == bare[0]


def name_speakers(quotes: list[dict], entities: list[dict]) -> list[dict]:
    """The quotes with each speaker under the name the entity list gives that person ("Col. Ryan
    Dillon" and "Colonel Ryan Dillon" → "Ryan Dillon", the title going into the role), so a reader can
    match a quote to its entry. A speaker the list does not hold keeps a full name without its titles;
    a surname no entity owns alone ("Mrs. Gore" beside two Gores) stays as written, even where the entity
    list gives it to the most named of them: the one quoted is often another ("Shepard said" of the
    victim's father). "Dr." goes into the role only where the text gives none ("Dr., a psychologist" says nothing more).
    An untyped entry that a quote's speaker names in full becomes a person: the two sections agree on who is one."""
    names: dict[str, str] = {}  # every spelling of a listed person or untyped name → the name listed
    untyped: dict[str, dict] = {}  # the name listed → its entry, for those typed "other"
    by_surname: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        if entity["type"] in ("person", "other"):
            if entity["type"] == "other":
                untyped[entity["name"]] = entity
            for form in (entity["name"], *entity["variants"]):
                names[form.lower()] = entity["name"]
                if " " in form:
                    by_surname[form.split()[-1].lower()].add(entity["name"])
    for quote in quotes:
        if not quote["speaker"]:
            continue
        bare, title = _without_titles(quote["speaker"])
        key = bare.lower()
        if " " in bare:
            listed = names.get(key, bare)
        elif len(owners := by_surname.get(key, set())) == 1:
            listed = next(iter(owners))  # "Mr. Dillon" → "Ryan Dillon"
        elif owners or key not in names:
            continue  # "Mrs. Gore" beside Al and Tipper Gore: the title is all that tells the reader who is meant
        else:
            listed = names[key]
        quote["speaker"] = listed
        if listed in untyped and full_name_of_person(listed):
            untyped.pop(listed)["type"] = "person"  # "Ann Roe" (or "Roe" of her) typed nothing, and is quoted speaking
        if title and title.lower() not in (quote["role"] or "").lower() and not (quote["role"] and title == "Dr."):
            quote["role"] = f"{title}, {quote['role']}" if quote["role"] else title  # "Colonel, a coalition spokesman"
    return quotes
