"""The news spider, eightieth pass against docs/reference/news-sites.md as an evaluator would test it: an archived
news item read again once its page gives less than before, on real loopback crawls of SYNTHETIC pages (labelled like
tests/fixtures/news), crawled with ``tenderarchive crawl news`` into a real archive, twice: its date line dropped, its
date then only a stand-in's (§2.3 "ISO in URL | fallback publication date", WordPress's ``/YYYY/MM/DD/<slug>/``; the
date a listing shows beside its link) or none; its heading dropped, its title then the slug's words (§1 [S1]); its
feed's date gone, its listing's the only one (§2.1 WordPress's RSS shows its newest items only). Nothing archived is
downgraded: the better value stays, ``omitted_columns`` names it."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
import sqlite_utils

from tests import forkcli
from tests.conftest import ROOT
from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, registry, serve
from tests.spiders.test_news_reference4 import after_lastmod

HTML = "text/html; charset=utf-8"
#: the item's address by the stand-in that dates it once its page states no date
ADDRESS = {"url": "/2021/07/29/inkoop-jeugdhulp/", "listing": "/nieuws/inkoop-jeugdhulp",
           "none": "/nieuws/inkoop-jeugdhulp"}


def item(stated: str | None, body: str) -> tuple[str, bytes]:
    """A SYNTHETIC news item, its date line (``stated``) above its text, or none."""
    line = f"<p class='datum'>Gepubliceerd op: {stated}</p>" if stated else ""
    return (HTML, ("<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'>"
                   "<title>Inkoop jeugdhulp regio</title></head><body><main><article><h1>Inkoop jeugdhulp regio</h1>"
                   f"{line}<p>De gemeente Voorbeeldstad heeft de aanbesteding voor specialistische jeugdhulp "
                   "gepubliceerd. Aanbieders kunnen zich tot de sluitingsdatum inschrijven voor de percelen ambulante "
                   f"hulp en verblijf.</p>{body}</article></main></body></html>").encode())


def sitemap(path: str, page: dict):
    """A SYNTHETIC sitemap naming ``path`` with the ``lastmod`` ``page`` holds at the time it is asked."""
    return lambda base: ("application/xml", (
        '<?xml version="1.0" encoding="UTF-8"?><!-- SYNTHETIC --><urlset '
        f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{base}{path[1:]}</loc>'
        f"<lastmod>{page['lastmod']}</lastmod></url></urlset>").encode())


def listing(path: str, page: dict) -> tuple[str, bytes]:
    """A SYNTHETIC news overview linking ``path``, the date ``page`` holds beside the link."""
    return (HTML, ("<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'></head>"
                   f"<body><main><h1>Nieuws</h1><ul><li><a href='{path}'>Inkoop jeugdhulp regio</a>"
                   f"<span class='datum'>{page['listed']}</span></li></ul></main></body></html>").encode())


def changed_since_crawled(archive, page: dict, **values) -> None:
    """The page changed one second after the archive's last fetch: ``page`` takes ``values`` and a sitemap ``lastmod``
    of that moment (after the crawl that fetched it, so the next crawl asks the page again)."""
    fetched_at = max(r["fetched_at"] for r in sqlite_utils.Database(archive)["articles"].rows)
    changed = datetime.fromisoformat(fetched_at) + timedelta(seconds=1)
    page.update(values, lastmod=changed.strftime("%Y-%m-%dT%H:%M:%S+00:00"))
    after_lastmod(page["lastmod"])


def as_crawled_and_reparsed(archive):
    """The archive as the crawls left it, then as ``tenderarchive reparse`` rebuilds it from their WARC files: what a
    test asserts of both holds for both."""
    yield sqlite_utils.Database(archive)
    reparsed = forkcli.run(["reparse", "--db", str(archive)], cwd=ROOT, timeout=300)
    assert reparsed.returncode == 0, reparsed.stderr[-3000:]
    yield sqlite_utils.Database(archive)


def discovered(stand_in: str, path: str, page: dict, routes: dict) -> tuple[dict, tuple[str, ...]]:
    """The item found by its listing (whose recent item is asked again: NEWS_REVISIT_DAYS, from the run's today) or by
    the sitemap (asked again when its ``lastmod`` moves): the routes gain the listing or the sitemap; returns the
    site's ``discovery`` and the crawl arguments that make the second crawl ask the item again."""
    if stand_in == "listing":
        routes["/nieuws"] = lambda base: listing(path, page)
        return {"listing": {"urls": ["nieuws"]}}, ("-s", "NEWS_REVISIT_DAYS=100000", "-s", "NEWS_REVISIT_HOURS=0")
    routes["/sitemap.xml"] = sitemap(path, page)
    return {"sitemaps": ["sitemap.xml"]}, ()


@pytest.mark.parametrize("stand_in", ADDRESS)
def test_an_item_whose_date_line_vanished_keeps_the_date_it_stated(tmp_path, stand_in):
    """An item archived with the date and time its page stated (``Gepubliceerd op: 29 juli 2021 14:05``) is read again
    (a sitemap ``lastmod`` moved, or a listing's recent item revisited; a correction added to its text) after the
    site's theme dropped its date line. The page states none now, so a stand-in dated it (its address's day, or the
    date its listing shows beside its link: the day it changed, where a listing sorts by change), and that replaced
    the archived date: a day for a minute, ``url`` or ``listing`` for ``stated``, even another day. A date guessed
    for a page that states none is no date the page gave: the archived one stays (the text's change is the new
    version), and ``omitted_columns`` says ``published`` was left out, as for a page whose date vanished with no
    stand-in at all, whose year and month were emptied beside the date kept. ``tenderarchive reparse`` rebuilds the
    same."""
    path = ADDRESS[stand_in]
    page = {"stated": "29 juli 2021 14:05", "body": "", "lastmod": "2021-07-29T14:05:00+02:00",
            "listed": "29 juli 2021"}
    routes = {"/robots.txt": ROBOTS, path: lambda base: item(page["stated"], page["body"])}
    discovery, revisit = discovered(stand_in, path, page, routes)
    archive, log = tmp_path / "archive.db", []
    with serve(routes, log) as base:
        registered = registry(tmp_path, base_url=base, discovery=discovery, allow=["^/20", "^/nieuws/"])
        first = crawl_news(registered, archive)
        assert first.returncode == 0, first.stderr[-3000:]
        changed_since_crawled(archive, page, stated=None, body="<p>Correctie: de sluitingsdatum is 1 oktober 2021.</p>",
                              listed="3 augustus 2021")
        second = crawl_news(registered, archive, *revisit)
    assert second.returncode == 0, second.stderr[-3000:]
    assert log.count(path) == 2, log
    for db in as_crawled_and_reparsed(archive):
        article, = db["articles"].rows
        assert "Correctie" in article["text"]
        assert (article["published"], article["published_source"], article["published_precision"],
                article["year"], article["year_month"]) == ("2021-07-29T14:05", "stated", "minute", 2021, "2021-07")
        assert "published" in (article["omitted_columns"] or ""), article["omitted_columns"]
        assert db["versions"].count == 1


def titled_item(heading: str | None, body: str) -> tuple[str, bytes]:
    """A SYNTHETIC news item under ``heading``, or, with none, under its template's ``<title>`` of the site alone."""
    head = f"<title>{heading} | Gemeente Voorbeeld</title>" if heading else "<title>Nieuws | Gemeente Voorbeeld</title>"
    h1 = f"<h1>{heading}</h1>" if heading else ""
    return (HTML, ("<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'>"
                   f"{head}</head><body><main><article>{h1}<p class='datum'>Gepubliceerd op: 14 december 2020 08:55</p>"
                   "<p>De gemeente Voorbeeldstad heeft de aanbesteding voor specialistische jeugdhulp gepubliceerd. "
                   "Aanbieders kunnen zich tot de sluitingsdatum inschrijven voor de percelen ambulante hulp en "
                   f"verblijf.</p>{body}</article></main></body></html>").encode())


def test_an_item_whose_heading_vanished_keeps_its_title(tmp_path):
    """§1 [S1]: a page whose title is only in its address's slug is titled by the slug's words, a stand-in. An item
    archived under its heading ("Voorlopige gunning gemeentelijke toegang Jeugdhulp bekend", [S0]'s) is read again
    (its sitemap ``lastmod`` moved, a correction added) after its template lost the heading, its ``<title>`` the
    site's alone: the slug's words ("Voorlopige gunning jeugdhulp") replaced the archived title. A title made of the
    address is no title the page gave: the archived one stays, ``omitted_columns`` names ``title``; the text's
    change is the new version."""
    path = "/nieuws/voorlopige-gunning-jeugdhulp"
    page = {"heading": "Voorlopige gunning gemeentelijke toegang Jeugdhulp bekend", "body": "",
            "lastmod": "2020-12-14T08:55:00+01:00"}
    routes = {"/robots.txt": ROBOTS, path: lambda base: titled_item(page["heading"], page["body"]),
              "/sitemap.xml": sitemap(path, page)}
    archive, log = tmp_path / "archive.db", []
    with serve(routes, log) as base:
        registered = registry(tmp_path, base_url=base, discovery={"sitemaps": ["sitemap.xml"]}, allow=["^/nieuws/"],
                              title="Gemeente Voorbeeld")
        first = crawl_news(registered, archive)
        assert first.returncode == 0, first.stderr[-3000:]
        changed_since_crawled(archive, page, heading=None,
                              body="<p>Correctie: de bezwaartermijn loopt tot 4 januari 2021.</p>")
        second = crawl_news(registered, archive)
    assert second.returncode == 0, second.stderr[-3000:]
    assert log.count(path) == 2, log
    db = sqlite_utils.Database(archive)
    article, = db["articles"].rows
    assert "Correctie" in article["text"]
    assert (article["title"], article["title_source"]) == (
        "Voorlopige gunning gemeentelijke toegang Jeugdhulp bekend", "h1")
    assert "title" in (article["omitted_columns"] or ""), article["omitted_columns"]
    assert db["versions"].count == 1


def test_an_item_its_feed_dated_keeps_that_date_when_only_its_listing_dates_it_later(tmp_path):
    """§2.1 WordPress's RSS shows its newest items only: an item whose page states no date, archived with its feed
    item's ``pubDate`` (``feed``, to the minute), has left the feed when a later crawl revisits it through the listing,
    which shows beside its link the day it was changed (a listing sorted by change). That day replaced the feed's
    date. The pipeline prefers a feed's date to a listing's within one read (spiders/news.py ``LISTED_RANK``); across
    reads the better source's date stays as well, ``omitted_columns`` naming ``published``."""
    from tests.spiders.test_news_reference17 import rss_feed

    path, other = "/nieuws/inkoop-jeugdhulp", "/nieuws/ander-bericht"
    page = {"body": "", "listed": "29 juli 2021", "feed": {path: "Thu, 29 Jul 2021 14:05:00 +0200"}}
    routes = {"/robots.txt": ROBOTS, path: lambda base: item(None, page["body"]),
              other: lambda base: item(None, "<p>Een ander bericht over de inkoop van jeugdhulp.</p>"),
              "/nieuws": lambda base: listing(path, page), "/feed/": lambda base: rss_feed(base, page["feed"])}
    archive, log = tmp_path / "archive.db", []
    with serve(routes, log) as base:
        registered = registry(tmp_path, base_url=base, discovery={"feeds": ["feed/"], "listing": {"urls": ["nieuws"]}},
                              allow=["^/nieuws/"])
        first = crawl_news(registered, archive)
        assert first.returncode == 0, first.stderr[-3000:]
        page.update(body="<p>Correctie: de sluitingsdatum is 1 oktober 2021.</p>", listed="3 augustus 2021",
                    feed={other: "Tue, 03 Aug 2021 09:00:00 +0200"})
        second = crawl_news(registered, archive, "-s", "NEWS_REVISIT_DAYS=100000", "-s", "NEWS_REVISIT_HOURS=0")
    assert second.returncode == 0, second.stderr[-3000:]
    assert log.count(path) == 2, log
    article = sqlite_utils.Database(archive)["articles"].get(base + path[1:])
    assert "Correctie" in article["text"]
    assert (article["published"], article["published_source"]) == ("2021-07-29T14:05", "feed"), article
    assert "published" in (article["omitted_columns"] or ""), article["omitted_columns"]
