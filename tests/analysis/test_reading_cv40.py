"""Specifications of the readings of branch cv40 (issue 11): relevance on pages of sites never seen -- a particular
buyer buying youth care with the purchase verb is a procurement of youth care, a general statement about how
municipalities buy it is not -- in short synthetic pages (SYNTHETIC: written for these tests around the wording of dev
pages, not taken from a page); the dev figures before and after are in the corpus README's "Round (branch cv40)" and
the CHANGELOG.

Each reading here is read with every named rule switched off as well: the reading is core (a held-out site is read
with only the rules that help two other sites and break none, and who buys what is no rule it may lose).
"""

import pytest

from tests.analysis.reading import read_synthetic


# --- a particular buyer buys youth care: a procurement of youth care ---

@pytest.mark.parametrize("text", [
    "Het college wil nu zonder andere partners jeugdhulp gaan inkopen. Dat kost de gemeente extra personeel.",
    "Omdat Amstelveen zelfstandig de jeugdzorg wil gaan inkopen, vraagt de fractie om uitleg.",
    "Beide gemeenten sluiten volgend jaar aan bij de elf regiogemeenten die gezamenlijk jeugdhulp inkopen.",
    "Almere, Lelystad, Dronten, Noordoostpolder en Urk kopen gezamenlijk specialistische jeugdzorg in.",
    "De Twentse gemeenten kopen de jeugdzorg samen in.",
])
def test_a_particular_buyer_buying_youth_care_is_a_youth_care_procurement(read, text):
    result = read(text, title="Raad spreekt over de jeugdzorg")
    assert result["relevant"] and result["relevance_rule"] == "youth_term+procedure"


def test_a_buyers_purchase_and_no_step_told_is_the_preparation():
    result = read_synthetic("Het college wil nu zonder andere partners jeugdhulp gaan inkopen.")
    assert result["primary_stage"] == "voorbereiding"


def test_a_buyers_purchase_outweighs_a_money_title():
    """The title names money ("kosten"): a genre title, but the page tells a particular buyer's purchase of youth
    care, as a named procedure ("de aanbesteding voor de jeugdzorg") does since branch news15r."""
    result = read_synthetic("De fractie wil weten wat het onderzoek naar de kosten heeft opgeleverd. Het college wil nu "
                            "zonder andere partners jeugdhulp gaan inkopen.",
                            title="Fractie stelt vragen over de stijgende kosten van de jeugdzorg")
    assert result["relevant"]


# --- guards: a general statement, another service, money, a vacancy stay out ---

@pytest.mark.parametrize("text", [
    # a bare plural: municipalities in general
    "Het instituut deed onderzoek naar hoe gemeenten jeugdhulp inkopen op kwaliteit.",
    "Een krant schreef over het feit dat gemeenten hun jeugdbescherming onder de kostprijs inkopen.",
    # a modal of duty: the law's task, no purchase
    "Sinds 2015 moeten gemeenten de jeugdzorg inkopen, een taak van het Rijk.",
    "Gemeente moet jeugdhulp lange termijn contracteren maar krijgt korte termijn financiering.",
    # "de gemeenten" alone and "de meeste gemeenten": the municipalities in general
    "De gemeenten kopen sinds de decentralisatie de jeugdzorg in.",
    "De meeste gemeenten kopen de jeugdzorg regionaal in.",
    # no subject: an opinion on buying together
    "Het is handiger om samen jeugdzorg in te kopen en te factureren.",
    # a capital that is no municipality
    "Sinds jaren zien wij dat jeugdhulp inkopen ingewikkeld is.",
    # a future aim (branch cv35)
    "Het college zal in de komende jaren de jeugdzorg inkopen.",
])
def test_a_general_statement_about_buying_youth_care_is_no_procurement(read, text):
    assert not read(text, title="Nieuws over de jeugdzorg")["relevant"]


@pytest.mark.parametrize("text,title", [
    # Wmo only: the buyer buys household help, not youth care
    ("Het college wil de huishoudelijke hulp opnieuw aanbesteden. De gemeente kocht de Wmo-hulp eerder regionaal in.",
     "Nieuwe inkoop huishoudelijke hulp"),
    # money: spending on youth care is no purchase ("besteedt ... aan")
    ("De gemeente besteedt dit jaar 20 miljoen euro aan jeugdzorg. Het tekort loopt op.", "Begroting 2025: tekort jeugdzorg"),
])
def test_hard_negatives_stay_out(read, text, title):
    assert not read(text, title=title)["relevant"]


def test_a_vacancy_naming_the_buyers_purchase_stays_out():
    """Two hiring signals come first (rule rel.vacancy, read with every rule on as the product reads)."""
    assert not read_synthetic("Wij zoeken een projectleider inkoop (32 uur per week). Het college wil nu zelf jeugdhulp "
                              "gaan inkopen; jouw rol is het contractmanagement. Solliciteer voor 1 mei.",
                              title="Vacature projectleider inkoop jeugdhulp")["relevant"]


def test_a_long_page_of_capitals_and_youth_words_is_read_in_time():
    """The buyer is tried from each capital on; bounded gaps keep a hostile sentence linear enough."""
    from tenderarchive.analysis.relevance import buyer_purchases
    from tests.speed import LINEAR, linear_time, repeat

    def page(n):  # the three runs in the proportions of a 100 KB page (48 : 22 : 46), then the purchase
        return (repeat("Almere, Lelystad en Urk ", n * 48 // 116) + repeat("jeugdzorg gezamenlijk ", n * 22 // 116)
                + repeat("Omdat Sinds Nederlands ", n * 46 // 116) + "jeugdhulp inkopen")
    assert linear_time(buyer_purchases, page) < LINEAR
