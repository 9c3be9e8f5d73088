"""Specifications of the readings of branch cv35 (issue 11): the kinds of Dutch that misled the reading on corpus24's
thirty pages from sites it had never seen, in short synthetic pages (SYNTHETIC: written for these tests around the
wording of those pages, not taken from a page); the dev part's and the cross-site figures before and after are in the
CHANGELOG entry of branch cv35.
"""
import datetime as dt

import pytest

from tenderarchive.analysis import analyse, rules

from tests.analysis.reading import stage_statuses


def _read(text: str, title: str = "Nieuws over de jeugdhulp") -> dict:
    return analyse("SYNTHETISCHE TEKST. " + text, title=title, published=dt.date(2024, 12, 6))


# --- a modal in a relative clause does not make the sentence general (rel.particular_procedure) -----------------------

FACILITY = ("Een nieuwe woonvorm voor jongeren is geopend. De woonvoorziening in Dordrecht is een aanbesteding vanuit "
            "de regio en biedt plaats aan vier jeugdigen in de jeugdhulp, die niet thuis kunnen wonen.")


def test_a_procurement_named_beside_a_relative_clause_with_a_modal_is_particular():
    result = _read(FACILITY, title="Kleinschalige woonvormen in de jeugdzorg")
    assert result["relevant"] is True
    assert result["relevance_rule"] == "youth_term+procedure"


def test_the_facility_page_holds_with_the_rule_on_and_off():
    """The rule no longer breaks the page it broke: it reads the same whether the rule is on or off."""
    on = _read(FACILITY, title="Kleinschalige woonvormen in de jeugdzorg")["relevant"]
    with rules.disabled("rel.particular_procedure"):
        off = _read(FACILITY, title="Kleinschalige woonvormen in de jeugdzorg")["relevant"]
    assert on is off is True


@pytest.mark.parametrize("sentence", [
    # the modal in the main clause still makes the sentence general (round four's reading kept)
    "Wanneer een instelling een aanbesteding verliest, kunnen jeugdigen in de jeugdhulp van aanbieder wisselen.",
    "Een gemeente kan een aanbesteding houden voor de jeugdhulp, die veel tijd kost.",
])
def test_guard_a_modal_or_condition_in_the_main_clause_stays_general(sentence):
    assert _read(sentence, title="Over de jeugdhulp")["relevant"] is False


# --- a purchase in the future tense without a decision is an aim (rel.plain_purchase) ---------------------------------

def test_a_budget_aim_to_come_to_new_contracts_is_no_purchase():
    result = _read("Het jaar 2026 zal verder vooral in het teken staan om te komen tot herziene contracten met "
                   "jeugdhulpaanbieders per 1 januari.", title="Gezonde en sociale stad")
    assert result["relevant"] is False


def test_guard_a_purchase_decided_in_the_future_tense_still_counts():
    result = _read("Het college heeft besloten dat de gemeente in 2025 de jeugdhulp zal inkopen via de regio, en "
                   "zal in 2025 de nieuwe inkoop van jeugdhulp regelen.", title="Gezonde en sociale stad")
    assert result["relevant"] is True


# --- the present participle before the procedure's noun says it runs (stage.procedure_running) -----------------------

def test_the_running_procedure_named_by_its_participle_is_the_tender_out():
    result = _read("D66 maakt zich zorgen over de inkoop van jeugdzorg. Vanwege het lopende aanbestedingsproces mogen "
                   "raadsleden geen contact hebben met zorgaanbieders.")
    assert stage_statuses(result)["aankondiging"] == "current"
    assert result["primary_stage"] == "aankondiging"


def test_guard_a_running_procedure_halted_is_not_out():
    st = stage_statuses(_read("Het lopende inkoopproces voor de jeugdhulp is tijdelijk stilgelegd."))
    assert st.get("aankondiging") != "current"


# --- a party's intention to enrol, or not, is told while the tender is open (stage.tender_open) ------------------------

@pytest.mark.parametrize("sentence", [
    "Uit berichten blijkt dat twee aanbieders niet zullen inschrijven op de aanbesteding Jeugdzorg 2025 voor de regio.",
    "Stichting Voorbeeld laat weten dat zij zal inschrijven op de aanbesteding voor de jeugdhulp.",
])
def test_a_party_that_will_or_will_not_enrol_means_enrolment_is_open(sentence):
    result = _read(sentence)
    assert stage_statuses(result)["inschrijving"] == "current"
    assert result["primary_stage"] == "inschrijving"

