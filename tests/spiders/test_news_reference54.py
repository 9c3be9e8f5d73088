"""The news spider, fifty-fourth pass against docs/reference/news-sites.md as an evaluator would test it: discovery
documents of an older CMS whose bytes are ``windows-1252`` while the charset they declare says otherwise (§2.4
mojibake: ë/ö "damaged by a wrong decode somewhere upstream"): a listing served ``charset=utf-8`` by the server's
default over a template that says ``windows-1252``, or whose ``<meta charset>`` says UTF-8; a feed or sitemap whose
XML declaration says UTF-8 (§2.1: WordPress's ``/feed/``, ``/sitemap.xml``). Loopback sites of SYNTHETIC pages
(labelled like tests/fixtures/news), crawled with ``tenderarchive crawl news`` into a real archive."""

from __future__ import annotations

import json
from urllib.parse import unquote, urlsplit

import pytest
import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, crawl_site, registry, serve
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


@pytest.mark.parametrize("content_type, meta", [
    ("text/html; charset=utf-8", "windows-1252"),  # the server's default charset over the template's
    ("text/html", "utf-8"),  # a new template's <meta charset> over an older CMS's bytes
], ids=["header utf-8, meta windows-1252", "meta utf-8"])
def test_a_listing_whose_declared_charset_is_not_its_windows_1252_bytes_links_its_items_by_their_own_addresses(
        tmp_path, content_type, meta):
    """The listing's bytes are ``windows-1252`` ("ö" the one byte ``F6``) but it says UTF-8: read as declared, its link
    to ``/nieuws/coöperatie-jeugdhulp`` became ``/nieuws/co%EF%BF%BDperatie-jeugdhulp`` (a replacement character),
    which answered 404: the item was never archived, and the crawl, counting a listed page gone, said nothing. The
    listing is read as the archive reads a page (a browser's reading: the charset that decodes its bytes)."""
    listing = (f"<!doctype html><html lang='nl'><head><meta charset='{meta}'><meta name='tenderarchive-fixture' "
               "content='synthetic'><title>Nieuws – Gemeente Voorbeeld</title></head><body><main><h1>Nieuws</h1><ul>"
               f"<li><a href='{ITEM}'>Coöperatie jeugdhulp gegund</a></li>"
               "<li><a href='/nieuws/inkoop-jeugdhulp'>Inkoop jeugdhulp</a></li></ul></main></body></html>")
    log: list[str] = []
    routes = {"/robots.txt": ROBOTS, "/nieuws": (content_type, listing.encode("cp1252")),
              ASKED: undated_page(TITLE), "/nieuws/inkoop-jeugdhulp": undated_page("Inkoop jeugdhulp")}
    crawl_site(tmp_path, routes, log, discovery={"listing": {"urls": ["nieuws"]}}, allow=["^/nieuws/"])
    rows, crawl = archived(tmp_path)
    assert sorted(unquote(urlsplit(r["url"]).path) for r in rows) == [ITEM, "/nieuws/inkoop-jeugdhulp"]
    assert sorted(p for p in log if p.startswith("/nieuws/")) == sorted([ASKED, "/nieuws/inkoop-jeugdhulp"])
    assert crawl["status"] == "complete"


def test_a_listing_sent_gzipped_without_saying_so_links_its_items_and_a_gzip_bomb_is_recorded(tmp_path):
    """A server sending a listing's pre-compressed copy (gzip) without ``Content-Encoding``: read as its declared UTF-8
    it had no link at all, and the crawl ended "complete" with nothing archived and nothing said. It is read as the
    archive reads such a page (its bytes ungzipped), at most ``DOWNLOAD_MAXSIZE`` bytes: past that, one error naming
    the listing."""
    import gzip

    listing = ("<!doctype html><html lang='nl'><head><meta charset='utf-8'><meta name='tenderarchive-fixture' "
               "content='synthetic'><title>Nieuws</title></head><body><main><h1>Nieuws</h1><ul>"
               f"<li><a href='{ITEM}'>Coöperatie jeugdhulp gegund</a></li></ul></main></body></html>")
    bomb = ("text/html", gzip.compress(b"<html><body>" + b" " * 3_000_000 + b"</body></html>"))
    routes = {"/robots.txt": ROBOTS, "/nieuws": ("text/html; charset=utf-8", gzip.compress(listing.encode())),
              "/archief": bomb, ASKED: undated_page(TITLE)}
    with serve(routes) as base:
        path = registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws", "archief"]}},
                        allow=["^/nieuws/"])
        completed = crawl_news(path, tmp_path / "archive.db", "-s", "DOWNLOAD_MAXSIZE=1000000")
    rows, crawl = archived(tmp_path)
    assert [(unquote(urlsplit(r["url"]).path), r["title"]) for r in rows] == [(ITEM, TITLE)]
    assert [(e["url"], e["error"]) for e in json.loads(crawl["errors"])] == [
        (base + "archief", "gzipped listing larger than 1000000 bytes unpacked: not read")]
    assert completed.returncode == 3


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


def test_a_feed_sent_gzipped_without_saying_so_is_read_and_a_gzip_bomb_is_recorded(tmp_path):
    """§2.1 WordPress's RSS at ``/feed/``: a caching plugin or server sends the feed's pre-compressed copy without
    ``Content-Encoding`` (Scrapy leaves such a body packed, as it does a ``sitemap.xml.gz``). Its gzip bytes were read
    as XML: one "malformed feed: Start tag expected" error of every crawl, every item lost. It is unpacked, at most
    ``DOWNLOAD_MAXSIZE`` bytes as a sitemap is: past that, one error naming the feed."""
    import gzip

    def packed(base):
        return ("application/rss+xml; charset=UTF-8", gzip.compress(
            feed(base).decode("cp1252").encode("utf-8")))

    bomb = ("application/rss+xml", gzip.compress(b'<?xml version="1.0"?><rss>' + b" " * 3_000_000 + b"</rss>"))
    routes = {"/robots.txt": ROBOTS, "/feed/": packed, "/bomb/feed/": bomb, ASKED: undated_page(TITLE)}
    with serve(routes) as base:
        path = registry(tmp_path, base_url=base, discovery={"feeds": ["feed/", "bomb/feed/"]}, allow=["^/nieuws/"])
        completed = crawl_news(path, tmp_path / "archive.db", "-s", "DOWNLOAD_MAXSIZE=1000000")
    rows, crawl = archived(tmp_path)
    assert [(unquote(urlsplit(r["url"]).path), r["published"], r["published_source"]) for r in rows] == [
        (ITEM, "2021-10-14T10:05", "feed")]
    errors = json.loads(crawl["errors"])
    assert [(e["url"], e["error"]) for e in errors] == [
        (base + "bomb/feed/", "gzipped feed larger than 1000000 bytes unpacked: not read")]
    assert completed.returncode == 3
