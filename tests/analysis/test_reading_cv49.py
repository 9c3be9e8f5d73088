"""Specifications of the readings of branch cv49 (issue 11): the core reading of the preparation of a procurement
(stages.md's `voorbereiding`), continued from branch cv47 -- in short synthetic pages (SYNTHETIC: written for these tests
in common Dutch news and council wording, not taken from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture): the cues are core.
"""
import datetime as dt

import pytest

from tests.analysis.reading import stage_statuses
from tenderarchive.analysis import MAX_TEXT_CHARS
from tests.speed import LINEAR, linear_time, repeat


# --- a step told only in the title: the page's step where the body tells none ---

def test_a_step_told_only_in_the_title_is_read(read):
    result = read("De gemeenten in de regio werken samen bij de zorg voor jongeren. Aanbieders kunnen vanaf volgend jaar "
                  "rekenen op een eenvoudiger werkwijze.", title="Inkoop jeugdzorg geaccordeerd door de raad",
                  published=dt.date(2019, 6, 4))
    assert "voorbereiding" in stage_statuses(result)
    assert result["primary_stage"] == "voorbereiding"


def test_a_title_award_read_where_the_body_tells_no_step(read):
    result = read("Na een zorgvuldige procedure is de keuze gemaakt. Gemeenten en aanbieders werken nauw samen.",
                  title="Jeugdhulp Zuid-Limburg gegund aan drie aanbieders", published=dt.date(2022, 6, 4))
    assert result["primary_stage"] == "definitieve_gunning"


def test_the_body_step_outranks_nothing_from_the_title(read):
    """The body tells its own step: the title's step adds nothing, the body's step stays the page's step."""
    result = read("De regio heeft in januari een marktconsultatie voor de jeugdhulp gehouden.",
                  title="Nieuws over de jeugdhulp", published=dt.date(2024, 3, 4))
    assert result["primary_stage"] == "marktconsultatie"


# --- a decision-making procedure beginning: the preparation under way ---

@pytest.mark.parametrize("text", [
    "Praktisch is het lastig, want op 24 oktober begint de besluitvormingsprocedure over onze inkoopcontracten voor de "
    "jeugdhulp.",
    "Volgende maand start de besluitvorming over de inkoop van de jeugdhulp in de gemeenteraad.",
    "De besluitvormingsprocedure over de aanbesteding van de jeugdhulp begint op 24 oktober.",
])
def test_a_decision_procedure_beginning_is_current_preparation(read, text):
    result = read(text, published=dt.date(2016, 10, 1))
    assert stage_statuses(result).get("voorbereiding") == "current"
    assert result["primary_stage"] == "voorbereiding"
    assert "aankondiging" not in stage_statuses(result)


def test_a_decision_procedure_that_ended_is_no_start(read):
    result = read("De besluitvorming over de inkoop van de jeugdhulp is in 2015 afgerond.", published=dt.date(2016, 10, 1))
    assert stage_statuses(result).get("voorbereiding") == "done"


# --- a joint purchase as the page's subject: weak preparation ---

@pytest.mark.parametrize("text, title", [
    ("De zeven gemeenten werken bij de jeugdhulp samen in de inkoopsamenwerking. Zij maken afspraken met de aanbieders.",
     "Nieuws over de jeugdhulp"),
    ("De gemeenten maken afspraken met de aanbieders van jeugdhulp over de zorg in 2015.",
     "Inkoopsamenwerking 2015"),
])
def test_a_joint_purchase_named_is_weak_preparation(read, text, title):
    result = read(text, title=title, published=dt.date(2014, 6, 4))
    prep = [s for s in result["stages"] if s["stage"] == "voorbereiding"]
    assert prep and prep[0]["evidence"] == "weak"
    assert result["primary_stage"] == "voorbereiding"


def test_a_joint_purchase_yields_to_a_step_told(read):
    result = read("De inkoopsamenwerking jeugdhulp heeft de opdracht in mei gegund aan vijf aanbieders.",
                  published=dt.date(2014, 6, 4))
    assert result["primary_stage"] == "definitieve_gunning"


def test_the_new_cues_stay_fast_on_a_long_page(read):
    unit = "de inkoopsamenwerking begint de besluitvormingsprocedure over de inkoop start de besluitvorming "
    # (the analysis reads a page's first MAX_TEXT_CHARS = 50,000 characters: the ratio is taken up to them)
    assert linear_time(lambda text: read(text, title="Inkoop jeugdzorg geaccordeerd door de raad"),
                       lambda n: repeat(unit, n) + ".", MAX_TEXT_CHARS) < LINEAR
