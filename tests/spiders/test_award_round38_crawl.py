"""Thirty-eighth pass over tenderned-awards.md, end to end: SYNTHETIC award notices (eForms and the older standard form)
crawled from the project's loopback API into a real archive; what the Datasette views show of award values in another
currency than the euro, and a reparse of what was archived."""

from __future__ import annotations

from tests.fixtures.awards.make_fixtures import amount, h1, h2, h3, only, row, table, winner
from tests.spiders.test_award_pdf_crawl import assert_reparse_gives_the_same
from tests.spiders.test_award_round30_crawl import leiden


def _eforms_notice() -> str:
    """SYNTHETIC eForms award notice (newer labels, reference §2.2, §2.6): lot 1 won in euros, lot 2 by a British
    provider whose tender value, like the lot's estimate, is printed in pounds ("800 000" with the currency in its own
    ``dynamic-label`` span, "Pond sterling": the SDK's name of GBP, reference §2.4)."""
    return table([
        h1("1. Koper"), row("Officiële naam", "Gemeente Leiden"),
        h1("2. Procedure"), row("Titel", "Jeugdhulp Leiden"),
        h1("5. Perceel"),
        h2("5.1", "Technische ID van het kavel", "LOT-0001"), row("Titel", "Ambulante jeugdhulp"),
        amount("Geraamde waarde exclusief btw", "1 300 000"),
        h2("5.1", "Technische ID van het kavel", "LOT-0002"), row("Titel", "Expertise uit het buitenland"),
        amount("Geraamde waarde exclusief btw", "750 000", "Pond sterling"),
        h1("6. Resultaten"),
        h2("6.1", "ID resultaat perceel", "LOT-0001"), only("Er is ten minste één winnaar gekozen."),
        h3("6.1.2 Informatie over winnaars"), *winner("Stichting Jeugdhulp Leiden", "LOT-0001", "1 234 567,89"),
        h2("6.1", "ID resultaat perceel", "LOT-0002"), only("Er is ten minste één winnaar gekozen."),
        h3("6.1.2 Informatie over winnaars"),
        *[r.replace('<span class="dynamic-label">Euro</span>', '<span class="dynamic-label">Pond sterling</span>')
          for r in winner("Youth Care London Ltd", "LOT-0002", "800 000")],
    ])


def _standard_notice() -> str:
    """SYNTHETIC older standard-form award notice (reference §3.1): the lot's value in V.2.4 and its currency on a
    line of its own after it, "Munt: USD"."""
    def h5(number, text):
        return (f'<h5 class="subsection"><span class="subsection-number">{number})</span> '
                f'<span class="section-header-3">{text}</span></h5>')
    return ('<div id="publicatie"><h3 class="section-header-1">Afdeling I: <span>Aanbestedende dienst</span></h3>'
            '<dl class="subsection"><dt>Officiële benaming:</dt><dd>Gemeente Leiden</dd></dl>'
            '<h3 class="section-header-1">Afdeling V: <span>Gunning van een opdracht</span></h3>'
            '<p class="subsection-content"><span class="section-header-3">Opdracht nr.: </span>1<br />'
            '<span class="section-header-3">Perceel nr.: </span>-<br />'
            '<span class="section-header-3">Benaming: </span>Gezinsbehandeling</p>'
            '<p class="subsection-content">Een opdracht/perceel wordt gegund: ja</p>'
            + h5("V.2.1", "Datum van de sluiting van de overeenkomst: ") + '<p class="subsection-content">24/06/2022</p>'
            + h5("V.2.3", "Naam en adres van de contractant")
            + '<dl class="subsection"><dt>Officiële benaming:</dt><dd>Family Care Inc.</dd>'
              '<dt>Plaats:</dt><dd>Boston</dd><dt>Land:</dt><dd>Verenigde Staten</dd></dl>'
            + h5("V.2.4", "Inlichtingen over de waarde van de opdracht/het perceel (exclusief btw)")
            + '<p class="subsection-content">Totale waarde van de opdracht/het perceel: 1 800 000,00</p>'
              '<p class="subsection-content">Munt: USD</p>'
              '<h3 class="section-header-1">Afdeling VI: <span>Aanvullende inlichtingen</span></h3></div>')


def test_an_award_value_in_another_currency_is_shown_with_its_currency_not_as_a_bare_number(serve_api, crawl):
    """Reference §2.4 (the currency is a separate ``dynamic-label`` span, "Pond sterling"; §3.1 "Munt: EUR" on a line
    of its own) and §4 ("Currencies": other currency names occur; WAI refuses non-euro amounts): a value in pounds or
    dollars is archived as printed with its currency and no euro cents (it is summed nowhere). Every view that shows a
    value where it has no exact euro amount gave the printed number alone: the procurement's awards ("800 000", "1 800
    000,00"), its lots' estimates ("750 000"), the awards by region and year and the provider's contracts, beside
    euro amounts, so a reader took 800.000 pounds or 1,8 million dollars for euros. The printed text keeps its
    currency ("800 000 GBP"); a euro amount and a placeholder's text stay as they were. A reparse gives the same."""
    done = crawl(serve_api([leiden(976012, 976011, "2024-05-20", _eforms_notice()),
                            leiden(976022, 976021, "2024-05-21", _standard_notice())]).api_url,
                 from_date="2024-05-01", until_date="2024-05-31")
    assert done.crawl["status"] == "complete", done.errors
    db = done.db
    # archived as what it is: the printed number and its currency, no euro cents
    assert sorted((r["procurement_id"], r["lot_id"], r["value_cents"], r["value_raw"], r["value_currency"])
                  for r in db.query("select * from awards")) == [
        ("TN976011", "1", 123456789, "1 234 567,89", "EUR"),
        ("TN976011", "2", None, "800 000", "GBP"),
        ("TN976021", "1", None, "1 800 000,00", "USD")]
    assert_reparse_gives_the_same(done.db_path)
    from tests.datasette.archive_fixtures import Server
    from tests.datasette.test_saved_searches import rows

    datasette = Server(done.db_path)
    try:
        awards = {pid: rows(datasette, "aanbesteding_gunningen", procurement_id=pid) for pid in ("TN976011", "TN976021")}
        lots = rows(datasette, "aanbesteding_percelen", procurement_id="TN976011")
        by_region = rows(datasette, "awards_by_region_year", jeugdregio="", year="", pagina="alle")
        contracts = rows(datasette, "aanbieder_contracten", aanbieder="Youth Care London", alle_gunningen="",
                         voor="", pagina="")
    finally:
        datasette.stop()
    assert [(r["perceel"], r["aanbieder"], r["waarde"], r["inschrijving"]) for r in awards["TN976011"]] == [
        # (each lot's only winner: its value is the award's, under waarde, not again under inschrijving)
        ("1", "Stichting Jeugdhulp Leiden", "€ 1.234.567,89", None),
        ("2", "Youth Care London Ltd", "800 000 GBP", None)]
    assert [(r["aanbieder"], r["waarde"]) for r in awards["TN976021"]] == [("Family Care Inc.", "1 800 000,00 USD")]
    assert [(r["perceel"], r["geraamde_waarde"]) for r in lots] == [
        ("1", "€ 1.300.000,00"), ("2", "750 000 GBP")]
    assert sorted((r["lot"], r["value"]) for r in by_region) == [
        ("1", "1 800 000,00 USD"), ("1", "€ 1.234.567,89"), ("2", "800 000 GBP")]
    assert [r["waarde"] for r in contracts] == ["800 000 GBP"]
