"""Specifications of the readings of branch cv41 (issue 11): the status of each stage a page tells, on pages of sites
never seen, in short synthetic pages (SYNTHETIC: written for these tests around the wording of dev pages, not taken
from a page); the dev figures before and after are in the corpus README's "Round (branch cv41)" and the CHANGELOG.

Each reading here is read with every named rule switched off as well: a held-out site is read with only the rules that
help two other sites and break none, and a deadline still ahead or an interim judgment is grammar and dates, not a
rule a held-out site may lose.
"""
import datetime as dt

import pytest

from tests.analysis.reading import stage_statuses


# --- a step that lasts, whose sentence sets a deadline still ahead of the page's date, is open ---

@pytest.mark.parametrize("text", [
    # the deadline moved: the verb that moved it is a participle, the step is still open
    "De uiterste datum waarop aanbieders zich kunnen inschrijven voor een overeenkomst voor jeugdhulp is verlengd "
    "tot maandag 20 mei 2024, 09.30 uur.",
    # a past modal, the deadline moved later ("uiterlijk")
    "Aanbieders konden zich inschrijven voor de aanbesteding jeugdhulp; die termijn is verschoven naar uiterlijk 15 april 2024.",
])
def test_a_lasting_step_with_a_deadline_ahead_of_the_page_is_open(read, text):
    statuses = stage_statuses(read(text, published=dt.date(2024, 3, 4)))
    # (branch cv67: the enrolment open presupposes the notice published, aankondiging done)
    assert statuses.pop("aankondiging", "done") == "done"
    assert set(statuses.values()) == {"current"}


def test_a_lasting_step_whose_deadline_has_passed_keeps_its_reading(read):
    # guard: the same sentence in a page written after the deadline tells a step that closed
    result = read("De uiterste datum waarop aanbieders zich kunnen inschrijven voor een overeenkomst voor jeugdhulp is "
                  "verlengd tot maandag 20 november 2023, 09.30 uur.", published=dt.date(2024, 3, 4))
    assert stage_statuses(result)["inschrijving"] == "done"


def test_a_deadline_ahead_does_not_open_a_step_that_does_not_last(read):
    # guard: a signing is no period; the contract running until a date ahead keeps the signing done
    result = read("Het contract voor de jeugdhulp is op 1 maart getekend en loopt tot 1 januari 2026.",
                  published=dt.date(2024, 3, 4))
    assert stage_statuses(result)["contract_ondertekend"] == "done"


# --- an interim judgment: the court case goes on ---

@pytest.mark.parametrize("text", [
    "Op 26 februari 2024 vond in de rechtbank van Haarlem een kort geding plaats van een aantal jeugdhulpaanbieders "
    "tegen de regio. De rechter heeft op 1 maart een tussenvonnis uitgesproken.",
    "Donderdag vond in de rechtbank een kort geding plaats van jeugdhulpaanbieders tegen de regio over de aanbesteding. "
    "De rechter heeft besloten de inschrijftermijn te verlengen, omdat hij meer tijd nodig heeft om de zaak te bestuderen.",
])
def test_a_court_step_with_only_an_interim_judgment_runs(read, text):
    result = read(text)
    assert stage_statuses(result)["kort_geding"] == "current"
    assert result["primary_stage"] == "kort_geding"


@pytest.mark.parametrize("text", [
    # guard: the ruling itself, no interim word
    "Op 26 februari 2024 vond een kort geding plaats over de aanbesteding jeugdhulp. De rechter heeft de vorderingen "
    "van de aanbieders afgewezen.",
    # guard: the final judgment reported after an interim one
    "Na een tussenvonnis in februari heeft de voorzieningenrechter in het kort geding over de aanbesteding jeugdhulp "
    "nu een eindvonnis gewezen.",
    # guard: a published judgment citing its interim ruling as history
    "ECLI:NL:GHDHA:2024:12. Tussenuitspraak: ECLI:NL:GHDHA:2023:99. Het hof heeft in het kort geding over de "
    "aanbesteding jeugdhulp uitspraak gedaan.",
])
def test_a_final_ruling_keeps_the_court_step_done(read, text):
    assert stage_statuses(read(text))["kort_geding"] == "done"


# --- the award's participle before its noun names the providers it went to: done ---

@pytest.mark.parametrize("text", [
    "Het overgrote deel van de gecontracteerde jeugdhulpaanbieders heeft momenteel ook al een contract met de regio.",
    "De regio heeft straks nog één gecontracteerde jeugdhulpaanbieder voor de specialistische jeugdhulp.",
])
def test_the_contracted_providers_tell_an_award_made(read, text):
    assert stage_statuses(read(text))["definitieve_gunning"] == "done"


def test_an_award_to_come_stays_planned(read):
    # guard: the award told in the future, its providers named to come
    result = read("De regio zal de opdracht voor de jeugdhulp in juni definitief gunnen; de gegunde partijen krijgen dan bericht.")
    assert stage_statuses(result)["definitieve_gunning"] == "planned"
