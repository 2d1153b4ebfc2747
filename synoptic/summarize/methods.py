"""Summarization methods. ``default`` is the one synoptic recommends."""

from __future__ import annotations

import numpy as np

from synoptic.analyze.sentences import Corpus
from synoptic.analyze.tokens import word_count
from synoptic.analyze.vectors import similarity_matrix
from synoptic.summarize.base import METHODS, fill_budget

REDUNDANCY_MAX_SIMILARITY = 0.5  # above this cosine, a candidate repeats a chosen sentence
REDUNDANCY_MAX_TERM_OVERLAP = 0.6  # above this share of its terms in one chosen sentence, a paraphrase
LEAD_DECAY = 2.0  # position prior exp(-LEAD_DECAY * relative position): news puts the core first
COPY_SENTENCE_SIMILARITY = 0.8  # cosine of a lightly edited copy of a sentence (one word changed: ~0.9)
COPY_SENTENCE_SHARE = 0.6  # share of an article's sentences copied from another that makes it a copy
IDEAL_WORDS = (12, 35)  # sentence lengths that read well in a brief; others are damped


def _length_prior(words: int) -> float:
    low, high = IDEAL_WORDS
    if words < low:
        return words / low
    if words > high:
        return high / words
    return 1.0


def copy_families(corpus: Corpus, similarity: np.ndarray) -> dict[str, int]:
    """Article → family number; articles whose sentences mostly reappear near-verbatim in another
    article (syndicated copies) share a family, so a copy never counts as independent support."""
    ids = np.array([s.article for s in corpus.sentences])
    articles = list(dict.fromkeys(ids))
    family = {a: k for k, a in enumerate(articles)}
    for k, a in enumerate(articles):
        rows = ids == a
        for b in articles[:k]:
            cols = ids == b
            copied = (similarity[np.ix_(rows, cols)].max(axis=1) >= COPY_SENTENCE_SIMILARITY).mean()
            copied_back = (similarity[np.ix_(cols, rows)].max(axis=1) >= COPY_SENTENCE_SIMILARITY).mean()
            if max(copied, copied_back) >= COPY_SENTENCE_SHARE:
                old, new = family[a], family[b]
                family = {x: new if f == old else f for x, f in family.items()}
    return family


def cross_source_support(corpus: Corpus, similarity: np.ndarray) -> np.ndarray:
    """For each sentence, the mean over the *other* independent sources (copy families) of its best
    match there: how widely the content is reported. A sentence never supports itself, and a
    syndicated copy does not support its original."""
    ids = np.array([s.article for s in corpus.sentences])
    family = copy_families(corpus, similarity)
    fam_of_sentence = np.array([family[a] for a in ids])
    families = sorted(set(family.values()))
    if len(families) < 2:
        return similarity.mean(axis=1)
    best = np.zeros((len(ids), len(families)))
    for k, fam in enumerate(families):
        mask = fam_of_sentence == fam
        best[:, k] = similarity[:, mask].max(axis=1)
        best[mask, k] = 0.0
    return best.sum(axis=1) / (len(families) - 1)


@METHODS.register("default")
def default(corpus: Corpus, words: int) -> list[int]:
    """Cross-source centrality × lead position × length prior, greedy with redundancy control."""
    if not corpus.sentences:
        return []
    similarity = similarity_matrix(corpus)
    support = cross_source_support(corpus, similarity)
    position = np.array([np.exp(-LEAD_DECAY * s.position) for s in corpus.sentences])
    length = np.array([_length_prior(word_count(s.text)) for s in corpus.sentences])
    scores = support * (0.5 + 0.5 * position) * length
    return fill_budget(corpus, scores, words, similarity, REDUNDANCY_MAX_SIMILARITY, REDUNDANCY_MAX_TERM_OVERLAP)


@METHODS.register("lead")
def lead(corpus: Corpus, words: int) -> list[int]:
    """Baseline: the first sentences of each article in turn (round robin)."""
    order = sorted(range(len(corpus.sentences)), key=lambda i: (corpus.sentences[i].index, i))
    scores = np.zeros(len(order))
    for rank, i in enumerate(order):
        scores[i] = len(order) - rank
    return fill_budget(corpus, scores, words)
