"""Organisations on pages never seen, round twenty-seven (issue 11, branch orgs27): a municipality or region named among
parties ("- Gemeente Epe" under a partners' head, "samen met Regio A en Regio B") is a buyer, never a provider or an
awardee; the partners after a head that runs on ("Onze partners in de regio zijn onder meer:"), on their own lines or on
the head's line, are read, the head's words not; an article before a legal form ("gegund aan De Stichting X") and a party's
part in a combination ("A als hoofdaannemer en B") are no part of a name and do not end a list.

The phrasings are real-style Dutch ones seen on pages (a few words each).
"""

import pytest

from tests.speed import LINEAR, linear_time
from tests.analysis.conftest import organisation_roles as _orgs


# --- municipalities and regions are buyers ----------------------------------------------------------------------------

@pytest.mark.parametrize("head", ["Samenwerkingspartners:", "Deelnemende organisaties:", "Onze partners zijn:"])
def test_a_municipality_or_region_among_listed_parties_is_a_buyer(read, head):
    got = _orgs(read(f"De regio koopt jeugdhulp in.\n{head}\n- Regio Noord-Veluwe\n- Gemeente Epe\n- Pluryn\n"))
    assert got.get("Pluryn") == "provider", got
    assert got.get("Regio Noord-Veluwe") == "buyer" and got.get("Gemeente Epe") == "buyer", got


def test_two_regions_in_one_sentence_are_two_buyers(read):
    got = _orgs(read("De jeugdhulpaanbieders werken samen met Regio Noord-Veluwe en Regio Stedendriehoek."))
    assert got.get("Regio Noord-Veluwe") == "buyer" and got.get("Regio Stedendriehoek") == "buyer", got
    assert not any(" en Regio" in n for n in got), got


def test_a_municipality_in_an_awarded_list_is_no_awardee(read):
    result = read("De jeugdhulp is gegund. De gecontracteerde aanbieders zijn:\n- Pluryn\n- Gemeente Epe\n- Karakter\n")
    assert set(result["awardees"]) == {"Pluryn", "Karakter"}, result["awardees"]
    assert _orgs(result).get("Gemeente Epe") != "awardee", _orgs(result)


def test_a_provider_named_like_a_region_elsewhere_in_its_name_stays_a_provider(read):
    got = _orgs(read("Onze partners zijn:\n- Jeugdbescherming Regio Amsterdam\n- Pluryn\n"))
    assert got.get("Jeugdbescherming Regio Amsterdam") == "provider" and got.get("Pluryn") == "provider", got


# --- partners after a head that runs on ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "De gemeente koopt jeugdhulp in.\nOnze partners in de regio zijn onder meer:\n- Pluryn\n- Karakter\n- Lindenhout\n",
    "De gemeente koopt jeugdhulp in. Onze partners in de regio zijn onder meer: Pluryn, Karakter en Lindenhout.",
    "De gemeente koopt jeugdhulp in. Onze samenwerkingspartners zijn Pluryn, Karakter en Lindenhout.",
    "De gemeente koopt jeugdhulp in. Ketenpartners: Pluryn, Karakter en Lindenhout.",
])
def test_partners_after_a_running_head_are_read_without_its_words(read, text):
    got = _orgs(read(text))
    assert {"Pluryn", "Karakter", "Lindenhout"} <= set(got), got
    assert all(got[n] == "provider" for n in ("Pluryn", "Karakter", "Lindenhout")), got
    assert not any(w in n for n in got for w in ("Onze", "partners", "regio zijn")), got


def test_partners_doing_something_are_no_list_of_parties(read):
    got = _orgs(read("De gemeente koopt jeugdhulp in. Onze partners zijn tevreden over de Inkoop."))
    assert got == {}, got


# --- an article before a legal form, a party's part after its name ------------------------------------------------------

@pytest.mark.parametrize("text,names", [
    ("De opdracht is gegund aan De Stichting Pluryn.", {"Stichting Pluryn"}),
    ("Het contract is gegund aan Het Leger des Heils en De Coöperatie Jeugdzorg Noord U.A.",
     {"Het Leger des Heils", "Coöperatie Jeugdzorg Noord U.A."}),
    ("De jeugdhulp is gegund. De gecontracteerde aanbieders zijn:\n- De Stichting Pluryn\n- Karakter\n",
     {"Stichting Pluryn", "Karakter"}),
])
def test_an_article_before_a_legal_form_is_no_part_of_the_name(read, text, names):
    result = read(text)
    assert set(result["awardees"]) == names, result["awardees"]


def test_a_name_with_its_own_article_keeps_it(read):
    got = _orgs(read("De gemeente werkt samen met De Stichting Pluryn en De Rading."))
    assert got.get("Stichting Pluryn") == "provider" and "De Rading" in got, got
    assert not any(" en De " in n for n in got), got


@pytest.mark.parametrize("text", [
    "De jeugdhulp is gegund aan Pluryn als hoofdaannemer en Karakter als onderaannemer.",
    "De jeugdhulp is gegund aan Pluryn, als hoofdaannemer, en Karakter.",
    "De opdracht ging naar Pluryn als penvoerder en Karakter.",
    "Pluryn als hoofdaannemer en Karakter hebben de aanbesteding gewonnen.",
])
def test_a_partys_part_after_its_name_does_not_end_the_list(read, text):
    result = read(text)
    assert set(result["awardees"]) == {"Pluryn", "Karakter"}, result["awardees"]
    assert not any("aannemer" in n or "penvoerder" in n for n in _orgs(result)), _orgs(result)


def test_round_27_stays_fast_on_long_text():
    from tenderarchive.analysis.organisations import find_awardees, find_organisations
    assert linear_time(find_organisations, "Onze partners in de regio zijn onder meer: Pluryn, Regio Epe en De Rading. ") < LINEAR
    assert linear_time(find_awardees, "De zorg is gegund aan Pluryn als hoofdaannemer en De Stichting Karakter. ") < LINEAR
    assert linear_time(find_awardees, "Pluryn als hoofdaannemer, Karakter als onderaannemer, ") < LINEAR
