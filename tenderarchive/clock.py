"""The served archive's now and today: Amsterdam's day, not UTC's.

TenderNed's calendar, the archive's ``published`` days and its deadlines are Amsterdam's; SQLite's
``date('now')`` is UTC's, a day behind for the first one or two hours after midnight. The saved searches and
research pages ask the SQL functions ``vandaag()`` (today, ``YYYY-MM-DD``, Amsterdam's) and ``nu()`` (now, a UTC
moment as ``julianday`` reads it) instead (registered by ``tenderarchive/datasette_plugin.py``).

``TENDERARCHIVE_NOW`` in the environment fixes that moment (ISO 8601; without an offset Amsterdam's):
``TENDERARCHIVE_NOW=2026-12-05T00:30 tenderarchive serve`` shows the archive as it read that night (a test, or a
look back). Unset: the clock's now. A bad value is an error that names the variable, not a silent clock.

A crawl's today is this clock's too (``tenderarchive.arguments.today``): its default ``--until-date``, its window and
its re-checks see the day ``TENDERARCHIVE_NOW`` gives, as ``status``, ``serve`` and ``export`` do.

So does its reading of the pages it fetches (:func:`fixed`): with the raw store on, the WARC-Date and
``fetches.fetched_at`` stay when the machine fetched a response (the evidence), while the archive's rows are fetched,
and their relative dates ("2 dagen geleden") read, as of the moment ``TENDERARCHIVE_NOW`` gives. The WARC file records
that moment (its warcinfo's ``now``): a reparse or replay reads the crawl's pages against it again, and keeps its day.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from datetime import datetime, timezone

from tenderarchive.arguments import AMSTERDAM  # the one Europe/Amsterdam zone

NOW = "TENDERARCHIVE_NOW"


def now(env=None) -> datetime:
    """Now, aware: the moment in :data:`NOW` when that is set, else the clock's."""
    value = (os.environ if env is None else env).get(NOW, "").strip()
    if not value:
        return datetime.now(timezone.utc)
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"{NOW}={value!r} is not an ISO 8601 date and time (YYYY-MM-DDTHH:MM)") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=AMSTERDAM)


def fixed(env=None) -> datetime | None:
    """The moment :data:`NOW` fixes, aware; None when it is not set (the clock runs). A crawl run under it reads every
    page it fetches as of this moment, not when the machine fetched it (``spiders/base.py`` ``BaseSpider.read_at``)."""
    if not (os.environ if env is None else env).get(NOW, "").strip():
        return None
    return now(env)


def vandaag(env=None) -> str:
    """SQL ``vandaag()``: today in Amsterdam, ``YYYY-MM-DD``."""
    return now(env).astimezone(AMSTERDAM).date().isoformat()


def nu(env=None) -> str:
    """SQL ``nu()``: now as a UTC ``YYYY-MM-DD HH:MM:SS`` (what ``julianday('now')`` reads)."""
    return now(env).astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S")


#: SQLite's own ``julianday``, for the values an override (:func:`julianday`) does not answer itself: one in-memory
#: connection per thread (Datasette reads in threads), never the archive's.
_SQLITE = threading.local()


def julianday(value, env=None):
    """SQL ``julianday(value)`` while :data:`NOW` is set (``register_functions`` puts it in place of SQLite's for one
    argument then, and only then): ``julianday('now')`` is that moment, so the archive's views that age a source by it
    (``freshness``'s ``age_hours``, ``news_sites``' ``days_since_last_archived``) read as the saved searches' ``nu()``
    and ``vandaag()`` do, in Datasette and ``export``; any other value is SQLite's own answer."""
    if isinstance(value, str) and value.strip().lower() == "now":
        return now(env).timestamp() / 86400 + 2440587.5
    conn = getattr(_SQLITE, "conn", None)
    if conn is None:
        conn = _SQLITE.conn = sqlite3.connect(":memory:", check_same_thread=False)
    return conn.execute("select julianday(?)", [value]).fetchone()[0]


def amsterdam_day(moment) -> str | None:
    """SQL ``amsterdam_day(ts)``: the Amsterdam day (``YYYY-MM-DD``) of an archived moment (``fetched_at``: ISO 8601,
    UTC; one without an offset is taken as UTC, as the archive writes them), to compare with ``vandaag()``'s days;
    NULL for none. ``2026-11-30T23:30:00+00:00`` is Amsterdam's 2026-12-01."""
    if moment is None or str(moment).strip() == "":
        return None
    value = datetime.fromisoformat(str(moment).strip().replace("Z", "+00:00"))
    return (value if value.tzinfo else value.replace(tzinfo=timezone.utc)).astimezone(AMSTERDAM).date().isoformat()
