"""Reading changes of branch news15r (issue 11: news reading that generalises), one specification each.

Each change was judged on the dev part of the news corpus held out by site and by collection round
(``bench/news_fidelity.py --part dev --cv``); the figures are in the corpus README's "Round (branch news15r)".
Texts are synthetic sentences in the style of the corpus pages.
"""
import datetime as dt

import pytest

from tenderarchive.analysis import analyse
from tenderarchive.analysis.relevance import named_procedures


# --- a named youth-care procedure outweighs the genre a title names (rel.title_genre) -------------------

@pytest.mark.parametrize("title, text", [
    ("Gemeente geeft minder geld uit aan jeugdzorg",
     "De gemeenten in de regio denken twintig procent te kunnen bezuinigen op jeugdhulp. "
     "Volgende week begint de aanbesteding voor de jeugdzorg voor 2016. Er is ruimte voor nieuwe aanbieders."),
    ("Kamervragen over jeugdhulp",
     "Een Kamerlid heeft vragen gesteld over de gevolgen van de mislukte aanbestedingsprocedure voor jeugdhulp "
     "in twee gemeenten. De voorzieningenrechter stak daar een stokje voor."),
])
def test_a_named_youth_care_procedure_is_news_of_the_procurement_under_any_title(title, text):
    r = analyse(text, title=title, published=dt.date(2016, 10, 7))
    assert r["relevant"] is True and r["relevance_rule"] == "youth_term+procedure"


@pytest.mark.parametrize("title, text, genre", [
    # an indefinite procedure, not a named one
    ("Ruim vier miljoen voor aanpak jeugdzorg",
     "Het kabinet trekt geld uit voor de jeugdzorg. Onduidelijk is of de gemeenten die besloten tot een "
     "afwijkende aanbesteding van jeugdhulp ook geld krijgen.", "budget_topic"),
    # the infinitive, tendering in general
    ("Kamermotie aangenomen over dialoog bij aanbesteden jeugdhulp",
     "Kamerleden maken zich zorgen over de worsteling die gemeenten en jeugdhulpaanbieders ervaren rond het "
     "aanbesteden van jeugdhulp.", "report"),
])
def test_a_genre_title_without_a_named_procedure_stays_not_relevant(title, text, genre):
    r = analyse(text, title=title, published=dt.date(2020, 3, 1))
    assert r["relevant"] is False and r["relevance_rule"] == genre


def test_named_procedures_need_the_definite_noun_and_youth_care_in_one_sentence():
    assert named_procedures("Volgende week begint de aanbesteding voor de jeugdzorg.") == ["de aanbesteding"]
    assert named_procedures("Volgende week begint de aanbesteding. Het gaat om jeugdzorg.") == []
    assert named_procedures("Gemeenten kozen een afwijkende aanbesteding voor jeugdhulp.") == []
    assert named_procedures("De regels van de aanbesteding gelden ook voor jeugdhulp.") == []

