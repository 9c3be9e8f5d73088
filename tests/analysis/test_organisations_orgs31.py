"""Organisations on pages never seen, round thirty-one (issue 11, branch orgs31): a list's organisation stays beside a
person dropped from it ("De winnaars zijn Gemeente Epe en Jan de Vries"), a name broken across a line at its hyphen is
joined back ("Veilig Thuis Oost-\\nBrabant"), and a committee of the council ("de Raadscommissie Samenleving") is the
buyer's organ, no party, while the advisory councils of the social domain stay advisers (the corpus gold has
"Adviesraad Sociaal Domein Zeist" and "LOC Cliëntenraden" as `adviser`).

The phrasings are real-style Dutch ones seen on pages (a few words each).
"""

import pytest

from tests.speed import LINEAR, linear_time
from tests.analysis.conftest import organisation_roles as _orgs

_DONE = "De aanbesteding voor de jeugdhulp is afgerond. "


# --- a list's organisation beside a person ------------------------------------------------------------------------------

def test_an_organisation_listed_with_a_person_stays(read):
    result = read(_DONE + "De winnaars zijn Gemeente Epe en Jan de Vries.")
    assert _orgs(result).get("Gemeente Epe") == "buyer", _orgs(result)
    assert "Jan de Vries" not in _orgs(result) and not result["awardees"], result


@pytest.mark.parametrize("text", [
    _DONE + "De winnaars zijn Pluryn en Jan de Vries.",
    _DONE + "De winnaars zijn Stichting Epe en Anna Jansen.",
])
def test_a_winner_listed_with_a_person_stays_the_awardee(read, text):
    result = read(text)
    assert len(result["awardees"]) == 1 and not {"Jan de Vries", "Anna Jansen"} & set(_orgs(result)), result


# --- a name broken across a line at its hyphen ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "De wachttijd bij Veilig Thuis Oost-\nBrabant is lang, zegt Pluryn.",
    "Het contract is gegund aan Veilig Thuis Oost- \nBrabant en Karakter.",
])
def test_a_name_broken_at_its_hyphen_is_joined_back(read, text):
    result = read(text)
    assert "Veilig Thuis Oost-Brabant" in _orgs(result), _orgs(result)
    assert "Veilig Thuis" not in _orgs(result), _orgs(result)


def test_a_hyphen_before_a_word_in_lower_case_on_the_next_line_stays(read):
    result = read("Het contract voor jeugd-\nen gezinsbegeleiding is gegund aan Pluryn.")
    assert result["awardees"] == ["Pluryn"], result["awardees"]


# --- the council's committee and the advisory councils ----------------------------------------------------------------------

def test_a_committee_of_the_council_is_no_party(read):
    result = read("Op advies van de Raadscommissie Samenleving en de Adviesraad Sociaal Domein gaat de inkoop jeugdhulp "
                  "door.")
    assert not any("Raadscommissie" in n for n in _orgs(result)), _orgs(result)
    assert _orgs(result).get("Adviesraad Sociaal Domein") == "adviser", _orgs(result)


def test_the_advisory_councils_stay_advisers(read):
    result = read("Op advies van de Adviesraad Sociaal Domein, de Cliëntenraad en de Jongerenraad gaat de inkoop "
                  "jeugdhulp door.")
    assert {n: r for n, r in _orgs(result).items() if r == "adviser"}.keys() >= {"Adviesraad Sociaal Domein"}, _orgs(result)
    assert all(r == "adviser" for n, r in _orgs(result).items() if "raad" in n.casefold()), _orgs(result)


# --- the national institutes named as a source --------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    _DONE + "Het contract is gegund aan Karakter. Dat blijkt uit cijfers van het Nederlands Jeugdinstituut.",
    _DONE + "Het contract is gegund aan Karakter. Ook de Jeugdautoriteit kijkt naar de wachtlijsten in de regio.",
])
def test_a_national_institute_named_as_a_source_is_no_party(read, text):
    result = read(text)
    assert not {"Nederlands Jeugdinstituut", "Jeugdautoriteit"} & set(_orgs(result)), _orgs(result)
    assert result["awardees"] == ["Karakter"], result["awardees"]


def test_a_national_institute_that_acts_stays(read):
    result = read("Het Nederlands Jeugdinstituut heeft de inkoop jeugdhulp van de regio onderzocht.")
    assert _orgs(result).get("Nederlands Jeugdinstituut") == "adviser", _orgs(result)


def test_reading_stays_linear():
    from tenderarchive.analysis.organisations import find_awardees, find_organisations
    assert linear_time(find_awardees, "De winnaars zijn Gemeente Epe en Jan de Vries. Veilig Thuis Oost-\nBrabant. ") < LINEAR
    assert linear_time(find_organisations, "Bij Veilig Thuis Oost-\nBrabant en de Raadscommissie Samenleving. ") < LINEAR
