"""Award crawls of round 34 (SYNTHETIC packages, tests/fixtures/awards/make_fixtures.py): a real loopback crawl of the
project's OCDS server, two yearly files, and a reparse of what it archived."""

from __future__ import annotations

import pytest
import sqlite_utils

from tests.fixtures.awards.make_fixtures import JEUGD, release, supplier
from tests.spiders.test_award_pdf_crawl import assert_reparse_gives_the_same
from tests.spiders.test_awards_crawl import scrapy_ocds
from tests.spiders.test_tenderned_ocds import datasets


@pytest.mark.parametrize("windows", [
    [[]],  # one crawl of both files
    [["-a", "from_date=2022-01-01"], ["-a", "from_date=2021-01-01", "-a", "until_date=2021-12-31"]],  # 2022's first
], ids=["one_crawl", "later_file_first"])
def test_a_tender_update_is_a_rectification_and_a_later_file_s_update_repeating_the_award_leaves_the_award_as_it_was(
        serve_api, tmp_path, windows):
    """Reference §4 ("Rectified award": a later publication, REC, under the procedure's kenmerk) and §6.3 (one ocid,
    several publications and files: "merge them") with OCDS's releaseTag ``tenderUpdate`` ("an update to an existing
    tender release": the contract notice corrected): the 2021 file gives the tender, its correction (tag
    ``tenderUpdate`` alone: the closing date moved) and the award of December 2021; the 2022 file a publication tagged
    ``tenderUpdate`` that, as releases giving the whole state do, repeats the award (the tender closed). The
    correction was a "Publicatie (OCDS-dataset)" of no type and no stage, and the repeat an award notice whose day
    was the award's date: the award moved to 2022 and to the repeat's notice. Both are rectifications of the contract
    notice (REC, "Rectificatie aankondiging", `aankondiging`); the award stays the December 2021 award notice's,
    whichever file is crawled first (one crawl, or the 2022 file's crawl before the 2021 file's), and a reparse gives
    the same."""
    lots = [("1", "Ambulante jeugdhulp")]
    winner = {"id": "a1", "status": "active", "relatedLots": ["1"],
              "suppliers": [{"id": "41165432", "name": "Stichting Jeugdhulp Leiden"}],
              "value": {"amount": 1100000, "currency": "EUR"}}
    parties = [supplier("41165432", "Stichting Jeugdhulp Leiden")]
    tender = release("ocds-1l04xe-313998", "299980-a", "2021-01-10", "Jeugdhulp Leiden 2022", JEUGD, lots=lots,
                     value=1000000, tag=("tender",))
    corrected = release("ocds-1l04xe-313998", "299981-a", "2021-02-01", "Jeugdhulp Leiden 2022", JEUGD, lots=lots,
                        value=1000000, tag=("tenderUpdate",))
    corrected["tender"]["tenderPeriod"] = {"endDate": "2021-03-01T12:00:00Z"}
    awarded = release("ocds-1l04xe-313998", "299982-a", "2021-12-01", "Jeugdhulp Leiden 2022", JEUGD, lots=lots,
                      value=1000000, parties=parties, awards=[winner])
    repeated = release("ocds-1l04xe-313998", "299983-a", "2022-02-01", "Jeugdhulp Leiden 2022", JEUGD, lots=lots,
                       value=1000000, parties=parties, awards=[winner], tag=("tenderUpdate",))
    repeated["tender"]["status"] = "complete"
    server = serve_api([], datasets=datasets(tmp_path / "ds", {"2021": [tender, corrected, awarded],
                                                               "2022": [repeated]}))
    db_path = tmp_path / "archive.db"
    for window in windows:
        done = scrapy_ocds(db_path, server.datasets_url, *window)
        assert done.returncode == 0, done.stderr[-3000:]
    db = sqlite_utils.Database(db_path)
    assert [(r["publication_id"], r["notice_type"], r["notice_type_label"]) for r in db.query(
        "select * from notices order by publication_id")] == [
        (299980, None, "Publicatie (OCDS-dataset)"), (299981, "REC", "Rectificatie aankondiging (OCDS-dataset)"),
        (299982, "AGO", "Gunning (OCDS-dataset)"), (299983, "REC", "Rectificatie aankondiging (OCDS-dataset)")]
    assert [(r["source_id"], r["kind"], r["stage"]) for r in db.query(
        "select * from events where source_type = 'notice' order by date")] == [
        ("299980", "publication", None), ("299981", "rectification", "aankondiging"),
        ("299982", "award", "definitieve_gunning"), ("299983", "rectification", "aankondiging")]
    assert [(r["publication_id"], r["value_cents"], r["award_date"], r["year"], r["current"], r["source_file"])
            for r in db.query("select * from awards")] == [
        (299982, 110000000, "2021-12-01", 2021, 1, "Dataset_Tenderned-2021-01-01-2021-12-31.json")]
    assert [(r["lot_id"], r["name"], r["kvk"], r["award_date"]) for r in db.query("select * from award_suppliers")] \
        == [("1", "Stichting Jeugdhulp Leiden", "41165432", "2021-12-01")]
    assert_reparse_gives_the_same(db_path)
