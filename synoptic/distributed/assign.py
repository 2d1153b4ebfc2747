"""The two order-dependent steps of the Spark job, as plain Python over compact rows.

The story store reads a stream once, in arrival order: each article's TF-IDF weights use the
document frequencies of the articles before it, and its story depends on the stories before it.
The Spark job computes everything else in parallel and keeps these two steps exactly as the store
does them, so that its stories are the store's stories:

- ``WindowSignatures``: the signatures of one time window, continuing the document frequencies
  from the window's start (the counts of all earlier windows, which Spark sums in parallel). Windows
  are independent, so this runs one task per window.
- ``StoryAssigner``: the assignment itself (synoptic.stories.cluster, unchanged), refinement
  included, over the signatures of the whole corpus in order, with each near-duplicate's original
  found beforehand. This is the one sequential pass; it holds the active stories and their
  articles' vectors, not the articles. Where refinement moves an article is handed on with the next
  placement (``Placed.moves``) and not kept, so the pass holds nothing that grows with the stream
  beyond the story merges.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import numpy as np

from synoptic.stories.cluster import STORY_IDLE_DAYS, ActiveStories, advance, place
from synoptic.stories.features import FEATURE_BITS, DocumentFrequencies, Signature, weighted_terms
from synoptic.stories.store import DUPLICATE_WINDOW_DAYS


@dataclass(frozen=True)
class TermCounts:
    """An article's hashed term counts (synoptic.stories.features.term_counts, as two arrays)."""

    article: str
    day: int
    features: np.ndarray  # int, distinct
    counts: np.ndarray  # float, the same length


class WindowSignatures:
    """The signatures of one window's articles, given in arrival order, exactly as the store
    computes them: the document frequencies go on from the window's start.

    ``start_features``/``start_counts``: how many earlier articles hold each feature that this
    window's articles use (the other features are never looked up); ``documents_before``: how many
    articles came before the window."""

    def __init__(self, start_features: np.ndarray, start_counts: np.ndarray, documents_before: int) -> None:
        counts = np.zeros(1 << FEATURE_BITS, dtype=np.int32)
        counts[start_features] = start_counts
        self.frequencies = DocumentFrequencies(counts, documents_before)

    def signature(self, article: TermCounts) -> Signature:
        term_counts = dict(zip(article.features.tolist(), article.counts.tolist()))
        self.frequencies.add(term_counts)
        return Signature(article.article, article.day, weighted_terms(term_counts, self.frequencies))


@dataclass(frozen=True)
class Placed:
    """Where one article went: its story at that moment (a later merge or refinement may move it,
    see ``StoryAssigner.redirects`` and ``moves``) and the original it near-duplicates, if any.
    ``moves`` are the moves refinement made just before this placement: (an earlier article, the story
    it went to then); an article's last move, redirected through the merges, is its story in the end."""

    article: str
    story: str
    duplicate_of: str | None
    moves: tuple[tuple[str, str], ...] = ()


class StoryAssigner:
    """The store's placement over a stream of signatures in arrival order, without the store.

    ``original`` of an article is the earlier article that its near-duplicate test picked (the
    best-scoring candidate, as the store's ``_find_original``), found by the parallel stages;
    ``is_original`` says a later article will name this one, so its story is remembered (for
    DUPLICATE_WINDOW_DAYS, the longest a copy can trail its original)."""

    def __init__(self, idle_days: int = STORY_IDLE_DAYS) -> None:
        self.window = ActiveStories(idle_days=idle_days)
        self.clock: int | None = None
        self.merged_into: dict[str, str] = {}
        self.originals: dict[str, tuple[str, str]] = {}  # article → (its story then, the root original of its copy group)
        self.remembered: deque[tuple[int, str]] = deque()

    def add(self, signature: Signature, original: str | None = None, is_original: bool = False) -> Placed:
        previous, self.clock = self.clock, signature.day if self.clock is None else max(self.clock, signature.day)
        _, refinement = advance(self.window, previous, self.clock)
        for move in refinement.moves:
            if move.article in self.originals:  # a later copy joins the story its original is in now
                self.originals[move.article] = (move.target, self.originals[move.article][1])
        self.merged_into.update(refinement.emptied)
        original_story = root = None
        if original is not None:
            story_then, root = self.originals[original]
            original_story = self.current(story_then)
        assignment = place(signature, self.window, original_story)
        for gone in assignment.merged:
            self.merged_into[gone] = assignment.story
        if is_original:
            self.originals[signature.article] = (assignment.story, root or signature.article)
            self.remembered.append((signature.day, signature.article))
        while self.remembered and self.remembered[0][0] < self.clock - DUPLICATE_WINDOW_DAYS:
            self.originals.pop(self.remembered.popleft()[1], None)
        return Placed(signature.article, assignment.story, root, tuple((m.article, m.target) for m in refinement.moves))

    def current(self, story: str) -> str:
        """The story that ``story`` was merged into, through every later merge."""
        path = []
        while story in self.merged_into:
            path.append(story)
            story = self.merged_into[story]
        for step in path[:-1]:  # shorten the chain for the next look-up
            self.merged_into[step] = story
        return story

    def redirects(self) -> dict[str, str]:
        """Every merged-away story → the story its articles belong to in the end."""
        return {gone: self.current(gone) for gone in list(self.merged_into)}
