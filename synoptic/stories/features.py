"""What the story clustering knows about an article: pure functions from plain data to plain data.

An article becomes a short, L2-normalised vector of hashed terms (feature hashing: no global
vocabulary, so memory is fixed however many new names the stream brings), weighted by TF-IDF
against the document frequencies seen so far, plus the day it belongs to and its blocking keys
(its heaviest terms, which the candidate index looks up). Everything here is deterministic across
processes (crc32, not Python's salted ``hash``), so a Spark job computes the same signatures.
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from functools import cached_property, lru_cache

import numpy as np

from synoptic.analyze.tokens import content_term, words
from synoptic.model import Article

FEATURE_BITS = 20  # 2^20 hashed features: ~1,200 colliding pairs among the dev stream's ~50k terms, harmless
FEATURE_MASK = (1 << FEATURE_BITS) - 1
# A title term counts as this many body occurrences: headlines name the story. On the dev stream
# (benchmarks/make_story_stream.py) 3 beat 1 by 0.6-1 BCubed F1 point and tied 5.
TITLE_WEIGHT = 3.0
# Terms kept per article vector. Keeping only the heaviest terms drops the common vocabulary every
# long story shares, which otherwise makes big stories swallow their neighbours: on the dev stream the
# full vector scored 0.82 BCubed F1, 20 terms 0.825, 30 terms 0.83, 80 terms 0.845.
ARTICLE_TERMS = 80
BLOCKING_TERMS = 20  # heaviest terms looked up in the candidate index (calibrated in synoptic.stories.cluster)
# A young store has not seen enough articles to know which words are common: fed one story's reports, it
# finds the story's own names in every earlier article and weighs them as common words, so the reports stop
# matching. The IDF therefore counts at least this many documents (as if the rest held none of the terms).
# benchmarks/stories_cold_start.py: each dev gold story ingested alone into a fresh store kept 0.59 of its
# articles together (BCubed recall) with no floor, 0.92 at 100-200 and 0.93 at 1,000; the dev stream
# scored 0.881 / 0.889 / 0.886 / 0.869 BCubed F1 at 0 / 100 / 200 / 1,000. 200 sits in the middle of both
# plateaus; a store past its first 200 articles is unaffected.
MIN_IDF_DOCUMENTS = 200


@dataclass(frozen=True)
class Signature:
    """An article as the clustering sees it: id, day (proleptic ordinal) and weighted hashed terms."""

    article: str
    day: int
    terms: tuple[tuple[int, float], ...]  # (feature, weight), heaviest first, L2 norm 1

    @property
    def blocking_keys(self) -> tuple[int, ...]:
        return self.features[:BLOCKING_TERMS]

    # the terms as two tuples, made once: an article is scored against up to 40 candidate stories
    @cached_property
    def features(self) -> tuple[int, ...]:
        return tuple(feature for feature, _ in self.terms)

    @cached_property
    def weights(self) -> tuple[float, ...]:
        return tuple(weight for _, weight in self.terms)


@lru_cache(maxsize=200_000)
def feature_of(term: str) -> int:
    return zlib.crc32(term.encode("utf-8")) & FEATURE_MASK


@lru_cache(maxsize=200_000)
def _word_feature(word: str) -> int | None:
    """The hashed feature of a lowercased word's content term, or None for a word that is no term."""
    term = content_term(word)
    return None if term is None else feature_of(term)


def term_counts(article: Article) -> Counter[int]:
    """Hashed content-term counts of the body, with title terms weighted TITLE_WEIGHT."""
    counts: dict[int, float] = {}
    # each distinct word is looked up once: an article says most of its words more than once
    for word, count in Counter(words(article.text)).items():
        if (feature := _word_feature(word)) is not None:
            counts[feature] = counts.get(feature, 0) + count
    for word in words(article.title or ""):
        if (feature := _word_feature(word)) is not None:
            counts[feature] = counts.get(feature, 0) + TITLE_WEIGHT
    return Counter(counts)


class DocumentFrequencies:
    """How many articles so far hold each hashed feature: a fixed-size array, so memory stays flat."""

    def __init__(self, counts: np.ndarray | None = None, documents: int = 0) -> None:
        self.counts = counts if counts is not None else np.zeros(1 << FEATURE_BITS, dtype=np.int32)
        self.documents = documents

    def add(self, features: Counter[int]) -> None:
        self.counts[np.fromiter(features, dtype=np.int64, count=len(features))] += 1
        self.documents += 1

    def idf(self, features: np.ndarray) -> np.ndarray:
        documents = max(self.documents, MIN_IDF_DOCUMENTS)
        return np.log((documents + 1) / (self.counts[features] + 1.0)) + 1.0


def weighted_terms(counts: Counter[int], frequencies: DocumentFrequencies) -> tuple[tuple[int, float], ...]:
    """The ARTICLE_TERMS heaviest features by sublinear TF × IDF, L2-normalised; ties break on the
    feature number so that every process keeps the same terms."""
    if not counts:
        return ()
    features = np.fromiter(counts, dtype=np.int64, count=len(counts))
    tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
    weights = (1.0 + np.log(tf)) * frequencies.idf(features)
    order = np.lexsort((features, -weights))[:ARTICLE_TERMS]
    kept = weights[order]
    norm = math.sqrt(float(kept @ kept)) or 1.0
    return tuple(zip(features[order].tolist(), (kept / norm).tolist()))


# Only absolute dates with at least a month and a year: dateparser would otherwise fill a missing part,
# or a relative phrase ("Monday", "yesterday"), from today's clock, and the stories would then depend on
# when the stream is ingested ("5" became May of the current year and closed every older story as idle).
_DATEPARSER_SETTINGS = {
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "REQUIRE_PARTS": ["month", "year"],
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
}


# "2025-04-31T09:00", "1998-30-06": a year and two numbers in ISO order, whether or not they name a real day.
ISO_SHAPED = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")


def parse_day(value: str | None) -> int | None:
    """The day of an ISO date or datetime as a proleptic ordinal, or None when there is none.

    An ISO-shaped date whose month cannot be one is read day-first when that names a day: the DUC data
    writes seven dates "1998-30-06", and reading them so keeps their articles in their stories (dev stream
    BCubed F1 0.886, against 0.883 with them undated). One that names no day either way ("2025-04-31",
    "2025-13-14") is no date: undated is honest where any guess misdates. Other spellings ("Tue, 10 Mar
    2025 09:00:00 GMT") go to dateparser."""
    if not value or not value.strip():
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date().toordinal()
    except ValueError:
        pass
    if shaped := ISO_SHAPED.match(text):
        year, month, day = (int(part) for part in shaped.groups())
        try:
            return date(year, day, month).toordinal() if month > 12 else date(year, month, day).toordinal()
        except ValueError:
            return None
    import dateparser  # lazy: rarely needed, and slow to import

    parsed = dateparser.parse(text, settings=_DATEPARSER_SETTINGS)
    return parsed.date().toordinal() if parsed else None


# How far past today (UTC) a news date may lie: a day covers the time zones ahead of UTC. A later date is a
# typo ("2035-03-12" for 2025): believed, it would move a store's clock years ahead, close every story and
# leave each article ingested after it too late to join one.
FUTURE_SLACK_DAYS = 1


def news_day(value: str | None) -> int | None:
    """``parse_day``, but None for a date after tomorrow: no report is published in the future, so such an
    article is placed as an undated one is, on the newest day seen (the store and the Spark job alike)."""
    day = parse_day(value)
    return None if day is not None and day > datetime.now(UTC).date().toordinal() + FUTURE_SLACK_DAYS else day


def day_iso(day: int) -> str:
    return date.fromordinal(day).isoformat()


TIME_OF_DAY = re.compile(r"\d:\d\d")
# email.utils reads RFC 822 as feeds write it and looser spellings ("March 12, 2025 14:00"), but it takes
# the "pm" of "March 12, 2025 2:00 pm" for an unknown zone and gives 02:00: a 12-hour clock is not its to read.
_TWELVE_HOUR = re.compile(r"\d\s*[ap]\.?m\b", re.IGNORECASE)


def parse_moment(value: str | None) -> datetime | None:
    """The instant a date names when it gives a time of day ("2025-03-12T14:00", "Tue, 11 Mar 2025
    09:00:00 GMT"), in UTC; a time without a zone is read as UTC. None for a bare day, a phrase, or none:
    feeds date their items to the minute, and "what is new since 14:00" must not mean the whole day."""
    if not value or not TIME_OF_DAY.search(value):
        return None
    text = value.strip()
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        if _TWELVE_HOUR.search(text):
            return None
        try:
            moment = parsedate_to_datetime(text)
        except (TypeError, ValueError):
            return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def moment_iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
