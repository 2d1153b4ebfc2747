"""Sparse TF-IDF sentence vectors and the sentence-similarity matrix every method shares."""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
from scipy import sparse

from synoptic.analyze.sentences import Corpus


def tfidf_matrix(corpus: Corpus) -> sparse.csr_matrix:
    """Rows = sentences, L2-normalised. IDF counts *articles*, so a term every source uses is cheap
    and a term only one source uses is distinctive. Computed once per corpus."""
    if "tfidf" not in corpus.cache:
        corpus.cache["tfidf"] = _tfidf(corpus)
    return corpus.cache["tfidf"]


def _tfidf(corpus: Corpus) -> sparse.csr_matrix:
    vocab: dict[str, int] = {}
    article_df: Counter[str] = Counter()
    seen_by_article: dict[str, set[str]] = {}
    for sentence, terms in zip(corpus.sentences, corpus.terms):
        seen_by_article.setdefault(sentence.article, set()).update(terms)
    for terms in seen_by_article.values():
        article_df.update(terms)
    n_docs = max(1, len(seen_by_article))
    idf = {t: math.log((1 + n_docs) / (1 + df)) + 1.0 for t, df in article_df.items()}
    rows, cols, vals = [], [], []
    for i, terms in enumerate(corpus.terms):
        for term, tf in Counter(terms).items():
            rows.append(i)
            cols.append(vocab.setdefault(term, len(vocab)))
            vals.append((1.0 + math.log(tf)) * idf[term])
    matrix = sparse.csr_matrix((vals, (rows, cols)), shape=(len(corpus.terms), max(1, len(vocab))), dtype=np.float64)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)


def similarity_matrix(corpus: Corpus) -> np.ndarray:
    """Dense cosine similarities between all sentences of the cluster (computed once per corpus:
    the method, citations and the cross-source analysis all read it)."""
    if "similarity" not in corpus.cache:
        matrix = tfidf_matrix(corpus)
        corpus.cache["similarity"] = np.asarray((matrix @ matrix.T).todense())
    return corpus.cache["similarity"]
