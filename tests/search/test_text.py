"""tenderarchive/search/text.py: the Dutch stems of the search index."""

import random

import snowballstemmer

from tenderarchive.search import text


def test_numbers_stem_to_themselves_as_snowball_stems_them():
    snowball = snowballstemmer.stemmer("dutch")
    numbers = [str(n) for n in range(2000)] + [str(random.Random(7).randrange(10**12)) for _ in range(500)]
    numbers += ["007", "2021", "0000", "12345678901234567890"]
    text.stem.cache_clear()
    assert [text.stem(n) for n in numbers] == [snowball.stemWord(n) for n in numbers] == numbers


def test_numbers_skip_the_stemmer(monkeypatch):
    """Issue 14: a reparse stemmed every notice's publication id and kenmerk (unique numbers, so never
    cached) with Snowball, ~20 µs each; a number is its own stem, words still go to Snowball."""
    snowball = snowballstemmer.stemmer("dutch")
    asked = []

    class Counting:
        def stemWord(self, word):  # noqa: N802 (snowball's name)
            asked.append(word)
            return snowball.stemWord(word)

    monkeypatch.setattr(text, "_stemmer", Counting)
    text.stem.cache_clear()
    try:
        assert text.stem_text("Jeugdhulp perceel 12 kenmerk 345678 ²") == "jeugdhulp perceel 12 kenmerk 345678 2"
        assert asked == ["jeugdhulp", "perceel", "kenmerk"]
    finally:
        text.stem.cache_clear()
