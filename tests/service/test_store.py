"""The SQLite brief store: round trips, exact texts, persistence, concurrent writers, clear errors."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from pathlib import Path

import pytest

from synoptic.errors import SynopticError
from synoptic.service.store import SCHEMA_VERSION, BriefStore


def brief(brief_id: str, headline: str = "Headline") -> dict:
    return {"id": brief_id, "headline": headline, "summary": [], "sources": [], "meta": {"articles": 2, "method": "default", "words": 100}}


ARTICLES = [
    {"id": "a1", "title": "T", "date": None, "source": None, "url": None, "text": "Line one.\r\nLine two with émoji 🌊 and\ttab.\n"},
    {"id": "a2", "title": None, "date": "2025-03-12", "source": "Outlet", "url": "https://example.org/a2", "text": "Other text."},
]


@pytest.fixture
def store(tmp_path: Path):
    opened = BriefStore(tmp_path / "deep" / "er" / "briefs.db")
    yield opened
    opened.close()


def test_a_brief_and_its_articles_round_trip_exactly(store: BriefStore) -> None:
    created = store.add(brief("b1"), ARTICLES)
    assert store.get("b1") == {**brief("b1"), "created": created}
    assert store.articles("b1") == ARTICLES  # texts byte for byte: evidence spans index them
    assert store.get("nope") is None and store.articles("nope") == []


def test_listing_is_newest_first_and_delete_takes_the_articles_too(store: BriefStore) -> None:
    for n in range(5):
        store.add(brief(f"b{n}", f"Story {n}"), ARTICLES)
    page, total = store.listing(2, 1)
    assert total == 5 and [item.id for item in page] == ["b3", "b2"]
    assert page[0].to_dict()["articles"] == 2 and page[0].method == "default"
    assert store.delete("b3") and not store.delete("b3")
    assert store.articles("b3") == [] and store.listing(10)[1] == 4
    assert store.listing(10, 2**64) == ([], 4)  # past the end, and past what SQLite can hold: none, not OverflowError


def test_briefs_persist_in_a_wal_file_across_reopening(tmp_path: Path) -> None:
    path = tmp_path / "briefs.db"
    first = BriefStore(path)
    first.add(brief("kept"), ARTICLES)
    first.close()
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    second = BriefStore(path)
    assert second.get("kept")["headline"] == "Headline" and second.articles("kept") == ARTICLES
    second.close()


def test_concurrent_writers_and_readers_lose_nothing(store: BriefStore) -> None:
    def write(worker: int) -> None:
        for n in range(25):
            store.add(brief(f"w{worker}-{n}"), ARTICLES)
            assert store.get(f"w{worker}-{n}") is not None

    threads = [threading.Thread(target=write, args=(w,)) for w in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert store.listing(1)[1] == 150


def test_a_duplicate_id_fails_and_leaves_no_half_written_brief(store: BriefStore) -> None:
    store.add(brief("b1"), ARTICLES)
    with pytest.raises(sqlite3.IntegrityError):
        store.add(brief("b1", "Other"), ARTICLES[:1])
    assert store.get("b1")["headline"] == "Headline" and store.articles("b1") == ARTICLES


def test_unusable_files_are_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(SynopticError, match="cannot open the brief store .*--db"):
        BriefStore(tmp_path)  # a folder, not a file
    newer = tmp_path / "newer.db"
    with closing(sqlite3.connect(newer)) as conn:
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    with pytest.raises(SynopticError, match="newer synoptic"):
        BriefStore(newer)
