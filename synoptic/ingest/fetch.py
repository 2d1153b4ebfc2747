"""Fetching a feed or page by URL, only when asked (``--allow-fetch``) and only from the public internet.

synoptic runs offline by default. When a user allows fetching, a URL must be http(s) and every
address its host resolves to must be public: loopback, private, link-local (cloud metadata
services), multicast and reserved addresses are refused, so an input list cannot make synoptic probe
the machine's own network. The address checks and the connections pinned to the checked address are
the service's (synoptic.service.fetch, stdlib only); this loop differs in what it accepts: feeds
(RSS/Atom/XML) as well as pages, with the content type handed back to pick the reader.
"""

from __future__ import annotations

import http.client
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from synoptic import __version__
from synoptic.errors import InputError
from synoptic.service.fetch import (
    Address,
    _PinnedHTTP,
    _PinnedHTTPS,
    checked_address,
    is_public_address,
)

MAX_BYTES = 20 * 1024 * 1024  # a day's feed of a busy site with full content stays under 10 MB
TIMEOUT_S = 20.0
MAX_REDIRECTS = 5


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str


def fetch(url: str, allow: Callable[[Address], bool] = is_public_address) -> Fetched:
    """GET ``url``, following up to MAX_REDIRECTS redirects, each hop checked; every problem is an
    InputError (a refused address included). Tests pass a wider ``allow`` to reach localhost."""
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        host, port, address = checked_address(current, allow)
        parts = urlsplit(current)
        connection = (_PinnedHTTPS if parts.scheme.lower() == "https" else _PinnedHTTP)(host, port, address, TIMEOUT_S)
        try:
            target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            connection.request("GET", target, headers={"User-Agent": f"synoptic/{__version__}", "Accept": "*/*"})
            response = connection.getresponse()
            location = response.getheader("Location")
            if response.status in (301, 302, 303, 307, 308) and location:
                current = urljoin(current, location)
                continue
            if response.status != 200:
                raise InputError(url, f"the server answered HTTP {response.status} {response.reason}", "check the URL")
            data = response.read(MAX_BYTES + 1)
        except (OSError, http.client.HTTPException) as exc:
            raise InputError(url, f"cannot fetch ({type(exc).__name__}: {exc})", "check the URL and the network") from None
        finally:
            connection.close()
        if len(data) > MAX_BYTES:
            raise InputError(url, f"the answer is larger than {MAX_BYTES // (1024 * 1024)} MB", "save it and give the file")
        return Fetched(current, data, response.getheader("Content-Type") or "")
    raise InputError(url, f"more than {MAX_REDIRECTS} redirects", "give the final URL")
