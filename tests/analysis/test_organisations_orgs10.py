"""Organisations and awardees on pages never seen, round ten (issue 11, branch orgs10): more of the general Dutch ways
a page names its winner, a consortium written with a slash as one awardee, and the scorer's matching of one
organisation spelt with or without its article or the word "regio".

Every sentence here is SYNTHETIC: written for the test after general Dutch phrasings; the names are invented or common
words, no page's text is copied.
"""

import time

import pytest

from tenderarchive.analysis.organisations import find_awardees

AWARD = "De aanbesteding voor de ambulante jeugdhulp in de regio is afgerond. "


def _orgs(result: dict) -> dict:
    return {o["name"]: o["role"] for o in result["organisations"]}


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
    find_awardees("De opdracht is gegund aan Eik/Wilg.")  # patterns compiled outside the clock
    text = ("De opdracht is gegund aan " + "Eik/Wilg Groep/Linde en " * 5000)[:100_000]
    started = time.process_time()
    find_awardees(text)
    assert time.process_time() - started < 3.0
