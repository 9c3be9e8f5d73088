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
