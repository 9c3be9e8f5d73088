"""The news spider, eighth pass against docs/reference/news-sites.md as an evaluator would test it:
loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news), crawled with ``tenderarchive
crawl news`` into a real archive."""

from __future__ import annotations

from datetime import datetime, timedelta

import sqlite_utils

from tenderarchive.arguments import AMSTERDAM
from tests import forkcli
from tests.conftest import ROOT
from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ARTICLE, ROBOTS, registry, serve
from tests.spiders.test_news_reference5 import undated_page
from tests.spiders.test_news_reference6 import listing_of

HTML = "text/html; charset=utf-8"


def days_ago(days: int) -> str:
    """The Dutch calendar day ``days`` before now (the crawl's clock is the machine's)."""
    return (datetime.now(AMSTERDAM).date() - timedelta(days=days)).isoformat()


def test_a_feed_whose_dates_are_relative_dates_its_items_and_keeps_older_ones_out(tmp_path):
    """§2.1 feeds and §2.3 dates: a feed plugin (or a site's own "feed") that writes its items' dates as a
    listing shows them, relative to when it is read ("2 dagen geleden", "gisteren", "200 dagen geleden").
    Neither RFC 822 nor a Dutch date, so the item had no date: its page, stating none, was archived undated
    and a ``--from-date`` crawl fetched items from long before. The day it names is the item's date."""
    log: list[str] = []
    items = (("gunning-jeugdhulp", "2 dagen geleden"), ("contracten-jeugdhulp", "Gisteren"),
             ("marktconsultatie-jeugdhulp", "200 dagen geleden"))

    def feed(base):
        entries = "".join(f"<item><title>{slug}</title><link>{base}nieuws/{slug}</link><pubDate>{when}</pubDate></item>"
                          for slug, when in items)
        return ("application/rss+xml; charset=UTF-8", (
            '<?xml version="1.0" encoding="UTF-8"?><!-- SYNTHETIC --><rss version="2.0"><channel><title>Nieuws'
            f"</title><link>{base}</link>{entries}</channel></rss>").encode())

    routes = {"/robots.txt": ROBOTS, "/feed/": feed,
              "/nieuws/gunning-jeugdhulp": undated_page("Voorlopige gunning jeugdhulp"),
              "/nieuws/contracten-jeugdhulp": undated_page("Contracten jeugdhulp getekend"),
              "/nieuws/marktconsultatie-jeugdhulp": undated_page("Marktconsultatie jeugdhulp")}
    with serve(routes, log) as base:
        path = registry(tmp_path, base_url=base, discovery={"feeds": ["feed/"]}, allow=["^/nieuws/"])
        completed = crawl_news(path, tmp_path / "archive.db", "--from-date", days_ago(30))
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert "/nieuws/marktconsultatie-jeugdhulp" not in log
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert sorted((r["title"], r["published"], r["published_source"]) for r in db["articles"].rows) == [
        ("Contracten jeugdhulp getekend", days_ago(1), "feed"), ("Voorlopige gunning jeugdhulp", days_ago(2), "feed")]


def test_relative_dates_on_a_listing_and_under_a_title_date_their_pages(tmp_path):
    """§2.3 dates, as a regional news site ([S1]'s kind) writes a recent item's: its listing shows "3 dagen
    geleden" beside the link, and the item itself "Door Redactie · 5 uur geleden" or "Geplaatst: gisteren om
    14:05" under its title. None was read: the pages were archived undated (and the date line stayed in
    the text). The day each names, against the fetch, dates the page; the page's own line first."""
    listing = ("<!doctype html><html><head><meta name='tenderarchive-fixture' content='synthetic'></head><body>"
               "<main><ul><li><a href='/nieuws/inkoop-jeugdhulp'>Inkoop jeugdhulp</a><span class='datum'>3 dagen"
               " geleden</span></li><li><a href='/nieuws/gunning-jeugdhulp'>Gunning jeugdhulp</a>"
               "<span class='datum'>4 dagen geleden</span></li><li><a href='/nieuws/bezwaar-jeugdhulp'>Bezwaar</a>"
               "</li></ul></main></body></html>")

    def dated(title: str, line: str) -> tuple[str, bytes]:
        return (HTML, ARTICLE.format(title=title, extra="Een bericht van de regio.").replace(
            "<p>Gepubliceerd op: 14 december 2020</p>", f"<p class='meta'>{line}</p>").encode())

    routes = {"/robots.txt": ROBOTS, "/nieuws": (HTML, listing.encode()),
              "/nieuws/inkoop-jeugdhulp": undated_page("Inkoop jeugdhulp gestart"),
              "/nieuws/gunning-jeugdhulp": dated("Gunning jeugdhulp bekend", "Geplaatst: gisteren om 14:05"),
              "/nieuws/bezwaar-jeugdhulp": dated("Bezwaar tegen gunning jeugdhulp", "Door Redactie · 1 dag geleden")}
    with serve(routes) as base:
        path = registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}}, allow=["^/nieuws/"])
        completed = crawl_news(path, tmp_path / "archive.db")
    assert completed.returncode == 0, completed.stderr[-3000:]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    rows = {r["title"]: r for r in db["articles"].rows}
    assert {t: (r["published"], r["published_source"]) for t, r in rows.items()} == {
        "Inkoop jeugdhulp gestart": (days_ago(3), "listing"),
        "Gunning jeugdhulp bekend": (f"{days_ago(1)}T14:05", "stated"),
        "Bezwaar tegen gunning jeugdhulp": (days_ago(1), "stated")}
    assert not any("geleden" in r["text"] or "gisteren" in r["text"] for r in rows.values())


TEXT = ("<p>De gemeenten in de regio hebben de Europese aanbesteding voor specialistische jeugdhulp voorlopig gegund aan"
        " drie aanbieders. Aanbieders die niet zijn gegund kunnen binnen twintig dagen bezwaar maken bij de regio.</p>"
        "<p>De contracten gaan in op 1 januari 2022 en lopen vier jaar.</p>")


def iprox_item(title: str, text: str = TEXT) -> tuple[str, bytes]:
    """A SYNTHETIC news item in iprox's markup (news-sites.md §2.1: ``div.iprox-date``, ``div.iprox-rich-content``)."""
    return (HTML, ("<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'>"
                   f"<title>{title} - Gemeente Voorbeeld</title></head><body><nav><a href='/'>Home</a></nav><main>"
                   f"<h1>{title}</h1><div class='iprox-content iprox-date date'>14 oktober 2021</div>"
                   f"<div class='iprox-rich-content iprox-content'>{text}</div></main></body></html>").encode())


def wordpress_item(title: str, text: str = TEXT) -> tuple[str, bytes]:
    """The same item as a WordPress theme writes it (§2.1: a date permalink, ``time.entry-date``)."""
    return (HTML, ("<!doctype html><html lang='nl-NL'><head><meta name='tenderarchive-fixture' content='synthetic'>"
                   f"<title>{title} &#8211; Voorbeeld</title><meta property='og:type' content='article'></head>"
                   "<body class='single-post'><header class='site-header'><p class='site-title'>Voorbeeld</p></header>"
                   f"<article class='post'><header class='entry-header'><h1 class='entry-title'>{title}</h1>"
                   "<time class='entry-date published' datetime='2021-10-14T10:00:00+02:00'>14 oktober 2021</time>"
                   f"</header><div class='entry-content'>{text}</div></article></body></html>").encode())


def test_a_site_that_moves_to_another_cms_keeps_its_archived_items_once(tmp_path):
    """§2.1 CMS families: a municipality that moves from iprox to WordPress (the Open Webconcept) answers its
    items under new addresses (``/nieuws/Gunning_jeugdhulp`` as ``/2021/10/14/voorlopige-gunning-jeugdhulp/``)
    in new markup; the old address is gone. Each item was archived a second time (the bytes differ), so the
    archive counted every older item twice. The page with the same title and text is the archived one: its
    provenance becomes the new address (the next crawl does not ask it again), its content stays. A new item,
    and an item whose text changed at its new address, are pages of their own. A reparse gives the same rows."""
    log: list[str] = []
    changed = TEXT.replace("vier jaar", "drie jaar met een optie op verlenging")
    routes = {"/robots.txt": ROBOTS,
              "/nieuws": listing_of("/nieuws/Gunning_jeugdhulp", "/nieuws/Inkoop_jeugdhulp"),
              "/nieuws/Gunning_jeugdhulp": iprox_item("Voorlopige gunning jeugdhulp"),
              "/nieuws/Inkoop_jeugdhulp": iprox_item("Inkoop jeugdhulp gestart")}
    after = {"/robots.txt": ROBOTS,
             "/nieuws": listing_of("/2021/10/14/voorlopige-gunning-jeugdhulp/", "/2021/10/14/inkoop-jeugdhulp-gestart/",
                                   "/2021/12/01/contracten-jeugdhulp/"),
             "/2021/10/14/voorlopige-gunning-jeugdhulp/": wordpress_item("Voorlopige gunning jeugdhulp"),
             "/2021/10/14/inkoop-jeugdhulp-gestart/": wordpress_item("Inkoop jeugdhulp gestart", changed),
             "/2021/12/01/contracten-jeugdhulp/": wordpress_item("Contracten jeugdhulp getekend",
                                                                 TEXT.replace("voorlopig gegund", "definitief gegund"))}
    db_path = tmp_path / "archive.db"
    with serve(routes, log) as base:
        path = registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}}, allow=["^/nieuws/", "^/20"])
        crawls = [crawl_news(path, db_path)]
        routes.clear()
        routes.update(after)
        crawls.append(crawl_news(path, db_path))
        del log[:]
        crawls.append(crawl_news(path, db_path))
    assert [c.returncode for c in crawls] == [0, 0, 0], crawls[-1].stderr[-3000:]
    assert log == ["/robots.txt", "/nieuws"]  # every new address is known
    db = sqlite_utils.Database(db_path)
    rows = sorted((r["url"].removeprefix(base), r["title"], r["source_url"].removeprefix(base), r["crawl_id"])
                  for r in db["articles"].rows)
    assert rows == [
        ("2021/10/14/inkoop-jeugdhulp-gestart/", "Inkoop jeugdhulp gestart", "2021/10/14/inkoop-jeugdhulp-gestart/", 2),
        ("2021/12/01/contracten-jeugdhulp/", "Contracten jeugdhulp getekend", "2021/12/01/contracten-jeugdhulp/", 2),
        ("nieuws/Gunning_jeugdhulp", "Voorlopige gunning jeugdhulp", "2021/10/14/voorlopige-gunning-jeugdhulp/", 2),
        ("nieuws/Inkoop_jeugdhulp", "Inkoop jeugdhulp gestart", "nieuws/Inkoop_jeugdhulp", 1)]
    # its content as first archived (the iprox page's date, no time), no version of it
    assert db.execute("select published from articles where title = 'Voorlopige gunning jeugdhulp'").fetchone() == \
        ("2021-10-14",)
    assert db.execute("select count(*) from versions where table_name = 'articles'").fetchone()[0] == 0
    before = sorted(tuple(r.values()) for r in db.query("select url, title, published, source_url, text from articles"))
    rebuilt = forkcli.run(["reparse", "--db", str(db_path)], cwd=ROOT, timeout=300)
    assert rebuilt.returncode == 0, rebuilt.stderr[-3000:]
    assert sorted(tuple(r.values()) for r in db.query("select url, title, published, source_url, text from articles")) \
        == before


def dated_listing(page: int, pages: int, order: int) -> tuple[str, bytes]:
    """Page ``page`` of a SYNTHETIC iprox listing (``?pager_page=N``, a pager linking every page) of ``pages``
    pages with three items each, dated one month apart: oldest first (``order`` 1) or newest first (-1)."""
    numbers = range((page - 1) * 3 + 1, page * 3 + 1)
    months = [n if order == 1 else pages * 3 + 1 - n for n in numbers]
    items = "".join(f"<div class='grid-element'><a class='siteLink' href='/nieuws/bericht-{m}'>Bericht {m}</a>"
                    f"<div class='iprox-content iprox-date date'>1 {MONTHS[(m - 1) % 12]} {2020 + (m - 1) // 12}</div>"
                    "</div>" for m in months)
    pager = "".join(f"<a href='/nieuws?pager_page={n}'>{n}</a>" for n in range(1, pages + 1) if n != page)
    return (HTML, ("<!doctype html><html><head><meta name='tenderarchive-fixture' content='synthetic'></head><body>"
                   f"<main><div id='results'>{items}</div><div class='pager'>{pager}</div></main></body></html>").encode())


MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")


def test_a_listing_ordered_oldest_first_is_read_from_its_last_pages(tmp_path):
    """§2.1's iprox listing (``?pager_page=N``; its dates in ``div.iprox-date``), ordered oldest first (an archive
    sorted by date ascending, a view left at its default order): the newest items are on its last page. A crawl
    of ``max_pages`` pages read the first ones, the oldest items, and never the new ones. Its dates, rising down
    its first page, tell the order: its last pages are read instead. A listing newest first is read as before."""
    for order, expected in ((1, [1, 2, 3, 13, 14, 15]), (-1, [10, 11, 12, 13, 14, 15])):
        log: list[str] = []
        routes = {"/robots.txt": ROBOTS, "/nieuws": dated_listing(1, 5, order),
                  **{f"/nieuws?pager_page={n}": dated_listing(n, 5, order) for n in range(1, 6)},
                  **{f"/nieuws/bericht-{m}": undated_page(f"Inkoop jeugdhulp bericht {m}") for m in range(1, 16)}}
        folder = tmp_path / str(order)
        folder.mkdir()
        with serve(routes, log) as base:
            path = registry(folder, base_url=base, cms="iprox", allow=["^/nieuws/"],
                            discovery={"listing": {"urls": ["nieuws"], "max_pages": 2}})
            completed = crawl_news(path, folder / "archive.db")
        assert completed.returncode == 0, completed.stderr[-3000:]
        db = sqlite_utils.Database(folder / "archive.db")
        assert sorted(int(r["url"].rsplit("-", 1)[1]) for r in db["articles"].rows) == expected
        assert sorted(p for p in log if p.startswith("/nieuws?")) == (
            ["/nieuws?pager_page=5"] if order == 1 else ["/nieuws?pager_page=2"])


def test_a_page_dated_in_its_address_outside_the_crawls_dates_is_not_fetched(tmp_path):
    """§2.3 "ISO in URL" (``/2021/07/29/<slug>/``, jeugdhulprijnmond.nl, sleutelstad.nl): a WordPress sitemap
    without ``lastmod`` (or a listing) names every post since the site began. A ``--from-date`` crawl fetched
    each old one, only to drop it once read (its date, from the address when it states none, outside the
    crawl's dates). The address's date keeps it out before fetching; a post in the window, and one with no
    date in its address, are fetched and archived."""
    log: list[str] = []

    def sitemap(base):
        locs = "".join(f"<url><loc>{base}{path}</loc></url>" for path in (
            "2015/03/02/inkoop-jeugdhulp-2016/", "2019/11/20/marktconsultatie-jeugdhulp/",
            f"{days_ago(3)[:4]}/{days_ago(3)[5:7]}/{days_ago(3)[8:]}/gunning-jeugdhulp/", "nieuws/contracten-jeugdhulp/"))
        return ("application/xml", ('<?xml version="1.0" encoding="UTF-8"?><!-- SYNTHETIC --><urlset '
                                    f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>').encode())

    recent = f"/{days_ago(3).replace('-', '/')}/gunning-jeugdhulp/"
    routes = {"/robots.txt": ROBOTS, "/wp-sitemap-posts-post-1.xml": sitemap,
              "/2015/03/02/inkoop-jeugdhulp-2016/": undated_page("Inkoop jeugdhulp 2016"),
              "/2019/11/20/marktconsultatie-jeugdhulp/": undated_page("Marktconsultatie jeugdhulp"),
              recent: undated_page("Voorlopige gunning jeugdhulp"),
              "/nieuws/contracten-jeugdhulp/": undated_page("Contracten jeugdhulp")}
    with serve(routes, log) as base:
        path = registry(tmp_path, base_url=base, cms="wordpress", discovery={"sitemaps": ["wp-sitemap-posts-post-1.xml"]})
        completed = crawl_news(path, tmp_path / "archive.db", "--from-date", days_ago(30))
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert sorted(p for p in log if p.count("/") > 2) == sorted([recent, "/nieuws/contracten-jeugdhulp/"])
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert sorted((r["title"], r["published"], r["published_source"]) for r in db["articles"].rows) == [
        ("Contracten jeugdhulp", None, None), ("Voorlopige gunning jeugdhulp", days_ago(3), "url")]


def test_a_listing_that_shows_this_years_items_without_their_year_dates_them(tmp_path):
    """§2.3's "date line" on a listing, as a news listing shows this year's items: "14 okt", "do 14 oktober",
    without the year. Not a date, so the pages (stating none) were archived undated, and a listing's order could
    not be read. The latest such day not after the listing's fetch is the item's date: ten days ago is this
    year's (or last year's in early January), tomorrow's day last year's."""
    now = datetime.now(AMSTERDAM).date()

    def day_month(day) -> str:
        return f"{day.day} {MONTHS[day.month - 1]}"

    past, tomorrow = now - timedelta(days=10), now + timedelta(days=1)
    last_year = tomorrow.replace(year=tomorrow.year - 1) if (tomorrow.month, tomorrow.day) != (2, 29) else None
    listing = ("<!doctype html><html><head><meta name='tenderarchive-fixture' content='synthetic'></head><body><main>"
               f"<ul><li><a href='/nieuws/inkoop-jeugdhulp'>Inkoop jeugdhulp</a><span class='date'>{day_month(past)}"
               f"</span></li><li><a href='/nieuws/gunning-jeugdhulp'>Gunning</a><span class='date'>{day_month(tomorrow)}"
               "</span></li></ul></main></body></html>")
    routes = {"/robots.txt": ROBOTS, "/nieuws": (HTML, listing.encode()),
              "/nieuws/inkoop-jeugdhulp": undated_page("Inkoop jeugdhulp gestart"),
              "/nieuws/gunning-jeugdhulp": undated_page("Gunning jeugdhulp bekend")}
    with serve(routes) as base:
        path = registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}}, allow=["^/nieuws/"])
        completed = crawl_news(path, tmp_path / "archive.db")
    assert completed.returncode == 0, completed.stderr[-3000:]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert {r["title"]: (r["published"], r["published_source"]) for r in db["articles"].rows} == {
        "Inkoop jeugdhulp gestart": (past.isoformat(), "listing"),
        "Gunning jeugdhulp bekend": (last_year.isoformat(), "listing") if last_year else (None, None)}
