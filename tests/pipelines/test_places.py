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


def test_a_procedures_repeated_texts_are_read_once_and_each_notice_gets_its_own_rows(monkeypatch):
    """Issue 14: the notices of one procedure repeat its title and description; the places they name
    are found once, and each notice still gets rows of its own (a change to one leaves the next alone)."""
    import pipelines.places as module

    read = []
    original = module.named_municipalities

    def counting(text, title=None, year=None):
        read.append((text, title))
        return original(text, title, year)

    monkeypatch.setattr(module, "named_municipalities", counting)
    module._named.cache_clear()
    try:
        text = "Jeugdhulp voor de gemeenten Heerlen en Landgraaf (synthetic)."
        first, second = record("Stichting Inkoopbureau Onbekend", description=text), \
            record("Stichting Inkoopbureau Onbekend", description=text)
        second["notice"]["publication_id"] = 2
        add_places(first)
        first["municipalities"][0]["name"] = "changed by the first notice's writer"
        add_places(second)
        assert len(read) == 1
        assert [m["publication_id"] for m in second["municipalities"]] == [2, 2]
        assert {m["name"] for m in second["municipalities"]} == {"Heerlen", "Landgraaf"}
        add_places(record("Stichting Inkoopbureau Onbekend", title="Andere titel", description=text))
        assert len(read) == 2  # another title: read again (the title and text are read together)
    finally:
        module._named.cache_clear()


def test_a_notice_of_a_since_merged_municipality_takes_the_region_it_had_that_year():
    """The buyer of a municipality that has since merged is its successor (reference.municipality),
    in the jeugdregio the old municipality itself had in the notice's year (``jeugdregio_before`` of
    mergers.csv), not the successor's region of that year."""
    for buyer, year, successor, region in [("Gemeente Weesp", 2021, "GM0363", "JZ16"),
                                           ("Gemeente Haaren", 2020, "GM0824", "JZ33"),
                                           ("Gemeente Vianen", 2018, "GM1961", "JZ26"),
                                           ("Gemeente Weesp", 2023, "GM0363", "JZ13")]:
        rec = record(buyer, year=year)
        add_places(rec)
        assert rec["notice"]["buyer_id"] == successor, buyer
        assert rec["notice"]["jeugdregio_code"] == region, (buyer, year)
        assert rec["organisation"]["jeugdregio_code"] == region, (buyer, year)
        assert [(m["cbs_code"], m["jeugdregio_code"]) for m in rec["municipalities"]] == [(successor, region)]


def test_a_municipality_the_text_names_is_in_its_jeugdregio_of_the_notices_year():
    """Zeewolde was in Flevoland (JZ08) until 2023 and is in Noord-Veluwe (JZ12) from 2024
    (jeugdregio_membership.csv); named in a notice's text it gets the region of the notice's year."""
    for year, region in ((2020, "JZ08"), (2024, "JZ12")):
        rec = record("Stichting Synthetische Inkoop", description="De gemeente Zeewolde koopt jeugdhulp in.", year=year)
        add_places(rec)
        assert [(m["cbs_code"], m["jeugdregio_code"]) for m in rec["municipalities"]] == [("GM0050", region)], year
        assert rec["notice"]["jeugdregio_code"] == region, year


def test_a_notices_region_is_the_one_most_of_its_places_are_in_the_first_named_on_a_tie():
    """The notice's jeugdregio when its buyer has none: the region most of its places are in, the first in
    order on a tie, None when no place has one: what ``Counter(...).most_common(1)`` answered (the first
    definition, kept here), on 3,000 random place lists; counted without entering ``collections`` (issue 14)."""
    import random
    from collections import Counter

    from pipelines.places import _most_named_region
    from tests.frames import frames_entered

    def first_definition(rows):
        regions = Counter(r["jeugdregio_code"] for r in rows if r["jeugdregio_code"])
        return regions.most_common(1)[0][0] if regions else None

    rng = random.Random(14)
    for _ in range(3000):
        rows = [{"jeugdregio_code": rng.choice(["JZ01", "JZ29", "JZ41", "JZ07", None, ""])}
                for _ in range(rng.randrange(0, 8))]
        assert _most_named_region(rows) == first_definition(rows), rows
    rows = [{"jeugdregio_code": "JZ41"}, {"jeugdregio_code": "JZ29"}, {"jeugdregio_code": "JZ29"}]
    answer, frames = frames_entered(_most_named_region, rows)
    assert answer == "JZ29"
    assert not [f for f in frames if f[0].endswith("collections/__init__.py")]

    rec = record("Stichting Inkoopbureau Onbekend", description="Voor de gemeenten Heerlen en Landgraaf.")
    _, frames = frames_entered(add_places, rec)
    assert rec["notice"]["jeugdregio_code"] == "JZ41"
    assert not [f for f in frames if f[0].endswith("collections/__init__.py")]
