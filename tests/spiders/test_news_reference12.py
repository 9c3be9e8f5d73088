"""The news spider, twelfth pass against docs/reference/news-sites.md as an evaluator would test it:
loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news), crawled with ``tenderarchive
crawl news`` into a real archive."""

from __future__ import annotations

import json

import pytest
import sqlite_utils

from tests.spiders.test_news_reference import ROBOTS
from tests.spiders.test_news_reference8 import HTML, TEXT
from tests.spiders.test_news_reference11 import crawl_nieuws, serve

PUBLISHED = "2021-10-14T08:00:00+00:00"
MODIFIED = "2023-03-03T09:15:00+00:00"

#: How WordPress themes print the last change where a reader looks for the date (§2.1 WordPress).
STAMPS = {
    "span.updated glued to the title": "<h1 class='entry-title'>{title}<span class='date updated'>3 maart 2023</span></h1>",
    "span.updated under the title": "<h1 class='entry-title'>{title}</h1><span class='updated'>3 maart 2023</span>",
    "only the modified day in entry-meta": "<h1 class='entry-title'>{title}</h1><div class='entry-meta'>"
                                           "<span class='posted-on'>3 maart 2023</span></div>",
    "a bare date line after the title": "<h1 class='entry-title'>{title}</h1>03-03-2023",
}


def wordpress_stamped(title: str, stamp: str, declared: str) -> tuple[str, bytes]:
    """A SYNTHETIC WordPress post (§2.1) whose theme shows the day of its last change (``stamp``) and whose
    head declares its publication and that change (``declared``: Yoast's ``article:published_time`` /
    ``article:modified_time`` metas, or the schema.org JSON-LD graph with ``datePublished`` /
    ``dateModified``)."""
    if declared == "meta":
        head = (f"<meta property='article:published_time' content='{PUBLISHED}'>"
                f"<meta property='article:modified_time' content='{MODIFIED}'>")
    else:
        head = ("<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":"
                f"\"Article\",\"headline\":\"{title}\",\"datePublished\":\"{PUBLISHED}\",\"dateModified\":\"{MODIFIED}\""
                "}]}</script>")
    return (HTML, ("<!doctype html><html lang='nl-NL'><head><meta name='tenderarchive-fixture' content='synthetic'>"
                   f"<title>{title} &#8211; Voorbeeld</title>{head}</head><body class='single-post'>"
                   "<header class='site-header'><p class='site-title'>Voorbeeld</p></header><article class='post'>"
                   f"<header class='entry-header'>{stamp.format(title=title)}</header>"
                   f"<div class='entry-content'>{TEXT}</div></article></body></html>").encode())


@pytest.mark.parametrize("declared", ["meta", "json-ld"])
def test_a_wordpress_modification_stamp_is_not_the_publication_date(tmp_path, declared):
    """§2.1 WordPress, §2.3 date forms: a theme that prints the day of a post's last change under or glued to its
    title (``<span class="updated">``, or that day alone in ``entry-meta``) while the head declares the
    publication (``article:published_time``, JSON-LD ``datePublished``) and that change (``article:modified_time``,
    ``dateModified``): the shown day was read as the publication (2023-03-03 for a 2021 post), so the archive
    dated the item 17 months late and a ``--from-date`` window kept or dropped it wrongly. The shown day that is
    the declared change, not the declared publication, is the modification: the declared publication dates the
    page; the change stays its ``modified``."""
    paths = {f"/nieuws/bericht-{n}": name for n, name in enumerate(STAMPS)}
    listing = "".join(f"<li><a href='{p}'>Bericht {n}</a></li>" for n, p in enumerate(paths))
    routes = {"/robots.txt": ROBOTS,
              "/nieuws": (HTML, f"<html><body><main><ul>{listing}</ul></main></body></html>".encode()),
              **{p: wordpress_stamped(f"Voorlopige gunning jeugdhulp {n}", STAMPS[name], declared)
                 for n, (p, name) in enumerate(paths.items())}}
    db_path = tmp_path / "archive.db"
    server, base = serve(routes)
    crawl = crawl_nieuws(tmp_path, server, base, db_path)
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    rows = {r["url"].removeprefix(base.rstrip("/")): r for r in sqlite_utils.Database(db_path)["articles"].rows}
    assert {paths[p]: (r["published"], r["modified"]) for p, r in rows.items()} == {
        name: ("2021-10-14T10:00", "2023-03-03T10:15") for name in STAMPS}
    assert not any("3 maart 2023" in r["text"] or "03-03-2023" in r["text"] for r in rows.values())


def test_a_shown_date_that_is_the_publication_stays_with_a_later_modification_declared(tmp_path):
    """The other way round: a post that shows its publication day (``time.entry-date.published``, or a bare line)
    and declares a later change keeps the shown day; a page that shows the day of its declared change but declares
    no publication keeps the shown day too (nothing says it is not the publication)."""
    shown = (HTML, ("<!doctype html><html lang='nl-NL'><head><meta name='tenderarchive-fixture' content='synthetic'>"
                    f"<meta property='article:published_time' content='{PUBLISHED}'>"
                    f"<meta property='article:modified_time' content='{MODIFIED}'></head><body><article class='post'>"
                    "<h1 class='entry-title'>Gunning jeugdhulp A</h1><div class='entry-meta'>14 oktober 2021</div>"
                    f"<div class='entry-content'>{TEXT}</div></article></body></html>").encode())
    undeclared = (HTML, ("<!doctype html><html lang='nl-NL'><head><meta name='tenderarchive-fixture' "
                         f"content='synthetic'><meta property='article:modified_time' content='{MODIFIED}'></head>"
                         "<body><article class='post'><h1 class='entry-title'>Gunning jeugdhulp B</h1>"
                         "<div class='entry-meta'>3 maart 2023</div><div class='entry-content'>"
                         f"{TEXT.replace('drie', 'vier')}</div></article></body></html>").encode())
    routes = {"/robots.txt": ROBOTS, "/nieuws": (HTML, b"<html><body><main><a href='/nieuws/a'>A</a>"
                                                       b"<a href='/nieuws/b'>B</a></main></body></html>"),
              "/nieuws/a": shown, "/nieuws/b": undeclared}
    db_path = tmp_path / "archive.db"
    server, base = serve(routes)
    crawl = crawl_nieuws(tmp_path, server, base, db_path)
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    rows = {r["url"].removeprefix(base): r["published"] for r in sqlite_utils.Database(db_path)["articles"].rows}
    assert rows == {"nieuws/a": "2021-10-14", "nieuws/b": "2023-03-03"}


def test_a_robots_txt_answering_too_many_requests_fetches_none_of_the_sites_pages(tmp_path):
    """The spider obeys robots.txt (``ROBOTSTXT_OBEY``, docs/reference/peers.md §5: municipal sites). A robots.txt
    answering ``429 Too Many Requests`` (a municipal WAF's rate limit) once its retries were spent was read as a
    ``4xx`` "no rules" and every page of the site was asked at once, of a server that had just asked for fewer. It
    is "unreachable" as a ``5xx`` is (RFC 9309 §2.3.1.4; Google reads a robots.txt 429 so too): no page of the
    site is asked, the crawl records why, and the next crawl, robots.txt back, archives them."""
    from tests.spiders.test_news_reference import redirecting

    log: list[str] = []
    routes = {"/robots.txt": ("text/plain", b"", 429), "/nieuws": (HTML, b"<html><body><main><ul><li><a href="
                                                                          b"'/nieuws/a'>A</a></li></ul></main></body></html>"),
              "/nieuws/a": wordpress_stamped("Voorlopige gunning jeugdhulp", STAMPS["span.updated under the title"],
                                             "meta")}
    db_path = tmp_path / "archive.db"
    server, base = redirecting(routes, {}, log)
    try:
        from tests.spiders.test_news import crawl_news
        from tests.spiders.test_news_reference11 import nieuws_sources

        sources = nieuws_sources(tmp_path, base)
        down = crawl_news(sources, db_path, "-s", "RETRY_TIMES=0")
        asked_down = [p for p in log if p != "/robots.txt"]
        routes["/robots.txt"] = ROBOTS
        back = crawl_news(sources, db_path)
    finally:
        server.shutdown()
    assert asked_down == []
    db = sqlite_utils.Database(db_path)
    first, second = db.query("select status, errors from crawls order by crawl_id")
    assert down.returncode != 0 and first["status"] != "complete"
    assert "robots.txt unreachable (HTTP 429)" in first["errors"]
    assert back.returncode == 0, back.stderr[-3000:]
    assert [r["url"] for r in db["articles"].rows] == [base + "nieuws/a"]


#: A SYNTHETIC consent page of a municipal CMS (news-sites.md §2.4: the cookie modal's opening sentence).
WALL = (HTML, ("<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'>"
               "<title>Cookie-instellingen - Gemeente Voorbeeld</title></head><body><main><h1>Wij vragen uw toestemming</h1>"
               "<p>Deze site gebruikt cookies om ervoor te zorgen dat we u de best mogelijke ervaring geven. Door op "
               "Akkoord te klikken gaat u hiermee akkoord.</p><form method='post' action='/cookie-consent'><button>Akkoord"
               "</button></form><a href='/privacyverklaring'>Privacyverklaring</a></main></body></html>").encode())


#: A SYNTHETIC "not found" page a CMS answers with ``200`` (a soft 404), in the site's template.
SOFT_404 = (HTML, ("<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'>"
                   "<title>Pagina niet gevonden - Gemeente Voorbeeld</title></head><body><nav><a href='/'>Home</a>"
                   "<a href='/contact'>Contact</a></nav><main><h1>Pagina niet gevonden</h1><p>De pagina die u zoekt "
                   "bestaat niet (meer). Gebruik de zoekfunctie.</p></main></body></html>").encode())


@pytest.mark.parametrize("how", ["redirected", "answered", "not found", "maintenance"])
def test_a_listing_answering_a_cookie_wall_a_soft_404_or_a_maintenance_page_is_an_error(tmp_path, how):
    """§2.4 cookie modal as the whole answer, at a site's listing (a consent platform redirecting every first
    visit to ``/cookie-consent?return=/nieuws``, or answering the wall itself with ``200``), and the soft 404 and
    the maintenance page a CMS answers with ``200`` there (a site that moved its news elsewhere, a site down): the
    answer was read as a listing without items, the crawl "complete" with nothing found, every crawl, and no one
    told. It is an error of the crawl naming the listing; the next crawl, the listing back, reads it. A listing
    whose page carries a cookie banner beside its items is read
    (test_a_listings_menu_breadcrumb_cookie_and_footer_links_…)."""
    from tests.spiders.test_news import crawl_news
    from tests.spiders.test_news_reference import redirecting
    from tests.spiders.test_news_reference10 import MAINTENANCE
    from tests.spiders.test_news_reference11 import nieuws_sources

    listing = (HTML, b"<html><body><main><ul><li><a href='/nieuws/a'>A</a></li></ul></main></body></html>")
    item = wordpress_stamped("Voorlopige gunning jeugdhulp", STAMPS["span.updated under the title"], "meta")
    routes = {"/robots.txt": ROBOTS, "/cookie-consent?return=%2Fnieuws": WALL, "/nieuws/a": item,
              "/nieuws": {"answered": WALL, "not found": SOFT_404, "maintenance": MAINTENANCE}.get(how, listing)}
    redirects = {"/nieuws": "/cookie-consent?return=%2Fnieuws"} if how == "redirected" else {}
    db_path = tmp_path / "archive.db"
    server, base = redirecting(routes, redirects)
    try:
        sources = nieuws_sources(tmp_path, base)
        walled = crawl_news(sources, db_path)
        redirects.clear()
        routes["/nieuws"] = listing
        back = crawl_news(sources, db_path)
    finally:
        server.shutdown()
    db = sqlite_utils.Database(db_path)
    first, second = db.query("select status, errors from crawls order by crawl_id")
    assert walled.returncode != 0 and first["status"] != "complete"
    errors = json.loads(first["errors"])
    assert [e["url"] for e in errors] == [base + "nieuws"], errors
    assert {"not found": "'not found' page", "maintenance": "maintenance"}.get(how, "cookie wall") in errors[0]["error"]
    assert back.returncode == 0, back.stderr[-3000:]
    assert second["status"] == "complete" and [r["url"] for r in db["articles"].rows] == [base + "nieuws/a"]


def test_a_later_listing_page_answering_not_found_with_200_ends_the_listing(tmp_path):
    """A pager's page past the end that the CMS answers with a "Pagina niet gevonden" page and ``200`` ends the
    listing as its ``404`` does (test_a_listing_page_its_pager_links_past_the_end_…): no error, the items of the
    listing's pages before it archived."""
    from tests.spiders.test_news import crawl_news
    from tests.spiders.test_news_reference import redirecting, registry

    def page(item, pager):
        return (HTML, (f"<html><body><main><ul><li><a href='/nieuws/{item}'>{item}</a></li></ul><div class='pager'>"
                       + "".join(f"<a href='/nieuws?page={n}'>{n}</a>" for n in pager)
                       + "</div></main></body></html>").encode())

    routes = {"/robots.txt": ROBOTS, "/nieuws": page("a", [1, 2, 3]), "/nieuws?page=2": page("b", [1, 2, 3]),
              "/nieuws?page=3": SOFT_404,
              "/nieuws/a": wordpress_stamped("Gunning jeugdhulp A", STAMPS["span.updated under the title"], "meta"),
              "/nieuws/b": wordpress_stamped("Gunning jeugdhulp B", STAMPS["span.updated glued to the title"], "meta")}
    db_path = tmp_path / "archive.db"
    server, base = redirecting(routes, {})
    try:
        crawl = crawl_news(registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"], "max_pages": 5}},
                                    allow=[r"^/nieuws/\w+$"]), db_path)
    finally:
        server.shutdown()
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    db = sqlite_utils.Database(db_path)
    assert db.execute("select status, errors from crawls").fetchone() == ("complete", "[]")
    assert sorted(r["url"].removeprefix(base) for r in db["articles"].rows) == ["nieuws/a", "nieuws/b"]


def test_a_sitemap_index_of_gzipped_sitemaps_one_gone_one_broken(tmp_path):
    """§2.1 sitemaps (TYPO3's EXT:seo, WordPress's ``/wp-sitemap.xml``, Drupal's module; gzipped as the protocol
    allows) combined: robots.txt names a gzipped index of four gzipped sitemaps, one of which the site removed
    (``404``: a plugin's sitemap switched off, still in the index) and one broken (a truncated gzip). A sitemap its
    index names that is gone is not there to miss, as a discovered page that is gone (``news/gone``): it made every
    crawl of the site partial (exit 3 under cron). The broken one is an error; the other two are read. A sitemap of
    the registry that is gone stays an error."""
    import gzip

    from tests.spiders.test_news import crawl_news
    from tests.spiders.test_news_reference import redirecting, registry

    def packed(xml: str) -> tuple[str, bytes]:
        return ("application/x-gzip", gzip.compress(xml.encode()))

    def index(base):
        return packed('<?xml version="1.0"?><!-- SYNTHETIC --><sitemapindex xmlns="http://www.sitemaps.org/schemas/'
                      'sitemap/0.9">' + "".join(f"<sitemap><loc>{base}sitemap-{n}.xml.gz</loc></sitemap>"
                                                for n in ("nieuws-1", "nieuws-2", "tags", "oud")) + "</sitemapindex>")

    def urlset(path):
        return lambda base: packed('<?xml version="1.0"?><!-- SYNTHETIC --><urlset xmlns="http://www.sitemaps.org/'
                                   f'schemas/sitemap/0.9"><url><loc>{base}{path}</loc></url></urlset>')

    routes = {"/robots.txt": ("text/plain", b"User-agent: *\nAllow: /\nSitemap: /sitemap_index.xml.gz\n"),
              "/sitemap_index.xml.gz": index, "/sitemap-nieuws-1.xml.gz": urlset("nieuws/a"),
              "/sitemap-nieuws-2.xml.gz": urlset("nieuws/b"),
              "/sitemap-oud.xml.gz": ("application/x-gzip", urlset("nieuws/c")("")[1][:40]),
              "/nieuws/a": wordpress_stamped("Gunning jeugdhulp A", STAMPS["span.updated under the title"], "meta"),
              "/nieuws/b": wordpress_stamped("Gunning jeugdhulp B", STAMPS["span.updated glued to the title"], "meta")}
    db_path = tmp_path / "archive.db"
    server, base = redirecting(routes, {})
    try:
        crawl = crawl_news(registry(tmp_path, base_url=base, discovery={"robots_sitemaps": True,
                                                                         "sitemaps": ["sitemap-registry.xml"]},
                                    allow=["^/nieuws/"]), db_path)
    finally:
        server.shutdown()
    db = sqlite_utils.Database(db_path)
    assert sorted(r["url"].removeprefix(base) for r in db["articles"].rows) == ["nieuws/a", "nieuws/b"]
    errors = json.loads(db.execute("select errors from crawls").fetchone()[0])
    assert sorted(e["url"].removeprefix(base) for e in errors) == ["sitemap-oud.xml.gz", "sitemap-registry.xml"], errors
    assert crawl.returncode == 3


@pytest.mark.parametrize("order", [1, -1])
def test_a_from_date_crawl_of_a_dated_listing_asks_no_item_it_lists_before_that_date(tmp_path, order):
    """§2.1 iprox listing dates (``div.iprox-date`` beside each link) and §2.3, in a ``--from-date`` crawl of a paged
    listing, oldest or newest first: every item the pages read name was fetched, the 2020 ones too, to be dropped
    once read (their pages state no date: the listing's dates them). An item whose listing date is before the
    crawl's dates is not asked (``news/skipped_out_of_window``), as one dated so in its address is not; the items
    in them are archived as before, an undated entry's page is asked."""
    from tests.spiders.test_news import crawl_news
    from tests.spiders.test_news_reference import redirecting, registry
    from tests.spiders.test_news_reference8 import dated_listing, undated_page

    log: list[str] = []
    routes = {"/robots.txt": ROBOTS, "/nieuws": dated_listing(1, 5, order),
              **{f"/nieuws?pager_page={n}": dated_listing(n, 5, order) for n in range(1, 6)},
              **{f"/nieuws/bericht-{m}": undated_page(f"Inkoop jeugdhulp bericht {m}") for m in range(1, 16)}}
    db_path = tmp_path / "archive.db"
    server, base = redirecting(routes, {}, log)
    try:
        crawl = crawl_news(registry(tmp_path, base_url=base, cms="iprox", allow=["^/nieuws/"],
                                    discovery={"listing": {"urls": ["nieuws"], "max_pages": 2}}),
                           db_path, "--from-date", "2021-01-15")
    finally:
        server.shutdown()
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    rows = {r["url"].removeprefix(base): r["published"] for r in sqlite_utils.Database(db_path)["articles"].rows}
    assert rows == {"nieuws/bericht-14": "2021-02-01", "nieuws/bericht-15": "2021-03-01"}
    assert sorted(p for p in log if p.startswith("/nieuws/")) == ["/nieuws/bericht-14", "/nieuws/bericht-15"]


def test_a_listing_on_another_host_of_the_municipality_names_the_items_on_the_sites_host(tmp_path):
    """A municipality's news listing on one host whose items are on another of its hosts (``www.gemeente.nl/nieuws``
    linking ``nieuws.gemeente.nl/…``; here ``127.0.0.1`` and ``localhost``), registered as tenderarchive/sources.py
    says: the items' host as ``base_url``, the listing's full address. The items are archived under their host;
    a link of the listing to the listing's own host (another site's page) is not followed."""
    from tests.spiders.test_news import crawl_news
    from tests.spiders.test_news_reference import redirecting, registry

    log: list[str] = []

    def listing(base):
        items = base.replace("127.0.0.1", "localhost")
        return (HTML, (f"<html><body><main><ul><li><a href='{items}nieuws/a'>A</a></li><li><a href='/nieuws/b'>B</a>"
                       "</li></ul></main></body></html>").encode())

    routes = {"/robots.txt": ROBOTS, "/actueel": listing,
              "/nieuws/a": wordpress_stamped("Gunning jeugdhulp A", STAMPS["span.updated under the title"], "meta"),
              "/nieuws/b": wordpress_stamped("Gunning jeugdhulp B", STAMPS["span.updated under the title"], "meta")}
    db_path = tmp_path / "archive.db"
    server, base = redirecting(routes, {}, log)
    items = base.replace("127.0.0.1", "localhost")
    try:
        crawl = crawl_news(registry(tmp_path, base_url=items, discovery={"listing": {"urls": [base + "actueel"]}},
                                    allow=["^/nieuws/"]), db_path)
    finally:
        server.shutdown()
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    assert [r["url"] for r in sqlite_utils.Database(db_path)["articles"].rows] == [items + "nieuws/a"]
    assert log.count("/nieuws/b") == 0


def in_site_template(page: tuple[str, bytes]) -> tuple[str, bytes]:
    """``page`` (SYNTHETIC) inside the site's own template, as a CMS answers its soft 404 or maintenance page: a
    header menu, breadcrumb and footer linking the site's sections, news ones among them (the links a registry's
    ``allow`` lets through on a municipal site: ``^/nieuws/``, jeugdhulpmvs.nl's ``^/(Informatie_en_nieuws|…)/``)."""
    content_type, body = page
    chrome = ("<header><a href='/'>Home</a><nav><a href='/nieuws/archief'>Nieuwsarchief</a>"
              "<a href='/nieuws/agenda'>Agenda</a><a href='/contact'>Contact</a></nav></header>"
              "<div class='breadcrumb'><a href='/'>Home</a> &gt; <a href='/nieuws/overzicht'>Nieuws</a></div>")
    footer = "<footer><a href='/nieuws/rss'>RSS</a><a href='/privacy'>Privacy</a></footer>"
    return content_type, body.replace(b"<body>", b"<body>" + chrome.encode()).replace(
        b"</body>", footer.encode() + b"</body>")


@pytest.mark.parametrize("how", ["not found", "maintenance"])
def test_a_listing_answering_a_soft_404_in_the_sites_template_is_an_error(tmp_path, how):
    """The soft 404 or maintenance page a CMS answers at a listing with ``200`` is in the site's template: its menu,
    breadcrumb and footer link the site's own sections, news sections among them. Those links made it "a listing
    with such a text of its own" (any link of the site counted): the crawl was "complete" with nothing found, as
    before the check. Only the links a listing's items are read from (``LISTING_LINKS``: no menu, breadcrumb or
    footer) say the page is a listing."""
    from tests.spiders.test_news import crawl_news
    from tests.spiders.test_news_reference import redirecting
    from tests.spiders.test_news_reference10 import MAINTENANCE
    from tests.spiders.test_news_reference11 import nieuws_sources

    routes = {"/robots.txt": ROBOTS, "/nieuws": in_site_template(SOFT_404 if how == "not found" else MAINTENANCE)}
    db_path = tmp_path / "archive.db"
    server, base = redirecting(routes, {})
    try:
        crawl = crawl_news(nieuws_sources(tmp_path, base), db_path)
    finally:
        server.shutdown()
    first = sqlite_utils.Database(db_path).execute("select status, errors from crawls").fetchone()
    assert crawl.returncode != 0 and first[0] != "complete", first
    assert [e["url"] for e in json.loads(first[1])] == [base + "nieuws"], first[1]


def test_a_page_one_discovery_dates_inside_the_crawls_dates_is_asked_whatever_another_says(tmp_path):
    """A page its feed dates before ``--from-date`` (a feed that keeps an item's first date) and its listing inside
    (§2.3's iprox listing date, as the page states it): whether it was asked hung on which discovery was read first
    (the feed first, its date, ranked above the listing's, skipped the page for both; the listing first, the page
    was asked), so a crawl and its replay (``reparse``) could differ. Each discovery's own date decides whether it
    asks the page: asked, and archived by its own date."""
    from tests.spiders.test_news import crawl_news
    from tests.spiders.test_news_reference import redirecting, registry
    from tests.spiders.test_news_reference8 import iprox_item

    def feed(base):
        return ("application/rss+xml; charset=UTF-8", (
            '<?xml version="1.0" encoding="UTF-8"?><!-- SYNTHETIC --><rss version="2.0"><channel><title>Nieuws</title>'
            f"<item><title>Gunning</title><link>{base}nieuws/gunning</link>"
            "<pubDate>Mon, 14 Dec 2020 10:00:00 +0100</pubDate></item></channel></rss>").encode())

    listing = (HTML, ("<!doctype html><html><head><meta name='tenderarchive-fixture' content='synthetic'></head><body>"
                      "<main><div id='results'><div class='grid-element'><a class='siteLink' href='/nieuws/gunning'>"
                      "Gunning</a><div class='iprox-content iprox-date date'>14 oktober 2021</div></div></div></main>"
                      "</body></html>").encode())
    routes = {"/robots.txt": ROBOTS, "/feed/": feed, "/nieuws": listing,
              "/nieuws/gunning": iprox_item("Voorlopige gunning jeugdhulp")}
    db_path = tmp_path / "archive.db"
    server, base = redirecting(routes, {})
    try:
        crawl = crawl_news(registry(tmp_path, base_url=base, cms="iprox", allow=["^/nieuws/"],
                                    discovery={"feeds": ["feed/"], "listing": {"urls": ["nieuws"]}}),
                           db_path, "--from-date", "2021-01-15")
    finally:
        server.shutdown()
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    rows = {r["url"].removeprefix(base): r["published"] for r in sqlite_utils.Database(db_path)["articles"].rows}
    assert rows == {"nieuws/gunning": "2021-10-14"}
