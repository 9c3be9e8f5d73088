"""Yearly OCDS release packages (SYNTHETIC fixtures): streamed, merged per ocid, youth care only, exact values."""

import json
import subprocess
import sys

import pytest

from tenderarchive.awards.ocds import ReadReport, file_period, read_package, to_procedure

from .conftest import PACKAGE_2017, PACKAGE_2021, PACKAGE_2022_TRUNCATED


@pytest.fixture(scope="module")
def procedures():
    report = ReadReport(str(PACKAGE_2021))
    out = {p["notice"]["ocid"]: p for p in read_package(PACKAGE_2021, report=report)}
    return out, report


def test_only_youth_care_procedures_are_kept_with_their_reasons(procedures):
    out, report = procedures
    assert set(out) == {"ocds-1l04xe-313457", "ocds-1l04xe-320001"}           # the ERP procedure is not
    assert (report.releases, report.procedures, report.selected, report.yielded) == (4, 3, 2, 2)
    assert report.errors == []
    assert any(r.startswith("cpv:85311300-5") for r in out["ocds-1l04xe-313457"]["notice"]["youth_care_reasons"])
    assert "term:jeugdzorg in title" in out["ocds-1l04xe-320001"]["notice"]["youth_care_reasons"]


def test_releases_of_one_ocid_spread_over_the_file_merge_into_one_procedure(procedures):
    leiden = procedures[0]["ocds-1l04xe-313457"]
    assert leiden["provenance"] == {"source_file": PACKAGE_2021.name, "ocid": "ocds-1l04xe-313457",
                                    "release_ids": ["298765-a1", "298765-b2"]}
    assert leiden["notice"]["kenmerk"] == 313457 and leiden["notice"]["publication_ids"] == ["298765"]
    assert [(lot["lot_id"], lot["title"], lot["awarded"], lot["tenders_received"]) for lot in leiden["lots"]] == \
        [("1", "Ambulante jeugdhulp", 1, 3), ("2", "Jeugdhulp met verblijf", 1, 5)]
    assert [(s["lot_id"], s["name"], s["kvk"]) for s in leiden["suppliers"]] == [
        ("1", "Stichting Jeugdhulp Leiden", "41165432"),
        ("2", "Zorg Zonder Nummer", None),                 # supplier id is its name: no KvK number
        ("2", "Jeugdzorg Rijnland B.V.", "07654321")]      # leading zero kept


def test_values_are_exact_cents_and_zero_is_a_placeholder(procedures):
    leiden = procedures[0]["ocds-1l04xe-313457"]
    assert leiden["notice"]["estimated_cents"] == 400000000
    values = [(a["lot_id"], a["value_cents"], a["value_raw"], a["value_placeholder"]) for a in leiden["awards"]]
    # lot 2's two winners, each with a value of their own: one award of the lot, the values on the winners
    assert values == [("1", 230000050, "2300000.5", 0), ("2", None, None, None)]
    own = [(s["lot_id"], s["tender_value_cents"], s["tender_value_raw"], s["tender_value_placeholder"])
           for s in leiden["suppliers"]]
    # (lot 1's one award of one supplier: its value is the winner's tender too, as the /html gives it: refawards56)
    assert own == [("1", 230000050, "2300000.5", 0), ("2", None, "0", 1), ("2", 123456789, "1234567.89", 0)]
    assert all(isinstance(a["value_cents"], (int, type(None))) for a in leiden["awards"])


def test_several_suppliers_on_one_award_are_a_group(procedures):
    rows = procedures[0]["ocds-1l04xe-320001"]["suppliers"]
    assert [(s["name"], s["group_member"]) for s in rows] == [("Combinatie A", 1), ("Combinatie B", 1)]
    assert procedures[0]["ocds-1l04xe-320001"]["awards"][0]["winner_count"] == 2


def test_a_truncated_package_is_an_error_and_yields_nothing():
    report = ReadReport(str(PACKAGE_2022_TRUNCATED))
    assert list(read_package(PACKAGE_2022_TRUNCATED, report=report)) == []
    assert report.yielded == 0 and len(report.errors) == 1
    assert "not a complete release package" in report.errors[0]


def test_a_file_that_is_not_a_package_is_an_error(tmp_path):
    for name, text in [("a.json", "{}"), ("b.json", "<html>404</html>"), ("c.json", '{"releases": [')]:
        (tmp_path / name).write_text(text)
        report = ReadReport(name)
        assert list(read_package(tmp_path / name, report=report)) == [] and report.errors


def test_the_window_selects_procedures_by_release_date():
    assert [p["notice"]["ocid"] for p in read_package(PACKAGE_2021, since="2021-11-01")] == ["ocds-1l04xe-313457"]
    assert list(read_package(PACKAGE_2021, until="2021-01-31")) == []


def test_period_from_old_and_new_file_names():
    assert file_period(str(PACKAGE_2017)) == ("2017-01-01", "2017-12-31")
    assert file_period(PACKAGE_2021.name) == ("2021-01-01", "2021-12-31")
    assert file_period("Dataset_Tenderned-2026-01-01-2026-06-30.json") == ("2026-01-01", "2026-06-30")
    assert file_period("Dataset_Tenderned-compleet-2021-01-01-2026-06-30.json") == ("2021-01-01", "2026-06-30")
    assert file_period("Dataset_TenderNed_2016_2022.json") == ("2016-01-01", "2022-12-31")
    assert file_period("Leeswijzer.pdf") == file_period("export.json") == (None, None)
    # the counter Drupal adds to a name uploaded again is no part of the period (round 72)
    assert file_period("Dataset_Tenderned-2022-01-01-2022-12-31_0.json") == ("2022-01-01", "2022-12-31")
    assert file_period("/files/2023-05/2017_0.json") == file_period("2017_12.json.gz") == ("2017-01-01", "2017-12-31")
    assert file_period("Dataset_TenderNed_2016_2022_1.json") == ("2016-01-01", "2022-12-31")
    assert file_period("/files/2023-05/2016_2022.json") == ("2016-01-01", "2022-12-31")  # a span, not 2016's counter
    assert file_period("export_0.json") == file_period("Dataset_2021-13-01-2021-12-31_0.json") == (None, None)


def test_a_file_name_with_dates_no_calendar_has_names_no_period():
    """The datasets page raised on a package named "…-2021-13-01-2021-12-31.json" (branch fuzz1): no period, so the
    package is read whatever the window and its releases' dates select."""
    assert file_period("Dataset_Tenderned-2021-13-01-2021-12-31.json") == (None, None)
    assert file_period("Dataset_Tenderned-2021-02-01-2021-02-30.json") == (None, None)


def test_merging_uses_the_latest_release_for_changed_fields():
    base = json.loads(PACKAGE_2017.read_text())["releases"][0]
    later = json.loads(json.dumps(base)) | {"id": "170002", "date": "2017-08-01T00:00:00Z"}
    later["tender"]["title"] = "Pleegzorg Zuid (gewijzigd)"
    merged = to_procedure([later, base], source="x/2017.json")
    assert merged["notice"]["title"] == "Pleegzorg Zuid (gewijzigd)"
    assert merged["notice"]["first_date"] == "2017-05-01" and merged["notice"]["last_date"] == "2017-08-01"
    assert len(merged["awards"]) == 1                       # the same award in two releases counts once


def test_memory_stays_flat_the_parser_streams(tmp_path):
    """Reading a 12 MB package grows the reader's peak RSS by far less than the file: one release at a time."""
    base = json.loads(PACKAGE_2017.read_text())["releases"][0]
    path = tmp_path / "Dataset_Tenderned-2019-01-01-2019-12-31.json"
    with path.open("w") as out:
        out.write('{"uri": "x", "version": "1.1", "releases": [')
        for i in range(3000):
            release = dict(base, ocid=f"ocds-1l04xe-{500000 + i}", id=str(500000 + i))
            release["tender"] = dict(base["tender"], title="ERP-systeem" if i % 50 else "Pleegzorg",
                                     description="x" * 4000, classification={"scheme": "CPV", "id": "72000000-5"})
            out.write(("," if i else "") + json.dumps(release))
        out.write("]}")
    size = path.stat().st_size
    script = (
        "import resource, sys\n"
        "from tenderarchive.awards.ocds import read_package\n"
        "list(read_package(sys.argv[2]))  # warm up on a tiny package: imports, profile, parser\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "found = sum(1 for _ in read_package(sys.argv[1]))\n"
        "after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(found, (after - before) * 1024)\n")
    done = subprocess.run([sys.executable, "-c", script, str(path), str(PACKAGE_2017)], capture_output=True, text=True, timeout=120)
    found, growth = map(int, done.stdout.split())
    assert found == 60
    assert size > 12_000_000 and growth < size / 8, (growth, size)


def test_a_release_of_the_wrong_shape_is_recorded_and_skipped_the_others_are_read(tmp_path):
    """Hostile input (issue 13): a list where OCDS has an object, an id that is a list, an amount no
    SQLite integer holds in cents. Each such release costs itself, with a recorded reason; the rest of
    the package is archived."""
    from tests.fixtures.awards.make_fixtures import package, release, supplier

    good = release("ocds-1l04xe-400001", "400001-a", "2021-05-01T00:00:00Z", "Jeugdhulp Proefstad", "85311300-5",
                   lots=[("1", "Ambulant")], parties=[supplier("41165432", "Stichting Proef")],
                   awards=[{"id": "1", "relatedLots": ["1"], "suppliers": [{"id": "41165432", "name": "Stichting Proef"}],
                            "value": {"amount": 1000, "currency": "EUR"}}])
    listed = release("ocds-1l04xe-400002", "400002-a", "2021-05-02T00:00:00Z", "Jeugdhulp Lijststad", "85311300-5")
    listed["tender"]["classification"] = [listed["tender"]["classification"]]
    bad_id = release("ocds-1l04xe-400003", "400003-a", "2021-05-03T00:00:00Z", "Jeugdhulp Idstad", "85311300-5")
    bad_id["id"] = ["400003-a"]
    huge = release("ocds-1l04xe-400004", "400004-a", "2021-05-04T00:00:00Z", "Jeugdhulp Groot", "85311300-5")
    huge["tender"]["value"] = {"amount": 10 ** 30, "currency": "EUR"}
    path = tmp_path / "Dataset_Tenderned-2021-01-01-2021-12-31.json"
    path.write_text(json.dumps(package([good, listed, bad_id, huge])), encoding="utf-8")
    report = ReadReport(str(path))
    out = {p["notice"]["ocid"]: p for p in read_package(path, report=report)}
    assert set(out) == {"ocds-1l04xe-400001"}
    assert out["ocds-1l04xe-400001"]["awards"][0]["value_cents"] == 100000
    assert len(report.errors) == 3 and all("skipped" in e for e in report.errors), report.errors
    assert "classification must be object" in report.errors[0] and "(ocds-1l04xe-400002)" in report.errors[0]
    assert "id must be string or integer" in report.errors[1]
    assert "amount must be smaller than or equal to" in report.errors[2]


def test_fields_nobody_reads_are_left_out_of_the_merge():
    """A field the reader does not use cannot break the merge: it is projected away (ocds_schema.project)."""
    from tenderarchive.awards.ocds_schema import project

    release = {"ocid": "x", "id": "1", "date": "2021-01-01", "tender": {"title": "t", "documents": [
        {"id": "1", "url": "u", "documentType": {"value": "odd"}}], "somethingElse": [[1]]}, "planning": {}}
    assert project(release) == {"ocid": "x", "id": "1", "date": "2021-01-01",
                                "tender": {"title": "t", "documents": [{"id": "1", "url": "u"}]}}


def test_a_bid_value_above_two_billion_keeps_the_release_and_the_count_of_tenders(tmp_path):
    """``bids.statistics`` holds money (lowest/highestValidBidValue) beside counts (requests,
    docs/reference/tenderned-awards.md): a bid of €3 billion is an amount, not a broken release;
    only a count is read as the number of tenders, and a count that is no count is left out."""
    from tests.fixtures.awards.make_fixtures import package, release, supplier

    big = release("ocds-1l04xe-400011", "400011-a", "2021-05-01T00:00:00Z", "Jeugdhulp Grootstad", "85311300-5",
                  lots=[("1", "Ambulant"), ("2", "Verblijf")], parties=[supplier("41165432", "Stichting Proef")],
                  awards=[{"id": "1", "relatedLots": ["1"], "suppliers": [{"id": "41165432", "name": "Stichting Proef"}],
                           "value": {"amount": 1000, "currency": "EUR"}}])
    big["bids"] = {"statistics": [
        {"id": "1", "measure": "lowestValidBidValue", "value": 2_900_000_000.5, "currency": "EUR"},
        {"id": "2", "measure": "highestValidBidValue", "value": 3_100_000_000, "currency": "EUR"},
        {"id": "3-1", "measure": "requests", "value": 4, "relatedLot": "1"},
        {"id": "3-2", "measure": "requests", "value": 2.5, "relatedLot": "2"}]}
    path = tmp_path / "Dataset_Tenderned-2021-01-01-2021-12-31.json"
    path.write_text(json.dumps(package([big])), encoding="utf-8")
    report = ReadReport(str(path))
    out = {p["notice"]["ocid"]: p for p in read_package(path, report=report)}
    assert not report.errors, report.errors
    lots = {lot["lot_id"]: lot for lot in out["ocds-1l04xe-400011"]["lots"]}
    assert lots["1"]["tenders_received"] == 4 and lots["2"]["tenders_received"] is None


def test_bid_statistics_give_each_lot_its_lowest_and_highest_tender_and_counts(tmp_path):
    """Reference §6.3 (tender counts): TenderNed's converter fills ``bids.statistics`` with
    lowestValidBidValue (id "1"), highestValidBidValue ("2"), requests ("3-<lot>") and electronicBids
    ("4-<lot>"); §8.5: a lot keeps its counts and its lowest and highest tender. A statistic that names
    no lot is the lot's in a single-lot procedure; where there are several, the lot of its release's awards when
    the release is one row (publication x lot x winner, id "<publication>-<row>") of one lot, else no lot's."""
    from tests.fixtures.awards.make_fixtures import package, release, supplier

    one = release("ocds-1l04xe-400021", "400021-a", "2021-05-01T00:00:00Z", "Jeugdhulp Eenstad", "85311300-5",
                  lots=[("1", "Ambulant")], parties=[supplier("41165432", "Stichting Proef")],
                  awards=[{"id": "1", "relatedLots": ["1"], "suppliers": [{"id": "41165432", "name": "Stichting Proef"}],
                           "value": {"amount": 2300000.5, "currency": "EUR"}}],
                  stats=[{"id": "1", "measure": "lowestValidBidValue", "value": 2300000.5, "currency": "EUR"},
                         {"id": "2", "measure": "highestValidBidValue", "value": 2750000, "currency": "EUR"},
                         {"id": "3-1", "measure": "requests", "value": 3, "relatedLot": "1"},
                         {"id": "4-1", "measure": "electronicBids", "value": 3, "relatedLot": "1"}])
    two = release("ocds-1l04xe-400022", "400022-a", "2021-05-02T00:00:00Z", "Jeugdhulp Tweestad", "85311300-5",
                  lots=[("1", "Ambulant"), ("2", "Verblijf")], parties=[supplier("41165432", "Stichting Proef")],
                  awards=[{"id": "1", "relatedLots": ["2"], "suppliers": [{"id": "41165432", "name": "Stichting Proef"}],
                           "value": {"amount": 1500000, "currency": "EUR"}}],
                  stats=[{"id": "1", "measure": "lowestValidBidValue", "value": 1400000, "currency": "EUR"},
                         {"id": "1-2", "measure": "highestValidBidValue", "value": 1600000, "currency": "EUR",
                          "relatedLot": "2"},
                         {"id": "4-2", "measure": "electronicBids", "value": 2, "relatedLot": "2"}])
    path = tmp_path / "Dataset_Tenderned-2021-01-01-2021-12-31.json"
    path.write_text(json.dumps(package([one, two])), encoding="utf-8")
    report = ReadReport(str(path))
    out = {p["notice"]["ocid"]: p for p in read_package(path, report=report)}
    assert not report.errors, report.errors
    (lot,) = out["ocds-1l04xe-400021"]["lots"]
    assert (lot["lowest_tender_cents"], lot["lowest_tender_raw"], lot["lowest_tender_currency"]) == \
        (230000050, "2300000.5", "EUR")
    assert lot["highest_tender_cents"] == 275000000 and lot["tenders_received"] == 3
    assert json.loads(lot["received_counts"]) == {"Inschrijvingen": 3, "Elektronisch ingediende inschrijvingen": 3}
    lots = {lot["lot_id"]: lot for lot in out["ocds-1l04xe-400022"]["lots"]}
    assert lots["1"]["lowest_tender_cents"] is None and lots["1"]["received_counts"] is None   # not guessed
    assert (lots["2"]["lowest_tender_cents"], lots["2"]["highest_tender_cents"]) == (140000000, 160000000)
    assert json.loads(lots["2"]["received_counts"]) == {"Elektronisch ingediende inschrijvingen": 2}
    assert lots["2"]["tenders_received"] is None           # electronic bids are not the number of tenders


def test_a_foreign_suppliers_8_digit_id_is_not_a_kvk_number():
    """Reference §4 (Dutch KvK number: "Foreign winners have other ids") and §6.3 (the supplier id is the
    KvK number when the row has one; country as ``address.countryName``, "Nederland" or "NL"): a Danish
    supplier whose id is its 8-digit CVR number was stored as KvK number, as the /html reader no longer
    does. SYNTHETIC releases."""
    def release(rid, sid, name, country, lot):
        party = {"id": sid, "name": name, "roles": ["supplier"]}
        if country:
            party["address"] = {"countryName": country}
        return {"ocid": "ocds-1l04xe-313458", "id": rid, "date": "2021-11-23T00:00:00Z", "tag": ["tender", "award"],
                "tender": {"id": "t", "title": "Jeugdhulp", "lots": [{"id": "1"}, {"id": "2"}, {"id": "3"}]},
                "parties": [party], "awards": [{"id": f"{sid}-0-{lot}", "suppliers": [{"id": sid, "name": name}],
                                                "relatedLots": [lot]}]}
    procedure = to_procedure([release("1-a", "31415926", "Dansk Børneomsorg ApS", "Denemarken", "1"),
                              release("1-b", "41165432", "Stichting Jeugdhulp Leiden", "NL", "2"),
                              release("1-c", "07654321", "Jeugdzorg Rijnland B.V.", None, "3")])
    assert [(s["lot_id"], s["name"], s["kvk"]) for s in procedure["suppliers"]] == [
        ("1", "Dansk Børneomsorg ApS", None), ("2", "Stichting Jeugdhulp Leiden", "41165432"),
        ("3", "Jeugdzorg Rijnland B.V.", "07654321")]


def test_an_award_repeated_by_a_later_release_has_the_later_releases_value():
    """Reference §6.3 (one release per publication × lot × winner: a procedure's award notice and its
    rectification each give the award, same id and supplier) and §4/§8.6 (the current values are those of
    the latest version). The earliest release's copy was kept and the corrected value dropped, whatever
    order the releases came in. SYNTHETIC releases."""
    def release(rid, day, amount):
        return {"ocid": "ocds-1l04xe-313459", "id": rid, "date": f"{day}T00:00:00Z", "tag": ["tender", "award"],
                "tender": {"id": "t", "title": "Jeugdhulp", "lots": [{"id": "1"}]},
                "parties": [{"id": "41165432", "name": "Stichting Jeugdhulp Leiden", "roles": ["supplier"]}],
                "awards": [{"id": "41165432-0-1", "relatedLots": ["1"], "value": {"amount": amount, "currency": "EUR"},
                            "suppliers": [{"id": "41165432", "name": "Stichting Jeugdhulp Leiden"}]}]}
    for order in ([0, 1], [1, 0]):
        releases = [release("300001", "2021-11-01", 2300000), release("300002", "2021-12-01", 2500000)]
        procedure = to_procedure([releases[i] for i in order])
        assert [(a["release_id"], a["value_cents"], a["award_date"]) for a in procedure["awards"]] == [
            ("300002", 250000000, "2021-12-01")]
        assert [(s["name"], s["award_index"]) for s in procedure["suppliers"]] == [("Stichting Jeugdhulp Leiden", 0)]


def _release(rid, day, awards, lots=("1",), ocid="ocds-1l04xe-313470", lot_status=None):
    """A SYNTHETIC release of TenderNed's converter: one publication (``rid`` = <publication>-<row>)."""
    suppliers = [s for a in awards for s in a.get("suppliers", [])]
    return {"ocid": ocid, "id": rid, "date": f"{day}T00:00:00Z", "tag": ["tender", "award"],
            "tender": {"id": "t", "title": "Jeugdhulp",
                       "lots": [dict({"id": lot}, **({"status": lot_status} if lot_status else {})) for lot in lots]},
            "parties": [dict(s, roles=["supplier"]) for s in suppliers], "awards": awards}


def _award(aid, sid, name, amount=None, lots=("1",), status=None):
    award = {"id": aid, "relatedLots": list(lots), "suppliers": [{"id": sid, "name": name}] if sid else []}
    if amount is not None:
        award["value"] = {"amount": amount, "currency": "EUR"}
    if status:
        award["status"] = status
    return award


def test_winners_rows_repeating_the_lots_value_are_one_award_counted_once():
    """Reference §6.3: the converter writes one release per publication × lot × winner, so a lot won by
    three parties of a framework came as three awards each carrying the lot's value, and a sum over the
    awards counted it three times. They are one award of the lot with three winners and the value once;
    winners of values of their own keep them on their rows (as the /html reader). SYNTHETIC releases."""
    procedure = to_procedure([
        _release("310001-a", "2021-03-01", [_award("11111111-0-1", "11111111", "Alpha B.V.", 600000)]),
        _release("310001-b", "2021-03-01", [_award("22222222-0-1", "22222222", "Beta B.V.", 600000)]),
        _release("310001-c", "2021-03-01", [_award("33333333-0-1", "33333333", "Gamma B.V.", 600000)])])
    assert [(a["lot_id"], a["value_cents"], a["winner_count"]) for a in procedure["awards"]] == [("1", 60000000, 3)]
    assert [(s["name"], s["award_index"], s["tender_value_cents"], s["group_member"])
            for s in procedure["suppliers"]] == [("Alpha B.V.", 0, None, 0), ("Beta B.V.", 0, None, 0),
                                                 ("Gamma B.V.", 0, None, 0)]
    own = to_procedure([
        _release("310002-a", "2021-03-01", [_award("11111111-0-1", "11111111", "Alpha B.V.", 400000)]),
        _release("310002-b", "2021-03-01", [_award("22222222-0-1", "22222222", "Beta B.V.", 500000)])])
    assert [(a["value_cents"], a["winner_count"]) for a in own["awards"]] == [(None, 2)]
    assert [(s["name"], s["tender_value_cents"]) for s in own["suppliers"]] == [("Alpha B.V.", 40000000),
                                                                                ("Beta B.V.", 50000000)]


def test_one_award_id_on_several_of_the_converters_rows_is_a_group_whose_value_counts_once():
    """Reference §6.3 (the converter writes one release per publication × lot × winner; "merge them": an award id
    repeated across those rows with other suppliers is one award's further suppliers) and §4 "Consortium" (OCDS: one
    award with several suppliers; §3.1 one shared value for the group): award a1 of lot 1 comes on two rows, Stichting
    Een and Stichting Twee, each repeating its € 1.000.000, beside a2 to Stichting Drie (€ 400.000). Een and Twee were
    two winners of their own, each with € 1.000.000 as its own tender (a total of € 2.400.000, the joint value counted
    twice). They are now the group of award a1, its value on each member's row marked joint (counted once, as one award
    object listing both gives it). SYNTHETIC releases."""
    procedure = to_procedure([
        _release("310009-a", "2021-03-01", [_award("a1", "11111111", "Stichting Een", 1000000)]),
        _release("310009-b", "2021-03-01", [_award("a1", "22222222", "Stichting Twee", 1000000)]),
        _release("310009-c", "2021-03-01", [_award("a2", "33333333", "Stichting Drie", 400000)])])
    together = to_procedure([
        _release("310009-a", "2021-03-01", [dict(_award("a1", "11111111", "Stichting Een", 1000000), suppliers=[
            {"id": "11111111", "name": "Stichting Een"}, {"id": "22222222", "name": "Stichting Twee"}])]),
        _release("310009-c", "2021-03-01", [_award("a2", "33333333", "Stichting Drie", 400000)])])
    expected = [("Stichting Een", 100000000, 1, 1, "Stichting Een / Stichting Twee"),
                ("Stichting Twee", 100000000, 1, 1, "Stichting Een / Stichting Twee"),
                ("Stichting Drie", 40000000, None, 0, None)]
    for read in (procedure, together):
        assert [(a["value_cents"], a["winner_count"]) for a in read["awards"]] == [(None, 3)]
        assert [(s["name"], s["tender_value_cents"], s["tender_value_of_group"], s["group_member"], s["group_name"])
                for s in read["suppliers"]] == expected, read["suppliers"]
    # rows of one award id giving their suppliers values of their own: each its own value, none of them the group's
    own = to_procedure([
        _release("310010-a", "2021-03-01", [_award("a1", "11111111", "Stichting Een", 600000)]),
        _release("310010-b", "2021-03-01", [_award("a1", "22222222", "Stichting Twee", 700000)])])
    assert [(s["name"], s["tender_value_cents"], s["tender_value_of_group"]) for s in own["suppliers"]] == [
        ("Stichting Een", 60000000, None), ("Stichting Twee", 70000000, None)]


def test_an_award_without_related_lots_of_a_procedure_of_several_lots_is_on_no_lot():
    """An award that names no lot (no ``relatedLots``) was put on the first lot, which then showed a winner
    the package never gave it; of a single-lot procedure it is that lot's. SYNTHETIC releases."""
    several = to_procedure([_release("310003", "2021-03-01", [_award("a", "11111111", "Alpha B.V.", 100000, lots=())],
                                     lots=("1", "2"))])
    assert [(a["lot_id"], a["value_cents"]) for a in several["awards"]] == [(None, 10000000)]
    assert [(lot["lot_id"], lot["awarded"]) for lot in several["lots"]] == [("1", None), ("2", None)]
    single = to_procedure([_release("310004", "2021-03-01", [_award("a", "11111111", "Alpha B.V.", 100000, lots=())],
                                    lots=("7",))])
    assert [a["lot_id"] for a in single["awards"]] == ["7"] and single["lots"][0]["awarded"] == 1


def test_a_lot_is_not_awarded_only_when_the_package_says_so():
    """A lot with no award in the package (its tender release; the award may be in another year's package)
    was stored as not awarded (``awarded`` 0, listed among the lots not awarded); an award or lot whose
    status is unsuccessful or cancelled is the package saying so, and an award naming no supplier is no
    award row. SYNTHETIC releases."""
    procedure = to_procedure([_release("310005", "2021-03-01", [
        _award("b", "11111111", "Alpha B.V.", 100000, lots=("1",)),
        _award("c", None, None, lots=("2",), status="unsuccessful")], lots=("1", "2", "3"))])
    assert [(lot["lot_id"], lot["awarded"]) for lot in procedure["lots"]] == [("1", 1), ("2", 0), ("3", None)]
    assert [a["lot_id"] for a in procedure["awards"]] == ["1"]
    cancelled = to_procedure([_release("310006", "2021-03-01", [], lots=("1",), lot_status="cancelled")])
    assert [(lot["lot_id"], lot["awarded"]) for lot in cancelled["lots"]] == [("1", 0)]


def test_a_later_publication_giving_an_award_id_again_replaces_its_winner():
    """OCDS corrects an award by giving its id again in a later release (reference §4, rectified award):
    the later publication's winner and value are the award's, the earlier winner is not a second winner
    of the lot. SYNTHETIC releases."""
    procedure = to_procedure([
        _release("310007", "2021-03-01", [_award("a", "11111111", "Alpha B.V.", 100000)]),
        _release("310020", "2021-05-01", [_award("a", "22222222", "Beta B.V.", 150000)])])
    assert [(a["publication_id"], a["value_cents"], a["winner_count"]) for a in procedure["awards"]] == [
        (310020, 15000000, 1)]
    assert [s["name"] for s in procedure["suppliers"]] == ["Beta B.V."]


def test_a_value_with_vat_says_so_and_a_single_lots_estimate_is_the_procedures():
    """Reference §6.3 values: ``hasTax`` true is an amount including VAT (btw), where every form value is
    exclusive of it: its text says "incl. btw" (the /html reader names a "Met BTW" value the same way), the
    exact cents kept. The estimate ``tender.value`` was stored nowhere for a procedure known only from a
    package: it is its single lot's estimate (of several lots it is none of theirs). SYNTHETIC releases."""
    release = _release("310008", "2021-03-01", [
        dict(_award("a", "11111111", "Alpha B.V."), value={"amount": 121000, "currency": "EUR", "hasTax": True})])
    release["tender"]["value"] = {"amount": 300000, "currency": "EUR", "hasTax": False}
    from tenderarchive.awards.ocds_schema import project, release_problem

    assert release_problem(release) is None
    procedure = to_procedure([project(release)])  # as read from a package: only the fields read are merged
    assert [(a["value_cents"], a["value_raw"]) for a in procedure["awards"]] == [(12100000, "121000 incl. btw")]
    assert [(lot["estimated_cents"], lot["estimated_raw"]) for lot in procedure["lots"]] == [(30000000, "300000")]
    # hasTax written as text, which the schema lets through: "true" is true, "false" false
    for written, raw in (("true", "121000 incl. btw"), ("True", "121000 incl. btw"), ("false", "121000")):
        release["awards"][0]["value"]["hasTax"] = written
        assert release_problem(release) is None
        assert [a["value_raw"] for a in to_procedure([project(release)])["awards"]] == [raw]
    several = _release("310009", "2021-03-01", [], lots=("1", "2"))
    several["tender"]["value"] = {"amount": 300000, "currency": "EUR"}
    assert [lot["estimated_cents"] for lot in to_procedure([several])["lots"]] == [None, None]


def test_an_award_cancelled_by_a_later_release_is_no_winner():
    """OCDS cancels an award by giving it again with status ``cancelled`` (an awardCancellation release),
    suppliers and all: the cancelled award still counted as the lot's winner. SYNTHETIC releases."""
    cancelled = dict(_award("a", "11111111", "Alpha B.V.", 100000), status="cancelled")
    procedure = to_procedure([_release("310030", "2021-03-01", [_award("a", "11111111", "Alpha B.V.", 100000)]),
                              _release("310031", "2021-06-01", [cancelled])])
    assert procedure["awards"] == [] and procedure["suppliers"] == []
    assert [(lot["lot_id"], lot["awarded"]) for lot in procedure["lots"]] == [("1", 0)]


def test_a_supplier_id_in_org_id_form_gives_its_kvk_number():
    """General OCDS practice (reference §6.3, [L]) writes a Dutch supplier's id as the org-id
    "NL-KVK-01234567": its KvK number was lost (the winner known by name only). SYNTHETIC release."""
    procedure = to_procedure([_release("310040", "2021-03-01", [
        _award("a", "NL-KVK-01234567", "Stichting Jeugdhulp Noord", 100000)])])
    assert [(s["name"], s["kvk"]) for s in procedure["suppliers"]] == [("Stichting Jeugdhulp Noord", "01234567")]


def test_a_package_starting_with_a_byte_order_mark_is_read(tmp_path):
    """A package saved with a UTF-8 byte order mark (a Windows tool's habit) was refused whole as "not a
    complete release package": the JSON parser takes the mark for a lexical error. SYNTHETIC package."""
    path = tmp_path / "Dataset_Tenderned-2021-01-01-2021-12-31.json"
    path.write_bytes(b"\xef\xbb\xbf" + PACKAGE_2021.read_bytes())
    report = ReadReport(str(path))
    found = {p["notice"]["ocid"] for p in read_package(path, report=report)}
    assert report.errors == [] and found == {"ocds-1l04xe-313457", "ocds-1l04xe-320001"}


def test_an_award_of_several_lots_together_counts_its_value_once():
    """An award whose ``relatedLots`` name two lots (a group of lots awarded together, one value) became an
    award on each lot with the whole value, counted twice in every sum. Each lot is awarded; the award is
    one, of the lots together. SYNTHETIC release."""
    procedure = to_procedure([_release("310050", "2021-03-01", [
        _award("a", "11111111", "Alpha B.V.", 800000, lots=("1", "2"))], lots=("1", "2", "3"))])
    assert [(a["lot_id"], a["value_cents"]) for a in procedure["awards"]] == [("1, 2", 80000000)]
    assert [(lot["lot_id"], lot["awarded"]) for lot in procedure["lots"]] == [("1", 1), ("2", 1), ("3", None)]
    assert [(s["lot_id"], s["name"]) for s in procedure["suppliers"]] == [("1, 2", "Alpha B.V.")]


def test_a_supplier_id_that_lost_its_leading_zero_or_gained_a_decimal_is_the_kvk_number():
    """Reference §6.3 (the supplier id is the Excel row's KvK number, else the name) and §4 (8 digits, a leading
    zero significant, kept as text): a KvK column read as numbers gives 1234567 for 01234567 (a JSON number or
    its text) or "41165432.0"; those winners had no KvK number and were known by name only. A name stays none.
    SYNTHETIC release."""
    procedure = to_procedure([_release("310041", "2021-03-01", [
        _award("a", 1234567, "Stichting Jeugdhulp Noord", 100000), _award("b", "41165432.0", "Gamma", 100000),
        _award("c", "Zorg 24", "Zorg 24", 100000)])])
    assert sorted((s["name"], s["kvk"]) for s in procedure["suppliers"]) == [
        ("Gamma", "41165432"), ("Stichting Jeugdhulp Noord", "01234567"), ("Zorg 24", None)]


def test_dates_written_as_the_excel_writes_them_are_the_same_days():
    """Reference §6.3: the converter writes every date as ``YYYY-MM-DDT00:00:00Z`` from the Excel's dd-mm-yyyy
    (TH checks that ``date`` starts with ``YYYY-MM-DD``). A release, award or contract date left as the Excel
    wrote it ("28-03-2021") was taken as the day "28-03-2021": the publication and award were dated by no
    date (no year), and as text it sorts after "2021-11-23": the older release's title was the current one.
    SYNTHETIC releases."""
    first = _release("310050", "2021-03-28", [_award("a", "11111111", "Alpha B.V.", 100000)])
    first["date"] = "28-03-2021"    # after "2021-11-23" as text
    second = _release("310051", "2021-11-23", [_award("a", "11111111", "Alpha B.V.", 125000)])
    second["awards"][0]["date"] = "20-11-2021"
    second["contracts"] = [{"id": "c", "awardID": "a", "dateSigned": "01/12/2021"}]
    second["tender"]["title"] = "Jeugdhulp (gerectificeerd)"
    procedure = to_procedure([second, first])
    assert procedure["notice"]["title"] == "Jeugdhulp (gerectificeerd)"         # the later release's
    assert (procedure["notice"]["first_date"], procedure["notice"]["last_date"]) == ("2021-03-28", "2021-11-23")
    assert procedure["notice"]["publication_dates"] == {"310050": "2021-03-28", "310051": "2021-11-23"}
    assert [(a["award_date"], a["contract_date"], a["value_cents"]) for a in procedure["awards"]] == [
        ("2021-11-20", "2021-12-01", 12500000)]


def test_a_procedure_the_package_says_was_stopped_has_its_lots_not_awarded():
    """Reference §4 (lot not awarded; whole procedure stopped) in OCDS terms: ``tender.status`` cancelled or
    unsuccessful. Its lots were "not known yet" (awarded NULL, as a tender still running), the package's reason
    dropped with the field. A lot with a winner stays awarded. SYNTHETIC releases."""
    from tenderarchive.awards.ocds_schema import project

    stopped = _release("310070", "2021-03-01", [_award("a", "11111111", "Alpha B.V.", 100000)], lots=("1", "2"))
    stopped["tender"].update(status="cancelled", statusDetails="Besluit van de koper, wegens gewijzigde behoeften")
    procedure = to_procedure([project(stopped)])
    assert [(lot["lot_id"], lot["awarded"], lot["not_awarded_reason"]) for lot in procedure["lots"]] == [
        ("1", 1, None), ("2", 0, "Besluit van de koper, wegens gewijzigde behoeften")]
    nothing = _release("310071", "2021-03-01", [], lots=())
    nothing["tender"]["status"] = "unsuccessful"
    assert [(lot["lot_id"], lot["awarded"]) for lot in to_procedure([project(nothing)])["lots"]] == [("1", 0)]


def test_a_procedures_publications_are_in_number_order_its_first_the_lowest():
    """Reference §6.3 (the release id and the tenderNotice URL carry the publication id): the publication ids
    were sorted as text, so a procedure of 2016 whose tender was publication 99999 and its award 100001 had
    "100001" first, and the procedure's estimate and counts (rows.ocds_results, its first publication) were
    filed under the award notice. SYNTHETIC releases."""
    from tenderarchive.awards.rows import ocds_results
    from tests.fixtures.awards.make_fixtures import release, supplier

    tender = release("ocds-1l04xe-99000", "99999", "2016-03-01", "Jeugdhulp", "85311300-5", lots=[("1", "Jeugdhulp")],
                     awards=(), tag=("tender",), value=2500000)
    award = release("ocds-1l04xe-99000", "100001", "2016-06-01", "Jeugdhulp", "85311300-5", lots=[("1", "Jeugdhulp")],
                    parties=[supplier("11111111", "Stichting Een")], value=2500000,
                    awards=[{"id": "a1", "suppliers": [{"id": "11111111", "name": "Stichting Een"}],
                             "value": {"amount": 2000000, "currency": "EUR"}, "relatedLots": ["1"]}])
    procedure = to_procedure([award, tender])
    assert procedure["notice"]["publication_ids"] == ["99999", "100001"]
    rows = ocds_results(procedure, {})
    assert rows["notice_result"]["publication_id"] == 99999
    assert [entry["award"]["publication_id"] for entry in rows["awards"]] == [100001]


def test_winners_rows_giving_one_value_written_differently_share_it():
    """Reference §6.3 (one release per publication × lot × winner, each repeating the lot's value ``{"amount":
    4000000.0, "currency": "EUR", "hasTax": false}``): whether the winners' rows share one value was decided on the
    value objects as JSON text, so one row's 900000 beside another's 900000.0, or ``"hasTax": false`` beside no
    ``hasTax``, or "EUR" beside "eur", were values of their own: the lot's award lost its value (and with it the
    procedure's and the region's totals) and each winner showed the lot's value as its own tender. The amount in
    cents, the currency and whether it includes VAT decide; a VAT-inclusive row or another amount still differs.
    SYNTHETIC releases."""
    def rows(*values):
        return [_release(f"310003-{n}", "2021-03-01", [dict(_award(f"{n}-0-1", f"{n}1234567", f"Winnaar {n} B.V."),
                                                            value=value)])
                for n, value in enumerate(values, start=1)]
    for values in ([{"amount": 900000, "currency": "EUR"}, {"amount": 900000.0, "currency": "EUR"}],
                   [{"amount": 900000, "currency": "EUR", "hasTax": False}, {"amount": 900000, "currency": "EUR"}],
                   [{"amount": 900000, "currency": "eur"}, {"amount": "900000.00", "currency": "EUR"}]):
        procedure = to_procedure(rows(*values))
        assert [(a["value_cents"], a["winner_count"]) for a in procedure["awards"]] == [(90000000, 2)], values
        assert [s["tender_value_cents"] for s in procedure["suppliers"]] == [None, None], values
    for values in ([{"amount": 900000, "currency": "EUR"}, {"amount": 900000, "currency": "EUR", "hasTax": True}],
                   [{"amount": 900000, "currency": "EUR"}, {"amount": 900000.5, "currency": "EUR"}],
                   [{"amount": 900000, "currency": "EUR"}, {"amount": 900000, "currency": "GBP"}]):
        procedure = to_procedure(rows(*values))
        assert [a["value_cents"] for a in procedure["awards"]] == [None], values


def test_an_award_update_giving_the_new_amount_alone_keeps_the_values_currency_and_vat_basis():
    """OCDS merging (reference §6.3 "merge them: compile by ocid"; §8.8) merges an object field by field: a later
    release updating an award's value with its amount alone (``{"amount": 950000}``, tag awardUpdate) keeps the
    earlier release's currency and ``hasTax``. The award was merged one level deep, so the value lost its currency:
    950.000 pounds became 950.000 euros, counted in the procedure's and region's euro totals, and a value including VAT
    lost its "incl. btw". SYNTHETIC releases."""
    def update(value):
        return dict(_release("300012", "2021-12-01", [{"id": "a1", "value": value}]), tag=["awardUpdate"])

    first = _release("300011", "2021-11-01", [dict(_award("a1", "41165432", "Youth Care London Ltd"), status="active",
                                                   value={"amount": 900000, "currency": "GBP"})])
    procedure = to_procedure([first, update({"amount": 950000})])
    assert [(a["value_cents"], a["value_raw"], a["value_currency"]) for a in procedure["awards"]] == [
        (None, "950000", "GBP")]
    taxed = dict(first, awards=[dict(first["awards"][0], value={"amount": 2178000, "currency": "EUR", "hasTax": True})])
    procedure = to_procedure([taxed, update({"amount": 2299000})])
    assert [(a["value_cents"], a["value_raw"], a["value_currency"]) for a in procedure["awards"]] == [
        (229900000, "2299000 incl. btw", "EUR")]
    # a value given whole replaces the earlier one whole, as before
    procedure = to_procedure([first, update({"amount": 950000, "currency": "EUR"})])
    assert [(a["value_cents"], a["value_currency"]) for a in procedure["awards"]] == [(95000000, "EUR")]


def test_cpv_codes_of_a_package_are_read_in_one_form(tmp_path):
    """A package's ``tender.classification`` and ``items.classification`` ids written ``85311300 - 5`` or without the
    check digit (``85312000``, ``85121270``) were read as written, so the procedure's CPV codes (``notices.cpv_main``)
    did not group with the API's ``85311300-5``. They are read in the API's form; a code whose check digit no shipped
    profile documents stays 8 digits (``79411000``), never given an invented digit."""
    from tests.fixtures.awards.make_fixtures import package, release

    spaced = release("ocds-1l04xe-400011", "400011-a", "2021-05-01T00:00:00Z", "Jeugdhulp Proefstad", "85311300 - 5")
    spaced["tender"]["items"] = [{"id": "1", "classification": {"scheme": "CPV", "id": "85312000"},
                                  "additionalClassifications": [{"scheme": "CPV", "id": "79411000"}]}]
    bare = release("ocds-1l04xe-400012", "400012-a", "2021-05-02T00:00:00Z", "Jeugd-GGZ Proefstad", "85121270")
    path = tmp_path / "Dataset_Tenderned-2021-01-01-2021-12-31.json"
    path.write_text(json.dumps(package([spaced, bare])), encoding="utf-8")
    report = ReadReport(str(path))
    out = {p["notice"]["ocid"]: p["notice"] for p in read_package(path, report=report)}
    assert report.errors == []
    assert out["ocds-1l04xe-400011"]["cpv"] == ["85311300-5", "85312000-9", "79411000"]
    assert out["ocds-1l04xe-400012"]["cpv"] == ["85121270-6"]
    assert any(r.startswith("cpv:85311300-5") for r in out["ocds-1l04xe-400011"]["youth_care_reasons"])


@pytest.mark.parametrize("period, read", [
    ({"durationInDays": 1095}, (None, None, 1095)),
    ({"durationInDays": 1095.0}, (None, None, 1095)),
    ({"durationInDays": " 365 "}, (None, None, 365)),
    ({"startDate": "2022-01-01T00:00:00Z", "endDate": "31-12-2024"}, ("2022-01-01", "2024-12-31", None)),
    ({"durationInDays": -30}, (None, None, None)),
    ({"durationInDays": 10.5}, (None, None, None)),
    ({"durationInDays": True}, (None, None, None)),
    ({"durationInDays": 10 ** 9}, (None, None, None)),
    ({"durationInDays": "drie jaar", "startDate": 20220101}, (None, None, None)),
    ("1095", (None, None, None)),
])
def test_a_contract_period_is_read_as_given_and_a_length_gives_no_end_date(period, read):
    """Reference §6.3 ``"contractPeriod": {"durationInDays": 1095}``: the length as a whole number of days however the
    number is written, the dates as days; a length alone gives no end date, and what is no date or no length is None
    (the release is read all the same: ocds_schema lets the period's fields through in any shape)."""
    from tenderarchive.awards.ocds import contract_period
    from tenderarchive.awards.ocds_schema import release_problem

    assert tuple(contract_period(period).values()) == read
    assert release_problem({"ocid": "x", "id": "1", "date": "2021-01-01", "tender": {"contractPeriod": period}}) is None \
        or not isinstance(period, dict)


@pytest.mark.parametrize("period, read", [
    ({"startDate": "2022-01-01T00:00:00Z", "endDate": "2099-12-31T00:00:00Z"}, ("2022-01-01", None, None)),
    ({"startDate": "31-12-2125", "endDate": "31-12-2024"}, (None, "2024-12-31", None)),
    ({"endDate": "2089-12-31T23:30:00Z", "durationInDays": 1095}, (None, None, 1095)),  # 2090 on Amsterdam's clock
    ({"endDate": "2089-12-31T22:30:00Z"}, (None, "2089-12-31", None)),  # 23:30 on 31 December 2089 there: a date
])
def test_a_placeholder_year_is_no_contract_date_in_a_package_either(period, read):
    """TenderNed's placeholder years (≥ 2090 in Amsterdam, "no real date": tenderned-api.md §4, §12.4) are no date in
    the API's contract dates (``values.contract_day``); an OCDS ``contractPeriod`` kept them, a contract "ending" in
    2099. Now the one rule reads both: no date (None), the length kept."""
    from tenderarchive.awards.ocds import contract_period

    assert tuple(contract_period(period).values()) == read


def test_a_lots_placeholder_end_is_no_date(tmp_path):
    """A lot's own period (the lots extension's ``tender.lots[].contractPeriod``) and the procedure's
    (``tender.contractPeriod``) with a placeholder end (``2099-12-31``): no end on either, the real start kept."""
    from tests.fixtures.awards.make_fixtures import package, release

    one = release("ocds-1l04xe-400031", "400031-a", "2021-05-01T00:00:00Z", "Jeugdhulp Proefstad", "85311300-5",
                  lots=[("1", "Ambulant")])
    one["tender"]["contractPeriod"] = {"startDate": "2021-07-01T00:00:00Z", "endDate": "2099-12-31T00:00:00Z"}
    one["tender"]["lots"][0]["contractPeriod"] = {"startDate": "2021-07-01T00:00:00Z", "endDate": "31-12-2099"}
    path = tmp_path / "Dataset_Tenderned-2021-01-01-2021-12-31.json"
    path.write_text(json.dumps(package([one])), encoding="utf-8")
    report = ReadReport(str(path))
    [procedure] = read_package(path, report=report)
    assert not report.errors, report.errors
    assert (procedure["notice"]["start_date"], procedure["notice"]["end_date"]) == ("2021-07-01", None)
    [lot] = procedure["lots"]
    assert (lot["contract_start"], lot["contract_end"]) == ("2021-07-01", None)


def test_a_winners_own_value_stating_has_tax_says_so_on_its_row():
    """Reference §6.3 (``hasTax`` true: an amount including VAT) and §4 (several winners of a lot, each with a value of
    its own): the winners' own values (the lot's award then has none) were stored without their VAT basis, so one
    given including VAT counted in the totals as if exclusive. Now ``award_suppliers.tender_value_has_tax`` says it as
    ``awards.value_has_tax`` says it of an award's own value: 1 for hasTax true (also written "true"), 0 for false,
    NULL where left out. SYNTHETIC releases of one lot and three winners."""
    values = [{"amount": 121000, "currency": "EUR", "hasTax": True}, {"amount": 100000, "currency": "EUR",
                                                                      "hasTax": False},
              {"amount": 90000, "currency": "EUR"}]
    releases = [_release(f"310031-{n}", "2021-03-01", [dict(_award(f"{n}-0-1", f"{n}1234567", f"Winnaar {n} B.V."),
                                                            value=value)])
                for n, value in enumerate(values, start=1)]
    procedure = to_procedure(releases)
    assert [(a["value_cents"], a["value_has_tax"]) for a in procedure["awards"]] == [(None, None)]
    assert [(s["tender_value_cents"], s["tender_value_raw"], s["tender_value_has_tax"])
            for s in procedure["suppliers"]] == [(12100000, "121000 incl. btw", 1), (10000000, "100000", 0),
                                                  (9000000, "90000", None)]
    # a lot's only award: its winner's row repeats the award's value and its basis
    alone = to_procedure([releases[0]])
    assert [(s["tender_value_cents"], s["tender_value_has_tax"]) for s in alone["suppliers"]] == [(12100000, 1)]
