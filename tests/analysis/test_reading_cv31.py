"""Specifications of the readings of branch cv31 (issue 11): news reading that holds on sites it has never seen, in
synthetic sentences (SYNTHETIC: written for these tests, not taken from a page); why each change was kept (the dev
part held out by site) is in the CHANGELOG entry of branch cv31.
"""
import datetime as dt

import pytest

from tenderarchive.analysis import analyse, rules

from tests.analysis.reading import stage_statuses


def _read(text: str, title: str = "Nieuws over de jeugdhulp") -> dict:
    return analyse("SYNTHETISCHE TEKST. " + text, title=title, published=dt.date(2024, 5, 6))


# --- a ruling's verbs make a court step done: core grammar, not a named rule a held-out site can lose ----------------

@pytest.mark.parametrize("sentence, stage", [
    ("In het kort geding over de aanbesteding jeugdhulp wees de voorzieningenrechter de vordering af.", "kort_geding"),
    ("Het gerechtshof bekrachtigt in hoger beroep het vonnis over de aanbesteding jeugdhulp.", "hoger_beroep"),
    ("In de bodemprocedure over de aanbesteding jeugdhulp gaf de rechter de gemeente gelijk.", "bodemprocedure"),
])
def test_a_ruling_reported_is_a_ruling_made_with_every_named_rule_off(sentence, stage):
    with rules.disabled(*rules.RULES):
        assert stage_statuses(_read(sentence))[stage] == "done"


def test_a_court_step_announced_stays_planned_with_every_named_rule_off():
    with rules.disabled(*rules.RULES):
        r = _read("De aanbieders zullen een kort geding over de aanbesteding jeugdhulp aanspannen.")
    assert stage_statuses(r)["kort_geding"] == "planned"


def test_the_ruling_reading_is_no_longer_a_named_rule():
    assert "stage.ruling_done" not in rules.RULES
