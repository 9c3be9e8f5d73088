"""Municipalities named, not places mentioned (issue 11, branch cv39).

The texts are SYNTHETIC Dutch sentences written around the wording of three dev pages of the news corpus
(corpus25: hoekschnieuws.nl 2014, vn.nl, gemeentebelangenhoogeveen.nl) and general Dutch usage: a region named
before the merger that made it a municipality, "Den Haag" as national politics, and a province that shares its
name with a municipality. The gold rules are those of ``tests/fixtures/news/corpus/README.md``.
"""
from __future__ import annotations

import pytest

from tenderarchive.analysis.places import find_municipalities


def _named(text: str, year: int | None = None) -> set[str]:
    found = find_municipalities(text, year=year, published_year=year)
    return {m["name"] for m in found["municipalities"] + found["municipalities_mentioned"]}


# --- (a) a region named before the merger that made it a municipality implies, but does not name --------------

_HOEKSCHE_WAARD_2014 = ("Start bestuurlijke aanbesteding in de Hoeksche Waard\n\n"
                        "Hoeksche Waard – De vijf gemeenten in de Hoeksche Waard trekken bij deze ontwikkelingen "
                        "gezamenlijk op. De colleges van de vijf Hoeksche Waardse gemeenten hebben hiertoe besloten.")


def test_a_region_named_before_its_merger_names_no_municipality():
    assert _named(_HOEKSCHE_WAARD_2014, 2014) == set()


def test_the_former_municipalities_a_region_implies_are_kept_apart_with_their_evidence():
    implied = find_municipalities(_HOEKSCHE_WAARD_2014, year=2014, published_year=2014)["implied_municipalities"]
    assert {m["name"] for m in implied} == {"Binnenmaas", "Cromstrijen", "Korendijk", "Oud-Beijerland", "Strijen"}
    assert {m["matched"] for m in implied} == {"before_merger:Hoeksche Waard"}


def test_former_municipalities_the_text_names_itself_still_count():
    text = ("Aanbesteding Wmo\n\nDe gemeenten Binnenmaas, Cromstrijen en Strijen in de Hoeksche Waard starten "
            "een bestuurlijke aanbesteding.")
    assert {"Binnenmaas", "Cromstrijen", "Strijen"} <= _named(text, 2014)
    assert "Korendijk" not in _named(text, 2014)


def test_the_merged_municipality_counts_once_it_exists():
    assert "Hoeksche Waard" in _named("Inkoop jeugdhulp\n\nDe gemeente Hoeksche Waard koopt jeugdhulp in.", 2020)


# --- (b) "Den Haag" as national politics -------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Almere blijft jeugdzorg bieden\n\nNadat alle ogen op Den Haag gericht waren, verdient nu Almere de aandacht.",
    "Tekorten jeugdzorg\n\nDe gemeente Almere kan de jeugdzorg niet blijven betalen. Den Haag moet over de brug komen.",
    "Tekorten jeugdzorg\n\nDe wethouder van Almere praat in Den Haag met de staatssecretaris over de tekorten.",
    "Tekorten jeugdzorg\n\nAlmere wacht op Den Haag voor de hervorming van de jeugdzorg.",
    "Begroting Almere\n\nDe tekorten liggen aan gebrekkige financiering vanuit Den Haag, zegt de wethouder van Almere.",
    "Almere krijgt geld van het Rijk, goedkoper dan andere gemeenten\nDen Haag schiet Almere te hulp: geld voor de "
    "wachtlijsten in de jeugdzorg.",
])
def test_den_haag_as_national_politics_is_not_the_municipality(text):
    assert _named(text) == {"Almere"}


@pytest.mark.parametrize("text", [
    "Inkoop jeugdhulp\n\nDe gemeente Den Haag vraagt het kabinet om meer geld voor de jeugdhulp.",
    "Inkoop jeugdhulp\n\nDen Haag koopt de jeugdhulp opnieuw in. De aanbesteding in Den Haag start in maart.",
    "Inkoop jeugdhulp\n\nDen Haag gaat de jeugdhulp zelf inkopen, zegt de wethouder.",
])
def test_a_page_about_the_municipality_of_den_haag_keeps_it(text):
    assert "'s-Gravenhage" in _named(text)


# --- (c) a province read as the municipality of the same name ----------------------------------------------------

@pytest.mark.parametrize("text", [
    "Jeugdzorg\n\nDe instellingen die in Groningen en Drenthe de jeugdzorg uitvoeren, zien hun kosten dalen. "
    "Dat vraagt de fractie in Hoogeveen.",
    "Jeugdzorg\n\nAanbieders werken samen in Groningen, Friesland en Drenthe. Dat vraagt de fractie in Hoogeveen.",
    "Jeugdzorg\n\nDe provincies Noord-Holland en Utrecht werken samen. Dat vraagt de fractie in Hoogeveen.",
    "Jeugdzorg\n\nDe wachtlijsten lopen op in Utrecht, Gelderland en Overijssel. Dat vraagt de fractie in Hoogeveen.",
])
def test_a_province_is_not_the_municipality_of_its_name(text):
    assert _named(text) == {"Hoogeveen"}


@pytest.mark.parametrize("text,name", [
    ("Jeugdzorg\n\nDe gemeente Groningen koopt jeugdhulp in, net als Drenthe.", "Groningen"),
    ("Jeugdzorg\n\nDe gemeenten Groningen, Assen en Emmen kopen samen jeugdhulp in.", "Groningen"),
    ("Jeugdzorg\n\nIn Groningen en Assen start de aanbesteding.", "Groningen"),
    ("Jeugdzorg\n\nDe gemeente Utrecht en de provincie Gelderland praten.", "Utrecht"),
])
def test_the_municipality_of_a_provinces_name_keeps_it(text, name):
    assert name in _named(text)


def test_de_provincie_groningen_is_no_municipality():
    text = "Jeugdzorg\n\nDe provincie Groningen en de gemeente Assen praten. In de provincie Groningen groeit de zorg."
    assert _named(text) == {"Assen"}


# --- a local party's name names its municipality (keeps oogtv.nl's Groningen once its province list is the province)

@pytest.mark.parametrize("text,name", [
    ("De fracties van de ChristenUnie, D66 en Stadspartij 100% voor Groningen vragen opheldering. Het gaat om "
     "zorgboerderijen in Groningen, Drenthe en Friesland.", "Groningen"),
    ("De fractie van Leefbaar Utrecht vraagt het college om opheldering.", "Utrecht"),
])
def test_a_local_party_named_after_its_municipality_names_it(text, name):
    found = find_municipalities(text, title="Vragen over de financiering van jeugdhulp")
    assert name in {m["name"] for m in found["municipalities"]}


def test_a_percentage_for_an_ambiguous_name_alone_is_no_party():
    assert "Goes" not in _named("Jeugdzorg\n\nDe zorg is 100% voor Goes bedoeld, zegt de wethouder.")


# --- a municipality's name inside the name of a jeugdregio it is not in ------------------------------------------

def test_utrecht_in_the_name_of_another_region_is_that_region():
    # meerbode.nl (dev page): "vijf gemeenten in Utrecht West (De Ronde Venen, Montfoort, ...)"
    text = ("Nieuwe zorgcontracten\n\nDaarom hebben vijf gemeenten in Utrecht West (De Ronde Venen, Montfoort, "
            "Oudewater, Stichtse Vecht en Woerden) nieuwe contracten. Ook Zuidoost Utrecht koopt in.")
    assert _named(text) == {"De Ronde Venen", "Montfoort", "Oudewater", "Stichtse Vecht", "Woerden"}


@pytest.mark.parametrize("text", [
    "Zorg\n\nDe gemeente Utrecht en Utrecht West praten over de inkoop.",
    "Zorg\n\nDe regio Utrecht Stad koopt in, zegt de wethouder in Utrecht.",
])
def test_the_municipality_itself_or_its_own_region_keeps_it(text):
    assert "Utrecht" in _named(text)
