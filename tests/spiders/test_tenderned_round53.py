"""TenderNed API conformance, round 53, by real crawls of the loopback API (tenderarchive/apiserver.py) into a real
archive: a detail's ``cpvCodes`` written otherwise than the documented form (reference §4: ``85311300-5``, 8 digits, a
hyphen, the check digit), with spaces around the hyphen or without its check digit. The records are SYNTHETIC."""

from __future__ import annotations

from tests.conftest import by_id

OPEN = {"from_date": "2021-10-01", "until_date": "2021-11-20"}  # contract notice 300301 (2021-10-15)


def test_cpv_codes_of_a_detail_are_archived_in_one_form_with_what_tenderned_sent_beside(snapshot, serve_api, crawl):
    """``85311300 - 5`` was archived as sent, so it did not group with ``85311300-5`` by ``cpv`` (facets, saved
    searches, the youth-care reasons). It is archived ``85311300-5``; a code sent without its check digit takes the one
    the shipped profile documents (``85312000`` → ``85312000-9``), or, unknown, stays 8 digits (``79411000``: no digit
    is invented); ``cpv_raw`` keeps the code as sent. A second crawl of the same detail changes nothing."""
    notice = by_id(snapshot, 300301)
    notice["detail"]["cpvCodes"] = [
        {"code": "85311300 - 5", "omschrijving": "Welzijnszorg voor kinderen en jongeren", "isHoofdOpdracht": True},
        {"code": "85312000", "omschrijving": "Maatschappelijke dienstverlening", "isHoofdOpdracht": False},
        {"code": " 79411000 ", "omschrijving": "Advies", "isHoofdOpdracht": False}]
    server = serve_api(snapshot)
    first = crawl(server.api_url, **OPEN)
    assert first.crawl["status"] == "complete", first.errors
    rows = {r["cpv"]: (r["cpv_8"], r["cpv_raw"], r["is_main"])
            for r in first.db["notice_cpv"].rows_where("publication_id = 300301")}
    assert rows == {"85311300-5": ("85311300", "85311300 - 5", 1), "85312000-9": ("85312000", "85312000", 0),
                    "79411000": ("79411000", " 79411000 ", 0)}  # as sent
    stored = first.db["notices"].get(300301)
    assert (stored["cpv_main"], stored["cpv_main_8"]) == ("85311300-5", "85311300")
    assert "cpv:85311300-5 Welzijnszorg voor kinderen en jongeren" in stored["youth_care_reasons"]
    grouped = {r["cpv"]: r["n"] for r in first.db.query(
        "select cpv, count(*) as n from notice_cpv where cpv_8 = '85311300' group by cpv")}
    assert set(grouped) == {"85311300-5"} and grouped["85311300-5"] >= 2  # with the other notices' 85311300-5

    versions = lambda db: db.execute("select count(*) from versions where row_key = '300301'").fetchone()[0]  # noqa: E731
    before = versions(first.db)
    again = crawl(server.api_url, **OPEN)
    assert again.crawl["status"] == "complete", again.errors
    assert versions(again.db) == before
    assert {r["cpv"] for r in again.db["notice_cpv"].rows_where("publication_id = 300301")} == set(rows)
