"""Specifications of the relevance readings of branch rel17 (issue 11: relevance on sites never seen, round seventeen --
the decision's robustness to wording the dev part does not have) -- in short synthetic pages (SYNTHETIC: written for
these tests in the plain Dutch (or English) of a site never seen, not taken from a page).

Seven kinds of page, each as a pair: a relevant page and its near miss. Each is read with every named rule on and with
every named rule switched off (the shared ``read`` fixture: the rules alone), and once more as the product reads it,
every rule on and the learned layer as shipped (:func:`shipped`).
"""


import pytest

from tenderarchive.analysis.relevance import _core_acts, buyer_purchases, english_procurements
from tenderarchive.analysis.vocabulary import PROCUREMENT_ACT
from tests.analysis.reading import assert_reads, shipped
from tests.speed import LINEAR, linear_time


PAIRS = {
    # a municipality's "inkoop sociaal domein" page listing jeugdhulp among its contracts
    "inkoop sociaal domein": (
        ("Inkoop sociaal domein",
         "De gemeente Oosterwolde koopt zorg en ondersteuning in voor haar inwoners. Wij hebben contracten met aanbieders "
         "voor de Wmo-begeleiding, de huishoudelijke hulp en de jeugdhulp. De contracten voor de jeugdhulp lopen af op 31 "
         "december 2025. In 2025 kopen wij de jeugdhulp opnieuw in. Aanbieders die belangstelling hebben, kunnen zich "
         "aanmelden."),
        ("Zorg en ondersteuning",
         "Heeft u hulp nodig bij het opvoeden of bij het huishouden? De gemeente Oosterwolde heeft contracten met "
         "aanbieders voor de Wmo-begeleiding, de huishoudelijke hulp en de jeugdhulp. U kiest zelf een aanbieder uit de "
         "lijst. Neem contact op met het wijkteam.")),
    # a provider's page: the news of a tender won that mentions hiring / a job advert that mentions the tender won
    "vacancy": (
        ("Nieuws",
         "Jeugdzorg De Linde heeft de aanbesteding voor specialistische jeugdhulp in de regio Twente gewonnen. Vanaf 1 "
         "januari 2025 bieden wij jeugdhulp in alle veertien gemeenten. Daarom zoeken wij nieuwe collega's; kijk op onze "
         "vacaturepagina."),
        ("Vacature gedragswetenschapper jeugd (32 uur per week)",
         "Jeugdzorg De Linde heeft onlangs de aanbesteding in Twente gewonnen en groeit. Daarom zoeken wij een "
         "gedragswetenschapper. Wat bieden wij? Een salaris in schaal 10 en een contract voor een jaar. Solliciteer voor "
         "1 mei.")),
    # a council budget page naming the costs of the new youth-care contracts / the costs alone
    "budget": (
        ("Begroting 2025",
         "De nieuwe contracten voor jeugdhulp kosten de gemeente 2 miljoen euro meer. De regio heeft de jeugdhulp per 1 "
         "januari 2025 opnieuw aanbesteed."),
        ("Begroting 2025",
         "De kosten van de jeugdhulp stijgen in 2025 met 1,2 miljoen euro. Dat komt door meer cliënten en hogere "
         "tarieven. Het tekort op het sociaal domein loopt op tot 3 miljoen euro. De raad bespreekt de begroting op 7 "
         "november.")),
    # market forces in youth care: a region's tender against them / national news, no buyer
    "market forces": (
        ("Nieuws",
         "Gemeenten in de regio Rijnmond kopen de jeugdhulp vanaf 2026 anders in. De regio start dit najaar een "
         "aanbesteding met minder aanbieders, om de marktwerking in de jeugdzorg te beperken."),
        ("Nieuws",
         "De marktwerking in de jeugdzorg moet worden teruggedrongen, vinden steeds meer deskundigen. Door de "
         "aanbestedingen zijn er te veel aanbieders gekomen en gaat veel geld naar winst. Het kabinet wil de regels voor "
         "aanbesteden in de jeugdzorg aanpassen.")),
    # the Hervormingsagenda's regional purchasing rules: a region acting on them / the agenda told
    "Hervormingsagenda": (
        ("Hervormingsagenda Jeugd",
         "Door de Hervormingsagenda Jeugd moeten gemeenten de specialistische jeugdzorg regionaal inkopen. De regio "
         "Drechtsteden heeft daarom een nieuwe inkoopstrategie vastgesteld. De aanbesteding start in maart 2025."),
        ("Hervormingsagenda Jeugd",
         "In de Hervormingsagenda Jeugd staan afspraken tussen het Rijk, gemeenten en aanbieders. Gemeenten moeten de "
         "specialistische jeugdzorg voortaan regionaal inkopen en contracten langer laten lopen. Ook komen er minder "
         "administratieve lasten.")),
    # an English-language page of a Dutch municipality
    "English": (
        ("Tender for youth care",
         "The municipalities of the Twente region have started the tender for specialist youth care (specialistische "
         "jeugdhulp). The contracts will start on 1 January 2026."),
        ("Youth care",
         "Do you need help raising your children? The municipality of Leiden offers youth care (jeugdhulp) through the "
         "neighbourhood teams. Contact the team in your district for advice.")),
    # youth care named only in the menu or footer boilerplate
    "boilerplate": (
        ("Aanbesteding jeugdhulp gestart",
         "De gemeente Veldhoven is gestart met de aanbesteding van de jeugdhulp voor 2026. Aanbieders kunnen tot 1 maart "
         "inschrijven via TenderNed.\n\nMenu: Home | Wonen | Zorg | Jeugdhulp | Afval | Contact"),
        ("Nieuwe aanbesteding groenonderhoud",
         "De gemeente Veldhoven is gestart met de aanbesteding van het groenonderhoud voor 2026. Hoveniers kunnen tot 1 "
         "maart inschrijven via TenderNed.\n\nMenu: Home | Wonen | Zorg | Jeugdhulp | Wmo | Afval | Contact\n\nVolg ons | "
         "Jeugdhulp en Wmo | Privacy | Cookies")),
}


@pytest.mark.parametrize("kind", PAIRS)
def test_the_relevant_page_of_each_kind_is_relevant(read, kind):
    assert_reads(read, *PAIRS[kind][0], relevant=True)


@pytest.mark.parametrize("kind", PAIRS)
def test_the_near_miss_of_each_kind_stays_out(read, kind):
    assert_reads(read, *PAIRS[kind][1], relevant=False)


# --- the definite plural alone on a page naming no buyer is the practice ---

@pytest.mark.parametrize("text", [
    "De marktwerking in de jeugdzorg moet worden teruggedrongen, vinden steeds meer deskundigen. Door de aanbestedingen "
    "zijn er te veel aanbieders gekomen.",
    "Deskundigen zijn kritisch over de marktwerking in de jeugdzorg. De aanbestedingen leiden tot versnippering en er "
    "gaat veel geld naar winst.",
])
def test_the_definite_plural_on_a_page_without_buyer_is_no_procurement(read, text):
    assert not read(text, title="Marktwerking in de jeugdzorg")["relevant"]


@pytest.mark.parametrize("text", [
    # a buyer on the page: its tenders
    "De gemeente Zwolle start in maart met de aanbestedingen voor de jeugdzorg. De aanbestedingen lopen tot juni.",
    # a step told of them
    "De aanbestedingen voor de jeugdzorg zijn in 2024 gegund aan twaalf aanbieders.",
])
def test_the_definite_plural_of_a_buyer_or_a_step_stays_a_procurement(read, text):
    assert read(text, title="Nieuws")["relevant"]


# --- the buyer after its verb, and the page's own "wij" ---

@pytest.mark.parametrize("text, clause", [
    ("In 2025 kopen wij de jeugdhulp opnieuw in.", "kopen wij de jeugdhulp opnieuw in"),
    ("Sinds dit jaar koopt de regio de jeugdzorg samen in met de gemeenten Ede en Wageningen.",
     "koopt de regio de jeugdzorg samen in"),
    ("Per 2025 hebben wij de jeugdhulp opnieuw ingekocht.", "hebben wij de jeugdhulp opnieuw ingekocht"),
    ("Vanaf 2026 willen wij de jeugdhulp zelf inkopen.", "wij de jeugdhulp zelf inkopen"),
])
def test_the_buyer_after_its_verb_and_the_pages_own_we_buy(read, text, clause):
    assert buyer_purchases(text) == [clause]
    assert read(text, title="Inkoop")["relevant"]


@pytest.mark.parametrize("text", [
    "In Nederland kopen we de jeugdzorg in via aanbestedingen.",  # the country's "we"
    "Kopen wij de jeugdhulp opnieuw in?",  # a question
    "Wij moeten de jeugdhulp opnieuw inkopen.",  # a duty
    "Sinds jaren zien wij dat jeugdhulp inkopen ingewikkeld is.",  # "wij" the subject of another clause
])
def test_the_general_we_stays_out(text):
    assert buyer_purchases(text) == []


def test_five_words_between_the_youth_care_and_the_participle():
    assert buyer_purchases("De regio heeft de jeugdhulp per 1 januari 2025 opnieuw aanbesteed.") == [
        "de regio heeft de jeugdhulp per 1 januari 2025 opnieuw aanbesteed"]


# --- a provider's news of a tender won keeps its hiring line ---

def test_an_advert_that_names_the_tender_won_stays_a_vacancy(read):
    text = ("Jeugdzorg De Linde zoekt een gedragswetenschapper voor 32 uur per week. Wij hebben de aanbesteding in Twente "
            "gewonnen. Wat bieden wij? Een salaris in schaal 10. Solliciteer voor 1 mei.")
    result = read(text, title="Vacature")
    assert not result["relevant"] and result["relevance_rule"] == "vacancy"


# --- English pages of Dutch municipalities ---

@pytest.mark.parametrize("text", [
    "Leiden purchases youth care together with the other municipalities in Holland Rijnland. The new contracts for "
    "jeugdhulp were awarded to twelve providers in 2024.",
    "The municipality has contracted twelve providers for youth care from 2025.",
])
def test_an_english_page_telling_a_purchase_is_relevant(read, text):
    assert english_procurements(text)
    assert read(text, title="Purchasing youth care")["relevant"]


@pytest.mark.parametrize("text", [
    "Youth care providers contracted by the municipality are listed below. Do you need help? Call the team.",
    "Municipalities must procure youth care since 2015.",
    "The municipality awarded a subsidy for youth care to the foundation.",
    "Is the municipality procuring youth care?",
])
def test_an_english_page_without_a_purchase_stays_out(read, text):
    assert english_procurements(text) == []
    assert not read(text, title="Youth care")["relevant"]


def test_the_new_readings_stay_linear():
    assert linear_time(buyer_purchases, "In 2025 kopen wij de jeugdhulp opnieuw en ", 110_000) < LINEAR
    assert linear_time(buyer_purchases, "Per 2025 hebben wij de jeugdhulp en de ", 110_000) < LINEAR
    assert linear_time(english_procurements, "the municipality has started the youth care tender and ", 110_000) < LINEAR
    assert linear_time(lambda t: _core_acts(PROCUREMENT_ACT, t), "door de aanbestedingen zijn er veel aanbieders, ",
                       110_000) < LINEAR

