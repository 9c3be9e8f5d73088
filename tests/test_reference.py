"""The shipped reference data and tenderarchive.reference: membership per year, mergers,
name lookup, regional buyers, map boundaries. Real files, real SQLite; no fixtures needed
(the data under test is the shipped data itself)."""
from __future__ import annotations

import csv
import json
from collections import Counter
from importlib import resources

import pytest
import sqlite_utils

from tenderarchive import reference
from tenderarchive.analysis import places

DATA = resources.files("tenderarchive") / "data"
YEARS = range(2015, 2026)


def rows(name: str) -> list[dict]:
    with (DATA / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def ref() -> reference.Reference:
    return reference.load()


# --- municipalities and jeugdregio's ----------------------------------------------------------------------

def test_342_municipalities_and_42_regions_with_cbs_codes(ref):
    assert len(ref.municipalities) == 342 and len(rows("municipalities.csv")) == 342
    assert all(code.startswith("GM") and len(code) == 6 for code in ref.municipalities)
    assert len(ref.regions) == 42
    assert sorted(ref.regions) == [f"JZ{n:02d}" for n in range(1, 44) if n != 40]
    assert {row["jeugdregio_code"] for row in ref.municipalities.values()} == set(ref.regions)
    assert all(row["jeugdregio_name"] == ref.regions[row["jeugdregio_code"]]["name"]
               for row in ref.municipalities.values())


def test_each_municipality_belongs_to_exactly_one_region_per_year(ref):
    table = rows("jeugdregio_membership.csv")
    per_year = Counter((int(r["year"]), r["cbs_code"]) for r in table)
    assert set(per_year.values()) == {1}, "a municipality has two rows in one year"
    for year in YEARS:
        assert {code for (y, code) in per_year if y == year} == set(ref.municipalities), year
    assert {r["jeugdregio_code"] for r in table} <= set(ref.regions)
    assert {int(r["year"]) for r in table} == set(YEARS)


def test_2025_membership_is_the_municipalities_table(ref):
    for code, row in ref.municipalities.items():
        assert reference.membership(code, 2025)["jeugdregio_code"] == row["jeugdregio_code"]
        assert reference.membership(code, 2025)["basis"] == "cbs-2025"


def test_every_region_has_members_every_year_and_cited_sources(ref):
    sources = {r["id"]: r for r in rows("reference_sources.csv")}
    assert all(s["url"].startswith("http") for s in sources.values())
    for code, region in ref.regions.items():
        for year in YEARS:
            assert reference.members(code, year), (code, year)
        cited = region["sources"].split(";")
        assert "cartomap-jeugdregio-2025" in cited
        assert set(cited) <= set(sources), code
    for row in rows("jeugdregio_membership.csv"):
        assert set(row["sources"].split(";")) <= set(sources), row


def test_every_year_comes_from_that_years_cbs_layer():
    table = rows("jeugdregio_membership.csv")
    assert all((r["unverified"] == "1") == (r["basis"] == "assumed") for r in table)
    for r in table:  # every year 2015-2025 has a CBS layer, so nothing is carried over or assumed
        assert r["basis"] == f"cbs-{r['year']}" and r["unverified"] == "0", r
        assert f"cartomap-jeugdregio-{r['year']}" in r["sources"].split(";"), r
        assert 0.5 < float(r["area_share"]) <= 1, r
    zeewolde_2024 = reference.membership("GM0050", 2024)
    assert zeewolde_2024["jeugdregio_code"] == "JZ12" and zeewolde_2024["basis"] == "cbs-2024"


def test_changes_of_region_between_the_yearly_layers():
    # every municipality whose region differs between two consecutive years, with the year of the change
    table = rows("jeugdregio_membership.csv")
    region = {(int(r["year"]), r["cbs_code"]): r["jeugdregio_code"] for r in table}
    changes = {(code, year): (region[year - 1, code], region[year, code])
               for (year, code) in region if year > 2015 and region[year - 1, code] != region[year, code]}
    assert changes == {
        ("GM0450", 2016): ("JZ10", "JZ06"),  # Uitgeest: IJmond -> Alkmaar
        ("GM1696", 2019): ("JZ19", "JZ16"),  # Wijdemeren: Utrecht West -> Gooi en Vechtstreek
        ("GM1961", 2019): ("JZ31", "JZ26"),  # Vijfheerenlanden formed; most of its area was in JZ31
        ("GM0744", 2020): ("JZ34", "JZ35"),  # Baarle-Nassau: West Brabant Oost -> Midden-Brabant
        ("GM1723", 2020): ("JZ34", "JZ35"),  # Alphen-Chaam: the same
        ("GM0050", 2024): ("JZ08", "JZ12"),  # Zeewolde: Flevoland -> Noord-Veluwe
        ("GM0626", 2024): ("JZ24", "JZ18"),  # Voorschoten: Haaglanden -> Holland Rijnland
    }
    from tenderarchive.data.build_reference import KNOWN_CHANGES
    assert {k: v[:2] for k, v in KNOWN_CHANGES.items()} == changes
    assert [reference.region_of("Wijdemeren", y) for y in (2018, 2019)] == ["JZ19", "JZ16"]
    assert [reference.region_of("Baarle-Nassau", y) for y in (2019, 2020)] == ["JZ34", "JZ35"]
    assert "GM1723" in reference.buyer("West-Brabant Oost", 2019)["member_codes"]
    assert "GM1723" not in reference.buyer("West-Brabant Oost", 2020)["member_codes"]


def test_corrections_that_the_cbs_layers_show():
    # the memberships issue 12 calls wrong or doubtful, as the CBS 2025 layer has them
    assert reference.region_of("Deventer") == "JZ07"
    assert reference.region_of("Olst-Wijhe") == "JZ07"
    assert reference.region_of("Zeewolde", 2025) == "JZ12"
    assert reference.region_of("Zeewolde", 2023) == "JZ08"
    assert reference.region_of("Hattem") == "JZ17"
    assert reference.region_of("Alphen-Chaam") == reference.region_of("Baarle-Nassau") == "JZ35"
    assert reference.region_of("Etten-Leur") == reference.region_of("Zundert") == "JZ36"
    # Voorschoten moved from Haaglanden to Holland Rijnland on 1 January 2024
    assert [reference.region_of("Voorschoten", y) for y in (2022, 2023, 2024, 2025)] == ["JZ24", "JZ24", "JZ18", "JZ18"]
    assert len(reference.members("JZ24", 2023)) == 10 and len(reference.members("JZ24", 2024)) == 9


# --- name lookup --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["'s-Hertogenbosch", "’s-Hertogenbosch", "‘s Hertogenbosch", "s-Hertogenbosch",
                                  "Gemeente 's-Hertogenbosch", "gemeente  S HERTOGENBOSCH", "Den Bosch", "GM0796",
                                  "gm0796", "de gemeente 's-Hertogenbosch"])
def test_hertogenbosch_variants(name):
    assert reference.municipality(name)["cbs_code"] == "GM0796"


@pytest.mark.parametrize("name,code", [
    ("Súdwest-Fryslân", "GM1900"), ("Sudwest Fryslan", "GM1900"), ("gemeente Súdwest Fryslân", "GM1900"),
    ("Noardeast-Fryslan", "GM1970"), ("Gemeenten Leiden", "GM0546"), ("GEMEENTE LEIDEN", "GM0546"),
    ("Hengelo (O.)", "GM0164"), ("Hengelo", "GM0164"), ("Rijswijk", "GM0603"), ("Den Haag", "GM0518"),
    ("Nuenen, Gerwen en Nederwetten", "GM0820"), ("De Bilt", "GM0310"), ("gem. Utrecht", "GM0344"),
])
def test_lookup_folds_diacritics_prefix_and_suffix(name, code):
    assert reference.municipality(name)["cbs_code"] == code


@pytest.mark.parametrize("name,code", [
    ("Gemeente Bergen (NH)", "GM0373"), ("Bergen (N.H.)", "GM0373"), ("Bergen (NH.)", "GM0373"),
    ("Bergen (L)", "GM0893"), ("gemeente Bergen (L.)", "GM0893"), ("Hengelo (O)", "GM0164"),
    ("Laren (NH)", "GM0417"), ("Rijswijk (Z.H.)", "GM0603"), ("Stein (L)", "GM0971"),
    ("Bergen (N. H.)", "GM0373"), ("Rijswijk ( Z. H. )", "GM0603"),
    # spaced without a final dot, without dots, with a hyphen: the same suffix
    ("Bergen (N. H)", "GM0373"), ("Bergen (N H)", "GM0373"), ("Bergen (N-H)", "GM0373"),
    ("Laren (N.-H.)", "GM0417"), ("Rijswijk (Z. H)", "GM0603"), ("Bergen (N H.)", "GM0373"), ("Bergen (N-H.)", "GM0373"),
])
def test_a_province_suffix_with_or_without_its_dots_is_one_name(name, code):
    """The CBS writes "Bergen (NH.)", the news "Bergen (NH)" or "Bergen (N.H.)": one key."""
    assert reference.municipality(name)["cbs_code"] == code
    assert reference.region_of(name, 2024) == reference.region_of(code, 2024)


@pytest.mark.parametrize("name,key", [
    ("Stichting Zon (van de Zee)", "stichting zon (van de zee)"), ("Jeugdzorg (Oost West)", "jeugdzorg (oost west)"),
    ("Zorg (Jeugd Noord)", "zorg (jeugd noord)"), ("Rijswijk (Z.H)", "rijswijk (zh)"),
    ("Rijswijk (Z. H.)", "rijswijk (zh)"), ("Huis (in. de Zee)", "huis (in de zee)"), ("Zorg (o. a. de)", "zorg (o a de)"),
    ("Zorg (o a de)", "zorg (o a de)"), ("Zorg (A B C D)", "zorg (a b c d)"), ("Bergen (N. Ho)", "bergen (n ho)"),
])
def test_only_an_abbreviation_of_one_or_two_letter_parts_with_dots_loses_its_dots(name, key):
    """The rule that makes "Bergen (N.H.)" one name with "Bergen (NH)" joined any short words in brackets:
    "(van de Zee)" became "(vandezee)"."""
    assert reference.normalise(name) == key


def test_ambiguous_and_unknown_names_do_not_guess():
    assert reference.municipality("Bergen") is None  # Bergen (NH.) or Bergen (L.)
    assert reference.municipality("Bergen (L.)")["cbs_code"] == "GM0893"
    assert reference.municipality("Atlantis") is None
    assert reference.municipality("") is None and reference.municipality(None) is None


def test_region_lookup():
    assert reference.jeugdregio("Hart van Brabant")["code"] == "JZ35"
    assert reference.jeugdregio("Midden-Brabant")["code"] == "JZ35"
    assert reference.jeugdregio("jeugdregio Zuid-Kennemerland")["code"] == "JZ11"
    assert reference.jeugdregio("jz18")["code"] == "JZ18"
    assert reference.jeugdregio("Fryslân")["code"] == "JZ02"
    assert reference.jeugdregio("Nergenshuizen") is None


# --- mergers --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("old,new,date", [
    ("Beemster", "GM0439", "2022-01-01"), ("Weesp", "GM0363", "2022-03-24"),
    ("Appingedam", "GM1979", "2021-01-01"), ("Delfzijl", "GM1979", "2021-01-01"), ("Loppersum", "GM1979", "2021-01-01"),
    ("gemeente Haren", "GM0014", "2019-01-01"), ("Noordwijkerhout", "GM0575", "2019-01-01"),
    ("Haaren", "GM0824", "2021-01-01"),  # split over four; Oisterwijk is the legal successor
    ("Littenseradiel", "GM1900", "2018-01-01"), ("Brielle", "GM1992", "2023-01-01"),
])
def test_mergers_resolve_old_names_with_the_date(old, new, date):
    row = reference.municipality(old)
    assert row["cbs_code"] == new and row["merger_date"] == date
    assert row["merged_from"].lower() in old.lower()


def test_merger_not_yet_in_effect_and_region_before():
    assert reference.municipality("Weesp", on="2021-06-01") is None
    assert reference.municipality("Weesp", on="2022-04-01")["cbs_code"] == "GM0363"
    assert reference.region_of("Weesp", 2019) == "JZ16"  # Gooi en Vechtstreek until 2022
    assert reference.region_of("Weesp", 2023) == "JZ13"
    assert reference.region_of("Haaren", 2019) == "JZ33"
    # a former municipality keeps the region it had itself, which the year's CBS layer shows
    assert [reference.region_of(n, 2018) for n in ("Leerdam", "Zederik", "Vianen")] == ["JZ31", "JZ31", "JZ26"]
    assert reference.region_of("Vijfheerenlanden", 2019) == "JZ26"
    assert reference.region_of("Haarlemmerliede en Spaarnwoude", 2018) == "JZ11"
    assert reference.region_of("Haarlemmermeer", 2018) == "JZ15"
    assert {r["new_cbs_code"] for r in reference.successors("Haaren")} == {"GM0824", "GM0757", "GM0855", "GM0865"}


def test_merger_table_is_consistent(ref):
    table = rows("mergers.csv")
    for row in table:
        assert row["new_cbs_code"] in ref.municipalities, row
        assert ref.municipalities[row["new_cbs_code"]]["name"] == row["new_name"], row
        assert reference.municipality(row["old_name"]) is not None, row
        assert row["kind"] in {"merger", "annexation", "split", "rename"}
        assert row["jeugdregio_before"] in ("", *ref.regions)
        # known for every change from 1 January 2016 on, from the CBS layer of the year before
        assert row["jeugdregio_before"] or row["date"] < "2015-01-02", row
        assert set(filter(None, row["sources"].split(";"))) <= {r["id"] for r in rows("reference_sources.csv")}, row
    for old, group in Counter(r["old_name"] for r in table).items():
        mains = [r for r in table if r["old_name"] == old and r["main"] == "1"]
        assert len(mains) == 1, old


# --- regional buyers ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name,buyer_id,region", [
    ("GRJR", "grjr", "JZ29"), ("Gemeenschappelijke Regeling Jeugdhulp Rijnmond", "grjr", "JZ29"),
    ("Holland Rijnland", "holland-rijnland", "JZ18"), ("Inkoopbureau H-10", "h10", "JZ24"),
    ("Servicebureau Jeugdhulp Haaglanden", "h10", "JZ24"), ("RIGG", "rigg", "JZ01"),
    ("Inkoop Jeugd regio Twente", "ozjt", "JZ14"), ("OZJT", "ozjt", "JZ14"),
    ("Stichting Regionaal Inkoopbureau IJssel-Vecht", "ribiv", "JZ07"),
    ("Serviceorganisatie Jeugd ZHZ", "soj-zhz", "JZ31"),
    ("MGR Sociaal Domein Centraal Gelderland", "mgr-centraal-gelderland", "JZ28"),
    ("Regionale Backoffice Lekstroom", "lekstroom", "JZ26"), ("Sociaal Domein Achterhoek", "achterhoek", "JZ25"),
])
def test_regional_buyer_names_resolve_to_their_members(name, buyer_id, region):
    found = reference.buyer(name, 2025)
    assert found["buyer_id"] == buyer_id
    assert found["member_codes"] == reference.members(region, 2025)
    assert found["jeugdregio_codes"] == [region]


def test_buyer_members_follow_the_year():
    assert "GM0626" not in reference.buyer("Leidse regio", 2023)["member_codes"]
    assert "GM0626" in reference.buyer("Leidse regio", 2024)["member_codes"]
    assert "GM0626" in reference.buyer("H10", 2023)["member_codes"]
    assert "GM0626" not in reference.buyer("H10", 2024)["member_codes"]
    assert set(reference.buyer("MVS", 2025)["member_codes"]) == {"GM0556", "GM0622", "GM0606"}
    noordwest = reference.buyer("Noordwest 4", 2025)
    assert noordwest["jeugdregio_codes"] == ["JZ03", "JZ06", "JZ10", "JZ11"]
    assert reference.buyer("Jeugdhulpregio Noord-Veluwe en Zeewolde", 2021) is None  # from 2022
    assert "GM0050" in reference.buyer("Jeugdhulpregio Noord-Veluwe en Zeewolde", 2023)["member_codes"]
    assert reference.buyer("Stichting Jeugdzorg Zuid", 2025) is None


def test_buyer_table_is_consistent(ref):
    table = rows("regional_buyers.csv")
    sources = {r["id"] for r in rows("reference_sources.csv")}
    aliases: dict[str, str] = {}
    for row in table:
        assert row["unverified"] == "1" or row["sources"], row["buyer_id"]
        assert set(filter(None, row["sources"].split(";"))) <= sources, row["buyer_id"]
        for member in row["members"].split("|"):
            assert member == "*" or member in ref.municipalities or member in ref.regions, (row["buyer_id"], member)
        assert row["jeugdregio_code"] in ("", *ref.regions)
        for alias in [row["name"], *row["aliases"].split("|")]:
            key = reference.normalise(alias)
            assert aliases.setdefault(key, row["buyer_id"]) == row["buyer_id"], alias
        assert reference.buyer(row["buyer_id"], int(row["valid_to"] or 2025))["member_codes"]


# --- map boundaries -------------------------------------------------------------------------------------------------

def test_boundaries_are_small_valid_and_agree_with_the_table(ref):
    shapely_geometry = pytest.importorskip("shapely.geometry")
    files = {name: DATA / name for name in ("gemeenten_2025.geojson", "jeugdregios_2025.geojson")}
    assert sum(len(path.read_bytes()) for path in files.values()) < 1_500_000
    municipalities = json.loads(files["gemeenten_2025.geojson"].read_text(encoding="utf-8"))["features"]
    regions = json.loads(files["jeugdregios_2025.geojson"].read_text(encoding="utf-8"))["features"]
    assert {f["id"] for f in municipalities} == set(ref.municipalities)
    assert {f["id"] for f in regions} == set(ref.regions)
    region_shapes = {f["id"]: shapely_geometry.shape(f["geometry"]) for f in regions}
    assert all(shape.is_valid for shape in region_shapes.values())
    for feature in municipalities:
        shape = shapely_geometry.shape(feature["geometry"])
        assert shape.is_valid, feature["id"]
        assert feature["properties"]["jeugdregio_code"] == ref.municipalities[feature["id"]]["jeugdregio_code"]
        region = region_shapes[feature["properties"]["jeugdregio_code"]]
        assert shape.intersection(region).area / shape.area > 0.8, feature["id"]


# --- callers and the archive ------------------------------------------------------------------------------------------

def test_places_reads_the_same_tables(ref):
    by_name, by_code = places.load()
    assert len(by_name) == 342 and set(by_code) == set(ref.regions)
    assert by_name["Deventer"]["jeugdregio_code"] == "JZ07"


def test_the_archive_holds_the_reference_tables_and_reopening_rewrites_nothing(tmp_path):
    from tenderarchive.store.writes import open_archive

    db = open_archive(tmp_path / "archive.db")
    changes = db.conn.total_changes
    db = open_archive(tmp_path / "archive.db")
    assert db.conn.total_changes == 0 and changes > 0
    assert db["jeugdregio_membership"].count == 342 * len(YEARS)
    assert db.execute("select count(*) from jeugdregio_membership where year = 2019 group by cbs_code "
                      "having count(*) > 1").fetchall() == []
    assert db.execute("select jeugdregio_code from jeugdregio_membership where year = 2023 "
                      "and cbs_code = 'GM0626'").fetchone() == ("JZ24",)
    assert db["mergers"].count == len(rows("mergers.csv"))
    grjr = db.execute("select member_codes from regional_buyers where buyer_id = 'grjr'").fetchone()[0]
    assert len(grjr.split("|")) == 13
    assert db["reference_sources"].count == len(rows("reference_sources.csv"))


def test_region_of_answers_each_name_and_year_once_the_same_as_worked_out_afresh(monkeypatch):
    """issue 14: region_of keeps its answers per (name or code, year); every municipality's name and code
    and every old name, in every year, gives what working it out again gives, and the kept answers stay
    bounded whatever texts a search asks about."""
    ref = reference.load()
    names = [*ref.municipalities, *(row["name"] for row in ref.municipalities.values()),
             *(merger["old_name"] for merger in ref.mergers), "Nergenshuizen", None]
    for year in (None, "2019-06-30", *range(2014, 2027)):
        for name in names:
            first = reference.region_of(name, year)
            assert reference.region_of(name, year) == first == reference._region_in_year(
                ref, name, reference._year(year)), (name, year)
    monkeypatch.setattr(reference, "REGIONS_IN_YEAR_MAX", 100)
    for number in range(500):
        reference.region_of(f"tekst {number}")
    assert len(ref.regions_in_year) <= 100


def test_a_new_archive_gets_the_reference_rows_without_reading_its_empty_tables_back(tmp_path):
    """issue 14 (reparse start-up): an empty reference table is filled directly, not read back and compared
    with the shipped rows sorted; a table that holds other rows is still rewritten, one that holds them is not."""
    from tenderarchive.store.schema import load_reference_data
    from tenderarchive.store.writes import open_archive

    db = open_archive(tmp_path / "archive.db")
    expected = {table: list(db[table].rows) for table in reference.archive_rows()}
    for table in expected:
        db.execute(f"delete from [{table}]")
    db.execute("insert into mergers (old_name, new_cbs_code) values ('Nergenshuizen', 'GM0363')")  # a stray row
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    load_reference_data(db)
    db.conn.set_trace_callback(None)
    read_back = [s for s in statements if s.lstrip().lower().startswith("select") and " order by " in s]
    assert all("[mergers]" in s for s in read_back), read_back  # only the table that held a row is compared
    assert {table: list(db[table].rows) for table in expected} == expected
    changes = db.conn.total_changes
    load_reference_data(db)
    assert db.conn.total_changes == changes
