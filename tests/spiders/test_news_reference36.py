"""The news spider, thirty-sixth pass against docs/reference/news-sites.md as an evaluator would test it: the agenda
items of a council information system (iBabs, Notubiz, a municipal "raadsinformatie"), short pages under the site's
menu; loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news) around a real text, crawled with
``tenderarchive crawl news`` into a real archive."""

from __future__ import annotations

import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import registry, serve
from tests.spiders.test_news_reference35 import DECIDED, ITEMS, YOUTH_CARE, council_site, item_path

#: The council information system's menu, above every page of it (``council_page``).
MENU = ["Raadsinformatie", "Vergaderingen"]


def test_an_agenda_items_text_does_not_begin_with_the_sites_menu(tmp_path):
    """Each agenda item's page is short: a heading, the meeting and its date, and a paragraph. Read whole, its text
    began with the site's menu ("Raadsinformatie", "Vergaderingen") before the item's matter, in the archive, its
    search and the news analysis alike. The menu is no line of any item's text; the raadsvoorstel keeps its own."""
    archive = tmp_path / "archive.db"
    with serve(council_site()) as base:
        crawl = crawl_news(registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["vergaderingen"]}},
                                    allow=["^/vergadering/", "^/agendapunt/"]), archive)
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    articles = {row["url"].removeprefix(base.rstrip("/")): row for row in sqlite_utils.Database(archive)["articles"].rows}
    assert sorted(articles) == sorted(item_path(n) for n in range(len(ITEMS)))
    for path, article in articles.items():
        assert not set(MENU) & {line.strip() for line in article["text"].split("\n")}, (path, article["text"])
    for n, title in enumerate(ITEMS):
        if n != YOUTH_CARE:
            assert articles[item_path(n)]["text"].endswith(f"Toelichting bij {title.lower()}.")
    assert DECIDED in articles[item_path(YOUTH_CARE)]["text"]
