"""Fourth pass over tenderned-awards.md: markup variants of the documented /html shapes an evaluator who read
only the reference would serve (SYNTHETIC renderings built row by row), and what the parser makes of them."""

import json

from tenderarchive.awards.html import parse_html
from tenderarchive.awards.rows import html_results
from tests.awards.test_html_shapes import afdeling_v, eforms, h1, h2, item
from tests.fixtures.awards.make_fixtures import amount, h3, only, row


def contractor(name, **fields):
    rows = "".join(f"<dt>{label}:</dt><dd>{value}</dd>" for label, value in {"Officiële benaming": name, **fields}.items())
    return ('<h5 class="subsection"><span class="subsection-number">V.2.3)</span> <span class="section-header-3">'
            f'Naam en adres van de contractant</span></h5><dl class="subsection">{rows}</dl>')


def heading(lot, title, contract="1"):
    return (f'<p class="subsection-content"><span class="section-header-3">Opdracht nr.: </span>{contract}<br />'
            f'<span class="section-header-3">Perceel nr.: </span>{lot}<br />'
            f'<span class="section-header-3">Benaming: </span>{title}</p>')


def paragraphs(*lines):
    return "".join(f'<p class="subsection-content">{line}</p>' for line in lines)


def test_the_kinds_of_tenders_of_v_2_2_are_counts_by_kind_not_the_number_of_tenders():
    """Reference §3.1 (V.2.2 "Aantal inschrijvingen: 3") and §4.2 (counts by submission type): the 2014
    standard form prints, after the number of tenders, the counts of tenders from SMEs and from other
    countries. Each was read as the number of tenders, the last one standing (5 tenders read as 0)."""
    html = afdeling_v(heading("1", "Jeugdhulp"), paragraphs("Een opdracht/perceel wordt gegund: ja"),
                      item("V.2.2", "Inlichtingen over inschrijvingen", "Aantal inschrijvingen: 5"),
                      paragraphs("Aantal inschrijvingen van kmo's: 3",
                                 "Aantal inschrijvingen van inschrijvers uit andere EU-lidstaten: 1",
                                 "Aantal inschrijvingen van inschrijvers uit niet-EU-lidstaten: 0",
                                 "Aantal langs elektronische weg ontvangen inschrijvingen: 5"),
                      contractor("Jeugdzorg Oost B.V."))
    result = parse_html(html)
    (lot,) = result["lots"]
    assert lot["tenders_received"] == 5 and result["awards"][0]["tenders_received"] == 5
    assert json.loads(lot["received_counts"]) == {
        "Inschrijvingen": 5, "Inschrijvingen van kmo’s": 3,
        "Inschrijvingen van inschrijvers uit andere EU-lidstaten": 1,
        "Inschrijvingen van inschrijvers uit niet-EU-lidstaten": 0,
        "Elektronisch ingediende inschrijvingen": 5}


def test_a_range_printed_over_two_lines_is_a_range_not_its_lowest_tender_as_the_value():
    """Reference §3.1 ("Laagste offerte: 1,00 / Hoogste offerte: 2,00 meegerekend" instead of a value) and §4
    (ranges: neither is the award value): with the highest tender on a line of its own the lowest was read
    as the lot's award value."""
    html = afdeling_v(heading("1", "Jeugdhulp"), paragraphs("Een opdracht/perceel wordt gegund: ja"),
                      contractor("Jeugdzorg Oost B.V."),
                      item("V.2.4", "Inlichtingen over de waarde van de opdracht/het perceel (exclusief btw)",
                           "Laagste offerte: 100 000,00"),
                      paragraphs("Hoogste offerte: 250 000,00 meegerekend", "Munt: EUR"))
    (award,) = parse_html(html)["awards"]
    assert (award["value_cents"], award["value_low_cents"], award["value_high_cents"], award["value_currency"]) == \
        (None, 10000000, 25000000, "EUR")


def test_a_lot_number_written_with_its_word_is_the_lots_number():
    """Reference §3.1 ("Perceel nr.: 2"), §8.5 (one row per lot): a value that repeats the word ("Perceel 2",
    "Lot 3") made lot "Perceel 2", another lot than the "2" of the procedure's other notices."""
    html = afdeling_v(heading("Perceel 2", "Jeugdhulp"), paragraphs("Een opdracht/perceel wordt gegund: ja"),
                      contractor("Jeugdzorg Oost B.V."),
                      '<h3 class="section-header-1">Afdeling V: <span>Gunning van een opdracht</span></h3>',
                      heading("Lot 3", "Wmo", contract="2"), paragraphs("Een opdracht/perceel wordt gegund: ja"),
                      contractor("Thuiszorg West"),
                      '<h3 class="section-header-1">Afdeling V: <span>Gunning van een opdracht</span></h3>',
                      heading("4", "Vervoer", contract="3"), paragraphs("Een opdracht/perceel wordt gegund: ja"),
                      contractor("Taxi Noord"))
    result = parse_html(html)
    assert [lot["lot_id"] for lot in result["lots"]] == ["2", "3", "4"]
    assert [(s["lot_id"], s["name"]) for s in result["suppliers"]] == [
        ("2", "Jeugdzorg Oost B.V."), ("3", "Thuiszorg West"), ("4", "Taxi Noord")]


def test_the_lines_of_a_reason_for_not_awarding_are_kept_apart():
    """Reference §3.1 (V.1 "Inlichtingen over niet-gunning"): the statement and its reason were glued into one
    word ("… niet gegundAndere redenen …")."""
    html = afdeling_v(heading("1", "Jeugdhulp"),
                      item("V.1", "Inlichtingen over niet-gunning", "De opdracht/het perceel wordt niet gegund"),
                      paragraphs("Andere redenen (stopzetting van de procedure)"))
    (lot,) = parse_html(html)["lots"]
    assert (lot["awarded"], lot["not_awarded_reason"]) == (
        0, "De opdracht/het perceel wordt niet gegund Andere redenen (stopzetting van de procedure)")


def empty_pair(label):
    """A label-only row written as a label cell beside an empty value cell."""
    return f'<tr><td><span class="label">{label}</span><span class="text">:</span></td><td></td></tr>'


def test_a_blocks_opening_label_beside_an_empty_cell_still_opens_the_block():
    """Reference §2.2 (label-only rows open a block: "Winnaar", "Inschrijving", …) and §2.3 (BT-142 status):
    written as a label cell beside an empty value cell instead of one cell over both, the opener was read as a
    row without a value, so no winner block opened and the lot's winner and value were lost without a word."""
    html = eforms(h1("1. Koper"), h1("6. Resultaten"), h2("6.1 ID resultaat perceel: LOT-0001"),
                  empty_pair("Er is ten minste één winnaar gekozen."), h3("6.1.2 Informatie over winnaars"),
                  empty_pair("Winnaar"), row("Officiële naam", "Jeugdzorg Oost B.V."), empty_pair("Inschrijving"),
                  amount("Waarde van de aanbesteding", "1.000.000", "Euro"),
                  empty_pair("Informatie over het contract"), row("Datum van sluiting van het contract", "01/06/2026"))
    result = parse_html(html)
    assert [(lot["lot_id"], lot["awarded"]) for lot in result["lots"]] == [("LOT-0001", 1)]
    assert [(a["value_cents"], a["contract_date"]) for a in result["awards"]] == [(100000000, "2026-06-01")]
    assert [s["name"] for s in result["suppliers"]] == ["Jeugdzorg Oost B.V."]


def test_a_registration_number_and_address_in_the_winner_block_are_the_winners():
    """Reference §2.3 (Registratienummer, Stad, Land of an organisation) and §4 (Dutch KvK number): printed in
    the winner's block rather than in section 8, the number was reported as an "unread amount in section 6"
    and the winner had no KvK number, place or country."""
    html = eforms(h1("1. Koper"), h1("6. Resultaten"), h2("6.1 ID resultaat perceel: LOT-0001"),
                  h3("6.1.2 Informatie over winnaars"), only("Winnaar"), row("Officiële naam", "Jeugdzorg Oost B.V."),
                  row("Registratienummer", "KvK 0123 4567"), row("Stad", "Utrecht"), row("Land", "Nederland"),
                  only("Inschrijving"), amount("Waarde van de aanbesteding", "1.000.000", "Euro"))
    result = parse_html(html)
    assert [(s["name"], s["kvk"], s["place"], s["country"]) for s in result["suppliers"]] == [
        ("Jeugdzorg Oost B.V.", "01234567", "Utrecht", "Nederland")]
    assert result["problems"] == []


def test_the_contractors_sme_flag_is_its_size():
    """The 2014 standard form's V.2.3 ends with "De contractant is een kmo: ja / neen" (reference §3.1 V.2.3,
    the contractor block; §6.3 keeps the same fact as ``details.scale``): it was not read."""
    html = afdeling_v(heading("1", "Jeugdhulp"), paragraphs("Een opdracht/perceel wordt gegund: ja"),
                      contractor("Jeugdzorg Oost B.V.", Plaats="Utrecht"), paragraphs("De contractant is een kmo: ja"),
                      contractor("Groot Zorgconcern N.V."), paragraphs("De contractant is een kmo: neen"))
    assert [(s["name"], s["scale"]) for s in parse_html(html)["suppliers"]] == [
        ("Jeugdzorg Oost B.V.", "sme"), ("Groot Zorgconcern N.V.", "large")]


def test_a_range_said_in_words_is_a_range_and_what_an_amount_leaves_unread_is_a_problem():
    """Reference §4 (ranges are not the award value) and §8.3 (record what is not read instead of dropping it
    silently): "tussen € 100.000 en € 200.000" was read as a value of € 100.000; and an amount with a second
    number ("€ 250.000 per jaar, 4 jaar") stored its first with the doubt kept nowhere. A rate per year is no
    total value (round 9): its text is kept, its cents are not summed as a contract's value."""
    html = eforms(h1("1. Koper"), h1("6. Resultaten"), h2("6.1 ID resultaat perceel: LOT-0001"),
                  h3("6.1.2 Informatie over winnaars"), only("Winnaar"), row("Officiële naam", "Jeugdzorg Oost B.V."),
                  only("Inschrijving"), amount("Waarde van de aanbesteding", "tussen € 100.000 en € 200.000", ""),
                  h2("6.1 ID resultaat perceel: LOT-0002"),
                  h3("6.1.2 Informatie over winnaars"), only("Winnaar"), row("Officiële naam", "Thuiszorg West"),
                  only("Inschrijving"), amount("Waarde van de aanbesteding", "€ 250.000 per jaar, 4 jaar", ""))
    result = parse_html(html)
    assert [(s["lot_id"], s["tender_value_cents"], s.get("tender_value_low_cents"), s.get("tender_value_high_cents"))
            for s in result["suppliers"]] == [("LOT-0001", None, 10000000, 20000000), ("LOT-0002", None, None, None)]
    assert [s["tender_value_raw"] for s in result["suppliers"]][1] == "€ 250.000 per jaar, 4 jaar"
    assert [p for p in result["problems"] if "250.000" in p and "more than one number" in p]
    assert [p for p in result["problems"] if "250.000" in p and "a rate per jaar" in p]
    standard = parse_html(afdeling_v(heading("1", "Jeugdhulp"), paragraphs("Een opdracht/perceel wordt gegund: ja"),
                                     contractor("Jeugdzorg Oost B.V."),
                                     item("V.2.4", "Inlichtingen over de waarde van de opdracht/het perceel (exclusief btw)",
                                          "Totale waarde van de opdracht/het perceel: 1 800 000,00 voor 3 jaar")))
    assert standard["awards"][0]["value_cents"] == 180000000
    assert [p for p in standard["problems"] if "more than one number" in p]


def test_subcontractors_concession_revenue_and_re_estimates_are_no_winners_and_no_award_values():
    """Claims of reference §2.3/§2.5 no test held yet: a subcontractor (under "Aannemers van de inschrijver" /
    "Onderaannemer") inside a winner's block is no winner; concession revenue (BT-162) is no award value and no
    unread amount; the older "Herraming van de waarde van de raamovereenkomst" (BT-660) is the lot's
    re-estimate, not its value; the English older value label "Value of the result" is the tender's value."""
    html = eforms(h1("1. Koper"), h1("6. Resultaten"),
                  amount("Geraamde inkomsten afkomstig van de gebruikers van de concessie", "500 000", "Euro"),
                  h2("6.1 ID resultaat perceel: LOT-0001"), h3("6.1.2 Informatie over winnaars"),
                  only("Winnaar"), row("Officiële naam", "Jeugdzorg Oost B.V."),
                  only("Aannemers van de inschrijver"), only("Onderaannemer"), row("Officiële naam", "Vervoer Sub B.V."),
                  only("Inschrijving"), amount("Waarde van de aanbesteding", "1.000.000", "Euro"),
                  amount("Geraamde inkomsten afkomstig van de gebruikers van de concessie", "300 000", "Euro"),
                  only("Raamovereenkomst"), amount("Maximumwaarde van de raamovereenkomst", "2.000.000", "Euro"),
                  amount("Herraming van de waarde van de raamovereenkomst", "2.500.000", "Euro"),
                  h2("6.1 Result lot ldentifier: LOT-0002"), only("Winner"), row("Official name", "Care Ltd"),
                  only("Tender"), amount("Value of the result", "700 000", "Euro"))
    result = parse_html(html)
    assert [(s["lot_id"], s["name"], s["tender_value_cents"]) for s in result["suppliers"]] == [
        ("LOT-0001", "Jeugdzorg Oost B.V.", 100000000), ("LOT-0002", "Care Ltd", 70000000)]
    assert [(a["lot_id"], a["value_cents"]) for a in result["awards"]] == [("LOT-0001", 100000000), ("LOT-0002", 70000000)]
    lot = result["lots"][0]
    assert (lot["framework_maximum_cents"], lot["framework_reestimate_cents"]) == (200000000, 250000000)
    assert result["problems"] == [] and result["procedure"].get("total_awarded_cents") is None


MEMBERS = ("Officiële namen van de ondernemingen die deel uitmaken van een inschrijvende groep, maar niet de leider "
           "van de groep zijn")


def test_a_consortiums_members_one_per_span_or_per_line_are_each_a_member():
    """Reference §2.5 (consortium: the members' names in one row; each member its own winner row, §8.4): the
    names written one per value span or one per line (``<br>``) were glued into one member, "Horizon B.V. De
    Bascule" (or "Horizon B.V.De Bascule")."""
    head = (h1("1. Koper"), h1("6. Resultaten"), h2("6.1 ID resultaat perceel: LOT-0001"),
            h3("6.1.2 Informatie over winnaars"), only("Winnaar"), row("Naam van de aanbiedende partij", "Combinatie Samen"),
            row("Leider van de inschrijver", "Stichting Kompas"))
    spans = f'<span class="value">Horizon B.V.</span><span class="value">De Bascule</span>'
    lines = '<span class="value">Horizon B.V.<br/>De Bascule</span>'
    for cell in (spans, lines):
        html = eforms(*head, f'<tr><td><span class="label">{MEMBERS}</span><span class="text">: </span></td><td>{cell}</td></tr>')
        assert [(s["name"], s["group_leader"], s["group_name"]) for s in parse_html(html)["suppliers"]] == [
            ("Stichting Kompas", 1, "Combinatie Samen"), ("Horizon B.V.", 0, "Combinatie Samen"),
            ("De Bascule", 0, "Combinatie Samen")], cell


def test_met_btw_on_a_line_of_its_own_says_the_value_includes_vat():
    """Reference §3.2 (before 2016: "Waarde: 1268001 Munt: EUR Met BTW BTW-tarief (%): 19") and §2.4 (keep the
    printed text next to the number): printed one item a line, "Met BTW" follows its value and currency on a
    line of its own. The value read as exclusive of VAT, nothing said; a value printed with it on one line
    was named a VAT-inclusive one. Now the same, for a lot's value and the procedure's total. SYNTHETIC."""
    lot_value = item("V.2.4", "Inlichtingen over de waarde van de opdracht/het perceel",
                     "Totale waarde van de opdracht/het perceel: 1 210 000,00")
    html = afdeling_v(heading("1", "Jeugdhulp"), paragraphs("Een opdracht/perceel wordt gegund: ja"),
                      contractor("Alpha B.V."), lot_value, paragraphs("Munt: EUR", "Met BTW BTW-tarief (%): 21"))
    html = html.replace('<h3 class="section-header-1">Afdeling V', '<h3 class="section-header-1">Afdeling II: <span>Voorwerp'
                        '</span></h3>' + item("II.1.7", "Totale waarde van de aanbesteding", "Waarde: 160 000,00")
                        + paragraphs("Munt: EUR", "Met BTW BTW-tarief (%): 21") + '<h3 class="section-header-1">Afdeling V', 1)
    parsed = parse_html(html)
    assert [(a["value_cents"], a["value_raw"]) for a in parsed["awards"]] == [
        (121000000, "1 210 000,00 Met BTW BTW-tarief (%): 21")]
    assert parsed["procedure"]["total_awarded_raw"] == "Waarde: 160 000,00 Met BTW BTW-tarief (%): 21"
    assert sum("includes VAT" in p for p in parsed["problems"]) == 2
    # a value without it is as printed, nothing said
    plain = parse_html(afdeling_v(heading("1", "Jeugdhulp"), paragraphs("Een opdracht/perceel wordt gegund: ja"),
                                  contractor("Alpha B.V."), lot_value, paragraphs("Munt: EUR", "Zonder BTW")))
    assert [a["value_raw"] for a in plain["awards"]] == ["1 210 000,00"] and plain["problems"] == []


def test_a_winner_named_as_the_buyer_but_with_a_kvk_number_of_its_own_is_a_namesake_not_the_buyer():
    """§6.3 "sometimes a buyer is also a supplier" was judged by the folded name alone: a foundation named as the
    buyer but registered under another KvK number (section 8: the buyer's ORG with the role "Koper", the winner's
    with "Winnaar van deze percelen") was flagged the buyer and given the buyer's number (the first organisation
    of that name). Where both numbers are known they decide; the same number is the buyer whatever the name."""
    def org(number, name, kvk, *roles, lots=None):
        return [h2(f"8.1 ORG-000{number}"), row("Officiële naam", name), row("Registratienummer", kvk),
                only("Rollen van deze organisatie"), *[only(r) for r in roles],
                *([row("Winnaar van deze percelen", lots)] if lots else [])]

    def winners(name_8, kvk_8):
        parsed = parse_html(eforms(
            h1("1. Koper"), row("Officiële naam", "Stichting Jeugdhulp Rijnstad"), h1("6. Resultaten"),
            h2("6.1 ID resultaat perceel: LOT-0001"), h3("6.1.2 Informatie over winnaars"),
            only("Winnaar"), row("Officiële naam", name_8), h1("8. Organisaties"),
            *org(1, "Stichting Jeugdhulp Rijnstad", "11111111", "Koper"),
            *org(2, name_8, kvk_8, "Inschrijver", lots="LOT-0001")))
        return [(s["name"], s["kvk"], s["is_buyer"]) for s in parsed["suppliers"]], parsed["problems"]

    found, problems = winners("Stichting Jeugdhulp Rijnstad", "22222222")
    assert found == [("Stichting Jeugdhulp Rijnstad", "22222222", 0)] and not any("buyer" in p for p in problems)
    assert winners("St. Jeugdhulp Rijnstad (uitvoering)", "11111111")[0] == [
        ("St. Jeugdhulp Rijnstad (uitvoering)", "11111111", 1)]


def test_an_older_form_winner_named_as_the_buyer_with_another_national_id_is_no_buyer():
    """The older standard form gives the buyer's KvK number in Afdeling I ("Nationale identificatie") and each
    contractor's in V.2.3: a contractor named as the buyer but with a number of its own is a namesake, not the
    buyer (it was flagged by the name alone); the buyer's own number is the buyer."""
    def notice(number):
        return ('<div id="publicatie"><h3 class="section-header-1">Afdeling I: <span>Aanbestedende dienst</span></h3>'
                '<dl class="subsection"><dt>Officiële benaming:</dt><dd>Stichting Jeugdhulp Rijnstad</dd>'
                '<dt>Nationale identificatie:</dt><dd>11111111</dd></dl>'
                '<h3 class="section-header-1">Afdeling V: <span>Gunning van een opdracht</span></h3>'
                + heading("-", "Jeugdhulp") + paragraphs("Een opdracht/perceel wordt gegund: ja")
                + contractor("Stichting Jeugdhulp Rijnstad", **{"Nationale identificatie": number})
                + '<h3 class="section-header-1">Afdeling VI: <span>Aanvullende inlichtingen</span></h3></div>')

    assert [(s["kvk"], s["is_buyer"]) for s in parse_html(notice("22222222"))["suppliers"]] == [("22222222", 0)]
    assert [(s["kvk"], s["is_buyer"]) for s in parse_html(notice("11111111"))["suppliers"]] == [("11111111", 1)]


def test_the_only_buyer_of_section_8_gives_the_buyers_number_when_its_name_is_written_otherwise():
    """Section 8's one organisation of the role "Koper" is the buyer also where its name is written otherwise than
    section 1's: its number decides against a winner of section 1's name with a number of its own."""
    parsed = parse_html(eforms(
        h1("1. Koper"), row("Officiële naam", "Gemeente Rijnstad"), h1("6. Resultaten"),
        h2("6.1 ID resultaat perceel: LOT-0001"), h3("6.1.2 Informatie over winnaars"),
        only("Winnaar"), row("Officiële naam", "Gemeente Rijnstad"), h1("8. Organisaties"),
        h2("8.1 ORG-0001"), row("Officiële naam", "Gemeente Rijnstad, afdeling Inkoop"),
        row("Registratienummer", "11111111"), only("Rollen van deze organisatie"), only("Koper"),
        h2("8.1 ORG-0002"), row("Officiële naam", "Gemeente Rijnstad"), row("Registratienummer", "22222222"),
        only("Rollen van deze organisatie"), only("Inschrijver"), row("Winnaar van deze percelen", "LOT-0001")))
    assert [(s["kvk"], s["is_buyer"]) for s in parsed["suppliers"]] == [("22222222", 0)]


def test_a_winner_printed_with_its_trade_name_gets_the_registration_section_8_gives_its_legal_name():
    """A lot's winner printed "Jeugdhulp Noord B.V. h.o.d.n. Kindzorg" and section 8's organisation "Jeugdhulp Noord
    B.V." with its Registratienummer (reference §2.5: attach it by matching the name) did not match: the winner had
    no KvK number and became an organisation of its own."""
    parsed = parse_html(eforms(
        h1("1. Koper"), row("Officiële naam", "Gemeente Leiden"), h1("6. Resultaten"),
        h2("6.1 ID resultaat perceel: LOT-0001"), h3("6.1.2 Informatie over winnaars"),
        only("Winnaar"), row("Officiële naam", "Jeugdhulp Noord B.V. h.o.d.n. Kindzorg"), h1("8. Organisaties"),
        h2("8.1 ORG-0002"), row("Officiële naam", "Jeugdhulp Noord B.V."), row("Registratienummer", "01234567"),
        only("Rollen van deze organisatie"), only("Inschrijver"), row("Winnaar van deze percelen", "LOT-0001")))
    assert [(s["name"], s["kvk"]) for s in parsed["suppliers"]] == [("Jeugdhulp Noord B.V. h.o.d.n. Kindzorg", "01234567")]


def test_a_kvk_number_printed_without_its_leading_zero_gets_it_back_in_every_layout():
    """Reference §4 (Dutch KvK number: 8 digits, a leading zero is significant) and the known leftover of round 10: a
    7-digit number (01234567 printed as 1234567 by a form or a spreadsheet that took it for a number) was no KvK
    number in the renderings and PDFs, so the winner was ``name:…`` here and ``kvk:01234567`` in an OCDS package
    (whose reader pads it): one provider twice. Section 8, the winner's block, the older form's V.2.3 and a number
    written into the name all give it back; an 8-digit number, a VAT id and a foreign registration do not change."""
    def eforms_winner(*winner_rows, section8=()):
        return parse_html(eforms(
            h1("1. Koper"), h1("6. Resultaten"), h2("6.1 ID resultaat perceel: LOT-0001"),
            h3("6.1.2 Informatie over winnaars"), only("Winnaar"), *winner_rows, h1("8. Organisaties"), *section8))

    in_section_8 = eforms_winner(row("Officiële naam", "Jeugdzorg Oost B.V."), section8=(
        h2("8.1 ORG-0001"), row("Officiële naam", "Jeugdzorg Oost B.V."), row("Registratienummer", "1234567")))
    in_block = eforms_winner(row("Officiële naam", "Jeugdzorg Oost B.V."), row("Registratienummer", "KvK 1234567"))
    in_name = eforms_winner(row("Officiële naam", "Jeugdzorg Oost B.V. (KvK-nummer: 1234567)"))
    older = parse_html(afdeling_v(heading("1", "Jeugdhulp"), paragraphs("Een opdracht/perceel wordt gegund: ja"),
                                  contractor("Jeugdzorg Oost B.V.", **{"Nationale identificatie": "1234567"})))
    for parsed in (in_section_8, in_block, older):
        assert [(s["name"], s["kvk"]) for s in parsed["suppliers"]] == [("Jeugdzorg Oost B.V.", "01234567")]
    assert [s["organisation_id"] for s in html_results({"publication_id": 1, "procurement_id": "TN1"}, in_name, {})[
        "awards"][0]["suppliers"]] == ["kvk:01234567"]

    foreign = eforms_winner(row("Officiële naam", "Jugendhilfe GmbH"), row("Registratienummer", "1234567"),
                            row("Land", "Duitsland"))
    assert [s["kvk"] for s in foreign["suppliers"]] == [None]
    for number in ("NL123456789B01", "123456", "1234567B01"):
        assert [s["kvk"] for s in eforms_winner(row("Officiële naam", "Jeugdzorg Oost B.V."),
                                                row("Registratienummer", number))["suppliers"]] == [None], number


def test_a_german_rendering_is_read_with_the_sdks_german_labels():
    """Reference §2.1 ("other languages occur as well (WAI has a German test)") and the known leftover of round 10: a
    German rendering was named a problem and not read, so its winners, values, lots and counts were lost. Its labels
    are the eForms SDK's German ones (translations/*_de.xml, verbatim; SYNTHETIC rendering built row by row);
    WAI's own German fixture ("1. Käufer", "Gewinner") is read too."""
    read = parse_html(eforms(
        h1("1. Beschaffer"), row("Offizielle Bezeichnung", "Gemeinde Kleve"),
        h1("2. Verfahren"), h3("2.1.3 Wert"), amount("Geschätzter Wert ohne MwSt.", "1 000 000", "Euro"),
        h1("5. Los"), h2("5.1 Los: LOT-0001"), row("Titel", "Jugendhilfe ambulant"),
        amount("Geschätzter Wert ohne MwSt.", "700 000", "Euro"),
        h1("6. Ergebnisse"), amount("Wert aller in dieser Bekanntmachung vergebenen Verträge", "650 000", "Euro"),
        h2("6.1 Ergebnis, Los-– Kennung: LOT-0001"), only("Es wurde mindestens ein Gewinner ermittelt."),
        h3("6.1.2 Informationen über die Gewinner"), only("Wettbewerbsgewinner"),
        row("Offizielle Bezeichnung", "Jeugdzorg Grens B.V."), only("Angebot"),
        row("Kennung des Loses oder der Gruppe von Losen", "LOT-0001"),
        amount("Wert des Angebots", "650 000", "Euro"), only("Informationen zum Auftrag"),
        row("Datum der Auswahl des Gewinners", "15/05/2026"), row("Datum des Vertragsabschlusses", "01/06/2026"),
        h3("6.1.4 Statistische Informationen"), only("Eingegangene Angebote oder Teilnahmeanträge"),
        row("Art der eingegangenen Einreichungen", "Angebote"),
        row("Anzahl der eingegangenen Angebote oder Teilnahmeanträge", "3"),
        h2("6.1 Ergebnis, Los-– Kennung: LOT-0002"),
        only("Es wurde kein Wettbewerbsgewinner ermittelt, und der Wettbewerb ist abgeschlossen."),
        row("Grund, warum kein Gewinner ausgewählt wurde", "Andere"),
        h1("8. Organisationen"), h2("8.1 ORG-0001"), row("Offizielle Bezeichnung", "Jeugdzorg Grens B.V."),
        row("Registrierungsnummer", "12345678"), row("Stadt", "Nijmegen"), row("Land", "Niederlande"),
        only("Rollen dieser Organisation"), only("Bieter"), row("Gewinner dieser Lose", "LOT-0001")))
    assert read["language"] == "de" and read["buyer"] == "Gemeinde Kleve"
    assert not [p for p in read["problems"] if "language" in p]
    assert [(s["lot_id"], s["name"], s["kvk"], s["place"], s["tender_value_cents"]) for s in read["suppliers"]] == [
        ("LOT-0001", "Jeugdzorg Grens B.V.", "12345678", "Nijmegen", 65000000)]
    (award,) = read["awards"]
    assert (award["value_cents"], award["award_date"], award["contract_date"], award["tenders_received"]) == \
        (65000000, "2026-05-15", "2026-06-01", 3)
    lots = {lot["lot_id"]: lot for lot in read["lots"]}
    assert (lots["LOT-0001"]["title"], lots["LOT-0001"]["estimated_cents"], lots["LOT-0001"]["awarded"]) == \
        ("Jugendhilfe ambulant", 70000000, 1)
    assert (lots["LOT-0002"]["awarded"], lots["LOT-0002"]["not_awarded_reason"]) == (0, "Andere")
    assert read["procedure"]["total_awarded_cents"] == 65000000 and read["procedure"]["estimated_cents"] == 100000000

    wai = parse_html(eforms(h1("1. Käufer"), h1("6. Ergebnisse"),
                            amount("Wert aller in dieser Bekanntmachung vergebenen Verträge", "500 000", "Euro"),
                            h2("6.1 Kennung des Ergebnisses des Loses: LOT-0001"), only("Gewinner"),
                            row("Offizielle Bezeichnung", "Beispiel GmbH")))
    assert wai["language"] == "de" and [s["name"] for s in wai["suppliers"]] == ["Beispiel GmbH"]


def test_a_french_rendering_is_read_with_the_sdks_french_labels():
    """Reference §2.1 ("other languages occur as well") and the known leftover of round 11: a French rendering was
    named a problem and not read, so its winners, values, lots, counts and no-winner reasons were lost, and its
    Dutch winner's country "Pays-Bas" would have made its KvK number a foreign id. Its labels are the eForms SDK's
    French ones (translations/*_fr.xml, verbatim, with the SDK's typographic and plain apostrophes; SYNTHETIC
    rendering built row by row)."""
    read = parse_html(eforms(
        h1("1. Acheteur"), row("Nom officiel", "Commune de Baarle-Hertog"),
        h1("2. Procédure"), h3("2.1.3 Valeur"), amount("Valeur estimée hors TVA", "1 000 000", "Euro"),
        h1("5. Lot"), h2("5.1 Lot: LOT-0001"), row("Titre", "Aide à la jeunesse ambulatoire"),
        amount("Valeur estimée hors TVA", "700 000", "Euro"),
        h1("6. Résultats"), amount("Valeur de tous les contrats attribués dans cet avis", "650 000", "Euro"),
        amount("Valeur maximale des accords-cadres dans cet avis", "900 000", "Euro"),
        h2("6.1 Identifiant du résultat du lot: LOT-0001"), only("Au moins un lauréat a été choisi."),
        h3("6.1.2 Informations sur les lauréats"), only("Adjudicataire/attributaire"),
        row("Nom officiel", "Jeugdzorg Grens B.V."), only("Offre"),
        row("Identifiant du lot ou groupe de lots", "LOT-0001"),
        amount("Valeur de l'offre", "650 000", "Euro"), only("Informations relatives au marché"),
        row("Date à laquelle l'adjudicataire/attributaire a été choisi", "15/05/2026"),
        row("Date de conclusion du marché/concession", "01/06/2026"),
        only("Accord-cadre"), amount("Valeur maximale de l’accord-cadre", "900 000", "Euro"),
        h3("6.1.3 Soumissionnaires non retenus"), only("Soumissionnaire"), row("Nom officiel", "Perdant SA"),
        amount("Valeur de l’offre", "700 000", "Euro"),
        h3("6.1.4 Informations statistiques"), only("Offres ou demandes de participation/candidatures reçues"),
        row("Type de soumissions reçues", "Offres"),
        row("Nombre d'offres ou de demandes de participation/candidatures reçues", "3"),
        amount("Valeur de l’offre recevable la plus basse", "650 000", "Euro"),
        h2("6.1 Identifiant du résultat du lot: LOT-0002"),
        only("Aucun lauréat n’a été choisi et la mise en concurrence est clos."),
        row("La raison pour laquelle un adjudicataire/attributaire n'a pas été choisi", "Autre"),
        h1("8. Organisations"), h2("8.1 ORG-0001"), row("Nom officiel", "Jeugdzorg Grens B.V."),
        row("Numéro d’enregistrement", "12345678"), row("Ville", "Nijmegen"), row("Pays", "Pays-Bas"),
        only("Rôles de cette organisation"), only("Soumissionnaire"),
        row("adjudicataire/attributaire de ces lots", "LOT-0001")))
    assert read["language"] == "fr" and read["buyer"] == "Commune de Baarle-Hertog"
    assert read["problems"] == []
    assert [(s["lot_id"], s["name"], s["kvk"], s["place"], s["tender_value_cents"]) for s in read["suppliers"]] == [
        ("LOT-0001", "Jeugdzorg Grens B.V.", "12345678", "Nijmegen", 65000000)]
    (award,) = read["awards"]
    assert (award["value_cents"], award["award_date"], award["contract_date"], award["tenders_received"]) == \
        (65000000, "2026-05-15", "2026-06-01", 3)
    lots = {lot["lot_id"]: lot for lot in read["lots"]}
    assert (lots["LOT-0001"]["title"], lots["LOT-0001"]["estimated_cents"], lots["LOT-0001"]["awarded"],
            lots["LOT-0001"]["framework_maximum_cents"], lots["LOT-0001"]["lowest_tender_cents"]) == \
        ("Aide à la jeunesse ambulatoire", 70000000, 1, 90000000, 65000000)
    assert (lots["LOT-0002"]["awarded"], lots["LOT-0002"]["not_awarded_reason"]) == (0, "Autre")
    assert (read["procedure"]["total_awarded_cents"], read["procedure"]["estimated_cents"],
            read["procedure"]["framework_maximum_cents"]) == (65000000, 100000000, 90000000)


def test_a_winner_printed_with_its_address_in_one_line_is_the_winner_of_that_place_in_either_layout():
    """Reference §2.3/§3.1 give a winner's name, address and place as rows of their own; a rendering printing them
    in one line ("Officiële benaming: Jeugdzorg Oost B.V., Stationsstraat 1, 3511 AB Utrecht") made the address part
    of the winner's name and of its organisation (``name:jeugdzorg oost b v stationsstraat 1 3511 ab utrecht``), and
    section 8's registration of "Jeugdzorg Oost B.V." was not found for it. A foreign winner's country comes with it."""
    standard = afdeling_v(heading("1", "Jeugdhulp"), paragraphs("Een opdracht/perceel wordt gegund: ja"),
                          contractor("Jeugdzorg Oost B.V., Stationsstraat 1, 3511 AB Utrecht"))
    assert [(s["name"], s["name_key"], s["place"]) for s in parse_html(standard)["suppliers"]] == [
        ("Jeugdzorg Oost B.V.", "jeugdzorg oost", "Utrecht")]
    html = eforms(h1("1. Koper"), h1("6. Resultaten"), h2("6.1 ID resultaat perceel: LOT-0001"),
                  h3("6.1.2 Informatie over winnaars"), only("Winnaar"),
                  row("Officiële naam", "Jeugdzorg Oost B.V., Stationsstraat 1, 3511 AB Utrecht"),
                  only("Winnaar"), row("Officiële naam", "Jugendhilfe Nord GmbH, Hauptstraße 5, D-28195 Bremen, Duitsland"),
                  h1("8. Organisaties"), h2("8.1 ORG-0001"), row("Officiële naam", "Jeugdzorg Oost B.V."),
                  row("Registratienummer", "12345678"))
    assert [(s["name"], s["kvk"], s["place"], s["country"]) for s in parse_html(html)["suppliers"]] == [
        ("Jeugdzorg Oost B.V.", "12345678", "Utrecht", None),
        ("Jugendhilfe Nord GmbH", None, "Bremen", "Duitsland")]


def test_a_winner_block_without_a_lot_result_header_is_found_by_its_shape():
    """Reference §2.5 (a lot result runs from one "6.1" header2 to the next; each winner starts at a label-only
    "Winnaar" row; BH reads 6.1.2 by its blocks) and §2.3 (BT-13714: each tender names its lot again). A winner block
    with no "6.1 ID resultaat perceel" header before it was lost, its tender value an "unread amount in section 6".
    It is now a winner of the lot its tender names, or of the notice's one lot; a header without a lot id ("6.1
    Resultaat") no longer makes a lot "?1" beside the lot its winners name."""
    notice = [h1("1. Koper"), row("Officiële naam", "Gemeente Harderwijk"), h1("5. Perceel"),
              h2("5.1 Technische ID van het kavel: LOT-0001"), row("Titel", "Jeugdhulp"),
              h2("5.1 Technische ID van het kavel: LOT-0002"), row("Titel", "Jeugd-GGZ"), h1("6. Resultaten")]

    def winner(name, lot, value):
        return [only("Winnaar"), row("Officiële naam", name), only("Inschrijving"),
                *([row("Identificatiecode van het perceel of de groep percelen", lot)] if lot else []),
                amount("Waarde van de aanbesteding", value)]

    def read(*rows, lots=notice):
        parsed = parse_html(eforms(*lots, *rows))
        return ([(a["lot_id"], a["value_cents"]) for a in parsed["awards"]],
                [(s["lot_id"], s["name"]) for s in parsed["suppliers"]],
                sorted((lot["lot_id"], lot["awarded"]) for lot in parsed["lots"]),
                [p for p in parsed["problems"] if "unread amount" in p or "winner" in p])

    both = ([("LOT-0001", 80000000), ("LOT-0002", 10000000)],
            [("LOT-0001", "Alpha B.V."), ("LOT-0002", "Beta B.V.")], [("LOT-0001", 1), ("LOT-0002", 1)], [])
    assert read(h3("6.1.2 Informatie over winnaars"), *winner("Alpha B.V.", "LOT-0001", "800 000"),
                *winner("Beta B.V.", "LOT-0002", "100 000"), h3("6.1.4 Statistische informatie"),
                row("Aantal ontvangen inschrijvingen of verzoeken tot deelname", "3")) == both
    assert read(*winner("Alpha B.V.", "LOT-0001", "800 000"), *winner("Beta B.V.", "LOT-0002", "100 000")) == both
    assert read(h2("6.1 Resultaat"), h3("6.1.2 Informatie over winnaars"), *winner("Alpha B.V.", "LOT-0001", "800 000"),
                h2("6.1 Resultaat"), h3("6.1.2 Informatie over winnaars"),
                *winner("Beta B.V.", "LOT-0002", "100 000")) == both
    # a tender naming no lot: the notice's one lot
    assert read(h3("6.1.2 Informatie over winnaars"), *winner("Alpha B.V.", None, "800 000"), lots=notice[:5] + notice[7:]) \
        == ([("LOT-0001", 80000000)], [("LOT-0001", "Alpha B.V.")], [("LOT-0001", 1)], [])
    # of two lots, which is not said: the winner is kept and said to be of no named lot, not given to either
    awards, suppliers, _, problems = read(h3("6.1.2 Informatie over winnaars"), *winner("Alpha B.V.", None, "800 000"))
    assert suppliers == [("?1", "Alpha B.V.")] and awards == [("?1", 80000000)] and problems
    # a non-winner (6.1.3) without a header stays no winner
    assert read(h3("6.1.3 Niet-winnende inschrijvers"), only("Inschrijver"), row("Officiële naam", "Gamma B.V."))[1] == []


def test_a_section_5_header_naming_a_group_of_lots_is_no_lot():
    """Reference §2.3 (BT-13714 "het perceel of de groep percelen": a group of lots, GLO-…, is no lot; section 5's
    header gives a lot's id after the colon, "whatever the label"). A section-5 header naming the group GLO-0001
    (with the group's estimate and title under it) was read as a third lot "GLO-0001", not awarded, its estimate a
    lot's. It is no lot: the lots are the two the notice has, each keeping its own estimate and title, and the
    group's rows are given to neither. SYNTHETIC rendering."""
    lots = [h1("1. Koper"), row("Officiële naam", "Gemeente Harderwijk"), h1("5. Perceel"),
            h2("5.1 Technische ID van het kavel: LOT-0001"), row("Titel", "Jeugdhulp"),
            amount("Geraamde waarde exclusief btw", "400 000"),
            h2("5.1 Technische ID van het kavel: LOT-0002"), row("Titel", "Jeugd-GGZ"),
            amount("Geraamde waarde exclusief btw", "300 000")]
    group = [h2("5.2 Technische ID van het kavel: GLO-0001"), row("Titel", "Jeugdhulp en Jeugd-GGZ"),
             amount("Geraamde waarde exclusief btw", "700 000")]
    result = [h1("6. Resultaten"), h2("6.1 ID resultaat perceel: LOT-0001"), h3("6.1.2 Informatie over winnaars"),
              only("Winnaar"), row("Officiële naam", "Alpha B.V."), only("Inschrijving"),
              row("Identificatiecode van het perceel of de groep percelen", "LOT-0001"),
              amount("Waarde van de aanbesteding", "390 000")]
    expected = [("LOT-0001", "Jeugdhulp", 40000000, 1), ("LOT-0002", "Jeugd-GGZ", 30000000, None)]
    for rows in ([*lots, *group, *result], [*lots[:3], *group, *lots[3:], *result]):
        parsed = parse_html(eforms(*rows))
        assert sorted((lot["lot_id"], lot["title"], lot["estimated_cents"], lot["awarded"])
                      for lot in parsed["lots"]) == expected, rows
        assert [(a["lot_id"], a["value_cents"]) for a in parsed["awards"]] == [("LOT-0001", 39000000)]


def test_a_group_of_lots_section_8_names_as_won_is_no_lot_its_winner_kept():
    """Reference §2.3 (section 8 "Winnaar van deze percelen: …", read when 6.1.2 names no winner; BT-13714: a group
    of lots, GLO-…, is no lot). An organisation section 8 names winner of the group GLO-0001 made a third lot
    "GLO-0001" beside the notice's two. The group is no lot: the lots are the notice's two; the winner is kept, its
    award under the group's id (as an OCDS award of a group no release describes), and that is said. SYNTHETIC."""
    rows = [h1("1. Koper"), row("Officiële naam", "Gemeente Harderwijk"), h1("5. Perceel"),
            h2("5.1 Technische ID van het kavel: LOT-0001"), row("Titel", "Jeugdhulp"),
            h2("5.1 Technische ID van het kavel: LOT-0002"), row("Titel", "Jeugd-GGZ"), h1("6. Resultaten"),
            h2("6.1 ID resultaat perceel: LOT-0001"), only("Er is ten minste één winnaar gekozen."),
            h2("6.1 ID resultaat perceel: LOT-0002"), only("Er is ten minste één winnaar gekozen."),
            h1("8. Organisaties"), h2("8.1 ORG-0001"), row("Officiële naam", "Alpha B.V."),
            row("Winnaar van deze percelen", "GLO-0001")]
    parsed = parse_html(eforms(*rows))
    assert sorted((lot["lot_id"], lot["awarded"]) for lot in parsed["lots"]) == [("LOT-0001", 1), ("LOT-0002", 1)]
    assert [(s["lot_id"], s["name"]) for s in parsed["suppliers"]] == [("GLO-0001", "Alpha B.V.")]
    assert [a["lot_id"] for a in parsed["awards"]] == ["GLO-0001"]
    assert any("GLO-0001" in p and "group" in p for p in parsed["problems"])


def test_a_winners_postcode_is_kept_beside_its_place_in_every_layout():
    """Reference §2.3 (section 8: Officiële naam, Registratienummer, Postadres, Stad, Postcode, Land), §3.1 (V.2.3
    "Postcode:") and §6.3 (``address.postalCode``): a winner's address was kept as its place and country alone, its
    postcode read nowhere (one printed with the name, "…, 3511 AB Utrecht", was dropped), so two winners of one name
    in one town, or a place written two ways, could not be told apart by the archive. The winner's ``postcode`` is
    kept as printed, from its winner block, section 8, the older form's contractor or its one-line address."""
    html = eforms(h1("1. Koper"), h1("6. Resultaten"), h2("6.1 ID resultaat perceel: LOT-0001"),
                  h3("6.1.2 Informatie over winnaars"), only("Winnaar"), row("Officiële naam", "Jeugdzorg Oost B.V."),
                  row("Stad", "Utrecht"), row("Postcode", "3511 AB"),
                  only("Winnaar"), row("Officiële naam", "Zorg West B.V."),
                  h1("8. Organisaties"), h2("8.1 ORG-0001"), row("Officiële naam", "Zorg West B.V."),
                  row("Stad", "Leiden"), row("Postcode", " 2311  AA "), row("Land", "Nederland"))
    parsed = parse_html(html)
    assert [(s["name"], s["place"], s["postcode"]) for s in parsed["suppliers"]] == [
        ("Jeugdzorg Oost B.V.", "Utrecht", "3511 AB"), ("Zorg West B.V.", "Leiden", "2311 AA")]
    rows = html_results({"publication_id": 1, "procurement_id": "TN1"}, parsed, {})
    assert [s["postcode"] for a in rows["awards"] for s in a["suppliers"]] == ["3511 AB", "2311 AA"]
    standard = afdeling_v(heading("1", "Jeugdhulp"), paragraphs("Een opdracht/perceel wordt gegund: ja"),
                          contractor("Jeugdzorg Oost B.V.", Postadres="Stationsstraat 1", Plaats="Utrecht",
                                     Postcode="3511 AB", Land="Nederland"),
                          contractor("Zorg Noord B.V., Markt 2, 9711 AA Groningen"))
    assert [(s["name"], s["place"], s["postcode"]) for s in parse_html(standard)["suppliers"]] == [
        ("Jeugdzorg Oost B.V.", "Utrecht", "3511 AB"), ("Zorg Noord B.V.", "Groningen", "9711 AA")]


def test_a_winners_street_address_is_kept_beside_its_postcode_in_every_layout():
    """Reference §2.3 (section 8: Officiële naam, Registratienummer, Postadres, Stad, Postcode, Land), §3.1 (V.2.3
    "Postadres:"), §3.2 (before 2016, V.3's address lines) and a name printed with its address in one line: a
    winner's address was kept as its place, postcode and country, its street read nowhere, so the archive could not
    say where the winner is (two branches of one organisation in one town share the rest). The winner's ``street``
    is kept as printed, from its winner block, section 8, the older forms' contractor or its one-line address."""
    html = eforms(h1("1. Koper"), h1("6. Resultaten"), h2("6.1 ID resultaat perceel: LOT-0001"),
                  h3("6.1.2 Informatie over winnaars"), only("Winnaar"), row("Officiële naam", "Jeugdzorg Oost B.V."),
                  row("Postadres", "Stationsstraat 1"), row("Stad", "Utrecht"), row("Postcode", "3511 AB"),
                  only("Winnaar"), row("Officiële naam", "Zorg West B.V."),
                  only("Winnaar"), row("Officiële naam", "Zorg Noord B.V., Markt 2, 9711 AA Groningen"),
                  h1("8. Organisaties"), h2("8.1 ORG-0001"), row("Officiële naam", "Zorg West B.V."),
                  row("Postadres", " Breestraat  10 "), row("Stad", "Leiden"), row("Postcode", "2311 AA"),
                  row("Land", "Nederland"))
    parsed = parse_html(html)
    assert [(s["name"], s["street"], s["postcode"]) for s in parsed["suppliers"]] == [
        ("Jeugdzorg Oost B.V.", "Stationsstraat 1", "3511 AB"), ("Zorg West B.V.", "Breestraat 10", "2311 AA"),
        ("Zorg Noord B.V.", "Markt 2", "9711 AA")]
    rows = html_results({"publication_id": 1, "procurement_id": "TN1"}, parsed, {})
    assert [s["street"] for a in rows["awards"] for s in a["suppliers"]] == [
        "Stationsstraat 1", "Breestraat 10", "Markt 2"]
    english = eforms(h1("1. Buyer"), h1("6. Results"), h2("6.1 Result lot ldentifier: LOT-0001"),
                     h3("6.1.2 Information about winners"), only("Winner"), row("Official name", "Care East Ltd"),
                     row("Postal address", "High Street 5"), row("Town", "Leeds"))
    assert [(s["name"], s["street"], s["place"]) for s in parse_html(english)["suppliers"]] == [
        ("Care East Ltd", "High Street 5", "Leeds")]
    standard = afdeling_v(heading("1", "Jeugdhulp"), paragraphs("Een opdracht/perceel wordt gegund: ja"),
                          contractor("Jeugdzorg Oost B.V.", Postadres="Stationsstraat 1", Plaats="Utrecht",
                                     Postcode="3511 AB", Land="Nederland"),
                          contractor("Zorg Noord B.V., Markt 2, 9711 AA Groningen"))
    assert [(s["name"], s["street"], s["place"]) for s in parse_html(standard)["suppliers"]] == [
        ("Jeugdzorg Oost B.V.", "Stationsstraat 1", "Utrecht"), ("Zorg Noord B.V.", "Markt 2", "Groningen")]
    from tests.awards.test_html_standard import ancient_contractor
    ancient = parse_html(ancient_contractor("Stichting Jeugdhulp Oudstad", "41165432", "Dorpsstraat 1",
                                            "1234 AB Oudstad", "Nederland"))
    assert [(s["name"], s["street"], s["postcode"], s["place"]) for s in ancient["suppliers"]] == [
        ("Stichting Jeugdhulp Oudstad", "Dorpsstraat 1", "1234 AB", "Oudstad")]
    # a line of the name that looks like a street is none: the street is the line just before the postcode
    for lines, street in ((("Stichting Jeugdzorg", "Regio 2", "Dorpsstraat 1", "1234 AB Oudstad"), "Dorpsstraat 1"),
                          (("Stichting Jeugdzorg", "Regio 2", "1234 AB Oudstad"), "Regio 2"),
                          (("Stichting Jeugdzorg", "Regio 2"), None)):
        assert [s["street"] for s in parse_html(ancient_contractor(*lines))["suppliers"]] == [street], lines


def test_a_winners_nuts_code_is_kept_as_its_region_in_every_layout():
    """Reference §3.1 (V.2.3 "Naam en adres van de contractant": "Officiële benaming:", …, "Plaats:", "NUTS-code:",
    "Postcode:") and the eForms organisation rows (section 8 or the winner's block; SDK BT-507 "Onderverdeling land
    (NUTS)", English "Country subdivision (NUTS)"): the winner's region code was read nowhere, so the archive kept a
    winner's street, place and postcode but not the region every notice states. It is kept as ``nuts``, the code as
    printed, an unpublished field none. SYNTHETIC renderings of the documented shapes."""
    html = eforms(h1("1. Koper"), h1("6. Resultaten"), h2("6.1 ID resultaat perceel: LOT-0001"),
                  h3("6.1.2 Informatie over winnaars"), only("Winnaar"), row("Officiële naam", "Jeugdzorg Oost B.V."),
                  row("Stad", "Utrecht"), row("Onderverdeling land (NUTS)", "NL310"),
                  only("Winnaar"), row("Officiële naam", "Zorg West B.V."),
                  only("Winnaar"), row("Officiële naam", "Zorg Zuid B.V."), row("Onderverdeling land (NUTS)",
                                                                              "niet gepubliceerd"),
                  h1("8. Organisaties"), h2("8.1 ORG-0001"), row("Officiële naam", "Zorg West B.V."),
                  row("Stad", "Leiden"), row("Onderverdeling land (NUTS)", " NL337 "), row("Land", "Nederland"))
    parsed = parse_html(html)
    assert [(s["name"], s["place"], s["nuts"]) for s in parsed["suppliers"]] == [
        ("Jeugdzorg Oost B.V.", "Utrecht", "NL310"), ("Zorg West B.V.", "Leiden", "NL337"),
        ("Zorg Zuid B.V.", None, None)]
    rows = html_results({"publication_id": 1, "procurement_id": "TN1"}, parsed, {})
    assert [s["nuts"] for a in rows["awards"] for s in a["suppliers"]] == ["NL310", "NL337", None]
    english = eforms(h1("1. Buyer"), h1("6. Results"), h2("6.1 Result lot ldentifier: LOT-0001"),
                     h3("6.1.2 Information about winners"), only("Winner"), row("Official name", "Care East Ltd"),
                     row("Town", "Leeds"), row("Country subdivision (NUTS)", "UKE42"))
    assert [(s["name"], s["nuts"]) for s in parse_html(english)["suppliers"]] == [("Care East Ltd", "UKE42")]
    standard = afdeling_v(heading("1", "Jeugdhulp"), paragraphs("Een opdracht/perceel wordt gegund: ja"),
                          contractor("Jeugdzorg Oost B.V.", **{"Nationale identificatie": "41165432",
                                                               "Postadres": "Stationsstraat 1", "Plaats": "Utrecht",
                                                               "NUTS-code": "NL310", "Postcode": "3511 AB",
                                                               "Land": "Nederland"}),
                          contractor("Zorg Noord B.V.", Plaats="Groningen", Land="Nederland"))
    assert [(s["name"], s["place"], s["postcode"], s["nuts"]) for s in parse_html(standard)["suppliers"]] == [
        ("Jeugdzorg Oost B.V.", "Utrecht", "3511 AB", "NL310"), ("Zorg Noord B.V.", "Groningen", None, None)]


def test_the_older_label_sets_procedure_total_and_framework_maximum_are_the_notices_in_dutch_and_english():
    """Reference §2.3 (BT-161 "Waarde van alle in het kader van deze procedure gegunde opdrachten" / "Value of all
    contracts awarded in this procedure", BT-118 "Maximumwaarde van de raamovereenkomsten in deze procedure", the
    older wordings WAI saw from November 2023 to early 2025, [H]), §2.4 (older set: the currency inside the value,
    "3 583 200 EUR"; ISO dates with an offset) and §4 "Total vs per-winner values" (store both, derive neither): the
    notice's total and framework maximum of the older wording are the procedure's, beside the winner's own value.
    SYNTHETIC renderings of the older label set; the labels were read, no test held them."""
    def older(language):
        dutch = language == "nl"
        return parse_html(eforms(
            h1("1. Koper" if dutch else "1. Buyer"), h1("6. Resultaten" if dutch else "6. Results"),
            row("Waarde van alle in het kader van deze procedure gegunde opdrachten" if dutch
                else "Value of all contracts awarded in this procedure", "3 583 201 EUR"),
            row("Maximumwaarde van de raamovereenkomsten in deze procedure" if dutch
                else "Maximum value of the framework agreements in this procedure", "5 000 000 EUR"),
            h2("6.1 Resultaat Lot Identifier: LOT-0000" if dutch else "6.1 Result lot ldentifier: LOT-0000"),
            h3("6.1.2 Informatie over winnaars" if dutch else "6.1.2 Information about winners"),
            only("Winnaar" if dutch else "Winner"),
            row("Officiële naam" if dutch else "Official name", "[ Marsh B.V. ] ---"),
            only("Inschrijver" if dutch else "Tender"),
            row("Waarde van het resultaat" if dutch else "Value of the result", "3 583 200 EUR"),
            only("Informatie over het contract" if dutch else "Contract information"),
            row("Datum van sluiting van het contract" if dutch else "Date of the conclusion of the contract",
                "2023-06-26+02:00")))

    for language in ("nl", "en"):
        read = older(language)
        procedure = read["procedure"]
        assert (procedure["total_awarded_cents"], procedure["total_awarded_currency"],
                procedure["framework_maximum_cents"]) == (358320100, "EUR", 500000000), (language, procedure)
        assert [(a["lot_id"], a["value_cents"], a["contract_date"]) for a in read["awards"]] == [
            ("LOT-0000", 358320000, "2023-06-26")], language
        assert [(s["name"], s["tender_value_cents"]) for s in read["suppliers"]] == [("Marsh B.V.", 358320000)]
        assert not read["problems"], read["problems"]


def test_a_winners_country_however_written_is_archived_with_one_code_in_every_layout():
    """Reference §2.3 (section 8 "Land", in the rendering's language: "Nederland", "Netherlands", "Niederlande"), §3.1
    (V.2.3 "Land:", often the code "NL") and §6.3 ("Country comes as ``address.countryName`` with values such as
    "Nederland" or "NL"; TDS and TH both normalise several spellings): the winner's country was kept as printed only,
    so Dutch winners were "Nederland", "NL" and "Netherlands" apart and a filter on a country missed the others.
    ``country_code`` is its ISO 3166-1 code beside the country as printed; none where no country is named.
    SYNTHETIC renderings of the documented shapes."""
    html = eforms(h1("1. Koper"), h1("6. Resultaten"), h2("6.1 ID resultaat perceel: LOT-0001"),
                  h3("6.1.2 Informatie over winnaars"), only("Winnaar"), row("Officiële naam", "Jeugdzorg Oost B.V."),
                  only("Winnaar"), row("Officiële naam", "Zorg Vlaanderen BV"),
                  only("Winnaar"), row("Officiële naam", "Zorg Zuid B.V."),
                  h1("8. Organisaties"), h2("8.1 ORG-0001"), row("Officiële naam", "Jeugdzorg Oost B.V."),
                  row("Land", "Nederland"), h2("8.2 ORG-0002"), row("Officiële naam", "Zorg Vlaanderen BV"),
                  row("Land", "België"))
    english = eforms(h1("1. Buyer"), h1("6. Results"), h2("6.1 Result lot ldentifier: LOT-0001"),
                     h3("6.1.2 Information about winners"), only("Winner"), row("Official name", "Care East B.V."),
                     row("Country", "Netherlands"))
    standard = afdeling_v(heading("1", "Jeugdhulp"), paragraphs("Een opdracht/perceel wordt gegund: ja"),
                          contractor("Zorg Noord B.V.", Plaats="Groningen", Land="NL"))
    seen = []
    for rendering in (html, english, standard):
        rows = html_results({"publication_id": 1, "procurement_id": "TN1"}, parse_html(rendering), {})
        seen += [(s["name"], s["country"], s["country_code"]) for a in rows["awards"] for s in a["suppliers"]]
    assert seen == [("Jeugdzorg Oost B.V.", "Nederland", "NL"), ("Zorg Vlaanderen BV", "België", "BE"),
                    ("Zorg Zuid B.V.", None, None), ("Care East B.V.", "Netherlands", "NL"),
                    ("Zorg Noord B.V.", "NL", "NL")]


def test_every_submission_type_of_the_reference_is_a_count_of_its_own_and_only_inschrijvingen_the_tenders():
    """Reference §4.2 (BT-760, SDK ``received-submission-type.*``): a lot's statistics print a count per type, each
    after its "Type van de ontvangen inschrijvingen" under the label-only "Ontvangen inschrijvingen of verzoeken tot
    deelname" (§2.3) — "Verzoeken tot deelname", the sizes of the tenderers, "Inschrijvingen van organisaties uit
    niet-EER-landen", "Inschrijvingen die zijn gecontroleerd en niet-ontvankelijk zijn bevonden" among them. The
    number of tenders is the count of "Inschrijvingen" alone, whatever stands before or after it (BH's maximum over all
    counts would be the 9 requests to participate); every count is kept under its type. Holds (refawards78: no test
    named the last types). SYNTHETIC rendering of the documented rows."""
    kinds = {"Verzoeken tot deelname": 9, "Inschrijvingen van micro-ondernemingen": 1,
             "Inschrijvingen van kleine ondernemingen": 2, "Inschrijvingen van middelgrote ondernemingen": 1,
             "Inschrijvingen van grote ondernemingen": 0, "Inschrijvingen": 4,
             "Inschrijvingen van organisaties uit niet-EER-landen": 0,
             "Inschrijvingen die zijn gecontroleerd en niet-ontvankelijk zijn bevonden": 1,
             "Elektronisch ingediende inschrijvingen": 4}
    counts = [r for kind, n in kinds.items() for r in (
        only("Ontvangen inschrijvingen of verzoeken tot deelname"), row("Type van de ontvangen inschrijvingen", kind),
        row("Aantal ontvangen inschrijvingen of verzoeken tot deelname", str(n)))]
    read = parse_html(eforms(h1("1. Koper"), h1("6. Resultaten"), h2("6.1 ID resultaat perceel: LOT-0001"),
                             h3("6.1.2 Informatie over winnaars"), only("Winnaar"),
                             row("Officiële naam", "Jeugdzorg Oost B.V."), h3("6.1.4 Statistische informatie"), *counts))
    lot = read["lots"][0]
    assert (lot["tenders_received"], json.loads(lot["received_counts"])) == (4, kinds)
    assert [a["tenders_received"] for a in read["awards"]] == [4] and read["problems"] == []
