"""A real server for the service tests: `python -m synoptic serve` as a subprocess on a free loopback port."""

from __future__ import annotations

import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from synoptic.ingest import read_inputs
from tests.conftest import ROOT, SAMPLE

START_TIMEOUT_S = 90  # spawning the brief workers imports numpy, scipy and trafilatura; slow on a busy 2-core box
_READY = re.compile(r"serving on (http://\S+?)/? ")


class ServerProcess:
    """One `synoptic serve` process; ``url`` is known once it says it is serving."""

    def __init__(self, db: Path, *args: str) -> None:
        self.db = db
        self.args = args
        self.url = ""
        self.proc: subprocess.Popen[str] | None = None
        self.log: list[str] = []

    def start(self) -> ServerProcess:
        command = [sys.executable, "-m", "synoptic", "serve", "--port", "0", "--db", str(self.db), *self.args]
        self.proc = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        lines: queue.Queue[str | None] = queue.Queue()

        def drain() -> None:  # keep reading, or a chatty server would block on a full pipe
            assert self.proc is not None and self.proc.stderr is not None
            for line in self.proc.stderr:
                self.log.append(line)
                lines.put(line)
            lines.put(None)

        threading.Thread(target=drain, daemon=True).start()
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            try:
                line = lines.get(timeout=1)
            except queue.Empty:
                continue
            if line is None:
                raise AssertionError(f"the server exited with {self.proc.wait()}: {''.join(self.log)}")
            if match := _READY.search(line):
                self.url = match.group(1)
                return self
        self.kill()
        raise AssertionError(f"the server did not start in {START_TIMEOUT_S} s: {''.join(self.log)}")

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def stop(self) -> int:
        """SIGTERM, as a service manager stops it: uvicorn finishes requests and the workers shut down,
        then uvicorn re-raises the signal, so the exit status is -SIGTERM."""
        assert self.proc is not None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                return self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        return self.proc.wait()

    def kill(self) -> None:
        """SIGKILL: no shutdown code runs at all."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()


@pytest.fixture
def start_server(tmp_path: Path) -> Iterator:
    """A factory: start_server(db, *args) starts a server; every server started is stopped at the end."""
    started: list[ServerProcess] = []

    def start(db: Path | None = None, *args: str) -> ServerProcess:
        server = ServerProcess(db or tmp_path / "briefs.db", *args).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.kill()


def sample_cluster(cluster_id: str = "varrow") -> dict:
    """The bundled sample as a cluster body, read the way the CLI reads it."""
    articles = read_inputs([str(SAMPLE)]).articles
    fields = ("id", "title", "text", "date", "source", "url")
    return {"id": cluster_id, "articles": [{name: getattr(a, name) for name in fields} for a in articles]}


STORY = [
    (
        "Ferry sailings between Dunmore and Carrick resumed on Saturday after a week of storms kept every boat in harbour. "
        "The operator said the first crossing left at nine and that the normal timetable would return on Monday."
    ),
    (
        "The Dunmore to Carrick ferry sailed again on Saturday after storms had kept the boats in harbour for a week. "
        "Passengers queued from early morning, and the operator said the normal timetable would return on Monday."
    ),
]


def small_cluster(tag: str = "") -> list[dict]:
    """Two short made-up reports: quick to brief, so tests can make many."""
    return [{"id": f"f{i + 1}", "title": f"Ferry sails again {tag}".strip(), "text": text} for i, text in enumerate(STORY)]


@pytest.fixture(scope="module")
def articles_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A server-owned folder: the sample, a hidden folder, and links that point outside it."""
    root = tmp_path_factory.mktemp("articles")
    shutil.copytree(SAMPLE, root / "varrow-pass")
    (root / "varrow-pass" / "notes.md").write_text("Made-up notes on the landslide reports: no article.\n")
    outside = tmp_path_factory.mktemp("outside")
    (outside / "secret.txt").write_text("Secret headline\n\nThis file lies outside the articles folder and must never be read.\n")
    (root / ".hidden").mkdir()
    (root / "varrow-pass" / "zz_secret.txt").symlink_to(outside / "secret.txt")
    (root / "linked").symlink_to(outside, target_is_directory=True)
    return root


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, articles_dir: Path) -> Iterator[ServerProcess]:
    """The API tests' server: small limits so the 413s are cheap to reach, one brief worker."""
    db = tmp_path_factory.mktemp("db") / "briefs.db"
    process = ServerProcess(db, "--workers", "1", "--max-articles", "8", "--max-body-mb", "1", "--articles-dir", str(articles_dir)).start()
    yield process
    assert process.stop() in (0, -signal.SIGTERM), "".join(process.log)
    assert not db.with_name(db.name + "-wal").exists()  # a clean stop closed the store (the last close checkpoints the WAL)


def assert_error(response: httpx.Response, status: int, *needles: str) -> None:
    """The service's error answer: the status, and one line of JSON that contains each needle."""
    assert response.status_code == status, response.text
    body = response.json()
    assert body["status"] == status and isinstance(body["error"], str) and "\n" not in body["error"]
    for needle in needles:
        assert needle in body["error"], body["error"]


def normalised(text: str) -> str:
    return " ".join(text.split())


def assert_spans_index(brief: dict, texts: dict[str, str]) -> None:
    """Every summary sentence's first evidence span is the sentence (or it, trimmed) in the article as stored."""
    assert brief["summary"]
    for sentence in brief["summary"]:
        first = sentence["evidence"][0]
        span = normalised(texts[first["article"]][first["start"] : first["end"]])
        assert span == sentence["text"] or span.startswith(sentence["text"][:-1]), (span, sentence["text"])


def process_alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie waiting to be reaped counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
    return found


needs_proc = pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs Linux /proc to find the worker processes")
