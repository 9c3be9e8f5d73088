"""The news spider, seventy-second pass against docs/reference/news-sites.md: a WordPress feed (§2.1, "RSS at
``/feed/``", paged by ``?paged=N``) with more pages than one crawl's ``NEWS_FEED_MAX_PAGES``, crawled over a loopback
server of SYNTHETIC feed pages and articles with ``tenderarchive crawl news`` into a real archive, several times."""

from __future__ import annotations

import json

import sqlite_utils

from tests.spiders.test_news_reference68 import rss_page, site
from tests.spiders.test_news_reference69 import crawl_wp, wp_rss

#: five SYNTHETIC feed pages of two items each, newest first
PAGES = [{f"/nieuws/2021/{10 - n:02d}/{day:02d}/{chr(97 + 2 * n + i)}/": f"2021-{10 - n:02d}-{day:02d}"
          for i, day in enumerate((20, 10))} for n in range(5)]


def test_a_wordpress_feed_longer_than_one_crawls_bound_is_archived_whole_over_crawls(tmp_path):
    """``NEWS_FEED_MAX_PAGES`` (2 here) bounds a crawl's walk of the feed; "the rest waits for the next crawl" was not
    so: each crawl started at page 1 again, ended at its page of archived items, and pages 3 to 5 were never read.
    The next crawl reads on from the deepest page an earlier one read (``?paged=N``, that page again: items published
    since move the rest later), past pages of archived items, to a bound of its own: all ten items are archived by the
    third crawl, and the fourth reads on from page 5 to the 404 past the last page, no bound reached."""
    routes = site(wp_rss(), PAGES)
    rows, asked, crawl = crawl_wp(tmp_path, routes, "-s", "NEWS_FEED_MAX_PAGES=2", times=4)
    assert len(rows) == 10, sorted(r["url"] for r in rows)
    # the fourth crawl: page 1 (archived items, its walk ends) and on from page 5, to the 404 past the last
    assert sorted(asked) == ["/feed/", "/feed/?paged=5", "/feed/?paged=6"]
    assert crawl["status"] == "complete" and crawl["error_count"] == 0 and json.loads(crawl["bounds"] or "{}") == {}
    crawls = list(sqlite_utils.Database(tmp_path / "archive.db").query("select bounds from crawls order by crawl_id"))
    assert [json.loads(c["bounds"] or "{}") for c in crawls] == [{"news/feed_bounded": 1}] * 3 + [{}]


def test_a_feed_paged_by_next_links_longer_than_one_crawls_bound_is_archived_whole_over_crawls(tmp_path):
    """The same for a feed naming its next page (RFC 5005 ``<atom:link rel="next">``) at ``?page=N``: the third crawl
    reads on from page 4 to the last page, which names no next page: no bound reached."""
    routes = {path.replace("?paged=", "?page="): (kind, body.replace(b"?paged=", b"?page="))
              for path, (kind, body) in site(rss_page, PAGES).items()}
    rows, asked, crawl = crawl_wp(tmp_path, routes, "-s", "NEWS_FEED_MAX_PAGES=2", times=3)
    assert len(rows) == 10, sorted(r["url"] for r in rows)
    assert sorted(asked) == ["/feed/", "/feed/?page=4", "/feed/?page=5"]
    crawls = list(sqlite_utils.Database(tmp_path / "archive.db").query("select bounds from crawls order by crawl_id"))
    assert [json.loads(c["bounds"] or "{}") for c in crawls] == [{"news/feed_bounded": 1}] * 2 + [{}]
