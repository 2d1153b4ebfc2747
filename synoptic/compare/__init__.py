"""Compare: what several reports say together — agreement, conflicts, timeline, entities, quotes.

Every function here takes the corpus and its copy families (article id → family number; a
syndicated copy shares its original's family) so that copies never count as independent support.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from synoptic.analyze.sentences import Corpus
from synoptic.compare.claims import agreed_facts
from synoptic.compare.conflicts import find_conflicts
from synoptic.compare.entities import find_entities
from synoptic.compare.quotes import find_quotes, name_speakers
from synoptic.compare.timeline import build_timeline, latest_report

__all__ = ["Findings", "agreed_facts", "build_timeline", "compare_cluster", "find_conflicts", "find_entities", "find_quotes", "latest_report"]


@dataclass(frozen=True)
class Findings:
    facts: tuple[dict[str, Any], ...]
    conflicts: tuple[dict[str, Any], ...]
    timeline: tuple[dict[str, Any], ...]
    entities: tuple[dict[str, Any], ...]
    quotes: tuple[dict[str, Any], ...]
    latest: tuple[dict[str, Any], ...] = ()  # the newest report's opening, when the reports span several days

    def disputed(self) -> set[tuple[str, int]]:
        """(article, sentence index) of every sentence that states a contested value."""
        return {
            (e["article"], e["sentence"]) for c in self.conflicts for claim in c["claims"] for e in claim.get("evidence", ())
        }


def compare_cluster(corpus: Corpus, families: dict[str, int], cluster_date: str | None = None) -> Findings:
    # the facts first: they pair every sentence with its paraphrases once, and the timeline's (and the
    # summary's) citations read those pairs instead of testing each sentence's again
    facts = tuple(agreed_facts(corpus, families, cluster_date))
    timeline = tuple(build_timeline(corpus, families, cluster_date))
    entities = find_entities(corpus, families)
    return Findings(
        facts=facts,
        conflicts=tuple(find_conflicts(corpus, families)),
        timeline=timeline,
        entities=tuple(entities),
        quotes=tuple(name_speakers(find_quotes(corpus, families), entities)),
        latest=tuple(latest_report(corpus, cluster_date)),
    )
