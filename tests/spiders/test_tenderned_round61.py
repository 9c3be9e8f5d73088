"""TenderNed API conformance, round 61, by real crawls of the loopback API (tenderarchive/apiserver.py) into a real
archive: a change only in the archive's bookkeeping of a notice (whether its documents list was read,
``documents_unread``; what its list row said, ``listed_as``; what its documents list left out of a document,
``documents.omitted_columns``) is recorded, but is no change of the notice: no version, not counted
updated (as round 60's ``omitted_columns`` of the notice). The records are SYNTHETIC."""

from __future__ import annotations

import json

from tests.conftest import by_id

OPEN = {"from_date": "2021-10-01", "until_date": "2021-11-20"}  # contract notice 300301 (2021-10-15)
AGAIN = ("-s", "TENDERNED_INCREMENTAL=False")  # a crawl that is not incremental fetches the notice with its row again
API = "/papi/tenderned-rs-tns/v2/publicaties/"


def versions_of(db, table: str, key) -> list[dict]:
    return [v for v in db["versions"].rows_where("table_name = ?", [table]) if str(key) in v["row_key"]]


def same_but(row: dict, before: dict, *columns: str) -> bool:
    return {k: v for k, v in row.items() if k not in columns} == {k: v for k, v in before.items() if k not in columns}


def test_a_documents_list_not_read_and_read_again_is_no_change(snapshot, serve_api, crawl):
    """Contract notice 300301's ``/documenten`` once answers an error object (status 200, no list: reference §5):
    the notice is archived as it was with ``documents_unread`` 1 (the next crawl asks again), and the next crawl reads
    the same list. Neither changes a value a reader sees: no version of the notice, none counted updated (each was)."""
    server = serve_api(snapshot)
    first = crawl(server.api_url, **OPEN)
    assert first.crawl["status"] == "complete", first.errors
    before = first.db["notices"].get(300301)
    documents = list(first.db["documents"].rows_where("publication_id = 300301", order_by="document_id"))
    assert before["documents_unread"] is None and len(documents) == 2

    server.api.faults[f"{API}300301/documenten"].extend(  # retried within the crawl (round 75): past its retries
        [{"status": 200, "body": json.dumps({"status": 500, "error": "Internal Server Error"})}] * 5)
    unread = crawl(server.api_url, *AGAIN, **OPEN)
    assert any("300301" in str(e) for e in unread.errors), unread.errors  # recorded
    row = unread.db["notices"].get(300301)
    assert row["documents_unread"] == 1
    assert unread.crawl["items_updated"] == 0
    assert versions_of(unread.db, "notices", 300301) == []
    assert same_but(row, before, "documents_unread")
    assert list(unread.db["documents"].rows_where("publication_id = 300301", order_by="document_id")) == documents

    read = crawl(server.api_url, **OPEN)  # incremental: asked again for its unread documents
    assert read.crawl["status"] == "complete", read.errors
    assert server.api.log.count(f"{API}300301/documenten") == 1 + 5 + 1
    assert read.crawl["items_updated"] == 0
    assert versions_of(read.db, "notices", 300301) == []
    assert read.db["notices"].get(300301) == before


def test_a_list_row_that_leaves_out_what_its_detail_says_is_no_change(snapshot, serve_api, crawl):
    """Contract notice 300301's list row once leaves out ``isVroegtijdigeBeeindiging`` (§13: fields go missing; the
    detail says the procedure runs, and the notice follows its detail, §4), then gives it again. What the row said is
    recorded (``listed_as``: the spider compares the next row with it), but the notice is unchanged: no version, none
    counted updated (each was)."""
    contract = by_id(snapshot, 300301)
    server = serve_api(snapshot)
    first = crawl(server.api_url, **OPEN)
    assert first.crawl["status"] == "complete", first.errors
    before = first.db["notices"].get(300301)
    assert json.loads(before["listed_as"])["ended_early"] == 0 and before["is_cancelled"] == 0

    flag = contract["list"].pop("isVroegtijdigeBeeindiging")
    missing = crawl(server.api_url, *AGAIN, **OPEN)
    assert missing.crawl["status"] == "complete", missing.errors
    row = missing.db["notices"].get(300301)
    assert json.loads(row["listed_as"])["ended_early"] is None and row["is_cancelled"] == 0
    assert missing.crawl["items_updated"] == 0
    assert versions_of(missing.db, "notices", 300301) == []
    assert same_but(row, before, "listed_as")

    contract["list"]["isVroegtijdigeBeeindiging"] = flag
    whole = crawl(server.api_url, *AGAIN, **OPEN)
    assert whole.crawl["status"] == "complete", whole.errors
    assert whole.crawl["items_updated"] == 0
    assert versions_of(whole.db, "notices", 300301) == []
    assert whole.db["notices"].get(300301) == before


def test_a_document_value_left_out_and_given_again_is_no_change(snapshot, serve_api, crawl):
    """Contract notice 300301's documents list once leaves out a document's ``grootte`` (§13: fields go missing): its
    archived size is kept and the document's ``omitted_columns`` names it; the next list gives it again. The document
    and its notice are unchanged: none counted updated (each was, the document's bookkeeping alone changed)."""
    contract = by_id(snapshot, 300301)
    server = serve_api(snapshot)
    first = crawl(server.api_url, **OPEN)
    assert first.crawl["status"] == "complete", first.errors
    before = first.db["notices"].get(300301)
    document = first.db["documents"].get((300301, "30030101"))
    assert document["size_bytes"] == 127919 and document["omitted_columns"] is None

    size = contract["documenten"]["documenten"][0].pop("grootte")
    sparse = crawl(server.api_url, *AGAIN, **OPEN)
    assert sparse.crawl["status"] == "complete", sparse.errors
    row = sparse.db["documents"].get((300301, "30030101"))
    assert row["size_bytes"] == 127919 and json.loads(row["omitted_columns"]) == ["size_bytes"]
    assert sparse.crawl["items_updated"] == 0
    assert versions_of(sparse.db, "notices", 300301) == []
    assert sparse.db["notices"].get(300301) == before

    contract["documenten"]["documenten"][0]["grootte"] = size
    whole = crawl(server.api_url, *AGAIN, **OPEN)
    assert whole.crawl["status"] == "complete", whole.errors
    assert whole.crawl["items_updated"] == 0
    assert whole.db["documents"].get((300301, "30030101")) == document
    assert whole.db["notices"].get(300301) == before


def test_a_placeholder_year_is_checked_in_amsterdam(snapshot, serve_api, crawl):
    """Contract notice 300301's detail sends its closing date in UTC, ``2089-12-31T23:00:00Z``: 1 January 2090 in
    Amsterdam, the zone TenderNed's dates are given and archived in (§3), so the placeholder year (≥ 2090, "no real
    date": §4, §12.4). It was checked in the date's own zone (2089) and archived as a real closing date in 2090."""
    contract = by_id(snapshot, 300301)
    contract["detail"]["sluitingsDatum"] = "2089-12-31T23:00:00Z"
    server = serve_api(snapshot)
    result = crawl(server.api_url, **OPEN)
    assert result.crawl["status"] == "complete", result.errors
    row = result.db["notices"].get(300301)
    assert (row["deadline"], row["deadline_placeholder"]) == (None, 1)
    assert row["deadline_list"] == "2021-11-15T12:00:00+01:00"  # the list row's own, a real date
