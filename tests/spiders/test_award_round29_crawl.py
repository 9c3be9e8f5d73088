"""Twenty-ninth pass over tenderned-awards.md, end to end: SYNTHETIC OCDS packages crawled from the loopback servers
into a real archive, and what the procurement shows of them."""

from __future__ import annotations

import sqlite_utils

from tests.fixtures.awards.make_fixtures import JEUGD, release, supplier
from tests.spiders.test_awards_crawl import scrapy_ocds
from tests.spiders.test_tenderned_ocds import datasets


def test_a_tender_amendment_is_a_rectification_of_the_contract_notice_on_the_procedure_s_timeline(serve_api, tmp_path):
    """Reference §6.3 (one ocid, several publications: "merge them") with OCDS's releaseTag ``tenderAmendment`` ("an
    amendment to an existing tender", its ``tender.amendments``) and §4/§5 (a rectification, REC, under the
    procedure's kenmerk): the package gives the tender (tag ``tender``), then a publication amending it (tag
    ``tenderAmendment`` alone: the closing date moved, the estimate raised), then the award. The amendment was a
    "Publicatie (OCDS-dataset)" of no type and no stage, so the changes list had no rectification and the timeline
    no correction of the contract notice. It is a rectification (REC, "Rectificatie aankondiging") at `aankondiging`,
    as the API's rectification of a contract notice; it gives no award, and the award stays the award notice's."""
    lots = [("1", "Ambulante jeugdhulp")]
    tender = release("ocds-1l04xe-313991", "299910-a", "2021-01-10", "Jeugdhulp Leiden 2022", JEUGD, lots=lots,
                     value=1000000, tag=("tender",))
    amended = release("ocds-1l04xe-313991", "299911-a", "2021-02-01", "Jeugdhulp Leiden 2022", JEUGD, lots=lots,
                      value=1200000, tag=("tenderAmendment",))
    amended["tender"]["amendments"] = [{"id": "1", "date": "2021-02-01T00:00:00Z",
                                        "description": "Sluitingsdatum verschoven naar 1 maart 2021",
                                        "rationale": "Vragen in de nota van inlichtingen"}]
    awarded = release("ocds-1l04xe-313991", "299912-a", "2021-06-01", "Jeugdhulp Leiden 2022", JEUGD, lots=lots,
                      value=1200000, parties=[supplier("41165432", "Stichting Jeugdhulp Leiden")],
                      awards=[{"id": "a1", "status": "active", "relatedLots": ["1"], "date": "2021-05-20T00:00:00Z",
                               "suppliers": [{"id": "41165432", "name": "Stichting Jeugdhulp Leiden"}],
                               "value": {"amount": 1100000, "currency": "EUR"}}])
    server = serve_api([], datasets=datasets(tmp_path / "ds", {"2021": [tender, amended, awarded]}))
    db_path = tmp_path / "archive.db"
    backfill = scrapy_ocds(db_path, server.datasets_url)
    assert backfill.returncode == 0, backfill.stderr[-3000:]
    db = sqlite_utils.Database(db_path)
    assert [(r["publication_id"], r["notice_type"], r["notice_type_label"]) for r in db.query(
        "select * from notices order by publication_id")] == [
        (299910, None, "Publicatie (OCDS-dataset)"), (299911, "REC", "Rectificatie aankondiging (OCDS-dataset)"),
        (299912, "AGO", "Gunning (OCDS-dataset)")]
    assert [(r["source_id"], r["kind"], r["stage"]) for r in db.query(
        "select * from events where source_type = 'notice' order by date")] == [
        ("299910", "publication", None), ("299911", "rectification", "aankondiging"),
        ("299912", "award", "definitieve_gunning")]
    assert [(r["publication_id"], r["value_cents"], r["award_date"], r["current"]) for r in db.query(
        "select * from awards")] == [(299912, 110000000, "2021-05-20", 1)]
    # the changes list names the amendment a rectification (its row, from the notices, as the saved search reads it)
    assert [r["publication_id"] for r in db.query("select publication_id from notices where notice_type = 'REC'")] \
        == [299911]
