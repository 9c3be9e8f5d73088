"""Specifications of the readings of branch cv61 (issue 11) -- in short synthetic pages (SYNTHETIC: written for these tests
in common Dutch news wording, not taken from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture).
"""
import datetime as dt

import pytest

from tests.analysis.reading import stage_statuses

PUBLISHED = dt.date(2024, 3, 4)


@pytest.mark.parametrize("text", [
    "De gemeente verwacht de opdracht voor de jeugdhulp in juni te gunnen.",
    "Verwacht de regio de percelen jeugdhulp nog voor de zomer te gunnen?",
    "De gemeente zal de opdracht jeugdhulp in juni gunnen aan drie aanbieders.",
    "De regio gaat de aanbesteding voor de ambulante jeugdhulp na de zomer gunnen.",
    "De gemeenten zijn van plan de contracten jeugdhulp in mei te gunnen.",
    "De gemeente wil de opdracht voor de jeugdhulp voor 1 juli gunnen.",
])
def test_an_award_told_with_a_future_or_expectation_verb_and_the_infinitive_is_planned(read, text):
    # stages.md: "Planned stages never become primary"; the award named by its infinitive under a future or
    # expectation verb is the step to come, not a step no cue reads
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result).get("definitieve_gunning") == "planned"
    assert result["primary_stage"] != "definitieve_gunning"


@pytest.mark.parametrize("text", [
    "De opdracht jeugdhulp is gegund aan drie aanbieders.",
    "De gemeente heeft de opdracht voor de jeugdhulp in februari gegund aan drie aanbieders.",
    "De regio gunde de percelen jeugdhulp vorige maand aan vier aanbieders.",
])
def test_the_award_told_done_stays_done(read, text):
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result).get("definitieve_gunning") == "done"
    assert result["primary_stage"] == "definitieve_gunning"


@pytest.mark.parametrize("text", [
    # the plural present tells how a step is taken, no step to come
    "De opdracht gunnen we aan de inschrijving met de beste prijs-kwaliteitverhouding.",
    # wishing someone something, no award
    "Wij willen elk kind goede jeugdhulp gunnen.",
    # a clause boundary between the verb and the award
    "De gemeente wil weten wat de opdracht kost, zodat ze kan gunnen.",
])
def test_a_gunnen_without_an_award_to_come_names_none(read, text):
    assert "definitieve_gunning" not in stage_statuses(read(text, published=PUBLISHED))


def test_the_award_to_come_is_read_in_linear_time():
    # guard: 100 KB of future verbs with no object, and of objects with no infinitive after them
    from tenderarchive.analysis.vocabulary import VERB_OBJECT_CUES
    from tests.speed import LINEAR, linear_time
    import re

    rx = re.compile(next(rx for stage, rx in VERB_OBJECT_CUES if stage == "definitieve_gunning" and "gunnen" in rx), re.I)
    for unit in ("zal de ", "gaat de opdracht ", "verwacht opdracht contract "):
        assert linear_time(rx.search, unit) < LINEAR, unit
