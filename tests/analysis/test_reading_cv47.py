"""Specifications of the readings of branch cv47 (issue 11): the tense of the preparation of a procurement (stages.md's
`voorbereiding`) -- in short synthetic pages (SYNTHETIC: written for these tests in common Dutch news and council wording,
not taken from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture): the cues are core.
"""
import datetime as dt

import pytest

from tests.analysis.reading import stage_statuses
from tenderarchive.analysis import MAX_TEXT_CHARS
from tests.speed import LINEAR, linear_time, repeat


# --- a decision asked for now: the plan is put to the vote, the preparation current ---

@pytest.mark.parametrize("text", [
    "In het raadsvoorstel vraagt het college de raad om de regionale inkoopkoers jeugdhulp in het najaar vast te stellen.",
    "Met dit voorstel vraagt het college om de regionale inkoopkoers jeugdhulp vast te stellen en in het najaar van 2024 "
    "heeft de raad de uitgangspunten al vastgesteld.",
    "Het college legt de inkoopstrategie jeugdhulp 2027 in het voorjaar ter besluitvorming voor aan de raad.",
])
def test_a_plan_put_to_the_vote_is_current_preparation(read, text):
    result = read(text, published=dt.date(2025, 3, 4))
    assert stage_statuses(result).get("voorbereiding") == "current"
    assert result["primary_stage"] == "voorbereiding"


def test_a_request_told_in_the_past_is_no_vote_now(read):
    """"heeft gevraagd" is a request made before; the plan itself is read by its own tense (done here)."""
    result = read("De raad heeft vorig jaar gevraagd de inkoopstrategie jeugdhulp niet te snel vast te stellen. De "
                  "inkoopstrategie jeugdhulp is in 2024 vastgesteld.", published=dt.date(2025, 3, 4))
    assert stage_statuses(result).get("voorbereiding") == "done"


# --- the procedure beginning, told with "beginnen" ---

@pytest.mark.parametrize("text", [
    "Volgende week begint de aanbesteding voor de jeugdzorg voor 2016. Daarbij is ook ruimte voor nieuwe aanbieders.",
    "De aanbesteding jeugdhulp begint op 1 november 2015.",
])
def test_a_procedure_to_begin_is_planned_and_its_preparation_current(read, text):
    result = read(text, published=dt.date(2015, 10, 1))
    statuses = stage_statuses(result)
    assert statuses.get("aankondiging") == "planned"
    assert statuses.get("voorbereiding") == "current"
    assert result["primary_stage"] == "voorbereiding"


def test_a_procedure_that_began_is_published(read):
    result = read("De aanbesteding jeugdhulp begon op 1 september 2015.", published=dt.date(2015, 10, 1))
    assert stage_statuses(result).get("aankondiging") == "done"
    assert result["primary_stage"] == "aankondiging"


def test_a_decision_procedure_beginning_is_no_tender(read):
    result = read("Praktisch is het lastig, want op 24 oktober begint de besluitvormingsprocedure over onze "
                  "inkoopcontracten voor de jeugdhulp.", published=dt.date(2016, 10, 1))
    assert "aankondiging" not in stage_statuses(result)


def test_the_preparation_under_way_yields_to_a_step_told(read):
    """The preparation implied by a procedure to come is weak: a market consultation held is the page's step."""
    result = read("De regio heeft in januari een marktconsultatie voor de jeugdhulp gehouden. Volgende maand begint de "
                  "aanbesteding.", published=dt.date(2024, 3, 4))
    assert result["primary_stage"] == "marktconsultatie"


def test_a_court_step_to_come_is_no_preparation(read):
    result = read("De aanbieders van jeugdhulp stappen volgende week naar de rechter.")
    assert "voorbereiding" not in stage_statuses(result)


def test_the_new_cues_stay_fast_on_a_long_page(read):
    unit = ("Het college vraagt de raad sprak over om de aanbieders zien kiezen moeten begint de regio met de "
            "zorg voor de inwoners te helpen en de aanbesteding ")
    # (the analysis reads a page's first MAX_TEXT_CHARS = 50,000 characters: the ratio is taken up to them)
    assert linear_time(read, lambda n: repeat(unit, n) + ".", MAX_TEXT_CHARS) < LINEAR


# --- a choice on how to procure, for or against a tender ---

@pytest.mark.parametrize("text", [
    "Die deskundigheid willen we behouden. Daarom kiezen we niet voor een nieuwe aanbesteding van het Jeugdteam, maar "
    "nemen we de huidige medewerkers mee.",
    "De gemeenten in Groningen zien voor de komende jaren voor het overgrote deel van de jeugdhulp af van een openbare "
    "aanbesteding.",
    "Wij hebben de wethouder gevraagd het voorgenomen aanbestedingstraject voor jeugdhulp in 2024 te herzien.",
])
def test_a_choice_on_how_to_procure_is_current_preparation(read, text):
    result = read(text, published=dt.date(2021, 3, 4))
    assert stage_statuses(result).get("voorbereiding") == "current"
    assert result["primary_stage"] == "voorbereiding"


def test_a_choice_against_a_tender_is_no_tender(read):
    result = read("Daarom kiezen we niet voor een nieuwe aanbesteding van de jeugdhulp.", published=dt.date(2021, 3, 4))
    assert set(stage_statuses(result)) == {"voorbereiding"}


# --- the duty to procure again, told with its subject ---

def test_a_duty_to_procure_again_with_nothing_failed_is_the_next_round(read):
    result = read("Het contract met de aanbieder van de gesloten jeugdzorg loopt in 2023 af. Verlengen is in strijd met de "
                  "Europese regels, dus we moeten de jeugdzorg opnieuw aanbesteden.", published=dt.date(2022, 3, 4))
    assert stage_statuses(result).get("voorbereiding") == "current"
    assert result["primary_stage"] == "voorbereiding"


def test_a_duty_to_procure_again_after_a_ruling_is_a_failure(read):
    result = read("De voorzieningenrechter oordeelde dat de geschiktheidseisen discriminatoir zijn. De gemeente moet de "
                  "jeugdhulp opnieuw aanbesteden.", published=dt.date(2021, 3, 4))
    assert result["primary_stage"] == "mislukt"


# --- steps only to come: the preparation under way ---

def test_an_award_to_come_alone_reads_the_preparation(read):
    result = read("De gemeente gaat, net als Alphen aan den Rijn, zelf bepalen welke organisaties verantwoordelijk worden "
                  "voor de uitvoering van de jeugdhulp.", published=dt.date(2016, 3, 18))
    statuses = stage_statuses(result)
    assert statuses.get("definitieve_gunning") == "planned"
    assert statuses.get("voorbereiding") == "current"
    assert result["primary_stage"] == "voorbereiding"


def test_a_contract_to_be_signed_alone_reads_no_preparation(read):
    """A signing or a start to come follows an award: no sign that the procurement is still being prepared."""
    result = read("De contracten voor de jeugdhulp worden in december ondertekend.", published=dt.date(2024, 3, 4))
    assert "voorbereiding" not in stage_statuses(result)


# --- the tender to be put on the platform at a time: the prior information ---

def test_a_tender_to_be_put_on_tenderned_then_is_the_prior_information(read):
    result = read("Volgens het tijdschema van de wethouder wordt in maart 2021 de aanbesteding jeugdhulp op TenderNed "
                  "geplaatst.", published=dt.date(2021, 1, 15))
    statuses = stage_statuses(result)
    assert statuses.get("vooraankondiging") == "current"
    assert statuses.get("aankondiging") == "planned"
    assert result["primary_stage"] == "vooraankondiging"


def test_a_tender_on_tenderned_since_a_date_is_published(read):
    result = read("De aanbesteding jeugdhulp staat sinds maart 2020 op TenderNed.", published=dt.date(2020, 5, 1))
    assert "vooraankondiging" not in stage_statuses(result)
    assert result["primary_stage"] == "aankondiging"


# --- the council debating the procurement: weak evidence of the preparation ---

@pytest.mark.parametrize("text", [
    "Vandaag sprak de gemeenteraad over de aanbesteding van de jeugdhulp. Duizenden gezinnen krijgen ondersteuning.",
    "De raadscommissie bespreekt dinsdag de inkoop jeugdhulp 2018.",
])
def test_a_council_debating_the_procurement_is_preparation(read, text):
    result = read(text, published=dt.date(2017, 6, 28))
    assert "voorbereiding" in stage_statuses(result)
    assert result["primary_stage"] == "voorbereiding"


def test_a_council_debate_yields_to_a_step_told(read):
    result = read("De gemeenteraad sprak over de aanbesteding van de jeugdhulp. De opdracht is in mei gegund aan "
                  "Kwadraad.", published=dt.date(2017, 6, 28))
    assert result["primary_stage"] == "definitieve_gunning"
