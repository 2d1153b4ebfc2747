"""benchmarks/results.md holds every benchmark's latest figures, one section per script.

A script replaces only its own section, between ``<!-- NAME:begin -->`` and ``<!-- NAME:end -->``
(appended at the end the first time), so re-running one benchmark never wipes another's record.
"""

from __future__ import annotations

import re
from pathlib import Path

RESULTS = Path(__file__).resolve().with_name("results.md")


def write_section(name: str, markdown: str, path: Path = RESULTS) -> None:
    """Put ``markdown`` in section ``name`` of the results file, keeping every other section."""
    begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
    block = f"{begin}\n{markdown.strip()}\n{end}"
    text = path.read_text(encoding="utf-8") if path.is_file() else "# Benchmark results\n"
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _: block, text)
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
