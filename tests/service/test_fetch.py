"""URL fetching: only http(s), only public addresses (every resolved address, every redirect hop).

The refusals run offline: the host names here resolve locally (literals, localhost, numeric forms).
The fetch path itself runs against a real HTTP server on loopback, with a test policy that admits
loopback, since no public address can be reached from the test machine.
"""

from __future__ import annotations

import ipaddress
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from synoptic.errors import InputError
from synoptic.service.errors import FetchRefusedError
from synoptic.service.fetch import checked_address, fetch_url, is_public_address

PAGE = b"<html><head><title>Harbour reopens</title></head><body><article><p>The harbour at Penmoor reopened on Thursday after repairs to the storm wall were finished.</p></article></body></html>"


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("8.8.8.8", True),
        ("2606:4700:4700::1111", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),  # cloud metadata
        ("100.64.0.1", False),  # carrier-grade NAT
        ("0.0.0.0", False),
        ("224.0.0.1", False),  # multicast
        ("::1", False),
        ("fe80::1", False),
        ("fc00::1", False),
        ("::ffff:127.0.0.1", False),  # IPv4-mapped loopback
        ("2002:7f00:1::1", False),  # 6to4 wrapping 127.0.0.1
        ("2002:0808:0808::1", True),  # 6to4 wrapping 8.8.8.8
    ],
)
def test_public_addresses(address: str, public: bool) -> None:
    assert is_public_address(ipaddress.ip_address(address)) is public


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost:8000/admin",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/",
        "http://2130706433/",  # 127.0.0.1 as one number: only resolving reveals it
        "http://0x7f.1/",  # and in hex
        "https://0/",
    ],
)
def test_private_loopback_and_link_local_hosts_are_refused(url: str) -> None:
    with pytest.raises(FetchRefusedError, match="fetches only public addresses") as refused:
        checked_address(url)
    assert refused.value.status == 400


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://example.org/", "javascript:alert(1)", "example.org/story", "http:///nohost"])
def test_other_schemes_and_hostless_urls_are_refused(url: str) -> None:
    with pytest.raises(FetchRefusedError):
        checked_address(url)


class _Site(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        routes = {
            "/story.html": (200, "text/html; charset=utf-8", PAGE),
            "/notes.txt": (200, "text/plain", b"Plain notes."),
            "/image.png": (200, "image/png", b"\x89PNG"),
            "/big.html": (200, "text/html", b"x" * 5000),
        }
        if self.path == "/to-story":
            self._answer(302, "text/plain", b"", location="/story.html")
        elif self.path == "/to-private":
            self._answer(302, "text/plain", b"", location="http://10.255.0.1/story.html")
        elif self.path in routes:
            self._answer(*routes[self.path])
        else:
            self._answer(404, "text/plain", b"missing")

    def _answer(self, status: int, kind: str, body: bytes, location: str | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        if location:
            self.send_header("Location", location)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def loopback_only(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return address.is_loopback


def test_the_default_policy_refuses_a_server_that_is_really_there(site: str) -> None:
    with pytest.raises(FetchRefusedError, match="loopback"):
        fetch_url(f"{site}/story.html")


def test_pages_are_fetched_and_redirects_followed(site: str) -> None:
    page = fetch_url(f"{site}/to-story", allow=loopback_only)
    assert page.url == f"{site}/story.html" and page.suffix == ".html" and page.data == PAGE
    assert fetch_url(f"{site}/notes.txt", allow=loopback_only).suffix == ".txt"


def test_a_redirect_to_a_refused_address_is_refused(site: str) -> None:
    with pytest.raises(FetchRefusedError, match="10.255.0.1"):
        fetch_url(f"{site}/to-private", allow=loopback_only)


@pytest.mark.parametrize(("path", "problem"), [("/image.png", "image/png"), ("/missing", "404"), ("/big.html", "larger than")])
def test_unusable_pages_are_input_errors(site: str, path: str, problem: str) -> None:
    with pytest.raises(InputError, match=problem):
        fetch_url(f"{site}{path}", allow=loopback_only, max_bytes=4096)
