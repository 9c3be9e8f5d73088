"""Specifications of the readings of branch cv43 (issue 11): relevance on pages of sites never seen -- the other ways a
municipality buys youth care are procurements too, a provider's news of a contract won is an award, and a job advert
for a buyer of youth care is a vacancy -- in short synthetic pages (SYNTHETIC: written for these tests around the
wording of dev pages and of common Dutch job adverts, not taken from a page); the dev figures before and after are in
the corpus README's "Round (branch cv43)" and the CHANGELOG.

The procedures named are read with every named rule switched off as well (what a procurement is, is core); the job
advert is rule ``rel.vacancy``, read with the rules on.
"""
import re

import pytest

from tenderarchive.analysis.vocabulary import PROCUREMENT_ACT, VACANCY
from tests.analysis.reading import read_synthetic
from tests.speed import LINEAR, linear_time


# --- an open house held, a dynamic purchasing system, a subsidy tender, a dated contracting round ---

@pytest.mark.parametrize("title,text", [
    # westerkwartier.nl's wording
    ("Nieuwe inkoop", "De Wmo ondersteuning en de lichte Jeugdhulpproducten worden ingekocht via een gesloten Open "
                      "House procedure."),
    ("Verlenging overeenkomsten", "In het kader van een open house procedure zijn overeenkomsten met aanbieders van "
                                  "jeugdhulp afgesloten."),
    # zorginregiowestfriesland.nl's title
    ("Start Open House Overbruggingsaanbod 2024", "Omdat eind 2023 de huidige contracten voor specialistische "
                                                  "jeugdhulp aflopen, biedt de regio een overbruggingsaanbod."),
    ("Jeugd- en gezinsteams", "Het college heeft besloten de opdracht voor de jeugd- en gezinsteams via een "
                              "subsidietender te verlenen."),
    ("Dynamisch aankoopsysteem", "De gemeente Amsterdam koopt de jeugdhulp via een dynamisch aankoopsysteem. "
                                 "Aanbieders kunnen zich doorlopend aanmelden."),
    # a council newsletter's title (nieuwsbrief-raadbergen-nh.nl)
    ("Contractering JeugdzorgPlus NHN 2023-2030", "De regio sluit met de aanbieders overeenkomsten voor de gesloten "
                                                  "jeugdhulp."),
])
def test_a_named_way_of_buying_youth_care_is_a_procurement(read, title, text):
    result = read(text, title=title)
    assert result["relevant"] and result["relevance_rule"] == "youth_term+procedure"


def test_a_providers_news_of_a_contract_won_is_a_procurement(read):
    result = read("Onze organisatie heeft van de Jeugdregio Rivierenland een nieuw contract gekregen voor ambulante "
                  "jeugdhulp.", title="Nieuws")
    assert result["relevant"]


@pytest.mark.parametrize("text", [
    # the kind of procurement, not one held (aanbestedingscafe.nl, binnenlandsbestuur.nl)
    "Doordat Hugo het heeft over een beperkt aantal is een open house contractuele regeling voor de jeugdzorg geen "
    "optie voor hem.",
    "Maar liefst 95 procent van de contracten voor jeugdhulp viel onder de categorie open house.",
    "Het open house model voor jeugdhulp heeft voor- en nadelen.",
    # no contract won
    "Jeugdzorgorganisatie Intervence heeft geen nieuw contract gekregen en moet stoppen.",
])
def test_the_kind_of_procurement_or_no_contract_is_no_procurement(read, text):
    assert not read(text, title="Nieuws")["relevant"]


# --- a job advert for a buyer or contract manager of youth care ---

@pytest.mark.parametrize("title,text", [
    ("Inkoper Jeugdhulp 32-36 uur",
     "Als inkoper jeugdhulp ben je verantwoordelijk voor de aanbesteding en contractering van jeugdhulp in de regio. "
     "Dit ga je doen. Dit breng je mee: een afgeronde hbo-opleiding en ervaring met aanbesteden."),
    ("Contractmanager Jeugd", "Wie zoeken wij? Een contractmanager jeugd die de gecontracteerde aanbieders jeugdhulp "
                              "begeleidt. Wat bieden wij? Een jaarcontract voor 32 uur, schaal 11."),
    ("Opdracht: Adviseur inkoop Sociaal Domein (Jeugd)",
     "Opdrachtgever: Gemeente Utrecht. Startdatum: 1 maart 2024. Uren: 24 per week. Voor de aanbesteding van "
     "jeugdhulp zoekt de gemeente een ervaren adviseur."),
    ("Beleidsmedewerker inkoop jeugd", "Je adviseert over de inkoop van jeugdhulp en de aanbesteding 2025. Wij bieden "
                                       "een dienstverband van 36 uur en een salaris passend bij je ervaring."),
])
def test_a_job_advert_for_a_buyer_of_youth_care_is_a_vacancy(title, text):
    result = read_synthetic(text, title=title)
    assert not result["relevant"] and result["relevance_rule"] == "vacancy"


def test_a_procurement_naming_hours_per_week_is_no_vacancy():
    # guard: one advert word in a tender (the hours of care per week a lot asks) is no job advert
    result = read_synthetic("De regio heeft de aanbesteding voor ambulante jeugdhulp gegund aan drie aanbieders. Het "
                            "gaat om gemiddeld 8 uur per week per gezin.", title="Gunning jeugdhulp bekend")
    assert result["relevant"]


def test_the_new_terms_stay_fast_on_a_long_page():
    """The procedure and vacancy terms scan a hostile 100 KB page in linear time (the whole reading of such a page
    is dominated by the older term lists; these alone take milliseconds)."""
    unit = ("open house via een de open house-procedure contractering jeugd 2024 geen nieuw contract gekregen 32-36 uur "
            "schaal 9 dit bieden wij jeugdhulp aanbesteding contract ")

    def scan(text):
        for pattern in PROCUREMENT_ACT + VACANCY:
            for _ in re.finditer(pattern, text, re.I):
                pass
    assert linear_time(scan, unit) < LINEAR
