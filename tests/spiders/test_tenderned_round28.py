"""TenderNed API conformance, round 28: what the twenty-seven earlier rounds left, each by a real crawl of the
loopback API (tenderarchive/apiserver.py) into a real archive. The records are the synthetic snapshot's (SYNTHETIC),
edited into shapes docs/reference/tenderned-api.md allows."""

from __future__ import annotations

from tests.conftest import by_id

BOTH = {"from_date": "2020-06-15", "until_date": "2021-01-20"}  # contract notice 200201 and award 200288 of TN243310


def test_an_archived_notice_listed_in_another_procedure_is_fetched_again(snapshot, serve_api, crawl):
    """Both publications of procedure 243310, archived by a first crawl, are listed by the next with ``kenmerk``
    777001 (TenderNed renumbered the procedure: §3, ``kenmerk`` is per procedure). An incremental crawl skipped every
    known notice whose ``publicatiestatus`` had not changed, so the archive kept 243310 for ever. Each is fetched
    again and archived under 777001, the change said in the log."""
    first = crawl(serve_api(snapshot).api_url, **BOTH)
    assert first.crawl["status"] == "complete", first.errors
    for publication_id in (200201, 200288):
        notice = by_id(snapshot, publication_id)
        notice["list"]["kenmerk"] = notice["detail"]["kenmerk"] = 777001
    again = crawl(serve_api(snapshot).api_url, **BOTH)
    assert again.crawl["status"] == "complete", again.errors
    assert {row["publication_id"]: row["kenmerk"] for row in again.db.query(
        "select publication_id, kenmerk from notices where publication_id in (200201, 200288)")} == {
        200201: 777001, 200288: 777001}
    assert "publication 200288: listed in procedure 777001, archived in 243310: fetched again" in again.output
    third = crawl(serve_api(snapshot).api_url, **BOTH)  # the archive follows: nothing to fetch again
    assert "fetched again" not in third.output
