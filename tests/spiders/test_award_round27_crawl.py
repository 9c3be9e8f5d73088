"""Twenty-seventh pass over tenderned-awards.md, end to end: SYNTHETIC OCDS packages and notices crawled from the
loopback servers into a real archive, and what the procurement shows of them."""

from __future__ import annotations

import sqlite_utils

from tests.fixtures.awards.make_fixtures import JEUGD, release, supplier
from tests.spiders.test_awards_crawl import scrapy_ocds
from tests.spiders.test_tenderned_ocds import datasets


def test_a_package_naming_its_buyer_in_parties_alone_gives_the_procurement_its_buyer(serve_api, tmp_path):
    """Reference §6.3 (a release's ``parties`` with their ``roles``: the buyer's party has the role "buyer") and §8.8
    (a procedure known from a package is archived as the API's are): one release names the buyer only as the party of
    the role "buyer" (no ``buyer`` object), another gives ``buyer`` as an id whose name is its party's. Both
    procedures were archived without a buyer: no `buyer`, no `buyer_id`, no jeugdregio."""
    leiden = {"id": "GM0546", "name": "Gemeente Leiden", "roles": ["buyer"]}
    only_party = release("ocds-1l04xe-313971", "299871-a", "2021-11-01", "Jeugdhulp Leiden", JEUGD,
                         lots=[("1", "Ambulant")], parties=[supplier("41165432", "Stichting Jeugdhulp Leiden")],
                         awards=[{"id": "a1", "status": "active", "relatedLots": ["1"],
                                  "suppliers": [{"id": "41165432", "name": "Stichting Jeugdhulp Leiden"}],
                                  "value": {"amount": 2000000, "currency": "EUR"}}])
    del only_party["buyer"]
    by_id = release("ocds-1l04xe-313972", "299872-a", "2021-11-02", "Pleegzorg Leiden", JEUGD,
                    lots=[("1", "Pleegzorg")], parties=[supplier("22223333", "Pleegzorg Zuid B.V.")],
                    awards=[{"id": "a1", "status": "active", "relatedLots": ["1"],
                             "suppliers": [{"id": "22223333", "name": "Pleegzorg Zuid B.V."}],
                             "value": {"amount": 500000, "currency": "EUR"}}])
    by_id["buyer"] = {"id": "GM0546"}
    for one in (only_party, by_id):
        one["parties"] = [leiden, *one["parties"][1:]]
    server = serve_api([], datasets=datasets(tmp_path / "ds", {"2021": [only_party, by_id]}))
    db_path = tmp_path / "archive.db"
    backfill = scrapy_ocds(db_path, server.datasets_url)
    assert backfill.returncode == 0, backfill.stderr[-3000:]
    db = sqlite_utils.Database(db_path)
    assert sorted((r["procurement_id"], r["buyer"], r["buyer_id"], r["jeugdregio_code"]) for r in db.query(
        "select procurement_id, buyer, buyer_id, jeugdregio_code from notices")) == [
        ("TN313971", "Gemeente Leiden", "GM0546", "JZ18"), ("TN313972", "Gemeente Leiden", "GM0546", "JZ18")]
    assert {r["procurement_id"]: r["buyer"] for r in db.query("select procurement_id, buyer from procurements")} == {
        "TN313971": "Gemeente Leiden", "TN313972": "Gemeente Leiden"}
    # the buyer is no winner: the suppliers stay the packages' suppliers
    assert sorted((r["name"], r["is_buyer"]) for r in db.query("select name, is_buyer from award_suppliers")) == [
        ("Pleegzorg Zuid B.V.", 0), ("Stichting Jeugdhulp Leiden", 0)]
