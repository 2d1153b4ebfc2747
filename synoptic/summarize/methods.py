"""synoptic's own methods. ``default`` is the one recommended; ``centrality`` is the fast v0.

Measured on the dev sets (benchmarks/results.md): concept coverage with a cross-source support
bonus beats every baseline on TAC 2010; centrality is the fast alternative.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse

from synoptic.analyze.sentences import Corpus, reads_alone, unnamed_people
from synoptic.analyze.tokens import content_terms, word_count
from synoptic.analyze.vectors import product_bands, repeat_cosines, similarity_matrix
from synoptic.summarize.base import METHODS, fill_budget, near_repeats
from synoptic.summarize.concepts import beam_coverage, concept_weights, sentence_bigrams
from synoptic.summarize.weights import ConceptModel, learned_weights, packaged_model

if TYPE_CHECKING:  # synoptic.compare reads synoptic.summarize: the import happens where a figure is read
    from synoptic.compare.conflicts import Mention

REDUNDANCY_MAX_SIMILARITY = 0.5  # above this cosine, a candidate repeats a chosen sentence
REDUNDANCY_MAX_TERM_OVERLAP = 0.6  # above this share of its terms in one chosen sentence, a paraphrase
LEAD_DECAY = 2.0  # position prior exp(-LEAD_DECAY * relative position): news puts the core first
COPY_SENTENCE_SIMILARITY = 0.8  # cosine of a lightly edited copy of a sentence (one word changed: ~0.9)
COPY_SENTENCE_SHARE = 0.6  # share of an article's sentences copied from another that makes it a copy
IDEAL_WORDS = (12, 35)  # sentence lengths that read well in a brief; others are damped

# default (concept coverage). Tuned on tac2010_A only; duc2006 and duc2007_update were checked after.
CONCEPT_MIN_ARTICLES = 2  # a bigram must appear in ≥2 articles to count (3 lost 0.4 R2 on tac2010_A)
SUPPORT_BONUS = 1.0  # weight of cross-source support, in average-concept-weight units per word
CANDIDATES = 50
LEAD_BONUS = 0.1  # lead-position prior, same units: 0.1 costs 0.1 R1 on tac2010_A, gains 0.4-2 on the other dev sets
MIN_CANDIDATE_WORDS = 8  # shorter sentences are labels or context-dependent scraps (Gillick & Favre)
# Two sentences that say one thing around different asides ("Hariri, 60, a Sunni Muslim, resigned last
# October." / "Hariri, who headed five governments, resigned last October.") share too few terms for
# near_repeats; without its asides between commas, one is contained in the other. A core of fewer
# terms says too little to call a repeat. Dev sets: tac2010_A +0.05 R1, the others unchanged.
_ASIDE = re.compile(r",\s+(?:who|which|whose|an?|the|\d)[^,;]{2,120},")
CORE_MIN_TERMS = 3
# Two sentences that give the same figures for the same kinds of thing ("About 1.2 million litres …, and
# roughly 40 per cent of the building" / "some 1,200,000 litres …, and 40% of the building") state one claim,
# however few of their other words they share. One shared figure is not enough ("14 workers were hurt" /
# "14 workers were taken to hospital, three with burns" say more than one thing). Dev sets: multiling2011
# +0.3 R1, the others unchanged (leave-one-set-out: all unchanged); one brief of 443 changed at its budget.
SAME_FIGURES_MIN = 2
FIGURE_MAX_SPREAD = 1.5  # a figure's range ("about 40": 36-44; "between 10 and 12") spans at most this ratio


def same_core(texts: list[str], terms: list[set[str]]) -> np.ndarray:
    """Pairs where one sentence, its asides left out, says nothing the other does not (symmetric)."""
    repeats = np.zeros((len(texts), len(texts)), dtype=bool)
    for a, text in enumerate(texts):
        core = set(content_terms(_ASIDE.sub("", text)))
        if len(core) < CORE_MIN_TERMS or core == terms[a]:
            continue  # no aside: near_repeats already compares the whole sentence
        for b, other in enumerate(terms):
            if b != a and core <= other:
                repeats[a, b] = repeats[b, a] = True
    return repeats


def same_figures(corpus: Corpus, rows: list[int], texts: list[str]) -> np.ndarray:
    """Pairs where every figure of one sentence as shown (SAME_FIGURES_MIN or more), the quantities
    synoptic.compare reads, is given by the other: the same kind of thing, its range overlapping. Only
    figures count, not bounds: "over 12 percent" and "up to 190 miles" match too much to prove a repeat."""
    from synoptic.compare.conflicts import sentence_mentions  # deferred: synoptic.compare reads synoptic.summarize

    figures = [[m for m in sentence_mentions(corpus, i) if m.value in text and _is_figure(m)] for i, text in zip(rows, texts)]
    repeats = np.zeros((len(rows), len(rows)), dtype=bool)
    for a, mine in enumerate(figures):
        if len(mine) < SAME_FIGURES_MIN:
            continue
        for b, other in enumerate(figures):
            if b != a and len(other) >= len(mine) and all(any(_same_figure(x, y) for y in other) for x in mine):
                repeats[a, b] = repeats[b, a] = True
    return repeats


def _is_figure(mention: Mention) -> bool:
    return 0 < mention.low and mention.high <= FIGURE_MAX_SPREAD * mention.low


def _same_figure(x: Mention, y: Mention) -> bool:
    return (x.dimension, x.head) == (y.dimension, y.head) and x.low <= y.high and y.low <= x.high


def _length_prior(words: int) -> float:
    low, high = IDEAL_WORDS
    if words < low:
        return words / low
    if words > high:
        return high / words
    return 1.0


def copy_families(corpus: Corpus) -> dict[str, int]:
    """Article → family number; articles whose sentences mostly reappear near-verbatim in another
    article (syndicated copies) share a family, so a copy never counts as independent support.

    Two rules merge families: the whole-article near-duplicates of ``corpus.copies``
    (synoptic.clean.duplicates), and this sentence-level one, which also catches partial copies.
    Computed once per corpus: the method, citations and the cross-source analysis all read it."""
    if "families" not in corpus.cache:
        corpus.cache["families"] = _copy_families(corpus, similarity_matrix(corpus))
    return corpus.cache["families"]


def _copy_families(corpus: Corpus, similarity: sparse.csr_matrix) -> dict[str, int]:
    ids = [s.article for s in corpus.sentences]
    articles = list(dict.fromkeys(ids))
    family = {a: k for k, a in enumerate(articles)}

    def merge(a: str, b: str) -> None:
        nonlocal family
        old, new = family[a], family[b]
        family = {x: new if f == old else f for x, f in family.items()}

    for copy, original in corpus.copies.items():
        if copy in family and original in family:
            merge(copy, original)
    for a, b in _copying_pairs(ids, articles, similarity):
        if family[a] != family[b]:
            merge(a, b)
    return family


def _copying_pairs(ids: list[str], articles: list[str], similarity: sparse.csr_matrix) -> list[tuple[str, str]]:
    """Pairs (a, b) of articles, b before a, in the order a scan of every pair meets them, where
    COPY_SENTENCE_SHARE of either one's sentences have a near-copy (COPY_SENTENCE_SIMILARITY) in the
    other, read (as always) from the cosines of a's sentences to b's. Only the matrix's high cosines
    are read, so a pair of articles that share no sentence costs nothing."""
    number = {a: k for k, a in enumerate(articles)}
    article_of = np.array([number[a] for a in ids])
    sizes = np.bincount(article_of, minlength=len(articles))
    close = sparse.coo_matrix(similarity)
    keep = close.data >= COPY_SENTENCE_SIMILARITY
    later, earlier = close.row[keep], close.col[keep]
    keep = article_of[later] > article_of[earlier]
    later, earlier = later[keep], earlier[keep]
    pair_of = article_of[later] * len(articles) + article_of[earlier]  # (a, b) as one number, in scan order
    copied_from = Counter(np.unique(np.stack([pair_of, later]), axis=1)[0].tolist())  # a's sentences with a copy in b
    copied_into = Counter(np.unique(np.stack([pair_of, earlier]), axis=1)[0].tolist())  # b's sentences with a copy in a
    pairs = []
    for pair in sorted(copied_from):
        a, b = divmod(pair, len(articles))
        if max(copied_from[pair] / sizes[a], copied_into[pair] / sizes[b]) >= COPY_SENTENCE_SHARE:
            pairs.append((articles[a], articles[b]))
    return pairs


def cross_source_support(corpus: Corpus) -> np.ndarray:
    """For each sentence, the mean over the *other* independent sources (copy families) of its best
    match there: how widely the content is reported. A sentence never supports itself, and a
    syndicated copy does not support its original. It reads every cosine, however small, so it goes
    through the product a band of rows at a time; computed once per corpus."""
    if "support" not in corpus.cache:
        corpus.cache["support"] = _support(corpus, copy_families(corpus))
    return corpus.cache["support"]


def _support(corpus: Corpus, family: dict[str, int]) -> np.ndarray:
    fam_of_sentence = np.array([family[s.article] for s in corpus.sentences])
    families = sorted(set(family.values()))
    if len(families) < 2:  # no other source: the mean cosine with every sentence, zeros included
        return np.concatenate([band.toarray().mean(axis=1) for _, band in product_bands(corpus)])
    column = np.searchsorted(families, fam_of_sentence)  # a sentence's family, as a column of ``best``
    support = np.empty(len(column))
    for rows, band in product_bands(corpus):
        best = np.zeros((band.shape[0], len(families)))  # a family sharing no term with a sentence: 0
        row_of_entry = np.repeat(np.arange(band.shape[0]), np.diff(band.indptr))
        np.maximum.at(best, (row_of_entry, column[band.indices]), band.data)  # best match in each family
        best[np.arange(band.shape[0]), column[rows]] = 0.0
        support[rows] = best.sum(axis=1) / (len(families) - 1)
    return support


def _views(corpus: Corpus, indices: Iterable[int], lengths: list[int], words: int) -> list[tuple[int, bool]]:
    """The sentences as they could be shown, whole or (True) in their short form, that fit ``words``."""
    views = []
    for i in indices:
        short = corpus.sentences[i].short
        views += [(i, False)] if lengths[i] <= words else []
        views += [(i, True)] if short and word_count(short) <= words else []
    return views


def concept_coverage(corpus: Corpus, words: int, model: ConceptModel | None) -> list[int]:
    """Concept coverage plus cross-source support, by beam search. Concepts are weighted by ``model``
    (learned weights) or, when it is None, by how many copy families use them (Gillick & Favre)."""
    if not corpus.sentences:
        return []
    family = copy_families(corpus)
    concepts = [sentence_bigrams(s.text) for s in corpus.sentences]
    if model is None:
        weights = concept_weights(corpus, concepts, CONCEPT_MIN_ARTICLES, family)
    else:
        weights = learned_weights(corpus, concepts, family, CONCEPT_MIN_ARTICLES, model)
    support = cross_source_support(corpus)
    unit = sum(weights.values()) / len(weights) if weights else 1.0
    lengths = [word_count(s.text) for s in corpus.sentences]
    readable = [
        i for i, s in enumerate(corpus.sentences)
        if lengths[i] >= MIN_CANDIDATE_WORDS and reads_alone(s.text, i in corpus.in_quotation)
    ]
    views = _views(corpus, readable, lengths, words) or _views(corpus, range(len(lengths)), lengths, words)
    view_concepts = [sentence_bigrams(corpus.sentences[i].short) if short else concepts[i] for i, short in views]
    view_lengths = [word_count(corpus.sentences[i].short) if short else lengths[i] for i, short in views]
    bonus, density = [], []
    for (i, _), found, length in zip(views, view_concepts, view_lengths):
        lead = np.exp(-LEAD_DECAY * corpus.sentences[i].position)
        bonus.append(unit * length * (SUPPORT_BONUS * support[i] + LEAD_BONUS * lead))
        density.append((sum(weights.get(c, 0.0) for c in found) + bonus[-1]) / length)
    ranked = sorted(range(len(views)), key=lambda v: (-density[v], views[v]))
    # a person the reports never name in full is a stranger to the reader (read only where a pick can come from)
    strangers = unnamed_people(corpus, {views[v][0] for v in ranked[: 2 * CANDIDATES]})
    pool = sorted(([v for v in ranked if views[v][0] not in strangers] or ranked)[:CANDIDATES], key=views.__getitem__)
    rows = [views[v][0] for v in pool]
    pool_terms = [content_terms(corpus.sentences[i].short) if short else corpus.terms[i] for i, short in (views[v] for v in pool)]
    terms = [set(found) for found in pool_terms]
    exclusive = near_repeats(repeat_cosines(corpus, pool_terms), terms, REDUNDANCY_MAX_SIMILARITY, REDUNDANCY_MAX_TERM_OVERLAP)
    texts = [corpus.sentences[i].short if short else corpus.sentences[i].text for i, short in (views[v] for v in pool)]
    exclusive |= same_core(texts, terms)
    exclusive |= same_figures(corpus, rows, texts)
    exclusive |= np.equal.outer(rows, rows)  # one sentence is shown once, whole or short
    np.fill_diagonal(exclusive, False)
    chosen = beam_coverage(
        [view_concepts[v] for v in pool], weights, [view_lengths[v] for v in pool], words, [bonus[v] for v in pool], exclusive
    )
    # Paraphrases are exclusive in the search, so no pick repeats another: densest first.
    picked = sorted((pool[k] for k in chosen), key=lambda v: (-density[v], views[v]))
    corpus.shown_short = {views[v][0] for v in picked if views[v][1]}
    return [views[v][0] for v in picked]


@METHODS.register("default")
def default(corpus: Corpus, words: int) -> list[int]:
    """Concept coverage with learned concept weights plus cross-source support, by beam search."""
    return concept_coverage(corpus, words, packaged_model())


@METHODS.register("coverage")
def coverage(corpus: Corpus, words: int) -> list[int]:
    """Concept coverage with concepts weighted by how many independent sources use them, plus cross-source support."""
    return concept_coverage(corpus, words, None)


@METHODS.register("centrality")
def centrality(corpus: Corpus, words: int) -> list[int]:
    """Cross-source centrality × lead position × length prior, greedy with redundancy control (fast)."""
    if not corpus.sentences:
        return []
    similarity = similarity_matrix(corpus)
    support = cross_source_support(corpus)
    position = np.array([np.exp(-LEAD_DECAY * s.position) for s in corpus.sentences])
    length = np.array([_length_prior(word_count(s.text)) for s in corpus.sentences])
    scores = support * (0.5 + 0.5 * position) * length
    return fill_budget(corpus, scores, words, similarity, REDUNDANCY_MAX_SIMILARITY, REDUNDANCY_MAX_TERM_OVERLAP)


@METHODS.register("lead")
def lead(corpus: Corpus, words: int) -> list[int]:
    """Baseline: the first sentences of each article in turn (round robin)."""
    order = sorted(range(len(corpus.sentences)), key=lambda i: (corpus.sentences[i].index, i))
    scores = np.zeros(len(order))
    for rank, i in enumerate(order):
        scores[i] = len(order) - rank
    return fill_budget(corpus, scores, words)
