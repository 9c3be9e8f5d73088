"""Specifications of the readings of branch cv57 (issue 11): a step asked about as an open question, a decision to start
the tender, a court case named as the exception to what went well, and no objection to an extension -- in short
synthetic pages (SYNTHETIC: written for these tests in common Dutch news wording, not taken from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture).
"""
import datetime as dt
import re

import pytest

from tests.analysis.reading import stage_statuses
from tests.speed import LINEAR, linear_time

PUBLISHED = dt.date(2024, 3, 4)


@pytest.mark.parametrize("text, stage", [
    ("Niemand weet nog of de aanbieders een kort geding aanspannen tegen de aanbesteding jeugdhulp.", "kort_geding"),
    ("De vraag is of de aanbieders een kort geding aanspannen tegen de aanbesteding jeugdhulp.", "kort_geding"),
    ("Het is nog onduidelijk of de contracten voor de jeugdhulp worden verlengd.", "verlenging"),
])
def test_a_step_asked_about_as_an_open_question_is_not_taken(read, text, stage):
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result).get(stage) in (None, "planned")
    assert result["primary_stage"] != stage


@pytest.mark.parametrize("text, stage, status", [
    # guards: the step told outright, or known to be taken, reads as before
    ("De aanbieders spannen een kort geding aan tegen de aanbesteding jeugdhulp.", "kort_geding", "current"),
    ("De contracten voor de jeugdhulp worden verlengd.", "verlenging", "current"),
    ("De contracten voor de jeugdhulp zijn verlengd.", "verlenging", "done"),
])
def test_a_step_told_outright_keeps_its_reading(read, text, stage, status):
    assert stage_statuses(read(text, published=PUBLISHED)).get(stage) == status


@pytest.mark.parametrize("text", [
    "Het college besloot op 5 maart de aanbesteding te starten.",
    "Het college besloot op 5 maart de aanbesteding jeugdhulp te starten.",
    "Het college heeft besloten om de aanbesteding jeugdhulp uit te schrijven.",
])
def test_a_decision_to_start_the_tender_is_the_preparation(read, text):
    result = read(text, published=PUBLISHED)
    statuses = stage_statuses(result)
    assert statuses.get("voorbereiding") == "current"
    assert "aankondiging" not in statuses or statuses["aankondiging"] == "planned"
    assert result["primary_stage"] == "voorbereiding"


def test_a_decision_not_to_start_the_tender_is_no_step(read):
    # guard: the decision denied
    result = read("Het college besloot de aanbesteding jeugdhulp niet te starten.", published=PUBLISHED)
    assert "voorbereiding" not in stage_statuses(result)


@pytest.mark.parametrize("text", [
    "Afgezien van het kort geding tegen de aanbesteding jeugdhulp verliep alles goed.",
    "Het kort geding tegen de aanbesteding jeugdhulp verliep goed.",
])
def test_a_court_case_told_in_the_simple_past_of_verlopen_is_done(read, text):
    # "afgezien van" is "apart from": the court case happened, the rest went well
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result).get("kort_geding") == "done"
    assert result["primary_stage"] == "kort_geding"


def test_a_court_case_given_up_is_still_no_step(read):
    # guard: "zien af van" (give up), not "afgezien van" (apart from)
    result = read("De aanbieders zien af van een kort geding tegen de aanbesteding jeugdhulp.", published=PUBLISHED)
    assert "kort_geding" not in stage_statuses(result)


def test_no_objection_to_an_extension_is_the_extension_to_come(read):
    result = read("De gemeente heeft geen bezwaar tegen de verlenging van de contracten jeugdhulp.", published=PUBLISHED)
    assert stage_statuses(result).get("verlenging") == "planned"
    assert result["primary_stage"] != "verlenging"


def test_an_extension_denied_is_still_no_step(read):
    # guard: "geen verlenging" denies the step itself
    result = read("Er komt geen verlenging van de contracten jeugdhulp.", published=PUBLISHED)
    assert "verlenging" not in stage_statuses(result)


def test_the_new_scans_stay_fast_on_a_long_text():
    from tenderarchive.analysis import stages, vocabulary
    decided = re.compile(vocabulary.DECIDED_TO_TENDER, re.I)
    def scan(text):
        stages._OPEN_QUESTION.search(text)
        stages._CONSENT_BEFORE.search(text)
        decided.search(text)
        stages.PAST_EVENT.search(text)
    for unit in ("weet a b ", "de vraag is a of ", "geen bezwaar tegen de a ", "besloot de a b ",
                 "besloten om de aanbesteding a b "):
        assert linear_time(scan, unit) < LINEAR, unit
