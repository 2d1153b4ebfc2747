"""Agreed facts: what several independent sources say, each in its own words.

Two sentences of different articles say the same thing when they share most of their content
terms *both ways* (neither merely contains a few words of the other) and their TF-IDF cosine is not
negligible. Every sentence with such partners proposes a group: itself plus its citations, the
sentences the summary would cite for it (synoptic.summarize.citations: near-copies, and those partners
whose shared terms carry the claim), so a fact lists the sources its sentence has wherever the brief
shows it. The groups backed by the most copy families (a syndicated copy, or another report of the same
named outlet, never adds support) are kept, best first, and a sentence is used by one fact only. A
sentence that denies what the other asserts is no match (synoptic.compare.polarity), however many terms
they share. Asides between commas ("who …", "including …") are left out where they hide a shared claim
(see ASIDE_CORE_CONTAINED).

Candidate pairs come from the sentence-similarity matrix the summary already computed (cosine first),
so only the hundred or so pairs of a TAC cluster that pass it are tested further. The pairs are cached
on the corpus: the citations draw their paraphrases from them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import numpy as np
from scipy import sparse

from synoptic.analyze.sentences import Corpus, reads_alone, unnamed_people
from synoptic.analyze.tokens import content_terms
from synoptic.analyze.vectors import row_cosines, similarity_matrix
from synoptic.compare.conflicts import Mention, mentions_in, sentence_mentions, sentence_tallies
from synoptic.compare.polarity import denies, polarity
from synoptic.compare.timeline import evidence_of, sentence_dates, stated_publication_dates
from synoptic.summarize.citations import supporting_sentences
from synoptic.summarize.methods import COPY_SENTENCE_SIMILARITY

# Calibrated on the bundled sample (its seven "facts reported independently in different words"), the
# seeds and TAC 2010. Paraphrases of one fact ("Nine people were taken to Aldermoor General Hospital…"
# / "Nine people went to Aldermoor General Hospital for treatment…") share ≥ 0.5 of the shorter
# sentence's terms and ≥ 0.25 of the longer's; sentences that only share the story's topic words
# ("Raqqa", "SDF", "Islamic State") stay below 0.4 of the shorter one, or below 0.3 of the longer
# ("…Aldermoor General Hospital, though … thought to be life-threatening" / "…she said from her bed at
# Aldermoor General Hospital": 0.57 / 0.27). Copies score 0.9-1.0 both ways.
FACT_MIN_SHORT_COVERAGE = 0.5  # share of the shorter sentence's terms found in the other
FACT_MIN_LONG_COVERAGE = 0.3  # share of the longer sentence's terms found in the other
FACT_MIN_COSINE = 0.2  # TF-IDF cosine: shared terms must not all be the cluster's cheapest ones
FACT_MIN_SHARED = 3  # fewer shared terms is a coincidence of stock words, not one fact
# …and at least this many outside capitalised names, appositives and brackets: two sentences that share
# only a name and its stock description ("the Syrian Democratic Forces, an alliance of Kurdish and Arab
# militias") say different things about it (the true facts of the sample and the seeds share 2-12).
FACT_MIN_SHARED_PLAIN = 2
# A claim told with an aside ("Six people, including two children, died when the ferry overturned") shares too
# few terms with its plain telling ("Six people died when the ferry capsized") for the coverages above. Without
# their asides such pairs pass them, but so do many that share only the story's topic words (tac2010_A and
# duc2007_update: 123 more pairs, most of them other claims about the same names). So the asides are left out
# only where the pair says more than topic words: the smaller core lies almost wholly in the other sentence
# (ASIDE_CORE_CONTAINED) or both cores give one figure for one event (same counted thing, overlapping values),
# and the pair shares ASIDE_MIN_SHARED_PLAIN terms outside names ("Van der Sloot is the son of a Dutch judge"
# shares only "son" and "judge" with a sentence on the son's jailing). On the five dev sets, the seeds and the
# sample: 11 pairs more (7 right, 3 share a true claim beside another main one, 1 wrong: "four" against "five
# on the ground", a figure without a counted noun); two new agreed facts, both right, and nothing else changes.
ASIDE_CORE_CONTAINED = 0.8
# a smaller core lies in a long sentence by chance ("The virus is carried to birds by infected mosquitoes" in one
# on the share of mosquitoes that carry it)
ASIDE_MIN_CORE_TERMS = 6
ASIDE_MIN_SHARED_PLAIN = 3
# Between commas: ", who …,", ", an …,", ", the …,", ", including two children,", an age (", 25,"). The closing
# comma is followed by a space (not the comma of "5,000"), and the aside holds no colon (not "July 25, 2000:
# An Air France Concorde crashes …,", a main clause).
_ASIDE = re.compile(r",\s+(?:(?:who|which|whose|an?|the|including|among\s+them)\s[^,;:]{2,120}|\d{1,3}),(?=\s)")
QUOTE_MIN_SHARED = 3  # quoted words two quote-led sentences must share to be the same statement
MIN_INDEPENDENT = 2  # a fact needs at least two copy families behind it
MAX_FACTS = 10
# A date phrase counted from its report's day ("on Friday", "yesterday", "last week", "this year") says,
# out of that report, nothing of when: a fact that has one carries the date it resolves to (the timeline's
# resolver, each source against its own publication date). No source of the fact may put it elsewhere (see
# _relative_date): a copy filed after midnight puts its "today" a day later, and a fact shown at one of two
# days would take a side the reports do not. Then it has no date (not both: the fact is one claim, and two
# dates beside one "today" read as if it lasted two days). Dev sets and seeds: 54 of 425 facts dated, 53
# right by reading (the wrong one the resolver's: "the Thursday hearing", to come, read as the last one).
_COUNTED_FROM_REPORT = re.compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun|yester|to)day|tonight|night|week|month|year)\b", re.IGNORECASE
)
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
_UNDATED = {"date": None, "precision": None, "phrase": None, "approximate": False}


Partners = dict[int, list[tuple[int, float]]]


def claim_partners(corpus: Corpus, index: int, cluster_date: str | None = None) -> list[tuple[int, float]]:
    """The sentences of other articles that say the same thing as sentence ``index``, in input order,
    each with its cosine: what the summary's citations count as paraphrases (synoptic.summarize.citations).

    Read from the whole corpus's pairs when the agreed facts have found them; otherwise only this
    sentence's pairs are tested, so a summary without the analysis (and the evaluation) pays for the
    handful of pairs its four or five sentences have, not the hundred of the whole cluster."""
    key = ("claim partners", cluster_date)
    if key in corpus.cache:
        return corpus.cache[key][0].get(index, [])
    return _matches(corpus, cluster_date, only=index)[0].get(index, [])


def _cached_matches(corpus: Corpus, cluster_date: str | None) -> tuple[Partners, dict[int, set[str]]]:
    key = ("claim partners", cluster_date)
    if key not in corpus.cache:
        partners, terms = _matches(corpus, cluster_date)
        # the terms found, without the closure: a closure over the corpus kept in its own cache would be a
        # reference cycle, and each corpus (with its similarity matrix) would wait for the cycle collector
        corpus.cache[key] = partners, dict(terms)
    return corpus.cache[key]


def _matches(corpus: Corpus, cluster_date: str | None, only: int | None = None) -> tuple[Partners, dict[int, set[str]]]:
    """(sentence → the sentences of other articles that say the same thing, in input order, each with
    its cosine; sentence → its distinct terms, for the sentences in a pair). With ``only``, just the
    pairs of that sentence (every test is symmetric, so they are the same pairs).

    The cosine test comes first because the similarity matrix is already there (the summary used it):
    a TAC cluster of ~200 sentences has ~20,000 pairs but only ~100 across articles with cosine ≥ 0.2,
    so every other test runs on those alone, with plain ints and lists (numpy's scalars and a sparse
    matrix of the result cost more than the tests themselves)."""
    similarity = similarity_matrix(corpus)
    terms = _Lazy(lambda i: set(corpus.terms[i]))
    numbers: dict[str, int] = {}
    article_number = np.array([numbers.setdefault(s.article, len(numbers)) for s in corpus.sentences])
    full = [s.full for s in corpus.sentences]
    texts = [s.text for s in corpus.sentences]
    plain, days = _Lazy(lambda i: _plain_terms(corpus, i)), _Lazy(_day_dates(corpus, cluster_date))
    cores = _Lazy(lambda i: _without_asides(texts[i]))
    polar = _Lazy(lambda i: polarity(corpus.sentences[i].text))
    partners: Partners = {}
    # pairs within one article are no agreement: dropped here, in numpy, since one long article has the
    # square of its sentences of them (a 400 KB text: 1.6 GB as Python ints, against 0.5 GB for its brief)
    if only is None:
        pairs = sparse.triu(similarity, 1, format="coo")  # row by row, each row's in order
        keep = (pairs.data >= FACT_MIN_COSINE) & (article_number[pairs.row] != article_number[pairs.col])
        rows, cols, cosines = pairs.row[keep], pairs.col[keep], pairs.data[keep]
    else:
        row = similarity[only]
        keep = (row.data >= FACT_MIN_COSINE) & (article_number[row.indices] != article_number[only])
        cols, cosines = row.indices[keep], row.data[keep]
        rows = np.full(len(cols), only)
    for i, j, cosine in zip(rows.tolist(), cols.tolist(), cosines.tolist()):
        shared_terms = terms[i] & terms[j]
        if len(shared_terms) < FACT_MIN_SHARED:  # cores share no more than their sentences
            continue
        if not _covers(terms[i], terms[j]) and not (
            (cores[i] or cores[j])
            and _same_without_asides(cores[i] or (texts[i], terms[i]), cores[j] or (texts[j], terms[j]), terms[i], terms[j])
            and len(plain[i] & plain[j]) >= ASIDE_MIN_SHARED_PLAIN
        ):
            continue
        if _quote_led(full[i]) and _quote_led(full[j]) and not _same_quote_content(full[i], full[j]):
            continue
        if len(plain[i] & plain[j]) < FACT_MIN_SHARED_PLAIN or (days[i] and days[j] and not days[i] & days[j]):
            continue
        if not figures_agree(corpus, i, j) or denies(polar[i], polar[j], shared_terms):
            continue
        # both directions, every sentence proposing its own group; a sentence's partners before it
        # come from earlier rows and those after it from its own, so each list is in input order
        partners.setdefault(i, []).append((j, cosine))
        partners.setdefault(j, []).append((i, cosine))
    return partners, terms


def _covers(a: set[str], b: set[str]) -> bool:
    """Do two sentences' terms share enough both ways to say one thing (FACT_MIN_SHORT_COVERAGE…)?"""
    shared = len(a & b)
    short, long = sorted((len(a), len(b)))
    return shared >= FACT_MIN_SHARED and shared >= FACT_MIN_SHORT_COVERAGE * short and shared >= FACT_MIN_LONG_COVERAGE * long


def _without_asides(text: str) -> tuple[str, set[str]] | None:
    """The sentence without its asides and that core's terms, or None when it has no aside."""
    core = _ASIDE.sub(" ", text)
    return (core, set(content_terms(core))) if core != text else None


def _same_without_asides(core_a: tuple[str, set[str]], core_b: tuple[str, set[str]], a: set[str], b: set[str]) -> bool:
    """Do two sentences (their cores and their whole terms) say one thing once their asides are left out
    (see ASIDE_CORE_CONTAINED)?"""
    (text_a, terms_a), (text_b, terms_b) = core_a, core_b
    if not _covers(terms_a, terms_b):
        return False
    smaller, other = (terms_a, b) if len(terms_a) <= len(terms_b) else (terms_b, a)
    if len(smaller) >= ASIDE_MIN_CORE_TERMS and len(smaller & other) >= ASIDE_CORE_CONTAINED * len(smaller):
        return True
    figures_a, figures_b = ([m for m in mentions_in(text) if m.events] for text in (text_a, text_b))
    return any(x.dimension == y.dimension and x.events & y.events and _overlap(x, y) for x in figures_a for y in figures_b)


_QUOTED = re.compile(r"[“\"]([^“”\"]+)[”\"]")
_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'’-]*")  # not the sentence's first word
# ", an alliance of Kurdish and Arab militias," / " - the county's main hospital." / "(SDF)"
_DESCRIPTION = re.compile(
    r"(?:,|\s[-–—])\s+(?:an?|the)\s+[^,;:()“”\"]{3,80}?(?=\s*(?:[,;:.)]|\s[-–—]|$))|\([^()]{1,60}\)"
)


def _plain_terms(corpus: Corpus, index: int) -> set[str]:
    """Content terms of what the sentence says, without its names and the descriptions of them."""
    text = corpus.sentences[index].text
    core = _DESCRIPTION.sub(" ", text)
    terms = set(corpus.terms[index]) if core == text else set(content_terms(core))
    return terms - set(content_terms(" ".join(_CAPITALISED.findall(core))))


def figures_agree(corpus: Corpus, a: int, b: int) -> bool:
    """Do sentences ``a`` and ``b`` give compatible figures? Every kind of quantity both count (as
    the conflicts module reads them: "people", "metres", "percent"…) needs an overlapping pair:
    "1,100 people fell ill" is not "1,850 people fell ill". Figures of different kinds, or none,
    prove nothing; a running toll with no counted noun is a count of people ("the toll rose to six" is not
    "rose to five"). The agreed facts and the summary's citations both ask."""
    first = [*sentence_mentions(corpus, a), *sentence_tallies(corpus, a)]
    second = [*sentence_mentions(corpus, b), *sentence_tallies(corpus, b)]
    return all(
        any(_overlap(x, y) for x in first if x.dimension == kind for y in second if y.dimension == kind)
        for kind in {m.dimension for m in first} & {m.dimension for m in second}
    )


def _overlap(x: Mention, y: Mention) -> bool:
    return x.low <= y.high and y.low <= x.high


class _Lazy(dict):
    """Per-sentence values computed on first use: only sentences in candidate pairs need them."""

    def __init__(self, compute: Callable[[int], Any]) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, index: int) -> Any:
        value = self[index] = self.compute(index)
        return value


def _day_dates(corpus: Corpus, cluster_date: str | None) -> Callable[[int], set[str]]:
    """A sentence's calendar days ("on Friday" resolved against its article's date): two reports of
    one fact do not put it on different days."""

    def days(index: int) -> set[str]:
        return {when for _phrase, when, precision in sentence_dates(corpus, index, cluster_date) if when and precision == "day"}

    return days


def _quote_led(text: str) -> bool:
    return text[:1] in "“\"'"


def _same_quote_content(a: str, b: str) -> bool:
    """Two sentences that are mostly quotes agree only when the quoted words do; otherwise the shared
    terms are the attribution ("…," said Gwen Tarrant, chair of the parish council)."""
    qa = set(content_terms(" ".join(_QUOTED.findall(a))))
    qb = set(content_terms(" ".join(_QUOTED.findall(b))))
    return len(qa & qb) >= QUOTE_MIN_SHARED


def _independent_sources(members: list[int], family_of: list[int], similarity: sparse.csr_matrix, outlet_of: list[str]) -> int:
    """Copy families behind the member sentences, where a sentence copied near-verbatim from another
    member's (an outlet pasting one wire paragraph into its own report) joins that member's family, and
    so does one from the same named outlet: two updates of one agency's story are one source's word,
    however differently worded (on the dev sets, 44% of the facts had all their sources from one outlet)."""
    group = {m: family_of[m] for m in members}
    first_of: dict[str, int] = {}
    for m in members:
        if outlet_of[m]:
            same = first_of.setdefault(outlet_of[m], m)
            if group[same] != group[m]:
                old, new = group[m], group[same]
                group = {k: new if g == old else g for k, g in group.items()}
    for a in members:
        copies = (row_cosines(similarity, a, members) >= COPY_SENTENCE_SIMILARITY).tolist()  # binary search: no sparse indexing
        for b, copy in zip(members, copies):
            if group[a] != group[b] and copy:
                old, new = group[b], group[a]
                group = {m: new if g == old else g for m, g in group.items()}
    return len(set(group.values()))


def agreed_facts(corpus: Corpus, families: dict[str, int], cluster_date: str | None = None) -> list[dict]:
    """Facts carried by ≥ MIN_INDEPENDENT copy families, most-supported first (at most MAX_FACTS)."""
    if len(corpus.sentences) < 2 or len(corpus.articles) < 2:
        return []
    partners, terms = _cached_matches(corpus, cluster_date)
    if not partners:
        return []
    order = {a.article.id: k for k, a in enumerate(corpus.articles)}
    family_of = [families.get(s.article, order.get(s.article, -1)) for s in corpus.sentences]
    outlet = {a.article.id: (a.article.source or "").strip().lower() for a in corpus.articles}
    outlet_of = [outlet.get(s.article, "") for s in corpus.sentences]
    similarity = similarity_matrix(corpus)
    # every sentence proposes its own group: the fact is shown through one that reads alone, about no
    # stranger to the reader (a person the reports never name in full; asked only of the readable ones)
    readable = [i for i in sorted(partners) if reads_alone(corpus.sentences[i].full, i in corpus.in_quotation)]
    strangers = unnamed_people(corpus, readable)
    candidates = []
    for i in readable:
        if i in strangers:
            continue
        # the fact's sources are its sentence's citations, as wherever the brief shows that sentence
        members = [i] + [j for j, _ in supporting_sentences(corpus, i, cluster_date).values()]
        independent = _independent_sources(members, family_of, similarity, outlet_of)
        if independent < MIN_INDEPENDENT:
            continue
        cosine_of = dict(partners[i])  # a near-copy is nearly always a partner too
        centrality = sum(cosine_of[j] if j in cosine_of else float(row_cosines(similarity, i, (j,))[0]) for j in members[1:])
        # most families, then most central, then the shorter (clearer) sentence, then input order
        candidates.append(((-independent, -round(centrality, 6), len(terms[i]), i), members, independent))
    facts, used = [], set()
    for _, members, independent in sorted(candidates, key=lambda c: c[0]):
        if any(m in used for m in members):
            continue
        used.update(members)
        center = members[0]
        evidence = [evidence_of(corpus, center)] + sorted(
            (evidence_of(corpus, m) for m in members[1:]), key=lambda e: order.get(e["article"], 0)
        )
        facts.append({
            "text": corpus.sentences[center].full,
            "sources": sorted({e["article"] for e in evidence}, key=lambda a: order.get(a, 0)),
            "independent": independent,
            "evidence": evidence,
            **_relative_date(corpus, members, cluster_date),
        })
        if len(facts) == MAX_FACTS:
            break
    return facts


def _relative_date(corpus: Corpus, members: list[int], cluster_date: str | None) -> dict[str, Any]:
    """``date``, ``precision``, ``phrase`` and ``approximate`` (as a timeline entry has them) of the first
    phrase of the fact's sentence counted from its report's day that no other member puts elsewhere (see
    _COUNTED_FROM_REPORT): the most precise first, then in text order. A member puts it elsewhere when it
    gives a date as precise and none of its dates covers that one: "will be charged next week, a newspaper
    said Saturday" puts "charged on Monday" in its week, whatever day it was said. ``approximate``: no
    article that gives the date states a publication date of its own."""
    center, others = members[0], members[1:]
    counted = [
        (phrase, when, precision)
        for phrase, when, precision in sentence_dates(corpus, center, cluster_date)
        if when and precision in _PRECISION_RANK and _COUNTED_FROM_REPORT.search(phrase)
    ]
    published = stated_publication_dates(corpus, cluster_date)
    for phrase, when, precision in sorted(counted, key=lambda found: _PRECISION_RANK[found[2]]):
        days = _days(when, precision)
        stated = [published[corpus.sentences[center].article][1]]
        for other in others:
            dates = [(w, p) for _, w, p in sentence_dates(corpus, other, cluster_date) if w and p in _PRECISION_RANK]
            if any(_overlap_days(days, _days(w, p)) for w, p in dates):
                stated.append(published[corpus.sentences[other].article][1])
            elif any(p == precision for _, p in dates):
                break
        else:
            return {"date": when, "precision": precision, "phrase": phrase, "approximate": not any(stated)}
    return dict(_UNDATED)


def _days(when: str, precision: str) -> tuple[str, str]:
    """The first and last day a resolved date covers, as ISO text (a month's last day as its "31": only
    compared as text, it sorts after every day of the month and before the next)."""
    if precision == "day":
        return when, when
    if precision == "week":
        return when, (date.fromisoformat(when) + timedelta(days=6)).isoformat()
    if precision == "month":
        return f"{when}-01", f"{when}-31"
    return f"{when}-01-01", f"{when}-12-31"


def _overlap_days(a: tuple[str, str], b: tuple[str, str]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]
