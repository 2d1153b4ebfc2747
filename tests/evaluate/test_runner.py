"""The eval runner and ``synoptic eval`` end to end, on small clusters written for these tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from synoptic.errors import OptionsError
from synoptic.evaluate import load_clusters, method_summary, resolve_methods, run_eval
from synoptic.options import Options
from synoptic.pipeline import brief_cluster
from synoptic.summarize import METHODS
from synoptic.summarize.methods import lead
from tests.conftest import write_jsonl

CLUSTERS = [
    {
        "id": "bridge",
        "summary": [
            "The Tollan river bridge reopened on Monday after three months of repairs to its cracked pillars.",
            "Repairs to the cracked pillars of the Tollan bridge ended and the bridge reopened to traffic on Monday.",
        ],
        "articles": [
            {"id": "b1", "title": "Tollan bridge reopens", "text": (
                "The Tollan river bridge reopened to traffic on Monday after three months of repairs. "
                "Engineers had found cracks in two of its pillars during a routine inspection in the spring. "
                "The council said the work cost less than expected and finished a week early."
            )},
            {"id": "b2", "title": "Traffic returns to the Tollan bridge", "text": (
                "Cars crossed the Tollan bridge again on Monday as the repaired crossing reopened. "
                "Cracked pillars had kept the bridge closed for three months. "
                "Shopkeepers on both banks said trade had fallen while the detour was in place."
            )},
        ],
    },
    {
        "id": "library",
        "summary": "Pellham's new public library opened on Saturday with a children's wing and a rooftop garden.",
        "articles": [
            {"id": "l1", "text": (
                "Pellham opened its new public library on Saturday, two years after the old one flooded. "
                "The building has a children's wing and a garden on its roof. "
                "Hundreds of residents queued at the doors before the ribbon was cut."
            )},
            {"id": "l2", "text": (
                "The new library in Pellham welcomed its first readers on Saturday. "
                "Its rooftop garden and large children's wing drew families from across the town. "
                "The old library closed after a flood two years ago."
            )},
        ],
    },
    {
        "id": "orchestra",
        "summary": ["The Varn youth orchestra won first prize at the national festival in Dellport on Sunday."],
        "articles": [
            {"id": "o1", "text": (
                "The Varn youth orchestra took first prize at the national festival in Dellport on Sunday. "
                "Its sixty players, all under nineteen, performed a new piece by a local composer. "
                "The judges praised the string section in particular."
            )},
            {"id": "o2", "text": (
                "Young musicians from Varn won the national festival in Dellport on Sunday. "
                "The orchestra played a piece written for it by a composer from the town. "
                "It is the first time the orchestra has won the festival."
            )},
        ],
    },
]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "mini.jsonl", CLUSTERS)


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "synoptic", *args], capture_output=True, timeout=120, text=True)


def assert_one_line_error(proc: subprocess.CompletedProcess, *needles: str) -> None:
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert lines and all(line.startswith("synoptic: error: ") for line in lines), proc.stderr
    for needle in needles:
        assert needle in proc.stderr, proc.stderr


# --- the runner, in process ---------------------------------------------------------------


def test_run_eval_scores_every_method_on_every_cluster(data: Path) -> None:
    report = run_eval(data, ["default", "lead"], words=40)
    assert report.dataset == "mini" and report.clusters == 3 and report.words == 40 and report.failures == 0
    assert [r.method for r in report.results] == ["default", "lead"]
    for result in report.results:
        assert result.clusters == 3
        for by_measure in result.rouge.values():
            assert 0 < by_measure["recall"] <= 100 and 0 < by_measure["f1"] <= 100
        assert result.clusters_per_s > 0 and 0 < result.p50_ms <= result.p95_ms and result.peak_mb > 0


def test_summary_is_the_brief_joined_and_cut_to_the_budget() -> None:
    clusters, bad = load_clusters_from(CLUSTERS)
    assert bad == 0
    for words in (12, 40):
        for cluster in clusters:
            summary, seconds = method_summary(cluster, "default", words)
            brief = brief_cluster(cluster, Options(words=words, method="default", min_articles=1, analysis=False))
            assert summary == " ".join(" ".join(s.text for s in brief.summary).split()[:words])
            assert len(summary.split()) <= words and seconds > 0


def load_clusters_from(records: list[dict]) -> tuple[list, int]:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        return load_clusters(write_jsonl(Path(folder) / "c.jsonl", records))


def test_default_methods_leave_out_oracles_unless_named(monkeypatch: pytest.MonkeyPatch, data: Path) -> None:
    monkeypatch.setitem(METHODS._items, "oracle_for_tests", lead)
    assert "oracle_for_tests" not in resolve_methods(None)
    assert set(resolve_methods(None)) == {m for m in METHODS.names() if not m.startswith("oracle")}
    assert resolve_methods("lead, oracle_for_tests,lead") == ["lead", "oracle_for_tests"]
    report = run_eval(data, "oracle_for_tests", words=40)
    assert "oracle_for_tests (upper bound)" in report.table()
    assert report.to_dict()["methods"]["oracle_for_tests"]["upper_bound"] is True


def test_unknown_or_empty_methods_are_options_errors() -> None:
    with pytest.raises(OptionsError, match="unknown summarization method 'nope'"):
        resolve_methods("lead,nope")
    with pytest.raises(OptionsError):
        resolve_methods(" , ")


def test_a_cluster_without_references_is_bad_for_eval(tmp_path: Path) -> None:
    records = [CLUSTERS[0], {**CLUSTERS[1], "summary": []}, {k: v for k, v in CLUSTERS[2].items() if k != "summary"}]
    errors: list[str] = []
    clusters, bad = load_clusters(write_jsonl(tmp_path / "c.jsonl", records), on_error=lambda e: errors.append(str(e)))
    assert [c.id for c in clusters] == ["bridge"] and bad == 2
    assert all("has no reference summaries" in e for e in errors)


# --- the command line ------------------------------------------------------------------------


def test_cli_prints_the_table(data: Path) -> None:
    proc = run("eval", str(data), "--methods", "lead,default", "--words", "40")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""  # no progress indicator when stderr is not a terminal
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("mini: 3 clusters, 40 words")
    assert lines[1].split() == ["method", "R1-R", "R1-F", "R2-R", "R2-F", "RL-R", "RL-F", "clusters/s", "p50", "ms", "p95", "ms", "peak", "MB"]
    assert [line.split()[0] for line in lines[2:]] == ["lead", "default"]
    for line in lines[2:]:
        assert len(line.split()) == 11
        assert all(0 <= float(x) <= 100 for x in line.split()[1:7])


def test_cli_writes_json_with_the_same_figures(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    proc = run("eval", str(data), "--methods", "lead", "--words", "40", "--json", str(out))
    assert proc.returncode == 0, proc.stderr
    figures = json.loads(out.read_text())
    assert figures["dataset"] == "mini" and figures["words"] == 40 and figures["clusters"] == 3
    lead_figures = figures["methods"]["lead"]
    assert set(lead_figures) >= {"rouge1", "rouge2", "rougeL", "clusters_per_s", "p50_ms", "p95_ms", "peak_mb"}
    row = next(line.split() for line in proc.stdout.splitlines() if line.startswith("lead"))
    assert float(row[1]) == pytest.approx(lead_figures["rouge1"]["recall"], abs=0.051)
    assert float(row[4]) == pytest.approx(lead_figures["rouge2"]["f1"], abs=0.051)


def test_cli_honours_limit(data: Path) -> None:
    proc = run("eval", str(data), "--methods", "lead", "--limit", "2")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("mini: 2 clusters, 100 words")


def test_cli_reports_and_skips_a_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [json.dumps(CLUSTERS[0]), "{not json", json.dumps(CLUSTERS[1]), json.dumps({**CLUSTERS[2], "summary": []})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = run("eval", str(path), "--methods", "lead")
    assert proc.returncode == 1
    assert_one_line_error(proc, "line 2: not valid JSON", "line 4 (cluster orchestra): has no reference summaries", "skipped")
    assert len(proc.stderr.strip().splitlines()) == 2
    assert proc.stdout.startswith("mixed: 2 clusters (2 bad skipped), 100 words")


def test_cli_unknown_method_exits_2_with_one_line(data: Path) -> None:
    proc = run("eval", str(data), "--methods", "lead,bogus")
    assert proc.returncode == 2 and proc.stdout == ""
    assert_one_line_error(proc, "unknown summarization method 'bogus'", "choose one of:")
    assert len(proc.stderr.strip().splitlines()) == 1


def test_cli_bad_limit_and_words_exit_2(data: Path) -> None:
    assert_one_line_error(proc := run("eval", str(data), "--limit", "0"), "--limit")
    assert proc.returncode == 2
    assert_one_line_error(proc := run("eval", str(data), "--words", "0"), "error: --words must be")
    assert proc.returncode == 2


def test_cli_missing_file_and_empty_file(tmp_path: Path) -> None:
    proc = run("eval", str(tmp_path / "absent.jsonl"))
    assert proc.returncode == 1
    assert_one_line_error(proc, "absent.jsonl: no such file")
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n")
    proc = run("eval", str(empty), "--methods", "lead")
    assert proc.returncode == 1
    assert_one_line_error(proc, "holds no usable clusters")


def test_cli_without_the_eval_extra_says_what_to_install(data: Path) -> None:
    code = (
        "import sys; sys.modules['rouge_score'] = None\n"
        "from synoptic.cli import main\n"
        f"sys.exit(main(['eval', {str(data)!r}, '--methods', 'lead']))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120, text=True)
    assert proc.returncode == 1 and proc.stdout == ""
    assert_one_line_error(proc, "pip install 'synoptic[eval]'")


def test_cli_cluster_that_cannot_be_briefed_is_reported_once(tmp_path: Path) -> None:
    junk = {"id": "junk", "summary": ["Nothing here."], "articles": [{"id": "j1", "text": "MOST READ"}]}
    path = write_jsonl(tmp_path / "junk.jsonl", [CLUSTERS[0], junk])
    proc = run("eval", str(path), "--methods", "lead,default")
    assert proc.returncode == 1
    assert_one_line_error(proc, "junk.jsonl line 2 (cluster junk): no usable sentences", "(method lead); skipped")
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "every method: 1 cluster(s) failed" in proc.stdout
