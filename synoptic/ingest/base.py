"""What every reader shares: the reader registry, byte decoding and stable article ids."""

from __future__ import annotations

import codecs
import hashlib
from collections.abc import Callable

from synoptic.errors import InputError
from synoptic.model import Article
from synoptic.registry import Registry

# A reader turns the bytes of one input into articles. ``origin`` names the input in errors.
Reader = Callable[[bytes, str], list[Article]]

READERS: Registry[Reader] = Registry("reader")

# Bytes that never occur in text files; a few of them mean the input is binary.
_BINARY_BYTES = bytes(range(0, 9)) + bytes(range(14, 32))
_BINARY_SHARE = 0.01  # >1% control bytes in the first 4 KiB: images, PDFs, archives


def decode_text(data: bytes, origin: str) -> str:
    """UTF-8 text (BOM tolerated) or a one-line error saying how to fix the file."""
    if not data.strip():
        raise InputError(origin, "the input is empty", "give a file that contains article text")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Windows Notepad's "Unicode"; its zero bytes look binary
        raise InputError(origin, "the file is UTF-16 text", "re-save it as UTF-8 (e.g. iconv -f utf-16 -t utf-8)")
    head = data[:4096]
    if b"\x00" in head or sum(head.count(bytes([b])) for b in _BINARY_BYTES) > _BINARY_SHARE * len(head):
        raise InputError(origin, "this looks like a binary file, not text", "give text, HTML, JSON(L), RSS/Atom or WARC files (.txt .html .json .jsonl .rss .atom .xml .warc .warc.gz)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:  # most often Windows-1252: read as latin1, its dashes and curly quotes become control characters
        raise InputError(
            origin,
            f"the bytes are not valid UTF-8 (at byte {exc.start})",
            "re-save the file as UTF-8 (e.g. iconv -f windows-1252 -t utf-8)",
        ) from None


def stable_id(*parts: str) -> str:
    """A short id that depends only on the content, so re-running gives the same citations."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"a{digest[:10]}"
