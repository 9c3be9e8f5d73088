"""Specifications of the reading changes of branch news17 (issue 11), in synthetic sentences written in the
style of the corpus pages; why each change was kept (the dev part held out by site, ``--cv``) is in the corpus
README's "Round (branch news17)".
"""
import datetime as dt

import pytest

from tenderarchive.analysis import analyse
from tests.analysis.reading import stage_statuses as _stages


# --- a named party that did not enrol: the enrolment ran without it, the procedure did not fail ----------

@pytest.mark.parametrize("text", [
    "De William Schrikker Groep en het Leger des Heils hebben zich niet ingeschreven op deze aanbesteding voor "
    "jeugdbescherming.",
    "Ruim 400 kinderen komen in de knel nu de Willem Schrikker Groep zich net als het Leger des Heils niet heeft "
    "ingeschreven voor de aanbesteding jeugdbescherming.",
    "Beide jeugdbeschermingsorganisaties hebben niet ingeschreven op de aanbesteding jeugdbescherming.",
])
def test_a_party_not_enrolling_is_the_enrolment_not_a_failed_procedure(text):
    r = analyse("SYNTHETISCHE TEKST. " + text, title="Schriftelijke vragen over jeugdbescherming",
                published=dt.date(2017, 10, 5))
    assert _stages(r).get("inschrijving") == "done"
    assert "mislukt" not in _stages(r)
    assert r["primary_stage"] == "inschrijving"


@pytest.mark.parametrize("text", [
    "Op de aanbesteding voor jeugdbescherming zijn geen inschrijvingen binnengekomen.",
    "Bij de aanbesteding jeugdbescherming is geen enkele intekening gekomen van de zorgaanbieders.",
])
def test_nobody_enrolling_stays_a_failed_procedure(text):
    r = analyse("SYNTHETISCHE TEKST. " + text, title="Aanbesteding jeugdbescherming", published=dt.date(2018, 9, 5))
    assert "mislukt" in _stages(r)


@pytest.mark.parametrize("text", [
    "Er hebben zich geen partijen ingeschreven op de aanbesteding jeugdhulp.",
    "Op de aanbesteding jeugdhulp heeft zich geen enkele aanbieder ingeschreven.",
    "Er zijn geen inschrijvingen ontvangen op de aanbesteding jeugdhulp.",
])
def test_no_party_enrolling_is_a_failed_procedure_not_the_enrolment_done(text):
    """Not one named party's absence (above) but nobody's: the enrolment exception of news17 read these
    as the enrolment done (and "inschrijvingen ontvangen" hid "geen inschrijvingen")."""
    r = analyse("SYNTHETISCHE TEKST. " + text, title="Aanbesteding jeugdhulp", published=dt.date(2018, 9, 5))
    assert _stages(r).get("mislukt") == "done"
    assert "inschrijving" not in _stages(r)
    assert r["primary_stage"] == "mislukt"


def test_a_negated_step_other_than_enrolment_still_did_not_happen():
    r = analyse("SYNTHETISCHE TEKST. Bij een open house is er geen marktconsultatie voor de inkoop van jeugdhulp.",
                title="Inkoop jeugdhulp", published=dt.date(2019, 1, 17))
    assert "marktconsultatie" not in _stages(r)


# --- the long forms of the enrolment term and date ----------------------------------------------------------

@pytest.mark.parametrize("cue", ["inschrijvingstermijn", "inschrijvingsdatum"])
def test_the_long_form_of_the_enrolment_term_is_the_tendering_step(cue):
    r = analyse(f"SYNTHETISCHE TEKST. De stichting brengt dit bericht net voor het verstrijken van de {cue} van de "
                "aanbesteding jeugdhulp naar buiten.", title="Tarieven jeugdzorg", published=dt.date(2017, 10, 2))
    assert "inschrijving" in _stages(r)


# --- arrangements made with providers are the agreement (stages.md: contracts signed / agreed) ------------

@pytest.mark.parametrize("text", [
    "Vandaag hebben 7 gemeenten afspraken gemaakt met jeugdhulpaanbieder Mutsaersstichting over de specialistische "
    "jeugdhulp.",
    "De gemeenten in de regio hebben afspraken gemaakt met ongeveer 40 zorgaanbieders over de jeugdhulp.",
])
def test_arrangements_made_with_providers_are_the_contract_step(text):
    r = analyse("SYNTHETISCHE TEKST. " + text, title="Jeugdhulp geregeld", published=dt.date(2014, 12, 23))
    assert _stages(r).get("contract_ondertekend") == "done"


@pytest.mark.parametrize("text", [
    "Bij een subsidierelatie maken gemeenten afspraken met instellingen over de te leveren prestaties.",
    "De gemeenten hebben met elkaar afspraken gemaakt over goed opdrachtgeverschap in de jeugdhulp.",
])
def test_arrangements_in_general_are_no_contract_step(text):
    r = analyse("SYNTHETISCHE TEKST. " + text, title="Jeugdhulp", published=dt.date(2021, 9, 1))
    assert "contract_ondertekend" not in _stages(r)
