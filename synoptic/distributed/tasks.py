"""What the Spark job runs on its executors: Arrow record batches in, Arrow record batches out.

Each function here is handed to ``DataFrame.mapInArrow`` and is a thin shell over the functions the
single-machine commands use (the readers, ``term_counts``, the store's near-duplicate test,
``synoptic.distributed.assign``, ``make_brief``), so that both paths compute the same things. Arrow
rather than pandas: the rows carry arrays of hashed features, which Arrow hands over as numpy
views without a copy per row, and PySpark does not yet fully support pandas 3.
"""

from __future__ import annotations

import io
import json
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyarrow as pa

from synoptic.clean.duplicates import COPY_MIN_JACCARD, MIN_SHINGLES, jaccard
from synoptic.distributed.assign import StoryAssigner, TermCounts, WindowSignatures
from synoptic.errors import InputError, SynopticError
from synoptic.ingest import _iter_bytes, iter_article_lines
from synoptic.ingest.warc import iter_warc
from synoptic.model import Article
from synoptic.options import Options
from synoptic.stories import BRIEF_MAX_ARTICLES, brief_of_story
from synoptic.stories.features import Signature, news_day, term_counts
from synoptic.stories.store import _band_keys, _shingles_of, fingerprint

ROWS_PER_BATCH = 1000  # output rows per Arrow batch: a batch of article texts stays a few MB


@dataclass(frozen=True)
class Table:
    """A table's columns once, as Spark DDL (for mapInArrow) and as the Arrow schema the batches use."""

    columns: tuple[tuple[str, str, pa.DataType], ...]

    @property
    def ddl(self) -> str:
        return ", ".join(f"{name} {spark_type}" for name, spark_type, _ in self.columns)

    @property
    def schema(self) -> pa.Schema:
        return pa.schema([(name, arrow_type) for name, _, arrow_type in self.columns])

    def batches(self, rows: Iterable[dict[str, Any]]) -> Iterator[pa.RecordBatch]:
        """Rows (dicts by column name) as record batches of ROWS_PER_BATCH rows."""
        pending: list[dict[str, Any]] = []
        for row in rows:
            pending.append(row)
            if len(pending) >= ROWS_PER_BATCH:
                yield pa.RecordBatch.from_pylist(pending, schema=self.schema)
                pending = []
        if pending:
            yield pa.RecordBatch.from_pylist(pending, schema=self.schema)


_TEXT = (("title", "string", pa.string()), ("text", "string", pa.string()), ("date", "string", pa.string()),
         ("source", "string", pa.string()), ("url", "string", pa.string()), ("approximate", "boolean", pa.bool_()))  # fmt: skip
RECORDS = Table((("file", "int", pa.int32()), ("position", "long", pa.int64()), ("origin", "string", pa.string()),
                 ("id", "string", pa.string()), *_TEXT, ("error", "string", pa.string())))  # fmt: skip
FEATURES = Table((*RECORDS.columns, ("day", "int", pa.int32()), ("fingerprint", "string", pa.string()),
                  ("features", "array<int>", pa.list_(pa.int32())), ("counts", "array<double>", pa.list_(pa.float64())),
                  ("bands", "array<long>", pa.list_(pa.int64()))))  # fmt: skip
SIGNATURES = Table((("order", "long", pa.int64()), ("article", "string", pa.string()), ("day", "int", pa.int32()),
                    ("terms", "array<int>", pa.list_(pa.int32())), ("weights", "array<double>", pa.list_(pa.float64()))))  # fmt: skip
SCORES = Table((("copy", "long", pa.int64()), ("original", "long", pa.int64()), ("score", "double", pa.float64())))
PLACED = Table((("article", "string", pa.string()), ("story", "string", pa.string()), ("duplicate_of", "string", pa.string()),
                ("merged_into", "string", pa.string()), ("move", "long", pa.int64())))  # fmt: skip
BRIEFS = Table((("story", "string", pa.string()), ("brief", "string", pa.string()), ("error", "string", pa.string())))


def rows_of(batches: Iterable[pa.RecordBatch]) -> Iterator[dict[str, Any]]:
    """Rows of plain Python values (lists for array columns)."""
    for batch in batches:
        yield from batch.to_pylist()


def _arrays(column: pa.Array) -> list[np.ndarray]:
    """A list column as one numpy view per row (an empty array for a null row)."""
    offsets = column.offsets.to_numpy()
    values = column.values.to_numpy(zero_copy_only=False)
    return [values[offsets[i] : offsets[i + 1]] for i in range(len(column))]


# --- reading ------------------------------------------------------------------------------------
def read_file(data: bytes, origin: str, suffix: str) -> Iterator[Article | InputError]:
    """The articles of one input file and an InputError per bad record, as `synoptic stories ingest`
    reads a file: JSONL and WARC record by record, anything else by its reader (sniffed if unknown)."""
    if suffix in (".warc", ".warc.gz"):
        yield from iter_warc(io.BytesIO(data), origin)
    elif suffix == ".jsonl":
        yield from iter_article_lines(io.BytesIO(data), origin)
    else:
        yield from _iter_bytes(data, origin, suffix)  # ingest's own path for a whole file's bytes


def read_task(files: dict[str, tuple[int, str, str]], batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """binaryFile rows (path, content) → one RECORDS row per article or bad record, numbered in file
    order. ``files``: the file's URI → (input order, name for messages, reader suffix)."""

    def rows() -> Iterator[dict[str, Any]]:
        for batch in batches:
            for uri, content in zip(batch.column("path").to_pylist(), batch.column("content").to_pylist()):
                index, origin, suffix = files[uri]
                position = 0
                for position, item in enumerate(_read_guarded(content, origin, suffix), 1):
                    row: dict[str, Any] = {"file": index, "position": position}
                    if isinstance(item, InputError):
                        row.update(origin=item.origin, error=str(item))
                    else:
                        row.update(origin=item.origin, id=item.id, title=item.title, text=item.text, date=item.date, source=item.source, url=item.url,
                                   approximate=item.date_approximate)  # fmt: skip
                    yield row
                if position == 0:  # nothing at all: say so, as the single-machine readers do
                    yield {"file": index, "position": 0, "origin": origin, "error": str(_nothing_in(origin, suffix))}

    return RECORDS.batches(rows())


def _read_guarded(data: bytes, origin: str, suffix: str) -> Iterator[Article | InputError]:
    """read_file, with a reader's crash on one file (a JSON nested beyond Python's recursion limit,
    say) reported as that file's error instead of failing the whole job."""
    try:
        yield from read_file(data, origin, suffix)
    except InputError as exc:
        yield exc
    except Exception as exc:  # noqa: BLE001 — one unreadable file must not end a corpus run
        yield InputError(origin, f"cannot be read ({type(exc).__name__}: {str(exc)[:120]})", "check that the file is a valid article file")


def _nothing_in(origin: str, suffix: str) -> InputError:
    if suffix in (".warc", ".warc.gz"):
        return InputError(origin, "no HTML article pages found in this WARC file", "give a WARC file of HTML response records (e.g. a Common Crawl News file)")
    return InputError(origin, "the input holds no articles", "give a file that contains article text")


def features_task(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """What the store computes per article, in parallel: fingerprint, day, hashed term counts and
    near-duplicate LSH band keys (none for a text too short to test, as in the store)."""

    def rows() -> Iterator[dict[str, Any]]:
        for row in rows_of(batches):
            if row["error"] is None:
                article = Article(id=row["id"], text=row["text"], title=row["title"], date=row["date"], source=row["source"], url=row["url"], origin=row["origin"])
                counts = term_counts(article)
                shingle_set = _shingles_of(article.text)
                row.update(
                    day=news_day(article.date),  # a date after tomorrow is a typo: placed as undated, as the store does
                    fingerprint=fingerprint(article),
                    features=np.fromiter(counts, dtype=np.int32, count=len(counts)),
                    counts=np.fromiter(counts.values(), dtype=np.float64, count=len(counts)),
                    bands=_band_keys(shingle_set) if len(shingle_set) >= MIN_SHINGLES else [],
                )
            yield row

    return FEATURES.batches(rows())


# --- the order-dependent steps ------------------------------------------------------------------
def signatures_task(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """Rows sorted by (window, order), each window led by its header row (order -1: the document
    frequencies at the window's start) → the signatures of the window's articles, streamed."""

    def rows() -> Iterator[dict[str, Any]]:
        window: WindowSignatures | None = None
        for batch in batches:
            columns = batch.select(["order", "article", "day", "documents_before"]).to_pydict()
            features, counts = _arrays(batch.column("features")), _arrays(batch.column("counts"))
            for i, order in enumerate(columns["order"]):
                if order < 0:  # the header of the next window
                    starts = batch.column("frequencies")[i].values or pa.array([], pa.struct([("feature", pa.int32()), ("start", pa.int64())]))
                    window = WindowSignatures(starts.field("feature").to_numpy(), starts.field("start").to_numpy(), columns["documents_before"][i])
                    continue
                assert window is not None, "every window's rows start with its header"
                signature = window.signature(TermCounts(columns["article"][i], columns["day"][i], features[i], counts[i]))
                yield {"order": order, "article": signature.article, "day": signature.day,
                       "terms": [f for f, _ in signature.terms], "weights": [w for _, w in signature.terms]}  # fmt: skip

    return SIGNATURES.batches(rows())


def jaccard_task(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """Candidate pairs (copy, original, their texts) → the pairs whose exact 5-shingle Jaccard makes
    them near-duplicates, with the score (the store's test, COPY_MIN_JACCARD)."""

    def rows() -> Iterator[dict[str, Any]]:
        for row in rows_of(batches):
            score = jaccard(_shingles_of(row["copy_text"]), _shingles_of(row["original_text"]))
            if score >= COPY_MIN_JACCARD:
                yield {"copy": row["copy"], "original": row["original"], "score": score}

    return SCORES.batches(rows())


def assign_task(idle_days: int, batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """The whole corpus in arrival order, in one task → each article's story and original, a row for
    each refinement move as it happens (``move``: its number, so an article's last move wins), then
    one row per merged-away story saying where its articles went (``merged_into``)."""

    def rows() -> Iterator[dict[str, Any]]:
        assigner = StoryAssigner(idle_days)
        moves = 0
        for batch in batches:
            terms, weights = _arrays(batch.column("terms")), _arrays(batch.column("weights"))
            for i, row in enumerate(batch.select(["article", "day", "original", "is_original"]).to_pylist()):
                signature = Signature(row["article"], row["day"], tuple(zip(terms[i].tolist(), weights[i].tolist())))
                placed = assigner.add(signature, row["original"], bool(row["is_original"]))
                for article, story in placed.moves:
                    moves += 1
                    yield {"article": article, "story": story, "move": moves}
                yield {"article": placed.article, "story": placed.story, "duplicate_of": placed.duplicate_of}
        for gone, survivor in sorted(assigner.redirects().items()):
            yield {"story": gone, "merged_into": survivor}

    return PLACED.batches(rows())


# --- briefs -------------------------------------------------------------------------------------
def story_brief_json(story: str, articles: list[Article], options: Options) -> str:
    """A story's brief as JSON, made as `synoptic stories show` makes it (synoptic.stories.brief_of_story)."""
    return json.dumps(brief_of_story(story, articles, options).to_dict(), ensure_ascii=False)


def briefs_task(options: Options, batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """Articles sorted by (story, order) → one brief per story; a story whose brief fails is reported
    in ``error`` and the rest go on, as `synoptic brief --clusters` does."""

    def brief_row(story: str, articles: list[Article]) -> dict[str, Any]:
        try:
            return {"story": story, "brief": story_brief_json(story, articles, options)}
        except SynopticError as exc:
            return {"story": story, "error": str(exc)}
        except Exception as exc:  # noqa: BLE001 — one story's bug must not end a corpus run
            return {"story": story, "error": f"story {story}: internal error ({type(exc).__name__}: {exc}); skipped — please report it"}

    def rows() -> Iterator[dict[str, Any]]:
        story: str | None = None
        recent: deque[Article] = deque(maxlen=BRIEF_MAX_ARTICLES)
        for row in rows_of(batches):
            if row["story"] != story:
                if story is not None:
                    yield brief_row(story, list(recent))
                story = row["story"]
                recent.clear()
            recent.append(Article(id=row["article"], text=row["text"], title=row["title"], date=row["date"], source=row["source"], url=row["url"],
                                  origin=row["origin"], date_approximate=bool(row["approximate"])))  # fmt: skip
        if story is not None:
            yield brief_row(story, list(recent))

    return BRIEFS.batches(rows())
