"""The archive's views (tenderarchive/store/schema.py ``VIEWS``) answer by key: on a big archive a
view page must not read a big table once per row."""

from __future__ import annotations

from tenderarchive.store.writes import open_archive


def test_the_changes_view_finds_each_record_by_its_key(tmp_path):
    """``changes`` names the changed record (title, url) of a notice, article or procurement.
    Notices were joined on ``cast(publication_id as text)``, which no index serves: every version
    row read the whole notices table (a million notices: the page never answered)."""
    db = open_archive(tmp_path / "archive.db")
    db["notices"].insert_all([{"publication_id": 300377, "title": "Jeugdhulp regio X", "url": "https://t/300377"},
                              {"publication_id": 12, "title": "Twaalf", "url": "https://t/12"}])
    db["articles"].insert({"url": "https://nieuws.example.nl/a", "title": "Gegund"})
    db["versions"].insert_all([
        {"table_name": "notices", "row_key": "300377", "version": 1, "valid_from": "2026-01-01"},
        {"table_name": "notices", "row_key": "12abc", "version": 1, "valid_from": "2026-01-02"},
        {"table_name": "articles", "row_key": "https://nieuws.example.nl/a", "version": 1, "valid_from": "2026-01-03"},
        {"table_name": "articles", "row_key": "300377", "version": 1, "valid_from": "2026-01-04"},
    ])
    got = [(r["table_name"], r["row_key"], r["title"]) for r in db.query("select * from changes order by valid_from")]
    assert got == [("notices", "300377", "Jeugdhulp regio X"), ("notices", "12abc", None),
                   ("articles", "https://nieuws.example.nl/a", "Gegund"), ("articles", "300377", None)]
    plan = [d for *_, d in db.execute("explain query plan select * from changes limit 51").fetchall()]
    assert not any(d.startswith("SCAN") and d.split()[1] in ("n", "a", "p", "aw") for d in plan), plan


def test_the_changes_view_names_the_record_of_award_data_versions(tmp_path):
    """A changed award, lot or notice result is a change researchers read in ``changes`` too: it
    names the notice the award or result belongs to, and a lot its procurement. They had no title
    and no link (only notices, articles and procurements were joined)."""
    db = open_archive(tmp_path / "archive.db")
    db["notices"].insert({"publication_id": 300377, "title": "Gunning jeugdhulp", "url": "https://t/300377"})
    db["procurements"].insert({"procurement_id": "TN123", "title": "Jeugdhulp regio X", "url": "https://t/p/TN123"})
    db["awards"].insert({"award_id": "300377-1", "procurement_id": "TN123", "lot_id": "1", "publication_id": 300377})
    db["versions"].insert_all([
        {"table_name": "awards", "row_key": "300377-1", "version": 1, "valid_from": "2026-01-01"},
        {"table_name": "notice_results", "row_key": "300377", "version": 1, "valid_from": "2026-01-02"},
        {"table_name": "lots", "row_key": '["TN123", "1"]', "version": 1, "valid_from": "2026-01-03"},
        {"table_name": "lots", "row_key": "not json", "version": 1, "valid_from": "2026-01-04"},
    ])
    got = [(r["table_name"], r["title"], r["url"]) for r in db.query("select * from changes order by valid_from")]
    assert got == [("awards", "Gunning jeugdhulp", "https://t/300377"),
                   ("notice_results", "Gunning jeugdhulp", "https://t/300377"),
                   ("lots", "Jeugdhulp regio X", "https://t/p/TN123"),
                   ("lots", None, None)]
    plan = [d for *_, d in db.execute("explain query plan select * from changes limit 51").fetchall()]
    assert not any(d.startswith("SCAN") and d.split()[1] in ("n", "a", "p", "aw") for d in plan), plan


def test_a_lots_earlier_version_is_keyed_by_a_json_array(tmp_path):
    """A lot's key is compound (procurement, lot): its versions were keyed by the Python text of
    the tuple (``('TN123', '1')``), which no SQL can take apart; now a JSON array."""
    from tenderarchive.store.writes import upsert_if_changed

    db = open_archive(tmp_path / "archive.db")
    lot = {"procurement_id": "TN123", "lot_id": "1", "title": "Ambulant", "fetched_at": "2026-01-01T00:00:00Z"}
    assert upsert_if_changed(db, "lots", lot) == "new"
    assert upsert_if_changed(db, "lots", {**lot, "title": "Ambulante jeugdhulp",
                                          "fetched_at": "2026-02-01T00:00:00Z"}) == "updated"
    keys = [r["row_key"] for r in db.query("select row_key from versions where table_name = 'lots'")]
    assert keys == ['["TN123", "1"]']
    assert db.execute("select json_extract(row_key, '$[1]') from versions").fetchone()[0] == "1"


def test_opening_an_archive_rewrites_old_lot_version_keys(tmp_path):
    """An archive written before the JSON keys holds ``('TN123', '1')``: opening it by a writer
    rewrites the key's spelling (and nothing else); text that is no pair is left as it was."""
    from tenderarchive.store.schema import migrate_version_keys

    db = open_archive(tmp_path / "archive.db")
    db["versions"].insert_all([
        {"table_name": "lots", "row_key": "('TN123', '1')", "version": 1, "new_values": '{"title": "x"}'},
        {"table_name": "lots", "row_key": "('TN123', '1')", "version": 2, "new_values": '{"title": "y"}'},
        {"table_name": "lots", "row_key": "(broken", "version": 1},
        {"table_name": "notices", "row_key": "('a', 'b')", "version": 1},
    ])
    db.conn.commit()
    migrate_version_keys(db)
    got = [tuple(r) for r in db.execute("select table_name, row_key, version, new_values from versions "
                                        "order by table_name, row_key, version")]
    assert got == [("lots", "(broken", 1, None), ("lots", '["TN123", "1"]', 1, '{"title": "x"}'),
                   ("lots", '["TN123", "1"]', 2, '{"title": "y"}'), ("notices", "('a', 'b')", 1, None)]


def test_the_changes_view_names_a_procurement_that_is_gone_by_its_last_title(tmp_path):
    """A procurement whose every notice moved to another procedure is deleted by the derivation, which keeps
    its last values as a version (``derive.record_gone``). Its row in ``changes`` had no title and no link (no
    procurement left to join), nor had its lots': a researcher read an empty row. They name the procurement as it
    was last seen; a procurement still there keeps its current title."""
    from tenderarchive.derive import record_gone

    db = open_archive(tmp_path / "archive.db")
    db["procurements"].insert({"procurement_id": "TN777001", "title": "Jeugdhulp nieuw", "url": "https://t/p/777001"})
    record_gone(db, {"procurement_id": "TN243310", "title": "Jeugdhulp Zuid-Limburg", "url": "https://t/p/243310",
                     "publication_ids": "[200201, 200288]"}, "2026-01-05T00:00:00Z", 2)
    db["versions"].insert({"table_name": "procurements", "row_key": "TN777001", "version": 1,
                           "valid_from": "2026-01-01", "previous_values": '{"title": "Jeugdhulp oud"}'})
    db["versions"].insert({"table_name": "lots", "row_key": '["TN243310", "1"]', "version": 1,
                           "valid_from": "2026-01-02", "previous_values": '{"title": "Perceel 1"}'})
    got = {r["row_key"]: (r["title"], r["url"]) for r in db.query("select * from changes")}
    assert got == {"TN243310": ("Jeugdhulp Zuid-Limburg", "https://t/p/243310"),
                   '["TN243310", "1"]': ("Jeugdhulp Zuid-Limburg", "https://t/p/243310"),
                   "TN777001": ("Jeugdhulp nieuw", "https://t/p/777001")}
    plan = [d for *_, d in db.execute("explain query plan select * from changes limit 51").fetchall()]
    assert not any(d.startswith("SCAN") and d.split()[1] in ("n", "a", "p", "aw") for d in plan), plan
