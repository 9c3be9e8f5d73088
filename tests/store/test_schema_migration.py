"""Opening the archive for writing migrates it once per schema: ``PRAGMA user_version`` records the
schema fingerprint (tables, views, reference files), an archive already at it is left alone, and
one that is not (older version, or a newer reference file) is migrated in full."""

from __future__ import annotations

import sqlite3

from tenderarchive.store.schema import TABLES, schema_fingerprint
from tenderarchive.store.writes import open_archive


def user_version(path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA user_version").fetchone()[0]


def test_a_new_archive_records_the_fingerprint(tmp_path):
    path = tmp_path / "archive.db"
    open_archive(path).close()
    assert user_version(path) == schema_fingerprint() != 0
    with sqlite3.connect(path) as conn:
        assert conn.execute("select count(*) from jeugdregios").fetchone()[0] == 42


def test_an_archive_at_the_fingerprint_is_opened_without_writing(tmp_path):
    path = tmp_path / "archive.db"
    open_archive(path).close()
    db = open_archive(path)
    assert db.conn.total_changes == 0           # no reference rows rewritten, no view replaced
    db.close()


def test_an_older_archive_is_migrated_in_full(tmp_path):
    path = tmp_path / "archive.db"
    open_archive(path).close()
    with sqlite3.connect(path) as conn:          # as an older version left it: no reference rows, old stamp
        conn.execute("delete from jeugdregios")
        conn.execute("PRAGMA user_version = 7")
    open_archive(path).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("select count(*) from jeugdregios").fetchone()[0] == 42
    assert user_version(path) == schema_fingerprint()


def test_a_missing_table_is_created_even_at_the_fingerprint(tmp_path):
    path = tmp_path / "archive.db"
    open_archive(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("drop table ocds_differences")
    open_archive(path).close()
    with sqlite3.connect(path) as conn:
        tables = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
    assert set(TABLES) <= tables


def test_a_lot_archived_as_lot_0001_and_as_1_becomes_one_lot_and_keeps_every_award(tmp_path):
    """An archive written before lots had one key holds procedure TN900001's lot 1 twice: "LOT-0001" from
    the API's notice and "1" from an OCDS package, each with its award. Migrated, it is one lot "1" with the
    API's values and what only the package gave, its own id kept; both awards and their winners are kept
    under lot "1" (ids unchanged); the lot's versions follow its key; the summaries are rebuilt."""
    path = tmp_path / "archive.db"
    open_archive(path).close()
    with sqlite3.connect(path) as conn:          # as an older version left it
        lot = "insert into lots (procurement_id, lot_id, publication_id, title, estimated_cents, awarded, source) " \
              "values (?, ?, ?, ?, ?, ?, ?)"
        conn.execute(lot, ["TN900001", "LOT-0001", 900102, "Jeugd-GGZ", None, 1, "tenderned_html"])
        conn.execute(lot, ["TN900001", "1", 900101, "Jeugd-GGZ (OCDS)", 130000000, 1, "tenderned_ocds"])
        conn.execute(lot, ["TN900001", "LOT-0002", 900102, "Crisishulp", None, 0, "tenderned_html"])
        # a notice numbering its lots from LOT-0000: not perceel numbers, left as they are
        conn.execute(lot, ["TN900002", "LOT-0000", 900202, "Ambulant", None, 1, "tenderned_html"])
        conn.execute(lot, ["TN900002", "LOT-0001", 900202, "Verblijf", None, 1, "tenderned_html"])
        award = "insert into awards (award_id, procurement_id, lot_id, publication_id, value_cents, current, source) " \
                "values (?, 'TN900001', ?, ?, ?, ?, ?)"
        conn.execute(award, ["TN900001/900102/LOT-0001", "LOT-0001", 900102, 125000000, 1, "tenderned_html"])
        conn.execute(award, ["TN900001/ocds/a1/1", "1", 900101, 125000000, 0, "tenderned_ocds"])
        conn.execute("insert into award_suppliers (award_id, organisation_id, procurement_id, lot_id, name) values "
                     "('TN900001/900102/LOT-0001', 'kvk:01234567', 'TN900001', 'LOT-0001', 'Stichting Jeugdhulp Noord')")
        conn.execute("insert into versions (table_name, row_key, version, valid_from) values "
                     "('lots', '[\"TN900001\", \"LOT-0002\"]', 1, '2025-09-01')")
        conn.execute("insert into summary_procurements (procurement_id) values ('TN900001')")
        conn.execute("PRAGMA user_version = 7")
    open_archive(path).close()
    with sqlite3.connect(path) as conn:
        conn.row_factory = sqlite3.Row
        assert [tuple(r) for r in conn.execute("select lot_id, source_lot_id from lots where procurement_id = "
                                               "'TN900002' order by lot_id")] == [("LOT-0000", "LOT-0000"), ("LOT-0001", "LOT-0001")]
        lots = [dict(r) for r in conn.execute("select lot_id, source_lot_id, title, estimated_cents, awarded, source "
                                              "from lots where procurement_id = 'TN900001' order by lot_id")]
        assert lots == [
            {"lot_id": "1", "source_lot_id": "LOT-0001", "title": "Jeugd-GGZ", "estimated_cents": 130000000,
             "awarded": 1, "source": "tenderned_html"},
            {"lot_id": "2", "source_lot_id": "LOT-0002", "title": "Crisishulp", "estimated_cents": None,
             "awarded": 0, "source": "tenderned_html"}]
        assert [tuple(r) for r in conn.execute("select award_id, lot_id, source_lot_id, current from awards "
                                               "order by award_id")] == [
            ("TN900001/900102/LOT-0001", "1", "LOT-0001", None), ("TN900001/ocds/a1/1", "1", "1", 0)]
        assert [tuple(r) for r in conn.execute("select award_id, lot_id from award_suppliers")] == [
            ("TN900001/900102/LOT-0001", "1")]
        assert [r[0] for r in conn.execute("select row_key from versions where table_name = 'lots'")] == [
            '["TN900001", "2"]']
        assert conn.execute("select count(*) from summary_procurements").fetchone()[0] == 0
