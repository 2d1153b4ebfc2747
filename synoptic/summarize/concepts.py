"""Concept coverage (Gillick & Favre 2009): pick sentences that cover the most valuable concepts.

Concepts are stemmed word bigrams that are not made only of stopwords; a concept's value is the
number of articles that mention it, so what many sources report is worth more. Selection is an
integer linear program solved exactly by HiGHS through ``scipy.optimize.milp``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from synoptic.analyze.sentences import Corpus
from synoptic.analyze.tokens import STOPWORDS, stem, words

MILP_TIME_LIMIT_S = 2.0  # HiGHS returns its best solution so far after this (a safety net; rarely reached)
MILP_RELATIVE_GAP = 0.02  # stop within 2% of the optimum: several times faster, same ROUGE on tac2010_A


Concept = tuple[str, str]  # a stemmed word bigram


def sentence_bigrams(text: str) -> set[Concept]:
    """Stemmed bigrams of adjacent words, except those made of two stopwords ("of the")."""
    tokens = words(text)
    stems = [stem(w) for w in tokens]
    stop = [w in STOPWORDS for w in tokens]
    return {(stems[k], stems[k + 1]) for k in range(len(tokens) - 1) if not (stop[k] and stop[k + 1])}


def concept_weights(
    corpus: Corpus,
    concepts: Sequence[set[tuple[str, str]]],
    min_articles: int,
    family: dict[str, int] | None = None,
) -> dict[tuple[str, str], float]:
    """Concepts found in at least ``min_articles`` articles, weighted by that article count.
    With ``family`` (article → copy family), a syndicated copy and its original count once."""
    by_article: dict[str | int, set[tuple[str, str]]] = {}
    for sentence, found in zip(corpus.sentences, concepts):
        key = family[sentence.article] if family else sentence.article
        by_article.setdefault(key, set()).update(found)
    counts: Counter[tuple[str, str]] = Counter()
    for found in by_article.values():
        counts.update(found)
    return {c: float(n) for c, n in counts.items() if n >= min_articles}


def solve_coverage(
    concepts: Sequence[set[tuple[str, str]]],
    weights: dict[tuple[str, str], float],
    lengths: Sequence[int],
    budget: int,
    sentence_bonus: Sequence[float] | None = None,
    exclusive: np.ndarray | None = None,
) -> list[int]:
    """Maximise Σ weight(concept covered) + Σ bonus(sentence chosen) with Σ length ≤ budget
    (and s_i + s_j ≤ 1 for every pair ``exclusive`` marks, as in ``beam_coverage``).

    Variables: one binary per sentence, one per concept; a concept counts only if a chosen
    sentence contains it (c_k ≤ Σ_{i ∋ k} s_i), which is all the ILP needs because it maximises.
    The problem is shrunk first without changing its optimum (see ``_reduce``), and everything is
    iterated in sorted order so that ties resolve the same way in every process.
    """
    from scipy.optimize import Bounds, LinearConstraint, milp  # lazy: a quarter-second import only the ILP needs

    candidates, useful, bonus = _candidates(concepts, weights, lengths, budget, sentence_bonus)
    if exclusive is None:  # with exclusive pairs a dominated sentence may be the one that fits
        candidates = _undominated(candidates, useful, lengths, bonus)
    if not candidates:
        return []
    members, merged, bonus = _reduce(candidates, useful, weights, bonus)
    rows, cols = [], []
    for col, found in enumerate(members):
        rows += found
        cols += [col] * len(found)
    n_c, m = len(candidates), len(merged)
    occurrence = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(m, n_c))
    objective = -np.concatenate([bonus, np.asarray(merged)])
    length_row = sparse.hstack([sparse.csr_matrix(np.array([lengths[i] for i in candidates], dtype=float)), sparse.csr_matrix((1, m))])
    cover = sparse.hstack([-occurrence, sparse.identity(m)])  # c_k - Σ s_i ≤ 0
    constraints = [LinearConstraint(length_row, -np.inf, budget), LinearConstraint(cover, -np.inf, 0.0)]
    if exclusive is not None:
        pairs = np.argwhere(np.triu(np.asarray(exclusive, dtype=bool)[np.ix_(candidates, candidates)], 1))
        if len(pairs):
            both = sparse.csr_matrix((np.ones(2 * len(pairs)), (np.repeat(np.arange(len(pairs)), 2), pairs.ravel())), shape=(len(pairs), n_c + m))
            constraints.append(LinearConstraint(both, -np.inf, 1.0))
    result = milp(
        objective,
        constraints=constraints,
        integrality=np.ones(n_c + m),
        bounds=Bounds(np.zeros(n_c + m), np.ones(n_c + m)),
        options={"time_limit": MILP_TIME_LIMIT_S, "disp": False, "mip_rel_gap": MILP_RELATIVE_GAP},
    )
    if result.x is None:
        return []
    return [candidates[k] for k in range(n_c) if result.x[k] > 0.5]


def _candidates(
    concepts: Sequence[set[tuple[str, str]]],
    weights: dict[tuple[str, str], float],
    lengths: Sequence[int],
    budget: int,
    sentence_bonus: Sequence[float] | None,
) -> tuple[list[int], list[list[tuple[str, str]]], np.ndarray]:
    """Sentences worth considering (they fit and add something), their weighted concepts in sorted
    order (so ties resolve the same way in every process) and the bonus array."""
    bonus = np.zeros(len(concepts)) if sentence_bonus is None else np.array(sentence_bonus, dtype=float)
    useful = [sorted(c for c in found if c in weights) for found in concepts]
    candidates = [i for i in range(len(concepts)) if lengths[i] <= budget and (useful[i] or bonus[i] > 0)]
    return candidates, useful, bonus


def _reduce(
    candidates: list[int], useful: list[list[tuple[str, str]]], weights: dict[tuple[str, str], float], bonus: np.ndarray
) -> tuple[list[list[int]], list[float], np.ndarray]:
    """The same problem, smaller: a concept only one candidate holds becomes part of that
    sentence's bonus, and concepts held by exactly the same candidates become one concept with
    their summed weight. Returns each candidate's merged-concept indices, their weights, bonuses."""
    holders: dict[tuple[str, str], list[int]] = {}
    for col, i in enumerate(candidates):
        for c in useful[i]:
            holders.setdefault(c, []).append(col)
    reduced_bonus = bonus[candidates].copy()
    group_of: dict[tuple[int, ...], int] = {}
    merged: list[float] = []
    members: list[list[int]] = [[] for _ in candidates]
    for c in sorted(holders):
        where = tuple(holders[c])
        if len(where) == 1:
            reduced_bonus[where[0]] += weights[c]
            continue
        if where not in group_of:
            group_of[where] = len(merged)
            merged.append(0.0)
            for col in where:
                members[col].append(group_of[where])
        merged[group_of[where]] += weights[c]
    return members, merged, reduced_bonus


def _undominated(
    candidates: list[int], concepts: list[list[tuple[str, str]]], lengths: Sequence[int], bonus: np.ndarray
) -> list[int]:
    """Leave out each sentence that another candidate beats outright: it has all of its concepts,
    no more words and no less bonus (ties keep the earlier one). An optimal selection never
    needs the dominated sentence, and syndicated copies otherwise multiply equivalent solutions."""
    if len(candidates) < 2:
        return candidates
    vocab: dict[tuple[str, str], int] = {}
    rows, cols = [], []
    for r, i in enumerate(candidates):
        for c in concepts[i]:
            rows.append(r)
            cols.append(vocab.setdefault(c, len(vocab)))
    present = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(candidates), max(1, len(vocab))))
    shared = np.asarray((present @ present.T).todense())
    size = np.diag(shared).copy()
    length = np.array([lengths[i] for i in candidates], dtype=float)
    gain = bonus[candidates]
    order = np.arange(len(candidates))
    covers = shared >= size[:, None]  # covers[a, b]: b has every concept of a
    no_worse = (length[None, :] <= length[:, None]) & (gain[None, :] >= gain[:, None])
    better = (length[None, :] < length[:, None]) | (size[None, :] > size[:, None]) | (gain[None, :] > gain[:, None]) | (order[None, :] < order[:, None])
    np.fill_diagonal(covers, False)
    dominated = (covers & no_worse & better).any(axis=1)
    return [i for i, gone in zip(candidates, dominated) if not gone]


BEAM_WIDTH = 48  # partial summaries kept per step; 24 lost 0.3-0.6 R1 on the dev sets, 48 ties the exact ILP
BEAM_BRANCH = 16  # best next sentences (by gain per word) tried from each partial summary


def beam_coverage(
    concepts: Sequence[set[tuple[str, str]]],
    weights: dict[tuple[str, str], float],
    lengths: Sequence[int],
    budget: int,
    sentence_bonus: Sequence[float] | None = None,
    exclusive: np.ndarray | None = None,
) -> list[int]:
    """The objective of ``solve_coverage``, maximised by beam search instead of an exact solver.

    Why: on the dev sets it scores the same ROUGE as the exact ILP (within ±0.3) in a third of the
    time, and its run time does not depend on how hard the branch-and-bound happens to be.
    Each step extends every kept partial summary by its BEAM_BRANCH best sentences by gain per
    word; the best complete summary seen is returned. Deterministic: ties break on sentence order.
    ``exclusive[i, j]`` (optional, over the given sentences) forbids choosing i and j together:
    the search then spends the words a paraphrase would take on new content instead.
    """
    candidates, useful, bonus = _candidates(concepts, weights, lengths, budget, sentence_bonus)
    if not candidates:
        return []
    members, merged, gain_alone = _reduce(candidates, useful, weights, bonus)
    present = np.zeros((len(candidates), max(1, len(merged))))
    for row, found in enumerate(members):
        present[row, found] = 1.0
    value = np.asarray(merged) if merged else np.zeros(1)
    length = np.array([lengths[i] for i in candidates], dtype=float)
    clash = None if exclusive is None else np.asarray(exclusive, dtype=bool)[np.ix_(candidates, candidates)]
    states: list[tuple[float, tuple[int, ...], np.ndarray, float]] = [(0.0, (), np.zeros(present.shape[1], bool), 0.0)]
    best: tuple[float, tuple[int, ...]] = (0.0, ())
    seen: set[tuple[int, ...]] = set()
    while states:
        extended = []
        for total, chosen, covered, used in states:
            gains = present @ (value * ~covered) + gain_alone
            fits = length + used <= budget
            fits[list(chosen)] = False
            if clash is not None and chosen:
                fits &= ~clash[list(chosen)].any(axis=0)
            options = np.nonzero(fits)[0]
            for i in options[np.argsort(-(gains[options] / length[options]), kind="stable")[:BEAM_BRANCH]]:
                key = tuple(sorted((*chosen, int(i))))
                if key not in seen:
                    seen.add(key)
                    extended.append((total + gains[i], key, covered | (present[i] > 0), used + length[i]))
        extended.sort(key=lambda state: (-state[0], state[1]))
        states = extended[:BEAM_WIDTH]
        if states and states[0][0] > best[0]:
            best = (states[0][0], states[0][1])
    return [candidates[k] for k in best[1]]
