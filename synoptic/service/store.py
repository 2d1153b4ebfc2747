"""Briefs and the articles they were made from, kept in SQLite so they outlive the server process.

Durability: the database runs in WAL mode with ``synchronous=FULL`` and every brief is committed
before its POST is answered. A SIGKILL of the server cannot lose a committed brief under WAL at any
synchronous level (the WAL write has reached the kernel before COMMIT returns); FULL also fsyncs the
WAL at each commit, so a 201 survives a power cut or kernel crash too. That costs one fsync per brief,
which is small beside the brief's own computation (see benchmarks/load_server.py).

Concurrency: one writer connection behind a lock (SQLite allows a single writer anyway, and the lock
keeps transactions from interleaving on the shared connection); each reading thread has its own
connection, so reads run beside a write as WAL allows.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from synoptic.errors import SynopticError

SCHEMA_VERSION = 1
BUSY_TIMEOUT_MS = 30_000  # another process holding the write lock (a second server on the same file)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS briefs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    created TEXT NOT NULL,
    headline TEXT NOT NULL,
    brief TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS articles (
    brief_id TEXT NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    title TEXT,
    date TEXT,
    source TEXT,
    url TEXT,
    text TEXT NOT NULL,
    PRIMARY KEY (brief_id, position)
);
"""

ARTICLE_FIELDS = ("title", "date", "source", "url", "text")


@dataclass(frozen=True)
class BriefListing:
    """One line of the list of past briefs."""

    id: str
    headline: str
    created: str
    articles: int
    method: str | None
    words: int | None

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


class BriefStore:
    """The SQLite file of briefs; safe to share between the event loop's worker threads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._writer = self._connect()
            self._migrate()
        except (OSError, sqlite3.Error) as exc:
            raise SynopticError(f"{path}: cannot open the brief store ({exc}); choose another file with --db") from None
        self._write_lock = threading.Lock()
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self._readers_lock = threading.Lock()

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        return conn

    def _migrate(self) -> None:
        version = self._writer.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise sqlite3.DatabaseError(f"it was written by a newer synoptic (schema {version})")
        self._writer.executescript(_SCHEMA)
        self._writer.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def _reader(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            conn.execute("PRAGMA query_only=ON")
            self._local.conn = conn
            with self._readers_lock:
                self._readers.append(conn)
        return conn

    def add(self, brief: dict[str, Any], articles: list[dict[str, Any]]) -> str:
        """Store a brief and its articles in one transaction; returns its creation time (UTC, ISO 8601)."""
        created = datetime.now(UTC).isoformat(timespec="seconds")
        rows = [
            (brief["id"], position, article["id"], *(article.get(name) for name in ARTICLE_FIELDS))
            for position, article in enumerate(articles)
        ]
        with self._write_lock:
            conn = self._writer
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.execute(
                    "INSERT INTO briefs (id, created, headline, brief) VALUES (?, ?, ?, ?)",
                    (brief["id"], created, brief["headline"], json.dumps(brief, ensure_ascii=False)),
                )
                conn.executemany(f"INSERT INTO articles VALUES (?, ?, ?, {', '.join('?' for _ in ARTICLE_FIELDS)})", rows)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        return created

    def get(self, brief_id: str) -> dict[str, Any] | None:
        """The brief as its JSON contract, plus ``created``; None when there is no such brief."""
        row = self._reader().execute("SELECT brief, created FROM briefs WHERE id = ?", (brief_id,)).fetchone()
        if row is None:
            return None
        return {**json.loads(row[0]), "created": row[1]}

    def articles(self, brief_id: str) -> list[dict[str, Any]]:
        """The articles a brief was made from, in input order, with their text exactly as ingested."""
        rows = self._reader().execute(
            f"SELECT article_id, {', '.join(ARTICLE_FIELDS)} FROM articles WHERE brief_id = ? ORDER BY position", (brief_id,)
        )
        return [{"id": row[0], **dict(zip(ARTICLE_FIELDS, row[1:]))} for row in rows]

    def listing(self, limit: int, offset: int = 0) -> tuple[list[BriefListing], int]:
        """A page of briefs, newest first, and the total number stored. An offset past the end lists none
        (clamped to the total: SQLite refuses an integer over 2**63 - 1, which a query string can ask for)."""
        conn = self._reader()
        total = conn.execute("SELECT count(*) FROM briefs").fetchone()[0]
        offset = min(offset, total)
        rows = conn.execute(
            "SELECT id, headline, created, json_extract(brief, '$.meta.articles'), json_extract(brief, '$.meta.method'),"
            " json_extract(brief, '$.meta.words') FROM briefs ORDER BY seq DESC LIMIT ? OFFSET ?",
            (limit, offset),
        ).fetchall()
        return [BriefListing(*row) for row in rows], total

    def delete(self, brief_id: str) -> bool:
        with self._write_lock:
            return self._writer.execute("DELETE FROM briefs WHERE id = ?", (brief_id,)).rowcount > 0

    def close(self) -> None:
        with self._readers_lock:
            for conn in self._readers:
                conn.close()
            self._readers.clear()
        with self._write_lock:
            self._writer.close()
