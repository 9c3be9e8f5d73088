"""Specifications of the relevance readings of branch rel3 (issue 11: relevance on sites never seen, round three) -- in
short synthetic pages (SYNTHETIC: written for these tests in common Dutch news, council and job-advert wording, not taken
from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture): the reading is core.
"""
import pytest

from tenderarchive.analysis.relevance import told_rounds
from tests.speed import LINEAR, linear_time


# --- a decision not to extend youth-care contracts is a procurement decision ---

@pytest.mark.parametrize("text", [
    "Het college heeft besloten de huidige contracten voor jeugdhulp niet te verlengen en opnieuw in te kopen.",
    "De regio besluit de contracten met de jeugdzorgaanbieders niet te verlengen. In 2026 volgt een nieuwe inkoop.",
    "Het college kiest ervoor de overeenkomsten voor specialistische jeugdhulp niet te verlengen.",
])
def test_a_decision_not_to_extend_youth_care_contracts_is_relevant(read, text):
    result = read(text, title="Nieuws")
    assert result["relevant"], result["relevance_rule"]


def test_a_contract_not_extended_for_another_service_or_not_decided_stays_not_relevant(read):
    for text in ("Het college heeft besloten de contracten voor huishoudelijke hulp niet te verlengen. Ook de jeugdhulp "
                 "staat onder druk.",
                 "De wachttijden in de jeugdhulp worden niet verlengd, belooft de wethouder."):
        result = read(text, title="Nieuws")
        assert not result["relevant"], (text, result["relevance_rule"])


# --- an extension whose youth care is named in the next sentence of its paragraph ---

@pytest.mark.parametrize("text", [
    "De contracten worden met een jaar verlengd. Zo houden kinderen in de jeugdhulp hun vertrouwde hulpverlener.",
    "De gemeente verlengt de contracten tot 1 januari 2026. Het gaat om de aanbieders van specialistische jeugdzorg.",
])
def test_an_extension_with_its_youth_care_in_the_next_sentence_is_relevant(read, text):
    result = read(text, title="Nieuws")
    assert result["relevant"], result["relevance_rule"]


@pytest.mark.parametrize("text", [
    # another paragraph: no longer the same subject
    "De contracten worden met een jaar verlengd.\n\nIn de jeugdhulp lopen de wachtlijsten op.",
    # the extension is another service's
    "De contracten voor de Wmo-begeleiding worden met een jaar verlengd. Ook kinderen in de jeugdhulp merken dat.",
    # a budget page: the next sentence is about money
    "De contracten worden met een jaar verlengd. De kosten van de jeugdzorg stijgen in 2025 met 3 miljoen euro.",
    # two sentences on: too far
    "De contracten worden met een jaar verlengd. De wethouder is tevreden. Kinderen in de jeugdhulp merken er niets van.",
])
def test_an_extension_away_from_its_youth_care_stays_not_relevant(read, text):
    result = read(text, title="Nieuws")
    assert not result["relevant"], (text, result["relevance_rule"])


# --- a job advert is no procurement, in core ---

@pytest.mark.parametrize("text", [
    "De gemeente zoekt een inkoper jeugdhulp voor 32-36 uur. Je werkt aan de aanbesteding van de specialistische "
    "jeugdzorg en je bent het aanspreekpunt voor aanbieders.",
    "Vacature: contractmanager jeugdzorg. Wat bieden wij? Een dienstverband van 36 uur en salarisschaal 11. Je werkt "
    "mee aan de inkoop en de aanbesteding van jeugdhulp.",
])
def test_a_vacancy_is_not_relevant(read, text):
    result = read(text, title="Vacature")
    assert not result["relevant"], result["relevance_rule"]


def test_a_tender_that_names_hours_or_a_buyer_stays_relevant(read):
    text = ("De gemeente heeft de aanbesteding voor specialistische jeugdhulp gepubliceerd op TenderNed. Aanbieders "
            "kunnen tot 1 april inschrijven. De inkoper van de regio beantwoordt vragen.")
    result = read(text, title="Aanbesteding jeugdhulp")
    assert result["relevant"], result["relevance_rule"]


def test_the_rel3_readings_stay_fast_on_100_kb():
    assert linear_time(told_rounds, "de contracten worden niet te verlengen besloten jeugdhulp. Zo de jeugdzorg ",
                       110_000) < LINEAR
