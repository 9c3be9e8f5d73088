"""The older standard-form ("Afdeling") layout of the /html rendering (reference §3): SYNTHETIC renderings of
the documented markup, read by :mod:`tenderarchive.awards.html_standard` through ``parse_html``."""

import pytest

from tenderarchive.awards.html import parse_html


def afdeling_v(heading: str, *parts: str) -> str:
    return ('<div id="publicatie"><h3 class="section-header-1">Afdeling I: <span>Aanbestedende dienst</span></h3>'
            '<h3 class="section-header-1">Afdeling V: <span>Gunning van een opdracht</span></h3>'
            f'<p class="subsection-content">{heading}</p>' + "".join(parts)
            + '<h3 class="section-header-1">Afdeling VI: <span>Aanvullende inlichtingen</span></h3></div>')


CONTRACTOR = ('<h5 class="subsection"><span class="subsection-number">V.2.3)</span> <span class="section-header-3">'
              'Naam en adres van de contractant</span></h5><dl class="subsection"><dt>Officiële benaming:</dt>'
              '<dd>Berkel-B B.V.</dd></dl>'
              '<h5 class="subsection"><span class="subsection-number">V.2.4)</span> <span class="section-header-3">'
              'Inlichtingen over de waarde van de opdracht/het perceel (exclusief btw)</span></h5>'
              '<p class="subsection-content">Totale waarde van de opdracht/het perceel: 1 800 000,00</p>')


@pytest.mark.parametrize("heading", [
    "Opdracht nr.: 1<br />Perceel nr.: 2<br />Benaming: Ambulante jeugdhulp",  # as the reference shows it
    "Opdracht nr.: 1 Perceel nr.: 2 Benaming: Ambulante jeugdhulp",  # the same items on one line
    "Perceel nr.: 2 Benaming: Ambulante jeugdhulp",
    "PERCEEL nr.: 2 BENAMING: Ambulante jeugdhulp",  # before 2016 (reference §3.2)
])
def test_a_lots_heading_on_one_line_gives_its_number_and_title(heading):
    """Reference §3.1 (a contract/lot heading holds "Opdracht nr.", "Perceel nr." and "Benaming") and §3.2
    ("PERCEEL nr." / "BENAMING:" before 2016). Written on one line (a paragraph without its <br />, or a PDF's
    text), the lot was "2 Benaming: Ambulante jeugdhulp", a lot no other notice of the procedure names, and the
    lot's title was lost. Each item is read as if on its own line."""
    read = parse_html(afdeling_v(heading, '<p class="subsection-content">Een opdracht/perceel wordt gegund: ja</p>',
                                 CONTRACTOR))
    assert [(lot["lot_id"], lot["title"], lot["awarded"]) for lot in read["lots"]] == [("2", "Ambulante jeugdhulp", 1)]
    assert [(a["lot_id"], a["value_cents"]) for a in read["awards"]] == [("2", 180000000)]
    assert [(s["lot_id"], s["name"]) for s in read["suppliers"]] == [("2", "Berkel-B B.V.")]


def test_contractors_of_a_lot_have_its_contract_date():
    """Reference §3.1 (V.2.1, one date of the conclusion of the contract per contract/lot block) and §8.4 (per
    winner: the contract date): a group's members each have the block's date on their rows."""
    read = parse_html(afdeling_v(
        "Opdracht nr.: 1<br />Perceel nr.: 1<br />Benaming: Dyslexiezorg",
        '<h5 class="subsection"><span class="subsection-number">V.2.1)</span> <span class="section-header-3">'
        'Datum van de sluiting van de overeenkomst: </span></h5><p class="subsection-content">24/06/2022</p>',
        '<p class="subsection-content">De opdracht is gegund aan een groep ondernemers: ja</p>', CONTRACTOR,
        CONTRACTOR.replace("Berkel-B B.V.", "ECLG expertisecentrum")))
    assert [(s["name"], s["contract_date"]) for s in read["suppliers"]] == [
        ("Berkel-B B.V.", "2022-06-24"), ("ECLG expertisecentrum", "2022-06-24")]


def _contract(number: str, lot: str, name: str, value: str) -> str:
    """One "Afdeling V" block (one contract) of a standard form, its contractor and value (reference §3.1)."""
    return ('<h3 class="section-header-1">Afdeling V: <span>Gunning van een opdracht</span></h3>'
            f'<p class="subsection-content">Opdracht nr.: {number}<br />Perceel nr.: {lot}<br />Benaming: Jeugdhulp</p>'
            '<p class="subsection-content">Een opdracht/perceel wordt gegund: ja</p>'
            + CONTRACTOR.replace("Berkel-B B.V.", name).replace("1 800 000,00", value))


@pytest.mark.parametrize("lot", ["-", "1"])
def test_the_contracts_of_a_procedure_without_lots_are_awards_of_its_single_lot(lot):
    """Reference §3.1: "Perceel nr." is "-" with a single lot, and the "Afdeling V" heading repeats per contract. Two
    contracts ("Opdracht nr.: 1" and "2") of a procedure without lots were lots "1" and "2": a second lot that no
    notice of the procedure has, counted among its percelen, its award apart from the lot's. They are two awards of
    the one lot, each with its own winner and value, as when the form numbers the lot."""
    html = ('<div id="publicatie"><h3 class="section-header-1">Afdeling I: <span>Aanbestedende dienst</span></h3>'
            + _contract("1", lot, "Jeugdhulp Noord B.V.", "100 000,00")
            + _contract("2", lot, "Stichting Zorg Oost", "200 000,00")
            + '<h3 class="section-header-1">Afdeling VI: <span>Aanvullende inlichtingen</span></h3></div>')
    parsed = parse_html(html)
    assert [lot["lot_id"] for lot in parsed["lots"]] == ["1"]
    assert [(a["lot_id"], a["value_cents"]) for a in parsed["awards"]] == [("1", 10000000), ("1", 20000000)]
    assert [(s["lot_id"], s["award_index"], s["name"]) for s in parsed["suppliers"]] == [
        ("1", 0, "Jeugdhulp Noord B.V."), ("1", 1, "Stichting Zorg Oost")]


def test_blocks_naming_their_lots_keep_them_and_a_block_naming_none_is_its_contracts():
    """Beside blocks that name their lots ("Perceel nr.: 2"), a block without a "Perceel nr." line is the lot of its
    contract's number, as before."""
    html = ('<div id="publicatie"><h3 class="section-header-1">Afdeling I: <span>Aanbestedende dienst</span></h3>'
            + _contract("1", "2", "Jeugdhulp Noord B.V.", "100 000,00")
            + _contract("3", "X", "Stichting Zorg Oost", "200 000,00").replace("Perceel nr.: X<br />", "")
            + '<h3 class="section-header-1">Afdeling VI: <span>Aanvullende inlichtingen</span></h3></div>')
    assert sorted(a["lot_id"] for a in parse_html(html)["awards"]) == ["2", "3"]


def test_a_value_printed_without_and_with_btw_keeps_the_one_without_in_either_order():
    """Reference §3.1 (V.2.4 "… (exclusief btw)", II.1.7) and §3.2 (before 2016: "Waarde: … Munt: EUR Met BTW
    BTW-tarief (%): 19" or "… Zonder BTW"). SYNTHETIC blocks printing a lot's value and the procedure's total twice,
    "Zonder BTW" and "Met BTW" ("Met BTW" on the value's line or on a line of its own). The later value was kept, so
    the VAT-inclusive one was the award's when printed last. Now the one without VAT is kept in either order."""
    def paragraphs(*lines):
        return "".join(f'<p class="subsection-content">{line}</p>' for line in lines)

    def item(number, heading):
        return (f'<h5 class="subsection"><span class="subsection-number">{number})</span> '
                f'<span class="section-header-3">{heading}</span></h5>')

    def notice(*printed):
        values = [paragraphs(f"Totale waarde van de opdracht/het perceel: {value}", *after) for value, after in printed]
        totals = [paragraphs(f"Waarde: {value}", *after) for value, after in printed]
        html = afdeling_v("Opdracht nr.: 1<br />Perceel nr.: -<br />Benaming: Jeugdhulp",
                          paragraphs("Een opdracht/perceel wordt gegund: ja"), CONTRACTOR.rsplit("<p", 1)[0], *values)
        return parse_html(html.replace(
            '<h3 class="section-header-1">Afdeling V', '<h3 class="section-header-1">Afdeling II: <span>Voorwerp</span>'
            '</h3>' + item("II.1.7", "Totale waarde van de aanbesteding (exclusief btw)") + "".join(totals)
            + '<h3 class="section-header-1">Afdeling V', 1))

    without, with_vat = ("1 000 000,00", ["Munt: EUR", "Zonder BTW"]), ("1 210 000,00", ["Munt: EUR", "Met BTW BTW-tarief (%): 21"])
    on_its_line = ("1 210 000,00 Met BTW BTW-tarief (%): 21", ["Munt: EUR"])
    for printed in ([without, with_vat], [with_vat, without], [on_its_line, without], [without, on_its_line]):
        parsed = notice(*printed)
        assert [(a["value_cents"], a["value_raw"]) for a in parsed["awards"]] == [(100000000, "1 000 000,00")], printed
        assert parsed["procedure"]["total_awarded_cents"] == 100000000, printed
        assert len(parsed["problems"]) == 2 and all(p.startswith("two values for") for p in parsed["problems"]), (
            printed, parsed["problems"])
    # without a word about VAT the later value is kept, as before
    assert [a["value_cents"] for a in notice(("1 000 000,00", []), ("900 000,00", []))["awards"]] == [90000000]


def standard_notice(total_lines: list[str], value_lines: list[str]) -> str:
    """A SYNTHETIC standard-form award notice: II.1.7 printing ``total_lines``, one lot's V.2.4 ``value_lines``."""
    def paragraphs(lines):
        return "".join(f'<p class="subsection-content">{line}</p>' for line in lines)
    html = afdeling_v("Opdracht nr.: 1<br />Perceel nr.: -<br />Benaming: Jeugdhulp",
                      paragraphs(["Een opdracht/perceel wordt gegund: ja"]), CONTRACTOR.rsplit("<p", 1)[0],
                      paragraphs(value_lines))
    return html.replace(
        '<h3 class="section-header-1">Afdeling V', '<h3 class="section-header-1">Afdeling II: <span>Voorwerp</span></h3>'
        '<h5 class="subsection"><span class="subsection-number">II.1.7)</span> <span class="section-header-3">'
        'Totale waarde van de aanbesteding (exclusief btw)</span></h5>' + paragraphs(total_lines)
        + '<h3 class="section-header-1">Afdeling V', 1)


@pytest.mark.parametrize("printed", ["2 178 000,00 Met BTW (1 800 000,00 Zonder BTW)",
                                     "1 800 000,00 Zonder BTW, 2 178 000,00 Met BTW BTW-tarief (%): 21"])
def test_a_value_printed_without_and_with_btw_on_one_line_is_the_one_without(printed):
    """Reference §3.2 (before 2016: "Waarde: … Munt: EUR Met BTW BTW-tarief (%): 19" or "… Zonder BTW"): a SYNTHETIC
    V.2.4 and II.1.7 printing the value without and with VAT on one line. The first number was read (the
    VAT-inclusive € 2.178.000 where it came first) and the notice's problems said the value included VAT (where it
    did not). The value without VAT is kept, the text as printed, the problem naming both."""
    parsed = parse_html(standard_notice([f"Waarde: {printed}", "Munt: EUR"],
                                        [f"Totale waarde van de opdracht/het perceel: {printed}", "Munt: EUR"]))
    assert [(a["value_cents"], a["value_raw"]) for a in parsed["awards"]] == [(180000000, printed)]
    assert parsed["procedure"]["total_awarded_cents"] == 180000000
    assert not [p for p in parsed["problems"] if "includes VAT" in p], parsed["problems"]
    assert [p for p in parsed["problems"] if "exclusive and inclusive of VAT" in p]


VALUE, RANGE = "1 800 000,00", "Laagste offerte: 1 500 000,00 / Hoogste offerte: 2 000 000,00 meegerekend"


@pytest.mark.parametrize("value_first", [True, False])
def test_a_value_printed_beside_a_range_is_the_value_in_either_order(value_first):
    """Reference §3.1 (V.2.4 and II.1.7 print a range "Laagste offerte … / Hoogste offerte … meegerekend" *instead of*
    a value) and §4 "Ranges" (neither end is the award value): a SYNTHETIC notice printing both for the lot and the
    procedure. The later was kept, so a range printed after the value made the award valueless (value_cents NULL,
    left out of every total in `aanbieders` and the region views) and said nothing. The value is kept in either
    order and the range named in the problems."""
    lot = [f"Totale waarde van de opdracht/het perceel: {VALUE}", RANGE]
    total = [f"Waarde: {VALUE}", RANGE]
    order = (lambda lines: lines) if value_first else (lambda lines: lines[::-1])
    parsed = parse_html(standard_notice(order(total) + ["Munt: EUR"], order(lot) + ["Munt: EUR"]))
    assert [(a["value_cents"], a["value_raw"]) for a in parsed["awards"]] == [(180000000, VALUE)]
    assert parsed["procedure"]["total_awarded_cents"] == 180000000
    if value_first:
        assert len(parsed["problems"]) == 2 and all("not the range" in p for p in parsed["problems"]), parsed["problems"]


def test_a_range_alone_or_beside_a_placeholder_stays_the_range():
    """A range printed alone is kept as the range (no value, both ends stored), as is one printed after a placeholder
    ("1,00", reference §4): neither is a contract value."""
    for lot in ([RANGE], ["Totale waarde van de opdracht/het perceel: 1,00", RANGE]):
        (award,) = parse_html(standard_notice(["Waarde: 160 000,00", "Munt: EUR"], lot + ["Munt: EUR"]))["awards"]
        assert (award["value_cents"], award["value_low_cents"], award["value_high_cents"]) == \
            (None, 150000000, 200000000), lot


def _open_house_contract(number: int, name: str, value: str, day: str) -> str:
    """One "Afdeling V" block of a SYNTHETIC open-house award: contract ``number`` of lot 1, its one contractor, its
    date and the value it prints (reference §3.1)."""
    return _contract(str(number), "1", name, value).replace(
        '<p class="subsection-content">Een opdracht/perceel wordt gegund: ja</p>',
        '<p class="subsection-content">Een opdracht/perceel wordt gegund: ja</p>'
        '<h5 class="subsection"><span class="subsection-number">V.2.1)</span> <span class="section-header-3">'
        f'Datum van de sluiting van de overeenkomst: </span></h5><p class="subsection-content">{day}</p>')


def test_contracts_of_one_lot_repeating_one_value_are_one_award_of_that_value_with_every_winner():
    """Reference §3.1 (one "Afdeling V" block per contract, the heading repeats) and §4 (an open house or a framework
    with several parties: many winners on one lot; total vs per-winner values: do not derive one from the other). An
    open house admitting 30 providers to lot 1 prints a block per contract, each repeating the lot's "Totale waarde van
    de opdracht/het perceel: 12 000 000,00". Each block was an award of € 12 mln: 30 awards, € 360 mln in the
    procedure's, the region's and the dashboard's totals. They are one award of the lot, its value once, with the
    30 winners, each with its own contract date; contracts of different values stay an award each (above)."""
    names = [f"Jeugdhulp Aanbieder {i:02d} B.V." for i in range(30)]
    html = ('<div id="publicatie"><h3 class="section-header-1">Afdeling I: <span>Aanbestedende dienst</span></h3>'
            + "".join(_open_house_contract(i + 1, name, "12 000 000,00", f"{1 + i % 28:02d}/03/2022")
                      for i, name in enumerate(names))
            + '<h3 class="section-header-1">Afdeling VI: <span>Aanvullende inlichtingen</span></h3></div>')
    parsed = parse_html(html)
    assert [(lot["lot_id"], lot["awarded"]) for lot in parsed["lots"]] == [("1", 1)]
    assert [(a["lot_id"], a["value_cents"], a["winner_count"]) for a in parsed["awards"]] == [("1", 1200000000, 30)]
    assert [(s["name"], s["award_index"], s["contract_date"], s["tender_value_cents"]) for s in parsed["suppliers"]] \
        == [(name, 0, f"2022-03-{1 + i % 28:02d}", None) for i, name in enumerate(names)]
    assert not parsed["problems"]
    # one contract of another value among them: each contract is its own award, as before
    other = html.replace("12 000 000,00", "2 000 000,00", 1)
    assert [a["value_cents"] for a in parse_html(other)["awards"]] == [200000000] + [1200000000] * 29


def test_contracts_of_one_lot_repeating_one_value_in_another_currency_are_one_award_too():
    """Reference §3.1 (one "Afdeling V" block per contract, "Munt: …" after the value) and §4 ("Currencies": other
    currency names occur; many winners on one lot): an open house of three contracts each repeating the lot's "Totale
    waarde …: 800 000,00" with "Munt: GBP". A value outside the euro has no euro cents, so the blocks were never taken
    for one value: three awards of the one lot, the procedure counting three gunningen. They are one award of the
    value in pounds with its three winners; a contract of another value among them keeps each contract its own award,
    as in euros."""
    names = ["Youth Care London Ltd", "Family Care Ltd", "Kent Care Ltd"]
    blocks = [_open_house_contract(i + 1, name, "800 000,00", f"0{i + 1}/03/2022")
              + '<p class="subsection-content">Munt: GBP</p>' for i, name in enumerate(names)]
    html = ('<div id="publicatie"><h3 class="section-header-1">Afdeling I: <span>Aanbestedende dienst</span></h3>'
            + "".join(blocks) + '<h3 class="section-header-1">Afdeling VI: <span>Aanvullende inlichtingen</span></h3></div>')
    parsed = parse_html(html)
    assert [(a["lot_id"], a["value_cents"], a["value_raw"], a["value_currency"], a["winner_count"])
            for a in parsed["awards"]] == [("1", None, "800 000,00", "GBP", 3)]
    assert [(s["name"], s["award_index"]) for s in parsed["suppliers"]] == [(name, 0) for name in names]
    other = html.replace("800 000,00", "700 000,00", 1)
    assert [(a["value_raw"], a["winner_count"]) for a in parse_html(other)["awards"]] == [
        ("700 000,00", 1), ("800 000,00", 1), ("800 000,00", 1)]


def ancient_contractor(*lines: str) -> str:
    """A SYNTHETIC page before 2016 (reference §3.2) of one lot whose V.3 prints the contractor as ``lines``."""
    return ('<div id="publicatie"><h3 class="section-header-1">Afdeling V: <span>Gunning van de opdracht</span></h3>'
            '<p>PERCEEL nr. 1<br />BENAMING: Ambulante jeugdhulp</p>'
            '<h4 class="section-header-2">V.3) <span>Naam en adres van de ondernemer aan wie de opdracht is gegund</span>'
            '</h4><p>' + "<br />".join(lines) + '</p>'
            '<h3 class="section-header-1">Afdeling VI: <span>Aanvullende inlichtingen</span></h3></div>')


def test_a_contractor_before_2016_has_the_place_and_country_of_its_address_lines():
    """Reference §3.2: V.3 gives the contractor as lines, "name, an optional id …, then the address". The address
    was not read: the winner had no place, and a foreign contractor's 8-digit id (a German Handelsregister number)
    was taken for a KvK number, though §4 says "Foreign winners have other ids"."""
    dutch = parse_html(ancient_contractor("Stichting Jeugdhulp Oudstad", "41165432", "Dorpsstraat 1", "1234 AB Oudstad",
                                          "Nederland"))
    assert [(s["name"], s["kvk"], s["place"], s["country"]) for s in dutch["suppliers"]] == [
        ("Stichting Jeugdhulp Oudstad", "41165432", "Oudstad", "Nederland")]
    german = parse_html(ancient_contractor("Jugendhilfe Nord GmbH", "12345678", "Hauptstraße 5", "D-28195 Bremen",
                                           "Duitsland"))
    assert [(s["name"], s["kvk"], s["place"], s["country"]) for s in german["suppliers"]] == [
        ("Jugendhilfe Nord GmbH", None, "Bremen", "Duitsland")]
    assert any("12345678" in p and "not read as a KvK number" in p for p in german["problems"])


@pytest.mark.parametrize("after, has_tax", [(["Munt: EUR", "Zonder BTW"], 0), (["Munt: EUR", "Met BTW"], 1),
                                            (["Munt: EUR"], None), (["Munt: EUR", "Zonder BTW BTW-tarief (%): 21"], 0)])
def test_zonder_btw_on_a_line_of_its_own_says_the_value_is_exclusive_of_vat(after, has_tax):
    """Reference §3.2 (before 2016: "Waarde: 1268001 Munt: EUR Met BTW BTW-tarief (%): 19" or "… Munt: EUR Zonder
    BTW"): "Zonder BTW" printed on a line of its own after the value and its currency was read as nothing, so the
    award's ``value_has_tax`` was NULL (unsaid) where the notice says 0, as "Met BTW" on its own line says 1. Now it
    is 0, the value's text kept as printed. SYNTHETIC standard-form notice."""
    parsed = parse_html(standard_notice(["Waarde: 1 000 000,00", "Munt: EUR"],
                                        ["Totale waarde van de opdracht/het perceel: 1 000 000,00", *after]))
    assert [(a["value_cents"], a["value_has_tax"]) for a in parsed["awards"]] == [(100000000, has_tax)]
    assert [a["value_raw"] for a in parsed["awards"]][0].startswith("1 000 000,00")
