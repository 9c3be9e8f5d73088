"""The news spider, nineteenth pass against docs/reference/news-sites.md as an evaluator would test it:
loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news), crawled with ``tenderarchive
crawl news`` into a real archive."""

from __future__ import annotations

import json
import time
from datetime import datetime, timezone

import sqlite_utils

from tests import forkcli
from tests.conftest import ROOT
from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, registry, serve
from tests.spiders.test_news_reference17 import undated_page

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def sitemap_index(children: dict[str, str]):
    """A SYNTHETIC sitemap index naming ``children`` ({path: lastmod, "" for none}), read afresh at each request."""
    def answer(base: str) -> tuple[str, bytes]:
        entries = "".join(f"<sitemap><loc>{base}{path[1:]}</loc>" + (f"<lastmod>{mod}</lastmod>" if mod else "")
                          + "</sitemap>" for path, mod in children.items())
        return ("application/xml", ("<?xml version='1.0' encoding='UTF-8'?><!-- SYNTHETIC --><sitemapindex "
                                    f"xmlns='{SITEMAP_NS}'>{entries}</sitemapindex>").encode())
    return answer


def urlset(pages: dict[str, str]):
    """A SYNTHETIC sitemap naming ``pages`` ({path: lastmod}), read afresh at each request."""
    def answer(base: str) -> tuple[str, bytes]:
        entries = "".join(f"<url><loc>{base}{path[1:]}</loc><lastmod>{mod}</lastmod></url>"
                          for path, mod in pages.items())
        return ("application/xml", ("<?xml version='1.0' encoding='UTF-8'?><!-- SYNTHETIC --><urlset "
                                    f"xmlns='{SITEMAP_NS}'>{entries}</urlset>").encode())
    return answer


def test_a_full_recrawl_asks_only_the_sitemaps_its_index_says_changed_since_a_complete_crawl_read_them(tmp_path):
    """§2.1 WordPress (Yoast's ``post-sitemap1…N.xml``) / TYPO3 / Drupal sitemaps of a big site, crawled again without
    ``--from-date`` (a weekly full crawl): every sitemap the index names was fetched and read again, though its
    ``lastmod`` there said it had not changed since the last complete crawl read it: hundreds of requests per crawl
    for nothing new. A sitemap changed since (a new item in it) is read, and its new item archived; one without a
    ``lastmod`` is read every time; ``-s NEWS_SITEMAPS_REREAD=true`` reads them all."""
    log: list[str] = []
    children = {f"/post-sitemap{n}.xml": f"2021-0{n}-28T12:00:00+00:00" for n in range(1, 5)}
    children["/page-sitemap.xml"] = ""
    pages = {f"/post-sitemap{n}.xml": {f"/nieuws/bericht-{n}": f"2021-0{n}-28"} for n in range(1, 5)}
    pages["/page-sitemap.xml"] = {"/nieuws/inkoop-jeugdhulp": "2021-10-15"}
    routes = {"/robots.txt": ROBOTS, "/sitemap_index.xml": sitemap_index(children),
              **{path: urlset(named) for path, named in pages.items()},
              **{page: undated_page(f"Bericht {page[8:]}") for named in pages.values() for page in named},
              "/nieuws/gunning-jeugdhulp": undated_page("Bericht gunning-jeugdhulp")}
    archive = tmp_path / "archive.db"
    with serve(routes, log) as base:
        sources = registry(tmp_path, base_url=base, cms="wordpress", discovery={"sitemaps": ["sitemap_index.xml"]},
                           allow=["^/nieuws/"])
        first = crawl_news(sources, archive)
        assert first.returncode == 0, first.stderr[-3000:]
        assert sorted(p for p in log if "sitemap" in p) == sorted(
            ["/sitemap_index.xml", *children])
        # the site publishes an item: the sitemap it lands in says so in the index
        pages["/post-sitemap4.xml"]["/nieuws/gunning-jeugdhulp"] = "2021-10-20"
        time.sleep(1.1)  # a lastmod in whole seconds, after the first crawl's read (not within its second)
        children["/post-sitemap4.xml"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
        log.clear()
        second = crawl_news(sources, archive)
        assert second.returncode == 0, second.stderr[-3000:]
        assert sorted(p for p in log if "sitemap" in p) == [
            "/page-sitemap.xml", "/post-sitemap4.xml", "/sitemap_index.xml"]
        assert "'news/skipped_sitemap_unchanged': 3" in second.stderr
        log.clear()
        third = crawl_news(sources, archive, "-s", "NEWS_SITEMAPS_REREAD=true")
        assert third.returncode == 0, third.stderr[-3000:]
        assert sorted(p for p in log if "sitemap" in p) == sorted(["/sitemap_index.xml", *children])
    db = sqlite_utils.Database(archive)
    crawled = sorted(r["title"] for r in db["articles"].rows)
    assert "Bericht gunning-jeugdhulp" in crawled
    assert [r["status"] for r in db.query("select status from crawls order by crawl_id")] == ["complete"] * 3
    # a replay of the three crawls asks what each crawl asked (the second one's skips from the first one's fetches)
    rebuilt = forkcli.run(["reparse", "--db", str(archive)], cwd=ROOT, timeout=300)
    assert rebuilt.returncode == 0, rebuilt.stderr[-3000:]
    db = sqlite_utils.Database(archive)
    assert sorted(r["title"] for r in db["articles"].rows) == crawled
    assert [r["status"] for r in db.query("select status from crawls order by crawl_id")] == ["complete"] * 3


def test_a_window_crawls_read_of_a_sitemap_does_not_spare_a_later_full_crawl_reading_it(tmp_path):
    """A ``--from-date`` crawl reads a sitemap for the pages of its window only (those last changed before it are
    skipped): a later crawl without ``--from-date`` reads that sitemap again, however unchanged, and archives the
    older pages it names."""
    log: list[str] = []
    children = {"/post-sitemap1.xml": "2021-03-28T12:00:00+00:00", "/post-sitemap2.xml": "2021-10-20T12:00:00+00:00"}
    pages = {"/post-sitemap1.xml": {"/nieuws/marktconsultatie": "2021-03-28"},
             "/post-sitemap2.xml": {"/nieuws/gunning-jeugdhulp": "2021-10-20", "/nieuws/inkoopplan": "2021-03-01"}}
    routes = {"/robots.txt": ROBOTS, "/sitemap_index.xml": sitemap_index(children),
              **{path: urlset(named) for path, named in pages.items()},
              **{page: undated_page(f"Bericht {page[8:]}") for named in pages.values() for page in named}}
    archive = tmp_path / "archive.db"
    with serve(routes, log) as base:
        sources = registry(tmp_path, base_url=base, cms="wordpress", discovery={"sitemaps": ["sitemap_index.xml"]},
                           allow=["^/nieuws/"])
        windowed = crawl_news(sources, archive, "--from-date", "2021-10-01")
        assert windowed.returncode == 0, windowed.stderr[-3000:]
        full = crawl_news(sources, archive)
        assert full.returncode == 0, full.stderr[-3000:]
    db = sqlite_utils.Database(archive)
    assert sorted(r["title"] for r in db["articles"].rows) == [
        "Bericht gunning-jeugdhulp", "Bericht inkoopplan", "Bericht marktconsultatie"]


#: [S1] (https://www.kennemerdagblad.nl/regio/zuid-kennemerland-en-ijmond-kiezen-voor-nieuwe-manier-van-samenwerken-met-
#: aanbieders-van-jeugdhulp), verbatim from docs/reference's seed text: its first paragraph and a later one.
S1_OPENING = ("ZUID-KENNEMERLAND/IJMOND - De jeugdhulp in de regio’s Zuid-Kennemerland en IJmond kan en moet beter. "
              "Kinderen en hun ouders moeten tijdig de juiste hulp krijgen; niet zwaarder dan nodig en zo dicht mogelijk "
              "bij huis. En dat alles tegen beheersbare kosten.")
S1_LATER = ("De inkoop van jeugdhulp is een van de middelen die de gemeenten inzetten om te komen tot betere jeugdhulp. "
            "Door de inkoop anders aan te pakken willen de gemeenten in Zuid-Kennemerland en IJmond vorm geven aan een "
            "nieuwe manier van samenwerken. Daarom is gekozen voor een dialooggerichte aanbesteding voor de inkoop van "
            "jeugdhulp.")
SPLIT_TITLE = "Zuid-Kennemerland en IJmond kiezen voor nieuwe manier van samenwerken"


def split_page(paragraph: str, pager: str, head: str = "") -> tuple[str, bytes]:
    """A SYNTHETIC WordPress post page (``<!--nextpage-->``): the item's title and date, one page of its text, and
    ``wp_link_pages``'s pager, and the theme's "next post" link (``rel="next"``, another item)."""
    return ("text/html; charset=utf-8", (
        "<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'>"
        f"<title>{SPLIT_TITLE}</title>{head}</head><body><main><article><h1>{SPLIT_TITLE}</h1>"
        "<time datetime='2021-10-20T09:00:00+02:00'>20 oktober 2021</time>"
        f"<div class='entry-content'><p>{paragraph}</p>"
        f"<div class='page-links'>Pagina's: {pager}</div></div></article>"
        "<nav class='post-navigation'><a href='/nieuws/inkoopplan/' rel='next'>Volgend bericht</a></nav>"
        "</main></body></html>").encode())


#: [S1]'s item on a WordPress site, its pages ``/<slug>/N/`` (``<!--nextpage-->``).
SPLIT_SLUG = "/nieuws/nieuwe-manier-van-samenwerken/"


def crawl_split_post(tmp_path, pages: dict, *args: str, log: list | None = None):
    """One news crawl (its own ``args`` besides) into ``tmp_path``'s ``archive.db`` of a WordPress site whose sitemap
    names ``SPLIT_SLUG`` and which serves ``pages`` ({path: route}, the post's pages); ``log`` collects every path
    asked. The crawl's process."""
    routes = {"/robots.txt": ROBOTS, "/sitemap.xml": urlset({SPLIT_SLUG: "2021-10-20"}), **pages}
    with serve(routes, log) as base:
        return crawl_news(registry(tmp_path, base_url=base, cms="wordpress", discovery={"sitemaps": ["sitemap.xml"]},
                                   allow=["^/nieuws/"]), tmp_path / "archive.db", *args)


def test_a_news_item_split_over_two_pages_is_archived_with_the_text_of_both(tmp_path):
    """§2.4 text on the page, a regional news site or a WordPress post split with ``<!--nextpage-->``: the item's
    second page (``/<slug>/2/``, linked from its pager and its head's ``rel="next"``) was never read, and the archive
    held half the text ([S1]'s paragraph on the dialooggerichte aanbesteding lost). Its pages are read and archived as
    one item, under its own address; the theme's "next post" link is another item, not a page of it."""
    log: list[str] = []
    slug = SPLIT_SLUG
    crawl = crawl_split_post(tmp_path, {
        slug: split_page(S1_OPENING, f"1 <a href='{slug}2/' class='post-page-numbers'>2</a>",
                         f"<link rel='next' href='{slug}2/'>"),
        f"{slug}2/": split_page(S1_LATER, f"<a href='{slug}' class='post-page-numbers'>1</a> 2")}, log=log)
    archive = tmp_path / "archive.db"
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    assert "/nieuws/inkoopplan/" not in log
    [article] = sqlite_utils.Database(archive)["articles"].rows
    assert article["url"].endswith(slug) and article["published"].startswith("2021-10-20")
    assert S1_OPENING in article["text"] and S1_LATER in article["text"]
    assert article["text"].index(S1_OPENING) < article["text"].index(S1_LATER)
    assert article["text"].count(SPLIT_TITLE) <= 1
    rebuilt = forkcli.run(["reparse", "--db", str(archive)], cwd=ROOT, timeout=300)
    assert rebuilt.returncode == 0, rebuilt.stderr[-3000:]
    assert [r["text"] for r in sqlite_utils.Database(archive)["articles"].rows] == [article["text"]]


def test_an_item_whose_second_page_fails_is_not_archived_from_its_first_alone(tmp_path):
    """An item whose second page fails (a 503) is not archived from its first page alone, half its text: an error of
    the item, which the next crawl asks again. A pager's link to a page that is not there (404) is no failure: the
    item is archived from the pages there are."""
    slug = SPLIT_SLUG
    crawl = crawl_split_post(tmp_path, {slug: split_page(S1_OPENING, f"1 <a href='{slug}2/'>2</a>"),
                                        f"{slug}2/": ("text/html", b"", 503)}, "-s", "RETRY_TIMES=0")
    archive = tmp_path / "archive.db"
    db = sqlite_utils.Database(archive)
    assert db["articles"].count == 0
    from tenderarchive.store.queries import failed_news_pages

    assert [url[len(url) - len(slug):] for url in failed_news_pages(archive)] == [slug]
    assert crawl.returncode != 0


def test_an_items_pager_linking_a_page_that_is_not_there_still_archives_the_item(tmp_path):
    slug = SPLIT_SLUG
    crawl = crawl_split_post(tmp_path, {
        slug: split_page(S1_OPENING, f"1 <a href='{slug}2/'>2</a> <a href='{slug}3/'>3</a>"),
        f"{slug}2/": split_page(S1_LATER, f"<a href='{slug}'>1</a> 2 <a href='{slug}3/'>3</a>")})
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    [article] = sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows
    assert S1_OPENING in article["text"] and S1_LATER in article["text"]


def test_a_crawl_that_reached_a_bound_says_so_in_its_crawls_row(tmp_path):
    """§2.1 iprox's ``pager_page`` paging, a big site read up to its registry entry's ``max_pages``: the crawl is
    complete (no error), and its ``crawls`` row says which bounds it reached and how often (``bounds``); that was in
    the log alone, so the archive's own record of the crawl (Datasette's ``crawls``, a monitor) showed nothing left
    unread. A crawl that reached none records an empty object."""
    from tests.spiders.test_news_reference6 import listing_of

    pager = "".join(f"<a href='/nieuws?pager_page={n}'>{n}</a>" for n in range(1, 4))

    def page(n: int) -> tuple[str, bytes]:
        kind, body = listing_of(f"/nieuws/bericht-{n}")
        return kind, body.replace(b"</main>", f"<div class='pager'>{pager}</div></main>".encode())

    routes = {"/robots.txt": ROBOTS, "/nieuws": page(1), **{f"/nieuws?pager_page={n}": page(n) for n in range(1, 4)},
              **{f"/nieuws/bericht-{n}": undated_page(f"Bericht {n}") for n in range(1, 4)}}
    archive = tmp_path / "archive.db"
    with serve(routes) as base:
        bounded = crawl_news(registry(tmp_path, base_url=base, cms="iprox", allow=["^/nieuws/"],
                                      discovery={"listing": {"urls": ["nieuws"], "max_pages": 2}}), archive)
        whole = crawl_news(registry(tmp_path, base_url=base, cms="iprox", allow=["^/nieuws/"],
                                    discovery={"listing": {"urls": ["nieuws"], "max_pages": 5}}), archive)
    assert bounded.returncode == 0 and whole.returncode == 0, bounded.stderr[-3000:] + whole.stderr[-3000:]
    rows = list(sqlite_utils.Database(archive).query("select status, bounds from crawls order by crawl_id"))
    assert [(r["status"], json.loads(r["bounds"])) for r in rows] == [
        ("complete", {"news/listing_bounded": 1}), ("complete", {})]
