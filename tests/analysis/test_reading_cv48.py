"""Specifications of the relevance readings of branch cv48 (issue 11): a purchasing round of youth care told as a step
taken, in the words buyers use beside "aanbesteding" (stages.md: inkooptraject, contractering, verwerving, open house,
toetreding) -- in short synthetic pages (SYNTHETIC: written for these tests in common Dutch news wording, not taken
from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture): the reading is core.
"""
import pytest

from tenderarchive.analysis.relevance import told_rounds
from tests.speed import LINEAR, linear_time


@pytest.mark.parametrize("text", [
    "De gemeente Zwolle is gestart met het inkoopproces voor de specialistische jeugdhulp vanaf 2026.",
    "De regio West-Brabant start de contractering van de jeugdhulp voor de periode vanaf 2025.",
    "De contracteringsronde voor jeugdhulp is afgerond: 45 aanbieders krijgen een overeenkomst.",
    "De gemeenten in Holland Rijnland zijn gestart met de verwerving van jeugdhulp per 2027.",
    "De jeugdregio publiceert het programma van eisen voor de ambulante jeugdhulp.",
    "Het college heeft besloten de opdracht voor jeugdhulp te gunnen aan Stichting Kwadraad.",
    # an open call dated by its day: the "kunnen" of a call is its opening
    "Aanbieders van jeugdhulp kunnen zich vanaf 1 maart aanmelden voor de open house van de regio Utrecht.",
    "Jeugdhulpaanbieders kunnen tot 15 mei een aanvraag doen voor toetreding tot de overeenkomst jeugdhulp.",
])
def test_a_purchasing_round_told_as_a_step_is_relevant(read, text):
    result = read(text, title="Nieuws")
    assert result["relevant"], result["relevance_rule"]
    assert result["relevance_rule"] == "youth_term+procedure"


@pytest.mark.parametrize("text", [
    # how the purchase is arranged, not a step
    "De inkoop van jeugdhulp loopt via de regio Amersfoort. Ouders kunnen met vragen terecht bij het jeugdteam.",
    # a duty or a condition: procurement in general
    "Gemeenten moeten de contractering van jeugdhulp op tijd starten, zegt de branchevereniging.",
    "Als de regio de verwerving van jeugdhulp start, kunnen aanbieders vragen stellen.",
    # an open call without a date: a possibility
    "Aanbieders van jeugdhulp kunnen zich aanmelden voor de nieuwsbrief over de inkoop.",
    # the round of another service, in a sentence that also names youth care
    "Het inkoopproces voor de huishoudelijke hulp is gestart; ook over de jeugdhulp praat de raad deze maand.",
    # youth-care news without a procurement
    "Het jeugdteam is gestart met een nieuwe werkwijze voor de jeugdhulp in de wijk.",
])
def test_no_purchasing_round_told_is_not_relevant(read, text):
    assert not read(text, title="Nieuws")["relevant"]


def test_told_rounds_stays_fast_on_a_long_page():
    unit = ("de inkoop gestart jeugdhulp met de aanbesteding gunt aan opdracht voor 1 maart aanmelden kunnen "
            "toetreding tot de overeenkomst publiceert het ")  # no sentence end
    assert linear_time(told_rounds, unit) < LINEAR
    assert linear_time(told_rounds, unit.replace(" ", "\n")) < LINEAR


# --- an enrolment whose object is no tender: an event, a course, a mailing list, a register, a residence ---

@pytest.mark.parametrize("text", [
    "Ouders kunnen zich tot 1 maart inschrijven voor de informatieavond over jeugdhulp in de bibliotheek.",
    "Jongeren kunnen zich inschrijven voor de training weerbaarheid van het jeugdteam.",
    "Blijf op de hoogte van de jeugdhulp in uw gemeente: de inschrijving voor onze nieuwsbrief is gratis.",
    "Uw kind moet ingeschreven zijn in de Basisregistratie Personen om jeugdhulp te krijgen.",
    "Kinderen die jeugdhulp krijgen, kunnen dyslexiezorg vergoed krijgen als ze staan ingeschreven in de gemeente.",
    "De dyslexiezorg wordt vergoed door de gemeente waar jouw kind staat ingeschreven, als de praktijk daar jeugdhulp "
    "levert.",
])
def test_an_enrolment_in_no_tender_is_no_procurement(read, text):
    result = read(text, title="Nieuws")
    assert not result["relevant"], result["relevance_rule"]
    assert "inschrijving" not in {s["stage"] for s in result["stages"]} or not result["procedure_terms"]


@pytest.mark.parametrize("text", [
    "Aanbieders van jeugdhulp kunnen zich tot 1 maart inschrijven voor de aanbesteding van de regio.",
    # the event before the enrolment: the enrolment is still in the tender
    "Op de informatiebijeenkomst hoorden aanbieders dat zij zich tot 1 mei kunnen inschrijven op de aanbesteding "
    "jeugdhulp.",
    "In totaal hebben zich drie partijen ingeschreven op de aanbesteding voor de jeugdhulp.",
])
def test_an_enrolment_in_a_tender_stays_a_procurement(read, text):
    assert read(text, title="Nieuws")["relevant"]


def test_the_enrolment_object_stays_fast_on_a_long_page():
    from tenderarchive.analysis.relevance import NON_TENDER_ENROLMENT
    for unit in ("inschrijven voor de ", "ingeschreven ", "inschrijving in de grote "):
        assert linear_time(lambda text: NON_TENDER_ENROLMENT.sub(" ", text), unit) < LINEAR, unit


# --- the procedure in the sentence after the one about youth care (rule rel.together, with every rule on) ---

def test_a_procedure_act_right_after_a_sentence_on_youth_care_is_about_youth_care(read):
    result = read("De regio Rivierenland sluit nieuwe contracten met aanbieders van jeugdhulp. De selectieleidraad staat "
                  "op TenderNed.", title="Nieuws")
    assert result["relevant"], result["relevance_rule"]


def test_a_procedure_act_of_another_service_after_youth_care_is_not(read):
    result = read("Over de jeugdhulp praat de raad in mei. De aanbesteding voor het leerlingenvervoer is gestart op "
                  "TenderNed.", title="Nieuws")
    assert not result["relevant"], result["relevance_rule"]


# --- a job advert in an employer's words (rule rel.vacancy: read with every rule on, as the product reads) ---

@pytest.mark.parametrize("text", [
    "De gemeente Ede zoekt een contractmanager jeugdhulp. Je bent verantwoordelijk voor de aanbesteding en het "
    "contractbeheer. Reageer vóór 1 mei.",
    "Stichting Jeugdregio Noord zoekt per direct een ervaren inkoopadviseur. Als inkoopadviseur ben je betrokken bij de "
    "aanbesteding van de specialistische jeugdhulp. Stuur je cv naar de afdeling HR.",
])
def test_a_job_advert_for_a_tender_is_a_vacancy(text):
    from tests.analysis.reading import read_synthetic
    result = read_synthetic(text, title="Werken bij")
    assert not result["relevant"]
    assert result["relevance_rule"] == "vacancy"


def test_a_buyer_seeking_a_provider_is_no_vacancy():
    from tests.analysis.reading import read_synthetic
    result = read_synthetic("De gemeente Ede zoekt een aanbieder voor de ambulante jeugdhulp. De aanbesteding is op 1 maart "
                            "gepubliceerd op TenderNed; reageer vóór 1 mei.", title="Aanbesteding jeugdhulp")
    assert result["relevant"], result["relevance_rule"]


# --- the outcome of a round told from either side: providers selected, contracts extended, a new contract received ---

@pytest.mark.parametrize("text", [
    "Regio Twente selecteert negen aanbieders voor de specialistische jeugdhulp.",
    "De regio Food Valley heeft vijf consortia geselecteerd voor de jeugdhulp vanaf 2025.",
    "De regio heeft dertig jeugdhulpaanbieders gecontracteerd voor de komende vier jaar.",
    "De gemeente verlengt de contracten met jeugdhulpaanbieders met een jaar.",
    "Jeugdhulpaanbieders in de regio Zuid-Limburg krijgen vanaf 2025 een nieuw contract.",
])
def test_an_outcome_of_a_round_is_relevant(read, text):
    result = read(text, title="Nieuws")
    assert result["relevant"], result["relevance_rule"]


@pytest.mark.parametrize("text", [
    # a directory of who is contracted
    "Er zijn 6 aanbieders van dyslexiezorg voor jeugdigen gecontracteerd door de gemeente:",
    # a general statement, a possibility, no contract
    "Ouders kunnen kiezen uit twee aanbieders van jeugdhulp in de wijk.",
    "Gemeenten moeten de contracten met jeugdhulpaanbieders kunnen verlengen, vindt de branche.",
    "De jeugdhulpaanbieders krijgen geen nieuw contract van de gemeente, maar een subsidie voor de inloop.",
])
def test_no_outcome_told_is_not_relevant(read, text):
    assert not read(text, title="Nieuws")["relevant"]


# --- the providers holding a contract now, as a resident's page names them: no procurement ---

@pytest.mark.parametrize("text", [
    "Op onze website vindt u de lijst met gecontracteerde aanbieders voor jeugdhulp.",
    "Wilt u een andere aanbieder? Kies dan een van de gecontracteerde aanbieders van jeugdhulp.",
    "De gemeente werkt voor de jeugdhulp met 120 gecontracteerde aanbieders.",
])
def test_the_contracted_providers_named_are_no_procurement(read, text):
    assert not read(text, title="Jeugdhulp aanvragen")["relevant"]


def test_the_newly_contracted_providers_are_an_outcome(read):
    assert read("Per 1 januari 2025 starten de nieuw gecontracteerde aanbieders van jeugdhulp in de regio.",
                title="Nieuws")["relevant"]


# --- the round told in the sentence after the one about youth care, through the anaphor it opens with ---

def test_a_round_told_after_youth_care_through_an_anaphor_is_relevant(read):
    result = read("Vanaf 1 januari 2025 is Jeugdbescherming West de enige aanbieder van jeugdbescherming in de regio. Dat "
                  "is de uitkomst van de inkoopronde.", title="Nieuws")
    assert result["relevant"], result["relevance_rule"]


def test_a_round_of_something_else_after_youth_care_is_not(read):
    result = read("De jeugdhulp in de wijk loopt goed, zegt de wethouder. Het inkoopproces voor de nieuwe sporthal is "
                  "gestart.", title="Nieuws")
    assert not result["relevant"], result["relevance_rule"]
