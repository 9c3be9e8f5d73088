"""Specifications of the readings of branch cv67 (issue 11) -- in short synthetic pages (SYNTHETIC: written for these tests
in common Dutch news wording, not taken from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture).
"""
import datetime as dt

import pytest

from tests.analysis.reading import stage_statuses

PUBLISHED = dt.date(2024, 3, 4)


@pytest.mark.parametrize("text, date", [
    ("De gemeenten gunden de jeugdhulp en ondertekenden de nieuwe contracten, die per 1 juli ingaan.", "2024-07-01"),
    ("De regio ondertekende de contracten die op 1 juli ingaan.", "2024-07-01"),
    ("De gemeente meldde dat de nieuwe contracten op 1 juli ingaan.", "2024-07-01"),
    # guards: the relative clause's own past, and a past main clause with no clause of its own around the day
    ("De regio ondertekende de contracten die op 1 februari zijn ingegaan.", "2024-02-01"),
    ("De regio ondertekende de contracten die op 1 februari ingingen.", "2024-02-01"),
    ("De regio ondertekende op 1 februari de contracten.", "2024-02-01"),
])
def test_a_day_in_a_relative_clause_takes_that_clause_s_tense(read, text, date):
    # a day without a year is placed by the tense of its own clause, not the past of the main clause around it
    events = read(text, published=PUBLISHED)["events"]
    assert [e["date"] for e in events if e["text"].startswith("1 ")] == [date]


def test_a_start_in_a_relative_clause_under_a_past_main_clause_is_to_come(read):
    result = read("De gemeenten hebben de jeugdhulp gegund en ondertekenden de nieuwe contracten, die per 1 juli ingaan.",
                  published=PUBLISHED)
    statuses = stage_statuses(result)
    assert statuses.get("contractstart") == "planned"
    assert statuses.get("contract_ondertekend") == "done"
    assert result["primary_stage"] == "contract_ondertekend"


@pytest.mark.parametrize("text, status", [
    # January beside the paragraph's October 2024 is January 2025: ahead of a page of March 2024
    ("In oktober 2024 volgt de gunning van de jeugdhulp. De gemeente houdt in januari een marktconsultatie.", "planned"),
    # guards: beside November 2023 it is January 2024, behind; a paragraph without a dated mention reads the page's month
    ("In november 2023 was de gunning van de jeugdhulp. De gemeente houdt in januari een marktconsultatie.", "current"),
    ("De gunning van de jeugdhulp volgt later. De gemeente houdt in januari een marktconsultatie.", "current"),
])
def test_a_month_without_a_year_is_read_beside_its_paragraph_s_dated_mention(read, text, status):
    assert stage_statuses(read(text, published=PUBLISHED)).get("marktconsultatie") == status


def test_another_paragraph_s_dated_mention_does_not_place_the_month(read):
    text = "In oktober 2024 volgt de gunning van de jeugdhulp.\n\nDe gemeente houdt in januari een marktconsultatie."
    assert stage_statuses(read(text, published=PUBLISHED)).get("marktconsultatie") == "current"


@pytest.mark.parametrize("text, status", [
    ("Aanbieders kunnen zich tot 1 mei inschrijven via TenderNed.", "current"),
    ("Zorgaanbieders kunnen zich nog tot 1 mei inschrijven via TenderNed.", "current"),
    ("Aanbieders kunnen zich tot 1 februari 2024 inschrijven via TenderNed.", "done"),
])
def test_enrolment_possible_via_tenderned_is_the_enrolment(read, text, status):
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result).get("inschrijving") == status
    if status == "current":
        assert result["primary_stage"] == "inschrijving"


def test_enrolling_via_tenderned_without_a_modal_stays_the_notice(read):
    # guard: "Inschrijven via TenderNed" as a heading-like line tells the notice published, no enrolment told open
    assert stage_statuses(read("Inschrijven via TenderNed is vanaf nu mogelijk.", published=PUBLISHED)).get(
        "aankondiging") == "current"


def test_the_paragraph_anchors_are_read_in_linear_time():
    # one paragraph of many dated sentences: each sentence's nearest dated mention, not every pair of them
    from tenderarchive.analysis.stages import _paragraph_anchors
    from tenderarchive.analysis.text import sentences
    from tests.speed import LINEAR, linear_time
    unit = "In oktober 2024 volgt de gunning. De gemeente houdt in januari een marktconsultatie. "
    assert linear_time(lambda text: _paragraph_anchors(sentences(text)), unit, 100_000) < LINEAR


@pytest.mark.parametrize("text, status", [
    # a start "vanaf/per" a day without a year: the dates reader's year (the "dat" clause's present: the next 1 January)
    ("Om ervoor te zorgen dat de ondersteuning vanaf 1 januari beschikbaar blijft, hebben de gemeenten afspraken gemaakt "
     "met 40 zorgaanbieders.", "planned"),
    ("Vanaf 1 juli leveren de nieuwe aanbieders de jeugdhulp.", "planned"),
])
def test_a_start_from_a_day_without_a_year(read, text, status):
    assert stage_statuses(read(text, published=PUBLISHED)).get("contractstart") == status


def test_a_day_without_a_year_and_no_purchase_is_no_start(read):
    # guard: no contract, provider or care delivered around the day
    assert "contractstart" not in stage_statuses(read("Vanaf 1 juli is het gemeentehuis gesloten.", published=PUBLISHED))


@pytest.mark.parametrize("text", [
    "Bestuurders van de gegunde organisaties ondertekenden symbolisch de overeenkomst.",
    "De wethouders ondertekenden de contracten met de gegunde jeugdzorgaanbieders.",
])
def test_the_awarded_organisations_tell_the_award_made(read, text):
    # stages.md definitieve_gunning "gegunde partijen": the award's participle before any party noun
    statuses = stage_statuses(read(text, published=PUBLISHED))
    assert statuses.get("definitieve_gunning") == "done" and statuses.get("contract_ondertekend") == "done"



@pytest.mark.parametrize("text", [
    "Inschrijven is mogelijk via aanbestedingsplatform TenderNed.",
    "Aanbieders kunnen zich tot 1 mei inschrijven.",
])
def test_the_enrolment_open_presupposes_the_notice_published(read, text):
    result = read(text, published=PUBLISHED)
    statuses = stage_statuses(result)
    assert statuses.get("inschrijving") == "current" and statuses.get("aankondiging") == "done"
    assert result["primary_stage"] == "inschrijving"


@pytest.mark.parametrize("text, notice", [
    # guards: the enrolment closed or to come presupposes nothing now; a notice the page tells keeps its own status
    ("Inschrijven kon tot 1 februari 2024.", None),
    ("Begin juni start de inschrijving voor de jeugdhulp.", None),
    ("De aanbesteding wordt in april gepubliceerd. Aanbieders kunnen zich tot 1 mei inschrijven.", "planned"),
])
def test_no_notice_presupposed_without_an_enrolment_open(read, text, notice):
    assert stage_statuses(read(text, published=PUBLISHED)).get("aankondiging") == notice


@pytest.mark.parametrize("text", [
    "De regio heeft raamovereenkomsten gesloten over de pleegzorg en de crisishulp.",
    "De gemeenten hebben de overeenkomsten voor de jeugdhulp gesloten.",
])
def test_agreements_concluded_in_the_perfect_are_signed(read, text):
    # the plural noun before "gesloten", and its perfect with the auxiliary before the noun: the contracts signed, done
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result).get("contract_ondertekend") == "done"
    assert result["primary_stage"] == "contract_ondertekend"


def test_agreements_to_be_concluded_are_to_come(read):
    # guard: the future keeps the signing planned
    assert stage_statuses(read("De gemeenten zullen de overeenkomsten voor de jeugdhulp in mei sluiten.",
                               published=PUBLISHED)).get("contract_ondertekend") in (None, "planned")


def test_agreements_concluded_are_the_backstory_of_a_court_step(read):
    # weak evidence: the court step the page reports stays its news
    result = read("De regio heeft raamovereenkomsten gesloten over de pleegzorg. Een aanbieder heeft een kort geding "
                  "aangespannen; de voorzieningenrechter heeft de vordering afgewezen.", published=PUBLISHED)
    assert stage_statuses(result).get("contract_ondertekend") == "done"
    assert result["primary_stage"] == "kort_geding"
