"""Cross-source analysis measured on a labelled set of small fictional clusters (tests/compare/labelled).

Each file holds 2-5 made-up articles and three kinds of hand-written labels:

- ``conflicts`` (pairs of value phrases) and ``non_conflicts``, traps that must not be called a conflict
  (different quantities in one cluster, one length in two units, "about 40" vs "41", overlapping ranges,
  status claims about different things). A predicted conflict is correct when two of its claims carry the
  two values of a true pair, and false otherwise. A conflict lists every claim about its quantity, so two
  of its claims may agree ("up to 300" beside "200-300"); a trap is violated (and counted as a false
  conflict) when a predicted conflict joins the trap pair and no true pair.
- ``variants``: groups of surface forms that name one entity (without titles, which the finder strips:
  "Col. Amir Haddad" is labelled "Amir Haddad"), and ``non_variants``: pairs of similar names of different
  things that must stay apart. Every pair of forms in a group that ends up in one listed entity is a true
  positive, every pair that does not (one of its forms merged elsewhere or not listed at all) a miss, and
  every non-variant pair listed as one entity a false merge.
- ``types``: the type (person, org, place, other) of names a reader would look up. A name is typed
  right when the entity that lists it (as its name or a variant) carries that type; a name not listed
  counts as wrong.
- ``duplicates``: ``[copy, original]`` pairs (syndicated copies: a site's prefix, a caption or headline
  line, a word changed, a paragraph dropped or added, the first paragraphs only), and ``non_duplicates``:
  reports of the same story written independently, some reusing a few wire sentences. A copy is found when
  it shares its original's copy family; it is also *marked* when the whole-article detector names that
  original as what it duplicates. Any two articles put in one family that the labels do not join (through
  a shared original) are a false positive.

Everything runs through the pipeline's own pieces: cleaning, segmentation and whole-article copy detection
(``prepare_corpus``), copy families, then the analysis.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from synoptic.analyze.sentences import Corpus
from synoptic.clean.groups import group_pairs
from synoptic.compare.conflicts import find_conflicts
from synoptic.compare.entities import find_entities
from synoptic.model import Article
from synoptic.pipeline import prepare_corpus
from synoptic.summarize.methods import copy_families

LABELLED = Path(__file__).parent / "labelled"
MIN_PRECISION = 0.9  # the targets for conflicts
MIN_RECALL = 0.7
# Variants: precision at the conflicts target; recall at what the code reaches, rounded down (0.61 when the
# labels were written; 0.81, 25 of 31 pairs, after accented, O'-, Mac- names, "X of Y" affiliations, doubled
# letters and C/K were handled; 0.87, 27 of 31, once accents were folded and "Benali"/"Ben Ali" joined).
# The misses are listed when the test runs with -s; raise the floor as they go.
MIN_VARIANT_PRECISION = 0.9
MIN_VARIANT_RECALL = 0.85
# Duplicates: hiding an independent source is the costly error, so precision must be perfect (the issue's
# target). Family recall was 11 of 11 when the labels were written; the floor allows one miss. Whole-article
# marking (``duplicate_of``) found 7 of 11: it missed a partial copy (the first three paragraphs), a copy whose
# shared lines cleaning dropped as furniture, and two edited copies at Jaccard 0.69 and 0.73, just under
# COPY_MIN_JACCARD; the sentence-level families caught all four.
# Types: accuracy at what the code reaches, rounded down (0.87, 59 of 68, when the labels were written;
# the code of the stop before scored 0.62). The misses, listed with -s, are names with no cue around
# them ("the workshop of Dieter Kessler", "Marta Ivens won").
MIN_TYPE_ACCURACY = 0.85
MIN_DUPLICATE_PRECISION = 1.0
MIN_DUPLICATE_RECALL = 0.9
MIN_MARKED_RECALL = 0.6
# How big the set must stay for the figures above to mean something.
MIN_CLUSTERS = 15
MIN_LABELS = {"non_conflicts": 15, "variants": 15, "non_variants": 15, "duplicates": 8, "non_duplicates": 8, "types": 60}
MIN_CLUSTERS_WITH_COPIES = 8
ARTICLES_PER_CLUSTER = (2, 5)


def _cases() -> list[tuple[str, dict]]:
    return [(path.stem, json.loads(path.read_text(encoding="utf-8"))) for path in sorted(LABELLED.glob("*.json"))]


def _corpus(case: dict) -> Corpus:
    articles = [Article(id=a["id"], text=a["text"], date=a.get("date")) for a in case["articles"]]
    return prepare_corpus(articles)


def _ratio(hits: int, total: int) -> float:
    return hits / max(1, total)


def _report(what: str, precision: tuple[int, int], recall: tuple[int, int], errors: list[str]) -> None:
    print(
        f"\nlabelled {what}: precision {_ratio(*precision):.2f} ({precision[0]}/{precision[1]}), "
        f"recall {_ratio(*recall):.2f} ({recall[0]}/{recall[1]})"
    )
    for error in errors:
        print("  ", error)


def _joins(conflict: dict, pair: list[str]) -> bool:
    values = [claim["value"] for claim in conflict["claims"]]
    first = [k for k, v in enumerate(values) if pair[0] in v]
    second = [k for k, v in enumerate(values) if pair[1] in v]
    return any(a != b for a in first for b in second)


def _score_conflicts() -> tuple[int, int, int, int, list[str]]:
    true_pos = false_pos = found = total = 0
    errors = []
    for name, case in _cases():
        corpus = _corpus(case)
        predicted = find_conflicts(corpus, copy_families(corpus))
        for conflict in predicted:
            if any(_joins(conflict, pair) for pair in case["conflicts"]):
                true_pos += 1
            else:
                false_pos += 1
                errors.append(f"{name}: false {[c['value'] for c in conflict['claims']]}")
        for pair in case["conflicts"]:
            total += 1
            if any(_joins(conflict, pair) for conflict in predicted):
                found += 1
            else:
                errors.append(f"{name}: missed {pair}")
    return true_pos, false_pos, found, total, errors


def _together(entities: dict[str, set[str]], a: str, b: str) -> bool:
    return any({a.lower(), b.lower()} <= forms for forms in entities.values())


def _listed_as(entities: dict[str, set[str]], form: str) -> str:
    return next((repr(name) for name, forms in entities.items() if form.lower() in forms), "not listed")


def _score_variants() -> tuple[int, int, int, list[str]]:
    """(true positives, false merges, misses, errors) over the labelled pairs of forms."""
    true_pos = false_pos = missed = 0
    errors = []
    for name, case in _cases():
        corpus = _corpus(case)
        listed = find_entities(corpus, copy_families(corpus))
        entities = {e["name"]: {e["name"].lower(), *(v.lower() for v in e["variants"])} for e in listed}
        for group in case["variants"]:
            for a, b in itertools.combinations(group, 2):
                if _together(entities, a, b):
                    true_pos += 1
                else:
                    missed += 1
                    errors.append(
                        f"{name}: missed {a!r} ({_listed_as(entities, a)}) ~ {b!r} ({_listed_as(entities, b)})"
                    )
        for a, b in case["non_variants"]:
            if _together(entities, a, b):
                false_pos += 1
                errors.append(f"{name}: false merge {a!r} ~ {b!r} ({_listed_as(entities, a)})")
    return true_pos, false_pos, missed, errors


def _score_types() -> tuple[int, int, list[str]]:
    """(names typed right, labelled names, errors)."""
    right = total = 0
    errors = []
    for name, case in _cases():
        corpus = _corpus(case)
        listed = find_entities(corpus, copy_families(corpus))
        for form, kind in case["types"].items():
            total += 1
            found = next((e["type"] for e in listed if form == e["name"] or form in e["variants"]), None)
            if found == kind:
                right += 1
            else:
                errors.append(f"{name}: {form!r} is {kind}, typed {found}")
    return right, total, errors


def _copy_groups(case: dict) -> dict[str, int]:
    """Article id → its true copy group (an original and every copy of it share one)."""
    index = {a["id"]: k for k, a in enumerate(case["articles"])}
    group = group_pairs(len(index), ((index[copy], index[original]) for copy, original in case["duplicates"]))
    return {article: group[k] for article, k in index.items()}


def _score_duplicates() -> tuple[int, int, int, int, list[str]]:
    """(found in a family, marked duplicate_of the original, false pairs, labelled copies, errors)."""
    found = marked = false_pos = total = 0
    errors = []
    for name, case in _cases():
        corpus = _corpus(case)
        family = copy_families(corpus)
        truth = _copy_groups(case)
        for copy, original in case["duplicates"]:
            total += 1
            if family.get(copy, copy) == family.get(original, original):
                found += 1
            else:
                errors.append(f"{name}: missed copy {copy} of {original}")
            if corpus.copies.get(copy) == original:
                marked += 1
            else:
                errors.append(f"{name}: {copy} not marked duplicate_of {original} (marked: {corpus.copies.get(copy)})")
        ids = [a["id"] for a in case["articles"]]
        for a, b in itertools.combinations(ids, 2):
            predicted = family.get(a, a) == family.get(b, b) or corpus.copies.get(a) == b or corpus.copies.get(b) == a
            if predicted and truth[a] != truth[b]:
                false_pos += 1
                errors.append(f"{name}: {a} and {b} wrongly taken for copies")
    return found, marked, false_pos, total, errors


def test_labelled_set_is_large_enough() -> None:
    cases = [case for _, case in _cases()]
    assert len(cases) >= MIN_CLUSTERS
    low, high = ARTICLES_PER_CLUSTER
    assert all(low <= len(c["articles"]) <= high for c in cases)
    for key, least in MIN_LABELS.items():
        assert sum(len(c[key]) for c in cases) >= least, key
    assert sum(bool(c["duplicates"]) for c in cases) >= MIN_CLUSTERS_WITH_COPIES


def test_labels_name_what_the_articles_say() -> None:
    """A label that no longer matches the text would measure nothing: every labelled phrase and form
    occurs in the cluster's articles, and every labelled pair names its cluster's articles."""
    for name, case in _cases():
        texts = " ".join(a["text"] for a in case["articles"])
        ids = {a["id"] for a in case["articles"]}
        assert len(ids) == len(case["articles"]), name
        phrases = [p for key in ("conflicts", "non_conflicts", "non_variants") for pair in case[key] for p in pair]
        for phrase in phrases + [form for group in case["variants"] for form in group] + list(case["types"]):
            assert phrase in texts, (name, phrase)
        assert all(len(group) >= 2 for group in case["variants"]), name
        for key in ("duplicates", "non_duplicates"):
            for a, b in case[key]:
                assert a in ids and b in ids and a != b, (name, key, a, b)
        truth = _copy_groups(case)
        assert all(truth[a] != truth[b] for a, b in case["non_duplicates"]), name


def test_conflict_precision_and_recall() -> None:
    true_pos, false_pos, found, total, errors = _score_conflicts()
    _report("conflicts", (true_pos, true_pos + false_pos), (found, total), errors)
    assert _ratio(true_pos, true_pos + false_pos) >= MIN_PRECISION, errors
    assert _ratio(found, total) >= MIN_RECALL, errors


def test_variant_precision_and_recall() -> None:
    true_pos, false_pos, missed, errors = _score_variants()
    _report("variants", (true_pos, true_pos + false_pos), (true_pos, true_pos + missed), errors)
    assert _ratio(true_pos, true_pos + false_pos) >= MIN_VARIANT_PRECISION, errors
    assert _ratio(true_pos, true_pos + missed) >= MIN_VARIANT_RECALL, errors


def test_type_accuracy() -> None:
    right, total, errors = _score_types()
    print(f"\nlabelled types: accuracy {_ratio(right, total):.2f} ({right}/{total})")
    for error in errors:
        print("  ", error)
    assert _ratio(right, total) >= MIN_TYPE_ACCURACY, errors


def test_duplicate_precision_and_recall() -> None:
    found, marked, false_pos, total, errors = _score_duplicates()
    _report("duplicates", (found, found + false_pos), (found, total), errors)
    print(f"   marked duplicate_of the labelled original: {marked}/{total}")
    assert _ratio(found, found + false_pos) >= MIN_DUPLICATE_PRECISION, errors
    assert _ratio(found, total) >= MIN_DUPLICATE_RECALL, errors
    assert _ratio(marked, total) >= MIN_MARKED_RECALL, errors
