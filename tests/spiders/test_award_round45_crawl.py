"""Forty-fifth pass over tenderned-awards.md, end to end: SYNTHETIC yearly OCDS packages from the project's loopback
datasets server crawled into a real archive; an update of one award of a lot in the next yearly file, read in one
crawl, in two crawls oldest file first and newest file first, and a reparse of what was archived."""

from __future__ import annotations

import sqlite_utils

from tests.fixtures.awards.make_fixtures import JEUGD, release, supplier
from tests.spiders.test_award_pdf_crawl import assert_reparse_gives_the_same
from tests.spiders.test_awards_crawl import scrapy_ocds
from tests.spiders.test_tenderned_ocds import datasets

OCID = "ocds-1l04xe-314045"


def _archived(db_path) -> tuple:
    db = sqlite_utils.Database(db_path)
    return ([(r["publication_id"], r["current"], r["name"], r["tender_value_cents"]) for r in db.query(
                "select a.publication_id, a.current, s.name, s.tender_value_cents from award_suppliers s "
                "join awards a using (award_id) order by a.publication_id, s.name")],
            [r["gegunde_waarde_cents"] for r in db.query("select * from summary_procurements")])


def test_an_update_of_one_award_of_a_lot_in_the_next_yearly_file_keeps_the_lots_other_winner(serve_api, tmp_path):
    """OCDS merging (awards merge by their ``id``: a release updating award a2 leaves award a1 in force), reference §6.1
    (one file per year) and §6.3 (one ocid in several files, "merge them"), §4 "Several winners on one lot": the 2021
    file awards lot 1 to Stichting Een (a1, € 1.000.000) and Stichting Twee (a2, no value); the 2022 file's publication
    (tag awardUpdate) values a2 at € 500.000 alone. Crawled file by file, in either order, the 2022 update alone gave
    the lot to Twee: Een was no longer a current winner, and Twee's € 500.000 was the lot's whole awarded value. Now
    Een stays a current winner beside Twee, each with its own value, as one file holding both publications gives it,
    in one crawl and file by file in either order; a reparse gives the same."""
    awarded = release(OCID, "300450-a", "2021-11-01", "Jeugdhulp Leiden", JEUGD, lots=[("1", "Ambulant")],
                      parties=[supplier("11111111", "Stichting Een"), supplier("22222222", "Stichting Twee")],
                      awards=[{"id": "a1", "status": "active", "relatedLots": ["1"],
                               "suppliers": [{"id": "11111111", "name": "Stichting Een"}],
                               "value": {"amount": 1000000, "currency": "EUR"}},
                              {"id": "a2", "status": "active", "relatedLots": ["1"],
                               "suppliers": [{"id": "22222222", "name": "Stichting Twee"}]}])
    update = release(OCID, "300451-a", "2022-02-01", "Jeugdhulp Leiden", JEUGD, lots=[("1", "Ambulant")],
                     tag=("awardUpdate",), awards=[{"id": "a2", "relatedLots": ["1"],
                                                    "value": {"amount": 500000, "currency": "EUR"}}])
    server = serve_api([], datasets=datasets(tmp_path / "ds", {"2021": [awarded], "2022": [update]}))

    both = tmp_path / "both.db"
    done = scrapy_ocds(both, server.datasets_url)
    assert done.returncode == 0, done.stderr[-3000:]
    expected = _archived(both)
    # (the lot's winners have values of their own: the award has none, as the /html reader keeps them; the
    # procurement's awarded value counts the winners' own values, each once: € 1.000.000 + € 500.000, round 46)
    assert expected[1] == [150000000], expected
    assert expected[0] == [(300450, 0, "Stichting Een", 100000000), (300450, 0, "Stichting Twee", None),
                           (300451, 1, "Stichting Een", 100000000), (300451, 1, "Stichting Twee", 50000000)], expected

    for name, periods in (("oldest_first", ("2021", "2022")), ("newest_first", ("2022", "2021"))):
        path = tmp_path / f"{name}.db"
        for year in periods:
            done = scrapy_ocds(path, server.datasets_url, "-a", f"from_date={year}-01-01", "-a",
                               f"until_date={year}-12-31")
            assert done.returncode == 0, done.stderr[-3000:]
        assert _archived(path) == expected, name
    assert_reparse_gives_the_same(tmp_path / "newest_first.db")
