"""Specifications of the readings of branch cv32 (issue 11): a negated step and a ruling announced for the future, read as
Dutch says them, in synthetic sentences (SYNTHETIC: written for these tests, not taken from a page); the dev part's
figures before and after are in the CHANGELOG entry of branch cv32.
"""
import datetime as dt

import pytest

from tenderarchive.analysis import analyse, rules

from tests.analysis.reading import stage_statuses


def _read(text: str, title: str = "Nieuws over de jeugdhulp") -> dict:
    return analyse("SYNTHETISCHE TEKST. " + text, title=title, published=dt.date(2024, 5, 6))


# --- a negation inside the cue's verb group denies the step: core grammar, whatever the named rules ------------------

@pytest.mark.parametrize("sentence", [
    "De opdracht voor de jeugdhulp is niet gegund.",
    "De aanbesteding jeugdhulp is uiteindelijk niet gegund.",
    "De gemeente heeft besloten niet tot gunning van de jeugdhulp over te gaan.",
    "Het college besluit de opdracht jeugdhulp niet te gunnen.",
])
def test_an_award_denied_is_a_failed_procedure_not_an_award(sentence):
    with rules.disabled(*rules.RULES):
        st = stage_statuses(_read(sentence))
    assert "definitieve_gunning" not in st
    assert st.get("mislukt") in ("done", "current")


@pytest.mark.parametrize("sentence, stage", [
    ("Het contract voor de jeugdhulp wordt niet verlengd.", "verlenging"),
    ("De overeenkomst jeugdhulp is niet ondertekend.", "contract_ondertekend"),
])
def test_a_step_denied_inside_its_cue_is_no_step(sentence, stage):
    with rules.disabled(*rules.RULES):
        assert stage not in stage_statuses(_read(sentence))


def test_an_award_not_yet_made_is_the_award_to_come_not_a_failure():
    st = stage_statuses(_read("De opdracht voor de jeugdhulp is nog niet gegund."))
    assert "mislukt" not in st
    assert st["definitieve_gunning"] == "planned"


def test_no_tender_received_stays_a_failed_procedure():
    st = stage_statuses(_read("Er is geen inschrijving ontvangen voor de aanbesteding jeugdhulp."))
    assert "mislukt" in st and "inschrijving" not in st


def test_a_claim_the_court_did_not_grant_is_a_ruling_made():
    st = stage_statuses(_read("De rechter heeft het kort geding over de aanbesteding jeugdhulp niet toegewezen."))
    assert st["kort_geding"] == "done"


def test_an_award_to_others_is_still_an_award():
    st = stage_statuses(_read("De opdracht jeugdhulp is niet alleen gegund aan Stichting Voorbeeld, maar ook aan Zorg BV."))
    assert st["definitieve_gunning"] == "done" and "mislukt" not in st


def test_a_wider_negation_before_a_noun_cue_is_left_to_the_named_rule():
    # cv21: the broad negation before a cue (three words of anything: "geen ruimte voor een marktconsultatie") is the
    # named rule `stage.negation`, which costs a dev site its relevance when core; the core reading denies a cue's own
    # verb group and (branch cv56) "geen"/"nooit" right before its noun ("Er is geen marktconsultatie gehouden")
    text = "Er was geen ruimte voor een marktconsultatie over de jeugdhulp."
    with rules.disabled(*rules.RULES):
        assert "marktconsultatie" in stage_statuses(_read(text))
        assert "marktconsultatie" not in stage_statuses(_read("Er is geen marktconsultatie voor de jeugdhulp gehouden."))
    assert "marktconsultatie" not in stage_statuses(_read(text))
    assert "marktconsultatie" not in stage_statuses(_read("Er is geen marktconsultatie voor de jeugdhulp gehouden."))


# --- a ruling announced for the future: the court step is current (filed or heard), not done ------------------------

@pytest.mark.parametrize("sentence", [
    "De voorzieningenrechter doet op 12 juni uitspraak in het kort geding over de aanbesteding jeugdhulp.",
    "De rechter zal over twee weken uitspraak doen in het kort geding over de aanbesteding jeugdhulp.",
    "Het kort geding over de aanbesteding jeugdhulp dient op 20 mei bij de rechtbank.",
    "In het kort geding over de aanbesteding jeugdhulp wordt de uitspraak over twee weken verwacht.",
])
def test_a_ruling_announced_is_a_court_step_current_not_done(sentence):
    with rules.disabled(*rules.RULES):
        assert stage_statuses(_read(sentence))["kort_geding"] == "current"


def test_a_ruling_made_stays_done():
    st = stage_statuses(_read("De voorzieningenrechter deed op 2 mei uitspraak in het kort geding over de aanbesteding "
                              "jeugdhulp."))
    assert st["kort_geding"] == "done"


def test_a_suit_filed_with_its_ruling_announced_is_still_running():
    page = ("Zorgaanbieders hebben een kort geding aangespannen tegen de aanbesteding jeugdhulp. "
            "De voorzieningenrechter doet op 12 juni uitspraak.")
    r = _read(page)
    assert stage_statuses(r)["kort_geding"] == "current"
    assert r["primary_stage"] == "kort_geding"
