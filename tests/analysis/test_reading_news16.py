"""Reading changes of branch news16 (issue 11: news reading that generalises), one specification each.

Each change was judged on the dev part of the news corpus held out by site (``bench/news_fidelity.py --cv``);
the figures are in the corpus README's "Round (branch news16)". Texts are synthetic sentences in the style of
the corpus pages.
"""
import datetime as dt

import pytest

from tenderarchive.analysis import analyse


def _stages(r: dict) -> dict:
    return {s["stage"]: s["status"] for s in r["stages"]}


# --- verlenging is an extension of contracts, not of a term, a date, the procedure or a measure ---------

@pytest.mark.parametrize("text", [
    "De uiterste datum waarop aanbieders zich kunnen inschrijven voor een overeenkomst voor jeugdhulp is verlengd "
    "tot 20 november 2017.",
    "De inschrijftermijn van de inkoop jeugdhulp 2018 is verlengd.",
    "Om de aanbesteding zorgvuldig af te ronden is het inkooptraject met een half jaar verlengd.",
    "Uit onderzoek blijkt dat een wisseling van voogd de maatregel met vijf maanden verlengt.",
])
def test_a_term_date_procedure_or_measure_extended_is_no_verlenging(text):
    r = analyse("SYNTHETISCHE TEKST. " + text, title="Jeugdhulp", published=dt.date(2017, 11, 10))
    assert "verlenging" not in _stages(r)


@pytest.mark.parametrize("text", [
    "Het college heeft het lopende contract met de aanbieder met een jaar verlengd.",
    "De gemeenten hebben de contracten voor jeugdhulp verlengd tot 2025.",
    "De verlenging van het contract met de jeugdzorgaanbieder is rond.",
    "We gaan opnieuw aanbesteden en hebben het huidige contract zolang met een jaar verlengd.",
])
def test_contracts_extended_stay_verlenging(text):
    r = analyse("SYNTHETISCHE TEKST. " + text, title="Jeugdhulp", published=dt.date(2017, 11, 10))
    assert _stages(r).get("verlenging") in ("done", "current")


def test_an_enrolment_term_extended_by_the_court_leaves_the_kort_geding_primary():
    """As the two regio Alkmaar pages of the dev part: the court's interim ruling is the news, the enrolment
    term it extended is no contract extension outranking it."""
    text = ("SYNTHETISCHE TEKST. De voorzieningenrechter heeft in het kort geding van drie aanbieders tegen de regio "
            "een tussenvonnis uitgesproken. De inschrijftermijn voor de inkoop jeugdhulp 2018 is daarom verlengd.")
    r = analyse(text, title="Rechter spreekt tussenvonnis uit over inkoop jeugdhulp", published=dt.date(2017, 11, 10))
    assert r["primary_stage"] == "kort_geding"
