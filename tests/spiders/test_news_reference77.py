"""The news spider, seventy-seventh pass against docs/reference/news-sites.md as an evaluator would test it: a crawl
in a ``--jobdir`` whose host's robots.txt was unreachable, resumed once robots.txt is back (loopback sites of
SYNTHETIC pages, labelled like tests/fixtures/news, crawled with ``tenderarchive crawl news`` into a real archive)."""

from __future__ import annotations

import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ARTICLE, ROBOTS, registry, serve

HTML = "text/html; charset=utf-8"
PAGE = (HTML, ARTICLE.format(title="Inkoop jeugdzorg", extra="De regio koopt in.").encode())


def listing(href: str) -> tuple[str, bytes]:
    return (HTML, b"<!doctype html><html><head><meta name='tenderarchive-fixture' content='synthetic'></head>"
                  b"<body><ul><li><a href='" + href.encode() + b"'>Inkoop jeugdzorg</a></li></ul></body></html>")


def down_then_resumed(tmp_path, routes: dict, log: list[str], **site):
    """Crawl the site in a ``--jobdir`` with robots.txt answering ``503`` (no retries), then resume the folder with
    robots.txt back: (paths asked while down, the first crawl, the resumed crawl, base URL, archive)."""
    job, archive = tmp_path / "job", tmp_path / "archive.db"
    routes["/robots.txt"] = ("text/plain", b"", 503)
    with serve(routes, log) as base:
        path = registry(tmp_path, base_url=base, allow=["^/nieuws/"], **site)
        down = crawl_news(path, archive, "--jobdir", str(job), "-s", "RETRY_TIMES=0")
        asked_down = [p for p in log if p != "/robots.txt"]
        del log[:]
        routes["/robots.txt"] = ROBOTS
        resumed = crawl_news(path, archive, "--jobdir", str(job))
    return asked_down, down, resumed, base, archive


def test_a_crawl_resumed_after_its_sites_robots_txt_was_unreachable_asks_its_pages_once(tmp_path):
    """RFC 9309 §2.3.1.4: an unreachable robots.txt (here ``503``, no retries) is "complete disallow": the site's
    pages are not asked in this crawl, and "the next run retries it". The crawl that resumes the ``--jobdir``,
    robots.txt back, reads the site's listing again (its roots pass the duplicate filter) and archives its page,
    each asked once: the listing kept for it besides would be read twice."""
    log: list[str] = []
    routes = {"/nieuws": listing("/nieuws/inkoop-jeugdzorg"), "/nieuws/inkoop-jeugdzorg": PAGE}
    asked_down, down, resumed, base, archive = down_then_resumed(
        tmp_path, routes, log, discovery={"listing": {"urls": ["nieuws"]}})
    assert asked_down == [] and down.returncode != 0, down.stderr[-3000:]
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    assert sorted(log) == ["/nieuws", "/nieuws/inkoop-jeugdzorg", "/robots.txt"], log
    db = sqlite_utils.Database(archive)
    assert [r["url"] for r in db["articles"].rows] == [base + "nieuws/inkoop-jeugdzorg"]


def test_a_crawl_resumed_after_its_sites_robots_txt_was_unreachable_asks_the_living_page_it_left(tmp_path):
    """A site read through a living page (news-sites.md: ``living_pages``, re-checked every crawl) whose robots.txt
    answers ``503``: the page is not asked ("complete disallow"). Scrapy's duplicate filter in ``--jobdir``
    remembered it as asked, so the crawl that resumed the folder, robots.txt back, dropped it as asked before: the
    crawl complete, the page never archived, though "the next run retries it". The requests robots.txt left that
    the duplicate filter would drop are kept in ``JOBDIR/requests.not_asked`` (``UnreachableHostMiddleware.leave``)
    and the resumed crawl asks them, once; the robots.txt error says how many were left."""
    log: list[str] = []
    routes = {"/nieuws/inkoop-jeugdzorg": PAGE}
    asked_down, down, resumed, base, archive = down_then_resumed(
        tmp_path, routes, log, discovery={}, living_pages=["nieuws/inkoop-jeugdzorg"])
    job = tmp_path / "job"
    assert asked_down == [] and down.returncode != 0, down.stderr[-3000:]
    db = sqlite_utils.Database(archive)
    first = next(db.query("select errors from crawls order by crawl_id"))["errors"]
    assert "robots.txt unreachable (HTTP 503)" in first and "(1 not asked; the crawl resumed with --jobdir" in first
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    assert sorted(log) == ["/nieuws/inkoop-jeugdzorg", "/robots.txt"], log
    assert [r["url"] for r in db["articles"].rows] == [base + "nieuws/inkoop-jeugdzorg"]
    assert not (job / "requests.not_asked").exists()  # asked: a third crawl asks them not again
