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
