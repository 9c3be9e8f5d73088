"""Organisations and awardees on pages never seen: name shapes, relations and documents (issue 11, branch orgs2).

Every sentence here is SYNTHETIC: written for the test, after the classes of misses that recur over several sites of
the development corpus (names without a legal form, providers told by their relation to the buyer, parties of a court
ruling, abbreviations); the names are invented or common words, no page's text is copied.
"""

import pytest

from tenderarchive.analysis.organisations import find_awardees, find_organisations


def organisations(text: str) -> dict[str, str]:
    return {o["name"]: o["role"] for o in find_organisations(text, [], [])}


# --- a provider known by the shape of its name ---------------------------------------------

@pytest.mark.parametrize("text,names", [
    # a head word of a care organisation before the name, with a lower-case article inside
    ("Volgens Jeugdbescherming Zuidwest is de wachtlijst te lang.", ["Jeugdbescherming Zuidwest"]),
    ("De zorg ging naar Thuiszorg de Groene Weide en GGZ Oostkust.", ["Thuiszorg de Groene Weide", "GGZ Oostkust"]),
    # a head word after the name
    ("Ook de Lindeboom Groep en Tamarisk Thuiszorg schreven een brief.", ["Lindeboom Groep", "Tamarisk Thuiszorg"]),
    # one capitalised word mid-sentence, a word that opens the sentence left out
    ("Volgens Kastanjestichting gaat het goed met de cliënten.", ["Kastanjestichting"]),
    ("Sinds vorig jaar werkt de gemeente met PLUKgroep.", ["PLUKgroep"]),
    # a list that holds a name ending in a lower-case "groep" goes on after it
    ("Zorgaanbieders Wilg, Beuk groep, ’t Eikenhuis en de Hazelaar zijn tevreden.", ["Wilg", "Beuk groep", "’t Eikenhuis", "Hazelaar"]),
])
def test_a_provider_is_read_by_the_shape_of_its_name(text, names):
    found = organisations(text)
    for n in names:
        assert found.get(n) == "provider", (n, found)


@pytest.mark.parametrize("text", [
    "De Werkgroep en de Doelgroep kwamen bijeen.",
    "De inkoop van Specialistische Jeugdhulp start in 2025.",
    "Het Inkoopplan Jeugdhulp en de Regiovisie Jeugdhulp zijn vastgesteld.",
    "Een Kwetsbare groep jongeren wacht op hulp.",
    "GGZ Jeugd en Jeugdbescherming Plus zijn diensten, geen partijen.",
])
def test_a_kind_of_care_or_a_common_noun_is_no_provider(text):
    assert organisations(text) == {}


# --- a provider told by its relation to the buyer ------------------------------------------

@pytest.mark.parametrize("text,names", [
    ("Op 1 januari loopt het bestaande contract met schoonmaakbedrijf Glansrijk af.", ["Glansrijk"]),
    ("De gemeente zet de samenwerking met Kompasrood voor twee jaar voort.", ["Kompasrood"]),
    ("De kortdurende hulp wordt tot eind 2020 overgenomen door Zonnedauw.", ["Zonnedauw"]),
    ("De gemeenten willen de jeugdreclassering niet meer laten uitvoeren door Trekvogel.", ["Trekvogel"]),
    ("Zij besloten de zorg in handen te leggen van de stichtingen Avondrood, Thuiszorg de Heide en Morgenster.",
     ["Avondrood", "Thuiszorg de Heide", "Morgenster"]),
    ("Het college besloot de taak onder te brengen bij de welzijnskoepel Kruispunt.", ["Kruispunt"]),
    ("Sinds 2020 werken de drie regio's nauw samen met Wilgenhof.", ["Wilgenhof"]),
])
def test_a_provider_is_read_from_its_relation_to_the_buyer(text, names):
    found = organisations(text)
    for n in names:
        assert found.get(n) == "provider", (n, found)


def test_who_carried_out_a_study_is_an_adviser_and_a_kind_of_party_no_name():
    assert organisations("Het onderzoek is uitgevoerd door Peilbureau Noord.") == {"Peilbureau Noord": "adviser"}
    assert organisations("De diensten worden uitgevoerd door Gecertificeerde Instellingen (GI's).") == {}


# --- the parties at the head of a court ruling ---------------------------------------------

RULING_HEAD = """Vonnis in kort geding van 3 maart 2021
in de zaak van
de besloten vennootschap met beperkte aansprakelijkheid
ZONNEDAUW ZORG B.V.,
gevestigd te Almelo,
eiseres,
advocaat mr. A. de Vries te Utrecht,
tegen
1. de publiekrechtelijke rechtspersoon
GEMEENTE WATERLAND-NOORD,
zetelend te Noordwijkerhout,
gedaagde,
2. GGD KUSTSTREEK-WEST,
te Breda,
hierna te noemen: de GGD,
3. de stichting
Stichting Kompasrood ,
statutair gevestigd te Gouda ,
"""


def test_the_parties_at_a_rulings_head_are_read_above_their_seat():
    found = organisations(RULING_HEAD)
    assert found["Zonnedauw Zorg B.V."] == "provider"
    assert found["gemeente Waterland-Noord"] == "buyer"
    assert found["GGD Kuststreek-West"] == "provider"
    assert found["Stichting Kompasrood"] == "provider"
    # the lawyer's line names no party
    assert not any("Vries" in n for n in found)


# --- a municipality that acts as the buyer without the word "gemeente" -------------------------

def buyers(text: str, municipalities: list[str]) -> dict[str, str]:
    found = find_organisations(text, [], [{"name": m} for m in municipalities])
    return {o["name"]: o["rule"] for o in found if o["role"] == "buyer"}


def test_the_place_of_a_dateline_is_the_buyer_when_its_college_acts():
    text = "ZEEWOLDE - Het college start de inkoop van jeugdhulp voor 2026."
    assert buyers(text, ["Zeewolde"]) == {"gemeente Zeewolde": "dateline"}
    # the council's party acting, or the place named later, is no buyer
    assert buyers("ZEEWOLDE – De fractie van D66 las in een brief van het College over de begroting.", ["Zeewolde"]) == {}
    assert buyers("Het college start de inkoop. ZEEWOLDE - Het college besloot.", ["Zeewolde"]) == {}


@pytest.mark.parametrize("text", [
    "Vanaf 1 januari gaan Epe, Heerde en Hattem samen de jeugdhulp inkopen.",
    "Kort gezegd: Epe, Heerde en Hattem kopen gezamenlijk jeugdzorg in.",
    "Naast Epe doen ook mee: Heerde en Hattem.",
])
def test_municipalities_listed_as_the_ones_who_buy_together_are_buyers(text):
    assert set(buyers(text, ["Epe", "Heerde", "Hattem"])) >= {"gemeente Heerde", "gemeente Hattem"}


def test_municipalities_listed_otherwise_are_no_buyers():
    assert buyers("In Epe, Heerde en Hattem stegen de kosten van de jeugdzorg.", ["Epe", "Heerde", "Hattem"]) == {}


# --- lists of parties, one to a line -----------------------------------------------------------

def test_a_bullet_item_is_a_name_as_written_with_its_lower_case_words():
    text = ("Er zijn 4 aanbieders gecontracteerd door de gemeente:\n- Wilg\n- Regionaal centrum voor Leesplezier\n"
            "- Lezen in de klas B.V.\n- Opstap")
    assert [a["name"] for a in find_awardees(text)] == ["Wilg", "Regionaal centrum voor Leesplezier",
                                                        "Lezen in de klas B.V.", "Opstap"]


def test_parties_listed_under_a_line_that_announces_them_are_providers():
    text = ("Het aanbod verdubbelt hiermee van 4 naar 8 partijen namelijk:\n- Wilg Thuis\n- De Nieuwe Hulp\n"
            "- Opstap\nHulp bij het huishouden\nHulp bij het huishouden is ondersteuning voor mensen.")
    assert organisations(text) == {"Wilg Thuis": "provider", "De Nieuwe Hulp": "provider", "Opstap": "provider"}
    # lots listed under a line about parties are no parties
    assert organisations("Aanbieders kunnen inschrijven op de volgende percelen van de aanbieders:\n- Perceel 1\n- Perceel 2") == {}


def test_the_winners_of_another_tender_are_providers_not_awardees():
    from tenderarchive.analysis import analyse
    text = ("Gemeente Zeewolde gunt de hulp bij het huishouden (Wmo).\n"
            "De gegunde partijen zijn:\n- Wilg Thuis\n- Opstap\n"
            "Zij leveren vanaf 1 januari 2026 huishoudelijke hulp aan inwoners met een Wmo-indicatie.")
    result = analyse(text, title="Nieuwe aanbieders huishoudelijke hulp")
    assert not result["relevant"] and result["awardees"] == []
    roles = {o["name"]: o["role"] for o in result["organisations"]}
    assert roles["Wilg Thuis"] == roles["Opstap"] == "provider"


# --- names defined by an abbreviation ------------------------------------------------------

@pytest.mark.parametrize("text,name", [
    # a letter of the abbreviation taken from inside a word
    ("Het Interprovinciaal Beraad (IPB) meldde dat de kosten stegen.", "Interprovinciaal Beraad"),
    # a small joining word gives no letter
    ("Het Landelijk Overleg van Jeugdraden (LOJ) vroeg aandacht.", "Landelijk Overleg van Jeugdraden"),
    # the abbreviation first, the name in brackets
    ("De gemeente gaf jaren subsidie aan WZJ (WijkZorg Jong).", "WijkZorg Jong"),
])
def test_a_name_defined_by_its_abbreviation_is_read(text, name):
    assert name in organisations(text)


@pytest.mark.parametrize("text", [
    "De Geestelijke Gezondheidszorg (GGZ) staat onder druk.",
    "Het Integraal Zorgakkoord (IZA) vraagt om samenwerking.",
    "Jongeren doen mee aan de Maatschappelijke Diensttijd (MDT).",
    "Het bestuur van de Gemeenschappelijke Regeling (GR) besloot.",
])
def test_a_sector_an_agreement_or_a_bare_kind_in_brackets_is_no_body(text):
    assert organisations(text) == {}


# --- an organisation named by who speaks or works for it, a body of interest by its kind ------------

def test_an_organisation_is_read_from_the_person_who_works_for_it():
    found = organisations("Dat zegt Anna de Wit, bestuurder van Zonnedauw. Piet Jansen, onderzoeker bij Kinderstem, "
                          "beaamt dat; ook directeur bij de Opstap sprak.")
    assert found == {"Zonnedauw": "provider", "Kinderstem": "adviser", "Opstap": "provider"}
    # the person named after the function is no organisation
    assert organisations("Volgens woordvoerder Anna de Wit gaat het goed.") == {}


def test_a_body_of_interest_is_read_after_its_kind():
    assert organisations("Volgens reizigersorganisatie Halte Noord gaat het goed.") == {"Halte Noord": "adviser"}


# --- buyers written in lower case, providers set off by commas or brackets -----------------------

@pytest.mark.parametrize("text,name", [
    ("In de afgelopen maanden heeft de jeugdhulpregio Veluwezoom een aanbesteding doorlopen.", "Jeugdhulpregio Veluwezoom"),
    ("De gemeenten starten een gemeenschappelijke regeling (GR) Vervoerplus per 1 mei.", "Gemeenschappelijke regeling Vervoerplus"),
])
def test_a_buyer_office_written_in_lower_case_is_read_with_its_name(text, name):
    assert organisations(text).get(name) == "buyer"


@pytest.mark.parametrize("text,names", [
    ("En die nieuwe jeugdhulpaanbieder, Zonnedauw,komt er.", ["Zonnedauw"]),
    ("De grootste organisaties in de provincie (de Wilg Stichting, Jeugd- en Gezinshoeders en het Baken) die zorgen "
     "voor de jeugdbescherming, weigeren.", ["Wilg Stichting", "Jeugd- en Gezinshoeders", "Baken"]),
    ("De Wilg Stichting, Jeugd- en Gezinshoeders en het Baken zijn op dit moment de organisaties die dat doen.",
     ["Wilg Stichting", "Jeugd- en Gezinshoeders", "Baken"]),
])
def test_providers_set_off_after_their_kind_or_said_to_be_the_ones(text, names):
    found = organisations(text)
    for n in names:
        assert found.get(n) == "provider", (n, found)


def test_an_adverb_or_a_law_is_no_provider():
    assert organisations("Verder zijn de aanbieders tevreden over de tarieven.") == {}
    assert organisations("Zorgfraude door zorgaanbieder WMO en Jeugdwet.") == {}


# --- awardees: the passive, the winner's idiom, krijgen with the verb first ------------------------

def awardees(text: str) -> list[str]:
    return [a["name"] for a in find_awardees(text)]


@pytest.mark.parametrize("text,names", [
    ("De aanbesteding voor de ambulante jeugdhulp is gewonnen door Zonnedauw en Opstap.", ["Zonnedauw", "Opstap"]),
    ("Kompasrood kwam als winnaar uit de bus.", ["Kompasrood"]),
    ("Zonnedauw krijgt de opdracht voor vier jaar.", ["Zonnedauw"]),
    ("Per 1 januari krijgt Zonnedauw het contract voor de jeugdbescherming.", ["Zonnedauw"]),
])
def test_the_winner_is_read_in_the_passive_by_idiom_and_with_krijgen(text, names):
    assert awardees(text) == names


def test_a_party_that_does_not_get_the_contract_is_no_awardee():
    assert awardees("Zonnedauw krijgt de opdracht niet.") == []
    assert awardees("Daarna krijgt Peilbureau Noord de opdracht om een plan te maken.") == []


# --- a list that a rule starts with is read in linear time --------------------------------------

@pytest.mark.parametrize("opening", ["", "Zorgaanbieders ", "de huidige aanbieders ", "organisaties ("])
def test_a_long_run_of_names_joined_by_en_is_read_quickly(opening):
    import time
    # "en" both joins a name and a list: a list not followed by the rule's verb was cut in exponentially many ways
    text = (opening + "Zonnedauw Groep en " * 40) * 3
    start = time.process_time()
    find_organisations(text, find_awardees(text), [])
    assert time.process_time() - start < 5
