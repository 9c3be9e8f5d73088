"""TenderNed API conformance, round 63, by real crawls of the loopback API (tenderarchive/apiserver.py) into a real
archive: CPV codes sent as plain strings (reference §4) say not which code is the main one, so they keep the archived
main code; a contract notice TenderNed has no rendering of (its ``/html`` answers 404) is read, of nothing, once. The
records are SYNTHETIC."""

from __future__ import annotations

from tests.conftest import by_id

OPEN = {"from_date": "2021-10-01", "until_date": "2021-11-20"}  # contract notice 300301 (2021-10-15)
AGAIN = ("-s", "TENDERNED_INCREMENTAL=False")  # a crawl that is not incremental fetches the notice with its row again
API = "/papi/tenderned-rs-tns/v2/publicaties/"


def versions_of(db, table: str, key) -> list[dict]:
    return [v for v in db["versions"].rows_where("table_name = ?", [table]) if str(key) in v["row_key"]]


def main_flags(db, publication_id: int) -> dict:
    return {r["cpv"]: r["is_main"] for r in db["notice_cpv"].rows_where("publication_id = ?", [publication_id])}


def test_codes_sent_plain_keep_the_main_code(snapshot, serve_api, crawl):
    """Contract notice 300301's detail names ``85311300-5`` its main code (``isHoofdOpdracht: true``) beside
    ``85121270-6``; then the same codes as plain strings (reference §4: codes "sometimes plain strings"), the main one
    second. A plain code says not whether it is the main one; it was read as "not main": ``notice_cpv.is_main``
    flipped to 0, the notice's main code became the first code sent, and the notice counted "updated" at every such
    crawl. Now an unknown flag keeps the archived one: no change, no version; a flag said again changes nothing; a
    main code that does move (said so) still counts."""
    contract = by_id(snapshot, 300301)
    server = serve_api(snapshot)
    first = crawl(server.api_url, **OPEN)
    assert first.crawl["status"] == "complete", first.errors
    before = first.db["notices"].get(300301)
    assert main_flags(first.db, 300301) == {"85311300-5": 1, "85121270-6": 0}
    assert before["cpv_main"] == "85311300-5"

    contract["detail"]["cpvCodes"] = ["85121270-6", "85311300-5"]
    plain = crawl(server.api_url, *AGAIN, **OPEN)
    assert plain.crawl["status"] == "complete", plain.errors
    assert main_flags(plain.db, 300301) == {"85311300-5": 1, "85121270-6": 0}
    row = plain.db["notices"].get(300301)
    assert (row["cpv_main"], row["cpv_main_label"]) == ("85311300-5", before["cpv_main_label"])
    assert plain.crawl["items_updated"] == 0
    assert versions_of(plain.db, "notices", 300301) == []

    contract["detail"]["cpvCodes"] = [{"code": "85311300-5", "omschrijving": "Welzijnszorg voor kinderen en jongeren",
                                       "isHoofdOpdracht": True}, {"code": "85121270-6"}]  # the second's flag left out
    said = crawl(server.api_url, *AGAIN, **OPEN)
    assert said.crawl["status"] == "complete", said.errors
    assert main_flags(said.db, 300301) == {"85311300-5": 1, "85121270-6": 0}
    assert said.crawl["items_updated"] == 0

    contract["detail"]["cpvCodes"] = [{"code": "85311300-5", "isHoofdOpdracht": False},
                                      {"code": "85121270-6", "isHoofdOpdracht": True}]
    moved = crawl(server.api_url, *AGAIN, **OPEN)
    assert moved.crawl["status"] == "complete", moved.errors
    assert main_flags(moved.db, 300301) == {"85311300-5": 0, "85121270-6": 1}
    assert moved.db["notices"].get(300301)["cpv_main"] == "85121270-6"
    assert moved.crawl["items_updated"] == 1


def test_a_new_notice_sent_plain_codes_has_no_main_flag_said(snapshot, serve_api, crawl):
    """A notice first archived with its codes plain (reference §4) is told no main code: ``is_main`` NULL (not said),
    not 0 ("not the main code"), and its main code the first sent, as before."""
    contract = by_id(snapshot, 300301)
    contract["detail"]["cpvCodes"] = ["85311300-5", "85121270-6"]
    server = serve_api(snapshot)
    first = crawl(server.api_url, **OPEN)
    assert first.crawl["status"] == "complete", first.errors
    assert main_flags(first.db, 300301) == {"85311300-5": None, "85121270-6": None}
    assert first.db["notices"].get(300301)["cpv_main"] == "85311300-5"


def test_a_contract_notice_without_rendering_is_not_asked_again(snapshot, serve_api, crawl):
    """Contract notice 300301's ``/html`` answers 404: TenderNed has no rendering of it (no lots or estimates to read;
    reference §6). The spider logged it "archived without it", but kept it as never read: every crawl that fetched the
    notice's detail again (its window listed again) asked its ``/html`` again, for the same 404, for ever. Now the
    answer is a complete fetch, recorded (``notice_results`` layout "none", its provenance): the next crawl fetches
    the detail and not the ``/html``."""
    by_id(snapshot, 300301)["html_status"] = 404
    server = serve_api(snapshot)
    first = crawl(server.api_url, **OPEN)
    assert first.crawl["status"] == "complete", first.errors
    assert server.api.log.count(f"{API}300301/html") == 1
    [row] = first.db["notice_results"].rows_where("publication_id = 300301")
    assert (row["layout"], row["lot_count"], row["award_count"]) == ("none", 0, 0)
    assert row["source_url"].endswith(f"{API}300301/html") and row["sha256"]

    details = server.api.log.count(f"{API}300301")
    second = crawl(server.api_url, **OPEN)
    assert second.crawl["status"] == "complete", second.errors
    assert server.api.log.count(f"{API}300301") > details  # its detail fetched again with its row ...
    assert server.api.log.count(f"{API}300301/html") == 1  # ... its /html not
    assert second.crawl["items_updated"] == 0


def test_a_contract_notices_rendering_that_fails_is_still_asked_again(snapshot, serve_api, crawl):
    """A real failure is no answer: a contract notice's ``/html`` answering 500 (past its retries) records no reading
    and is asked again by the next crawl, which reads it."""
    contract = by_id(snapshot, 300301)
    contract["html_status"] = 500
    server = serve_api(snapshot)
    first = crawl(server.api_url, **OPEN)
    assert list(first.db["notice_results"].rows_where("publication_id = 300301")) == []

    del contract["html_status"]
    asked = server.api.log.count(f"{API}300301/html")
    second = crawl(server.api_url, **OPEN)
    assert second.crawl["status"] == "complete", second.errors
    assert server.api.log.count(f"{API}300301/html") == asked + 1
    [row] = second.db["notice_results"].rows_where("publication_id = 300301")
    assert row["layout"] == "eforms"
