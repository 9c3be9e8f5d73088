"""Specifications of the readings of branch cv29 (issue 11): news reading that holds on sites it has never seen, in
synthetic sentences (SYNTHETIC: written for these tests, not taken from a page); why each change was kept (the dev
part held out by site) is in the corpus README's "Round (branch cv29)".
"""
import datetime as dt

import pytest

from tenderarchive.analysis import analyse, learned

from tests.analysis.reading import stage_statuses

RELEVANT_TEXT = ("SYNTHETISCHE TEKST. De gemeente Voorbeeld heeft de aanbesteding voor specialistische jeugdhulp "
                 "gepubliceerd op TenderNed. Aanbieders kunnen inschrijven tot 1 maart.")


def _read(text: str, title: str = "Nieuws over de jeugdhulp") -> dict:
    return analyse("SYNTHETISCHE TEKST. " + text, title=title, published=dt.date(2024, 5, 6))


# --- the modals of duty with a perfect infinitive: a deadline, or a step that ought to have happened -------------

@pytest.mark.parametrize("sentence, stage", [
    ("Uiterlijk eind 2025 moeten er nieuwe contracten zijn afgesloten met de aanbieders van jeugdhulp.",
     "contract_ondertekend"),
    ("De gemeenten moeten de contracten voor de jeugdhulp voor de zomer hebben ondertekend.", "contract_ondertekend"),
    ("De regio dient de opdracht voor de jeugdhulp voor 1 juli te hebben gegund.", "definitieve_gunning"),
])
def test_a_step_under_a_duty_with_a_perfect_infinitive_is_planned(sentence, stage):
    r = _read(sentence)
    assert stage_statuses(r)[stage] == "planned"
    assert r["primary_stage"] != stage


@pytest.mark.parametrize("sentence, stage", [
    ("De contracten voor de jeugdhulp hadden al lang getekend moeten zijn.", "contract_ondertekend"),
    ("Volgens de rechter had de aanbesteding voor de jeugdhulp pas in juli gepubliceerd moeten worden.", "aankondiging"),
])
def test_a_step_that_ought_to_have_happened_did_not(sentence, stage):
    assert stage not in stage_statuses(_read(sentence))


def test_a_step_done_beside_a_perfect_of_the_modal_of_another_verb_stays_done():
    """A pluperfect and a modal perfect of two verbs, joined by "en", are no counterfactual."""
    r = _read("De aanbieder die had ingeschreven trok zich terug en de gemeente heeft de aanbesteding voor de jeugdhulp "
              "moeten stoppen.")
    assert stage_statuses(r).get("inschrijving") == "done"


def test_a_step_reported_in_the_perfect_without_a_modal_stays_done():
    r = _read("De gemeenten hebben de contracten voor de jeugdhulp ondertekend.")
    assert stage_statuses(r)["contract_ondertekend"] == "done"
    assert r["primary_stage"] == "contract_ondertekend"


def test_re_procurement_ordered_stays_a_failure():
    """stages.md's `mislukt` counts "re-procurement ordered": the duty is the cue's own meaning."""
    r = _read("De rechter heeft bepaald dat de jeugdhulp opnieuw moet worden aanbesteed.")
    assert stage_statuses(r)["mislukt"] in ("current", "done")


# --- the learned layer overrules the rules only when it is very sure ------------------------------------------------

@pytest.mark.parametrize("bias, flipped", [(-2.2, False), (-2.5, False), (-3.2, True)])  # p = 0.10, 0.076, 0.039
def test_the_model_overrules_a_relevant_reading_only_under_a_score_of_005(bias, flipped):
    """Held out by site, a model that overruled the rules at scores under 0.15 read more relevant pages of unseen
    sites wrong than right (its title and lead stems fit the dev sites' wording): it overrules at 0.05 now."""
    model = {"relevance": {"weights": {"bias": bias}}}  # no margin of its own: the module's
    with learned.capturing(model=model):
        out = analyse(RELEVANT_TEXT, title="Aanbesteding jeugdhulp gestart")
    assert out["relevant"] is (not flipped)
    assert out["relevance_rule"].startswith("model_over_") is flipped


def test_the_shipped_model_carries_the_modules_margin():
    import json
    shipped = json.loads(learned.MODEL_FILE.read_text(encoding="utf-8"))
    assert shipped["relevance"]["margin"] == learned.MARGIN == 0.45
