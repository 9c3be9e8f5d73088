"""Specifications of the readings of branch cv37 (issue 11): the primary stage on pages of sites never seen, in short
synthetic pages (SYNTHETIC: written for these tests around the wording of dev pages, not taken from a page); the miss
classes and the dev figures before and after are in the corpus README's "Round (branch cv37)" and the CHANGELOG.

Each reading here is read with every named rule switched off as well: a held-out site is read with only the rules that
help two other sites and break none, and a reading of the procedure's tense or of who objected is grammar, not a rule a
held-out site may lose.
"""
import datetime as dt

import pytest

from tenderarchive.analysis import rules

from tests.analysis.reading import stage_statuses


# --- a procedure told running in the present is the tender out (stages.md: "or aankondiging when it says no more") ---

@pytest.mark.parametrize("text", [
    # the present participle before the procedure's noun
    "De fractie maakt zich zorgen over de inkoop van jeugdzorg. Vanwege het lopende aanbestedingsproces mogen "
    "raadsleden geen contact hebben met zorgaanbieders.",
    # the procedure named by its closing
    "Het nieuwe inkoopmodel wordt voor het eerst toegepast bij de aanbestedingsronde voor de jeugdzorg die in oktober 2024 afloopt.",
    # "de aanbesteding loopt"
    "De aanbesteding voor de jeugdhulp loopt en de regio beantwoordt geen vragen van raadsleden.",
])
def test_a_procedure_told_running_in_the_present_is_the_tender_out(read, text):
    result = read(text)
    assert stage_statuses(result)["aankondiging"] == "current"
    assert result["primary_stage"] == "aankondiging"


def test_a_procedure_named_by_the_year_it_buys_for_runs_in_the_year_before(read):
    result = read("Kern van het betoog is dat bij de aanbesteding van jeugdhulp 2025 de regio tarieven hanteert die "
                  "niet kostendekkend zijn.", published=dt.date(2024, 6, 3))
    assert result["primary_stage"] == "aankondiging"


@pytest.mark.parametrize("text, published", [
    ("Het lopende inkoopproces voor de jeugdhulp is tijdelijk stilgelegd.", dt.date(2024, 3, 4)),  # halted
    ("De aanbesteding voor jeugdhulp 2027 wordt op dit moment voorbereid.", dt.date(2025, 9, 1)),  # being prepared
    ("De regio gaat bij de aanbesteding van jeugdhulp 2026 strengere eisen stellen.", dt.date(2025, 2, 1)),  # planned
    ("Bij de aanbesteding van jeugdhulp 2018 hanteerde de regio lage tarieven.", dt.date(2021, 3, 1)),  # a past year
    ("Bij de aanbesteding van jeugdhulp 2018 hanteert de regio lage tarieven.", None),  # no date says it runs now
])
def test_guard_a_procedure_halted_prepared_planned_or_past_is_not_out(read, text, published):
    assert stage_statuses(read(text, published=published)).get("aankondiging") != "current"


# --- an objection counts only when one was made: the standstill's "mogelijkheid om bezwaar te maken" is no objection ---

PROVISIONAL = ("Het college heeft de opdracht voor de toegang jeugdhulp voorlopig gegund aan Stichting Voorbeeld. "
               "Tot 1 april 2024 hebben partijen de mogelijkheid om bezwaar te maken tegen de gemaakte keuze.")


def test_the_possibility_to_object_leaves_the_provisional_award_primary(read):
    result = read(PROVISIONAL, title="Voorlopige gunning toegang jeugdhulp bekend")
    assert result["primary_stage"] == "voorlopige_gunning"


@pytest.mark.parametrize("sentence", [
    "Twee aanbieders hebben bezwaar gemaakt tegen de voorlopige gunning van de jeugdhulp.",
    "Tegen de voorlopige gunning van de jeugdhulp is bezwaar ingediend door drie aanbieders.",
])
def test_guard_an_objection_made_is_primary(read, sentence):
    assert read(sentence)["primary_stage"] == "bezwaar"


def test_the_readings_are_no_longer_named_rules():
    assert not {"stage.procedure_running", "stage.procedure_dated", "stage.objection_filed"} & set(rules.RULES)
