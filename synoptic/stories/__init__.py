"""Stories: group a stream of articles into stories as they arrive, brief each story, say what is new.

The clustering core (synoptic.stories.features, synoptic.stories.cluster) is pure and
deterministic; the SQLite store (synoptic.stories.store) persists it between runs; updates
(synoptic.stories.updates) summarise what a story's new articles add. The functions below are what
front ends call: the CLI (synoptic.stories.command) and, later, a web view.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from synoptic.errors import InputError
from synoptic.model import Article, Brief
from synoptic.options import Options
from synoptic.stories.store import StoryInfo, StoryStore

# A story's brief reads its most recent articles: a brief compares reports, and past a few dozen the
# cross-source analysis (quote and conflict matching grow with the square of what the reports say)
# costs more than the extra reports add. Memory is not the limit: 1,000 articles brief in ~350 MB.
BRIEF_MAX_ARTICLES = 40

__all__ = ["BRIEF_MAX_ARTICLES", "StoryInfo", "StoryStore", "brief_of_story", "list_stories", "story_brief", "story_updates"]


def list_stories(store: StoryStore, since: str | None = None) -> list[StoryInfo]:
    """Stories with an article dated on or after ``since`` (all when None), most recent first."""
    return store.stories(since)


def story_brief(store: StoryStore, story_id: str, options: Options | None = None) -> Brief:
    """The brief of a story (a merged story's id leads to its survivor)."""
    current = store.resolve(story_id)
    return brief_of_story(current, store.articles(current), options)


def brief_of_story(story_id: str, articles: Sequence[Article], options: Options | None = None) -> Brief:
    """The brief of a story's ``articles`` (in arrival order): its latest BRIEF_MAX_ARTICLES, however few.
    `stories show`, the web story page and the Spark job all brief a story here, so their briefs agree.

    The store grouped the articles, so they are briefed as one story: asking whether they read as several
    would only tell the reader to group them apart, which the store has already done."""
    from synoptic.pipeline import make_brief  # lazy: listing stories should not load the summarizers

    options = replace(options or Options(), min_articles=1)  # a story of one report still has a brief
    return make_brief(articles[-BRIEF_MAX_ARTICLES:], options, brief_id=story_id, origin=f"story {story_id}", one_story=True)


def story_updates(store: StoryStore, story_id: str, since: str, options: Options | None = None) -> Brief:
    """The brief of what the story's articles dated from ``since`` on add to the earlier ones."""
    from synoptic.stories.updates import update_brief

    current = store.resolve(story_id)
    earlier = store.articles(current, before=since)[-BRIEF_MAX_ARTICLES:]
    new = store.articles(current, since=since)[-BRIEF_MAX_ARTICLES:]
    if not new:  # say which story and how recent it is, so that the next --since is an informed choice
        latest = store.story(current).last_date
        raise InputError(f"story {current}", f"no new articles: none dated on or after {since} (its latest is from {latest})", "choose an earlier --since, or wait for new reports")
    return update_brief(earlier, new, options, brief_id=current, since=since)
