"""What a request asks to brief, turned into a BriefJob: a JSON cluster or list of articles, pasted
texts, uploaded files, a folder the server owns, or URLs (only with ``--allow-fetch``)."""

from __future__ import annotations

import asyncio
import json
import secrets
from dataclasses import dataclass
from functools import partial
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from synoptic.errors import InputError, OptionsError
from synoptic.ingest import READERS, cluster_from_dict
from synoptic.model import Article
from synoptic.options import Options
from synoptic.service.engine import BriefJob, RawFile
from synoptic.service.errors import FetchRefusedError, ServiceError, TooLargeError
from synoptic.service.fetch import fetch_url
from synoptic.service.folders import ArticleFolders
from synoptic.summarize import METHODS

if TYPE_CHECKING:
    from starlette.datastructures import FormData

JSON_SHAPES = 'a cluster object with an "articles" list, a list of articles, {"folder": NAME} or {"urls": [URL, ...]}'


@dataclass(frozen=True)
class Limits:
    max_body_bytes: int
    max_articles: int


@dataclass(frozen=True)
class Sources:
    """Where a request's articles may come from, as the server was started."""

    limits: Limits
    folders: ArticleFolders | None
    allow_fetch: bool


def new_brief_id() -> str:
    """Random, not derived from the input: the same articles briefed twice (say with other options) are two briefs."""
    return "b" + secrets.token_hex(8)


def options_from(words: Any = None, method: str | None = None, min_articles: Any = None) -> Options:
    """Options from query parameters or form fields; a bad value is a validation error (422)."""
    values: dict[str, Any] = {"method": method or None}
    for name, raw in (("words", words), ("min_articles", min_articles)):
        if raw in (None, ""):
            continue
        try:
            values[name] = int(raw)
        except (TypeError, ValueError):
            raise OptionsError(f"{name} must be a whole number, not {raw!r}") from None
    options = Options().updated(values)
    METHODS.get(options.method)  # an unknown method is refused before any work is queued
    return options


def _check_count(count: int, limits: Limits) -> None:
    if count > limits.max_articles:
        raise TooLargeError(f"{count} articles or files given; this server briefs at most {limits.max_articles} at once (see --max-articles)")


async def _fetch_all(urls: list[str], sources: Sources) -> tuple[list[RawFile], list[str]]:
    """Fetch pages in threads; a refused address fails the request, an unreachable page is skipped."""
    if not sources.allow_fetch:
        raise FetchRefusedError(
            "this server does not fetch URLs (start it with --allow-fetch to allow that); paste the article text or upload the saved page",
            status=403,
        )
    results = await asyncio.gather(*(asyncio.to_thread(fetch_url, url) for url in urls), return_exceptions=True)
    files, warnings = [], []
    for url, result in zip(urls, results):
        if isinstance(result, FetchRefusedError):
            raise result
        if isinstance(result, InputError):
            warnings.append(f"{result}; skipped")
        elif isinstance(result, BaseException):
            raise result
        else:
            files.append(RawFile(origin=url, data=result.data, suffix=result.suffix))
    if urls and not files:
        raise ServiceError("no URL could be fetched: " + " ".join(warnings))
    return files, warnings


def _url_list(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(u, str) and u.strip() for u in value):
        raise ServiceError('"urls" must be a list of web addresses, e.g. {"urls": ["https://example.org/story"]}')
    return [u.strip() for u in value]


# What a JSON value that is neither an object nor a list is called in JSON's own words.
_JSON_KINDS = {type(None): "null", bool: "a JSON boolean", int: "a JSON number", float: "a JSON number", str: "a JSON string"}


async def job_from_json(body: bytes, options: Options, sources: Sources) -> tuple[BriefJob, list[str]]:
    """A JSON request body as a job, and the warnings of the inputs skipped on the way."""
    try:
        data = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ServiceError(f"request body: not valid JSON ({exc}); send {JSON_SHAPES}") from None
    except RecursionError:  # valid JSON nested deeper than Python's parser goes: no request of articles looks like it
        raise ServiceError(f"request body: JSON nested too deeply to read; send {JSON_SHAPES}") from None
    job = partial(BriefJob, brief_id=new_brief_id(), options=options, max_articles=sources.limits.max_articles)
    if isinstance(data, dict) and "folder" in data and "articles" not in data:
        files, notes = await folder_files(data["folder"], sources)
        return job(inputs=tuple(files)), notes
    if isinstance(data, dict) and "urls" in data and "articles" not in data:
        urls = _url_list(data["urls"])
        _check_count(len(urls), sources.limits)
        files, warnings = await _fetch_all(urls, sources)
        return job(inputs=tuple(files)), warnings
    if not isinstance(data, list | dict):
        raise ServiceError(f"request body: {_JSON_KINDS.get(type(data), 'this JSON')} cannot be briefed; send {JSON_SHAPES}")
    _check_count(len(data if isinstance(data, list) else data.get("articles") or []), sources.limits)
    cluster = cluster_from_dict(data, "request body", "request")
    cluster_id = cluster.id if isinstance(data, dict) and data.get("id") else None
    return job(inputs=cluster.articles, cluster_id=cluster_id, cluster_date=cluster.date, references=cluster.references), []


async def folder_files(name: Any, sources: Sources) -> tuple[list[RawFile], list[str]]:
    """A named subfolder's files, and the note naming those no reader takes."""
    if sources.folders is None:
        raise ServiceError("this server has no articles folder (start it with --articles-dir DIR); send the articles instead", 404)
    if not isinstance(name, str) or not name:
        raise ServiceError('"folder" must be the name of one of the folders GET /api/folders lists')
    limits = sources.limits
    return await asyncio.to_thread(sources.folders.read, name, limits.max_articles, limits.max_body_bytes)


def pasted_article(index: int, title: str, text: str) -> Article | RawFile:
    """A pasted article. Browsers send textarea line breaks as CRLF; they are made LF before the text
    is ingested, so evidence spans index the text the server stores and shows."""
    text = text.replace("\r\n", "\n")
    if title.strip():
        return Article(id=f"pasted-{index}", text=text, title=title.strip(), origin=f"pasted-{index}")
    return RawFile(origin=f"pasted-{index}", data=text.encode("utf-8"), suffix=".txt")  # a first line that looks like a headline is the title


def upload_suffix(filename: str) -> str | None:
    """The reader for an uploaded file by its extension; None means sniff the content."""
    suffix = PurePath(filename).suffix.lower()
    return suffix if suffix in READERS else None


async def job_from_form(form: FormData, sources: Sources, options: Options | None = None) -> tuple[BriefJob, list[str]]:
    """The web form (or a multipart API request): pasted articles, files, a folder and URLs, all optional;
    options come from the form's own fields unless given."""
    options = options or options_from(form.get("words"), form.get("method"), form.get("min_articles"))
    titles = [str(t) for t in form.getlist("title")]
    texts = [str(t) for t in form.getlist("text")]
    inputs: list[Article | RawFile] = [
        pasted_article(i, title, text)
        for i, (title, text) in enumerate(zip(titles + [""] * (len(texts) - len(titles)), texts), 1)
        if text.strip()
    ]
    uploads = [f for f in form.getlist("files") if not isinstance(f, str) and f.filename]
    urls = [u.strip() for u in str(form.get("urls") or "").splitlines() if u.strip()]
    _check_count(len(inputs) + len(uploads) + len(urls), sources.limits)
    for upload in uploads:
        name = PurePath(upload.filename.replace("\\", "/")).name  # a name for messages and ids only, never a path
        inputs.append(RawFile(origin=name, data=await upload.read(), suffix=upload_suffix(name)))
    warnings: list[str] = []
    if form.get("folder"):
        files, warnings = await folder_files(str(form["folder"]), sources)
        inputs += files
    if urls:
        files, unfetched = await _fetch_all(urls, sources)
        inputs += files
        warnings += unfetched
    if not inputs:
        ways = ["paste two or more articles", "upload files"] + ["choose a folder"] * bool(sources.folders) + ["give URLs"] * sources.allow_fetch
        raise ServiceError(f"nothing to brief: {', '.join(ways[:-1])} or {ways[-1]}")
    _check_count(len(inputs), sources.limits)
    return BriefJob(brief_id=new_brief_id(), inputs=tuple(inputs), options=options, max_articles=sources.limits.max_articles), warnings

