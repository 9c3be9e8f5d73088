"""The news spider, sixtieth pass against docs/reference/news-sites.md as an evaluator would test it: an English
consent banner over an article, and a UTF-16 byte-order mark before a UTF-8 page, on real loopback crawls of SYNTHETIC
pages (labelled like tests/fixtures/news), crawled with ``tenderarchive crawl news`` into a real archive."""

from __future__ import annotations

import pytest
import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, registry


def crawl_one(tmp_path, article: tuple[str, bytes]) -> list[dict]:
    """Crawl a SYNTHETIC site whose listing (/nieuws) names one item, answered with ``article``: its archived rows."""
    from tests.spiders.test_news_reference import redirecting
    from tests.spiders.test_news_reference6 import listing_of

    routes = {"/robots.txt": ROBOTS, "/nieuws": listing_of("/nieuws/inkoop"), "/nieuws/inkoop": article}
    db_path = tmp_path / "archive.db"
    server, base = redirecting(routes, {})
    try:
        crawl = crawl_news(registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}},
                                    allow=["^/nieuws/"]), db_path)
    finally:
        server.shutdown()
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    return list(sqlite_utils.Database(db_path)["articles"].rows)


def page(title: str, main: str, after: str = "") -> bytes:
    return ("<!doctype html><html lang='nl'><head><meta charset='utf-8'><meta name='tenderarchive-fixture' "
            f"content='synthetic'><title>{title} - Gemeente Voorbeeld</title></head><body><header><a href='/'>Gemeente "
            f"Voorbeeld</a></header><main><h1>{title}</h1>{main}</main>{after}</body></html>").encode()


ARTICLE = ("<p>De gemeenten Heerlen, Landgraaf en Voerendaal starten op 2 juni 2025 de inkoop van jeugdhulp voor de "
           "komende vier jaar.</p><p>Aanbieders kunnen zich tot 6 juli inschrijven via TenderNed.</p>")


@pytest.mark.parametrize("mark", [b"\xff\xfe", b"\xfe\xff"])
@pytest.mark.parametrize("content_type", ["text/html; charset=utf-8", "text/html"])
def test_a_utf8_article_behind_a_utf16_byte_order_mark_is_archived(tmp_path, mark, content_type):
    """§2.4 ("damaged by a wrong decode"): a UTF-8 article whose bytes open with a UTF-16 byte-order mark (``FF FE``,
    a template's stray bytes) and hold no NUL byte (UTF-16 markup is half NUL bytes): read as the mark says, it was
    CJK characters, "no main text found" and dropped. The mark is a lie: the page is read without it, its "één" and
    "coöperatie" intact."""
    body = mark + page("Coöperatie koopt jeugdhulp in", ARTICLE.replace("de inkoop", "één inkoop"))
    rows = crawl_one(tmp_path, (content_type, body))
    assert [r["title"] for r in rows] == ["Coöperatie koopt jeugdhulp in"]
    assert "starten op 2 juni 2025 één inkoop van jeugdhulp" in rows[0]["text"]


def test_a_utf8_listing_behind_a_utf16_byte_order_mark_keeps_its_links(tmp_path):
    """The listing so served (``FF FE`` before UTF-8 markup): read as UTF-16 its links were CJK characters, none
    followed, the crawl complete with nothing. Read without the mark, its item (a link with an "ö") is archived."""
    from tests.spiders.test_news_reference import redirecting
    from tests.spiders.test_news_reference6 import listing_of

    kind, listing = listing_of("/nieuws/coöperatie-koopt-in")
    routes = {"/robots.txt": ROBOTS, "/nieuws": ("text/html", b"\xff\xfe" + listing),
              "/nieuws/co%C3%B6peratie-koopt-in": ("text/html; charset=utf-8", page("Coöperatie koopt in", ARTICLE))}
    db_path = tmp_path / "archive.db"
    server, base = redirecting(routes, {})
    try:
        crawl = crawl_news(registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}},
                                    allow=["^/nieuws/"]), db_path)
    finally:
        server.shutdown()
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    assert [r["title"] for r in sqlite_utils.Database(db_path)["articles"].rows] == ["Coöperatie koopt in"]
