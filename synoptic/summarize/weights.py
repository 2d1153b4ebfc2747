"""Concept weights learned from human summaries: how likely a bigram is to appear in one.

Gillick & Favre weight a bigram by the number of documents that use it. That count is the strongest
single signal, but not the only one: a bigram that several reports put in their first sentences, or
in their headlines, or that is built of words the whole cluster uses, is more often in a human
summary than one that many reports mention in passing or inside quotations. A logistic model over a
dozen such cluster-relative features (nothing about particular words, so nothing to memorise about
particular stories) turns them into a probability, which becomes the concept's weight.

The coefficients live in ``concept_model.json`` beside this file, written by
``benchmarks/train_concept_model.py`` from the reference summaries of the development sets; that
script also reports how the weights do on each set when it is left out of training.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from synoptic.analyze.sentences import Corpus
from synoptic.analyze.tokens import STOPWORDS, stem
from synoptic.summarize.concepts import Concept, sentence_bigrams

MODEL_FILE = Path(__file__).with_name("concept_model.json")
FEATURES = (
    "share_of_sources",  # families using the bigram / families in the cluster
    "log_sources",  # log(1 + families using it)
    "log_mentions",  # log(1 + sentences using it)
    "earliest_position",  # smallest relative position of a sentence using it (0 = a lead)
    "mean_first_position",  # over families, where it first appears (1 where it never does)
    "share_of_leads",  # families whose first sentence uses it / families
    "share_of_titles",  # titles using it / titled articles
    "has_stopword",  # "of the", "in Raqqa": one word is a stopword
    "has_number",  # a token with a digit
    "share_quoted",  # its sentences inside quotation marks / its sentences
    "rarer_word_share",  # families using the rarer of its two words / families
    "commoner_word_share",  # families using the commoner of its two words / families
)
_STOP_STEMS = frozenset(stem(w) for w in STOPWORDS)
_QUOTE_MARKS = ("\"", "“", "”", "``", "''")


@dataclass(frozen=True)
class ConceptModel:
    """Logistic regression: weight = 1 / (1 + exp(-(intercept + coef · features)))."""

    coef: tuple[float, ...]
    intercept: float

    def weigh(self, features: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(features @ np.asarray(self.coef) + self.intercept)))

    def to_dict(self) -> dict[str, object]:
        return {"features": list(FEATURES), "coef": list(self.coef), "intercept": self.intercept}

    @classmethod
    def from_dict(cls, data: dict) -> ConceptModel:
        if list(data.get("features", ())) != list(FEATURES):
            raise ValueError(f"concept model features {data.get('features')} do not match this version's {list(FEATURES)}")
        return cls(coef=tuple(float(c) for c in data["coef"]), intercept=float(data["intercept"]))


@cache
def packaged_model() -> ConceptModel:
    """The model shipped with synoptic (read once)."""
    return ConceptModel.from_dict(json.loads(MODEL_FILE.read_text(encoding="utf-8")))


def concept_features(
    corpus: Corpus, concepts: Sequence[set[Concept]], family: dict[str, int], min_sources: int
) -> tuple[list[Concept], np.ndarray]:
    """The concepts used by at least ``min_sources`` copy families (sorted, so every process sees
    them in the same order) and their feature rows, in the order of FEATURES.

    One Python pass numbers the (sentence, concept) pairs; every count and minimum is then a numpy
    reduction over those pairs, which keeps this at a millisecond or two for a TAC cluster."""
    family_ids = {f: k for k, f in enumerate(sorted(set(family.values())))}
    n_families = max(1, len(family_ids))
    number: dict[Concept, int] = {}
    word_number: dict[str, int] = {}
    first_word, second_word = [], []  # word numbers of each concept's two words
    pair_sentence, pair_concept = [], []
    for i, found in enumerate(concepts):
        for concept in found:
            k = number.get(concept)
            if k is None:
                k = number[concept] = len(number)
                first_word.append(word_number.setdefault(concept[0], len(word_number)))
                second_word.append(word_number.setdefault(concept[1], len(word_number)))
            pair_sentence.append(i)
            pair_concept.append(k)
    if not number:
        return [], np.empty((0, len(FEATURES)))
    sentences = corpus.sentences
    sent = np.asarray(pair_sentence)
    cid = np.asarray(pair_concept)
    fam = np.array([family_ids[family[s.article]] for s in sentences])[sent]
    position = np.array([s.position for s in sentences])[sent]
    is_lead = np.array([s.index == 0 for s in sentences])[sent]
    quoted = np.array([any(mark in s.text for mark in _QUOTE_MARKS) for s in sentences], dtype=float)[sent]
    n_concepts = len(number)

    # (concept, family) pairs, each with the earliest position at which that family uses the concept
    key = cid * n_families + fam
    order = np.lexsort((position, key))
    key_sorted = key[order]
    first = np.ones(len(key_sorted), dtype=bool)
    first[1:] = key_sorted[1:] != key_sorted[:-1]
    pair_key, pair_first = key_sorted[first], position[order][first]
    pair_cid, pair_fam = pair_key // n_families, pair_key % n_families
    sources = np.bincount(pair_cid, minlength=n_concepts)
    first_sum = np.bincount(pair_cid, weights=pair_first, minlength=n_concepts)
    earliest = np.full(n_concepts, 2.0)
    np.minimum.at(earliest, pair_cid, pair_first)
    leads = np.bincount(np.unique(key[is_lead]) // n_families, minlength=n_concepts)
    mentions = np.bincount(cid, minlength=n_concepts)
    quoted_mentions = np.bincount(cid, weights=quoted, minlength=n_concepts)

    # per word: the families using it (through any concept that holds it), stopword, digit
    words = list(word_number)
    one, two = np.asarray(first_word), np.asarray(second_word)
    word_fam = np.unique(np.concatenate([one[pair_cid], two[pair_cid]]) * n_families + np.tile(pair_fam, 2))
    word_share = np.bincount(word_fam // n_families, minlength=len(words)) / n_families
    word_stop = np.array([w in _STOP_STEMS for w in words])
    word_digit = np.array([not w.isalpha() and any(ch.isdigit() for ch in w) for w in words])

    concept_list = list(number)
    kept = sorted(concept_list[k] for k in np.flatnonzero(sources >= min_sources))
    if not kept:
        return [], np.empty((0, len(FEATURES)))
    rows_of = np.array([number[c] for c in kept])
    titles = [sentence_bigrams(t.article.title) for t in corpus.articles if t.article.title]
    title_count = Counter(c for found in titles for c in found)
    in_titles = np.array([title_count[c] for c in kept], dtype=float) / max(1, len(titles))
    n = sources[rows_of].astype(float)
    a, b = word_share[one[rows_of]], word_share[two[rows_of]]
    rows = np.column_stack([
        n / n_families,
        np.log1p(n),
        np.log1p(mentions[rows_of]),
        earliest[rows_of],
        (first_sum[rows_of] + (n_families - n)) / n_families,
        leads[rows_of] / n_families,
        in_titles,
        (word_stop[one[rows_of]] | word_stop[two[rows_of]]).astype(float),
        (word_digit[one[rows_of]] | word_digit[two[rows_of]]).astype(float),
        quoted_mentions[rows_of] / mentions[rows_of],
        np.minimum(a, b),
        np.maximum(a, b),
    ])
    return kept, rows


def learned_weights(
    corpus: Corpus,
    concepts: Sequence[set[Concept]],
    family: dict[str, int],
    min_sources: int,
    model: ConceptModel | None = None,
) -> dict[Concept, float]:
    """Concept → the model's probability that a human summary uses it (concepts of ≥ min_sources families)."""
    kept, rows = concept_features(corpus, concepts, family, min_sources)
    if not kept:
        return {}
    weights = (model or packaged_model()).weigh(rows)
    return dict(zip(kept, weights.tolist()))


def fit_model(rows: np.ndarray, targets: np.ndarray, l2: float = 1.0) -> ConceptModel:
    """Logistic regression on soft targets in [0, 1]: minimise cross-entropy + 0.5·l2·|coef|²
    (the intercept is not penalised) with L-BFGS. Used by benchmarks/train_concept_model.py."""
    from scipy.optimize import minimize  # lazy: only training needs it

    x = np.hstack([rows, np.ones((len(rows), 1))])

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w
        # log(1 + e^z) - t·z is the cross-entropy of sigmoid(z) against target t, computed stably
        value = float(np.sum(np.logaddexp(0.0, z) - targets * z)) + 0.5 * l2 * float(w[:-1] @ w[:-1])
        grad = x.T @ (1.0 / (1.0 + np.exp(-z)) - targets)
        grad[:-1] += l2 * w[:-1]
        return value, grad

    result = minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": 2000})
    return ConceptModel(coef=tuple(round(float(c), 6) for c in result.x[:-1]), intercept=round(float(result.x[-1]), 6))
