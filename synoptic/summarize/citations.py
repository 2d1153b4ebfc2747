"""Cite every article that carries a summary sentence's content, with evidence spans.

An article supports a summary sentence when one of its sentences is either

- a near-copy: the two share most of their content terms, checked both ways so a short sentence
  cannot "support" a long one it only overlaps with, nor a long one vouch for a short one it merely
  contains a few words of, and give no other figures; or
- a paraphrase: the same claim in other words, as the agreed facts find them
  (:func:`synoptic.compare.claims.claim_partners`: TF-IDF cosine, shared terms both ways, shared
  words outside names, quoted words, calendar days and figures; one matcher for both sections),
  whose shared terms also carry a good part of each sentence's TF-IDF weight. A fact may group a
  sentence with one that shares only a side clause or the story's setting; a citation must not.
"""

from __future__ import annotations

from scipy import sparse

from synoptic.analyze.sentences import Corpus
from synoptic.analyze.tokens import content_terms
from synoptic.analyze.vectors import tfidf_matrix
from synoptic.model import Evidence, SummarySentence

# Calibrated on the bundled sample and the seeds: syndicated copies and lightly edited wire
# rewrites score 0.8-1.0 on both sides; distinct sentences about the same event stay below 0.5.
SUPPORT_MIN_COVERAGE = 0.7  # share of the summary sentence's terms found in the other sentence
SUPPORT_MIN_PRECISION = 0.5  # share of the other sentence's terms found in the summary sentence
# Calibrated on the 185 citations the fact matcher alone added to tac2010_A's summaries (100 words),
# each checked by hand, and on the seeds: true paraphrases put 0.35-0.8 of each sentence's squared
# TF-IDF weight on shared terms (the seeds' two other reports of the fall of Mosul: 0.36-0.39 both
# ways); sentences that share only names, the setting or a side clause (a bear's weight beside a
# plan to take the bears off a list; the day opening statements are due beside the start of jury
# selection) mostly fall below. At 0.35, 53 of the 63 citations kept were right, against 124 of
# 185 without it; the price is recall (benchmarks/citation_support.py).
PARAPHRASE_MIN_WEIGHT = 0.35


def _supports(summary_terms: set[str], other_terms: set[str]) -> float:
    """Coverage of the summary sentence (0 when the pair fails either threshold)."""
    if not summary_terms or not other_terms:
        return 0.0
    shared = len(summary_terms & other_terms)
    coverage, precision = shared / len(summary_terms), shared / len(other_terms)
    return coverage if coverage >= SUPPORT_MIN_COVERAGE and precision >= SUPPORT_MIN_PRECISION else 0.0


def _near_copies(corpus: Corpus, index: int, terms: set[str]) -> dict[str, int]:
    """Article → its sentence that best covers the summary sentence's ``terms`` with the same figures
    ("40 families were moved out" and "12 families were moved out" share nearly every term)."""
    from synoptic.compare.claims import figures_agree  # deferred: synoptic.compare reads synoptic.summarize

    chosen_article = corpus.sentences[index].article
    best: dict[str, tuple[float, int]] = {}
    for j, other in enumerate(corpus.sentences):
        if other.article == chosen_article:
            continue
        score = _supports(terms, set(corpus.terms[j]))
        if score and score > best.get(other.article, (0.0, -1))[0] and figures_agree(corpus, index, j):
            best[other.article] = (score, j)
    return {article: j for article, (_, j) in best.items()}


def _shared_weight(weights: sparse.csr_matrix, a: int, b: int) -> float:
    """Share of sentence ``a``'s squared TF-IDF weight (rows are L2-normalised, so it sums to 1) on
    the terms sentence ``b`` also has."""
    other = set(weights.indices[weights.indptr[b] : weights.indptr[b + 1]].tolist())
    span = slice(weights.indptr[a], weights.indptr[a + 1])
    return sum(w * w for t, w in zip(weights.indices[span].tolist(), weights.data[span].tolist()) if t in other)


def _paraphrases(corpus: Corpus, index: int, cluster_date: str | None) -> dict[str, int]:
    """Article → its sentence that states the same claim in other words (highest cosine first).

    The claim is the whole source sentence's even when the summary shows it without a trailing
    clause: the evidence spans the whole sentence, and the clause often carries the detail a
    paraphrase shares ("…most prized possession, after months of fighting in July")."""
    from synoptic.compare.claims import claim_partners  # deferred, as above

    weights = tfidf_matrix(corpus)
    best: dict[str, tuple[float, int]] = {}
    for j, cosine in claim_partners(corpus, index, cluster_date):
        if min(_shared_weight(weights, index, j), _shared_weight(weights, j, index)) < PARAPHRASE_MIN_WEIGHT:
            continue
        article = corpus.sentences[j].article
        if cosine > best.get(article, (0.0, -1))[0]:
            best[article] = (cosine, j)
    return {article: j for article, (_, j) in best.items()}


def supporting_sentences(corpus: Corpus, index: int, cluster_date: str | None = None) -> dict[str, tuple[int, str]]:
    """Article → (its best supporting sentence, "copy" or "paraphrase") for the summary sentence at
    ``index`` as shown; a near-copy is preferred to a paraphrase of the same article."""
    chosen = corpus.sentences[index]
    text = corpus.shown(index)
    terms = set(corpus.terms[index] if text == chosen.text else content_terms(text))
    support = {article: (j, "paraphrase") for article, j in _paraphrases(corpus, index, cluster_date).items()}
    support.update((article, (j, "copy")) for article, j in _near_copies(corpus, index, terms).items())
    return support


def cite(corpus: Corpus, index: int, cluster_date: str | None = None) -> SummarySentence:
    """The summary sentence at ``index``: sources in article order; evidence starts with the sentence
    itself, then each supporting article's best sentence, marked a copy or a paraphrase. ``cluster_date`` resolves relative dates
    ("on Monday") for articles without their own, so paraphrases put on different days are told apart."""
    chosen = corpus.sentences[index]
    order = {a.article.id: k for k, a in enumerate(corpus.articles)}
    support = supporting_sentences(corpus, index, cluster_date)
    evidence = [Evidence(chosen.article, chosen.index, chosen.start, chosen.end)]
    for article in sorted(support, key=order.__getitem__):
        j, kind = support[article]
        s = corpus.sentences[j]
        evidence.append(Evidence(s.article, s.index, s.start, s.end, kind))
    sources = tuple(sorted((e.article for e in evidence), key=order.__getitem__))
    return SummarySentence(text=corpus.shown(index), sources=sources, evidence=tuple(evidence))
