"""Twenty-fifth pass over tenderned-awards.md, end to end: SYNTHETIC award notices crawled from the loopback API
into a real archive, read where the researcher reads them (`award_suppliers`, `aanbieders` in Datasette)."""

from __future__ import annotations

import sqlite_utils

from tests.spiders.test_award_pdf_crawl import award, template
from tests.spiders.test_award_round8_crawl import WINDOW, winner_notice


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
    from tests.datasette.archive_fixtures import Server
    from tests.datasette.test_saved_searches import rows

    done = _seat_archive(serve_api, crawl)
    db = sqlite_utils.Database(done.db_path)
    assert sorted((r["name"], r["organisation_id"]) for r in db.query(
        "select name, organisation_id from award_suppliers")) == [
        ("Jeugdzorg Oost (Leiden)", "name:jeugdzorg oost"), ("Jeugdzorg Oost B.V.", "name:jeugdzorg oost"),
        ("Stichting Jeugdzorg Oost, gevestigd te Leiden", "name:jeugdzorg oost")]
    datasette = Server(done.db_path)
    try:
        listed = {r["aanbieder_id"]: (r["gunningen"], r["waarde_gunningen_cents"])
                  for r in rows(datasette, "aanbieders")}
    finally:
        datasette.stop()
    assert listed == {"name:jeugdzorg oost": (3, 600000000)}


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
