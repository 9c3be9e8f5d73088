"""The news spider, sixteenth pass against docs/reference/news-sites.md as an evaluator would test it:
loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news), crawled with ``tenderarchive
crawl news`` into a real archive."""

from __future__ import annotations

import pytest
import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_lastmod import sitemap
from tests.spiders.test_news_reference import ROBOTS, registry
from tests.spiders.test_news_reference8 import HTML, TEXT
from tests.spiders.test_news_reference11 import serve


def iprox_item_of(title: str, day: str) -> tuple[str, bytes]:
    """A SYNTHETIC news item in iprox's markup (news-sites.md §2.1 ``div.iprox-date``) dated ``day`` (Dutch)."""
    return (HTML, ("<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'>"
                   f"<title>{title} - Gemeente Voorbeeld</title></head><body><main><h1>{title}</h1>"
                   f"<div class='iprox-content iprox-date date'>{day}</div>"
                   f"<div class='iprox-rich-content iprox-content'>{TEXT}</div></main></body></html>").encode())


def atom_feed(base: str, entries: dict[str, tuple[str, str]]) -> tuple[str, bytes]:
    """A SYNTHETIC Atom feed naming ``entries`` ({path: (published, updated)})."""
    items = "".join(f"<entry><title>Bericht</title><link href='{base}{path.lstrip('/')}'/><id>{path}</id>"
                    f"<published>{published}</published><updated>{updated}</updated></entry>"
                    for path, (published, updated) in entries.items())
    return ("application/atom+xml", ("<?xml version='1.0' encoding='utf-8'?><!-- SYNTHETIC -->"
                                     f"<feed xmlns='http://www.w3.org/2005/Atom'><title>Nieuws</title>{items}</feed>"
                                     ).encode())


@pytest.mark.parametrize("discovery", ["sitemap", "atom feed"])
def test_an_until_date_crawl_reads_a_page_of_its_window_changed_after_it(tmp_path, discovery):
    """``--from-date``/``--until-date`` windows, §2.1 sitemaps and feeds: a sitemap's ``<lastmod>`` (an Atom entry's
    ``<updated>``) is when a page last changed, and TYPO3's or Drupal's sitemap moves every page's on a site-wide
    change. A ``--until-date 2021-12-31`` crawl skipped, unread, every page changed after that day, though published
    inside the window: nothing archived, the crawl "complete". Such a page is read and kept by its own date; one
    published after the window (by its page, or its feed entry's ``<published>``) is not kept."""
    log: list[str] = []
    routes: dict = {}
    db_path = tmp_path / "archive.db"
    server, base = serve(routes, log)
    changed = "2023-03-01T10:00:00+01:00"  # the site's template changed: every page's lastmod
    pages = {"/nieuws/gunning": ("2021-10-14T10:00:00+02:00", "Voorlopige gunning jeugdhulp", "14 oktober 2021"),
             "/nieuws/later": ("2022-05-02T10:00:00+02:00", "Contracten jeugdhulp getekend", "2 mei 2022")}
    routes.update({"/robots.txt": ROBOTS,
                   "/sitemap.xml": sitemap(base, {path: changed for path in pages}),
                   "/feed.xml": atom_feed(base, {path: (published, changed) for path, (published, _, _) in pages.items()}),
                   **{path: iprox_item_of(title, day) for path, (_, title, day) in pages.items()}})
    how = {"sitemap": {"sitemaps": ["sitemap.xml"]}, "atom feed": {"feeds": ["feed.xml"]}}[discovery]
    try:
        crawl = crawl_news(registry(tmp_path, base_url=base, discovery=how, allow=["^/nieuws/"]), db_path,
                           "--from-date", "2021-10-01", "--until-date", "2021-12-31")
    finally:
        server.shutdown()
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    assert [r["title"] for r in sqlite_utils.Database(db_path)["articles"].rows] == ["Voorlopige gunning jeugdhulp"]
    if discovery == "atom feed":  # its entry says it was published after the window: not asked
        assert "/nieuws/later" not in log
