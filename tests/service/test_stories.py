"""The server's side of a story store: opened read-only, refused in one line when it is not one, and
the worker's job that briefs a story and returns the articles its citations point into."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from synoptic.errors import SynopticError
from synoptic.options import Options
from synoptic.service.errors import ServiceError
from synoptic.service.store import BriefStore
from synoptic.service.stories import ReadOnlyStoryStore, StoryJob, run_story_job, since_param
from tests.service.story_articles import CLUB_STORY, FIRE_STORY, RESERVOIR_STORY, build_story_store
from tests.stories.helpers import story_articles


@pytest.fixture(scope="module")
def story_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_story_store(tmp_path_factory.mktemp("stories") / "stories.db")


@pytest.mark.parametrize("journal", ["delete", "wal"])
def test_reads_never_hold_a_lock_that_an_ingest_must_wait_for(story_db: Path, tmp_path: Path, journal: str) -> None:
    """Each query is its own short read: a writer (timeout 0: it may not wait at all) commits between them."""
    copy = tmp_path / "stories.db"
    copy.write_bytes(story_db.read_bytes())
    writer = sqlite3.connect(copy, timeout=0, isolation_level=None)
    assert writer.execute(f"PRAGMA journal_mode={journal}").fetchone()[0] == journal
    reader = ReadOnlyStoryStore(copy)
    assert len(reader.stories()) == 5
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO stories (id, first_article, first_day, last_day, size, status, title) VALUES ('snew', 'n-1', 740000, 740000, 1, 'active', 'New')")
    assert len(reader.stories()) == 5 and reader.story(FIRE_STORY).size == 4  # reading beside an open write transaction
    writer.execute("COMMIT")
    assert reader.stories()[0].id == "snew"  # seen at once
    reader.close()
    writer.close()


def test_the_store_is_read_only_and_answers_the_story_queries(story_db: Path) -> None:
    before = story_db.read_bytes()
    store = ReadOnlyStoryStore(story_db)
    assert store.resolve(RESERVOIR_STORY) == FIRE_STORY
    assert len(store.stories()) == 5 and store.story(RESERVOIR_STORY).size == 4
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        store.db.execute("DELETE FROM articles")
    store.close()
    assert story_db.read_bytes() == before
    # no rollback journal either; a WAL store's shared-memory index (-shm, -wal) may stay beside it: SQLite
    # needs it to read a WAL file, and a read-only connection may not delete it
    assert {p.name for p in story_db.parent.iterdir()} <= {"stories.db", "stories.db-wal", "stories.db-shm"}


def not_story_stores(folder: Path) -> dict[Path, str]:
    """Paths that are not story stores, each with what its refusal must say."""
    (folder / "notes.txt").write_text("not a database, just words " * 100)
    BriefStore(folder / "briefs.db").close()
    return {
        folder / "missing.db": "no such story store; build one with: synoptic stories ingest",
        folder: "no such story store",
        folder / "notes.txt": "not a synoptic story store (file is not a database)",
        folder / "briefs.db": "not a synoptic story store (no such table: meta)",
    }


def test_what_is_not_a_story_store_is_refused_in_one_line(tmp_path: Path) -> None:
    for path, needle in not_story_stores(tmp_path).items():
        with pytest.raises(SynopticError) as refused:
            ReadOnlyStoryStore(path)
        assert needle in str(refused.value) and "\n" not in str(refused.value), path


def test_a_story_job_briefs_the_survivor_and_returns_the_cited_articles(story_db: Path) -> None:
    result = run_story_job(StoryJob(str(story_db), RESERVOIR_STORY, Options(words=60)))
    assert result.error is None
    brief = result.brief
    assert brief["id"] == FIRE_STORY and brief["meta"]["words"] == 60
    texts = {a["id"]: a["text"] for a in result.articles}
    assert set(texts) == {s["id"] for s in brief["sources"]} == {"fire-1", "reservoir-1", "link-1", "link-2"}
    for sentence in brief["summary"]:
        for evidence in sentence["evidence"]:
            assert evidence["article"] in texts and 0 <= evidence["start"] < evidence["end"] <= len(texts[evidence["article"]])


def test_an_update_job_cites_only_the_new_articles(story_db: Path) -> None:
    club = {a.id: a.text for a in story_articles("club")}
    result = run_story_job(StoryJob(str(story_db), CLUB_STORY, Options(), since="2025-03-03"))
    assert result.error is None
    assert [s["id"] for s in result.brief["sources"]] == ["club-3"] and result.brief["meta"]["update"]["earlier_articles"] == 2
    assert [a["text"] for a in result.articles] == [club["club-3"]]


def test_an_unknown_story_is_an_error_not_a_crash(story_db: Path) -> None:
    status, message = run_story_job(StoryJob(str(story_db), "s-nope", Options())).error
    assert status == 400 and "s-nope" in message


def test_since_is_an_iso_day_or_instant_or_a_422() -> None:
    assert since_param(None) is None and since_param("") is None
    assert since_param("2025-03-12") == "2025-03-12" and since_param("12 March 2025") == "2025-03-12"
    assert since_param("2025-03-12T09:30:00Z") == "2025-03-12T09:30:00Z"
    assert since_param("2025-03-12T10:30+01:00") == "2025-03-12T09:30:00Z"
    for bad, problem in (("someday", "not a date"), ("2025-13-45", "not a date"), ("2025-13-01", "no such day in the calendar"), ("12/03/2025", "either way round")):
        with pytest.raises(ServiceError) as refused:
            since_param(bad)
        assert refused.value.status == 422 and problem in str(refused.value)
