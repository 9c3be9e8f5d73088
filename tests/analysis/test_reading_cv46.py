"""Specifications of the readings of branch cv46 (issue 11): the preparation of a procurement (stages.md's
`voorbereiding`) in municipal wording -- in short synthetic pages (SYNTHETIC: written for these tests in common Dutch
news wording, not taken from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture): the cues are core.
"""
import pytest

from tests.analysis.reading import stage_statuses
from tenderarchive.analysis import MAX_TEXT_CHARS
from tests.speed import LINEAR, linear_time, repeat


# --- the planning documents of a purchase ---

@pytest.mark.parametrize("text, status", [
    ("De startnotitie voor deze nieuwe inkoop jeugdzorg is in 2023 vastgesteld.", "done"),
    ("Het college heeft het inkoopplan jeugdhulp 2026 vastgesteld.", "done"),
    ("De gemeenteraad bespreekt dinsdag de aanbestedingsstrategie voor de jeugdhulp.", "current"),
])
def test_a_planning_document_is_preparation(read, text, status):
    result = read(text)
    assert stage_statuses(result).get("voorbereiding") == status
    assert result["primary_stage"] == "voorbereiding"


# --- a plan to procure, told with a verb of will or of the near future ---

@pytest.mark.parametrize("text", [
    "Het college wil per 1 januari 2022 de jeugdzorg anders aanbesteden.",
    "De regio gaat de specialistische jeugdhulp opnieuw inkopen.",
    "De zeven gemeenten willen de jeugdhulp vanaf 2026 gezamenlijk inkopen.",
])
def test_a_plan_to_procure_is_current_preparation(read, text):
    result = read(text)
    assert stage_statuses(result).get("voorbereiding") == "current"
    assert result["primary_stage"] == "voorbereiding"


@pytest.mark.parametrize("text", [
    "De gemeente gaat de jeugdhulp niet opnieuw inkopen.",
    "De gemeente wilde de jeugdhulp anders aanbesteden, maar de raad stemde tegen.",
])
def test_a_denied_or_past_wish_is_no_plan(read, text):
    assert "voorbereiding" not in stage_statuses(read(text))


# --- the coming round named: weak evidence that a step the text tells outranks ---

def test_the_new_round_named_is_preparation(read):
    result = read("Amsterdam telt tweehonderd aanbieders van jeugdhulp. Bij de nieuwe aanbesteding moet het naar circa "
                  "veertig aanbieders.")
    assert "voorbereiding" in stage_statuses(result)


def test_the_new_round_named_yields_to_a_step_told(read):
    result = read("De nieuwe inkoop jeugdhulp gaat van start. Op de dialoogtafels praten gemeenten en aanbieders over de "
                  "jeugdhulp.")
    assert result["primary_stage"] == "dialoog"


def test_a_new_kind_of_procedure_is_no_round(read):
    assert "voorbereiding" not in stage_statuses(read("Een nieuwe aanbestedingsprocedure voor de jeugdhulp is het "
                                                      "onderwerp van het congres."))


# --- an extension decided against is no extension ---

@pytest.mark.parametrize("text", [
    "De colleges in de Achterhoek hebben besloten de huidige contracten voor jeugdhulp niet te verlengen.",
    "De gemeenten hebben besloten de contracten jeugdhulp niet meer te verlengen.",
])
def test_an_extension_decided_against_is_no_extension(read, text):
    assert "verlenging" not in stage_statuses(read(text))


def test_preparation_cues_stay_fast_on_a_long_page(read):
    unit = ("De gemeente wil de zorg voor de inwoners samen met de regio en de aanbieders goed regelen en "
            "gaat daarvoor in gesprek met ")
    # (the analysis reads a page's first MAX_TEXT_CHARS = 50,000 characters: the ratio is taken up to them)
    assert linear_time(read, lambda n: repeat(unit, n) + ".", MAX_TEXT_CHARS) < LINEAR


def test_an_opinion_on_purchasing_in_general_is_no_plan(read):
    result = read("Volgens haar past het model niet bij de jeugdhulp: gemeenten willen vooral goedkoop inkopen.")
    assert "voorbereiding" not in stage_statuses(result)


def test_a_joint_purchase_decided_is_current_however_far_off(read):
    """stages.md's "inkoopsamenwerking besloten": the decision is made now, the joint purchase starts later."""
    result = read("De gemeenten Maasdriel en Zaltbommel gaan vanaf 2026 samen de inkoop en het contractmanagement voor "
                  "Wmo en jeugd uitvoeren.")
    assert stage_statuses(result).get("voorbereiding") == "current"
    assert result["primary_stage"] == "voorbereiding"
