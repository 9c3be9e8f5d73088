"""The news spider, eighty-first pass against docs/reference/news-sites.md as an evaluator would test it, on real
loopback crawls of SYNTHETIC pages (labelled like tests/fixtures/news) into a real archive: an archived item read again
once its page states its date less well keeps its stated date (refnews80), and what its text dates is read against that
kept date, not the stand-in's (§2.3 "weekday + day, no year": "year from the page date"); what ``omitted_columns``
says of an article (tenderarchive/datasette/tables/articles.yaml) is what the next crawls do."""

from __future__ import annotations

import pytest
import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, registry, serve
from tests.spiders.test_news_reference80 import (as_crawled_and_reparsed, changed_since_crawled, discovered, item,
                                                 sitemap)

#: a day the text gives without a year (§2.3 "weekday + day, no year"; [S2]'s "6 juli a.s."): its year is the page's
DEADLINE = "<p>Aanbieders kunnen zich uiterlijk 6 juli inschrijven.</p>"


def article_event_days(db: sqlite_utils.Database) -> tuple[list, list]:
    """The days of the archived article's events (``article_events``) and of its timeline entries (``events``)."""
    own = [(r["date"], r["kind"]) for r in db.query("select date, kind from article_events order by date, kind")]
    timeline = [(r["date"], r["kind"]) for r in db.query(
        "select date, kind from events where source_type = 'article' order by date, kind")]
    return own, timeline


@pytest.mark.parametrize("stand_in", ["listing", "none"])
def test_the_events_of_an_item_that_kept_its_stated_date_are_read_against_it(tmp_path, stand_in):
    """An item stated ``Gepubliceerd op: 28 juni 2021 09:00`` and "uiterlijk 6 juli" (a day without its year, read as
    the next 6 July after the page's date: 6 July 2021). Read again once its theme dropped the date line (a correction
    added), the page states no date: the date its listing shows beside its link, the day it changed (3 August 2021),
    stands in, or nothing does. The article keeps its stated date (refnews80), but its events were read against the
    re-read's date: "6 juli" became 6 July 2022 (the next one after 3 August 2021), or, with no date at all, no
    event; the timeline followed. The text's days are read against the date the archive keeps: 6 July 2021, on the
    article's events and on the timeline, after ``tenderarchive reparse`` too."""
    path = "/nieuws/inkoop-jeugdhulp"
    page = {"stated": "28 juni 2021 09:00", "body": DEADLINE, "lastmod": "2021-06-28T09:00:00+02:00",
            "listed": "28 juni 2021"}
    routes = {"/robots.txt": ROBOTS, path: lambda base: item(page["stated"], page["body"])}
    discovery, revisit = discovered(stand_in, path, page, routes)
    archive, log = tmp_path / "archive.db", []
    with serve(routes, log) as base:
        registered = registry(tmp_path, base_url=base, discovery=discovery, allow=["^/nieuws/"])
        first = crawl_news(registered, archive)
        assert first.returncode == 0, first.stderr[-3000:]
        db = sqlite_utils.Database(archive)
        own, timeline = article_event_days(db)
        assert ("2021-07-06", "reply_deadline") in own and own == timeline, (own, timeline)
        changed_since_crawled(archive, page, stated=None, listed="3 augustus 2021",
                              body=DEADLINE + "<p>Correctie: het perceel verblijf is toegevoegd.</p>")
        second = crawl_news(registered, archive, *revisit)
    assert second.returncode == 0, second.stderr[-3000:]
    assert log.count(path) == 2, log
    for db in as_crawled_and_reparsed(archive):
        article, = db["articles"].rows
        assert "Correctie" in article["text"]
        assert (article["published"], article["published_source"]) == ("2021-06-28T09:00", "stated")
        own, timeline = article_event_days(db)
        assert own == [("2021-07-06", "reply_deadline")], own
        assert timeline == own, timeline


def test_an_item_whose_read_left_out_its_date_is_read_again_only_when_it_changes(tmp_path):
    """tenderarchive/datasette/tables/articles.yaml ``omitted_columns``: what an article's list means for the next
    crawls. A notice whose answer left columns out is asked again by the next crawl (the API's sparse answer passes);
    a news page whose read left out its date (its theme dropped the date line) gives the same to every read, so the
    list is no reason to read it again: the next crawl, its sitemap ``lastmod`` unmoved, does not ask it, the list and
    the kept date stay. Once the ``lastmod`` moves it is read again, as any archived page; a read that states the
    date again empties the list."""
    path = "/nieuws/inkoop-jeugdhulp"
    page = {"stated": "29 juli 2021 14:05", "body": "", "lastmod": "2021-07-29T14:05:00+02:00"}
    routes = {"/robots.txt": ROBOTS, path: lambda base: item(page["stated"], page["body"]),
              "/sitemap.xml": sitemap(path, page)}
    archive, log = tmp_path / "archive.db", []

    def omitted() -> tuple:
        article, = sqlite_utils.Database(archive)["articles"].rows
        return article["published"], article["published_source"], article["omitted_columns"]

    LEFT_OUT = '["published", "published_precision", "published_source"]'  # noqa: N806
    with serve(routes, log) as base:
        registered = registry(tmp_path, base_url=base, discovery={"sitemaps": ["sitemap.xml"]}, allow=["^/nieuws/"])
        for step in ("first", "date line dropped", "nothing changed", "date line back"):
            if step == "date line dropped":
                changed_since_crawled(archive, page, stated=None,
                                      body="<p>Correctie: de sluitingsdatum is 1 oktober 2021.</p>")
            elif step == "date line back":
                changed_since_crawled(archive, page, stated="29 juli 2021 14:05")
            done = crawl_news(registered, archive)
            assert done.returncode == 0, done.stderr[-3000:]
            if step == "date line dropped":
                assert omitted() == ("2021-07-29T14:05", "stated", LEFT_OUT)
            elif step == "nothing changed":
                assert log.count(path) == 2, log   # not asked again for what its last read left out
                assert omitted() == ("2021-07-29T14:05", "stated", LEFT_OUT)
    assert log.count(path) == 3, log
    assert omitted() == ("2021-07-29T14:05", "stated", None)


def test_an_item_moved_with_a_301_and_edited_in_the_move_is_the_archived_item(tmp_path):
    """"Articles moved with 301": an archived item's address (``/nieuws/oud``) answers ``301 Moved Permanently`` to
    the item's new address, where its text was edited in the move (a correction added); its sitemap entry's
    ``lastmod`` moved. The same title and text at the new address is the archived item moved (NewsSpider
    ``archived_copy_of``), and a later version read where it moved to is the archived item's (``archived_url_of``),
    but this one's text had changed already: it was archived as a second article beside the item it replaces, the
    item twice. The archived address's redirect says where the item went: the page there with the archived item's
    title (or day) is its next version, under the archived URL (the address a user knows), its provenance the new
    address; a later crawl that finds the item at its new address alone keeps it one article. ``tenderarchive
    reparse`` rebuilds the same."""
    from tests.spiders.test_news_reference import redirecting

    old, new = "/nieuws/oud", "/nieuws/2021/inkoop-jeugdhulp-verhuisd"
    page = {"stated": "14 december 2020 08:55", "body": "", "lastmod": "2020-12-14T08:55:00+01:00", "listed": old}
    routes = {"/robots.txt": ROBOTS, old: lambda base: item(page["stated"], page["body"]),
              new: lambda base: item(page["stated"], page["body"]),
              "/sitemap.xml": lambda base: sitemap(page["listed"], page)(base)}
    redirects, log = {}, []
    archive = tmp_path / "archive.db"
    server, base = redirecting(routes, redirects, log)
    try:
        registered = registry(tmp_path, base_url=base, discovery={"sitemaps": ["sitemap.xml"]}, allow=["^/nieuws/"])
        first = crawl_news(registered, archive)
        assert first.returncode == 0, first.stderr[-3000:]
        redirects[old] = base + new[1:]
        changed_since_crawled(archive, page, body="<p>Correctie: het perceel verblijf is toegevoegd.</p>")
        second = crawl_news(registered, archive)
        assert second.returncode == 0, second.stderr[-3000:]
        assert log.count(old) == 2 and log.count(new) == 1, log
        changed_since_crawled(archive, page, listed=new,
                              body="<p>Correctie: het perceel verblijf is toegevoegd. "
                                   "Update: de inschrijving is verlengd.</p>")
        third = crawl_news(registered, archive)
        assert third.returncode == 0, third.stderr[-3000:]
        assert log.count(new) == 2, log
    finally:
        server.shutdown()
    for db in as_crawled_and_reparsed(archive):
        articles = list(db["articles"].rows)
        assert [(a["url"], a["source_url"]) for a in articles] == [(base + old[1:], base + new[1:])], articles
        assert "de inschrijving is verlengd" in articles[0]["text"]
        assert db["versions"].count == 2


#: SYNTHETIC date lines of a page's two dates, its publication's first and no label of its own (§2.3 "iprox listing
#: date … may carry a suffix after ' - '"; §2.3 "court pages … two different dates"): {path: (line, published, modified)}
TWO_DATES = {"/nieuws/streepje": ("<p class='datum'>3 maart 2021 - gewijzigd 5 april 2021</p>", "2021-03-03", "2021-04-05"),
             "/nieuws/haakjes": ("<p class='datum'><time datetime='2021-03-03'>3 maart 2021</time> (bijgewerkt 5 april "
                                 "2021)</p>", "2021-03-03", "2021-04-05"),
             "/nieuws/komma": ("<p class='datum'>3 maart 2021 09:00, laatst gewijzigd op 5 april 2021 10:15</p>",
                               "2021-03-03T09:00", "2021-04-05T10:15"),
             "/nieuws/naast-elkaar": ("<div class='meta'><span>Gepubliceerd: 3 maart 2021</span><span>Bijgewerkt: 5 april "
                                      "2021</span></div>", "2021-03-03", "2021-04-05"),
             "/nieuws/gelabeld": ("<p class='datum'>Gepubliceerd op 3 maart 2021 | Laatst gewijzigd op 5 april 2021</p>",
                                  "2021-03-03", "2021-04-05")}


def test_a_date_line_of_both_dates_gives_the_modification_date_after_the_publication_date(tmp_path):
    """A page's date line that states its publication date bare and its last change after it ("3 maart 2021 -
    gewijzigd 5 april 2021", "3 maart 2021 (bijgewerkt 5 april 2021)", "…, laatst gewijzigd op …"): the first date
    was read as the publication date, the change after it left unread (``modified`` empty), as it was read where both
    dates carry a label ("Gepubliceerd op … | Laatst gewijzigd op …"). Two labelled dates in inline elements with
    nothing between them (``<span>Gepubliceerd: …</span><span>Bijgewerkt: …</span>``) read as one line, "…
    2021Bijgewerkt: …", and gave neither date. Each date goes to its column."""
    routes = {"/robots.txt": ROBOTS, "/sitemap.xml": lambda base: ("application/xml", (
        '<?xml version="1.0" encoding="UTF-8"?><!-- SYNTHETIC --><urlset '
        'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(f"<url><loc>{base}{path[1:]}</loc></url>" for path in TWO_DATES) + "</urlset>").encode())}
    for path, (line, _published, _modified) in TWO_DATES.items():
        routes[path] = (lambda line: lambda base: item(None, line))(line)
    archive = tmp_path / "archive.db"
    with serve(routes) as base:
        registered = registry(tmp_path, base_url=base, discovery={"sitemaps": ["sitemap.xml"]}, allow=["^/nieuws/"])
        done = crawl_news(registered, archive)
    assert done.returncode == 0, done.stderr[-3000:]
    got = {r["url"][len(base) - 1:]: (r["published"], r["modified"])
           for r in sqlite_utils.Database(archive).query("select url, published, modified from articles")}
    assert got == {path: (published, modified) for path, (_line, published, modified) in TWO_DATES.items()}


def test_a_canonical_link_with_a_tracking_parameter_names_the_page_without_it(tmp_path):
    """A template that writes the address a visitor came by into its canonical link (``<link rel="canonical"
    href="/nieuws/inkoop-jeugdhulp?utm_source=nieuwsbrief">``): the archived URL carried the campaign, although
    discovery leaves tracking parameters out of every address it reads (tenderarchive/urls.py
    ``without_tracking``), and a later read under another campaign (``utm_source=facebook``) was a second article,
    the item twice. The canonical URL is the page's address without them: one article, at its plain address."""
    path = "/nieuws/inkoop-jeugdhulp"
    page = {"stated": "14 december 2020 08:55", "body": "", "lastmod": "2020-12-14T08:55:00+01:00",
            "campaign": "nieuwsbrief"}

    def tracked(base):
        content_type, body = item(page["stated"], page["body"])
        link = f"<link rel='canonical' href='{base}{path[1:]}?utm_source={page['campaign']}&amp;utm_medium=email'>"
        return content_type, body.replace(b"</title>", b"</title>" + link.encode())

    routes = {"/robots.txt": ROBOTS, path: tracked, "/sitemap.xml": sitemap(path, page)}
    archive, log = tmp_path / "archive.db", []
    with serve(routes, log) as base:
        registered = registry(tmp_path, base_url=base, discovery={"sitemaps": ["sitemap.xml"]}, allow=["^/nieuws/"])
        first = crawl_news(registered, archive)
        assert first.returncode == 0, first.stderr[-3000:]
        changed_since_crawled(archive, page, campaign="facebook",
                              body="<p>Correctie: het perceel verblijf is toegevoegd.</p>")
        second = crawl_news(registered, archive)
    assert second.returncode == 0, second.stderr[-3000:]
    assert log.count(path) == 2, log
    articles = list(sqlite_utils.Database(archive)["articles"].rows)
    assert [a["url"] for a in articles] == [base + path[1:]], [a["url"] for a in articles]
    assert "Correctie" in articles[0]["text"]
