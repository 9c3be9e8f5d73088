"""Twenty-fifth pass over tenderned-awards.md, end to end: SYNTHETIC award notices crawled from the loopback API
into a real archive, read where the researcher reads them (`award_suppliers`, `aanbieders` in Datasette)."""

from __future__ import annotations

import sqlite_utils

from tests.spiders.test_award_pdf_crawl import award, template
from tests.spiders.test_award_round24_crawl import providers_listed
from tests.spiders.test_award_round8_crawl import WINDOW, winner_notice

#: the columns of `aanbieders` these tests read: number of awards and their value
VALUES = ("gunningen", "waarde_gunningen_cents")

SEATS = [(960251, "Jeugdzorg Oost B.V.", "1 000 000"),
         (960252, "Stichting Jeugdzorg Oost, gevestigd te Leiden", "2 000 000"),
         (960253, "Jeugdzorg Oost (Leiden)", "3 000 000")]


def _seat_archive(serve_api, crawl):
    server = serve_api([award(template(), pid, winner_notice(name, value)) for pid, name, value in SEATS])
    done = crawl(server.api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    return done


def test_a_winner_written_with_its_seat_is_one_provider_with_the_winner_written_without(serve_api, crawl):
    """Reference §4 "Same organisation, spelled differently" (normalise for matching, keep the printed name): one
    provider, with no KvK number in any notice, wins three procurements as "Jeugdzorg Oost B.V.", "Stichting Jeugdzorg
    Oost, gevestigd te Leiden" and "Jeugdzorg Oost (Leiden)". The two with their seat were organisations of their own,
    so `aanbieders` listed the provider three times, each with one award and a third of its value."""

    done = _seat_archive(serve_api, crawl)
    db = sqlite_utils.Database(done.db_path)
    assert sorted((r["name"], r["organisation_id"]) for r in db.query(
        "select name, organisation_id from award_suppliers")) == [
        ("Jeugdzorg Oost (Leiden)", "name:jeugdzorg oost"), ("Jeugdzorg Oost B.V.", "name:jeugdzorg oost"),
        ("Stichting Jeugdzorg Oost, gevestigd te Leiden", "name:jeugdzorg oost")]
    assert providers_listed(done.db_path, VALUES) == {"name:jeugdzorg oost": (3, 600000000)}


def test_an_archive_keyed_before_seats_were_folded_is_re_keyed_on_opening(serve_api, crawl, monkeypatch):
    """An archive written before (the winners with a seat under ``name:jeugdzorg oost gevestigd te leiden`` and
    ``name:jeugdzorg oost leiden``, organisations of their own) at the schema of that time: opening it moves each
    winner row to the organisation a fresh read gives and keeps the old organisation rows in ``organisation_aliases``.
    The migration (``schema.migrate_organisation_names``) read trade names and registrations only, and ran only when
    the tables changed, not when the folding of names did (``names.NAME_KEY_VERSION`` in the schema fingerprint)."""
    import sqlite3

    from tenderarchive.awards import names
    from tenderarchive.store.schema import schema_fingerprint
    from tenderarchive.store.writes import open_archive

    done = _seat_archive(serve_api, crawl)
    db = sqlite_utils.Database(done.db_path)
    winners = "select award_id, organisation_id, name, name_key from award_suppliers order by award_id"
    fresh = list(db.query(winners))
    db.close()
    version = schema_fingerprint()
    monkeypatch.setattr(names, "NAME_KEY_VERSION", names.NAME_KEY_VERSION - 1)
    earlier = schema_fingerprint.__wrapped__()  # the same tables and views, names folded as before
    monkeypatch.undo()
    with sqlite3.connect(done.db_path) as conn:  # as the earlier version wrote it
        assert conn.execute("PRAGMA user_version").fetchone()[0] == version != earlier
        conn.execute(f"PRAGMA user_version = {earlier}")
        for name, key in [("Stichting Jeugdzorg Oost, gevestigd te Leiden", "jeugdzorg oost gevestigd te leiden"),
                          ("Jeugdzorg Oost (Leiden)", "jeugdzorg oost leiden")]:
            conn.execute("update award_suppliers set organisation_id = ?, name_key = ? where name = ?",
                         [f"name:{key}", key, name])
            conn.execute("insert into organisations (organisation_id, name, kind, name_key, named_in) "
                         "select ?, ?, 'provider', ?, 'awards:' || award_id from award_suppliers where name = ?",
                         [f"name:{key}", name, key, name])
    open_archive(done.db_path).close()
    db = sqlite_utils.Database(done.db_path)
    assert list(db.query(winners)) == fresh
    assert db.execute("PRAGMA user_version").fetchone()[0] == version
    assert sorted((r["alias_id"], r["organisation_id"]) for r in db.query(
        "select alias_id, organisation_id from organisation_aliases")) == [
        ("name:jeugdzorg oost gevestigd te leiden", "name:jeugdzorg oost"),
        ("name:jeugdzorg oost leiden", "name:jeugdzorg oost")]
    assert [r["organisation_id"] for r in db.query(
        "select organisation_id from organisations where kind = 'provider'")] == ["name:jeugdzorg oost"]


def test_a_package_lot_titled_without_the_perceel_number_the_notice_writes_is_the_notices_lot(serve_api, crawl,
                                                                                                tmp_path):
    """Reference §2.3 (section 5: "5.1 Perceel: LOT-nnnn" and its "Titel"; an eForms notice may number its lots from
    LOT-0000) and §6.3/§8.8 (the package's lots are "1", "2"; link a release to the API's notices, do not count a
    procedure twice): the contract notice crawled from the API titles its lots "Perceel 1 – Ambulante jeugdhulp" and
    "Perceel 2 – Jeugd GGZ" (LOT-0000, LOT-0001), the 2021 package "Ambulante jeugdhulp" and "Jeugd GGZ" and awards
    "2". The procedure had four lots, the package's award on a lot of its own, the notice's lot never awarded."""
    from tests.awards.test_html_shapes import eforms, h1, h2
    from tests.fixtures.awards.make_fixtures import JEUGD, amount, release, row, supplier
    from tests.spiders.test_award_variants_crawl import publication
    from tests.spiders.test_awards_crawl import scrapy_ocds
    from tests.spiders.test_tenderned_ocds import datasets

    contract = publication(template(), 976401, 976400, "AAO", "competition", "2024-06-01", "Jeugdhulp Rijnstad", eforms(
        h1("1. Koper"), row("Officiële naam", "Gemeente Rijnstad"), h1("5. Perceel"),
        h2("5.1 Perceel: LOT-0000"), row("Titel", "Perceel 1 – Ambulante jeugdhulp"),
        amount("Geraamde waarde exclusief btw", "500 000"),
        h2("5.1 Perceel: LOT-0001"), row("Titel", "Perceel 2 – Jeugd GGZ"),
        amount("Geraamde waarde exclusief btw", "700 000")))
    server = serve_api([contract], datasets=datasets(tmp_path / "ds", {"2021": [release(
        "ocds-1l04xe-976400", "976402", "2021-11-01", "Jeugdhulp Rijnstad", JEUGD,
        lots=[("1", "Ambulante jeugdhulp"), ("2", "Jeugd GGZ")], parties=[supplier("01234567", "Jeugdzorg Oost B.V.")],
        awards=[{"id": "a2", "status": "active", "relatedLots": ["2"],
                 "suppliers": [{"id": "01234567", "name": "Jeugdzorg Oost B.V."}],
                 "value": {"amount": 650000, "currency": "EUR"}}])]}))
    done = crawl(server.api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    backfill = scrapy_ocds(done.db_path, server.datasets_url)
    assert backfill.returncode == 0, backfill.stderr[-3000:]
    db = sqlite_utils.Database(done.db_path)
    assert sorted((r["lot_id"], r["title"], r["awarded"], r["estimated_cents"]) for r in db.query(
        "select * from lots where procurement_id = 'TN976400'")) == [
        ("LOT-0000", "Perceel 1 – Ambulante jeugdhulp", None, 50000000),
        ("LOT-0001", "Perceel 2 – Jeugd GGZ", 1, 70000000)]
    assert [(r["lot_id"], r["source_lot_id"], r["value_cents"]) for r in db.query(
        "select * from awards where procurement_id = 'TN976400'")] == [("LOT-0001", "2", 65000000)]
    (summary,) = db.query("select percelen, gunningen from summary_procurements where procurement_id = 'TN976400'")
    assert summary == {"percelen": 2, "gunningen": 1}


def test_an_older_form_award_printing_a_value_and_then_a_range_counts_its_value(serve_api, crawl):
    """Reference §3.1 (V.2.4 and II.1.7 print "Laagste offerte … / Hoogste offerte … meegerekend" *instead of* a value)
    and §4 "Ranges" (neither end is the award value): an older-form award notice crawled from the API prints the lot's
    "Totale waarde van de opdracht/het perceel: 1 800 000,00" and then a range. The range replaced the value: the award
    had no value, and `aanbieders` gave its winner one award worth nothing. The value is the award's, the range named
    in the notice's problems."""
    from tests.awards.test_html_standard import RANGE, VALUE, standard_notice

    html = standard_notice([f"Waarde: {VALUE}", RANGE, "Munt: EUR"],
                           [f"Totale waarde van de opdracht/het perceel: {VALUE}", RANGE, "Munt: EUR"])
    done = crawl(serve_api([award(template(), 960254, html)]).api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    db = sqlite_utils.Database(done.db_path)
    (row,) = db.query("select a.value_cents, a.value_raw, r.total_awarded_cents, r.problems from awards a "
                      "join notice_results r on r.publication_id = a.publication_id")
    assert (row["value_cents"], row["value_raw"], row["total_awarded_cents"]) == (180000000, VALUE, 180000000)
    assert "not the range" in row["problems"]
    assert providers_listed(done.db_path, VALUES) == {"name:berkel b": (1, 180000000)}
