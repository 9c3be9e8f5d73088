"""Organisations on pages never seen, round thirty-eight (issue 11, branch orgs38): emit less and surer.

- An appeal names the lower court whose judgment it reviews ("in het hoger beroep van het door de
  voorzieningenrechter van de rechtbank Zeeland-West-Brabant gewezen vonnis", "De rechtbank had eerder de vordering
  afgewezen"): where the page names the court of appeal, a rechtbank named only in such a sentence is not the ruling
  court and is no organisation of the page. A rechtbank that rules, or a page with no higher court, keeps it.

- A national body (the VNG, a ministry, the Jeugdautoriteit, an inspectorate, the Raad voor de Kinderbescherming, the
  NJi) or a research bureau named only in passing -- cited, quoted, its report or study, still in deliberation
  ("Volgens de VNG ...", "Uit onderzoek van bureau Berenschot blijkt ...", "omdat de VNG en het Ministerie van
  Veiligheid en Justitie nog in overleg zijn") -- is no buyer and no adviser; it stays one where a sentence ties it to
  this purchase ("heeft advies gevraagd aan de VNG", "Bureau HHM heeft de gemeente geadviseerd").

- A provider's own news: its partners "in samenwerking met" ("In samenwerking met Karakter en Pluryn gaat de stichting
  de hulp vanaf 1 januari 2025 leveren") or listed in a footer ("Onze partners: ...") are no awardees; the provider
  itself is one only where the text says it won or was contracted.

The phrasings are real-style Dutch ones seen on pages (a few words each).
"""

import pytest

from tests.speed import LINEAR, linear_time
from tests.analysis.conftest import organisation_roles as _orgs


# --- the lower court named in an appeal is not the ruling court (item 2 of round 37's list) ----------------------------

@pytest.mark.parametrize("text", [
    "Gerechtshof 's-Hertogenbosch\n\nArrest van 10 april 2018 in de zaak van de aanbesteding van de jeugdhulp, als "
    "vervolg op het tussenarrest in het hoger beroep van het door de voorzieningenrechter van de rechtbank "
    "Zeeland-West-Brabant, zittingsplaats Breda in kort geding gewezen vonnis van 13 november 2017.",
    "Het Gerechtshof Arnhem-Leeuwarden heeft de aanbesteding van de jeugdhulp door de gemeente Zwolle goedgekeurd. "
    "De rechtbank Overijssel had eerder de vordering van de zorgaanbieders afgewezen.",
])
def test_the_lower_court_named_in_an_appeal_is_not_the_ruling_court(read, text):
    orgs = _orgs(read(text))
    assert any(o.startswith("Gerechtshof") and r == "court" for o, r in orgs.items()), orgs
    assert not any(o.lower().startswith("rechtbank") for o in orgs), orgs


@pytest.mark.parametrize("text, court", [
    # no court of appeal named: the rechtbank is the court of the page
    ("De rechtbank Overijssel had de vordering van de zorgaanbieders tegen de aanbesteding van de jeugdhulp door de "
     "gemeente Zwolle eerder al afgewezen.", "rechtbank Overijssel"),
    # both named, the rechtbank ruling in a sentence of its own
    ("Het Gerechtshof Den Haag heeft het vonnis over de aanbesteding van de jeugdhulp bekrachtigd. De rechtbank Den Haag "
     "oordeelt in een nieuwe zaak dat de gemeente Leiden de opdracht opnieuw moet aanbesteden.", "rechtbank Den Haag"),
])
def test_a_rechtbank_that_rules_is_still_the_court(read, text, court):
    assert _orgs(read(text)).get(court) == "court"


def test_reading_lower_courts_is_linear(read):
    assert linear_time(read, "Het Gerechtshof Den Haag oordeelt. De rechtbank Den Haag had eerder het vonnis gewezen. ",
                       100_000) < LINEAR


def test_a_rechtbanks_own_ruling_citing_a_higher_court_keeps_it(read):
    text = ("Rechtbank Gelderland\n\nVonnis in kort geding van 3 maart 2023 over de aanbesteding van de jeugdhulp door de "
            "gemeente Arnhem. De voorzieningenrechter van de rechtbank Gelderland had de zaak eerder aangehouden, gelet op "
            "de uitspraak van het Gerechtshof Arnhem-Leeuwarden van 1 februari 2022.")
    assert _orgs(read(text)).get("Rechtbank Gelderland") == "court"


# --- a national body or a research bureau named in passing is no party (item 1 of round 37's list) -----------------------

_DONE = "De gemeente Zwolle heeft de aanbesteding voor de jeugdhulp afgerond. "


@pytest.mark.parametrize("text, name", [
    ("Volgens de VNG moeten gemeenten de tarieven beter onderbouwen.", "VNG"),
    ("De VNG adviseert gemeenten om langere contracten te sluiten.", "VNG"),
    ("De Jeugdautoriteit waarschuwt dat aanbieders in financiële problemen komen.", "Jeugdautoriteit"),
    ("Het ministerie van VWS stelt dat de Hervormingsagenda de regio's meer ruimte geeft.", "ministerie van VWS"),
    ("Volgens het Nederlands Jeugdinstituut (NJi) is de inkoop van jeugdhulp te ingewikkeld.", "Nederlands Jeugdinstituut"),
    ("Uit onderzoek van bureau Berenschot blijkt dat gemeenten te veel aanbieders contracteren.", "Berenschot"),
    ("Adviesbureau Andersson Elffers Felix (AEF) concludeert in een rapport dat de tarieven te laag zijn.",
     "Adviesbureau Andersson Elffers Felix"),
    ("In andere jeugdregio's is dat bewust niet gedaan omdat de VNG en Ministerie van Veiligheid en Justitie nog in "
     "overleg zijn of de gecertificeerde instellingen wel aanbesteed moeten worden.", "VNG"),
    ("De Raad voor de Kinderbescherming adviseert de rechtbank welke gecertificeerde instelling de maatregel moet "
     "uitvoeren.", "Raad voor de Kinderbescherming"),
])
def test_a_national_body_or_bureau_named_in_passing_is_no_party(read, text, name):
    orgs = _orgs(read(_DONE + text))
    assert name not in orgs, orgs
    assert orgs.get("gemeente Zwolle") == "buyer", orgs


@pytest.mark.parametrize("text, name", [
    ("De gemeente heeft bij de aanbesteding advies gevraagd aan de VNG.", "VNG"),
    # a body doing the research itself acts (branch orgs17, orgs9)
    ("Het Nederlands Jeugdinstituut (NJi) deed onderzoek naar de inkoop van jeugdhulp.", "Nederlands Jeugdinstituut"),
    ("Bureau HHM heeft de gemeente geadviseerd over de aanbesteding.", "Bureau HHM"),
])
def test_a_body_tied_to_the_purchase_is_still_read(read, text, name):
    assert _orgs(read(_DONE + text)).get(name) == "adviser"


def test_reading_cited_bodies_is_linear(read):
    assert linear_time(read, "Volgens de VNG en het ministerie van VWS blijkt uit onderzoek van bureau Berenschot dat. ",
                       100_000) < LINEAR


# --- a provider's partners are no awardees (item 3 of round 37's list) --------------------------------------------------

@pytest.mark.parametrize("text", [
    "Stichting Jeugdzorg Oost heeft de aanbesteding voor de jeugdhulp in de regio Twente gewonnen. In samenwerking met "
    "Karakter en Pluryn gaat de stichting de hulp vanaf 1 januari 2025 leveren.",
    "Stichting Jeugdzorg Oost start vanaf 1 januari 2025 met de ambulante jeugdhulp in Enschede, in samenwerking met "
    "Karakter en Pluryn.",
    "Stichting Jeugdzorg Oost biedt jeugdhulp in Twente. De aanbesteding loopt nog.\nOnze partners: Karakter, Pluryn en "
    "Ambiq.",
])
def test_a_providers_partners_are_no_awardees(read, text):
    result = read(text)
    assert not {"Karakter", "Pluryn", "Ambiq"} & set(result["awardees"]), result["awardees"]
    orgs = _orgs(result)
    assert not any(orgs.get(n) == "awardee" for n in ("Karakter", "Pluryn", "Ambiq")), orgs


def test_a_provider_not_said_to_win_is_no_awardee(read):
    result = read("Stichting Jeugdzorg Oost start vanaf 1 januari 2025 met de ambulante jeugdhulp in Enschede.")
    assert result["awardees"] == [], result["awardees"]


def test_a_partner_said_to_win_in_a_sentence_of_its_own_is_an_awardee(read):
    result = read("In samenwerking met Karakter biedt Stichting Jeugdzorg Oost de hulp. De gemeente Enschede heeft de "
                  "jeugdhulp gegund aan Karakter.")
    assert "Karakter" in result["awardees"], result["awardees"]


def test_reading_partners_is_linear(read):
    assert linear_time(read, "In samenwerking met Karakter en Pluryn gaat de stichting de hulp vanaf 1 januari 2025 "
                             "leveren. ", 100_000) < LINEAR
