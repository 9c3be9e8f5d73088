"""Specifications of the readings of branch cv42 (issue 11): the stages.md cues in the other words and word orders that
municipal, regional and trade-press pages use, in short synthetic pages (SYNTHETIC: written for these tests around
stages.md's cue column and common Dutch news wording, not taken from a page); the dev figures before and after are in
the corpus README's "Round (branch cv42)" and the CHANGELOG.

Each reading here is read with every named rule switched off as well: a held-out site is read with only the rules that
help two other sites and break none, and a stage's own words are vocabulary, not a rule a held-out site may lose.
"""
import datetime as dt

import pytest

from tests.analysis.reading import stage_statuses


# --- the intended award (stages.md voorlopige_gunning: "voornemen tot gunning") in its other forms ---

@pytest.mark.parametrize("text", [
    "De voorgenomen gunning van de aanbesteding jeugdhulp is op 1 februari 2024 bekendgemaakt aan de inschrijvers.",
    "De regio heeft het voornemen om de opdracht jeugdhulp te gunnen aan Stichting Jeugdzorg Noord.",
])
def test_the_intended_award_in_other_words_is_the_provisional_award(read, text):
    result = read(text)
    assert stage_statuses(result).get("voorlopige_gunning") in ("done", "current")
    assert result["primary_stage"] == "voorlopige_gunning"


# --- the award from the winner's side ---

@pytest.mark.parametrize("text", [
    "De regio heeft de winnaars van de aanbesteding jeugdhulp bekendgemaakt.",
    "Stichting Jeugdzorg Noord is als winnaar uit de bus gekomen bij de aanbesteding jeugdhulp.",
    "De drie aanbieders die de aanbesteding voor de specialistische jeugdhulp hebben gewonnen, zijn blij.",
])
def test_the_winners_told_are_the_award_made(read, text):
    result = read(text)
    assert stage_statuses(result).get("definitieve_gunning") == "done"
    assert result["primary_stage"] == "definitieve_gunning"


# --- tenders received, being evaluated; the enrolment with its infinitive or its closing ---

def test_tenders_received_tell_the_enrolment_done(read):
    result = read("Er zijn tien inschrijvingen binnengekomen voor de aanbesteding jeugdhulp.")
    assert stage_statuses(result).get("inschrijving") == "done"
    assert result["primary_stage"] == "inschrijving"


def test_tenders_being_evaluated_with_words_between(read):
    result = read("De inschrijvingen voor de aanbesteding jeugdhulp worden op dit moment beoordeeld.")
    assert stage_statuses(result).get("beoordeling") == "current"
    assert result["primary_stage"] == "beoordeling"


def test_time_to_enrol_until_a_date_ahead_is_the_enrolment_open(read):
    result = read("Aanbieders hebben tot 1 april 2024 de tijd om zich in te schrijven voor de aanbesteding jeugdhulp.",
                  published=dt.date(2024, 3, 4))
    assert stage_statuses(result).get("inschrijving") == "current"
    assert result["primary_stage"] == "inschrijving"


def test_the_enrolment_closed_with_words_between(read):
    result = read("De inschrijving voor de aanbesteding jeugdhulp sloot op 1 februari 2024.", published=dt.date(2024, 3, 4))
    assert stage_statuses(result).get("inschrijving") == "done"


# --- the notice: "documenten staan op TenderNed"; the publication in the present passive is announced ---

def test_the_documents_on_tenderned_are_the_notice(read):
    result = read("De documenten voor de aanbesteding jeugdhulp staan sinds vandaag op TenderNed.")
    assert stage_statuses(result).get("aankondiging") == "current"
    assert result["primary_stage"] == "aankondiging"


def test_a_publication_in_the_present_passive_with_a_period_is_the_prior_information(read):
    result = read("Na de zomer wordt de aanbesteding jeugdhulp gepubliceerd.")
    assert stage_statuses(result).get("aankondiging") == "planned"
    assert result["primary_stage"] == "vooraankondiging"


# --- agreement on the contracts; the contracts' start with words between ---

def test_an_agreement_reached_over_the_contracts_is_the_contract_step(read):
    result = read("De gemeenten hebben met de jeugdhulpaanbieders een akkoord bereikt over de nieuwe contracten.")
    assert stage_statuses(result).get("contract_ondertekend") == "done"


@pytest.mark.parametrize("text, status", [
    ("De nieuwe contracten voor de jeugdhulp gaan op 1 januari 2025 in.", "planned"),
    ("De nieuwe contracten voor de jeugdhulp starten op 1 januari 2025.", "planned"),
    ("Het nieuwe contract voor de jeugdhulp ging op 1 januari 2024 in.", "done"),
])
def test_the_contracts_start_with_words_between(read, text, status):
    assert stage_statuses(read(text, published=dt.date(2024, 3, 4))).get("contractstart") == status


def test_a_procedure_for_contracts_starting_is_no_contract_start(read):
    # guard: the verb agrees with the procedure, not with the contracts it buys
    result = read("De aanbesteding voor de nieuwe contracten jeugdhulp start op 1 maart 2024.")
    assert "contractstart" not in stage_statuses(result)


# --- a procedure called off (stages.md mislukt: "procedure stopped, withdrawn") ---

@pytest.mark.parametrize("text", [
    "De regio heeft de aanbesteding jeugdhulp afgeblazen.",
    "De aanbesteding jeugdhulp is geannuleerd.",
    "De gemeente heeft de aanbesteding voor de jeugdhulp afgebroken.",
    "De aanbesteding jeugdhulp is gestopt.",
    "De regio annuleert de aanbesteding voor de jeugdhulp.",
])
def test_a_procedure_called_off_is_a_failure(read, text):
    result = read(text)
    assert stage_statuses(result).get("mislukt") in ("done", "current")
    assert result["primary_stage"] == "mislukt"


def test_a_contract_stopped_is_no_failed_procedure(read):
    # guard: the procedure must be what is called off
    result = read("De gemeente is gestopt met de begeleiding van jongeren door Stichting Jeugdzorg Noord na de aanbesteding.")
    assert "mislukt" not in stage_statuses(result)


# --- a possibility named before the cue reports no step ---

@pytest.mark.parametrize("text", [
    "Daarbij bestaat altijd de mogelijkheid dat een andere aanbieder dan de huidige als winnaar uit de bus zal komen bij "
    "de aanbesteding jeugdhulp.",
    "Bij de aanbesteding jeugdhulp is er altijd de kans dat de opdracht aan een andere aanbieder wordt gegund.",
])
def test_a_possibility_named_before_the_cue_is_no_step(read, text):
    assert "definitieve_gunning" not in stage_statuses(read(text))
