"""The crawl lock: one crawl at a time per archive.

Scheduled crawls (cron, systemd timers, scrapyd) can overlap when a run is slow
(a source answering ``429 Retry-After`` for minutes, a large backfill). Two
crawls writing the same archive would race on the same rows and both record
themselves in ``crawls``. :func:`crawl_lock` prevents that:

- the lock is ``fcntl.flock`` (exclusive, non-blocking) on a lock file next to
  the archive: ``archive.db`` → ``archive.db.lock``;
- the holder writes its pid, start time and command line into the file, so the
  second run can say *who* holds the lock;
- a second run does not wait: :class:`CrawlLocked` is raised at once, and the
  CLI exits with ``ExitCode.LOCKED`` (4) and a message naming the holder (a reader's
  momentary shared look, ``readonly.crawl_running``, is waited out: :func:`_take`);
- the kernel releases an flock when its process dies, so a crashed or killed
  crawl (``kill -9``, OOM, reboot) never leaves a stale lock behind: the lock
  file may stay on disk, but it is not locked. The file is never deleted
  (deleting it would let a third process lock a new inode while a second still
  holds the old one).

Every crawl process takes it, not only ``tenderarchive crawl``: the ``CrawlLock``
extension (``tenderarchive/extensions.py``) takes it for a ``scrapy crawl`` or a
scrapyd job, before anything opens the archive, unless this process already holds it
(:func:`held_here`: the CLI and ``reparse`` take it themselves, for longer).

flock is advisory and local: it protects crawls on one machine (and on most
network filesystems that support it); it does not coordinate a scrapyd cluster,
where scrapyd's own queue is the serialiser.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import sys
from datetime import datetime, timezone
from pathlib import Path


#: Lock files this process holds now (through :func:`crawl_lock`).
_HELD: set[Path] = set()


class CrawlLocked(RuntimeError):
    """Another process holds the crawl lock of this archive."""

    def __init__(self, lock_path: Path, holder: dict):
        self.lock_path = lock_path
        self.holder = holder
        who = []
        if holder.get("pid"):
            who.append(f"pid {holder['pid']}")
        if holder.get("started"):
            who.append(f"started {holder['started']}")
        if holder.get("command"):
            who.append(f"command {holder['command']!r}")
        detail = ", ".join(who) or "holder unknown"
        super().__init__(
            f"another crawl is already running on this archive ({detail}; lock file {lock_path}); "
            f"this run stops without crawling"
        )


def lock_path_for(db_path: str | Path) -> Path:
    """The lock file of an archive: the archive path plus ``.lock`` (resolved, so
    two spellings of the same archive share one lock)."""
    db_path = Path(db_path).expanduser().resolve()
    return db_path.with_name(db_path.name + ".lock")


def held_here(db_path: str | Path) -> bool:
    """True when this process holds the crawl lock of the archive at ``db_path``."""
    return lock_path_for(db_path) in _HELD


def read_holder(lock_path: str | Path) -> dict:
    """What the lock file says about its (last) holder; ``{}`` if unreadable."""
    try:
        return json.loads(Path(lock_path).read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return {}


#: The longest a crawl waits for readers that look at the lock (:func:`_take`), in seconds.
READER_WAIT_SECONDS = 2.0


def _take(fd: int, path: Path) -> None:
    """Take the lock (exclusive) on ``fd``, or raise :class:`CrawlLocked` when a crawl holds it.

    A reader asks whether a crawl runs by taking the lock shared for a moment (``readonly.crawl_running``:
    ``status``, and ``serve`` before every query); an exclusive request in that moment failed, and a crawl
    started by cron beside a ``status`` check, or while the site answered queries, exited 4 ("another crawl is
    already running", naming the last holder) and did nothing. A failed request is told apart: when the lock can
    be taken shared, no crawl holds it (a crawl holds it exclusive), only readers do, and the request is made
    again a moment later, for at most :data:`READER_WAIT_SECONDS` (a bounded loop); when it cannot, a crawl holds
    it, at once :class:`CrawlLocked`. flock has no way to ask who holds a lock: written here for that."""
    import time

    deadline = time.monotonic() + READER_WAIT_SECONDS
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except (BlockingIOError, PermissionError):
            pass
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)  # only readers hold it: they let go at once
        except (BlockingIOError, PermissionError):
            raise CrawlLocked(path, _holder_now(path)) from None
        fcntl.flock(fd, fcntl.LOCK_UN)
        if time.monotonic() > deadline:
            raise CrawlLocked(path, _holder_now(path))
        time.sleep(0.01)


#: The longest a run that found the lock held waits for the holder to write who it is, in seconds.
HOLDER_WAIT_SECONDS = 1.0


def _running(pid) -> bool:
    """True when a process with this pid runs (one of another user's counts too)."""
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except (OSError, ValueError, TypeError, OverflowError):
        return False
    return True


def _holder_now(path: Path) -> dict:
    """Who holds the lock now, as its file says once the holder has written it.

    A holder takes the flock first and writes its pid a moment later (:func:`crawl_lock`). A run that
    started in that moment (two cron jobs started together) read an empty file, or the last holder's record,
    and named "holder unknown" or a process that had ended. The record is read again until it names a
    running process, for at most :data:`HOLDER_WAIT_SECONDS` (a bounded loop); after that the last read
    stands (the holder may run under another pid namespace)."""
    import time

    deadline = time.monotonic() + HOLDER_WAIT_SECONDS
    while True:
        holder = read_holder(path)
        if (holder.get("pid") and _running(holder["pid"])) or time.monotonic() > deadline:
            return holder
        time.sleep(0.01)


def _take_within(fd: int, path: Path, wait: float, waiting=None) -> None:
    """:func:`_take`, asked again every second while another crawl holds the lock, for at most ``wait`` seconds
    (``crawl --wait-lock``); then :class:`CrawlLocked`. ``waiting(exc)`` is called once, when the lock was first
    found held. A scheduled news crawl that found a long TenderNed backfill running exited 4 and did nothing that
    night; waiting for it, it crawls when the other ends."""
    import time

    deadline = time.monotonic() + max(0.0, wait)
    told = False
    while True:
        try:
            _take(fd, path)
            return
        except CrawlLocked as exc:
            left = deadline - time.monotonic()
            if left <= 0:
                raise
            if waiting is not None and not told:
                waiting(exc)
                told = True
            time.sleep(min(1.0, left))


@contextlib.contextmanager
def crawl_lock(db_path: str | Path, command: list[str] | None = None, wait: float = 0, waiting=None):
    """Hold the crawl lock of the archive at ``db_path`` for the ``with`` block.

    Raises :class:`CrawlLocked` at once when another process holds it, or, with ``wait`` (seconds), when it
    still holds it after that long (:func:`_take_within`). Yields the lock file's path.
    """
    path = lock_path_for(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _take_within(fd, path, wait, waiting) if wait else _take(fd, path)
        holder = {
            "pid": os.getpid(),
            "started": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "command": " ".join(command if command is not None else sys.argv),
        }
        # written over the last holder's, then cut to length: a reader never finds the file empty
        text = json.dumps(holder).encode()
        os.pwrite(fd, text, 0)
        os.ftruncate(fd, len(text))
        _HELD.add(path)
        try:
            yield path
        finally:
            _HELD.discard(path)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
