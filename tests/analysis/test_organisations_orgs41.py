"""Organisations on pages never seen, round forty-one (issue 11, branch orgs41): one body, one name.

- A page names a jeugdregio and the body that buys for the whole of it, or one regional body in two spellings: "de
  Regio Haaglanden" and "de regio Haaglanden (H10)", "de Gemeenschappelijke regeling RSJ IJsselland" and "het
  Regionaal Serviceteam Jeugd IJsselland", "de Jeugdhulpregio FoodValley" and "de regio FoodValley". That is one
  organisation, read once (the identities and aliases of ``jeugdregios.csv`` and ``regional_buyers.csv``), under the
  name that is not the region's, then the one without its legal form, then the first read.

- A name in mixed case run on into shouted text in capitals that holds a Dutch function word ("Centrum voor Jeugd en
  Gezin CA KOOP NU IN 2015 VOOR DE PRIJS VAN 2014", an advertisement in a scanned paper's next column) ends before it;
  an abbreviation after a name ("GGD GHOR Nederland") holds no such word and stays.

- A capitalised phrase with a word for a document in it ("het GGD Protocol Meldingen Calamiteiten Wmo", "de Regiovisie
  Jeugdhulp Holland Rijnland") names that document, not an organisation; a legal form keeps a body ("Stichting
  Convenant").

- The region a municipality buys for as its centrumgemeente ("de gemeente Almere, in haar rol als centrumgemeente van
  de jeugdhulpregio Flevoland") is that municipality's area: the municipality is the body, read once.

- A job title of the staff a page quotes ("Piet Bos (Contractmanager Jeugd)", "Senior Inkoper Sociaal Domein",
  "Projectleider Inkoop Jeugdhulp") is a person's work, no organisation; a body named with such a word and its body's
  word stays ("Regionaal Inkoopbureau IJmond").

- A local political party a councillor is named with ("Anna Smit (Eerlijk Alternatief)", "Els Bakker (Stadspartij
  Epe)") is no organisation of the purchase.

- Teams in the plural and fields named alone with capitals ("de Lokale Teams", "Wijkteams", "het Sociaal Domein",
  "Passend Onderwijs", a site's menu bullets under a list of awarded parties) name no party; a body named with them
  stays ("Samenwerkingsverband Passend Onderwijs Epe").

- A municipality beside its region ("gemeente Alkmaar", "regio Alkmaar"), two regions, and a subregio beside the body
  that buys for the whole region (MVS beside the GR Jeugdhulp Rijnmond) stay two.

The phrasings are real-style Dutch ones seen on pages (a few words each); the texts are SYNTHETIC.
"""

import pytest

from tests.analysis.conftest import organisation_roles as _orgs
from tests.speed import LINEAR, linear_time


@pytest.mark.parametrize("text, name", [
    ("De Regio Haaglanden biedt de jeugdhulpaanbieders een overbruggingscontract aan. Tien gemeenten in de regio "
     "Haaglanden (H10) hebben gesprekken gevoerd met de aanbieders over de inkoop van jeugdhulp.", "H10"),
    ("De Gemeenschappelijke regeling RSJ IJsselland koopt de jeugdhulp in voor elf gemeenten. Het Regionaal "
     "Serviceteam Jeugd IJsselland start de aanbesteding in maart.", "Regionaal Serviceteam Jeugd IJsselland"),
    ("De Jeugdhulpregio FoodValley start een aanbesteding voor de specialistische jeugdhulp. De regio FoodValley wil "
     "in 2025 nieuwe contracten sluiten.", "Jeugdhulpregio FoodValley"),
    ("Het inkoopbureau van de Gemeenschappelijke Regeling Jeugdhulp Rijnmond start de aanbesteding. De "
     "jeugdhulpregio Rijnmond contracteert zo de aanbieders.", "Gemeenschappelijke Regeling Jeugdhulp Rijnmond"),
])
def test_a_region_and_its_own_body_are_one_organisation_read_once(read, text, name):
    assert _orgs(read(text)) == {name: "buyer"}


@pytest.mark.parametrize("text, names", [
    ("De gemeente Alkmaar koopt de jeugdhulp in voor de regio Alkmaar. De regio Alkmaar heeft de aanbesteding gegund.",
     {"gemeente Alkmaar", "regio Alkmaar"}),
    ("De regio IJmond en de regio Zuid-Kennemerland kopen de jeugdhulp samen in.",
     {"regio IJmond", "regio Zuid-Kennemerland"}),
])
def test_a_municipality_and_its_region_and_two_regions_stay_two(read, text, names):
    assert set(_orgs(read(text))) == names


def test_a_subregio_is_not_the_body_of_the_whole_region():
    from tenderarchive.analysis.organisations import _one_body
    found = [{"name": "Gemeenschappelijke Regeling Jeugdhulp Rijnmond", "role": "buyer"},
             {"name": "MVS Jeugdhulp", "role": "buyer"}, {"name": "Jeugdhulp MVS", "role": "buyer"},
             {"name": "Gemeenschappelijke regeling Omnibuzz", "role": "buyer"}, {"name": "Omnibuzz", "role": "provider"}]
    assert [(f["name"], f["role"]) for f in _one_body(found)] == [
        ("Gemeenschappelijke Regeling Jeugdhulp Rijnmond", "buyer"), ("MVS Jeugdhulp", "buyer"), ("Omnibuzz", "buyer")]


def test_one_body_one_name_is_linear(read):
    assert linear_time(read, "De Regio Haaglanden en de regio Haaglanden (H10) kopen de jeugdhulp in. ", 100_000) < LINEAR


@pytest.mark.parametrize("text, name", [
    ("Terneuzen en Hulst gaan apart verder met Centrum voor Jeugd en Gezin CA KOOP NU IN 2015 VOOR DE PRIJS VAN 2014 "
     "VOORDEEL 1600 en kopen de jeugdhulp in.", "Centrum voor Jeugd en Gezin"),
])
def test_a_name_ends_before_the_shouted_text_it_runs_into(read, text, name):
    assert list(_orgs(read(text))) == [name]


def test_an_abbreviation_after_a_name_is_no_shouted_text():
    from tenderarchive.analysis.organisations import _unshouted
    assert _unshouted("GGD GHOR Nederland") == "GGD GHOR Nederland"
    assert _unshouted("Veilig Thuis IJsselland VTIJ") == "Veilig Thuis IJsselland VTIJ"
    assert _unshouted("Pluryn KOOP NU IN DE WINKEL") == "Pluryn"


@pytest.mark.parametrize("text, kept", [
    ("Het GGD Protocol Meldingen Calamiteiten Wmo geldt voor alle aanbieders. De GGD Haaglanden heeft het protocol "
     "opgesteld voor de jeugdhulp die de gemeente Den Haag inkoopt.", "GGD Haaglanden"),
    ("Volgens de Regiovisie Jeugdhulp Holland Rijnland koopt Holland Rijnland de jeugdhulp in bij Stichting Convenant.",
     "Stichting Convenant"),
])
def test_a_documents_name_is_no_organisation(read, text, kept):
    orgs = _orgs(read(text))
    assert kept in orgs, orgs
    assert not any(w in o for o in orgs for w in ("Protocol", "Regiovisie")), orgs


def test_the_region_of_a_centrumgemeente_is_that_municipality():
    from tests.analysis.reading import read_synthetic
    text = ("De uitspraak in de kortgedingen die twee aanbieders aanspanden tegen de gemeente Almere, in haar rol als "
            "centrumgemeente van de jeugdhulpregio Flevoland, heeft gevolgen voor de inkoop van jeugdhulp. De "
            "Jeugdhulpregio Flevoland past de tarieven aan.")
    assert _orgs(read_synthetic(text)) == {"gemeente Almere": "buyer"}
    # without the centrumgemeente's sentence the region is read beside the municipality
    other = ("De Jeugdhulpregio Flevoland past de tarieven voor de inkoop van jeugdhulp aan. De gemeente Almere koopt de "
             "jeugdhulp in.")
    assert set(_orgs(read_synthetic(other))) == {"Jeugdhulpregio Flevoland", "gemeente Almere"}


@pytest.mark.parametrize("text", [
    "Anna Smit, Beleidsadviseur Jeugd bij de gemeente Epe, vertelt over de aanbesteding van de jeugdhulp. Piet Bos "
    "(Contractmanager Jeugd) en Karin de Wit (Projectleider Inkoop Jeugdhulp) waren er ook.",
    "De gemeente Epe koopt de jeugdhulp in. Jan Bos (Senior Inkoper Sociaal Domein) en Els Smit (Adviseur Inkoop) "
    "lichten dit toe.",
])
def test_a_job_title_is_no_organisation(read, text):
    assert _orgs(read(text)) == {"gemeente Epe": "buyer"}


def test_a_body_with_a_regional_word_stays(read):
    text = "Het Regionaal Inkoopbureau IJmond koopt de jeugdhulp in. De Regionale Coördinator Jeugd Jan Bos licht toe."
    assert _orgs(read(text)) == {"Regionaal Inkoopbureau IJmond": "buyer"}


def test_a_local_political_party_is_no_organisation(read):
    text = ("De gemeenteraad debatteerde over de inkoop van jeugdhulp. Raadslid Jan Bos (Trots) en Anna Smit (Eerlijk "
            "Alternatief) dienden een motie in. Ook Els Bakker (Stadspartij Epe) stemde voor.")
    assert _orgs(read(text)) == {}


def test_plural_teams_and_fields_name_no_party(read):
    text = ("De gemeente Epe heeft de jeugdhulp ingekocht. De volgende partijen zijn gecontracteerd:\n- Pluryn\n- Karakter\n"
            "- Sociaal Domein\n- Wijkteams\nVeelgestelde vragen")
    result = read(text)
    assert _orgs(result) == {"Pluryn": "awardee", "Karakter": "awardee", "gemeente Epe": "buyer"}
    assert result["awardees"] == ["Pluryn", "Karakter"]
    text = ("De gemeente Epe werkt samen met de Lokale Teams en Passend Onderwijs bij de inkoop van jeugdhulp. Ze koopt de "
            "jeugdhulp in samen met het Samenwerkingsverband Passend Onderwijs Epe en Centrum voor Jeugd en Gezin Epe.")
    assert set(_orgs(read(text))) == {"gemeente Epe", "Samenwerkingsverband Passend Onderwijs Epe",
                                      "Centrum voor Jeugd en Gezin Epe"}
