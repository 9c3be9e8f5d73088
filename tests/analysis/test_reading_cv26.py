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


# --- dialogue rounds: stages.md's `dialoog` ("dialogue or negotiation rounds") --------------------------------

def test_dialogue_rounds_held_are_the_dialogue_stage():
    from tenderarchive.analysis import analyse
    import datetime as dt
    r = analyse("SYNTHETISCHE TEKST. Tijdens de dialoogrondes met de aanbieders zijn veel reacties ontvangen op de "
                "inkoop van de jeugdhulp. Deze worden verwerkt in de Nota van Inlichtingen.",
                title="Ontwikkeltafel jeugdhulp", published=dt.date(2021, 4, 29))
    assert ("dialoog", "done") in {(s["stage"], s["status"]) for s in r["stages"]}
    assert r["primary_stage"] == "dialoog"


def test_dialogue_rounds_still_to_come_are_planned():
    from tenderarchive.analysis import analyse
    import datetime as dt
    r = analyse("SYNTHETISCHE TEKST. De aanbesteding van de gesloten jeugdzorg is gepubliceerd. Het streven is dat de "
                "dialoogrondes van eind oktober 2020 tot en met januari 2021 plaatsvinden.",
                title="Inkoop gesloten jeugdzorg", published=dt.date(2020, 6, 1))
    assert {s["status"] for s in r["stages"] if s["stage"] == "dialoog"} == {"planned"}
