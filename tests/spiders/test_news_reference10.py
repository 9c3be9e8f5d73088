"""The news spider, tenth pass against docs/reference/news-sites.md as an evaluator would test it:
loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news), crawled with ``tenderarchive
crawl news`` into a real archive, and rebuilt with ``tenderarchive reparse``."""

from __future__ import annotations

import pytest
import sqlite_utils

from tests import forkcli
from tests.conftest import ROOT
from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, redirecting, registry
from tests.spiders.test_news_reference8 import TEXT, iprox_item
from tests.spiders.test_news_reference9 import dated_item


def texts_of(db_path, base) -> dict:
    db = sqlite_utils.Database(db_path)
    return {r["url"].removeprefix(base): r["text"] for r in db["articles"].rows}


def test_a_crawl_with_its_own_revisit_and_recheck_settings_is_replayed_with_them(tmp_path):
    """§2.1/§2.2 listings: a crawl run with ``-s NEWS_REVISIT_HOURS=0`` (and ``NEWS_LIVING_RECHECK_HOURS=0``,
    as the demo's recorder runs) revisited a listed item and re-checked a living page its previous crawl had
    fetched minutes before, archiving both pages' corrections. Its replay ran with the default schedule (24 and
    20 hours), so it asked neither: the rebuilt archive lost both corrections (the old texts back, no versions).
    The settings that choose which pages a news crawl asks are recorded in its WARC file and replayed."""
    from tests.spiders.test_news_reference6 import listing_of
    from tests.spiders.test_news_reference8 import days_ago

    changed = TEXT.replace("vier jaar", "drie jaar met een optie op verlenging")
    routes = {"/robots.txt": ROBOTS, "/nieuws": listing_of("/nieuws/gunning"),
              "/nieuws/gunning": dated_item("Gunning jeugdhulp", days_ago(2)),
              "/inkoop-jeugdhulp": dated_item("Inkoop jeugdhulp", "2021-10-14")}
    db_path = tmp_path / "archive.db"
    server, base = redirecting(routes, {})
    schedule = ["-s", "NEWS_REVISIT_HOURS=0", "-s", "NEWS_LIVING_RECHECK_HOURS=0"]
    try:
        path = registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}}, allow=["^/nieuws/"],
                        living_pages=["inkoop-jeugdhulp"])
        crawls = [crawl_news(path, db_path, *schedule)]
        routes["/nieuws/gunning"] = dated_item("Gunning jeugdhulp", days_ago(2), changed)
        routes["/inkoop-jeugdhulp"] = dated_item("Inkoop jeugdhulp", "2021-10-14", changed)
        crawls.append(crawl_news(path, db_path, *schedule))
    finally:
        server.shutdown()
    assert [c.returncode for c in crawls] == [0, 0], crawls[-1].stderr[-3000:]
    crawled = texts_of(db_path, base)
    assert sorted(crawled) == ["inkoop-jeugdhulp", "nieuws/gunning"]
    assert all("optie op verlenging" in text for text in crawled.values())
    rebuilt = forkcli.run(["reparse", "--db", str(db_path)], cwd=ROOT, timeout=300)
    assert rebuilt.returncode == 0, rebuilt.stderr[-3000:]
    assert texts_of(db_path, base) == crawled
    assert sqlite_utils.Database(db_path).execute("select count(*) from versions").fetchone()[0] == 2
    # `crawl --replay` of the second crawl onto the archive of the first repeats it with its settings too
    from tenderarchive.rawstore import warc_files

    first, second = sorted(warc_files(tmp_path / "warc"))[:2]
    (tmp_path / "again").mkdir()
    again = tmp_path / "again" / "archive.db"
    assert forkcli.run(["crawl", "news", "--sources", path, "--db", str(again), "--replay", str(first)],
                       cwd=ROOT, timeout=240).returncode == 0
    replayed = forkcli.run(["crawl", "news", "--sources", path, "--db", str(again), "--replay", str(second)],
                           cwd=ROOT, timeout=240)
    assert replayed.returncode == 0, replayed.stderr[-3000:]
    assert texts_of(again, base) == crawled


def moved_stub(target: str, head_chars: int) -> tuple[str, bytes]:
    """A SYNTHETIC "page moved" answer in a CMS template: a ``<head>`` of ``head_chars`` characters of inline
    style (a theme's, a cookie plugin's) before its ``<meta http-equiv="refresh">`` to ``target``."""
    style = "<style>" + ("/* thema */ .site-header{color:#123456} " * 200)
    head = "<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'>" \
           "<meta charset='utf-8'><title>Pagina verplaatst - Gemeente Voorbeeld</title>"
    style = style[:max(0, head_chars - len(head) - len("</style>"))] + "</style>"
    return ("text/html; charset=utf-8", (
        f"{head}{style}<meta http-equiv='refresh' content='0; url={target}'></head><body><main>"
        "<h1>Pagina verplaatst</h1><p>Deze pagina is verplaatst naar een nieuw adres op onze website. U wordt"
        " automatisch doorgestuurd naar het bericht over de voorlopige gunning van de jeugdhulp in de regio."
        "</p></main></body></html>").encode())


def test_a_moved_items_refresh_after_a_long_head_is_followed(tmp_path):
    """§2.1 CMS families and their templates: a moved item's old address answers a "Pagina verplaatst" page with a
    ``<meta http-equiv="refresh">`` after a theme's inline styles. Scrapy reads a refresh in the first 4,096
    characters only: one further on was not followed (the stub archived as the item, the item never asked), and
    one that the 4,096th character cut through was followed with its address cut short (a 404: the item lost).
    A refresh anywhere in the page's ``<head>`` is read whole, in the crawl and in its replay."""
    from tests.spiders.test_news_reference6 import listing_of

    target = "/nieuws/voorlopige-gunning-specialistische-jeugdhulp-regio-voorbeeld"
    routes = {"/robots.txt": ROBOTS, "/nieuws": listing_of("/nieuws/oud-1", "/nieuws/oud-2"),
              "/nieuws/oud-1": moved_stub(target + "-1", 9000),
              # the refresh tag's address crosses the 4,096th character
              "/nieuws/oud-2": moved_stub(target + "-2", 4096 - len("<meta http-equiv='refresh' content='0; url=/")),
              target + "-1": iprox_item("Voorlopige gunning jeugdhulp"),
              target + "-2": iprox_item("Voorlopige gunning jeugdhulp Zuid", TEXT.replace("drie", "vier"))}
    log: list[str] = []
    db_path = tmp_path / "archive.db"
    server, base = redirecting(routes, {}, log)
    try:
        path = registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}}, allow=["^/nieuws/"])
        crawls = [crawl_news(path, db_path)]
    finally:
        server.shutdown()
    assert [c.returncode for c in crawls] == [0], crawls[-1].stderr[-3000:]
    expected = {target.lstrip("/") + "-1": "Voorlopige gunning jeugdhulp",
                target.lstrip("/") + "-2": "Voorlopige gunning jeugdhulp Zuid"}
    titles = lambda: {r["url"].removeprefix(base): r["title"]  # noqa: E731
                      for r in sqlite_utils.Database(db_path)["articles"].rows}
    assert titles() == expected
    assert sorted(p for p in log if p.startswith(target)) == [target + "-1", target + "-2"]
    db = sqlite_utils.Database(db_path)
    assert db.execute("select errors from crawls").fetchone()[0] == "[]"
    rebuilt = forkcli.run(["reparse", "--db", str(db_path)], cwd=ROOT, timeout=300)
    assert rebuilt.returncode == 0, rebuilt.stderr[-3000:]
    assert titles() == expected


#: A SYNTHETIC 200 answer of a CMS for any item it no longer has (a soft 404): the same bytes at every address.
NOT_FOUND = ("text/html; charset=utf-8", (
    "<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'>"
    "<title>Pagina niet gevonden - Gemeente Voorbeeld</title></head><body><main><h1>Pagina niet gevonden</h1>"
    "<p>De pagina die u zoekt bestaat niet (meer). Misschien is de pagina verplaatst of verwijderd. Gebruik de"
    " zoekfunctie of ga naar de homepage van de gemeente.</p></main></body></html>").encode())
#: A SYNTHETIC consent page that a site answers at every address before consent (news-sites.md §2.4 cookie modal).
CONSENT = ("text/html; charset=utf-8", (
    "<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'>"
    "<title>Wij vragen uw toestemming</title></head><body><main><h1>Wij vragen uw toestemming</h1>"
    "<p>Wij en onze partners gebruiken cookies om de website goed te laten werken.</p>"
    "<p>Door op Akkoord te klikken gaat u hiermee akkoord.</p><button>Akkoord</button></main></body></html>").encode())


def test_a_soft_404_or_cookie_wall_answered_with_the_same_bytes_at_several_addresses_counts_each(tmp_path):
    """§2.4 and the reference's soft 404s: a CMS answers every removed item with one and the same 200 "Pagina niet
    gevonden" page, and a site before consent its cookie wall at every address. The second address of the same
    bytes was taken for the first page's copy ("archived once, under" a page never archived): not counted gone,
    and a cookie wall was an error of the first address only, the other pages it hid lost without a word. Each
    address is read as its first one: a soft 404 is gone (``news/gone``, no error), a cookie wall an error."""
    from tests.spiders.test_news_reference6 import listing_of

    routes = {"/robots.txt": ROBOTS,
              "/nieuws": listing_of("/nieuws/weg-1", "/nieuws/weg-2", "/nieuws/weg-3", "/nieuws/gunning"),
              "/nieuws/weg-1": NOT_FOUND, "/nieuws/weg-2": NOT_FOUND, "/nieuws/weg-3": NOT_FOUND,
              "/nieuws/gunning": iprox_item("Voorlopige gunning jeugdhulp")}
    db_path = tmp_path / "archive.db"
    server, base = redirecting(routes, {})
    try:
        path = registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}}, allow=["^/nieuws/"])
        crawls = [crawl_news(path, db_path)]
        routes.update({"/nieuws/weg-1": CONSENT, "/nieuws/weg-2": CONSENT, "/nieuws/weg-3": CONSENT})
        (tmp_path / "walled").mkdir()
        crawls.append(crawl_news(path, tmp_path / "walled" / "archive.db"))
    finally:
        server.shutdown()
    assert crawls[0].returncode == 0, crawls[0].stderr[-3000:]
    assert "'news/gone': 3" in crawls[0].stderr and "news/duplicate_page" not in crawls[0].stderr
    db = sqlite_utils.Database(db_path)
    assert [r["url"].removeprefix(base) for r in db["articles"].rows] == ["nieuws/gunning"]
    assert db.execute("select status, errors from crawls").fetchone() == ("complete", "[]")
    import json

    walled = sqlite_utils.Database(tmp_path / "walled" / "archive.db")
    status, errors = walled.execute("select status, errors from crawls").fetchone()
    assert status == "partial"
    assert sorted(e["url"].removeprefix(base) for e in json.loads(errors)) == \
        ["nieuws/weg-1", "nieuws/weg-2", "nieuws/weg-3"]


def test_an_item_redirected_to_a_cookie_wall_is_an_error_asked_again(tmp_path):
    """§2.4's cookie modal as a redirect: a regional news site (news-sites.md §3.1 cites destentor.nl) sends a
    reader without consent from the article to its publisher's consent page on another host,
    ``/consent?callbackUrl=<the article>``; a municipality's consent plugin to ``/cookie-instellingen?returnUrl=…``
    on its own host, outside the news rules. Either was taken for a withdrawn item sent elsewhere (a soft 404): not
    archived and no error, so a crawl that met the wall at every item was complete with nothing, and an item that
    left the listing before the wall lifted was never asked again. A redirect to a page that names the page asked
    (its callback) or is a consent page is an error of the page, which the next crawl asks again."""
    from urllib.parse import quote

    from tests.spiders.test_news_reference6 import listing_of

    routes = {"/robots.txt": ROBOTS, "/nieuws": listing_of("/nieuws/gunning", "/nieuws/inkoop", "/nieuws/weg"),
              "/cookie-instellingen": CONSENT, "/home": iprox_item("Welkom bij de gemeente Voorbeeld")}
    redirects: dict = {}
    db_path = tmp_path / "archive.db"
    server, base = redirecting(routes, redirects)
    publisher: dict = {}  # the publisher's consent host: another server
    consent_server, other_host = redirecting(publisher, {})
    publisher[f"/consent?siteKey=voorbeeld&callbackUrl={quote(base + 'nieuws/gunning', safe='')}"] = CONSENT
    redirects["/nieuws/gunning"] = f"{other_host}consent?siteKey=voorbeeld&callbackUrl=" \
                                   f"{quote(base + 'nieuws/gunning', safe='')}"
    redirects["/nieuws/inkoop"] = f"{base}cookie-instellingen?returnUrl=%2Fnieuws%2Finkoop"
    routes["/cookie-instellingen?returnUrl=%2Fnieuws%2Finkoop"] = CONSENT
    redirects["/nieuws/weg"] = base  # a withdrawn item sent to the home page: a soft 404, no error
    try:
        path = registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}}, allow=["^/nieuws/"])
        crawls = [crawl_news(path, db_path)]
        routes["/nieuws"] = listing_of()  # the items leave the listing; the wall lifts
        routes["/nieuws/gunning"] = iprox_item("Voorlopige gunning jeugdhulp")
        routes["/nieuws/inkoop"] = iprox_item("Inkoop jeugdhulp gestart", TEXT.replace("drie", "vier"))
        del redirects["/nieuws/gunning"], redirects["/nieuws/inkoop"]
        crawls.append(crawl_news(path, db_path))
    finally:
        server.shutdown()
        consent_server.shutdown()
    import json

    db = sqlite_utils.Database(db_path)
    first_status, first_errors = db.execute("select status, errors from crawls where crawl_id = 1").fetchone()
    assert first_status == "failed" and crawls[0].returncode != 0
    assert sorted(e["url"].removeprefix(base) for e in json.loads(first_errors)) == ["nieuws/gunning", "nieuws/inkoop"]
    assert all("cookie wall" in e["error"] for e in json.loads(first_errors))
    assert crawls[1].returncode == 0, crawls[1].stderr[-3000:]
    assert sorted(r["url"].removeprefix(base) for r in db["articles"].rows) == ["nieuws/gunning", "nieuws/inkoop"]


def test_a_gzipped_sitemap_index_of_gzipped_sitemaps_and_a_feed_naming_the_same_items_otherwise(tmp_path):
    """§2.1 TYPO3/Drupal/WordPress discovery combined: robots.txt names a gzipped sitemap index
    (``sitemap_index.xml.gz``, ``application/x-gzip`` without ``Content-Encoding``) whose sitemaps are gzipped too,
    and the site's RSS feed names the same items on the site's ``www.`` host with a feed's tracking parameters
    (news-sites.md §2.2: jeugdhulpmvs.nl answers on both). Every item is asked once and archived once, dated by
    its feed item when the page states no date."""
    import gzip

    def packed(xml: str) -> tuple[str, bytes]:
        return ("application/x-gzip", gzip.compress(xml.encode()))

    def index(base):
        return packed('<?xml version="1.0"?><!-- SYNTHETIC --><sitemapindex '
                      'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                      f"<sitemap><loc>{base}sitemap-nieuws-1.xml.gz</loc></sitemap>"
                      f"<sitemap><loc>{base}sitemap-nieuws-2.xml.gz</loc></sitemap></sitemapindex>")

    def urlset(*paths):
        return lambda base: packed('<?xml version="1.0"?><!-- SYNTHETIC --><urlset '
                                   'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                                   + "".join(f"<url><loc>{base}{p}</loc></url>" for p in paths) + "</urlset>")

    def feed(base):
        www = base.replace("//localhost", "//www.localhost")
        items = "".join(f"<item><title>{p}</title><link>{www}{p}?utm_source=rss&amp;utm_medium=rss</link>"
                        "<pubDate>do, 14 okt 2021 10:05:00 +0200</pubDate></item>"
                        for p in ("nieuws/gunning", "nieuws/inkoop", "nieuws/bezwaar"))
        return ("application/rss+xml", ('<?xml version="1.0"?><!-- SYNTHETIC --><rss version="2.0"><channel>'
                                        f"<title>Nieuws</title>{items}</channel></rss>").encode())

    undated = ("text/html; charset=utf-8", iprox_item("Bezwaar jeugdhulp")[1].replace(
        b"<div class='iprox-content iprox-date date'>14 oktober 2021</div>", b""))
    routes = {"/robots.txt": ("text/plain", b"User-agent: *\nAllow: /\nSitemap: /sitemap_index.xml.gz\n"),
              "/sitemap_index.xml.gz": index, "/sitemap-nieuws-1.xml.gz": urlset("nieuws/gunning", "nieuws/inkoop"),
              "/sitemap-nieuws-2.xml.gz": urlset("nieuws/bezwaar"), "/feed/": feed,
              "/nieuws/gunning": iprox_item("Voorlopige gunning jeugdhulp"),
              "/nieuws/inkoop": iprox_item("Inkoop jeugdhulp", TEXT.replace("drie", "vier")),
              "/nieuws/bezwaar": undated}
    log: list[str] = []
    db_path = tmp_path / "archive.db"
    server, base = redirecting(routes, {}, log)
    try:
        path = registry(tmp_path, base_url=base, discovery={"robots_sitemaps": True, "feeds": ["feed/"]},
                        allow=["^/nieuws/"])
        crawls = [crawl_news(path, db_path)]
    finally:
        server.shutdown()
    assert crawls[0].returncode == 0, crawls[0].stderr[-3000:]
    assert sorted(p for p in log if p.startswith("/nieuws/")) == ["/nieuws/bezwaar", "/nieuws/gunning", "/nieuws/inkoop"]
    rows = {r["url"].removeprefix(base): (r["published"] or "")[:10]
            for r in sqlite_utils.Database(db_path).query("select url, published from articles")}
    assert rows == {"nieuws/gunning": "2021-10-14", "nieuws/inkoop": "2021-10-14", "nieuws/bezwaar": "2021-10-14"}


@pytest.mark.parametrize("listing", ["?cat=5", ""])
def test_a_wordpress_listing_with_plain_permalinks_is_read_through_its_paged_pager(tmp_path, listing):
    """§2.1 WordPress: a site on WordPress's plain permalinks pages a category archive as ``/?cat=5&paged=2``
    (``paged``, WordPress's page-number query variable; its posts are ``/?p=123``) and its theme's pager writes no
    ``rel="next"``. Only the first page was read: ``paged`` was no page-number parameter. And on a listing at the
    site's root (``/``, ``/?paged=2``) each post's ``/?p=123`` was taken for page 123 of the listing: no post
    was archived. On a WordPress site ``p`` is a post, not a page number."""
    def page(posts, pager):
        items = "".join(f"<article><h2><a href='/?p={n}'>Bericht {n}</a></h2></article>" for n in posts)
        links = "".join(f"<a class='page-numbers' href='/?{listing + '&amp;' if listing else ''}paged={n}'>{n}</a>"
                        for n in pager)
        return ("text/html; charset=utf-8", ("<!doctype html><html><head><meta name='tenderarchive-fixture' "
                                             f"content='synthetic'></head><body><main>{items}"
                                             f"<nav class='pagination'>{links}</nav></main></body></html>").encode())

    root = f"/?{listing}" if listing else "/"
    more = f"/?{listing}&paged=" if listing else "/?paged="
    routes = {"/robots.txt": ROBOTS, root: page([101, 102], [2, 3]), more + "2": page([103], [1, 3]),
              more + "3": page([104], [1, 2]),
              **{f"/?p={n}": iprox_item(f"Bericht {n} over jeugdhulp", TEXT.replace("drie", str(n))) for n in
                 (101, 102, 103, 104)}}
    db_path = tmp_path / "archive.db"
    server, base = redirecting(routes, {})
    try:
        path = registry(tmp_path, base_url=base, cms="wordpress",
                        discovery={"listing": {"urls": [base + root.lstrip("/")], "max_pages": 5}}, allow=[r"^/\?p=\d+$"])
        crawls = [crawl_news(path, db_path)]
    finally:
        server.shutdown()
    assert crawls[0].returncode == 0, crawls[0].stderr[-3000:]
    assert sorted(r["url"].removeprefix(base) for r in sqlite_utils.Database(db_path)["articles"].rows) == \
        ["?p=101", "?p=102", "?p=103", "?p=104"]


def test_a_window_keeps_the_items_of_its_first_and_last_dutch_day_to_the_second(tmp_path):
    """§2.3 dates and ``--from-date``/``--until-date`` at their edges: a WordPress feed writes every ``pubDate`` in
    UTC. The items of the window's first and last Dutch days, to their first and last second (``22:00:00 +0000``
    the evening before is 00:00 in Amsterdam in October), are fetched and archived, dated so; a second before or
    after is out, never fetched."""
    stamps = {"voor": "Thu, 14 Oct 2021 21:59:59 +0000", "eerste": "Thu, 14 Oct 2021 22:00:00 +0000",
              "laatste": "Sat, 16 Oct 2021 21:59:59 +0000", "na": "Sat, 16 Oct 2021 22:00:00 +0000"}

    def feed(base):
        items = "".join(f"<item><title>{name}</title><link>{base}nieuws/{name}</link><pubDate>{stamp}</pubDate></item>"
                        for name, stamp in stamps.items())
        return ("application/rss+xml", ('<?xml version="1.0"?><!-- SYNTHETIC --><rss version="2.0"><channel>'
                                        f"<title>Nieuws</title>{items}</channel></rss>").encode())

    def undated(title):
        return ("text/html; charset=utf-8", iprox_item(title)[1].replace(
            b"<div class='iprox-content iprox-date date'>14 oktober 2021</div>", b""))

    routes = {"/robots.txt": ROBOTS, "/feed/": feed,
              **{f"/nieuws/{name}": undated(f"Bericht {name} jeugdhulp") for name in stamps}}
    log: list[str] = []
    db_path = tmp_path / "archive.db"
    server, base = redirecting(routes, {}, log)
    try:
        path = registry(tmp_path, base_url=base, discovery={"feeds": ["feed/"]}, allow=["^/nieuws/"])
        crawls = [crawl_news(path, db_path, "--from-date", "2021-10-15", "--until-date", "2021-10-16")]
    finally:
        server.shutdown()
    assert crawls[0].returncode == 0, crawls[0].stderr[-3000:]
    assert sorted(p for p in log if p.startswith("/nieuws/")) == ["/nieuws/eerste", "/nieuws/laatste"]
    rows = {r["url"].removeprefix(base): r["published"][:10]
            for r in sqlite_utils.Database(db_path).query("select url, published from articles")}
    assert rows == {"nieuws/eerste": "2021-10-15", "nieuws/laatste": "2021-10-16"}


def gunning_site():
    """A site whose sitemap lists one archived item, "/nieuws/gunning", with its ``lastmod``, served: its routes
    (to change), its server and its address."""
    from tests.spiders.test_news_reference9 import sitemap_of

    routes = {"/robots.txt": ROBOTS, "/sitemap.xml": sitemap_of("/nieuws/gunning", lastmod="2021-10-14T10:00:00+02:00"),
              "/nieuws/gunning": iprox_item("Voorlopige gunning jeugdhulp")}
    server, base = redirecting(routes, {})
    return routes, server, base


def test_a_changed_page_fetched_by_a_killed_crawl_is_archived_by_the_rerun(tmp_path):
    """§2.1 sitemaps' ``lastmod`` and a killed crawl then a rerun: a page changed since it was archived (its
    ``lastmod`` moved) was fetched by a crawl killed before its items were written, its fetch row committed. The
    rerun took that fetch for the page's last fetch, later than its ``lastmod``: the page was "unchanged since",
    never asked again, and its change was never archived. A fetch of a crawl that did not finish (killed, or still
    marked running) is no fetch the archive holds the page from."""
    import os
    import signal
    import subprocess
    import sys
    import time
    from datetime import datetime, timezone

    from tests.conftest import FAST
    from tests.spiders.test_news_reference9 import sitemap_of

    changed = TEXT.replace("vier jaar", "drie jaar met een optie op verlenging")

    import threading

    released = threading.Event()

    def slow(base):  # answers once the crawl is killed (at most two minutes: every loop bounded)
        released.wait(120)
        return iprox_item("Bezwaar jeugdhulp", TEXT.replace("drie", "twee"))

    routes, server, base = gunning_site()
    db_path = tmp_path / "archive.db"
    try:
        path = registry(tmp_path, base_url=base, discovery={"sitemaps": ["sitemap.xml"]}, allow=["^/nieuws/"])
        assert crawl_news(path, db_path).returncode == 0
        time.sleep(1.5)  # the change comes a second or more after the first fetch
        moved = datetime.now(timezone.utc).isoformat(timespec="seconds")  # a second after the fetch's, at least
        routes["/sitemap.xml"] = sitemap_of("/nieuws/bezwaar", "/nieuws/gunning", lastmod=moved)
        routes["/nieuws/gunning"] = iprox_item("Voorlopige gunning jeugdhulp", changed)
        routes["/nieuws/bezwaar"] = slow  # keeps the second crawl running until it is killed
        command = [sys.executable, "-m", "tenderarchive.cli", "crawl", "news", "--sources", path, "--db", str(db_path),
                   *FAST, "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=4",  # both pages asked at once, in either order
                   "-s", "FETCHES_BATCH_ROWS=1", "-s", "ARCHIVE_BATCH_ITEMS=100000",
                   "-s", "ARCHIVE_BATCH_SECONDS=100000"]  # the fetch row commits, the item does not
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 110
        fetched = lambda: sqlite_utils.Database(db_path).execute(  # noqa: E731
            "select count(*) from fetches where crawl_id = 2 and url like '%/nieuws/gunning'").fetchone()[0]
        while time.monotonic() < deadline and not fetched() and process.poll() is None:
            time.sleep(0.2)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
        released.set()
        assert fetched() == 1
        assert "optie op verlenging" not in texts_of(db_path, base)["nieuws/gunning"]  # killed before it was written
        routes["/nieuws/bezwaar"] = iprox_item("Bezwaar jeugdhulp", TEXT.replace("drie", "twee"))
        rerun = crawl_news(path, db_path)
    finally:
        server.shutdown()
    assert rerun.returncode == 0, rerun.stderr[-3000:]
    assert "optie op verlenging" in texts_of(db_path, base)["nieuws/gunning"]


#: A SYNTHETIC maintenance page a CMS answers with status 200 while it is down.
MAINTENANCE = ("text/html; charset=utf-8", (
    "<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'>"
    "<title>Website tijdelijk niet beschikbaar - Gemeente Voorbeeld</title></head><body><main>"
    "<h1>Website tijdelijk niet beschikbaar</h1><p>Wij zijn bezig met onderhoud aan onze website. Probeer het later"
    " nog eens. Excuses voor het ongemak.</p></main></body></html>").encode())


def test_a_maintenance_page_answered_with_200_is_no_version_of_a_living_page(tmp_path):
    """The reference's living pages (§1 [S2], houten.nl) re-checked while the CMS answers every address with its
    maintenance page, status 200 ("Website tijdelijk niet beschikbaar", "Er is iets misgegaan"): the page's
    archived title and text were replaced by the maintenance notice (a version, the relevance gone), as a soft 404
    was before it was recognised. Such an answer is not archived over the page; it is an error of the crawl, and a
    news item that answered it is asked again by the next crawl, also when its listing no longer names it."""
    from tests.spiders.test_news_reference6 import listing_of

    routes = {"/robots.txt": ROBOTS, "/inkoop-jeugdhulp": iprox_item("Inkoop jeugdhulp"), "/nieuws": listing_of()}
    db_path = tmp_path / "archive.db"
    server, base = redirecting(routes, {})
    try:
        path = registry(tmp_path, base_url=base, living_pages=["inkoop-jeugdhulp"],
                        discovery={"listing": {"urls": ["nieuws"]}}, allow=["^/nieuws/"])
        crawls = [crawl_news(path, db_path)]
        routes.update({"/inkoop-jeugdhulp": MAINTENANCE, "/nieuws": listing_of("/nieuws/gunning"),
                       "/nieuws/gunning": MAINTENANCE})
        crawls.append(crawl_news(path, db_path, "-s", "NEWS_LIVING_RECHECK_HOURS=0"))
        db = sqlite_utils.Database(db_path)
        assert [r["title"] for r in db["articles"].rows] == ["Inkoop jeugdhulp"]
        assert db.execute("select count(*) from versions").fetchone()[0] == 0
        status, errors = db.execute("select status, errors from crawls where crawl_id = 2").fetchone()
        assert status in ("partial", "failed") and errors.count("niet beschikbaar") == 2
        routes.update({"/inkoop-jeugdhulp": iprox_item("Inkoop jeugdhulp"), "/nieuws": listing_of(),
                       "/nieuws/gunning": iprox_item("Voorlopige gunning jeugdhulp", TEXT.replace("drie", "vier"))})
        crawls.append(crawl_news(path, db_path))
    finally:
        server.shutdown()
    assert [c.returncode for c in crawls][::2] == [0, 0], crawls[-1].stderr[-3000:]
    assert sorted(r["title"] for r in sqlite_utils.Database(db_path)["articles"].rows) == \
        ["Inkoop jeugdhulp", "Voorlopige gunning jeugdhulp"]


def test_a_changed_page_that_answered_a_maintenance_page_is_asked_again(tmp_path):
    """§2.1 sitemaps' ``lastmod``: an archived page's ``lastmod`` moves (it changed) while the site answers its
    maintenance page with status 200. That answer, refused as the page, was taken for the page's last fetch, later
    than its ``lastmod``: the next crawls skipped the page as unchanged since, and its change was never archived."""
    import time
    from datetime import datetime, timezone

    from tests.spiders.test_news_reference9 import sitemap_of

    changed = TEXT.replace("vier jaar", "drie jaar met een optie op verlenging")
    routes, server, base = gunning_site()
    db_path = tmp_path / "archive.db"
    try:
        path = registry(tmp_path, base_url=base, discovery={"sitemaps": ["sitemap.xml"]}, allow=["^/nieuws/"])
        crawls = [crawl_news(path, db_path)]
        time.sleep(1.5)
        moved = datetime.now(timezone.utc).isoformat(timespec="seconds")  # a second after the fetch's, at least
        routes["/sitemap.xml"] = sitemap_of("/nieuws/gunning", lastmod=moved)
        routes["/nieuws/gunning"] = MAINTENANCE
        crawls.append(crawl_news(path, db_path))
        routes["/nieuws/gunning"] = iprox_item("Voorlopige gunning jeugdhulp", changed)
        crawls.append(crawl_news(path, db_path))
    finally:
        server.shutdown()
    assert [c.returncode for c in crawls][::2] == [0, 0], crawls[-1].stderr[-3000:]
    for n, c in enumerate(crawls):
        (tmp_path / f"crawl{n}.log").write_text(c.stderr)
    assert "optie op verlenging" in texts_of(db_path, base)["nieuws/gunning"], (moved, str(tmp_path))


def test_an_item_moved_to_an_address_that_names_consent_among_its_words_met_no_cookie_wall():
    """An item moved to a new address outside the news rules whose slug names consent or cookies among its words
    ("/jeugd/informed-consent-in-de-jeugdzorg", "/toestemming-voor-gegevensdeling-jeugdhulp") was taken for a
    redirect to a cookie wall: an error of every crawl (each one partial) that asked it again, where a move
    elsewhere is logged and no error. A consent page's address is the word and at most one other ("/consent",
    "/cookie-instellingen"), or a consent host; a page naming the address asked to come back to is a gate too."""
    from spiders.news import gate_redirect

    asked = ["https://gemeente.example/nieuws/informed-consent"]
    for moved in ("https://gemeente.example/jeugd/informed-consent-in-de-jeugdzorg",
                  "https://gemeente.example/toestemming-voor-gegevensdeling-jeugdhulp",
                  "https://gemeente.example/cookies-en-jeugdhulp-wat-verandert-er/"):
        assert not gate_redirect(asked, moved), moved
    for gate in ("https://gemeente.example/cookie-instellingen", "https://gemeente.example/consent",
                 "https://gemeente.example/privacy/cookies/", "https://myprivacy.publisher.example/nl/",
                 "https://gemeente.example/login?returnUrl=%2Fnieuws%2Finformed-consent"):
        assert gate_redirect(asked, gate), gate
