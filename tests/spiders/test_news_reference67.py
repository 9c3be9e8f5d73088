"""The news spider, sixty-seventh pass against docs/reference/news-sites.md as an evaluator would test it: a listing
that offers its archive pages by year only as a year chooser (a ``<select>`` whose options name the archive pages, or
a ``GET`` form's ``<select name="jaar">``: §2.1's server-rendered listings), on real loopback crawls of SYNTHETIC pages
(labelled like tests/fixtures/news); and a WordPress listing naming its archives by month (its archives widget), crawled with ``tenderarchive crawl news`` into a real archive."""

from __future__ import annotations

import pytest

from tests.spiders.test_news_reference6 import HTML, listing_of
from tests.spiders.test_news_reference60 import ARTICLE, page
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


def article_of(title: str, day: str) -> tuple[str, bytes]:
    return "text/html; charset=utf-8", page(title, f"<p>Gepubliceerd op {day}</p>" + ARTICLE)


#: SYNTHETIC month archives in WordPress's shapes (its archives widget: a list of links naming the month and the year,
#: with the count of posts, or its dropdown of the same; its month archive at ``/2021/07/``, or ``?m=202107`` on plain
#: permalinks), the listing's side menu naming July and June 2021.
MONTH_SHAPES = {
    "links": ("<ul><li><a href='/nieuws/2021/07/'>juli 2021</a>&nbsp;(1)</li>"
              "<li><a href='/nieuws/2021/06/'>juni 2021 (1)</a></li></ul>",
              {"/nieuws/2021/07/": "/nieuws/2021/07/29/juli/", "/nieuws/2021/06/": "/nieuws/2021/06/10/juni/"}),
    "dropdown": ("<select name='archive-dropdown' onchange='document.location.href=this.value'>"
                 "<option value=''>Selecteer maand</option><option value='/nieuws/2021/07/'> juli 2021 &nbsp;(1)</option>"
                 "<option value='/nieuws/2021/06/'> juni 2021 &nbsp;(1)</option></select>",
                 {"/nieuws/2021/07/": "/nieuws/2021/07/29/juli/", "/nieuws/2021/06/": "/nieuws/2021/06/10/juni/"}),
    "plain permalinks": ("<ul><li><a href='/nieuws?m=202107'>Juli 2021</a></li>"
                         "<li><a href='/nieuws?m=202106'>Juni 2021</a></li></ul>",
                         {"/nieuws?m=202107": "/nieuws/2021/07/29/juli/", "/nieuws?m=202106": "/nieuws/2021/06/10/juni/"}),
}
MONTH_ARTICLES = {"/nieuws/2021/07/29/juli/": article_of("Inkoop juli", "29 juli 2021"),
                  "/nieuws/2021/06/10/juni/": article_of("Inkoop juni", "10 juni 2021"),
                  "/nieuws/2021/08/02/nu/": article_of("Inkoop augustus", "2 augustus 2021")}


@pytest.mark.parametrize("shape", sorted(MONTH_SHAPES))
def test_a_listings_archive_pages_by_month_are_read_as_listings(tmp_path, shape):
    """A WordPress listing showing its newest posts and naming its older ones by month (its archives widget, as links
    or as a dropdown; news-sites.md §2.1): "juli 2021" was no year's link, so only the newest posts were read. Each
    month's archive page is now read as a listing of its own."""
    menu, pages = MONTH_SHAPES[shape]
    routes = {**MONTH_ARTICLES, **{path: listing_of(entry) for path, entry in pages.items()},
              "/nieuws": listing_with_chooser({"/nieuws/2021/08/02/nu/": "Inkoop augustus"}, menu)}
    rows, asked = crawl(tmp_path, routes)
    assert titles(rows) == ["Inkoop augustus", "Inkoop juli", "Inkoop juni"]
    assert all(path in asked for path in pages)


def test_a_month_before_the_crawls_dates_is_not_asked_and_a_post_named_by_its_month_is_an_article(tmp_path):
    """The guards: with ``--from-date 2021-07-01`` July's archive is asked and June's is not (all its posts are
    older); a post titled "juli 2021" at its own address under the month (``/2021/07/30/<slug>/``) is an article."""
    menu, pages = MONTH_SHAPES["links"]
    routes = {**MONTH_ARTICLES, **{path: listing_of(entry) for path, entry in pages.items()},
              "/nieuws/2021/07/30/terugblik/": article_of("Terugblik op juli", "30 juli 2021"),
              "/nieuws": listing_with_chooser({"/nieuws/2021/08/02/nu/": "Inkoop augustus",
                                               "/nieuws/2021/07/30/terugblik/": "juli 2021"}, menu)}
    rows, asked = crawl(tmp_path, routes, "--from-date", "2021-07-01")
    assert "/nieuws/2021/07/" in asked and "/nieuws/2021/06/" not in asked
    assert titles(rows) == ["Inkoop augustus", "Inkoop juli", "Terugblik op juli"]
