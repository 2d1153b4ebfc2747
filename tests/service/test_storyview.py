"""The stories view against a real `synoptic serve --stories-db` process over loopback HTTP, with a story
store built from made-up articles and a real `synoptic stories ingest` adding to it while it serves."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from synoptic.model import Article
from tests.conftest import ROOT
from tests.service.conftest import ServerProcess, assert_error, assert_spans_index
from tests.service.story_articles import (
    BRIDGE_STORY,
    CLUB_STORY,
    FIRE_STORY,
    FIRE_STORY_TITLE,
    HOSTILE_TITLE,
    LATER,
    QUARRY_STORY,
    RESERVOIR_STORY,
    bridge_texts,
    build_story_store,
)
from tests.stories.helpers import story_articles, write_stream

FILLER_ARTICLES = 200  # ingested beside LATER so the ingest's write lasts long enough to overlap the reads


@pytest.fixture(scope="module")
def story_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_story_store(tmp_path_factory.mktemp("stories") / "stories.db")


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, story_db: Path) -> Iterator[httpx.Client]:
    server = ServerProcess(tmp_path_factory.mktemp("db") / "briefs.db", "--workers", "1", "--stories-db", str(story_db)).start()
    with httpx.Client(base_url=server.url, timeout=120) as http:
        yield http
    server.stop()


def test_the_list_is_most_recent_first_paged_and_filtered_by_date(client: httpx.Client) -> None:
    listing = client.get("/api/stories").json()
    ids = [s["id"] for s in listing["items"]]
    assert ids[:2] == [QUARRY_STORY, FIRE_STORY] and RESERVOIR_STORY not in ids  # a merged story is listed under its survivor
    fire = listing["items"][1]
    assert fire == {"id": FIRE_STORY, "title": FIRE_STORY_TITLE, "articles": 4,
                    "first": "2025-04-01", "last": "2025-04-04", "status": "active"}
    assert listing["items"][0]["title"] == HOSTILE_TITLE  # data, as stored; pages escape it

    recent = client.get("/api/stories", params={"since": "2025-04-02T08:00"}).json()
    assert [s["id"] for s in recent["items"]] == [QUARRY_STORY, FIRE_STORY] and recent["since"] == "2025-04-02"
    march = client.get("/api/stories", params={"since": "2025-03-01", "limit": 2}).json()
    assert march["total"] == 5 and len(march["items"]) == 2
    assert march["next"] == "/api/stories?since=2025-03-01&limit=2&offset=2"
    rest = client.get(march["next"]).json()
    assert [s["id"] for s in rest["items"]] == ids[2:4] and rest["next"] == "/api/stories?since=2025-03-01&limit=2&offset=4"


def test_a_story_brief_cites_the_stored_articles(client: httpx.Client) -> None:
    brief = client.get(f"/api/stories/{CLUB_STORY}", params={"words": 60}).json()
    assert brief["id"] == CLUB_STORY and brief["meta"]["words"] == 60 and brief["meta"]["words_used"] <= 60
    assert brief["story"]["articles"] == 3 and brief["story"]["title"] == "Dunmore Rovers sold to shipping magnate Ilse Varga"
    club = {a.id: a.text for a in story_articles("club")}
    assert [s["id"] for s in brief["sources"]] == list(club)
    assert_spans_index(brief, club)


def test_a_merged_story_id_leads_to_the_story_it_merged_into(client: httpx.Client) -> None:
    brief = client.get(f"/api/stories/{RESERVOIR_STORY}").json()
    assert brief["id"] == brief["story"]["id"] == FIRE_STORY
    assert {"fire-1", "reservoir-1"} <= {s["id"] for s in brief["sources"]}
    page = client.get(f"/stories/{RESERVOIR_STORY}")
    assert page.status_code == 307 and page.headers["location"] == f"/stories/{FIRE_STORY}"
    updates = client.get(f"/stories/{RESERVOIR_STORY}/updates", params={"since": "2025-04-04"})
    assert updates.status_code == 307 and updates.headers["location"] == f"/stories/{FIRE_STORY}/updates?since=2025-04-04"
    assert client.get(f"/api/stories/{RESERVOIR_STORY}/updates", params={"since": "2025-04-04"}).json()["id"] == FIRE_STORY


def test_updates_brief_only_what_is_new_since_the_date(client: httpx.Client) -> None:
    update = client.get(f"/api/stories/{CLUB_STORY}/updates", params={"since": "2025-03-03"}).json()
    assert [s["id"] for s in update["sources"]] == ["club-3"]
    assert update["meta"]["method"] == "update"
    assert update["meta"]["update"]["since"] == "2025-03-03" and update["meta"]["update"]["earlier_articles"] == 2
    assert all(s["sources"] == ["club-3"] for s in update["summary"])
    assert_spans_index(update, {a.id: a.text for a in story_articles("club")})

    everything = client.get(f"/api/stories/{CLUB_STORY}/updates", params={"since": "2025-01-01"}).json()
    assert everything["meta"]["update"]["earlier_articles"] == 0 and len(everything["sources"]) == 3
    assert_error(client.get(f"/api/stories/{CLUB_STORY}/updates", params={"since": "2025-03-04"}), 404, "no article dated on or after 2025-03-04", "2025-03-03")


def test_the_updates_page_date_field_shows_the_day_of_an_instant(client: httpx.Client) -> None:
    page = client.get(f"/stories/{CLUB_STORY}/updates", params={"since": "2025-03-02T18:00:00+01:00"})
    assert page.status_code == 200
    assert re.search(r'<input type="date" name="since" value="2025-03-02"', page.text)  # a date field shows no time


@pytest.mark.parametrize(
    ("path", "params", "status", "needle"),
    [
        ("/api/stories/s0000nothing", {}, 404, "no story 's0000nothing'"),
        ("/api/stories/s0000nothing/updates", {"since": "2025-03-01"}, 404, "no story"),
        ("/api/stories", {"since": "some week"}, 422, "since='some week': not a date"),
        (f"/api/stories/{CLUB_STORY}/updates", {"since": "2025-02-30"}, 422, "since='2025-02-30': not a date"),
        ("/api/stories", {"since": "03/04/2025"}, 422, "either way round"),
        (f"/api/stories/{CLUB_STORY}/updates", {}, 422, "since: Field required"),
        (f"/api/stories/{CLUB_STORY}", {"words": 0}, 422, "words must be"),
        (f"/api/stories/{CLUB_STORY}", {"method": "nope"}, 422, "unknown summarization method 'nope'"),
        ("/api/stories", {"limit": 0}, 422, "limit"),
    ],
)
def test_bad_requests_get_one_line_json_errors(client: httpx.Client, path: str, params: dict, status: int, needle: str) -> None:
    assert_error(client.get(path, params=params), status, needle)


def test_pages_list_and_show_stories_with_their_text_as_text(client: httpx.Client) -> None:
    listing = client.get("/stories")
    assert listing.status_code == 200 and 'href="/stories" id="stories-link"' in listing.text
    assert "&lt;script&gt;window.__xss = &#39;title&#39;&lt;/script&gt;Quarry blast rattles Denholm" in listing.text
    assert "<script>window" not in listing.text and re.findall(r"<script[^>]*>", listing.text) == []
    assert f'href="/stories/{FIRE_STORY}"' in listing.text and f'href="/stories/{RESERVOIR_STORY}"' not in listing.text

    quarry = client.get(f"/stories/{QUARRY_STORY}")
    assert quarry.status_code == 200
    assert "<script>window" not in quarry.text and "<img src=x" not in quarry.text and "&lt;img src=x onerror=" in quarry.text
    assert re.findall(r"<script[^>]*>", quarry.text) == ['<script src="/static/brief.js" defer>']

    updates = client.get(f"/stories/{CLUB_STORY}/updates", params={"since": "2025-03-03"})
    assert updates.status_code == 200 and 'name="since" value="2025-03-03"' in updates.text and "club-3" in updates.text
    assert "What is new since 2025-03-03: 1 article dated on or after it, read against the 2 earlier ones." in updates.text
    nothing = client.get(f"/stories/{CLUB_STORY}/updates", params={"since": "2026-01-01"})
    assert nothing.status_code == 404 and "no article dated on or after 2026-01-01" in nothing.text and 'name="since"' in nothing.text
    unknown = client.get("/stories/s0000nothing")
    assert unknown.status_code == 404 and "story store; the Stories page lists them</p>" in unknown.text
    bad = client.get("/stories", params={"since": "<b>soon</b>"})
    assert bad.status_code == 422 and "&lt;b&gt;soon&lt;/b&gt;" in bad.text


def test_the_story_routes_are_documented(client: httpx.Client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/stories", "/api/stories/{story_id}", "/api/stories/{story_id}/updates"} <= set(paths)
    assert "GET /api/stories/{story_id}/updates" in client.get("/docs").text


def test_the_server_never_writes_the_story_store(client: httpx.Client, story_db: Path) -> None:
    before = hashlib.sha256(story_db.read_bytes()).hexdigest()
    for path in ("/api/stories", f"/api/stories/{FIRE_STORY}", f"/stories/{BRIDGE_STORY}", f"/stories/{QUARRY_STORY}/updates"):
        assert client.get(path).status_code == 200, path
    assert hashlib.sha256(story_db.read_bytes()).hexdigest() == before


def filler(count: int) -> list[Article]:
    """Made-up reports of a village show, dated before every story of the store so the list's top stays put."""
    return [
        Article(
            id=f"show-{i}",
            title=f"Marrow number {i} wins a rosette at the Fennick show",
            text=f"A marrow grown by allotment holder number {i} won a rosette at the Fennick village show. The judges praised its size and its colour, and the tea tent ran out of scones by noon.",
            date=f"2024-06-{1 + i % 28:02d}",
        )
        for i in range(count)
    ]


def test_an_ingest_beside_the_server_is_seen_at_once_and_never_blocked(client: httpx.Client, story_db: Path, tmp_path: Path) -> None:
    before = client.get(f"/api/stories/{BRIDGE_STORY}").json()
    assert before["story"]["articles"] == 3
    assert client.get(f"/api/stories/{BRIDGE_STORY}").json() == before  # the same story, the same size: served from the cache

    answers: list[int] = []
    done = threading.Event()

    def read_while_ingesting() -> None:
        while not done.is_set():
            answers.append(client.get("/api/stories", params={"since": "2025-03-01"}).status_code)
            answers.append(client.get(f"/stories/{CLUB_STORY}").status_code)

    reader = threading.Thread(target=read_while_ingesting)
    reader.start()
    stream = write_stream(tmp_path / "later.jsonl", [*filler(FILLER_ARTICLES), LATER])
    try:
        ingest = subprocess.run(
            [sys.executable, "-m", "synoptic", "stories", "ingest", str(stream), "--db", str(story_db)],
            cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
        )
    finally:
        done.set()
        reader.join()
    assert ingest.returncode == 0, ingest.stderr
    assert f"{FILLER_ARTICLES + 1} added" in ingest.stderr
    assert answers and set(answers) == {200}, answers

    after = client.get(f"/api/stories/{BRIDGE_STORY}").json()
    assert after["story"]["articles"] == 4 and after["story"]["last"] == "2025-03-10"
    assert [s["id"] for s in after["sources"]] == [*bridge_texts()]
    update = client.get(f"/api/stories/{BRIDGE_STORY}/updates", params={"since": "2025-03-04"}).json()
    assert [s["id"] for s in update["sources"]] == ["bridge-4"] and update["meta"]["update"]["earlier_articles"] == 3
    assert_spans_index(update, bridge_texts())
