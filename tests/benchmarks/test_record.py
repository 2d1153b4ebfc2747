"""benchmarks/record.py: sections are replaced in place, and concurrent writers lose none."""

from __future__ import annotations

import multiprocessing
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from record import write_section  # noqa: E402

WRITERS = 6
ROUNDS = 15


def _write_many(path: str, writer: int) -> None:
    for round_ in range(ROUNDS):
        write_section(f"writer{writer}", f"writer {writer} round {round_}", Path(path))


def test_a_section_is_replaced_and_the_others_kept(tmp_path: Path) -> None:
    results = tmp_path / "results.md"
    write_section("speed", "fast", results)
    write_section("memory", "small", results)
    write_section("speed", "faster", results)
    text = results.read_text(encoding="utf-8")
    assert text.startswith("# Benchmark results\n")
    assert "<!-- speed:begin -->\nfaster\n<!-- speed:end -->" in text
    assert "fast\n" not in text.replace("faster\n", "")
    assert text.index("speed:begin") < text.index("memory:begin")


def test_writers_at_the_same_time_lose_no_section(tmp_path: Path) -> None:
    results = tmp_path / "results.md"
    context = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    workers = [context.Process(target=_write_many, args=(str(results), k)) for k in range(WRITERS)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    text = results.read_text(encoding="utf-8")
    for k in range(WRITERS):
        assert f"writer {k} round {ROUNDS - 1}\n" in text
    assert not list(tmp_path.glob(".results.md.*.tmp"))
