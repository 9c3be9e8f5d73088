"""Specifications of the readings of branch cv59 (issue 11) -- in short synthetic pages (SYNTHETIC: written for these tests
in common Dutch news wording, not taken from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture).
"""
import datetime as dt

import pytest

from tests.analysis.reading import stage_statuses

PUBLISHED = dt.date(2024, 3, 4)


@pytest.mark.parametrize("text", [
    "Er zijn nog geen bezwaren ingediend tegen de gunning van de aanbesteding jeugdhulp.",
    "Tegen de gunning van de aanbesteding jeugdhulp zijn nog geen bezwaren ingediend.",
    "Niemand heeft nog bezwaar gemaakt tegen de gunning van de opdracht jeugdhulp.",
    "Tegen de gunning van het perceel jeugdbescherming is nog geen bezwaar aangetekend.",
])
def test_an_award_not_yet_objected_to_is_the_intention_with_its_standstill_running(read, text):
    # stages.md: `bezwaar` is the objection during the standstill the intention to award opens; none *yet* says the
    # standstill still runs -- the intention is made, the final award is to come
    result = read(text, published=PUBLISHED)
    statuses = stage_statuses(result)
    assert statuses.get("voorlopige_gunning") == "done"
    assert statuses.get("definitieve_gunning") == "planned"
    assert statuses.get("bezwaar") in (None, "planned")
    assert result["primary_stage"] == "voorlopige_gunning"


@pytest.mark.parametrize("text", [
    "Er zijn geen bezwaren ingediend tegen de gunning van de aanbesteding jeugdhulp.",
    "Tegen de gunning van het perceel jeugdbescherming is geen bezwaar aangetekend.",
])
def test_an_award_nobody_objected_to_still_stands(read, text):
    # guard (cv58): without "nog" the standstill passed without objection and the award stands
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result).get("definitieve_gunning") == "done"
    assert result["primary_stage"] == "definitieve_gunning"


@pytest.mark.parametrize("text, stage", [
    ("Hoe moeten gemeenten hiermee contracten afsluiten?", "contract_ondertekend"),
    ("Worden de contracten jeugdhulp verlengd?", "verlenging"),
    ("Wanneer wordt de opdracht jeugdhulp gegund?", "definitieve_gunning"),
    ("Tekent de regio de contracten jeugdhulp nog dit jaar?", "contract_ondertekend"),
])
def test_a_question_about_a_step_reports_none_taken(read, text, stage):
    # a question asks about a step; it tells neither that the step was taken nor that it runs
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result).get(stage) in (None, "planned")
    assert result["primary_stage"] != stage


@pytest.mark.parametrize("text, stage", [
    ("Waarom is de aanbesteding jeugdhulp mislukt?", "mislukt"),
    ("De contracten jeugdhulp zijn getekend. Wat betekent dat voor u?", "contract_ondertekend"),
])
def test_a_question_after_the_fact_keeps_the_step(read, text, stage):
    # guards: "waarom" presupposes the step, and a question beside a statement leaves the statement's reading
    assert stage_statuses(read(text, published=PUBLISHED)).get(stage) == "done"


@pytest.mark.parametrize("text", [
    "De regio voert een aanbesteding uit om tot nieuwe contracten jeugdhulp te komen per 2025.",
    "Vanaf 1 januari 2025 bieden 40 zorgaanbieders jeugdhulp in de regio.",
    "De gemeenten bereiden de nieuwe inkoop jeugdhulp per 1 januari 2026 voor.",
    "Het nieuwe contract voor de jeugdbescherming gaat met ingang van 1 juli 2024 in.",
])
def test_the_new_contracts_from_a_date_ahead_start_then(read, text):
    # stages.md contractstart: the new contracts, purchase or providers from a date after the page's own
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result).get("contractstart") == "planned"
    assert result["primary_stage"] != "contractstart"


@pytest.mark.parametrize("text", [
    "De contracten jeugdhulp zijn verlengd tot 1 januari 2026.",
    "Per 2025 is er meer geld voor de jeugdhulp in de regio.",
    "Sinds 2020 werkt de regio met vijf aanbieders van jeugdhulp.",
    # the tender's own steps from a date ahead, not the contracts' (test_reading_cv36's guard)
    "De aanbesteding voor de jeugdhulp start vanaf 1 maart 2025 op TenderNed.",
    "Per 1 mei 2025 opent de inschrijving voor aanbieders van jeugdhulp.",
])
def test_an_end_an_extension_no_purchase_or_a_date_past_names_no_start_ahead(read, text):
    assert stage_statuses(read(text, published=PUBLISHED)).get("contractstart") != "planned"


def test_the_words_that_name_no_start_ahead_are_read_in_linear_time():
    # guard: a 100 KB word holding "procedure" many times, and many procedure words with no start after them
    from tenderarchive.analysis.stages import _START_NOT
    from tests.speed import LINEAR, linear_time

    for unit in ("xprocedurexxxxxxxxxx", "aanbesteding voor de jeugdhulp ", "start de "):
        assert linear_time(_START_NOT.search, unit) < LINEAR, unit
