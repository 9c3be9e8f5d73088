"""Organisations and awardees on pages never seen, round nine (issue 11, branch orgs9): the bid-set-aside check of
find_awardees linear on a text without full stops, and more of the general Dutch ways a page names its parties.

Every sentence here is SYNTHETIC: written for the test after general Dutch phrasings; the names are invented or common
words, no page's text is copied.
"""

from tenderarchive.analysis.organisations import find_awardees
from tests.speed import LINEAR, linear_time, repeat
from tests.analysis.conftest import organisation_roles as _orgs


# --- the bid set aside, looked for near the mention only ---------------------------------------------

def test_the_bid_set_aside_check_is_linear_on_100_kb_without_full_stops():
    def page(n):
        return "De opdracht is gegund aan Eik, " + repeat("Eik afgewezen, ", n)
    assert "." not in page(100_000)
    assert linear_time(find_awardees, page) < LINEAR  # (a search back to the text's start was quadratic)
    found = find_awardees(page(100_000))
    assert [a["name"] for a in found] == ["Eik"]  # "afgewezen" without a bid before it sets no bid aside


def test_a_bid_set_aside_in_a_long_text_without_full_stops_is_still_read():
    head = "De percelen zijn gegund aan Wilgenhof en Eikenrode, "
    tail = "de inschrijving van Eikenrode werd ongeldig verklaard"
    filler = "de jeugdhulp in de regio, " * 4000
    assert "." not in head + filler + tail
    assert [a["name"] for a in find_awardees(head + filler)] == ["Wilgenhof", "Eikenrode"]
    assert [a["name"] for a in find_awardees(head + filler + tail)] == ["Wilgenhof"]


# --- reading specifications (shared ``read`` fixture: every rule on, and every named rule off) -----------------

import pytest  # noqa: E402

AWARD = "De aanbesteding voor de ambulante jeugdhulp in de regio is afgerond. "


@pytest.mark.parametrize("text,expected", [
    ("Eikenrode gaat de jeugdhulp in de regio uitvoeren.", ["Eikenrode"]),
    ("Vanaf 1 januari 2025 gaat jeugdhulpaanbieder Eikenrode de jeugdbescherming uitvoeren.", ["Eikenrode"]),
    ("Eikenrode en Wilgenhof gaan samen de specialistische jeugdhulp leveren.", ["Eikenrode", "Wilgenhof"]),
    ("Eikenrode gaat de komende jaren de jeugdhulp in Twente verzorgen.", ["Eikenrode"]),
    ("Na de gunning gaat Eikenrode per 1 januari de opdracht uitvoeren.", ["Eikenrode"]),
])
def test_the_party_that_goes_to_carry_out_the_care_is_the_awardee(read, text, expected):
    assert read(AWARD + text)["awardees"] == expected


@pytest.mark.parametrize("text", [
    "De gemeente gaat de jeugdhulp zelf uitvoeren.",
    "Gemeente Zwolle gaat de jeugdhulp uitvoeren.",
    "Eikenrode gaat de jeugdhulp niet uitvoeren.",
    "Misschien gaat Eikenrode de jeugdhulp uitvoeren.",
    "Wie gaat de jeugdhulp uitvoeren?",
    "Eikenrode gaat met de gemeente in gesprek over de zorg die zij gaat leveren.",
])
def test_the_buyer_itself_a_denial_a_supposition_or_a_talk_names_no_awardee(read, text):
    assert read(AWARD + text)["awardees"] == []


@pytest.mark.parametrize("text", [
    "Er zijn drie aanbieders gecontracteerd: Eikenrode, Wilgenhof en De Berkenhof.",
    "De opdracht is gegund aan de volgende partijen: Eikenrode, Wilgenhof en De Berkenhof.",
])
def test_the_awarded_parties_after_their_kind_and_a_colon_are_awardees(read, text):
    assert read(AWARD + text)["awardees"] == ["Eikenrode", "Wilgenhof", "De Berkenhof"]


def test_two_parties_each_with_its_legal_form_are_two(read):
    assert _orgs(read("Stichting Jeugdformaat en Stichting Horizon leveren de jeugdhulp.")) == {
        "Stichting Jeugdformaat": "provider", "Stichting Horizon": "provider"}


@pytest.mark.parametrize("text,name,role", [
    ("De Raad voor de Kinderbescherming is bij de zaak betrokken.", "Raad voor de Kinderbescherming", "adviser"),
    ("Veilig Thuis Gelderland-Midden meldt een toename van het aantal meldingen.", "Veilig Thuis Gelderland-Midden", "provider"),
    ("Het ministerie van VWS stelt extra geld beschikbaar voor de jeugdhulp.", "ministerie van VWS", "buyer"),
    ("Het ministerie van Volksgezondheid, Welzijn en Sport betaalt mee.", "ministerie van Volksgezondheid, Welzijn en Sport", "buyer"),
    ("De Inspectie Gezondheidszorg en Jeugd deed onderzoek.", "Inspectie Gezondheidszorg en Jeugd", "adviser"),
    ("De Commissie van Aanbestedingsexperts gaf de klager gelijk.", "Commissie van Aanbestedingsexperts", "adviser"),
    ("De rekenkamer van Zwolle onderzocht de inkoop van jeugdhulp.", "rekenkamer van Zwolle", "adviser"),
    ("Gemeenschappelijke Gezondheidsdienst Zuid-Holland West voert de taken uit.",
     "Gemeenschappelijke Gezondheidsdienst Zuid-Holland West", "provider"),
    ("Ook vereniging Jeugdzorg Nederland reageerde op de plannen.", "vereniging Jeugdzorg Nederland", "provider"),
])
def test_the_national_public_bodies_are_named_with_their_role(read, text, name, role):
    assert _orgs(read(text)).get(name) == role


@pytest.mark.parametrize("text", [
    "Zwolle koopt de jeugdhulp samen met de regio in.",
    "Zwolle heeft de specialistische jeugdhulp opnieuw aanbesteed.",
    "Dit is de uitkomst van de aanbesteding die Zwolle heeft gehouden voor de jeugdhulp.",
    "Het inkooptraject van Zwolle is gestart.",
    "\nZWOLLE - Op 1 januari 2025 loopt het bestaande contract voor de jeugdhulp af.",
])
def test_a_municipality_named_as_the_one_that_buys_is_a_buyer(read, text):
    assert _orgs(read(text)).get("gemeente Zwolle") == "buyer"


@pytest.mark.parametrize("text", [
    "Jongeren uit Zwolle hebben de jeugdhulp ingekocht.",
    "In Zwolle kopen de zorgverzekeraars de zorg in.",
])
def test_a_municipality_named_as_a_place_is_no_buyer(read, text):
    assert "gemeente Zwolle" not in _orgs(read(text))


@pytest.mark.parametrize("text,name", [
    ("De regio Twente heeft besloten de jeugdhulp opnieuw aan te besteden.", "regio Twente"),
    ("Regio Drenthe koopt de jeugdhulp gezamenlijk in.", "Regio Drenthe"),
])
def test_a_jeugdregio_named_after_a_province_or_a_part_of_the_country_is_a_buyer(read, text, name):
    assert _orgs(read(text)).get(name) == "buyer"


@pytest.mark.parametrize("text,expected", [
    ("Stichting Eikenrode, gevestigd te Zwolle, hierna te noemen: opdrachtnemer.", {"Stichting Eikenrode": "provider"}),
    ("Gemeente Westland, gevestigd en kantoorhoudend aan de Stokdijkkade 2 te Naaldwijk.", {"Gemeente Westland": "buyer"}),
    ("De inschrijvers waren Eikenrode, Wilgenhof en het Leger des Heils.",
     {"Eikenrode": "provider", "Wilgenhof": "provider", "Leger des Heils": "provider"}),
    ("Eikenrode en Wilgenhof hebben een inschrijving ingediend.", {"Eikenrode": "provider", "Wilgenhof": "provider"}),
    ("Eikenrode schreef in op perceel 2.", {"Eikenrode": "provider"}),
    ("Het samenwerkingsverband Jeugdzorg Oost, bestaande uit Eikenrode en Wilgenhof, is opgericht.",
     {"Eikenrode": "provider", "Wilgenhof": "provider"}),
])
def test_the_parties_of_a_contract_the_bidders_and_a_consortiums_members_are_named(read, text, expected):
    assert _orgs(read(text)) == expected


@pytest.mark.parametrize("text", [
    "Mevrouw Anna Berk, gevestigd als huisarts, sprak in.",
    "De Stichting, gevestigd te Zwolle, is opgeheven.",
])
def test_a_person_or_a_bare_legal_form_before_gevestigd_is_no_party(read, text):
    assert _orgs(read(text)) == {}


@pytest.mark.parametrize("text", [
    "De opdracht is gegund aan Eikenrode, Kerkstraat 5 in Zwolle.",
    "De opdracht is gegund aan Eikenrode, Postbus 12, 8000 AB Zwolle.",
    "Deze aanbieders zijn gecontracteerd:\nEikenrode\nLees ook\nHome\nNieuws",
])
def test_an_address_or_the_pages_menu_under_an_award_is_no_awardee(read, text):
    assert read(AWARD + text)["awardees"] == ["Eikenrode"]


@pytest.mark.parametrize("text,expected", [
    ("Eikenrode en Wilgenhof hebben de aanbesteding gewonnen.", ["Eikenrode", "Wilgenhof"]),
    ("Eikenrode en Wilgenhof wonnen de aanbesteding.", ["Eikenrode", "Wilgenhof"]),
    ("Perceel 1 is gegund aan Eikenrode, perceel 2 aan Wilgenhof en perceel 3 aan De Berkenhof.",
     ["Eikenrode", "Wilgenhof", "De Berkenhof"]),
    ("De opdracht is gegund aan Eikenrode; de percelen 2 en 3 aan Wilgenhof.", ["Eikenrode", "Wilgenhof"]),
    ("De uitslag is bekend.\nGegund aan: Eikenrode", ["Eikenrode"]),
    ("De uitslag is bekend.\nWinnaars: Eikenrode en Wilgenhof", ["Eikenrode", "Wilgenhof"]),
    ("De uitslag is bekend.\nOpdrachtnemer: Eikenrode", ["Eikenrode"]),
    ("De opdracht is verstrekt aan Eikenrode.", ["Eikenrode"]),
    ("De gemeente heeft Eikenrode aangewezen als nieuwe aanbieder.", ["Eikenrode"]),
    ("Eikenrode is per 1 januari de nieuwe jeugdhulpaanbieder.", ["Eikenrode"]),
    ("Eikenrode levert vanaf 2025 de jeugdhulp in de regio.", ["Eikenrode"]),
    ("Vanaf 2025 voert Eikenrode de jeugdbescherming uit.", ["Eikenrode"]),
])
def test_more_general_ways_of_telling_the_award_name_every_awardee(read, text, expected):
    assert read(AWARD + text)["awardees"] == expected


@pytest.mark.parametrize("text", [
    "Sinds 2015 levert Eikenrode de jeugdhulp.",
    "Mogelijk levert Eikenrode vanaf 2025 de jeugdhulp.",
    "Eikenrode en Wilgenhof hebben de aanbesteding niet gewonnen.",
    "De uitslag volgt.\nOpdrachtnemer: nog niet bekend",
    "Het college heeft wethouder Berk aangewezen als contactpersoon.",
])
def test_a_provider_of_old_a_supposition_a_denial_or_an_empty_field_names_no_awardee(read, text):
    assert read(AWARD + text)["awardees"] == []
