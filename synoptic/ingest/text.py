"""Plain-text articles: the first line is the title when it looks like a headline."""

from __future__ import annotations

import re
from pathlib import PurePath

from synoptic.errors import InputError
from synoptic.ingest.base import READERS, decode_text
from synoptic.model import Article

TITLE_MAX_WORDS = 25  # longer first lines are body text (headlines here run 5-20 words)
_SENTENCE_END = re.compile(r"[.;:,]['\"’”)]?\s*$")


def looks_like_title(line: str) -> bool:
    """A headline is short and does not end like a sentence (they rarely end with a full stop)."""
    words = line.split()
    return 0 < len(words) <= TITLE_MAX_WORDS and not _SENTENCE_END.search(line)


def split_title(text: str) -> tuple[str | None, str]:
    """(title, body) where body is the text after the title line, kept as an exact substring."""
    stripped = text.lstrip()
    offset = len(text) - len(stripped)
    first, newline, rest = stripped.partition("\n")
    if newline and rest.strip() and looks_like_title(first.strip()):
        return first.strip(), text[offset + len(first) + 1 :]
    return None, text


@READERS.register(".txt")
def read_text(data: bytes, origin: str) -> list[Article]:
    text = decode_text(data, origin)
    title, body = split_title(text)
    if not body.strip() or (title is None and "\n" not in body.strip() and looks_like_title(body.strip())):
        raise InputError(origin, "the file holds a title but no article text", "add the article body below the title")
    stem = PurePath(origin).stem if origin != "<stdin>" else "stdin"
    return [Article(id=stem, text=body, title=title, origin=origin)]
