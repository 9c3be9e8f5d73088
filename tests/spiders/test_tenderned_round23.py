"""TenderNed API conformance, round 23: what the twenty-two earlier rounds left, each by a real crawl of the
loopback API (tenderarchive/apiserver.py) into a real archive. The records are the synthetic snapshot's (SYNTHETIC),
edited into shapes docs/reference/tenderned-api.md allows."""

from __future__ import annotations

import json

from tests.conftest import by_id

DETAIL = "/papi/tenderned-rs-tns/v2/publicaties/"
NOTICE_DAY = {"from_date": "2020-06-15", "until_date": "2020-06-15"}  # contract notice 200201; award 200288 is later


def test_a_related_notice_whose_detail_leaves_its_date_out_is_dated_by_its_gerelateerd_row(snapshot, serve_api, crawl):
    """Award notice 200288 is found through its contract notice's /gerelateerd (§6: every row gives its
    ``publicatieDatum``), so it has no list row; its detail leaves the date out (fields go missing, §13). It was
    dropped ("no readable publicatieDatum (nor has its list row)") by every crawl, each partial, the procedure's
    winners never archived. The /gerelateerd row's date stands in, as a list row's does for a listed notice."""
    server = serve_api(snapshot)
    rows = server.api.related(server.api.find("200201"))  # as the API lists the procedure, the award's date given
    assert next(r for r in rows if r["publicatieId"] == 200288)["publicatieDatum"] == "2021-01-20T11:00:00"
    del by_id(snapshot, 200288)["detail"]["publicatieDatum"]
    server.api.faults[f"{DETAIL}200201/gerelateerd"] = [{"status": 200, "body": json.dumps(rows)}]
    result = crawl(server.api_url, **NOTICE_DAY)
    assert result.crawl["status"] == "complete", result.errors
    award = result.db["notices"].get(200288)
    assert (award["published"], award["published_at"], award["notice_type"]) == (
        "2021-01-20", "2021-01-20T11:00:00+01:00", "AGO")


def test_a_related_notice_dated_nowhere_is_still_dropped_saying_where_it_looked(snapshot, serve_api, crawl):
    """Neither its detail nor its /gerelateerd row dates it: dropped as before, the error naming the row it had."""
    server = serve_api(snapshot)
    del by_id(snapshot, 200288)["detail"]["publicatieDatum"]  # the loopback API's row then gives none either
    result = crawl(server.api_url, **NOTICE_DAY)
    assert result.crawl["status"] == "partial"
    assert [e["error"] for e in result.errors if "200288" in e["error"]] == [
        "item dropped: publication 200288: detail record has no readable publicatieDatum (nor has its "
        "/gerelateerd row) (related to 200201)"]
