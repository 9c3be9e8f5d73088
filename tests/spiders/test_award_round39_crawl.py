"""Thirty-ninth pass over tenderned-awards.md, end to end: SYNTHETIC award notices (eForms and the older standard form)
crawled from the project's loopback API, and a SYNTHETIC yearly OCDS package from its loopback datasets server, into a
real archive; what the archive's awards and totals hold of values printed with and without VAT and of winners' rows
repeating one value written differently, and a reparse of what was archived."""

from __future__ import annotations

import sqlite_utils

from tests.fixtures.awards.make_fixtures import JEUGD, h1, h2, h3, only, release, row, supplier, table, winner
from tests.spiders.test_award_pdf_crawl import assert_reparse_gives_the_same
from tests.spiders.test_award_round30_crawl import leiden
from tests.spiders.test_award_round38_crawl import _standard_notice
from tests.spiders.test_awards_crawl import scrapy_ocds
from tests.spiders.test_tenderned_ocds import datasets


def _eforms_notice() -> str:
    """SYNTHETIC eForms award notice (newer labels, reference §2.2): lot 1's winner's tender value printed exclusive of
    VAT and then inclusive of it in the one value span."""
    return table([
        h1("1. Koper"), row("Officiële naam", "Gemeente Leiden"),
        h1("2. Procedure"), row("Titel", "Jeugdhulp Leiden"),
        h1("6. Resultaten"),
        h2("6.1", "ID resultaat perceel", "LOT-0001"), only("Er is ten minste één winnaar gekozen."),
        h3("6.1.2 Informatie over winnaars"),
        *winner("Stichting Jeugdhulp Leiden", "LOT-0001", "1.800.000 exclusief btw, 2.178.000 inclusief btw"),
    ])


def test_a_value_printed_with_and_without_vat_is_archived_without_it(serve_api, crawl):
    """Reference §2.3 (BT-720, the winner's tender value) and §3.1 (V.2.4 "Inlichtingen over de waarde van de
    opdracht/het perceel (exclusief btw)"): the archive's values are exclusive of VAT. An older-form V.2.4 printing
    "2.178.000 incl. BTW (1.800.000 excl. BTW)" was archived at € 2.178.000, the VAT-inclusive amount, in the
    procedure's and the region's totals; an eForms value "1.800.000 exclusief btw, 2.178.000 inclusief btw" was
    archived at the right amount with a problem saying it included VAT. Both are € 1.800.000, printed text kept, the
    note saying both were printed; a reparse gives the same."""
    standard = _standard_notice().replace("Totale waarde van de opdracht/het perceel: 1 800 000,00",
                                          "Totale waarde van de opdracht/het perceel: 2.178.000 incl. BTW "
                                          "(1.800.000 excl. BTW)").replace("Munt: USD", "Munt: EUR")
    done = crawl(serve_api([leiden(976312, 976311, "2024-05-20", _eforms_notice()),
                            leiden(976322, 976321, "2024-05-21", standard)]).api_url,
                 from_date="2024-05-01", until_date="2024-05-31")
    assert done.crawl["status"] == "complete", done.errors
    db = done.db
    assert sorted((r["procurement_id"], r["value_cents"], r["value_raw"], r["value_currency"])
                  for r in db.query("select * from awards")) == [
        ("TN976311", 180000000, "1.800.000 exclusief btw, 2.178.000 inclusief btw", "EUR"),
        ("TN976321", 180000000, "2.178.000 incl. BTW (1.800.000 excl. BTW)", "EUR")]
    for result in db.query("select publication_id, problems from notice_results"):
        assert "includes VAT" not in (result["problems"] or ""), result
        assert "exclusive and inclusive of VAT" in (result["problems"] or ""), result
    assert sorted((r["procurement_id"], r["gegunde_waarde_cents"]) for r in db.query(
        "select * from summary_procurements")) == [("TN976311", 180000000), ("TN976321", 180000000)]
    assert_reparse_gives_the_same(done.db_path)


def test_winners_rows_repeating_one_value_written_differently_keep_the_lots_value(serve_api, tmp_path):
    """Reference §6.3: TenderNed's converter writes one release per publication × lot × winner, each repeating the lot's
    value (``{"amount": 4000000.0, "currency": "EUR", "hasTax": false}``). Lot 1's two winners' rows give € 900.000 as
    900000 and as 900000.0 (read by ijson as two Decimals), lot 2's with ``"hasTax": false`` and without ``hasTax``:
    compared as JSON text they were values of their own, so each lot's award had no value, the procedure no awarded
    value and each winner the lot's value as its own tender. Each lot's award has its value once; a reparse gives the
    same."""
    lots = [("1", "Ambulant"), ("2", "Verblijf")]
    ocid = "ocds-1l04xe-314039"

    def row_of(rid, sid, name, lot, value):
        return release(ocid, rid, "2021-11-01", "Jeugdhulp Leiden", JEUGD, lots=lots, parties=[supplier(sid, name)],
                       awards=[{"id": f"{sid}-0-{lot}", "status": "active", "relatedLots": [lot],
                                "suppliers": [{"id": sid, "name": name}], "value": value}])
    releases = [row_of("300390-a", "41165432", "Stichting Jeugdhulp Leiden", "1", {"amount": 900000, "currency": "EUR"}),
                row_of("300390-b", "12345678", "Zorggroep Rijnland B.V.", "1", {"amount": 900000.0, "currency": "EUR"}),
                row_of("300390-c", "41165432", "Stichting Jeugdhulp Leiden", "2",
                       {"amount": 700000, "currency": "EUR", "hasTax": False}),
                row_of("300390-d", "23456789", "Jeugdzorg Holland B.V.", "2", {"amount": 700000, "currency": "EUR"})]
    folder = tmp_path / "ds"
    server = serve_api([], datasets=datasets(folder, {"2021": releases}))
    written = next((folder / "files" / "2026-07").glob("*.json")).read_text(encoding="utf-8")
    assert '"amount": 900000,' in written and '"amount": 900000.0,' in written  # as the package writes them
    db_path = tmp_path / "archive.db"
    done = scrapy_ocds(db_path, server.datasets_url, "-a", "from_date=2021-01-01", "-a", "until_date=2021-12-31")
    assert done.returncode == 0, done.stderr[-3000:]
    db = sqlite_utils.Database(db_path)
    assert sorted((r["lot_id"], r["value_cents"], r["winner_count"]) for r in db.query("select * from awards")) == [
        ("1", 90000000, 2), ("2", 70000000, 2)]
    assert {r["tender_value_cents"] for r in db.query("select * from award_suppliers")} == {None}
    assert [r["gegunde_waarde_cents"] for r in db.query("select * from summary_procurements")] == [160000000]
    assert_reparse_gives_the_same(db_path)


def test_an_award_update_giving_the_amount_alone_keeps_its_currency(serve_api, tmp_path):
    """Reference §6.3 (one ocid spread over a file, "merge them: compile by ocid") and OCDS merging (an object merges
    field by field): the 2021 file awards lot 1 to Youth Care London Ltd for 900.000 pounds in one publication and
    updates the award's value with its amount alone (``{"amount": 950000}``, tag awardUpdate) in a later one. The
    merged value lost its currency, so the archive counted 950.000 euros in the procedure's awarded value. It stays
    in pounds, outside the euro totals; a reparse gives the same."""
    lots = [("1", "Ambulant")]
    ocid = "ocds-1l04xe-314139"
    awarded = release(ocid, "300391-a", "2021-11-01", "Jeugdhulp Leiden", JEUGD, lots=lots,
                      parties=[dict(supplier("GB12345678", "Youth Care London Ltd", "London"),
                                    address={"locality": "London", "countryName": "Verenigd Koninkrijk"})],
                      awards=[{"id": "a1", "status": "active", "relatedLots": ["1"],
                               "suppliers": [{"id": "GB12345678", "name": "Youth Care London Ltd"}],
                               "value": {"amount": 900000, "currency": "GBP"}}])
    updated = release(ocid, "300392-a", "2021-12-01", "Jeugdhulp Leiden", JEUGD, lots=lots, tag=("awardUpdate",),
                      awards=[{"id": "a1", "value": {"amount": 950000}}])
    server = serve_api([], datasets=datasets(tmp_path / "ds", {"2021": [awarded, updated]}))
    db_path = tmp_path / "archive.db"
    done = scrapy_ocds(db_path, server.datasets_url, "-a", "from_date=2021-01-01", "-a", "until_date=2021-12-31")
    assert done.returncode == 0, done.stderr[-3000:]
    db = sqlite_utils.Database(db_path)
    assert [(r["lot_id"], r["value_cents"], r["value_raw"], r["value_currency"])
            for r in db.query("select * from awards")] == [("1", None, "950000", "GBP")]
    assert [r["name"] for r in db.query("select * from award_suppliers")] == ["Youth Care London Ltd"]
    assert [r["gegunde_waarde_cents"] for r in db.query("select * from summary_procurements")] in ([None], [0])
    assert_reparse_gives_the_same(db_path)


def test_an_award_update_in_the_next_yearly_file_giving_the_amount_alone_keeps_its_currency(serve_api, tmp_path):
    """Reference §6.1/§6.3 (one file per year; one ocid in several files, "merge them") and OCDS merging: the 2021
    file awards lot 1 for 900.000 pounds, the 2022 file updates the award's value with its amount alone. Each file is
    merged on its own and the archive joins them: the 2022 value, naming no currency, was taken for the euro and
    950.000 euros counted, whether the files were read in one crawl or the later one first. It stays in pounds."""
    lots = [("1", "Ambulant")]
    ocid = "ocds-1l04xe-314239"
    awarded = release(ocid, "300393-a", "2021-11-01", "Jeugdhulp Leiden", JEUGD, lots=lots,
                      parties=[supplier("GB12345678", "Youth Care London Ltd", "London")],
                      awards=[{"id": "a1", "status": "active", "relatedLots": ["1"],
                               "suppliers": [{"id": "GB12345678", "name": "Youth Care London Ltd"}],
                               "value": {"amount": 900000, "currency": "GBP"}}])
    updated = release(ocid, "300394-a", "2022-02-01", "Jeugdhulp Leiden", JEUGD, lots=lots, tag=("awardUpdate",),
                      awards=[{"id": "a1", "value": {"amount": 950000}}])
    server = serve_api([], datasets=datasets(tmp_path / "ds", {"2021": [awarded], "2022": [updated]}))
    for name, windows in (("one", [["-a", "from_date=2021-01-01", "-a", "until_date=2022-12-31"]]),
                          ("later_first", [["-a", "from_date=2022-01-01"],
                                           ["-a", "from_date=2021-01-01", "-a", "until_date=2021-12-31"]])):
        db_path = tmp_path / f"{name}.db"
        for window in windows:
            done = scrapy_ocds(db_path, server.datasets_url, *window)
            assert done.returncode == 0, done.stderr[-3000:]
        db = sqlite_utils.Database(db_path)
        assert [(r["lot_id"], r["value_cents"], r["value_raw"], r["value_currency"])
                for r in db.query("select * from awards")] == [("1", None, "950000", "GBP")], name
        assert [r["name"] for r in db.query("select * from award_suppliers")] == ["Youth Care London Ltd"], name
        assert_reparse_gives_the_same(db_path)


def test_an_open_house_in_pounds_repeating_the_lots_value_is_one_award(serve_api, crawl):
    """Reference §3.1 (one "Afdeling V" block per contract, "Munt: …" after the value) and §4 (many winners on one lot;
    "Currencies"): three contracts each repeating the lot's "800 000,00" with "Munt: GBP" were three awards of the lot,
    the procedure and its region counting three gunningen; in euros they were one. One award in pounds with its three
    winners; a reparse gives the same."""
    from tests.awards.test_html_standard import _open_house_contract

    names = ["Youth Care London Ltd", "Family Care Ltd", "Kent Care Ltd"]
    html = ('<div id="publicatie"><h3 class="section-header-1">Afdeling I: <span>Aanbestedende dienst</span></h3>'
            + "".join(_open_house_contract(i + 1, name, "800 000,00", f"0{i + 1}/03/2022")
                      + '<p class="subsection-content">Munt: GBP</p>' for i, name in enumerate(names))
            + '<h3 class="section-header-1">Afdeling VI: <span>Aanvullende inlichtingen</span></h3></div>')
    done = crawl(serve_api([leiden(976332, 976331, "2022-04-20", html)]).api_url, from_date="2022-04-01",
                 until_date="2022-04-30")
    assert done.crawl["status"] == "complete", done.errors
    db = done.db
    assert [(r["lot_id"], r["value_cents"], r["value_raw"], r["value_currency"], r["winner_count"])
            for r in db.query("select * from awards")] == [("1", None, "800 000,00", "GBP", 3)]
    assert sorted(r["name"] for r in db.query("select * from award_suppliers")) == sorted(names)
    assert [(r["gunningen"], r["aantal_winnaars"], r["gegunde_waarde_cents"])
            for r in db.query("select * from summary_procurements")] == [(1, 3, None)]
    assert_reparse_gives_the_same(done.db_path)
