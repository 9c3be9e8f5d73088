"""TenderNed API conformance, round 31: what the thirty earlier rounds left, each by a real crawl of the loopback
API (tenderarchive/apiserver.py) into a real archive. The records are the synthetic snapshot's (SYNTHETIC), edited
into shapes docs/reference/tenderned-api.md allows."""

from __future__ import annotations

import pytest

from tests.conftest import by_id

NOTICE_DAY = {"from_date": "2018-03-13", "until_date": "2018-03-13"}  # contract notice 100101 (TN160417)
DOCUMENTS = "/papi/tenderned-rs-tns/v2/publicaties/100101/documenten"


def test_a_documents_list_not_found_leaves_the_archived_documents_listed(snapshot, serve_api, crawl):
    """§5 documents ``/documenten`` as the notice's documents list; it says nothing of a 404. A 404 is read as "no
    documents list" (not asked every run), and so the notice's archived documents were all marked no longer listed
    (``dropped_since``) and its zip link cleared, by an answer that lists nothing: a notice whose detail still
    answers lost its documents in the archive's eyes. Only a list read whole drops a document: after a 404 the
    archived documents and the zip link stay as they were; the 404 is recorded."""
    server = serve_api(snapshot)
    first = crawl(server.api_url, **NOTICE_DAY)
    assert first.crawl["status"] == "complete", first.errors
    archived = {r["document_id"]: r for r in first.db["documents"].rows_where("publication_id = 100101")}
    assert len(archived) == 2 and {r["dropped_since"] for r in archived.values()} == {None}
    zip_url = first.db["notices"].get(100101)["documents_zip_url"]
    assert zip_url

    server.api.faults[DOCUMENTS] = [{"status": 404, "body": '{"message": "Not Found"}'}]
    second = crawl(server.api_url, "-s", "TENDERNED_INCREMENTAL=False", **NOTICE_DAY)
    assert any(e["url"].endswith(DOCUMENTS) and "HTTP 404" in e["error"] for e in second.errors), second.errors
    rows = {r["document_id"]: r for r in second.db["documents"].rows_where("publication_id = 100101")}
    assert set(rows) == set(archived)
    assert {r["dropped_since"] for r in rows.values()} == {None}
    assert second.db["notices"].get(100101)["documents_zip_url"] == zip_url


OPEN = {"from_date": "2021-10-01", "until_date": "2021-11-20"}  # contract notice 300301 (2021-10-15) listed
NOTICE = "/papi/tenderned-rs-tns/v2/publicaties/300301"


def test_a_detail_cut_off_mid_transfer_is_retried_recorded_and_archived_by_the_next_run(snapshot, serve_api, crawl):
    """A detail whose transfer breaks off: ``Content-Length`` names the whole body, half of it comes, the connection
    closes. It is no answer (not JSON read from half a body): asked again within the retries, then recorded, the
    crawl partial; the notice is archived whole by the next run, nothing of the broken answer kept."""
    server = serve_api(snapshot, faults={NOTICE: [{"truncate": 200}] * 10})
    first = crawl(server.api_url, **OPEN)
    assert first.crawl["status"] == "partial" and first.returncode == 3, first.output
    assert any(e["url"].endswith(NOTICE) for e in first.errors), first.errors
    assert 2 <= server.api.log.count(NOTICE) <= 5  # retried, bounded
    assert 300301 not in {
        r["publication_id"] for r in first.db["notices"].rows}
    server.api.faults[NOTICE].clear()
    second = crawl(server.api_url, **OPEN)
    assert second.crawl["status"] == "complete", second.errors
    assert second.db["notices"].get(300301)["title"]


# contract notice 200201 of TN243310 (published 2020-06-15), closed (2020-09-01) before the re-check margin
CLOSED = {"from_date": "2020-06-15", "until_date": "2020-10-01"}
DETAIL = "/papi/tenderned-rs-tns/v2/publicaties/200201"


@pytest.mark.parametrize("disagreement", ["type", "kenmerk", "ended_early"])
def test_a_list_row_that_keeps_disagreeing_with_its_detail_is_not_fetched_every_crawl(
        snapshot, serve_api, crawl, disagreement):
    """The list row and the detail of one publication may disagree for good (§13: fields differ between endpoints):
    the row lists contract notice 200201 under another notice type, another ``kenmerk``, or as ended early, while its
    detail, which the archive follows (§12: "the authoritative notice type" lives there), keeps saying otherwise.
    Each crawl compared the row with the archived (detail's) value and fetched the notice again: a detail, its
    documents and a log line per crawl, for ever, for an answer that did not change. The archive keeps what the row
    said when the notice was fetched with it (``listed_as``); a row saying that again is no news. A row that changes
    again is."""
    notice = by_id(snapshot, 200201)
    row = notice["list"]
    if disagreement == "type":
        row["typePublicatie"] = {"code": "VBE", "omschrijving": "Vroegtijdige beëindiging"}
    elif disagreement == "kenmerk":
        row["kenmerk"] = 243399
    else:
        row["isVroegtijdigeBeeindiging"] = True
    server = serve_api(snapshot)
    first = crawl(server.api_url, **CLOSED)
    assert first.crawl["status"] == "complete", first.errors
    archived = first.db["notices"].get(200201)
    assert (archived["notice_type"], archived["kenmerk"], archived["is_cancelled"]) == ("AAO", 243310, 0)  # the detail's
    fetched = server.api.log.count(DETAIL)
    for _ in range(2):
        again = crawl(server.api_url, **CLOSED)
        assert again.crawl["status"] == "complete", again.errors
    assert server.api.log.count(DETAIL) == fetched, "fetched again for a disagreement already seen"
    row["kenmerk"], row["typePublicatie"] = 243400, {"code": "AAO", "omschrijving": "Aankondiging opdracht"}
    changed = crawl(server.api_url, **CLOSED)  # the row says something new: fetched again
    assert changed.crawl["status"] == "complete", changed.errors
    assert server.api.log.count(DETAIL) == fetched + 1
