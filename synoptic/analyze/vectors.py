"""Sparse TF-IDF sentence vectors and the sentence-similarity matrix every method shares."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator, Sequence

import numpy as np
from scipy import sparse

from synoptic.analyze.sentences import Corpus

# The smallest cosine any reader of the similarity tests (LexRank's graph: 0.1; agreed facts and
# timeline events: 0.2; repeats: 0.5; copies: 0.8). Lower cosines are not stored: of 1,000 DUC
# articles' 694 million sentence pairs, 3.7 million are kept (tests/analyze/test_vectors.py checks
# that no reader's threshold is below it).
SIMILARITY_FLOOR = 0.1
# Cells of one dense band of the product (8 bytes each: 32 MB). A TAC cluster of a few hundred
# sentences is one band; the 26,000 sentences of 1,000 DUC articles go in bands of 150 rows, and the
# brief's peak stays at 344 MB (benchmarks/brief_scale.py; the dense matrix needed 7.7 GB).
BLOCK_CELLS = 4_000_000
# The test of whether two sentences say the same thing weighs terms as if the cluster held at least this
# many articles (the rest holding none of the terms), so that in a cluster of three reports the words they
# all share are not discounted to nothing (repeat_cosines). On allsides_neus_test (3 articles a cluster)
# 100 to 1,000 give the same summaries: 5 of 307 change, each one dropping a paraphrase of a sentence it
# kept (R1 46.80 -> 46.66); 50 keeps 3 of those 5 paraphrases, 10 keeps all but one. The other dev sets
# (10-25 articles): tac2010_A, duc2007_update and multiling2011 unchanged, duc2006 R1 -0.02. 200 is
# also the stories store's MIN_IDF_DOCUMENTS.
REPEAT_MIN_IDF_DOCUMENTS = 200
# The most cosines one sentence's row of the similarity matrix keeps: its most similar sentences. A cluster
# of many long reports that share their wording has every pair above the floor (6,000 sentences: 36 million
# cosines, 2.1 GB, 50 s, most of it the agreed facts' pair tests), so without a cap the matrix and every
# reader of its pairs grow with the square of the sentences. No row of the dev sets holds more than 251
# (duc2006); the first 1,000 articles of duc2006 as one brief (40 stories) hold up to 1,304, and 1,852 of
# their 26,258 rows are cut, but that brief comes out byte for byte as it did without the cap.
SIMILARITY_MAX_NEIGHBOURS = 300


def tfidf_matrix(corpus: Corpus) -> sparse.csr_matrix:
    """Rows = sentences, L2-normalised. IDF counts *articles*, so a term every source uses is cheap
    and a term only one source uses is distinctive. Computed once per corpus."""
    if "tfidf" not in corpus.cache:
        corpus.cache["tfidf"] = _tfidf(corpus)
    return corpus.cache["tfidf"]


def article_frequencies(corpus: Corpus) -> tuple[Counter[str], int]:
    """How many articles use each term, and how many articles there are; computed once per corpus."""
    if "article_df" not in corpus.cache:
        seen_by_article: dict[str, set[str]] = {}
        for sentence, terms in zip(corpus.sentences, corpus.terms):
            seen_by_article.setdefault(sentence.article, set()).update(terms)
        article_df: Counter[str] = Counter()
        for terms in seen_by_article.values():
            article_df.update(terms)
        corpus.cache["article_df"] = article_df, max(1, len(seen_by_article))
    return corpus.cache["article_df"]


def _idf(article_df: Counter[str], n_docs: int) -> dict[str, float]:
    return {t: math.log((1 + n_docs) / (1 + df)) + 1.0 for t, df in article_df.items()}


def _weighted_rows(rows_terms: Sequence[Sequence[str]], idf: dict[str, float]) -> sparse.csr_matrix:
    """Sublinear TF × IDF rows, L2-normalised; columns are the terms in the order first met."""
    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, terms in enumerate(rows_terms):
        for term, tf in Counter(terms).items():
            rows.append(i)
            cols.append(vocab.setdefault(term, len(vocab)))
            vals.append((1.0 + math.log(tf)) * idf[term])
    matrix = sparse.csr_matrix((vals, (rows, cols)), shape=(len(rows_terms), max(1, len(vocab))), dtype=np.float64)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)


def _tfidf(corpus: Corpus) -> sparse.csr_matrix:
    return _weighted_rows(corpus.terms, _idf(*article_frequencies(corpus)))


def repeat_cosines(corpus: Corpus, rows_terms: Sequence[Sequence[str]]) -> np.ndarray:
    """Dense cosines between a few sentences (their terms given), for the test of whether two say the
    same thing. The IDF counts at least REPEAT_MIN_IDF_DOCUMENTS articles, as if the others held none
    of the terms: in a cluster of three reports, the names and words the reports share weigh far less
    than each sentence's own wording, so two paraphrases score as different sentences."""
    article_df, n_docs = article_frequencies(corpus)
    used = Counter({t: article_df[t] for terms in rows_terms for t in terms})
    matrix = _weighted_rows(rows_terms, _idf(used, max(n_docs, REPEAT_MIN_IDF_DOCUMENTS)))
    return (matrix @ matrix.T).toarray()


def product_bands(corpus: Corpus) -> Iterator[tuple[slice, sparse.csr_matrix]]:
    """Every cosine, however small, as the sparse product ``M Mᵀ`` of the TF-IDF rows, a band of
    rows at a time (a band's dense form has at most BLOCK_CELLS cells): for the sums that read every
    pair, in memory bounded however big the cluster. A row of a sparse product is summed in the same
    order however many rows are computed with it, so band row ``i`` is exactly the full product's."""
    return gram_bands(tfidf_matrix(corpus))


def gram_bands(matrix: sparse.csr_matrix) -> Iterator[tuple[slice, sparse.csr_matrix]]:
    """The product ``M Mᵀ`` of any sparse rows (TF-IDF vectors, TextRank's word sets), a band of rows at a
    time, each band's dense form at most BLOCK_CELLS cells (and at least one row)."""
    transposed = matrix.T.tocsr()
    n = matrix.shape[0]
    band = max(1, BLOCK_CELLS // max(1, n))
    for start in range(0, n, band):
        rows = slice(start, min(n, start + band))
        yield rows, matrix[rows] @ transposed


def similarity_matrix(corpus: Corpus) -> sparse.csr_matrix:
    """Cosines of at least SIMILARITY_FLOOR between the sentences of the cluster, sparse, with sorted
    indices, at most SIMILARITY_MAX_NEIGHBOURS a row (its highest); a cosine not stored reads as 0.
    Built band by band, so the dense n×n product never exists, and once per corpus: the method,
    citations and the cross-source analysis all read it.
    Entry (i, j) is exactly the full product's, which may differ from (j, i) in the last bit (and, in a
    row that was cut, be there without (j, i)): readers keep the orientation they always had."""
    if "similarity" not in corpus.cache:
        bands = []
        for _, band in product_bands(corpus):
            band.data[band.data < SIMILARITY_FLOOR] = 0.0
            band.eliminate_zeros()
            bands.append(strongest(band, SIMILARITY_MAX_NEIGHBOURS))
        similarity = sparse.csr_matrix(sparse.vstack(bands, format="csr"))
        similarity.sort_indices()
        corpus.cache["similarity"] = similarity
    return corpus.cache["similarity"]


def strongest(rows: sparse.csr_matrix, keep: int) -> sparse.csr_matrix:
    """``rows`` with each row cut to its ``keep`` highest cosines, the earlier sentence first among equal
    ones (near-identical reports tie often), so the cut is the same on every run. A row that holds no more
    is untouched: the matrix of a cluster below the cap is exactly what it was without one."""
    counts = np.diff(rows.indptr)
    for row in np.flatnonzero(counts > keep).tolist():
        span = slice(rows.indptr[row], rows.indptr[row + 1])
        cosines, columns = rows.data[span], rows.indices[span]  # views: zeroed in place, dropped below
        last = -np.partition(-cosines, keep - 1)[keep - 1]  # the lowest cosine kept (a sort would cost n log n)
        ties = np.flatnonzero(cosines == last)
        ties = ties[np.argsort(columns[ties], kind="stable")]
        cosines[ties[keep - np.count_nonzero(cosines > last) :]] = 0.0
        cosines[cosines < last] = 0.0
    rows.eliminate_zeros()
    return rows


def row_cosines(similarity: sparse.csr_matrix, row: int, columns: Sequence[int]) -> np.ndarray:
    """Cosines of sentence ``row`` with the sentences ``columns`` (0 below the floor): a few entries
    by binary search in the row, without the cost of sparse fancy indexing."""
    span = slice(similarity.indptr[row], similarity.indptr[row + 1])
    indices, values = similarity.indices[span], similarity.data[span]
    wanted = np.asarray(columns, dtype=indices.dtype)
    at = np.searchsorted(indices, wanted)
    hit = at < len(indices)
    hit[hit] = indices[at[hit]] == wanted[hit]
    found = np.zeros(len(wanted))
    found[hit] = values[at[hit]]
    return found


def article_centroids(corpus: Corpus) -> tuple[list[str], sparse.csr_matrix]:
    """The ids of the articles that kept a sentence, in corpus order, and one L2-normalised row each: the
    sum of its sentences' TF-IDF rows, so every sentence weighs alike. Built from the matrix the brief has
    already computed, so telling articles apart costs one sparse product."""
    rows_of: dict[str, int] = {}
    owners = [rows_of.setdefault(sentence.article, len(rows_of)) for sentence in corpus.sentences]
    membership = sparse.csr_matrix(
        (np.ones(len(owners)), (owners, np.arange(len(owners)))), shape=(len(rows_of), len(owners))
    )
    centroids = sparse.csr_matrix(membership @ tfidf_matrix(corpus))
    norms = np.sqrt(np.asarray(centroids.multiply(centroids).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return list(rows_of), sparse.csr_matrix(sparse.diags(1.0 / norms) @ centroids)
