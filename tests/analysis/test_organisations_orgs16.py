"""Organisations on pages never seen, round sixteen (issue 11, branch orgs16): one folding of a name with its legal form
(shared with the awards' ``name_key``), a ruling's short name for a party, a bare name after "gegund aan", and the
municipality that buys against the one merely named.

The phrasings are real Dutch ones seen on pages (public text, a few words each); the names are invented.
"""

import pytest

from tenderarchive.analysis.organisations import find_organisations


def _orgs(result: dict) -> dict:
    return {o["name"]: o["role"] for o in result["organisations"]}


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
