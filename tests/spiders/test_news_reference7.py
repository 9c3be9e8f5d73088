"""The news spider, seventh pass against docs/reference/news-sites.md as an evaluator would test it:
loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news), crawled with ``tenderarchive
crawl news`` into a real archive."""

from __future__ import annotations

import re

import sqlite_utils

from tests import forkcli
from tests.conftest import ROOT
from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ARTICLE, ROBOTS, registry, serve
from tests.spiders.test_news_reference5 import asked_by_crawls
from tests.spiders.test_news_reference6 import HTML, dated_feed_crawl, listing_of


def test_one_page_answered_byte_for_byte_under_three_addresses_is_one_article(tmp_path):
    """§2.2: a site answers one item under several addresses (jeugdhulpmvs.nl with and without ``www.``,
    an id address beside the slug, ``/Actueel/Nieuws/…`` beside ``/Informatie_en_nieuws/…``), here with no
    canonical link to join them. The first crawl archived three articles of the same bytes (later crawls
    skipped the copies by ``sha256``); now the first address answered is the article, the other two are
    its other addresses (their fetch rows carry its ``sha256``) and no later crawl asks them again. A
    page of other bytes is its own article."""
    log: list[str] = []
    same = (HTML, ARTICLE.format(title="Gunning jeugdhulp", extra="Drie adressen, een bericht.").encode())
    other = (HTML, ARTICLE.format(title="Inkoop jeugdzorg", extra="Een ander bericht.").encode())
    routes = {"/robots.txt": ROBOTS,
              "/nieuws": listing_of("/nieuws/gunning-jeugdhulp", "/nieuws/12345", "/nieuws/archief/gunning",
                                    "/nieuws/inkoop-jeugdzorg"),
              "/nieuws/gunning-jeugdhulp": same, "/nieuws/12345": same, "/nieuws/archief/gunning": same,
              "/nieuws/inkoop-jeugdzorg": other}
    with serve(routes, log) as base:
        path = registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}}, allow=["^/nieuws/"])
        asked = asked_by_crawls(path, tmp_path / "archive.db", log, 2)
    assert asked[0] == sorted(["/nieuws/gunning-jeugdhulp", "/nieuws/12345", "/nieuws/archief/gunning",
                               "/nieuws/inkoop-jeugdzorg"])
    assert asked[1] == []  # every address is known: the article's and its copies'
    db = sqlite_utils.Database(tmp_path / "archive.db")
    rows = list(db.query("select url, title from articles order by title"))
    assert [r["title"] for r in rows] == ["Gunning jeugdhulp", "Inkoop jeugdzorg"]
    assert rows[0]["url"].removeprefix(base) in {"nieuws/gunning-jeugdhulp", "nieuws/12345", "nieuws/archief/gunning"}
    sha = db.execute("select sha256 from articles where title = 'Gunning jeugdhulp'").fetchone()[0]
    assert db.execute("select count(distinct url) from fetches where sha256 = ?", [sha]).fetchone()[0] == 3
    assert [c["error_count"] for c in db.query("select error_count from crawls order by crawl_id")] == [0, 0]


def reloading(title: str, content: str) -> tuple[str, bytes]:
    """A SYNTHETIC news item that reloads itself: ``<meta http-equiv="refresh" content="{content}">``."""
    return (HTML, ARTICLE.format(title=title, extra="De pagina ververst zich.").replace(
        "</head>", f'<meta http-equiv="refresh" content="{content}"></head>').encode())


def test_a_page_that_reloads_itself_is_archived_and_replayed_without_the_engine(tmp_path):
    """A news page kept fresh with ``<meta http-equiv="refresh">``: without a URL (``content="60"``), or with
    its own address (relative or absolute, ``#top`` added). A refresh to itself is no redirect: Scrapy asked
    the page's own address again, its duplicate filter dropped that request and the item was lost (and the
    raw store kept the page's own address as where it leads). And a reparse sent a crawl of such pages
    through the engine's slower replay, as if the crawl had followed a refresh: it is replayed straight
    through the callbacks, to the same articles."""
    routes = {"/robots.txt": ROBOTS,
              "/nieuws": listing_of("/nieuws/vers", "/nieuws/herlaad", "/nieuws/zelf"),
              "/nieuws/vers": reloading("Vers nieuws jeugdhulp", "60"),
              "/nieuws/herlaad": reloading("Herladen inkoop jeugdhulp", "60; url=/nieuws/herlaad"),
              "/nieuws/zelf": lambda base: reloading("Zelf gunning jeugdhulp", f"30;URL='{base}nieuws/zelf#top'")}
    with serve(routes) as base:
        path = registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}}, allow=["^/nieuws/"])
        completed = crawl_news(path, tmp_path / "archive.db")
    assert completed.returncode == 0, completed.stderr[-3000:]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    before = sorted((r["url"], r["title"], r["sha256"]) for r in db["articles"].rows)
    assert [(url, title) for url, title, _ in before] == [
        (base + "nieuws/herlaad", "Herladen inkoop jeugdhulp"), (base + "nieuws/vers", "Vers nieuws jeugdhulp"),
        (base + "nieuws/zelf", "Zelf gunning jeugdhulp")]
    assert db.execute("select count(*) from fetches where location is not null").fetchone()[0] == 0
    rebuilt = forkcli.run(["reparse", "--db", str(tmp_path / "archive.db")], cwd=ROOT, timeout=300)
    assert rebuilt.returncode == 0, rebuilt.stderr[-3000:]
    assert re.findall(r"^reparsed crawl (\d+) \(\w+, \S+, (\w+)\): exit 0$", rebuilt.stderr, re.M) == [("1", "direct")]
    assert sorted((r["url"], r["title"], r["sha256"]) for r in db["articles"].rows) == before


def test_a_feed_whose_dates_are_english_without_a_time_dates_its_items_and_keeps_older_ones_out(tmp_path):
    """§2.1 feeds (RSS at ``/feed/``): a feed plugin that writes ``pubDate`` as RFC 822 cut short (``Thu, 14
    Oct 2021``, no time) or as an English long date (``Thursday, 22 December 2021``, ``July 2, 2018``). Email's
    parser wants the time, so such an item had no date: its page, stating none, was archived undated, and a
    ``--from-date`` crawl fetched items from years before. The date is read."""
    assert dated_feed_crawl(tmp_path, ("<pubDate>Thu, 14 Oct 2021</pubDate>", "<pubDate>Fri, 1 Mar 2019</pubDate>",
                                       "<pubDate>Thursday, 22 December 2021</pubDate>",
                                       "<pubDate>July 2, 2018</pubDate>")) == [
        ("Contracten jeugdhulp getekend", "2021-12-22", "feed"), ("Voorlopige gunning jeugdhulp", "2021-10-14", "feed")]


#: A SYNTHETIC cookie wall a site answers at an article's address (HTTP 200).
COOKIE_WALL = (HTML, (
    "<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'><title>Wij vragen"
    " uw toestemming</title></head><body><div class='cookiewall'><h1>Wij vragen uw toestemming</h1><p>Deze site"
    " gebruikt cookies om ervoor te zorgen dat we u de best mogelijke ervaring geven. Wij en onze partners gebruiken"
    " cookies voor advertenties.</p><p>Door op Akkoord te klikken gaat u hiermee akkoord.</p><button>Akkoord"
    "</button><a href='/cookies'>Instellingen aanpassen</a></div></body></html>").encode())


def test_a_cookie_wall_answered_for_a_page_is_not_archived_nor_archived_over_it(tmp_path):
    """§2.4's cookie modal as the whole answer: a site that answers an article's address with its cookie wall
    (HTTP 200). The wall was archived as the article ("Wij vragen uw toestemming", its text "Door op Akkoord te
    klikken …"), and for a living page over the page as it was. It is not archived: the page archived before
    stays as it was, and the crawl records the failure (the next crawl asks again)."""
    page = (HTML, ARTICLE.format(title="Inkoop jeugdhulp project", extra="De regio koopt in.").encode())
    routes = {"/robots.txt": ROBOTS, "/project/inkoop": page}
    with serve(routes) as base:
        path = registry(tmp_path, base_url=base, living_pages=["project/inkoop"])
        first = crawl_news(path, tmp_path / "archive.db")
        routes["/project/inkoop"] = COOKIE_WALL
        second = crawl_news(path, tmp_path / "archive.db")
    assert first.returncode == 0, first.stderr[-3000:]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert [(r["title"], r["crawl_id"]) for r in db["articles"].rows] == [("Inkoop jeugdhulp project", 1)]
    assert second.returncode != 0
    crawl = db.execute("select status, errors from crawls where crawl_id = 2").fetchone()
    assert crawl[0] == "failed" and "cookie wall" in crawl[1]  # nothing archived, an error recorded
