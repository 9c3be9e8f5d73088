"""Specifications of the readings of branch cv28 (issue 11): tense and modality read the general Dutch way, in
synthetic sentences (SYNTHETIC: written for these tests, not taken from a page); why each change was kept (the dev
part held out by site) is in the corpus README's "Round (branch cv28)".
"""
import datetime as dt

import pytest

from tenderarchive.analysis import analyse

from tests.analysis.reading import stage_statuses


def _read(text: str, title: str = "Nieuws") -> dict:
    return analyse("SYNTHETISCHE TEKST. " + text, title=title, published=dt.date(2024, 5, 6))


# --- the conditional mood ("zou", "zouden") and "eventuele": a step that would or may come ---------------------

@pytest.mark.parametrize("sentence", [
    "Volgens de wethouder zou een nieuwe werkwijze leiden tot de implementatie van andere afspraken met aanbieders.",
    "Het college laat weten dat de eventuele implementatie van de nieuwe contracten met jeugdhulpaanbieders zorgvuldig "
    "moet verlopen.",
])
def test_a_step_in_the_conditional_or_named_as_possible_is_no_step(sentence):
    assert "implementatie" not in stage_statuses(_read(sentence))


def test_the_perfect_infinitive_after_zou_reports_a_past_step_at_second_hand():
    r = _read("Volgens de journalist zou de gemeente de jeugdhulp hebben gegund aan Stichting Kompas.")
    assert stage_statuses(r).get("definitieve_gunning") == "done"


# --- the present passive of an event: a step to come -------------------------------------------------------------

@pytest.mark.parametrize("sentence, stage", [
    ("Het is goed dat de gunning wordt gebaseerd op kwalitatieve aspecten van de jeugdhulp.", "definitieve_gunning"),
    ("Na de beoordeling worden de contracten voor de jeugdhulp door alle gemeenten ondertekend.", "contract_ondertekend"),
])
def test_an_event_in_the_present_passive_is_planned(sentence, stage):
    assert stage_statuses(_read(sentence))[stage] == "planned"


def test_an_event_without_tense_marker_is_still_read_done():
    r = _read("De gunning aan Stichting Kompas voor de jeugdhulp in de regio.")
    assert stage_statuses(r).get("definitieve_gunning") == "done"


# --- a headline in the present tense: the step the page reports ----------------------------------------------------

@pytest.mark.parametrize("title, stage", [
    ("Gemeenten trekken aanbesteding jeugdhulp in", "mislukt"),
    ("Kort geding over aanbesteding jeugdhulp", "kort_geding"),
])
def test_a_headline_step_without_tense_marker_counts_as_much_as_the_body(title, stage):
    r = _read("Het college van de gemeente heeft besloten de inkoop van de jeugdhulp zelf voor te bereiden.", title=title)
    assert r["primary_stage"] == stage
    assert next(s for s in r["stages"] if s["stage"] == stage)["evidence"] == "strong"


def test_a_tenseless_step_below_the_headline_stays_weak():
    r = _read("Het college van de gemeente heeft besloten de inkoop van de jeugdhulp zelf voor te bereiden.\n\n"
              "Kort geding over de aanbesteding", title="Nieuws over jeugdhulp")
    assert r["primary_stage"] == "voorbereiding"
