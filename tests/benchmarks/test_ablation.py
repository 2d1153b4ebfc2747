"""benchmarks/ablation.py: every variant replaces names the default method really has."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import ablation  # noqa: E402

from synoptic.summarize import methods  # noqa: E402


@pytest.mark.parametrize("label", list(ablation.VARIANTS))
def test_every_variant_patches_an_existing_name(label: str) -> None:
    method, constants = ablation.VARIANTS[label]
    assert method in {"default", "coverage"}
    for name in constants:
        assert hasattr(methods, name), f"{label}: synoptic.summarize.methods has no {name}"
