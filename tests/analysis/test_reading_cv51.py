"""Specifications of the readings of branch cv51 (issue 11): the tense of dates without a year -- in short synthetic
pages (SYNTHETIC: written for these tests in common Dutch news wording, not taken from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture).
"""
import datetime as dt

import pytest

from tenderarchive.analysis.dates import extract_dates
from tenderarchive.analysis.text import sentences
from tests.analysis.reading import stage_statuses
from tests.speed import LINEAR, linear_time, repeat


# --- a date without a year in a past-tense sentence: the last occurrence before publication ---

@pytest.mark.parametrize("text", [
    "De nieuwe contracten voor de jeugdhulp gingen op 1 januari in.",
    "De nieuwe jeugdhulp ging op 1 januari van start.",
    "De nieuwe contracten voor de jeugdhulp startten op 1 januari.",
])
def test_a_yearless_start_told_in_the_past_is_done(read, text):
    result = read(text, published=dt.date(2024, 3, 4))
    assert stage_statuses(result).get("contractstart") == "done"


@pytest.mark.parametrize("text", [
    "De nieuwe contracten voor de jeugdhulp gaan op 1 januari in.",
    "De nieuwe jeugdhulp gaat op 1 januari van start.",
])
def test_a_yearless_start_told_in_the_present_is_still_planned(read, text):
    result = read(text, published=dt.date(2024, 3, 4))
    assert stage_statuses(result).get("contractstart") == "planned"


# --- the care started, told with its past participle ---

@pytest.mark.parametrize("text", [
    "De nieuwe jeugdhulp is op 1 januari 2024 van start gegaan.",
    "De nieuwe jeugdhulp is op 1 januari van start gegaan.",
    "De nieuwe jeugdzorg is begin januari gestart.",
])
def test_care_started_with_a_participle_is_the_contract_start_done(read, text):
    result = read(text, published=dt.date(2024, 3, 4))
    statuses = stage_statuses(result)
    assert statuses.get("contractstart") == "done"
    assert "vooraankondiging" not in statuses


# --- the contracts started, told with "zijn ... ingegaan" ---

@pytest.mark.parametrize("text", [
    "De nieuwe contracten voor de jeugdhulp zijn op 1 januari ingegaan.",
    "Het nieuwe contract voor de jeugdzorg is per 1 januari ingegaan.",
])
def test_contracts_gone_into_force_are_the_contract_start_done(read, text):
    result = read(text, published=dt.date(2024, 3, 4))
    assert stage_statuses(result).get("contractstart") == "done"


@pytest.mark.parametrize("text", [
    "De aanbesteding voor de jeugdzorg is op 1 januari gestart.",
    "De inkoop van jeugdhulp ging op 1 januari van start.",
    "De aanbesteding voor de nieuwe jeugdhulp ging in januari van start.",
])
def test_a_tender_or_purchase_for_care_started_is_no_contract_start(read, text):
    result = read(text, published=dt.date(2024, 3, 4))
    assert "contractstart" not in stage_statuses(result)


def test_a_past_tense_scan_stays_fast():
    def sents(n):
        return sentences("De jeugdhulp ging " + repeat("op 1 januari is de zorg ", n) + ".")
    assert linear_time(lambda given: extract_dates(given, published=dt.date(2024, 3, 4)), sents) < LINEAR


def test_the_contract_start_cue_stays_fast_on_100_kb():
    import re

    from tenderarchive.analysis.vocabulary import STAGE_CUES
    rx = re.compile("|".join(r for stage, r in STAGE_CUES if stage == "contractstart"), re.I)
    assert linear_time(lambda text: list(rx.finditer(text)), "de inkoop van de nieuwe jeugdhulp is op 1 januari ") < LINEAR
