"""Train the concept-weight model of the default method and report how it generalises.

Reads the development sets in ../shared/data (never copied into the project), builds one row per
concept of each cluster (synoptic.summarize.weights.FEATURES) with the share of the cluster's
reference summaries that use the concept as its target, and fits an L2-regularised logistic
regression on those soft targets (synoptic.summarize.weights.fit_model; scipy, no scikit-learn).

Before writing the model it measures generalisation: each development set is summarised with a model
trained on the *other* sets only, next to the count-weighted `coverage` method. Then it trains on every
set and writes synoptic/summarize/concept_model.json.

Run: .venv/bin/python benchmarks/train_concept_model.py [--data DIR] [--dry-run]
"""

from __future__ import annotations

import argparse
import datetime
import json
import platform
import subprocess
import sys
from pathlib import Path

import numpy as np

from record import write_section

from synoptic.evaluate.rouge import mean_scores, score_summary, truncate_words
from synoptic.ingest import iter_clusters
from synoptic.model import Cluster
from synoptic.pipeline import prepare_corpus
from synoptic.summarize import order_for_reading
from synoptic.summarize.concepts import sentence_bigrams
from synoptic.summarize.methods import concept_coverage, copy_families
from synoptic.summarize.weights import FEATURES, MODEL_FILE, ConceptModel, concept_features, fit_model

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
SETS = {"tac2010_A": 100, "duc2006": 250, "duc2007_update": 100, "multiling2011": 250}  # name → word budget
L2 = 1.0  # penalty 0.5·L2·|coef|² (the intercept is not penalised)
# Training rows cover every concept, though the method weighs only those of ≥ 2 families: learning
# from the single-source ones too gave +0.3 to +1.0 R1 in the leave-one-set-out runs, against
# +0.0 to +0.5 when training on the ≥ 2 families ones alone.
TRAIN_MIN_SOURCES = 1


def load(data: Path, name: str) -> list[Cluster]:
    return [c for c in iter_clusters(data / f"{name}.jsonl") if isinstance(c, Cluster) and c.references]


def rows_and_targets(cluster: Cluster) -> tuple[np.ndarray, np.ndarray]:
    corpus = prepare_corpus(cluster.articles, cluster.references)
    concepts = [sentence_bigrams(s.text) for s in corpus.sentences]
    kept, rows = concept_features(corpus, concepts, copy_families(corpus), TRAIN_MIN_SOURCES)
    references = [sentence_bigrams(r) for r in cluster.references]
    targets = np.array([sum(c in r for r in references) / len(references) for c in kept])
    return rows, targets


def rouge(clusters: list[Cluster], words: int, model: ConceptModel | None) -> tuple[float, float]:
    per_cluster = []
    for cluster in clusters:
        corpus = prepare_corpus(cluster.articles, cluster.references)
        chosen = order_for_reading(corpus, concept_coverage(corpus, words, model))
        summary = truncate_words(" ".join(corpus.shown(i) for i in chosen), words)
        per_cluster.append(score_summary(summary, cluster.references))
    scores = mean_scores(per_cluster)
    return 100 * scores["rouge1"]["recall"], 100 * scores["rouge2"]["recall"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--dry-run", action="store_true", help="report, but do not write the model file")
    args = parser.parse_args()
    if not all((args.data / f"{name}.jsonl").is_file() for name in SETS):
        sys.exit(f"train_concept_model: {args.data} lacks one of {', '.join(SETS)} (.jsonl); give --data DIR")
    clusters = {name: load(args.data, name) for name in SETS}
    table = {name: [rows_and_targets(c) for c in found] for name, found in clusters.items()}

    def stacked(names: list[str]) -> tuple[np.ndarray, np.ndarray]:
        parts = [part for name in names for part in table[name]]
        return np.vstack([r for r, _ in parts]), np.concatenate([t for _, t in parts])

    report = [
        "## Learned concept weights, leave one set out (`benchmarks/train_concept_model.py`)",
        "",
        "Each dev set summarised (the default's search) with concept weights trained on the *other* sets only,",
        "beside the count weights of Gillick & Favre (`coverage`). ROUGE recall ×100.",
        "",
        "| set | words | counts R1 / R2 | learned R1 / R2 |",
        "| --- | ---: | ---: | ---: |",
    ]
    print("\n".join(report), flush=True)
    lines = []
    for name, words in SETS.items():
        model = fit_model(*stacked([n for n in SETS if n != name]), L2)
        base, learned = rouge(clusters[name], words, None), rouge(clusters[name], words, model)
        line = f"{name:16} {words:5}  {base[0]:6.2f}/{base[1]:5.2f}  {learned[0]:6.2f}/{learned[1]:5.2f}"
        report.append(f"| {name} | {words} | {base[0]:.2f} / {base[1]:.2f} | {learned[0]:.2f} / {learned[1]:.2f} |")
        print(report[-1], flush=True)
        lines.append(line)
    rows, targets = stacked(list(SETS))
    model = fit_model(rows, targets, L2)
    print(f"final model: {len(rows)} concepts from {sum(len(c) for c in clusters.values())} clusters")
    for feature, coef in zip(FEATURES, model.coef):
        print(f"  {feature:22} {coef:+.3f}")
    if args.dry_run:
        return
    write_section("concept_model", "\n".join(report))
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    record = {
        **model.to_dict(),
        "trained_on": {name: len(found) for name, found in clusters.items()},
        "concepts": len(rows),
        "l2": L2,
        "leave_one_set_out": lines,
        "made_by": "benchmarks/train_concept_model.py",
        "date": datetime.date.today().isoformat(),
        "commit": commit or None,
        "python": platform.python_version(),
    }
    MODEL_FILE.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_FILE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
