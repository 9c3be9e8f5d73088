"""Tenth pass over tenderned-awards.md, end to end: SYNTHETIC award notices crawled from the loopback API into a
real archive, read where the researcher reads them (the provider lists `aanbieders` and `who_won_in_jeugdregio`
in Datasette)."""

from __future__ import annotations

import sqlite3
from collections import Counter

import sqlite_utils

from tests.spiders.test_award_pdf_crawl import award, template
from tests.spiders.test_award_round8_crawl import WINDOW, winner_notice


def summaries_of(path) -> dict:
    from tenderarchive.store.summaries import ALL

    conn = sqlite3.connect(path)
    try:
        return {t: Counter(conn.execute(f"select * from {t}").fetchall()) for t in ALL}
    finally:
        conn.close()


def rebuild_summaries(db) -> None:
    """The summaries of the open archive ``db`` rebuilt in full (as a full rebuild, not incrementally), committed."""
    from tenderarchive.store.summaries import refresh_summaries

    db.execute("delete from summary_procurements")
    db.conn.commit()
    refresh_summaries(db)
    db.conn.commit()


def test_a_name_only_winner_and_its_numbered_twin_are_one_provider_in_the_provider_lists(serve_api, crawl, tmp_path):
    """§4 "Same organisation, spelled differently" and "some winners have none": one provider won one procurement
    as "Stichting Jeugdzorg Oost" (no KvK number) and, in a later crawl, another as "Jeugdzorg Oost B.V." with its
    KvK number in section 8. `aanbieders` and `who_won_in_jeugdregio` listed it twice (the known leftover of round
    9), each row with half its awards and value. The name-only winner counts for the one numbered provider of its
    folded name, also when that provider is first named by a later crawl (whose derivation did not touch the first
    procurement); where a second numbered provider shares the name, the name-only winner is its own row again."""
    from tests.datasette.archive_fixtures import Server
    from tests.datasette.test_saved_searches import rows

    first = [award(template(), 960101, winner_notice("Stichting Jeugdzorg Oost", "2 000 000")),
             award(template(), 960102, winner_notice("Zorg West", "5 000 000")),
             award(template(), 960103, winner_notice("Zorg West B.V.", "3 000 000", "11111111"))]
    done = crawl(serve_api(first).api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    db = sqlite_utils.Database(done.db_path)
    totals = {r["organisation_id"]: (r["awards"], r["cents"]) for r in db.query(
        "select organisation_id, awards, cents from summary_org_regions where jeugdregio_code = ''")}
    # "Zorg West" has one numbered namesake so far: it counts for it
    assert totals == {"name:jeugdzorg oost": (1, 200000000), "kvk:11111111": (2, 800000000)}

    second = first + [award(template(), 960104, winner_notice("Jeugdzorg Oost B.V.", "1 000 000", "12345678")),
                      award(template(), 960105, winner_notice("Stichting Zorg West", "4 000 000", "22222222"))]
    done = crawl(serve_api(second).api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    datasette = Server(done.db_path)
    try:
        listed = {r["aanbieder_id"]: (r["kvk"], r["gunningen"], r["waarde_gunningen_cents"])
                  for r in rows(datasette, "aanbieders")}
        assert listed == {"kvk:12345678": ("12345678", 2, 300000000),
                          # two numbered providers fold to "zorg west": the name-only winner is neither's
                          "kvk:11111111": ("11111111", 1, 300000000), "kvk:22222222": ("22222222", 1, 400000000),
                          "name:zorg west": (None, 1, 500000000)}
        won = {r["organisation_id"]: (r["kvk"], r["awards"], r["procedures"])
               for r in rows(datasette, "who_won_in_jeugdregio", jeugdregio="")}
        assert won["kvk:12345678"] == ("12345678", 2, 2) and "name:jeugdzorg oost" not in won
    finally:
        datasette.stop()
    # the incremental summaries are those a full rebuild gives
    incremental = summaries_of(done.db_path)
    from tenderarchive.store.writes import open_archive
    rebuild_summaries(open_archive(done.db_path))
    assert summaries_of(done.db_path) == incremental


def test_an_archive_summarised_before_the_twins_counted_as_one_is_summarised_again(serve_api, crawl):
    """An archive whose summaries gave the name-only winner a row of its own beside its numbered twin is
    summarised again on opening (the schema migration empties them; the next derivation rebuilds)."""
    publications = [award(template(), 960106, winner_notice("Stichting Jeugdzorg Noord", "2 000 000")),
                    award(template(), 960107, winner_notice("Jeugdzorg Noord B.V.", "1 000 000", "87654321"))]
    done = crawl(serve_api(publications).api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    db = sqlite_utils.Database(done.db_path)
    assert [r["organisation_id"] for r in db.query("select organisation_id from summary_org_regions "
                                                   "where jeugdregio_code = ''")] == ["kvk:87654321"]
    # as an older version wrote them: the name-only winner its own row
    db.execute("update summary_award_winners set organisation_id = 'name:jeugdzorg noord' where award_id in "
               "(select award_id from award_suppliers where organisation_id = 'name:jeugdzorg noord')")
    db.execute("PRAGMA user_version = 0")
    db.conn.commit()
    from tenderarchive.store.summaries import refresh_summaries
    from tenderarchive.store.writes import open_archive
    upgraded = open_archive(done.db_path)
    refresh_summaries(upgraded)
    upgraded.conn.commit()
    assert {r["organisation_id"]: r["awards"] for r in upgraded.query(
        "select organisation_id, awards from summary_org_regions where jeugdregio_code = ''")} == {"kvk:87654321": 2}


def test_a_name_only_winner_is_its_own_again_when_its_numbered_twin_is_no_longer_a_winner(serve_api, crawl):
    """The other way round: the numbered provider's only award names another winner after all (its notice read
    again: an award read from the PDF replaced by the /html's, which names someone else; the provider's row goes,
    as the store removes a winner no record names). Crawl 2 touches only that procedure; the name-only winner's
    procedure, counted for the numbered provider, is recomputed too and counts for itself again, as a full rebuild
    counts it."""
    from tenderarchive.derive import derive
    from tenderarchive.store.writes import open_archive

    publications = [award(template(), 960108, winner_notice("Stichting Jeugdzorg Zuid", "2 000 000")),
                    award(template(), 960109, winner_notice("Jeugdzorg Zuid B.V.", "1 000 000", "13572468"))]
    done = crawl(serve_api(publications).api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    db = open_archive(done.db_path)
    assert [r[0] for r in db.execute("select organisation_id from summary_org_regions where jeugdregio_code = ''")] \
        == ["kvk:13572468"]
    # crawl 2, written as the store writes it: the award of 960109 now names "Zorg Elders", the provider row goes
    with db.atomic():
        (award_id,) = db.execute("select award_id from award_suppliers where organisation_id = 'kvk:13572468'").fetchone()
        db.execute("delete from award_suppliers where award_id = ?", [award_id])
        db["organisations"].insert({"organisation_id": "name:zorg elders", "name": "Zorg Elders", "kind": "provider",
                                    "name_key": "zorg elders", "crawl_id": 2})
        db["award_suppliers"].insert({"award_id": award_id, "organisation_id": "name:zorg elders", "name": "Zorg Elders",
                                      "name_key": "zorg elders", "procurement_id": db.execute(
                                          "select procurement_id from awards where award_id = ?", [award_id]).fetchone()[0],
                                      "lot_id": "1"}, alter=False)
        db.execute("delete from organisations where organisation_id = 'kvk:13572468'")
        db.execute("update awards set crawl_id = 2 where award_id = ?", [award_id])
    derive(db, 2)
    db.conn.commit()
    totals = {r[0]: r[1] for r in db.execute(
        "select organisation_id, awards from summary_org_regions where jeugdregio_code = ''")}
    assert totals == {"name:jeugdzorg zuid": 1, "name:zorg elders": 1}
    incremental = summaries_of(done.db_path)
    rebuild_summaries(db)
    assert summaries_of(done.db_path) == incremental


def test_an_award_value_dated_by_years_is_archived_and_listed_as_the_amount(serve_api, crawl):
    """§3.1 (older forms: the value a free text line) and §2.4: "Totale waarde van de opdracht/het perceel:
    300 000,00 voor de jaren 2024-2026" was read as the range € 20,24 – € 20,26 (the known leftover of round 9): the
    award had no value and the provider's total in `aanbieders` none. The years date the amount; a rate beside
    them stays a rate (the estimate "€ 90.000 per jaar voor de jaren 2024-2026": no total)."""
    from tests.awards.test_html_shapes import afdeling_v, item
    from tests.datasette.archive_fixtures import Server
    from tests.datasette.test_saved_searches import rows

    html = afdeling_v(
        '<p class="subsection-content"><span class="section-header-3">Opdracht nr.: </span>1<br />'
        '<span class="section-header-3">Perceel nr.: </span>-<br /><span class="section-header-3">Benaming: </span>'
        'Ambulante jeugdhulp</p>',
        item("V.2.1", "Datum van de sluiting van de overeenkomst: ", "24/06/2024"),
        '<p class="subsection-content">De opdracht is gegund aan een groep ondernemers: neen</p>',
        '<h5 class="subsection"><span class="subsection-number">V.2.3)</span> <span class="section-header-3">Naam en '
        'adres van de contractant</span></h5><dl class="subsection"><dt>Officiële benaming:</dt><dd>Zorg Zuid B.V.</dd>'
        '<dt>Nationale identificatie:</dt><dd>24681357</dd></dl>',
        item("V.2.4", "Inlichtingen over de waarde van de opdracht/het perceel (exclusief btw)",
             "Aanvankelijk geraamde totale waarde van de opdracht/het perceel: € 90.000 per jaar voor de jaren 2024-2026"),
        '<p class="subsection-content">Totale waarde van de opdracht/het perceel: 300 000,00 voor de jaren 2024-2026'
        '</p><p class="subsection-content">Munt: EUR</p>')
    done = crawl(serve_api([award(template(), 960110, html)]).api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    db = sqlite_utils.Database(done.db_path)
    (archived,) = db.query("select value_cents, value_raw, value_low_cents, value_high_cents from awards")
    assert archived == {"value_cents": 30000000, "value_raw": "300 000,00 voor de jaren 2024-2026",
                        "value_low_cents": None, "value_high_cents": None}
    (lot,) = db.query("select estimated_cents, estimated_raw from lots")
    assert lot["estimated_cents"] is None and "per jaar" in lot["estimated_raw"]
    datasette = Server(done.db_path)
    try:
        (provider,) = rows(datasette, "aanbieders")
        assert (provider["aanbieder_id"], provider["waarde_gunningen_cents"]) == ("kvk:24681357", 30000000)
    finally:
        datasette.stop()


def test_two_firms_of_one_folded_name_are_two_providers_with_their_own_kvk_numbers(serve_api, crawl):
    """§2.5/§4: one notice gives lot 1 to "Zorg West B.V." and lot 2 to "Stichting Zorg West", section 8 each with
    its own Registratienummer. Both winners were archived with the first one's KvK number, so `aanbieders` showed
    one provider "kvk:11111111" with both awards and € 3.000.000, and the Stichting's number was nowhere."""
    from tests.awards.test_html_shapes import eforms, h1, h2
    from tests.datasette.archive_fixtures import Server
    from tests.datasette.test_saved_searches import rows
    from tests.fixtures.awards.make_fixtures import amount, h3, only, row

    html = eforms(h1("1. Koper"), row("Officiële naam", "Gemeente Rijnstad"), h1("6. Resultaten"),
                  h2("6.1 ID resultaat perceel: LOT-0001"), h3("6.1.2 Informatie over winnaars"),
                  only("Winnaar"), row("Officiële naam", "Zorg West B.V."),
                  only("Inschrijving"), amount("Waarde van de aanbesteding", "1 000 000", "Euro"),
                  h2("6.1 ID resultaat perceel: LOT-0002"), h3("6.1.2 Informatie over winnaars"),
                  only("Winnaar"), row("Officiële naam", "Stichting Zorg West"),
                  only("Inschrijving"), amount("Waarde van de aanbesteding", "2 000 000", "Euro"),
                  h1("8. Organisaties"),
                  h2("8.1 ORG-0001"), row("Officiële naam", "Zorg West B.V."), row("Registratienummer", "11111111"),
                  row("Winnaar van deze percelen", "LOT-0001"),
                  h2("8.2 ORG-0002"), row("Officiële naam", "Stichting Zorg West"), row("Registratienummer", "22222222"),
                  row("Winnaar van deze percelen", "LOT-0002"))
    done = crawl(serve_api([award(template(), 960111, html)]).api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    datasette = Server(done.db_path)
    try:
        listed = {r["aanbieder_id"]: (r["kvk"], r["gunningen"], r["waarde_gunningen_cents"])
                  for r in rows(datasette, "aanbieders")}
        assert listed == {"kvk:11111111": ("11111111", 1, 100000000), "kvk:22222222": ("22222222", 1, 200000000)}
    finally:
        datasette.stop()
