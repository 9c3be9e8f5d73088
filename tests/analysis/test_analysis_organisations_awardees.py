"""Awardees a news text names (synthetic sentences)."""

import pytest

from tenderarchive.analysis.organisations import find_awardees


@pytest.mark.parametrize("text,name", [
    ("De opdracht is definitief gegund voor € 1,5 miljoen aan Stichting Jeugdzorg Zuid.", "Stichting Jeugdzorg Zuid"),
    ("Het perceel is gegund voor 2.400.000 euro aan Horizon Jeugdzorg.", "Horizon Jeugdzorg"),
    ("De jeugdhulp is gegund voor EUR 300.000 aan Pluryn.", "Pluryn"),
    ("De opdracht is gegund aan Stichting Jeugdzorg Zuid.", "Stichting Jeugdzorg Zuid"),
])
def test_an_award_with_its_amount_between_verb_and_winner_names_the_winner(text, name):
    assert [a["name"] for a in find_awardees(text)] == [name]
