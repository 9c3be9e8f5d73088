"""TenderNed API conformance, round 9: shapes and combinations the earlier rounds left, each by a real crawl of
the loopback API (tenderarchive/apiserver.py) into a real archive. The records are the synthetic snapshot's,
edited into the documented shapes (docs/reference/tenderned-api.md)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import by_id

DETAIL = "/papi/tenderned-rs-tns/v2/publicaties/"
DAY = {"from_date": "2020-06-15", "until_date": "2020-06-15"}  # contract notice 200201; its award 200288 is later


def related_rows(server, publication_id):
    """What the loopback API's /gerelateerd answers for the notice (the array of reference §6)."""
    return server.api.related(server.api.find(str(publication_id)))


def test_a_gerelateerd_in_a_page_envelope_is_read_and_paged(snapshot, serve_api, crawl):
    """/gerelateerd answered in the Spring page envelope every other list of the API has (§3), over two pages: the
    award notice on the second page is fetched ("related to" the contract notice). It was recorded as "JSON is
    dict, not a list" and the award notice, published months after the window, never archived."""
    server = serve_api(snapshot)
    rows = related_rows(server, 200201)
    assert {r["publicatieId"] for r in rows} == {200201, 200288}
    mine = next(r for r in rows if r["publicatieId"] == 200201)
    award = next(r for r in rows if r["publicatieId"] == 200288)
    first = {"content": [mine], "totalElements": 2, "totalPages": 2, "size": 1, "number": 0,
             "numberOfElements": 1, "first": True, "last": False}
    second = {"content": [award], "totalElements": 2, "totalPages": 2, "size": 1, "number": 1,
              "numberOfElements": 1, "first": False, "last": True}
    server.api.faults[f"{DETAIL}200201/gerelateerd"] = [{"status": 200, "body": json.dumps(first)}]
    server.api.faults[f"{DETAIL}200201/gerelateerd?page=1&size=1"] = [{"status": 200, "body": json.dumps(second)}]
    result = crawl(server.api_url, **DAY)
    assert f"{DETAIL}200201/gerelateerd?page=1&size=1" in server.api.log
    archived = result.db["notices"].get(200288)
    assert archived["notice_type"] == "AGO"
    assert result.crawl["status"] == "complete", result.errors


def test_a_gerelateerd_under_the_details_name_is_read(snapshot, serve_api, crawl):
    """An object holding the rows under the detail's own name for them (``gerelateerdePublicaties``, §4)."""
    server = serve_api(snapshot)
    body = {"gerelateerdePublicaties": related_rows(server, 200201)}
    server.api.faults[f"{DETAIL}200201/gerelateerd"] = [{"status": 200, "body": json.dumps(body)}]
    result = crawl(server.api_url, **DAY)
    assert result.db["notices"].get(200288)["notice_type"] == "AGO"
    assert result.crawl["status"] == "complete", result.errors


def test_a_gerelateerd_answered_by_another_object_says_what_came(snapshot, serve_api, crawl):
    """An error object sent with status 200 is no list of related notices: recorded with its keys (it said
    only "JSON is dict"), and the next run asks again and reads the real answer."""
    server = serve_api(snapshot)
    error = {"status": 500, "error": "Internal Server Error", "path": "/gerelateerd"}
    # retried within the crawl (round 75): past its four retries
    server.api.faults[f"{DETAIL}200201/gerelateerd"] = [{"status": 200, "body": json.dumps(error)}] * 5
    first = crawl(server.api_url, **DAY)
    assert first.crawl["status"] == "partial"
    (said,) = [e["error"] for e in first.errors if e["url"].endswith("200201/gerelateerd")]
    assert "an object (error, path, status)" in said and "not a list" in said
    assert not first.db["notices"].count_where("publication_id = 200288")
    again = crawl(server.api_url, **DAY)
    assert again.db["notices"].get(200288)["notice_type"] == "AGO"
    assert again.crawl["status"] == "complete", again.errors


@pytest.mark.parametrize("field, value", [("isGegund", "onbekend"), ("afgerondeAanbesteding", 2),
                                          ("aanvangOpdrachtDatum", "n.v.t.")])
def test_a_value_sent_unreadable_is_recorded_once_not_fetched_by_every_crawl(snapshot, serve_api, crawl, field, value):
    """A detail that sends a yes/no as "onbekend" (or a date as "n.v.t."): the archive keeps the value it had and
    the crawl that met it is partial, naming the field. It was taken for a sparse answer (a value omitted), so
    every later crawl fetched the notice again, met the same, and never settled; asked again, TenderNed sends
    the same, so it is not asked for that (a new notice of the procedure, an open re-check still fetch it)."""
    notice = by_id(snapshot, 600601)  # a closed notice of a procedure of its own
    notice["detail"]["aanvangOpdrachtDatum"] = "2020-06-01T00:00:00"
    server = serve_api(snapshot)
    window = {"from_date": "2020-02-10", "until_date": "2020-12-31"}  # past its deadline and the margin
    first = crawl(server.api_url, **window)
    assert first.returncode == 0, first.errors
    column = {"isGegund": "is_awarded", "afgerondeAanbesteding": "is_completed",
              "aanvangOpdrachtDatum": "start_date"}[field]
    kept = first.db["notices"].get(600601)[column]
    assert kept is not None
    notice["detail"][field] = value
    second = crawl(server.api_url, "-s", "TENDERNED_INCREMENTAL=False", **window)
    assert second.crawl["status"] == "partial"
    assert [e for e in second.errors if f"{field} {value!r}" in e["error"]], second.errors
    assert second.db["notices"].get(600601)[column] == kept
    began = len(server.api.log)
    third = crawl(server.api_url, **window)
    assert f"{DETAIL}600601" not in server.api.log[began:]
    assert third.crawl["status"] == "complete", third.errors


def test_a_list_rows_unreadable_flag_the_detail_overrides_is_no_problem(snapshot, serve_api, crawl):
    """The list row's ``digitaal`` is read only when the detail has no ``isDigitaalInschrijvenMogelijk`` (§3, §4):
    an unreadable one beside the detail's is not recorded (the crawl stays complete)."""
    notice = by_id(snapshot, 600601)
    notice["list"]["digitaal"] = "onbekend"
    notice["detail"]["isDigitaalInschrijvenMogelijk"] = True
    result = crawl(serve_api(snapshot).api_url, from_date="2020-02-10", until_date="2020-02-10")
    assert result.crawl["status"] == "complete", result.errors
    assert result.db["notices"].get(600601)["is_digital"] == 1


@pytest.mark.parametrize("value", ["0001-01-01T00:00:00Z", "0001-01-01T00:00:00.000+00:00", "0001-01-01",
                                   "1900-01-01T00:00:00"])
def test_a_dotnet_default_publication_date_is_no_date(snapshot, serve_api, crawl, value):
    """.NET's ``DateTime.MinValue`` sent in UTC (or as a day): no date, so the notice takes its list row's day
    (§3: the list carries the publication date). It was archived as published on 1 January of year 1 (only the
    naive form, which Amsterdam's zone cannot convert, was refused)."""
    notice = by_id(snapshot, 600601)
    notice["detail"]["publicatieDatum"] = value
    result = crawl(serve_api(snapshot).api_url, from_date="2020-02-10", until_date="2020-02-10")
    row = result.db["notices"].get(600601)
    assert (row["published"], row["year"]) == ("2020-02-10", 2020)
    assert [e for e in result.errors if f"publicatieDatum {value!r}" in e["error"]], result.errors


def test_an_open_notice_sending_a_value_unreadable_is_recorded_by_the_first_crawl_only(snapshot, serve_api, crawl):
    """An open notice is re-checked by every crawl until its deadline (plus the margin): one whose detail sends
    ``isGegund: "onbekend"`` from the start was recorded by each of them, every crawl partial (the cron mail, the
    exit code) for weeks. The crawl that archives it records it; the re-checks that meet the same only log it."""
    notice = by_id(snapshot, 600601)   # deadline 2020-03-23: open for a crawl of 2020-02-10
    notice["detail"]["isGegund"] = "onbekend"
    server = serve_api(snapshot)
    window = {"from_date": "2020-02-10", "until_date": "2020-02-10"}
    first = crawl(server.api_url, **window)
    assert first.crawl["status"] == "partial"
    assert [e for e in first.errors if "isGegund 'onbekend'" in e["error"]], first.errors
    assert json.loads(first.db["notices"].get(600601)["omitted_columns"]) == ["is_awarded (unreadable)"]
    began = len(server.api.log)
    second = crawl(server.api_url, **window)
    assert f"{DETAIL}600601" in server.api.log[began:]  # re-checked: it is open
    assert second.crawl["status"] == "complete", second.errors
    notice["detail"]["isGegund"] = False  # readable again: archived, and the mark goes
    third = crawl(server.api_url, **window)
    row = third.db["notices"].get(600601)
    assert (row["is_awarded"], row["omitted_columns"]) == (0, None)
    assert third.crawl["status"] == "complete", third.errors
