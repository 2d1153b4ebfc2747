"""RSS/Atom feeds: made-up feeds written here, read by file, by stdin sniffing and by `synoptic brief`."""

from __future__ import annotations

import json

import pytest

from synoptic.cli import main
from synoptic.errors import InputError
from synoptic.ingest import iter_articles, read_bytes, read_inputs, sniff_reader
from synoptic.ingest.feeds import fragment_text

BODY_1 = (
    "&lt;p&gt;The Kelmar ferry resumed sailings to Oster Island on Saturday after a week of storms kept the boat "
    "in harbour.&lt;/p&gt;&lt;p&gt;The operator said extra crossings would clear the backlog of freight by Monday.&lt;/p&gt;"
)
BODY_2 = (
    "&lt;p&gt;Freight lorries queued at Kelmar harbour on Sunday as the ferry to Oster Island ran extra crossings. "
    "Island shops had run short of milk and bread during the storms.&lt;/p&gt;&lt;script&gt;track()&lt;/script&gt;"
)
RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Oster Gazette</title><link>https://gazette.example/</link>
<item><title>Ferry sails again after storms</title><link>https://gazette.example/ferry-1</link><guid>ferry-1</guid>
<pubDate>Sat, 08 Mar 2025 10:30:00 GMT</pubDate><description>{BODY_1}</description></item>
<item><title>Teaser only</title><link>https://gazette.example/teaser</link><description>Read more.</description></item>
<item><title>Lorries queue for the ferry</title><link>https://gazette.example/ferry-2</link>
<pubDate>Sun, 09 Mar 2025 08:00:00 GMT</pubDate><description>{BODY_2}</description></item>
</channel></rss>
"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Island Radio</title><id>urn:island-radio</id><updated>2025-03-09T12:00:00Z</updated>
<entry><title>Ferry timetable back to normal</title><id>urn:island-radio:1</id><link href="https://radio.example/1"/>
<updated>2025-03-10T07:00:00Z</updated>
<content type="html">&lt;p&gt;The Oster Island ferry returned to its normal timetable on Monday, with six crossings a day from Kelmar.&lt;/p&gt;</content>
</entry></feed>
"""


def test_rss_entries_become_articles_and_a_teaser_is_skipped():
    articles = read_bytes(RSS.encode(), "gazette.rss", ".rss")
    assert [a.title for a in articles] == ["Ferry sails again after storms", "Lorries queue for the ferry"]
    first = articles[0]
    assert first.url == "https://gazette.example/ferry-1" and first.source == "Oster Gazette"
    assert first.date == "2025-03-08T10:30:00"
    assert first.text.split("\n\n")[1].startswith("The operator said")  # paragraphs kept
    assert "track()" not in articles[1].text
    [skipped] = articles.skipped
    assert "entry 2" in str(skipped) and "no article text" in str(skipped)


def test_atom_content_and_ids_are_stable():
    [article] = read_bytes(ATOM.encode(), "radio.atom", ".atom")
    assert article.title == "Ferry timetable back to normal" and article.date == "2025-03-10T07:00:00"
    assert read_bytes(ATOM.encode(), "copy.xml", ".xml")[0].id == article.id


def test_feed_is_sniffed_from_content():
    assert sniff_reader(RSS.encode()) == ".rss" and sniff_reader(ATOM.encode()) == ".rss"
    assert sniff_reader(b"<!doctype html><html><body>x</body></html>") == ".html"


def test_not_a_feed_is_a_one_line_error():
    with pytest.raises(InputError, match="not a readable RSS/Atom feed"):
        read_bytes(b"minutes of the parish council, not a feed", "notes.rss", ".rss")
    for other in (b"<?xml version='1.0'?><catalog><book>Parish minutes</book></catalog>", b"<html><body><p>A web page.</p></body></html>"):
        with pytest.raises(InputError, match="not an RSS or Atom feed"):
            read_bytes(other, "other.rss", ".rss")
    with pytest.raises(InputError, match="the feed has no entries"):
        read_bytes(b"<rss version='2.0'><channel><title>Empty</title></channel></rss>", "empty.rss", ".rss")
    with pytest.raises(InputError, match="no feed entries with article text"):
        read_bytes(RSS.replace(BODY_1, "Short.").replace(BODY_2, "Tiny.").encode(), "teasers.rss", ".rss")


def test_read_inputs_reports_skipped_entries(tmp_path):
    (tmp_path / "gazette.rss").write_text(RSS, encoding="utf-8")
    result = read_inputs([str(tmp_path)])
    assert len(result.articles) == 2 and len(result.errors) == 1
    streamed = list(iter_articles([str(tmp_path / "gazette.rss")]))
    assert [type(x).__name__ for x in streamed] == ["InputError", "Article", "Article"]


def test_brief_accepts_feed_files(tmp_path, capsys):
    (tmp_path / "gazette.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "radio.atom").write_text(ATOM, encoding="utf-8")
    code = main(["brief", str(tmp_path / "gazette.rss"), str(tmp_path / "radio.atom"), "--format", "json", "--words", "40"])
    captured = capsys.readouterr()
    assert code == 1  # the teaser entry was reported and skipped
    assert "entry 2" in captured.err and "skipped" in captured.err
    assert '"Oster Gazette"' in captured.out


def test_fragment_text_paragraphs():
    assert fragment_text("<div>One <b>two</b></div><p>Three&amp;four</p><br>five") == "One two\n\nThree&four\n\nfive"


def test_a_date_feedparser_cannot_read_is_kept_for_the_story_store(tmp_path, capsys):
    odd = RSS.replace("Sat, 08 Mar 2025 10:30:00 GMT", "8. März 2025").replace("Sun, 09 Mar 2025 08:00:00 GMT", "Sunday, March 9, 2025 - 08:00")
    articles = read_bytes(odd.encode(), "gazette.rss", ".rss")
    assert [a.date for a in articles] == ["8. März 2025", "Sunday, March 9, 2025 - 08:00"]
    (tmp_path / "gazette.rss").write_text(odd, encoding="utf-8")
    db = tmp_path / "s.db"
    main(["stories", "ingest", str(tmp_path / "gazette.rss"), "--db", str(db)])
    assert main(["stories", "list", "--db", str(db), "--format", "json"]) == 0
    [story] = json.loads(capsys.readouterr().out)
    assert (story["first"], story["last"]) == ("2025-03-08", "2025-03-09")  # not today's date, as an undated report
