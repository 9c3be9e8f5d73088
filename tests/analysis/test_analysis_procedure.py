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


@pytest.mark.parametrize("text,numbers,ids", [
    ("De aanbesteding jeugdhulp (TN 469379) is gegund.", ["TN469379"], []),
    ("De aanbesteding jeugdhulp TN-469379 en TN312877 lopen.", ["TN312877", "TN469379"], []),
    ("Zie https://www.tenderned.nl/tenderned-tap/aankondigingen/137035 voor de aanbesteding jeugdhulp.", [], ["137035"]),
    ("Zie tenderned.nl/tenderned-tap/aankondigingen/137035 en "
     "tenderned.nl/aankondigingen/overzicht/312345.", [], ["137035", "312345"]),
    ("Het ATN 469379-formulier en TN 12 zijn geen kenmerken.", [], []),
])
def test_tenderned_numbers_with_a_space_or_hyphen_and_the_older_notice_address(text, numbers, ids):
    refs = analyse(text)["tenderned_refs"]
    assert refs["tn_numbers"] == numbers and refs["publication_ids"] == ids


def test_lots_and_duration():
    r = analyse("De aanbesteding jeugdhulp bestaat uit drie percelen: perceel 1, perceel 2 en perceel 3. "
                "De overeenkomst voor 4 jaar kent een optie tot verlenging.")
    assert r["lots"]["count"] == 3 and r["lots"]["labels"] == ["perceel 1", "perceel 2", "perceel 3"]
    assert r["contract_duration"]["months"] == 48 and r["contract_duration"]["extension_options"] is True


@pytest.mark.parametrize("text,numbers,ids", [
    ("De aanbesteding jeugdhulp staat op TenderNed onder TenderNed-kenmerk 160417.", ["TN160417"], []),
    ("De aanbesteding jeugdhulp is te vinden op TenderNed 160417.", ["TN160417"], []),
    ("Aanbesteding jeugdhulp, TenderNed-nummer: 160417, TN-nummer 160418.", ["TN160417", "TN160418"], []),
    ("De aanbesteding jeugdhulp (kenmerk 160417, publicatienummer 407238) staat op TenderNed.",
     ["TN160417"], ["407238"]),
    ("Via TenderNed, kenmerknummer: 160417; publicatie-ID 407238.", ["TN160417"], ["407238"]),
    # Without TenderNed on the page, "kenmerk" is the municipality's own reference.
    ("Ons kenmerk 160417, publicatienummer 407238 in het gemeenteblad.", [], []),
    # Dated or compound references are no TenderNed numbers.
    ("TenderNed; ons kenmerk 2024/160417, kenmerk 160417-2 en kenmerk 160.417.", [], []),
])
def test_kenmerk_and_publication_numbers_written_out(text, numbers, ids):
    """tenderned-api.md §3-4: the kenmerk (the TN number) and the publicatieId; news writes them out
    without "TN". Synthetic sentences."""
    refs = analyse(text)["tenderned_refs"]
    assert refs["tn_numbers"] == numbers and refs["publication_ids"] == ids
