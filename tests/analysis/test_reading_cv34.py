"""Specifications of the readings of branch cv34 (issue 11): kinds of Dutch that misled the primary stage and the stage
statuses on pages the reading had not seen, in short synthetic pages (SYNTHETIC: written for these tests, not taken
from a page); the dev part's figures before and after are in the CHANGELOG entry of branch cv34.
"""
import datetime as dt

import pytest

from tenderarchive.analysis import analyse, rules

from tests.analysis.reading import stage_statuses


def _read(text: str, title: str = "Nieuws over de jeugdhulp") -> dict:
    return analyse("SYNTHETISCHE TEKST. " + text, title=title, published=dt.date(2024, 5, 6))


# --- a procedure told finished ends with the award; finished "met" a party is the agreement with it --------------------

@pytest.mark.parametrize("sentence", [
    "Het college heeft op 6 april 2024 het inkooptraject jeugdhulp afgerond door kennis te nemen van de gunning aan "
    "Stichting Voorbeeld.",
    "De aanbesteding van de specialistische jeugdhulp is inmiddels afgerond.",
])
def test_a_procedure_told_finished_is_the_award_made(sentence):
    result = _read(sentence)
    assert result["primary_stage"] == "definitieve_gunning"
    assert "contract_ondertekend" not in stage_statuses(result)


def test_a_procedure_finished_with_a_party_is_the_agreement_with_it():
    result = _read("De regio's hebben gisteren een gezamenlijk inkooptraject jeugdhulp afgerond met Stichting Voorbeeld "
                   "en vier andere instellingen.")
    assert result["primary_stage"] == "contract_ondertekend"


def test_a_procedure_that_must_be_finished_by_a_date_is_no_award():
    st = stage_statuses(_read("De aanbesteding van de jeugdhulp moet voor 1 december afgerond zijn."))
    assert st.get("definitieve_gunning") in (None, "planned")


# --- a ruling awaited is no ruling made; the ruling an appeal is against is not the appeal's ------------------------

def test_a_suit_whose_ruling_is_awaited_runs():
    result = _read("Eén partij heeft een kort geding aangespannen tegen de voorlopige gunning van de aanbesteding "
                   "jeugdhulp. Pas na de uitspraak in het kort geding wordt duidelijk of de gemeenten definitief gunnen. "
                   "Zodra de uitspraak in het kort geding bekend is, krijgen de inwoners een brief.")
    assert stage_statuses(result)["kort_geding"] == "current"
    assert result["primary_stage"] == "kort_geding"


def test_the_ruling_an_appeal_is_brought_against_is_not_a_ruling_in_the_appeal():
    st = stage_statuses(_read("De rechter gaf de aanbieders in het kort geding over de aanbesteding jeugdhulp gelijk. "
                              "De gemeenten hebben hoger beroep ingesteld tegen het vonnis."))
    assert st["kort_geding"] == "done"
    assert st["hoger_beroep"] == "current"


def test_a_ruling_given_in_the_appeal_stays_done():
    st = stage_statuses(_read("Het gerechtshof heeft in hoger beroep het vonnis over de aanbesteding jeugdhulp "
                              "bekrachtigd."))
    assert st["hoger_beroep"] == "done"


def test_a_ruling_reported_after_the_suit_stays_done():
    st = stage_statuses(_read("Eén aanbieder heeft een kort geding aangespannen tegen de aanbesteding jeugdhulp. Na de "
                              "uitspraak van de rechter op 2 april 2024 gaan de gemeenten door met de gunning."))
    assert st["kort_geding"] == "done"


# --- the simple past of "zijn" tells a step that was -------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "De predialoogfase was onderdeel van een marktconsultatie voor de inkoop van jeugdhulp.",
    "De marktconsultatie voor de inkoop van jeugdhulp was in het voorjaar.",
])
def test_a_step_told_in_the_simple_past_of_zijn_is_done(sentence):
    assert stage_statuses(_read(sentence))["marktconsultatie"] == "done"


def test_a_step_that_was_not_yet_there_is_not_done():
    assert stage_statuses(_read("De gunning van de aanbesteding jeugdhulp was nog niet bekend.")).get(
        "definitieve_gunning") in (None, "planned")


# --- a re-procurement is a failure only where something failed or was ruled on; an infinitive judged is no step -----

def test_a_re_procurement_because_the_contract_ends_is_the_next_round_being_prepared():
    result = _read("Het contract voor de gesloten jeugdzorg loopt straks af. Verlengen is in strijd met de Europese "
                   "regels, dus we moeten opnieuw aanbesteden.")
    st = stage_statuses(result)
    assert "mislukt" not in st and "verlenging" not in st
    assert result["primary_stage"] == "voorbereiding"


@pytest.mark.parametrize("text", [
    "De rechter oordeelde dat de voorwaarden van de aanbesteding jeugdhulp disproportioneel zijn, zodat de gemeente "
    "opnieuw moet aanbesteden.",
    "Geen enkele aanbieder heeft zich ingeschreven. De regio moet de jeugdhulp opnieuw aanbesteden.",
])
def test_a_re_procurement_after_a_failure_or_a_ruling_stays_a_failed_procedure(text):
    assert _read(text)["primary_stage"] == "mislukt"


def test_a_step_named_by_its_noun_before_a_copula_is_still_read():
    st = stage_statuses(_read("Streven is om in juli 2024 de aanbesteding jeugdhulp op TenderNed te publiceren."))
    assert "vooraankondiging" in st


def test_an_extension_reported_in_a_sentence_of_its_own_is_still_an_extension():
    assert _read("Verlengd is het contract voor de jeugdhulp met Stichting Voorbeeld.")["primary_stage"] == "verlenging"


# --- "sinds" with a date: a step at a point in time took place then; a step that lasts runs ------------------------

def test_a_start_since_a_date_is_done():
    st = stage_statuses(_read("Sinds 1 januari 2024 verzorgt Stichting Voorbeeld bijna alle jeugdhulp in de regio."))
    assert st["contractstart"] == "done"


def test_an_award_since_a_date_is_done():
    st = stage_statuses(_read("Sinds 1 maart 2024 is de opdracht voor de jeugdhulp gegund aan Stichting Voorbeeld, "
                              "die nu de overdracht voorbereidt."))
    assert st["definitieve_gunning"] == "done"


def test_a_step_that_lasts_since_a_date_runs():
    st = stage_statuses(_read("Sinds november 2023 zijn de gemeenten bezig met de voorbereiding van de aanbesteding "
                              "jeugdhulp."))
    assert st["voorbereiding"] == "current"


def test_a_plan_to_procure_again_is_preparation_under_way():
    result = _read("De huidige contracten voor de jeugdhulp lopen eind 2025 af. De regio gaat de jeugdhulp opnieuw "
                   "aanbesteden.")
    assert stage_statuses(result).get("voorbereiding") == "current"
    assert result["primary_stage"] == "voorbereiding"


def test_a_step_told_with_the_simple_past_of_kunnen_is_done():
    st = stage_statuses(_read("Na een periode waarin men vragen kon stellen over de aanbesteding jeugdhulp, is de "
                              "procedure gesloten."))
    assert st["inlichtingen"] == "done"
