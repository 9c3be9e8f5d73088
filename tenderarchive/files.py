"""Checks that the files a command is given can be used, before anything touches them.

A broken file is one line naming the file and the problem and exit code
``ExitCode.UNUSABLE_FILE`` (6), never a traceback, and the file is left as it was:

- the archive path (``--db``): a directory, not a SQLite database (garbage, truncated
  header), another program's SQLite database (tables, but none of an archive's: a writer would
  add the archive's tables to it and a reader would call it an archive of an older version),
  unreadable, or read-only (or in a read-only folder) for a command that writes;
- a WARC file or folder (``crawl --replay``, ``reparse``): not WARC, or cut short
  (a damaged gzip member or record).

Configuration files (profile, registry, watchlist) are checked by their loaders
(:mod:`tenderarchive.config`) and are bad arguments (exit 2). The checks use
``sqlite3`` through the one read-only opener (``tenderarchive/readonly.py``: ``mode=ro``, and
``immutable=1`` when no crawl is writing, so the check leaves no ``-wal``/``-shm`` files next to
an archive that a reader is about to read) and warcio.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from tenderarchive import readonly


#: Tables every archive has had since the first version (``crawls`` and ``notices`` from the start, then
#: ``articles`` and ``procurements``): a SQLite file with tables but none of these is no archive.
ARCHIVE_TABLES = frozenset({"crawls", "notices", "articles", "procurements"})


class UnusableFile(Exception):
    def __init__(self, path, problem: str):
        self.path, self.problem = Path(path), problem
        super().__init__(f"{path}: {problem}")


class ArchiveBusy(UnusableFile):
    """The archive is locked by another process writing it (SQLite's ``database is locked``): exit code 4
    (``ExitCode.LOCKED``), not 6: the file is whole, only busy. A crawl writes in WAL mode, which readers read
    beside; a writer that takes the file for itself (an exclusive lock: a copy of the archive in rollback-journal
    mode, a rebuild, another program) keeps them out, and they said the archive was "not usable" or "damaged"."""

    def __init__(self, path, exc):
        from tenderarchive.lock import _running, lock_path_for, read_holder

        holder = read_holder(lock_path_for(path))
        crawl = ""
        if holder.get("pid") and _running(holder["pid"]):
            crawl = f"; a crawl runs on it (pid {holder['pid']}" + (
                f", started {holder['started']}" if holder.get("started") else "") + ")"
        super().__init__(path, f"locked by another process writing it ({exc}, after waiting){crawl}; try again "
                               "when it has ended; nothing was read or changed")


def busy(exc: BaseException) -> bool:
    """Whether SQLite refused for a lock another connection holds (``SQLITE_BUSY``, ``SQLITE_LOCKED`` and their
    extended codes), not for a damaged file."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return isinstance(exc, sqlite3.OperationalError) and "is locked" in str(exc)


def check_archive(path, write: bool) -> None:
    """Raise :class:`UnusableFile` when ``path`` cannot serve as the archive.

    A path that does not exist is fine for a command that writes (it creates the archive)
    when its folder exists and is writable; readers report a missing archive themselves."""
    path = Path(path)
    try:
        path.stat()
    except (FileNotFoundError, NotADirectoryError):
        pass  # no such file: below
    except OSError as exc:  # a name longer than the file system takes, a loop of links: Path.is_dir raised it
        raise UnusableFile(path, f"cannot be used ({exc.strerror or exc})") from None
    if path.is_dir():
        raise UnusableFile(path, "is a directory, not an archive (give the path of archive.db)")
    if not path.exists():
        folder = path.parent if str(path.parent) else Path(".")
        if write and not folder.is_dir():
            raise UnusableFile(path, f"folder {folder} does not exist")
        if write and not os.access(folder, os.W_OK | os.X_OK):
            raise UnusableFile(path, f"folder {folder} is not writable")
        return
    if not os.access(path, os.R_OK):
        raise UnusableFile(path, "cannot be read (permission denied)")
    try:
        conn = sqlite3.connect(readonly.uri(path), uri=True)
        try:
            tables = [row[0] for row in conn.execute(
                "select name from sqlite_master where type = 'table' and name not like 'sqlite%' order by name")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if busy(exc):
            raise ArchiveBusy(path, exc) from None
        raise UnusableFile(path, f"not a usable SQLite archive ({exc})") from None
    if tables and not ARCHIVE_TABLES.intersection(tables):
        shown = ", ".join(tables[:5]) + (f" and {len(tables) - 5} more" if len(tables) > 5 else "")
        raise UnusableFile(path, f"a SQLite database but not a tenderarchive archive (its tables: {shown}); give the "
                                 "path of an archive, or of a new file for a command that builds one")
    if write and not os.access(path, os.W_OK):
        raise UnusableFile(path, "is read-only; this command writes to the archive")
    if write and not os.access(path.parent, os.W_OK | os.X_OK):
        raise UnusableFile(path, f"folder {path.parent} is not writable (SQLite keeps its journal there)")


def check_warc(path) -> list[Path]:
    """The WARC files under ``path`` (a file or a folder), each read to its end; raises
    :class:`UnusableFile` naming the first file that is not WARC or is cut short."""
    from warcio.archiveiterator import ArchiveIterator

    from tenderarchive.rawstore import (BadRecord, load_failure, records_end, response_status, warc_files,
                                        whole_members_end, whole_records_end)

    path = Path(path)
    if not path.exists():
        raise UnusableFile(path, "does not exist")
    files = warc_files(path)
    if not files:
        raise UnusableFile(path, "holds no WARC files (*.warc.gz, *.warc)")
    for file in files:
        records, end = 0, 0
        try:
            with open(file, "rb") as handle:
                iterator = ArchiveIterator(handle)
                for record in iterator:
                    if not (record.rec_headers.get_header("WARC-Record-ID")
                            and record.rec_headers.get_header("WARC-Date")):
                        raise ValueError("a record without WARC-Record-ID or WARC-Date")
                    if record.rec_type == "response":
                        response_status(record)  # a response no status can be read of: the replay cannot serve it
                    record.content_stream().read()
                    records += 1
                    end = iterator.get_record_offset() + iterator.get_record_length()
        except OSError as exc:
            raise UnusableFile(file, f"cannot be read ({exc.strerror or exc})") from None
        except BadRecord as exc:
            raise UnusableFile(file, f"damaged: record {records + 1}: {exc}") from None
        except Exception as exc:  # warcio raises several types (ArchiveLoadFailed, zlib, EOFError)
            where = f"after {records} record(s)" if records else "at its first record"
            raise UnusableFile(file, f"not a WARC file or cut short {where} ({load_failure(exc)})") from None
        if records == 0:
            raise UnusableFile(file, "not a WARC file (no records)")
        size = file.stat().st_size
        if records_end(file, end, size) < size:  # warcio stops quietly at a gzip member cut short
            raise UnusableFile(file, f"cut short: {records} whole record(s) end at byte {end} of {size}")
        if file.suffix == ".gz" and whole_members_end(file) < size:
            raise UnusableFile(file, f"cut short: its last gzip member is incomplete ({records} whole record(s))")
        if file.suffix != ".gz" and whole_records_end(file) < size:
            raise UnusableFile(file, f"cut short: its last record is incomplete ({records} record(s))")
    return files
