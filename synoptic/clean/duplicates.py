"""Near-duplicate articles: syndicated copies and lightly edited reposts of another article.

Each article's kept text (its cleaned blocks) becomes a set of word shingles. MinHash signatures and
an LSH index propose candidate pairs cheaply; every candidate is then confirmed with the *exact*
Jaccard similarity of the two shingle sets, because a 128-permutation estimate is off by ±0.04
(one standard deviation near J = 0.75) — too noisy to decide on its own.

A group of copies points at one original: the earliest-dated article of the group, or the first in
input order when dates are missing or equal, unless the others' texts name one's outlet (a wire's credit). Precision comes first: marking an independent report as a
copy would hide a source, so the threshold sits well above what different reports of one story reach.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from functools import cache

from datasketch import MinHash, MinHashLSH

from synoptic.clean.groups import group_pairs
from synoptic.model import CleanArticle

SHINGLE_WORDS = 5  # word 5-grams: one changed word breaks 5 shingles, a shared stock phrase few
NUM_PERM = 128  # MinHash permutations; estimate standard error ≈ sqrt(J(1-J)/128) ≈ 0.04 at J = 0.75
MINHASH_SEED = 1  # fixed: the same input gives the same candidates on every run
# Shingles are hashed with CRC-32 (four times faster than datasketch's SHA-1 default, and as stable
# across processes); the MinHash permutations then spread the values, so its weak mixing does not matter.
HASH = zlib.crc32
# LSH only proposes candidates; its threshold sits below COPY_MIN_JACCARD so that it misses almost no
# copy: datasketch picks 25 bands × 5 rows, P(candidate) ≈ 0.999 at J = 0.75 and ≈ 0.55 at J = 0.5.
LSH_THRESHOLD = 0.5
# Calibrated on exact 5-shingle Jaccard of all 19,327 same-cluster pairs in ../shared/data (TAC 2010,
# DUC 2006/2007, MultiLing, AllSides): 99% are < 0.06; pairs from different outlets reach 0.47 at most
# (a Xinhua story reusing AP paragraphs); same-agency rewrites with a new lead and new paragraphs reach
# 0.55-0.72. Exact duplicates (1.0) and revisions changing one or two paragraphs (0.80-0.89) score
# ≥ 0.796; the sample's syndicated copy (caption added, a word changed, last paragraph dropped) scores
# 0.93. 0.75 sits in the widest gap of the upper tail (0.72-0.796); all 13 pairs above it are copies.
COPY_MIN_JACCARD = 0.75
MIN_SHINGLES = 20  # shorter texts (≈ 25 words: snippets, one-line stubs) share stock sentences too easily
_WORD = re.compile(r"\w+")


def shingles(clean: CleanArticle) -> set[str]:
    """Word ``SHINGLE_WORDS``-grams of the article's kept text, lowercased, punctuation ignored."""
    text = clean.article.text
    words = _WORD.findall("\n".join(text[s:e] for s, e in clean.blocks).lower())
    # the n-grams as a zip of the word list with its shifts: no slice per position (a quarter faster)
    return set(map(" ".join, zip(*(words[i:] for i in range(SHINGLE_WORDS)))))


def jaccard(a: set[str], b: set[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


@cache
def _template() -> MinHash:
    """An empty MinHash whose permutations every signature reuses (drawing them costs ~0.2 ms)."""
    return MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED, hashfunc=HASH)


@cache
def lsh_params() -> tuple[int, int]:
    """(bands, rows) that datasketch derives for LSH_THRESHOLD; deriving them costs ~18 ms, so once."""
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def minhash_signature(shingle_set: set[str]) -> MinHash:
    template = _template()
    minhash = MinHash(
        num_perm=NUM_PERM, seed=MINHASH_SEED, hashfunc=HASH, permutations=template.permutations, scheme=template.scheme
    )
    minhash.update_batch([s.encode("utf-8") for s in shingle_set])  # a minimum: order-free
    return minhash


def copy_pairs(articles: Sequence[CleanArticle]) -> list[tuple[int, int, float]]:
    """Confirmed near-duplicate pairs ``(earlier index, later index, exact Jaccard)``, sorted."""
    sets = [shingles(a) for a in articles]
    lsh = MinHashLSH(num_perm=NUM_PERM, params=lsh_params())
    pairs = []
    for j, shingle_set in enumerate(sets):
        if len(shingle_set) < MIN_SHINGLES:
            continue
        signature = minhash_signature(shingle_set)
        for i in sorted(lsh.query(signature)):  # only articles inserted before j
            score = jaccard(sets[i], shingle_set)
            if score >= COPY_MIN_JACCARD:
                pairs.append((i, j, score))
        lsh.insert(j, signature)
    return sorted(pairs)


def _original(articles: Sequence[CleanArticle], members: list[int]) -> int:
    """The earliest-dated member when every member has a date (ISO strings sort by time), else the
    first in input order: an undated article cannot be placed before or after a dated one. Among those
    that tie, the one whose outlet every other member's text names ("MARROWFORD (Northern Wire) -"):
    a wire and a client's copy are mostly dated by the same day, and file order made the wire the copy."""
    dates = [articles[i].date for i in members]
    earliest = min(dates) if all(dates) else None
    tied = [i for i in members if articles[i].date == earliest] if earliest else sorted(members)
    credited = (i for i in tied if _named_by_the_others(articles, members, i))
    return next(credited, tied[0])


def _named_by_the_others(articles: Sequence[CleanArticle], members: list[int], candidate: int) -> bool:
    """Whether every other member's text names the candidate's outlet as a name, in its case ("AP", not "ap" of "happen")."""
    source = (articles[candidate].article.source or "").strip()
    named = re.compile(rf"(?<!\w){re.escape(source)}(?!\w)")
    return bool(source) and all(named.search(articles[i].article.text) for i in members if i != candidate)


def find_copies(articles: Sequence[CleanArticle]) -> dict[str, str]:
    """Copy's article id → its original's id, for every article that near-duplicates another.

    Copies are grouped transitively; every member of a group points at the group's original (the
    earliest-dated article, else the first in input order), never along a chain of copies. Keys come
    in input order.
    """
    group = group_pairs(len(articles), ((i, j) for i, j, _ in copy_pairs(articles)))
    groups: dict[int, list[int]] = {}
    for i in range(len(articles)):
        groups.setdefault(group[i], []).append(i)
    original = {root: _original(articles, members) for root, members in groups.items() if len(members) > 1}
    copies: dict[str, str] = {}
    for i, clean in enumerate(articles):
        root = group[i]
        if root in original and original[root] != i:
            original_id = articles[original[root]].article.id
            if clean.article.id != original_id:
                copies[clean.article.id] = original_id
    return copies
