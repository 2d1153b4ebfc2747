"""The method contract and the shared budget-filling greedy loop."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from scipy import sparse

from synoptic.analyze.sentences import Corpus
from synoptic.analyze.tokens import word_count
from synoptic.analyze.vectors import row_cosines
from synoptic.registry import Registry

# A method reads the corpus and a word budget and returns the indices of the chosen sentences.
Method = Callable[[Corpus, int], list[int]]

METHODS: Registry[Method] = Registry("summarization method")


def fill_budget(
    corpus: Corpus,
    scores: Sequence[float] | np.ndarray,
    words: int,
    similarity: sparse.csr_matrix | None = None,
    max_similarity: float = 1.0,
    max_term_overlap: float = 1.0,
    candidates: Sequence[int] | None = None,
) -> list[int]:
    """Greedy by score: take each sentence that still fits the budget and is not a near-repeat of
    one already taken — cosine above ``max_similarity``, or more than ``max_term_overlap`` of its
    content terms found in a single chosen sentence (catches paraphrases TF-IDF weights miss).
    ``candidates`` limits the choice to those sentences (all by default)."""
    chosen: list[int] = []
    chosen_terms: list[set[str]] = []
    used = 0
    order = np.argsort(-np.asarray(scores, dtype=float), kind="stable")
    if candidates is not None:
        allowed = set(candidates)
        order = [i for i in order if i in allowed]
    for i in order:
        length = word_count(corpus.sentences[i].text)
        if used + length > words:
            continue
        if similarity is not None and chosen and row_cosines(similarity, i, chosen).max() > max_similarity:
            continue
        terms = set(corpus.terms[i])
        if terms and any(len(terms & other) > max_term_overlap * len(terms) for other in chosen_terms):
            continue
        chosen.append(int(i))
        chosen_terms.append(terms)
        used += length
        if used >= words:
            break
    return chosen


def near_repeats(similarity: np.ndarray, terms: Sequence[set[str]], max_similarity: float, max_term_overlap: float) -> np.ndarray:
    """Which pairs of sentences ``fill_budget`` would not keep together, in either order, as a
    boolean matrix (``similarity`` and ``terms`` are those of the sentences compared): a search can
    then avoid the pairs instead of losing their words afterwards."""
    repeats = similarity > max_similarity
    for a, mine in enumerate(terms):
        for b in range(a + 1, len(terms)):
            shared = len(mine & terms[b])
            if (mine and shared > max_term_overlap * len(mine)) or (terms[b] and shared > max_term_overlap * len(terms[b])):
                repeats[a, b] = repeats[b, a] = True
    np.fill_diagonal(repeats, False)
    return repeats
