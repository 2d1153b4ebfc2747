"""Fetching article pages by URL, which the server does only when started with ``--allow-fetch``.

A server that fetches whatever its clients name can be turned against the network it sits in
(server-side request forgery): the cloud metadata address, an admin page on localhost, a printer on
the office LAN. So only http and https are fetched; the host is resolved once and *every* address it
resolves to must be public; the connection goes to that checked address (a second DNS answer cannot
swap in a private one); redirects are followed by hand and each hop is checked the same way.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from synoptic.errors import InputError
from synoptic.service.errors import FetchRefusedError

ALLOWED_SCHEMES = ("http", "https")
FETCH_TIMEOUT_S = 10.0  # per connect and per read; a news page that takes longer is not worth holding a worker
MAX_REDIRECTS = 5  # news sites redirect http→https→canonical, rarely more than three hops
MAX_PAGE_BYTES = 5 * 1024 * 1024  # the largest news pages we have seen are ~2 MB of HTML with inline scripts
_SUFFIX_BY_TYPE = {"text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt"}
_USER_AGENT = "synoptic (one brief of many reports; fetches only what its user asked for)"

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class FetchedPage:
    url: str  # after redirects
    data: bytes
    suffix: str  # reader to use: ".html" or ".txt"


def is_public_address(address: Address) -> bool:
    """Globally routable unicast, including any IPv4 address an IPv6 one embeds (mapped, 6to4, Teredo)."""
    if not address.is_global or address.is_multicast:
        return False
    if isinstance(address, ipaddress.IPv6Address):
        embedded = [address.ipv4_mapped, address.sixtofour, *(address.teredo or ())]
        return all(is_public_address(inner) for inner in embedded if inner is not None)
    return True


def checked_address(url: str, allow: Callable[[Address], bool] = is_public_address) -> tuple[str, int, Address]:
    """(host, port, the address to connect to) for an http(s) URL whose host resolves only to allowed addresses."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise FetchRefusedError(f"{url}: only http and https URLs are fetched, not '{parts.scheme or 'no scheme'}'; give a web address")
    host = parts.hostname
    if not host:
        raise FetchRefusedError(f"{url}: the URL names no host; give a full address such as https://example.org/story")
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except ValueError:
        raise FetchRefusedError(f"{url}: the port is not a number from 1 to 65535; fix the URL") from None
    except (socket.gaierror, UnicodeError) as exc:
        raise InputError(url, f"cannot resolve the host ({exc})", "check the address") from None
    addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
    refused = [a for a in addresses if not allow(a)]
    if refused or not addresses:
        kinds = ", ".join(sorted({_kind(a) for a in refused})) or "no"
        raise FetchRefusedError(
            f"{url}: the host resolves to {', '.join(map(str, refused or addresses))} ({kinds} address); "
            "this server fetches only public addresses"
        )
    return host, port, addresses[0]


def _kind(address: Address) -> str:
    for kind in ("loopback", "private", "link_local", "multicast", "reserved", "unspecified"):
        if getattr(address, f"is_{kind}"):
            return kind.replace("_", "-")
    return "non-public"


class _PinnedHTTP(http.client.HTTPConnection):
    """An HTTP connection to a checked address, sending the URL's own host name."""

    def __init__(self, host: str, port: int, address: Address, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self.address = str(address)

    def connect(self) -> None:
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    """An HTTPS connection to a checked address; the certificate is still verified against the host name."""

    def __init__(self, host: str, port: int, address: Address, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self.address = str(address)

    def connect(self) -> None:
        sock = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def fetch_url(url: str, allow: Callable[[Address], bool] = is_public_address, max_bytes: int = MAX_PAGE_BYTES) -> FetchedPage:
    """GET an article page, refusing non-public addresses at every hop (tests may pass a wider ``allow``)."""
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        host, port, address = checked_address(current, allow)
        parts = urlsplit(current)
        kind = _PinnedHTTPS if parts.scheme.lower() == "https" else _PinnedHTTP
        conn = kind(host, port, address, FETCH_TIMEOUT_S)
        try:
            target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            conn.request("GET", target, headers={"User-Agent": _USER_AGENT, "Accept": "text/html, text/plain;q=0.8"})
            response = conn.getresponse()
            if response.status in (301, 302, 303, 307, 308) and response.getheader("Location"):
                current = urljoin(current, response.getheader("Location", ""))
                continue
            if response.status != 200:
                raise InputError(url, f"the server answered {response.status} {response.reason}", "check the address, or paste the article text")
            media_type = (response.getheader("Content-Type") or "text/html").split(";")[0].strip().lower()
            suffix = _SUFFIX_BY_TYPE.get(media_type)
            if suffix is None:
                raise InputError(url, f"the page is {media_type}, not HTML or text", "give the address of an article page")
            data = response.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise InputError(url, f"the page is larger than {max_bytes // (1024 * 1024)} MB", "save the article text and paste it instead")
            return FetchedPage(url=current, data=data, suffix=suffix)
        except (OSError, http.client.HTTPException) as exc:
            raise InputError(url, f"cannot fetch ({type(exc).__name__}: {exc})", "check the address, or paste the article text") from None
        finally:
            conn.close()
    raise InputError(url, f"more than {MAX_REDIRECTS} redirects", "give the final address of the article")
