"""Conflicts: the same quantity or state reported differently by different sources.

Numbers. Every quantity in a sentence becomes a *mention*: an interval (``about`` widens it by
ABOUT_TOLERANCE, ``up to``/``more than`` open one side, ``between``/``200-300`` give both ends), a unit
(metres, hours, litres, %, a currency, or the counted thing's head noun mapped to a class: fighters,
militants, extremists and jihadists are one class; passengers, workers, residents… are kinds of people; "deaths",
"arrests" are people killed, arrested)
and its clause's *event* (freed, killed, remaining, surrendered, stored…; a sum's event is in the few
words beside it: "cost $2 million", "$25 billion in damage").
Two mentions are about the same thing when unit and event agree, their head modifiers do not clash
(local/foreign, a debt/a reserve), the things counted are in no different state (standing empty/under
construction), neither is the part a later clause splits the other into ("two viruses, one of which …")
and their sentences share context terms; they conflict when their intervals are disjoint but within
MAX_CLASH_RATIO of each other, and a dispute lists at most MAX_CLAIMS figures. Figures of different years
(named in the sentence, else the report's), or summed over periods of different length ("over three
years", "last summer"), or of a different number of incidents ("an explosion" against "two explosions"), or
of "the latest" of a series against a figure not so marked, are never one quantity.
Precision first: a mention with no recognisable unit or event is never compared.

Status. Completion ("fully reopened", "control of the whole city") against incompleteness ("one lane
will stay closed", "10% of the city that has to be cleared") in one frame (open/closed, control,
rescue, power…), about a shared subject; forecasts ("expected to", "likely to") are not claims.

Each claim carries its speaker ("said Col. Ryan Dillon", "the fire service said", "according to X").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from synoptic.analyze.sentences import Corpus
from synoptic.analyze.tokens import STOPWORDS, content_terms, stem
from synoptic.compare.scan import either_case, ignoring_case, lower_keeps_letters, texts_holding
from synoptic.model import Sentence

# --- calibrated thresholds (seeds, the sample, the labelled set in tests/compare/labelled) -------------
ABOUT_TOLERANCE = 0.10  # "about 200" = 180-220; "about 30" vs "41" is a conflict, "about 40" vs "41" is not
ROUND_TOLERANCE = 0.05  # a bare round figure ("200 metres") is itself a rounding
# A single digit of millions or more ("$4 trillion", "2 million") is as loose as "about" it: "$4 trillion" stands
# for the "$4.4 trillion" another report gives (duc2006: one projected surplus, the only dev dispute this changes).
# Not half a unit of the scale: "$1 trillion" would then reach down to $550 billion, near enough to another sum
# ($179 billion of interest, on the same cluster) to make a dispute of two things. Two digits ("$25 billion") and
# "a thousand" stay ±5%.
SCALED_ROUND_FROM = 1e6
NEARLY_TOLERANCE = 0.10  # "nearly 300" = 270-300
# Sentences about the same quantity share ≥ 1 context term beyond the number and its unit ("coach",
# "road", "city"). Mentions with no event are never compared: on TAC 2010, 44 of the 70 conflicts found
# before came from such mentions ("miles away", "nature reserve", barrels, percentages of different
# things), and none of the labelled set's conflicts needed them.
MIN_CONTEXT_SHARED = 1
MIN_STATUS_SUBJECT_SHARED = 1  # shared subject terms (after SUBJECT_CLASSES) for a status conflict
MAX_CONFLICTS = 10
# Figures for one quantity that sources dispute lie within a few times of each other (the labelled set's
# widest: 45 vs at least 120 dead, 2.7x; the seeds: about 100 vs 200-300 fighters, 1.8x). On TAC 2010,
# pairs further apart were other quantities of the same kind: 81 pandas in one centre vs 1,590 in the wild.
MAX_CLASH_RATIO = 4.0
# A dispute has a few versions. More distinct figures for "people killed" are a series of incidents or a
# running toll (TAC 2010: avalanches in several valleys, seven tolls), not one figure in dispute.
MAX_CLAIMS = 4

# --- lexicons -----------------------------------------------------------------------------------------
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}
_MULTIPLIERS = ("hundred", "dozen")  # "two hundred", "two dozen": the number before them times theirs
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "m": 1e6, "bn": 1e9, "k": 1e3}
# unit word → (dimension, factor to the dimension's base unit)
UNITS = {
    "metre": ("length", 1.0), "meter": ("length", 1.0), "m": ("length", 1.0), "kilometre": ("length", 1000.0),
    "kilometer": ("length", 1000.0), "km": ("length", 1000.0), "mile": ("length", 1609.34),
    "foot": ("length", 0.3048), "feet": ("length", 0.3048), "ft": ("length", 0.3048), "yard": ("length", 0.9144),
    "centimetre": ("length", 0.01), "cm": ("length", 0.01), "inch": ("length", 0.0254), "inches": ("length", 0.0254),
    "hour": ("time", 1.0), "minute": ("time", 1 / 60), "day": ("time", 24.0), "week": ("time", 168.0),
    "tonne": ("mass", 1000.0), "ton": ("mass", 1000.0), "kilogram": ("mass", 1.0), "kg": ("mass", 1.0),
    "hectare": ("area", 1.0), "acre": ("area", 0.404686), "square kilometre": ("area", 100.0),
    "litre": ("volume", 1.0), "liter": ("volume", 1.0), "gallon": ("volume", 3.785),
    "percent": ("percent", 1.0), "per cent": ("percent", 1.0), "%": ("percent", 1.0),
    "dollar": ("usd", 1.0), "$": ("usd", 1.0), "euro": ("eur", 1.0), "€": ("eur", 1.0), "pound": ("gbp", 1.0),
    "£": ("gbp", 1.0),
}
# Counted things that are one class (stems of tokens.stem): a report's "fighters" are another's "jihadists".
HEAD_CLASSES = {
    name: {stem(w) for w in words.split()}
    for name, words in {
        "combatant": "fighters militants extremists jihadists jihadis insurgents gunmen rebels guerrillas",
        "people": "people persons",
        "troop": "soldiers troops",
        "home": "homes houses buildings properties",
    }.items()
}
_HEAD_CLASS = {member: name for name, members in HEAD_CLASSES.items() for member in members}
# Kinds of people a story counts as a whole (stems): "58 passengers" and "at least 70 people" aboard one ferry
# are one quantity, but "14 workers" and "12 residents" are two. Not children, women or the like, which a
# report names as a part of its toll ("six people, including two children").
PEOPLE_KINDS = {stem(w) for w in "passengers workers employees residents villagers miners tourists pilgrims "
                "migrants refugees students fans spectators patients".split()}
# What happened to the counted things (cue stems in the number's clause). Different events = different
# quantities: "275 extremists surrendered" is not "200-300 jihadists remain".
EVENTS = {
    "remain": "remain remains remained left leaving holed still holding defend defending hardcore stand trapped",
    "surrender": "surrender surrendered quit fled flee evacuated withdrew withdrawn escaped",
    "killed": "killed dead died death deaths toll bodies fatalities",
    "injured": "injured injuries wounded hurt hospital hospitalised treated",
    "freed": "freed rescued brought pulled hauled lifted saved released",
    "arrested": "arrested detained captured custody",
    "missing": "missing unaccounted",
    "buried": "buried covered blocked",
    "duration": "took spent",  # not "lasted": it stems to "last", as in "the last of them"
    "cost": "cost costs spent paid funding budget damage",  # not "price": one item's, not the story's sum
    "evacuated": "evacuated displaced homeless",
    "took part": "attended attending crowd joined walked strike striking walkout participated marched responded responses",  # not
    # "protesters": its stem is "protest", and "killing five officers during a protest" is no taking part
    "turnout": "turnout",
    # workers a strike or a closure puts out of work: "idled 122,400 GM workers", "lay off 177,775 workers"
    # (not "taking part", which "strike" in the same clause gives them too)
    "laid off": "idled laid lay layoffs furloughed",
    # people travelling ("1,200 passengers used the crossing"); not "aboard" or "carried": on tac2010_A
    # they joined four men aboard one boat and three aboard another, and the helicopters of two rescues
    "travelled": "crossing crossed travelled traveled travelling flew sailed rode",
    # how high a river stood: "peaked at 5.2 metres", "4.6 metres at the Marrowford gauge"
    "level": "peaked crest crested gauge",
    # goods kept in one place: "1.2 million litres were stored on the site"; the cues are candidates, _STORED
    # confirms ("killed at the site" is no store). Not people aboard ("carrying 100 passengers", "109 people on
    # board"): on duc2006 that took passengers for all aboard, crew too, and one submarine's 69 sailors for
    # another's 118
    "stored": "stored site premises",
}
# What happens to people or things counted, never to a length, a sum or a share.
COUNTED_EVENTS = {"remain", "surrender", "killed", "injured", "freed", "arrested", "missing", "evacuated", "took part",
                  "travelled", "laid off"}
LEVEL_EVENTS = {"level"}  # a height of water: a length, never a poll's "peak" share or a mine's tons
STORED_EVENTS = {"stored"}  # of a volume or a weight: not people, a length, a sum or a share
_STORED_DIMENSIONS = {"volume", "mass"}
_STORED = re.compile(r"\bstored\b|\b(?:was|were)\s+(?:on|at)\s+the\s+(?:site|premises)\b", re.IGNORECASE)
# What is spent is a sum, and what takes long a time (or a count taken: "took two hostages"): on duc2006
# "cost" (from "price", "budget") made a stock's 18% rise and a 5% rise in labour costs one quantity, and
# "took" a probe's two distances ("took measurements … 218 miles above").
SPENT_EVENTS = {"cost"}
TAKEN_EVENTS = {"duration"}
# Running counts: reported on different days, they are updates, not disputes. Lay-offs grow as a strike goes on
# (duc2006: 122,400 idled in its third week, 161,000 in its fifth, nearly 200,000 at its end).
EVOLVING_EVENTS = {"killed", "injured", "missing", "freed", "arrested", "evacuated", "laid off"}
# Counts named by what happened to people ("61 deaths", "120 arrests", "3,000 responses" to a consultation): so
# many people killed, arrested, taking part, as another report says it ("40 people were killed", "1,800 people
# responded"). Not "bodies" (those found, a part of the dead) nor "casualties" (the dead and the hurt together).
# On the five dev sets 62 figures become counts of people (48 deaths, 9 arrests, 5 injuries); no dispute changes.
EVENT_NOUNS = {stem(noun): event for noun, event in {
    "deaths": "killed", "fatalities": "killed", "injuries": "injured", "arrests": "arrested", "responses": "took part",
}.items()}
_EVENT_OF: dict[str, set[str]] = {}
for _event, _cues in EVENTS.items():
    for _cue in _cues.split():
        _EVENT_OF.setdefault(stem(_cue), set()).add(_event)
_EVENT_TERMS = frozenset(_EVENT_OF)
CONTRASTS = [{"local", "foreign"}, {"syrian", "foreign"}, {"adult", "child", "children"},
             {"civilian", "military"}, {"domestic", "international"}, {"male", "female"},
             # balances of different kinds (stems): a debt is no surplus, nor a year's deficit a reserve (duc2006:
             # a $4.854 trillion reserve against a $3.7 trillion debt was the only dev dispute this removes)
             {"debt", "deficit", "surplus", "reserv"}]

_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
# Case-insensitive throughout; the qualifiers and number words, tried at every word, through
# ignoring_case (a fifth faster on TAC 2010 than re.IGNORECASE over the whole pattern).
# A number in words is composed as it is said: tens and a unit joined by a hyphen ("twenty-five", not the
# range 20-5), times a hundred or a dozen ("two hundred", "two dozen", not 2; "a hundred"), and "a" counts
# one (and "half a" one half) only before a multiplier or a scale ("a thousand", "half a million"); _SCALE
# then reads "three million". On the dev sets this reads 20 of 17,243 sentences' figures anew, 19 of them
# right ("Twenty-two pandas" was 2 to 20, "three dozen countries" 3, "half a million" nothing); the other is
# an idiom ("death by a thousand cuts").
_TENS = [w for w, n in _WORD_NUMBERS.items() if 20 <= n < 100]
_UNITS_WORDS = [w for w, n in _WORD_NUMBERS.items() if n < 10]
_SMALL = sorted((w for w, n in _WORD_NUMBERS.items() if n < 20 and w not in _MULTIPLIERS), key=len, reverse=True)
_WORD_FIGURE = (
    "(?:(?:" + ignoring_case(*_TENS) + ")(?:-(?:" + ignoring_case(*_UNITS_WORDS) + r"))?\b|(?:" + ignoring_case(*_SMALL) + r")\b"
    + "|(?:" + ignoring_case("half") + r"\s+)?" + ignoring_case("a") + r"(?=\s+(?i:hundred|dozen|thousand|million|billion)\b))"
)
_WORDNUM = "(?:" + _WORD_FIGURE + r"(?:\s+(?:" + ignoring_case(*_MULTIPLIERS) + r")\b)?|" + ignoring_case(*_MULTIPLIERS) + ")"
_VALUE = rf"(?:{_NUM}|{_WORDNUM})"
_SCALE = r"(?i:\s*(?:thousand|million|billion|trillion|bn|m|k)\b)?"
_QUAL = "(?P<qual>" + ignoring_case(
    "about", "around", "approximately", "roughly", "some", "nearly", "almost", r"close\s+to", r"up\s+to", r"as\s+many\s+as",
    r"more\s+than", "over", r"at\s+least", r"fewer\s+than", r"less\s+than", "under", "between",
) + r")\s+"
_QUANTITY = re.compile(
    rf"(?<![\w$£€.,:/-])(?:{_QUAL})?(?P<cur>[$£€])?(?P<a>{_VALUE})(?P<sa>{_SCALE})"
    rf"(?i:\s*(?:-|–|to|and)\s*[$£€]?(?P<b>{_VALUE})(?P<sb>{_SCALE}))?"
    rf"(?P<after>(?i:\s*%|\s+per\s*cent|\s+percent)?)(?![\w:]|[.,]\d)"
)
_SKIP_BEFORE = re.compile(r"(?:\b[A-Z][a-z]+\.?|No\.|number|aged|age|since|Route|page|\d)\s*$")
# Capitalised words that start a sentence's figure rather than name a thing it numbers ("Route 9", "March 3"):
# "Only 1,800 people responded", "Just 500 workers joined". ("Another 12" stays skipped: an increment, no total.)
_NOT_NAMES = frozenset({"Only", "Just", "Exactly", "Precisely", "Barely", "All", "Fully"})
_CLAUSE_BREAK = re.compile(r"[,;][”\"’]?\s|\s[-–—]\s|:\s")
_NO_HEAD = {"of", "o'clock", "am", "pm", "years-old", "year-old", "percent"}
NOT_COUNTED = {"times", "years", "months", "decades", "centuries", "points", "votes", "others"}  # not a tally of things
_PLURAL_IRREGULAR = {"people", "men", "women", "children", "police", "staff", "personnel", "gunmen", "feet"}

# --- attribution ----------------------------------------------------------------------------------------
_TITLE = r"(?:(?:Col|Gen|Lt|Capt|Sgt|Maj|Dr|Mr|Mrs|Ms|Prof|Insp|Sen|Gov)\.?\s+|(?:Colonel|General|Inspector|Chief|Captain|Doctor|Dr)\s+)"
_NAME = rf"{_TITLE}?[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){{0,3}}"
_BODY = r"(?:the\s+|an?\s+)(?:[A-Z][\w.-]*\s+|[a-z][\w.-]*\s+){0,6}?(?:[A-Z][\w.-]*|spokes(?:man|woman|person)|commander|officials?|police|service|authority|army|ministry|government|military|coalition|agency|council)"
# "X told the court": after "told" comes the listener, so the verb-first pattern leaves it out.
_SAID_BEFORE_NAME = r"(?:said|says|has\s+said|had\s+said|added|noted|explained|stated|reported|announced)"
_SAID = rf"(?:told|{_SAID_BEFORE_NAME})"
# A job named before a name, without a comma: "Council leader Tom Price said", "Fire chief Ann Lowe told".
_JOB = r"(?:[A-Z][\w.-]*\s+){1,3}(?:[a-z]+\s+)?(?:leader|chief|spokes(?:man|woman|person)|director|minister|secretary|commander|officer|chair(?:man|woman)?|manager)\s+"
# A verb-first speaker is a name that ends its clause ("…, said Mustafa Bali, a spokesman", "said Smith on Monday"),
# or a body's with its job after it ("said Iran's Foreign Ministry spokesman, …"), not a clause's subject ("said
# Dutch law permits", "said Monday's call volume was heavier"); the verb is a word of its own, not the end of one
# ("the devastated Arop village"). On the dev sets these were 10 of the 154 speakers of sentences with a compared
# figure, all wrong.
_NAME_ENDS = r"(?=\s*(?:[,.;!?)”\"]|$)|\s+(?:who|on|in|at|of|from|after|when|during|yesterday|today|tonight|last|spokes(?:man|woman|person)|officials?)\b)"
# An organisation's name goes on past its first capitalised word: "according to the World Health Organization", "the
# Texas Department of Criminal Justice", "the US Food and Drug Administration's" (the dev sets' sources were cut
# to "the World", "the Texas", "the US" 12 times).
_NAME_GOES_ON = r"(?:\s+(?:(?:of|for|and)\s+(?:the\s+)?)?[A-Z][\w.'’-]*)*"
_ATTRIBUTION = [
    re.compile(rf"\b{_SAID_BEFORE_NAME}\s+(?P<who>{_NAME}){_NAME_ENDS}"),
    re.compile(rf"[,”\"]\s+(?P<who>{_NAME}|{_BODY})\s+{_SAID}\b"),
    re.compile(rf"according\s+to\s+(?P<who>{_NAME}|{_BODY}{_NAME_GOES_ON}|[^,.;]{{3,60}})"),
    re.compile(rf"^(?:But\s+|And\s+)?(?:{_JOB})?(?P<who>{_NAME})(?:,\s+[^,]{{3,90}},)?\s+{_SAID}\b"),
    re.compile(rf"^(?:But\s+|And\s+)?(?P<who>{_BODY}(?:\s+(?:for|of)\s+the\s+[\w.-]+(?:\s+[A-Z][\w.-]*)?)?)(?:\s+(?:that|who)\s+[^,]*?)?\s+{_SAID}\b"),
    re.compile(r"\b(?P<who>the\s+[A-Z][\w]+)\s+understands\b"),
]
_BAD_SPEAKER = {"The", "But", "And", "It", "He", "She", "They", "We", "I", "This", "That", "There", "In", "On", "As"}
# "an official said Friday", "party leaders said on Wednesday": when, not who (on TAC 2010, five of the
# conflicts' speakers were weekdays; a wrong speaker also made one article's figures look independent).
_WHEN_WORDS = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Today", "Yesterday", "Tonight",
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.", "Last", "Earlier", "Later",
}


def speaker_of(text: str) -> str | None:
    """Who the sentence attributes its statement to, or None."""
    for pattern in _ATTRIBUTION:
        match = pattern.search(text)
        if not match:
            continue
        who = re.sub(r"['’]s$", "", match.group("who").strip().rstrip(".,"))  # "the … Administration's latest figures"
        who = re.sub(r"^(?:But|And)\s+", "", who)
        if who.split()[0] in _WHEN_WORDS:
            continue
        if who.split()[0] in _BAD_SPEAKER and not who.startswith("The ") or who.lower() in ("he", "she", "they", "it"):
            continue
        if who.startswith("The ") and len(who.split()) == 1:
            continue
        return who[:1].upper() + who[1:] if who.startswith(("the ", "a ", "an ")) and pattern is _ATTRIBUTION[3] else who
    return None


# --- numbers ----------------------------------------------------------------------------------------------
def _number(text: str) -> float | None:
    words = text.lower().replace("-", " ").split()
    total, words = (0.5, words[2:]) if words[:2] == ["half", "a"] else (1.0, words[1:]) if words[:1] == ["a"] else (0.0, words)
    if (total or words) and all(w in _WORD_NUMBERS for w in words):
        for word in words:
            total = (total or 1.0) * _WORD_NUMBERS[word] if word in _MULTIPLIERS else total + _WORD_NUMBERS[word]
        return total
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def _scaled(value: float, scale: str) -> float:
    scale = scale.strip().lower()
    return value * _SCALES.get(scale, 1.0)


@dataclass
class Mention:
    sentence: int
    value: str  # the literal phrase
    low: float
    high: float
    dimension: str  # "length", "percent", "usd", … or "count:<class or head stem>"
    head: str
    modifiers: set[str]
    events: set[str]
    clause_terms: set[str]
    context: set[str] = field(default_factory=set)
    # a sum's own label: what it is ("budget", "revenu", "total") and the period it covers ("per year",
    # "last year", "2031"), from the words right after it; empty when not stated
    label: str = ""
    period: str = ""
    start: int = 0  # where the figure starts in its sentence
    cue: str = ""  # a sum's cost cue ("damag", "budget", "spent"): what the sum is
    # the states its words give the counted things ("standing empty", "under construction"; see _STATE)
    states: frozenset[str] = frozenset()
    # the parts a later clause splits it into: "two viruses, one of which came from …" → (1.0,)
    parts: tuple[float, ...] = ()
    listed: bool = False  # followed by another count it adds to: "115 passengers and six crew" (see _LISTED)


_MONEY = {"usd", "eur", "gbp"}
# "$5 trillion total", "$3.6 trillion in additional revenues", "18 million euros for the bridge"
_MONEY_LABEL = re.compile(r"\s*(?:(?:in|of|for)\s+(?:the\s+|a\s+|an\s+)?(?:[a-z]+\s+)?)?([a-z]{3,})\b(?![-'’])")
_MONEY_PERIOD = re.compile(
    r"\s*(?P<rate>(?:a|per|each|every)\s+(?:year|month|week|day)|annually)\b"
    r"|\s*(?P<named>(?:last|this|next)\s+(?:year|month))\b"
    r"|\s*(?P<until>by|through|until)\s+(?:the\s+end\s+of\s+)?(?:(?:fiscal\s+)?(?:year\s+)?)?(?P<end>(?:18|19|20)\d\d)\b"
    r"|\s*(?:in|for)\s+(?:(?:the\s+)?(?:fiscal\s+)?(?:year\s+)?)?(?P<year>(?:18|19|20)\d\d)\b"
    r"|\s*(?P<span>over\s+(?:the\s+|a\s+)?(?:next\s+|same\s+|coming\s+|past\s+|last\s+)?(?:\w+\s+)?(?:years?|decades?|period))\b"
)
# periods that sum several years: never the same quantity as a sum without the same period
_RUNNING = ("until ", "over ")
_MONEY_UNIT = re.compile(r"\s*(?:[A-Z.]{2,5}\s+)?(?:dollars?|euros?|pounds?)\b", re.IGNORECASE)


def _money_label_and_period(text: str, end: int) -> tuple[str, str]:
    """What a sum is of and for when (see Mention.label): "$6 trillion budget" is not "$5 trillion
    total", nor "$1 billion a year" "$750 million last year"."""
    unit = _MONEY_UNIT.match(text, end)
    end = unit.end() if unit else end
    period = _MONEY_PERIOD.match(text, end)
    if period:  # a label after the period is no label of the sum ("$6 trillion in the 2022 fiscal year")
        if period.group("rate"):
            return "", "per year"
        if period.group("span"):
            return "", "over " + " ".join(period.group("span").lower().split()[1:])
        if period.group("until"):
            return "", "until " + period.group("end")
        return "", (period.group("named") or period.group("year")).lower()
    label = _MONEY_LABEL.match(text, end)
    word = label.group(1) if label else ""
    return ("" if not word or word in STOPWORDS else stem(word)), ""


def _interval(qual: str, a: float, b: float | None, is_round: bool, scaled: bool = False) -> tuple[float, float]:
    """The values a figure allows; ``scaled``: a single digit of millions or more ("$4 trillion", see SCALED_ROUND_FROM)."""
    qual = " ".join(qual.lower().split())
    if b is not None:
        return min(a, b), max(a, b)
    if qual in ("about", "around", "approximately", "roughly", "some"):
        return a * (1 - ABOUT_TOLERANCE), a * (1 + ABOUT_TOLERANCE)
    if qual in ("nearly", "almost", "close to"):
        return a * (1 - NEARLY_TOLERANCE), a
    if qual in ("up to", "as many as", "fewer than", "less than", "under"):
        return 0.0, a
    if qual in ("more than", "over", "at least"):
        return a, float("inf")
    if is_round:
        tolerance = ABOUT_TOLERANCE if scaled else ROUND_TOLERANCE
        return a * (1 - tolerance), a * (1 + tolerance)
    return a, a


# Up to five words after a number, the last one before a phrase break (",", ".", "(" …) included. The
# possessive quantifiers keep a word whole where a break follows it: the look-ahead then ends the run.
_TAIL_WORDS = re.compile(r"(?:\s*+[A-Za-z][\w'’-]*+(?!\s*[,.;:)(])){0,4}(?:\s*+[A-Za-z][\w'’-]*+)?")


def _unit(text: str, end: int) -> tuple[str | None, float, str, list[str]]:
    """(dimension, factor, head stem, modifier words) from the words after a number ending at ``end``."""
    lowered = _TAIL_WORDS.match(text, end).group().lower().split()
    if not lowered or lowered[0] in _NO_HEAD:
        return None, 1.0, "", []
    for k, word in enumerate(lowered[:2]):
        two = " ".join(lowered[k:k + 2])
        for key in (two, word, word.rstrip("s"), word[:-2] if word.endswith("es") else word):
            if key in UNITS:
                dimension, factor = UNITS[key]
                return dimension, factor, key, lowered[:k]
    # a counted noun: the last plural-looking word of the noun run after the number ("13 giant pandas
    # protection zones" counts zones; words before the head are its modifiers)
    found = None
    for k, word in enumerate(lowered[:4]):
        if word in STOPWORDS:
            break
        if word in _PLURAL_IRREGULAR or (word.endswith("s") and not word.endswith("ss") and len(word) > 3):
            found = k
    if found is not None and lowered[found] not in NOT_COUNTED:
        head = stem(lowered[found])
        return "count:" + _HEAD_CLASS.get(head, head), 1.0, head, lowered[:found]
    return None, 1.0, "", []


def _clause(text: str, start: int, end: int) -> str:
    left = 0
    for m in _CLAUSE_BREAK.finditer(text, 0, start):
        left = m.end()
    m = _CLAUSE_BREAK.search(text, end)
    return text[left:m.start() if m else len(text)]


_LOOK_BACK = 60  # characters before a number that the skip rules read (an age's name, "Route", "No.")
_NAME_COMMA = re.compile(r"[A-Z][\w'’-]+,\s*$")  # "Rosa Pellew, 67": the number is an age…
# …but not after a place named after "in", "at"…: "In Kelham, 450 homes remain", which a fact would otherwise
# take to agree with "600 homes remain" (a word alone before the comma stays skipped: "Already, 78,000 refugees
# have fled" made a false dispute on duc2006 with "up to 20,000 refugees trying to flee")
_PLACE_COMMA = re.compile(r"\b(?:[Ii]n|[Aa]t|[Aa]cross|[Nn]ear|[Aa]round|[Tt]hroughout)\s+(?:[A-Z][\w'’-]+\s+)*[A-Z][\w'’-]+,\s*$")
_AND = re.compile(r"\band\b", re.I)
_PERCENT_OF = re.compile(r"\s+of\s+(?:the\s+)?([a-z][\w-]*)")  # "10% of the city"
_PARTITIVE = re.compile(r"\s*(?:of|o'clock)\b")  # "two of them", "nine o'clock"
# A figure its own clause hedges is a possibility, not a report ("will cost" stays: two budgets disagree).
# Lower case only: "May" is a month.
_HEDGED = re.compile(r"\b(?:could|might|may)\b")
_WHEN_NOT_HOW_LONG = re.compile(r"\s*\w+\s+(?:after|before|ago|later|earlier|since)\b")  # "four days after"
# "remains" as a noun, the dead's bodies ("retrieve the remains of 118 sailors"): no count of those still there.
# On duc2006 it made the crew whose remains were to be raised a month on a dispute with those trapped on the first day.
_REMAINS_NOUN = re.compile(r"\b(?:the|their|his|her|its|whose|human|mortal)\s+remains\b", re.IGNORECASE)
# The state the counted things are in, from the figure's own phrase (its clause, up to STATE_WORDS words on):
# homes "standing empty" are not the homes "under construction". Counts in different states are
# different quantities; a count with no state may be of any. On the five dev sets this removes one dispute
# (2,888 empty units against 5,892 under construction) and touches no other pair of figures.
STATE_WORDS = 8
_STATE = re.compile(
    r"\b(?:(?P<vacant>empty|vacant|unoccupied|unsold)"
    r"|(?P<unfinished>under\s+construction|being\s+(?:built|constructed)|half-built|unfinished|planned)"
    r"|(?P<finished>(?:fully|already|newly)\s+built|completed))\b",
    re.IGNORECASE,
)
# the content terms one of which a sentence holds where _STATE can match (a set look-up instead of a search)
_STATE_TERMS = frozenset(content_terms("empty vacant unoccupied unsold construction constructed built half-built unfinished planned completed"))
# A later clause that splits a count into parts: "took two viruses, one of which came from …". Another
# report's "took one virus from …" counts that part, not the whole. On the five dev sets this removes one
# dispute (that one) and keeps 20 pairs of no dispute apart (a toll of 257 whose next clause puts 11 of
# them in one country, beside other reports' 11 dead there).
_SPLIT = re.compile(rf"[^,.;]{{0,60}}?,\s+(?P<part>{_VALUE})\s+of\s+(?:which|whom|them)\b")


# A count listed with another that it adds to ("killing all 115 passengers and six crew members", "12 students
# and a teacher"): a part of the people counted, never the whole another report gives (tac2010_A:
# "all 121 people on board").
_LISTED = re.compile(rf"(?:\s+[A-Za-z][\w'’-]*){{1,3}}?\s+(?:and|plus)\s+(?:{_VALUE}|an?)\s")


def _states(text: str, start: int, end: int) -> frozenset[str]:
    """The states (see _STATE) the words from a figure starting at ``start`` and ending at ``end`` on to
    STATE_WORDS words after it, within its clause, give the things it counts."""
    stop = _CLAUSE_BREAK.search(text, end)
    phrase = " ".join(text[start : stop.start() if stop else len(text)].split()[: STATE_WORDS + 1])
    return frozenset(found.lastgroup for found in _STATE.finditer(phrase))


def _parts(text: str, end: int) -> tuple[float, ...]:
    """The part a later clause names of the count ending at ``end`` (see _SPLIT), if one does."""
    split = _SPLIT.match(text, end)
    part = _number(split.group("part")) if split else None
    return (part,) if part is not None else ()


def _ends_with_skip_word(before: str, stripped: str) -> bool:
    """``_SKIP_BEFORE.search(before)``, searched from the start of the last word (``stripped``:
    ``before.rstrip()``): its words hold no white space, so a match lies in the last one (a quarter
    of the time of a search from the start)."""
    last = stripped.rsplit(None, 1)
    return bool(last) and last[-1] not in _NOT_NAMES and _SKIP_BEFORE.search(before, len(stripped) - len(last[-1])) is not None


# A sum's event is in its own words: "cost $2 million", "spent $15,000", "damage estimated at $25
# billion", "$25 billion in damages", "a $6 trillion budget". A cue elsewhere in its clause is about
# something else: "a $1.9 trillion package to fix the damage that cost 10 million people their jobs".
# Three words either side: on the dev sets and duc2006 this removed 9 sum conflicts, 8 of them sums of
# different things (two packages, two funds, two couples' costs, a budget and a revenue).
SUM_CUE_WORDS = 3
_LAST_WORDS = re.compile(rf"(?:\S+\s+){{0,{SUM_CUE_WORDS}}}$")
_FIRST_WORDS = re.compile(rf"(?:\s*[^\s,;:.]+){{0,{SUM_CUE_WORDS}}}")


def _sum_cue(text: str, before: str, end: int) -> str:
    """The cost cue among a sum's nearest words (SUM_CUE_WORDS), the first after it before the last
    before it ("cost $2 million in damage": damage), or "" when none stands there."""
    after = [t for t in content_terms(_FIRST_WORDS.match(text, end).group()) if _EVENT_OF.get(t, set()) & SPENT_EVENTS]
    if after:
        return after[0]
    last_words = _LAST_WORDS.search(_CLAUSE_BREAK.split(before)[-1]).group()
    cues = [t for t in content_terms(last_words) if _EVENT_OF.get(t, set()) & SPENT_EVENTS]
    return cues[-1] if cues else ""


def _counted_terms(terms: list[str]) -> set[str]:
    """The terms that say what a number counts or where: not numbers, in digits or in words, nor their
    scales ("$33 million" and "$66 million" share no context through "million")."""
    return {t for t in terms if not t[:1].isdigit() and t not in _WORD_NUMBERS and t not in _SCALES}


def mentions_in(text: str, index: int = 0, terms: list[str] | None = None) -> list[Mention]:
    """Quantities in one sentence (see the module docstring); ``terms``: its content terms, if known."""
    found = []
    context: set[str] | None = None
    for match in _QUANTITY.finditer(text):
        before = text[max(0, match.start() - _LOOK_BACK) : match.start()]
        raw_a, raw_b = match.group("a"), match.group("b")
        a = _number(raw_a)
        if a is None:
            continue
        qual = match.group("qual") or ""
        if len(raw_a) == 4 and raw_a.isdigit() and 1800 <= a <= 2100 and not match.group("cur"):
            continue  # a year
        stripped = before.rstrip()
        if stripped.endswith("(") or _NAME_COMMA.search(before) and not _PLACE_COMMA.search(before):
            continue  # "7,000 hectares (17,290 acres)": a conversion; "Rosa Pellew, 67,": an age
        if not qual and _ends_with_skip_word(before, stripped) and not match.group("cur"):
            continue  # "Route 14", "Rosa Pellew, 67", "in 2014", "one of"
        if raw_b and qual.lower() != "between" and _AND.search(match.group(0), len(qual)):
            continue  # "two and three" in a list, not a range (ranges with "and" need "between")
        b = _number(raw_b) if raw_b else None
        a_val = _scaled(a, match.group("sa") or "")
        b_val = _scaled(b, match.group("sb") or match.group("sa") or "") if b is not None else None
        if match.group("after").strip():
            dimension, factor, modifiers = "percent", 1.0, []
            pct_of = _PERCENT_OF.match(text, match.end())
            head = stem(pct_of.group(1)) if pct_of else "%"  # "10% of the city": kept as a context term
        elif match.group("cur"):
            dimension, factor, head, modifiers = UNITS[match.group("cur")][0], 1.0, match.group("cur"), []
        else:
            dimension, factor, head, modifiers = _unit(text, match.end())
        if dimension is None:
            continue
        if _PARTITIVE.match(text, match.end()) and not dimension.startswith("percent"):
            continue  # partitive "two of them": not a total
        if dimension == "time" and _WHEN_NOT_HOW_LONG.match(text, match.end()):
            continue  # "four days after the slide": when, not how long
        if _HEDGED.search(_CLAUSE_BREAK.split(before)[-1]):
            continue  # "the toll could rise to 2,000", "the cost may exceed $15 billion": no figure yet
        # the figure as written: "2.5 million" is not round, "1 trillion" is ("$984 billion" is no dispute)
        scaled = bool((match.group("sa") or "").strip())
        is_round = b_val is None and (a >= 10 and a % 10 == 0 or a.is_integer() and scaled)
        scaled_whole = is_round and a < 10 and _scaled(1.0, match.group("sa")) >= SCALED_ROUND_FROM  # "$4 trillion"
        low, high = _interval(qual, a_val * factor, b_val * factor if b_val is not None else None, is_round, scaled_whole)
        if context is None:  # the sentence's terms, shared by all its mentions
            context = _counted_terms(terms or content_terms(text))
        clause = _clause(text, match.start(), match.end())
        clause_terms = context if clause == text else _counted_terms(content_terms(clause))  # a fifth are whole sentences
        events: set[str] = set()
        cue = ""
        if dimension in _MONEY:
            cue = _sum_cue(text, before, match.end())
            events = {"cost"} if cue else set()
        else:
            for term in clause_terms:
                events |= _EVENT_OF.get(term, set())
            events -= SPENT_EVENTS
            if "remain" in events and _REMAINS_NOUN.search(clause) and not any(
                "remain" in _EVENT_OF.get(term, ()) for term in content_terms(_REMAINS_NOUN.sub(" ", clause))
            ):
                events.discard("remain")  # only the noun: "the remains of 118 sailors"
        if not dimension.startswith("count:"):
            events -= COUNTED_EVENTS  # "killed in a village seven miles away": the miles were not killed
            if dimension != "time":
                events -= TAKEN_EVENTS
        if dimension != "length":
            events -= LEVEL_EVENTS
        if dimension.startswith("count:") and EVENT_NOUNS.get(head) in events:
            dimension = "count:people"  # "61 deaths": people killed
        if events & STORED_EVENTS and not (dimension in _STORED_DIMENSIONS and _STORED.search(clause)):
            events -= STORED_EVENTS
        value = " ".join(match.group(0).split())
        if not match.group("cur") and not match.group("after").strip() and (dimension.startswith("count:") or dimension in UNITS.get(head, ("", 0))[:1]):
            # the literal value reads better with its unit: "41 passengers", "about 200 metres" (a
            # currency sign or a % is the unit already: "$15,000", not "$15,000 and")
            take = len(modifiers) + 1
            words = text[match.end():].split(None, take)[:take]
            value = (value + " " + " ".join(words)).rstrip(",.;:")
        label, period = _money_label_and_period(text, match.end()) if dimension in _MONEY else ("", "")
        counted = dimension.startswith("count:")
        stated = counted and not _STATE_TERMS.isdisjoint(context)  # the sentence may say what state they are in
        states = _states(text, match.start(), match.end()) if stated else frozenset()
        parts = _parts(text, match.end()) if counted else ()
        listed = counted and _LISTED.match(text, match.end()) is not None
        found.append(Mention(
            sentence=index, value=value, low=low, high=high, dimension=dimension, head=head,
            modifiers={w.lower() for w in modifiers}, events=events,
            clause_terms=clause_terms - {head} - {stem(w) for w in modifiers} - {stem(w) for w in value.lower().split()},
            context=context, label=label, period=period, start=match.start(), cue=cue, states=states, parts=parts,
            listed=listed,
        ))
    return found


# A running toll stated without a counted noun, which mentions_in passes over: "the death toll rose to
# three", "a fourth person has died". The update summaries read it to tell a rising toll from a restated
# one (synoptic.stories.updates); the conflicts leave it out, as they leave out every figure they were not
# calibrated on.
_ORDINALS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
    "eleventh": 11, "twelfth": 12,
}
_TOLL = re.compile(
    rf"\b(?i:death\s+toll)\b[^,;:.]{{0,60}}?\b(?i:rose|rises|risen|climbed|climbs|reached|reaches|stands|stood|now|is|was)"
    rf"(?i:\s+(?:to|at))?\s+(?:{_QUAL})?(?P<a>{_VALUE})(?P<sa>{_SCALE})(?![\w%]|\s+(?i:per\s*cent|percent))"
)
_NTH_VICTIM = re.compile(
    r"\b(?i:an?|the)\s+(?P<nth>" + ignoring_case(*_ORDINALS) + r")\s+(?i:person|man|woman|child|victim|death|fatality|body)\b"
)


def tally_mentions(text: str, index: int = 0) -> list[Mention]:
    """Running tolls of people in one sentence that have no counted noun (see _TOLL and _NTH_VICTIM), as
    mentions of people with the events their clause names ("a second man was injured" counts the injured)."""
    found = []
    context: set[str] | None = None
    for match in (*_TOLL.finditer(text), *_NTH_VICTIM.finditer(text)):
        ordinal = "nth" in match.groupdict()
        if ordinal:
            low = high = float(_ORDINALS[match.group("nth").lower()])
        else:
            a = _number(match.group("a"))
            if a is None or _unit(text, match.end())[0] is not None:
                continue  # "the death toll rose to 41 passengers": mentions_in reads it
            low, high = _interval(match.group("qual") or "", _scaled(a, match.group("sa") or ""), None, False)
        if context is None:
            context = _counted_terms(content_terms(text))
        clause_terms = _counted_terms(content_terms(_clause(text, match.start(), match.end())))
        if ordinal:
            events = set().union(*(_EVENT_OF.get(term, set()) for term in clause_terms)) & EVOLVING_EVENTS
        else:
            events = {"killed"}  # a death toll counts the dead, whatever else its clause tells (rescuers, hospital)
        if events:
            found.append(Mention(
                sentence=index, value=" ".join(match.group(0).split()), low=low, high=high, dimension="count:people",
                head="peopl", modifiers=set(), events=events, clause_terms=clause_terms, context=context, start=match.start(),
            ))
    return found


def _contrast(a: set[str], b: set[str]) -> bool:
    return any((a & pair) and (b & pair) and not (a & b & pair) for pair in CONTRASTS)


def _head_terms(m: Mention) -> set[str]:
    return {m.head} | HEAD_CLASSES.get(m.dimension.split(":", 1)[-1], set())


def _other_sums(m1: Mention, m2: Mention) -> bool:
    """Are two sums labelled as different things or periods: a budget and a total, the cost of one year
    and another's, a yearly cost and a one-off? (A sum with no label or period may be either.)"""
    if m1.label and m2.label and m1.label != m2.label:
        return True
    if m1.period != m2.period and ("per year" in (m1.period, m2.period) or any(p.startswith(_RUNNING) for p in (m1.period, m2.period))):
        return True
    return bool(m1.period and m2.period and m1.period != m2.period)


def _a_part(whole: Mention, other: Mention) -> bool:
    """Does ``other`` give a part that a later clause splits ``whole`` into (see _SPLIT)?"""
    return any(other.low <= part <= other.high for part in whole.parts)


def _counted_class(m: Mention) -> str:
    """The dimension, with a kind of people (PEOPLE_KINDS) counted as people: only figures of one class can
    measure one quantity."""
    return "count:people" if m.dimension[6:] in PEOPLE_KINDS and m.dimension.startswith("count:") else m.dimension


def _kinds_of_people(m1: Mention, m2: Mention) -> bool:
    """Is one mention a count of people and the other of a kind of people (PEOPLE_KINDS) as a whole, not one
    part of a list ("115 passengers and six crew", see _LISTED)?"""
    if "count:people" not in (m1.dimension, m2.dimension) or _counted_class(m1) != _counted_class(m2):
        return False
    kind = m2 if m1.dimension == "count:people" else m1
    return not kind.listed


def same_quantity(m1: Mention, m2: Mention) -> bool:
    """Do two mentions measure the same thing (see the module docstring)?"""
    if m1.dimension != m2.dimension and not _kinds_of_people(m1, m2):
        return False  # passengers are people, but workers are no residents
    if _contrast(m1.modifiers | m1.clause_terms, m2.modifiers | m2.clause_terms):
        return False
    if _other_sums(m1, m2):
        return False
    if m1.states and m2.states and not m1.states & m2.states:
        return False  # "standing empty" against "under construction"
    if (m1.parts or m2.parts) and (_a_part(m1, m2) or _a_part(m2, m1)):
        return False  # "two viruses, one of which …" against "one virus"
    ignore = _head_terms(m1) | _head_terms(m2)
    if m1.events and m2.events:
        if not m1.events & m2.events:
            return False
        return len((m1.context & m2.context) - ignore) >= MIN_CONTEXT_SHARED
    return False  # one or neither says what happened to the things counted: do not guess


def _comparable(m1: Mention, m2: Mention) -> bool:
    """Near enough to be estimates of one quantity (MAX_CLASH_RATIO), overlapping or not."""
    low, high = (m1, m2) if m1.high < m2.low else (m2, m1)
    return high.low <= MAX_CLASH_RATIO * max(low.high, 1e-9)


def _disjoint(m1: Mention, m2: Mention) -> bool:
    """Do the two figures disagree: no value both allow, yet near enough to be one quantity's estimates?"""
    return (m1.high < m2.low or m2.high < m1.low) and _comparable(m1, m2)


# --- status -----------------------------------------------------------------------------------------------
# frame → (completion cues, incompleteness cues); regexes over the sentence, case-insensitive
STATUS_FRAMES = {
    "open": (
        r"\b(?:fully|completely)\s+(?:re)?opened\b|\breopened\s+(?:fully|completely|in\s+full)\b|\ball\s+lanes\s+(?:are\s+|have\s+)?(?:re)?open",
        r"\b(?:stay|stays|remain|remains|still|partly|partially)\s+(?:closed|shut)\b|\b(?:lanes?|carriageway)\s+(?:will\s+)?(?:stay|remain)s?\s+closed\b|\bpartly\s+closed\b",
    ),
    "control": (
        r"\bcontrol\s+of\s+the\s+(?:whole|entire)\b|\b(?:full|total|complete)\s+control\b|\b(?:fully|completely)\s+(?:liberated|captured|cleared|secured)\b|\bhas\s+(?:finally\s+)?been\s+liberated\b",
        r"\b\d+\s*(?:%|per\s*cent|percent)\s+of\s+the\s+\w+\s+(?:that\s+)?(?:has|have|had|is|are|still)?\s*(?:yet\s+)?to\s+be\s+(?:cleared|taken|captured|secured)\b|\bpockets\s+of\s+resistance\b|\bremain\s+holed\s+up\b|\bstill\s+(?:hold|holds|held|control|controls)\b",
    ),
    "rescue": (
        r"\b(?:all|every|everyone|everybody)\b[^.]{0,40}\b(?:freed|rescued|accounted\s+for|brought\s+out)\b",
        r"\b(?:still|remain|remains)\s+(?:trapped|missing|unaccounted)\b",
    ),
    "power": (
        r"\b(?:power|electricity|supply|supplies)\s+(?:has|have)\s+been\s+(?:fully\s+)?restored\s+to\s+all\b|\bfully\s+restored\b",
        r"\b(?:still|remain|remains)\s+without\s+(?:power|electricity|water)\b",
    ),
    "contained": (
        r"\b(?:fully|completely|100\s*%|100\s+per\s*cent)\s+contained\b|\bextinguished\b",
        r"\bstill\s+(?:burning|raging)\b|\b(?:[1-9]\d?)\s*(?:%|per\s*cent|percent)\s+contained\b",
    ),
}
# frame → (words every completion cue holds, words every incompleteness cue holds), in lower case: a
# sentence with none of them skips that search (ten case-insensitive searches cost a sentence 10 µs, the
# look-ups a tenth of that; tests/compare/test_conflicts.py checks the words against the patterns).
STATUS_CUE_WORDS = {
    "open": (("open",), ("closed", "shut")),
    "control": (("control", "liberated", "captured", "cleared", "secured"),
                ("cleared", "taken", "captured", "secured", "pockets", "holed", "still")),
    "rescue": (("freed", "rescued", "accounted", "brought"), ("trapped", "missing", "unaccounted")),
    "power": (("restored",), ("without",)),
    "contained": (("contained", "extinguished"), ("burning", "raging", "contained")),
}
_STATUS = {
    frame: ((re.compile(done, re.I), STATUS_CUE_WORDS[frame][0]), (re.compile(left, re.I), STATUS_CUE_WORDS[frame][1]))
    for frame, (done, left) in STATUS_FRAMES.items()
}
_FORECAST = re.compile(r"\b(?:expect\w*|likely|will\s+be|would|could|may|might|hope[sd]?|poised|aim\w*|plan\w*)\b[^.]*$", re.I)
SUBJECT_CLASSES = {"road": {"road", "rout", "lane", "carriageway", "highway", "motorway"},
                   "city": {"city", "town"}}
_SUBJECT_OF = {m: name for name, members in SUBJECT_CLASSES.items() for m in members}
_STATUS_STOP = {"fully", "completely", "whole", "entire", "still", "remain", "stay", "closed", "clos", "shut",
                "open", "reopen", "control", "liberat", "clear", "pocket", "resistance", "partly", "week", "day"}


@dataclass
class StatusClaim:
    sentence: int
    frame: str
    complete: bool
    value: str
    subject: set[str]
    context: set[str] = field(default_factory=set)


def _subject_terms(text: str) -> set[str]:
    return {_SUBJECT_OF.get(t, t) for t in content_terms(text) if not t[:1].isdigit()} - _STATUS_STOP


def status_claims(text: str, index: int = 0) -> list[StatusClaim]:
    claims = []
    lowered = text.lower() if lower_keeps_letters(text) else None  # None: every pattern is searched
    for frame, (done, left) in _STATUS.items():
        for complete, (pattern, cue_words) in ((True, done), (False, left)):
            if lowered is not None and not any(word in lowered for word in cue_words):
                continue
            match = pattern.search(text)
            if not match:
                continue
            if complete and _FORECAST.search(text[: match.start()].split(",")[-1]):
                continue  # "expected it to be completed … controlling the whole city": a forecast
            if not complete and re.search(r"\blikely\s+to\b", text[max(0, match.start() - 30): match.start()], re.I):
                continue
            clause = _clause(text, match.start(), match.end())
            value = _status_value(text, match, clause)
            claims.append(StatusClaim(index, frame, complete, value, _subject_terms(clause), _subject_terms(text)))
    return claims


STATUS_VALUE_WORDS = 14  # a status claim is shown as a short phrase; it always runs to the end of its cue


def _status_value(text: str, match: re.Match, clause: str) -> str:
    """The claim as a short phrase: the clause around the cue, without attribution or quote marks."""
    cue_end = match.group().split()[-1]
    for quoted in re.finditer(r"[“\"]([^“”\"]+)[”\"]", text):
        if quoted.start() <= match.start() and match.end() <= quoted.end():
            clause = _clause(quoted.group(1), match.start() - quoted.start(1), match.end() - quoted.start(1))
            return _short(clause.strip(" .,").split(), cue_end)
    phrase = clause.strip(" “”\"'.,")
    phrase = re.sub(r"^(?:[A-Z][\w.]*\s+){0,4}(?:said|says|understands|told\s+\w+)\s+(?:that\s+)?", "", phrase)
    phrase = re.sub(r"^.*?\b(?:understands|said|says)\s+(?:that\s+)?", "", phrase)
    return _short(phrase.split(), cue_end)


_NEXT_CLAUSE = {"while", "whilst", "because", "and", "but", "as", "after", "until", "so", "although", "though", "when"}


def _short(words: list[str], cue_end: str) -> str:
    """The words up to the end of the cue ("…10% of the city that has to be cleared" is not cut at
    "has"), then on to STATUS_VALUE_WORDS, stopping where a new clause starts ("…for a week while we…")."""
    end = max((k for k, w in enumerate(words) if w.strip(".,;:”\"") == cue_end), default=0) + 1
    while end < min(len(words), STATUS_VALUE_WORDS) and words[end].lower() not in _NEXT_CLAUSE:
        end += 1
    return " ".join(words[:end]).rstrip(",;:")


# --- assembling -------------------------------------------------------------------------------------------
def _evidence(corpus: Corpus, index: int) -> dict:
    s = corpus.sentences[index]
    return {"article": s.article, "sentence": s.index, "start": s.start, "end": s.end}


class _Speakers(dict):
    """Sentence index → speaker_of(its text), found only for the sentences a claim or a check needs."""

    def __init__(self, sentences: list[Sentence]) -> None:
        super().__init__()
        self.sentences = sentences

    def __missing__(self, index: int) -> str | None:
        who = self[index] = speaker_of(self.sentences[index].full)
        return who


def _independent(corpus: Corpus, families: dict[str, int], i: int, j: int, speakers: _Speakers) -> bool:
    """Different copy families, or one article quoting two different named speakers."""
    a, b = corpus.sentences[i].article, corpus.sentences[j].article
    if families.get(a, a) != families.get(b, b):
        return True
    return a == b and speakers[i] is not None and speakers[j] is not None and speakers[i] != speakers[j]


# The time a figure is of: the years its sentence names ("the 1994 earthquake, which claimed 61 deaths"; not
# a record's base, "the most since 1990"), the year before its report's for "last year" or "last summer",
# else its report's year. Figures of different years are different quantities however alike their words:
# on the five dev sets this removed 6 of the 16 number conflicts, all of them other events' or years' figures
# (an El Nino of 1982-83 against one of 1997-98, a 1998 budget against last quarter's spending, last summer's
# strike against this one), and none of the labelled set's.
_YEAR = re.compile(r"(?<!since )(?<!since the )\b(?:1[89]|20)\d\d\b")
_LAST_YEAR = re.compile(r"\blast\s+(?:year|summer|spring|autumn|fall|winter)\b|\ba\s+year\s+(?:ago|earlier)\b", re.IGNORECASE)


def _years_of(corpus: Corpus, index: int) -> frozenset[int]:
    """The years sentence ``index``'s figures are of (see _YEAR); empty when nothing tells."""
    text = corpus.sentences[index].full
    named = {int(year) for year in _YEAR.findall(text)}
    published = _published_year(corpus, corpus.sentences[index].article)
    if published and _LAST_YEAR.search(text):
        named.add(published - 1)
    return frozenset(named or ({published} if published else ()))


def _published_year(corpus: Corpus, article: str) -> int | None:
    years: dict[str, int | None] = corpus.cache.setdefault(
        "published years", {c.article.id: int(c.date[:4]) if c.date and c.date[:4].isdigit() else None for c in corpus.articles}
    )
    return years.get(article)


# A total of the year so far ("More than 60 people have died in avalanches this year") is no one event's figure.
_SO_FAR = re.compile(r"\b(?:so\s+far\s+this|this|since\s+the\s+start\s+of\s+the)\s+year\b", re.IGNORECASE)


# How long a time a sentence's figures are summed over. A span ("over the previous three years", "in the past
# decade", "during the last 12 months") makes a figure a running total; a named period ("last summer", "this
# week", "last year") says when. A total over a span is another quantity than a figure of a period of another
# length ("eight strikes over three years" is no dispute with "two strikes last summer"); named periods may nest
# (last fall's deaths are last year's), and a sentence naming none may be of any length. A span needs a number,
# or "past", "last"… and one unit: "the worst in years", "in the coming days" and "for 20 years" (how long
# someone has done something) name none. On the five dev sets this removes one dispute (that one), nothing else.
PERIOD_RATIO = 1.25  # "12 months" is a year, "18 months" is not two years
_PERIOD_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "month": 365 / 12, "year": 365, "decade": 3652,
                "summer": 91, "spring": 91, "autumn": 91, "fall": 91, "winter": 91}
_SPAN = re.compile(
    r"\b(?:" + either_case("over", "in", "during", "within") + r")\s+(?:(?:the\s+)?(?P<qual>past|last|previous|next|coming|following)\s+)?"
    rf"(?:(?P<count>{_VALUE})\s+)?(?P<unit>hour|day|week|month|year|decade)(?P<plural>s)?\b"
)
_NAMED_PERIOD = re.compile(r"\b(?:" + either_case("last", "this", "next") + r")\s+(?P<named>summer|spring|autumn|fall|winter|year|month|week)\b")


def _period_lengths(text: str) -> tuple[set[float], set[float]]:
    """The lengths in days of the spans and of the named periods a sentence gives (see _SPAN)."""
    spans = set()
    for found in _SPAN.finditer(text):
        count = _number(found.group("count")) if found.group("count") else None
        if count is None and (not found.group("qual") or found.group("plural")):
            continue
        spans.add((1.0 if count is None else count) * _PERIOD_DAYS[found.group("unit")])
    return spans, {_PERIOD_DAYS[found.group("named")] for found in _NAMED_PERIOD.finditer(text)}


def _periods_alike(corpus: Corpus, i: int, j: int) -> bool:
    """Can sentences ``i``'s and ``j``'s figures be summed over as long a time (see _SPAN)?"""
    lengths: dict[int, tuple[set[float], set[float]]] = corpus.cache.setdefault("period lengths", {})
    for k in (i, j):
        if k not in lengths:
            lengths[k] = _period_lengths(corpus.sentences[k].full)
    (spans1, named1), (spans2, named2) = lengths[i], lengths[j]
    if not (spans1 or spans2):
        return True
    lengths1, lengths2 = spans1 | named1, spans2 | named2
    return not (lengths1 and lengths2) or any(max(a, b) <= PERIOD_RATIO * min(a, b) for a in lengths1 for b in lengths2)


# What a sentence's figures are of: how many incidents, and whether the newest of a series. Figures of a
# different number of incidents are a part and its whole ("an explosion outside one church killed 13" against
# "two explosions … left at least 40 dead"); a figure of "the latest" slide or attack is of that one incident,
# not another report's (unmarked) figure of the story ("the latest torrent of snow smashed into the town …,
# where two people were killed" against "an avalanche … killing at least eight"). A sentence that says
# neither may be of any. On the five dev sets the incidents remove one figure of a dispute (that 13) and the
# latest one dispute (those avalanches); both keep apart a few pairs never shown, read right.
_INCIDENT_NOUNS = ("attack", "explosion", "blast", "bombing", "avalanche", "landslide", "mudslide", "snowslide",
                   "earthquake", "quake", "aftershock", "shooting", "airstrike", "raid", "tornado")
# a number or "a"/"an" and up to four words before an incident noun; no article, particle, number or plural
# among them, which would take the number ("two weeks set off avalanches")
_INCIDENTS = re.compile(
    rf"(?<![\w-])(?P<n>{_VALUE}|{either_case('an', 'a')})\s+"
    r"(?:(?!(?i:a|an|the|of|in|on|at|to|and|or|as|by|with|from|off|up|out|that|which|who|" + "|".join(_WORD_NUMBERS) + r")\b)"
    r"(?![\w'’-]*s\s)[A-Za-z][\w'’-]*\s+){0,4}"
    r"(?P<noun>" + ignoring_case(*_INCIDENT_NOUNS) + r")(?P<plural>e?s)?\b"
)
# the newest of a series: "the latest torrent of snow", "the most recent blast"; not a newer figure ("the latest
# toll"). Not "another", which is as often a pronoun ("one bomber died, while another fled") or a second of
# two at once ("another bomb killed 11 at the embassy in Tanzania": the other reports' Tanzanian toll).
_LATEST = re.compile(r"\b[Tt]he\s+(?:latest|newest|most\s+recent)\s+(?!(?:\w+\s+){0,2}?"
                     r"(?:toll|figures?|count|tally|reports?|estimates?|numbers?|data|update|statement)\b)[a-z]")


@dataclass(frozen=True)
class _Scene:
    incidents: frozenset[float]  # how many incidents the sentence counts ("two explosions", "an attack")
    latest: bool  # the newest of a series ("the latest avalanche")


def _scene_of(text: str) -> _Scene:
    """The incidents a sentence counts and whether it tells of the latest of a series (see _INCIDENTS, _LATEST)."""
    lowered = text.lower()  # the patterns run only where their words stand (a fifth of the time on duc2006)
    incidents = set()
    for found in _INCIDENTS.finditer(text) if any(noun in lowered for noun in _INCIDENT_NOUNS) else ():
        count = 1.0 if found.group("n").lower() in ("a", "an") else _number(found.group("n"))
        if count is not None and (count == 1) != bool(found.group("plural")):
            incidents.add(count)  # "an explosion", "two attacks": a count that agrees with its noun
    latest = ("latest" in lowered or "newest" in lowered or "recent" in lowered) and bool(_LATEST.search(text))
    return _Scene(frozenset(incidents), latest)


def _same_scene(corpus: Corpus, m1: Mention, m2: Mention) -> bool:
    """Can two figures be of the same incidents (see _Scene): as many of them, both or neither the latest?"""
    scenes: dict[int, _Scene] = corpus.cache.setdefault("scenes", {})
    for k in (m1.sentence, m2.sentence):
        if k not in scenes:
            scenes[k] = _scene_of(corpus.sentences[k].full)
    one, two = scenes[m1.sentence], scenes[m2.sentence]
    if one.incidents and two.incidents and not one.incidents & two.incidents:
        return False
    return one.latest == two.latest


def _same_time(corpus: Corpus, m1: Mention, m2: Mention) -> bool:
    """Can two figures be of one time: their years (see _YEAR) overlap, or one of them is unknown, both or
    neither are a total of the year so far, and the periods they are summed over (see _SPAN) can be as long?"""
    t1, t2 = corpus.sentences[m1.sentence].full, corpus.sentences[m2.sentence].full
    if bool(_SO_FAR.search(t1)) != bool(_SO_FAR.search(t2)):
        return False
    if not _periods_alike(corpus, m1.sentence, m2.sentence):
        return False
    y1, y2 = _years_of(corpus, m1.sentence), _years_of(corpus, m2.sentence)
    return not (y1 and y2) or bool(y1 & y2)


def _earlier(corpus: Corpus, later: int, earlier: int) -> bool:
    """Is sentence ``earlier``'s article dated strictly before ``later``'s (state may have changed)?"""
    dates = {c.article.id: c.date for c in corpus.articles}
    d1, d2 = dates.get(corpus.sentences[later].article), dates.get(corpus.sentences[earlier].article)
    return bool(d1 and d2 and d2 < d1)


def _updated_tally(corpus: Corpus, m1: Mention, m2: Mention) -> bool:
    """A running count (dead, injured, freed…) reported on different days is an update, not a conflict."""
    if not (m1.events & m2.events & EVOLVING_EVENTS):
        return False
    return _earlier(corpus, m1.sentence, m2.sentence) or _earlier(corpus, m2.sentence, m1.sentence)


def _states_both(by_article: dict[str, list[Mention]], m1: Mention, m2: Mention) -> bool:
    """Does some report give both figures, for the same event? Then they count different things (a
    total and a part, two incidents, two storms' tolls), not one quantity in dispute. Only a figure with
    both ends counts: "at least 96 arrests" allows 120 but does not give it."""

    def giving(mentions: list[Mention], figure: Mention) -> list[Mention]:
        return [
            other for other in mentions
            if _counted_class(other) == _counted_class(figure) and other.events & figure.events and 0 < other.low
            and other.high < float("inf") and figure.low <= other.high and other.low <= figure.high
        ]

    return any(
        a is not b for mentions in by_article.values() for a in giving(mentions, m1) for b in giving(mentions, m2)
    )


def _same_claims(a: list[dict], b: list[dict]) -> bool:
    return {c["value"] for c in a} == {c["value"] for c in b}


def _components(n: int, edges: list[tuple[int, int]]) -> list[list[int]]:
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        parent[find(a)] = find(b)
    groups: dict[int, list[int]] = {}
    for x in range(n):
        groups.setdefault(find(x), []).append(x)
    return [g for g in groups.values() if len(g) > 1]


def _claims(corpus: Corpus, items: list[tuple[str, int]], speakers: _Speakers) -> list[dict]:
    """One claim per distinct value (normalised), sources merged across articles."""
    order = {a.article.id: k for k, a in enumerate(corpus.articles)}
    merged: dict[str, dict] = {}
    for value, index in items:
        key = " ".join(value.lower().split())
        sentence = corpus.sentences[index]
        claim = merged.setdefault(key, {"value": value, "text": sentence.full, "sources": [],
                                        "speaker": speakers[index], "evidence": []})
        if sentence.article not in claim["sources"]:
            claim["sources"].append(sentence.article)
            claim["evidence"].append(_evidence(corpus, index))
        if claim["speaker"] is None:
            claim["speaker"] = speakers[index]
    for claim in merged.values():
        claim["sources"].sort(key=lambda a: order.get(a, 0))
    return sorted(merged.values(), key=lambda c: order.get(c["sources"][0], 0))


_EVENT_PHRASE = {"remain": "remaining", "surrender": "who surrendered", "killed": "killed", "injured": "injured",
                 "freed": "freed", "arrested": "arrested", "missing": "missing", "buried": "buried",
                 "duration": "taken", "cost": "spent", "evacuated": "evacuated", "took part": "taking part",
                 "turnout": "turnout", "travelled": "travelling", "laid off": "laid off", "stored": "stored"}
# events that name the quantity whatever its unit: not "length peaked"
_EVENT_NAMES = {"level": "water level"}
_SUM_PHRASE = {"spent": "amount spent", "paid": "amount paid", "fund": "funding", "budget": "budget", "damag": "damage"}
_DIMENSION_PHRASE = {"length": "length", "time": "duration", "mass": "weight", "area": "area", "volume": "volume"}


_WORD = re.compile(r"[A-Za-z]+")


def _nearest_event(events: set[str], group: list[Mention], sentences: list[Sentence]) -> str:
    """Of the events every figure's clause names, the one said of the figures: a cue in the figure's
    own part of an "and" list first, then the nearest ("two people were killed and two survivors were
    pulled from the snow": the survivors were freed; "killed 37 people and injured more than 100": 37
    were killed)."""
    score = {event: [0, 0] for event in events}  # event → [figures whose part lacks it, total distance]
    for mention in group:
        text = sentences[mention.sentence].full
        part = text.rfind(" and ", 0, mention.start), text.find(" and ", mention.start + len(mention.value))
        nearest = {event: (True, len(text)) for event in events}
        for word in _WORD.finditer(text):
            for event in _EVENT_OF.get(stem(word.group().lower()), set()) & events:
                outside = not (part[0] < word.start() and (part[1] == -1 or word.start() < part[1]))
                nearest[event] = min(nearest[event], (outside, abs(word.start() - mention.start)))
        for event, (outside, distance) in nearest.items():
            score[event][0] += outside
            score[event][1] += distance
    return min(sorted(events), key=score.__getitem__)


def _about_number(group: list[Mention], sentences: list[Sentence]) -> str:
    """A short description: "number of passengers freed", "length buried", "share of city remaining"."""
    if group[0].dimension in _MONEY:  # what the sums are ("damage", "budget"), not "amount spent" for each
        phrases = {_SUM_PHRASE.get(m.cue, "cost") for m in group}
        return phrases.pop() if len(phrases) == 1 else "cost"
    events = set.intersection(*(m.events for m in group)) if all(m.events for m in group) else set()
    counted = [m.value.split()[-1] for m in group if m.dimension.startswith("count:")]
    if counted:
        thing = "number of " + min(counted, key=len).lower()
    elif group[0].dimension == "percent":
        thing = "share" + (" of " + group[0].head if group[0].head != "%" else "")
    else:
        thing = _DIMENSION_PHRASE.get(group[0].dimension, group[0].dimension)
    if events:
        event = _nearest_event(events, group, sentences) if len(events) > 1 else next(iter(events))
        if event in _EVENT_NAMES:
            return _EVENT_NAMES[event]
        phrase = _EVENT_PHRASE[event]
        if stem(phrase.split()[-1]) != stem(thing.split()[-1]) and stem(thing.split()[-1]) not in EVENT_NOUNS:
            thing += " " + phrase  # not "number of arrests arrested", nor "number of deaths killed"
    return thing


def _of_another_year(corpus: Corpus, group: list[Mention]) -> str:
    """The words " in 1992" when every figure's sentence names that year and none was reported in it: the
    dispute is about a past event the story recalls (tac2010_A: Hurricane Andrew's toll, told in reports of another
    storm), which a plain "number of people killed" would pass off as the story's own."""
    named = [frozenset(int(year) for year in _YEAR.findall(corpus.sentences[m.sentence].full)) for m in group]
    years = frozenset.intersection(*named)
    published = {_published_year(corpus, corpus.sentences[m.sentence].article) for m in group}
    return f" in {min(years)}" if len(years) == 1 and not years & published else ""


# Cheap pre-checks on the lowercased sentence, so the full patterns run only where they can match
# (case-insensitive alternations cost five times as much as these on TAC 2010).
_DIGIT = re.compile(r"\d")
# Number words by first letter, then the rest of some number word: a superset ("owo") that costs a
# third less than the exact alternation, which mentions_in applies anyway.
_MAYBE_WORD_NUMBER = re.compile(
    r"[otfsenhd](?<!\w[otfsenhd])(?:ne|wo|hree|our|ive|ix|even|ight|ine|en|leven|welve|wenty|hirty|orty|ifty|ixty"
    r"|eventy|ighty|inety|undred|ozen|housand)\b|\b[mb]illion\b"  # "a thousand", "a million" (see _WORD_FIGURE)
)
# Substrings, found by scan.texts_holding (cheaper than one alternation of them all, or ``in`` checks).
_MAYBE_STATUS = ("open", "control", "liberat", "clear", "pocket", "holed", "hold", "freed", "rescued", "trapped", "missing",
                 "power", "restored", "contained", "burning", "raging", "closed", "shut")


def sentence_mentions(corpus: Corpus, index: int) -> list[Mention]:
    """The quantities of one sentence (its whole text), found once per corpus: the conflicts read every
    sentence's, the agreed facts and the citations those of the pairs they compare (a plain dict in
    the corpus's cache, so nothing there points back at the corpus)."""
    found: dict[int, list[Mention]] = corpus.cache.setdefault("mentions", {})
    if index not in found:
        s = corpus.sentences[index]
        lowered = s.full.lower()
        maybe = _DIGIT.search(lowered) or _MAYBE_WORD_NUMBER.search(lowered)
        found[index] = mentions_in(s.full, index, corpus.terms[index] if s.text == s.full else None) if maybe else []
    return found[index]


def sentence_tallies(corpus: Corpus, index: int) -> list[Mention]:
    """The running tolls with no counted noun of one sentence (see tally_mentions), found once per corpus."""
    found: dict[int, list[Mention]] = corpus.cache.setdefault("tallies", {})
    if index not in found:
        found[index] = tally_mentions(corpus.sentences[index].full, index)
    return found[index]


def sentence_figures(corpus: Corpus, index: int) -> list[Mention]:
    """The figures of sentence ``index`` that say what happened to what they count, running tolls with no
    counted noun ("the death toll rose to five") included: only those can be told to measure the same
    quantity as another (same_quantity). The timeline and the update summaries read them."""
    return [m for m in (*sentence_mentions(corpus, index), *sentence_tallies(corpus, index)) if m.events]


def find_conflicts(corpus: Corpus, families: dict[str, int]) -> list[dict]:
    """Numeric and status conflicts between independent sources (see the module docstring)."""
    sentences = corpus.sentences
    if len({s.article for s in sentences}) < 2 and len(sentences) < 2:
        return []
    speakers = _Speakers(sentences)
    mentions: list[Mention] = []
    statuses: list[StatusClaim] = []
    lowered = [s.full.lower() for s in sentences]
    maybe_status = texts_holding(lowered, _MAYBE_STATUS)
    for i, s in enumerate(sentences):
        if s.text != s.full or not _EVENT_TERMS.isdisjoint(corpus.terms[i]):  # no event word: no mention to compare
            mentions.extend(m for m in sentence_mentions(corpus, i) if m.events)  # same_quantity needs an event
        if i in maybe_status:
            statuses.extend(status_claims(s.full, i))
    conflicts = []
    # numbers: same-quantity graph, keep components with at least one disjoint independent pair
    edges, clash = [], []
    told_apart: set[tuple[int, int]] = set()  # clashing figures that one report gives both of
    by_dimension: dict[str, list[int]] = {}  # only mentions of one dimension can be about the same thing
    by_article: dict[str, list[Mention]] = {}
    for x, mention in enumerate(mentions):
        by_dimension.setdefault(_counted_class(mention), []).append(x)
        by_article.setdefault(sentences[mention.sentence].article, []).append(mention)
    for same_dimension in by_dimension.values():
        for k, x in enumerate(same_dimension):
            for y in same_dimension[k + 1 :]:
                m1, m2 = mentions[x], mentions[y]
                if m1.sentence == m2.sentence:
                    continue
                if not _independent(corpus, families, m1.sentence, m2.sentence, speakers):
                    if families.get(sentences[m1.sentence].article) == families.get(sentences[m2.sentence].article) and sentences[m1.sentence].article != sentences[m2.sentence].article and same_quantity(m1, m2) and _same_time(corpus, m1, m2) and _same_scene(corpus, m1, m2):
                        edges.append((x, y))  # a copy stating the same value joins its original's claim
                    continue
                if same_quantity(m1, m2) and _same_time(corpus, m1, m2) and _same_scene(corpus, m1, m2):
                    edges.append((x, y))
                    if _disjoint(m1, m2) and not _updated_tally(corpus, m1, m2):
                        clash.append((x, y))
                        if _states_both(by_article, m1, m2):
                            told_apart.add((x, y))
    # a conflict = mentions joined by clashes, plus every mention about the same thing as all of them
    # (so "up to 300" joins "about 100" vs "200-300"); agreement edges alone never chain groups together
    linked = {x: set() for x in range(len(mentions))}
    for x, y in edges:
        linked[x].add(y)
        linked[y].add(x)
    for group in _components(len(mentions), clash):
        core = set(group)
        if all(pair in told_apart for pair in clash if pair[0] in core):
            continue  # every clash in it is between figures one report gives side by side
        extra = {z for z in range(len(mentions)) if z not in core and core <= linked[z] and all(_comparable(mentions[z], mentions[x]) for x in core)}
        support = {z for z in range(len(mentions)) if z not in core and any(
            z in linked[x] and mentions[z].low == mentions[x].low and mentions[z].high == mentions[x].high for x in core)}
        members = [mentions[k] for k in sorted(core | extra | support)]
        claims = _claims(corpus, [(m.value, m.sentence) for m in members], speakers)
        if not 2 <= len(claims) <= MAX_CLAIMS or any(_same_claims(claims, c["claims"]) for c in conflicts):
            continue  # components joined by other clashes can gather the same figures: list them once
        conflicts.append({"about": _about_number(members, sentences) + _of_another_year(corpus, members), "kind": "number",
                          "claims": claims})
    # status: for each completion claim, the best-matching incompleteness claim of its frame
    edges = []
    for x, done in enumerate(statuses):
        if not done.complete:
            continue
        scored = []
        for y, left in enumerate(statuses):
            if left.complete or left.frame != done.frame or left.sentence == done.sentence:
                continue
            if not _independent(corpus, families, done.sentence, left.sentence, speakers):
                continue
            if _earlier(corpus, done.sentence, left.sentence):
                continue  # "remains shut" on Tuesday does not contradict "reopened" on Thursday
            shared = len(done.subject & left.subject)
            if shared >= MIN_STATUS_SUBJECT_SHARED:
                scored.append(((shared, len(done.context & left.context)), y))
        # only the best-matching opposing claims: the strongest contradiction, not every "still"
        top = max((score for score, _ in scored), default=None)
        edges.extend((x, y) for score, y in scored if score == top)
    for group in _components(len(statuses), edges):
        members = [statuses[k] for k in group]
        done = [m for m in members if m.complete]
        left = [m for m in members if not m.complete]
        claims = _claims(corpus, [(m.value, m.sentence) for m in done + left], speakers)
        subject = set.intersection(*(m.subject for m in members)) or set.union(*(m.subject for m in members))
        about = {"open": "whether the {} is open", "control": "extent of control of the {}",
                 "rescue": "whether everyone was freed from the {}", "power": "whether {} supplies are restored",
                 "contained": "whether the {} is contained"}[members[0].frame]
        conflicts.append({"about": about.format(sorted(subject, key=lambda t: (t not in SUBJECT_CLASSES, t))[0]),
                          "kind": "status", "claims": claims})
    return conflicts[:MAX_CONFLICTS]
