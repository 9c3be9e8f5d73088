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


# --- a postponement is a failed procedure only when it is indefinite (stages.md `mislukt`) ---------------

@pytest.mark.parametrize("text", [
    "Omdat de definitieve gunning jeugdhulp wegens de juridische procedure is uitgesteld, is in overleg met de "
    "aanbieders besloten om het contract met de jeugdhulpaanbieder te verlengen.",
    "De aanbesteding voor de jeugdhulp is weer een jaar uitgesteld.",
    "De gemeenten hebben besloten de gunning van de jeugdhulp uit te stellen tot na de zomer.",
])
def test_a_postponement_with_an_end_in_view_is_no_failed_procedure(text):
    r = analyse(text, published=dt.date(2018, 12, 1))
    assert "mislukt" not in {s["stage"] for s in r["stages"]} and r["primary_stage"] != "mislukt"


@pytest.mark.parametrize("text", [
    "Na kritiek is besloten de start van de aanbesteding jeugdzorg uit te stellen tot nader order.",
    "De aanbesteding jeugdhulp is voor onbepaalde tijd uitgesteld.",
])
def test_a_postponement_without_an_end_is_a_failed_procedure(text):
    r = analyse(text, published=dt.date(2018, 12, 1))
    assert "mislukt" in {s["stage"] for s in r["stages"]} and r["primary_stage"] == "mislukt"


def test_a_delayed_award_after_a_court_case_leaves_the_court_case_primary():
    r = analyse("De rechtbank heeft de vorderingen van de aanbieder afgewezen in het kort geding over de aanbesteding "
                "jeugdhulp. Omdat de definitieve gunning wegens de juridische procedure is uitgesteld, is besloten "
                "om het contract vanaf februari 2019 in te laten gaan.", published=dt.date(2018, 12, 1))
    assert r["primary_stage"] == "kort_geding"


# --- the bench's leave-one-round-out view (bench/news_fidelity.py --cv) -----------------------------------

def test_a_rule_held_out_by_round_is_judged_without_every_site_of_the_round():
    from bench.news_fidelity import passes
    effect = {"fixed": {"a-nl": ["a"], "b-nl": ["b"], "c-nl": ["c"]}, "broken": {"d-nl": ["d"]}}
    assert not passes(effect) and passes(effect, exclude="d-nl")
    assert passes(effect, exclude={"d-nl", "a-nl"}) and not passes(effect, exclude={"d-nl", "a-nl", "b-nl"})


def test_every_dev_site_belongs_to_one_collection_round():
    from bench.news_fidelity import LATE_ROUNDS, rounds_of
    from tenderarchive.analysis.corpus import load_pages, load_split, part_of
    split = load_split()
    dev = [p for p in load_pages() if part_of(p, split) == "dev"]
    rounds = rounds_of(dev)
    assert set(rounds) == {p.id.split("__", 1)[0] for p in dev}
    assert set(LATE_ROUNDS) <= set(rounds.values()) and "split" in rounds.values()
    assert rounds["goudafm-nl"] == "news14c" and rounds["hilversum-pvda-nl"] == "news12"
