"""The eForms reader walks the rows of the parsed document itself, not of the element ``lxml.html.fromstring``
picks in it (the table of a fragment, the body or the document), and parses with lxml's HTML parser without
``lxml.html``'s element classes (a Python class lookup for every element): the same rows in the same order and the
same texts (``text_content``'s XPath), so the same result, without the pick's pattern match and ``findall`` calls
and the lookups (issue 14: together ≈ half of reading a small rendering). Checked on the award fixtures and on
SYNTHETIC renderings of every shape the pick tells apart, against the reader as it was."""

import random

import lxml.html
import pytest

from tenderarchive.awards.html_eforms import EFormsReader

from .conftest import FIXTURES

RENDERINGS = {path.stem: path.read_text(encoding="utf-8") for path in sorted((FIXTURES / "publications").glob("*.html"))
              if 'class="header1"' in path.read_text(encoding="utf-8")}


class PickedRootReader(EFormsReader):
    """The reader as it was: its rows from the element ``lxml.html.fromstring`` gives, ``lxml.html``'s elements."""

    def __init__(self, html: str):
        self.root = lxml.html.fromstring(html)
        super().__init__("<p></p>")
        self.root = lxml.html.fromstring(html)


def shapes(html: str, rng: random.Random):
    """SYNTHETIC variants of a rendering: as it is, a whole document (with and without a head), text around
    it, two tables, a second body, a comment first, and cut at random points."""
    yield html
    yield f"<html><head><title>x</title></head><body>{html}</body></html>"
    yield f"<html><body>{html}</body></html>"
    yield f"<!doctype html><html><body>{html}</body></html>"
    yield f"voor {html} na"
    yield f"{html}{html}"
    yield f"<div>{html}</div><p>x</p>"
    yield f"{html}<body><table><tr class='header1'><th>6. Resultaten</th></tr></table></body>"
    yield f"<!-- c -->{html}"
    yield f"<head><meta charset='utf-8'></head>{html}"
    for _ in range(20):
        yield html[:rng.randrange(1, len(html))]


#: Texts at the parsers' edges: nothing, blanks, a comment alone, an XML declaration naming an encoding.
EDGES = ["", " ", "\n\t", "<!-- c -->", "<?xml version='1.0' encoding='utf-8'?><table></table>", "x", "<tr>",
         "<table><tr class='header1'><th>6. Resultaten</th></tr></table>"]


def read(cls, html):
    try:
        return cls(html).parse()
    except Exception as exc:  # noqa: BLE001 — an error is part of what is compared
        return (type(exc), str(exc))


@pytest.mark.parametrize("name", sorted(RENDERINGS))
def test_the_document_and_the_element_fromstring_picks_give_the_same_reading(name):
    rng = random.Random(name)
    assert RENDERINGS, "no eForms fixture"
    for html in shapes(RENDERINGS[name], rng):
        assert read(EFormsReader, html) == read(PickedRootReader, html), html[:200]


@pytest.mark.parametrize("html", EDGES)
def test_a_text_at_the_parsers_edges_gives_what_it_gave(html):
    assert read(EFormsReader, html) == read(PickedRootReader, html)


def test_a_rendering_is_parsed_once_without_fromstrings_pick_or_lxml_htmls_classes(monkeypatch):
    calls = []
    picked, lookup = lxml.html.fromstring, lxml.html.HtmlElementClassLookup.lookup
    monkeypatch.setattr(lxml.html, "fromstring", lambda *a, **k: calls.append("fromstring") or picked(*a, **k))
    monkeypatch.setattr(lxml.html.HtmlElementClassLookup, "lookup",
                        lambda *a, **k: calls.append("lookup") or lookup(*a, **k))
    reading = EFormsReader(next(iter(RENDERINGS.values()))).parse()
    assert reading["lots"] and calls == []
