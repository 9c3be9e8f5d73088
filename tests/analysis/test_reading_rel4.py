"""Specifications of the relevance readings of branch rel4 (issue 11: relevance on sites never seen, round four) -- in
short synthetic pages (SYNTHETIC: written for these tests in common Dutch news and council wording, not taken from a
page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture): the reading is core.
"""
import pytest

from tenderarchive.analysis.relevance import national_debate_sentences, told_rounds
from tests.speed import LINEAR, linear_time


# --- a decision not to extend: words written with a slash, a joint purchase, an option not taken ---

@pytest.mark.parametrize("text", [
    # the services between the contracts and the decision written with a slash, youth care among them
    "De colleges in de regio hebben besloten de huidige contracten voor jeugdhulp en Wmo/Wonen niet te verlengen.",
    "Het college besluit de contracten voor jeugdhulp/jeugdbescherming niet te verlengen.",
    # the decision told as an option not taken
    "Het college heeft besloten geen gebruik te maken van de verlengingsoptie in de contracten voor jeugdhulp.",
    "De regio besluit de optie tot verlenging van de contracten met de jeugdhulpaanbieders niet te benutten.",
])
def test_a_decision_not_to_extend_youth_care_contracts_is_relevant(read, text):
    result = read(text, title="Nieuws")
    assert result["relevant"], result["relevance_rule"]


@pytest.mark.parametrize("text", [
    # another service's contracts, youth care only in the next sentence about something else
    "Het college heeft besloten geen gebruik te maken van de verlengingsoptie voor huishoudelijke hulp. Ook de "
    "jeugdhulp staat onder druk.",
    "Het college heeft besloten de contracten voor Wmo/Wonen en huishoudelijke hulp niet te verlengen. De jeugdhulp "
    "blijft zoals het is.",
    # another service's round, named apart from youth care
    "Het inkoopproces voor de huishoudelijke hulp is gestart. De jeugdhulp volgt later.",
])
def test_another_services_decision_stays_not_relevant(read, text):
    result = read(text, title="Nieuws")
    assert not result["relevant"], (text, result["relevance_rule"])


def test_a_joint_round_counts_only_with_youth_care_in_it():
    assert told_rounds("Het college heeft besloten de contracten voor jeugdhulp en Wmo niet te verlengen.")
    assert not told_rounds("Het college heeft besloten de contracten voor de Wmo niet te verlengen. Jeugdhulp blijft.")


# --- a title about money makes a budget page, in core ---

@pytest.mark.parametrize("title", [
    "Raad trekt met tegenzin 4,4 miljoen uit voor jeugdzorg",
    "Tekort op jeugdzorg loopt verder op",
    "Veranderingen in de begroting",
    "Bezuinigingen op jeugdhulp",
])
def test_a_money_title_over_a_mention_of_a_tender_is_not_relevant(read, title):
    text = ("De gemeenteraad heeft extra geld vrijgemaakt voor de jeugdzorg. De kosten stijgen al jaren. Een fractie "
            "wil bij een eventuele nieuwe aanbesteding met de raad overleggen over de selectiecriteria.")
    result = read(text, title=title)
    assert not result["relevant"], (title, result["relevance_rule"])


@pytest.mark.parametrize("title", [
    "Jeugdhulp voor 40 miljoen gegund aan vier aanbieders",  # a step told: the money is the contract's value
    "Nieuwe contracten jeugdhulp kosten meer geld",           # "kosten", "geld": words of tariff news too
])
def test_a_money_title_over_a_step_taken_stays_relevant(read, title):
    text = ("De regio Holland Rijnland heeft de aanbesteding voor specialistische jeugdhulp gegund aan vier aanbieders. "
            "De contracten gaan in op 1 januari 2025.")
    result = read(text, title=title)
    assert result["relevant"], (title, result["relevance_rule"])


# --- a title naming a guide's genre makes a guide, in core ---

@pytest.mark.parametrize("title", [
    "Aanbesteden Wmo en Jeugdwet: een handreiking",
    "Inkoophandleiding jeugdhulp voor gemeenten",
    "Webinar: dialooggericht aanbesteden van jeugdhulp",
])
def test_a_guide_title_over_procurement_talk_is_not_relevant(read, title):
    text = ("Gemeenten kopen jeugdhulp in via een aanbesteding of een open house. Deze uitgave beschrijft de "
            "aanbestedingsprocedures en de keuzes die een gemeente bij de inkoop van jeugdhulp maakt.")
    result = read(text, title=title)
    assert not result["relevant"], (title, result["relevance_rule"])


def test_a_guide_title_over_a_step_taken_stays_relevant(read):
    text = ("De regio Holland Rijnland heeft de aanbesteding voor specialistische jeugdhulp gegund aan vier aanbieders. "
            "De contracten gaan in op 1 januari 2025.")
    result = read(text, title="Handreiking na de gunning jeugdhulp")
    assert result["relevant"], result["relevance_rule"]


# --- a page of national politics: its speaker need not be named in every paragraph ---

def test_a_national_debate_page_is_not_relevant(read):
    text = ("Op 23 februari was het overleg over jeugd in de Tweede Kamer. Veel woordvoerders gingen in op de regels.\n\n"
            "Ook de spanning die gemeenten ervaren bij de aanbesteding van jeugdhulp werd gesignaleerd.")
    result = read(text, title="Kamermotie aangenomen over aanbesteden jeugdhulp")
    assert not result["relevant"], result["relevance_rule"]


@pytest.mark.parametrize("text", [
    # a local buyer tells its step
    "Op 23 februari was het overleg in de Tweede Kamer.\n\nDe gemeente Utrecht heeft de aanbesteding voor jeugdhulp "
    "gegund aan vier aanbieders.",
    # a step taken, told without a buyer named in the sentence
    "Op 23 februari was het overleg in de Tweede Kamer.\n\nIn de regio is de aanbesteding voor jeugdhulp vorige week "
    "gepubliceerd op TenderNed.",
])
def test_a_step_taken_under_a_national_title_stays_relevant(read, text):
    result = read(text, title="Kamer debatteert over aanbesteden jeugdhulp")
    assert result["relevant"], (text, result["relevance_rule"])


def test_a_local_title_is_no_national_page():
    text = "Nieuws\n\nOok de spanning die gemeenten ervaren bij de aanbesteding van jeugdhulp werd gesignaleerd."
    assert not national_debate_sentences(text, title="Gemeente Utrecht start aanbesteding jeugdhulp")
    assert national_debate_sentences(text, title="Kabinet wil af van aanbesteden jeugdhulp")


def test_the_rel4_readings_stay_fast_on_100_kb():
    unit = ("besloten de contracten voor jeugdhulp en Wmo/Wonen geen gebruik te maken van de optie tot verlenging "
            "aanbesteding Tweede Kamer. ")
    assert linear_time(told_rounds, unit, 110_000) < LINEAR
    assert linear_time(lambda text: national_debate_sentences(text, title="Kamermotie over aanbesteden"), unit,
                       110_000) < LINEAR
