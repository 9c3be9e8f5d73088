"""TenderNed API conformance, round 76, by real crawls of the loopback API (tenderarchive/apiserver.py) into a real
archive: an error object saying 404 or 410 sent with HTTP 200, and the shapes of docs/reference/tenderned-api.md no
test probed yet. The records are SYNTHETIC."""

from __future__ import annotations

import json

import pytest

API = "/papi/tenderned-rs-tns/v2"
OPEN = {"from_date": "2021-10-01", "until_date": "2021-11-20"}  # 300301 is open (deadline 2021-11-15): re-checked


def answer(value) -> dict:
    return {"status": 200, "body": json.dumps(value)}


def gone(path: str, status: int = 404) -> dict:
    """Spring Boot's error object (its DefaultErrorAttributes) saying ``status``, as a gateway that answers every
    request with 200 sends it. SYNTHETIC."""
    return answer({"timestamp": "2026-12-08T01:02:03.456+00:00", "status": status,
                   "error": "Not Found" if status == 404 else "Gone", "message": "Publicatie niet gevonden",
                   "path": path})


@pytest.mark.parametrize("status", [404, 410])
def test_an_archived_notice_whose_recheck_answers_a_404_object_with_200_is_kept_and_recorded_once(
        snapshot, serve_api, crawl, status):
    """300301 is open and re-checked by every crawl; then its detail answers 200 with Spring's error object saying 404
    (or 410): TenderNed saying the publication is gone, through a front that sends every answer with 200. It was
    recorded by every crawl ("item dropped"), every crawl partial until the deadline plus the re-check margin. It is
    the 404 it says: the crawl that meets it records it once (the archived notice kept, never downgraded), the
    crawls after it still ask (it may come back) and only log it."""
    detail = API + "/publicaties/300301"
    server = serve_api(snapshot)
    first = crawl(server.api_url, **OPEN)
    assert first.returncode == 0, first.output
    kept = dict(first.db["notices"].get(300301))
    server.api.faults[detail] = [gone(detail, status)] * 2
    second = crawl(server.api_url, **OPEN)
    assert second.returncode == 3, second.output
    assert [e["url"] for e in second.errors] == [f"{server.api_url}/publicaties/300301"], second.errors
    said = second.errors[0]["error"]
    assert f"HTTP {status}" in said and "sent with HTTP 200" in said and "kept" in said, said
    third = crawl(server.api_url, **OPEN)
    assert not server.api.faults[detail]  # asked again: it may come back
    assert third.returncode == 0 and third.errors == [], third.output
    assert f"publication 300301 still unavailable (HTTP {status}" in third.output
    assert dict(third.db["notices"].get(300301)) == kept
    if status == 404:  # the WARC holds the 200 error object: a reparse (its direct replay) reads it as the crawl did
        from tests.spiders.test_award_pdf_crawl import assert_reparse_gives_the_same

        assert_reparse_gives_the_same(third.db_path)


def test_a_detail_404_object_says_what_was_sent(snapshot, serve_api, crawl):
    """The error recorded says both: the status the object said, and that it came with HTTP 200 (and the server's
    words), so nobody takes the gateway's 200 for TenderNed's answer code."""
    detail = API + "/publicaties/300301"
    server = serve_api(snapshot)
    assert crawl(server.api_url, **OPEN).returncode == 0
    server.api.faults[detail] = [gone(detail)]
    second = crawl(server.api_url, **OPEN)
    assert [e["error"] for e in second.errors] == [
        "request failed: HTTP 404 (said by an error object sent with HTTP 200) 'Not Found: Publicatie niet gevonden'"
        "; no longer published? its archived notice is kept"], second.errors


def test_a_documents_list_answering_a_404_object_with_200_is_recorded_once_and_keeps_the_documents(
        snapshot, serve_api, crawl):
    """An open notice's ``/documenten`` is asked by every re-check. Answered by an error object saying 404 with 200
    it was "documents answer without a 'documenten' list", recorded by every crawl until the deadline. It is the 404
    of the list (§5 documents none for a notice without one): recorded once, the archived documents kept."""
    documents = API + "/publicaties/300301/documenten"
    server = serve_api(snapshot)
    first = crawl(server.api_url, **OPEN)
    assert first.returncode == 0, first.output
    listed = sorted(r["document_id"] for r in first.db["documents"].rows_where("publication_id = 300301"))
    assert listed
    server.api.faults[documents] = [gone(documents)] * 2
    second = crawl(server.api_url, **OPEN)
    assert [(e["url"], e["error"][:69]) for e in second.errors] == [
        (server.api_url + "/publicaties/300301/documenten",
         "request failed: HTTP 404 (said by an error object sent with HTTP 200)")], second.errors
    third = crawl(server.api_url, **OPEN)
    assert not server.api.faults[documents]
    assert third.returncode == 0 and third.errors == [], third.output
    assert "publication 300301 still no documents list (HTTP 404)" in third.output
    assert sorted(r["document_id"] for r in third.db["documents"].rows_where("publication_id = 300301")) == listed


def test_a_gerelateerd_answering_a_410_object_with_200_is_recorded_once(snapshot, serve_api, crawl):
    """800801 awaits its award: every crawl asks its ``/gerelateerd``. An error object saying 410 with 200 was "JSON
    is dict, not a list" by every crawl, each partial for ever; it is the 410 it says, recorded once."""
    related = API + "/publicaties/800801/gerelateerd"
    server = serve_api(snapshot)
    window = {"until_date": "2020-06-30"}
    assert crawl(server.api_url, **window).crawl["status"] == "complete"
    server.api.faults[related] = [gone(related, 410)] * 2
    second = crawl(server.api_url, **window)
    assert second.returncode == 3 and [e["url"] for e in second.errors] == [server.api_url + related[len(API):]]
    third = crawl(server.api_url, **window)
    assert not server.api.faults[related]
    assert third.returncode == 0 and third.errors == [], third.output
    assert "related notices of 800801 still unavailable (HTTP 410)" in third.output


@pytest.mark.parametrize("how", ["HTTP 404", "error object with 200"])
def test_an_archived_notice_gone_in_a_crawl_that_is_not_incremental_is_recorded_once(snapshot, serve_api, crawl, how):
    """``TENDERNED_INCREMENTAL=False`` (a full re-crawl, every detail fetched again): an archived notice whose detail
    answers 404 was recorded by every such crawl, each partial for ever, and said nothing of the archived notice being
    kept: the spider took the notice for one it does not know (its incremental skip list is empty then), while the
    archive has it. It is an archived notice gone (§4): recorded once, "kept", then only logged."""
    detail = API + "/publicaties/300301"
    full = ("-s", "TENDERNED_INCREMENTAL=False")
    server = serve_api(snapshot)
    first = crawl(server.api_url, *full)
    assert first.returncode == 0, first.output
    kept = dict(first.db["notices"].get(300301))
    fault = {"status": 404, "body": '{"message": "Publicatie niet gevonden"}'} if how == "HTTP 404" else gone(detail)
    server.api.faults[detail] = [fault] * 2
    second = crawl(server.api_url, *full)
    assert second.returncode == 3, second.output
    assert [e["url"] for e in second.errors] == [f"{server.api_url}/publicaties/300301"], second.errors
    assert second.errors[0]["error"].endswith("; no longer published? its archived notice is kept"), second.errors
    third = crawl(server.api_url, *full)
    assert not server.api.faults[detail]
    assert third.returncode == 0 and third.errors == [], third.output
    assert "publication 300301 still unavailable (HTTP 404" in third.output
    assert dict(third.db["notices"].get(300301)) == kept


def test_a_related_notice_whose_detail_answers_a_404_object_with_200_is_recorded_once(snapshot, serve_api, crawl):
    """300301's ``/gerelateerd`` lists 300399, whose detail answers 200 with an error object saying 404 (a withdrawn
    notice the list still names). It was "no publication record (related to 300301)" by every crawl, each failed
    or partial for ever (the next asks that /gerelateerd again). It is the 404 it says: recorded once, then only
    logged."""
    related, missing = API + "/publicaties/300301/gerelateerd", API + "/publicaties/300399"
    listing = json.dumps([{"publicatieId": 300301, "kenmerk": 312877}, {"publicatieId": 300399, "kenmerk": 312877},
                          {"publicatieId": 300377, "kenmerk": 312877}])  # SYNTHETIC
    server = serve_api(snapshot, faults={related: [{"status": 200, "body": listing}] * 5, missing: [gone(missing)] * 5})
    first = crawl(server.api_url)
    assert first.returncode == 3, first.output
    assert [(e["url"][len(server.api_url):], e["error"][:24], e["error"][-19:]) for e in first.errors] == [
        ("/publicaties/300399", "request failed: HTTP 404", "(related to 300301)")], first.errors
    again = crawl(server.api_url)
    assert again.returncode == 0 and again.errors == [], again.output
    assert "publication 300399 (related to 300301) still unavailable (HTTP 404)" in again.output
    assert again.db["notices"].get(300377)["title"]
