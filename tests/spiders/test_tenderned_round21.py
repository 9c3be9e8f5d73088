"""TenderNed API conformance, round 21: what the twenty earlier rounds left, each by a real crawl of the loopback
API (tenderarchive/apiserver.py) into a real archive. The records are the synthetic snapshot's (SYNTHETIC)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import by_id

DETAIL = "/papi/tenderned-rs-tns/v2/publicaties/"
WINDOW = {"from_date": "2020-02-10", "until_date": "2020-12-31"}  # notice 600601, past its deadline and the margin


@pytest.mark.parametrize("field, readable, column, no_shape", [
    ("looptijdCode", {"code": "OBP", "omschrijving": "Onbepaald"}, "duration_code", ["OBP"]),
    ("opdrachtAardCode", {"code": "RAA", "omschrijving": "Raamovereenkomst"}, "contract_nature", {"code": ["RAA"]}),
    ("referentieNummer", "2020-JH-01", "reference", {"nummer": "2020-JH-01"}),
    ("urlTsenderNaam", "Mercell", "tender_platform", ["Mercell"]),
    ("publicatiePdfId", 8812345, "pdf_id", "n.v.t."),
    ("pbNummerTed", "2020/S 115-281234", "ted_number", True),
    ("trefwoord1", "jeugdhulp", "keywords", ["jeugdhulp"]),
    # its own id: the notice is its latest rectification (nothing else to fetch); drifted into an object, "n.v.t."
    ("publicatieIDLaatsteRectificatie", 600601, "latest_rectification_id", {"publicatieId": 600601}),
    ("publicatieIDLaatsteRectificatie", 600601, "latest_rectification_id", "n.v.t."),
])
def test_an_informative_field_sent_of_no_shape_keeps_the_archived_value_and_is_not_fetched_again(
        snapshot, serve_api, crawl, field, readable, column, no_shape):
    """Reference §4 ([M]): these detail fields are informative; one of no shape costs that field, not the notice,
    and the archive keeps the value it had. It was kept as a value the answer *omitted* (a sparse answer), so every
    later crawl fetched the notice again, met the same shape, and never settled: it is marked unreadable, as an
    unreadable yes/no or date is, and not asked again for it."""
    by_id(snapshot, 600601)["detail"][field] = readable
    server = serve_api(snapshot)
    first = crawl(server.api_url, **WINDOW)
    assert first.returncode == 0, first.errors
    kept = first.db["notices"].get(600601)[column]
    assert kept is not None
    by_id(snapshot, 600601)["detail"][field] = no_shape
    second = crawl(server.api_url, "-s", "TENDERNED_INCREMENTAL=False", **WINDOW)
    assert second.returncode == 0, second.errors
    row = second.db["notices"].get(600601)
    assert row[column] == kept
    assert f"{column} (unreadable)" in json.loads(row["omitted_columns"])
    began = len(server.api.log)
    third = crawl(server.api_url, **WINDOW)
    assert f"{DETAIL}600601" not in server.api.log[began:]
    assert third.crawl["status"] == "complete", third.errors


def test_a_label_drifted_into_another_shape_costs_that_label_not_the_notice(snapshot, serve_api, crawl):
    """Reference §4, §13: a ``*Code`` object's ``omschrijving`` is a text. One that drifts into another shape (an
    object of languages, a list) while its code still reads dropped the whole notice ("expected text"), by every
    crawl, each partial, its archived record never updated. The notice is archived with what reads (its new title,
    its codes); a notice type's or procedure's label comes from the list row or the reference, one with none to stand
    in keeps the archived label, marked unreadable, so the notice is not fetched again for it."""
    server = serve_api(snapshot)
    first = crawl(server.api_url, **WINDOW)
    assert first.returncode == 0, first.errors
    before = first.db["notices"].get(600601)
    detail = by_id(snapshot, 600601)["detail"]
    detail["aanbestedingNaam"] = "Jeugdhulp Flevoland, gewijzigd"
    detail["aankondigingCode"]["omschrijving"] = {"nl": "Aankondiging opdracht", "en": "Contract notice"}
    detail["procedureCode"]["omschrijving"] = ["Openbaar"]
    detail["juridischKaderCode"]["omschrijving"] = {"nl": "Aanbestedingswet 2012"}
    detail["nutsCodes"] = [{"code": "NL230", "omschrijving": ["Flevoland"]}]
    second = crawl(server.api_url, "-s", "TENDERNED_INCREMENTAL=False", **WINDOW)
    assert second.returncode == 0, second.errors
    row = second.db["notices"].get(600601)
    assert row["title"] == "Jeugdhulp Flevoland, gewijzigd"
    assert (row["notice_type"], row["notice_type_label"]) == ("AAO", "Aankondiging opdracht")
    assert (row["procedure"], row["procedure_label"]) == ("OPE", "Openbaar")
    assert (row["legal_framework"], row["legal_framework_label"]) == ("AW", before["legal_framework_label"])
    assert (row["nuts"], row["nuts_labels"]) == ("NL230", before["nuts_labels"])
    assert {"legal_framework_label (unreadable)", "nuts_labels (unreadable)"} <= set(json.loads(row["omitted_columns"]))
    began = len(server.api.log)
    third = crawl(server.api_url, **WINDOW)
    assert f"{DETAIL}600601" not in server.api.log[began:]
    assert third.crawl["status"] == "complete", third.errors


@pytest.mark.parametrize("drift", ["an object of languages", "left out"])
def test_a_cpv_label_drifted_or_left_out_keeps_the_archived_label(snapshot, serve_api, crawl, drift):
    """Reference §4: a ``cpvCodes`` entry is ``{code, omschrijving, isHoofdOpdracht}``; §13: fields go missing and
    change shape. A label drifted into an object dropped the whole notice, by every crawl, each partial; one left out
    replaced the archived label of that code in ``notice_cpv`` with NULL. The code is archived, its label kept."""
    server = serve_api(snapshot)
    first = crawl(server.api_url, **WINDOW)
    assert first.returncode == 0, first.errors
    labels = {r["cpv"]: r["label"] for r in first.db["notice_cpv"].rows_where("publication_id = 600601")}
    main_label = first.db["notices"].get(600601)["cpv_main_label"]
    assert all(labels.values()) and main_label
    for entry in by_id(snapshot, 600601)["detail"]["cpvCodes"]:
        if drift == "left out":
            del entry["omschrijving"]
        else:
            entry["omschrijving"] = {"nl": entry["omschrijving"], "en": "Social services"}
    second = crawl(server.api_url, "-s", "TENDERNED_INCREMENTAL=False", **WINDOW)
    assert second.returncode == 0, second.errors
    assert {r["cpv"]: r["label"] for r in second.db["notice_cpv"].rows_where("publication_id = 600601")} == labels
    row = second.db["notices"].get(600601)
    assert row["cpv_main_label"] == main_label
    if drift != "left out":  # sent, of no shape: no sparse answer, not fetched again for it
        assert "cpv_main_label (unreadable)" in json.loads(row["omitted_columns"])
        began = len(server.api.log)
        third = crawl(server.api_url, **WINDOW)
        assert f"{DETAIL}600601" not in server.api.log[began:]
        assert third.crawl["status"] == "complete", third.errors


def test_a_detail_text_or_kenmerk_drifted_into_another_shape_takes_its_list_rows(snapshot, serve_api, crawl):
    """Reference §3, §4: the list row and the detail both carry the title, the buyer and the ``kenmerk``; §13: fields
    change shape. A detail whose title, buyer or ``kenmerk`` drifted into an object or a list (``{"nl": …}``,
    ``["Gemeente Almere"]``) dropped the whole notice, by every crawl, each partial, though its list row gave each
    readably, and what the detail did say (a deadline moved by a rectification) was never archived."""
    server = serve_api(snapshot)
    first = crawl(server.api_url, **WINDOW)
    assert first.returncode == 0, first.errors
    before = first.db["notices"].get(600601)
    detail = by_id(snapshot, 600601)["detail"]
    detail["aanbestedingNaam"] = {"nl": detail["aanbestedingNaam"]}
    detail["opdrachtgeverNaam"] = [detail["opdrachtgeverNaam"]]
    detail["kenmerk"] = {"kenmerk": detail["kenmerk"]}
    detail["sluitingsDatum"] = "2020-04-06T12:00:00"
    second = crawl(server.api_url, "-s", "TENDERNED_INCREMENTAL=False", **WINDOW)
    assert second.returncode == 0, second.errors
    row = second.db["notices"].get(600601)
    assert row["deadline"].startswith("2020-04-06")
    assert (row["title"], row["buyer"], row["kenmerk"], row["procurement_id"]) == (
        before["title"], before["buyer"], before["kenmerk"], before["procurement_id"])


def test_a_drifted_detail_field_is_logged_once_per_field_a_crawl_and_counted(snapshot, serve_api, crawl):
    """Reference §13: fields change shape. A field read past (a label of no shape, a title the list row stands in for,
    an informative id) was archived silently: nothing told the user TenderNed's JSON had drifted. Each drifted field
    is logged once a crawl, however many notices send it, and counted per field in the crawl's stats."""
    for publication in snapshot:
        for code in ("procedureCode", "aankondigingCode"):
            if isinstance(publication["detail"].get(code), dict):
                publication["detail"][code]["omschrijving"] = {"nl": "x"}
        publication["detail"]["publicatieIDLaatsteRectificatie"] = "n.v.t."
    server = serve_api(snapshot)
    result = crawl(server.api_url)
    assert result.returncode == 0, result.errors
    for field in ("procedureCode", "aankondigingCode", "publicatieIDLaatsteRectificatie"):
        warned = [line for line in result.output.splitlines() if f"drifted: the detail's {field} " in line]
        assert len(warned) == 1, result.output[-3000:]
    detailed = result.output.count("'tenderned/drifted/publicatieIDLaatsteRectificatie': ")
    assert detailed == 1 and "'tenderned/drifted/procedureCode': " in result.output
