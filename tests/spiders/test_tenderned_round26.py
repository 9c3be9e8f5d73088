"""TenderNed API conformance, round 26: what the twenty-five earlier rounds left, each by a real crawl of the
loopback API (tenderarchive/apiserver.py) into a real archive. The records are the synthetic snapshot's (SYNTHETIC),
edited into shapes docs/reference/tenderned-api.md allows."""

from __future__ import annotations

import pytest

from tests.conftest import by_id, make_publication

PROCEDURE = {"from_date": "2020-06-15", "until_date": "2020-06-15"}  # contract notice 200201; award 200288 is later


@pytest.mark.parametrize("sent", ["AAO", {"code": "AAO"}, {"code": "AAO", "omschrijving": None}])
def test_a_notice_type_sent_as_its_code_alone_is_archived_with_its_label(snapshot, serve_api, crawl, sent):
    """The detail's ``aankondigingCode`` (§4) of contract notice 200201 gives the code without its ``omschrijving``
    (a bare code, or an object leaving it out: §13, fields go missing and change shape), and award notice 200288,
    found through /gerelateerd (no list row), gives ``{"code": "AGO"}`` alone. Both were archived with no
    ``notice_type_label``, though 200201's list row gave "Aankondiging opdracht": Datasette's notices showed no
    type, and the timeline's "Deadline … per <label>" rows were empty. The label is the list row's for the same
    code, else the one §7.1 gives it."""
    by_id(snapshot, 200201)["detail"]["aankondigingCode"] = sent
    by_id(snapshot, 200288)["detail"]["aankondigingCode"] = {"code": "AGO"}
    server = serve_api(snapshot)
    result = crawl(server.api_url, **PROCEDURE)
    assert result.crawl["status"] == "complete", result.errors
    labels = {row["publication_id"]: (row["notice_type"], row["notice_type_label"])
              for row in result.db.query("select publication_id, notice_type, notice_type_label from notices")}
    assert labels == {200201: ("AAO", "Aankondiging opdracht"), 200288: ("AGO", "Aankondiging gegunde opdracht")}


def test_a_procedure_or_contract_type_sent_as_its_code_alone_is_archived_with_its_label(snapshot, serve_api, crawl):
    """So are the detail's ``procedureCode`` and ``typeOpdrachtCode`` (§4): contract notice 200201's sent as bare
    codes (its list row labels them), award notice 200288's as objects without ``omschrijving`` (no list row: §7.2,
    §7.3 label them). The procedure and contract type columns Datasette's notices and saved searches show were empty."""
    contract, award = by_id(snapshot, 200201)["detail"], by_id(snapshot, 200288)["detail"]
    contract["procedureCode"], contract["typeOpdrachtCode"] = "OPE", "D"
    award["procedureCode"], award["typeOpdrachtCode"] = {"code": "OPE"}, {"code": "D", "omschrijving": ""}
    server = serve_api(snapshot)
    result = crawl(server.api_url, **PROCEDURE)
    assert result.crawl["status"] == "complete", result.errors
    assert {tuple(row.values()) for row in result.db.query(
        "select procedure, procedure_label, contract_type, contract_type_label from notices")} == {
        ("OPE", "Openbaar", "D", "Diensten")}


def test_an_award_that_names_no_buyer_leaves_the_procedures_buyer_as_its_notices_named_it(snapshot, serve_api, crawl):
    """Award notice 200288, found through contract notice 200201's /gerelateerd, has a detail without
    ``opdrachtgeverNaam`` and ``aanbestedendeDienstNaam`` (§13, fields go missing); a rectification between them
    (REC 200250) names the buyer anew. The procurement took its buyer from its latest notice alone: it had none, the
    Leidse procedure listed under no buyer in ``procurements``. It is the latest notice's that names one."""
    rectification = make_publication(by_id(snapshot, 200201), 200250, "2020-06-15", kenmerk=243310)
    rectification["list"]["typePublicatie"] = rectification["detail"]["aankondigingCode"] = {
        "code": "REC", "omschrijving": "Rectificatie"}
    for part in (rectification["list"], rectification["detail"]):
        part["opdrachtgeverNaam"] = part["aanbestedendeDienstNaam"] = "Gemeente Leiderdorp"
    snapshot.append(rectification)
    award = by_id(snapshot, 200288)
    for part in (award["list"], award["detail"]):
        part.pop("opdrachtgeverNaam", None)
        part.pop("aanbestedendeDienstNaam", None)
    server = serve_api(snapshot)
    result = crawl(server.api_url, **PROCEDURE)
    assert result.crawl["status"] == "complete", result.errors
    assert result.db["notices"].get(200288)["buyer"] is None  # as TenderNed gave it
    procurement = result.db["procurements"].get("TN243310")
    assert (procurement["notice_types"], procurement["buyer"]) == ('["AAO", "REC", "AGO"]', "Gemeente Leiderdorp")
