"""TenderNed API conformance, round 47, by real crawls of the loopback API (tenderarchive/apiserver.py) into a real
archive: a ``Retry-After`` given as an HTTP date by a server whose clock is not this machine's (reference §2, §10.1:
back off as the server asks). The records are SYNTHETIC."""

from __future__ import annotations

import re
import time
from email.utils import formatdate

BEHIND = "/papi/tenderned-rs-tns/v2/publicaties/200201"
AHEAD = "/papi/tenderned-rs-tns/v2/publicaties/300301"


def test_a_retry_after_http_date_is_read_against_the_servers_own_clock(snapshot, serve_api, crawl):
    """``Retry-After`` as an HTTP date (RFC 9110 §10.2.3) is a moment on the server's clock, whose ``Date`` header
    says what its clock read when it answered. Read against this machine's clock, a server an hour behind (a zone or
    summer-time slip) asking for 5 s gave a date long past: no wait, the 1 s back-off of a 429 without the header; a
    server an hour ahead asking for 1 s gave an hour: the longest wait (``RETRY_AFTER_MAX``). The wait is the date less
    the response's own ``Date``."""
    now = time.time()
    faults = {
        BEHIND: [{"status": 429, "headers": {"Date": formatdate(now - 3600, usegmt=True),
                                             "Retry-After": formatdate(now - 3600 + 5, usegmt=True)}}],
        AHEAD: [{"status": 503, "headers": {"Date": formatdate(now + 3600, usegmt=True),
                                            "Retry-After": formatdate(now + 3600 + 1, usegmt=True)}}],
    }
    server = serve_api(snapshot, faults=faults)
    result = crawl(server.api_url, "-s", "RETRY_AFTER_MAX=8")
    assert result.returncode == 0, result.output
    assert result.db["notices"].get(200201) and result.db["notices"].get(300301)
    waits = {path: [t for p, t in zip(server.api.log, server.api.times) if p == path] for path in (BEHIND, AHEAD)}
    behind, ahead = (later - first for first, later in waits.values())
    assert 4.0 <= behind < 7.5, behind  # asked for 5 s on the server's clock (was 1 s: a date already past)
    assert 0.5 <= ahead < 4.0, ahead  # asked for 1 s (was 8 s: an hour, capped)
    said = re.findall(r"answered (\d+) with Retry-After; waiting ([0-9.]+)s", result.output)
    assert sorted(said) == [("429", "5.0"), ("503", "1.0")], said
