"""Organisations on pages never seen, round fifteen (issue 11, branch orgs15): a sentence's opening adverb or function
word is no part of the name after it, and a legal form keeps its written form (its last dot too) and folds alike.

The phrasings are real Dutch ones seen on pages (public text, a few words each); the names are invented.
"""

import pytest

from tenderarchive.analysis.organisations import find_organisations
from tests.analysis.conftest import organisation_roles as _orgs


# --- a sentence's opening word -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,name", [
    ("De gemeente Zwolle heeft de jeugdhulp gegund. Ook Eikenrode Jeugdhulp maakten bezwaar tegen de gunning.",
     "Eikenrode Jeugdhulp"),
    ("De regio koopt de jeugdhulp in. Inmiddels Stichting Beukenhof is gestart met de zorg.", "Stichting Beukenhof"),
])
def test_a_sentences_opening_word_is_no_part_of_a_name(read, text, name):
    got = _orgs(read(text))
    assert name in got
    assert not [n for n in got if n.split()[0] in ("Ook", "Inmiddels")]


def test_a_name_that_opens_with_a_word_of_its_own_keeps_it():
    from tenderarchive.analysis.organisations import _clean_name
    assert _clean_name("Samen Veilig Midden-Nederland") == "Samen Veilig Midden-Nederland"
    assert _clean_name("Daarnaast Samen Veilig Midden-Nederland") == "Samen Veilig Midden-Nederland"
    assert _clean_name("Volgens Stichting Beukenhof") == "Stichting Beukenhof"


# --- a legal form as written ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,name,role", [
    ("De opdracht is gegund aan Eikenrode Zorg B.V. uit Zwolle.", "Eikenrode Zorg B.V.", "awardee"),
    ("Wilgenhof Jeugd B.V. levert de zorg in de regio.", "Wilgenhof Jeugd B.V.", "provider"),
    ("De jeugdhulp wordt geleverd door Kastanje Jeugd N.V. en de gemeente.", "Kastanje Jeugd N.V.", None),
])
def test_a_legal_form_keeps_its_last_dot(read, text, name, role):
    got = _orgs(read(text))
    assert name in got
    if role:
        assert got[name] == role
    assert name[:-1] not in got


def test_a_legal_form_written_two_ways_is_one_party(read):
    got = _orgs(read("De zorg is gegund aan Eikenrode Zorg B.V. in Zwolle. Eikenrode Zorg BV is blij met de gunning."))
    assert got.get("Eikenrode Zorg B.V.") == "awardee"
    assert "Eikenrode Zorg BV" not in got and "Eikenrode Zorg B.V" not in got


def test_legal_forms_fold_alike_for_scoring():
    from tenderarchive.analysis.scoring import norm_org
    assert norm_org("Eikenrode Zorg B.V.") == norm_org("Eikenrode Zorg BV") == norm_org("Eikenrode Zorg")
    assert norm_org("Beuk en Wilg V.O.F.") == norm_org("Beuk en Wilg VOF") == norm_org("Beuk en Wilg")


# --- the parties at a ruling's head --------------------------------------------------------------------------------

_RULING_HEAD = """Uitspraak
RECHTBANK GELDERLAND
vonnis in kort geding van 3 mei 2023
in de zaak van
1 Stichting Eikenrode Jeugdhulp,
gevestigd te Arnhem,
eiseres,
advocaat: mr. J. de Vries te Utrecht,
tegen
de publiekrechtelijke rechtspersoon GEMEENTE ARNHEM,
zetelend te Arnhem,
verweerder,
waarin is tussengekomen:
de besloten vennootschap met beperkte aansprakelijkheid WILGENHOF ZORG B.V.,
gevestigd te Nijmegen,
tussenkomende partij,
2 Kastanje Jeugd B.V.,
gevestigd te Ede,
gedaagde.
De aanbesteding van de jeugdhulp is voorlopig gegund aan Wilgenhof."""


def test_the_parties_at_a_rulings_head_are_read_with_their_name_only():
    # a party's number in the list ("1 Stichting ...") and the description of its legal form ("de besloten
    # vennootschap met beperkte aansprakelijkheid") are no part of its name
    got = {o["name"]: o["role"] for o in find_organisations(_RULING_HEAD)}
    assert got.get("Stichting Eikenrode Jeugdhulp") == "provider"
    assert got.get("gemeente Arnhem") == "buyer"
    # (branch orgs16: "voorlopig gegund aan Wilgenhof" below the head names this party by its short name)
    assert got.get("Wilgenhof Zorg B.V.") == "awardee"
    assert got.get("Kastanje Jeugd B.V.") == "provider"
    assert not [n for n in got if n[0].isdigit() or n in ("B.V.", "B.V")]


def test_a_common_arrangement_folds_like_a_legal_form_for_scoring():
    from tenderarchive.analysis.scoring import norm_org
    assert norm_org("Gemeenschappelijke Regeling Inkoopbureau H10") == norm_org("Inkoopbureau H10")


# --- a list of parties after a preposition -------------------------------------------------------------------------

@pytest.mark.parametrize("text,names", [
    ("De gemeente Zwolle heeft afspraken gemaakt met Eikenrode, Beukenhof en Wilgenhof Zorg over de jeugdhulp.",
     ["Eikenrode", "Beukenhof", "Wilgenhof Zorg"]),
    ("De nieuwe organisatie voor de jeugdhulp is opgericht door Lindeboom, Kastanje Jeugd en De Wilgenhoeve.",
     ["Lindeboom", "Kastanje Jeugd", "De Wilgenhoeve"]),
])
def test_a_list_of_parties_after_a_preposition_in_a_sentence_about_care(read, text, names):
    got = _orgs(read(text))
    assert {n: got.get(n) for n in names} == {n: "provider" for n in names}


@pytest.mark.parametrize("text", [
    "Het debat over de jeugdzorg met Jan Jansen en Piet de Vries duurde lang.",  # persons
    "De jeugdhulp wordt samen met Zwolle, Kampen en Deventer ingekocht.",  # places
    "Het gesprek over de jeugdzorg met VVD en CDA was kort.",  # political parties
    "De wethouder sprak met Eikenrode, Beukenhof en Lindeboom over de begroting.",  # no care in the sentence
    "Het plan is besproken met HAL- en BUCH-gemeenten en de jeugdhulpaanbieders.",  # a word cut at its hyphen
])
def test_a_list_after_a_preposition_names_no_person_place_or_party_without_care(read, text):
    got = _orgs(read(text))
    assert not {"Jan Jansen", "Piet de Vries", "Zwolle", "Kampen", "Deventer", "VVD", "CDA", "Eikenrode", "Beukenhof",
                "Lindeboom", "HAL-", "HAL- en BUCH", "BUCH"} & set(got)


@pytest.mark.parametrize("unit", ["met A, B, C, D, E, F, G, H, ", "met Aa Bb Cc Dd Ee Ff Gg Hh Ii Jj Kk, ",
                                  "door Eikenrode, Beukenhof en Wilgenhof Zorg voor jeugdhulp. "])
def test_100_kb_of_lists_after_a_preposition_is_read_in_linear_time(unit):
    from tests.speed import linear_time
    assert linear_time(find_organisations, unit) < 8  # (linear: about 4; quadratic: 16)


def test_a_legal_form_before_and_one_after_en_are_two_parties(read):
    got = _orgs(read("De jeugdhulp van Stichting Eikenrode en Beukenhof B.V. loopt door tot 2026."))
    assert got.get("Stichting Eikenrode") == "provider" and got.get("Beukenhof B.V.") == "provider"
    assert not [n for n in got if " en " in n]
