"""The news spider, thirtieth pass against docs/reference/news-sites.md as an evaluator would test it:
loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news), crawled with ``tenderarchive
crawl news`` into a real archive."""

from __future__ import annotations

import itertools
import re

import pytest
import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, registry
from tests.spiders.test_news_reference5 import undated_page
from tests.spiders.test_news_reference8 import HTML
from tests.spiders.test_news_reference11 import serve

#: A session id as a server without the visitor's cookie writes it into a link: PHP's ``?PHPSESSID=`` (after the
#: link's own parameters) or a Java server's ``;jsessionid=`` path parameter.
SESSION_ID = re.compile(r"[?&]PHPSESSID=\w+$|;jsessionid=\w+(?=\?|$)")


class SessionSite(dict):
    """Routes of a site that writes a new session id into every link of every answer (the crawl sends no cookie,
    settings.py ``COOKIES_ENABLED``): a route is asked by its path without the session id, and a page that is a
    callable is written for the session id of that answer. ``log`` (of :func:`serve`) has the paths as asked."""

    sessions = itertools.count(1)

    def get(self, path, default=None):
        route = super().get(SESSION_ID.sub("", path), default)
        return route(f"{next(self.sessions):08x}") if callable(route) else route


def session_listing(number: int, style: str):
    """Page ``number`` (from 1) of three of a SYNTHETIC listing ``/nieuws`` whose links carry the answer's session id
    (``style``: how its pager numbers its pages and where the session id goes), two items on each page."""
    def page(sid: str) -> tuple[str, bytes]:
        def link(path: str) -> str:
            if style == "jsessionid":
                return path.replace("?", f";jsessionid={sid}?") if "?" in path else f"{path};jsessionid={sid}"
            return f"{path}{'&' if '?' in path else '?'}PHPSESSID={sid}"
        pager_path = (lambda n: f"/nieuws?page={n}") if style == "query" else (lambda n: f"/nieuws/page/{n}")
        rows = "".join(f"<li><a href='{link(f'/nieuws/bericht-{number}-{k}')}'>Inkoop jeugdhulp {number}-{k}</a></li>"
                       for k in range(2))
        pager = "".join(f"<li><a href='{link(pager_path(n))}'>{n}</a></li>" for n in range(1, 4) if n != number)
        return (HTML, ("<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'>"
                       f"<title>Nieuws</title></head><body><main><h1>Nieuws</h1><ul>{rows}</ul>"
                       f"<nav class='pager'><ul>{pager}</ul></nav></main></body></html>").encode())
    return page


@pytest.mark.parametrize("style", ["query", "path", "jsessionid"])
def test_a_listing_writing_a_session_id_into_its_pager_is_read_page_by_page_once(tmp_path, style):
    """§2.1 paging and §2.2 URL patterns: a PHP or Java site writes its visitor's session into every link for a client
    without cookies, a new one in each answer, as the crawl sends none. The items' links were read without it, not
    the pager's: a pager in the path (WordPress's ``/nieuws/page/2/``) with ``?PHPSESSID=`` or ``;jsessionid=`` was
    no pager, the listing's older pages never read; a ``?page=2&PHPSESSID=…`` pager asked a page again for each
    session id its links were written with, ``max_pages`` spent on pages read before. Each page is asked once,
    without the session id, and every item is archived."""
    log: list[str] = []
    routes = SessionSite()
    server, base = serve(routes, log)
    pager_path = (lambda n: f"/nieuws?page={n}") if style == "query" else (lambda n: f"/nieuws/page/{n}")
    routes.update({"/robots.txt": ROBOTS, "/nieuws": session_listing(1, style),
                   **{pager_path(n): session_listing(n, style) for n in range(1, 4)},
                   **{f"/nieuws/bericht-{n}-{k}": undated_page(f"Inkoop jeugdhulp {n}-{k}")
                      for n in range(1, 4) for k in range(2)}})
    try:
        crawl = crawl_news(registry(tmp_path, base_url=base, allow=[r"^/nieuws/bericht"],
                                    discovery={"listing": {"urls": ["nieuws"], "max_pages": 5}}), tmp_path / "archive.db")
    finally:
        server.shutdown()
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    assert sorted(r["url"] for r in sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows) == sorted(
        f"{base}nieuws/bericht-{n}-{k}" for n in range(1, 4) for k in range(2))
    listing_pages = [p for p in log if not p.startswith(("/robots.txt", "/nieuws/bericht"))]
    assert sorted(SESSION_ID.sub("", p) for p in listing_pages) == sorted({SESSION_ID.sub("", p) for p in listing_pages})
    assert not [p for p in listing_pages if SESSION_ID.search(p)]
