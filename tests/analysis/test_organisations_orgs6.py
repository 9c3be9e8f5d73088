"""Awardees on pages never seen, round six (issue 11, branch orgs6): the precision guards of an award withdrawn or
annulled, a party that contests the award, the current or former provider named in apposition, and the award of
another service told in a sentence that names no care; and names read whole: a legal form's dots ("Wilgenhof B.V.")
and a place's adjective before a name ("het Rotterdamse Dock").

Every sentence here is SYNTHETIC: written for the test after general Dutch phrasings; the names are invented or common
words, no page's text is copied.
"""

import pytest

from tests.analysis.test_organisations_orgs4 import awardees, roles


# --- an award withdrawn, annulled or suspended ----------------------------------------------------

@pytest.mark.parametrize("text", [
    "De gemeente heeft de voorlopige gunning aan Eikenrode ingetrokken.",
    "De voorzieningenrechter vernietigde de gunning aan Eikenrode.",
    "De gunning aan Eikenrode is door de rechter geschorst.",
    "Het college trok de gunning aan Eikenrode vorige week in.",
])
def test_a_party_whose_award_was_withdrawn_or_annulled_is_no_awardee(text):
    assert "Eikenrode" not in awardees(text)


def test_the_party_awarded_in_the_same_sentence_as_a_withdrawal_stays_an_awardee():
    text = "De gemeente trok de gunning aan Eikenrode in en gunde de jeugdhulp aan Wilgenhof."
    assert awardees(text) == ["Wilgenhof"]


# --- a party that contests the award --------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "De opdracht ging naar Eikenrode en Wilgenhof. Eikenrode vecht de gunning aan.",
    "De jeugdhulp is gegund aan Wilgenhof en Eikenrode. Eikenrode is in beroep gegaan tegen de gunning voor perceel 2.",
    "De jeugdhulp is gegund aan Wilgenhof en Eikenrode. Eikenrode is het niet eens met de voorlopige gunning.",
])
def test_a_party_that_contests_the_award_is_no_awardee(text):
    assert awardees(text) == ["Wilgenhof"]


def test_a_winner_appealing_a_ruling_stays_an_awardee():
    text = "De jeugdhulp is gegund aan Eikenrode. Eikenrode gaat in hoger beroep tegen het vonnis."
    assert awardees(text) == ["Eikenrode"]


# --- the current or former provider named in apposition ------------------------------------------

@pytest.mark.parametrize("text", [
    "De jeugdhulp is gegund aan Wilgenhof en Eikenrode. Eikenrode, de huidige aanbieder, stopt in juli.",
    "De jeugdhulp is gegund aan Wilgenhof en Eikenrode. Voor Eikenrode (de vorige opdrachtnemer) verandert er veel.",
])
def test_the_current_or_former_provider_named_in_apposition_away_from_its_award_is_no_awardee(text):
    assert awardees(text) == ["Wilgenhof"]


def test_the_current_provider_awarded_again_stays_an_awardee():
    assert awardees("De opdracht is opnieuw gegund aan Eikenrode, de huidige aanbieder.") == ["Eikenrode"]


# --- the award of another service, told in the next sentence -------------------------------------

@pytest.mark.parametrize("first", [
    "Perceel 2 betreft de Wmo-begeleiding.",
    "De aanbesteding voor het leerlingenvervoer is afgerond.",
])
def test_an_award_told_right_after_a_sentence_about_another_service_is_that_services(first):
    text = f"{first} Dit perceel is gegund aan Beukenrode. De jeugdhulp is gegund aan Wilgenhof."
    assert awardees(text) == ["Wilgenhof"]


def test_an_award_told_right_after_a_sentence_about_youth_care_stays():
    assert awardees("De gemeente kocht de jeugdhulp in. De opdracht is gegund aan Wilgenhof.") == ["Wilgenhof"]


# --- names read whole ----------------------------------------------------------------------------

@pytest.mark.parametrize("text,names", [
    # (branch orgs15: with the legal form's last dot, as written)
    ("Wilgenhof B.V. won de aanbesteding voor de jeugdhulp.", ["Wilgenhof B.V."]),
    ("De jeugdhulp is gegund aan Wilgenhof B.V. en Lindeboom B.V. De gemeente is blij.", ["Wilgenhof B.V.", "Lindeboom B.V."]),
    ("De jeugdhulp is gegund aan Wilgenhof B.V. De gemeente is blij.", ["Wilgenhof B.V."]),
])
def test_an_awardee_with_its_legal_form_keeps_the_legal_form_whole(text, names):
    assert awardees(text) == names


@pytest.mark.parametrize("text,name", [
    ("Vorig jaar gunde het stadsdeel de jeugdhulp aan het Rotterdamse Dock.", "Dock"),
    ("De jeugdhulp is gegund aan het Utrechtse Lindeboom Jeugdzorg.", "Lindeboom Jeugdzorg"),
])
def test_a_places_adjective_before_a_name_is_not_part_of_the_name(text, name):
    assert awardees(text) == [name]


@pytest.mark.parametrize("text,name", [
    ("Zorgaanbieder Haagse Hogeschool doet mee aan de aanbesteding.", "Haagse Hogeschool"),
    ("De Nederlandse Vereniging voor Autisme (NVA) is bezorgd.", "Nederlandse Vereniging voor Autisme"),
])
def test_a_name_that_begins_with_a_places_adjective_keeps_it(text, name):
    assert name in roles(text)


# --- more general Dutch ways of telling the winner ----------------------------------------------

@pytest.mark.parametrize("text,names", [
    ("Wilgenhof wordt de nieuwe aanbieder van de jeugdhulp in de regio.", ["Wilgenhof"]),
    ("Wilgenhof is per 1 januari 2025 de nieuwe jeugdhulpaanbieder.", ["Wilgenhof"]),
    ("De gemeenten hebben Wilgenhof gecontracteerd als nieuwe aanbieder voor de jeugdhulp.", ["Wilgenhof"]),
    ("De regio heeft Wilgenhof en Lindeboom geselecteerd voor de jeugdhulp.", ["Wilgenhof", "Lindeboom"]),
    ("De gemeente contracteert Wilgenhof voor de jeugdhulp.", ["Wilgenhof"]),
    ("Wilgenhof ontving de opdracht voor de ambulante jeugdhulp.", ["Wilgenhof"]),
    ("Wilgenhof verkreeg de opdracht voor de jeugdhulp.", ["Wilgenhof"]),
    ("Wilgenhof heeft de gunning ontvangen.", ["Wilgenhof"]),
    ("De winnaar van de aanbesteding is Wilgenhof.", ["Wilgenhof"]),
    ("De winnende partij is Wilgenhof.", ["Wilgenhof"]),
    ("De voorlopige gunning voor de jeugdhulp is naar Wilgenhof gegaan.", ["Wilgenhof"]),
    ("Wilgenhof mag vanaf 2025 de jeugdhulp uitvoeren.", ["Wilgenhof"]),
])
def test_the_winner_told_the_general_dutch_ways_is_an_awardee(text, names):
    assert awardees(text) == names


@pytest.mark.parametrize("text", [
    "Wilgenhof wordt mogelijk de nieuwe aanbieder.",
    "Wie wordt de nieuwe aanbieder? Wilgenhof of Lindeboom?",
    "De winnaar is nog niet bekend.",
    "Wilgenhof mag geen jeugdhulp meer leveren.",
    "Aanbieders die voldoen mogen de jeugdhulp leveren.",
    "De gemeenten willen Wilgenhof contracteren voor de jeugdhulp.",
])
def test_a_winner_supposed_asked_or_denied_is_no_awardee(text):
    assert awardees(text) == []


# --- organisations: general ways of naming a provider -------------------------------------------

@pytest.mark.parametrize("text,names", [
    ("De gecertificeerde instelling Wilgenhof voert de maatregel uit.", {"Wilgenhof"}),
    ("Instellingen als Wilgenhof en Lindeboom maken zich zorgen.", {"Wilgenhof", "Lindeboom"}),
    ("Organisaties zoals Wilgenhof, Lindeboom en Eikenrode doen mee.", {"Wilgenhof", "Lindeboom", "Eikenrode"}),
    ("Wilgenhof, een jeugdhulpaanbieder uit Apeldoorn, reageert op de gunning.", {"Wilgenhof"}),
])
def test_a_provider_named_by_its_kind_or_as_an_example_of_a_kind_is_a_provider(text, names):
    found = roles(text)
    assert {n: found.get(n) for n in names} == {n: "provider" for n in names}


def test_a_body_whose_name_ends_in_a_word_joined_by_en_is_read_with_its_abbreviation():
    assert "Inspectie Gezondheidszorg en Jeugd" in roles("De Inspectie Gezondheidszorg en Jeugd (IGJ) deed onderzoek.")


# --- the award that does not go to a party, and a sentence of two awards ----------------------------

@pytest.mark.parametrize("text,names", [
    ("De opdracht gaat niet naar Eikenrode.", []),
    ("De opdracht gaat niet naar Eikenrode maar naar Wilgenhof.", ["Wilgenhof"]),
    ("De opdracht gaat niet meer naar Eikenrode, maar naar de zorgaanbieder Wilgenhof.", ["Wilgenhof"]),
])
def test_the_award_that_does_not_go_to_a_party_goes_to_the_other(text, names):
    assert awardees(text) == names


def test_of_two_awards_in_one_sentence_the_clause_of_another_service_is_not_this_archives():
    text = "De jeugdhulp is gegund aan Wilgenhof; het Wmo-vervoer is gegund aan Taxi Noord."
    assert awardees(text) == ["Wilgenhof"]
