"""The JSON API against a real `synoptic serve` process over loopback HTTP."""

from __future__ import annotations

import json
import re

import httpx
import pytest

from tests.conftest import SAMPLE
from tests.service.conftest import ServerProcess, assert_error, assert_spans_index, sample_cluster, small_cluster


@pytest.fixture(scope="module")
def client(server: ServerProcess):
    with httpx.Client(base_url=server.url, timeout=120) as http:
        yield http

STORY_TXT = ["Storms end, ferry sails\n\n" + small_cluster()[0]["text"], small_cluster()[1]["text"]]  # as pasted in the form


def test_health(client: httpx.Client) -> None:
    body = client.get("/healthz").json()
    assert body["status"] == "ok" and body["workers"] == 1


def test_a_cluster_is_briefed_stored_and_its_evidence_indexes_the_stored_articles(client: httpx.Client) -> None:
    response = client.post("/api/briefs", params={"words": 80}, json=sample_cluster())
    assert response.status_code == 201, response.text
    brief = response.json()
    assert response.headers["location"] == f"/api/briefs/{brief['id']}"
    assert brief["cluster"] == "varrow" and brief["meta"]["words"] == 80 and brief["meta"]["articles"] == 6
    assert [s["duplicate_of"] for s in brief["sources"]].count("01_wire") == 1  # the syndicated copy is marked

    assert client.get(f"/api/briefs/{brief['id']}").json() == brief
    texts = {a["id"]: a["text"] for a in client.get(f"/api/briefs/{brief['id']}/articles").json()["articles"]}
    assert set(texts) == {s["id"] for s in brief["sources"]}
    assert_spans_index(brief, texts)


def test_the_list_is_paged_newest_first_and_delete_removes(client: httpx.Client) -> None:
    ids = [client.post("/api/briefs", json=small_cluster(str(i))).json()["id"] for i in range(3)]
    page = client.get("/api/briefs", params={"limit": 2}).json()
    assert [item["id"] for item in page["items"]] == ids[::-1][:2]
    assert page["total"] >= 3 and page["next"] == "/api/briefs?limit=2&offset=2"
    following = client.get(page["next"]).json()
    assert following["items"][0]["id"] == ids[0]

    assert client.delete(f"/api/briefs/{ids[1]}").status_code == 204
    assert_error(client.get(f"/api/briefs/{ids[1]}"), 404, ids[1])
    assert_error(client.get(f"/api/briefs/{ids[1]}/articles"), 404)
    assert_error(client.delete(f"/api/briefs/{ids[1]}"), 404)
    assert ids[1] not in [item["id"] for item in client.get("/api/briefs", params={"limit": 100}).json()["items"]]
    beyond = client.get("/api/briefs", params={"offset": 10**20})  # a query string can ask past SQLite's integers
    assert beyond.status_code == 200 and beyond.json()["items"] == [] and beyond.json()["next"] is None
    assert client.get("/briefs", params={"page": 10**20}).status_code == 200


def test_a_list_of_articles_and_options_are_accepted(client: httpx.Client) -> None:
    response = client.post("/api/briefs", params={"words": 30, "method": "lead"}, json=[a["text"] for a in small_cluster()])
    assert response.status_code == 201, response.text
    brief = response.json()
    assert brief["meta"]["method"] == "lead" and brief["meta"]["words_used"] <= 30 and brief["cluster"] is None


@pytest.mark.parametrize(
    ("params", "body", "status", "needle"),
    [
        ({}, b"{not json", 400, "not valid JSON"),
        ({}, b"[" * 5000 + b"]" * 5000, 400, "request body: JSON nested too deeply to read"),  # was a 500 (RecursionError)
        ({}, b'{"x": 1}', 400, "articles"),
        ({}, b"42", 400, "cannot be briefed"),
        ({}, b"null", 400, "request body: null cannot be briefed"),
        ({}, json.dumps([{"text": "Only one article here, which is not enough to compare."}]).encode(), 400, "only 1 article given; a brief compares several reports of one story: give two or more (or allow one: min_articles=1)"),
        ({}, json.dumps([{"title": "no text"}, {"text": "some text"}]).encode(), 400, "has no text"),
        ({"words": "abc"}, json.dumps(small_cluster()).encode(), 422, "words"),
        ({"words": 0}, json.dumps(small_cluster()).encode(), 422, "words must be"),
        ({"method": "nope"}, json.dumps(small_cluster()).encode(), 422, "unknown summarization method 'nope'"),
        ({}, json.dumps([{"text": f"Article {i} text."} for i in range(9)]).encode(), 413, "at most 8"),
        ({}, b'{"urls": ["https://example.org/story"]}', 403, "--allow-fetch"),
    ],
)
def test_bad_requests_get_one_line_json_errors(client: httpx.Client, params: dict, body: bytes, status: int, needle: str) -> None:
    response = client.post("/api/briefs", params=params, content=body, headers={"content-type": "application/json"})
    assert_error(response, status, needle)


def test_a_malformed_multipart_body_gets_a_400_and_leaves_the_server_log_quiet(client: httpx.Client, server: ServerProcess) -> None:
    wrong_boundary = b"--other\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nA ferry sailed.\r\n--other--\r\n"
    response = client.post("/api/briefs", content=wrong_boundary, headers={"content-type": "multipart/form-data; boundary=xyz"})
    assert response.status_code == 400 and "\n" not in response.json()["error"], response.text
    assert not any("boundary" in line for line in server.log), "".join(server.log)  # the answer says it; the log need not


def test_bodies_over_the_limit_are_refused_with_413(client: httpx.Client) -> None:
    big = json.dumps([{"text": "word " * 250_000}, {"text": "x"}]).encode()  # ~1.25 MB, the fixture's limit is 1 MB
    assert_error(client.post("/api/briefs", content=big, headers={"content-type": "application/json"}), 413, "1 MB")

    def chunks():  # no Content-Length: the limit is enforced while the body streams in
        for _ in range(40):
            yield b" " * 64_000

    assert_error(client.post("/api/briefs", content=chunks(), headers={"content-type": "application/json"}), 413, "limit")
    assert_error(client.post("/api/briefs", content=b"hello", headers={"content-type": "text/plain"}), 415, "application/json")


def test_uploaded_files_are_briefed_and_a_bad_file_is_reported_and_skipped(client: httpx.Client) -> None:
    files = [("files", (p.name, p.read_bytes())) for p in sorted(SAMPLE.iterdir())]
    files.append(("files", ("scan.txt", b"\x00\x01\x02binary" * 50)))
    response = client.post("/api/briefs", files=files, data={"words": "60"})
    assert response.status_code == 201, response.text
    brief = response.json()
    assert [s["id"] for s in brief["sources"]] == [p.stem for p in sorted(SAMPLE.iterdir())]
    assert brief["meta"]["words"] == 60
    assert len(brief["warnings"]) == 1 and brief["warnings"][0].startswith("scan.txt: this looks like a binary file")

    too_many = [("files", (f"{i}.txt", b"Title\n\nSome text of an article.")) for i in range(9)]
    assert_error(client.post("/api/briefs", files=too_many), 413, "at most 8")
    assert_error(client.post("/api/briefs", files={"text": (None, "  ")}), 400, "nothing to brief: paste two or more articles, upload files or choose a folder")


def test_folders_are_briefed_by_name_only(client: httpx.Client) -> None:
    assert client.get("/api/folders").json() == {"folders": ["varrow-pass"], "enabled": True}  # no hidden folder, no link
    response = client.post("/api/briefs", json={"folder": "varrow-pass"})
    assert response.status_code == 201, response.text
    assert [s["id"] for s in response.json()["sources"]] == [p.stem for p in sorted(SAMPLE.iterdir())]  # the linked file is not read
    assert response.json()["warnings"] == ["varrow-pass: passed over 1 file of a kind synoptic does not read (notes.md); it reads .txt, .html, .json, .jsonl, .rss/.atom/.xml feeds or .warc(.gz) files"]
    for name in ("../varrow-pass", "varrow-pass/..", "linked", ".hidden", "/etc", "..", ""):
        response = client.post("/api/briefs", json={"folder": name})
        assert response.status_code in (400, 404), (name, response.text)
        assert "secret" not in response.text


def test_pages_show_article_text_as_text(client: httpx.Client) -> None:
    hostile = small_cluster()
    hostile[0]["title"] = "<script>alert('title')</script> Ferry news"
    hostile[0]["url"] = "javascript:alert('url')"
    hostile[1]["text"] = '<img src=x onerror="alert(1)"> ' + hostile[1]["text"] + " <script>alert('text')</script>"
    brief = client.post("/api/briefs", json=hostile).json()
    page = client.get(f"/briefs/{brief['id']}")
    assert page.status_code == 200
    html = page.text
    assert "<script>alert" not in html and "<img src=x" not in html and 'href="javascript:' not in html
    assert "&lt;script&gt;alert(&#39;text&#39;)&lt;/script&gt;" in html and "&lt;img src=x onerror=" in html
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/brief.js" defer>']


def test_articles_of_several_stories_are_listed_in_meta_and_the_page_says_so(client: httpx.Client) -> None:
    from tests.stories.helpers import interleaved

    mixed = [{"id": a.id, "title": a.title, "text": a.text} for a in interleaved()[:8]]  # the server's limit: 3, 3 and 2
    response = client.post("/api/briefs", json=mixed)
    assert response.status_code == 201, response.text
    brief = response.json()
    assert len(brief["meta"]["stories"]) == 3
    assert "These articles look like 3 separate stories, which this brief mixes" in client.get(f"/briefs/{brief['id']}").text
    plain = client.post("/api/briefs", json=small_cluster()).json()
    assert "stories" not in plain["meta"]
    assert "separate stories" not in client.get(f"/briefs/{plain['id']}").text


def test_browser_writes_from_other_sites_and_foreign_host_names_are_refused(client: httpx.Client) -> None:
    cross = client.post("/api/briefs", json=small_cluster(), headers={"origin": "http://evil.example"})
    assert_error(cross, 403, "evil.example")
    assert_error(client.get("/healthz", headers={"host": "evil.example"}), 421, "loopback")


def test_the_form_posts_and_redirects_to_the_brief(client: httpx.Client) -> None:
    fields = {"title": ["", "Ferry back"], "text": STORY_TXT, "words": "50"}
    response = client.post("/briefs", data=fields, files=[("files", ("", b""))])  # an empty file input, as browsers send it
    assert response.status_code == 303, response.text
    page = client.get(response.headers["location"])
    assert page.status_code == 200 and "Ferry back" in page.text

    refused = client.post("/briefs", data={"title": "", "text": "<b>Just one</b> article."}, files=[("files", ("", b""))])
    assert refused.status_code == 400
    assert "only 1 article" in refused.text and "&lt;b&gt;Just one&lt;/b&gt; article." in refused.text  # the text is kept for a retry
    assert "&#34;Fewest articles&#34; set to 1" in refused.text and "min_articles=1" not in refused.text  # the form's own label
    allowed = client.post("/briefs", data={"title": "", "text": STORY_TXT[1], "min_articles": "1"}, files=[("files", ("", b""))])
    assert allowed.status_code == 303, re.findall(r"alert.>[^<]*", allowed.text)  # the form's field lowers it

    bad = client.post("/briefs", data={"title": "", "text": STORY_TXT, "words": "0"}, files=[("files", ("", b""))])
    assert bad.status_code == 422 and "&#34;Words&#34; must be" in bad.text and 'name="words"' in bad.text



def test_the_upload_field_accepts_every_format_the_readers_take(client: httpx.Client) -> None:
    accept = re.search(r'id="files"[^>]*accept="([^"]*)"', client.get("/").text)
    assert accept is not None
    offered = set(accept.group(1).split(","))
    assert {".txt", ".html", ".json", ".jsonl", ".rss", ".atom", ".xml", ".warc", ".gz"} <= offered


def test_openapi_and_offline_docs(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/briefs", "/api/briefs/{brief_id}", "/healthz"} <= set(spec["paths"])
    assert "201" in spec["paths"]["/api/briefs"]["post"]["responses"]
    docs = client.get("/docs").text
    assert "POST /api/briefs" in docs and "cdn" not in docs.lower()


def test_a_missing_page_gives_a_persons_advice_and_the_api_a_clients(client: httpx.Client) -> None:
    for path in ("/briefs/bnope", "/no/such/page"):
        page = client.get(path)
        assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
        message = re.search(r'<p class="error" role="alert">(.*?)</p>', page.text).group(1)
        assert "/api/" not in message and "/docs" not in message and 'href="/briefs"' in page.text, message
    assert "no brief &#39;bnope&#39; is stored here; it may have been deleted (Past briefs lists the stored ones)" in client.get("/briefs/bnope").text
    assert_error(client.get("/api/briefs/bnope"), 404, "no brief 'bnope'; GET /api/briefs lists the stored briefs")
    assert_error(client.get("/api/nope"), 404, "no such page /api/nope; see /docs for the API")


def test_without_a_story_store_there_is_no_stories_link_and_stories_are_404(client: httpx.Client) -> None:
    assert 'href="/stories"' not in client.get("/").text
    for path in ("/api/stories", "/api/stories/s123", "/api/stories/s123/updates?since=2025-03-01"):
        assert_error(client.get(path), 404, "this server has no story store", "--stories-db")
    page = client.get("/stories")
    assert page.status_code == 404 and "this server has no story store" in page.text and 'href="/stories"' not in page.text
    assert not any(path.startswith("/api/stories") for path in client.get("/openapi.json").json()["paths"])


def test_unknown_paths_are_404_in_the_callers_format(client: httpx.Client) -> None:
    assert_error(client.get("/api/nothing"), 404)
    page = client.get("/nothing")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")


def test_with_allow_fetch_the_server_still_refuses_to_fetch_itself_or_its_network(start_server) -> None:
    fetching = start_server(None, "--workers", "1", "--allow-fetch")
    with httpx.Client(base_url=fetching.url, timeout=60) as http:
        assert 'name="urls"' in http.get("/").text
        for url in (fetching.url + "/healthz", "http://localhost/", "http://169.254.169.254/latest/meta-data/", "file:///etc/passwd"):
            response = http.post("/api/briefs", json={"urls": [url]})
            assert response.status_code == 400, (url, response.text)
            assert "public addresses" in response.json()["error"] or "only http and https" in response.json()["error"]
        form = http.post("/briefs", data={"urls": f"{fetching.url}/\n"}, files=[("files", ("", b""))])
        assert form.status_code == 400 and "fetches only public addresses" in form.text
