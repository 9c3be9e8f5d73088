"""Places of a notice: its buyer as one organisation, and every municipality it counts for."""

from pipelines.places import add_places
from tenderarchive import reference


def record(buyer, title="Specialistische jeugdhulp", description="", year=2024):
    return {"notice": {"publication_id": 1, "buyer": buyer, "title": title, "description": description,
                       "year": year, "published": f"{year}-03-01"}}


def test_a_regional_buyers_notice_counts_for_every_member_municipality_and_its_region():
    rec = record("Gemeenschappelijke Regeling Jeugdhulp Rijnmond")
    add_places(rec)
    codes = {m["cbs_code"] for m in rec["municipalities"]}
    assert codes == set(reference.members("JZ29", 2024)) and len(codes) > 5
    assert {m["jeugdregio_code"] for m in rec["municipalities"]} == {"JZ29"}
    assert rec["notice"]["jeugdregio_code"] == "JZ29" and rec["notice"]["buyer_id"] == "grjr"
    assert rec["organisation"]["kind"] == "regional_buyer"
    assert all(m["matched"] == "regional_buyer:grjr" for m in rec["municipalities"])


def test_a_municipal_buyer_is_one_municipality_whatever_its_spelling():
    for spelling in ("Gemeente Heerlen", "gemeente heerlen", "Heerlen"):
        rec = record(spelling)
        add_places(rec)
        assert rec["notice"]["buyer_id"] == "GM0917"
        assert [m["cbs_code"] for m in rec["municipalities"]] == ["GM0917"]


def test_an_unknown_buyer_keeps_the_places_its_text_names():
    rec = record("Stichting Inkoopbureau Onbekend", description="Voor de gemeenten Heerlen en Landgraaf.")
    add_places(rec)
    assert rec["notice"]["buyer_id"] == "stichting-inkoopbureau-onbekend"
    assert {"GM0917", "GM0882"} <= {m["cbs_code"] for m in rec["municipalities"]}
