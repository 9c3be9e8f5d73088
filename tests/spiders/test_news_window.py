"""The news spider's ``from_date``/``until_date``: feed and sitemap dates before fetching (RSS's
RFC 822 too), the page's own date after (pipelines/extract.py), over the loopback fixture sites
(synthetic HTML around real texts, tests/fixtures/news/)."""

from __future__ import annotations

import re
from datetime import date

import pytest
import sqlite_utils

from spiders.news import _day
from tests.fixtures.news.serve import serve_sites
from tests.spiders.test_news import crawl_news, write_registry


@pytest.mark.parametrize("value, expected", [
    ("2021-10-14", date(2021, 10, 14)),
    ("2021-10-14T16:05:00+02:00", date(2021, 10, 14)),
    ("Thu, 14 Oct 2021 16:05:00 +0200", date(2021, 10, 14)),
    ("14 Oct 2021 16:05:00 GMT", date(2021, 10, 14)),
    ("  Mon, 03 Jan 2022 08:00:00 GMT ", date(2022, 1, 3)),
    # WordPress's feeds and Yoast's sitemaps write UTC: the Dutch day is the next one
    ("Thu, 14 Oct 2021 22:30:00 +0000", date(2021, 10, 15)), ("2021-10-14T22:30:00+00:00", date(2021, 10, 15)),
    ("2021-10-14T22:30:00Z", date(2021, 10, 15)), ("2021-10-14T22:30", date(2021, 10, 14)),
    # RFC 5322's "-0000" is UTC too (the sender's zone unknown), not a time without a zone
    ("Thu, 14 Oct 2021 22:30:00 -0000", date(2021, 10, 15)),
    ("gisteren", None), ("", None), (None, None), ("Thu, 99 Foo 2021", None),
])
def test_feed_and_sitemap_dates_are_read_in_iso_and_rfc_822(value, expected):
    assert _day(value) == expected


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    """The fixture sites crawled twice: every page, and from a date between the pages' dates."""
    tmp = tmp_path_factory.mktemp("window")
    with serve_sites() as base_urls:
        registry = write_registry(tmp, base_urls)
        everything = crawl_news(registry, tmp / "all.db")
        assert everything.returncode == 0, everything.stderr[-2000:]
        db = sqlite_utils.Database(tmp / "all.db")
        dated = sorted({r["published"][:10] for r in db.query(
            "select published from articles where published is not null and not is_living_page")})
        assert len(dated) >= 3, dated
        cut = dated[len(dated) // 2]
        windowed = crawl_news(registry, tmp / "window.db", "--from-date", cut)
        until = crawl_news(registry, tmp / "until.db", "--until-date", "2021-10-13")
    return {"all": db, "cut": cut, "window": sqlite_utils.Database(tmp / "window.db"), "completed": windowed,
            "until": sqlite_utils.Database(tmp / "until.db"), "until_completed": until}


def test_pages_dated_before_from_date_are_not_archived_and_are_no_error(both):
    completed, cut = both["completed"], both["cut"]
    assert completed.returncode == 0, completed.stderr[-2000:]
    crawl = next(both["window"].query("select * from crawls order by crawl_id desc limit 1"))
    assert crawl["status"] == "complete" and crawl["error_count"] == 0
    everything = {r["url"]: r for r in both["all"]["articles"].rows}
    kept = {r["url"] for r in both["window"]["articles"].rows}
    expected = {url for url, r in everything.items()
                if r["is_living_page"] or not r["published"] or r["published"][:10] >= cut}
    assert kept == expected
    assert len(kept) < len(everything)  # the cut left some pages out


def test_until_date_skips_a_feed_item_by_its_rfc_822_date_and_drops_later_pages(both):
    """The kennemerdagblad feed dates an item "Thu, 14 Oct 2021 16:05:00 +0200": after an
    explicit ``--until-date 2021-10-13`` it is not fetched, and no page dated later is kept."""
    completed = both["until_completed"]
    assert completed.returncode == 0, completed.stderr[-2000:]
    skipped = re.search(r"'news/skipped_out_of_window': (\d+)", completed.stdout + completed.stderr)
    assert skipped and int(skipped.group(1)) >= 1
    everything = {r["url"]: r for r in both["all"]["articles"].rows}
    kept = {r["url"] for r in both["until"]["articles"].rows}
    assert kept == {url for url, r in everything.items()
                    if r["is_living_page"] or not r["published"] or r["published"][:10] <= "2021-10-13"}
    assert not any("rechter-kinderopvang-de-boomhut" in url for url in kept)
    assert any("rechter-kinderopvang-de-boomhut" in url for url in everything)
