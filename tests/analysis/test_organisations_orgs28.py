"""Organisations on pages never seen, round twenty-eight (issue 11, branch orgs28): the parties that provide the care
or won the tender as the subject of an inverted main clause after a fronted phrase ("Samen met de gemeenten A en B
leveren Pluryn en Karakter de jeugdhulp", "In 2024 wonnen A en B de aanbesteding") are read, the fronted phrase's
municipalities as buyers; a municipality named in a list of parties ("Stichting Pluryn, gemeente Epe en Karakter hebben
... gewonnen") ends no list and is a buyer, never a provider or an awardee.

The phrasings are real-style Dutch ones seen on pages (a few words each).
"""

import pytest

from tests.speed import LINEAR, linear_time
from tests.analysis.conftest import organisation_roles as _orgs


# --- the subject of an inverted clause after a fronted phrase -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Samen met de gemeenten Epe en Heerde leveren Pluryn en Karakter de jeugdhulp.",
    "In de regio bieden Pluryn en Karakter de ambulante jeugdhulp.",
    "Samen met de gemeente verzorgen Pluryn en Karakter voortaan de jeugdzorg.",
])
def test_providers_after_a_fronted_phrase_are_read(read, text):
    got = _orgs(read(text))
    assert got.get("Pluryn") == "provider" and got.get("Karakter") == "provider", got
    assert not any("gemeente" in n.casefold() and r != "buyer" for n, r in got.items()), got


def test_the_fronted_phrases_municipalities_are_buyers(read):
    got = _orgs(read("Samen met de gemeenten Epe en Heerde leveren Pluryn en Karakter de jeugdhulp."))
    assert got.get("gemeente Epe") == "buyer" and got.get("gemeente Heerde") == "buyer", got


@pytest.mark.parametrize("text", [
    "Samen met de gemeenten Epe en Heerde hebben Pluryn en Karakter de aanbesteding gewonnen.",
    "In 2024 wonnen Pluryn en Karakter de aanbesteding.",
])
def test_winners_after_a_fronted_phrase_are_awardees(read, text):
    result = read(text)
    assert set(result["awardees"]) == {"Pluryn", "Karakter"}, result["awardees"]


@pytest.mark.parametrize("text", [
    "Samen met de gemeente heeft Pluryn de opdracht niet gewonnen.",
    "Hebben Pluryn en Karakter de aanbesteding gewonnen?",
    "Samen met de gemeente heeft Pluryn de aanbesteding voorbereid.",
])
def test_an_inverted_clause_without_a_win_told_names_no_awardee(read, text):
    assert read(text)["awardees"] == [], read(text)["awardees"]


def test_an_inverted_clause_about_no_care_names_no_provider(read):
    got = _orgs(read("In de raad leveren Jan en Piet de kritiek."))
    assert "Jan" not in got and "Piet" not in got, got


# --- a municipality in a list of parties --------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Stichting Pluryn, gemeente Epe en Karakter hebben de aanbesteding gewonnen.",
    "Stichting Pluryn, Gemeente Epe en Karakter hebben de aanbesteding gewonnen.",
])
def test_a_municipality_in_a_list_of_winners_ends_no_list(read, text):
    result = read(text)
    assert set(result["awardees"]) == {"Stichting Pluryn", "Karakter"}, result["awardees"]
    got = _orgs(result)
    assert all(r == "buyer" for n, r in got.items() if "epe" in n.casefold()), got
    assert any("epe" in n.casefold() for n in got), got


def test_round_28_stays_fast_on_long_text():
    from tenderarchive.analysis.organisations import find_awardees, find_organisations
    assert linear_time(find_organisations, "Samen met de gemeente Epe leveren Pluryn, gemeente Heerde en Karakter de zorg. ") < LINEAR
    assert linear_time(find_awardees, "In 2024 hebben Pluryn, gemeente Epe en Karakter de aanbesteding gewonnen. ") < LINEAR
    assert linear_time(find_organisations, "Pluryn, gemeente Epe en Karakter en ") < LINEAR
