"""Specifications of the relevance readings of branch rel12 (issue 11: relevance on sites never seen, round twelve) -- in
short synthetic pages (SYNTHETIC: written for these tests in common Dutch news wording, not taken from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture): the reading is core.
"""
import pytest

from tenderarchive.analysis.relevance import buyer_purchases, referred_rounds
from tests.speed import LINEAR, linear_time


# --- a purchasing round referred back to with a demonstrative ("Met deze inkoop ...") is one particular round ---

@pytest.mark.parametrize("text", [
    # the lead tells who delivers the youth care from a date; the next paragraph refers back to the purchase
    "Vanaf 1 januari 2025 is Jeugdnet Oosterdam verantwoordelijk voor de specialistische jeugdhulp in de regio. Ook in "
    "onze gemeente.\nMet deze inkoop willen de gemeenten ervoor zorgen dat passende hulp ook later betaalbaar blijft.",
    # the demonstrative in the sentence that names youth care itself
    "De gemeenten hebben afspraken gemaakt met drie partijen. Met deze contractering van de jeugdhulp is de zorg voor "
    "gezinnen in de regio voor zes jaar geregeld.",
])
def test_a_round_referred_back_to_is_relevant(read, text):
    result = read(text, title="Hulp in de regio vanaf 2025")
    assert result["relevant"], result["relevance_rule"]


@pytest.mark.parametrize("text", [
    # a modal statement about the kind of purchase, not one round
    "De jeugdhulp in de regio staat onder druk. Bij deze inkoop moeten gemeenten letten op de wachtlijsten.",
    # the round referred back to is another service's (Wmo), youth care named before
    "De jeugdhulp blijft ongewijzigd.\nMet deze inkoop van huishoudelijke hulp in de Wmo willen de gemeenten kosten besparen.",
    # "die" is a relative pronoun as often as a demonstrative: no round referred back to
    "Er zijn veel aanbieders van jeugdhulp die inkoop als last zien. Zij vragen om minder administratie.",
    # the round is referred back to but nothing before names youth care
    "Vanaf 1 januari 2025 haalt Afval Oosterdam het huisvuil op.\nMet deze inkoop bespaart de gemeente geld.",
])
def test_no_round_referred_back_or_not_youth_care_is_not_relevant(read, text):
    result = read(text, title="Nieuws uit de regio")
    assert not result["relevant"], result["relevance_rule"]


def test_referred_rounds_reads_the_line_before():
    assert referred_rounds("De jeugdhulp wordt vernieuwd.\nMet deze inkoop kiezen wij voor rust.") == ["deze inkoop"]
    assert referred_rounds("De jeugdhulp wordt vernieuwd.\nHet weer is mooi.\nMet deze inkoop kiezen wij voor rust.") == []


@pytest.mark.parametrize("unit", [
    "De jeugdhulp en deze inkoop en ",  # one long sentence without a full stop
    "Jeugdhulp.\nMet deze inkoop. ",
])
def test_referred_rounds_stays_linear(unit):
    assert linear_time(referred_rounds, unit, 110_000) < LINEAR


# --- a particular buyer's purchase still to be made, told attributively ("de door de gemeente in te kopen jeugdhulp") ---

@pytest.mark.parametrize("text", [
    # the buyer the agent after "door", set off by commas, the youth care the noun the infinitive qualifies
    "Dit document is een eerste aanzet voor het kader van de, door de zes gemeenten in de regio Oosterdam, in te kopen "
    "vormen van specialistische jeugdhulp.",
    # a municipality by name
    "De raad bespreekt de door de gemeente Oosterdam aan te besteden jeugdhulp voor gezinnen.",
])
def test_a_buyers_purchase_to_be_made_told_attributively_is_relevant(read, text):
    result = read(text, title="Kader voor de regio")
    assert result["relevant"], result["relevance_rule"]


@pytest.mark.parametrize("text", [
    # a bare plural agent: municipalities in general
    "Het rapport gaat over de door gemeenten in te kopen jeugdhulp en de kosten daarvan.",
    # the participle: who holds a contract now, a directory
    "Hier vindt u de door de gemeente Oosterdam gecontracteerde aanbieders van jeugdhulp.",
])
def test_no_particular_buyer_or_no_purchase_to_be_made_is_not_relevant(read, text):
    result = read(text, title="Kader voor de regio")
    assert not result["relevant"], result["relevance_rule"]


def test_buyer_purchases_reads_the_attributive_infinitive_linear():
    assert buyer_purchases("de door de gemeente Oosterdam in te kopen jeugdhulp") == [
        "de gemeente oosterdam in te kopen jeugdhulp"]
    # one long sentence (no full stop) with the agent and youth care over and over, no infinitive after the agent
    assert linear_time(buyer_purchases, "door de gemeente Oosterdam Noord, van jeugdhulp en ", 110_000) < LINEAR
