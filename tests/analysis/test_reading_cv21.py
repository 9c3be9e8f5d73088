"""Specifications of the reading changes of branch cv21 (issue 11), in synthetic sentences written in the style
of the corpus pages; why each change was kept (the dev part held out by site) is in the corpus README's "Round
(branch cv21)".
"""
import datetime as dt

import pytest

from tenderarchive.analysis import analyse
from tests.analysis.reading import stage_statuses as _stages


# --- a bridging contract is the existing contracts going on (stages.md `verlenging`), not a failure ----------

@pytest.mark.parametrize("text", [
    "De tien gemeenten hebben met de jeugdhulpaanbieders een overbruggingscontract jeugdhulp afgesloten.",
    "De regio heeft alle jeugdhulpaanbieders een overbruggingscontract voor 2020 aangeboden. Uitgangspunt van het "
    "overbruggingscontract zijn de contractvoorwaarden van 2018-2019.",
])
def test_a_bridging_contract_is_an_extension_not_a_failed_procedure(text):
    r = analyse("SYNTHETISCHE TEKST. " + text, title="Jeugdhulp in 2020", published=dt.date(2019, 12, 2))
    assert _stages(r).get("verlenging") == "done"
    assert "mislukt" not in _stages(r)
    assert r["primary_stage"] == "verlenging"


# --- a procedure stopped, halted or failed, in the words news uses (stages.md `mislukt`) ----------------------

@pytest.mark.parametrize("text, status", [
    ("Het gevolg van de uitspraak is dat het lopende inkoopproces tijdelijk is onderbroken.", "current"),
    ("De Kamer stelde vragen over de mislukte aanbestedingsprocedure voor jeugdhulp in de regio.", "done"),
    ("De regio is gestopt met de aanbesteding van de jeugdbescherming.", "done"),
    ("De regio heeft een u-bocht gemaakt bij de inkoop van jeugdbescherming.", "done"),
])
def test_a_procedure_halted_or_failed_is_mislukt(text, status):
    r = analyse("SYNTHETISCHE TEKST. " + text, title="Inkoop jeugdhulp", published=dt.date(2018, 10, 2))
    assert _stages(r).get("mislukt") == status
    assert r["primary_stage"] == "mislukt"


@pytest.mark.parametrize("text", [
    "De buurtwerkers vinden het zwaar dat hun werk elke vier jaar onderbroken wordt door een aanbesteding.",
    "De sector wil in de komende jaren stoppen met de gesloten opnames van jongeren.",
    "Het overleg over de aanbesteding jeugdhulp werd kort onderbroken voor een pauze.",
])
def test_other_things_interrupted_or_stopped_are_no_failed_procedure(text):
    r = analyse("SYNTHETISCHE TEKST. " + text, title="Jeugdhulp", published=dt.date(2018, 10, 2))
    assert "mislukt" not in _stages(r)


# --- readings of stages.md's own words are core, not named rules that held-out sites switch off ----------------

@pytest.mark.parametrize("text", [
    "Volgens de huidige inkoopplanning zal de aanbesteding jeugdhulp in mei 2021 worden gepubliceerd op Negometrix.",
    "De gemeenten verwachten de aanbesteding jeugdhulp na de zomer te publiceren.",
])
def test_a_publication_announced_is_the_prior_notice_with_every_named_rule_off(text):
    """stages.md `vooraankondiging`: "publication announced for a date or period"; was the named rule
    ``stage.prior_notice_now`` (fixed two dev sites, broke none; held out, off on exactly those two)."""
    from tenderarchive.analysis import rules

    assert "stage.prior_notice_now" not in rules.RULES
    with rules.disabled(*rules.RULES):
        r = analyse("SYNTHETISCHE TEKST. " + text, title="Inkoop jeugdhulp 2022", published=dt.date(2021, 2, 1))
    assert _stages(r).get("vooraankondiging") == "current"
    assert r["primary_stage"] == "vooraankondiging"


def test_a_hypothetical_failure_below_the_lead_is_no_step_with_every_named_rule_off():
    """Was the named rule ``stage.hypothetical``; the `headline` definition it replaces kept such a side remark from
    outranking the lead's step only while the remark stood below the lead."""
    from tenderarchive.analysis import rules

    assert "stage.hypothetical" not in rules.RULES
    text = ("SYNTHETISCHE TEKST. De gemeenten zijn tot definitieve gunning overgegaan. In totaal hebben 44 aanbieders "
            "een contract getekend voor de jeugdhulp.\n\nMocht de rechter beslissen dat er opnieuw aanbesteed wordt, "
            "dan lopen de huidige contracten door tot er nieuwe zijn.")
    with rules.disabled(*rules.RULES):
        r = analyse(text, title="Aanbestedingen jeugdhulp rond", published=dt.date(2015, 1, 20))
    assert "mislukt" not in _stages(r) and "kort_geding" not in _stages(r)
    assert r["primary_stage"] == "contract_ondertekend"
