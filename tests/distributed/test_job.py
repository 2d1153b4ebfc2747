"""The Spark job end to end on a real local Spark: its stories and briefs are the story store's."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from synoptic.cli import main
from synoptic.distributed.command import MAX_PLAN_CHARACTERS
from synoptic.distributed.job import JobSettings, run_job
from synoptic.errors import SynopticError
from synoptic.evaluate.stories import bcubed
from synoptic.ingest import iter_articles
from synoptic.stories import StoryStore, story_brief
from synoptic.stories.cluster import story_id_for
from tests.distributed.conftest import unavailable
from tests.ingest.test_warc import write_warc
from tests.stories.helpers import roundup, story_articles, write_stream

try:
    import pyarrow.parquet as pq
except ImportError:  # the [spark] extra is missing: CI installs it, so there this is a failure
    unavailable("pyarrow is not installed (pip install -e '.[test]')", module_level=True)


def table(folder: Path, name: str) -> dict[str, list]:
    return pq.read_table(folder / name).to_pydict()


def store_of(inputs: list[Path], db: Path) -> StoryStore:
    """The single-machine reference: the same inputs through `synoptic stories ingest`'s path."""
    store = StoryStore(db)
    store.ingest(item for item in iter_articles([str(p) for p in inputs]))
    return store


def without_timing(brief: dict) -> dict:
    brief["meta"].pop("elapsed_ms")
    return brief


def assert_agrees_with_the_store(output: Path, store: StoryStore) -> None:
    stories = table(output, "stories")
    assert sorted(zip(stories["article"], stories["story"])) == sorted(store.assignments())  # every row once
    assert sorted(table(output, "articles")["article"]) == sorted(stories["article"])
    briefs = table(output, "briefs")
    assert sorted(briefs["story"]) == sorted({s for s in stories["story"]})
    for story, brief in zip(briefs["story"], briefs["brief"]):
        assert without_timing(json.loads(brief)) == without_timing(story_brief(store, story).to_dict())


@pytest.fixture
def corpus(tmp_path: Path) -> list[Path]:
    """Made-up inputs of every kind the job reads, with a bad line, a repeated text, an id clash,
    a syndicated copy and an undated article; and a path that does not exist."""
    folder = tmp_path / "corpus"
    (folder / "wire").mkdir(parents=True)
    bridge, club, beetle = story_articles("bridge"), story_articles("club"), story_articles("beetle")
    copy = replace(beetle[0], id="beetle-copy", text=beetle[0].text.replace("bright copper", "shiny copper") + " Photo: Calder University.")
    clash = replace(club[1], id="bridge-1", text=club[1].text + " The club confirmed the talks.", date="2025-03-04")  # an id taken by another text
    undated = replace(bridge[2], id="bridge-late", text="Pellham traders said the detour around the closed Harrowgate Bridge had emptied the high street.", date=None)
    stream = write_stream(folder / "wire" / "stream.jsonl", [bridge[0], club[0], beetle[0], copy, bridge[1], club[1], beetle[1], clash, undated])
    with open(stream, "a", encoding="utf-8") as handle:
        handle.write("{this is not json\n")
        handle.write(json.dumps({"id": "club-again", "title": club[0].title, "text": club[0].text, "date": club[2].date}) + "\n")
    later = [{"id": a.id, "title": a.title, "text": a.text, "date": a.date, "source": a.source} for a in (bridge[2], club[2], beetle[2])]
    (folder / "later.json").write_text(json.dumps(later), encoding="utf-8")
    write_warc(folder / "crawl.warc.gz", gzip=True)
    (folder / "README.md").write_text("Where these made-up reports came from.\n", encoding="utf-8")  # no article: passed over, said
    return [folder, tmp_path / "missing.jsonl"]


def test_a_corpus_through_the_cli_gives_the_stores_stories_and_briefs(spark, corpus, tmp_path, capsys):
    output, report = tmp_path / "out", tmp_path / "report.json"
    code = main(["spark", "run", "--input", *map(str, corpus), "--output", str(output), "--master", "local[2]", "--window-days", "1", "--json", str(report)])
    out, err = capsys.readouterr()
    assert code == 1  # a bad line, a page without article text and a missing path were reported and skipped
    notes = [line for line in err.strip().splitlines() if line.startswith("synoptic: note: ")]
    errors = [line for line in err.strip().splitlines() if line not in notes]
    assert notes == [f"synoptic: note: {corpus[0]}: passed over 1 file of a kind synoptic does not read (README.md); it reads .txt, .html, .json, .jsonl, .rss/.atom/.xml feeds or .warc(.gz) files"]
    assert all(line.startswith("synoptic: error: ") and line.endswith("; skipped") for line in errors)
    assert any("stream.jsonl line 10: not valid JSON" in line for line in errors)
    assert any("missing.jsonl: no such file or folder" in line for line in errors)
    assert any("crawl.warc.gz record" in line for line in errors)
    assert out.strip() == f"{output}: 17 records from 3 files; 14 articles (1 repeated texts dropped, 2 near-duplicates linked), 4 stories, 4 briefs; 3 failed"
    figures = json.loads(report.read_text())
    assert set(figures["seconds"]) >= {"read", "signatures", "assign", "briefs", "total"}
    assert sorted(table(output, "errors")["origin"])[-1].endswith("missing.jsonl")

    articles = table(output, "articles")
    assert list(articles) == ["article", "title", "text", "date", "approximate", "day", "source", "url", "origin", "duplicate_of"]
    duplicate_of = dict(zip(articles["article"], articles["duplicate_of"]))
    assert duplicate_of["beetle-copy"] == "beetle-1" and duplicate_of["bridge-1~2"] == "club-2"  # the clashing id is a copy too
    assert "club-again" not in duplicate_of
    day = dict(zip(articles["article"], articles["day"]))
    assert day["bridge-late"] == max(day.values())  # undated: the newest day
    assert list(table(output, "stories")) == ["article", "story"] and list(table(output, "briefs")) == ["story", "brief"]
    with store_of(corpus[:1], tmp_path / "stories.db") as store:
        assert_agrees_with_the_store(output, store)
        assert store.resolve(story_id_for("beetle-1")) == dict(store.assignments())["beetle-copy"]
    # the undated article is briefed on its placing day, marked approximate, as the store briefs it
    sources = [s for b in table(output, "briefs")["brief"] for s in json.loads(b)["sources"]]
    assert {s["id"]: s["published_approximate"] for s in sources if s["id"] in ("bridge-late", "bridge-1")} == {"bridge-late": True, "bridge-1": False}


def test_real_clusters_group_exactly_as_in_the_store(spark, shared_data, tmp_path):
    inputs = [shared_data / "tac2010_A.jsonl", shared_data / "duc2007_update.jsonl"]
    output = tmp_path / "out"
    report = run_job(spark, JobSettings(tuple(map(str, inputs)), str(output)))
    assert (report.records, report.failed, report.articles) == (702, 0, 700)  # 2 texts are in two clusters each
    with store_of(inputs, tmp_path / "stories.db") as store:
        assert_agrees_with_the_store(output, store)
    gold: dict[str, str] = {}  # a cluster's story; the sets A, B and C of a duc2007_update topic are one story
    for path in inputs:
        for line in path.read_text(encoding="utf-8").splitlines():
            cluster = json.loads(line)
            for article in cluster["articles"]:
                gold.setdefault(str(article.get("id") or article.get("doc_id")), (cluster.get("meta") or {}).get("topic") or cluster["id"])
    stories = table(output, "stories")
    scored = [(gold[a], s) for a, s in zip(stories["article"], stories["story"]) if a in gold]
    assert bcubed([g for g, _ in scored], [s for _, s in scored]).f1 > 0.8  # one story per cluster, mostly


def test_the_plans_the_session_keeps_for_its_ui_stay_small(spark, corpus, tmp_path):
    """Each persisted step holds the plan of the steps before it, so a query's full plan string grows
    exponentially with the steps (45 MB each on two dev sets). The session keeps one per query for its
    UI, and three such runs ran a 2 GB driver out of heap; the strings are cut at MAX_PLAN_CHARACTERS."""
    store = spark._jsparkSession.sharedState().statusStore()
    before = store.executionsCount()
    run_job(spark, JobSettings((str(corpus[0]),), str(tmp_path / "out")))
    kept = store.executionsList(before, store.executionsCount() - before)
    lengths = [len(kept.apply(i).physicalPlanDescription()) for i in range(kept.size())]
    assert len(lengths) > 5
    assert max(lengths) <= MAX_PLAN_CHARACTERS


def test_an_existing_output_or_no_input_is_refused_before_any_work(spark, tmp_path, corpus):
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "old.parquet").write_text("x")
    with pytest.raises(SynopticError, match="already exists; give a new --output folder or pass --overwrite"):
        run_job(spark, JobSettings((str(corpus[0]),), str(tmp_path / "taken")))
    with pytest.raises(SynopticError, match="no input files to read"):
        run_job(spark, JobSettings((str(corpus[1]),), str(tmp_path / "new")))
    before = sorted(p.name for p in corpus[0].rglob("*"))
    with pytest.raises(SynopticError, match="holds the input .*; give an --output folder outside the inputs"):
        run_job(spark, JobSettings((str(corpus[0]),), str(corpus[0]), overwrite=True))  # --overwrite must not delete the input
    assert sorted(p.name for p in corpus[0].rglob("*")) == before


def line(article_id: str, text: str, date: str | None) -> str:
    return json.dumps({"id": article_id, "text": text, "date": date})


def test_awkward_inputs_lose_nothing_and_agree_with_the_store(spark, tmp_path):
    """A folder with glob characters in its name, given twice (as itself and through a file in it);
    ids that clash, one of them spelled like a rename; a repeated text dated later than the rest
    (its date must not become the undated article's); a file too deeply nested to parse; an empty file."""
    folder = tmp_path / "wire [1] {x}"
    folder.mkdir()
    bridge, club, beetle = story_articles("bridge"), story_articles("club"), story_articles("beetle")
    stream = folder / "stream?.jsonl"
    stream.write_text("\n".join([
        line("a", bridge[0].text, bridge[0].date), line("a", club[0].text, club[0].date), line("a~2", beetle[0].text, beetle[0].date),
        line("b", bridge[1].text, bridge[1].date), line("b", club[1].text, club[1].date),
        line("later-repeat", bridge[1].text, "2026-01-01"), line("undated", bridge[2].text, None),
    ]) + "\n", encoding="utf-8")  # fmt: skip
    (folder / "deep.json").write_bytes(b"[" * 100_000 + b"]" * 100_000)
    (folder / "empty.txt").write_bytes(b"")
    errors: list[str] = []
    output = tmp_path / "out"
    report = run_job(spark, JobSettings((str(folder), str(stream)), str(output)), errors.append)
    assert (report.articles, report.exact_duplicates) == (6, 1)
    assert any("deep.json: JSON nested too deeply to read" in e for e in errors) and any("empty.txt: the input is empty" in e for e in errors)
    articles = table(output, "articles")
    assert sorted(articles["article"]) == ["a", "a~2", "a~2~2", "b", "b~2", "undated"]
    day = dict(zip(articles["article"], articles["day"]))
    assert str(day["undated"]) == "2025-03-02"  # the newest kept date, not the dropped repeat's 2026-01-01
    with store_of([folder, stream], tmp_path / "stories.db") as store:
        assert_agrees_with_the_store(output, store)


def test_a_date_after_tomorrow_is_placed_as_undated_as_the_store_does(spark, tmp_path):
    # "9999-12-31" believed would move the clock past every story; like the store, the job takes it for a typo
    path = tmp_path / "far.jsonl"
    bridge = story_articles("bridge")
    path.write_text("\n".join([line("now", bridge[0].text, bridge[0].date), line("far", bridge[1].text, "9999-12-31"),
                               line("undated", bridge[2].text, None)]) + "\n", encoding="utf-8")  # fmt: skip
    output = tmp_path / "out"
    report = run_job(spark, JobSettings((str(path),), str(output), briefs=False))
    assert report.articles == 3
    articles = table(output, "articles")
    assert sorted(articles["article"]) == ["far", "now", "undated"]
    days = dict(zip(articles["article"], articles["day"]))
    assert str(days["far"]) == str(days["undated"]) == bridge[0].date
    with store_of([path], tmp_path / "stories.db") as store:
        assert sorted(zip(*table(output, "stories").values())) == sorted(store.assignments())


def test_a_copy_that_states_its_date_redates_an_approximate_one_as_the_store_does(spark, tmp_path):
    """A cluster line dates its undated article by the cluster's day, approximately (1 March); the same text
    comes again stating 3 March. The kept article (the first) takes the stated date, as in the store."""
    bridge = story_articles("bridge")
    cluster = {"id": "wire", "date": "2025-03-01", "articles": [{"id": "clustered", "text": bridge[2].text}]}
    path = tmp_path / "stream.jsonl"
    path.write_text("\n".join([line("first", bridge[0].text, bridge[0].date), json.dumps(cluster),
                               line("stated", bridge[2].text, "2025-03-03")]) + "\n", encoding="utf-8")  # fmt: skip
    output = tmp_path / "out"
    report = run_job(spark, JobSettings((str(path),), str(output)))
    assert (report.articles, report.exact_duplicates) == (2, 1)
    articles = table(output, "articles")
    dated = {a: (d, str(day), approx) for a, d, day, approx in zip(articles["article"], articles["date"], articles["day"], articles["approximate"])}
    assert dated["clustered"] == ("2025-03-03", "2025-03-03", False)
    with store_of([path], tmp_path / "stories.db") as store:
        assert_agrees_with_the_store(output, store)


def test_a_storys_brief_carries_the_notes_a_store_briefs_with(spark, tmp_path):
    """As `stories show`: a roundup column the store groups as one story is not said to be several, and
    German reports are said not to read as English."""
    stream = write_stream(tmp_path / "notes.jsonl", roundup() + story_articles("german", 10))
    output = tmp_path / "out"
    run_job(spark, JobSettings((str(stream),), str(output)))
    briefs = {story: json.loads(brief)["meta"] for story, brief in zip(*table(output, "briefs").values())}
    assert "stories" not in briefs[story_id_for("bridge-1")] and "not_english" not in briefs[story_id_for("bridge-1")]
    assert briefs[story_id_for("german-1")]["not_english"] == ["german-1", "german-2"]
    with store_of([stream], tmp_path / "stories.db") as store:
        assert_agrees_with_the_store(output, store)


def test_bad_lines_are_reported_in_the_order_of_the_input(spark, tmp_path):
    """The records are spread over every core; the errors printed must still read down the file, as
    `stories ingest` prints them, or a pipeline's log names line 9 before line 2."""
    bridge = story_articles("bridge")
    lines = [line(f"ok{n}", bridge[n % len(bridge)].text + f" Update {n}.", bridge[0].date) if n % 2 else '{"id": "cut' for n in range(16)]
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors: list[str] = []
    run_job(spark, JobSettings((str(path),), str(tmp_path / "out"), briefs=False), errors.append)
    assert [e.split(":")[0] for e in errors] == [f"{path} line {n}" for n in range(1, 17, 2)]
