"""Terms of news-sites.md §3 the reading lacked (branch vocab11), one specification each.

Texts are synthetic sentences (not corpus pages); each test names the §3 row it covers and fails
without the vocabulary it specifies (tenderarchive/analysis/vocabulary.py).
"""
from tenderarchive.analysis import analyse


def _stages(text, **kw):
    return {s["stage"]: s["status"] for s in analyse(text, **kw)["stages"]}


# --- §3.3 mislukt / gestopt: "stopzetten/intrekken" ------------------------------------

def test_stopping_or_withdrawing_the_tender_in_one_word_or_separable_is_a_failure():
    # synthetic
    assert "mislukt" in _stages("Het college gaat de aanbesteding jeugdhulp stopzetten.")
    assert "mislukt" in _stages("De stopzetting van de aanbesteding jeugdhulp is een tegenvaller.")
    assert "mislukt" in _stages("De regio trekt de aanbesteding jeugdhulp in.")
    assert "mislukt" in _stages("De gemeenten besloten de aanbesteding jeugdhulp in te trekken.")


def test_withdrawing_something_else_is_no_failed_tender():
    # synthetic: the object of "intrekken" is a decision, not the procurement
    assert "mislukt" not in _stages("Zij vorderden dat de gemeente het besluit zou intrekken en de aanbesteding "
                                    "jeugdhulp zou heropenen.")


# --- §3.2 / §3.3 vragen / NvI: the abbreviation "NvI" -----------------------------------

def test_the_abbreviation_nvi_is_the_nota_van_inlichtingen():
    # synthetic
    assert "inlichtingen" in _stages("De antwoorden op de vragen over de aanbesteding jeugdhulp staan in de NvI.")
    assert "inlichtingen" in _stages("Inmiddels zijn twee NvI's verschenen over de inkoop jeugdhulp.")
    assert "inlichtingen" not in _stages("Het NVIDIA-rapport noemt de jeugdhulp niet.")  # no word boundary


def test_a_nvi_marks_a_youth_care_page_as_an_actual_procurement():
    # synthetic: "inkoop" alone is a policy subject; the NvI is a step of a procedure
    from tenderarchive.analysis.vocabulary import PROCUREMENT_ACT, PROCUREMENT_STRONG
    import re
    text = "de nvi over de inkoop van jeugdhulp"
    assert any(re.search(p, text) for p in PROCUREMENT_ACT if "nvi" in p)
    assert any(re.search(p, text) for p in PROCUREMENT_STRONG if "nvi" in p)


# --- §3.3 (pre)selectie: "gegadigden" -------------------------------------------------------

def test_candidates_are_the_selection_stage():
    # synthetic: in the Aanbestedingswet a "gegadigde" asked to take part in a procedure with a selection
    assert "selectie" in _stages("Elf gegadigden hebben zich aangemeld voor de aanbesteding jeugdhulp.")
    assert "selectie" in _stages("Iedere gegadigde kan een verzoek indienen voor de aanbesteding jeugdhulp.")


# --- §3.3 beoordeling: "beoordeling (inschrijvingen)" ---------------------------------------

def test_the_evaluation_of_the_tenders_in_its_short_forms():
    # synthetic
    assert "beoordeling" in _stages("Na de beoordeling van alle inschrijvingen voor de aanbesteding jeugdhulp volgt de gunning.")
    assert "beoordeling" in _stages("De beoordeling inschrijvingen jeugdhulp loopt nog.")
    assert "beoordeling" not in _stages("De beoordeling van de jeugdhulp door ouders is positief.")


# --- §3.3 bezwaar / standstill: "bezwaar maken" inflected -----------------------------------

def test_objection_in_the_other_forms_of_bezwaar_maken():
    # synthetic
    assert "bezwaar" in _stages("Tegen de gunning jeugdhulp hebben twee aanbieders bezwaar gemaakt.")
    assert "bezwaar" in _stages("Aanbieders kunnen tot 1 mei bezwaar tegen de gunning jeugdhulp maken.")


# --- §3.1 youth-care terms: "JB/JR", "GGZ … jeugd" ------------------------------------------

def test_jb_jr_and_ggz_voor_jeugd_are_youth_care():
    # synthetic
    assert analyse("De regio koopt JB/JR in via een aanbesteding.")["relevant"]
    assert analyse("De aanbesteding GGZ voor de jeugd is gestart.")["relevant"]
    assert not analyse("De aanbesteding GGZ voor volwassenen is gestart.")["relevant"]


# --- §3.3 implementatie / transitie: "overdracht", "transitieperiode" -----------------------

def test_the_handover_of_clients_is_the_implementation():
    # synthetic
    assert "implementatie" in _stages("Na de gunning jeugdhulp volgt de overdracht van cliënten aan de nieuwe aanbieders.")
    assert "implementatie" in _stages("Voor de nieuwe contracten jeugdhulp geldt een transitieperiode van een half jaar.")


# --- §3.3 contract: "contractperiode" when it begins ------------------------------------------

def test_a_contract_period_that_begins_is_the_contract_start():
    # synthetic
    assert "contractstart" in _stages("In juli start een nieuwe contractperiode voor de jeugdhulp.")
    assert "contractstart" in _stages("De nieuwe contractperiode voor de jeugdhulp begint in juli.")
    assert "contractstart" not in _stages("Er komt geen nieuwe contractperiode voor de jeugdhulp.")
    assert "contractstart" not in _stages("De kosten van de jeugdhulp stijgen in de eerste contractperiode.")


# --- §3.4 notice type "Vrijwillige transparantie vooraf" -----------------------------------

def test_a_voluntary_ex_ante_transparency_notice_is_an_intended_award_without_a_call():
    # synthetic
    from tenderarchive.analysis.procedure import procedure_type
    text = "De gemeente heeft een aankondiging van vrijwillige transparantie vooraf voor de jeugdhulp gepubliceerd."
    assert "voorlopige_gunning" in _stages(text)
    assert procedure_type(text)[0] == "negotiated_without_publication"
