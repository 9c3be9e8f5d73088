"""The news spider, twenty-sixth pass against docs/reference/news-sites.md as an evaluator would test it: pages of an
older CMS whose bytes are windows-1252 in a template that says UTF-8 (§2.4 mojibake), a site served under a path whose
registry entry writes its listing with a leading slash (how a user adds a site), crawled with ``tenderarchive crawl
news`` over loopback into a real archive (SYNTHETIC pages, labelled like tests/fixtures/news; the article's sentence is
verbatim from a public text, tests/extraction/test_markup.py)."""

from __future__ import annotations

import sqlite_utils

from tests.extraction.test_markup import SHORT
from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, crawl_site, registry, serve


def cms_page(title: str, body: str) -> tuple[str, bytes]:
    """A SYNTHETIC page whose ``<meta charset>`` says UTF-8 over windows-1252 bytes, served with no charset in its
    ``Content-Type`` (as an Apache without ``AddDefaultCharset`` serves a static export)."""
    html = (f"<!doctype html><html lang='nl'><head><meta charset='utf-8'><meta name='tenderarchive-fixture' "
            f"content='synthetic'><title>{title}</title></head><body><main>{body}</main></body></html>")
    return "text/html", html.encode("cp1252")


def test_a_short_windows_1252_article_whose_meta_says_utf8_is_archived_with_its_letters(tmp_path):
    """A guess at the charset of a short page made "één" "ťťn" (or Chinese characters) in the archived title and
    text; the page is read as a Dutch browser reads it."""
    title = "Eén loket voor jeugdhulp"
    routes = {"/robots.txt": ROBOTS,
              "/nieuws": cms_page("Nieuws", "<ul><li><a href='/nieuws/een-loket'>Eén loket voor jeugdhulp</a>"
                                            "</li></ul>"),
              "/nieuws/een-loket": cms_page(title, f"<article><h1>{title}</h1><p>Gepubliceerd op: 3 december 2026</p>"
                                                   f"<p>{SHORT}</p></article>")}
    crawl_site(tmp_path, routes, None, discovery={"listing": {"urls": ["nieuws"]}}, allow=["^/nieuws/"])
    article = next(sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows)
    assert article["title"] == title
    assert SHORT in article["text"]


def test_a_site_under_a_path_whose_entry_writes_its_listing_with_a_leading_slash_is_crawled(tmp_path):
    """A user adding a site served under a path (``…/jeugdhulp/``) wrote its listing as ``/nieuws``: the listing was
    asked at the host's root (a 404, the crawl partial, nothing archived); it is the site's ``…/jeugdhulp/nieuws``."""
    log: list[str] = []
    title = "Eén loket voor jeugdhulp"
    routes = {"/robots.txt": ROBOTS,
              "/jeugdhulp/nieuws": cms_page("Nieuws", "<ul><li><a href='/jeugdhulp/nieuws/een-loket'>Eén loket</a>"
                                                      "</li></ul>"),
              "/jeugdhulp/nieuws/een-loket": cms_page(title, f"<article><h1>{title}</h1><p>{SHORT}</p></article>")}
    with serve(routes, log) as base:
        path = registry(tmp_path, base_url=base + "jeugdhulp/", discovery={"listing": {"urls": ["/nieuws"]}},
                        allow=["^/jeugdhulp/nieuws/"])
        completed = crawl_news(path, tmp_path / "archive.db")
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert "/nieuws" not in log
    assert_archived(tmp_path / "archive.db", title)


def assert_archived(db_path, title: str) -> None:
    """The crawl into ``db_path`` is complete, without an error, and archived the one article ``title``."""
    db = sqlite_utils.Database(db_path)
    assert [r["title"] for r in db["articles"].rows] == [title]
    assert next(db.query("select status, error_count from crawls")) == {"status": "complete", "error_count": 0}


def test_a_site_under_a_path_whose_entry_allows_its_pages_by_their_path_from_there_archives_them(tmp_path):
    """The same user wrote ``allow: ['^/nieuws/']`` as they wrote the listing: every page the listing linked was
    refused, and the crawl was complete with nothing archived and no word why."""
    title = "Eén loket voor jeugdhulp"
    routes = {"/robots.txt": ROBOTS,
              "/jeugdhulp/nieuws": cms_page("Nieuws", "<ul><li><a href='/jeugdhulp/nieuws/een-loket'>Eén loket</a>"
                                                      "</li></ul>"),
              "/jeugdhulp/nieuws/een-loket": cms_page(title, f"<article><h1>{title}</h1><p>{SHORT}</p></article>")}
    with serve(routes) as base:
        path = registry(tmp_path, base_url=base + "jeugdhulp/", discovery={"listing": {"urls": ["nieuws"]}},
                        allow=["^/nieuws/"])
        completed = crawl_news(path, tmp_path / "archive.db")
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert_archived(tmp_path / "archive.db", title)
