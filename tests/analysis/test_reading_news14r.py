"""Reading changes of branch news14r (issue 11: news reading that generalises), one specification each.

Each change was judged on the dev part of the news corpus held out by site (``bench/news_fidelity.py
--part dev --cv``); the figures are in the corpus README's "Round (branch news14r)". Texts are synthetic
sentences in the style of the corpus pages.
"""
import datetime as dt

import pytest

from tenderarchive.analysis import analyse


def _st(text, **kw):
    r = analyse(text, **kw)
    return {s["stage"]: s["status"] for s in r["stages"]}, r["primary_stage"], r["relevant"]


# --- "stopzetten": mislukt only when the procedure is what is stopped -----------------------------------

@pytest.mark.parametrize("text", [
    "De fracties vragen opheldering over het stopzetten van de financiering voor jeugdhulp bij de koepelorganisatie.",
    "Door het besluit over het stopzetten van het contract met de jeugdbeschermingsinstelling ontstaat onrust.",
    "De gemeente heeft de subsidie voor de jeugdhulpaanbieder stopgezet.",
    "De regio besloot de samenwerking met de jeugdhulpaanbieder stop te zetten.",
])
def test_stopping_a_funding_or_a_contract_is_no_failed_procedure(text):
    st, primary, _ = _st(text, published=dt.date(2023, 5, 1))
    assert "mislukt" not in st and primary != "mislukt"


@pytest.mark.parametrize("text", [
    "De partij die had ingeschreven durfde het niet aan en we hebben de aanbesteding jeugdhulp stop moeten zetten.",
    "De aanbesteding van de jeugdhulp is stopgezet.",
    "Het college besluit tot het stopzetten van de aanbesteding jeugdhulp.",
])
def test_stopping_the_procedure_is_a_failed_procedure(text):
    st, primary, _ = _st(text, published=dt.date(2023, 5, 1))
    assert "mislukt" in st and primary == "mislukt"
