"""benchmarks/brief_dense.py: its made-up articles are what it says, every sentence read and similar to nearly every other."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import brief_dense  # noqa: E402

from synoptic.analyze.vectors import similarity_matrix  # noqa: E402
from synoptic.ingest.jsonfmt import article_from_dict  # noqa: E402
from synoptic.pipeline import prepare_corpus  # noqa: E402


def test_every_written_sentence_is_read_and_the_similarity_is_nearly_dense() -> None:
    articles = brief_dense.shared_wording_articles(3, 20)
    corpus = prepare_corpus([article_from_dict(a, "made-up article", a["id"]) for a in articles])
    assert len(corpus.sentences) == 60 and not corpus.removals
    assert similarity_matrix(corpus).nnz >= 0.9 * 60 * 60  # nearly every pair shares enough words
