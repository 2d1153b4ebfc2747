"""Learned concept weights: the features mean what they say, the model file matches, training fits."""

from __future__ import annotations

import json

import numpy as np
import pytest

from synoptic.analyze.sentences import build_corpus
from synoptic.clean import clean_cluster
from synoptic.summarize.concepts import sentence_bigrams
from synoptic.summarize.methods import copy_families
from synoptic.summarize.weights import (
    FEATURES,
    MODEL_FILE,
    ConceptModel,
    concept_features,
    fit_model,
    learned_weights,
    packaged_model,
)
from tests.conftest import make_article

TEXTS = [
    "High tides flooded the harbour town overnight. Residents said the sea wall failed before midnight. "
    "Volunteers filled sandbags in the square.",
    "Volunteers worked through the night as the storm hit. The sea wall failed near the ferry terminal. "
    "\"We filled sandbags until dawn,\" one volunteer said.",
    "Most roads reopened by noon after the storm. The council will inspect the sea wall on Monday.",
]
TITLES = ["Storm floods harbour town", "Sea wall failed in storm", None]


def _corpus():
    articles = [make_article(t, id=f"a{i}", title=title) for i, (t, title) in enumerate(zip(TEXTS, TITLES))]
    corpus = build_corpus(clean_cluster(articles))
    return corpus, [sentence_bigrams(s.text) for s in corpus.sentences]


def _row(kept, rows, concept) -> dict[str, float]:
    return dict(zip(FEATURES, rows[kept.index(concept)]))


def test_features_count_sources_positions_leads_and_titles() -> None:
    corpus, concepts = _corpus()
    kept, rows = concept_features(corpus, concepts, copy_families(corpus), min_sources=2)
    assert kept == sorted(kept) and rows.shape == (len(kept), len(FEATURES))
    wall = _row(kept, rows, ("sea", "wall"))  # all three articles, never in a first sentence
    assert wall["share_of_sources"] == pytest.approx(1.0)
    assert wall["log_sources"] == pytest.approx(np.log1p(3))
    assert wall["share_of_leads"] == 0.0
    assert wall["share_of_titles"] == pytest.approx(1 / 2)  # one of the two titled articles
    assert wall["earliest_position"] == pytest.approx(1 / 3)  # second of three sentences
    assert wall["mean_first_position"] == pytest.approx((1 / 3 + 1 / 3 + 1 / 2) / 3)
    assert wall["has_stopword"] == 0.0 and wall["has_number"] == 0.0
    storm = _row(kept, rows, ("the", "storm"))
    assert storm["has_stopword"] == 1.0
    sandbags = _row(kept, rows, ("fill", "sandbag"))  # once plainly, once inside a quotation
    assert sandbags["share_quoted"] == pytest.approx(0.5)
    assert ("harbour", "town") not in kept  # one article only: below min_sources


def test_features_of_single_source_concepts_when_asked() -> None:
    corpus, concepts = _corpus()
    kept, rows = concept_features(corpus, concepts, copy_families(corpus), min_sources=1)
    town = _row(kept, rows, ("harbour", "town"))
    assert town["share_of_sources"] == pytest.approx(1 / 3)
    assert town["share_of_leads"] == pytest.approx(1 / 3)
    # "mean_first_position" counts a family that never uses the concept as position 1
    assert town["mean_first_position"] == pytest.approx((0 + 1 + 1) / 3)


def test_learned_weights_are_probabilities_of_the_shared_concepts() -> None:
    corpus, concepts = _corpus()
    weights = learned_weights(corpus, concepts, copy_families(corpus), min_sources=2)
    assert ("sea", "wall") in weights and ("harbour", "town") not in weights
    assert all(0.0 < w < 1.0 for w in weights.values())
    # a concept in every source and in a title outweighs one in two sources, mid-article
    assert weights[("sea", "wall")] > weights[("fill", "sandbag")]


def test_packaged_model_matches_the_feature_list() -> None:
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert data["features"] == list(FEATURES) and len(data["coef"]) == len(FEATURES)
    assert packaged_model().coef == tuple(data["coef"])


def test_a_model_for_other_features_is_refused() -> None:
    with pytest.raises(ValueError, match="do not match"):
        ConceptModel.from_dict({"features": ["something_else"], "coef": [1.0], "intercept": 0.0})


def test_fit_recovers_a_known_logistic_model() -> None:
    rng = np.random.default_rng(0)
    rows = rng.normal(size=(4000, 3))
    truth = np.array([1.5, -2.0, 0.5])
    targets = 1.0 / (1.0 + np.exp(-(rows @ truth - 0.7)))  # soft targets, as in training
    model = fit_model(rows, targets, l2=0.0)
    assert np.allclose(model.coef, truth, atol=0.05) and model.intercept == pytest.approx(-0.7, abs=0.05)
    assert np.allclose(model.weigh(rows), targets, atol=0.01)
