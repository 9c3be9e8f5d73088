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


def test_a_value_printed_both_exclusive_and_inclusive_of_vat_keeps_the_exclusive_one_in_either_order():
    """Reference §2.3 (BT-720 "Waarde van de aanbesteding", the award value, and BT-27 "Geraamde waarde exclusief
    btw": the archive's values are exclusive of VAT). SYNTHETIC rows: a winner's tender value, a lot's shared value
    and the notice's total printed twice, once "incl. btw". The later row was kept, so the VAT-inclusive amount was
    the award's value when printed last. Now the exclusive one is kept in either order, the other named."""
    from tenderarchive.awards.html import parse_html
    from tests.fixtures.awards.make_fixtures import amount, h1, h2, h3, only, row, table

    def notice(*values):
        rows = [amount("Waarde van de aanbesteding", value) for value in values]
        return parse_html(table([
            h1("1. Koper"), row("Officiële naam", "Gemeente Voorbeeld"), h1("6. Resultaten"),
            *[amount("Waarde van alle contracten toegekend in deze kennisgeving", value) for value in values],
            h2("6.1", "ID resultaat perceel", "LOT-0001"), h3("6.1.2 Informatie over winnaars"),
            only("Winnaar"), row("Officiële naam", "Jeugdhulp Noord B.V."), only("Inschrijving"), *rows,
            h2("6.1", "ID resultaat perceel", "LOT-0002"), *rows, h3("6.1.2 Informatie over winnaars"),
            only("Winnaar"), row("Officiële naam", "Jeugdhulp Zuid B.V.")]))

    for values in (["100 000", "121 000 incl. btw"], ["121 000 inclusief btw", "100 000"]):
        parsed = notice(*values)
        assert [(a["lot_id"], a["value_cents"], a["value_raw"]) for a in parsed["awards"]] == [
            ("LOT-0001", 10000000, "100 000"), ("LOT-0002", 10000000, "100 000")], values
        assert [s["tender_value_cents"] for s in parsed["suppliers"]] == [10000000, None], values
        assert parsed["procedure"]["total_awarded_cents"] == 10000000, values
        assert len(parsed["problems"]) == 3 and all(p.startswith("two values for") for p in parsed["problems"])
    # two values with no word about VAT: the later one, as before; one value with VAT: kept and said
    assert [a["value_cents"] for a in notice("100 000", "90 000")["awards"]] == [9000000, 9000000]
    only_with = notice("121 000 incl. btw")
    assert [a["value_cents"] for a in only_with["awards"]] == [12100000, 12100000]
    assert any("includes VAT" in p for p in only_with["problems"])


@pytest.mark.parametrize("after, has_tax", [(" (incl. btw)", 1), (", inclusief omzetbelasting", 1),
                                            (" exclusief BTW", 0), ("", None)])
def test_a_vat_statement_printed_after_the_currency_is_the_values(after, has_tax):
    """Reference §2.2/§2.4 (an amount row: the number in a value span, the currency in a dynamic-label span) and §2.3
    (values exclusive of VAT): a notice saying "(incl. btw)" after the currency, in a span of its own in the value's
    cell, had it read as nothing: the value stored as if exclusive, nothing said. Now the words next to the value are
    its own (value_raw "800 000 (incl. btw)", awards.value_has_tax 1; "exclusief BTW" 0; none NULL). SYNTHETIC row."""
    from tenderarchive.awards.html import parse_html
    from tests.fixtures.awards.make_fixtures import h1, h2, h3, only, row, table

    value = ('<tr><td><span class="label">Waarde van de aanbesteding</span><span class="text">: </span></td>'
             '<td><span class="value">800 000</span><span class="text"> </span><span class="dynamic-label">Euro</span>'
             f'<span class="text">{after}</span></td></tr>')
    parsed = parse_html(table([h1("1. Koper"), row("Officiële naam", "Gemeente Voorbeeld"), h1("6. Resultaten"),
                               h2("6.1", "ID resultaat perceel", "LOT-0001"), h3("6.1.2 Informatie over winnaars"),
                               only("Winnaar"), row("Officiële naam", "Jeugdhulp Noord B.V."), only("Inschrijving"), value]))
    assert [(a["value_cents"], a["value_currency"], a["value_has_tax"]) for a in parsed["awards"]] == [
        (80000000, "EUR", has_tax)]
    assert (("includes VAT" in " ".join(parsed["problems"])) == (has_tax == 1)), parsed["problems"]
