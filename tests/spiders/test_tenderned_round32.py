"""TenderNed API conformance, round 32: what the thirty-one earlier rounds left, each by a real crawl of the loopback
API (tenderarchive/apiserver.py) into a real archive. The records are the synthetic snapshot's (SYNTHETIC), edited
into shapes docs/reference/tenderned-api.md allows."""

from __future__ import annotations

NOTICE_DAY = {"from_date": "2018-03-13", "until_date": "2018-03-13"}  # contract notice 100101 (TN160417)
DOCUMENTS = "/papi/tenderned-rs-tns/v2/publicaties/100101/documenten"


def test_a_documents_answer_of_no_content_leaves_the_archived_documents_listed(snapshot, serve_api, crawl):
    """§5 documents ``/documenten`` as ``{documenten: […]}``, a list read whole. A 204 No Content (RFC 9110 §15.3.5)
    has no body, so no list: like a 404 it is "no documents list there" (asked once, not retried, the crawl complete),
    not a list naming nothing. Read as an empty list, it marked every archived document of a notice whose detail
    still answers no longer listed (``dropped_since``) and cleared its zip link. After a 204 the archived documents
    and the zip link stay as they were."""
    server = serve_api(snapshot)
    first = crawl(server.api_url, **NOTICE_DAY)
    assert first.crawl["status"] == "complete", first.errors
    archived = {r["document_id"] for r in first.db["documents"].rows_where("publication_id = 100101")}
    assert len(archived) == 2
    zip_url = first.db["notices"].get(100101)["documents_zip_url"]
    assert zip_url

    server.api.faults[DOCUMENTS] = [{"status": 204, "body": ""}] * 10
    second = crawl(server.api_url, "-s", "TENDERNED_INCREMENTAL=False", **NOTICE_DAY)
    assert second.crawl["status"] == "complete", second.errors
    assert server.api.log.count(DOCUMENTS) == 2  # once per crawl: not retried
    rows = list(second.db["documents"].rows_where("publication_id = 100101"))
    assert {r["document_id"] for r in rows} == archived
    assert {r["dropped_since"] for r in rows} == {None}
    notice = second.db["notices"].get(100101)
    assert notice["documents_zip_url"] == zip_url and notice["documents_unread"] is None
