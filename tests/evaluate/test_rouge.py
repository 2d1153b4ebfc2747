"""ROUGE as eval reports it: truncation, averaging over references then clusters, the missing extra."""

from __future__ import annotations

import sys

import pytest

from synoptic.errors import MissingExtraError
from synoptic.evaluate import rouge
from synoptic.evaluate.rouge import as_percent, mean_scores, score_summary, truncate_words


def test_truncate_words_keeps_the_first_n_whitespace_words() -> None:
    text = "One  two\tthree\nfour, five. six"
    assert truncate_words(text, 3) == "One two three"
    assert truncate_words(text, 5) == "One two three four, five."
    assert truncate_words(text, 100) == "One two three four, five. six"
    assert truncate_words("", 10) == ""


def test_scores_are_averaged_over_references() -> None:
    # Worked by hand. Summary tokens: the cat sat (3 unigrams, 2 bigrams).
    # Reference 1, "the cat sat on the mat": 6 unigrams, 3 shared -> R 3/6, P 3/3, F 2/3;
    #   5 bigrams, 2 shared (the cat, cat sat) -> R 2/5, P 1, F 4/7; LCS 3 -> R 1/2, F 2/3.
    # Reference 2, "a dog ran": nothing shared -> all 0.
    # Mean over the two references: R1 R 1/4 F 1/3, R2 R 1/5 F 2/7, RL R 1/4 F 1/3.
    scores = score_summary("the cat sat", ["the cat sat on the mat", "a dog ran"])
    assert scores["rouge1"]["recall"] == pytest.approx(1 / 4)
    assert scores["rouge1"]["f1"] == pytest.approx(1 / 3)
    assert scores["rouge2"]["recall"] == pytest.approx(1 / 5)
    assert scores["rouge2"]["f1"] == pytest.approx(2 / 7)
    assert scores["rougeL"]["recall"] == pytest.approx(1 / 4)
    assert scores["rougeL"]["f1"] == pytest.approx(1 / 3)


def test_one_reference_equals_itself_and_stemming_is_on() -> None:
    # "cats" and "barking" stem to "cat" and "bark"; without the stemmer nothing would match.
    scores = score_summary("Cats barking!", ["cat bark"])
    for r in ("rouge1", "rouge2", "rougeL"):
        assert scores[r]["recall"] == pytest.approx(1.0)
        assert scores[r]["f1"] == pytest.approx(1.0)


def test_clusters_count_once_each_and_percent_scale() -> None:
    a = score_summary("the cat sat", ["the cat sat on the mat", "a dog ran"])  # R1 recall 1/4
    b = score_summary("a dog ran", ["a dog ran"])  # R1 recall 1
    mean = mean_scores([a, b])
    assert mean["rouge1"]["recall"] == pytest.approx((1 / 4 + 1) / 2)
    assert mean["rouge2"]["f1"] == pytest.approx((2 / 7 + 1) / 2)
    assert as_percent(mean)["rouge1"]["recall"] == pytest.approx(62.5)
    assert mean_scores([])["rouge1"]["recall"] == 0.0


def test_no_reference_is_refused() -> None:
    with pytest.raises(ValueError):
        score_summary("the cat sat", [])


def test_missing_extra_names_the_package_and_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "rouge_score", None)  # makes "import rouge_score" fail
    monkeypatch.setattr(rouge, "_scorer", None)
    with pytest.raises(MissingExtraError) as info:
        score_summary("the cat sat", ["the cat sat"])
    message = str(info.value)
    assert "'rouge_score'" in message and "pip install 'synoptic[eval]'" in message
    assert "\n" not in message
