"""The web page in a real browser: Playwright driving Debian's chromium against a real server.

Skipped where chromium or playwright is missing; under CI (CI set) that is a failure instead, since
.ci/run installs chromium. Screenshots go to tests/service/artifacts/ (git-ignored).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import SAMPLE
from tests.service.conftest import ServerProcess
from tests.service.story_articles import FIRE_STORY, FIRE_STORY_TITLE, build_story_store, stream

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
ARTIFACTS = Path(__file__).parent / "artifacts"
PHONE = {"width": 375, "height": 740}


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must run the browser tests (.ci/run installs chromium)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    """A chromium context with a fresh profile; never downloads a browser."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[test]')")
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield context
        context.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """One server for every page: briefs, and a story store built from made-up articles."""
    folder = tmp_path_factory.mktemp("browser-db")
    stories = build_story_store(folder / "stories.db")
    server = ServerProcess(folder / "briefs.db", "--workers", "1", "--stories-db", str(stories)).start()
    yield server
    server.stop()


@pytest.fixture
def page(browser) -> Iterator:
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.dialogs = dialogs
    yield page
    page.close()


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=True)
    print(f"screenshot: {path}")
    return path


def test_the_sample_through_the_form_and_a_citation_lights_up_its_sentence(page, site: ServerProcess) -> None:
    page.goto(site.url + "/")
    page.set_input_files("#files", sorted(str(p) for p in SAMPLE.iterdir()))
    page.fill("input[name=words]", "80")
    page.click("#submit")
    page.wait_for_url("**/briefs/b*")
    brief_id = page.url.rsplit("/", 1)[1].split("#")[0]
    brief = httpx.get(f"{site.url}/api/briefs/{brief_id}").json()
    texts = {a["id"]: a["text"] for a in httpx.get(f"{site.url}/api/briefs/{brief_id}/articles").json()["articles"]}

    assert page.inner_text("#headline") == brief["headline"]
    assert page.locator(".sources > li").count() == 6
    copy = page.locator(".sources > li", has=page.locator(".copy"))
    assert copy.count() == 1 and "copy of [1]" in copy.inner_text()
    for section in ("Agreed by several sources", "Where sources disagree", "Timeline", "Quotes"):
        assert page.get_by_role("heading", name=section).count() == 1

    numbers = {s["id"]: n for n, s in enumerate(brief["sources"], 1)}
    sentence = brief["summary"][1]
    evidence = sentence["evidence"][0]
    cite = page.locator(".summary > li").nth(1).locator("a.cite", has_text=f"[{numbers[evidence['article']]}]")
    expected = texts[evidence["article"]][evidence["start"] : evidence["end"]]
    assert " ".join(cite.get_attribute("title").split()) == " ".join(expected.split())  # the hover text
    assert page.locator(".ev.hl").count() == 0
    cite.click()

    lit = page.locator(".ev.hl")
    assert "".join(lit.all_inner_texts()) == expected
    assert sentence["text"][:-1] in " ".join(expected.split())
    article = page.locator(f"#article-{numbers[evidence['article']]}")
    assert article.evaluate("el => el.open") and lit.first.is_visible()
    assert lit.first.evaluate("el => el.closest('details').id") == f"article-{numbers[evidence['article']]}"
    assert lit.first.evaluate("el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }")
    screenshot(page, "brief-desktop.png")

    page.set_viewport_size(PHONE)
    page.goto(f"{site.url}/briefs/{brief_id}")
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), "the brief page scrolls sideways on a phone"
    screenshot(page, "brief-phone.png")
    page.goto(site.url + "/")
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), "the form scrolls sideways on a phone"
    assert brief["headline"] in page.inner_text("main")  # listed among the past briefs


HOSTILE = [
    (
        "<script>window.__xss = 'title'</script>Harbour wall repaired",
        (
            "<script>window.__xss = 'text'</script>The storm wall at Penmoor harbour was repaired on Thursday after "
            "a week of work by council engineers.\n<img src=x onerror=\"window.__xss = 'img'\"> Fishing boats returned "
            "to their moorings by the afternoon, the harbour master said."
        ),
    ),
    (
        "",
        (
            "Penmoor repair done\n\nCouncil engineers finished repairing the storm wall at Penmoor harbour on Thursday "
            "after a week of work. <svg onload=\"window.__xss = 'svg'\"></svg> Fishing boats were back at their "
            "moorings by the afternoon, according to the harbour master."
        ),
    ),
]


def test_pasted_markup_shows_as_text_and_never_runs(page, site: ServerProcess) -> None:
    page.goto(site.url + "/")
    page.click("#add-article")  # the page's script adds a fourth box
    assert page.locator("textarea[name=text]").count() == 4
    for i, (title, text) in enumerate(HOSTILE, 1):  # every field is found by its own label, as a screen reader names it
        page.get_by_label(f"Title of article {i}").fill(title)
        page.get_by_label(f"Text of article {i}", exact=True).fill(text)
    assert page.get_by_label("Files").count() == 1
    page.click("#submit")
    page.wait_for_url("**/briefs/b*")

    assert page.evaluate("window.__xss") is None and page.dialogs == []
    assert page.locator("main img, main svg, main script").count() == 0
    assert page.inner_text("#headline") in (HOSTILE[0][0], "Penmoor repair done")
    page.locator("details").first.evaluate("el => el.open = true")
    shown = page.inner_text(".sources")
    assert "<script>window.__xss = 'text'</script>" in shown and "<img src=x onerror=" in shown
    assert "<script>window.__xss = 'title'</script>Harbour wall repaired" in shown
    screenshot(page, "brief-hostile.png")



def test_an_upload_over_the_limit_gets_a_clear_413_page(page, site: ServerProcess, tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    big.write_bytes(b"Huge\n\n" + b"A sentence that repeats far too often. " * 290_000)  # ~11 MB; the limit is 10 MB
    page.goto(site.url + "/")
    page.set_input_files("#files", [str(big)])
    with page.expect_navigation() as navigation:
        page.click("#submit")
    assert navigation.value.status == 413
    assert "larger than this server's limit of 10 MB" in page.inner_text(".error")


def test_stories_a_story_its_citations_and_what_is_new(page, site: ServerProcess) -> None:
    page.goto(site.url + "/")
    page.click("#stories-link")
    page.wait_for_url("**/stories")
    assert page.locator(".stories > li").count() == 5
    assert "<script>window.__xss = 'title'</script>Quarry blast" in page.inner_text(".stories")  # markup shown as text
    page.get_by_role("link", name=FIRE_STORY_TITLE).click()
    page.wait_for_url(f"**/stories/{FIRE_STORY}")

    brief = httpx.get(f"{site.url}/api/stories/{FIRE_STORY}").json()
    texts = {a.id: a.text for a in stream()}  # the story store keeps each text exactly as ingested
    numbers = {s["id"]: n for n, s in enumerate(brief["sources"], 1)}
    assert page.inner_text("#headline") == brief["headline"]
    assert page.locator(".sources > li").count() == len(brief["sources"]) == 4
    assert "A story of 4 articles · 2025-04-01 to 2025-04-04" in page.inner_text("article.brief")

    sentence = brief["summary"][0]
    evidence = sentence["evidence"][0]
    cite = page.locator(".summary > li").first.locator("a.cite", has_text=f"[{numbers[evidence['article']]}]")
    expected = texts[evidence["article"]][evidence["start"] : evidence["end"]]
    assert page.locator(".ev.hl").count() == 0
    cite.click()
    lit = page.locator(".ev.hl")
    assert "".join(lit.all_inner_texts()) == expected
    assert lit.first.evaluate("el => el.closest('details').open && el.closest('details').id") == f"article-{numbers[evidence['article']]}"
    assert lit.first.evaluate("el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }")
    screenshot(page, "story-desktop.png")

    page.click("#updates-link")
    page.wait_for_url(f"**/stories/{FIRE_STORY}/updates")
    assert page.input_value("input[name=since]") == "2025-04-04"  # by default, what the latest day adds
    page.fill("input[name=since]", "2025-04-03")
    page.click("#since-form button")
    page.wait_for_url("**/updates?since=2025-04-03")
    update = httpx.get(f"{site.url}/api/stories/{FIRE_STORY}/updates", params={"since": "2025-04-03"}).json()
    assert [s["id"] for s in update["sources"]] == ["link-1", "link-2"]
    assert page.inner_text("#headline") == update["headline"] and page.locator(".sources > li").count() == 2
    window = "What is new since 2025-04-03: 2 articles dated on or after it, read against the 2 earlier ones."
    assert window in page.inner_text(".brief") and page.inner_text(".brief").count("dated on or after") == 1  # said once

    page.set_viewport_size(PHONE)
    for path in ("/stories", f"/stories/{FIRE_STORY}", f"/stories/{FIRE_STORY}/updates?since=2025-04-03"):
        page.goto(site.url + path)
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), f"{path} scrolls sideways on a phone"
    screenshot(page, "story-updates-phone.png")
    assert page.evaluate("window.__xss") is None and page.dialogs == []
