"""The news spider, sixty-ninth pass against docs/reference/news-sites.md as an evaluator would test it: WordPress's
built-in feeds (§2.1, "RSS at ``/feed/``"), which show their newest items only and page by the query ``?paged=N``
without naming the next page, and a year chooser whose options a script navigates to; on real loopback crawls of
SYNTHETIC feeds and pages (labelled like tests/fixtures/news), crawled with ``tenderarchive crawl news`` into a real
archive."""

from __future__ import annotations

import json

import pytest
import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, redirecting, registry
from tests.spiders.test_news_reference66 import titles
from tests.spiders.test_news_reference68 import PAGES, RSS, site

GENERATOR = "<generator>https://wordpress.org/?v=6.4.2</generator>"


def wp_rss(generator: str = GENERATOR):
    """A SYNTHETIC WordPress RSS 2.0 feed page (``generator`` in its channel), naming no next page."""
    months = ["", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    def shape(entries: dict[str, str], following: str | None = None) -> tuple[str, bytes]:
        items = "".join(f"<item><title>{path}</title><link>{path}</link><pubDate>Mon, {day[8:]} "
                        f"{months[int(day[5:7])]} {day[:4]} 10:00:00 +0000</pubDate></item>"
                        for path, day in entries.items())
        return RSS, ("<?xml version='1.0' encoding='utf-8'?><!-- SYNTHETIC --><rss version='2.0' "
                     "xmlns:atom='http://www.w3.org/2005/Atom'><channel><title>Nieuws</title><link>/</link>"
                     f"<atom:link rel='self' href='/feed/'/>{generator}{items}</channel></rss>").encode()
    return shape


def crawl_wp(tmp_path, routes: dict, *args: str, cms: str | None = None, times: int = 1):
    """Crawl a SYNTHETIC site whose registry names its feed at /feed/ (``cms`` when given): its archived rows, the
    feed paths the last crawl asked, and the crawl's row."""
    asked: list[str] = []
    server, base = redirecting({"/robots.txt": ROBOTS, **routes}, {}, asked)
    db_path = tmp_path / "archive.db"
    extra = {"cms": cms} if cms else {}
    try:
        for _ in range(times):
            asked.clear()
            done = crawl_news(registry(tmp_path, base_url=base, discovery={"feeds": ["feed/"]}, allow=["^/nieuws/"],
                                       **extra), db_path, *args)
            assert done.returncode == 0, done.stderr[-3000:]
    finally:
        server.shutdown()
    db = sqlite_utils.Database(db_path)
    return list(db["articles"].rows), [p for p in asked if p.startswith("/feed")], list(db["crawls"].rows)[-1]


def test_a_wordpress_feed_is_read_page_by_page_through_its_paged_query(tmp_path):
    """A WordPress feed (its ``<generator>``) names no next page, but ``/feed/?paged=2`` is its second: only the
    first page's items were archived. Its pages are now read in turn; the page past the last (WordPress answers 404)
    ends the walk with no error, the crawl complete."""
    rows, asked, crawl = crawl_wp(tmp_path, site(wp_rss()))
    assert titles(rows) == [f"Inkoop {n}" for n in "abcdef"]
    assert asked == ["/feed/", "/feed/?paged=2", "/feed/?paged=3", "/feed/?paged=4"]
    assert crawl["status"] == "complete" and crawl["error_count"] == 0


def test_a_short_page_of_a_wordpress_feed_is_its_last(tmp_path):
    """A page naming fewer items than the first (WordPress shows the same number on every page but the last) is the
    last: the page after it is not asked."""
    pages = [PAGES[0], PAGES[1], {"/nieuws/2021/06/01/e/": "2021-06-01"}]
    rows, asked, _ = crawl_wp(tmp_path, site(wp_rss(), pages))
    assert titles(rows) == [f"Inkoop {n}" for n in "abcde"]
    assert asked == ["/feed/", "/feed/?paged=2", "/feed/?paged=3"]


@pytest.mark.parametrize("generator,cms,paged", [("", None, False), ("", "wordpress", True),
                                                 ("<generator>Drupal 10</generator>", None, False)],
                         ids=["no-cms", "registry-wordpress", "drupal"])
def test_only_a_wordpress_feed_is_paged_by_query(tmp_path, generator, cms, paged):
    """A feed of no known CMS, or of another one, is not probed for ``?paged=2``; one of a site the registry names
    WordPress is, its generator tag removed (a security plugin's habit)."""
    rows, asked, _ = crawl_wp(tmp_path, site(wp_rss(generator)), cms=cms)
    assert (asked[1:2] == ["/feed/?paged=2"]) is paged
    assert len(rows) == (6 if paged else 2)


def test_a_wordpress_feeds_pages_keep_to_the_bound_the_dates_and_the_archive(tmp_path):
    """The guards of a feed paged by ``rel="next"`` hold: ``NEWS_FEED_MAX_PAGES``, the crawl's ``--from-date``
    (the second page, three items newest first, wholly before it, ends the walk), and a first page naming only archived items."""
    rows, asked, crawl = crawl_wp(tmp_path, site(wp_rss()), "-s", "NEWS_FEED_MAX_PAGES=2")
    assert asked == ["/feed/", "/feed/?paged=2"] and len(rows) == 4
    assert json.loads(crawl["bounds"]) == {"news/feed_bounded": 1} and crawl["status"] == "complete"
    (tmp_path / "dates").mkdir()
    pages = [PAGES[0], {**PAGES[1], "/nieuws/2021/06/15/g/": "2021-06-15"}, PAGES[2]]
    rows, asked, _ = crawl_wp(tmp_path / "dates", site(wp_rss(), pages), "--from-date", "2021-08-15")
    assert asked == ["/feed/", "/feed/?paged=2"] and titles(rows) == ["Inkoop a", "Inkoop b"]
    (tmp_path / "again").mkdir()
    rows, asked, _ = crawl_wp(tmp_path / "again", site(wp_rss()), times=2)
    assert asked == ["/feed/"] and len(rows) == 6
