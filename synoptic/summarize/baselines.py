"""Published baselines for comparison, written from the papers' descriptions.

Each is a method in :data:`~synoptic.summarize.base.METHODS` (``(corpus, words) -> indices``), stays
within the word budget and is deterministic. They ignore sources and citations on purpose: they are
what synoptic's own method is measured against.

- ``random``: a random order seeded by the corpus content.
- ``centroid``: Radev et al. (2004), closeness to the cluster's TF-IDF centroid.
- ``lexrank``: Erkan & Radev (2004), continuous LexRank (PageRank on the cosine graph).
- ``textrank``: Mihalcea & Tarau (2004), PageRank on normalised word overlap.
- ``klsum``: Haghighi & Vanderwende (2009), greedy KL-divergence to the cluster's word distribution.
- ``submodular``: Lin & Bilmes (2011), coverage + diversity reward, budgeted greedy.
- ``ilp``: Gillick & Favre (2009), bigram-concept coverage by integer linear programming.
- ``oracle``: greedy ROUGE-2 recall against the reference summaries (an upper bound, evaluation only).

Where a paper compares every pair of sentences, a cluster of many long reports would need n² cells: TextRank
keeps each sentence's strongest edges, and submodular and ILP read a pool of the most promising sentences
(TEXTRANK_MAX_NEIGHBOURS, PAIRWISE_MAX_SENTENCES). Every dev cluster is below both bounds.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Callable
from functools import lru_cache

import numpy as np
from scipy import sparse

from synoptic.analyze.sentences import Corpus
from synoptic.analyze.tokens import word_count
from synoptic.analyze.tokens import words as word_tokens
from synoptic.analyze.vectors import gram_bands, similarity_matrix, strongest, tfidf_matrix
from synoptic.errors import OptionsError
from synoptic.summarize.base import METHODS, fill_budget
from synoptic.summarize.concepts import concept_weights, sentence_bigrams, solve_coverage

REDUNDANCY_MAX_SIMILARITY = 0.5  # cosine above which a candidate repeats a chosen sentence
DAMPING = 0.85  # PageRank: probability of following an edge rather than jumping anywhere
LEXRANK_MIN_COSINE = 0.1  # LexRank keeps an edge only at or above this cosine
KL_SMOOTHING = 0.1  # additive smoothing of the summary's word distribution in KL-Sum (0.01 costs ~2.5 R2 on TAC 2010)
SUBMODULAR_ALPHA = 5.0  # coverage saturates at (ALPHA / N) of a sentence's total similarity
SUBMODULAR_LAMBDA = 6.0  # weight of the diversity reward
SUBMODULAR_COST_EXPONENT = 0.3  # greedy ranks by gain / length ** r
SUBMODULAR_CLUSTER_SHARE = 0.2  # k-means partitions: K = 0.2 N
ILP_MIN_SENTENCE_WORDS = 8  # Gillick & Favre leave out sentences shorter than this
ILP_MIN_ARTICLES = (2, 3)  # a concept must appear in this many articles (small, large clusters)
ILP_LARGE_CLUSTER = 6  # clusters with at least this many articles use the larger threshold
# The most edges a sentence keeps in TextRank's word-overlap graph: its strongest. Any shared word is an edge,
# so a cluster of many long reports that share their wording would hold all n² of them (30,000 sentences:
# 900 million, past 12 GB; benchmarks/baselines_dense.py). No row of the dev sets holds more than 850
# (duc2006; tac2010_A 290), so they keep every edge.
TEXTRANK_MAX_NEIGHBOURS = 1000
# The most sentences read by the baselines that compare every pair (submodular's dense cosines and k-means,
# the ILP's dominance test): those that promise most by a score of their own, linear to compute (closeness
# to the cluster's centroid; the concept weight a sentence covers alone), so memory stays at 2,000² cells
# (32 MB a float64 matrix) however long the cluster. The largest dev cluster has 1,223 sentences (duc2006):
# every dev cluster is read whole.
PAIRWISE_MAX_SENTENCES = 2000
ORACLE_NO_REFERENCES = "the oracle needs reference summaries; it only runs in `synoptic eval`"


def _lengths(corpus: Corpus) -> np.ndarray:
    return np.array([word_count(s.text) for s in corpus.sentences], dtype=float)


def _pagerank(weights: np.ndarray | sparse.csr_matrix, damping: float = DAMPING, tol: float = 1e-9, max_iter: int = 200) -> np.ndarray:
    """Stationary distribution of the random walk that follows ``weights`` (row-normalised) with
    probability ``damping`` and jumps uniformly otherwise; a sentence without edges jumps uniformly.
    ``weights`` may be sparse (LexRank's graph keeps only its edges) or dense."""
    n = weights.shape[0]
    out = np.asarray(weights.sum(axis=1)).ravel()
    dangling = out <= 0
    if sparse.issparse(weights):
        transition = sparse.csr_matrix(weights, copy=True)
        transition.data /= np.repeat(out, np.diff(transition.indptr))  # a dangling row has no entries
    else:
        transition = np.divide(weights, out[:, None], out=np.zeros_like(weights), where=~dangling[:, None])
    rank = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        spread = rank @ transition + rank[dangling].sum() / n
        new = (1.0 - damping) / n + damping * spread
        if np.abs(new - rank).sum() < tol:
            return new
        rank = new
    return rank


def _pool(scores: np.ndarray, size: int) -> np.ndarray:
    """Indices of the ``size`` highest ``scores`` (the earlier sentence first among equal ones), in text
    order, so ties later resolve as they would among all the sentences; all of them when there are no more."""
    if len(scores) <= size:
        return np.arange(len(scores))
    return np.sort(np.argsort(-scores, kind="stable")[:size])


def _greedy(corpus: Corpus, scores: np.ndarray, words: int, similarity: sparse.csr_matrix) -> list[int]:
    return fill_budget(corpus, scores, words, similarity, REDUNDANCY_MAX_SIMILARITY)


@METHODS.register("random")
def random_order(corpus: Corpus, words: int) -> list[int]:
    """Baseline: sentences in a random order (seeded by the text, so repeatable) until the budget is full."""
    if not corpus.sentences:
        return []
    digest = hashlib.sha256("\x1e".join(s.text for s in corpus.sentences).encode("utf-8")).digest()
    rng = np.random.default_rng(int.from_bytes(digest[:8], "big"))
    return fill_budget(corpus, rng.permutation(len(corpus.sentences)).astype(float), words)


@METHODS.register("centroid")
def centroid(corpus: Corpus, words: int) -> list[int]:
    """Centroid (Radev et al. 2004): cosine to the cluster's TF-IDF centroid, greedy without repeats."""
    if not corpus.sentences:
        return []
    matrix = tfidf_matrix(corpus)
    center = np.asarray(matrix.mean(axis=0)).ravel()
    norm = np.linalg.norm(center)
    scores = matrix @ center / norm if norm > 0 else np.zeros(matrix.shape[0])
    return _greedy(corpus, np.asarray(scores).ravel(), words, similarity_matrix(corpus))


@METHODS.register("lexrank")
def lexrank(corpus: Corpus, words: int) -> list[int]:
    """LexRank (Erkan & Radev 2004): PageRank on the TF-IDF cosine graph, greedy without repeats."""
    if not corpus.sentences:
        return []
    similarity = similarity_matrix(corpus)
    pairs = sparse.coo_matrix(similarity)
    edges = (pairs.data >= LEXRANK_MIN_COSINE) & (pairs.row != pairs.col)  # a sentence does not vote for itself
    graph = sparse.csr_matrix((pairs.data[edges], (pairs.row[edges], pairs.col[edges])), shape=pairs.shape)
    return _greedy(corpus, _pagerank(graph), words, similarity)


def _overlap_graph(corpus: Corpus) -> sparse.csr_matrix:
    """TextRank's edges: shared words over the sum of the two log lengths, at most TEXTRANK_MAX_NEIGHBOURS
    a sentence (its strongest), built a band of rows at a time so the n×n overlaps never exist at once."""
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, terms in enumerate(corpus.terms):
        for term in set(terms):
            rows.append(i)
            cols.append(vocab.setdefault(term, len(vocab)))
    present = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(corpus.sentences), max(1, len(vocab))))
    log_length = np.log(np.maximum(_lengths(corpus), 2.0))  # a one-word sentence would divide by zero
    bands = []
    for band_rows, overlap in gram_bands(present):
        row = np.repeat(np.arange(band_rows.start, band_rows.stop), np.diff(overlap.indptr))
        overlap.data /= log_length[row] + log_length[overlap.indices]
        overlap.data[row == overlap.indices] = 0.0  # a sentence does not vote for itself
        overlap.eliminate_zeros()
        bands.append(strongest(overlap, TEXTRANK_MAX_NEIGHBOURS))
    return sparse.csr_matrix(sparse.vstack(bands, format="csr"))


@METHODS.register("textrank")
def textrank(corpus: Corpus, words: int) -> list[int]:
    """TextRank (Mihalcea & Tarau 2004): PageRank on length-normalised word overlap, greedy without repeats."""
    if not corpus.sentences:
        return []
    return _greedy(corpus, _pagerank(_overlap_graph(corpus)), words, similarity_matrix(corpus))


@METHODS.register("klsum")
def klsum(corpus: Corpus, words: int) -> list[int]:
    """KL-Sum (Haghighi & Vanderwende 2009): add the sentence that brings the summary's word distribution closest to the cluster's."""
    n = len(corpus.sentences)
    if not n:
        return []
    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, terms in enumerate(corpus.terms):
        for term, count in Counter(terms).items():
            rows.append(i)
            cols.append(vocab.setdefault(term, len(vocab)))
            vals.append(float(count))
    lengths = _lengths(corpus)
    if not vocab:  # no content words anywhere: nothing to match, keep the text order
        return fill_budget(corpus, -np.arange(n, dtype=float), words)
    counts = sparse.csr_matrix((vals, (rows, cols)), shape=(n, len(vocab)))
    counts.sum_duplicates()
    coo = counts.tocoo()
    term_total = np.asarray(counts.sum(axis=0)).ravel()
    target = term_total / term_total.sum()  # P(w | cluster)
    sentence_terms = np.asarray(counts.sum(axis=1)).ravel()
    smoothing_mass = KL_SMOOTHING * len(vocab)
    summary = np.zeros(len(vocab))
    summary_terms = 0.0
    chosen: list[int] = []
    used = 0.0
    available = np.ones(n, dtype=bool)
    while True:
        available &= used + lengths <= words
        if not available.any():
            return chosen
        # KL(P_cluster || P_summary+i) = const - Σ_w p_w log(c_w + δ) + log(N + δV); only the terms of i change.
        before = np.log(summary[coo.col] + KL_SMOOTHING)
        after = np.log(summary[coo.col] + coo.data + KL_SMOOTHING)
        change = np.bincount(coo.row, weights=target[coo.col] * (after - before), minlength=n)
        kl = np.log(summary_terms + sentence_terms + smoothing_mass) - change
        kl[~available] = np.inf
        best = int(np.argmin(kl))  # ties go to the earliest sentence
        chosen.append(best)
        available[best] = False
        used += lengths[best]
        row = counts.getrow(best)
        summary[row.indices] += row.data
        summary_terms += sentence_terms[best]


def _kmeans(points: sparse.csr_matrix, k: int, seed: int = 0, iterations: int = 20) -> np.ndarray:
    """Cluster labels of L2-normalised sparse rows: k-means++ seeding, then Lloyd's iterations
    (distances from dot products, so the sparse rows are never densified)."""
    n = points.shape[0]
    if k >= n:
        return np.arange(n)
    rng = np.random.default_rng(seed)
    sq_norms = np.asarray(points.multiply(points).sum(axis=1)).ravel()
    centers_idx = [int(rng.integers(n))]
    nearest = sq_norms + sq_norms[centers_idx[0]] - 2 * (points @ points[centers_idx[0]].T).toarray().ravel()
    for _ in range(1, k):
        nearest = np.maximum(nearest, 0.0)
        total = nearest.sum()
        pick = int(rng.choice(n, p=nearest / total)) if total > 0 else int(rng.integers(n))
        centers_idx.append(pick)
        dist = sq_norms + sq_norms[pick] - 2 * (points @ points[pick].T).toarray().ravel()
        nearest = np.minimum(nearest, dist)
    centers = points[centers_idx].toarray()
    labels = np.full(n, -1)
    for _ in range(iterations):
        dist = (centers * centers).sum(axis=1)[None, :] - 2 * np.asarray(points @ centers.T)
        new = np.argmin(dist, axis=1)
        if np.array_equal(new, labels):
            break
        labels = new
        members = sparse.csr_matrix((np.ones(n), (labels, np.arange(n))), shape=(k, n))
        sizes = np.asarray(members.sum(axis=1)).ravel()
        sums = np.asarray((members @ points).todense())
        filled = sizes > 0
        centers[filled] = sums[filled] / sizes[filled, None]  # an empty cluster keeps its old center
    return labels


@METHODS.register("submodular")
def submodular(corpus: Corpus, words: int) -> list[int]:
    """Submodular (Lin & Bilmes 2011): saturated coverage + clustered diversity reward, budgeted greedy."""
    n = len(corpus.sentences)
    if not n:
        return []
    matrix = tfidf_matrix(corpus)
    closeness = matrix @ np.asarray(matrix.sum(axis=0)).ravel()  # Σ_j w_ij of each sentence, without the n×n w_ij
    pool = _pool(closeness, PAIRWISE_MAX_SENTENCES)  # candidates, and the sentences whose coverage counts
    points = matrix[pool]
    similarity = (points @ points.T).toarray()  # it reads every cosine of the pool: dense, quadratic in its size
    # the same sums; from the pool's own cosines when it is the whole cluster, as the paper reads them
    totals = similarity.sum(axis=1) if len(pool) == n else closeness[pool]
    lengths = _lengths(corpus)[pool]
    cap = (SUBMODULAR_ALPHA / n) * totals  # saturation α Σ_j w_ij of each sentence i
    reward = totals / n  # r_j: how well j stands for the whole cluster
    labels = _kmeans(points, max(1, round(SUBMODULAR_CLUSTER_SHARE * len(pool))))
    partition = np.zeros(labels.max() + 1)

    coverage = np.zeros(len(pool))
    covered = 0.0  # L(S)
    chosen: list[int] = []
    used = 0.0
    candidates = lengths <= words
    while candidates.any():
        idx = np.flatnonzero(candidates)
        gain_l = np.minimum(coverage[:, None] + similarity[:, idx], cap[:, None]).sum(axis=0) - covered
        part = partition[labels[idx]]
        gain_r = np.sqrt(part + reward[idx]) - np.sqrt(part)
        ratio = (gain_l + SUBMODULAR_LAMBDA * gain_r) / lengths[idx] ** SUBMODULAR_COST_EXPONENT
        best = int(idx[np.argmax(ratio)])
        candidates[best] = False
        if used + lengths[best] <= words and ratio.max() > 0:
            chosen.append(best)
            used += lengths[best]
            coverage += similarity[:, best]
            covered = float(np.minimum(coverage, cap).sum())
            partition[labels[best]] += reward[best]
            candidates &= used + lengths <= words

    def value(selected: list[int]) -> float:
        cov = np.minimum(similarity[:, selected].sum(axis=1), cap).sum()
        div = sum(math.sqrt(reward[[j for j in selected if labels[j] == k]].sum()) for k in set(labels[selected]))
        return float(cov + SUBMODULAR_LAMBDA * div)

    # The greedy's guarantee needs the comparison with the best single sentence that fits.
    fits = np.flatnonzero(lengths <= words)
    if not len(fits):
        return [int(pool[j]) for j in chosen]
    singles = np.minimum(similarity[:, fits], cap[:, None]).sum(axis=0) + SUBMODULAR_LAMBDA * np.sqrt(reward[fits])
    single = int(fits[np.argmax(singles)])
    return [int(pool[j]) for j in ([single] if singles.max() > value(chosen) else chosen)]


@METHODS.register("ilp")
def ilp(corpus: Corpus, words: int) -> list[int]:
    """ILP (Gillick & Favre 2009): the sentences that best cover bigram concepts, weighted by how many articles carry them."""
    if not corpus.sentences:
        return []
    lengths = [word_count(s.text) for s in corpus.sentences]
    keep = [i for i, length in enumerate(lengths) if length >= ILP_MIN_SENTENCE_WORDS]
    if not keep:  # only short sentences: better to consider them than to say nothing
        keep = list(range(len(lengths)))
    concepts = [sentence_bigrams(s.text) for s in corpus.sentences]
    n_articles = len({s.article for s in corpus.sentences})
    threshold = ILP_MIN_ARTICLES[1] if n_articles >= ILP_LARGE_CLUSTER else ILP_MIN_ARTICLES[0]
    weights = concept_weights(corpus, concepts, min(threshold, n_articles))
    alone = np.array([sum(weights.get(c, 0.0) for c in concepts[i]) for i in keep])  # what each would cover by itself
    keep = [keep[j] for j in _pool(alone, PAIRWISE_MAX_SENTENCES)]
    picked = solve_coverage([concepts[i] for i in keep], weights, [lengths[i] for i in keep], words)
    return [keep[j] for j in picked]


class _CachedPorter:
    """nltk's Porter stemmer (what rouge-score uses) with a cache: stemming dominates otherwise."""

    def __init__(self, stemmer: object) -> None:
        self.stem: Callable[[str], str] = lru_cache(maxsize=100_000)(stemmer.stem)  # type: ignore[attr-defined]


@lru_cache(maxsize=1)
def _rouge_tokenizer() -> Callable[[str], list[str]]:
    """ROUGE's own tokens (lowercase alphanumerics, Porter-stemmed) when rouge-score is installed;
    otherwise synoptic's tokens and light stemmer, close enough to rank sentences."""
    try:
        from nltk.stem import porter
        from rouge_score import tokenize
    except ImportError:
        from synoptic.analyze.tokens import stem

        return lambda text: [stem(w) for w in word_tokens(text)]
    stemmer = _CachedPorter(porter.PorterStemmer())
    return lambda text: tokenize.tokenize(text, stemmer)


def _bigrams(text: str) -> Counter[tuple[str, str]]:
    tokens = _rouge_tokenizer()(text)
    return Counter(zip(tokens, tokens[1:]))


def _oracle_greedy(gains_for: Callable[[np.ndarray], np.ndarray], counts: np.ndarray, lengths: np.ndarray, words: int, cost_exponent: float) -> list[int]:
    chosen: list[int] = []
    summary = np.zeros(counts.shape[1])
    used = 0.0
    available = lengths <= words
    while available.any():
        gains = gains_for(summary)
        ratio = np.where(available, gains / lengths**cost_exponent, -np.inf)
        best = int(np.argmax(ratio))
        if gains[best] <= 0:
            break
        chosen.append(best)
        summary = summary + counts[best]
        used += lengths[best]
        available[best] = False
        available &= used + lengths <= words
    return chosen


@METHODS.register("oracle")
def oracle(corpus: Corpus, words: int) -> list[int]:
    """Upper bound, reads the reference summaries: greedy ROUGE-2 recall against them (evaluation only)."""
    if not corpus.references:
        raise OptionsError(ORACLE_NO_REFERENCES)
    n = len(corpus.sentences)
    if not n:
        return []
    references = [_bigrams(r) for r in corpus.references]
    vocab: dict[tuple[str, str], int] = {}
    for ref in references:
        for bigram in ref:
            vocab.setdefault(bigram, len(vocab))
    if not vocab:
        return []
    targets = np.zeros((len(references), len(vocab)))
    for r, ref in enumerate(references):
        for bigram, count in ref.items():
            targets[r, vocab[bigram]] = count
    totals = targets.sum(axis=1)
    counts = np.zeros((n, len(vocab)))
    for i, sentence in enumerate(corpus.sentences):
        for bigram, count in _bigrams(sentence.text).items():
            k = vocab.get(bigram)
            if k is not None:
                counts[i, k] = count
    lengths = np.maximum(_lengths(corpus), 1.0)
    relevant = np.flatnonzero(counts.any(axis=1))  # a sentence without reference bigrams never helps
    sub = counts[relevant]

    def recall(summary: np.ndarray) -> float:
        return float((np.minimum(summary, targets).sum(axis=1) / totals).mean())

    rows, cols = np.nonzero(sub)  # only the bigrams a sentence has can change the match
    added = sub[rows, cols]
    want = targets[:, cols]  # (references, nonzeros)
    per_count = 1.0 / totals[:, None] / len(references)  # one matched bigram, in mean recall

    def gains_for(summary: np.ndarray) -> np.ndarray:
        have = summary[cols]
        gain = (np.minimum(have + added, want) - np.minimum(have, want)) * per_count
        return np.bincount(rows, weights=gain.sum(axis=0), minlength=len(sub))

    # Greedy by gain, and greedy by gain per word: keep whichever recalls more.
    best: list[int] = []
    best_recall = -1.0
    for exponent in (0.0, 1.0):
        picked = [int(relevant[j]) for j in _oracle_greedy(gains_for, sub, lengths[relevant], words, exponent)]
        score = recall(counts[picked].sum(axis=0)) if picked else 0.0
        if score > best_recall:
            best, best_recall = picked, score
    return best
