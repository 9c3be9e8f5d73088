"""The news spider, seventy-fourth pass against docs/reference/news-sites.md: sitemaps at addresses that do not say
they are one (§2.1 TYPO3's page type ``?type=1533906435``, an ``index.php?eID=…`` handler, a ``Sitemap:`` line of
robots.txt naming ``/feeds/site``), crawled over a loopback server of SYNTHETIC pages with ``tenderarchive crawl news``
into a real archive, twice."""

from __future__ import annotations

import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import registry, serve
from tests.spiders.test_news_reference17 import undated_page
from tests.spiders.test_news_reference19 import sitemap_index, urlset


def test_sitemaps_at_addresses_without_sitemap_or_xml_in_them_are_not_read_again_unchanged(tmp_path):
    """§2.1 TYPO3: "``/sitemap.xml``, or the ``Sitemap:`` line in ``robots.txt``"; older TYPO3 sites expose sitemaps as
    ``?type=…`` page types, announced in robots.txt. Here robots.txt names ``/feeds/site``, an index of three sitemaps
    at ``/feeds/site/nieuws``, ``/index.php?eID=seo&part=2`` and ``/?type=1533906435&part=3``. A crawl asks again only
    the sitemaps whose ``lastmod`` moved since a complete crawl read them whole (branch refnews19); the earlier crawls'
    sitemaps were found in the fetch index by ``sitemap`` or ``.xml`` in their address, so these three were asked
    again by every crawl. A fetch now records what the crawl asked it as (``fetches.kind``, ``sitemap``): the second
    crawl, nothing changed, asks robots.txt and the index alone."""
    children = {"/feeds/site/nieuws": "2021-03-28T12:00:00+00:00",
                "/index.php?eID=seo&part=2": "2021-04-28T12:00:00+00:00",
                "/?type=1533906435&part=3": "2021-05-28T12:00:00+00:00"}
    pages = {child: {f"/nieuws/bericht-{n}": f"2021-0{n + 3}-28"} for n, child in enumerate(children)}
    log: list[str] = []
    routes = {"/robots.txt": lambda base: ("text/plain", f"User-agent: *\nAllow: /\nSitemap: {base}feeds/site\n".encode()),
              "/feeds/site": sitemap_index(children), **{path: urlset(named) for path, named in pages.items()},
              **{page: undated_page(f"Bericht {page[8:]}") for named in pages.values() for page in named}}
    archive = tmp_path / "archive.db"
    with serve(routes, log) as base:
        sources = registry(tmp_path, base_url=base, cms="typo3", discovery={"robots_sitemaps": True},
                           allow=["^/nieuws/"])
        first = crawl_news(sources, archive)
        assert first.returncode == 0, first.stderr[-3000:]
        assert set(children) <= set(log), log
        log.clear()
        second = crawl_news(sources, archive)
        assert second.returncode == 0, second.stderr[-3000:]
    assert not set(children) & set(log), log
    assert "'news/skipped_sitemap_unchanged': 3" in second.stderr
    db = sqlite_utils.Database(archive)
    assert db["articles"].count == 3
    assert [r["status"] for r in db.query("select status from crawls order by crawl_id")] == ["complete"] * 2
    kinds: dict[str, set] = {}
    for r in db.query("select url, kind from fetches where crawl_id = 1"):
        kinds.setdefault(r["url"][len(base) - 1:], set()).add(r["kind"])
    assert set().union(*(kinds[path] for path in ["/feeds/site", *children])) == {"sitemap"}, kinds
    assert "robots" in kinds["/robots.txt"] and kinds["/nieuws/bericht-0"] == {"page"}, kinds


def test_a_feed_that_robots_txt_names_as_its_sitemap_is_read_as_the_feed_it_is(tmp_path):
    """§2.1 TYPO3 and others: "the ``Sitemap:`` line in ``robots.txt``" leads to the site's sitemap; the protocol it
    names also takes an RSS 2.0 or Atom feed as a sitemap (sitemaps.org, "Syndication feed"), and a site whose
    robots.txt names its news feed there (``Sitemap: /feeds/site``, an RSS feed; ``/feeds/atom``) had none of its
    items read: the sitemap parser found no ``<loc>`` in it, silently, and the crawl was complete with nothing. Such a
    sitemap is read as the feed it is: its items are archived, dated by the feed where the page states no date."""
    from tests.spiders.test_news_reference16 import atom_feed
    from tests.spiders.test_news_reference17 import rss_feed

    items = {"/nieuws/gunning-jeugdhulp": "Thu, 14 Oct 2021 10:00:00 +0000",
             "/nieuws/inkoop-jeugdhulp": "Fri, 15 Oct 2021 10:00:00 +0000"}
    entries = {"/nieuws/contracten-jeugdhulp": ("2021-10-18T10:00:00+00:00", "Contracten jeugdhulp")}
    routes = {"/robots.txt": lambda base: ("text/plain", f"User-agent: *\nAllow: /\nSitemap: {base}feeds/site\n"
                                                         f"Sitemap: {base}feeds/atom\n".encode()),
              "/feeds/site": lambda base: rss_feed(base, items), "/feeds/atom": lambda base: atom_feed(base, entries),
              **{path: undated_page(f"Bericht {path[8:]}") for path in [*items, *entries]}}
    archive = tmp_path / "archive.db"
    with serve(routes) as base:
        sources = registry(tmp_path, base_url=base, cms="typo3", discovery={"robots_sitemaps": True},
                           allow=["^/nieuws/"])
        done = crawl_news(sources, archive)
    assert done.returncode == 0, done.stderr[-3000:]
    db = sqlite_utils.Database(archive)
    assert {r["url"][len(base) - 1:]: r["published"][:10] for r in db.query("select url, published from articles")} \
        == {"/nieuws/gunning-jeugdhulp": "2021-10-14", "/nieuws/inkoop-jeugdhulp": "2021-10-15",
            "/nieuws/contracten-jeugdhulp": "2021-10-18"}
    assert [r["status"] for r in db.query("select status from crawls")] == ["complete"]


def test_a_sitemap_the_registry_names_as_a_feed_is_read_as_the_sitemap_it_is(tmp_path):
    """The reverse of the above: an address whose name says nothing of what it is (``/feeds/site``, TYPO3's
    ``?type=…`` page types, §2.1) entered in the registry as a feed answers a sitemap index (or a sitemap). Read for
    ``<item>``/``<entry>``, it named no page, silently, and the crawl was complete with none. It is read as the sitemap
    it is: the sitemaps its index names, and their pages, are archived."""
    children = {"/?type=1533906435&part=1": "2021-10-20T12:00:00+00:00"}
    pages = {"/?type=1533906435&part=1": {"/nieuws/gunning-jeugdhulp": "2021-10-14"}}
    routes = {"/robots.txt": ("text/plain", b"User-agent: *\nAllow: /\n"), "/feeds/site": sitemap_index(children),
              "/feeds/pages": urlset({"/nieuws/inkoop-jeugdhulp": "2021-10-15"}),
              **{path: urlset(named) for path, named in pages.items()},
              **{page: undated_page(f"Bericht {page[8:]}") for page in ["/nieuws/gunning-jeugdhulp",
                                                                        "/nieuws/inkoop-jeugdhulp"]}}
    archive = tmp_path / "archive.db"
    with serve(routes) as base:
        sources = registry(tmp_path, base_url=base, cms="typo3", discovery={"feeds": ["feeds/site", "feeds/pages"]},
                           allow=["^/nieuws/"])
        done = crawl_news(sources, archive)
    assert done.returncode == 0, done.stderr[-3000:]
    db = sqlite_utils.Database(archive)
    assert sorted(r["url"][len(base) - 1:] for r in db.query("select url from articles")) == [
        "/nieuws/gunning-jeugdhulp", "/nieuws/inkoop-jeugdhulp"]
    assert [r["status"] for r in db.query("select status from crawls")] == ["complete"]
