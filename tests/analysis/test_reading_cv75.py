"""Specifications of the readings of branch cv75 (issue 11): an appeal announced or lodged, the intention to award made
known, a directory of contracted providers -- in short synthetic pages (SYNTHETIC: written for these tests in plain
news Dutch, not taken from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture).
"""
import datetime as dt
import re

import pytest

from tests.analysis.reading import stage_statuses
from tests.speed import LINEAR, linear_time

PUBLISHED = dt.date(2024, 3, 4)


# --- an appeal: announced is to come, lodged is the stage current (stages.md hoger_beroep) ---

def test_an_appeal_announced_is_planned(read):
    # "gaat in hoger beroep": the party says it will appeal; the appeal is not lodged yet (the dev gold reads it so)
    result = read("De gemeente gaat in hoger beroep tegen het vonnis over de aanbesteding jeugdhulp.", published=PUBLISHED)
    assert stage_statuses(result)["hoger_beroep"] == "planned"
    assert result["primary_stage"] != "hoger_beroep"


@pytest.mark.parametrize("text", [
    "De gemeente heeft hoger beroep ingesteld tegen het vonnis over de aanbesteding jeugdhulp.",
    "De aanbieder heeft hoger beroep aangetekend tegen de uitspraak over de aanbesteding jeugdhulp.",
])
def test_an_appeal_lodged_is_current(read, text):
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result)["hoger_beroep"] == "current"
    assert result["primary_stage"] == "hoger_beroep"


def test_an_appeal_ruled_stays_done(read):
    result = read("Het gerechtshof heeft in hoger beroep het vonnis over de aanbesteding jeugdhulp bekrachtigd.",
                  published=PUBLISHED)
    assert stage_statuses(result)["hoger_beroep"] == "done"


# --- the intention to award made known: voorlopige_gunning, the telling's own tense ---

@pytest.mark.parametrize("text, status", [
    ("De gemeente heeft laten weten aan wie zij de opdracht voor de jeugdhulp wil gunnen.", {"done"}),
    ("De gemeente liet vorige week weten aan wie zij de jeugdhulp wil gunnen.", {"done"}),
    ("De gemeente heeft bekendgemaakt aan wie zij de jeugdhulp gunt.", {"done"}),
    ("De gemeente maakt bekend aan wie zij de opdracht voor de jeugdhulp gunt.", {"done", "current"}),
])
def test_whom_the_buyer_means_to_award_to_made_known(read, text, status):
    result = read(text, published=PUBLISHED)
    st = stage_statuses(result)
    assert st.get("voorlopige_gunning") in status
    assert "definitieve_gunning" not in st
    assert result["primary_stage"] == "voorlopige_gunning"


def test_whom_to_award_to_made_known_later_is_planned(read):
    st = stage_statuses(read("De gemeente laat in april weten aan wie zij de jeugdhulp wil gunnen.", published=PUBLISHED))
    assert st.get("voorlopige_gunning") == "planned"


def test_whom_to_ask_is_no_award(read):
    st = stage_statuses(read("De gemeente laat weten aan wie aanbieders hun vragen over de jeugdhulp kunnen stellen.",
                             published=PUBLISHED))
    assert "voorlopige_gunning" not in st


# --- a directory of contracted providers is no award news ---

@pytest.mark.parametrize("directory", [
    "Alle aanbieders die door de gemeente zijn gecontracteerd, staan op de website.",
    "Een overzicht van de gecontracteerde aanbieders vindt u op de website van de gemeente.",
])
def test_a_directory_of_contracted_providers_yields_to_the_step_told(read, directory):
    result = read("De regio heeft de aanbesteding voor de jeugdhulp gepubliceerd. " + directory, published=PUBLISHED)
    assert result["primary_stage"] == "aankondiging"
    result = read("De gemeente houdt een marktconsultatie over de jeugdhulp. " + directory, published=PUBLISHED)
    assert result["primary_stage"] == "marktconsultatie"


def test_an_award_told_stays_the_news_beside_a_directory(read):
    result = read("De regio heeft de jeugdhulp gegund aan Stichting Kompas. De gecontracteerde aanbieders staan op "
                  "de website.", published=PUBLISHED)
    assert result["primary_stage"] == "definitieve_gunning"


def test_new_patterns_read_in_linear_time():
    from tenderarchive.analysis import stages, vocabulary
    rx = [re.compile(p, re.I) for s, p in vocabulary.STAGE_CUES if s == "voorlopige_gunning"]
    for unit in ("laat weten aan wie zij de ", "aan wie de opdracht "):
        assert linear_time(lambda t: [r.search(t) for r in rx], unit) < LINEAR, unit
    for unit in ("staan op de ", "overzicht van de ", "vindt u de "):
        assert linear_time(lambda t: stages._DIRECTORY.search(t), unit) < LINEAR, unit
    assert linear_time(lambda t: stages._TOLD_PAST.search(t), "heeft laten ") < LINEAR
