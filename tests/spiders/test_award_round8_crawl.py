"""Eighth pass over tenderned-awards.md, end to end: SYNTHETIC award notices crawled from the loopback API into a
real archive, read as the archive's summaries and saved searches answer "who won what, for how much"."""

from __future__ import annotations

import sqlite_utils

from tests.awards.test_html_shapes import eforms, h1, h2
from tests.fixtures.awards.make_fixtures import amount, h3, only, row
from tests.spiders.test_award_pdf_crawl import award, template

WINDOW = {"from_date": "2024-06-01", "until_date": "2024-12-31"}

#: A framework lot won by two parties, each with a tender value of its own (reference §2.5, §4 "several winners on
#: one lot … each with its own name and often its own value"), and a second lot won by one of them alone.
OWN_VALUES = eforms(h1("1. Koper"), row("Officiële naam", "Gemeente Rijnstad"), h1("6. Resultaten"),
                    h2("6.1 ID resultaat perceel: LOT-0001"), only("Er is ten minste één winnaar gekozen."),
                    h3("6.1.2 Informatie over winnaars"),
                    only("Winnaar"), row("Officiële naam", "Jeugdhulp Rijn B.V."),
                    only("Inschrijving"), amount("Waarde van de aanbesteding", "1 200 000", "Euro"),
                    only("Winnaar"), row("Officiële naam", "Stichting Zorg Oost"),
                    only("Inschrijving"), amount("Waarde van de aanbesteding", "300 000,50", "Euro"),
                    h2("6.1 ID resultaat perceel: LOT-0002"), only("Er is ten minste één winnaar gekozen."),
                    h3("6.1.2 Informatie over winnaars"),
                    only("Winnaar"), row("Officiële naam", "Stichting Zorg Oost"),
                    only("Inschrijving"), amount("Waarde van de aanbesteding", "500 000", "Euro"))


def test_a_providers_totals_count_its_own_tender_value_where_its_lot_has_no_single_value(serve_api, crawl):
    """§2.5/§4: a lot of several winners each with a value of its own has no award value; each winner's value is
    archived on its `award_suppliers` row. The provider totals (`aanbieders`, `who_won_in_jeugdregio`: the
    summary_org_regions row) summed the award values only, so the € 300.000,50 Zorg Oost won on lot 1 was left out
    of its total and Jeugdhulp Rijn's € 1.200.000 was no value at all: "every award of provider Y, for how much"
    answered too little."""
    server = serve_api([award(template(), 960081, OWN_VALUES)])
    done = crawl(server.api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    db = sqlite_utils.Database(done.db_path)
    awards = {r["lot_id"]: r["value_cents"] for r in db.query("select lot_id, value_cents from awards")}
    assert awards == {"1": None, "2": 50000000}            # the lot of two values has none of its own
    totals = {r["name"]: (r["awards"], r["cents"]) for r in db.query(
        "select o.name, s.awards, s.cents from summary_org_regions s join organisations o using (organisation_id) "
        "where s.jeugdregio_code = ''")}
    assert totals == {"Jeugdhulp Rijn B.V.": (1, 120000000), "Stichting Zorg Oost": (2, 80000050)}
    # an archive whose summaries were written before (the winner's own value left out) is summarised again
    from tenderarchive.store.summaries import refresh_summaries
    from tenderarchive.store.writes import open_archive
    db.execute("update summary_award_winners set value_cents = null where award_id in "
               "(select award_id from awards where value_cents is null)")
    db.execute("update summary_org_regions set cents = null where organisation_id like 'name:jeugdhulp%'")
    db.execute("PRAGMA user_version = 0")
    db.conn.commit()
    upgraded = open_archive(done.db_path)
    refresh_summaries(upgraded)
    assert {r["name"]: (r["awards"], r["cents"]) for r in upgraded.query(
        "select o.name, s.awards, s.cents from summary_org_regions s join organisations o using (organisation_id) "
        "where s.jeugdregio_code = ''")} == totals


def winner_notice(name, value, kvk=None):
    """An award notice of one lot won by ``name``; with ``kvk``, section 8 gives its Registratienummer."""
    rows = [h1("1. Koper"), row("Officiële naam", "Gemeente Rijnstad"), h1("6. Resultaten"),
            h2("6.1 ID resultaat perceel: LOT-0001"), only("Er is ten minste één winnaar gekozen."),
            h3("6.1.2 Informatie over winnaars"), only("Winnaar"), row("Officiële naam", name),
            only("Inschrijving"), amount("Waarde van de aanbesteding", value, "Euro")]
    if kvk:
        rows += [h1("8. Organisaties"), h2("8.1 ORG-0001"), row("Officiële naam", name), row("Registratienummer", kvk)]
    return eforms(*rows)


def test_every_award_of_a_provider_includes_those_whose_notice_gave_no_kvk_number(serve_api, crawl):
    """§4 "Same organisation, spelled differently" and "some winners have none" (no KvK number): one provider won
    one procurement as "Jeugdzorg Oost B.V." with its KvK number in section 8 and another as "Stichting Jeugdzorg
    Oost" with none. Its contracts and regions (`aanbieder_contracten`, `aanbieder_regios`: the provider page) by
    its id or KvK number gave the first award only. A name-only winner is that provider's where its folded name is
    the name of no other provider with a KvK number; where two numbered providers share it, it is neither's."""
    from tests.datasette.archive_fixtures import Server
    from tests.datasette.test_saved_searches import rows

    server = serve_api([award(template(), 960091, winner_notice("Jeugdzorg Oost B.V.", "1 000 000", "12345678")),
                        award(template(), 960092, winner_notice("Stichting Jeugdzorg Oost", "2 000 000")),
                        award(template(), 960093, winner_notice("Zorg West B.V.", "3 000 000", "11111111")),
                        award(template(), 960094, winner_notice("Stichting Zorg West", "4 000 000", "22222222")),
                        award(template(), 960095, winner_notice("Zorg West", "5 000 000"))])
    done = crawl(server.api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    datasette = Server(done.db_path)
    try:
        for provider in ("kvk:12345678", "12345678"):
            found = rows(datasette, "aanbieder_contracten", aanbieder=provider)
            assert sorted(r["waarde_cents"] for r in found) == [100000000, 200000000], provider
        (region,) = rows(datasette, "aanbieder_regios", aanbieder="kvk:12345678")
        assert (region["gunningen"], region["waarde_cents"]) == (2, 300000000)
        # from the name-only winner's page, the numbered provider's awards too
        assert sorted(r["waarde_cents"] for r in rows(datasette, "aanbieder_contracten",
                                                      aanbieder="name:jeugdzorg oost")) == [100000000, 200000000]
        # two numbered providers fold to "zorg west": the name-only winner is neither's
        assert [r["waarde_cents"] for r in rows(datasette, "aanbieder_contracten", aanbieder="kvk:11111111")] == \
            [300000000]
        assert [r["waarde_cents"] for r in rows(datasette, "aanbieder_contracten", aanbieder="name:zorg west")] == \
            [500000000]
    finally:
        datasette.stop()
