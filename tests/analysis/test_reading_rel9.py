"""Specifications of the relevance readings of branch rel9 (issue 11: relevance on sites never seen, round nine) -- in
short synthetic pages (SYNTHETIC: written for these tests in common Dutch council, adviser and news wording, not taken
from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture): the reading is core.
"""
import pytest

from tenderarchive.analysis.relevance import asking_or_supposing
from tests.speed import LINEAR, linear_time


# --- the mood of a sentence: a question asks, a supposition supposes; neither reports a procurement ---

def test_an_advisers_supposition_about_buying_youth_care_is_not_relevant(read):
    text = ("Gemeenten sluiten vaak korte contracten met aanbieders van jeugdhulp. "
            "Stel dat de contracten van de gemeente Oosterdam met haar jeugdhulpaanbieders aflopen op 1 januari 2026, "
            "dan moet zij nu de inkoop voorbereiden. De nieuwe contracten gaan dan in per 1 januari 2026.")
    result = read(text, title="Langjarige contracten in de jeugdhulp")
    assert not result["relevant"], result["relevance_rule"]


def test_an_opinion_with_an_if_then_about_a_tender_is_not_relevant(read):
    text = ("De jeugdhulp staat onder druk. Als de aanbesteding van de jeugdhulp mislukt, dan staan kinderen in de kou. "
            "Ouders moeten dan maanden wachten op hulp.")
    result = read(text, title="Column: kinderen verdienen rust")
    assert not result["relevant"], result["relevance_rule"]


def test_written_questions_about_a_youth_care_tender_report_no_procurement(read):
    text = ("Vraag 1: Wanneer wordt de aanbesteding van de specialistische jeugdhulp gegund?\n"
            "Vraag 2: Hoeveel aanbieders van jeugdhulp hebben ingeschreven op de percelen?\n"
            "Vraag 3: Is het college bereid de raad te informeren over de gunning?")
    result = read(text, title="Schriftelijke vragen van de fractie")
    assert not result["relevant"], result["relevance_rule"]


@pytest.mark.parametrize("text, title", [
    # the answer reports the step the question asked about
    ("Vraag 1: Wanneer wordt de aanbesteding van de specialistische jeugdhulp gepubliceerd?\n"
     "Antwoord: De aanbesteding van de specialistische jeugdhulp is op 1 maart gepubliceerd op TenderNed.",
     "Beantwoording schriftelijke vragen"),
    # a report with a plan told as an if-then beside it
    ("De regio Oosterdam is gestart met de aanbesteding van de specialistische jeugdhulp. Als alles volgens planning "
     "verloopt, dan wordt de opdracht in juni gegund.", "Nieuws uit de regio"),
    # a headline's question names what the page is about; the page reports
    ("De regio Oosterdam is op 1 maart gestart met de aanbesteding van de specialistische jeugdhulp. Aanbieders kunnen "
     "tot 1 mei inschrijven.", "Wie wint de aanbesteding jeugdhulp?"),
])
def test_a_procurement_reported_beside_a_question_or_a_supposition_stays_relevant(read, text, title):
    result = read(text, title=title)
    assert result["relevant"], result["relevance_rule"]


@pytest.mark.parametrize("text, mood", [
    ("Wanneer wordt de aanbesteding gegund?", True),
    ("Stel dat de gemeente de jeugdhulp opnieuw inkoopt, dan duurt het een jaar.", True),
    ("Mocht de aanbesteding mislukken, dan verlengt de regio de contracten.", True),
    ("Indien de gunning wordt aangevochten, dan volgt een kort geding.", True),
    # an imperative is no supposition ("Stel uw vragen via TenderNed")
    ("Stel uw vragen over de aanbesteding via TenderNed.", False),
    # a condition without its consequent "dan" is read as told (a plan: "Als de aanbesteding is afgerond, ...")
    ("Als de aanbesteding is afgerond, starten de nieuwe contracten.", False),
    ("De aanbesteding is gegund.", False),
])
def test_asking_or_supposing_reads_the_question_mark_and_the_supposition(text, mood):
    assert (text in asking_or_supposing(text)) is mood


def test_the_consequent_dan_goes_on_but_a_comparison_does_not():
    text = ("Stel dat de contracten aflopen, dan moet de regio nu inkopen. De contracten gaan dan in per 2026. "
            "De regio betaalt meer dan vorig jaar. De aanbesteding is gestart.")
    mood = asking_or_supposing(text)
    assert "De contracten gaan dan in per 2026." in mood
    assert "De regio betaalt meer dan vorig jaar." not in mood
    assert "De aanbesteding is gestart." not in mood


def test_the_title_is_never_read_as_a_question():
    assert asking_or_supposing("Wie wint de aanbesteding?\nDe regio is gestart.", title="Wie wint de aanbesteding?") == set()


@pytest.mark.parametrize("unit", [
    "Stel dat de aanbesteding mislukt, dan wacht de regio. ",
    "als de aanbesteding mislukt en de regio wacht en ",  # one long sentence without a comma or full stop
    "Wanneer wordt de aanbesteding gegund? ",
])
def test_asking_or_supposing_stays_linear(unit):
    assert linear_time(asking_or_supposing, unit, 110_000) < LINEAR
