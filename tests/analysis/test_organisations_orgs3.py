"""Awardees on pages never seen: the title as evidence, the general Dutch ways of reporting a winner, and the parties
that did not win (issue 11, branch orgs3).

Every sentence here is SYNTHETIC: written for the test after general Dutch phrasings of an award and of losing one;
the names are invented or common words, no page's text is copied.
"""

import pytest

from tenderarchive.analysis import analyse
from tenderarchive.analysis.organisations import find_awardees


def awardees(text: str, title: str | None = None) -> list[str]:
    found = find_awardees(text, title) if title is not None else find_awardees(text)
    return [a["name"] for a in found]


# --- the title is evidence, with the same verbs and the headline's way without one --------------

@pytest.mark.parametrize("title,names", [
    ("Aanbesteding buurtteams jeugd opnieuw naar Wilg en Beuk", ["Wilg", "Beuk"]),
    ("Opdracht ambulante jeugdhulp naar Kastanjegroep", ["Kastanjegroep"]),
    ("Jeugdhulp regio Noord definitief gegund aan Stichting Eik", ["Stichting Eik"]),
    ("Lindeboom wint aanbesteding jeugdzorg", ["Lindeboom"]),
])
def test_a_winner_named_only_in_the_title_is_an_awardee(title, names):
    text = "Wij zijn heel blij met dit besluit. De jeugdhulp start op 1 januari 2026."
    assert awardees(text, title) == names


def test_the_title_goes_through_analysis_to_the_awardees():
    text = "Wij zijn heel blij met het besluit van de gemeenten over de inkoop van jeugdhulp. De aanbesteding is afgerond."
    result = analyse(text, title="Aanbesteding jeugdhulp opnieuw naar Wilg en Beuk")
    assert result["awardees"] == ["Wilg", "Beuk"]
    assert result["awardee_evidence"][0]["rule"] == "headline_naar"


def test_a_title_that_names_no_award_gives_no_awardee():
    assert awardees("De gemeente praat met aanbieders.", "Gesprek met Wilg over jeugdhulp") == []


# --- the general Dutch ways of reporting a winner ----------------------------------------------

@pytest.mark.parametrize("text,names", [
    ("Stichting Eik won de aanbesteding voor ambulante jeugdhulp.", ["Stichting Eik"]),
    ("De keuze is uiteindelijk gevallen op Zorggroep Wilg.", ["Zorggroep Wilg"]),
    ("De regio koos voor Lindeboom als nieuwe aanbieder van jeugdhulp.", ["Lindeboom"]),
    ("Kastanje Jeugd is geselecteerd als opdrachtnemer voor de specialistische jeugdhulp.", ["Kastanje Jeugd"]),
    ("De opdracht voor de jeugdbescherming is toegekend aan Stichting Beuk.", ["Stichting Beuk"]),
    ("Wilg sleept contract voor jeugdhulp in de wacht.", ["Wilg"]),
    ("Zorggroep Els haalde het contract voor de wijkteams jeugd binnen.", ["Zorggroep Els"]),
])
def test_a_winner_reported_the_general_dutch_way_is_an_awardee(text, names):
    assert awardees(text) == names


# --- precision guards: who did not win -------------------------------------------------------

@pytest.mark.parametrize("text,won,not_won", [
    # the award denied where it is told
    ("Het perceel jeugdhulp is niet gegund aan Stichting Eik.", [], ["Stichting Eik"]),
    ("Stichting Eik heeft de aanbesteding voor jeugdhulp niet gewonnen.", [], ["Stichting Eik"]),
    ("Stichting Eik won de aanbesteding voor jeugdhulp niet.", [], ["Stichting Eik"]),
    # a party that lost, objected or went to court against the award
    ("De jeugdhulp is voorlopig gegund aan Stichting Eik en Stichting Beuk. Stichting Beuk verloor na herbeoordeling "
     "de aanbesteding.", ["Stichting Eik"], ["Stichting Beuk"]),
    ("De opdracht is voorlopig gegund aan Wilg en Beuk. Beuk maakte bezwaar tegen de score.", ["Wilg"], ["Beuk"]),
    ("De opdracht is gegund aan Wilg en Beuk. Beuk spande een kort geding aan tegen de regio.", ["Wilg"], ["Beuk"]),
    ("De aanbesteding is gewonnen door Wilg en Beuk. Het bezwaar van Beuk is afgewezen.", ["Wilg"], ["Beuk"]),
    # a party that withdrew after the award
    ("Het contract jeugdzorg is gegund aan Stichting Eik en Stichting Beuk. Stichting Beuk trok zich later terug.",
     ["Stichting Eik"], ["Stichting Beuk"]),
])
def test_a_party_that_did_not_win_is_no_awardee(text, won, not_won):
    found = awardees(text)
    assert found == won
    for n in not_won:
        assert n not in found


def test_the_winner_of_another_service_on_a_youth_care_page_is_a_provider_not_an_awardee():
    text = ("De jeugdhulp in de regio is gegund aan Stichting Eik. "
            "Het leerlingenvervoer is gegund aan Taxi Snel.")
    assert awardees(text) == ["Stichting Eik"]
    result = analyse("De inkoop van jeugdhulp is afgerond. " + text, title="Gunning jeugdhulp")
    roles = {o["name"]: o["role"] for o in result["organisations"]}
    assert roles.get("Stichting Eik") == "awardee"
    assert roles.get("Taxi Snel") == "provider"
