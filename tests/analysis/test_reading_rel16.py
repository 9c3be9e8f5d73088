"""Specifications of the relevance readings of branch rel16 (issue 11: relevance on sites never seen, round sixteen) --
in short synthetic pages (SYNTHETIC: written for these tests in common Dutch news and council wording, not taken from
a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture): the reading is core.
"""
import pytest

from tenderarchive.analysis.relevance import buyer_purchases, plain_purchases
from tests.speed import LINEAR, linear_time


# --- youth care one of a list of services bought ---

@pytest.mark.parametrize("text", [
    "De gemeente Ede heeft het sociaal domein opnieuw aanbesteed: de huishoudelijke hulp, de Wmo-begeleiding en de "
    "jeugdhulp.",
    "De regio heeft de huishoudelijke hulp, de Wmo-begeleiding en de jeugdhulp opnieuw aanbesteed.",
    "Het college heeft de Wmo-begeleiding en de specialistische jeugdhulp per 2025 ingekocht.",
])
def test_youth_care_in_the_list_of_what_is_bought_is_relevant(read, text):
    result = read(text, title="Nieuws")
    assert result["relevant"], result["relevance_rule"]
    assert buyer_purchases(text)


@pytest.mark.parametrize("text", [
    # youth care not in what was bought
    "De gemeente Ede heeft de huishoudelijke hulp en de Wmo-begeleiding opnieuw aanbesteed. Ook biedt de gemeente "
    "jeugdhulp.",
    "De gemeente Ede heeft het sociaal domein opnieuw aanbesteed: de huishoudelijke hulp en de Wmo-begeleiding. De "
    "jeugdhulp blijft ongewijzigd.",
    # after the colon who won, no list of services
    "De gemeente Ede heeft de huishoudelijke hulp opnieuw aanbesteed: drie aanbieders die ook jeugdhulp bieden.",
])
def test_another_services_purchase_stays_out(read, text):
    assert buyer_purchases(text) == []
    assert not read(text, title="Nieuws")["relevant"]


# --- tariffs or rules set for the purchase are no purchase ---

@pytest.mark.parametrize("text", [
    "De tarieven voor de inkoop van jeugdhulp zijn vastgesteld.",
    "Het college heeft de regels bij de inkoop van jeugdhulp aangepast.",
])
def test_things_set_for_the_purchase_are_no_purchase(read, text):
    assert plain_purchases(text) == []
    assert not read(text, title="Nieuws")["relevant"]


def test_the_purchase_told_beside_its_tariffs_and_the_purchase_itself_stay_relevant(read):
    assert plain_purchases("De inkoop van jeugdhulp is afgerond.") == ["inkoop van"]
    assert read("De inkoop van jeugdhulp is afgerond.", title="Nieuws")["relevant"]
    text = ("De tarieven voor de inkoop van jeugdhulp zijn vastgesteld. De gemeente Ede heeft de jeugdhulp per 2025 "
            "opnieuw ingekocht.")
    assert read(text, title="Nieuws")["relevant"]


# --- a council decision on a youth-care strategy still pending or conditional ---
# The gold (corpus README, "Gold rules"): relevant from the decision or plan to procure on, and "a page only about
# preparation is voorbereiding"; stages.md's voorbereiding is "decision or plan to procure; strategy". A strategy for a
# youth-care purchase awaiting the council's consent is a purchase being prepared: relevant, whether told as a duty
# still pending ("moet nog instemmen") or as the condition of the next step ("Als de raad instemt ...").

@pytest.mark.parametrize("text", [
    "Als de raad instemt met de inkoopstrategie jeugdhulp, volgt een plan.",
    "De raad moet nog instemmen met de inkoopstrategie voor de jeugdhulp.",
    "De gemeenteraad moet nog instemmen met het inkoopplan voor de jeugdzorg.",
    "Als de gemeenteraad instemt met het inkoopplan voor de jeugdzorg, start de aanbesteding in mei.",
])
def test_a_pending_or_conditional_council_decision_on_a_youth_care_strategy_is_relevant(read, text):
    result = read(text, title="Nieuws")
    assert result["relevant"], result["relevance_rule"]


def test_a_general_duty_stays_out(read):
    assert not read("Gemeenten moeten de inkoopstrategie voor de jeugdhulp door de raad laten vaststellen.",
                    title="Nieuws")["relevant"]


def test_the_new_readings_stay_linear():
    assert linear_time(buyer_purchases, "De regio heeft de huishoudelijke hulp, de Wmo-begeleiding en de jeugdhulp ",
                       110_000) < LINEAR
    assert linear_time(buyer_purchases, "De regio heeft het sociaal domein aanbesteed: de hulp, de begeleiding en ",
                       110_000) < LINEAR
    assert linear_time(plain_purchases, "de tarieven voor de inkoop van de jeugdhulp zijn vastgesteld en ",
                       110_000) < LINEAR
