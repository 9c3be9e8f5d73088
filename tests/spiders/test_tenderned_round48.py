"""TenderNed API conformance, round 48, by real crawls of the loopback API (tenderarchive/apiserver.py) into a real
archive: a documents list answered as ``{"documenten": null}`` (reference §5) and a detail whose ``cpvCodes`` or
``nutsCodes`` is null (§4: CPV and NUTS "live only there", §12.2). The records are SYNTHETIC."""

from __future__ import annotations

import json

OPEN = {"from_date": "2021-10-01", "until_date": "2021-11-20"}  # contract notice 300301 (2021-10-15), open to 11-15
DOCUMENTS = "/papi/tenderned-rs-tns/v2/publicaties/{id}/documenten"
NULL = {"status": 200, "body": '{"documenten": null, "links": {}}'}


def test_an_open_notices_null_documents_list_is_recorded_once_not_by_every_re_check(snapshot, serve_api, crawl):
    """Open notice 300301 whose ``/documenten`` answers ``{"documenten": null}`` (its documents on an external
    platform) is re-checked, its documents list with it, by every crawl until its deadline: each null was recorded
    again, every one of those crawls partial (exit 3) for an answer that did not change. Recorded by the first crawl,
    then only logged while the answer is the same; still asked (null is no "no documents": ``documents_unread``), and a
    list that comes later is archived."""
    path = DOCUMENTS.format(id=300301)
    server = serve_api(snapshot, faults={path: [NULL] * 10})
    first = crawl(server.api_url, **OPEN)
    assert first.crawl["status"] == "partial" and first.returncode == 3, first.output
    [error] = first.errors
    assert error["url"].endswith(path) and "'documenten' is null" in error["error"], error
    assert first.db["notices"].get(300301)["documents_unread"] == 1

    asked = server.api.log.count(path)
    second = crawl(server.api_url, **OPEN)
    assert server.api.log.count(path) == asked + 1  # still asked
    assert second.crawl["status"] == "complete" and second.returncode == 0, second.errors
    assert "'documenten' is null, as recorded before" in second.output
    assert second.db["notices"].get(300301)["documents_unread"] == 1

    server.api.faults[path].clear()
    third = crawl(server.api_url, **OPEN)
    assert third.crawl["status"] == "complete", third.errors
    assert third.db["documents"].count_where("publication_id = 300301") == 2
    assert third.db["notices"].get(300301)["documents_unread"] is None


def test_a_closed_notices_one_off_null_documents_list_is_asked_again(snapshot, serve_api, crawl):
    """A closed notice (100101) whose ``/documenten`` answered null once is not taken for one without documents: the
    next crawl asks it again (quietly while it stays null) and archives the list that comes; another broken answer
    after a null is still recorded."""
    path = DOCUMENTS.format(id=100101)
    server = serve_api(snapshot, faults={path: [NULL, NULL, {"status": 200, "body": '{"status": 500}'}]})
    first = crawl(server.api_url)
    assert first.crawl["status"] == "partial", first.errors
    assert first.db["notices"].get(100101)["documents_unread"] == 1
    second = crawl(server.api_url)
    assert server.api.log.count(path) == 2
    assert second.crawl["status"] == "complete", second.errors
    third = crawl(server.api_url)  # another broken answer: recorded
    assert third.crawl["status"] == "partial", third.errors
    assert [e["url"] for e in third.errors] == [f"{server.api_url.split('/papi')[0]}{path}"], third.errors
    fourth = crawl(server.api_url)
    assert server.api.log.count(path) == 4 and fourth.crawl["status"] == "complete", fourth.errors
    assert [d["category"] for d in fourth.db["documents"].rows_where(
        "publication_id = 100101", order_by="document_id")] == ["DOC", "NVI"]


def test_a_detail_without_cpv_or_nuts_codes_is_archived_marked_not_given(snapshot, serve_api, crawl):
    """A detail whose ``cpvCodes`` and ``nutsCodes`` are null (or left out) on its first fetch was archived with no
    codes and nothing to say so: a researcher read it as a notice without codes. ``omitted_columns`` says
    ``"cpv_main (not given)"`` and ``"nuts (not given)"``; a detail that lists none (``[]``) is not marked. A later
    answer with codes archives them and drops the mark."""
    from tests.conftest import by_id, load_publications

    by_id(snapshot, 300301)["detail"]["cpvCodes"] = None
    by_id(snapshot, 300301)["detail"].pop("nutsCodes")
    by_id(snapshot, 200201)["detail"]["nutsCodes"] = []
    server = serve_api(snapshot)
    first = crawl(server.api_url, **OPEN)
    assert first.crawl["status"] == "complete", first.errors
    notice = first.db["notices"].get(300301)
    assert notice["cpv_main"] is None and notice["nuts"] is None
    assert json.loads(notice["omitted_columns"]) == ["cpv_main (not given)", "nuts (not given)"]
    assert first.db["notice_cpv"].count_where("publication_id = 300301") == 0

    none = crawl(server.api_url, db=first.db_path.parent / "none.db")
    assert none.db["notices"].get(200201)["omitted_columns"] is None  # [] lists none

    asked = server.api.log.count("/papi/tenderned-rs-tns/v2/publicaties/300301")
    fresh = by_id(load_publications(), 300301)["detail"]
    by_id(snapshot, 300301)["detail"].update(cpvCodes=fresh["cpvCodes"], nutsCodes=fresh["nutsCodes"])
    again = crawl(server.api_url, **OPEN)  # re-checked as open
    assert server.api.log.count("/papi/tenderned-rs-tns/v2/publicaties/300301") == asked + 1
    notice = again.db["notices"].get(300301)
    assert notice["cpv_main"] == "85311300-5" and notice["nuts"] == "NL324" and notice["omitted_columns"] is None
