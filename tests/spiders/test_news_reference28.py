"""The news spider, twenty-eighth pass against docs/reference/news-sites.md as an evaluator would test it:
loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news), crawled with ``tenderarchive
crawl news`` into a real archive. This pass: OpenPub API answers of odd shapes; a UTF-16 robots.txt."""

from __future__ import annotations

import json
import urllib.parse

import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, registry, serve
from tests.spiders.test_news_reference17 import OPENPUB, openpub_item
from tests.spiders.test_news_reference4 import typo3_detail


def openpub_answer(data, page: int = 1, pages: int = 1) -> tuple[str, bytes]:
    """A SYNTHETIC OpenPub ``items`` answer whose ``data`` is written as given."""
    body = {"_comment": "SYNTHETIC tenderarchive test data (OpenPub REST shape of plugin-openpub-base)",
            "data": data, "pagination": {"total_count": 3, "total_pages": pages, "current_page": page, "limit": 3}}
    return ("application/json; charset=UTF-8", json.dumps(body).encode())


def crawl_openpub(tmp_path, routes: dict, *args: str, log: list | None = None):
    """One crawl (with ``args``) of a WordPress site whose only discovery is the OpenPub API; its archive. ``log``
    collects every path asked."""
    with serve({"/robots.txt": ROBOTS, **routes}, [] if log is None else log) as base:
        crawl = crawl_news(registry(tmp_path, base_url=base, cms="wordpress", discovery={"openpub": [OPENPUB[1:]]},
                                    deny=["^/wp-json"]), tmp_path / "archive.db", *args)
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    return sqlite_utils.Database(tmp_path / "archive.db")


def test_an_openpub_page_whose_items_php_wrote_as_an_object_keyed_by_index_is_archived_item_by_item(tmp_path):
    """§2.1 OpenPub ``items``: PHP's ``json_encode`` writes an array whose keys are not 0, 1, 2 … (an item a site's
    filter took out with ``array_filter``) as an object keyed by index, ``"data": {"0": item, "2": item}``. Such a
    page was "malformed OpenPub response: no list of items", an error of every crawl, and none of its items was
    archived. They are the same items, read in their order."""
    data = {"0": openpub_item(11, "2021-10-14"), "2": openpub_item(13, "2021-10-16"),
            "10": openpub_item(21, "2021-10-18")}
    db = crawl_openpub(tmp_path, {f"{OPENPUB}?page=1": openpub_answer(data)})
    assert sorted(urllib.parse.urlsplit(r["url"]).path for r in db["articles"].rows) == [
        f"{OPENPUB}/{n}" for n in (11, 13, 21)]
    assert next(db.query("select status, error_count from crawls")) == {"status": "complete", "error_count": 0}


def test_an_openpub_item_written_in_wordpress_cores_rendered_shape_keeps_its_title_and_text(tmp_path):
    """§2.1 OpenPub ``items`` on WordPress: a site whose own filter gives the items WordPress core's REST shape,
    ``"title": {"rendered": "…"}``, ``"content": {"rendered": "<p>…</p>"}``, had them read as no text at all: the
    item was skipped as "without a URL or text" (an error), or archived without its title. The rendered text is
    the item's title and content."""
    item = openpub_item(31, "2021-10-14")
    item["title"] = {"rendered": "Aanbesteding jeugdhulp &#8211; perceel 31"}
    item["content"] = {"rendered": item["content"], "protected": False}
    bare = openpub_item(32, "2021-10-15")
    bare["title"] = {"rendered": "Voorlopige gunning jeugdhulp perceel 32"}
    db = crawl_openpub(tmp_path, {f"{OPENPUB}?page=1": openpub_answer([item, bare])})
    rows = {urllib.parse.urlsplit(r["url"]).path: r for r in db["articles"].rows}
    assert set(rows) == {f"{OPENPUB}/31", f"{OPENPUB}/32"}
    assert rows[f"{OPENPUB}/31"]["title"] == "Aanbesteding jeugdhulp – perceel 31"
    assert "specialistische jeugdhulp perceel 31" in rows[f"{OPENPUB}/31"]["text"]
    assert rows[f"{OPENPUB}/32"]["title"] == "Voorlopige gunning jeugdhulp perceel 32"
    assert next(db.query("select status, error_count from crawls")) == {"status": "complete", "error_count": 0}


def test_a_robots_txt_saved_as_utf_16_is_obeyed_and_its_sitemap_read(tmp_path):
    """Politeness and §2.1 TYPO3 (sitemaps "announced in robots.txt"): a robots.txt saved as UTF-16 with its byte
    order mark (Windows Notepad's "Unicode") was read as UTF-8, a NUL between every letter: Protego found no rule,
    so the page its ``Disallow`` forbids was fetched and archived, and its ``Sitemap:`` line was not seen (the
    sitemap never read). It is read in the encoding its mark names: the rule is kept, the sitemap read."""
    allowed = "/index.php?id=14&tx_news_pi1%5Bnews%5D=45&tx_news_pi1%5Baction%5D=detail"
    forbidden = "/intern/concept-gunning-jeugdhulp"
    log: list[str] = []
    routes = {
        "/robots.txt": lambda base: ("text/plain", (
            f"# SYNTHETIC\r\nUser-agent: *\r\nDisallow: /intern/\r\nSitemap: {base}index.php?type=200\r\n"
        ).encode("utf-16")),
        "/index.php?type=200": lambda base: ("text/xml; charset=utf-8", (
            '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>{base}{allowed[1:].replace('&', '&amp;')}</loc></url>"
            f"<url><loc>{base}{forbidden[1:]}</loc></url></urlset>").encode()),
        allowed: typo3_detail("Aanbesteding jeugdhulp afgerond", "2021-10-14"),
        forbidden: typo3_detail("Concept gunning jeugdhulp", "2021-10-15"),
    }
    with serve(routes, log) as base:
        crawl = crawl_news(registry(tmp_path, base_url=base, cms="typo3", discovery={"robots_sitemaps": True}),
                           tmp_path / "archive.db")
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert [r["title"] for r in db["articles"].rows] == ["Aanbesteding jeugdhulp afgerond"]
    assert forbidden not in log
