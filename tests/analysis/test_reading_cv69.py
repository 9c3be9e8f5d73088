"""Specifications of the readings of branch cv69 (issue 11) -- in short synthetic pages (SYNTHETIC: written for these tests
in common Dutch news wording, not taken from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture).
"""
import pytest

from tests.analysis.reading import stage_statuses


@pytest.mark.parametrize("text", [
    "De inkoop is rond. Vanaf 1 januari 2023 bieden 188 zorgaanbieders jeugdhulp in de regio.",
    "De inkoop is rond. Sommige jongeren gaan per 1 januari 2023 over naar een andere aanbieder.",
    "De regio bereidt de nieuwe inkoop m.i.v. 2027 voor.",
])
def test_an_undated_page_names_the_start_to_come_by_its_tense(read, text):
    # no date of the page's own to compare the start's date with: a present or future tense names it to come
    assert stage_statuses(read(text, published=None)).get("contractstart") == "planned"


@pytest.mark.parametrize("text", [
    # guards: a start told in the past, and a date that is no start (an end)
    "De inkoop is rond. Per 1 januari 2019 waren 40 zorgaanbieders gecontracteerd voor de jeugdhulp.",
    "De gemeente koopt de jeugdhulp in. De huidige contracten lopen per 1 januari 2023 af.",
])
def test_an_undated_page_reads_no_start_to_come_in_a_past_or_an_end(read, text):
    assert stage_statuses(read(text, published=None)).get("contractstart") != "planned"
