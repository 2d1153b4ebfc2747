"""The SQLite story store: idempotent ingest, ids, near-duplicates, undated articles, persistence."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date, timedelta

import pytest

from synoptic.errors import InputError, SynopticError
from synoptic.stories import StoryStore, list_stories, story_brief
from synoptic.stories.cluster import story_id_for
from synoptic.stories.features import day_iso
from synoptic.stories.store import normal_since, parse_since, since_point
from tests.stories.helpers import interleaved, story_articles


@pytest.fixture
def db(tmp_path):
    return tmp_path / "stories.db"


def snapshot(path) -> tuple:
    with StoryStore(path) as store:
        rows = store.db.execute("SELECT id, story, duplicate_of, day FROM articles ORDER BY seq").fetchall()
        stories = store.db.execute("SELECT id, size, status, first_day, last_day, centroid FROM stories ORDER BY id").fetchall()
        return rows, stories


def test_ingest_groups_and_reingest_changes_nothing(db):
    with StoryStore(db) as store:
        report = store.ingest(interleaved())
    assert (report.added, report.created, report.unchanged) == (9, 3, 0)
    before = snapshot(db)
    with StoryStore(db) as store:
        again = store.ingest(interleaved())
    assert (again.added, again.unchanged, again.created) == (0, 9, 0)
    assert snapshot(db) == before
    stories = {story for _, story, _, _ in before[0]}
    assert stories == {story_id_for("bridge-1"), story_id_for("club-1"), story_id_for("beetle-1")}


def test_a_later_run_continues_the_stories_of_an_earlier_one(db):
    bridge = story_articles("bridge")
    with StoryStore(db) as store:
        store.ingest(bridge[:2])
    with StoryStore(db) as store:  # state (centroids, frequencies, clock) reloaded from the file
        report = store.ingest(bridge[2:] + story_articles("club"))
        assert {a.article: a.story for a in report.assignments}[bridge[2].id] == story_id_for("bridge-1")
        assert [s.size for s in list_stories(store)] == [3, 3]


def test_same_id_other_text_is_kept_under_a_new_id(db):
    bridge, club = story_articles("bridge"), story_articles("club")
    with StoryStore(db) as store:
        store.ingest([bridge[0], replace(club[0], id=bridge[0].id)])
        assert [a for a, _ in store.assignments()] == ["bridge-1", "bridge-1~2"]


def test_near_duplicate_is_linked_to_its_original_and_joins_its_story(db):
    original = story_articles("beetle")[0]
    copy = replace(original, id="copy", text=original.text.replace("bright copper", "shiny copper") + " Photo: Calder University.")
    with StoryStore(db) as store:
        report = store.ingest(story_articles("club")[:1] + [original, copy])
        assert report.duplicates == 1
        row = store.db.execute("SELECT story, duplicate_of FROM articles WHERE id = 'copy'").fetchone()
    assert row == (story_id_for("beetle-1"), "beetle-1")


def test_undated_articles_take_the_clock(db):
    bridge = story_articles("bridge")
    with StoryStore(db) as store:
        store.ingest([bridge[0], replace(bridge[1], date=None)])
        days = dict(store.db.execute("SELECT id, day FROM articles"))
        assert days["bridge-2"] == days["bridge-1"]
        assert store.articles(story_id_for("bridge-1"))[1].date == "2025-03-01"


def test_a_day_the_article_does_not_state_is_briefed_as_approximate(db):
    """An undated article takes the store's clock, and a crawled page its capture day: days it was seen, not
    days it gives, so its story's brief marks them approximate (its "on Monday" too), as a one-off brief does."""
    bridge = story_articles("bridge")
    with StoryStore(db) as store:
        store.ingest([bridge[0], replace(bridge[1], date=None), replace(bridge[2], date_approximate=True)])
        story = story_id_for("bridge-1")
        assert [a.date_approximate for a in store.articles(story)] == [False, True, True]
        published = {s.id: s.published_approximate for s in story_brief(store, story).sources}
        assert published == {"bridge-1": False, "bridge-2": True, "bridge-3": True}


def test_a_copy_that_states_its_date_redates_one_dated_by_its_capture_day(db):
    """A page crawled on 9 March, then its feed item dated 3 March: the story ends on the 3rd, and an update
    since the 4th has nothing of it; the same files again change nothing."""
    bridge = story_articles("bridge")
    captured = replace(bridge[2], date="2025-03-09", date_approximate=True)
    story = story_id_for("bridge-1")
    with StoryStore(db) as store:
        store.ingest([bridge[0], bridge[1], captured])
        assert store.story(story).last_date == "2025-03-09"
        report = store.ingest([bridge[2]])
        assert [(a.date, a.date_approximate) for a in store.articles(story)][2] == ("2025-03-03", False)
        assert (store.story(story).first_date, store.story(story).last_date) == ("2025-03-01", "2025-03-03")
        assert store.articles(story, since="2025-03-04") == [] and store.stories("2025-03-04") == []
        assert (report.added, report.unchanged, report.redated) == (0, 1, 1)
        assert "1 already stored (1 re-dated by the date a copy states)" in report.line()
    before = snapshot(db)
    with StoryStore(db) as store:
        again = store.ingest([bridge[0], bridge[1], captured, bridge[2]])
    assert (again.unchanged, again.redated) == (4, 0) and snapshot(db) == before


def test_an_undated_copy_takes_the_stated_date_and_a_stated_date_is_never_replaced(db):
    bridge = story_articles("bridge")
    story = story_id_for("bridge-1")
    with StoryStore(db) as store:
        store.ingest([bridge[0], bridge[1], replace(bridge[2], date=None)])  # the undated one takes the clock, 2 March
        store.ingest([bridge[2], replace(bridge[0], date="2025-03-05"), replace(bridge[1], date="2025-03-07", date_approximate=True)])
        assert [a.date for a in store.articles(story)] == ["2025-03-01", "2025-03-02", "2025-03-03"]
        assert store.story(story).last_date == "2025-03-03"


def test_a_closed_story_follows_the_stated_date_of_its_article_and_stays_closed(db):
    bridge = story_articles("bridge", month="2025-01")
    story = story_id_for("bridge-1")
    with StoryStore(db, idle_days=30) as store:
        store.ingest([bridge[0], bridge[1], replace(bridge[2], date="2025-01-20", date_approximate=True)])
        store.ingest(story_articles("club", month="2025-06"))
        assert store.story(story).status == "closed"
        store.ingest([bridge[2]])
        info = store.story(story)
    assert (info.status, info.size, info.last_date) == ("closed", 3, "2025-01-03")


def test_a_store_of_the_previous_format_is_updated_when_opened_and_a_reader_says_how(db):
    from synoptic.service.stories import ReadOnlyStoryStore

    bridge = story_articles("bridge")
    with StoryStore(db) as store:
        store.ingest(bridge[:2])
        store.db.execute("ALTER TABLE articles DROP COLUMN approximate")  # as format 2 wrote it
        store.db.execute("UPDATE meta SET value = '2' WHERE key = 'schema'")
        store.db.commit()
    with pytest.raises(SynopticError, match=f"format 2, older than this synoptic's 3; update it once with: synoptic stories list --db {db}"):
        ReadOnlyStoryStore(db)
    with StoryStore(db) as store:
        assert [a.date_approximate for a in store.articles(story_id_for("bridge-1"))] == [False, False]
        store.ingest(bridge[2:])
    ReadOnlyStoryStore(db).db.close()


def test_an_article_dated_on_no_calendar_day_is_kept_on_the_clock_and_counted(db):
    bridge = story_articles("bridge")
    with StoryStore(db) as store:
        report = store.ingest([bridge[0], replace(bridge[1], date="2025-04-31")])  # no such day
        days = dict(store.db.execute("SELECT id, day FROM articles"))
    assert days["bridge-2"] == days["bridge-1"] and report.added == 2
    assert report.dates_not_read == 1 and "1 with a date that cannot be read as a day" in report.line()


def test_an_article_dated_in_the_future_does_not_close_the_stories(db):
    # a feed's typo ("2035" for "2025") believed would move the clock ten years ahead: every story closed,
    # and each report ingested after it too late to join one
    bridge, club = story_articles("bridge"), story_articles("club")
    with StoryStore(db, idle_days=30) as store:
        first = store.ingest(bridge[:2] + [replace(club[0], date="2035-03-01")])
        second = store.ingest(bridge[2:])
        sizes = sorted(s.size for s in list_stories(store))
    assert first.future_dated == 1 and "1 dated after today took the store's newest date" in first.line()
    assert (first.closed, second.late) == (0, 0) and sizes == [1, 3]


def test_quiet_stories_close_and_late_reports_start_new_ones(db):
    with StoryStore(db, idle_days=30) as store:
        store.ingest(story_articles("bridge", month="2025-01"))
        june = [replace(a, id=a.id + "-june", text=a.text + " June update.") for a in story_articles("bridge", month="2025-06")]
        report = store.ingest(june)
        assert report.closed == 1
        statuses = sorted((s.status, s.size) for s in store.stories())
    assert statuses == [("active", 3), ("closed", 3)]


def test_bad_records_are_reported_and_skipped(db):
    errors = []
    with StoryStore(db) as store:
        report = store.ingest([InputError("feed.xml entry 2", "no text", "skipped"), *story_articles("club")], on_error=errors.append)
    assert (report.failed, report.added) == (1, 3) and len(errors) == 1


def test_python_callers_may_ingest_dicts_and_texts_as_synoptic_brief_takes_them(db):
    """README's Python example hands the store the dicts synoptic.brief takes; one without text is skipped."""
    club = [{"title": a.title, "text": a.text, "date": a.date} for a in story_articles("club")]
    errors = []
    with StoryStore(db) as store:
        report = store.ingest([*club, {"title": "No body here"}, story_articles("bridge")[0].text], on_error=errors.append)
        stories = list_stories(store, since="2025-03-01")
    assert (report.added, report.failed) == (4, 1)
    assert [str(e) for e in errors] == ["article 4: the article has no text; give each article a non-empty \"text\"; fields: title, text, url, date, source (only text is required)"]
    assert sorted(s.size for s in stories) == [1, 3]


def test_queries_name_unknown_stories_and_dates(db):
    with StoryStore(db) as store:
        store.ingest(story_articles("club"))
        with pytest.raises(InputError, match="no such story"):
            store.resolve("s000")
        with pytest.raises(InputError, match="not a date"):
            store.stories("someday-ish")
        assert store.stories("2025-03-04") == []
        assert len(store.stories("2025-03-03")) == 1


def test_story_brief_goes_through_make_brief(db):
    with StoryStore(db) as store:
        store.ingest(interleaved())
        brief = story_brief(store, story_id_for("bridge-1"))
    assert brief.id == story_id_for("bridge-1")
    assert {s.id for s in brief.sources} == {"bridge-1", "bridge-2", "bridge-3"}
    assert brief.summary and all(set(s.sources) <= {"bridge-1", "bridge-2", "bridge-3"} for s in brief.summary)


def test_a_file_that_is_not_a_store_is_refused(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("just some notes, not SQLite\n" * 100)
    with pytest.raises(SynopticError, match="not a synoptic story store"):
        StoryStore(path)


def test_the_bundled_sample_is_one_story_with_its_copy_linked(db, sample_dir):
    from synoptic.ingest import iter_articles

    with StoryStore(db) as store:
        report = store.ingest(iter_articles([str(sample_dir)]))
        links = dict(store.db.execute("SELECT id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL"))
        stories = store.stories()
    assert (report.added, report.created) == (6, 1)
    assert links == {"02_syndicated": "01_wire"}
    assert [s.size for s in stories] == [6]


def test_an_archive_read_out_of_date_order_is_grouped_as_in_date_order(tmp_path):
    # a later report of another story comes first in the input: in arrival order its date would move
    # the clock years ahead and close the bridge story after its first report
    bridge, club = story_articles("bridge"), story_articles("club", month="2026-03")
    with StoryStore(tmp_path / "shuffled.db", idle_days=30) as store:
        store.ingest(club[:1] + bridge + club[1:])
        shuffled = sorted(s.size for s in list_stories(store))
    with StoryStore(tmp_path / "ordered.db", idle_days=30) as store:
        store.ingest(bridge + club)
        ordered = sorted(s.size for s in list_stories(store))
    assert shuffled == ordered == [3, 3]


def test_refinement_moves_are_stored_exported_and_survive_a_split_ingest(tmp_path, shared_data):
    """On real news (one TAC set, read at test time) refinement moves articles; the articles table
    (what `stories export` writes) follows the moves, and ingesting the stream in two runs, or again,
    gives exactly what one run gives."""
    import json

    from synoptic.evaluate.stories import replay_order
    from synoptic.ingest.jsonfmt import article_from_dict

    articles = []
    with open(shared_data / "tac2010_A.jsonl", encoding="utf-8") as handle:
        for line in handle:
            cluster_record = json.loads(line)
            for n, item in enumerate(cluster_record["articles"]):
                item = {**item, "id": item.get("doc_id") or f"{cluster_record['id']}-{n}"}
                articles.append((article_from_dict(item, "tac2010_A", item["id"]), ""))
    stream = [a for a, _ in replay_order(articles)]
    with StoryStore(tmp_path / "whole.db") as store:
        report = store.ingest(stream)
        assert report.moved > 0
        exported = dict(store.assignments())
        titles = {story.id: story.title for story in store.stories()}
        members = {m.article: story for story, ms in store.window.members.items() for m in ms}
        assert all(exported[a] == story for a, story in members.items())  # export follows the moves
        again = store.ingest(stream)
        assert (again.added, again.moved, dict(store.assignments())) == (0, 0, exported)
    half = len(stream) // 2
    with StoryStore(tmp_path / "split.db") as store:
        store.ingest(stream[:half])
    with StoryStore(tmp_path / "split.db") as store:  # reopened: the members come back from SQLite
        store.ingest(stream[half:])
        assert dict(store.assignments()) == exported
        assert {story.id: story.title for story in store.stories()} == titles  # and so do the stories' names


@pytest.mark.parametrize(
    "value, day",
    [
        ("2025-03-12", "2025-03-12"),
        ("2025-03-12T23:30:00Z", "2025-03-12"),
        ("12 March 2025", "2025-03-12"),
        ("March 12, 2025", "2025-03-12"),
        ("Wed, 12 Mar 2025 09:00:00 GMT", "2025-03-12"),
        ("2025/03/12", "2025-03-12"),
        ("13/03/2025", "2025-03-13"),  # 13 cannot be a month: no doubt which is the day
        ("2025-03", "2025-03-01"),
        ("2025", "2025-01-01"),
        ("yesterday", (date.today() - timedelta(days=1)).isoformat()),
        ("3 days ago", (date.today() - timedelta(days=3)).isoformat()),
    ],
)
def test_since_takes_the_dates_an_analyst_types(value, day):
    assert day_iso(parse_since(value)) == day


@pytest.mark.parametrize("spelling", ["{month} {day}", "{day} {month}", "{month}. {day}th"])
def test_since_without_a_year_is_the_latest_such_day(spelling):
    for back in (0, 5, 300):  # "Nov 20" was read as 1 November 2020: the whole story came back as new
        day = date.today() - timedelta(days=back)
        value = spelling.format(month="Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()[day.month - 1], day=day.day)
        assert day_iso(parse_since(value)) == day.isoformat()
    with pytest.raises(InputError, match="no such day"):
        parse_since("Feb 30")


@pytest.mark.parametrize("value, problem", [("someday", "not a date"), ("5", "not a date"), ("03/04/2025", "either way round"), ("3.4.2025", "either way round")])
def test_since_refuses_what_is_not_a_date_or_could_be_two(value, problem):
    with pytest.raises(InputError, match=problem) as refused:
        parse_since(value)
    assert "\n" not in str(refused.value)


@pytest.mark.parametrize(
    "value, instant",
    [
        ("2025-03-12T14:00", "2025-03-12T14:00:00Z"),
        ("2025-03-12T14:00+01:00", "2025-03-12T13:00:00Z"),
        ("Wed, 12 Mar 2025 14:00:00 GMT", "2025-03-12T14:00:00Z"),
        ("March 12, 2025 2:00 pm", "2025-03-12T14:00:00Z"),  # was 02:00: email.utils took "pm" for a zone
        ("2025-03-12T14:00 CET", "2025-03-12T13:00:00Z"),  # was the whole day
        ("2025-03-12", "2025-03-12"),
    ],
)
def test_since_reads_the_time_of_day_however_it_is_spelled(value, instant):
    assert normal_since(value) == instant


def test_since_refuses_a_time_of_day_it_cannot_read_rather_than_take_the_whole_day():
    with pytest.raises(InputError, match="the time of day cannot be read") as refused:
        since_point("2025-03-12T25:00")
    assert str(refused.value).startswith("--since 2025-03-12T25:00: ") and "\n" not in str(refused.value)


def test_a_story_of_untitled_articles_is_listed_under_a_title_or_its_opening_words(db):
    bridge = [replace(a, title=None) if i == 0 else a for i, a in enumerate(story_articles("bridge"))]
    club = [replace(a, title=None) for a in story_articles("club")]
    with StoryStore(db) as store:
        store.ingest(bridge + club)
        titles = {s.id: s.title for s in store.stories()}
        assert store.story(story_id_for("club-1")).title == titles[story_id_for("club-1")]
    assert titles[story_id_for("bridge-1")] == "Detour chaos as Harrowgate Bridge stays shut"  # its best title (the first has none)
    assert titles[story_id_for("club-1")] == "Dunmore Rovers football club has been sold to the shipping magnate Ilse…"


def test_a_story_is_not_named_after_a_digest_page_nor_shown_with_a_part_marker(db):
    titles = ["AP Top News at 9 p.m. EST", "URGENT Detour Chaos as Harrowgate Bridge Stays Shut (2)", "Harrowgate Bridge repairs to take three months (1)"]
    bridge = [replace(a, title=t) for a, t in zip(story_articles("bridge"), titles)]
    with StoryStore(db) as store:
        store.ingest(bridge[:1])
        assert store.story(story_id_for("bridge-1")).title == "AP Top News at 9 p.m. EST"  # its only title so far
        store.ingest(bridge[1:])
        assert store.story(story_id_for("bridge-1")).title == "Detour Chaos as Harrowgate Bridge Stays Shut"


def test_an_untitled_story_is_listed_under_its_first_kept_sentence_not_wire_furniture(db):
    """Wire copy opens on notes for its clients and editors; the label is what the report says first."""
    furniture = (
        "(For use by Harbour Wire clients)\n\n"
        "EDITORS: This story moves for Tuesday papers. Questions to the sports desk at 555-0142.\n\n"
        "DUNMORE (Test Wire) _ "
    )
    club = story_articles("club")
    club[0] = replace(club[0], title=None, text=furniture + "Dunmore Rovers have a new owner. " + club[0].text)
    with StoryStore(db) as store:
        store.ingest([replace(a, title=None) for a in club])
        assert store.story(story_id_for("club-1")).title == "Dunmore Rovers have a new owner."


def test_articles_older_than_the_window_ingested_later_are_counted_and_named(tmp_path):
    with StoryStore(tmp_path / "backfilled.db", idle_days=30) as store:
        assert store.ingest(story_articles("club", month="2025-06")).late == 0
        backfill = store.ingest(story_articles("bridge", month="2025-01"))
    assert backfill.late == 3 and backfill.created == 3  # the January reports could not find one another
    assert "3 dated more than 30 days before the store's newest could not join a story" in backfill.line()
    with StoryStore(tmp_path / "one-run.db", idle_days=30) as store:
        together = store.ingest(story_articles("bridge", month="2025-01") + story_articles("club", month="2025-06"))
    assert (together.late, together.created) == (0, 2) and "could not join" not in together.line()


def test_a_fresh_store_fed_one_story_keeps_it_together(tmp_path, shared_data):
    """A new user's first ingest is often one story's reports. On real news (the first five TAC clusters,
    read at test time, each into its own fresh store) the story's own names must not count as common
    words just because every earlier article used them: each cluster keeps most of its articles together."""
    import json

    from synoptic.ingest.jsonfmt import article_from_dict

    with open(shared_data / "tac2010_A.jsonl", encoding="utf-8") as handle:
        clusters = [json.loads(line) for _, line in zip(range(5), handle)]
    for cluster_record in clusters:
        articles = [
            article_from_dict({**item, "id": item.get("doc_id") or f"{cluster_record['id']}-{n}"}, "tac2010_A", str(n))
            for n, item in enumerate(cluster_record["articles"])
        ]
        with StoryStore(tmp_path / f"{cluster_record['id']}.db") as store:
            store.ingest(sorted(articles, key=lambda a: a.date or ""))
            sizes = sorted(Counter(dict(store.assignments()).values()).values(), reverse=True)
        assert sizes[0] >= 0.8 * len(articles), (cluster_record["id"], sizes)


def test_a_story_is_renamed_as_it_grows_after_the_title_that_tells_its_news(db):
    """The first report of the made-up dam story is a shouted column of background and the second title was
    cut short by a feed: the story takes the first whole title that tells its news (without the site's name),
    and then the one that best names what all its reports say, run after run."""
    dam = story_articles("dam")
    dam_story = story_id_for("dam-1")
    names = []
    for article in dam:
        with StoryStore(db) as store:  # one run per article: the name so far comes back from SQLite
            store.ingest([article])
            names.append(store.story(dam_story).title)
    assert names[0] == "WATER WEEK: A LOOK BACK AT THE VALLEY'S OLD RESERVOIRS"  # the only title it has
    assert names[2] == "Ashby and Corve evacuated as Marren dam cracks widen"
    assert names[3] == "Marren dam cracks: evacuated villagers return as reservoir is lowered"
    with StoryStore(db) as store:
        assert [(s.id, s.title, s.size) for s in list_stories(store)] == [(dam_story, names[3], 4)]


def test_a_closed_story_keeps_the_name_its_titles_give_it(tmp_path):
    """A story that closes is named once more from all its titles; its name stays in the listing."""
    with StoryStore(tmp_path / "closing.db", idle_days=30) as store:
        report = store.ingest(story_articles("dam", month="2025-01") + story_articles("club", month="2025-06"))
        assert report.closed == 1
        listed = {s.id: (s.title, s.status) for s in store.stories()}
    assert listed[story_id_for("dam-1")] == ("Marren dam cracks: evacuated villagers return as reservoir is lowered", "closed")
    assert listed[story_id_for("club-1")][1] == "active"
