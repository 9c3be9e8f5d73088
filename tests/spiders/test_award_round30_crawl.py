"""Thirtieth pass over tenderned-awards.md, end to end: SYNTHETIC award notices crawled from the loopback API into a
real archive, and what its totals show of them."""

from __future__ import annotations

from tests.awards.test_html_standard import _open_house_contract
from tests.spiders.test_award_pdf_crawl import template
from tests.spiders.test_award_variants_crawl import publication


def leiden(pid: int, kenmerk: int, day: str, html: str) -> dict:
    """A SYNTHETIC award notice of Gemeente Leiden (so its procurement is in jeugdregio Holland Rijnland)."""
    notice = publication(template(), pid, kenmerk, "AGO", "result", day, "Jeugdhulp Leiden open house", html)
    for part in ("list", "detail"):
        notice[part].update(aanbestedendeDienstNaam="Gemeente Leiden", opdrachtgeverNaam="Gemeente Leiden")
    return notice


def test_an_open_house_award_of_thirty_contracts_repeating_the_lots_value_counts_it_once(serve_api, crawl):
    """Reference §3.1 (older standard form: one "Afdeling V" block per contract) and §4 (open house: many winners on one
    lot). An open house admits 30 providers to its one lot; the notice prints a block per contract, each repeating the
    lot's "Totale waarde van de opdracht/het perceel: 12 000 000,00". The archive had 30 awards of € 12 mln: the
    procedure, the region's year (the market page) and the dashboard summed € 360 mln and counted 30 gunningen for one
    lot. It is one award of € 12 mln with its 30 winners, each once, each with its own contract date."""
    names = [f"Jeugdhulp Aanbieder {i:02d} B.V." for i in range(30)]
    html = ('<div id="publicatie"><h3 class="section-header-1">Afdeling I: <span>Aanbestedende dienst</span></h3>'
            + "".join(_open_house_contract(i + 1, name, "12 000 000,00", f"{1 + i % 28:02d}/03/2022")
                      for i, name in enumerate(names))
            + '<h3 class="section-header-1">Afdeling VI: <span>Aanvullende inlichtingen</span></h3></div>')
    done = crawl(serve_api([leiden(974012, 974011, "2022-04-20", html)]).api_url, from_date="2022-01-01",
                 until_date="2022-12-31")
    assert done.crawl["status"] == "complete", done.errors
    db = done.db
    assert [(r["lot_id"], r["value_cents"], r["winner_count"], r["current"]) for r in db.query("select * from awards")] \
        == [("1", 1200000000, 30, 1)]
    assert sorted((r["name"], r["contract_date"]) for r in db.query("select * from award_suppliers")) == [
        (name, f"2022-03-{1 + i % 28:02d}") for i, name in enumerate(names)]
    assert [(r["percelen"], r["gunningen"], r["aantal_winnaars"], r["gegunde_waarde_cents"]) for r in db.query(
        "select * from summary_procurements")] == [(1, 1, 30, 1200000000)]
    assert [(r["jeugdregio_code"], r["gunningen"], r["met_waarde"], r["gegunde_waarde_cents"], r["winnaars"])
            for r in db.query("select * from summary_region_years where gunningen > 0")] == [
        ("JZ18", 1, 1, 1200000000, 30)]
    # each provider won the one award of the lot, its value shared: no provider's own (reference §3.1: kept at lot
    # level), whole under gedeeld_cents (branch refawards62; it counted in full in each one's cents, € 360 mln in all)
    assert {(r["awards"], r["cents"], r["gedeeld_cents"]) for r in db.query("select * from summary_org_regions")} \
        == {(1, None, 1200000000)}


def test_values_per_year_beside_their_total_over_the_years_give_the_total_and_a_bare_rate_none(serve_api, crawl):
    """Reference §4 (values given per year with a duration vs a total) and §8.7: an eForms award whose lot 1 winner's
    "Waarde van de aanbesteding" reads "€ 2,4 mln per jaar, totaal over 4 jaar € 9,6 mln", a standard-form award whose
    V.2.4 reads "jaarlijks € 600.000, totaal (2+1+1 jaar) € 2.400.000", and lot 2 of the first a rate alone ("€ 500.000
    per jaar, 4 jaar"). The totals over the years were lost (read as rates: no value), so both procedures showed no
    awarded value. Each award is its total; the bare rate stays without one (kept as printed, never multiplied)."""
    from tests.awards.test_html_shapes import afdeling_v, eforms, h1, h2, item
    from tests.fixtures.awards.make_fixtures import amount, h3, only, row

    def lot(lot_id, winner, value):
        return [h2(f"6.1 ID resultaat perceel: {lot_id}"), only("Er is ten minste één winnaar gekozen."),
                h3("6.1.2 Informatie over winnaars"), only("Winnaar"), row("Officiële naam", winner),
                only("Inschrijving"), amount("Waarde van de aanbesteding", value, ""),
                only("Informatie over het contract"), row("Datum waarop de winnaar is gekozen", "15/05/2024")]

    modern = eforms(h1("1. Koper"), row("Officiële naam", "Gemeente Leiden"), h1("6. Resultaten"),
                    *lot("LOT-0001", "Jeugdhulp Rijn B.V.", "€ 2,4 mln per jaar, totaal over 4 jaar € 9,6 mln"),
                    *lot("LOT-0002", "Stichting Zorg Oost", "€ 500.000 per jaar, 4 jaar"))
    older = afdeling_v('<p class="subsection-content">Opdracht nr.: 1<br />Perceel nr.: -<br />Benaming: Jeugdhulp</p>',
                       '<p class="subsection-content">Een opdracht/perceel wordt gegund: ja</p>',
                       item("V.2.1", "Datum van de sluiting van de overeenkomst: ", "01/03/2024"),
                       item("V.2.3", "Naam en adres van de contractant", "")
                       + '<dl class="subsection"><dt>Officiële benaming:</dt><dd>Jeugdhulp Noord B.V.</dd></dl>',
                       item("V.2.4", "Inlichtingen over de waarde van de opdracht/het perceel (exclusief btw)",
                            "Totale waarde van de opdracht/het perceel: jaarlijks € 600.000, totaal (2+1+1 jaar) "
                            "€ 2.400.000"))
    notices = [leiden(974022, 974021, "2024-06-20", modern), leiden(974032, 974031, "2024-06-21", older)]
    done = crawl(serve_api(notices).api_url, from_date="2024-06-01", until_date="2024-12-31")
    assert done.crawl["status"] == "complete", done.errors
    db = done.db
    awarded = {(r["procurement_id"], r["lot_id"]): (r["value_cents"], r["value_raw"]) for r in db.query(
        "select a.*, coalesce(a.value_cents, s.tender_value_cents) as value_cents, "
        "coalesce(a.value_raw, s.tender_value_raw) as value_raw from awards a join award_suppliers s using (award_id)")}
    assert awarded == {
        ("TN974021", "1"): (960000000, "€ 2,4 mln per jaar, totaal over 4 jaar € 9,6 mln"),
        ("TN974021", "2"): (None, "€ 500.000 per jaar, 4 jaar"),
        ("TN974031", "1"): (240000000, "jaarlijks € 600.000, totaal (2+1+1 jaar) € 2.400.000")}
    assert {r["procurement_id"]: r["gegunde_waarde_cents"] for r in db.query("select * from summary_procurements")} \
        == {"TN974021": 960000000, "TN974031": 240000000}
    assert [(r["gunningen"], r["met_waarde"], r["gegunde_waarde_cents"]) for r in db.query(
        "select * from summary_region_years where gunningen > 0")] == [(3, 2, 1200000000)]


def admission_round(first: int, count: int, chosen: str) -> str:
    """A SYNTHETIC eForms award notice of one admission round of an open house: ``count`` providers (numbered from
    ``first``) admitted to its one lot, a framework of € 115 mln, no tender values (reference §4: open house)."""
    from tests.awards.test_html_shapes import eforms, h1, h2
    from tests.fixtures.awards.make_fixtures import amount, h3, only, org, row

    rows = [h1("1. Koper"), row("Officiële naam", "Gemeente Leiden"), h1("5. Perceel"), h2("5.1 Perceel: LOT-0001"),
            row("Titel", "Toelating jeugdhulpaanbieders"), h1("6. Resultaten"),
            amount("Maximumwaarde van de raamovereenkomsten in deze aankondiging", "115 000 000", "Euro"),
            h2("6.1 ID resultaat perceel: LOT-0001"), only("Er is ten minste één winnaar gekozen."),
            only("Raamovereenkomst"), amount("Maximumwaarde van de raamovereenkomst", "115 000 000", "Euro"),
            h3("6.1.2 Informatie over winnaars")]
    for i in range(first, first + count):
        rows += [only("Winnaar"), row("Officiële naam", f"Jeugdhulp Aanbieder {i:02d} B.V."),
                 only("Informatie over het contract"), row("Datum waarop de winnaar is gekozen", chosen)]
    rows.append(h1("8. Organisaties"))
    for i in range(first, first + count):
        rows += org(i + 2, f"Jeugdhulp Aanbieder {i:02d} B.V.", f"{60000000 + i * 1111:08d}", "Leiden", ["LOT-0001"])
    return eforms(*rows)


def test_an_open_houses_framework_maximum_counts_once_however_many_admission_rounds_award_its_lot(serve_api, crawl):
    """Reference §4 (open house: many winners on one lot, "a framework maximum or nothing"; several award notices per
    procedure, one per admission round, "the winners of a procedure are the union"; framework maxima are ceilings).
    Round 1 admits 20 providers, a later crawl reads round 2 admitting 25 more, both to the one lot of a € 115 mln
    framework. Both rounds' awards are current, as they should be, but the market and values pages summed the lot's
    ceiling per award: € 230 mln of framework maxima for one € 115 mln framework. The ceiling counts once, the 45
    winners each once."""
    from tests.datasette.archive_fixtures import Server
    from tests.datasette.test_saved_searches import rows

    server = serve_api([leiden(974042, 974041, "2024-03-20", admission_round(0, 20, "15/03/2024")),
                        leiden(974043, 974041, "2024-09-20", admission_round(20, 25, "15/09/2024"))])
    first = crawl(server.api_url, from_date="2024-01-01", until_date="2024-06-30")
    assert first.crawl["status"] == "complete", first.errors
    done = crawl(server.api_url, from_date="2024-07-01", until_date="2024-12-31")
    assert done.crawl["status"] == "complete", done.errors
    db = done.db
    assert [(r["publication_id"], r["framework_maximum_cents"], r["winner_count"], r["current"]) for r in db.query(
        "select * from awards order by publication_id")] == [(974042, 11500000000, 20, 1), (974043, 11500000000, 25, 1)]
    assert db.execute("select count(*), count(distinct organisation_id) from award_suppliers").fetchone() == (45, 45)
    assert [(r["gunningen"], r["raamwerk_cents"], r["winnaars"]) for r in db.query(
        "select * from summary_region_years where gunningen > 0")] == [(2, 11500000000, 45)]
    datasette = Server(done.db_path)
    try:
        per_year = [(r["year"], r["awards"], r["framework_maxima"]) for r in rows(datasette, "values_per_year")]
    finally:
        datasette.stop()
    assert per_year == [(2024, 2, "€ 115.000.000,00")]
    # an archive summarised before (the ceiling summed per round) is summarised again when opened
    from tenderarchive.store.summaries import refresh_summaries
    from tenderarchive.store.writes import open_archive

    db.execute("update summary_awards set framework_maximum_cents = 11500000000")
    db.execute("update summary_region_years set raamwerk_cents = 23000000000")
    db.execute("PRAGMA user_version = 0")
    db.conn.commit()
    upgraded = open_archive(done.db_path)
    refresh_summaries(upgraded)
    assert [r["raamwerk_cents"] for r in upgraded.query("select * from summary_region_years where gunningen > 0")] \
        == [11500000000]


def test_a_year_whose_awards_carry_no_value_shows_no_awarded_value_not_zero_euros(serve_api, crawl):
    """An open house's admission round (reference §4: "a framework maximum or nothing", no award value) is the only
    award of 2024. ``values_per_year`` said for 2024 "with_value 0, awarded_value € 0,00", and its feed entry "1
    gunning, € 0,00", as if the gunning had been published as worth nothing, while ``awarded_value_cents`` beside it
    was empty and ``marktbeeld`` left the value empty. No value published is an empty value, in the row and the
    feed; the framework maximum is given as before."""
    from tests.datasette.archive_fixtures import Server
    from tests.datasette.test_saved_searches import ATOM, feed, rows

    done = crawl(serve_api([leiden(974052, 974051, "2024-03-20", admission_round(0, 3, "15/03/2024"))]).api_url,
                 from_date="2024-01-01", until_date="2024-06-30")
    assert done.crawl["status"] == "complete", done.errors
    datasette = Server(done.db_path)
    try:
        [year] = rows(datasette, "values_per_year")
        [entry] = feed(datasette, "values_per_year").findall(f"{ATOM}entry")
    finally:
        datasette.stop()
    assert (year["year"], year["awards"], year["with_value"]) == (2024, 1, 0)
    assert (year["awarded_value"], year["awarded_value_cents"]) == (None, None)
    assert (year["framework_maxima"], year["framework_maxima_cents"]) == ("€ 115.000.000,00", 11500000000)
    assert entry.findtext(f"{ATOM}content") == "1 gunning"
