"""``spiders.tenderned.publication_key``: a ``publicatieId`` as the crawl keys it (ASCII digits, at most 18,
leading zeros dropped), from whatever the API sends, with its pattern compiled once."""

from __future__ import annotations

import random
import re

from spiders.tenderned import publication_key
from tests.frames import frames_entered


def first_definition(raw):
    """``publication_key`` as written before issue 14's nineteenth round (``re.fullmatch`` with the pattern's text)."""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, bool) or not isinstance(raw, (str, int)):
        return None
    text = str(raw).strip()
    return (text.lstrip("0") or None) if re.fullmatch(r"[0-9]{1,18}", text) else None


FIXED = [None, True, False, 0, 7, -3, 300377, 10 ** 17, 10 ** 18, 10 ** 19, 3.0, 3.5, float("nan"), "", " ", "0",
         "000", "0300377", " 300377 ", "300377\n", "²", "٤٠٠", "1" * 18, "1" * 19, "12a", "+12", "1 2", "1_000",
         [1], {"id": 1}, b"123"]


def test_every_value_is_keyed_as_the_first_definition_keyed_it():
    randomly = random.Random(1419)
    alphabet = "0123456789 \t\n-+._a²٤\u00a0"
    cases = FIXED + ["".join(randomly.choice(alphabet) for _ in range(randomly.randint(0, 22))) for _ in range(3000)]
    cases += [randomly.randint(-10 ** 20, 10 ** 20) for _ in range(500)]
    for value in cases:
        assert publication_key(value) == first_definition(value), repr(value)
    assert publication_key("0300377") == "300377" and publication_key("1" * 19) is None


def test_the_pattern_is_not_looked_up_by_its_text_at_every_call():
    """Issue 14: ``re.fullmatch(pattern_text, ...)`` ran ``re``'s Python (its cache look-up) at each of the five
    calls a notice; the pattern compiled once runs in C."""
    result, frames = frames_entered(publication_key, "  0300377 ")
    assert result == "300377"
    assert [name for _, name in frames] == ["publication_key"]


class CountedPattern:
    """A compiled pattern that counts its ``fullmatch`` calls (what the shortcut for plain digits leaves out)."""

    def __init__(self, pattern):
        self.pattern, self.calls = pattern, 0

    def fullmatch(self, *args):
        self.calls += 1
        return self.pattern.fullmatch(*args)


def test_a_list_rows_digits_are_keyed_without_the_pattern(monkeypatch):
    """Issue 14 (round 41): the list's ``publicatieId`` is ASCII digits (§3): kept as they are (leading zeros
    dropped) without converting, stripping and matching them; anything else as before (the test above)."""
    import spiders.tenderned as tenderned

    counted = CountedPattern(tenderned._PUBLICATION_ID)
    monkeypatch.setattr(tenderned, "_PUBLICATION_ID", counted)
    assert [publication_key(v) for v in ("300377", "0300377", "000", "1" * 18)] == ["300377", "300377", None, "1" * 18]
    assert counted.calls == 0
    assert publication_key(" 300377 ") == "300377" and publication_key("1" * 19) is None and counted.calls == 2
