"""Specifications of the relevance readings of branch rel2 (issue 11: relevance on sites never seen, round two) -- in
short synthetic pages (SYNTHETIC: written for these tests in common Dutch news, council and provider wording, not taken
from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture): the reading is core.
"""
import pytest

from tenderarchive.analysis.relevance import buyer_purchases, other_purchase_sentences, told_rounds
from tests.speed import LINEAR, linear_time


# --- a provider contracted for another service is no youth-care procurement ---

@pytest.mark.parametrize("title,text", [
    ("Gecontracteerd door de gemeente Utrecht",
     "Wij zijn door de gemeente Utrecht gecontracteerd voor huishoudelijke hulp. Daarnaast bieden wij jeugdhulp aan "
     "gezinnen in de wijk."),
    ("Nieuws", "Zorgbureau De Linde is per 2025 gecontracteerd voor de Wmo-begeleiding in de regio. Ons team jeugdhulp "
               "blijft gewoon bereikbaar."),
])
def test_a_provider_contracted_for_another_service_is_not_relevant(read, title, text):
    result = read(text, title=title)
    assert not result["relevant"], result["relevance_rule"]


def test_a_provider_contracted_for_youth_care_stays_relevant(read):
    for text in ("Wij zijn door de regio gecontracteerd voor jeugdhulp. Vanaf 1 januari bieden wij ambulante begeleiding.",
                 "Wij zijn door de gemeente Utrecht gecontracteerd voor huishoudelijke hulp en voor jeugdhulp."):
        result = read(text, title="Nieuws")
        assert result["relevant"], (text, result["relevance_rule"])


# --- a bridging contract or an extension in place of a tender is a procurement decision ---

@pytest.mark.parametrize("title,text", [
    ("Nieuws", "De gemeente sluit een overbruggingscontract met de jeugdzorgaanbieders. Zo blijft de zorg in 2025 "
               "gewaarborgd."),
    ("Nieuws", "De jeugdhulpaanbieders in de regio hebben een overbruggingscontract gekregen voor 2025."),
    ("Overbruggingsjaar", "De regio kiest voor een overbruggingsjaar: de huidige contracten voor jeugdzorg lopen een jaar "
                          "langer door."),
    ("Nieuws", "Het contract met de aanbieders van specialistische jeugdhulp loopt een half jaar langer door."),
])
def test_a_bridging_contract_or_an_extension_of_youth_care_is_relevant(read, title, text):
    result = read(text, title=title)
    assert result["relevant"], result["relevance_rule"]


def test_an_extension_read_as_the_outcome_only_of_a_contract():
    assert told_rounds("De huidige contracten voor jeugdzorg lopen een jaar langer door.")
    # the care runs longer, not a contract: no step of a round
    assert not told_rounds("De wachttijden in de jeugdzorg lopen een jaar langer op.")


# --- a particular buyer that has contracted youth care ---

def test_a_buyer_that_has_contracted_youth_care_is_relevant(read):
    result = read("De gemeente Utrecht heeft de jeugdhulp per 2025 gecontracteerd bij vier aanbieders.", title="Nieuws")
    assert result["relevant"], result["relevance_rule"]


def test_the_buyer_purchase_done_reading():
    assert buyer_purchases("Het college heeft de specialistische jeugdzorg opnieuw ingekocht.")
    # the municipalities in general, and a modal, tell no particular purchase
    assert not buyer_purchases("Gemeenten hebben de jeugdzorg sinds 2015 ingekocht.")
    assert not buyer_purchases("De gemeente Ede heeft de jeugdhulp niet kunnen inkopen.")


def test_the_rel2_readings_stay_fast_on_100_kb():
    unit = "de gemeente heeft de jeugd het contract lopen voor een gecontracteerd voor de het "
    for reader in (other_purchase_sentences, told_rounds, buyer_purchases):
        assert linear_time(reader, unit, 110_000) < LINEAR, reader.__name__
