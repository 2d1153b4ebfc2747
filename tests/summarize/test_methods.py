"""Methods fill the budget, avoid repeats, and prefer content several sources carry."""

from __future__ import annotations

import pytest

from synoptic.analyze.sentences import build_corpus
from synoptic.analyze.tokens import word_count
from synoptic.clean import clean_cluster
from synoptic.errors import OptionsError
import numpy as np

from synoptic.summarize import METHODS, cite, fill_budget, order_for_reading
from synoptic.summarize.base import near_repeats
from synoptic.summarize.concepts import beam_coverage
from tests.conftest import make_article

TEXTS = [
    "The council approved the new flood barrier on Monday after a long debate. "
    "A local bakery also won a regional prize for its rye bread this week.",
    "Councillors voted on Monday to approve the new flood barrier for the town. "
    "The school choir will perform at the cathedral in the spring.",
    "The new flood barrier was approved by the council on Monday, officials said. "
    "Parking charges in the town centre will rise from next month.",
]


def corpus():
    return build_corpus(clean_cluster([make_article(t, id=f"a{i}") for i, t in enumerate(TEXTS)]))


def test_default_picks_the_story_all_sources_share() -> None:
    c = corpus()
    [first, *_] = METHODS.get("default")(c, 15)
    assert "flood barrier" in c.sentences[first].text


@pytest.mark.parametrize("name", ["default", "coverage", "lead"])
@pytest.mark.parametrize("words", [1, 12, 30, 1000])
def test_methods_respect_the_budget(name: str, words: int) -> None:
    c = corpus()
    chosen = METHODS.get(name)(c, words)
    assert len(set(chosen)) == len(chosen)
    assert sum(word_count(c.shown(i)) for i in chosen) <= words


def test_default_does_not_repeat_the_same_content() -> None:
    c = corpus()
    chosen = METHODS.get("default")(c, 1000)
    barrier = [i for i in chosen if "flood barrier" in c.sentences[i].text]
    assert len(barrier) == 1


def test_fill_budget_skips_what_does_not_fit() -> None:
    c = corpus()
    lengths = [word_count(s.text) for s in c.sentences]
    longest = max(range(len(lengths)), key=lengths.__getitem__)
    scores = [1.0 if i == longest else 0.5 for i in range(len(lengths))]
    chosen = fill_budget(c, scores, lengths[longest] - 1)
    assert longest not in chosen and chosen


def test_lead_takes_first_sentences_round_robin() -> None:
    c = corpus()
    chosen = METHODS.get("lead")(c, 1000)
    assert [c.sentences[i].index for i in chosen[:3]] == [0, 0, 0]


def test_citations_leave_out_a_sentence_with_part_of_the_claim() -> None:
    texts = [
        "Heavy snow closed the mountain road to all traffic on Sunday evening.",
        "Heavy snow closed the mountain road to all traffic on Sunday evening, police said.",
        "The mountain road was shut on Sunday.",
    ]
    c = build_corpus(clean_cluster([make_article(t, id=f"a{i}") for i, t in enumerate(texts)]))
    cited = cite(c, 0)
    assert cited.sources == ("a0", "a1")
    assert cited.evidence[1].sentence == 0


def test_ordering_follows_dates_then_position() -> None:
    late = make_article("Second day of the story brought new rain. Rivers rose again in the valley.", id="late", date="2024-05-03")
    early = make_article("First day of the story brought a storm. Roads were shut across the county.", id="early", date="2024-05-02")
    c = build_corpus(clean_cluster([late, early]))
    order = order_for_reading(c, list(range(len(c.sentences))))
    assert [c.sentences[i].article for i in order][:2] == ["early", "early"]


def test_ordering_leads_with_the_first_chosen_sentence_that_opens_its_article() -> None:
    early = make_article(
        "Floods are common in the valley. The river last burst its banks in 1998 after a wet spring.", id="early", date="2024-05-02"
    )
    late = make_article("The river burst its banks on Friday, flooding 40 homes. Crews worked all night.", id="late", date="2024-05-03")
    c = build_corpus(clean_cluster([late, early]))
    chosen = [i for i, s in enumerate(c.sentences) if s.text.startswith(("The river last", "The river burst", "Crews"))]
    texts = [c.sentences[i].text for i in order_for_reading(c, chosen)]
    # the news leads; the rest keep the order the reports came in
    assert [t[:15] for t in texts] == ["The river burst", "The river last ", "Crews worked al"]


def test_unknown_method_names_the_choices() -> None:
    with pytest.raises(OptionsError, match="choose one of: .*default"):
        METHODS.get("best")


CLAUSE_TEXTS = [
    "The council approved the new flood barrier on Monday after a long debate, which ran until midnight.",
    "The council approved the new flood barrier on Monday after a long and heated debate.",
    "The new flood barrier was approved by the council on Monday after a long debate in the town hall.",
]


def test_default_shows_the_short_form_when_only_it_fits() -> None:
    c = build_corpus(clean_cluster([make_article(t, id=f"a{i}") for i, t in enumerate(CLAUSE_TEXTS)]), trim=True)
    first = c.sentences[0]
    assert first.short and word_count(first.short) < word_count(first.text)
    chosen = METHODS.get("default")(c, word_count(first.short))
    assert chosen == [0] and c.shown(0) == first.short
    cited = cite(c, 0)
    assert cited.text == first.short
    assert (cited.evidence[0].start, cited.evidence[0].end) == (first.start, first.end)  # the whole source sentence


def test_default_shows_whole_sentences_when_they_fit() -> None:
    c = build_corpus(clean_cluster([make_article(t, id=f"a{i}") for i, t in enumerate(CLAUSE_TEXTS)]), trim=True)
    chosen = METHODS.get("default")(c, 1000)
    assert chosen and not c.shown_short
    assert all(cite(c, i).text == c.sentences[i].text for i in chosen)


def test_beam_never_takes_an_exclusive_pair() -> None:
    concepts = [{("flood", "barrier"), ("council", "vote")}, {("flood", "barrier"), ("council", "vote")}, {("rye", "bread")}]
    weights = {("flood", "barrier"): 3.0, ("council", "vote"): 2.0, ("rye", "bread"): 1.0}
    bonus = [1.0, 1.0, 0.0]  # a bonus per sentence makes taking both copies pay, unless they exclude each other
    assert beam_coverage(concepts, weights, [5, 5, 5], 15, bonus) == [0, 1, 2]
    exclusive = np.zeros((3, 3), dtype=bool)
    exclusive[0, 1] = exclusive[1, 0] = True
    assert sorted(beam_coverage(concepts, weights, [5, 5, 5], 15, bonus, exclusive)) == [0, 2]


def test_near_repeats_is_symmetric_and_catches_shared_terms() -> None:
    similarity = np.array([[1.0, 0.2, 0.9], [0.2, 1.0, 0.1], [0.9, 0.1, 1.0]])
    terms = [{"flood", "barrier", "council"}, {"flood", "barrier"}, {"rye", "bread"}]
    repeats = near_repeats(similarity, terms, 0.5, 0.6)
    assert (repeats == repeats.T).all() and not repeats.diagonal().any()
    assert repeats[0, 2]  # too similar
    assert repeats[0, 1]  # all of the second's terms are in the first
    assert not repeats[1, 2]


def test_default_skips_sentences_that_do_not_read_alone() -> None:
    texts = [
        "You should check the pier notices before sailing this week. "
        "The harbour pier reopened to fishing boats on Friday after two weeks of repairs. "
        '"Everyone worked through the storm to get the harbour pier open again."',
        '"Everyone worked through the storm to get the harbour pier open again." '
        "The harbour pier reopened to fishing boats on Friday after two weeks of repairs, the council said. "
        "You should check the pier notices before sailing this week.",
    ]
    c = build_corpus(clean_cluster([make_article(t, id=f"a{i}") for i, t in enumerate(texts)]))
    shown = [c.shown(i) for i in METHODS.get("default")(c, 1000)]
    assert shown and all("reopened" in s for s in shown)


def test_same_core_pairs_sentences_that_differ_only_in_their_asides() -> None:
    from synoptic.analyze.tokens import content_terms
    from synoptic.summarize.methods import same_core

    texts = [
        "Ana Ruiz, 58, a former harbour pilot, resigned from the ferry board last October.",
        "Ana Ruiz, who ran the ferry board for nine years, resigned from the ferry board last October.",
        "Ana Ruiz, who ran the ferry board for nine years, will stand for mayor in the spring.",
    ]
    repeats = same_core(texts, [set(content_terms(t)) for t in texts])
    assert repeats[0, 1] and repeats[1, 0]  # both: "Ana Ruiz resigned from the ferry board last October"
    assert not repeats[0, 2] and not repeats[1, 2]


DEPOT = [
    "Floodwater from the Ossel river swept through the Kerrow grain depot on Friday, the port authority said. "
    "About 3.5 million tonnes of wheat were stored in the silos when the water came in before dawn, and roughly 30 per cent "
    "of the wheat was soaked. "
    "Dock workers spent the night hauling sacks up to the higher floors.",
    "The Ossel river burst its banks on Friday and flooded the Kerrow grain depot, the port authority said. "
    "The depot held 3,500,000 tonnes of wheat, according to its own insurance filing, and 30% of the wheat was lost. "
    "Bakers in the town fear that the price of bread will climb before the winter.",
    "The grain depot at Kerrow was flooded on Friday after the Ossel river rose in the night. "
    "Insurers sent assessors to the depot on Saturday morning.",
]


def test_default_does_not_give_the_same_figures_twice() -> None:
    # The two figure sentences share few words (cosine and term share under the repeat thresholds), but
    # they state one claim: 3.5 million tonnes, 30 per cent of the wheat.
    c = build_corpus(clean_cluster([make_article(t, id=f"a{i}") for i, t in enumerate(DEPOT)]))
    chosen = METHODS.get("default")(c, 1000)
    assert sum("tonnes of wheat" in c.sentences[i].text for i in chosen) == 1


def test_same_figures_needs_two_figures_all_given_alike() -> None:
    from synoptic.summarize.methods import same_figures

    texts = [
        "About 3.5 million tonnes of wheat were stored there, and roughly 30 per cent of the wheat was soaked.",
        "The depot held 3,500,000 tonnes of wheat, and 30% of the wheat was lost.",
        "The depot held 3,500,000 tonnes of wheat before the flood came.",  # one figure: says less, not the same
        "About 2 million tonnes of wheat were stored there, and 30 per cent of the wheat was soaked.",  # another figure
        "Up to 3.5 million tonnes of wheat were stored there, and more than 30 per cent of the wheat was soaked.",  # bounds
    ]
    c = build_corpus(clean_cluster([make_article(t, id=f"a{i}") for i, t in enumerate(texts)]))
    assert len(c.sentences) == len(texts)
    repeats = same_figures(c, list(range(len(texts))), texts)
    assert repeats[0, 1] and repeats[1, 0]
    assert not repeats[0, 2] and not repeats[1, 2]
    assert not repeats[0, 3] and not repeats[1, 3]
    assert not repeats[4].any()


LIBRARY = [
    "The Tarnby public library opened its doors again on Monday after two months of work on its leaking roof, the district council said. "
    "The repairs cost 300,000 pounds and were paid for from a heritage grant. "
    "Head librarian Nessa Quill, who runs the reading hour, said the new roof would shield the rare books from winter gales. "
    "Volunteers carried the last boxes of books back onto the shelves on Sunday evening.",
    "Readers returned to the Tarnby public library on Monday, ending two months of closure while its roof was rebuilt. "
    "A heritage grant covered the 300,000 pound cost of the repairs. "
    "Parents said the closure had left children with nowhere to study during the exam weeks.",
    "The Tarnby public library was open again on Monday after its roof was mended over two months. "
    "Head librarian Nessa Quill said the mended roof would keep the rare books safe from the winter storms that soaked the archive in January. "
    "The heritage grant paid for the work, which cost 300,000 pounds in all.",
]


@pytest.mark.parametrize("name", ["default", "coverage"])
def test_paraphrases_in_a_cluster_of_three_reports_are_not_chosen_together(name: str) -> None:
    # In three reports the shared words (name, roof, rare books) weigh little against each sentence's own
    # wording: the plain TF-IDF cosine of the two Quill sentences is 0.41, under the repeat threshold.
    c = build_corpus(clean_cluster([make_article(t, id=f"a{i}") for i, t in enumerate(LIBRARY)]))
    chosen = METHODS.get(name)(c, 1000)
    assert sum("Nessa Quill" in c.sentences[i].text for i in chosen) == 1
    assert sum("300,000" in c.sentences[i].text for i in chosen) == 1


WIRE = [
    "Flood water reached the market square in Dunmore on Thursday morning.",
    "About two hundred homes on the river side of the town were evacuated overnight.",
    "The county council opened the sports hall on Bridge Street as a rest centre.",
    "Forecasters expect the river to peak again on Saturday evening.",
]


def families_corpus():
    """a1 a wire story; a2 reprints it with a word changed here and there; a3 and a4 report in their own words,
    and a4 pastes one of a3's sentences."""
    reprint = [s.replace("Thursday morning", "Thursday").replace("overnight", "during the night") for s in WIRE]
    texts = [
        " ".join(WIRE),
        " ".join(reprint) + " A local choir cancelled its concert.",
        "Residents of Dunmore spent the night in a sports hall after the river burst its banks. "
        "Sandbags ran out before midnight, volunteers said. The road to Kelby was closed by police.",
        "Sandbags ran out before midnight, volunteers said. Shops in the square stayed shut all day. "
        "The mayor thanked the volunteers who filled bags through the night. Insurers sent assessors on Friday.",
    ]
    return build_corpus(clean_cluster([make_article(t, id=f"a{i + 1}") for i, t in enumerate(texts)]))


def dense_reference(corpus) -> tuple[dict[str, int], np.ndarray]:
    """Copy families and cross-source support as computed from the full dense cosine matrix, pair of
    articles by pair of articles: what the sparse, banded computation must reproduce exactly."""
    from synoptic.analyze.vectors import tfidf_matrix
    from synoptic.summarize.methods import COPY_SENTENCE_SHARE, COPY_SENTENCE_SIMILARITY

    matrix = tfidf_matrix(corpus)
    similarity = np.asarray((matrix @ matrix.T).todense())
    ids = np.array([s.article for s in corpus.sentences])
    articles = list(dict.fromkeys(ids))
    family = {a: k for k, a in enumerate(articles)}
    for k, a in enumerate(articles):
        for b in articles[:k]:
            block = similarity[np.ix_(ids == a, ids == b)] >= COPY_SENTENCE_SIMILARITY
            if family[a] != family[b] and max(block.any(axis=1).mean(), block.any(axis=0).mean()) >= COPY_SENTENCE_SHARE:
                old, new = family[a], family[b]
                family = {x: new if f == old else f for x, f in family.items()}
    of_sentence = np.array([family[a] for a in ids])
    families = sorted(set(family.values()))
    best = np.zeros((len(ids), len(families)))
    for k, fam in enumerate(families):
        best[:, k] = similarity[:, of_sentence == fam].max(axis=1)
        best[of_sentence == fam, k] = 0.0
    return family, best.sum(axis=1) / (len(families) - 1)


@pytest.mark.parametrize("cells", [1, 9, 10_000_000])  # one sentence a band, a few, all in one
def test_copy_families_and_support_are_exactly_the_dense_computations(monkeypatch, cells: int) -> None:
    from synoptic.analyze import vectors
    from synoptic.summarize.methods import copy_families, cross_source_support

    monkeypatch.setattr(vectors, "BLOCK_CELLS", cells)
    c = families_corpus()
    family, support = dense_reference(c)
    assert copy_families(c) == family
    assert family["a1"] == family["a2"] and len({family["a1"], family["a3"], family["a4"]}) == 3
    assert np.array_equal(cross_source_support(c), support)


def test_support_of_a_single_source_is_its_mean_cosine(monkeypatch) -> None:
    from synoptic.analyze import vectors
    from synoptic.analyze.vectors import tfidf_matrix
    from synoptic.summarize.methods import cross_source_support

    monkeypatch.setattr(vectors, "BLOCK_CELLS", 5)
    c = build_corpus(clean_cluster([make_article(" ".join(WIRE), id="a1")]))
    matrix = tfidf_matrix(c)
    assert np.array_equal(cross_source_support(c), np.asarray((matrix @ matrix.T).todense()).mean(axis=1))


STRANGER_TEXTS = [
    "On Tuesday night, Marisol watched the coastguard rescue forty passengers as the ferry Theodora sank off Hector Island. "
    "Her brother was among the crew, and Marisol waited for news of him at the harbour.",
    "The coastguard rescued forty passengers on Tuesday night as the ferry Theodora, which had carried islanders for thirty "
    "years, sank in heavy seas off Hector Island. Divers will inspect the wreck of the ferry next week.",
    "The ferry Theodora sank in a storm off Hector Island on Tuesday night, and all forty passengers on board were rescued "
    "by the coastguard before dawn.",
]


def _shown_by_default(texts: list[str], words: int) -> list[str]:
    """The summary the default method shows of one article per text, trimmed as a brief's."""
    c = build_corpus(clean_cluster([make_article(t, id=f"a{i}") for i, t in enumerate(texts)]), trim=True)
    return [c.shown(i) for i in METHODS.get("default")(c, words)]


def test_default_does_not_show_a_person_the_reports_never_name_in_full() -> None:
    shown = _shown_by_default(STRANGER_TEXTS, 20)
    assert shown and not any("Marisol" in text for text in shown)


QUOTED_TEXTS = [
    "The Kelsby ferry pier reopened on Friday after two weeks of repairs, the harbour board said. "
    "Harbour master Ana Ruiz spoke to the crews at dawn. "
    "“We worked through every storm of the winter. We rebuilt the pier with oak beams from the mainland forests.\n\n"
    "“Nobody was hurt,” she said.",
    "The Kelsby ferry pier reopened on Friday after repairs. Its oak beams came from mainland forests. "
    "The harbour board paid for the work from its reserve fund.",
]


def test_default_does_not_show_a_sentence_from_inside_a_quotation() -> None:
    # "We rebuilt the pier…" says most about the oak beams, but its speaker is in another sentence
    shown = _shown_by_default(QUOTED_TEXTS, 1000)
    assert shown and not any(text.startswith(("We rebuilt", "“We worked")) for text in shown), shown
