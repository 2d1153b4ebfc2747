"""benchmarks/results.md holds every benchmark's latest figures, one section per script.

A script replaces only its own section, between ``<!-- NAME:begin -->`` and ``<!-- NAME:end -->``
(appended at the end the first time), so re-running one benchmark never wipes another's record.
Two benchmarks may finish at the same moment: the read-modify-write holds an exclusive lock on a
sidecar file and the new text replaces the old in one rename, so neither loses its section.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

RESULTS = Path(__file__).resolve().with_name("results.md")


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path``'s sidecar lock file (a no-op where fcntl is missing)."""
    try:
        import fcntl
    except ImportError:  # Windows: benchmarks there are run one at a time
        yield
        return
    with open(path.with_name(path.name + ".lock"), "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def write_section(name: str, markdown: str, path: Path = RESULTS) -> None:
    """Put ``markdown`` in section ``name`` of the results file, keeping every other section."""
    begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
    block = f"{begin}\n{markdown.strip()}\n{end}"
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.DOTALL)
    with _locked(path):
        text = path.read_text(encoding="utf-8") if path.is_file() else "# Benchmark results\n"
        if pattern.search(text):
            text = pattern.sub(lambda _: block, text)
        else:
            text = text.rstrip("\n") + "\n\n" + block + "\n"
        handle, scratch = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text if text.endswith("\n") else text + "\n")
        os.replace(scratch, path)
