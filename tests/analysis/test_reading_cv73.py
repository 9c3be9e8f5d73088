"""Specifications of the readings of branch cv73 (issue 11): the tense of the step -- a bare "heeft" is no perfect, the
passive and impersonal steps, the bound of a present-tense day near the page -- in short synthetic pages (SYNTHETIC:
written for these tests in plain news Dutch, not taken from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture).
"""
import datetime as dt

import pytest

from tests.analysis.reading import stage_statuses
from tests.speed import LINEAR, linear_time

PUBLISHED = dt.date(2024, 3, 4)


def _event_dates(result: dict) -> list[str]:
    return [e["date"] for e in result["events"] if e.get("kind") != "publication"]


@pytest.mark.parametrize("text, date, stage, status", [
    # a bare "heeft"/"hebben" is possession in the present, no perfect: the day is the next one, the step to come
    ("De regio heeft op 20 maart een informatiebijeenkomst voor aanbieders van jeugdhulp.", "2024-03-20",
     "marktconsultatie", "planned"),
    ("De gemeenten hebben op 20 maart een marktconsultatie over de inkoop van jeugdhulp.", "2024-03-20",
     "marktconsultatie", "planned"),
    # guards: an auxiliary with its participle is a perfect, after the day or before it in a subordinate clause
    ("De regio heeft op 20 maart een marktconsultatie gehouden over de jeugdhulp.", "2023-03-20",
     "marktconsultatie", "done"),
    ("Wethouder Jansen meldt dat de regio op 20 maart een marktconsultatie gehouden heeft over de jeugdhulp.",
     "2023-03-20", "marktconsultatie", "done"),
])
def test_a_bare_have_is_no_perfect(read, text, date, stage, status):
    result = read(text, published=PUBLISHED)
    assert date in _event_dates(result)
    assert stage_statuses(result).get(stage) == status


def test_a_deadline_with_a_bare_have_is_this_years(read):
    # "Aanbieders hebben tot 25 maart de tijd": the time they have, the day ahead of the page, not last year's
    result = read("Aanbieders hebben tot 25 maart de tijd om in te schrijven op de aanbesteding van de jeugdhulp.",
                  published=PUBLISHED)
    assert _event_dates(result) == ["2024-03-25"]


@pytest.mark.parametrize("text, stage, status", [
    # the present passive with a month ahead of the page: the step to come, as the active "houdt in april" is
    ("Er wordt in april een marktconsultatie gehouden over de nieuwe inkoop van jeugdhulp.", "marktconsultatie",
     "planned"),
    ("De opdracht voor de jeugdhulp wordt in juni gegund.", "definitieve_gunning", "planned"),
    # guards: the present passive without a time runs now; the perfect passive is done
    ("Er wordt een marktconsultatie gehouden over de nieuwe inkoop van jeugdhulp.", "marktconsultatie", "current"),
    ("Er is in januari een marktconsultatie gehouden over de nieuwe inkoop van jeugdhulp.", "marktconsultatie", "done"),
])
def test_passive_and_impersonal_steps(read, text, stage, status):
    assert stage_statuses(read(text, published=PUBLISHED)).get(stage) == status


@pytest.mark.parametrize("text", [
    "Er is bezwaar gemaakt tegen de gunning van de jeugdhulp.",
    "Drie aanbieders hebben bezwaar gemaakt tegen de gunning van de jeugdhulp.",
])
def test_the_award_objected_to_is_the_intention(read, text):
    # stages.md: the objection is made during the standstill the provisional award opens -- "de gunning" it is against
    # is no final award, and the objection is the page's news
    result = read(text, published=PUBLISHED)
    assert result["primary_stage"] == "bezwaar"
    assert "definitieve_gunning" not in stage_statuses(result)
    assert stage_statuses(result).get("voorlopige_gunning") == "done"


def test_the_final_award_stays_final(read):
    # guard: "de gunning" with no objection against it is the award
    result = read("De gunning van de opdracht voor de jeugdhulp is afgerond.", published=PUBLISHED)
    assert stage_statuses(result).get("definitieve_gunning") == "done"


def test_the_perfect_with_have_stays_fast_on_a_long_text():
    from tenderarchive.analysis import dates

    for unit in ("heeft a b ", "heeft gemeente ", "gebied heeft ", "hebben op 20 maart een ", "gecertificeerde ",
                 "organiseerde a "):
        assert linear_time(dates.PAST_RE.search, unit) < LINEAR, unit


@pytest.mark.parametrize("text", [
    "Het sociaal domein is opnieuw aanbesteed: vijf aanbieders leveren de jeugdhulp.",
    "De gemeente heeft de jeugdhulp Europees aanbesteed.",
])
def test_a_procurement_told_held_was_put_out(read, text):
    # the perfect of aanbesteden, passive or active: the procedure was put out (stages.md aankondiging), done
    assert stage_statuses(read(text, published=PUBLISHED)).get("aankondiging") == "done"


@pytest.mark.parametrize("text", [
    "De jeugdhulp wordt opnieuw aanbesteed.",
    "De rechter heeft bepaald dat de jeugdhulp opnieuw aanbesteed wordt.",
    "De jeugdhulp moet opnieuw worden aanbesteed.",
])
def test_a_procurement_ordered_or_to_come_was_not_put_out(read, text):
    assert "aankondiging" not in stage_statuses(read(text, published=PUBLISHED))


@pytest.mark.parametrize("text, date, status", [
    # the two sides of PRESENT_NEAR (a month): a present-tense day 28 days before the page is the one just behind it ...
    ("De regio organiseert op 5 februari een marktconsultatie over de nieuwe inkoop van jeugdhulp.", "2024-02-05",
     "done"),
    # ... one 35 days before it is next year's, to come (most steps a text tells are)
    ("De regio organiseert op 29 januari een marktconsultatie over de nieuwe inkoop van jeugdhulp.", "2025-01-29",
     "planned"),
    # guard: a past tense reads the day behind the page whatever its distance
    ("De regio organiseerde op 29 januari een marktconsultatie over de nieuwe inkoop van jeugdhulp.", "2024-01-29",
     "done"),
])
def test_the_bound_of_a_present_tense_day_before_the_page(read, text, date, status):
    from tenderarchive.analysis import dates

    assert dates.PRESENT_NEAR.days == 31
    result = read(text, published=PUBLISHED)
    assert _event_dates(result) == [date]
    assert stage_statuses(result).get("marktconsultatie") == status
