"""TenderNed API conformance, round 58, by real crawls of the loopback API (tenderarchive/apiserver.py) into a real
archive: the youth-care reasons of a notice whose detail left its description out (§13: fields go missing) while an
earlier detail gave one (§4), kept over the list row's shorter text (§3) that stood in. The records are SYNTHETIC."""

from __future__ import annotations

import json

from tests import forkcli
from tests.conftest import ROOT, by_id
from tests.spiders.test_tenderned_round57 import AGAIN, OPEN, crawl_with_detail_description
from tests.test_reparse import dump

DETAIL = "/papi/tenderned-rs-tns/v2/publicaties/300301"


def description_terms(row: dict) -> list[str]:
    return [r for r in json.loads(row["youth_care_reasons"] or "[]") if r.endswith(" in description")]


def test_a_kept_detail_description_is_not_judged_by_the_list_rows_text_that_stood_in(snapshot, serve_api, crawl):
    """Contract notice 300301's detail gives a description naming no youth-care term; its list row's text names
    "jeugdhulp". A later detail leaves ``opdrachtBeschrijving`` out (after an HTTP 503, retried): the detail's text is
    kept (round 57), so the youth-care reasons are still those of that text, not a term "in description" only the
    row's text (which is not the archived description) names. A reparse gives the same archive."""
    listed = by_id(snapshot, 300301)["list"]["opdrachtBeschrijving"]
    assert "jeugdhulp" in listed.lower()
    own = "Volledige omschrijving van de opdracht voor de gemeenten in de regio."
    notice, server, first = crawl_with_detail_description(snapshot, own, serve_api, crawl)
    row = first.db["notices"].get(300301)
    assert (row["description"], row["description_from_list"]) == (own, None)
    assert description_terms(row) == []
    reasons, relevant = row["youth_care_reasons"], row["youth_care"]

    del notice["detail"]["opdrachtBeschrijving"]
    server.api.faults[DETAIL] = [{"status": 503}]
    again = crawl(server.api_url, *AGAIN, **OPEN)
    assert again.crawl["status"] == "complete", again.errors
    row = again.db["notices"].get(300301)
    assert (row["description"], row["description_list"]) == (own, listed)
    assert description_terms(row) == []
    assert (row["youth_care_reasons"], row["youth_care"]) == (reasons, relevant)
    assert not [v for v in again.db["versions"].rows_where("table_name = 'notices' and row_key like '%300301%'")
                if "youth_care_reasons" in v["changed_columns"]]

    server.__exit__(None, None, None)
    before = dump(again.db_path)
    reparsed = forkcli.run(["reparse", "--db", again.db_path], cwd=ROOT, timeout=300)
    assert reparsed.returncode == 0, reparsed.stderr[-2000:]
    assert dump(again.db_path) == before


def places_of(db) -> list[tuple]:
    return [(r["cbs_code"], r["matched"]) for r in db.query(
        "select cbs_code, matched from notice_municipalities where publication_id = 300301 order by cbs_code")]


def test_a_kept_detail_description_is_not_placed_by_the_list_rows_text_that_stood_in(snapshot, serve_api, crawl):
    """As for the youth-care reasons, the municipalities: 300301's detail names Velsen in its description, its list
    row's text the seven municipalities of its region. A later detail leaves the description out: the detail's text
    is kept, and so are the places it named (the answer is sparse); the row's text, no archived description, adds
    none of the other six. A later detail that gives a description is placed by it as before."""
    assert "Beverwijk" in by_id(snapshot, 300301)["list"]["opdrachtBeschrijving"]
    own = "Volledige omschrijving van de opdracht; uitvoering in Velsen."
    notice, server, first = crawl_with_detail_description(snapshot, own, serve_api, crawl)
    placed = places_of(first.db)
    assert ("GM0453", "name") in placed and ("GM0375", "name") not in placed  # Velsen, not Beverwijk

    del notice["detail"]["opdrachtBeschrijving"]
    again = crawl(server.api_url, *AGAIN, **OPEN)
    assert again.crawl["status"] == "complete", again.errors
    assert again.db["notices"].get(300301)["description"] == own
    assert places_of(again.db) == placed

    notice["detail"]["opdrachtBeschrijving"] = notice["list"]["opdrachtBeschrijving"]
    third = crawl(server.api_url, *AGAIN, **OPEN)
    assert ("GM0375", "name") in places_of(third.db)
