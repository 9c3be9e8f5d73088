"""Specifications of the readings of branch cv26 (issue 11), in synthetic texts written in the style of the
corpus pages (a practice's list of contracted municipalities); why each change was kept (the dev part, held out
by site and in-sample) is in the corpus README's "Round (branch cv26)".
"""
from tenderarchive.analysis.places import find_municipalities


def _names(text: str, title: str = "Vergoedingen") -> set[str]:
    return {m["name"] for m in find_municipalities("SYNTHETISCHE TEKST. " + text, title=title)["municipalities"]}


# --- municipalities in a bulleted or numbered list ------------------------------------------------------------

BULLETED = ("De praktijk heeft in de regio Rivierenland een contract met de volgende gemeenten:\n"
            "{b}Buren;\n{b}Culemborg;\n{b}Tiel;\n{b}West Maas en Waal.\n"
            "Het is ook mogelijk om de zorg zelf te betalen.")


def test_every_item_of_a_bulleted_list_of_municipalities_is_named():
    # Buren and Tiel are ordinary words too: they count in a list, and a bulleted list is one
    for bullet in ("\u2022 ", "- ", "* ", " \u2022 "):
        assert _names(BULLETED.format(b=bullet)) >= {"Buren", "Culemborg", "Tiel", "West Maas en Waal"}, bullet


def test_every_item_of_a_numbered_list_of_municipalities_is_named():
    text = "Wij werken voor deze gemeenten:\n1. Buren\n2. Culemborg\n3. Tiel\n\nNeem contact met ons op."
    assert _names(text) >= {"Buren", "Culemborg", "Tiel"}


def test_bulleted_sentences_that_merely_start_with_a_word_are_no_list():
    # "Buren" and "Tiel" as the words of bullets that say something else are not a list of municipalities
    text = "Tips voor de zomer:\n- Buren helpen elkaar bij de verhuizing naar een nieuw huis.\n- Tiel je hoofd op."
    assert "Buren" not in _names(text)


# --- a CBS name of two capitalised words written with a hyphen ----------------------------------------------

def test_a_cbs_name_with_a_space_is_found_written_with_a_hyphen():
    found = find_municipalities("SYNTHETISCHE TEKST. De gemeente West-Betuwe en de gemeente Stichtse-Vecht "
                                "kopen samen in.", title="Inkoop")
    assert {m["name"] for m in found["municipalities"]} >= {"West Betuwe", "Stichtse Vecht"}


def test_a_hyphenated_name_is_not_found_inside_a_longer_hyphenated_word():
    found = find_municipalities("SYNTHETISCHE TEKST. De Noord-West-Betuwe-route is een fietsroute.", title="Route")
    assert "West Betuwe" not in {m["name"] for m in found["municipalities"] + found["municipalities_mentioned"]}


# --- Bunschoten under the name of its town -------------------------------------------------------------------

def test_bunschoten_spakenburg_is_the_municipality_bunschoten():
    text = "Onze praktijk heeft contracten met de gemeenten Amersfoort, Baarn, Bunschoten-Spakenburg en Eemnes."
    assert _names(text) >= {"Amersfoort", "Baarn", "Bunschoten", "Eemnes"}

