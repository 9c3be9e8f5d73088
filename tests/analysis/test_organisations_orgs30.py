"""Organisations on pages never seen, round thirty (issue 11, branch orgs30): precision -- what is no organisation nor
awardee: a person by a common given name ("De winnaars zijn Gemeente Epe en Jan de Vries"), a name run on into a
person ("het Bureau Jeugdzorg Overijssel en Karin Smit"), the islands of Caribbean Netherlands, one capitalised word the
page also writes in lower case ("het Advies en Meldpunt Kindermishandeling" read as "Advies"), a party's part in a
procedure ("Eiseres"), a person's function or profession ("de Jeugdarts", "een Ondersteuner Jeugd en Gezin") and a name
cut at its hyphen ("Veilig Thuis Oost-"); a site's own pages as bullets under a party list ("- Vacatures") and a
sentence's opening preposition with its article ("In de Raadscommissie ...").

The phrasings are real-style Dutch ones seen on pages (a few words each).
"""

import pytest

from tests.speed import LINEAR, linear_time
from tests.analysis.conftest import organisation_roles as _orgs

_DONE = "De aanbesteding voor de jeugdhulp is afgerond. "


# --- persons ------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    _DONE + "De winnaars zijn Gemeente Epe en Jan de Vries.",
    _DONE + "De winnaars zijn Pluryn en Jan de Vries.",
    _DONE + "De winnaars zijn: Pluryn en Anna Jansen.",
    _DONE + "Kees van Dam heeft de aanbesteding gewonnen.",
])
def test_a_person_by_given_name_is_no_awardee_nor_organisation(read, text):
    result = read(text)
    persons = {"Jan de Vries", "Anna Jansen", "Kees van Dam"}
    assert not persons & set(result["awardees"]), result["awardees"]
    assert not persons & set(_orgs(result)), _orgs(result)


def test_a_winner_beside_the_person_stays(read):
    assert read(_DONE + "De winnaars zijn Pluryn en Jan de Vries.")["awardees"] == ["Pluryn"]


@pytest.mark.parametrize("text", [
    _DONE + "De winnaars zijn Pluryn en Willemsen de Koning.",  # a firm of a person's shape, no given name
    _DONE + "Het contract is gegund aan Stichting Jan de Vries.",
])
def test_a_firm_named_after_a_person_stays(read, text):
    assert read(text)["awardees"], read(text)


def test_a_name_run_on_into_a_person_ends_before_the_person(read):
    result = read("Ook het Bureau Jeugdzorg Overijssel en Karin Smit, directeur van Karakter, reageren op de inkoop.")
    assert "Bureau Jeugdzorg Overijssel" in _orgs(result), _orgs(result)
    assert not any("Karin" in n for n in _orgs(result)), _orgs(result)


# --- places, common nouns, parts in a procedure, functions ----------------------------------------------------------------

def test_the_islands_of_caribbean_netherlands_are_places(read):
    result = read("De zorg wordt geleverd met Pluryn, Bonaire, Sint Eustatius en Saba en Jeugdzorg Caribisch Nederland.")
    assert not {"Bonaire", "Sint Eustatius", "Saba"} & set(_orgs(result)), _orgs(result)


def test_a_capitalised_word_the_page_writes_in_lower_case_is_no_party(read):
    result = read("De wachtlijst bij het Advies en Meldpunt Kindermishandeling en bij Pluryn en Karakter wordt korter. "
                  "Ouders vragen advies.")
    assert "Pluryn" in _orgs(result), _orgs(result)
    assert "Advies" not in _orgs(result), _orgs(result)


def test_a_one_word_name_written_only_so_stays(read):
    result = read("De wachtlijst bij Kwintes en Meldpunt Kindermishandeling en bij Pluryn en Karakter wordt korter. "
                  "Ouders vragen advies.")
    assert "Kwintes" in _orgs(result), _orgs(result)


def test_a_party_in_a_procedure_is_named_by_its_name_not_its_part(read):
    result = read("De rechtbank Overijssel heeft bepaald dat de aanbesteding opnieuw moet. Eiseres, Stichting Pluryn, "
                  "stelt dat de gemeente Zwolle de regels heeft geschonden.")
    assert "Stichting Pluryn" in _orgs(result) and "Eiseres" not in _orgs(result), _orgs(result)


@pytest.mark.parametrize("text, function", [
    ("Gezinnen kunnen terecht bij het Sociaal Team Deventer, de Jeugdarts, en Huisartsenpraktijk De Linde.", "Jeugdarts"),
    ("In te stemmen met de inzet van een Ondersteuner Jeugd en Gezin (OJG) bij 2 huisartsenpraktijken.",
     "Ondersteuner Jeugd en Gezin"),
])
def test_a_function_or_profession_is_no_party(read, text, function):
    result = read(text)
    assert function not in _orgs(result), _orgs(result)


def test_a_practice_named_after_the_profession_stays(read):
    result = read("Gezinnen kunnen terecht bij het Sociaal Team Deventer, de Jeugdarts, en Huisartsenpraktijk De Linde.")
    assert "Huisartsenpraktijk De Linde" in _orgs(result), _orgs(result)


def test_a_name_cut_at_its_hyphen_ends_before_the_cut(read):
    result = read("Veel dank aan deelnemende partijen, onder andere: Gemeente Eindhoven, GGD Brabant-Zuidoost, "
                  "Veilig Thuis Oost-\nBrabant en Pluryn.")
    assert not any(n.endswith("-") for n in _orgs(result)), _orgs(result)


# --- a site's own pages under a list, a sentence's opening preposition -----------------------------------------------------

def test_a_sites_own_pages_as_bullets_under_a_party_list_end_it(read):
    result = read("De jeugdhulp in Twente wordt ingekocht door de regio. Onze partners zijn:\n- Pluryn\n- Karakter\n"
                  "- Over ons\n- Vacatures\n- Privacyverklaring\n- Cookiebeleid\n")
    orgs = _orgs(result)
    assert {"Pluryn", "Karakter"} <= set(orgs), orgs
    assert not {"Over", "Over ons", "Vacatures", "Privacyverklaring", "Cookiebeleid"} & set(orgs), orgs


def test_a_sentences_opening_preposition_is_no_part_of_the_name(read):
    result = read("De aanbesteding is gegund aan Pluryn. In de Raadscommissie Samenleving, de Adviesraad Sociaal Domein "
                  "en de Cliëntenraad werd gesproken.")
    assert not any(n.startswith("In de") for n in _orgs(result)), _orgs(result)


# --- speed --------------------------------------------------------------------------------------------------------------

def test_reading_stays_linear():
    from tenderarchive.analysis.organisations import find_awardees, find_organisations
    assert linear_time(find_awardees, "De winnaars zijn Pluryn en Jan de Vries. ") < LINEAR
    assert linear_time(find_organisations, "Bij het Advies en Meldpunt, bij Pluryn en bij Karakter. Vraag advies. ") < LINEAR
    assert linear_time(find_organisations, "Het Bureau Jeugdzorg Overijssel en Karin Smit en de Jeugdarts. Eiseres. ") < LINEAR
