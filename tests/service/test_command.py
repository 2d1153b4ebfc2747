"""`synoptic serve` from the command line: lazy imports, the missing extra, bad options, a busy port."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

from synoptic.service.command import default_db_path
from tests.service.story_articles import build_story_store


def run(*args: str, code: str | None = None) -> subprocess.CompletedProcess:
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "synoptic", *args]
    return subprocess.run(command, check=False, capture_output=True, text=True, timeout=120)


def assert_one_line_error(proc: subprocess.CompletedProcess, status: int, needle: str) -> None:
    assert proc.returncode == status, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("synoptic: error: ") and needle in lines[0], proc.stderr


def test_the_cli_does_not_import_the_server_extra() -> None:
    proc = run(code="import sys; from synoptic.cli import build_parser; build_parser(); print(sorted(m for m in ('fastapi', 'uvicorn', 'jinja2') if m in sys.modules))")
    assert proc.stdout.strip() == "[]", proc.stderr


def test_without_the_extra_serve_says_how_to_install_it() -> None:
    proc = run(code="import sys; sys.modules['fastapi'] = None; from synoptic.cli import main; sys.exit(main(['serve', '--port', '0']))")
    assert_one_line_error(proc, 1, "pip install 'synoptic[server]'")


def test_bad_options_exit_2(tmp_path: Path) -> None:
    assert_one_line_error(run("serve", "--port", "70000", "--db", str(tmp_path / "b.db")), 2, "--port must be from 0 to 65535")
    assert_one_line_error(run("serve", "--workers", "0", "--db", str(tmp_path / "b.db")), 2, "--workers must be at least 1")


def test_a_busy_port_and_a_missing_folder_are_one_line_errors(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert_one_line_error(run("serve", "--port", str(port), "--db", str(tmp_path / "b.db")), 1, "cannot listen")
    assert_one_line_error(run("serve", "--port", "0", "--db", str(tmp_path / "b.db"), "--articles-dir", str(tmp_path / "nope")), 1, "no such folder")
    assert_one_line_error(run("serve", "--port", "0", "--db", str(tmp_path)), 1, "cannot open the brief store")


def test_a_missing_or_wrong_story_store_is_a_one_line_error(tmp_path: Path) -> None:
    briefs = tmp_path / "b.db"
    assert_one_line_error(run("serve", "--port", "0", "--db", str(briefs), "--stories-db", str(tmp_path / "none.db")), 1, "no such story store; build one with")
    assert not (tmp_path / "none.db").exists()  # never created
    stories = build_story_store(tmp_path / "stories.db")
    assert_one_line_error(run("serve", "--port", "0", "--db", str(stories), "--stories-db", str(stories)), 2, "both name")


def test_the_default_store_follows_xdg(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_db_path() == tmp_path / "synoptic" / "briefs.db"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert default_db_path() == Path.home() / ".local" / "share" / "synoptic" / "briefs.db"
