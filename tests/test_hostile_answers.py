"""Real crawls against loopback servers answering in hostile shapes (branch fuzz3): a body cut short under its
Content-Length, a Content-Length shorter than the body, a gzip bomb (within ``DOWNLOAD_MAXSIZE`` unpacked, and past
it), a body that is not the gzip it says, a charset that is not the body's or none at all, a huge header, bytes
that are no HTTP, a redirect loop and a slow drip.

For the TenderNed and the news spider alike the contract is issue 13's: the crawl ends in bounded time, each failure
is recorded in ``crawls.errors`` (exit code 3, partial), the rest of the crawl is archived, and a notice or page
archived by an earlier crawl is kept as it was (nothing deleted or downgraded because an answer was hostile).

Every crawl is a real ``tenderarchive crawl`` process (tests/forkcli.py) against ``tests/hostile_server.py``.
"""

from __future__ import annotations

import gzip
import time

import pytest

from tenderarchive.apiserver import API_PATH, TenderNedAPI
from tests.conftest import FAST, ROOT, CrawlResult
from tests.hostile_server import HostileServer, SiteAnswers
from tests.spiders.test_news import write_registry
from tests.test_bounds import WINDOW, detail, errors_for
from tests import forkcli

BOUNDS = ["-s", "DOWNLOAD_MAXSIZE=1000000", "-s", "DOWNLOAD_TIMEOUT=4", "-s", "RETRY_TIMES=1"]

#: (behaviour, what the recorded error says, lower case; None: the answer is read, nothing recorded)
HOSTILE = {
    "truncated": (("truncated", 40), "answer cut short"),
    # the body runs on past its Content-Length: the bytes read are a cut answer (tenderarchive/downloader.py)
    "short-length": (("short-length", 25), "answer longer than its content-length"),
    "gzip-bomb": (("gzip-bomb", 50_000_000), "download_maxsize"),
    "bad-gzip": (("bad-gzip",), "gzip"),
    "garbage": (("garbage",), "malformed http answer: non-integer status code"),
    "huge-header": (("huge-header", 200_000), "the connection closed before the whole answer arrived"),
    "loop": (("loop",), "redirect"),
    "drip": (("drip", 0.3), None),
}


def tenderned(server, db, *args):
    command = ["crawl", "tenderned", "--db", str(db), "--api-url", server.base_url + API_PATH, *FAST, *WINDOW,
               *BOUNDS, *args]
    return CrawlResult(forkcli.run(command, cwd=ROOT, timeout=240), db)


def notices(db) -> dict:
    return {r["publication_id"]: r for r in db.query("select * from notices")}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_detail_answer_is_a_recorded_error_and_loses_nothing_archived(snapshot, tmp_path, name):
    behaviour, message = HOSTILE[name]
    hostile, other = snapshot[0], snapshot[1]
    db = tmp_path / "archive.db"
    with HostileServer(TenderNedAPI(snapshot), {}) as server:
        first = tenderned(server, db)
    assert first.returncode == 0, first.output[-3000:]
    before = notices(first.db)
    with HostileServer(TenderNedAPI(snapshot), {detail(hostile): behaviour}) as server:
        started = time.monotonic()
        second = tenderned(server, db, "-s", "TENDERNED_INCREMENTAL=False")
        elapsed = time.monotonic() - started
    assert elapsed < 120
    assert second.returncode == 3, second.output[-3000:]
    assert second.crawl["status"] == "partial"
    recorded = errors_for(second, detail(hostile))
    assert recorded, second.errors
    if message:
        assert any(message in e.lower() for e in recorded), recorded
    assert all("twisted" not in e and not e.endswith("request failed: ") for e in recorded), recorded
    after = notices(second.db)
    assert after.keys() == before.keys()
    pid = int(hostile["list"]["publicatieId"])
    assert after[pid] == before[pid]   # kept as it was, its provenance too
    fetched = {r["url"] for r in second.db.query("select url from fetches where crawl_id = ? and status = 200",
                                                [second.crawl["crawl_id"]])}
    assert server.base_url + detail(other) in fetched   # the rest of the crawl went on


@pytest.mark.parametrize("behaviour", [("charset", "iso-8859-1"), ("charset", "utf-16"), ("charset", "x-nonsense"),
                                       ("gzip",)])
def test_a_detail_under_a_wrong_charset_or_compressed_is_read_as_it_is(snapshot, tmp_path, behaviour):
    """JSON is UTF-8 whatever charset its Content-Type names (RFC 8259 §8.1); a gzip answer that says so is read."""
    hostile = snapshot[0]
    db = tmp_path / "archive.db"
    with HostileServer(TenderNedAPI(snapshot), {}) as server:
        before = notices(tenderned(server, db).db)
    with HostileServer(TenderNedAPI(snapshot), {detail(hostile): behaviour}) as server:
        second = tenderned(server, db, "-s", "TENDERNED_INCREMENTAL=False")
    assert second.returncode == 0 and not second.errors, second.output[-3000:]
    pid = int(hostile["list"]["publicatieId"])
    assert notices(second.db)[pid] == before[pid]


# --- the news spider: one fixture site (a listing, its pages) served by the hostile server ------------------------
LISTING = "/inwoner/nieuws"
ARTICLE = "/inwoner/nieuws/voorlopige_gunning_gemeentelijke_toegang_jeugdhulp_bekend"
NEWS_HOSTILE = ["truncated", "short-length", "gzip-bomb", "bad-gzip", "garbage", "huge-header", "loop"]


def news(answers, behaviours, tmp_path, site="leiderdorp", *extra):
    import yaml

    registry = yaml.safe_load((ROOT / "tests" / "fixtures" / "news" / "sources.yaml").read_text(encoding="utf-8"))
    with HostileServer(answers, behaviours) as server:
        answers.base_url = server.base_url + "/"
        entry = next(s for s in registry["sites"] if s["name"] == site)
        entry["base_url"] = answers.base_url
        path = tmp_path / "sources.yaml"
        path.write_text(yaml.safe_dump({"version": 1, "sites": [entry]}, allow_unicode=True), encoding="utf-8")
        db = tmp_path / "archive.db"
        started = time.monotonic()
        completed = forkcli.run(["crawl", "news", "--sources", str(path), "--db", str(db), *FAST, *BOUNDS, *extra],
                                cwd=ROOT, timeout=240)
        assert time.monotonic() - started < 120
        return CrawlResult(completed, db), server.base_url


def articles(db) -> dict:
    return {r["url"]: r for r in db.query("select * from articles")}


@pytest.mark.parametrize("name", NEWS_HOSTILE)
def test_a_hostile_news_answer_is_a_recorded_error_and_loses_nothing_archived(tmp_path, name):
    """A news page answered in a hostile shape is one recorded error naming it (the crawl partial, the site's other
    pages archived); the listing so answered in the next crawl is one recorded error, and the pages archived before
    are kept as they were."""
    behaviour, message = HOSTILE[name]
    answers = SiteAnswers("leiderdorp")
    first, base = news(answers, {ARTICLE: behaviour}, tmp_path)
    assert first.returncode == 3 and first.crawl["status"] == "partial", first.output[-3000:]
    recorded = [e["error"] for e in first.errors if e.get("url") == base + ARTICLE]
    assert recorded and any(message in e.lower() for e in recorded), first.errors
    assert all("twisted" not in e and not e.endswith("request failed: ") for e in recorded), recorded
    before = articles(first.db)
    assert before and base + ARTICLE not in before

    second, base = news(answers, {LISTING: behaviour}, tmp_path)
    assert second.returncode == 1 and second.crawl["status"] == "failed", second.output[-3000:]  # nothing new read
    assert any(message in e["error"].lower() for e in second.errors if e.get("url") == base + LISTING), second.errors
    after = articles(second.db)
    assert {url.split("/", 3)[3]: row["text"] for url, row in after.items()} == \
        {url.split("/", 3)[3]: row["text"] for url, row in before.items()}


@pytest.mark.parametrize("path", ["/sitemap.xml", "/rss"])
def test_a_sitemap_or_feed_cut_short_is_a_recorded_error_and_the_other_discovery_goes_on(tmp_path, path):
    """A site found through robots.txt's sitemap and a feed: the one answered cut short under its Content-Length is
    one recorded error saying so; the pages the other lists are archived."""
    result, base = news(SiteAnswers("kennemerdagblad"), {path: ("truncated", 200)}, tmp_path, site="kennemerdagblad")
    assert result.returncode == 3 and result.crawl["status"] == "partial", result.output[-3000:]
    assert [e["error"] for e in result.errors] == [
        "request failed: answer cut short: the connection closed before the whole body arrived (fewer bytes than its "
        "Content-Length)"]
    assert [e["url"] for e in result.errors] == [base + path]
    assert articles(result.db)


def test_a_sitemap_under_a_content_length_too_short_is_a_recorded_cut(tmp_path):
    """The client read the bytes the Content-Length announces and dropped the rest: the sitemap was read as whole (the
    crawl complete), later its missing end tag recorded it as a cut. The bytes after the announced length fail the
    answer (tenderarchive/downloader.py): one recorded error saying so; the pages the feed lists are archived."""
    result, base = news(SiteAnswers("kennemerdagblad"), {"/sitemap.xml": ("short-length", 300)}, tmp_path,
                        site="kennemerdagblad")
    assert result.returncode == 3 and result.crawl["status"] == "partial", result.output[-3000:]
    [error] = result.errors
    assert error["url"] == base + "/sitemap.xml" and error["error"].startswith(
        "request failed: answer longer than its Content-Length: 300 bytes or more came after the "), error
    assert articles(result.db)


@pytest.mark.parametrize("path", [LISTING, ARTICLE])
def test_a_news_page_labelled_with_a_charset_it_cannot_be_in_is_read(tmp_path, path):
    """A UTF-8 listing or page whose server labels it ``charset=utf-16`` (bytes with no NUL cannot be UTF-16 markup):
    the listing's links were CJK characters, none followed and the crawl complete with nothing; the page was "no main
    text found" and dropped. Both are read as their markup says."""
    result, base = news(SiteAnswers("leiderdorp"), {path: ("charset", "utf-16")}, tmp_path)
    assert result.returncode == 0 and not result.errors, result.output[-3000:]
    read = articles(result.db)
    assert len(read) == 3 and read[base + ARTICLE]["title"] == "Voorlopige gunning gemeentelijke toegang Jeugdhulp bekend"


@pytest.mark.parametrize("content_type", ["application/octet-stream", "x"])
def test_a_news_page_served_as_bytes_of_no_known_type_is_read_as_the_html_it_is(tmp_path, content_type):
    """An article whose server labels it ``application/octet-stream`` or a type that is none, over a body that opens
    as HTML (a browser shows the page: WHATWG MIME sniffing): it was skipped as a document, with no error, and the
    crawl complete without it."""
    result, base = news(SiteAnswers("leiderdorp"), {ARTICLE: ("content-type", content_type)}, tmp_path)
    assert result.returncode == 0 and not result.errors, result.output[-3000:]
    assert articles(result.db)[base + ARTICLE]["title"] == "Voorlopige gunning gemeentelijke toegang Jeugdhulp bekend"


@pytest.mark.parametrize("maxsize, message", [
    (64_000_000, "page too large to read: 47.7 mib of html, more than news_page_max_bytes (4.0 mib); not archived"),
    (1_000_000, "larger than download max size (1000000)")])
def test_a_news_page_of_50_mb_is_a_recorded_error_in_bounded_time(tmp_path, maxsize, message):
    """An article of 50 MB of HTML. Over ``DOWNLOAD_MAXSIZE`` its download is cancelled; within it (raised to 64 MB),
    it was read: the extraction and reading of a page cost more than its size, and the crawl ran for hours (4 MB:
    minutes). Past ``NEWS_PAGE_MAX_BYTES`` it is one recorded error naming its size, not read; the site's other
    pages are archived and the crawl ends in bounded time (``news`` asserts under 120 s)."""
    result, base = news(SiteAnswers("leiderdorp"), {ARTICLE: ("padded", 50_000_000)}, tmp_path, "leiderdorp",
                        "-s", f"DOWNLOAD_MAXSIZE={maxsize}")
    assert result.returncode == 3 and result.crawl["status"] == "partial", result.output[-3000:]
    recorded = [e["error"].lower() for e in result.errors if e.get("url") == base + ARTICLE]
    assert recorded and any(message in e for e in recorded), result.errors
    read = articles(result.db)
    assert len(read) == 2 and base + ARTICLE not in read


@pytest.mark.parametrize("location, message", [
    # another host (a loopback name of its own: nothing leaves 127.0.0.1), answering 404
    ("http://localhost:{port}%sx", "http 404 'not found' (redirected to http://localhost:"),
    # another host whose same path redirects to itself: a loop, found on the other host
    ("http://localhost:{port}%s", "redirect loop: http://localhost:")])
def test_a_detail_redirected_to_another_host_is_followed_bounded_and_recorded(snapshot, tmp_path, location, message):
    """A detail answered with a redirect to another host: followed no further than its chain's bounds (a loop there is
    one), the redirect and its target kept in the crawl's fetches, and the failure recorded naming where it went; the
    rest of the crawl archived."""
    hostile, other = snapshot[0], snapshot[1]
    db = tmp_path / "archive.db"
    with HostileServer(TenderNedAPI(snapshot), {detail(hostile): ("redirect", location % detail(hostile))}) as server:
        started = time.monotonic()
        result = tenderned(server, db)
        assert time.monotonic() - started < 120
    assert result.returncode == 3 and result.crawl["status"] == "partial", result.output[-3000:]
    recorded = errors_for(result, detail(hostile))
    assert recorded and any(message in e.lower() for e in recorded), result.errors
    fetched = {(r["url"], r["status"]) for r in result.db.query("select url, status from fetches")}
    assert (server.base_url + detail(hostile), 302) in fetched
    assert any(url.startswith("http://localhost:") for url, _ in fetched)
    assert server.log.count(detail(hostile)) <= 1 + 6   # its host's request and a bounded chain on the other
    assert (server.base_url + detail(other), 200) in fetched


@pytest.mark.parametrize("status, retry_after", [(429, "9" * 400), (503, "Fri, 31 Dec 9999 23:59:59 GMT"),
                                                 (429, "-1"), (503, "1e308"), (429, "nan")])
def test_an_absurd_retry_after_waits_no_longer_than_retry_after_max(snapshot, tmp_path, status, retry_after):
    """A 429 or 503 with a ``Retry-After`` of centuries, a date in the year 9999, or no number at all: each wait is at
    most ``RETRY_AFTER_MAX`` (here 2 s) or the back-off, the crawl ends in bounded time, and the answer that never came
    is one recorded error of the detail; the rest archived."""
    hostile, other = snapshot[0], snapshot[1]
    db = tmp_path / "archive.db"
    with HostileServer(TenderNedAPI(snapshot), {detail(hostile): ("retry-after", status, retry_after)}) as server:
        started = time.monotonic()
        result = tenderned(server, db, "-s", "RETRY_AFTER_MAX=2", "-s", "RETRY_BACKOFF_BASE=0.5")
        elapsed = time.monotonic() - started
    assert elapsed < 90
    assert result.returncode == 3 and result.crawl["status"] == "partial", result.output[-3000:]
    recorded = errors_for(result, detail(hostile))
    assert recorded and any(str(status) in e for e in recorded), result.errors
    assert server.log.count(detail(hostile)) == 2   # RETRY_TIMES=1: asked, then once more
    fetched = {r["url"] for r in result.db.query("select url from fetches where status = 200")}
    assert server.base_url + detail(other) in fetched


def test_a_news_page_redirected_to_another_host_is_not_archived_and_recorded_as_fetched(tmp_path):
    """An article answered with a redirect off its site (another host: a loopback name of its own here, so nothing
    leaves 127.0.0.1): not followed (the crawl contacted whatever host it was sent to), so the other host is never asked; the
    article is not archived (no error: the server answered; ``NEWS_REDIRECT_RECHECK_DAYS`` spaces the next asks), the
    refusal is logged and counted, the redirect is in the crawl's fetches, and the site's other pages are archived."""
    answers = SiteAnswers("leiderdorp")
    result, base = news(answers, {ARTICLE: ("redirect", "http://localhost:{port}" + LISTING)}, tmp_path)
    assert result.returncode == 0 and not result.errors, result.output[-3000:]
    read = articles(result.db)
    assert len(read) == 2 and base + ARTICLE not in read and not any("localhost" in url for url in read)
    fetched = {(r["url"], r["status"]) for r in result.db.query("select url, status from fetches")}
    assert (base + ARTICLE, 302) in fetched
    landed = base.replace("127.0.0.1", "localhost") + LISTING
    # not followed: the crawl contacts no host outside the registry (the page would not be archived there anyway)
    assert not any(url.startswith("http://localhost:") for url, _ in fetched), fetched
    assert "off the site's hosts" in result.output and landed in result.output, result.output[-3000:]
    assert "'news/redirect_refused': 1" in result.output


@pytest.mark.parametrize("location, followed", [
    ("http://localhost:{port}/elders/nieuws", False),  # another host, another path: no site moved there
    ("ftp://localhost:{port}" + LISTING, False),  # no http(s)
    ("http://localhost:{port}" + LISTING, True)])  # the same path on a new domain: a site moved, followed one hop
def test_the_registrys_listing_redirected_off_the_site_is_followed_only_as_a_moved_site(tmp_path, location, followed):
    """The registry's own listing answered with a redirect off the site's hosts: followed only to the same path on
    one other host (a site moved to a new domain, which the crawl then names as such), never elsewhere nor to
    another scheme: that host is not contacted, and the refusal is an error of the crawl naming where it led."""
    result, base = news(SiteAnswers("leiderdorp"), {LISTING: ("redirect", location)}, tmp_path)
    fetched = {r["url"] for r in result.db.query("select url from fetches")}
    elsewhere = {url for url in fetched if url.startswith("http://localhost:")}
    assert bool(elsewhere) == followed, fetched
    assert result.returncode != 0, result.output[-3000:]  # nothing read on the site: an error either way
    recorded = " ".join(e["error"] for e in result.errors if e.get("url") == base + LISTING)
    if followed:
        assert "off the site's hosts" not in recorded
    else:
        assert "not followed" in recorded and ("off the site's hosts" in recorded or "not an http(s) address" in
                                               recorded), result.errors


def test_a_news_page_over_the_cap_only_by_its_inline_images_is_read_and_archived(tmp_path):
    """A real article carrying its photographs inline (base64 ``data:`` URIs) and a drawing as ``<svg>``: 6 MB of
    markup, more than ``NEWS_PAGE_MAX_BYTES`` (4 MiB), and a few KB of text. Measured whole it was "too large to read"
    at every crawl, never archived; measured without its inline images it is read, archived with its text, in
    bounded time (``news`` asserts under 120 s)."""
    result, base = news(SiteAnswers("leiderdorp"), {ARTICLE: ("inline-images", 6_000_000)}, tmp_path, "leiderdorp",
                        "-s", "DOWNLOAD_MAXSIZE=16000000")
    assert result.returncode == 0 and not result.errors, result.output[-3000:]
    read = articles(result.db)
    assert len(read) == 3 and base + ARTICLE in read, read.keys()
    assert "jeugdhulp" in (read[base + ARTICLE]["text"] or "").lower()
    assert "base64" not in (read[base + ARTICLE]["text"] or "")


def test_a_news_page_over_the_cap_by_its_text_is_not_read_though_its_drawing_holds_a_photo(tmp_path):
    """An article over ``NEWS_PAGE_MAX_BYTES`` by its text, carrying a drawing (``<svg>``) whose picture is a ``data:``
    URI. The URI was left out of its size twice, with the drawing and as a URI, and the page measured under the cap:
    read, at the cost the cap is there to spare. Each byte is left out once: the page is a recorded error naming its
    size, not archived; the site's other pages are."""
    result, base = news(SiteAnswers("leiderdorp"), {ARTICLE: ("drawn-photo", 320_000)}, tmp_path, "leiderdorp",
                        "-s", "NEWS_PAGE_MAX_BYTES=300000", "-s", "DOWNLOAD_MAXSIZE=16000000")
    assert result.returncode == 3 and result.crawl["status"] == "partial", result.output[-3000:]
    recorded = [e["error"].lower() for e in result.errors if e.get("url") == base + ARTICLE]
    assert recorded and any("page too large to read: 0.3 mib of html" in e for e in recorded), result.errors
    read = articles(result.db)
    assert len(read) == 2 and base + ARTICLE not in read


def test_robots_txt_redirected_off_the_site_is_not_followed_and_no_error(tmp_path):
    """The site's robots.txt answered with a redirect to another host (a hosting provider's shared one): not followed,
    that host not contacted, and no error: the site is read as one without robots.txt, its pages archived."""
    result, base = news(SiteAnswers("leiderdorp"), {"/robots.txt": ("redirect", "http://localhost:{port}/gedeeld/robots.txt")},
                        tmp_path)
    assert result.returncode == 0 and not result.errors, result.output[-3000:]
    fetched = {r["url"] for r in result.db.query("select url from fetches")}
    assert not any(url.startswith("http://localhost:") for url in fetched), sorted(u for u in fetched if "localhost" in u)
    assert len(articles(result.db)) == 3


# --- the OCDS backfill: the datasets page and its release packages, served by the hostile server -------------------
def ocds(behaviours, tmp_path, *args):
    from tenderarchive.apiserver import DATASETS_PAGE, load_datasets, load_publications
    from tests.spiders.test_awards_crawl import FIXTURES

    api = TenderNedAPI(load_publications(FIXTURES), datasets=load_datasets(FIXTURES / "datasets"))
    db = tmp_path / "archive.db"
    with HostileServer(api, behaviours) as server:
        command = ["crawl", "tenderned_ocds", "--db", str(db), "-s", f"TENDERNED_DATASETS_URL={server.base_url}"
                   f"{DATASETS_PAGE}", *FAST, *BOUNDS, *args]
        return CrawlResult(forkcli.run(command, cwd=ROOT, timeout=240), db), server.base_url + DATASETS_PAGE


@pytest.mark.parametrize("content_type, body, said", [
    ("application/json", b'{"status": 503, "message": "Service Unavailable"}', "application/json, not an html page"),
    ("application/json", (ROOT / "tests" / "fixtures" / "awards" / "datasets" / "page.html").read_bytes(), None)])
def test_a_datasets_page_answered_as_json_is_read_as_the_page_it_is_or_a_clear_error(tmp_path, content_type, body, said):
    """The datasets page answered under ``Content-Type: application/json`` (an API gateway's error envelope with status
    200, or the page itself mislabelled) ended the backfill with "spider error: Cannot use xpath on a Selector of type
    'json'". The page is read as the HTML it says it is whatever its type: a mislabelled page gives its packages, a JSON
    envelope is the page's one recorded error naming what came (the crawl failed, exit 1)."""
    result, page = ocds({"/cms/nl/aanbesteden-in-cijfers/datasets-aanbestedingen": ("answer", 200, content_type, body)},
                        tmp_path)
    if said is None:
        assert result.db["awards"].count, result.output[-3000:]
        assert not any("spider error" in e["error"] for e in result.errors), result.errors
        return
    assert result.returncode == 1 and result.crawl["status"] == "failed", result.output[-3000:]
    recorded = [e["error"] for e in result.errors if e.get("url") == page]
    assert recorded and said in recorded[0].lower(), result.errors
    assert not any("spider error" in e["error"] for e in result.errors), result.errors


@pytest.mark.parametrize("body", [b"{", b"[" * 100_000 + b"]" * 100_000, None], ids=["malformed", "nested", "html"])
def test_a_listing_answered_with_unreadable_json_is_a_recorded_error_not_a_spider_error(tmp_path, body):
    """A listing answered with JSON Python cannot read: nested past Python's stack (100,000 levels), its reading as a
    "Meer laden" endpoint gave it back as it came, and the listing's next look at it (parsel, taking it for JSON by
    its type) raised RecursionError: "spider error: maximum recursion depth exceeded" (found by the fuzz target
    ``news.listing.json``); malformed ("{"), "spider error: Cannot use xpath on a Selector of type 'json'". Either is
    the listing's recorded error saying so, nothing archived; the listing's own markup mislabelled JSON is read as the
    page it is."""
    answers = SiteAnswers("leiderdorp")
    if body is None:  # the listing itself, mislabelled JSON: read as the page it is
        listing = answers.handle(LISTING, "")[2]
        result, base = news(answers, {LISTING: ("answer", 200, "application/json", listing)}, tmp_path)
        assert result.returncode == 0 and articles(result.db), result.errors
        return
    result, base = news(answers, {LISTING: ("answer", 200, "application/json", body)}, tmp_path)
    assert result.returncode == 1 and result.crawl["status"] == "failed", result.output[-3000:]
    assert result.errors and not any("spider error" in e["error"] or "recursion" in e["error"].lower()
                                     for e in result.errors), result.errors
    assert any(e.get("url") == base + LISTING and "a json answer that is no json" in e["error"].lower()
               for e in result.errors), result.errors


PACKAGE_2021 = "/cms/sites/default/files/2026-07/Dataset_Tenderned-2021-01-01-2021-12-31.json"


@pytest.mark.parametrize("content_type, body, said", [
    ("text/html; charset=utf-8", b"<!DOCTYPE html>\n<html lang=\"nl\"><head><title>Onderhoud</title></head>\n<body><h1>"
     b"TenderNed is in onderhoud</h1>\n<p>Probeer het later opnieuw.</p></body></html>\n", "text/html"),
    ("application/json", b'\xef\xbb\xbf  \n[{"message": "Service Unavailable"}]', "application/json")])
def test_a_package_answered_with_a_page_is_one_clear_line_naming_what_came(tmp_path, content_type, body, said):
    """A release package answered with an HTML page (a CMS's maintenance page with status 200) was recorded as "not a
    complete release package (IncompleteJSONError: lexical error: invalid char in json text. …)", the JSON lexer's
    lines with a caret under the byte. It is one line saying what came instead: its Content-Type and first bytes;
    the other packages are read."""
    result, _ = ocds({PACKAGE_2021: ("answer", 200, content_type, body)}, tmp_path)
    assert result.crawl["status"] == "partial", result.output[-3000:]
    recorded = [e["error"] for e in result.errors if (e.get("url") or "").endswith(PACKAGE_2021)]
    assert len(recorded) == 1, result.errors
    recorded = recorded[0]
    assert "\n" not in recorded and "IncompleteJSONError" not in recorded and len(recorded) < 400, recorded
    assert said in recorded and "not a JSON release package" in recorded, recorded
    first = " ".join(body.lstrip(b"\xef\xbb\xbf \n").decode().split())[:20]
    assert first in recorded, recorded
    assert result.db["awards"].count       # the 2017 package read


@pytest.mark.parametrize("behaviour", [
    ("gzip-bomb", 3_000_000), ("big", 3_000_000),
    # gzip bytes sent without Content-Encoding (a .json.gz package): the spider unpacks them itself, to the same cap
    ("answer", 200, "application/octet-stream", gzip.compress(b" " * 3_000_000, compresslevel=9))],
    ids=["gzip-bomb", "big", "gzip-file-bomb"])
def test_a_package_over_the_size_cap_is_the_crawls_error_retried_next_run_and_the_archive_kept(tmp_path, behaviour):
    """OCDS packages had no size cap (``download_maxsize`` 0): a ``Content-Encoding: gzip`` bomb (a few KB sent,
    megabytes unpacked) was unpacked in memory whole, as was a body of any size. A package over
    ``TENDERNED_OCDS_MAXSIZE`` (as sent or unpacked; 1 MB here, 512 MiB by default) is the package's recorded error
    naming the setting, nothing of it written, the awards an earlier crawl archived from it kept; the next crawl
    asks it again and reads it."""
    cap = ["-s", "TENDERNED_OCDS_MAXSIZE=1000000"]
    first, _ = ocds({}, tmp_path, *cap)
    before = list(first.db.query("select * from awards order by award_id"))
    assert any(a["source_file"] == PACKAGE_2021.rsplit("/", 1)[1] for a in before), first.output[-3000:]
    bombed, _ = ocds({PACKAGE_2021: behaviour}, tmp_path, *cap)
    assert bombed.crawl["status"] == "partial", bombed.output[-3000:]
    recorded = [e["error"] for e in bombed.errors if (e.get("url") or "").endswith(PACKAGE_2021)]
    assert len(recorded) == 1 and "TENDERNED_OCDS_MAXSIZE" in recorded[0] and "1,000,000" in recorded[0], bombed.errors
    assert list(bombed.db.query("select * from awards order by award_id")) == before
    again, _ = ocds({}, tmp_path, *cap)
    assert not [e for e in again.errors if (e.get("url") or "").endswith(PACKAGE_2021)], again.errors
    asked = {r["url"] for r in again.db.query("select url from fetches where crawl_id = ?", [again.crawl["crawl_id"]])}
    assert any(url.endswith(PACKAGE_2021) for url in asked), asked
    assert list(again.db.query("select * from awards order by award_id")) == before
