"""The news spider, nineteenth pass against docs/reference/news-sites.md as an evaluator would test it:
loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news), crawled with ``tenderarchive
crawl news`` into a real archive."""

from __future__ import annotations

from datetime import datetime, timezone

import sqlite_utils

from tests import forkcli
from tests.conftest import ROOT
from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, registry, serve
from tests.spiders.test_news_reference17 import undated_page

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def sitemap_index(children: dict[str, str]):
    """A SYNTHETIC sitemap index naming ``children`` ({path: lastmod, "" for none}), read afresh at each request."""
    def answer(base: str) -> tuple[str, bytes]:
        entries = "".join(f"<sitemap><loc>{base}{path[1:]}</loc>" + (f"<lastmod>{mod}</lastmod>" if mod else "")
                          + "</sitemap>" for path, mod in children.items())
        return ("application/xml", ("<?xml version='1.0' encoding='UTF-8'?><!-- SYNTHETIC --><sitemapindex "
                                    f"xmlns='{SITEMAP_NS}'>{entries}</sitemapindex>").encode())
    return answer


def urlset(pages: dict[str, str]):
    """A SYNTHETIC sitemap naming ``pages`` ({path: lastmod}), read afresh at each request."""
    def answer(base: str) -> tuple[str, bytes]:
        entries = "".join(f"<url><loc>{base}{path[1:]}</loc><lastmod>{mod}</lastmod></url>"
                          for path, mod in pages.items())
        return ("application/xml", ("<?xml version='1.0' encoding='UTF-8'?><!-- SYNTHETIC --><urlset "
                                    f"xmlns='{SITEMAP_NS}'>{entries}</urlset>").encode())
    return answer


def test_a_full_recrawl_asks_only_the_sitemaps_its_index_says_changed_since_a_complete_crawl_read_them(tmp_path):
    """§2.1 WordPress (Yoast's ``post-sitemap1…N.xml``) / TYPO3 / Drupal sitemaps of a big site, crawled again without
    ``--from-date`` (a weekly full crawl): every sitemap the index names was fetched and read again, though its
    ``lastmod`` there said it had not changed since the last complete crawl read it: hundreds of requests per crawl
    for nothing new. A sitemap changed since (a new item in it) is read, and its new item archived; one without a
    ``lastmod`` is read every time; ``-s NEWS_SITEMAPS_REREAD=true`` reads them all."""
    log: list[str] = []
    children = {f"/post-sitemap{n}.xml": f"2021-0{n}-28T12:00:00+00:00" for n in range(1, 5)}
    children["/page-sitemap.xml"] = ""
    pages = {f"/post-sitemap{n}.xml": {f"/nieuws/bericht-{n}": f"2021-0{n}-28"} for n in range(1, 5)}
    pages["/page-sitemap.xml"] = {"/nieuws/inkoop-jeugdhulp": "2021-10-15"}
    routes = {"/robots.txt": ROBOTS, "/sitemap_index.xml": sitemap_index(children),
              **{path: urlset(named) for path, named in pages.items()},
              **{page: undated_page(f"Bericht {page[8:]}") for named in pages.values() for page in named},
              "/nieuws/gunning-jeugdhulp": undated_page("Bericht gunning-jeugdhulp")}
    archive = tmp_path / "archive.db"
    with serve(routes, log) as base:
        sources = registry(tmp_path, base_url=base, cms="wordpress", discovery={"sitemaps": ["sitemap_index.xml"]},
                           allow=["^/nieuws/"])
        first = crawl_news(sources, archive)
        assert first.returncode == 0, first.stderr[-3000:]
        assert sorted(p for p in log if "sitemap" in p) == sorted(
            ["/sitemap_index.xml", *children])
        # the site publishes an item: the sitemap it lands in says so in the index
        pages["/post-sitemap4.xml"]["/nieuws/gunning-jeugdhulp"] = "2021-10-20"
        children["/post-sitemap4.xml"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
        log.clear()
        second = crawl_news(sources, archive)
        assert second.returncode == 0, second.stderr[-3000:]
        assert sorted(p for p in log if "sitemap" in p) == [
            "/page-sitemap.xml", "/post-sitemap4.xml", "/sitemap_index.xml"]
        assert "'news/skipped_sitemap_unchanged': 3" in second.stderr
        log.clear()
        third = crawl_news(sources, archive, "-s", "NEWS_SITEMAPS_REREAD=true")
        assert third.returncode == 0, third.stderr[-3000:]
        assert sorted(p for p in log if "sitemap" in p) == sorted(["/sitemap_index.xml", *children])
    db = sqlite_utils.Database(archive)
    crawled = sorted(r["title"] for r in db["articles"].rows)
    assert "Bericht gunning-jeugdhulp" in crawled
    assert [r["status"] for r in db.query("select status from crawls order by crawl_id")] == ["complete"] * 3
    # a replay of the three crawls asks what each crawl asked (the second one's skips from the first one's fetches)
    rebuilt = forkcli.run(["reparse", "--db", str(archive)], cwd=ROOT, timeout=300)
    assert rebuilt.returncode == 0, rebuilt.stderr[-3000:]
    db = sqlite_utils.Database(archive)
    assert sorted(r["title"] for r in db["articles"].rows) == crawled
    assert [r["status"] for r in db.query("select status from crawls order by crawl_id")] == ["complete"] * 3


def test_a_window_crawls_read_of_a_sitemap_does_not_spare_a_later_full_crawl_reading_it(tmp_path):
    """A ``--from-date`` crawl reads a sitemap for the pages of its window only (those last changed before it are
    skipped): a later crawl without ``--from-date`` reads that sitemap again, however unchanged, and archives the
    older pages it names."""
    log: list[str] = []
    children = {"/post-sitemap1.xml": "2021-03-28T12:00:00+00:00", "/post-sitemap2.xml": "2021-10-20T12:00:00+00:00"}
    pages = {"/post-sitemap1.xml": {"/nieuws/marktconsultatie": "2021-03-28"},
             "/post-sitemap2.xml": {"/nieuws/gunning-jeugdhulp": "2021-10-20", "/nieuws/inkoopplan": "2021-03-01"}}
    routes = {"/robots.txt": ROBOTS, "/sitemap_index.xml": sitemap_index(children),
              **{path: urlset(named) for path, named in pages.items()},
              **{page: undated_page(f"Bericht {page[8:]}") for named in pages.values() for page in named}}
    archive = tmp_path / "archive.db"
    with serve(routes, log) as base:
        sources = registry(tmp_path, base_url=base, cms="wordpress", discovery={"sitemaps": ["sitemap_index.xml"]},
                           allow=["^/nieuws/"])
        windowed = crawl_news(sources, archive, "--from-date", "2021-10-01")
        assert windowed.returncode == 0, windowed.stderr[-3000:]
        full = crawl_news(sources, archive)
        assert full.returncode == 0, full.stderr[-3000:]
    db = sqlite_utils.Database(archive)
    assert sorted(r["title"] for r in db["articles"].rows) == [
        "Bericht gunning-jeugdhulp", "Bericht inkoopplan", "Bericht marktconsultatie"]
