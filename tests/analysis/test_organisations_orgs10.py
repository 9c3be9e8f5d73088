"""Organisations and awardees on pages never seen, round ten (issue 11, branch orgs10): more of the general Dutch ways
a page names its winner, a consortium written with a slash as one awardee, and the scorer's matching of one
organisation spelt with or without its article or the word "regio".

Every sentence here is SYNTHETIC: written for the test after general Dutch phrasings; the names are invented or common
words, no page's text is copied.
"""

import pytest

from tenderarchive.analysis.organisations import find_awardees
from tests.speed import LINEAR, linear_time, repeat
from tests.analysis.conftest import organisation_roles as _orgs

AWARD = "De aanbesteding voor de ambulante jeugdhulp in de regio is afgerond. "


# --- reading specifications (shared ``read`` fixture: every rule on, and every named rule off) -----------------

@pytest.mark.parametrize("text,expected", [
    ("De winnende inschrijving is van Eikenrode.", ["Eikenrode"]),
    ("De winnende offerte kwam van jeugdhulpaanbieder Eikenrode.", ["Eikenrode"]),
    ("De winnende inschrijving voor de jeugdhulp in de regio was van Eikenrode en Wilgenhof.", ["Eikenrode", "Wilgenhof"]),
    ("De jeugdhulp komt per 1 januari 2025 in handen van Eikenrode.", ["Eikenrode"]),
    ("De specialistische jeugdzorg in de regio komt in handen van de stichtingen Eikenrode en Wilgenhof.",
     ["Eikenrode", "Wilgenhof"]),
])
def test_the_winning_bid_of_a_party_and_the_care_coming_into_its_hands_name_the_awardee(read, text, expected):
    assert read(AWARD + text)["awardees"] == expected


@pytest.mark.parametrize("text", [
    "De uitvoering is al jaren in handen van Eikenrode.",
    "De jeugdhulp zou in handen van Eikenrode komen.",
    "Misschien komt de jeugdhulp in handen van Eikenrode.",
    "De winnende inschrijving is nog niet bekend.",
])
def test_a_provider_of_old_or_a_supposition_names_no_awardee(read, text):
    assert read(AWARD + text)["awardees"] == []


@pytest.mark.parametrize("text,expected", [
    ("De opdracht is gegund aan de combinatie Eikenrode/Wilgenhof.", ["Eikenrode/Wilgenhof"]),
    ("De percelen zijn gegund aan Eikenrode/Wilgenhof, De Berkenhof en Linde/Esdoorn.",
     ["Eikenrode/Wilgenhof", "De Berkenhof", "Linde/Esdoorn"]),
    ("De winnende inschrijving is van de combinatie Eikenrode/Wilgenhof.", ["Eikenrode/Wilgenhof"]),
])
def test_a_consortium_written_with_a_slash_is_one_awardee(read, text, expected):
    result = read(AWARD + text)
    assert result["awardees"] == expected
    assert {n for n, role in _orgs(result).items()} == set(expected)  # its parts are not read again as providers


def test_the_slashed_list_stays_linear_on_100_kb():
    assert linear_time(find_awardees, lambda n: "De opdracht is gegund aan " + repeat("Eik/Wilg Groep/Linde en ", n)) < LINEAR


# --- Utrecht and Groningen: the town or the province, by the sentence ---------------------------------------------

@pytest.mark.parametrize("text,name", [
    ("De stad Utrecht koopt de jeugdhulp opnieuw in.", "Utrecht"),
    ("Utrecht heeft de specialistische jeugdhulp aanbesteed.", "Utrecht"),
    ("Groningen koopt de jeugdhulp voortaan zelf in.", "Groningen"),
])
def test_a_province_named_town_that_buys_is_the_municipality_and_the_buyer(read, text, name):
    result = read(AWARD + text)
    assert name in [m["name"] for m in result["municipalities"]]
    assert _orgs(result).get(f"gemeente {name}") == "buyer"


@pytest.mark.parametrize("text", [
    "Wethouder Anna Berk zegt dat Utrecht tevreden is over de gunning.",
    "Het college wil dat Utrecht de jeugdhulp dichter bij huis organiseert.",
])
def test_a_province_named_town_in_a_sentence_about_its_own_body_is_the_municipality(read, text):
    assert "Utrecht" in [m["name"] for m in read(AWARD + text)["municipalities"]]


@pytest.mark.parametrize("text", [
    "De provincie Utrecht is blij met de gunning; de wethouder van Zeist ook.",
    "De gemeenten in Utrecht kopen de jeugdhulp samen in.",
    "Gedeputeerde Staten van Utrecht spreken met het college over de jeugdhulp.",
    "De gemeenteraad van Zuid Oost Utrecht heeft ingestemd met de inkoopkoers.",  # the end of a region's name
])
def test_the_province_is_no_municipality(read, text):
    assert "Utrecht" not in [m["name"] for m in read(AWARD + text)["municipalities"]]


def test_reading_the_town_by_its_sentence_stays_linear_on_100_kb():
    from tenderarchive.analysis.places import find_municipalities
    for unit in ("Utrecht heeft de wethouder van de stad Groningen gebeld en ", "Utrecht " * 40 + ". "):
        assert linear_time(find_municipalities, unit) < LINEAR, unit


# --- more of the ways a page names a provider --------------------------------------------------------------------

@pytest.mark.parametrize("text,name", [
    ("Daarbij nam Eikenrode de zorg definitief over van Wilgenhof Jeugdhulp.", "Wilgenhof Jeugdhulp"),
    ("De jeugdhulp is per 1 januari overgenomen van Wilgenhof.", "Wilgenhof"),
    ("Eik Jeugd is de naam van de combinatie van partijen Terra Mental Health (penvoerder), Linde en Wilg.",
     "Terra Mental Health"),
])
def test_the_provider_the_care_was_taken_over_from_and_a_combinations_members_are_named(read, text, name):
    assert _orgs(read(text)).get(name) == "provider"


@pytest.mark.parametrize("text", [
    "Het gaat over van alles.",
    "De gemeente nam de taken over van Den Haag.",
])
def test_no_party_is_read_from_taken_over_from_a_place_or_nothing(read, text):
    assert _orgs(read(text)) == {}


def test_a_municipality_named_as_gemeente_x_in_the_title_only_is_a_buyer(read):
    result = read("Eikenrode tekende op 7 juli de overeenkomst voor de jeugdhulp.",
                  title="Eikenrode tot 2032 partner jeugdhulp in gemeente Zwolle")
    assert _orgs(result).get("gemeente Zwolle") == "buyer"


def test_a_title_without_gemeente_names_no_buyer(read):
    result = read("Eikenrode tekende op 7 juli de overeenkomst voor de jeugdhulp.",
                  title="Jongeren uit Zwolle blij met Eikenrode")
    assert "gemeente Zwolle" not in _orgs(result)
