"""Specifications of the relevance readings of branch rel20 (issue 11: relevance on sites never seen, round twenty) -- in
short synthetic pages (SYNTHETIC: written for these tests in the plain Dutch of a site never seen, not taken from a page).

Two kinds of page: a meeting's agenda written as a bulleted list or as "Agendapunt N" lines (youth care one item among
others), and a directory of the providers a municipality holds contracts with. Each is read with every named rule on and
with every named rule switched off (the shared ``read`` fixture), and once more as the product reads it.
"""

import pytest

from tenderarchive.analysis.relevance import directory_sentences
from tests.analysis.reading import assert_reads
from tests.speed import LINEAR, linear_time

ITEM = "Inkoopstrategie jeugdhulp 2026: instemmen met de regionale aanbesteding van de specialistische jeugdhulp"

AGENDAS = [
    ("Agenda gemeenteraad 12 maart 2024", "Agenda van de raadsvergadering van 12 maart 2024.\n"
     + "\n".join("• " + x for x in ["Opening", "Vaststellen van de agenda", "Bestemmingsplan Centrum", ITEM, "Sluiting"])),
    ("Raadsvergadering 12 maart 2024",
     "\n".join("- " + x for x in ["Opening", "Vaststellen van de agenda", ITEM, "Verordening afvalstoffenheffing", "Sluiting"])),
    ("Commissie Samenleving 5 maart", "Op de agenda staan de volgende onderwerpen:\n"
     + "\n".join("- " + x for x in ["Jaarverslag bibliotheek", ITEM, "Subsidieregeling sport", "Rondvraag"])),
    ("Vergadering van de raad 12 maart", "\n".join(f"Agendapunt {i}: {x}" for i, x in enumerate(
        ["Opening", "Vaststellen agenda", ITEM, "Rondvraag", "Sluiting"], 1))),
]
TENDER_WITH_LIST = [
    # a bulleted list on a page that tells the tender itself, with no agenda named
    ("Regio start aanbesteding", "De regio Twente start de aanbesteding van de specialistische jeugdhulp. De percelen:\n"
     + "\n".join("- " + x for x in ["Ambulant", "Verblijf", "Dyslexie", "Crisis"])),
]

NAMES = ["Jeugdzorg De Linde", "Stichting Kompas", "Praktijk Zonnebloem B.V.", "Karakter"]
DIRECTORIES = [
    ("Jeugdhulp", "Er zijn 4 aanbieders gecontracteerd door de gemeente Veldhoven:\n"
     + "\n".join("- " + n for n in NAMES)),
    ("Zorgaanbieders jeugd", "In onderstaande lijst vindt u alle gecontracteerde aanbieders per perceel.\n"
     "Perceel 1 Ambulante jeugdhulp\n- Jeugdzorg De Linde\n- Stichting Kompas\nPerceel 2 Verblijf\n- Karakter\n- Pluryn"),
    ("Aanbieders jeugdhulp", "De gemeente Veldhoven heeft 35 jeugdhulpaanbieders gecontracteerd. Kijk in de "
     "zorgaanbiedersgids welke aanbieder bij u past.\n" + "\n".join("• " + n for n in NAMES)),
]
AWARDS_WITH_LIST = [
    ("Aanbesteding jeugdhulp gegund", "De gemeente Veldhoven heeft de aanbesteding jeugdhulp gegund. De volgende "
     "aanbieders zijn gecontracteerd:\n" + "\n".join("- " + n for n in NAMES)),
    ("Nieuwe aanbieders jeugdhulp", "Deze aanbieders hebben de aanbesteding voor de jeugdhulp in Veldhoven gewonnen:\n"
     + "\n".join("- " + n for n in NAMES)),
    ("Nieuwe aanbieders jeugdhulp", "De volgende aanbieders zijn per 1 januari 2025 gecontracteerd voor de jeugdhulp:\n"
     + "\n".join("- " + n for n in NAMES)),
]


@pytest.mark.parametrize("title, text", AGENDAS)
def test_an_agenda_in_bullets_or_agendapunten_with_youth_care_as_one_item_is_no_procurement(read, title, text):
    assert_reads(read, title, text, relevant=False)


@pytest.mark.parametrize("title, text", TENDER_WITH_LIST)
def test_a_tender_page_with_a_bulleted_list_stays_relevant(read, title, text):
    assert_reads(read, title, text, relevant=True)


@pytest.mark.parametrize("title, text", DIRECTORIES)
def test_a_directory_of_contracted_providers_is_no_procurement(read, title, text):
    assert_reads(read, title, text, relevant=False)


@pytest.mark.parametrize("title, text", AWARDS_WITH_LIST)
def test_an_award_told_with_its_list_of_providers_stays_relevant(read, title, text):
    assert_reads(read, title, text, relevant=True)


def test_directory_sentences_take_the_intro_and_the_names_only():
    text = ("De wachttijden zijn kort.\nEr zijn 3 aanbieders gecontracteerd door de gemeente Veldhoven:\n- A\n- B\n- C\n"
            "Neem contact op met het wijkteam.")
    assert directory_sentences(text) == {"Er zijn 3 aanbieders gecontracteerd door de gemeente Veldhoven:", "- A", "- B",
                                         "- C"}
    # two names are no directory; a list of sentences is no list of names
    assert directory_sentences("De volgende aanbieders zijn gecontracteerd:\n- A\n- B") == set()
    assert directory_sentences("De volgende aanbieders:\n- A doet veel. B ook.\n- C doet veel. D ook.\n- E doet veel. F ook.") == set()


def test_directory_sentences_run_in_linear_time():
    assert linear_time(directory_sentences, "De volgende aanbieders zijn gecontracteerd:\n- A\n- B\n- C\nKop\n", 100_000) < LINEAR
