"""Awardees on pages never seen, round five (issue 11, branch orgs5): the new provider named after its kind, parties
said to provide the care from a year on, a short name read as the full name the text gives after the party's kind, and
the precision guards of a party named as the current provider or as the one that took the award to court.

Every sentence here is SYNTHETIC: written for the test after general Dutch phrasings; the names are invented or common
words, no page's text is copied.
"""

import pytest

from tests.analysis.test_organisations_orgs4 import awardees, roles


# --- the new provider, named after its kind -----------------------------------------------------

@pytest.mark.parametrize("text,name", [
    ("De gemeenten zijn tevreden. En die nieuwe jeugdhulpaanbieder, Wilgenhof, komt er.", "Wilgenhof"),
    ("Na de aanbesteding begint de nieuwe opdrachtnemer Lindeboom in maart met het werk.", "Lindeboom"),
    ("Deze nieuwe zorgaanbieder, Kastanjehof, neemt de gesloten jeugdzorg over.", "Kastanjehof"),
])
def test_the_new_provider_named_after_its_kind_is_an_awardee(text, name):
    assert name in awardees(text)


@pytest.mark.parametrize("text", [
    "Jongeren zouden met de nieuwe zorgaanbieder, Wilgenhof, niet langer in de regio terechtkunnen.",
    "De nieuwe aanbieder Wilgenhof moet nog worden gekozen in een aanbesteding.",
])
def test_a_new_provider_feared_or_still_to_be_chosen_is_no_awardee(text):
    assert "Wilgenhof" not in awardees(text)


# --- parties said to provide the care from a year on ---------------------------------------------

def test_parties_who_will_provide_the_care_from_a_year_on_are_awardees():
    text = ("Beukenrode en Lindeboom gaan samen met de gemeente op basis van partnerschap de jeugdhulp vanaf 2024 "
            "verzorgen voor de komende acht jaar.")
    assert {"Beukenrode", "Lindeboom"} <= set(awardees(text))


def test_parties_who_only_plan_something_else_from_a_year_on_are_no_awardees():
    text = "Beukenrode en Lindeboom gaan vanaf 2024 samen een nieuw gebouw betrekken."
    assert awardees(text) == []


# --- the full name the text gives after the party's kind --------------------------------------------

def test_a_short_awardee_name_is_read_as_the_full_name_given_after_its_kind():
    text = ("Samenwerkingsverband ZO! Voor Kinderen begreep het beste wat de gemeenten willen. Vanaf 1 januari 2018 is "
            "ZO! verantwoordelijk voor de uitvoering van de jeugdhulp.")
    assert awardees(text) == ["ZO! Voor Kinderen"]


def test_a_short_name_with_two_full_names_on_the_page_stays_short():
    text = ("Stichting Wilgenhof Noord en stichting Wilgenhof Zuid werken samen. Vanaf 1 januari 2018 is Wilgenhof "
            "verantwoordelijk voor de uitvoering van de jeugdhulp.")
    assert awardees(text) == ["Wilgenhof"]


# --- precision guards: the current provider, the party that went to court -------------------------

def test_the_current_provider_named_as_such_away_from_the_award_is_no_awardee():
    text = ("De opdracht is gegund aan Lindeboom en Wilgenhof. De huidige aanbieder, Wilgenhof, blijft tot de zomer de "
            "zorg leveren.")
    assert awardees(text) == ["Lindeboom"]


@pytest.mark.parametrize("tail", [
    "Wilgenhof stapte daarop naar de rechter.",
    "Wilgenhof had de rechter om een uitspraak gevraagd.",
])
def test_the_party_that_took_the_award_to_court_is_no_awardee(tail):
    text = "De aanbesteding is gegund aan Lindeboom en Wilgenhof. " + tail
    assert awardees(text) == ["Lindeboom"]


# --- organisations: the parties a sentence about a kind of party goes on to name ---------------------

def test_the_parties_named_after_het_gaat_om_are_providers_without_their_places():
    text = ("De inspectie verscherpt het toezicht op vijf instellingen voor gesloten jeugdzorg. Het gaat om Eikenrode in "
            "Amsterdam, Berkhof in Groningen, Via Kind in Cadier en Keer, Wilgenhof in Leidschendam en Lindeboom in "
            "Deurne en Zetten.")
    assert roles(text) == {n: "provider" for n in ("Eikenrode", "Berkhof", "Via Kind", "Wilgenhof", "Lindeboom")}


def test_het_gaat_om_after_no_kind_of_party_names_no_provider():
    assert roles("De raad besprak de begroting. Het gaat om Eikenrode en Berkhof.") == {}


# --- organisations: the court named by its judge and seat ----------------------------------------------

@pytest.mark.parametrize("text,name", [
    ("Maar de vordering is afgewezen, heeft de rechter in Amsterdam bepaald.", "rechtbank Amsterdam"),
    ("De voorzieningenrechter te Zwolle wees de eis van Wilgenhof af.", "rechtbank Zwolle"),
])
def test_the_judge_in_a_seat_names_the_court_of_that_seat(text, name):
    assert roles(text)[name] == "court"


def test_the_judge_in_a_country_names_no_court():
    assert roles("De rechter in Nederland toetst een aanbesteding marginaal.") == {}


# --- organisations: parties that did not tender, told in a subordinate clause -----------------------------

def test_parties_that_did_not_tender_in_a_subordinate_clause_are_providers():
    text = ("De keuzevrijheid is in gevaar nu Wilgenhof zich net als het Leger der Eiken Jeugdzorg & Reclassering niet "
            "heeft ingeschreven voor de aanbesteding.")
    assert roles(text) == {"Wilgenhof": "provider", "Leger der Eiken Jeugdzorg & Reclassering": "provider"}
