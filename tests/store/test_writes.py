import sqlite_utils

from tenderarchive.store.schema import TABLES
from tenderarchive.store.writes import open_archive, upsert_if_changed


def test_open_archive_creates_every_table_with_its_columns(tmp_path):
    db = open_archive(tmp_path / "a.db")
    for name, spec in TABLES.items():
        assert set(db[name].columns_dict) == set(spec["columns"]), name


def test_an_older_archive_gains_new_columns_and_keeps_its_rows(tmp_path):
    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    old["notices"].insert({"publication_id": 1, "title": "oud"}, pk="publication_id")
    old.close()
    db = open_archive(path)
    assert db["notices"].get(1)["title"] == "oud"
    assert "youth_care" in db["notices"].columns_dict


def test_unchanged_content_is_not_written_and_provenance_alone_is_no_change(tmp_path):
    db = open_archive(tmp_path / "a.db")
    row = {"publication_id": 7, "title": "Jeugdhulp", "fetched_at": "2026-01-01T00:00:00+00:00", "crawl_id": 1}
    assert upsert_if_changed(db, "notices", row) == "new"
    later = dict(row, fetched_at="2026-02-01T00:00:00+00:00", crawl_id=2)
    assert upsert_if_changed(db, "notices", later) == "unchanged"
    assert db["notices"].get(7)["crawl_id"] == 1
    assert upsert_if_changed(db, "notices", dict(later, title="Jeugdzorg")) == "updated"
    assert db["notices"].get(7)["crawl_id"] == 2
