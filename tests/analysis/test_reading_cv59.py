"""Specifications of the readings of branch cv59 (issue 11) -- in short synthetic pages (SYNTHETIC: written for these tests
in common Dutch news wording, not taken from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture).
"""
import datetime as dt

import pytest

from tests.analysis.reading import stage_statuses

PUBLISHED = dt.date(2024, 3, 4)


@pytest.mark.parametrize("text", [
    "Er zijn nog geen bezwaren ingediend tegen de gunning van de aanbesteding jeugdhulp.",
    "Tegen de gunning van de aanbesteding jeugdhulp zijn nog geen bezwaren ingediend.",
    "Niemand heeft nog bezwaar gemaakt tegen de gunning van de opdracht jeugdhulp.",
    "Tegen de gunning van het perceel jeugdbescherming is nog geen bezwaar aangetekend.",
])
def test_an_award_not_yet_objected_to_is_the_intention_with_its_standstill_running(read, text):
    # stages.md: `bezwaar` is the objection during the standstill the intention to award opens; none *yet* says the
    # standstill still runs -- the intention is made, the final award is to come
    result = read(text, published=PUBLISHED)
    statuses = stage_statuses(result)
    assert statuses.get("voorlopige_gunning") == "done"
    assert statuses.get("definitieve_gunning") == "planned"
    assert statuses.get("bezwaar") in (None, "planned")
    assert result["primary_stage"] == "voorlopige_gunning"


@pytest.mark.parametrize("text", [
    "Er zijn geen bezwaren ingediend tegen de gunning van de aanbesteding jeugdhulp.",
    "Tegen de gunning van het perceel jeugdbescherming is geen bezwaar aangetekend.",
])
def test_an_award_nobody_objected_to_still_stands(read, text):
    # guard (cv58): without "nog" the standstill passed without objection and the award stands
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result).get("definitieve_gunning") == "done"
    assert result["primary_stage"] == "definitieve_gunning"
