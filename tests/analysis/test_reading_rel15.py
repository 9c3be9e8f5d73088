"""Specifications of the relevance readings of branch rel15 (issue 11: relevance on sites never seen, round fifteen) --
in short synthetic pages (SYNTHETIC: written for these tests in common Dutch news, provider and council wording, not
taken from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture): the reading is core.
"""
import pytest

from tenderarchive.analysis.relevance import buyer_purchases, told_rounds
from tests.analysis.reading import read_synthetic_core
from tests.speed import LINEAR, linear_time


# --- a provider's own news of the contract it closed with a particular buyer ---

@pytest.mark.parametrize("text,title", [
    ("Goed nieuws: wij hebben een contract gesloten met de gemeente Ede voor jeugdhulp. Vanaf 2025 kunnen gezinnen in "
     "Ede bij ons terecht.", "Contract binnen!"),
    ("Wij hebben een nieuw contract met de regio Utrecht West voor de jeugdhulp. Daardoor kunnen we vanaf 1 januari "
     "2025 ook daar hulp bieden.", "Nieuws"),
    ("Stichting Kompas heeft met de regio Twente opnieuw een overeenkomst getekend voor de jeugdzorg.", "Nieuws"),
])
def test_a_provider_telling_its_new_contract_with_a_named_buyer_is_relevant(read, text, title):
    result = read(text, title=title)
    assert result["relevant"], result["relevance_rule"]


@pytest.mark.parametrize("text", [
    # a provider's fee page: a condition, no buyer named
    "Voor de vergoeding is het belangrijk dat wij met de betreffende gemeente een contract voor jeugdhulp hebben "
    "afgesloten.",
    # a provider's list of the municipalities it holds contracts with
    "Onze praktijk heeft met de volgende gemeenten contracten afgesloten voor de jeugd-GGZ:",
    # a contract held, no news told
    "Onze praktijk heeft met de gemeente Ede een contract afgesloten voor de jeugdhulp.",
    # another service's contract
    "Wij hebben in 2024 een nieuw contract gesloten met de gemeente Ede voor huishoudelijke hulp. Ook bieden wij "
    "jeugdhulp.",
])
def test_a_contract_held_listed_or_conditional_is_no_round(read, text):
    assert not read(text, title="Over ons")["relevant"]


# --- the municipalities placed in a region buy youth care ---

@pytest.mark.parametrize("text", [
    "De gemeenten in de Hoeksche Waard kopen de Wmo-begeleiding en de jeugdhulp vanaf 2026 samen in. Aanbieders "
    "kunnen zich later aanmelden.",
    "De gemeenten in Zuid-Limburg kopen de specialistische jeugdhulp vanaf 2026 gezamenlijk in.",
    "De vier gemeenten in de Achterhoek kopen de jeugdzorg voortaan samen in.",
])
def test_the_municipalities_of_a_named_region_buying_youth_care_is_relevant(read, text):
    result = read(text, title="Wmo en jeugd samen ingekocht")
    assert result["relevant"], result["relevance_rule"]


@pytest.mark.parametrize("text", [
    "De gemeenten in Nederland kopen de jeugdzorg sinds 2015 in.",
    "De gemeenten kopen sinds de decentralisatie de jeugdzorg in.",
])
def test_the_municipalities_of_the_country_are_the_municipalities_in_general(read, text):
    assert buyer_purchases(text) == []
    assert not read(text, title="Nieuws over de jeugdzorg")["relevant"]


# --- a council's or college's decision on a particular round ---

@pytest.mark.parametrize("text,title", [
    ("De raad wordt voorgesteld in te stemmen met de regionale inkoop van specialistische jeugdhulp per 2026 en de "
     "gemeenschappelijke regeling daartoe te wijzigen.", "Raadsvoorstel"),
    ("De raad stemde dinsdag in met de inkoopstrategie voor de jeugdhulp.", "Raadsvergadering"),
    ("Het college heeft het inkoopplan voor de jeugdzorg vastgesteld.", "Nieuws"),
    ("Het college stelt de inkoopstrategie jeugdhulp 2026 vast.", "Nieuws"),
])
def test_a_council_or_college_deciding_on_a_round_of_youth_care_is_relevant(read, text, title):
    result = read(text, title=title)
    assert result["relevant"], result["relevance_rule"]
    assert told_rounds(text)


@pytest.mark.parametrize("text", [
    # an agenda naming its subject: no consent verb before a definite round
    "Op 7 februari neemt de raad een besluit over de beleidsuitgangspunten voor inkoop van jeugdhulp.",
    # how purchasing is arranged
    "De raad stemde in met de wijze waarop de inkoop van jeugdhulp is georganiseerd.",
    # another service's strategy; a question
    "De raad stemde in met de inkoopstrategie voor de huishoudelijke hulp. De jeugdhulp blijft ongewijzigd.",
    "Stemt de raad in met de inkoopstrategie voor de jeugdhulp?",
])
def test_an_agenda_subject_an_arrangement_another_service_or_a_question_is_no_round(read, text):
    assert not read(text, title="Nieuws")["relevant"]


def test_things_set_for_the_purchase_are_no_plan_adopted():
    """Not the strategy or plan set: tariffs set for the purchase (rule rel.plain_purchase reads such a sentence on its
    own, with every rule on)."""
    assert told_rounds("De tarieven voor de inkoop van de jeugdhulp zijn vastgesteld.") == []
    assert told_rounds("De regels voor het inkoopplan van de jeugdhulp zijn vastgesteld.") == []


# --- a contract of rent or employment signed is no care contract ---

@pytest.mark.parametrize("text", [
    "Jeugdhulpaanbieder Lindenhout opent een nieuwe locatie in Arnhem. Het contract voor de huur is getekend.",
    "Jeugdzorginstelling Kompas breidt uit. De huurovereenkomst voor het nieuwe kantoor is ondertekend.",
])
def test_a_provider_signing_a_lease_is_no_procurement(read, text):
    assert not read(text, title="Nieuws")["relevant"]


def test_the_care_contract_signed_stays_a_step():
    text = ("Het contract voor de specialistische jeugdhulp is ondertekend, de aanbesteding is afgerond. Ook de "
            "huurovereenkomst is getekend.")
    assert read_synthetic_core(text, title="Nieuws")["relevant"]


# --- what the brief's other kinds of page already read right stays so ---

@pytest.mark.parametrize("text,title", [
    ("De wachtlijsten in de jeugdzorg lopen op. Aanbieders van jeugdhulp zeggen dat ze te weinig personeel hebben. De "
     "gemeente gaat met de aanbieders in gesprek over de wachttijden.", "Nieuws"),
    ("De regio zoekt een contractmanager jeugd. Je begeleidt de aanbesteding jeugdhulp 2026 en voert de gesprekken met "
     "de gecontracteerde aanbieders. Het gaat om een dienstverband van 32 uur. Wat bieden wij? Een uitdagende baan.",
     "Contractmanager Jeugd"),
])
def test_youth_care_news_naming_providers_and_a_contract_manager_vacancy_stay_out(read, text, title):
    assert not read(text, title=title)["relevant"]


def test_the_new_readings_stay_linear():
    assert linear_time(told_rounds, "wij hebben een nieuw contract met de gemeente Ede voor de jeugdhulp ", 110_000) < LINEAR
    assert linear_time(told_rounds, "de raad stemde in met de inkoopstrategie voor de jeugdhulp en ", 110_000) < LINEAR
    assert linear_time(buyer_purchases, "De gemeenten in de Hoeksche Waard kopen de jeugdhulp samen ", 110_000) < LINEAR
