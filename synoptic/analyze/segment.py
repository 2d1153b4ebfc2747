"""Fast rule-based sentence segmentation that returns spans and never rewrites text.

Spans are what the rest of synoptic cites, so segmentation only decides where sentences start and
end. One regex finds candidate boundaries (terminal punctuation plus closing quotes); cheap checks on
the word before and the text after accept or reject each. No per-character Python loop.
"""

from __future__ import annotations

import re

# Never a boundary after these when a capital or digit follows ("Col. Ryan Dillon", "Oct. 16").
TITLES = frozenset(
    """mr mrs ms messrs dr prof col gen brig lt maj capt cmdr sgt cpl pvt adm gov sen rep rev fr st jr sr hon pres
    supt insp det atty gen cdr amb mt ft jan feb mar apr jun jul aug sep sept oct nov dec no nos vol vs v fig
    approx est inc corp co ltd bros dept univ ave blvd rd hwy op ed eds pp cf ca""".split()
)
# Dotted short forms that end a sentence only when a typical sentence opener follows ("… in the U.S. The").
INITIALISMS_SPLIT_BEFORE = frozenset(
    """the a an he she it they we i you but in on at this that these those there and his her its their our after
    before when while however meanwhile officials police authorities""".split()
)
_CANDIDATE = re.compile(r"(?:[.!?]+|…)(?:[\"'’”)\]]|'')*")
_TOKEN_BEFORE = re.compile(r"([\w.'’&-]+)[\"'’”)\]]*$")
_LOWER_WORD = re.compile(r"[a-z]{3,}")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]\.?")
_SENTENCE_END = re.compile(r"[.!?…][\"'’”)\]]*$")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans (absolute offsets into ``text``) inside ``text[start:end]``, trimmed."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for piece_start, piece_end in _pieces(text, start, end):
        _split_piece(text, piece_start, piece_end, spans)
    return spans


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Lines of the region, re-joined where a line break falls inside a sentence (hard wrapping)."""
    if "\n" not in text[start:end]:
        return [(start, end)]
    pieces: list[list[int]] = []
    pos = start
    for line in text[start:end].split("\n"):
        line_start, line_end = pos, pos + len(line)
        pos = line_end + 1
        if not line.strip():
            pieces.append([])  # a blank line always ends a sentence
            continue
        if pieces and pieces[-1]:
            prev_text = text[pieces[-1][0] : pieces[-1][1]].rstrip()
            if not _SENTENCE_END.search(prev_text) and line.lstrip()[:1].islower():
                pieces[-1][1] = line_end
                continue
        pieces.append([line_start, line_end])
    return [(p[0], p[1]) for p in pieces if p]


def _inside_open_quote(text: str, seg_start: int, pos: int, end: int) -> bool:
    """True when ``pos`` is inside a double quotation that closes later in the piece."""
    opened = text.count("“", seg_start, pos) - text.count("”", seg_start, pos)
    if opened > 0:
        return text.find("”", pos, end) != -1
    straight = text.count('"', seg_start, pos) + text.count("''", seg_start, pos) + text.count("``", seg_start, pos)
    if straight % 2:
        return text.find('"', pos, end) != -1 or text.find("''", pos, end) != -1
    return False


def _is_boundary(text: str, seg_start: int, punct_start: int, punct_end: int, nxt: int, end: int) -> bool:
    punct = text[punct_start:punct_end].rstrip("\"'’”)]")
    before = _TOKEN_BEFORE.search(text, max(seg_start, punct_start - 40), punct_start + 1)
    token = before.group(1) if before else ""
    word = token.rstrip(".").lower()
    char = text[nxt]
    glued = nxt == punct_end
    if glued:
        # "victory.A commander": a plain lowercase word, then a capitalised word with no space.
        follow = text[nxt + 1 : nxt + 2]
        return (
            bool(_LOWER_WORD.fullmatch(token.rstrip(".")) or (len(token.rstrip(".")) == 2 and token[:2].isalpha() and token[:2].islower()))
            and "." not in token.rstrip(".")
            and word not in TITLES
            and char.isupper()
            and (follow.islower() or (char in "AI" and follow == " "))
        )
    if char.islower():
        # "…heavily mined. be more militants" — a plain word, a full stop, then lowercase: a broken
        # paste. Split so the tail is seen (and dropped) as a fragment rather than glued on.
        return punct == "." and bool(_LOWER_WORD.fullmatch(token.rstrip("."))) and word not in TITLES
    if not (char.isupper() or char.isdigit() or char in "\"'“‘(["):
        return False
    if _inside_open_quote(text, seg_start, punct_end, end):
        return False
    if punct != ".":
        return True  # ! ? … and runs like "?!" or "..." before a capital
    if word in TITLES or (len(word) == 1 and word.isalpha()):
        return False  # "Dr. Varga", "W. Bush", "Oct. 16"
    if _INITIALISM.fullmatch(token):
        next_word = re.match(r"[\"'“‘(]*([A-Za-z]+)", text[nxt : nxt + 30])
        return bool(next_word) and next_word.group(1).lower() in INITIALISMS_SPLIT_BEFORE
    return True


def _split_piece(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    seg_start = start
    for match in _CANDIDATE.finditer(text, start, end):
        punct_end = match.end()
        nxt = punct_end
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt >= end:
            break
        if _is_boundary(text, seg_start, match.start(), punct_end, nxt, end):
            _append_trimmed(text, seg_start, punct_end, spans)
            seg_start = punct_end
    _append_trimmed(text, seg_start, end, spans)


def _append_trimmed(text: str, s: int, e: int, spans: list[tuple[int, int]]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if s < e:
        spans.append((s, e))
