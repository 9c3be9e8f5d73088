"""Specifications of the readings of branch cv52 (issue 11): the procedure as the subject of its own start, however
long its name -- in short synthetic pages (SYNTHETIC: written for these tests in common Dutch news wording, not taken
from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture).
"""
import datetime as dt
import re

import pytest

from tenderarchive.analysis.text import sentences
from tenderarchive.analysis.stages import detect_stages
from tests.analysis.reading import stage_statuses
from tests.speed import LINEAR, linear_time, repeat


# --- the care named after a preposition, with any number of adjectives, is no subject of "van start" ---

@pytest.mark.parametrize("text", [
    "De aanbesteding voor de nieuwe regionale jeugdhulp ging in maart van start.",
    "De aanbesteding van de specialistische en ambulante jeugdzorg ging op 1 februari van start.",
    "De inkoop voor de nieuwe regionale specialistische jeugdhulp is op 1 februari gestart.",
])
def test_a_tender_for_care_with_adjectives_is_no_contract_start(read, text):
    result = read(text, published=dt.date(2024, 3, 4))
    statuses = stage_statuses(result)
    assert "contractstart" not in statuses
    assert statuses.get("aankondiging") == "done"
    assert result["primary_stage"] == "aankondiging"


@pytest.mark.parametrize("text", [
    "Het overleg over de nieuwe regionale jeugdhulp ging in maart van start.",
    "Het gesprek met de nieuwe lokale jeugdhulp ging op 1 februari van start.",
])
def test_care_after_a_preposition_with_adjectives_is_no_contract_start(read, text):
    assert "contractstart" not in stage_statuses(read(text, published=dt.date(2024, 3, 4)))


def test_the_care_itself_with_adjectives_still_starts(read):
    result = read("De nieuwe regionale jeugdhulp ging op 1 januari van start.", published=dt.date(2024, 3, 4))
    assert stage_statuses(result).get("contractstart") == "done"


# --- the procedure started: stages.md's "aanbesteding gestart", told with its own verb and tense ---

@pytest.mark.parametrize("text", [
    "De aanbesteding van de nieuwe jeugdhulp ging in januari van start.",
    "De aanbesteding voor de jeugdhulp is in januari gestart.",
    "Het inkooptraject voor de specialistische jeugdzorg in de regio Holland Rijnland is op 1 februari gestart.",
])
def test_a_tender_started_in_the_past_is_the_announcement_done(read, text):
    result = read(text, published=dt.date(2024, 3, 4))
    assert stage_statuses(result).get("aankondiging") == "done"
    assert result["primary_stage"] == "aankondiging"


def test_a_tender_to_start_on_a_date_ahead_is_not_yet_announced(read):
    result = read("De aanbesteding voor de jeugdhulp gaat op 1 mei van start.", published=dt.date(2024, 3, 4))
    assert stage_statuses(result).get("aankondiging") == "planned"
    assert result["primary_stage"] == "voorbereiding"


def test_a_start_in_another_clause_is_not_the_tenders(read):
    result = read("De aanbesteding voor de jeugdhulp is afgerond en de nieuwe zorg is op 1 januari gestart.",
                  published=dt.date(2024, 3, 4))
    statuses = stage_statuses(result)
    assert "aankondiging" not in statuses
    assert statuses.get("contractstart") == "done"


def test_the_preposition_guard_stays_fast_on_100_kb():
    def sents(n):
        return sentences("De aanbesteding van de " + repeat("nieuwe ", n) + "jeugdhulp ging op 1 januari van start.")
    assert linear_time(lambda given: detect_stages(given, [], dt.date(2024, 3, 4)), sents) < LINEAR
    from tenderarchive.analysis.stages import _IN_PREP_PHRASE
    assert not _IN_PREP_PHRASE.search("De aanbesteding " + "nieuwe en " * 10000)
    assert linear_time(_IN_PREP_PHRASE.search, lambda n: "De aanbesteding " + repeat("nieuwe en ", n)) < LINEAR


# --- the step told by the procurement's verb and its object in one clause, with many words between ---

@pytest.mark.parametrize("text, stage, status", [
    ("De gemeenten hebben de aanbesteding voor de specialistische jeugdhulp op 1 februari gepubliceerd.",
     "aankondiging", "done"),
    ("De gemeente gunde de opdracht voor de jeugdhulp in februari aan Kwadraad.", "definitieve_gunning", "done"),
    ("De gemeente beoordeelt nu de inschrijvingen voor de aanbesteding jeugdhulp.", "beoordeling", "current"),
    ("Zes aanbieders zijn geselecteerd voor de aanbesteding van de jeugdhulp.", "selectie", "done"),
    ("Zorgaanbieders konden tot 1 februari 2024 een offerte voor de specialistische jeugdhulp indienen.", "inschrijving",
     "done"),
    ("De aanbesteding voor de jeugdhulp staat sinds 1 februari open.", "aankondiging", "current"),
    ("De gemeente is voornemens de opdracht voor de jeugdhulp te gunnen aan Kwadraad.", "voorlopige_gunning", "current"),
])
def test_the_procurements_verb_and_object_tell_the_step(read, text, stage, status):
    result = read(text, published=dt.date(2024, 3, 4))
    assert stage_statuses(result).get(stage) == status
    assert result["primary_stage"] == stage


@pytest.mark.parametrize("text", [
    "De gemeente publiceert jaarlijks een overzicht van de kosten van de jeugdhulp.",
    "Er wordt gewerkt aan een manier om vanaf 2025 nieuwe zorgaanbieders voor de jeugdhulp te selecteren.",
    "De opdracht voor de jeugdhulp gunnen we dan aan de economisch meest voordelige inschrijving.",
    "De opdracht is gepubliceerd, en de gemeente heeft ook de jeugdhulp beoordeeld.",
])
def test_no_step_without_the_verb_of_the_objects_own_clause(read, text):
    statuses = stage_statuses(read(text, published=dt.date(2024, 3, 4)))
    assert not {"selectie", "definitieve_gunning", "beoordeling"} & set(statuses)


def test_the_verb_and_object_cue_stays_fast_on_100_kb():
    from tenderarchive.analysis.vocabulary import VERB_OBJECT_CUES
    def page(n):
        return "de aanbesteding " + repeat("voor de jeugdhulp ", n) + "en"
    assert not any(re.search(rx, page(100_000), re.I) for _, rx in VERB_OBJECT_CUES)
    assert linear_time(lambda text: [re.search(rx, text, re.I) for _, rx in VERB_OBJECT_CUES], page) < LINEAR


# --- headlines: the care awarded to a party, the procedure the subject of its failure ---

@pytest.mark.parametrize("title, stage", [
    ("Gemeente gunt jeugdhulp aan Kwadraad", "definitieve_gunning"),
    ("Aanbesteding jeugdhulp mislukt", "mislukt"),
])
def test_a_headline_with_the_procurements_verb_tells_the_step(read, title, stage):
    result = read("De gemeente meldt dit in een persbericht over de jeugdhulp.", title=title, published=dt.date(2024, 3, 4))
    assert result["primary_stage"] == stage


@pytest.mark.parametrize("text, stage", [
    ("De aanbesteding voor de specialistische jeugdhulp in de regio is geflopt.", "mislukt"),
    ("De gemeente gunde de ambulante jeugdhulp in februari aan twee aanbieders.", "definitieve_gunning"),
])
def test_a_failure_or_award_told_with_words_between_is_done(read, text, stage):
    result = read(text, published=dt.date(2024, 3, 4))
    assert stage_statuses(result).get(stage) == "done"


@pytest.mark.parametrize("text", [
    "Het risico bestaat dat de aanbesteding voor de jeugdhulp mislukt.",
    "We gunnen elk kind in de gemeente goede jeugdhulp.",
])
def test_a_risk_of_failure_or_a_wish_is_no_step(read, text):
    statuses = stage_statuses(read(text, published=dt.date(2024, 3, 4)))
    assert "mislukt" not in statuses and "definitieve_gunning" not in statuses
