"""TenderNed API conformance, round 54, by real crawls of the loopback API (tenderarchive/apiserver.py) into a real
archive: an empty page in the middle of a day's list (reference §3: paging stops on ``last == true`` or
``number + 1 >= totalPages``, not on an empty page), and a closing date a rectification moved in the detail while the
list row keeps the original (§3 "Gotcha", §4; §13: the detail's ``sluitingsDatum`` is often absent). The records are
SYNTHETIC."""

from __future__ import annotations

import re

import pytest

from tests.conftest import by_id
from tests.spiders.test_tenderned import _many, list_requests

DAY = "2021-03-01"
OPEN = {"from_date": "2021-10-01", "until_date": "2021-11-20"}  # contract notice 300301 (2021-10-15), open to 11-15


def pages_asked(api) -> list[int]:
    return sorted(int(re.search(r"[?&]page=(\d+)", p).group(1)) for p in list_requests(api) if "size=5" in p)


@pytest.mark.parametrize("omit", [(), ("totalPages",)])
def test_an_empty_page_in_the_middle_of_a_days_list_is_asked_once_more(snapshot, serve_api, crawl, omit):
    """15 publications of one past day in pages of 5; page 1 answers once with ``content: []`` while its envelope
    says 15 rows in 3 pages and ``last: false`` (a replica behind, a cache). The empty page ended the query: pages 1
    and 2 (10 notices) were never fetched, the crawl partial ("fetched 5 of 15"). Asked once more, as an empty page 0
    is, the day is listed whole and the crawl is complete; also for an envelope without ``totalPages``."""
    publications = _many(snapshot, days=1, per_day=15)
    emptied = []

    def envelope(page, params):
        if page["number"] == 1 and not emptied:
            emptied.append(page["number"])
            return {**page, "content": [], "numberOfElements": 0}
        return page

    server = serve_api(publications, max_size=5, envelope=envelope, omit_envelope=omit)
    result = crawl(server.api_url, "--profile", "all", "-s", "TENDERNED_PAGE_SIZE=5", from_date=DAY, until_date=DAY)
    assert result.crawl["status"] == "complete", result.errors
    assert result.db["notices"].count == 15
    assert pages_asked(server.api) == [0, 1, 1, 2]
    assert "page 1 came empty amid the all 2021-03-01..2021-03-01 list" in result.output


def test_a_middle_page_that_stays_empty_ends_the_query_after_one_more_ask(snapshot, serve_api, crawl):
    """The same page empty every time it is asked: asked twice, then the query ends there as before (an envelope
    that overstates costs one request more, not one per page it claims); the shortfall is recorded, nothing lost."""
    publications = _many(snapshot, days=1, per_day=15)

    def envelope(page, params):
        return {**page, "content": [], "numberOfElements": 0} if page["number"] == 1 else page

    server = serve_api(publications, max_size=5, envelope=envelope)
    result = crawl(server.api_url, "--profile", "all", "-s", "TENDERNED_PAGE_SIZE=5", from_date=DAY, until_date=DAY)
    assert result.db["notices"].count == 5
    assert pages_asked(server.api) == [0, 1, 1]
    assert [e["error"] for e in result.errors] == [f"shortfall: all {DAY}..{DAY}: fetched 5 of 15 rows"]


def test_a_moved_deadline_is_not_set_back_to_the_lists_original_by_a_detail_naming_none(snapshot, serve_api, crawl):
    """Contract notice 300301's list row keeps its original closing date (15 November), its detail the one a
    rectification moved it to (1 December): archived 1 December. Fetched again with its row (here a crawl that is
    not incremental; as well a changed status, type or procedure, or a reparse) while its detail names no closing
    date (§13: often absent), the row's original stood in: the notice, its procedure and its timeline were set back to
    15 November, the deadline the rectification replaced. The one an earlier detail gave is kept; a later detail
    naming a date is still taken, and a notice whose archived deadline is its row's still follows its row."""
    notice = by_id(snapshot, 300301)
    notice["list"]["sluitingsDatum"] = "2021-11-15T12:00:00"
    notice["detail"]["sluitingsDatum"] = "2021-12-01T12:00:00"
    server = serve_api(snapshot)
    first = crawl(server.api_url, **OPEN)
    assert first.crawl["status"] == "complete", first.errors
    assert first.db["notices"].get(300301)["deadline"] == "2021-12-01T12:00:00+01:00"

    del notice["detail"]["sluitingsDatum"]
    again = crawl(server.api_url, "-s", "TENDERNED_INCREMENTAL=False", **OPEN)
    assert again.crawl["status"] == "complete", again.errors
    assert again.db["notices"].get(300301)["deadline"] == "2021-12-01T12:00:00+01:00"
    assert again.db["notices"].get(300301)["deadline_list"] == "2021-11-15T12:00:00+01:00"
    assert again.db["procurements"].get("TN312877")["deadline"] == "2021-12-01T12:00:00+01:00"
    deadlines = [row["date"] for row in again.db["events"].rows_where(
        "source_type = 'notice' and source_id = '300301' and kind = 'inschrijf_deadline'")]
    assert deadlines == ["2021-12-01"]

    notice["detail"]["sluitingsDatum"] = "2021-12-08T12:00:00"  # moved once more: the detail's word is taken
    later = crawl(server.api_url, "-s", "TENDERNED_INCREMENTAL=False", **OPEN)
    assert later.db["notices"].get(300301)["deadline"] == "2021-12-08T12:00:00+01:00"


def test_a_deadline_archived_from_the_list_row_still_follows_the_list_row(snapshot, serve_api, crawl):
    """A notice whose details never named a closing date has its list row's; a row that gives another is taken."""
    notice = by_id(snapshot, 300301)
    notice["list"]["sluitingsDatum"] = "2021-11-15T12:00:00"
    notice["detail"].pop("sluitingsDatum", None)
    server = serve_api(snapshot)
    first = crawl(server.api_url, **OPEN)
    assert first.db["notices"].get(300301)["deadline"] == "2021-11-15T12:00:00+01:00"
    notice["list"]["sluitingsDatum"] = "2021-11-16T12:00:00"
    again = crawl(server.api_url, "-s", "TENDERNED_INCREMENTAL=False", **OPEN)
    assert again.crawl["status"] == "complete", again.errors
    assert again.db["notices"].get(300301)["deadline"] == "2021-11-16T12:00:00+01:00"
