"""The news spider, seventieth pass against docs/reference/news-sites.md as an evaluator would test it: TYPO3's
EXT:seo sitemap (§2.1: "EXT:seo serves ``/sitemap.xml`` through a PageType route enhancer"), which a site without
that enhancer serves only at its page type ``?type=1533906435``, a WordPress site's sitemap where core's
``/wp-sitemap.xml`` is off, and the Open Webconcept's OpenPub API read at
``…/items/active`` (§2.1); on real loopback crawls of SYNTHETIC sitemaps, JSON and pages (labelled like
tests/fixtures/news), crawled with ``tenderarchive crawl news`` into a real archive."""

from __future__ import annotations

import urllib.parse

import pytest
import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ARTICLE, ROBOTS, openpub_page, redirecting, registry, serve

HTML = "text/html; charset=utf-8"
XML = "application/xml; charset=utf-8"
PAGE_TYPE = "/?type=1533906435"
#: robots.txt naming no sitemap (TYPO3's default one).
NO_SITEMAP = ("text/plain", b"User-agent: *\nDisallow: /typo3/\n")


def typo3_sitemaps(base: str) -> dict:
    """SYNTHETIC EXT:seo sitemaps at its page type: the index and its pages sitemap (``&sitemap=pages``)."""
    index = (f'<?xml version="1.0" encoding="UTF-8"?><!-- SYNTHETIC --><sitemapindex '
             f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>{base}?sitemap=pages&amp;'
             f'type=1533906435&amp;cHash=4f1c</loc></sitemap></sitemapindex>')
    pages = (f'<?xml version="1.0" encoding="UTF-8"?><!-- SYNTHETIC --><urlset '
             f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{base}nieuws/inkoop-jeugdhulp</loc>'
             f'<lastmod>2021-10-14T10:00:00+02:00</lastmod></url></urlset>')
    return {PAGE_TYPE: (XML, index.encode()), "/?sitemap=pages&type=1533906435&cHash=4f1c": (XML, pages.encode())}


def typo3_site(sitemap_xml=None, page_type=True) -> dict:
    """A SYNTHETIC TYPO3 site whose robots.txt names no sitemap; ``sitemap_xml`` answers ``/sitemap.xml`` (none: 404),
    its page type answers EXT:seo's sitemaps when ``page_type`` (else the answer given, or 404)."""
    def routes(base: str) -> dict:
        found = {"/robots.txt": NO_SITEMAP, "/nieuws/inkoop-jeugdhulp": (HTML, ARTICLE.format(
            title="Inkoop jeugdhulp gestart", extra="Het college gunt in het najaar.").encode())}
        if sitemap_xml is not None:
            found["/sitemap.xml"] = sitemap_xml
        if page_type is True:
            found.update(typo3_sitemaps(base))
        elif page_type:
            found[PAGE_TYPE] = page_type
        return found
    return routes


def crawl_cms(tmp_path, shape, cms: str | None = "typo3") -> tuple[list[str], list[str], dict]:
    """Crawl a SYNTHETIC site (``shape``: base URL → routes) registered with ``cms``, discovered through robots.txt
    only: the archived titles, the paths asked, and the crawl's status and error count."""
    log: list[str] = []
    routes: dict = {}
    with serve(routes, log) as base:
        routes.update(shape(base))
        path = registry(tmp_path, base_url=base, discovery={"robots_sitemaps": True}, **({"cms": cms} if cms else {}))
        completed = crawl_news(path, tmp_path / "archive.db")
    assert completed.returncode == 0, completed.stderr[-3000:]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    crawl = next(db.query("select status, error_count from crawls"))
    return sorted(r["title"] for r in db["articles"].rows), log, crawl


#: A TYPO3 site's answer to ``/sitemap.xml`` where no route enhancer maps that name: its "page not found" (404), or
#: its home page (200, an HTML page).
MISSING = {"404": None, "html": (HTML, b"<!doctype html><html><head><title>Gemeente Voorbeeld</title>"
                                       b"<meta name='tenderarchive-fixture' content='synthetic'></head>"
                                       b"<body><p>Welkom</p></body></html>")}


@pytest.mark.parametrize("missing", sorted(MISSING))
def test_a_typo3_site_without_the_route_enhancer_is_read_through_its_sitemap_page_type(tmp_path, missing):
    """§2.1 TYPO3: EXT:seo's sitemap is ``/sitemap.xml`` only where a PageType route enhancer maps that name to its
    page type; without one it is at ``?type=1533906435`` alone. A TYPO3 site whose robots.txt names no sitemap and
    whose ``/sitemap.xml`` is missing gave nothing, the crawl complete. Its page type is now asked next, its index
    followed, its article archived; no error."""
    titles, log, crawl = crawl_cms(tmp_path, typo3_site(MISSING[missing]))
    assert titles == ["Inkoop jeugdhulp gestart"]
    assert crawl == {"status": "complete", "error_count": 0}
    assert log.index("/sitemap.xml") < log.index(PAGE_TYPE)


EMPTY_SITEMAP = (b'<?xml version="1.0" encoding="UTF-8"?><!-- SYNTHETIC --><urlset '
                 b'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>')
NOT_CONFIGURED = (HTML, b"The page is not configured! [type=1533906435]", 503)


@pytest.mark.parametrize("shape,cms,asked", [
    (typo3_site((XML, EMPTY_SITEMAP)), "typo3", False),
    (typo3_site(), "drupal", False),
    (typo3_site(), None, False),
    (typo3_site(page_type=False), "typo3", True),
    (typo3_site(page_type=NOT_CONFIGURED), "typo3", True)],
    ids=["typo3-sitemap-xml", "drupal", "no-cms", "typo3-neither", "typo3-not-configured"])
def test_the_page_type_is_asked_of_a_typo3_site_missing_its_sitemap_only(tmp_path, shape, cms, asked):
    """The page type is TYPO3's alone and a second guess: not asked where ``/sitemap.xml`` answers (here one naming
    nothing), nor of a site of another CMS or of none. A TYPO3 site that has neither (404, or TYPO3's "page is not
    configured", 503) is complete with no error, the page type asked once (no retries)."""
    _, log, crawl = crawl_cms(tmp_path, shape, cms=cms)
    assert log.count(PAGE_TYPE) == (1 if asked else 0)
    assert crawl == {"status": "complete", "error_count": 0}


@pytest.mark.parametrize("cms", ["typo3", "wordpress"])
def test_a_usual_sitemap_address_that_robots_txt_forbids_is_not_asked_and_no_error(tmp_path, cms):
    """A site's robots.txt forbidding every address with a query (``Disallow: /*?``, against its search pages) forbids
    the usual sitemap addresses that are queries, TYPO3's ``?type=1533906435`` and WordPress's ``?sitemap=index``: not
    asked, as it should not be, and no error (the guess is the crawl's, not the registry's); the crawl complete."""
    def routes(base: str) -> dict:
        return {"/robots.txt": ("text/plain", b"User-agent: *\nDisallow: /*?\n"), **typo3_sitemaps(base),
                "/?sitemap=index": index_of(f"{base}?sitemap=posts")}
    _, log, crawl = crawl_cms(tmp_path, routes, cms=cms)
    assert crawl == {"status": "complete", "error_count": 0}
    assert not [p for p in log if "?" in p]


def test_a_usual_sitemap_address_redirected_off_the_site_is_none(tmp_path):
    """A site that sends every address it does not know to another host (its municipality's portal, off the site's
    hosts: not followed) sent its guessed ``/sitemap.xml`` there too: recorded as an error of the crawl, each crawl
    partial, and its page type never asked. A guessed address so refused has no sitemap, no error; the next is read."""
    log: list[str] = []
    routes: dict = {}
    server, base = redirecting(routes, {"/sitemap.xml": "https://portaal.example.org/"}, log)
    try:
        routes.update(typo3_site()(base))
        path = registry(tmp_path, base_url=base, cms="typo3", discovery={"robots_sitemaps": True})
        completed = crawl_news(path, tmp_path / "archive.db")
    finally:
        server.shutdown()
    assert completed.returncode == 0, completed.stderr[-3000:]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert [r["title"] for r in db["articles"].rows] == ["Inkoop jeugdhulp gestart"]
    assert next(db.query("select status, error_count from crawls")) == {"status": "complete", "error_count": 0}
    assert log.index("/sitemap.xml") < log.index(PAGE_TYPE)


@pytest.mark.parametrize("status", [403, 401])
def test_a_usual_sitemap_address_the_server_refuses_is_none(tmp_path, status):
    """A guessed ``/sitemap.xml`` that the server refuses (a firewall's ``403`` for what it does not serve, a
    ``401``) was an error of the crawl, each crawl partial, and TYPO3's page type never asked: it has no sitemap for
    the crawl, as a ``404`` has none; no error, the next address read."""
    titles, log, crawl = crawl_cms(tmp_path, typo3_site((HTML, b"", status)))
    assert titles == ["Inkoop jeugdhulp gestart"]
    assert crawl == {"status": "complete", "error_count": 0}
    assert log.index("/sitemap.xml") < log.index(PAGE_TYPE)


def urlset(*locs: str) -> tuple[str, bytes]:
    """A SYNTHETIC sitemap naming ``locs``."""
    return XML, ('<?xml version="1.0" encoding="UTF-8"?><!-- SYNTHETIC --><urlset '
                 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                 + "".join(f"<url><loc>{loc}</loc></url>" for loc in locs) + "</urlset>").encode()


def index_of(*locs: str) -> tuple[str, bytes]:
    """A SYNTHETIC sitemap index naming ``locs``."""
    return XML, ('<?xml version="1.0" encoding="UTF-8"?><!-- SYNTHETIC --><sitemapindex '
                 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                 + "".join(f"<sitemap><loc>{loc}</loc></sitemap>" for loc in locs) + "</sitemapindex>").encode()


#: A WordPress site's sitemaps where core's ``/wp-sitemap.xml`` is missing: an SEO plugin's index (Yoast's, Rank
#: Math's ``/sitemap_index.xml``, its author sitemap an archive's) or core's own on plain permalinks (``?sitemap=index``).
WORDPRESS_INDEXES = {
    "seo-plugin": ("/sitemap_index.xml", lambda base: {
        "/sitemap_index.xml": index_of(f"{base}post-sitemap.xml", f"{base}author-sitemap.xml"),
        "/post-sitemap.xml": urlset(f"{base}nieuws/inkoop-jeugdhulp"), "/author-sitemap.xml": urlset(f"{base}")}),
    "plain-permalinks": ("/?sitemap=index", lambda base: {
        "/?sitemap=index": index_of(f"{base}?sitemap=posts&amp;sitemap-subtype=post&amp;paged=1"),
        "/?sitemap=posts&sitemap-subtype=post&paged=1": urlset(f"{base}nieuws/inkoop-jeugdhulp")}),
}


def wordpress_site(shape=None):
    """A SYNTHETIC WordPress site whose robots.txt (a file of its own) names no sitemap, without core's
    ``/wp-sitemap.xml``; ``shape`` (base URL → routes) its sitemaps."""
    def routes(base: str) -> dict:
        return {"/robots.txt": ("text/plain", b"User-agent: *\nDisallow: /wp-admin/\n"),
                "/nieuws/inkoop-jeugdhulp": (HTML, ARTICLE.format(
                    title="Inkoop jeugdhulp gestart", extra="Het college gunt in het najaar.").encode()),
                **(shape(base) if shape else {})}
    return routes


@pytest.mark.parametrize("shape", sorted(WORDPRESS_INDEXES))
def test_a_wordpress_site_without_cores_sitemap_is_read_through_its_seo_plugins_or_plain_index(tmp_path, shape):
    """§2.1 WordPress: "a sitemap at ``/wp-sitemap.xml``", "referenced from the auto-generated robots.txt". An SEO
    plugin (Yoast, Rank Math) switches core's off for its own ``/sitemap_index.xml``, and on plain permalinks core's
    index is ``?sitemap=index``: with a robots.txt file of the site's own naming neither, a ``cms: wordpress`` site
    gave nothing, the crawl complete. They are now asked, in turn, after ``/wp-sitemap.xml``."""
    address, sitemaps = WORDPRESS_INDEXES[shape]
    titles, log, crawl = crawl_cms(tmp_path, wordpress_site(sitemaps), cms="wordpress")
    assert titles == ["Inkoop jeugdhulp gestart"]
    assert crawl == {"status": "complete", "error_count": 0}
    assert log.index("/wp-sitemap.xml") < log.index(address) and "/author-sitemap.xml" not in log


def test_a_wordpress_site_with_no_sitemap_at_all_is_no_error(tmp_path):
    """Each usual address asked once, in order, none there (404): complete, no error; no TYPO3 page type asked."""
    _, log, crawl = crawl_cms(tmp_path, wordpress_site(), cms="wordpress")
    assert [p for p in log if p != "/robots.txt"] == ["/wp-sitemap.xml", "/sitemap_index.xml", "/?sitemap=index"]
    assert crawl == {"status": "complete", "error_count": 0}


API = "/wp-json/owc/openpub/v1/items"


def test_an_openpub_item_read_from_the_active_items_is_archived_at_its_own_endpoint(tmp_path):
    """§2.1 OpenPub: "also ``…/items/active``, ``…/items/{id}``". An item without a ``portal_url`` is archived as a page
    of its own endpoint, ``…/items/{id}``; read from the active items it was archived at ``…/items/active/{id}``, an
    address the API does not answer, and the same item read later from ``…/items`` was a second article."""
    body = ("<p>De gemeenten in de regio hebben de aanbesteding voor specialistische jeugdhulp gepubliceerd. "
            "Aanbieders kunnen zich inschrijven tot de sluitingsdatum.</p>")
    item = {"id": 12, "title": "Aanbesteding jeugdhulp perceel 2", "content": body, "date": "2021-10-15 09:00:00",
            "slug": "perceel-2"}
    routes = {"/robots.txt": ROBOTS, f"{API}/active?page=1": openpub_page([item], 1, 1),
              f"{API}?page=1": openpub_page([item], 1, 1)}
    db_path = tmp_path / "archive.db"
    with serve(routes) as base:
        for endpoint in (f"{API}/active", API):
            path = registry(tmp_path, base_url=base, cms="wordpress", discovery={"openpub": [endpoint.lstrip("/")]},
                            deny=["^/wp-json"])
            completed = crawl_news(path, db_path)
            assert completed.returncode == 0, completed.stderr[-3000:]
    db = sqlite_utils.Database(db_path)
    assert [urllib.parse.urlsplit(r["url"]).path for r in db["articles"].rows] == [f"{API}/12"]
    assert list(db.query("select error_count, items_new from crawls order by crawl_id")) == [
        {"error_count": 0, "items_new": 1}, {"error_count": 0, "items_new": 0}]
