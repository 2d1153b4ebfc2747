"""Near-duplicate (syndicated copy) detection: invented articles, the bundled sample, shared data."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from synoptic import Options, make_brief
from synoptic.clean import clean_cluster
from synoptic.clean.duplicates import COPY_MIN_JACCARD, MIN_SHINGLES, copy_pairs, find_copies, jaccard, shingles
from synoptic.ingest import read_inputs
from synoptic.ingest.jsonfmt import iter_clusters
from synoptic.model import Article, Cluster
from synoptic.render.markdown import to_markdown
from tests.conftest import ROOT, SAMPLE

# An invented story (Calder Vale bridge), written for these tests.
PARAGRAPHS = [
    "BRANNOCK, Calder Vale, June 3 (Lantern Wire) - The old stone bridge over the River Tessel at Brannock was closed "
    "to all traffic on Tuesday after inspectors found a crack running across two of its three arches.",
    "The Calder Vale highways department said the closure would last at least a month while engineers decided whether "
    "the eighteenth-century crossing could be repaired or would have to be rebuilt in part.",
    "Buses between Brannock and the market town of Ostley were diverted over the Millford weir road, adding about "
    "twenty minutes to each journey, and a temporary footbridge is due to open next week.",
    '"We could not take any risk with a structure of this age carrying modern lorries," said Petra Lindqvist, '
    "the department's chief engineer, who added that the crack had widened since the spring survey.",
    "Shopkeepers on the north bank said trade had already fallen, because most of their customers live on the far "
    "side of the river and now face a long detour to reach the high street.",
    "The bridge, listed as a monument in 1971, last underwent major repairs in the 1990s, when its parapets were "
    "rebuilt after a delivery van struck them during a winter storm.",
    "A petition calling for the crossing to be saved had gathered more than four thousand signatures by Tuesday "
    "night, and the local history society offered to help pay for a detailed survey of the foundations.",
    "The department will publish the inspectors' full report on its website on Friday and said it would hold a "
    "public meeting in Brannock before any decision on the bridge's future is taken.",
]
ORIGINAL = "\n\n".join(PARAGRAPHS)

# Syndication prefix, a photo caption inserted, one word changed ("closed" → "shut"), last paragraph dropped.
EDITED_COPY = "\n\n".join(
    [
        "Ostley Online: " + PARAGRAPHS[0].replace("was closed", "was shut"),
        PARAGRAPHS[1],
        "Inspectors examine the cracked arches of the bridge at Brannock on Tuesday. PHOTO: Anders Holm/Lantern Wire",
        *PARAGRAPHS[2:7],
    ]
)

# Another outlet's own report of the same event: two sentences shared (the quote and the bus diversion).
SAME_EVENT = "\n\n".join(
    [
        "Drivers in Brannock face weeks of disruption after engineers shut the town's historic river crossing "
        "on Tuesday afternoon, warning that the damage was worse than they had feared.",
        PARAGRAPHS[3],
        "Inspectors first noticed hairline cracks in March, and a second visit last week showed they had spread "
        "across the arches nearest the church, according to documents seen by the Gazette.",
        PARAGRAPHS[2],
        "Local councillor Ewan Brodie called for a replacement crossing to be built downstream, arguing that the "
        "old bridge had been carrying far more traffic than its builders ever imagined.",
        "Residents will meet council officers at the Brannock community centre on Thursday evening to discuss "
        "parking, school runs and deliveries during the closure.",
    ]
)

# A second, independent copy: a label line added, last paragraph dropped, one word changed further down.
SECOND_COPY = "\n\n".join(
    ["Brannock bridge closed after cracks found in arches.", *PARAGRAPHS[:3], PARAGRAPHS[3].replace("modern", "heavy"), *PARAGRAPHS[4:7]]
)


def cleaned(*texts: str, dates: tuple[str | None, ...] = (), ids: tuple[str, ...] = ()):
    articles = [
        Article(id=ids[i] if ids else f"a{i + 1}", text=t, date=dates[i] if dates else None) for i, t in enumerate(texts)
    ]
    return clean_cluster(articles)


def test_exact_copy_is_found() -> None:
    assert find_copies(cleaned(ORIGINAL, ORIGINAL)) == {"a2": "a1"}


def test_lightly_edited_copy_is_found() -> None:
    articles = cleaned(ORIGINAL, EDITED_COPY)
    assert jaccard(shingles(articles[0]), shingles(articles[1])) >= COPY_MIN_JACCARD
    assert find_copies(articles) == {"a2": "a1"}


def test_same_event_reports_sharing_sentences_are_not_copies() -> None:
    articles = cleaned(ORIGINAL, SAME_EVENT, EDITED_COPY)
    score = jaccard(shingles(articles[0]), shingles(articles[1]))
    assert 0.1 < score < COPY_MIN_JACCARD / 2  # they do share text, just far from a copy's share
    assert find_copies(articles) == {"a3": "a1"}
    assert find_copies(cleaned(SAME_EVENT, ORIGINAL)) == {}


def test_three_way_copies_all_point_at_the_earliest_dated() -> None:
    articles = cleaned(EDITED_COPY, SECOND_COPY, ORIGINAL, SAME_EVENT, dates=("2025-06-04", "2025-06-05", "2025-06-03", "2025-06-02"))
    assert find_copies(articles) == {"a1": "a3", "a2": "a3"}


def test_without_dates_or_with_equal_dates_the_first_in_input_order_is_the_original() -> None:
    assert find_copies(cleaned(EDITED_COPY, ORIGINAL, SECOND_COPY)) == {"a2": "a1", "a3": "a1"}
    same_day = ("2025-06-03",) * 3
    assert find_copies(cleaned(EDITED_COPY, ORIGINAL, SECOND_COPY, dates=same_day)) == {"a2": "a1", "a3": "a1"}
    # An undated article cannot be ordered against a dated one: input order decides.
    assert find_copies(cleaned(EDITED_COPY, ORIGINAL, dates=(None, "2025-06-01"))) == {"a2": "a1"}


def test_on_one_day_the_outlet_a_copy_credits_is_the_original() -> None:
    # ORIGINAL's dateline credits "Lantern Wire"; a client's copy of the same day, first in file order, keeps it
    articles = [
        Article(id="client", text=EDITED_COPY, date="2025-06-03", source="Ostley Courier"),
        Article(id="wire", text=ORIGINAL, date="2025-06-03", source="Lantern Wire"),
    ]
    assert find_copies(clean_cluster(articles)) == {"client": "wire"}
    earlier = [articles[0], Article(id="wire", text=ORIGINAL, date="2025-06-04", source="Lantern Wire")]
    assert find_copies(clean_cluster(earlier)) == {"wire": "client"}  # an earlier date still decides


def test_ids_are_kept_and_keys_come_in_input_order() -> None:
    copies = find_copies(cleaned(ORIGINAL, SAME_EVENT, SECOND_COPY, EDITED_COPY, ids=("wire", "gazette", "x", "y")))
    assert list(copies.items()) == [("x", "wire"), ("y", "wire")]


def test_empty_short_and_lone_articles_are_never_copies() -> None:
    assert find_copies([]) == {}
    assert find_copies(cleaned(ORIGINAL)) == {}
    assert find_copies(cleaned("", "", ORIGINAL)) == {}
    short = "Bridge closed at Brannock after inspectors found a crack in the arches."
    articles = cleaned(short, short, short)
    assert len(shingles(articles[0])) < MIN_SHINGLES
    assert find_copies(articles) == {}


def test_pairs_are_confirmed_with_exact_jaccard() -> None:
    articles = cleaned(ORIGINAL, SAME_EVENT, EDITED_COPY, SECOND_COPY)
    sets = [shingles(a) for a in articles]
    expected = [(i, j) for i, j in itertools.combinations(range(4), 2) if jaccard(sets[i], sets[j]) >= COPY_MIN_JACCARD]
    assert [(i, j) for i, j, _ in copy_pairs(articles)] == expected == [(0, 2), (0, 3), (2, 3)]
    assert all(score == jaccard(sets[i], sets[j]) for i, j, score in copy_pairs(articles))


_DETERMINISM_SCRIPT = """
import json, sys
from synoptic.clean import clean_cluster
from synoptic.clean.duplicates import copy_pairs, find_copies
from synoptic.model import Article
texts = json.loads(sys.stdin.read())
articles = clean_cluster([Article(id=f"a{i}", text=t) for i, t in enumerate(texts)])
print(json.dumps([find_copies(articles), copy_pairs(articles)]))
"""


def test_deterministic_across_processes_and_hash_seeds() -> None:
    texts = json.dumps([SAME_EVENT, EDITED_COPY, ORIGINAL, SECOND_COPY])
    outputs = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", _DETERMINISM_SCRIPT], input=texts, capture_output=True, text=True, env=env, cwd=ROOT, check=True
        )
        outputs.add(run.stdout)
    assert len(outputs) == 1
    assert json.loads(outputs.pop())[0] == {"a2": "a1", "a3": "a1"}


def test_sample_marks_only_the_syndicated_copy() -> None:
    articles = read_inputs([str(SAMPLE)]).articles
    assert find_copies(clean_cluster(articles)) == {"02_syndicated": "01_wire"}
    brief = make_brief(articles, Options())
    assert {s.id: s.duplicate_of for s in brief.sources if s.duplicate_of} == {"02_syndicated": "01_wire"}
    assert brief.meta["copies"] == 1
    assert brief.to_dict()["sources"][1]["duplicate_of"] == "01_wire"
    source_lines = [line for line in to_markdown(brief).splitlines() if "(copy of " in line]
    assert len(source_lines) == 1 and "(copy of 01_wire)" in source_lines[0] and "`02_syndicated`" in source_lines[0]


def test_copies_share_a_family_in_the_default_method() -> None:
    from synoptic.analyze.sentences import build_corpus
    from synoptic.summarize.methods import copy_families

    articles = cleaned(ORIGINAL, SAME_EVENT, SECOND_COPY)
    corpus = build_corpus(articles)
    corpus.copies = find_copies(articles)
    family = copy_families(corpus)
    assert family["a1"] == family["a3"] != family["a2"]


def test_seed_articles_are_all_independent(seeds_dir: Path) -> None:
    articles = read_inputs([str(seeds_dir)]).articles
    brief = make_brief(articles, Options())
    assert all(s.duplicate_of is None for s in brief.sources)
    assert brief.meta["copies"] == 0


def test_copies_in_tac2010_first_clusters_clear_the_threshold(shared_data: Path) -> None:
    path = shared_data / "tac2010_A.jsonl"
    if not path.exists():
        pytest.skip("../shared/data/tac2010_A.jsonl is not present")
    clusters = [c for c in itertools.islice(iter_clusters(path), 10) if isinstance(c, Cluster)]
    found = 0
    for cluster in clusters:
        articles = clean_cluster(cluster.articles)
        sets = [shingles(a) for a in articles]
        pairs = copy_pairs(articles)
        for i, j, score in pairs:
            assert jaccard(sets[i], sets[j]) == score >= COPY_MIN_JACCARD
        exact = [
            (i, j)
            for i, j in itertools.combinations(range(len(sets)), 2)
            if min(len(sets[i]), len(sets[j])) >= MIN_SHINGLES and jaccard(sets[i], sets[j]) >= COPY_MIN_JACCARD
        ]
        assert [(i, j) for i, j, _ in pairs] == exact  # LSH missed no pair the exact comparison finds
        found += len(find_copies(articles))
    print(f"tac2010_A, first {len(clusters)} clusters: {found} copies found")
