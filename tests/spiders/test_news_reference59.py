"""The news spider, fifty-ninth pass against docs/reference/news-sites.md as an evaluator would test it: a listing's
"Meer laden" JSON endpoint numbered from 0 or naming its next page by number, and cookie walls whose buttons say only
"Ok" or "Accept all", on real loopback crawls of SYNTHETIC pages (labelled like tests/fixtures/news), crawled with
``tenderarchive crawl news`` into a real archive."""

from __future__ import annotations

import json

import pytest
import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, registry
from tests.spiders.test_news_reference58 import LAST, crawl_load_more, every_title, items, titles


#: How a zero-based "meer laden" endpoint (Drupal's ``?page=0,1,2``, news-sites.md §2.1) counts its pages.
ZERO_BASED = {
    "total_pages": lambda n: {"posts": items(n + 1), "page": n, "total_pages": LAST},
    "strapi": lambda n: {"data": items(n + 1), "meta": {"pagination": {"page": n, "pageCount": LAST}}},
}


@pytest.mark.parametrize("shape", sorted(ZERO_BASED))
def test_a_zero_based_meer_laden_endpoint_is_read_to_its_last_page_and_no_further(tmp_path, shape):
    """§2.1 (Drupal: zero-based ``?page=``) and "load-more JSON": a listing's "Meer laden" endpoint numbered from 0
    (its button names ``?page=0``) answers its items with the count of its pages (``total_pages: 3``: pages 0, 1 and
    2). Its page 2 was read as below the count, so ``?page=3``, one past its end, was asked every crawl. The pages
    are counted from the 0 the endpoint was first asked with: each asked once, none past the last."""
    control = "<button class='load-more' data-url='/nieuws/meer?page=0'>Meer laden</button>"
    db, log = crawl_load_more(tmp_path, control, {
        **{f"/nieuws/meer?page={n}": ("application/json", json.dumps(ZERO_BASED[shape](n)).encode())
           for n in range(LAST)}})
    assert titles(db) == every_title()
    assert sorted(p for p in log if p.startswith("/nieuws/meer")) == [f"/nieuws/meer?page={n}" for n in range(LAST)]
    assert next(db.query("select status, error_count from crawls")) == {"status": "complete", "error_count": 0}


#: How a "meer laden" endpoint names its next page by its number, not its address (a paginator's ``"next": 3``, in
#: its object or its ``pagination``/``meta``; JSON written by PHP from a string: ``"3"``).
NEXT_NUMBER = {
    "next": lambda n: {"items": items(n), "next": n + 1 if n < LAST else None},
    "next as a string": lambda n: {"items": items(n), "next": str(n + 1) if n < LAST else ""},
    "pagination.next": lambda n: {"data": items(n), "pagination": {"current": n, "next": n + 1 if n < LAST else None}},
}


@pytest.mark.parametrize("shape", sorted(NEXT_NUMBER))
def test_a_meer_laden_endpoint_naming_its_next_page_by_number_is_read_to_its_last_page(tmp_path, shape):
    """§2.1 listing pages and paging ("load-more JSON"): a "Meer laden" endpoint answers ``"next": 3``, the number of
    its next page, not its address (``null`` on its last page): an address was looked for there, none found, and the
    crawl read the endpoint's first page only, the items of its later pages never archived. The number is its next
    page: every item archived, each page asked once, none past the last."""
    control = "<button class='load-more' data-url='/nieuws/meer?page=2'>Meer laden</button>"
    db, log = crawl_load_more(tmp_path, control, {
        **{f"/nieuws/meer?page={n}": ("application/json", json.dumps(NEXT_NUMBER[shape](n)).encode())
           for n in range(2, LAST + 1)}})
    assert titles(db) == every_title()
    assert sorted(p for p in log if p.startswith("/nieuws/meer")) == [f"/nieuws/meer?page={n}" for n in range(2, LAST + 1)]
    assert next(db.query("select status, error_count from crawls")) == {"status": "complete", "error_count": 0}


#: The consent texts of SYNTHETIC cookie walls (news-sites.md §2.4: [S2]'s Dutch intro over English categories,
#: ending with "Meer weten..."; an English one; a short Dutch one), none with "cookie" in its button.
CONSENT_TEXTS = {
    "S2": "<p>Deze site gebruikt cookies om ervoor te zorgen dat we u de best mogelijke ervaring geven.</p>"
          "<h3>Strictly necessary cookies</h3><p>These cookies are essential for the website to function.</p>"
          "<h3>Functionality cookies</h3><h3>Performance cookies</h3><h3>Online behavioral advertising cookies</h3>"
          "<p><a href='/privacy'>Meer weten...</a></p>",
    "english": "<p>We use cookies to improve your experience on our website and to show you personalised content."
               "</p><p>By clicking the button below you agree.</p>",
    "dutch": "<p>Wij gebruiken cookies om onze website te verbeteren.</p>",
}


def consent_wall(title: str, text: str, button: str) -> tuple[str, bytes]:
    """A SYNTHETIC cookie wall a site answers at a page's address (HTTP 200): the page's own ``<title>``, the site's
    header, and the consent ``text`` with its one ``button``."""
    return ("text/html; charset=utf-8", (
        "<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'>"
        f"<title>{title} - Gemeente Voorbeeld</title></head><body><header><a href='/'>Gemeente Voorbeeld</a><nav>"
        "<a href='/nieuws'>Nieuws</a></nav></header><div class='modal' role='dialog'>"
        f"{text}<form method='post' action='/consent'><button>{button}</button></form></div></body></html>").encode())


def crawl_walled_then_lifted(tmp_path, routes, lift):
    """Crawl the SYNTHETIC site of ``routes`` (a listing at /nieuws) once, put ``lift``'s answers in place and crawl
    it again: (first crawl, second crawl, the archive, the server's base URL)."""
    from tests.spiders.test_news_reference import redirecting

    db_path = tmp_path / "archive.db"
    server, base = redirecting(routes, {})
    try:
        path = registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}}, allow=["^/nieuws/"])
        walled = crawl_news(path, db_path)
        routes.update(lift)
        lifted = crawl_news(path, db_path)
    finally:
        server.shutdown()
    return walled, lifted, sqlite_utils.Database(db_path), base


@pytest.mark.parametrize("button", ["Ok", "Akkoord", "Accept all", "Alles accepteren"])
@pytest.mark.parametrize("text", sorted(CONSENT_TEXTS))
def test_a_cookie_wall_whose_button_says_ok_or_accept_all_is_no_article_and_the_article_is_archived_later(
        tmp_path, text, button):
    """§2.4's cookie modal as the whole answer at an article's address (HTTP 200), its only button "Ok", "Akkoord",
    "Accept all" or "Alles accepteren" (no "cookie" in it), under the article's own ``<title>``: the wall was archived
    as the article (its text the button's "Ok" or the English consent), or dropped as a page without text, no error,
    the article never asked again. A wall is recognised by its shape (a consent about cookies with a control, and no
    text of the page's own): not archived, an error of the crawl; the next crawl, the wall lifted, archives the
    article, though it left the listing."""
    from tests.spiders.test_news_reference6 import listing_of
    from tests.spiders.test_news_reference8 import iprox_item

    routes = {"/robots.txt": ROBOTS, "/nieuws": listing_of("/nieuws/gunning"),
              "/nieuws/gunning": consent_wall("Voorlopige gunning jeugdhulp", CONSENT_TEXTS[text], button)}
    # the item leaves the listing; the wall lifts
    lift = {"/nieuws": listing_of(), "/nieuws/gunning": iprox_item("Voorlopige gunning jeugdhulp")}
    walled, lifted, db, base = crawl_walled_then_lifted(tmp_path, routes, lift)
    status, errors = db.execute("select status, errors from crawls where crawl_id = 1").fetchone()
    assert walled.returncode != 0 and status != "complete"
    assert [(e["url"], "cookie wall" in e["error"]) for e in json.loads(errors)] == [(base + "nieuws/gunning", True)]
    assert lifted.returncode == 0, lifted.stderr[-3000:]
    rows = [(r["url"], r["title"], r["crawl_id"]) for r in db["articles"].rows]
    assert rows == [(base + "nieuws/gunning", "Voorlopige gunning jeugdhulp", 2)]
    assert "cookie" not in next(db["articles"].rows)["text"].casefold()


@pytest.mark.parametrize("text", sorted(CONSENT_TEXTS))
def test_a_listing_answering_a_cookie_wall_whose_button_says_ok_is_an_error(tmp_path, text):
    """§2.4's cookie modal as a listing's whole answer (HTTP 200) under the listing's own title ("Nieuws"), its only
    button "Ok": read as a listing without items, the crawl "complete" with nothing found, every crawl. It is an
    error of the crawl naming the wall; the next crawl, the wall lifted, reads the listing's items."""
    from tests.spiders.test_news_reference6 import listing_of
    from tests.spiders.test_news_reference8 import iprox_item

    routes = {"/robots.txt": ROBOTS, "/nieuws": consent_wall("Nieuws", CONSENT_TEXTS[text], "Ok"),
              "/nieuws/gunning": iprox_item("Voorlopige gunning jeugdhulp")}
    walled, lifted, db, base = crawl_walled_then_lifted(tmp_path, routes, {"/nieuws": listing_of("/nieuws/gunning")})
    status, errors = db.execute("select status, errors from crawls where crawl_id = 1").fetchone()
    assert walled.returncode != 0 and status != "complete"
    assert [(e["url"], "cookie wall" in e["error"]) for e in json.loads(errors)] == [(base + "nieuws", True)]
    assert lifted.returncode == 0, lifted.stderr[-3000:]
    assert [r["url"] for r in db["articles"].rows] == [base + "nieuws/gunning"]


@pytest.mark.parametrize("text", sorted(CONSENT_TEXTS))
def test_a_short_article_under_a_cookie_banner_whose_button_says_ok_is_archived(tmp_path, text):
    """The other side of the shape: a short item (two sentences) with the site's consent banner over it (its "Ok"
    button, the same consent texts) is the page, not a wall: archived, under its title, with its text."""
    from tests.spiders.test_news_reference import redirecting
    from tests.spiders.test_news_reference6 import listing_of

    article = ("text/html; charset=utf-8", (
        "<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'>"
        "<title>Inkoop jeugdhulp gestart - Gemeente Voorbeeld</title></head><body><header><a href='/'>Gemeente "
        "Voorbeeld</a></header><main><h1>Inkoop jeugdhulp gestart</h1><p>De gemeenten Heerlen, Landgraaf en "
        "Voerendaal starten de inkoop van jeugdhulp.</p><p>Aanbieders kunnen zich tot 6 juli inschrijven.</p></main>"
        f"<div class='modal' role='dialog'>{CONSENT_TEXTS[text]}<button>Ok</button></div></body></html>").encode())
    routes = {"/robots.txt": ROBOTS, "/nieuws": listing_of("/nieuws/inkoop"), "/nieuws/inkoop": article}
    db_path = tmp_path / "archive.db"
    server, base = redirecting(routes, {})
    try:
        crawl = crawl_news(registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}},
                                    allow=["^/nieuws/"]), db_path)
    finally:
        server.shutdown()
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    rows = list(sqlite_utils.Database(db_path)["articles"].rows)
    assert [r["title"] for r in rows] == ["Inkoop jeugdhulp gestart"]
    assert "Aanbieders kunnen zich tot 6 juli inschrijven." in rows[0]["text"]
