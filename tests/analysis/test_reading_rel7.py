"""Specifications of the relevance readings of branch rel7 (issue 11: relevance on sites never seen, round seven) -- in
short synthetic pages (SYNTHETIC: written for these tests in common Dutch news and council wording, not taken from a
page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture): the reading is core.
"""
import pytest

from tenderarchive.analysis.relevance import other_purchase_sentences
from tests.speed import LINEAR, linear_time


# --- "maatschappelijke ondersteuning", the Wmo's own name for its service, is another service than youth care ---

def test_a_tender_for_maatschappelijke_ondersteuning_that_names_youth_care_in_passing_is_not_relevant(read):
    text = ("Omdat het contract afloopt, start de gemeente een subsidietender. Organisaties kunnen tot 1 september "
            "inschrijven voor een contract voor de periode 2025-2028.\n"
            "In de stad werken nu drie samenwerkingsverbanden voor de gemeente: een voor de basishulp jeugd, een voor "
            "beschermd wonen en een voor maatschappelijke ondersteuning.\n"
            "Het huidige contract loopt op 31 december af.")
    result = read(text, title="Nieuw contract maatschappelijke ondersteuning")
    assert not result["relevant"], result["relevance_rule"]


def test_a_youth_care_tender_beside_maatschappelijke_ondersteuning_stays_relevant(read):
    text = ("De gemeente is gestart met de aanbesteding van de jeugdhulp en de maatschappelijke ondersteuning. "
            "Aanbieders kunnen tot 1 september inschrijven.")
    result = read(text, title="Aanbesteding jeugdhulp en maatschappelijke ondersteuning")
    assert result["relevant"], result["relevance_rule"]


def test_the_procurement_of_maatschappelijke_ondersteuning_is_another_service():
    full = "De aanbesteding voor de maatschappelijke ondersteuning is gegund. De opdracht start op 1 januari."
    assert other_purchase_sentences(full) == {"De aanbesteding voor de maatschappelijke ondersteuning is gegund.",
                                              "De opdracht start op 1 januari."}


def test_other_purchase_sentences_stays_linear_with_the_service():
    unit = "maatschappelijke ondersteuning aanbesteding "
    assert linear_time(other_purchase_sentences, unit, 110_000) < LINEAR


# --- a title that is a regulation's name is a regulation, not news of a procurement ---

@pytest.mark.parametrize("title", [
    "Nadere regels subsidie pilot aanvullende jeugdhulp gemeente Oosterdam 2026",
    "Verordening jeugdhulp gemeente Oosterdam 2025",
    "Wijziging van de Beleidsregels jeugdhulp Oosterdam",
])
def test_a_regulation_that_defines_the_open_house_contract_is_not_relevant(read, title):
    text = ("Het college van burgemeester en wethouders van de gemeente Oosterdam; gelet op artikel 3 van de Algemene "
            "subsidieverordening; besluit vast te stellen de volgende regels.\n"
            "Artikel 1. Begripsomschrijvingen. Aanvullende hulp: individuele jeugdhulp, niet vallend binnen de huidige "
            "Open House-overeenkomst. Jeugdhulpaanbieder: de rechtspersoon die jeugdhulp verleent. RIJO: Regionale "
            "Inkooporganisatie Jeugdhulp Oosterdam.")
    result = read(text, title=title)
    assert not result["relevant"], result["relevance_rule"]
    assert result["relevance_rule"] == "regulation_title"


def test_a_news_title_that_mentions_a_verordening_is_read_as_news(read):
    # the title does not open with the regulation's name: a council decision about a tender, relevant
    text = ("De gemeenteraad van Oosterdam is akkoord. De gemeente is gestart met de aanbesteding van de "
            "specialistische jeugdhulp; aanbieders kunnen tot 1 juni inschrijven.")
    result = read(text, title="Raad akkoord met nieuwe verordening en aanbesteding jeugdhulp")
    assert result["relevant"], result["relevance_rule"]


def test_a_regulation_title_over_a_named_youth_care_tender_stays_relevant(read):
    text = ("De aanbesteding voor de specialistische jeugdhulp is op 1 maart 2025 gegund aan vier aanbieders. "
            "Deze regels gelden voor de gegunde aanbieders.")
    result = read(text, title="Beleidsregels na de aanbesteding jeugdhulp 2025")
    assert result["relevant"], result["relevance_rule"]


# --- contracts closed with a counted set of providers: the outcome of a contracting round without a procedure word ---

@pytest.mark.parametrize("text", [
    "De gemeente Oosterdam heeft overeenkomsten gesloten met zes aanbieders van jeugdhulp voor de periode 2025-2028.",
    "De regio heeft met 35 jeugdhulpaanbieders een nieuw contract getekend. Het contract loopt vier jaar.",
    "Voor de specialistische jeugdhulp zijn contracten gesloten met twaalf zorgaanbieders.",
])
def test_contracts_closed_with_a_counted_set_of_youth_care_providers_is_relevant(read, text):
    result = read(text, title="Nieuws uit de regio")
    assert result["relevant"], result["relevance_rule"]


@pytest.mark.parametrize("text", [
    # the background: contracts closed, no counted set (a directory of who is contracted)
    "De gemeente heeft contracten afgesloten met jeugdhulpaanbieders. Kijk op de website welke.",
    # a possibility, not a step
    "Gemeenten kunnen overeenkomsten sluiten met zes aanbieders van jeugdhulp.",
    # another service's providers
    "De gemeente heeft overeenkomsten gesloten met zes aanbieders van huishoudelijke hulp. Ook de jeugdhulp kwam aan bod.",
])
def test_contracts_closed_without_a_counted_set_or_with_another_service_is_no_outcome(read, text):
    result = read(text, title="Nieuws uit de regio")
    assert not result["relevant"], result["relevance_rule"]


def test_told_rounds_stays_linear_on_contracts_closed():
    from tenderarchive.analysis.relevance import told_rounds
    unit = "jeugdhulp heeft met zes aanbieders het contract "
    assert linear_time(told_rounds, unit, 110_000) < LINEAR


# --- an administration bought for youth care is an administrative service, not care ---

@pytest.mark.parametrize("title, text", [
    ("Zorgadministratie jeugdhulp en Wmo",
     "De gemeente heeft een nieuwe zorgadministratie voor jeugdhulp en Wmo aanbesteed. Het systeem is gegund aan "
     "Leverancier Rekenwerk. De raad stelde er vragen over."),
    ("Nieuws uit de raad",
     "Het college heeft de software voor de jeugdhulp ingekocht bij Leverancier Rekenwerk."),
])
def test_an_administration_or_its_software_bought_for_youth_care_is_not_relevant(read, title, text):
    result = read(text, title=title)
    assert not result["relevant"], result["relevance_rule"]


@pytest.mark.parametrize("text", [
    "De gemeente heeft de aanbesteding van de jeugdhulp gegund aan vier aanbieders. De zorgadministratie blijft bij "
    "de gemeente.",
    # the youth-care system is youth care
    "De regio is gestart met de aanbesteding van de jeugdhulp, omdat het systeem van de jeugdzorg anders moet.",
])
def test_youth_care_bought_beside_an_administration_stays_relevant(read, text):
    result = read(text, title="Nieuws uit de raad")
    assert result["relevant"], result["relevance_rule"]


def test_the_administration_reading_stays_linear():
    from tenderarchive.analysis.relevance import _as_administration
    assert linear_time(_as_administration, "zorgadministratie voor de jeugdhulp ", 110_000) < LINEAR
    assert linear_time(_as_administration, "administratie" * 3 + "x", 110_000) < LINEAR
