"""Readers of many-record files (feeds, WARC, article JSONL): keep the good records, report the bad.

A bad record in a feed or a crawl is reported and skipped, never fatal. Record readers yield
Articles and InputErrors in file order; ``collect`` turns that stream into the list a READERS entry
returns, carrying the skipped records along so that ``read_inputs`` reports them.
"""

from __future__ import annotations

from collections.abc import Iterable

from synoptic.errors import InputError
from synoptic.model import Article


class ReadArticles(list[Article]):
    """The articles of one input, with the records that had to be skipped (``skipped``)."""

    def __init__(self, articles: Iterable[Article] = (), skipped: Iterable[InputError] = ()) -> None:
        super().__init__(articles)
        self.skipped = list(skipped)


def collect(records: Iterable[Article | InputError], origin: str, what: str, advice: str) -> ReadArticles:
    """All good records of an input; an input with none at all is an error naming what was expected."""
    result = ReadArticles()
    for record in records:
        if isinstance(record, InputError):
            result.skipped.append(record)
        else:
            result.append(record)
    if not result:
        skipped = f" ({len(result.skipped)} unusable)" if result.skipped else ""
        raise InputError(origin, f"no {what} found{skipped}", advice)
    return result
