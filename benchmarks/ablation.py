"""What each idea of the default method contributes: ROUGE recall with one idea taken out at a time.

Every row runs the whole brief path (``brief_cluster``, analysis off) on every cluster of a dev set, with
one of the default's ingredients switched off by patching its constant for that row only:

- learned concept weights → the count weights of Gillick & Favre (the ``coverage`` method);
- the cross-source support bonus, the lead-position bonus, the candidate filters (short sentences and
  sentences that lean on an earlier one), the short forms without a trailing clause, the exclusion
  of paraphrase pairs from the search, the trimming of attribution tails;
- the beam search → the exact ILP (HiGHS) on the same objective.

Records its table in the "ablation" section of results.md. The learned weights are scored
in-sample here (the model was trained on these sets); benchmarks/train_concept_model.py gives the
leave-one-set-out figures.

Run: .venv/bin/python benchmarks/ablation.py [--data DIR] [--sets tac2010_A,duc2006]
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from record import write_section

from synoptic.evaluate.rouge import mean_scores, score_summary, truncate_words
from synoptic.ingest import iter_clusters
from synoptic.model import Cluster
from synoptic.options import Options
from synoptic.pipeline import brief_cluster
from synoptic.summarize import concepts, methods

methods_views = methods._views  # the real one, before a row patches it

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
WORDS = {"tac2010_A": 100, "duc2007_update": 100, "duc2006": 250, "multiling2011": 250}


@contextmanager
def patched(module: object, **values: object) -> Iterator[None]:
    old = {name: getattr(module, name) for name in values}
    for name, value in values.items():
        setattr(module, name, value)
    try:
        yield
    finally:
        for name, value in old.items():
            setattr(module, name, value)


def exact_search(concept_sets, weights, lengths, budget, sentence_bonus=None, exclusive=None):  # type: ignore[no-untyped-def]
    return concepts.solve_coverage(concept_sets, weights, lengths, budget, sentence_bonus, exclusive)


def whole_views(corpus, indices, lengths, words):  # type: ignore[no-untyped-def]
    return [view for view in methods_views(corpus, indices, lengths, words) if not view[1]]


def no_repeats(similarity, terms, max_similarity, max_term_overlap):  # type: ignore[no-untyped-def]
    return np.zeros(similarity.shape, dtype=bool)


# label → (method, constants of synoptic.summarize.methods to replace for that row)
VARIANTS: dict[str, tuple[str, dict[str, object]]] = {
    "default": ("default", {}),
    "− learned weights (count weights)": ("coverage", {}),
    "− support bonus": ("default", {"SUPPORT_BONUS": 0.0}),
    "− lead bonus": ("default", {"LEAD_BONUS": 0.0}),
    "− candidate filters": ("default", {"MIN_CANDIDATE_WORDS": 1, "reads_alone": lambda text: True}),
    "− short forms (whole sentences only)": ("default", {"_views": whole_views}),
    "− paraphrase exclusion in the search": ("default", {"near_repeats": no_repeats}),
    "− beam search (exact ILP)": ("default", {"beam_coverage": exact_search}),
}


def score(clusters: list[Cluster], words: int, method: str, trim: bool = True) -> tuple[float, float]:
    options = Options(words=words, method=method, min_articles=1, analysis=False, trim=trim)
    per_cluster = []
    for cluster in clusters:
        brief = brief_cluster(cluster, options)
        per_cluster.append(score_summary(truncate_words(" ".join(s.text for s in brief.summary), words), cluster.references))
    scores = mean_scores(per_cluster)
    return 100 * scores["rouge1"]["recall"], 100 * scores["rouge2"]["recall"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--sets", default="tac2010_A,duc2006,duc2007_update,multiling2011")
    args = parser.parse_args()
    names = [n.strip() for n in args.sets.split(",") if n.strip()]
    for name in names:
        if name not in WORDS or not (args.data / f"{name}.jsonl").is_file():
            raise SystemExit(f"ablation: {args.data / name}.jsonl is not a known dev set; choose from {', '.join(WORDS)}")
    table = {name: [c for c in iter_clusters(args.data / f"{name}.jsonl") if isinstance(c, Cluster)] for name in names}
    lines = [
        "## What each idea of the default contributes (`benchmarks/ablation.py`)",
        "",
        "ROUGE recall ×100 with one ingredient taken out (learned weights scored in-sample; see the",
        "leave-one-set-out section for generalisation).",
        "",
        "| variant | " + " | ".join(f"{n} ({WORDS[n]} words) R1 / R2" for n in names) + " |",
        "| --- |" + " ---: |" * len(names),
    ]
    print("\n".join(lines), flush=True)
    for label, (method, constants) in VARIANTS.items():
        with patched(methods, **constants):
            cells = [score(table[n], WORDS[n], method) for n in names]
        lines.append(f"| {label} | " + " | ".join(f"{r1:.1f} / {r2:.1f}" for r1, r2 in cells) + " |")
        print(lines[-1], flush=True)
    cells = [score(table[n], WORDS[n], "default", trim=False) for n in names]
    lines.append("| − trimming of attribution tails | " + " | ".join(f"{r1:.1f} / {r2:.1f}" for r1, r2 in cells) + " |")
    print(lines[-1])
    write_section("ablation", "\n".join(lines))


if __name__ == "__main__":
    main()
