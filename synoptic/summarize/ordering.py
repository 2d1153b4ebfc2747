"""Order chosen sentences for reading: a lead first, then the rest as the reports came.

The reports are read in date order, and within a report from its top. That alone can open a brief with a side
detail ("Mad cow sprang up in Britain in 1986…") while the sentence that states the news sits lower, because it
came in a later report. So the first chosen sentence, in that order, that opens its own article — where news
writing puts the event — goes first. Scored against the dev sets' reference summaries (ROUGE-1 F of the first
sentence alone), this lead beats the plain date order on 36 briefs and loses on 13 of 443 (tac2010_A .214 → .222,
duc2007_update .178 → .216; AllSides, whose every sentence opens its excerpt, unchanged); leading with the
sentence most sources share scored below the plain order, as those are often background.
"""

from __future__ import annotations

from collections.abc import Sequence

from synoptic.analyze.sentences import Corpus


def order_for_reading(corpus: Corpus, chosen: Sequence[int]) -> list[int]:
    dates = {a.article.id: a.date or "" for a in corpus.articles}
    rank = {a.article.id: k for k, a in enumerate(corpus.articles)}

    def key(i: int) -> tuple[str, float, int]:
        s = corpus.sentences[i]
        return (dates[s.article], round(s.position, 1), rank[s.article])

    ordered = sorted(chosen, key=key)
    lead = next((i for i in ordered if corpus.sentences[i].index == 0), None)
    return ordered if lead is None else [lead] + [i for i in ordered if i != lead]
