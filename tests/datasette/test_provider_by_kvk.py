"""``aanbieder_contracten`` finds a provider by its KvK number as a researcher types it (reference
tenderned-awards.md §4: "8 digits, and a leading zero is significant (keep it as text)"). A number with a
leading zero written without it ("1234567", as a spreadsheet column of numbers gives it back) or with a label
or a space ("KvK 0401 2345") found nothing, while the archive stores and the readers give back the 8 digits.

The demo archive's winner with KvK 34012345 is given the number 04012345 (its organisation id, its winner rows),
as the awards pipeline writes a winner whose notice prints "Registratienummer: 04012345"."""

import sqlite3

import pytest

from tests.datasette.archive_fixtures import Server, build_demo, run_dir
from tests.datasette.test_saved_searches import rows


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = build_demo(tmp_path_factory.mktemp("kvk") / "archive.db", run_dir(tmp_path_factory))
    with sqlite3.connect(path) as db:
        db.execute("update organisations set organisation_id = 'kvk:04012345', kvk = '04012345' "
                   "where organisation_id = 'kvk:34012345'")
        db.execute("update award_suppliers set organisation_id = 'kvk:04012345', kvk = '04012345' "
                   "where organisation_id = 'kvk:34012345'")
    served = Server(path)
    yield served
    served.stop()


def test_a_provider_is_found_by_its_kvk_number_without_its_leading_zero(server):
    contracts = rows(server, "aanbieder_contracten", aanbieder="04012345")
    assert [(c["procurement_id"], c["perceel"]) for c in contracts] == [("TN312877", "1")]
    for typed in ("4012345", " 4012345 ", "KvK 0401 2345", "kvk 04012345"):
        assert rows(server, "aanbieder_contracten", aanbieder=typed) == contracts, typed


def test_a_number_that_is_no_kvk_number_finds_no_provider_by_number(server):
    assert rows(server, "aanbieder_contracten", aanbieder="34012345") == []
    assert rows(server, "aanbieder_contracten", aanbieder="012345") == []
