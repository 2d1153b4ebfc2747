"""The evaluation runner behind ``synoptic eval`` and ``benchmarks/eval_table.py``.

Every cluster goes through exactly the code path of ``synoptic brief``: :func:`synoptic.pipeline.brief_cluster`
with ``Options(words=N, method=m, min_articles=1, analysis=False)`` (ROUGE reads only the summary; the
cross-source sections are timed by benchmarks/analysis_latency.py). A method's summary is its brief's sentences joined with
spaces and cut to N whitespace words; it is scored with ROUGE against the cluster's references
(:mod:`synoptic.evaluate.rouge`). Speed covers ``brief_cluster`` alone (ingest and scoring excluded).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath
from typing import Any

import numpy as np

from synoptic.errors import InputError, OptionsError, SynopticError, no_file
from synoptic.evaluate.rouge import COLUMNS, Scores, as_percent, mean_scores, rouge_scorer, score_summary, truncate_words
from synoptic.ingest import iter_clusters
from synoptic.model import Cluster
from synoptic.options import Options
from synoptic.pipeline import brief_cluster, cluster_origin
from synoptic.summarize import METHODS

UPPER_BOUND_PREFIX = "oracle"  # methods that read the references: run only when named, labelled as upper bounds
DEFAULT_WORDS = 100

ErrorSink = Callable[[SynopticError], None]
Progress = Callable[[str, int, int], None]  # (method, clusters done, clusters in all)


class MethodFailure(SynopticError):
    """A cluster that one method could not brief (the cluster is skipped for that method)."""

    def __init__(self, method: str, error: SynopticError) -> None:
        self.method = method
        self.error = error
        super().__init__(f"{error} (method {method})")


def is_upper_bound(method: str) -> bool:
    return method.startswith(UPPER_BOUND_PREFIX)


def method_label(method: str) -> str:
    return f"{method} (upper bound)" if is_upper_bound(method) else method


def resolve_methods(methods: str | Sequence[str] | None = None) -> list[str]:
    """Method names from "a,b" or a list, checked against the registry (an unknown one raises the
    registry's OptionsError). None means every registered method except the oracles."""
    if methods is None:
        return [m for m in METHODS.names() if not is_upper_bound(m)]
    names = methods.split(",") if isinstance(methods, str) else list(methods)
    chosen = list(dict.fromkeys(n.strip() for n in names if n.strip()))
    if not chosen:
        raise OptionsError(f"--methods names no method; choose from: {', '.join(METHODS.names())}")
    for name in chosen:
        METHODS.get(name)
    return chosen


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (NaN where the platform cannot say)."""
    try:
        import resource
    except ImportError:  # Windows
        return float("nan")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB elsewhere


def _with_references(cluster: Cluster) -> Cluster:
    """The cluster with blank references dropped; an InputError if none is left."""
    references = tuple(r for r in cluster.references if r.strip())
    if not references:
        raise InputError(cluster_origin(cluster), "has no reference summaries", 'eval needs a "summary" (one or more reference texts) in every cluster')
    return cluster if references == cluster.references else replace(cluster, references=references)


def load_clusters(path: str | Path, limit: int | None = None, on_error: ErrorSink | None = None) -> tuple[list[Cluster], int]:
    """The first ``limit`` records of a cluster JSONL file (all when None): the usable clusters and the
    number of bad ones, each of which is passed to ``on_error`` and skipped. A cluster without
    references is bad here."""
    if limit is not None and limit < 1:
        raise OptionsError(f"--limit must be a whole number of at least 1, not {limit}")
    if str(path) != "-" and not Path(path).is_file():
        raise no_file(path, "give a cluster JSONL file with reference summaries")
    clusters: list[Cluster] = []
    failures = seen = 0
    for item in iter_clusters(path):
        if limit is not None and seen >= limit:
            break
        seen += 1
        try:
            if isinstance(item, SynopticError):
                raise item
            clusters.append(_with_references(item))
        except SynopticError as exc:
            failures += 1
            if on_error is not None:
                on_error(exc)
    return clusters, failures


def method_summary(cluster: Cluster, method: str, words: int) -> tuple[str, float]:
    """A method's summary of one cluster, as eval scores it, and the seconds ``brief_cluster`` took."""
    options = Options(words=words, method=method, min_articles=1, analysis=False)
    started = time.perf_counter()
    brief = brief_cluster(cluster, options)
    elapsed = time.perf_counter() - started
    return truncate_words(" ".join(s.text for s in brief.summary), words), elapsed


@dataclass
class MethodResult:
    method: str
    clusters: int  # clusters scored
    failed: int  # clusters this method could not brief (reported and skipped)
    rouge: Scores  # ×100
    clusters_per_s: float
    p50_ms: float
    p95_ms: float
    peak_mb: float

    @property
    def label(self) -> str:
        return method_label(self.method)

    @property
    def upper_bound(self) -> bool:
        return is_upper_bound(self.method)

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "upper_bound": self.upper_bound,
            "clusters": self.clusters,
            "failed": self.failed,
            **{r: {m: round(v, 2) for m, v in by_measure.items()} for r, by_measure in self.rouge.items()},
            "clusters_per_s": round(self.clusters_per_s, 2),
            "p50_ms": round(self.p50_ms, 2),
            "p95_ms": round(self.p95_ms, 2),
            "peak_mb": round(self.peak_mb, 1),
        }


def evaluate_method(
    clusters: Sequence[Cluster],
    method: str,
    words: int = DEFAULT_WORDS,
    on_error: ErrorSink | None = None,
    progress: Progress | None = None,
) -> MethodResult:
    """Brief and score every cluster with one method; a cluster that fails is reported and skipped."""
    METHODS.get(method)
    rouge_scorer()  # a missing extra fails before any work is done
    per_cluster: list[Scores] = []
    seconds: list[float] = []
    failed = 0
    for done, cluster in enumerate(clusters, 1):
        try:
            summary, elapsed = method_summary(cluster, method, words)
        except SynopticError as exc:
            failed += 1
            if on_error is not None:
                on_error(MethodFailure(method, exc))
        else:
            seconds.append(elapsed)
            per_cluster.append(score_summary(summary, cluster.references))
        if progress is not None:
            progress(method, done, len(clusters))
    ms = np.asarray(seconds) * 1000
    return MethodResult(
        method=method,
        clusters=len(per_cluster),
        failed=failed,
        rouge=as_percent(mean_scores(per_cluster)),
        clusters_per_s=len(seconds) / sum(seconds) if seconds and sum(seconds) > 0 else 0.0,
        p50_ms=float(np.percentile(ms, 50)) if len(ms) else 0.0,
        p95_ms=float(np.percentile(ms, 95)) if len(ms) else 0.0,
        peak_mb=peak_rss_mb(),
    )


@dataclass
class EvalReport:
    dataset: str
    path: str
    words: int
    clusters: int  # usable clusters read (bad records excluded)
    skipped: int = 0  # bad records reported and skipped while reading
    results: list[MethodResult] = field(default_factory=list)

    @property
    def failures(self) -> int:
        return self.skipped + sum(r.failed for r in self.results)

    def to_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "path": self.path,
            "words": self.words,
            "clusters": self.clusters,
            "skipped": self.skipped,
            "rouge": "rouge-score, Porter stemmer; recall and F1 x100, averaged over references, then over clusters",
            "methods": {r.method: r.to_dict() for r in self.results},
        }

    def header(self) -> str:
        skipped = f" ({self.skipped} bad skipped)" if self.skipped else ""
        return f"{self.dataset}: {self.clusters} clusters{skipped}, {self.words} words; ROUGE x100 (stemmed, mean over references, then clusters)"

    def _rows(self) -> tuple[list[str], list[list[str]]]:
        head = ["method", *(label for _, _, label in COLUMNS), "clusters/s", "p50 ms", "p95 ms", "peak MB"]
        rows = [
            [
                r.label,
                *(f"{r.rouge[rouge][measure]:.1f}" for rouge, measure, _ in COLUMNS),
                f"{r.clusters_per_s:.1f}",
                f"{r.p50_ms:.1f}",
                f"{r.p95_ms:.1f}",
                f"{r.peak_mb:.0f}",
            ]
            for r in self.results
        ]
        return head, rows

    def _notes(self) -> list[str]:
        failed = {r.failed for r in self.results}
        if len(self.results) > 1 and len(failed) == 1 and min(failed):
            return [f"every method: {min(failed)} cluster(s) failed (reported on stderr) and are not scored"]
        return [f"{r.method}: {r.failed} cluster(s) failed (reported on stderr) and are not scored" for r in self.results if r.failed]

    def table(self) -> str:
        """Plain text: a header line, then one row per method."""
        head, rows = self._rows()
        widths = [max(len(row[i]) for row in [head, *rows]) for i in range(len(head))]
        lines = [self.header()]
        for row in [head, *rows]:
            cells = [row[0].ljust(widths[0])] + [cell.rjust(w) for cell, w in zip(row[1:], widths[1:])]
            lines.append("  ".join(cells).rstrip())
        return "\n".join(lines + self._notes()) + "\n"

    def markdown(self) -> str:
        """A Markdown table (no heading), one row per method."""
        head, rows = self._rows()
        lines = ["| " + " | ".join(head) + " |", "| --- |" + " ---: |" * (len(head) - 1)]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        notes = self._notes()
        return "\n".join(lines) + ("\n\n" + "\n".join(f"- {n}" for n in notes) if notes else "") + "\n"


def run_eval(
    path: str | Path,
    methods: str | Sequence[str] | None = None,
    words: int = DEFAULT_WORDS,
    limit: int | None = None,
    on_error: ErrorSink | None = None,
    progress: Progress | None = None,
) -> EvalReport:
    """Evaluate ``methods`` (default: all but the oracles) on the first ``limit`` clusters of ``path``."""
    names = resolve_methods(methods)
    Options(words=words)  # refuse a bad budget before reading anything
    rouge_scorer()
    reported: set[str] = set()

    def report_once(exc: SynopticError) -> None:
        """A cluster that fails under every method is reported once, not once per method."""
        key = str(exc.error if isinstance(exc, MethodFailure) else exc)
        if on_error is not None and key not in reported:
            reported.add(key)
            on_error(exc)

    clusters, skipped = load_clusters(path, limit, report_once)
    dataset = "<stdin>" if str(path) == "-" else PurePath(path).stem
    report = EvalReport(dataset=dataset, path=str(path), words=words, clusters=len(clusters), skipped=skipped)
    if not clusters:
        return report
    for name in names:
        report.results.append(evaluate_method(clusters, name, words, report_once, progress))
    return report
