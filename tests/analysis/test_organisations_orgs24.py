"""Awardees on pages never seen, round twenty-four (issue 11, branch orgs24): the general Dutch family of "the party
won" sentences gives an awardee -- "X heeft de aanbesteding / de opdracht / het contract / het perceel gewonnen", "X wint
de aanbesteding", "(De) winnaar (van de aanbesteding) is X", "X is als winnaar uit de bus gekomen", "X krijgt / kreeg de
opdracht", "De opdracht gaat naar X" -- also where the party's name opens with a care word and ends in its legal form
("Jeugdhulp Zuid B.V."); not where the sentence denies or asks it, nor where the "winner" is a municipality, a place or
a person.

The phrasings are real-style Dutch ones seen on pages (a few words each).
"""

import pytest

from tests.speed import LINEAR, linear_time

# a page about a youth-care tender, so that its awardees are this archive's (an irrelevant page has none)
_CONTEXT = "De gemeenten in de regio hebben de jeugdhulp aanbesteed. "


def _awardees(text: str) -> list[str]:
    from tenderarchive.analysis.organisations import find_awardees
    return [a["name"] for a in find_awardees(text)]


@pytest.mark.parametrize("text,names", [
    ("Jeugdhulp Zuid B.V. heeft de aanbesteding gewonnen.", ["Jeugdhulp Zuid B.V."]),
    ("Jeugdzorg Noord BV heeft de aanbesteding voor de jeugdhulp in de regio gewonnen.", ["Jeugdzorg Noord BV"]),
    ("Kindzorg Oost B.V. en Hulp West B.V. hebben de opdracht gewonnen.", ["Kindzorg Oost B.V.", "Hulp West B.V."]),
    ("Stichting Kindkracht heeft het contract voor de ambulante jeugdhulp gewonnen.", ["Stichting Kindkracht"]),
    ("Zorgkracht B.V. heeft het perceel jeugd-ggz gewonnen.", ["Zorgkracht B.V."]),
    ("Jeugdzorg Noord B.V. wint de aanbesteding voor de jeugdhulp.", ["Jeugdzorg Noord B.V."]),
    ("Winnaar van de aanbesteding jeugdhulp is Zorgkracht B.V.", ["Zorgkracht B.V."]),
    ("Winnaar is Stichting Kindkracht.", ["Stichting Kindkracht"]),
    ("Zorgkracht B.V. is als winnaar uit de bus gekomen.", ["Zorgkracht B.V."]),
    ("Stichting Kindkracht krijgt het perceel jeugdhulp.", ["Stichting Kindkracht"]),
    ("Jeugdhulp Zuid B.V. kreeg het contract.", ["Jeugdhulp Zuid B.V."]),
    ("De opdracht gaat naar Jeugdhulp Zuid B.V.", ["Jeugdhulp Zuid B.V."]),
    # a person's shape alone is no person: a firm named after its founders
    ("Willemsen de Koning heeft de aanbesteding gewonnen.", ["Willemsen de Koning"]),
])
def test_a_party_told_as_the_winner_is_an_awardee(read, text, names):
    result = read(_CONTEXT + text)
    assert result["relevant"], result
    assert all(n in result["awardees"] for n in names), result["awardees"]
    assert not any(n.startswith(("Winnaar", "Jeugdhulp Zuid B.V. heeft")) for n in result["awardees"]), result["awardees"]


@pytest.mark.parametrize("text", [
    "Zorgkracht B.V. heeft de aanbesteding niet gewonnen.",
    "Jeugdhulp Zuid B.V. krijgt de opdracht niet.",
    "De opdracht gaat niet naar Zorgkracht B.V.",
    "Wie wint de aanbesteding voor de jeugdhulp?",
    "Welke aanbieder wint de aanbesteding?",
    "Heeft Zorgkracht B.V. de aanbesteding gewonnen?",
    "Wint Stichting Kindkracht de aanbesteding?",
    "Zorgkracht B.V. wint de aanbesteding voor de jeugdhulp?",
    "Gemeente Utrecht heeft de aanbesteding gewonnen.",
    "Utrecht wint de aanbesteding.",
    "Jan de Vries, wethouder van Utrecht, is blij. Jan de Vries heeft de aanbesteding gewonnen.",
    "Anna Bakker (54) is blij. Winnaar is Anna Bakker.",
])
def test_a_win_denied_asked_or_of_no_party_gives_no_awardee(read, text):
    assert _awardees(_CONTEXT + text) == []
    assert read(_CONTEXT + text)["awardees"] == []


def test_a_question_before_the_answer_keeps_the_answer():
    assert _awardees("Wie wint de aanbesteding? Zorgkracht B.V. heeft de aanbesteding gewonnen.") == ["Zorgkracht B.V."]


def test_a_legal_form_makes_a_care_word_a_party_name():
    from tenderarchive.analysis.organisations import _clean_name
    assert _clean_name("Jeugdhulp Zuid B.V.") == "Jeugdhulp Zuid B.V."
    assert _clean_name("Jeugdzorg Noord BV") == "Jeugdzorg Noord BV"
    assert _clean_name("Jeugdhulp Zuid") is None  # a service in a region, no party


def test_the_winner_family_stays_fast_on_long_text():
    from tenderarchive.analysis.organisations import find_awardees
    assert linear_time(find_awardees, "Jeugdhulp Zuid B.V. en Hulp West B.V. hebben de ") < LINEAR
    assert linear_time(find_awardees, "Winnaar van de aanbesteding Zorg Oost is Winnaar ") < LINEAR
    assert linear_time(find_awardees, "Zorgkracht B.V. wint de aanbesteding Zorg ") < LINEAR
