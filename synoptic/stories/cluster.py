"""Online, time-aware grouping of articles into stories: the pure core, with no storage in it.

Each article (a Signature) is compared with the *active* stories that share one of its blocking
keys, through an inverted index over every active story's heaviest centroid terms, so the cost of
an article does not grow with the history. It joins the best-scoring story when the score clears
ASSIGN_MIN_SIMILARITY, else it starts a new story. A story that grows takes in the small fragments
(a lone article, or two or three) that it has grown close to: most of what a single pass splits off
a story is such fragments, left behind by articles that arrived before the story had the terms that
match them. A story that has had no article for STORY_IDLE_DAYS is closed and leaves memory; so do
the stalest ones when more than MAX_ACTIVE_STORIES are open. Memory is therefore bounded by the window, not by the stream.

A single pass decides each article once, against the stories as they were when it arrived. Each
time the clock enters a new period of REFINE_EVERY_DAYS, ``refine`` re-examines every article of
the active stories against their current centroids and moves the ones now clearly closer to another
active story (k-means rounds, bounded): the window keeps each active story's member vectors for it.

Story ids derive from the story's first article id, so the same stream gives the same ids in every
process; when two stories merge, the one whose first article came first keeps its id.
"""

from __future__ import annotations

import hashlib
import heapq
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain, repeat
from operator import itemgetter, mul

import numpy as np
from scipy import sparse

from synoptic.stories.features import Signature

# The thresholds below were calibrated by replaying the dev stream of benchmarks/make_story_stream.py
# (tac2010_A + duc2006 + duc2007_update + multiling2011, 2,041 articles, 116 gold stories) with
# `synoptic eval-stories` and a grid over each constant; see the stories note for the figures.
# Score (cosine × time factor) an article needs to join a story; a lone-article story is also taken
# in by a grown story when its article would now score this much. With fragment absorption (below),
# 0.14 was picked by a leave-one-dataset-out check over the four dev sets (each held-out set chose
# 0.14 or 0.15 on the other three); 0.12-0.15 score BCubed F1 0.855-0.871 on the whole stream.
# Without absorption 0.13 was best (0.853; 0.10 let big stories swallow their neighbours).
ASSIGN_MIN_SIMILARITY = 0.14
# Time factor: exp(-gap / TIME_SCALE_DAYS), gap = days since the story's last article. The dev
# stories are long-running topics with gaps of up to two years between reports, so the decay is slow
# (1,000 days and no decay at all both scored 0.5-1 point lower).
TIME_SCALE_DAYS = 3000.0
# Close a story after this many days without an article. The longest gap inside a dev story is 736
# days (a DUC 2006 topic); 365 days cost 1.5 BCubed F1 points, 2,000 days gained nothing. A
# newsroom stream of short events can use a far shorter window (`--idle-days`).
STORY_IDLE_DAYS = 800
MAX_ACTIVE_STORIES = 20_000  # hard memory bound: beyond it the stalest stories are closed first
CENTROID_TERMS = 100  # terms kept in a story's centroid: 50, 200 and 400 scored within ±0.4 point
# Candidate retrieval: a story is indexed under its INDEX_TERMS heaviest centroid terms and an article
# looks up its BLOCKING_TERMS (features.py) heaviest terms; only the MAX_CANDIDATES stories sharing the
# most keys are scored. On the dev stream 20 keys × 40 index terms group exactly as scoring every active
# story that shares any term does (BCubed F1 0.858); 10 × 20 missed candidates (0.845) and split the
# bundled sample's follow-up report off its story.
INDEX_TERMS = 40
MAX_CANDIDATES = 40
# Two stories merge when one article scores above ASSIGN_MIN_SIMILARITY for both and their
# centroids are at least this similar: the article bridges two halves of one story. Rarely fires on
# the dev stream (0.4 and no merging tie); 0.25 merges distinct topics that share vocabulary.
MERGE_MIN_SIMILARITY = 0.4
# Fragment absorption: after a story grows, the article's other candidate stories (those sharing its
# blocking keys) with at most FRAGMENT_MAX_SIZE articles, and no larger than the story, join it when
# their centroid's cosine with its centroid reaches ASSIGN_MIN_SIMILARITY (one article: the score it
# would now get) or FRAGMENT_MIN_SIMILARITY (two or three). Dev stream BCubed F1 0.853 -> 0.869, and
# up on every source set alone (tac2010_A 0.887 -> 0.922, duc2006 0.858 -> 0.878, duc2007_update
# 0.898 -> 0.924, multiling2011 0.902 -> 0.947). Fragments up to 5 articles, or a threshold of 0.3,
# gained less; 0.2 and 0.25 tie within 0.3 point (0.2 won the leave-one-dataset-out check 2 of 4).
FRAGMENT_MAX_SIZE = 3
FRAGMENT_MIN_SIMILARITY = 0.2
# Refinement (``refine``): when the clock enters a new period of REFINE_EVERY_DAYS, each article of
# an active story moves to the active story it now scores best on (the assignment's score, the
# article left out of its own story's centroid) when that score reaches ASSIGN_MIN_SIMILARITY (a
# lone article's: REFINE_LONE_MIN_SIMILARITY) and beats its own story's by REFINE_MARGIN; at most
# REFINE_ROUNDS rounds. Dev stream BCubed F1 0.869 -> 0.881 (P 0.873 -> 0.857, R 0.864 -> 0.907); each
# set alone: tac2010_A 0.922 -> 0.947, duc2006 0.878 -> 0.885, duc2007_update 0.924 -> 0.950,
# multiling2011 0.947 (unchanged). Grid: period 30/90/180 days, margin 0/0.02/0.05, lone 0.10/0.12/0.14;
# leave-one-dataset-out (chosen on the other three sets) picked lone 0.10 and margin 0-0.02 for every
# held-out set. A 30-day period scores 0.882 but sweeps three times as often (speed); 180 days 0.874;
# only re-examining the last 30-365 days' articles kept under half the gain. Cost: ~20% of ingest speed.
# The period stays the same with a shorter --idle-days. Refining once per window instead (every 60 days
# at --idle-days 60) was measured both ways: dev stream at --idle-days 15/30/60, F1 0.476 -> 0.479,
# 0.535 -> 0.535, 0.612 -> 0.623; but the synthetic stream of benchmarks/spark_scaling.py (a year,
# --idle-days 60) fell, 0.859 -> 0.848 on 20k articles and 0.817 -> 0.804 on 200k. A tenth of the
# window (every 6 days) made the Spark job's assignment of 200k articles take 270 s against 96 s.
REFINE_EVERY_DAYS = 90
REFINE_ROUNDS = 2
REFINE_MARGIN = 0.02
REFINE_LONE_MIN_SIMILARITY = 0.10


def story_id_for(article_id: str) -> str:
    """A story's id, from its first article's id (short, stable, safe in URLs)."""
    return "s" + hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:12]


@dataclass
class Story:
    """An active story's state: plain data that the store persists and a Spark job can rebuild."""

    id: str
    first_article: str
    first_day: int
    last_day: int
    size: int
    centroid: dict[int, float] = field(default_factory=dict)  # sum of member vectors, truncated
    norm: float = 0.0  # the centroid's L2 norm, kept current by set_centroid

    def __post_init__(self) -> None:
        self.set_centroid(self.centroid)

    def set_centroid(self, centroid: dict[int, float]) -> None:
        self.centroid = _truncate(centroid)
        weights = self.centroid.values()
        self.norm = math.sqrt(sum(map(mul, weights, weights))) or 1.0

    def index_keys(self) -> tuple[int, ...]:
        return tuple(f for f, _ in _heaviest_first(self.centroid)[:INDEX_TERMS])

    def order_key(self) -> tuple[int, str]:
        """Earlier stories first: the survivor of a merge is the smaller key."""
        return (self.first_day, self.first_article)


def _truncate(centroid: dict[int, float]) -> dict[int, float]:
    if len(centroid) <= CENTROID_TERMS:
        return centroid
    return dict(_heaviest_first(centroid)[:CENTROID_TERMS])


def _heaviest_first(centroid: dict[int, float]) -> list[tuple[int, float]]:
    """(feature, weight) by weight descending, ties by feature: sorted by feature, then stably by weight
    (reverse keeps equal weights in feature order), which spares a key tuple per item."""
    return sorted(sorted(centroid.items()), key=itemgetter(1), reverse=True)


def new_story(signature: Signature) -> Story:
    return Story(
        id=story_id_for(signature.article),
        first_article=signature.article,
        first_day=signature.day,
        last_day=signature.day,
        size=1,
        centroid=dict(signature.terms),
    )


def add_article(story: Story, signature: Signature) -> None:
    """Fold the article's vector into the centroid and move the story's clock."""
    centroid = story.centroid
    for feature, weight in signature.terms:
        centroid[feature] = centroid.get(feature, 0.0) + weight
    story.set_centroid(centroid)
    story.size += 1
    story.last_day = max(story.last_day, signature.day)


def similarity(signature: Signature, story: Story) -> float:
    """Cosine of the article with the story's centroid, damped by the days since the story's last article."""
    dot = sum(map(mul, signature.weights, map(story.centroid.get, signature.features, repeat(0.0))))
    gap = max(0, signature.day - story.last_day)
    return dot / story.norm * math.exp(-gap / TIME_SCALE_DAYS)


def centroid_similarity(a: Story, b: Story) -> float:
    small, large = (a, b) if len(a.centroid) <= len(b.centroid) else (b, a)
    dot = sum(map(mul, small.centroid.values(), map(large.centroid.get, small.centroid, repeat(0.0))))
    return dot / (a.norm * b.norm)


def merge_stories(a: Story, b: Story) -> tuple[Story, Story]:
    """(survivor, absorbed): the earlier story takes in the other's centroid, size and days."""
    survivor, absorbed = (a, b) if a.order_key() <= b.order_key() else (b, a)
    centroid = dict(survivor.centroid)
    for feature, weight in absorbed.centroid.items():
        centroid[feature] = centroid.get(feature, 0.0) + weight
    survivor.set_centroid(centroid)
    survivor.size += absorbed.size
    survivor.first_day = min(survivor.first_day, absorbed.first_day)
    survivor.last_day = max(survivor.last_day, absorbed.last_day)
    return survivor, absorbed


@dataclass(frozen=True)
class Member:
    """An article of an active story, as refinement needs it: its day and its vector as arrays."""

    article: str
    day: int
    features: np.ndarray  # int64, heaviest first
    weights: np.ndarray  # float64, L2 norm 1

    @classmethod
    def of(cls, signature: Signature) -> Member:
        features, weights = np.array(signature.features, dtype=np.int64), np.array(signature.weights, dtype=np.float64)
        return cls(signature.article, signature.day, features, weights)

    def order_key(self) -> tuple[int, str]:
        return (self.day, self.article)


@dataclass(frozen=True)
class Assignment:
    """Where one article went: its story, whether that story is new, and stories merged into it."""

    article: str
    story: str
    created: bool
    score: float
    merged: tuple[str, ...] = ()


@dataclass
class ActiveStories:
    """The sliding window: active stories, the inverted index over their top terms, and an expiry heap."""

    stories: dict[str, Story] = field(default_factory=dict)
    index: dict[int, set[str]] = field(default_factory=dict)
    keys: dict[str, tuple[int, ...]] = field(default_factory=dict)
    expiry: list[tuple[int, str]] = field(default_factory=list)  # (last_day, story), lazily validated
    members: dict[str, list[Member]] = field(default_factory=dict)  # each active story's articles
    idle_days: int = STORY_IDLE_DAYS
    max_active: int = MAX_ACTIVE_STORIES

    def __len__(self) -> int:
        return len(self.stories)

    def put(self, story: Story) -> None:
        """Insert or refresh a story: re-index it under its current top terms."""
        old = self.keys.get(story.id, ())
        new = story.index_keys()
        if old != new:
            for key in set(old) - set(new):
                holders = self.index.get(key)
                if holders is not None:
                    holders.discard(story.id)
                    if not holders:
                        del self.index[key]
            for key in set(new) - set(old):
                self.index.setdefault(key, set()).add(story.id)
            self.keys[story.id] = new
        self.stories[story.id] = story
        heapq.heappush(self.expiry, (story.last_day, story.id))

    def start(self, signature: Signature) -> Story:
        """A new story of one article."""
        story = new_story(signature)
        self.members[story.id] = [Member.of(signature)]
        self.put(story)
        return story

    def join(self, story: Story, signature: Signature) -> None:
        """The article joins ``story`` (an active one)."""
        add_article(story, signature)
        self.members[story.id].append(Member.of(signature))
        self.put(story)

    def merge(self, story: Story, other: Story) -> tuple[Story, Story]:
        """(survivor, absorbed) of merging two active stories; the caller re-puts the survivor."""
        survivor, absorbed = merge_stories(story, other)
        moved = self.members.pop(absorbed.id, [])
        self.remove(absorbed.id)
        self.members[survivor.id].extend(moved)
        return survivor, absorbed

    def remove(self, story_id: str) -> Story | None:
        self.members.pop(story_id, None)
        story = self.stories.pop(story_id, None)
        for key in self.keys.pop(story_id, ()):
            holders = self.index.get(key)
            if holders is not None:
                holders.discard(story_id)
                if not holders:
                    del self.index[key]
        return story

    def candidates(self, signature: Signature) -> list[Story]:
        """Active stories sharing a blocking key with the article, most shared keys first."""
        shared = Counter(chain.from_iterable(self.index.get(key, ()) for key in signature.blocking_keys))
        best = sorted(shared, key=lambda s: (-shared[s], s))[:MAX_CANDIDATES]
        return [self.stories[s] for s in best]

    def close_idle(self, clock: int) -> list[Story]:
        """Close stories idle for more than ``idle_days`` before ``clock``, then the stalest
        beyond ``max_active``; returns them in closing order."""
        closed = []
        while self.expiry:
            last_day, story_id = self.expiry[0]
            story = self.stories.get(story_id)
            if story is None or story.last_day != last_day:
                heapq.heappop(self.expiry)  # stale entry: the story moved on, merged or closed
                continue
            if clock - last_day <= self.idle_days and len(self.stories) <= self.max_active:
                break
            heapq.heappop(self.expiry)
            self.remove(story_id)
            closed.append(story)
        return closed


def assign(signature: Signature, window: ActiveStories) -> tuple[Assignment, list[Story]]:
    """Put one article into a story of ``window`` (or a new one), merging the stories it bridges.

    Returns the assignment and the stories whose state changed (to persist). Deterministic: ties
    on score break on story order (earlier first)."""
    scored = [(similarity(signature, s), s) for s in window.candidates(signature)]
    scored.sort(key=lambda pair: (-pair[0], pair[1].order_key()))
    if not scored or scored[0][0] < ASSIGN_MIN_SIMILARITY:
        story = window.start(signature)
        return Assignment(signature.article, story.id, True, scored[0][0] if scored else 0.0), [story]
    score, story = scored[0]
    window.join(story, signature)
    merged: list[str] = []
    for other_score, other in scored[1:]:
        if other.id in window.stories and (bridged(story, other, other_score) or is_fragment_of(other, story)):
            story, absorbed = window.merge(story, other)
            merged.append(absorbed.id)
    if merged:  # joining already re-indexed the story
        window.put(story)
    return Assignment(signature.article, story.id, False, score, tuple(merged)), [story]


def bridged(story: Story, other: Story, article_score: float) -> bool:
    """The article that just joined ``story`` also fits ``other``, and their centroids are close: one story."""
    return article_score >= ASSIGN_MIN_SIMILARITY and centroid_similarity(story, other) >= MERGE_MIN_SIMILARITY


def is_fragment_of(fragment: Story, story: Story) -> bool:
    """``fragment`` is a small story (FRAGMENT_MAX_SIZE) that ``story`` has grown close to."""
    if fragment.size > FRAGMENT_MAX_SIZE or fragment.size > story.size:
        return False
    needed = ASSIGN_MIN_SIMILARITY if fragment.size == 1 else FRAGMENT_MIN_SIMILARITY
    return centroid_similarity(story, fragment) >= needed


def place(signature: Signature, window: ActiveStories, original_story: str | None = None) -> Assignment:
    """Where an article goes when ``original_story`` is the (current) story of the article it
    near-duplicates, if any: a copy joins that story while it is active; anything else is assigned."""
    story = window.stories.get(original_story) if original_story is not None else None
    if story is None:
        assignment, _ = assign(signature, window)
        return assignment
    window.join(story, signature)
    return Assignment(signature.article, story.id, False, 1.0)


@dataclass(frozen=True)
class Move:
    """One article that refinement moved from its story to another active story."""

    article: str
    source: str
    target: str


@dataclass(frozen=True)
class Refinement:
    """What one ``refine`` changed: the moves in order, the stories left with no article (each with
    the story its last article went to, which its id now resolves to) and the stories to persist."""

    moves: tuple[Move, ...] = ()
    emptied: tuple[tuple[str, str], ...] = ()
    changed: tuple[str, ...] = ()


def advance(window: ActiveStories, previous_clock: int | None, clock: int) -> tuple[list[Story], Refinement]:
    """Move the window's clock from ``previous_clock`` to ``clock``: close the idle stories, then
    refine when the clock has entered a new period of REFINE_EVERY_DAYS. Both the store and the
    Spark assigner call this before placing each article, so both refine at the same points."""
    closed = window.close_idle(clock)
    return closed, refine(window) if refinement_due(previous_clock, clock) else Refinement()


def refinement_due(previous_clock: int | None, clock: int) -> bool:
    """Whether moving the clock from ``previous_clock`` to ``clock`` enters a new period of REFINE_EVERY_DAYS."""
    return previous_clock is not None and clock // REFINE_EVERY_DAYS > previous_clock // REFINE_EVERY_DAYS


def refine(window: ActiveStories) -> Refinement:
    """Re-examine every article of the active stories (REFINE_ROUNDS rounds at most) and move each
    one that now scores clearly better on another active story; see REFINE_MARGIN."""
    moves: list[Move] = []
    emptied: list[tuple[str, str]] = []
    changed: set[str] = set()
    for _ in range(REFINE_ROUNDS):
        received: set[str] = set()
        moved_out: set[str] = set()
        done = 0
        for member, source, target in _proposed_moves(window):
            # a story that took an article this round keeps its own; an emptied one takes none
            if source.id in received or not window.members[target.id]:
                continue
            window.members[source.id].remove(member)
            window.members[target.id].append(member)
            moves.append(Move(member.article, source.id, target.id))
            received.add(target.id)
            moved_out.add(source.id)
            done += 1
        for story_id in sorted(received | moved_out):
            story = window.stories[story_id]
            if window.members[story_id]:
                _rebuild(story, window.members[story_id])
                window.put(story)
                changed.add(story_id)
            else:  # a lone article moved out (a story with more keeps its first article)
                window.remove(story_id)
                emptied.append((story_id, next(m.target for m in reversed(moves) if m.source == story_id)))
        if not done:
            break
    return Refinement(tuple(moves), tuple(emptied), tuple(sorted(changed - {gone for gone, _ in emptied})))


def _proposed_moves(window: ActiveStories) -> list[tuple[Member, Story, Story]]:
    """(article, its story, the story it should move to), scored all at once as sparse products:
    each article against every active story's summed vector, its own story's without it."""
    stories = sorted(window.stories.values(), key=Story.order_key)
    if len(stories) < 2:
        return []
    members: list[Member] = []
    owners: list[int] = []
    for j, story in enumerate(stories):
        for member in sorted(window.members[story.id], key=Member.order_key):
            members.append(member)
            owners.append(j)
    owner = np.array(owners)
    lengths = np.fromiter((len(m.features) for m in members), dtype=np.int64, count=len(members))
    features = np.concatenate([m.features for m in members])
    columns, local = np.unique(features, return_inverse=True)
    articles = sparse.csr_matrix(
        (np.concatenate([m.weights for m in members]), local, np.concatenate(([0], np.cumsum(lengths)))),
        shape=(len(members), len(columns)),
    )
    membership = sparse.csr_matrix((np.ones(len(members)), (owner, np.arange(len(members)))), shape=(len(stories), len(members)))
    sums = (membership @ articles).tocsr()
    squares = np.asarray(sums.multiply(sums).sum(axis=1)).ravel()
    dots = (articles @ sums.T).tocsr()
    dots.sort_indices()
    rows = np.repeat(np.arange(len(members)), np.diff(dots.indptr))
    cols = dots.indices
    sizes = np.bincount(owner, minlength=len(stories))
    lone = sizes[owner] == 1
    own_cell = cols == owner[rows]
    own_dot = np.zeros(len(members))
    own_dot[rows[own_cell]] = dots.data[own_cell]
    # an article's vector has norm 1: its own story without it is (sum − x), of squared norm |sum|² − 2 x·sum + 1
    own = np.where(lone, 0.0, (own_dot - 1.0) / np.sqrt(np.maximum(squares[owner] - 2.0 * own_dot + 1.0, 1e-12)))
    days = np.fromiter((m.day for m in members), dtype=np.int64, count=len(members))
    last_days = np.array([s.last_day for s in stories])
    gap = np.maximum(0, days[rows] - last_days[cols])
    scores = dots.data / np.sqrt(squares[cols]) * np.exp(-gap / TIME_SCALE_DAYS)
    scores[own_cell] = -1.0
    # per article the best other story, ties to the earlier one (a row's columns are sorted, and the
    # stories are in order); every row holds at least the article's own cell, so none is empty
    best = np.maximum.reduceat(scores, dots.indptr[:-1])
    best_rows, best_cols = rows[scores == best[rows]], cols[scores == best[rows]]
    first = np.ones(len(best_rows), dtype=bool)
    first[1:] = best_rows[1:] != best_rows[:-1]
    best_rows, best_cols = best_rows[first], best_cols[first]
    best_scores = best[best_rows]
    needed = np.where(lone[best_rows], REFINE_LONE_MIN_SIMILARITY, ASSIGN_MIN_SIMILARITY)
    chosen = (best_scores >= needed) & (best_scores > own[best_rows] + REFINE_MARGIN)
    best_rows, best_cols = best_rows[chosen], best_cols[chosen]
    proposals = []
    for i, j in zip(best_rows.tolist(), best_cols.tolist()):
        source = stories[owner[i]]
        if members[i].article == source.first_article and not lone[i]:
            continue  # the first article anchors the story's id
        proposals.append((members[i], source, stories[j]))
    return proposals


def _rebuild(story: Story, members: list[Member]) -> None:
    """The story's centroid, size and days from its members (summed in a fixed order)."""
    ordered = sorted(members, key=Member.order_key)
    features = np.concatenate([m.features for m in ordered])
    columns, local = np.unique(features, return_inverse=True)
    sums = np.bincount(local, weights=np.concatenate([m.weights for m in ordered]))
    story.set_centroid(dict(zip(columns.tolist(), sums.tolist())))
    story.size = len(ordered)
    story.first_day = min(m.day for m in ordered)
    story.last_day = max(m.day for m in ordered)


def replay(signatures: Iterable[Signature], window: ActiveStories | None = None) -> dict[str, str]:
    """Article → story for a stream of signatures in arrival order, merges and moves resolved (for
    tests and for checking another implementation against this one)."""
    window = ActiveStories() if window is None else window  # an empty window is falsy
    story_of: dict[str, str] = {}
    merged_into: dict[str, str] = {}
    clock = None
    for signature in signatures:
        previous, clock = clock, signature.day if clock is None else max(clock, signature.day)
        _, refinement = advance(window, previous, clock)
        for move in refinement.moves:
            story_of[move.article] = move.target
        merged_into.update(refinement.emptied)
        assignment, _ = assign(signature, window)
        story_of[assignment.article] = assignment.story
        for gone in assignment.merged:
            merged_into[gone] = assignment.story

    def final(story_id: str) -> str:
        while story_id in merged_into:
            story_id = merged_into[story_id]
        return story_id

    return {article: final(story) for article, story in story_of.items()}
