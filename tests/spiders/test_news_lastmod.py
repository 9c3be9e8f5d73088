"""A sitemap's ``<lastmod>`` at W3C Datetime's reduced precision (news-sites.md §2.1 sitemaps; sitemaps.org: the
date "should be in W3C Datetime format", which allows ``YYYY`` and ``YYYY-MM``): a year or a month, not no date.
Loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news), crawled with ``tenderarchive crawl news``
into a real archive."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, registry
from tests.spiders.test_news_reference8 import TEXT, iprox_item
from tests.spiders.test_news_reference11 import asked_once_then_not, fetched_back_then, serve


def sitemap(base: str, entries: dict[str, str]) -> tuple[str, bytes]:
    """A SYNTHETIC XML sitemap naming ``entries`` ({path: lastmod})."""
    urls = "".join(f"<url><loc>{base}{path.lstrip('/')}</loc><lastmod>{lastmod}</lastmod></url>"
                   for path, lastmod in entries.items())
    return ("application/xml", ('<?xml version="1.0" encoding="UTF-8"?><!-- SYNTHETIC --><urlset '
                                f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>').encode())


def test_lastmod_periods_are_read_as_their_days():
    from spiders.news import changed_moment, lastmod_period

    assert lastmod_period("2024") == (date(2024, 1, 1), date(2024, 12, 31))
    assert lastmod_period("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert lastmod_period(" 2023-12 ") == (date(2023, 12, 1), date(2023, 12, 31))
    assert [lastmod_period(v) for v in ("2024-13", "2024-1", "24-05", "2024-05-01", "", None, "mei 2024")] == [None] * 7
    assert changed_moment("2024-05") == date(2024, 5, 1)
    assert changed_moment("2024-05-20") == date(2024, 5, 20)   # a day stays a day


def test_a_page_whose_month_lastmod_moved_past_its_fetch_is_asked_once(tmp_path):
    """An archived page, fetched before the month its sitemap now names as its last change (``<lastmod>2026-11``),
    was never asked again: the month was no date, so nothing told it changed and its correction was never
    archived. It is asked once; the next crawl, its fetch within that month, does not ask it again."""
    log: list[str] = []
    routes: dict = {}
    db_path = tmp_path / "archive.db"
    server, base = serve(routes, log)
    this_month = date.today().replace(day=1)
    routes.update({"/robots.txt": ROBOTS, "/sitemap.xml": sitemap(base, {"/nieuws/gunning": this_month.isoformat()[:7]}),
                   "/nieuws/gunning": iprox_item("Voorlopige gunning jeugdhulp")})
    crawls = []
    try:
        sources = registry(tmp_path, base_url=base, discovery={"sitemaps": ["sitemap.xml"]}, allow=["^/nieuws/"])
        crawls.append(crawl_news(sources, db_path))
        # that fetch was made in the month before the one the sitemap names
        before = datetime.combine(this_month - timedelta(days=3), datetime.min.time(), timezone.utc)
        fetched_back_then(db_path, "/nieuws/gunning", before)
        routes["/nieuws/gunning"] = iprox_item("Voorlopige gunning jeugdhulp",
                                               TEXT.replace("vier jaar", "drie jaar met een optie op verlenging"))
        asked_once_then_not(crawls, sources, db_path, log, "/nieuws/gunning")
    finally:
        server.shutdown()
    assert [c.returncode for c in crawls] == [0, 0, 0], crawls[-1].stderr[-3000:]
    assert "optie op verlenging" in next(sqlite_utils.Database(db_path)["articles"].rows)["text"]


def test_a_from_date_crawl_skips_pages_whose_lastmod_period_ended_before_it(tmp_path):
    """``--from-date 2021-10-10``: a page whose sitemap says ``2019`` (or ``2021-09``) changed last before the
    window began and is not asked (it was fetched, read and dropped by its own date); one that says ``2021-10``
    may have changed inside the window, and is asked and archived (its first day is before the window: read as a
    day, it would have been skipped)."""
    log: list[str] = []
    routes: dict = {}
    db_path = tmp_path / "archive.db"
    server, base = serve(routes, log)
    routes.update({"/robots.txt": ROBOTS,
                   "/sitemap.xml": sitemap(base, {"/nieuws/oud": "2019", "/nieuws/september": "2021-09",
                                                  "/nieuws/gunning": "2021-10"}),
                   "/nieuws/oud": iprox_item("Aanbesteding jeugdhulp 2019"),
                   "/nieuws/september": iprox_item("Aanbesteding jeugdhulp september"),
                   "/nieuws/gunning": iprox_item("Voorlopige gunning jeugdhulp")})
    try:
        sources = registry(tmp_path, base_url=base, discovery={"sitemaps": ["sitemap.xml"]}, allow=["^/nieuws/"])
        crawl = crawl_news(sources, db_path, "--from-date", "2021-10-10", "--until-date", "2021-12-31")
    finally:
        server.shutdown()
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    assert "/nieuws/oud" not in log and "/nieuws/september" not in log
    assert log.count("/nieuws/gunning") == 1
    assert [r["title"] for r in sqlite_utils.Database(db_path)["articles"].rows] == ["Voorlopige gunning jeugdhulp"]
