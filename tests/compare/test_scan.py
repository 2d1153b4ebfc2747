"""The fast scans give exactly the matches of the plain ones: finditer_near against a full scan, and
patterns written with either_case / ignoring_case against their [Xx] / re.IGNORECASE originals."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from synoptic.compare import conflicts, entities, quotes
from synoptic.compare.scan import (
    either_case,
    finditer_from,
    finditer_near,
    ignoring_case,
    lower_keeps_letters,
    texts_holding,
)
from synoptic.compare.timeline import (
    _AFTER_TRIGGER,
    _BEFORE_TRIGGER,
    _BEFORE_TRIGGER_SPACED,
    _CANDIDATES,
    _SEPARATOR_RUN,
    _TRIGGER,
    _date_phrases,
)

# Words that make, break or imitate date phrases; glued with spaces, commas and full stops.
PIECES = [
    "in", "early", "mid", "late", "on", "last", "next", "this", "since", "through", "June", "Jun.", "Sept.",
    "September", "March", "Market", "Mark", "May", "Monday", "Tuesday", "today", "yesterday", "birthday",
    "tonight", "night", "week", "month", "year", "16", "3rd", "2017", "1999", "2017-10-16", "200", "of",
    "Theresa", "the", "morning", "evening", "earlier", "later", "Oct", "October", "Dec.", "Decade",
    "summer", "Summer", "fall", "winter", "past", "Games",
]  # fmt: skip


def _spans(matches) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in matches]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from([" ", "  ", ", ", ". ", "-", " \n"])), max_size=30))
# an earlier trigger's window once cut "early  September  2017" short and took "September  20"
@example([("June", " "), ("in", " "), ("in", " "), ("early", " "), ("early", " "), ("early", "  "), ("September", "  "), ("2017", " ")])
def test_same_matches_as_a_full_scan(words: list[tuple[str, str]]) -> None:
    text = "".join(word + gap for word, gap in words)
    expected = _spans(_CANDIDATES.finditer(text))
    assert _spans(finditer_near(_CANDIDATES, _TRIGGER, text, _BEFORE_TRIGGER, _AFTER_TRIGGER)) == expected


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from([" ", ", ", "-", "\n", " -"])), max_size=30))
def test_the_dates_found_with_the_closer_window_are_those_of_a_full_scan(words: list[tuple[str, str]]) -> None:
    """Mostly single separators, where the timeline searches only 14 characters ahead of a trigger
    ("through early June" is the longest lead), with a run of two now and then."""
    text = "".join(word + gap for word, gap in words)
    closer = (_BEFORE_TRIGGER_SPACED, _SEPARATOR_RUN)
    found = finditer_near(_CANDIDATES, _TRIGGER, text, _BEFORE_TRIGGER, _AFTER_TRIGGER, closer)
    assert _spans(found) == _spans(_CANDIDATES.finditer(text))
    assert [phrase for phrase, _ in _date_phrases("It lasted through early June, and earlier this week it ended.")] == [
        "through early June", "earlier this week"
    ]


def test_a_match_the_window_would_cut_short_is_read_whole() -> None:
    pattern, trigger = re.compile(r"x+y?"), re.compile(r"x")
    text = "..xxxxxxy"  # the window after the first x ends before the y
    assert _spans(finditer_near(pattern, trigger, text, 0, 2)) == [(2, 9, None)]


def test_false_alarms_and_no_trigger_find_nothing() -> None:
    assert list(finditer_near(_CANDIDATES, _TRIGGER, "The Market opened with a Mark of approval.", 40, 40)) == []
    assert list(finditer_near(_CANDIDATES, _TRIGGER, "Nothing here at all.", 40, 40)) == []


def test_either_case_matches_what_a_first_letter_class_matches() -> None:
    words = ("tonight", r"last\s+(?:night|week)")
    fast = re.compile(either_case(*words))
    plain = re.compile(r"[Tt]onight|[Ll]ast\s+(?:night|week)")
    for text in ("Tonight and tonight", "last  week, Last night", "TONIGHT", "lAst week", "atonight"):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert [m.group() for m in fast.finditer("Last week, tonight")] == ["Last week", "tonight"]


def test_ignoring_case_classes_hold_every_character_re_ignorecase_matches() -> None:
    """The first-letter classes, checked against re.IGNORECASE over every code point (where the
    Kelvin sign, the long s and the Turkish i come from)."""
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        wanted = set(re.findall(letter, everything, re.IGNORECASE))
        assert set(re.findall(ignoring_case(letter), everything)) == wanted, letter


def test_lower_keeps_every_letter_re_ignorecase_reads_unless_told_otherwise() -> None:
    """Over every code point: where lower_keeps_letters says yes, str.lower() gives the ASCII letter
    that a case-insensitive re matches the character to."""
    breaks = []
    for code in range(0x110000):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF or char.isascii():
            continue
        for letter in "abcdefghijklmnopqrstuvwxyz":
            if re.fullmatch(letter, char, re.IGNORECASE) and letter not in char.lower():
                breaks.append(char)
                assert not lower_keeps_letters(f"a {char} b"), hex(code)
    assert breaks  # İ, ı, ſ
    assert lower_keeps_letters("Straße, “Kelvin” \u212a") and lower_keeps_letters("plain")


def test_ignoring_case_matches_like_re_ignorecase() -> None:
    words = ("about", r"as\s+many\s+as", "some", "six", "kilo", "in", r"\$")
    fast = re.compile(rf"\b(?:{ignoring_case(*words)})\b")
    plain = re.compile(r"\b(?:about|as\s+many\s+as|some|six|kilo|in|\$)\b", re.IGNORECASE)
    for text in ("About six", "ABOUT SIX", "ſome ſix", "\u212ailo", "As  Many As", "İn ın In", "aBoUt", "abouts", "$ 5"):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], text


# The quantity pattern written plainly: one re.IGNORECASE pattern, composing numbers in words as
# conflicts._WORD_FIGURE does ("twenty-five", "two dozen", "a hundred", "half a million").
_FIGURE = (
    rf"(?:(?:{'|'.join(conflicts._TENS)})(?:-(?:{'|'.join(conflicts._UNITS_WORDS)}))?\b|(?:{'|'.join(conflicts._SMALL)})\b"
    r"|(?:half\s+)?a(?=\s+(?:hundred|dozen|thousand|million|billion)\b))"
)
_WORDNUM = rf"(?:{_FIGURE}(?:\s+(?:hundred|dozen)\b)?|hundred|dozen)"
_VALUE = rf"(?:{conflicts._NUM}|{_WORDNUM})"
_SCALE = r"(?:\s*(?:thousand|million|billion|bn|m|k)\b)?"
_QUAL = (r"(?P<qual>about|around|approximately|roughly|some|nearly|almost|close\s+to|up\s+to|as\s+many\s+as|"
         r"more\s+than|over|at\s+least|fewer\s+than|less\s+than|under|between)\s+")
PLAIN_QUANTITY = re.compile(
    rf"(?<![\w$£€.,:/-])(?:{_QUAL})?(?P<cur>[$£€])?(?P<a>{_VALUE})(?P<sa>{_SCALE})"
    rf"(?:\s*(?:-|–|to|and)\s*[$£€]?(?P<b>{_VALUE})(?P<sb>{_SCALE}))?"
    rf"(?P<after>(?:\s*%|\s+per\s*cent|\s+percent)?)(?![\w:]|[.,]\d)",
    re.IGNORECASE,
)
QUANTITY_PIECES = [
    "about", "ABOUT", "Some", "ſome", "ſix", "SIX", "a dozen", "A  Dozen", "12", "1,200", "3.5", "2017", "million", "K",
    "k", "bn", "to", "and", "-", "–", "%", "per cent", "percent", "$", "£", "between", "up to", "UP TO", "more than", "of",
    "people", ".", ",", ":", "/", "fıve", "one", "twenty", "hundred", "Kilo", "some-one", "twenty-five", "Half a", "a",
    "thousand",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(QUANTITY_PIECES), st.sampled_from([" ", "  ", "", ", "])), max_size=12))
def test_quantity_pattern_matches_like_its_ignorecase_original(words: list[tuple[str, str]]) -> None:
    text = "".join(word + gap for word, gap in words)
    fast = [(m.span(), m.groupdict()) for m in conflicts._QUANTITY.finditer(text)]
    assert fast == [(m.span(), m.groupdict()) for m in PLAIN_QUANTITY.finditer(text)]


def _tail_words(text: str, end: int) -> list[str]:
    """The words conflicts._unit reads after a number, one word at a time (as it did before _TAIL_WORDS)."""
    words = []
    for _ in range(5):
        match = re.compile(r"\s*([A-Za-z][\w'’-]*)").match(text, end)
        if not match:
            break
        words.append(match.group(1))
        end = match.end()
        if re.compile(r"\s*[,.;:)(]").match(text, end):
            break
    return words


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=list("ab'’-_9 \n,.;:()Σ"), max_size=30))
def test_tail_words_in_one_match_are_those_read_one_by_one(text: str) -> None:
    for end in range(len(text) + 1):
        assert conflicts._TAIL_WORDS.match(text, end).group().split() == _tail_words(text, end)


PLAIN_QUOTE = re.compile(r"“(?P<a>[^“”]{2,2000}?)”|(?<![\w`'])\"(?P<b>[^\"]{2,2000}?)\"|(?:``|'')(?P<c>(?:(?!'').){2,2000}?)''")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(['"', "“", "”", "``", "''", "'", "`", "ab", "c d", " ", 'x"', ","]), max_size=14))
def test_quote_pattern_matches_like_its_look_behind_first_original(pieces: list[str]) -> None:
    text = "".join(pieces)
    fast = [(m.span(), m.group("a") or m.group("b") or m.group("c") or m.group("c2")) for m in quotes._QUOTE.finditer(text)]
    assert fast == [(m.span(), m.group("a") or m.group("b") or m.group("c")) for m in PLAIN_QUOTE.finditer(text)]


# Words that start, join, break or imitate capitalised runs, lower-case "al-"/"el-" among them.
NAME_PIECES = [
    "al-Naim", "el-Sisi", "Al-Naim", "El", "al", "el", "deal-maker", "model-", "Kelsby", "Fire", "and", "Rescue",
    "of", "the", "bin", "Mr.", "Dr", "Łódź", "Émile", "Wolańska", "O'Neill", "MacLeod", "US", "U.S.", "NATO's",
    "said", "a", "e", "Ab", "x-Ray", "2017", "Route", "14", "ß", "Ünal",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(NAME_PIECES), st.sampled_from([" ", "  ", "", ", ", "-", ". ", "\n"])), max_size=20))
def test_name_runs_found_from_capitals_are_those_of_a_full_scan(words: list[tuple[str, str]]) -> None:
    text = "".join(word + gap for word, gap in words)
    assert _spans(entities._name_runs(text)) == _spans(entities._NAME_RUN.finditer(text))


# Names, acronyms and the words that introduce one ("Syrian Democratic Forces (SDF)", "…, or SDF"), with
# lower-case "al-" (a full scan) and look-alikes ("for SDF", "(S D F)").
ACRONYM_PIECES = [
    "Syrian", "Democratic", "Forces", "SDF", "NATO", "US", "(", ")", "( ", "or", "Or", "the", "for", "al-Naim",
    "Kelsby", "Mr.", "People's", "a", "S D F", "or SDF", "or the NATO", "(SDF)", "(US)",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(ACRONYM_PIECES), st.sampled_from([" ", "", ", ", "\n"])), max_size=14))
@example([("Syrian Democratic Forces", ", "), ("or SDF", " "), ("and al-Naim", " "), ("or the NATO", "")])
@example([("Syrian Democratic Forces", " "), ("(SDF)", "\n"), ("or US", "")])
@example([("Kelsby", " "), ("( US )", "")])
def test_acronym_definitions_are_those_of_a_full_scan(words: list[tuple[str, str]]) -> None:
    text = "".join(word + gap for word, gap in words)
    fast = [(pattern, match.span(), match.groups()) for pattern, match in entities._acronym_definitions(text)]
    full = [(p, m.span(), m.groups()) for p in (entities._ACRONYM_PAREN, entities._ACRONYM_OR) for m in p.finditer(text)]
    assert fast == (full if "(" in text or " or " in text else [])


# The last words of every cue phrase before a name in several cases, letters a case-insensitive re reads as
# ASCII ones ("ı", "ſ", "İ", the Kelvin sign), and words that end like them.
CUE_WORDS = [
    "in", "IN", "In", "ın", "İn", "near", "NEAR", "at", "from", "FROM", "across", "acroſs", "outside", "inside", "into",
    "the", "THE", "of", "OF", "to", "said", "says", "Said", "told", "by", "according to", "bathe", "ſ", "\u212a", "x",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from([*CUE_WORDS, "city", "fled", "told", "according", " ", "  ", ",", "(", "-"]), max_size=6),
    st.sampled_from(CUE_WORDS),
    st.sampled_from(["", " ", "  ", "\n", "\xa0", "\u2028"]),
)
@example(["fled", " ", "to", " "], "THE", " ")
@example(["told", " "], "the", " ")
@example(["according to", " "], "the", "\n")
def test_a_cue_pattern_before_a_name_is_searched_wherever_it_can_match(words: list[str], last: str, space: str) -> None:
    before = "".join(words) + last + space
    letters = entities._last_letters(before)
    for pattern, endings in (
        (entities._PLACE_BEFORE, entities._PLACE_ENDINGS),
        (entities._BODY_BEFORE, entities._BODY_ENDINGS),
        (entities._PERSON_BEFORE, entities._PERSON_ENDINGS),
        (entities._SAID_BEFORE, entities._SAID_ENDINGS),
    ):
        assert entities._may_end(letters, endings) or not pattern.search(before), pattern.pattern


def test_finditer_from_tries_every_start_and_goes_on_after_a_match() -> None:
    pattern, starts = re.compile(r"A[a-z]+(?: A[a-z]+)*"), re.compile(r"A")
    text = "AAb Acd xAe"  # a failed start just before a match of two words, then one inside a word
    assert _spans(finditer_from(pattern, starts, text)) == _spans(pattern.finditer(text)) == [(1, 7, None), (9, 11, None)]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.text(alphabet="abo\n pen", max_size=12), max_size=8),
    st.lists(st.text(alphabet="abo pen", min_size=1, max_size=3), min_size=1, max_size=3),
)
def test_texts_holding_a_word_are_those_an_in_check_finds(texts: list[str], words: list[str]) -> None:
    assert texts_holding(texts, words) == {k for k, text in enumerate(texts) if any(w in text for w in words)}


def test_the_status_cues_can_be_found_in_texts_joined_by_line_breaks() -> None:
    assert all(cue and "\n" not in cue for cue in conflicts._MAYBE_STATUS)
    assert texts_holding(["still open", "", "shut\nopen", "clo", "sed"], conflicts._MAYBE_STATUS) == {0, 2}


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["Route", "No.", "aged", "Kelsby", "K", "x", "4", ".", "(", " ", "\n", "\t", "\x1f", "\u2028", "\xa0"]), max_size=12).map("".join))
def test_the_skip_words_before_a_number_are_found_from_the_last_word(before: str) -> None:
    expected = conflicts._SKIP_BEFORE.search(before) is not None
    assert conflicts._ends_with_skip_word(before, before.rstrip()) == expected
