"""Specifications of the relevance readings of branch rel10 (issue 11: relevance on sites never seen, round ten) -- in
short synthetic pages (SYNTHETIC: written for these tests in common Dutch news, council and court wording, not taken
from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture): the reading is core.
"""
import pytest

from tenderarchive.analysis.relevance import general_statements, judgement_against_buyer
from tests.speed import LINEAR, linear_time


# --- a general statement about tenders (a habit, a rule, a condition without "dan") reports no procurement ---

def test_a_general_statement_about_losing_a_tender_is_not_relevant(read):
    text = ("De wethouder van Oosterdam maakt zich zorgen over de jeugdbescherming. Het kan grote gevolgen hebben wanneer "
            "een instelling in een regio een aanbesteding verliest. Kinderen krijgen dan een andere voogd. "
            "Hoewel de problemen geen gevolg zijn van een aanbesteding, is er wel een verband.")
    result = read(text, title="Wethouder wil af van marktwerking in de jeugdbescherming")
    assert not result["relevant"], result["relevance_rule"]


def test_a_rule_for_any_tender_is_not_relevant(read):
    text = ("Bij een aanbesteding moet de gemeente de jeugdhulp vooraf goed beschrijven. Volgens de regels moeten "
            "instellingen die op jeugdzorg inschrijven gecertificeerd zijn.")
    result = read(text, title="Zo werkt de jeugdzorg")
    assert not result["relevant"], result["relevance_rule"]


@pytest.mark.parametrize("text", [
    # one tender, told definitely: a plan of one procurement
    "Als de aanbesteding van de specialistische jeugdhulp is afgerond, starten de nieuwe contracten.",
    # a general opener with the step reported by its year
    "Bij een aanbesteding in 2023 heeft de regio Oosterdam de specialistische jeugdhulp gegund aan drie aanbieders.",
    # the call of one tender with its closing day
    "Aanbieders van jeugdhulp kunnen tot 1 mei inschrijven op de aanbesteding van de regio Oosterdam.",
])
def test_a_procurement_told_beside_a_general_opener_stays_relevant(read, text):
    result = read(text, title="Nieuws uit de regio")
    assert result["relevant"], result["relevance_rule"]


@pytest.mark.parametrize("text, general", [
    ("Het kan grote gevolgen hebben wanneer een instelling een aanbesteding verliest.", True),
    ("Bij een aanbesteding moet de gemeente de zorg goed beschrijven.", True),
    ("Volgens de regels moeten instellingen die op jeugdzorg inschrijven gecertificeerd zijn.", True),
    ("Als de aanbesteding is afgerond, starten de nieuwe contracten.", False),
    ("Bij een aanbesteding in 2023 is de jeugdhulp gegund.", False),
    ("De regio is gestart met een aanbesteding voor de jeugdhulp.", False),
])
def test_general_statements_reads_the_indefinite_tender_and_the_bare_plural(text, general):
    assert (text in general_statements(text)) is general


# --- written questions whose title names a tender: the title is asked about, not reported ---

def test_written_questions_under_a_title_naming_the_tender_are_not_relevant(read):
    text = ("Vraag 1: Wanneer wordt de aanbesteding van de specialistische jeugdhulp gegund?\n"
            "Vraag 2: Hoeveel aanbieders hebben ingeschreven op de percelen?\n"
            "Vraag 3: Is het college bereid de raad te informeren over de gunning?")
    result = read(text, title="Schriftelijke vragen over de aanbesteding specialistische jeugdhulp")
    assert not result["relevant"], result["relevance_rule"]


@pytest.mark.parametrize("text", [
    # answered: the answer reports the step
    "Vraag 1: Wanneer wordt de aanbesteding gegund?\nVraag 2: Hoeveel aanbieders schreven in?\n"
    "Antwoord: De aanbesteding van de specialistische jeugdhulp is op 1 maart gegund aan drie aanbieders.",
    # a news page with one question in it: the title tells what it reports
    "De regio Oosterdam heeft de aanbesteding van de specialistische jeugdhulp gegund. Wat betekent dat voor ouders? "
    "De nieuwe contracten gaan op 1 januari in.",
])
def test_a_tender_in_the_title_of_a_page_that_does_not_only_ask_stays_relevant(read, text):
    result = read(text, title="Aanbesteding specialistische jeugdhulp gegund")
    assert result["relevant"], result["relevance_rule"]


# --- a civil summary judgement against a public body about youth care is its kort geding ---

_JUDGEMENT = ("Rechtbank Oosterdam\nTeam Handel - voorzieningenrechter\nzaak- / rolnummer: C/01/123456 / KG ZA 24/100\n"
              "Vonnis in kort geding van 5 oktober 2024\n1. de stichting\nStichting Voorbeeld Jeugdzorg ,\n"
              "statutair gevestigd te Oosterdam ,\neiseres,\nadvocaat mr. A. Jansen te Utrecht,\n"
              "1. de publiekrechtelijke rechtspersoon\nGemeente Oosterdam,\nzetelend te Oosterdam,\ngedaagde,\n"
              "advocaat mr. B. de Vries te Den Haag.\n3 De feiten\n3.1.\nSinds 1 januari 2015 zijn gemeenten "
              "verantwoordelijk voor de jeugdhulp op grond van de Jeugdwet.")


def test_a_summary_judgement_of_a_provider_against_a_municipality_about_youth_care_is_relevant(read):
    result = read(_JUDGEMENT, title="ECLI:NL:RBOOS:2024:1234")
    assert result["relevant"], result["relevance_rule"]


@pytest.mark.parametrize("text", [
    # the same judgement about home help: no youth care
    _JUDGEMENT.replace("Jeugdzorg", "Thuiszorg").replace("voor de jeugdhulp op grond van de Jeugdwet",
                                                         "voor de huishoudelijke hulp op grond van de Wmo"),
    # a client's case against the municipality's decision: no civil summary judgement against a defendant
    "Rechtbank Oosterdam\nUitspraak van de enkelvoudige kamer\nin de zaak tussen\neiser\nen\nhet college van burgemeester "
    "en wethouders van Oosterdam, verweerder.\nHet geschil gaat over de jeugdhulp van de zoon van eiser.",
])
def test_other_judgements_are_no_youth_care_kort_geding(read, text):
    result = read(text, title="ECLI:NL:RBOOS:2024:1235")
    assert not result["relevant"], result["relevance_rule"]


def test_judgement_against_buyer_needs_both_the_summary_form_and_a_public_defendant():
    assert judgement_against_buyer(_JUDGEMENT) == ["vonnis in kort geding"]
    assert judgement_against_buyer(_JUDGEMENT.replace("publiekrechtelijke rechtspersoon", "stichting")) == []
    assert judgement_against_buyer(_JUDGEMENT.replace("Vonnis in kort geding", "Vonnis").replace("KG ZA", "HA ZA")) == []


@pytest.mark.parametrize("unit", [
    "wanneer een instelling een regio en een tender ",  # one long sentence without a full stop
    "Bij een aanbesteding moeten instellingen wachten. ",
])
def test_general_statements_stays_linear(unit):
    assert linear_time(general_statements, unit, 110_000) < LINEAR


def test_judgement_against_buyer_stays_linear():
    assert linear_time(judgement_against_buyer, "de publiekrechtelijke rechtspersoon\nGemeente X,\n", 110_000) < LINEAR
