"""The FastAPI app: a JSON API under /api, server-rendered pages, one error format, request limits.

Every error a client can cause is a SynopticError with a status (see errors.py); the API answers
``{"error": message, "status": code}`` and the pages show the same message in HTML.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from synoptic import __version__
from synoptic.errors import SynopticError
from synoptic.ingest import READERS
from synoptic.options import MAX_WORDS, Options
from synoptic.service.engine import BriefEngine, BriefJob
from synoptic.service.errors import ServiceError, TooLargeError, error_responses, form_wording, status_of
from synoptic.service.folders import ArticleFolders
from synoptic.service.intake import Limits, Sources, job_from_form, job_from_json, options_from
from synoptic.service.pages import BriefView
from synoptic.service.store import BriefStore
from synoptic.service.stories import StoryDesk
from synoptic.service.storyview import add_story_routes
from synoptic.summarize import METHODS

STATIC_DIR = Path(__file__).parent / "static"
PAGE_SIZE = 20  # briefs per page of the list, in the API and on the page
MAX_PAGE_SIZE = 100
RECENT_ON_FORM = 8  # past briefs listed under the form
PASTE_BOXES = 3  # empty article boxes on a fresh form (a brief needs two; the page's script adds more)
FORM_FIELDS = 1000  # text fields a form may have: title and text per pasted article, plus the options
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
UNSAFE_METHODS = ("POST", "PUT", "PATCH", "DELETE")

# The pages load only this server's own script and style: an injected <script> or onerror= would not
# run even if escaping failed somewhere (it does not: templates autoescape).
SECURITY_HEADERS = [
    (
        b"content-security-policy",
        (
            b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            b"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
        ),
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin")  # "no-referrer" would make browsers send "Origin: null" on form posts,
]

_ARTICLE_SCHEMA = {
    "type": "object",
    "required": ["text"],
    "properties": {name: {"type": ["string", "null"]} for name in ("id", "title", "text", "url", "date", "source")},
}
BRIEF_REQUEST = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "oneOf": [
                    {
                        "title": "Cluster",
                        "type": "object",
                        "required": ["articles"],
                        "properties": {
                            "id": {"type": "string"},
                            "date": {"type": "string", "description": "publication date of the story, YYYY-MM-DD"},
                            "articles": {"type": "array", "items": _ARTICLE_SCHEMA},
                        },
                    },
                    {"title": "Articles", "type": "array", "items": _ARTICLE_SCHEMA},
                    {"title": "Folder", "type": "object", "required": ["folder"], "properties": {"folder": {"type": "string"}}},
                    {"title": "URLs", "type": "object", "required": ["urls"], "properties": {"urls": {"type": "array", "items": {"type": "string"}}}},
                ]
            },
            "example": {"id": "ferry", "articles": [{"title": "Ferry sails again", "text": "The ferry sailed again on Saturday."}, {"text": "Ferry sailings resumed on Saturday."}]},
        },
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "properties": {
                    "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
                    "text": {"type": "array", "items": {"type": "string"}, "description": "pasted article texts"},
                    "title": {"type": "array", "items": {"type": "string"}, "description": "their titles (optional)"},
                    "folder": {"type": "string"},
                    "urls": {"type": "string", "description": "one URL a line (only with --allow-fetch)"},
                },
            }
        },
    },
}


@dataclass(frozen=True)
class Settings:
    """How the server was started (see ``synoptic serve --help``)."""

    articles_dir: Path | None = None
    allow_fetch: bool = False
    max_body_bytes: int = 10 * 1024 * 1024
    max_articles: int = 100
    workers: int = 1
    loopback: bool = True  # bound to a loopback address: only loopback Host names are accepted
    ready_message: str | None = None  # printed to stderr once the workers are up
    stories_db: Path | None = None  # a story store (synoptic stories ingest) to serve read-only at /stories


def no_brief(brief_id: str) -> ServiceError:
    """The 404 of an unknown brief id: the API's advice is a request, the page's a page to open."""
    return ServiceError(
        f"no brief '{brief_id}'; GET /api/briefs lists the stored briefs", 404,
        f"no brief '{brief_id}' is stored here; it may have been deleted (Past briefs lists the stored ones)",
    )


def _wants_json(path: str) -> bool:
    return path.startswith("/api/") or path in ("/api", "/healthz", "/openapi.json")


class RequestGuard:
    """Checks made before any route runs, and headers added to every response.

    - the Host header must be a loopback name when bound to loopback (a DNS-rebinding page cannot
      reach the API through a name it controls);
    - writes from a browser must come from this server's own pages (the Origin header matches);
    - the body may not exceed the limit: refused at once by Content-Length, else counted as it streams.
    """

    def __init__(self, app: ASGIApp, settings: Settings, refuse: Callable[[Scope, SynopticError], Response]) -> None:
        self.app = app
        self.settings = settings
        self.refuse = refuse

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        problem = self._problem(scope, Headers(scope=scope))
        if problem is not None:
            await self.refuse(scope, problem)(scope, receive, send_secured)
            return
        await self.app(scope, self._limited(receive), send_secured)

    def _problem(self, scope: Scope, headers: Headers) -> SynopticError | None:
        host = headers.get("host", "")
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        if self.settings.loopback and name.lower() not in LOOPBACK_NAMES:
            return ServiceError(f"Host '{host}' is not this server; open it at http://127.0.0.1 (it serves loopback only)", 421)
        origin = headers.get("origin")
        if scope["method"] in UNSAFE_METHODS and origin is not None and origin != f"{scope['scheme']}://{host}":
            return ServiceError(f"a page from {origin} may not write to this server; use this server's own page", 403)
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.settings.max_body_bytes:
            return _too_large(self.settings.max_body_bytes)
        return None

    def _limited(self, receive: Receive) -> Receive:
        received = 0
        limit = self.settings.max_body_bytes

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > limit:
                raise _too_large(limit)
            return message

        return limited


def _too_large(limit: int) -> TooLargeError:
    return TooLargeError(f"the request is larger than this server's limit of {limit / (1024 * 1024):g} MB (see --max-body-mb); send fewer or smaller articles")


def create_app(store: BriefStore, settings: Settings) -> FastAPI:
    """The app over an open store; the brief workers start with the app and stop with it."""
    engine = BriefEngine(settings.workers)
    folders = ArticleFolders(settings.articles_dir) if settings.articles_dir else None
    sources = Sources(Limits(settings.max_body_bytes, settings.max_articles), folders, settings.allow_fetch)
    stories = StoryDesk(settings.stories_db, engine) if settings.stories_db else None
    templates = Environment(loader=PackageLoader("synoptic.service", "templates"), autoescape=True)
    templates.globals["stories_served"] = stories is not None  # the header links to /stories
    methods = [m for m in METHODS.names() if not m.startswith("oracle")]  # oracles read reference summaries
    # python-multipart logs a malformed body's parse error to stderr with no word of which request it was
    # ("Expected boundary character 45, …"); the 400 that answers the request already says what is wrong.
    logging.getLogger("python_multipart").setLevel(logging.ERROR)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        await engine.start()
        if settings.ready_message:
            print(settings.ready_message, file=sys.stderr, flush=True)
        yield
        await run_in_threadpool(engine.close)
        store.close()
        if stories is not None:
            stories.close()

    app = FastAPI(
        title="synoptic",
        version=__version__,
        summary="Many news reports of one story in, one cited brief out.",
        docs_url=None,  # Swagger UI loads from a CDN; /docs is an offline page instead
        redoc_url=None,
        lifespan=lifespan,
    )

    def page(name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(templates.get_template(name).render(**context), status_code=status_code)

    def error_response(scope: Scope, exc: SynopticError) -> Response:
        status = status_of(exc)
        headers = {"Retry-After": "5"} if status == 503 else None
        if _wants_json(scope["path"]):
            return JSONResponse({"error": str(exc), "status": status}, status_code=status, headers=headers)
        return page("error.html", status, status=status, message=getattr(exc, "page_message", str(exc)))

    app.add_middleware(RequestGuard, settings=settings, refuse=error_response)

    @app.exception_handler(SynopticError)
    async def synoptic_error(request: Request, exc: SynopticError) -> Response:
        return error_response(request.scope, exc)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:]) or e['loc'][0]}: {e['msg']}" for e in exc.errors())
        return error_response(request.scope, ServiceError(f"invalid request: {problems}", 422))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if exc.status_code != 404:
            return error_response(request.scope, ServiceError(str(exc.detail), exc.status_code))
        missing = f"no such page {request.url.path}"
        return error_response(request.scope, ServiceError(f"{missing}; see /docs for the API", 404, f"{missing}; write a new brief or open a past one"))

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:  # uvicorn logs the traceback
        return error_response(request.scope, ServiceError(f"internal error ({type(exc).__name__}); please report it", 500))

    async def brief_of(job: BriefJob, warnings: list[str]) -> dict[str, Any]:
        """Compute in a worker, then store; the brief is committed before anyone is told it exists."""
        result = await engine.run(job)
        if result.error is not None:
            refused = ServiceError(result.error[1], result.error[0])
            refused.option = result.option
            raise refused
        brief = result.brief
        if warnings or brief.get("warnings"):
            brief["warnings"] = warnings + brief.get("warnings", [])
        created = await run_in_threadpool(store.add, brief, result.articles)
        return {**brief, "created": created}

    async def read_form(request: Request) -> FormData:
        try:
            return await request.form(max_files=settings.max_articles, max_fields=FORM_FIELDS, max_part_size=settings.max_body_bytes)
        except HTTPException as exc:
            if "Too many files" in str(exc.detail):
                raise TooLargeError(f"too many files; this server briefs at most {settings.max_articles} at once (see --max-articles)") from None
            raise ServiceError(f"the form could not be read ({exc.detail}); send it again") from None

    def brief_or_404(brief_id: str) -> dict[str, Any]:
        brief = store.get(brief_id)
        if brief is None:
            raise no_brief(brief_id)
        return brief

    # ---- JSON API ----

    @app.get("/healthz", tags=["service"])
    def healthz() -> dict[str, Any]:
        """Liveness: the server answers and its store can be read."""
        return {"status": "ok", "version": __version__, "briefs": store.listing(1)[1], "workers": settings.workers, "pending": engine.pending}

    @app.post(
        "/api/briefs",
        status_code=201,
        tags=["briefs"],
        openapi_extra={"requestBody": BRIEF_REQUEST},
        responses=error_responses(400, 403, 404, 413, 415, 422, 503),
    )
    async def create_brief(
        request: Request,
        words: int | None = Query(None, description=f"word budget of the summary, 1 to {MAX_WORDS} (default {Options.words})"),
        method: str | None = Query(None, description=f"summarization method: {', '.join(methods)} (default {Options.method})"),
        min_articles: int | None = Query(None, description=f"fewest articles a brief needs (default {Options.min_articles})"),
    ) -> JSONResponse:
        """Brief a cluster: JSON (a cluster, a list of articles, a folder name or URLs) or multipart files.

        Answers 201 with the brief, its id (the page is /briefs/{id}) and when it was created.
        """
        kind = request.headers.get("content-type", "application/json").split(";")[0].strip().lower()
        if kind == "application/json":
            job, warnings = await job_from_json(await request.body(), options_from(words, method, min_articles), sources)
        elif kind in ("multipart/form-data", "application/x-www-form-urlencoded"):
            form = await read_form(request)
            given = {"words": words, "method": method, "min_articles": min_articles}
            options = options_from(*(given[k] if given[k] is not None else form.get(k) for k in given))
            job, warnings = await job_from_form(form, sources, options)
        else:
            raise ServiceError(f"cannot brief a {kind} body; send application/json or multipart/form-data", 415)
        brief = await brief_of(job, warnings)
        return JSONResponse(brief, status_code=201, headers={"Location": f"/api/briefs/{brief['id']}"})

    @app.get("/api/briefs", tags=["briefs"])
    def list_briefs(limit: int = Query(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE), offset: int = Query(0, ge=0)) -> dict[str, Any]:
        """Stored briefs, newest first, a page at a time."""
        items, total = store.listing(limit, offset)
        following = f"/api/briefs?limit={limit}&offset={offset + limit}" if offset + limit < total else None
        return {"items": [i.to_dict() for i in items], "total": total, "limit": limit, "offset": offset, "next": following}

    @app.get("/api/briefs/{brief_id}", tags=["briefs"], responses=error_responses(404))
    def get_brief(brief_id: str) -> dict[str, Any]:
        """One brief as its JSON contract (see README), plus ``created``."""
        return brief_or_404(brief_id)

    @app.get("/api/briefs/{brief_id}/articles", tags=["briefs"], responses=error_responses(404))
    def get_articles(brief_id: str) -> dict[str, Any]:
        """The articles a brief was made from; evidence ``start:end`` spans index their ``text``."""
        brief_or_404(brief_id)
        return {"brief": brief_id, "articles": store.articles(brief_id)}

    @app.delete("/api/briefs/{brief_id}", status_code=204, tags=["briefs"], responses=error_responses(404))
    def delete_brief(brief_id: str) -> Response:
        """Delete a brief and its articles."""
        if not store.delete(brief_id):
            raise no_brief(brief_id)
        return Response(status_code=204)

    @app.get("/api/folders", tags=["briefs"])
    def list_folders() -> dict[str, Any]:
        """Subfolders of the server's --articles-dir that POST /api/briefs {"folder": NAME} can brief."""
        return {"folders": folders.names() if folders else [], "enabled": folders is not None}

    # ---- pages ----

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    def form_page(status_code: int = 200, error: str | None = None, form: FormData | None = None) -> HTMLResponse:
        pasted = []
        if form is not None:
            pasted = [{"title": str(t), "text": str(x)} for t, x in zip(form.getlist("title"), form.getlist("text"))]
        pasted += [{"title": "", "text": ""}] * max(0, PASTE_BOXES - len(pasted))
        return page(
            "index.html",
            status_code,
            error=error,
            pasted=pasted,
            words=(form.get("words") if form else None) or Options.words,
            min_articles=(form.get("min_articles") if form else None) or Options.min_articles,
            method=(form.get("method") if form else None) or Options.method,
            methods=methods,
            folders=folders.names() if folders else [],
            allow_fetch=settings.allow_fetch,
            max_articles=settings.max_articles,
            # every extension a reader is registered for (".warc.gz" as ".gz" too: a browser matches the last suffix)
            accept=",".join(sorted({*READERS, *(f".{s.rsplit('.', 1)[-1]}" for s in READERS)})),
            max_mb=f"{settings.max_body_bytes / (1024 * 1024):g}",
            recent=store.listing(RECENT_ON_FORM)[0],
        )

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index() -> HTMLResponse:
        return form_page()

    @app.post("/briefs", include_in_schema=False)
    async def submit(request: Request) -> Response:
        form: FormData | None = None
        try:
            form = await read_form(request)
            job, warnings = await job_from_form(form, sources)
            brief = await brief_of(job, warnings)
        except SynopticError as exc:
            return await run_in_threadpool(form_page, status_of(exc), form_wording(exc), form)
        return RedirectResponse(f"/briefs/{brief['id']}", status_code=303)

    @app.get("/briefs", response_class=HTMLResponse, include_in_schema=False)
    def briefs_page(page_number: int = Query(1, alias="page", ge=1)) -> HTMLResponse:
        items, total = store.listing(PAGE_SIZE, (page_number - 1) * PAGE_SIZE)
        pages = max(1, -(-total // PAGE_SIZE))
        return page("briefs.html", items=items, total=total, page=page_number, pages=pages)

    @app.get("/briefs/{brief_id}", response_class=HTMLResponse, include_in_schema=False)
    def brief_page(brief_id: str) -> HTMLResponse:
        brief = brief_or_404(brief_id)
        return page("brief.html", brief=brief, view=BriefView(brief, store.articles(brief_id)))

    @app.post("/briefs/{brief_id}/delete", include_in_schema=False)
    def delete_page(brief_id: str) -> Response:
        store.delete(brief_id)
        return RedirectResponse("/briefs", status_code=303)

    add_story_routes(app, stories, page)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs() -> HTMLResponse:
        return page("docs.html", api=app.openapi())

    return app

