"""News listings paged by number (docs/reference/news-sites.md §2.1): iprox's ``?pager_page=N``
(from 1, with a link to page 1 that is the listing itself), Drupal's ``?page=N`` (from 0),
WordPress's ``/page/N/`` and a Dutch ``/pagina-N`` in the path, with no "next" link, crawled over a loopback server of SYNTHETIC pages
into a real archive, bounded by ``max_pages``."""

from __future__ import annotations

import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import sqlite_utils
import yaml

from spiders.news import json_listing, load_more_links, pager_links
from tests.spiders.test_news import crawl_news

PAGES = 4  # every listing has four pages; max_pages is 3

ARTICLE = """<!doctype html><html lang="nl"><head><title>{title}</title>
<!-- SYNTHETIC tenderarchive test page -->
<meta property="article:published_time" content="2024-0{month}-1{day}"></head>
<body><header><nav><a href="/">Home</a></nav></header><main><article><h1>{title}</h1>
<p>De gemeente Voorbeeldstad heeft de aanbesteding voor specialistische jeugdhulp gepubliceerd.
Aanbieders kunnen zich tot de sluitingsdatum inschrijven voor de percelen ambulante hulp en verblijf.</p>
<p>Het college verwacht de opdracht in het najaar te gunnen. Wethouder Jansen zegt dat de continuiteit
van zorg voor kinderen en gezinnen voorop staat bij deze inkoop van jeugdhulp.</p>
<p>Dit bericht ({slug}) is een synthetische testpagina van tenderarchive.</p></article></main></body></html>"""


def listing(site: str, number: int, links: list[str]) -> str:
    items = "".join(f'<li><a href="{href}">Bericht {href.rsplit("/", 1)[-1]}</a></li>' for href in links)
    return (f"<!doctype html><html><head><title>Nieuws {site} pagina {number}</title></head><body>"
            f"<!-- SYNTHETIC tenderarchive test listing --><ul class='results'>{items}</ul>"
            f"<nav class='pager'>{pager(site)}</nav></body></html>")


def pager(site: str) -> str:
    if site == "iprox":
        return "".join(f'<a href="/nieuws?pager_page={n}" data-page="{n}">{n}</a>' for n in range(1, PAGES + 1))
    if site == "drupal":
        return "".join(f'<a href="/actueel?page={n}">{n + 1}</a>' for n in range(0, PAGES))
    if site == "pagina":
        return "".join(f'<a href="/nieuwsoverzicht/pagina-{n}">{n}</a>' for n in range(1, PAGES + 1))
    return "".join(f'<a href="/blog/page/{n}/">{n}</a>' for n in range(2, PAGES + 1))


def articles_of(site: str, number: int) -> list[str]:
    prefix = {"iprox": "/nieuws/bericht", "drupal": "/actueel/bericht", "wordpress": "/blog/bericht",
              "pagina": "/artikel/bericht"}[site]
    return [f"{prefix}-{number}-{i}" for i in (1, 2)]


def page_number(site: str, path: str, query: dict) -> int | None:
    """The listing page a request asks for, in the site's own numbering (None: not a listing)."""
    if site == "iprox" and path == "/nieuws":
        return int(query.get("pager_page", ["1"])[0])
    if site == "drupal" and path == "/actueel":
        return int(query.get("page", ["0"])[0]) + 1
    if site == "wordpress" and (path.rstrip("/") == "/blog" or path.startswith("/blog/page/")):
        return int(path.rstrip("/").rsplit("/", 1)[-1]) if "/page/" in path else 1
    if site == "pagina" and (path == "/nieuwsoverzicht" or path.startswith("/nieuwsoverzicht/pagina-")):
        return int(path.rsplit("-", 1)[-1]) if "/pagina-" in path else 1
    return None


def handler(site: str, log: list[str]):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            parts = urllib.parse.urlsplit(self.path)
            log.append(self.path)
            number = page_number(site, parts.path, urllib.parse.parse_qs(parts.query))
            if parts.path == "/robots.txt":
                body, status = b"User-agent: *\nAllow: /\n", 200
            elif number is not None:
                body, status = listing(site, number, articles_of(site, number)).encode(), 200
            elif "/bericht-" in parts.path:
                slug = parts.path.rsplit("/", 1)[-1]
                n, i = slug.split("-")[1:3]
                body = ARTICLE.format(title=f"Aanbesteding jeugdhulp {site} {slug}", month=n, day=i, slug=slug).encode()
                status = 200
            else:
                body, status = b"not found", 404
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    return Handler


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("listing")
    servers, logs, sites = [], {}, []
    listing_urls = {"iprox": "nieuws", "drupal": "actueel", "wordpress": "blog/", "pagina": "nieuwsoverzicht"}
    allow = {"iprox": "^/nieuws/bericht", "drupal": "^/actueel/bericht", "wordpress": "^/blog/bericht",
             "pagina": "^/artikel/bericht"}
    try:
        for site in ("iprox", "drupal", "wordpress", "pagina"):
            logs[site] = []
            server = ThreadingHTTPServer(("127.0.0.1", 0), handler(site, logs[site]))
            threading.Thread(target=server.serve_forever, daemon=True).start()
            servers.append(server)
            sites.append({"name": site, "title": f"{site} (synthetic)", "base_url": f"http://127.0.0.1:{server.server_address[1]}/",
                          "municipalities": ["Leiden"], "discovery": {"listing": {"urls": [listing_urls[site]], "max_pages": 3}},
                          "allow": [allow[site]], "politeness": {"download_delay": 0, "concurrency": 4}})
        registry = tmp / "sources.yaml"
        registry.write_text(yaml.safe_dump({"version": 1, "sites": sites}), encoding="utf-8")
        completed = crawl_news(registry, tmp / "archive.db")
    finally:
        for server in servers:
            server.shutdown()
    return completed, sqlite_utils.Database(tmp / "archive.db"), logs


@pytest.mark.parametrize("site", ["iprox", "drupal", "wordpress", "pagina"])
def test_a_numbered_listing_is_read_to_max_pages_and_no_further(crawled, site):
    completed, db, logs = crawled
    assert completed.returncode == 0, completed.stderr[-3000:]
    archived = {urllib.parse.urlsplit(r["url"]).path for r in db["articles"].rows if r["site"] == site}
    assert archived == {path for n in (1, 2, 3) for path in articles_of(site, n)}
    asked = {n for path in logs[site] if (n := page_number(site, *_split(path))) is not None}
    assert asked == {1, 2, 3}  # the fourth page is never asked for
    assert not any(r["url"].split("?")[0].endswith(("/nieuws", "/actueel", "/blog", "/nieuwsoverzicht"))
                   or "/pagina-" in r["url"] for r in db["articles"].rows)


def _split(path: str):
    parts = urllib.parse.urlsplit(path)
    return parts.path, urllib.parse.parse_qs(parts.query)


def test_pager_links_are_the_listing_with_a_page_number_only():
    from scrapy.http import HtmlResponse

    body = ('<a href="/nieuws?pager_page=3">3</a><a href="/nieuws?pager_page=2&amp;x=1">x</a>'
            '<a href="/nieuws?sort=asc">sort</a><a href="/nieuws/item?page=2">item</a>'
            '<a href="https://elders.example/nieuws?pager_page=2">elders</a><a href="/nieuws?pager_page=2#top">2</a>'
            '<a href="/nieuws?pager_page=twee">?</a>')
    response = HtmlResponse("http://127.0.0.1/nieuws", body=body.encode(), encoding="utf-8")
    assert pager_links(response, "http://127.0.0.1/nieuws") == [
        "http://127.0.0.1/nieuws?pager_page=2", "http://127.0.0.1/nieuws?pager_page=3"]
    filtered = HtmlResponse("http://127.0.0.1/zoek?type=nieuws",
                            body=b'<a href="/zoek?type=nieuws&page=1">2</a><a href="/zoek?type=raad&page=1">r</a>')
    assert pager_links(filtered, "http://127.0.0.1/zoek?type=nieuws") == ["http://127.0.0.1/zoek?type=nieuws&page=1"]


def test_pager_links_read_a_page_number_in_the_path():
    """Dutch path pagers (``…/pagina/2``, ``…/pagina-3``) as WordPress's ``…/page/2/``; the same
    path with another query, or another path, is no page of the listing."""
    from scrapy.http import HtmlResponse

    body = (b'<!-- SYNTHETIC --><a href="/nieuws/pagina-3">3</a><a href="/nieuws/pagina/2/">2</a>'
            b'<a href="/nieuws/Pagina-4">4</a><a href="/nieuws/pagina-2?sort=datum">s</a>'
            b'<a href="/nieuws/paginas-5">x</a><a href="/nieuws/bericht/pagina-2">y</a>')
    response = HtmlResponse("http://127.0.0.1/nieuws", body=body, encoding="utf-8")
    assert pager_links(response, "http://127.0.0.1/nieuws") == [
        "http://127.0.0.1/nieuws/pagina/2/", "http://127.0.0.1/nieuws/pagina-3", "http://127.0.0.1/nieuws/Pagina-4"]


def test_pager_links_read_a_bare_page_number_in_the_path_only_in_a_pager():
    """A bare ``…/2`` is a page of the listing in a link shaped as a pager's; under an entry's title it is the entry
    (``/nieuws/4821``), and a four-digit number (``/nieuws/2024``, a year's archive) is never a page number."""
    from scrapy.http import HtmlResponse

    body = (b'<!-- SYNTHETIC --><h2><a href="/nieuws/4821">Aanbesteding jeugdhulp</a></h2>'
            b'<h2><a href="/nieuws/7">Inkoop jeugdhulp gestart</a></h2><a href="/nieuws/2024">2024</a>'
            b'<nav class="pagination"><a href="/nieuws/3">3</a><a href="/nieuws/2">Volgende</a></nav>')
    response = HtmlResponse("http://127.0.0.1/nieuws", body=body, encoding="utf-8")
    assert pager_links(response, "http://127.0.0.1/nieuws") == ["http://127.0.0.1/nieuws/2", "http://127.0.0.1/nieuws/3"]


def test_pager_links_ignore_empty_parameters():
    """Drupal Search API (news-sites.md §2.1): page links carry the empty exposed filters."""
    from scrapy.http import HtmlResponse

    body = (b'<!-- SYNTHETIC --><a href="?search_api_fulltext=&amp;page=1">2</a>'
            b'<a href="?search_api_fulltext=jeugd&amp;page=2">q</a>')
    response = HtmlResponse("http://127.0.0.1/woo", body=body, encoding="utf-8")
    assert pager_links(response, "http://127.0.0.1/woo") == ["http://127.0.0.1/woo?search_api_fulltext=&page=1"]


def test_pager_links_by_p_read_a_pagers_words_beside_its_arrows():
    """``?p=N`` is a page number only in links shaped as a pager's (``pager_shaped``): a pager standing in an
    element not named so (``<p class='nav'>``) whose links read "Volgende »", "« Vorige", "Pagina 3", "Laatste ›"
    (a word with the arrow beside it, or a page's name and number: how pagers write them) was taken for entries,
    and the listing's further pages were never read. An entry's title to ``?p=123`` stays an entry. SYNTHETIC."""
    from scrapy.http import HtmlResponse

    body = ('<!-- SYNTHETIC --><ul><li><a href="/nieuws?p=123">Bericht over de inkoop van jeugdhulp</a></li></ul>'
            '<p class="nav"><a href="/nieuws?p=1">« Vorige</a> <a href="/nieuws?p=3">Pagina 3</a> '
            '<a href="/nieuws?p=2">Volgende&nbsp;»</a> <a href="/nieuws?p=9">Laatste ›</a> '
            '<a href="/nieuws?p=4">Ga naar pagina 4</a></p>')
    response = HtmlResponse("http://127.0.0.1/nieuws?p=1", body=body.encode(), encoding="utf-8")
    assert pager_links(response, "http://127.0.0.1/nieuws?p=1") == [
        "http://127.0.0.1/nieuws?p=2", "http://127.0.0.1/nieuws?p=3", "http://127.0.0.1/nieuws?p=4",
        "http://127.0.0.1/nieuws?p=9"]


def test_load_more_links_read_a_meer_laden_controls_endpoint_not_a_link_to_the_overview():
    """A listing's "Meer laden" control names the endpoint its script asks, in a button's ``data-url`` or a link's
    ``href``, by its words or its class; "Meer nieuws" (a link to the overview), a "#" and another host are none.
    SYNTHETIC."""
    from scrapy.http import HtmlResponse

    body = (b'<!-- SYNTHETIC --><a href="/nieuws/overzicht">Meer nieuws</a><a class="load-more" href="#">Meer laden</a>'
            b'<button class="btn" data-url="/nieuws/ajax?pagina=2">Meer laden</button>'
            b'<div class="js-loadmore" data-href="https://elders.example/meer?p=2"></div>'
            b'<a class="btn" href="/nieuws/lijst?offset=10">Laad meer nieuws</a><a href="/nieuws/bericht">Bericht</a>')
    response = HtmlResponse("http://127.0.0.1/nieuws", body=body, encoding="utf-8")
    assert load_more_links(response, "http://127.0.0.1/nieuws") == [
        "http://127.0.0.1/nieuws/ajax?pagina=2", "http://127.0.0.1/nieuws/lijst?offset=10"]


def test_a_json_listing_page_reads_as_its_rows_items_and_next_endpoint():
    """A "meer laden" endpoint's JSON is read as the page its script builds: rendered rows (PHP's escaped ``\\/``),
    items' addresses with their titles (not the links inside an item's text, nor an API's own ``_links``), and the
    next endpoint it names, or its own address with the next page number (or offset) while it says more follow.
    An answer that is no JSON is left as it is. SYNTHETIC."""
    from scrapy.http import HtmlResponse, TextResponse

    def listing(url: str, data: str):
        page = json_listing(TextResponse(url, body=data.encode(), headers={"Content-Type": "application/json"}))
        return page.xpath("//main//a/@href").getall(), page.xpath("//link[@rel='next']/@href").getall()

    rows = '{"html": "<li><a href=\\"\\/nieuws\\/a\\">A<\\/a><\\/li>", "next": "\\/nieuws\\/ajax?pagina=3"}'
    assert listing("http://127.0.0.1/nieuws/ajax?pagina=2", rows) == (["/nieuws/a"], ["/nieuws/ajax?pagina=3"])
    items = ('{"items": [{"title": {"rendered": "B"}, "link": "/nieuws/b", "content": "<a href=\\"/elders\\">x</a>",'
             ' "_links": {"self": [{"href": "/wp-json/x"}]}}], "hasMore": true}')
    assert listing("http://127.0.0.1/nieuws/ajax?pagina=2", items) == (
        ["/nieuws/b"], ["http://127.0.0.1/nieuws/ajax?pagina=3"])
    assert listing("http://127.0.0.1/nieuws/ajax?offset=10", items)[1] == ["http://127.0.0.1/nieuws/ajax?offset=11"]
    assert listing("http://127.0.0.1/nieuws/ajax?pagina=4", '{"items": [], "hasMore": false}') == ([], [])
    cards = ('{"html": "' + "".join(f'<li><a href=\\"/nieuws/{k}\\"><img src=\\"/{k}.jpg\\"></a>'
                                    f'<a href=\\"/nieuws/{k}\\">{k}</a></li>' for k in range(3)) + '", "has_more": true}')
    assert listing("http://127.0.0.1/nieuws/ajax?offset=3", cards)[1] == ["http://127.0.0.1/nieuws/ajax?offset=6"]
    html = HtmlResponse("http://127.0.0.1/nieuws", body=b"<!-- SYNTHETIC --><a href='/nieuws/c'>C</a>")
    deep = TextResponse("http://127.0.0.1/nieuws", body=b"[" * 100_000, headers={"Content-Type": "application/json"})
    assert json_listing(html) is html and json_listing(deep) is deep
