"""benchmarks/baselines_dense.py: its cluster is one eval can score, and a run past the memory limit is reported, not hidden."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import baselines_dense  # noqa: E402


def test_a_small_cluster_is_scored_and_a_run_past_the_limit_says_how_it_failed(tmp_path: Path) -> None:
    path = baselines_dense.write_cluster(2, 10, tmp_path)
    seconds, peak_mb, outcome = baselines_dense.eval_once(path, "lead", 8 * 1024**3)
    assert outcome == "ok" and seconds > 0 and peak_mb > 0
    assert baselines_dense.eval_once(path, "lead", 64 * 1024**2)[2] != "ok"  # 64 MB: too little to load numpy
