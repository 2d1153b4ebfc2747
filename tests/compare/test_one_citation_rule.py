"""One sentence, one set of sources: the summary, the agreed facts and the timeline cite a sentence alike."""

from __future__ import annotations

from pathlib import Path

from synoptic.compare.claims import agreed_facts, claim_partners
from synoptic.compare.timeline import build_timeline
from synoptic.ingest import read_inputs
from synoptic.model import Brief
from synoptic.options import Options
from synoptic.pipeline import make_brief
from synoptic.summarize import cite
from tests.compare.helpers import corpus_of, families_of

# made-up reports of one ferry story: the same claim in other words, and a sentence that shares its
# ferry, harbour and day but tells of something else (the fact matcher pairs it, a citation must not)
HALTED = "Storm winds forced the harbour master to halt the Pellham ferry on Thursday, stranding the island without supplies for two days."
RETOLD = "The harbour master stopped the Pellham ferry on Thursday because of storm winds, and for two days no supplies reached the island."
SAME_SETTING = (
    "Divers who inspected the Pellham ferry on Thursday said the storm winds had cracked its hull and the harbour master "
    "would need a new boat for the island."
)
DATES = ("2025-02-14", "2025-02-14", "2025-02-14")


def test_facts_and_timeline_cite_a_sentence_as_the_summary_does() -> None:
    corpus = corpus_of(HALTED, SAME_SETTING, RETOLD, dates=DATES)
    assert 1 in {j for j, _ in claim_partners(corpus, 0)}  # the fact matcher alone groups the other claim
    families = families_of(corpus)
    [fact] = agreed_facts(corpus, families)
    [entry] = [e for e in build_timeline(corpus, families) if "harbour master" in e["text"] and "Divers" not in e["text"]]
    for shown in (fact, entry):
        index = next(i for i, s in enumerate(corpus.sentences) if s.full == shown["text"])
        summary = cite(corpus, index)
        assert shown["sources"] == list(summary.sources) == ["a1", "a3"]
        assert [(e["article"], e["sentence"]) for e in shown["evidence"]] == [(e.article, e.sentence) for e in summary.evidence]


def test_every_sentence_the_seeds_brief_shows_twice_cites_the_same_sources(seeds_dir: Path) -> None:
    brief = make_brief(read_inputs([str(seeds_dir)]).articles, Options(words=120))
    cited: dict[tuple[str, int], set[tuple[str, ...]]] = {}
    for sentence in brief.summary:
        cited.setdefault((sentence.evidence[0].article, sentence.evidence[0].sentence), set()).add(tuple(sentence.sources))
    for item in (*brief.facts, *brief.timeline):
        first = item["evidence"][0]
        cited.setdefault((first["article"], first["sentence"]), set()).add(tuple(item["sources"]))
    shown_twice = [key for key in cited if sum(key in keys for keys in sections(brief)) > 1]
    assert shown_twice  # the fall of Mosul and the coalition's support are in the summary, the facts and the timeline
    assert all(len(cited[key]) == 1 for key in shown_twice)


def sections(brief: Brief) -> list[set[tuple[str, int]]]:
    """(article, sentence) of the sentence each section shows, section by section."""
    return [
        {(s.evidence[0].article, s.evidence[0].sentence) for s in brief.summary},
        *({(item["evidence"][0]["article"], item["evidence"][0]["sentence"]) for item in items} for items in (brief.facts, brief.timeline)),
    ]


def test_two_reports_of_one_year_event_in_other_words_are_one_entry() -> None:
    # a year holds too many events to merge on shared words alone, but a sentence that cites the other is the same event
    corpus = corpus_of(
        HALTED.replace("on Thursday", "in 2019"),
        "Engineers said the lighthouse at Corran Point was first lit in 2019.",
        RETOLD.replace("on Thursday", "in 2019"),
        dates=("2025-02-14", "2025-02-14", "2025-02-14"),
    )
    year = [e for e in build_timeline(corpus, families_of(corpus)) if e["date"] == "2019"]
    assert sorted(e["sources"] for e in year) == [["a1", "a3"], ["a2"]]
