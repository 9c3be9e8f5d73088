"""Organisations on pages never seen, round eighteen (issue 11, branch orgs18): a news medium the page quotes or cites,
and a team or department of the buying municipality, are no organisations with a role in the procurement.

The phrasings are real-style Dutch ones seen on pages (a few words each); the media and teams are real kinds.
"""

import pytest

from tenderarchive.analysis.organisations import find_organisations
from tests.analysis.conftest import organisation_roles as _orgs


# --- news media --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,medium,kept", [
    ("Uit documenten in handen van NH Nieuws blijkt dat de regio Gooi en Vechtstreek de jeugdhulp zelf gaat inkopen.",
     "NH Nieuws", "regio Gooi en Vechtstreek"),
    ("De aanbesteding is in samenwerking met Omroep Flevoland onderzocht. Het contract met Stichting Triade is verlengd.",
     "Omroep Flevoland", "Stichting Triade"),
    ("In samenwerking met RTV Oost en Stichting Kwadraad is de aanbesteding van de jeugdhulp besproken.",
     "RTV Oost", "Stichting Kwadraad"),
])
def test_a_news_medium_is_no_organisation_of_the_procurement(read, text, medium, kept):
    got = _orgs(read(text))
    assert medium not in got and kept in got, got


def test_a_medium_that_did_the_research_the_page_reports_is_still_read(read):
    # an adviser's role (the corpus' gold for "... doet Follow the Money onderzoek naar ...") is kept
    text = ("Onder de werktitel Jeugdzorg in het Rood doet Follow the Money onderzoek naar de geldstromen in de jeugdzorg. "
            "De aanbesteding van de jeugdhulp is gegund aan Stichting Parlan.")
    assert _orgs(read(text)).get("Follow the Money") == "adviser"


def test_the_shapes_of_a_medium():
    from tenderarchive.analysis.organisations import _medium
    assert _medium("Follow the Money") and _medium("het Noordhollands Dagblad") and _medium("de Gelderlander")
    assert not _medium("Stichting Jeugdformaat") and not _medium("Pluryn") and not _medium("Nieuwe Veste")


# --- teams and departments of the buyer --------------------------------------------------------------------------

@pytest.mark.parametrize("text,unit,kept", [
    ("In samenwerking met het Wijkteam Noord en Stichting Kwadraad is de aanbesteding voorbereid.",
     "Wijkteam Noord", "Stichting Kwadraad"),
    ("De jeugdhulp wordt geleverd door het Jeugdteam Zwolle en Stichting Travers.", "Jeugdteam Zwolle", "Stichting Travers"),
    ("De aanbesteding is uitgevoerd door het Inkoopteam Jeugd van de regio Twente. Het contract gaat naar Stichting Ambiq.",
     "Inkoopteam Jeugd", "Stichting Ambiq"),
    ("Samen met het Centrum voor Jeugd en Gezin en het Jeugd- en Gezinsteam Leiden is de aanbesteding gestart.",
     "Jeugd- en Gezinsteam Leiden", "Centrum voor Jeugd en Gezin"),
])
def test_a_team_of_the_municipality_is_no_organisation(read, text, unit, kept):
    got = _orgs(read(text))
    assert unit not in got and kept in got, got


@pytest.mark.parametrize("name", ["Regionaal Serviceteam Jeugd IJsselland", "Ondersteuningsteam Zorg voor de Jeugd",
                                  "Coöperatie JGT Holland Rijnland", "Adviesraad Sociaal Domein Zeist",
                                  "Stichting Sociaal Team Hengelo"])
def test_a_regional_team_or_a_team_with_a_legal_form_is_still_an_organisation(name):
    from tenderarchive.analysis.organisations import _municipal_unit
    assert not _municipal_unit(name)


@pytest.mark.parametrize("name", ["team Jeugd", "Team Inkoop Sociaal Domein", "afdeling Sociaal Domein", "Sociaal Domein",
                                  "Wijkteam Noord", "Gebiedsteam Zuid Ede", "Jeugdteams"])
def test_the_shapes_of_a_municipal_team(name):
    from tenderarchive.analysis.organisations import _municipal_unit
    assert _municipal_unit(name)


def test_100_kb_of_teams_and_media_is_read_in_linear_time():
    from tests.speed import linear_time
    unit = "samen met het Wijkteam Noord Jeugd Zorg, Omroep Aa Bb en RTV Cc. "
    assert linear_time(find_organisations, unit) < 8  # (linear: about 4; quadratic: 16)


# --- one organisation under two spellings ------------------------------------------------------------------------

@pytest.mark.parametrize("text,first,again", [
    ("In samenwerking met Youké en Stichting Youke wordt de jeugdhulp ingekocht.", "Youké", "Youke"),
    ("Het contract met Stichting Elker is verlengd. In samenwerking met Elker Jeugd- en Opvoedhulp en Karakter wordt de "
     "jeugdhulp ingekocht.", "Elker", "Elker Jeugd- en Opvoedhulp"),
    ("De jeugdhulp is gegund aan Pluryn. Stichting Pluryn levert de jeugdhulp vanaf 2025.", "Pluryn", "Stichting Pluryn"),
])
def test_one_organisation_written_twice_is_read_once(read, text, first, again):
    got = _orgs(read(text))
    assert len([n for n in got if first.casefold()[:4] in n.casefold()]) == 1, got
    assert "Karakter" in got or "Karakter" not in text


def test_two_organisations_that_share_a_first_word_are_both_read_and_an_awardee_is_kept():
    from tenderarchive.analysis.organisations import _one_spelling
    out = [{"name": "Stichting Elker", "role": "provider"}, {"name": "Elker Wonen", "role": "provider"},
           {"name": "Stichting Youké", "role": "awardee"}, {"name": "Youke", "role": "awardee"}]
    assert [o["name"] for o in _one_spelling(out)] == ["Stichting Elker", "Elker Wonen", "Stichting Youké", "Youke"]


# --- a person named beside the parties ----------------------------------------------------------------------------

@pytest.mark.parametrize("text,person,kept", [
    ("In samenwerking met Anna Jansen en Stichting Lindenhout wordt de jeugdhulp ingekocht. \"We zijn blij\", zegt "
     "wethouder Jansen.", "Anna Jansen", "Stichting Lindenhout"),
    ("De jeugdhulp wordt in samenwerking met Marco Visser en Stichting Prisma ingekocht, zegt Marco Visser, directeur van "
     "het inkoopbureau.", "Marco Visser", "Stichting Prisma"),
    ("In samenwerking met Els van Dijk (52) en Stichting Prisma is de aanbesteding van de jeugdhulp voorbereid.",
     "Els van Dijk", "Stichting Prisma"),
])
def test_a_person_the_page_names_as_one_is_no_organisation(read, text, person, kept):
    got = _orgs(read(text))
    assert person not in got and kept in got, got


def test_a_party_of_a_persons_shape_that_the_page_names_as_no_person_is_kept(read):
    text = "In samenwerking met Entrea Lindenhout en Stichting Prisma wordt de jeugdhulp ingekocht. Lindenhout is blij."
    assert _orgs(read(text)).get("Entrea Lindenhout") == "provider"


def test_100_kb_of_persons_and_parties_is_read_in_linear_time():
    from tests.speed import linear_time
    words = ["Aa", "Bb", "Cc", "Dd", "Ee", "Ff", "Gg", "Hh"]
    parts = [f"in samenwerking met {a}{b.lower()} {c}{d.lower()} en wethouder {c}{d.lower()}, directeur. "
             for a in words for b in words for c in words for d in words]
    text = "".join(parts)
    assert linear_time(find_organisations, lambda n: text[:n]) < 8  # (linear: about 4; quadratic: 16)
