"""Fortieth pass over tenderned-awards.md, end to end: SYNTHETIC yearly OCDS packages from the project's loopback
datasets server crawled into a real archive; one publication repeated in two yearly files with different dates, read
in one crawl and in two crawls newest file first, and a reparse of what was archived."""

from __future__ import annotations

import sqlite_utils

from tests.fixtures.awards.make_fixtures import JEUGD, release, supplier
from tests.spiders.test_award_pdf_crawl import assert_reparse_gives_the_same
from tests.spiders.test_awards_crawl import scrapy_ocds
from tests.spiders.test_tenderned_ocds import datasets

OCID = "ocds-1l04xe-314040"


def _version(release_id: str, day: str, title: str, amount: int, lot_2_awarded: bool) -> dict:
    """SYNTHETIC release of publication 300400 (reference §6.3, OCPC's id ``<Id publicatie>-<hash of the row>``): lot 1
    awarded to Stichting Jeugdhulp Leiden, lot 2 to Zorggroep Rijnland B.V. or to nobody."""
    awards = [{"id": "41165432-0-1", "status": "active", "relatedLots": ["1"],
               "suppliers": [{"id": "41165432", "name": "Stichting Jeugdhulp Leiden"}],
               "value": {"amount": amount, "currency": "EUR"}}]
    parties = [supplier("41165432", "Stichting Jeugdhulp Leiden")]
    if lot_2_awarded:
        awards.append({"id": "12345678-0-2", "status": "active", "relatedLots": ["2"],
                       "suppliers": [{"id": "12345678", "name": "Zorggroep Rijnland B.V."}],
                       "value": {"amount": 300000, "currency": "EUR"}})
        parties.append(supplier("12345678", "Zorggroep Rijnland B.V."))
    return release(OCID, release_id, day, "Jeugdhulp Leiden", JEUGD, lots=[("1", title), ("2", "Verblijf")],
                   parties=parties, awards=awards)


def _archived(db_path) -> tuple:
    db = sqlite_utils.Database(db_path)
    return ([(r["publication_id"], r["published"]) for r in db.query("select * from notices")],
            [(r["lot_id"], r["title"]) for r in db.query("select * from lots order by lot_id")],
            [(r["lot_id"], r["publication_id"], r["value_cents"], r["current"]) for r in db.query("select * from awards")],
            [r["name"] for r in db.query("select * from award_suppliers")],
            [r["gegunde_waarde_cents"] for r in db.query("select * from summary_procurements")])


def test_a_publication_repeated_in_the_next_yearly_file_with_a_later_date_is_that_files_version(serve_api, tmp_path):
    """Reference §6.1 (one file per year or half year, updated every half year) and §6.3 (a procedure is several
    releases with one ocid, "merge them"; a release's ``date`` the publication's) with §4 "Rectified award" (the current
    values are the latest version's): the 2022 file repeats publication 300400 of the 2021 file, dated later, with lot
    1 retitled, its award's value corrected from € 1.000.000 to € 1.200.000 and lot 2's award (Zorggroep Rijnland
    B.V., € 300.000) no longer given. Crawled newest file first (a backfill of 2022, then of 2021), the 2021 release,
    read last, put back the old value, title and date; in either order lot 2's award stayed, in the procedure's awarded
    value too. The later release stands, as it does when one crawl reads both files; a reparse gives the same."""
    files = {"2021": [_version("300400-1a", "2021-11-01", "Ambulant", 1000000, True)],
             "2022": [_version("300400-2b", "2022-02-01", "Ambulant (gecorrigeerd)", 1200000, False)]}
    server = serve_api([], datasets=datasets(tmp_path / "ds", files))
    expected = ([(300400, "2022-02-01")], [("1", "Ambulant (gecorrigeerd)"), ("2", "Verblijf")],
                [("1", 300400, 120000000, 1)], ["Stichting Jeugdhulp Leiden"], [120000000])

    both = tmp_path / "both.db"
    done = scrapy_ocds(both, server.datasets_url)
    assert done.returncode == 0, done.stderr[-3000:]
    assert _archived(both) == expected

    newest_first = tmp_path / "newest_first.db"
    for period in (("from_date=2022-01-01", "until_date=2022-12-31"), ("from_date=2021-01-01", "until_date=2021-12-31")):
        done = scrapy_ocds(newest_first, server.datasets_url, "-a", period[0], "-a", period[1])
        assert done.returncode == 0, done.stderr[-3000:]
    assert _archived(newest_first) == expected
    assert_reparse_gives_the_same(newest_first)
