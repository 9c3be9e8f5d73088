"""Organisations on pages never seen, round twenty-three (issue 11, branch orgs23): a cooperative's legal form after its
name ("Kindzorg Nu Coöperatie U.A.") is read with the name, and a name with a dotted legal form, "en" and another name
("Zorgkracht B.V. en Kindzorg Nu U.A.") is two parties; the providers a sentence says a kind of party are ("De
aanbieders zijn A, B en C") are read; a sentence's opening word with the name's article ("Nu de Willem Schrikker Groep
zich niet heeft ingeschreven") is no part of the name.

The phrasings are real-style Dutch ones seen on pages (a few words each).
"""

import pytest

from tests.speed import LINEAR, linear_time
from tests.analysis.conftest import organisation_roles as _orgs


# --- a legal form after the name --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,names", [
    ("Kindzorg Nu Coöperatie U.A. levert de jeugdhulp in Zwolle.", ["Kindzorg Nu Coöperatie U.A."]),
    ("Voor de jeugdhulp heeft de gemeente contracten gesloten met Zorgkracht B.V. en Kindzorg Nu Coöperatie U.A.",
     ["Zorgkracht B.V.", "Kindzorg Nu Coöperatie U.A."]),
    ("Wij werken in de jeugdhulp samen met Alpha Zorg B.V. en Beta Jeugd N.V. en Gamma Hulp U.A. in de regio.",
     ["Alpha Zorg B.V.", "Beta Jeugd N.V.", "Gamma Hulp U.A."]),
])
def test_a_legal_form_after_the_name_closes_it(read, text, names):
    got = _orgs(read(text))
    assert all(n in got for n in names), got
    # no name cut inside its legal form ("Coöperatie U"), none running over two parties
    assert not any(n.endswith(" U") or " en " in n for n in got), got


def test_two_names_each_with_its_legal_form_are_split():
    from tenderarchive.analysis.organisations import _two_forms
    assert _two_forms("Zorgkracht B.V. en Kindzorg Nu Coöperatie U.A.") == ("Zorgkracht B.V.", "Kindzorg Nu Coöperatie U.A.")
    assert _two_forms("Alpha B.V. en de Beta Groep") == ("Alpha B.V.", "Beta Groep")
    assert _two_forms("Stichting Eikenrode en Beukenhof B.V.") == ("Stichting Eikenrode", "Beukenhof B.V.")
    # one name: no legal form before "en", or nothing capitalised after it
    assert _two_forms("Jeugd en Gezin Groep B.V.") == ("Jeugd en Gezin Groep B.V.",)
    assert _two_forms("Zorgkracht B.V.") == ("Zorgkracht B.V.",)


# --- the providers a sentence says the kind of party are ---------------------------------------------------------

@pytest.mark.parametrize("text,names", [
    ("De aanbieders zijn Karakter, Accare en Pactum. Zij leveren de jeugdhulp in de regio.", ["Karakter", "Accare", "Pactum"]),
    ("De gecontracteerde zorgaanbieders waren onder meer Karakter en Accare.", ["Karakter", "Accare"]),
    ("De jeugdhulpaanbieders zijn: Karakter, Accare en Pactum.", ["Karakter", "Accare", "Pactum"]),
])
def test_the_providers_a_kind_of_party_is_are_read(read, text, names):
    got = _orgs(read(text))
    assert all(got.get(n) == "provider" for n in names), got


def test_a_word_after_the_kind_of_party_is_no_provider(read):
    assert _orgs(read("De aanbieders zijn Nederlandse stichtingen die jeugdhulp leveren.")) == {}


def test_the_providers_of_a_kind_stay_fast_on_long_text():
    from tenderarchive.analysis.organisations import find_organisations
    assert linear_time(find_organisations, "De aanbieders zijn Karakter Groep Oost, Accare en ") < LINEAR
    assert linear_time(find_organisations, "Zorg Nu B.V. en Hulp Oost U.A. en ") < LINEAR


# --- a sentence's opening word and the name's article before a name ------------------------------------------------

@pytest.mark.parametrize("text,name", [
    ("Nu de Willem Schrikker Groep zich niet heeft ingeschreven, is de keuze in de jeugdbescherming klein.",
     "Willem Schrikker Groep"),
    ("Ook het Leger des Heils heeft zich niet ingeschreven voor de aanbesteding jeugdbescherming.", "Leger des Heils"),
])
def test_an_opening_word_and_an_article_are_no_part_of_the_name(read, text, name):
    got = _orgs(read(text))
    assert name in got and not any(n.startswith(("Nu ", "Ook ")) for n in got), got
