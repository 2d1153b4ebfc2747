"""Readers for each format, folders, stdin, and every kind of bad input."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from synoptic.errors import InputError
from synoptic.ingest import iter_articles, iter_clusters, read_bytes, read_inputs
from synoptic.ingest.text import split_title

HTML_PAGE = """<!doctype html><html><head><title>Ferry service resumes - Bay Post</title>
<meta name="date" content="2024-06-01"><meta property="og:site_name" content="Bay Post"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Ferry service resumes</h1>
<p>The ferry between Dunmore and Carrick sailed again on Saturday after a week of storms kept it in port.</p>
<p>The operator said all sailings would run to the normal timetable from Monday, with extra crossings at weekends.</p>
<p>Passengers queued from early morning, and the first boat left the harbour twenty minutes late.</p>
</article><footer>Copyright Bay Post. All rights reserved.</footer></body></html>"""


def test_text_title_is_split_off_and_body_kept_exactly() -> None:
    title, body = split_title("Ferry service resumes\n\nThe ferry sailed again.\n")
    assert title == "Ferry service resumes"
    assert body == "\nThe ferry sailed again.\n"
    assert split_title("The ferry sailed again on Saturday.\nIt was late.")[0] is None
    assert split_title("Only a headline")[0] is None


def test_txt_reader_uses_the_file_stem_as_id() -> None:
    [article] = read_bytes(b"Ferry resumes\nThe ferry sailed again on Saturday.\n", "news/bay_post.txt", ".txt")
    assert (article.id, article.title, article.origin) == ("bay_post", "Ferry resumes", "news/bay_post.txt")


def test_html_reader_extracts_body_title_date_and_site() -> None:
    [article] = read_bytes(HTML_PAGE.encode(), "page.html", ".html")
    assert "sailed again on Saturday" in article.text
    assert "Home" not in article.text and "All rights reserved" not in article.text
    assert article.title and article.title.startswith("Ferry service resumes")
    assert article.date == "2024-06-01"
    assert article.source == "Bay Post"


@pytest.mark.parametrize(
    "declaration", ['<meta charset="windows-1252">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">']
)
def test_a_saved_page_in_the_charset_it_declares_is_read_in_it(declaration: str) -> None:
    page = HTML_PAGE.replace("<head>", f"<head>{declaration}").replace("twenty minutes late", "twenty minutes late – at 7:20, the café said")
    [article] = read_bytes(page.encode("cp1252"), "page.html", ".html")
    assert "late – at 7:20, the café said" in article.text


def test_a_page_whose_bytes_its_declared_charset_lacks_is_refused_as_not_utf8() -> None:
    page = HTML_PAGE.replace("<head>", '<head><meta charset="ascii">').replace("late", "late – at 7:20")
    with pytest.raises(InputError, match="page.html: the bytes are not valid UTF-8"):
        read_bytes(page.encode("cp1252"), "page.html", ".html")


def test_json_cluster_and_bare_list_and_jsonl() -> None:
    cluster = {"id": "c9", "articles": [{"id": "x", "text": "One."}, {"text": "Two.", "title": "Two reports", "source": "S"}]}
    articles = read_bytes(json.dumps(cluster).encode(), "c.json", ".json")
    assert [a.id for a in articles][0] == "x" and articles[1].title == "Two reports" and articles[1].source == "S"
    assert articles[1].id.startswith("a")  # stable content id
    assert read_bytes(json.dumps(cluster).encode(), "c.json", ".json")[1].id == articles[1].id
    bare = read_bytes(json.dumps([{"text": "One."}, "Two."]).encode(), "l.json", ".json")
    assert [a.text for a in bare] == ["One.", "Two."]
    lines = b'{"id": "p", "text": "One."}\n\n{"id": "q", "text": "Two."}\n'
    assert [a.id for a in read_bytes(lines, "a.jsonl", ".jsonl")] == ["p", "q"]
    one_cluster = (json.dumps(cluster) + "\n").encode()
    assert len(read_bytes(one_cluster, "c.jsonl", ".jsonl")) == 2


def test_duplicate_ids_in_a_cluster_are_made_unique() -> None:
    cluster = {"articles": [{"id": "x", "text": "One."}, {"id": "x", "text": "Two."}]}
    assert [a.id for a in read_bytes(json.dumps(cluster).encode(), "c.json", ".json")] == ["x", "x~1"]


def test_folder_is_read_recursively_in_stable_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second report of the storm.")
    (tmp_path / "a.txt").write_text("First report of the storm.")
    (tmp_path / "notes.md").write_text("ignored")
    (tmp_path / ".hidden.txt").write_text("ignored too")
    result = read_inputs([str(tmp_path)])
    assert [a.id for a in result.articles] == ["a", "2"] and not result.errors


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])  # PowerShell and Notepad start UTF-8 with a byte order mark
def test_stdin_is_sniffed(monkeypatch: pytest.MonkeyPatch, bom: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(bom + b'[{"text": "One."}, {"text": "Two."}]')))
    result = read_inputs(["-"])
    assert len(result.articles) == 2 and result.articles[0].origin == "<stdin>"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(bom + HTML_PAGE.encode())))
    [page] = read_inputs(["-"]).articles
    assert page.title and page.title.startswith("Ferry service resumes") and "<" not in page.text


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"   \n", "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        ("latin.txt", "Café in Zürich.".encode("latin-1"), "UTF-8"),
        # Windows' "ANSI": the advice must name its encoding, as latin1 turns its dashes and quotes into control characters
        ("windows.txt", "Quay closed – “for now”.".encode("cp1252"), "not valid UTF-8 (at byte 12); re-save the file as UTF-8 (e.g. iconv -f windows-1252"),
        ("notepad.txt", "Ferry sails again\n\nThe ferry sailed.".encode("utf-16"), "UTF-16 text; re-save it as UTF-8"),
        ("nothing.html", b"<html><body><nav>Home</nav></body></html>", "no article text"),
        ("broken.json", b'{"articles": [', "not valid JSON"),
        ("raw_newline.json", b'[{"text": "A ferry\nsailed."}]', "not valid JSON (Invalid control character at line 1 column 19)"),
        ("deep.json", b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        ("notext.json", b'{"articles": [{"title": "x"}]}', "notext.json article 1: the article has no text; give each article"),
        ("nulltext.json", b'[{"text": null}, {"text": "A ferry sailed."}]', "has no text"),
        ("numbertext.json", b'{"articles": [{"text": 5}, {"text": "A ferry sailed."}]}', "article 1: the article has a \"text\" that is a number, not a string; give the article's text as one JSON string"),
        ("paragraphs.json", b'[{"text": ["The ferry sailed.", "It sank."]}, {"text": "A ferry sailed."}]', "has a \"text\" that is a list, not a string"),
        ("badsummary.json", b'{"summary": 5, "articles": [{"text": "A ferry sailed."}]}', "summary"),
        ("many.jsonl", b'{"articles": [{"text": "a"}]}\n{"articles": [{"text": "b"}]}\n', "--clusters"),
        ("empty_list.json", b"[]", "holds no articles"),
        ("no_articles.json", b'{"id": "c1", "articles": []}', "holds no articles"),
        ("one_bad_line.jsonl", b'{"id": 3}\n', "line 1: article '3' has no text"),
        ("title_only.txt", b"Just a headline\n\n", "no article text"),
    ],
)
def test_bad_inputs_are_reported_not_raised(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = read_inputs([str(path)])
    assert not result.articles
    [error] = result.errors
    assert isinstance(error, InputError)
    assert str(path) in str(error) and message in str(error)
    assert "\n" not in str(error)


def test_a_bad_jsonl_line_is_reported_with_its_number_and_the_good_lines_kept(tmp_path: Path) -> None:
    good = [{"text": "The ferry left Kelsby harbour on Monday."}, {"text": "It came back on Tuesday after a gale."}]
    path = tmp_path / "m.jsonl"
    path.write_text(json.dumps(good[0]) + '\n{"id": 3}\nnot json\n\n' + json.dumps(good[1]) + "\n")
    result = read_inputs([str(path)])
    assert [a.text for a in result.articles] == [g["text"] for g in good]
    assert [str(e).split(":")[0] for e in result.errors] == [f"{path} line 2", f"{path} line 3"]
    assert "has no text" in str(result.errors[0]) and "fix the line" in str(result.errors[1])
    (tmp_path / "fixed").mkdir()
    clean = tmp_path / "fixed" / "m.jsonl"
    clean.write_text("".join(json.dumps(g) + "\n" for g in good))
    assert [a.id for a in read_inputs([str(clean)]).articles] == [a.id for a in result.articles]  # ids as without the bad lines


def test_missing_path_and_bad_item_in_folder(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("The ferry sailed again on Saturday.")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x00")
    result = read_inputs([str(tmp_path), str(tmp_path / "missing.txt")])
    assert [a.id for a in result.articles] == ["good"]
    assert len(result.errors) == 2 and "no such file" in str(result.errors[1])


def test_a_bad_jsonl_line_gets_the_same_message_whether_the_file_is_read_whole_or_streamed(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text('{"text": "The ferry sailed again."}\n{"id": "cut"\n{"text": "The ferry sailed at nine."}\n')
    [whole] = read_inputs([str(path)]).errors
    [streamed] = [item for item in iter_articles([str(path)]) if isinstance(item, InputError)]
    [batch] = [item for item in iter_clusters(path) if isinstance(item, InputError) and "line 2:" in str(item)]  # `brief --clusters`
    assert str(whole) == str(streamed) == str(batch)
    assert f"{path} line 2: not valid JSON (Expecting ',' delimiter at column 13)" in str(whole)


def test_a_streamed_cluster_line_dates_its_undated_articles_by_the_cluster_approximately(tmp_path: Path) -> None:
    """`stories ingest` and `spark run` stream cluster lines: an undated article of a June cluster must not
    take the newest day of the whole stream (a December cluster's), which misplaces it and its timeline."""
    path = tmp_path / "clusters.jsonl"
    june = {"id": "strike", "date": "2025-06-10", "articles": [
        {"id": "s1", "date": "2025-06-09", "text": "Dockers at the port walked out on Monday over pay."},
        {"id": "s2", "text": "Talks in the dockers' strike resumed on Wednesday."}]}
    december = {"id": "quake", "date": "2025-12-01", "articles": [{"id": "q1", "text": "A small earthquake shook the valley."}]}
    undated = {"id": "plain", "articles": [{"id": "p1", "text": "A ferry sailed again."}]}
    path.write_text("".join(json.dumps(c) + "\n" for c in (june, december, undated)))
    articles = {a.id: a for a in iter_articles([str(path)]) if not isinstance(a, InputError)}
    assert (articles["s1"].date, articles["s1"].date_approximate) == ("2025-06-09", False)  # its own date stands
    assert (articles["s2"].date, articles["s2"].date_approximate) == ("2025-06-10", True)
    assert (articles["q1"].date, articles["q1"].date_approximate) == ("2025-12-01", True)
    assert (articles["p1"].date, articles["p1"].date_approximate) == (None, False)  # nothing to date it by


def test_a_batch_names_the_cluster_an_article_without_text_makes_it_skip(monkeypatch: pytest.MonkeyPatch) -> None:
    """`brief --clusters` skips the whole cluster for one empty article: the error names that cluster, and
    stdin is "<stdin>" as every other reader calls it."""
    lines = [{"id": "fire", "articles": [{"text": "The library burned down."}, {"id": "blank", "text": ""}]},
             {"articles": [{"text": ""}]}]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("".join(json.dumps(c) + "\n" for c in lines).encode())))
    named, unnamed = [str(e) for e in iter_clusters("-")]
    assert named.startswith("<stdin> line 1 (cluster fire) article 2: article 'blank' has no text;")
    assert unnamed.startswith("<stdin> line 2 article 1: the article has no text;")  # no id of its own to give


def test_a_streamed_cluster_line_loses_only_its_bad_article(tmp_path: Path) -> None:
    """A stream's unit is the article: one empty article of a cluster line is reported, and its cluster's
    other articles are still read (a batch of briefs, whose unit is the cluster, still skips the cluster)."""
    path = tmp_path / "clusters.jsonl"
    line = {"id": "fire", "articles": [{"id": "f1", "text": "The library on Quay Street burned down overnight."},
                                       {"id": "blank", "text": ""},
                                       {"id": "f2", "text": "Firefighters saved the reading room's older books."}]}
    path.write_text(json.dumps(line) + "\n")
    items = list(iter_articles([str(path)]))
    errors = [str(item) for item in items if isinstance(item, InputError)]
    assert [item.id for item in items if not isinstance(item, InputError)] == ["f1", "f2"]
    assert len(errors) == 1 and errors[0].startswith(f"{path} line 1 (cluster fire) article 2: article 'blank' has no text;")
    [batch] = list(iter_clusters(path))
    assert isinstance(batch, InputError) and str(batch) == errors[0]
