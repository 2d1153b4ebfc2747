"""Brief jobs: reading raw inputs in the worker, errors as statuses, overload, and a worker that dies."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import time
from pathlib import Path

import pytest

from synoptic.options import Options
from synoptic.service.engine import MAX_PENDING_BRIEFS, BriefEngine, BriefJob, RawFile, run_job
from synoptic.service.errors import OverloadedError, ServiceError
from tests.conftest import SAMPLE, make_article
from tests.service.conftest import STORY, children_of, needs_proc, process_alive


def job(*inputs, max_articles: int = 10, **options) -> BriefJob:
    return BriefJob(brief_id="b-test", inputs=inputs, options=Options(**options), max_articles=max_articles)


def test_raw_files_are_read_in_the_worker_and_a_bad_one_is_skipped_with_a_warning() -> None:
    files = [RawFile(p.name, p.read_bytes(), p.suffix) for p in sorted(SAMPLE.iterdir())]
    result = run_job(job(*files, RawFile("scan.txt", b"\x00\x01" * 100, ".txt"), words=50))
    assert result.error is None
    assert result.brief["id"] == "b-test" and result.brief["meta"]["words"] == 50
    assert result.brief["warnings"] == ["scan.txt: this looks like a binary file, not text; give text, HTML, JSON(L), RSS/Atom or WARC files (.txt .html .json .jsonl .rss .atom .xml .warc .warc.gz); skipped"]
    assert [a["id"] for a in result.articles] == [p.stem for p in sorted(SAMPLE.iterdir())]
    html = next(a for a in result.articles if a["id"] == "06_broadcaster")
    assert html["source"] == "ERB News" and "<" not in html["text"]  # trafilatura's text, as the evidence spans index it


def test_the_lines_a_reader_skips_are_warnings_as_the_cli_reports_them() -> None:
    lines = [json.dumps({"id": f"a{i}", "text": text}) for i, text in enumerate(STORY)]
    data = "\n".join([lines[0], '{"id": "cut"', json.dumps({"id": "empty", "text": ""}), *lines[1:]]).encode()
    result = run_job(job(RawFile("wire.jsonl", data, ".jsonl")))
    assert result.error is None and len(result.articles) == len(STORY)
    assert [w.split(":")[0] for w in result.brief["warnings"]] == ["wire.jsonl line 2", "wire.jsonl line 3"]
    nothing = run_job(job(RawFile("bad.jsonl", b'{"id": 1\n{"text": ""}\n', ".jsonl"))).error
    assert nothing[0] == 400 and "bad.jsonl line 1" in nothing[1] and "bad.jsonl line 2" in nothing[1]
    too_few = run_job(job(RawFile("empty.txt", b"", ".txt"), make_article(STORY[0]))).error
    assert too_few[0] == 400 and "only 1 article given" in too_few[1] and "also: empty.txt: the input is empty" in too_few[1]


def test_errors_come_back_as_status_and_message() -> None:
    articles = [make_article(text, id=f"a{i}") for i, text in enumerate(STORY)]
    assert run_job(job(articles[0])).error[0] == 400  # one article: too few to compare
    assert run_job(job(*articles, method="nope")).error[0] == 422
    assert run_job(job(RawFile("x.txt", b"", ".txt"))).error == (400, "no articles could be read: x.txt: the input is empty; give a file that contains article text; skipped")
    lines = "".join(json.dumps({"text": f"Article number {i} about the ferry."}) + "\n" for i in range(5)).encode()
    status, message = run_job(job(RawFile("many.jsonl", lines, ".jsonl"), max_articles=3)).error
    assert status == 413 and "5 articles" in message  # one file that holds more articles than allowed
    same_ids = run_job(job(make_article(STORY[0], id="x"), make_article(STORY[1], id="x")))
    assert [a["id"] for a in same_ids.articles] == ["x", "x~2"]


def test_a_full_queue_is_refused_with_503() -> None:
    engine = BriefEngine(1)
    engine.pending = MAX_PENDING_BRIEFS
    with pytest.raises(OverloadedError) as refused:
        asyncio.run(engine.run(job(*[make_article(t, id=f"a{i}") for i, t in enumerate(STORY)])))
    assert refused.value.status == 503
    engine.close()


@needs_proc
def test_a_dead_worker_fails_one_request_and_the_pool_is_replaced() -> None:
    ok_job = job(*[make_article(t, id=f"a{i}") for i, t in enumerate(STORY)])

    async def scenario() -> None:
        engine = BriefEngine(1)
        await engine.start()
        worker = next(pid for pid in children_of(os.getpid()) if process_alive(pid) and b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes())
        os.kill(worker, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while process_alive(worker) and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.5)  # the pool's manager thread notices the death
        with pytest.raises(ServiceError) as failed:
            await engine.run(ok_job)
        assert failed.value.status == 500
        assert (await engine.run(ok_job)).error is None  # the replacement pool works
        engine.close()

    asyncio.run(scenario())


def test_a_brief_that_runs_out_of_memory_is_a_bad_request_not_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    from synoptic.summarize import METHODS

    def runs_out_of_memory(corpus, words: int) -> list[int]:
        raise MemoryError

    monkeypatch.setitem(METHODS._items, "needs_more_memory", runs_out_of_memory)
    articles = [make_article(text, id=f"a{i}") for i, text in enumerate(STORY)]
    status, message = run_job(job(*articles, method="needs_more_memory")).error
    assert status == 400 and message.startswith("the request: ran out of memory briefing its")
