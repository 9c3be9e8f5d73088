"""Organisations on pages never seen, round twenty-five (issue 11, branch orgs25): an organ of a body -- its board,
council or college ("de Raad van Toezicht", "de Ondernemingsraad van Pluryn", "de Gemeenteraad", "het College van
Burgemeester en Wethouders", "het Dagelijks Bestuur", "de Tweede Kamer") -- and an office holder's title alone
("Wethouders") are no organisation nor awardee; a municipality's front door ("Toegang Jeugd", "het Jeugdloket", "het
Klantcontactcentrum") is the buyer's own staff; a paper named by a compound of its kind ("de Gezinsbode") is a news
medium; a kind of party in the plural or a sector written with a capital ("Huisartsen", "het Onderwijs"), or a body's
kind word alone ("de Provincie", "het Ministerie"), names no party. The party beside them is still read, as are a court ("Raad van State") and an advisory council.

The phrasings are real-style Dutch ones seen on pages (a few words each).
"""

import pytest

from tests.speed import LINEAR, linear_time
from tests.analysis.conftest import organisation_roles as _orgs


# --- an organ of a body --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,party", [
    ("In samenwerking met de Raad van Toezicht en de Medezeggenschapsraad levert zorgaanbieder Pluryn de jeugdhulp.",
     "Pluryn"),
    ("De gemeente werkt in de jeugdhulp samen met de Medezeggenschapsraad en met zorgaanbieder Pluryn.", "Pluryn"),
    ("In overleg met de Gemeenteraad en de Tweede Kamer koopt de gemeente jeugdhulp in bij Stichting Pluryn.",
     "Stichting Pluryn"),
    ("De jeugdhulp wordt geleverd door zorgaanbieder Pluryn. De Provinciale Staten en de Eerste Kamer debatteren.",
     "Pluryn"),
])
def test_an_organ_of_a_body_is_no_organisation(read, text, party):
    got = _orgs(read(text))
    assert party in got, got
    assert not any(w in n for n in got for w in ("Raad", "Kamer", "Staten")), got


def test_a_contract_with_the_buyers_college_names_no_awardee(read):
    result = read("De contracten voor de jeugdhulp zijn getekend met het College van Burgemeester en Wethouders.")
    assert result["awardees"] == [] and _orgs(result) == {}, result["organisations"]


@pytest.mark.parametrize("name", ["Raad van Toezicht", "de Ondernemingsraad van Pluryn", "Gemeenteraad Ede",
                                  "College van B&W", "Dagelijks Bestuur", "Wethouders", "Raad van Bestuur van Karakter"])
def test_organs_are_recognised(name):
    from tenderarchive.analysis.organisations import _organ
    assert _organ(name)


@pytest.mark.parametrize("name", ["Raad van State", "College van Beroep voor het bedrijfsleven", "Centrale Raad van Beroep",
                                  "Raad voor de Kinderbescherming", "Adviesraad Sociaal Domein", "Cliëntenraad",
                                  "Gemeenteraad Pluryn Zorg", "Karakter"])
def test_courts_public_bodies_and_advisory_councils_are_no_organs(name):
    from tenderarchive.analysis.organisations import _organ
    assert not _organ(name)


@pytest.mark.parametrize("text", [
    "De gemeente werkt in de jeugdhulp samen met de Stuurgroep Jeugd en de Projectgroep Inkoop.",
    "Samen met de Werkgroep Inkoop en de Stuurgroep Jeugd bereidt de regio de aanbesteding jeugdhulp voor.",
    "In samenwerking met de Regiegroep en het Portefeuillehoudersoverleg Jeugd koopt de regio jeugdhulp in.",
])
def test_a_working_group_of_the_buyers_is_no_organisation(read, text):
    assert _orgs(read(text)) == {}


def test_a_body_or_firm_named_like_a_group_is_no_working_group():
    from tenderarchive.analysis.organisations import _organ
    for name in ("Interprovinciaal Overleg", "Social Taskforce", "Zorggroep Almere", "Werkgroep Jeugd B.V."):
        assert not _organ(name), name


def test_a_court_named_raad_is_still_read(read):
    got = _orgs(read("De Raad van State heeft de uitspraak over de aanbesteding jeugdhulp bevestigd."))
    assert got.get("Raad van State") == "court", got


# --- a municipality's front door, a paper by a compound of its kind ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "Tijdens de informatiebijeenkomst jeugdhulp werken aanbieders samen met de Toegang Jeugd.",
    "De aanbesteding jeugdhulp wordt uitgevoerd in samenwerking met het Klantcontactcentrum.",
    "Voor vragen over de jeugdhulp werkt de gemeente samen met het Jeugdloket.",
])
def test_a_front_door_of_the_municipality_is_no_organisation(read, text):
    assert _orgs(read(text)) == {}


def test_a_front_door_with_a_legal_form_or_a_national_one_stays():
    from tenderarchive.analysis.organisations import _municipal_unit
    assert _municipal_unit("Toegang Jeugd Zwolle") and _municipal_unit("Wmo-loket")
    assert not _municipal_unit("Stichting Toegang Jeugd") and not _municipal_unit("Het Juridisch Loket")


def test_a_paper_named_by_a_compound_of_its_kind_is_no_party(read):
    got = _orgs(read("Samen met de Gezinsbode en het Jeugdfonds werkt de gemeente aan de inkoop van jeugdhulp."))
    assert "Gezinsbode" not in got and "Jeugdfonds" in got, got


# --- a kind of party in the plural, a sector ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "De gemeente werkt in de jeugdhulp samen met Huisartsen, Scholen en Verloskundigen.",
    "De jeugdhulp wordt samen met Zorgverzekeraars en Woningcorporaties ingekocht.",
    "De regio werkt in de jeugdhulp samen met het Onderwijs, de Kinderopvang en de Jeugdgezondheidszorg.",
    "De gemeente werkt voor de jeugdhulp samen met Onderwijs en Zorg.",
    "De gemeente werkt in de jeugdhulp samen met de Provincie en het Ministerie.",
    "De gemeente werkt voor de jeugdhulp samen met Thuis en School.",
])
def test_a_kind_of_party_or_a_sector_written_with_a_capital_is_no_party(read, text):
    assert _orgs(read(text)) == {}


def test_a_name_of_that_shape_with_more_words_or_another_head_stays():
    from tenderarchive.analysis.organisations import _GENERIC
    assert _GENERIC.fullmatch("Huisartsen") and _GENERIC.fullmatch("de Kinderopvang")
    assert _GENERIC.fullmatch("de Provincie") and _GENERIC.fullmatch("Zorgaanbieder")
    for name in ("Zonnehuizen", "Lunetzorg", "Karakter", "Jeugdzorg Nederland", "Stichting Jongeren", "Provincie Utrecht",
                 "Ministerie van VWS", "Thuis Zorg Oost"):
        assert not _GENERIC.fullmatch(name), name


def test_a_party_beside_a_kind_of_party_is_still_read(read):
    got = _orgs(read("De gemeente werkt in de jeugdhulp samen met Huisartsen en met zorgaanbieder Pluryn."))
    assert got.get("Pluryn") == "provider" and "Huisartsen" not in got, got


def test_organs_stay_fast_on_long_text():
    from tenderarchive.analysis.organisations import find_organisations
    assert linear_time(find_organisations, "Samen met de Raad van Toezicht van Pluryn en de Gemeenteraad van Ede ") < LINEAR
    assert linear_time(find_organisations, "in samenwerking met het Jeugdloket en de Gezinsbode en ") < LINEAR
