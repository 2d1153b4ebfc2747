"""ROUGE as synoptic reports it: rouge-score, Porter stemming, recall and F1 averaged over references.

rouge-score lives in the ``eval`` extra, so it is imported only when a score is first asked for; a
missing package raises :class:`~synoptic.errors.MissingExtraError` naming the extra to install.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from synoptic.errors import MissingExtraError

ROUGE_TYPES = ("rouge1", "rouge2", "rougeL")
MEASURES = ("recall", "f1")
# Table columns in order: (rouge type, measure, label).
COLUMNS = (
    ("rouge1", "recall", "R1-R"),
    ("rouge1", "f1", "R1-F"),
    ("rouge2", "recall", "R2-R"),
    ("rouge2", "f1", "R2-F"),
    ("rougeL", "recall", "RL-R"),
    ("rougeL", "f1", "RL-F"),
)

Scores = dict[str, dict[str, float]]  # {"rouge1": {"recall": 0.41, "f1": 0.38}, ...}, fractions in [0, 1]

_scorer: Any = None


def truncate_words(text: str, words: int) -> str:
    """``text`` cut to its first ``words`` whitespace-separated words (whitespace runs become one space)."""
    return " ".join(text.split()[:words])


def rouge_scorer() -> Any:
    """The shared RougeScorer (ROUGE-1, ROUGE-2, ROUGE-L, stemmed), created on first use."""
    global _scorer
    if _scorer is None:
        try:
            from rouge_score import rouge_scorer as module
        except ImportError:
            raise MissingExtraError("rouge_score", "eval") from None
        _scorer = module.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)
    return _scorer


def score_summary(summary: str, references: Sequence[str]) -> Scores:
    """Recall and F1 of ``summary`` against each reference, averaged over the references."""
    if not references:
        raise ValueError("score_summary needs at least one reference summary")
    scorer = rouge_scorer()
    totals = {r: {m: 0.0 for m in MEASURES} for r in ROUGE_TYPES}
    for reference in references:
        scored = scorer.score(reference, summary)  # (target, prediction)
        for r in ROUGE_TYPES:
            totals[r]["recall"] += scored[r].recall
            totals[r]["f1"] += scored[r].fmeasure
    return {r: {m: v / len(references) for m, v in by_measure.items()} for r, by_measure in totals.items()}


def mean_scores(per_cluster: Iterable[Mapping[str, Mapping[str, float]]]) -> Scores:
    """The mean of per-cluster scores (each cluster counts once, however many references it has)."""
    items = list(per_cluster)
    if not items:
        return {r: {m: 0.0 for m in MEASURES} for r in ROUGE_TYPES}
    return {r: {m: sum(s[r][m] for s in items) / len(items) for m in MEASURES} for r in ROUGE_TYPES}


def as_percent(scores: Mapping[str, Mapping[str, float]]) -> Scores:
    """Scores ×100, as reported."""
    return {r: {m: 100.0 * v for m, v in by_measure.items()} for r, by_measure in scores.items()}
