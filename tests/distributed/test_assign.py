"""The order-dependent steps of the Spark job, without Spark: they must reproduce the story store."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import numpy as np

from synoptic.distributed.assign import StoryAssigner, TermCounts, WindowSignatures
from synoptic.stories import StoryStore
from synoptic.stories.cluster import REFINE_EVERY_DAYS, story_id_for
from synoptic.stories.features import day_iso, parse_day, term_counts
from tests.stories.helpers import interleaved, story_articles
from tests.stories.test_cluster import signatures, unit


def windowed_signatures(articles, window_days: int):
    """Signatures computed window by window, each window starting from the counts of the earlier
    ones, as the job's header rows give them."""
    rows = [(a.id, parse_day(a.date), term_counts(a)) for a in articles]
    seen: Counter[int] = Counter()
    out = []
    for window in sorted({day // window_days for _, day, _ in rows}):
        members = [r for r in rows if r[1] // window_days == window]
        used = sorted({f for _, _, counts in members for f in counts})
        computer = WindowSignatures(np.array(used, dtype=np.int64), np.array([seen[f] for f in used], dtype=np.int32), sum(1 for r in rows if r[1] // window_days < window))
        for article, day, counts in members:
            out.append(computer.signature(TermCounts(article, day, np.fromiter(counts, dtype=np.int32), np.fromiter(counts.values(), dtype=np.float64))))
        for _, _, counts in members:
            seen.update(counts.keys())
    return out


def test_signatures_do_not_depend_on_the_windows():
    articles = interleaved() + story_articles("bridge", start_day=20)
    whole = signatures(articles)
    for window_days in (1, 2, 7, 1000):
        assert windowed_signatures(articles, window_days) == whole


def test_the_assigner_places_articles_and_copies_as_the_store_does(tmp_path):
    original = story_articles("beetle")[0]
    copy = replace(original, id="copy", text=original.text.replace("bright copper", "shiny copper") + " Photo: Calder University.")
    undated = replace(story_articles("club")[2], id="club-late", text=story_articles("club")[2].text + " More later.", date=None)  # a copy too
    stream = interleaved()[:3] + [copy] + interleaved()[3:] + [undated]  # in date order, as the store assigns
    with StoryStore(tmp_path / "s.db") as store:
        store.ingest(stream)
        expected = store.db.execute("SELECT id, story, duplicate_of FROM articles ORDER BY seq").fetchall()
    newest = max(parse_day(a.date) for a in stream if a.date)
    dated = [replace(a, date=a.date or day_iso(newest)) for a in stream]  # the store gives undated articles the newest day
    originals = {"copy": "beetle-1", "club-late": "club-3"}  # what the job's near-duplicate join finds
    assigner = StoryAssigner()
    placed = [assigner.add(s, originals.get(s.article), s.article in originals.values()) for s in signatures(dated)]
    last_move = {article: story for p in placed for article, story in p.moves}
    redirects = assigner.redirects()

    def final(p):
        story = last_move.get(p.article, p.story)
        return redirects.get(story, story)

    assert [(p.article, final(p), p.duplicate_of) for p in placed] == expected
    assert dict((p.article, p.story) for p in placed)["copy"] == story_id_for("beetle-1")


def test_merges_are_redirected_to_the_surviving_story():
    assigner = StoryAssigner()
    placed = [assigner.add(s) for s in [unit("x1", 1, f1=1.0), unit("y1", 2, f2=1.0), unit("b1", 3, f1=1, f2=1), unit("b2", 4, f1=1, f2=1)]]
    assert placed[1].story == story_id_for("y1")  # where y1 went at the time
    assert assigner.redirects() == {story_id_for("y1"): story_id_for("x1")}


def test_a_copy_of_a_copy_names_the_first_original_and_old_originals_are_forgotten():
    assigner = StoryAssigner()
    assigner.add(unit("a", 1, f1=1.0), is_original=True)
    second = assigner.add(unit("a-copy", 2, f1=1.0), original="a", is_original=True)
    third = assigner.add(unit("a-copy-2", 3, f1=1.0), original="a-copy")
    assert (second.duplicate_of, third.duplicate_of) == ("a", "a")
    assigner.add(unit("later", 100, f9=1.0))
    assert assigner.originals == {}  # nothing older than the near-duplicate window is kept


def test_refinement_moves_are_handed_on_with_the_next_placement_not_kept():
    stream = [
        unit("a1", 1, f1=1, f2=1), unit("a2", 2, f1=1, f2=1), unit("x", 3, f1=0.3, f3=1, f4=1),
        unit("b1", 4, f3=1, f4=1, f5=3, f6=3), unit("b2", 5, f3=1, f4=1, f5=3, f6=3),
        unit("b3", 6, f3=1, f4=1, f5=3, f6=3), unit("later", REFINE_EVERY_DAYS + 1, f20=1),
    ]
    assigner = StoryAssigner()
    placed = [assigner.add(s) for s in stream]
    assert [p.moves for p in placed] == [()] * 6 + [(("x", story_id_for("b1")),)]  # refined as "later" came
    assert placed[2].story == story_id_for("a1")  # where x went at the time
