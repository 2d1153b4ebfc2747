"""The CLI end to end, as a user runs it: a real subprocess, real files, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLE, write_jsonl

STORY = [
    "The ferry between Dunmore and Carrick sailed again on Saturday after a week of storms. "
    "The operator said sailings would follow the normal timetable from Monday.",
    "Ferry sailings between Dunmore and Carrick resumed on Saturday after a week of storms. "
    "Passengers queued from early morning at the harbour, and the first boat left late.",
]


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "synoptic", *args], input=stdin, capture_output=True, timeout=120
    )


def assert_one_line_error(proc: subprocess.CompletedProcess, *needles: str) -> None:
    err = proc.stderr.decode()
    assert "Traceback" not in err
    for needle in needles:
        assert needle in err, err


def test_brief_of_the_sample_in_markdown() -> None:
    proc = run("brief", str(SAMPLE))
    assert proc.returncode == 0, proc.stderr.decode()
    out = proc.stdout.decode()
    assert out.startswith("# ") and "## Sources" in out and "[1]" in out


def test_brief_json_contract(tmp_path: Path) -> None:
    out = tmp_path / "brief.json"
    proc = run("brief", str(SAMPLE), "--format", "json", "--words", "60", "-o", str(out))
    assert proc.returncode == 0, proc.stderr.decode()
    brief = json.loads(out.read_text())
    for key in ("id", "headline", "summary", "facts", "conflicts", "timeline", "entities", "quotes", "sources", "meta"):
        assert key in brief
    assert brief["meta"]["words"] == 60 and brief["meta"]["words_used"] <= 60
    assert {e["article"] for s in brief["summary"] for e in s["evidence"]} <= {s["id"] for s in brief["sources"]}


def test_stdin_and_html_format() -> None:
    payload = json.dumps([{"text": t} for t in STORY]).encode()
    proc = run("brief", "-", "--format", "html", stdin=payload)
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout.decode().startswith("<!doctype html>")


def test_clusters_batch_keeps_order_and_ids_and_skips_bad_lines(tmp_path: Path) -> None:
    clusters = [
        {"id": "first", "articles": [{"text": t} for t in STORY]},
        {"id": "lonely", "articles": [{"text": STORY[0]}]},
        {"id": "third", "articles": [{"text": t} for t in reversed(STORY)]},
    ]
    path = write_jsonl(tmp_path / "c.jsonl", clusters)
    with path.open("a") as handle:
        handle.write("{not json\n")
    proc = run("brief", "--clusters", str(path), "--format", "jsonl", "--words", "30")
    assert proc.returncode == 1
    briefs = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [b["id"] for b in briefs] == ["first", "third"]
    assert_one_line_error(proc, "cluster lonely", "only 1 article", "line 4", "not valid JSON")
    assert ".txt extension" not in proc.stderr.decode()  # a line to fix, not a file to rename


def test_a_batch_names_each_bad_cluster_by_its_line_and_briefs_the_rest(tmp_path: Path) -> None:
    clusters = [
        {"id": "same", "articles": [{"text": STORY[0]}]},
        {"id": "empty", "articles": []},
        {"id": "same", "articles": [{"text": t} for t in STORY]},
    ]
    proc = run("brief", "--clusters", str(write_jsonl(tmp_path / "c.jsonl", clusters)), "--words", "30")
    assert proc.returncode == 1
    assert [json.loads(line)["id"] for line in proc.stdout.decode().splitlines()] == ["same"]
    errors = proc.stderr.decode().splitlines()
    # two lines that share an id are told apart by their line numbers; an empty cluster is not "only 0 articles"
    assert errors[0].startswith(f"synoptic: error: {tmp_path / 'c.jsonl'} line 1 (cluster same): only 1 article given")
    assert errors[1].startswith(f"synoptic: error: {tmp_path / 'c.jsonl'} line 2 (cluster empty): holds no articles; give")
    assert errors[2:] == ["synoptic: error: 2 cluster(s) failed, 1 briefed"]


@pytest.mark.parametrize(
    ("args", "needle", "code"),
    [
        (("brief", "does/not/exist.txt"), "no such file", 1),
        (("brief",), "give at least one PATH", 2),
        (("brief", str(SAMPLE), "--method", "nope"), "unknown summarization method 'nope'", 2),
        (("brief", str(SAMPLE), "--words", "0"), "error: --words must be a whole number from 1 to 5000, not 0", 2),
        (("brief", str(SAMPLE), "--min-articles", "0"), "error: --min-articles must be a whole number", 2),
        (("brief", str(SAMPLE), "--method", ""), "error: --method must be a method name, not ''", 2),
        (("brief", str(SAMPLE), "--min-articles", "9"), "give more articles or lower --min-articles\n", 1),
        (("brief", str(SAMPLE), "--format", "pdf"), "unknown output format 'pdf'", 2),
        (("brief", str(SAMPLE), "--format", "jsonl"), "for --clusters FILE.jsonl", 2),
        (("brief", "--clusters", "missing.jsonl"), "missing.jsonl: no such file", 1),
        (("brief", "--clusters", str(SAMPLE)), "is a folder, not a file", 1),
        (("eval", str(SAMPLE)), "is a folder, not a file", 1),
        (("eval-stories", str(SAMPLE)), "is a folder, not a file", 1),
    ],
)
def test_usage_and_input_errors(args: tuple[str, ...], needle: str, code: int) -> None:
    proc = run(*args)
    assert proc.returncode == code
    assert_one_line_error(proc, needle)


def test_one_article_is_refused_unless_allowed(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text(" ".join(STORY))
    proc = run("brief", str(path))
    assert proc.returncode == 1
    assert_one_line_error(proc, str(path), "only 1 article", "(or allow one: --min-articles 1)")
    assert run("brief", str(path), "--min-articles", "1").returncode == 0


def test_no_sentences_after_cleaning(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("MOST READ\nSign up for our newsletter today\nAdvertisement\n")
    proc = run("brief", str(tmp_path))
    assert proc.returncode == 1
    assert_one_line_error(proc, "no usable sentences")


def test_bad_file_in_folder_is_skipped_and_exit_code_says_so(tmp_path: Path) -> None:
    for i, text in enumerate(STORY):
        (tmp_path / f"{i}.txt").write_text(text)
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01\x02\x03binary")
    proc = run("brief", str(tmp_path), "--format", "json")
    assert proc.returncode == 1
    assert_one_line_error(proc, "broken.txt", "binary", "skipped")
    assert len(json.loads(proc.stdout)["sources"]) == 2


def test_config_file_sets_defaults_and_refuses_unknown_keys(tmp_path: Path) -> None:
    config = tmp_path / "synoptic.toml"
    config.write_text("[brief]\nwords = 40\n")
    proc = run("brief", str(SAMPLE), "--format", "json", "--config", str(config))
    assert json.loads(proc.stdout)["meta"]["words"] == 40
    config.write_text("[brief]\nwordz = 40\n")
    proc = run("brief", str(SAMPLE), "--config", str(config))
    assert proc.returncode == 2
    assert_one_line_error(proc, "unknown option(s) wordz", "valid options are")


def test_methods_lists_the_registry() -> None:
    proc = run("methods")
    assert proc.returncode == 0 and "default" in proc.stdout.decode()


def test_an_internal_error_in_one_cluster_does_not_end_the_batch(tmp_path: Path) -> None:
    # A cluster whose method crashes (registered by a plugin module) is reported and skipped.
    plugin = tmp_path / "crashing_plugin.py"
    plugin.write_text(
        "from synoptic.summarize import METHODS\n"
        "@METHODS.register('crash_on_second')\n"
        "def crash(corpus, words):\n"
        "    if any('Passengers' in s.text for s in corpus.sentences):\n"
        "        raise RuntimeError('boom')\n"
        "    return []\n"
    )
    clusters = [
        {"id": "ok", "articles": [{"text": t} for t in STORY[:1] * 2]},
        {"id": "bad", "articles": [{"text": t} for t in STORY]},
    ]
    path = write_jsonl(tmp_path / "c.jsonl", clusters)
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import crashing_plugin; "
        "from synoptic.cli import main; sys.exit(main(sys.argv[2:]))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path), "brief", "--clusters", str(path), "--method", "crash_on_second"],
        capture_output=True, timeout=120,
    )
    assert proc.returncode == 1
    assert [json.loads(line)["id"] for line in proc.stdout.decode().splitlines()] == ["ok"]
    assert_one_line_error(proc, "cluster bad: internal error (RuntimeError: boom); skipped")


def test_running_out_of_memory_is_a_one_line_error_in_brief_and_eval(tmp_path: Path) -> None:
    plugin = tmp_path / "memory_plugin.py"
    plugin.write_text(
        "from synoptic.summarize import METHODS\n"
        "@METHODS.register('needs_more_memory')\n"
        "def needs_more_memory(corpus, words):\n"
        "    raise MemoryError\n"
    )
    articles = write_jsonl(tmp_path / "a.jsonl", [{"id": f"a{i}", "text": t} for i, t in enumerate(STORY)])
    clusters = write_jsonl(tmp_path / "c.jsonl", [{"id": "big", "articles": [{"text": t} for t in STORY], "summary": STORY[0]}])
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import memory_plugin; "
        "from synoptic.cli import main; sys.exit(main(sys.argv[2:]))"
    )
    for args, origin in (
        (["brief", str(articles), "--method", "needs_more_memory"], str(articles)),
        (["eval", str(clusters), "--methods", "needs_more_memory"], "(cluster big)"),
    ):
        proc = subprocess.run([sys.executable, "-c", code, str(tmp_path), *args], capture_output=True, timeout=120)
        assert proc.returncode == 1
        assert_one_line_error(proc, origin, "ran out of memory briefing its", "give fewer or shorter articles")


@pytest.mark.parametrize("clusters", [False, True])
def test_an_output_path_that_cannot_be_written_is_a_one_line_error(tmp_path: Path, clusters: bool) -> None:
    data = write_jsonl(tmp_path / "c.jsonl", [{"id": "c1", "articles": [{"text": t} for t in STORY]}]) if clusters else None
    inputs = ("--clusters", str(data)) if clusters else (str(SAMPLE),)
    for target in (tmp_path / "no" / "such" / "dir.md", tmp_path):  # a missing folder, then a folder itself
        proc = run("brief", *inputs, "-o", str(target))
        assert proc.returncode == 1
        assert_one_line_error(proc, str(target), "cannot write")


def test_brief_notes_an_article_whose_date_is_no_calendar_day(tmp_path: Path) -> None:
    articles = [{"id": "a1", "text": STORY[0], "date": "2025-13-14"}, {"id": "a2", "text": STORY[1], "date": "2025-03-15"}]
    (tmp_path / "ferry.json").write_text(json.dumps(articles), encoding="utf-8")
    proc = run("brief", str(tmp_path / "ferry.json"), "--format", "json")
    assert proc.returncode == 0, proc.stderr.decode()
    assert [s["published"] for s in json.loads(proc.stdout)["sources"]] == [None, "2025-03-15"]
    assert_one_line_error(proc, "article a1: its date '2025-13-14' cannot be read as a day of the calendar; briefed as undated")


def test_brief_and_stories_ingest_name_the_files_of_a_folder_they_pass_over(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    (folder / "photos").mkdir(parents=True)
    for i, text in enumerate(STORY):
        (folder / f"report{i}.txt").write_text(text, encoding="utf-8")
    (folder / "notes.md").write_text("Call the harbour office back.\n", encoding="utf-8")
    (folder / "photos" / "quay.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / ".DS_Store").write_bytes(b"\0")  # hidden: no one expects it read, or named
    note = f"synoptic: note: {folder}: passed over 2 files of a kind synoptic does not read (notes.md, photos/quay.png); it reads .txt"
    brief = run("brief", str(folder), "--format", "json")
    assert brief.returncode == 0 and json.loads(brief.stdout)["meta"]["articles"] == 2
    assert brief.stderr.decode().startswith(note) and len(brief.stderr.decode().splitlines()) == 1
    ingest = run("stories", "ingest", str(folder), "--db", str(tmp_path / "s.db"))
    assert ingest.returncode == 0 and ingest.stderr.decode().startswith(note) and "2 added" in ingest.stderr.decode()



def test_brief_notes_articles_that_look_like_several_stories_unless_told_they_are_one(tmp_path: Path) -> None:
    from tests.stories.helpers import interleaved

    folder = tmp_path / "mixed"
    folder.mkdir()
    for article in interleaved():
        (folder / f"{article.id}.txt").write_text(f"{article.title}\n\n{article.text}\n", encoding="utf-8")
    proc = run("brief", str(folder), "--format", "json")
    assert proc.returncode == 0, proc.stderr.decode()
    notes = [line for line in proc.stderr.decode().splitlines() if "separate stories" in line]
    assert len(notes) == 1 and notes[0].startswith("synoptic: note: these 9 articles look like 3 separate stories (3: '")
    assert "--one-story" in notes[0]
    assert len(json.loads(proc.stdout)["meta"]["stories"]) == 3
    quiet = run("brief", str(folder), "--one-story")
    assert quiet.returncode == 0 and "separate stories" not in quiet.stderr.decode()
    one = run("brief", str(SAMPLE))
    assert "separate stories" not in one.stderr.decode()


def test_brief_notes_articles_that_do_not_read_as_english(tmp_path: Path) -> None:
    from tests.analyze.test_language import ENGLISH, GERMAN, SPANISH

    for name, text in (("de", GERMAN), ("es", SPANISH), ("en", ENGLISH)):
        (tmp_path / f"{name}.txt").write_text(f"Harbour bridge\n\n{text}\n", encoding="utf-8")
    proc = run("brief", str(tmp_path / "de.txt"), str(tmp_path / "es.txt"), str(tmp_path / "en.txt"), "--format", "json")
    assert proc.returncode == 0, proc.stderr.decode()
    notes = [line for line in proc.stderr.decode().splitlines() if "English" in line]
    assert notes == [
        "synoptic: note: 2 of the 3 articles (de, es) do not read as English; synoptic's rules are written for English"
        " news, so the brief's quotes, disagreements, dates and names may be missing or noisy for them"
    ]
    assert json.loads(proc.stdout)["meta"]["not_english"] == ["de", "es"]
    markdown = run("brief", str(tmp_path / "de.txt"), str(tmp_path / "en.txt")).stdout.decode()
    assert "_Source [1] does not read as English: synoptic's rules are written for English news" in markdown
    assert "English" not in run("brief", str(SAMPLE)).stderr.decode()


def test_a_batch_names_the_clusters_that_look_like_several_stories_or_not_english_in_a_line_each(tmp_path: Path) -> None:
    from tests.stories.helpers import interleaved, story_articles

    def cluster(name: str, articles) -> dict:
        return {"id": name, "articles": [{"id": a.id, "title": a.title, "text": a.text} for a in articles]}

    german, mixed = story_articles("german"), interleaved()
    path = write_jsonl(tmp_path / "c.jsonl", [
        {"id": "ferry", "articles": [{"text": t} for t in STORY]}, cluster("mixed", mixed), cluster("german", german),
        cluster("mixed-again", mixed[::-1]), cluster("german-mixed", [*german, *mixed]),
    ])  # fmt: skip
    proc = run("brief", "--clusters", str(path), "--words", "30")
    assert proc.returncode == 0, proc.stderr.decode()
    briefs = {b["id"]: b["meta"] for b in map(json.loads, proc.stdout.decode().splitlines())}
    assert [name for name, meta in briefs.items() if "stories" in meta] == ["mixed", "mixed-again", "german-mixed"]
    assert [name for name, meta in briefs.items() if "not_english" in meta] == ["german", "german-mixed"]
    assert proc.stderr.decode().splitlines() == [
        "synoptic: note: 3 of 5 clusters (mixed, mixed-again, german-mixed) look like several separate stories, which their"
        " briefs mix (meta.stories lists them); pass --one-story if each cluster is one story",
        "synoptic: note: 2 of 5 clusters (german, german-mixed) have articles that do not read as English (meta.not_english"
        " lists them); synoptic's rules are written for English news, so their briefs may miss or garble quotes,"
        " disagreements, dates and names",
    ]
    one_story = run("brief", "--clusters", str(path), "--words", "30", "--one-story")
    assert not any("stories" in json.loads(line)["meta"] for line in one_story.stdout.decode().splitlines())
    assert [line.split(" (")[0] for line in one_story.stderr.decode().splitlines()] == ["synoptic: note: 2 of 5 clusters"]
