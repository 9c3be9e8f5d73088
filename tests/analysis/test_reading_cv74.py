"""Specifications of the readings of branch cv74 (issue 11): each stage of stages.md told in the words a municipal page
uses beside the fixed cues, a draft of the tender documents, a party involved in a step to come -- in short synthetic
pages (SYNTHETIC: written for these tests in plain news Dutch, not taken from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture).
"""
import datetime as dt
import re

import pytest

from tests.analysis.reading import stage_statuses
from tests.speed import LINEAR, linear_time

PUBLISHED = dt.date(2024, 3, 4)


@pytest.mark.parametrize("text, primary", [
    # the award told with "verstrekt/toegekend/toegewezen aan" a party, the procedure its subject
    ("De opdracht voor de jeugdhulp is verstrekt aan Stichting Kompas.", "definitieve_gunning"),
    ("De opdracht voor de jeugdhulp is toegekend aan Stichting Kompas.", "definitieve_gunning"),
    ("Het contract voor de ambulante jeugdhulp is toegewezen aan Stichting Kompas.", "definitieve_gunning"),
    # the tender's documents the subject of the publication; the tender put on the market
    ("De aanbestedingsstukken voor de jeugdhulp zijn gepubliceerd.", "aankondiging"),
    ("De gemeente heeft de opdracht voor jeugdhulp op de markt gezet.", "aankondiging"),
    # questions submitted in the tender; candidates admitted to the next phase
    ("Aanbieders konden tot 1 februari vragen indienen over de aanbesteding jeugdhulp.", "inlichtingen"),
    ("Vijf partijen zijn toegelaten tot de volgende fase van de aanbesteding jeugdhulp.", "selectie"),
    # a bid brought out
    ("Aanbieders kunnen tot 1 april een bod uitbrengen op de aanbesteding jeugdhulp.", "inschrijving"),
    # an objection lodged by a rejected party: "afgewezen" before the objection settles nothing
    ("Een afgewezen aanbieder heeft bezwaar aangetekend tegen de gunning van de jeugdhulp.", "bezwaar"),
    # the agreements concluded with the providers, words between the noun and its verb
    ("De raamovereenkomsten voor de jeugdhulp zijn afgesloten met twaalf aanbieders.", "contract_ondertekend"),
    # the contracts continued or running on longer: an extension
    ("De contracten voor de jeugdhulp zijn met een jaar gecontinueerd.", "verlenging"),
    ("De bestaande overeenkomsten voor de jeugdhulp lopen een jaar langer door.", "verlenging"),
    # the procedure ended
    ("De gemeente heeft de aanbesteding voor de jeugdhulp beëindigd zonder gunning.", "mislukt"),
])
def test_each_stage_in_a_municipal_wording(read, text, primary):
    assert read(text, published=PUBLISHED)["primary_stage"] == primary


@pytest.mark.parametrize("text", [
    # guards: a task given to a party to do something is no award; a contract ended is no failed tender
    "De gemeente heeft een opdracht verleend aan een onderzoeksbureau om de jeugdhulp te evalueren.",
    "Het contract met de oude aanbieder voor de jeugdhulp is beëindigd.",
])
def test_no_award_or_failure_in_other_words(read, text):
    st = stage_statuses(read(text, published=PUBLISHED))
    assert "definitieve_gunning" not in st and "mislukt" not in st


@pytest.mark.parametrize("published, status", [(dt.date(2024, 1, 15), "done"), (dt.date(2023, 11, 1), "planned")])
def test_the_new_providers_starting_is_the_contract_start(read, published, status):
    result = read("De nieuwe aanbieders starten op 1 januari 2024 met de jeugdhulp in de regio.", published=published)
    assert stage_statuses(result).get("contractstart") == status


@pytest.mark.parametrize("text", [
    "Hierbij brengen de adviesraden advies uit over het concept van de offerteaanvraag jeugdhulp.",
    "De adviesraad is positief over de concept-offerteaanvraag voor de jeugdhulp.",
    "De gemeente legt de conceptaanbestedingsleidraad voor de jeugdhulp voor aan de adviesraad.",
])
def test_draft_tender_documents_are_the_preparation(read, text):
    # the documents of the tender in draft: the procedure is being prepared, no tender can be submitted yet
    result = read(text, published=PUBLISHED)
    st = stage_statuses(result)
    assert "inschrijving" not in st
    assert result["primary_stage"] == "voorbereiding"


def test_the_bare_call_to_tender_on_a_draft_page_is_the_draft(read):
    # the page is about the draft: "de offerteaanvraag" named without "concept" is that draft, no tender is open
    result = read("Onderwerp: advies over de offerteaanvraag jeugdhulp. De adviesraad brengt advies uit over het concept "
                  "van de offerteaanvraag jeugdhulp.", published=PUBLISHED)
    st = stage_statuses(result)
    assert "inschrijving" not in st and "aankondiging" not in st
    assert result["primary_stage"] == "voorbereiding"


def test_the_call_to_tender_itself_stays_the_enrolment(read):
    # guard: the call to tender ("de offerteaanvraag") without "concept" is still read by stage.tender_open
    result = read("Zorgaanbieders kunnen tot 1 april reageren op de offerteaanvraag voor de jeugdhulp.",
                  published=PUBLISHED)
    assert "voorbereiding" not in stage_statuses(result) or result["primary_stage"] != "voorbereiding"


@pytest.mark.parametrize("text, stage", [
    ("Aanbieders worden betrokken bij de beoordeling van de inschrijvingen voor de jeugdhulp.", "beoordeling"),
    ("Bij de aanbesteding jeugdhulp worden de directies van beide scholen betrokken bij de beoordeling van de "
     "inschrijvingen.", "beoordeling"),
    ("Jongeren zullen worden betrokken bij de marktconsultatie over de jeugdhulp.", "marktconsultatie"),
    # a hard-wrapped line: the auxiliary on the line before, the line read as a sentence of its own
    ("Bij de aanbesteding jeugdhulp worden de directies van beide scholen\nbetrokken bij de beoordeling van de "
     "inschrijvingen.", "beoordeling"),
])
def test_a_party_involved_in_a_step_describes_the_design(read, text, stage):
    assert stage_statuses(read(text, published=PUBLISHED)).get(stage) == "planned"


def test_a_party_involved_in_a_step_behind_is_done(read):
    # guard: the perfect tells the step behind
    st = stage_statuses(read("Aanbieders zijn in januari betrokken geweest bij de beoordeling van de inschrijvingen "
                             "voor de jeugdhulp.", published=PUBLISHED))
    assert st.get("beoordeling") != "planned"


def test_new_patterns_read_in_linear_time():
    from tenderarchive.analysis import stages, vocabulary
    rx = [re.compile(p, re.I) for s, p in vocabulary.VERB_OBJECT_CUES + vocabulary.STAGE_CUES
          if s.split(":")[0] in ("definitieve_gunning", "mislukt", "aankondiging", "inschrijving", "voorbereiding",
                                 "verlenging", "contractstart", "contract_ondertekend")]
    for unit in ("de opdracht voor de jeugdhulp is ", "de nieuwe aanbieders starten ", "concept van de ",
                 "contracten voor de jeugdhulp lopen ", "raamovereenkomsten voor de "):
        assert linear_time(lambda t: [r.search(t) for r in rx], unit) < LINEAR, unit
    assert linear_time(lambda t: stages._INVOLVED_BEFORE.search(t), "worden aanbieders betrokken ") < LINEAR


@pytest.mark.parametrize("text", [
    "De inschrijving voor de aanbesteding jeugdhulp is gesloten.",
    "De inschrijvingen voor de jeugdhulp zijn inmiddels gesloten.",
])
def test_the_enrolment_closed_is_done(read, text):
    assert stage_statuses(read(text, published=PUBLISHED)).get("inschrijving") == "done"


def test_the_enrolment_closing_ahead_is_not_done(read):
    # guard: the present with a day ahead of the page is the enrolment still open
    st = stage_statuses(read("De inschrijving voor de jeugdhulp sluit op 1 april.", published=PUBLISHED))
    assert st.get("inschrijving") == "current"
