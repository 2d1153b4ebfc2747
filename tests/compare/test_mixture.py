"""Telling a brief's input of several stories from one story told in varied words (made-up reports)."""

from __future__ import annotations

from synoptic.compare.mixture import separate_stories
from synoptic.model import Article
from synoptic.pipeline import prepare_corpus
from tests.stories.helpers import STORIES, interleaved, story_articles

# One story, five outlets, each in its own words: a later report adds a cause, another the cost, one
# leads with a passenger's account, so no two share much beyond the names.
ONE_STORY = [
    "A crane toppled onto the container ship Marisol at Veldhaven port on Tuesday morning, injuring two dockers. "
    "The port authority halted loading at the north quay while inspectors examine the crane.",
    "Two dock workers were hurt when a gantry crane collapsed at Veldhaven's north quay. Harbour master Joost Aren "
    "said the crane's boom struck the deck of the Marisol, a feeder vessel bound for Lisbon.",
    "Inspectors blamed a snapped hoist cable for Tuesday's crane collapse at Veldhaven. The north quay will stay "
    "shut until every crane there is checked, the port authority said, and the Marisol's cargo will be moved.",
    "Shipping lines warned of delays after the Veldhaven crane accident closed the north quay. Each day of closure "
    "costs the port about 400,000 euros, Joost Aren estimated, as ships wait at anchor off the harbour.",
    "\"The whole boom came down in seconds,\" said a docker who saw the Veldhaven crane fall onto the Marisol. "
    "Both injured colleagues were recovering in hospital on Wednesday, and the union asked for new cable checks.",
]


def test_three_stories_shuffled_together_come_apart() -> None:
    mixed = interleaved()  # bridge, club, beetle, bridge, …
    by_story = {name: story_articles(name) for name in STORIES}
    groups = separate_stories(prepare_corpus(mixed), {a.id: a.title or "" for a in mixed})
    assert {frozenset(g.articles) for g in groups} == {frozenset(a.id for a in articles) for articles in by_story.values()}
    for group in groups:  # each named by one of its own articles
        assert group.title in {a.title for a in mixed if a.id in group.articles}


def test_one_story_in_varied_words_is_one_story() -> None:
    articles = [Article(id=f"r{i}", text=text) for i, text in enumerate(ONE_STORY)]
    assert separate_stories(prepare_corpus(articles), {}) == ()


def test_a_stray_report_alone_does_not_make_a_second_story() -> None:
    """Four reports of one story and one unrelated report: the stray is no story of its own."""
    articles = [Article(id=f"r{i}", text=text) for i, text in enumerate(ONE_STORY[:4])]
    stray = story_articles("beetle")[0]
    assert separate_stories(prepare_corpus([*articles, stray]), {}) == ()


def test_an_input_past_the_checked_size_is_not_checked(monkeypatch) -> None:
    import synoptic.compare.mixture as mixture

    mixed = interleaved()
    corpus = prepare_corpus(mixed)
    monkeypatch.setattr(mixture, "MAX_CHECKED_ARTICLES", len(mixed) - 1)  # two n × n matrices: memory bounded
    assert separate_stories(corpus, {a.id: a.title or "" for a in mixed}) == ()
