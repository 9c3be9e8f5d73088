"""Specifications of the readings of branch cv23 (issue 11), in synthetic sentences written in the style of the
corpus pages; why each change was kept (the dev part held out by site) is in the corpus README's "Round (branch
cv23)".
"""
import datetime as dt

import pytest

from tenderarchive.analysis import analyse


def _read(text: str, title: str) -> dict:
    return analyse("SYNTHETISCHE TEKST. " + text, title=title, published=dt.date(2017, 6, 6))


# --- the profile's "jeugd en Wmo" pair in the other order, with a slash or a hyphen ---------------------------

@pytest.mark.parametrize("pair", ["Wmo/jeugd", "Wmo en Jeugd", "Wmo-Jeugd", "Jeugd/Wmo"])
def test_the_wmo_and_youth_pair_names_youth_care(pair):
    r = _read(f"De aanbesteding voor {pair} is gegund aan drie aanbieders.", title=f"Aanbesteding {pair} gegund")
    assert r["relevant"] is True
    assert r["relevance_rule"] == "youth_term+procedure"


def test_a_wmo_tender_without_the_youth_pair_stays_a_wmo_tender():
    r = _read("De aanbesteding voor de Wmo is gegund aan drie aanbieders.", title="Aanbesteding Wmo gegund")
    assert r["relevant"] is False


# --- care for children and young people is youth care, told in plain words -----------------------------------

def test_a_ruling_on_the_purchase_of_care_for_children_is_a_youth_care_procurement():
    r = _read("Zorgaanbieders zijn naar de rechter gestapt omdat zij onder de nieuwe inkoopvoorwaarden van de regio de "
              "behandeling voor kinderen en jongeren niet langer kunnen voortzetten.",
              title="Zorgaanbieders tevreden over vonnis kort geding")
    assert r["relevant"] is True
    assert "behandeling voor kinderen" in r["matched_terms"]
    assert r["primary_stage"] == "kort_geding"


def test_care_for_children_without_a_procurement_is_no_procurement():
    r = _read("De wachtlijsten voor hulp aan jongeren lopen op, zegt de kinderombudsman.", title="Wachtlijsten")
    assert r["relevant"] is False


# --- municipalities deciding to buy together: stages.md's "inkoopsamenwerking besloten" ----------------------

@pytest.mark.parametrize("text", [
    "De gemeenten Maasdriel en Zaltbommel gaan vanaf 2018 samen de inkoop en het contractmanagement voor de jeugdhulp "
    "uitvoeren.",
    "De colleges hebben besloten de jeugdzorg voortaan gezamenlijk in te kopen.",
])
def test_a_decision_to_buy_youth_care_together_is_preparation(text):
    r = _read(text, title="Samenwerking in het sociaal domein")
    assert r["relevant"] is True
    assert r["primary_stage"] == "voorbereiding"
    assert any(s["stage"] == "voorbereiding" for s in r["stages"])


def test_a_joint_purchase_that_runs_is_no_decision_to_prepare():
    r = _read("De GGD voert de gezamenlijke inkoop en het contractbeheer van specialistische jeugdhulp uit.",
              title="Verbonden partijen")
    assert not any(s["stage"] == "voorbereiding" for s in r["stages"])
    assert r["relevant"] is False


# --- a procedure of a named kind started in the present tense is the notice (stages.md "aanbesteding gestart") ---

@pytest.mark.parametrize("text", [
    "Veendam start een Europees openbare SAS-procedure ten behoeve van ambulante jeugdhulp.",
    "De regio start een aanbesteding voor de specialistische jeugdhulp.",
])
def test_a_procedure_started_now_is_the_notice(text):
    r = _read(text + " De gemeenten hebben besloten om de omslag te maken naar een inkoop waar de jeugdige centraal "
              "staat.", title="Ambulante jeugdhulp")
    assert r["relevant"] is True
    assert {"stage": "aankondiging", "status": "current"}.items() <= next(
        s for s in r["stages"] if s["stage"] == "aankondiging").items()
    assert r["primary_stage"] == "aankondiging"


def test_the_start_of_a_procedure_as_a_noun_is_no_present_tense():
    r = _read("Na de start van de aanbesteding voor jeugdhulp in 2016 volgde een lange stilte.", title="Jeugdhulp")
    assert not any(s["stage"] == "aankondiging" and s["status"] == "current" and s["strong"] for s in r["stages"])


# --- the Jeugdwet's "opgroei- en opvoedingsproblemen" names youth care ----------------------------------------

def test_a_tender_for_teams_helping_with_raising_children_is_a_youth_care_procurement():
    r = _read("De aanbesteding voor de buurtteams is opnieuw gegund aan beide buurtteamorganisaties. Speerpunten zijn "
              "schulden en ondersteuning bij opvoed- en opgroeivragen.", title="Aanbesteding buurtteams opnieuw gegund")
    assert r["relevant"] is True
    assert r["primary_stage"] == "definitieve_gunning"


def test_a_buurtteam_tender_without_youth_care_is_no_youth_care_procurement():
    r = _read("De aanbesteding voor de buurtteams is opnieuw gegund aan beide buurtteamorganisaties. Speerpunten zijn "
              "schulden en eenzaamheid.", title="Aanbesteding buurtteams opnieuw gegund")
    assert r["relevant"] is False


def test_first_aid_for_children_is_no_youth_care():
    r = _read("Uw gastouder volgt jaarlijks een cursus Eerste Hulp aan Kinderen. Inschrijving bij het gastouderbureau "
              "kost 50 euro.", title="Bemiddelingskosten")
    assert r["relevant"] is False
    assert "hulp aan kinderen" not in r["matched_terms"]
