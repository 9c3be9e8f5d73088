"""Organisations on pages never seen, round thirteen (issue 11, branch orgs13): a programme is no organisation, a
buying office buys whatever its legal form, "Dienstverlening" is no "Dienst", a word glued to a year is no party, and
a name with two words of the domain joined by "en" is read whole.

The phrasings are real Dutch ones seen on pages (public text, a few words each); the names in the guards are invented.
"""

import pytest

from tenderarchive.analysis.organisations import find_organisations
from tests.speed import LINEAR, linear_time, repeat
from tests.analysis.conftest import organisation_roles as _orgs


# --- a programme ------------------------------------------------------------------------------------------------

def test_a_programme_and_its_abbreviation_are_no_organisation(read):
    text = ("De gemeente kreeg deze maand subsidie toegekend vanuit het actieprogramma Maatschappelijke Diensttijd (MDT) "
            "van de Rijksoverheid. Vorig jaar heeft de gemeente samen met Jeugd-Punt al twee keer succesvol subsidie "
            "aangevraagd vanuit het programma Jeugd aan Zet, ook onderdeel van MDT.")
    assert not {"MDT", "Maatschappelijke Diensttijd", "Jeugd aan Zet"} & set(_orgs(read(text)))


@pytest.mark.parametrize("text,name", [
    ("Het project Wilgenhof Thuis loopt tot 2026. Het team is onderdeel van WTP.", "WTP"),  # no programme is WTP
    ("De afdeling is onderdeel van Eikenrode Groep.", "Eikenrode Groep"),
])
def test_a_part_of_an_organisation_is_still_read(read, text, name):
    assert name in _orgs(read(text))


# --- a buying office with a legal form ---------------------------------------------------------------------------

@pytest.mark.parametrize("text,name", [
    ("Stichting Regionaal Inkoopbureau IJmond en Kennemerland (RIJK) is in 2009 opgericht door 8 gemeenten in de regio "
     "IJmond en Kennemerland.", "Stichting Regionaal Inkoopbureau IJmond en Kennemerland"),
    ("De gemeente heeft een contract met Inkooporganisatie Eikenrode voor de jeugdhulp.", "Inkooporganisatie Eikenrode"),
])
def test_a_buying_office_buys_whatever_its_legal_form(read, text, name):
    assert _orgs(read(text)).get(name) == "buyer"


def test_a_provider_with_a_legal_form_is_still_a_provider(read):
    assert _orgs(read("Stichting Eikenrode Jeugdhulp biedt ambulante zorg."))["Stichting Eikenrode Jeugdhulp"] == "provider"


# --- a course named with "Dienstverlening" ------------------------------------------------------------------------

def test_a_course_with_dienstverlening_is_no_buyer(read):
    text = ("Voor de meeste functies is een relevante mbo- of hbo-opleiding vereist, zoals Sociaal Pedagogisch "
            "Hulpverlening (SPH), Pedagogiek of Maatschappelijk Werk en Dienstverlening (MWD).")
    assert "Maatschappelijk Werk en Dienstverlening" not in _orgs(read(text))


def test_a_sociale_dienst_with_its_abbreviation_is_still_a_buyer(read):
    assert _orgs(read("De Sociale Dienst Eikenrode (SDE) koopt de jeugdhulp in."))["Sociale Dienst Eikenrode"] == "buyer"


# --- a word glued to a year --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,name", [
    ("Maaike Varwijk (Amersfoort2014) en Rachida Issaoui (PvdA) waren na afloop teleurgesteld in de coalitiepartijen.",
     "Amersfoort2014"),
    ("Anna Berk (Wilgenhof2030) is teleurgesteld over het plan.", "Wilgenhof2030"),
])
def test_a_word_glued_to_a_year_is_no_organisation(read, text, name):
    assert name not in _orgs(read(text))


def test_a_person_with_an_organisation_in_brackets_is_still_read(read):
    assert "Eikenrode" in _orgs(read("Anna Berk (Eikenrode) is teleurgesteld over het plan."))


# --- a name with two words of the domain joined by "en" ---------------------------------------------------------

@pytest.mark.parametrize("text,name", [
    ("De gemeente werkt in de jeugdhulp samen met Centrum voor Jeugd en Gezin Eikenrode.",
     "Centrum voor Jeugd en Gezin Eikenrode"),
    ("Er is een contract met Wilgenhof en Huis voor Opvoeding en Opgroeien Noord voor de jeugdhulp.",
     "Huis voor Opvoeding en Opgroeien Noord"),
])
def test_a_name_with_two_domain_words_joined_by_en_is_read_whole(read, text, name):
    orgs = _orgs(read(text))
    assert name in orgs
    assert not {"Centrum voor Jeugd", "Gezin Eikenrode", "Huis voor Opvoeding", "Opgroeien Noord"} & set(orgs)


def test_two_providers_joined_by_en_are_still_two(read):
    orgs = _orgs(read("De gemeente heeft een contract met Wilgenhof en Eikenrode Jeugdzorg voor de jeugdhulp."))
    assert {"Wilgenhof", "Eikenrode Jeugdzorg"} <= set(orgs)


# --- speed ---------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("unit", ["het programma Jeugd ", "Anna Berk (Wilgenhof2030) ", "Werk en Dienstverlening (WD). "])
def test_the_new_checks_stay_fast_on_100_kb(unit):
    assert linear_time(find_organisations, lambda n: "samenwerking met " + repeat(unit, n)) < LINEAR


@pytest.mark.parametrize("unit", ["Centrum voor Jeugd en Gezin en ", "het programma Centrum voor Jeugd en Gezin "])
def test_the_new_scans_stay_fast_on_100_kb(unit):
    from tenderarchive.analysis.organisations import _programmes, _split_names
    assert linear_time(_split_names, unit) < LINEAR
    assert linear_time(_programmes, unit) < LINEAR
