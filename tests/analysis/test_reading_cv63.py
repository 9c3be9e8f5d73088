"""Specifications of the readings of branch cv63 (issue 11) -- in short synthetic pages (SYNTHETIC: written for these tests
in common Dutch news wording, not taken from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture).
"""
import datetime as dt

import pytest

from tests.analysis.reading import stage_statuses

PUBLISHED = dt.date(2024, 3, 4)


@pytest.mark.parametrize("text", [
    "Na de marktconsultatie volgde in januari de vooraankondiging voor de jeugdhulp.",
    "Na de marktconsultatie verscheen in januari de vooraankondiging voor de jeugdhulp.",
    "Na de marktconsultatie met alle aanbieders uit de regio volgden in januari de vooraankondiging en de aanbesteding.",
])
def test_a_step_named_after_na_before_a_later_step_told_in_the_past_is_done(read, text):
    # the simple past of volgen and verschijnen tells the later step that was; the step "na" names came before it
    statuses = stage_statuses(read(text, published=PUBLISHED))
    assert statuses.get("marktconsultatie") == "done"
    assert statuses.get("vooraankondiging") == "done"


def test_a_step_to_follow_stays_to_come(read):
    # guard: the present "volgt" with a time ahead is the step to come, not done
    statuses = stage_statuses(read("In mei volgt de vooraankondiging voor de jeugdhulp.", published=PUBLISHED))
    assert statuses.get("vooraankondiging") != "done"


@pytest.mark.parametrize("text", [
    "De marktconsultatie is afgerond en de regio publiceert in mei een vooraankondiging voor de jeugdhulp.",
    "De marktconsultatie is afgerond en publiceert in mei een vooraankondiging voor de jeugdhulp.",
    "De marktconsultatie is afgerond, de regio publiceert na de zomer een vooraankondiging voor de jeugdhulp.",
])
def test_a_present_tense_step_with_a_time_ahead_in_its_own_clause_is_planned(read, text):
    # stages.md: dates in the clause compared with the page's date; the perfect of the first clause is not the second's
    result = read(text, published=PUBLISHED)
    statuses = stage_statuses(result)
    assert statuses.get("marktconsultatie") == "done"
    assert statuses.get("vooraankondiging") == "planned"
    assert result["primary_stage"] == "marktconsultatie"


@pytest.mark.parametrize("text", [
    "De marktconsultatie is afgerond en in februari is de vooraankondiging voor de jeugdhulp gepubliceerd.",
    "De marktconsultatie is afgerond en de regio publiceerde in februari een vooraankondiging voor de jeugdhulp.",
    "De regio heeft in januari de marktconsultatie en in mei de vooraankondiging voor de jeugdhulp gepubliceerd.",
])
def test_a_step_told_in_the_past_in_its_own_clause_stays_done(read, text):
    # guard: a perfect or a simple past in the step's own clause decides, whatever the month
    assert stage_statuses(read(text, published=PUBLISHED)).get("vooraankondiging") == "done"


@pytest.mark.parametrize("text", [
    "De huidige contracten jeugdhulp lopen per 1 januari 2024 af.",
    "De huidige contracten voor de jeugdhulp eindigen per 1 januari 2024.",
    "De bestaande overeenkomsten jeugdhulp lopen met ingang van 1 januari 2024 af.",
])
def test_contracts_ending_are_no_contract_start(read, text):
    # stages.md has no id for a contract's end: no contractstart, and no primary stage from it
    result = read(text, published=PUBLISHED)
    assert "contractstart" not in stage_statuses(result)
    assert result["primary_stage"] != "contractstart"


@pytest.mark.parametrize("text", [
    "De nieuwe contracten voor de jeugdhulp gaan per 1 januari 2024 in.",
    "De nieuwe contracten voor de jeugdhulp gaan per 1 januari 2024 in en lopen vier jaar.",
])
def test_a_contract_start_stays_a_start(read, text):
    # guard: the neighbouring start told done
    assert stage_statuses(read(text, published=PUBLISHED)).get("contractstart") == "done"


def test_the_new_readings_are_linear():
    from tenderarchive.analysis import stages
    from tests.speed import LINEAR, linear_time

    assert linear_time(lambda t: stages._ENDS_IN_CUE.search(t, 0, stages._clause_end(t, 0)), "lopen per ") < LINEAR
    assert linear_time(lambda t: stages._ahead_in_own_clause(t, stages._WORD.search(t, len(t) - 20), PUBLISHED),
                       "de regio publiceert in mei en ") < LINEAR
