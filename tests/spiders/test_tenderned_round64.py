"""TenderNed API conformance, round 64, by real crawls of the loopback API (tenderarchive/apiserver.py) into a real
archive: an award notice's empty rendering says what came. (Its contract notice on its last re-check while open is
round 65's ``last-recheck`` case, the general rule replacing this round's.) The records are SYNTHETIC."""

from __future__ import annotations

import json

import pytest

API = "/papi/tenderned-rs-tns/v2/publicaties/"


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
