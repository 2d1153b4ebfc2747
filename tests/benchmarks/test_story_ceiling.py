"""benchmarks/story_ceiling.py: what the sentence embeddings read of an article, and the rows skipped without torch."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import story_ceiling  # noqa: E402

from synoptic.model import Article  # noqa: E402


def test_lead_text_is_the_title_and_the_first_words() -> None:
    words = [f"w{n}" for n in range(story_ceiling.LEAD_WORDS + 50)]
    article = Article(id="a", title="Ferry runs aground off Tarn Point", text=" ".join(words))
    lead = story_ceiling.lead_text(article)
    assert lead.startswith("Ferry runs aground off Tarn Point. w0 w1 ")
    assert lead.split()[-1] == f"w{story_ceiling.LEAD_WORDS - 1}"
    assert story_ceiling.lead_text(Article(id="b", text="No title here.")) == "No title here."


def test_lead_paragraphs_skip_blank_lines_and_stop_at_the_limit() -> None:
    paragraphs = [f"Paragraph {n} about the ferry." for n in range(story_ceiling.LEAD_PARAGRAPHS + 2)]
    article = Article(id="a", title="Ferry aground", text="\n\n".join(paragraphs))
    assert story_ceiling.lead_paragraphs(article) == ["Ferry aground", *paragraphs[: story_ceiling.LEAD_PARAGRAPHS]]


@pytest.mark.skipif(importlib.util.find_spec("torch") is not None, reason="torch is installed here")
def test_without_torch_the_embedding_rows_are_skipped_with_a_note(capsys: pytest.CaptureFixture[str]) -> None:
    assert story_ceiling.sentence_encoder() is None
    error = capsys.readouterr().err.strip()
    assert error.startswith("story_ceiling: torch is not installed") and "\n" not in error
