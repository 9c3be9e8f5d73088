"""The news spider, sixth pass against docs/reference/news-sites.md as an evaluator would test it:
loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news), crawled with ``tenderarchive
crawl news`` into a real archive."""

from __future__ import annotations

import json

import sqlite_utils

from tests import forkcli
from tests.conftest import ROOT
from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ARTICLE, HOME, ROBOTS, redirecting, registry, serve
from tests.spiders.test_news_reference5 import asked_by_crawls, undated_page

HTML = "text/html; charset=utf-8"


def articles(slug: str, names: str) -> dict:
    """Routes of SYNTHETIC news items ``/nieuws/<slug>-a``, ``…-b``, … ("Inkoop jeugdhulp A", …)."""
    return {f"/nieuws/{slug}-{name}": (HTML, ARTICLE.format(title=f"Inkoop jeugdhulp {name.upper()}",
                                                           extra="De regio koopt in.").encode()) for name in names}


def listing_of(*hrefs: str) -> tuple[str, bytes]:
    items = "".join(f"<li><a href='{h}'>Bericht {i}</a></li>" for i, h in enumerate(hrefs))
    return (HTML, ("<!doctype html><html><head><meta name='tenderarchive-fixture' content='synthetic'></head>"
                   f"<body><main><ul>{items}</ul></main></body></html>").encode())


def paged_listing(links, previous=None, following=None) -> tuple[str, bytes]:
    """A SYNTHETIC listing page that names its neighbours only by ``rel``: ``<link rel="prev|next">`` and
    "Vorige"/"Volgende" links (``<a rel="prev">``, ``<a rel="next nofollow">``)."""
    items = "".join(f"<li><a href='{h}'>Bericht {h}</a></li>" for h in links)
    head = (f"<link rel='prev' href='{previous}'>" if previous else "") + \
           (f"<link rel='next' href='{following}'>" if following else "")
    back = f"<a class='vorige' rel='prev' href='{previous}'>Vorige</a>" if previous else ""
    more = f"<a class='volgende' rel='next nofollow' href='{following}'>Volgende</a>" if following else ""
    return (HTML, ("<!doctype html><html><head><meta name='tenderarchive-fixture' content='synthetic'>"
                   f"{head}</head><body><main><ul>{items}</ul>{back}{more}</main></body></html>").encode())


def assert_paged_listing_read(tmp_path, back: bool) -> None:
    """A listing of three pages (:func:`paged_listing`, ``back``: each links its previous page too) is
    read to its end once, page by page, and its four items (and nothing else) are archived."""
    log: list[str] = []
    routes = {"/robots.txt": ROBOTS,
              "/nieuws": paged_listing(["/nieuws/inkoop-a", "/nieuws/inkoop-b"], following="/nieuws/2"),
              "/nieuws/2": paged_listing(["/nieuws/inkoop-c"], previous="/nieuws" if back else None,
                                         following="/nieuws/3"),
              "/nieuws/3": paged_listing(["/nieuws/inkoop-d"], previous="/nieuws/2" if back else None)}
    routes.update(articles("inkoop", "abcd"))
    with serve(routes, log) as base:
        path = registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"], "max_pages": 5}},
                        allow=["^/nieuws/"])
        completed = crawl_news(path, tmp_path / "archive.db")
    assert completed.returncode == 0, completed.stderr[-3000:]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert sorted(r["url"] for r in db["articles"].rows) == [base + f"nieuws/inkoop-{n}" for n in "abcd"]
    assert log.count("/nieuws") == 1 and log.count("/nieuws/2") == 1 and log.count("/nieuws/3") == 1


#: A SYNTHETIC page that sends the browser on with ``<meta http-equiv="refresh">`` (an old address of a moved item).
REFRESH = (HTML, b"<!doctype html><html><head><meta name='tenderarchive-fixture' content='synthetic'><meta "
                 b"http-equiv='refresh' content='0; url=/nieuws/inkoop-jeugdzorg'></head><body></body></html>")


def test_a_listing_link_that_redirects_is_not_asked_again_once_its_page_is_archived(tmp_path):
    """A listing (news-sites.md §2.2 listing patterns) that links moved items by their old addresses:
    ``301`` to a relative ``Location``, a chain of two ``301`` (the second to a protocol-relative one), a
    page that refreshes (``<meta http-equiv="refresh">``). The
    pages they lead to were archived and not asked again, but every crawl asked each old address again
    (nothing kept where it leads). The raw store keeps the redirect with its ``Location``
    (``fetches.location``), and a later crawl knows the old address as it knows an archived page. A
    link that redirects to the home page (a withdrawn item: nothing archived) is still asked by the next
    crawl, as a page that failed is."""
    log: list[str] = []
    first = (HTML, ARTICLE.format(title="Inkoop jeugdzorg", extra="De regio koopt in.").encode())
    second = (HTML, ARTICLE.format(title="Gunning jeugdhulp", extra="De regio gunt twee percelen.").encode())
    routes = {"/robots.txt": ROBOTS, "/": HOME,
              "/nieuws": listing_of("/nieuws/inkoop-oud", "/nieuws/gunning-oud", "/nieuws/ingetrokken", "/nieuws/verwijzing"),
              "/nieuws/inkoop-jeugdzorg": first, "/nieuws/gunning-jeugdhulp": second, "/nieuws/verwijzing": REFRESH}
    redirects = {"/nieuws/inkoop-oud": "inkoop-jeugdzorg", "/nieuws/gunning-oud": "/nieuws/tussen",
                 "/nieuws/ingetrokken": "/"}
    server, base = redirecting(routes, redirects, log)
    redirects["/nieuws/tussen"] = base.removeprefix("http:") + "nieuws/gunning-jeugdhulp"  # //127.0.0.1:port/…
    try:
        path = registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}}, allow=["^/nieuws/"])
        asked = asked_by_crawls(path, tmp_path / "archive.db", log, 3)
    finally:
        server.shutdown()
    assert asked[0] == ["/nieuws/gunning-jeugdhulp", "/nieuws/gunning-oud", "/nieuws/ingetrokken",
                        "/nieuws/inkoop-jeugdzorg", "/nieuws/inkoop-oud", "/nieuws/tussen", "/nieuws/verwijzing"]
    assert asked[1:] == [["/nieuws/ingetrokken"], ["/nieuws/ingetrokken"]]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert sorted(r["url"] for r in db["articles"].rows) == [base + "nieuws/gunning-jeugdhulp",
                                                             base + "nieuws/inkoop-jeugdzorg"]
    assert {(r["url"], r["location"]) for r in db.query("select url, location from fetches where status = 301")} >= {
        (base + "nieuws/inkoop-oud", base + "nieuws/inkoop-jeugdzorg"),
        (base + "nieuws/tussen", base + "nieuws/gunning-jeugdhulp")}
    assert [r["location"] for r in db.query("select location from fetches where status = 200 and location is not null")] \
        == [base + "nieuws/inkoop-jeugdzorg"]  # the refreshing page's


def test_a_link_that_redirects_to_a_raw_utf8_location_is_not_asked_again(tmp_path):
    """As above, but the ``Location`` is raw UTF-8 (``/nieuws/café-jeugdzorg``, as some servers send it).
    The raw store read it as latin-1 (``cafÃ©``) while Scrapy followed ``caf%C3%A9``: the keys differed and
    every crawl asked the old address again. The Location is read as Scrapy reads it."""
    log: list[str] = []
    page = (HTML, ARTICLE.format(title="Café jeugdzorg", extra="De regio koopt in.").encode())
    routes = {"/robots.txt": ROBOTS, "/": HOME, "/nieuws": listing_of("/nieuws/cafe-oud"),
              "/nieuws/caf%C3%A9-jeugdzorg": page}
    # http.server writes a header as latin-1: these characters are the UTF-8 bytes of "café"
    redirects = {"/nieuws/cafe-oud": "/nieuws/café-jeugdzorg".encode().decode("latin-1")}
    server, base = redirecting(routes, redirects, log)
    try:
        path = registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}}, allow=["^/nieuws/"])
        asked = asked_by_crawls(path, tmp_path / "archive.db", log, 2)
    finally:
        server.shutdown()
    assert asked == [["/nieuws/caf%C3%A9-jeugdzorg", "/nieuws/cafe-oud"], []]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert [r["url"] for r in db["articles"].rows] == [base + "nieuws/caf%C3%A9-jeugdzorg"]
    assert [r["location"] for r in db.query("select location from fetches where status = 301")] == [
        base + "nieuws/caf%C3%A9-jeugdzorg"]


def test_a_page_reached_only_through_a_redirect_survives_a_reparse(tmp_path):
    """``reparse`` replays the WARC store. A news item that a listing links only by its old address
    (``301``) was archived by the crawl, but the store kept only the answer of the page it leads to,
    under the new address: the replay found nothing for the old one, the rebuild lost the article,
    and ``reparse`` refused it (exit 1). The redirect is in the store, and the replay follows it. So with
    an item reached through a page that refreshes (``<meta http-equiv="refresh">``) in a crawl of 2xx
    answers alone: replayed straight through the callbacks, the refreshing page was read as the item."""
    page = (HTML, ARTICLE.format(title="Inkoop jeugdzorg", extra="De regio koopt in.").encode())
    routes = {"/robots.txt": ROBOTS, "/nieuws": listing_of("/nieuws/inkoop-oud"), "/nieuws/inkoop-jeugdzorg": page,
              "/nieuws/verwijzing": (HTML, REFRESH[1].replace(b"inkoop-jeugdzorg", b"gunning-jeugdhulp")),
              "/archief": listing_of("/nieuws/verwijzing"),
              "/nieuws/gunning-jeugdhulp": (HTML, ARTICLE.format(title="Gunning jeugdhulp", extra="De regio gunt.").encode())}
    server, base = redirecting(routes, {"/nieuws/inkoop-oud": "/nieuws/inkoop-jeugdzorg"})
    try:
        path = registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}}, allow=["^/nieuws/"])
        completed = crawl_news(path, tmp_path / "archive.db")
        assert completed.returncode == 0, completed.stderr[-3000:]
        # a later crawl reaches a second moved item only through a page that refreshes: its WARC file holds
        # 2xx answers alone, which a replay fed straight to the callbacks (the refreshing page read as the item)
        path = registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["archief"]}}, allow=["^/nieuws/"])
        completed = crawl_news(path, tmp_path / "archive.db")
    finally:
        server.shutdown()
    assert completed.returncode == 0, completed.stderr[-3000:]
    before = [(r["url"], r["title"], r["sha256"]) for r in sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows]
    assert sorted((url, title) for url, title, _ in before) == [(base + "nieuws/gunning-jeugdhulp", "Gunning jeugdhulp"),
                                                                 (base + "nieuws/inkoop-jeugdzorg", "Inkoop jeugdzorg")]
    rebuilt = forkcli.run(["reparse", "--db", str(tmp_path / "archive.db")], cwd=ROOT, timeout=300)
    assert rebuilt.returncode == 0, rebuilt.stderr[-3000:]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert sorted((r["url"], r["title"], r["sha256"]) for r in db["articles"].rows) == sorted(before)
    assert db.execute("select count(*) from fetches where status = 301").fetchone()[0] == 1


def test_a_page_that_refreshes_after_a_long_non_ascii_head_survives_a_reparse(tmp_path):
    """As above: a refreshing page the crawl followed makes the direct replay hand over to the engine. The
    direct replay looked for the refresh in the page's first 4,096 *bytes*, Scrapy in its first 4,096
    *characters*: 3,000 "é" in the ``<title>`` before it (6,000 bytes of UTF-8) and the crawl followed the
    refresh, the replay read the refreshing page as the item and ``reparse`` refused a rebuild of 0
    articles (exit 1)."""
    refresh = (HTML, REFRESH[1].replace(b"<meta http-equiv", "<title>{}</title><meta http-equiv".format(
        "é" * 3000).encode()).replace(b"inkoop-jeugdzorg", b"gunning-jeugdhulp"))
    routes = {"/robots.txt": ROBOTS, "/archief": listing_of("/nieuws/verwijzing"), "/nieuws/verwijzing": refresh,
              "/nieuws/gunning-jeugdhulp": (HTML, ARTICLE.format(title="Gunning jeugdhulp", extra="De regio gunt.").encode())}
    with serve(routes) as base:
        path = registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["archief"]}}, allow=["^/nieuws/"])
        completed = crawl_news(path, tmp_path / "archive.db")
    assert completed.returncode == 0, completed.stderr[-3000:]
    before = [(r["url"], r["title"], r["sha256"]) for r in sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows]
    assert [(url, title) for url, title, _ in before] == [(base + "nieuws/gunning-jeugdhulp", "Gunning jeugdhulp")]
    rebuilt = forkcli.run(["reparse", "--db", str(tmp_path / "archive.db")], cwd=ROOT, timeout=300)
    assert rebuilt.returncode == 0, rebuilt.stderr[-3000:]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert [(r["url"], r["title"], r["sha256"]) for r in db["articles"].rows] == before


def dated_feed_crawl(tmp_path, dates: tuple[str, str, str, str]) -> list[tuple]:
    """A ``--from-date 2021-01-01`` crawl of a SYNTHETIC RSS feed whose four items (their pages state no
    date) carry the date elements ``dates`` (``<pubDate>…</pubDate>``, ``<dc:date>…</dc:date>``): two of
    2021, one of 2019 and one of 2018. The (title, published, published_source) archived, sorted; the two
    older items must not be asked."""
    log: list[str] = []
    slugs = ("gunning-jeugdhulp", "inkoop-jeugdhulp-2019", "contracten-jeugdhulp", "marktconsultatie-2018")

    def feed(base):
        items = "".join(f"<item><title>{slug}</title><link>{base}nieuws/{slug}</link>{when}</item>"
                        for slug, when in zip(slugs, dates, strict=True))
        return ("application/rss+xml; charset=UTF-8", (
            '<?xml version="1.0" encoding="UTF-8"?><!-- SYNTHETIC --><rss version="2.0" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Nieuws</title>'
            f"<link>{base}</link>{items}</channel></rss>").encode())

    titles = ("Voorlopige gunning jeugdhulp", "Inkoop jeugdhulp 2019", "Contracten jeugdhulp getekend",
              "Marktconsultatie jeugdhulp")
    routes = {"/robots.txt": ROBOTS, "/feed/": feed,
              **{f"/nieuws/{slug}": undated_page(title) for slug, title in zip(slugs, titles, strict=True)}}
    with serve(routes, log) as base:
        path = registry(tmp_path, base_url=base, discovery={"feeds": ["feed/"]}, allow=["^/nieuws/"])
        completed = crawl_news(path, tmp_path / "archive.db", "--from-date", "2021-01-01")
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert "/nieuws/inkoop-jeugdhulp-2019" not in log and "/nieuws/marktconsultatie-2018" not in log
    db = sqlite_utils.Database(tmp_path / "archive.db")
    return sorted((r["title"], r["published"], r["published_source"]) for r in db["articles"].rows)


def test_a_feed_whose_dates_are_written_in_dutch_dates_its_items_and_keeps_older_ones_out(tmp_path):
    """§2.1 feeds (RSS at ``/feed/``, built-in RSS2) and §2.3's date forms: a CMS that translates its feed
    writes ``pubDate`` in Dutch (``do, 14 okt 2021 10:05:00 +0200``) or as ``dd-mm-yyyy`` in ``dc:date``.
    Email's RFC 822 parser reads English names only, so such an item had no date: its page, stating none,
    was archived undated, and a ``--from-date`` crawl fetched items from years before. Dutch forms are
    read (with their offset), so the feed dates its items and filters them before fetching."""
    assert dated_feed_crawl(tmp_path, ("<pubDate>do, 14 okt 2021 10:05:00 +0200</pubDate>",
                                       "<pubDate>vr, 1 mrt 2019 09:00:00 +0100</pubDate>",
                                       "<dc:date>22-12-2021</dc:date>", "<dc:date>02-07-2018</dc:date>")) == [
        ("Contracten jeugdhulp getekend", "2021-12-22", "feed"),
        ("Voorlopige gunning jeugdhulp", "2021-10-14T10:05", "feed")]


def test_a_listing_page_its_pager_links_past_the_end_ends_the_listing_without_an_error(tmp_path):
    """§2.1 listings paged by ``?page=N`` (Drupal, zero-based) and ``pager_page``: a pager whose
    "last" link points one page past the end (answering ``404``) made every crawl of the site partial
    (exit 3) though nothing was missed. A later page of a listing that is not there ends the listing;
    the listing URL the registry names answering ``404`` is still an error. The listing's ``<base
    href>`` and protocol-relative links are read as the browser reads them."""
    log: list[str] = []

    def listing(links, pager):
        items = "".join(f"<li><a href='{h}'>{h}</a></li>" for h in links)
        pages = "".join(f"<a href='{h}'>{n}</a>" for n, h in pager)
        return lambda base: (HTML, (
            "<!doctype html><html><head><meta name='tenderarchive-fixture' content='synthetic'><base href='/nieuws/'>"
            f"</head><body><main><ul>{items.replace('//HOST/', base.removeprefix('http:'))}</ul>"
            f"<nav class='pager'>{pages}</nav></main></body></html>").encode())

    routes = {"/robots.txt": ROBOTS,
              "/nieuws/": listing(["artikel-a", "//HOST/nieuws/artikel-b"], [("2", "/nieuws/?page=1"), ("3", "/nieuws/?page=2")]),
              "/nieuws/?page=1": listing(["artikel-c"], [("1", "/nieuws/"), ("3", "/nieuws/?page=2")])}
    routes.update(articles("artikel", "abc"))
    with serve(routes, log) as base:
        path = registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws/"], "max_pages": 5}},
                        allow=["^/nieuws/."])
        ended = crawl_news(path, tmp_path / "archive.db")
        asked = list(log)
        path = registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["archief/"], "max_pages": 5}},
                        allow=["^/nieuws/."])
        gone = crawl_news(path, tmp_path / "archive.db")
    assert ended.returncode == 0, ended.stderr[-3000:]
    assert "/nieuws/?page=2" in asked
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert sorted(r["url"] for r in db["articles"].rows) == [base + f"nieuws/artikel-{n}" for n in "abc"]
    assert gone.returncode == 1  # nothing new and an error: failed
    # the registry's only address of the site gone: one error of the site, naming its entry (refnews24)
    assert [(c["status"], json.loads(c["errors"])) for c in db.query(
        "select status, errors from crawls order by crawl_id")] == [("complete", []), ("failed", [{"url": base, "error": (
            f"site 'voorbeeld' of the registry: every address its entry reads news from answered HTTP 404 ({base}archief/): "
            "nothing of its news was read; has the site moved or changed its addresses? Check its entry in sources.yaml")}])]


def test_a_listing_paged_only_by_rel_next_is_read_to_its_end(tmp_path):
    """§2.1: a listing is paged (``pager_page``, zero-based ``?page=``, WordPress's ``/page/N/``), but a
    site's route enhancer may number its pages in the path alone (``/nieuws/2``), which no numbered-pager
    rule reads; its pages say which comes next in ``<link rel="next">`` (WordPress with Yoast, Drupal's
    pager, TYPO3's EXT:seo) and an ``<a rel="next">`` "Volgende" link. Only the first page was read, and
    its "Volgende" link was fetched as an article (the site's ``^/nieuws/`` rule admits it). The listing is
    followed by ``rel="next"`` to its end, and its pages are not articles."""
    assert_paged_listing_read(tmp_path, back=False)


def test_a_listing_paged_by_rel_next_does_not_archive_its_earlier_pages_linked_by_rel_prev(tmp_path):
    """§2.1, as above, but the pages also link back: ``<link rel="prev">`` and an ``<a rel="prev">``
    "Vorige" link. Page 3's link to ``/nieuws/2`` (a page of the listing read before) was archived as
    an article and ``/nieuws/2`` fetched twice. A listing's previous pages are not articles."""
    assert_paged_listing_read(tmp_path, back=True)


def test_a_feed_in_windows_1252_declared_only_in_the_http_header_is_read(tmp_path):
    """§2.1 feeds, §2.4 mojibake (a wrong decode upstream): an older CMS serves its RSS in ``windows-1252``
    and says so only in ``Content-Type`` (no ``encoding`` in the XML declaration). Read as UTF-8 its first
    "ö" or "–" broke the parse: one "malformed feed" error, every item lost, on every crawl. Bytes that do
    not decode as the feed declares are read in the header's charset (RFC 7303)."""
    def feed(base):
        return ("application/rss+xml; charset=windows-1252", (
            '<?xml version="1.0"?><!-- SYNTHETIC --><rss version="2.0"><channel><title>Nieuws – Gemeente Voorbeeld'
            f"</title><link>{base}</link><item><title>Coördinatie jeugdhulp: ‘gegund’</title>"
            f"<link>{base}nieuws/coordinatie-jeugdhulp</link><pubDate>Thu, 14 Oct 2021 10:05:00 +0200</pubDate>"
            "</item></channel></rss>").encode("cp1252"))

    routes = {"/robots.txt": ROBOTS, "/feed/": feed,
              "/nieuws/coordinatie-jeugdhulp": undated_page("Coördinatie jeugdhulp gegund")}
    with serve(routes) as base:
        path = registry(tmp_path, base_url=base, discovery={"feeds": ["feed/"]}, allow=["^/nieuws/"])
        completed = crawl_news(path, tmp_path / "archive.db")
    assert completed.returncode == 0, completed.stderr[-3000:]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert [(r["title"], r["published"], r["published_source"]) for r in db["articles"].rows] == [
        ("Coördinatie jeugdhulp gegund", "2021-10-14T10:05", "feed")]


def test_a_sitemap_with_relative_and_protocol_relative_locs_is_read(tmp_path):
    """§2.1: "``/sitemap.xml``, or the ``Sitemap:`` line in ``robots.txt``". The protocol asks for absolute
    ``<loc>`` URLs, but a CMS plugin writes ``/nieuws/…`` or ``//host/nieuws/…`` (a sub-sitemap of its
    index too): each was a "malformed URL" error, the crawl partial and its pages never fetched. They are
    read against the sitemap's address, as a feed's relative links are; ``javascript:`` stays an error."""
    def index(base):
        return ("application/xml", ('<?xml version="1.0" encoding="UTF-8"?><!-- SYNTHETIC --><sitemapindex '
                                    'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>/post-sitemap.xml'
                                    "</loc></sitemap></sitemapindex>").encode())

    def posts(base):
        locs = ("/nieuws/inkoop-a", base.removeprefix("http:") + "nieuws/inkoop-b", f"{base}nieuws/inkoop-c")
        return ("application/xml", ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/'
                                    'schemas/sitemap/0.9">' + "".join(f"<url><loc>{loc}</loc></url>" for loc in locs)
                                    + "</urlset>").encode())

    routes = {"/robots.txt": lambda base: ("text/plain", f"User-agent: *\nSitemap: {base}sitemap.xml\n".encode()),
              "/sitemap.xml": index, "/post-sitemap.xml": posts}
    routes.update(articles("inkoop", "abc"))
    with serve(routes) as base:
        path = registry(tmp_path, base_url=base, discovery={"robots_sitemaps": True}, allow=["^/nieuws/"])
        completed = crawl_news(path, tmp_path / "archive.db")
    assert completed.returncode == 0, completed.stderr[-3000:]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert sorted(r["url"] for r in db["articles"].rows) == [base + f"nieuws/inkoop-{n}" for n in "abc"]
