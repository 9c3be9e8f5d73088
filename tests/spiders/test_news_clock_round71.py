"""A news crawl as of another moment (``TENDERARCHIVE_NOW``) and the crawl after it, round 71: when an archived page was
last read, as the sitemap's ``lastmod`` is compared with it. Loopback sites of SYNTHETIC pages (labelled like
tests/fixtures/news), crawled with ``tenderarchive crawl news`` into a real archive.

A crawl under ``TENDERARCHIVE_NOW`` reads every page as of that moment (the archive's rows carry it), while the raw
store keeps the machine's fetch time (``fetches.fetched_at``). The page's last read (``queries.known_articles``) was
the later of the two: the machine's time, years after the moment the crawl ran as, so a page whose sitemap said it
changed after that moment (and before the next crawl's) was taken as read since, never asked again. The crawl that
fetched it recorded its moment (``crawls.arguments.now``), which is read instead."""

from __future__ import annotations

import os

import sqlite_utils

from tests import forkcli
from tests.conftest import FAST, ROOT
from tests.spiders.test_news_lastmod import sitemap
from tests.spiders.test_news_reference import ROBOTS, registry
from tests.spiders.test_news_reference import serve as serve_site
from tests.spiders.test_news_reference17 import undated_page
from tests.spiders.test_news_reference19 import sitemap_index, urlset
from tests.spiders.test_news_reference8 import TEXT, iprox_item
from tests.spiders.test_news_reference11 import serve

PAGE = "/nieuws/gunning"


def crawl_as_of(sources, db, now):
    return forkcli.run(["crawl", "news", "--sources", str(sources), "--db", str(db), *FAST, "--from-date",
                        "2021-10-01"], cwd=ROOT, timeout=240, env=dict(os.environ, TENDERARCHIVE_NOW=now))


def test_a_page_changed_after_a_crawl_as_of_another_day_read_it_is_asked_by_the_next(tmp_path):
    """Read by a crawl as of 2021-10-15 (its sitemap ``lastmod`` 2021-10-14), the page changes and its sitemap says
    2021-10-18: the crawl as of 2021-10-20 asks it and archives the change; the one after, as of 2021-10-21, does not
    ask it again. By the machine's fetch time (2026) it was read after every such ``lastmod``, never asked."""
    log: list[str] = []
    routes: dict = {}
    db_path = tmp_path / "archive.db"
    server, base = serve(routes, log)
    routes.update({"/robots.txt": ROBOTS, "/sitemap.xml": sitemap(base, {PAGE: "2021-10-14"}),
                   PAGE: iprox_item("Voorlopige gunning jeugdhulp")})
    try:
        sources = registry(tmp_path, base_url=base, discovery={"sitemaps": ["sitemap.xml"]}, allow=["^/nieuws/"])
        crawls = [crawl_as_of(sources, db_path, "2021-10-15T12:00")]
        assert log.count(PAGE) == 1
        routes.update({"/sitemap.xml": sitemap(base, {PAGE: "2021-10-18"}),
                       PAGE: iprox_item("Voorlopige gunning jeugdhulp",
                                        TEXT.replace("vier jaar", "drie jaar met een optie op verlenging"))})
        del log[:]
        crawls.append(crawl_as_of(sources, db_path, "2021-10-20T12:00"))
        asked = log.count(PAGE)
        del log[:]
        crawls.append(crawl_as_of(sources, db_path, "2021-10-21T12:00"))
        asked_after = log.count(PAGE)
    finally:
        server.shutdown()
    assert [c.returncode for c in crawls] == [0, 0, 0], crawls[-1].stderr[-3000:]
    assert (asked, asked_after) == (1, 0)
    [article] = sqlite_utils.Database(db_path)["articles"].rows
    assert "optie op verlenging" in article["text"] and article["fetched_at"].startswith("2021-10-20")


def test_a_sitemap_changed_after_a_crawl_as_of_another_day_read_it_is_read_by_the_next(tmp_path):
    """A sitemap index's child read whole by a crawl as of 2021-10-15 that the index then says changed on 2021-10-18
    (a new item in it) is read by the crawl as of 2021-10-20 and its new item archived; by the machine's fetch time
    of the first read (2026) it had not changed since, was skipped and the item never archived."""
    log: list[str] = []
    children = {"/post-sitemap1.xml": "2021-10-14T12:00:00+00:00"}
    pages = {"/nieuws/inkoop-jeugdhulp": "2021-10-14"}
    routes = {"/robots.txt": ROBOTS, "/sitemap_index.xml": sitemap_index(children),
              "/post-sitemap1.xml": urlset(pages), "/nieuws/inkoop-jeugdhulp": undated_page("Bericht inkoop-jeugdhulp"),
              "/nieuws/gunning-jeugdhulp": undated_page("Bericht gunning-jeugdhulp")}
    db_path = tmp_path / "archive.db"
    with serve_site(routes, log) as base:
        sources = registry(tmp_path, base_url=base, cms="wordpress", discovery={"sitemaps": ["sitemap_index.xml"]},
                           allow=["^/nieuws/"])
        first = crawl_as_of(sources, db_path, "2021-10-15T12:00")
        pages["/nieuws/gunning-jeugdhulp"] = "2021-10-18"
        children["/post-sitemap1.xml"] = "2021-10-18T12:00:00+00:00"
        log.clear()
        second = crawl_as_of(sources, db_path, "2021-10-20T12:00")
    assert [first.returncode, second.returncode] == [0, 0], second.stderr[-3000:]
    assert "/post-sitemap1.xml" in log and "/nieuws/gunning-jeugdhulp" in log
    titles = sorted(r["title"] for r in sqlite_utils.Database(db_path)["articles"].rows)
    assert titles == ["Bericht gunning-jeugdhulp", "Bericht inkoop-jeugdhulp"]
