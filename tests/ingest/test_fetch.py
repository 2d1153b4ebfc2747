"""Fetching feeds by URL: only with --allow-fetch, never from loopback or private addresses, and a
real HTTP server process (on localhost, which tests allow explicitly) for the happy path."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import pytest

from synoptic.cli import main
from synoptic.errors import SynopticError
from synoptic.ingest import fetched_articles, iter_articles
from synoptic.ingest.fetch import fetch
from tests.ingest.test_feeds import RSS


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def feed_server(tmp_path):
    (tmp_path / "gazette.xml").write_text(RSS, encoding="utf-8")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(tmp_path)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_fetch_from_a_real_server_when_loopback_is_allowed(feed_server):
    fetched = fetch(f"{feed_server}/gazette.xml", allow=lambda address: True)
    assert "xml" in fetched.content_type
    items = list(fetched_articles(fetched))
    assert [type(x).__name__ for x in items] == ["InputError", "Article", "Article"]  # the teaser entry, then two
    assert items[1].title == "Ferry sails again after storms"


def test_loopback_is_refused_by_default(feed_server):
    with pytest.raises(SynopticError, match="loopback"):
        fetch(f"{feed_server}/gazette.xml")
    [error] = list(iter_articles([f"{feed_server}/gazette.xml"], allow_fetch=True))
    assert "loopback" in str(error)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://169.254.169.254/latest/meta-data/", "resolves to 169.254.169.254"),
        ("http://10.1.2.3/feed.xml", "private"),
        ("http://[::1]/feed.xml", "loopback"),
        ("ftp://example.org/feed.xml", "only http and https"),
        ("file:///etc/passwd", "only http and https"),
    ],
)
def test_non_public_addresses_and_other_schemes_are_refused(url, message):
    with pytest.raises(SynopticError, match=message):
        fetch(url)


def test_urls_need_allow_fetch(tmp_path, capsys):
    assert main(["stories", "ingest", "https://news.example/feed.xml", "--db", str(tmp_path / "s.db")]) == 1
    err = capsys.readouterr().err
    assert "pass --allow-fetch" in err and "Traceback" not in err
