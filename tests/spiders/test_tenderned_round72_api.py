"""TenderNed API conformance, round 72, by real crawls of the loopback API (tenderarchive/apiserver.py, or a
loopback port nothing listens on) into a real archive. The records are SYNTHETIC."""

from __future__ import annotations

import socket

import pytest

DAY = "2021-03-01"


def test_requests_in_flight_when_the_api_host_is_given_up_record_no_error_of_their_own(crawl):
    """A window's list pages all go out at once (the count failed: each query is asked); the API's host refuses every
    connection. The third failure gives the host up (``UNREACHABLE_HOST_FAILURES``), its one error; the requests the
    download slot had started by then failed after it and each recorded a "request failed" line of its own besides
    (seven of them): the crawl's errors listed the host's outage once per request in flight. They are counted as the
    requests skipped are (``unreachable/in_flight``), not recorded: the two failures before the host was given up and
    the host's error are the crawl's errors."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        api = f"http://127.0.0.1:{s.getsockname()[1]}/papi"   # nothing listens here once the socket is closed
    result = crawl(api, "-s", "RETRY_TIMES=0", from_date=DAY, until_date=DAY)
    assert result.crawl["status"] == "failed", result.output[-2000:]
    errors = result.errors
    (host,) = [e for e in errors if " unreachable: " in e["error"]]
    assert "3 requests in a row failed" in host["error"], errors
    failed = [e for e in errors if e is not host]
    assert len(failed) == 2 and all(e["error"].startswith("request failed: ") for e in failed), errors
    assert result.crawl["error_count"] == 3


@pytest.mark.parametrize("changed", [True, False])
def test_an_archived_notice_whose_recheck_failed_is_asked_again_by_the_next_run(snapshot, serve_api, crawl, changed):
    """A contract notice archived, closed; a rectification of its procedure is published later (reference §12.3:
    ``kenmerk`` is per procedure; a rectification changes the original's detail, never its list row), so the crawl
    that lists it asks the original's detail again, and that detail fails (a 500 past its retries: recorded, the crawl
    partial). The next run asked nothing of it: the rectification is archived now (no new publication of the
    procedure), the window listed again finds every notice archived, and the error counted as settled. The original
    stayed as it was before the change, for good. It is asked once more by the next run ("recheck:failed"), and not
    by the run after, which has it (``changed`` False: its detail answered as archived, which leaves the notice's row
    as it was: the fetch index tells the run after that it was answered)."""
    from tests.conftest import by_id, make_publication

    template = by_id(snapshot, 200201)
    contract = make_publication(template, 5001, "2021-03-01", title="Jeugdhulp perceel A", kenmerk=777001)
    contract["detail"]["sluitingsDatum"] = contract["list"]["sluitingsDatum"] = "2021-03-05T12:00:00"
    server = serve_api([contract])
    first = crawl(server.api_url, from_date="2021-03-01", until_date="2021-03-01")
    assert first.crawl["status"] == "complete", first.errors
    assert first.db["notices"].get(5001)["title"] == "Jeugdhulp perceel A"

    rectification = make_publication(template, 5002, "2021-04-01", title="Jeugdhulp perceel A", kenmerk=777001)
    for record in ("list", "detail"):
        rectification[record]["typePublicatie"] = {"code": "REC", "omschrijving": "Rectificatie"}
    rectification["detail"]["aankondigingCode"] = {"code": "REC", "omschrijving": "Rectificatie"}
    server.api.add(rectification)
    if changed:
        contract["detail"]["aanbestedingNaam"] = "Jeugdhulp perceel A (gewijzigd)"
        contract["detail"]["sluitingsDatum"] = "2021-03-12T12:00:00"  # moved, and past: not open
    detail = "/papi/tenderned-rs-tns/v2/publicaties/5001"
    server.api.faults[detail] = [{"status": 500}]
    second = crawl(server.api_url, "-s", "RETRY_TIMES=0", from_date="2021-04-01", until_date="2021-04-01")
    assert second.crawl["status"] == "partial"
    assert [e["url"].split("/v2")[1] for e in second.errors] == ["/publicaties/5001"], second.errors
    assert second.db["notices"].get(5002)["kenmerk"] == 777001

    asked = len(server.api.log)
    third = crawl(server.api_url, from_date="2021-04-02", until_date="2021-04-02")
    assert third.crawl["status"] == "complete", third.errors
    assert detail in server.api.log[asked:]
    notice = third.db["notices"].get(5001)
    if changed:
        assert notice["title"] == "Jeugdhulp perceel A (gewijzigd)" and notice["deadline"].startswith("2021-03-12")
    assert "'tenderned/rechecked_failed': 1" in third.output

    asked = len(server.api.log)
    crawl(server.api_url, from_date="2021-04-03", until_date="2021-04-03")
    assert detail not in server.api.log[asked:]


def test_a_503_with_retry_after_slows_the_whole_site_down(snapshot, serve_api, crawl):
    """A 503 with ``Retry-After`` says how long the service is expected to be unavailable (RFC 9110 §10.2.3): the whole
    API, not the one request. Only a 429 raised the site's download delay; a 503 saying "back in a second" made its own
    request wait, and the crawl went on asking the API at full speed, every detail another 503 (a loopback run of the
    ``all`` profile: thirteen details answered 503 milliseconds apart). With AutoThrottle on, the site's next requests
    wait as after a 429 (Scrapy's slot delay, randomised to 0.5..1.5 of it)."""
    from tenderarchive import TENDERNED_API_PATH

    details = [f"{TENDERNED_API_PATH}/publicaties/{p['list']['publicatieId']}" for p in snapshot]
    server = serve_api(snapshot, faults={path: [{"status": 503, "headers": {"Retry-After": "1"}}] for path in details})
    result = crawl(server.api_url, "--profile", "all", "-s", "AUTOTHROTTLE_ENABLED=True",
                   "-s", "AUTOTHROTTLE_START_DELAY=0", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1")
    assert result.crawl["status"] == "complete", result.errors
    asked: dict[str, float] = {}
    for path, moment in zip(server.api.log, server.api.times):
        if path in details:
            asked.setdefault(path, moment)  # each detail's first ask (its 503)
    first = sorted(asked.values())
    # as in test_middlewares' 429 past the budget: the detail after the first 503 may leave before the middleware
    # has seen that answer; every gap after it follows a 503 the middleware has seen
    gaps = [later - earlier for earlier, later in zip(first[1:], first[2:])]
    assert len(gaps) >= 3 and sum(gaps) >= 0.5 * len(gaps), gaps
    assert "'retry_backoff/site_slowed'" in result.output
