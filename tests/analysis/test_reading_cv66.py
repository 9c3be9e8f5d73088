"""Specifications of the readings of branch cv66 (issue 11) -- in short synthetic pages (SYNTHETIC: written for these tests
in common Dutch news wording, not taken from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture).
"""
import datetime as dt

import pytest

from tests.analysis.reading import stage_statuses

PUBLISHED = dt.date(2024, 3, 4)


@pytest.mark.parametrize("text, status", [
    ("Inschrijven kan tot 1 mei via TenderNed.", "current"),
    ("Inschrijven is mogelijk tot 1 mei.", "current"),
    ("Aanbieders kunnen zich tot 1 mei inschrijven.", "current"),
    ("Inschrijven kon tot 1 februari 2024.", "done"),
])
def test_the_enrolment_possible_until_a_deadline(read, text, status):
    # the enrolment told with its deadline: open while the deadline is ahead of the page's date, closed after it
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result).get("inschrijving") == status
    assert result["primary_stage"] == "inschrijving"


@pytest.mark.parametrize("text", [
    "Begin juni start de inschrijving voor de jeugdhulp.",
    "De inschrijving voor de jeugdhulp start begin juni.",
    "In mei begint de inschrijving voor de jeugdhulp.",
])
def test_the_enrolment_starting_in_a_month_ahead_is_to_come(read, text):
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result).get("inschrijving") == "planned"
    assert result["primary_stage"] != "inschrijving"


@pytest.mark.parametrize("text, status", [
    ("De gemeente start in mei een openbare aanbesteding voor de jeugdhulp.", "planned"),
    ("De gemeente startte in januari een openbare aanbesteding voor de jeugdhulp.", "done"),
    ("De gemeente start een openbare aanbesteding voor de jeugdhulp.", "current"),
])
def test_the_tender_started_with_its_time_between(read, text, status):
    # "start <time> een openbare aanbesteding": the time dates the start (the last: guard, no time, started now)
    assert stage_statuses(read(text, published=PUBLISHED)).get("aankondiging") == status


@pytest.mark.parametrize("text", [
    "Inschrijven kan niet meer.",
    "De gemeente start in mei met een onderzoek naar de jeugdhulp.",
])
def test_no_enrolment_or_tender_without_one(read, text):
    # guard: the enrolment denied, a start of something other than a tender
    statuses = stage_statuses(read(text, published=PUBLISHED))
    assert "inschrijving" not in statuses and "aankondiging" not in statuses


@pytest.mark.parametrize("text, signed", [
    ("De regio ondertekende de overeenkomsten voor de jeugdhulp die in juli ingaan.", "contract_ondertekend"),
    ("De gemeenten ondertekenden de nieuwe contracten jeugdhulp, die vanaf juli starten.", "contract_ondertekend"),
    ("Op 1 februari 2024 gunde de regio de opdracht die in april ingaat.", "definitieve_gunning"),
])
def test_a_start_in_a_relative_clause_a_word_or_two_after_the_contract(read, text, signed):
    result = read(text, published=PUBLISHED)
    statuses = stage_statuses(result)
    assert statuses.get(signed) == "done"
    assert statuses.get("contractstart") == "planned"
    assert result["primary_stage"] == signed


@pytest.mark.parametrize("text", [
    "De regio ondertekende het contract met de gemeente die in juli start.",
    "De gemeente die in juli start met de jeugdhulp ondertekende het contract.",
])
def test_a_relative_clause_on_another_noun_is_no_contract_start(read, text):
    # guard: the relative clause tells of the municipality, not of the contract
    assert "contractstart" not in stage_statuses(read(text, published=PUBLISHED))


def test_a_month_without_a_year_is_read_beside_the_dated_mention_in_its_sentence(read):
    # February after December 2024 is February 2025: ahead of a page of March 2024 (its month alone is behind March)
    result = read("In december 2024 volgt de gunning; in februari houdt de regio een informatiebijeenkomst voor "
                  "aanbieders.", published=PUBLISHED)
    assert stage_statuses(result).get("marktconsultatie") == "planned"
    assert result["primary_stage"] not in ("marktconsultatie", "definitieve_gunning")


@pytest.mark.parametrize("text, status", [
    ("De gemeente houdt in februari een informatiebijeenkomst voor aanbieders.", "current"),
    ("De gemeente houdt in april een informatiebijeenkomst voor aanbieders.", "planned"),
    ("In december 2023 is de gunning voorbereid; in april houdt de regio een informatiebijeenkomst voor aanbieders.",
     "planned"),
])
def test_a_month_without_an_other_date_keeps_the_page_month(read, text, status):
    # guard: no dated mention (or one of the page's own year span) -- compared with the page's month as before
    assert stage_statuses(read(text, published=PUBLISHED)).get("marktconsultatie") == status


def test_a_month_on_a_page_without_a_date_is_never_ahead():
    from tenderarchive.analysis import stages
    assert not stages._month_ahead("in februari", None, "In december 2024 ... in februari", 20)
    assert stages._month_ahead("in februari", dt.date(2024, 3, 4), "In december 2024 ... in februari", 20)
    assert not stages._month_ahead("in februari", dt.date(2024, 3, 4), "In december 2022 ... in februari", 20)


@pytest.mark.parametrize("text, published", [
    ("Daarna is een aanbestedingstraject gestart met als doel om per 4 februari 2023 een nieuw contract in te laten gaan.",
     None),
    ("Omdat de gunning is uitgesteld, is besloten om het contract met de aanbieder vanaf februari 2019 in te laten gaan.",
     None),
    ("Het college besloot om de nieuwe overeenkomsten per 1 januari 2025 in te laten gaan.", PUBLISHED),
])
def test_a_contract_start_aimed_at_is_to_come(read, text, published):
    # the start as the aim of an infinitive ("om ... het contract in te laten gaan"): to come, never primary
    result = read(text, published=published)
    assert stage_statuses(result).get("contractstart") == "planned"
    assert result["primary_stage"] != "contractstart"


@pytest.mark.parametrize("text, status", [
    ("Het college besloot in 2022 om de nieuwe overeenkomsten per 1 januari 2023 in te laten gaan.", "done"),
    ("De gemeente is bereid om op het contract in te gaan.", None),
    ("Het college wil op de vragen over het contract in te gaan op de raadsvergadering.", None),
])
def test_an_aimed_start_behind_the_page_or_no_start(read, text, status):
    # guard: the aimed date behind the page's own is a start made; "in te gaan op" (to address) is no start
    assert stage_statuses(read(text, published=PUBLISHED)).get("contractstart") == status


def test_the_new_readings_are_linear():
    import re

    from tenderarchive.analysis import stages
    from tenderarchive.analysis.vocabulary import STAGE_CUES
    from tests.speed import LINEAR, linear_time

    cue = re.compile(r"marktconsultatie")
    enrol = dict(STAGE_CUES)["inschrijving"]
    tender = dict(STAGE_CUES)["aankondiging"]
    start = dict(STAGE_CUES)["contractstart"]
    ref = dt.date(2024, 3, 4)
    assert linear_time(lambda t: stages._month_ahead(t, ref, t), "in december 2024 in februari ") < LINEAR
    assert linear_time(lambda t: stages._month_ahead_told(t, cue.search(t), ref),
                       "marktconsultatie houdt in april 2023 de ") < LINEAR
    assert linear_time(lambda t: re.findall(enrol, t, re.I), "inschrijving start inschrijven kan de ") < LINEAR
    assert linear_time(lambda t: re.findall(tender, t, re.I), "start in mei een de openbare ") < LINEAR
    assert linear_time(lambda t: re.findall(start, t, re.I), "contract die in juli opdracht dat ") < LINEAR
    assert linear_time(lambda t: stages._hits(t), "de overeenkomsten voor de jeugdhulp die in juli ingaan ") < LINEAR
    assert linear_time(lambda t: re.findall(start, t, re.I), "contract met de aanbieder in te laten ") < LINEAR
