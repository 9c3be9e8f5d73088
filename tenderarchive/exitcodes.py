"""The exit codes of the ``tenderarchive`` command, defined once.

Every subcommand returns one of these, so cron, systemd and monitoring scripts can act on
the number alone. The README lists them (``tests/test_docs.py`` checks that it does).

====  ============  ==========================================================================
code  name          meaning
====  ============  ==========================================================================
0     COMPLETE      the command did what it was asked; a crawl completed
1     FAILED        a crawl archived nothing or could not reach its source; a command could
                    not run (no archive, no such crawl, mail refused, port in use)
2     BAD_ARGUMENTS a bad argument; the message names it
3     PARTIAL       the crawl went on past errors; see ``tenderarchive status``
4     LOCKED        another crawl holds the archive's lock (``tenderarchive/lock.py``)
5     STALE         ``status``: a source is stale or its last crawl failed
6     UNUSABLE_FILE the archive or a WARC file cannot be used (a directory, not SQLite or not
                    WARC, cut short, unreadable or not writable), or ``report``'s folder or
                    ``export``'s output file cannot be written; the message names it
====  ============  ==========================================================================
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    COMPLETE = 0
    FAILED = 1
    BAD_ARGUMENTS = 2
    PARTIAL = 3
    LOCKED = 4
    STALE = 5
    UNUSABLE_FILE = 6

    @classmethod
    def of_crawl(cls, status: str | None) -> "ExitCode":
        """The exit code of a crawl that ended with ``status`` (``crawls.status``)."""
        return {"complete": cls.COMPLETE, "partial": cls.PARTIAL}.get(status or "", cls.FAILED)
