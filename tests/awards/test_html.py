"""Award notices' /html renderings (SYNTHETIC fixtures, both layouts) become lots, awards and winners."""

import json

import pytest

from tenderarchive.awards.html import detect_layout, parse_html, parse_response

from .conftest import html_of


def by_lot(rows):
    out = {}
    for row in rows:
        out.setdefault(row["lot_id"], []).append(row)
    return out


@pytest.fixture(scope="module")
def award():
    return parse_html(html_of(900102))


def test_layouts_are_detected_before_reading():
    assert detect_layout(html_of(900102)) == "eforms"
    assert detect_layout(html_of(900302)) == "standard"
    assert detect_layout("<p>Gunningsbeslissing</p>") == "unknown"
    unknown = parse_html("<p>Gunningsbeslissing: Stichting X, € 1.000.000</p>")
    assert unknown["layout"] == "unknown" and unknown["awards"] == [] and unknown["problems"]


def test_eforms_every_lot_with_estimate_title_and_status(award):
    lots = {lot["lot_id"]: lot for lot in award["lots"]}
    assert list(lots) == ["LOT-0001", "LOT-0002", "LOT-0003", "LOT-0004"]
    assert lots["LOT-0001"]["title"] == "Jeugd-GGZ" and lots["LOT-0001"]["estimated_cents"] == 130000000
    assert lots["LOT-0001"]["cpv"].startswith("85121270")
    assert [lots[k]["awarded"] for k in lots] == [1, 1, 0, 1]
    assert lots["LOT-0003"]["not_awarded_reason"].startswith("Er zijn geen inschrijvingen")
    assert lots["LOT-0004"]["estimated_cents"] is None and lots["LOT-0004"]["estimated_raw"] == "niet gepubliceerd"
    assert award["buyer"] == "Gemeente Voorbeeldstad"
    assert award["procedure"]["estimated_cents"] == 310000000
    assert award["procedure"]["total_awarded_cents"] == 203456789  # stored as printed, not summed from lots


def test_eforms_different_winners_per_lot_with_kvk_from_section_8(award):
    winners = {lot: [(s["name"], s["kvk"]) for s in rows] for lot, rows in by_lot(award["suppliers"]).items()}
    assert winners["LOT-0001"] == [("Stichting Jeugdhulp Noord", "01234567")]   # leading zero kept
    assert winners["LOT-0002"] == [("Jeugdzorg Zuid B.V.", "76543210"), ("Zorggroep Oost", None)]
    assert "LOT-0003" not in winners
    names = {s["name"] for s in award["suppliers"]}
    assert "Verliezer Zorg B.V." not in names          # a non-winner (6.1.3) is not a winner
    assert "Gemeente Voorbeeldstad" not in names       # the signing buyer is not a winner


def test_eforms_award_values_dates_counts_and_framework(award):
    awards = {a["lot_id"]: a for a in award["awards"]}
    one = awards["LOT-0001"]
    assert (one["value_cents"], one["value_raw"], one["value_currency"]) == (123456789, "1 234 567,89", "EUR")
    assert (one["award_date"], one["contract_date"], one["tenders_received"]) == ("2025-08-15", "2025-09-01", 4)
    lot1 = next(lot for lot in award["lots"] if lot["lot_id"] == "LOT-0001")
    assert json.loads(lot1["received_counts"]) == {"Inschrijvingen": 4, "Elektronisch ingediende inschrijvingen": 4}
    assert (lot1["lowest_tender_cents"], lot1["highest_tender_cents"]) == (110000000, 140000050)
    two = awards["LOT-0002"]
    assert two["winner_count"] == 2 and two["value_cents"] is None      # two winners: no single award value
    assert two["framework_maximum_cents"] == 80000000
    zero, missing = by_lot(award["suppliers"])["LOT-0002"]
    assert (zero["tender_value_cents"], zero["tender_value_raw"], zero["tender_value_placeholder"]) == (None, "0", 1)
    assert (missing["tender_value_cents"], missing["tender_value_raw"]) == (None, None)


def test_eforms_consortium_is_one_award_with_a_leader_and_members(award):
    rows = by_lot(award["suppliers"])["LOT-0004"]
    assert [(r["name"], r["group_leader"]) for r in rows] == \
        [("Stichting Kompas", 1), ("Horizon Jeugdzorg B.V.", 0), ("De Bascule", 0)]
    assert {r["group_name"] for r in rows} == {"Combinatie Samen Sterk"} and all(r["group_member"] for r in rows)
    assert rows[0]["kvk"] == "11223344"
    consortium = next(a for a in award["awards"] if a["lot_id"] == "LOT-0004")
    assert consortium["value_cents"] == 80000000 and consortium["winner_count"] == 3


def test_a_rectified_award_reads_the_corrected_value():
    rectified = parse_html(html_of(900103))
    assert next(a for a in rectified["awards"] if a["lot_id"] == "LOT-0001")["value_cents"] == 125000000
    assert not rectified["problems"]


def test_open_house_older_labels_dozens_of_winners_and_bracketed_names():
    result = parse_html(html_of(900201))
    assert len(result["awards"]) == 1
    (award,) = result["awards"]
    assert award["winner_count"] == 36 and len(result["suppliers"]) == 36
    assert award["value_cents"] is None and award["framework_maximum_cents"] == 11500000000
    assert award["contract_date"] == "2026-01-05" and award["tenders_received"] == 41
    names = [s["name"] for s in result["suppliers"]]
    assert names[0] == "Jeugdhulp Aan Zee B.V."                 # "[ … B.V. ] ---" unwrapped
    assert not any("[" in n or "---" in n for n in names)
    assert all(s["kvk"] and len(s["kvk"]) == 8 for s in result["suppliers"])   # matched to section 8 by name
    assert len({s["kvk"] for s in result["suppliers"]}) == 36
    assert result["procedure"]["framework_maximum_cents"] == 11500000000


def test_standard_form_group_award_not_awarded_lot_and_range():
    result = parse_html(html_of(900302))
    assert result["layout"] == "standard" and result["buyer"] == "Gemeente Voorbeeldstad"
    lots = {lot["lot_id"]: lot for lot in result["lots"]}
    assert [(k, lots[k]["awarded"]) for k in lots] == [("1", 1), ("2", 0), ("3", 1)]
    assert lots["1"]["title"] == "Diagnostiek en behandeling Ernstige Dyslexie"
    assert lots["1"]["estimated_cents"] == 190000000 and lots["1"]["tenders_received"] == 3
    awards = {a["lot_id"]: a for a in result["awards"]}
    assert (awards["1"]["value_cents"], awards["1"]["value_currency"], awards["1"]["contract_date"]) == \
        (180000000, "EUR", "2022-06-24")
    group = by_lot(result["suppliers"])["1"]
    assert [(s["name"], s["kvk"], s["place"]) for s in group] == [
        ("ECLG expertisecentrum leren & gedrag", "14063123", "Maastricht"), ("Berkel-B B.V.", None, "Lochem")]
    assert all(s["group_member"] for s in group)
    assert group[0]["tender_value_cents"] is None                 # the shared value stays on the award
    assert (awards["3"]["value_cents"], awards["3"]["value_low_cents"], awards["3"]["value_high_cents"]) == \
        (None, 100, 200)
    assert "Rechtbank Voorbeeld" not in {s["name"] for s in result["suppliers"]}   # VI.4.1 appeal body
    assert result["procedure"]["total_awarded_cents"] == 180000000


def test_english_rendering_is_read_with_the_english_labels():
    html = ('<table><tbody><tr class="header1"><th colspan="2">1. Buyer</th></tr>'
            '<tr class="header1"><th colspan="2">6. Results</th></tr>'
            '<tr class="header2"><th colspan="2">6.1 Result lot ldentifier: LOT-0001</th></tr>'
            '<tr><td colspan="2"><span class="label">At least one winner was chosen.</span></td></tr>'
            '<tr class="header3"><th colspan="2">6.1.2 Information about winners</th></tr>'
            '<tr><td colspan="2"><span class="label">Winner</span>:</td></tr>'
            '<tr><td><span class="label">Official name</span>: </td><td><span class="value">Care Ltd</span></td></tr>'
            '<tr><td colspan="2"><span class="label">Tender</span>:</td></tr>'
            '<tr><td><span class="label">Value of the tender</span>: </td><td><span class="value">250 000</span>'
            '<span class="dynamic-label">Euro</span></td></tr></tbody></table>')
    result = parse_html(html)
    assert result["language"] == "en"
    assert [(s["name"], s["tender_value_cents"]) for s in result["suppliers"]] == [("Care Ltd", 25000000)]


def test_section_8_names_the_winner_when_6_1_2_is_missing():
    html = ('<table><tbody><tr class="header1"><th colspan="2">6. Resultaten</th></tr>'
            '<tr class="header2"><th colspan="2">6.1 ID resultaat perceel: LOT-0007</th></tr>'
            '<tr class="header1"><th colspan="2">8. Organisaties</th></tr>'
            '<tr class="header2"><th colspan="2">8.1 ORG-0003</th></tr>'
            '<tr><td>Officiële naam:</td><td>Zorgpartner B.V.</td></tr>'
            '<tr><td>Registratienummer:</td><td>12345678</td></tr>'
            '<tr><td>Winnaar van deze percelen:</td><td>LOT-0007</td></tr></tbody></table>')
    result = parse_html(html)
    assert [(s["lot_id"], s["name"], s["kvk"], s["from_section_8"]) for s in result["suppliers"]] == \
        [("LOT-0007", "Zorgpartner B.V.", "12345678", 1)]


def test_section_8_names_every_winner_of_a_lot_when_6_1_2_is_missing():
    """Reference §2.5 (section 8 fallback) with §4 (several winners on one lot): two organisations
    "Winnaar van deze percelen: LOT-0007" are two winners of the lot, not the first one only."""
    org = ('<tr class="header2"><th colspan="2">8.1 {id}</th></tr>'
           '<tr><td><span class="label">Officiële naam</span><span class="text">: </span></td>'
           '<td><span class="value">{name}</span></td></tr>'
           '<tr><td><span class="label">Registratienummer</span><span class="text">: </span></td>'
           '<td><span class="value">{kvk}</span></td></tr>'
           '<tr><td><span class="label">Winnaar van deze percelen</span><span class="text">: </span></td>'
           '<td><span class="value">{lots}</span></td></tr>')
    html = ('<table><tbody><tr class="header1"><th colspan="2">6. Resultaten</th></tr>'
            '<tr class="header2"><th colspan="2">6.1 ID resultaat perceel: LOT-0007</th></tr>'
            '<tr class="header2"><th colspan="2">6.1 ID resultaat perceel: LOT-0008</th></tr>'
            '<tr class="header1"><th colspan="2">8. Organisaties</th></tr>'
            + org.format(id="ORG-0003", name="Zorgpartner B.V.", kvk="12345678", lots="LOT-0007, LOT-0008")
            + org.format(id="ORG-0004", name="Jeugdhulp Twee", kvk="87654321", lots="LOT-0007")
            + '</tbody></table>')
    result = parse_html(html)
    assert [(s["lot_id"], s["name"], s["kvk"], s["from_section_8"]) for s in result["suppliers"]] == [
        ("LOT-0007", "Zorgpartner B.V.", "12345678", 1), ("LOT-0007", "Jeugdhulp Twee", "87654321", 1),
        ("LOT-0008", "Zorgpartner B.V.", "12345678", 1)]
    assert [(a["lot_id"], a["winner_count"]) for a in result["awards"]] == [("LOT-0007", 2), ("LOT-0008", 1)]


def test_what_cannot_be_read_is_reported_not_invented():
    html = ('<table><tbody><tr class="header1"><th colspan="2">6. Resultaten</th></tr>'
            '<tr><td>Onbekend bedrag:</td><td><span class="value">5 000 000</span></td></tr>'
            '<tr class="header2"><th colspan="2">6.1 ID resultaat perceel: LOT-0001</th></tr>'
            '<tr><td colspan="2"><span class="label">Winnaar</span></td></tr></tbody></table>')
    result = parse_html(html)
    assert result["suppliers"] == []
    assert any("unread amount" in p for p in result["problems"])
    assert any("without an official name" in p for p in result["problems"])


@pytest.mark.parametrize("body", [b"", b"not json", b"[]", b'{"html": ""}', b'{"html": 5}', b'{"htm', None])
def test_a_malformed_envelope_is_a_problem_never_an_exception(body):
    result = parse_response(body)
    assert result["awards"] == [] and result["problems"]


def test_truncated_or_broken_markup_never_raises():
    full = html_of(900102)
    for cut in range(0, len(full), max(1, len(full) // 60)):
        result = parse_response(json.dumps({"html": full[:cut]}))
        assert isinstance(result["problems"], list)
    broken = parse_html('<table><tr class="header1"><th>6. Resultaten<tr class="header2"><th>6.1 : <td><<>>')
    assert broken["layout"] == "eforms"


def test_the_json_envelope_is_unwrapped():
    result = parse_response(json.dumps({"html": html_of(900102)}).encode())
    assert result["layout"] == "eforms" and len(result["awards"]) == 3 and result["problems"] == []


def test_deeply_nested_envelopes_and_absurd_counts_are_problems_not_exceptions():
    """Hostile input (issue 13): JSON nested deeper than Python's stack, and a tender count no SQLite
    integer holds, are reported as problems."""
    from tenderarchive.awards.html import tender_count

    deep = parse_response(b"[" * 100_000 + b"]" * 100_000)
    assert deep["awards"] == [] and "envelope is not JSON" in deep["problems"][0]
    assert tender_count("12 inschrijvingen") == 12
    assert tender_count("3100000000113000000002900000") is None and tender_count("geen") is None


def test_only_the_start_of_a_very_long_name_is_folded():
    from tenderarchive.awards.names import MAX_NAME, name_key

    long = "Stichting " + "Jeugdhulp " * 100_000
    assert name_key(long) == name_key(long[:MAX_NAME])


def test_a_foreign_winners_8_digit_registration_number_is_not_a_kvk_number():
    """Reference §4 (Dutch KvK number): 8 digits, but "foreign winners have other ids" — a Danish CVR
    number has 8 digits too. eForms section 8 ("Registratienummer" with "Land") and the older form's
    V.2.3 ("Nationale identificatie" with "Land"): the number is kept out of ``kvk`` and recorded."""
    row = ('<tr><td><span class="label">{}</span><span class="text">: </span></td>'
           '<td><span class="value">{}</span></td></tr>')
    eforms = ('<table><tbody><tr class="header1"><th colspan="2">6. Resultaten</th></tr>'
              '<tr class="header2"><th colspan="2">6.1 ID resultaat perceel: LOT-0001</th></tr>'
              '<tr class="header3"><th colspan="2">6.1.2 Informatie over winnaars</th></tr>'
              '<tr><td colspan="2"><span class="label">Winnaar</span><span class="text">:</span></td></tr>'
              + row.format("Officiële naam", "Dansk Børneomsorg ApS")
              + '<tr><td colspan="2"><span class="label">Winnaar</span><span class="text">:</span></td></tr>'
              + row.format("Officiële naam", "Jeugdhulp Noord B.V.")
              + '<tr class="header1"><th colspan="2">8. Organisaties</th></tr>'
              '<tr class="header2"><th colspan="2">8.1 ORG-0002</th></tr>'
              + row.format("Officiële naam", "Dansk Børneomsorg ApS") + row.format("Registratienummer", "31415926")
              + row.format("Land", "Denemarken")
              + '<tr class="header2"><th colspan="2">8.1 ORG-0003</th></tr>'
              + row.format("Officiële naam", "Jeugdhulp Noord B.V.") + row.format("Registratienummer", "01234567")
              + row.format("Land", "Nederland") + '</tbody></table>')
    result = parse_html(eforms)
    assert [(s["name"], s["kvk"], s["country"]) for s in result["suppliers"]] == [
        ("Dansk Børneomsorg ApS", None, "Denemarken"), ("Jeugdhulp Noord B.V.", "01234567", "Nederland")]
    assert any("31415926" in p and "Denemarken" in p for p in result["problems"])

    standard = ('<div id="publicatie"><h3 class="section-header-1">Afdeling V: <span>Gunning van een opdracht</span></h3>'
                '<p>Opdracht nr.: 1<br />Perceel nr.: -<br />Benaming: Jeugdhulp</p>'
                '<h5 class="subsection"><span class="subsection-number">V.2.3)</span> '
                '<span class="section-header-3">Naam en adres van de contractant</span></h5>'
                '<dl class="subsection"><dt>Officiële benaming:</dt><dd>Dansk Børneomsorg ApS</dd>'
                '<dt>Nationale identificatie:</dt><dd>31415926</dd><dt>Plaats:</dt><dd>Aarhus</dd>'
                '<dt>Land:</dt><dd>Denemarken</dd></dl>'
                '<h3 class="section-header-1">Afdeling VI: <span>Aanvullende inlichtingen</span></h3></div>')
    result = parse_html(standard)
    assert [(s["name"], s["kvk"], s["place"]) for s in result["suppliers"]] == [("Dansk Børneomsorg ApS", None, "Aarhus")]
    assert any("31415926" in p for p in result["problems"])


def test_a_rendering_in_another_language_is_named_a_problem_not_read_as_dutch():
    """Reference §2.1: renderings come in the notice's own language — Dutch, English, and others
    (WAI has a German test). Dutch, English, German and French labels are known (German since round 11, French since
    round 12, tests/awards/test_html_variants.py): an Italian rendering (SYNTHETIC, the eForms SDK's Italian labels)
    is not stamped "nl", and that its labels are not read is recorded."""
    html = ('<table><tbody><tr class="header1"><th colspan="2">1. Committente</th></tr>'
            '<tr class="header1"><th colspan="2">6. Risultati</th></tr>'
            '<tr class="header2"><th colspan="2">6.1 Identificativo del risultato del lotto: LOT-0001</th></tr>'
            '<tr><td colspan="2"><span class="label">Vincitore</span><span class="text">:</span></td></tr>'
            '<tr><td><span class="label">Nome ufficiale</span><span class="text">: </span></td>'
            '<td><span class="value">Cure S.r.l.</span></td></tr></tbody></table>')
    result = parse_html(html)
    assert result["language"] is None and result["awards"] == []
    assert any("language" in p and "Committente" in p for p in result["problems"])
    dutch = parse_html(html_of(900102))
    assert dutch["language"] == "nl" and dutch["problems"] == []


ANCIENT = (  # SYNTHETIC, shaped after reference §3.2 (DW's handler of TenderNed pages before 2016)
    '<div id="publicatie"><h3 class="section-header-1">Afdeling I: <span>Aanbestedende dienst</span></h3>'
    '<dl><dt>Officiële benaming:</dt><dd>Gemeente Oudstad</dd></dl>'
    '<h3 class="section-header-1">Afdeling V: <span>Gunning van de opdracht</span></h3>'
    '<p>PERCEEL nr. 1<br />BENAMING: Ambulante jeugdhulp</p>'
    '<h4 class="section-header-2">V.1) <span>Datum van de gunning</span></h4><p>03/02/2014</p>'
    '<h4 class="section-header-2">V.2) <span>Aantal ontvangen inschrijvingen</span></h4>'
    '<p>Aantal ontvangen inschrijvingen: 4<br />Aantal langs elektronische weg ontvangen inschrijvingen: -</p>'
    '<h4 class="section-header-2">V.3) <span>Naam en adres van de ondernemer aan wie de opdracht is gegund</span></h4>'
    '<p>Stichting Jeugdhulp Oudstad<br />41165432<br />Dorpsstraat 1<br />1234 AB Oudstad<br />Nederland</p>'
    '<h4 class="section-header-2">V.4) <span>Informatie over de waarde van de opdracht</span></h4>'
    '<p>Aanvankelijke geraamde totale waarde van de opdracht:<br />Waarde: 1500000 Munt: EUR Zonder BTW<br />'
    'Totale definitieve waarde van de opdracht:<br />Waarde: 1268001 Munt: EUR Met BTW BTW-tarief (%): 19</p>'
    '<h4 class="section-header-2">V.5) <span>Onderaanneming</span></h4><p>neen</p>'
    '<p>PERCEEL nr. 2<br />BENAMING: Jeugdhulp met verblijf</p>'
    '<h4 class="section-header-2">V.2) <span>Aantal ontvangen inschrijvingen</span></h4>'
    '<p>Aantal ontvangen inschrijvingen: 2<br />Aantal langs elektronische weg ontvangen inschrijvingen: 2</p>'
    '<h4 class="section-header-2">V.3) <span>Naam en adres van de ondernemer aan wie de opdracht is gegund</span></h4>'
    '<p>Zorggroep Verblijf B.V.<br />Kerkweg 2<br />5678 CD Nieuwdorp</p>'
    '<h4 class="section-header-2">V.4) <span>Informatie over de waarde van de opdracht</span></h4>'
    '<p>Totale definitieve waarde van de opdracht:<br />'
    'Laagste offerte: 173400 en hoogste offerte: 223995 Munt: EUR Zonder BTW</p>'
    '<h3 class="section-header-1">Afdeling VI: <span>Aanvullende inlichtingen</span></h3>'
    '<dl><dt>Officiële benaming:</dt><dd>Rechtbank Voorbeeld</dd></dl></div>')


def test_a_page_before_2016_is_read_lot_by_lot_not_taken_for_a_non_award():
    """Reference §3.2: before 2016 "PERCEEL nr." / "BENAMING:", V.2 "Aantal ontvangen inschrijvingen:",
    V.3 the contractor as lines (name, an optional id, the address), V.4 "Aanvankelijke geraamde totale
    waarde van de opdracht:" and "Totale definitieve waarde van de opdracht:" with the value on the next
    line ("Waarde: … Munt: EUR Met BTW …" or a Laagste/hoogste range). V.1 there is not "Inlichtingen over
    niet-gunning" (the 2016 form's): it was read as a lot not awarded, with its date as the reason."""
    result = parse_html(ANCIENT)
    assert result["layout"] == "standard" and result["buyer"] == "Gemeente Oudstad"
    lots = {lot["lot_id"]: lot for lot in result["lots"]}
    assert [(k, lots[k]["title"], lots[k]["awarded"], lots[k]["not_awarded_reason"]) for k in lots] == [
        ("1", "Ambulante jeugdhulp", 1, None), ("2", "Jeugdhulp met verblijf", 1, None)]
    assert (lots["1"]["tenders_received"], lots["2"]["tenders_received"]) == (4, 2)
    assert lots["1"]["estimated_cents"] == 150000000 and lots["1"]["estimated_currency"] == "EUR"
    assert [(s["lot_id"], s["name"], s["kvk"]) for s in result["suppliers"]] == [
        ("1", "Stichting Jeugdhulp Oudstad", "41165432"), ("2", "Zorggroep Verblijf B.V.", None)]
    awards = {a["lot_id"]: a for a in result["awards"]}
    assert (awards["1"]["value_cents"], awards["1"]["value_currency"], awards["1"]["award_date"]) == \
        (126800100, "EUR", "2014-02-03")
    assert (awards["2"]["value_cents"], awards["2"]["value_low_cents"], awards["2"]["value_high_cents"]) == \
        (None, 17340000, 22399500)
    assert any("BTW" in p and "1268001" in p for p in result["problems"])   # a value with VAT is named


def test_an_official_name_in_a_winner_block_is_never_dropped_for_a_party_name_or_a_leader():
    """Reference §2.5 (consortium): "Officiële naam" is printed only when the tendering party has one
    organisation — so beside a "Naam van de aanbiedende partij" it is that one winner, not a group; and
    where the SDK template prints a consortium's non-leaders under "Officiële naam" after "Leider van de
    inschrijver", they are the members. Both names were dropped."""
    row = ('<tr><td><span class="label">{}</span><span class="text">: </span></td>'
           '<td><span class="value">{}</span></td></tr>')
    winner = '<tr><td colspan="2"><span class="label">Winnaar</span><span class="text">:</span></td></tr>'
    html = ('<table><tbody><tr class="header1"><th colspan="2">6. Resultaten</th></tr>'
            '<tr class="header2"><th colspan="2">6.1 ID resultaat perceel: LOT-0001</th></tr>'
            '<tr class="header3"><th colspan="2">6.1.2 Informatie over winnaars</th></tr>'
            + winner + row.format("Naam van de aanbiedende partij", "Jeugdzorg Partners")
            + row.format("Officiële naam", "Jeugdzorg Partners Noord B.V.")
            + winner + row.format("Naam van de aanbiedende partij", "Combinatie Samen")
            + row.format("Leider van de inschrijver", "Stichting Anker")
            + row.format("Officiële naam", "Stichting Baken, Zorgboerderij De Klomp")
            + '</tbody></table>')
    result = parse_html(html)
    assert [(s["name"], s["group_name"], s["group_member"], s["group_leader"]) for s in result["suppliers"]] == [
        ("Jeugdzorg Partners Noord B.V.", None, 0, None),
        ("Stichting Anker", "Combinatie Samen", 1, 1),
        ("Stichting Baken", "Combinatie Samen", 1, 0),
        ("Zorgboerderij De Klomp", "Combinatie Samen", 1, 0)]
    assert result["awards"][0]["winner_count"] == 4


def test_an_older_form_lot_awarded_in_two_contracts_keeps_both():
    """Reference §3.1: one "Afdeling V: Gunning van een opdracht" block per contract or lot (the heading
    repeats). Two contracts of one lot ("Opdracht nr.: 1" and "2", both "Perceel nr.: 1") are two
    awards of the lot, each with its contractor and value; the earlier block was dropped."""
    def block(contract, name, value, date):
        return ('<h3 class="section-header-1">Afdeling V: <span>Gunning van een opdracht</span></h3>'
                f'<p class="subsection-content">Opdracht nr.: {contract}<br />Perceel nr.: 1<br />'
                'Benaming: Jeugdhulp met verblijf</p>'
                '<p class="subsection-content">Een opdracht/perceel wordt gegund: ja</p>'
                '<h5 class="subsection"><span class="subsection-number">V.2.1)</span> '
                '<span class="section-header-3">Datum van de sluiting van de overeenkomst: </span></h5>'
                f'<p class="subsection-content">{date}</p>'
                '<h5 class="subsection"><span class="subsection-number">V.2.3)</span> '
                '<span class="section-header-3">Naam en adres van de contractant</span></h5>'
                f'<dl class="subsection"><dt>Officiële benaming:</dt><dd>{name}</dd></dl>'
                '<h5 class="subsection"><span class="subsection-number">V.2.4)</span> <span class="section-header-3">'
                'Inlichtingen over de waarde van de opdracht/het perceel (exclusief btw)</span></h5>'
                f'<p class="subsection-content">Totale waarde van de opdracht/het perceel: {value}</p>'
                '<p class="subsection-content">Munt: EUR</p>')
    html = ('<div id="publicatie"><h3 class="section-header-1">Afdeling I: <span>Aanbestedende dienst</span></h3>'
            + block(1, "Stichting Verblijf Noord", "500 000,00", "01/03/2022")
            + block(2, "Stichting Verblijf Zuid", "300 000,00", "15/03/2022")
            + '<h3 class="section-header-1">Afdeling VI: <span>Aanvullende inlichtingen</span></h3></div>')
    result = parse_html(html)
    assert [(lot["lot_id"], lot["awarded"]) for lot in result["lots"]] == [("1", 1)]
    assert [(a["lot_id"], a["value_cents"], a["contract_date"], a["winner_count"]) for a in result["awards"]] == [
        ("1", 50000000, "2022-03-01", 1), ("1", 30000000, "2022-03-15", 1)]
    assert [(s["name"], s["award_index"]) for s in result["suppliers"]] == [
        ("Stichting Verblijf Noord", 0), ("Stichting Verblijf Zuid", 1)]
    assert not result["problems"]


@pytest.mark.parametrize("encode", [
    lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),   # a UTF-8 BOM before the envelope
    lambda text: text.encode("utf-16"),                    # UTF-16 with its BOM (JSON's other encodings)
    lambda text: "\ufeff" + text,                          # text with the BOM left in
])
def test_an_envelope_with_a_byte_order_mark_is_read(encode):
    """A BOM failed the JSON parse: the award notice was archived with no awards and a problem,
    in a complete crawl, and its /html was never asked again."""
    plain = parse_response(json.dumps({"html": html_of(900102)}))
    marked = parse_response(encode(json.dumps({"html": html_of(900102)})))
    assert marked["awards"] and marked == plain


def test_clean_tries_the_bracket_pattern_only_on_a_bracketed_text(monkeypatch):
    """Issue 14: every cell of every rendering is cleaned; the older rendering's "[ name ] ---" is
    unwrapped as before, and a text that does not start with "[" skips that pattern."""
    import re

    from tenderarchive.awards import html as module

    def reference(text):  # the two substitutions as they were written before
        text = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()
        return re.sub(r"^\[\s*(.*?)\s*\]\s*-*$", r"\1", text) or None

    texts = ["[ Marsh B.V. ] ---", "  [Zorg\u00a0Noord]  ", "[ a ] b ]", "Jeugdhulp [perceel 2]", "", " \n ",
             "[]", "[ ]--", "Stichting\tJeugd\n Zuid", "[ half open", "x ] ---"]
    assert [module._clean(t) for t in texts] == [reference(t) for t in texts]
    tried = []

    class Counting:
        def sub(self, replacement, text):
            tried.append(text)
            return re.sub(r"^\[\s*(.*?)\s*\]\s*-*$", replacement, text)

    monkeypatch.setattr(module, "_BRACKETED", Counting())
    assert module._clean(" Zorgaanbieder  Oost ") == "Zorgaanbieder Oost" and tried == []
    assert module._clean("[ Marsh B.V. ] ---") == "Marsh B.V." and tried == ["[ Marsh B.V. ] ---"]


def test_the_body_the_spider_checked_is_not_unwrapped_again(monkeypatch):
    """Issue 14: the spider unwraps an award notice's /html (is it a rendering?), then the awards
    pipeline parses the same body: its JSON envelope was decoded twice and its layout searched
    twice. The same object is read once; another body (even equal) is read on its own."""
    import json

    from tenderarchive.awards import html as module

    unwrapped, searched = [], []
    real_unwrap, real_layout = module._unwrap, module._detect_layout
    monkeypatch.setattr(module, "_unwrap", lambda body: unwrapped.append(body) or real_unwrap(body))
    monkeypatch.setattr(module, "_detect_layout", lambda html: searched.append(html) or real_layout(html))
    rendering = '<table><tr class="header1"><td>1. Koper</td></tr></table>'  # synthetic
    body = json.dumps({"html": rendering}).encode()
    html, problems = module.unwrap(body)  # the spider's check
    assert module.detect_layout(html) == "eforms"
    problems.append("changed by the caller")
    result = module.parse_response(body)  # the awards pipeline
    assert (len(unwrapped), len(searched)) == (1, 1)
    assert result["layout"] == "eforms" and result["problems"] == module.parse_html(rendering)["problems"]
    module.parse_response(bytes(bytearray(body)))  # an equal body of its own
    assert len(unwrapped) == 2
    assert module.unwrap(b"not json")[0] is None and module.unwrap(b"not json")[1][0].startswith("envelope is not JSON")


def test_a_batch_of_bodies_the_spider_checked_is_not_unwrapped_again_by_the_pipeline(monkeypatch):
    """Issue 14, round 38: a one-process reparse runs the awards pipeline over batches of 64 items
    (``replay.direct.BATCH``), so the spider's checks of the other 63 notices come between a body's
    check and its pipeline read: a cache of the last body alone missed every time, and each envelope
    was decoded twice and each layout searched twice. Bodies read lately are read once, within a
    bound on their number and size; an equal body of its own, or one let go, is read again."""
    import json

    from tenderarchive.awards import html as module
    from tenderarchive.replay.direct import BATCH

    monkeypatch.setattr(module, "_UNWRAPPED", module._ByIdentity(entries=160, chars=1 << 20))
    monkeypatch.setattr(module, "_LAYOUTS", module._ByIdentity(entries=160, chars=1 << 20))
    unwrapped, searched = [], []
    real_unwrap, real_layout = module._unwrap, module._detect_layout
    monkeypatch.setattr(module, "_unwrap", lambda body: unwrapped.append(body) or real_unwrap(body))
    monkeypatch.setattr(module, "_detect_layout", lambda html: searched.append(html) or real_layout(html))
    bodies = [json.dumps({"html": f'<table><tr class="header1"><td>{n}. Koper</td></tr></table>'}).encode()
              for n in range(BATCH)]  # synthetic
    for body in bodies:  # the spider's checks, the batch filling
        html, problems = module.unwrap(body)
        assert module.detect_layout(html) == "eforms" and problems == []
        problems.append("changed by the caller")
    for body in bodies:  # the awards pipeline over the batch
        assert module.parse_response(body)["layout"] == "eforms"
        assert module.unwrap(body)[1] == []
    assert (len(unwrapped), len(searched)) == (BATCH, BATCH)
    module.unwrap(bytes(bytearray(bodies[0])))  # an equal body of its own
    assert len(unwrapped) == BATCH + 1
    # bounded: the oldest let go past the number of entries or the characters held; a longer body not kept
    small = module._ByIdentity(entries=2, chars=10)
    keys = [b"abc", b"defg", b"hij", b"0123456789x"]
    for key in keys:
        small.put(key, key.upper())
    assert [small.get(key) for key in keys] == [None, b"DEFG", b"HIJ", None] and small.size == 7
    small.put(b"0123456", 1)
    assert small.get(keys[1]) is None and small.get(keys[2]) == b"HIJ" and small.size == 10


def test_the_spiders_check_and_the_pipeline_read_a_rendering_once(monkeypatch):
    """The spider parses an award notice's rendering to see whether it names a winner
    (``TenderNedSpider.names_no_winner``), then the awards pipeline parses the same body for its rows
    (issue 14: a 64 KB rendering is 12–24 ms a parse). The second parse is the first's result, as
    a copy of its own: what one caller changes (the pipeline adds problems) the other never sees."""
    from tenderarchive.awards import html as html_module, html_eforms

    monkeypatch.setattr(html_module, "_LAST_PARSED", [None, b""], raising=False)  # whatever an earlier test read
    reads = []
    parse = html_eforms.EFormsReader.parse
    monkeypatch.setattr(html_eforms.EFormsReader, "parse", lambda self: reads.append(1) or parse(self))
    body = json.dumps({"html": html_of(900201)}).encode()
    checked = parse_html(json.loads(body)["html"])       # the spider's check: the same text, another object
    checked["problems"].append("changed by its reader")
    checked["awards"].clear()
    rows = parse_response(body)                           # the awards pipeline
    assert len(reads) == 1
    assert rows["awards"] and "changed by its reader" not in rows["problems"]
    assert rows == parse_response(body) and rows is not parse_response(body)
    other = parse_html(html_of(900102))                   # another rendering is read
    assert len(reads) == 2 and other["buyer"] == "Gemeente Voorbeeldstad"


def test_a_batch_of_award_renderings_the_spider_checked_is_not_parsed_again_by_the_pipeline(monkeypatch):
    """Round 38 of issue 14: in a one-process reparse the awards pipeline parses a batch of 64 items
    after the spider checked each award notice's rendering (``names_no_winner``), so the last rendering
    kept alone missed for all but one of them: each parsed twice (a 17 KB rendering ≈ 5 ms). The
    pipeline's text is the object the spider checked (``unwrap`` hands out the one it read): parsed
    once, each caller given its own copy."""
    from spiders.tenderned import TenderNedSpider
    from tenderarchive.awards import html as html_module, html_eforms
    from tenderarchive.replay.direct import BATCH

    monkeypatch.setattr(html_module, "_LAST_PARSED", [None, b""], raising=False)
    monkeypatch.setattr(html_module, "_PARSED", html_module._ByIdentity(entries=160, chars=16 << 20), raising=False)
    reads = []
    parse = html_eforms.EFormsReader.parse
    monkeypatch.setattr(html_eforms.EFormsReader, "parse", lambda self: reads.append(1) or parse(self))
    bodies = [json.dumps({"html": html_of(900201) + f"<!-- {n} -->"}).encode() for n in range(BATCH)]
    for body in bodies:  # the spider's /html callback: a rendering, and does it name a winner?
        html, _ = html_module.unwrap(body)
        assert html_module.detect_layout(html) == "eforms" and not TenderNedSpider.names_no_winner(html)
    checked = parse_html(html_module.unwrap(bodies[0])[0])
    checked["awards"].clear()
    rows = [parse_response(body) for body in bodies]  # the awards pipeline over the batch
    assert len(reads) == BATCH
    assert all(row["awards"] for row in rows) and rows[0] == parse_response(bodies[0])


def test_a_named_winner_beside_a_nameless_one_keeps_its_value_as_its_own_not_the_lots():
    """Reference §2.5 ("No name. A winner block without any name occurs": report it, do not invent one) and
    §4 (several winners per lot, each with its own value). SYNTHETIC rows: a lot with two winner blocks,
    one named (€ 500.000) and one without a name (€ 400.000). The named winner was taken for the lot's only
    winner: its tender value became the award's value (the lot's, summed as the procedure's awarded value)
    and the award counted one winner; the nameless winner's value was dropped without a word. Now the award
    has no value of its own, counts the nameless winner as one not named (``unnamed_winners``, its value in
    ``unnamed_value_*``, as an OCDS award id with a value and no supplier is read; not in ``winner_count``), and the
    problem names the value the nameless one printed."""
    from tests.fixtures.awards.make_fixtures import amount, h1, h2, h3, only, row, table

    read = parse_html(table([
        h1("1. Koper"), row("Officiële naam", "Gemeente Voorbeeld"), h1("6. Resultaten"),
        h2("6.1", "ID resultaat perceel", "LOT-0001"), h3("6.1.2 Informatie over winnaars"),
        only("Winnaar"), row("Officiële naam", "Jeugdhulp Noord B.V."),
        only("Inschrijving"), amount("Waarde van de aanbesteding", "500 000"),
        only("Winnaar"), only("Inschrijving"), amount("Waarde van de aanbesteding", "400 000")]))
    assert [(a["lot_id"], a["value_cents"], a["winner_count"], a["unnamed_winners"], a["unnamed_value_cents"],
             a["unnamed_value_raw"]) for a in read["awards"]] == [("LOT-0001", None, 1, 1, 40000000, "400 000")]
    assert [(s["name"], s["tender_value_cents"]) for s in read["suppliers"]] == [("Jeugdhulp Noord B.V.", 50000000)]
    assert "LOT-0001: 1 winner(s) without an official name (tender value '400 000')" in read["problems"]

    alone = parse_html(table([
        h1("1. Koper"), h1("6. Resultaten"), h2("6.1", "ID resultaat perceel", "LOT-0001"),
        h3("6.1.2 Informatie over winnaars"), only("Winnaar"), row("Officiële naam", "Jeugdhulp Noord B.V."),
        only("Inschrijving"), amount("Waarde van de aanbesteding", "500 000")]))
    assert [(a["value_cents"], a["winner_count"], a.get("unnamed_winners")) for a in alone["awards"]] == [
        (50000000, 1, None)]


def test_a_nameless_winner_beside_a_named_one_takes_the_name_section_8_gives_the_lots_other_winner():
    """Reference §4 (several winners per lot), §2.5 ("a winner block without any name occurs"; section 8 "lists
    every organisation again": its "Winnaar van deze percelen" names the lot's winners). SYNTHETIC rows: LOT-0001
    has a named winner (€ 300.000) and a winner block without a name (€ 200.000); section 8 names both firms winners
    of LOT-0001. Section 8 was read only for a lot naming no winner at all, so the second winner, its KvK number and
    its value were lost and it was reported nameless. Where section 8 leaves more winners than nameless blocks,
    which is which is not said, and nothing is guessed."""
    from tests.fixtures.awards.make_fixtures import amount, h1, h2, h3, only, org, row, table

    lot = [h1("1. Koper"), row("Officiële naam", "Gemeente Voorbeeld"), h1("6. Resultaten"),
           h2("6.1", "ID resultaat perceel", "LOT-0001"), only("Er is ten minste één winnaar gekozen."),
           h3("6.1.2 Informatie over winnaars"),
           only("Winnaar"), row("Officiële naam", "Jeugdhulp Noord B.V."),
           only("Inschrijving"), amount("Waarde van de aanbesteding", "300 000"),
           only("Winnaar"), only("Inschrijving"), amount("Waarde van de aanbesteding", "200 000"),
           h1("8. Organisaties"), *org(1, "Gemeente Voorbeeld", None, "Voorbeeld"),
           *org(2, "Jeugdhulp Noord BV", "01234567", "Assen", ["LOT-0001"]),
           *org(3, "Stichting Zorg Oost", "12345678", "Enschede", ["LOT-0001"])]
    read = parse_html(table(lot))
    assert [(s["name"], s["kvk"], s["tender_value_cents"], s["from_section_8"]) for s in read["suppliers"]] == [
        ("Jeugdhulp Noord B.V.", "01234567", 30000000, 0), ("Stichting Zorg Oost", "12345678", 20000000, 1)]
    assert [(a["lot_id"], a["value_cents"], a["winner_count"]) for a in read["awards"]] == [("LOT-0001", None, 2)]
    assert not read["problems"]

    two_left = parse_html(table([*lot, *org(4, "Zorggroep West", "23456789", "Leiden", ["LOT-0001"])]))
    assert [s["name"] for s in two_left["suppliers"]] == ["Jeugdhulp Noord B.V."]
    assert "LOT-0001: 1 winner(s) without an official name (tender value '200 000')" in two_left["problems"]
    # the named winner printed under its trade name with its KvK number is section 8's firm of that number
    trade = parse_html(table([r.replace('<span class="value">Jeugdhulp Noord B.V.</span>',
                                        '<span class="value">JN Zorg</span></td></tr><tr><td><span class="label">'
                                        'Registratienummer</span><span class="text">: </span></td><td>'
                                        '<span class="value">01234567</span>') for r in lot]))
    assert [(s["name"], s["tender_value_cents"]) for s in trade["suppliers"]] == [
        ("JN Zorg", 30000000), ("Stichting Zorg Oost", 20000000)]


def test_nameless_winner_blocks_printing_their_kvk_numbers_take_section_8s_winners_of_those_numbers():
    """Reference §2.5 (a winner block without a name occurs; section 8 gives the lot's winners and their
    "Registratienummer") and §4 (a KvK number is a winner's identity, several winners per lot). SYNTHETIC rows: two
    nameless winner blocks of LOT-0001, each printing its own registration number and tender value; section 8 lists
    the two winners in the other order. Each block took section 8's winners in section 8's order: each winner was
    archived with the other's KvK number and tender value. Each block is now the winner of its own number, whether
    the lot names another winner or none."""
    from tests.fixtures.awards.make_fixtures import amount, h1, h2, h3, only, org, row, table

    def notice(*named):
        return table([
            h1("1. Koper"), row("Officiële naam", "Gemeente Voorbeeld"), h1("6. Resultaten"),
            h2("6.1", "ID resultaat perceel", "LOT-0001"), only("Er is ten minste één winnaar gekozen."),
            h3("6.1.2 Informatie over winnaars"), *named,
            only("Winnaar"), row("Registratienummer", "01234567"),
            only("Inschrijving"), amount("Waarde van de aanbesteding", "500 000"),
            only("Winnaar"), row("Registratienummer", "12345678"),
            only("Inschrijving"), amount("Waarde van de aanbesteding", "200 000"),
            h1("8. Organisaties"), *org(1, "Gemeente Voorbeeld", None, "Voorbeeld"),
            *org(2, "Stichting Zorg Oost", "12345678", "Enschede", ["LOT-0001"]),
            *org(3, "Jeugdhulp Noord B.V.", "01234567", "Assen", ["LOT-0001"]),
            *org(4, "Zorggroep West", "23456789", "Leiden", ["LOT-0001"] if named else None)])

    alone = parse_html(notice())
    assert sorted((s["name"], s["kvk"], s["tender_value_cents"]) for s in alone["suppliers"]) == [
        ("Jeugdhulp Noord B.V.", "01234567", 50000000), ("Stichting Zorg Oost", "12345678", 20000000)]
    beside = parse_html(notice(only("Winnaar"), row("Officiële naam", "Zorggroep West"),
                               only("Inschrijving"), amount("Waarde van de aanbesteding", "100 000")))
    assert sorted((s["name"], s["kvk"], s["tender_value_cents"]) for s in beside["suppliers"]) == [
        ("Jeugdhulp Noord B.V.", "01234567", 50000000), ("Stichting Zorg Oost", "12345678", 20000000),
        ("Zorggroep West", "23456789", 10000000)]
    assert not alone["problems"] and not beside["problems"]


def test_each_winner_of_a_lot_keeps_its_own_award_and_contract_dates():
    """Reference §8.4 ("One row per … lot id, winner. Keep … the date the winner was chosen and the contract
    date") and §4 (several winners per lot). SYNTHETIC rows: a lot won by two parties, each with its own
    contract, chosen and signed on other days. The lot's award (one row) keeps the first winner's dates, and the
    second winner's dates and contract were nowhere; each winner's row now carries its own. A winner giving
    none has the lot's where the form gives one per lot (the older forms), never another winner's."""
    from tests.fixtures.awards.make_fixtures import amount, h1, h2, h3, only, row, table

    def winner(name, contract, chosen, signed):
        return [only("Winnaar"), row("Officiële naam", name), only("Inschrijving"),
                amount("Waarde van de aanbesteding", "900 000"), only("Informatie over het contract"),
                row("Identificatiecode van het contract", contract), row("Datum waarop de winnaar is gekozen", chosen),
                row("Datum van sluiting van het contract", signed)]

    read = parse_html(table([
        h1("1. Koper"), h1("6. Resultaten"), h2("6.1", "ID resultaat perceel", "LOT-0001"),
        h3("6.1.2 Informatie over winnaars"), *winner("Alfa Jeugdhulp B.V.", "CON-0001", "01/03/2025", "15/03/2025"),
        *winner("Beta Jeugdzorg B.V.", "CON-0002", "02/03/2025", "20/04/2025"),
        only("Winnaar"), row("Officiële naam", "Gamma Zorg B.V.")]))
    assert [(a["award_date"], a["contract_date"], a["contract_id"]) for a in read["awards"]] == [
        ("2025-03-01", "2025-03-15", "CON-0001; CON-0002")]
    assert [(s["name"], s["award_date"], s["contract_date"], s["contract_id"]) for s in read["suppliers"]] == [
        ("Alfa Jeugdhulp B.V.", "2025-03-01", "2025-03-15", "CON-0001"),
        ("Beta Jeugdzorg B.V.", "2025-03-02", "2025-04-20", "CON-0002"),
        ("Gamma Zorg B.V.", None, None, None)]


def test_a_lots_only_winner_with_a_range_as_its_tender_value_gives_the_award_that_range():
    """Reference §4 (ranges: neither end is the award value), §8.4/§8.5 (values kept with their printed text) and
    the older form's "Laagste offerte … / Hoogste offerte …" (the award keeps the range). SYNTHETIC rows: the lot's
    only winner prints its tender value as a range ("tussen 400 000 en 650 000"). Its own row had the range, but
    the award (the lot's value, as for a single amount) had nothing: no text, no low and high ends, where a single
    amount is the award's. Now the award keeps the range, with no value in cents; a single amount is as before."""
    from tests.fixtures.awards.make_fixtures import amount, h1, h2, h3, only, row, table

    def lot(value):
        return parse_html(table([
            h1("1. Koper"), row("Officiële naam", "Gemeente Voorbeeld"), h1("6. Resultaten"),
            h2("6.1", "ID resultaat perceel", "LOT-0001"), h3("6.1.2 Informatie over winnaars"),
            only("Winnaar"), row("Officiële naam", "Jeugdhulp Noord B.V."),
            only("Inschrijving"), amount("Waarde van de aanbesteding", value)]))

    ranged = lot("tussen 400 000 en 650 000")
    assert [(a["value_cents"], a["value_raw"], a["value_low_cents"], a["value_high_cents"], a["value_currency"])
            for a in ranged["awards"]] == [(None, "tussen 400 000 en 650 000", 40000000, 65000000, "EUR")]
    assert [(s["tender_value_low_cents"], s["tender_value_high_cents"]) for s in ranged["suppliers"]] == [
        (40000000, 65000000)]
    assert [(a["value_cents"], a["value_raw"]) for a in lot("500 000")["awards"]] == [(50000000, "500 000")]


GROUP_MEMBERS = ("Officiële namen van de ondernemingen die deel uitmaken van een inschrijvende groep, "
                 "maar niet de leider van de groep zijn")


def consortium_notice(*winner_rows, others=()) -> str:
    """A SYNTHETIC eForms award of one lot won by a consortium (reference §2.5) whose winner block prints
    ``winner_rows``, and section 8 listing each organisation with its "Registratienummer" and "Winnaar van deze
    percelen"; ``others``: more organisations (name, KvK, lots won) of section 8."""
    from tests.awards.test_html_shapes import eforms, h1, h2
    from tests.fixtures.awards.make_fixtures import amount, h3, only, row

    orgs = [("Gemeente Leiden", "12345678", None), ("Alpha Jeugdzorg B.V.", "11111111", "LOT-0001"),
            ("Stichting Beta Jeugdhulp", "22222222", "LOT-0001"), *others]
    return eforms(
        h1("1. Koper"), row("Officiële naam", "Gemeente Leiden"),
        h1("6. Resultaten"), h2("6.1 ID resultaat perceel: LOT-0001"), h3("6.1.2 Informatie over winnaars"),
        only("Winnaar"), *winner_rows, only("Inschrijving"),
        row("Identificatiecode van het perceel of de groep percelen", "LOT-0001"),
        amount("Waarde van de aanbesteding", "900 000", "Euro"),
        h1("8. Organisaties"),
        *[part for i, (name, kvk, won) in enumerate(orgs) for part in (
            h2(f"8.{i + 1} ORG-{i + 1:04d}"), row("Officiële naam", name), row("Registratienummer", kvk),
            *([row("Winnaar van deze percelen", won)] if won else []))])


@pytest.mark.parametrize("winner_rows, expected", [
    pytest.param([("Naam van de aanbiedende partij", "Combinatie Jeugd Leiden")], [
        ("Alpha Jeugdzorg B.V.", "11111111", None, 1, 90000000), ("Stichting Beta Jeugdhulp", "22222222", None, 1, 90000000)],
        id="the_groups_name_alone"),
    pytest.param([("Naam van de aanbiedende partij", "Combinatie Jeugd Leiden"),
                  ("Leider van de inschrijver", "Alpha Jeugdzorg B.V.")], [
        ("Alpha Jeugdzorg B.V.", "11111111", 1, 0, 90000000), ("Stichting Beta Jeugdhulp", "22222222", 0, 1, 90000000)],
        id="the_group_and_its_leader"),
])
def test_a_consortiums_members_its_winner_block_leaves_out_are_the_lots_winners_section_8_names(winner_rows, expected):
    """Reference §2.5 (a tendering party of several organisations: "Naam van de aanbiedende partij", its leader and
    its other members; section 8 lists every organisation again, "Winnaar van deze percelen" the fallback) and §8.4
    (for consortia, the group name and the member names). A winner block giving the group's name alone was archived
    as one winner, an organisation "Combinatie Jeugd Leiden" without KvK number, and the two firms section 8 names
    as the lot's winners were lost; beside a leader its partner was lost. The members are section 8's winners of the
    lot, each with its KvK number and the group's name, the award's value once and the group's value on each member's
    row marked joint (``tender_value_of_group``, counted once; it was on the first member's row alone)."""
    from tests.fixtures.awards.make_fixtures import row

    result = parse_html(consortium_notice(*(row(label, value) for label, value in winner_rows)))
    assert [(s["name"], s["kvk"], s["group_leader"], s["from_section_8"], s["tender_value_cents"])
            for s in result["suppliers"]] == expected
    assert {(s["group_name"], s["group_member"], s["tender_value_of_group"]) for s in result["suppliers"]} == {
        ("Combinatie Jeugd Leiden", 1, 1)}
    (award,) = result["awards"]
    assert (award["value_cents"], award["winner_count"]) == (90000000, 2)


def test_section_8_adds_no_members_to_a_consortium_that_names_them_nor_to_two_groups_of_one_lot():
    """The members a consortium's block prints are its members (section 8 adds none, a co-winner it names is its
    own winner); two groups of one lot printed by name alone, or a group beside a winner block without a name, leave
    section 8's winners unassigned (whose member is whose, or which is the nameless winner, is not said): as printed."""
    from tests.fixtures.awards.make_fixtures import only, row

    named = parse_html(consortium_notice(
        row("Naam van de aanbiedende partij", "Combinatie Jeugd Leiden"), row("Leider van de inschrijver", "Alpha Jeugdzorg B.V."),
        row(GROUP_MEMBERS, "Stichting Beta Jeugdhulp")))
    assert [(s["name"], s["group_leader"], s["from_section_8"]) for s in named["suppliers"]] == [
        ("Alpha Jeugdzorg B.V.", 1, 0), ("Stichting Beta Jeugdhulp", 0, 0)]
    two = parse_html(consortium_notice(
        row("Naam van de aanbiedende partij", "Combinatie Noord"), only("Winnaar"),
        row("Naam van de aanbiedende partij", "Combinatie Zuid")))
    assert [(s["name"], s["kvk"]) for s in two["suppliers"]] == [("Combinatie Noord", None), ("Combinatie Zuid", None)]
    beside_nameless = parse_html(consortium_notice(
        row("Naam van de aanbiedende partij", "Combinatie Noord"), only("Winnaar"), row("Officiële naam", "niet gepubliceerd")))
    assert [(s["name"], s["kvk"]) for s in beside_nameless["suppliers"]] == [("Combinatie Noord", None)]


def test_a_consortiums_value_beside_another_winner_is_on_each_members_row_marked_joint_as_the_ocds_rows_read():
    """Reference §2.5/§4 "Consortium" (one tendering party of several organisations, its one "Waarde van de
    aanbesteding") and §8.4 (for consortia, the group name and the member names): lot 1 goes to the group "Combinatie
    Samen" (leader Stichting Een, member Stichting Twee, € 1.000.000) and to Stichting Drie (€ 400.000). The /html
    reader put the group's value on its leader's row alone as the leader's own tender, where an OCDS package's award of
    both suppliers gives it on each member's row marked joint (``tender_value_of_group``, counted once in the totals):
    the rows of both sources now read alike. SYNTHETIC rendering and release."""
    from tenderarchive.awards.ocds import to_procedure
    from tests.awards.test_html_shapes import eforms, h1, h2
    from tests.fixtures.awards.make_fixtures import amount, h3, only, release, row, supplier

    def tender(value):
        return (only("Inschrijving"), row("Identificatiecode van het perceel of de groep percelen", "LOT-0001"),
                amount("Waarde van de aanbesteding", value, "Euro"))
    html = eforms(
        h1("1. Koper"), row("Officiële naam", "Gemeente Leiden"),
        h1("6. Resultaten"), h2("6.1 ID resultaat perceel: LOT-0001"), h3("6.1.2 Informatie over winnaars"),
        only("Winnaar"), row("Naam van de aanbiedende partij", "Combinatie Samen"),
        row("Leider van de inschrijver", "Stichting Een"), row(GROUP_MEMBERS, "Stichting Twee"), *tender("1 000 000"),
        only("Winnaar"), row("Officiële naam", "Stichting Drie"), *tender("400 000"))
    package = to_procedure([release(
        "ocds-1l04xe-313994", "299894", "2021-11-01", "Jeugdhulp Leiden", "85311300-5", lots=[("1", "Ambulant")],
        parties=[supplier("11111111", "Stichting Een"), supplier("22222222", "Stichting Twee"),
                 supplier("33333333", "Stichting Drie")],
        awards=[{"id": "a1", "status": "active", "relatedLots": ["1"], "value": {"amount": 1000000, "currency": "EUR"},
                 "suppliers": [{"id": "11111111", "name": "Stichting Een"}, {"id": "22222222", "name": "Stichting Twee"}]},
                {"id": "a2", "status": "active", "relatedLots": ["1"], "value": {"amount": 400000, "currency": "EUR"},
                 "suppliers": [{"id": "33333333", "name": "Stichting Drie"}]}])], source="one.json")

    def read(parsed):
        return ([(s["name"], s.get("tender_value_cents"), s.get("tender_value_of_group"), s["group_member"])
                 for s in sorted(parsed["suppliers"], key=lambda s: s["name"])],
                [(a.get("value_cents"), a["winner_count"]) for a in parsed["awards"]])
    expected = ([("Stichting Drie", 40000000, None, 0), ("Stichting Een", 100000000, 1, 1),
                 ("Stichting Twee", 100000000, 1, 1)], [(None, 3)])
    assert read(package) == expected, read(package)
    result = parse_html(html)
    assert read(result) == expected, read(result)
    assert {s["group_name"] for s in result["suppliers"] if s["group_member"]} == {"Combinatie Samen"}


def test_a_lots_only_winner_block_without_a_name_is_an_award_of_one_winner_not_named():
    """Reference §2.5 "No name": a lot whose only winner block has no name (€ 200.000) gave no award and its lot was
    not marked awarded (its value lost, only named in the problems). Now it is an award of one winner not named
    (``unnamed_winners`` 1, not in ``winner_count``, no name invented), the block's value the award's (the lot's only
    winner's, as for a named one). A lot whose result says no winner was chosen, or that the
    competition still runs, gets no award from such a block."""
    from tests.fixtures.awards.make_fixtures import amount, h1, h2, h3, only, row, table

    def rows(*status):
        read = parse_html(table([
            h1("1. Koper"), row("Officiële naam", "Gemeente Voorbeeldstad"), h1("6. Resultaten"),
            h2("6.1", "ID resultaat perceel", "LOT-0001"), *status, h3("6.1.2 Informatie over winnaars"),
            only("Winnaar"), only("Inschrijving"), amount("Waarde van de aanbesteding", "200 000")]))
        return ([(a["lot_id"], a["value_cents"], a["winner_count"], a.get("unnamed_winners"),
                  a.get("unnamed_value_cents"), a.get("unnamed_value_raw")) for a in read["awards"]],
                [lot["awarded"] for lot in read["lots"]], read["suppliers"])

    # (the block's value is the award's: not repeated in ``unnamed_value_*``, where it read as a second amount)
    assert rows() == ([("LOT-0001", 20000000, 0, 1, None, None)], [1], [])
    assert rows(only("Er is geen winnaar gekozen en de mededinging is gesloten.")) == ([], [0], [])
    assert rows(only("Er is nog geen winnaar gekozen, maar de mededinging loopt nog."))[0] == []


def test_a_lot_cpv_code_written_with_spaces_around_its_hyphen_is_read_in_one_form():
    """An /html notice's "Hoofdclassificatie (cpv)" written ``85121270 - 6`` was read as ``85121270`` (its check digit
    lost), and one without its check digit kept 8 digits where the shipped profile documents the digit: both are
    ``85121270-6``, the API's form, so the lot groups with the notice's codes."""
    html = html_of(900102)
    assert parse_html(html)["lots"][0]["cpv"] == "85121270-6"
    spaced = html.replace(">85121270 Diensten", ">85121270 - 6 Diensten")
    assert spaced != html and parse_html(spaced)["lots"][0]["cpv"] == "85121270-6"
    longer = html.replace(">85121270 Diensten", ">851212701 Diensten")  # no CPV code: none read
    assert parse_html(longer)["lots"][0]["cpv"] is None
