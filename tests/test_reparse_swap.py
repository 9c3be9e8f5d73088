"""``reparse.swap``: the rebuilt archive takes the archive's name and the old archive stays complete as
``<archive>.before-reparse``. Where the old archive's checkpoint folded every committed page into its
file, that file itself is the copy (a hard link, then the rename: issue 14, SQLite's backup wrote every
page again, as many bytes as the archive holds); where it could not (a reader held the WAL) or the file
system has no hard links, SQLite's backup copies it with every committed page, as before. Real SQLite
files in WAL mode, as the archive is."""

import os
import sqlite3
from pathlib import Path

from tenderarchive.reparse import swap


def archive_with(path: Path, *notes: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("create table marker (note text)")
    conn.executemany("insert into marker values (?)", [(note,) for note in notes])
    conn.commit()
    conn.close()


def notes(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [note for note, in conn.execute("select note from marker order by rowid")]
    finally:
        conn.close()


def test_the_old_archive_file_itself_becomes_before_reparse_and_the_rebuild_takes_its_name(tmp_path):
    archive, rebuilt = tmp_path / "archive.db", tmp_path / "archive.db.reparse"
    archive_with(archive, "old")
    archive_with(rebuilt, "new")
    old_file = os.stat(archive).st_ino
    swap(rebuilt, archive)
    backup = tmp_path / "archive.db.before-reparse"
    assert os.stat(backup).st_ino == old_file  # no copy written: the old file under its second name
    assert os.stat(backup).st_nlink == 1  # and only there now
    assert notes(backup) == ["old"] and notes(archive) == ["new"]
    assert not rebuilt.exists() and not Path(f"{archive}-wal").exists()
    assert not (tmp_path / "archive.db.before-reparse.tmp").exists()


def test_a_previous_before_reparse_is_replaced(tmp_path):
    archive, rebuilt, backup = tmp_path / "archive.db", tmp_path / "archive.db.reparse", tmp_path / "archive.db.before-reparse"
    archive_with(backup, "older")
    archive_with(archive, "old")
    archive_with(rebuilt, "new")
    swap(rebuilt, archive)
    assert notes(backup) == ["old"] and notes(archive) == ["new"]


def test_without_hard_links_the_old_archive_is_copied_complete(tmp_path, monkeypatch):
    archive, rebuilt = tmp_path / "archive.db", tmp_path / "archive.db.reparse"
    archive_with(archive, "old")
    archive_with(rebuilt, "new")
    old_file = os.stat(archive).st_ino

    def no_links(*args, **kwargs):
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    swap(rebuilt, archive)
    backup = tmp_path / "archive.db.before-reparse"
    assert os.stat(backup).st_ino != old_file
    assert notes(backup) == ["old"] and notes(archive) == ["new"]


def test_a_reader_holding_the_wal_gets_a_copy_with_every_committed_page(tmp_path):
    """A reader's open snapshot keeps the checkpoint from folding a later commit into the file: the file
    alone would lack it, so it is not linked but copied with SQLite's backup, the WAL's pages included."""
    archive, rebuilt = tmp_path / "archive.db", tmp_path / "archive.db.reparse"
    archive_with(archive, "old")
    archive_with(rebuilt, "new")
    reader = sqlite3.connect(archive)
    reader.execute("begin")
    assert reader.execute("select count(*) from marker").fetchone() == (1,)  # its snapshot: one row
    writer = sqlite3.connect(archive)
    writer.execute("insert into marker values ('only in the WAL')")
    writer.commit()
    writer.close()
    old_file = os.stat(archive).st_ino
    try:
        swap(rebuilt, archive)  # its checkpoint waits for the reader (sqlite3's 5 s busy timeout), then gives up
    finally:
        reader.close()
    backup = tmp_path / "archive.db.before-reparse"
    assert os.stat(backup).st_ino != old_file
    assert notes(backup) == ["old", "only in the WAL"] and notes(archive) == ["new"]
