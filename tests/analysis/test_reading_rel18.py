"""Specifications of the relevance readings of branch rel18 (issue 11: relevance on sites never seen, round eighteen --
what round seventeen left) -- in short synthetic pages (SYNTHETIC: written for these tests in the plain Dutch of a site
never seen, not taken from a page).

Three kinds of page, each as pairs of a relevant page and its near miss: tender words only in a link or tag line, the
other verbs of buying, and a purchasing body's page beside near misses naming youth care or tenders in passing. Each is
read with every named rule on and with every named rule switched off (the shared ``read`` fixture: the rules alone),
and once more as the product reads it, every rule on and the learned layer as shipped (:func:`shipped`).
"""

import pytest

from tenderarchive.analysis.relevance import buyer_purchases, link_lines
from tests.analysis.reading import assert_reads, shipped
from tests.speed import LINEAR, linear_time


WAITING = "De wachtlijsten in de jeugdhulp in Veldhoven worden langer. Het wijkteam zoekt naar oplossingen."
TENDER = ("De gemeente Veldhoven is gestart met de aanbesteding van de jeugdhulp voor 2026. Aanbieders kunnen tot 1 maart "
          "inschrijven via TenderNed.")

# --- 1. tender words only in a link or tag line: not the page's own text ---

RELEVANT_WITH_LINKS = [
    ("Aanbesteding jeugdhulp gestart", TENDER + "\nLees ook: Wachtlijsten jeugdhulp | Nieuwe tarieven Wmo"),
    ("Aanbesteding jeugdhulp gestart", TENDER + "\nTags: jeugdhulp, aanbesteding, Veldhoven"),
    ("Aanbesteding jeugdhulp gestart", TENDER + "\n\nGerelateerde berichten\nWachtlijsten jeugdhulp\nNieuwe tarieven Wmo"),
]
LINKS_ONLY = [
    ("Nieuwe aanbesteding groenonderhoud",
     "De gemeente Veldhoven is gestart met de aanbesteding van het groenonderhoud voor 2026. Hoveniers kunnen tot 1 maart "
     "inschrijven via TenderNed.\nLees ook: Jeugdhulp in Veldhoven | Aanbestedingen 2026"),
    ("Wachtlijsten jeugdhulp", WAITING + "\nLees ook: Aanbesteding jeugdhulp 2026 gestart | Nieuwe tarieven Wmo"),
    ("Wachtlijsten jeugdhulp", WAITING + " Lees ook: Aanbesteding jeugdhulp 2026 gestart"),
    ("Wachtlijsten jeugdhulp", WAITING + "\n\nGerelateerde berichten\nAanbesteding jeugdhulp 2026 gestart\nNieuwe tarieven Wmo"),
    ("Wachtlijsten jeugdhulp", WAITING + "\nTags: jeugdhulp, aanbesteding, inkoop, Veldhoven"),
    ("Wachtlijsten jeugdhulp", WAITING + "\nMeer over: Jeugdhulp | Aanbesteding | Wmo"),
]


@pytest.mark.parametrize("title, text", RELEVANT_WITH_LINKS)
def test_a_tender_page_with_link_lines_stays_relevant(read, title, text):
    assert_reads(read, title, text, relevant=True)


@pytest.mark.parametrize("title, text", LINKS_ONLY)
def test_tender_words_only_in_a_link_or_tag_line_are_no_procurement(read, title, text):
    assert_reads(read, title, text, relevant=False)


def test_link_lines_cut_only_the_links():
    text, cut = link_lines(WAITING + "\n\nGerelateerde berichten\nAanbesteding jeugdhulp 2026 gestart\n\nHet wijkteam "
                           "is bereikbaar op werkdagen.")
    assert cut and "Aanbesteding" not in text
    assert WAITING in text and "Het wijkteam is bereikbaar op werkdagen." in text
    # a council's agenda ("Onderwerpen:") and a sentence naming "tags" are the page's own text
    own = "Onderwerpen: de aanbesteding van de jeugdhulp 2026.\nWe gebruiken tags om berichten te ordenen."
    assert link_lines(own) == (own, [])


# --- 2. the other verbs of buying ---

@pytest.mark.parametrize("text", [
    "De gemeente Veldhoven besteedt de jeugdhulp vanaf 2026 uit aan een nieuwe aanbieder.",
    "De gemeente Veldhoven heeft besloten de ambulante jeugdhulp uit te besteden aan twee aanbieders.",
    "De regio Twente heeft de specialistische jeugdhulp uitbesteed aan een consortium van aanbieders.",
    "De gemeente Veldhoven brengt de jeugdhulp per 1 januari 2026 onder bij een nieuwe aanbieder.",
    "De gemeente Veldhoven heeft de jeugdhulp ondergebracht bij een nieuwe aanbieder.",
    "Het college wil de jeugdhulp onderbrengen bij een nieuwe aanbieder.",
    "De gemeente Veldhoven hevelt de jeugdhulp over naar een nieuwe aanbieder, die vanaf 2026 de zorg levert.",
    "De gemeente Veldhoven contracteert vanaf 2026 minder aanbieders voor de jeugdhulp.",
    "De gemeente Veldhoven contracteerde in 2024 twaalf aanbieders van jeugdhulp.",
    "De gemeente Veldhoven heeft vier aanbieders voor de jeugdhulp gecontracteerd.",
])
def test_the_other_verbs_of_buying_tell_a_purchase(read, text):
    assert_reads(read, "Nieuws", text, relevant=True)


@pytest.mark.parametrize("text", [
    "Veel ouders besteden de opvoeding niet graag uit. De jeugdhulp in Veldhoven helpt gezinnen met vragen.",
    "De gemeente Veldhoven besteedt veel aandacht aan de jeugdhulp. Het wijkteam helpt gezinnen.",
    "De gemeente Veldhoven besteedt het groenonderhoud uit aan een hovenier. De jeugdhulp blijft bij het wijkteam.",
    "Het kind is ondergebracht bij een pleeggezin. De jeugdhulp begeleidt het gezin.",
    "De gemeente Veldhoven brengt de jeugdhulp onder bij het wijkteam.",  # placed with its own team, no provider
    "De jeugdhulp wordt overgeheveld naar het Rijk, zo blijkt uit de Hervormingsagenda.",
    "De gemeente Veldhoven contracteert aanbieders van jeugdhulp die aan de eisen voldoen.",  # the habit, no step
    "Gemeenten moeten de jeugdhulp uitbesteden aan aanbieders.",  # a bare plural's duty
])
def test_the_near_misses_of_the_verbs_stay_out(read, text):
    assert_reads(read, "Nieuws", text, relevant=False)


# --- 3. youth care or tenders named in passing; a purchasing body's page ---

PAIRS = {
    "purchasing body": (
        ("Nieuws",
         "Het inkoopbureau van de regio Holland Rijnland contracteert de jeugdhulp voor 2026 opnieuw. Aanbieders kunnen "
         "zich tot 1 april melden."),
        ("Aanbesteding Wmo-begeleiding",
         "De gemeente Veldhoven start de aanbesteding van de Wmo-begeleiding voor 2026. Net als bij jeugdhulp werken we met "
         "resultaatgericht financieren. Aanbieders kunnen tot 1 maart inschrijven via TenderNed.")),
    "purchasing body by name": (
        ("Nieuws", "Inkoopbureau H-10 koopt namens tien gemeenten de jeugdhulp in. Vanaf 2026 gelden nieuwe contracten."),
        ("Begroting jeugdhulp 2025",
         "De kosten van de jeugdhulp in Veldhoven stijgen in 2025 met 1,2 miljoen euro. De aanbesteding van het "
         "leerlingenvervoer levert een voordeel op van 200.000 euro.")),
    "purchasing organisation": (
        ("Inkoop jeugdhulp 2026",
         "De inkooporganisatie koopt namens de gemeenten in de regio de jeugdhulp voor 2026 opnieuw in."),
        ("Jaarverslag 2023",
         "Jeugdzorg De Linde biedt jeugdhulp aan gezinnen in Twente. In 2023 hielpen wij 1200 kinderen. Aanbestedingen "
         "vragen veel van onze organisatie, en de administratieve lasten blijven hoog.")),
}


@pytest.mark.parametrize("kind", PAIRS)
def test_the_relevant_page_of_each_kind_is_relevant(read, kind):
    assert_reads(read, *PAIRS[kind][0], relevant=True)


@pytest.mark.parametrize("kind", PAIRS)
def test_the_near_miss_of_each_kind_stays_out(read, kind):
    assert_reads(read, *PAIRS[kind][1], relevant=False)


@pytest.mark.parametrize("text, clause", [
    ("Inkoopbureau H-10 koopt namens tien gemeenten de jeugdhulp in.",
     "inkoopbureau h-10 koopt namens tien gemeenten de jeugdhulp in"),
    ("De regio Twente heeft de jeugdhulp opnieuw ingekocht.", "de regio twente heeft de jeugdhulp opnieuw ingekocht"),
])
def test_a_purchasing_body_and_a_region_by_name_are_buyers(text, clause):
    assert buyer_purchases(text) == [clause]


def test_the_new_readings_stay_linear():
    assert linear_time(buyer_purchases, "De gemeente Ede besteedt de jeugdhulp en de ", 110_000) < LINEAR
    assert linear_time(buyer_purchases, "Inkoopbureau H-10 brengt de jeugdhulp onder bij de ", 110_000) < LINEAR
    assert linear_time(lambda t: link_lines(t)[0], "Gerelateerde berichten\nAanbesteding jeugdhulp\n", 110_000) < LINEAR
    assert linear_time(lambda t: link_lines(t)[0], "Lees ook: jeugdhulp | aanbesteding | ", 110_000) < LINEAR
