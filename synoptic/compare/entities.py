"""Entities: the people, organisations and places the reports name, with spelling variants merged.

The finder is our own, not spaCy's NER: on the labelled set spaCy's en_core_web_sm merged 17 of 31
variant pairs against 25 (it types one spelling a place and the other an organisation or a person, as it
did "Raqqah" in the seeds) and took about 1 s a cluster against a few milliseconds. It looks for runs of
capitalised words joined by connectors ("of", "al-", "de"), kept at a plain sentence start only
when the same name also occurs mid-sentence, and cut after an owner's possessive ("Hong Kong's
Department of Health" is two names). They are typed by cues: titles, even after a qualifier ("U.S.
President …", "Senate Majority Leader …"), and "said X" → person, and so a full name whose surname is a
person, or that opens with a common given name of `gazetteer` (typed last, so no join depends on it);
heads such as Forces/Council/Ministry ("Institute of…", "Centers for…", "the Party's") and acronyms → org, and
an Arabic name before "organization" or "group" ("the Al Qaeda organization"); "city of X", "in X",
Province/River/Station/Lane, "River X", "King's Cross", "Eastern Shore" and the countries, regions and US states of
`gazetteer` → place, but not "in the Ann Roe case"; heads such as War/Forum/Flight ("World War II") → no place. A
full name that one stray cue types a place ("from the Ann Roe who…") is the person of its surname; any other name
of several words that stray cues alone type a place ("at the Home Depot") is untyped. "giving Kyle Ritalin", a
given name run on into a word named alone far more often, is two names. A body's name "<head> of X" goes on over
"and Y" when the cluster never names Y alone ("Board of Tolls and Harbours"); single words of a quoted title
("Songs for Rain", "All My Songs") are no names.

Variants merge when they have the same type and token count and every token pair is close (so
"John Smith" never absorbs "Jane Smith"; "Bashar al-Assad" is compared without its article), or when
the text introduces an acronym ("Syrian Democratic Forces (SDF)", "…, or SDF"), or when an acronym of three letters or more is the initials
of exactly one name of the cluster. A bare surname joins the one person who carries it, and so does a
lone given name ("Debbie" of "Debra Lafave"), unless it stands mostly in reports that never name that person
("the Galileo spacecraft" is no "Galileo Galilei"); "James and Mary Roe" are James Roe and Mary Roe. A lone
word joins the one company whose name it opens ("Northline" of "Northline Coaches"), or the one name it
opens before a particle ("Tour" of "Tour de France"); "Ann Lee Roe" and "Ann Roe" are one person.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import OSA
from rapidfuzz.process import cdist

from synoptic.analyze.sentences import Corpus
from synoptic.compare.gazetteer import ALIASES, GIVEN_NAMES, ORGANISATIONS, PLACES, STATE_ABBREVIATIONS
from synoptic.compare.scan import finditer_from

MAX_ENTITIES = 25  # a brief lists the names a reader needs, not every capitalised word
# Two spellings are one name when rapidfuzz's ratio of each token pair is at least this and they
# differ by at most one edit per VARIANT_CHARS_PER_EDIT characters. Calibrated on the seeds and the
# sample: true variants (Raqqa/Raqqah 91, Raqqa/Raqa 89, Mustafa/Mostafa 86, Okafor/Okafur 83,
# Varrow/Varow 91) pass; distinct names (Iran/Iraq 75, John/Jane 50, Austria/Australia: 2 edits) fail.
# Two neighbouring letters swapped count one edit (optimal string alignment), a slip of the keys: on the dev
# sets that joins 11 more, every one a typo or spelling of one name (Alexandre/Alexander Vinokourov,
# Hunstville, Untied States, Deepak Kaploe, Brietling Orbiter), and nothing else changes.
VARIANT_TOKEN_RATIO = 81
VARIANT_CHARS_PER_EDIT = 8
# An acronym joins a name by its initials alone from this many letters: two-letter ones are too often
# something else (on TAC 2010 and AllSides, "ID" joined "Infectious Diseases", "PA" "Project Achieve";
# of 3+ letters only "GMC"/"General Motors Corp" was doubtful among ~60 joins).
MIN_INITIALS = 3
STRAY_CUE_SHARE = 4  # a type cued in under a quarter of a name's mentions may be a misreading
# A lone word that may shorten a person's name is something else when it stands in at least this many reports that never
# name the person in full (and in under a quarter that do): on the dev sets one or two such reports were still the
# person's ("Vernon" of Vernon Jordan, "Li" of Li Peng, a father's "Dennis"), three or more never
MIN_UNNAMED_REPORTS = 3
SURNAME_MIN_FULL_MENTIONS = 2  # a place-named surname ("England") needs its person named in full this often
# A bare surname that several people carry is the one named in full at least this many times as often as
# each other ("Lafave" of Debra Lafave, 11 full mentions, beside a relative named twice). Calibrated on the
# dev sets: at 3, 26 of 28 joins read right (Shepard → Matthew beside his parents, Gore → Al beside Tipper;
# wrong: a husband's "Murphy" where "James and Mary Murphy" counted for her, a son's single "Biden"); at 4,
# five right ones (Gore, Clinton, Castro, Conway twice) are lost for the one wrong one spared.
SURNAME_DOMINANCE = 3
_TYPES = ("person", "org", "place", "other")
# A cue that a single word speaks ("Varrow said"): a person or a body, so it types nothing by itself, but
# makes an untyped full name ending in that word a person ("Tom Varrow … Varrow said").
SPEAKER = "speaker"

_UPPER = "A-ZÀ-ÖØ-ÞĆČĐŁŃŘŚŠŹŻŽ"  # capitals of names: ASCII, Latin-1 and common Central European ones
_LOWER = "a-zß-öø-ÿā-ž"
# A capitalised word ("Raqqa", "Wolańska", "O'Neill", "MacLeod", "al-Assad"'s part), a title, an acronym, initials.
_WORD = (
    rf"(?:(?:Mr|Mrs|Ms|Dr|Col|Gen|Lt|Capt|Sgt|Maj|Sen|Rep|Gov|Prof|Rev|Insp|Det|Pfc|Spc|Spec|Pvt|Cpl|Adm|Brig|Cmdr|St|Mt|Ft)\.|[{_UPPER}](?:['’][{_UPPER}])?[{_LOWER}]+"
    rf"(?:[{_UPPER}][{_LOWER}]+)*(?:['’-][A-Za-z{_UPPER}{_LOWER}]+)*|[A-Z]{{2,}}(?:['’]s)?(?![A-Za-z])|(?:[A-Z]\.){{2,}})"
)
# (a second particle after the first: "Joran van der Sloot", "Gerardo de la Cruz", "Bank of the North")
_CONNECT = r"(?:(?:of|de|da|del|di|du|la|le|bin|ibn|van|von|der|den|al|el)\s+(?:(?:the|der|den|de|la|los|las)\s+)?|(?:al|el|Al|El|ad|as)-)"
# Every run starts with a capital or the "al-"/"el-" of a name: the look-ahead turns away the other
# word starts at once, before the alternatives of _WORD are tried (a third of the scan's time).
# A middle initial ("George W. Bush") continues a run only when a name's word follows it.
_NAME_RUN = re.compile(
    rf"(?=[{_UPPER}ae])(?<![\w'’.-])(?:(?:al|el|Al|El)-)?{_WORD}"
    rf"(?:\s+(?:{_CONNECT})?(?:(?:al|el)-)?{_WORD}|\s+[A-Z]\.(?=\s+[{_UPPER}][{_LOWER}]))*"
)
# Where a run can start, unless the text holds the "al-" or "el-" of a name: finditer_from tries
# _NAME_RUN only at a capital (a third less time than its scan of every position).
_NAME_START = re.compile(rf"[{_UPPER}]")
_NUMBERED_WORDS = ("Route", "Highway", "Interstate", "Flight", "Terminal", "Gate", "Platform", "Resolution")
_NUMBERED = re.compile(rf"(?:{'|'.join(_NUMBERED_WORDS)})$")
_NUMBER_AFTER = re.compile(r"\s+\d{1,4}\b")
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_TITLES = {
    "mr", "mrs", "ms", "dr", "prof", "professor", "col", "colonel", "gen", "general", "lt", "capt", "captain",
    "sgt", "sergeant", "maj", "major", "president", "sen", "senator", "rep", "gov", "governor", "inspector",
    "chief", "minister", "secretary", "vice", "prime", "premier", "foreign", "defense", "defence", "king", "queen", "prince", "princess", "pope", "judge", "justice",
    "sheriff", "mayor", "commander", "ambassador", "sir", "lord", "lady", "rev", "father", "officer",
    "spokesman", "spokeswoman", "grandmother", "grandfather", "detective", "constable", "deputy",
    "affairs", "director", "student", "driver", "passenger", "engineer", "nurse", "doctor", "teacher", "farmer", "resident",
    "geologist", "lawyer", "activist", "pilot", "witness", "colleague", "survivor", "pastor", "imam", "rabbi",
    "leader", "counsel", "speaker", "chairman", "chairwoman", "executive", "commissioner", "scientist", "adviser",
    "advisor", "aide", "economist", "strategist", "analyst", "editor", "correspondent", "columnist", "historian",
    "pfc", "pvt", "private", "cpl", "corporal", "spc", "specialist", "adm", "admiral", "brig", "cmdr", "lieutenant",
    "prosecutor", "attorney", "actor", "actress", "singer", "author", "writer", "novelist", "coach",
    "host", "anchor", "presenter",  # "Host Ann Roe", "CNN anchor Ann Roe"
    "librarian",  # "Librarian Nadia Okoro, who has worked…"
    # offices of states, towns, schools and churches ("Assemblyman Jim Cunneen", "Superintendent Dick Young")
    "assemblyman", "assemblywoman", "congressman", "congresswoman", "councilman", "councilwoman", "superintendent", "supt",
    "det", "trooper", "magistrate", "chancellor", "principal", "bishop", "archbishop", "cardinal", "ayatollah",
    "secretary-general", "director-general", "attorney-general", "governor-general", "spec",
    "ceo",  # "Twitter CEO Ann Roe": the company's name before the title is no part of hers
}  # fmt: skip
_EVENT_WORDS = {"hurricane", "typhoon", "cyclone", "storm", "tropical", "operation", "act", "foods"}  # "Hurricane Floyd" is no person
# A named storm: "Hurricane Floyd", "Tropical Storm Gert", "Typhoon Haima", "Storm Ciara". Its words, not a cue
# around it ("joined by Tropical Storm Gert", "from Floyd's center"), say what it is.
_STORM = re.compile(r"(?:Hurricane|Typhoon|Cyclone|Superstorm|Storm|Tropical (?:Storm|Depression)) (?=[A-Z])")
_PARTY_LABELS = {"democrat", "republican"}  # "Democrat Jon Ossoff": a title only before a whole name
_TITLE_WORDS = _TITLES | _PARTY_LABELS
_ORG_HEADS = {
    "force", "forces", "army", "navy", "council", "ministry", "agency", "group", "party", "inc", "corp", "company", "co", "ltd",
    "service", "services", "police", "authority", "university", "units", "coalition", "committee",
    "commission", "department", "office", "association", "union", "court", "bank", "times", "news", "press",
    "fund", "organization", "organisation", "institute", "brigade", "brigades", "guard", "front", "coaches",
    "network", "board", "federation", "league", "movement", "militia", "government", "parliament", "congress",
    "senate", "assembly", "hospital", "school", "college", "airlines", "clinic", "trust", "foundation",
    "cross", "line", "lines", "travel", "airways", "shipping", "ferries", "railways", "energy", "motors", "media",
    "journal", "magazine", "review", "post", "herald", "tribune", "gazette", "center", "centre", "clearinghouse",
    "panel", "daily", "house", "corps", "institutes", "resorts", "industries", "holdings", "systems", "technologies", "partners", "reserve",
    "enterprises", "communications", "pharmaceuticals", "laboratories", "labs", "brands", "studios",
    "administration", "enforcement",  # "Food and Drug Administration", "Immigration and Customs Enforcement"
    "bureau", "foods", "electric", "international", "conservancy", "partnership",  # "Police Bureau", "Oxfam International"
    "corporation", "institution", "laboratory", "academy", "embassy", "radio", "campaign",  # "Israel Radio", "Human Rights Campaign"
    "observatory", "survey", "chiefs",  # "Volcano Observatory", "Geological Survey", "Joint Chiefs of Staff"
    "chemicals", "infirmary",  # "Tarlow Chemicals said", "Halden Royal Infirmary"
    "directorate",  # "General Directorate of Customs": the title word opens a body's name
}  # fmt: skip
# The heads above that follow a company's own name ("Northline Coaches", "Boeing Co."), which the news
# also writes alone ("Northline said"); not those of outlets, parties and foundations, whose first word
# is a place's or a person's name of its own ("Washington Post", "Ford Foundation", "Apple Daily"). On the
# five dev sets, the seeds and the sample a lone word joined a company 21 times, 20 rightly ("Pfizer" and
# "Pfizer Inc", "Vail" and "Vail Resorts"); wrong: the "FSB" beside a faction of its officers, the "FSB Group".
_COMPANY_HEADS = frozenset({
    "coaches", "airlines", "airways", "co", "corp", "corporation", "inc", "ltd", "plc", "llc", "company", "group",
    "holdings", "motors", "bank", "industries", "enterprises", "technologies", "systems", "pharmaceuticals",
    "laboratories", "brands", "studios", "resorts", "shipping", "ferries", "railways", "lines", "energy", "chemicals",
})  # fmt: skip
# The heads above that end an organisation's name and never a person's: "Rescue Service said" is a
# body speaking, while "Ann Court said" or "Lee Bank said" may be people.
BODY_HEADS = frozenset(_ORG_HEADS - {"bank", "co", "court", "cross", "front", "guard", "line", "lines", "post", "press", "trust"})
_PLACE_HEADS = {
    "province", "region", "river", "valley", "square", "street", "road", "pass", "county", "city",
    "mountains", "mountain", "island", "islands", "lake", "sea", "bay", "district", "village", "airport",
    "bridge", "desert", "coast", "park", "avenue", "hills", "beach", "heights", "strip", "row",  # "Death Row", "Savile Row"
    "capitol", "station",  # "U.S. Capitol", "Fengman Hydropower Station"
    "lane",  # "Mill Lane"
}  # fmt: skip
_SURNAME_HEADS = {"lane"}  # place heads that are common surnames: after a given name a person's ("Ann Lane", not "Mill Lane")
_NOT_NAMES = {
    "the", "a", "an", "but", "and", "or", "if", "in", "on", "at", "for", "from", "to", "by", "with", "as", "after",
    "before", "when", "while", "since", "this", "that", "these", "those", "there", "here", "it", "its", "he", "she",
    "we", "they", "i", "his", "her", "their", "our", "my", "you", "your", "some", "many", "most", "more", "all",
    "one", "two", "three", "no", "not", "yes", "so", "then", "now", "yet", "still", "also", "even", "only",
    "already", "amazingly", "meanwhile", "however", "although", "though", "because", "during", "until", "over",
    "under", "about", "what", "who", "why", "how", "where", "which", "mr", "mrs", "ms", "dr", "reporting",
    "editing", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "photo",
    "video", "read", "said", "says", "according", "despite", "across", "among", "each", "every", "other",
    "another", "both", "such", "than", "last", "next", "first", "new", "today", "yesterday", "tonight",
    "four", "five", "six", "seven", "eight", "nine", "ten", "everybody", "everyone", "nobody", "someone",
    "ok", "tv", "am", "pm", "ceo", "gdp", "former", "acting", "later", "earlier", "like", "unlike", "soon",
    # words that open a sentence before a name ("Within Quebec, a slim majority…" is no person)
    "within", "without", "throughout", "through", "amid", "upon", "toward", "towards", "unless", "whether", "once",
    "besides", "following",
    # capitals that name no one: clock times, currencies, things ("GMT", "USD", "DNA"), and "God"
    "gmt", "utc", "bst", "est", "edt", "pst", "pdt", "cet", "usd", "eur", "gbp", "url", "suv", "gps", "dna", "god",
    # the verb that opens a question ("Did Ann Roe deserve this?"); not "Will" or "Can" (given names) nor "Is" ("IS")
    "did", "does", "are", "was", "were", "has", "have", "had", "should", "would", "could",
    # adverbs that open a sentence, a quoted one too, without a comma ("Somehow Callisto must be hot…", "Perhaps Ann Roe…")
    "somehow", "perhaps", "maybe", "indeed", "instead", "whereas", "thus", "hence", "therefore", "nevertheless",
    "nonetheless", "otherwise", "likewise", "moreover", "furthermore", "anyway", "finally", "eventually", "originally",
    "initially", "ultimately", "clearly", "apparently", "obviously", "certainly", "surely", "fortunately",
    "unfortunately", "interestingly", "ironically", "sadly", "luckily", "presumably", "reportedly", "allegedly",
}  # fmt: skip
_ALIAS_OF = {name: number for number, names in enumerate(ALIASES) for name in names}
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
# "to X" is a place only after a journey ("fled to Kelsby", "the road to Raqqa"): a letter, a reply or a
# loss goes "to" a person or a company as often (on the dev sets about half of "to X" places were not).
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:city|town|village|capital|province|region|country|outskirts|streets|north|south|east|west) of"
    r"|\b(?:in|near|at|from|across|outside|inside|into)(?: the)?"
    r"|\b(?:fled|flee|fleeing|moved|travell?ed|went|returned|flew|drove|sailed|headed|evacuated|deployed|road|route"
    r"|way|flights?|trip|journey|visit|border) to(?: the)?)\s+$",
    re.IGNORECASE,
)
_CUE_REACH = 20  # the cue phrases before a name are ≤ 17 characters ("travelled to the "): search only that far back
_AFTER_REACH = 80  # the words after a name that cue its type, up to ", European Commissioner for the Environment,"
_CUE_WORD = len("according to")  # the longest cue of _SAID_BEFORE and _PERSON_BEFORE, which end the text before a name
_SAID_BEFORE = re.compile(r"\b(?:said|says)\s+$")
# "told the Clarion", "according to the Pentagon": a name after "the" that is told or quoted is a body (an
# outlet, a ministry), where "told Ann Roe" is a person.
_BODY_BEFORE = re.compile(r"\b(?:told|according to) the\s+$", re.IGNORECASE)
_PERSON_BEFORE = re.compile(r"\b(?:said|says|told|according to|by)\s+$")
# The last two letters of the cue phrases of each pattern above, in lower case: a pattern is searched (a
# try at every position of its window) only where the words before a name end in one of them (on TAC
# 2010, 3 names in 10).
_PLACE_ENDINGS = frozenset({"of", "in", "ar", "at", "om", "ss", "de", "to", "he"})
_BODY_ENDINGS = frozenset({"he"})
_PERSON_ENDINGS = frozenset({"id", "ys", "ld", "to", "by"})
_SAID_ENDINGS = frozenset({"id", "ys"})
# A role in apposition before a name ("The mayor, Ilse Maertens, opened…", "A spokeswoman, Kari Solvang,
# said…") or a relative ("her brother Niall Doherty"): the role phrase opens a clause, so "In the north,
# Kelsby Point…" is no person.
_NAME_PREFIXES = ("al-", "el-", "ad-", "as-")  # "al-Rashid": a surname, though it opens in lower case
_ROLE_BEFORE = re.compile(
    r"(?:^|[.;:!?]\s+|,\s+)(?:The|the|A|a|An|an|His|his|Her|her|Their|their|Its|its)\s+(?:[\w'’-]+\s+){0,3}[a-z][\w'’-]*,\s+$"
)
_KIN = ("brother", "sister", "son", "daughter", "wife", "husband", "mother", "father", "uncle", "aunt", "cousin")
_RELATIVES = [[word] for word in (*_KIN, "partner", "friend", "colleague")]
# A kinsman's given name alone ("Dorvan's mother, Judy, wept"): a person, where "its partner Kelsby" need not be
_KIN_BEFORE = re.compile(rf"\b(?:{'|'.join(_KIN)}),?\s$")
_KIN_REACH = len("daughter, ")
# A role in lower case right before a full name ("special counsel Ruth Abernethy", "said farmer Tom
# Varrow"): the role words of _TITLES that are no adjectives ("foreign", "vice", "general": "the general
# Assembly"). Lists of one word, to compare with the last word before the name.
_LOWER_ROLES = [[word] for word in _TITLES - {"foreign", "vice", "prime", "defense", "defence", "affairs", "private", "general",
                                             "major", "executive", "chief", "deputy", "spec", "justice", "lady", "sir", "lord"}]  # fmt: skip
# What a person owns or goes through, after "in X's": then X is no place (on the dev sets "in X's" was a person
# before these words and a place before "suburbs", "capital", "stadium", "main bus terminal").
_PERSONAL_AFTER = re.compile(
    r"\s+(?:(?:[a-z]+\s+)?(?:car|truck|home|house|apartment|bedroom|room|office|funeral|trial|case|death|killing|murder"
    r"|arrest|campaign|statement|testimony|lawyer|attorney|family|life|name|hearing|impeachment|beating|tenure)"
    r"|brother|sister|son|daughter|wife|husband|mother|father)\b"
)
_INITIAL = re.compile(r"[A-Z]\.$")  # a middle initial: "Ann J. Roe"
_INITIALS = re.compile(r"(?:[A-Z]\.)+$")  # one or more: "George H.W. Bush"
# "James and Mary Roe": a one-word run before "and" and a two-word name. COUPLE marks the first
# person's name read so ("James Roe"); find_entities keeps that reading only where "James" is a given name.
_COUPLE = re.compile(rf"[{_UPPER}][{_LOWER}]+ [{_UPPER}][{_LOWER}]+(?:[-'’][{_UPPER}]?[{_LOWER}]+)?$")
# A surname's particles in lower case before its capital ("lawyers for van der Sloot"): part of the name.
_PARTICLES_BEFORE = re.compile(r"(?<![\w'’-])(?:van der|van den|van de|von der|van|von)\s$")
_GIVEN_ALONE = re.compile(rf"[{_UPPER}][{_LOWER}]{{2,}}(?=$|\s)")
COUPLE = "couple"
_SPEAKS_AFTER = re.compile(r"\s+(?:said|says|told)\b")
# After "said X", a lower-case word other than these opens the clause X is the subject of ("said Kelsby
# would…", "said Kelsby also plans…") or goes on with the role X qualifies ("said Kelsby police chief Ann
# Roe"): then X is what was said about, not who said it. The attributions that go on read "said Curran in a
# statement", "…on Monday", "…yesterday". (Dev sets: 13 one-word "people" typed so, all towns, firms, parks,
# peoples, storms and adjectives of nationality; 2 of the 15 changed types were people.)
_SUBJECT_AFTER = re.compile(
    r"\s+(?!(?:in|on|at|after|before|during|when|while|as|from|to|of|for|about|yesterday|today|tonight|last|late"
    r"|earlier|later|recently|this|and|but)\b)[a-z]"
)
_PERSON_AFTER = re.compile(
    r"^(?:,\s+\d{1,3},|,\s+(?:(?:an?|the)\s+(?!(?:[a-z]+\s+){1,2}(?:was|were|is|are|has|have|had|will|would|said|says|ruled|found"
    r"|reported|added|announced|concluded|decided)\b)[a-z]|who(?:se)?\s|one of\s|(?:[a-z]+\s+){0,2}"
    r"(?:director|chief|head|spokesman|spokeswoman|officer|minister|manager|commander|secretary)\b)"
    r"|\s+(?:said|says|told|added|explained|noted|wrote)\b"
    # ", European Commissioner for the Environment," ", Interior Minister," (closed by a comma: "In Kelsby, Mayor
    # Ann Roe said" is no description of Kelsby)
    r"|,\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,3}(?:Commissioner|Minister|Secretary|Director|Chairman|Chairwoman|President"
    r"|Spokesman|Spokeswoman|Governor|Ambassador|Envoy|Administrator|Mayor|Senator|Adviser|Advisor)"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*){0,4})?,)"
)
_ACRONYM_PAREN = re.compile(rf"({_NAME_RUN.pattern})\s*\(\s*([A-Z]{{2,6}})\s*\)")
_ACRONYM_OR = re.compile(rf"({_NAME_RUN.pattern}),?\s+or\s+(?:the\s+)?([A-Z]{{2,6}})\b")
# The two patterns above start with a name run and so try every capital letter; a search for the acronym
# part of each lets most sentences skip it (a plain first character: re jumps to where it stands).
_ACRONYM_HINTS = (
    (_ACRONYM_PAREN, re.compile(r"\(\s*[A-Z]{2,6}\s*\)")),
    (_ACRONYM_OR, re.compile(r"or\s+(?:the\s+)?[A-Z]{2,6}\b")),
)
_SUFFIXES = ("n", "an", "ian", "i", "ese", "ish", "s", "es")  # Syria/Syrian, Iraq/Iraqi: related, not variants
# Adjectives of nationality or faith describe names ("Syrian army", "Kurdish militias"); they are not
# names of their own. Regular ones are recognised by their suffix and base ("Iraqi" beside "Iraq").
_DEMONYMS = {"arab", "arabs", "french", "dutch", "greek", "thai", "swiss", "islamic", "muslim", "christian",
             "jewish", "catholic", "protestant", "hindu", "buddhist", "sikh", "sunni", "shia", "shiite", "western", "european", "asian", "african",
             # frequent ones whose country is seldom named beside them ("American" beside "the United States")
             "american", "americans", "british", "russian", "russians", "german", "germans", "italian", "canadian",
             "mexican", "australian", "indian", "korean", "iranian", "israeli", "israelis", "palestinian", "palestinians",
             "ukrainian", "egyptian", "brazilian", "nigerian", "syrian", "iraqi", "iraqis", "afghan", "saudi",
             # irregular ones that no suffix rule derives from their place ("Chechen" of Chechnya)
             "chechen", "chechens", "norwegian", "norwegians", "irish", "saudis",
             # parties' adjectives and members: "Republican senators", "the Democrats"
             "republican", "republicans", "democrat", "democrats", "democratic",
             # languages, which "in" makes look like places ("a broadcast in Swahili"); not those that open
             # names of places or bodies ("Latin America", "Persian Gulf", "Tamil Tigers")
             "arabic", "swahili", "urdu", "hindi", "mandarin", "cantonese", "amharic", "farsi", "pashto", "tagalog",
             "bengali", "punjabi", "hebrew", "yiddish", "esperanto", "gaelic"}
# Words for people by their colour or origin, capitalised as in "a Black man": no name, unless the surname of
# a person of the cluster (on the dev sets 7 such rows listed, none a name)
# Buildings or streets named for the body that works there (the White House has its "House" head)
_SEATS = {"pentagon", "kremlin", "whitehall", "élysée", "elysee"}
_RACES = {"black", "blacks", "white", "whites", "hispanic", "hispanics", "latino", "latinos", "latina", "latinas"}
_DEMONYM_ENDINGS = ("ish", "ese")
_INITIAL_SOUND = {"c": "k"}  # Catriona/Katriona, Carl/Karl: variants are compared when they sound alike
_COUNTRY_ABBREVIATIONS = {"US", "USA", "UK", "UAE", "DRC"}  # acronyms, but places
_DEMONYM_SUFFIXES = ("ian", "an", "i", "n")  # need their base among the cluster's names: Syria/Syrian
_LEADING = " \"'“‘([`"  # skipped before a text's first word
# A sentence quoted inside another starts after one of these (following a space); "``" opens a quote in older wire text.
_OPENING_QUOTES = "“\"‘'`"
# Heads an organisation's name continues after with "for" or "on" ("Centers for Disease Control",
# "Intergovernmental Panel on Climate Change", "Framework Convention on Climate Change").
_FOR_HEADS = {"center", "centers", "centre", "centres", "institute", "council", "committee", "commission", "office",
              "agency", "society", "alliance", "campaign", "coalition", "movement", "foundation", "fund", "league",
              "party", "organization", "organisation", "association", "union", "federation", "network", "panel",
              "conference", "convention", "subcommittee", "court"}  # fmt: skip
_FOR_GAPS = (" for ", " for the ", " on ")
# Heads of the names of documents, meetings and awards: never a person or a place, whatever the words
# around them ("the Kyoto Protocol, the 1997 pact" is no person; "in World War II", "at the World Economic Forum",
# "from Flight 990" are no places).
_THING_HEADS = {"protocol", "treaty", "accord", "accords", "agreement", "convention", "conference", "summit", "act",
                "bill", "law", "report", "plan", "prize", "award", "awards", "cup", "games", "olympics", "festival",
                "declaration", "charter", "amendment", "roadmap", "initiative",
                "war", "wars", "forum", "flight"}  # fmt: skip
# A number after a head ("Flight 990", "World War II"): the head is the word before it
_NUMBER_END = re.compile(r"(?:\d+|[IVX]+)$")
_ILLNESSES = {"covid", "covid-19", "sars", "mers", "hiv", "aids", "ebola", "h5n1", "h1n1", "zika", "mpox", "bse", "cjd", "vcjd", "mrsa", "ptsd"}
_ILLNESS_HEADS = {"disease", "syndrome", "fever", "flu", "virus", "disorder"}  # "Creutzfeldt-Jakob Disease" is no body
# Outlets keep their whole names apart: "Associated Press" and "Australian Associated Press" are two agencies.
_MEDIA_HEADS = {"press", "news", "times", "post", "journal", "herald", "tribune", "gazette", "daily", "media",
                "network", "examiner", "telegraph", "guardian", "star", "globe", "chronicle"}  # fmt: skip
# Dotted acronyms that are bodies, not countries like "U.S." and "U.K.".
_DOTTED_BODIES = {"UN", "EU"}
_CROSS_BODIES = {"red", "blue"}  # "Red Cross", "Blue Cross": the bodies among names ending in "Cross"
_REGION_HEADS = {"shore", "side", "seaboard", "end"}  # after a direction: a part of a country or a city
# "Mt. Columbine, a hill", "the River Tave": a place whatever follows
_PLACE_FIRST = {"mount", "mt", "fort", "ft", "lake", "cape", "port", "capitol", "river"}
_ORG_FIRST = {"university", "ministry", "department", "bank", "council", "office", "bureau", "church", "house", "college", "radio"}
_SAINTS = ("St. ", "Saint ", "Ste. ")  # "St. Helens", "St. Mary's": most often a place named for a saint
_SMALL = {"of", "the", "de", "da", "del", "di", "du", "la", "le", "bin", "ibn", "van", "von", "der", "den", "and", "for"}


_CONTRACTION = re.compile(r"(?:[A-Z][a-z]*['’](?:re|ve|ll|m|d|t)|(?:It|That|There|Here|What|Who|Let|He|She)['’]s)$")  # "We're", "It's"
# A direction alone ("the West", "in the North") is a part of some place the text names, not a name to list
# (a surname's form joins its person first: "West" of "Rhonda West").
_DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "northern",
               "southern", "eastern", "western", "midwest"}  # fmt: skip
# A head word alone names no one body ("Corp" of an "AT&T Corp." the scan cannot read, the "Group" of "Group
# of 20", the "Association" after "Nurses '"): not listed unless it joined a longer name. Bodies known by a
# single word ("Congress", "Senate", "Army") are not among them; "the state Legislature" is no one body's name.
_LONE_HEADS = {"corp", "co", "inc", "ltd", "llc", "plc", "company", "group", "association", "federation", "committee",
               "department", "street", "legislature"}  # fmt: skip
# Common nouns that the news capitalises: no one's name; and the words that rank or number what follows
# ("a Category 4 storm", "Phase 2", "Section 8 vouchers").
_COMMON_CAPITALS = {
    "internet", "web", "category", "level", "phase", "stage", "grade", "class", "type", "section", "chapter", "article", "page",
}  # fmt: skip
_NOT_LISTED = _DIRECTIONS | _LONE_HEADS | _COMMON_CAPITALS  # single words listed only when joined to a longer name
# Words no person's full name holds: heads of bodies, places, events, documents and illnesses, nationalities.
_NOT_PERSON_WORDS = _ORG_HEADS | _PLACE_HEADS | _THING_HEADS | _EVENT_WORDS | _ILLNESS_HEADS | _DEMONYMS
# Unions that words are tested against, built once (building one for each test cost more than the test).
_HEADS = _ORG_HEADS | _PLACE_HEADS
_HEADS_AND_EVENTS = _HEADS | _EVENT_WORDS
_HEADS_PARTICLES_AND_DEMONYMS = _HEADS | _SMALL | _DEMONYMS
_HEADS_BEFORE_OF = _ORG_HEADS | _FOR_HEADS  # "Institute of…", "Centers for…"
_NEW_PLACES = {"York", "Orleans", "Delhi", "England", "Haven", "Brunswick", "Caledonia", "Territories"}
_POSSESSIVE = re.compile(r"['’]s$")


_GENERATION = re.compile(r",?\s+(?:(?:Jr|Sr)\.?|III|IV)$")  # "Charles Graner Jr.", "Ann Roe III" are Charles Graner, Ann Roe ("II" ends "World War II")


def _clean_form(form: str) -> str:
    form = _GENERATION.sub("", _POSSESSIVE.sub("", form.strip()))
    return form.strip(" -")


_SHOUTED = re.compile(r"[A-Z]{4,}$")  # "the JUSTICE Act": a word in capitals names a bill or a body, not a title ("CEO" is one)


# A body's head word right after a title word: the title opens the body's name ("General Staff of the Army",
# "Defense Forces Hercules" of "Australian Defense Forces Hercules"), no holder's.
_BODY_AFTER_TITLE = _ORG_HEADS | {"staff"}


# Title words that end a post's name of several words ("Chief Science Officer", "Deputy Managing Director") and no
# one's surname (where "Dr. Ivo Major" and "Dr. Martin Luther King" are people).
_POST_ENDS = frozenset({
    "officer", "director", "executive", "secretary", "president", "commissioner", "adviser", "advisor", "counsel",
    "chairman", "chairwoman", "spokesman", "spokeswoman", "correspondent", "editor", "analyst", "economist", "strategist",
    "scientist", "superintendent", "ceo", "secretary-general", "director-general",
})  # fmt: skip


def _strip_titles(tokens: list[str]) -> tuple[list[str], bool]:
    """Tokens without leading titles ("Australian Defence Minister Ian Hale" → "Ian Hale"), and whether
    there were any (a titled name is a person's)."""
    titled, given = False, tokens
    while len(tokens) > 2 and tokens[0].lower() in _NOT_NAMES and _title_word(tokens[1]) and tokens[2] != "of":
        tokens = tokens[1:]  # "But Mr. Trump", "Former President Obama": the title still opens the holder's name
    while len(tokens) > 1 and not _SHOUTED.match(tokens[0]) and (
        tokens[0].lower().rstrip(".") in _TITLES
        or (_plural_title(tokens[0]) and tokens[1][0].isupper())  # not "Residents of Kelsby"
        or (tokens[1].lower().rstrip(".") in _TITLES and tokens[0].lower().endswith(("ian", "an", "ish", "ese", "i")))
    ):
        tokens, titled = tokens[1:], True
    # "U.S. President Donald Trump", "(Deputy) Attorney General Rod Rosenstein", "Treasury Secretary Roe", and after a
    # body's name with "of" ("Joint Chiefs of Staff Chairman Ann Roe"), but not before one ("Director of the Census Bureau")
    # nor inside one ("Ann Roe of Kelsby General Hospital")
    last = max((k for k, t in enumerate(tokens[:-1]) if t.lower().rstrip(".") in _TITLE_WORDS), default=None)
    # (one word after the title only behind a qualifier: "JUSTICE Act" is a bill's name)
    if (
        last is not None
        and len(tokens) - last - 1 <= 3
        and (last > 0 or len(tokens) > 2)
        and ("of" not in tokens or ("of" not in tokens[last:] and tokens[-1].lower() not in _HEADS))
    ):
        tokens, titled = tokens[last + 1 :], True
    if titled and len(tokens) == 1 and _POSSESSIVE.sub("", tokens[0]).lower().rstrip(".") in _TITLES:
        return [], False  # "European Commissioner", "the Attorney General's office": a title without its holder's name
    if titled and _POSSESSIVE.sub("", tokens[-1]).lower() in _POST_ENDS and tokens[0].lower() not in GIVEN_NAMES:
        return [], False  # "Chief Science Officer": a title of several words, still no holder's name
    if titled and tokens[0] == "of":
        titled = False  # "Director of the Census Bureau", "Secretary of Defence": what the title is of
    elif titled and (_POSSESSIVE.sub("", tokens[-1]).lower() in _HEADS or tokens[0].lower() in _BODY_AFTER_TITLE):  # "the Justice Department's"
        if not (2 <= (at := tokens.index("of") if "of" in tokens else 0) <= 3 and tokens[at - 1].lower() not in _HEADS):
            return _without_non_names(given), False  # "Defence Ministry", "Australian Defence Force": a body
        # else "Dr. Eric Topol of the Cleveland Clinic": a person of a body, read apart by _affiliation
    return _without_non_names(tokens), titled


def _plural_title(word: str) -> bool:
    """A plural title before several names ("Officers Kenneth Boss, Sean…", "Sens. Ann Lee and…",
    "Balloonists Bertrand Piccard and…"): no given name ends in "ists"."""
    lower = word.lower().rstrip(".")
    return lower.endswith("s") and (lower[:-1] in _TITLES or (lower.endswith("ists") and len(lower) > 6))


def _title_word(word: str) -> bool:
    """Is this one word a title ("President", "Gov.") or a plural one ("Sens.")?"""
    return word.lower().rstrip(".") in _TITLES or _plural_title(word)


def _without_non_names(tokens: list[str]) -> list[str]:
    """Without leading words that are never names ("The", "But", the "of" after a title)."""
    while tokens and (tokens[0].lower() in _NOT_NAMES or tokens[0] == "of"):
        if tokens[0] == "New" and len(tokens) > 1 and (f"new {tokens[1].lower()}" in PLACES or tokens[1] in _NEW_PLACES):
            break  # "New York City", "New Zealand": the "New" is the name's
        tokens = tokens[1:]
    return tokens


_WORD_BREAKS = re.compile(r"[\s-]+")


def _initials(name: str) -> str:
    return "".join(w[0] for w in _WORD_BREAKS.split(name) if w and w.lower() not in _SMALL and w[0].isupper())


def _acronym_fits(acronym: str, name: str) -> bool:
    return _initials(name).upper() == acronym


_HYPHEN_PREFIX = re.compile(r"-[a-z]+$")  # "Kurdish-led", "U.S.-backed"
_DOTTED_END = re.compile(r"(?:[A-Z]\.)+$")  # "U.S.", "U.K."


def _name_runs(text: str, pattern: re.Pattern[str] = _NAME_RUN) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that opens with a name run: a run starts at a capital or
    at a lower-case "al-"/"el-"."""
    if "al-" in text or "el-" in text:
        return pattern.finditer(text)
    return finditer_from(pattern, _NAME_START, text)


def _acronym_definitions(sentence: str) -> Iterator[tuple[re.Pattern[str], re.Match[str]]]:
    """Each pattern of _ACRONYM_HINTS with each of its matches in ``sentence``."""
    if "(" not in sentence and " or " not in sentence:
        return
    for pattern, hint in _ACRONYM_HINTS:
        if hint.search(sentence):
            for match in _name_runs(sentence, pattern):
                yield pattern, match


# A possessive inside a run names an owner, then what it owns ("Hong Kong's Department of Health",
# "Britain's Prime Minister Tony Blair"): two names. Kept whole when the owner is a plural that is part of
# the name ("People's Liberation Army", "Children's Hospital") or what follows is a lone head word
# ("McDonald's Corp", "Attorney General's Office"). The owner's own cue is its own: the words before the
# run ("from Pfizer's Viagra") speak of what it owns.
_INNER_POSSESSIVE = re.compile(r"(?<=\w)['’]s\s+")
_OWNED_HEADS = _ORG_HEADS | _PLACE_HEADS | {"corp", "inc", "ltd", "llc", "plc", "day", "eve"}
_PLURAL_OWNERS = {"people", "children", "women", "men", "workers", "veterans", "farmers", "citizens"}


def _split_at_possessors(text: str, begin: int, end: int) -> list[tuple[int, int, bool]]:
    """The spans of a run, cut after each inner possessive that ends an owner's name, each with
    whether it is an owner."""
    spans = []
    for possessive in _INNER_POSSESSIVE.finditer(text, begin, end):
        owner = text[begin : possessive.start()].split()[-1].lower()
        rest = text[possessive.end() : end].split()
        if owner in _PLURAL_OWNERS or (len(rest) == 1 and rest[0].lower().rstrip(".") in _OWNED_HEADS):
            continue
        spans.append((begin, possessive.start() + 2, True))
        begin = possessive.end()
    spans.append((begin, end, False))
    return spans


# "Marlow Board of Tolls and Harbours", "Bureau of Salt, Timber and Wool": a body's name "<head> of …" goes on
# over "and" (or a list "A, B and C") when what follows it stands nowhere else in the cluster as a name of its
# own, as "Orvell" in "the Department of Schools and Orvell officials" does ("in Orvell"). On the dev sets it
# made 50 distinct names whole (HUD, OMB, ATF and the like), all rightly.
_LIST_GAPS = (", ", " and ")  # (not ", and": "the Court of Appeals, and Ann Roe" lists two)
_MAX_LIST_ITEM_WORDS = 3


def _extend_bodies_over_and(text: str, joined: list[tuple[int, int, bool]], cluster_text: str) -> set[int]:
    """Lengthen each span of ``joined`` that names a body "<head> of …" over the list of names after it,
    in place; the indices of the spans it took in."""
    taken: set[int] = set()
    k = 0
    while k < len(joined) - 1:
        begin, end, owner = joined[k]
        last = k
        if not owner and text[end : joined[k + 1][0]] in _LIST_GAPS and _body_before_of(text[begin:end]):
            for j in range(k + 1, len(joined)):
                gap = text[joined[j - 1][1] : joined[j][0]]
                if gap not in _LIST_GAPS or joined[j - 1][2]:
                    break
                if gap != ", ":
                    last = j
                    break
            items = [text[b:e] for b, e, _ in joined[k + 1 : last + 1]]
            if last > k and all(_part_of_a_body(item, cluster_text) for item in items):
                joined[k] = (begin, joined[last][1], joined[last][2])
                taken.update(range(k + 1, last + 1))
            else:
                last = k
        k = last + 1
    return taken


def _body_before_of(run: str) -> bool:
    """Does the run end in "<head> of" and a few words that are no head ("Department of Health", not
    "Ann Roe of Kelsby" or "Board of Health Committee")?"""
    words = run.split()
    if "of" not in words[1:-1]:
        return False
    at = len(words) - 1 - words[::-1].index("of")
    rest = [w for w in words[at + 1 :] if w != "the"]
    return (
        words[at - 1].lower() in _HEADS_BEFORE_OF | _OF_HEADS
        and len(rest) <= _MAX_LIST_ITEM_WORDS
        and rest[-1].lower() not in _HEADS
    )


def _part_of_a_body(item: str, cluster_text: str) -> bool:
    """Can this run after "<head> of X and" be the rest of that body's name: a few plain capitalised words,
    no place, acronym, title, head word or "The", that the cluster never writes as a name of its own?"""
    item = _POSSESSIVE.sub("", item)  # "…and Ann Roe's team": is "Ann Roe" named alone?
    words = item.split()
    if len(words) > _MAX_LIST_ITEM_WORDS or words[0] == "The" or item.lower() in PLACES:
        return False
    if any(w.isupper() or "." in w or w.lower() in PLACES or w.lower() in _TITLE_WORDS or w.lower() in _HEADS for w in words):
        return False
    # (nor its last word: "Ann Roe" once after "and", "Roe" alone elsewhere)
    return not any(
        _standing_alone(cluster_text, m.start(), m.end())
        for name in {item, words[-1]}
        for m in re.finditer(re.escape(name), cluster_text)
    )


_WORD_BEFORE = re.compile(r"(\S*)\s+$")
_INSIDE_A_NAME = re.compile(r"[A-Z][\w'’.-]*\s+(?:of|on|for|de|the)\s+(?:the\s+)?$")  # "Centre on Marsh Studies"


def _standing_alone(text: str, begin: int, end: int) -> bool:
    """Is text[begin:end] a name of its own there: whole words inside a sentence, after no "and", comma or
    capitalised word but a title (a list of names, the rest of a longer one) and before no capitalised word?"""
    following = text[end : end + 1]
    if (following and (following.isalnum() or following in "-'’")) or (begin and text[begin - 1].isalnum()):
        return False
    before = _WORD_BEFORE.search(text, max(0, begin - 40), begin)
    if before is None or "\n" in text[before.start() : begin]:
        return False  # a sentence's first word
    word = before.group(1)
    if not word or word[-1] in ".!?:;,&\"“‘'`" or word == "and" or (word[0].isupper() and not _title_word(word)):
        return False  # (after a title it is a name: "Judge Ann Roe")
    if _INSIDE_A_NAME.search(text, max(0, begin - 40), begin):
        return False
    return not (text[end : end + 1] == " " and text[end + 1 : end + 2].isupper())


# A title in quotes (``Songs for Rain'', "No Parking"): two words or more, each capitalised but the small ones.
# A single word of it is no name ("Rain", "Parking"), unless it is the whole title but "The" ("The Larkins"), a
# country or an acronym; a run of several words ("Operation Clean Harbour") is read as any other.
_QUOTED = re.compile(r"(?:``|''|“|\")([A-Z][^`“”\"]{2,79}?)(?:''|”|\")")
_TITLE_SMALL = frozenset({"a", "an", "the", "of", "for", "and", "or", "to", "in", "on", "at", "with", "from", "by", "is", "be"})
_TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_THE = re.compile(r"^(?:The|A)\s+")


def _quoted_titles(text: str) -> list[tuple[int, int]]:
    """The spans of the titles in quotes in ``text``."""
    spans = []
    for quote in _QUOTED.finditer(text):
        words = _TITLE_WORD.findall(quote.group(1))
        if len(words) >= 2 and all(w[0].isupper() or w in _TITLE_SMALL for w in words):
            spans.append(quote.span(1))
    return spans


def _inside_a_title(text: str, begin: int, end: int, titles: list[tuple[int, int]]) -> bool:
    """Is text[begin:end] one word of a quoted title that holds others, even after words that are no names ("All
    My Children"), and no country's name or acronym ("Welcome to Norway", "OKTA Goes Home" still name them)?"""
    *leading, word = text[begin:end].split()
    return (
        all(w.lower() in _NOT_NAMES for w in leading)
        and any(start <= begin and end <= stop and _THE.sub("", text[start:stop].strip(" ,.")) != word for start, stop in titles)
        and not (word.isupper() or _POSSESSIVE.sub("", word).lower() in PLACES)
    )


def _at_start(text: str, position: int, lead: int) -> bool:
    """Does a sentence (or a quoted one) begin at ``position``: the text's start (after ``lead``
    opening marks), or a capital after ". ", ": " or an opening quote mark?"""
    if position == lead:
        return True
    if not "A" <= text[position] <= "Z":
        return False
    k = position
    while k > 0 and text[k - 1].isspace():
        k -= 1
    if k < position and (k == 0 or text[k - 1] in ":;.!?"):
        return True
    if text[position - 1] not in _OPENING_QUOTES:
        return False
    k = position - 1
    if text[k] == "`" and k > 0 and text[k - 1] == "`":
        k -= 1  # "``Almost every…"
    return k == 0 or text[k - 1].isspace()


def _builtin_mentions(text: str, cluster_text: str = "") -> list[tuple[str, str, bool]]:
    """(form, cue type, at sentence start) for each capitalised run in ``text``, a sentence of ``cluster_text``
    (all the cluster's sentences: whether a word stands as a name of its own elsewhere; the sentence alone by default)."""
    mentions: list[tuple[str, str, bool]] = []
    joined: list[tuple[int, int, bool]] = []  # (start, end, an owner before a possessive)
    couples: dict[int, str] = {}  # index in joined of a given name before "and" and a full name → that surname
    particles = "v" in text and ("van " in text or "von " in text)  # (cheaper than a search before every run)
    for match in _name_runs(text):
        gap = text[joined[-1][1] : match.start()] if joined and match.start() - joined[-1][1] <= len(" for the ") else ""
        if gap and (
            (
                gap in (" and ", " & ")
                and (match.group().split()[-1].lower() in _ORG_HEADS or " for " in text[joined[-1][0] : joined[-1][1]])
                and not _whole_before_and(text[joined[-1][0] : joined[-1][1]])
                and not match.group().startswith("The ")
            )
            or (
                gap in _FOR_GAPS
                and text[joined[-1][0] : joined[-1][1]].split()[-1].lower() in _FOR_HEADS
                and match.group().split()[0].lower() not in _NOT_NAMES  # "the Supreme Court on Monday"
            )
        ):  # "Esterby Fire and Rescue Service", "Centers for Disease Control and Prevention": one organisation
            joined[-1] = (joined[-1][0], match.end(), False)
        elif "s " in (run := match.group()) and ("'s " in run or "’s " in run):
            joined.extend(_split_at_possessors(text, match.start(), match.end()))
        else:
            particle = particles and _PARTICLES_BEFORE.search(text, max(0, match.start() - len("van der ")), match.start())
            if gap == " and " and _COUPLE.match(run) and _GIVEN_ALONE.match(text, joined[-1][0], joined[-1][1]):
                couples[len(joined) - 1] = run.split()[1]  # "John and Mary Roe": the "John" is John Roe
            joined.append((particle.start() if particle else match.start(), match.end(), False))  # "van der Sloot"
    taken = _extend_bodies_over_and(text, joined, cluster_text or text) if len(joined) > 1 and " and " in text and " of " in text else frozenset()
    lead = len(text) - len(text.lstrip(_LEADING))
    titles = _quoted_titles(text) if '"' in text or "``" in text or "''" in text or "“" in text else ()
    for k, (begin, end, owner) in enumerate(joined):
        if k in taken or (titles and _inside_a_title(text, begin, end, titles)):
            continue
        if text.startswith(" and ", end) and k + 1 < len(joined):
            following = text[joined[k + 1][0] : joined[k + 1][1]]
            if _opens_a_title(text[begin:end], following, cluster_text or text):
                continue  # "Housing and Urban Development Secretary Ann Roe"
        if text.endswith(_NUMBERED_WORDS, begin, end) and (number := _NUMBER_AFTER.match(text, end)):
            end = number.end()  # "Route 14"
        anywhere, opening = _readings(text[begin:end])
        reading = opening if opening is not anywhere and _at_start(text, begin, lead) else anywhere
        if isinstance(reading, _Named) and len(reading.tokens) == 2 and _common_word_before_acronym(reading.tokens, cluster_text or text) and _at_start(text, begin, lead):
            reading = _readings(reading.tokens[1])[0]  # "Senior U.S. officials": the name is "U.S."
        if reading is None:
            continue
        if isinstance(reading, _Affiliated):
            mentions.extend((form, cue, False) for form, cue in reading.parts)
            continue
        start = reading.single and _at_start(text, begin, lead)
        if k in couples and reading.cue is None and reading.single and _couple_of(reading.form, text[joined[k + 1][0] : joined[k + 1][1]]):
            mentions.append((f"{reading.form} {couples[k]}", COUPLE, start))
            continue
        cue = reading.cue or ("other" if owner else _context_cue(reading, text[max(0, begin - 30) : begin], text[end : end + _AFTER_REACH]))
        mentions.append((reading.form, cue, start))
    return mentions


def _common_word_before_acronym(tokens: tuple[str, ...], cluster_text: str) -> bool:
    """Are these two tokens a word the cluster also writes in lower case and an acronym or a country's abbreviation
    ("Senior U.S.", "Several NATO"): at a sentence start the capital is the sentence's, no part of the name?"""
    return (
        (_ACRONYM.match(tokens[1]) is not None or tokens[1].replace(".", "") in _COUNTRY_ABBREVIATIONS)
        and f" {tokens[0].lower()} " in cluster_text
    )


def _whole_before_and(run: str) -> bool:
    """Does this run end a name before "and": a body's head or an outlet's ("Wall Street Journal and The New York
    Times"), or, unless a body's name runs on in it ("Institute for USA and Canada Studies"), an acronym ("FBI and
    Justice Department") or a titled person ("President Ann Roe and Congress")?"""
    last = run.rsplit(None, 1)[-1]
    if last.lower() in _ORG_HEADS or last.lower() in _MEDIA_HEADS:
        return True
    if " of " in run or " for " in run:
        return False
    if _ACRONYM.match(last) or _DOTTED_END.match(last):
        return True
    anywhere, _ = _readings(run)
    return isinstance(anywhere, _Named) and anywhere.cue == "person"


def _opens_a_title(run: str, following: str, cluster_text: str) -> bool:
    """Is ``run`` the first half of a title's qualifier that goes on after "and" in ``following`` ("Housing and Urban
    Development Secretary Ann Roe"): common words the cluster also writes in lower case, before a titled name whose
    title has capitalised words of its own before it (but "Giuliani and Police Commissioner Ann Roe" are two people)?"""
    words, tokens, titled = _run_tokens(following)
    return (
        titled
        and len(words) - len(tokens) >= 2
        and words[0].lower().rstrip(".") not in _TITLE_WORDS
        and all(f" {word.lower()} " in cluster_text for word in run.split())
    )


class _Named(NamedTuple):
    """A run read as one name: its form and tokens, the type the name itself shows (None: ask the
    context), and whether it is a single word as written (a sentence start may then be no name)."""

    form: str
    tokens: tuple[str, ...]
    cue: str | None
    single: bool
    person_shaped: bool  # _person_shaped(tokens) where the context is asked, found once per distinct run


class _Affiliated(NamedTuple):
    """A run read as a person and the body they belong to: (form, type) of each part found."""

    parts: tuple[tuple[str, str], ...]


_Reading = _Named | _Affiliated | None


@lru_cache(maxsize=100_000)
def _readings(raw: str) -> tuple[_Reading, _Reading]:
    """How a capitalised run reads (anywhere, at a sentence start): everything about it that does not
    depend on the text around it, found once per distinct run (a cluster repeats its names) in one
    cache look-up. The two readings are the same object unless the start changes it."""
    words, tokens, titled = _run_tokens(raw)
    anywhere = _reading(raw, words, tokens, titled)
    if len(tokens) > 2 and tokens[1] == "of" and tokens[0] == words[0] and tokens[0].lower() not in _ORG_FIRST | _ORG_HEADS | _PLACE_HEADS:
        tokens = tokens[2:]  # "Residents of Kelsby" at a sentence start: the name is "Kelsby"
        while len(tokens) > 1 and tokens[0] in _SMALL:
            tokens = tokens[1:]
        return anywhere, _reading(raw, words, tokens, titled)
    return anywhere, anywhere


def _reading(raw: str, words: tuple[str, ...], tokens: tuple[str, ...], titled: bool) -> _Reading:
    if not tokens:
        return None
    person, affiliation = _affiliation(tokens)
    if affiliation:  # "Ailsa Curran of Highland Police": a person and an organisation
        parts = []
        for part, cue in ((person, "person"), (affiliation, None)):
            if (named := _name(part)) is not None:
                form, part = named
                parts.append((form, cue or _token_cue(raw, form, part, False) or "other"))
        return _Affiliated(tuple(parts))
    named = _name(tokens)
    if named is None:
        return None
    form, tokens = named
    cue = _token_cue(raw, form, tokens, titled)
    return _Named(form, tokens, cue, len(tokens) == 1 and words[0] == tokens[0], cue is None and _person_shaped(tokens))


# Names whose own head comes before "of" ("Democratic Republic of the Congo", "Royal Bank of Scotland"):
# they are one name, not a person and an affiliation.
_OF_HEADS = {"republic", "kingdom", "chiefs", "states", "emirates", "bureau", "society", "academy", "museum", "chamber",
             "church", "house", "order", "friends", "sisters", "brothers", "daughters", "sons", "staff"}  # fmt: skip


_NOT_IN_PERSONS = frozenset({"for", "the", "on"})  # words that join a body's name, never a person's


def _affiliation(tokens: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(person, organisation or place) when a run is a two- or three-word name, "of" and an affiliation
    ("Karim Ben Ali of the Red Cross"); else (tokens, ())."""
    if "of" not in tokens:
        return tokens, ()
    at = tokens.index("of")
    person, rest = tokens[:at], tokens[at + 1 :]
    if rest[:1] == ("the",):
        rest = rest[1:]
    head = person[-1].lower() if person else ""
    plain = [t for t in person if t not in _SMALL]
    if not (2 <= len(plain) <= 3) or not rest or head in _ORG_HEADS | _PLACE_HEADS | _ORG_FIRST | _OF_HEADS | _TITLES:
        return tokens, ()
    if not _NOT_IN_PERSONS.isdisjoint(person):
        return tokens, ()  # "Society for the Study of Marsh Birds" is one body, no person "Society for the Study"
    return person, rest


# A title that holds "of" ("Secretary of State Madeleine Albright"): stripped whole before the name.
_TITLE_OF = re.compile(
    r"^(?:[A-Z][\w.-]*\s+)*(?:Secretary|Minister|Ministers)\s+of\s+(?:the\s+)?(?:State|Defense|Defence|Treasury|Health"
    r"|Education|Energy|Interior|Foreign\s+Affairs|Agriculture|Labor|Labour|Commerce|Justice|Transportation"
    r"|Homeland\s+Security|Veterans\s+Affairs|Housing|Finance|Trade)\s+(?=[A-Z])"
)


def _run_tokens(raw: str) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """(words, name tokens without titles or a hyphenated modifier, titled) of a capitalised run."""
    words = tuple(raw.split())
    if (title := _TITLE_OF.match(raw)) and 1 <= len(raw[title.end() :].split()) <= 3:
        return words, tuple(raw[title.end() :].split()), True  # "Secretary of State Madeleine Albright"
    tokens, titled = _strip_titles(list(words))
    while tokens and "-" in tokens[0] and _HYPHEN_PREFIX.search(tokens[0]):  # "Kurdish-led Syrian Democratic Forces"
        tokens = tokens[1:]  # and alone ("the Maryland-based company") no name at all
    while len(tokens) > 1 and tokens[-1].lower() in _WEEKDAYS:
        tokens = tokens[:-1]  # "said Microsoft Friday"
    return words, tuple(tokens), titled


def _name(tokens: tuple[str, ...]) -> tuple[str, tuple[str, ...]] | None:
    """(form, its tokens) when the tokens name something, None for "The", "But Monday", "We're" and the like."""
    form = _clean_form(" ".join(tokens))
    if len(form) < 2 or form.lower() in _NOT_NAMES or all(t.lower() in _NOT_NAMES for t in form.split()):
        return None
    if _CONTRACTION.match(tokens[0]):
        return None
    if len(tokens) == 2 and (tokens[0].lower() in _DEMONYMS or _demonym_like(tokens[0])) and _ACRONYM.match(tokens[1]):
        return tokens[1], tokens[1:]  # "Kurdish YPG" is the YPG
    return form, tokens


def _token_cue(raw: str, form: str, tokens: tuple[str, ...], titled: bool) -> str | None:
    """The type the name itself shows (a title, an organisation's head word, "U.S."), or None."""
    if form.replace(".", "") in _DOTTED_BODIES:
        return "org"  # U.N., EU
    if form.replace(".", "") in _COUNTRY_ABBREVIATIONS or (
        raw.endswith(".") and len(tokens) == 1 and len(form) <= 4 and _DOTTED_END.search(raw)
    ):
        return "place"  # U.S., U.K.
    if form.lower() in PLACES:
        return "place"  # "Britain would help": a country whatever the words around it
    if form.lower() in ORGANISATIONS:
        return "org"  # "Reuters reported", "talks with Hamas"
    if form.lower() in _SEATS:
        return "org"  # "the Pentagon said": the body that sits there, though "in the Pentagon" reads as a place
    head, first = _POSSESSIVE.sub("", tokens[-1]).lower().rstrip("."), tokens[0].lower()  # "the Democratic Party's"
    numbered = len(tokens) > 1 and _NUMBER_END.match(tokens[-1]) and tokens[-2].lower() in _THING_HEADS
    if head in _THING_HEADS or numbered or first == "operation" or (head not in _ORG_HEADS and _STORM.match(form)):
        return "other"  # "Kyoto Protocol", "Nobel Peace Prize", "the President of the Conference", "Operation Warp Speed"
    if titled:
        return "person"
    if head == "cross" and len(tokens) > 1 and tokens[-2].lower() not in _CROSS_BODIES:
        # "King's Cross" is a district, where the "Red Cross" is a body; "Kings Cross" or "Ann Cross" is either
        return "place" if _POSSESSIVE.search(tokens[-2]) else None
    if len(tokens) == 2 and first in _DIRECTIONS and head in _REGION_HEADS:
        return "place"  # "Eastern Shore", "West Side" (but "Dinah Shore" may be a person)
    if head in _ORG_HEADS or first in _ORG_FIRST or any(
        t in ("of", "for", "on") and tokens[k - 1].lower() in _HEADS_BEFORE_OF for k, t in enumerate(tokens[1:], 1)
    ):
        return "org"  # "…Forces", "University of…", "Shenzhen Institute of…", "Centers for…"
    if (head in _PLACE_HEADS and not (head in _SURNAME_HEADS and len(tokens) == 2 and first in GIVEN_NAMES)) or (
        first.rstrip(".") in _PLACE_FIRST or (_NUMBERED.match(tokens[0]) and tokens[0] != "Flight")
    ):
        return "place"
    if form.lower() in _ILLNESSES or head in _ILLNESS_HEADS:
        return "other"  # "COVID", "HIV": capitals, but no organisation
    if len(tokens) == 1 and _ACRONYM.match(tokens[0]):
        return "org"
    return None


# "in Harrow magazine", "the Kelsby Echo newspaper": a publication's name, not a place's (the words, a cheap test
# before the pattern that keeps "journalist" out)
_PUBLICATIONS = (" magazine", " newspaper", " journal", " weekly", " tabloid")
_PUBLICATION_AFTER = re.compile(rf"(?:{'|'.join(_PUBLICATIONS)})\b")
_ONE_BEFORE = re.compile(r"(?<![\w-])(?:[Aa]n?|[Oo]ne)\s+$")  # "a Kelsby newspaper": one of that town's
# "the Al Qaeda organization", "the Abu Sayyaf rebel group": an Arabic name before what a body is called is the
# body's. Only those: "the bin Laden organization", "the Piccard group" are a person's, "the Vioxx group" the
# takers of a drug (on the dev sets this cue after any name made 7 names wrong in 15).
_GROUP_FIRST_WORDS = frozenset({"Al", "El", "Abu"})
_GROUP_PREFIXES = ("al-", "Al-", "el-", "El-")
_GROUP_AFTER = re.compile(
    r"\s+(?:(?:terrorist|militant|extremist|rebel|guerrilla|separatist|insurgent|jihadist|armed)\s+)?(?:organi[sz]ation|group|faction|operatives?)\b"
)


# What happens to or around a person, after the name: "in the Ann Roe case" is in a case, not in a place "Ann Roe"
# (a few words may come between: "in the Ann Roe sexual harassment case", "in the Ann Roe custody saga")
_AFFAIR_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}(?:case|saga|trial|scandal|affair|lawsuit|suit|investigation|probe|inquiry|controversy"
    r"|recall|verdict|deposition|testimony|hearings?)\b"
)


def _context_cue(reading: _Named, before: str, after: str) -> str:
    """The type the words around the name show ("in X" → place, "said X" → person), else "other"."""
    tokens = reading.tokens
    spaced = before[-1:].isspace()  # every cue before a name ends in white space…
    cue_start = max(0, len(before.rstrip()) - _CUE_WORD)  # …after its last word, which starts no earlier
    ending = _last_letters(before)
    # "according to X" is a source, not a place "to" go
    attributed = _may_end(ending, _PERSON_ENDINGS) and _PERSON_BEFORE.search(before, cue_start)
    # "in Wallace's car" is in the car, not in a place "Wallace"; "in Kelsby's suburbs" is in Kelsby
    owner = tokens[-1].endswith(("'s", "’s")) and _PERSONAL_AFTER.match(after)
    if after.startswith(_PUBLICATIONS) and _PUBLICATION_AFTER.match(after) and not _ONE_BEFORE.search(before):
        return "org"  # "in Harrow magazine": a publication, wherever it is read (but "a Kelsby newspaper" is the town's)
    if (tokens[0] in _GROUP_FIRST_WORDS or tokens[0].startswith(_GROUP_PREFIXES)) and _GROUP_AFTER.match(after):
        return "org"
    if (
        _may_end(ending, _PLACE_ENDINGS)
        and not attributed
        and not owner
        and _PLACE_BEFORE.search(before, max(0, len(before) - _CUE_REACH))
        and not _AFFAIR_AFTER.match(after)
    ):
        return "place"
    if _may_end(ending, _BODY_ENDINGS) and _BODY_BEFORE.search(before, max(0, len(before) - _CUE_REACH)):
        return "org"
    if reading.person_shaped:
        # (not right after "the": "since the Border War, who…" is an event's name, not a person's)
        if len(tokens) > 1 and not (before.endswith(" the ") or before == "the ") and (
            attributed
            or _PERSON_AFTER.match(after)
            or (before.endswith(", ") and after[:1] == "," and _ROLE_BEFORE.search(before))
            or (spaced and before.rstrip(", ").rsplit(None, 1)[-1:] in _RELATIVES)
            or (spaced and before.rsplit(None, 1)[-1:] in _LOWER_ROLES)
        ):
            return "person"  # "said Gwen Tarrant", "Gwen Tarrant said", "The mayor, Ilse Maertens,"
        if len(tokens) == 1 and _KIN_BEFORE.search(before, max(0, len(before) - _KIN_REACH - 1)):
            return "person"  # "his mother, Judy,", "her son Kevin"
        if (
            len(tokens) == 1
            and _may_end(ending, _SAID_ENDINGS)
            and _SAID_BEFORE.search(before, cue_start)
            and not tokens[0].endswith(("'s", "’s"))
            and not _SUBJECT_AFTER.match(after)
        ):
            return "person"  # "said Curran" (but "Australia said", "according to Xinhua": they speak too)
        if len(tokens) == 1 and _SPEAKS_AFTER.match(after):
            return SPEAKER
    return "other"


def _last_letters(before: str) -> str:
    """The last two letters of the words before a name, "" where no white space follows them."""
    if not before[-1:].isspace():
        return ""
    end = len(before.rstrip())
    return before[max(0, end - 2) : end]


def _may_end(letters: str, endings: frozenset[str]) -> bool:
    """Can a cue phrase whose last two letters are one of ``endings`` end in ``letters`` (_last_letters)?
    Outside ASCII always: a case-insensitive ``re`` reads "ı" and "ſ" as "i" and "s", where lower() does not."""
    return letters.lower() in endings or not letters.isascii()


def _person_shaped(tokens: tuple[str, ...]) -> bool:
    """Could these words be a person's name: one to three capitalised words ("Gwen Tarrant", "Mohammed
    al-Rashid"), with a middle initial ("Ann J. Roe") or particles between them ("Yvo de Boer", "Joran van der Sloot")?"""
    if not 1 <= len(tokens) <= 4:
        return False
    if all((t[0].isupper() and not t.isupper()) or t.startswith(_NAME_PREFIXES) for t in tokens):
        return len(tokens) <= 3
    inner = tokens[1:-1]
    return all(t[0].isupper() and not t.isupper() for t in (tokens[0], tokens[-1])) and (
        all(t in _SMALL for t in inner) or (len(inner) == 1 and _INITIAL.match(inner[0]) is not None)
    )


def full_name_of_person(name: str) -> bool:
    """Can ``name`` only be a person's full name: person-shaped, two words or more, none of them a head of
    a body, a place, an event or a document ("Ann Roe", not "Kelsby Act" or "Upland Authority")?"""
    tokens = tuple(name.split())
    return (
        len(tokens) >= 2
        and _person_shaped(tokens)
        and not {t.lower() for t in tokens} & _NOT_PERSON_WORDS
        and name.lower() not in PLACES
    )


def _demonym_like(word: str) -> set[str]:
    """{word, lowercased} when its ending alone marks a nationality adjective ("Kurdish", "Lebanese")."""
    lower = word.lower()
    return {lower} if lower.endswith(_DEMONYM_ENDINGS) and len(lower) > 5 else set()


def _demonym(form: str, names: set[str], cues: dict[str, int]) -> bool:
    """Is this single word a nationality or faith adjective rather than a name? ``names``: every
    form the cluster uses, lowercased (a regular demonym needs its base among them or among the places of
    `gazetteer`: "Moroccan" where no "Morocco" is named)."""
    if " " in form or not form[:1].isupper():
        return False
    word = form.lower().replace("'", "").replace("’", "")  # "Shi'ite"
    if word in _DEMONYMS:
        return True
    if word.endswith("ns") and _demonym(form[:-1], names, cues):
        return True  # "Iranians", "Romanians": the people of a country, not a name of their own
    parts = word.split("-")
    if len(parts) > 1 and all(p in PLACES or p in _DEMONYMS or p in names for p in parts):
        return True  # "Syria-Lebanon deal", "Israeli-Palestinian talks": two names describing a third
    if cues.get("person"):
        return False  # "Christian", "Brian": spelled like adjectives, named as people
    if word in _RACES:  # "a Black man", "the Latino vote"; but "White" beside "Tomas White" is his surname
        return not any(name.endswith(" " + word) for name in names)
    if _demonym_like(word):
        return True
    for suffix in _DEMONYM_SUFFIXES:
        base = word[: -len(suffix)]
        if word.endswith(suffix) and len(base) >= 3:
            bases = {base, base + "a", base + "y", base + "o", base + "s", base + "ia"}
            if bases & names or not bases.isdisjoint(PLACES):  # Texas/Texan, Somalia/Somali
                return True
    return False


@lru_cache(maxsize=100_000)
def _folded(word: str) -> str:
    """Lower case without accents: "Hélène" and "Helene" are one spelling."""
    if word.isascii():
        return word.lower()  # no accent to take off (most words), in a tenth of the time
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


_JOINERS = re.compile(r"[\s.-]+")
# The Arabic article of a name ("Bashar al-Assad", "Hassan al Turabi", "Omar el-Bashir"): news writes the same
# name with and without it, so names are compared without it; a first word "Al" is a given name ("Al Gore").
_ARTICLE = re.compile(r"(?:(?<=\s)(?:al|el|Al|El)\s+|(?:^|(?<=\s))(?:[aA][ld]|[eE]l|[aA]s)-(?=\w))")


def _without_article(name: str) -> str:
    """The name without its Arabic article: "Bashar al-Assad" → "Bashar Assad" (a test for "-" or "l " first,
    which most names fail, is cheaper than the search)."""
    return _ARTICLE.sub("", name) if "-" in name or "l " in name else name


_MIDDLE_INITIAL = re.compile(r"(?:(?<=\w)\s+|^)[A-Z]\.\s+(?=\w)")  # also a first initial: "B. Timothy Walsh"


def _joined_key(form: str) -> str:
    """A name without spaces, dots, hyphens or accents: "Karim Ben Ali" and "Karim Benali" share it."""
    return _folded(_JOINERS.sub("", form))


def _tokens_close(a: list[str], b: list[str]) -> bool:
    for x, y in zip(a, b):
        x, y = _folded(x), _folded(y)
        if x == y:
            continue
        if abs(len(x) - len(y)) > max(1, max(len(x), len(y)) // VARIANT_CHARS_PER_EDIT):
            return False  # more edits than allowed, whatever the letters (the check below, cheaply)
        short, long_ = sorted((x, y), key=len)
        if long_.startswith(short) and long_[len(short) :] in _SUFFIXES and long_ != short + short[-1]:
            return False  # Syria/Syrian; but Vos/Voss, Orvel/Orvell are spellings of one name
        if short.endswith("s") and long_ in (short[:-1] + "n", short[:-1] + "ns"):
            return False  # Texas/Texans, Honduras/Honduran: the people of a place, not its spelling
        if fuzz.ratio(x, y) < VARIANT_TOKEN_RATIO:
            return False
        if OSA.distance(x, y) > max(1, max(len(x), len(y)) // VARIANT_CHARS_PER_EDIT):
            return False
    return True


def _initials_agree(a: list[str], b: list[str]) -> bool:
    """Word for word the same name, where an initial ("M.") stands for a word it opens ("Muhammad")."""
    return all(
        x == y or (len(x) == 2 and x[1] == "." and y.startswith(x[0])) or (len(y) == 2 and y[1] == "." and x.startswith(y[0]))
        for x, y in zip(a, b)
    )


def _variants(a: str, b: str) -> bool:
    ta, tb = a.split(), b.split()
    return len(ta) == len(tb) and _tokens_close(ta, tb)


class _Groups:
    """Union-find over surface forms."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


_NOT_GIVEN = {"abu", "umm"}  # "father of", "mother of": "Abu Sayyaf" is a group


def _given_and_surname(form: str) -> bool:
    """Could this be a given name and a surname: two words, the first no particle ("El", "Abu"), neither a place?"""
    tokens = form.lower().split()
    return len(tokens) == 2 and len(tokens[0]) > 2 and tokens[0] not in _NOT_GIVEN and not (set(tokens) | {form.lower()}) & PLACES


def _known_given_name_first(form: str) -> bool:
    """Is this a person's full name by its given name: two or three capitalised words, the first a common given name,
    no later one a place, a head of a body or a place, an event, a document or a nationality ("Maria Ostrova", not
    "Victor Harbour" or "Daniel Prize")?"""
    tokens = form.split()
    return (
        2 <= len(tokens) <= 3
        and tokens[0].lower() in GIVEN_NAMES
        and all(t[0].isupper() and not t.isupper() for t in tokens[-1:])
        and all((t[0].isupper() and not t.isupper()) or _INITIALS.match(t) for t in tokens[1:-1])  # "George W. Bush"
        and not any(t.lower() in PLACES or t.lower() in _NOT_PERSON_WORDS for t in tokens[1:])
    )


def _couple_of(first: str, pair: str) -> bool:
    """Can "<first> and <pair>" be two people of one family: no word a title, head or non-name, the pair a
    given name and a surname ("John and Mary Roe", not "Kelsby and North Dale" or "Food and Drug Agency")?"""
    words = {first.lower(), *pair.lower().split()}
    return _given_and_surname(pair) and not words & (_TITLE_WORDS | _ORG_HEADS | _PLACE_HEADS | _THING_HEADS | _NOT_NAMES | _DIRECTIONS | _DEMONYMS)


def _given_name_like(word: str) -> bool:
    """Could this word open a name as a given name (not "Abu", "de", "J.", "AP")?"""
    return len(word) > 2 and word[0].isupper() and not word.isupper() and word.lower() not in _NOT_GIVEN and "." not in word


def _given_key(word: str) -> str:
    """A given name as its full form: "Debbie" and "Debra" are "deborah"."""
    folded = _folded(word)
    return _SHORT_GIVEN_NAMES.get(folded, folded)


def _named_in_full_beside(word: str, full_names: list[str], cues: dict[str, dict[str, int]], sources: dict[str, set[str]]) -> bool:
    """Is ``word``, a lone word that may name a person of ``full_names``, that person's: cued a person ("McKinney's
    father, William"), or written mostly in reports that name the person in full? A report names a person in full
    before it shortens the name: a word alone in reports that never do ("the Galileo spacecraft" in twenty reports,
    "Galileo Galilei" in two) names something else."""
    if cues[word].get("person"):
        return True
    alone = sources[word]
    beside = set().union(*(alone & sources[name] for name in full_names))
    return len(alone) - len(beside) < MIN_UNNAMED_REPORTS or len(beside) * STRAY_CUE_SHARE >= len(alone)


def _main_owner(owners: set[str], bearers: list[str], count: Counter[str], groups: _Groups) -> str | None:
    """The one of ``owners`` (groups of the people a bare surname may name) that it names: the only one,
    or the one named in full SURNAME_DOMINANCE times as often as any other name ending in that surname
    (``bearers``, typed or not: "Amadou Diallo" untyped still rivals a typed relative)."""
    if len(owners) <= 1 or not bearers:
        return next(iter(owners), None) if len(owners) == 1 else None
    return _dominant(owners, bearers, count, groups)


def _dominant(owners: set[str], bearers: list[str], count: Counter[str], groups: _Groups) -> str | None:
    """The group of ``bearers`` named SURNAME_DOMINANCE times as often as any other, when it is one of ``owners``."""
    full: Counter[str] = Counter()
    for name in bearers:
        full[groups.find(name)] += count[name]
    ranked = full.most_common(2) + [("", 0)]
    (first, most), (_, second) = ranked[0], ranked[1]
    return first if first in owners and most >= SURNAME_DOMINANCE * second else None


# Short forms of given names that news writes beside the full one ("Mike" and "Michael Sinacore"), each
# with the name it shortens; a form that shortens several (Chris, Pat, Alex) is left out.
_SHORT_GIVEN_NAMES = {
    short: full.strip()
    for line in (
        "michael: mike mick; william: bill billy will; robert: bob bobby rob; james: jim jimmy jamie; deborah: debbie debra deb;"
        " thomas: tom tommy; anthony: tony; richard: dick rick rich; david: dave; daniel: dan danny; joseph: joe;"
        " edward: ed eddie ted; charles: chuck charlie; katherine: kate kathy; catherine: cathy; elizabeth: liz beth;"
        " susan: sue; jennifer: jenny; stephen: steve steven; ronald: ron; donald: don; kenneth: ken; lawrence: larry;"
        " gerald: jerry; samuel: sam; benjamin: ben; nicholas: nick; gregory: greg; jeffrey: jeff; geoffrey: geoff;"
        " matthew: matt; andrew: andy; frederick: fred; henry: hank; john: jack johnny; margaret: peggy maggie;"
        " timothy: tim; peter: pete; philip: phil; walter: walt; raymond: ray; douglas: doug; jonathan: jon;"
        " vincent: vince; rudolph: rudy; sandra: sandy; rebecca: becky; victoria: vicky"
    ).split(";")
    for full, shorts in [line.split(":")]
    for short in shorts.split()
}


_SHORT_OR_FULL_GIVEN_NAMES = set(_SHORT_GIVEN_NAMES) | set(_SHORT_GIVEN_NAMES.values())  # given names for sure ("James", "Bill")


def _join_short_given_names(forms: list[str], kinds: dict[str, str], groups: _Groups) -> None:
    """"Mike Sinacore" and "Michael Sinacore", "Jim Allsop" and "James Allsop": one person, so the bare
    surname has one owner to join. Only names of two or three words, a person's or untyped."""
    by_full_name: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for form in forms:
        tokens = form.lower().split()
        if len(tokens) == 3 and _INITIAL.match(form.split()[1]):
            del tokens[1]  # "Joseph R. Biden" is "Joe Biden"
        if 2 <= len(tokens) <= 3 and kinds[form] in ("person", "other"):
            by_full_name[(_SHORT_GIVEN_NAMES.get(tokens[0], tokens[0]), *tokens[1:])].append(form)
    for same in by_full_name.values():
        if len(same) > 1 and any(kinds[f] == "person" for f in same):
            for form in same[1:]:
                groups.union(same[0], form)


# Words that join the parts of a longer name ("Centers for Disease Control and Prevention (CDC)"): a name
# run after one of them is the tail of a name, not the name the acronym in parentheses stands for.
_NAME_JOINERS = frozenset({"of", "and", "for", "on", "with", "&", "de"})
FOREIGN_ACRONYM_MIN_LETTERS = 3  # "(TN)", "(AZ)" after a senator's name are states, not his acronym


def _defines_foreign_acronym(name: str, acronym: str, kinds: dict[str, str], before: str) -> bool:
    """Whether "NAME (ACRONYM)" introduces an acronym whose letters are not NAME's initials, as a body's
    name in another language gives: a whole name of two words or more, no person or place ("New York
    (CNN)", "Senator Kay Doyle (TN)"), and not the tail of a longer name. On the dev sets and the
    seeds it joined 13 pairs, all right (the seeds' Kurdish militia and its Kurdish initials)."""
    if len(name.split()) < 2 or len(acronym) < FOREIGN_ACRONYM_MIN_LETTERS or kinds.get(name) in ("person", "place"):
        return False
    words = before.split()
    if words and words[-1] == "the":  # "for the Olympic Games (…)", but not "backed by the … (…)"
        words.pop()
    return not (words and words[-1] in _NAME_JOINERS)


def _join_acronyms_by_initials(forms: list[str], groups: _Groups) -> None:
    """An acronym of MIN_INITIALS letters or more joins the one name of the cluster whose initials it
    is ("EPA" and "Environmental Protection Agency") even where no sentence defines it; with two
    candidates ("National Football League", "New Finance Law" for "NFL") it joins neither."""
    acronyms = {form for form in forms if len(form) >= MIN_INITIALS and _ACRONYM.match(form)}
    if not acronyms:
        return
    by_initials: dict[str, set[str]] = defaultdict(set)
    for form in forms:
        if len(form.split()) >= 2 and (initials := _initials(form).upper()) in acronyms:
            by_initials[initials].add(groups.find(form))
    for form in forms:
        if form in acronyms and len(owners := by_initials.get(form, set())) == 1:
            groups.union(owners.pop(), form)


def _join_company_short_names(
    forms: list[str], kinds: dict[str, str], cues: dict[str, dict[str, int]], count: Counter[str], groups: _Groups
) -> None:
    """"Northline" beside "Northline Coaches": a lone word joins the one company whose first word it is,
    the rest of that name all _COMPANY_HEADS. Only where no more than a stray cue types the word a person
    or a place ("…, says Monsanto." once in 34 mentions beside "Monsanto Co."), and every longer name of the
    cluster that holds it is that company's ("Apple" beside "Apple Inc" and "Apple Daily" joins neither)."""
    longer = [(form, form.split()) for form in forms if " " in form]
    companies: dict[str, set[str]] = defaultdict(set)  # a word → the groups of the companies it opens
    for form, tokens in longer:
        if kinds[form] == "org" and all(t.lower().rstrip(".") in _COMPANY_HEADS for t in tokens[1:]):
            companies[tokens[0]].add(groups.find(form))
    if not companies:
        return
    holders: dict[str, set[str]] = defaultdict(set)  # a company's first word → the groups of the longer names that hold it
    for form, tokens in longer:
        for token in tokens:
            if token in companies:
                holders[token].add(groups.find(form))
    for form in forms:
        owners = companies.get(form, set())
        stray = (cues[form].get("person", 0) + cues[form].get("place", 0)) * STRAY_CUE_SHARE < count[form]
        if len(owners) == 1 and holders[form] == owners and stray:
            groups.union(owners.pop(), form)
            cues[form] = {"other": count[form]}  # (the stray cue misread the company)


_FOREIGN_PARTICLES = frozenset({"de", "du", "da", "del", "di", "la", "le", "van", "von", "der", "den"})


def _join_particle_short_names(
    forms: list[str], count: Counter[str], kinds: dict[str, str], cues: dict[str, dict[str, int]], groups: _Groups
) -> None:
    """"the Tour" beside "Tour de France": a lone word joins the one name of the cluster that it opens before a
    particle ("de", "van"), unless the word is a person's or a place of the list, or typed a place in more than
    a stray mention (then its stray cue is the longer name's misreading: "stages of the Tour")."""
    openers: dict[str, set[str]] = defaultdict(set)
    for form in forms:
        tokens = form.split()
        if len(tokens) >= 3 and tokens[1] in _FOREIGN_PARTICLES:
            # (a longer name that holds a shorter one is the shorter one's: "Tour de France Prologue")
            end = next((k for k in range(2, len(tokens)) if tokens[k] not in _FOREIGN_PARTICLES), len(tokens) - 1) + 1
            shortest = " ".join(tokens[:end])
            openers[tokens[0]].add(groups.find(shortest if shortest in kinds else form))
    for form, owners in openers.items():
        if (
            len(owners) == 1
            and form in kinds
            and kinds[form] in ("other", "place")
            and form.lower() not in PLACES
            and cues[form].get("place", 0) * STRAY_CUE_SHARE < count[form]
        ):
            groups.union(owners.pop(), form)
            cues[form] = {"other": count[form]}


_PARTY_WORDS = {"democratic", "republican", "democrat", "labour", "liberal", "conservative"}  # "Democratic National Committee" is a name whole


def _without_nationality(
    forms: list[str], count: Counter[str], cues: dict[str, dict[str, int]], sources: dict[str, set[str]], names: set[str], kind_of: Callable[[str], str]
) -> list[str]:
    """``forms`` without those that are a nationality before another name of the cluster ("Syrian Islamic
    State" beside "Islamic State", "Swiss Bertrand Piccard" beside "Bertrand Piccard"): their mentions
    count as that name's. The rest must be a name of two words or more that no head word ends ("European
    Union" is not "Union", "Australian Defence Force" not "Defence Force"), and no place ("American Samoa")."""
    present = set(forms)
    kept = []
    for form in forms:
        first, _, rest = form.partition(" ")
        if (
            " " in rest
            and rest in present
            and first.lower() not in _PARTY_WORDS
            and rest.rsplit(None, 1)[-1].lower() not in _HEADS
            and _demonym(first, names, {})
            and kind_of(rest) != "place"
        ):
            count[rest] += count[form]
            sources[rest] |= sources[form]
            for cue, n in cues[form].items():
                cues[rest][cue] = cues[rest].get(cue, 0) + n
        else:
            kept.append(form)
    return kept


def _unlisted(
    group: list[str], cues: dict[str, dict[str, int]], by_surname: dict[str, set[str]], count: Counter[str], cluster_text: str
) -> bool:
    """Is this a name no brief lists: a lone word that names nothing by itself, or a description?"""
    return (
        all(" " not in f for f in group)
        and (
            all(f.lower().rstrip(".") in _NOT_LISTED for f in group)  # "the West", "Corp", "the Internet" (but "West" of "Rhonda West" is hers)
            # "the President said", "Sens." of a list: a title whose holder is named elsewhere, or not at all
            or all(f not in by_surname and not cues[f].get("person") and _title_word(f) for f in group)
            or _common_word(group, cues, count, cluster_text)
            or all(_ACRONYM.match(f) and _spelled_out_in_lower_case(f, cluster_text) for f in group)
        )
    ) or all(f.rsplit(None, 1)[-1].lower() in _PARTY_LABELS for f in group)  # "the Ohio Democrat said": a description


def _common_word(group: list[str], cues: dict[str, dict[str, int]], count: Counter[str], cluster_text: str) -> bool:
    """A lone word that nothing types and that the reports write in lower case more often than capitalised:
    a common word capitalised in a heading or a longer name ("Wetlands", "Health", "Evolution", "Roadmap").
    On the dev sets this takes 30 of the 55 untyped lone words the lists held; two were names (the magazines
    "Nature" and "Time", common words as well), and names from further down the ranking take the places."""
    if any(k != "other" for f in group for k in cues[f]):
        return False
    capitalised = sum(count[f] for f in group)
    return all(_in_lower_case_more_than(f, capitalised, cluster_text) for f in group)


_LOWER_WORDS_BEFORE = re.compile(r"(?:(?<![\w-])[a-z][\w-]*\s+){1,5}$")  # up to five words in lower case before an end


def _spelled_out_in_lower_case(acronym: str, cluster_text: str) -> bool:
    """Do the reports spell ``acronym`` out in common words ("greenhouse gas (GHG)", "major emitters meeting (MEM)")?
    Then it shortens a term, and names nothing (on the dev sets: GHG, MEM, HEB, BSE; ADHD, which the reports also
    spell out in capitals, is joined to that name and listed)."""
    letters, marked = acronym.rstrip("s").lower(), f"({acronym})"
    at = cluster_text.find(marked)  # (found by plain search: a pattern over the whole cluster for each acronym cost seconds)
    while at >= 0:
        words = _LOWER_WORDS_BEFORE.search(cluster_text, max(0, at - 80), at)
        tail = words.group().split() if words else []
        if any(tail[-k][0] == letters[0] and _spells(letters, "".join(tail[-k:])) for k in range(1, len(tail) + 1)):
            return True
        at = cluster_text.find(marked, at + 1)
    return False


def _spells(letters: str, text: str) -> bool:
    """Are ``letters`` found in ``text`` in order ("ghg" in "greenhousegas")?"""
    found = iter(text)
    return all(letter in found for letter in letters)


def _in_lower_case_more_than(word: str, times: int, text: str) -> bool:
    """Does ``text`` write ``word`` in lower case, as a whole word after a space, more than ``times`` times?
    (Found one by one and stopped as soon as it does: a pattern over the whole cluster for every word cost more.)"""
    low = " " + word.lower()
    found, at = 0, text.find(low)
    while at >= 0:
        end = at + len(low)
        if end == len(text) or not text[end].isalpha():  # "fed", not "federal"
            found += 1
            if found > times:
                return True
        at = text.find(low, end)
    return False


def _surname_of_several(group: list[str], kind: str, cues: dict[str, dict[str, int]], count: Counter[str], by_surname: dict[str, set[str]]) -> bool:
    """Is this lone word the surname of people of the cluster that no join could settle (two carry it: "Wallace"
    beside "Craig Wallace" and "Jaymee Wallace"), untyped or a place only by stray cues ("a note from Wallace")?"""
    if not any(f in by_surname for f in group):
        return False
    if kind == "other":
        return True
    places = sum(cues[f].get("place", 0) for f in group)
    return not any(f.lower() in PLACES for f in group) and places * STRAY_CUE_SHARE < sum(count[f] for f in group)


def _shown_name(group: list[str], kinds: dict[str, str], count: Counter[str]) -> str:
    """The name an entity is listed by: a person's fullest name, else the form of most mentions."""
    multi_word = any(len(g.split()) > 1 for g in group)
    # "Margaret Chan", not the "Chan" of most mentions; so for any name whose last word is listed alone ("Rick Hernandez")
    person = any(kinds[f] == "person" for f in group) or any(g.split()[-1] in group for g in group if " " in g)
    # so for a name whose first word is listed alone before a particle ("Tour de France", not "the Tour")
    fullest = person or any(len(t := g.split()) >= 3 and t[1] in _FOREIGN_PARTICLES and t[0] in group for g in group)
    spelled = [f for f in group if len(f.split()) > 1 or not (fullest and multi_word)]
    return max(spelled or group, key=lambda f: (fullest and len(f.split()), count[f], len(f), f))


def _split_run_on_given_names(
    count: Counter[str], cues: dict[str, dict[str, int]], sources: dict[str, set[str]], mid_sentence: set[str]
) -> None:
    """"giving Kyle Ritalin": a given name run on into a word that stands alone far more often, in several reports, never
    as anyone's surname or with a person's cue, while the given name opens another's full name ("Kyle Carroll"), is two
    names; their mentions go to each word, in place."""
    pairs = [f.split() for f in count if f.count(" ") == 1]
    for given, word in pairs:
        form = f"{given} {word}"
        if (
            given.lower() in GIVEN_NAMES
            and count[form] * STRAY_CUE_SHARE <= count.get(word, 0)
            and len(sources[word]) >= MIN_UNNAMED_REPORTS
            and set(cues[form]) == {"other"}
            and not cues[word].keys() & {"person", SPEAKER}
            and sum(_folded(last) == _folded(word) for _, last in pairs) == 1  # (its own run only)
            and any(first == given and last != word for first, last in pairs)
        ):
            for part in (given, word):
                count[part] += count[form]
                cues[part]["other"] = cues[part].get("other", 0) + count[form]
                sources[part] |= sources[form]
            if form in mid_sentence:
                mid_sentence.update((given, word))
            del count[form], cues[form], sources[form]


def find_entities(corpus: Corpus, families: dict[str, int]) -> list[dict]:
    """People, organisations and places, spelling variants merged; most independent sources first."""
    order = {a.article.id: k for k, a in enumerate(corpus.articles)}
    cluster_text = "\n".join(s.full for s in corpus.sentences)
    per_sentence = [_builtin_mentions(s.full, cluster_text) for s in corpus.sentences]

    count: Counter[str] = Counter()
    cues: dict[str, dict[str, int]] = defaultdict(dict)  # form → cue → mentions (plain dicts: cheaper than Counters)
    sources: dict[str, set[str]] = defaultdict(set)
    mid_sentence: set[str] = set()
    def tally(mentions: Iterable[tuple[str, str, bool, str]]) -> None:
        for form, cue, start, article in mentions:
            count[form] += 1
            cues[form][cue] = cues[form].get(cue, 0) + 1
            sources[form].add(article)
            if not start:
                mid_sentence.add(form)

    by_article = list(zip((s.article for s in corpus.sentences), per_sentence))
    tally((form, cue, start, article) for article, mentions in by_article for form, cue, start in mentions if cue != COUPLE)
    # "John and Mary Roe": "John Roe" where John is a given name, no surname of the cluster or a place
    if couples := [(form, start, article) for article, mentions in by_article for form, cue, start in mentions if cue == COUPLE]:
        endings_of_all = {f.rsplit(None, 1)[-1] for f in count if " " in f}
        given_of_people = {f.split(None, 1)[0] for f in count if cues[f].get("person") and _given_and_surname(f)}
        readings = []
        for form, start, article in couples:
            first = form.split()[0]
            if first not in endings_of_all and first.lower() not in PLACES and (first in given_of_people or _folded(first) in _SHORT_OR_FULL_GIVEN_NAMES):
                readings.append((form, "person", False, article))
            # else the first word alone, unless the cluster writes it in lower case: then it opens a longer name
            # ("secretary of Housing and Urban Development"), as "housing" is a common word
            elif (low := first.lower()) not in cluster_text or not re.search(rf"\b{re.escape(low)}\b", cluster_text):
                readings.append((first, "other", start, article))
        tally(readings)
    _split_run_on_given_names(count, cues, sources, mid_sentence)
    # A single capitalised word seen only at sentence starts is not a name ("Militias are", "Traffic was").
    forms = [f for f in count if f in mid_sentence]
    seen_names = {f.lower() for f in count}
    # "Fort Leavenworth, Kan.": a state's abbreviation after a town is part of an address, not a name to list
    forms = [f for f in forms if not _demonym(f, seen_names, cues[f]) and f.lower() not in STATE_ABBREVIATIONS]

    def kind_of(form: str) -> str:
        typed = [(n, k) for k, n in cues[form].items() if k not in ("other", SPEAKER)]
        return max(typed, key=lambda nk: (nk[0], -_TYPES.index(nk[1])))[1] if typed else "other"

    forms = _without_nationality(forms, count, cues, sources, seen_names, kind_of)

    groups = _Groups()
    kinds = {f: kind_of(f) for f in forms}
    # "Donald Trump" untyped, "Trump" a person ("said Trump", "Mr. Trump"), or untyped but speaking ("Trump
    # said") where no other name ends in it ("Dow Jones" beside "Brian Jones … Jones said"): one person.
    # So is an untyped two-word name whose first word is the given name of a person of the cluster
    # ("Robert Lind" beside "Mayor Robert Sands"), neither of them naming a place ("Air France").
    people = {f for f in forms if " " not in f and kinds[f] == "person"}
    endings = Counter(f.rsplit(None, 1)[-1] for f in forms if " " in f)
    # (every form, not only those kept: "Varrow said" mostly opens a sentence)
    speakers = {f for f in count if " " not in f and SPEAKER in cues[f] and endings[f] == 1 and kind_of(f) == "other"}
    given_names = {f.split()[0] for f in forms if kinds[f] == "person" and _given_and_surname(f)}
    for form in forms:
        # (or typed a place by a stray cue only: "comes from the Ann Roe who…", once in a dozen mentions)
        stray = kinds[form] == "place" and cues[form]["place"] * STRAY_CUE_SHARE < count[form] and form.lower() not in PLACES
        if not (kinds[form] == "other" or stray) or " " not in form:
            continue
        tokens = form.split()
        if (
            2 <= len(tokens) <= 3
            and (tokens[-1] in people or tokens[-1] in speakers or (tokens[0] in given_names and _given_and_surname(form)))
            and all(t[0].isupper() and not t.isupper() for t in tokens[:: len(tokens) - 1])
            and (len(tokens) == 2 or (tokens[1][0].isupper() and (not tokens[1].isupper() or _INITIAL.match(tokens[1]))))  # "Ann J. Roe"
            and not {t.lower() for t in tokens} & _HEADS_AND_EVENTS
            # (not after a word the cluster writes in lower case, unless a given name: "Who Killed JonBenet?" beside
            # "their daughter, JonBenet," is no person "Killed JonBenet"; "Bill Roe" beside "the bill" is)
            and (
                (low := tokens[0].lower()) in GIVEN_NAMES or low not in cluster_text or not re.search(rf"\b{re.escape(low)}\b", cluster_text)
            )
        ):
            kinds[form] = "person"
            cues[form] = {"person": count[form]} if stray else {**cues[form], "person": cues[form].get("person", 0) + 1}
    # A name of several words typed a place by a stray cue, none of its words a place of `gazetteer` nor a saint's
    # ("St. Helens"), is no place: "a salesman at the Home Depot", "eat into Social Security", "fired at Amadou Diallo"
    # (a place's name is cued in more of its mentions: "in the Pacific Northwest"); nor does another stray cue type it
    for form in forms:
        if (
            kinds[form] == "place"
            and " " in form
            and cues[form]["place"] * STRAY_CUE_SHARE <= count[form]
            and not any(t.lower() in PLACES for t in form.split())
            and not form.startswith(_SAINTS)
        ):
            strays = {k: n for k, n in cues[form].items() if k not in ("other", SPEAKER) and n * STRAY_CUE_SHARE <= count[form]}
            cues[form] = {k: n for k, n in cues[form].items() if k not in strays}
            cues[form]["other"] = cues[form].get("other", 0) + sum(strays.values())
            kinds[form] = kind_of(form)

    def form_key(form: str) -> str:
        initial = _folded(form[0])
        return _INITIAL_SOUND.get(initial, initial)

    by_key: dict[tuple[int, str], list[str]] = defaultdict(list)
    for form in forms:
        by_key[(len(form.split()), form_key(form))].append(form)
    spelled: dict[str, str] = {}
    joined: dict[str, str] = {}
    for form in forms:  # "U.S." and "US", "Al-Naim" and "al-Naim": one name
        groups.union(spelled.setdefault(form.replace(".", "").lower(), form), form)
        # so are "Karim Benali" and "Karim Ben Ali", "Raúl" and "Raul", where the types allow it
        first = joined.setdefault(_joined_key(form), form)
        if first != form and (kinds[first] == kinds[form] or "other" in (kinds[first], kinds[form])):
            groups.union(first, form)
    articled: dict[str, str] = {}
    for form in forms:  # "Bashar al-Assad", "Bashar Assad" and "Bashar el-Assad": one name, where the types allow it
        if (bare := _without_article(form)) != form:
            for other in (spelled.get(bare.replace(".", "").lower()), articled.setdefault(_joined_key(bare), form)):
                if other and other != form and (kinds[other] == kinds[form] or "other" in (kinds[other], kinds[form])):
                    groups.union(other, form)
    for form in forms:  # "George W. Bush" and "George Bush", "Andi M. Ghalib" and "Andi Muhammad Ghalib": one name
        if ". " not in form or (bare := _MIDDLE_INITIAL.sub(" ", form).strip()) == form:
            continue
        tokens = form.split()
        matches = [spelled.get(bare.replace(".", "").lower())] + [
            other for other in by_key[(len(tokens), form_key(form))] if other != form and _initials_agree(tokens, other.split())
        ]
        for other in matches:
            if other and (kinds[other] == kinds[form] or "other" in (kinds[other], kinds[form])):
                groups.union(other, form)
    for form in forms:  # "Ricky Nolen McGinn" and "Ricky McGinn": one person, named with and without a middle name
        tokens = form.split()
        if len(tokens) == 3 and kinds[form] == "person" and tokens[1][0].isupper() and "." not in tokens[1]:
            shorter = spelled.get(f"{tokens[0]} {tokens[2]}".replace(".", "").lower())
            if shorter and kinds[shorter] == "person":
                groups.union(shorter, form)
    for bucket in by_key.values():  # variants share token count and initial, and a type unless untyped
        # by the length of the first word: a variant differs from it by at most a letter in eight
        bucket.sort(key=lambda f: (len(f.split()[0]), f))
        for i, a in enumerate(bucket):
            first = len(a.split()[0])
            for b in bucket[i + 1 :]:
                longer = len(b.split()[0])
                if longer - first > max(1, longer // VARIANT_CHARS_PER_EDIT):
                    break  # every later form has a longer first word still
                if (kinds[a] == kinds[b] or "other" in (kinds[a], kinds[b])) and _variants(a, b):
                    groups.union(a, b)
    _join_short_given_names(forms, kinds, groups)
    forms_set = set(forms)
    for sentence in (s.full for s in corpus.sentences):  # acronyms introduced by the text
        for pattern, match in _acronym_definitions(sentence):
            tokens, _ = _strip_titles(match.group(1).split())
            whole, acronym = _clean_form(" ".join(tokens)), match.group(2)
            name = whole
            while tokens and not _acronym_fits(acronym, name):  # "The coalition backs Syrian Democratic Forces"
                tokens = tokens[1:]
                name = _clean_form(" ".join(tokens))
            if not tokens and pattern is _ACRONYM_PAREN and _defines_foreign_acronym(whole, acronym, kinds, sentence[: match.start()]):
                name = whole  # "the Kurdish People's Protection Units (YPG)": the acronym of a name in another tongue
            if name and name in forms_set and acronym in forms_set:
                groups.union(name, acronym)
    _join_acronyms_by_initials(forms, groups)
    first_alias: dict[int, str] = {}  # "Islamic State" and "ISIS", "Britain" and "UK": other names the list knows
    for key, form in spelled.items():
        if (number := _ALIAS_OF.get(key)) is not None:
            groups.union(first_alias.setdefault(number, form), form)
    for form in forms:  # "Euphrates River" and "Euphrates": a river's name with and without the word,
        # unless the bare name is a place of its own ("Miami" beside the "Miami River")
        bare = spelled.get(form[: -len(" River")].replace(".", "").lower()) if form.endswith(" River") else None
        if bare and kinds[bare] != "place" and bare.lower() not in PLACES:
            groups.union(form, bare)
    for form in forms:  # "Floyd" and "Hurricane Floyd": a storm's name with and without the word, unless the bare
        # name is a place of its own ("Kelsby" beside "Hurricane Kelsby"): a storm has a centre and a path, so "from
        # Floyd's center", "in Floyd's path" read as places; up to half its mentions may be read so
        storm = _STORM.match(form)
        bare = spelled.get(form[storm.end() :].replace(".", "").lower()) if storm else None
        if bare and bare.lower() not in PLACES and kinds[bare] in ("other", "place") and cues[bare].get("place", 0) * 2 < count[bare]:
            groups.union(form, bare)
            kinds[bare], cues[bare] = "other", {"other": count[bare]}
    people = [p for p in forms if kinds[p] == "person" and len(p.split()) >= 2]
    # "de Boer" of "Yvo de Boer", "van der Sloot" of "Joran van der Sloot", "Taylor Greene" of "Marjorie Taylor Greene"
    tails: dict[str, set[str]] = defaultdict(set)
    for p in people:
        tokens = p.split()
        for k in range(2, len(tokens)):
            if k == 2 or tokens[-k].lower() in _SMALL:
                tails[" ".join(tokens[-k:]).lower()].add(groups.find(p))
    for form in forms:  # "De Boer said": the same surname, capitalised at a sentence's opening
        if " " in form and kinds[form] in ("person", "other") and len(owners := tails.get(form.lower(), set())) == 1:
            groups.union(owners.pop(), form)
    # "Army Corps of Engineers" and "Corps of Engineers" of "U.S. Army Corps of Engineers": the end of one body's name
    bodies = sorted((f for f in forms if kinds[f] == "org" and len(f.split()) >= 3), key=lambda f: -len(f.split()))
    for body in bodies:
        tokens = body.split()
        for k in range(2, len(tokens)):
            tail = " ".join(tokens[-k:])
            if (
                tail in forms_set
                and kinds[tail] in ("org", "other")
                and tokens[-k] not in _SMALL
                # "Head of the World Conservation Union" is no longer name, nor "Subcommittee on Social Security"
                and tokens[-k - 1].lower() not in _SMALL
                and tokens[-k - 1] != "on"
                and tokens[-1].lower() not in _MEDIA_HEADS  # "Associated Press" is not "Australian Associated Press"
            ):
                owners = {groups.find(b) for b in bodies if b != tail and b.endswith(" " + tail)}
                if len(owners) == 1:
                    groups.union(owners.pop(), tail)
    # "England said" beside "Lynndie England": a surname that the place list also holds is the person's
    # when one person of the cluster carries it and is named in full more than once (the list typed
    # every "England" a place, so its votes go to the person)
    by_surname: dict[str, set[str]] = defaultdict(set)
    for p in people:
        by_surname[p.split()[-1]].add(groups.find(p))
    for form in forms:
        if " " not in form and form.lower() in PLACES and len(owners := by_surname.get(form, set())) == 1:
            owner = next(iter(owners))
            if sum(count[p] for p in people if groups.find(p) == owner) >= SURNAME_MIN_FULL_MENTIONS:
                groups.union(owner, form)
                kinds[form], cues[form] = "person", {"person": count[form]}
    # (a place only by a stray cue may be a surname too: "at Graner's suggestion", once in 30 mentions)
    singles = [
        f
        for f in forms
        if len(f.split()) == 1
        and (kinds[f] in ("person", "other") or (kinds[f] == "place" and f.lower() not in PLACES and cues[f]["place"] * STRAY_CUE_SHARE < count[f]))
    ]
    # "Bali said" → Mustafa Bali, when exactly one person carries that surname; failing that, the first
    # word of a two-word name, where Chinese and Korean names put the surname ("Zhao said" → Zhao Changwang)
    # (a surname several people carry, to the one named in full far more often; not a first word: "David")
    bearers: dict[str, list[str]] = defaultdict(list)
    for form in forms:
        if 2 <= len(tokens := form.split()) <= 4:
            bearers[_folded(_without_article(tokens[-1]))].append(form)
    # ("Rahim said" and "al-Rahim said" both name Karim al-Rahim)
    for surnames, by_dominance in (([(_without_article(p.split()[-1]), p) for p in people], True), ([(p.split()[0], p) for p in people if len(p.split()) == 2], False)):
        if not (surnames and singles):
            break
        # the token ratio test of _variants for every pair at once; the rest of it only where that passes
        bare = [_without_article(f) for f in singles]
        close = cdist([b.lower() for b in bare], [s.lower() for s, _ in surnames], scorer=fuzz.ratio, score_cutoff=VARIANT_TOKEN_RATIO)
        unmatched = []
        for form, word, row in zip(singles, bare, close):
            matches = [surnames[k] for k in np.flatnonzero(row) if _variants(surnames[k][0], word)]
            owner = _main_owner({groups.find(p) for _, p in matches}, bearers[_folded(word)] if by_dominance else [], count, groups)
            # (the surname itself wherever it stands: a famous "Biden" goes alone in reports that never name him in full;
            # but a first word or another spelling only where the reports name its person: "Ronald" beside "Ronald Siegel"
            # may be another Ronald, "Galileo" of the spacecraft is no misspelled "Galilei" of Galileo Galilei)
            mine = [(surname, p) for surname, p in matches if groups.find(p) == owner] if owner else []
            same = by_dominance and any(_folded(surname) == _folded(word) for surname, _ in mine)
            if owner and (same or _named_in_full_beside(form, [p for _, p in mine], cues, sources)):
                groups.union(owner, form)
                if kinds[form] == "place":  # its stray place cue is a misreading of the person
                    kinds[form], cues[form] = "person", {"person": count[form]}
            else:
                unmatched.append(form)
        singles = unmatched
    # "Debbie" beside "Debra Lafave", "Theo" beside "Theo van Gogh": a given name alone that ends no name of the
    # cluster is the one person who carries it, or the one named in full far more often than any other name
    # opening with it, typed or not ("Anthony" beside "Tony Blair" and an untyped "Anthony Okoro" goes to neither);
    # never a word that opens the name of a body or a place
    carriers: dict[str, list[str]] = defaultdict(list)
    lone = set(singles)
    for form in forms:  # (the first word tested against the singles and the known given names before the rest)
        if " " in form and ((first := form.split(None, 1)[0]) in lone or first.lower() in _SHORT_OR_FULL_GIVEN_NAMES):
            if len(form.split()) <= 4 and _given_name_like(first):
                carriers[_given_key(first)].append(form)
    if people and carriers:
        unmatched = []
        for form in singles:
            bearers = carriers.get(_given_key(form), [])
            owners = {groups.find(b) for b in bearers if kinds[b] == "person"}
            if (
                owners
                and kinds[form] != "place"
                and form not in endings
                and all(kinds[b] != "org" and kinds[b] != "place" for b in bearers)  # "Microsoft" of "Microsoft Corp" is no given name
                and (owner := _dominant(owners, bearers, count, groups))
                and _named_in_full_beside(form, [b for b in bearers if groups.find(b) == owner], cues, sources)
            ):
                groups.union(owner, form)
            else:
                unmatched.append(form)
        singles = unmatched
    # "Hernandez" beside "Rick Hernandez", neither typed: the last word of one untyped name is that name
    untyped_tails: dict[str, set[str]] = defaultdict(set)
    for form in forms:
        tokens = form.split()
        lower = [t.lower() for t in tokens]
        if (
            kinds[form] == "other"
            and 2 <= len(tokens) <= 3
            and len(tokens[-1]) > 2
            and not set(lower) & _HEADS_PARTICLES_AND_DEMONYMS
            and not (tokens[0].replace(".", "").isupper() or lower[0] in PLACES)  # "FPC Web", "California Democratic"
        ):
            untyped_tails[tokens[-1]].add(groups.find(form))
    # (never a word the cluster also writes in lower case: "Ministers", "Rebels", "Web" are no surnames; nor the
    # surname of typed people, which the joins above left to none of them: "Gingrich" beside "Newt Gingrich",
    # "Marianne Gingrich" and an untyped "Marianne Ginther Gingrich")
    candidates = [f for f in singles if kinds[f] == "other" and len(untyped_tails.get(f, ())) == 1 and f not in by_surname]
    # and a place among the singles only by stray cues when that name opens with a known given name ("in Faulder's
    # lawsuit" beside "Joseph Stanley Faulder"; not "Europa" beside "Surrounding Europa")
    candidates += [
        f for f in singles if kinds[f] == "place" and len(owner := untyped_tails.get(f, ())) == 1 and f not in by_surname
        and any(_known_given_name_first(g) for g in forms if g.endswith(" " + f) and groups.find(g) in owner)
    ]
    if candidates:  # (a plain substring test: "web" in "website" also counts, which only joins less)
        text = " ".join(s.full for s in corpus.sentences)
        for form in candidates:
            if f" {form.lower()}" not in text:
                groups.union(untyped_tails[form].pop(), form)
                cues[form] = {"other": count[form]}  # (a stray place cue misread the name)

    _join_company_short_names(forms, kinds, cues, count, groups)
    _join_particle_short_names(forms, count, kinds, cues, groups)

    members: dict[str, list[str]] = defaultdict(list)
    for form in forms:
        members[groups.find(form)].append(form)
    ranked = []  # (rank key, group): most independent sources, then most mentions, then (below) the name
    for group in members.values():
        independent = len({families.get(a, a) for f in group for a in sources[f]})
        ranked.append(((-independent, -sum(count[f] for f in group)), group))
    ranked.sort(key=lambda item: item[0])
    # the groups a brief may list, best first: MAX_ENTITIES of them and any that tie with the last, as the
    # name breaks ties (it, and whether the group is listed at all, are worked out for these alone)
    listed = []
    for key, group in ranked:
        if len(listed) >= MAX_ENTITIES and key > listed[MAX_ENTITIES - 1][0]:
            break
        if not _unlisted(group, cues, by_surname, count, cluster_text):
            listed.append((key, group))
    shown = sorted(((key + (_shown_name(group, kinds, count),), group) for key, group in listed), key=lambda item: item[0])
    entities = []
    for (_, total, name), group in shown[:MAX_ENTITIES]:  # the rest of an entry only for those shown
        votes: Counter[str] = Counter()
        for f in group:
            votes.update({k: n for k, n in cues[f].items() if k not in ("other", SPEAKER)})
        kind = max(votes.items(), key=lambda kv: (kv[1], -_TYPES.index(kv[0])))[0] if votes else "other"
        if kind == "other" and any(kinds[f] == "org" for f in group):
            kind = "org"
        multi_word = any(len(g.split()) > 1 for g in group)
        if kind in ("other", "place") and not multi_word and _surname_of_several(group, kind, cues, count, by_surname):
            kind = "person"  # "Gingell said", "met Gingell", the surname of two people of the cluster: one of them
        if kind == "other" and any(_known_given_name_first(f) for f in group):
            kind = "person"  # "Maria Ostrova" that no word around types: typed last, so joins by surname stay as they were
        surnames = {f for f in group if len(f.split()) == 1 and kind == "person" and multi_word}
        entities.append(
            {
                "name": name,
                "variants": sorted(f for f in group if f != name and f not in surnames and f.lower() != name.lower()),
                "type": kind,
                "count": -total,
                "sources": sorted({a for f in group for a in sources[f]}, key=lambda a: order.get(a, 0)),
            }
        )
    return entities
