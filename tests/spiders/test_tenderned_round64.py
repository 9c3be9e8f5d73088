"""TenderNed API conformance, round 64, by real crawls of the loopback API (tenderarchive/apiserver.py) into a real
archive: a contract notice's ``/html`` that fails (a 500 past its retries, an empty rendering ``{"html": ""}``) on the
notice's last re-check while open is recorded and asked again next run. The records are SYNTHETIC."""

from __future__ import annotations

import json

import pytest

API = "/papi/tenderned-rs-tns/v2/publicaties/"
# contract notice 300301 (published 2021-10-15, deadline 2021-11-15): with the re-check margin of 14 days, a crawl up
# to 2021-11-29 is the last to take it for open; the next night's (up to 2021-11-30) no longer re-checks it
LAST_RECHECK = {"from_date": "2021-10-01", "until_date": "2021-11-29"}
NEXT_NIGHT = {"from_date": "2021-11-25", "until_date": "2021-11-30"}  # its window no longer lists the notice


@pytest.mark.parametrize("faults", [[{"status": 500}] * 5,  # past its retries
                                    [{"status": 200, "body": '{"html": ""}'}]], ids=["500", "empty"])
def test_a_failed_rendering_on_the_last_recheck_is_asked_again(snapshot, serve_api, crawl, faults):
    """Reference §6 (``/html`` gives ``{"html": "<table>…"}``; tenderned-awards.md §2.1: an empty ``html`` is a
    malformed answer, not "no rendering"): an open contract notice's failed ``/html`` is only logged because the next
    run re-checks the notice while open and asks it again. On its last re-check (deadline plus the margin reached) the
    next run re-checks it no more: the failure was logged, the crawl complete (exit 0), and the notice's lots and
    estimated values never read, silently. Now that failure is recorded (the crawl partial, exit 3) and the next night's
    crawl, whose window no longer lists the notice, asks exactly that ``/html`` again and reads it."""
    server = serve_api(snapshot, faults={f"{API}300301/html": faults})
    first = crawl(server.api_url, **LAST_RECHECK)
    assert first.crawl["status"] == "partial"
    assert first.returncode == 3
    assert [e["url"].split("/v2")[1] for e in first.errors] == ["/publicaties/300301/html"]
    assert list(first.db["notice_results"].rows_where("publication_id = 300301")) == []

    asked = server.api.log.count(f"{API}300301/html")
    second = crawl(server.api_url, **NEXT_NIGHT)
    assert second.crawl["status"] == "complete", second.errors
    assert server.api.log.count(f"{API}300301/html") == asked + 1
    [row] = second.db["notice_results"].rows_where("publication_id = 300301")
    assert row["layout"] == "eforms"


@pytest.mark.parametrize("rendering, said", [("", "empty"), (" \n\t ", "only whitespace")])
def test_an_award_notices_empty_rendering_says_what_came(snapshot, serve_api, crawl, rendering, said):
    """Award notice 300377's ``/html`` answers the envelope with its rendering empty (or only whitespace): a broken
    answer (tenderned-awards.md §2.1), recorded and asked again, and the archive said "envelope has no html", as if the
    key were missing. Now the crawl's error and the notice's ``notice_results.problems`` say what came; the next run,
    whose window no longer lists the notice, reads the rendering."""
    body = json.dumps({"html": rendering})
    server = serve_api(snapshot, faults={f"{API}300377/html": [{"status": 200, "body": body}]})
    first = crawl(server.api_url, from_date="2022-10-15", until_date="2022-10-25")  # 300377 published 2022-10-21
    assert first.crawl["status"] == "partial"
    assert [e["error"] for e in first.errors if e["url"].endswith("/300377/html")] == [
        f"/html of the award notice unreadable (envelope's html is {said}); asked again next run"]
    [row] = first.db["notice_results"].rows_where("publication_id = 300377")
    assert (row["layout"], json.loads(row["problems"])) == ("unknown", [f"envelope's html is {said}"])

    second = crawl(server.api_url, from_date="2022-10-26", until_date="2022-10-27")
    assert second.crawl["status"] == "complete", second.errors
    [row] = second.db["notice_results"].rows_where("publication_id = 300377")
    assert row["layout"] == "eforms" and row["award_count"] > 0
