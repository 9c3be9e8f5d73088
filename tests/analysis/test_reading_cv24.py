"""Specifications of the readings of branch cv24 (issue 11), in synthetic sentences written in the style of the
corpus pages; why each change was kept (the dev part held out by site) is in the corpus README's "Round (branch
cv24)".
"""
import datetime as dt

import pytest

from tenderarchive.analysis import analyse
from tenderarchive.analysis.organisations import find_awardees


def _read(text: str, title: str) -> dict:
    return analyse("SYNTHETISCHE TEKST. " + text, title=title, published=dt.date(2023, 7, 10))


def _awardees(r: dict) -> set[str]:
    return {a if isinstance(a, str) else a["name"] for a in r.get("awardees") or []}


# --- a signing told with the noun: "hun handtekening gezet onder de overeenkomst" ------------------------------

@pytest.mark.parametrize("sentence", [
    "Op vrijdag hebben de wethouder en de bestuurders van twee samenwerkingsverbanden, Kompas en Lantaarn, hun "
    "handtekening gezet onder de overeenkomst voor de jeugdhulp.",
    "De wethouder Jeugd en de aanbieders hebben gisteren hun handtekeningen onder het contract voor de jeugdhulp gezet.",
])
def test_a_signature_under_the_agreement_is_the_contract_signed(sentence):
    r = _read(sentence, title="Partners in jeugdhulp")
    assert r["relevant"] is True
    assert r["primary_stage"] == "contract_ondertekend"


def test_a_signature_under_a_letter_of_intent_is_no_contract_signed():
    r = _read("De wethouder en de aanbieders zetten hun handtekening onder de intentieovereenkomst voor de jeugdhulp.",
              title="Partners in jeugdhulp")
    assert not any(s["stage"] == "contract_ondertekend" for s in r["stages"])


def test_the_parties_named_before_their_signature_are_the_awardees():
    found = find_awardees("De wethouder en de bestuurders van twee samenwerkingsverbanden, kompasJeugd en Lantaarn "
                          "jeugd en gezin, hun handtekening gezet onder de overeenkomst.")
    assert {a["name"] for a in found} == {"kompasJeugd", "Lantaarn"}
    assert {a["rule"] for a in found} == {"signing_parties"}


# --- an award told from the winner's side ----------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Zorgcollectief Noord heeft de opdracht gekregen om vanaf 1 januari 2024 alle specialistische jeugdhulp in de "
    "regio te bieden.",
    "Zorgcollectief Noord heeft de opdracht voor de jeugdhulp in de regio verworven.",
    "Zorgcollectief Noord heeft het contract voor de jeugdhulp in de regio binnengehaald.",
])
def test_an_award_told_by_the_winner_is_the_award(sentence):
    r = _read(sentence, title="Nieuws")
    assert r["relevant"] is True
    assert any(s["stage"] == "definitieve_gunning" for s in r["stages"])
    assert "Zorgcollectief Noord" in {a["name"] for a in find_awardees(sentence)}


def test_a_task_set_by_the_council_is_no_award():
    sentence = "Het college heeft de opdracht gekregen om een plan voor de jeugdhulp te maken."
    r = _read(sentence, title="Nieuws")
    assert not any(s["stage"] == "definitieve_gunning" for s in r["stages"])
    assert r["relevant"] is False
    assert find_awardees(sentence) == []


# --- a purchase named by examples of the field is the kind of purchase -----------------------------------------

def test_a_guide_to_the_purchase_of_for_example_youth_care_is_no_procurement():
    r = _read("Om managers op weg te helpen bij de inkoop van bijvoorbeeld jeugdzorg, Wmo of schuldhulp heeft de "
              "vereniging een gids geschreven.", title="Inkoop in het sociaal domein: een helpende hand")
    assert r["relevant"] is False


def test_a_purchase_of_youth_care_named_without_examples_still_counts():
    r = _read("In 2023 heeft de regio besloten de inkoop van jeugdzorg samen te doen.",
              title="Inkoop in het sociaal domein")
    assert r["relevant"] is True
