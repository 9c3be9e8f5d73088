"""The news spider, eighteenth pass against docs/reference/news-sites.md as an evaluator would test it:
loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news), crawled with ``tenderarchive
crawl news`` into a real archive."""

from __future__ import annotations

import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, redirecting, registry, serve
from tests.spiders.test_news_reference17 import rss_feed, undated_page


def test_a_feed_dated_in_drupals_default_formats_dates_its_items(tmp_path):
    """§2.1 Drupal, feeds; §2.3 weekday and time of day: Drupal's default date formats, which a Views feed or a
    theme prints, put a weekday first and the time after " - " ("Thursday, October 14, 2021 - 16:05", its "long";
    "Sat, 10/02/2021 - 11:00", its "medium", month first), in Dutch where the site is ("wo, 10/02/2021 - 11:00").
    Such a date was no date: the item went undated where its page states none, and a ``--from-date`` crawl fetched
    it however old. Each dates its item; the weekday tells a numeric date's order (Saturday 2 October, Wednesday 10
    February), and one before the window is not asked."""
    from spiders.news import _moment

    log: list[str] = []
    items = {"/nieuws/gunning-jeugdhulp": "Thursday, October 14, 2021 - 16:05",
             "/nieuws/inschrijving-geopend": "Sat, 10/02/2021 - 11:00",
             "/nieuws/contracten-getekend": "vrijdag, oktober 15, 2021 - 09:30",
             "/nieuws/marktconsultatie": "wo, 10/02/2021 - 11:00",
             "/nieuws/inkoopplan": "Thursday, September 30, 2021 - 10:00"}
    routes = {"/robots.txt": ROBOTS, **{path: undated_page(f"Bericht {n}") for n, path in enumerate(items)}}
    with serve({**routes, "/rss.xml": lambda base: rss_feed(base, items)}, log) as base:
        crawl = crawl_news(registry(tmp_path, base_url=base, cms="drupal", discovery={"feeds": ["rss.xml"]},
                                    allow=["^/nieuws/"]), tmp_path / "archive.db", "--from-date", "2021-10-01")
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert sorted((r["title"], r["published"]) for r in db["articles"].rows) == [
        ("Bericht 0", "2021-10-14T16:05"), ("Bericht 1", "2021-10-02T11:00"), ("Bericht 2", "2021-10-15T09:30")]
    assert not {"/nieuws/marktconsultatie", "/nieuws/inkoopplan"} & set(log)
    assert _moment("za, 04/10/2021 - 16:05").date().isoformat() == "2021-04-10"  # a Saturday: 10 April
    assert _moment("October 14, 2021 at 4:05 pm").hour == 16


def test_a_drupal_views_listing_dates_its_entries_by_their_weekday_and_month_first_date(tmp_path):
    """§2.1 Drupal (a Views listing paged ``?page=``), §2.3 listing dates: the "Submitted" date Drupal prints under
    each title in its "medium" format ("Sat, 10/02/2021 - 11:00": month first) was read day first (10 February) or
    not at all ("Thu, 10/14/2021 - 16:05"): the entry went undated, or dated months off, where its page states none;
    a ``--from-date`` crawl skipped the one and asked the other however old. The weekday tells the order."""
    log: list[str] = []
    entries = {"/nieuws/gunning-jeugdhulp": "Thu, 10/14/2021 - 16:05", "/nieuws/inschrijving-geopend":
               "Sat, 10/02/2021 - 11:00", "/nieuws/marktconsultatie": "Wed, 02/10/2021 - 11:00",
               "/nieuws/contracten": "Thursday, October 14, 2021 - 16:05"}
    listing = "".join(f"<div class='views-row'><h3><a href='{path}'>Bericht {n}</a></h3><div class='node-date'>"
                      f"Submitted by redactie on {day}</div></div>" if n < 3 else
                      f"<div class='views-row'><h3><a href='{path}'>Bericht {n}</a></h3><span class='date'>{day}</span>"
                      "</div>" for n, (path, day) in enumerate(entries.items()))
    routes = {"/robots.txt": ROBOTS, **{path: undated_page(f"Bericht {n}") for n, path in enumerate(entries)},
              "/nieuws": ("text/html; charset=utf-8", ("<!doctype html><html><head><meta name='tenderarchive-fixture' "
                          f"content='synthetic'></head><body><main><div class='view-content'>{listing}</div></main>"
                          "</body></html>").encode())}
    with serve(routes, log) as base:
        crawl = crawl_news(registry(tmp_path, base_url=base, cms="drupal", discovery={"listing": {"urls": ["nieuws"]}},
                                    allow=["^/nieuws/"]), tmp_path / "archive.db", "--from-date", "2021-10-01")
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert sorted((r["title"], r["published"]) for r in db["articles"].rows) == [
        ("Bericht 0", "2021-10-14T16:05"), ("Bericht 1", "2021-10-02T11:00"), ("Bericht 3", "2021-10-14T16:05")]
    assert "/nieuws/marktconsultatie" not in log


def test_a_listed_item_that_redirects_off_the_site_is_not_asked_again_by_every_crawl(tmp_path):
    """Redirects, incremental re-crawls: a listing that links an item which answers ``301`` to another host (a
    regional partner's site, a municipality's new address the registry does not read) is not archived, rightly:
    nothing of the site is there. But the next crawl asked the item and its target again, and every crawl after it,
    for nothing. An address whose last answer led off the site is left alone (``news/skipped_redirected_away``)
    while the registry still excludes where it leads, until that answer is ``NEWS_REDIRECT_RECHECK_DAYS`` old (the
    item may be back) or its sitemap ``lastmod`` moves. One sent to the home page (a withdrawn item, a soft 404)
    is still asked by the next crawl, as a page that is gone is (test_news_reference6)."""
    from tests.spiders.test_news_reference6 import listing_of
    from tests.spiders.test_news_reference16 import iprox_item_of

    log: list = []
    routes = {"/robots.txt": ROBOTS, "/nieuws": listing_of("/nieuws/gunning", "/nieuws/naar-de-regio",
                                                           "/nieuws/ingetrokken"),
              "/nieuws/gunning": iprox_item_of("Voorlopige gunning jeugdhulp", "14 oktober 2021"),
              "/": ("text/html", b"<!doctype html><html><body><h1>Gemeente Voorbeeld</h1></body></html>"),
              "/regio/inkoop-jeugdhulp": iprox_item_of("Inkoop jeugdhulp in de regio", "15 oktober 2021")}
    moved = {"/nieuws/naar-de-regio": lambda base: base.replace("127.0.0.1", "localhost") + "regio/inkoop-jeugdhulp",
             "/nieuws/ingetrokken": lambda base: base}
    server, base = redirecting(routes, moved, host_log=log)
    db_path = tmp_path / "archive.db"
    sources = registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}}, allow=["^/nieuws/"])
    try:
        first = crawl_news(sources, db_path)
        asked_first = list(log)
        del log[:]
        second = crawl_news(sources, db_path)
        asked_second = list(log)
        del log[:]
        third = crawl_news(sources, db_path, "-s", "NEWS_REDIRECT_RECHECK_DAYS=0")
    finally:
        server.shutdown()
    assert [first.returncode, second.returncode, third.returncode] == [0, 0, 0], second.stderr[-3000:]
    # the other host is never contacted: a redirect off the site's hosts is not followed (news/redirect_refused)
    assert not any(host == "localhost" for host, _ in asked_first + asked_second + log), asked_first
    assert ("127.0.0.1", "/nieuws/naar-de-regio") in asked_first and ("127.0.0.1", "/nieuws/ingetrokken") in asked_first
    assert sorted(path for _, path in asked_second) == ["/", "/nieuws", "/nieuws/ingetrokken", "/robots.txt"]
    # now and then (NEWS_REDIRECT_RECHECK_DAYS) it is asked again: the item may be back
    assert {"/nieuws/naar-de-regio", "/nieuws/ingetrokken"} <= {path for _, path in log}
    db = sqlite_utils.Database(db_path)
    assert [r["title"] for r in db["articles"].rows] == ["Voorlopige gunning jeugdhulp"]
    assert "'news/skipped_redirected_away': 1" in second.stderr
    assert next(db.query("select status, error_count from crawls order by crawl_id desc")) == {
        "status": "complete", "error_count": 0}


def test_a_sitemap_index_of_many_sitemaps_reads_only_those_changed_in_the_crawls_window(tmp_path):
    """§2.1 WordPress / TYPO3 sitemaps, a big site: a sitemap index naming a sitemap per month (or Yoast's
    ``post-sitemap1…N.xml``), each with the ``lastmod`` of its newest change. A ``--from-date`` crawl fetched and read
    every one, to skip each page of those last changed before its first day: hundreds of requests per crawl on a
    site with years of news. A sitemap last changed before the window is not asked; one without a ``lastmod``, one
    changed in the window, and one whose ``lastmod`` lies in the future (no date) are."""
    log: list[str] = []
    months = {f"/sitemap-2021-{m:02d}.xml": f"2021-{m:02d}-28T12:00:00+00:00" for m in range(1, 10)}
    months.update({"/sitemap-2021-10.xml": "2021-10-14T16:05:00+02:00", "/sitemap-pages.xml": "",
                   "/sitemap-later.xml": "2099-01-01T00:00:00+00:00"})

    def index(base: str) -> tuple[str, bytes]:
        entries = "".join(f"<sitemap><loc>{base}{path[1:]}</loc>" + (f"<lastmod>{mod}</lastmod>" if mod else "")
                          + "</sitemap>" for path, mod in months.items())
        return ("application/xml", ("<?xml version='1.0' encoding='UTF-8'?><!-- SYNTHETIC --><sitemapindex xmlns="
                                    f"'http://www.sitemaps.org/schemas/sitemap/0.9'>{entries}</sitemapindex>").encode())

    def urlset(path: str, day: str):
        def answer(base: str) -> tuple[str, bytes]:
            return ("application/xml", ("<?xml version='1.0' encoding='UTF-8'?><!-- SYNTHETIC --><urlset xmlns="
                                        f"'http://www.sitemaps.org/schemas/sitemap/0.9'><url><loc>{base}{path[1:]}</loc>"
                                        f"<lastmod>{day}</lastmod></url></urlset>").encode())
        return answer

    pages = {"/sitemap-2021-10.xml": ("/nieuws/gunning-jeugdhulp", "2021-10-14"),
             "/sitemap-pages.xml": ("/nieuws/inkoop-jeugdhulp", "2021-10-15"),
             "/sitemap-later.xml": ("/nieuws/contracten-jeugdhulp", "2021-10-16"),
             **{path: (f"/nieuws/bericht-{path[14:16]}", mod[:10]) for path, mod in months.items() if "2021-0" in path}}
    routes = {"/robots.txt": ROBOTS, "/sitemap.xml": index,
              **{path: urlset(page, day) for path, (page, day) in pages.items()},
              **{page: undated_page(f"Bericht {page[8:]}") for page, _ in pages.values()}}
    with serve(routes, log) as base:
        crawl = crawl_news(registry(tmp_path, base_url=base, cms="typo3", discovery={"sitemaps": ["sitemap.xml"]},
                                    allow=["^/nieuws/"]), tmp_path / "archive.db", "--from-date", "2021-10-01")
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    assert sorted(p for p in log if p.startswith("/sitemap-")) == [
        "/sitemap-2021-10.xml", "/sitemap-later.xml", "/sitemap-pages.xml"]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert sorted(r["title"] for r in db["articles"].rows) == [
        "Bericht contracten-jeugdhulp", "Bericht gunning-jeugdhulp", "Bericht inkoop-jeugdhulp"]
    assert "'news/skipped_sitemap_out_of_window': 9" in crawl.stderr


def test_a_listing_with_more_pages_than_its_registry_bound_says_so(tmp_path):
    """§2.1 iprox's ``pager_page`` paging, a big site: a listing read up to its registry entry's ``max_pages`` (1
    unless set) left the rest of a listing of years unread without a word, in the log or the crawl's counts: a
    site added with the default archived its first page only, and nobody knew. Its later pages are still not
    asked (bounded, no error); the crawl says, once per listing, that the bound cut it (``news/listing_bounded``)."""
    from tests.spiders.test_news_reference6 import listing_of

    log: list[str] = []
    pager = "".join(f"<a href='/nieuws?pager_page={n}'>{n}</a>" for n in range(1, 7))

    def page(n: int) -> tuple[str, bytes]:
        kind, body = listing_of(f"/nieuws/bericht-{n}a", f"/nieuws/bericht-{n}b")
        return kind, body.replace(b"</main>", f"<div class='pager'>{pager}</div></main>".encode())

    routes = {"/robots.txt": ROBOTS, "/nieuws": page(1), **{f"/nieuws?pager_page={n}": page(n) for n in range(1, 7)},
              **{f"/nieuws/bericht-{n}{x}": undated_page(f"Bericht {n}{x}") for n in range(1, 7) for x in "ab"}}
    with serve(routes, log) as base:
        crawl = crawl_news(registry(tmp_path, base_url=base, cms="iprox", allow=["^/nieuws/"],
                                    discovery={"listing": {"urls": ["nieuws"], "max_pages": 2}}),
                           tmp_path / "archive.db")
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    assert not {f"/nieuws?pager_page={n}" for n in range(3, 7)} & set(log)
    assert "more pages than its max_pages (2)" in crawl.stderr
    assert "'news/listing_bounded': 1" in crawl.stderr
