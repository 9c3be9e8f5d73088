"""TenderNed API conformance, round 62, by real crawls of the loopback API (tenderarchive/apiserver.py) into a real
archive: a CPV code sent in another form (``cpv_raw``) is no change of the notice; a placeholder year (≥ 2090, "no real
date": reference §4, §12.4) is no date in every date field of the detail, not only in its closing dates; a code list
sent as plain codes (§4) says no label: no sparse answer, and an archived label is kept for its own code alone. The
records are SYNTHETIC."""

from __future__ import annotations

import json

from tests.conftest import by_id

OPEN = {"from_date": "2021-10-01", "until_date": "2021-11-20"}  # contract notice 300301 (2021-10-15)
AGAIN = ("-s", "TENDERNED_INCREMENTAL=False")  # a crawl that is not incremental fetches the notice with its row again
API = "/papi/tenderned-rs-tns/v2/publicaties/"
SEPTEMBER = {"from_date": "2019-09-01", "until_date": "2019-09-05"}  # contract notice 800801 (2019-09-03)
ELSEWHERE = {"from_date": "2020-02-01", "until_date": "2020-02-20"}  # another procedure's notice (600601) alone


def versions_of(db, table: str, key) -> list[dict]:
    return [v for v in db["versions"].rows_where("table_name = ?", [table]) if str(key) in v["row_key"]]


def cpv_rows(db, publication_id: int) -> dict:
    return {r["cpv"]: r for r in db["notice_cpv"].rows_where("publication_id = ?", [publication_id])}


def test_a_cpv_code_sent_in_another_form_is_no_change(snapshot, serve_api, crawl):
    """Contract notice 300301's detail names its main code ``85311300-5`` (reference §4: with its check digit), then
    the very code written otherwise (``85311300 - 5``, as round 53 archives in one form). The code, its label and
    whether it is the main one are the same: nothing a journalist is told of changed, only how TenderNed wrote it.
    It counted the notice "updated" (the crawl's counts, every new-or-changed report). Now the form sent is recorded
    (``cpv_raw``), the notice unchanged: none counted updated, no version; a code that does change still counts."""
    contract = by_id(snapshot, 300301)
    server = serve_api(snapshot)
    first = crawl(server.api_url, **OPEN)
    assert first.crawl["status"] == "complete", first.errors
    before = first.db["notices"].get(300301)
    codes = cpv_rows(first.db, 300301)
    assert codes["85311300-5"]["cpv_raw"] == "85311300-5"

    contract["detail"]["cpvCodes"][0]["code"] = "85311300 - 5"
    respelled = crawl(server.api_url, *AGAIN, **OPEN)
    assert respelled.crawl["status"] == "complete", respelled.errors
    now = cpv_rows(respelled.db, 300301)
    assert now["85311300-5"]["cpv_raw"] == "85311300 - 5"  # recorded as sent
    assert {c: {k: v for k, v in r.items() if k != "cpv_raw"} for c, r in now.items()} == \
           {c: {k: v for k, v in r.items() if k != "cpv_raw"} for c, r in codes.items()}
    assert respelled.crawl["items_updated"] == 0
    assert versions_of(respelled.db, "notices", 300301) == []
    assert respelled.db["notices"].get(300301) == before

    contract["detail"]["cpvCodes"][1]["code"] = "85312000-9"  # another code: a change, as before
    recoded = crawl(server.api_url, *AGAIN, **OPEN)
    assert recoded.crawl["status"] == "complete", recoded.errors
    assert set(cpv_rows(recoded.db, 300301)) == {"85311300-5", "85312000-9"}
    assert recoded.crawl["items_updated"] == 1


def test_a_placeholder_year_is_no_date_in_the_contract_dates_too(snapshot, serve_api, crawl):
    """Contract notice 300301's contract starts on 1 January 2023 (``aanvangOpdrachtDatum``); a rectification moves the
    start to ``2099-12-31`` and gives an end of ``2125-12-31T00:00:00`` (``voltooiingOpdrachtDatum``): TenderNed's
    placeholder years (≥ 2090 in Amsterdam, "no real date": §4, §12.4). The closing dates drop them; these were archived
    as given, a contract "ending" in 2125. Now one rule for every date field: no date (NULL), said, so the archived
    real start is not kept over it (a change, versioned); an end sent in UTC is checked in Amsterdam's year."""
    contract = by_id(snapshot, 300301)
    server = serve_api(snapshot)
    first = crawl(server.api_url, **OPEN)
    assert first.crawl["status"] == "complete", first.errors
    row = first.db["notices"].get(300301)
    assert (row["start_date"], row["end_date"]) == ("2023-01-01", None)

    contract["detail"]["aanvangOpdrachtDatum"] = "2099-12-31"
    contract["detail"]["voltooiingOpdrachtDatum"] = "2125-12-31T00:00:00"
    moved = crawl(server.api_url, *AGAIN, **OPEN)
    assert moved.crawl["status"] == "complete", moved.errors
    row = moved.db["notices"].get(300301)
    assert (row["start_date"], row["end_date"]) == (None, None)
    assert row["omitted_columns"] is None  # said, not left out
    assert moved.crawl["items_updated"] == 1
    [version] = versions_of(moved.db, "notices", 300301)
    assert version["previous_values"] == '{"start_date": "2023-01-01"}'

    contract["detail"]["aanvangOpdrachtDatum"] = "2023-02-01T00:00:00"
    contract["detail"]["voltooiingOpdrachtDatum"] = "2089-12-31T23:30:00Z"  # 00:30 on 1 January 2090 in Amsterdam
    again = crawl(server.api_url, *AGAIN, **OPEN)
    assert again.crawl["status"] == "complete", again.errors
    row = again.db["notices"].get(300301)
    assert (row["start_date"], row["end_date"]) == ("2023-02-01", None)


def test_codes_sent_as_plain_strings_are_no_sparse_answer(snapshot, serve_api, crawl):
    """Contract notice 800801's detail names its region ``[{"code": "NL226", "omschrijving": "Arnhem/Nijmegen"}]``,
    then as a plain code, ``["NL226"]`` (reference §4: ``nutsCodes`` are "sometimes plain strings"), a form that carries
    no label. The archived label is kept, but it was read as a value left out: the answer sparse, so every later crawl
    fetched the notice again, for ever (the same form came). Now the form says no label: kept, marked
    ``(unreadable)`` as any value sent with none, no sparse answer, not asked again; the notice unchanged."""
    contract = by_id(snapshot, 800801)
    server = serve_api(snapshot)
    first = crawl(server.api_url, **SEPTEMBER)
    assert first.crawl["status"] == "complete", first.errors
    before = first.db["notices"].get(800801)
    assert (before["nuts"], before["nuts_labels"]) == ("NL226", "Arnhem/Nijmegen")

    contract["detail"]["nutsCodes"] = ["NL226"]
    plain = crawl(server.api_url, *AGAIN, **SEPTEMBER)
    assert plain.crawl["status"] == "complete", plain.errors
    row = plain.db["notices"].get(800801)
    assert (row["nuts"], row["nuts_labels"]) == ("NL226", "Arnhem/Nijmegen")
    assert row["omitted_columns"] == '["nuts_labels (unreadable)"]'
    assert plain.crawl["items_updated"] == 0 and versions_of(plain.db, "notices", 800801) == []

    asked = server.api.log.count(f"{API}800801")
    later = crawl(server.api_url, **ELSEWHERE)  # nothing of its procedure listed: a sparse notice was asked again
    assert later.crawl["status"] == "complete", later.errors
    assert server.api.log.count(f"{API}800801") == asked


def test_a_label_is_not_kept_for_another_code(snapshot, serve_api, crawl):
    """Contract notice 800801's region ``NL226`` ("Arnhem/Nijmegen") is corrected to another, sent as a plain code
    (``["NL33C"]``, reference §4): no label comes. The archived label was kept, the new region archived as
    "Arnhem/Nijmegen", NL226's. A label is its code's: for another code none is said (NULL), a change versioned with it.
    So for the main CPV code sent plain: its archived label is kept only for the same code (``cpv_main_label``)."""
    contract = by_id(snapshot, 800801)
    server = serve_api(snapshot)
    first = crawl(server.api_url, **SEPTEMBER)
    assert first.crawl["status"] == "complete", first.errors
    before = first.db["notices"].get(800801)
    assert (before["cpv_main"], before["cpv_main_label"]) == ("80340000-9", "Diensten voor bijzonder onderwijs")

    contract["detail"]["nutsCodes"] = ["NL33C"]
    contract["detail"]["cpvCodes"] = ["85311300-5"]
    moved = crawl(server.api_url, *AGAIN, **SEPTEMBER)
    assert moved.crawl["status"] == "complete", moved.errors
    row = moved.db["notices"].get(800801)
    assert (row["nuts"], row["nuts_labels"]) == ("NL33C", None)
    assert (row["cpv_main"], row["cpv_main_label"]) == ("85311300-5", None)
    assert moved.crawl["items_updated"] == 1
    [version] = versions_of(moved.db, "notices", 800801)
    assert {"nuts", "nuts_labels", "cpv_main", "cpv_main_label"} <= set(json.loads(version["changed_columns"]))

    contract["detail"]["nutsCodes"] = [{"code": "NL33C", "omschrijving": "Groot-Rijnmond"}]
    contract["detail"]["cpvCodes"] = [{"code": "85311300-5", "omschrijving": "Welzijnszorg voor kinderen en jongeren",
                                       "isHoofdOpdracht": True}]
    labelled = crawl(server.api_url, *AGAIN, **SEPTEMBER)
    contract["detail"]["nutsCodes"] = ["NL33C"]
    plain = crawl(server.api_url, *AGAIN, **SEPTEMBER)  # the same region plain: its label kept
    assert plain.crawl["status"] == "complete", plain.errors
    row = plain.db["notices"].get(800801)
    assert (row["nuts_labels"], row["cpv_main_label"]) == ("Groot-Rijnmond", "Welzijnszorg voor kinderen en jongeren")
    assert labelled.crawl["status"] == "complete", labelled.errors
    assert plain.crawl["items_updated"] == 0
    assert len(versions_of(plain.db, "notices", 800801)) == len(versions_of(labelled.db, "notices", 800801))
