"""The news spider, sixty-sixth pass against docs/reference/news-sites.md as an evaluator would test it: a listing
that keeps its older news in archive pages by year (``/nieuws/archief/2021``, ``/nieuws?jaar=2021``: §2.1's
server-rendered listings, the years linked from the listing's side menu), on real loopback crawls of SYNTHETIC pages
(labelled like tests/fixtures/news), crawled with ``tenderarchive crawl news`` into a real archive."""

from __future__ import annotations

import pytest
import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, redirecting, registry
from tests.spiders.test_news_reference6 import HTML, listing_of
from tests.spiders.test_news_reference60 import ARTICLE, page


def article(title: str) -> tuple[str, bytes]:
    return "text/html; charset=utf-8", page(title, "<p>Gepubliceerd op 3 maart 2021</p>" + ARTICLE)


def listing_with_years(items: dict[str, str], years: dict[str, str], menu: str = "nav") -> tuple[str, bytes]:
    """A SYNTHETIC listing page: ``items`` (path -> title) in its main list, ``years`` (path -> link text) in a side
    menu of archive pages by year (a ``<nav>``, or an ``<aside>``)."""
    entries = "".join(f"<li><a href='{h}'>{t}</a></li>" for h, t in items.items())
    archive = "".join(f"<li><a href='{h}'>{t}</a></li>" for h, t in years.items())
    return HTML, ("<!doctype html><html><head><meta name='tenderarchive-fixture' content='synthetic'></head><body><main>"
                  f"<ul class='nieuws'>{entries}</ul><{menu} class='archief'><h2>Archief</h2><ul>{archive}</ul>"
                  f"</{menu}></main></body></html>").encode()


def crawl(tmp_path, routes: dict, *args: str) -> tuple[list[dict], list[str]]:
    """Crawl a SYNTHETIC site of ``routes`` (its listing at /nieuws) once: its archived rows and the paths asked."""
    asked: list[str] = []
    server, base = redirecting({"/robots.txt": ROBOTS, **routes}, {}, asked)
    db_path = tmp_path / "archive.db"
    try:
        done = crawl_news(registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}},
                                   allow=["^/nieuws"]), db_path, *args)
    finally:
        server.shutdown()
    assert done.returncode == 0, done.stderr[-3000:]
    return list(sqlite_utils.Database(db_path)["articles"].rows), asked


def titles(rows: list[dict]) -> list[str]:
    return sorted(r["title"] or "" for r in rows)


#: SYNTHETIC archive pages by year in the shapes sites give them: a path segment under the listing, under an archive
#: path, and a query parameter, each linked by the year or the archive's name and the year.
YEAR_SHAPES = {
    "path": {"/nieuws/2021": "2021", "/nieuws/2020": "2020"},
    "archief path": {"/nieuws/archief/2021/": "Archief 2021", "/nieuws/archief/2020/": "Archief 2020"},
    "query": {"/nieuws?jaar=2021": "Nieuws uit 2021", "/nieuws?jaar=2020": "Nieuws uit 2020"},
}


@pytest.mark.parametrize("shape", sorted(YEAR_SHAPES))
@pytest.mark.parametrize("menu", ["nav", "aside"])
def test_a_listings_archive_pages_by_year_are_read_as_listings(tmp_path, shape, menu):
    """A listing showing this year's news and linking its older news by year (a list of years in a side menu): only
    the current items were discovered (a ``<nav>``'s links are no listing's), or a year's archive page was asked as
    an article. Each year's page is now read as a listing of its own: the articles of every year are archived, and
    no archive page is archived as an article."""
    (path_2021, _), (path_2020, _) = YEAR_SHAPES[shape].items()
    routes = {"/nieuws": listing_with_years({"/nieuws/nu": "Inkoop nu"}, YEAR_SHAPES[shape], menu),
              path_2021.rstrip("/"): listing_of("/nieuws/eenentwintig"), path_2021: listing_of("/nieuws/eenentwintig"),
              path_2020.rstrip("/"): listing_of("/nieuws/twintig"), path_2020: listing_of("/nieuws/twintig"),
              "/nieuws/nu": article("Inkoop nu"), "/nieuws/eenentwintig": article("Inkoop 2021"),
              "/nieuws/twintig": article("Inkoop 2020")}
    rows, _ = crawl(tmp_path, routes)
    assert titles(rows) == ["Inkoop 2020", "Inkoop 2021", "Inkoop nu"]


def test_the_years_before_the_crawls_from_date_are_not_asked(tmp_path):
    """The guard of the crawl's dates: with ``--from-date 2021-01-01`` the archive page of 2020 is not asked (its
    items are all older), that of 2021 is."""
    years = YEAR_SHAPES["archief path"]
    routes = {"/nieuws": listing_with_years({"/nieuws/nu": "Inkoop nu"}, years),
              "/nieuws/archief/2021/": listing_of("/nieuws/eenentwintig"),
              "/nieuws/archief/2020/": listing_of("/nieuws/twintig"),
              "/nieuws/nu": article("Inkoop nu"), "/nieuws/eenentwintig": article("Inkoop 2021"),
              "/nieuws/twintig": article("Inkoop 2020")}
    rows, asked = crawl(tmp_path, routes, "--from-date", "2021-01-01")
    assert "/nieuws/archief/2021/" in asked and "/nieuws/archief/2020/" not in asked
    assert "/nieuws/twintig" not in asked
    assert titles(rows) == ["Inkoop 2021", "Inkoop nu"]


def test_a_link_naming_a_year_whose_address_does_not_carry_it_is_an_article(tmp_path):
    """The guard of the shape: an entry titled with a year ("2021") whose address is no year's (``/nieuws/terugblik``)
    is an article of the listing, archived as one; a menu's year link to another host is not followed."""
    routes = {"/nieuws": listing_with_years({"/nieuws/terugblik": "2021"}, {"http://elders.invalid/nieuws/2020": "2020"},
                                            "aside"),
              "/nieuws/terugblik": article("Terugblik op 2021")}
    rows, asked = crawl(tmp_path, routes)
    assert titles(rows) == ["Terugblik op 2021"]
