"""The brief carries the cross-source sections end to end, and --no-analysis leaves them out."""

from __future__ import annotations

import json
import subprocess
import sys

from synoptic import Options, make_brief
from synoptic.ingest import read_inputs
from tests.conftest import SAMPLE


def sample_brief(**options):
    return make_brief(read_inputs([str(SAMPLE)]).articles, Options(**options))


def test_sample_brief_has_every_section_and_marks_the_copy() -> None:
    brief = sample_brief(words=150)
    assert brief.facts and brief.conflicts and brief.timeline and brief.entities and brief.quotes
    copies = {s.id: s.duplicate_of for s in brief.sources if s.duplicate_of}
    assert copies == {"02_syndicated": "01_wire"}
    merged = {e["name"]: set(e.get("variants", ())) for e in brief.entities}
    assert any({"Tamsin Okafor", "Tamsin Okafur"} <= {name} | variants for name, variants in merged.items())


def test_facts_never_count_a_copy_as_independent() -> None:
    brief = sample_brief()
    for fact in brief.facts:
        independent = {s for s in fact["sources"] if s != "02_syndicated"}
        assert len(independent) >= 2, fact


def test_disputed_flags_point_at_conflict_sentences() -> None:
    brief = sample_brief(words=400)
    contested = {(e["article"], e["sentence"]) for c in brief.conflicts for cl in c["claims"] for e in cl.get("evidence", ())}
    for sentence in brief.summary:
        assert sentence.disputed == any((e.article, e.sentence) in contested for e in sentence.evidence)
    assert any(s.disputed for s in brief.summary)


def test_the_latest_report_is_left_out_when_the_summary_already_shows_it() -> None:
    brief = sample_brief()
    shown = {(e.article, e.sentence) for s in brief.summary for e in s.evidence}
    latest = make_brief(read_inputs([str(SAMPLE)]).articles, Options(words=20)).latest  # too short a summary to hold it
    assert latest and latest[0]["sources"] == ["05_followup"]
    assert (latest[0]["evidence"][0]["article"], latest[0]["evidence"][0]["sentence"]) in shown and brief.latest == ()


def test_no_analysis_option_and_flag() -> None:
    brief = sample_brief(analysis=False)
    assert not (brief.facts or brief.conflicts or brief.timeline or brief.entities or brief.quotes)
    proc = subprocess.run(
        [sys.executable, "-m", "synoptic", "brief", str(SAMPLE), "--format", "json", "--no-analysis"],
        capture_output=True, timeout=120,
    )
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["conflicts"] == []


def test_seed_brief_sections(seeds_dir) -> None:
    brief = make_brief(read_inputs([str(seeds_dir)]).articles, Options(words=150))
    sun, times, _k24, reuters = (s.id for s in brief.sources)
    names = {e["name"]: set(e.get("variants", ())) for e in brief.entities}
    assert any({"Raqqa", "Raqqah"} <= {n} | v for n, v in names.items())
    assert any({"Mustafa Bali", "Mostafa Bali"} <= {n} | v for n, v in names.items())
    dated = {(t["date"], t["text"].split(",")[0]) for t in brief.timeline}
    assert ("2017-10-17", "After four-months of fighting") in dated  # the SDF's announcement, "said Tuesday"
    assert any(d == "2017-10-16" and t.startswith("U.S.-backed militias battled") for d, t in dated)
    by_topic = {c["about"]: c["claims"] for c in brief.conflicts}
    fighters = next(claims for about, claims in by_topic.items() if about.startswith("number of"))
    values = {c["value"]: (c["sources"], c["speaker"]) for c in fighters}
    assert values["about 100 Islamic State extremists"] == ([times], "a spokesman for the U.S.-led coalition")
    assert values["200-300 foreign jihadists"] == ([reuters], "the SDF")
    assert values["up to 300 fighters"][0] == [sun]
    control = next(claims for about, claims in by_topic.items() if about.startswith("extent of control"))
    speakers = {c["speaker"]: c["value"] for c in control}
    assert "whole city" in speakers["Mustafa Bali"] and "10% of the city" in speakers["Col. Ryan Dillon"]
    for fact in brief.facts:  # no source counted twice, none without independent backing
        assert fact["independent"] >= 2 and len(set(fact["sources"])) == len(fact["sources"])
    # the summary reads as of Monday's fighting; the newest report (Tuesday) says the city has fallen
    [latest] = brief.latest
    assert latest["date"] == "2017-10-17" and latest["sources"] == [times] and "wrested control of Raqqah" in latest["text"]


def test_sections_are_well_formed_on_tac(shared_data) -> None:
    from synoptic.ingest import iter_clusters
    from synoptic.pipeline import brief_cluster

    for i, cluster in enumerate(iter_clusters(shared_data / "tac2010_A.jsonl")):
        if i == 10:
            break
        brief = brief_cluster(cluster, Options(min_articles=1)).to_dict()
        ids = {s["id"] for s in brief["sources"]}
        items = brief["facts"] + brief["timeline"] + brief["entities"] + brief["quotes"]
        items += [claim for c in brief["conflicts"] for claim in c["claims"]]
        for item in items:
            assert item["sources"] and set(item["sources"]) <= ids, item
        for conflict in brief["conflicts"]:
            assert len({claim["value"] for claim in conflict["claims"]}) >= 2
