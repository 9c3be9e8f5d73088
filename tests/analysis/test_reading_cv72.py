"""Specifications of the readings of branch cv72 (issue 11): cues and yearless days the pages nobody tuned on use -- in
short synthetic pages (SYNTHETIC: written for these tests in plain news Dutch, not taken from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture).
"""
import datetime as dt

import pytest

from tests.analysis.reading import stage_statuses

PUBLISHED = dt.date(2024, 3, 4)


@pytest.mark.parametrize("text, stage, status", [
    # a day without a year told in the present tense, days before the publication: this year's, done -- not next year's
    ("De regio organiseert op 28 februari een marktconsultatie over de nieuwe inkoop van jeugdhulp.",
     "marktconsultatie", "done"),
    ("Per 1 maart zijn de nieuwe aanbieders van jeugdhulp aan de slag.", "contractstart", "done"),
    # guards: a future tense keeps the next one; a present-tense day shortly after the publication stays ahead
    ("De regio zal op 28 februari een marktconsultatie organiseren over de jeugdhulp.", "marktconsultatie", "planned"),
    ("De regio organiseert op 20 maart een marktconsultatie over de nieuwe inkoop van jeugdhulp.",
     "marktconsultatie", "planned"),
])
def test_a_yearless_day_in_the_present_near_the_publication_is_the_nearest_one(read, text, stage, status):
    assert stage_statuses(read(text, published=PUBLISHED)).get(stage) == status


@pytest.mark.parametrize("title, text, stage, status", [
    ("Nieuws over de jeugdhulp", "Aanbieders van jeugdhulp hebben nog tot 25 maart de tijd om een inschrijving in te "
     "dienen bij de regio.", "inschrijving", "current"),
    ("Nieuws over de jeugdhulp", "Sinds 1 maart werken de nieuwe aanbieders van jeugdhulp in de regio.",
     "contractstart", "done"),
    ("Bezwaar tegen voorlopige gunning jeugdhulp", "Drie aanbieders zijn het niet eens met de uitslag van de "
     "aanbesteding van de jeugdhulp.", "bezwaar", "current"),
])
def test_the_cues_unseen_pages_use(read, title, text, stage, status):
    assert stage_statuses(read(text, title=title, published=PUBLISHED)).get(stage) == status


@pytest.mark.parametrize("stage, text", [
    ("marktconsultatie", "De regio organiseert een marktconsultatie over de nieuwe inkoop van jeugdhulp. Vorig jaar "
                         "heeft de raad de inkoopstrategie vastgesteld."),
    ("contract_ondertekend", "De wethouders en de aanbieders van jeugdhulp zetten hun handtekening onder de contracten. "
                             "In januari heeft de regio de jeugdhulp voorlopig gegund aan twaalf aanbieders."),
])
def test_a_present_tense_step_with_its_noun_as_object_is_strong(read, stage, text):
    # the step told by a present-tense main verb with its noun as object is no weak mention an earlier step told
    # strongly outranks
    assert read(text, published=PUBLISHED)["primary_stage"] == stage



def test_an_objection_named_in_the_headline_is_the_pages_news(read):
    # "Bezwaar tegen voorlopige gunning": an objection made, newer than the provisional award it names
    result = read("Drie aanbieders zijn het niet eens met de uitslag van de aanbesteding van de jeugdhulp.",
                  title="Bezwaar tegen voorlopige gunning jeugdhulp", published=PUBLISHED)
    assert result["primary_stage"] == "bezwaar"
