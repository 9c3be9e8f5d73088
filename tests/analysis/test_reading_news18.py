"""Specifications of the reading changes of branch news18 (issue 11), in synthetic sentences written in the
style of the corpus pages; why each change was kept (the dev part held out by site, ``--cv``) is in CHANGELOG.md's
entry "News reading, round news18".
"""
import datetime as dt

import pytest

from tenderarchive.analysis import analyse
from tests.analysis.reading import stage_statuses as _stages


# --- a definition of a step is no reported step ----------------------------------------------------------

@pytest.mark.parametrize("definition", [
    "Een aanbesteding is de procedure waarbij een opdrachtgever bekendmaakt dat hij een opdracht wil laten "
    "uitvoeren en organisaties vraagt om een offerte in te dienen.",
    "Een openbare procedure is een procedure waarbij alle aanbieders zich kunnen inschrijven.",
])
def test_a_definition_of_a_step_is_no_step_and_does_not_outrank_the_reported_one(definition):
    r = analyse(f"SYNTHETISCHE TEKST. {definition}\nDe zorgaanbieder spande een rechtszaak aan tegen de gemeenten over "
                "de aanbesteding van de gesloten jeugdzorg.",
                title="Jongeren geen partij bij aanbestedingen jeugdzorg")
    assert "inschrijving" not in _stages(r)
    assert r["primary_stage"] == "kort_geding"


def test_a_report_that_opens_with_an_indefinite_subject_is_still_a_step():
    r = analyse("SYNTHETISCHE TEKST. Een nieuwe aanbesteding voor jeugdhulp is gestart; aanbieders kunnen zich "
                "inschrijven tot 1 maart 2021.", title="Aanbesteding jeugdhulp", published=dt.date(2021, 1, 10))
    assert "inschrijving" in _stages(r)


# --- re-procurement: ordered is a failure, held is a new round ------------------------------------------------

ORDERED = ["De rechter oordeelde dat de opdracht voor jeugdhulp disproportioneel is, zodat opnieuw moet worden aanbesteed.",
           "De gemeente is veroordeeld tot intrekking van de aanbestedingsprocedure en moet deze opnieuw aanbesteden."]


def test_a_re_procurement_held_is_no_failed_procedure_one_ordered_is():
    held = analyse("SYNTHETISCHE TEKST. In Noord-Holland is de gesloten jeugdzorg in 2018 opnieuw aanbesteed. "
                   "Na de aanbesteding is besloten dat Horizon de taken overneemt.",
                   title="Gesloten jeugdzorg", published=dt.date(2018, 11, 5))
    assert "mislukt" not in _stages(held)
    for text in ORDERED:
        assert "mislukt" in _stages(analyse("SYNTHETISCHE TEKST. " + text, title="Aanbesteding jeugdhulp",
                                            published=dt.date(2021, 9, 1))), text


# --- "een contract sluiten" in the present; "akkoord gaan" is no future ---------------------------------------

def test_closing_a_contract_in_the_present_is_the_contract_step_and_agreeing_is_no_future():
    r = analyse("SYNTHETISCHE TEKST. De Serviceorganisatie sluit een contract met alle jeugdhulpaanbieders die "
                "akkoord gaan met de voorwaarden.", title="Over het inkooptraject jeugdhulp")
    assert _stages(r).get("contract_ondertekend") in ("done", "current")  # "gaan" of "akkoord gaan" made it planned
    # not the separable "aansluiten", not a contract closed with nobody
    for text in ("Zo sluiten de contracten straks ook goed aan bij de nieuwe uitgangspunten voor de jeugdhulp.",
                 "De regio sluit geen contracten voor 2017 met nieuwe aanbieders van jeugdhulp."):
        other = analyse("SYNTHETISCHE TEKST. " + text, title="Inkoop jeugdhulp", published=dt.date(2016, 9, 1))
        assert "contract_ondertekend" not in _stages(other), text


@pytest.mark.parametrize("text", [
    "De regio sluit nog geen contracten met nieuwe aanbieders van jeugdhulp.",
    "De gemeente sluit dit jaar geen nieuwe contracten met aanbieders van jeugdhulp.",
    "De regio sluit niet langer contracten met nieuwe aanbieders van jeugdhulp.",
])
def test_a_contract_not_closed_with_the_negation_between_verb_and_contract_is_no_contract_step(text):
    """"sluit nog geen contracten", "sluit dit jaar geen nieuwe contracten", "sluit niet langer contracten": the
    negation stands inside the cue, where the negation check before a cue does not look (rfix6b); it read as
    contracts signed."""
    r = analyse("SYNTHETISCHE TEKST. " + text, title="Inkoop jeugdhulp", published=dt.date(2021, 1, 10))
    assert "contract_ondertekend" not in _stages(r)


@pytest.mark.parametrize(("text", "stage"), [
    ("Een zorgaanbieder is het niet eens met de voorlopige gunning en spant een kort geding aan.", "kort_geding"),
    ("Een meerderheid is het eens met de voorlopige gunning aan de combinatie.", "voorlopige_gunning"),
    ("Een rechter is het met de gemeente eens: de gunning aan de combinatie blijft staan.", "definitieve_gunning"),
])
def test_an_indefinite_subject_that_agrees_or_disagrees_is_a_report_not_a_definition(text, stage):
    """"Een X is het (niet) eens met ..." (to agree) opens as news18's definitions do ("Een X is het/de ..."): the
    sentence's steps were all skipped (rfix6b)."""
    r = analyse("SYNTHETISCHE TEKST. " + text, title="Inkoop jeugdhulp", published=dt.date(2021, 1, 10))
    assert stage in _stages(r)


@pytest.mark.parametrize("text", [
    "De rechter heeft bepaald dat de jeugdhulp opnieuw aanbesteed wordt.",
    "De voorzieningenrechter oordeelde dat de opdracht opnieuw aanbesteed wordt.",
    "De opdracht voor de gesloten jeugdzorg wordt opnieuw aanbesteed.",
])
def test_a_re_procurement_decided_in_the_present_passive_is_a_failed_procedure(text):
    """news18 kept "opnieuw aanbesteed" only under an order word (moet, verplicht …), for the plain past of a round
    held; "bepaald dat ... opnieuw aanbesteed wordt" and "wordt opnieuw aanbesteed" are no past: re-procurement
    decided (stages.md `mislukt`: "re-procurement ordered", rfix6b)."""
    r = analyse("SYNTHETISCHE TEKST. " + text, title="Aanbesteding jeugdhulp", published=dt.date(2021, 9, 1))
    assert "mislukt" in _stages(r)


@pytest.mark.parametrize(("text", "stage"), [
    ("Een zorgaanbieder is een kort geding begonnen tegen de gemeenten over de aanbesteding van de jeugdhulp.",
     "kort_geding"),
    ("Een jeugdhulpaanbieder is een rechtszaak gestart tegen de voorlopige gunning.", "kort_geding"),
    ("Een aanbieder is een van de winnaars van de aanbesteding jeugdhulp; de gunning is definitief.",
     "definitieve_gunning"),
])
def test_a_perfect_tense_or_one_of_after_an_indefinite_subject_is_a_report_not_a_definition(text, stage):
    """"Een X is een kort geding begonnen" (the perfect with "zijn") and "Een X is een van de winnaars" open as
    news18's definitions do ("Een X is een ..."): every step in them was skipped (rfix6b)."""
    r = analyse("SYNTHETISCHE TEKST. " + text, title="Inkoop jeugdhulp", published=dt.date(2021, 1, 10))
    assert stage in _stages(r)
