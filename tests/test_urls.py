"""``tenderarchive.urls.http_url``: which values are stored as links (the end-to-end crawl is
``tests/test_url_hygiene.py``); here the rule itself, against its first definition, and its cost."""

from __future__ import annotations

import random
import sys
from urllib.parse import urlsplit

from tenderarchive import urls
from tenderarchive.urls import LINK_SCHEMES, http_url


def first_definition(value):
    """``http_url`` as it was written first: a generator over every character for the controls."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or any(ord(ch) < 32 for ch in text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.netloc:
        return None
    return text


BASES = ["https://www.tenderned.nl/aankondigingen/overzicht/407238", "http://127.0.0.1:8080/a?b=c#d",
         "HTTPS://Example.org", "javascript:alert(1)", "data:text/html,x", "//no-scheme.nl/x", "http://", "https:///x",
         "http://[::1]/x", "http://[::1/x", "mailto:a@b.nl", "ftp://x.nl", "", " ", "http://host.nl/pad met spatie",
         "http://høst.nl/ë", "http://x.nl/\u2028", "http://x.nl/\x7f"]
#: every character below U+0020, DEL and a few beyond (not controls to this rule), and plain ones
CHARACTERS = [chr(c) for c in range(33)] + ["\x7f", "\x85", "\xa0", "\u2028", "\ufeff", "a", "/", "%"]


def test_every_control_character_anywhere_is_judged_as_the_first_definition_judged_it():
    randomly = random.Random(18)
    cases = [*BASES, None, 42, b"http://x.nl", ["http://x.nl"]]
    for base in BASES:
        for ch in CHARACTERS:
            for at in {0, 1, len(base) // 2, max(len(base) - 1, 0), len(base)}:
                cases.append(base[:at] + ch + base[at:])
    for _ in range(3000):
        base = randomly.choice(BASES)
        for _ in range(randomly.randint(1, 3)):
            at = randomly.randint(0, len(base))
            base = base[:at] + randomly.choice(CHARACTERS) * randomly.randint(1, 2) + base[at:]
        cases.append(base)
    for value in cases:
        assert http_url(value) == first_definition(value), repr(value)
    # both outcomes occur among the cases: stored links and refused values
    assert any(http_url(v) for v in cases) and any(http_url(v) is None for v in cases if isinstance(v, str) and v)


def test_a_url_s_characters_are_not_walked_one_by_one_in_python():
    """Issue 14: ``any(ord(ch) < 32 for ch in text)`` resumed a generator of this module once per character
    (≈ 5 µs of a 95-character URL, three URLs a notice: ≈ 1.5 % of a reparse); one regex search does it in C."""
    frames: list[str] = []

    def profile(frame, event, arg):
        if event == "call" and frame.f_code.co_filename == urls.__file__:
            frames.append(frame.f_code.co_name)

    url = "https://www.tenderned.nl/aankondigingen/overzicht/" + "4" * 2000
    sys.setprofile(profile)
    try:
        assert http_url(url) == url
    finally:
        sys.setprofile(None)
    assert frames == ["http_url"]


def test_a_lone_surrogate_anywhere_is_no_url():
    """A lone UTF-16 surrogate (``"\\ud800"`` in JSON) is no character a URL or SQLite's UTF-8 can hold: such a
    link made the write of its notice fail (found by ``make fuzz``). The surrogate pairs' whole range is refused."""
    for ch in ("\ud800", "\udbff", "\udc00", "\udfff"):
        for value in (f"https://x.nl/{ch}", f"https://x{ch}.nl/", f"{ch}https://x.nl/a", f"https://x.nl/a?q={ch}"):
            assert http_url(value) is None, repr(value)
    assert http_url("https://x.nl/\U0001f600") == "https://x.nl/\U0001f600"   # a whole character beyond U+FFFF stays


def test_a_print_versions_parameters_go_and_no_others():
    """``without_print``: the parameters asking a page's print version go (Joomla's ``tmpl=component`` with them),
    every other parameter stays in its order; a value that asks no print version, or a word merely containing
    "print", is no print parameter."""
    assert urls.without_print("https://a.nl/nieuws/x?id=3&print=1") == "https://a.nl/nieuws/x?id=3"
    assert urls.without_print("https://a.nl/nieuws/x?Printable=TRUE&b=2") == "https://a.nl/nieuws/x?b=2"
    assert urls.without_print("https://a.nl/x?weergave=afdrukken") == "https://a.nl/x"
    assert urls.without_print("https://a.nl/x?print") == "https://a.nl/x"
    for kept in ("https://a.nl/x?tmpl=component", "https://a.nl/x?print=0", "https://a.nl/x?blueprint=1",
                 "https://a.nl/printen?view=list", "https://a.nl/x?view=printer"):
        assert urls.without_print(kept) == kept
