"""tenderarchive/search/text.py: the Dutch stems of the search index."""

import random

import pytest
import snowballstemmer

from tenderarchive.search import text


def test_numbers_stem_to_themselves_as_snowball_stems_them():
    snowball = snowballstemmer.stemmer("dutch")
    numbers = [str(n) for n in range(2000)] + [str(random.Random(7).randrange(10**12)) for _ in range(500)]
    numbers += ["007", "2021", "0000", "12345678901234567890"]
    text.stem.cache_clear()
    assert [text.stem(n) for n in numbers] == [snowball.stemWord(n) for n in numbers] == numbers


@pytest.fixture
def snowball_asked(monkeypatch):
    """The words the stemmer module hands to Snowball while a test runs (the stem cache emptied before and
    after, so a word stemmed earlier is asked again)."""
    snowball = snowballstemmer.stemmer("dutch")
    asked = []

    class Counting:
        def stemWord(self, word):  # noqa: N802 (snowball's name)
            asked.append(word)
            return snowball.stemWord(word)

    monkeypatch.setattr(text, "_stemmer", Counting)
    text.stem.cache_clear()
    yield asked
    text.stem.cache_clear()


def test_numbers_skip_the_stemmer(snowball_asked):
    """Issue 14: a reparse stemmed every notice's publication id and kenmerk (unique numbers, so never
    cached) with Snowball, ~20 µs each; a number is its own stem, words still go to Snowball."""
    assert text.stem_text("Jeugdhulp perceel 12 kenmerk 345678 ²") == "jeugdhulp perceel 12 kenmerk 345678 2"
    assert snowball_asked == ["jeugdhulp", "perceel", "kenmerk"]


def test_every_word_stems_as_snowball_stems_it():
    """Words the stemmer is skipped for (ASCII, no vowel, a digit at the end: numbers, kenmerken such as
    ``tn160417``) and every other word give Snowball's own stem: every such word of up to 3 characters,
    and random words of up to 21, with and without vowels, ending in a digit or not (snowballstemmer 3
    changes vowel-less words ending in a letter: ``kt`` → ``k``, and words with a vowel ending in a digit)."""
    import itertools

    snowball = snowballstemmer.stemmer("dutch")
    consonants, digits = "bcdfghjklmnpqrstvwxz_", "0123456789"
    words = ["".join(chars) + digit for size in range(3)
             for chars in itertools.product(consonants + digits, repeat=size) for digit in digits]
    rng = random.Random(14)
    alphabets = [consonants + digits, consonants + digits + "aeiouyè", "abcdefghijklmnopqrstuvwxyzëïé_0123456789"]
    for _ in range(40_000):
        alphabet = rng.choice(alphabets)
        word = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 20)))
        words.append(word + rng.choice(digits) if rng.random() < 0.6 else word)
    words += ["tn160417", "kt", "ft", "ge2021", "y2", "x_1", "jeugdhulp", "aanbestedingen", "ond3rz03k"]
    skipped = [w for w in words if text._OWN_STEM.fullmatch(w)]
    assert len(skipped) > 15_000 and any(w.startswith("tn") for w in skipped)
    text.stem.cache_clear()
    try:
        assert [text.stem(w) for w in words] == [snowball.stemWord(w) for w in words]
    finally:
        text.stem.cache_clear()


def test_a_kenmerk_skips_the_stemmer(snowball_asked):
    """Issue 14: every notice's TenderNed kenmerk (``TN160417``, unique, so never cached) went through
    Snowball, 20-50 µs each; it is its own stem."""
    assert text.stem_text("TN160417 kt perceel2 ab12") == "tn160417 k perceel2 ab12"
    assert snowball_asked == ["kt", "perceel2", "ab12"]


def test_words_as_the_per_word_filter_gives_them():
    """fts_words looks for underscore-only runs only in a folded text holding "_" (issue 14): the same
    words as filtering every ``\\w+`` run, on texts of words, underscores, a fullwidth low line that
    folding turns into "_", digits, accents and punctuation."""
    import random
    import re

    from tenderarchive.search.text import fts_fold, fts_words

    def reference(text):
        return [w for w in re.findall(r"\w+", fts_fold(text)) if w.strip("_")]

    rng = random.Random(25)
    pieces = ["jeugd", "_", "__", "＿", "﹍", "zorg_", "_hulp", "é", "Ö", " ", "-", ".", "2024", "tn160417", "ß",
              "\u0301"]
    texts = ["", "_", "＿", "a_b", "__ __", "＿jeugdhulp＿ ＿＿"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 30))) for _ in range(3000)]
    for text in texts:
        assert fts_words(text) == reference(text), text
    assert fts_words("＿ jeugd_ __") == ["jeugd_"]
