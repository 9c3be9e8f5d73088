"""Organisations on pages never seen, round thirty-seven (issue 11, branch orgs37): regions and names as unseen pages
write them, and mentions a careful reader would not list.

- A jeugdregio named by a one-word short name or abbreviation from the project's region list
  (``tenderarchive/data/jeugdregios.csv``: "H10", "IJmond") is a buying body where the page writes it as the
  region's abbreviation after its name ("de regio Haaglanden (H10)") or as one of a list of regions ("vier
  samenwerkende jeugdhulpregio's (Alkmaar e.o., IJmond, Kop van Noord-Holland en Zuid-Kennemerland)"); an item
  "X e.o." (en omstreken) of such a list is a region too, kept as written. A one-word name elsewhere ("de kinderen
  van Rijnmond", "in Twente") stays a place.
- "de regiogemeenten A, B en C" names municipalities of regions, not the regions as bodies.
- The municipality of an office holder is no buyer where the office holder only gives an opinion or is told
  something ("Ook de wethouder van Enschede pleit voor ...", "De gemeenteraad van Enkhuizen is niet op de hoogte
  gebracht"): the corpus README's rule 1 (a council only asking questions is none).

The phrasings are real-style Dutch ones seen on pages (a few words each).
"""

import pytest

from tests.speed import LINEAR, linear_time
from tests.analysis.conftest import organisation_roles as _orgs

_DONE = "De aanbesteding voor de jeugdhulp is afgerond. "


# --- one-word region names from the region list ------------------------------------------------------------------------

def test_a_regions_abbreviation_after_its_name_is_the_buyer(read):
    orgs = _orgs(read(_DONE + "Tien gemeenten in de regio Haaglanden (H10) hebben gesprekken gevoerd met de "
                              "jeugdhulpaanbieders die een kort geding hadden aangespannen over de tarieven."))
    assert orgs.get("H10") == "buyer", orgs


def test_one_word_regions_in_a_list_of_regions_are_buyers(read):
    orgs = _orgs(read("De bovenregionale inkoop voor jeugdbescherming van vier samenwerkende jeugdhulpregio\u2019s "
                      "(Alkmaar e.o., IJmond, Kop van Noord-Holland en Zuid-Kennemerland) heeft tot een positief "
                      "resultaat geleid."))
    assert all(orgs.get(n) == "buyer" for n in ("IJmond", "Alkmaar e.o.", "Kop van Noord-Holland",
                                                 "Zuid-Kennemerland")), orgs


@pytest.mark.parametrize("text", [
    _DONE + "Het gaat om de hulp aan de kinderen van Rijnmond en van Twente.",
    _DONE + "Veel jongeren in de IJmond wachten op hulp.",
    "Samen met Pluryn werken de gemeenten in de regio's Twente, IJmond en Achterhoek aan betere jeugdhulp.",
])
def test_a_one_word_region_named_as_a_place_is_no_buyer(read, text):
    orgs = _orgs(read(text))
    assert not {"Rijnmond", "Twente", "IJmond", "Achterhoek"} & set(orgs), orgs


def test_the_regiogemeenten_of_regions_are_no_regional_bodies(read):
    orgs = _orgs(read("Op vrijdag hebben circa 40 aanbieders van zorg contracten met de regiogemeenten IJmond, "
                      "Zuid-Kennemerland en Haarlemmermeer ondertekend."))
    assert not {"IJmond", "Zuid-Kennemerland"} & set(orgs), orgs


def test_reading_region_lists_is_linear(read):
    assert linear_time(read, "de jeugdhulpregio's (IJmond, Alkmaar e.o. en Rijnmond) kopen in; regio Haaglanden (H10) ",
                       100_000) < LINEAR


# --- an office holder only giving an opinion or being told something names no buyer (rule 1) ---------------------------

@pytest.mark.parametrize("text, name", [
    ("In andere jeugdregio's is dat bewust niet gedaan. Ook de wethouder van Enschede pleit in de krant voor een "
     "subsidierelatie met de gecertificeerde instellingen.", "gemeente Enschede"),
    ("Zes regio's in Noord-Holland werken samen. De gemeenteraad van Enkhuizen is niet op de hoogte gebracht van deze "
     "gezamenlijke aanbesteding.", "gemeente Enkhuizen"),
])
def test_an_office_holder_giving_an_opinion_or_told_names_no_buyer(read, text, name):
    orgs = _orgs(read(_DONE + text))
    assert name not in orgs, orgs


@pytest.mark.parametrize("text, name", [
    ("Het college van B&W De Bilt heeft een nieuwe koers voor het inkoopbeleid Jeugd voorgesteld.", "gemeente De Bilt"),
    ("Wethouder Johan Coes van Hellendoorn heeft de contracten met de aanbieders getekend.", "gemeente Hellendoorn"),
])
def test_an_office_holder_acting_still_names_the_buyer(read, text, name):
    orgs = _orgs(read(_DONE + text))
    assert orgs.get(name) == "buyer", orgs


# --- a long municipality name misspelt by one letter (places) ------------------------------------------------------------

def _munis(result):
    return {m["name"] for m in result["municipalities"]}


@pytest.mark.parametrize("text", [
    "Ook Alphen aan de Rijn en Kaag en Braassem schaarden zich achter het plan voor de inkoop van jeugdhulp.",
    "De gemeenten Alphen aan den Rijn en Kaag en Braasem kopen de jeugdhulp samen in.",
])
def test_a_long_municipality_name_one_letter_off_is_read(read, text):
    assert {"Alphen aan den Rijn", "Kaag en Braassem"} <= _munis(read(_DONE + text))


@pytest.mark.parametrize("text, name", [
    # two letters off: not read (the surer reading; the README says why)
    ("De gemeenten Alphen aan de Rhijn en Leiden kopen de jeugdhulp samen in.", "Alphen aan den Rijn"),
    # a short name one letter off is another word or place
    ("De gemeenten Edo en Leiden kopen de jeugdhulp samen in.", "Ede"),
    # the first word written otherwise
    ("De gemeenten Alfen aan den Rijn en Leiden kopen de jeugdhulp samen in.", "Alphen aan den Rijn"),
])
def test_a_name_further_off_or_short_is_not_read(read, text, name):
    assert name not in _munis(read(_DONE + text))


def test_reading_variant_spellings_is_linear(read):
    assert linear_time(read, "Alphen aan de Rijn, Bergen op Zoom en Capelle koopt in. ", 100_000) < LINEAR


# --- a wethouder asked questions names no buyer of the one municipality a page names (rule 1) ----------------------------

def test_a_wethouder_asked_questions_names_no_buyer(read):
    orgs = _orgs(read("SP stelt vragen over jeugdzorg. Eerder heeft de fractie van de SP in Enkhuizen mondelinge vragen "
                      "gesteld aan wethouder Luyckx over de aanbesteding van de jeugdzorg voor 2019."))
    assert "gemeente Enkhuizen" not in orgs, orgs


def test_a_wethouder_contracting_still_names_the_one_municipality(read):
    orgs = _orgs(read("Jeugdhulp in Enkhuizen. Wethouder Luyckx heeft de aanbesteding van de jeugdzorg gegund aan "
                      "Stichting Pluryn."))
    assert orgs.get("gemeente Enkhuizen") == "buyer", orgs


def test_a_sentence_on_every_party_names_no_buyer(read):
    orgs = _orgs(read("GRONINGEN De jeugdzorg in Groningen wacht een warme zomer. Het systeem is nu zo dat iedere "
                      "hulpverlener die aan de voorwaarden voldoet een contract krijgt met de gemeente."))
    assert "gemeente Groningen" not in orgs, orgs
