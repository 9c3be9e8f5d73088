"""Specifications of the readings of branch cv64 (issue 11) -- in short synthetic pages (SYNTHETIC: written for these tests
in common Dutch news wording, not taken from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture).
"""
import datetime as dt

import pytest

from tests.analysis.reading import read_synthetic_core, stage_statuses

PUBLISHED = dt.date(2024, 3, 4)


@pytest.mark.parametrize("text", [
    "De gemeente is op zoek naar een samenwerkingspartner voor de jeugdhulp.",
    "De gemeente is op zoek naar aanbieders voor de specialistische jeugdhulp.",
    "De regio zoekt nieuwe aanbieders voor de jeugdhulp.",
])
def test_a_buyer_looking_for_partners_sounds_out_the_market(read, text):
    # stages.md marktconsultatie (marktverkenning): no procedure is named yet, the market is sounded out
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result) == {"marktconsultatie": "current"}
    assert result["primary_stage"] == "marktconsultatie"


def test_a_search_for_partners_yields_to_the_procedure_step_told(read):
    # guard: the tendering the page tells outranks the search (weak evidence)
    result = read("De gemeente is op zoek naar aanbieders voor de jeugdhulp. Aanbieders kunnen zich tot 1 mei "
                  "inschrijven via TenderNed.", published=PUBLISHED)
    assert result["primary_stage"] not in (None, "voorbereiding", "marktconsultatie")


def test_a_job_vacancy_is_no_search_for_partners(read):
    # guard: a professional looked for is a vacancy, no purchase
    assert stage_statuses(read("Wij zijn op zoek naar een jeugdhulpverlener voor ons team.", published=PUBLISHED)) == {}


@pytest.mark.parametrize("text, status", [
    ("De regio verkent de markt voor de jeugdhulp.", "current"),
    ("De regio heeft in januari de markt voor de jeugdhulp verkend.", "done"),
])
def test_the_market_explored_is_the_market_consultation(read, text, status):
    # stages.md marktconsultatie: "marktverkenning", told with its verb
    assert stage_statuses(read(text, published=PUBLISHED)).get("marktconsultatie") == status


@pytest.mark.parametrize("text", [
    "De marktconsultatie is gesloten en de gemeente publiceert volgend jaar een vooraankondiging voor de jeugdhulp.",
    "De marktconsultatie is achter de rug; de gemeente publiceert volgend jaar een vooraankondiging voor de jeugdhulp.",
    "De marktconsultatie voor de jeugdhulp is inmiddels voorbij en volgend jaar volgt de vooraankondiging.",
])
def test_a_step_said_to_be_over_is_done_whatever_follows(read, text):
    # the step's own predicate ("is gesloten", "is achter de rug") decides; the time ahead is the other clause's
    result = read(text, published=PUBLISHED)
    statuses = stage_statuses(result)
    assert statuses.get("marktconsultatie") == "done"
    assert statuses.get("vooraankondiging") == "planned"
    assert result["primary_stage"] == "marktconsultatie"


@pytest.mark.parametrize("text", [
    "De marktconsultatie voor de jeugdhulp is nog niet afgerond.",
    "De marktconsultatie voor de jeugdhulp is volgend jaar afgerond.",
    "De marktconsultatie voor de jeugdhulp wordt volgend jaar afgerond.",
])
def test_a_step_not_yet_over_is_not_done(read, text):
    # guard: denied, or over only at a time ahead
    assert stage_statuses(read(text, published=PUBLISHED)).get("marktconsultatie") != "done"


@pytest.mark.parametrize("text", [
    "Na de marktconsultatie volgt in mei de aanbesteding voor de jeugdhulp.",
    "Na de marktconsultatie volgt volgend jaar de aanbesteding voor de jeugdhulp.",
    "Na afloop van de marktconsultatie met de aanbieders volgt na de zomer de aanbesteding voor de jeugdhulp.",
])
def test_the_step_after_na_is_done_and_the_step_that_follows_is_to_come(read, text):
    result = read(text, published=PUBLISHED)
    statuses = stage_statuses(result)
    assert statuses.get("marktconsultatie") == "done"
    assert statuses.get("aankondiging") == "planned"
    assert result["primary_stage"] == "marktconsultatie"


def test_following_a_procedure_is_no_step(read):
    # guard: "volgt de aanbesteding kritisch" is to monitor it, no procedure to come
    assert "aankondiging" not in stage_statuses(read("De gemeenteraad volgt de aanbesteding voor de jeugdhulp kritisch.",
                                                     published=PUBLISHED))


@pytest.mark.parametrize("text", [
    "De huidige contracten lopen af op 31 december 2024; per 1 januari 2025 starten de nieuwe contracten voor de jeugdhulp.",
    "De huidige contracten voor de jeugdhulp lopen af op 31 december 2024; per 1 januari 2025 gaan de nieuwe contracten in.",
    "De huidige contracten voor de jeugdhulp lopen op 31 december 2024 af en de nieuwe contracten gaan per 1 januari 2025 in.",
])
def test_a_contract_start_beside_a_contract_end_stays(text):
    # the core reading (cv63's cue-clause check) reads the end in its own clause: the start is kept. The named rule
    # `stage.contract_ends` still reads the whole sentence (its clause-only form cost a held-out half, branch cv64)
    assert stage_statuses(read_synthetic_core(text, published=PUBLISHED)).get("contractstart") == "planned"


def test_contracts_ending_alone_stay_no_start(read):
    # guard: cv63's reading
    assert "contractstart" not in stage_statuses(read("De huidige contracten jeugdhulp lopen per 1 januari 2025 af.",
                                                      published=PUBLISHED))


@pytest.mark.parametrize("text, stage", [
    ("De vooraankondiging voor de jeugdhulp is in voorbereiding.", "vooraankondiging"),
    ("De gemeente bereidt een marktconsultatie voor de jeugdhulp voor.", "marktconsultatie"),
    ("De regio werkt aan de voorbereiding van de marktconsultatie voor de jeugdhulp.", "marktconsultatie"),
])
def test_a_step_being_prepared_is_to_come(read, text, stage):
    result = read(text, published=PUBLISHED)
    statuses = stage_statuses(result)
    assert statuses.get(stage) == "planned"
    assert statuses.get("voorbereiding") == "current"
    assert result["primary_stage"] == "voorbereiding"


@pytest.mark.parametrize("text", [
    "De aanbesteding voor de jeugdhulp is in voorbereiding.",
    "De regio bereidt de aanbesteding voor de jeugdhulp voor.",
])
def test_the_procedure_being_prepared_is_the_preparation(read, text):
    # guard (and cv38's "bereidt ... voor"): the procedure itself prepared is stages.md's voorbereiding, current
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result) == {"voorbereiding": "current"}


@pytest.mark.parametrize("text", [
    "De marktconsultatie voor de jeugdhulp loopt.",
    "De regio houdt momenteel een marktconsultatie voor de jeugdhulp.",
])
def test_a_running_step_stays_current(read, text):
    # guard: no preparation read into a step that runs
    assert stage_statuses(read(text, published=PUBLISHED)).get("marktconsultatie") == "current"


def test_the_new_readings_are_linear():
    import re

    from tenderarchive.analysis import stages
    from tests.speed import LINEAR, linear_time

    cue = re.compile(r"marktconsultatie")
    assert linear_time(lambda t: stages._FINISHED_AFTER.match(t, 0), " de regio is nu ") < LINEAR
    assert linear_time(lambda t: stages._prepared(t, cue.search(t)), "marktconsultatie wordt nu ") < LINEAR
    assert linear_time(lambda t: stages._SEEKING_PARTNERS.search(t), "is op zoek naar een ") < LINEAR
    assert linear_time(lambda t: stages._FOLLOWS_AFTER.match(t, 0), " de regio is nu ") < LINEAR
    assert linear_time(lambda t: stages._cue_clause(t, cue.search(t)), "marktconsultatie lopen af en ") < LINEAR
