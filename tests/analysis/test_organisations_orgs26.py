"""Organisations on pages never seen, round twenty-six (issue 11, branch orgs26): a place outside the Dutch
municipalities ("Europa", "Brussel", "Duitsland", "Vlaanderen") and a verb written with a capital ("Opvoeden",
"Opgroeien", "Meedoen") are no organisation; the items under a head that says what the parties do ("De gecontracteerde
aanbieders leveren:") are services, no awardees; the parties under "Onze partners:" or "Samenwerkingspartners:" are read.
The party beside them is still read.

The phrasings are real-style Dutch ones seen on pages (a few words each).
"""

import pytest

from tests.speed import LINEAR, linear_time
from tests.analysis.conftest import organisation_roles as _orgs


# --- a place abroad ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,party", [
    ("De gemeente werkt in de jeugdhulp samen met Europa, Brussel en zorgaanbieder Pluryn.", "Pluryn"),
    ("Samen met Brussel en met Stichting Pluryn koopt de regio jeugdhulp in.", "Stichting Pluryn"),
    ("In samenwerking met Duitsland en Vlaanderen levert Stichting Pluryn de jeugdhulp.", "Stichting Pluryn"),
])
def test_a_place_abroad_is_no_organisation(read, text, party):
    got = _orgs(read(text))
    assert party in got, got
    assert not {"Europa", "Brussel", "Duitsland", "Vlaanderen"} & set(got), got


def test_a_body_abroad_named_with_more_words_stays():
    from tenderarchive.analysis.organisations import _not_party_word
    assert _not_party_word("Brussel") and _not_party_word("Vlaanderen")
    for name in ("Europese Commissie", "Stad Antwerpen", "Jeugdhulp Vlaanderen", "Pluryn"):
        assert not _not_party_word(name), name


# --- a verb with a capital ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "De gemeente werkt voor de jeugdhulp samen met Opvoeden, Opgroeien en Meedoen.",
    "In samenwerking met Samenwerken en Ontwikkelen koopt de regio jeugdhulp in.",
])
def test_a_capitalised_verb_is_no_organisation(read, text):
    assert _orgs(read(text)) == {}


def test_a_verb_beside_a_party_leaves_the_party():
    from tenderarchive.analysis.organisations import _not_party_word
    for verb in ("Opvoeden", "Opgroeien", "Meedoen", "Samenwerken", "Ontwikkelen", "Leren"):
        assert _not_party_word(verb), verb
    for name in ("Samen Opvoeden", "Bergen", "Opvoedpoli", "Verwey-Jonker Instituut", "Karakter", "Lindenhout"):
        assert not _not_party_word(name), name


# --- services under "leveren:", partners under "Onze partners:" ----------------------------------------------------------

@pytest.mark.parametrize("head", ["De gecontracteerde aanbieders leveren:", "De gecontracteerde aanbieders bieden onder meer:",
                                  "Deze aanbieders verzorgen de volgende hulp:"])
def test_items_under_a_head_of_what_parties_do_are_services(read, head):
    result = read(f"{head}\n- Dagbehandeling\n- Ambulante hulp\n- Pleegzorg\n\nDe jeugdhulp is gegund aan Pluryn.")
    got = _orgs(result)
    assert result["awardees"] == ["Pluryn"], result["awardees"]
    assert not {"Dagbehandeling", "Ambulante hulp", "Pleegzorg"} & set(got), got


def test_the_awarded_providers_listed_are_still_awardees(read):
    result = read("De jeugdhulp is gegund. De gecontracteerde aanbieders zijn:\n- Pluryn\n- Karakter\n")
    assert set(result["awardees"]) == {"Pluryn", "Karakter"}, result["awardees"]


@pytest.mark.parametrize("head", ["Onze partners:", "Samenwerkingspartners:", "Onze ketenpartners:"])
def test_the_parties_under_a_partners_head_are_read(read, head):
    got = _orgs(read(f"De gemeente koopt jeugdhulp in.\n{head}\n- Pluryn\n- Karakter\n- Lindenhout\n"))
    assert {"Pluryn", "Karakter", "Lindenhout"} <= set(got), got
    assert all(got[n] == "provider" for n in ("Pluryn", "Karakter", "Lindenhout")), got


def test_a_partners_head_with_services_under_it_reads_no_party(read):
    got = _orgs(read("De gemeente koopt jeugdhulp in.\nOnze partners bieden:\n- Dagbehandeling\n- Pleegzorg\n"))
    assert got == {}, got


def test_heads_stay_fast_on_long_text():
    from tenderarchive.analysis.organisations import find_organisations
    assert linear_time(find_organisations, "Onze partners:\n- Pluryn\n- Opvoeden\n- Brussel\n") < LINEAR
    assert linear_time(find_organisations, "De aanbieders leveren:\n- Dagbehandeling\n- Ambulante hulp\n") < LINEAR
