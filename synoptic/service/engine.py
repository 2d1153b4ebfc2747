"""Brief computation in worker processes, off the event loop.

``make_brief`` (and trafilatura's HTML extraction) is CPU-bound pure Python: threads would share one
core under the GIL and stall the event loop's replies, so briefs run in a process pool with one worker
per core. The event loop only parses requests, queues jobs and writes results, which keeps health
checks and page views quick while briefs are being computed.
"""

from __future__ import annotations

import asyncio
import importlib
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any

from synoptic.errors import SynopticError
from synoptic.ingest import make_ids_unique, read_bytes
from synoptic.model import Article
from synoptic.options import Options
from synoptic.service.errors import OverloadedError, ServiceError, TooLargeError, status_of

# Briefs queued or running at once before new ones get 503. Calibrated on the 2-core machine, which
# briefs the sample at ~25-60/s: the load benchmark's 200 concurrent clients keep up to 200 jobs queued
# (p99 9-11 s), so 256 admits them all, while a flood of thousands is refused at once instead of
# waiting minutes in the queue with its request bodies held in memory.
MAX_PENDING_BRIEFS = 256
WARM_MODULES = ("synoptic.pipeline", "synoptic.compare", "synoptic.ingest.html", "trafilatura", "synoptic.stories.updates")  # what briefs import lazily
PARENT_CHECK_S = 1.0  # how often a worker checks that the server is still alive (after a SIGKILL it is not)


@dataclass(frozen=True)
class RawFile:
    """Bytes to be read by the reader its suffix names (an upload, a file of a folder, a fetched page)."""

    origin: str
    data: bytes
    suffix: str | None


@dataclass(frozen=True)
class BriefJob:
    """Everything one brief needs, picklable so it can cross into a worker process."""

    brief_id: str
    inputs: tuple[Article | RawFile, ...]
    options: Options
    max_articles: int
    cluster_id: str | None = None
    cluster_date: str | None = None
    references: tuple[str, ...] = ()


@dataclass
class JobResult:
    """A brief with its articles, or the error a client should see (exceptions do not pickle reliably)."""

    brief: dict[str, Any] = field(default_factory=dict)
    articles: list[dict[str, Any]] = field(default_factory=list)
    error: tuple[int, str] | None = None
    option: str | None = None  # the Options field the error names (SynopticError.option), for a page's wording


def run_job(job: BriefJob) -> JobResult:
    """Read the raw inputs, then brief; one unreadable file or record is reported in ``warnings`` and skipped."""
    from synoptic.pipeline import make_brief

    articles: list[Article] = []
    warnings: list[str] = []
    try:
        for item in job.inputs:
            if isinstance(item, Article):
                articles.append(item)
                continue
            try:
                read = read_bytes(item.data, item.origin, item.suffix)
            except SynopticError as exc:
                warnings.append(f"{exc}; skipped")
                continue
            articles += read
            # the lines, feed entries or WARC records a reader had to skip, as `synoptic brief` reports them
            warnings += [f"{exc}; skipped" for exc in getattr(read, "skipped", [])]
        if len(articles) > job.max_articles:
            raise TooLargeError(f"the input holds {len(articles)} articles; this server briefs at most {job.max_articles} at once (see --max-articles)")
        if not articles:
            raise ServiceError("no articles could be read: " + " ".join(warnings or ["the request holds no article"]))
        make_ids_unique(articles)
        brief = make_brief(
            articles, job.options, brief_id=job.brief_id, origin="the request", references=job.references, cluster_date=job.cluster_date
        )
    except SynopticError as exc:
        # a brief refused once some inputs were skipped ("only 1 article given" of 2 files sent) names them too
        also = f"; also: {' '.join(warnings)}" if warnings and articles else ""
        return JobResult(error=(status_of(exc), f"{exc}{also}"), option=exc.option)
    result = {**brief.to_dict(), "cluster": job.cluster_id}
    if warnings:
        result["warnings"] = warnings
    return JobResult(brief=result, articles=[article_dict(a) for a in articles])


def article_dict(article: Article) -> dict[str, Any]:
    return {"id": article.id, "title": article.title, "date": article.date, "source": article.source, "url": article.url, "text": article.text}


def _init_worker(server_pid: int) -> None:
    """Load the heavy modules once per worker, and exit when the server dies (a SIGKILL leaves no one
    to shut the pool down, and an orphaned worker would otherwise wait on its queue forever)."""
    for module in WARM_MODULES:
        importlib.import_module(module)

    def watch() -> None:
        while os.getppid() == server_pid:
            time.sleep(PARENT_CHECK_S)
        os._exit(0)

    threading.Thread(target=watch, name="watch-server", daemon=True).start()


def _ready() -> int:
    return os.getpid()


class BriefEngine:
    """A process pool for briefs with admission control; used from the event loop's thread only."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.pending = 0
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        # spawn, not fork: forking a process that runs an event loop and threads can copy held locks.
        context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(self.workers, mp_context=context, initializer=_init_worker, initargs=(os.getpid(),))

    async def start(self) -> None:
        """Start every worker now, so the first requests do not pay for process start and imports."""
        loop = asyncio.get_running_loop()
        await asyncio.gather(*(loop.run_in_executor(self._pool, _ready) for _ in range(self.workers)))

    async def run(self, job: Any, work: Callable[[Any], JobResult] = run_job) -> JobResult:
        """``work(job)`` in a worker: by default a brief of uploaded articles (``work`` must be picklable:
        a module-level function)."""
        if self.pending >= MAX_PENDING_BRIEFS:
            raise OverloadedError(f"{self.pending} briefs are already waiting; try again in a few seconds")
        self.pending += 1
        pool = self._pool
        try:
            return await asyncio.get_running_loop().run_in_executor(pool, work, job)
        except BrokenProcessPool:
            if self._pool is pool:  # the first request to notice replaces the pool for everyone
                self._pool = self._new_pool()
                pool.shutdown(wait=False, cancel_futures=True)
            raise ServiceError("a brief worker stopped unexpectedly; try again", 500) from None
        finally:
            self.pending -= 1

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
