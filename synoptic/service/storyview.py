"""The stories view: /stories pages and /api/stories, over a story store served with --stories-db.

Without a story store the routes still answer, with a 404 that says how to serve one, and they are
left out of the API description.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Query
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from synoptic.options import MAX_WORDS, Options
from synoptic.service.errors import NotFoundError, error_responses
from synoptic.service.intake import options_from
from synoptic.service.pages import BriefView
from synoptic.service.stories import NO_STORY_STORE, StoryDesk, since_param
from synoptic.stories import BRIEF_MAX_ARTICLES, StoryInfo

STORIES_PER_PAGE = 50  # a story is one line of the list, so a page holds more of them than of briefs
MAX_STORIES_PER_PAGE = 500

_SINCE = "ISO date (or timestamp): only articles dated on or after this day"
_WORDS = f"word budget of the summary, 1 to {MAX_WORDS} (default {Options.words})"
_METHOD = f"summarization method (default {Options.method}); GET /docs lists them under POST /api/briefs"


def _query(path: str, **params: Any) -> str:
    """``path`` with the given query parameters, leaving out those that are None."""
    given = {name: value for name, value in params.items() if value is not None}
    return f"{path}?{urlencode(given)}" if given else path


def _nothing_new(story: StoryInfo, since: str) -> NotFoundError:
    return NotFoundError(f"story {story.id} has no article dated on or after {since} (its latest is from {story.last_date}); choose an earlier date")


def add_story_routes(app: FastAPI, desk: StoryDesk | None, page: Callable[..., HTMLResponse]) -> None:
    """Register the story pages and API on ``app``; ``page(template, status, **context)`` renders a page."""
    served = desk is not None

    def stories() -> StoryDesk:
        if desk is None:
            raise NotFoundError(NO_STORY_STORE)
        return desk

    async def find(story_id: str) -> StoryInfo:
        """The story as listed; a merged story's id gives the story it merged into."""
        return await run_in_threadpool(stories().story, story_id)

    async def brief_of(story: StoryInfo, options: Options, since: str | None = None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """The story's brief, or that of what is new in it from ``since`` on, and the articles it cites."""
        if since is not None and story.last_date < since:  # ISO days compare as text
            raise _nothing_new(story, since)
        result = await stories().brief(story, options, since)
        return result.brief, result.articles

    # ---- JSON API ----

    @app.get("/api/stories", tags=["stories"], include_in_schema=served, responses=error_responses(404, 422))
    def list_stories_api(
        since: str | None = Query(None, description=_SINCE),
        limit: int = Query(STORIES_PER_PAGE, ge=1, le=MAX_STORIES_PER_PAGE),
        offset: int = Query(0, ge=0),
    ) -> dict[str, Any]:
        """Stories with an article dated on or after ``since`` (all by default), most recent first, a page at a time.

        Each has its id, title (the title of its articles that best names the story, as `stories list` shows
        it, else the opening words of its first article), number of articles, first and last day, and status
        (active, or closed after the store's idle window)."""
        day = since_param(since, instant=False)
        items, total = stories().listing(day, limit, offset)
        following = _query("/api/stories", since=day, limit=limit, offset=offset + limit) if offset + limit < total else None
        return {"items": [s.to_dict() for s in items], "total": total, "since": day, "limit": limit, "offset": offset, "next": following}

    @app.get(
        "/api/stories/{story_id}",
        tags=["stories"],
        include_in_schema=served,
        responses=error_responses(404, 422, 503),
        description=(
            f"The brief of the story's latest {BRIEF_MAX_ARTICLES} articles (the brief JSON, see README), plus ``story`` as listed.\n\n"
            "A merged story's old id answers with the story it merged into: its ``id`` differs from the one asked for."
        ),
    )
    async def get_story_api(
        story_id: str, words: int | None = Query(None, description=_WORDS), method: str | None = Query(None, description=_METHOD)
    ) -> dict[str, Any]:
        story = await find(story_id)
        brief, _ = await brief_of(story, options_from(words, method))
        return {**brief, "story": story.to_dict()}

    @app.get("/api/stories/{story_id}/updates", tags=["stories"], include_in_schema=served, responses=error_responses(404, 422, 503))
    async def story_updates_api(
        story_id: str,
        since: str = Query(description=_SINCE + "; these are the new ones"),
        words: int | None = Query(None, description=_WORDS),
        method: str | None = Query(None, description=_METHOD),
    ) -> dict[str, Any]:
        """What the story's articles dated on or after ``since`` add to the earlier ones: the brief of the new
        articles, whose summary leaves out what the earlier ones said (``meta.update`` tells how many there were).

        404 when the story has no article that new."""
        options, day = options_from(words, method), since_param(since)
        story = await find(story_id)
        brief, _ = await brief_of(story, options, day)
        return {**brief, "story": story.to_dict()}

    # ---- pages ----

    @app.get("/stories", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(since: str | None = Query(None), page_number: int = Query(1, alias="page", ge=1)) -> HTMLResponse:
        day = since_param(since, instant=False)
        items, total = stories().listing(day, STORIES_PER_PAGE, (page_number - 1) * STORIES_PER_PAGE)
        pages = max(1, -(-total // STORIES_PER_PAGE))
        links = {n: _query("/stories", since=day, page=n) for n in (page_number - 1, page_number + 1)}
        return page("stories.html", items=items, total=total, since=day, page=page_number, pages=pages, links=links)

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    async def story_page(story_id: str) -> Response:
        story = await find(story_id)
        if story.id != story_id:  # merged: the page lives at the surviving story's address
            return RedirectResponse(f"/stories/{story.id}", status_code=307)
        brief, articles = await brief_of(story, Options())
        return await run_in_threadpool(lambda: page("story.html", brief=brief, view=BriefView(brief, articles), story=story))

    @app.get("/stories/{story_id}/updates", response_class=HTMLResponse, include_in_schema=False)
    async def story_updates_page(story_id: str, since: str | None = Query(None)) -> Response:
        chosen = since_param(since)
        story = await find(story_id)
        if story.id != story_id:
            return RedirectResponse(_query(f"/stories/{story.id}/updates", since=chosen), status_code=307)
        day = chosen or story.last_date  # by default: what the latest day adds
        try:
            brief, articles = await brief_of(story, Options(), day)
        except NotFoundError as nothing:  # the page keeps its date form, to choose an earlier day
            return page("story_updates.html", 404, story=story, since=day, brief=None, message=str(nothing))
        return await run_in_threadpool(lambda: page("story_updates.html", brief=brief, view=BriefView(brief, articles), story=story, since=day))
