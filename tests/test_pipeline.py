"""The brief of the bundled sample and the seeds: no junk in the summary, citations that check out."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from synoptic import Options, make_brief
from synoptic.analyze.tokens import word_count
from synoptic.ingest import read_inputs
from tests.conftest import SAMPLE

JUNK = [
    "MOST READ",
    "newsletter",
    "Follow us",
    "Got a story",
    "PHOTO:",
    "date 2025",
    "web:",
    "Editing by",
    "contributed to this report",
    "By Owen Pritchard",
    "still trapped inside near the front",  # the planted fragment
]


def articles_of(path: Path):
    result = read_inputs([str(path)])
    assert not result.errors
    return result.articles


def assert_citations_valid(brief, articles) -> None:
    texts = {a.id: a.text for a in articles}
    for sentence in brief.summary:
        assert set(sentence.sources) == {e.article for e in sentence.evidence}
        assert len(set(sentence.sources)) == len(sentence.sources)
        first = sentence.evidence[0]
        source = " ".join(texts[first.article][first.start : first.end].split())
        # verbatim, or a trimmed prefix (attribution tail cut, full stop put back)
        assert source == sentence.text or (sentence.text.endswith(".") and source.startswith(sentence.text[:-1]))
        for evidence in sentence.evidence:
            assert evidence.article in texts
            assert 0 <= evidence.start < evidence.end <= len(texts[evidence.article])


@pytest.mark.parametrize("words", [40, 100, 250])
def test_sample_brief_is_clean_within_budget_and_cited(words: int) -> None:
    articles = articles_of(SAMPLE)
    brief = make_brief(articles, Options(words=words))
    assert brief.summary
    assert word_count(" ".join(s.text for s in brief.summary)) <= words
    for sentence in brief.summary:
        for junk in JUNK:
            assert junk not in sentence.text
        assert not re.search(r"[a-z]\.[A-Z]", sentence.text), "glued sentences must be split"
    assert_citations_valid(brief, articles)


def test_syndicated_copy_is_cited_alongside_its_original() -> None:
    articles = articles_of(SAMPLE)
    brief = make_brief(articles, Options(words=400))
    texts = {a.id: " ".join(a.text.split()) for a in articles}
    in_both = [s for s in brief.summary if s.text[:-1] in texts["01_wire"] and s.text[:-1] in texts["02_syndicated"]]
    assert in_both
    assert all({"01_wire", "02_syndicated"} <= set(s.sources) for s in in_both)


def test_removals_are_reported_in_meta() -> None:
    brief = make_brief(articles_of(SAMPLE), Options(show_removed=True))
    removed = brief.meta["removed"]
    for rule in ("promo", "contact", "caption", "date_header", "syndication_prefix", "headline_prefix", "byline", "fragment"):
        assert removed.get(rule), rule
    assert all({"article", "rule", "text", "start", "end"} <= set(r) for r in brief.meta["removals"])


def test_output_is_deterministic() -> None:
    articles = articles_of(SAMPLE)
    first = make_brief(articles).to_dict()
    second = make_brief(list(articles)).to_dict()
    first["meta"].pop("elapsed_ms"), second["meta"].pop("elapsed_ms")
    assert json.dumps(first) == json.dumps(second)


SEED_JUNK = ["MOST READ", "We pay for your stories", "REUTERS/", "date 2017-10-17", "Vastavam web", "be more Islamic State militants", "Editing by", "contributed to this report"]


def test_seed_brief_has_no_junk_and_valid_citations(seeds_dir: Path) -> None:
    articles = articles_of(seeds_dir)
    for words in (100, 300):
        brief = make_brief(articles, Options(words=words))
        assert brief.summary
        for sentence in brief.summary:
            for junk in SEED_JUNK:
                assert junk not in sentence.text, (junk, sentence.text)
        assert_citations_valid(brief, articles)


# Arbitrary inputs: the budget always holds and every citation points at a real span.
_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=9)
_sentence = st.builds(
    lambda first, rest, end: " ".join([first.capitalize(), *rest]) + end,
    _word,
    st.lists(_word, min_size=2, max_size=25),
    st.sampled_from([".", "!", "?", ".\u201d", ""]),
)
_article = st.lists(_sentence, min_size=1, max_size=8).map(lambda ss: st_join(ss))


def st_join(sentences: list[str]) -> str:
    return "\n".join(" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_article, min_size=2, max_size=5), st.integers(min_value=1, max_value=150), st.sampled_from(["default", "lead"]))
def test_budget_and_citations_hold_on_arbitrary_input(texts: list[str], words: int, method: str) -> None:
    from synoptic.errors import InputError
    from synoptic.model import Article

    articles = [Article(id=f"a{i}", text=t) for i, t in enumerate(texts)]
    try:
        brief = make_brief(articles, Options(words=words, method=method))
    except InputError as exc:
        assert "no usable sentences" in str(exc)
        return
    assert word_count(" ".join(s.text for s in brief.summary)) <= words
    assert_citations_valid(brief, articles)


def test_excerpts_cut_off_mid_sentence_still_make_a_brief() -> None:
    from synoptic.model import Article

    texts = [
        "The harbour authority closed the northern quay on Monday after a crack was found in the old sea wall and the",
        "Engineers inspecting the northern quay said the crack in the sea wall had widened overnight, and that repairs",
    ]
    brief = make_brief([Article(id=f"a{i}", text=t) for i, t in enumerate(texts)], Options(words=40))
    assert brief.summary and brief.summary[0].text in texts


def test_sample_brief_is_the_one_the_readme_shows() -> None:
    """The markdown brief of the bundled sample, byte for byte as README.md prints it for `make demo`."""
    from synoptic.render import RENDERERS

    readme = (SAMPLE.parents[1] / "README.md").read_text(encoding="utf-8")
    shown = re.search(r"`make demo` prints:\n\n```markdown\n(.*?)```", readme, re.DOTALL)
    assert shown, "README.md no longer shows the sample brief after '`make demo` prints:'"
    assert RENDERERS.get("md")(make_brief(articles_of(SAMPLE), Options(words=100))).rstrip("\n") == shown.group(1).rstrip("\n")


# A big made-up story: PLACES × ACTORS × DEEDS × TIMES gives thousands of distinct sentences, and every
# article also reprints a few wire sentences in its own words, so sources agree on something.
PLACES = ["Harlow Cove", "the Ostry valley", "Penmere quay", "the Vale road", "Tollbridge", "the Ardent estate", "Mill Lane", "the Korran dam"]
ACTORS = ["volunteers", "the county council", "coastguard crews", "local farmers", "two engineers", "the harbour board", "a ferry crew", "the water company"]
DEEDS = ["cleared fallen trees from", "pumped flood water out of", "checked the walls along", "delivered sandbags to", "opened a shelter near", "surveyed the damage at", "closed the footpath by", "restored power to"]
TIMES = ["early on Monday", "late on Tuesday", "before dawn on Wednesday", "on Thursday afternoon", "through Friday night"]
WIRE_FACTS = [
    "The storm brought down power lines across {place} and left about {n} homes without electricity.",
    "Rescue teams moved {n} residents from houses near {place} to a school hall.",
    "Forecasters said the river at {place} would peak on Saturday, {n} centimetres above its usual level.",
]


def made_up_story(articles: int, sentences: int, seed: int = 3) -> list:
    """``articles`` made-up reports of one storm, each of ``sentences`` sentences, all different."""
    import itertools
    import random

    from synoptic.model import Article

    rng = random.Random(seed)
    own = [f"{a.capitalize()} {d} {p} {t}, residents said." for p, a, d, t in itertools.product(PLACES, ACTORS, DEEDS, TIMES)]
    rng.shuffle(own)
    reports = []
    for k in range(articles):
        facts = [fact.format(place=rng.choice(PLACES), n=rng.choice([40, 120, 300])) for fact in WIRE_FACTS]
        mine = [own.pop() for _ in range(sentences - len(facts))]
        text = " ".join(facts[:1] + mine[: len(mine) // 2] + facts[1:] + mine[len(mine) // 2 :])
        reports.append(Article(id=f"r{k:03d}", text=text, title=f"Storm report {k}", date=f"2025-01-{1 + k % 28:02d}"))
    return reports


def test_a_brief_of_hundreds_of_reports_is_the_same_however_the_similarity_is_banded(monkeypatch) -> None:
    """Hundreds of reports: the similarity and the support are computed in many small bands, and the
    brief (analysis on) is the one a single band gives, i.e. the full product's."""
    from synoptic.analyze import vectors

    articles = made_up_story(articles=150, sentences=12)
    assert len({s for a in articles for s in a.text.split(". ")}) > 1000
    briefs = []
    for cells in (10_000_000, 20_000):  # one band; bands of 13 rows
        monkeypatch.setattr(vectors, "BLOCK_CELLS", cells)
        brief = make_brief(articles, Options(words=100))
        assert brief.summary and brief.meta["sentences"] == 1800
        assert word_count(" ".join(s.text for s in brief.summary)) <= 100
        assert_citations_valid(brief, articles)
        briefs.append(brief.to_dict())
        briefs[-1]["meta"].pop("elapsed_ms")
    assert briefs[0] == briefs[1]
    assert briefs[0]["facts"]  # the reprinted wire facts are found across reports


def test_a_shouted_title_is_the_headline_only_when_no_other_title_exists() -> None:
    text = "Crews reopened the pier at Kelsby on Monday after two weeks of repairs, the harbour board said."
    other = "The pier at Kelsby reopened on Monday after repairs that took two weeks, officials said."
    shouted = {"id": "a1", "title": "PIER REOPENS AT KELSBY AFTER REPAIRS", "text": text}
    plain = {"id": "a2", "title": "Kelsby pier reopens after repairs", "text": other}
    assert make_brief([shouted, plain]).headline == "Kelsby pier reopens after repairs"
    assert make_brief([shouted, {"id": "a2", "text": other}]).headline == "PIER REOPENS AT KELSBY AFTER REPAIRS"


_PIER_TEXT = "Crews reopened the pier at Kelsby on Monday after two weeks of repairs, the harbour board said."
_PIER_OTHER = "The pier at Kelsby reopened on Monday after repairs that took two weeks, officials said."


@pytest.mark.parametrize(
    "title",
    [
        "2ndlead: Kelsby pier reopens after repairs",
        "Writethru: Kelsby pier reopens after repairs",
        "kel081512-- Kelsby pier reopens after repairs",
        "Kelsby pier reopens after repairs (more added)",
        "Kelsby pier reopens after repairs EDS-Updates with harbour board comment",
        "Kelsby pier reopens after repairs: what we know",
    ],
)
def test_a_wire_desks_notes_are_not_part_of_the_headline(title: str) -> None:
    articles = [{"id": "a1", "title": title, "text": _PIER_TEXT}, {"id": "a2", "text": _PIER_OTHER}]
    assert make_brief(articles).headline == "Kelsby pier reopens after repairs"


@pytest.mark.parametrize(
    "weak",
    [
        "Crews reopen the pier at Kelsby after two weeks of",  # cut short by a feed
        "Crews reopen Kelsby pier after the harbour board's",
        "Live updates: crews reopen the pier at Kelsby after repairs",
        "Here's why crews reopened the pier at Kelsby",
        "What we know about the pier at Kelsby",
        "Will the pier at Kelsby reopen after two weeks of repairs?",
    ],
)
def test_a_cut_short_or_pointing_title_is_the_headline_only_when_no_other_exists(weak: str) -> None:
    plain = "Harbour board welcomes ferries back to Kelsby"
    articles = [{"id": "a1", "title": weak, "text": _PIER_TEXT}, {"id": "a2", "title": plain, "text": _PIER_OTHER}]
    assert make_brief(articles).headline == plain
    assert make_brief([articles[0], {"id": "a2", "text": _PIER_OTHER}]).headline == weak


def test_a_title_case_phrasal_verb_is_not_a_cut_short_title() -> None:
    whole = "Kelsby Pier Reopens as Harbour Board Steps In"
    articles = [
        {"id": "a1", "title": whole, "text": _PIER_TEXT},
        {"id": "a2", "title": "Harbour board welcomes ferries back", "text": _PIER_OTHER},
    ]
    assert make_brief(articles).headline == whole


@pytest.mark.parametrize(
    ("min_articles", "needle"),
    [(2, "give two or more (or allow one: min_articles=1)"), (5, "only 3 articles given, fewer than the 5 asked for; give more articles or lower min_articles")],
)
def test_too_few_articles_are_refused_with_the_minimum_that_was_asked_for(min_articles: int, needle: str) -> None:
    from synoptic.errors import InputError
    from synoptic.model import Article

    texts = ["The harbour wall was rebuilt over three weeks of work by the county council's crews."] * (3 if min_articles > 2 else 1)
    with pytest.raises(InputError) as refused:
        make_brief([Article(id=f"a{i}", text=t) for i, t in enumerate(texts)], Options(min_articles=min_articles), origin="ferry")
    assert str(refused.value).startswith("ferry: only") and needle in str(refused.value)


_FERRY = ["The Kelsby ferry sailed again on Monday after a week of engine repairs, the operator said.",
          "Ferry service between Kelsby and Dunmore resumed on Monday after a week of engine repairs."]


@pytest.mark.parametrize(
    ("items", "needle"),
    [({"id": "ferry", "date": "2025-03-10", "articles": [{"text": t} for t in _FERRY]}, "input: is a cluster, not a list of articles; pass its \"articles\" list"),
     (" ".join(_FERRY), "input: is one string, not a list of articles; give a list of articles"),
     ({"text": _FERRY[0]}, "input: is one object, not a list of articles"),
     (None, "input: is None, not a list of articles")],
)
def test_a_lone_cluster_string_or_object_is_refused_as_not_a_list_of_articles(items: object, needle: str) -> None:
    """Iterated, a cluster dict briefs its keys and a string its characters: the error named neither."""
    from synoptic.errors import InputError

    with pytest.raises(InputError) as refused:
        make_brief(items)  # type: ignore[arg-type]
    assert str(refused.value).startswith(needle)


@pytest.mark.parametrize(
    ("given", "shown"),
    [("Tue, 17 Oct 2017 08:00:00 GMT", "2017-10-17"), ("2017-10-17T23:30:00", "2017-10-17"), ("17 October 2017", "2017-10-17"), ("yesterday", None),
     ("2017-13-14", None), ("2017-04-31", None)],
)
def test_a_source_is_dated_by_its_iso_day_however_the_input_spells_the_date(given: str, shown: str | None) -> None:
    articles = [{"id": "a1", "text": _PIER_TEXT, "date": given, "source": "Gazette"}, {"id": "a2", "text": _PIER_OTHER}]
    brief = make_brief(articles)
    assert brief.to_dict()["sources"][0]["published"] == shown
    assert brief.meta.get("dates_not_read", []) == ([] if shown else [{"article": "a1", "date": given}])  # said, not hidden
    from synoptic.render import RENDERERS

    for fmt in ("md", "html"):
        page = RENDERERS.get(fmt)(brief)
        assert given not in page
        assert (shown or "Gazette") in page


def test_a_text_written_without_spaces_between_words_is_refused_for_that_reason() -> None:
    from synoptic.errors import InputError

    japanese = [  # made up: the Kelsby ferry sails again after a week of repairs
        "ケルズビーのフェリーは月曜日、一週間のエンジン修理を終えて運航を再開した。最初の便には約200人の乗客が乗った。",
        "ケルズビーとダンモアを結ぶフェリーが月曜日に運航を再開した。運航会社によると、乗客は約200人だった。",
    ]
    with pytest.raises(InputError, match="written without spaces between words") as refused:
        make_brief(japanese)
    assert "\n" not in str(refused.value)
    with pytest.raises(InputError, match="no usable sentences after cleaning"):  # headlines only: the usual advice
        make_brief(["Ferry sails again", "Ferry service resumes"])


def test_a_brief_of_several_stories_lists_them_in_meta_and_one_story_has_no_such_field() -> None:
    from tests.stories.helpers import STORIES, interleaved, story_articles
    from tests.compare.test_mixture import ONE_STORY

    mixed = make_brief(interleaved()).to_dict()["meta"]["stories"]
    assert {frozenset(s["articles"]) for s in mixed} == {frozenset(a.id for a in story_articles(name)) for name in STORIES}
    assert all(s["title"] for s in mixed)
    assert "stories" not in make_brief(ONE_STORY).meta


def _runs_out_of_memory(corpus, words: int) -> list[int]:
    raise MemoryError


def test_a_brief_that_runs_out_of_memory_is_refused_naming_its_input(monkeypatch) -> None:
    from synoptic.errors import InputError
    from synoptic.summarize import METHODS

    monkeypatch.setitem(METHODS._items, "needs_more_memory", _runs_out_of_memory)
    articles = [{"id": "a1", "text": _PIER_TEXT}, {"id": "a2", "text": _PIER_OTHER}]
    with pytest.raises(InputError, match=r"^pier: ran out of memory briefing its 2 articles; give fewer or shorter articles"):
        make_brief(articles, Options(method="needs_more_memory"), origin="pier")


def test_the_headline_is_an_english_title_when_one_is_there() -> None:
    """A report in another language is briefed beside the English ones, but its title does not head the
    brief while an English report has one (its words echo the summary as well, which once won it)."""
    from tests.analyze.test_language import ENGLISH, GERMAN

    english_too = ENGLISH.replace("six weeks", "six weeks from Monday").replace("twenty minutes", "half hour")
    articles = [
        {"id": "de", "title": "Hafenrat sperrt die alte Drehbrücke für sechs Wochen", "text": GERMAN},
        {"id": "en", "title": "Harbour board shuts the old swing bridge", "text": ENGLISH},
        {"id": "en2", "text": english_too},
    ]
    brief = make_brief(articles, Options(words=80))
    assert brief.meta["not_english"] == ["de"]
    assert brief.headline == "Harbour board shuts the old swing bridge"
    assert make_brief(articles[:1] + articles[2:], Options(words=80)).headline.startswith("Hafenrat")  # no English title: it stays
