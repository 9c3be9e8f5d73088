"""The news spider, thirteenth pass against docs/reference/news-sites.md as an evaluator would test it:
loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news), crawled with ``tenderarchive
crawl news`` into a real archive."""

from __future__ import annotations

import pytest
import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, registry
from tests.spiders.test_news_reference8 import HTML, TEXT
from tests.spiders.test_news_reference11 import serve


def crawl_listing(tmp_path, listing: tuple[str, bytes], titles: dict[str, str], *args: str):
    """Crawl a loopback site of ``listing`` at ``/nieuws`` and an undated SYNTHETIC page per ``titles`` (path: title),
    the registry allowing ``/nieuws/`` and discovering by the listing, with ``args`` (a window); returns each archived
    page's ``published`` by path and the paths the crawl asked."""
    from tests.spiders.test_news_reference5 import undated_page

    log: list[str] = []
    routes = {"/robots.txt": ROBOTS, "/nieuws": listing, **{path: undated_page(title) for path, title in titles.items()}}
    server, base = serve(routes, log)
    try:
        crawl = crawl_news(registry(tmp_path, base_url=base, allow=["^/nieuws/"],
                                    discovery={"listing": {"urls": ["nieuws"]}}), tmp_path / "archive.db", *args)
    finally:
        server.shutdown()
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    rows = sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows
    return {r["url"].removeprefix(base.rstrip("/")): r["published"] for r in rows}, log


def generatepress_posted_on(published: str, updated: str | None) -> str:
    """GeneratePress's ``generate_posted_on`` (§2.1 WordPress): a post changed since it was published gets the
    change's ``<time class="updated" itemprop="dateModified">`` printed *before* its publication's."""
    shown = lambda iso: f"{int(iso[8:10])} {['december', 'november'][iso[5:7] == '11']} {iso[:4]}"  # noqa: E731
    stamp = (f"<time class='updated' datetime='{updated}T09:00:00+01:00' itemprop='dateModified'>3 maart 2021</time>"
             if updated else "")
    return (f"<span class='posted-on'>{stamp}<time class='entry-date published' datetime='{published}T08:00:00+01:00'"
            f" itemprop='datePublished'>{shown(published)}</time></span>")


#: Two posts of a SYNTHETIC GeneratePress blog: the first published in December 2020 and changed in March 2021.
POSTS = {"/nieuws/gunning-jeugdhulp": ("Voorlopige gunning jeugdhulp", "2020-12-14", "2021-03-03"),
         "/nieuws/inkoop-jeugdhulp": ("Inkoop jeugdhulp van start", "2020-11-02", None)}


def generatepress_post(title: str, published: str, updated: str | None) -> tuple[str, bytes]:
    return (HTML, ("<!doctype html><html lang='nl-NL'><head><meta name='tenderarchive-fixture' content='synthetic'>"
                   f"<title>{title} &#8211; Voorbeeld</title></head><body class='single-post'><article class='post'>"
                   f"<header class='entry-header'><h1 class='entry-title'>{title}</h1><div class='entry-meta'>"
                   f"{generatepress_posted_on(published, updated)}</div></header>"
                   f"<div class='entry-content'>{TEXT}</div></article></body></html>").encode())


def generatepress_blog() -> tuple[str, bytes]:
    entries = "".join(
        f"<article class='post'><header class='entry-header'><h2 class='entry-title'><a href='{path}'>{title}</a></h2>"
        f"<div class='entry-meta'>{generatepress_posted_on(published, updated)}</div></header>"
        "<div class='entry-summary'><p>De regio heeft de inkoop van jeugdhulp afgerond.</p></div></article>"
        for path, (title, published, updated) in POSTS.items())
    return (HTML, ("<!doctype html><html lang='nl-NL'><head><meta name='tenderarchive-fixture' content='synthetic'>"
                   f"<title>Nieuws &#8211; Voorbeeld</title></head><body class='blog'><main>{entries}</main></body>"
                   "</html>").encode())


def test_a_listed_posts_change_printed_before_its_publication_does_not_date_it_out_of_the_window(tmp_path):
    """§2.1 WordPress, §2.3 dates, ``--from-date``/``--until-date`` windows: GeneratePress prints a changed post's
    ``time.updated`` before its ``time.entry-date.published`` in the blog listing as on the post. The listing's
    first ``<time>`` dated the entry, so a December 2020 post changed in March 2021 was listed as 2021 and, in a crawl
    of 2020, never asked (``news/skipped_out_of_window``): lost from the window. A listing's date is its entry's
    publication, as a page's is: the change's ``<time>`` never dates it."""
    log: list[str] = []
    routes = {"/robots.txt": ROBOTS, "/nieuws": generatepress_blog(),
              **{path: generatepress_post(*post) for path, post in POSTS.items()}}
    db_path = tmp_path / "archive.db"
    server, base = serve(routes, log)
    try:
        crawl = crawl_news(registry(tmp_path, base_url=base, cms="wordpress", allow=["^/nieuws/"],
                                    discovery={"listing": {"urls": ["nieuws"]}}),
                           db_path, "--from-date", "2020-10-01", "--until-date", "2020-12-31")
    finally:
        server.shutdown()
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    rows = {r["url"].removeprefix(base.rstrip("/")): (r["published"], r["modified"])
            for r in sqlite_utils.Database(db_path)["articles"].rows}
    assert rows == {"/nieuws/gunning-jeugdhulp": ("2020-12-14T08:00", "2021-03-03T09:00"),
                    "/nieuws/inkoop-jeugdhulp": ("2020-11-02T08:00", None)}
    assert sorted(p for p in log if p.startswith("/nieuws/")) == sorted(POSTS)


#: How a plain listing writes an entry's date on its title's line, as a text of its own (§2.3 forms): after the
#: link in brackets, in a span after it with a label, or inside the link beside the title's span (one after a dash,
#: "<a>Titel</a> - 14 oktober 2021", was read before).
ENTRY_DATE_SHAPES = {
    "in brackets after the link": "<li><a href='{path}'>{title}</a> ({numeric})</li>",
    "labelled, in a span after the link": "<li><a href='{path}'>{title}</a> <span class='meta'>Geplaatst op {long}</span></li>",
    "inside the link, beside the title": "<li><a href='{path}'><span class='titel'>{title}</span>"
                                         "<span class='publicatie'>{long}</span></a></li>",
}


def plain_listing(shape: str, items: dict[str, tuple[str, str]]) -> tuple[str, bytes]:
    """A SYNTHETIC listing of ``items`` (path: title, ISO day) in one of :data:`ENTRY_DATE_SHAPES`, and a sentence
    under the list naming an event's date (which is no entry's date)."""
    from tests.spiders.test_news_reference8 import MONTHS

    entries = "".join(ENTRY_DATE_SHAPES[shape].format(
        path=path, title=title, numeric=f"{day[8:]}-{day[5:7]}-{day[:4]}",
        long=f"{int(day[8:])} {MONTHS[int(day[5:7]) - 1]} {day[:4]}") for path, (title, day) in items.items())
    return (HTML, ("<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'></head>"
                   f"<body><main><h1>Nieuws</h1><ul class='nieuwslijst'>{entries}</ul><p>De raad besluit op <strong>"
                   "1 december 2021</strong> over de inkoop van jeugdhulp.</p></main></body></html>").encode())


@pytest.mark.parametrize("shape", ENTRY_DATE_SHAPES)
def test_a_date_written_beside_the_title_on_its_line_dates_the_listed_entry(tmp_path, shape):
    """§2.3 date forms in a listing (``dd-mm-yyyy``, ``d MMMM yyyy``, "Geplaatst op"), §2.1 the listing dates an item
    whose page states none: a date on the title's line as a text of its own ("Titel (14-10-2021)", a span after the link,
    a span inside it) was no date of the entry: the entry's text is one line
    ("Titel (14-10-2021)", "Titel14 oktober 2021"), no line of a date. Its items were archived undated, and a
    ``--from-date`` crawl asked the old ones too. The date is the entry's; the sentence under the list is none."""
    items = {"/nieuws/bericht-oud": ("Inkoop jeugdhulp gestart", "2020-10-14"),
             "/nieuws/bericht-nieuw": ("Voorlopige gunning jeugdhulp", "2021-10-14")}
    rows, log = crawl_listing(tmp_path, plain_listing(shape, items), {path: title for path, (title, _) in items.items()},
                              "--from-date", "2021-01-01")
    assert rows == {"/nieuws/bericht-nieuw": "2021-10-14"}
    assert [p for p in log if p.startswith("/nieuws/")] == ["/nieuws/bericht-nieuw"]


@pytest.mark.parametrize("entry", [
    "<li><a href='/a'>Titel</a><p>De raad besluit op <strong>14 oktober 2021</strong> over de inkoop.</p></li>",
    "<li><a href='/a'>Titel</a> <span class='updated'>3 maart 2021</span></li>",
    "<li><a href='/a'>Informatieavond</a> <span>Datum bijeenkomst: 14 oktober 2021</span></li>",
    "<li><a href='/a'>Aanbesteding jeugdhulp</a> <span>Sluitingsdatum 14-10-2021</span></li>",
], ids=["in a sentence", "the last change", "an event's, labelled", "a closing date"])
def test_a_date_beside_the_title_that_is_no_publication_does_not_date_the_entry(entry):
    """The other way round: a date in the entry's sentence, one marked as its last change or labelled as another
    date is no date of the entry."""
    from parsel import Selector

    from spiders.news import listed_date

    page = Selector(text=f"<html><body><main><ul>{entry}<li><a href='/b'>Ander bericht</a></li></ul></main></body></html>")
    assert listed_date(page.css("a[href='/a']")[0].root, "/a") == ""
