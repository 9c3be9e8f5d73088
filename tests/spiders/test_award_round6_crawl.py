"""Sixth pass over tenderned-awards.md, end to end: a multi-lot OCDS estimate and a buyer listed as the winner,
from SYNTHETIC packages and renderings crawled from the loopback API into a real archive."""

from __future__ import annotations

import sqlite_utils

from tenderarchive.store.queries import known_results
from tests.awards.test_html_shapes import eforms, h1, h2
from tests.fixtures.awards.make_fixtures import amount, h3, only, package, release, row, supplier
from tests.conftest import run_crawl
from tests.spiders.test_award_pdf_crawl import award, template
from tests.spiders.test_award_variants_crawl import publication
from tests.spiders.test_awards_crawl import _datasets, award_server, scrapy_ocds  # noqa: F401 (fixture)


def test_a_multi_lot_packages_estimate_is_the_procedures_and_a_buyer_as_supplier_is_flagged(award_server, tmp_path):
    """§6.3: tender.value is the procedure's estimate; with two lots it was stored nowhere (only a single lot took
    it). It is the notice-level estimate, as /html's 2.1.3 (notice_results.estimated_*, layout ocds), and the
    publication's /html is still fetched. "Due to a quality issue, sometimes a buyer is also a supplier": the
    converter gives that party the roles buyer;supplier; the winner row is kept and flagged, and named in the
    notice's problems."""
    ocid, lots = "ocds-1l04xe-313490", [("1", "Ambulante jeugdhulp"), ("2", "Jeugdhulp met verblijf")]
    buyer = {"id": "GM0546", "name": "Gemeente Leiden", "roles": ["buyer", "supplier"]}
    dump = package([release(ocid, "299001", "2022-03-01", "Jeugdhulp Leiden 2023", "85311300-5", lots=lots,
                            value=2500000.5, parties=[supplier("11111111", "Alpha Jeugdzorg B.V.")],
                            awards=[{"id": "a1", "suppliers": [{"id": "11111111", "name": "Alpha Jeugdzorg B.V."}],
                                     "value": {"amount": 1500000, "currency": "EUR"}, "relatedLots": ["1"]},
                                    {"id": "a2", "suppliers": [{"id": "GM0546", "name": "Gemeente Leiden"}],
                                     "value": {"amount": 900000, "currency": "EUR"}, "relatedLots": ["2"]}])])
    dump["releases"][0]["parties"][0] = buyer
    award_server.api.datasets = _datasets(tmp_path / "files", {"Dataset_Tenderned-2022-01-01-2022-12-31.json": dump})
    db_path = tmp_path / "archive.db"
    done = scrapy_ocds(db_path, award_server.datasets_url)
    assert done.returncode == 0, done.stderr[-3000:]
    db = sqlite_utils.Database(db_path)
    (result,) = db.query("select * from notice_results where procurement_id = 'TN313490'")
    assert (result["publication_id"], result["layout"], result["estimated_cents"], result["lot_count"]) == \
        (299001, "ocds", 250000050, 2)
    assert [r["estimated_cents"] for r in db.query("select estimated_cents from lots where procurement_id = 'TN313490'")] \
        == [None, None]                                     # a lot's own estimate is not the procedure's
    flagged = {r["name"]: r["is_buyer"] for r in db.query("select name, is_buyer from award_suppliers")}
    assert flagged == {"Alpha Jeugdzorg B.V.": 0, "Gemeente Leiden": 1}
    assert "'Gemeente Leiden' is the buyer" in result["problems"]
    assert "299001" not in known_results(db_path)           # the API's /html of the publication is still fetched
    # the API's /html of that publication, read later, replaces the row whole: no package value is left in it
    rendering = eforms(h1("1. Koper"), row("Officiële naam", "Gemeente Leiden"), h1("6. Resultaten"),
                       h2("6.1 ID resultaat perceel: LOT-0001"), h3("6.1.2 Informatie over winnaars"), only("Winnaar"),
                       row("Officiële naam", "Alpha Jeugdzorg B.V."))
    api = publication(template(), 299001, 313490, "AGO", "result", "2022-03-01", "Jeugdhulp Leiden 2023", rendering)
    award_server.api.add(api)
    read = run_crawl(award_server.api_url, db_path, from_date="2022-03-01", until_date="2022-03-31")
    assert read.crawl["status"] == "complete", read.errors
    (result,) = db.query("select * from notice_results where publication_id = 299001")
    assert (result["layout"], result["estimated_cents"], result["estimated_raw"], result["problems"]) == \
        ("eforms", None, None, None)


BUYER_WINS = eforms(h1("1. Koper"), row("Officiële naam", "Gemeente Rijnstad"), h1("6. Resultaten"),
                    h2("6.1 ID resultaat perceel: LOT-0001"), only("Er is ten minste één winnaar gekozen."),
                    h3("6.1.2 Informatie over winnaars"), only("Winnaar"), row("Officiële naam", "gemeente  RIJNSTAD"),
                    only("Inschrijving"), amount("Waarde van de aanbesteding", "2 000 000", "Euro"),
                    only("Winnaar"), row("Officiële naam", "Jeugdhulp Rijn B.V."))


def test_a_rendering_naming_its_buyer_as_the_winner_flags_that_winner(serve_api, crawl):
    server = serve_api([award(template(), 960011, BUYER_WINS)])
    done = crawl(server.api_url, from_date="2024-06-01", until_date="2024-12-31")
    assert done.crawl["status"] == "complete", done.errors
    db = sqlite_utils.Database(done.db_path)
    assert {r["name"]: r["is_buyer"] for r in db.query("select name, is_buyer from award_suppliers")} == \
        {"gemeente RIJNSTAD": 1, "Jeugdhulp Rijn B.V.": 0}
    (result,) = db.query("select problems from notice_results")
    assert "is the buyer" in result["problems"]
