"""Specifications of the readings of branch cv55 (issue 11): a decision still to be taken on a step, a court step
announced or possible, the step a withdrawn objection was against, a noun after an article read as a participle, and a
failure told before the step taken since -- in short synthetic pages (SYNTHETIC: written for these tests in common Dutch
news wording, not taken from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture).
"""
import datetime as dt

import pytest

from tests.analysis.reading import stage_statuses
from tests.speed import LINEAR, linear_time

PUBLISHED = dt.date(2024, 3, 4)


@pytest.mark.parametrize("text, stage", [
    ("Het college neemt in april een besluit over de gunning van de jeugdhulp.", "definitieve_gunning"),
    ("De gemeenteraad beslist volgende week over de gunning van de jeugdhulp.", "definitieve_gunning"),
    ("Aanbieders kondigen een kort geding aan tegen de aanbesteding jeugdhulp.", "kort_geding"),
    ("Aanbieders hebben een kort geding aangekondigd tegen de aanbesteding jeugdhulp.", "kort_geding"),
    ("Aanbieders stappen mogelijk naar de rechter vanwege de aanbesteding jeugdhulp.", "kort_geding"),
    ("Het beleid is dat de gunning van de jeugdhulp in mei volgt.", "definitieve_gunning"),
])
def test_a_step_to_be_decided_announced_or_possible_is_planned(read, text, stage):
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result).get(stage) == "planned"
    assert result["primary_stage"] != stage


@pytest.mark.parametrize("text, stage", [
    ("Het college nam in april een besluit over de gunning van de jeugdhulp.", "definitieve_gunning"),
    ("Het college heeft een besluit genomen over de gunning van de jeugdhulp.", "definitieve_gunning"),
    ("Aanbieders stappen naar de rechter vanwege de aanbesteding jeugdhulp.", "kort_geding"),
    ("De aanbesteding jeugdhulp is waarschijnlijk in 2023 stopgezet.", "mislukt"),
    ("De gemeente heeft het contract voor de jeugdhulp gegund aan Kwadraad.", "definitieve_gunning"),
    ("Het bezwaar tegen de gunning van de jeugdhulp is ongegrond verklaard.", "definitieve_gunning"),
])
def test_a_step_taken_beside_these_words_still_counts(read, text, stage):
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result).get(stage) in ("done", "current")
    assert result["primary_stage"] == stage


def test_the_step_a_withdrawn_objection_was_against_is_not_told(read):
    result = read("Het bezwaar tegen de gunning van de jeugdhulp is ingetrokken.", published=PUBLISHED)
    assert stage_statuses(result).get("definitieve_gunning") not in ("done", "current")
    assert result["primary_stage"] != "definitieve_gunning"


def test_a_noun_after_an_article_is_no_participle():
    from tenderarchive.analysis.stages import _participles
    words = lambda t: [m.group(0) for m in _participles(t)]  # noqa: E731
    assert words("Het college neemt een besluit over het beleid en de gemeenteraad krijgt een bericht") == []
    assert words("De gemeente heeft het contract gegund") == ["gegund"]
    assert words("Zij hebben de voorgenomen aanbesteding besproken") == ["voorgenomen", "besproken"]
    assert words("De gemeenteraad is akkoord gegaan en de marktverkenning is niet doorgegaan") == ["gegaan"]


def test_the_step_taken_since_a_failure_is_the_primary_stage(read):
    result = read("De aanbesteding jeugdhulp is in 2022 mislukt. Inmiddels zijn de contracten getekend.", published=PUBLISHED)
    assert result["primary_stage"] == "contract_ondertekend"


@pytest.mark.parametrize("text", [
    "De contracten voor de jeugdhulp zijn in 2022 getekend. In 2023 is de aanbesteding alsnog mislukt.",
    "De aanbesteding jeugdhulp is in 2022 mislukt. De contracten zijn getekend.",
])
def test_a_failure_after_the_signing_or_not_told_before_it_stays_primary(read, text):
    assert read(text, published=PUBLISHED)["primary_stage"] == "mislukt"


def test_the_new_scans_stay_fast_on_a_long_sentence():
    from tenderarchive.analysis import stages
    def scan(text):
        stages._DECISION_AHEAD.search(text)
        stages._ANNOUNCES_BEFORE.search(text)
        stages._LEGAL_AGAINST.search(text)
        stages._WITHDRAWN_AFTER.match(text)
        stages._participles(text)
    for unit in ("neemt a b ", "besluit over de ", "kondigen a ", "bezwaar tegen de "):
        assert linear_time(scan, unit) < LINEAR, unit
