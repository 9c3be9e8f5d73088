"""Specifications of the readings of branch cv50 (issue 11): small reading leftovers -- in short synthetic pages
(SYNTHETIC: written for these tests in common Dutch news and council wording, not taken from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture).
"""
import datetime as dt

import pytest

from tests.analysis.reading import stage_statuses
from tenderarchive.analysis import MAX_TEXT_CHARS
from tests.speed import LINEAR, linear_time, repeat


# --- care starting: the contract start, not a prior notice ---

@pytest.mark.parametrize("text", [
    "De gemeenten hebben de contracten met de aanbieders van jeugdhulp getekend. De zorg gaat in januari van start.",
    "De contracten voor de jeugdhulp zijn getekend. De nieuwe jeugdhulp gaat begin januari van start.",
])
def test_care_starting_is_the_contract_start_planned(read, text):
    result = read(text, published=dt.date(2024, 11, 4))
    statuses = stage_statuses(result)
    assert "vooraankondiging" not in statuses
    assert statuses.get("contractstart") == "planned"
    assert result["primary_stage"] == "contract_ondertekend"


def test_a_tender_starting_in_a_month_is_still_prior_notice(read):
    result = read("De aanbesteding voor de jeugdhulp gaat in januari van start.", published=dt.date(2024, 11, 4))
    assert "vooraankondiging" in stage_statuses(result)
    assert "contractstart" not in stage_statuses(result)


# --- how purchasing is arranged: no procurement step ---

@pytest.mark.parametrize("text", [
    "De gemeente heeft de inkoop van jeugdhulp goed geregeld. Ouders kunnen bij het wijkteam terecht met vragen.",
    "Volgens de wethouder is de inkoop van jeugdzorg in onze gemeente goed georganiseerd. Het wijkteam helpt ouders.",
])
def test_purchasing_arranged_is_no_procurement_news(read, text):
    result = read(text, title="Jeugdhulp in de gemeente", published=dt.date(2023, 5, 4))
    assert not result["relevant"], result["relevance_rule"]


def test_a_purchase_done_still_counts(read):
    result = read("De gemeente heeft de inkoop van jeugdhulp in 2023 afgerond met nieuwe contracten.",
                  title="Jeugdhulp in de gemeente", published=dt.date(2024, 5, 4))
    assert result["relevant"], result["relevance_rule"]


# --- a budget story naming an earlier tender in passing ---

@pytest.mark.parametrize("text", [
    "De kosten van de jeugdhulp stijgen dit jaar met vier miljoen euro. Sinds de aanbesteding van 2022 zijn de tarieven "
    "hoger. Het college wil bezuinigen op de jeugdzorg en vraagt de raad om extra geld in de begroting.",
    "Het tekort op de jeugdzorg loopt op tot 6 miljoen euro. Dat komt door meer cliënten en door de aanbesteding van "
    "2022, zegt de wethouder. De raad bespreekt de begroting in november.",
])
def test_a_budget_story_naming_an_earlier_tender_is_not_relevant(read, text):
    result = read(text, title="Nieuws uit de raad", published=dt.date(2024, 10, 4))
    assert not result["relevant"], result["relevance_rule"]


def test_a_tender_of_the_year_as_the_subject_still_counts(read):
    result = read("De aanbesteding van 2022 voor de jeugdhulp is gegund aan vijf aanbieders.",
                  title="Tekort jeugdzorg loopt op", published=dt.date(2022, 10, 4))
    assert result["relevant"], result["relevance_rule"]


# --- new providers contracted: a purchasing round's outcome ---

@pytest.mark.parametrize("text", [
    "Vanaf volgend jaar werken de gemeenten in de regio met 35 nieuwe jeugdhulpaanbieders.",
    "De gemeente werkt sinds januari met twaalf nieuwe aanbieders van jeugdhulp.",
])
def test_working_with_new_providers_is_relevant(read, text):
    result = read(text, title="Nieuws", published=dt.date(2024, 10, 4))
    assert result["relevant"], result["relevance_rule"]


def test_working_with_providers_is_no_round(read):
    result = read("De gemeente werkt met 35 jeugdhulpaanbieders. Ouders kiezen zelf een aanbieder.",
                  title="Nieuws", published=dt.date(2024, 10, 4))
    assert not result["relevant"], result["relevance_rule"]


def test_the_new_cues_stay_fast_on_a_long_page(read):
    unit = ("de zorg gaat in januari van start de inkoop van jeugdhulp goed geregeld de aanbesteding van 2022 werken "
            "met 35 nieuwe jeugdhulpaanbieders ")
    # (the analysis reads a page's first MAX_TEXT_CHARS = 50,000 characters: the ratio is taken up to them)
    assert linear_time(lambda text: read(text, published=dt.date(2024, 1, 1)), lambda n: repeat(unit, n) + ".",
                       MAX_TEXT_CHARS) < LINEAR
