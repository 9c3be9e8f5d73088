"""Specifications of the relevance readings of branch rel11 (issue 11: relevance on sites never seen, round eleven) -- in
short synthetic pages (SYNTHETIC: written for these tests in common Dutch news wording, not taken from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture): the reading is core.
"""
import pytest

from tenderarchive.analysis.relevance import partner_calls
from tests.speed import LINEAR, linear_time


# --- a youth-care body's call for a partner or provider that closes on a date is its approach to the market ---

@pytest.mark.parametrize("text", [
    # the call, then the date by which to respond in a sentence of its own after a question
    "Voor de nieuwe woonvoorziening is Jeugdzorg Oosterdam op zoek naar een ervaren samenwerkingspartner die de "
    "begeleiding van jongeren verder helpt te professionaliseren. Heeft uw organisatie interesse? Neem dan vóór "
    "1 september 2025 contact op met de beleidsmedewerker.",
    # the buyer seeks providers; respond by a day
    "De gemeente Oosterdam zoekt aanbieders van jeugdhulp voor de nieuwe gezinshuizen. Aanbieders kunnen tot "
    "15 maart reageren via het aanmeldformulier.",
])
def test_a_call_for_a_youth_care_partner_with_a_closing_date_is_relevant(read, text):
    result = read(text, title="Woonvoorziening zoekt samenwerkingspartner")
    assert result["relevant"], result["relevance_rule"]


@pytest.mark.parametrize("text", [
    # no date to respond by: a wish, no call
    "Jeugdzorg Oosterdam is op zoek naar een ervaren samenwerkingspartner voor de begeleiding van jongeren.",
    # the party sought is a person or a family, not an organisation
    "Jeugdzorg Oosterdam is op zoek naar pleegouders voor jongeren. Meld u vóór 1 september aan voor de informatieavond.",
    # the call is another service's (Wmo), youth care named elsewhere
    "De gemeente zoekt een aanbieder van huishoudelijke hulp. Reageren kan tot 1 mei. De jeugdhulp blijft ongewijzigd.",
    # a general statement, no call
    "Een jeugdzorginstelling die een partner zoekt, moet vaak lang wachten. Reageren kan tot 1 mei op dit artikel.",
])
def test_no_call_no_date_or_another_party_is_not_relevant(read, text):
    result = read(text, title="Nieuws uit de regio")
    assert not result["relevant"], result["relevance_rule"]


def test_partner_calls_needs_the_closing_date_and_youth_care_in_the_call():
    call = "Jeugdzorg Oosterdam zoekt een samenwerkingspartner."
    assert partner_calls(call, call + " Reageer vóór 1 mei.") == ["zoekt een samenwerkingspartner"]
    assert partner_calls(call, call) == []
    assert partner_calls("De school zoekt een partner.", "Reageer vóór 1 mei.") == []


@pytest.mark.parametrize("unit", [
    "Jeugdzorg X zoekt een samenwerkingspartner en ",  # one long sentence without a full stop
    "Reageer vóór 1 mei en zoek een partner. ",
])
def test_partner_calls_stays_linear(unit):
    assert linear_time(lambda t: partner_calls(t, t), unit, 110_000) < LINEAR
