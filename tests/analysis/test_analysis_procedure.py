import pytest

from tenderarchive.analysis import analyse


@pytest.mark.parametrize("text,norm", [
    ("De jeugdhulp wordt ingekocht via een Europese openbare aanbestedingsprocedure.", "open"),
    ("Het betreft een niet-openbare procedure voor jeugdzorg.", "restricted"),
    ("Voor de jeugdhulp is gekozen voor een onderhandelingsprocedure zonder aankondiging.", "negotiated_without_publication"),
    ("De jeugdhulp wordt ingekocht via open house.", "not_a_tender"),
    ("Aanbesteding jeugdhulp via een concurrentiegerichte dialoog.", "competitive_dialogue"),
])
def test_procedure_type(text, norm):
    assert analyse(text)["procedure_type"] == norm


def test_tenderned_number_and_url():
    r = analyse("Zie TN469379 op https://www.tenderned.nl/aankondigingen/overzicht/312345 voor de aanbesteding jeugdhulp.")
    refs = r["tenderned_refs"]
    assert refs["tn_numbers"] == ["TN469379"]
    assert refs["publication_ids"] == ["312345"]
    assert refs["platform"] == "TenderNed"


def test_lots_and_duration():
    r = analyse("De aanbesteding jeugdhulp bestaat uit drie percelen: perceel 1, perceel 2 en perceel 3. "
                "De overeenkomst voor 4 jaar kent een optie tot verlenging.")
    assert r["lots"]["count"] == 3 and r["lots"]["labels"] == ["perceel 1", "perceel 2", "perceel 3"]
    assert r["contract_duration"]["months"] == 48 and r["contract_duration"]["extension_options"] is True
