"""Specifications of the readings of branch cv77 (issue 11): a step named as the end of something else, a step
scheduled for a time, the enrolment said possible, the new round only named beside a step told, the one tender evaluated
and the negotiation phase, the court of a child-protection measure -- in short synthetic pages (SYNTHETIC: written for
these tests in plain news Dutch, not taken from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture).
"""
import datetime as dt

import pytest

from tests.analysis.reading import stage_statuses

PUBLISHED = dt.date(2024, 3, 4)


# --- a step as the end of something else: the moment waited for, to come ---

@pytest.mark.parametrize("text", [
    "Tijdens de inkoopprocedure geldt een contactverbod. Het contactverbod eindigt bij de gunning van de contracten.",
    "De overbruggingscontracten voor de jeugdhulp lopen tot de gunning.",
    "Het contactverbod geldt tot aan de definitieve gunning van de jeugdhulp.",
])
@pytest.mark.parametrize("published", [PUBLISHED, None])
def test_a_step_named_as_the_end_of_something_else_is_to_come(read, text, published):
    assert stage_statuses(read(text, published=published)).get("definitieve_gunning") == "planned"


def test_an_end_passed_at_the_step_stays_told(read):
    result = read("Het contactverbod voor de jeugdhulp eindigde bij de gunning van de contracten.", published=PUBLISHED)
    assert stage_statuses(result).get("definitieve_gunning") in ("done", "current")  # (current with every rule off)


# --- a step scheduled for a time: to come unless its date is behind the page's ---

@pytest.mark.parametrize("text", [
    "De aanbesteding voor de jeugdhulp loopt. Gunning van de opdracht is voorzien in juni 2024.",
    "De aanbesteding voor de jeugdhulp loopt. De gunning is voorzien in juni.",
    "De aanbesteding voor de jeugdhulp loopt. De gunning staat gepland voor eind mei.",
])
@pytest.mark.parametrize("published", [PUBLISHED, None])
def test_a_step_scheduled_for_a_time_is_planned(read, text, published):
    result = read(text, published=published)
    assert stage_statuses(result).get("definitieve_gunning") == "planned"
    assert result["primary_stage"] == "aankondiging"


def test_a_step_scheduled_for_a_date_behind_the_page_is_done(read):
    result = read("Gunning van de opdracht jeugdhulp was voorzien in juni 2023 en vond toen ook plaats.", published=PUBLISHED)
    assert stage_statuses(result).get("definitieve_gunning") == "done"


def test_a_service_provided_for_is_no_schedule(read):
    result = read("De gunning van de jeugdhulp heeft plaatsgevonden. De nieuwe aanbieder voorziet in de behoefte.",
                  published=PUBLISHED)
    assert stage_statuses(result).get("definitieve_gunning") == "done"


# --- inschrijving: the enrolment said possible (an Open House) ---

@pytest.mark.parametrize("text", [
    "Het is een Open House voor de jeugdhulp. Overigens is inschrijving ook nog steeds mogelijk voor nieuwe partners.",
    "De aanbesteding jeugdhulp staat op TenderNed. Inschrijven is mogelijk tot 1 mei 2024.",
])
def test_the_enrolment_said_possible_is_open(read, text):
    assert stage_statuses(read(text, published=PUBLISHED)).get("inschrijving") == "current"


def test_the_enrolment_possible_in_the_past_is_over(read):
    text = "De aanbesteding jeugdhulp stond op TenderNed. Inschrijven was mogelijk tot 1 december 2023."
    assert stage_statuses(read(text, published=PUBLISHED)).get("inschrijving") == "done"


def test_the_enrolment_no_longer_possible_is_no_open_enrolment(read):
    text = "Het is een Open House voor de jeugdhulp. Inschrijven is niet meer mogelijk."
    assert stage_statuses(read(text, published=PUBLISHED)).get("inschrijving") != "current"


# --- voorbereiding: the new round only named, on a page that tells a step of that procedure ---

def test_the_new_round_named_beside_a_step_told_is_no_preparation(read):
    text = ("Met deze nieuwe inkoop wordt gestuurd op minder verblijf. De selectieleidraad is op 13 februari 2024 "
            "gepubliceerd op TenderNed.")
    result = read(text, published=PUBLISHED)
    assert "voorbereiding" not in stage_statuses(result)
    assert stage_statuses(result).get("aankondiging") == "done"


def test_the_new_round_named_alone_is_its_preparation(read):
    result = read("De gemeente werkt aan de nieuwe inkoop van jeugdhulp.", published=PUBLISHED)
    assert stage_statuses(result).get("voorbereiding") == "current"


# --- beoordeling and dialoog: the one tender evaluated, the negotiation phase in its other nouns ---

def test_the_one_tender_evaluated_and_the_negotiation_entered(read):
    text = ("Na de beoordeling van de inschrijving zijn de gemeenten een onderhandelingstraject ingegaan met de "
            "ingeschreven jeugdhulpaanbieder.")
    statuses = stage_statuses(read(text, published=PUBLISHED))
    assert statuses.get("beoordeling") == "done"
    assert statuses.get("dialoog") in ("done", "current")  # (current with every named rule off)


def test_the_one_tender_being_evaluated_is_current(read):
    statuses = stage_statuses(read("De beoordeling van de offerte voor de jeugdhulp loopt nog.", published=PUBLISHED))
    assert statuses.get("beoordeling") == "current"


def test_the_negotiated_procedure_type_is_no_dialogue(read):
    statuses = stage_statuses(read("De gemeente kiest voor een onderhandelingsprocedure voor de jeugdhulp.", published=PUBLISHED))
    assert "dialoog" not in statuses


# --- the court of a child-protection measure is no tender proceeding ---

@pytest.mark.parametrize("text", [
    "De Raad voor de Kinderbescherming adviseert de rechtbank welke gecertificeerde instelling de maatregel moet uitvoeren.",
    "De kinderrechter heeft een ondertoezichtstelling uitgesproken; de jeugdbescherming wordt ingekocht door de regio.",
])
def test_the_court_of_a_child_protection_measure_is_no_legal_stage(read, text):
    statuses = stage_statuses(read(text, published=PUBLISHED))
    assert not {"kort_geding", "bodemprocedure", "hoger_beroep"} & set(statuses)


def test_a_court_case_about_the_tender_for_child_protection_stays(read):
    text = "De rechtbank heeft in kort geding de aanbesteding van de jeugdbescherming stilgelegd."
    assert stage_statuses(read(text, published=PUBLISHED)).get("kort_geding") == "done"
