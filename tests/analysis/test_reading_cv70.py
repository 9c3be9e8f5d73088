"""Specifications of the readings of branch cv70 (issue 11) -- in short synthetic pages (SYNTHETIC: written for these tests
in common Dutch news wording, not taken from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture).
"""
import datetime as dt

import pytest

from tests.analysis.reading import stage_statuses


@pytest.mark.parametrize("text", [
    "Nieuwe inkoop m.i.v. 2027 voor vijf gemeenten is een minimale omvang (uitkomst van een scan uitgevoerd in 2024).",
    "De nieuwe contracten voor de jeugdhulp gaan in per 1 januari 2027 (het besluit is in 2024 genomen).",
])
def test_an_aside_in_brackets_keeps_its_tense_to_itself(read, text):
    # the participle in the brackets ("uitgevoerd", "genomen") is the aside's past, not the start's: the start to come
    assert stage_statuses(read(text, published=None)).get("contractstart") == "planned"


def test_a_step_told_in_brackets_takes_the_tense_in_them(read):
    # guard: a cue inside the aside is still read by the aside's own tense
    text = "De regio koopt de jeugdhulp opnieuw in (de vorige aanbesteding is in 2022 gegund aan twaalf aanbieders)."
    assert stage_statuses(read(text, published=dt.date(2024, 3, 4))).get("definitieve_gunning") == "done"


@pytest.mark.parametrize("text", [
    "Jeugdzorg krijgt meer tijd. In eerste instantie zou de aanbesteding volgens nieuwe uitgangspunten starten op 26 "
    "augustus.",
    "De regio heeft de inkoopstrategie voor de jeugdhulp vastgesteld. Na de zomer zal de aanbesteding van start gaan.",
])
def test_the_tender_start_told_with_a_future_auxiliary_is_the_notice_to_come(read, text):
    assert stage_statuses(read(text, published=dt.date(2024, 3, 4))).get("aankondiging") == "planned"


@pytest.mark.parametrize("text", [
    # guards: the start denied, and a start told done
    "De regio zal de aanbesteding voor de jeugdhulp niet starten.",
    "De regio heeft de aanbesteding voor de jeugdhulp in januari gestart.",
])
def test_a_denied_or_told_tender_start_is_no_notice_to_come(read, text):
    assert stage_statuses(read(text, published=dt.date(2024, 3, 4))).get("aankondiging") != "planned"


def test_the_tender_to_come_is_read_in_linear_time():
    # guard: 100 KB of future auxiliaries and procedure nouns with no verb of starting after them
    from tenderarchive.analysis.vocabulary import TENDER_TO_COME
    import re
    from tests.speed import LINEAR, linear_time

    rx = re.compile(TENDER_TO_COME, re.I)
    for unit in ("zal de aanbesteding ", "gaan de nieuwe opdracht en ", "zou het "):
        assert linear_time(rx.search, unit) < LINEAR, unit


@pytest.mark.parametrize("text", [
    "Open house-procedure voor jeugdhulp. De inschrijving van eiseres voor profiel D is ten onrechte afgewezen.",
    "Een onderzoek moet duidelijk maken of Horizon kan bieden wat ze bij haar inschrijving op de aanbesteding heeft "
    "beloofd.",
    "De offerte van Horizon voor de jeugdhulp werd ongeldig verklaard.",
])
def test_a_party_s_own_tender_is_the_enrolment_done(read, text):
    assert stage_statuses(read(text, published=dt.date(2024, 3, 4))).get("inschrijving") == "done"


@pytest.mark.parametrize("text", [
    # guards: the tender of a service, not a party; and a party's tender still to come
    "De inschrijving van jeugdhulp is een zaak van de regio.",
    "De aanbieders zullen hun inschrijving voor de jeugdhulp in mei indienen.",
])
def test_a_service_s_or_a_coming_tender_is_no_enrolment_done(read, text):
    assert stage_statuses(read(text, published=dt.date(2024, 3, 4))).get("inschrijving") != "done"


def test_a_party_s_own_tender_is_read_in_linear_time():
    from tenderarchive.analysis.stages import _OWN_TENDER
    from tests.speed import LINEAR, linear_time

    for unit in ("de inschrijving van ", "hun grote ", "De offerte van x "):
        assert linear_time(_OWN_TENDER.search, unit) < LINEAR, unit
