"""Specifications of the readings of branch cv68 (issue 11) -- in short synthetic pages (SYNTHETIC: written for these tests
in common Dutch news wording, not taken from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture).
"""
import datetime as dt

import pytest

from tests.analysis.reading import stage_statuses

PUBLISHED = dt.date(2024, 3, 4)


@pytest.mark.parametrize("text", [
    "De gemeente koopt de jeugdhulp opnieuw in. Via TenderNed kunt u de gepubliceerde documenten raadplegen.",
    "De regio koopt de jeugdhulp in met een Open House. Alle gepubliceerde aanbestedingsstukken vindt u hieronder.",
])
def test_published_tender_documents_are_the_notice_done(read, text):
    # the attributive participle: the documents are out, whatever the tense of the clause they sit in
    assert stage_statuses(read(text, published=PUBLISHED)).get("aankondiging") == "done"


@pytest.mark.parametrize("text", [
    # guards: documents that are no tender's, and documents still to be put on the platform
    "De gemeente koopt de jeugdhulp in. De gepubliceerde jaarcijfers laten een tekort zien.",
    "De gemeente koopt de jeugdhulp in. De documenten komen in mei op TenderNed.",
])
def test_other_documents_are_no_notice(read, text):
    assert stage_statuses(read(text, published=PUBLISHED)).get("aankondiging") != "done"


@pytest.mark.parametrize("text, status", [
    ("Voor de aanbesteding van de jeugdhulp konden geïnteresseerde partijen zich tot oktober 2023 inschrijven.", "done"),
    ("Voor de aanbesteding van de jeugdhulp konden aanbieders zich inschrijven.", "done"),
])
def test_a_past_modal_of_enrolment_is_the_enrolment_done(read, text, status):
    assert stage_statuses(read(text, published=PUBLISHED)).get("inschrijving") == status


def test_the_present_modal_still_reads_the_enrolment_open(read):
    text = "Voor de aanbesteding van de jeugdhulp kunnen aanbieders zich tot 1 mei inschrijven."
    assert stage_statuses(read(text, published=PUBLISHED)).get("inschrijving") == "current"
