"""Conflict precision and recall on a labelled set of small fictional clusters (tests/compare/labelled).

Each file lists its true conflicts (pairs of value phrases) and traps: pairs that must not be called a
conflict (different quantities in one cluster, one length in two units, "about 40" vs "41", overlapping
ranges, status claims about different things). A predicted conflict is correct when two of its claims
carry the two values of a true pair, and false otherwise. A conflict lists every claim about its quantity,
so two of its claims may agree ("up to 300" beside "200-300"); a trap is violated (and counted as a false
conflict) when a predicted conflict joins the trap pair and no true pair.
"""

from __future__ import annotations

import json
from pathlib import Path

from synoptic.compare.conflicts import find_conflicts
from tests.compare.helpers import corpus_of, families_of

LABELLED = Path(__file__).parent / "labelled"
MIN_PRECISION = 0.9  # the targets
MIN_RECALL = 0.7


def _joins(conflict: dict, pair: list[str]) -> bool:
    values = [claim["value"] for claim in conflict["claims"]]
    first = [k for k, v in enumerate(values) if pair[0] in v]
    second = [k for k, v in enumerate(values) if pair[1] in v]
    return any(a != b for a in first for b in second)


def _score() -> tuple[int, int, int, int, list[str]]:
    true_pos = false_pos = found = total = 0
    errors = []
    for path in sorted(LABELLED.glob("*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        corpus = corpus_of(*(a["text"] for a in case["articles"]))
        predicted = find_conflicts(corpus, families_of(corpus))
        for conflict in predicted:
            if any(_joins(conflict, pair) for pair in case["conflicts"]):
                true_pos += 1
            else:
                false_pos += 1
                errors.append(f"{path.stem}: false {[c['value'] for c in conflict['claims']]}")
        for pair in case["conflicts"]:
            total += 1
            if any(_joins(conflict, pair) for conflict in predicted):
                found += 1
            else:
                errors.append(f"{path.stem}: missed {pair}")
    return true_pos, false_pos, found, total, errors


def test_labelled_set_is_large_enough() -> None:
    cases = [json.loads(p.read_text(encoding="utf-8")) for p in LABELLED.glob("*.json")]
    assert len(cases) >= 15
    assert all(2 <= len(c["articles"]) <= 4 for c in cases)
    assert sum(len(c["non_conflicts"]) for c in cases) >= 15


def test_conflict_precision_and_recall() -> None:
    true_pos, false_pos, found, total, errors = _score()
    precision = true_pos / max(1, true_pos + false_pos)
    recall = found / max(1, total)
    print(f"\nlabelled conflicts: precision {precision:.2f} ({true_pos}/{true_pos + false_pos}), "
          f"recall {recall:.2f} ({found}/{total})")
    for error in errors:
        print("  ", error)
    assert precision >= MIN_PRECISION, errors
    assert recall >= MIN_RECALL, errors
