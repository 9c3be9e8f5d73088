"""The news spider, fifty-fourth pass against docs/reference/news-sites.md as an evaluator would test it: discovery
documents of an older CMS whose bytes are ``windows-1252`` while the charset they declare says otherwise (§2.4
mojibake: ë/ö "damaged by a wrong decode somewhere upstream"): a feed or sitemap whose XML declaration says UTF-8 (§2.1: WordPress's ``/feed/``, ``/sitemap.xml``). Loopback sites of SYNTHETIC pages
(labelled like tests/fixtures/news), crawled with ``tenderarchive crawl news`` into a real archive."""

from __future__ import annotations

import json
from urllib.parse import unquote, urlsplit

import pytest
import sqlite_utils

from tests.spiders.test_news_reference import ROBOTS, crawl_site
from tests.spiders.test_news_reference6 import undated_page

#: An item's address with a letter outside ASCII, as the CMS writes it in its links (a browser asks its path in
#: UTF-8 whatever the page's charset: ``/nieuws/co%C3%B6peratie-jeugdhulp``).
ITEM = "/nieuws/coöperatie-jeugdhulp"
ASKED = "/nieuws/co%C3%B6peratie-jeugdhulp"
TITLE = "Coöperatie jeugdhulp gegund"


def archived(tmp_path) -> tuple[list, dict]:
    db = sqlite_utils.Database(tmp_path / "archive.db")
    crawl = next(db.query("select status, error_count, errors from crawls"))
    return [r for r in db["articles"].rows], crawl


def feed(base: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?><!-- SYNTHETIC --><rss version="2.0"><channel>'
            f"<title>Nieuws – Gemeente Voorbeeld</title><link>{base}</link><item><title>Coöperatie jeugdhulp: "
            f"‘gegund’</title><link>{base}{ITEM.lstrip('/')}</link><pubDate>Thu, 14 Oct 2021 10:05:00 +0200</pubDate>"
            "</item></channel></rss>").encode("cp1252")


def sitemap(base: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?><!-- SYNTHETIC: coördinatie --><urlset '
            'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>{base}{ITEM.lstrip('/')}</loc><lastmod>2021-10-14</lastmod></url></urlset>").encode("cp1252")


@pytest.mark.parametrize("kind", ["feed", "sitemap"])
def test_a_feed_or_sitemap_declaring_utf8_over_windows_1252_bytes_is_read(tmp_path, kind):
    """An older CMS writes ``<?xml version="1.0" encoding="UTF-8"?>`` over ``windows-1252`` text (a title's "ö", its
    curly quotes; an address's "ö"), its header naming no charset. Its first such byte broke the parse: one "malformed
    feed" error of every crawl, every item lost (a sitemap lost its entries from there on). Bytes that are not UTF-8
    where the document says UTF-8 are read as ``windows-1252``, as a browser or a feed reader reads them."""
    def document(base):
        return ("application/rss+xml" if kind == "feed" else "application/xml",
                (feed if kind == "feed" else sitemap)(base))

    path = "/feed/" if kind == "feed" else "/sitemap.xml"
    crawl_site(tmp_path, {"/robots.txt": ROBOTS, path: document, ASKED: undated_page(TITLE)}, None,
               discovery={"feeds" if kind == "feed" else "sitemaps": [path.lstrip("/")]}, allow=["^/nieuws/"])
    rows, crawl = archived(tmp_path)
    assert (crawl["status"], json.loads(crawl["errors"])) == ("complete", [])
    assert [(unquote(urlsplit(r["url"]).path), r["title"]) for r in rows] == [(ITEM, TITLE)]
    if kind == "feed":
        assert (rows[0]["published"], rows[0]["published_source"]) == ("2021-10-14T10:05", "feed")
