"""Citations: every article that carries a summary sentence, as a copy or a paraphrase, and no other."""

from __future__ import annotations

from pathlib import Path

from synoptic.analyze.sentences import Corpus
from synoptic.compare.claims import claim_partners
from synoptic.ingest import read_inputs
from synoptic.pipeline import prepare_corpus
from synoptic.summarize import cite
from synoptic.summarize.citations import supporting_sentences
from tests.compare.helpers import corpus_of

CLOSED = "Flood water forced engineers to close the Millbrook bridge on Saturday, cutting the town off from the ring road for the weekend."
PARAPHRASE = "Rising flood water led engineers to shut the Millbrook bridge on Saturday, so the town lost its only route to the ring road."
# the same bridge, day, engineers and flood, but another claim: the fact matcher pairs it with CLOSED
SAME_SETTING = (
    "Engineers who checked the Millbrook bridge on Saturday said its piers had been scoured by flood water and would need "
    "repairs costing the town a fortune."
)
UNRELATED = "Councillors met in the town hall on Friday to discuss the cost of the new library and the summer fair."


def span_text(corpus: Corpus, article: str, start: int, end: int) -> str:
    return next(a.article.text for a in corpus.articles if a.article.id == article)[start:end]


def test_a_paraphrase_is_cited_with_the_span_of_its_sentence() -> None:
    corpus = corpus_of(CLOSED, PARAPHRASE, UNRELATED)
    assert supporting_sentences(corpus, 0) == {"a2": (1, "paraphrase")}
    cited = cite(corpus, 0)
    assert cited.sources == ("a1", "a2")
    assert [span_text(corpus, e.article, e.start, e.end) for e in cited.evidence] == [CLOSED, PARAPHRASE]
    assert [e.support for e in cited.evidence] == ["shown", "paraphrase"]


def test_a_sentence_with_the_same_setting_but_another_claim_is_not_cited() -> None:
    corpus = corpus_of(CLOSED, SAME_SETTING, PARAPHRASE)
    assert 1 in {j for j, _ in claim_partners(corpus, 0)}  # the fact matcher alone would cite it
    assert cite(corpus, 0).sources == ("a1", "a3")


def test_different_figures_are_another_claim_even_in_the_same_words() -> None:
    moved = "Flood water forced engineers to close the Millbrook bridge on Saturday, and {} families in the town were moved out of their homes."
    corpus = corpus_of(moved.format(40), moved.format(12), moved.format("about 40"))
    assert cite(corpus, 0).sources == ("a1", "a3")
    assert cite(corpus, 1).sources == ("a2",)


def test_different_actors_are_another_claim() -> None:
    corpus = corpus_of(
        "Harriet Cole said she had been the victim of identity theft after thieves opened six bank accounts in her name.",
        "Experts at the consumer agency said victims of identity theft often spend years repairing their credit records.",
        "Cole told the court that someone had stolen her identity and opened six accounts in her name at different banks.",
    )
    assert cite(corpus, 0).sources == ("a1", "a3")


REOPENS = "Mayor Ruth Ellis told the town council on Monday that the Millbrook bridge would reopen to traffic within a fortnight."


def test_the_same_speakers_other_claim_is_not_cited() -> None:
    # the same mayor, audience and day, but what follows "that" is another claim
    costs = "Mayor Ruth Ellis told the town council on Monday that the flood repairs would cost more than the whole yearly budget."
    corpus = corpus_of(REOPENS, costs, UNRELATED)
    assert 1 in {j for j, _ in claim_partners(corpus, 0)}  # the fact matcher alone would cite it
    assert supporting_sentences(corpus, 0) == {}


def test_words_that_name_the_speaker_are_not_the_claim() -> None:
    # "harbour" of the claim also names the speaker: the harbour master's other words share it, his name, his
    # title and the divers, but not the claim (QA 10: a fire chief's quote was cited for her finding)
    found = "Dara Quill, the harbour master, told the Gazette that divers had found a cracked hull plate beside the harbour wall."
    other_words = '"We saw nothing," harbour master Dara Quill said, "and the divers went down at once."'
    corpus = corpus_of(found, other_words, UNRELATED)
    assert 1 in {j for j, _ in claim_partners(corpus, 0)}  # the fact matcher alone would cite it
    assert supporting_sentences(corpus, 0) == {}


def test_a_report_of_what_the_speaker_claimed_is_cited() -> None:
    restated = "The Millbrook bridge should reopen to traffic in a fortnight, Ellis said at Monday's council meeting."
    assert supporting_sentences(corpus_of(REOPENS, restated, UNRELATED), 0) == {"a2": (1, "paraphrase")}


TAKEN = "Nine climbers were taken to Carrowby Infirmary with broken bones after the storm trapped them on the ridge."
# the same claim, then a detail of its own: a report need not repeat only what the shown sentence says
TAKEN_WITH_DETAIL = (
    "Nine climbers went to Carrowby Infirmary with broken bones, and most should be home within days, a rescue team leader said."
)


def test_a_paraphrase_that_adds_its_own_detail_is_cited() -> None:
    corpus = corpus_of(TAKEN, TAKEN_WITH_DETAIL, UNRELATED)
    assert supporting_sentences(corpus, 0) == {"a2": (1, "paraphrase")}
    assert supporting_sentences(corpus, 1) == {}  # the other way, most of its claim is its own detail


ANNULLED = "The Supreme Court of Varland annulled the Harbour Levy Act on Thursday as unconstitutional."
# the whole claim, mostly in capitalised words, inside a report whose own detail weighs more than it
ANNULLED_IN_A_LONGER_REPORT = (
    "Ruling on a challenge brought by the Dunmore Shipping Guild, the Supreme Court of Varland on Thursday annulled the "
    "Harbour Levy Act as unconstitutional, and shipowners who paid the fee since March expect refunds within weeks."
)


def test_a_short_claim_that_a_longer_report_holds_whole_is_cited() -> None:
    corpus = corpus_of(ANNULLED, ANNULLED_IN_A_LONGER_REPORT, UNRELATED)
    assert supporting_sentences(corpus, 0) == {"a2": (1, "paraphrase")}
    assert supporting_sentences(corpus, 1) == {}  # the short one holds little of the long one's claim


def test_a_copy_keeps_its_own_sentence_as_evidence() -> None:
    corpus = corpus_of(CLOSED, "Local news in brief. " + CLOSED, PARAPHRASE)
    assert supporting_sentences(corpus, 0) == {"a2": (2, "copy"), "a3": (3, "paraphrase")}
    assert [e.support for e in cite(corpus, 0).evidence] == ["shown", "copy", "paraphrase"]


def test_the_seeds_cite_every_report_of_the_fall_of_mosul(seeds_dir: Path) -> None:
    corpus = prepare_corpus(read_inputs([str(seeds_dir)]).articles)
    # the fact that one report states with "largest city"; the two others tell it in their own words
    [mosul] = [i for i, s in enumerate(corpus.sentences) if "Mosul" in s.text and "largest city" in s.text]
    cited = cite(corpus, mosul)
    ids = corpus.article_ids
    assert cited.sources == (ids[0], ids[1], ids[3])  # [1], [2] and [4] of the brief
    assert {how for _, how in supporting_sentences(corpus, mosul).values()} == {"paraphrase"}
    for evidence in cited.evidence:
        assert "Mosul" in span_text(corpus, evidence.article, evidence.start, evidence.end)
