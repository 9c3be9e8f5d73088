"""Specifications of the readings of branch cv38 (issue 11): a step outranks the preparation default only when the page
tells it -- a step merely described does not -- in short synthetic pages (SYNTHETIC: written for these tests
around the wording of dev pages, not taken from a page); the dev figures before and after are in the corpus README's
"Round (branch cv38)" and the CHANGELOG.

Each reading here is read with every named rule switched off as well: a held-out site is read with only the rules that
help two other sites and break none, and the grammar of a separable verb is no rule a held-out site may
lose.
"""

import pytest


from tests.analysis.reading import stage_statuses


# --- the preparation told with the separable verb split ("bereidt ... voor") is told, and outranks a described step ---

@pytest.mark.parametrize("text", [
    "Tot eind 2025 bereidt de gemeente de nieuwe aanbesteding voor de jeugdhulp, Wmo en de voorliggende voorzieningen voor.",
    "De gemeente bereidt samen met andere gemeenten in de regio de inkoop voor.",
])
def test_the_split_separable_verb_tells_the_preparation(read, text):
    assert stage_statuses(read(text))["voorbereiding"] == "current"


def test_a_told_preparation_outranks_a_tense_less_transfer(read):
    result = read("Tot eind 2025 bereidt de gemeente de nieuwe aanbesteding voor de jeugdhulp voor. De overdracht van de "
                  "dossiers vindt plaats in nauwe afstemming tussen de twee aanbieders.")
    assert result["primary_stage"] == "voorbereiding"


@pytest.mark.parametrize("text", [
    "De gemeente bereidt de aanbesteding voor de jeugdhulp zorgvuldig voor een nieuwe periode.",  # "voor" no particle
    "De gemeente bereidt een besluit voor over de jeugdhulp.",  # no purchase prepared
])
def test_a_preposition_voor_or_another_object_is_no_preparation_cue(read, text):
    assert "bereid" not in " ".join(s["cue"] for s in read(text)["stages"] if s["stage"] == "voorbereiding")


# --- the procedure chosen is the decision on how to procure, and outranks a step described in general ---

def test_the_procedure_chosen_is_told_preparation_over_a_described_verification(read):
    result = read("Gemeenten in de regio hebben voor de inkoopprocedure in 2023 opnieuw gekozen voor open house van "
                  "jeugdhulp. Voorafgaand aan een eventueel contract voeren deskundigen van de regio verificatiegesprekken "
                  "met alle jeugdhulpaanbieders.", title="Regio kiest opnieuw voor open house voor inkoop jeugdhulp")
    assert "voorbereiding" in stage_statuses(result)
    assert result["primary_stage"] == "voorbereiding"


@pytest.mark.parametrize("text", [
    "Wij hebben gekozen voor een nieuwe huisstijl voor de jeugdhulp.",  # not a procedure
    "De aanbieder kiest voor de jeugdhulp een nieuwe locatie.",  # "voor" not the procedure chosen
])
def test_another_choice_is_no_preparation(read, text):
    assert "voorbereiding" not in stage_statuses(read(text))
