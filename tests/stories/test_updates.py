"""Update summaries: what the new articles add, citing only them, old news left out."""

from __future__ import annotations

from dataclasses import replace

import pytest

from synoptic.analyze.tokens import content_terms
from synoptic.errors import InputError
from synoptic.model import Article
from synoptic.options import Options
from synoptic.pipeline import make_brief, prepare_corpus
from synoptic.render.html import to_html
from synoptic.render.markdown import to_markdown
from synoptic.stories import StoryStore, story_updates
from synoptic.stories.cluster import story_id_for
from synoptic.stories.updates import is_old_news, prior_of, update_brief
from tests.stories.helpers import story_articles

OLD_NEWS = "Engineers found cracks in the main steel span of the bridge in March."
NEW = [
    Article(
        id="bridge-reopens",
        title="Harrowgate Bridge reopens to cars",
        date="2025-03-14",
        text=(
            "The Harrowgate Bridge reopened to cars on Friday morning after engineers fitted new steel plates over the "
            "damaged span. Lorries will be allowed back across the River Lune crossing in May, the council said. "
            f"{OLD_NEWS} Shops in Pellham reported their first busy weekend since the closure began."
        ),
    ),
    Article(
        id="cars-return",
        title="Cars return to Harrowgate Bridge",
        date="2025-03-15",
        text=(
            "Cars crossed the Harrowgate Bridge again on Friday as the council reopened it after fitting steel plates to "
            "the span. Lorries must wait until May before they can use the crossing over the River Lune. Cracks were "
            "found in the main steel span in March, closing the bridge for two weeks. Pellham traders said the end of the "
            "detour had brought customers back to the high street."
        ),
    ),
]


def test_update_cites_only_new_articles_and_skips_old_news():
    earlier = story_articles("bridge")
    brief = update_brief(earlier, NEW, Options(words=60), since="2025-03-14")
    assert brief.summary
    assert {a for s in brief.summary for a in s.sources} <= {"bridge-reopens", "cars-return"}
    texts = [s.text for s in brief.summary]
    assert OLD_NEWS not in texts
    assert any("reopen" in t for t in texts)
    assert brief.meta["method"] == "update" and brief.meta["update"]["earlier_articles"] == 3
    earlier_terms = [set(content_terms(a.text)) for a in earlier]
    assert earlier_terms  # every chosen sentence says something the earlier reports did not
    for text in texts:
        terms = set(content_terms(text))
        assert len(terms - set().union(*earlier_terms)) > 0


def test_novelty_filter_knows_old_news_from_new():
    prior = prior_of(prepare_corpus(story_articles("bridge")), [])
    assert is_old_news(content_terms(OLD_NEWS), prior)
    assert not is_old_news(content_terms("Lorries will be allowed back across the River Lune crossing in May."), prior)


def test_without_earlier_articles_the_update_is_the_plain_brief():
    brief = update_brief([], NEW, Options(words=60))
    assert brief.meta["method"] == "default" and brief.meta["update"]["earlier_articles"] == 0


def test_no_new_articles_is_an_error():
    with pytest.raises(InputError, match="no new articles"):
        update_brief(story_articles("bridge"), [], since="2025-04-01")


def test_story_updates_splits_a_stored_story_at_since(tmp_path):
    with StoryStore(tmp_path / "s.db") as store:
        store.ingest(story_articles("bridge") + NEW)
        brief = story_updates(store, story_id_for("bridge-1"), "2025-03-14", Options(words=60))
    assert brief.meta["update"]["earlier_articles"] == 3
    assert {s.id for s in brief.sources} == {"bridge-reopens", "cars-return"}


def test_update_leaves_out_sentences_that_lean_on_their_context():
    leaning = "He said lorries will be allowed back across the River Lune crossing in May after the steel plates settle."
    new = [replace(NEW[0], text=NEW[0].text + " " + leaning), replace(NEW[1], text=NEW[1].text + " " + leaning)]
    brief = update_brief(story_articles("bridge"), new, Options(words=200), since="2025-03-14")
    texts = [s.text for s in brief.summary]
    assert texts and not any(t.startswith("He ") for t in texts)


def test_update_leaves_out_a_sentence_from_inside_a_quotation():
    quoted = (
        "\n\nCouncil engineer Rhys Oakden spoke at the bridge on Friday. “We fitted the plates in nine days. The "
        "Harrowgate Bridge will carry lorries across the River Lune again in May once the steel plates settle.\n\n"
        "“Nobody was hurt,” he said."
    )
    new = [replace(NEW[0], text=NEW[0].text + quoted), replace(NEW[1], text=NEW[1].text + quoted)]
    brief = update_brief(story_articles("bridge"), new, Options(words=200), since="2025-03-14")
    texts = [s.text for s in brief.summary]
    assert texts and not any(t.startswith("The Harrowgate Bridge will carry") for t in texts), texts


def test_update_leaves_out_sentences_about_a_person_never_named_in_full():
    scene = (
        "Late on Friday, Tamsin drove the first lorry of steel plates across the River Lune crossing. Her father had "
        "built the old span. By dusk, Tamsin had unloaded the plates at Pellham, where she waited for the council."
    )
    new = [replace(NEW[0], text=NEW[0].text + " " + scene), NEW[1]]
    brief = update_brief(story_articles("bridge"), new, Options(words=200), since="2025-03-14")
    texts = [s.text for s in brief.summary]
    assert texts and not any("Tamsin" in t for t in texts)


def test_a_republished_copy_is_nothing_new_and_the_update_says_so():
    earlier = story_articles("bridge")
    original = earlier[0]
    edited = original.text.replace("on Monday", "on Monday morning").replace("Drivers face", "Drivers now face")
    republished = Article(id="bridge-again", title=original.title + " (updated)", date="2025-03-20", text=edited)
    brief = update_brief(earlier, [republished], Options(words=60), since="2025-03-20")
    assert brief.summary == () and brief.meta["update"]["nothing_new"] is True
    assert "_Nothing new since 2025-03-20" in to_markdown(brief) and "Nothing new since 2025-03-20" in to_html(brief)
    assert update_brief(earlier, NEW, Options(words=60), since="2025-03-14").meta["update"]["nothing_new"] is False


def test_the_update_says_what_it_covers_and_which_articles_share_the_since_day():
    brief = update_brief(story_articles("bridge"), NEW, Options(words=60), since="2025-03-14")
    line = (
        "What is new since 2025-03-14: 2 articles dated on or after it, read against the 3 earlier ones. "
        "1 of them is dated 2025-03-14 itself; a brief read that day may already have shown it."
    )
    assert f"_{line}_" in to_markdown(brief) and line in to_html(brief)
    assert brief.meta["update"]["new_articles"] == 2 and brief.meta["update"]["on_since_day"] == 1
    whole = update_brief([], NEW, Options(words=60), since="2025-03-01")
    assert "Since 2025-03-01: every article of the story (2 articles) is dated on or after it, so this is its whole brief." in to_markdown(whole)


def test_the_update_timeline_and_facts_leave_out_what_an_earlier_report_said():
    known = "The council first shut the Harrowgate Bridge to lorries on 20 February 2025 after a survey found rust in its bearings."
    fresh = "The council will hold a public meeting about the Harrowgate Bridge repairs on 2 April 2025 at Pellham town hall."
    earlier = story_articles("bridge")
    earlier[0] = replace(earlier[0], text=f"{earlier[0].text} {known}")
    new = [replace(a, text=f"{a.text} {known} {fresh}") for a in NEW]
    plain = make_brief(new, Options(words=60, min_articles=1))
    assert any(known in e["text"] for e in plain.timeline) and any(f["text"] == OLD_NEWS for f in plain.facts)
    brief = update_brief(earlier, new, Options(words=60), since="2025-03-14")
    assert not any(known in e["text"] for e in brief.timeline) and not any(f["text"] == OLD_NEWS for f in brief.facts)
    assert any(fresh in e["text"] for e in brief.timeline) and any("Lorries must wait until May" in f["text"] for f in brief.facts)


def test_a_since_with_a_time_of_day_splits_that_day_by_the_articles_own_times(tmp_path):
    morning = replace(NEW[0], date="2025-03-14T09:00:00Z")
    afternoon = replace(NEW[1], date="2025-03-14T16:00:00+01:00")  # 15:00 UTC
    undated_hour = Article(
        id="bridge-toll",
        title="No toll for the reopened Harrowgate Bridge",
        date="2025-03-14",
        text=(
            "The council ruled out a toll on the reopened Harrowgate Bridge over the River Lune. Drivers crossed the "
            "steel span free of charge, and lorries will follow in May once the new plates have settled."
        ),
    )
    with StoryStore(tmp_path / "s.db") as store:
        store.ingest(story_articles("bridge") + [morning, afternoon, undated_hour])
        story = story_id_for("bridge-1")
        assert {a.id for a in store.articles(story)} >= {"bridge-reopens", "cars-return", "bridge-toll"}
        brief = story_updates(store, story, "2025-03-14T12:00", Options(words=60))
        whole_day = story_updates(store, story, "2025-03-14", Options(words=60))
    assert {s.id for s in brief.sources} == {"cars-return", "bridge-toll"}  # the day-only one cannot be placed: new
    assert brief.meta["update"]["earlier_articles"] == 4 and brief.meta["update"]["on_since_day"] == 1
    assert "1 of them is dated only by the day 2025-03-14; a brief read that day may already have shown it." in to_markdown(brief)
    assert {s.id for s in whole_day.sources} == {"bridge-reopens", "cars-return", "bridge-toll"}


LANDSLIDE_EARLIER = [
    Article(
        id="slide-day1",
        title="Landslide buries homes in Brackenfold",
        date="2026-03-01",
        text=(
            "A landslide buried three houses on Quarry Lane in Brackenfold on Sunday night after a week of heavy rain. "
            "The death toll from the Brackenfold landslide rose to two on Monday when rescuers found a second body under "
            "the mud on Quarry Lane. Firefighters searched the rubble with dogs through the night. The county council "
            "opened a shelter in the village hall for families who lost their homes."
        ),
    ),
    Article(
        id="slide-day2",
        title="Two dead in Brackenfold landslide",
        date="2026-03-02",
        text=(
            "Two people died when a landslide buried houses on Quarry Lane in Brackenfold, the county council said on "
            "Monday. Neighbours say the hillside above the village had been moving for days. Families who lost their "
            "homes are staying in the village hall."
        ),
    ),
]
RESTATED_TOLL = "Two people have died, firefighters at the village hall say."
LANDSLIDE_NEW = [
    Article(
        id="slide-toll",
        title="Brackenfold landslide toll rises",
        date="2026-03-03",
        text=(
            "The death toll from the Brackenfold landslide rose to three on Tuesday when rescuers found a third body "
            "under the mud on Quarry Lane. Geologists closed the road to Hexham Moor because the hillside was still "
            "sliding towards the school. The shelter in the village hall will stay open until Friday."
        ),
    ),
    Article(
        id="slide-road",
        title="Road to Hexham Moor shut as hillside slides",
        date="2026-03-03",
        text=(
            f"{RESTATED_TOLL} Geologists shut the road to Hexham Moor on Tuesday because the hillside above Brackenfold "
            "was sliding towards the school. Families may stay in the village hall shelter until Friday, the council said."
        ),
    ),
]


def test_a_rising_toll_is_news_though_its_words_are_old():
    brief = update_brief(LANDSLIDE_EARLIER, LANDSLIDE_NEW, Options(words=100), since="2026-03-03")
    assert any("rose to three" in s.text for s in brief.summary)


def test_a_restated_toll_is_not_news_though_its_words_are_new():
    brief = update_brief(LANDSLIDE_EARLIER, LANDSLIDE_NEW, Options(words=100), since="2026-03-03")
    assert brief.summary
    assert not any("two people" in s.text for s in brief.summary)


# A landslide reported twice on one day: the morning's reports are what the reader saw, the evening's are new.
FELL_MORNING = [
    Article(
        id="fell-am-1",
        title="Landslide on Carrow Fell kills two",
        date="2026-03-04T08:00:00Z",
        source="Fell Times",
        text=(
            "A landslide on Carrow Fell buried four cottages in the hamlet of Stainby on Tuesday night after a week of "
            "heavy rain. The death toll from the Carrow Fell landslide in Stainby rose to two on Wednesday morning. Rescue "
            "teams with dogs searched the mud for a missing walker. The county council opened a shelter in Stainby village "
            "hall, where a board by the door says how the search stands. Eight people from Stainby have been taken to "
            "hospital in Kelby with injuries from the landslide."
        ),
    ),
    Article(
        id="fell-am-2",
        title="Stainby cottages buried by landslide",
        date="2026-03-04T09:00:00Z",
        source="Dale Radio",
        text=(
            "Two people died when a landslide on Carrow Fell buried cottages in Stainby, the county council said on "
            "Wednesday. Mountain rescue teams were still searching the mud for a walker who has not been seen since Tuesday. "
            "Families who lost their homes are sleeping in Stainby village hall."
        ),
    ),
]
RISEN_TOLL = "The death toll from the Carrow Fell landslide in Stainby rose to three on Wednesday morning."  # the morning's words
RESTATED_FELL_TOLL = "The death toll from the Carrow Fell landslide stands at two, the county council said on Wednesday."


def fell_evening(news: str, other_words: str | None = None) -> list[Article]:
    """The evening's two reports, each opening with ``news`` (the second in ``other_words`` when given)."""
    return [
        Article(
            id="fell-pm-1",
            title="Carrow Fell landslide: evening report",
            date="2026-03-04T17:00:00Z",
            source="Fell Times",
            text=(
                f"{news} Rescuers found the missing walker's body under the mud near the old packhorse bridge. "
                "Geologists closed the road over Carrow Fell because the slope above Stainby was still moving."
            ),
        ),
        Article(
            id="fell-pm-2",
            title="Missing walker found dead on Carrow Fell",
            date="2026-03-04T18:00:00Z",
            source="Dale Radio",
            text=(
                f"{other_words or news} The body of the walker was recovered near the packhorse bridge below the fell. "
                "Geologists have shut the fell road while the slope above Stainby keeps moving."
            ),
        ),
    ]


def test_a_changed_toll_stays_in_the_update_timeline_though_it_repeats_earlier_words():
    evening = fell_evening(RISEN_TOLL)
    assert any(e["text"] == RISEN_TOLL for e in make_brief(evening, Options(min_articles=1)).timeline)
    brief = update_brief(FELL_MORNING, evening, Options(words=100), since="2026-03-04T12:00")
    assert any(e["text"] == RISEN_TOLL for e in brief.timeline)


def test_a_changed_count_stays_in_the_update_facts_though_it_repeats_earlier_words():
    risen = "Twelve people from Stainby have been taken to hospital in Kelby with injuries from the landslide."
    in_other_words = "Twelve Stainby residents were taken to hospital in Kelby with landslide injuries, the county council said."
    evening = fell_evening(risen, in_other_words)
    assert any(f["text"] == risen for f in make_brief(evening, Options(min_articles=1)).facts)
    brief = update_brief(FELL_MORNING, evening, Options(words=100), since="2026-03-04T12:00")
    assert any(f["text"] == risen for f in brief.facts)


def test_an_update_timeline_leaves_out_an_earlier_figure_restated_in_the_earlier_reports_words():
    evening = fell_evening(RESTATED_FELL_TOLL)
    assert any(e["text"] == RESTATED_FELL_TOLL for e in make_brief(evening, Options(min_articles=1)).timeline)
    brief = update_brief(FELL_MORNING, evening, Options(words=100), since="2026-03-04T12:00")
    assert not any(e["text"] == RESTATED_FELL_TOLL for e in brief.timeline)
    assert any("packhorse bridge" in s.text for s in brief.summary)  # the evening's news is still told
