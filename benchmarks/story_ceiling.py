"""How far can any grouping of the dev stream go? The gold's own overlaps, and oracle ceilings.

Two kinds of figure, on the dev stream of benchmarks/make_story_stream.py (built at run time from
../shared/data, never kept):

- What the gold allows at all: articles that more than one gold story holds (by id, by identical text,
  by near-identical text as the store's copy test sees it), and the BCubed F1 of the gold against
  itself with the stories that share an article joined (what a grouping that keeps such stories
  together can reach at most).
- Oracle ceilings on a similarity (the store's own online TF-IDF signatures, full batch TF-IDF, plus
  capitalised-name overlap, plus a time decay), with the gold labels known: leave-one-out
  classification of each article to the gold story it is on average most similar to (its accuracy
  and the BCubed F1 of that labelling), and batch average-link clustering with the cut chosen on
  the gold. An online single pass sees less than either.

The figures go to benchmarks/results.md, section "story_ceiling".

    python benchmarks/story_ceiling.py
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from make_story_stream import DATA, DEFAULT_SETS, gold_story
from record import write_section

from synoptic.analyze.tokens import STOPWORDS, content_terms
from synoptic.clean.duplicates import COPY_MIN_JACCARD, jaccard
from synoptic.evaluate.stories import bcubed, replay_order
from synoptic.model import Article
from synoptic.stories.cluster import TIME_SCALE_DAYS
from synoptic.stories.features import (
    FEATURE_BITS,
    TITLE_WEIGHT,
    DocumentFrequencies,
    parse_day,
    term_counts,
    weighted_terms,
)
from synoptic.stories.store import _shingles_of, fingerprint

NAME = re.compile(r"\b[A-Z][A-Za-z'\-]+(?:\s+[A-Z][A-Za-z'\-]+)*")  # a run of capitalised words
NAME_WEIGHT = 0.3  # how much the name-overlap cosine adds to the term cosine (0.1-0.5 all lowered the ceilings)


def occurrences(data: Path) -> list[tuple[str, str, Article]]:
    """(gold story, article id, article) for every article of every cluster, repeats included."""
    out = []
    for name in DEFAULT_SETS:
        with open(data / f"{name}.jsonl", encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    cluster = json.loads(line)
                    for n, a in enumerate(cluster["articles"]):
                        article_id = str(a.get("doc_id") or a.get("id") or f"{cluster['id']}-{n}")
                        article = Article(id=article_id, text=a["text"], title=a.get("title"), date=a.get("date"))
                        out.append((gold_story(cluster), article_id, article))
    return out


def overlaps(rows: list[tuple[str, str, Article]]) -> tuple[list[str], list[tuple[str, str]]]:
    """Report lines, and the pairs of gold stories that share an article (by id, identical or near-identical text)."""
    stories_of_id: dict[str, set[str]] = {}
    stories_of_text: dict[str, set[str]] = {}
    first: dict[str, tuple[str, Article]] = {}
    for story, article_id, article in rows:
        stories_of_id.setdefault(article_id, set()).add(story)
        stories_of_text.setdefault(fingerprint(article), set()).add(story)
        first.setdefault(article_id, (story, article))
    ids_of_text: dict[str, set[str]] = {}
    for _, article_id, article in rows:
        ids_of_text.setdefault(fingerprint(article), set()).add(article_id)
    shared_ids = [s for s in stories_of_id.values() if len(s) > 1]
    shared_texts = [s for s in stories_of_text.values() if len(s) > 1]
    renamed = sum(1 for key, s in stories_of_text.items() if len(s) > 1 and len(ids_of_text[key]) > 1)
    # near-identical: the store's copy test (5-shingle Jaccard) between articles of different gold stories;
    # candidates share one of the article's first 200 shingles (a pair at Jaccard >= 0.75 shares most of them)
    articles = list(first.values())
    shingle_sets = [_shingles_of(a.text) for _, a in articles]
    holders: dict[str, list[int]] = {}
    for k, s in enumerate(shingle_sets):
        for shingle in s:
            holders.setdefault(shingle, []).append(k)
    near = set()
    for k, s in enumerate(shingle_sets):
        seen: set[int] = set()
        for shingle in list(s)[:200]:
            seen.update(j for j in holders[shingle] if j > k)
        for j in seen:
            if articles[k][0] != articles[j][0] and jaccard(s, shingle_sets[j]) >= COPY_MIN_JACCARD and fingerprint(articles[k][1]) != fingerprint(articles[j][1]):
                near.add((articles[k][0], articles[j][0]))
    links = [tuple(sorted(p)) for p in near]
    for group in shared_ids + shared_texts:  # a group of three stories links all three
        ordered = sorted(group)
        links += [(ordered[0], other) for other in ordered[1:]]
    lines = [
        f"- {len(rows)} article occurrences, {len(stories_of_id)} distinct ids, {len(stories_of_text)} distinct texts.",
        (f"- ids held by more than one gold story: **{len(shared_ids)}**; identical texts in more than one gold story: "
        f"**{len(shared_texts)}** ({renamed} of them under different ids);"
        f" near-identical pairs (Jaccard ≥ {COPY_MIN_JACCARD}, not identical) across gold stories: **{len(near)}**."),
        f"- gold stories linked by a shared article: {len({x for pair in links for x in pair})}.",
    ]
    return lines, sorted(set(links))


def joined_gold(gold: list[str], links: list[tuple[str, str]]) -> list[str]:
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for a, b in links:
        parent[root(a)] = root(b)
    return [root(g) for g in gold]


def normalised(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(1)).ravel())
    norms[norms == 0] = 1
    return sparse.csr_matrix(sparse.diags(1 / norms) @ matrix)


def tfidf(bags: list[Counter[str]]) -> sparse.csr_matrix:
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, bag in enumerate(bags):
        for term, count in bag.items():
            rows.append(i)
            cols.append(vocab.setdefault(term, len(vocab)))
            vals.append((1 + math.log(count)) * (math.log((len(bags) + 1) / (df[term] + 1)) + 1))
    return normalised(sparse.csr_matrix((vals, (rows, cols)), shape=(len(bags), max(1, len(vocab)))))


def names(text: str) -> Counter[str]:
    out: Counter[str] = Counter()
    for match in NAME.finditer(text):
        words = [w.lower() for w in match.group(0).split() if w.lower() not in STOPWORDS]
        if words:
            out[" ".join(words)] += 1
    return out


def store_signatures(articles: list[Article], days: list[int]) -> sparse.csr_matrix:
    """The store's own vectors: online document frequencies, in the replay (date) order."""
    frequencies = DocumentFrequencies()
    rows, cols, vals = [], [], []
    for i, article in enumerate(articles):
        counts = term_counts(article)
        frequencies.add(counts)
        for feature, weight in weighted_terms(counts, frequencies):
            rows.append(i)
            cols.append(feature)
            vals.append(weight)
    return sparse.csr_matrix((vals, (rows, cols)), shape=(len(articles), 1 << FEATURE_BITS))


def oracle(similarity: np.ndarray, gold: list[str]) -> tuple[float, float, float, float]:
    """(leave-one-out accuracy, its BCubed F1, best average-link BCubed F1, its cut)."""
    similarity = similarity.copy()
    np.fill_diagonal(similarity, 0)
    labels = sorted(set(gold))
    index = {g: k for k, g in enumerate(labels)}
    members = np.zeros((len(gold), len(labels)))
    members[np.arange(len(gold)), [index[g] for g in gold]] = 1
    mean = (similarity @ members) / np.maximum(members.sum(0) - members, 1)
    predicted = [labels[k] for k in mean.argmax(1)]
    accuracy = float(np.mean([p == g for p, g in zip(predicted, gold)]))
    distance = np.clip(1 - similarity / similarity.max(), 0, None)
    np.fill_diagonal(distance, 0)
    tree = linkage(squareform(distance, checks=False), "average")
    best, cut = max((bcubed(gold, list(fcluster(tree, t, "distance"))).f1, t) for t in np.arange(0.5, 1.0, 0.01))
    return accuracy, bcubed(gold, predicted).f1, best, float(cut)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args(argv)
    if not all((args.data / f"{s}.jsonl").is_file() for s in DEFAULT_SETS):
        print(f"story_ceiling: {args.data}: the dev data is missing; point --data at the shared data folder", file=sys.stderr)
        return 1
    rows = occurrences(args.data)
    lines, links = overlaps(rows)
    # the scored stream: one row per id (its first cluster's story), identical texts stored once, date order
    seen_ids: set[str] = set()
    seen_texts: set[str] = set()
    items = []
    for story, article_id, article in rows:
        key = fingerprint(article)
        if article_id not in seen_ids and key not in seen_texts:
            items.append((article, story))
        seen_ids.add(article_id)
        seen_texts.add(key)
    stream = replay_order(items)
    articles = [a for a, _ in stream]
    gold = [g for _, g in stream]
    days = [parse_day(a.date) for a in articles]
    last = max(d for d in days if d is not None)
    day = np.array([d if d is not None else last for d in days], dtype=float)
    merged = bcubed(gold, joined_gold(gold, links))
    lines.append(
        f"- the gold against itself with the linked stories joined: BCubed P {merged.precision:.3f} / R {merged.recall:.3f} /"
        f" **F1 {merged.f1:.3f}** ({len(articles)} scored articles). The gold as written is reachable (F1 1.000): no"
        " near-identical article sits in two gold stories, and shared ids and identical texts are scored once."
    )
    store = store_signatures(articles, days)
    full = tfidf([Counter(content_terms(a.text)) + Counter({t: TITLE_WEIGHT for t in content_terms(a.title or "")}) for a in articles])
    name = tfidf([names(a.text) for a in articles])
    s_store = (store @ store.T).toarray()
    s_full = (full @ full.T).toarray()
    s_name = (name @ name.T).toarray()
    decay = np.exp(-np.abs(day[:, None] - day[None, :]) / TIME_SCALE_DAYS)
    table = [
        "| similarity | leave-one-out accuracy | its BCubed F1 | average-link best BCubed F1 (cut) |",
        "| --- | ---: | ---: | ---: |",
    ]
    for label, similarity in [
        ("store signatures (online TF-IDF, 80 terms)", s_store),
        ("full TF-IDF, title ×3", s_full),
        (f"full TF-IDF + {NAME_WEIGHT} × capitalised-name TF-IDF", s_full + NAME_WEIGHT * s_name),
        (f"full TF-IDF × exp(-days apart / {TIME_SCALE_DAYS:.0f})", s_full * decay),
    ]:
        accuracy, f1, best, cut = oracle(similarity, gold)
        table.append(f"| {label} | {accuracy:.3f} | {f1:.3f} | {best:.3f} ({cut:.2f}) |")
        print(table[-1], flush=True)
    text = "\n".join(
        [
            f"## What the dev stream's gold allows (`benchmarks/story_ceiling.py`, {date.today().isoformat()})",
            "",
            *lines,
            "",
            "Oracle ceilings, the gold labels known (leave-one-out: each article to the gold story it is on average most similar to):",
            "",
            *table,
        ]
    )
    print(text)
    write_section("story_ceiling", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
