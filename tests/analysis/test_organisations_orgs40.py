"""Organisations on pages never seen, round forty (issue 11, branch orgs40).

- A consortium named with its members set off after its name in other ways than "een samenwerking van" ("het
  consortium X, bestaande uit A en B, gaat de zorg leveren", "..., gevormd door A en B, heeft de aanbesteding
  gewonnen") and as the object after its kind ("De opdracht gaat naar het consortium X", "gewonnen door de combinatie
  X"): the consortium is the awardee as the text names the winner; its members are providers, not awardees.
- A one-word provider without a legal form is an awardee where the sentence says it won ("Pluryn heeft de aanbesteding
  gewonnen", "De opdracht gaat naar Karakter"), not where it is only named.

The phrasings are real-style Dutch ones seen on pages (a few words each).
"""

import pytest

from tests.speed import LINEAR, linear_time
from tests.analysis.conftest import organisation_roles as _orgs

_CONTEXT = "De regio heeft de specialistische jeugdhulp aanbesteed. "


# --- a consortium named outside "een samenwerking van" (item 2 of round 39's list) -----------------------------------

@pytest.mark.parametrize("text", [
    "Het consortium Sterk Samen, bestaande uit Pluryn en Karakter, gaat de zorg leveren.",
    "Het consortium Sterk Samen, bestaande uit Pluryn en Karakter, gaat vanaf 1 januari 2025 de jeugdhulp leveren.",
    "Het consortium Sterk Samen, bestaande uit Pluryn en Karakter, heeft de aanbesteding gewonnen.",
    "De combinatie Sterk Samen, gevormd door Pluryn en Karakter, heeft de opdracht binnengehaald.",
    "Het consortium Sterk Samen, dat bestaat uit Pluryn en Karakter, wint de aanbesteding.",
    "Het consortium Sterk Samen, bestaande uit Pluryn en Karakter, krijgt de opdracht.",
    "De opdracht gaat naar het consortium Sterk Samen, bestaande uit Pluryn en Karakter.",
    "De aanbesteding is gewonnen door het consortium Sterk Samen, bestaande uit Pluryn en Karakter.",
    "De opdracht gaat naar het consortium Sterk Samen.",
    "De aanbesteding is gewonnen door de combinatie Sterk Samen.",
    "Het consortium Sterk Samen gaat de zorg leveren.",
])
def test_a_consortium_set_off_with_its_members_is_the_awardee(read, text):
    result = read(_CONTEXT + text)
    assert result["awardees"] == ["Sterk Samen"], result["awardees"]
    roles = _orgs(result)
    assert roles.get("Sterk Samen") == "awardee", roles
    assert not any(roles.get(n) == "awardee" for n in ("Pluryn", "Karakter")), roles


@pytest.mark.parametrize("text", [
    "Het consortium Sterk Samen, bestaande uit Pluryn en Karakter, heeft de aanbesteding niet gewonnen.",
    "Het consortium Sterk Samen, bestaande uit Pluryn en Karakter, gaat de zorg niet leveren.",
    "Het consortium Sterk Samen, bestaande uit Pluryn en Karakter, wil de zorg gaan leveren.",
    "Het consortium Sterk Samen, bestaande uit Pluryn en Karakter, heeft bezwaar gemaakt tegen de gunning.",
])
def test_a_consortium_not_said_to_win_is_no_awardee(read, text):
    assert read(_CONTEXT + text)["awardees"] == []


def test_reading_consortium_member_clauses_is_linear(read):
    assert linear_time(read, "Het consortium Alfa Beta, bestaande uit Gamma en Delta, gaat de ", 100_000) < LINEAR


# --- a one-word provider in a win phrasing (item 1 of round 39's list) -------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("Pluryn heeft de aanbesteding gewonnen.", "Pluryn"),
    ("De opdracht gaat naar Karakter.", "Karakter"),
    ("Pluryn wint de aanbesteding voor de jeugdhulp.", "Pluryn"),
    ("De aanbesteding is gewonnen door Pluryn.", "Pluryn"),
    ("Karakter heeft de opdracht binnengehaald.", "Karakter"),
])
def test_a_one_word_provider_said_to_win_is_the_awardee(read, text, name):
    result = read(_CONTEXT + text)
    assert result["awardees"] == [name], result["awardees"]


@pytest.mark.parametrize("text", [
    "Volgens Pluryn is de aanbesteding goed verlopen.",
    "Karakter heeft de aanbesteding aangevochten.",
    "Pluryn heeft de aanbesteding verloren.",
])
def test_a_one_word_provider_only_named_is_no_awardee(read, text):
    assert read(_CONTEXT + text)["awardees"] == []


# --- a ruling's parties named by their part in the case (item 3 of round 39's list) -----------------------------------

@pytest.mark.parametrize("text, providers", [
    ("In de zaak tussen Pluryn, Karakter en Entrea Lindenhout, eiseressen, en het college van burgemeester en "
     "wethouders van Nijmegen, verweerder. Het college heeft de jeugdhulp aanbesteed.",
     {"Pluryn", "Karakter", "Entrea Lindenhout"}),
    ("Vonnis in kort geding in de zaak van de stichtingen Pluryn en Karakter, eiseressen, tegen de gemeente Nijmegen, "
     "gedaagde. De gemeente heeft de jeugdhulp aanbesteed.", {"Pluryn", "Karakter"}),
    ("eisers: de stichtingen Pluryn, Karakter en Entrea Lindenhout, hierna gezamenlijk: de combinatie. gedaagde: de "
     "gemeente Nijmegen, hierna: de gemeente. De gemeente heeft de jeugdhulp aanbesteed.",
     {"Pluryn", "Karakter", "Entrea Lindenhout"}),
    ("Uitspraak in de zaak van Jeugdformaat, verzoekster, tegen de gemeente Zoetermeer, verweerster. De gemeente "
     "heeft de jeugdhulp aanbesteed.", {"Jeugdformaat"}),
])
def test_the_claimants_of_a_ruling_are_providers_and_the_respondent_the_buyer(read, text, providers):
    roles = _orgs(read(text))
    assert all(roles.get(n) == "provider" for n in providers), roles
    assert roles.get("gemeente Nijmegen", roles.get("gemeente Zoetermeer")) == "buyer", roles


@pytest.mark.parametrize("text", [
    "Jan de Vries, eiser, tegen de gemeente Nijmegen, verweerder. De gemeente heeft de jeugdhulp aanbesteed.",
    "In de zaak van mevrouw Jansen, eiseres, tegen de gemeente Nijmegen, verweerder, over de jeugdhulp die de "
    "gemeente heeft aanbesteed.",
])
def test_a_person_as_claimant_is_no_organisation(read, text):
    roles = _orgs(read(text))
    assert not any(n in roles for n in ("Jan de Vries", "Jansen", "Vries")), roles


def test_reading_party_labels_is_linear(read):
    assert linear_time(read, "de stichtingen Alfa, Beta en Gamma, eiseressen, tegen Delta Epsilon, gedaagde, ",
                       100_000) < LINEAR


# --- a jeugdregio named as the area of a service or tender (a false positive kind of half 0) --------------------------

@pytest.mark.parametrize("text, region", [
    ("De 16 Zuid-Limburgse gemeenten hebben de Europese aanbesteding crisishulp Zuid-Limburg definitief gegund aan het "
     "samenwerkingsverband XONAR.", "Zuid-Limburg"),
    ("De gemeenten hebben de inkoop jeugdbescherming Holland Rijnland afgerond met Jeugdbescherming west.",
     "Holland Rijnland"),
])
def test_a_region_naming_the_area_of_a_tender_is_no_buyer(read, text, region):
    assert region not in _orgs(read(text)), _orgs(read(text))


@pytest.mark.parametrize("text, region", [
    ("Holland Rijnland heeft de jeugdhulp aanbesteed.", "Holland Rijnland"),
    ("De jeugdhulp-regeling van Holland Rijnland koopt de jeugdhulp in.", "Holland Rijnland"),
])
def test_a_region_that_buys_is_still_the_buyer(read, text, region):
    assert _orgs(read(text)).get(region) == "buyer", _orgs(read(text))
