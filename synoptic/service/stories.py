"""Stories on the web: a story store read beside the `synoptic stories ingest` that may be adding to it.

- The server never writes the story store. It opens the file read-only (SQLite ``mode=ro``) and each
  query is one short statement, so an ingest running in another process at the same time waits at
  most a statement for its commit (in WAL mode it does not wait at all).
- A story's brief is CPU work, so it runs in the brief workers (synoptic.service.engine), each with
  its own read-only connection; the server's threads only read story rows.
- Briefs are cached under the story's current id and size (plus the options, and the date of an
  update). A story's size grows with every article that joins it or is merged into it, and articles
  never leave a story any other way, so one key never stands for two sets of articles: a cached
  brief cannot go stale when new articles arrive.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from synoptic.errors import InputError, SynopticError
from synoptic.options import Options
from synoptic.service.engine import BriefEngine, JobResult, article_dict
from synoptic.service.errors import NotFoundError, ServiceError, status_of
from synoptic.stories import StoryInfo, StoryStore, list_stories, story_brief, story_updates
from synoptic.stories.features import day_iso
from synoptic.stories.store import SCHEMA_UPGRADES, SCHEMA_VERSION, normal_since, parse_since

NO_STORY_STORE = "this server has no story store; start it with: synoptic serve --stories-db FILE (a store built by synoptic stories ingest)"
# How long a read waits for an ingest's commit before failing. Under rollback journalling readers are
# locked out only while a commit writes its pages: milliseconds for the ingest's 500-article commits.
READ_TIMEOUT_S = 10.0
# Story briefs kept in memory. One is 50-500 KB with its articles' text (up to 40 articles), so the
# cache stays under ~16 MB; it spares the workers a brief (0.1-0.5 s) when a story is opened again.
CACHED_BRIEFS = 32


class ReadOnlyStoryStore(StoryStore):
    """The story store's queries (resolve, stories, story, articles) over a read-only connection.

    StoryStore's own constructor creates the file and its tables and loads the clustering state an
    ingest needs; a reader needs none of that and must write nothing, so this one only opens and
    checks the file."""

    def __init__(self, path: Path) -> None:  # StoryStore.__init__ is left out on purpose (see above)
        self.path = str(path)
        if not path.is_file():
            raise SynopticError(f"{path}: no such story store; build one with: synoptic stories ingest PATH --db {path}")
        try:
            self.db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=READ_TIMEOUT_S, check_same_thread=False)
        except sqlite3.Error as exc:
            raise SynopticError(f"{path}: cannot open the story store ({exc}); check the file's permissions") from None
        try:
            version = self._meta("schema")
        except sqlite3.DatabaseError as exc:
            self.db.close()
            raise SynopticError(f"{path}: not a synoptic story store ({exc}); give a file built by: synoptic stories ingest PATH --db FILE") from None
        if version in SCHEMA_UPGRADES:  # a reader writes nothing: the writer adds the column
            self.db.close()
            raise SynopticError(f"{path}: story store format {version}, older than this synoptic's {SCHEMA_VERSION}; update it once with: synoptic stories list --db {path}")
        if version != SCHEMA_VERSION:
            self.db.close()
            raise SynopticError(f"{path}: story store format {version}, this synoptic reads {SCHEMA_VERSION}; re-ingest into a new file")


@dataclass(frozen=True)
class StoryJob:
    """One story's brief (or, with ``since``, what is new in it), picklable to cross into a worker."""

    db: str
    story: str
    options: Options
    since: str | None = None


_worker_stores: dict[str, ReadOnlyStoryStore] = {}  # a worker's connection per story store, opened on first use


def run_story_job(job: StoryJob) -> JobResult:
    """In a worker: the brief through synoptic.stories, and the articles it cites (their text as stored)."""
    try:
        store = _worker_stores.get(job.db)
        if store is None:
            store = _worker_stores[job.db] = ReadOnlyStoryStore(Path(job.db))
        if job.since is None:
            brief = story_brief(store, job.story, job.options)
        else:
            brief = story_updates(store, job.story, job.since, job.options)
        # Re-read after the brief: stored articles never change, and a merge moves them to the story
        # that brief.id resolves to, so every cited article is found even if an ingest ran meanwhile.
        cited = {source.id for source in brief.sources}
        articles = [article_dict(a) for a in store.articles(brief.id) if a.id in cited]
    except SynopticError as exc:
        return JobResult(error=(status_of(exc), str(exc)))
    return JobResult(brief=brief.to_dict(), articles=articles)


def since_param(value: str | None, instant: bool = True) -> str | None:
    """A ``since`` parameter as the store compares it: an ISO day, or (``instant``, for updates) its
    instant when it gives a time of day; None when not given, or a 422 that names it. A story list is
    by day: a story's first and last days are all it shows."""
    if not value:
        return None
    try:
        return normal_since(value) if instant else day_iso(parse_since(value))
    except InputError as exc:
        raise ServiceError(f"since={value!r}: {exc.problem}; {exc.advice}", 422) from None


class StoryDesk:
    """What the story pages and API need: listings and story rows read in the server's threads (a
    connection each), briefs computed in the workers and cached by story size."""

    def __init__(self, path: Path, engine: BriefEngine) -> None:
        self.path = path
        self.engine = engine
        self._local = threading.local()
        self._opened: list[ReadOnlyStoryStore] = []
        self._opened_lock = threading.Lock()
        self._cache: OrderedDict[tuple[str, int, str | None, Options], JobResult] = OrderedDict()

    def _store(self) -> ReadOnlyStoryStore:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = ReadOnlyStoryStore(self.path)
            with self._opened_lock:
                self._opened.append(store)
        return store

    def listing(self, since: str | None, limit: int, offset: int) -> tuple[list[StoryInfo], int]:
        """A page of stories with an article dated on or after ``since``, most recent first, and their number."""
        stories = list_stories(self._store(), since)
        return stories[offset : offset + limit], len(stories)

    def story(self, story_id: str) -> StoryInfo:
        """The story as listed; a merged story's id gives the story it merged into."""
        try:
            return self._store().story(story_id)
        except InputError:
            raise NotFoundError(
                f"no story {story_id!r} in this server's story store; GET /api/stories lists them",
                page_message=f"no story {story_id!r} in this server's story store; the Stories page lists them",
            ) from None

    async def brief(self, story: StoryInfo, options: Options, since: str | None = None) -> JobResult:
        """The story's brief (of what is new from ``since`` on, when given), from the cache or a worker.

        Called from the event loop only, so the cache needs no lock."""
        key = (story.id, story.size, since, options)
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        result = await self.engine.run(StoryJob(str(self.path), story.id, options, since), run_story_job)
        if result.error is not None:
            raise ServiceError(result.error[1], result.error[0])
        self._cache[key] = result
        if len(self._cache) > CACHED_BRIEFS:
            self._cache.popitem(last=False)
        return result

    def close(self) -> None:
        with self._opened_lock:
            for store in self._opened:
                store.close()
            self._opened.clear()
