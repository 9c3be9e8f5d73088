"""The news spider, sixty-seventh pass against docs/reference/news-sites.md as an evaluator would test it: a listing
that offers its archive pages by year only as a year chooser (a ``<select>`` whose options name the archive pages, or
a ``GET`` form's ``<select name="jaar">``: §2.1's server-rendered listings), on real loopback crawls of SYNTHETIC pages
(labelled like tests/fixtures/news), crawled with ``tenderarchive crawl news`` into a real archive."""

from __future__ import annotations

import pytest

from tests.spiders.test_news_reference6 import HTML, listing_of
from tests.spiders.test_news_reference66 import article, crawl, titles


def listing_with_chooser(items: dict[str, str], chooser: str) -> tuple[str, bytes]:
    """A SYNTHETIC listing page: ``items`` (path -> title) in its main list, and a year ``chooser`` (markup) beside."""
    entries = "".join(f"<li><a href='{h}'>{t}</a></li>" for h, t in items.items())
    return HTML, ("<!doctype html><html><head><meta name='tenderarchive-fixture' content='synthetic'></head><body><main>"
                  f"<ul class='nieuws'>{entries}</ul><aside class='archief'>{chooser}</aside></main></body></html>"
                  ).encode()


#: SYNTHETIC year choosers in the shapes sites give them: options naming each year's archive page (navigated to by a
#: script), and a GET form whose select sends the year (with a hidden field, as a CMS's form keeps its view).
CHOOSERS = {
    "option addresses": (
        "<select onchange='location=this.value'><option value=''>Kies een jaar</option>"
        "<option value='/nieuws/archief/2021'>2021</option><option value='/nieuws/archief/2020'>2020</option></select>",
        {"/nieuws/archief/2021": "/nieuws/eenentwintig", "/nieuws/archief/2020": "/nieuws/twintig"}),
    "get form": (
        "<form action='/nieuws' method='get'><input type='hidden' name='view' value='lijst'>"
        "<label>Jaar <select name='jaar'><option>2021</option><option value='2020'>Archief 2020</option></select>"
        "</label><button>Toon</button></form>",
        {"/nieuws?view=lijst&jaar=2021": "/nieuws/eenentwintig", "/nieuws?view=lijst&jaar=2020": "/nieuws/twintig"}),
}


@pytest.mark.parametrize("shape", sorted(CHOOSERS))
def test_a_listings_year_chooser_is_read_as_its_archive_pages_by_year(tmp_path, shape):
    """A listing showing this year's news and offering its older years only in a ``<select>``: only the current items
    were discovered (an option is no link). Each year's page is now read as a listing of its own: the articles of
    every year are archived, and no year's page is archived as an article."""
    chooser, pages = CHOOSERS[shape]
    routes = {"/nieuws/nu": article("Inkoop nu"), "/nieuws/eenentwintig": article("Inkoop 2021"),
              "/nieuws/twintig": article("Inkoop 2020"),
              **{path: listing_of(entry) for path, entry in pages.items()}}
    routes["/nieuws"] = listing_with_chooser({"/nieuws/nu": "Inkoop nu"}, chooser)
    rows, asked = crawl(tmp_path, routes)
    assert titles(rows) == ["Inkoop 2020", "Inkoop 2021", "Inkoop nu"]
    assert all(path in asked for path in pages)


def test_a_year_chooser_keeps_to_the_crawls_dates_and_its_post_forms(tmp_path):
    """The guards: with ``--from-date 2021-01-01`` the option of 2020 is not asked; a ``POST`` form's select
    (a search's, whose answer no address names) is never asked."""
    chooser = ("<select><option value='/nieuws/archief/2021'>2021</option>"
               "<option value='/nieuws/archief/2020'>2020</option></select>"
               "<form action='/zoeken' method='post'><select name='jaar'><option>2021</option></select></form>")
    routes = {"/nieuws": listing_with_chooser({"/nieuws/nu": "Inkoop nu"}, chooser),
              "/nieuws/archief/2021": listing_of("/nieuws/eenentwintig"),
              "/nieuws/archief/2020": listing_of("/nieuws/twintig"),
              "/nieuws/nu": article("Inkoop nu"), "/nieuws/eenentwintig": article("Inkoop 2021"),
              "/nieuws/twintig": article("Inkoop 2020")}
    rows, asked = crawl(tmp_path, routes, "--from-date", "2021-01-01")
    assert "/nieuws/archief/2021" in asked and "/nieuws/archief/2020" not in asked
    assert not any(path.startswith("/zoeken") for path in asked)
    assert titles(rows) == ["Inkoop 2021", "Inkoop nu"]
