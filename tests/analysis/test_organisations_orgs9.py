"""Organisations and awardees on pages never seen, round nine (issue 11, branch orgs9): the bid-set-aside check of
find_awardees linear on a text without full stops, and more of the general Dutch ways a page names its parties.

Every sentence here is SYNTHETIC: written for the test after general Dutch phrasings; the names are invented or common
words, no page's text is copied.
"""

import time

from tenderarchive.analysis.organisations import find_awardees


# --- the bid set aside, looked for near the mention only ---------------------------------------------

def test_the_bid_set_aside_check_is_linear_on_100_kb_without_full_stops():
    find_awardees("De opdracht is gegund aan Eik. Eik afgewezen.")  # patterns compiled outside the clock
    text = ("De opdracht is gegund aan Eik, " + "Eik afgewezen, " * 7000)[:100_000]
    assert "." not in text
    started = time.process_time()
    found = find_awardees(text)
    assert time.process_time() - started < 1.2  # about 0.35 s of CPU; 2.2 s before (a search back to the text's start)
    assert [a["name"] for a in found] == ["Eik"]  # "afgewezen" without a bid before it sets no bid aside


def test_a_bid_set_aside_in_a_long_text_without_full_stops_is_still_read():
    head = "De percelen zijn gegund aan Wilgenhof en Eikenrode, "
    tail = "de inschrijving van Eikenrode werd ongeldig verklaard"
    filler = "de jeugdhulp in de regio, " * 4000
    assert "." not in head + filler + tail
    assert [a["name"] for a in find_awardees(head + filler)] == ["Wilgenhof", "Eikenrode"]
    assert [a["name"] for a in find_awardees(head + filler + tail)] == ["Wilgenhof"]
