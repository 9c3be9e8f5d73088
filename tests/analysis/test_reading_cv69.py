"""Specifications of the readings of branch cv69 (issue 11) -- in short synthetic pages (SYNTHETIC: written for these tests
in common Dutch news wording, not taken from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture).
"""
import datetime as dt

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


PUBLISHED = dt.date(2022, 9, 1)


def test_an_extension_beside_a_published_tender_leaves_the_preparation_behind(read):
    # the old contracts extended while the new tender, prepared since, was published: the preparation is done (an
    # extension, unlike a failure or court step, starts no new round to prepare)
    text = ("De gemeenten verlengen de huidige overeenkomsten met een half jaar. Sinds november 2021 zijn de gemeenten "
            "bezig met de voorbereiding van de aanbesteding. Op 9 juni 2022 is de aanbesteding via TenderNed van start "
            "gegaan.")
    st = stage_statuses(read(text, published=PUBLISHED))
    assert st.get("aankondiging") == "done"
    assert st.get("voorbereiding") == "done"


def test_an_undated_page_names_its_start_date_to_come_with_the_named_rule():
    # the named rule stage.undated_start_planned (all rules on): "De ingangsdatum ... is 1 januari 2022" in a text with
    # no date of its own names the start to come, as "vanaf 1 januari 2022" does
    from tests.analysis.reading import read_synthetic
    text = ("De gemeente heeft de gesloten jeugdzorg aanbesteed. De ingangsdatum van de overeenkomst is 1 januari 2022 "
            "of mogelijk eerder.")
    assert stage_statuses(read_synthetic(text, published=None)).get("contractstart") == "planned"
