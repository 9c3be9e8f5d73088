"""The news spider, eleventh pass against docs/reference/news-sites.md as an evaluator would test it:
loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news), crawled with ``tenderarchive
crawl news`` into a real archive, and rebuilt with ``tenderarchive reparse``."""

from __future__ import annotations

import http.server
import threading
from datetime import datetime, timedelta, timezone
from http.server import ThreadingHTTPServer

import pytest
import sqlite_utils

from tests import forkcli
from tests.conftest import ROOT
from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, registry
from tests.spiders.test_news_reference8 import TEXT, iprox_item


def answer(handler, route) -> None:
    """Send ``route`` (``(content type, body)`` or ``(content type, body, headers)``) as a ``200``, or a 404 for None."""
    if route is None:
        handler.send_error(404)
        return
    handler.send_response(200)
    handler.send_header("Content-Type", route[0])
    handler.send_header("Content-Length", str(len(route[1])))
    for name, value in (route[2] if len(route) > 2 else {}).items():
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(route[1])


def serve(routes: dict, log: list | None = None):
    """A loopback site: ``routes[path]`` is ``(content type, body)`` or ``(content type, body, headers)``,
    the headers (a ``Refresh``) sent with its ``200``; any other path answers 404. ``log`` collects every path
    asked."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            if log is not None:
                log.append(self.path)
            answer(self, routes.get(self.path))

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def nieuws_sources(tmp_path, base):
    """The site at ``base`` as a news source read through its ``/nieuws`` listing (items under ``/nieuws/``)."""
    return registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}}, allow=["^/nieuws/"])


def crawl_nieuws(tmp_path, server, base, db_path):
    """One news crawl of :func:`nieuws_sources`, ``server`` stopped after it."""
    try:
        return crawl_news(nieuws_sources(tmp_path, base), db_path)
    finally:
        server.shutdown()


def titles_of(db_path, base) -> dict:
    return {r["url"].removeprefix(base): r["title"] for r in sqlite_utils.Database(db_path)["articles"].rows}


def moved_notice() -> tuple[str, bytes]:
    """A SYNTHETIC "page moved" answer of a CMS's redirect module: a page in the site's template, no refresh tag."""
    return ("text/html; charset=utf-8", (
        "<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'>"
        "<meta charset='utf-8'><title>Pagina verplaatst - Gemeente Voorbeeld</title></head><body><main>"
        "<h1>Pagina verplaatst</h1><p>Deze pagina is verplaatst naar een nieuw adres op onze website. U wordt"
        " automatisch doorgestuurd naar het bericht over de voorlopige gunning van de jeugdhulp in de regio."
        "</p></main></body></html>").encode())


@pytest.mark.parametrize("header", ["0; url={target}", "0;URL='{base}{path}'", "1; url={target}"])
def test_a_moved_items_http_refresh_header_is_followed(tmp_path, header):
    """§2.1 CMS families (a site moving to another CMS answers its old addresses): a moved item's old address
    answers ``200`` with the HTTP header ``Refresh: 0; url=/nieuws/<new>`` (a server's or a CMS redirect module's,
    which HTML reads as the ``<meta http-equiv="refresh">`` it stands for) over a "Pagina verplaatst" page. Scrapy
    reads the tag only: the notice was archived as the item and the item at its new address never asked. The
    header is followed as the tag is, in the crawl and in its replay (``reparse``)."""
    from tests.spiders.test_news_reference6 import listing_of

    path = "nieuws/voorlopige-gunning-specialistische-jeugdhulp"
    log: list[str] = []
    routes = {"/robots.txt": ROBOTS, "/nieuws": listing_of("/nieuws/Voorlopige_gunning_jeugdhulp"),
              "/" + path: iprox_item("Voorlopige gunning jeugdhulp")}
    db_path = tmp_path / "archive.db"
    server, base = serve(routes, log)
    routes["/nieuws/Voorlopige_gunning_jeugdhulp"] = (*moved_notice(), {
        "Refresh": header.format(target="/" + path, base=base, path=path)})
    crawl = crawl_nieuws(tmp_path, server, base, db_path)
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    assert titles_of(db_path, base) == {path: "Voorlopige gunning jeugdhulp"}
    assert log.count("/" + path) == 1
    db = sqlite_utils.Database(db_path)
    assert db.execute("select location from fetches where url = ?",
                      [base + "nieuws/Voorlopige_gunning_jeugdhulp"]).fetchone()[0] == base + path
    rebuilt = forkcli.run(["reparse", "--db", str(db_path)], cwd=ROOT, timeout=300)
    assert rebuilt.returncode == 0, rebuilt.stderr[-3000:]
    assert titles_of(db_path, base) == {path: "Voorlopige gunning jeugdhulp"}


def test_an_items_refresh_header_that_reloads_it_is_the_item(tmp_path):
    """A news page kept fresh by ``Refresh: 300`` (no URL) or by a header naming its own address is the page, not a
    redirect: it is archived once, and no error."""
    routes = {"/robots.txt": ROBOTS, "/nieuws": ("text/html", b"<html><body><main><a href='/nieuws/a'>A</a>"
                                                 b"<a href='/nieuws/b'>B</a></main></body></html>"),
              "/nieuws/a": (*iprox_item("Gunning jeugdhulp A"), {"Refresh": "300"}),
              "/nieuws/b": (*iprox_item("Gunning jeugdhulp B", TEXT.replace("drie", "vier")),
                            {"Refresh": "300; url=/nieuws/b"})}
    db_path = tmp_path / "archive.db"
    server, base = serve(routes)
    crawl = crawl_nieuws(tmp_path, server, base, db_path)
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    assert titles_of(db_path, base) == {"nieuws/a": "Gunning jeugdhulp A", "nieuws/b": "Gunning jeugdhulp B"}
    assert sqlite_utils.Database(db_path).execute("select errors from crawls").fetchone()[0] == "[]"


def root_listing(posts, pager, comments: bool) -> tuple[str, bytes]:
    """A SYNTHETIC listing at a site's root in a WordPress theme: entries ``/?p=<id>`` under their titles (with
    ``comments`` each with its comment count linked to ``/?p=<id>#comments``), and a numbered pager
    ``/?paged=N``."""
    head = "<link rel='stylesheet' href='/wp-content/themes/gemeente/style.css'>"
    items = "".join(f"<article><h2><a href='/?p={n}'>Bericht {n} over de inkoop van jeugdhulp</a></h2>" + (
        f"<span class='comments-link'><a href='/?p={n}#comments'>{n % 4}</a></span>" if comments else "")
        + "</article>" for n in posts)
    links = "".join(f"<a class='page-numbers' href='/?paged={n}'>{n}</a>" for n in pager)
    return ("text/html; charset=utf-8", ("<!doctype html><html><head><meta name='tenderarchive-fixture' "
                                         f"content='synthetic'>{head}</head><body><main>{items}"
                                         f"<nav class='pagination'>{links}</nav></main></body></html>").encode())


@pytest.mark.parametrize("comments", [True, False])
def test_a_root_listing_of_plain_permalink_posts_on_a_site_not_registered_as_wordpress(tmp_path, comments):
    """§2.1 WordPress (plain permalinks: posts ``/?p=123``, pages ``/?paged=2``) on a site whose registry entry
    names no ``cms`` (optional, and a guess from URL shape where given, §4): each post's ``/?p=123`` was taken for
    page 123 of the listing at the site's root, so no post was archived (only a site registered ``cms: wordpress``
    had them). A ``p`` link under an entry's title is the entry (its comment count "3" linked to
    ``/?p=123#comments`` too), and only one shaped as a pager's ("2", "Volgende", in the pager) a page of the
    listing."""
    routes = {"/robots.txt": ROBOTS, "/": root_listing([101, 102], [2, 3], comments),
              "/?paged=2": root_listing([103], [1, 3], comments), "/?paged=3": root_listing([104], [1, 2], comments),
              **{f"/?p={n}": iprox_item(f"Bericht {n} over jeugdhulp", TEXT.replace("drie", str(n)))
                 for n in (101, 102, 103, 104)}}
    db_path = tmp_path / "archive.db"
    server, base = serve(routes)
    try:
        sources = registry(tmp_path, base_url=base, discovery={"listing": {"urls": [base], "max_pages": 5}},
                           allow=[r"^/\?p=\d+$"])
        crawl = crawl_news(sources, db_path)
    finally:
        server.shutdown()
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    assert sorted(titles_of(db_path, base)) == ["?p=101", "?p=102", "?p=103", "?p=104"]


def test_a_listing_paged_by_p_on_another_cms_is_still_read_through_its_pager(tmp_path):
    """A site of another CMS numbering its listing's pages ``?p=2`` (its items under ``/nieuws/<slug>``) is read
    through that pager, the links "2", "3" and "Volgende »" pages of the listing, not articles."""
    def page(items, pager):
        entries = "".join(f"<li><a href='/nieuws/{i}'>Bericht {i} over jeugdhulp</a></li>" for i in items)
        links = "".join(f"<a href='/nieuws?p={n}'>{n}</a>" for n in pager) + \
            (f"<a href='/nieuws?p={pager[-1]}'>Volgende &raquo;</a>" if pager else "")
        return ("text/html; charset=utf-8", ("<!doctype html><html><head><meta name='tenderarchive-fixture' "
                                             f"content='synthetic'></head><body><main><ul>{entries}</ul>"
                                             f"<div class='paginering'>{links}</div></main></body></html>").encode())

    routes = {"/robots.txt": ROBOTS, "/nieuws": page(["a", "b"], [2, 3]), "/nieuws?p=2": page(["c"], [3]),
              "/nieuws?p=3": page(["d"], []),
              **{f"/nieuws/{i}": iprox_item(f"Bericht {i} over jeugdhulp", TEXT.replace("drie", i)) for i in "abcd"}}
    db_path = tmp_path / "archive.db"
    server, base = serve(routes)
    try:
        sources = registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"], "max_pages": 5}},
                           allow=[r"^/nieuws/\w+$"])
        crawl = crawl_news(sources, db_path)
    finally:
        server.shutdown()
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    assert sorted(titles_of(db_path, base)) == ["nieuws/a", "nieuws/b", "nieuws/c", "nieuws/d"]


def drupal_item(title: str, text: str = TEXT) -> tuple[str, bytes]:
    """The same item as a Drupal theme writes it (§2.1 Drupal: a node page, ``<time datetime>``)."""
    return ("text/html; charset=utf-8", (
        "<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'>"
        f"<title>{title} | Gemeente Voorbeeld</title></head><body class='path-node page-node-type-nieuws'>"
        f"<main><article class='node node--type-nieuws'><h1 class='page-title'><span>{title}</span></h1>"
        "<div class='field--name-created'><time datetime='2021-10-14T08:00:00Z'>14 oktober 2021</time></div>"
        f"<div class='field--name-body'>{text}</div></article></main></body></html>").encode())


def test_an_item_moved_twice_stays_one_page(tmp_path):
    """§2.1 CMS families, a site moving twice (iprox, then WordPress, then Drupal): the archived item is answered
    at a second address after the first move and at a third after the second, each former address gone. It stays
    one archived page under its first address, its provenance the newest address, no version (its text the same),
    and a crawl after the second move asks nothing it knows."""
    from tests.spiders.test_news_reference6 import listing_of
    from tests.spiders.test_news_reference8 import wordpress_item

    title = "Voorlopige gunning jeugdhulp"
    sites = [{"/nieuws": listing_of("/nieuws/Voorlopige_gunning_jeugdhulp"),
              "/nieuws/Voorlopige_gunning_jeugdhulp": iprox_item(title)},
             {"/nieuws": listing_of("/2021/10/14/voorlopige-gunning-jeugdhulp/"),
              "/2021/10/14/voorlopige-gunning-jeugdhulp/": wordpress_item(title)},
             {"/nieuws": listing_of("/nieuws/voorlopige-gunning-jeugdhulp"),
              "/nieuws/voorlopige-gunning-jeugdhulp": drupal_item(title)}]
    log: list[str] = []
    routes: dict = {}
    db_path = tmp_path / "archive.db"
    server, base = serve(routes, log)
    crawls = []
    try:
        sources = registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}},
                           allow=["^/nieuws/", "^/20"])
        for site in [*sites, sites[-1]]:
            routes.clear()
            routes.update({"/robots.txt": ROBOTS, **site})
            del log[:]
            crawls.append(crawl_news(sources, db_path))
    finally:
        server.shutdown()
    assert [c.returncode for c in crawls] == [0, 0, 0, 0], crawls[-1].stderr[-3000:]
    assert log == ["/robots.txt", "/nieuws"]
    db = sqlite_utils.Database(db_path)
    assert [(r["url"].removeprefix(base), r["title"], r["source_url"].removeprefix(base)) for r in db["articles"].rows] \
        == [("nieuws/Voorlopige_gunning_jeugdhulp", title, "nieuws/voorlopige-gunning-jeugdhulp")]
    assert db.execute("select count(*) from versions where table_name = 'articles'").fetchone()[0] == 0


def cookie_checking(routes: dict, through: str | None, log: list):
    """A loopback site whose ``/nieuws/<item>`` pages answer only with the cookie ``toestemming=ja`` (and, when it
    goes ``through`` a check page, ``check=1`` too): without it ``302`` with ``Set-Cookie`` back to the page itself,
    or to ``through`` (``/cookiecheck?ref=<page>``, which sets ``check=1`` and answers ``302`` back to the page). A
    page at ``/nieuws/altijd`` sets its cookie and redirects to itself whatever comes back: a loop."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            cookie = self.headers.get("Cookie") or ""
            log.append((self.path, cookie))
            path, _, query = self.path.partition("?")
            if path == "/cookiecheck":
                self.redirect(query.removeprefix("ref="), "check=1; Path=/; HttpOnly")
                return
            wanted = ["toestemming=ja"] + (["check=1"] if through else [])
            if path.startswith("/nieuws/") and (path == "/nieuws/altijd" or not all(w in cookie for w in wanted)):
                target = f"{through}?ref={path}" if through and path != "/nieuws/altijd" else path
                self.redirect(target, "toestemming=ja; Path=/; Max-Age=31536000; SameSite=Lax")
                return
            answer(self, routes.get(self.path))

        def redirect(self, location, cookie):
            self.send_response(302)
            self.send_header("Location", location)
            self.send_header("Set-Cookie", cookie)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.mark.parametrize("through", [None, "/cookiecheck"])
def test_a_cookie_check_redirect_to_the_page_itself_is_followed_with_its_cookie(tmp_path, through):
    """§2.4 cookie machinery: a site that answers a first visit ``302`` to the page itself (or through a
    ``/cookiecheck`` page back to it) with ``Set-Cookie``, and the page once the cookie comes back. With cookies
    off, the crawl asked the page again without it and took the second ``302`` for a redirect loop: every item an
    error of every crawl, none archived. The cookies a redirect sets go with the rest of its chain; a page that
    redirects to itself whatever comes back is still a loop, an error (bounded), and the next crawl asks again."""
    from tests.spiders.test_news_reference6 import listing_of

    routes = {"/robots.txt": ROBOTS, "/nieuws": listing_of("/nieuws/gunning", "/nieuws/inkoop", "/nieuws/altijd"),
              "/nieuws/gunning": iprox_item("Voorlopige gunning jeugdhulp"),
              "/nieuws/inkoop": iprox_item("Inkoop jeugdhulp gestart", TEXT.replace("drie", "vier"))}
    log: list = []
    db_path = tmp_path / "archive.db"
    server, base = cookie_checking(routes, through, log)
    crawl = crawl_nieuws(tmp_path, server, base, db_path)
    assert crawl.returncode == 3, crawl.stderr[-3000:]  # the page that always redirects to itself
    assert titles_of(db_path, base) == {"nieuws/gunning": "Voorlopige gunning jeugdhulp",
                                        "nieuws/inkoop": "Inkoop jeugdhulp gestart"}
    errors = sqlite_utils.Database(db_path).execute("select errors from crawls").fetchone()[0]
    assert "redirect loop" in errors and "/nieuws/altijd" in errors and "/nieuws/gunning" not in errors
    assert len([p for p, _ in log if p == "/nieuws/altijd"]) == 2
    assert all(cookie == "" for path, cookie in log if path in ("/nieuws", "/robots.txt"))
    # the rebuild reads the same pages from the raw store
    rebuilt = forkcli.run(["reparse", "--db", str(db_path)], cwd=ROOT, timeout=300)
    assert rebuilt.returncode == 0, rebuilt.stderr[-3000:]
    assert titles_of(db_path, base) == {"nieuws/gunning": "Voorlopige gunning jeugdhulp",
                                        "nieuws/inkoop": "Inkoop jeugdhulp gestart"}


@pytest.mark.parametrize("declared", ["header", "meta"])
def test_a_utf8_listing_declared_latin1_links_its_items_by_their_own_addresses(tmp_path, declared):
    """§2.4 mojibake ("damaged by a wrong decode somewhere upstream") in a listing: a listing written in UTF-8 but
    declared ``ISO-8859-1`` (a server's default ``Content-Type`` charset) or ``windows-1252`` (a template's
    ``<meta charset>``) links an item by its address with "ö" and "ë" as they are (``/nieuws/coöperatie-…``). Read
    as declared, the link was ``/nieuws/coÃ¶peratie-…``: a 404 at every crawl, the item never archived. Bytes
    that are valid UTF-8 are read as UTF-8, as the page's own text is."""
    meta = "<meta charset='windows-1252'>" if declared == "meta" else ""
    kind = "text/html; charset=ISO-8859-1" if declared == "header" else "text/html"
    listing = (kind, ("<!doctype html><html><head><meta name='tenderarchive-fixture' content='synthetic'>"
                      f"{meta}</head><body><main><ul><li><a href='/nieuws/coöperatie-cliënten-jeugdhulp'>Coöperatie"
                      "</a></li><li><a href='/nieuws/gunning'>Gunning</a></li></ul></main></body></html>").encode())
    title = "Coöperatie van cliënten over de inkoop van jeugdhulp"
    routes = {"/robots.txt": ROBOTS, "/nieuws": listing,
              "/nieuws/co%C3%B6peratie-cli%C3%ABnten-jeugdhulp": ("text/html; charset=ISO-8859-1",
                                                                   iprox_item(title)[1]),
              "/nieuws/gunning": iprox_item("Gunning jeugdhulp", TEXT.replace("drie", "vier"))}
    db_path = tmp_path / "archive.db"
    server, base = serve(routes)
    crawl = crawl_nieuws(tmp_path, server, base, db_path)
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    assert sorted(titles_of(db_path, base).values()) == [title, "Gunning jeugdhulp"]


def fetched_back_then(db_path, path: str, moment: datetime) -> None:
    """Make the archive say its one article, at ``path``, was fetched at ``moment``."""
    db = sqlite_utils.Database(db_path)
    with db.conn:
        db.execute("update fetches set fetched_at = ? where url like ?", [moment.isoformat(timespec="seconds"), f"%{path}"])
        db.execute("update articles set fetched_at = ?", [moment.isoformat(timespec="seconds")])
    db.close()


def asked_once_then_not(crawls: list, sources, db_path, log: list, path: str) -> None:
    """Two more crawls: the first asks ``path`` once, the second not at all."""
    del log[:]
    crawls.append(crawl_news(sources, db_path))
    assert log.count(path) == 1
    del log[:]
    crawls.append(crawl_news(sources, db_path))
    assert path not in log


def test_a_page_changed_later_on_the_day_it_was_fetched_is_asked_once_that_day_is_over(tmp_path):
    """§2.1 sitemaps (``lastmod``, a day without a time as Drupal's XML sitemap and many plugins write it): a page
    fetched in the morning and edited that afternoon says only that day, the day of its fetch: "not later", so no
    crawl ever asked it again and the edit was never archived. The first crawl after that day asks it once (the
    change may have come after the fetch); a crawl that day, or after the page was fetched again, does not."""
    from tenderarchive.arguments import AMSTERDAM

    yesterday = (datetime.now(AMSTERDAM) - timedelta(days=1)).date()
    log: list[str] = []
    routes: dict = {}
    db_path = tmp_path / "archive.db"
    server, base = serve(routes, log)
    routes.update({"/robots.txt": ROBOTS, "/sitemap.xml": ("application/xml", (
        '<?xml version="1.0" encoding="UTF-8"?><!-- SYNTHETIC --><urlset '
        'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{base}nieuws/gunning</loc><lastmod>{yesterday.isoformat()}</lastmod></url></urlset>").encode()),
        "/nieuws/gunning": iprox_item("Voorlopige gunning jeugdhulp")})
    changed = TEXT.replace("vier jaar", "drie jaar met een optie op verlenging")
    crawls = []
    try:
        sources = registry(tmp_path, base_url=base, discovery={"sitemaps": ["sitemap.xml"]}, allow=["^/nieuws/"])
        crawls.append(crawl_news(sources, db_path))
        routes["/nieuws/gunning"] = iprox_item("Voorlopige gunning jeugdhulp", changed)
        del log[:]
        crawls.append(crawl_news(sources, db_path))  # fetched today, after yesterday's lastmod: not asked
        assert "/nieuws/gunning" not in log
        # the first fetch was yesterday morning, before the edit of that afternoon
        morning = datetime.combine(yesterday, datetime.min.time().replace(hour=8), AMSTERDAM).astimezone(timezone.utc)
        fetched_back_then(db_path, "/nieuws/gunning", morning)
        asked_once_then_not(crawls, sources, db_path, log, "/nieuws/gunning")
    finally:
        server.shutdown()
    assert [c.returncode for c in crawls] == [0, 0, 0, 0], crawls[-1].stderr[-3000:]
    db = sqlite_utils.Database(db_path)
    assert "optie op verlenging" in next(db["articles"].rows)["text"]
    assert db.execute("select count(*) from versions where table_name = 'articles'").fetchone()[0] == 1


def test_a_site_that_goes_down_after_its_listing_is_crawled_whole_by_the_next_run(tmp_path):
    """A site that goes down mid-crawl (its listing and two items answered, then every connection dropped): the
    items it answered are archived, the others are errors (exit 3, nothing archived from a broken answer), and
    the next crawl, the site back, archives every other item the listing names and asks none archived again."""
    from tests.spiders.test_news_reference6 import listing_of

    items = [f"/nieuws/bericht-{n}" for n in range(6)]
    routes = {"/robots.txt": ROBOTS, "/nieuws": listing_of(*items),
              **{item: iprox_item(f"Bericht {n} over jeugdhulp", TEXT.replace("drie", str(n)))
                 for n, item in enumerate(items)}}
    down = [True]
    asked: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            asked.append(self.path)
            if down[0] and self.path.startswith("/nieuws/") and len([p for p in asked if p.startswith("/nieuws/")]) > 2:
                self.close_connection = True
                self.connection.close()  # no answer at all
                return
            answer(self, routes.get(self.path))

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    db_path = tmp_path / "archive.db"
    try:
        sources = nieuws_sources(tmp_path, base)
        first = crawl_news(sources, db_path)
        archived = set(titles_of(db_path, base))
        down[0] = False
        del asked[:]
        second = crawl_news(sources, db_path)
    finally:
        server.shutdown()
    assert first.returncode == 3, first.stderr[-3000:]
    assert second.returncode == 0, second.stderr[-3000:]
    assert len(archived) == 2
    db = sqlite_utils.Database(db_path)
    errors = [r[0] for r in db.execute("select errors from crawls order by crawl_id")]
    assert "/nieuws/bericht-" in errors[0] and errors[1] == "[]"
    assert sorted(titles_of(db_path, base)) == sorted(item.lstrip("/") for item in items)
    assert sorted(p.lstrip("/") for p in asked if p.startswith("/nieuws/")) == \
        sorted({item.lstrip("/") for item in items} - archived)


def test_a_sitemap_in_the_protocols_text_form_names_its_pages(tmp_path):
    """§2.1 TYPO3 "the ``Sitemap:`` line in ``robots.txt``", in the sitemap protocol's other form (sitemaps.org: a
    text file, one URL a line, UTF-8): read as XML it was one "malformed sitemap" error of every crawl (exit 3), and
    none of the pages it names was ever found. Its URLs are read as a sitemap's entries without ``lastmod``; a text
    file that is not one (a line that is no URL) is still an error."""
    items = ["nieuws/gunning", "nieuws/inkoop-jeugdhulp-coöperatie"]
    log: list[str] = []
    routes: dict = {}
    db_path = tmp_path / "archive.db"
    server, base = serve(routes, log)
    robots = f"User-agent: *\nAllow: /\nSitemap: {base}sitemap.txt\nSitemap: {base}kapot.txt\n"
    routes.update({
        "/robots.txt": ("text/plain", robots.encode()),
        "/sitemap.txt": ("text/plain; charset=utf-8", ("\ufeff" + "\r\n".join(base + i for i in items) + "\r\n\r\n")
                         .encode("utf-8")),
        "/kapot.txt": ("text/plain", b"Deze sitemap is verplaatst.\n"),
        "/nieuws/gunning": iprox_item("Voorlopige gunning jeugdhulp"),
        "/nieuws/inkoop-jeugdhulp-co%C3%B6peratie": iprox_item("Inkoop jeugdhulp", TEXT.replace("drie", "vier"))})
    try:
        sources = registry(tmp_path, base_url=base, discovery={"robots_sitemaps": True}, allow=["^/nieuws/"])
        crawl = crawl_news(sources, db_path)
    finally:
        server.shutdown()
    assert crawl.returncode == 3, crawl.stderr[-3000:]
    assert sorted(titles_of(db_path, base).values()) == ["Inkoop jeugdhulp", "Voorlopige gunning jeugdhulp"]
    errors = sqlite_utils.Database(db_path).execute("select errors from crawls").fetchone()[0]
    assert "kapot.txt" in errors and "sitemap.txt" not in errors
