"""TenderNed API conformance, round 29: what the twenty-eight earlier rounds left, each by a real crawl of the
loopback API (tenderarchive/apiserver.py) into a real archive. The records are the synthetic snapshot's (SYNTHETIC),
edited into shapes docs/reference/tenderned-api.md allows."""

from __future__ import annotations

import sqlite_utils

from tenderarchive import TENDERNED_API_PATH
from tests import forkcli
from tests.conftest import ROOT, by_id

BOTH = {"from_date": "2020-06-15", "until_date": "2021-01-20"}  # contract notice 200201 and award 200288 of TN243310


def move_procedure(snapshot: list[dict], kenmerk: int, *publication_ids: int) -> None:
    """TenderNed moved (or renumbered) the procedure of ``publication_ids``: list row and detail name ``kenmerk``."""
    for publication_id in publication_ids:
        notice = by_id(snapshot, publication_id)
        notice["list"]["kenmerk"] = notice["detail"]["kenmerk"] = kenmerk


def results_by_procurement(db) -> dict:
    """Where the archive holds its lots, awards, winners, award events and award summaries: procurement -> rows."""
    held: dict[str, list] = {}
    for table, key in (("lots", "lot_id"), ("awards", "award_id"), ("award_suppliers", "name"),
                       ("summary_awards", "award_id")):
        for row in db.query(f"select procurement_id, {key} from {table} order by 1, 2"):
            held.setdefault(row["procurement_id"], []).append(f"{table}:{row[key]}")
    for row in db.query("select procurement_id, source_id from events where source_type = 'award' order by 1, 2"):
        held.setdefault(row["procurement_id"], []).append(f"events:{row['source_id']}")
    return held


def test_a_notice_moved_to_another_procedure_takes_its_lots_and_awards_along(snapshot, serve_api, crawl):
    """Both publications of procedure 243310 are archived, the award notice's /html read (its two lots, its award
    to four winners), then listed under kenmerk 777001 (§3: ``kenmerk`` is per procedure; refapi28 fetches them
    again). The /html, read once and never again, left the lots, the award, its winners and its timeline event on
    TN243310, a procurement no longer in the archive, and TN777001 had none: the procedure looked unawarded. The
    moved notices' /html is read again, and the former procedure's copies go once the new ones are archived; a
    reparse of the crawls' WARC files gives the same."""
    first = crawl(serve_api(snapshot).api_url, **BOTH)
    assert first.crawl["status"] == "complete", first.errors
    before = results_by_procurement(first.db)
    assert set(before) == {"TN243310"} and "awards:TN243310/200288/1" in before["TN243310"]
    move_procedure(snapshot, 777001, 200201, 200288)
    again = crawl(serve_api(snapshot).api_url, **BOTH)
    assert again.crawl["status"] == "complete", again.errors
    assert "publication 200288 moved from procedure 243310 to 777001: its /html is read again" in again.output
    assert results_by_procurement(again.db) == {
        "TN777001": [entry.replace("TN243310", "TN777001") for entry in before["TN243310"]]}
    third = crawl(serve_api(snapshot).api_url, **BOTH)  # the archive follows: nothing read again
    assert third.crawl["status"] == "complete", third.errors
    assert "its /html is read again" not in third.output
    assert results_by_procurement(third.db) == results_by_procurement(again.db)
    reparsed = forkcli.run(["reparse", "--db", third.db_path], cwd=ROOT, timeout=300)
    assert reparsed.returncode == 0, reparsed.stderr[-2000:]
    assert results_by_procurement(sqlite_utils.Database(third.db_path)) == results_by_procurement(again.db)


def test_a_moved_award_notice_whose_html_fails_keeps_its_award_until_it_is_read_again(snapshot, serve_api, crawl):
    """The crawl that sees award notice 200288 moved to procedure 777001 cannot read its /html (nor its PDF, the
    fallback): its award stays where it is, nothing archived lost, and the crawl says what failed. The notice is
    archived in 777001 now, so the next crawl sees no move: it still reads the /html again (its results are of
    another procedure), and the award moves then; a reparse of the three crawls gives the same."""
    first = crawl(serve_api(snapshot).api_url, **BOTH)
    assert first.crawl["status"] == "complete", first.errors
    move_procedure(snapshot, 777001, 200201, 200288)
    failing = {f"{TENDERNED_API_PATH}/publicaties/200288/{kind}": [{"status": 404}] for kind in ("html", "pdf")}
    broken = crawl(serve_api(snapshot, faults=failing).api_url, **BOTH)
    assert broken.crawl["status"] == "partial"
    assert any(error["url"].endswith("/200288/html") for error in broken.errors), broken.errors
    assert broken.db["notices"].get(200288)["procurement_id"] == "TN777001"
    held = results_by_procurement(broken.db)
    assert "awards:TN243310/200288/1" in held["TN243310"] and "awards:TN777001/200288/1" not in held.get("TN777001", [])
    healed = crawl(serve_api(snapshot).api_url, **BOTH)
    assert healed.crawl["status"] == "complete", healed.errors
    held = results_by_procurement(healed.db)
    assert set(held) == {"TN777001"} and "awards:TN777001/200288/1" in held["TN777001"]
    reparsed = forkcli.run(["reparse", "--db", healed.db_path], cwd=ROOT, timeout=300)
    assert reparsed.returncode == 0, reparsed.stderr[-2000:]
    assert results_by_procurement(sqlite_utils.Database(healed.db_path)) == held


def test_an_award_notice_moved_alone_leaves_no_lots_behind_in_the_procedure_it_left(snapshot, serve_api, crawl):
    """Only award notice 200288 is moved to procedure 777001; contract notice 200201 stays in 243310, its rendering
    naming no lot. The award's lots (one awarded after two tenders, one not awarded) stayed on TN243310 beside the
    contract notice: a procedure with no award notice showed a lot awarded. They go with the award; TN243310 keeps
    its contract notice, TN777001 has the award, its lots and winners."""
    first = crawl(serve_api(snapshot).api_url, **BOTH)
    assert first.crawl["status"] == "complete", first.errors
    before = results_by_procurement(first.db)
    move_procedure(snapshot, 777001, 200288)
    again = crawl(serve_api(snapshot).api_url, **BOTH)
    assert again.crawl["status"] == "complete", again.errors
    assert results_by_procurement(again.db) == {
        "TN777001": [entry.replace("TN243310", "TN777001") for entry in before["TN243310"]]}
    assert again.db["procurements"].get("TN243310")["publication_ids"] == "[200201]"


def test_a_moved_award_notice_read_again_as_naming_no_winner_keeps_its_award(snapshot, serve_api, crawl):
    """The re-read /html of award notice 200288, moved to procedure 777001, comes back as a rendering that names no
    lot and no winner (a broken page; its PDF, the fallback, fails too): the award it gave stays where it was, not
    dropped for a read that gave nothing in its place; the next crawl reads it again and the award moves then."""
    first = crawl(serve_api(snapshot).api_url, **BOTH)
    assert first.crawl["status"] == "complete", first.errors
    move_procedure(snapshot, 777001, 200201, 200288)
    empty = {f"{TENDERNED_API_PATH}/publicaties/200288/html": [{"status": 200, "body": '{"html": "<table></table>"}'}],
             f"{TENDERNED_API_PATH}/publicaties/200288/pdf": [{"status": 404}]}
    again = crawl(serve_api(snapshot, faults=empty).api_url, **BOTH)
    assert again.db["notices"].get(200288)["procurement_id"] == "TN777001"
    held = results_by_procurement(again.db)
    assert "awards:TN243310/200288/1" in held.get("TN243310", []), held
    healed = crawl(serve_api(snapshot).api_url, **BOTH)  # read again, as a rendering read as nothing is
    held = results_by_procurement(healed.db)
    assert set(held) == {"TN777001"} and "awards:TN777001/200288/1" in held["TN777001"], held
