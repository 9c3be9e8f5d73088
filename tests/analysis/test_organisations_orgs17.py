"""Organisations on pages never seen, round seventeen (issue 11, branch orgs17): regions listed as the place where
something happens ("de gemeenten in de regio's A en B") are no buyers; regions listed as the ones that buy are.

The phrasings are real Dutch ones seen on pages (public text, a few words each); the regions are real jeugdregio's.
"""

import pytest

from tenderarchive.analysis.organisations import find_organisations
from tests.analysis.conftest import organisation_roles as _orgs


# --- regions named as a place --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,regions", [
    ("Stichting Eikenrode had een kort geding over de jeugdhulp aangespannen tegen achttien gemeenten uit de regio's "
     "Alkmaar, Kop van Noord-Holland en West-Friesland.", ["Kop van Noord-Holland", "West-Friesland"]),
    ("De jeugdhulp in de regio's Zuid-Kennemerland en IJmond kan en moet beter. De aanbesteding is gestart.",
     ["Zuid-Kennemerland", "IJmond"]),
    ("De inkoopbehoefte voor de jeugdhulp wordt vervuld voor 20 deelnemende gemeenten in de regio's "
     "Amsterdam-Amstelland (AA), Zaanstreek-Waterland (ZaWa) en Westfriesland (WF).",
     ["Amsterdam-Amstelland", "Zaanstreek-Waterland", "Westfriesland"]),
    ("Zo blijft goede jeugdhulp voor jeugdigen in de regio's IJmond, Zuid-Kennemerland en Haarlemmermeer ook na 1 "
     "januari gewaarborgd.", ["IJmond", "Zuid-Kennemerland"]),
])
def test_regions_listed_as_a_place_are_no_buyers(read, text, regions):
    got = _orgs(read(text))
    assert not [n for n in got if any(r in n for r in regions)], got


def test_regions_listed_as_the_ones_whose_tender_it_is_are_buyers(read):
    text = ("Met de ondertekening is het gezamenlijke inkooptraject jeugdhulp van de regio's West-Brabant West, "
            "West-Brabant Oost en Hart van Brabant afgerond.")
    got = _orgs(read(text))
    assert {got.get(r) for r in ("West-Brabant West", "West-Brabant Oost", "Hart van Brabant")} == {"buyer"}


def test_100_kb_of_regions_in_lists_is_read_in_linear_time():
    from tests.speed import linear_time
    unit = "gemeenten uit de regio's Aa Bb, Cc Dd en Ee. "
    assert linear_time(find_organisations, unit) < 8  # (linear: about 4; quadratic: 16)


# --- an abbreviation beside its name -------------------------------------------------------------------------------

@pytest.mark.parametrize("text,full,abbr", [
    ("De hoofdtaak van de Serviceorganisatie Jeugd (SOJ) is om, namens de tien gemeenten in de regio, jeugdhulp in te "
     "kopen. Hiertoe sluit SOJ contracten af met zorgverleners.", "Serviceorganisatie Jeugd", "SOJ"),
    ("De aanbesteding van de specialistische jeugdhulp door de Gemeenschappelijke Regeling Jeugdhulp Rijnmond (GRJR) "
     "is definitief. De GRJR hoeft de aanbestedingsprocedure niet opnieuw te voeren.",
     "Gemeenschappelijke Regeling Jeugdhulp Rijnmond", "GRJR"),
])
def test_an_abbreviation_beside_the_name_it_spells_is_one_organisation(read, text, full, abbr):
    got = _orgs(read(text))
    assert abbr not in got and full in got, got


def test_an_abbreviation_alone_still_counts(read):
    text = "Hiertoe sluit SOJ contracten voor de jeugdhulp af met zorgverleners. SOJ koopt de jeugdhulp in."
    assert _orgs(read(text)).get("SOJ") == "buyer"


def test_100_kb_of_abbreviations_beside_names_is_read_in_linear_time():
    from tests.speed import linear_time
    unit = "de Serviceorganisatie Jeugd Aa (SOJ) en GRJR (Gemeenschappelijke Regeling Bb) met SOJ. "
    assert linear_time(find_organisations, unit) < 8  # (linear: about 4; quadratic: 16)


# --- a national body only named ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,body", [
    ("De aanbieder stopt met de jeugdhulp. Overdracht naar een andere zorgaanbieder gaat in overleg met de Raad voor de "
     "Kinderbescherming en via de kinderrechter.", "Raad voor de Kinderbescherming"),
    ("De regio's handelen met deze bovenregionale inkoop van jeugdbescherming in lijn met de afspraken tussen de VNG en "
     "het ministerie van VWS over de jeugdhulp.", "ministerie van VWS"),
])
def test_a_national_body_only_named_is_no_organisation_of_the_page(read, text, body):
    assert body not in _orgs(read(text))


@pytest.mark.parametrize("text,body", [
    ("Het ministerie van VWS financiert de inkoop van de jeugdhulp op Bonaire.", "ministerie van VWS"),
    ("Neem voor de jeugdhulp contact op met Marthe Jansen (beleidsmedewerker bij het ministerie van Volksgezondheid, "
     "Welzijn en Sport).", "ministerie van Volksgezondheid, Welzijn en Sport"),
    ("De Raad voor de Kinderbescherming heeft onderzoek gedaan naar de jeugdhulp.", "Raad voor de Kinderbescherming"),
])
def test_a_national_body_that_acts_still_counts(read, text, body):
    assert body in _orgs(read(text))


def test_100_kb_of_national_bodies_only_named_is_read_in_linear_time():
    from tests.speed import linear_time
    unit = "in overleg met de Raad voor de Kinderbescherming en het ministerie van VWS, "
    assert linear_time(find_organisations, unit) < 8  # (linear: about 4; quadratic: 16)
