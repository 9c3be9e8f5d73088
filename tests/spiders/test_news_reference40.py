"""The news spider, fortieth pass against docs/reference/news-sites.md as an evaluator would test it:
loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news), crawled with ``tenderarchive
crawl news`` into a real archive."""

from __future__ import annotations

from copy import deepcopy

import sqlite_utils
import yaml

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, serve
from tests.spiders.test_news_reference17 import rss_feed, undated_page
from tests.spiders.test_news_reference19 import sitemap_index, urlset


def shared_host(tmp_path, base: str, discovery: dict, cms: str = "wordpress", entries: dict | None = None):
    """A SYNTHETIC registry of two entries on one loopback host (a region's news kept on a member municipality's
    site, news-sites.md §2.1), both reading the host's news by ``discovery``, ``gemeente`` admitting
    ``/nieuws/`` and ``regio`` ``/regio/`` only; ``entries``: per name, keys of its entry written otherwise."""
    sources = tmp_path / "sources.yaml"
    sources.write_text(yaml.safe_dump({"version": 1, "sites": [
        {"name": name, "title": f"{name} (synthetic)", "municipalities": ["Leiden"], "base_url": base,
         "cms": cms, "politeness": {"download_delay": 0, "concurrency": 4}, "allow": [allow],
         "discovery": deepcopy(discovery), **deepcopy((entries or {}).get(name, {}))}
        for name, allow in (("gemeente", "^/nieuws/"), ("regio", "^/regio/"))]}), encoding="utf-8")
    return sources


def crawl_shared_host(tmp_path, discovery: dict):
    log: list[str] = []
    children = {"/post-sitemap1.xml": "2021-10-20T12:00:00+00:00"}
    pages = {"/nieuws/marktconsultatie": "2021-03-28", "/regio/gunning-jeugdhulp": "2021-10-20",
             "/overig/agenda": "2021-10-20"}
    robots = (lambda base: ("text/plain", f"User-agent: *\nAllow: /\nSitemap: {base.rstrip('/')}/sitemap_index.xml\n"
                            .encode())) if discovery.get("robots_sitemaps") else ROBOTS
    routes = {"/robots.txt": robots, "/sitemap_index.xml": sitemap_index(children),
              "/post-sitemap1.xml": urlset(pages), "/feed/": lambda base: rss_feed(base, {
                  page: "Wed, 20 Oct 2021 12:00:00 +0000" for page in pages}), **{page: undated_page(f"Bericht {page}") for page in pages}}
    archive = tmp_path / "archive.db"
    with serve(routes, log) as base:
        done = crawl_news(shared_host(tmp_path, base, discovery), archive)
        assert done.returncode == 0, done.stderr[-3000:]
    db = sqlite_utils.Database(archive)
    assert sorted((r["site"], r["title"]) for r in db["articles"].rows) == [
        ("gemeente", "Bericht /nieuws/marktconsultatie"), ("regio", "Bericht /regio/gunning-jeugdhulp")]
    assert [r["status"] for r in db.query("select status from crawls")] == ["complete"]
    # read once for each site that names it, each page asked once; what neither site admits is not asked
    if "feeds" in discovery:
        assert log.count("/feed/") == 2
    else:
        assert log.count("/sitemap_index.xml") == 2 and log.count("/post-sitemap1.xml") == 2
    assert log.count("/nieuws/marktconsultatie") == 1 and log.count("/regio/gunning-jeugdhulp") == 1
    assert "/overig/agenda" not in log


def test_a_sitemap_index_two_sites_of_one_host_name_is_read_in_one_crawl_for_each(tmp_path):
    """Two entries of the registry on one host name the same sitemap index. In one full crawl Scrapy's duplicate
    filter fetched it once, for whichever site asked first: only that site's rules read its sitemaps, and the other
    site's items were never archived. The index (and each sitemap it names) is read for every site that names it,
    with that site's rules, each item archived once."""
    crawl_shared_host(tmp_path, {"sitemaps": ["sitemap_index.xml"]})


def test_the_sitemaps_robots_txt_names_are_read_in_one_crawl_for_each_site_of_the_host(tmp_path):
    """The same two entries reading the host's robots.txt for its sitemaps: robots.txt, and the sitemaps it names,
    are read for each site."""
    crawl_shared_host(tmp_path, {"robots_sitemaps": True})


def test_a_feed_two_sites_of_one_host_name_is_read_in_one_crawl_for_each(tmp_path):
    """The same two entries naming the host's one feed (WordPress's ``/feed/``): it is read for each site, with that
    site's rules."""
    crawl_shared_host(tmp_path, {"feeds": ["feed/"]})
