"""Cite every article that carries a summary sentence's content, with evidence spans.

A sentence in another article counts as carrying the same content when the two share most of their
content terms. Both directions are checked so a short sentence cannot "support" a long one it only
overlaps with, nor a long one vouch for a short one it merely contains a few words of.
"""

from __future__ import annotations

from synoptic.analyze.sentences import Corpus
from synoptic.analyze.tokens import content_terms
from synoptic.model import Evidence, SummarySentence

# Calibrated on the bundled sample and the seeds: syndicated copies and lightly edited wire
# rewrites score 0.8-1.0 on both sides; distinct sentences about the same event stay below 0.5.
SUPPORT_MIN_COVERAGE = 0.7  # share of the summary sentence's terms found in the other sentence
SUPPORT_MIN_PRECISION = 0.5  # share of the other sentence's terms found in the summary sentence


def _supports(summary_terms: set[str], other_terms: set[str]) -> float:
    """Coverage of the summary sentence (0 when the pair fails either threshold)."""
    if not summary_terms or not other_terms:
        return 0.0
    shared = len(summary_terms & other_terms)
    coverage, precision = shared / len(summary_terms), shared / len(other_terms)
    return coverage if coverage >= SUPPORT_MIN_COVERAGE and precision >= SUPPORT_MIN_PRECISION else 0.0


def cite(corpus: Corpus, index: int) -> SummarySentence:
    """The summary sentence at ``index``: sources in article order; evidence starts with the sentence
    itself, then each supporting article's best match."""
    chosen = corpus.sentences[index]
    text = corpus.shown(index)
    chosen_terms = set(corpus.terms[index] if text == chosen.text else content_terms(text))
    best: dict[str, tuple[float, int]] = {}
    for j, other in enumerate(corpus.sentences):
        if other.article == chosen.article:
            continue
        score = _supports(chosen_terms, set(corpus.terms[j]))
        if score and score > best.get(other.article, (0.0, -1))[0]:
            best[other.article] = (score, j)
    order = {a.article.id: k for k, a in enumerate(corpus.articles)}
    evidence = [Evidence(chosen.article, chosen.index, chosen.start, chosen.end)]
    for article in sorted(best, key=order.__getitem__):
        s = corpus.sentences[best[article][1]]
        evidence.append(Evidence(s.article, s.index, s.start, s.end))
    sources = tuple(sorted((e.article for e in evidence), key=order.__getitem__))
    return SummarySentence(text=text, sources=sources, evidence=tuple(evidence))
