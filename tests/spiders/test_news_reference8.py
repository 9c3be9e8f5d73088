"""The news spider, eighth pass against docs/reference/news-sites.md as an evaluator would test it:
loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news), crawled with ``tenderarchive
crawl news`` into a real archive."""

from __future__ import annotations

from datetime import datetime, timedelta

import sqlite_utils

from tenderarchive.arguments import AMSTERDAM
from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ARTICLE, ROBOTS, registry, serve
from tests.spiders.test_news_reference5 import undated_page

HTML = "text/html; charset=utf-8"


def days_ago(days: int) -> str:
    """The Dutch calendar day ``days`` before now (the crawl's clock is the machine's)."""
    return (datetime.now(AMSTERDAM).date() - timedelta(days=days)).isoformat()


def test_a_feed_whose_dates_are_relative_dates_its_items_and_keeps_older_ones_out(tmp_path):
    """§2.1 feeds and §2.3 dates: a feed plugin (or a site's own "feed") that writes its items' dates as a
    listing shows them, relative to when it is read ("2 dagen geleden", "gisteren", "200 dagen geleden").
    Neither RFC 822 nor a Dutch date, so the item had no date: its page, stating none, was archived undated
    and a ``--from-date`` crawl fetched items from long before. The day it names is the item's date."""
    log: list[str] = []
    items = (("gunning-jeugdhulp", "2 dagen geleden"), ("contracten-jeugdhulp", "Gisteren"),
             ("marktconsultatie-jeugdhulp", "200 dagen geleden"))

    def feed(base):
        entries = "".join(f"<item><title>{slug}</title><link>{base}nieuws/{slug}</link><pubDate>{when}</pubDate></item>"
                          for slug, when in items)
        return ("application/rss+xml; charset=UTF-8", (
            '<?xml version="1.0" encoding="UTF-8"?><!-- SYNTHETIC --><rss version="2.0"><channel><title>Nieuws'
            f"</title><link>{base}</link>{entries}</channel></rss>").encode())

    routes = {"/robots.txt": ROBOTS, "/feed/": feed,
              "/nieuws/gunning-jeugdhulp": undated_page("Voorlopige gunning jeugdhulp"),
              "/nieuws/contracten-jeugdhulp": undated_page("Contracten jeugdhulp getekend"),
              "/nieuws/marktconsultatie-jeugdhulp": undated_page("Marktconsultatie jeugdhulp")}
    with serve(routes, log) as base:
        path = registry(tmp_path, base_url=base, discovery={"feeds": ["feed/"]}, allow=["^/nieuws/"])
        completed = crawl_news(path, tmp_path / "archive.db", "--from-date", days_ago(30))
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert "/nieuws/marktconsultatie-jeugdhulp" not in log
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert sorted((r["title"], r["published"], r["published_source"]) for r in db["articles"].rows) == [
        ("Contracten jeugdhulp getekend", days_ago(1), "feed"), ("Voorlopige gunning jeugdhulp", days_ago(2), "feed")]


def test_relative_dates_on_a_listing_and_under_a_title_date_their_pages(tmp_path):
    """§2.3 dates, as a regional news site ([S1]'s kind) writes a recent item's: its listing shows "3 dagen
    geleden" beside the link, and the item itself "Door Redactie · 5 uur geleden" or "Geplaatst: gisteren om
    14:05" under its title. None was read: the pages were archived undated (and the date line stayed in
    the text). The day each names, against the fetch, dates the page; the page's own line first."""
    listing = ("<!doctype html><html><head><meta name='tenderarchive-fixture' content='synthetic'></head><body>"
               "<main><ul><li><a href='/nieuws/inkoop-jeugdhulp'>Inkoop jeugdhulp</a><span class='datum'>3 dagen"
               " geleden</span></li><li><a href='/nieuws/gunning-jeugdhulp'>Gunning jeugdhulp</a>"
               "<span class='datum'>4 dagen geleden</span></li><li><a href='/nieuws/bezwaar-jeugdhulp'>Bezwaar</a>"
               "</li></ul></main></body></html>")

    def dated(title: str, line: str) -> tuple[str, bytes]:
        return (HTML, ARTICLE.format(title=title, extra="Een bericht van de regio.").replace(
            "<p>Gepubliceerd op: 14 december 2020</p>", f"<p class='meta'>{line}</p>").encode())

    routes = {"/robots.txt": ROBOTS, "/nieuws": (HTML, listing.encode()),
              "/nieuws/inkoop-jeugdhulp": undated_page("Inkoop jeugdhulp gestart"),
              "/nieuws/gunning-jeugdhulp": dated("Gunning jeugdhulp bekend", "Geplaatst: gisteren om 14:05"),
              "/nieuws/bezwaar-jeugdhulp": dated("Bezwaar tegen gunning jeugdhulp", "Door Redactie · 1 dag geleden")}
    with serve(routes) as base:
        path = registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}}, allow=["^/nieuws/"])
        completed = crawl_news(path, tmp_path / "archive.db")
    assert completed.returncode == 0, completed.stderr[-3000:]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    rows = {r["title"]: r for r in db["articles"].rows}
    assert {t: (r["published"], r["published_source"]) for t, r in rows.items()} == {
        "Inkoop jeugdhulp gestart": (days_ago(3), "listing"),
        "Gunning jeugdhulp bekend": (f"{days_ago(1)}T14:05", "stated"),
        "Bezwaar tegen gunning jeugdhulp": (days_ago(1), "stated")}
    assert not any("geleden" in r["text"] or "gisteren" in r["text"] for r in rows.values())
