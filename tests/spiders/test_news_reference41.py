"""The news spider, forty-first pass against docs/reference/news-sites.md as an evaluator would test it:
loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news), crawled with ``tenderarchive
crawl news`` into a real archive."""

from __future__ import annotations

import sqlite_utils

from tests import forkcli
from tests.conftest import ROOT
from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, serve
from tests.spiders.test_news_reference17 import undated_page
from tests.spiders.test_news_reference40 import shared_host

HTML = "text/html; charset=utf-8"
OVERVIEW = "/actueel/nieuws"
#: the items of each page of the host's one news overview (an iprox listing, ``?pager_page=N``, news-sites.md §2.1)
OVERVIEW_PAGES = {1: ["/nieuws/marktconsultatie", "/regio/gunning-jeugdhulp", "/nieuws/gezamenlijk-bericht",
                      "/overig/agenda"],
                  2: ["/nieuws/contracten-getekend", "/regio/verlenging-jeugdhulp"]}


def overview_page(page: int) -> tuple[str, bytes]:
    """Page ``page`` of a SYNTHETIC iprox listing (``#results .grid-element``, ``a.siteLink``, a pager linking the
    other page) of the items :data:`OVERVIEW_PAGES` gives it."""
    items = "".join(f"<div class='grid-element'><a class='siteLink' href='{path}'>Bericht {path}</a></div>"
                    for path in OVERVIEW_PAGES[page])
    other = f"{OVERVIEW}?pager_page=2" if page == 1 else OVERVIEW
    pager = f"<div class='pager'><a href='{other}'>{2 if page == 1 else 1}</a></div>"
    return (HTML, ("<!doctype html><html><head><meta name='tenderarchive-fixture' content='synthetic'></head><body>"
                   f"<main><div id='results'>{items}</div>{pager}</main></body></html>").encode())


def crawl_shared_overview(tmp_path, regio_pages: int = 3) -> tuple[sqlite_utils.Database, list[str], str]:
    """One full crawl of a SYNTHETIC registry of two entries on one loopback host whose registry entries both name
    the host's news overview as their listing (a region's news kept on a member municipality's site, news-sites.md
    §2.1): ``gemeente`` admitting ``/nieuws/``, ``regio`` ``/regio/`` and the one item both publish
    (``/nieuws/gezamenlijk-bericht``), ``regio`` reading ``regio_pages`` pages of it. The archive, the paths asked
    and the crawl's log."""
    log: list[str] = []
    routes = {"/robots.txt": ROBOTS, OVERVIEW: overview_page(1), f"{OVERVIEW}?pager_page=2": overview_page(2),
              **{path: undated_page(f"Bericht {path}") for paths in OVERVIEW_PAGES.values() for path in paths}}
    archive = tmp_path / "archive.db"
    listing = {"listing": {"urls": [OVERVIEW.lstrip("/")], "max_pages": 3}}
    with serve(routes, log) as base:
        sources = shared_host(tmp_path, base, listing, cms="iprox", entries={"regio": {
            "allow": ["^/regio/", "^/nieuws/gezamenlijk"],
            "discovery": {"listing": {**listing["listing"], "max_pages": regio_pages}}}})
        done = crawl_news(sources, archive)
    assert done.returncode == 0, done.stderr[-3000:]
    db = sqlite_utils.Database(archive)
    assert [r["status"] for r in db.query("select status from crawls")] == ["complete"]
    return db, log, done.stderr


def test_a_news_overview_two_sites_of_one_host_name_is_read_in_one_crawl_for_each(tmp_path):
    """Two entries of the registry on one host name the same news overview as their listing. In one full crawl
    Scrapy's duplicate filter fetched it once, for whichever site asked first: only that site's rules judged its
    links, and the other site's items were never archived. The overview, and each next page of it, is read for
    every site that names it, with that site's rules; each article is asked and archived once (the one item both
    sites admit too), and what neither admits is not asked."""
    db, log, _ = crawl_shared_overview(tmp_path)
    archived = {r["url"].split("/", 3)[3]: r["site"] for r in db["articles"].rows}
    assert sorted(archived) == sorted(path.lstrip("/") for path in [*OVERVIEW_PAGES[1][:3], *OVERVIEW_PAGES[2]])
    assert {archived[p] for p in ("nieuws/marktconsultatie", "nieuws/contracten-getekend")} == {"gemeente"}
    assert {archived[p] for p in ("regio/gunning-jeugdhulp", "regio/verlenging-jeugdhulp")} == {"regio"}
    assert archived["nieuws/gezamenlijk-bericht"] in ("gemeente", "regio")
    assert log.count(OVERVIEW) == 2 and log.count(f"{OVERVIEW}?pager_page=2") == 2
    for paths in OVERVIEW_PAGES.values():
        for path in paths:
            assert log.count(path) == (0 if path == "/overig/agenda" else 1), path
    # the crawl's replay reads the overview's recorded answers for each site as the crawl did
    before = sorted(tuple(r.values()) for r in db.query("select url, site, title, published, text from articles"))
    rebuilt = forkcli.run(["reparse", "--db", str(tmp_path / "archive.db")], cwd=ROOT, timeout=300)
    assert rebuilt.returncode == 0, rebuilt.stderr[-3000:]
    assert sorted(tuple(r.values()) for r in db.query("select url, site, title, published, text from articles")) \
        == before


def test_each_site_reads_a_shared_news_overview_to_its_own_max_pages(tmp_path):
    """The same overview, ``regio`` reading one page of it (its ``max_pages`` 1), ``gemeente`` three: each site's
    walk of the listing is its own, bounded by its own entry. ``gemeente`` reads the second page; ``regio`` does not,
    and the crawl says so for it."""
    db, log, stderr = crawl_shared_overview(tmp_path, regio_pages=1)
    assert sorted(r["url"].split("/", 3)[3] for r in db["articles"].rows) == sorted(
        path.lstrip("/") for path in [*OVERVIEW_PAGES[1][:3], OVERVIEW_PAGES[2][0]])
    assert log.count(OVERVIEW) == 2 and log.count(f"{OVERVIEW}?pager_page=2") == 1
    assert stderr.count("the listing has more pages than its max_pages (1)") == 1
