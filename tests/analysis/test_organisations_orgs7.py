"""Awardees and organisations on pages never seen, round seven (issue 11, branch orgs7): more of the general Dutch ways
of telling an award (gunnen with the party as indirect object, the party contracted in the passive, "in zee gaan met",
the party chosen as the new provider, the award received, the care provided by it from a date on), the precision guards
of an award of an earlier round and a contract said to end, and organisations named after their kind.

Every sentence here is SYNTHETIC: written for the test after general Dutch phrasings; the names are invented or common
words, no page's text is copied.
"""

import pytest

from tests.analysis.test_organisations_orgs4 import awardees, roles


# --- the award told the general Dutch ways still missed ------------------------------------------

@pytest.mark.parametrize("text", [
    "De regio gunt Eikenrode de opdracht voor de jeugdbescherming.",
    "De gemeente heeft Eikenrode de opdracht gegund.",
    "Het college heeft besloten om Eikenrode het perceel ambulante jeugdhulp te gunnen.",
    "Aan Eikenrode is de opdracht voor de jeugdhulp gegund.",
    "Aan jeugdhulpaanbieder Eikenrode is het contract gegund.",
    "Na een zorgvuldige beoordeling is aan Eikenrode de opdracht gegund.",
    "Eikenrode is gecontracteerd voor de specialistische jeugdhulp.",
    "De gemeente gaat in zee met jeugdhulpaanbieder Eikenrode.",
    "De gemeenten zijn met Eikenrode in zee gegaan.",
    "De regio heeft Eikenrode als nieuwe aanbieder gekozen.",
    "Eikenrode heeft de gunning gekregen voor de jeugdhulp in de regio.",
    "Eikenrode krijgt de ambulante jeugdhulp in de regio gegund.",
    "De jeugdhulp wordt vanaf 1 januari 2025 geleverd door Eikenrode.",
    "De aanbesteding is binnengehaald door Eikenrode.",
    "Zorgaanbieder Eikenrode heeft het contract voor de jeugdhulp binnengesleept.",
    "De gemeente sloot een contract met jeugdhulpaanbieder Eikenrode.",
    "De gemeente heeft een overeenkomst gesloten met Eikenrode.",
    "Met Eikenrode is een contract gesloten voor de jeugdhulp.",
])
def test_an_award_told_the_general_dutch_ways_names_its_awardee(text):
    assert awardees(text) == ["Eikenrode"]


@pytest.mark.parametrize("text,expected", [
    ("In 2020 zijn alle aanbieders gecontracteerd.", []),
    ("Sinds 2015 is de zorg gecontracteerd.", []),
    ("Volgens de gemeente heeft Eikenrode de opdracht niet gekregen en is de opdracht gegund aan Wilgenhof.", ["Wilgenhof"]),
])
def test_a_sentences_opening_words_and_another_clauses_verb_name_no_awardee(text, expected):
    assert awardees(text) == expected


def test_parties_contracted_in_the_passive_are_awardees_each():
    assert awardees("Eikenrode en Wilgenhof zijn gecontracteerd voor de jeugdhulp.") == ["Eikenrode", "Wilgenhof"]


@pytest.mark.parametrize("text", [
    "De gemeente wil in zee met Eikenrode.",
    "Mogelijk wordt Eikenrode gecontracteerd.",
    "Wordt Eikenrode gecontracteerd?",
    "Eikenrode is niet gecontracteerd voor de jeugdhulp.",
    "De gemeente heeft Eikenrode de opdracht niet gegund.",
    "Aan Eikenrode is een subsidie verleend.",
    "Het college heeft Eikenrode de opdracht gegeven om een plan te maken.",
    "Met Eikenrode is een gesprek gevoerd over het contract.",
])
def test_an_award_supposed_denied_or_of_something_else_names_no_awardee(text):
    assert awardees(text) == []


# --- precision: an award of an earlier round, a contract that ends ------------------------------

@pytest.mark.parametrize("text", [
    "De opdracht ging naar Wilgenhof. In 2019 was de opdracht nog gegund aan Eikenrode.",
    "De opdracht ging naar Wilgenhof. Eerder was de jeugdhulp gegund aan Eikenrode.",
    "De opdracht ging naar Wilgenhof. De vorige aanbesteding werd gewonnen door Eikenrode.",
])
def test_the_winner_of_an_earlier_round_beside_this_rounds_winner_is_no_awardee(text):
    assert awardees(text) == ["Wilgenhof"]


@pytest.mark.parametrize("text", [
    "Zoals eerder gemeld is de jeugdhulp gegund aan Eikenrode.",
    "Eerder was de jeugdhulp gegund aan Eikenrode.",
])
def test_an_award_told_as_earlier_news_or_alone_stays_the_texts_award(text):
    assert awardees(text) == ["Eikenrode"]


@pytest.mark.parametrize("text", [
    "In de eerste ronde werd perceel 1 gegund aan Eikenrode. In de tweede ronde is perceel 2 gegund aan Wilgenhof.",
    "De opdracht is, net als eerder, gegund aan Eikenrode. Perceel 2 is gegund aan Wilgenhof.",
])
def test_awards_of_two_lots_or_an_award_as_before_are_no_earlier_round(text):
    assert awardees(text) == ["Eikenrode", "Wilgenhof"]


def test_a_party_whose_contract_is_said_to_end_is_no_awardee_but_still_a_party():
    from tenderarchive.analysis import analyse
    text = ("De gemeente heeft de aanbesteding voor de ambulante jeugdhulp definitief gegund aan Wilgenhof. Het contract "
            "met Eikenrode is in 2015 gesloten en loopt eind dit jaar af.")
    assert awardees(text) == ["Wilgenhof"]
    out = analyse(text)
    assert out["awardees"] == ["Wilgenhof"]
    assert {o["name"]: o["role"] for o in out["organisations"]}.get("Eikenrode") == "provider"


# --- precision: the loser, objector and former provider told the general Dutch ways ----------------

@pytest.mark.parametrize("sentence", [
    "Eikenrode legt zich niet neer bij de gunning.",
    "Eikenrode diende een klacht in over de gunning.",
    "Eikenrode heeft een klacht ingediend.",
    "Eikenrode daagde de gemeente voor de rechter.",
    "Eikenrode eiste in kort geding een nieuwe beoordeling.",
    "Eikenrode eindigde als tweede.",
    "Eikenrode is buiten de boot gevallen.",
    "Eikenrode, die de aanbesteding verloor, overweegt stappen.",
    "Eikenrode liep de opdracht mis.",
    "Eikenrode heeft het nakijken.",
    "Eikenrode is gediskwalificeerd.",
    "De inschrijving van Eikenrode werd ongeldig verklaard.",
    "Verliezer Eikenrode gaat in beroep.",
    "Eikenrode, de verliezende partij, beraadt zich.",
])
def test_a_party_told_as_loser_or_objector_is_no_awardee(sentence):
    assert awardees("De jeugdhulp is gegund aan Wilgenhof en Eikenrode. " + sentence) == ["Wilgenhof"]


@pytest.mark.parametrize("sentence", [
    "Eikenrode was tot dit jaar aanbieder van de jeugdhulp.",
    "Eikenrode was jarenlang de aanbieder.",
    "De zittende partij Eikenrode is teleurgesteld.",
    "Het huidige contract met Eikenrode loopt tot 1 januari.",
    "Eikenrode stopt per 1 januari met de jeugdhulp.",
])
def test_a_party_told_as_the_provider_until_now_away_from_its_award_is_no_awardee(sentence):
    assert awardees("De jeugdhulp is gegund aan Wilgenhof en Eikenrode. " + sentence) == ["Wilgenhof"]


def test_a_provider_awarded_again_stays_an_awardee_though_the_text_names_it_the_current_one():
    text = "De jeugdhulp is opnieuw gegund aan Eikenrode. Eikenrode was jarenlang de aanbieder."
    assert awardees(text) == ["Eikenrode"]


@pytest.mark.parametrize("sentence", [
    "De opdracht voor het beschermd wonen ging naar Eikenrode.",
    "De maatschappelijke opvang is gegund aan Eikenrode.",
    "De opdracht voor de huisvesting van statushouders ging naar Eikenrode.",
    "Eikenrode won de aanbesteding voor de dagbesteding voor volwassenen.",
])
def test_the_winner_of_another_social_domain_service_on_the_page_is_no_awardee(sentence):
    assert awardees("De jeugdhulp is gegund aan Wilgenhof. " + sentence) == ["Wilgenhof"]


# --- organisations: buyers, courts and parties named the general Dutch ways still missed -----------

def buyers(text: str, municipalities: list[str]) -> set[str]:
    from tenderarchive.analysis.organisations import find_organisations
    found = find_organisations(text, awardees=[], municipalities=[{"name": m} for m in municipalities])
    return {o["name"] for o in found if o["role"] == "buyer"}


def test_a_dateline_under_the_title_and_author_lines_names_the_buyer():
    text = "Inkoop jeugdhulp\n12 maart 2016\nANNA BERK\nEIKENDAM – De gemeente gaat de jeugdhulp zelf inkopen."
    assert "gemeente Eikendam" in buyers(text, ["Eikendam"])


def test_a_dateline_deep_in_the_text_names_no_buyer():
    text = "Inkoop jeugdhulp.\n" + "Een lange alinea over de jeugdzorg. " * 30 + "\nEIKENDAM – De gemeente zegt niets."
    assert buyers(text, ["Eikendam"]) == set()


@pytest.mark.parametrize("text", [
    "De gemeente gaat, net als Wilgendam, de jeugdhulp zelf inkopen.",
    "Onder de regio vallen 16 gemeentes, waaronder Wilgendam.",
    "Naast Wilgendam doen ook mee: Eikendam en Beukendam.",
])
def test_a_municipality_named_as_the_buyers_companion_or_example_is_a_buyer(text):
    assert "gemeente Wilgendam" in buyers(text, ["Wilgendam", "Eikendam", "Beukendam"])


@pytest.mark.parametrize("text,name", [
    ("De Raad van State oordeelde anders.", "Raad van State"),
    ("Partijen worden hierna respectievelijk aangeduid als 'het Consortium', 'de gemeenten' en 'Eik voor jeugd'.",
     "Eik voor jeugd"),
    ("Partijen worden hierna aangeduid als ‘ het Consortium , ‘de gemeenten’ en ‘ Eik voor jeugd ’.", "Eik voor jeugd"),
])
def test_a_court_and_the_parties_a_ruling_names_in_quotes_are_organisations(text, name):
    assert name in roles(text)


def test_a_rulings_defined_terms_of_a_kind_are_no_parties():
    found = roles("Partijen worden hierna aangeduid als 'het Consortium', 'de gemeenten' en 'eiseres'.")
    assert not {"Consortium", "gemeenten", "eiseres"} & set(found)


@pytest.mark.parametrize("text,name,role", [
    ("Zorgverlener Eikenrode heeft een wachtlijst.", "Eikenrode", "provider"),
    ("De jeugd-ggz-aanbieder Eikenrode heeft een wachtlijst.", "Eikenrode", "provider"),
    ("De zorgaanbieders, waaronder Eikenrode en Wilgenhof, zijn tevreden.", "Wilgenhof", "provider"),
    ("Volgens Eikenrode-directeur Anna Berk is het tarief te laag.", "Eikenrode", "provider"),
    ("Volgens directeur Anna Berk van Eikenrode is het tarief te laag.", "Eikenrode", "provider"),
    ("Jeugdzorgregio Eikenland heeft de aanbesteding gestart.", "Jeugdzorgregio Eikenland", "buyer"),
    ("Het Regionaal Inkoopbureau Eikenland voert de aanbesteding uit.", "Regionaal Inkoopbureau Eikenland", "buyer"),
    ("Brancheorganisatie Jeugdzorg Nederland is kritisch.", "Jeugdzorg Nederland", "adviser"),
])
def test_a_party_named_after_its_kind_or_by_its_officer_is_an_organisation(text, name, role):
    assert roles(text).get(name) == role


@pytest.mark.parametrize("text", [
    "Volgens CDA-woordvoerder Anna Berk is het tarief te laag.",
    "Volgens Wmo-directeur Anna Berk is het tarief te laag.",
])
def test_a_political_party_or_a_service_before_an_officers_function_is_no_organisation(text):
    assert roles(text) == {}
