"""Specifications of the relevance readings of branch cv22 (issue 11), in synthetic sentences written in the style
of the corpus pages; why each change was kept (the dev part held out by site) is in the corpus README's "Round
(branch cv22)".
"""
import datetime as dt

import pytest

from tenderarchive.analysis import analyse


def _read(text: str, title: str) -> dict:
    return analyse("SYNTHETISCHE TEKST. " + text, title=title, published=dt.date(2018, 3, 1))


def _assert_no_procedure(r: dict) -> None:
    assert r["relevant"] is False
    assert r["procedure_terms"] == []


# --- a compound naming a person of the trade or a kind of procurement names no procurement -------------------

@pytest.mark.parametrize("text", [
    "Aanbestedingsjurist Van Dam ziet dat jeugdhulpaanbieders nog steeds worden uitgeknepen.",
    "Volgens haar past het aanbestedingsmodel niet bij de jeugdhulp: gemeenten willen vooral goedkoop inkopen.",
    "Het aanbestedingssysteem maakt de jeugdzorg duur, zegt de branche.",
    "De gekozen aanbestedingsvorm zegt weinig over de kwaliteit van de jeugdhulp.",
    "Over de aanbestedingspraktijken in de jeugdzorg is veel geschreven.",
])
def test_a_person_or_kind_of_procurement_is_no_procedure(text):
    _assert_no_procedure(_read(text, title="Tarievenoorlog in de jeugdhulp"))


def test_the_procedure_itself_beside_such_a_compound_still_counts():
    r = _read("De gemeente Tilburg heeft de aanbesteding van de jeugdhulp in 2018 gegund aan drie aanbieders. "
              "Aanbestedingsjurist Van Dam noemt het aanbestedingsmodel vernieuwend.", title="Aanbesteding jeugdhulp gegund")
    assert r["relevant"] is True
    assert "aanbestedingsjurist" not in r["procedure_terms"]


# --- the field, or procurement as one way of funding, is no particular procurement ---------------------------

@pytest.mark.parametrize("text", [
    "Jeugdzorg Nederland pleit daarom voor subsidie boven aanbesteden in de jeugdbescherming.",
    "Het doel van het programma is een betere jeugdhulp, en de rol die inkoop en aanbesteding hierin spelen.",
    "Gemeenten twijfelen tussen subsidiëren of aanbesteden van de jeugdreclassering.",
])
def test_procurement_paired_with_the_field_or_another_way_of_funding_is_no_procedure(text):
    _assert_no_procedure(_read(text, title="Bekostiging jeugdbescherming"))


@pytest.mark.parametrize("text", [
    "De gemeenten zijn gestart met de inkoop en aanbesteding van de jeugdhulp voor 2019.",
    "Het college kiest voor de inkoop en aanbesteding van de specialistische jeugdhulp via de regio.",
])
def test_a_determined_procurement_paired_with_its_purchase_still_counts(text):
    r = _read(text, title="Jeugdhulp")
    assert r["relevant"] is True
    assert "aanbesteding" in r["procedure_terms"]


# --- "in te kopen" is the verb inkopen, split as Dutch splits it ----------------------------------------------

def test_a_failed_purchase_told_with_the_split_verb_is_a_youth_care_procurement():
    r = _read("Het was de bedoeling om jeugdbescherming en jeugdreclassering bovenregionaal in te kopen. Maar dat "
              "mislukte omdat de aanbieders en de gemeenten niet tot elkaar konden komen.",
              title="Gemeenten regelen jeugdzorg voorlopig zelf")
    assert r["relevant"] is True
    assert "in te kopen" in r["matched_terms"]
    assert r["primary_stage"] == "mislukt"


def test_the_split_verb_without_a_reported_step_is_no_procurement():
    r = _read("De wethouder wil volgend jaar bekijken of het zin heeft jeugdhulp samen met de buurgemeenten in te kopen.",
              title="Jeugdhulp in de regio")
    assert r["relevant"] is False


# --- the municipality's jeugdteam is youth care (the Jeugdwet's local access and help) ------------------------

def test_a_tender_for_the_jeugdteam_is_a_youth_care_procurement():
    r = _read("De gemeente heeft de opties voor het Jeugdteam afgewogen: zelf uitvoeren of aanbesteden. Het college "
              "kiest ervoor de aanbesteding van het jeugdteam voor te bereiden.",
              title="Gemeente zet volgende stap in de doorontwikkeling van het Jeugdteam")
    assert r["relevant"] is True
    assert "jeugdteam" in r["matched_terms"]


def test_the_jeugdteam_without_a_procurement_is_no_procurement():
    r = _read("Het Jeugdteam heeft dit jaar meer gezinnen geholpen dan vorig jaar.", title="Jaarverslag Jeugdteam")
    assert r["relevant"] is False
