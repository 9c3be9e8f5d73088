"""TenderNed API conformance, round 44, by real crawls of the loopback API (tenderarchive/apiserver.py) into a real
archive: a closed contract notice's ``/html`` (reference §6: its lots and estimated values) that failed in a partial
crawl, and what the next incremental run lists again for it. The records are SYNTHETIC."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.conftest import by_id

HTML = "/papi/tenderned-rs-tns/v2/publicaties/{}/html"

DECEMBER = {"from_date": "2021-12-01", "until_date": "2021-12-31"}  # 300301 (published in October) not listed
CLOSED = {"from_date": "2021-10-01", "until_date": "2021-12-31"}  # 300301 listed, past its deadline and the margin


def list_starts(log: list[str]) -> set[str]:
    """The ``publicatieDatumVanaf`` of every list request in the server's log."""
    return {start for path in log if urlsplit(path).path.endswith("/publicaties")
            for start in parse_qs(urlsplit(path).query).get("publicatieDatumVanaf", [])}


def test_a_closed_contract_notices_failed_html_is_asked_again_without_listing_the_partial_crawls_window_again(
        snapshot, serve_api, crawl):
    """A closed contract notice's ``/html`` that failed (recorded, the crawl partial) is asked again by the next run
    through its own re-check (``html_retry``): listing the partial crawl's window again asks no archived notice's
    ``/html``. Its error counted as unsettled, so every incremental run after it listed again from the start of that
    crawl's window (a backfill's years of list requests) until a crawl completed. The next incremental run lists
    from the last complete crawl's end (less the overlap), asks the ``/html`` again, reads it and completes."""
    from tests.spiders.test_tenderned_round34 import contract_rendering

    by_id(snapshot, 300301)["html"] = contract_rendering()
    server = serve_api(snapshot)
    assert crawl(server.api_url, **DECEMBER).crawl["status"] == "complete"
    server.api.faults[HTML.format(300301)] = [{"status": 500}] * 5  # the request and its 4 retries
    first = crawl(server.api_url, **CLOSED)
    assert first.crawl["status"] == "partial", first.output[-3000:]
    assert [e["url"].rsplit("/", 2)[-2:] for e in first.errors] == [["300301", "html"]], first.errors

    server.api.log.clear()
    second = crawl(server.api_url, from_date=None, until_date="2021-12-31")
    assert second.crawl["status"] == "complete", second.errors
    starts = list_starts(server.api.log)
    assert starts and min(starts) == "2021-12-28", sorted(starts)  # 2021-12-31 less TENDERNED_OVERLAP_DAYS
    assert [path for path in server.api.log if path.endswith("/300301/html")] == [HTML.format(300301)]
    read = second.db["notice_results"].get(300301)
    assert (read["layout"], read["lot_count"]) == ("eforms", 3)


AWARD = {"from_date": "2022-10-15", "until_date": "2022-10-31"}  # award notice 300377 (published 2022-10-21) listed


@pytest.mark.parametrize("answer", [{"status": 500}, "login"], ids=["http-500", "login-page"])
def test_an_award_notices_html_given_up_stays_given_up_after_a_complete_crawl(snapshot, serve_api, crawl, answer):
    """An award notice whose ``/html`` never answers a rendering (an HTTP 500 past its retries, or a login page with
    HTTP 200) is recorded by ``TENDERNED_HTML_ATTEMPTS`` (3) crawls and then given up: its re-check (an award notice's
    unread rendering is asked every run) only logs a failure, and the crawls complete. A 500 was recorded by every
    crawl, for ever (each partial, each incremental window held back); and the count was of the crawls since the
    last complete one, so the first complete crawl started it again: three more partial crawls, then one complete,
    over and over. Counted since the rendering was last read, the notice stays given up."""
    from tests.spiders.test_tenderned_round34 import LOGIN

    server = serve_api(snapshot)
    server.api.faults[HTML.format(300377)] = [LOGIN if answer == "login" else answer] * 200
    statuses = []
    for _ in range(5):
        done = crawl(server.api_url, **AWARD)
        statuses.append(done.crawl["status"])
    assert statuses == ["partial"] * 3 + ["complete"] * 2, done.errors
    assert "publication 300377: /html failed in 3 crawls; given up" in done.output, done.output[-3000:]
    assert [path for path in server.api.log if path.endswith("/300377/html")], "the re-check asks it still"


CLOSED_CONTRACT = {"from_date": "2021-10-01", "until_date": "2021-12-31"}  # 300301 listed, past its deadline


def test_a_closed_contract_notices_html_given_up_is_only_logged_when_its_detail_is_fetched_again(
        snapshot, serve_api, crawl):
    """A closed contract notice whose ``/html`` was given up (recorded ``TENDERNED_HTML_ATTEMPTS`` times: a login page
    every time) and whose detail is fetched again for another reason (its list row now gives another
    ``publicatiestatus``: reference §3) has its ``/html`` asked once more, its rendering never read; a login page
    again was recorded once more, the crawl partial for a rendering given up. Only logged now: the crawl completes."""
    from tests.spiders.test_tenderned_round34 import LOGIN

    server = serve_api(snapshot)
    server.api.faults[HTML.format(300301)] = [LOGIN] * 20
    statuses = [crawl(server.api_url, **CLOSED_CONTRACT).crawl["status"] for _ in range(4)]
    assert statuses == ["partial"] * 3 + ["complete"]
    by_id(snapshot, 300301)["list"]["publicatiestatus"] = {"code": "ING", "omschrijving": "Ingetrokken"}
    last = crawl(server.api_url, **CLOSED_CONTRACT)
    assert last.db["notices"].get(300301)["publication_status"] == "ING"  # its detail fetched again, with the row
    assert [path for path in server.api.log if path.endswith("/300301/html")] == [HTML.format(300301)] * 4
    assert last.crawl["status"] == "complete", last.errors
