"""The news spider, thirty-fourth pass against docs/reference/news-sites.md as an evaluator would test it:
loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news) around real texts, crawled with
``tenderarchive crawl news`` into a real archive."""

from __future__ import annotations

import json

import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, registry, serve
from tests.spiders.test_news_reference19 import S1_LATER, S1_OPENING, split_page, urlset

#: The TenderNed notice the item's second page links to (news-sites.md §2.2: ``/aankondigingen/overzicht/<id>``).
NOTICE = "https://www.tenderned.nl/aankondigingen/overzicht/100701"


def test_a_tenderned_notice_linked_on_the_second_page_of_a_split_item_is_its_reference(tmp_path):
    """§2.2 tenderned.nl links in a WordPress post split with ``<!--nextpage-->`` (refnews19) whose notice link
    ("de stukken staan op TenderNed", refnews33) is on its second page: the text of both pages was archived, but the
    notice addresses were read from the first page only, so the item had no TenderNed reference and was never linked
    to the procurement by it. The notices every page of the item links to are its references."""
    slug = "/nieuws/nieuwe-manier-van-samenwerken/"
    later = f"{S1_LATER}</p><p>De stukken staan op <a href='{NOTICE}'>TenderNed</a>."
    routes = {"/robots.txt": ROBOTS, "/sitemap.xml": urlset({slug: "2021-10-20"}),
              slug: split_page(S1_OPENING, f"1 <a href='{slug}2/' class='post-page-numbers'>2</a>"),
              f"{slug}2/": split_page(later, f"<a href='{slug}' class='post-page-numbers'>1</a> 2")}
    archive = tmp_path / "archive.db"
    with serve(routes) as base:
        crawl = crawl_news(registry(tmp_path, base_url=base, cms="wordpress", discovery={"sitemaps": ["sitemap.xml"]},
                                    allow=["^/nieuws/"]), archive)
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    [article] = sqlite_utils.Database(archive)["articles"].rows
    assert S1_OPENING in article["text"] and S1_LATER in article["text"]
    assert json.loads(article["tenderned_refs"] or "{}").get("publication_ids") == ["100701"], article["tenderned_refs"]
