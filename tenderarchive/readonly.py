"""The one way readers open the archive: read-only, and immutable when no crawl is writing it.

``serve``, ``status``, ``report`` and ``export`` (and the Datasette that ``serve`` starts,
``tenderarchive/serve.py``) only read. They open ``archive.db`` through :func:`connect` (or
:func:`database`, or the URI of :func:`uri`), never through the store, so none of them can
create a table, run a migration or rebuild an index. The crawl-state reads of
``tenderarchive/store/queries.py`` use it too.

Why two modes. The archive is in WAL mode (the store sets ``journal_mode=WAL``). SQLite's
``mode=ro`` still needs the ``-shm`` index of the write-ahead log, and creates ``-wal`` and
``-shm`` next to the archive when they are missing: a read would leave files behind. When no
crawl holds the archive's lock (``tenderarchive/lock.py``) and no write-ahead log is pending,
nothing can change the file while we read, so readers open it ``mode=ro&immutable=1``: SQLite
then reads the main file only, takes no locks and creates nothing, and the file descriptor is
read-only (``immutable=1`` alone would open it read-write). While a crawl runs (its lock is
held, or a ``-wal`` file exists) readers open it ``mode=ro`` instead, which sees the crawl's
committed writes consistently; the crawl owns the ``-wal``/``-shm`` files anyway.

A read-only copy (``chmod a-w`` on the file and its folder, a read-only mount) that holds a pending ``-wal`` (copied
from an archive a crawl was writing, or was killed writing) can be read neither way without writing: ``mode=ro``
creates ``-shm`` next to it (or fails, for a user who may not), ``immutable=1`` skips what the log holds. Readers
read it from a private temporary copy of the two files instead (:func:`private_copy`). One with no pending log is
read immutable even where ``mode=ro`` is asked (``serve --live``): nothing can write an archive in WAL mode there.

Whether a crawl holds the lock is asked the kernel the way ``crawl_lock`` takes it: a shared,
non-blocking ``flock`` on the lock file, opened read-only and never created.

The standard library's ``sqlite3`` URI parameters (``mode=ro``, ``immutable=1``) do the work;
this module only decides which one applies.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path

from tenderarchive.lock import lock_path_for


class ArchiveMissing(FileNotFoundError):
    """There is no archive file at the given path."""


def crawl_running(db_path: str | Path, lock: Path | None = None) -> bool:
    """True when a crawl holds the crawl lock of the archive at ``db_path`` right now (``lock``: its
    :func:`~tenderarchive.lock.lock_path_for`, when the caller has it already: ``serve`` asks before
    every query, and working it out resolves the path, a system call per part of it)."""
    lock = lock or lock_path_for(db_path)
    try:
        fd = os.open(lock, os.O_RDONLY)
    except FileNotFoundError:
        return False
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except (BlockingIOError, PermissionError):
            return True
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


#: The archives (resolved paths) whose crawl lock this very process holds while it writes nothing: the report of
#: ``crawl --watchlist``, made after its crawl ended but under its lock (:func:`after_own_crawl`).
_QUIET: set[Path] = set()


@contextmanager
def after_own_crawl(db_path: str | Path):
    """For the ``with`` block this process, which holds the archive's crawl lock, only reads the archive (its crawl
    has ended): its readers open it immutable when no write-ahead log is pending, as any reader does with no crawl
    running. They opened it ``mode=ro`` for the lock they took to be another's, which left ``-wal`` and ``-shm``
    next to the archive after every ``crawl --watchlist``, where a crawl without one leaves none."""
    path = Path(db_path).expanduser().resolve()
    _QUIET.add(path)
    try:
        yield
    finally:
        _QUIET.discard(path)


def can_be_immutable(db_path: str | Path, lock: Path | None = None) -> bool:
    """True when nothing is writing the archive: no crawl holds its lock (this process's, inside
    :func:`after_own_crawl`, writes nothing) and no write-ahead log is pending next to it (``lock``: as
    :func:`crawl_running`)."""
    path = Path(db_path)
    if not (_QUIET and path.expanduser().resolve() in _QUIET) and crawl_running(path, lock):
        return False
    try:
        return os.stat(f"{path}-wal").st_size == 0
    except FileNotFoundError:
        return True


def uri(db_path: str | Path, immutable: bool | None = None) -> str:
    """The SQLite URI that opens the archive read-only: ``mode=ro``, plus ``immutable=1`` when
    :func:`can_be_immutable` (or as told). ``mode=ro`` keeps the file descriptor read-only
    (``immutable=1`` alone opens it read-write). A read-only copy that holds a pending write-ahead log is read
    from a private copy (:func:`private_copy`)."""
    path = Path(db_path).expanduser().resolve()
    if immutable is None:
        immutable = can_be_immutable(path)
    if not immutable:
        if (copy := private_copy(path)) is not None:
            path = copy
        elif read_only_folder(path.parent) and not _pending_log(path) and not crawl_running(path):
            # nothing can write an archive in WAL mode there (a crawl's -wal could not be made): read it immutable,
            # as `serve --live` asked mode=ro, which created -wal and -shm next to it (or failed, for a user who may
            # not write there)
            immutable = True
    return f"{path.as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")


def _pending_log(path: Path) -> bool:
    """True when a write-ahead log with writes in it lies next to the archive at ``path``."""
    try:
        return os.stat(f"{path}-wal").st_size > 0
    except OSError:
        return False


def read_only_folder(folder: Path) -> bool:
    """True when nothing may create a file in ``folder``: no write permission for anyone (``chmod a-w``, which
    ``os.access`` does not tell root), none for this user, or a file system mounted read-only."""
    try:
        mode = os.stat(folder).st_mode
        return not mode & 0o222 or not os.access(folder, os.W_OK) or bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


#: Private copies of read-only archives with a pending write-ahead log: archive path -> (its files' state, the copy).
_COPIES: dict[Path, tuple[tuple, Path]] = {}


def private_copy(path: Path) -> Path | None:
    """Where to read an archive that holds a pending write-ahead log (``-wal``, a copy of an archive a crawl was
    writing, or was killed writing) in a read-only folder (``chmod a-w``, a read-only mount), with no crawl running:
    ``mode=ro`` needs the log's ``-shm`` index, which SQLite created next to the archive (as root) or could not
    (``unable to open database file``, taken for a damaged archive), and ``immutable=1`` would not read what the log
    holds. The archive and its log are copied once per process, while they stay the same, into a temporary folder
    removed when the process ends, and read there. None in any other case (the archive is read where it is)."""
    wal = Path(f"{path}-wal")
    try:
        if not wal.stat().st_size or Path(f"{path}-shm").exists() or not read_only_folder(path.parent):
            return None
        state = tuple((p.stat().st_size, p.stat().st_mtime_ns) for p in (path, wal))
    except OSError:
        return None
    if crawl_running(path):
        return None
    known = _COPIES.get(path)
    if known and known[0] == state and known[1].is_file():
        return known[1]
    import atexit
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="tenderarchive-readonly-"))
    atexit.register(shutil.rmtree, folder, True)
    copy = folder / path.name
    shutil.copyfile(path, copy)
    shutil.copyfile(wal, f"{copy}-wal")
    _COPIES[path] = (state, copy)
    return copy


def connect(db_path: str | Path, *, row_factory=sqlite3.Row, immutable: bool | None = None) -> sqlite3.Connection:
    """A read-only connection to the archive; raises :class:`ArchiveMissing` when there is none.
    ``immutable``: as :func:`uri` (a writer that holds the crawl lock itself may read its archive
    immutable when no write-ahead log is pending).

    ``PRAGMA query_only`` is set as well, so even a statement that SQLite would let through
    (a temporary table) fails."""
    path = Path(db_path)
    if not path.is_file():
        raise ArchiveMissing(f"no archive at {path}")
    conn = sqlite3.connect(uri(path, immutable), uri=True)
    conn.execute("PRAGMA query_only = 1")
    conn.row_factory = row_factory
    return conn


def database(db_path: str | Path):
    """:func:`connect` wrapped in a ``sqlite_utils.Database`` (for code that reads with it)."""
    import sqlite_utils

    return sqlite_utils.Database(connect(db_path, row_factory=None))


def is_empty(conn: sqlite3.Connection) -> bool:
    """True when the file holds no table at all (a file of 0 bytes, or a SQLite file nothing was written to):
    no archive, rather than an archive of an older version that lacks the tables a reader asks for."""
    return conn.execute("select 1 from sqlite_master limit 1").fetchone() is None


def table_exists(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("select 1 from sqlite_master where type in ('table', 'view') and name = ?",
                        [name]).fetchone() is not None
