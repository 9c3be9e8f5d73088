"""Organisations on pages never seen, round sixteen (issue 11, branch orgs16): one folding of a name with its legal form
(shared with the awards' ``name_key``), a ruling's short name for a party, a bare name after "gegund aan", and the
municipality that buys against the one merely named.

The phrasings are real Dutch ones seen on pages (public text, a few words each); the names are invented.
"""

import pytest

from tenderarchive.analysis.organisations import find_organisations
from tests.analysis.conftest import organisation_roles as _orgs


# --- one folding ---------------------------------------------------------------------------------------------------

def test_the_news_reading_folds_a_legal_form_as_the_awards_do_but_keeps_it():
    from tenderarchive.analysis.organisations import _legal_key
    from tenderarchive.awards.names import name_key
    forms = ["Eikenrode Zorg B.V.", "Eikenrode Zorg BV", "eikenrode zorg b.v", "Eikenrode  Zorg B.V."]
    assert {_legal_key(f) for f in forms} == {name_key(f, keep_legal_form=True) for f in forms} == {"eikenrode zorg bv"}
    assert name_key("Beuk en Wilg V.O.F.", keep_legal_form=True) == name_key("Beuk en Wilg VOF", keep_legal_form=True)
    assert name_key("Coöperatie Jeugd U.A.", keep_legal_form=True) == "cooperatie jeugd ua"
    # the legal form is kept: a party and its namesake with a legal form are two names here, one key for the awards
    assert name_key("Eikenrode Zorg", keep_legal_form=True) != name_key("Eikenrode Zorg B.V.", keep_legal_form=True)
    assert name_key("Eikenrode Zorg") == name_key("Eikenrode Zorg B.V.") == "eikenrode zorg"


# --- a party's short name ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,full", [
    ("Stichting Eikenrode Jeugdhulp (hierna: Eikenrode) heeft de aanbesteding voor jeugdhulp gewonnen. De opdracht is "
     "gegund aan Eikenrode.", "Stichting Eikenrode Jeugdhulp"),
    ("In de zaak van Stichting Eikenrode Jeugdhulp, hierna te noemen 'Eikenrode', tegen de gemeente Arnhem over de "
     "jeugdhulp. De gemeente heeft de opdracht gegund aan Eikenrode.", "Stichting Eikenrode Jeugdhulp"),
    ("Over de aanbesteding van de jeugdhulp: Wilgenhof Zorg B.V., hierna te noemen: Wilgenhof, deed mee. De gemeente "
     "heeft de opdracht gegund aan Wilgenhof.", "Wilgenhof Zorg B.V."),
])
def test_a_rulings_short_name_for_a_party_is_that_party(read, text, full):
    result = read(text)
    assert result["awardees"] == [full]
    got = _orgs(result)
    assert got.get(full) == "awardee"
    assert len([n for n in got if not n.startswith("gemeente")]) == 1  # no second organisation for the short name


def test_a_bare_name_after_gegund_aan_is_the_party_named_in_full_at_the_rulings_head(read):
    from tests.analysis.test_organisations_orgs15 import _RULING_HEAD
    result = read(_RULING_HEAD)
    assert result["awardees"] == ["Wilgenhof Zorg B.V."]
    got = _orgs(result)
    assert got.get("Wilgenhof Zorg B.V.") == "awardee" and "Wilgenhof" not in got


@pytest.mark.parametrize("text,awardee", [
    ("De opdracht voor de specialistische jeugdhulp is gegund aan Wilgenhof. De zorg start in januari.", "Wilgenhof"),
    # a short name that opens two names is left as written
    ("De opdracht voor jeugdhulp is gegund aan Eikenrode. Eikenrode Zorg B.V. en Eikenrode Jeugd B.V. zijn blij.",
     "Eikenrode"),
])
def test_a_bare_one_word_name_after_gegund_aan_is_an_awardee(read, text, awardee):
    assert read(text)["awardees"] == [awardee]


@pytest.mark.parametrize("unit", ["Stichting Aa Bb Cc Dd (hierna: Aa), ", "Aa Bb Cc Dd Ee Ff B.V. en gegund aan Aa. ",
                                  "Aa Bb Cc Dd Ee Ff Gg Hh Ii Jj Kk Ll Mm Nn Oo Pp Qq hierna te noemen "])
def test_100_kb_of_short_names_is_read_in_linear_time(unit):
    from tests.speed import linear_time
    assert linear_time(find_organisations, unit) < 8  # (linear: about 4; quadratic: 16)


# --- a buying municipality against one merely named ----------------------------------------------------------------

@pytest.mark.parametrize("text,named", [
    ("De aanbesteding van de jeugdhulp is afgerond. Ouders in de gemeente Heiloo kunnen volgens de bestuurders rekenen "
     "op goede zorg.", ["Heiloo"]),
    ("Duizend kinderen krijgen volgend jaar geen jeugdzorg meer. Door hervormingen in het jeugdstelsel van gemeente "
     "Amsterdam komen zij niet meer in aanmerking.", ["Amsterdam"]),
    ("De aanbesteding van de jeugdhulp is gestart. De kinderen die in de gemeente Zaanstad wonen merken daar voorlopig "
     "weinig van.", ["Zaanstad"]),
])
def test_a_municipality_merely_named_is_no_buyer(read, text, named):
    got = _orgs(read(text))
    assert not [n for n in got if any(n.startswith(f"gemeente {x}") for x in named)]


@pytest.mark.parametrize("text,buyer", [
    ("De gemeente Zwolle is gestart met de aanbesteding van de jeugdhulp.", "gemeente Zwolle"),
    ("De jeugdhulp kost meer dan begroot. Wethouder Jan Jansen van de gemeente Goes noemt de bezuinigingen pijnlijk.",
     "gemeente Goes"),
    ("De Leidse jeugdhulp verandert. De gemeente Leiden werkt samen met andere gemeenten aan een nieuwe vorm van "
     "jeugdhulp.", "gemeente Leiden"),
    ("Uitspraak in de zaak van de aanbesteding jeugdhulp\ntegen\n- de gemeente Venlo,\ngedaagde.",
     "gemeente Venlo"),
])
def test_a_municipality_that_acts_is_a_buyer(read, text, buyer):
    assert _orgs(read(text)).get(buyer) == "buyer"
