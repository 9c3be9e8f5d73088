"""Organisations on pages never seen, round eleven (issue 11, branch orgs11): an abbreviation spelled out as a phrase,
an institution named with the organisation it belongs to, one pattern for a consortium and its members.

The phrasings are real Dutch ones seen on pages (public text, a few words each); the names in the guards are invented.
"""

import pytest

from tenderarchive.analysis.organisations import find_organisations
from tests.speed import LINEAR, linear_time, repeat
from tests.analysis.conftest import organisation_roles as _orgs


# --- an abbreviation written first, its spelled-out form a phrase -----------------------------------------------

def test_an_abbreviation_spelled_out_as_a_phrase_names_the_body(read):
    text = ("Al lange tijd vraagt de fractie aandacht voor de cliëntenstop, die BEZINN (Boer en Zorg in Noord "
            "Nederland) al in augustus vorig jaar moest invoeren.")
    assert _orgs(read(text)).get("BEZINN") == "provider"


@pytest.mark.parametrize("text", [
    "De regio volgt het advies van de ACM (Autoriteit die bij wet toeziet).",  # the phrase does not spell it
    "Daarover sprak de raad (Zie ook de bijlage bij het besluit).",
    "Het IZA (Integraal Zorgakkoord van het kabinet) geldt ook hier.",  # an agreement, no body
])
def test_a_bracketed_phrase_that_does_not_spell_the_word_names_no_body(read, text):
    orgs = _orgs(read(text))
    assert not {"ACM", "IZA"} & set(orgs) and not any(n.startswith(("Autoriteit", "Zie", "Integraal")) for n in orgs)


# --- an institution named with its organisation ------------------------------------------------------------------

def test_an_institution_of_an_organisation_is_read_as_both(read):
    text = ("Dit heeft ingrijpende gevolgen voor de 72 jongeren die in de gesloten jeugdhulpinstelling Transferium van "
            "Parlan in Heerhugowaard verblijven.")
    orgs = _orgs(read(text))
    assert orgs.get("Transferium") == "provider" and orgs.get("Parlan") == "provider"
    assert "Transferium van Parlan" not in orgs


@pytest.mark.parametrize("text,name", [
    ("De jongeren verblijven in de zorginstelling Huis van de Jeugd.", "Huis van de Jeugd"),
    ("Het geld gaat naar de jeugdzorginstelling Vrienden van Eikenrode.", "Vrienden van Eikenrode"),
])
def test_a_body_whose_own_name_has_van_is_not_cut(read, text, name):
    assert _orgs(read(text)).get(name) == "provider"


# --- one pattern for a consortium and its members --------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("Het samenwerkingsverband Kracht Oost, bestaande uit Eikenrode en Wilgenhof, levert de zorg.",
     {"Kracht Oost", "Eikenrode", "Wilgenhof"}),
    ("Het consortium bestond uit Eikenrode, Wilgenhof en Berkenhof.", {"Eikenrode", "Wilgenhof", "Berkenhof"}),
    ("De coöperatie Kracht Oost bestaan uit Eikenrode en Wilgenhof.", {"Kracht Oost", "Eikenrode", "Wilgenhof"}),
    ("De zorg komt van een combinatie van Eikenrode en Wilgenhof.", {"Eikenrode", "Wilgenhof"}),
])
def test_a_consortium_and_its_members_are_providers(read, text, expected):
    orgs = _orgs(read(text))
    assert {n for n in expected if orgs.get(n) == "provider"} == expected


def test_the_consortium_pattern_stays_linear_on_100_kb():
    for unit in ("het samenwerkingsverband Eik Wilg Linde Beuk, ", "consortium Eik en Wilg bestaande uit Linde en "):
        assert linear_time(find_organisations, unit) < LINEAR, unit


# --- a municipality named only as a place, where the sentence has it buy -----------------------------------------

@pytest.mark.parametrize("text,name", [
    # the gold's buyer written "de gemeente" on a page that names one municipality
    ("Op vrijdag 7 juli hebben wethouder Hilbert Bredemeijer (Jeugd) en bestuurders van twee samenwerkingsverbanden hun "
     "handtekening gezet onder de overeenkomst. Samen zijn zij verantwoordelijk voor de jeugdhulp in Den Haag.",
     "'s-Gravenhage"),
    ("In Zwolle sluit de gemeente een contract met de jeugdhulpaanbieders. In Kampen gebeurt dat pas later.", "Zwolle"),
    ("De enige gemeente waarvan het college de knoop nog niet heeft doorgehakt, is Castricum. \"Dat doen ze na het "
     "debat in de raad\", aldus de woordvoerder.", "Castricum"),
    ("De jeugdzorg in Castricum staat ter discussie. Tijdens het debat zal de Castricumse wethouder Ron de Haan aan de "
     "tand worden gevoeld.", "Castricum"),
])
def test_a_municipality_named_as_a_place_that_buys_is_the_buyer(read, text, name):
    result = read(text)
    assert name in [m["name"] for m in result["municipalities"]]
    assert _orgs(result).get(f"gemeente {name}") == "buyer"


@pytest.mark.parametrize("text", [
    "Jongeren uit Zwolle en Kampen krijgen hulp. De gemeente heeft een contract gesloten.",  # which one buys is not said
    "De aanbieder uit Zwolle heeft een contract met de regio.",  # no municipality acts
    "De gemeente Kampen sluit een contract met een aanbieder uit Zwolle.",  # the buyer is named; Zwolle is a seat
    "Jeugdzorgaanbieder Eikenrode uit Zwolle groeit. De gemeente sluit steeds vaker contracten met kleine aanbieders.",
])
def test_a_place_beside_another_buyer_or_none_is_no_buyer(read, text):
    assert _orgs(read(text)).get("gemeente Zwolle") is None


def test_the_place_buyer_reading_stays_linear_on_100_kb():
    from tenderarchive.analysis.places import find_municipalities
    for unit in ("In Zwolle sluit de gemeente een contract. ", "Zwolle Kampen de gemeente contract wethouder "):
        munis = find_municipalities(repeat(unit, 100_000))["municipalities"]
        assert linear_time(lambda text: find_organisations(text, municipalities=munis), unit) < LINEAR, unit


# --- a party named by its place in the sentence alone ------------------------------------------------------------

@pytest.mark.parametrize("text,name,role", [
    ("Ik kan me goed voorstellen dat veel jongeren de sluiting negatief hebben ervaren – dit was een onvermijdelijk "
     "effect dat ook Pluryn erkent. In de maanden voorafgaand aan de sluiting heeft Pluryn voor 40 jongeren een "
     "vervolgplek gezocht.", "Pluryn", "provider"),
    ("Samen met Karakter ontwikkelt de regio een nieuw aanbod voor jongeren.", "Karakter", "provider"),
    ("Veel jongeren uit de regio zijn in behandeling bij Lindenhout.", "Lindenhout", "provider"),
    ("Denk jij dat een kind aanvullende specialistische jeugdhulp nodig heeft? Dan kun je contact opnemen met MetMaya.",
     "MetMaya", "provider"),
    ("Kinderen, jongeren én hun ouders zijn welkom bij Spirit, ongeacht hun situatie of achtergrond.", "Spirit", "provider"),
    ("Voor deze locaties kiezen we ervoor om dit uit te besteden of door OPON uit te laten voeren.", "OPON", "provider"),
    ("Onder de werktitel \"Jeugdzorg in het Rood\" doet Follow the Money onderzoek naar de geldstromen in de jeugdzorg.",
     "Follow the Money", "adviser"),
    ("Beide organisaties, lid van het MIND Landelijk Platform Psychische Gezondheid, vinden dat er snel iets aan gedaan "
     "moet worden.", "MIND Landelijk Platform Psychische Gezondheid", "adviser"),
    ("In 2024 en 2025 vinden verschillende aanbestedingsrondes plaats. De uitvoer hiervan ligt bij de NMD-samenwerking.",
     "NMD-samenwerking", "buyer"),
])
def test_a_party_named_as_an_object_or_a_subject_is_an_organisation(read, text, name, role):
    assert _orgs(read(text)).get(name) == role


@pytest.mark.parametrize("text", [
    "Het plan is gemaakt samen met Jan.",  # once, about no care: a first name
    "Samen met Zwolle bekijkt de regio de jeugdzorg. Samen met Twente ook.",  # a place, a part of the country
    "\"Dat doen ze na het debat\", zegt woordvoerder Peter Rozenbeek. Ook nu Rozenbeek zegt dat het goed is, volgt er "
    "een debat.",  # a person's surname
    "Dit is een effect dat ook Eikenrode erkent.",  # a subject named once only
    "Neem contact op met Anna de Vries of met wethouder Berk.",  # persons
    "Jongeren kunnen terecht bij de Jeugdwet en in zorg bij Gemeenten.",  # a law, a kind
    "Zij is lid van de Tweede Kamer en lid van de Eikenrode. De keuze ligt bij Zwolle.",  # no association; a place
])
def test_a_person_a_place_or_a_single_subject_is_no_party_by_its_place(read, text):
    assert not _orgs(read(text))


def test_the_positional_reading_stays_linear_on_100_kb():
    for unit in ("dat ook Eikenrode erkent en samen met Eikenrode ", "jongeren wonen bij Eik Wilg Linde Beuk Es ",
                 "dat ook Post erkent, zegt Vrank Post. "):  # a surname read again at every mention took 7 s
        assert linear_time(find_organisations, unit) < LINEAR, unit
