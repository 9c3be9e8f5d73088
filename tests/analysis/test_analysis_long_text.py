"""A page without sentence ends (synthetic text): its analysis is linear in its length, and
its sentences are read in pieces of at most ``MAX_SENTENCE`` characters."""

import pytest

from tenderarchive.analysis import MAX_TEXT_CHARS, analyse
from tenderarchive.analysis.organisations import find_awardees
from tenderarchive.analysis.text import MAX_SENTENCE, sentences
from tests.speed import LINEAR, linear_time, repeat

UNITS = {
    "gegund aan": "gegund aan ",  # 72 s before: each cue read the whole page as its sentence
    "Gemeente": "Gemeente ",  # a name rule tried every run of capitalised words to the end
}


@pytest.mark.parametrize("name", sorted(UNITS))
def test_a_50000_character_page_without_full_stops_is_analysed_in_seconds(name):
    # (the analysis reads a page's first MAX_TEXT_CHARS = 50,000 characters: the ratio is taken up to them)
    assert linear_time(lambda text: analyse(text, title="Jeugdhulp"), UNITS[name], MAX_TEXT_CHARS) < LINEAR
    assert analyse(repeat(UNITS[name], 1000), title="Jeugdhulp")["relevance_score"] is not None


def test_awardee_names_are_bounded_on_a_run_of_capitalised_words():
    assert find_awardees("Gemeente " * 5000 + "de winnaar van de aanbesteding.") is not None
    # 15 s for 3,000 words before
    assert linear_time(lambda text: find_awardees(text + "de winnaar van de aanbesteding."), "Gemeente ") < LINEAR


def test_an_overlong_sentence_is_read_in_pieces_at_spaces_with_their_offsets():
    text = "Intro.\n" + " ".join(f"woord{i}" for i in range(2000))
    pieces = sentences(text)
    assert pieces[0].text == "Intro."
    assert all(len(s.text) <= MAX_SENTENCE for s in pieces) and len(pieces) > 3
    assert all(text[s.start:s.start + len(s.text)] == s.text for s in pieces)
    assert " ".join(s.text for s in pieces[1:]) == text.split("\n", 1)[1]
    short = "De aanbesteding is gegund aan Stichting Jeugdzorg Zuid. " * 3
    assert [s.text.strip() for s in sentences(short)] == ["De aanbesteding is gegund aan Stichting Jeugdzorg Zuid."] * 3
