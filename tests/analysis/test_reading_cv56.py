"""Specifications of the readings of branch cv56 (issue 11): a court case announced and then held, a failure told in the
perfect, a contract told in force, and a step denied by "geen"/"nooit" before its noun -- in short synthetic pages
(SYNTHETIC: written for these tests in common Dutch news wording, not taken from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture).
"""
import datetime as dt

import pytest

from tests.analysis.reading import stage_statuses
from tests.speed import LINEAR, linear_time

PUBLISHED = dt.date(2024, 3, 4)


@pytest.mark.parametrize("text", [
    "Het aangekondigde kort geding tegen de aanbesteding jeugdhulp diende op 3 maart.",
    "Het eerder aangekondigde kort geding tegen de aanbesteding jeugdhulp is op 3 maart behandeld.",
    "De aanbieders kondigden een kort geding aan. Dat kort geding tegen de aanbesteding jeugdhulp diende op 3 maart.",
])
def test_an_announced_court_case_held_since_is_done(read, text):
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result).get("kort_geding") == "done"
    assert result["primary_stage"] == "kort_geding"


def test_a_court_case_announced_for_a_day_ahead_stays_to_come(read):
    # guard: no past tense, the day is the next 3 maart
    result = read("Aanbieders kondigen een kort geding aan tegen de aanbesteding jeugdhulp.", published=PUBLISHED)
    assert stage_statuses(result).get("kort_geding") == "planned"


@pytest.mark.parametrize("text, day", [
    ("Het kort geding tegen de aanbesteding jeugdhulp diende op 3 maart.", "2024-03-03"),
    ("De contracten voor de jeugdhulp zijn op 12 februari getekend.", "2024-02-12"),
    ("Het kort geding tegen de aanbesteding jeugdhulp is op 3 maart aangespannen.", "2024-03-03"),
    ("De zitting over de aanbesteding jeugdhulp is op 12 maart.", "2024-03-12"),
    ("De contracten voor de jeugdhulp worden op 12 februari getekend.", "2025-02-12"),
])
def test_a_day_without_a_year_told_in_the_past_is_the_last_one(read, text, day):
    assert day in [e["date"] for e in read(text, published=PUBLISHED)["events"]]


@pytest.mark.parametrize("text", [
    "De aanbesteding jeugdhulp werd in 2022 gestart. Daarna is de aanbesteding mislukt.",
    "De aanbesteding jeugdhulp is mislukt.",
    "Er kwamen geen inschrijvingen binnen op de aanbesteding jeugdhulp.",
])
def test_a_failure_told_in_the_past_is_done(read, text):
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result).get("mislukt") == "done"
    assert result["primary_stage"] == "mislukt"


def test_a_failure_in_the_present_stays_current(read):
    # guard: no auxiliary, no past tense
    assert stage_statuses(read("De aanbesteding jeugdhulp mislukt.", published=PUBLISHED)).get("mislukt") == "current"


@pytest.mark.parametrize("text", [
    "Het nieuwe contract voor de jeugdhulp is op 1 januari ingegaan.",
    "De contracten voor de jeugdhulp zijn per 1 januari ingegaan.",
    "Het nieuwe contract jeugdhulp is ingegaan.",
    "Op 1 januari 2024 is het nieuwe contract voor de jeugdhulp ingegaan.",
    "De nieuwe jeugdhulpcontracten zijn per 1 januari ingegaan.",
    "De overeenkomst voor de jeugdhulp is op 1 januari ingegaan.",
    "Het nieuwe contract voor de jeugdhulp is op 1 januari in werking getreden.",
])
def test_a_contract_told_in_force_is_the_contract_start(read, text):
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result).get("contractstart") == "done"
    assert result["primary_stage"] == "contractstart"


@pytest.mark.parametrize("text, status", [
    ("In het contract is uitgebreid ingegaan op de vragen over de jeugdhulp.", None),
    ("Het nieuwe contract voor de jeugdhulp gaat op 1 januari 2025 in.", "planned"),
])
def test_a_contract_addressing_a_subject_or_starting_ahead_is_no_start_made(read, text, status):
    assert stage_statuses(read(text, published=PUBLISHED)).get("contractstart") == status


@pytest.mark.parametrize("text, stage", [
    ("Er is geen kort geding aangespannen tegen de aanbesteding jeugdhulp.", "kort_geding"),
    ("Er is nooit een kort geding gevoerd over de aanbesteding jeugdhulp.", "kort_geding"),
    ("Er is geen sprake van een kort geding over de aanbesteding jeugdhulp.", "kort_geding"),
    ("Er zijn geen bezwaren ingediend tegen de voorlopige gunning van de jeugdhulp.", "bezwaar"),
    ("Er is geen enkel bezwaar ingediend tegen de voorlopige gunning van de jeugdhulp.", "bezwaar"),
    ("Er zijn geen nieuwe contracten voor de jeugdhulp gesloten.", "contract_ondertekend"),
    ("Het kwam niet tot een kort geding over de aanbesteding jeugdhulp.", "kort_geding"),
    ("Het is niet tot een kort geding gekomen over de aanbesteding jeugdhulp.", "kort_geding"),
    ("De aanbieders zien af van een kort geding tegen de aanbesteding jeugdhulp.", "kort_geding"),
    ("Niemand heeft bezwaar gemaakt tegen de voorlopige gunning van de jeugdhulp.", "bezwaar"),
    ("Geen van de aanbieders heeft bezwaar gemaakt tegen de voorlopige gunning van de jeugdhulp.", "bezwaar"),
])
def test_a_step_denied_before_its_noun_did_not_happen(read, text, stage):
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result).get(stage) not in ("done", "current")
    assert result["primary_stage"] != stage


@pytest.mark.parametrize("text, stage", [
    ("Er is nog geen kort geding aangespannen tegen de aanbesteding jeugdhulp.", "kort_geding"),
    ("De opdracht jeugdhulp is nog niet gegund.", "definitieve_gunning"),
])
def test_a_step_not_yet_taken_is_to_come(read, text, stage):
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result).get(stage) in (None, "planned")
    assert result["primary_stage"] != stage


@pytest.mark.parametrize("text, stage", [
    ("De aanbieders hebben een kort geding aangespannen tegen de aanbesteding jeugdhulp.", "kort_geding"),
    ("Er zijn twee bezwaren ingediend tegen de voorlopige gunning van de jeugdhulp.", "bezwaar"),
    ("De rechter heeft het kort geding tegen de aanbesteding jeugdhulp niet toegewezen.", "kort_geding"),
    ("Twee aanbieders hebben bezwaar gemaakt tegen de voorlopige gunning jeugdhulp, maar geen van hen stapte naar de "
     "rechter.", "bezwaar"),
    ("Niemand verwachtte het, maar twee aanbieders hebben bezwaar gemaakt tegen de voorlopige gunning jeugdhulp.", "bezwaar"),
])
def test_a_step_taken_beside_these_words_still_counts(read, text, stage):
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result).get(stage) in ("done", "current")
    assert result["primary_stage"] == stage


def test_the_new_scans_stay_fast_on_a_long_text():
    from tenderarchive.analysis import dates, stages, vocabulary
    cues = dict(vocabulary.STAGE_CUES)
    start_cue = __import__("re").compile(cues["contractstart"], __import__("re").I)
    def scan(text):
        dates.PAST_RE.search(text)
        stages._DENIED_NOUN.search(text)
        stages._NOBODY_BEFORE.search(text)
        start_cue.search(text)
        stages._participles(text)
    for unit in ("is op de a ", "zijn a b c ", "contract a b ", "is het contract a ", "geen een ", "nog geen a ",
                 "niemand a ", "zien a b ", "heeft a b "):
        assert linear_time(scan, unit) < LINEAR, unit


def test_an_enrolment_period_over_with_nobody_enrolled_is_still_the_enrolment_done(read):
    # guard: "geen van de aanbieders" denies an objection or a court case, not the tendering step that ran out
    result = read("De termijn om in te schrijven op de aanbesteding jeugdhulp verliep maandag en toen bleek dat geen van "
                  "de aanbieders zich had ingeschreven.", published=PUBLISHED)
    assert stage_statuses(result).get("inschrijving") == "done"


def test_a_failure_on_condition_that_nobody_enrols_is_planned(read):
    result = read("De aanbesteding jeugdhulp mislukt als niemand inschrijft.", published=PUBLISHED)
    assert stage_statuses(result).get("mislukt") == "planned"
    assert result["primary_stage"] != "mislukt"
    # guard: a failure told with its cause is one that happened
    assert read("De aanbesteding jeugdhulp is mislukt omdat niemand inschreef.", published=PUBLISHED)["primary_stage"] == "mislukt"
