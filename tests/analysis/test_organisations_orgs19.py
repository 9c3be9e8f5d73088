"""Organisations on pages never seen, round nineteen (issue 11, branch orgs19): a programme's name, an organisation
written once in full and once with its first words abbreviated, and a team of the buyer are no (other) organisations;
providers given as examples after "onder meer", under a line announcing "the following" providers, or in a table's
column of providers are read.

The phrasings are real-style Dutch ones seen on pages (a few words each).
"""

import pytest

from tenderarchive.analysis.organisations import find_organisations
from tests.analysis.conftest import organisation_roles as _orgs


# --- programmes --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,programme,kept", [
    ("In samenwerking met Samen Sterk Zuid en Stichting Lumens is de aanbesteding van de jeugdhulp voorbereid. "
     "Samen Sterk Zuid is een programma van de gemeenten in de regio.", "Samen Sterk Zuid", "Stichting Lumens"),
    ("De gemeenten werken onder de noemer Samen Sterk Zuid samen. In samenwerking met Samen Sterk Zuid en Stichting "
     "Lumens is de jeugdhulp ingekocht.", "Samen Sterk Zuid", "Stichting Lumens"),
    ("De aanpak Kansrijk Opgroeien loopt door. In samenwerking met Kansrijk Opgroeien en Stichting Lumens is de "
     "aanbesteding van jeugdhulp voorbereid.", "Kansrijk Opgroeien", "Stichting Lumens"),
    ("In samenwerking met Kansrijk Opgroeien en Stichting Lumens is de aanbesteding van jeugdhulp voorbereid.",
     "Kansrijk Opgroeien", "Stichting Lumens"),
])
def test_a_programme_is_no_organisation(read, text, programme, kept):
    got = _orgs(read(text))
    assert programme not in got and kept in got, got


def test_a_party_that_starts_a_project_is_still_a_party():
    from tenderarchive.analysis.organisations import _programmes
    assert not _programmes("Pluryn is een project in Ede gestart. Stichting Samen is een initiatief van ouders.")
    assert _programmes("Kansrijk Opgroeien is het regionale programma voor de jeugd.") == {"kansrijk opgroeien"}


# --- one organisation, abbreviated --------------------------------------------------------------------------------

@pytest.mark.parametrize("text,short,full", [
    ("De gemeente Tilburg werkt samen met Jeugdbescherming Brabant. Een woordvoerder van JB Brabant zegt dat de "
     "jeugdhulp doorgaat.", "JB Brabant", "Jeugdbescherming Brabant"),
])
def test_an_abbreviated_name_beside_the_full_one_is_one_organisation(read, text, short, full):
    got = _orgs(read(text))
    assert short not in got and full in got, got


def test_the_shapes_of_an_abbreviated_name():
    from tenderarchive.analysis.organisations import _abbreviated_twice

    def kept(*names):
        return [o["name"] for o in _abbreviated_twice([{"name": n, "role": "provider"} for n in names])]

    assert kept("Geestelijke Gezondheidszorg Oost Brabant", "GGZ Oost Brabant") == ["Geestelijke Gezondheidszorg Oost Brabant"]
    assert kept("Raad voor de Kinderbescherming", "RvdK") == ["Raad voor de Kinderbescherming"]
    assert kept("Regio Gooi en Vechtstreek", "Regio GV") == ["Regio Gooi en Vechtstreek"]
    assert kept("Serviceorganisatie Jeugd ZHZ", "SOJ") == ["Serviceorganisatie Jeugd ZHZ"]
    assert kept("Samen Onder Jeugd Noord", "SOJ") == ["Samen Onder Jeugd Noord", "SOJ"]
    # other organisations: another tail, letters not the words' initials, an abbreviation of two letters alone
    assert kept("Jeugdbescherming Gelderland", "JB Brabant") == ["Jeugdbescherming Gelderland", "JB Brabant"]
    assert kept("regio Groningen", "RIGG") == ["regio Groningen", "RIGG"]
    assert kept("Jeugdbescherming Brabant", "JB") == ["Jeugdbescherming Brabant", "JB"]
    # an awardee is kept as read; the other writing goes
    got = _abbreviated_twice([{"name": "Jeugdbescherming Brabant", "role": "provider"}, {"name": "JB Brabant", "role": "awardee"}])
    assert [o["name"] for o in got] == ["JB Brabant"]


# --- a team of the buyer ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,team,kept", [
    ("De opdracht is gegund aan Stichting Cardea en het Expertiseteam Jeugd van Holland Rijnland.",
     "Expertiseteam Jeugd van Holland Rijnland", "Stichting Cardea"),
    ("In samenwerking met het Expertiseteam Jeugd van Holland Rijnland en Stichting Cardea is de aanbesteding voorbereid.",
     "Expertiseteam Jeugd van Holland Rijnland", "Stichting Cardea"),
    ("De jeugdhulp wordt geleverd door Stichting Timon en het Sociaal team van Zwolle.", "Sociaal team van Zwolle",
     "Stichting Timon"),
])
def test_a_team_of_the_buyer_is_no_organisation_nor_awardee(read, text, team, kept):
    result = read(text)
    got = _orgs(result)
    assert team not in got and kept in got, got
    assert team not in result["awardees"] and kept in result["awardees"] + list(got)


@pytest.mark.parametrize("name,team", [
    ("het Inkoopteam van de regio Twente", True), ("de afdeling Jeugd van de gemeente Ede", True),
    ("Stichting Jeugdteam van Ede", False), ("Steunteam van Jeugdbescherming Gelderland", False),
    ("Expertiseteam van Karakter", False),
])
def test_the_shapes_of_a_team_of_the_buyer(name, team):
    from tenderarchive.analysis.organisations import _team_of_buyer
    assert _team_of_buyer(name) is team


# --- providers named in ways the rules did not know ----------------------------------------------------------------

@pytest.mark.parametrize("text,names", [
    ("De gemeente werkt met verschillende aanbieders, onder meer Pluryn, Entrea Lindenhout en Karakter.",
     ["Pluryn", "Entrea Lindenhout", "Karakter"]),
    ("De regio werkt met veertig zorgaanbieders, onder andere Lijn5 en Timon.", ["Lijn5", "Timon"]),
    ("Organisaties, bijvoorbeeld Pluryn en Karakter, kregen een contract voor de jeugdhulp.", ["Pluryn", "Karakter"]),
    ("De gemeente Utrecht heeft de volgende aanbieders gecontracteerd voor de jeugdhulp:\n- Timon\n- Youké\n- Lijn5\n",
     ["Timon", "Youké", "Lijn5"]),
    ("Gecontracteerde aanbieders jeugdhulp 2024:\n| Naam aanbieder | Perceel | Plaats |\n|---|---|---|\n"
     "| Lijn5 | Ambulant | Utrecht |\n| Stichting Youké | Verblijf | Nieuwegein |\n\nDe gemeente Utrecht is tevreden.",
     ["Lijn5", "Stichting Youké"]),
])
def test_providers_given_as_examples_listed_or_tabled_are_read(read, text, names):
    got = _orgs(read(text))
    assert all(got.get(n) == "provider" for n in names), got


def test_a_table_without_a_column_of_providers_names_none():
    text = "| Perceel | Plaats |\n|---|---|\n| Ambulant | Utrecht |\n| Verblijf Jeugd | Nieuwegein |\n"
    assert not find_organisations(text)


def test_a_buyer_or_a_total_in_a_column_of_organisations_is_no_provider():
    text = ("| Organisatie | Bedrag |\n|---|---|\n| Gemeente Utrecht | 10 |\n| Regio Zuid | 5 |\n| Totaal | 15 |\n"
            "| Stichting Timon | 3 |\n")
    got = {o["name"]: o["role"] for o in find_organisations(text)}
    assert got.get("Stichting Timon") == "provider" and not any(r == "provider" for n, r in got.items() if n != "Stichting Timon"), got


def test_100_kb_of_tables_teams_and_programmes_is_read_in_linear_time():
    from tests.speed import linear_time
    unit = ("| Aanbieder | Lijn5 Zorg |\n het Expertiseteam Jeugd van Ede, JB Ede en Jeugdbescherming Ede is een "
            "programma van aanbieders, onder meer Aa Bb. ")
    assert linear_time(find_organisations, unit) < 8  # (linear: about 4; quadratic: 16)


def test_a_region_named_as_the_end_of_the_body_that_buys_for_it_is_that_body(read):
    text = ("Netwerkorganisatie regio Alkmaar verzorgt de inkoop van de jeugdhulp voor de gemeenten. De regio Alkmaar "
            "publiceert de gewijzigde inschrijfdatum van de aanbesteding.")
    got = _orgs(read(text))
    assert got.get("Netwerkorganisatie regio Alkmaar") == "buyer" and "regio Alkmaar" not in got, got


def test_a_page_of_thousands_of_names_and_abbreviations_is_read_in_linear_time():
    # every name distinct: each abbreviated name is compared with the full names that may be its own, not with all
    import itertools
    from tests.speed import linear_time
    words = ["".join(p).capitalize() for p in itertools.product("bcdfgklmnprst", "aeiou", "bcdfgklmnprst")]
    text = "".join(f"Jeugdhulpaanbieders JB {w} en Jeugdbescherming {w} werken samen. " for w in words)
    assert len(text) > 50_000  # 2,197 names
    assert linear_time(find_organisations, lambda n: text[:n], len(text)) < 8  # (linear: about 4; quadratic: 16)
