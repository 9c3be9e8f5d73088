"""Organisations on pages never seen, round twelve (issue 11, branch orgs12): a service "van" an organisation, an
abbreviation with an article as a sentence's subject, a name with an "i-" word, and a region that is no party one
works with.

The phrasings are real Dutch ones seen on pages (public text, a few words each); the names in the guards are invented.
"""

import pytest

from tenderarchive.analysis.organisations import find_organisations
from tests.speed import LINEAR, linear_time
from tests.analysis.conftest import organisation_roles as _orgs


# --- a service of an organisation ------------------------------------------------------------------------------

def test_a_service_of_an_organisation_names_its_provider(read):
    text = ("In deze dialoog worden ook belanghebbenden betrokken zoals kinderen en jongeren, ouders, lokale teams en de "
            "jeugdbescherming van Samen Veilig Midden Nederland.")
    assert _orgs(read(text)).get("Samen Veilig Midden Nederland") == "provider"


@pytest.mark.parametrize("text", [
    "De jeugdhulp van Zwolle is duur geworden.",  # a place
    "De jeugdzorg van Twente staat onder druk.",  # a region
    "De jeugdhulp van Anna de Vries was goed.",  # a person
    "De jeugdhulp van Nederland kan beter.",  # the country
    "De zorg van Jeugdwet en Wmo samen.",  # laws
])
def test_a_service_of_a_place_person_or_law_names_no_provider(read, text):
    assert not {"Zwolle", "Twente", "Anna de Vries", "Nederland", "Jeugdwet", "Jeugdwet en Wmo"} & set(_orgs(read(text)))


# --- an abbreviation with an article as a sentence's subject ---------------------------------------------------

def test_an_abbreviation_with_an_article_as_subject_is_a_body(read):
    text = ("De nieuwe aanbesteding voor de WMO-regiotaxi in het Oosterscheldegebied is weer een jaar uitgesteld. Het "
            "SWVO, die voor de Oosterschelderegio het WMO-taxivervoer regelt, heeft op 15 december 2010 besloten het "
            "lopende contract met Connexxion met een jaar te verlengen.")
    assert _orgs(read(text)).get("SWVO") == "buyer"


@pytest.mark.parametrize("text,name", [
    ("De VVD, die al jaren kritisch is, stemde tegen.", "VVD"),  # a political party
    ("Het IZA, dat in 2022 is gesloten, geldt ook hier.", "IZA"),  # an agreement
    ("De PGB, die ouders zelf beheren, blijft bestaan.", "PGB"),  # a budget
    ("Het NL, dat hier staat, is een afkorting.", "NL"),
])
def test_an_abbreviated_party_law_or_budget_as_subject_is_no_body(read, text, name):
    assert name not in _orgs(read(text))


# --- a name with an "i-" word ----------------------------------------------------------------------------------

def test_a_name_with_an_i_word_is_read_whole(read):
    text = ("Op dinsdag 30 september vond alweer de zesde roadshow van het Ketenbureau i-Sociaal Domein plaats in "
            "Noord-Holland. Dit keer waren we te gast bij de gemeente Alkmaar.")
    assert _orgs(read(text)).get("Ketenbureau i-Sociaal Domein") == "adviser"


# --- a region is never a party one works with ------------------------------------------------------------------

@pytest.mark.parametrize("text,region", [
    ("De jongeren werken samen met Wilgenhof en Twente aan een plan voor de wijk.", "Twente"),
    ("Eikenrode werkt samen met Drenthe en Salland aan betere jeugdhulp.", "Drenthe"),
    ("De gemeente heeft een contract met Achterhoek en Wilgenhof voor de jeugdhulp.", "Achterhoek"),
])
def test_a_region_worked_with_is_no_provider(read, text, region):
    assert region not in _orgs(read(text))


def test_a_provider_worked_with_beside_a_region_is_still_read(read):
    assert _orgs(read("De jongeren werken samen met Wilgenhof en Twente aan een plan."))["Wilgenhof"] == "provider"


# --- speed -----------------------------------------------------------------------------------------------------

def test_the_new_readings_stay_linear_on_100_kb():
    for unit in ("Het SWVO, die regelt. ", "de jeugdbescherming van Eik Wilg Linde Beuk ", "i-Eik i-Wilg i-Linde ",
                 "werken samen met Twente en Drenthe en "):
        assert linear_time(find_organisations, unit) < LINEAR, unit


# --- the service a party is contracted for is no part of its name -----------------------------------------------

def test_the_service_after_a_name_is_cut_off(read):
    text = ("Het Wmo-vervoer in Laren wordt momenteel door Latax verzorgd. In februari 2020 heeft de gemeente de "
            "overeenkomst met Latax voor het Wmo-vervoer opgezegd.")
    orgs = _orgs(read(text))
    assert "Latax" in orgs and not any(n.startswith("Latax voor") for n in orgs)


@pytest.mark.parametrize("text,name", [
    ("Het contract met de Raad voor de Kinderbescherming loopt door.", "Raad voor de Kinderbescherming"),
    ("Het contract met Stichting Hulp voor Kinderen Eikenrode loopt door.", "Stichting Hulp voor Kinderen Eikenrode"),
])
def test_a_name_with_voor_of_its_own_is_not_cut(read, text, name):
    assert name in _orgs(read(text))


# --- an officer's name after the organisation of its function ---------------------------------------------------

def test_an_officer_named_after_the_organisation_is_no_part_of_it(read):
    text = ("Pedagogisch directeur van Berend Botje Gaby Alberts is bang dat het voornemen van de gemeente leidt tot "
            "banenverlies.")
    orgs = _orgs(read(text))
    assert orgs.get("Berend Botje") == "provider" and "Berend Botje Gaby Alberts" not in orgs


@pytest.mark.parametrize("text,name", [
    ("De directeur van Berend Botje vindt het voornemen verstandig.", "Berend Botje"),  # no officer named after it
    ("De directeur van Eikenrode Wilgenhof Linde legt uit dat het voornemen verstandig is.", "Eikenrode"),  # a person
    # after it: the organisation is what is left
])
def test_an_organisation_without_an_officer_after_it_is_kept(read, text, name):
    assert name in _orgs(read(text))


def test_a_part_of_the_country_beside_a_buying_office_is_no_provider(read):
    text = ("Stichting Regionaal Inkoopbureau IJmond en Kennemerland (RIJK) is in 2009 opgericht door 8 gemeenten in de "
            "regio IJmond en Kennemerland.")
    assert "Kennemerland" not in _orgs(read(text))


# --- a compass word alone, the state --------------------------------------------------------------------------------

@pytest.mark.parametrize("text,word", [
    ("De inwoners van de regio’s West\nFriesland, Kop van Noord-Holland en Noord Kennemerland kunnen naar\nverwachting "
     "ook na 1 januari gebruik blijven maken van hun vaste\nzorgaanbieder.", "West"),
    ("Er wordt met het Rijk ook over deze zorg gesproken, dit gebeurt vanuit de verschillende regio's. Er is een "
     "samenwerking met het Rijk en met Eikenrode.", "Rijk"),
])
def test_a_compass_word_alone_or_the_state_is_no_organisation(read, text, word):
    assert word not in _orgs(read(text))


def test_an_abbreviation_as_subject_takes_the_role_of_the_body_it_spells(read):
    text = ("De Centrale Raad van Beroep deed uitspraak. De CRVB heeft uitspraken gedaan over de woonplaats van de "
            "jeugdige en over de vraag of het college ruimte heeft bij het bepalen daarvan.")
    # (branch orgs19) the abbreviation beside the name in full is that one court, read once under its full name
    got = _orgs(read(text))
    assert got.get("Centrale Raad van Beroep") == "court" and got.get("CRVB", "court") == "court", got
