"""The server-owned articles folder: briefed by name, never by path, links never followed."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from synoptic.errors import SynopticError
from synoptic.service.errors import NotFoundError, TooLargeError
from synoptic.service.folders import ArticleFolders
from tests.conftest import SAMPLE


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = tmp_path / "articles"
    shutil.copytree(SAMPLE, root / "varrow")
    (root / "varrow" / "nested").mkdir()
    (root / "varrow" / "nested" / "07_extra.txt").write_text("Extra report\n\nA made-up extra report of the landslide.\n")
    (root / "varrow" / "nested" / "crawl.warc.gz").write_bytes(gzip.compress(b"WARC/1.0\r\n"))  # read by its last two suffixes
    (root / "varrow" / ".draft.txt").write_text("Hidden\n\nNot to be read.\n")
    (root / "varrow" / "notes.md").write_text("not an article format")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Secret\n\nOutside the folder.\n")
    (root / "varrow" / "link.txt").symlink_to(outside / "secret.txt")
    (root / "varrow" / "linked-dir").symlink_to(outside, target_is_directory=True)
    (root / "escape").symlink_to(outside, target_is_directory=True)
    (root / ".hidden").mkdir()
    (root / "file.txt").write_text("a file, not a folder")
    return root


def test_only_real_visible_subfolders_are_listed(root: Path) -> None:
    assert ArticleFolders(root).names() == ["varrow"]


def test_a_folder_reads_like_the_cli_reads_it_without_links_or_hidden_files(root: Path) -> None:
    files, notes = ArticleFolders(root).read("varrow", max_files=100, max_bytes=10**7)
    expected = sorted(p.name for p in SAMPLE.iterdir())
    assert [f.origin for f in files] == [f"varrow/{name}" for name in expected] + ["varrow/nested/07_extra.txt", "varrow/nested/crawl.warc.gz"]
    assert files[-1].suffix == ".warc.gz"
    assert all(b"Outside the folder" not in f.data for f in files)
    assert notes == ["varrow: passed over 1 file of a kind synoptic does not read (notes.md); it reads .txt, .html, .json, .jsonl, .rss/.atom/.xml feeds or .warc(.gz) files"]


@pytest.mark.parametrize("name", ["..", "../outside", "varrow/..", "varrow/nested", "/etc", "escape", ".hidden", "", "file.txt"])
def test_anything_but_a_listed_name_is_not_found(root: Path, name: str) -> None:
    with pytest.raises(NotFoundError, match="choose one of: varrow"):
        ArticleFolders(root).read(name, max_files=100, max_bytes=10**7)


def test_limits(root: Path) -> None:
    with pytest.raises(TooLargeError, match="at most 3"):
        ArticleFolders(root).read("varrow", max_files=3, max_bytes=10**7)
    with pytest.raises(TooLargeError, match="MB"):
        ArticleFolders(root).read("varrow", max_files=100, max_bytes=3000)


def test_a_missing_root_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(SynopticError, match="no such folder"):
        ArticleFolders(tmp_path / "nope")
