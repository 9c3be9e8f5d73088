"""Specifications of the readings of branch cv62 (issue 11) -- in short synthetic pages (SYNTHETIC: written for these tests
in common Dutch news wording, not taken from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture).
"""
import datetime as dt

import pytest

from tests.analysis.reading import stage_statuses

PUBLISHED = dt.date(2024, 3, 4)


@pytest.mark.parametrize("text", [
    "De gemeente heeft de contracten jeugdhulp gecontinueerd.",
    "De regio continueert de huidige contracten voor de jeugdhulp met een jaar.",
    "Het college kiest voor continuering van de bestaande overeenkomsten jeugdhulp.",
])
def test_contracts_continued_are_an_extension(read, text):
    # stages.md verlenging: "existing contracts extended or modified instead of (re)procuring"
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result).get("verlenging") in ("done", "current")
    assert result["primary_stage"] == "verlenging"


def test_care_continued_is_no_extension(read):
    # continuity of care, no contract named
    assert "verlenging" not in stage_statuses(read("De zorg voor de jeugdigen wordt gecontinueerd.", published=PUBLISHED))


@pytest.mark.parametrize("text, main", [
    ("De contracten jeugdhulp zijn gecontinueerd, nadat het kort geding dat twee aanbieders hadden aangespannen "
     "was afgewezen.", "verlenging"),
    ("De gemeente heeft de opdracht jeugdhulp definitief gegund, nadat het kort geding dat twee aanbieders hadden "
     "aangespannen was afgewezen.", "definitieve_gunning"),
    ("Na het kort geding dat de aanbieder had aangespannen, is de opdracht jeugdhulp alsnog gegund aan Kwadraad.",
     "definitieve_gunning"),
    # the court step the object of a pluperfect relative clause, the page's own step in the next sentence
    ("De gemeenten spraken met de aanbieders die een kort geding hadden aangespannen. De contracten jeugdhulp worden "
     "met een jaar gecontinueerd.", "verlenging"),
])
def test_a_court_step_told_as_back_story_yields_to_the_main_clauses_step(read, text, main):
    # stages.md: the legal stage outranks the stage it interrupted when reported in the text's own period; a kort geding
    # in a pluperfect relative clause or a "na(dat)" clause came before the step the sentence reports
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result).get("kort_geding") == "done"
    assert result["primary_stage"] == main


@pytest.mark.parametrize("text", [
    # the ruling is the main clause's step; the award named lies inside the relative clause
    "De aanbieders die een kort geding hadden aangespannen, hebben de zaak tegen de gemeente gewonnen.",
    "De voorzieningenrechter heeft het kort geding dat de aanbieder had aangespannen tegen de gunning afgewezen.",
    "De aanbieder heeft een kort geding aangespannen tegen de gunning van de jeugdhulp.",
    "De rechter wees het kort geding af dat Stichting Jeugd had aangespannen tegen de aanbesteding.",
])
def test_a_court_step_that_is_the_main_clauses_step_stays_primary(read, text):
    assert read(text, published=PUBLISHED)["primary_stage"] == "kort_geding"


def test_a_ruling_told_in_the_main_clause_is_no_back_story():
    from tenderarchive.analysis.stages import _legal_backstory

    for sentence, cue in (("De rechter wees het kort geding af dat Stichting Jeugd had aangespannen.", "De rechter wees"),
                          ("De rechter wees het kort geding af dat Stichting Jeugd had aangespannen.", "kort geding"),
                          ("De voorzieningenrechter heeft het kort geding dat X had aangespannen afgewezen.", "kort geding")):
        assert _legal_backstory({"stage": "kort_geding", "sentence": sentence, "cue": cue}) is None
    told = "De gemeenten spraken met de aanbieders die een kort geding hadden aangespannen over de tarieven."
    assert _legal_backstory({"stage": "kort_geding", "sentence": told, "cue": "kort geding"}) is not None


@pytest.mark.parametrize("text", [
    "De regio heeft de marktconsultatie afgerond; de aanbesteding jeugdhulp wordt in juni gepubliceerd.",
    "De regio heeft de inkoopstrategie vastgesteld; in mei verschijnt de vooraankondiging voor de jeugdhulp.",
])
def test_the_tense_of_one_main_clause_does_not_carry_over_a_semicolon(read, text):
    # the perfect of the first main clause ("heeft ... afgerond") is not the second's: a step told after a semicolon in
    # the present with a time ahead is no step done
    statuses = stage_statuses(read(text, published=PUBLISHED))
    first = "marktconsultatie" if "marktconsultatie" in text else "voorbereiding"
    assert statuses.get(first) == "done"
    assert "done" not in {st for stage, st in statuses.items() if stage != first}
    assert statuses.get("aankondiging", "planned") == "planned"


def test_a_step_done_in_both_main_clauses_stays_done(read):
    statuses = stage_statuses(read("De raad heeft ingestemd met de inkoopstrategie; inmiddels is de vooraankondiging "
                                   "voor de jeugdhulp gepubliceerd.", published=PUBLISHED))
    assert statuses.get("vooraankondiging") == "done"


@pytest.mark.parametrize("text", [
    "De aanbesteding voor de jeugdhulp start naar verwachting in april.",
    "De aanbesteding jeugdhulp staat gepland voor het najaar.",
    "De aanbesteding voor de jeugdhulp start in april.",
])
def test_a_procedure_announced_for_later_is_its_start_planned(read, text):
    # the page names no step today: the procedure's start (aankondiging) is to come, never primary
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result).get("aankondiging") == "planned"
    assert result["primary_stage"] != "aankondiging"


@pytest.mark.parametrize("text, status", [
    ("De aanbesteding voor de jeugdhulp is in februari gestart.", "done"),
    ("De aanbesteding voor de jeugdhulp start in januari.", "current"),
    ("De aanbesteding jeugdhulp loopt.", "current"),
])
def test_a_procedure_started_or_running_is_no_start_to_come(read, text, status):
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result).get("aankondiging") == status
    assert result["primary_stage"] == "aankondiging"


@pytest.mark.parametrize("text", [
    "De nieuwe contracten voor de jeugdhulp gelden vanaf 1 januari 2024.",
    "Vanaf 1 januari 2024 werken de gemeenten met nieuwe contracten voor de jeugdhulp.",
    "De nieuwe contracten jeugdhulp gaan vanaf 1 januari 2024 in.",
])
def test_a_contract_start_from_a_date_before_the_page_is_done(read, text):
    # the leftover of earlier rounds, checked: a start before the page's date is done, not planned
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result).get("contractstart") == "done"
    assert result["primary_stage"] == "contractstart"


@pytest.mark.parametrize("text, status", [
    ("Kwadraad heeft de opdracht gekregen om vanaf 1 januari 2024 de specialistische jeugdhulp te bieden.", "done"),
    ("Vanaf 1 januari 2023 bieden 188 zorgaanbieders jeugdhulp in de regio.", "done"),
    ("Vanaf 1 januari 2025 bieden 188 zorgaanbieders jeugdhulp in de regio.", "planned"),
])
def test_care_delivered_from_a_date_is_the_contract_start_by_that_date(read, text, status):
    # no start verb of the contracts: the care or the new providers from a date before the page's own are the start
    # reached, from a date after it the start to come
    assert stage_statuses(read(text, published=PUBLISHED)).get("contractstart") == status


def test_the_new_readings_are_linear():
    # guards: 100 KB of words a back-story or a month pattern scans
    from tenderarchive.analysis import stages
    from tests.speed import LINEAR, linear_time

    assert linear_time(lambda t: stages._month_ahead(t, PUBLISHED), "in begin medio ") < LINEAR
    assert linear_time(lambda t: stages._main_clause(t, len(t) // 2), "de aanbesteding wordt; ") < LINEAR
    assert linear_time(lambda t: stages.primary_stage([
        {"stage": "kort_geding", "status": "done", "cue": "kort geding", "sentence": t + " kort geding dat " + t,
         "strong": True}]), "na de zaak ") < LINEAR
