"""Agreed facts: paraphrases across independent sources, copies never counted twice."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from synoptic.clean.duplicates import find_copies
from synoptic.compare.claims import MAX_FACTS, agreed_facts
from synoptic.summarize import cite
from synoptic.summarize.methods import copy_families
from tests.compare.helpers import corpus_of, corpus_of_folder, families_of


def test_paraphrases_in_two_articles_are_one_fact() -> None:
    corpus = corpus_of(
        "Nine people were taken to Aldermoor General Hospital with injuries after the crash on the ridge road.",
        "After the crash, nine people went to Aldermoor General Hospital for treatment of their injuries.",
    )
    [fact] = agreed_facts(corpus, families_of(corpus))
    assert fact["sources"] == ["a1", "a2"] and fact["independent"] == 2
    assert {e["article"] for e in fact["evidence"]} == {"a1", "a2"}
    assert fact["text"] in {s.full for s in corpus.sentences}


def test_a_corrected_figure_is_not_agreed() -> None:
    corpus = corpus_of(
        "About 600 homes remain under the evacuation order issued on Thursday.",
        "In Ostley, 450 homes remain under Thursday's evacuation order.",
    )
    assert agreed_facts(corpus, families_of(corpus)) == []


def test_two_reports_of_one_named_outlet_are_one_source() -> None:
    corpus = corpus_of(
        "Nine people were taken to Aldermoor General Hospital with injuries after the crash on the ridge road.",
        "After the crash, nine people went to Aldermoor General Hospital for treatment of their injuries.",
    )
    for k, outlet in enumerate(("Kelsby Wire", "kelsby wire ")):
        corpus.articles[k] = replace(corpus.articles[k], article=replace(corpus.articles[k].article, source=outlet))
    assert agreed_facts(corpus, families_of(corpus)) == []  # an agency's two updates: its word twice
    corpus.articles[1] = replace(corpus.articles[1], article=replace(corpus.articles[1].article, source="Harbour Post"))
    assert [f["independent"] for f in agreed_facts(corpus, families_of(corpus))] == [2]


def test_a_copy_is_not_independent_support() -> None:
    text = "Forty walkers were rescued from the flooded valley by mountain teams on Sunday night."
    corpus = corpus_of(text, text)
    assert agreed_facts(corpus, {"a1": 0, "a2": 0}) == []
    # the same sentence in two otherwise independent reports is one pasted wire paragraph, not two sources
    assert agreed_facts(corpus, {"a1": 0, "a2": 1}) == []


def test_a_pasted_paragraph_counts_once_beside_an_independent_report() -> None:
    wire = "Forty walkers were rescued from the flooded valley by mountain teams on Sunday night."
    corpus = corpus_of(
        wire,
        "The council met to discuss the bus timetable. " + wire,
        "Mountain rescue teams brought forty walkers out of the flooded valley overnight on Sunday.",
    )
    [fact] = agreed_facts(corpus, families_of(corpus))
    assert fact["sources"] == ["a1", "a2", "a3"] and fact["independent"] == 2


def test_a_shared_name_and_its_description_are_not_a_fact() -> None:
    corpus = corpus_of(
        "A field commander of the Northern Alliance Brigades, a union of hill and valley militias, expected the fighting to end soon.",
        "Streets once closed by checkpoints are now held by the Northern Alliance Brigades, a union of hill and valley militias.",
    )
    assert agreed_facts(corpus, families_of(corpus)) == []


def test_the_same_background_on_different_days_is_not_a_fact() -> None:
    corpus = corpus_of(
        "Engineers were still working on the cliff road on Friday, days after a rockfall trapped a bus and three vans on Route 9.",
        "Rescue teams were still digging on the cliff road on Tuesday, a day after a rockfall trapped a bus and three vans on Route 9.",
        dates=("2025-05-09", "2025-05-06"),
    )
    assert agreed_facts(corpus, families_of(corpus)) == []


def test_shared_topic_words_alone_are_not_a_fact() -> None:
    corpus = corpus_of(
        "The Raqqa offensive by the SDF began in June with coalition air strikes.",
        "SDF fighters in Raqqa raised their flag over the stadium on Tuesday evening.",
    )
    assert agreed_facts(corpus, families_of(corpus)) == []


def test_different_quotes_of_one_speaker_are_not_a_fact() -> None:
    corpus = corpus_of(
        '"We reported it twice last autumn and nobody came," said Gwen Tarrant, chair of the parish council.',
        '"Half the village has been down here since midnight," said Gwen Tarrant, chair of the parish council.',
    )
    assert agreed_facts(corpus, families_of(corpus)) == []


def test_sample_facts_are_backed_by_independent_sources(sample_dir: Path) -> None:
    corpus = corpus_of_folder(sample_dir)
    corpus.copies = find_copies(corpus.articles)
    families = copy_families(corpus)
    facts = agreed_facts(corpus, families)
    assert 1 <= len(facts) <= MAX_FACTS
    assert any("Northline Coaches" in f["text"] for f in facts)
    for fact in facts:
        assert len({families[a] for a in fact["sources"]}) == fact["independent"] >= 2
        # a fact's sources are its sentence's citations, as in the summary
        index = next(i for i, s in enumerate(corpus.sentences) if s.full == fact["text"])
        assert fact["sources"] == list(cite(corpus, index).sources)
    independents = [f["independent"] for f in facts]
    assert independents == sorted(independents, reverse=True)


def test_seed_facts(seeds_dir: Path) -> None:
    corpus = corpus_of_folder(seeds_dir)
    facts = agreed_facts(corpus, families_of(corpus))
    assert facts and any("Mosul" in f["text"] and f["independent"] >= 3 for f in facts)


def test_each_sentence_lists_the_sentences_that_say_the_same_in_input_order() -> None:
    """_matches: symmetric, across articles only, partners in input order (a tie on cosine then goes
    to the earlier sentence), each with the pair's cosine."""
    from synoptic.analyze.vectors import similarity_matrix
    from synoptic.compare.claims import _matches, claim_partners

    corpus = corpus_of(
        "Nine people were taken to Aldermoor General Hospital with injuries after the crash on the ridge road.",
        "After the crash, nine people went to Aldermoor General Hospital for treatment of their injuries. "
        "Nine people were treated at Aldermoor General Hospital for injuries from the crash on the ridge road.",
        "Nine people from the ridge road crash went to Aldermoor General Hospital with their injuries.",
    )
    partners, terms = _matches(corpus, None)
    similarity = similarity_matrix(corpus)
    article = [s.article for s in corpus.sentences]
    assert partners[2] and any(j < 2 for j, _ in partners[2]) and any(j > 2 for j, _ in partners[2])
    for i, found in partners.items():
        assert [j for j, _ in found] == sorted(j for j, _ in found)
        for j, cosine in found:
            assert article[i] != article[j] and cosine == float(similarity[i, j])
            assert (i, cosine) in partners[j]
        assert terms[i] == set(corpus.terms[i])
    assert all(claim_partners(corpus, i) == partners.get(i, []) for i in range(len(corpus.sentences)))


def test_one_sentence_s_partners_found_alone_are_its_partners_in_the_whole_corpus(seeds_dir: Path) -> None:
    from synoptic.compare.claims import _matches, claim_partners

    corpus = corpus_of_folder(seeds_dir)
    partners, _ = _matches(corpus, None)
    assert partners  # the seeds' reports agree on several facts
    for i in range(len(corpus.sentences)):
        assert claim_partners(corpus, i) == partners.get(i, [])


def test_a_fact_is_shown_through_a_sentence_that_reads_alone() -> None:
    corpus = corpus_of(
        "Nine people were taken to Aldermoor General Hospital with injuries after the crash on the ridge road.",
        "He said that after the crash, nine people went to Aldermoor General Hospital for treatment of their injuries.",
    )
    [fact] = agreed_facts(corpus, families_of(corpus))
    assert fact["text"].startswith("Nine people") and fact["sources"] == ["a1", "a2"]


def test_a_fact_is_not_shown_through_a_sentence_about_a_person_never_named_in_full() -> None:
    corpus = corpus_of(
        "Late on Tuesday, Orla saw nine people taken to Aldermoor General Hospital after the crash. Her cousin drove "
        "the first ambulance. By morning, Orla had counted eleven wrecked cars, and she wrote to the council.",
        "Nine injured people were taken to Aldermoor General Hospital after the crash on the ridge road near "
        "Tillbury on Tuesday evening.",
    )
    [fact] = agreed_facts(corpus, families_of(corpus))
    assert fact["text"].startswith("Nine injured people") and fact["sources"] == ["a1", "a2"]


def test_a_fact_is_not_shown_through_a_sentence_inside_a_quotation() -> None:
    corpus = corpus_of(
        "Harbour master Ana Ruiz spoke to the crews at dawn. “We will rebuild the ridge road before the winter. "
        "Nine people were taken to Aldermoor General Hospital after the crash.",
        "Nine injured people were taken to Aldermoor General Hospital after the crash on the ridge road near "
        "Tillbury on Tuesday evening.",
    )
    [fact] = agreed_facts(corpus, families_of(corpus))
    assert fact["text"].startswith("Nine injured people") and fact["sources"] == ["a1", "a2"], fact


def test_different_figures_are_not_a_fact() -> None:
    corpus = corpus_of(
        "An estimated 1,100 people in the valley fell ill after drinking water from the old reservoir last month.",
        "Health officials said an estimated 1,850 people in the valley fell ill from the reservoir water last month.",
    )
    assert agreed_facts(corpus, families_of(corpus)) == []


def test_a_corpus_is_freed_without_waiting_for_the_cycle_collector() -> None:
    # what the matchers cache on a corpus must not point back at it: a cycle would keep every
    # corpus of an evaluation (and its similarity matrix) alive until the collector runs
    import gc
    import weakref

    from synoptic.summarize import cite

    corpus = corpus_of(
        "An estimated 40 families were moved out of their homes after the flood on the ridge road.",
        "About 40 families left their homes after the ridge road flood, the council said.",
    )
    agreed_facts(corpus, families_of(corpus))
    cite(corpus, 0)
    alive = weakref.ref(corpus)
    gc.disable()
    try:
        del corpus
        assert alive() is None
    finally:
        gc.enable()


def test_a_sentence_that_denies_a_fact_is_no_support() -> None:
    from synoptic.compare.claims import claim_partners

    corpus = corpus_of(
        "Coastguard crews saw three people clinging to the hull of the capsized ferry before it sank.",
        "Coastguard crews did not see anyone on the hull of the capsized ferry before it sank.",
        "Three people were seen clinging to the hull by coastguard crews shortly before the capsized ferry went down.",
    )
    [fact] = agreed_facts(corpus, families_of(corpus))
    assert fact["sources"] == ["a1", "a3"]  # the denial in a2 neither supports it nor is cited for it
    assert [j for j, _ in claim_partners(corpus, 1)] == []
    assert [j for j, _ in claim_partners(corpus, 0)] == [2]


def test_a_negation_beside_the_fact_keeps_the_support() -> None:
    corpus = corpus_of(
        "The driver was not found for hours and died two days later at Kelsby General Hospital.",
        "The driver of the van died two days later at Kelsby General Hospital, police said.",
    )
    [fact] = agreed_facts(corpus, families_of(corpus))
    assert fact["sources"] == ["a1", "a2"]


def test_a_claim_told_around_an_aside_is_one_claim() -> None:
    from synoptic.compare.claims import claim_partners

    corpus = corpus_of(
        "The two park wardens did not give evidence at the planning inquiry on Tuesday.",
        "The two park wardens, who are due before the county magistrates in Harwick charged with neglecting the sluice "
        "gates on the river, did not give evidence about the flooding of the lower meadows at the planning inquiry that "
        "heard their appeal against dismissal.",
    )
    assert [j for j, _ in claim_partners(corpus, 0)] == [1]


def test_one_figure_for_one_event_around_an_aside_is_one_claim() -> None:
    from synoptic.compare.claims import claim_partners

    corpus = corpus_of(
        "Four climbers died when a cornice gave way on Brack Fell on Saturday.",
        "Four climbers, including a guide from Tessby, died when the snow shelf collapsed on Saturday morning.",
        "Four climbers, including a guide from Tessby, were rescued when the snow shelf collapsed on Saturday morning.",
    )
    assert [j for j, _ in claim_partners(corpus, 0)] == [1]  # the rescued four are another claim


def test_asides_left_out_do_not_join_sentences_that_share_only_topic_words() -> None:
    from synoptic.compare.claims import claim_partners

    corpus = corpus_of(
        "Scientists watching the volcano, which has been quiet for decades since the last deadly blast in the valley, "
        "expect it to erupt soon.",
        "The volcano, a popular hiking spot for families from the coast, erupted on Friday and surprised the scientists "
        "watching it.",
    )
    assert claim_partners(corpus, 0) == []  # without their asides they share four of six terms, but say other things



def test_a_fact_carries_the_day_its_weekday_stands_for() -> None:
    """Counted from each report's own date: "on Friday" in a Monday report and in a Saturday one is one
    Friday, and the fact shows it."""
    corpus = corpus_of(
        "Nine people were taken to Aldermoor General Hospital with injuries after the crash on the ridge road on Friday.",
        "After the crash on Friday, nine people went to Aldermoor General Hospital for treatment of their injuries.",
        dates=("2025-05-12", "2025-05-10"),
    )
    [fact] = agreed_facts(corpus, families_of(corpus))
    assert (fact["date"], fact["precision"], fact["phrase"], fact["approximate"]) == ("2025-05-09", "day", "on Friday", False)


def test_a_fact_whose_sources_put_its_day_apart_has_no_date() -> None:
    """One wire sentence's "today" in reports filed either side of midnight: two days, and the fact picks neither."""
    wire = "Forty walkers were rescued from the flooded valley by mountain teams today."
    corpus = corpus_of(
        wire,
        "The council met to discuss the bus timetable. " + wire,
        "Mountain rescue teams brought forty walkers out of the flooded valley overnight today.",
        dates=("2025-05-09", "2025-05-10", "2025-05-09"),
    )
    [fact] = agreed_facts(corpus, families_of(corpus))
    assert fact["sources"] == ["a1", "a2", "a3"]
    assert (fact["date"], fact["precision"], fact["phrase"]) == (None, None, None)


def test_a_source_that_puts_the_day_in_its_week_does_not_contradict_it() -> None:
    """"… next week, the council said on Saturday" tells of Monday's week, whatever day it was said; "on
    Thursday" would be another day."""

    def fact_with(plan: str) -> dict:
        corpus = corpus_of(
            "The Kelsby council charged two contractors on Monday with fraud over the collapse of the Esk valley flood barrier.",
            "Two contractors were charged with fraud by the Kelsby council on Monday over the Esk valley flood barrier collapse.",
            f"Two contractors will be charged with fraud over the collapse of the Esk valley flood barrier {plan}, the Kelsby council said on Saturday.",
            dates=("2025-05-12", "2025-05-13", "2025-05-10"),
        )
        [fact] = agreed_facts(corpus, families_of(corpus))
        assert fact["sources"] == ["a1", "a2", "a3"]
        return fact

    assert (fact_with("next week")["date"], fact_with("next week")["phrase"]) == ("2025-05-12", "on Monday")
    assert fact_with("on Thursday")["date"] is None


def test_a_fact_dated_against_no_date_of_its_own_is_approximate() -> None:
    corpus = corpus_of(
        "Nine people were taken to Aldermoor General Hospital with injuries after the crash on the ridge road yesterday.",
        "After the crash yesterday, nine people went to Aldermoor General Hospital for treatment of their injuries.",
    )
    [fact] = agreed_facts(corpus, families_of(corpus), cluster_date="2025-05-10")
    assert (fact["date"], fact["phrase"], fact["approximate"]) == ("2025-05-09", "yesterday", True)


def test_a_fact_dated_by_a_day_it_names_gets_no_date() -> None:
    corpus = corpus_of(
        "Nine people were taken to Aldermoor General Hospital with injuries after the crash on the ridge road on May 9.",
        "After the crash on May 9, nine people went to Aldermoor General Hospital for treatment of their injuries.",
        dates=("2025-05-12", "2025-05-10"),
    )
    [fact] = agreed_facts(corpus, families_of(corpus))
    assert fact["date"] is None  # "May 9" says its day already
