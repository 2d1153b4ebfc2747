"""Errors the service adds to synoptic's own, each carrying the HTTP status a client should see."""

from __future__ import annotations

from synoptic.errors import OptionsError, SynopticError


class ServiceError(SynopticError):
    """An error with an HTTP status; the message still names the bad input and what to do."""

    status = 400

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        if status is not None:
            self.status = status


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
