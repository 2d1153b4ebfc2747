"""The pure clustering core: signatures, assignment, merging, the sliding window, determinism."""

from __future__ import annotations

import math

import pytest

from synoptic.model import Article
from synoptic.stories import cluster
from synoptic.stories.cluster import ActiveStories, assign, replay, story_id_for
from synoptic.stories.features import (
    ARTICLE_TERMS,
    DocumentFrequencies,
    Signature,
    parse_day,
    term_counts,
    weighted_terms,
)
from tests.stories.helpers import interleaved


def unit(article: str, day: int, **weights: float) -> Signature:
    """A signature over named features (f1, f2 …), L2-normalised like real ones."""
    norm = math.sqrt(sum(w * w for w in weights.values()))
    terms = tuple(sorted(((int(name[1:]), w / norm) for name, w in weights.items()), key=lambda fw: (-fw[1], fw[0])))
    return Signature(article, day, terms)


def signatures(articles: list[Article]) -> list[Signature]:
    frequencies = DocumentFrequencies()
    out = []
    for article in articles:
        counts = term_counts(article)
        frequencies.add(counts)
        out.append(Signature(article.id, parse_day(article.date), weighted_terms(counts, frequencies)))
    return out


def test_three_interleaved_stories_are_separated():
    groups = replay(signatures(interleaved()))
    by_story: dict[str, set[str]] = {}
    for article, story in groups.items():
        by_story.setdefault(story, set()).add(article.split("-")[0])
    assert sorted(len(v) for v in by_story.values()) == [1, 1, 1]
    assert len(by_story) == 3


def test_story_ids_derive_from_the_first_article_and_replays_agree():
    first = replay(signatures(interleaved()))
    second = replay(signatures(interleaved()))
    assert first == second
    assert first["bridge-3"] == story_id_for("bridge-1")
    assert first["beetle-2"] == story_id_for("beetle-1")


def test_signature_keeps_the_heaviest_terms_normalised():
    [signature] = signatures([Article(id="x", text=" ".join(f"word{i} " * (i % 5 + 1) for i in range(200)), date="2025-01-01")])
    assert len(signature.terms) == ARTICLE_TERMS
    weights = [w for _, w in signature.terms]
    assert weights == sorted(weights, reverse=True)
    assert math.isclose(sum(w * w for w in weights), 1.0)


def test_bridging_articles_merge_two_halves_of_a_story_into_the_earlier_one():
    window = ActiveStories()
    # two halves too large to be absorbed as fragments: only bridging articles can join them
    halves = [[assign(unit(f"{name}{i}", 100 + i, **{feature: 1.0}), window)[0] for i in range(cluster.FRAGMENT_MAX_SIZE + 1)]
              for name, feature in (("x", "f1"), ("y", "f2"))]
    first, second = halves[0][0].story, halves[1][0].story
    assert first != second and len(window) == 2
    for n in range(1, 20):
        before = cluster.centroid_similarity(window.stories[first], window.stories[second])
        bridge, _ = assign(unit(f"b{n}", 110 + n, f1=1.0, f2=1.0), window)
        if bridge.merged:
            break
        assert bridge.story == first  # a tie goes to the earlier story
    assert n > 1 and before < cluster.MERGE_MIN_SIMILARITY  # one bridge is not enough: the centroids were still far apart
    assert bridge.merged == (second,) and bridge.story == first == story_id_for("x0")
    assert set(window.stories) == {first}
    assert window.stories[first].size == 2 * (cluster.FRAGMENT_MAX_SIZE + 1) + n


def test_a_lone_article_left_behind_joins_the_story_once_it_has_grown_towards_it():
    window = ActiveStories()
    story = assign(unit("x1", 100, f1=1.0), window)[0].story
    assign(unit("x2", 101, f1=1.0), window)
    lone = assign(unit("y1", 102, f2=1.0), window)[0]
    unrelated = assign(unit("z1", 102, f3=1.0, f2=0.1), window)[0]
    assert lone.created and unrelated.created  # nothing in common with the story yet
    grown = assign(unit("b1", 103, f1=1.0, f2=1.0), window)[0]
    assert grown.story == story and grown.merged == (lone.story,)  # f2 is now part of the story
    assert set(window.stories) == {story, unrelated.story}
    assert window.stories[story].size == 4


def test_a_fragment_larger_than_the_growing_story_is_not_taken_in():
    window = ActiveStories()
    story = assign(unit("x1", 100, f1=1.0), window)[0].story
    fragment = assign(unit("y0", 101, f2=1.0), window)[0].story
    for i in (1, 2):
        assert assign(unit(f"y{i}", 101, f2=1.0), window)[0].story == fragment
    joined = assign(unit("b1", 102, f1=1.0, f2=0.5), window)[0]
    assert joined.story == story and joined.merged == ()  # the story has 2 articles, the fragment 3
    assert cluster.centroid_similarity(window.stories[story], window.stories[fragment]) >= cluster.FRAGMENT_MIN_SIMILARITY


def test_a_two_article_fragment_joins_at_fragment_min_similarity_only():
    window = ActiveStories()
    story = assign(unit("x1", 100, f1=1.0), window)[0].story
    assign(unit("x2", 100, f1=1.0), window)
    fragment = assign(unit("y1", 101, f2=1.0), window)[0].story
    assign(unit("y2", 101, f2=1.0), window)
    weak = assign(unit("b1", 102, f1=1.0, f2=0.5), window)[0]
    assert weak.story == story and weak.merged == ()
    # ~0.15: a lone article this close would have joined, two articles stay apart
    assert cluster.ASSIGN_MIN_SIMILARITY <= cluster.centroid_similarity(window.stories[story], window.stories[fragment]) < cluster.FRAGMENT_MIN_SIMILARITY
    strong = assign(unit("b2", 103, f1=1.0, f2=1.0), window)[0]
    assert strong.story == story and strong.merged == (fragment,)


def test_merged_ids_resolve_in_replay():
    groups = replay([unit("x1", 1, f1=1.0), unit("y1", 2, f2=1.0), unit("b1", 3, f1=1, f2=1), unit("b2", 4, f1=1, f2=1)])
    assert set(groups.values()) == {story_id_for("x1")}


def test_idle_stories_close_and_a_late_report_starts_a_new_story():
    window = ActiveStories(idle_days=10)
    early, _ = assign(unit("a1", 100, f1=1.0), window)
    assert [s.id for s in window.close_idle(110)] == []  # ten days idle: still open
    assert [s.id for s in window.close_idle(111)] == [early.story]
    assert len(window) == 0 and not window.index  # nothing of it stays in memory
    late, _ = assign(unit("a2", 111, f1=1.0), window)
    assert late.created and late.story != early.story


def test_the_window_never_holds_more_than_max_active_stories():
    window = ActiveStories(max_active=5)
    for day in range(20):
        window.close_idle(day)
        assign(unit(f"n{day}", day, **{f"f{day + 1}": 1.0}), window)
        assert len(window) <= 6  # the new story is added after closing; the next step trims again
    window.close_idle(20)
    assert sorted(s.first_day for s in window.stories.values()) == [15, 16, 17, 18, 19]


def test_time_damps_similarity():
    story = cluster.new_story(unit("a", 0, f1=1.0))
    assert cluster.similarity(unit("b", 0, f1=1.0), story) == pytest.approx(1.0)
    assert cluster.similarity(unit("c", 3000, f1=1.0), story) == pytest.approx(math.exp(-3000 / cluster.TIME_SCALE_DAYS))


def test_candidates_come_from_the_index_only():
    window = ActiveStories()
    assign(unit("a", 1, f1=1.0, f2=0.5), window)
    assign(unit("b", 1, f7=1.0), window)
    assert [s.first_article for s in window.candidates(unit("q", 1, f2=1.0))] == ["a"]
    assert window.candidates(unit("r", 1, f9=1.0)) == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2025-03-12", "2025-03-12"), ("2025-03-12T23:30:00Z", "2025-03-12"), ("2025-3-5", "2025-03-05"), ("1998-30-06", "1998-06-30"), ("Tue, 11 Mar 2025 09:00:00 GMT", "2025-03-11")],
)
def test_parse_day(value, expected):
    from datetime import date

    assert date.fromordinal(parse_day(value)).isoformat() == expected


@pytest.mark.parametrize("value", ["2025-13-14", "2025-04-31", "2025-02-30T09:00:00Z", "2025-31-02"])
def test_parse_day_takes_no_day_the_calendar_lacks(value):
    # no day either way round: a typo must leave an article undated, not misdated
    assert parse_day(value) is None


def test_parse_day_without_a_date():
    assert parse_day(None) is None and parse_day("  ") is None and parse_day("not a date at all") is None


@pytest.mark.parametrize("value", ["5", "2005", "n/a", "Monday", "yesterday", "now"])
def test_parse_day_never_takes_a_part_from_the_clock(value):
    # dateparser fills what a value lacks from today ("5" -> May of this year); such a day would make
    # the stream's stories depend on when it is ingested, and close every story as idle.
    assert parse_day(value) is None


# --- refinement ------------------------------------------------------------------------------------
def built(*stories: list[Signature]) -> tuple[ActiveStories, list[str]]:
    """A window holding the given stories as they are (no assignment): each list's first signature
    starts a story and the rest join it."""
    window = ActiveStories()
    ids = []
    for members in stories:
        story = window.start(members[0])
        for signature in members[1:]:
            window.join(story, signature)
        ids.append(story.id)
    return window, ids


def test_refinement_moves_an_article_to_the_story_it_is_now_closer_to():
    # "x" sits in story A (it joined when A was all there was) but is far closer to story B now
    window, (a, b) = built(
        [unit("a1", 1, f1=1, f2=1), unit("a2", 2, f1=1, f2=1), unit("x", 3, f1=0.3, f3=1, f4=1)],
        [unit("b1", 4, f3=1, f4=1, f5=0.5), unit("b2", 5, f3=1, f4=1, f6=0.5)],
    )
    refinement = cluster.refine(window)
    assert refinement.moves == (cluster.Move("x", a, b),)
    assert sorted(m.article for m in window.members[a]) == ["a1", "a2"]
    assert sorted(m.article for m in window.members[b]) == ["b1", "b2", "x"]
    story_a, story_b = window.stories[a], window.stories[b]
    assert (story_a.size, story_b.size) == (2, 3)
    assert 3 not in story_a.centroid and story_a.last_day == 2  # A's centroid and days are rebuilt without x
    assert set(refinement.changed) == {a, b} and refinement.emptied == ()
    assert cluster.refine(window) == cluster.Refinement()  # nothing left to move: refinement is stable


def test_refinement_never_moves_a_story_s_first_article():
    # "a1" (A's first article, which its id derives from) fits B better than the rest of A
    window, (a, _) = built(
        [unit("a1", 1, f3=1, f4=1, f1=0.2), unit("x", 2, f1=1, f3=1), unit("a3", 3, f1=1, f2=1)],
        [unit("b1", 4, f3=1, f4=1), unit("b2", 5, f3=1, f4=1)],
    )
    moved = {m.article for m in cluster.refine(window).moves}
    assert "a1" not in moved
    assert window.stories[a].first_article == "a1" and "a1" in {m.article for m in window.members[a]}


def test_a_lone_article_moves_at_the_lone_threshold_and_its_story_resolves_to_the_target():
    window, (a, lone, far) = built(
        [unit("a1", 1, f1=1, f2=1), unit("a2", 2, f1=1, f2=1)],
        [unit("l1", 3, f1=0.4, f7=1, f8=1)],  # cosine with A's centroid: 0.26
        [unit("z1", 4, f9=1)],  # shares nothing: stays alone
    )
    refinement = cluster.refine(window)
    assert refinement.moves == (cluster.Move("l1", lone, a),)
    assert refinement.emptied == ((lone, a),)
    assert lone not in window.stories and far in window.stories


def test_replay_refines_when_the_clock_enters_a_new_period_and_is_deterministic():
    period = cluster.REFINE_EVERY_DAYS
    stream = [
        unit("a1", 1, f1=1, f2=1), unit("a2", 2, f1=1, f2=1), unit("x", 3, f1=0.3, f3=1, f4=1),
        unit("b1", 4, f3=1, f4=1, f5=3, f6=3), unit("b2", 5, f3=1, f4=1, f5=3, f6=3),
        unit("b3", 6, f3=1, f4=1, f5=3, f6=3),
    ]
    before = replay(stream)
    assert before["x"] == story_id_for("a1") and before["b1"] == story_id_for("b1")  # one pass: x stays in A
    late = unit("later", period + 1, f20=1)  # enters the next period: refinement runs before it is placed
    after = replay([*stream, late])
    assert after["x"] == story_id_for("b1")
    assert after == replay([*stream, late])


def test_replay_fills_the_window_it_is_given_even_an_empty_one():
    window = ActiveStories(idle_days=30)  # empty, so falsy: replay must still use it, not a default one
    replay([unit("a1", 1, f1=1, f2=1), unit("a2", 2, f1=1, f2=1)], window)
    assert [m.article for members in window.members.values() for m in members] == ["a1", "a2"]
