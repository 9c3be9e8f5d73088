"""When a news page with an archived page's title and text at another address is that page moved (a site
that moved to another CMS) and when it is a page of its own: loopback sites of SYNTHETIC pages (labelled
like tests/fixtures/news), crawled with ``tenderarchive crawl news`` into a real archive."""

from __future__ import annotations

import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, registry, serve
from tests.spiders.test_news_reference6 import listing_of
from tests.spiders.test_news_reference8 import iprox_item, wordpress_item


def test_an_archived_page_whose_address_still_answers_keeps_it_when_another_address_serves_its_text(tmp_path):
    """A print version (or a second path, a canonical's twin) that a later crawl finds with the text and
    title of an archived page whose own address the site still lists is no move: the archived page keeps
    its address and provenance (its ``source_url`` flipped to the print address, then back each crawl),
    the other address is archived as a page of its own, and a third crawl changes nothing."""
    routes = {"/robots.txt": ROBOTS, "/nieuws": listing_of("/nieuws/Gunning_jeugdhulp"),
              "/nieuws/Gunning_jeugdhulp": iprox_item("Voorlopige gunning jeugdhulp")}
    db_path = tmp_path / "archive.db"
    with serve(routes) as base:
        path = registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}}, allow=["^/nieuws/"])
        crawls = [crawl_news(path, db_path)]
        routes["/nieuws"] = listing_of("/nieuws/Gunning_jeugdhulp", "/nieuws/print/Gunning_jeugdhulp")
        routes["/nieuws/print/Gunning_jeugdhulp"] = wordpress_item("Voorlopige gunning jeugdhulp")
        crawls.append(crawl_news(path, db_path))
        db = sqlite_utils.Database(db_path)
        after_second = sorted((r["url"].removeprefix(base), r["source_url"].removeprefix(base))
                              for r in db["articles"].rows)
        crawls.append(crawl_news(path, db_path))
    assert [c.returncode for c in crawls] == [0, 0, 0], crawls[-1].stderr[-3000:]
    rows = sorted((r["url"].removeprefix(base), r["source_url"].removeprefix(base)) for r in db["articles"].rows)
    assert after_second == rows == [("nieuws/Gunning_jeugdhulp", "nieuws/Gunning_jeugdhulp"),
                                    ("nieuws/print/Gunning_jeugdhulp", "nieuws/print/Gunning_jeugdhulp")]
