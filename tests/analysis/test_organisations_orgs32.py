"""Awardees on pages never seen, round thirty-two (issue 11, branch orgs32): the awarded parties in the layouts an
award is written in besides a sentence -- a table with a column of winners ("| Perceel | Gegund aan |"), a bullet list
whose items have a description after the name ("- Stichting Pluryn: ambulante jeugdhulp"), lines per lot ("Perceel 1:
Pluryn"), a head "Gegund aan:" over its list -- a name whose kind word opens it before its legal form ("Zorgbedrijf Noord
B.V."), the partners an award names with its party ("gegund aan A in samenwerking met B") and a lot described in
brackets ("Perceel 1 (ambulant) is gegund aan A, perceel 2 (verblijf) aan B").

The phrasings are real-style Dutch ones seen on pages (a few words each).
"""

import pytest

from tests.speed import LINEAR, linear_time
from tests.analysis.conftest import organisation_roles as _orgs

_DONE = "De aanbesteding voor de jeugdhulp is afgerond. "


# --- a table with a column of winners ---------------------------------------------------------------------------------

@pytest.mark.parametrize("head", ["Gegund aan", "Winnaar", "Opdrachtnemer", "Gecontracteerde partijen"])
def test_a_table_column_of_winners_gives_the_awardees(read, head):
    result = read(_DONE + f"Per perceel:\n| Perceel | {head} |\n|---|---|\n| Ambulant | Stichting Pluryn |\n"
                          "| Verblijf | Karakter B.V. |\n| Crisis | Niet gegund |\nDe contracten gaan in op 1 januari.")
    assert result["awardees"] == ["Stichting Pluryn", "Karakter B.V."], result["awardees"]


def test_a_table_of_providers_without_a_winners_column_gives_no_awardee(read):
    result = read(_DONE + "Meer informatie:\n| Perceel | Contactpersoon |\n|---|---|\n| Ambulant | Stichting Pluryn |\n")
    assert result["awardees"] == [], result["awardees"]


# --- list lines with a description or a lot -------------------------------------------------------------------------------

def test_a_bullet_item_with_a_description_after_its_colon_is_the_party(read):
    result = read(_DONE + "De gegunde partijen zijn:\n- Stichting Pluryn: ambulante jeugdhulp\n- Karakter: specialistische "
                          "ggz\n\nDe contracten gaan in op 1 januari.")
    assert result["awardees"] == ["Stichting Pluryn", "Karakter"], result["awardees"]


def test_a_line_per_lot_gives_the_party_not_the_lot(read):
    result = read(_DONE + "De gegunde partijen per perceel:\nPerceel 1: Pluryn\nPerceel 2: Karakter en Lijn5\n\nMeer "
                          "informatie volgt later dit jaar op deze pagina.")
    assert result["awardees"] == ["Pluryn", "Karakter", "Lijn5"], result["awardees"]
    assert not any(n.startswith("Perceel") for n in _orgs(result)), _orgs(result)


@pytest.mark.parametrize("head", ["Gegund aan:", "De percelen zijn gegund aan de volgende partijen:"])
def test_a_head_gegund_aan_over_its_list(read, head):
    result = read(_DONE + f"\n{head}\n- Pluryn\n- Karakter\n\nDe contracten gaan in op 1 januari.")
    assert result["awardees"] == ["Pluryn", "Karakter"], result["awardees"]


def test_the_list_of_a_district_after_its_colon_stays(read):
    result = read(_DONE + "De gegunde partijen zijn:\n- Voor stadsdeel Noord: Pluryn en Karakter\n\nMeer volgt.")
    assert result["awardees"] == ["Pluryn", "Karakter"], result["awardees"]


# --- a name, partners and lots in a sentence ------------------------------------------------------------------------------

def test_a_kind_word_opening_a_name_with_its_legal_form_stays(read):
    result = read(_DONE + "De opdracht is gegund aan Zorgbedrijf Noord B.V.")
    assert result["awardees"] == ["Zorgbedrijf Noord B.V."], result["awardees"]


@pytest.mark.parametrize("text, winners", [
    ("De opdracht is gegund aan Stichting Pluryn in samenwerking met Karakter.", ["Stichting Pluryn", "Karakter"]),
    ("De opdracht is gegund aan Pluryn B.V., samen met Lijn5 en Karakter.", ["Pluryn B.V.", "Lijn5", "Karakter"]),
])
def test_the_partners_named_with_the_awarded_party_are_awardees(read, text, winners):
    result = read(_DONE + text)
    assert result["awardees"] == winners, result["awardees"]


def test_a_partner_that_is_the_buyer_is_no_awardee(read):
    result = read(_DONE + "De opdracht is gegund aan Pluryn in samenwerking met de gemeente Epe.")
    assert result["awardees"] == ["Pluryn"], result["awardees"]


def test_lots_described_in_brackets_each_give_their_party(read):
    result = read(_DONE + "Perceel 1 (ambulant) is gegund aan Pluryn, perceel 2 (verblijf) aan Karakter.")
    assert result["awardees"] == ["Pluryn", "Karakter"], result["awardees"]


# --- linear time ------------------------------------------------------------------------------------------------------------

def test_award_tables_and_lists_read_in_linear_time(read):
    unit = ("| Perceel | Gegund aan |\n|---|---|\n| Ambulant | Stichting Pluryn in samenwerking met Karakter |\n"
            "De gegunde partijen zijn:\n- Stichting Pluryn: ambulante jeugdhulp\nPerceel 1: Pluryn\n\n")
    assert linear_time(read, unit, 100_000) < LINEAR


# --- words that are no party: a headline's participle, a front desk, a condition ------------------------------------------

@pytest.mark.parametrize("text, word", [
    ("Aanbieders Gezocht\nDe gemeente werkt samen met Karakter.", "Gezocht"),
    ("Aanbieders Aangemeld\nDe gemeente werkt samen met Karakter.", "Aangemeld"),
    ("Jongeren kunnen terecht bij het Jongerenloket en bij Karakter.", "Jongerenloket"),
    ("Ouders kunnen terecht bij het Ouderloket en bij Karakter.", "Ouderloket"),
    ("Kinderen met ADHD en Autisme krijgen hulp van Karakter.", "ADHD"),
    ("Jongeren met LVB en NAH krijgen hulp van Karakter.", "LVB"),
])
def test_a_word_that_names_no_party_is_no_organisation(read, text, word):
    result = read(_DONE + "Het contract is gegund aan Pluryn. " + text)
    assert word not in _orgs(result) and result["awardees"] == ["Pluryn"], _orgs(result)


@pytest.mark.parametrize("text, name", [
    ("De gemeente werkt samen met het Juridisch Loket en Karakter.", "Juridisch Loket"),
    ("De gemeente werkt samen met Nederlandse Vereniging voor Autisme en Karakter.", "Nederlandse Vereniging voor Autisme"),
])
def test_a_body_named_after_a_desk_or_a_condition_stays(read, text, name):
    result = read(_DONE + "Het contract is gegund aan Pluryn. " + text)
    assert name in _orgs(result), _orgs(result)


# --- a seat in brackets, a lot after "voor", a legal form in lower case --------------------------------------------------

@pytest.mark.parametrize("text, winners", [
    ("De gegunde partijen zijn: Karakter (Ede), Pluryn (Nijmegen) en Lijn5 (Arnhem).", ["Karakter", "Pluryn", "Lijn5"]),
    ("Voor perceel 1 is de opdracht gegund aan Pluryn en voor perceel 2 aan Karakter.", ["Pluryn", "Karakter"]),
    ("De opdracht is gegund aan de stichting Pluryn.", ["Pluryn"]),
])
def test_awardees_with_a_seat_a_lot_or_a_legal_form_in_lower_case(read, text, winners):
    result = read(_DONE + text)
    assert result["awardees"] == winners, result["awardees"]


# --- more heads over a list of awarded parties ------------------------------------------------------------------------------

@pytest.mark.parametrize("head", [
    "De volgende aanbieders hebben een contract gekregen:",
    "De volgende partijen hebben de aanbesteding gewonnen:",
    "Met deze aanbieders is een contract gesloten:",
    "De gemeente heeft contracten gesloten met:",
    "De opdracht is verleend aan:",
])
def test_a_head_telling_the_award_over_its_list(read, head):
    result = read(_DONE + f"\n{head}\n- Stichting Pluryn\n- Karakter B.V.\n\nDe contracten gaan in op 1 januari.")
    assert result["awardees"] == ["Stichting Pluryn", "Karakter B.V."], result["awardees"]


@pytest.mark.parametrize("head", [
    "De volgende aanbieders hebben geen contract gekregen:",
    "Met deze aanbieders is niet opnieuw een contract gesloten:",
    "Het gaat om de volgende aanbieders:",
])
def test_a_head_denying_the_award_or_naming_providers_gives_no_awardee(read, head):
    result = read(_DONE + f"\n{head}\n- Stichting Pluryn\n- Karakter B.V.\n\nDe contracten gaan in op 1 januari.")
    assert result["awardees"] == [], result["awardees"]


@pytest.mark.parametrize("body", [
    "Perceel 1 – Pluryn\nPerceel 2 – Karakter B.V.\n",
    "- Perceel 1 - Pluryn\n- Perceel 2 (verblijf) - Karakter B.V.\n",
    "Perceel 1: Ambulante jeugdhulp\nPluryn\nPerceel 2: Verblijf\nKarakter B.V.\n",
])
def test_lines_per_lot_with_a_dash_or_the_lot_s_service_give_the_parties(read, body):
    result = read(_DONE + "\nDe gegunde partijen per perceel zijn:\n" + body + "\nDe contracten gaan in op 1 januari.")
    assert result["awardees"] == ["Pluryn", "Karakter B.V."], result["awardees"]


def test_a_denial_in_an_earlier_sentence_of_the_head_s_line_leaves_the_head(read):
    result = read(_DONE + "\nDe instelling adviseert over het wel of niet afgeven van een beschikking. Er zijn 2 "
                          "aanbieders gecontracteerd door de gemeente:\n\n- Stichting Pluryn\n- Karakter B.V.\n\nMeer.")
    assert result["awardees"] == ["Stichting Pluryn", "Karakter B.V."], result["awardees"]


# --- legal forms after the name ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, winners", [
    ("De opdracht is gegund aan Lijn5 V.O.F. en Karakter.", ["Lijn5 V.O.F.", "Karakter"]),
    ("De opdracht is gegund aan Pluryn bv en Karakter vof.", ["Pluryn bv", "Karakter vof"]),
])
def test_a_legal_form_with_dots_or_in_lower_case_stays_with_its_name(read, text, winners):
    result = read(_DONE + text)
    assert result["awardees"] == winners, result["awardees"]
