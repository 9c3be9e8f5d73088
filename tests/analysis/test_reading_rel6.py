"""Specifications of the relevance readings of branch rel6 (issue 11: relevance on sites never seen, round six) -- in
short synthetic pages (SYNTHETIC: written for these tests in common Dutch news and council wording, not taken from a
page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture): the reading is core.
"""
import pytest

from tenderarchive.analysis.relevance import buyer_purchases
from tests.speed import LINEAR, linear_time


# --- a particular buyer buys youth care: the buyer's place and an aside in brackets are no part of the clause ---

@pytest.mark.parametrize("text", [
    # the members named in brackets between the buyer and its verb
    "De vier gemeenten in West-Brabant (Halderberge, Rucphen, Zundert en Etten-Leur) hebben samen de jeugdhulp "
    "vanaf niveau 3 ingekocht. Meer informatie staat op de website.",
    # the om-te infinitive after the buyer and its place ("de handen ineen geslagen om ... in te kopen")
    "Daarom hebben zes gemeenten in Midden-Limburg (samen 240.000 inwoners) de krachten gebundeld om jeugdhulp en "
    "Wmo-hulp in te kopen bij verschillende zorgaanbieders. Vorige week werd dat gevierd.",
    "De gemeente Oss heeft besloten om de specialistische jeugdhulp zelf in te kopen. De raad stemde in.",
])
def test_a_particular_buyer_that_buys_youth_care_past_its_place_and_an_aside_is_relevant(read, text):
    result = read(text, title="Nieuws uit de regio")
    assert result["relevant"], result["relevance_rule"]


@pytest.mark.parametrize("text", [
    # the municipalities in general, a modal of duty (the aside does not hide it)
    "Sinds 2015 moeten gemeenten (en hun regio's) de jeugdhulp inkopen bij zorgaanbieders.",
    # no buyer: how to buy
    "Het is handiger om samen (als regio) jeugdzorg in te kopen, zegt de onderzoeker.",
    # a buyer that would buy, in a question
    "Hoe kunnen de vier gemeenten in West-Brabant (Halderberge, Rucphen, Zundert en Etten-Leur) jeugdhulp inkopen?",
])
def test_the_general_statement_with_an_aside_is_no_purchase(text):
    assert buyer_purchases(text) == []


def test_the_buyers_own_name_is_still_read_after_the_place():
    # the buyer named by its municipality, its place after it, the verb closing the clause
    assert buyer_purchases("Omdat Amstelveen in Noord-Holland zelfstandig de jeugdzorg wil gaan inkopen, stopt de regio.")


def test_buyer_purchases_stays_linear_with_many_brackets():
    unit = "De vijf gemeenten in Zuid-Drenthe (Emmen, Coevorden ( en jeugdhulp ingekocht "
    assert linear_time(buyer_purchases, unit, 110_000) < LINEAR
