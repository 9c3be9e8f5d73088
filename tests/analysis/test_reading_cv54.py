"""Specifications of the readings of branch cv54 (issue 11): a step weighed, threatened, not ruled out or told as a
possibility ("Aanbieders overwegen een kort geding", "Mogelijk wordt de aanbesteding stopgezet") has not happened -- in
short synthetic pages (SYNTHETIC: written for these tests in common Dutch news wording, not taken from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture).
"""
import datetime as dt

import pytest

from tests.analysis.reading import stage_statuses
from tests.speed import LINEAR, linear_time

PUBLISHED = dt.date(2024, 3, 4)


@pytest.mark.parametrize("text, stage", [
    ("Aanbieders overwegen een kort geding tegen de aanbesteding jeugdhulp.", "kort_geding"),
    ("Aanbieders dreigen met een kort geding tegen de aanbesteding jeugdhulp.", "kort_geding"),
    ("De aanbieders denken nog na over een kort geding tegen de aanbesteding jeugdhulp.", "kort_geding"),
    ("Mogelijk wordt de aanbesteding jeugdhulp stopgezet.", "mislukt"),
    ("De aanbesteding jeugdhulp wordt mogelijk stopgezet.", "mislukt"),
    ("De gemeente sluit niet uit dat de aanbesteding jeugdhulp wordt stopgezet.", "mislukt"),
    ("Wellicht wordt de aanbesteding jeugdhulp ingetrokken.", "mislukt"),
    ("De aanbesteding jeugdhulp wordt waarschijnlijk stopgezet.", "mislukt"),
    ("De gemeente onderzoekt of de contracten voor de jeugdhulp verlengd kunnen worden.", "verlenging"),
    ("De gemeente bereidt zich voor op een kort geding over de aanbesteding jeugdhulp.", "kort_geding"),
])
def test_a_step_weighed_threatened_or_possible_has_not_happened(read, text, stage):
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result).get(stage) not in ("done", "current")
    assert result["primary_stage"] != stage


@pytest.mark.parametrize("text, stage", [
    ("De aanbieders hebben een kort geding aangespannen tegen de aanbesteding jeugdhulp.", "kort_geding"),
    ("Na lang overwegen hebben de aanbieders een kort geding aangespannen tegen de aanbesteding jeugdhulp.", "kort_geding"),
    ("De aanbesteding jeugdhulp is stopgezet, zo goed mogelijk gecommuniceerd met de aanbieders.", "mislukt"),
    ("Het kort geding maakte een nieuwe ronde mogelijk; de gemeente heeft de aanbesteding jeugdhulp stopgezet.", "mislukt"),
    ("De aanbesteding jeugdhulp wordt zo snel mogelijk gestart.", "aankondiging"),
    ("De aanbesteding jeugdhulp is waarschijnlijk in 2023 stopgezet.", "mislukt"),
    ("Na onderzoek heeft de gemeente de opdracht voor de jeugdhulp gegund aan Kwadraad.", "definitieve_gunning"),
    ("Waarschijnlijk in mei heeft de gemeente de opdracht voor de jeugdhulp gegund aan Kwadraad.", "definitieve_gunning"),
])
def test_a_step_taken_beside_the_word_possible_still_counts(read, text, stage):
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result).get(stage) in ("done", "current")
    assert result["primary_stage"] == stage


def test_the_possibility_scan_stays_fast_on_a_long_sentence(read):
    from tenderarchive.analysis import stages
    for unit in ("wordt a b ", "zo snel mogelijk ", "sluit a b c ", "overwegen "):
        assert linear_time(lambda text: (stages._WEIGHED.search(text), stages._MAYBE.search(text)), unit) < LINEAR, unit


# --- a court case or objection withdrawn is no procurement withdrawn (stages.md mislukt: the procedure "withdrawn") ---

@pytest.mark.parametrize("text, primary", [
    ("De aanbieder heeft het kort geding tegen de aanbesteding jeugdhulp ingetrokken.", "kort_geding"),
    ("De gemeente heeft de opdracht voor de jeugdhulp gegund. Een aanbieder heeft het bezwaar ingetrokken.",
     "definitieve_gunning"),
])
def test_a_court_case_or_objection_withdrawn_is_no_failed_procurement(read, text, primary):
    result = read(text, published=PUBLISHED)
    assert "mislukt" not in stage_statuses(result)
    assert result["primary_stage"] == primary


@pytest.mark.parametrize("text", [
    "De aanbesteding jeugdhulp is ingetrokken.",
    "Na het kort geding heeft de gemeente de aanbesteding jeugdhulp ingetrokken.",
    "De gemeente heeft de aanbesteding voor de jeugdhulp ingetrokken na bezwaren van aanbieders.",
])
def test_the_procurement_withdrawn_is_still_a_failure(read, text):
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result).get("mislukt") == "done"
    assert result["primary_stage"] == "mislukt"
