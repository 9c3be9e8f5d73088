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


def scattered_glyphs_pdf(glyphs: int) -> bytes:
    """One page of ``glyphs`` two-letter strings at scattered places (SYNTHETIC, a fuzzer's find): a few kilobytes
    that pdfminer's layout analysis takes minutes of CPU on (1,000 glyphs: about 6 s)."""
    import random
    import zlib

    spot = random.Random(7)
    content = b"".join(b"BT /F1 6 Tf %d %d Td (ab) Tj ET\n" % (spot.randrange(590), spot.randrange(840))
                       for _ in range(glyphs))
    return text_pdf([[]], contents=[(zlib.compress(content), "/Filter /FlateDecode ")])


def test_a_pdf_over_its_cpu_time_is_refused_within_it_and_named_never_read_to_its_end():
    """A PDF whose reading would take minutes (pdfminer's layout analysis of scattered glyphs) stops at its CPU
    limit: refused, named in the problems, the call back in seconds. It ran unbounded (one fuzzed PDF stalled a
    crawl or a reparse for as long as it took)."""
    import time

    from tenderarchive.awards.pdf import PdfLimits

    began = time.monotonic()
    parsed = parse_pdf(scattered_glyphs_pdf(4000), PdfLimits(cpu_seconds=1, wall_seconds=60))
    assert time.monotonic() - began < 45
    assert parsed["layout"] == "unknown" and parsed["awards"] == []
    assert "1 s of CPU time" in parsed["refused"]
    assert parsed["problems"] == [f"PDF refused: {parsed['refused']}; not read"]


def test_a_compressed_stream_bomb_and_a_pdf_over_the_bytes_read_are_refused():
    """A content stream of 3 MB that inflates to 3 GiB (pdfminer inflates a stream whole) meets the memory limit of
    the process reading it; a body over ``max_bytes`` is not read at all. Each is refused and named; an ordinary
    PDF under the same limits reads."""
    from tenderarchive.awards.pdf import PdfLimits
    from tests.fixtures.awards.pdf_writer import deflate_bomb

    limits = PdfLimits(memory=512 << 20, wall_seconds=60)
    bomb = text_pdf([[]], contents=[(deflate_bomb(3 << 30), "/Filter /FlateDecode ")])
    assert len(bomb) < 4 << 20
    parsed = parse_pdf(bomb, limits)
    assert parsed["refused"] == f"over the {512 << 20:,} bytes of memory its reading may take", parsed["problems"]
    body = text_pdf([["6.1 ID resultaat perceel: LOT-0001", "6.1.2 Informatie over winnaars", "Winnaar:",
                      "Officiële naam: Jeugdhulp Rijn B.V."]])
    assert winners(parse_pdf(body, limits)) == [("LOT-0001", "Jeugdhulp Rijn B.V.", None, None)]
    refused = parse_pdf(body, PdfLimits(max_bytes=len(body) - 1))
    assert refused["refused"] == f"{len(body):,} bytes, over the {len(body) - 1:,} read" and refused["awards"] == []


def test_the_pdf_child_reads_on_a_machine_that_refuses_its_limits():
    """A platform or sandbox where a resource limit cannot be set (macOS refuses RLIMIT_AS; Windows has no
    ``resource``): the child reads the PDF without that limit (the parent's time in all still bounds it). It
    raised, ended with status 1, and every award PDF was refused as settled, never asked again."""
    import subprocess
    import sys

    from tenderarchive.awards import pdf_child

    body = text_pdf([["6.1 ID resultaat perceel: LOT-0001", "6.1.2 Informatie over winnaars", "Winnaar:",
                      "Officiële naam: Jeugdhulp Rijn B.V."]])
    # the child as pdf.pdf_text runs it, on a machine whose setrlimit refuses every limit
    refusing = ("import resource, runpy, sys\n"
                "def refuse(*args): raise ValueError('current limit exceeds maximum limit')\n"
                "resource.setrlimit = refuse\n"
                f"sys.argv = [{str(pdf_child.__file__)!r}, '100', '15', str(1 << 30)]\n"
                f"runpy.run_path({str(pdf_child.__file__)!r}, run_name='__main__')\n")
    done = subprocess.run([sys.executable, "-I", "-c", refusing], input=body, capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode()[-300:]
    assert "Jeugdhulp Rijn B.V." in done.stdout.decode()


ZIPPED_PDF = """
import pathlib, zipimport
import tenderarchive
assert isinstance(tenderarchive.__loader__, zipimport.zipimporter), tenderarchive.__loader__
from tenderarchive.awards.pdf import parse_pdf
parsed = parse_pdf(pathlib.Path("notice.pdf").read_bytes())
print(parsed["problems"], [supplier["name"] for supplier in parsed["suppliers"]])
"""


def test_a_pdf_is_read_when_the_package_runs_from_a_zip(tmp_path):
    """scrapyd runs a crawl from a zipped egg (docs/operations.md): the PDF child was run as a file path inside
    the zip, which Python cannot open, and every award PDF was refused as settled ("its reader ended with exit
    status 1"), never asked again. The package, zipped, is imported by zipimport and reads the PDF."""
    import subprocess
    import sys
    import zipfile
    from pathlib import Path

    import tenderarchive

    package = Path(tenderarchive.__file__).parent
    egg = tmp_path / "tenderarchive.egg"
    with zipfile.ZipFile(egg, "w") as out:
        for path in package.rglob("*.py"):
            if "__pycache__" not in path.parts:
                out.write(path, path.relative_to(package.parent).as_posix())
    (tmp_path / "notice.pdf").write_bytes(text_pdf([["6.1 ID resultaat perceel: LOT-0001",
                                                     "6.1.2 Informatie over winnaars", "Winnaar:",
                                                     "Officiële naam: Jeugdhulp Rijn B.V."]]))
    run = subprocess.run([sys.executable, "-c", ZIPPED_PDF], cwd=tmp_path, capture_output=True, text=True,
                         timeout=120, env={"PYTHONPATH": str(egg), "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stderr[-1000:]
    assert run.stdout.strip() == "[] ['Jeugdhulp Rijn B.V.']", run.stdout


def test_a_pdf_longer_than_the_pages_read_says_its_later_winners_are_missing():
    """Reference §7 and the brief's "very long PDFs": only the first AWARDS_PDF_MAX_PAGES pages are read. A winner
    on a later page was lost without a word, and a PDF whose section 6 lies beyond them was "without award
    sections". The problems now say the PDF was read in part."""
    from tenderarchive.awards.pdf import PdfLimits

    pages = [["1. Koper", "Officiële naam: Gemeente Rijnstad", "6. Resultaten", "6.1 ID resultaat perceel: LOT-0001",
              "6.1.2 Informatie over winnaars", "Winnaar:", "Officiële naam: Alpha Zorg B.V.", "Inschrijving:",
              "Waarde van de aanbesteding: 400 000 Euro"],
             ["6.1 ID resultaat perceel: LOT-0002", "6.1.2 Informatie over winnaars", "Winnaar:",
              "Officiële naam: Beta Zorg", "Inschrijving:", "Waarde van de aanbesteding: 500 000 Euro"]]
    whole = parse_pdf(text_pdf(pages), PdfLimits(pages=2))
    assert [w[1] for w in winners(whole)] == ["Alpha Zorg B.V.", "Beta Zorg"]
    assert not [p for p in whole["problems"] if "page" in p]
    cut = parse_pdf(text_pdf(pages), PdfLimits(pages=1))
    assert [w[1] for w in winners(cut)] == ["Alpha Zorg B.V."]
    assert "PDF longer than the 1 page(s) read: winners and lots on later pages are missing" in cut["problems"]
    later = parse_pdf(text_pdf([["Aankondiging van een gegunde opdracht"], *pages]), PdfLimits(pages=1))
    assert "PDF longer than the 1 page(s) read: winners and lots on later pages are missing" in later["problems"]


def test_a_pdf_without_text_is_named_a_scan_not_a_pdf_without_award_sections():
    """The brief's "scanned PDFs with no text": a PDF of page images has no text to read (no OCR is done); it was
    reported as "without award sections", as if it were read and held none."""
    parsed = parse_pdf(text_pdf([[], []]))
    assert parsed["awards"] == [] and parsed["suppliers"] == []
    assert parsed["problems"] == ["PDF without text (a scan?): not read, no text recognition is done"]


def test_a_kvk_number_of_seven_digits_is_the_number_with_its_leading_zero():
    """IJ's KvK patterns (reference §7) took 8 digits only: "KvK-nummer: 1234567" (a number whose leading zero was
    dropped, §4) gave the winner no KvK number."""
    parsed = parse_pdf(text_pdf([[
        "6. Resultaten", "6.1 ID resultaat perceel: LOT-0001", "6.1.2 Informatie over winnaars", "Winnaar:",
        "Officiële naam: Jeugdzorg Oost B.V.", "KvK-nummer: 1234567", "Inschrijving:",
        "Waarde van de aanbesteding: 400 000 Euro"]]))
    assert winners(parsed) == [("LOT-0001", "Jeugdzorg Oost B.V.", "01234567", 40000000)]


def test_a_german_or_french_pdfs_page_headers_are_dropped_and_its_labels_read():
    """Reference §7 (page headers falling inside a label) for a German or French notice (labels read since rounds 11
    and 12): "Seite 2 von 3" and "Page 2 sur 3" stayed inside the label, which was then no label. SYNTHETIC text."""
    assert text_lines("Seite 1 von 3\nWert des\nSeite 2 von 3\nAngebots:\nPage 2 sur 3\n800 000 Euro") == \
        ["Wert des", "Angebots:", "800 000 Euro"]
    parsed = parse_pdf(text_pdf([["1. Acheteur", "6. Résultats", "6.1 Identifiant du résultat du lot: LOT-0001",
                                  "6.1.2 Informations sur les lauréats", "Adjudicataire/attributaire:",
                                  "Nom officiel: Jeugdzorg Grens B.V.", "Valeur de", "Page 2 sur 3", "l’offre:",
                                  "800 000 Euro"]]))
    assert winners(parsed) == [("LOT-0001", "Jeugdzorg Grens B.V.", None, 80000000)]


def test_a_label_broken_before_its_last_word_that_is_a_label_of_its_own_is_the_whole_label():
    """Reference §7 (labels broken over two or three lines, BH) and §2.3 (BT-709 framework maximum, BT-710 lowest
    admissible tender, BT-3201 tender identifier): a label broken before its last word, a label of its own
    ("Maximumwaarde van de" / "raamovereenkomst: 100 000 000 Euro", "Waarde van de laagste ontvankelijke" /
    "inschrijving: 300 000 Euro"), was read as that word (the block openers "Raamovereenkomst", "Inschrijving"): the
    framework maximum and the lowest tender were lost, with a problem "unread amount". SYNTHETIC PDF."""
    parsed = parse_pdf(text_pdf([[
        "6. Resultaten", "6.1 ID resultaat perceel: LOT-0001", "Raamovereenkomst:", "Maximumwaarde van de",
        "raamovereenkomst: 100 000 000 Euro", "6.1.2 Informatie over winnaars", "Winnaar:",
        "Officiële naam: Alpha Zorg B.V.", "Inschrijving:", "Identificatiecode van de", "inschrijving: TEN-0001",
        "Waarde van de aanbesteding: 400 000 Euro", "6.1.4 Statistische informatie",
        "Waarde van de laagste ontvankelijke", "inschrijving: 300 000 Euro",
        "Waarde van de hoogste ontvankelijke", "inschrijving: 650 000 Euro"]]))
    (lot,) = parsed["lots"]
    assert (lot["framework_maximum_cents"], lot["lowest_tender_cents"], lot["highest_tender_cents"]) == (
        10000000000, 30000000, 65000000)
    assert winners(parsed) == [("LOT-0001", "Alpha Zorg B.V.", None, 40000000)]
    assert parsed["problems"] == []


def test_a_winners_value_printed_exclusive_and_inclusive_of_vat_keeps_the_exclusive_one():
    """Reference §7 (award PDFs read with the eForms labels) and §2.3 (BT-720, values exclusive of VAT): a winner's
    tender value printed twice, the later "incl. btw", kept the later one. Now the exclusive one. SYNTHETIC PDF."""
    parsed = parse_pdf(text_pdf([[
        "6. Resultaten", "6.1 ID resultaat perceel: LOT-0001", "6.1.2 Informatie over winnaars", "Winnaar:",
        "Officiële naam: Alpha Zorg B.V.", "Inschrijving:", "Waarde van de aanbesteding: 400 000 Euro",
        "Waarde van de aanbesteding: 484 000 Euro incl. btw"]]))
    assert winners(parsed) == [("LOT-0001", "Alpha Zorg B.V.", None, 40000000)]
    assert [p[:15] for p in parsed["problems"]] == ["two values for "]


def test_a_winners_row_split_by_a_page_break_is_one_row_without_the_pages_running_header_and_footer():
    # SYNTHETIC: three pages, each with the notice's running header and a dated footer with its page number; a winner's
    # name and a winner's block run across the page breaks
    def page(number, lines):
        return ["Aankondiging van een gegunde opdracht 470012", *lines,
                f"Publicatiedatum 12/03/2024 - TenderNed - {number}/3"]
    parsed = parse_pdf(text_pdf([
        page(1, ["1. Koper", "Officiële naam: Gemeente Rijnstad", "6. Resultaten", "6.1 ID resultaat perceel: LOT-0001",
                 "6.1.2 Informatie over winnaars", "Winnaar:", "Officiële naam: Stichting Jeugdhulp"]),
        page(2, ["Rijnmond Zuid", "Inschrijving:", "Waarde van de aanbesteding: 800 000 Euro", "Winnaar:",
                 "Officiële naam:"]),
        page(3, ["Beta Zorg B.V.", "Inschrijving:", "Waarde van de aanbesteding:", "1 200 000 Euro"])]))
    assert winners(parsed) == [("LOT-0001", "Stichting Jeugdhulp Rijnmond Zuid", None, 80000000),
                               ("LOT-0001", "Beta Zorg B.V.", None, 120000000)]
    assert parsed["buyer"] == "Gemeente Rijnstad"


def test_a_pages_number_alone_is_dropped_where_it_ends_a_page_but_not_as_the_value_a_label_waits_for():
    assert text_lines("Officiële naam: Alpha Zorg\n1\n\x0c- 2 -\nB.V.\n\x0c") == ["Officiële naam: Alpha Zorg", "B.V."]
    assert text_lines("Officiële naam: Alpha Zorg\n1/2\n\x0c2/2\nB.V.\n") == ["Officiële naam: Alpha Zorg", "B.V."]
    assert text_lines("Aantal ontvangen inschrijvingen of verzoeken tot deelname:\n\x0c2\nEinde\n\x0c") == \
        ["Aantal ontvangen inschrijvingen of verzoeken tot deelname:", "2", "Einde"]
    # ... and where a name's label waits for its value on the next page
    assert text_lines("Winnaar:\nOfficiële naam:\n1\n\x0cAlpha Zorg B.V.\n2\n\x0c") == \
        ["Winnaar:", "Officiële naam:", "Alpha Zorg B.V."]
    # amounts of one shape at two pages' tops, each the value of the label before it, are values, not a header
    assert text_lines("Waarde van de aanbesteding:\n\x0c800 000 Euro\nWinnaar:\nWaarde van de aanbesteding:\n"
                      "\x0c900 000 Euro\nEinde\n") == ["Waarde van de aanbesteding:", "800 000 Euro", "Winnaar:",
                                                  "Waarde van de aanbesteding:", "900 000 Euro", "Einde"]
    # one page: nothing repeats, nothing is a page's running line
    assert text_lines("Winnaar:\nOfficiële naam: Alpha Zorg\n1\n") == ["Winnaar:", "Officiële naam: Alpha Zorg", "1"]


def test_a_standard_form_contractors_name_or_lot_title_that_runs_on_the_next_line_is_read_whole():
    # SYNTHETIC: a contractor's name split by a page break (its running header between), a lot title wrapped
    header = "Kenmerk: 313457 - TenderNed"
    parsed = parse_pdf(text_pdf([
        [header, "Afdeling I: Aanbestedende dienst", "Officiële benaming: Gemeente Rijnstad",
         "Afdeling V: Gunning van een opdracht", "Opdracht nr.: 1", "Perceel nr.: 1",
         "Benaming: Dyslexiezorg voor kinderen en jongeren", "in de regio Rijnstad",
         "V.2.1) Datum van de sluiting van de overeenkomst:", "24/06/2022",
         "V.2.3) Naam en adres van de contractant", "Officiële benaming: Stichting Jeugdhulp", "Pagina 1 van 2"],
        [header, "Rijnmond", "Nationale identificatie: 23456789", "Plaats: Rotterdam",
         "V.2.4) Inlichtingen over de waarde van de opdracht/het perceel (exclusief btw)",
         "Totale waarde van de opdracht/het perceel: 1 800 000,00", "Munt: EUR",
         "Afdeling VI: Aanvullende inlichtingen", "Pagina 2 van 2"]]))
    assert winners(parsed) == [("1", "Stichting Jeugdhulp Rijnmond", "23456789", None)]
    assert [(lot["title"], lot["awarded"]) for lot in parsed["lots"]] == \
        [("Dyslexiezorg voor kinderen en jongeren in de regio Rijnstad", 1)]
    assert [(a["value_cents"], a["contract_date"]) for a in parsed["awards"]] == [(180000000, "2022-06-24")]
    assert parsed["buyer"] == "Gemeente Rijnstad"


def test_a_consortium_named_by_its_group_alone_is_the_members_section_8_names_winners_of_its_lot():
    """Reference §2.5 and §7 (the PDF carries the same eForms sections): a winner block naming the group alone ("Naam
    van de aanbiedende partij") was one winner of the group's name without KvK number; the organisations section 8
    names winners of the lot are its members, with their numbers, the value once (the award's; on each member's row
    marked joint, the group's)."""
    parsed = parse_pdf(text_pdf([[
        "1. Koper", "Officiële naam: Gemeente Leiden", "6. Resultaten", "6.1 ID resultaat perceel: LOT-0001",
        "6.1.2 Informatie over winnaars", "Winnaar:", "Naam van de aanbiedende partij: Combinatie Jeugd Oost",
        "Inschrijving:", "Waarde van de aanbesteding: 900 000 Euro", "8. Organisaties", "8.1 ORG-0001",
        "Officiële naam: Alpha Zorg B.V.", "Registratienummer: 11111111", "Winnaar van deze percelen: LOT-0001",
        "8.2 ORG-0002", "Officiële naam: Beta Jeugdhulp", "Registratienummer: 22222222",
        "Winnaar van deze percelen: LOT-0001"]]))
    assert winners(parsed) == [("LOT-0001", "Alpha Zorg B.V.", "11111111", 90000000),
                               ("LOT-0001", "Beta Jeugdhulp", "22222222", 90000000)]
    assert {(s["group_name"], s["tender_value_of_group"]) for s in parsed["suppliers"]} == {("Combinatie Jeugd Oost", 1)}
    assert [(a["value_cents"], a["winner_count"]) for a in parsed["awards"]] == [(90000000, 2)]


def test_a_pdfs_winner_postcode_is_read_as_the_renderings_is():
    """Reference §7 (the PDF carries the same eForms sections as text) and §2.3 (an organisation's "Stad",
    "Postcode", "Land"): the PDF fallback knew the place and country labels but not "Postcode", so a winner read
    from its PDF had no ``postcode`` where the same notice's /html gave one."""
    parsed = parse_pdf(text_pdf([[
        "6. Resultaten", "6.1 ID resultaat perceel: LOT-0001", "6.1.2 Informatie over winnaars", "Winnaar:",
        "Officiële naam: Jeugdzorg Oost B.V.", "Stad: Utrecht", "Postcode: 3511 AB", "Inschrijving:",
        "Waarde van de aanbesteding: 400 000 Euro"]]))
    assert [(s["name"], s["place"], s.get("postcode")) for s in parsed["suppliers"]] == [
        ("Jeugdzorg Oost B.V.", "Utrecht", "3511 AB")]


def test_a_pdfs_winner_street_address_is_read_as_the_renderings_is():
    """Reference §7 (the PDF carries the same eForms sections as text) and §2.3 (an organisation's "Postadres",
    "Stad", "Postcode"): a winner read from its PDF had no ``street`` where the same notice's /html gave one."""
    parsed = parse_pdf(text_pdf([[
        "6. Resultaten", "6.1 ID resultaat perceel: LOT-0001", "6.1.2 Informatie over winnaars", "Winnaar:",
        "Officiële naam: Jeugdzorg Oost B.V.", "Postadres: Stationsstraat 1", "Stad: Utrecht", "Postcode: 3511 AB",
        "Inschrijving:", "Waarde van de aanbesteding: 400 000 Euro"]]))
    assert [(s["name"], s.get("street"), s["place"], s.get("postcode")) for s in parsed["suppliers"]] == [
        ("Jeugdzorg Oost B.V.", "Stationsstraat 1", "Utrecht", "3511 AB")]


def test_a_pdfs_empty_address_row_does_not_take_the_next_rows_postcode_or_street_for_its_value():
    """Reference §7 (a label's value on the line after it) and §2.3 ("Postadres", "Stad", "Postcode"): the PDF
    fallback did not know "Postadres" and "Postcode" as labels, so a row printed without a value ("Stad:", "Postadres:"
    with nothing after them) took the next line, "Postadres: Stationsstraat 1" or "Postcode: 3511 AB", for its value:
    the winner's place was that text and its street or postcode lost."""
    parsed = parse_pdf(text_pdf([[
        "6. Resultaten", "6.1 ID resultaat perceel: LOT-0001", "6.1.2 Informatie over winnaars", "Winnaar:",
        "Officiële naam: Jeugdzorg Oost B.V.", "Stad:", "Postadres: Stationsstraat 1", "Land: Nederland",
        "Winnaar:", "Officiële naam: Zorg West B.V.", "Postadres:", "Postcode: 2311 AA", "Stad: Leiden"]]))
    assert [(s["name"], s["place"], s.get("street"), s.get("postcode")) for s in parsed["suppliers"]] == [
        ("Jeugdzorg Oost B.V.", None, "Stationsstraat 1", None), ("Zorg West B.V.", "Leiden", None, "2311 AA")]


def test_a_pdfs_winner_nuts_code_is_read_as_the_renderings_is_and_an_empty_one_takes_no_next_row():
    """Reference §7 (the PDF carries the same eForms sections as text; a label's value on the line after it) and the
    organisation's BT-507 "Onderverdeling land (NUTS)": a winner read from its PDF had no ``nuts`` where the same
    notice's /html gave one, and the label printed without a value took the next row ("Postcode: 2311 AA") for it."""
    parsed = parse_pdf(text_pdf([[
        "6. Resultaten", "6.1 ID resultaat perceel: LOT-0001", "6.1.2 Informatie over winnaars", "Winnaar:",
        "Officiële naam: Jeugdzorg Oost B.V.", "Stad: Utrecht", "Onderverdeling land (NUTS): NL310",
        "Inschrijving:", "Waarde van de aanbesteding: 400 000 Euro",
        "Winnaar:", "Officiële naam: Zorg West B.V.", "Stad:", "Onderverdeling land (NUTS):", "Postcode: 2311 AA"]]))
    assert [(s["name"], s["place"], s.get("nuts"), s.get("postcode")) for s in parsed["suppliers"]] == [
        ("Jeugdzorg Oost B.V.", "Utrecht", "NL310", None), ("Zorg West B.V.", None, None, "2311 AA")]
