"""The news crawl's state by what was asked, round 75: loopback sites of SYNTHETIC pages (labelled like
tests/fixtures/news), crawled with ``tenderarchive crawl news`` into a real archive, one crawl after another."""

from __future__ import annotations

import sqlite_utils

from tests.spiders.test_news_clock_round71 import crawl_as_of
from tests.spiders.test_news_lastmod import sitemap
from tests.spiders.test_news_reference import ROBOTS, redirecting, registry
from tests.spiders.test_news_reference16 import iprox_item_of

MOVED = "/nieuws/naar-de-regio"


def test_an_address_redirected_off_the_site_by_a_crawl_as_of_another_day_is_asked_when_its_lastmod_moves(tmp_path):
    """An item that answered ``301`` to another host (outside the registry's rules) is left alone by the next crawl
    (``news/skipped_redirected_away``, ``queries.redirected_elsewhere``) unless its sitemap ``lastmod`` says it
    changed since that answer. A crawl as of 2021-10-15 (``TENDERARCHIVE_NOW``) got the redirect; the sitemap then
    says 2021-10-18: the crawl as of 2021-10-20 asks it again, the one as of 2021-10-21 does not. The answer's time
    was the machine's (``fetches.fetched_at``, years later), not the crawl's moment (``queries.FETCH_READ_AT_SQL``):
    every such ``lastmod`` was taken for older than the answer, the address never asked again."""
    log: list = []
    routes: dict = {"/robots.txt": ROBOTS,
                    "/nieuws/gunning": iprox_item_of("Voorlopige gunning jeugdhulp", "14 oktober 2021")}
    moved = {MOVED: lambda base: base.replace("127.0.0.1", "localhost") + "regio/inkoop-jeugdhulp"}
    server, base = redirecting(routes, moved, log=log)
    routes["/sitemap.xml"] = sitemap(base, {"/nieuws/gunning": "2021-10-14", MOVED: "2021-10-14"})
    db_path = tmp_path / "archive.db"
    sources = registry(tmp_path, base_url=base, discovery={"sitemaps": ["sitemap.xml"]}, allow=["^/nieuws/"])
    asked = []
    try:
        crawls = [crawl_as_of(sources, db_path, "2021-10-15T12:00")]
        asked.append(log.count(MOVED))
        routes["/sitemap.xml"] = sitemap(base, {"/nieuws/gunning": "2021-10-14", MOVED: "2021-10-18"})
        for now in ("2021-10-20T12:00", "2021-10-21T12:00"):
            del log[:]
            crawls.append(crawl_as_of(sources, db_path, now))
            asked.append(log.count(MOVED))
    finally:
        server.shutdown()
    assert [c.returncode for c in crawls] == [0, 0, 0], crawls[-1].stderr[-3000:]
    assert asked == [1, 1, 0]
    assert "'news/skipped_redirected_away': 1" in crawls[2].stderr
    assert [r["title"] for r in sqlite_utils.Database(db_path)["articles"].rows] == ["Voorlopige gunning jeugdhulp"]
