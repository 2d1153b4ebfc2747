"""Errors the service adds to synoptic's own, each carrying the HTTP status a client should see."""

from __future__ import annotations

import re
from typing import Any

from synoptic.errors import OptionsError, SynopticError


class ServiceError(SynopticError):
    """An error with an HTTP status; the message still names the bad input and what to do.

    ``page_message`` is the same for a person at a web page, where the advice is a page to open, not an
    API request to send; it defaults to the message."""

    status = 400

    def __init__(self, message: str, status: int | None = None, page_message: str | None = None) -> None:
        super().__init__(message)
        if status is not None:
            self.status = status
        self.page_message = page_message or message


# The form's labels for the Options fields a message can name (synoptic.errors: ``option``).
FORM_LABELS = {"words": "Words", "min_articles": "Fewest articles", "method": "Method"}


def form_wording(exc: SynopticError) -> str:
    """The message for a person at the form: the option it names spelled as the field's label
    ("min_articles=1" → '"Fewest articles" set to 1'), as the command line spells its flag."""
    label = FORM_LABELS.get(exc.option or "")
    if label is None:
        return str(exc)
    return re.sub(rf"\b{exc.option}\b(=?)", lambda m: f'"{label}"' + (" set to " if m.group(1) else ""), str(exc), count=1)


class TooLargeError(ServiceError):
    """A request over the body-size or article-count limit."""

    status = 413


class NotFoundError(ServiceError):
    """An unknown brief or folder."""

    status = 404


class FetchRefusedError(ServiceError):
    """A URL the server will not fetch: fetching is off (403) or the address is not public (400)."""


class OverloadedError(ServiceError):
    """Too many briefs are waiting for a worker; the client should retry later."""

    status = 503


def status_of(exc: SynopticError) -> int:
    """Bad options are a validation failure (422); any other input problem is a bad request (400)."""
    if isinstance(exc, ServiceError):
        return exc.status
    return 422 if isinstance(exc, OptionsError) else 400


_ERROR_MEANINGS = {
    400: "bad input: unreadable JSON, too few articles, no usable text, a URL it will not fetch",
    403: "URL fetching is off, or a write from another site's page",
    404: "no such brief, story or folder (or no story store is served)",
    413: "the body or the number of articles is over the server's limit",
    415: "a body that is neither JSON nor a form",
    422: "bad options (words, method, min_articles) or a bad date",
    503: "too many briefs waiting; retry after the Retry-After seconds",
}
_ERROR_BODY = {"application/json": {"schema": {"type": "object", "properties": {"error": {"type": "string"}, "status": {"type": "integer"}}}}}


def error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI description of a route's error answers (all share the one-line JSON error body)."""
    return {code: {"description": _ERROR_MEANINGS[code], "content": _ERROR_BODY} for code in codes}
