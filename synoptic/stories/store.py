"""The story store: articles, their stories and the clustering state, in one SQLite file.

The store is a thin shell around the pure clustering of synoptic.stories.cluster: it gives each
article its day, turns it into a Signature, links near-duplicates, and persists what changed. The
active stories' state (centroids) and the document frequencies are saved with every commit, so a
later `synoptic stories ingest` carries on exactly where the last one stopped.

- Idempotent: an article is identified by a fingerprint of its text (whitespace normalised); one
  already stored is skipped and changes nothing, but for its date: a copy that states a date re-dates a
  stored copy whose date is only a day it was seen (a WARC capture, a cluster's date, the clock), since
  the stated date is the one an update and a timeline read. The article stays in its story, whose days
  follow it (see StoryStore._redate). An article whose id is taken by a different text is stored under
  ``id~2`` (``~3`` …).
- Undated articles take the store's clock (the newest date seen so far): they count as arriving
  now, so they can only join stories that are still active and never move the clock back.
- Near-duplicates (syndicated copies, lightly edited reposts) are found with the MinHash/LSH and
  exact-Jaccard test of synoptic.clean.duplicates among the articles of the last
  DUPLICATE_WINDOW_DAYS, linked to their original (``duplicate_of``) and put in its story.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import re
import sqlite3
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import numpy as np

from synoptic.analyze.sentences import first_sentence, opening_words
from synoptic.analyze.titles import best_title, clean_title
from synoptic.clean import clean_article
from synoptic.clean.duplicates import (
    COPY_MIN_JACCARD,
    MIN_SHINGLES,
    lsh_params,
    minhash_signature,
    jaccard,
    shingles,
)
from synoptic.errors import InputError, SynopticError
from synoptic.ingest.base import stable_id
from synoptic.ingest.jsonfmt import article_from_dict
from synoptic.model import Article, CleanArticle
from synoptic.stories.cluster import (
    STORY_IDLE_DAYS,
    ActiveStories,
    Assignment,
    Member,
    Refinement,
    Story,
    advance,
    place,
    refinement_due,
)
from synoptic.stories.features import (
    ISO_SHAPED,
    TIME_OF_DAY,
    DocumentFrequencies,
    Signature,
    day_iso,
    feature_of,
    moment_iso,
    news_day,
    parse_day,
    parse_moment,
    term_counts,
    weighted_terms,
)

SCHEMA_VERSION = "3"  # 2: the members table (refinement); 3: articles.approximate
# A store of an older format that this one reads once a column is added (opening it for writing adds it).
SCHEMA_UPGRADES = {"2": "ALTER TABLE articles ADD COLUMN approximate INTEGER NOT NULL DEFAULT 0"}
# Articles held back to put them in date order before they are assigned. The dev stream read in file
# order (datasets one after the other, 1996-2008 mixed) made 1,449 stories against 249 in date order;
# with this window it is read in date order. Memory: the held articles' texts (~5 KB each).
REORDER_WINDOW = 5000
COMMIT_EVERY = 500  # articles per transaction: larger batches gain < 5% speed and lose more on a crash
# Copies are republished within days: in ../shared/data every confirmed copy pair (Jaccard ≥ 0.75)
# is dated within 2 days of its original, so a 30-day window misses none and keeps the index small.
DUPLICATE_WINDOW_DAYS = 30

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS state (name TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    fingerprint TEXT NOT NULL UNIQUE,
    title TEXT, text TEXT NOT NULL, date TEXT, day INTEGER NOT NULL,
    source TEXT, url TEXT, origin TEXT,
    story TEXT NOT NULL, duplicate_of TEXT,
    approximate INTEGER NOT NULL DEFAULT 0  -- the date is a day the page was seen (a WARC capture), not one it states
);
CREATE INDEX IF NOT EXISTS articles_by_story ON articles (story, day, seq);
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    first_article TEXT NOT NULL, first_day INTEGER NOT NULL, last_day INTEGER NOT NULL,
    size INTEGER NOT NULL, status TEXT NOT NULL CHECK (status IN ('active', 'closed', 'merged')),
    merged_into TEXT, title TEXT, centroid TEXT
);
CREATE INDEX IF NOT EXISTS stories_by_status ON stories (status, last_day);
-- a merge re-points the ids that already resolved to the absorbed story: without this, a scan of every story
CREATE INDEX IF NOT EXISTS stories_by_merged_into ON stories (merged_into);
CREATE TABLE IF NOT EXISTS copy_bands (band INTEGER NOT NULL, seq INTEGER NOT NULL, day INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS copy_bands_by_band ON copy_bands (band);
CREATE INDEX IF NOT EXISTS copy_bands_by_day ON copy_bands (day);
CREATE TABLE IF NOT EXISTS members (
    article TEXT PRIMARY KEY, story TEXT NOT NULL, day INTEGER NOT NULL, features BLOB NOT NULL, weights BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS members_by_story ON members (story);
"""


def fingerprint(article: Article) -> str:
    return hashlib.sha1(" ".join(article.text.split()).encode("utf-8")).hexdigest()


def _band_keys(shingle_set: set[str]) -> list[int]:
    """LSH band keys of the article's MinHash (the bands datasketch would use), as signed 63-bit ints."""
    bands, rows = lsh_params()
    values = minhash_signature(shingle_set).hashvalues
    keys = []
    for b in range(bands):
        digest = hashlib.blake2b(b.to_bytes(2, "big") + values[b * rows : (b + 1) * rows].tobytes(), digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big") >> 1)
    return keys


# Cleaning costs 0.4 ms an article, a fifth of ingest (dev stream: 620 → 490 articles/s). It only matters
# for short texts: a copy that carries e extra words of byline, captions and newsletter lines keeps a
# Jaccard of about n / (n + e) with its n-word original, above COPY_MIN_JACCARD (0.75) for e < n / 3, so
# 60 words of page furniture sink an article under 180 words and never one of 400. Half the dev stream is
# shorter than this and is cleaned.
COPY_CLEAN_MAX_WORDS = 400


def _shingles_of(text: str) -> set[str]:
    """The shingles a brief's copy test reads (synoptic.clean.duplicates): those of the text's kept lines.
    A crawled page and its feed item differ by a byline, a caption, a newsletter line; counted in, they
    sank a short article's Jaccard below COPY_MIN_JACCARD, and a story showed each fact once per copy.
    A text that cleaning leaves too little of to test (one paragraph that ends in a photo credit) is
    tested whole, and so is a long one (COPY_CLEAN_MAX_WORDS)."""
    article = Article(id="", text=text)
    whole = CleanArticle(article, ((0, len(text)),), None)
    if len(text.split()) >= COPY_CLEAN_MAX_WORDS:
        return shingles(whole)
    kept = shingles(clean_article(article))
    return kept if len(kept) >= MIN_SHINGLES else shingles(whole)


@dataclass(frozen=True)
class StoryInfo:
    """One story as listed: what a CLI table or a web view shows."""

    id: str
    title: str | None
    size: int
    first_date: str
    last_date: str
    status: str

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "title": self.title, "articles": self.size, "first": self.first_date, "last": self.last_date, "status": self.status}


@dataclass
class IngestReport:
    added: int = 0
    unchanged: int = 0
    duplicates: int = 0
    created: int = 0
    merged: int = 0
    closed: int = 0
    moved: int = 0
    failed: int = 0
    late: int = 0  # articles dated before the store's window: they could only start stories of their own
    dates_not_read: int = 0  # articles whose given date is no day ("2025-04-31"): they took the store's clock
    redated: int = 0  # stored articles a repeat of their text gave the date it states (counted in ``unchanged`` too)
    future_dated: int = 0  # articles dated past tomorrow: a typo, placed as undated (features.news_day)
    idle_days: int = STORY_IDLE_DAYS
    assignments: list[Assignment] = field(default_factory=list)

    def line(self) -> str:
        late = (
            f"; {self.late} dated more than {self.idle_days} days before the store's newest could not join a story"
            " (the stories of their time are closed): ingest older files first, or all files in one run"
        ) if self.late else ""
        unread = (
            f"; {self.dates_not_read} with a date that cannot be read as a day of the calendar took the store's newest date"
        ) if self.dates_not_read else ""
        unread += (
            f"; {self.future_dated} dated after today took the store's newest date (check their dates)"
        ) if self.future_dated else ""
        redated = f" ({self.redated} re-dated by the date a copy states)" if self.redated else ""
        return (
            f"{self.added} added ({self.duplicates} near-duplicates linked), {self.unchanged} already stored{redated}, "
            f"{self.failed} failed; {self.created} new stories, {self.merged} merged, {self.closed} closed, "
            f"{self.moved} articles moved by refinement{late}{unread}"
        )


def _article_of(item: dict[str, Any] | str, arrival: int) -> Article | InputError:
    """A cluster-format dict or a plain text, as synoptic.brief takes them from Python, as an Article
    with an id from its text (as a JSONL line without one gets), or the error that names it."""
    text = item.get("text", "") if isinstance(item, dict) else item
    try:
        return article_from_dict(item, f"article {arrival + 1}", stable_id(str(text)))
    except InputError as exc:
        return exc


def _date_ordered(
    items: Iterable[Article | dict[str, Any] | str | InputError], report: IngestReport, on_error: Callable[[InputError], None] | None
) -> Iterator[Article]:
    """The articles of ``items`` with each run of REORDER_WINDOW put in date order (undated ones
    last, as they take the newest date seen); input errors are counted, reported and dropped."""
    held: list[tuple[int, int, Article]] = []
    for arrival, item in enumerate(items):
        if not isinstance(item, Article | InputError):
            item = _article_of(item, arrival)
        if isinstance(item, InputError):
            report.failed += 1
            if on_error:
                on_error(item)
            continue
        day = news_day(item.date)
        heapq.heappush(held, (day if day is not None else _UNDATED, arrival, item))
        if len(held) > REORDER_WINDOW:
            yield heapq.heappop(held)[2]
    while held:
        yield heapq.heappop(held)[2]


_UNDATED = 10**9  # sorts after every real day ordinal


class StoryStore:
    """Open (or create) a store at ``path``; use as a context manager so it is always closed."""

    def __init__(self, path: str | Path, idle_days: int | None = None) -> None:
        self.path = str(path)
        folder = Path(self.path).parent
        if not folder.is_dir():
            raise SynopticError(f"{path}: the folder {folder} does not exist; create it or give a path in an existing folder")
        try:
            self.db = sqlite3.connect(self.path)
            # WAL: a server reading the store (synoptic serve --stories-db) never waits for an ingest's commit
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.executescript(_SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise SynopticError(f"{path}: not a synoptic story store ({exc}); give a new file name or an existing store") from None
        version = self._meta("schema")
        if version in SCHEMA_UPGRADES:
            self.db.execute(SCHEMA_UPGRADES[version])
            version = None
        if version is None:
            self._set_meta("schema", SCHEMA_VERSION)
        elif version != SCHEMA_VERSION:
            raise SynopticError(f"{path}: story store format {version}, this synoptic reads {SCHEMA_VERSION}; re-ingest into a new file")
        stored_idle = self._meta("idle_days")
        if idle_days is not None:
            self._set_meta("idle_days", str(idle_days))
        elif stored_idle is None:
            self._set_meta("idle_days", str(STORY_IDLE_DAYS))
        self.db.commit()
        self.window = ActiveStories(idle_days=int(self._meta("idle_days") or STORY_IDLE_DAYS))
        clock = self._meta("clock")
        self.clock: int | None = int(clock) if clock else None
        self.frequencies = self._load_frequencies()
        self.titles: dict[str, str | None] = {}  # each active story's name, as its article gave it (see _retitle)
        for row in self.db.execute("SELECT id, first_article, first_day, last_day, size, centroid, title FROM stories WHERE status = 'active'"):
            centroid = {int(f): w for f, w in json.loads(row[5])}
            self.window.put(Story(row[0], row[1], row[2], row[3], row[4], centroid))
            self.window.members[row[0]] = []
            self.titles[row[0]] = row[6]
        for article, story, day, features, weights in self.db.execute("SELECT article, story, day, features, weights FROM members"):
            member = Member(article, day, np.frombuffer(features, dtype=np.int64), np.frombuffer(weights, dtype=np.float64))
            self.window.members[story].append(member)
        self._dirty: set[str] = set()
        # active stories whose centroid changed since all their titles were last weighed (see _retitle); a store
        # just opened weighs them all once more, which changes nothing for a story that has not drifted
        self._drifted: set[str] = set(self.window.stories)

    def __enter__(self) -> StoryStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    # --- state ---------------------------------------------------------------------------------
    def _meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))

    def _load_frequencies(self) -> DocumentFrequencies:
        row = self.db.execute("SELECT data FROM state WHERE name = 'document_frequencies'").fetchone()
        if row is None:
            return DocumentFrequencies()
        counts = np.frombuffer(zlib.decompress(row[0]), dtype=np.int32).copy()
        return DocumentFrequencies(counts, int(self._meta("documents") or 0))

    def _save_story(self, story: Story, status: str = "active") -> None:
        centroid = json.dumps([[f, round(w, 6)] for f, w in sorted(story.centroid.items())]) if status == "active" else None
        self.db.execute(
            "UPDATE stories SET first_day = ?, last_day = ?, size = ?, status = ?, centroid = ?, title = ? WHERE id = ?",
            (story.first_day, story.last_day, story.size, status, centroid, self.titles.get(story.id), story.id),
        )

    def _commit(self) -> None:
        """Persist the changed stories, the clock and the frequencies with the articles, atomically."""
        for story_id in self._dirty:
            story = self.window.stories.get(story_id)
            if story is not None:  # else closed or merged: its row was written when that happened
                self._save_story(story)
        self._dirty.clear()
        blob = zlib.compress(self.frequencies.counts.tobytes(), 1)
        self.db.execute("INSERT OR REPLACE INTO state (name, data) VALUES ('document_frequencies', ?)", (blob,))
        self._set_meta("documents", str(self.frequencies.documents))
        if self.clock is not None:
            self._set_meta("clock", str(self.clock))
            self.db.execute("DELETE FROM copy_bands WHERE day < ?", (self.clock - DUPLICATE_WINDOW_DAYS,))
        self.db.commit()

    # --- ingest --------------------------------------------------------------------------------
    def ingest(
        self, items: Iterable[Article | dict[str, Any] | str | InputError], on_error: Callable[[InputError], None] | None = None
    ) -> IngestReport:
        """Add articles (Articles, or cluster-format dicts and plain texts, as synoptic.brief takes) in date
        order within a window of REORDER_WINDOW articles (an archive or a set of feeds read file by file is
        far from date order, and an article dated years ahead would otherwise close every story it passes);
        a bad item (an InputError, or a dict without text) is reported and skipped."""
        report = IngestReport(idle_days=self.window.idle_days)
        pending = 0
        try:
            for article in _date_ordered(items, report, on_error):
                self._add(article, report)
                pending += 1
                if pending >= COMMIT_EVERY:
                    self._commit()
                    pending = 0
        finally:
            self._commit()
        return report

    def _add(self, article: Article, report: IngestReport) -> None:
        key = fingerprint(article)
        stored = self.db.execute("SELECT id, story, date, approximate FROM articles WHERE fingerprint = ?", (key,)).fetchone()
        if stored:
            report.unchanged += 1
            stated = None if article.date_approximate else news_day(article.date)
            if stated is not None and (stored[3] or stored[2] is None):
                self._redate(stored[0], self._current_story(stored[1]), article.date, stated)
                self._advance_clock(stated, report)  # after: its story's idle days count from its new date
                report.redated += 1
            return
        day = news_day(article.date)
        if day is None:
            if parse_day(article.date) is not None:
                report.future_dated += 1
            else:
                report.dates_not_read += article.date is not None and bool(article.date.strip())
            day = self.clock if self.clock is not None else datetime.now(UTC).date().toordinal()
        report.late += self.clock is not None and self.clock - day > self.window.idle_days
        self._advance_clock(day, report)
        article_id = self._free_id(article.id)
        counts = term_counts(article)
        self.frequencies.add(counts)
        signature = Signature(article_id, day, weighted_terms(counts, self.frequencies))
        shingle_set = _shingles_of(article.text)
        bands = _band_keys(shingle_set) if len(shingle_set) >= MIN_SHINGLES else []
        original = self._find_original(shingle_set, bands, day)
        assignment = self._place(signature, original)
        cursor = self.db.execute(
            "INSERT INTO articles (id, fingerprint, title, text, date, day, source, url, origin, story, duplicate_of, approximate)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article_id, key, article.title, article.text, article.date, day, article.source, article.url, article.origin,
             assignment.story, original[0] if original else None, article.date_approximate),
        )
        self.db.executemany("INSERT INTO copy_bands (band, seq, day) VALUES (?, ?, ?)", [(k, cursor.lastrowid, day) for k in bands])
        member = Member.of(signature)
        self.db.execute(
            "INSERT INTO members (article, story, day, features, weights) VALUES (?, ?, ?, ?, ?)",
            (article_id, assignment.story, day, member.features.tobytes(), member.weights.tobytes()),
        )
        if assignment.created:
            title = article.title if clean_title(article.title) else None
            self.db.execute(
                "INSERT INTO stories (id, first_article, first_day, last_day, size, status, title) VALUES (?, ?, ?, ?, 1, 'active', ?)",
                (assignment.story, article_id, day, day, title),
            )
            self.titles[assignment.story] = title
            report.created += 1
        else:  # the story's name so far against the new article's title and the names of the stories it took in
            story = self.window.stories[assignment.story]
            self._retitle(story, [self.titles.get(story.id), article.title, *(self.titles.pop(g, None) for g in assignment.merged)])
            self._drifted.add(story.id)
            self._drifted.difference_update(assignment.merged)
        for gone in assignment.merged:
            self._merged(gone, assignment.story)
            report.merged += 1
        self._dirty.add(assignment.story)
        report.added += 1
        report.duplicates += original is not None
        report.assignments.append(assignment)

    def _advance_clock(self, day: int, report: IngestReport) -> None:
        """The store's clock moves on to ``day`` when it is later: idle stories close, refinement runs when due."""
        previous, self.clock = self.clock, day if self.clock is None else max(self.clock, day)
        closed, refinement = advance(self.window, previous, self.clock)
        for story in closed:  # named for good by all its articles' titles against its final centroid
            self._rename(story)
            self._save_story(story, "closed")
            self.titles.pop(story.id)
            self.db.execute("DELETE FROM members WHERE story = ?", (story.id,))
            report.closed += 1
        self._apply(refinement, report)
        if refinement_due(previous, self.clock):
            for story_id in sorted(self._drifted):
                self._rename(self.window.stories[story_id])

    def _redate(self, article_id: str, story_id: str, stated: str, day: int) -> None:
        """Give a stored article the date a copy of it states, and its story the days its articles now span.

        The article stays in its story: the story was chosen for what the text says, which has not changed,
        and moving it would change a story a reader may have seen (its id, its brief). Its story's first and
        last days (what `stories list` shows and `--since` selects by) and, while it is active, the day its
        idleness is counted from follow the new date; a closed story stays closed."""
        self.db.execute("UPDATE articles SET date = ?, day = ?, approximate = 0 WHERE id = ?", (stated, day, article_id))
        self.db.execute("UPDATE copy_bands SET day = ? WHERE seq = (SELECT seq FROM articles WHERE id = ?)", (day, article_id))
        self.db.execute("UPDATE members SET day = ? WHERE article = ?", (day, article_id))
        first_day, last_day = self.db.execute("SELECT MIN(day), MAX(day) FROM articles WHERE story = ?", (story_id,)).fetchone()
        story = self.window.stories.get(story_id)
        if story is None:
            self.db.execute("UPDATE stories SET first_day = ?, last_day = ? WHERE id = ?", (first_day, last_day, story_id))
            return
        members = self.window.members[story_id]
        members[:] = [replace(m, day=day) if m.article == article_id else m for m in members]
        story.first_day, story.last_day = first_day, last_day
        self.window.put(story)  # its expiry counts from its new last day
        self._dirty.add(story_id)

    def _merged(self, gone: str, survivor: str) -> None:
        """Story ``gone`` is now part of ``survivor``: its articles, members and old ids follow."""
        self.db.execute("UPDATE articles SET story = ? WHERE story = ?", (survivor, gone))
        self.db.execute("UPDATE members SET story = ? WHERE story = ?", (survivor, gone))
        self.db.execute("UPDATE stories SET status = 'merged', merged_into = ?, centroid = NULL WHERE id = ?", (survivor, gone))
        self.db.execute("UPDATE stories SET merged_into = ? WHERE merged_into = ?", (survivor, gone))

    def _apply(self, refinement: Refinement, report: IngestReport) -> None:
        """Persist what a refinement moved; a story it emptied resolves to where its article went."""
        for move in refinement.moves:
            self.db.execute("UPDATE articles SET story = ? WHERE id = ?", (move.target, move.article))
            self.db.execute("UPDATE members SET story = ? WHERE article = ?", (move.target, move.article))
        for gone, survivor in refinement.emptied:
            self._merged(gone, survivor)
            self.titles.pop(gone, None)
            self._drifted.discard(gone)
        self._dirty.update(refinement.changed)
        self._drifted.update(refinement.changed)
        report.moved += len(refinement.moves)

    # A story grows, and its first title was chosen before the story knew what it was about: the first report
    # may be background, cut short by the feed or shouted. So a story is named after the title of its articles
    # that best names its centroid (synoptic.analyze.titles, as a brief's headline), kept current cheaply: each
    # article weighs the story's name so far against its own title (and the names of the stories it merges),
    # and all of a story's titles are weighed again only when its centroid may have drifted from its name: at
    # each refinement sweep (once per REFINE_EVERY_DAYS of stream time) and when it closes, for the stories that
    # changed since they were last weighed. A closed story's name is thus the one all its titles give against its
    # final centroid. Ingest speed: dev stream 624 -> 605 articles/s (eval-stories, 3 runs each), 20k synthetic
    # (benchmarks/stories_scale.py) 574 -> 580, noise; weighing every active story's titles at each sweep cost 12%.
    def _retitle(self, story: Story, titles: list[str | None]) -> None:
        """Name ``story`` after the best of ``titles`` by its centroid (the earliest on a tie; None when untitled)."""
        centroid, norm = story.centroid, story.norm
        self.titles[story.id] = best_title(titles, lambda term: centroid.get(feature_of(term), 0.0) / norm)

    def _rename(self, story: Story) -> None:
        """Weigh all the titles of a story that drifted (one read of its articles' titles), else nothing."""
        if story.id not in self._drifted:
            return
        self._drifted.discard(story.id)
        before = self.titles.get(story.id)
        titles = self.db.execute("SELECT a.title FROM members m JOIN articles a ON a.id = m.article WHERE m.story = ? ORDER BY a.seq", (story.id,))
        self._retitle(story, [t for (t,) in titles])
        if self.titles[story.id] != before:
            self._dirty.add(story.id)

    def _free_id(self, wanted: str) -> str:
        candidate, n = wanted, 1
        while self.db.execute("SELECT 1 FROM articles WHERE id = ?", (candidate,)).fetchone():
            n += 1
            candidate = f"{wanted}~{n}"
        return candidate

    def _find_original(self, shingle_set: set[str], keys: list[int], day: int) -> tuple[str, str] | None:
        """(original article id, its story) when a recent stored article is a near-duplicate of this
        one; ``keys`` are the article's LSH band keys (none for a text too short to test)."""
        if not keys:
            return None
        marks = ",".join("?" * len(keys))
        rows = self.db.execute(
            f"SELECT a.id, a.text, a.story, a.duplicate_of FROM articles a WHERE a.seq IN "
            f"(SELECT DISTINCT seq FROM copy_bands WHERE band IN ({marks}) AND day >= ?) ORDER BY a.seq",
            (*keys, day - DUPLICATE_WINDOW_DAYS),
        ).fetchall()
        best: tuple[float, str, str] | None = None
        for article_id, text, story, duplicate_of in rows:
            score = jaccard(shingle_set, _shingles_of(text))
            if score >= COPY_MIN_JACCARD and (best is None or score > best[0]):
                best = (score, duplicate_of or article_id, story)
        return (best[1], self._current_story(best[2])) if best else None

    def _current_story(self, story_id: str) -> str:
        row = self.db.execute("SELECT merged_into FROM stories WHERE id = ?", (story_id,)).fetchone()
        return row[0] if row and row[0] else story_id

    def _place(self, signature: Signature, original: tuple[str, str] | None) -> Assignment:
        """A copy joins its original's story while that is active; everything else is clustered."""
        return place(signature, self.window, original[1] if original is not None else None)

    # --- queries (what the CLI and a web view call) ---------------------------------------------
    def resolve(self, story_id: str) -> str:
        """The story's current id (a merged story's survivor), or an error naming what to do."""
        row = self.db.execute("SELECT merged_into FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None:
            raise InputError(f"story {story_id}", "no such story in " + self.path, f"list the stories with: synoptic stories list --db {self.path}")
        return row[0] or story_id

    def stories(self, since: str | None = None) -> list[StoryInfo]:
        """Stories (not merged away) with an article on or after ``since``, most recent first."""
        since_day = parse_since(since) if since else None
        rows = self.db.execute(
            f"{_STORY_ROWS} WHERE s.status != 'merged' AND s.last_day >= ? ORDER BY s.last_day DESC, s.size DESC, s.id",
            (since_day if since_day is not None else -1,),
        )
        return [_story_info(r) for r in rows]

    def story(self, story_id: str) -> StoryInfo:
        current = self.resolve(story_id)
        return _story_info(self.db.execute(f"{_STORY_ROWS} WHERE s.id = ?", (current,)).fetchone())

    def articles(self, story_id: str, since: str | None = None, before: str | None = None) -> list[Article]:
        """The story's articles in arrival order, optionally only those dated from ``since`` or before
        ``before`` (by the instant where both dates give a time of day, else by the day: see ``dated_from``)."""
        current = self.resolve(story_id)
        low = since_point(since) if since else None
        high = since_point(before) if before else None
        rows = self.db.execute(  # a day either side: an instant's day in UTC may differ from the date's own
            "SELECT id, text, title, date, source, url, origin, day, approximate FROM articles WHERE story = ? AND day >= ? AND day <= ? ORDER BY seq",
            (current, -1 if low is None else low[0] - 1, 1 << 40 if high is None else high[0] + 1),
        )
        return [
            # an undated article's day is the store's clock when it came: when it arrived, not when it was written
            Article(id=r[0], text=r[1], title=r[2], date=r[3] or day_iso(r[7]), source=r[4], url=r[5], origin=r[6], date_approximate=bool(r[8]) or not r[3])
            for r in rows
            if (low is None or dated_from(r[7], r[3], low)) and (high is None or not dated_from(r[7], r[3], high))
        ]

    def assignments(self) -> Iterator[tuple[str, str]]:
        """(article id, story id) for every article, in arrival order."""
        yield from self.db.execute("SELECT id, story FROM articles ORDER BY seq")


# A story is listed under the title the store keeps for it (see StoryStore._retitle), else the opening words of
# the first sentence its first article keeps once cleaned, when none of its articles has a title (a JSONL line
# needs only "text"): the raw opening is often wire furniture ("(For use by … clients)", "ATTENTION EDITORS: …").
# Cleaning one article per untitled story is done when it is listed, so ingest pays nothing. A store written
# before stories were renamed as they grow kept its first article's title, and NULL when that article had
# none: the subquery then takes the first title any of its articles has.
_STORY_ROWS = (
    "SELECT s.id, COALESCE(s.title, (SELECT a.title FROM articles a WHERE a.story = s.id AND a.title IS NOT NULL ORDER BY a.seq LIMIT 1)),"
    " s.size, s.first_day, s.last_day, s.status,"
    " CASE WHEN s.title IS NULL THEN (SELECT a.text FROM articles a WHERE a.id = s.first_article) END"
    " FROM stories s"
)
OPENING_WORDS = 12  # an untitled story's label: about a headline's length (headlines here run 5-20 words)


def _story_info(row: tuple) -> StoryInfo:
    story_id, title, size, first_day, last_day, status, text = row
    title = clean_title(title) or None  # stored as its article gave it: cleaning it twice could cut a second " - " tail
    if title is None and text:
        title = opening_words(first_sentence(clean_article(Article(id=story_id, text=text))) or text, OPENING_WORDS)
    return StoryInfo(story_id, title, size, day_iso(first_day), day_iso(last_day), status)


# "01/07/2005": 1 July or 7 January? Refused rather than guessed, since a wrong guess silently hides months of stories.
_SWAPPABLE_DAY_MONTH = re.compile(r"\s*(\d{1,2})[/.](\d{1,2})[/.]\d{2,4}\s*")
_YEAR = re.compile(r"\s*(\d{4})\s*")
# "Nov 20", "20 November", "Sept. 3rd": a day a reporter names without its year
_MONTH_DAY = re.compile(r"(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m1>[a-z]{3,9})|(?P<m2>[a-z]{3,9})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?)", re.I)
_MONTH_NAMES = list(zip("january february march april may june july august september october november december".split(), range(1, 13)))
_SINCE_ADVICE = "give a date such as 2025-03-12, 12 March 2025 or 2025-03-12T09:00, or a phrase such as yesterday or 3 days ago"


def parse_since(value: str) -> int:
    """The day of a ``--since`` value, or a one-line error (see ``since_point``)."""
    return since_point(value)[0]


def since_point(value: str) -> tuple[int, datetime | None]:
    """A ``--since`` value's day and, when it gives a time of day, its instant (UTC); a one-line error
    when it is not a date.

    An analyst types what comes to mind, so any spelling an article's date may have is taken (ISO,
    RFC 822, "March 12, 2025"), a bare year means its first day, and a phrase such as "yesterday",
    "3 days ago" or "last week" counts back from today."""
    text = (value or "").strip()
    swappable = _SWAPPABLE_DAY_MONTH.fullmatch(text)
    if swappable and int(swappable.group(1)) <= 12 and int(swappable.group(2)) <= 12 and swappable.group(1) != swappable.group(2):
        raise InputError(f"--since {value}", "the day and the month could be either way round", "give the date as YYYY-MM-DD")
    year = _YEAR.fullmatch(text)
    if (shaped := ISO_SHAPED.match(text)) and not _is_calendar_day(*(int(part) for part in shaped.groups())):
        # "2025-13-01", "2025-04-31": a typo to ask about; an article's metadata may be read day-first, a user's --since is not
        raise InputError(f"--since {value}", "not a date (no such day in the calendar)", "give the date as YYYY-MM-DD, month first")
    day = date(int(year.group(1)), 1, 1).toordinal() if year else _latest_month_day(value, text)
    day = day if day is not None else parse_day(text)
    day = day if day is not None else _relative_day(text)
    if day is None:
        raise InputError(f"--since {value}", "not a date", _SINCE_ADVICE)
    moment = _since_moment(value, text)
    # the day of the instant in UTC, as articles' instants are compared: "2025-03-12T23:30-05:00" is 13 March
    return (moment.date().toordinal() if moment else day), moment


def _latest_month_day(value: str, text: str) -> int | None:
    """The latest day, today or before, that a month and day without a year name ("Nov 20" in the week after
    it); None for other spellings. Read as dates, "20" became the year 2020 and the update the story's whole brief."""
    found = _MONTH_DAY.fullmatch(text)
    if not found:
        return None
    word, day = (found["m1"], found["d1"]) if found["m1"] else (found["m2"], found["d2"])
    month = next((number for name, number in _MONTH_NAMES if name.startswith(word.lower())), None)
    if month is None:
        return None
    today = date.today()
    for year in range(today.year, today.year - 5, -1):  # 29 February comes back within four years
        if _is_calendar_day(year, month, int(day)) and (named := date(year, month, int(day))) <= today:
            return named.toordinal()
    raise InputError(f"--since {value}", "not a date (no such day in the calendar)", "give the date as YYYY-MM-DD")


def _is_calendar_day(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _since_moment(value: str, text: str) -> datetime | None:
    """The instant of a ``--since`` value that gives a time of day, also when spelled as a person writes it
    ("March 12, 2025 2:00 pm", "2025-03-12T14:00 CET"). A time that cannot be read ("2025-03-12T25:00") is
    refused: read as its whole day, it would show the reader what they asked to skip."""
    moment = parse_moment(text)
    if moment is not None or not TIME_OF_DAY.search(text):
        return moment
    import dateparser  # lazy: slow to import, and only such spellings need it

    parsed = dateparser.parse(text, settings={"RETURN_AS_TIMEZONE_AWARE": True, "TIMEZONE": "UTC", "TO_TIMEZONE": "UTC"})
    if parsed is None:
        raise InputError(f"--since {value}", "the time of day cannot be read", "give it as 2025-03-12T14:00 (UTC) or 2025-03-12T14:00+01:00")
    return parsed.astimezone(UTC)


def normal_since(value: str) -> str:
    """A ``--since`` value as the store compares it: its instant in UTC when it gives a time of day
    ("2025-03-12T14:00:00Z"), else its ISO day."""
    day, moment = since_point(value)
    return moment_iso(moment) if moment else day_iso(day)


def dated_from(day: int, dated: str | None, point: tuple[int, datetime | None]) -> bool:
    """Whether an article (its stored day and its date text) is dated on or after a ``since_point``: by
    the instant when both give a time of day; else by the day, so an article dated by its day alone
    counts as on or after any time of that day (the two cannot be told apart)."""
    since_day, since_at = point
    at = parse_moment(dated) if since_at else None
    return at >= since_at if at and since_at else day >= since_day


def _relative_day(text: str) -> int | None:
    """The day a phrase such as "yesterday" or "2 weeks ago" names, counted back from today."""
    if not text:
        return None
    import dateparser  # lazy: slow to import, and only phrases need it

    parsed = dateparser.parse(text, settings={"PARSERS": ["relative-time"], "RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date().toordinal() if parsed else None

