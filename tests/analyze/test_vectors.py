"""The sparse sentence similarity: exactly the full product's cosines at or above the floor, however
many bands it is computed in, and no more than the cap a row; the bands themselves; and the readers'
thresholds it must not cut."""

from __future__ import annotations

import numpy as np
import pytest

from synoptic.analyze import vectors
from synoptic.analyze.sentences import Corpus, build_corpus
from synoptic.analyze.vectors import (
    SIMILARITY_FLOOR,
    article_centroids,
    product_bands,
    row_cosines,
    similarity_matrix,
    tfidf_matrix,
)
from synoptic.clean import clean_cluster
from tests.conftest import make_article

REPORTS = [
    "The harbour bridge at Pellmouth closed on Tuesday after engineers found a crack in its main span. "
    "Ferries carried commuters across the estuary while the bridge stayed shut. "
    "The council said repairs would cost about four million pounds.",
    "Engineers closed the Pellmouth harbour bridge on Tuesday when they found a crack in the main span. "
    "Commuters crossed the estuary by ferry instead. "
    "A bakery on the quay sold out of bread by noon.",
    "Repairs to the cracked harbour bridge will cost roughly four million pounds, the council said. "
    "The bridge was closed on Tuesday. "
    "Local schools will open late on Wednesday because of the traffic.",
]


def corpus_of(texts: list[str]) -> Corpus:
    return build_corpus(clean_cluster([make_article(t, id=f"a{i}") for i, t in enumerate(texts)]))


def full_product(corpus: Corpus) -> np.ndarray:
    """The dense n×n cosines the similarity used to be: what every band must reproduce bit for bit."""
    matrix = tfidf_matrix(corpus)
    return np.asarray((matrix @ matrix.T).todense())


@pytest.mark.parametrize("cells", [1, 7, 10_000_000])  # one row a band, a few rows a band, one band
def test_similarity_holds_exactly_the_full_products_cosines_above_the_floor(monkeypatch, cells: int) -> None:
    monkeypatch.setattr(vectors, "BLOCK_CELLS", cells)
    corpus = corpus_of(REPORTS)
    dense = full_product(corpus)
    similarity = similarity_matrix(corpus)
    assert similarity.has_sorted_indices
    assert np.array_equal(similarity.toarray(), np.where(dense >= SIMILARITY_FLOOR, dense, 0.0))
    assert 0 < similarity.nnz < dense.size  # some pairs share terms, some do not: both kinds are there


@pytest.mark.parametrize("cells", [1, 7, 10_000_000])
def test_bands_cover_every_row_once_with_the_full_products_values(monkeypatch, cells: int) -> None:
    monkeypatch.setattr(vectors, "BLOCK_CELLS", cells)
    corpus = corpus_of(REPORTS)
    bands = list(product_bands(corpus))
    n = len(corpus.sentences)
    edges = [edge for rows, _ in bands for edge in (rows.start, rows.stop)]
    assert edges[0] == 0 and edges[-1] == n and edges[1:-1:2] == edges[2::2]  # contiguous, in order, no gap
    assert np.array_equal(np.vstack([band.toarray() for _, band in bands]), full_product(corpus))
    assert all(band.shape[0] * n <= max(cells, n) for _, band in bands)  # at most BLOCK_CELLS, at least one row


@pytest.mark.parametrize("cells", [1, 7, 10_000_000])
def test_each_row_keeps_only_its_most_similar_sentences(monkeypatch, cells: int) -> None:
    monkeypatch.setattr(vectors, "BLOCK_CELLS", cells)
    monkeypatch.setattr(vectors, "SIMILARITY_MAX_NEIGHBOURS", 3)
    corpus = corpus_of([*REPORTS, REPORTS[0]])  # a reprint: cosines of 1.0 that tie, the earlier sentence kept
    dense = full_product(corpus)
    dense[dense < SIMILARITY_FLOOR] = 0.0
    assert (np.count_nonzero(dense, axis=1) > 3).any()  # some rows are cut
    similarity = similarity_matrix(corpus)
    for row, cosines in enumerate(dense):
        strongest = sorted(np.flatnonzero(cosines).tolist(), key=lambda j: (-cosines[j], j))[:3]
        assert sorted(similarity[row].indices.tolist()) == sorted(strongest)
        assert np.array_equal(row_cosines(similarity, row, strongest), cosines[strongest])


def test_row_cosines_reads_stored_pairs_and_zero_for_the_rest() -> None:
    corpus = corpus_of(REPORTS)
    similarity = similarity_matrix(corpus)
    dense = similarity.toarray()
    everyone = list(range(len(corpus.sentences)))
    for row in everyone:
        assert np.array_equal(row_cosines(similarity, row, everyone), dense[row])
        assert np.array_equal(row_cosines(similarity, row, everyone[::-1]), dense[row][::-1])
    assert row_cosines(similarity, 0, []).shape == (0,)


def test_a_sentence_alone_has_a_one_by_one_similarity() -> None:
    corpus = corpus_of(["The harbour bridge at Pellmouth closed on Tuesday after engineers found a crack."])
    similarity = similarity_matrix(corpus)
    assert similarity.shape == (1, 1) and similarity[0, 0] == pytest.approx(1.0)


def test_an_article_centroid_is_the_normalised_sum_of_its_sentences_rows() -> None:
    corpus = corpus_of([REPORTS[2], "Photo.", REPORTS[0]])  # a2 keeps no sentence: it has no row
    ids, centroids = article_centroids(corpus)
    assert ids == ["a0", "a2"]
    rows = tfidf_matrix(corpus)
    of_a2 = np.asarray(rows[[i for i, s in enumerate(corpus.sentences) if s.article == "a2"]].sum(axis=0)).ravel()
    np.testing.assert_allclose(centroids[1].toarray().ravel(), of_a2 / np.linalg.norm(of_a2))


def test_every_reader_of_the_similarity_tests_at_or_above_its_floor() -> None:
    """A cosine below the floor is not stored: a reader with a lower threshold would silently miss pairs."""
    from synoptic.compare.claims import FACT_MIN_COSINE
    from synoptic.compare.timeline import SAME_EVENT_COSINE
    from synoptic.summarize import baselines, methods

    thresholds = [
        FACT_MIN_COSINE,
        SAME_EVENT_COSINE,
        methods.REDUNDANCY_MAX_SIMILARITY,
        methods.COPY_SENTENCE_SIMILARITY,
        baselines.REDUNDANCY_MAX_SIMILARITY,
        baselines.LEXRANK_MIN_COSINE,
    ]
    assert min(thresholds) >= SIMILARITY_FLOOR
