"""The news spider, fourteenth pass against docs/reference/news-sites.md as an evaluator would test it:
loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news), crawled with ``tenderarchive
crawl news`` into a real archive."""

from __future__ import annotations

import json

import pytest
import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, redirecting, registry
from tests.spiders.test_news_reference5 import undated_page
from tests.spiders.test_news_reference8 import HTML
from tests.spiders.test_news_reference11 import serve
from tests.spiders.test_news_reference13 import crawl_listing


def news_overview(paths: list[str]) -> tuple[str, bytes]:
    """A SYNTHETIC news overview linking ``paths`` (each an item's title), and the site's contact page beside them."""
    items = "".join(f"<li><a href='{path}'>Bericht over inkoop jeugdhulp {n}</a></li>" for n, path in enumerate(paths))
    return (HTML, ("<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'>"
                   f"<title>Nieuws</title></head><body><main><h1>Nieuws</h1><ul>{items}</ul>"
                   "<p><a href='/contact'>Contact</a></p></main></body></html>").encode())


def test_a_listing_moved_where_the_sites_rules_refuse_all_its_links_is_an_error_naming_both_addresses(tmp_path):
    """§2.1 (a site reorganised, or moved to another CMS) and the registry: the listing ``/nieuws`` answers ``301`` to
    ``/actueel/nieuws``, whose items (``/actueel/nieuws/…``) the entry's ``allow: ['^/nieuws/']`` refuses. The crawl
    read it as a listing without items: "complete", nothing found, every crawl, and no one told that the site's news
    was no longer archived. It is an error of the crawl naming the listing and where it moved; a listing that moved
    and whose items the rules accept is read as before."""
    items = ["/actueel/nieuws/inkoop-jeugdhulp", "/actueel/nieuws/gunning-jeugdhulp"]
    routes = {"/robots.txt": ROBOTS, "/actueel/nieuws": news_overview(items),
              **{path: undated_page(f"Bericht {path.rsplit('/', 1)[1]}") for path in items}}
    server, base = redirecting(routes, {"/nieuws": "/actueel/nieuws"})
    try:
        refused = crawl_news(registry(tmp_path, base_url=base, allow=["^/nieuws/"],
                                      discovery={"listing": {"urls": ["nieuws"]}}), tmp_path / "refused.db")
        accepted = crawl_news(registry(tmp_path, base_url=base, allow=["/nieuws/"],
                                       discovery={"listing": {"urls": ["nieuws"]}}), tmp_path / "accepted.db")
    finally:
        server.shutdown()
    crawl = next(sqlite_utils.Database(tmp_path / "refused.db")["crawls"].rows)
    assert crawl["status"] != "complete" and refused.returncode != 0
    assert [(e["url"], e["error"].split(",")[0]) for e in json.loads(crawl["errors"])] == [
        (f"{base}nieuws", f"the listing moved to {base}actueel/nieuws")]
    assert accepted.returncode == 0, accepted.stderr[-3000:]
    archived = sqlite_utils.Database(tmp_path / "accepted.db")
    assert sorted(r["url"] for r in archived["articles"].rows) == sorted(base + path[1:] for path in items)
    assert next(archived["crawls"].rows)["status"] == "complete"


#: How a listing's entries carry a ``<header>`` or ``<footer>`` of their own (HTML5: each ``<article>`` and each card
#: its own), the entry's one link in it.
ENTRY_SHAPES = {
    "a 'Lees meer' link in the footer of an article": "<article class='nieuws-item'><h3>{title}</h3><p>De regio start de"
                                                      " inkoop.</p><footer><a href='{path}'>Lees meer</a></footer></article>",
    "the title's link in the header of a section": "<section class='card'><header><h3><a href='{path}'>{title}</a></h3>"
                                                   "</header><p>De regio start de inkoop.</p></section>",
    "the title's link in the header of a card": "<div class='card'><header><h3><a href='{path}'>{title}</a></h3></header>"
                                                "<p>De regio start de inkoop.</p></div>",
}


@pytest.mark.parametrize("shape", ENTRY_SHAPES)
def test_a_listings_entries_linked_from_their_own_header_or_footer_are_read(tmp_path, shape):
    """§2.1 listing pages, malformed or unusual markup: a listing's links in a ``<footer>`` (or a ``<header>`` outside
    ``<main>``) were taken for the site's template (its banner, its contentinfo) and never read, so a listing of
    ``<article>`` entries with their "Lees meer" link in their own footer, or of cards each with a ``<header>``, was a
    listing without items: the crawl "complete", nothing found. An entry's own header or footer is the entry's; the
    page's footer (and its ``/nieuws/privacy`` link) is still the template."""
    items = {"/nieuws/inkoop-jeugdhulp": "Inkoop jeugdhulp gestart", "/nieuws/gunning-jeugdhulp": "Voorlopige gunning"}
    entries = "".join(ENTRY_SHAPES[shape].format(path=path, title=title) for path, title in items.items())
    listing = (HTML, ("<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'>"
                      "<title>Nieuws</title></head><body><header><a href='/'>Gemeente Voorbeeld</a></header>"
                      f"<div id='content'><h1>Nieuws</h1>{entries}</div>"
                      "<footer><a href='/nieuws/privacy'>Privacyverklaring</a></footer></body></html>").encode())
    rows, log = crawl_listing(tmp_path, listing, {**items, "/nieuws/privacy": "Privacyverklaring"})
    assert sorted(rows) == sorted(items)
    assert "/nieuws/privacy" not in log


def drupal_view_page(number: int, last: int) -> tuple[str, bytes]:
    """Page ``number`` (from 0) of a SYNTHETIC Drupal 7 view with an exposed filter (news-sites.md §2.1 Drupal:
    zero-based ``?page=``): its pager writes the filter's value into every link (``?type=All&page=1``) and no
    ``rel="next"``."""
    rows = "".join(f"<div class='views-row'><h3><a href='/nieuws/bericht-{number}-{k}'>Inkoop jeugdhulp {number}-{k}"
                   "</a></h3></div>" for k in range(2))
    pager = "".join(f"<li class='pager-item'><a title='Ga naar pagina {n + 1}' href='/nieuws?type=All&amp;page={n}'>"
                    f"{n + 1}</a></li>" for n in range(last + 1) if n != number)
    following = (f"<li class='pager-next'><a title='Ga naar volgende pagina' href='/nieuws?type=All&amp;page={number + 1}'>"
                 "volgende ›</a></li>") if number < last else ""
    return (HTML, ("<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'>"
                   "<title>Nieuws</title></head><body><div id='content'><form class='views-exposed-form'><select "
                   "name='type'><option value='All'>- Alle -</option></select></form><div class='view-content'>"
                   f"{rows}</div><h2 class='element-invisible'>Pagina's</h2><div class='item-list'><ul class='pager'>"
                   f"{pager}{following}</ul></div></div></body></html>").encode())


def test_a_drupal_views_pager_carrying_its_exposed_filter_is_read_page_by_page(tmp_path):
    """§2.1 Drupal (zero-based ``?page=``): a view with an exposed filter writes the filter's value into every pager
    link (``/nieuws?type=All&page=1`` for the listing ``/nieuws``), and Drupal 7's pager writes no ``rel="next"``.
    A page link was read only with the page number as its one new parameter, so only the first page was read, its
    ``max_pages`` notwithstanding: the site's older items never found."""
    log: list[str] = []
    routes = {"/robots.txt": ROBOTS, "/nieuws": drupal_view_page(0, 2),
              **{f"/nieuws?type=All&page={n}": drupal_view_page(n, 2) for n in range(3)},
              **{f"/nieuws/bericht-{n}-{k}": undated_page(f"Inkoop jeugdhulp {n}-{k}") for n in range(3) for k in range(2)}}
    server, base = serve(routes, log)
    try:
        crawl = crawl_news(registry(tmp_path, base_url=base, cms="drupal", allow=["^/nieuws/"],
                                    discovery={"listing": {"urls": ["nieuws"], "max_pages": 3}}), tmp_path / "archive.db")
    finally:
        server.shutdown()
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    assert sorted(r["url"] for r in sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows) == sorted(
        f"{base}nieuws/bericht-{n}-{k}" for n in range(3) for k in range(2))
    assert {p for p in log if "page=" in p} <= {f"/nieuws?type=All&page={n}" for n in range(3)}


@pytest.mark.parametrize("overview", ["/nieuws", "/nieuws?pager_page=2"])
def test_an_item_redirected_to_the_sites_news_overview_is_not_archived_as_an_article(tmp_path, overview):
    """Soft 404s and redirects (§2.1 listing pages): a CMS sends a withdrawn item (still in the sitemap) to the news
    overview, as others send it to the home page. Only the home page was known as no item's landing place: on a site
    whose registry gives no ``allow`` rule the overview (the registry's listing, or a page of its pager) was archived
    as an article. It is not archived (logged, as a redirect to the home page is); the listed item is."""
    listing = (HTML, ("<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'>"
                      "<title>Nieuws</title></head><body><main><h1>Nieuws</h1><ul><li><a href='/nieuws/inkoop-jeugdhulp'>"
                      "Inkoop jeugdhulp gestart</a></li></ul><p>Hier leest u het laatste nieuws van de gemeente over "
                      "jeugdhulp, de Wmo en de inkoop van zorg.</p></main></body></html>").encode())
    sitemap = ("application/xml", b'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/'
                                  b'schemas/sitemap/0.9"><url><loc>/nieuws/ingetrokken-bericht</loc></url></urlset>')
    routes = {"/robots.txt": ROBOTS, "/nieuws": listing, "/nieuws?pager_page=2": listing, "/sitemap.xml": sitemap,
              "/nieuws/inkoop-jeugdhulp": undated_page("Inkoop jeugdhulp gestart")}
    log: list[str] = []
    server, base = redirecting(routes, {"/nieuws/ingetrokken-bericht": overview}, log)
    try:
        crawl = crawl_news(registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]},
                                                                         "sitemaps": ["sitemap.xml"]}),
                           tmp_path / "archive.db")
    finally:
        server.shutdown()
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    assert "/nieuws/ingetrokken-bericht" in log
    assert [r["url"] for r in sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows] == [
        f"{base}nieuws/inkoop-jeugdhulp"]


def test_the_news_overview_named_by_the_sitemap_however_written_is_not_archived_as_an_article(tmp_path):
    """§2.1 TYPO3 and Drupal sitemaps name every page of the site, the news overview too, and may write it otherwise
    than the registry (``/nieuws/`` for ``nieuws``, a page of its pager ``/nieuws?page=1``): only the registry's
    spelling was known as no article, so on a site whose registry gives no ``allow`` rule the overview was fetched
    and archived as an article. It is not asked as a page; the items are."""
    listing = (HTML, ("<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'>"
                      "<title>Nieuws</title></head><body><main><h1>Nieuws</h1><ul><li><a href='/nieuws/inkoop-jeugdhulp'>"
                      "Inkoop jeugdhulp gestart</a></li></ul><p>Hier leest u het laatste nieuws van de gemeente over "
                      "jeugdhulp, de Wmo en de inkoop van zorg.</p></main></body></html>").encode())
    sitemap = ("application/xml", b'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/'
                                  b'schemas/sitemap/0.9"><url><loc>/nieuws/</loc></url><url><loc>/nieuws?page=1</loc>'
                                  b'</url><url><loc>/nieuws/inkoop-jeugdhulp</loc></url></urlset>')
    log: list[str] = []
    routes = {"/robots.txt": ROBOTS, "/nieuws": listing, "/nieuws/": listing, "/nieuws?page=1": listing,
              "/sitemap.xml": sitemap, "/nieuws/inkoop-jeugdhulp": undated_page("Inkoop jeugdhulp gestart")}
    server, base = serve(routes, log)
    try:
        crawl = crawl_news(registry(tmp_path, base_url=base, cms="typo3", discovery={
            "listing": {"urls": ["nieuws"]}, "sitemaps": ["sitemap.xml"]}), tmp_path / "archive.db")
    finally:
        server.shutdown()
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    assert [r["url"] for r in sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows] == [
        f"{base}nieuws/inkoop-jeugdhulp"]
    assert "/nieuws/" not in log and "/nieuws?page=1" not in log


#: Listings whose entries are no elements of their own, the date in an element beside the title's (§2.3 date forms):
#: a definition list, and flat runs of heading, date line and intro in one container, the date after or before.
BESIDE_SHAPES = {
    "a definition list": ("<dl class='nieuws'>{entries}</dl>", "<dt>{numeric}</dt><dd><a href='{path}'>{title}</a></dd>"),
    "a date line after each heading": ("<div class='lijst'>{entries}</div>",
                                       "<h3><a href='{path}'>{title}</a></h3><p class='datum'>{long}</p>"
                                       "<p>De regio start de inkoop van jeugdhulp.</p>"),
    "a date line before each heading": ("<div class='lijst'>{entries}</div>",
                                        "<p class='datum'>{long}</p><h3><a href='{path}'>{title}</a></h3>"
                                        "<p>De regio start de inkoop van jeugdhulp.</p>"),
}


@pytest.mark.parametrize("shape", BESIDE_SHAPES)
def test_a_date_in_an_element_beside_the_entrys_title_dates_the_listed_entry(tmp_path, shape):
    """§2.3 date forms on a listing (``dd-mm-yyyy``, ``d MMMM yyyy``) dating items whose pages state none: an entry
    that is no element of its own (a ``<dt>`` date beside a ``<dd>`` link, or a flat run of heading, date line and
    intro in one container) had no date read, the date being in none of the link's ancestors: its items were archived
    undated. The date beside the title dates it, before or after as the listing writes it; an intro's sentence
    naming an event's date does not."""
    from tests.spiders.test_news_reference8 import MONTHS

    items = {"/nieuws/bericht-oud": ("Inkoop jeugdhulp gestart", "2020-10-14"),
             "/nieuws/bericht-nieuw": ("Voorlopige gunning jeugdhulp", "2021-10-14"),
             "/nieuws/bericht-raad": ("Raad besluit over jeugdhulp", None)}
    frame, entry = BESIDE_SHAPES[shape]
    entries = "".join(
        entry.format(path=path, title=title, numeric=f"{day[8:]}-{day[5:7]}-{day[:4]}",
                     long=f"{int(day[8:])} {MONTHS[int(day[5:7]) - 1]} {day[:4]}")
        if day else f"<h3><a href='{path}'>{title}</a></h3><p>De raad besluit op 1 december 2021 over de inkoop.</p>"
        for path, (title, day) in items.items())
    listing = (HTML, ("<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'>"
                      f"</head><body><main><h1>Nieuws</h1>{frame.format(entries=entries)}</main></body></html>").encode())
    dated, _ = crawl_listing(tmp_path, listing, {path: title for path, (title, _) in items.items()})
    assert dated == {path: day for path, (_, day) in items.items()}


def project_page(*events: str) -> tuple[str, bytes]:
    """A SYNTHETIC living project page ([S2]'s kind: updated in place), its events one paragraph each."""
    paragraphs = "".join(f"<p>{event}</p>" for event in events)
    return (HTML, ("<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'>"
                   "<title>Proces aanbesteding inkoop jeugdhulp</title></head><body><main><h1>Proces aanbesteding inkoop "
                   f"jeugdhulp</h1>{paragraphs}</main></body></html>").encode())


def test_a_living_page_whose_registry_url_redirects_to_a_new_address_keeps_its_history_under_that_url(tmp_path):
    """§2.2 living project pages ("version them by crawl time") and §2.1 sites moved to another CMS: the registry's
    living page answers ``301`` to its new address, where the page goes on being updated. It was archived as a second
    page under the new address, the registry's copy frozen and both counted (relevance, events). The registry names
    the page: its new text is that page's next version, under the registry's URL, its provenance the new address."""
    first = "De aanbesteding voor de inkoop van jeugdhulp is gepubliceerd op TenderNed."
    later = "De aanbesteding is voorlopig gegund aan vier aanbieders."
    routes = {"/robots.txt": ROBOTS, "/inkoopjeugdhulp.html": project_page(first)}
    redirects: dict[str, str] = {}
    server, base = redirecting(routes, redirects)
    db_path = tmp_path / "archive.db"
    sources = registry(tmp_path, base_url=base, living_pages=["inkoopjeugdhulp.html"])
    try:
        crawls = [crawl_news(sources, db_path, "-s", "NEWS_LIVING_RECHECK_HOURS=0")]
        routes["/jeugdhulp/inkoop-jeugdhulp"] = project_page(first, later)
        redirects["/inkoopjeugdhulp.html"] = "/jeugdhulp/inkoop-jeugdhulp"
        crawls.append(crawl_news(sources, db_path, "-s", "NEWS_LIVING_RECHECK_HOURS=0"))
    finally:
        server.shutdown()
    assert [c.returncode for c in crawls] == [0, 0], crawls[-1].stderr[-3000:]
    db = sqlite_utils.Database(db_path)
    (page,) = db["articles"].rows
    assert (page["url"], page["source_url"]) == (f"{base}inkoopjeugdhulp.html", f"{base}jeugdhulp/inkoop-jeugdhulp")
    assert later in page["text"] and page["is_living_page"] == 1
    (version,) = db.query("select row_key, previous_values from versions where table_name = 'articles'")
    assert version["row_key"] == page["url"] and later not in json.loads(version["previous_values"])["text"]


@pytest.mark.parametrize("answer", ["the home page", "a redirect to the home page"])
def test_a_guessed_sitemap_answering_an_html_page_is_no_sitemap_and_no_error(tmp_path, answer):
    """§2.1 TYPO3/Drupal: "``/sitemap.xml``, or the ``Sitemap:`` line in robots.txt". A robots.txt naming no sitemap
    has the CMS's usual address tried; many CMSs answer an address they have nothing at with the home page (``200``)
    or a redirect there, which was read as XML: "malformed sitemap: " (nothing more), every crawl of the site partial
    (exit 3) for a sitemap the registry never named. It is no sitemap there, as its ``404`` is: logged, no error; the
    listing's items are archived."""
    from tests.spiders.test_news_reference import HOME

    routes = {"/robots.txt": ROBOTS, "/": HOME, "/nieuws": news_overview(["/nieuws/inkoop-jeugdhulp"]),
              "/nieuws/inkoop-jeugdhulp": undated_page("Inkoop jeugdhulp gestart")}
    redirects = {}
    if answer == "the home page":
        routes["/sitemap.xml"] = HOME
    else:
        redirects["/sitemap.xml"] = "/"
    server, base = redirecting(routes, redirects)
    try:
        crawl = crawl_news(registry(tmp_path, base_url=base, allow=["^/nieuws/"], discovery={
            "robots_sitemaps": True, "listing": {"urls": ["nieuws"]}}), tmp_path / "archive.db")
    finally:
        server.shutdown()
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert next(db["crawls"].rows)["status"] == "complete"
    assert [r["url"] for r in db["articles"].rows] == [f"{base}nieuws/inkoop-jeugdhulp"]


def test_a_feed_of_the_registry_answering_an_html_page_is_an_error_naming_the_feed_and_the_page(tmp_path):
    """§2.1 WordPress "RSS at ``/feed/``": a plugin switching feeds off redirects ``/feed/`` to the home page. The error
    named the home page as a "malformed feed: StartTag: invalid element name": nothing a user could act on. It names
    the registry's feed, that an HTML page answered, and which."""
    from tests.spiders.test_news_reference import HOME

    server, base = redirecting({"/robots.txt": ROBOTS, "/": HOME}, {"/feed/": "/"})
    try:
        crawl_news(registry(tmp_path, base_url=base, cms="wordpress", discovery={"feeds": ["feed/"]}),
                   tmp_path / "archive.db")
    finally:
        server.shutdown()
    errors = json.loads(next(sqlite_utils.Database(tmp_path / "archive.db")["crawls"].rows)["errors"])
    assert [(e["url"], e["error"]) for e in errors] == [
        (f"{base}feed/", f"no feed: the address answered an HTML page at {base} ('Gemeente Voorbeeld')")]


def test_a_listing_dated_newest_first_is_not_paged_past_the_crawls_from_date(tmp_path):
    """Politeness and ``--from-date`` windows (§2.1 ``pager_page`` paging, §2.3 listing dates): a crawl of the last
    months read all of a listing's ``max_pages`` pages, to leave every item on its later pages unasked as dated before
    the window. A page dated newest first whose newest entry is before the crawl's first day ends the paging (its pager
    a "Volgende" link): its later pages hold older items only."""
    from tests.spiders.test_news_reference8 import MONTHS

    days = {1: ["2021-10-14", "2021-09-02", "2021-08-19"], 2: ["2021-03-11", "2021-02-04", "2021-01-21"],
            3: ["2020-12-14", "2020-11-05", "2020-10-01"]}

    def listing_page(number: int) -> tuple[str, bytes]:
        entries = "".join(f"<li><a href='/nieuws/bericht-{day}'>Bericht over jeugdhulp</a> <span class='datum'>"
                          f"{int(day[8:])} {MONTHS[int(day[5:7]) - 1]} {day[:4]}</span></li>" for day in days[number])
        pager = f"<li><a href='/nieuws?pager_page={number + 1}'>Volgende</a></li>" if number + 1 in days else ""
        return (HTML, ("<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'>"
                       f"</head><body><main><ul class='nieuws'>{entries}</ul><ul class='pagination'>{pager}</ul></main>"
                       "</body></html>").encode())

    log: list[str] = []
    routes = {"/robots.txt": ROBOTS, "/nieuws": listing_page(1),
              **{f"/nieuws?pager_page={n}": listing_page(n) for n in days},
              **{f"/nieuws/bericht-{day}": undated_page(f"Bericht over jeugdhulp van {day}") for page in days.values()
                 for day in page}}
    server, base = serve(routes, log)
    try:
        crawl = crawl_news(registry(tmp_path, base_url=base, cms="iprox", allow=["^/nieuws/"],
                                    discovery={"listing": {"urls": ["nieuws"], "max_pages": 5}}),
                           tmp_path / "archive.db", "--from-date", "2021-06-01")
    finally:
        server.shutdown()
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    assert "/nieuws?pager_page=2" in log and "/nieuws?pager_page=3" not in log
    assert sorted(r["published"] for r in sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows) == sorted(days[1])
