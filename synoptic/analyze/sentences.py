"""Sentences of cleaned articles, with fragments that are not sentences dropped (and recorded)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from synoptic.analyze.segment import split_sentences
from synoptic.analyze.tokens import content_terms, word_count
from synoptic.model import CleanArticle, Removal, Sentence

MIN_SENTENCE_WORDS = 4  # shorter spans are labels, datelines or debris, not summary material
_ENDS_SENTENCE = re.compile(r"[.!?][\"'’”)\]]*$|[.!?]['’]{2}$")
_LOWER_START = re.compile(r"[\"'‘“(\[]*([a-z][a-z'’-]*)\b")


def reject_reason(text: str) -> str | None:
    """Why a segmented span is not a usable sentence, or None when it is one."""
    if word_count(text) < MIN_SENTENCE_WORDS:
        return "too_short"
    if not _ENDS_SENTENCE.search(text):
        return "heading"  # headlines, standfirsts, labels: no terminal punctuation
    match = _LOWER_START.match(text)
    if match and match.group(1).islower():
        return "fragment"  # "be more militants holed up." — the tail of a broken copy-paste
    letters = [c for c in text if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) > 0.6 * len(letters):
        return "shouting"
    return None


@dataclass
class Corpus:
    """The sentences of a cluster plus their content terms, computed once for every method."""

    articles: list[CleanArticle]
    sentences: list[Sentence] = field(default_factory=list)
    terms: list[list[str]] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)

    @property
    def article_ids(self) -> list[str]:
        return [a.article.id for a in self.articles]


def _display(text: str) -> str:
    return " ".join(text.split())


def build_corpus(articles: Sequence[CleanArticle]) -> Corpus:
    corpus = Corpus(articles=list(articles))
    for clean in articles:
        text, kept = clean.article.text, []
        for block_start, block_end in clean.blocks:
            for start, end in split_sentences(text, block_start, block_end):
                reason = reject_reason(text[start:end])
                if reason:
                    corpus.removals.append(Removal(clean.article.id, reason, _display(text[start:end]), start, end))
                else:
                    kept.append((start, end))
        for index, (start, end) in enumerate(kept):
            display = _display(text[start:end])
            corpus.sentences.append(
                Sentence(clean.article.id, index, start, end, display, position=index / max(1, len(kept)))
            )
            corpus.terms.append(content_terms(display))
    return corpus
