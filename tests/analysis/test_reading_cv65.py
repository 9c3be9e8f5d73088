"""Specifications of the readings of branch cv65 (issue 11) -- in short synthetic pages (SYNTHETIC: written for these tests
in common Dutch news wording, not taken from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture).
"""
import datetime as dt

import pytest

from tests.analysis.reading import read_synthetic_core, stage_statuses

PUBLISHED = dt.date(2024, 3, 4)


@pytest.mark.parametrize("text, stage", [
    ("De gemeente houdt in april een marktconsultatie voor de jeugdhulp.", "marktconsultatie"),
    ("In april houdt de regio een informatiebijeenkomst voor aanbieders over de aanbesteding jeugdhulp.", "marktconsultatie"),
    ("De regio organiseert begin juni een marktconsultatie voor de jeugdhulp.", "marktconsultatie"),
])
def test_a_step_in_a_month_ahead_of_the_page_is_to_come(read, text, stage):
    # a month without a year after the page's own (March), told in the present with no other marker: planned, never primary
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result).get(stage) == "planned"
    assert result["primary_stage"] != stage


@pytest.mark.parametrize("text, status", [
    ("De gemeente houdt in februari een marktconsultatie voor de jeugdhulp.", "current"),
    ("De gemeente hield in april een marktconsultatie voor de jeugdhulp.", "done"),
    ("De marktconsultatie voor de jeugdhulp loopt nog tot eind april.", "current"),
])
def test_a_month_behind_a_past_tense_or_a_deadline_keeps_its_reading(read, text, status):
    # guard: a month already reached, the simple past of houden, a deadline still ahead (the step open now)
    assert stage_statuses(read(text, published=PUBLISHED)).get("marktconsultatie") == status


def test_the_enrolment_closing_in_a_month_ahead_is_open(read):
    # guard: "sluit eind april" is a deadline, the enrolment open now
    assert stage_statuses(read("De inschrijving voor de jeugdhulp sluit eind april.", published=PUBLISHED)).get(
        "inschrijving") == "current"


@pytest.mark.parametrize("tender", [
    "De aanbesteding voor de jeugdhulp loopt.",
    "De aanbesteding staat open tot 1 mei.",
    "De gemeente heeft de aanbesteding gepubliceerd op TenderNed.",
    "De sluitingsdatum is 1 mei.",
])
def test_a_search_for_partners_gives_way_to_the_tender_told(read, tender):
    # the search is the tender's: no market consultation beside the procedure put out
    result = read("De gemeente is op zoek naar een samenwerkingspartner voor de jeugdhulp. " + tender, published=PUBLISHED)
    assert "marktconsultatie" not in stage_statuses(result)
    assert result["primary_stage"] in ("aankondiging", "inschrijving")


@pytest.mark.parametrize("text", [
    "De gemeente is met een aanbesteding op zoek naar een samenwerkingspartner voor de jeugdhulp.",
    "Via een openbare aanbesteding zoekt de gemeente een samenwerkingspartner voor de jeugdhulp.",
    "De regio zoekt via een aanbesteding nieuwe aanbieders voor de jeugdhulp.",
])
def test_a_search_by_means_of_a_tender_is_the_tender(read, text):
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result) == {"aankondiging": "current"}
    assert result["primary_stage"] == "aankondiging"


@pytest.mark.parametrize("text, statuses", [
    ("De gemeente is op zoek naar een samenwerkingspartner voor de jeugdhulp.", {"marktconsultatie": "current"}),
    ("De regio zoekt nieuwe aanbieders voor de jeugdhulp.", {"marktconsultatie": "current"}),
    ("De gemeente is op zoek naar een samenwerkingspartner voor de jeugdhulp. De aanbesteding start volgend jaar.",
     {"marktconsultatie": "current", "aankondiging": "planned"}),
])
def test_a_search_for_partners_alone_stays_the_market_sounded_out(read, text, statuses):
    # guard (cv64): no tender told, or one still to come: the search sounds out the market
    assert stage_statuses(read(text, published=PUBLISHED)) == statuses


def test_the_search_does_not_reach_a_joint_search_for_solutions(read):
    # guard: "zoekt samen met aanbieders naar oplossingen" is no search for providers
    assert stage_statuses(read("De gemeente zoekt samen met aanbieders naar oplossingen voor de wachtlijsten in de "
                               "jeugdhulp.", published=PUBLISHED)) == {}


@pytest.mark.parametrize("text", [
    "De marktconsultatie is afgerond en de gemeente publiceert volgend jaar de aanbesteding voor de jeugdhulp.",
    "De marktconsultatie is afgerond en de gemeente publiceert na de zomer de aanbesteding voor de jeugdhulp.",
    "De marktconsultatie is afgerond en de gemeente publiceert in het najaar de aanbesteding voor de jeugdhulp.",
    "De marktconsultatie is afgerond en de aanbesteding voor de jeugdhulp wordt na de zomer gepubliceerd.",
])
def test_the_publication_in_a_clause_of_its_own_after_a_step_done_is_to_come(read, text):
    # the second clause's step is the next one to come, whichever time ahead it names: no prior notice made now
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result) == {"marktconsultatie": "done", "aankondiging": "planned"}
    assert result["primary_stage"] == "marktconsultatie"


@pytest.mark.parametrize("text", [
    "De gemeente publiceert na de zomer de aanbesteding voor de jeugdhulp.",
    "De aanbesteding voor de jeugdhulp wordt naar verwachting in mei gepubliceerd.",
])
def test_a_publication_announced_on_its_own_is_the_prior_notice(read, text):
    # guard (round four): a sentence announcing the publication for a period is the prior information, made now
    statuses = stage_statuses(read(text, published=PUBLISHED))
    assert statuses.get("vooraankondiging") == "current"
    assert statuses.get("aankondiging", "planned") == "planned"


def test_a_publication_done_in_the_second_clause_stays_done(read):
    # guard: a past in the clause of its own is no step to come
    statuses = stage_statuses(read("De marktconsultatie is afgerond en de aanbesteding voor de jeugdhulp is in februari "
                                   "gepubliceerd.", published=PUBLISHED))
    assert statuses.get("aankondiging") == "done"


@pytest.mark.parametrize("text, published", [
    ("Op 1 februari 2024 ondertekenden de gemeenten het contract dat per 1 januari 2025 ingaat.", PUBLISHED),
    ("Maandag 13 maart 2023 ondertekenden ze het contract dat vanaf juli ingaat.", None),
    ("De regio ondertekende gisteren de contracten, die in juli ingaan.", PUBLISHED),
])
def test_a_start_in_a_relative_clause_on_the_signed_contract_is_to_come(read, text, published):
    # the relative clause's own time and present tense date the start; the main clause's past dates the signing
    result = read(text, published=published)
    statuses = stage_statuses(result)
    assert statuses.get("contract_ondertekend") == "done"
    assert statuses.get("contractstart") == "planned"
    assert result["primary_stage"] == "contract_ondertekend"


@pytest.mark.parametrize("text", [
    "De gemeente ondertekende het contract dat de zorg voor de jeugdhulp regelt.",
    "Het contract dat de gemeente in juli sloot, bevat afspraken over de tarieven.",
])
def test_a_relative_clause_without_a_start_is_none(read, text):
    # guard: a relative clause on the contract that tells no start
    assert "contractstart" not in stage_statuses(read(text, published=PUBLISHED))


def test_the_new_readings_are_linear():
    import re

    from tenderarchive.analysis import stages
    from tenderarchive.analysis.vocabulary import STAGE_CUES
    from tests.speed import LINEAR, linear_time

    cue = re.compile(r"marktconsultatie")
    start = dict(STAGE_CUES)["contractstart"]
    ref = dt.date(2024, 3, 4)
    assert linear_time(lambda t: stages._month_ahead_told(t, cue.search(t), ref), "marktconsultatie houdt in april de ") < LINEAR
    assert linear_time(lambda t: stages._SEEKING_PARTNERS.search(t), "zoekt de gemeente via een ") < LINEAR
    assert linear_time(lambda t: stages._TENDER_MEANS.search(t), "met een openbare ") < LINEAR
    assert linear_time(lambda t: re.search(start, t, re.I), "het contract dat per juli ") < LINEAR
