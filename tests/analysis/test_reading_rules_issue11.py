"""Reading rules added on the dev part of the news corpus (issue 11), one specification each.

Texts are synthetic sentences in the style of the corpus pages; each test names the rule
(tenderarchive/analysis/stages.py, relevance.py, vocabulary.py) it specifies.
"""
import datetime as dt

import pytest

from tenderarchive.analysis import analyse


def _st(text, **kw):
    r = analyse(text, **kw)
    return {s["stage"]: s["status"] for s in r["stages"]}, r["primary_stage"]


# --- stages ---------------------------------------------------------------------------

def test_who_delivers_from_a_date_on_implies_the_award_is_made():
    st, primary = _st("De aanbesteding jeugdhulp is afgerond. In plaats van tweehonderd aanbieders, krijgen vanaf "
                      "2020 een kleine honderd aanbieders een contract.", published=dt.date(2019, 12, 16))
    assert st["definitieve_gunning"] == "done" and st["contractstart"] == "planned"
    assert primary == "definitieve_gunning"
    st, _ = _st("Vanaf 2020 gaan twee samenwerkingsverbanden van jeugdhulpaanbieders de specialistische "
                "jeugdhulp uitvoeren.", published=dt.date(2019, 11, 14))
    assert st["definitieve_gunning"] == "done" and st["contractstart"] == "planned"


def test_work_started_on_a_past_date_is_still_going_on():
    st, primary = _st("De inkooporganisatie is in april 2018 gestart met de ontwikkeling van een inkoopstrategie "
                      "voor jeugdhulp.", published=dt.date(2018, 10, 14))
    assert st["voorbereiding"] == "current" and primary == "voorbereiding"


def test_an_invitation_is_to_a_future_meeting():
    st, _ = _st("Wij nodigen u daarom uit voor een consultatiebijeenkomst over de inkoop jeugdhulp, waarin wij "
                "het proces toelichten dat doorlopen is.")
    assert st["marktconsultatie"] == "planned"


def test_questions_at_a_meeting_are_not_the_tenders_question_round():
    st, _ = _st("Op de roadshow over jeugdhulp was er voldoende gelegenheid om vragen te stellen.")
    assert "inlichtingen" not in st
    st, _ = _st("Tot 1 maart kunnen inschrijvers vragen stellen over de aanbesteding jeugdhulp.")
    assert "inlichtingen" in st


def test_implementation_of_anything_is_not_the_new_contracts_start_up():
    st, _ = _st("De deelnemers kregen tools die helpen bij de implementatie van contractstandaarden voor jeugdhulp.")
    assert "implementatie" not in st
    st, _ = _st("Na de gunning start de implementatie met de nieuwe aanbieders jeugdhulp.")
    assert "implementatie" in st


def test_the_decentralisation_is_not_an_implementation_stage():
    st, _ = _st("Drie decentralisaties (transities) maken gemeenten verantwoordelijk voor de jeugdhulp.")
    assert "implementatie" not in st


@pytest.mark.parametrize("sentence", [
    "Tien gemeenten zijn een gezamenlijke procedure gestart voor inkoop van jeugdhulp.",
    "Toen de aanbesteding openbaar werd op 12 mei, was de wet nog niet actief.",
    "Maastricht heeft de aanbesteding voor ambulante jeugdzorg opnieuw in gang gezet.",
])
def test_a_procedure_started_or_made_public_is_announced(sentence):
    st, _ = _st(sentence)
    assert st.get("aankondiging") in ("done", "current")


def test_when_it_will_be_known_who_delivers_the_award_is_planned():
    st, _ = _st("In december zal duidelijk zijn welke organisatie(s) de ambulante jeugdhulp gaan bieden.")
    assert st["definitieve_gunning"] == "planned"


def test_a_judge_reaching_a_conclusion_is_a_ruling_made():
    st, primary = _st("Tien gemeenten zijn een procedure gestart voor inkoop van jeugdhulp. De voorzieningenrechter "
                      "komt tot de conclusie dat de tarieven niet goed zijn onderbouwd.")
    assert st["kort_geding"] == "done" and primary == "kort_geding"


def test_a_restarted_procedure_outranks_the_earlier_failure_and_ruling():
    text = ("De aanbesteding jeugdhulp was in mei gedaan maar moest worden gestaakt. In een kort geding oordeelde "
            "de rechter dat de publicatie te vroeg was. Maastricht heeft de aanbesteding nu opnieuw in gang gezet.")
    st, primary = _st(text)
    assert st["mislukt"] == "done" and st["kort_geding"] == "done" and st["aankondiging"] == "current"
    assert primary == "aankondiging"


# --- relevance: what the page is about ---------------------------------------------------

def _rel(text, title):
    r = analyse(text, title=title)
    return r["relevant"], r["relevance_rule"]


def test_a_handbook_about_tendering_youth_care_is_not_a_procurement():
    assert _rel("Deel B: hoe richt u de aanbestedingsprocedure in? Opstellen gunningscriteria jeugdhulp, "
                "marktconsultatie, inschrijving.", "Aanbesteden Wmo 2015 en Jeugdwet, een handreiking") == (False, "guidance")


def test_a_handbook_title_does_not_hide_a_reported_procedure():
    relevant, _ = _rel("De regio heeft de aanbesteding jeugdhulp gepubliceerd op TenderNed. Inschrijven kan tot "
                       "1 juni.", "Brochure bij de aanbesteding jeugdhulp 2025")
    assert relevant


def test_an_evaluation_report_is_not_a_procurement():
    assert _rel("Aanbestedingen van jeugdhulp zijn volgens de onderzoekers geen knelpunt; gemeenten gunnen "
                "vaak via open house.", "Evaluatie Jeugdwet: aanbestedingen onnodig knelpunt") == (False, "report")


def test_a_budget_story_is_not_a_procurement():
    assert _rel("De gemeente verwacht een tekort van 2 miljoen op jeugdzorg; de inkoop van jeugdhulp moet "
                "goedkoper via een nieuwe aanbesteding.", "Tekort jeugdzorg loopt op tot 2 miljoen")[0] is False


def test_a_wmo_tender_that_mentions_youth_care_further_down_is_not_youth_care():
    text = ("De gemeente start de aanbesteding huishoudelijke hulp (Wmo). Inschrijven kan tot 1 juni.\n\n"
            "Ook de jeugdhulp wordt later opnieuw ingekocht, maar die aanbesteding volgt pas volgend jaar.")
    assert _rel(text, "Aanbesteding huishoudelijke hulp van start") == (False, "adjacent_topic")


def test_a_stage_cue_in_the_title_says_what_the_page_is_about():
    relevant, _ = _rel("De regio wil de inkoop van specialistische jeugdzorg gezamenlijk organiseren.",
                       "Eerste opzet van het kader voor de inkoop van jeugdzorg")
    assert relevant


def test_sequence_words_do_not_make_a_past_step_planned():
    st, _ = _st("Organisaties konden op de aanbesteding jeugdhulp reageren en de gemeenten hebben vervolgens een "
                "organisatie uitgekozen.")
    assert st["voorlopige_gunning"] == "done"


def test_a_winning_bid_in_a_court_case_is_a_provisional_award():
    st, _ = _st("Gemeenten hebben voldoende onderzocht dat de winnende aanbieding voor de gesloten jeugdzorg "
                "een realistisch alternatief biedt, heeft de rechter bepaald.")
    assert st["voorlopige_gunning"] == "done"


def test_a_provider_that_bid_has_registered():
    st, _ = _st("Middin schreef samen met aanbieders Jeugdformaat en Youz in op de aanbesteding jeugdhulp.")
    assert st["inschrijving"] == "done"


# --- awardees -----------------------------------------------------------------------------

def _awardees(text):
    from tenderarchive.analysis.organisations import find_awardees
    return [a["name"] for a in find_awardees(text)]


def test_the_list_of_contracted_parties_after_naast():
    text = ("Met de ondertekening is het inkooptraject afgerond. De betrokken GI's zijn, naast de William Schrikker "
            "Stichting, het Leger des Heils, Jeugdbescherming Brabant, Briedis Jeugdbeschermers en Jeugd Veilig Verder.")
    assert _awardees(text) == ["William Schrikker Stichting", "Leger des Heils", "Jeugdbescherming Brabant",
                               "Briedis Jeugdbeschermers", "Jeugd Veilig Verder"]


def test_a_procurement_completed_with_a_party():
    assert _awardees("De regio's hebben gisteren een gezamenlijk inkooptraject afgerond met de William Schrikker "
                     "Stichting en vier andere instellingen.") == ["William Schrikker Stichting"]


def test_contracts_brought_together_with_one_organisation():
    assert _awardees("Gemeenten gaan vanaf 2024 de tweehonderd contracten onderbrengen bij één organisatie: "
                     "MetMaya. Deze organisatie wordt verantwoordelijk.") == ["MetMaya"]


def test_an_award_verb_in_quotes_still_names_the_awardee():
    assert _awardees("De zorg werd door de gemeenten \u2018gegund\u2019 aan Horizon, een instelling uit Rotterdam.") == ["Horizon"]


@pytest.mark.parametrize("text", [
    "Voor 2021 wordt de gesloten jeugdhulp ingekocht bij de regionale aanbieder Via Jeugd.",
    "Daarmee komt de jeugdzorg in de regio definitief terecht bij zorgaanbieder Via Jeugd uit Venlo.",
])
def test_care_bought_from_a_named_provider(text):
    assert _awardees(text) == ["Via Jeugd"]


@pytest.mark.parametrize("text", [
    "Sinds 1 januari 2024 verzorgt MetMaya bijna alle specialistische jeugdhulp in de regio.",
    "Vanaf 1 januari 2024 is MetMaya verantwoordelijk voor de specialistische jeugdhulp in de regio.",
])
def test_a_party_delivering_the_care_from_a_date_is_contracted(text):
    assert _awardees(text) == ["MetMaya"]


@pytest.mark.parametrize("text", [
    "Sinds 2015 zijn gemeenten verantwoordelijk voor de jeugdhulp.",
    "Vanaf 1 januari 2015 is de gemeente verantwoordelijk voor de jeugdzorg.",
    "Sinds 1 januari 2024 levert de wijkteamorganisatie de lichte jeugdhulp.",
    "Er wordt niets ingekocht bij de huidige aanbieders.",
])
def test_responsibility_or_purchase_without_a_named_party_names_no_awardee(text):
    assert _awardees(text) == []


def test_a_hypothetical_ruling_is_no_court_stage():
    st, _ = _st("Mocht de rechter beslissen dat er opnieuw aanbesteed moet worden, dan lopen de huidige contracten "
                "jeugdhulp door.")
    assert "kort_geding" not in st


def test_a_postponement_until_further_notice_goes_on():
    st, primary = _st("Na een klacht over het tarief hebben de gemeenten de inschrijving voor de aanbesteding "
                      "jeugdhulp tot nader order moeten uitstellen.")
    assert st["mislukt"] == "current" and primary == "mislukt"


def test_an_objection_that_could_be_made_was_made_in_the_past():
    st, _ = _st("Aanbieders konden bezwaar maken tegen de voorlopige gunning jeugdhulp.")
    assert st["bezwaar"] == "done"


def test_a_negated_step_did_not_happen():
    st, _ = _st("Bij een open house model is er geen ruimte voor een marktconsultatie voor de jeugdhulp.")
    assert "marktconsultatie" not in st


def test_providers_that_did_not_bid_leave_the_enrolment_not_a_failure():
    """Was the rule stage.not_enrolled ("hebben zich niet ingeschreven" is mislukt); branch news17 removed it: the
    gold of three dev sites reads a named party's absence as the enrolment done (tests/analysis/test_reading_news17.py),
    a failed procedure is nobody enrolling ("geen inschrijvingen")."""
    st, primary = _st("De belangrijkste aanbieders hebben zich niet ingeschreven op de aanbesteding jeugdbescherming.")
    assert st["inschrijving"] == "done" and "mislukt" not in st and primary == "inschrijving"


def test_contracts_signed_with_a_list_of_regions_in_between():
    st, _ = _st("Op 31 oktober hebben 40 aanbieders contracten met de regiogemeenten IJmond, Zuid-Kennemerland en "
                "Haarlemmermeer ondertekend voor de jeugdhulp.")
    assert st["contract_ondertekend"] == "done"


def test_a_signing_beside_youth_care_in_one_paragraph_is_about_youth_care():
    text = ("Op 31 oktober hebben 40 aanbieders contracten met de regiogemeenten ondertekend. Hiermee zijn de "
            "afspraken over jeugdhulpvoorzieningen vastgelegd.")
    r = analyse(text, title="Gemeenten en aanbieders slaan handen ineen", published=dt.date(2014, 11, 3))
    assert r["relevant"], r["relevance_rule"]


def test_a_parliamentary_motion_on_tendering_rules_is_not_a_procurement():
    assert _rel("De Kamer nam een motie aan over dialooggerichte gunning en raamovereenkomsten bij het aanbesteden "
                "van jeugdhulp.", "Kamermotie aangenomen over dialoog bij aanbesteden jeugdhulp") == (False, "report")


def test_a_procurement_that_starts_is_running_now():
    st, _ = _st("Utrechtse regiogemeenten starten gezamenlijke aanbesteding zeer specialistische jeugdhulp")
    assert st["aankondiging"] == "current"


def test_present_passive_is_not_a_past_event():
    st, _ = _st("Nu wordt begonnen met de inkoop van alle vormen van jeugdhulp met verblijf.")
    assert st["aankondiging"] == "current"


# --- round three (branch news11c): rules read on the 40 pages of 38 new dev sites ------------

def test_a_judge_who_rejected_the_claim_reports_a_ruling():
    # stage.court_verb: "de rechter in Amsterdam wees de vordering af" names no kort geding
    st, primary = _st("Een jeugdzorginstelling maakte bezwaar tegen de aanbesteding van de gesloten jeugdzorg. Maar de "
                      "rechter in Amsterdam wees de vordering af. Daarmee komt de jeugdzorg definitief bij een "
                      "andere aanbieder terecht.")
    assert st["kort_geding"] == "done" and primary == "kort_geding"
    st, _ = _st("De rechter en de gemeente spraken over jeugdhulp.")
    assert "kort_geding" not in st


def test_an_offer_can_be_made_until_a_deadline():
    # stage.tender_open (round three's stage.offer_cue)
    st, primary = _st("Zorgorganisaties hebben tot en met 31 oktober a.s. de mogelijkheid om een aanbod te doen "
                      "voor de aanbesteding jeugdhulp.")
    assert st["inschrijving"] == "current" and primary == "inschrijving"


def test_contracts_being_closed_is_the_contract_step():
    # stage.contracts_closed
    st, primary = _st("De jeugdhulpregio sluit contracten af met aanbieders jeugdhulp na de aanbesteding. De "
                      "jeugdhulpaanbieders zijn bekend.", published=dt.date(2022, 1, 10))
    assert "contract_ondertekend" in st and primary == "contract_ondertekend"
    st, _ = _st("Vorige week is de samenwerking tussen de vijf gemeenten en de zorgaanbieders feestelijk bekrachtigd.")
    assert st["contract_ondertekend"] == "done"


def test_a_step_under_a_condition_has_not_happened():
    # stage.hypothetical (round three: conditions)
    st, primary = _st("Eén partij heeft een kort geding aangespannen tegen het gunningsvoornemen jeugdhulp. Pas na de "
                      "uitspraak wordt duidelijk of de gemeenten over kunnen gaan tot het definitief gunnen van de "
                      "opdracht.")
    assert "definitieve_gunning" not in st and primary == "kort_geding"


def test_a_delay_with_a_new_start_is_no_failure():
    # a delay with an end in view is no failure (core since branch news15r; stage.postponed keeps "tot nader order" current)
    st, _ = _st("Omdat de definitieve gunning jeugdhulp wegens de procedure is uitgesteld, is besloten om het "
                "contract vanaf februari 2019 in te laten gaan.")
    assert "mislukt" not in st
    st, _ = _st("De aanbesteding jeugdhulp is uitgesteld tot nader order.")
    assert "mislukt" in st


def test_pupil_transport_in_title_and_lead_is_an_adjacent_field():
    # rel.adjacent_topic (round three: transport): "jeugdwetvervoer" further down is no youth-care tender
    text = ("De uitvoering van het leerlingenvervoer is moeizaam van start gegaan na de aanbesteding.\n\n"
            "In de aanbesteding is ook het jeugdwetvervoer naar een jeugdhulplocatie opgenomen.")
    r = analyse(text, title="Moeizame start leerlingenvervoer na aanbesteding")
    assert not r["relevant"] and r["relevance_rule"] == "adjacent_topic"


def test_a_child_registered_in_a_municipality_is_no_tender_enrolment():
    # rel.registered_resident
    r = analyse("De gemeente vergoedt de dyslexiezorg. Het gaat om de gemeente waar het kind staat ingeschreven.",
                title="Vergoede dyslexiezorg")
    assert not r["relevant"]
    r = analyse("Twaalf aanbieders hebben ingeschreven op de aanbesteding jeugdhulp.", title="Aanbesteding jeugdhulp")
    assert r["relevant"]


def test_a_purchasing_bureau_for_youth_care_names_the_procurement():
    # rel.purchasing_body
    r = analyse("De H10 gemeenten hebben besloten tot het oprichten van een zelfstandig inkoopbureau voor de "
                "jeugdhulp. De zorg moet in oktober worden ingekocht.", title="Inkoopbureau voor jeugdhulp")
    assert r["relevant"] and r["primary_stage"] == "voorbereiding"


def test_a_courts_or_a_providers_seat_is_no_municipality_of_the_story():
    # places._SEAT (round three): "de rechter in Amsterdam", "zorgaanbieder Horizon uit Rotterdam"
    r = analyse("Maar de rechter in Amsterdam wees de vordering af. Daarmee komt de jeugdzorg definitief terecht bij "
                "zorgaanbieder Horizon uit Rotterdam.", title="Zorggroep verliest zaak om aanbesteding jeugdzorg")
    names = {m["name"] for m in r["municipalities"]}
    assert not names & {"Amsterdam", "Rotterdam"}, names
    r = analyse("De gemeente Rotterdam koopt de jeugdhulp in.", title="Inkoop jeugdhulp")
    assert "Rotterdam" in {m["name"] for m in r["municipalities"]}


# --- round four (branch news11e): rules read on 30 pages of 30 new dev sites ---------------------

def _relevant(text, **kw):
    return analyse(text, **kw)["relevant"]


@pytest.mark.parametrize("text", [
    # (b) conditional sentence with "een aanbesteding", (a) a law's name, (c) a sentence stating rules
    "De wethouder wil af van de verplichte aanbesteding van de jeugdbescherming. Het kan gebeuren wanneer een "
    "instelling een aanbesteding verliest. Volgens de regels moeten instellingen die op jeugdzorg inschrijven "
    "gecertificeerd zijn.",
    "Die plicht voor jeugdhulp vloeit voort uit de Europese Aanbestedingsrichtlijn en de Aanbestedingswet.",
    "Dit betekent dat elke gecontracteerde aanbieder van jeugdhulp een vast jaarbudget ontvangt.",
])
def test_a_procedure_mentioned_in_general_is_no_procurement(text):
    assert not _relevant(text, title="Jeugdhulp")


def test_a_particular_procurement_still_counts():
    # a report with a date keeps "een aanbesteding" particular; so does a participle like "afgewezen inschrijvers"
    assert _relevant("In 2018 is gestart met een aanbesteding voor de jeugdhulp in de regio.")
    assert _relevant("De gemeente kan door afgewezen inschrijvers voor de rechter worden gedaagd over de jeugdhulp.",
                title="Contract jeugdhulp")
    from tenderarchive.analysis.rules import disabled
    with disabled("rel.particular_procedure"):
        # branch rel10: a conditional with an indefinite tender is a general statement in core too
        # (relevance.general_statements); before, it counted without the rule
        assert not _relevant("Het kan gebeuren wanneer een instelling voor jeugdhulp een aanbesteding verliest.")
        # branch rel5: a law's name (the head of the compound) is no procurement in core too (relevance.kind_of)
        assert not _relevant("Die plicht voor jeugdhulp vloeit voort uit de Europese Aanbestedingsrichtlijn.")


def test_a_publication_planned_for_a_month_is_the_prior_notice():
    st, primary = _st("Volgens de huidige inkoopplanning zal de aanbesteding jeugdhulp in mei 2021 worden "
                      "gepubliceerd op Negometrix.")
    assert st["vooraankondiging"] == "current" and st["aankondiging"] == "planned"
    assert primary == "vooraankondiging"


@pytest.mark.parametrize("text, stage", [
    ("Zorgaanbieders die in 2024 jeugdhulp willen leveren, moeten zich (opnieuw) inschrijven via Mercell.", "inschrijving"),
    ("Deze uitnodiging voor het indienen van een offerte voor dyslexiezorg (Jeugdwet) wordt gedaan door de regio.",
     "inschrijving"),
])
def test_a_tender_open_to_providers_now(text, stage):
    st, primary = _st(text, published=dt.date(2023, 10, 20))
    assert st[stage] == "current" and primary == stage


def test_signing_up_for_a_dialogue_procedure_is_not_tendering():
    st, _ = _st("Jeugdhulpaanbieders die willen meedoen aan de dialooggerichte aanbesteding kunnen zich inschrijven "
                "via TenderNed.", published=dt.date(2021, 10, 20))
    assert st.get("inschrijving") != "current"


def test_a_purchase_reported_in_the_perfect_implies_the_award():
    r = analyse("De zeven gemeenten hebben gezamenlijk de jeugdhulp vanaf interventieniveau 4 ingekocht.", title="Inkoopmodel")
    assert r["relevant"] and r["primary_stage"] == "definitieve_gunning"
    # the bare present is a policy statement, not a purchase
    assert not _relevant("Gemeenten kopen jeugdzorg in bij veel aanbieders.", title="Jeugdzorg")


# --- round five (branch news11f) -----------------------------------------------------------

def test_transport_to_youth_care_is_transport():
    """rule rel.adjacent_topic (widened in round five): 'jeugdzorgvervoer' in the lead is no youth term."""
    r = analyse("Per 11 december 2016 zal gestart worden met Wmo-vervoer (huidige Regiotaxi), vervolgens met "
                "Wmo-begeleid/jeugdzorgvervoer en als laatste het leerlingenvervoer.\n\nDe gemeenten hebben besloten "
                "gezamenlijk de aanbesteding te starten voor het doelgroepenvervoer.",
                title="Gemeenten starten met gemeenschappelijke regeling doelgroepenvervoer")
    assert not r["relevant"]


def test_a_purchasing_course_is_preparation():
    """vocabulary: 'inkoopkoers' (like 'inkoopstrategie') names the preparation of a purchase."""
    r = analyse("Met een motie heeft de raad geregeld dat bij de nieuwe Inkoopkoers Jeugd en Wmo ook goede "
                "monitoring komt.", title="Nieuwe koers Wmo en Jeugd")
    assert r["relevant"] and r["primary_stage"] == "voorbereiding"
    st, _ = _st("Het college heeft de nieuwe inkoopkoers jeugdhulp vastgesteld.", published=dt.date(2025, 4, 18))
    assert "voorbereiding" in st


# --- round six (branch news11g) had the primary stage prefer the headline over a side remark; branch cv21 took the
# definition out (it decided no dev page; corpus README, "Round (branch cv21)"): stages.md's newest step decides -----

def test_a_failure_named_below_the_lead_outranks_the_step_the_lead_reports():
    """stages.primary_stage, stages.md: "A legal stage ... or mislukt reported in the text's own period outranks the
    stage it interrupted", wherever on the page it is reported."""
    from tenderarchive.analysis import rules, stages

    lead = ("Alle aanbestedingen voor de jeugdhulp zijn rond. In totaal hebben 44 aanbieders een contract "
            "getekend voor de jeugdhulp in 2015.")
    filler = " ".join(["Wethouder Jansen is blij met het resultaat voor de kinderen in de regio."] * 8)
    # an ordered re-procurement (branch news18: a plain "is ... opnieuw aanbesteed" is a round held, no failure)
    text = lead + "\n\n" + filler + "\n\nDe Jeugd GGZ moest in maart 2015 opnieuw worden aanbesteed, zo meldt de gemeente."
    st, primary = _st(text, published=dt.date(2015, 6, 1))
    assert st["contract_ondertekend"] == "done" and st["mislukt"] in ("done", "current")
    assert primary == "mislukt" and rules.DISABLED == set()
    _, primary = _st("De Jeugd GGZ moest in maart 2015 opnieuw worden aanbesteed. " + lead, published=dt.date(2015, 6, 1))
    assert primary == "mislukt"
    assert stages.PRIMARY_DEFINITION == "newest" and "headline" not in stages.DEFINITIONS


def test_the_primary_stage_rule_names_the_newest_reading():
    text = ("De gemeenten hebben de contracten voor jeugdhulp ondertekend.\n\n"
            + " ".join(["De wethouder is tevreden over de samenwerking met de aanbieders in de regio."] * 8)
            + "\n\nDe Wmo-begeleiding moest in maart 2019 opnieuw worden aanbesteed.")
    r = analyse(text, published=dt.date(2020, 1, 1))
    assert r["primary_stage"] == "mislukt" and r["primary_stage_rule"] == "newest_reported"


def test_the_lead_is_not_cut_in_the_middle_of_a_sentence():
    """relevance._lead_text: the lead that rule rel.adjacent_topic reads ends at a sentence end, so a Wmo term
    near character 300 is read with the youth-care term that ends its sentence."""
    from tenderarchive.analysis.relevance import _lead_text

    first = ("Nijmegen - De regio, bestaande uit de gemeenten Nijmegen, Berg en Dal, Beuningen, Druten, Heumen en "
             "Mook en Middelaar, sluit 1 januari nieuwe contracten af met zorgaanbieders voor minimaal drie jaar. "
             "De voorlopige gunning telt 58 aanbieders van zorg in natura: ambulante en dagbestedingsdiensten in de Wmo en Jeugdhulp. "
             "125 organisaties hadden zich ingeschreven.")
    assert first.index("Jeugdhulp") > 300
    lead = _lead_text(first)
    assert lead.endswith("Jeugdhulp.") and "125 organisaties" not in lead
    r = analyse(first, title="Regio sluit nieuwe zorgcontracten af")
    assert r["relevance_rule"] != "adjacent_topic" and r["relevant"]


def test_a_purchase_of_youth_care_in_plain_verbs_is_a_procurement_when_reported():
    """rel.plain_purchase: no procedure term, but the sentence names youth care and reports its purchase
    as decided or done; a general or habitual statement about buying youth care is no procurement."""
    r = analyse("De acht colleges hebben besloten de huidige contracten voor jeugdhulp niet te verlengen. "
                "In de nieuwe inkoop moet veel aandacht zijn voor samenwerking.")
    assert r["relevant"] and "contracten voor jeugdhulp" in r["procedure_terms"]
    r = analyse("De gemeente bundelde de meest voorkomende vormen van jeugdhulp in één opdracht en liet deze "
                "uitvoeren door een consortium.")
    assert r["relevant"]
    for generic in ("Gemeenten hebben zich verenigd in jeugdhulpregio's, waarbinnen ze gezamenlijk jeugdzorg inkopen.",
                    "Dat veel van de contracten voor jeugdzorg niet hoeven te worden aanbesteed is anders.",
                    "Gemeenten kunnen jeugdhulp op veel manieren inkopen."):
        assert not analyse(generic)["relevant"], generic


# --- round eight (branch news11i): cues the reading did not find at all ------------------

def test_a_provider_delivering_from_a_date_implies_the_award_and_the_start():
    """stage.service_statement: the provider named as delivering the youth care from a full date on."""
    st, primary = _st("Sinds 1 januari 2024 verzorgt Zorgpartner Noord bijna alle specialistische jeugdhulp in de "
                      "regio. Dit is het resultaat van een aanbestedingstraject.", published=dt.date(2024, 6, 1))
    assert st["definitieve_gunning"] == "done" and st["contractstart"] in ("done", "current")
    assert primary == "contractstart"
    st, primary = _st("Vanaf 1 januari 2025 is Zorgpartner Noord verantwoordelijk voor de specialistische jeugdhulp "
                      "in de regio.", published=dt.date(2024, 6, 1))
    assert st["definitieve_gunning"] == "done" and st["contractstart"] == "planned"
    assert primary == "definitieve_gunning"
    st, primary = _st("De gemeente bundelde de jeugdhulp in één opdracht en liet deze uitvoeren door een klein "
                      "consortium van aanbieders.", published=dt.date(2025, 10, 1))
    assert st["contractstart"] == "done" and primary == "contractstart"


def test_the_decentralisation_is_no_service_statement():
    """stage.service_statement needs a provider's name, not the municipalities of the Jeugdwet."""
    st, _ = _st("Sinds 1 januari 2015 zijn gemeenten verantwoordelijk voor de jeugdhulp en de inkoop daarvan.",
                published=dt.date(2024, 6, 1))
    assert "definitieve_gunning" not in st and "contractstart" not in st


def test_a_contract_is_gesloten_is_the_signing_but_gesloten_jeugdzorg_is_not():
    """stage.contracts_closed, round eight: the passive of 'sluiten' with a contract."""
    st, _ = _st("Het contract dat met Zorgpartner Noord voor de jeugdhulp is gesloten, geldt vier jaar.",
                published=dt.date(2024, 6, 1))
    assert st.get("contract_ondertekend") in ("done", "current")
    st, _ = _st("De contracten voor de gesloten jeugdzorg zijn in 2020 aanbesteed.", published=dt.date(2024, 6, 1))
    assert "contract_ondertekend" not in st



# --- round nine (branch news11j): read off the first-seen pages and the leave-one-site-out misses --

@pytest.mark.parametrize("text", [
    "De selectieleidraad voor de inkoop van jeugdhulp is op vrijdag 13 maart 2020 gepubliceerd op Negometrix.",
    "De aanbestedingsleidraad jeugdhulp is vandaag gepubliceerd.",
    "Op TenderNed, het marktplein voor aanbestedingen, staat de opdracht om de jeugdhulp 2017-2019 vorm te geven.",
])
def test_a_publication_on_a_tender_platform_in_any_word_order_is_the_notice(text):
    """vocabulary.STAGE_CUES aankondiging: the platform publication family (round nine)."""
    st, _ = _st(text, published=dt.date(2020, 3, 20))
    assert st.get("aankondiging") in ("done", "current")


def test_a_tender_listing_closing_date_is_the_tendering_step_open_now():
    """vocabulary.STAGE_CUES inschrijving: 'Sluit op <date>' on a tender listing (round nine)."""
    st, primary = _st("Sluit op 23-06-2023\n\nDe Tussenvoorziening is bestemd voor jeugdigen van de regio in geval "
                      "van crisis. Procedure: openbare aanbesteding.", published=dt.date(2023, 6, 7))
    assert st["inschrijving"] == "current" and primary == "inschrijving"
    st, _ = _st("Sluit op 23-06-2023\n\nDe Tussenvoorziening is bestemd voor jeugdigen van de regio in geval "
                "van crisis. Procedure: openbare aanbesteding.", published=dt.date(2023, 9, 1))
    assert st["inschrijving"] == "done"


def test_a_court_case_won_or_lost_is_a_ruling():
    """vocabulary.STAGE_CUES kort_geding: the verbs of winning and losing a case (round nine)."""
    st, _ = _st("Zorggroep verliest zaak om aanbesteding jeugdzorg. De jeugdzorg komt definitief bij een "
                "andere aanbieder terecht.", published=dt.date(2019, 3, 1))
    assert "kort_geding" in st


def test_a_failure_told_with_the_verb_alone_is_mislukt():
    """vocabulary.STAGE_CUES mislukt: 'Maar dat mislukte', 'dat blijkt niet gelukt' (round nine)."""
    st, primary = _st("Het was de bedoeling om de jeugdbescherming bovenregionaal in te kopen. Maar dat mislukte "
                      "omdat de aanbieders en gemeenten niet tot elkaar konden komen.", published=dt.date(2018, 11, 1))
    assert st["mislukt"] == "done" and primary == "mislukt"


def test_verblijf_jeugd_is_youth_care():
    """profiles/youth_care.yaml: 'verblijf jeugd' (a purchasing segment) names youth care (round nine)."""
    text = ("De marktverkenning Inkoop Verblijf Jeugd van 13 juni is niet doorgegaan. Wel is kort informatie gegeven "
            "over de voortgang en over het voorstel om Europees te gaan aanbesteden; de volgende marktverkenning is op 18 juli.")
    r = analyse(text, published=dt.date(2019, 6, 20))
    assert r["relevant"] and r["primary_stage"] == "marktconsultatie"
    assert not analyse(text.replace("Verblijf Jeugd", "Verblijf"), published=dt.date(2019, 6, 20))["relevant"]


# --- round ten (branch news11k) ------------------------------------------------------------

def test_a_welfare_work_tender_is_another_service_even_beside_youth_care_words():
    """vocabulary.ADJACENT (welfare work) with rule rel.adjacent_topic: a tender of welfare work is not one of
    youth care, though the page says why it is done ("de Jeugdwet"); a youth-care tender that names welfare
    organisations among the bidders stays relevant."""
    r = analyse("Vanaf 1 januari mag Tinten Welzijnsgroep invulling gaan geven aan de basisondersteuning. Het betreft "
                "een voorlopige gunning. Bij basisondersteuning kan men denken aan buurtwerk.\n\nIn 2015 hebben de "
                "gemeenten nieuwe taken gekregen op het gebied van de jeugdhulp.", title="Aanbesteding welzijnswerk afgerond")
    assert not r["relevant"] and r["relevance_rule"] == "adjacent_topic"
    r = analyse("De aanbesteding van taken op het gebied van zorg, jeugdhulp en de participatiewet gaat een tweede "
                "ronde in. Zorg- en welzijnsorganisaties hebben tot en met 31 oktober de mogelijkheid om een aanbod te doen.",
                title="Gezamenlijke aanbesteding Noord-Limburg")
    assert r["relevant"]


def test_a_list_of_contracted_providers_is_a_directory_not_a_reported_step():
    """relevance._LIST_INTRO: "Er zijn 6 aanbieders gecontracteerd door de gemeente :" introduces a list of who is
    contracted (a dyslexia reimbursement page), no step of a procurement; "De gegunde partijen zijn:" reports one."""
    from tenderarchive.analysis import learned
    text = ("De gemeente is verantwoordelijk voor dyslexiezorg. De diagnostiek en behandeling van dyslexie wordt door "
            "de gemeente vergoed voor kinderen. Er zijn 6 aanbieders gecontracteerd door de gemeente Opmeer :\n\n"
            "Eges\nOpdidakt B.V.\nZien in de klas B.V.")
    with learned.capturing(model={}):  # the rules alone (the learned layer rejects it too)
        assert not analyse(text, title="Dyslexie")["relevant"]
        r = analyse("De aanbesteding jeugdhulp is afgerond. De gegunde partijen zijn:\n\nSipi\nKoMee")
        assert r["relevant"]


def test_a_decision_on_an_extension_or_plan_makes_it_current():
    """stages._DECIDED: "akkoord met contractverlenging" (a headline noun, no verb) and "stemde de raad in met het
    programmaplan dat ... vanaf 2021" are decisions taken: the extension or the plan is under way, not planned for
    the date the plan runs to; "willen ... verlengen" alone stays planned."""
    st, primary = _st("Van de achttien gemeenten willen er zeventien dat contract met twee jaar verlengen.",
                      title="Op één na alle colleges akkoord met contractverlenging jeugdzorgaanbieder Horizon")
    assert st["verlenging"] == "current" and primary == "verlenging"
    st, _ = _st("Van de achttien gemeenten willen er zeventien dat contract met twee jaar verlengen.")
    assert st["verlenging"] == "planned"
    st, primary = _st("Afgelopen donderdag stemde de gemeenteraad in met het zogenoemde programmaplan dat bepaalt hoe "
                      "kinderen die specialistische jeugdhulp nodig hebben vanaf 2021 worden geholpen.",
                      published=dt.date(2020, 2, 16))
    assert st["voorbereiding"] == "current" and primary == "voorbereiding"


def test_one_mention_of_a_regulation_does_not_make_a_council_debate_on_a_tender_a_regulation():
    """rule rel.regulation: a regulation text names itself in two or more forms; a committee asking whether "de
    Jeugdwet en de verordening" are followed in a tender is about the tender."""
    from tenderarchive.analysis import learned
    with learned.capturing(model={}):
        r = analyse("Kern van het betoog is dat bij de aanbesteding van jeugdhulp 2018 de Serviceorganisatie Jeugd "
                    "tarieven hanteert die niet kostendekkend zijn. Worden ons beleid, de Jeugdwet en de verordening wel "
                    "goed uitgevoerd?")
        assert r["relevance_rule"] != "regulation"
        r = analyse("Artikel 2 van de verordening jeugdhulp regelt de toegang tot jeugdhulp. In de nadere regels staat "
                    "hoe een aanbieder wordt ingekocht.")
        assert not r["relevant"]


def test_money_words_in_the_title_make_a_budget_page():
    """vocabulary.BUDGET (round ten: uitgaven, financiering, budget, geld, kosten, euro) with rule rel.title_genre:
    a title about money with no step reported is a budget page, even when the text mentions the purchase."""
    from tenderarchive.analysis import learned
    with learned.capturing(model={}):
        r = analyse("Raadsleden willen meer grip op het (inkoop-)beleid. Volgens de wethouder is het inkoopproces in de "
                    "laatste fase; de inkoopstrategie jeugdzorg is eerder vastgesteld.",
                    title="Gemeenteraad wil meer grip op uitgaven jeugdzorg")
        assert not r["relevant"] and r["relevance_rule"] == "budget_topic"


def test_a_withdrawn_motion_is_no_withdrawn_tender():
    """stages._MOTION: "ingetrokken" of a council motion or amendment is no failed procedure (mislukt)."""
    st, _ = _st("Ondanks een - later weer ingetrokken - motie van afkeuring heeft de raad ingestemd met de aanbesteding "
                "jeugdzorg.")
    assert "mislukt" not in st
    st, _ = _st("De gemeente heeft de aanbesteding jeugdzorg ingetrokken.")
    assert st.get("mislukt") == "done"


def test_a_conditional_right_after_the_cue_is_no_step():
    """rule stage.hypothetical, round ten: "... opnieuw voor de rechter zou kunnen worden gedaagd" -- the conditional
    after the cue -- is no court case."""
    st, _ = _st("De oppositie waarschuwde dat de gemeente door afgewezen inschrijvers voor de rechter zou kunnen "
                "worden gedaagd over de jeugdhulp.")
    assert "kort_geding" not in st


def test_the_passive_of_sluiten_closes_a_contract():
    """stages._CLOSED_PASSIVE: "het contract dat met Go! voor Jeugd ... is gesloten" is the signing, done (strong),
    though "gesloten" is no participle elsewhere ("gesloten jeugdzorg")."""
    r = analyse("De coalitie stelt dat het contract dat met Go! voor Jeugd op basis van objectieve criteria, is gesloten.")
    cs = {s["stage"]: s for s in r["stages"]}
    assert cs["contract_ondertekend"]["status"] == "done" and cs["contract_ondertekend"]["evidence"] == "strong"


def test_a_stage_noun_with_a_verb_of_extent_is_the_step_now():
    """stages._STATE_AFTER: "De voorlopige gunning telt 58 aanbieders" states the provisional award as it stands:
    current and strong, so it outranks the earlier steps the text tells in the past."""
    st, primary = _st("De regio sluit 1 januari nieuwe contracten af met zorgaanbieders. De voorlopige gunning telt 58 "
                      "aanbieders van jeugdhulp. 125 organisaties hadden zich voor de aanbesteding ingeschreven.")
    assert st["voorlopige_gunning"] == "current" and primary == "voorlopige_gunning"


def test_dialogue_tables_are_the_dialogue_and_a_letter_of_intent_is_no_contract():
    """vocabulary.STAGE_CUES (round ten): "dialoogtafels georganiseerd" is the dialogue; an "intentieovereenkomst"
    signed before it is no contract signed."""
    st, primary = _st("De jeugdhulpproducten worden ingekocht via een gesloten Open House procedure. De inhoud van de "
                      "uitvoeringsovereenkomst komt in dialoog tot stand. Hiervoor worden er een aantal dialoogtafels "
                      "georganiseerd. Aan de tafels nemen aanbieders plaats die de intentieovereenkomst hebben getekend.")
    assert "dialoog" in st and "contract_ondertekend" not in st and primary == "dialoog"


def test_who_delivers_from_a_date_on_is_a_purchase_for_relevance():
    """rule stage.service_statement (round ten, relevance): "Vanaf 1 januari 2024 is hiervoor één organisatie ...:
    MetMaya" reports the outcome of a purchase of youth care without a procedure word."""
    from tenderarchive.analysis import learned
    with learned.capturing(model={}):
        r = analyse("De specialistische jeugdhulp in de regio verandert. Vanaf 1 januari 2024 is hiervoor één organisatie "
                    "in Amersfoort, Baarn en Leusden: MetMaya.", title="MetMaya stelt zich voor: sneller passende jeugdhulp")
        assert r["relevant"] and r["primary_stage"] == "definitieve_gunning"


def test_a_decision_taken_about_the_purchase_is_preparation():
    """rule stage.purchase_decision (branch news12): a decision taken about the purchase itself ("hebben ...
    besloten deze inkoop ... zelf te regelen", "de koers die is gekozen bij inkoop jeugdzorg") is the preparation
    step, current, and so a purchase of youth care for relevance; a question about purchasing in general is not."""
    from tenderarchive.analysis import learned
    from tenderarchive.analysis.rules import disabled
    text = ("De wethouders hebben vorige week besloten deze inkoop voortaan zelf te regelen, zonder de andere regio's. "
            "De gemeenteraden zijn daar nog niet over geïnformeerd.")
    title = "Regio kiest eigen weg voor jeugdbescherming"
    with learned.capturing(model={}):
        r = analyse(text, title=title)
        assert r["relevant"] and r["primary_stage"] == "voorbereiding"
        # the decision is taken, the preparation it starts is under way
        assert {s["stage"]: s["status"] for s in r["stages"]}["voorbereiding"] == "current"
        with disabled("stage.purchase_decision"):
            # branch rel12: "deze inkoop" refers back to one round, a procedure act in core (referred_rounds); the
            # decision about "de inkoop" needs the rule
            assert analyse(text, title=title)["procedure_terms"] == ["deze inkoop"]
            assert not analyse(text.replace("deze inkoop", "de inkoop"), title=title)["relevant"]
        st, _ = _st("Welke procedure kiezen gemeenten voor de inkoop van jeugdhulp? Een kaart geeft het overzicht.")
        assert "voorbereiding" not in st


@pytest.mark.parametrize("text,published", [
    # the procedure named by its closing: it runs until then
    ("De nieuwe werkwijze geldt bij de aanbestedingsronde voor de jeugdhulp die op 1 maart afloopt.", None),
    ("Het inkoopplan wordt gebruikt in de aanbesteding van de jeugdzorg, die volgende maand afloopt.", None),
    # the procedure named by the year it buys for, in the present, in a text of the year before
    ("De aanbieders vinden dat bij de aanbesteding van jeugdhulp 2025 de regio te lage tarieven hanteert.",
     dt.date(2024, 6, 3)),
])
def test_a_procedure_named_by_its_closing_or_its_year_runs(text, published):
    """stages.md's "de aanbesteding loopt ... aankondiging when it says no more", for a particular procedure named by the
    date it closes or the year it buys for (branch news13; core since branch cv37, was the rule stage.procedure_dated)."""
    from tenderarchive.analysis import learned
    with learned.capturing(model={}):
        st, primary = _st(text, published=published)
        assert st.get("aankondiging") == "current" and primary == "aankondiging"


@pytest.mark.parametrize("text,published", [
    ("De aanbesteding voor jeugdhulp 2027 wordt op dit moment voorbereid.", dt.date(2025, 9, 1)),  # being prepared
    ("De regio gaat bij de aanbesteding van jeugdhulp 2026 strengere eisen stellen.", dt.date(2025, 2, 1)),  # planned
    ("Bij de aanbesteding van jeugdhulp 2018 hanteerde de regio lage tarieven.", dt.date(2021, 3, 1)),  # a past year
    ("Bij de aanbesteding van jeugdhulp 2018 hanteert de regio lage tarieven.", None),  # no date says it runs now
])
def test_a_procedure_prepared_planned_or_past_does_not_run(text, published):
    from tenderarchive.analysis import learned
    with learned.capturing(model={}):
        assert _st(text, published=published)[0].get("aankondiging") != "current"


@pytest.mark.parametrize("text", [
    "Eén aanbieder heeft een kort geding aangespannen tegen de voorlopige gunning van de jeugdhulp.",
    "Zorgaanbieder De Brug is naar de rechter gestapt om de aanbesteding jeugdhulp stil te leggen.",
    "Aanbesteding jeugdhulp voor de rechter",
])
def test_a_suit_brought_without_a_ruling_runs(text):
    """stage.legal_filed: kort_geding is "filed, heard or ruled" (stages.md); a suit brought and no ruling
    reported anywhere is the stage's current state, not a past event."""
    st, primary = _st(text, published=dt.date(2021, 3, 2))
    assert st["kort_geding"] == "current" and primary == "kort_geding"


@pytest.mark.parametrize("text", [
    "Eén aanbieder heeft een kort geding aangespannen tegen de gunning jeugdhulp. De rechter wees de eisen af.",
    "Een aanbieder spande een kort geding aan tegen de aanbesteding jeugdhulp. In zijn vonnis gaf de rechter "
    "de gemeente gelijk.",
    "De gemeenten voerden gesprekken met de jeugdhulpaanbieders die een kort geding hadden aangespannen over de "
    "aanbesteding jeugdhulp.",
])
def test_a_suit_ruled_on_or_told_in_the_pluperfect_is_done(text):
    st, _ = _st(text, published=dt.date(2021, 3, 2))
    assert st["kort_geding"] == "done"


def test_the_suit_rule_can_be_switched_off():
    from tenderarchive.analysis.rules import disabled

    with disabled("stage.legal_filed"):
        st, _ = _st("Eén aanbieder heeft een kort geding aangespannen tegen de voorlopige gunning van de jeugdhulp.",
                    published=dt.date(2021, 3, 2))
    assert st["kort_geding"] == "done"
