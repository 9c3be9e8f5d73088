"""Award crawls of round 33 (SYNTHETIC packages, tests/fixtures/awards/make_fixtures.py): two real loopback crawls of
the project's OCDS server, one per yearly file."""

from __future__ import annotations

import sqlite_utils

from tests.fixtures.awards.make_fixtures import JEUGD, release, supplier
from tests.spiders.test_award_pdf_crawl import assert_reparse_gives_the_same
from tests.spiders.test_awards_crawl import scrapy_ocds
from tests.spiders.test_tenderned_ocds import datasets


def test_a_later_crawl_s_award_naming_its_supplier_by_id_only_keeps_the_winner_an_earlier_crawl_s_file_named(
        serve_api, tmp_path):
    """Reference §6.3 (one ocid in several files, "merge them"; the supplier id is the KvK number, or another id;
    ``parties[]`` holds the supplier's name and address, the award's ``suppliers[]`` an (id, name) pair) and OCDS
    merging (a release names an organisation by its id; the party is where its name is): a crawl of 2021 reads
    the award proposed (``pending``) with its two winners and their parties; a later crawl of 2022 (``from_date``
    outside 2021) reads the awards in force, naming each winner by its id alone, the 2022 file without their
    parties. The pending winners were carried within one crawl only: the later crawl archived the Dutch winner as
    a KvK number without a name and dropped the Belgian one (no name, no KvK number). Both are the winners the
    2021 file's parties name, with the file they were read from as evidence."""
    lots = [("1", "Ambulant"), ("2", "Verblijf")]
    parties = [supplier("41165432", "Stichting Jeugdhulp Leiden"),
               dict(supplier("BE0123456789", "Jeugdzorg Vlaanderen vzw", "Gent"),
                    address={"locality": "Gent", "countryName": "België"})]
    proposed = release("ocds-1l04xe-313996", "299960-a", "2021-11-01", "Jeugdhulp Leiden", JEUGD, lots=lots,
                       parties=parties, awards=[
                           {"id": "a1", "status": "pending", "relatedLots": ["1"],
                            "suppliers": [{"id": "41165432", "name": "Stichting Jeugdhulp Leiden"}]},
                           {"id": "a2", "status": "pending", "relatedLots": ["2"],
                            "suppliers": [{"id": "BE0123456789", "name": "Jeugdzorg Vlaanderen vzw"}]}])
    in_force = release("ocds-1l04xe-313996", "299961-a", "2022-02-01", "Jeugdhulp Leiden", JEUGD, lots=lots,
                       tag=("awardUpdate",), awards=[
                           {"id": "a1", "status": "active", "relatedLots": ["1"], "suppliers": [{"id": "41165432"}],
                            "value": {"amount": 900000, "currency": "EUR"}},
                           {"id": "a2", "status": "active", "relatedLots": ["2"], "suppliers": [{"id": "BE0123456789"}],
                            "value": {"amount": 400000, "currency": "EUR"}}])
    server = serve_api([], datasets=datasets(tmp_path / "ds", {"2021": [proposed], "2022": [in_force]}))
    db_path = tmp_path / "archive.db"
    for window in (["-a", "from_date=2021-01-01", "-a", "until_date=2021-12-31"], ["-a", "from_date=2022-01-01"]):
        done = scrapy_ocds(db_path, server.datasets_url, *window)
        assert done.returncode == 0, done.stderr[-3000:]
    db = sqlite_utils.Database(db_path)
    assert sorted((r["lot_id"], r["value_cents"], r["winner_count"]) for r in db.query("select * from awards")) == [
        ("1", 90000000, 1), ("2", 40000000, 1)]
    assert sorted((r["lot_id"], r["name"], r["kvk"], r["place"], r["country"]) for r in db.query(
        "select * from award_suppliers")) == [
        ("1", "Stichting Jeugdhulp Leiden", "41165432", "Leiden", "Nederland"),
        ("2", "Jeugdzorg Vlaanderen vzw", None, "Gent", "België")]
    # the evidence: the party that named each winner, its file and release
    assert sorted(r["party_source"] for r in db.query("select * from award_suppliers")) == [
        f"party {sid} of Dataset_Tenderned-2021-01-01-2021-12-31.json, release 299960-a"
        for sid in ("41165432", "BE0123456789")]
    assert [r["awarded"] for r in db.query("select awarded from lots order by lot_id")] == [1, 1]
    assert_reparse_gives_the_same(db_path)


def test_a_later_crawl_s_award_in_force_naming_no_supplier_keeps_the_winners_an_earlier_crawl_s_pending_award_named(
        serve_api, tmp_path):
    """OCDS awardStatus (``pending``, then ``active``) and reference §6.3 (one ocid in several files, "merge them"):
    the 2021 file, read by a crawl of 2021, gives the award proposed with its two winners (a consortium); the 2022
    file, read by a later crawl (``from_date`` 2022), the award in force with its value and no supplier. Within one
    crawl the pending winners are carried to the later file; across two crawls the award was archived without a
    winner. Its winners are the parties the 2021 file's award named, with that file as evidence; crawling 2022
    again and reparsing change nothing."""
    parties = [supplier("41165432", "Stichting Jeugdhulp Leiden"), supplier("52345678", "Kindzorg Rijnland B.V.")]
    proposed = release("ocds-1l04xe-313997", "299970-a", "2021-11-01", "Jeugdhulp Leiden", JEUGD, lots=[("1", "Ambulant")],
                       parties=parties, awards=[{"id": "a1", "status": "pending", "relatedLots": ["1"], "suppliers": [
                           {"id": "41165432", "name": "Stichting Jeugdhulp Leiden"},
                           {"id": "52345678", "name": "Kindzorg Rijnland B.V."}]}])
    in_force = release("ocds-1l04xe-313997", "299971-a", "2022-02-01", "Jeugdhulp Leiden", JEUGD, lots=[("1", "Ambulant")],
                       tag=("awardUpdate",), awards=[{"id": "a1", "status": "active", "relatedLots": ["1"],
                                                      "value": {"amount": 900000, "currency": "EUR"}}])
    server = serve_api([], datasets=datasets(tmp_path / "ds", {"2021": [proposed], "2022": [in_force]}))
    db_path = tmp_path / "archive.db"
    for window in (["-a", "from_date=2021-01-01", "-a", "until_date=2021-12-31"], ["-a", "from_date=2022-01-01"],
                   ["-a", "from_date=2022-01-01"]):
        done = scrapy_ocds(db_path, server.datasets_url, *window)
        assert done.returncode == 0, done.stderr[-3000:]
        db = sqlite_utils.Database(db_path)
        if "until_date=2021-12-31" in window:
            assert not list(db.query("select * from award_suppliers"))  # proposed: no winner yet
            continue
        assert [(r["value_cents"], r["winner_count"]) for r in db.query("select * from awards")] == [(90000000, 2)]
        assert sorted((r["name"], r["kvk"], r["group_member"], r["party_source"]) for r in db.query(
            "select * from award_suppliers")) == [
            (name, kvk, 1, f"party {kvk} of Dataset_Tenderned-2021-01-01-2021-12-31.json, release 299970-a (award a1)")
            for name, kvk in (("Kindzorg Rijnland B.V.", "52345678"), ("Stichting Jeugdhulp Leiden", "41165432"))]
    assert_reparse_gives_the_same(db_path)
