"""The news spider, sixth pass against docs/reference/news-sites.md as an evaluator would test it:
loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news), crawled with ``tenderarchive
crawl news`` into a real archive."""

from __future__ import annotations

import sqlite_utils

from tests import forkcli
from tests.conftest import ROOT
from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ARTICLE, HOME, ROBOTS, redirecting, registry

HTML = "text/html; charset=utf-8"


def listing_of(*hrefs: str) -> tuple[str, bytes]:
    items = "".join(f"<li><a href='{h}'>Bericht {i}</a></li>" for i, h in enumerate(hrefs))
    return (HTML, ("<!doctype html><html><head><meta name='tenderarchive-fixture' content='synthetic'></head>"
                   f"<body><main><ul>{items}</ul></main></body></html>").encode())


def test_a_listing_link_that_redirects_is_not_asked_again_once_its_page_is_archived(tmp_path):
    """A listing (news-sites.md §2.2 listing patterns) that links moved items by their old addresses:
    ``301`` to a relative ``Location``, a chain of two ``301`` (the second to a protocol-relative one). The
    pages they lead to were archived and not asked again, but every crawl asked each old address again
    (nothing kept where it leads). The raw store keeps the redirect with its ``Location``
    (``fetches.location``), and a later crawl knows the old address as it knows an archived page. A
    link that redirects to the home page (a withdrawn item: nothing archived) is still asked by the next
    crawl, as a page that failed is."""
    log: list[str] = []
    first = (HTML, ARTICLE.format(title="Inkoop jeugdzorg", extra="De regio koopt in.").encode())
    second = (HTML, ARTICLE.format(title="Gunning jeugdhulp", extra="De regio gunt twee percelen.").encode())
    routes = {"/robots.txt": ROBOTS, "/": HOME,
              "/nieuws": listing_of("/nieuws/inkoop-oud", "/nieuws/gunning-oud", "/nieuws/ingetrokken"),
              "/nieuws/inkoop-jeugdzorg": first, "/nieuws/gunning-jeugdhulp": second}
    redirects = {"/nieuws/inkoop-oud": "inkoop-jeugdzorg", "/nieuws/gunning-oud": "/nieuws/tussen",
                 "/nieuws/ingetrokken": "/"}
    server, base = redirecting(routes, redirects, log)
    redirects["/nieuws/tussen"] = base.removeprefix("http:") + "nieuws/gunning-jeugdhulp"  # //127.0.0.1:port/…
    asked = []
    try:
        path = registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}}, allow=["^/nieuws/"])
        for _ in range(3):
            completed = crawl_news(path, tmp_path / "archive.db")
            assert completed.returncode == 0, completed.stderr[-3000:]
            asked.append(sorted(p for p in log if p.startswith("/nieuws/")))
            del log[:]
    finally:
        server.shutdown()
    assert asked[0] == ["/nieuws/gunning-jeugdhulp", "/nieuws/gunning-oud", "/nieuws/ingetrokken",
                        "/nieuws/inkoop-jeugdzorg", "/nieuws/inkoop-oud", "/nieuws/tussen"]
    assert asked[1:] == [["/nieuws/ingetrokken"], ["/nieuws/ingetrokken"]]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert sorted(r["url"] for r in db["articles"].rows) == [base + "nieuws/gunning-jeugdhulp",
                                                             base + "nieuws/inkoop-jeugdzorg"]
    assert {(r["url"], r["location"]) for r in db.query("select url, location from fetches where status = 301")} >= {
        (base + "nieuws/inkoop-oud", base + "nieuws/inkoop-jeugdzorg"),
        (base + "nieuws/tussen", base + "nieuws/gunning-jeugdhulp")}
    assert db.execute("select count(*) from fetches where location is not null and status = 200").fetchone()[0] == 0


def test_a_page_reached_only_through_a_redirect_survives_a_reparse(tmp_path):
    """``reparse`` replays the WARC store. A news item that a listing links only by its old address
    (``301``) was archived by the crawl, but the store kept only the answer of the page it leads to,
    under the new address: the replay found nothing for the old one, the rebuild lost the article,
    and ``reparse`` refused it (exit 1). The redirect is in the store, and the replay follows it."""
    page = (HTML, ARTICLE.format(title="Inkoop jeugdzorg", extra="De regio koopt in.").encode())
    routes = {"/robots.txt": ROBOTS, "/nieuws": listing_of("/nieuws/inkoop-oud"), "/nieuws/inkoop-jeugdzorg": page}
    server, base = redirecting(routes, {"/nieuws/inkoop-oud": "/nieuws/inkoop-jeugdzorg"})
    try:
        path = registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}}, allow=["^/nieuws/"])
        completed = crawl_news(path, tmp_path / "archive.db")
    finally:
        server.shutdown()
    assert completed.returncode == 0, completed.stderr[-3000:]
    before = [(r["url"], r["title"], r["sha256"]) for r in sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows]
    assert before and before[0][0] == base + "nieuws/inkoop-jeugdzorg"
    rebuilt = forkcli.run(["reparse", "--db", str(tmp_path / "archive.db")], cwd=ROOT, timeout=300)
    assert rebuilt.returncode == 0, rebuilt.stderr[-3000:]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert [(r["url"], r["title"], r["sha256"]) for r in db["articles"].rows] == before
    assert db.execute("select count(*) from fetches where status = 301").fetchone()[0] == 1
