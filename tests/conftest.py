"""Shared builders: articles and clusters in a few lines, and paths to bundled and shared data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from synoptic.model import Article

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "varrow-pass"
SHARED = ROOT.parent / "shared"


def make_article(text: str, id: str = "a1", **fields: str | None) -> Article:
    return Article(id=id, text=text, **fields)


def make_cluster_dict(texts: list[str], cluster_id: str = "c1", **extra: object) -> dict:
    return {"id": cluster_id, "articles": [{"id": f"a{i + 1}", "text": t} for i, t in enumerate(texts)], **extra}


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def sample_dir() -> Path:
    return SAMPLE


@pytest.fixture
def seeds_dir() -> Path:
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is not present (only in the development workspace)")
    return seeds


@pytest.fixture
def shared_data() -> Path:
    data = SHARED / "data"
    if not data.is_dir():
        pytest.skip("../shared/data is not present (only in the development workspace)")
    return data
