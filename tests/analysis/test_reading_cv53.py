"""Specifications of the readings of branch cv53 (issue 11): the tenders received, the award, the procedure redone, the
contracts concluded and an appeal not lodged, each told in a phrasing the fixed cues missed -- in short synthetic pages
(SYNTHETIC: written for these tests in common Dutch news wording, not taken from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture).
"""
import datetime as dt
import re

import pytest

from tests.analysis.reading import stage_statuses
from tests.speed import LINEAR, linear_time, repeat

PUBLISHED = dt.date(2024, 3, 4)


# --- the tenders received, told by the providers who came forward (stages.md inschrijving: "hebben ingeschreven") ---

@pytest.mark.parametrize("text", [
    "Er hebben zich 25 aanbieders gemeld voor de aanbesteding jeugdhulp.",
    "Voor de aanbesteding van de jeugdhulp hebben zich twaalf zorgaanbieders aangemeld.",
    "25 jeugdhulpaanbieders hebben zich voor de aanbesteding gemeld.",
])
def test_providers_who_came_forward_are_the_tenders_received(read, text):
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result).get("inschrijving") == "done"
    assert result["primary_stage"] == "inschrijving"


@pytest.mark.parametrize("text", [
    "Aanbieders hebben zorgen gemeld bij de gemeente over de jeugdhulp.",
    "Er hebben zich geen aanbieders gemeld voor de aanbesteding jeugdhulp.",
])
def test_a_report_or_nobody_coming_forward_is_no_tender_received(read, text):
    assert stage_statuses(read(text, published=PUBLISHED)).get("inschrijving") != "done"


# --- the award told by the party chosen ---

@pytest.mark.parametrize("text", [
    "Kwadraad is gekozen als nieuwe aanbieder voor de jeugdhulp in de regio.",
    "Kwadraad wordt de nieuwe aanbieder van de jeugdhulp in de regio.",
    "Twee partijen zijn door de gemeente gekozen als nieuwe zorgaanbieders voor de jeugdzorg.",
])
def test_the_party_chosen_as_the_new_provider_is_the_award_done(read, text):
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result).get("definitieve_gunning") == "done"
    assert result["primary_stage"] == "definitieve_gunning"


@pytest.mark.parametrize("text", [
    "Jan de Vries is gekozen als voorzitter van de raad voor de jeugdhulp.",
    "Kwadraad wordt niet de nieuwe aanbieder van de jeugdhulp.",
])
def test_another_role_or_a_denial_is_no_award(read, text):
    assert "definitieve_gunning" not in stage_statuses(read(text, published=PUBLISHED))


# --- the procedure redone: re-procurement ordered (stages.md mislukt) ---

@pytest.mark.parametrize("text", [
    "De aanbesteding wordt overgedaan.",
    "De aanbesteding voor de specialistische jeugdhulp moet worden overgedaan.",
])
def test_a_tender_redone_is_the_failure(read, text):
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result).get("mislukt") in ("done", "current")
    assert result["primary_stage"] == "mislukt"


@pytest.mark.parametrize("text", [
    "De aanbesteding voor de jeugdhulp hoeft niet te worden overgedaan.",
    "De aanbesteding voor de jeugdhulp wordt niet overgedaan.",
])
def test_a_tender_not_redone_is_no_failure(read, text):
    assert "mislukt" not in stage_statuses(read(text, published=PUBLISHED))


def test_a_tender_to_be_redone_by_wish_is_planned(read):
    statuses = stage_statuses(read("De gemeente wil de aanbesteding voor de jeugdhulp overdoen.", published=PUBLISHED))
    assert statuses.get("mislukt") in (None, "planned")


# --- the contracts concluded with the parties (stages.md contract_ondertekend: "overeenkomst gesloten") ---

@pytest.mark.parametrize("text", [
    "De gemeente heeft contracten gesloten met 40 aanbieders voor de jeugdhulp.",
    "Na de aanbesteding zijn raamovereenkomsten getekend met twaalf jeugdhulpaanbieders.",
])
def test_contracts_concluded_with_parties_are_signed(read, text):
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result).get("contract_ondertekend") in ("done", "current")
    assert result["primary_stage"] == "contract_ondertekend"


@pytest.mark.parametrize("text", [
    "De gemeente wil contracten sluiten met 40 aanbieders voor de jeugdhulp.",
    "De contracten voor de jeugdhulp worden in mei gesloten met 40 aanbieders.",
])
def test_contracts_to_be_concluded_are_not_signed(read, text):
    statuses = stage_statuses(read(text, published=PUBLISHED))
    assert statuses.get("contract_ondertekend") in (None, "planned")


# --- an appeal weighed or refused is not lodged ---

def test_an_appeal_weighed_with_te_is_planned(read):
    result = read("De gemeente overweegt in hoger beroep te gaan tegen de uitspraak over de aanbesteding jeugdhulp.",
                  published=PUBLISHED)
    assert stage_statuses(result).get("hoger_beroep") == "planned"
    assert result["primary_stage"] != "hoger_beroep"


def test_an_appeal_refused_is_no_appeal(read):
    result = read("De gemeente gaat niet in hoger beroep tegen de uitspraak over de aanbesteding jeugdhulp.",
                  published=PUBLISHED)
    assert "hoger_beroep" not in stage_statuses(result)


def test_the_new_cues_stay_fast_on_100_kb():
    from tenderarchive.analysis.vocabulary import VERB_OBJECT_CUES
    for filler in ("zich aanbieders ", "de aanbesteding ", "contracten ", "is gekozen als "):
        assert linear_time(lambda text: [re.search(rx, text, re.I) for _, rx in VERB_OBJECT_CUES],
                           lambda n: repeat(filler, n) + "en") < LINEAR, filler
