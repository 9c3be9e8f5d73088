"""Specifications of the readings of branch cv36 (issue 11): the contract start said as an opening or a start date, and
the parties named as contracted on signing pages, as Dutch says them, in short synthetic pages (SYNTHETIC: written for
these tests around the wording of corpus24's dev pages, not taken from a page); the dev part's figures before and after
are in the CHANGELOG entry of branch cv36.
"""
import datetime as dt

import pytest

from tenderarchive.analysis import analyse
from tenderarchive.analysis.organisations import find_awardees

from tests.analysis.reading import stage_statuses


def _read(text: str, title: str = "Nieuws over de jeugdhulp", published: dt.date = dt.date(2021, 2, 1)) -> dict:
    return analyse("SYNTHETISCHE TEKST. " + text, title=title, published=published)


def _awardees(text: str) -> list[str]:
    return [a["name"] for a in find_awardees(text)]


# --- the parties named as contracted on a signing (organisations.py: signed_with, signed_by, consortium_signed) -------

@pytest.mark.parametrize("text, names", [
    ("De contracten voor de jeugdhulp zijn getekend met Stichting Horizon, Kwadraad en Cardea.",
     ["Stichting Horizon", "Kwadraad", "Cardea"]),
    ("Jeugdformaat, Youz en Horizon hebben het contract voor de specialistische jeugdhulp ondertekend.",
     ["Jeugdformaat", "Youz", "Horizon"]),
    ("Jeugdformaat en Youz tekenden vandaag het contract voor de jeugdhulp met verblijf.", ["Jeugdformaat", "Youz"]),
    ("Op woensdag 3 maart 2021 hebben Leiden, Leiderdorp en Zoeterwoude en het Samenwerkingsverband Cardea, Kwadraad en "
     "MEE het contract voor de toegang jeugdhulp ondertekend.", ["Cardea", "Kwadraad", "MEE"]),
    ("De aanbesteding jeugdhulp is afgerond.\nMet de volgende aanbieders is een overeenkomst gesloten:\n- Youz\n"
     "- Horizon\n- Pluryn\n", ["Youz", "Horizon", "Pluryn"]),
    ("Een consortium van drie zorgaanbieders - Triade/Vitree, 's Heeren Loo en Intermetzo/Pluryn - gaat aan de slag met "
     "de jeugdhulp met verblijf. Het contract is ondertekend door een vertegenwoordiger van het consortium en de "
     "gemeenten.", ["Triade/Vitree", "'s Heeren Loo", "Intermetzo/Pluryn"]),
])
def test_the_parties_a_signing_names_are_awardees(text, names):
    assert _awardees(text) == names


@pytest.mark.parametrize("text", [
    # a signing still to come
    "Jeugdformaat en Youz zullen het contract volgende week ondertekenen.",
    # a letter of intent is no contract
    "Jeugdformaat en Youz hebben een intentieovereenkomst ondertekend.",
    # the municipalities that sign are buyers, not awardees
    "Leiden en Leiderdorp hebben het contract voor de jeugdhulp ondertekend.",
    # a consortium's members where no contract is said to be signed by or awarded to it
    "Een consortium van drie zorgaanbieders - Youz, Horizon en Pluryn - schrijft in op de aanbesteding jeugdhulp.",
])
def test_guard_no_awardee_without_a_signed_contract_with_the_parties(text):
    assert _awardees(text) == []


# --- the contract start told as the delivery starting, the new providers at work, a facility opened (stage.start_told)

PURCHASE = "De zes gemeenten hebben de jeugdhulp met verblijf aanbesteed en het contract is ondertekend. "


@pytest.mark.parametrize("sentence, status", [
    ("De uitvoering start vanaf 1 januari 2022.", "planned"),
    ("Per 1 januari 2022 zijn de nieuwe aanbieders aan de slag.", "planned"),
    ("De nieuwe aanbieders zijn sinds 1 januari 2020 aan de slag.", "done"),
    ("De woonvoorziening voor jongeren in Dordrecht werd in november 2020 geopend.", "done"),
])
def test_a_start_told_in_other_words_after_a_purchase_is_the_contract_start(sentence, status):
    result = _read(PURCHASE + sentence, title="Jeugdhulp met verblijf")
    assert stage_statuses(result).get("contractstart") == status


@pytest.mark.parametrize("text", [
    # a building opened that no purchase is behind
    "De gemeente heeft een nieuwe locatie voor de jeugdhulp. De woonvoorziening voor jongeren werd in november 2020 "
    "geopend door de wethouder.",
    # the start of a tender procedure is no contract start
    "De gemeenten kopen de jeugdhulp in. De aanbesteding start vanaf 1 maart 2022 op TenderNed.",
])
def test_guard_no_contract_start_from_an_opening_without_purchase_or_a_procedure_starting(text):
    assert "contractstart" not in stage_statuses(_read(text, title="Jeugdhulp"))
