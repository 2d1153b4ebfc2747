"""The one function that does the main job: articles in, a cited Brief out.

The CLI, the evaluation harness and (later) the HTTP service and Spark job are thin layers over
``make_brief``; keeping one path means every front end gets the same cleaning and citations.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from synoptic import __version__
from synoptic.analyze.language import reads_as_english
from synoptic.analyze.sentences import Corpus, build_corpus, opening_words
from synoptic.analyze.titles import best_title, clean_title
from synoptic.analyze.tokens import content_terms, word_count
from synoptic.clean import clean_cluster
from synoptic.clean.duplicates import find_copies
from synoptic.compare.mixture import separate_stories
from synoptic.errors import InputError
from synoptic.ingest.jsonfmt import article_from_dict
from synoptic.model import Article, Brief, Cluster, Source
from synoptic.options import Options
from synoptic.summarize import METHODS, cite, order_for_reading
from synoptic.summarize.methods import copy_families

LEAD_WORDS = 12  # enough to tell articles apart in a list of sources, short enough to stay one line
# Chinese, Japanese and Thai are written without spaces between words; synoptic counts words by spaces, so
# every sentence of such a text reads as one long word and is dropped. Half its letters in these scripts
# (kana, CJK ideographs, Thai) names the cause; English with a quoted name in Chinese stays far below it.
_UNSPACED_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\u0e00-\u0e7f]")
UNSPACED_SHARE = 0.5


def _no_sentences(origin: str, articles: Sequence[Article]) -> InputError:
    """Why a cluster has no usable sentence: a script synoptic cannot segment, or no article text at all."""
    letters = sum(len(a.text) - sum(c.isspace() for c in a.text) for a in articles)
    if len(_UNSPACED_SCRIPT.findall("".join(a.text for a in articles))) > UNSPACED_SHARE * letters:
        return InputError(origin, "no usable sentences: the text is written without spaces between words (Chinese, Japanese or Thai), which synoptic cannot segment", "give reports in a language that puts spaces between words")
    return InputError(origin, "no usable sentences after cleaning", "check that the input holds article text, not just headlines or page furniture")


def _as_articles(items: Iterable[Article | dict[str, Any] | str], origin: str) -> list[Article]:
    """The items as Articles; a lone string or cluster dict is refused, since iterating it would brief its
    characters or keys as articles ("no usable sentences", which names the wrong mistake)."""
    if isinstance(items, dict) and "articles" in items:
        raise InputError(origin, "is a cluster, not a list of articles", "pass its \"articles\" list, and its \"date\" as cluster_date")
    if isinstance(items, (str, bytes, dict)) or not isinstance(items, Iterable):
        kind = {str: "one string", bytes: "bytes", dict: "one object", type(None): "None"}.get(type(items), f"of type {type(items).__name__}")
        raise InputError(origin, f"is {kind}, not a list of articles", "give a list of articles (dicts with \"text\", plain strings or synoptic.Article)")
    articles = []
    for i, item in enumerate(items):
        articles.append(item if isinstance(item, Article) else article_from_dict(item, f"article {i + 1}", f"a{i + 1}"))
    return articles


def _brief_id(articles: Sequence[Article]) -> str:
    digest = hashlib.sha1("\x1e".join(f"{a.id}\x1f{a.text}" for a in articles).encode("utf-8")).hexdigest()
    return f"b{digest[:12]}"


def _headline(articles: Sequence[Article], summary_text: str, corpus: Corpus, cluster_date: str | None, not_english: Collection[str]) -> str:
    """The article title closest to the summary's content, without a " - Site Name" tail or a wire desk's
    notes, preferring whole titles that tell the news to cut-off, shouted or pointing ones, in a story
    told over a day or two the newest reports' titles (the summary leans on what most reports say, which
    can be the story's state the day before), and English titles to those of reports in other languages."""
    # imported here, not at the top: the compare package is loaded only by briefs that need it
    from synoptic.compare.timeline import stale_reports

    target = Counter(content_terms(summary_text))
    overtaken = stale_reports(corpus, cluster_date)
    stale = {a.title for a in articles if (a.id in overtaken or a.id in not_english) and a.title}
    best = best_title((a.title for a in articles), lambda term: min(1, target[term]), stale)
    if best:
        return clean_title(best)
    first = summary_text.split(". ")[0].strip()
    return first if word_count(first) <= 20 else " ".join(first.split()[:20]) + " …"


def prepare_corpus(articles: Sequence[Article], references: Sequence[str] = (), trim: bool = True) -> Corpus:
    """Clean, segment and find syndicated copies: everything every method and analysis reads."""
    cleaned = clean_cluster(articles)
    corpus = build_corpus(cleaned, references, trim=trim)
    corpus.copies = find_copies(cleaned)
    return corpus


def source_leads(corpus: Corpus) -> dict[str, str]:
    """Article id → the first LEAD_WORDS words of its first kept sentence ("…" when cut), so that a list
    of sources can name an article that has no title by what it says, not by its id."""
    leads: dict[str, str] = {}
    for sentence in corpus.sentences:
        if sentence.article not in leads:
            leads[sentence.article] = opening_words(sentence.full, LEAD_WORDS)
    return leads


def published_day(value: str | None) -> str | None:
    """An article's date as its source line shows it: the ISO day ("Tue, 17 Oct 2017 08:00:00 GMT" and
    "2017-10-17T08:00:00" both give "2017-10-17", the JSON contract's form), or None when no day can be
    read from it ("yesterday"), as the timeline reads it."""
    # imported here, not at the top: the stories package builds on this module
    from synoptic.stories.features import parse_day

    ordinal = parse_day(value)
    return date.fromordinal(ordinal).isoformat() if ordinal is not None else None


def make_brief(
    items: Iterable[Article | dict[str, Any] | str],
    options: Options | None = None,
    brief_id: str | None = None,
    origin: str = "input",
    references: Sequence[str] = (),
    cluster_date: str | None = None,
    one_story: bool = False,
) -> Brief:
    """Clean, segment, summarize and cite ``items`` (Articles, cluster-format dicts or plain texts).

    ``one_story``: the items are known to tell one story (a story store grouped them, or the user says so),
    so whether they read as several is not asked and ``meta.stories`` is never set."""
    options = options or Options()
    started = time.perf_counter()
    articles = _as_articles(items, origin)
    if not articles:
        raise InputError(origin, "holds no articles", "give two or more reports of one story (a cluster's \"articles\" list)")
    if len(articles) < options.min_articles:
        given = f"only {len(articles)} article{'s' if len(articles) != 1 else ''} given"
        if options.min_articles > Options.min_articles:  # the user asked for more than the default
            refused = InputError(origin, f"{given}, fewer than the {options.min_articles} asked for", "give more articles or lower min_articles")
        else:
            refused = InputError(origin, given, "a brief compares several reports of one story: give two or more (or allow one: min_articles=1)")
        refused.option = "min_articles"  # the command line names its flag, --min-articles
        raise refused
    method = METHODS.get(options.method)
    try:
        corpus = prepare_corpus(articles, references, trim=options.trim)
        if not corpus.sentences:
            raise _no_sentences(origin, articles)
        chosen = order_for_reading(corpus, method(corpus, options.words))
        findings = None
        if options.analysis:
            from synoptic.compare import compare_cluster  # lazy: only briefs with analysis pay for it

            findings = compare_cluster(corpus, copy_families(corpus), cluster_date)
    except MemoryError:  # the bounds keep a cluster's work within a few GB; a smaller machine still says why, on one line
        problem = f"ran out of memory briefing its {len(articles)} articles"
        raise InputError(origin, problem, "give fewer or shorter articles, or run on a machine with more memory") from None
    cleaned = corpus.articles
    # cited after the analysis: its agreed facts pair every sentence with its paraphrases once, and the
    # citations read those pairs instead of testing their own sentences' again
    summary = tuple(cite(corpus, i, cluster_date) for i in chosen)
    if findings is not None:
        disputed = findings.disputed()
        summary = tuple(
            replace(s, disputed=any((e.article, e.sentence) in disputed for e in s.evidence)) for s in summary
        )
    summary_text = " ".join(s.text for s in summary)
    removals = [r for a in cleaned for r in a.removals] + corpus.removals
    meta: dict[str, Any] = {
        "method": options.method,
        "words": options.words,
        "words_used": word_count(summary_text),
        "trimmed": sum(corpus.shown(i) != corpus.sentences[i].full for i in chosen),
        "articles": len(articles),
        "sentences": len(corpus.sentences),
        "copies": len(corpus.copies),
        "removed": dict(sorted(Counter(r.rule for r in removals).items())),
        "version": __version__,
    }
    if options.show_removed:
        meta["removals"] = [{"article": r.article, "rule": r.rule, "text": r.text, "start": r.start, "end": r.end} for r in removals]
    leads = source_leads(corpus)
    sources = tuple(
        Source(
            id=a.id, title=a.title, url=a.url, published=published_day(c.date), outlet=a.source,
            duplicate_of=corpus.copies.get(a.id), lead=leads.get(a.id), published_approximate=a.date_approximate and c.date == a.date,
        )
        for a, c in zip(articles, cleaned)
    )
    # a date given but not read as a day ("2025-13-01", "last spring") leaves its article undated: said, not hidden
    unread = [{"article": a.id, "date": a.date} for a, s in zip(articles, sources) if a.date and s.published is None]
    if unread:
        meta["dates_not_read"] = unread
    # the rules read English: a report in another language is briefed, and said to be one
    not_english = [a.id for a in articles if not reads_as_english(a.text)]
    if not_english:
        meta["not_english"] = not_english
    stories = () if one_story else separate_stories(corpus, {a.id: clean_title(a.title) or leads.get(a.id, "") for a in articles})
    if stories:  # a brief assumes one story: say when its input reads as several (the brief is as it was)
        meta["stories"] = [{"articles": list(s.articles), "title": s.title} for s in stories]
    meta["elapsed_ms"] = round((time.perf_counter() - started) * 1000, 2)
    sections = {}
    if findings is not None:
        sections = {name: getattr(findings, name) for name in ("facts", "conflicts", "timeline", "entities", "quotes")}
        # the newest report's opening, unless the summary already shows it (or a copy of it)
        in_summary = {(e.article, e.sentence) for s in summary for e in s.evidence if e.support != "paraphrase"}
        sections["latest"] = tuple(
            t for t in findings.latest if not any((e["article"], e["sentence"]) in in_summary for e in t["evidence"])
        )
    return Brief(
        id=brief_id or _brief_id(articles),
        headline=_headline(articles, summary_text, corpus, cluster_date, not_english),
        summary=summary,
        sources=sources,
        meta=meta,
        **sections,
    )


def cluster_origin(cluster: Cluster) -> str:
    """How an error names a cluster: its line of the file and its id ("c.jsonl line 4 (cluster one)")."""
    return f"{cluster.origin} (cluster {cluster.id})" if cluster.origin else f"cluster {cluster.id}"


def brief_cluster(cluster: Cluster, options: Options | None = None, one_story: bool = False) -> Brief:
    return make_brief(
        cluster.articles, options, brief_id=cluster.id, origin=cluster_origin(cluster), references=cluster.references,
        cluster_date=cluster.date, one_story=one_story,
    )
