"""TenderNed API conformance, round 65, by real crawls of the loopback API (tenderarchive/apiserver.py) into a real
archive: a contract notice's ``/html`` that fails while the notice is still open is recorded and asked again by the
next run, whatever that run's window and schedule (a backfill whose window ended in the past, a weekly run), and a
rendering read clears it. The records are SYNTHETIC."""

from __future__ import annotations

import pytest

API = "/papi/tenderned-rs-tns/v2/publicaties/"
# contract notice 300301 (published 2021-10-15, deadline 2021-11-15, re-checked up to 2021-11-29 with the margin of 14
# days). "backfill": a crawl whose window ended 2021-11-20 (today is years later): open for that window, so its
# failed /html was only logged, "asked again when next re-checked", but no later scheduled run's window re-checks it.
# "weekly": a run up to 2021-11-25 took it for open the next night too, but the next run, a week later, no longer
# re-checks it. "last-recheck" (round 64): a crawl up to 2021-11-29 is the last to take it for open; the next night's
# (up to 2021-11-30) no longer lists nor re-checks it.
RUNS = {"last-recheck": ({"from_date": "2021-10-01", "until_date": "2021-11-29"},
                         {"from_date": "2021-11-25", "until_date": "2021-11-30"}),
        "backfill": ({"from_date": "2021-10-01", "until_date": "2021-11-20"},
                     {"from_date": "2022-01-01", "until_date": "2022-01-07"}),
        "weekly": ({"from_date": "2021-10-01", "until_date": "2021-11-25"},
                   {"from_date": "2021-11-26", "until_date": "2021-12-02"})}


@pytest.mark.parametrize("runs", RUNS.values(), ids=RUNS.keys())
@pytest.mark.parametrize("faults", [[{"status": 500}] * 5,  # past its retries
                                    [{"status": 200, "body": '{"html": ""}'}]], ids=["500", "empty"])
def test_an_open_contract_notices_failed_rendering_is_asked_again_by_the_next_run(
        snapshot, serve_api, crawl, runs, faults):
    """Reference §6 (``/html`` gives ``{"html": "<table>…"}``; tenderned-awards.md §2.1: an empty ``html`` is a
    malformed answer): an open contract notice's failed ``/html`` was only logged (the crawl complete, exit 0), on the
    ground that the next night's run re-checks the notice while open. A backfill (``--until-date`` in the past) or a
    run less often than nightly has no such next run: the notice's lots and estimated values were never read,
    silently. Now every such failure is recorded (the crawl partial, exit 3) and the next run, whose window no longer
    re-checks the notice, asks exactly that ``/html`` again and reads it; the run after asks it no more."""
    first_run, next_run = runs
    server = serve_api(snapshot, faults={f"{API}300301/html": faults})
    first = crawl(server.api_url, **first_run)
    assert first.crawl["status"] == "partial", first.errors
    assert first.returncode == 3
    assert [e["url"].split("/v2")[1] for e in first.errors] == ["/publicaties/300301/html"]
    assert list(first.db["notice_results"].rows_where("publication_id = 300301")) == []

    asked = server.api.log.count(f"{API}300301/html")
    second = crawl(server.api_url, **next_run)
    assert second.crawl["status"] == "complete", second.errors
    assert server.api.log.count(f"{API}300301/html") == asked + 1
    [row] = second.db["notice_results"].rows_where("publication_id = 300301")
    assert row["layout"] == "eforms"

    third = crawl(server.api_url, **next_run)  # read: cleared from the retry list
    assert third.crawl["status"] == "complete", third.errors
    assert server.api.log.count(f"{API}300301/html") == asked + 1
