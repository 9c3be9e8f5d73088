"""Specifications of the relevance readings of branch rel14 (issue 11: relevance on sites never seen, round fourteen) --
in short synthetic pages (SYNTHETIC: written for these tests in common Dutch news and council wording, not taken from
a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture): the reading is core.
"""
import pytest

from tenderarchive.analysis.relevance import consulted_markets, reorganised_contracting
from tests.speed import LINEAR, linear_time


# --- the market consulted with its verbs: a buyer asks the youth-care providers what should change ---

@pytest.mark.parametrize("text", [
    # an official quoted, the auxiliary before the buyer ("hebben we ... gevraagd wat")
    "\u201cTwee jaar geleden hebben we alle jeugdhulpaanbieders gevraagd wat ze zouden willen veranderen in de "
    "jeugdhulp\u201d, zegt de projectleider. Daar kwam veel uit.",
    "De regio heeft de zorgaanbieders geraadpleegd over hun wensen voor de specialistische jeugdhulp. Het verslag volgt.",
    "Vorig jaar vroeg de gemeente alle jeugdhulpaanbieders mee te denken over de toekomst van de jeugdzorg.",
])
def test_a_buyer_consulting_the_youth_care_providers_is_relevant(read, text):
    result = read(text, title="Nieuws uit de regio")
    assert result["relevant"], result["relevance_rule"]


@pytest.mark.parametrize("text", [
    # a trade body's survey of experiences, no buyer
    "Jeugdzorg Nederland heeft de jeugdzorgaanbieders gevraagd naar hun ervaringen met de jeugdhulp.",
    # a request to report, no consultation
    "De gemeente heeft de jeugdhulpaanbieders gevraagd hun wachtlijsten door te geven.",
    # a duty in general, a condition, a question
    "Gemeenten moeten aanbieders vragen wat ze willen veranderen in de jeugdhulp.",
    "Als de gemeente de jeugdhulpaanbieders heeft gevraagd wat ze willen, volgt een plan.",
    "Heeft de regio de jeugdhulpaanbieders gevraagd wat ze willen veranderen?",
])
def test_a_survey_a_request_or_a_general_statement_is_no_consultation(read, text):
    assert consulted_markets(text) == []
    assert not read(text, title="Nieuws uit de regio")["relevant"]


# --- youth care reorganised beside the contracts it runs on ---

@pytest.mark.parametrize("text", [
    "De organisatie van de jeugdzorg in Groningen gaat drastisch op de schop. Wethouder Jansen wil de jeugdzorg "
    "opnieuw inrichten.\n\nHet systeem is nu zo dat iedere hulpverlener die aan de voorwaarden voldoet een contract "
    "krijgt met de gemeente.",
    "De vijf gemeenten gaan de jeugdhulp vanaf 2026 anders inkopen. De huidige contracten met de jeugdhulpaanbieders "
    "lopen eind 2025 af.",
])
def test_youth_care_reorganised_beside_its_contracts_is_relevant(read, text):
    result = read(text, title="Nieuws uit de regio")
    assert result["relevant"], result["relevance_rule"]


@pytest.mark.parametrize("text", [
    # a reorganisation told alone: the council agrees to work with its neighbours
    "De gemeenteraad stemde in met het voorstel om samen met de buurgemeenten de jeugdhulp anders te organiseren. "
    "Vanaf 2022 wordt samengewerkt met scholen en huisartsen.",
    # a provider's own reorganisation: the contracts are its staff's
    "De jeugdzorginstelling gaat haar jeugdhulp opnieuw inrichten. Medewerkers met een tijdelijk contract moeten "
    "vertrekken.",
    # a general statement, a question
    "Gemeenten moeten de jeugdzorg anders organiseren, vindt de Kinderombudsman. Contracten met aanbieders zijn te kort.",
    "Moet de jeugdzorg op de schop? De contracten met de aanbieders lopen nog tot 2027.",
])
def test_a_reorganisation_alone_of_staff_or_in_general_is_no_purchase(read, text):
    assert reorganised_contracting(text) == []
    assert not read(text, title="Nieuws uit de regio")["relevant"]


def test_the_contracts_must_stand_beside_the_reorganisation():
    far = ("De gemeente wil de jeugdzorg opnieuw inrichten.\n\nEen alinea over iets anders.\n\nNog een alinea.\n\n"
           "Iedere hulpverlener krijgt een contract met de gemeente.")
    assert reorganised_contracting(far) == []


def test_the_new_readings_stay_linear():
    assert linear_time(consulted_markets, "hebben we alle de jeugdhulp zorgaanbieders gevraagd naar ", 110_000) < LINEAR
    assert linear_time(reorganised_contracting, "de jeugdhulp anders organiseren met een contract met de gemeente ",
                       110_000) < LINEAR
