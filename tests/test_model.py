"""The document model's own rules."""

from __future__ import annotations

import pytest

from synoptic.model import Article


@pytest.mark.parametrize("title", ["andHT;", "URGENT", "NYTR-LKL-VIOX", "GREECE-CRASH-ART-735&ADD-NYT", "   ", ""])
def test_a_title_that_is_no_headline_leaves_the_article_untitled(title: str) -> None:
    assert Article(id="a1", text="Body.", title=title).title is None


@pytest.mark.parametrize("title", ["Raqqa falls", "SDF says Raqqa has fallen", "  Bridge reopens  "])
def test_a_headline_is_kept_as_given(title: str) -> None:
    assert Article(id="a1", text="Body.", title=title).title == title
