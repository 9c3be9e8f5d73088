"""A rebuild into a new archive (``reparse``) writes the tables of ``DEFERRED_INDEX_TABLES`` without
their secondary indexes and creates them once (issue 14); an archive left so by a killed rebuild
gets them back on its next ordinary open."""

from __future__ import annotations

import sqlite3

import pytest

from tenderarchive.store.schema import DEFERRED_INDEX_TABLES, PARTIAL_INDEXES, TABLES, finish_bulk, schema_fingerprint, start_bulk
from tenderarchive.store.writes import BULK_CACHE_KIB, bulk_build, open_archive, wal_again, write_notice
from tests.store.test_writes import notice_record


def indexes(path) -> set[tuple[str, str]]:
    """(table, SQL) of every index the archive has, the keys' own left out."""
    with sqlite3.connect(path) as conn:
        return set(conn.execute("select tbl_name, sql from sqlite_master where type = 'index' and sql is not null"))


def user_version(path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA user_version").fetchone()[0]


def started(path):
    db = open_archive(path)
    start_bulk(db)
    db.close()


def test_a_bulk_build_writes_without_the_deferred_indexes_and_creates_them_once(tmp_path):
    path = tmp_path / "archive.db"
    open_archive(path).close()
    every = indexes(path)
    deferred = {(table, sql) for table, sql in every if table in DEFERRED_INDEX_TABLES}
    # a partial index of those tables (the fetch index's paged addresses) is deferred with the rest
    assert len(deferred) == sum(len(TABLES[t].get("indexes", [])) for t in DEFERRED_INDEX_TABLES) + sum(
        table in DEFERRED_INDEX_TABLES for table, _, _ in PARTIAL_INDEXES.values()) > 19
    rebuilt = tmp_path / "rebuilt.db"
    started(rebuilt)
    assert indexes(rebuilt) == every - deferred  # awards, organisations, ... keep theirs
    with bulk_build(rebuilt):
        db = open_archive(rebuilt)  # the replay's writers open it: the indexes stay out
        assert write_notice(db, notice_record(), 1) == "new"
        db.close()
        assert indexes(rebuilt) == every - deferred
        db = open_archive(rebuilt)
        assert finish_bulk(db) is True  # the first crawl's derivation
        assert finish_bulk(db) is False  # done: nothing more to do
        db.close()
    assert indexes(rebuilt) == every
    assert user_version(rebuilt) == schema_fingerprint()
    with sqlite3.connect(rebuilt) as conn:
        assert conn.execute("select title from notices indexed by idx_notices_kenmerk where kenmerk = 100").fetchall() \
            == [("Jeugdhulp regio",)]


def test_an_archive_a_killed_rebuild_left_without_its_indexes_gets_them_on_the_next_open(tmp_path):
    path = tmp_path / "archive.db"
    open_archive(path).close()
    every = indexes(path)
    killed = tmp_path / "archive.db.reparse"
    started(killed)
    with bulk_build(killed):
        db = open_archive(killed)
        write_notice(db, notice_record(), 1)
        db.close()
    # the process is gone: whoever opens the file next for writing
    assert indexes(killed) != every and user_version(killed) == -schema_fingerprint()
    db = open_archive(killed)
    assert db["notices"].count == 1
    db.close()
    assert indexes(killed) == every
    assert user_version(killed) == schema_fingerprint()


def test_bulk_build_is_per_archive(tmp_path):
    """Another archive opened by the same process meanwhile is migrated as always."""
    path = tmp_path / "archive.db"
    open_archive(path).close()
    other = tmp_path / "other.db"
    started(other)
    with bulk_build(tmp_path / "rebuilt.db"):
        open_archive(other).close()
    assert indexes(other) == indexes(path)
    assert user_version(other) == schema_fingerprint()


def connection_settings(db) -> tuple[int, int, int, str]:
    return tuple(db.execute(f"PRAGMA {name}").fetchone()[0]
                 for name in ("synchronous", "cache_size", "temp_store", "journal_mode"))


def test_a_bulk_build_writes_without_syncing_and_with_a_large_cache(tmp_path):
    """Issue 14: the rebuild is thrown away when it fails, so its connections skip the fsyncs, keep
    its pages in memory (``BULK_PRAGMAS``) and its rollback journal too (``BULK_JOURNAL``: each page
    written once, not to the WAL and again at its checkpoint); the archive opened outside the build, and
    another archive opened during it, are opened as always (WAL, synchronous=NORMAL, SQLite's default
    cache)."""
    rebuilt, other = tmp_path / "rebuilt.db", tmp_path / "other.db"
    started(rebuilt)
    with bulk_build(rebuilt):
        db = open_archive(rebuilt)
        assert connection_settings(db) == (0, -BULK_CACHE_KIB, 2, "memory")
        assert write_notice(db, notice_record(), 1) == "new"
        assert not (tmp_path / "rebuilt.db-wal").exists()  # written into the file itself
        second = open_archive(rebuilt)  # the fetch index's connection beside the pipeline's
        assert connection_settings(second) == (0, -BULK_CACHE_KIB, 2, "memory")
        with second.conn:
            second.execute("insert into fetches (warc_file, warc_offset, url) values ('a.warc.gz', 0, 'u')")
        assert db.execute("select count(*) from fetches").fetchone()[0] == 1
        second.close()
        db.conn.execute("begin")  # a rollback still rolls back (the derivation's steps rely on it)
        db.conn.execute("insert into fetches (warc_file, warc_offset, url) values ('a.warc.gz', 1, 'v')")
        db.conn.rollback()
        assert db.execute("select count(*) from fetches").fetchone()[0] == 1
        db.close()
        db = open_archive(other)
        assert connection_settings(db) == (1, -2000, 0, "wal")
        db.close()
    wal_again(rebuilt)  # what reparse does once the build's connections are closed
    db = open_archive(rebuilt)
    assert connection_settings(db) == (1, -2000, 0, "wal")
    assert db["notices"].count == 1
    db.close()


def test_wal_again_refuses_while_another_connection_holds_the_file(tmp_path):
    """SQLite leaves a journal mode for WAL only with one connection: an archive left in its bulk mode
    would be swapped in unnoticed, so :func:`wal_again` says so."""
    rebuilt = tmp_path / "rebuilt.db"
    started(rebuilt)
    with bulk_build(rebuilt):
        db = open_archive(rebuilt)
        db.execute("select 1 from notices").fetchall()
        db.conn.execute("begin")
        db.execute("select count(*) from notices").fetchone()  # a read transaction held open
        with pytest.raises(sqlite3.OperationalError):
            wal_again(rebuilt)
        db.conn.rollback()
        db.close()
    wal_again(rebuilt)
    with sqlite3.connect(rebuilt) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
