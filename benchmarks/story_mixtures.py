"""How often a brief says its input holds several stories: on single dev clusters (it should not) and on
mixtures of 2-4 dev clusters (it should, with the right groups).

Every cluster of the dev sets is one input; so are the seeds folder and examples/varrow-pass. The
mixtures join the articles of --mixtures random picks of 2, 3 or 4 clusters (seeded), shuffled. Each
input is cleaned and segmented once (prepare_corpus, as a brief does); ``separate_stories`` then runs at
the constants of synoptic.compare.mixture, or at each point of --grid, on the same corpora.
Run: .venv/bin/python benchmarks/story_mixtures.py [--mixtures 200] [--seed 7] [--grid]
"""

from __future__ import annotations

import argparse
import datetime
import itertools
import random
from collections import Counter
from dataclasses import replace
from pathlib import Path

from record import write_section

from synoptic.analyze.sentences import Corpus
from synoptic.ingest import iter_clusters, read_inputs
from synoptic.model import Article
from synoptic.pipeline import prepare_corpus
from synoptic.compare import mixture

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA_SETS = ["tac2010_A", "duc2006", "duc2007_update", "multiling2011", "allsides_neus_test"]


def single_inputs() -> list[tuple[str, list[Article]]]:
    """(name, articles) of every dev cluster, the seeds and the bundled example; article ids made unique."""
    inputs = []
    for name in DATA_SETS:
        path = SHARED / "data" / f"{name}.jsonl"
        for cluster in iter_clusters(str(path)) if path.is_file() else ():
            if not isinstance(cluster, Exception):
                articles = [replace(a, id=f"{cluster.id}/{i}") for i, a in enumerate(cluster.articles)]
                inputs.append((f"{name} {cluster.id}", articles))
    for folder in (SHARED / "seeds", ROOT / "examples" / "varrow-pass"):
        if folder.is_dir():
            inputs.append((folder.name, list(read_inputs([str(folder)]).articles)))
    return inputs


def measure(singles: list[tuple[str, Corpus]], mixtures: list[tuple[int, dict[str, str], Corpus]]) -> dict:
    fired = [name for name, corpus in singles if mixture.separate_stories(corpus, {})]
    found, right, grouped, with_own = Counter(), Counter(), 0, 0
    counts = Counter()
    for n, gold, corpus in mixtures:
        groups = mixture.separate_stories(corpus, {})
        counts[n] += 1
        found[n] += bool(groups)
        right[n] += len(groups) == n
        for group in groups:
            stories = Counter(gold[a] for a in group.articles)
            grouped += len(group.articles)
            with_own += stories.most_common(1)[0][1]
    return {"fired": fired, "found": found, "right": right, "counts": counts, "purity": with_own / max(1, grouped)}


def line(result: dict, singles: int) -> str:
    counts, right = result["counts"], result["right"]
    per_n = ", ".join(f"{n} stories {right[n]}/{counts[n]}" for n in sorted(counts))
    return (
        f"fires on {len(result['fired'])}/{singles} single inputs; on mixtures fires {sum(result['found'].values())}/"
        f"{sum(counts.values())}, right number of stories {sum(right.values())}/{sum(counts.values())} ({per_n}), "
        f"articles grouped with their own story {result['purity']:.1%}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mixtures", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--grid", action="store_true", help="also try other values of the two thresholds")
    args = parser.parse_args()
    inputs = single_inputs()
    singles = [(name, prepare_corpus(articles)) for name, articles in inputs]
    rng = random.Random(args.seed)
    clusters = [(name, articles) for name, articles in inputs if name not in ("seeds", "varrow-pass")]
    if len(clusters) < 4:
        raise SystemExit(f"needs the dev sets in {SHARED / 'data'}; none found")
    mixtures = []
    for _ in range(args.mixtures):
        picked = rng.sample(clusters, rng.choice([2, 3, 4]))
        articles = [a for _, group in picked for a in group]
        rng.shuffle(articles)
        gold = {a.id: name for name, group in picked for a in group}
        mixtures.append((len(picked), gold, prepare_corpus(articles)))
    result = measure(singles, mixtures)
    lines = [
        f"## Several stories in one brief's input (`benchmarks/story_mixtures.py`, {datetime.date.today()})",
        "",
        f"{len(singles)} single inputs, {len(mixtures)} mixtures of 2-4 dev clusters (seed {args.seed}); "
        f"SEPARATE_MAX_SIMILARITY {mixture.SEPARATE_MAX_SIMILARITY}, STORY_MIN_COHESION {mixture.STORY_MIN_COHESION}:",
        "",
        f"- {line(result, len(singles))}",
        f"- single inputs it fires on: {', '.join(result['fired']) or 'none'}",
    ]
    if args.grid:
        chosen = mixture.SEPARATE_MAX_SIMILARITY, mixture.STORY_MIN_COHESION
        lines += ["", "| max similarity | min cohesion | result |", "| --- | --- | --- |"]
        for apart, cohesion in itertools.product((0.035, 0.04, 0.045, 0.05, 0.06), (0.0, 0.06, 0.08, 0.1)):
            mixture.SEPARATE_MAX_SIMILARITY, mixture.STORY_MIN_COHESION = apart, cohesion
            lines.append(f"| {apart} | {cohesion} | {line(measure(singles, mixtures), len(singles))} |")
        mixture.SEPARATE_MAX_SIMILARITY, mixture.STORY_MIN_COHESION = chosen
    print("\n".join(lines))
    write_section("story_mixtures", "\n".join(lines))


if __name__ == "__main__":
    main()
