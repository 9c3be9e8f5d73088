"""Specifications of the relevance readings of branch cv33 (issue 11): kinds of Dutch that made a page about
procurement *in general* read as a procurement of youth care, in synthetic sentences (SYNTHETIC: written for these
tests, not taken from a page). The dev part's figures before and after are in the CHANGELOG entry of branch cv33.
"""
import datetime as dt
import re

import pytest

from tenderarchive.analysis import analyse
from tenderarchive.analysis.relevance import particular, plain_purchases


def _read(text: str, title: str = "Nieuws over de jeugdhulp") -> dict:
    return analyse("SYNTHETISCHE TEKST. " + text, title=title, published=dt.date(2024, 5, 6))


def _particular(sentence: str, term: str = "aanbesteden") -> bool:
    return particular(re.search(term, sentence), sentence)


# --- the genre word of a title is also the head of a compound ------------------------------------------------------

GUIDE_BODY = ("Voor u ligt een hulpmiddel voor de gespecialiseerde jeugdhulp. Het helpt gemeenten die jeugdhulp inkopen "
              "met een raamovereenkomst en gunningscriteria.")


@pytest.mark.parametrize("title", ["Inkoophandreiking gespecialiseerde jeugdhulp", "Aanbestedingshandleiding jeugd-GGZ",
                                   "Handreiking inkoop gespecialiseerde jeugdhulp"])
def test_a_title_naming_a_handbook_in_a_compound_is_guidance(title):
    res = _read(GUIDE_BODY, title=title)
    assert res["relevant"] is False and res["relevance_rule"] == "guidance"


def test_the_same_text_under_a_title_naming_no_genre_stays_a_procurement():
    assert _read(GUIDE_BODY, title="Inkoop gespecialiseerde jeugdhulp")["relevant"] is True


def test_a_tender_title_with_its_steps_stays_a_procurement():
    res = _read("De gemeente heeft de opdracht voor de jeugdhulp op 1 maart 2024 gegund aan Stichting Voorbeeld.",
                title="Aanbesteding jeugdhulp gegund")
    assert res["relevant"] is True


# --- the infinitive "aanbesteden" as the name of the activity --------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Er is veel werk verricht op het gebied van beter aanbesteden in het sociaal domein en de jeugdhulp.",
    "Veel gemeenten en jeugdhulpaanbieders worstelen rond het aanbesteden.",
    "Het programma ondersteunt gemeenten bij goed aanbesteden in de jeugdhulp.",
])
def test_the_activity_named_by_its_infinitive_is_no_particular_procedure(sentence):
    assert not _particular(sentence)


@pytest.mark.parametrize("sentence", [
    "De wijze van aanbesteden van de gemeenten Alphen en Kaag is volgens de rechter niet toegestaan.",
    "Het college heeft gekozen voor het opnieuw aanbesteden van de specialistische jeugdhulp.",
    "De gemeenten moeten de jeugdhulp opnieuw aanbesteden.",
    "Het college wil de jeugdzorg anders aanbesteden.",
    "Er is gekozen om de jeugdhulp te aanbesteden.",
])
def test_the_infinitive_with_its_object_or_as_a_verb_stays_a_procedure(sentence):
    assert _particular(sentence)


# --- the field named beside procurement is no procedure, also in a dated sentence ------------------------------------

def test_procurement_paired_with_the_field_in_a_dated_letter_is_no_procedure():
    sentence = ("De minister heeft op 24 januari 2018 de Kamer geïnformeerd over de voortgang van inkoop en "
                "aanbesteden in de jeugdhulp.")
    assert not _particular(sentence)
    assert _read(sentence, title="Voortgang verbetering inkoop sociaal domein")["relevant"] is False


def test_a_dated_procurement_with_its_determiner_stays_a_procedure():
    assert _particular("In 2018 is de inkoop en aanbesteding van jeugdhulp gestart.", "aanbesteding")


# --- a contract cancelled is no purchase ------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "De gemeenten hebben de contracten met jeugdzorgorganisatie Voorbeeld per 1 januari 2021 opgezegd.",
    "In 2020 zeggen de gemeenten het contract met jeugdzorgorganisatie Voorbeeld op.",
    "Het contract voor de jeugdhulp met Stichting Voorbeeld is in 2023 beëindigd.",
])
def test_a_contract_cancelled_is_no_purchase_of_youth_care(sentence):
    assert plain_purchases(sentence) == []


def test_a_contract_placed_with_a_provider_stays_a_purchase():
    assert plain_purchases("De gemeente heeft in 2020 besloten de contracten voor jeugdhulp onder te brengen bij "
                           "Stichting Voorbeeld.")
