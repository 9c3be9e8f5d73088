"""The eForms reader walks the rows of the parsed document itself (``lxml.html.document_fromstring``), not of
the element ``lxml.html.fromstring`` picks in it (the table of a fragment, the body or the document): the same
rows in the same order, so the same result, without the pick's pattern match and ``findall`` calls (issue 14:
≈ 40 % of the parse of a small rendering). Checked on the award fixtures and on SYNTHETIC renderings of every
shape the pick tells apart."""

import random

import lxml.html
import pytest

from tenderarchive.awards.html_eforms import EFormsReader

from .conftest import FIXTURES

RENDERINGS = {path.stem: path.read_text(encoding="utf-8") for path in sorted((FIXTURES / "publications").glob("*.html"))
              if 'class="header1"' in path.read_text(encoding="utf-8")}


class PickedRootReader(EFormsReader):
    """The reader as it was: its rows from the element ``lxml.html.fromstring`` gives."""

    def __init__(self, html: str):
        super().__init__(html)
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


def test_a_rendering_is_parsed_once_without_fromstrings_pick(monkeypatch):
    calls = []
    picked = lxml.html.fromstring
    monkeypatch.setattr(lxml.html, "fromstring", lambda *a, **k: calls.append(1) or picked(*a, **k))
    reading = EFormsReader(next(iter(RENDERINGS.values()))).parse()
    assert reading["lots"] and calls == []
