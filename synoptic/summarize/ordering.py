"""Order chosen sentences for reading: earlier reports first, then lead material first."""

from __future__ import annotations

from collections.abc import Sequence

from synoptic.analyze.sentences import Corpus


def order_for_reading(corpus: Corpus, chosen: Sequence[int]) -> list[int]:
    dates = {a.article.id: a.date or "" for a in corpus.articles}
    rank = {a.article.id: k for k, a in enumerate(corpus.articles)}

    def key(i: int) -> tuple[str, float, int]:
        s = corpus.sentences[i]
        return (dates[s.article], round(s.position, 1), rank[s.article])

    return sorted(chosen, key=key)
