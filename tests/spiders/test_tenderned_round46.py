"""TenderNed API conformance, round 46, by real crawls of the loopback API (tenderarchive/apiserver.py) into a real
archive: what an open notice's re-check meets again (reference §5: ``/documenten``; §12: re-checked until its
deadline). The records are SYNTHETIC."""

from __future__ import annotations

import pytest

OPEN = {"from_date": "2021-10-01", "until_date": "2021-11-20"}  # contract notice 300301 (2021-10-15), open to 11-15
DOCUMENTS = "/papi/tenderned-rs-tns/v2/publicaties/300301/documenten"


def test_an_open_notices_documents_list_not_found_is_recorded_once_not_by_every_re_check(snapshot, serve_api, crawl):
    """An open notice whose ``/documenten`` answers 404 (no documents list there: the notice's documents live on an
    external platform, or TenderNed withdrew the list) is recorded by the first crawl that meets it. The notice is
    re-checked by every crawl until its deadline (its detail and ``/documenten`` asked again); each 404 was recorded
    again, so every one of those crawls ended partial (exit 3), for weeks (years for an open-ended notice), for an
    answer that did not change. Now only logged, as a withdrawn notice's detail or ``/gerelateerd`` is; still asked,
    and the archived documents kept."""
    server = serve_api(snapshot, faults={DOCUMENTS: [{"status": 404, "body": '{"message": "Not Found"}'}] * 10})
    first = crawl(server.api_url, **OPEN)
    assert first.crawl["status"] == "partial" and first.returncode == 3, first.output
    assert [e["url"] for e in first.errors] == [f"{server.api_url.split('/papi')[0]}{DOCUMENTS}"], first.errors
    assert first.db["notices"].get(300301)["documents_unread"] is None

    asked = server.api.log.count(DOCUMENTS)
    second = crawl(server.api_url, **OPEN)  # incremental: 300301 is re-checked as open (deadline 2021-11-15)
    assert server.api.log.count(DOCUMENTS) == asked + 1  # still asked
    assert second.crawl["status"] == "complete" and second.returncode == 0, second.errors
    assert "still no documents list" in second.output

    # a notice whose /documenten answered 404 before and now answers again lists its documents
    server.api.faults[DOCUMENTS].clear()
    third = crawl(server.api_url, **OPEN)
    assert third.crawl["status"] == "complete", third.errors
    assert third.db["documents"].count_where("publication_id = 300301") == 2


def test_a_documents_list_that_fails_otherwise_on_a_re_check_is_still_recorded(snapshot, serve_api, crawl):
    """Only a 404 or 410 recorded before is only logged: a 500 past its retries on the re-check of a notice whose
    ``/documenten`` answered 404 before is recorded (the notice is fetched again next run: ``documents_unread``)."""
    server = serve_api(snapshot, faults={DOCUMENTS: [{"status": 404, "body": '{"message": "Not Found"}'}]})
    first = crawl(server.api_url, **OPEN)
    assert first.crawl["status"] == "partial", first.errors
    server.api.faults[DOCUMENTS] = [{"status": 500}] * 10
    second = crawl(server.api_url, **OPEN)
    assert second.crawl["status"] == "partial", second.errors
    assert any(e["url"].endswith(DOCUMENTS) and "HTTP 500" in e["error"] for e in second.errors), second.errors
    assert second.db["notices"].get(300301)["documents_unread"] == 1


NOTICE = "/papi/tenderned-rs-tns/v2/publicaties/300301"


@pytest.mark.parametrize("record, flag", [("detail", "isVroegtijdigBeeindigd"), ("list", "isVroegtijdigeBeeindiging")])
def test_an_open_notice_ended_early_is_not_re_checked_until_its_deadline(snapshot, serve_api, crawl, record, flag):
    """Contract notice 300301 (deadline 2021-11-15) whose detail says the procedure ended early
    (``isVroegtijdigBeeindigd: true``, §4; TenderNed keeps the closing date it announced) was re-checked as open by every
    crawl until that deadline plus the margin: its detail, ``/documenten`` and ``/gerelateerd`` asked again each run
    for a procedure that is over (a placeholder deadline's re-check already stopped so: ``open_ended_until``). It is
    not re-checked; the same notice still running is (the same crawls with the flag false). Likewise one whose list row
    says so (``isVroegtijdigeBeeindiging``, §3) where its detail has no flag. With the detail's flag, its row agrees
    (round 52: a row saying it runs, or none, leaves the detail to decide, so such a notice is re-checked while open:
    a reinstatement shows in its detail alone, tests/spiders/test_tenderned_round52.py)."""
    from tests.conftest import by_id

    if record == "list":
        by_id(snapshot, 300301)["detail"].pop("isVroegtijdigBeeindigd")
    else:
        by_id(snapshot, 300301)["list"]["isVroegtijdigeBeeindiging"] = True
    by_id(snapshot, 300301)[record][flag] = True
    server = serve_api(snapshot)
    first = crawl(server.api_url, **OPEN)
    assert first.crawl["status"] == "complete", first.errors
    assert first.db["notices"].get(300301)["is_cancelled"] == 1
    asked = server.api.log.count(NOTICE)
    second = crawl(server.api_url, **OPEN)
    assert second.crawl["status"] == "complete", second.errors
    assert server.api.log.count(NOTICE) == asked  # not re-checked

    by_id(snapshot, 300301)[record][flag] = False  # the same notice running: re-checked
    by_id(snapshot, 300301)["list"]["isVroegtijdigeBeeindiging"] = False
    running = serve_api(snapshot)
    crawl(running.api_url, **OPEN, db=first.db_path.parent / "running.db")
    asked = running.api.log.count(NOTICE)
    again = crawl(running.api_url, **OPEN, db=first.db_path.parent / "running.db")
    assert again.crawl["status"] == "complete", again.errors
    assert running.api.log.count(NOTICE) == asked + 1


def test_an_open_notices_unreadable_document_value_is_recorded_once_not_by_every_re_check(snapshot, serve_api, crawl):
    """A document of open notice 300301 listed with a size that is no number of bytes (``grootte: "1,2 MB"``; §5 gives
    its form nowhere) is archived without it and recorded by the first crawl that meets it. The notice is re-checked,
    its ``/documenten`` with it, by every crawl until its deadline, and the same value was recorded again each time:
    every one of those crawls partial for an answer that did not change (the detail's own unreadable values were
    recorded once already). Only logged when the list says again what a crawl recorded; another value is recorded."""
    from tests.conftest import by_id

    document = by_id(snapshot, 300301)["documenten"]["documenten"][0]
    document["grootte"] = "1,2 MB"
    server = serve_api(snapshot)
    first = crawl(server.api_url, **OPEN)
    assert first.crawl["status"] == "partial", first.errors
    assert [e["error"] for e in first.errors] == [
        f"publication 300301: document {document['documentId']}: grootte '1,2 MB' is not a number of bytes; "
        "archived without it"]
    asked = server.api.log.count(DOCUMENTS)
    second = crawl(server.api_url, **OPEN)
    assert server.api.log.count(DOCUMENTS) == asked + 1  # re-checked as open
    assert second.crawl["status"] == "complete" and second.returncode == 0, second.errors
    assert "grootte '1,2 MB' is not a number of bytes, as recorded before" in second.output

    document["grootte"] = "1,3 MB"  # another unreadable value: recorded
    third = crawl(server.api_url, **OPEN)
    assert third.crawl["status"] == "partial", third.errors
    assert [e["error"] for e in third.errors] == [
        f"publication 300301: document {document['documentId']}: grootte '1,3 MB' is not a number of bytes; "
        "archived without it"]
