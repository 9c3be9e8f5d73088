"""Seventeenth pass over tenderned-awards.md, end to end: SYNTHETIC award notices crawled from the loopback API into a
real archive and read where the researcher reads them (Datasette's `aanbieder_contracten`, `aanbesteding_gunningen`,
`opdrachtgever_contracten`)."""

from __future__ import annotations

import sqlite_utils

from tests.awards.test_html_shapes import eforms, h1, h2
from tests.fixtures.awards.make_fixtures import amount, h3, only, row
from tests.spiders.test_award_pdf_crawl import award, template
from tests.spiders.test_award_round8_crawl import WINDOW, winner_notice


def _winner(name, value, chosen, signed):
    """A winner block of an eForms lot with its own contract (reference §2.3, §2.6)."""
    return [only("Winnaar"), row("Officiële naam", name), only("Inschrijving"),
            amount("Waarde van de aanbesteding", value, "Euro"), only("Informatie over het contract"),
            row("Datum waarop de winnaar is gekozen", chosen), row("Datum van sluiting van het contract", signed)]


#: A lot won by two parties chosen on other days, across a year's end (reference §4 several winners per lot, §8.4
#: per winner the date the winner was chosen and the contract date).
TWO_DAYS = eforms(h1("1. Koper"), row("Officiële naam", "Gemeente Rijnstad"), h1("6. Resultaten"),
                  h2("6.1 ID resultaat perceel: LOT-0001"), only("Er is ten minste één winnaar gekozen."),
                  h3("6.1.2 Informatie over winnaars"),
                  *_winner("Jeugdhulp Rijn B.V.", "600 000", "20/12/2024", "23/12/2024"),
                  *_winner("Stichting Zorg Oost", "400 000", "10/01/2025", "15/01/2025"))


def test_a_providers_contracts_are_dated_by_its_own_award_not_its_co_winners(serve_api, crawl):
    """§8.4 and §4: each winner of a lot keeps the date it was chosen (`award_suppliers.award_date`, round 15), but
    the provider's contracts (`aanbieder_contracten`), a procurement's awards per winner (`aanbesteding_gunningen`)
    and a buyer's contracts (`opdrachtgever_contracten`) dated every winner by the award's date, the first winner's: Zorg Oost, chosen on 10
    January 2025, had a contract "gegund op" 20 December 2024, of the year 2024, found by `voor`
    2025-01-01. Each winner's row is dated by its own award (its contract date where it has no award date, the
    award's where it has neither)."""
    from tests.datasette.archive_fixtures import Server
    from tests.datasette.test_saved_searches import rows

    server = serve_api([award(template(), 960171, TWO_DAYS)])
    done = crawl(server.api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    db = sqlite_utils.Database(done.db_path)
    ((procurement, first),) = [(r["procurement_id"], r["award_date"]) for r in db.query("select * from awards")]
    assert first == "2024-12-20"                            # the award's date is its first winner's
    datasette = Server(done.db_path)
    try:
        (zorg,) = rows(datasette, "aanbieder_contracten", aanbieder="name:zorg oost")
        assert (zorg["gegund_op"], zorg["jaar"]) == ("2025-01-10", 2025)
        (rijn,) = rows(datasette, "aanbieder_contracten", aanbieder="name:jeugdhulp rijn")
        assert (rijn["gegund_op"], rijn["jaar"]) == ("2024-12-20", 2024)
        # awards dated before 2025: Jeugdhulp Rijn's, not Zorg Oost's
        assert rows(datasette, "aanbieder_contracten", aanbieder="name:zorg oost", voor="2025-01-01") == []
        assert len(rows(datasette, "aanbieder_contracten", aanbieder="name:jeugdhulp rijn", voor="2025-01-01")) == 1
        per_winner = {r["aanbieder"]: r["gegund_op"] for r in rows(
            datasette, "aanbesteding_gunningen", procurement_id=procurement)}
        assert per_winner == {"Jeugdhulp Rijn B.V.": "2024-12-20", "Stichting Zorg Oost": "2025-01-10"}
        (buyer,) = [r["buyer_id"] for r in db.query("select distinct buyer_id from notices where buyer_id is not null")]
        by_buyer = {r["aanbieder"]: (r["gegund_op"], r["jaar"]) for r in rows(
            datasette, "opdrachtgever_contracten", opdrachtgever=buyer)}
        assert by_buyer == {"Jeugdhulp Rijn B.V.": ("2024-12-20", 2024), "Stichting Zorg Oost": ("2025-01-10", 2025)}
    finally:
        datasette.stop()


def test_a_winner_written_by_its_trade_name_alone_is_the_provider_that_trades_under_it(serve_api, crawl):
    """§4 "Same organisation, spelled differently" and the trade names winners are printed with (round 9: "X B.V.
    h.o.d.n. Y" is X's, Y kept as `trade_name`): one notice named the winner "Jeugdhulp Noord B.V. h.o.d.n.
    Kindzorg" with its KvK number, another only "Kindzorg". They were two providers (`kvk:12345678` and
    `name:kindzorg`) in `aanbieders` and the provider summaries, each with one contract. A winner known by name only
    whose folded name is the folded trade name of exactly one organisation is that organisation's; a trade name two
    organisations trade under ("Samen") is neither's, and a name that is a numbered provider's own ("Kompas B.V.")
    is that provider's, not the one trading under it."""
    from tests.datasette.archive_fixtures import Server
    from tests.datasette.test_saved_searches import rows

    server = serve_api([
        award(template(), 960172, winner_notice("Jeugdhulp Noord B.V. h.o.d.n. Kindzorg", "1 000 000", "12345678")),
        award(template(), 960173, winner_notice("Kindzorg", "2 000 000")),
        award(template(), 960174, winner_notice("Zorg West B.V. h.o.d.n. Samen", "3 000 000", "11111111")),
        award(template(), 960175, winner_notice("Stichting Oost h.o.d.n. Samen", "4 000 000", "22222222")),
        award(template(), 960176, winner_notice("Samen", "5 000 000")),
        award(template(), 960180, winner_notice("Jeugdzorg Zuid B.V. h.o.d.n. Kompas", "6 000 000", "44444444")),
        award(template(), 960181, winner_notice("Kompas B.V.", "7 000 000", "55555555")),
        award(template(), 960182, winner_notice("Kompas", "8 000 000"))])
    done = crawl(server.api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    db = sqlite_utils.Database(done.db_path)
    totals = _totals(done.db_path)
    assert totals == {"kvk:12345678": (2, 300000000), "kvk:11111111": (1, 300000000),
                      "kvk:22222222": (1, 400000000), "name:samen": (1, 500000000),
                      # a provider whose legal name is the trade name of another: the name is its
                      "kvk:44444444": (1, 600000000), "kvk:55555555": (2, 1500000000)}
    # an archive written before (no folded trade names; the trade name alone a provider of its own) is summarised again
    from tenderarchive.store.summaries import refresh_summaries
    from tenderarchive.store.writes import open_archive
    (kindzorg,) = [r["award_id"] for r in db.query("select award_id from award_suppliers where name = 'Kindzorg'")]
    db.execute("update award_suppliers set trade_key = null")
    db.execute("update summary_award_winners set organisation_id = 'name:kindzorg' where award_id = ?", [kindzorg])
    db.execute("update summary_org_regions set awards = 1, cents = 100000000 where organisation_id = 'kvk:12345678'")
    db.execute("PRAGMA user_version = 0")
    db.conn.commit()
    upgraded = open_archive(done.db_path)
    refresh_summaries(upgraded)
    assert {r["organisation_id"]: (r["awards"], r["cents"]) for r in upgraded.query(
        "select organisation_id, awards, cents from summary_org_regions where jeugdregio_code = ''")} == totals
    assert upgraded.execute("select count(*) from award_suppliers where trade_key > ''").fetchone()[0] == 4
    datasette = Server(done.db_path)
    try:
        for provider in ("kvk:12345678", "12345678", "name:kindzorg"):
            assert sorted(r["waarde_cents"] for r in rows(datasette, "aanbieder_contracten", aanbieder=provider)) == \
                [100000000, 200000000], provider
        for provider in ("kvk:12345678", "name:kindzorg"):
            assert [(r["gunningen"], r["waarde_cents"]) for r in rows(datasette, "aanbieder_regios",
                                                                      aanbieder=provider)] == [(2, 300000000)]
        assert [r["waarde_cents"] for r in rows(datasette, "aanbieder_contracten", aanbieder="kvk:11111111")] == \
            [300000000]
        assert [r["waarde_cents"] for r in rows(datasette, "aanbieder_contracten", aanbieder="name:samen")] == \
            [500000000]
        assert [r["waarde_cents"] for r in rows(datasette, "aanbieder_contracten", aanbieder="kvk:44444444")] == \
            [600000000]
        assert [r["waarde_cents"] for r in rows(datasette, "aanbieder_regios", aanbieder="kvk:44444444")] == \
            [600000000]
    finally:
        datasette.stop()


def test_a_trade_name_named_by_a_later_crawl_takes_the_earlier_winner_of_that_name_along(serve_api, crawl):
    """The incremental derivation: a crawl archived the winner "Kindzorg" (a provider of its own then); a later crawl
    archives "Jeugdhulp Noord B.V. h.o.d.n. Kindzorg". The earlier procurement is summarised again: one provider,
    as a derivation of both at once gives."""
    first = award(template(), 960177, winner_notice("Kindzorg", "2 000 000"))
    second = award(template(), 960178, winner_notice("Jeugdhulp Noord B.V. h.o.d.n. Kindzorg", "1 000 000", "12345678"))
    done = crawl(serve_api([first]).api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    assert _totals(done.db_path) == {"name:kindzorg": (1, 200000000)}
    done = crawl(serve_api([first, second]).api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    assert _totals(done.db_path) == {"kvk:12345678": (2, 300000000)}


def _totals(path):
    return {r["organisation_id"]: (r["awards"], r["cents"]) for r in sqlite_utils.Database(path).query(
        "select organisation_id, awards, cents from summary_org_regions where jeugdregio_code = ''")}


def test_a_buyers_contracts_show_each_winners_own_tender_value_where_the_lot_has_none(serve_api, crawl):
    """§2.5/§4: a lot won by two parties each with a tender value of its own has no award value; the provider's
    contracts and a procurement's awards show each winner's own value (`inschrijving`), but a buyer's contracts
    (`opdrachtgever_contracten`, the buyer's page) showed the award's value only: nothing for either winner of the
    framework lot, the € 1.200.000 and € 300.000,50 the notice gives nowhere on the buyer's page."""
    from tests.datasette.archive_fixtures import Server
    from tests.datasette.test_saved_searches import rows
    from tests.spiders.test_award_round8_crawl import OWN_VALUES

    done = crawl(serve_api([award(template(), 960179, OWN_VALUES)]).api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    (buyer,) = [r["buyer_id"] for r in done.db.query("select distinct buyer_id from notices where buyer_id is not null")]
    datasette = Server(done.db_path)
    try:
        found = sorted((r["perceel"], r["aanbieder"], r["waarde_cents"], r["inschrijving"])
                       for r in rows(datasette, "opdrachtgever_contracten", opdrachtgever=buyer))
    finally:
        datasette.stop()
    assert found == [("1", "Jeugdhulp Rijn B.V.", None, "€ 1.200.000,00"),
                     ("1", "Stichting Zorg Oost", None, "€ 300.000,50"),
                     # (the lot's only winner: its value is the award's, under waarde, not again under inschrijving)
                     ("2", "Stichting Zorg Oost", 50000000, None)]
