"""JSON and JSONL in the cluster format of DESIGN.md, or bare lists of articles."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path, PurePath
from typing import Any, BinaryIO

from synoptic.errors import InputError
from synoptic.ingest.base import READERS, decode_text, stable_id
from synoptic.ingest.records import ReadArticles
from synoptic.model import Article, Cluster

_ARTICLE_FIELDS = "title, text, url, date, source (only text is required)"
_JSON_TYPES = {list: "list", dict: "object", int: "number", float: "number", bool: "boolean"}


def _optional_str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def article_from_dict(item: Any, origin: str, fallback_id: str) -> Article:
    if isinstance(item, str):
        item = {"text": item}
    if not isinstance(item, dict):
        raise InputError(origin, f"an article must be a JSON object, not {type(item).__name__}", f"give objects with {_ARTICLE_FIELDS}")
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        which = f"article '{item['id']}'" if item.get("id") is not None else "the article"  # ``origin`` says where it is
        if text is not None and not isinstance(text, str):  # a scraper's list of paragraphs, a number
            raise InputError(origin, f"{which} has a \"text\" that is a {_JSON_TYPES.get(type(text), 'value')}, not a string", "give the article's text as one JSON string")
        raise InputError(origin, f"{which} has no text", f"give each article a non-empty \"text\"; fields: {_ARTICLE_FIELDS}")
    article_id = _optional_str(item.get("id")) or _optional_str(item.get("doc_id")) or fallback_id
    return Article(
        id=article_id,
        text=text,
        title=_optional_str(item.get("title")),
        date=_optional_str(item.get("date")),
        source=_optional_str(item.get("source")),
        url=_optional_str(item.get("url")),
        origin=origin,
    )


def cluster_from_dict(data: Any, origin: str, fallback_id: str, skipped: list[InputError] | None = None) -> Cluster:
    """A cluster object, or a bare list of articles, into a Cluster with unique article ids. A bad article
    fails the cluster, unless ``skipped`` is given: then its error goes there and the rest are kept (a
    stream's unit is the article, so one empty article must not lose its cluster's others)."""
    if isinstance(data, list):
        data = {"articles": data}
    if not isinstance(data, dict) or not isinstance(data.get("articles"), list):
        raise InputError(origin, "expected a cluster object with an \"articles\" list (or a list of articles)", "see the cluster format in README")
    cluster_id = _optional_str(data.get("id")) or fallback_id
    named = f"{origin} (cluster {cluster_id})" if _optional_str(data.get("id")) else origin  # a batch skips the cluster: say which
    articles: list[Article] = []
    seen: set[str] = set()
    for i, item in enumerate(data["articles"]):
        text = item.get("text") if isinstance(item, dict) else item
        fallback = stable_id(cluster_id, str(i), text if isinstance(text, str) else "")
        try:
            article = article_from_dict(item, origin, fallback)
        except InputError as exc:  # named by its place in the list: an article without text has no name of its own
            error = InputError(f"{named} article {i + 1}", exc.problem, exc.advice)
            if skipped is None:
                raise error from None
            skipped.append(error)
            continue
        if article.id in seen:  # ids must be unique within a brief, or citations become ambiguous
            article = Article(**{**article.__dict__, "id": f"{article.id}~{i}"})
        seen.add(article.id)
        articles.append(article)
    summary = data.get("summary") or []
    if not isinstance(summary, (str, list)):
        raise InputError(origin, f"cluster '{cluster_id}' has a \"summary\" that is a {type(summary).__name__}", "give the reference summaries as a string or a list of strings")
    references = (summary,) if isinstance(summary, str) else tuple(str(s) for s in summary)
    return Cluster(id=cluster_id, articles=tuple(articles), date=_optional_str(data.get("date")), references=references, origin=origin)


_FIX_JSON = "fix the JSON or give the file a .txt extension"
_FIX_LINE = "fix the line: each line of a .jsonl file is one JSON object"


def _parse_json(text: str, origin: str, advice: str = _FIX_JSON) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        at = f"column {exc.colno}" if "\n" not in text else f"line {exc.lineno} column {exc.colno}"  # a JSONL line is one line
        problem = exc.msg.removesuffix(" at")  # "Invalid control character at": the position follows
        raise InputError(origin, f"not valid JSON ({problem} at {at})", advice) from None
    except RecursionError:  # valid JSON nested deeper than Python's parser goes: no article file looks like it
        raise InputError(origin, "JSON nested too deeply to read", "give articles or a cluster as flat JSON (see the README's formats)") from None


def _some_articles(articles: list[Article], origin: str) -> list[Article]:
    """``articles``, or an error when the input holds none ("[]"): an empty input is a mistake, not a brief."""
    if not articles:
        raise InputError(origin, "holds no articles", f"give a list of article objects with {_ARTICLE_FIELDS}")
    return articles


@READERS.register(".json")
def read_json(data: bytes, origin: str) -> list[Article]:
    parsed = _parse_json(decode_text(data, origin), origin)
    if isinstance(parsed, dict) and "text" in parsed and "articles" not in parsed:
        parsed = [parsed]
    return _some_articles(list(cluster_from_dict(parsed, origin, PurePath(origin).stem).articles), origin)


@READERS.register(".jsonl")
def read_jsonl(data: bytes, origin: str) -> list[Article]:
    """Lines of articles, or exactly one cluster line (several clusters need ``--clusters``). A bad
    line is reported with its number and skipped, as ``synoptic stories ingest`` does."""
    lines = [(n, line) for n, line in enumerate(decode_text(data, origin).splitlines(), 1) if line.strip()]
    records: list[Any] = []
    skipped: list[InputError] = []
    for n, line in lines:
        where = f"{origin} line {n}"
        try:
            record = _parse_json(line, where, _FIX_LINE)
            if not (isinstance(record, dict) and "articles" in record):
                article_from_dict(record, where, f"line {n}")  # checked here, so that the error names its line
            records.append(record)
        except InputError as exc:
            skipped.append(exc)
    if records and all(isinstance(r, dict) and "articles" in r for r in records):
        if len(records) > 1:
            raise InputError(origin, f"holds {len(records)} clusters", "brief each cluster with: synoptic brief --clusters FILE.jsonl --format jsonl")
        return ReadArticles(_some_articles(list(cluster_from_dict(records[0], origin, PurePath(origin).stem).articles), origin), skipped)
    if not records:
        return ReadArticles(skipped=skipped)  # every line reported; nothing to brief
    return ReadArticles(cluster_from_dict(records, origin, PurePath(origin).stem).articles, skipped)


def iter_article_lines(stream: BinaryIO, origin: str) -> Iterator[Article | InputError]:
    """Articles of a JSONL stream one line at a time (constant memory): each line an article object,
    or a cluster object whose articles are yielded in turn; a bad line, or a bad article of a cluster
    line, yields its error."""
    for n, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        where = f"{origin} line {n}"
        try:
            record = _parse_json(decode_text(raw, where).rstrip("\r\n"), where, _FIX_LINE)
            if isinstance(record, dict) and "articles" in record:
                bad: list[InputError] = []
                cluster = cluster_from_dict(record, where, f"cluster-{n}", bad)
                yield from bad
                yield from _dated_by_cluster(cluster)
            else:
                content = record.get("text", "") if isinstance(record, dict) else str(record)
                yield article_from_dict(record, where, stable_id(str(content)))  # no id: one from the text
        except InputError as exc:
            yield exc


def _dated_by_cluster(cluster: Cluster) -> Iterator[Article]:
    """The cluster's articles, an undated one dated approximately by the cluster's ``date``: a stream
    otherwise gives it the newest day it has seen, which may be months after the cluster's story."""
    for article in cluster.articles:
        yield article if article.date or not cluster.date else replace(article, date=cluster.date, date_approximate=True)


def iter_clusters(path: Path | str) -> Iterator[Cluster | InputError]:
    """Clusters of a JSONL file one line at a time (constant memory); a bad line yields its error."""
    origin = str(path) if str(path) != "-" else "<stdin>"  # as every other reader names it
    try:
        handle = open(path, "rb") if origin != "<stdin>" else None
    except OSError as exc:
        yield InputError(origin, f"cannot open ({exc.strerror})", "check the path")
        return
    import sys

    stream = handle if handle is not None else sys.stdin.buffer
    try:
        for n, raw in enumerate(stream, 1):
            if not raw.strip():
                continue
            where = f"{origin} line {n}"
            try:
                yield cluster_from_dict(_parse_json(decode_text(raw, where).rstrip("\r\n"), where, _FIX_LINE), where, f"cluster-{n}")
            except InputError as exc:
                yield exc
    finally:
        if handle is not None:
            handle.close()
