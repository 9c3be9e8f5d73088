"""The news spider, seventeenth pass against docs/reference/news-sites.md as an evaluator would test it:
loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news), crawled with ``tenderarchive
crawl news`` into a real archive."""

from __future__ import annotations

import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, assert_asked_at_delay, openpub_page, registry, serve

OPENPUB = "/wp-json/owc/openpub/v1/items"
OPENPUB_BODY = ("<p>De gemeenten in de regio hebben de aanbesteding voor specialistische jeugdhulp {n} gepubliceerd. "
                "Aanbieders kunnen zich inschrijven tot de sluitingsdatum.</p>")


def openpub_item(ident: int, day: str) -> dict:
    """A SYNTHETIC OpenPub item (plugin-openpub-base's REST shape)."""
    return {"id": ident, "title": f"Aanbesteding jeugdhulp perceel {ident}",
            "content": OPENPUB_BODY.format(n=f"perceel {ident}"), "date": f"{day} 10:00:00", "slug": f"perceel-{ident}"}


def test_an_openpub_api_counting_its_pages_as_a_decimal_is_paged_to_its_last_page_only(tmp_path):
    """§2.1 WordPress / Open Webconcept, OpenPub's ``items`` paged with ``page``: the plugin gives
    ``pagination.total_pages`` from WordPress's ``max_num_pages``, a ``ceil()`` PHP keeps a float, which its JSON
    writes ``3.0`` (and a proxy or another serialiser ``"3"``). Such a count was no count: the spider asked page 4,
    which the API answers "not found" (an error of every crawl, each partial), or, where it answers the last page
    again, asked up to ``NEWS_OPENPUB_MAX_PAGES`` pages of nothing new. The count is read as the whole number it is."""
    for written in (3.0, "3"):
        log: list[str] = []
        routes = {"/robots.txt": ROBOTS, **{
            f"{OPENPUB}?page={n}": openpub_page([openpub_item(10 * n + k, f"2021-10-{10 + n}") for k in (1, 2)], n, written)
            for n in (1, 2, 3)}}
        db_path = tmp_path / f"archive-{written!r}.db"
        with serve(routes, log) as base:
            crawl = crawl_news(registry(tmp_path, base_url=base, cms="wordpress", discovery={"openpub": [OPENPUB[1:]]},
                                        deny=["^/wp-json"]), db_path)
        assert crawl.returncode == 0, crawl.stderr[-3000:]
        db = sqlite_utils.Database(db_path)
        assert db["articles"].count == 6
        assert next(db.query("select status, error_count from crawls")) == {"status": "complete", "error_count": 0}
        assert [p for p in log if p.startswith(OPENPUB)] == [f"{OPENPUB}?page={n}" for n in (1, 2, 3)]


def undated_page(title: str) -> tuple[str, bytes]:
    """A SYNTHETIC news page that states no date of its own: its feed's or listing's date dates it."""
    return ("text/html; charset=utf-8", (
        "<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'>"
        f"<title>{title}</title></head><body><main><article><h1>{title}</h1>"
        f"<p>{OPENPUB_BODY.format(n='voor de hele regio')}</p></article></main></body></html>").encode())


def rss_feed(base: str, items: dict[str, str]) -> tuple[str, bytes]:
    """A SYNTHETIC RSS 2.0 feed naming ``items`` ({path: pubDate as written})."""
    entries = "".join(f"<item><title>Bericht</title><link>{base}{path.lstrip('/')}</link><pubDate>{written}</pubDate>"
                      f"<guid isPermaLink='false'>{path}</guid></item>" for path, written in items.items())
    return ("application/rss+xml; charset=UTF-8", ("<?xml version='1.0' encoding='UTF-8'?><!-- SYNTHETIC -->"
                                                   f"<rss version='2.0'><channel><title>Nieuws</title>{entries}"
                                                   "</channel></rss>").encode())


def test_a_feed_dated_on_a_twelve_hour_clock_dates_its_items_by_their_afternoon(tmp_path):
    """§2.1 feeds, §2.3 times of day: a CMS template that writes its RSS ``pubDate`` on a twelve-hour clock
    (``Thu, 14 Oct 2021 11:30:00 PM +0000``, PHP's ``h:i:s A``) was read without its "PM", twelve hours early: a
    post of 01:30 on 15 October (Dutch time) taken for one of the 14th's afternoon, skipped by ``--from-date
    2021-10-15``, and a page that states no date of its own archived with the morning's time. "PM" adds twelve
    hours, "12:… AM" is just after midnight; one of the 14th's evening stays out of the window."""
    from spiders.news import _moment

    log: list[str] = []
    routes: dict = {"/robots.txt": ROBOTS}
    items = {"/nieuws/gunning-na-middernacht": "Thu, 14 Oct 2021 11:30:00 PM +0000",
             "/nieuws/contracten-kwart-over-twaalf": "Sat, 16 Oct 2021 12:15:00 AM +0200",
             "/nieuws/inkoop-avond": "Thu, 14 Oct 2021 09:00:00 PM +0000"}
    routes.update({path: undated_page(f"Bericht {n}") for n, path in enumerate(items)})
    with serve({**routes, "/feed/": lambda base: rss_feed(base, items)}, log) as base:
        crawl = crawl_news(registry(tmp_path, base_url=base, discovery={"feeds": ["feed/"]}, allow=["^/nieuws/"]),
                           tmp_path / "archive.db", "--from-date", "2021-10-15")
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert sorted((r["title"], r["published"]) for r in db["articles"].rows) == [
        ("Bericht 0", "2021-10-15T01:30"), ("Bericht 1", "2021-10-16T00:15")]
    assert "/nieuws/inkoop-avond" not in log
    assert _moment("14 Oct 2021 12:05 PM").hour == 12 and _moment("2021-10-14 4:05 p.m.").hour == 16


def test_a_listings_dates_with_a_two_digit_year_or_in_english_date_its_entries(tmp_path):
    """§2.3 listing dates, §2.1 WordPress: a listing's date element written with a two-digit year ("14-10-21",
    "14 okt. '21"), or in English by a theme left in WordPress's default language ("October 14, 2021"), was no
    date: its entries went undated where their pages state none, and a ``--from-date`` crawl asked every older
    one. Each dates its entry; one before the window is not asked."""
    log: list[str] = []
    entries = {"/nieuws/gunning": "14-10-21", "/nieuws/contracten": "15 okt. '21",
               "/nieuws/bezwaar": "Posted on October 16, 2021", "/nieuws/marktconsultatie": "28.09.21",
               "/nieuws/inkoopplan": "September 20, 2021"}
    listing = "".join(f"<li><h3><a href='{path}'>Bericht {n}</a></h3><span class='entry-date'>{day}</span></li>"
                      for n, (path, day) in enumerate(entries.items()))
    # beside the title on its line, and in an element of its own after the title (no entry element around them)
    listing += ("<li><a href='/nieuws/verlenging'>Bericht 5</a> (18-10-21)</li></ul><div class='overzicht'>"
                "<h3><a href='/nieuws/rechtszaak'>Bericht 6</a></h3><p>October 19, 2021</p><p>Een korte inleiding.</p>"
                "<h3><a href='/nieuws/oud'>Bericht 7</a></h3><p>27-09-21</p><p>Een korte inleiding.</p></div><ul>")
    entries.update({"/nieuws/verlenging": "", "/nieuws/rechtszaak": "", "/nieuws/oud": ""})
    routes = {"/robots.txt": ROBOTS, **{path: undated_page(f"Bericht {n}") for n, path in enumerate(entries)},
              "/nieuws": ("text/html; charset=utf-8", ("<!doctype html><html><head><meta name='tenderarchive-fixture' "
                          f"content='synthetic'></head><body><main><ul>{listing}</ul></main></body></html>").encode())}
    with serve(routes, log) as base:
        crawl = crawl_news(registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}},
                                    allow=["^/nieuws/"]), tmp_path / "archive.db", "--from-date", "2021-10-01")
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert sorted((r["title"], r["published"]) for r in db["articles"].rows) == [
        ("Bericht 0", "2021-10-14"), ("Bericht 1", "2021-10-15"), ("Bericht 2", "2021-10-16"),
        ("Bericht 5", "2021-10-18"), ("Bericht 6", "2021-10-19")]
    assert not {"/nieuws/marktconsultatie", "/nieuws/inkoopplan", "/nieuws/oud"} & set(log)


def typo3_news_detail(title: str, canonical: str) -> tuple[str, bytes]:
    """A SYNTHETIC TYPO3 EXT:news detail page whose template writes ``canonical`` as its canonical URL."""
    return ("text/html; charset=utf-8", (
        "<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'>"
        f"<title>{title}</title><link rel='canonical' href='{canonical}'></head><body><main><article class='news-single'>"
        f"<h1>{title}</h1><p>Gepubliceerd op: 14 oktober 2021</p><p>{OPENPUB_BODY.format(n=title.lower())}</p>"
        "</article></main></body></html>").encode())


def test_items_whose_template_gives_them_one_canonical_url_are_archived_each_under_its_own_address(tmp_path):
    """§2.1 TYPO3, EXT:news detail URLs (``/nieuws/detail?tx_news_pi1[news]=N&cHash=…``): a template that writes the
    detail page's address without its record as every item's canonical URL (``/nieuws/detail``) archived every
    item as one page, each the previous one's next version: two of three items of a crawl hidden in the history of
    a third, and each new item of a later crawl archived over them. A canonical URL that another page, read at
    another address under another title, already holds is not this page's: it is archived under its own address.
    (The first to claim it keeps it: a crawl cannot know before it reads the second.)"""
    db_path, log = tmp_path / "archive.db", []
    record = "/nieuws/detail?tx_news_pi1%5Bnews%5D={n}&cHash=c{n}"
    titles = {12: "Voorlopige gunning jeugdhulp", 13: "Bezwaartermijn jeugdhulp verstreken",
              14: "Contracten jeugdhulp getekend", 15: "Implementatie jeugdhulp gestart"}
    routes: dict = {"/robots.txt": ROBOTS, **{record.format(n=n): typo3_news_detail(t, "/nieuws/detail")
                                              for n, t in titles.items()}}
    listed = [12, 13, 14]

    def listing(base):
        items = "".join(f"<li><a href='{record.format(n=n)}'>{titles[n]}</a></li>" for n in listed)
        return ("text/html; charset=utf-8", f"<!-- SYNTHETIC --><html><body><main><ul>{items}</ul></main></body></html>"
                .encode())

    with serve({**routes, "/nieuws": listing}, log) as base:
        site = registry(tmp_path, base_url=base, cms="typo3", discovery={"listing": {"urls": ["nieuws"]}},
                        allow=["^/nieuws/detail"])
        first = crawl_news(site, db_path)
        listed[:] = [15, 12, 13, 14]
        second = crawl_news(site, db_path)
    assert first.returncode == 0 and second.returncode == 0, (first.stderr + second.stderr)[-3000:]
    db = sqlite_utils.Database(db_path)
    assert sorted(r["title"] for r in db["articles"].rows) == sorted(titles.values())
    assert list(db.query("select count(*) n from versions where table_name = 'articles'")) == [{"n": 0}]


def test_sites_of_the_registry_on_one_host_are_asked_at_the_politest_of_their_delays(tmp_path):
    """Politeness per site (registry ``politeness``), §1: [S0] is a Leidse Regio item hosted on the Leiderdorp site,
    so two entries of the registry may read one host (the municipality's news, a region's pages on its site), and a
    listing may be on another host than its items (sources.py). Scrapy keeps one download slot per host, and the
    host took the delay of the registry's last entry on it: a site that asked for 1.5 s between requests was asked
    with none, as the entry after it gave none. A host is asked at the longest delay, and the lowest concurrency, that
    any entry reading it gives."""
    import time

    import yaml

    stamps: list[tuple[str, float]] = []

    class Stamped(list):
        def append(self, path):
            stamps.append((path, time.monotonic()))
            super().append(path)

    pages = {f"/project/{n}": undated_page(f"Project {n}") for n in range(4)}
    with serve({"/robots.txt": ROBOTS, **pages}, Stamped()) as alfa, \
            serve({"/robots.txt": ROBOTS, **{f"/regio{p}": page for p, page in pages.items()}}) as beta:
        entries = [{"name": "alfa", "title": "Alfa (synthetic)", "base_url": alfa, "municipalities": ["Leiderdorp"],
                    "living_pages": [p.lstrip("/") for p in pages], "politeness": {"download_delay": 1.5,
                                                                                    "concurrency": 1}},
                   {"name": "beta", "title": "Beta (synthetic)", "base_url": beta, "region": "Leidse regio",
                    "living_pages": [f"regio{p}" for p in pages], "politeness": {"download_delay": 0, "concurrency": 4}}]
        path = tmp_path / "sources.yaml"
        path.write_text(yaml.safe_dump({"version": 1, "sites": entries}), encoding="utf-8")
        crawl = crawl_news(str(path), tmp_path / "archive.db", "-s", "AUTOTHROTTLE_ENABLED=True", "-s", "DOWNLOAD_DELAY=0",
                           "-s", "AUTOTHROTTLE_START_DELAY=0", "-s", "RANDOMIZE_DOWNLOAD_DELAY=False")
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    asked = [t for p, t in stamps if p.startswith("/project/")]
    assert len(asked) == 4
    assert_asked_at_delay(asked, 1.5)


def test_an_openpub_api_dated_newest_first_is_not_paged_past_the_crawls_from_date(tmp_path):
    """§2.1 OpenPub (``items`` paged with ``page``, WordPress's newest first) and ``--from-date`` windows: a crawl of the
    last weeks asked every page of the API up to ``NEWS_OPENPUB_MAX_PAGES``, every crawl, to leave each item of years
    before unarchived. A page whose items are dated newest first, the newest before the crawl's first day, ends the
    paging, as it does a listing's: its later pages hold older items only."""
    log: list[str] = []
    days = {1: ("2021-11-20", "2021-11-10", "2021-10-30"), 2: ("2021-09-30", "2021-09-20", "2021-09-10"),
            3: ("2021-08-30", "2021-08-20", "2021-08-10")}
    routes = {"/robots.txt": ROBOTS, **{
        f"{OPENPUB}?page={n}": openpub_page([openpub_item(10 * n + k, day) for k, day in enumerate(days[n])], n, 3)
        for n in days}}
    with serve(routes, log) as base:
        crawl = crawl_news(registry(tmp_path, base_url=base, cms="wordpress", discovery={"openpub": [OPENPUB[1:]]},
                                    deny=["^/wp-json"]), tmp_path / "archive.db", "--from-date", "2021-10-15")
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert sorted(r["published"][:10] for r in db["articles"].rows) == ["2021-10-30", "2021-11-10", "2021-11-20"]
    assert [p for p in log if p.startswith(OPENPUB)] == [f"{OPENPUB}?page=1", f"{OPENPUB}?page=2"]
