"""Organisations and awardees from phrasings the seed texts did not have (issue 11, branch orgs1).

Every sentence here is SYNTHETIC: written for the test, after phrasings that recur over several
sites of the development corpus; the names are invented or common words, no page's text is copied.
"""

import pytest

from tenderarchive.analysis.organisations import find_awardees, find_organisations


def awardees(text: str) -> list[str]:
    return [a["name"] for a in find_awardees(text)]


def organisations(text: str) -> dict[str, str]:
    return {o["name"]: o["role"] for o in find_organisations(text, [], [])}


# --- awardees: how Dutch says who was awarded or contracted --------------------------------

@pytest.mark.parametrize("text,names", [
    # the award as a noun, the winner behind a kind of provider, a brand with a lower-case start
    ("Het college nam kennis van de gunning aan zorgaanbieder x-Jeugd voor de uitvoering van JeugdzorgPlus.",
     ["x-Jeugd"]),
    ("Vorig jaar gunde het stadsdeel het jongerenwerk aan Stichting Avondrood.", ["Stichting Avondrood"]),
    ("De opdracht voor de ambulante jeugdhulp gaat naar Kompasgroep en Het Baken.", ["Kompasgroep", "Het Baken"]),
    # one of the winners
    ("Zonnehof, een van de winnaars van de aanbesteding, vond de tarieven te laag.", ["Zonnehof"]),
    # the idiom of winning
    ("Bekend werd dat Zonnehof de aanbesteding in 2019 aan het langste eind trok.", ["Zonnehof"]),
    # a contract with a named party, closed (branch orgs4: a contract only extended names no award, as the corpus
    # README's gold rule says -- see test_organisations_orgs4.py)
    ("Het contract dat met Zonnehof „op basis van objectieve criteria\" is gesloten, blijft staan.", ["Zonnehof"]),
    ("Zeven gemeenten hebben afspraken gemaakt met jeugdhulpaanbieder Zonnehof.", ["Zonnehof"]),
    # a partnership entered with named providers, the article before a later name kept in the list
    ("Met jeugdhulpaanbieders De Linde, Timpaan, het Baken en Zonnehof gaan ze de samenwerking aan.",
     ["De Linde", "Timpaan", "Baken", "Zonnehof"]),
    # the participating institutions after a colon
    ("Er zijn nieuwe contracten getekend. De deelnemende instellingen zijn: Zonnehof, Het Baken en Kompasgroep.",
     ["Zonnehof", "Het Baken", "Kompasgroep"]),
    # the members of a consortium the text says will carry out the work
    ("De gemeenten willen de jeugdhulp uit laten voeren door het samenwerkingsverband Samen Sterk. "
     "Dit samenwerkingsverband bestaat uit Zonnehof, De Linde en Kompasgroep.",
     ["Zonnehof", "De Linde", "Kompasgroep"]),
    # one organisation named after a colon
    ("Vanaf 1 januari 2025 is hiervoor één organisatie in Oosterhout en Dongen: JeugdNu.", ["JeugdNu"]),
    # who takes over after the tender
    ("Na de aanbesteding is besloten dat Zonnehof vanaf 1 januari 2026 de taken van De Linde zal overnemen.",
     ["Zonnehof"]),
])
def test_an_award_or_contract_written_the_dutch_way_names_its_parties(text, names):
    assert awardees(text) == names


@pytest.mark.parametrize("text", [
    # a provider named without an award or contract
    "Jongeren zouden met de nieuwe zorgaanbieder, Zonnehof, niet langer in de regio terechtkunnen.",
    # "Bezwaren" ends in "en" but is no list of names
    "Bezwaren\nAanbieder Zonnehof spande een kort geding aan.",
    # a sentence-initial article is the sentence's, a contract with the municipality names no party
    "De gemeente heeft het contract met de gemeente Dongen verlengd.",
])
def test_a_provider_named_without_award_or_contract_is_no_awardee(text):
    assert awardees(text) == []


# --- organisations and their roles ------------------------------------------------------------

@pytest.mark.parametrize("text,name,role", [
    # providers after the kind of party, also in enumerations with "als"
    ("De zorginstelling Zonnehof verkocht de grond.", "Zonnehof", "provider"),
    ("Aanbieders Zonnehof, De Linde en Kompasgroep vonden de eisen te hoog.", "De Linde", "provider"),
    ("Het gaat om grote jeugdzorgorganisaties als Kompasgroep en Zonnehof.", "Kompasgroep", "provider"),
    # parties told by their part in the procedure
    ("Zonnehof spant een kort geding aan tegen de gemeente.", "Zonnehof", "provider"),
    ("Zo spande Kompasgroep een kort geding aan.", "Kompasgroep", "provider"),
    ("Timpaan en Zonnehof maakten bezwaar tegen de inkoopprocedure.", "Timpaan", "provider"),
    ("De Linde en Zonnehof hebben zich niet ingeschreven op de aanbesteding.", "Zonnehof", "provider"),
    ("De huidige contractpartners, het Baken en Zonnehof, schreven opnieuw in.", "Baken", "provider"),
    ("De instelling Eikenhof, onderdeel van Zonnegroep Jeugd, vreest voor haar jongeren.", "Zonnegroep Jeugd", "provider"),
    ("JeugdNu is opgericht door Zonnehof, Kompasgroep en De Linde.", "Kompasgroep", "provider"),
    ("Het consortium bestaande uit Zonnehof, MEE en Kompasgroep is tevreden.", "MEE", "provider"),
    # buyers: a region as a body, public bodies by their head word
    ("Daarom heeft de regio Gooi en Vechtstreek de inkoop stopgezet.", "regio Gooi en Vechtstreek", "buyer"),
    ("De Leidse Regio heeft de toegang voorlopig gegund.", "Leidse Regio", "buyer"),
    ("De Gemeenschappelijke Regeling Jeugdhulp Zuidrand koopt de zorg in.", "Gemeenschappelijke Regeling Jeugdhulp Zuidrand", "buyer"),
    ("De Netwerkorganisatie regio Oosterveld verzorgt de inkoop.", "Netwerkorganisatie regio Oosterveld", "buyer"),
    # courts with their seat however the text writes it
    ("Het kort geding diende bij de rechtbank in Amsterdam.", "rechtbank Amsterdam", "court"),
    ("De zaak diende in de rechtbank van Haarlem.", "rechtbank van Haarlem", "court"),
    ("De Rotterdamse rechtbank verklaarde de bezwaren ongegrond.", "Rotterdamse rechtbank", "court"),
    ("Het Gerechtshof 's-Hertogenbosch bekrachtigde het vonnis.", "Gerechtshof 's-Hertogenbosch", "court"),
    # advisers: adviesraden, the party asked for advice, a body defined with its abbreviation
    ("Lees het advies van de Adviesraad Sociaal Domein Oosterveld.", "Adviesraad Sociaal Domein Oosterveld", "adviser"),
    ("Noorderlicht is gevraagd om advies over de inrichting van de stichting.", "Noorderlicht", "adviser"),
    ("Volgens het Landelijk Kennisinstituut Jeugd (LKJ) is de kaart compleet.", "Landelijk Kennisinstituut Jeugd", "adviser"),
    ("De Sociale Dienst Oostrand (SDO) regelt de voorzieningen.", "Sociale Dienst Oostrand", "buyer"),
])
def test_an_organisation_is_read_with_its_role(text, name, role):
    assert organisations(text).get(name) == role


@pytest.mark.parametrize("text,wrong", [
    # a law, a condition or a service defined with an abbreviation is no body
    ("Dat staat in de Wet Publieke Jeugdzorg (WPJ).", "Wet Publieke Jeugdzorg"),
    ("Het gaat om Ernstige Enkelvoudige Dyslexie (EED).", "Ernstige Enkelvoudige Dyslexie"),
    # a number after "regio" is no region
    ("Er zijn in de regio 420 kinderen zonder zorg.", "regio 420"),
    # an office inside a word is no office ("werkorganisatie", "inkooporganisatie")
    ("De Werkorganisatie Oosterveld Noord mag geen arbeidsrelatie hebben.", "Oosterveld Noord"),
])
def test_what_only_looks_like_an_organisation_is_not_one(text, wrong):
    assert wrong not in organisations(text)


def test_a_list_after_gemeenten_may_hold_municipalities_of_several_words():
    text = "De gemeenten Alphen aan den Rijn en Kaag en Braassem kopen samen in. De samenwerkende gemeentes Hillegom, Lisse en Teylingen ook."
    municipalities = [{"name": n} for n in ("Alphen aan den Rijn", "Kaag en Braassem", "Hillegom", "Lisse", "Teylingen")]
    buyers = {o["name"] for o in find_organisations(text, [], municipalities) if o["role"] == "buyer"}
    assert buyers == {"gemeente Alphen aan den Rijn", "gemeente Kaag en Braassem", "gemeente Hillegom", "gemeente Lisse",
                      "gemeente Teylingen"}


@pytest.mark.parametrize("text,wrong", [
    # a person who supports is no adviser firm; a Gemeenschappelijke Regeling without its name names no body
    ("De wethouder wordt ondersteund door Marion van Dijk en Noorderlicht.", "Marion van Dijk"),
    ("Dat is vastgelegd in de Gemeenschappelijke Regeling.", "Gemeenschappelijke Regeling"),
])
def test_a_person_or_a_bare_kind_of_body_is_no_organisation(text, wrong):
    assert wrong not in organisations(text)


def test_a_long_run_of_hyphenated_words_is_read_in_linear_time():
    # 100 KB of hyphen-joined capitalised words: with hyphens inside and between words a name could be cut 2^n ways,
    # and a pattern whose optional prefix word runs over hyphens from every word boundary rescans the chain (branch
    # orgs22: the council organ's "[\w-]*rekenkamer" took minutes); a ratio, not CPU seconds (tests/speed.py)
    from tests.speed import LINEAR, linear_time
    assert linear_time(lambda text: find_organisations(text, None, []), "Aap-Noot-") < LINEAR
