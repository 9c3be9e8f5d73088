"""The news spider against what docs/reference/news-sites.md documents of real sites, each crawled
over a loopback server of SYNTHETIC pages (labelled like tests/fixtures/news) into a real archive:
charsets declared only in the HTTP header (§2.4 mojibake), one page under several URLs
(tracking parameters, the host with and without ``www.`` of §2.2, a trailing slash)."""

from __future__ import annotations

import contextlib
import json
import subprocess
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import sqlite_utils
import yaml

from tests.spiders.test_news import crawl_news

ARTICLE = """<!doctype html><html lang="nl"><head><title>{title}</title>
<meta name="tenderarchive-fixture" content="synthetic"></head>
<body><div class="tenderarchive-fixture-banner">SYNTHETISCHE TESTPAGINA</div><main><article><h1>{title}</h1>
<p>Gepubliceerd op: 14 december 2020</p>
<p>De gemeente Voorbeeldstad heeft de aanbesteding voor specialistische jeugdhulp gepubliceerd.
Aanbieders kunnen zich tot de sluitingsdatum inschrijven voor de percelen ambulante hulp en verblijf.</p>
<p>{extra}</p></article></main></body></html>"""


@contextlib.contextmanager
def serve(routes: dict, log: list | None = None):
    """One loopback server; ``routes`` maps a path (with query) to ``(content type, body bytes)``
    or ``(content type, body bytes, status)`` or ``(content type, body bytes, status, {header: value})``, or a
    callable of the base URL giving one; ``log`` collects every path asked."""
    base = [""]

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            if log is not None:
                log.append(self.path)
            route = routes.get(self.path)
            if callable(route):
                route = route(base[0])
            if route is None:
                self.send_error(404)
                return
            content_type, body, *status = route
            if status and status[0] >= 400:
                self.send_error(status[0])
                return
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in (status[1] if len(status) > 1 else {}).items():
                self.send_header(name, value(base[0]) if callable(value) else value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base[0] = f"http://127.0.0.1:{server.server_address[1]}/"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield base[0]
    finally:
        server.shutdown()


def registry(tmp_path, **site) -> str:
    entry = {"name": "voorbeeld", "title": "Voorbeeld (synthetic)", "municipalities": ["Leiden"],
             "politeness": {"download_delay": 0, "concurrency": 4}, **site}
    path = tmp_path / "sources.yaml"
    path.write_text(yaml.safe_dump({"version": 1, "sites": [entry]}, allow_unicode=True), encoding="utf-8")
    return str(path)


ROBOTS = ("text/plain", b"User-agent: *\nAllow: /\n")


def test_a_page_declared_windows_1252_only_in_the_http_header_is_archived_without_mojibake(tmp_path):
    """§2.4 mojibake "damaged by a wrong decode somewhere upstream": the charset a server sends
    in ``Content-Type`` (and not in the markup) decodes the page; a guess made "één" "ťťn"."""
    extra = "Eén aanbieder per perceel: naïef of niet, de coördinatie blijft bij één partij voor cliënten."
    page = ARTICLE.format(title="Aanbesteding jeugdhulp één perceel", extra=extra).encode("cp1252")
    routes = {"/robots.txt": ROBOTS, "/nieuws/aanbesteding": ("text/html; charset=ISO-8859-1", page)}
    crawl_site(tmp_path, routes, None, living_pages=["nieuws/aanbesteding"])
    article = next(sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows)
    assert article["title"] == "Aanbesteding jeugdhulp één perceel"
    assert extra in article["text"]


def test_one_page_linked_under_several_urls_is_fetched_and_archived_once(tmp_path):
    """A listing links one page with a trailing slash, with tracking parameters (``utm_*``,
    Matomo's ``pk_*`` as in the reference's rechtspraak.nl address, §5), with a fragment and on
    the site's ``www.`` host (§2.2: jeugdhulpmvs.nl answers with and without ``www.``): one
    request, one article. A page archived under its canonical URL is not fetched again by
    the next crawl through the URL it was linked by."""
    log: list[str] = []

    def listing(base):
        www = base.replace("//localhost", "//www.localhost")
        hrefs = ["/nieuws/aanbesteding", "/nieuws/aanbesteding/",
                 "/nieuws/aanbesteding?utm_source=nieuwsbrief&utm_medium=email",
                 "/nieuws/aanbesteding?pk_campaign=rss&pk_kwd=jeugd#reacties",
                 f"{www}nieuws/aanbesteding", "/nieuws/verplaatst"]
        items = "".join(f'<li><a href="{h}">Bericht {i}</a></li>' for i, h in enumerate(hrefs))
        return ("text/html; charset=utf-8", ("<!doctype html><html><head><meta name='tenderarchive-fixture' "
                f"content='synthetic'></head><body><ul>{items}</ul></body></html>").encode())

    moved = ARTICLE.format(title="Inkoop jeugdhulp verplaatst", extra="Dit bericht heeft een andere canonieke URL.")
    moved = moved.replace("</head>", '<link rel="canonical" href="/nieuws/verplaatst-bericht"></head>')
    routes = {"/robots.txt": ROBOTS, "/nieuws": listing,
              "/nieuws/aanbesteding": ("text/html; charset=utf-8", ARTICLE.format(
                  title="Aanbesteding jeugdhulp", extra="Het college gunt in het najaar.").encode()),
              "/nieuws/verplaatst": ("text/html; charset=utf-8", moved.encode())}
    for variant in ("/nieuws/aanbesteding/", "/nieuws/aanbesteding?utm_source=nieuwsbrief&utm_medium=email",
                    "/nieuws/aanbesteding?pk_campaign=rss&pk_kwd=jeugd"):
        routes[variant] = routes["/nieuws/aanbesteding"]
    with serve(routes, log) as base:
        base = base.replace("//127.0.0.1", "//localhost")
        path = registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}}, allow=["^/nieuws/"])
        first = crawl_news(path, tmp_path / "archive.db")
        asked_first = [p for p in log if p.startswith("/nieuws/")]
        del log[:]
        second = crawl_news(path, tmp_path / "archive.db")
    assert first.returncode == 0 and second.returncode == 0, (first.stderr + second.stderr)[-3000:]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert sorted(urllib.parse.urlsplit(r["url"]).path for r in db["articles"].rows) == [
        "/nieuws/aanbesteding", "/nieuws/verplaatst-bericht"]
    assert sorted(asked_first) == ["/nieuws/aanbesteding", "/nieuws/verplaatst"]
    assert [c["error_count"] for c in db.query("select error_count from crawls order by crawl_id")] == [0, 0]
    assert [p for p in log if p.startswith("/nieuws/")] == []  # the second crawl knows both pages


def openpub_page(items: list[dict], page: int, pages: int):
    body = {"_comment": "SYNTHETIC tenderarchive test data (OpenPub REST shape of plugin-openpub-base)",
            "data": items, "pagination": {"total_count": 5, "total_pages": pages, "current_page": page, "limit": 2}}
    return ("application/json; charset=UTF-8", json.dumps(body).encode())


def test_openpub_items_are_archived_from_the_rest_api_page_by_page(tmp_path):
    """§2.1 WordPress / Open Webconcept: "a JSON API for news where OpenPub is installed",
    ``wp-json/owc/openpub/v1/items`` with ``page``; items carry title, HTML content and date."""
    log: list[str] = []
    body = ("<p>De gemeenten in de regio hebben de aanbesteding voor specialistische jeugdhulp {n} "
            "gepubliceerd. Aanbieders kunnen zich inschrijven tot de sluitingsdatum.</p>")
    api = "/wp-json/owc/openpub/v1/items"
    routes = {
        "/robots.txt": ROBOTS,
        f"{api}?page=1": lambda base: openpub_page([
            {"id": 11, "title": "Aanbesteding jeugdhulp &#8211; perceel 1", "content": body.format(n="perceel 1"),
             "excerpt": "", "date": "2021-10-14 16:05:00", "slug": "perceel-1", "post_status": "publish",
             "portal_url": f"{base}nieuws/perceel-1"},
            {"id": 12, "title": "Aanbesteding jeugdhulp perceel 2", "content": body.format(n="perceel 2"),
             "date": "2021-10-15 09:00:00", "slug": "perceel-2"}], 1, 3),
        f"{api}?page=2": openpub_page([
            {"id": 13, "title": "Aanbesteding jeugdhulp perceel 3", "content": body.format(n="perceel 3"),
             "date": "2021-11-01 10:30:00", "slug": "perceel-3"}], 2, 3),
        f"{api}?page=3": openpub_page([
            {"id": 14, "title": "Door de volgende crawl gelezen", "content": body.format(n="perceel 4"),
             "date": "2021-12-01 10:30:00"}],
            3, 3),
    }
    with serve(routes, log) as base:
        path = registry(tmp_path, base_url=base, cms="wordpress", discovery={"openpub": [api.lstrip("/")]},
                        deny=["^/wp-json"])
        completed = crawl_news(path, tmp_path / "archive.db", "-s", "NEWS_OPENPUB_MAX_PAGES=2")
        first_log = list(log)
        del log[:]
        second = crawl_news(path, tmp_path / "archive.db", "-s", "NEWS_OPENPUB_MAX_PAGES=2")
    assert completed.returncode == 0 and second.returncode == 0, (completed.stderr + second.stderr)[-3000:]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    rows = {urllib.parse.urlsplit(r["url"]).path: r for r in db["articles"].rows}
    assert set(rows) == {"/nieuws/perceel-1", f"{api}/12", f"{api}/13", f"{api}/14"}
    first = rows["/nieuws/perceel-1"]
    assert first["title"] == "Aanbesteding jeugdhulp – perceel 1"
    assert (first["published"], first["published_source"]) == ("2021-10-14T16:05", "meta")
    assert "specialistische jeugdhulp perceel 1" in first["text"]
    assert rows[f"{api}/13"]["published"] == "2021-11-01T10:30"
    assert f"{api}?page=3" not in first_log  # bounded
    # the next crawl reads on where the first stopped (branch refnews71: it began at page 1 again, never reaching 3)
    assert f"{api}?page=3" in log
    assert not any(p.startswith("/nieuws/") for p in first_log + log)  # no page fetched
    crawls = list(db.query("select error_count, items_new from crawls order by crawl_id"))
    assert crawls == [{"error_count": 0, "items_new": 3}, {"error_count": 0, "items_new": 1}]


def test_a_listing_linking_documents_archives_its_pages_and_stays_complete(tmp_path):
    """§2.4 link stubs such as "(download PDF)": a listing's links to documents are not pages.
    One with a document extension is not requested; one without, answered as a PDF, is not
    archived; neither is an error, so the crawl is complete (not partial every run)."""
    log: list[str] = []
    pdf = ("application/pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n% SYNTHETIC tenderarchive test document\n%%EOF\n")
    listing = ("<!doctype html><html><head><meta name='tenderarchive-fixture' content='synthetic'></head><body>"
               "<a href='/nieuws/aanbesteding'>Bericht</a> <a href='/nieuws/besluit.pdf'>(download PDF)</a>"
               "<a href='/nieuws/bijlage'>Bijlage</a></body></html>")
    routes = {"/robots.txt": ROBOTS, "/nieuws": ("text/html; charset=utf-8", listing.encode()),
              "/nieuws/aanbesteding": ("text/html; charset=utf-8", ARTICLE.format(
                  title="Aanbesteding jeugdhulp", extra="Het college gunt in het najaar.").encode()),
              "/nieuws/besluit.pdf": pdf, "/nieuws/bijlage": pdf}
    crawl_site(tmp_path, routes, log, discovery={"listing": {"urls": ["nieuws"]}}, allow=["^/nieuws/"])
    db = sqlite_utils.Database(tmp_path / "archive.db")
    crawl = next(db.query("select status, error_count from crawls"))
    assert crawl == {"status": "complete", "error_count": 0}
    assert [urllib.parse.urlsplit(r["url"]).path for r in db["articles"].rows] == ["/nieuws/aanbesteding"]
    assert "/nieuws/besluit.pdf" not in log and "/nieuws/bijlage" in log


def test_a_chain_of_sitemap_indexes_is_followed_a_bounded_number_of_levels(tmp_path):
    """Sitemaps (§2.1, TYPO3/WordPress: one index over sitemaps): an index that names an index
    that names an index … is followed ``NEWS_SITEMAP_MAX_DEPTH`` levels, then recorded."""
    log: list[str] = []

    def index(n):
        return lambda base: ("application/xml", (
            '<?xml version="1.0"?><!-- SYNTHETIC --><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<sitemap><loc>{base}sitemap-{n + 1}.xml</loc></sitemap></sitemapindex>").encode())

    routes = {"/robots.txt": ROBOTS, **{f"/sitemap-{n}.xml": index(n) for n in range(40)}}
    with serve(routes, log) as base:
        path = registry(tmp_path, base_url=base, discovery={"sitemaps": ["sitemap-0.xml"]})
        completed = crawl_news(path, tmp_path / "archive.db", "-s", "NEWS_SITEMAP_MAX_DEPTH=3")
    asked = [p for p in log if p.startswith("/sitemap-")]
    assert sorted(asked) == [f"/sitemap-{n}.xml" for n in range(4)]
    crawl = next(sqlite_utils.Database(tmp_path / "archive.db").query("select errors from crawls"))
    assert "nested deeper than 3" in crawl["errors"] and completed.returncode in (1, 3)


def test_a_discovered_page_that_robots_txt_forbids_is_skipped_without_an_error(tmp_path):
    """Politeness (robots.txt, §2.1's TYPO3 and WordPress robots.txt): a listing linking a page
    robots.txt disallows is obeyed, and that is no failure of the crawl (it was partial every run)."""
    log: list[str] = []
    listing = b"<!-- SYNTHETIC --><html><body><a href='/nieuws/open'>a</a><a href='/nieuws/intern'>b</a></body></html>"
    page = ("text/html; charset=utf-8", ARTICLE.format(title="Aanbesteding jeugdhulp", extra="Het college gunt.").encode())
    routes = {"/robots.txt": ("text/plain", b"User-agent: *\nDisallow: /nieuws/intern\n"),
              "/nieuws": ("text/html; charset=utf-8", listing), "/nieuws/open": page, "/nieuws/intern": page}
    crawl_site(tmp_path, routes, log, discovery={"listing": {"urls": ["nieuws"]}}, allow=["^/nieuws/"])
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert next(db.query("select status, error_count from crawls")) == {"status": "complete", "error_count": 0}
    assert "/nieuws/intern" not in log and "/nieuws/open" in log


def test_a_typo3_news_url_written_otherwise_by_the_next_sitemap_is_not_fetched_again(tmp_path):
    """§2.1 TYPO3: EXT:news detail URLs carry their record in the query
    (``?tx_news_pi1[news]=12&…&cHash=…``). The next crawl's sitemap may encode the brackets or
    order the parameters otherwise: the page is the one archived, not a new one."""
    log: list[str] = []
    written = ["/nieuws/detail?tx_news_pi1%5Bnews%5D=12&tx_news_pi1%5Baction%5D=detail&cHash=0a1b",
               "/nieuws/detail?cHash=0a1b&tx_news_pi1[action]=detail&tx_news_pi1[news]=12"]
    current = [written[0]]

    def sitemap(base):
        return ("application/xml", ('<?xml version="1.0"?><!-- SYNTHETIC --><urlset xmlns="http://www.sitemaps.org/'
                                    f'schemas/sitemap/0.9"><url><loc>{base.rstrip("/")}{current[0].replace("&", "&amp;")}'
                                    "</loc></url></urlset>").encode())

    page = ("text/html; charset=utf-8", ARTICLE.format(title="Aanbesteding jeugdhulp", extra="Het college gunt.").encode())
    routes = {"/robots.txt": ROBOTS, "/sitemap.xml": sitemap, **{path: page for path in written}}
    with serve(routes, log) as base:
        path = registry(tmp_path, base_url=base, cms="typo3", discovery={"sitemaps": ["sitemap.xml"]},
                        allow=["^/nieuws/"])
        first = crawl_news(path, tmp_path / "archive.db")
        current[0] = written[1]
        second = crawl_news(path, tmp_path / "archive.db")
    assert first.returncode == 0 and second.returncode == 0, (first.stderr + second.stderr)[-3000:]
    assert len([p for p in log if p.startswith("/nieuws/")]) == 1
    assert sqlite_utils.Database(tmp_path / "archive.db")["articles"].count == 1


def test_a_sitemap_lastmod_in_the_future_is_not_believed(tmp_path):
    """A sitemap ``lastmod`` after today is a CMS's mistake (a placeholder year, a clock or zone
    gone wrong), not a date: memorious ignores a ``Last-Modified`` in the future
    (docs/reference/peers.md §3). It was believed, so a new page so marked was skipped as outside
    the crawl's dates and never archived, and an archived one would be fetched again every crawl."""
    log: list[str] = []
    page = ("text/html; charset=utf-8", ARTICLE.format(title="Aanbesteding jeugdhulp", extra="Het college gunt.").encode())
    other = ("text/html; charset=utf-8", ARTICLE.format(title="Inkoop jeugdzorg", extra="De regio koopt in.").encode())

    def sitemap(base):
        return ("application/xml", (
            '<?xml version="1.0"?><!-- SYNTHETIC --><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>{base}nieuws/gunning</loc><lastmod>2099-01-01T00:00:00+01:00</lastmod></url>"
            f"<url><loc>{base}nieuws/inkoop</loc><lastmod>2020-12-14</lastmod></url>"
            "</urlset>").encode())

    routes = {"/robots.txt": ROBOTS, "/sitemap.xml": sitemap, "/nieuws/gunning": page, "/nieuws/inkoop": other}
    with serve(routes, log) as base:
        path = registry(tmp_path, base_url=base, discovery={"sitemaps": ["sitemap.xml"]}, allow=["^/nieuws/"])
        first = crawl_news(path, tmp_path / "archive.db")
        assert first.returncode == 0, first.stderr[-3000:]
        db = sqlite_utils.Database(tmp_path / "archive.db")
        assert {r["url"] for r in db["articles"].rows} == {base + "nieuws/gunning", base + "nieuws/inkoop"}
        log.clear()
        again = crawl_news(path, tmp_path / "archive.db")
        assert again.returncode == 0, again.stderr[-3000:]
    assert "/sitemap.xml" in log and not [p for p in log if p.startswith("/nieuws/")]


def test_a_gzipped_sitemap_is_read_and_a_gzip_bomb_is_recorded(tmp_path):
    """``sitemap.xml.gz`` (the sitemaps protocol allows gzip; robots.txt often names one) comes as
    ``application/x-gzip`` without ``Content-Encoding``: its body is the gzip file. It was parsed
    as XML and recorded as a malformed sitemap, so none of its pages was found. Unpacked at most
    ``DOWNLOAD_MAXSIZE`` bytes (Scrapy's SitemapSpider does the same): beyond that, an error."""
    import gzip

    log: list[str] = []
    page = ("text/html; charset=utf-8", ARTICLE.format(title="Aanbesteding jeugdhulp", extra="Het college gunt.").encode())

    def sitemap(base):
        return ("application/x-gzip", gzip.compress((
            '<?xml version="1.0"?><!-- SYNTHETIC --><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>{base}nieuws/gunning</loc><lastmod>2020-12-14</lastmod></url></urlset>").encode()))

    bomb = ("application/x-gzip", gzip.compress(b'<?xml version="1.0"?><urlset>' + b" " * 3_000_000 + b"</urlset>"))
    routes = {"/robots.txt": ("text/plain", b"User-agent: *\nAllow: /\nSitemap: /sitemap.xml.gz\n"),
              "/sitemap.xml.gz": sitemap, "/bomb.xml.gz": bomb, "/nieuws/gunning": page}
    with serve(routes, log) as base:
        path = registry(tmp_path, base_url=base, discovery={"robots_sitemaps": True, "sitemaps": ["bomb.xml.gz"]},
                        allow=["^/nieuws/"])
        completed = crawl_news(path, tmp_path / "archive.db", "-s", "DOWNLOAD_MAXSIZE=1000000")
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert [r["url"] for r in db["articles"].rows] == [base + "nieuws/gunning"]
    errors = json.loads(next(db.query("select errors from crawls"))["errors"])
    assert [e["url"] for e in errors] == [base + "bomb.xml.gz"], errors
    assert "larger than 1000000 bytes unpacked" in errors[0]["error"] and completed.returncode == 3


def test_a_feed_with_blank_lines_before_its_xml_declaration_is_read(tmp_path):
    """WordPress's best-known feed fault: a plugin or theme prints blank lines before
    ``<?xml …?>`` ("XML declaration allowed only at the start of the document"). Feed readers
    read it; the feed was recorded as malformed and none of its items was found."""
    page = ("text/html; charset=utf-8", ARTICLE.format(title="Aanbesteding jeugdhulp", extra="Het college gunt.").encode())

    def feed(base):
        return ("application/rss+xml; charset=UTF-8", (
            '\ufeff\n\n  <?xml version="1.0" encoding="UTF-8"?><!-- SYNTHETIC --><rss version="2.0"><channel>'
            f"<title>Nieuws</title><item><title>Aanbesteding</title><link>{base}nieuws/gunning</link>"
            "<pubDate>Mon, 14 Dec 2020 10:00:00 +0100</pubDate></item></channel></rss>").encode("utf-8"))

    routes = {"/robots.txt": ROBOTS, "/feed/": feed, "/nieuws/gunning": page}
    base = crawl_site(tmp_path, routes, None, discovery={"feeds": ["feed/"]}, allow=["^/nieuws/"])
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert [r["url"] for r in db["articles"].rows] == [base + "nieuws/gunning"]


def redirecting(routes: dict, redirects: dict, log: list | None = None, since_log: list | None = None,
                host_log: list | None = None):
    """``serve`` with some paths answering ``301 Location: …`` instead (the address, or a callable of the base URL
    giving it; a route's third item, an error status, answers that error); ``log`` collects every path asked,
    ``since_log`` every ``(path, If-Modified-Since)``, ``host_log`` every ``(host, path)``. While ``routes["304"]``
    is true, a request with ``If-Modified-Since`` for a known path answers ``304 Not Modified`` (a server keeping
    ``Last-Modified``, the page unchanged)."""
    import http.server

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            since = self.headers.get("If-Modified-Since")
            if log is not None:
                log.append(self.path)
            if since_log is not None:
                since_log.append((self.path, since))
            if host_log is not None:
                host_log.append((self.headers.get("Host", "").split(":")[0], self.path))
            if self.path in redirects:
                target = redirects[self.path]
                self.send_response(301)
                self.send_header("Location", target(base[0]) if callable(target) else target)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            route = routes.get(self.path)
            route = route(base[0]) if callable(route) else route
            if route is None or (len(route) > 2 and route[2] >= 400):
                self.send_error(404 if route is None else route[2])
                return
            if since and routes.get("304"):
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", route[0])
            self.send_header("Content-Length", str(len(route[1])))
            self.end_headers()
            self.wfile.write(route[1])

        def log_message(self, *args):
            pass

    base = [""]
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base[0] = f"http://127.0.0.1:{server.server_address[1]}/"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, base[0]


HOME = ("text/html; charset=utf-8", (
    "<!doctype html><html lang='nl'><head><title>Gemeente Voorbeeld</title></head><body><!-- SYNTHETIC -->"
    "<main><h1>Welkom bij de gemeente Voorbeeld</h1><p>Hier vindt u informatie over afval, paspoorten, "
    "jeugdhulp en de aanbesteding van zorg. Bekijk ook het nieuws en de vacatures van de gemeente. "
    "Openingstijden: maandag tot en met vrijdag van 9.00 tot 17.00 uur.</p></main></body></html>").encode())


def test_a_news_item_that_redirects_to_the_home_page_does_not_archive_the_home_page(tmp_path):
    """A withdrawn news item often answers ``301`` to the home page (a soft 404). The home page
    was archived as an article of the site, and counted relevant (it names jeugdhulp and
    aanbesteding). A redirect is followed to a page the site's rules admit (an item moved to a
    new address is archived there), not to the home page or a page outside them."""
    page = ("text/html; charset=utf-8", ARTICLE.format(title="Aanbesteding jeugdhulp", extra="Het college gunt.").encode())
    moved = ("text/html; charset=utf-8", ARTICLE.format(title="Inkoop jeugdzorg", extra="De regio koopt in.").encode())

    def sitemap(base):
        return ("application/xml", (
            '<?xml version="1.0"?><!-- SYNTHETIC --><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            + "".join(f"<url><loc>{base}nieuws/{name}</loc></url>" for name in ("gunning", "weg", "contact", "oud"))
            + "</urlset>").encode())

    routes = {"/robots.txt": ROBOTS, "/sitemap.xml": sitemap, "/nieuws/gunning": page, "/": HOME,
              "/contact": HOME, "/nieuws/inkoop-jeugdzorg": moved}
    server, base = redirecting(routes, {"/nieuws/weg": "/", "/nieuws/contact": "/contact",
                                        "/nieuws/oud": "/nieuws/inkoop-jeugdzorg"})
    try:
        path = registry(tmp_path, base_url=base, discovery={"sitemaps": ["sitemap.xml"]}, allow=["^/nieuws/"])
        completed = crawl_news(path, tmp_path / "archive.db")
    finally:
        server.shutdown()
    assert completed.returncode == 0, completed.stderr[-3000:]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert {r["url"] for r in db["articles"].rows} == {base + "nieuws/gunning", base + "nieuws/inkoop-jeugdzorg"}
    assert next(db.query("select status, error_count from crawls")) == {"status": "complete", "error_count": 0}


NOT_FOUND = ("text/html; charset=utf-8", (
    "<!doctype html><html lang='nl'><head><title>Pagina niet gevonden | Gemeente Voorbeeld</title></head>"
    "<body><!-- SYNTHETIC --><main><h1>Pagina niet gevonden</h1><p>Helaas, de pagina die u zoekt bestaat niet "
    "(meer). Misschien is de pagina verplaatst of verwijderd. Gebruik de zoekfunctie of ga naar de homepage "
    "van de gemeente Voorbeeld voor informatie over jeugdhulp, zorg en ondersteuning.</p></main></body></html>"
).encode())


def test_a_page_that_answers_200_not_found_does_not_replace_the_archived_page(tmp_path):
    """A removed project page that the CMS answers ``200`` with "Pagina niet gevonden" (a soft 404)
    replaced the archived text of the page, so its procurement lost the page's evidence (never
    let a bad fetch destroy good data: docs/reference/peers.md §0.3). It is now what a ``404`` is:
    recorded, and the archive keeps the page as it was."""
    page = ("text/html; charset=utf-8", ARTICLE.format(title="Aanbesteding jeugdhulp", extra="Het college gunt.").encode())
    other = ("text/html; charset=utf-8", ARTICLE.format(title="Inkoop jeugdzorg", extra="De regio koopt in.").encode())
    routes = {"/robots.txt": ROBOTS, "/project/inkoop-jeugdhulp": page, "/project/inkoop-jeugdzorg": other}
    with serve(routes) as base:
        path = registry(tmp_path, base_url=base, living_pages=["project/inkoop-jeugdhulp", "project/inkoop-jeugdzorg"])
        first = crawl_news(path, tmp_path / "archive.db")
        assert first.returncode == 0, first.stderr[-3000:]
        before = list(sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows_where(order_by="url"))
        assert [r["title"] for r in before] == ["Aanbesteding jeugdhulp", "Inkoop jeugdzorg"]
        routes["/project/inkoop-jeugdhulp"] = NOT_FOUND
        again = crawl_news(path, tmp_path / "archive.db")
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert list(db["articles"].rows_where(order_by="url")) == before
    crawl = next(db.query("select status, errors from crawls order by crawl_id desc limit 1"))
    assert crawl["status"] == "partial" and again.returncode == 3
    assert "says it was not found" in crawl["errors"]


def test_site_crawls_only_the_named_sites_and_does_not_make_news_fresh(tmp_path):
    """A journalist's one-off crawl of a few sources (``--site NAME``, a site's name or one of its
    municipalities; docs/reference/peers.md §8.5 ``source=``, §8.17). Only those sites are asked;
    the crawl records which; it is no crawl of the whole registry, so ``status`` and the
    ``freshness`` view do not count it (the other sites may be weeks old)."""
    logs = {"alfa": [], "beta": []}
    page = ("text/html; charset=utf-8", ARTICLE.format(title="Aanbesteding jeugdhulp", extra="Het college gunt.").encode())
    routes = {"/robots.txt": ROBOTS, "/project/inkoop-jeugdhulp": page}
    with serve(routes, logs["alfa"]) as alfa, serve(routes, logs["beta"]) as beta:
        entries = [{"name": name, "title": f"{name} (synthetic)", "base_url": base, "municipalities": [town],
                    "living_pages": ["project/inkoop-jeugdhulp"], "politeness": {"download_delay": 0}}
                   for name, base, town in (("alfa", alfa, "Leiden"), ("beta", beta, "Oegstgeest"))]
        path = tmp_path / "sources.yaml"
        path.write_text(yaml.safe_dump({"version": 1, "sites": entries}), encoding="utf-8")
        completed = crawl_news(str(path), tmp_path / "archive.db", "--site", "Oegstgeest")
        wrong = crawl_news(str(path), tmp_path / "wrong.db", "--site", "Oegstgest")
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert logs["alfa"] == [] and "/project/inkoop-jeugdhulp" in logs["beta"]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert [r["site"] for r in db["articles"].rows] == ["beta"]
    arguments = json.loads(next(db.query("select arguments from crawls"))["arguments"])
    assert arguments["site"] == "Oegstgeest" and arguments["sites"] == ["beta"]
    assert next(db.query("select last_success from freshness")) == {"last_success": None}
    assert wrong.returncode == 2 and "Oegstgest" in wrong.stderr and "did you mean Oegstgeest" in wrong.stderr
    assert not (tmp_path / "wrong.db").exists()


def test_a_discovered_page_that_is_gone_is_no_error_of_the_crawl(tmp_path):
    """A sitemap or listing that still names a removed item (``404``, ``410``, or ``200`` "Pagina
    niet gevonden") made every crawl of the site partial, night after night (exit 3 under cron),
    though the site answered and nothing was missed: logged and counted (``news/gone``), as a
    page robots.txt forbids is. The page is not archived, and the next crawl asks again."""
    page = ("text/html; charset=utf-8", ARTICLE.format(title="Aanbesteding jeugdhulp", extra="Het college gunt.").encode())

    def sitemap(base):
        return ("application/xml", (
            '<?xml version="1.0"?><!-- SYNTHETIC --><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            + "".join(f"<url><loc>{base}nieuws/{name}</loc></url>" for name in ("gunning", "weg", "leeg"))
            + "</urlset>").encode())

    routes = {"/robots.txt": ROBOTS, "/sitemap.xml": sitemap, "/nieuws/gunning": page, "/nieuws/leeg": NOT_FOUND}
    with serve(routes) as base:
        path = registry(tmp_path, base_url=base, discovery={"sitemaps": ["sitemap.xml"]}, allow=["^/nieuws/"])
        completed = crawl_news(path, tmp_path / "archive.db")
    assert completed.returncode == 0, completed.stderr[-3000:]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert [r["url"] for r in db["articles"].rows] == [base + "nieuws/gunning"]
    assert next(db.query("select status, error_count from crawls")) == {"status": "complete", "error_count": 0}
    assert "'news/gone': 2" in completed.stdout + completed.stderr


def crawl_with_a_dead_site(tmp_path, *settings, delay: float = 0) -> tuple:
    """A crawl of two sites, one of them down (nothing listens on its port: eight living pages and a feed, asked one
    at a time, ``delay`` seconds apart); its outcome (exit code, output, crawl status, errors) and the dead site's
    host."""
    import socket

    page = ("text/html; charset=utf-8", ARTICLE.format(title="Aanbesteding jeugdhulp", extra="Het college gunt.").encode())
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}/"   # nothing listens here once the socket is closed
    with serve({"/robots.txt": ROBOTS, "/project/jeugdhulp": page}) as live:
        entries = [{"name": "levend", "title": "Levend (synthetic)", "base_url": live, "municipalities": ["Leiden"],
                    "living_pages": ["project/jeugdhulp"], "politeness": {"download_delay": 0}},
                   {"name": "dood", "title": "Dood (synthetic)", "base_url": dead, "municipalities": ["Oegstgeest"],
                    "living_pages": [f"project/{n}" for n in range(8)], "discovery": {"feeds": ["feed/"]},
                    "politeness": {"download_delay": delay, "concurrency": 1}}]
        path = tmp_path / "sources.yaml"
        path.write_text(yaml.safe_dump({"version": 1, "sites": entries}), encoding="utf-8")
        completed = crawl_news(str(path), tmp_path / "archive.db", "-s", "ROBOTSTXT_OBEY=False", *settings)
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert [r["site"] for r in db["articles"].rows] == ["levend"]
    crawl = next(db.query("select status, errors from crawls"))
    return completed, completed.stdout + completed.stderr, crawl["status"], json.loads(crawl["errors"]), \
        dead.rstrip("/").split("//")[1]


def test_a_site_that_does_not_answer_is_given_up_after_a_few_requests(tmp_path):
    """A site that is down (its every request times out or is refused) was asked for every one of
    its URLs, each with every retry: with ``DOWNLOAD_TIMEOUT`` 60 s most of an hour of a nightly
    crawl. After ``UNREACHABLE_HOST_FAILURES`` requests in a row failed for good its other requests
    are skipped (one error for the host; docs/reference/peers.md §7), and the other sites are crawled."""
    # one at a time: which fail and which are skipped is fixed
    completed, output, status, errors, host = crawl_with_a_dead_site(tmp_path, "-s", "RETRY_TIMES=1",
                                                                     "-s", "CONCURRENT_REQUESTS=1")
    assert status == "partial" and completed.returncode == 3
    unreachable = [e for e in errors if "unreachable" in e["error"]]
    assert len(unreachable) == 1 and host in unreachable[0]["error"], errors
    # nine requests (eight pages and the feed), each tried twice: their first tries fail (retries go
    # last), three retries fail for good, the host is given up, and the six other retries are skipped.
    # The third's error is the host's (under its address): no "request failed" line of its own besides
    assert len(errors) == 2 + 1, errors
    assert "'unreachable/skipped': 6" in output


def test_the_request_that_gives_a_host_up_is_one_error_not_two(tmp_path):
    """The request whose failure gave its host up was listed twice, under one address: "host … unreachable" and
    "request failed: …", and counted as two errors in ``crawls`` and ``status``. One error per cause and address:
    the host's, which keeps the request's note (a news page's, so the next crawl asks the page again)."""
    from tenderarchive.items import NEWS_PAGE_FAILED
    from tenderarchive.store import queries
    from tests.test_cli import CLI

    completed, output, status, errors, host = crawl_with_a_dead_site(tmp_path, "-s", "RETRY_TIMES=0",
                                                                     "-s", "CONCURRENT_REQUESTS=1")
    addresses = [e["url"] for e in errors]
    assert len(addresses) == len(set(addresses)), errors
    assert len(errors) == 3, errors
    (given_up,) = [e for e in errors if "unreachable" in e["error"]]
    assert host in given_up["url"] and not any(e["error"].startswith("request failed") and e["url"] == given_up["url"]
                                               for e in errors)
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert next(db.query("select error_count from crawls"))["error_count"] == 3
    # every failed living page is still asked again by the next crawl (the host's error keeps the note)
    assert set(queries.failed_news_pages(tmp_path / "archive.db")) >= {
        e["url"] for e in errors if "/project/" in e["url"]}
    assert all(e["error"].endswith(NEWS_PAGE_FAILED) for e in errors if "/project/" in e["url"]), errors
    shown = subprocess.run([*CLI, "status", "--db", str(tmp_path / "archive.db")], capture_output=True, text=True,
                           timeout=120)
    assert "3 errors" in shown.stdout and "4 errors" not in shown.stdout, shown.stdout


def test_a_site_given_up_is_not_asked_for_the_requests_already_waiting_for_it(tmp_path):
    """With the crawl's usual concurrency the scheduler hands the downloader several requests at once, and those
    of a site crawled one at a time wait in its download slot, past the check that skips a host given up: each was
    still sent (a timeout each, of a site that is down), failed and was recorded. The requests waiting for the host
    are skipped when it is given up: three fail, one error names the host, and of the six others only the one the
    slot started as the third failed may be sent."""
    # the site's politeness, one request at a time and a delay between them, as a registry gives it (with no delay
    # Scrapy's slot sends every request waiting in it at once)
    completed, output, status, errors, host = crawl_with_a_dead_site(tmp_path, "-s", "RETRY_TIMES=0", delay=0.05)
    assert status == "partial" and completed.returncode == 3
    # the third failure's error is the host's (with that request's note: a living page's " (news page)")
    assert [e["error"].removesuffix(" (news page)") for e in errors if "unreachable" in e["error"]] == [
        f"host {host} unreachable: 3 requests in a row failed (DownloadConnectionRefusedError) after every retry; "
        "its other requests in this crawl are skipped"], errors
    sent = [e for e in errors if "unreachable" not in e["error"]]
    assert 2 <= len(sent) <= 2 + 1, errors
    assert f"'unreachable/skipped': {9 - 1 - len(sent)}" in output


def test_the_news_sites_view_shows_a_site_that_yields_nothing(tmp_path):
    """Per site of the registry (docs/reference/peers.md §8.18, freshness per source): pages archived
    and the age of the newest. A site whose feed is gone yields nothing, night after night, while
    every crawl of the registry succeeds: the ``news_sites`` view shows it with no pages."""
    page = ("text/html; charset=utf-8", ARTICLE.format(title="Aanbesteding jeugdhulp", extra="Het college gunt.").encode())
    with serve({"/robots.txt": ROBOTS, "/project/jeugdhulp": page}) as alfa, serve({"/robots.txt": ROBOTS}) as beta:
        entries = [{"name": "alfa", "title": "Alfa (synthetic)", "base_url": alfa, "municipalities": ["Leiden"],
                    "living_pages": ["project/jeugdhulp"], "politeness": {"download_delay": 0}},
                   {"name": "beta", "title": "Beta (synthetic)", "base_url": beta, "municipalities": ["Oegstgeest"],
                    "discovery": {"listing": {"urls": ["nieuws"]}}, "politeness": {"download_delay": 0}}]
        path = tmp_path / "sources.yaml"
        path.write_text(yaml.safe_dump({"version": 1, "sites": entries}), encoding="utf-8")
        crawl_news(str(path), tmp_path / "archive.db")
        crawl_news(str(path), tmp_path / "archive.db", "--site", "alfa")   # a subset crawl changes nothing here
    db = sqlite_utils.Database(tmp_path / "archive.db")
    sites = {r["site"]: r for r in db.query("select * from news_sites")}
    assert set(sites) == {"alfa", "beta"}
    assert sites["alfa"]["pages"] == sites["alfa"]["relevant_pages"] == 1
    assert sites["alfa"]["days_since_last_archived"] < 1 and sites["alfa"]["last_published"] == "2020-12-14"
    assert sites["beta"]["pages"] == 0 and sites["beta"]["last_archived"] is None


def assert_asked_at_delay(stamps: list[float], delay: float) -> None:
    """Requests stamped (``time.monotonic``) as they reached a loopback server were asked ``delay`` seconds apart.
    One request reaching it late under load shortens the next gap by as much, so the floor holds for the mean gap;
    each gap must still be well above what AutoThrottle alone leaves (≈ 0)."""
    gaps = [b - a for a, b in zip(stamps, stamps[1:])]
    assert gaps and sum(gaps) / len(gaps) >= delay - 0.05 and min(gaps) >= delay - 0.3, gaps


@pytest.mark.parametrize("how", ["registry", "robots", "robots_decimal_comma", "robots_request_rate"])
def test_a_site_delay_from_the_registry_or_robots_txt_holds_under_autothrottle(tmp_path, how):
    """A site's delay (the registry's ``politeness.download_delay``, or ``Crawl-delay`` in its
    robots.txt: docs/reference/peers.md §5, §7 politeness per source) is a floor. AutoThrottle
    (on by default) brought the registry's delay down to ``DOWNLOAD_DELAY`` after the first fast
    answer, and Scrapy never reads ``Crawl-delay``: a municipal site was asked faster than it asked.
    A Dutch site's ``Crawl-delay: 1,5`` (a decimal comma, which Protego drops) is 1.5 seconds too
    (tenderarchive/robots.py), and so is ``Request-rate: 2/3s`` (two requests in three seconds), which was
    ignored."""
    import time

    stamps: list[tuple[str, float]] = []
    page = ("text/html; charset=utf-8", ARTICLE.format(title="Aanbesteding jeugdhulp", extra="Het college gunt.").encode())
    robots = b"User-agent: *\nAllow: /\n" + {"robots": b"Crawl-delay: 1.5\n",
                                             "robots_decimal_comma": b"Crawl-delay: 1,5\n",
                                             "robots_request_rate": b"Request-rate: 2/3s\n"}.get(how, b"")
    routes = {"/robots.txt": ("text/plain", robots), **{f"/project/{n}": page for n in range(4)}}
    log: list[str] = []

    class Stamped(list):
        def append(self, path):
            stamps.append((path, time.monotonic()))
            super().append(path)

    log = Stamped()
    politeness = {"download_delay": 1.5, "concurrency": 1} if how == "registry" else {"concurrency": 1}
    with serve(routes, log) as base:
        path = registry(tmp_path, base_url=base, living_pages=[f"project/{n}" for n in range(4)],
                        politeness=politeness)
        completed = crawl_news(path, tmp_path / "archive.db", "-s", "AUTOTHROTTLE_ENABLED=True",
                               "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_START_DELAY=0",
                               "-s", "RANDOMIZE_DOWNLOAD_DELAY=False")
    assert completed.returncode == 0, completed.stderr[-3000:]
    pages = [t for p, t in stamps if p.startswith("/project/")]
    assert len(pages) == 4
    assert_asked_at_delay(pages, 1.5)


def wordpress_post(title: str, day: str) -> tuple[str, bytes]:
    """A SYNTHETIC WordPress single post (a default theme's markup: entry-title, entry-date)."""
    return ("text/html; charset=UTF-8", f"""<!doctype html><html lang="nl-NL"><head><meta charset="UTF-8">
<title>{title} &#8211; Jeugdhulp Voorbeeld</title><meta name="tenderarchive-fixture" content="synthetic"></head>
<body class="single single-post"><header class="site-header"><nav><a href="/">Home</a></nav></header>
<main><article class="post type-post"><h1 class="entry-title">{title}</h1>
<div class="entry-meta"><time class="entry-date published" datetime="{day}T09:30:00+02:00">{day}</time></div>
<div class="entry-content"><p>De gemeenten hebben de aanbesteding voor specialistische jeugdhulp gepubliceerd.
Aanbieders kunnen zich tot de sluitingsdatum inschrijven voor de percelen ambulante jeugdhulp en verblijf.</p>
</div></article></main></body></html>""".encode())


def test_a_wordpress_sitemap_index_yields_its_posts_not_its_home_author_and_category_pages(tmp_path):
    """§2.1 WordPress: "a sitemap at /wp-sitemap.xml", announced in robots.txt. Its index names
    the posts' and pages' sitemaps and also ``wp-sitemap-users-1.xml`` and
    ``wp-sitemap-taxonomies-category-1.xml``, lists of archive pages (an author's, a category's
    posts); the pages' sitemap names the home page. A site whose URLs are ``/<slug>/`` (§2.2
    jeugdhulpleidseregio.nl) has no allow rule to keep them out: they were archived as news."""
    log: list[str] = []
    xml = "application/xml; charset=UTF-8"

    def urlset(*paths):
        return lambda base: (xml, ('<?xml version="1.0" encoding="UTF-8"?><!-- SYNTHETIC -->'
                                   '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                                   + "".join(f"<url><loc>{base}{p}</loc></url>" for p in paths) + "</urlset>").encode())

    def index(base):
        maps = ["posts-post-1", "posts-page-1", "taxonomies-category-1", "taxonomies-post_tag-1", "users-1"]
        return (xml, ('<?xml version="1.0" encoding="UTF-8"?>\n<?xml-stylesheet type="text/xsl" '
                      f'href="{base}wp-sitemap-index.xsl" ?>\n<!-- SYNTHETIC --><sitemapindex '
                      'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                      + "".join(f"<sitemap><loc>{base}wp-sitemap-{m}.xml</loc></sitemap>" for m in maps)
                      + "</sitemapindex>").encode())

    routes = {"/robots.txt": ("text/plain", b"User-agent: *\nDisallow: /wp-admin/\n\nSitemap: /wp-sitemap.xml\n"),
              "/wp-sitemap.xml": index,
              "/wp-sitemap-posts-post-1.xml": urlset("aanbesteding-jeugdhulp-gestart/"),
              "/wp-sitemap-posts-page-1.xml": urlset("", "inkoop-jeugdhulp/"),
              "/wp-sitemap-taxonomies-category-1.xml": urlset("category/nieuws/"),
              "/wp-sitemap-taxonomies-post_tag-1.xml": urlset("tag/jeugdhulp/"),
              "/wp-sitemap-users-1.xml": urlset("author/redactie/"),
              "/aanbesteding-jeugdhulp-gestart/": wordpress_post("Aanbesteding jeugdhulp gestart", "2021-07-29"),
              "/inkoop-jeugdhulp/": wordpress_post("Inkoop jeugdhulp", "2021-05-01"),
              "/": wordpress_post("Jeugdhulp Voorbeeld", "2020-01-01"),
              "/category/nieuws/": wordpress_post("Nieuws", "2020-01-01"),
              "/tag/jeugdhulp/": wordpress_post("Jeugdhulp", "2020-01-01"),
              "/author/redactie/": wordpress_post("redactie", "2020-01-01")}
    crawl_site(tmp_path, routes, log, cms="wordpress", discovery={"robots_sitemaps": True})
    db = sqlite_utils.Database(tmp_path / "archive.db")
    articles = {urllib.parse.urlsplit(r["url"]).path: r for r in db["articles"].rows}
    assert sorted(articles) == ["/aanbesteding-jeugdhulp-gestart/", "/inkoop-jeugdhulp/"]
    post = articles["/aanbesteding-jeugdhulp-gestart/"]
    assert (post["title"], post["published"], post["published_source"]) == (
        "Aanbesteding jeugdhulp gestart", "2021-07-29T09:30", "stated")
    assert not {"/wp-sitemap-users-1.xml", "/wp-sitemap-taxonomies-category-1.xml", "/"} & set(log)
    assert next(db.query("select status, error_count from crawls")) == {"status": "complete", "error_count": 0}


def crawl_site(tmp_path, routes, log, **site) -> str:
    """Crawl the loopback site ``routes`` (registry entry ``site``) into ``tmp_path/archive.db``; the
    crawl must exit 0. Returns the site's base URL."""
    with serve(routes, log) as base:
        path = registry(tmp_path, base_url=base, **site)
        completed = crawl_news(path, tmp_path / "archive.db")
    assert completed.returncode == 0, completed.stderr[-3000:]
    return base


def assert_three_decisions_archived(tmp_path, routes, log, **site) -> None:
    """Crawl the loopback site (registry entry ``site``): a complete crawl with no error that archived
    the three decision pages of a paged listing, every page of it read."""
    crawl_site(tmp_path, routes, log, **site)
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert sorted(r["title"] for r in db["articles"].rows) == [
        "Besluit gunning jeugdhulp", "Besluit inkoop jeugdhulp", "Besluit verlenging jeugdhulp"]
    assert next(db.query("select status, error_count from crawls")) == {"status": "complete", "error_count": 0}


def test_a_drupal_search_api_listing_is_paged_through_its_links_with_empty_filters(tmp_path):
    """§2.1 Drupal: Zeeland's Woo index is "Drupal Search API + Facets", paged ``?page=0,1,2,…``
    (zero-based), results ``a.search-result`` + ``h3.search-result__title``. Search API's pager
    writes the view's empty exposed filter into each page link (``?search_api_fulltext=&page=1``),
    which is the listing with a page number all the same: only the first page was read."""
    log: list[str] = []

    def listing(slug):
        pager = "".join(f"<li class='pager__item'><a href='?search_api_fulltext=&amp;page={n}' "
                        f"title='Ga naar pagina {n + 1}'>{n + 1}</a></li>" for n in range(3))
        return ("text/html; charset=utf-8", (
            "<!doctype html><html><head><meta name='tenderarchive-fixture' content='synthetic'></head><body><main>"
            f"<a class='search-result' href='/woo-besluiten/{slug}'><h3 class='search-result__title'>Besluit {slug}</h3>"
            f"</a><nav class='pager'><ul class='pager__items'>{pager}</ul></nav></main></body></html>").encode())

    page = lambda title: ("text/html; charset=utf-8", ARTICLE.format(title=title, extra="Woo-besluit.").encode())  # noqa: E731
    routes = {"/robots.txt": ROBOTS, "/woo-besluiten": listing("inkoop-jeugdhulp"),
              **{f"/woo-besluiten?search_api_fulltext=&page={n}": listing(slug)
                 for n, slug in enumerate(["inkoop-jeugdhulp", "gunning-jeugdhulp", "verlenging-jeugdhulp"])},
              "/woo-besluiten/inkoop-jeugdhulp": page("Besluit inkoop jeugdhulp"),
              "/woo-besluiten/gunning-jeugdhulp": page("Besluit gunning jeugdhulp"),
              "/woo-besluiten/verlenging-jeugdhulp": page("Besluit verlenging jeugdhulp")}
    assert_three_decisions_archived(tmp_path, routes, log, cms="drupal", allow=["^/woo-besluiten/"],
                                    discovery={"listing": {"urls": ["woo-besluiten"], "max_pages": 5}})


@pytest.mark.parametrize("cms, robots, sitemap", [
    ("typo3", None, "/sitemap.xml"),
    ("drupal", b"User-agent: *\nDisallow: /admin/\n", "/sitemap.xml"),
    ("wordpress", b"User-agent: *\nDisallow: /wp-admin/\n", "/wp-sitemap.xml")])
def test_a_site_whose_robots_txt_names_no_sitemap_is_read_through_its_cms_sitemap(tmp_path, cms, robots, sitemap):
    """§2.1 TYPO3: "What a scraper can rely on: ``/sitemap.xml``, or the ``Sitemap:`` line in
    ``robots.txt``" (Drupal's sitemap modules and WordPress's ``/wp-sitemap.xml`` alike). A site
    without robots.txt (404: no rules) made the crawl fail; one whose robots.txt names no sitemap
    yielded nothing, in silence."""
    log: list[str] = []
    routes = {sitemap: lambda base: ("application/xml", (
                  '<?xml version="1.0" encoding="UTF-8"?><!-- SYNTHETIC --><urlset '
                  f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{base}nieuws/inkoop-jeugdhulp</loc>'
                  '</url></urlset>').encode()),
              "/nieuws/inkoop-jeugdhulp": ("text/html; charset=utf-8", ARTICLE.format(
                  title="Inkoop jeugdhulp gestart", extra="Het college gunt in het najaar.").encode())}
    if robots:
        routes["/robots.txt"] = ("text/plain", robots)
    crawl_site(tmp_path, routes, log, cms=cms, discovery={"robots_sitemaps": True})
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert [r["title"] for r in db["articles"].rows] == ["Inkoop jeugdhulp gestart"]
    assert next(db.query("select status, error_count from crawls")) == {"status": "complete", "error_count": 0}
    assert sitemap in log


def test_a_site_without_robots_txt_or_sitemap_is_no_error(tmp_path):
    """Neither robots.txt nor the CMS's sitemap (both 404): nothing to read, and no failure."""
    with serve({}) as base:
        path = registry(tmp_path, base_url=base, cms="typo3", discovery={"robots_sitemaps": True})
        completed = crawl_news(path, tmp_path / "archive.db")
    assert completed.returncode == 0, completed.stderr[-3000:]
    crawl = next(sqlite_utils.Database(tmp_path / "archive.db").query("select status, error_count from crawls"))
    assert crawl == {"status": "complete", "error_count": 0}


def test_feed_items_are_found_by_guid_permalink_rss_1_0_link_and_atom_xml_base(tmp_path):
    """§2.1 WordPress feeds (codex WordPress_Feeds: RSS 2.0 at ``/feed/``, RSS 1.0 at ``/feed/rdf/``,
    Atom at ``/feed/atom/``): an RSS 2.0 item may name its page only by ``<guid>`` (a permalink
    unless ``isPermaLink="false"``), an RSS 1.0 item is in the RSS 1.0 namespace with a Dublin-Core
    ``dc:date``, and an Atom link is relative to its ``xml:base``. Each of them was lost."""
    log: list[str] = []
    rss = lambda base: ("application/rss+xml; charset=UTF-8", (  # noqa: E731
        '<?xml version="1.0" encoding="UTF-8"?><!-- SYNTHETIC --><rss version="2.0"><channel><title>t</title>'
        f'<item><title>a</title><guid>{base}nieuws/guid-permalink</guid></item>'
        f'<item><title>b</title><guid isPermaLink="false">{base}?p=12</guid></item></channel></rss>').encode())
    rdf = lambda base: ("application/rdf+xml; charset=UTF-8", (  # noqa: E731
        '<?xml version="1.0" encoding="UTF-8"?><!-- SYNTHETIC --><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" '
        f'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="{base}"><title>t</title></channel>'
        f'<item rdf:about="{base}nieuws/rss-een"><title>c</title><link>{base}nieuws/rss-een</link>'
        '<dc:date>2021-10-07T10:00:00Z</dc:date></item></rdf:RDF>').encode())
    atom = lambda base: ("application/atom+xml; charset=UTF-8", (  # noqa: E731
        '<?xml version="1.0" encoding="UTF-8"?><!-- SYNTHETIC --><feed xmlns="http://www.w3.org/2005/Atom" '
        f'xml:base="{base}nieuws/"><title>t</title><entry><title>d</title>'
        '<link rel="replies" href="/reacties"/><link href="atom-relatief"/>'
        '<updated>2021-10-07T10:00:00Z</updated></entry></feed>').encode())
    page = lambda title: ("text/html; charset=utf-8", ARTICLE.format(title=title, extra="Uit een feed.").encode())  # noqa: E731
    routes = {"/robots.txt": ROBOTS, "/feed/": rss, "/feed/rdf/": rdf, "/feed/atom/": atom,
              "/nieuws/guid-permalink": page("Inkoop jeugdhulp A"), "/nieuws/rss-een": page("Inkoop jeugdhulp B"),
              "/nieuws/atom-relatief": page("Inkoop jeugdhulp C")}
    crawl_site(tmp_path, routes, log, cms="wordpress", allow=["^/nieuws/"],
                                 discovery={"feeds": ["feed/", "feed/rdf/", "feed/atom/"]})
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert sorted(urllib.parse.urlsplit(r["url"]).path for r in db["articles"].rows) == [
        "/nieuws/atom-relatief", "/nieuws/guid-permalink", "/nieuws/rss-een"]
    assert next(db.query("select status, error_count from crawls")) == {"status": "complete", "error_count": 0}


@pytest.mark.parametrize("paragraphs", [2, 1])
def test_a_wordpress_post_behind_a_skip_link_is_archived_with_its_text_once(tmp_path, paragraphs):
    """§2.4 navigation ("Overslaan en naar de inhoud gaan"): a theme's skip link ("Ga naar de
    inhoud", WordPress's ``a.skip-link``) loose in the page's wrapper before the article made
    trafilatura return the post twice, and the archive held every paragraph twice."""
    first = ("De gemeenten hebben de aanbesteding voor specialistische jeugdhulp gepubliceerd. Aanbieders "
             "kunnen zich tot de sluitingsdatum inschrijven.")
    second = "Lees meer over de planning op de projectpagina."
    page = f"""<!doctype html><html lang="nl-NL"><head><meta charset="UTF-8"><title>Aanbesteding jeugdhulp &#8211;
Jeugdhulp Voorbeeld</title><meta name="tenderarchive-fixture" content="synthetic"></head><body class="single">
<div id="page" class="site"><a class="skip-link screen-reader-text" href="#content">Ga naar de inhoud</a>
<header class="site-header"><nav class="main-navigation"><ul><li><a href="/">Home</a></li></ul></nav></header>
<div id="content" class="site-content"><main id="main"><article class="post type-post"><header class="entry-header">
<h1 class="entry-title">Aanbesteding jeugdhulp</h1><div class="entry-meta"><time class="entry-date published"
datetime="2021-07-29T09:30:00+02:00">29 juli 2021</time></div></header><div class="entry-content"><p>{first}</p>
{f"<p>{second}</p>" if paragraphs == 2 else ""}</div></article></main></div><footer class="site-footer">© Jeugdhulp Voorbeeld</footer></div></body></html>"""
    routes = {"/robots.txt": ROBOTS, "/2021/07/29/aanbesteding-jeugdhulp/": ("text/html; charset=UTF-8", page.encode())}
    crawl_site(tmp_path, routes, None, cms="wordpress", living_pages=["2021/07/29/aanbesteding-jeugdhulp/"])
    article = next(sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows)
    assert (article["title"], article["published"]) == ("Aanbesteding jeugdhulp", "2021-07-29T09:30")
    assert article["text"].count(first) == 1 and article["text"].count(second) == paragraphs - 1, article["text"]
    assert "Ga naar de inhoud" not in article["text"]


def test_pages_whose_canonical_url_is_the_home_page_are_archived_each_under_its_own_url(tmp_path):
    """URL canonicalisation (§2.2): a page template that names the home page as every page's
    ``<link rel="canonical">`` (or ``og:url``) made every article of the site one archived page,
    each a new version of the last. A canonical URL on the page's own path still counts."""
    def page(title, canonical):
        html = ARTICLE.format(title=title, extra="Het college gunt in het najaar.")
        return ("text/html; charset=utf-8", html.replace("</head>", f'<link rel="canonical" href="{canonical}"></head>').encode())

    listing = ("text/html; charset=utf-8", b"<!-- SYNTHETIC --><html><body><a href='/nieuws/inkoop'>a</a>"
               b"<a href='/nieuws/gunning'>b</a><a href='/nieuws/oud'>c</a></body></html>")
    routes = {"/robots.txt": ROBOTS, "/nieuws": listing, "/nieuws/inkoop": page("Inkoop jeugdhulp", "/"),
              "/nieuws/gunning": page("Gunning jeugdhulp", "/"),
              "/nieuws/oud": page("Verlenging jeugdhulp", "/nieuws/verlenging")}
    crawl_site(tmp_path, routes, None, discovery={"listing": {"urls": ["nieuws"]}}, allow=["^/nieuws/"])
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert sorted((urllib.parse.urlsplit(r["url"]).path, r["title"]) for r in db["articles"].rows) == [
        ("/nieuws/gunning", "Gunning jeugdhulp"), ("/nieuws/inkoop", "Inkoop jeugdhulp"),
        ("/nieuws/verlenging", "Verlenging jeugdhulp")]


def test_an_iprox_listing_paged_only_by_data_page_attributes_is_read_to_its_last_page(tmp_path):
    """§2.1 iprox: the Zuid-Holland listing ``?date_from=dd-mm-yyyy&pager_page=N``, "last page from
    ``data-page="N"``". A pager whose buttons carry the number only in ``data-page`` (no link to
    follow) is read through ``pager_page``, the listing's own parameters kept; only its first page
    was read."""
    log: list[str] = []

    def listing(slug):
        pager = "".join(f"<li><button type='button' class='pager-button' data-page='{n}'>{n}</button></li>"
                        for n in (1, 2, 3))
        return ("text/html; charset=utf-8", (
            "<!doctype html><html><head><meta name='tenderarchive-fixture' content='synthetic'></head><body>"
            f"<div id='results'><div class='grid-element'><a class='siteLink' href='/besluiten/{slug}'>{slug}</a>"
            "<div class='iprox-content iprox-date date'>1 maart 2022</div></div></div>"
            f"<ul class='pager' data-pages='3'>{pager}</ul></body></html>").encode())

    page = lambda title: ("text/html; charset=utf-8", ARTICLE.format(title=title, extra="Besluit.").encode())  # noqa: E731
    slugs = ["inkoop-jeugdhulp", "gunning-jeugdhulp", "verlenging-jeugdhulp"]
    routes = {"/robots.txt": ROBOTS, "/besluiten?date_from=01-01-2020": listing(slugs[0]),
              "/besluiten?date_from=01-01-2020&pager_page=2": listing(slugs[1]),
              "/besluiten?date_from=01-01-2020&pager_page=3": listing(slugs[2]),
              **{f"/besluiten/{slug}": page(f"Besluit {slug.replace('-', ' ')}") for slug in slugs}}
    assert_three_decisions_archived(tmp_path, routes, log, cms="iprox", allow=["^/besluiten/"],
                                    discovery={"listing": {"urls": ["besluiten?date_from=01-01-2020"], "max_pages": 10}})
    assert not [p for p in log if "pager_page=4" in p or "pager_page=1" in p]


def test_an_iprox_page_read_through_its_body_selector_keeps_its_dublin_core_lead(tmp_path):
    """§2.1 iprox (the om.nl scraper): body ``div.iprox-rich-content.iprox-content``, date
    ``div.iprox-content.iprox-date.date``, "lead from ``meta[property="dcterms:description"]``".
    A site read through ``selectors.body`` lost the lead, which iprox keeps out of the rich
    content (here the only place the provisional award is named)."""
    lead = "De regio heeft de specialistische jeugdhulp voorlopig gegund aan vier aanbieders."
    body = ("De gemeenten publiceerden de aanbesteding in het voorjaar. Aanbieders konden zich tot de "
            "sluitingsdatum inschrijven voor de percelen ambulante jeugdhulp en verblijf.")
    page = f"""<!doctype html><html lang="nl"><head><title>Voorlopige gunning jeugdhulp - Voorbeeld</title>
<meta name="tenderarchive-fixture" content="synthetic"><meta property="dcterms:description" content="{lead}">
</head><body><div class="header"><ul class="nav"><li><a href="/">Home</a></li></ul></div><div class="grid-blok">
<div class="iprox-content"><h1>Voorlopige gunning jeugdhulp</h1></div>
<div class="iprox-content iprox-date date">14 december 2020 - Nieuwsbericht</div>
<div class="iprox-rich-content iprox-content"><p>{body}</p></div></div></body></html>"""
    routes = {"/robots.txt": ROBOTS, "/actueel/nieuws/voorlopige-gunning": ("text/html; charset=utf-8", page.encode())}
    crawl_site(tmp_path, routes, None, cms="iprox", living_pages=["actueel/nieuws/voorlopige-gunning"],
                                 selectors={"body": "div.iprox-rich-content.iprox-content", "date": "div.iprox-date"})
    article = next(sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows)
    assert (article["title"], article["published"], article["published_source"]) == (
        "Voorlopige gunning jeugdhulp", "2020-12-14", "stated")
    assert article["text"].split("\n") == [lead, body]


def test_a_sitemap_named_on_the_sites_other_host_is_fetched_from_the_registry_host(tmp_path):
    """§2.2: jeugdhulpmvs.nl answers with and without ``www.``. Its robots.txt or sitemap index may
    name a sitemap on the other host; pages found there were fetched from the registry's host,
    the sitemaps themselves were not (here the other host does not even resolve: the crawl failed)."""
    log: list[str] = []

    def www(base):
        return base.replace("//127.0.0.1", "//www.localhost")  # the server's own base names 127.0.0.1

    routes = {"/robots.txt": lambda base: ("text/plain", f"User-agent: *\nSitemap: {www(base)}sitemap.xml\n".encode()),
              "/sitemap.xml": lambda base: ("application/xml", (
                  '<?xml version="1.0"?><!-- SYNTHETIC --><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                  f"<sitemap><loc>{www(base)}sitemap-nieuws.xml</loc></sitemap></sitemapindex>").encode()),
              "/sitemap-nieuws.xml": lambda base: ("application/xml", (
                  '<?xml version="1.0"?><!-- SYNTHETIC --><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                  f"<url><loc>{www(base)}Informatie_en_nieuws/Nieuws_Update</loc></url></urlset>").encode()),
              "/Informatie_en_nieuws/Nieuws_Update": ("text/html; charset=utf-8", ARTICLE.format(
                  title="Nieuws Update aanbesteding jeugdhulp", extra="De gemeenten gunnen in oktober.").encode())}
    with serve(routes, log) as base:
        base = base.replace("//127.0.0.1", "//localhost")
        path = registry(tmp_path, base_url=base, cms="iprox", discovery={"robots_sitemaps": True})
        completed = crawl_news(path, tmp_path / "archive.db")
    assert completed.returncode == 0, completed.stderr[-3000:]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert [urllib.parse.urlsplit(r["url"]).path for r in db["articles"].rows] == ["/Informatie_en_nieuws/Nieuws_Update"]
    assert next(db.query("select status, error_count from crawls")) == {"status": "complete", "error_count": 0}


def test_a_wordpress_post_that_prints_its_update_time_first_is_dated_by_its_publication(tmp_path):
    """§2.1 ("``<time datetime>`` is worth trying first") and dates with their provenance (§2.3):
    a WordPress theme (GeneratePress) prints ``<time class="updated" itemprop="dateModified">``
    before ``<time class="entry-date published" itemprop="datePublished">``. The first ``<time>``
    dated the post: by its last change, not its publication; the change is its ``modified``."""
    page = """<!doctype html><html lang="nl-NL"><head><meta charset="UTF-8"><title>Inkoop jeugdhulp &#8211; Voorbeeld
</title><meta name="tenderarchive-fixture" content="synthetic"></head><body class="single"><main><article class="post">
<header class="entry-header"><h1 class="entry-title" itemprop="headline">Inkoop jeugdhulp gestart</h1>
<div class="entry-meta"><span class="posted-on"><time class="updated" datetime="2022-01-05T10:00:00+01:00"
itemprop="dateModified">5 januari 2022</time><time class="entry-date published" datetime="2021-07-29T09:30:00+02:00"
itemprop="datePublished">29 juli 2021</time></span></div></header>
<div class="entry-content" itemprop="text"><p>De gemeenten hebben de aanbesteding voor specialistische jeugdhulp
gepubliceerd. Aanbieders kunnen zich tot de sluitingsdatum inschrijven voor ambulante jeugdhulp en verblijf.</p>
</div></article></main></body></html>"""
    routes = {"/robots.txt": ROBOTS, "/inkoop-jeugdhulp-gestart/": ("text/html; charset=UTF-8", page.encode())}
    crawl_site(tmp_path, routes, None, cms="wordpress", living_pages=["inkoop-jeugdhulp-gestart/"])
    article = next(sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows)
    assert (article["published"], article["published_source"], article["modified"]) == (
        "2021-07-29T09:30", "stated", "2022-01-05T10:00")


def test_a_short_post_is_archived_without_its_title_and_dates_run_into_its_text(tmp_path):
    """Text without chrome (§2.4): a municipal news item of one short paragraph (under
    trafilatura's 250 characters of main text) came back as the article's whole text on one line,
    "Inkoop jeugdhulp gestart 29 juli 202105 januari 2022 De gemeenten …": title and dates in the
    text, where neither the title nor the date line could be taken out."""
    body = ("De gemeenten hebben de aanbesteding voor specialistische jeugdhulp gepubliceerd. Aanbieders kunnen "
            "zich tot de sluitingsdatum inschrijven voor ambulante jeugdhulp en verblijf.")
    page = f"""<!doctype html><html lang="nl-NL"><head><meta charset="UTF-8"><title>Inkoop jeugdhulp gestart</title>
<meta name="tenderarchive-fixture" content="synthetic"></head><body><main><article class="post"><header class="entry-header">
<h1 class="entry-title">Inkoop jeugdhulp gestart</h1><div class="entry-meta"><span class="posted-on"><time
class="entry-date published" datetime="2021-07-29T09:30:00+02:00">29 juli 2021</time><time class="updated"
datetime="2022-01-05T10:00:00+01:00">05 januari 2022</time></span></div></header>
<div class="entry-content"><p>{body}</p></div></article></main></body></html>"""
    routes = {"/robots.txt": ROBOTS, "/inkoop-jeugdhulp-gestart/": ("text/html; charset=UTF-8", page.encode())}
    crawl_site(tmp_path, routes, None, cms="wordpress", living_pages=["inkoop-jeugdhulp-gestart/"])
    article = next(sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows)
    assert (article["title"], article["published"]) == ("Inkoop jeugdhulp gestart", "2021-07-29T09:30")
    assert article["text"] == body


RELATED_BODY = ("<p>De gemeenten in de regio hebben de Europese aanbesteding voor specialistische jeugdhulp gegund "
                "aan twaalf aanbieders. De contracten gaan in per 1 januari 2022 en lopen vier jaar.</p>"
                "<p>Er kwamen 34 inschrijvingen binnen voor de percelen ambulante jeugdhulp en jeugdhulp met verblijf.</p>")
SYNTHETIC_HEAD = '<meta name="tenderarchive-fixture" content="synthetic">'


def drupal_node(title: str, day: str) -> tuple[str, bytes]:
    """A Drupal news node with its date in a labelled field and a "Meer nieuws" view under it."""
    return ("text/html; charset=utf-8", f"""<!doctype html><html lang="nl"><head><title>{title} | Gemeente Voorbeeld</title>
{SYNTHETIC_HEAD}</head><body><a href="#main-content" class="skip-link">Overslaan en naar de inhoud gaan</a>
<main role="main"><article class="node node--type-news node--view-mode-full"><h1 class="page-title">{title}</h1>
<div class="field field--name-field-publication-date"><div class="field__label">Publicatiedatum</div>
<div class="field__item">{day}</div></div><div class="field field--name-body">{RELATED_BODY}</div></article>
<div class="views-element-container"><h2>Meer nieuws</h2><div class="view-content">
<div class="views-row"><span class="date">02-02-2019</span> <a href="/nieuws/nieuwe-speeltuin">Nieuwe speeltuin geopend</a></div>
<div class="views-row"><span class="date">15-01-2019</span> <a href="/nieuws/wegwerkzaamheden">Wegwerkzaamheden Dorpsstraat</a></div>
</div></div></main></body></html>""".encode())


def broadcaster_article(title: str, published: str) -> tuple[str, bytes]:
    """A regional broadcaster's article: dated only by its JSON-LD, with a "Net binnen" column of
    timed headlines before it and a "Lees ook:" link in its text."""
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
                     "datePublished": published})
    return ("text/html; charset=utf-8", f"""<!doctype html><html lang="nl"><head><title>{title} - Omroep Voorbeeld</title>
{SYNTHETIC_HEAD}<meta property="og:type" content="article"><script type="application/ld+json">{ld}</script></head><body>
<header class="site-header"><nav><a href="/">Nieuws</a> <a href="/sport">Sport</a></nav></header>
<div class="column-left"><h3>Net binnen</h3><ul><li><time datetime="2023-05-01T08:00:00+02:00">08:00</time>
<a href="/nieuws/123/brand-in-schuur">Brand in schuur</a></li><li><time datetime="2023-04-30T21:10:00+02:00">21:10</time>
<a href="/nieuws/122/verkeersongeluk">Verkeersongeluk A9</a></li></ul></div>
<main><article><h1>{title}</h1><p class="intro">ZUID-KENNEMERLAND/IJMOND - De gemeenten kiezen voor een nieuwe manier
van samenwerken met aanbieders van jeugdhulp.</p>{RELATED_BODY}
<p>Lees ook: <a href="/nieuws/100/eerder-over-jeugdhulp">Eerder over de inkoop van jeugdhulp</a></p></article></main>
</body></html>""".encode())


@pytest.mark.parametrize("shape", ["drupal", "broadcaster"])
def test_a_related_news_list_neither_dates_the_page_nor_runs_into_its_text(tmp_path, shape):
    """§2.4 boilerplate and §2.3 dates: a page's "Meer nieuws" view (Drupal), a broadcaster's "Net
    binnen" column of timed headlines before the article and a "Lees ook:" link in it list other
    pages: their dates are not the page's date and their titles are not its text. The Drupal node
    was dated by the first related item (``span.date``, 2019) with its own "Publicatiedatum" left
    in the text; the broadcaster's article by the first headline's ``<time>`` (2023) instead of its
    JSON-LD ``datePublished``, with "Lees ook: …" in the text."""
    if shape == "drupal":
        routes = {"/robots.txt": ROBOTS,
                  "/nieuws": ("text/html; charset=utf-8", (
                      f"<html><head>{SYNTHETIC_HEAD}</head><body><a class='search-result' href='/nieuws/kort-geding-jeugdhulp'>"
                      "<h3 class='search-result__title'>Kort geding jeugdhulp</h3></a><a class='search-result' "
                      "href='/nieuws/verlenging-jeugdhulp'><h3>Verlenging</h3></a></body></html>").encode()),
                  "/nieuws/kort-geding-jeugdhulp": drupal_node("Kort geding jeugdhulp", "14-10-2021"),
                  "/nieuws/verlenging-jeugdhulp": drupal_node("Verlenging contracten jeugdhulp", "1-2-2022")}
        site = {"cms": "drupal", "discovery": {"listing": {"urls": ["nieuws"]}}, "allow": ["^/nieuws/[a-z]"]}
        expected = {"Kort geding jeugdhulp": ("2021-10-14", "stated"),
                    "Verlenging contracten jeugdhulp": ("2022-02-01", "stated")}
    else:
        def sitemap(base):
            return ("application/xml", ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/'
                    f'schemas/sitemap/0.9"><url><loc>{base}nieuws/309876/regio-kiest-inkoop-jeugdhulp</loc></url>'
                    '</urlset>').encode())
        routes = {"/robots.txt": lambda base: ("text/plain", f"User-agent: *\nSitemap: {base}sitemap-news.xml\n".encode()),
                  "/sitemap-news.xml": sitemap,
                  "/nieuws/309876/regio-kiest-inkoop-jeugdhulp": broadcaster_article(
                      "Regio kiest nieuwe inkoop jeugdhulp", "2022-03-10T14:32:00+01:00")}
        site = {"discovery": {"robots_sitemaps": True}, "allow": [r"^/nieuws/\d+/"]}
        expected = {"Regio kiest nieuwe inkoop jeugdhulp": ("2022-03-10T14:32", "meta")}
    crawl_site(tmp_path, routes, None, **site)
    db = sqlite_utils.Database(tmp_path / "archive.db")
    articles = {r["title"]: r for r in db["articles"].rows}
    assert {t: (a["published"], a["published_source"]) for t, a in articles.items()} == expected
    for article in articles.values():
        assert "aan twaalf aanbieders" in article["text"]
        for chrome in ("Meer nieuws", "speeltuin", "Wegwerkzaamheden", "Publicatiedatum", "Net binnen", "Brand in schuur",
                       "Lees ook", "Eerder over"):
            assert chrome not in article["text"], (chrome, article["text"])


def typo3_news(title: str, day: str, shown: str, teaser: str) -> tuple[str, bytes]:
    """A TYPO3 EXT:news detail page as its default template writes it: the teaser
    (``itemprop="description"``) beside the ``itemprop="articleBody"`` text, a related-news list."""
    return ("text/html; charset=utf-8", f"""<!doctype html><html lang="nl"><head><title>{title}: Gemeente Voorbeeld</title>
{SYNTHETIC_HEAD}</head><body><nav class="breadcrumb"><a href="/">Home</a> &gt; <a href="/nieuws">Nieuws</a></nav>
<div class="news news-single"><div class="article" itemscope="itemscope" itemtype="http://schema.org/Article">
<div class="header"><h1 itemprop="headline">{title}</h1></div><div class="footer"><p><span class="news-list-date">
<time itemprop="datePublished" datetime="{day}">{shown}</time></span></p></div>
<div class="teaser-text" itemprop="description"><p>{teaser}</p></div>
<div class="news-text-wrap" itemprop="articleBody">{RELATED_BODY}</div>
<div class="news-related news-related-news"><h4>Gerelateerde berichten</h4><ul><li><span class="news-related-news-date">
12.05.2019</span><a href="/nieuws/detail/news/oud-bericht">Oud bericht</a></li></ul></div>
<div class="news-backlink-wrap"><a href="/nieuws">Terug</a></div></div></div></body></html>""".encode())


def test_a_typo3_news_article_keeps_its_teaser_beside_the_article_body(tmp_path):
    """§2.1 TYPO3 (``/sitemap.xml`` named in robots.txt, EXT:news detail URLs): EXT:news writes
    the article's teaser outside ``itemprop="articleBody"``, and trafilatura reads the articleBody
    alone, so every TYPO3 article was archived without its opening paragraph (§2.1's generic
    scraper reads the summary from ``.intro, .summary, .lead``)."""
    teaser = "De gemeente Voorbeeld start de inkoop van jeugdhulp voor 2023 samen met de regio."

    def sitemap(base):
        return ("text/xml; charset=utf-8", ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/'
                f'schemas/sitemap/0.9"><url><loc>{base}nieuws/detail/news/inkoop-jeugdhulp-2023</loc>'
                '<lastmod>2022-06-14</lastmod></url></urlset>').encode())
    routes = {"/robots.txt": lambda base: ("text/plain", f"User-agent: *\nDisallow: /typo3/\nSitemap: {base}sitemap.xml\n".encode()),
              "/sitemap.xml": sitemap,
              "/nieuws/detail/news/inkoop-jeugdhulp-2023": typo3_news("Inkoop jeugdhulp 2023", "2022-06-14", "14.06.2022", teaser)}
    crawl_site(tmp_path, routes, None, cms="typo3", discovery={"robots_sitemaps": True}, allow=["^/nieuws/detail/"])
    article, = sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows
    assert (article["title"], article["published"], article["published_source"]) == (
        "Inkoop jeugdhulp 2023", "2022-06-14", "stated")
    assert article["text"].startswith(teaser + "\n") and "aan twaalf aanbieders" in article["text"]
    assert "Oud bericht" not in article["text"] and "Terug" not in article["text"]


def joomla_listing(items: list[tuple[str, str]], start: int, total: int) -> tuple[str, bytes]:
    """A Joomla blog listing of a local news site: numbered ``?start=N`` links (N the first item)
    and a "Volgende" link, as Joomla's pagination writes them."""
    rows = "".join(f'<div class="item"><h2><a href="{u}">{t}</a></h2></div>' for u, t in items)
    pages = "".join(f'<li><a title="{n // 10 + 1}" href="/index.php/nieuws?start={n}" class="pagenav">{n // 10 + 1}</a></li>'
                    for n in range(0, total, 10) if n != start)
    more = (f'<li class="pagination-next"><a title="Volgende" href="/index.php/nieuws?start={start + 10}" '
            'class="pagenav">Volgende</a></li>') if start + 10 < total else ""
    return ("text/html; charset=utf-8", (f"<!doctype html><html lang='nl-nl'><head>{SYNTHETIC_HEAD}</head><body>"
            f"<div class='blog'>{rows}</div><div class='pagination'><ul>{pages}{more}</ul></div></body></html>").encode())


def test_a_joomla_listing_paged_by_start_offsets_is_read_to_its_end(tmp_path):
    """news-sites.md §5 voorschoten.online (``/index.php/107-groenlinks/8363-….html``): a Joomla local news
    site pages its blog listing with ``?start=10``, the first item of the page, not a page number.
    Without a ``next`` selector only the first ten items were found."""
    items = [(f"/index.php/107-nieuws/{8360 + i}-jeugdzorg-bericht-{i}.html", f"Jeugdzorg bericht {i}") for i in range(12)]
    log: list[str] = []
    routes = {"/robots.txt": ("text/plain", b"User-agent: *\nDisallow: /administrator/\n"),
              "/index.php/nieuws": joomla_listing(items[:10], 0, 12),
              "/index.php/nieuws?start=0": joomla_listing(items[:10], 0, 12),
              "/index.php/nieuws?start=10": joomla_listing(items[10:], 10, 12)}
    for url, title in items:
        routes[url] = ("text/html; charset=utf-8", ARTICLE.format(title=title, extra="").encode())
    crawl_site(tmp_path, routes, log, discovery={"listing": {"urls": ["index.php/nieuws"], "max_pages": 5}},
               allow=[r"^/index\.php/\d+-[^/]+/\d+-"])
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert sorted(r["title"] for r in db["articles"].rows) == sorted(t for _, t in items)
    assert next(db.query("select status, error_count from crawls")) == {"status": "complete", "error_count": 0}


def test_a_living_page_is_not_dated_by_the_date_heading_of_its_newest_update(tmp_path):
    """news-sites.md §1 [S2]: heerlen.nl's project page has no date ("none (living page; newest event
    2 juli 2018)") and §2.2: living pages are versioned by crawl time. Its updates stand under date
    headings, the newest first, just under the title, where a news item has its date line: the
    page was archived as published on its first heading's day, a new date at every update."""
    version = {"n": 1}

    def page(base):
        newest = ("<h2>2 juli 2018</h2><p>Op 2 juli 2018 heeft het college de opdracht definitief gegund aan vijf "
                  "aanbieders.</p>") if version["n"] > 1 else ""
        return ("text/html; charset=utf-8", f"""<!doctype html><html lang="nl"><head><title>Inkoop jeugdhulp</title>
{SYNTHETIC_HEAD}</head><body><main><h1>Proces aanbesteding inkoop jeugdhulp Heerlen, Landgraaf en Voerendaal</h1>{newest}
<h2>12 juni 2018</h2><p>De gemeenten Heerlen, Landgraaf en Voerendaal hebben de aanbesteding voor de inkoop van
jeugdhulp gepubliceerd op TenderNed. De deadline om in te schrijven is 6 juli a.s.</p></main></body></html>""".encode())

    routes = {"/robots.txt": ROBOTS, "/inkoopjeugdhulp.html": page}
    with serve(routes) as base:
        path = registry(tmp_path, base_url=base, living_pages=["inkoopjeugdhulp.html"])
        first = crawl_news(path, tmp_path / "archive.db")
        version["n"] = 2
        second = crawl_news(path, tmp_path / "archive.db")
    assert first.returncode == 0 and second.returncode == 0, second.stderr[-2000:]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    article, = db["articles"].rows
    assert (article["published"], article["published_source"], article["page_type"]) == (None, None, "project_page")
    assert "definitief gegund" in article["text"] and "2 juli 2018" in article["text"]
    assert [r["items_updated"] for r in db.query("select items_updated from crawls order by crawl_id")] == [0, 1]
    assert db["versions"].count == 1


def test_a_listings_menu_breadcrumb_cookie_and_footer_links_are_not_archived_as_news(tmp_path):
    """§2.4: navigation, a cookie banner and the footer are every page's chrome. A listing crawled
    without an ``allow`` rule archived the pages its menu, breadcrumb, cookie banner and footer link
    to ("Inwoner", "Contact", "Privacyverklaring", the cookie page) as the site's news."""
    log: list[str] = []
    chrome = {"/inwoner": "Inwoner", "/contact": "Contact", "/privacy": "Privacyverklaring", "/cookies": "Cookies",
              "/bestuur": "Bestuur en organisatie", "/toegankelijkheid": "Toegankelijkheid"}
    listing = (f"<!doctype html><html lang='nl'><head>{SYNTHETIC_HEAD}</head><body>"
               "<div id='cookie-consent'><p>Deze site gebruikt cookies.</p><a href='/cookies'>Meer weten...</a></div>"
               "<header><a href='/'>Gemeente Voorbeeld</a><nav aria-label='Hoofdnavigatie'><a href='/inwoner'>Inwoner</a>"
               "<a href='/bestuur'>Bestuur en organisatie</a></nav></header>"
               "<div class='breadcrumb'><a href='/'>Home</a> <a href='/inwoner'>Inwoner</a> Nieuws</div>"
               "<main><h1>Nieuws</h1><ul><li><a href='/nieuws/gunning-jeugdhulp'>Gunning jeugdhulp</a></li>"
               "<li><a href='/nieuws/inkoop-jeugdhulp'>Inkoop jeugdhulp</a></li></ul></main>"
               "<footer><a href='/contact'>Contact</a> <a href='/privacy'>Privacyverklaring</a>"
               "<div role='navigation'><a href='/toegankelijkheid'>Toegankelijkheid</a></div></footer></body></html>")
    routes = {"/robots.txt": ROBOTS, "/nieuws": ("text/html; charset=utf-8", listing.encode()),
              "/nieuws/gunning-jeugdhulp": ("text/html; charset=utf-8", ARTICLE.format(title="Gunning jeugdhulp", extra="").encode()),
              "/nieuws/inkoop-jeugdhulp": ("text/html; charset=utf-8", ARTICLE.format(title="Inkoop jeugdhulp", extra="").encode())}
    for path, title in chrome.items():
        routes[path] = ("text/html; charset=utf-8", ARTICLE.format(title=title, extra="").encode())
    crawl_site(tmp_path, routes, log, discovery={"listing": {"urls": ["nieuws"]}})
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert sorted(r["title"] for r in db["articles"].rows) == ["Gunning jeugdhulp", "Inkoop jeugdhulp"]
    assert not set(chrome) & set(log)


def typo3_listing(items: list[tuple[str, str]], page: int, pages: int) -> tuple[str, bytes]:
    """A TYPO3 EXT:news list view without route enhancers: its pager links carry
    ``tx_news_pi1[currentPage]=N`` and a ``cHash`` that differs per page."""
    rows = "".join(f'<div class="article articletype-0"><h3><a href="{u}">{t}</a></h3></div>' for u, t in items)
    pager = "".join(f'<li><a href="/nieuws?tx_news_pi1%5BcurrentPage%5D={n}&amp;cHash={n * 7919:x}a1">{n}</a></li>'
                    for n in range(1, pages + 1) if n != page)
    return ("text/html; charset=utf-8", (f"<!doctype html><html lang='nl'><head>{SYNTHETIC_HEAD}</head><body>"
            f"<div class='news'><div class='news-list-view'>{rows}</div><ul class='f3-widget-paginator'>{pager}</ul>"
            "</div></body></html>").encode())


def test_a_typo3_news_list_paged_with_chash_signed_links_is_read_to_its_end(tmp_path):
    """§2.1 TYPO3 (EXT:news): a list view's pager links are ``?tx_news_pi1[currentPage]=N&cHash=…``,
    two parameters that change from page to page; only the first page was read."""
    items = [(f"/nieuws/detail/news/jeugdhulp-bericht-{i}", f"Jeugdhulp bericht {i}") for i in range(6)]
    routes = {"/robots.txt": ROBOTS}
    for page in (1, 2, 3):
        listing = typo3_listing(items[(page - 1) * 2:page * 2], page, 3)
        routes[f"/nieuws?tx_news_pi1%5BcurrentPage%5D={page}&cHash={page * 7919:x}a1"] = listing
        if page == 1:
            routes["/nieuws"] = listing
    for url, title in items:
        routes[url] = ("text/html; charset=utf-8", ARTICLE.format(title=title, extra="").encode())
    crawl_site(tmp_path, routes, None, cms="typo3", discovery={"listing": {"urls": ["nieuws"], "max_pages": 5}},
               allow=["^/nieuws/detail/"])
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert sorted(r["title"] for r in db["articles"].rows) == sorted(t for _, t in items)
    assert next(db.query("select status, error_count from crawls")) == {"status": "complete", "error_count": 0}
