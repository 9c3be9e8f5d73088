"""Organisations on pages never seen, round thirty-nine (issue 11, branch orgs39): awardees told at more length.

- A win with words between the noun and the verb: the object with its scope ("Stichting Jeugdformaat heeft de
  aanbesteding voor de jeugdhulp in de regio Haaglanden gewonnen"), the winner set among others ("Pluryn heeft als een
  van vijf partijen het perceel ... binnengehaald") and the award gone to a party after a long object ("De opdracht
  voor de jeugdhulp in de regio Utrecht Zuidoost is naar X gegaan"); up to twelve words between. A relative clause or a denial between them
  ("..., die door Y is gewonnen", "niet gewonnen") is no win of the subject.

- A consortium named with its members ("GO! voor jeugd, een samenwerking van stichting A, B en C"): the awardee is the
  consortium as the text names the winner, its name read whole; the members are awardees only where the text says
  they were contracted.

The phrasings are real-style Dutch ones seen on pages (a few words each).
"""

import pytest

from tests.speed import LINEAR, linear_time
from tests.analysis.conftest import organisation_roles as _orgs


# --- a win with words between the noun and the verb (item 1 of round 38's list) --------------------------------------

@pytest.mark.parametrize("text, name", [
    ("Stichting Jeugdformaat heeft de aanbesteding voor de jeugdhulp in de regio Haaglanden gewonnen.",
     "Stichting Jeugdformaat"),
    ("Stichting Jeugdformaat heeft de aanbesteding voor de specialistische jeugdhulp in de regio Zuid-Holland Zuid "
     "gewonnen.", "Stichting Jeugdformaat"),
    ("Stichting Timon heeft als een van vijf partijen het perceel ambulante jeugdhulp binnengehaald.", "Stichting Timon"),
    ("Stichting Timon heeft als een van vijf partijen het perceel voor de ambulante jeugdhulp in de regio Utrecht "
     "binnengehaald.", "Stichting Timon"),
    ("De regio heeft de jeugdhulp aanbesteed. De opdracht voor de jeugdhulp in de regio Utrecht Zuidoost is naar "
     "Stichting Timon gegaan.", "Stichting Timon"),
    ("De aanbesteding voor de specialistische jeugdhulp in de gemeenten Zeist en De Bilt is uiteindelijk naar Stichting "
     "Timon gegaan.", "Stichting Timon"),
])
def test_a_win_with_words_between_the_noun_and_the_verb(read, text, name):
    result = read(text)
    assert name in result["awardees"], result["awardees"]
    assert _orgs(result).get(name) == "awardee", _orgs(result)


@pytest.mark.parametrize("text, name", [
    ("Stichting Jeugdformaat heeft de aanbesteding voor de jeugdhulp in de regio Haaglanden niet gewonnen.",
     "Stichting Jeugdformaat"),
    ("Stichting Jeugdformaat heeft de aanbesteding aangevochten die voor de jeugdhulp in de regio door Stichting "
     "Timon is gewonnen.", "Stichting Jeugdformaat"),
    ("Stichting Timon heeft de opdracht voor de jeugdhulp in de regio Utrecht Zuidoost verloren, die door de "
     "combinatie werd binnengehaald.", "Stichting Timon"),
])
def test_a_denial_or_a_relative_clause_is_no_win(read, text, name):
    assert name not in read(text)["awardees"]


def test_reading_long_wins_is_linear(read):
    assert linear_time(read, "Stichting Alfa heeft de aanbesteding voor de jeugdhulp in de regio Beta Gamma Delta "
                             "Epsilon Zeta Eta Theta Iota gewonnen. ", 100_000) < LINEAR


# --- a consortium named with its members (item 2 of round 38's list) ---------------------------------------------------

_MEMBERS = ("stichting Pluryn", "Stichting Pluryn", "Pluryn", "Karakter", "Entrea Lindenhout")


@pytest.mark.parametrize("text", [
    "De aanbesteding is gewonnen door GO! voor jeugd, een samenwerking van stichting Pluryn, Karakter en Entrea "
    "Lindenhout.",
    "GO! voor jeugd, een samenwerking van stichting Pluryn, Karakter en Entrea Lindenhout, heeft de aanbesteding "
    "voor de jeugdhulp gewonnen.",
])
def test_the_consortium_named_with_its_members_is_the_awardee(read, text):
    result = read(text)
    assert result["awardees"] == ["GO! voor jeugd"], result["awardees"]
    assert not any(_orgs(result).get(n) == "awardee" for n in _MEMBERS), _orgs(result)


def test_members_said_to_be_contracted_are_awardees(read):
    text = ("De aanbesteding is gewonnen door GO! voor jeugd, een samenwerking van stichting Pluryn, Karakter en Entrea "
            "Lindenhout. Stichting Pluryn en Karakter zijn gecontracteerd voor de jeugdhulp.")
    result = read(text)
    assert {"GO! voor jeugd", "Stichting Pluryn", "Karakter"} <= set(result["awardees"]), result["awardees"]


def test_reading_consortium_appositions_is_linear(read):
    assert linear_time(read, "Alfa!, een samenwerking van stichting Beta, Gamma en Delta, heeft de ", 100_000) < LINEAR
