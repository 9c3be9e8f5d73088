"""Organisations on pages never seen, round twenty (issue 11, branch orgs20): one organisation written in two spellings
of one word ("Willem" and "William Schrikker Groep") is read once, in the spelling the page uses most (both where each
is written as often); a date written
after a name ("Serviceorganisatie Jeugd ZHZ 15-08-2017") is no part of it; the abbreviation of a council's audit
committee ("de rekenkamercommissie in Midden-Brabant (RMB)") names no buyer nor any other organisation of the page.

The phrasings are real-style Dutch ones seen on pages (a few words each).
"""

import pytest

from tenderarchive.analysis.organisations import find_organisations
from tests.analysis.conftest import organisation_roles as _orgs


# --- one organisation, two spellings of a word ---------------------------------------------------------------------

@pytest.mark.parametrize("text,kept,dropped", [
    ("Nu de Willem Schrikker Groep zich net als Stichting Jeugdformaat niet heeft ingeschreven, is de keuzevrijheid in "
     "gevaar. De William Schrikker Groep bedient kinderen met een beperking. Volgens de William Schrikker Groep is de "
     "jeugdhulp in gevaar.", "William Schrikker Groep", "Willem Schrikker Groep"),
    ("De jeugdhulp wordt geleverd door Stichting Kwadrant Jeugdzorg. Stichting Kwadrant Jeugdzorg werkt samen met de "
     "gemeente. Ook Stichting Kwadrand Jeugdzorg is tevreden over de aanbesteding.",
     "Stichting Kwadrant Jeugdzorg", "Stichting Kwadrand Jeugdzorg"),
])
def test_two_spellings_of_one_word_are_one_organisation(read, text, kept, dropped):
    got = _orgs(read(text))
    assert kept in got and dropped not in got, got


def test_the_shapes_of_a_spelling_variant():
    from tenderarchive.analysis.organisations import _spelling_variants

    def kept(text, *names):
        return [o["name"] for o in _spelling_variants([{"name": n, "role": "provider"} for n in names], text)]

    # one word spelled two ways: the spelling written most often is kept
    assert kept("Willem Schrikker Groep. William Schrikker Groep. William Schrikker Groep.",
                "Willem Schrikker Groep", "William Schrikker Groep") == ["William Schrikker Groep"]
    # each written once: the page does not tell which spelling is right, both are kept
    assert kept("Willem Schrikker Groep. William Schrikker Groep.", "Willem Schrikker Groep", "William Schrikker Groep") \
        == ["Willem Schrikker Groep", "William Schrikker Groep"]
    # two places, two short words, two different words, a different number of words: two organisations
    assert kept("Zorggroep Almere. Zorggroep Almere.", "Zorggroep Almere", "Zorggroep Almelo") == ["Zorggroep Almere", "Zorggroep Almelo"]
    assert kept("Regio Gooi. Regio Gooi.", "Regio Gooi", "Regio Goes") == ["Regio Gooi", "Regio Goes"]
    assert kept("Jeugdzorg Oost. Jeugdzorg Oost.", "Jeugdzorg Oost", "Jeugdzorg West") == ["Jeugdzorg Oost", "Jeugdzorg West"]
    assert kept("Lindenhout. Lindenhout.", "Lindenhout", "Lindehout") == ["Lindenhout", "Lindehout"]  # one word alone: too little to tell
    assert kept("Stichting Jeugd Oost. Stichting Jeugd Oost.", "Stichting Jeugd Oost", "Stichting Jeugd") == ["Stichting Jeugd Oost", "Stichting Jeugd"]
    # an awardee is kept as read; its other spelling is dropped
    got = _spelling_variants([{"name": "Willem Schrikker Groep", "role": "provider"},
                              {"name": "William Schrikker Groep", "role": "awardee"}], "Willem Schrikker Groep.")
    assert [o["name"] for o in got] == ["William Schrikker Groep"]


def test_spelling_variants_stay_fast_on_many_names():
    from tenderarchive.analysis.organisations import _spelling_variants
    from tests.speed import LINEAR, linear_time

    def names(n):  # n names on a page of 40 characters a name
        orgs = [{"name": f"Stichting Zorg{i:04d} Groep{i % 7}", "role": "provider"} for i in range(n)]
        return orgs, "tekst " * (n * 40 // 6)
    assert linear_time(lambda given: _spelling_variants(*given), names, 3000) < LINEAR


# --- a date after a name -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,name", [
    ("Onderwerp Brief aan de raad op begrotingswijziging Serviceorganisatie Jeugd ZHZ 15-08-2017\nDe "
     "Serviceorganisatie Jeugd koopt de jeugdhulp in.", "Serviceorganisatie Jeugd ZHZ"),
    ("Brief van Stichting Jeugdformaat 3-4-2024\nStichting Jeugdformaat maakt bezwaar tegen de aanbesteding van de "
     "jeugdhulp.", "Stichting Jeugdformaat"),
])
def test_a_date_after_a_name_is_no_part_of_it(read, text, name):
    got = _orgs(read(text))
    assert not any(any(ch.isdigit() for ch in n) for n in got), got
    assert any(n == name or n.startswith(name) for n in got) or name.startswith("Stichting") and name in got, got


def test_a_number_inside_a_name_stays():
    from tenderarchive.analysis.organisations import _clean_name
    assert _clean_name("Serviceorganisatie Jeugd ZHZ 15-08-2017") == "Serviceorganisatie Jeugd ZHZ"
    assert _clean_name("Stichting Jeugdformaat 2024-04-03") == "Stichting Jeugdformaat"
    assert _clean_name("Spoor030") == "Spoor030"
    assert _clean_name("Zorg 2000") == "Zorg 2000"  # a year alone may be part of a name


# --- the abbreviation of a council's audit committee ---------------------------------------------------------------

@pytest.mark.parametrize("text,abbr", [
    ("Dit was voor de rekenkamercommissie in Midden-Brabant (RMB) aanleiding om de inkoopstrategie jeugdhulp van de "
     "regio Hart van Brabant te onderzoeken. De RMB heeft zich de vraag gesteld of de inkoop goed is. De RMB houdt de "
     "vinger aan de pols.", "RMB"),
    ("De Rekenkamer Oost-Nederland (RON) onderzocht de aanbesteding van de jeugdhulp van de regio Twente. De RON "
     "heeft geconcludeerd dat de inkoop beter kan. De RON beveelt de raad aan de contracten te volgen.", "RON"),
])
def test_an_audit_committees_abbreviation_is_no_organisation(read, text, abbr):
    got = _orgs(read(text))
    assert abbr not in got, got


def test_an_abbreviation_of_a_body_that_buys_is_still_read(read):
    text = ("De Serviceorganisatie Jeugd (SOJ), die de jeugdhulp inkoopt voor de gemeenten in de regio, is gestart. "
            "De SOJ heeft de aanbesteding voorbereid. De SOJ gunt de opdracht in mei.")
    got = _orgs(read(text))
    assert any(n.startswith("Serviceorganisatie Jeugd") or n == "SOJ" for n in got), got


# --- a municipality under its official name and the name the page writes -------------------------------------------

def test_a_municipality_read_by_the_name_the_page_writes_is_not_read_again_by_its_official_name():
    from tenderarchive.analysis.places import find_municipalities
    text = ("arrest van 7 juli 2020\ninzake\n1. Gemeente Den Haag,\nzetelend te Den Haag,\n2. Gemeente Rijswijk,"
            "\nzetelend te Rijswijk,\nappellanten,\ntegen\n1 Stichting Jeugdformaat,\ngevestigd te Rijswijk,"
            "\ngeïntimeerde.\nDe gemeente 's-Gravenhage heeft de jeugdhulp aanbesteed. De gemeente Rijswijk ook.")
    places = find_municipalities(text)
    got = [o["name"] for o in find_organisations(text, awardees=[], municipalities=places["municipalities"])]
    assert len([n for n in got if "Haag" in n or "Gravenhage" in n]) == 1, got
    assert len([n for n in got if "Rijswijk" in n]) == 1, got


# --- a weekday, month or season alone ------------------------------------------------------------------------------

@pytest.mark.parametrize("text,time_word,kept", [
    ("De jeugdhulp is ingekocht in samenwerking met Maandag en Stichting Lumens.", "Maandag", "Stichting Lumens"),
    ("Samen met Dinsdag is de jeugdhulp ingekocht. De gemeente werkt samen met Januari Zorg.", "Dinsdag", "Januari Zorg"),
    ("De gegunde partijen zijn:\n- Stichting Lumens\n- Woensdag\n- Oktober\nDe jeugdhulp start in 2025.", "Oktober",
     "Stichting Lumens"),
    ("Stichting Lumens levert de jeugdhulp. Samen met Zondag werkt de gemeente aan de jeugdhulp.", "Zondag",
     "Stichting Lumens"),
])
def test_a_weekday_month_or_season_alone_is_no_organisation(read, text, time_word, kept):
    result = read(text)
    got = _orgs(result)
    assert time_word not in got and time_word not in result["awardees"] and kept in got, (got, result["awardees"])
