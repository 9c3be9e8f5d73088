"""The news spider, fifth pass against docs/reference/news-sites.md as an evaluator would test it:
loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news), crawled with ``tenderarchive
crawl news`` into a real archive."""

from __future__ import annotations

import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ARTICLE, ROBOTS, redirecting, registry, serve

HTML = "text/html; charset=utf-8"


def undated_page(title: str) -> tuple[str, bytes]:
    """A news item that states no date of its own (no date line, no meta date, none in its URL)."""
    return (HTML, f"""<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>{title}</title>
<meta name="tenderarchive-fixture" content="synthetic"></head><body><main><article><h1>{title}</h1>
<p>De regio heeft de aanbesteding van specialistische jeugdhulp voorlopig gegund aan drie aanbieders.
Aanbieders die niet zijn gegund kunnen binnen twintig dagen bezwaar maken.</p></article></main></body></html>""".encode())


def asked_by_crawls(path, db, log: list, times: int, between=lambda: None) -> list[list[str]]:
    """The ``/nieuws/…`` paths each of ``times`` complete crawls asked (``log``: the server's), sorted;
    ``between`` runs after each crawl (a site that changes)."""
    asked = []
    for _ in range(times):
        completed = crawl_news(path, db)
        assert completed.returncode == 0, completed.stderr[-3000:]
        asked.append(sorted(p for p in log if p.startswith("/nieuws/")))
        del log[:]
        between()
    return asked


def test_a_google_news_sitemaps_publication_date_dates_its_page_and_keeps_older_items_out(tmp_path):
    """§2.1: a sitemap is "the ``Sitemap:`` line in ``robots.txt``". A news site's Google News sitemap
    gives each item's publication in ``<news:news><news:publication_date>`` (no ``<lastmod>``): Scrapy's
    parser read only the entry's own elements, so a page stating no date was archived undated and a
    ``--from-date`` crawl fetched items from years before. The date now dates the page as a feed item's
    does (``published_source`` ``sitemap``), and an item published before the window is not fetched."""
    log: list[str] = []

    def news_sitemap(base):
        entries = "".join(
            f"<url><loc>{base}nieuws/{slug}</loc><news:news><news:publication><news:name>Voorbeeld Nieuws</news:name>"
            f"<news:language>nl</news:language></news:publication><news:publication_date>{day}</news:publication_date>"
            f"<news:title>{slug}</news:title></news:news></url>"
            for slug, day in (("gunning-jeugdhulp", "2021-10-14T10:05:00+02:00"), ("inkoop-jeugdhulp-2019", "2019-03-01")))
        return ("application/xml", ('<?xml version="1.0" encoding="UTF-8"?><!-- SYNTHETIC -->'
                                    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                                    'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
                                    f"{entries}</urlset>").encode())

    routes = {"/robots.txt": lambda base: ("text/plain", f"User-agent: *\nSitemap: {base}news-sitemap.xml\n".encode()),
              "/news-sitemap.xml": news_sitemap,
              "/nieuws/gunning-jeugdhulp": undated_page("Voorlopige gunning jeugdhulp"),
              "/nieuws/inkoop-jeugdhulp-2019": undated_page("Inkoop jeugdhulp 2019")}
    with serve(routes, log) as base:
        path = registry(tmp_path, base_url=base, discovery={"robots_sitemaps": True}, allow=["^/nieuws/"])
        completed = crawl_news(path, tmp_path / "archive.db", "--from-date", "2021-01-01")
    assert completed.returncode == 0, completed.stderr[-3000:]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert [(r["title"], r["published"], r["published_source"]) for r in db["articles"].rows] == [
        ("Voorlopige gunning jeugdhulp", "2021-10-14T10:05", "sitemap")]
    assert "/nieuws/inkoop-jeugdhulp-2019" not in log


def test_a_listing_link_that_redirects_fetches_the_page_it_lands_on_once(tmp_path):
    """A listing that links a moved item by its old address (``301``) and its new one, or by a
    second old address that redirects with a tracking parameter (by ``301`` or a ``<meta
    http-equiv="refresh">``), fetched the page once per link:
    the redirect bypasses Scrapy's duplicate filter (tenderarchive/middlewares.py), and the page
    was archived twice (once under ``?utm_source=…``). Every later crawl fetched it again through
    the old link. It is fetched once, archived once, and not again by the next crawl."""
    log: list[str] = []
    page = (HTML, ARTICLE.format(title="Inkoop jeugdzorg", extra="De regio koopt in.").encode())
    listing = (HTML, ("<!doctype html><html><head><meta name='tenderarchive-fixture' content='synthetic'></head><body>"
                      "<ul><li><a href='/nieuws/inkoop-oud'>Inkoop (oud adres)</a></li>"
                      "<li><a href='/nieuws/inkoop-jeugdzorg'>Inkoop jeugdzorg</a></li>"
                      "<li><a href='/nieuws/123'>Inkoop (kort adres)</a></li>"
                      "<li><a href='/nieuws/verwijzing'>Inkoop (verwijzing)</a></li></ul></body></html>").encode())
    refresh = (HTML, b"<!doctype html><html><head><meta name='tenderarchive-fixture' content='synthetic'><meta "
               b"http-equiv='refresh' content='0; url=/nieuws/inkoop-jeugdzorg?utm_source=verwijzing'></head><body></body></html>")
    routes = {"/robots.txt": ROBOTS, "/nieuws": listing, "/nieuws/inkoop-jeugdzorg": page, "/nieuws/verwijzing": refresh,
              "/nieuws/inkoop-jeugdzorg?utm_source=kortelink": page, "/nieuws/inkoop-jeugdzorg?utm_source=verwijzing": page}
    server, base = redirecting(routes, {"/nieuws/inkoop-oud": "/nieuws/inkoop-jeugdzorg",
                                        "/nieuws/123": "/nieuws/inkoop-jeugdzorg?utm_source=kortelink"}, log)
    try:
        path = registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}}, allow=["^/nieuws/"])
        first = crawl_news(path, tmp_path / "archive.db")
        asked_first = [p for p in log if p.startswith("/nieuws/inkoop-jeugdzorg")]
        del log[:]
        second = crawl_news(path, tmp_path / "archive.db")
    finally:
        server.shutdown()
    assert first.returncode == 0 and second.returncode == 0, (first.stderr + second.stderr)[-3000:]
    assert asked_first == ["/nieuws/inkoop-jeugdzorg"]
    assert [p for p in log if p.startswith("/nieuws/inkoop-jeugdzorg")] == []
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert [r["url"] for r in db["articles"].rows] == [base + "nieuws/inkoop-jeugdzorg"]
    assert [c["error_count"] for c in db.query("select error_count from crawls order by crawl_id")] == [0, 0]
    # the refreshing page is in the raw store, as every answer is, with where it leads: the next crawl
    # knows it (tests/spiders/test_news_reference6.py)
    assert [tuple(r) for r in db.execute("select url, location from fetches where url = ?", [base + "nieuws/verwijzing"])] \
        == [(base + "nieuws/verwijzing", base + "nieuws/inkoop-jeugdzorg?utm_source=verwijzing")]


def test_a_second_address_of_an_archived_page_is_not_fetched_again_by_every_crawl(tmp_path):
    """A listing that later links an archived item by a second address too (its id beside its slug;
    the page's canonical link names the slug) archives it once, under the slug. The id's answer was
    unchanged content, which does not update the article's ``source_url``, so no later crawl knew
    that address and every crawl fetched it again. An address that answered an archived page byte
    for byte is known."""
    log: list[str] = []
    page = ARTICLE.format(title="Inkoop jeugdzorg", extra="De regio koopt in.").replace(
        "</head>", '<link rel="canonical" href="/nieuws/inkoop-jeugdzorg"></head>').encode()

    def listing(*hrefs):
        items = "".join(f"<li><a href='{h}'>Inkoop jeugdzorg</a></li>" for h in hrefs)
        return (HTML, ("<!doctype html><html><head><meta name='tenderarchive-fixture' content='synthetic'></head>"
                       f"<body><ul>{items}</ul></body></html>").encode())

    routes = {"/robots.txt": ROBOTS, "/nieuws": listing("/nieuws/inkoop-jeugdzorg"), "/nieuws/123": (HTML, page),
              "/nieuws/inkoop-jeugdzorg": (HTML, page)}
    with serve(routes, log) as base:
        path = registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}}, allow=["^/nieuws/"])
        asked = asked_by_crawls(path, tmp_path / "archive.db", log, 3, lambda: routes.update(
            {"/nieuws": listing("/nieuws/inkoop-jeugdzorg", "/nieuws/123")}))
    assert asked == [["/nieuws/inkoop-jeugdzorg"], ["/nieuws/123"], []]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert [r["url"] for r in db["articles"].rows] == [base + "nieuws/inkoop-jeugdzorg"]


def test_a_robots_txt_that_answers_a_server_error_fetches_none_of_the_sites_pages(tmp_path):
    """The spider obeys robots.txt (a municipal site: ``ROBOTSTXT_OBEY``, docs/reference/peers.md §5). A
    robots.txt answering ``503`` was read by Scrapy as an empty one, and the whole site was crawled;
    RFC 9309 §2.3.1.4 says an unreachable robots.txt is "complete disallow". The site's pages are not
    fetched, the crawl records why, and the next crawl, robots.txt back, archives them."""
    log: list[str] = []
    page = (HTML, ARTICLE.format(title="Inkoop jeugdzorg", extra="De regio koopt in.").encode())
    listing = (HTML, b"<!doctype html><html><head><meta name='tenderarchive-fixture' content='synthetic'></head>"
                     b"<body><ul><li><a href='/nieuws/inkoop-jeugdzorg'>Inkoop jeugdzorg</a></li></ul></body></html>")
    routes = {"/robots.txt": ("text/plain", b"", 503), "/nieuws": listing, "/nieuws/inkoop-jeugdzorg": page}
    with serve(routes, log) as base:
        path = registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}}, allow=["^/nieuws/"])
        down = crawl_news(path, tmp_path / "archive.db", "-s", "RETRY_TIMES=0")
        asked_down = [p for p in log if p != "/robots.txt"]
        routes["/robots.txt"] = ROBOTS
        back = crawl_news(path, tmp_path / "archive.db")
    assert asked_down == []
    db = sqlite_utils.Database(tmp_path / "archive.db")
    first, second = db.query("select status, errors from crawls order by crawl_id")
    assert down.returncode != 0 and first["status"] != "complete" and "robots.txt unreachable (HTTP 503)" in first["errors"]
    assert back.returncode == 0, back.stderr[-3000:]
    assert second["status"] == "complete"
    assert [r["url"] for r in db["articles"].rows] == [base + "nieuws/inkoop-jeugdzorg"]
