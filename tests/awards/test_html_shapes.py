"""Second pass over tenderned-awards.md: documented /html shapes built row by row (SYNTHETIC renderings
of exactly the documented markup, reference §2.2 and §3.1) and what the parser makes of them."""

from tenderarchive.awards.html import parse_html
from tests.fixtures.awards.make_fixtures import amount, h3, only, row  # the fixtures' own row makers


def h1(text):
    return f'<tr class="header1"><th colspan="2">{text}</th></tr>'


def h2(text):
    return f'<tr class="header2"><th colspan="2">{text}</th></tr>'




def eforms(*rows):
    return "<table><tbody>" + "".join(rows) + "</tbody></table>"


def afdeling_v(*parts):
    return ('<div id="publicatie"><h3 class="section-header-1">Afdeling I: <span>Aanbestedende dienst</span></h3>'
            '<h3 class="section-header-1">Afdeling V: <span>Gunning van een opdracht</span></h3>'
            + "".join(parts)
            + '<h3 class="section-header-1">Afdeling VI: <span>Aanvullende inlichtingen</span></h3></div>')


def item(number, heading, content):
    return (f'<h5 class="subsection"><span class="subsection-number">{number})</span> '
            f'<span class="section-header-3">{heading}</span></h5><p class="subsection-content">{content}</p>')


def test_dates_written_out_in_dutch_or_english_are_read():
    """The brief's "dates in Dutch and English" against reference §2.3 (BT-1451, BT-145) and §3.1
    (V.2.1): "15 mei 2026", "1 June 2026", "May 15, 2026", "15.05.2026" were read as no date at all,
    silently. A date that is not one is now a problem, not a silent NULL."""
    def result(winner_date, contract_date, language="1. Koper"):
        return parse_html(eforms(
            h1(language), h1("6. Resultaten"), h2("6.1 ID resultaat perceel: LOT-0001"),
            h3("6.1.2 Informatie over winnaars"), only("Winnaar"), row("Officiële naam", "Jeugdhulp Noord B.V."),
            only("Informatie over het contract"), row("Datum waarop de winnaar is gekozen", winner_date),
            row("Datum van sluiting van het contract", contract_date)))

    for winner_date, contract_date in [("15 mei 2026", "1 juni 2026"), ("15 May 2026", "1 June 2026"),
                                       ("May 15, 2026", "June 1, 2026"), ("15.05.2026", "01.06.2026"),
                                       ("vrijdag 15 mei 2026", "1 jun. 2026")]:
        read = result(winner_date, contract_date)
        assert [(a["award_date"], a["contract_date"]) for a in read["awards"]] == [("2026-05-15", "2026-06-01")], \
            (winner_date, contract_date)
        assert not read["problems"]
    assert [(a["award_date"], a["contract_date"]) for a in result("15/05/2026", "2023-06-26+02:00")["awards"]] == [
        ("2026-05-15", "2023-06-26")]
    unreadable = result("binnenkort", "niet gepubliceerd")
    assert [(a["award_date"], a["contract_date"]) for a in unreadable["awards"]] == [(None, None)]
    assert [p for p in unreadable["problems"] if "binnenkort" in p] and not [
        p for p in unreadable["problems"] if "niet gepubliceerd" in p]

    standard = parse_html(afdeling_v(
        '<p class="subsection-content">Opdracht nr.: 1<br />Perceel nr.: -<br />Benaming: Jeugdhulp</p>',
        item("V.2.1", "Datum van de sluiting van de overeenkomst: ", "24 juni 2022"),
        item("V.2.3", "Naam en adres van de contractant", "")
        + '<dl class="subsection"><dt>Officiële benaming:</dt><dd>Berkel-B B.V.</dd></dl>'))
    assert [a["contract_date"] for a in standard["awards"]] == ["2022-06-24"]


def test_a_withheld_winner_name_is_no_name_not_an_organisation_called_niet_gepubliceerd():
    """Reference §2.3 ("niet gepubliceerd" is the text of an unpublished field) and §2.5 (a winner block
    without a name: report it, do not invent one). A winner printed as "niet gepubliceerd" (or "-") became
    a winner of that name, so every withheld winner of the archive was one organisation
    ``name:niet gepubliceerd``. Both layouts; a published winner beside it is kept."""
    read = parse_html(eforms(
        h1("6. Resultaten"), h2("6.1 ID resultaat perceel: LOT-0001"), h3("6.1.2 Informatie over winnaars"),
        only("Winnaar"), row("Officiële naam", "niet gepubliceerd"), only("Inschrijving"),
        amount("Waarde van de aanbesteding", "niet gepubliceerd", ""),
        only("Winnaar"), row("Officiële naam", "Jeugdhulp Noord B.V."),
        h2("6.1 ID resultaat perceel: LOT-0002"), h3("6.1.2 Informatie over winnaars"),
        only("Winnaar"), row("Naam van de aanbiedende partij", "-"), row("Leider van de inschrijver", "Niet gepubliceerd."),
        h1("8. Organisaties"), h2("8.1 ORG-0001"), row("Officiële naam", "niet gepubliceerd"),
        row("Registratienummer", "01234567")))
    assert [(s["lot_id"], s["name"], s["kvk"]) for s in read["suppliers"]] == [("LOT-0001", "Jeugdhulp Noord B.V.", None)]
    assert any("LOT-0001: 1 winner(s) without an official name" in p for p in read["problems"])
    assert any("LOT-0002: 1 winner(s) without an official name" in p for p in read["problems"])

    standard = parse_html(afdeling_v(
        '<p class="subsection-content">Opdracht nr.: 1<br />Perceel nr.: -<br />Benaming: Jeugdhulp</p>',
        '<p class="subsection-content">Een opdracht/perceel wordt gegund: ja</p>',
        item("V.2.3", "Naam en adres van de contractant", "")
        + '<dl class="subsection"><dt>Officiële benaming:</dt><dd>niet gepubliceerd</dd></dl>'))
    assert standard["suppliers"] == [] and any("without an official name" in p for p in standard["problems"])


def test_an_amount_in_another_currency_is_kept_as_printed_not_stored_as_euro_cents():
    """Reference §2.4 (WAI "refuses '1 000 GBP'"; SDK currency names "Pond sterling", "US-dollar") and §4
    (currencies: nearly always Euro, non-euro amounts refused). Every ``*_cents`` column is euro cents and
    the summaries add them up per region and year: an amount in pounds went in as if euro."""
    read = parse_html(eforms(
        h1("6. Resultaten"), h2("6.1 ID resultaat perceel: LOT-0001"), h3("6.1.2 Informatie over winnaars"),
        only("Winnaar"), row("Officiële naam", "British Care Ltd"), only("Inschrijving"),
        amount("Waarde van de aanbesteding", "1 500 000", "Pond sterling"),
        h2("6.1 ID resultaat perceel: LOT-0002"), h3("6.1.2 Informatie over winnaars"),
        only("Winnaar"), row("Officiële naam", "Jeugdhulp Noord B.V."), only("Inschrijving"),
        amount("Waarde van de aanbesteding", "1 500 000", "Euro")))
    values = {a["lot_id"]: (a["value_cents"], a["value_raw"], a["value_currency"]) for a in read["awards"]}
    assert values == {"LOT-0001": (None, "1 500 000", "GBP"), "LOT-0002": (150000000, "1 500 000", "EUR")}
    assert [p for p in read["problems"] if "GBP" in p and "1 500 000" in p]


def test_a_winner_block_without_a_name_takes_the_name_section_8_gives_the_lots_winner():
    """Reference §2.5 ("a winner block without any name occurs"; section 8's "Winnaar van deze percelen"
    is the fallback when 6.1.2 does not name the winner, BH: the only place some notices name it). The
    nameless block counted as the lot's winner, so section 8 was not asked: the winner, its KvK number
    and its tender value were lost. A named winner elsewhere is not touched."""
    read = parse_html(eforms(
        h1("6. Resultaten"), h2("6.1 ID resultaat perceel: LOT-0001"), h3("6.1.2 Informatie over winnaars"),
        only("Winnaar"), only("Inschrijving"), amount("Waarde van de aanbesteding", "1 200 000"),
        h2("6.1 ID resultaat perceel: LOT-0002"), h3("6.1.2 Informatie over winnaars"),
        only("Winnaar"), row("Officiële naam", "Stichting Zorg Oost"),
        h1("8. Organisaties"), h2("8.1 ORG-0002"), row("Officiële naam", "Jeugdhulp Noord B.V."),
        row("Registratienummer", "01234567"), only("Rollen van deze organisatie"), only("Inschrijver"),
        row("Winnaar van deze percelen", "LOT-0001, LOT-0002")))
    assert [(s["lot_id"], s["name"], s["kvk"], s["tender_value_cents"], s["from_section_8"]) for s in read["suppliers"]] \
        == [("LOT-0001", "Jeugdhulp Noord B.V.", "01234567", 120000000, 1), ("LOT-0002", "Stichting Zorg Oost", None, None, 0)]
    assert [(lot["lot_id"], lot["awarded"]) for lot in read["lots"]] == [("LOT-0001", 1), ("LOT-0002", 1)]
    assert not read["problems"]


def test_a_withheld_tender_count_is_no_count_and_no_problem_a_garbled_one_is():
    """Reference §2.3 ("niet gepubliceerd", the text of an unpublished field; the number of tenders is one
    a buyer may withhold) and §4.2: a withheld count is no count, said by the notice itself, not a
    reading problem; a count that is neither stays a problem, and the next count keeps its own type."""
    read = parse_html(eforms(
        h1("6. Resultaten"), h2("6.1 ID resultaat perceel: LOT-0001"), h3("6.1.4 Statistische informatie"),
        row("Type van de ontvangen inschrijvingen", "Inschrijvingen"),
        row("Aantal ontvangen inschrijvingen of verzoeken tot deelname", "niet gepubliceerd"),
        row("Type van de ontvangen inschrijvingen", "Verzoeken tot deelname"),
        row("Aantal ontvangen inschrijvingen of verzoeken tot deelname", "veel"),
        row("Aantal ontvangen inschrijvingen of verzoeken tot deelname", "3")))
    lot = read["lots"][0]
    assert (lot["tenders_received"], lot["received_counts"]) == (3, '{"Inschrijvingen": 3}')
    assert read["problems"] == ["tender count is not a number: 'veel'"]


def test_every_english_label_of_the_reference_is_read():
    """Reference §2.3's English column, each label row by row (no test named most of them): the estimate, the
    notice's total, framework maximum and approximate value, the lot's framework maximum and re-estimate, the
    winner, the tender's lot and value (newer and older wording), the contract dates, the count and the lowest and
    highest tender. SYNTHETIC rendering."""
    html = eforms(
        h1("1. Buyer"), row("Official name", "Gemeente Rijnstad"),
        h1("2. Procedure"), h3("2.1.3 Value"), amount("Estimated value excluding VAT", "3 000 000", "Euro"),
        h1("5. Lot"), h2("5.1 Lot technical ID: LOT-0001"), amount("Estimated value excluding VAT", "1 000 000", "Euro"),
        h1("6. Results"),
        amount("Value of all contracts awarded in this notice", "2 500 000", "Euro"),
        amount("Maximum value of the framework agreements in this notice", "5 000 000", "Euro"),
        amount("Approximate value of the framework agreements", "4 000 000", "Euro"),
        h2("6.1 Result lot ldentifier: LOT-0001"), only("At least one winner was chosen."),
        only("Framework agreement"), amount("Maximum value of the framework agreement", "3 000 000", "Euro"),
        amount("Re-estimated value of the framework agreement", "3 500 000", "Euro"),
        h3("6.1.2 Information about winners"), only("Winner"), row("Official name", "Youth Care Ltd"),
        only("Tender"), row("Identifier of lot or group of lots", "LOT-0001"),
        amount("Value of the tender", "1 500 000", "Euro"),
        only("Contract information"), row("Date on which the winner was chosen", "15/05/2026"),
        row("Date of the conclusion of the contract", "01/06/2026"),
        h3("6.1.4 Statistical information"), row("Number of tenders or requests to participate received", "3"),
        amount("Value of the lowest admissible tender", "1 400 000", "Euro"),
        amount("Value of the highest admissible tender", "1 900 000", "Euro"),
        h2("6.1 Result lot ldentifier: LOT-0002"), only("At least one winner was chosen."),
        h3("6.1.2 Information about winners"), only("Winner"), row("Official name", "Zorg B.V."),
        only("Tender"), amount("Value of the result", "1 000 000", "Euro"))
    result = parse_html(html)
    assert result["language"] == "en" and result["problems"] == []
    procedure = result["procedure"]
    assert [procedure[f"{k}_cents"] for k in ("estimated", "total_awarded", "framework_maximum",
                                              "framework_approximate")] == [300000000, 250000000, 500000000, 400000000]
    lot1, lot2 = result["lots"]
    assert (lot1["estimated_cents"], lot1["framework_maximum_cents"], lot1["framework_reestimate_cents"],
            lot1["tenders_received"], lot1["lowest_tender_cents"], lot1["highest_tender_cents"]) == \
        (100000000, 300000000, 350000000, 3, 140000000, 190000000)
    assert [(a["lot_id"], a["value_cents"], a["award_date"], a["contract_date"]) for a in result["awards"]] == [
        ("LOT-0001", 150000000, "2026-05-15", "2026-06-01"), ("LOT-0002", 100000000, None, None)]
    assert [s["name"] for s in result["suppliers"]] == ["Youth Care Ltd", "Zorg B.V."]
    assert lot2["awarded"] == 1


def test_two_firms_of_one_folded_name_in_section_8_each_keep_their_own_kvk_number():
    """Reference §2.5 ("Section 8 … attach a winner's Registratienummer (match on the name)") and §4 ("Same
    organisation, spelled differently"): section 8 matched a winner by its folded name alone and kept the first
    organisation of each folded name, so "Stichting Zorg West" (22222222), winner of lot 2, was given the KvK
    number of "Zorg West B.V." (11111111), winner of lot 1: two firms became one provider. The exactly printed name
    decides, else the organisation that names the winner's lot; one organisation of the name still serves every
    spelling. SYNTHETIC rendering."""
    def notice(first, second, section_8):
        return eforms(h1("1. Koper"), row("Officiële naam", "Gemeente Rijnstad"), h1("6. Resultaten"),
                      h2("6.1 ID resultaat perceel: LOT-0001"), h3("6.1.2 Informatie over winnaars"),
                      only("Winnaar"), row("Officiële naam", first),
                      h2("6.1 ID resultaat perceel: LOT-0002"), h3("6.1.2 Informatie over winnaars"),
                      only("Winnaar"), row("Officiële naam", second), h1("8. Organisaties"), *section_8)
    two = [h2("8.1 ORG-0001"), row("Officiële naam", "Zorg West B.V."), row("Registratienummer", "11111111"),
           row("Winnaar van deze percelen", "LOT-0001"),
           h2("8.2 ORG-0002"), row("Officiële naam", "Stichting Zorg West"), row("Registratienummer", "22222222"),
           row("Winnaar van deze percelen", "LOT-0002")]
    for first, second in (("Zorg West B.V.", "Stichting Zorg West"), ("Zorg West", "Zorg West")):
        assert [s["kvk"] for s in parse_html(notice(first, second, two))["suppliers"]] == ["11111111", "22222222"]
    one = [h2("8.1 ORG-0001"), row("Officiële naam", "Zorg Oost B.V."), row("Registratienummer", "33333333")]
    assert [s["kvk"] for s in parse_html(notice("Stichting Zorg Oost", "Zorg Oost", one))["suppliers"]] == \
        ["33333333", "33333333"]


def test_section_8_names_no_winner_of_a_lot_whose_result_says_none_was_chosen():
    """Reference §2.5: section 8's "Winnaar van deze percelen" is the fallback when a lot result names no winner;
    §4: a lot not awarded says "Er is geen winnaar gekozen en de mededinging is gesloten." A correction withdrawing a
    lot's award (its result "geen winnaar", section 8 still naming the earlier winner) had that winner read from
    section 8: a current award beside a lot not awarded. And an unpublished "Winnaar van deze percelen" ("niet
    gepubliceerd", reference §2.3) was read as the lots "niet" and "gepubliceerd", each won. SYNTHETIC rendering."""
    read = parse_html(eforms(
        h1("1. Koper"), row("Officiële naam", "Gemeente Voorbeeldstad"),
        h1("6. Resultaten"), h2("6.1 ID resultaat perceel: LOT-0001"),
        only("Er is geen winnaar gekozen en de mededinging is gesloten."),
        row("De reden waarom geen winnaar is gekozen", "Besluit van de koper, wegens gewijzigde behoeften"),
        h2("6.1 ID resultaat perceel: LOT-0002"), only("Er is nog geen winnaar gekozen, maar de mededinging loopt nog."),
        h2("6.1 ID resultaat perceel: LOT-0003"), only("Er is ten minste één winnaar gekozen."),
        h1("8. Organisaties"), h2("8.1 ORG-0001"), row("Officiële naam", "Stichting Jeugdhulp Noord"),
        row("Registratienummer", "01234567"), only("Rollen van deze organisatie"), only("Inschrijver"),
        row("Winnaar van deze percelen", "LOT-0001, LOT-0002, LOT-0003"),
        h2("8.2 ORG-0002"), row("Officiële naam", "Jeugdzorg Zuid B.V."), only("Rollen van deze organisatie"),
        only("Inschrijver"), row("Winnaar van deze percelen", "niet gepubliceerd")))
    assert [(s["lot_id"], s["name"]) for s in read["suppliers"]] == [("LOT-0003", "Stichting Jeugdhulp Noord")]
    lots = {lot["lot_id"]: lot["awarded"] for lot in read["lots"]}
    assert lots == {"LOT-0001": 0, "LOT-0002": None, "LOT-0003": 1}
    assert sum("section 8 names 'Stichting Jeugdhulp Noord'" in p for p in read["problems"]) == 2


def test_every_contract_of_a_lot_is_kept_not_the_first_alone():
    """Reference §2.3 (BT-150 "Identificatiecode van het contract", under each winner's "Informatie over het
    contract") and §4 (several winners on one lot): a lot whose two winners each sign a contract, one of them two,
    kept the first contract id only. Every id is kept, in order. SYNTHETIC rendering."""
    def winner(name, *contracts):
        rows = [only("Winnaar"), row("Officiële naam", name), only("Inschrijving"),
                row("Identificatiecode van het perceel of de groep percelen", "LOT-0001")]
        for contract in contracts:
            rows += [only("Informatie over het contract"), row("Identificatiecode van het contract", contract),
                     row("Datum van sluiting van het contract", "01/06/2026")]
        return rows
    read = parse_html(eforms(h1("1. Koper"), row("Officiële naam", "Gemeente Voorbeeldstad"),
                             h1("6. Resultaten"), h2("6.1 ID resultaat perceel: LOT-0001"),
                             h3("6.1.2 Informatie over winnaars"),
                             *winner("Jeugdzorg Oost B.V.", "CON-0001", "CON-0002"),
                             *winner("Stichting Jeugdhulp Noord", "CON-0003", "niet gepubliceerd"),
                             *winner("Zorggroep West", "CON-0001")))
    (award,) = read["awards"]
    assert award["contract_id"] == "CON-0001; CON-0002; CON-0003"
    assert [s["name"] for s in read["suppliers"]] == ["Jeugdzorg Oost B.V.", "Stichting Jeugdhulp Noord", "Zorggroep West"]


def test_dates_written_out_in_german_or_french_are_read():
    """A German or French rendering (labels read since rounds 11 and 12) with its dates written out in its language
    ("15. Mai 2026", "1er juin 2026") lost them: "date is not a date". SYNTHETIC rows."""
    from tenderarchive.awards.html import parse_notice_date

    assert [parse_notice_date(t) for t in ("15. Mai 2026", "1. Dezember 2024", "15. März 2026", "1er juin 2026",
                                           "3 févr. 2025", "31 août 2024", "15 mars 2026")] == [
        "2026-05-15", "2024-12-01", "2026-03-15", "2026-06-01", "2025-02-03", "2024-08-31", "2026-03-15"]
    read = parse_html(eforms(h1("1. Acheteur"), h1("6. Résultats"), h2("6.1 Identifiant du résultat du lot: LOT-0001"),
                             only("Adjudicataire/attributaire"), row("Nom officiel", "Jeugdzorg Grens B.V."),
                             only("Informations relatives au marché"),
                             row("Date à laquelle l'adjudicataire/attributaire a été choisi", "15 mai 2026"),
                             row("Date de conclusion du marché/concession", "1er juin 2026")))
    (award,) = read["awards"]
    assert (award["award_date"], award["contract_date"], read["problems"]) == ("2026-05-15", "2026-06-01", [])


def test_a_contract_date_known_only_to_its_month_is_kept_as_its_month():
    """A winner's or contract date printed to its month only ("januari 2021", "01/2021", "January 2021", "2021-01")
    was read as no date at all (a standard form's silently, the eForms' as a problem): the month is known, and kept as
    the archive keeps a month, ISO "2021-01" (the timeline says "januari 2021" and puts it after that month's days). A
    whole date stays a day; text with no month and year stays no date."""
    def eforms_dates(winner_date, contract_date):
        read = parse_html(eforms(
            h1("1. Koper"), h1("6. Resultaten"), h2("6.1 ID resultaat perceel: LOT-0001"),
            h3("6.1.2 Informatie over winnaars"), only("Winnaar"), row("Officiële naam", "Jeugdhulp Noord B.V."),
            only("Informatie over het contract"), row("Datum waarop de winnaar is gekozen", winner_date),
            row("Datum van sluiting van het contract", contract_date)))
        return [(a["award_date"], a["contract_date"]) for a in read["awards"]], read["problems"]

    for winner_date, contract_date in [("december 2020", "januari 2021"), ("12/2020", "01/2021"),
                                       ("December 2020", "jan. 2021"), ("2020-12", "2021-01")]:
        assert eforms_dates(winner_date, contract_date) == ([("2020-12", "2021-01")], []), (winner_date, contract_date)
    assert eforms_dates("15 december 2020", "13/2021")[0] == [("2020-12-15", None)]
    assert eforms_dates("binnenkort", "2021")[0] == [(None, None)]

    standard = parse_html(afdeling_v(
        '<p class="subsection-content">Opdracht nr.: 1<br />Perceel nr.: -<br />Benaming: Jeugdhulp</p>',
        item("V.2.1", "Datum van de sluiting van de overeenkomst: ", "juni 2022"),
        item("V.2.3", "Naam en adres van de contractant", "")
        + '<dl class="subsection"><dt>Officiële benaming:</dt><dd>Berkel-B B.V.</dd></dl>'))
    assert [a["contract_date"] for a in standard["awards"]] == ["2022-06"]


def test_a_month_without_its_day_is_read_in_linear_time():
    """The month reader (``parse_notice_month``) on 100 KB of shapes that start a month again and again."""
    from tenderarchive.awards.html import parse_notice_month
    from tests.speed import LINEAR, linear_time

    for unit in ("januari ", "jan. ", "1/", "2021-", "12 ", " ", "mei"):
        assert linear_time(parse_notice_month, unit) < LINEAR, unit
