"""WARC files: made-up crawls written with warcio here, read record by record."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from synoptic.cli import main
from synoptic.errors import InputError
from synoptic.ingest import (
    iter_articles,
    read_bytes,
    read_inputs,
    reader_suffix,
    sniff_reader,
)

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PAGE = """<!doctype html><html><head><title>{title} | Valley Post</title>
<meta property="article:published_time" content="{date}"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>{title}</h1>{paragraphs}</article>
<footer>Copyright Valley Post</footer></body></html>"""
PAGES = [
    (
        "https://valleypost.example/news/mill-fire",
        "Fire destroys old Brenn mill",
        "2025-04-02",
        [
            "A fire destroyed the old Brenn textile mill on Tuesday night, sending smoke across the valley for hours.",
            "Firefighters from three stations fought the blaze until dawn, and nobody was hurt, the fire service said.",
            "The mill had been empty since 1998 and was due to be turned into flats next year.",
        ],
    ),
    (
        "https://valleypost.example/news/mill-cause",
        "Brenn mill fire was arson, police say",
        "2025-04-04",
        [
            "Police said on Thursday that the fire which destroyed the old Brenn mill was started deliberately.",
            "Detectives are asking anyone who saw people near the empty mill on Tuesday evening to come forward.",
            "The developer who owns the site said the flats would still be built.",
        ],
    ),
]


def page_html(title: str, date: str, paragraphs: list[str]) -> str:
    return PAGE.format(title=title, date=date, paragraphs="".join(f"<p>{p}</p>" for p in paragraphs))


def write_warc(path: Path, gzip: bool = False) -> Path:
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "synoptic tests"}))
        for uri, title, date, paragraphs in PAGES:
            request = writer.create_warc_record(uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            writer.write_record(request)
            body = page_html(title, date, paragraphs).encode("utf-8")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://valleypost.example/logo.png", "response", payload=io.BytesIO(b"\x89PNG...."), http_headers=image))
        index = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record("https://valleypost.example/", "response", payload=io.BytesIO(b"<html><body><nav>Home</nav></body></html>"), http_headers=index)
        )
    return path


@pytest.mark.parametrize("gzip", [False, True])
def test_html_responses_become_articles_and_the_rest_is_passed_over(tmp_path, gzip):
    path = write_warc(tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc"), gzip=gzip)
    assert reader_suffix(path) == (".warc.gz" if gzip else ".warc")
    articles = read_bytes(path.read_bytes(), str(path), reader_suffix(path))
    assert [a.url for a in articles] == [p[0] for p in PAGES]
    assert articles[0].title.startswith("Fire destroys old Brenn mill") and articles[0].date == "2025-04-02"
    assert "Firefighters from three stations" in articles[0].text and "Copyright" not in articles[0].text
    [skipped] = articles.skipped  # the index page: no article text; the PNG is not even tried
    assert "https://valleypost.example/" in str(skipped) and "no article text" in str(skipped)


def test_streamed_reading_matches(tmp_path):
    path = write_warc(tmp_path / "crawl.warc.gz", gzip=True)
    streamed = list(iter_articles([str(path)]))
    assert [type(x).__name__ for x in streamed] == ["Article", "Article", "InputError"]
    assert sniff_reader(path.read_bytes()) == ".warc.gz"
    assert sniff_reader(write_warc(tmp_path / "plain.warc").read_bytes()) == ".warc"


def test_a_corrupt_crawl_is_reported_not_fatal(tmp_path):
    good = write_warc(tmp_path / "good.warc").read_bytes()
    bad = tmp_path / "bad.warc"
    bad.write_bytes(good + b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999999\r\n\r\ntruncated")
    items = list(iter_articles([str(bad)]))
    assert [type(x).__name__ for x in items][:2] == ["Article", "Article"]
    assert isinstance(items[-1], InputError)
    with pytest.raises(InputError, match="no HTML article pages"):
        read_bytes(b"WARC/1.0\r\nthis is not really a warc file\r\n", "junk.warc", ".warc")


def test_brief_and_stories_read_warc_files(tmp_path, capsys):
    write_warc(tmp_path / "crawl.warc.gz", gzip=True)
    result = read_inputs([str(tmp_path)])
    assert len(result.articles) == 2 and len(result.errors) == 1
    assert main(["brief", str(tmp_path / "crawl.warc.gz"), "--format", "json", "--words", "40"]) == 1  # index page skipped
    assert "Brenn" in capsys.readouterr().out
    db = tmp_path / "s.db"
    assert main(["stories", "ingest", str(tmp_path / "crawl.warc.gz"), "--db", str(db)]) == 1
    assert "2 added" in capsys.readouterr().err
    assert main(["stories", "list", "--db", str(db), "--format", "json"]) == 0
    assert '"articles": 2' in capsys.readouterr().out  # both mill reports in one story


def record_spans(path: Path) -> list[tuple[str, str | None, int, int]]:
    """(type, target URI, offset, length) of each record, as warcio finds them in the whole file."""
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as handle:
        archive = ArchiveIterator(handle)
        return [
            (r.rec_type, r.rec_headers.get_header("WARC-Target-URI"), archive.get_record_offset(), archive.get_record_length())
            for r in archive
        ]


@pytest.mark.parametrize("gzip", [False, True])
@pytest.mark.parametrize("where", ["inside the second page", "inside the second request"])
def test_a_crawl_cut_short_is_reported_and_its_partial_page_is_not_stored(tmp_path, gzip, where):
    whole = write_warc(tmp_path / "whole.warc", gzip=gzip)
    spans = record_spans(whole)
    kind = "response" if where == "inside the second page" else "request"
    _, _, offset, length = next(s for s in spans if s[0] == kind and s[1] == PAGES[1][0])
    cut = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    cut.write_bytes(whole.read_bytes()[: offset + length // 2])
    items = list(iter_articles([str(cut)]))
    assert [x.url for x in items if not isinstance(x, InputError)] == [PAGES[0][0]]  # no half of the second page
    [error] = [x for x in items if isinstance(x, InputError)]
    assert "cut short" in str(error) and "\n" not in str(error)
    db = tmp_path / "s.db"
    assert main(["stories", "ingest", str(cut), "--db", str(db)]) == 1


LIBRARY = [
    "Haddon's public library will open on Sundays from next month, the county council said on Wednesday, after a petition signed by 1,500 residents.",
    "It will open from 11am to 4pm, staffed by two librarians and volunteers, at a cost of about 30,000 pounds a year.",
    "Council leader Maria Ostrand said the change answered the request the council heard most often from families.",
    "The building on Mill Street was refurbished last year and now has a children's reading room.",
]
LIBRARY_URL = "https://gazette.example/{path}haddon-library"


def library_page(date_meta: bool) -> str:
    """The crawled page of the feed item below: a byline, a photo caption and a newsletter line around its paragraphs."""
    meta = '<meta property="article:published_time" content="2017-10-16">' if date_meta else ""
    body = "".join(f"<p>{p}</p>" for p in LIBRARY[:2]) + "<p>Sign up for our free morning newsletter.</p>" + "".join(f"<p>{p}</p>" for p in LIBRARY[2:])
    return (
        f"<html><head><title>Haddon library to open on Sundays</title>{meta}</head><body><article><h1>Haddon library to open on Sundays</h1>"
        "<p>By Jo Penrose, Local Democracy Reporter</p><figure><figcaption>The library on Mill Street. Photo: Mere Valley Gazette</figcaption></figure>"
        f"{body}</article></body></html>"
    )


def write_crawl(path: Path, pages: list[tuple[str, str]], crawled: str = "2017-11-02T10:00:00Z") -> Path:
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        for uri, html in pages:
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(html.encode()), http_headers=headers, warc_headers_dict={"WARC-Date": crawled})
            writer.write_record(record)
    return path


def write_library_feed(path: Path) -> Path:
    paragraphs = "".join(f"<p>{p}</p>" for p in LIBRARY)
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Mere Valley Gazette</title><link>https://gazette.example/</link><description>d</description>'
        f"<item><title>Haddon library to open on Sundays</title><link>{LIBRARY_URL.format(path='')}</link><guid>library</guid>"
        f"<pubDate>Wed, 18 Oct 2017 17:30:00 GMT</pubDate><description><![CDATA[{paragraphs}]]></description></item></channel></rss>"
    )
    return path


def test_a_page_is_dated_by_its_own_date_then_its_address_and_only_then_by_its_capture(tmp_path):
    crawl = write_crawl(tmp_path / "c.warc", [
        (LIBRARY_URL.format(path="news/a/"), library_page(date_meta=True)),
        (LIBRARY_URL.format(path="2017/10/17/"), library_page(date_meta=False)),
        (LIBRARY_URL.format(path="news/b/"), library_page(date_meta=False)),
    ])  # fmt: skip
    articles = read_inputs([str(crawl)]).articles
    assert [a.date for a in articles] == ["2017-10-16", "2017-10-17", "2017-11-02"]
    assert [a.date_approximate for a in articles] == [False, False, True]  # the capture day only bounds publication


def test_what_a_page_dated_by_its_capture_says_happened_on_wednesday_is_dated_approximately(tmp_path, capsys):
    crawl = write_crawl(tmp_path / "c.warc", [(LIBRARY_URL.format(path="news/"), library_page(date_meta=False))])
    assert main(["brief", str(crawl), "--format", "json", "--min-articles", "1"]) == 0
    brief = json.loads(capsys.readouterr().out)
    assert brief["sources"][0]["published"] == "2017-11-02" and brief["sources"][0]["published_approximate"] is True
    wednesday = next(t for t in brief["timeline"] if "Wednesday" in t["phrase"])
    assert wednesday["date"] == "2017-11-01" and wednesday["approximate"] is True
    assert main(["brief", str(crawl), "--min-articles", "1"]) == 0
    assert "2017-11-02 (approx.)" in capsys.readouterr().out


def test_a_feed_item_and_the_crawled_page_of_one_article_are_one_copy(tmp_path, capsys):
    feed = write_library_feed(tmp_path / "feed.rss")
    crawl = write_crawl(tmp_path / "crawl.warc", [(LIBRARY_URL.format(path="news/"), library_page(date_meta=False))])
    db = tmp_path / "s.db"
    assert main(["stories", "ingest", str(feed), str(crawl), "--db", str(db)]) == 0
    assert "2 added (1 near-duplicates linked)" in capsys.readouterr().err
    # in a brief, the page (dated by its capture) counts its "Wednesday" from the feed item's day, so each
    # fact is told once, by both sources, and the copy is no "latest report"
    assert main(["brief", str(feed), str(crawl), "--format", "json", "--min-articles", "2"]) == 0
    brief = json.loads(capsys.readouterr().out)
    assert brief["sources"][1]["duplicate_of"] == brief["sources"][0]["id"]
    assert [(t["date"], len(t["sources"])) for t in brief["timeline"]] == [("2016", 2), ("2017-10-18", 2)]  # "last year", "on Wednesday"
    assert brief["latest"] == []


def test_a_page_served_without_a_charset_is_read_in_the_one_its_meta_tag_declares(tmp_path):
    page = (
        '<html><head><meta charset="windows-1252"><title>Caf\u00e9 on Brenn Street reopens</title></head><body><article>'
        "<p>The caf\u00e9 on Brenn Street reopened on Monday after the fire, its owner Ren\u00e9e Marsh said.</p>"
        "<p>Regulars queued from seven o\u2019clock for the first coffee in three months.</p></article></body></html>"
    ).encode("windows-1252")
    path = tmp_path / "cafe.warc"
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://brenn.example/cafe", "response", payload=io.BytesIO(page), http_headers=headers))
    (article,) = read_inputs([str(path)]).articles
    assert "Ren\u00e9e Marsh" in article.text and "o\u2019clock" in article.text
    assert "\ufffd" not in article.text
