"""TenderNed API conformance, round 72, by real crawls of the loopback API (tenderarchive/apiserver.py, or a
loopback port nothing listens on) into a real archive. The records are SYNTHETIC."""

from __future__ import annotations

import socket

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
