"""The gazetteer prefilter of tenderarchive/analysis/places.py (issue 14): the one-pass
Aho–Corasick scan must report every name, alias, adjective and region whose regex can match,
or a municipality would be silently lost. Checked on the news fixtures (tests/fixtures/news)
and on synthetic texts built from every name and alias.

For the suite's speed (issue 9) the real pages are a seeded sample: every fixture outside the
corpus plus :data:`CORPUS_SAMPLE` corpus pages (seed 14), truncated to :data:`TEXT_CHARS`;
the synthetic texts, which cycle through every name, alias and adjective, are kept whole, so
a form the prefilter misses still fails the test."""

from __future__ import annotations

import functools
import random
import re
from pathlib import Path

from tenderarchive.analysis import places

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


CORPUS_SAMPLE = 16
TEXT_CHARS = 8_000
PER_TEXT = 12  #: synthetic forms per text


@functools.lru_cache(maxsize=1)
def texts() -> tuple[str, ...]:
    files = [p for p in sorted((FIXTURES / "news").rglob("*")) if p.is_file()]
    corpus = [p for p in files if "corpus" in p.parts]
    rng = random.Random(14)
    chosen = [p for p in files if "corpus" not in p.parts] + rng.sample(corpus, min(CORPUS_SAMPLE, len(corpus)))
    out = [p.read_text(encoding="utf-8", errors="replace")[:TEXT_CHARS] for p in chosen]
    forms = [places._literal(rx) for _n, _h, rx in places._patterns()] + list(places.ADJECTIVES)
    rng.shuffle(forms)
    # synthetic: every form at least once (PER_TEXT a text), in lists, at sentence starts, with 's, in capitals
    for i in range(0, len(forms), PER_TEXT):
        words = [f + rng.choice(["", "'s", ",", " en", "-"]) for f in forms[i:i + PER_TEXT]]
        out.append(" ".join(words) + " regio " + rng.choice(forms).upper())
    return tuple(out)


def test_every_regex_that_matches_is_reported_present():
    naming = 0
    for text in texts():
        present, adjectives = places._present(text)
        matching = {i for i, (_n, _h, rx) in enumerate(places._patterns()) if rx.search(text)}
        assert matching <= present, [places._patterns()[i][0] for i in matching - present]
        assert {a for a in places.ADJECTIVES if re.search(places._B + a + r"\b", text)} <= adjectives
        naming += bool(matching)
    # not vacuous: most sampled pages and every synthetic text name a municipality
    assert naming >= CORPUS_SAMPLE // 2 + (len(places._patterns()) + len(places.ADJECTIVES)) // PER_TEXT


def _glued(forms: list[str], afters: list[str], seed: int) -> list[str]:
    """Synthetic: ``forms`` glued to what the regexes' guards refuse or accept (a word character, ``@``, ``.``,
    ``/``, ``-`` before; one of ``afters`` after), repeated back to back and overlapping."""
    rng = random.Random(seed)
    out = []
    for _ in range(300):
        parts = []
        for _ in range(rng.randint(1, 8)):
            form = rng.choice(forms)
            parts.append(rng.choice(["", " ", "x", "@", ".", "/", "-", "\n", "(", "é"]) + form * rng.choice([1, 1, 2])
                         + rng.choice(afters))
        out.append(rng.choice(["", " "]).join(parts))
    return out


def _tricky_texts() -> list[str]:
    """The names glued (``'s``, ``.nl``, ``-``, a word character after)."""
    return _glued([places._literal(rx) for _n, _h, rx in places._patterns()],
                  ["", " ", "'s", "'s ", ".nl", "-", "x", ",", ".", "'"], 1414)


def test_a_name_is_matched_only_where_its_literal_starts_as_finditer_matches_it():
    """Issue 14: ``find_municipalities`` tries a name's regex only where the automaton found its literal
    (``places._matches``) instead of ``finditer`` over the whole text; the same matches, on every pattern present
    in every text of this module's corpus and in synthetic texts of glued, repeated and overlapping forms."""
    compared = 0
    for text in [*texts(), *_tricky_texts()]:
        starts, adjectives = places._occurrences(text)
        assert (set(starts), set(adjectives)) == places._present(text)
        for i, found in starts.items():
            rx = places._patterns()[i][2]
            assert places._matches(rx, text, found) == [(m.start(), m.end()) for m in rx.finditer(text)], \
                (places._patterns()[i][0], text[:200])
            compared += 1
    assert compared > 2000


def _tricky_adjective_texts() -> list[str]:
    """The adjectives glued, repeated back to back ("LeidseLeidse"), inside a longer word, and beside the exceptions
    ("Leidse Regio")."""
    return _glued(list(places._adjectives()), ["", " ", " Regio", " regio", "r", "-", "x", ",", ".", "'", "é"], 1415)


def test_an_adjective_is_matched_only_where_its_literal_starts_as_finditer_matches_it():
    """Issue 14 (branch reparse31): an adjective's regex is tried only where the automaton found its literal
    (``places._adjective_matches``) instead of ``finditer`` over the whole text; the same matches on every text of
    this module's corpus and on glued, repeated and overlapping adjectives."""
    compared = 0
    for text in [*texts(), *_tricky_adjective_texts()]:
        _starts, adjectives = places._occurrences(text)
        for adjective, found in adjectives.items():
            expected = [(m.start(), m.end()) for m in re.finditer(places._B + adjective + r"\b", text)]
            assert places._adjective_matches(adjective, text, found) == expected, (adjective, text[:200])
            compared += 1
    assert compared > 1000


def test_an_adjective_that_is_no_literal_is_read_by_finditer():
    """A form with a character a regex reads otherwise is no literal: its matches need not start where its text
    occurs, so it is read by ``finditer`` as before."""
    assert places._adjective_regex("Leidse") is not None
    assert places._adjective_regex("St.-Oedenrodese") is None
    assert places._adjective_matches("St.-Oedenrodese", "de Stx-Oedenrodese aanpak", []) == [(3, 18)]


def test_regions_are_found_as_without_the_prefilter():
    _, regions = places.load()
    for text in texts():
        lowered = {code for _e, codes in places._region_automaton().iter(text.lower()) for code in codes}
        for code, row in regions.items():
            names = [row["name"]] + [a for a in row["aliases"].split("|") if a]
            names.append(re.sub(r"\s*\(.*\)", "", row["name"]))
            if any(re.search(r"(?<![\w@.-])" + re.escape(n) + places._E, text, re.I) for n in names):
                assert code in lowered, (code, row["name"])


def test_the_prefilter_can_fail():
    """A text with no name at all has nothing present, so the check above is not vacuous."""
    assert places._present("zorg voor jongeren in het sociaal domein") == (set(), set())
    assert places._present("De gemeente Leiden") != (set(), set())


#: Synthetic sentences (invented) in which each context regex of places.py matches: a court or
#: company seat, an office holder, a person's surname, a list of regions.
CONTEXT_TEXTS = (
    "De rechtbank Gelderland, zittingsplaats Arnhem, oordeelde. Zorgaanbieder Horizon uit Rotterdam "
    "en het bedrijf De Brug (BV) uit Venlo. Advocaat mr. J. de Vries te Utrecht. Gevestigd te Elst.",
    "Wethouder Johan Coes van Hellendoorn en burgemeester Mark van de gemeente Oss. Emmeke van Eersel "
    "en J.K. Tilburg. In de regio's Noordkop & Texel, West-Friesland en Alkmaar. GGD Hollands Noorden.",
    "DE RECHTER IN DEN HAAG; CJG Leiden; HET GERECHTSHOF TE ARNHEM; PROVINCIE Utrecht; locatie Zwolle.",
    "Dit is İstanbul, ſtad of ıets anders: de rechtbank te Breda, raadslid Piet van Assen.",
    "De gemeenten Leiden en Oss; de SP in Goes; gemeente Ede en GEMEENTEN Epe; jongeren uit Putten.",
)


def test_context_regexes_run_wherever_they_can_match():
    """``_context_checks``, ``_has_word`` and the word endings are necessary conditions of
    ``_SEAT``, ``_OFFICE_OF``, ``_PERSON``, ``_REGION_LIST`` (80 characters before a name),
    ``_AFTER_GEMEENTE`` and ``_PLACE_PREPOSITION`` (30 before): at every word start of every
    text, a regex that matches there is one the prefilter lets run."""
    matched = {"seat": 0, "office": 0, "person": 0, "region_list": 0, "after_gemeente": 0, "preposition": 0}
    for text in CONTEXT_TEXTS + texts():
        seat, office, region_list = places._context_checks(text)
        for m in re.finditer(r"(?<=\s)\S", text):
            before = text[max(0, m.start() - 80): m.start()]
            # (the prefilter sees the whole text; any window of it must be covered)
            if places._SEAT.search(before):
                matched["seat"] += 1
                assert seat and places._has_word(before, places._SEAT_WORDS), before
            near = text[max(0, m.start() - 30): m.start()]
            if places._AFTER_GEMEENTE.search(near):
                matched["after_gemeente"] += 1
                assert places._has_word(near, ("gemeente",)), near
            if places._PLACE_PREPOSITION.search(near):
                matched["preposition"] += 1
                assert near.rstrip().endswith(places._PREPOSITIONS), near
            if places._OFFICE_OF.search(before):
                matched["office"] += 1
                assert office, before
            if places._REGION_LIST.search(before):
                matched["region_list"] += 1
                assert region_list, before
            if places._PERSON.search(before):
                matched["person"] += 1
                assert before.rstrip().endswith(places._PERSON_ENDS), before
    assert all(matched.values()), matched  # every regex matched somewhere: the check can fail


def test_context_checks_say_no_when_no_context_word_occurs():
    assert places._context_checks("Jeugdhulp voor Heerlen en Landgraaf") == (False, False, False)
    assert places._context_checks("Jeugdhulp in de regio Parkstad") == (True, False, True)


def test_has_word_is_any_of_the_words_as_one_search():
    """``_has_word`` tries its words as one regex of the literals (issue 14, branch reparse22), with the answer of
    ``any(w in window.lower() for w in words)`` on every window of the sample."""
    for words in (places._SEAT_WORDS, places._OFFICE_WORDS, ("gemeente",)):
        assert places._words_rx(words).pattern.count("|") == len(words) - 1
        for text in texts()[:40]:
            for start in range(0, len(text), 97):
                window = text[start:start + 80]
                expected = any(w in window.lower() for w in words) or any(c in window for c in places._FOLD_SPECIAL)
                assert places._has_word(window, words) == expected, (words, window)


def test_foreign_region_names_compile_a_word_regex_only_for_names_a_region_name_holds(monkeypatch):
    """Issue 14 (branch reparse31): ``_foreign_region_names`` compiled a word regex for each of the 342
    municipalities to test it on every region name (≈ 0.07 CPU-s of every process that finds places); only a name
    whose text occurs in a region name can be held by one as a word. The same table as that construction, with a
    regex compiled only for those names."""
    munis, regions = places.load()
    expected: dict[str, list[str]] = {}
    for name, row in munis.items():  # the former construction: every name's word regex against every region name
        plain = places._plain(name)
        word = re.compile(r"(?<![\w-])" + re.escape(plain) + r"(?![\w-])")
        for code, region in regions.items():
            if code == row["jeugdregio_code"]:
                continue
            for n in [region["name"], *(a for a in region["aliases"].split("|") if a)]:
                if n != plain and "(" not in n and word.search(n):
                    expected.setdefault(name, []).append(n)
    compiled = []
    original = re.compile

    def counting(pattern, flags=0):
        compiled.append(pattern)
        return original(pattern, flags)

    places._foreign_region_names.cache_clear()
    monkeypatch.setattr(places.re, "compile", counting)
    try:
        table = places._foreign_region_names()
    finally:
        monkeypatch.undo()
        places._foreign_region_names.cache_clear()
    assert expected and {name: rx.pattern for name, rx in table.items()} == {
        name: r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(ns, key=len, reverse=True)) + r")(?![\w-])"
        for name, ns in expected.items()}
    holding = {name for name in munis if any(places._plain(name) in n for region in regions.values()
                                             for n in [region["name"], *region["aliases"].split("|")])}
    assert len(compiled) <= 2 * len(holding) < len(munis) // 4
    assert places._in_foreign_region_name("de gemeenten in Utrecht West", 16, 23, "Utrecht")
    assert not places._in_foreign_region_name("de gemeente Utrecht", 12, 19, "Utrecht")
