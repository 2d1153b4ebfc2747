"""Brief latency end to end (ingest → clean → segment → summarize → cite → render), median of runs.

Measures the bundled sample and, when present, ../shared/seeds, in one process (warm imports), plus
the cold CLI once. Run: .venv/bin/python benchmarks/brief_latency.py [--repeat 20]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from synoptic import Options, make_brief
from synoptic.ingest import read_inputs
from synoptic.render import RENDERERS

ROOT = Path(__file__).resolve().parents[1]


def median_ms(path: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        brief = make_brief(read_inputs([str(path)]).articles, Options(words=100))
        RENDERERS.get("json")(brief)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    inputs = {"sample": ROOT / "examples" / "varrow-pass", "seeds": ROOT.parent / "shared" / "seeds"}
    for name, path in inputs.items():
        if not path.is_dir():
            print(f"{name}: not present, skipped")
            continue
        warm = median_ms(path, args.repeat)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "synoptic", "brief", str(path)], check=True, capture_output=True)
        cold = (time.perf_counter() - started) * 1000
        print(f"{name}: median {warm:.1f} ms per brief in-process ({args.repeat} runs); cold CLI {cold:.0f} ms")


if __name__ == "__main__":
    main()
