"""BCubed, pairwise F1 and AMI on hand-checked cases, AMI against scikit-learn when it is installed,
and the dev-stream replay on the shared data."""

from __future__ import annotations

import json
import random
import subprocess
import sys

import pytest

from synoptic.evaluate.stories import (
    adjusted_mutual_information,
    bcubed,
    evaluate_stream,
    pairwise,
    replay_order,
)
from synoptic.model import Article
from tests.conftest import ROOT

GOLD = ["a", "a", "a", "b", "b", "c"]


def test_perfect_grouping_scores_one():
    predicted = [1, 1, 1, 2, 2, 3]
    assert bcubed(GOLD, predicted).f1 == pairwise(GOLD, predicted).f1 == adjusted_mutual_information(GOLD, predicted) == 1.0


def test_bcubed_by_hand():
    predicted = [1, 1, 2, 2, 2, 3]  # one "a" joined the "b"s
    score = bcubed(GOLD, predicted)
    # precision: a,a → 1; a in {a,b,b} → 1/3; b,b → 2/3 each; c → 1   → (2 + 1/3 + 4/3 + 1) / 6
    assert score.precision == pytest.approx((2 + 1 / 3 + 4 / 3 + 1) / 6)
    # recall: a,a → 2/3 each; lone a → 1/3; b,b → 1; c → 1   → (4/3 + 1/3 + 2 + 1) / 6
    assert score.recall == pytest.approx((4 / 3 + 1 / 3 + 2 + 1) / 6)


def test_pairwise_by_hand():
    score = pairwise(GOLD, [1, 1, 2, 2, 2, 3])
    # gold pairs: 3 (a) + 1 (b) = 4; predicted pairs: 1 + 3 = 4; shared: (a1,a2) and (b1,b2) = 2
    assert (score.precision, score.recall) == (0.5, 0.5)


def test_all_in_one_and_all_apart():
    assert bcubed(GOLD, [0] * 6).recall == 1.0 and bcubed(GOLD, list(range(6))).precision == 1.0
    assert adjusted_mutual_information(GOLD, [0] * 6) == pytest.approx(0.0)


def test_ami_matches_scikit_learn():
    from sklearn import metrics  # a test dependency (pyproject's test extra): this check must not skip
    rng = random.Random(3)
    for _ in range(5):
        n = rng.randrange(10, 300)
        gold = [rng.randrange(rng.randrange(1, 20) + 1) for _ in range(n)]
        predicted = [g if rng.random() < 0.7 else rng.randrange(25) for g in gold]
        assert adjusted_mutual_information(gold, predicted) == pytest.approx(metrics.adjusted_mutual_info_score(gold, predicted), abs=1e-9)


def test_lengths_must_match():
    with pytest.raises(ValueError, match="one each per article"):
        bcubed([1, 2], [1])


def test_replay_order_puts_undated_last():
    items = [(Article(id=i, text="x", date=d), i) for i, d in [("u", None), ("late", "2025-02-01"), ("early", "2025-01-01")]]
    assert [a.id for a, _ in replay_order(items)] == ["early", "late", "u"]


def test_bad_gold_lines_are_reported(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text('{"id": "a", "text": "One text here.", "story": "x"}\n{"id": "b", "text": "No gold."}\n{oops\n', encoding="utf-8")
    errors = []
    report = evaluate_stream(path, on_error=errors.append)
    assert (report.articles, report.failed, len(errors)) == (1, 2, 2)


def test_dev_stream_replay(shared_data, tmp_path):
    """The shared data's tac2010_A + multiling2011 mix, replayed: a floor well under the recorded
    figure (benchmarks), so that a broken clustering fails here."""
    stream = tmp_path / "dev.jsonl"
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "make_story_stream.py"), "--data", str(shared_data), "--sets", "tac2010_A,multiling2011", "--out", str(stream)],
        check=True, capture_output=True,
    )
    lines = [json.loads(line) for line in stream.read_text().splitlines()]
    assert len(lines) == 552 and len({line["story"] for line in lines}) == 56
    report = evaluate_stream(stream)
    assert report.bcubed.f1 > 0.8 and report.ami > 0.8
