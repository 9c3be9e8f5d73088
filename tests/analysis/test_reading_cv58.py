"""Specifications of the readings of branch cv58 (issue 11): a step named as what no objection was filed against -- in
short synthetic pages (SYNTHETIC: written for these tests in common Dutch news wording, not taken from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture).
"""
import datetime as dt

import pytest

from tests.analysis.reading import stage_statuses

PUBLISHED = dt.date(2024, 3, 4)


@pytest.mark.parametrize("text", [
    "Er is geen bezwaar gemaakt tegen de verlenging van de contracten jeugdhulp.",
    "Niemand heeft bezwaar aangetekend tegen de verlenging van de contracten jeugdhulp.",
    "Geen van de aanbieders heeft bezwaar gemaakt tegen de verlenging van de contracten jeugdhulp.",
    "Tegen de verlenging van de contracten jeugdhulp is geen bezwaar gemaakt.",
])
def test_an_extension_nobody_objected_to_is_not_told_done(read, text):
    # the extension was proposed; that nobody objected does not say it was made
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result).get("verlenging") == "planned"
    assert "bezwaar" not in stage_statuses(result)
    assert result["primary_stage"] != "verlenging"


@pytest.mark.parametrize("text", [
    "Er zijn geen bezwaren ingediend tegen de gunning van de aanbesteding jeugdhulp.",
    "Tegen de gunning van de aanbesteding jeugdhulp zijn geen bezwaren ingediend.",
])
def test_an_award_nobody_objected_to_stands(read, text):
    # stages.md: the objection is made during the standstill the award opens; a standstill passed without one leaves
    # the award standing
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result).get("definitieve_gunning") == "done"
    assert "bezwaar" not in stage_statuses(result)
    assert result["primary_stage"] == "definitieve_gunning"


@pytest.mark.parametrize("text, stage", [
    # guards: the step told done besides, and an objection that was made, read as before
    ("De contracten jeugdhulp zijn verlengd. Er is geen bezwaar gemaakt tegen de verlenging.", "verlenging"),
    ("De aanbieders hebben bezwaar gemaakt tegen de verlenging van de contracten jeugdhulp.", "verlenging"),
])
def test_an_extension_told_done_keeps_its_reading(read, text, stage):
    assert stage_statuses(read(text, published=PUBLISHED)).get(stage) == "done"


@pytest.mark.parametrize("text", [
    "Er is nog geen bezwaar gemaakt tegen de voorlopige gunning van de aanbesteding jeugdhulp.",
    "Er zijn nog geen bezwaren ingediend tegen de voorlopige gunning van de aanbesteding jeugdhulp.",
])
def test_an_objection_not_yet_made_is_to_come(read, text):
    # "nog geen" before the step's noun: not yet taken, however near the step's own participle stands
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result).get("bezwaar") in (None, "planned")
    assert stage_statuses(result).get("voorlopige_gunning") == "done"
    assert result["primary_stage"] == "voorlopige_gunning"


def test_an_objection_made_is_still_the_objection(read):
    # guard: without "nog geen" the objection is made
    result = read("Er is bezwaar gemaakt tegen de voorlopige gunning van de aanbesteding jeugdhulp.", published=PUBLISHED)
    assert stage_statuses(result).get("bezwaar") == "done"
    assert result["primary_stage"] == "bezwaar"
