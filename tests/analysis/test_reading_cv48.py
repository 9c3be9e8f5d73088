"""Specifications of the relevance readings of branch cv48 (issue 11): a purchasing round of youth care told as a step
taken, in the words buyers use beside "aanbesteding" (stages.md: inkooptraject, contractering, verwerving, open house,
toetreding) -- in short synthetic pages (SYNTHETIC: written for these tests in common Dutch news wording, not taken
from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture): the reading is core.
"""
import time

import pytest

from tenderarchive.analysis.relevance import told_rounds


@pytest.mark.parametrize("text", [
    "De gemeente Zwolle is gestart met het inkoopproces voor de specialistische jeugdhulp vanaf 2026.",
    "De regio West-Brabant start de contractering van de jeugdhulp voor de periode vanaf 2025.",
    "De contracteringsronde voor jeugdhulp is afgerond: 45 aanbieders krijgen een overeenkomst.",
    "De gemeenten in Holland Rijnland zijn gestart met de verwerving van jeugdhulp per 2027.",
    "De jeugdregio publiceert het programma van eisen voor de ambulante jeugdhulp.",
    "Het college heeft besloten de opdracht voor jeugdhulp te gunnen aan Stichting Kwadraad.",
    # an open call dated by its day: the "kunnen" of a call is its opening
    "Aanbieders van jeugdhulp kunnen zich vanaf 1 maart aanmelden voor de open house van de regio Utrecht.",
    "Jeugdhulpaanbieders kunnen tot 15 mei een aanvraag doen voor toetreding tot de overeenkomst jeugdhulp.",
])
def test_a_purchasing_round_told_as_a_step_is_relevant(read, text):
    result = read(text, title="Nieuws")
    assert result["relevant"], result["relevance_rule"]
    assert result["relevance_rule"] == "youth_term+procedure"


@pytest.mark.parametrize("text", [
    # how the purchase is arranged, not a step
    "De inkoop van jeugdhulp loopt via de regio Amersfoort. Ouders kunnen met vragen terecht bij het jeugdteam.",
    # a duty or a condition: procurement in general
    "Gemeenten moeten de contractering van jeugdhulp op tijd starten, zegt de branchevereniging.",
    "Als de regio de verwerving van jeugdhulp start, kunnen aanbieders vragen stellen.",
    # an open call without a date: a possibility
    "Aanbieders van jeugdhulp kunnen zich aanmelden voor de nieuwsbrief over de inkoop.",
    # the round of another service, in a sentence that also names youth care
    "Het inkoopproces voor de huishoudelijke hulp is gestart; ook over de jeugdhulp praat de raad deze maand.",
    # youth-care news without a procurement
    "Het jeugdteam is gestart met een nieuwe werkwijze voor de jeugdhulp in de wijk.",
])
def test_no_purchasing_round_told_is_not_relevant(read, text):
    assert not read(text, title="Nieuws")["relevant"]


def test_told_rounds_stays_fast_on_a_long_page():
    text = ("de inkoop gestart jeugdhulp met de aanbesteding gunt aan opdracht voor 1 maart aanmelden kunnen "
            "toetreding tot de overeenkomst publiceert het ") * 1200  # ~130 KB, no sentence end
    start = time.process_time()
    told_rounds(text)
    told_rounds(text.replace(" ", "\n"))
    assert time.process_time() - start < 1.0
