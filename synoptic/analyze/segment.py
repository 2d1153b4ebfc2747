"""Rule-based sentence segmentation that returns character spans and never rewrites the text.

Why spans: summaries cite the exact characters of their sources, so this module only decides where
sentences start and end. Why rules rather than a model: news text has a short list of recurring traps
(titles, initials, "U.S.", decimals, quotations, sentences glued together by scrapers) and the
pipeline segments every article of every cluster, so it has to be fast. One precompiled regex finds
candidate boundaries (a run of terminal punctuation, then closing quotes or brackets, then whitespace
or a glued capitalised word); each candidate is accepted or rejected by set look-ups on the token
before it and the word after it. No Python loop walks the text character by character.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import unicodedata
from functools import cache

__all__ = ["split_sentences"]

# --- character classes -------------------------------------------------------------------------

_CLOSERS = "\"'”’»›)]}"  # after terminal punctuation they belong to the sentence that ends
_OPENERS = "\"'“‘„‚«‹([{`"  # before a word they belong to the sentence that starts
_LEAD_STRIP = _OPENERS + "-–—/"  # stripped from the front of the token before a full stop
_CURRENCY = "$£€¥"
# Unicode categories that can open a sentence though they have no capital: other symbols (emoji, ©) and
# letters of scripts without case (Hebrew, Arabic, CJK).
_UNCASED_OPENERS = frozenset({"So", "Lo"})

# A candidate: terminal run (".", "!?", "...", "…"), closers, then whitespace (group 3) or, with no
# space at all, a capitalised word ("victory.A field", "said.”The next") or a lone "A"/"I" (group 4).
# The empty last branch makes every run match whole, and the quantifiers are possessive, so the
# engine never retries inside a run: the scan stays linear on long runs of dots or quotes, and never
# looks before the region (so a region gives the same spans as the same text sliced out).
_CANDIDATE = re.compile(r"([.!?…]++)([\"'”’»›)\]}]*+)(?:(\s+)|(?=([A-Z][a-z]|[AI][\s'’]))|)")
_FIRST_NONSPACE = re.compile(r"\S")
_QUOTE_MARK = re.compile(r"[\"“”`]|''")
_WORD = re.compile(r"\w+")
# A line break and the whitespace after it; two or more "\n" in one match = a blank line.
_LINE_BREAK = re.compile(r"\n\s*")
# "U.S", "W.J", "Ph.D", "a.m" (the final full stop is not part of the token).
_DOTTED = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")
# Tokens that may end a sentence glued to the next one: plain words ending in two lowercase letters
# ("victory", "well-known", "company's") or numbers of two or more digits ("in 2005.The").
_GLUE_TOKEN = re.compile(r"(?:[^\W\d_][\w'’-]*)?[a-z]{2}|\d{2,}")
# List enumerators: "1.", "12.", "a.", "iv." at the start of a sentence or after a colon.
_ENUMERATOR = re.compile(r"\d{1,3}|[A-Za-z]|[ivxIVX]{1,4}")
# A plain lowercase word, for the broken-paste rule below.
_LOWER_WORD = re.compile(r"[a-z]{3,}")

# How far ahead (characters, same line) a closing quotation mark may be for a full stop inside an
# open quotation not to split it. Calibrated on the development clusters: quotations holding more
# than one sentence measure 143 characters at the median, 401 at the 99th percentile, and 99.6% fit
# in 500; the cap stops a stray unmatched mark from gluing a whole paragraph together.
_QUOTE_REACH = 500
# Tokens longer than this cannot be abbreviations; bounding the look-back keeps long unspaced
# strings (URLs, base64, scraped junk) linear.
_TOKEN_REACH = 64

# --- word lists --------------------------------------------------------------------------------

_NEVER, _STARTER, _NUMBER, _PLACE, _INITIAL = 1, 2, 3, 4, 5

# Abbreviations that precede a name or a number: never a sentence end ("Dr. Varga", "Brig. Gen. Hale",
# "Mt. Kenya", "Sec. 5", "vs. Chelsea", "e.g. The Times").
_NEVER_CASED = """Mr Mrs Ms Messrs Mmes Mme Mlle Dr Drs Prof Profs Col Gen Gens Brig Lt Lieut Maj Capt Sgt
    Cpl Pvt Pfc Spc Spec Adm Cmdr Cdr Gov Govs Sen Sens Rep Reps Rev Hon Pres Supt Insp Det Atty Amb Msgr Fr Asst
    Assoc St Ste Mt Ft Pt Sec""".split()
_NEVER_LOWER = "vs e.g i.e cf viz approx ca incl esp".split()
_NEVER_LOWER_ONLY = ["v", "var"]  # "Roe v. Wade", "B. thuringiensis var. kurstaki"; "V." is an initial

# Abbreviations that usually sit mid-sentence but can end one: split after them only when a common
# sentence opener follows ("Acme Inc. The ..." splits, "Acme Inc. Chief ..." does not).
_STARTER_CASED = """Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat
    Sun Jr Sr Esq Inc Corp Co Cos Ltd Bros Dept Univ Ave Blvd Rd Hwy Pkwy Sq Assn Intl Natl Govt Mfg
    Dist""".split()
_STARTER_LOWER = "etc a.m p.m".split()
_STARTER_LOWER_ONLY = ["al"]  # "et al."; capital "Al" is a first name

# US state abbreviations end datelines ("LITTLETON, Colo. (AP) --") and, in the development data,
# almost every time a capitalised word or an opening quote follows them, a sentence: split then.
_PLACE_CASED = """Ala Ariz Ark Calif Cal Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo
    Mont Neb Nebr Nev Okla Ore Oreg Pa Penn Tenn Tex Va Vt Wash Wis Wisc Wyo""".split()

# Abbreviations that precede a number: no split when a digit follows ("No. 5", "6 ft. 2 in.").
_NUMBER_CASED = "No Nos Vol Vols Fig Figs Art Ch Op".split()
_NUMBER_LOWER_ONLY = "c p pp ft lb lbs oz yd yds hr hrs min mins sec secs pct".split()  # c. = circa

# Upper-case forms worth recognising in all-caps text ("MR.", "GEN.", "INC.", "NO. 1"); the state
# names are left out because their upper-case forms are ordinary words.
_UPPER_TOO = set(_NEVER_CASED) | set(_NUMBER_CASED) | {"Inc", "Corp", "Co", "Ltd", "Jr", "Sr"}


def _abbreviations() -> dict[str, int]:
    """Exact-case token -> kind, so "No. 5" is an abbreviation but "said no." is not."""
    table: dict[str, int] = {}
    cased = ((_PLACE_CASED, _PLACE), (_NUMBER_CASED, _NUMBER), (_STARTER_CASED, _STARTER), (_NEVER_CASED, _NEVER))
    for words, kind in cased:
        for word in words:
            table[word] = kind
            if word in _UPPER_TOO:
                table[word.upper()] = kind
    for words, kind in ((_STARTER_LOWER, _STARTER), (_NEVER_LOWER, _NEVER)):
        for word in words:
            table[word] = table[word.capitalize()] = table[word.upper()] = kind
    for words, kind in ((_NUMBER_LOWER_ONLY, _NUMBER), (_STARTER_LOWER_ONLY, _STARTER), (_NEVER_LOWER_ONLY, _NEVER)):
        for word in words:
            table[word] = kind
    return table


_ABBREVIATIONS = _abbreviations()

# Capitalised words that commonly open an English news sentence. After an ambiguous full stop
# (a dotted initialism, an initial, "etc.", "Inc.", an ellipsis) only these start a new sentence, so
# "the U.S. The next day" splits while "the U.S. Army said" does not.
_STARTERS = frozenset(
    """The A An He She It They We I You But And Or So Yet If When While After Before As His Her Its Their
    Our My Your This That These Those There Here Then Now Meanwhile However Still Some Many Most Both All
    Each Every Another Other Others One For From By With Without Since Although Though Because What Why
    How Who Whom Whose Where Which Whether Also Even Only Last Next Earlier Later Today Yesterday Tomorrow
    In On At Under During Despite Among According Asked Several Such Just More Much Few Until Over Instead
    Indeed Thus Nevertheless Moreover Furthermore Besides Finally First Second Third Once Unlike Neither
    Nor Not Is Are Was Were Did Does Do Has Have Had Mr Mrs Ms""".split()
)
# After an initial ("Elson L. So", "Thomas S. More") openers that double as surnames do not count.
_STARTERS_AFTER_INITIAL = _STARTERS - {"So", "More", "Still", "Just", "Much", "Over", "Even", "Few", "Once"}


# --- public API --------------------------------------------------------------------------------


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans (absolute offsets into `text`) inside text[start:end].

    Spans are in order, do not overlap, hold no leading or trailing whitespace and together cover
    every non-whitespace character of the region; the text itself is never changed, so callers can
    cite the offsets. Raises ValueError for negative offsets (a caller bug, not a region).
    """
    if start < 0 or (end is not None and end < 0):
        raise ValueError(f"split_sentences: offsets must be >= 0, got start={start}, end={end}")
    if end is None or end > len(text):
        end = len(text)
    first = _FIRST_NONSPACE.search(text, start, end)
    if first is None:
        return []
    region_start = first.start()
    # Boundaries as {end of a sentence: start of the next}; the gap between them is whitespace.
    cuts: dict[int, int] = {}
    has_newline = text.find("\n", region_start, end) != -1
    sentence_start = region_start
    for match in _CANDIDATE.finditer(text, region_start, end):
        if match.start(3) == -1 and match.start(4) == -1:
            continue  # "3.5", "U.S.-led", "example.com": nothing that could start a sentence follows
        if match.end() >= end:
            break  # only trailing whitespace is left
        if _ends_here(text, match, sentence_start, region_start, end, has_newline):
            cut = _place_cut(text, match, sentence_start, end)
            if cut is not None:
                cuts[cut[0]] = cut[1]
                sentence_start = cut[1]
    if has_newline:
        _line_breaks(text, region_start, end, cuts)

    spans: list[tuple[int, int]] = []
    current = region_start
    for sentence_end in sorted(cuts) if has_newline else cuts:
        spans.append((current, sentence_end))
        current = cuts[sentence_end]
    last = end
    while text[last - 1].isspace():  # a non-space character exists at or after `current`
        last -= 1
    spans.append((current, last))
    return spans


# --- decisions ---------------------------------------------------------------------------------


def _ends_here(
    text: str, match: re.Match[str], sentence_start: int, region_start: int, end: int, has_newline: bool
) -> bool:
    """Whether a candidate from _CANDIDATE ends a sentence by the punctuation rules (quotes aside)."""
    punct = match.group(1)
    punct_start = match.start()
    next_start = match.end()
    glued = match.start(3) == -1
    at_newline = has_newline and not glued and text.find("\n", match.end(2), next_start) != -1
    nxt = text[next_start]

    if punct != ".":
        if "!" in punct or "?" in punct:
            # "“Why now?” she asked." continues; "Is it safe? Nobody knows." splits.
            if glued:
                token = _token_before(text, region_start, punct_start)[1]
                return (
                    token not in _ABBREVIATIONS
                    and bool(_GLUE_TOKEN.fullmatch(token))
                    and not _dotted_name(text, next_start, end)
                )
            return _opens_sentence(nxt, at_newline)
        # An ellipsis: "went on... and on" continues; "Then… The end." splits.
        if at_newline and not nxt.islower():
            return True
        return _next_word(text, next_start, end) in _STARTERS

    token_start, token = _token_before(text, region_start, punct_start)
    kind = _ABBREVIATIONS.get(token)
    if kind is None:
        if len(token) == 1 and token.isupper():
            kind = _INITIAL  # "George W. Bush", but also "World War I. The" and "Plan B. It"
        elif "." in token and _DOTTED.fullmatch(token):
            kind = _INITIAL  # "U.S.", "W.J.", "Ph.D."
    if glued:
        # "victory.A field commander" splits; "St.Louis", "e.g.The", "U.S.-backed" do not.
        return kind is None and bool(_GLUE_TOKEN.fullmatch(token)) and not _dotted_name(text, next_start, end)
    if kind == _NEVER:
        return False
    if kind == _NUMBER:
        if nxt.isdigit():
            return False
        kind = None
    if _ENUMERATOR.fullmatch(token) and _starts_item(text, token, token_start, sentence_start, region_start):
        return False  # "1. Mix the flour." keeps its number
    if token.isdigit() and len(token) <= 2 and _next_word(text, next_start, end).casefold() in _month_names():
        return False  # "am 4. März": a day written as an ordinal, then its month
    if kind == _STARTER:
        return _next_word(text, next_start, end) in _STARTERS
    if kind == _INITIAL:
        return _next_word(text, next_start, end) in _STARTERS_AFTER_INITIAL
    if kind == _PLACE:
        return nxt.isupper() or (nxt in _OPENERS and nxt not in "([{")
    if nxt.islower():
        # "... heavily mined. be more fighters": a plain word, a bare full stop, then lowercase is a
        # broken paste (or a sentence that lost its capital); splitting lets callers drop the
        # fragment. With a closing quote it is an attribution instead ('"... decision." said Ruiz').
        return not match.group(2) and bool(_LOWER_WORD.fullmatch(token))
    return _opens_sentence(nxt, at_newline)


_MONTH_KEYS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"
)  # fmt: skip


@cache
def _month_names() -> frozenset[str]:
    """Month names in every language dateparser knows, casefolded, for "4. März" ("4. Oktober", "1. Mai").
    Read on first need (~0.1 s): the rule runs only after a number and a full stop. Spellings of three
    letters count only as a language's full name ("Mai", "Maj"), not as an abbreviation, many of which are
    English words ("Can", "Gas"); English sentence openers ("Her", "Now") never count: after "She was 12."
    they start a sentence."""
    from dateparser.data import date_translation_data  # the package holding one module per language

    openers = {word.casefold() for word in _STARTERS}
    names = set()
    for module in pkgutil.iter_modules(date_translation_data.__path__):
        info = importlib.import_module(f"{date_translation_data.__name__}.{module.name}").info
        for spellings in (info.get(key, ()) for key in _MONTH_KEYS):
            full = max(spellings, key=len, default="")
            names.update(name.casefold() for name in spellings if len(name) >= 4 or (name == full and len(name) == 3))
    return frozenset(names - openers)


def _opens_sentence(nxt: str, at_newline: bool) -> bool:
    """A character that can open a sentence after terminal punctuation and a space or line break.

    Besides capitals, digits, opening marks and currency, an emoji or a letter without case
    (_UNCASED_OPENERS): "…, said Priya Hollis, 52. 🌊😭" ends at "52.", where emoji glued to it would
    leave a span with no full stop at its end, dropped as a headline."""
    if at_newline:
        return not nxt.islower()
    return (
        nxt.isupper() or nxt.isdigit() or nxt in _OPENERS or nxt in _CURRENCY
        or unicodedata.category(nxt) in _UNCASED_OPENERS
    )


def _token_before(text: str, region_start: int, punct_start: int) -> tuple[int, str]:
    """The whitespace-delimited token before a full stop, minus opening quotes and brackets."""
    low = max(region_start, punct_start - _TOKEN_REACH)
    token_start = text.rfind(" ", low, punct_start) + 1 or low
    token = text[token_start:punct_start]
    if token and not token.isprintable():  # a tab, line break or other space inside the token
        if token[-1].isspace():
            token = ""
        else:
            token = token.split()[-1]
        token_start = punct_start - len(token)
    if token and token[0] in _LEAD_STRIP:
        stripped = token.lstrip(_LEAD_STRIP)
        token_start += len(token) - len(stripped)
        token = stripped
    return token_start, token


def _dotted_name(text: str, pos: int, end: int) -> bool:
    """The glued word at `pos` is part of a host or file name ("www.AirSafe.com", "Worm.Explore.Zip")."""
    word = _WORD.match(text, pos, end)
    after = word.end() if word else pos
    if after < end and text[after] == "@":
        return True
    return after + 1 < end and text[after] in "./" and text[after + 1].isalnum()


def _next_word(text: str, pos: int, end: int) -> str:
    """The word at `pos`, after any opening quotes or brackets ("“The" -> "The")."""
    while pos < end and text[pos] in _OPENERS:
        pos += 1
    word = _WORD.match(text, pos, end)
    return word.group() if word else ""


def _starts_item(text: str, token: str, token_start: int, sentence_start: int, region_start: int) -> bool:
    """A list enumerator: the token opens the sentence, the region or a line, or follows a colon.

    After a colon only numbers and lowercase letters count ("Steps: 1. Mix"), since a capital there
    is usually a grade or a label that ends the sentence ("Grade: A. By ...").
    """
    if token_start <= sentence_start:
        return True
    before = text[max(region_start, token_start - 8) : token_start].rstrip(" \t")
    if not before or before[-1] == "\n":
        return True
    return before[-1] in ":;" and not token.isupper()


def _place_cut(text: str, match: re.Match[str], sentence_start: int, end: int) -> tuple[int, int] | None:
    """Where an accepted candidate cuts, as (end of this sentence, start of the next), or None.

    Inside an open quotation that closes later on the same line there is no cut: '“It is hard. We
    will stay,” she said.' is one sentence for a reader and for a citation. When the closing mark is
    set off by a space, as wire copy often does ('... standing there. " They ...'), the cut moves past
    it so the mark stays with its sentence.
    """
    pos, next_start = match.end(2), match.end()
    closer = _open_quote(text, sentence_start, pos)
    if closer is None or text.find("\n", pos, next_start) != -1:
        return pos, next_start
    limit = min(end, pos + _QUOTE_REACH)
    newline = text.find("\n", pos, limit)
    found = text.find(closer, pos, newline if newline != -1 else limit)
    if found == -1:
        return pos, next_start  # unmatched or far away: do not let it swallow the paragraph
    if found != next_start:
        return None
    after_mark = found + len(closer)
    following = _FIRST_NONSPACE.search(text, after_mark, end)
    if following is None or following.start() == after_mark:
        return None  # the quote ends the region, or the mark is glued to a word (it opens one)
    if "\n" not in text[after_mark : following.start()] and not _opens_sentence(text[following.start()], False):
        return None  # '... there. " he said': the attribution continues the sentence
    return after_mark, following.start()


def _open_quote(text: str, sentence_start: int, pos: int) -> str | None:
    """The closing mark awaited at `pos` when a quotation is open there, else None.

    Curly and ``DUC'' marks say which way they face; a straight mark (and a '' used as an opening
    mark) is read from its shape -- ' "Word' opens, 'word," ' closes -- and, when spaces surround it
    as in wire copy, from the parity of the marks since the sentence began.
    """
    low = max(sentence_start, pos - 2 * _QUOTE_REACH)  # bounded, so the scan stays linear
    if _QUOTE_MARK.search(text, low, pos) is None:
        return None  # the common case: no quotation marks in the sentence so far
    if text.rfind("“", low, pos) > text.rfind("”", low, pos):
        return "”"
    backticks, doubled = text.rfind("``", low, pos), text.rfind("''", low, pos)
    if backticks > doubled:
        return "''"
    if doubled != -1 and _faces_forward(text, low, doubled, 2, text.count("''", low, pos) + text.count("``", low, pos)):
        return "''"
    straight = text.rfind('"', low, pos)
    if straight != -1 and _faces_forward(text, low, straight, 1, text.count('"', low, pos)):
        return '"'
    return None


def _faces_forward(text: str, low: int, mark: int, width: int, count: int) -> bool:
    """Whether the quotation mark at `mark` opens a quotation (see _open_quote)."""
    if mark > low and text[mark - 1] in ".!?,…":
        return False  # 'go."' and 'said,"' close whatever follows
    space_before = mark == low or text[mark - 1].isspace() or text[mark - 1] in "([{—–"
    space_after = text[mark + width].isspace()  # mark + width <= pos < len(text)
    if space_before != space_after:
        return space_before  # ' "Word' opens; 'word" ' closes
    return count % 2 == 1


def _line_breaks(text: str, region_start: int, end: int, cuts: dict[int, int]) -> None:
    """Add boundaries at blank lines and before a line that follows a headline-like line.

    A single line break after a sentence end is already a candidate boundary; here a blank line
    always splits, and a line with no punctuation at its end followed by a capitalised line splits
    ("Flood warning issued\\nThe river rose"). Other single line breaks read as spaces.
    """
    for match in _LINE_BREAK.finditer(text, region_start, end):
        line_end, next_start = match.start(), match.end()
        while line_end > region_start and text[line_end - 1].isspace():
            line_end -= 1  # trailing spaces of the line (rare, and each is stepped over once)
        if line_end <= region_start or next_start >= end or line_end in cuts:
            continue
        if text.count("\n", line_end, next_start) >= 2:
            cuts[line_end] = next_start
            continue
        if not text[next_start].isupper():
            continue
        last = line_end - 1
        while last > region_start and text[last] in _CLOSERS:
            last -= 1
        char = text[last]
        if char.isalnum() or (last < line_end - 1 and char not in ".!?…"):
            cuts[line_end] = next_start
