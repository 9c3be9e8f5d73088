"""Specifications of the relevance readings of branch rel5 (issue 11: relevance on sites never seen, round five) -- in
short synthetic pages (SYNTHETIC: written for these tests in common Dutch news and council wording, not taken from a
page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture): the reading is core.
"""
import re
import time

import pytest

from tenderarchive.analysis.relevance import kind_of, other_purchase_sentences, other_service_title
from tenderarchive.analysis.vocabulary import PROCUREMENT_ACT


# --- transport to youth care is transport ---

@pytest.mark.parametrize("text", [
    "Per 1 januari start het Wmo-begeleid/jeugdzorgvervoer. De gemeenten hebben de aanbesteding voor het vervoer gegund "
    "aan Taxi Centraal.",
    "In de regio zijn ook het leerlingenvervoer en jeugdwetvervoer in de aanbesteding opgenomen. De aanbesteding is "
    "gegund aan twee vervoerders.",
])
def test_transport_to_youth_care_bought_is_not_youth_care_procurement(read, text):
    result = read(text, title="Nieuws")
    assert not result["relevant"], result["relevance_rule"]
    assert not any("vervoer" in t for t in result["matched_terms"]), result["matched_terms"]


def test_youth_care_bought_beside_its_transport_stays_relevant(read):
    text = ("De regio heeft de aanbesteding voor specialistische jeugdhulp gegund aan vier aanbieders. Het "
            "jeugdwetvervoer wordt later apart ingekocht.")
    result = read(text, title="Nieuws")
    assert result["relevant"], result["relevance_rule"]


# --- the title says the page's subject: another service ---

@pytest.mark.parametrize("title", [
    "Vertraging en moeizame start voor leerlingenvervoer na aanbesteding",
    "Limburgse gemeenten starten met gemeenschappelijke regeling doelgroepenvervoer",
    "Aanbesteding huishoudelijke hulp afgerond",
])
def test_under_a_title_of_another_service_its_procedure_is_not_youth_cares(read, title):
    text = ("De uitvoering is moeizaam van start gegaan, omdat de aanbesteding veel vertraging opliep. De opdracht is "
            "gegund aan twee partijen. Ouders van kinderen in de jeugdhulp klagen over de wachttijden.")
    result = read(text, title=title)
    assert not result["relevant"], (title, result["relevance_rule"])


@pytest.mark.parametrize("title", [
    "Aanbesteding jeugdhulp afgerond",  # the title names youth care
    "Nieuws",                           # no subject named: the body decides
])
def test_under_a_title_naming_youth_care_or_no_service_the_same_procedure_stays_relevant(read, title):
    text = ("De aanbesteding voor specialistische jeugdhulp is afgerond. De opdracht is gegund aan twee partijen. "
            "Ouders van kinderen in de jeugdhulp krijgen een brief.")
    result = read(text, title=title)
    assert result["relevant"], (title, result["relevance_rule"])


def test_a_sentence_naming_youth_care_under_another_services_title_keeps_its_evidence():
    full = ("Aanbesteding leerlingenvervoer gegund\nDe opdracht is gegund aan Taxi Centraal. De aanbesteding voor "
            "jeugdhulp volgt in mei.")
    other = other_purchase_sentences(full, "Aanbesteding leerlingenvervoer gegund")
    assert "De opdracht is gegund aan Taxi Centraal." in other
    assert not any("jeugdhulp" in s for s in other)
    assert other_service_title("Leerlingenvervoer Bergen definitief naar Connexxion")
    assert not other_service_title("Aanbesteding jeugdhulp en Wmo gegund")
    assert not other_service_title("Aanbesteding afgerond")


# --- a law, a body or a kind of procurement names no procurement, in core ---

@pytest.mark.parametrize("text", [
    "Het systeem van aanbesteding, dat door de samenwerkende gemeenten werd gebruikt, leidde tot tekorten in de "
    "jeugdzorg.",
    "Zorginkooporganisatie RIGG gaat stoppen met het financieren van jeugdhulp via de koepelorganisatie.",
    "De Aanbestedingswet geldt ook voor de jeugdzorg, zegt de wethouder.",
    "De minister schetst een nieuw soort aanbesteding voor de jeugdzorg.",
    "De wethouder wil af van de verplichte aanbesteding van de jeugdbescherming.",
])
def test_a_law_body_or_kind_of_procurement_is_no_procedure_act(read, text):
    result = read(text, title="Nieuws")
    assert not result["relevant"], result["relevance_rule"]


def test_kind_of_reads_the_head_and_the_kind_noun():
    def first(text):
        return kind_of(next(m for p in PROCUREMENT_ACT for m in re.finditer(p, text, re.I)), text)
    assert first("Het systeem van aanbesteding werkt niet.")
    assert first("De Aanbestedingswet geldt.")
    assert first("Een ander soort aanbesteding.") and first("De verplichte aanbesteding van jeugdzorg.")
    assert not first("De aanbesteding van jeugdhulp is gegund.")
    assert not first("Het systeem werkt. De aanbesteding is gegund.")


def test_transport_and_kind_readings_stay_linear_on_long_pages(read):
    # guard: a 100 KB page of transport compounds and kind nouns reads in about four times the time of a quarter of it
    unit = ("Het systeem van aanbesteding voor het jeugdwetvervoer en het leerlingenvervoer werkt niet goed. "
            "Zorginkooporganisatie X gaat stoppen. ")
    def cpu(n):
        t = time.process_time()
        read(unit * n, title="Aanbesteding leerlingenvervoer")
        return time.process_time() - t
    small, big = cpu(len(unit) and 25_000 // len(unit)), cpu(100_000 // len(unit))
    assert big < 8 * max(small, 0.05), (small, big)
