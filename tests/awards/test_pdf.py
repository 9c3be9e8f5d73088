"""The award PDF reader (tenderarchive/awards/pdf.py) on SYNTHETIC PDFs written by the test, one per variant the
reference (tenderned-awards.md §7, §2.3, §4) names."""

from __future__ import annotations

from tenderarchive.awards.pdf import eforms_rows, parse_pdf, text_lines
from tests.fixtures.awards.pdf_writer import text_pdf


def winners(parsed):
    return [(s["lot_id"], s["name"], s["kvk"], s["tender_value_cents"]) for s in parsed["suppliers"]]


def test_english_labels_several_lots_and_ijs_kvk_patterns():
    parsed = parse_pdf(text_pdf([[
        "1. Buyer", "Official name: City of Rijnstad", "6. Results",
        "6.1 Result lot ldentifier: LOT-0001", "6.1.2 Information about winners", "Winner:", "Official name:",
        "Alpha Care B.V.", "Handelsregister 23456789", "Tender:", "Value of the tender: 400 000 Euro",
        "6.1 Result lot ldentifier: LOT-0002", "6.1.2 Information about winners", "Winner:",
        "Official name: Beta Zorg", "KVK 34567890", "Tender:", "Value of the tender: 1.234.567,89 EUR"]]))
    assert parsed["layout"] == "pdf" and parsed["language"] == "en"
    assert winners(parsed) == [("LOT-0001", "Alpha Care B.V.", "23456789", 40000000),
                               ("LOT-0002", "Beta Zorg", "34567890", 123456789)]


def test_a_lot_not_awarded_with_its_reason_over_two_lines_and_a_status_broken_over_lines():
    parsed = parse_pdf(text_pdf([[
        "6. Resultaten", "6.1 ID resultaat perceel: LOT-0001", "Er is geen winnaar gekozen en de mededinging is",
        "gesloten.", "De reden waarom geen winnaar is gekozen:", "Besluit van de koper, wegens",
        "ontoereikende middelen", "6.1.4 Statistische informatie",
        "Aantal ontvangen inschrijvingen of verzoeken tot deelname: 0"]]))
    (lot,) = parsed["lots"]
    assert (lot["awarded"], lot["not_awarded_reason"]) == (0, "Besluit van de koper, wegens ontoereikende middelen")
    assert parsed["awards"] == []


def test_a_missing_glyph_in_a_label_is_read_and_named_and_page_headers_are_dropped():
    lines = text_lines("Pagina 1 van 3\nWaarde van de\nPagina 2 van 3\naanbesteding:\n800 000 Euro\n\x0c")
    assert lines == ["Waarde van de", "aanbesteding:", "800 000 Euro"]
    assert eforms_rows(["6.1 ID resultaat perceel: LOT-0001", "Winnaar:", "O#ciële naam: A#B Zorg"])[-1] == \
        ("row", "officiele naam", "A#B Zorg")
    parsed = parse_pdf(text_pdf([["6.1 ID resultaat perceel: LOT-0001", "6.1.2 Informatie over winnaars",
                                  "Winnaar:", "O#ciële naam: A#B Zorg"]]))
    assert winners(parsed) == [("LOT-0001", "A#B Zorg", None, None)]
    assert any("missing from its font" in p for p in parsed["problems"])


def test_what_is_no_pdf_or_no_award_notice_is_a_problem_never_an_exception():
    for body in (b"", b"<html>maintenance</html>", b"%PDF-1.4 garbage", text_pdf([["Een brief zonder secties"]])):
        parsed = parse_pdf(body)
        assert parsed["layout"] == "unknown" and parsed["awards"] == [] and parsed["problems"], body[:20]
