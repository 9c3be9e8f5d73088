"""Organisations on pages never seen, round twenty-one (issue 11, branch orgs21): a name the page writes only inside a
longer name read on it ("Regio Amsterdam" in "Jeugdbescherming Regio Amsterdam") is a partial name, no organisation of
its own; "regio X" as the second of two places after one preposition ("in Sliedrecht en regio ZHZ") is where, not a
body that buys.

The phrasings are real-style Dutch ones seen on pages (a few words each).
"""


import pytest

from tenderarchive.analysis.organisations import find_organisations
from tests.analysis.conftest import organisation_roles as _orgs


# --- a partial name ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,kept,dropped", [
    ("Nieuwe inschrijver is Jeugdbescherming Regio Amsterdam met een eigen maatwerkproduct.",
     "Jeugdbescherming Regio Amsterdam", "Regio Amsterdam"),
    ("De opdracht is gegund aan Stichting Parlan. De begeleiding blijft bij Jeugdbescherming Regio Amsterdam, "
     "zegt Jeugdbescherming Regio Amsterdam.", "Jeugdbescherming Regio Amsterdam", "Regio Amsterdam"),
])
def test_a_name_written_only_inside_a_longer_name_is_no_organisation(read, text, kept, dropped):
    got = _orgs(read(text))
    assert kept in got and dropped not in got, got


def test_the_shapes_of_a_partial_name():
    from tenderarchive.analysis.organisations import _inside_longer_names

    def kept(text, *names, role="provider"):
        return [o["name"] for o in _inside_longer_names([{"name": n, "role": role} for n in names], text)]

    text = "Het Leger des Heils Jeugdbescherming en Reclassering voert de maatregel uit."
    assert kept(text, "Leger des Heils Jeugdbescherming en Reclassering", "Leger des Heils") \
        == ["Leger des Heils Jeugdbescherming en Reclassering"]
    # also written alone: two organisations as read
    text2 = text + " Ook het Leger des Heils zelf doet mee."
    assert kept(text2, "Leger des Heils Jeugdbescherming en Reclassering", "Leger des Heils") \
        == ["Leger des Heils Jeugdbescherming en Reclassering", "Leger des Heils"]
    # a name read from no words of the page (a municipality's official name) and an awardee are kept
    assert kept("De gemeente Bergen sluit een contract.", "gemeente Bergen (NH.)", "Bergen") \
        == ["gemeente Bergen (NH.)", "Bergen"]
    assert kept(text, "Leger des Heils Jeugdbescherming en Reclassering", "Leger des Heils", role="awardee") \
        == ["Leger des Heils Jeugdbescherming en Reclassering", "Leger des Heils"]
    # a conjunct of the longer name is a party of its own
    assert kept("Prijs voor Kompaan en De Bocht.", "Kompaan en De Bocht", "Kompaan", "De Bocht") \
        == ["Kompaan en De Bocht", "Kompaan", "De Bocht"]
    assert kept("De Gemeenschappelijke regeling GGD en Veilig Thuis Haaglanden betaalt.",
                "Gemeenschappelijke regeling GGD en Veilig Thuis Haaglanden", "Veilig Thuis Haaglanden") \
        == ["Gemeenschappelijke regeling GGD en Veilig Thuis Haaglanden", "Veilig Thuis Haaglanden"]
    # a word only inside another word is no mention of a name ("Regio Amsterdam-Amstelland" holds no "Regio Amsterdam")
    assert kept("De Regio Amsterdam-Amstelland en de Regio Amsterdam.", "Regio Amsterdam-Amstelland", "Regio Amsterdam") \
        == ["Regio Amsterdam-Amstelland", "Regio Amsterdam"]


def test_partial_names_stay_fast_on_many_names_and_mentions():
    from tenderarchive.analysis.organisations import _inside_longer_names
    from tests.speed import LINEAR, linear_time

    def page(n):  # n names, each mentioned on a page of n // 2 sentences
        orgs = [{"name": f"Stichting Zorg{i:04d} Groep{i % 7}", "role": "provider"} for i in range(n)]
        orgs += [{"name": "Regio Amsterdam", "role": "buyer"},
                 {"name": "Jeugdbescherming Regio Amsterdam", "role": "provider"}]
        return orgs, "Jeugdbescherming Regio Amsterdam en Stichting Zorg0001 Groep1. " * (n // 2)

    assert linear_time(lambda args: _inside_longer_names(*args), page, 3000) < LINEAR
    got = _inside_longer_names(*page(3000))
    assert "Regio Amsterdam" not in {o["name"] for o in got} and len(got) == 3001


# --- a region as the second of two places --------------------------------------------------------------------------

@pytest.mark.parametrize("text,region", [
    ("420 kinderen in de knel door ingewikkelde aanbestedingsprocedure in Sliedrecht en regio ZHZ. De jeugdhulp wordt "
     "geleverd door Stichting Kwadrant Jeugdzorg.", "regio ZHZ"),
    ("Wachtlijsten voor jongeren uit Gouda en de regio Midden-Holland. Stichting Kwadrant Jeugdzorg biedt de hulp.",
     "regio Midden-Holland"),
])
def test_a_region_after_a_place_and_one_preposition_is_where(read, text, region):
    got = _orgs(read(text))
    assert "Stichting Kwadrant Jeugdzorg" in got and region not in got, got


def test_a_region_that_buys_after_a_place_list_is_still_read(read):
    got = _orgs(read("Sliedrecht en de regio ZHZ kopen samen in. De regio ZHZ heeft de opdracht gegund aan Stichting "
                     "Kwadrant Jeugdzorg."))
    assert got.get("regio ZHZ") == "buyer", got


# --- a person with a title or initials -----------------------------------------------------------------------------

@pytest.mark.parametrize("text,person", [
    ("Wethouder Jan de Vries en drs. P. Bakker tekenden het contract met Stichting Parlan voor de jeugdhulp.", "Bakker"),
    ("Het contract voor de jeugdhulp is getekend door mr. dr. A. de Vries en Stichting Parlan.", "Vries"),
    ("J.W. Jansen en Stichting Parlan hebben het contract voor de jeugdhulp ondertekend.", "Jansen"),
])
def test_a_person_with_a_title_or_initials_is_no_party(read, text, person):
    res = read(text)
    got = _orgs(res)
    assert not any(person in n for n in got) and not any(person in a for a in res["awardees"]), (got, res["awardees"])


def test_the_shapes_of_a_titled_person():
    from tenderarchive.analysis.organisations import _titled_person
    text = "Volgens drs. P. Bakker en mevrouw Anna de Vries, en J.W. Jansen van Kwadraad B.V. en Bakker Zorg B.V."
    assert _titled_person("Bakker", text) and _titled_person("Anna de Vries", text) and _titled_person("Jansen", text)
    # a name with a legal form or a word of its kind, a legal form's letters and a name the page writes without a
    # title are no person
    assert not _titled_person("Bakker Zorg B.V.", text) and not _titled_person("Kwadraad", text)
    assert not _titled_person("Parlan", "De B.V. Parlan en N.V. Kwadraad doen mee.")


# --- a sentence's opening word before a name with its legal form after it ------------------------------------------

def test_an_opening_word_is_no_part_of_a_name_with_a_legal_form_after_it(read):
    got = _orgs(read("De opdracht voor de jeugdhulp gaat naar Zorggroep Almere. Ook Jeugdzorg Noord-Brabant B.V. doet mee."))
    assert "Jeugdzorg Noord-Brabant B.V." in got and not any(n.startswith("Ook ") for n in got), got


# --- two parties, one with a head word of its kind after its name --------------------------------------------------

def test_a_foundation_and_a_group_are_two(read):
    got = _orgs(read("De crisishulp voor de jeugd wordt geleverd door Stichting Parlan en Kwadraad Groep."))
    assert "Stichting Parlan" in got and "Kwadraad Groep" in got, got


def test_two_domain_words_inside_one_name_keep_it_whole():
    from tenderarchive.analysis.organisations import _two_forms
    assert _two_forms("Stichting Parlan en Kwadraad Groep") == ("Stichting Parlan", "Kwadraad Groep")
    assert _two_forms("Stichting Centrum voor Jeugd en Gezin Groep") == ("Stichting Centrum voor Jeugd en Gezin Groep",)
