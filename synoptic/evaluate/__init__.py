"""Evaluation: ROUGE and speed of each summarization method on cluster files with reference summaries."""

from __future__ import annotations

from synoptic.evaluate.rouge import ROUGE_TYPES, mean_scores, score_summary, truncate_words
from synoptic.evaluate.runner import (
    EvalReport,
    MethodResult,
    evaluate_method,
    is_upper_bound,
    load_clusters,
    method_summary,
    resolve_methods,
    run_eval,
)

__all__ = [
    "ROUGE_TYPES",
    "EvalReport",
    "MethodResult",
    "evaluate_method",
    "is_upper_bound",
    "load_clusters",
    "mean_scores",
    "method_summary",
    "resolve_methods",
    "run_eval",
    "score_summary",
    "truncate_words",
]
