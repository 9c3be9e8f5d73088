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


def test_a_past_day_whose_list_shrinks_while_it_is_paged_is_listed_again_not_left_short(snapshot, serve_api, crawl):
    """A past day of 13 notices paged 5 at a time; after page 0 is read a notice of it is withdrawn from the day's
    list (its row now dated the day before; its detail still answers). Every row after it moves up a place, so the
    row at the next page boundary is never listed and no row repeats; the later pages' ``totalElements`` fell to 12
    (reference §3, §12: the list changes while it is read). The day was recorded short ("fetched 12 of 13"), the
    crawl partial, and the notice still listed on that day not archived until the next run. The day is listed once
    more, and its rows are all archived."""
    from tests.spiders.test_tenderned import _many

    publications = _many(snapshot, days=1, per_day=13)
    withdrawn = []

    def withdraw_after_page_0(page, params):  # the envelope of every list page, as the API sends it
        if params.get("page") == ["0"] and not withdrawn:
            row = next(p["list"] for p in publications if p["list"]["publicatieId"] == page["content"][2]["publicatieId"])
            row["publicatieDatum"] = "2021-02-28"
            withdrawn.append(row["publicatieId"])
        return page

    server = serve_api(publications, max_size=5, envelope=withdraw_after_page_0)
    result = crawl(server.api_url, "--profile", "all", "-s", "TENDERNED_PAGE_SIZE=5",
                   from_date="2021-03-01", until_date="2021-03-01")
    assert result.crawl["status"] == "complete", result.errors
    assert result.returncode == 0
    assert result.db["notices"].count == 13  # the 12 still listed on the day, and the one listed before it went
    assert "totalElements fell from 13 to 12" in result.output
    assert sum("page=0&" in p for p in server.api.log if "/publicaties?" in p) == 2  # the day listed once more
