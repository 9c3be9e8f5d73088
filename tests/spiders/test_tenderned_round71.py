"""TenderNed API conformance, round 71, by real crawls of the loopback API (tenderarchive/apiserver.py) into a real
archive: a first list page of no rows whose envelope counts some (reference §3: the page envelope; an empty page is
asked once more before it is believed, as an empty answer and an empty later page are). The records are SYNTHETIC."""

from __future__ import annotations

from tests.spiders.test_tenderned import _many, list_requests

DAY = "2021-03-01"


def test_an_empty_first_page_that_counts_rows_is_asked_once_more(snapshot, serve_api, crawl):
    """One past day of 3 publications, one page: its page 0 answers once with ``content: []`` while its envelope says
    ``totalElements: 3`` (a replica behind, a cache). It was believed: the day a shortfall ("fetched 0 of 3"), the
    crawl partial and its notices not fetched. Asked once more, as an answer of "nothing" is, the day is listed whole
    and the crawl is complete."""
    emptied = []

    def envelope(page, params):
        if page["number"] == 0 and not emptied:
            emptied.append(page["number"])
            return {**page, "content": [], "numberOfElements": 0}
        return page

    server = serve_api(_many(snapshot, days=1, per_day=3), envelope=envelope)
    result = crawl(server.api_url, "--profile", "all", from_date=DAY, until_date=DAY)
    assert result.crawl["status"] == "complete", result.errors
    assert result.db["notices"].count == 3
    assert len(list_requests(server.api)) == 2
    assert "(an empty first page of 3 rows)" in result.output


def test_a_first_page_that_stays_empty_is_a_shortfall_after_one_more_ask(snapshot, serve_api, crawl):
    """The same empty first page every time: asked twice, then recorded as the day's shortfall, as before."""

    def envelope(page, params):
        return {**page, "content": [], "numberOfElements": 0}

    server = serve_api(_many(snapshot, days=1, per_day=3), envelope=envelope)
    result = crawl(server.api_url, "--profile", "all", from_date=DAY, until_date=DAY)
    assert result.db["notices"].count == 0
    assert len(list_requests(server.api)) == 2
    assert [e["error"] for e in result.errors] == [f"shortfall: all {DAY}..{DAY}: fetched 0 of 3 rows"]
