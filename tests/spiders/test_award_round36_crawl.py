"""Thirty-sixth pass over tenderned-awards.md, end to end: SYNTHETIC yearly OCDS packages (tests/fixtures/awards/
make_fixtures.py) crawled from the project's loopback datasets server into a real archive, one crawl per yearly file,
the later file first; what the archive and Datasette show of them, and a reparse of what was archived."""

from __future__ import annotations

import sqlite_utils

from tests.fixtures.awards.make_fixtures import JEUGD, release, supplier
from tests.spiders.test_award_pdf_crawl import assert_reparse_gives_the_same
from tests.spiders.test_awards_crawl import scrapy_ocds
from tests.spiders.test_tenderned_ocds import datasets

FILE_2021 = "Dataset_Tenderned-2021-01-01-2021-12-31.json"


def test_a_foreign_co_winner_named_by_id_alone_in_the_later_file_crawled_first_is_named_by_the_earlier_file(
        serve_api, tmp_path):
    """Reference §4 (several winners per lot; a Dutch winner's KvK number, "foreign winners have other ids") and §6.3
    (one ocid in several files, "merge them"; ``parties[]`` holds each supplier's name and address; TDS takes a KvK
    number only from an 8-digit supplier id): the 2021 file gives lot 1's award to two winners with their parties,
    Stichting Jeugdhulp Leiden (KvK 41165432) and the Belgian Jeugdzorg Vlaanderen vzw (BE0123456789); the 2022 file
    the award in force with its value, naming both by id alone. Crawled 2022 first and 2021 after, the archive kept
    the Dutch winner (by its KvK number, named once 2021 was read) and lost the Belgian one for good: the award said
    two winners and listed one, the procedure and the providers named one winner. Both are the award's winners, each
    with the 2021 party as evidence, the award's € 900.000 once; crawling 2022 again and a reparse change nothing."""
    lots = [("1", "Ambulant")]
    parties = [supplier("41165432", "Stichting Jeugdhulp Leiden"),
               dict(supplier("BE0123456789", "Jeugdzorg Vlaanderen vzw", "Gent"),
                    address={"locality": "Gent", "countryName": "België"})]
    awarded = release("ocds-1l04xe-314036", "300360-a", "2021-11-01", "Jeugdhulp Leiden", JEUGD, lots=lots,
                      parties=parties, awards=[{"id": "a1", "status": "active", "relatedLots": ["1"], "suppliers": [
                          {"id": "41165432", "name": "Stichting Jeugdhulp Leiden"},
                          {"id": "BE0123456789", "name": "Jeugdzorg Vlaanderen vzw"}]}])
    in_force = release("ocds-1l04xe-314036", "300361-a", "2022-02-01", "Jeugdhulp Leiden", JEUGD, lots=lots,
                       tag=("awardUpdate",), awards=[
                           {"id": "a1", "status": "active", "relatedLots": ["1"],
                            "suppliers": [{"id": "41165432"}, {"id": "BE0123456789"}],
                            "value": {"amount": 900000, "currency": "EUR"}}])
    server = serve_api([], datasets=datasets(tmp_path / "ds", {"2021": [awarded], "2022": [in_force]}))
    db_path = tmp_path / "archive.db"
    seen = []
    for window in (["-a", "from_date=2022-01-01"], ["-a", "from_date=2021-01-01", "-a", "until_date=2021-12-31"],
                   ["-a", "from_date=2022-01-01"]):
        done = scrapy_ocds(db_path, server.datasets_url, *window)
        assert done.returncode == 0, done.stderr[-3000:]
        db = sqlite_utils.Database(db_path)
        # (the evidence: the 2021 party of each, named by the award id of the 2021 file or the later file's supplier id)
        seen.append(([(r["lot_id"], r["value_cents"], r["winner_count"], r["current"])
                      for r in db.query("select * from awards")],
                     sorted((r["name"], r["kvk"], r["place"], r["country"], (r["party_source"] or "").split(" (")[0])
                            for r in db.query("select * from award_suppliers")),
                     [(r["aantal_winnaars"], r["winnaars"], r["gegunde_waarde_cents"])
                      for r in db.query("select * from summary_procurements")]))
    # the later file alone: the Dutch winner by its KvK number, the Belgian one not yet known by any name
    assert seen[0][1] == [(None, "41165432", None, None, "")]
    assert seen[1] == seen[2] == ([("1", 90000000, 2, 1)], [
        ("Jeugdzorg Vlaanderen vzw", None, "Gent", "België", f"party BE0123456789 of {FILE_2021}, release 300360-a"),
        ("Stichting Jeugdhulp Leiden", "41165432", "Leiden", "Nederland", f"party 41165432 of {FILE_2021}, release 300360-a")],
        [(2, "Jeugdzorg Vlaanderen vzw; Stichting Jeugdhulp Leiden", 90000000)]), seen
    assert_reparse_gives_the_same(db_path)
    from tests.datasette.archive_fixtures import Server
    from tests.datasette.test_saved_searches import rows

    datasette = Server(db_path)
    try:
        listed = {r["aanbieder_id"]: (r["aanbieder"], r["gunningen"]) for r in rows(datasette, "aanbieders")}
    finally:
        datasette.stop()
    assert listed == {"kvk:41165432": ("Stichting Jeugdhulp Leiden", 1),
                      "name:jeugdzorg vlaanderen": ("Jeugdzorg Vlaanderen vzw", 1)}
