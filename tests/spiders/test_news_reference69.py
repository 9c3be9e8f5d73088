"""The news spider, sixty-ninth pass against docs/reference/news-sites.md as an evaluator would test it: WordPress's
built-in feeds (§2.1, "RSS at ``/feed/``"), which show their newest items only and page by the query ``?paged=N``
without naming the next page, and a year chooser whose options a script navigates to; on real loopback crawls of
SYNTHETIC feeds and pages (labelled like tests/fixtures/news), crawled with ``tenderarchive crawl news`` into a real
archive."""

from __future__ import annotations

import json

import pytest
import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, redirecting, registry, serve
from tests.spiders.test_news_reference6 import listing_of
from tests.spiders.test_news_reference66 import article, crawl, titles
from tests.spiders.test_news_reference67 import listing_with_chooser
from tests.spiders.test_news_reference68 import PAGES, RSS, print_version, site

GENERATOR = "<generator>https://wordpress.org/?v=6.4.2</generator>"


def wp_rss(generator: str = GENERATOR):
    """A SYNTHETIC WordPress RSS 2.0 feed page (``generator`` in its channel), naming no next page."""
    months = ["", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    def shape(entries: dict[str, str], following: str | None = None) -> tuple[str, bytes]:
        items = "".join(f"<item><title>{path}</title><link>{path}</link><pubDate>Mon, {day[8:]} "
                        f"{months[int(day[5:7])]} {day[:4]} 10:00:00 +0000</pubDate></item>"
                        for path, day in entries.items())
        return RSS, ("<?xml version='1.0' encoding='utf-8'?><!-- SYNTHETIC --><rss version='2.0' "
                     "xmlns:atom='http://www.w3.org/2005/Atom'><channel><title>Nieuws</title><link>/</link>"
                     f"<atom:link rel='self' href='/feed/'/>{generator}{items}</channel></rss>").encode()
    return shape


def crawl_wp(tmp_path, routes: dict, *args: str, cms: str | None = None, times: int = 1):
    """Crawl a SYNTHETIC site whose registry names its feed at /feed/ (``cms`` when given): its archived rows, the
    feed paths the last crawl asked, and the crawl's row."""
    asked: list[str] = []
    db_path = tmp_path / "archive.db"
    extra = {"cms": cms} if cms else {}
    with serve({"/robots.txt": ROBOTS, **routes}, asked) as base:
        for _ in range(times):
            asked.clear()
            done = crawl_news(registry(tmp_path, base_url=base, discovery={"feeds": ["feed/"]}, allow=["^/nieuws/"],
                                       **extra), db_path, *args)
            assert done.returncode == 0, done.stderr[-3000:]
    db = sqlite_utils.Database(db_path)
    return list(db["articles"].rows), [p for p in asked if p.startswith("/feed")], list(db["crawls"].rows)[-1]


def test_a_wordpress_feed_is_read_page_by_page_through_its_paged_query(tmp_path):
    """A WordPress feed (its ``<generator>``) names no next page, but ``/feed/?paged=2`` is its second: only the
    first page's items were archived. Its pages are now read in turn; the page past the last (WordPress answers 404)
    ends the walk with no error, the crawl complete."""
    rows, asked, crawl = crawl_wp(tmp_path, site(wp_rss()))
    assert titles(rows) == [f"Inkoop {n}" for n in "abcdef"]
    assert asked == ["/feed/", "/feed/?paged=2", "/feed/?paged=3", "/feed/?paged=4"]
    assert crawl["status"] == "complete" and crawl["error_count"] == 0


def test_a_short_page_of_a_wordpress_feed_is_its_last(tmp_path):
    """A page naming fewer items than the first (WordPress shows the same number on every page but the last) is the
    last: the page after it is not asked. A first page of one item is the site's one post: no second page asked (a
    404 each crawl, and its replay through Scrapy's engine)."""
    pages = [PAGES[0], PAGES[1], {"/nieuws/2021/06/01/e/": "2021-06-01"}]
    rows, asked, _ = crawl_wp(tmp_path, site(wp_rss(), pages))
    assert titles(rows) == [f"Inkoop {n}" for n in "abcde"]
    assert asked == ["/feed/", "/feed/?paged=2", "/feed/?paged=3"]
    (tmp_path / "one").mkdir()
    rows, asked, _ = crawl_wp(tmp_path / "one", site(wp_rss(), [{"/nieuws/2021/06/01/e/": "2021-06-01"}]))
    assert asked == ["/feed/"] and titles(rows) == ["Inkoop e"]


#: The HTTP header WordPress sends with every answer its templates give, its feeds' too: its REST API's address.
WP_JSON = {"Link": lambda base: f'<{base}wp-json/>; rel="https://api.w.org/"'}


@pytest.mark.parametrize("generator,cms,headers,paged", [
    ("", None, {}, False), ("", "wordpress", {}, True), ("<generator>Drupal 10</generator>", None, {}, False),
    ("", None, WP_JSON, True)], ids=["no-cms", "registry-wordpress", "drupal", "wp-json-link"])
def test_only_a_wordpress_feed_is_paged_by_query(tmp_path, generator, cms, headers, paged):
    """A feed of no known CMS, or of another one, is not probed for ``?paged=2``; one of a site the registry names
    WordPress is, its generator tag removed (a security plugin's habit), and so is one answered with WordPress's
    ``Link: <…/wp-json/>; rel="https://api.w.org/"`` header."""
    routes = site(wp_rss(generator))
    routes = {path: (*route, 200, headers) if path.startswith("/feed") else route for path, route in routes.items()}
    rows, asked, _ = crawl_wp(tmp_path, routes, cms=cms)
    assert (asked[1:2] == ["/feed/?paged=2"]) is paged
    assert len(rows) == (6 if paged else 2)


def test_a_wordpress_feeds_pages_keep_to_the_bound_the_dates_and_the_archive(tmp_path):
    """The guards of a feed paged by ``rel="next"`` hold: ``NEWS_FEED_MAX_PAGES``, the crawl's ``--from-date``
    (the second page, three items newest first, wholly before it, ends the walk), and a first page naming only archived items."""
    rows, asked, crawl = crawl_wp(tmp_path, site(wp_rss()), "-s", "NEWS_FEED_MAX_PAGES=2")
    assert asked == ["/feed/", "/feed/?paged=2"] and len(rows) == 4
    assert json.loads(crawl["bounds"]) == {"news/feed_bounded": 1} and crawl["status"] == "complete"
    (tmp_path / "dates").mkdir()
    pages = [PAGES[0], {**PAGES[1], "/nieuws/2021/06/15/g/": "2021-06-15"}, PAGES[2]]
    rows, asked, _ = crawl_wp(tmp_path / "dates", site(wp_rss(), pages), "--from-date", "2021-08-15")
    assert asked == ["/feed/", "/feed/?paged=2"] and titles(rows) == ["Inkoop a", "Inkoop b"]
    (tmp_path / "again").mkdir()
    rows, asked, _ = crawl_wp(tmp_path / "again", site(wp_rss()), times=2)
    assert asked == ["/feed/"] and len(rows) == 6


#: SYNTHETIC year choosers whose options hold the year alone and whose script builds the address from it (its
#: ``onchange``): a path under the archive, a query with more after it, and the selected option read the long way.
SCRIPT_CHOOSERS = {
    "path": ("<select onchange=\"location.href='/nieuws/archief/'+this.value\"><option value=''>Kies een jaar</option>"
             "<option value='2021'>2021</option><option value='2020'>2020</option></select>",
             ["/nieuws/archief/2021", "/nieuws/archief/2020"]),
    "query": ("<select id='jaar' onchange=\"window.location = '/nieuws?jaar=' + this.value + '&amp;weergave=lijst';\">"
              "<option>2021</option><option>2020</option></select>",
              ["/nieuws?jaar=2021&weergave=lijst", "/nieuws?jaar=2020&weergave=lijst"]),
    "selected": ("<select onchange='document.location.assign(\"/nieuws/overzicht/\" + "
                 "this.options[this.selectedIndex].value + \"/\")'><option value='2021'>Archief 2021</option>"
                 "<option value='2020'>Archief 2020</option></select>",
                 ["/nieuws/overzicht/2021/", "/nieuws/overzicht/2020/"]),
}


@pytest.mark.parametrize("shape", sorted(SCRIPT_CHOOSERS))
def test_a_year_chooser_whose_script_builds_the_address_is_read(tmp_path, shape):
    """A listing offering its older years only in a ``<select>`` whose options hold the bare year and whose
    ``onchange`` script builds the year's address (outside any form): every earlier year was lost. The address the
    script builds is now read as that year's listing; with ``--from-date 2021-01-01`` 2020's is not asked."""
    chooser, (page_2021, page_2020) = SCRIPT_CHOOSERS[shape]
    routes = {"/nieuws": listing_with_chooser({"/nieuws/nu": "Inkoop nu"}, chooser),
              page_2021: listing_of("/nieuws/eenentwintig"), page_2020: listing_of("/nieuws/twintig"),
              "/nieuws/nu": article("Inkoop nu"), "/nieuws/eenentwintig": article("Inkoop 2021"),
              "/nieuws/twintig": article("Inkoop 2020")}
    rows, asked = crawl(tmp_path, routes)
    assert titles(rows) == ["Inkoop 2020", "Inkoop 2021", "Inkoop nu"]
    (tmp_path / "dates").mkdir()
    rows, asked = crawl(tmp_path / "dates", routes, "--from-date", "2021-01-01")
    assert page_2021 in asked and page_2020 not in asked and titles(rows) == ["Inkoop 2021", "Inkoop nu"]


def crawl_listing(tmp_path, routes: dict, cms: str | None) -> tuple[list[dict], list[str]]:
    """Crawl a SYNTHETIC site (``cms`` in its registry entry) whose listing is /nieuws once: its rows, the paths asked."""
    asked: list[str] = []
    server, base = redirecting({"/robots.txt": ROBOTS, **routes}, {}, asked)
    extra = {"cms": cms} if cms else {}
    try:
        done = crawl_news(registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}},
                                   allow=["^/(nieuws|node|print)/"], **extra), tmp_path / "archive.db")
    finally:
        server.shutdown()
    assert done.returncode == 0, done.stderr[-3000:]
    return list(sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows), asked


@pytest.mark.parametrize("cms", ["drupal", None])
def test_a_drupal_print_version_is_the_page_itself(tmp_path, cms):
    """Drupal's print module serves a node's print version at ``/print/<nid>``, ``/print/node/<nid>`` and
    ``/print/<alias>``: a listing naming it beside (or instead of) the page had the print template archived as a page
    of its own. On a site registered ``cms: drupal`` it is now the page itself (``/node/<nid>``, the alias): asked and
    archived once there. Another site's ``/print/…`` path is a page as before."""
    routes = {"/nieuws": listing_of("/nieuws/inkoop", "/print/nieuws/inkoop", "/print/7", "/print/node/8"),
              "/nieuws/inkoop": article("Inkoop nu"), "/print/nieuws/inkoop": print_version("Inkoop nu"),
              "/node/7": article("Inkoop zeven"), "/print/7": print_version("Inkoop zeven"),
              "/node/8": article("Inkoop acht"), "/print/node/8": print_version("Inkoop acht")}
    rows, asked = crawl_listing(tmp_path, routes, cms)
    paths = sorted(r["url"].split("/", 3)[3] for r in rows)
    if cms == "drupal":
        assert paths == ["nieuws/inkoop", "node/7", "node/8"]
        assert not any(p.startswith("/print/") for p in asked)
    else:
        assert "/print/7" in asked and "node/7" not in paths
