"""Specifications of the relevance readings of branch rel8 (issue 11: relevance on sites never seen, round eight) -- in
short synthetic pages (SYNTHETIC: written for these tests in common Dutch council and news wording, not taken from a
page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture): the reading is core.
"""
import pytest

from tenderarchive.analysis.relevance import motion_text, told_rounds
from tests.speed import LINEAR, linear_time


# --- a council motion's own text proposes; it reports no procurement ---

_MOTION = ("De gemeenteraad van Oosterdam, in vergadering bijeen op 12 maart 2024,\n"
           "Constaterende dat:\n"
           "• de raad laat wordt betrokken bij de inkoopstrategie jeugdhulp van de regio;\n"
           "• de uitwerking van de inkoopvisie jeugdzorg nu loopt;\n"
           "Overwegende dat de kosten van de jeugdzorg oplopen;\n"
           "Verzoekt het college om:\n"
           "• de raad voortaan eerder te informeren over de regionale inkoop;\n"
           "En gaat over tot de orde van de dag.")


def test_a_council_motion_about_the_purchasing_of_youth_care_is_not_relevant(read):
    result = read(_MOTION, title="Motie meer grip op regionale inkoop jeugdzorg")
    assert not result["relevant"], result["relevance_rule"]
    assert result["relevance_rule"] == "motion"


def test_a_motion_about_a_named_youth_care_tender_stays_relevant(read):
    text = _MOTION.replace("• de raad voortaan eerder te informeren over de regionale inkoop;",
                           "• de aanbesteding van de specialistische jeugdhulp op te schorten tot na de zomer;")
    result = read(text, title="Motie aanbesteding jeugdhulp")
    assert result["relevant"], result["relevance_rule"]


def test_news_about_a_motion_is_read_as_news(read):
    # a report about a council's motion names its request, not the motion's considerations: no motion text
    text = ("De gemeenteraad van Oosterdam heeft een motie aangenomen. De motie verzoekt het college om de raad eerder te "
            "informeren. De regio is gestart met de aanbesteding van de specialistische jeugdhulp; aanbieders kunnen tot "
            "1 juni inschrijven.")
    result = read(text, title="Raad wil meer grip op aanbesteding jeugdhulp")
    assert result["relevant"], result["relevance_rule"]


@pytest.mark.parametrize("text, is_motion", [
    (_MOTION, True),
    ("Overwegende dat de jeugdzorg duur is; verzoekt de regering de wet te wijzigen.", True),
    # a regulation's preamble considers and decides; it requests nothing
    ("Het college; overwegende dat het wenselijk is regels te stellen; besluit vast te stellen de verordening.", False),
    # a request without the considerations is a news sentence about a motion
    ("De motie verzoekt het college om de raad eerder te informeren.", False),
])
def test_motion_text_needs_the_considerations_and_the_request(text, is_motion):
    assert motion_text(text) is is_motion


def test_motion_text_stays_linear():
    assert linear_time(motion_text, "overwegende verzoekt het college dat ", 110_000) < LINEAR


# --- the award told from the winner's side: a tender won, an order received, a provider chosen ---

@pytest.mark.parametrize("text", [
    "Stichting Kompas heeft de tender voor de specialistische jeugdhulp in Oosterdam gewonnen.",
    "Het consortium Samen Sterk heeft de opdracht gekregen voor de jeugdhulp in de regio Oosterdam.",
    "Kompas wint de tender voor de jeugd-ggz in de regio Oosterdam.",
    "De gemeente Oosterdam heeft Stichting Kompas gekozen als nieuwe aanbieder van jeugdhulp.",
    "Stichting Kompas is geselecteerd als hoofdaannemer voor de specialistische jeugdhulp in Oosterdam.",
])
def test_a_tender_won_or_an_order_received_for_youth_care_is_relevant(read, text):
    result = read(text, title="Nieuws uit de regio")
    assert result["relevant"], result["relevance_rule"]


@pytest.mark.parametrize("text", [
    # how to win a tender in general: advice, no tender
    "Hoe win je een tender voor jeugdhulp? Vijf tips voor aanbieders.",
    "Aanbieders van jeugdhulp kunnen de opdracht krijgen als zij goed scoren.",
    # another service's order won, youth care only named beside it
    "Taxi Snel heeft de opdracht voor het leerlingenvervoer gewonnen. Ook de jeugdhulp kwam in de raad aan bod.",
    # a prize won is no tender
    "Stichting Kompas heeft de prijs voor de beste jeugdhulp gewonnen.",
    # a task set, not an award (the om-te infinitive; test_reading_cv24)
    "Het college heeft de opdracht gekregen om een plan voor de jeugdhulp te maken.",
])
def test_advice_another_service_or_a_prize_is_no_award(read, text):
    result = read(text, title="Nieuws uit de regio")
    assert not result["relevant"], result["relevance_rule"]


def test_told_rounds_stays_linear_on_a_tender_won():
    unit = "jeugdhulp heeft de tender voor de opdracht "
    assert linear_time(told_rounds, unit, 110_000) < LINEAR


# --- a bare plural names the kind of procedure, not one procurement ---

def test_bare_plurals_in_a_page_about_the_practice_of_buying_are_no_procurement(read):
    text = ("Voor aanbieders van jeugdhulp betekent het dat aanbestedingen elkaar snel opvolgen. Ook moeten "
            "inkoopprocedures tijdig starten.")
    result = read(text, title="Lange contracten in de jeugdhulp gewenst")
    assert not result["relevant"], result["relevance_rule"]


@pytest.mark.parametrize("text", [
    # reported: a year, a step taken
    "Voor de jeugdhulp zijn in 2024 twee aanbestedingen gehouden.",
    "Aanbestedingen voor de specialistische jeugdhulp zijn gestart.",
    # determined: the particular procedures
    "De aanbestedingen voor de jeugdhulp lopen nog.",
])
def test_plurals_reported_or_determined_stay_procurements(read, text):
    result = read(text, title="Nieuws uit de regio")
    assert result["relevant"], result["relevance_rule"]


def test_bare_plural_stays_linear():
    import re

    from tenderarchive.analysis.relevance import bare_plural
    assert linear_time(lambda t: [bare_plural(m, t) for m in re.finditer(r"aanbestedingen", t)],
                       "Aanbestedingen volgen elkaar op. ", 110_000) < LINEAR
    # a page without full stops is one long sentence
    assert linear_time(lambda t: [bare_plural(m, t) for m in re.finditer(r"aanbestedingen", t)],
                       "aanbestedingen volgen elkaar op ", 110_000) < LINEAR
