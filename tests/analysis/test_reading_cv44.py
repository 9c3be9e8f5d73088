"""Specifications of the readings of branch cv44 (issue 11): Dutch clauses and conditions in stage reading -- the verb
last in a subordinate clause, a condition that reports no step, and "het risico dat" as a relative clause -- in short
synthetic pages (SYNTHETIC: written for these tests in common Dutch news wording, not taken from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture): word order and
conditions are Dutch grammar, not a rule a held-out site may lose.
"""
import pytest

from tests.analysis.reading import stage_statuses


# --- the court's verdict with its verb last (subordinate clause) or first (inverted main clause) ---

@pytest.mark.parametrize("text", [
    "Nadat de rechter de gunning van de aanbesteding jeugdhulp vernietigde, beraadt de regio zich op de volgende stap.",
    "De gemeente laat weten dat de rechter het verzoek van Stichting Jeugdzorg Noord tegen de aanbesteding jeugdhulp "
    "heeft afgewezen.",
    "De aanbieders zijn blij dat de rechter de gunning van de aanbesteding jeugdhulp heeft vernietigd.",
    "Vorige week vernietigde de rechter de gunning van de aanbesteding jeugdhulp.",
])
def test_a_verdict_with_the_verb_where_dutch_puts_it_is_the_court_step(read, text):
    result = read(text)
    assert stage_statuses(result).get("kort_geding") == "done"
    assert result["primary_stage"] == "kort_geding"


def test_a_request_to_the_court_is_no_verdict(read):
    result = read("De aanbieder vraagt de rechter om de gunning van de aanbesteding jeugdhulp te vernietigen en om een "
                  "nieuwe beoordeling.")
    assert "kort_geding" not in stage_statuses(result)


# --- an objection lodged, its verb last in a subordinate clause ---

@pytest.mark.parametrize("text", [
    "De aanbesteding jeugdhulp is voorlopig gegund. Nadat twee aanbieders bezwaar tegen de voorlopige gunning hadden "
    "ingediend, beraadt de regio zich.",
    "De aanbesteding jeugdhulp is voorlopig gegund. De aanbieder die bezwaar tegen de voorlopige gunning maakte, krijgt "
    "volgende week een gesprek.",
    "De aanbesteding jeugdhulp is voorlopig gegund. Omdat drie aanbieders bezwaar hebben aangetekend, wacht de regio.",
])
def test_an_objection_lodged_with_the_verb_last_is_the_objection_made(read, text):
    result = read(text)
    assert stage_statuses(result).get("bezwaar") == "done"
    assert result["primary_stage"] == "bezwaar"


def test_an_objection_that_can_be_lodged_is_no_objection_made(read):
    result = read("De aanbesteding jeugdhulp is voorlopig gegund. Tot 1 maart kan bezwaar worden ingediend.")
    assert result["primary_stage"] == "voorlopige_gunning"


# --- a condition is no step that happened ---

@pytest.mark.parametrize("text, stage", [
    ("Als de aanbesteding jeugdhulp wordt afgeblazen, moeten de gemeenten de contracten met de huidige aanbieders "
     "verlengen.", "mislukt"),
    ("Als de aanbesteding jeugdhulp wordt afgeblazen, moeten de gemeenten de contracten met de huidige aanbieders "
     "verlengen.", "verlenging"),
    ("Wanneer de aanbesteding jeugdhulp wordt stopgezet, blijven de huidige contracten gelden.", "mislukt"),
    ("In het geval dat de aanbesteding jeugdhulp wordt ingetrokken, gaat de regio met de huidige aanbieders in gesprek.",
     "mislukt"),
    ("De regio houdt de huidige aanbieders achter de hand, als de aanbesteding jeugdhulp mislukt.", "mislukt"),
    ("Zodra de gunning van de aanbesteding jeugdhulp definitief is, start de implementatie bij de nieuwe aanbieders.",
     "definitieve_gunning"),
])
def test_a_step_under_a_condition_is_no_step(read, text, stage):
    assert stage not in stage_statuses(read(text))


@pytest.mark.parametrize("text, stage, status", [
    # the "als" of a role, a rank or a cause opens no condition
    ("Als regio hebben wij de opdracht jeugdhulp gegund aan Stichting Jeugdzorg Noord.", "definitieve_gunning", "done"),
    ("Als een van de eerste regio's heeft Twente de opdracht jeugdhulp gegund aan Stichting Jeugdzorg Noord.",
     "definitieve_gunning", "done"),
    ("Als gevolg van de uitspraak is de aanbesteding jeugdhulp stopgezet.", "mislukt", "done"),
    # a "wanneer" clause in the past asks when a step happened; the step happened
    ("Wanneer de aanbesteding jeugdhulp precies werd stopgezet, is niet bekend.", "mislukt", "done"),
])
def test_als_and_wanneer_that_open_no_condition(read, text, stage, status):
    assert stage_statuses(read(text)).get(stage) == status


# --- "het risico dat": the possibility of a step, or a relative clause about the risk ---

@pytest.mark.parametrize("text", [
    "Het financieel risico dat ouders lopen bij de nieuwe contracten is groot; de opdracht jeugdhulp is gegund aan "
    "Stichting Jeugdzorg Noord.",
    "Het risico dat de gemeenten dragen, is groot, want de opdracht jeugdhulp is gegund aan Stichting Jeugdzorg Noord.",
])
def test_the_risk_one_runs_is_no_possibility_of_the_step(read, text):
    result = read(text)
    assert stage_statuses(result).get("definitieve_gunning") == "done"
    assert result["primary_stage"] == "definitieve_gunning"


@pytest.mark.parametrize("text", [
    "Er is een risico dat de aanbesteding jeugdhulp mislukt.",
    "Er is een risico dat de aanbesteding mislukt.",
    "Het risico dat de aanbesteding jeugdhulp mislukt, is volgens de wethouder klein.",
])
def test_the_risk_that_a_step_happens_is_no_step(read, text):
    assert "mislukt" not in stage_statuses(read(text))
