"""Specifications of the relevance readings of branch rel19 (issue 11: relevance on sites never seen, round nineteen --
what round eighteen left) -- in short synthetic pages (SYNTHETIC: written for these tests in the plain Dutch of a site
never seen, not taken from a page).

Each kind of page as a pair of a relevant page and its near miss: a related-links box whose headlines end in a full
stop, a run of menu items or a breadcrumb without a label, a council agenda with youth care as one item among others, a
job advert for a "contractmanager jeugd", a provider's new location, and national reform news about "aanbesteden van
jeugdzorg" with no procurement. Each is read with every named rule on and with every named rule switched off (the shared
``read`` fixture: the rules alone), and once more as the product reads it, every rule on and the learned layer as shipped.
"""

import pytest

from tenderarchive.analysis.relevance import agenda_page, link_lines, national_debate_sentences
from tests.analysis.reading import assert_reads, shipped
from tests.speed import LINEAR, linear_time


WAITING = "De wachtlijsten in de jeugdhulp in Veldhoven worden langer. Het wijkteam zoekt naar oplossingen."
TENDER = ("De gemeente Veldhoven is gestart met de aanbesteding van de jeugdhulp voor 2026. Aanbieders kunnen tot 1 maart "
          "inschrijven via TenderNed.")

# --- 1. a links box whose headlines end in a full stop; menu runs and breadcrumbs without a label ---

RELEVANT_WITH_BOXES = [
    ("Aanbesteding jeugdhulp gestart",
     TENDER + "\n\nGerelateerde berichten\nWachtlijsten jeugdhulp worden langer.\nNieuwe tarieven Wmo vastgesteld."),
    ("Aanbesteding jeugdhulp gestart", "\nHome | Nieuws | Wonen | Jeugd\n" + TENDER),
    ("Aanbesteding jeugdhulp gestart", TENDER + "\nHome > Nieuws > Aanbesteding jeugdhulp gestart"),
]
BOXES_ONLY = [
    ("Wachtlijsten jeugdhulp",
     WAITING + "\n\nGerelateerde berichten\nAanbesteding jeugdhulp 2026 gestart.\nNieuwe tarieven Wmo vastgesteld."),
    ("Wachtlijsten jeugdhulp",
     WAITING + "\n\nMeer nieuws\nGemeente start aanbesteding jeugdhulp 2026.\nNieuwe tarieven Wmo vastgesteld."),
    ("Wachtlijsten jeugdhulp", WAITING + "\n\nLees ook\nAanbesteding jeugdhulp 2026 gestart.\nWachtlijst Wmo korter"),
    ("Wachtlijsten jeugdhulp", WAITING + "\nHome | Nieuws | Aanbesteding jeugdhulp | Contact"),
    ("Wachtlijsten jeugdhulp", "\nWonen | Werken | Aanbesteding jeugdhulp 2026 | Contact\n" + WAITING),
    ("Wachtlijsten jeugdhulp", "\nHome > Nieuws > Aanbesteding jeugdhulp gestart\n" + WAITING),
    ("Wachtlijsten jeugdhulp", "\nHome / Nieuws / Aanbesteding jeugdhulp gestart\n" + WAITING),
    ("Wachtlijsten jeugdhulp", "\nHome · Nieuws · Aanbesteding jeugdhulp gestart\n" + WAITING),
    ("Wachtlijsten jeugdhulp", "\nU bent hier: Home > Aanbesteding jeugdhulp gestart\n" + WAITING),
]


@pytest.mark.parametrize("title, text", RELEVANT_WITH_BOXES)
def test_a_tender_page_with_a_links_box_or_menu_stays_relevant(read, title, text):
    assert_reads(read, title, text, relevant=True)


@pytest.mark.parametrize("title, text", BOXES_ONLY)
def test_tender_words_only_in_a_links_box_or_menu_are_no_procurement(read, title, text):
    assert_reads(read, title, text, relevant=False)


def test_link_lines_cut_boxes_and_menus_not_the_pages_own_lines():
    text, cut = link_lines(WAITING + "\n\nGerelateerde berichten\nAanbesteding jeugdhulp 2026 gestart.\n\nHet wijkteam "
                           "is bereikbaar op werkdagen.")
    assert cut and "Aanbesteding" not in text and "Het wijkteam is bereikbaar op werkdagen." in text
    own = [
        # "Lees verder" may open the page's own paragraph; a box's line of two sentences is text
        "Lees verder\nDe gemeente start de aanbesteding van de jeugdhulp.",
        "Gerelateerde berichten\nDe gemeente start de aanbesteding. Aanbieders kunnen inschrijven.",
        # a table's rows, a metadata line, a sentence with a bar, a list of two
        "Perceel | Jeugdhulp | 2026 | 1.200.000",
        "Sociale basis | Realisatie | Begroting | ||||",
        "Geschreven op: 12-08-2025 | Laatst bewerkt op: 03-11-2025 | Status onderwerp: afgerond",
        "De gemeente start de aanbesteding van de jeugdhulp | lees het besluit | en reageer voor 1 maart",
        "Jeugdhulp | Aanbesteding",
        "De Wmo / de Jeugdwet / de Participatiewet: de gemeente koopt in.",
        "Jeugdhulp en/of Wmo / Participatie / Schuldhulp 2024-2026",
    ]
    for line in own:
        assert link_lines(line) == (line, []), line


# --- 2. near misses of other kinds ---

AGENDA_INTRO = "Agenda van de raadsvergadering van dinsdag 12 maart 2024.\n"
AGENDA_ITEMS = ["1. Opening", "2. Vaststellen van de agenda", "3. Bestemmingsplan Centrum",
                "4. Inkoopstrategie jeugdhulp 2026: de raad wordt gevraagd in te stemmen met de regionale aanbesteding "
                "van de specialistische jeugdhulp", "5. Verordening afvalstoffenheffing 2025", "6. Sluiting"]
AGENDA = AGENDA_INTRO + "\n".join(AGENDA_ITEMS)

RELEVANT = [
    # the agenda item told as the news (rel16: a pending decision on a strategy is a purchase being prepared)
    ("Raad beslist over inkoopstrategie jeugdhulp",
     "Dinsdag beslist de gemeenteraad van Veldhoven over de inkoopstrategie jeugdhulp 2026. De raad wordt gevraagd in "
     "te stemmen met de regionale aanbesteding van de specialistische jeugdhulp."),
    # an agenda that names youth care beyond one item: read as its words say
    ("Agenda gemeenteraad 12 maart 2024",
     AGENDA + "\nToelichting: de regio Twente start in 2025 de aanbesteding van de jeugdhulp."),
    # a provider's news of the contract won, its new location the contract's start (stages.md's implementatie)
    ("Nieuwe locatie in Veldhoven",
     "Jeugdzorg De Linde opent een nieuwe locatie in Veldhoven. Vorig jaar won De Linde de aanbesteding voor de "
     "jeugdhulp in de regio. Vanaf 1 april kunnen jongeren en ouders ook in Veldhoven bij ons terecht."),
    # a title's tendering over a lead that names the buyer beside the national debate
    ("Aanbesteden jeugdzorg gaat door",
     "Het kabinet wil minder aanbesteden. Toch start de gemeente Ede in 2025 de aanbesteding van de jeugdhulp."),
    # reform agenda beside a region's own tender
    ("Regio start aanbesteding jeugdhulp",
     "In lijn met de Hervormingsagenda Jeugd start de regio Twente de aanbesteding van de specialistische jeugdhulp. "
     "Aanbieders kunnen tot 1 maart inschrijven via TenderNed."),
    ("Nieuwe contractmanager jeugd",
     "De gemeente Veldhoven is gestart met de aanbesteding van de jeugdhulp voor 2026. De nieuwe contractmanager jeugd "
     "begeleidt de aanbieders bij hun inschrijving via TenderNed."),
]
NEAR_MISSES = [
    # youth care one item of a council agenda (the corpus's council agenda with such a side item is `other`)
    ("Agenda gemeenteraad 12 maart 2024", AGENDA),
    ("Raadsagenda", "\n".join(AGENDA_ITEMS)),
    # a job advert for a contract manager
    ("Vacature contractmanager jeugd",
     "Wij zoeken een contractmanager jeugd (32-36 uur). Als contractmanager jeugd ben je verantwoordelijk voor de "
     "contracten met de aanbieders van jeugdhulp en de inkoop van jeugdhulp in de regio. Je werkt mee aan de "
     "aanbesteding van 2026. Solliciteer voor 1 april via onze website."),
    # a provider's new location, no contract won
    ("Nieuwe locatie in Veldhoven",
     "Jeugdzorg De Linde opent een nieuwe locatie in Veldhoven. Vanaf 1 april kunnen jongeren en ouders ook in Veldhoven "
     "bij ons terecht. Het contract voor de huur van het pand is getekend."),
    # national reform news: the practice of tendering, no procurement
    ("Kabinet wil aanbesteden van jeugdzorg beperken",
     "In de Hervormingsagenda Jeugd staat dat gemeenten minder moeten aanbesteden. Het aanbesteden van jeugdzorg leidt "
     "volgens het kabinet tot te veel administratieve lasten en versnippering."),
    ("Hervormingsagenda: jeugdzorg niet meer aanbesteden",
     "Gemeenten hoeven jeugdzorg straks niet meer aan te besteden. Dat staat in een wetsvoorstel dat de minister naar de "
     "Tweede Kamer stuurde. Het aanbesteden van jeugdzorg zorgt voor te veel aanbieders, zegt de minister."),
    # a title's tendering over a national lead
    ("Einde aan aanbesteden jeugdzorg in zicht",
     "De Hervormingsagenda Jeugd regelt dat gemeenten specialistische jeugdzorg niet langer hoeven aan te besteden. "
     "Volgens het Rijk en de VNG leidt het aanbesteden tot onnodig veel administratie."),
    # the national source in the next sentence, pointed back to
    ("Minder regels voor gemeenten",
     "Gemeenten gaan jeugdzorg straks minder vaak aanbesteden. Dat blijkt uit een Kamerbrief van de staatssecretaris."),
]


@pytest.mark.parametrize("title, text", RELEVANT)
def test_relevant_pages_beside_the_near_misses(read, title, text):
    assert_reads(read, title, text, relevant=True)


@pytest.mark.parametrize("title, text", NEAR_MISSES)
def test_near_misses_are_not_relevant(read, title, text):
    assert_reads(read, title, text, relevant=False)


def test_an_agenda_is_one_only_with_its_title_and_four_items():
    assert agenda_page("Agenda gemeenteraad 12 maart 2024", AGENDA)
    # no agenda named in the title nor in the line opening the items (branch rel20: that line may name it)
    assert not agenda_page("Nieuws", "\n".join(AGENDA_ITEMS))
    assert agenda_page("Nieuws", AGENDA)
    assert not agenda_page("Hervormingsagenda Jeugd", "\n".join(AGENDA_ITEMS))  # a word that ends in "agenda"
    assert not agenda_page("Agenda aanbesteding jeugdhulp", AGENDA)  # the title names youth care
    assert not agenda_page("Agenda gemeenteraad", AGENDA_INTRO + "\n".join(AGENDA_ITEMS[2:5]))  # three items
    two = AGENDA + "\n7. Wachtlijsten jeugdhulp"
    assert not agenda_page("Agenda gemeenteraad", two)  # youth care in two items


def test_a_source_told_after_the_sentence_is_national_only_when_national():
    text = "Gemeenten gaan jeugdzorg minder vaak aanbesteden. Dat staat in een wetsvoorstel van de minister."
    assert national_debate_sentences(text) == {"Gemeenten gaan jeugdzorg minder vaak aanbesteden."}
    # a local source, or a national source of a sentence that names the buyer, keeps the sentence
    assert not national_debate_sentences("Gemeenten gaan jeugdzorg minder vaak aanbesteden. Dat staat in het besluit "
                                         "van de gemeente Ede.")
    assert not national_debate_sentences("De gemeente Ede start de aanbesteding van de jeugdhulp. Dat staat in een "
                                         "Kamerbrief van de minister.")


def test_a_title_speaks_for_its_lead():
    title = "Einde aan aanbesteden jeugdzorg in zicht"
    national = title + "\nDe Hervormingsagenda Jeugd regelt dat gemeenten minder aanbesteden."
    assert title in national_debate_sentences(national, title)
    local = title + "\nDe gemeente Ede wil minder aanbesteden, net als de Hervormingsagenda Jeugd."
    assert title not in national_debate_sentences(local, title)
    assert title not in national_debate_sentences(title + "\nDe wachtlijsten worden langer.", title)


def test_linear_time():
    assert linear_time(lambda t: link_lines(t)[0], "Gerelateerde berichten\nAanbesteding jeugdhulp gestart.\n", 110_000) < LINEAR
    assert linear_time(lambda t: link_lines(t)[0], "Home | Nieuws | Aanbesteding jeugdhulp | Contact 2\n", 110_000) < LINEAR
    assert linear_time(lambda t: link_lines(t)[0], "Home | Nieuws | Jeugd | ", 110_000) < LINEAR
    assert linear_time(lambda t: agenda_page("Agenda", t), "1. Jeugdhulp aanbesteding\n", 110_000) < LINEAR
    assert linear_time(national_debate_sentences, "De minister wil minder aanbesteden. Dat staat in de brief. ",
                       110_000) < LINEAR
