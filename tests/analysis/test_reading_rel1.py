"""Specifications of the relevance readings of branch rel1 (issue 11: relevance on sites never seen) -- in short
synthetic pages (SYNTHETIC: written for these tests in common Dutch news and council wording, not taken from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture): the reading is core.
"""
import pytest

from tenderarchive.analysis.relevance import other_purchase_sentences, plain_purchases
from tests.speed import LINEAR, linear_time


# --- a council agenda listing its subjects: a decision still to take about a purchase policy is no purchase ---

def test_a_council_agenda_listing_a_purchase_policy_among_its_subjects_is_not_relevant(read):
    text = ("Op dinsdag 7 februari neemt de raad een besluit over de zendtijdtoewijzing voor de lokale omroep. "
            "Andere onderwerpen waar de raad een besluit over neemt zijn onder andere de kadernota's, de regionale "
            "beleidskaders over jeugdzorg en de beleidsuitgangspunten voor inkoop van jeugdhulp en de Wmo.")
    result = read(text, title="Raad neemt besluit over zendtijdtoewijzing lokale omroep")
    assert not result["relevant"], result["relevance_rule"]


def test_a_purchase_decided_is_still_relevant(read):
    # "besluit" the verb reports the purchase decided
    assert read("Het college besluit de jeugdhulp per 2026 opnieuw in te kopen via een open house.", title="Nieuws")["relevant"]


def test_a_noun_after_an_article_is_no_participle_of_a_purchase_reported():
    # "het beleid", "een besluit", "de gemeenteraad": nouns of participle shape, no tense marker
    assert plain_purchases("Het college is bezig met het beleid voor de inkoop van jeugdhulp.") == []
    assert plain_purchases("De jeugdhulp is door de regio ingekocht.") == ["ingekocht"]
    assert plain_purchases("Het college heeft een besluit genomen om de jeugdhulp opnieuw in te kopen.") == ["in te kopen"]


# --- the reverse misses: youth care bought without the word "aanbesteding" ---

@pytest.mark.parametrize("title,text", [
    # a market survey (stages.md's marktconsultatie) of a particular buyer
    ("Nieuws", "Gemeente Den Helder gaat de jeugdhulp vanaf 2026 anders inkopen en houdt daarvoor een marktverkenning "
               "onder aanbieders."),
    # youth care given in schools, bought by the municipalities: an onderwijs-jeugdarrangement
    ("Advies over de offerteaanvraag", "Hierbij brengen wij advies uit over de concept offerteaanvraag Onderwijs Jeugd "
                                       "Arrangementen. De directies van beide scholen worden betrokken bij de beoordeling "
                                       "van de inschrijvingen."),
])
def test_a_youth_care_purchase_without_the_word_aanbesteding_is_relevant(read, title, text):
    result = read(text, title=title)
    assert result["relevant"], result["relevance_rule"]


def test_a_youth_arrangement_that_is_no_care_is_not_relevant(read):
    text = "Het hotel biedt een jeugdarrangement aan voor gezinnen met kinderen. De inschrijving voor de zomer is geopend."
    assert not read(text, title="Nieuws")["relevant"]


def test_a_market_survey_in_general_is_no_procurement():
    # the product reading (rel.particular_procedure names the particular procurement; the core reads every term)
    from tests.analysis.reading import read_synthetic
    text = "Een marktverkenning kan gemeenten helpen bij de inkoop van jeugdhulp, zegt de branchevereniging."
    assert not read_synthetic(text, title="Nieuws")["relevant"]


# --- another service bought by the same buyer, told with the purchase verb ---

def test_another_service_bought_with_the_verb_is_not_a_youth_care_procurement(read):
    text = ("De gemeenten in de regio hebben het Wmo-vervoer opnieuw aanbesteed. Het contract is gegund aan Connexxion. "
            "Het vervoer van jeugdigen naar de jeugdhulp valt ook onder het contract.")
    result = read(text, title="Wmo-vervoer opnieuw aanbesteed")
    assert not result["relevant"], result["relevance_rule"]


def test_youth_care_bought_with_the_verb_stays_relevant(read):
    text = "De gemeente Ede heeft de specialistische jeugdhulp opnieuw aanbesteed. Het contract is gegund aan Stichting Kwadraad."
    assert read(text, title="Nieuws")["relevant"]


def test_other_purchase_verb_reading_stays_fast_on_a_long_page():
    unit = "de huishoudelijke hulp de het wmo opnieuw per 2025 "  # ~120 KB, no sentence end, no verb
    assert linear_time(other_purchase_sentences, unit, 120_000) < 8  # (linear: about 4; quadratic: 16)
    assert linear_time(other_purchase_sentences, unit.replace(" ", "\n"), 120_000) < 8


# --- a court ruling about youth care that is no procurement ---

@pytest.mark.parametrize("title,text", [
    ("Rechtbank: jeugdzorgaanbieder hoeft niet terug te betalen",
     "De rechtbank Gelderland oordeelt dat jeugdzorgaanbieder Lindenhout het geld niet hoeft terug te betalen aan de "
     "gemeente. Het contract tussen beide partijen liep tot 2022."),
    ("Nieuws", "De rechter heeft bepaald dat de gemeente Utrecht de jeugdhulp voor een meisje van twaalf moet vergoeden. "
               "De gemeente had een contract met de zorgaanbieder, maar weigerde de indicatie."),
])
def test_a_court_ruling_about_youth_care_without_a_procurement_is_not_relevant(read, title, text):
    result = read(text, title=title)
    assert not result["relevant"], result["relevance_rule"]


@pytest.mark.parametrize("text", [
    # the proceedings named: providers brought a kort geding over the tariffs of the contracting
    "Tien gemeenten in de regio Haaglanden hebben gesprekken gevoerd met de jeugdhulpaanbieders die een kort geding "
    "hadden aangespannen over de tarieven. Nu hebben de regiogemeenten alle aanbieders een contract voor 2020 aangeboden.",
    # a court ruling about a tender
    "De rechtbank Den Haag heeft de gunning van de aanbesteding voor jeugdhulp in de regio Haaglanden vernietigd.",
])
def test_a_court_case_about_a_youth_care_purchase_stays_relevant(read, text):
    result = read(text, title="Nieuws")
    assert result["relevant"], result["relevance_rule"]


# --- round two: the subject of the verb, a call with its closing day, strategic partners chosen ---

def test_another_service_as_the_subject_of_the_purchase_verb_is_not_a_youth_care_procurement(read):
    text = ("Het leerlingenvervoer in de gemeente Venlo is opnieuw aanbesteed en gegund aan Taxi Van Gemert. "
            "Kinderen die jeugdhulp krijgen worden ook vervoerd.")
    result = read(text, title="Leerlingenvervoer opnieuw aanbesteed")
    assert not result["relevant"], result["relevance_rule"]


@pytest.mark.parametrize("title,text", [
    # a call with its closing day: the "kunnen" is the call's
    ("Nieuws", "Aanbieders van jeugdhulp kunnen tot 1 april een offerte indienen voor de regio Hart van Brabant."),
    # the outcome: a counted set of strategic partners chosen, the purpose between
    ("Regio kiest voor strategische partners jeugdhulp",
     "De regio Zuid-Holland Zuid heeft na een lange procedure vier strategische partners voor de specialistische "
     "jeugdhulp gekozen. Zij krijgen een contract van tien jaar."),
])
def test_a_call_with_its_closing_day_or_partners_chosen_is_relevant(read, title, text):
    result = read(text, title=title)
    assert result["relevant"], result["relevance_rule"]


def test_an_offer_in_general_stays_no_procurement():
    # the product reading: without a closing day an offer "kan" is a possibility (rel.particular_procedure)
    from tests.analysis.reading import read_synthetic
    text = "Aanbieders van jeugdhulp kunnen een offerte indienen als de gemeente daarom vraagt."
    assert not read_synthetic(text, title="Nieuws")["relevant"]


def test_the_rel1_readings_stay_fast_on_100_kb():
    from tenderarchive.analysis.relevance import relevance
    unit = ("het leerlingenvervoer in de gemeente is opnieuw heeft na een lange vier strategische partners voor de "
            "jeugdhulp kunnen tot 1 april een offerte de rechtbank een besluit ")  # no sentence end
    assert linear_time(lambda text: relevance(text, title="Nieuws"), unit, 110_000) < LINEAR
