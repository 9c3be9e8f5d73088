"""Organisations on pages never seen, round twenty-nine (issue 11, branch orgs29): the winners announced after a colon
("Winnaars: A, B en C", "De winnaars zijn: A en B"), the lots that go to parties ("De percelen gaan naar A (perceel 1) en
B (perceel 2)", "Perceel 1 gaat naar A en perceel 2 naar B"); a capitalised phrase at a sentence's start whose first
word is the sentence's, not the name's ("Voorlopig Pluryn en Karakter gaan ..."), and a kind of party in the plural after
capitalised adjectives ("Nieuwe Aanbieders", "Betrokken Partijen") are no organisation nor awardee.

The phrasings are real-style Dutch ones seen on pages (a few words each).
"""

import pytest

from tests.speed import LINEAR, linear_time
from tests.analysis.conftest import organisation_roles as _orgs

_DONE = "De aanbesteding voor de jeugdhulp is afgerond. "


# --- awardees -----------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    _DONE + "Winnaars: Pluryn, Karakter en Lindenhout.",
    _DONE + "De winnaars zijn: Pluryn, Karakter en Lindenhout.",
    _DONE + "Dit zijn de winnaars: Pluryn, Karakter en Lindenhout.",
])
def test_winners_after_a_colon_are_awardees(read, text):
    assert set(read(text)["awardees"]) == {"Pluryn", "Karakter", "Lindenhout"}, read(text)["awardees"]


@pytest.mark.parametrize("text", [
    _DONE + "De percelen gaan naar Pluryn (perceel 1) en Karakter (perceel 2).",
    _DONE + "De percelen gingen naar Pluryn (percelen 1 en 3) en Karakter (perceel 2).",
    _DONE + "Perceel 1 gaat naar Pluryn en perceel 2 naar Karakter.",
])
def test_the_lots_gone_to_parties_name_them_awardees(read, text):
    result = read(text)
    assert set(result["awardees"]) == {"Pluryn", "Karakter"}, result["awardees"]
    assert not any("perceel" in n.casefold() for n in _orgs(result)), _orgs(result)


def test_a_combination_awarded_is_one_awardee(read):
    assert read(_DONE + "De opdracht is gegund aan de combinatie Pluryn/Karakter.")["awardees"] == ["Pluryn/Karakter"]


@pytest.mark.parametrize("text", [
    _DONE + "Winnaars: nog onbekend.",
    _DONE + "De percelen gaan niet naar Pluryn.",
    _DONE + "Welke percelen gaan naar Pluryn?",
    _DONE + "De winnaar is nog niet bekend.",
])
def test_no_winner_told_names_no_awardee(read, text):
    assert read(text)["awardees"] == [], read(text)["awardees"]


# --- a sentence's first word and a kind of party in the plural -----------------------------------------------------------

def test_a_sentence_word_before_a_name_is_no_part_of_it(read):
    result = read(_DONE + "Voorlopig Pluryn en Karakter gaan de jeugdhulp leveren. De gemeente is blij met Pluryn.")
    assert "Pluryn" in result["awardees"] and "Voorlopig Pluryn" not in result["awardees"], result["awardees"]
    assert not any(n.startswith("Voorlopig") for n in _orgs(result)), _orgs(result)


@pytest.mark.parametrize("text", [
    _DONE + "Veilig Thuis werkt samen met Pluryn. Veilig Thuis is blij.",
    _DONE + "Het contract met Veilig Thuis is verlengd. Veilig Thuis gaat de jeugdhulp leveren.",
])
def test_a_name_written_only_so_keeps_its_first_word(read, text):
    assert "Veilig Thuis" in _orgs(read(text)), _orgs(read(text))


@pytest.mark.parametrize("text", [
    _DONE + "Nieuwe Aanbieders zijn gecontracteerd.",
    _DONE + "Kleine Aanbieders en Pluryn zijn gecontracteerd.",
    _DONE + "De gemeente werkt samen met Betrokken Partijen en Pluryn.",
])
def test_a_kind_of_party_in_the_plural_is_no_party(read, text):
    result = read(text)
    assert not any(n.endswith(("Aanbieders", "Partijen")) for n in _orgs(result)), _orgs(result)
    assert not any(n.endswith(("Aanbieders", "Partijen")) for n in result["awardees"]), result["awardees"]


def test_a_body_after_an_adjective_stays_a_party(read):
    got = _orgs(read(_DONE + "De gemeente werkt samen met Stichting Nieuwe Ouders en Pluryn."))
    assert "Stichting Nieuwe Ouders" in got, got


# --- a short name defined under a party's block at a ruling's head -----------------------------------------------------

_HEAD = ("in de zaak van\n\nGemeente Tilburg,\n\nzetelend te Tilburg,\n\nappellante,\n\nhierna: de Gemeente,\n\ntegen\n\n"
         "1 Stichting Kwadraat Zorg Groep,\ngevestigd te [vestigingsplaats] ,\n\ngeïntimeerde,\n\nhierna: Kwadraat,\n\nen\n\n"
         "2 Stichting Hendrik van Bolk,\ngevestigd te Breda,\n\ngeïntimeerde,\n\nhierna: HvB,\n\n"
         "Het hof oordeelt dat de aanbesteding van de jeugdhulp in strijd is met de wet. Kwadraat en HvB krijgen gelijk. "
         "Volgens HvB zijn de tarieven te laag.")


def test_a_short_name_defined_at_a_rulings_head_is_the_party_named_in_full(read):
    got = _orgs(read(_HEAD))
    assert "Stichting Kwadraat Zorg Groep" in got and "Stichting Hendrik van Bolk" in got, got
    assert "Kwadraat" not in got and "HvB" not in got, got
    assert "Gemeente" not in got, got


def test_a_short_name_not_defined_under_a_party_stays_as_read(read):
    got = _orgs(read("De aanbesteding van de jeugdhulp is gegund aan Stichting Kwadraat Zorg Groep.\n\nAanbestedingsrecht\n\n"
                     "hierna: Hendrikhof,\n\nHendrikhof is een andere aanbieder van jeugdhulp. De gemeente werkt samen met "
                     "Hendrikhof."))
    assert not any(n != "Hendrikhof" and "Hendrikhof" in n for n in got) and "Aanbestedingsrecht" not in str(got), got


def test_round_29_stays_fast_on_long_text():
    from tenderarchive.analysis.organisations import find_awardees, find_organisations
    assert linear_time(find_awardees, "De percelen gaan naar Pluryn (perceel 1) en Karakter (perceel 2). ") < LINEAR
    assert linear_time(find_awardees, "Winnaars: Pluryn, Karakter en Lindenhout. ") < LINEAR
    assert linear_time(find_organisations, "Voorlopig Pluryn en Karakter gaan de zorg leveren. Met Pluryn. ") < LINEAR
    assert linear_time(find_awardees, "De percelen gaan naar Pluryn (perceel 1) en ") < LINEAR
    assert linear_time(find_organisations, "1 Stichting Kwadraat Zorg,\ngevestigd te Breda,\n\neiseres,\n\nhierna: Kwadraat,\n\n") < LINEAR
