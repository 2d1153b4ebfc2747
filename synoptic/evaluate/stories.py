"""How well a grouping of articles into stories matches gold stories: BCubed, pairwise F1 and AMI,
and the replay behind ``synoptic eval-stories``.

Each measure takes two equal-length label sequences (gold, predicted), one entry per article. They
are written here from their definitions (Bagga & Baldwin 1998 for BCubed; Vinh, Epps & Bailey 2010
for adjusted mutual information, arithmetic-mean normalisation as scikit-learn's default) so that
scoring needs only numpy and scipy, not scikit-learn.
"""

from __future__ import annotations

import json
import math
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy.special import gammaln

from synoptic.errors import InputError, SynopticError, no_file
from synoptic.model import Article


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, precision: float, recall: float) -> PRF:
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(precision, recall, f1)


def _contingency(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> tuple[Counter, Counter, Counter]:
    if len(gold) != len(predicted):
        raise ValueError(f"gold has {len(gold)} labels, predicted {len(predicted)}: one each per article")
    return Counter(zip(gold, predicted)), Counter(gold), Counter(predicted)


def bcubed(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> PRF:
    """Per-article precision (share of its predicted story that shares its gold story) and recall
    (share of its gold story found in its predicted story), averaged over articles."""
    joint, gold_sizes, predicted_sizes = _contingency(gold, predicted)
    n = len(gold)
    if not n:
        return PRF(1.0, 1.0, 1.0)
    # An article in cell (g, p) has precision joint/|p| and recall joint/|g|; the cell holds joint articles.
    precision = sum(c * c / predicted_sizes[p] for (_, p), c in joint.items()) / n
    recall = sum(c * c / gold_sizes[g] for (g, _), c in joint.items()) / n
    return PRF.of(precision, recall)


def pairwise(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> PRF:
    """Precision and recall over article pairs put in one story (counted, never enumerated)."""
    joint, gold_sizes, predicted_sizes = _contingency(gold, predicted)

    def pairs(counts: Counter) -> int:
        return sum(c * (c - 1) // 2 for c in counts.values())

    both, in_gold, in_predicted = pairs(joint), pairs(gold_sizes), pairs(predicted_sizes)
    precision = both / in_predicted if in_predicted else 1.0
    recall = both / in_gold if in_gold else 1.0
    return PRF.of(precision, recall)


def _entropy(sizes: np.ndarray, n: int) -> float:
    p = sizes / n
    return float(-(p * np.log(p)).sum())


def expected_mutual_information(a: np.ndarray, b: np.ndarray, n: int) -> float:
    """E[MI] of two random labelings with the given cluster sizes (the hypergeometric model)."""
    total = 0.0
    log_n = math.log(n)
    lg_a, lg_na = gammaln(a + 1), gammaln(n - a + 1)
    lg_b, lg_nb = gammaln(b + 1), gammaln(n - b + 1)
    lg_n = gammaln(n + 1)
    for i, ai in enumerate(a):
        # every cell (i, j) at once: n_ij runs over [max(1, ai + bj - n), min(ai, bj)]
        low = np.maximum(1, ai + b - n)
        high = np.minimum(ai, b)
        for j in np.nonzero(high >= low)[0]:
            nij = np.arange(low[j], high[j] + 1, dtype=float)
            bj = b[j]
            term = nij / n * (np.log(nij) + log_n - math.log(ai) - math.log(bj))
            log_p = (
                lg_a[i] + lg_na[i] + lg_b[j] + lg_nb[j] - lg_n
                - gammaln(nij + 1) - gammaln(ai - nij + 1) - gammaln(bj - nij + 1) - gammaln(n - ai - bj + nij + 1)
            )
            total += float((term * np.exp(log_p)).sum())
    return total


def adjusted_mutual_information(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> float:
    """AMI = (MI − E[MI]) / (mean(H(gold), H(predicted)) − E[MI]); 1 for identical groupings, ~0 for chance."""
    joint, gold_sizes, predicted_sizes = _contingency(gold, predicted)
    n = len(gold)
    if n == 0 or (len(gold_sizes) == len(predicted_sizes) == 1) or len(joint) == len(gold_sizes) == len(predicted_sizes):
        return 1.0  # one class on both sides, or the same partition: perfect agreement
    a = np.array(list(gold_sizes.values()), dtype=float)
    b = np.array(list(predicted_sizes.values()), dtype=float)
    mi = sum(c / n * math.log(n * c / (gold_sizes[g] * predicted_sizes[p])) for (g, p), c in joint.items())
    expected = expected_mutual_information(a, b, n)
    normaliser = (_entropy(a, n) + _entropy(b, n)) / 2
    denominator = normaliser - expected
    if abs(denominator) < 1e-12:
        return 0.0
    return (mi - expected) / denominator


@dataclass
class StoryEvalReport:
    """Figures of one replay of a stream through the story store."""

    articles: int  # articles scored
    gold_stories: int
    predicted_stories: int
    bcubed: PRF
    pairwise: PRF
    ami: float
    articles_per_s: float  # ingest + assignment, SQLite writes included
    peak_mb: float
    failed: int  # bad lines, reported and skipped
    unscored: int  # lines whose text another line already had (stored once, so not scored)

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "gold_stories": self.gold_stories,
            "predicted_stories": self.predicted_stories,
            "bcubed": vars(self.bcubed),
            "pairwise": vars(self.pairwise),
            "ami": self.ami,
            "articles_per_s": round(self.articles_per_s, 1),
            "peak_mb": round(self.peak_mb, 1),
            "failed": self.failed,
            "unscored": self.unscored,
        }

    def table(self) -> str:
        b, p = self.bcubed, self.pairwise
        return "\n".join(
            [
                "| articles | gold stories | stories | B3 P | B3 R | B3 F1 | pair P | pair R | pair F1 | AMI | articles/s | peak MB |",
                "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
                f"| {self.articles} | {self.gold_stories} | {self.predicted_stories} | {b.precision:.3f} | {b.recall:.3f} | {b.f1:.3f}"
                f" | {p.precision:.3f} | {p.recall:.3f} | {p.f1:.3f} | {self.ami:.3f} | {self.articles_per_s:.0f} | {self.peak_mb:.0f} |",
            ]
        )


def replay_order(items: list[tuple[Article, str]]) -> list[tuple[Article, str]]:
    """Date order (stable: input order within a day); undated articles (and those dated after tomorrow)
    last, where the store gives them its clock, the newest date seen."""
    from synoptic.stories.features import news_day

    days = [news_day(article.date) for article, _ in items]
    order = sorted(range(len(items)), key=lambda i: (days[i] is None, days[i] or 0, i))
    return [items[i] for i in order]


def evaluate_stream(path: str | Path, idle_days: int | None = None, on_error: Callable[[InputError], None] | None = None) -> StoryEvalReport:
    """Replay a stream of articles carrying a gold ``story`` through a fresh store (a temporary
    SQLite file) in date order, and score the grouping."""
    from synoptic.evaluate.runner import peak_rss_mb
    from synoptic.stories.store import StoryStore

    items, failed = read_gold_stream(path, on_error)
    if not items:
        raise SynopticError(f"{path}: holds no usable articles; give one article a line, each with a \"story\"")
    stream = replay_order(items)
    gold_of = {article.id: story for article, story in stream}
    with tempfile.TemporaryDirectory(prefix="synoptic-eval-stories-") as folder:
        with StoryStore(Path(folder) / "stories.db", idle_days=idle_days) as store:
            started = time.perf_counter()
            store.ingest(article for article, _ in stream)
            elapsed = time.perf_counter() - started
            predicted = dict(store.assignments())
    scored = [a for a in gold_of if a in predicted]
    gold = [gold_of[a] for a in scored]
    labels = [predicted[a] for a in scored]
    return StoryEvalReport(
        articles=len(scored),
        gold_stories=len(set(gold)),
        predicted_stories=len(set(labels)),
        bcubed=bcubed(gold, labels),
        pairwise=pairwise(gold, labels),
        ami=adjusted_mutual_information(gold, labels),
        articles_per_s=len(stream) / elapsed if elapsed else 0.0,
        peak_mb=peak_rss_mb(),
        failed=failed,
        unscored=len(stream) - len(scored),
    )


def read_gold_stream(path: str | Path, on_error: Callable[[InputError], None] | None = None) -> tuple[list[tuple[Article, str]], int]:
    """(article, gold story) for every good line; bad lines are passed to ``on_error`` and counted.
    Ids must be unique: a repeated id is a bad line (its gold story would be ambiguous)."""
    from synoptic.ingest.jsonfmt import article_from_dict

    if not Path(path).is_file():
        raise no_file(path, "give a JSONL stream (benchmarks/make_story_stream.py writes one)")
    items: list[tuple[Article, str]] = []
    seen: set[str] = set()
    failed = 0
    with open(path, encoding="utf-8") as handle:
        for n, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{path} line {n}"
            try:
                record = json.loads(line)
                if not isinstance(record, dict) or record.get("story") in (None, ""):
                    raise InputError(where, "the line has no gold \"story\"", "give each article line a \"story\" (its gold story id)")
                article = article_from_dict(record, where, f"line-{n}")
                if article.id in seen:
                    raise InputError(where, f"the id '{article.id}' is used twice", "give every article a unique \"id\"")
            except json.JSONDecodeError as exc:
                failed += 1
                if on_error:
                    on_error(InputError(where, f"not valid JSON ({exc.msg})", "fix the line"))
                continue
            except InputError as exc:
                failed += 1
                if on_error:
                    on_error(exc)
                continue
            seen.add(article.id)
            items.append((article, str(record["story"])))
    return items, failed
