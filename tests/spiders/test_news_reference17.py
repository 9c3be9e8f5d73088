"""The news spider, seventeenth pass against docs/reference/news-sites.md as an evaluator would test it:
loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news), crawled with ``tenderarchive
crawl news`` into a real archive."""

from __future__ import annotations

import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, openpub_page, registry, serve

OPENPUB = "/wp-json/owc/openpub/v1/items"
OPENPUB_BODY = ("<p>De gemeenten in de regio hebben de aanbesteding voor specialistische jeugdhulp {n} gepubliceerd. "
                "Aanbieders kunnen zich inschrijven tot de sluitingsdatum.</p>")


def openpub_item(ident: int, day: str) -> dict:
    """A SYNTHETIC OpenPub item (plugin-openpub-base's REST shape)."""
    return {"id": ident, "title": f"Aanbesteding jeugdhulp perceel {ident}",
            "content": OPENPUB_BODY.format(n=f"perceel {ident}"), "date": f"{day} 10:00:00", "slug": f"perceel-{ident}"}


def test_an_openpub_api_counting_its_pages_as_a_decimal_is_paged_to_its_last_page_only(tmp_path):
    """§2.1 WordPress / Open Webconcept, OpenPub's ``items`` paged with ``page``: the plugin gives
    ``pagination.total_pages`` from WordPress's ``max_num_pages``, a ``ceil()`` PHP keeps a float, which its JSON
    writes ``3.0`` (and a proxy or another serialiser ``"3"``). Such a count was no count: the spider asked page 4,
    which the API answers "not found" (an error of every crawl, each partial), or, where it answers the last page
    again, asked up to ``NEWS_OPENPUB_MAX_PAGES`` pages of nothing new. The count is read as the whole number it is."""
    for written in (3.0, "3"):
        log: list[str] = []
        routes = {"/robots.txt": ROBOTS, **{
            f"{OPENPUB}?page={n}": openpub_page([openpub_item(10 * n + k, f"2021-10-{10 + n}") for k in (1, 2)], n, written)
            for n in (1, 2, 3)}}
        db_path = tmp_path / f"archive-{written!r}.db"
        with serve(routes, log) as base:
            crawl = crawl_news(registry(tmp_path, base_url=base, cms="wordpress", discovery={"openpub": [OPENPUB[1:]]},
                                        deny=["^/wp-json"]), db_path)
        assert crawl.returncode == 0, crawl.stderr[-3000:]
        db = sqlite_utils.Database(db_path)
        assert db["articles"].count == 6
        assert next(db.query("select status, error_count from crawls")) == {"status": "complete", "error_count": 0}
        assert [p for p in log if p.startswith(OPENPUB)] == [f"{OPENPUB}?page={n}" for n in (1, 2, 3)]
