"""Builders for compare tests: a Corpus from a few small articles, or from a folder (the seeds, the sample)."""

from __future__ import annotations

from pathlib import Path

from synoptic.analyze.sentences import Corpus, build_corpus
from synoptic.clean import clean_cluster
from synoptic.ingest import read_inputs
from synoptic.model import Article, CleanArticle


def corpus_of(*texts: str, dates: tuple[str | None, ...] = ()) -> Corpus:
    """One article per text (one block each, ids a1, a2, …), with optional publication dates."""
    articles = []
    for i, text in enumerate(texts):
        date = dates[i] if i < len(dates) else None
        article = Article(id=f"a{i + 1}", text=text, date=date)
        articles.append(CleanArticle(article=article, blocks=((0, len(text)),), date=date))
    return build_corpus(articles)


def families_of(corpus: Corpus) -> dict[str, int]:
    return {a.article.id: k for k, a in enumerate(corpus.articles)}


def corpus_of_folder(path: Path) -> Corpus:
    return build_corpus(clean_cluster(read_inputs([str(path)]).articles))
