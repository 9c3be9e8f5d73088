"""The news spider, seventy-third pass against docs/reference/news-sites.md: a paged walk (a WordPress feed's
``?paged=N``, an OpenPub endpoint's ``?page=N``) longer than one crawl's bound on a site whose registry address
redirects (§2.1, §2.2: a site moved to ``https``; a host answering with and without ``www.``), crawled over a loopback
server of SYNTHETIC pages (plain HTTP and TLS on one port) with ``tenderarchive crawl news`` into a real archive, twice."""

from __future__ import annotations

import json
import urllib.parse

import pytest
import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, registry
from tests.spiders.test_news_reference17 import OPENPUB
from tests.spiders.test_news_reference55 import http_and_https_site
from tests.spiders.test_news_reference68 import PAGES, site
from tests.spiders.test_news_reference69 import wp_rss
from tests.spiders.test_news_reference71 import OpenPubSite, dated


def feed_site() -> tuple[dict, dict, list[str], set[str]]:
    """A WordPress feed of three pages of two items each: its routes, discovery, bound and the articles' paths."""
    return (site(wp_rss(), PAGES), {"feeds": ["feed/"]}, ["-s", "NEWS_FEED_MAX_PAGES=2"],
            {path for page in PAGES for path in page})


def openpub_site() -> tuple[dict, dict, list[str], set[str]]:
    """An OpenPub endpoint of 30 items, 10 a page: its routes, discovery, bound and the articles' paths."""
    from datetime import date, timedelta

    routes = OpenPubSite([dated(100 - n, date(2021, 10, 1) - timedelta(days=n)) for n in range(30)])
    return routes, {"openpub": [OPENPUB[1:]]}, ["-s", "NEWS_OPENPUB_MAX_PAGES=2"], {
        f"{OPENPUB}/{100 - n}" for n in range(30)}


@pytest.mark.parametrize("shape", [feed_site, openpub_site], ids=["wordpress-feed", "openpub"])
def test_a_bounded_paged_walk_is_read_on_by_the_next_crawl_where_the_registry_address_redirects(tmp_path, shape):
    """The registry names the site's ``http://`` address, which answers ``301`` to ``https://`` (the site moved to
    TLS, its entry not updated; WordPress's own redirect of ``/feed`` to ``/feed/``, or of a bare host to ``www.``,
    alike). A crawl's walk reaches its bound (2 pages); the next crawl reads on from the deepest page read (branches
    refnews71, refnews72). It did not: the pages were archived in the fetch index at the address they answered on
    (``https://…?paged=2``), the registry's is ``http://…``, and the next crawl found no page of its walk read, started
    at page 1 again, and the older items were never archived. Pages of one walk now compare as one page
    (``page_key``: scheme, ``www.``, a trailing slash alike): the second crawl reads on and archives them all."""
    routes, discovery, bound, paths = shape()
    routes["/robots.txt"] = ROBOTS
    log: list = []
    db_path = tmp_path / "archive.db"
    with http_and_https_site(tmp_path, routes, {("http", "127.0.0.1"): (("https", "127.0.0.1"), 301)}, log) as port:
        entry = registry(tmp_path, base_url=f"http://127.0.0.1:{port}/", discovery=discovery, allow=["^/nieuws/"],
                         cms="wordpress")
        runs = [crawl_news(entry, db_path, *bound) for _ in range(2)]
    for done in runs:
        assert done.returncode == 0, done.stderr[-3000:]
    db = sqlite_utils.Database(db_path)
    archived = {urllib.parse.urlsplit(r["url"]).path for r in db["articles"].rows}
    assert archived == paths, sorted(paths - archived)
    crawls = list(db.query("select status, error_count, bounds from crawls order by crawl_id"))
    assert [(c["status"], c["error_count"]) for c in crawls] == [("complete", 0)] * 2
    # the first crawl left older pages for the next (its bound, no error); the second read on to the last page
    assert json.loads(crawls[0]["bounds"] or "{}") and json.loads(crawls[1]["bounds"] or "{}") == {}


def test_a_sitemap_index_on_a_redirecting_address_asks_only_the_sitemaps_changed_since_a_complete_crawl(tmp_path):
    """§2.1 sitemaps of a big site (Yoast's ``post-sitemap1…N.xml``), its registry entry and its index naming the old
    ``http://`` address, which answers ``301`` to ``https://`` (the CMS's configured address not updated when the site
    moved to TLS). A crawl asks again only the sitemaps whose ``lastmod`` moved since a complete crawl read them whole
    (branch refnews19); here every one was asked again at every crawl: the fetch index holds each where it answered
    (``https://``), the index names it at ``http://``. Sitemaps now compare as one page (``page_key``): the second
    crawl, nothing changed, asks only the index and the sitemap without a ``lastmod``."""
    from tests.spiders.test_news_reference17 import undated_page
    from tests.spiders.test_news_reference19 import sitemap_index, urlset

    children = {f"/post-sitemap{n}.xml": f"2021-0{n}-28T12:00:00+00:00" for n in range(1, 4)}
    children["/page-sitemap.xml"] = ""
    pages = {f"/post-sitemap{n}.xml": {f"/nieuws/bericht-{n}": f"2021-0{n}-28"} for n in range(1, 4)}
    pages["/page-sitemap.xml"] = {"/nieuws/inkoop-jeugdhulp": "2021-10-15"}
    log: list = []
    db_path = tmp_path / "archive.db"
    routes = {"/robots.txt": ROBOTS,
              **{page: undated_page(f"Bericht {page[8:]}") for named in pages.values() for page in named}}
    with http_and_https_site(tmp_path, routes, {("http", "127.0.0.1"): (("https", "127.0.0.1"), 301)}, log) as port:
        http = f"http://127.0.0.1:{port}/"
        routes["/sitemap_index.xml"] = sitemap_index(children)(http)
        routes.update({path: urlset(named)(http) for path, named in pages.items()})
        entry = registry(tmp_path, base_url=http, cms="wordpress", discovery={"sitemaps": ["sitemap_index.xml"]},
                         allow=["^/nieuws/"])
        first = crawl_news(entry, db_path)
        log.clear()
        second = crawl_news(entry, db_path)
    for done in (first, second):
        assert done.returncode == 0, done.stderr[-3000:]
    assert sorted({path for scheme, _, path in log if scheme == "https" and "sitemap" in path}) == [
        "/page-sitemap.xml", "/sitemap_index.xml"], log
    assert "'news/skipped_sitemap_unchanged': 3" in second.stderr
    assert sqlite_utils.Database(db_path)["articles"].count == 4


def test_an_openpub_item_found_through_the_search_endpoint_is_archived_at_its_own_endpoint(tmp_path):
    """§2.1 OpenPub: "also ``…/items/active``, ``…/items/{id}``, ``…/items/{slug}`` and ``…/search``"; the search
    answers as ``…/items`` does (plugin-openpub-base's ``SearchController`` extends its ``ItemController``: the same
    items and paginator), so a registry may read a site's jeugdhulp items through ``…/search?s=jeugdhulp``. An item
    without a ``portal_url`` is archived as a page of its own endpoint, ``…/items/{id}``; found through the search it
    was archived at ``…/search/{id}``, an address the API does not answer, and the same item read later from
    ``…/items`` was a second article."""
    from tests.spiders.test_news_reference import openpub_page, serve
    from tests.spiders.test_news_reference17 import openpub_item

    item = openpub_item(12, "2021-10-15")
    routes = {"/robots.txt": ROBOTS, f"{OPENPUB[:-6]}/search?s=jeugdhulp&page=1": openpub_page([item], 1, 1),
              f"{OPENPUB}?page=1": openpub_page([item], 1, 1)}
    db_path = tmp_path / "archive.db"
    with serve(routes) as base:
        for endpoint in (f"{OPENPUB[:-6]}/search?s=jeugdhulp", OPENPUB):
            path = registry(tmp_path, base_url=base, cms="wordpress", discovery={"openpub": [endpoint.lstrip("/")]},
                            deny=["^/wp-json"])
            completed = crawl_news(path, db_path)
            assert completed.returncode == 0, completed.stderr[-3000:]
    db = sqlite_utils.Database(db_path)
    assert [urllib.parse.urlsplit(r["url"]).path for r in db["articles"].rows] == [f"{OPENPUB}/12"]
    assert list(db.query("select error_count, items_new from crawls order by crawl_id")) == [
        {"error_count": 0, "items_new": 1}, {"error_count": 0, "items_new": 0}]
