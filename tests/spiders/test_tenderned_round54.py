"""TenderNed API conformance, round 54, by real crawls of the loopback API (tenderarchive/apiserver.py) into a real
archive: an empty page in the middle of a day's list (reference §3: paging stops on ``last == true`` or
``number + 1 >= totalPages``, not on an empty page). The records are SYNTHETIC."""

from __future__ import annotations

import re

import pytest

from tests.spiders.test_tenderned import _many, list_requests

DAY = "2021-03-01"


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
