"""tenderarchive/awards/rows.py: the winner rows of an award and the organisation ids they get (SYNTHETIC names)."""

from __future__ import annotations

import pytest

from tenderarchive.awards.names import organisation_key
from tenderarchive.awards.rows import _awards, organisation_id


def _winner(name, country=None, kvk=None) -> dict:
    return {"award_index": 0, "lot_id": "LOT-0001", "name": name, "kvk": kvk, "country": country}


@pytest.mark.parametrize("name, country", [
    ("Jugendhilfe Nord GmbH (Handelsregister 12345678)", "Duitsland"),
    ("Børnehjælp ApS (chamber of commerce 12345678)", "DK"),
])
def test_a_foreign_winners_registration_in_its_name_is_no_kvk_number(name, country):
    """A KvK number written in the name ("X (KvK 12345678)") is the winner's (round 9), but a winner of another
    country has none: the number in its name is its own country's register's, as a foreign number in the KvK field
    is not read as one (html.py, ocds.py: names.foreign_country). It was taken for a KvK number, its id
    ``kvk:12345678``: the id of the Dutch firm with that number, whose contracts it then shared."""
    rows = _awards([{"award_index": 0, "lot_id": "LOT-0001"}], [_winner(name, country)],
                   {"procurement_id": "TN1"})["awards"][0]["suppliers"]
    assert [(r["organisation_id"].split(":")[0], r["kvk"]) for r in rows] == [("name", None)]
    assert organisation_id(name, None, country).startswith("name:")
    assert organisation_key(name, None, country).startswith("name:")
    # a Dutch winner (or one of no printed country) keeps the number its name carries
    assert organisation_id(name, None, "Nederland") == organisation_key(name) == "kvk:12345678"
