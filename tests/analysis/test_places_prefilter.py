"""The gazetteer prefilter of tenderarchive/analysis/places.py (issue 14): the one-pass
Aho–Corasick scan must report every name, alias, adjective and region whose regex can match,
or a municipality would be silently lost. Checked on the news fixtures (tests/fixtures/news)
and on synthetic texts built from every name and alias."""

from __future__ import annotations

import random
import re
from pathlib import Path

from tenderarchive.analysis import places

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def texts() -> list[str]:
    out = [p.read_text(encoding="utf-8", errors="replace")[:30000]
           for p in sorted((FIXTURES / "news").rglob("*")) if p.is_file()]
    rng = random.Random(14)
    forms = [places._literal(rx) for _n, _h, rx in places._patterns()] + list(places.ADJECTIVES)
    for _ in range(200):  # synthetic: names in lists, at sentence starts, with 's, in capitals
        words = [rng.choice(forms) + rng.choice(["", "'s", ",", " en", "-"]) for _ in range(6)]
        out.append(" ".join(words) + " regio " + rng.choice(forms).upper())
    return out


def test_every_regex_that_matches_is_reported_present():
    for text in texts():
        present, adjectives = places._present(text)
        matching = {i for i, (_n, _h, rx) in enumerate(places._patterns()) if rx.search(text)}
        assert matching <= present, [places._patterns()[i][0] for i in matching - present]
        assert {a for a in places.ADJECTIVES if re.search(places._B + a + r"\b", text)} <= adjectives


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
