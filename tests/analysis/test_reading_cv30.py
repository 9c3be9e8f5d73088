"""Specifications of the readings of branch cv30 (issue 11): news reading that holds on sites it has never seen, in
synthetic sentences (SYNTHETIC: written for these tests, not taken from a page); why each change was kept (the dev
part held out by site) is in the CHANGELOG entry of branch cv30.
"""
import datetime as dt

import pytest

from tenderarchive.analysis import analyse, rules

from tests.analysis.reading import stage_statuses


def _read(text: str, title: str = "Nieuws over de jeugdhulp") -> dict:
    return analyse("SYNTHETISCHE TEKST. " + text, title=title, published=dt.date(2024, 5, 6))


# --- the present passive: the participle closes its clause, wherever it stands -------------------------------------

@pytest.mark.parametrize("sentence", [
    # the participle at the end of the passive's clause, words away from "wordt" (an auxiliary elsewhere in the
    # sentence, "is", makes every participle a candidate past event)
    "Er is overeenstemming: de opdracht voor de jeugdhulp wordt door de regio aan twee aanbieders gegund.",
    "Er is geen aanbesteding waarbij de opdracht voor de jeugdhulp wordt aan een paar aanbieders gegund.",
])
def test_a_participle_of_the_present_passive_is_no_past_event(sentence):
    r = _read(sentence)
    assert stage_statuses(r)["definitieve_gunning"] == "planned"
    assert r["primary_stage"] != "definitieve_gunning"


@pytest.mark.parametrize("sentence, stage", [
    # a past or perfect auxiliary in the clause, or a past modal before "worden": the step took place
    ("Het contract voor de jeugdhulp is vorige maand aan twee aanbieders gegund.", "definitieve_gunning"),
    ("De aanbesteding voor de jeugdhulp is gepubliceerd en moest vorige week worden stopgezet.", "mislukt"),
    ("Nadat de contracten voor de jeugdhulp waren ondertekend, wordt nu de overgang van cliënten voorbereid.",
     "contract_ondertekend"),
])
def test_a_step_told_in_the_past_beside_a_passive_stays_done(sentence, stage):
    assert stage_statuses(_read(sentence))[stage] == "done"


def test_the_present_passive_is_core_grammar_not_a_named_rule():
    # a reading of Dutch grammar, not of a kind of page: it cannot be switched off by the bench's rule ablation
    assert "stage.present_passive" not in rules.RULES
    with rules.disabled(*rules.RULES):
        r = _read("Bij open house is er geen aanbesteding waarbij het contract voor de jeugdhulp wordt gegund.")
    assert stage_statuses(r)["definitieve_gunning"] != "done"


# --- a failure or court step in the title or lead is what the page reports ------------------------------------------

FAILURE = "Tijdens de hoorzitting wordt de stop van de inkoop van de jeugdbescherming besproken."
NOT_ENROLLED = "De belangrijkste aanbieders hebben zich niet ingeschreven op de aanbesteding voor de jeugdhulp."
SUIT = "Drie aanbieders voeren een kort geding tegen de regio over de aanbesteding van de jeugdhulp."
AWARD = "De regio heeft de opdracht voor de jeugdhulp in maart voorlopig gegund aan Stichting Voorbeeld."


@pytest.mark.parametrize("lead, body, stage", [
    (FAILURE, NOT_ENROLLED, "mislukt"),
    (SUIT, AWARD, "kort_geding"),
])
def test_a_failure_or_court_step_in_the_lead_outranks_the_step_it_interrupted(lead, body, stage):
    # stages.md: a legal stage or `mislukt` reported in the text's own period outranks the stage it interrupted; the
    # lead is the page's own period, even when its cue carries no tense marker (weak evidence)
    assert _read(lead + "\n\n" + body)["primary_stage"] == stage


@pytest.mark.parametrize("body, aside", [
    (NOT_ENROLLED, FAILURE),
    (AWARD, SUIT),
])
def test_the_same_tense_less_step_below_the_lead_does_not(body, aside):
    r = _read(body + "\n\n" + aside)
    assert r["primary_stage"] in ("inschrijving", "voorlopige_gunning")
    # the evidence kept in the archive is the cue's own: the lead does not rewrite it
    assert {s["stage"]: s["evidence"] for s in r["stages"]}[r["primary_stage"]] == "strong"
