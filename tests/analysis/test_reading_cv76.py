"""Specifications of the readings of branch cv76 (issue 11): the run-in of new contracts and clients moving to another
provider, an undated contract start split around its time, and the existing contracts carried on until the new
procedure is over (whose end, told in that clause of time, is to come), and a step put off -- in short synthetic pages (SYNTHETIC: written for these
tests in plain news Dutch, not taken from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture).
"""
import datetime as dt
import re

import pytest

from tests.analysis.reading import stage_statuses
from tests.speed import LINEAR, linear_time

PUBLISHED = dt.date(2024, 3, 4)


# --- implementatie: the transition after the contract start (stages.md "overgang van cliënten, transitieperiode") ---

@pytest.mark.parametrize("text, status", [
    ("Sommige jongeren gaan per 1 januari 2025 over naar een andere aanbieder.", "planned"),
    ("Cliënten stappen over naar de nieuwe aanbieder.", "current"),
    ("In 2025 is een transitiejaar voor de nieuwe contracten jeugdhulp.", "planned"),
    ("De aanloopfase van de nieuwe contracten jeugdhulp start op 1 januari 2025.", "planned"),
    ("In de overgangsperiode van de nieuwe contracten jeugdhulp blijven cliënten bij hun huidige aanbieder.", "current"),
])
def test_the_run_in_of_new_contracts_and_clients_moving_are_the_transition(read, text, status):
    assert stage_statuses(read(text, published=PUBLISHED)).get("implementatie") == status


@pytest.mark.parametrize("text", [
    "In de transitie van de jeugdzorg in 2015 waren er veel zorgen.",
    "Het transitiejaar 2015 was voor de gemeenten een zwaar jaar.",
    "Jongeren gaan na school over naar het voortgezet onderwijs.",
])
def test_the_decentralisation_or_another_move_is_no_transition_of_contracts(read, text):
    assert "implementatie" not in stage_statuses(read(text, published=PUBLISHED))


# --- contractstart: the separable "ingaan" around an undated time ---

@pytest.mark.parametrize("text", [
    "De nieuwe contracten voor de jeugdhulp gaan volgend jaar in.",
    "De nieuwe overeenkomst voor de jeugdhulp gaat na de zomer in.",
])
def test_an_undated_start_split_around_its_time_is_planned(read, text):
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result).get("contractstart") == "planned"
    assert result["primary_stage"] != "contractstart"


def test_a_contract_going_into_a_subject_is_no_start(read):
    assert "contractstart" not in stage_statuses(read("Het contract gaat in op de vragen van de raad.", published=PUBLISHED))


@pytest.mark.parametrize("text", [
    "Vanaf 2025 moeten nieuwe contracten voor de jeugdhulp worden afgesloten.",
    "De gemeente zoekt een manier om vanaf 2025 nieuwe jeugdhulpaanbieders te selecteren.",
])
def test_contracts_to_be_concluded_or_providers_chosen_from_a_year_are_no_start(read, text):
    assert "contractstart" not in stage_statuses(read(text, published=PUBLISHED))


@pytest.mark.parametrize("text", [
    "Vanaf 2025 gelden nieuwe contracten voor de jeugdhulp.",
    "De regio wil nieuwe contracten af te sluiten die per 1 januari 2025 ingaan.",
])
def test_new_contracts_from_a_year_stay_a_start_ahead(read, text):
    assert stage_statuses(read(text, published=PUBLISHED)).get("contractstart") == "planned"


# --- verlenging: the existing contracts carried on until the new procedure is over; that end is to come ---

@pytest.mark.parametrize("text", [
    "De huidige contracten voor de jeugdhulp worden voortgezet tot de nieuwe aanbesteding is afgerond.",
    "De huidige contracten voor de jeugdhulp lopen door tot de nieuwe aanbesteding is afgerond.",
    "De contracten voor de jeugdhulp worden gecontinueerd tot de nieuwe aanbesteding is afgerond.",
])
def test_contracts_carried_on_until_the_new_procedure_is_over(read, text):
    result = read(text, published=PUBLISHED)
    st = stage_statuses(result)
    assert st.get("verlenging") == "current"
    assert st.get("definitieve_gunning") != "done"
    assert result["primary_stage"] == "verlenging"


def test_contracts_running_to_their_own_end_date_are_no_extension(read):
    st = stage_statuses(read("De huidige contracten voor de jeugdhulp lopen door tot 1 januari 2025.", published=PUBLISHED))
    assert "verlenging" not in st


def test_a_boundary_passed_stays_done(read):
    st = stage_statuses(read("De oude contracten liepen door tot de nieuwe aanbesteding was afgerond.", published=PUBLISHED))
    assert st.get("definitieve_gunning") == "done"


def test_a_procedure_told_finished_in_its_own_sentence_stays_done(read):
    st = stage_statuses(read("De nieuwe aanbesteding voor de jeugdhulp is afgerond. De contracten gaan in op 1 januari "
                             "2025.", published=PUBLISHED))
    assert st.get("definitieve_gunning") == "done"


# --- a step put off is still to come ---

@pytest.mark.parametrize("text, stage", [
    ("Omdat de definitieve gunning wegens de juridische procedure is uitgesteld, gaat het contract later in.",
     "definitieve_gunning"),
    ("De definitieve gunning van de jeugdhulp is uitgesteld.", "definitieve_gunning"),
    ("De ondertekening van de contracten jeugdhulp werd verschoven.", "contract_ondertekend"),
])
def test_a_step_put_off_is_planned(read, text, stage):
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result).get(stage) == "planned"
    assert result["primary_stage"] != stage


def test_a_step_not_put_off_stays_done(read):
    st = stage_statuses(read("De definitieve gunning van de jeugdhulp is niet uitgesteld.", published=PUBLISHED))
    assert st.get("definitieve_gunning") == "done"


def test_new_patterns_read_in_linear_time():
    from tenderarchive.analysis import stages, vocabulary
    rx = [re.compile(p, re.I) for s, p in vocabulary.STAGE_CUES if s in ("implementatie", "contractstart", "verlenging")]
    for unit in ("jongeren gaan ", "transitiejaar voor de ", "contracten gaan volgend ",
                 "huidige contracten lopen ", "huidige contracten worden "):
        assert linear_time(lambda t: [r.search(t) for r in rx], unit) < LINEAR, unit
    for unit in ("gunning is ", "gunning wegens de is "):
        assert linear_time(lambda t: stages._POSTPONED_AFTER.match(t), unit) < LINEAR, unit
    for unit in ("tot de ", "tot de nieuwe is "):
        assert linear_time(lambda t: [stages._UNTIL_AFTER.findall(t), stages._UNTIL_BEFORE.search(t)], unit) < LINEAR, unit
