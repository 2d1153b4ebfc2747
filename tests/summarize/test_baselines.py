"""The published baselines: every one keeps the method contract, and each does what its paper says."""

from __future__ import annotations

import math

import numpy as np
import pytest

from synoptic.analyze import vectors
from synoptic.analyze.sentences import Corpus, build_corpus
from synoptic.analyze.tokens import word_count
from synoptic.clean import clean_cluster
from synoptic.errors import OptionsError
from synoptic.summarize import METHODS, baselines
from tests.conftest import make_article

BASELINES = ["random", "centroid", "lexrank", "textrank", "klsum", "submodular", "ilp", "oracle"]

# Each article is one line, so cleaning never takes a sentence repeated across articles for boilerplate.
# The shared story comes second in every article, so position alone does not find it.
TEXTS = [
    "A local bakery also won a regional prize for its rye bread this week. "
    "The council approved the new flood barrier on Monday after a long debate.",
    "The school choir will perform at the cathedral in the spring. "
    "Councillors voted on Monday to approve the new flood barrier for the town.",
    "Parking charges in the town centre will rise from next month. "
    "The new flood barrier was approved by the council on Monday, officials said.",
]
REFERENCE = "The council approved the new flood barrier on Monday."

SHARED = "Rescue teams pulled twelve miners alive from the flooded colliery on Friday night."
REPEATED = [  # four reports of one story; each repeats the same key sentence between its own details
    f"Families of the miners waited at the colliery gates. {SHARED} "
    "The mine company promised a full inquiry.",
    f"Water flooded the colliery on Thursday afternoon. {SHARED} "
    "Rescue teams worked in shifts.",
    f"The twelve miners had been trapped for two days. {SHARED} "
    "Doctors said the men were in good health.",
    f"Pumps drained the flooded colliery overnight. {SHARED} "
    "It was the largest rescue in the region for decades.",
]

TOPICS = [
    "orchestra", "glacier", "satellite", "vineyard", "lighthouse", "marathon", "volcano", "submarine",
    "tournament", "cathedral", "pipeline", "harvest", "telescope", "election", "carnival", "reservoir",
    "museum", "airport", "factory", "festival", "hospital", "railway", "harbour", "stadium",
    "bakery", "bridge", "forest", "island", "market", "prison", "school", "tunnel",
]


def build(texts: list[str], references: tuple[str, ...] = ()) -> Corpus:
    return build_corpus(clean_cluster([make_article(t, id=f"a{i}") for i, t in enumerate(texts)]), references)


def flood_corpus() -> Corpus:
    return build(TEXTS, (REFERENCE,))


def large_corpus() -> Corpus:
    """Eight articles of four sentences, each sentence about its own topic."""
    texts = []
    for a in range(8):
        sentences = [
            f"Officials said the {TOPICS[(4 * a + s) % len(TOPICS)]} plan would cost {a * 10 + s + 3} million pounds next year."
            for s in range(4)
        ]
        texts.append(" ".join(sentences))
    return build(texts, ("Officials said the orchestra plan would cost three million pounds.",))


def words_of(corpus: Corpus, chosen: list[int]) -> int:
    return sum(word_count(corpus.sentences[i].text) for i in chosen)


def rouge2_recall(summary: str, reference: str) -> float:
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(["rouge2"], use_stemmer=True).score(reference, summary)["rouge2"].recall


def test_all_baselines_are_registered_with_a_description() -> None:
    for name in BASELINES:
        assert name in METHODS
        assert (METHODS.get(name).__doc__ or "").strip()


@pytest.mark.parametrize("name", BASELINES)
@pytest.mark.parametrize("words", [1, 15, 60, 1000])
@pytest.mark.parametrize("make", [flood_corpus, large_corpus], ids=["small", "large"])
def test_baselines_respect_the_budget_with_unique_valid_indices(name: str, words: int, make) -> None:
    c = make()
    chosen = METHODS.get(name)(c, words)
    assert all(isinstance(i, int) and 0 <= i < len(c.sentences) for i in chosen)
    assert len(set(chosen)) == len(chosen)
    assert words_of(c, chosen) <= words


@pytest.mark.parametrize("name", BASELINES)
def test_baselines_fill_a_roomy_budget(name: str) -> None:
    c = large_corpus()
    assert METHODS.get(name)(c, 60), "a 60-word budget fits several sentences; returning none is a bug"


@pytest.mark.parametrize("name", BASELINES)
def test_baselines_are_deterministic(name: str) -> None:
    first = METHODS.get(name)(large_corpus(), 60)
    again = METHODS.get(name)(large_corpus(), 60)
    assert first == again
    assert METHODS.get(name)(flood_corpus(), 30) == METHODS.get(name)(flood_corpus(), 30)


@pytest.mark.parametrize("name", BASELINES)
def test_baselines_handle_a_single_sentence(name: str) -> None:
    text = "Heavy snow closed the mountain road on Sunday."
    c = build([text], (text,))
    assert len(c.sentences) == 1
    assert METHODS.get(name)(c, 1000) == [0]
    assert METHODS.get(name)(c, 3) == []


@pytest.mark.parametrize("name", BASELINES)
def test_baselines_handle_an_empty_corpus(name: str) -> None:
    assert METHODS.get(name)(Corpus(articles=[], references=(REFERENCE,)), 100) == []


@pytest.mark.parametrize("name", ["lexrank", "textrank", "centroid"])
def test_graph_and_centroid_methods_rank_the_repeated_sentence_first(name: str) -> None:
    c = build(REPEATED)
    first = METHODS.get(name)(c, 1000)[0]
    assert c.sentences[first].text == SHARED


@pytest.mark.parametrize("name", ["lexrank", "textrank", "centroid"])
def test_redundancy_control_takes_the_repeated_sentence_once(name: str) -> None:
    c = build(REPEATED)
    chosen = METHODS.get(name)(c, 1000)
    assert sum(c.sentences[i].text == SHARED for i in chosen) == 1


def test_ilp_covers_the_concept_every_article_shares() -> None:
    c = flood_corpus()
    chosen = METHODS.get("ilp")(c, 15)
    assert len(chosen) == 1
    assert "flood barrier" in c.sentences[chosen[0]].text


def test_ilp_leaves_out_short_sentences() -> None:
    texts = [
        "The flood barrier opened. The council approved the new flood barrier on Monday after debate.",
        "The flood barrier opened. Councillors voted on Monday to approve the new flood barrier.",
        "The flood barrier opened. The new flood barrier was approved by the council on Monday.",
    ]
    c = build(texts)
    chosen = METHODS.get("ilp")(c, 1000)
    assert chosen and all(word_count(c.sentences[i].text) >= 8 for i in chosen)


def test_klsum_picks_the_sentence_that_matches_the_cluster_vocabulary() -> None:
    texts = [
        "The mayor thanked volunteers at the town hall. Storm damage left homes without power across the valley.",
        "A bakery reopened on the high street. Power lines fell as the storm hit homes in the valley.",
        "Football fans celebrated a late winner. The storm cut power to homes throughout the valley overnight.",
    ]
    c = build(texts)
    first = METHODS.get("klsum")(c, 1000)[0]
    assert "storm" in c.sentences[first].text.lower()


def test_klsum_keeps_adding_until_nothing_fits() -> None:
    c = large_corpus()
    chosen = METHODS.get("klsum")(c, 60)
    left = [i for i in range(len(c.sentences)) if i not in chosen]
    assert all(words_of(c, chosen) + word_count(c.sentences[i].text) > 60 for i in left)


def test_oracle_beats_lead_on_rouge2_recall() -> None:
    c = flood_corpus()
    oracle = METHODS.get("oracle")(c, 15)
    lead = METHODS.get("lead")(c, 15)
    summary = " ".join(c.sentences[i].text for i in oracle)
    baseline = " ".join(c.sentences[i].text for i in lead)
    assert rouge2_recall(summary, REFERENCE) > rouge2_recall(baseline, REFERENCE)
    assert "flood barrier" in summary


def test_oracle_needs_references() -> None:
    with pytest.raises(OptionsError, match="reference summaries"):
        METHODS.get("oracle")(build(TEXTS), 100)


def test_oracle_docstring_says_it_reads_the_references() -> None:
    first_line = (METHODS.get("oracle").__doc__ or "").strip().splitlines()[0].lower()
    assert "upper bound" in first_line and "reference" in first_line


def test_random_differs_from_lead_but_repeats_itself() -> None:
    c = large_corpus()
    chosen = METHODS.get("random")(c, 60)
    assert chosen != METHODS.get("lead")(c, 60)
    assert chosen == METHODS.get("random")(large_corpus(), 60)


def test_random_depends_on_the_text() -> None:
    c = large_corpus()
    texts = [" ".join(s.text for s in c.sentences if s.article == a) for a in c.article_ids]
    other = build([t.replace("Officials", "Ministers") for t in texts])
    orders = {tuple(METHODS.get("random")(corpus, 1000)) for corpus in (c, other)}
    assert len(orders) == 2


def test_ilp_gives_the_same_answer_in_every_process(shared_data) -> None:
    """Python salts string hashes per process; the ILP must not let that pick among equal answers."""
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    script = (
        "import sys\n"
        "from synoptic.analyze.sentences import build_corpus\n"
        "from synoptic.clean import clean_cluster\n"
        "from synoptic.ingest.jsonfmt import iter_clusters\n"
        "from synoptic.summarize import METHODS\n"
        "for n, c in zip(range(12), iter_clusters(sys.argv[1])):\n"
        "    print(METHODS.get('ilp')(build_corpus(clean_cluster(list(c.articles))), 100))\n"
    )
    outputs = set()
    for seed in ("1", "2"):
        run = subprocess.run(
            [sys.executable, "-c", script, str(shared_data / "tac2010_A.jsonl")],
            capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": seed}, check=True,
        )
        outputs.add(run.stdout)
    assert len(outputs) == 1


def overlap_by_hand(c: Corpus) -> np.ndarray:
    """TextRank's weights as its paper defines them: shared words over the sum of the log lengths, no self-loops."""
    terms = [set(t) for t in c.terms]
    logs = [math.log(max(word_count(s.text), 2)) for s in c.sentences]
    n = len(terms)
    return np.array([[len(terms[i] & terms[j]) / (logs[i] + logs[j]) if i != j else 0.0 for j in range(n)] for i in range(n)])


def test_textrank_graph_is_the_word_overlap_built_band_by_band(monkeypatch: pytest.MonkeyPatch) -> None:
    c = large_corpus()
    expected = overlap_by_hand(c)
    assert np.allclose(baselines._overlap_graph(c).toarray(), expected)
    monkeypatch.setattr(vectors, "BLOCK_CELLS", 40)  # bands of one row
    assert np.allclose(baselines._overlap_graph(c).toarray(), expected)


def test_textrank_graph_keeps_the_strongest_overlaps_of_each_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    c = large_corpus()
    full = overlap_by_hand(c)
    assert (np.count_nonzero(full, axis=1) > 3).all()  # every sentence shares words with many others
    monkeypatch.setattr(baselines, "TEXTRANK_MAX_NEIGHBOURS", 3)
    cut = baselines._overlap_graph(c).toarray()
    for row_cut, row_full in zip(cut, full):
        kept = np.flatnonzero(row_cut)
        assert len(kept) == 3
        assert np.allclose(row_cut[kept], row_full[kept])
        assert row_cut[kept].min() >= np.sort(row_full)[-3] - 1e-12  # nothing stronger was dropped
    assert METHODS.get("textrank")(c, 60)  # PageRank runs on the cut graph


@pytest.mark.parametrize("name", ["submodular", "ilp"])
def test_the_pairwise_methods_read_only_the_most_promising_sentences(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    # the repeated sentence is both the closest to the centroid (submodular's pool) and the one whose
    # bigrams most articles share (the ILP's), so a pool of one holds just its first copy
    c = build(REPEATED)
    first_shared = next(i for i, s in enumerate(c.sentences) if s.text == SHARED)
    assert len(METHODS.get(name)(c, 1000)) > 1
    monkeypatch.setattr(baselines, "PAIRWISE_MAX_SENTENCES", 1)
    assert METHODS.get(name)(c, 1000) == [first_shared]


@pytest.mark.parametrize("name", ["submodular", "ilp"])
def test_a_pool_smaller_than_the_cluster_keeps_the_method_contract(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setattr(baselines, "PAIRWISE_MAX_SENTENCES", 5)
    c = large_corpus()
    chosen = METHODS.get(name)(c, 60)
    assert chosen and len(set(chosen)) == len(chosen) and words_of(c, chosen) <= 60
    assert all(isinstance(i, int) and 0 <= i < len(c.sentences) for i in chosen)
