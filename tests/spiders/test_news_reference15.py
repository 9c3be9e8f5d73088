"""The news spider, fifteenth pass against docs/reference/news-sites.md as an evaluator would test it:
loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news), crawled with ``tenderarchive
crawl news`` into a real archive."""

from __future__ import annotations

import json

import pytest
import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, registry
from tests.spiders.test_news_reference5 import undated_page
from tests.spiders.test_news_reference8 import HTML
from tests.spiders.test_news_reference11 import serve


def paged_listing(number: int, pager_base: str, pages: int = 3) -> tuple[str, bytes]:
    """Page ``number`` (from 0) of a SYNTHETIC listing ``/nieuws`` whose pager writes absolute links on
    ``pager_base`` (``?page=N``, Drupal's zero-based numbers), two items on each page."""
    rows = "".join(f"<li><a href='/nieuws/bericht-{number}-{k}'>Inkoop jeugdhulp {number}-{k}</a></li>" for k in range(2))
    pager = "".join(f"<li><a href='{pager_base}nieuws?page={n}'>{n + 1}</a></li>" for n in range(pages) if n != number)
    return (HTML, ("<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'>"
                   f"<title>Nieuws</title></head><body><main><h1>Nieuws</h1><ul>{rows}</ul>"
                   f"<nav class='pager'><ul>{pager}</ul></nav></main></body></html>").encode())


@pytest.mark.parametrize("pager_host", ["www.", ""])
def test_a_pager_written_on_the_sites_other_www_host_is_read_page_by_page(tmp_path, pager_host):
    """§2.2 (jeugdhulpmvs.nl: "the host occurs both with and without ``www.``") and §2.1 paging: a CMS writes its
    configured address into absolute pager links (``https://www.site.nl/nieuws?page=1``) while the registry reads the
    listing on the bare host. The pager's links were taken for another site's, so only the listing's first page was
    read, ``max_pages`` notwithstanding: the older items never found. They are the listing's pages, asked on the
    registry's host; a pager on the listing's own host is read as before."""
    log: list[str] = []
    routes: dict = {}
    server, base = serve(routes, log)
    base = base.replace("//127.0.0.1", "//localhost")
    pager_base = base.replace("//localhost", f"//{pager_host}localhost")
    routes.update({"/robots.txt": ROBOTS, "/nieuws": paged_listing(0, pager_base),
                   **{f"/nieuws?page={n}": paged_listing(n, pager_base) for n in range(3)},
                   **{f"/nieuws/bericht-{n}-{k}": undated_page(f"Inkoop jeugdhulp {n}-{k}")
                      for n in range(3) for k in range(2)}})
    try:
        crawl = crawl_news(registry(tmp_path, base_url=base, allow=["^/nieuws/"],
                                    discovery={"listing": {"urls": ["nieuws"], "max_pages": 5}}), tmp_path / "archive.db")
    finally:
        server.shutdown()
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    assert sorted(r["url"] for r in sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows) == sorted(
        f"{base}nieuws/bericht-{n}-{k}" for n in range(3) for k in range(2))
    assert {"/nieuws?page=1", "/nieuws?page=2"} <= set(log)


#: How a listing writes an entry's date as a "badge": day, month and year each in an element of their own, stacked
#: by the site's CSS, written on one line of markup or over several.
DATE_BADGES = {
    "spans on one line": "<span class='day'>{d}</span><span class='month'>{m}</span><span class='year'>{y}</span>",
    "spans over several lines": "\n  <span class='day'>{d}</span>\n  <span class='month'>{m}</span>\n  "
                                "<span class='year'>{y}</span>\n",
    "divs": "<div>{d}</div><div>{m}</div><div>{y}</div>",
}


#: The month as badges write it, shortened.
SHORT_MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]


#: How a listing holds an entry: an element of its own around the badge and the title, or none, the badge the
#: element before the title's in one container of all entries.
ENTRY_LAYOUTS = {
    "an article of its own": "<article class='card'><div class='card__datum'>{badge}</div><h3><a href='{path}'>"
                             "Bericht over jeugdhulp</a></h3></article>",
    "a flat run of elements": "<div class='datum'>{badge}</div><h3><a href='{path}'>Bericht over jeugdhulp</a></h3>"
                              "<p>De regio start de inkoop.</p>",
}


@pytest.mark.parametrize("layout", ENTRY_LAYOUTS)
@pytest.mark.parametrize("badge", DATE_BADGES)
def test_a_listings_date_badges_date_its_entries(tmp_path, badge, layout):
    """§2.3 listing dates and ``--from-date`` windows: a listing that writes each entry's date as a badge
    (``<div class="datum"><span class="day">14</span><span class="month">okt</span><span class="year">2021</span>``)
    was read as "14okt2021", or as three lines, no date: its entries undated, so a ``--from-date`` crawl asked every
    older item to drop it once read, and a page that states no date of its own was archived undated. The badge's
    pieces are one date, in the entry or beside it: the entries before the window are not asked, the one inside has
    the listing's date."""
    days = ["2021-10-14", "2021-03-02", "2020-12-21"]
    entries = "".join(ENTRY_LAYOUTS[layout].format(
        badge=DATE_BADGES[badge].format(d=int(day[8:]), m=SHORT_MONTHS[int(day[5:7]) - 1], y=day[:4]),
        path=f"/nieuws/bericht-{day}") for day in days)
    listing = (HTML, ("<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'>"
                      f"<title>Nieuws</title></head><body><main><h1>Nieuws</h1><div class='lijst'>{entries}</div></main>"
                      "</body></html>").encode())
    log: list[str] = []
    routes = {"/robots.txt": ROBOTS, "/nieuws": listing,
              **{f"/nieuws/bericht-{day}": undated_page(f"Bericht over jeugdhulp van {day}") for day in days}}
    server, base = serve(routes, log)
    try:
        crawl = crawl_news(registry(tmp_path, base_url=base, allow=["^/nieuws/"],
                                    discovery={"listing": {"urls": ["nieuws"]}}), tmp_path / "archive.db",
                           "--from-date", "2021-06-01")
    finally:
        server.shutdown()
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    assert [p for p in log if p.startswith("/nieuws/")] == ["/nieuws/bericht-2021-10-14"]
    assert [r["published"] for r in sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows] == ["2021-10-14"]


def test_a_listings_later_page_that_robots_txt_forbids_ends_the_listing_without_an_error(tmp_path):
    """Politeness (robots.txt) and §2.1 paging: a site whose robots.txt forbids addresses with a query
    (``Disallow: /*?``, written against search and filter pages) forbids its listing's ``?page=1`` too. That page was
    not fetched, as it should not be, but was an error of the crawl: every crawl of the site "partial", for a page the
    site asks not to be read. A later page of a listing that robots.txt forbids ends the listing, as a discovered page
    it forbids is skipped (``news/forbidden_by_robots``); the registry's own listing URL that it forbids is still an
    error."""
    routes: dict = {}
    log: list[str] = []
    server, base = serve(routes, log)
    routes.update({"/robots.txt": ("text/plain", b"User-agent: *\nDisallow: /*?\n"),
                   "/nieuws": paged_listing(0, base), "/verboden/nieuws": paged_listing(0, base),
                   **{f"/nieuws/bericht-0-{k}": undated_page(f"Inkoop jeugdhulp 0-{k}") for k in range(2)}})
    try:
        paged = crawl_news(registry(tmp_path, base_url=base, allow=["^/nieuws/"],
                                    discovery={"listing": {"urls": ["nieuws"], "max_pages": 5}}), tmp_path / "paged.db")
        forbidden = crawl_news(registry(tmp_path, base_url=base, allow=["^/nieuws/"],
                                        discovery={"listing": {"urls": ["nieuws?page=0"]}}), tmp_path / "forbidden.db")
    finally:
        server.shutdown()
    assert paged.returncode == 0, paged.stderr[-3000:]
    archive = sqlite_utils.Database(tmp_path / "paged.db")
    assert sorted(r["url"] for r in archive["articles"].rows) == [f"{base}nieuws/bericht-0-{k}" for k in range(2)]
    crawl = next(archive["crawls"].rows)
    assert (crawl["status"], crawl["error_count"]) == ("complete", 0)
    assert not any("?" in path for path in log)
    assert next(sqlite_utils.Database(tmp_path / "forbidden.db")["crawls"].rows)["error_count"] == 1


def test_a_sitemap_that_robots_txt_forbids_beside_others_of_its_index_is_no_error(tmp_path):
    """Politeness (robots.txt) and §2.1 TYPO3 (EXT:seo's ``/sitemap.xml`` is an index naming its sitemaps by query:
    ``/sitemap.xml?sitemap=pages``): a robots.txt forbidding one of them was an error of every crawl. A sitemap of an
    index that robots.txt forbids is not read, no error; the index's other sitemaps are read as before."""
    routes: dict = {}
    server, base = serve(routes)
    index = "".join(f"<sitemap><loc>{base}{path}</loc></sitemap>" for path in ("sitemap.xml?sitemap=news",
                                                                               "sitemap.xml?sitemap=pages"))
    routes.update({
        "/robots.txt": ("text/plain", f"User-agent: *\nDisallow: /*sitemap=pages\nSitemap: {base}sitemap.xml\n".encode()),
        "/sitemap.xml": ("application/xml", ("<?xml version='1.0' encoding='UTF-8'?><!-- SYNTHETIC --><sitemapindex "
                                             f"xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{index}</sitemapindex>"
                                             ).encode()),
        "/sitemap.xml?sitemap=news": ("application/xml", (
            "<?xml version='1.0' encoding='UTF-8'?><!-- SYNTHETIC --><urlset xmlns='http://www.sitemaps.org/schemas/"
            f"sitemap/0.9'><url><loc>{base}nieuws/bericht-0-0</loc></url></urlset>").encode()),
        "/nieuws/bericht-0-0": undated_page("Inkoop jeugdhulp 0-0")})
    try:
        crawl = crawl_news(registry(tmp_path, base_url=base, discovery={"robots_sitemaps": True}), tmp_path / "archive.db")
    finally:
        server.shutdown()
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    archive = sqlite_utils.Database(tmp_path / "archive.db")
    assert [r["url"] for r in archive["articles"].rows] == [f"{base}nieuws/bericht-0-0"]
    assert next(archive["crawls"].rows)["error_count"] == 0


#: What makes a CMS's feed no well-formed XML, in one item's title or link.
FEED_FAULTS = {
    "a bare ampersand": "Inkoop Jeugd & Gezin",
    "an HTML entity": "Inkoop jeugdhulp:&nbsp;co&ouml;rdinatie",
    "a control character": "Inkoop jeugdhulp\x0b gestart",
    "a bare ampersand in a link's query": "Inkoop jeugdhulp",
}


@pytest.mark.parametrize("fault", FEED_FAULTS)
def test_a_feed_that_is_not_well_formed_xml_in_an_item_is_read(tmp_path, fault):
    """§2.1 feeds (WordPress's RSS at ``/feed/``, a category feed): a CMS writes a title with a bare ``&`` ("Jeugd &
    Gezin"), an HTML entity (``&nbsp;``, ``&ouml;``: XML defines five) or a control character pasted from a word
    processor. The feed was one "malformed feed" error of every crawl, all its items lost. It is read with those
    mended (``news.mend_xml``), a link's query and a CDATA section's ``&`` kept as written; a feed cut short is still
    an error."""
    link_query = "?id=1&x=2" if fault.endswith("query") else ""
    items = [(FEED_FAULTS[fault], f"nieuws/inkoop-jeugdhulp{link_query}"), ("Gunning jeugdhulp", "nieuws/gunning")]
    routes: dict = {}
    server, base = serve(routes)
    entries = "".join(f"<item><title>{title}</title><link>{base}{path}</link><description><![CDATA[<p>Jeugd & Gezin"
                      "</p>]]></description><pubDate>Thu, 14 Oct 2021 10:00:00 +0200</pubDate></item>"
                      for title, path in items)
    feed = ("<?xml version='1.0' encoding='UTF-8'?><!-- SYNTHETIC --><rss version='2.0'><channel><title>Nieuws</title>"
            f"<link>{base}</link>{entries}</channel></rss>")
    routes.update({"/robots.txt": ROBOTS, "/feed/": ("application/rss+xml; charset=UTF-8", feed.encode()),
                   "/feed/kapot/": ("application/rss+xml; charset=UTF-8", feed[:len(feed) // 2].encode()),
                   f"/nieuws/inkoop-jeugdhulp{link_query}": undated_page("Inkoop jeugdhulp"),
                   "/nieuws/gunning": undated_page("Gunning jeugdhulp")})
    try:
        crawl = crawl_news(registry(tmp_path, base_url=base, discovery={"feeds": ["feed/"]}), tmp_path / "archive.db")
        broken = crawl_news(registry(tmp_path, base_url=base, discovery={"feeds": ["feed/kapot/"]}), tmp_path / "broken.db")
    finally:
        server.shutdown()
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    assert sorted(r["url"] for r in sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows) == sorted(
        f"{base}{path}" for _, path in items)
    errors = json.loads(next(sqlite_utils.Database(tmp_path / "broken.db")["crawls"].rows)["errors"])
    assert [e["error"].split(":")[0] for e in errors] == ["malformed feed"]


def test_a_sitemaps_bare_ampersand_in_an_address_is_kept(tmp_path):
    """§2.1 TYPO3 (``/sitemap.xml``; an older site without speaking URLs names its pages ``index.php?id=12&L=0``) and
    odd URLs: a sitemap generator that writes the ``&`` of an address bare, not as ``&amp;``. Scrapy's sitemap parser
    reads with lxml's ``recover``, which drops it: the page was asked as ``index.php?id=12=0`` (the site's "not found",
    the item lost). The address is read as written (``news.mend_xml``); an escaped ``&amp;`` is read as before."""
    routes: dict = {}
    log: list[str] = []
    server, base = serve(routes, log)
    locs = "".join(f"<url><loc>{base}{path}</loc></url>" for path in ("index.php?id=12&L=0", "index.php?id=14&amp;L=0"))
    routes.update({"/robots.txt": ROBOTS,
                   "/sitemap.xml": ("application/xml", ("<?xml version='1.0' encoding='UTF-8'?><!-- SYNTHETIC --><urlset "
                                                        f"xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{locs}</urlset>"
                                                        ).encode()),
                   "/index.php?id=12&L=0": undated_page("Inkoop jeugdhulp"),
                   "/index.php?id=14&L=0": undated_page("Gunning jeugdhulp")})
    try:
        crawl = crawl_news(registry(tmp_path, base_url=base, cms="typo3", discovery={"sitemaps": ["sitemap.xml"]}),
                           tmp_path / "archive.db")
    finally:
        server.shutdown()
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    assert sorted(r["title"] for r in sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows) == [
        "Gunning jeugdhulp", "Inkoop jeugdhulp"]
    assert "/index.php?id=12=0" not in log
