"""Awardees and organisations on pages never seen, round thirty-three (issue 11, branch orgs33): the party chosen for a
lot ("Voor perceel 1 is gekozen voor X"), a legal form written before the name ("gegund aan de B.V. X") and a system,
software or platform named by its product word ("het systeem GGD GHOR") that is no party.

The phrasings are real-style Dutch ones seen on pages (a few words each).
"""

import pytest

from tests.speed import LINEAR, linear_time
from tests.analysis.conftest import organisation_roles as _orgs

_DONE = "De aanbesteding voor de jeugdhulp is afgerond. "


@pytest.mark.parametrize("text, winners", [
    ("Voor perceel 1 is gekozen voor Stichting Pluryn.", ["Stichting Pluryn"]),
    ("Voor perceel 2 (verblijf) is gekozen voor Karakter en Lijn5.", ["Karakter", "Lijn5"]),
    ("Voor perceel 3 heeft de gemeente gekozen voor Pluryn B.V.", ["Pluryn B.V."]),
])
def test_the_party_chosen_for_a_lot_is_an_awardee(read, text, winners):
    result = read(_DONE + text)
    assert result["awardees"] == winners, result["awardees"]


def test_a_choice_without_a_lot_names_no_awardee(read):
    result = read(_DONE + "Voor de toekomst is gekozen voor Samen Sterk in de wijk.")
    assert result["awardees"] == [], result["awardees"]


def test_a_legal_form_written_before_the_name_gives_the_awardee(read):
    result = read(_DONE + "De opdracht is gegund aan de B.V. Zorgkracht.")
    assert result["awardees"] == ["Zorgkracht"], result["awardees"]


@pytest.mark.parametrize("before", ["Aanbieders werken met het systeem", "Via het platform", "Zij gebruiken de software"])
def test_a_product_named_by_its_product_word_is_no_party(read, before):
    result = read(_DONE + f"{before} GGD GHOR melden aanbieders zich. Stichting Pluryn levert de hulp.")
    assert "GGD GHOR" not in _orgs(result), _orgs(result)
    assert "Stichting Pluryn" in _orgs(result), _orgs(result)


def test_the_same_name_acting_in_its_sentence_stays(read):
    result = read(_DONE + "De GGD GHOR adviseert gemeenten. Stichting Pluryn levert de hulp.")
    assert "Stichting Pluryn" in _orgs(result), _orgs(result)


def test_reading_a_lot_choice_is_linear(read):
    assert linear_time(read, "Voor perceel 1 is gekozen voor de ", 100_000) < LINEAR


# --- a profession names a person's work ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, gone", [
    ("Aanbieders zoals de Huisarts, de Praktijkondersteuner en de Jeugdarts verwijzen naar zorg.",
     ["Huisarts", "Praktijkondersteuner", "Jeugdarts"]),
    ("Zorgaanbieders zoals Jeugdartsen en Orthopedagogen werken samen met Stichting Pluryn.",
     ["Jeugdartsen", "Orthopedagogen"]),
])
def test_a_profession_alone_is_no_organisation(read, text, gone):
    result = read(_DONE + text)
    assert not set(gone) & set(_orgs(result)), _orgs(result)


def test_an_organisation_named_after_a_profession_with_more_words_stays(read):
    result = read(_DONE + "De opdracht is gegund aan Huisartsen Coöperatie Noord U.A. en Stichting Pluryn.")
    assert result["awardees"] == ["Huisartsen Coöperatie Noord U.A.", "Stichting Pluryn"], result["awardees"]


# --- a service named alone where a provider would stand ------------------------------------------------------------------

@pytest.mark.parametrize("text, gone", [
    ("Aanbieders zoals Dagbesteding en Logeeropvang zijn gecontracteerd.", ["Dagbesteding", "Logeeropvang"]),
    ("Jeugdhulpaanbieders zoals Pluryn, Karakter en Beschermd Wonen leveren zorg.", ["Beschermd Wonen"]),
])
def test_a_service_alone_is_no_provider(read, text, gone):
    result = read(_DONE + text)
    assert not set(gone) & set(_orgs(result)), _orgs(result)


def test_a_provider_with_a_service_word_and_its_legal_form_stays(read):
    result = read(_DONE + "De opdracht is gegund aan Dagbesteding Noord B.V.")
    assert result["awardees"] == ["Dagbesteding Noord B.V."], result["awardees"]


@pytest.mark.parametrize("text, winners", [
    ("Voor perceel 1 is gekozen voor Karakter en voor perceel 2 voor Lijn5.", ["Karakter", "Lijn5"]),
    ("Voor perceel 1 is gekozen voor Karakter en voor de toekomst voor Samen Sterk.", ["Karakter"]),
])
def test_the_next_lot_s_choice_in_the_sentence_gives_its_party(read, text, winners):
    result = read(_DONE + text)
    assert result["awardees"] == winners, result["awardees"]
