"""Reading changes of branch news16 (issue 11: news reading that generalises), one specification each.

Each change was judged on the dev part of the news corpus held out by site (``bench/news_fidelity.py --cv``);
the figures are in the corpus README's "Round (branch news16)". Texts are synthetic sentences in the style of
the corpus pages.
"""
import datetime as dt

import pytest

from tenderarchive.analysis import analyse
from tests.analysis.reading import stage_statuses as _stages
from tenderarchive.analysis.relevance import _paragraphs


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


# --- rel.step_beside_youth: a paragraph of a text without blank lines is a line with its neighbours -----------

def _read_corpus_page(page_id: str) -> dict:
    """A dev page of the news corpus as `tenderarchive extract` reads it, by the rules alone (no learned layer)."""
    from tenderarchive.analysis import learned, train
    from tenderarchive.analysis.corpus import load_pages, render_html
    from tenderarchive.extract_page import _summary, extract_html
    page = next(p for p in load_pages() if p.id == page_id)
    x = extract_html(render_html(page), page.url, fetched_at=train.FETCHED)
    with learned.capturing(model={}):
        return _summary(dict(x), page.url)


def test_paragraphs_of_a_text_without_blank_lines_are_lines_with_their_neighbours():
    assert _paragraphs("a\n\nb\nc") == ["a", "b\nc"]
    assert _paragraphs("a\nb\nc\nd") == ["a\nb", "a\nb\nc", "b\nc\nd", "c\nd"]


def test_a_youth_term_paragraphs_away_from_the_step_does_not_make_a_wmo_tender_relevant():
    """The Heerlen subsidy tender (dev, wmo_only): the extraction gives one line per paragraph, no blank lines;
    "basishulp Jeugd" stands four paragraphs from the enrolment term, so they are not one paragraph."""
    r = _read_corpus_page("bewonersraadhc-nl__2023-06")
    assert r["relevant"] is False


@pytest.mark.parametrize("page_id", [
    "witteweekbladalphenaandenrijn-nl__bijstelling-jeugdbudget-mogelijk-strijdig-met-regels-eu-497807",
    "beverwijk-nieuws-nl__gemeenten-en-aanbieders-slaan-handen-ineen-voor-zorg",
])
def test_a_step_in_or_beside_a_youth_care_paragraph_counts_as_together(page_id):
    """The Alphen page: the lead line names the youth care, the next line the contract gesloten."""
    r = _read_corpus_page(page_id)
    assert r["relevant"] is True and r["primary_stage"] == "contract_ondertekend"
