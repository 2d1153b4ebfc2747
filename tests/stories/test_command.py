"""`synoptic stories …` and `synoptic eval-stories` end to end through the CLI entry point."""

from __future__ import annotations

import json

import pytest

from synoptic.cli import main
from synoptic.stories.cluster import story_id_for
from tests.stories.helpers import STORIES, interleaved, roundup, story_articles, write_stream
from tests.stories.test_updates import NEW


@pytest.fixture
def stored(tmp_path, capsys):
    db = tmp_path / "s.db"
    stream = write_stream(tmp_path / "stream.jsonl", interleaved() + NEW)
    assert main(["stories", "ingest", str(stream), "--db", str(db)]) == 0
    assert "11 added" in capsys.readouterr().err
    return db


def test_ingest_twice_is_idempotent(stored, tmp_path, capsys):
    stream = tmp_path / "stream.jsonl"
    assert main(["stories", "ingest", str(stream), "--db", str(stored)]) == 0
    assert "0 added (0 near-duplicates linked), 11 already stored" in capsys.readouterr().err


def test_list_and_export(stored, capsys):
    assert main(["stories", "list", "--db", str(stored), "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert sorted(s["articles"] for s in listed) == [3, 3, 5]
    assert main(["stories", "list", "--db", str(stored), "--since", "2025-03-14"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and out[0].startswith(story_id_for("bridge-1"))
    assert main(["stories", "list", "--db", str(stored), "--since", "14 March 2025"]) == 0  # any date spelling
    assert capsys.readouterr().out.strip().splitlines() == out
    assert main(["stories", "list", "--db", str(stored), "--since", "2030-01-01"]) == 0
    listed_nothing = capsys.readouterr()
    assert listed_nothing.out == "" and "no stories with an article dated on or after 2030-01-01" in listed_nothing.err
    assert main(["stories", "export", "--db", str(stored), "--format", "jsonl"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == 11 and set(lines[0]) == {"article", "story"}
    assert {line["story"] for line in lines if line["article"].startswith("club")} == {story_id_for("club-1")}


def test_a_story_of_one_article_is_listed_as_one_article(tmp_path, capsys):
    db, stream = tmp_path / "one.db", write_stream(tmp_path / "one.jsonl", interleaved()[:1])
    assert main(["stories", "ingest", str(stream), "--db", str(db)]) == 0
    assert main(["stories", "list", "--db", str(db)]) == 0
    assert capsys.readouterr().out.split()[1:3] == ["1", "article"]


@pytest.mark.parametrize("fmt", ["md", "json", "html"])
def test_show_renders_the_story_brief(stored, capsys, fmt):
    assert main(["stories", "show", story_id_for("beetle-1"), "--db", str(stored), "--format", fmt, "--words", "50"]) == 0
    out = capsys.readouterr().out
    assert "Orrin" in out
    if fmt == "json":
        brief = json.loads(out)
        assert brief["id"] == story_id_for("beetle-1") and len(brief["sources"]) == len(STORIES["beetle"])


def test_updates_since(stored, capsys):
    story = story_id_for("bridge-1")
    assert main(["stories", "updates", story, "--since", "2025-03-14", "--db", str(stored), "--format", "json"]) == 0
    brief = json.loads(capsys.readouterr().out)
    assert brief["meta"]["method"] == "update"
    assert {a for s in brief["summary"] for a in s["sources"]} <= {"bridge-reopens", "cars-return"}
    # an instant with its zone is compared in UTC, and so reported
    assert main(["stories", "updates", story, "--since", "2025-03-14T13:00+01:00", "--db", str(stored), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["meta"]["update"]["since"] == "2025-03-14T12:00:00Z"


def test_list_and_updates_read_a_since_with_a_utc_offset_as_the_same_day(stored, capsys):
    # 00:30 at +02:00 on 16 March is 22:30 UTC on the 15th: the day of bridge's last report (cars-return)
    since, story = "2025-03-16T00:30+02:00", story_id_for("bridge-1")
    assert main(["stories", "list", "--db", str(stored), "--since", since]) == 0
    assert [line.split()[0] for line in capsys.readouterr().out.splitlines()] == [story]
    assert main(["stories", "updates", story, "--since", since, "--db", str(stored), "--format", "json"]) == 0
    assert {a for s in json.loads(capsys.readouterr().out)["summary"] for a in s["sources"]} == {"cars-return"}


@pytest.mark.parametrize(
    ("argv", "message", "code"),
    [
        (["stories", "show", "s0000", "--db", "{db}"], "no such story in {db}; list the stories with: synoptic stories list --db {db}", 1),
        (["stories", "updates", "{story}", "--since", "someday", "--db", "{db}"], "not a date", 2),
        (["stories", "list", "--since", "03/04/2025", "--db", "{db}"], "either way round", 2),
        (["stories", "list", "--since", "2025-13-01", "--db", "{db}"], "--since 2025-13-01: not a date (no such day in the calendar)", 2),
        (["stories", "updates", "{story}", "--since", "2025-04-31", "--db", "{db}"], "--since 2025-04-31: not a date (no such day in the calendar)", 2),
        (["stories", "updates", "{story}", "--since", "2026-01-01", "--db", "{db}"], "none dated on or after 2026-01-01 (its latest is from 2025-03-", 1),
        (["stories", "list", "--db", "{missing}"], "no such story store", 1),
        (["stories", "ingest", "{db}", "--db", "{no_folder}"], "does not exist; create it", 1),
        (["stories", "list", "--db", "{db}", "--format", "xml"], "unknown list format", 2),
        (["stories", "show", "{story}", "--db", "{db}", "--format", "pdf"], "unknown output format", 2),
    ],
)
def test_errors_are_one_line(stored, tmp_path, capsys, argv, message, code):
    values = {"db": str(stored), "missing": str(tmp_path / "none.db"), "story": story_id_for("bridge-1"),
              "no_folder": str(tmp_path / "no" / "such" / "x.db")}
    assert main([a.format(**values) for a in argv]) == code
    err = capsys.readouterr().err
    assert message.format(**values) in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_ingest_reports_bad_inputs_and_goes_on(tmp_path, capsys):
    stream = write_stream(tmp_path / "s.jsonl", interleaved()[:3])
    with open(stream, "a", encoding="utf-8") as handle:
        handle.write('{"title": "no text here"}\nnot json\n')
    code = main(["stories", "ingest", str(stream), str(tmp_path / "absent.txt"), "https://example.org/feed.xml", "--db", str(tmp_path / "x.db")])
    err = capsys.readouterr().err
    assert code == 1
    assert "3 added" in err and "3 failed" not in err and "4 failed" in err
    assert "pass --allow-fetch" in err and "no such file" in err and "has no text" in err


def test_eval_stories_scores_a_gold_stream(tmp_path, capsys):
    articles = interleaved()
    stream = write_stream(tmp_path / "gold.jsonl", articles, {a.id: a.id.split("-")[0] for a in articles})
    out_json = tmp_path / "figures.json"
    assert main(["eval-stories", str(stream), "--json", str(out_json)]) == 0
    assert "| 9 | 3 | 3 | 1.000 | 1.000 | 1.000 |" in capsys.readouterr().out
    figures = json.loads(out_json.read_text())
    assert figures["ami"] == 1.0 and figures["bcubed"]["f1"] == 1.0


def test_ingest_that_reads_nothing_leaves_no_empty_store(tmp_path, capsys):
    db = tmp_path / "new.db"
    assert main(["stories", "ingest", str(tmp_path / "missing.rss"), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "no such file" in err
    assert f"synoptic: error: {db}: nothing could be read, so no store was created" in err
    assert not db.exists()


@pytest.fixture
def roundup_and_german(tmp_path, capsys):
    """A store whose first story is a weekly roundup column (one story to the store, three to a one-off
    brief) and whose second is two German reports."""
    db = tmp_path / "notes.db"
    stream = write_stream(tmp_path / "notes.jsonl", roundup() + story_articles("german", 10))
    assert main(["stories", "ingest", str(stream), "--db", str(db)]) == 0
    assert "2 new stories" in capsys.readouterr().err
    assert main(["stories", "list", "--db", str(db), "--format", "json"]) == 0
    assert sorted((s["id"], s["articles"]) for s in json.loads(capsys.readouterr().out)) == sorted(
        [(story_id_for("bridge-1"), 9), (story_id_for("german-1"), 2)]
    )
    return db


@pytest.mark.parametrize("fmt", ["md", "json", "html"])
@pytest.mark.parametrize("command", [["show"], ["updates", "--since", "2025-03-02"]])
def test_a_story_brief_never_says_several_stories(roundup_and_german, capsys, fmt, command):
    """The store grouped the roundup into one story: its brief must not tell the reader to group it apart."""
    argv = ["stories", command[0], story_id_for("bridge-1"), *command[1:], "--db", str(roundup_and_german), "--format", fmt]
    assert main(argv) == 0
    shown = capsys.readouterr()
    assert "separate stories" not in shown.out and "separate stories" not in shown.err and "English" not in shown.out + shown.err
    if fmt == "json":
        assert "stories" not in json.loads(shown.out)["meta"]


@pytest.mark.parametrize(("fmt", "line"), [("md", "_Sources [1][2] do not read as English:"), ("html", "Sources [1][2] do not read as English:"), ("json", '"not_english"')])
@pytest.mark.parametrize("command", [["show"], ["updates", "--since", "2025-03-01"]])
def test_a_story_brief_says_when_its_articles_do_not_read_as_english(roundup_and_german, capsys, fmt, line, command):
    argv = ["stories", command[0], story_id_for("german-1"), *command[1:], "--db", str(roundup_and_german), "--format", fmt]
    assert main(argv) == 0
    shown = capsys.readouterr()
    assert line in shown.out
    assert shown.err.startswith("synoptic: note: the 2 articles do not read as English;")
    if fmt == "json":
        assert json.loads(shown.out)["meta"]["not_english"] == ["german-1", "german-2"]
