"""The served archive's now and today: Amsterdam's day, not UTC's.

TenderNed's calendar, the archive's ``published`` days and its deadlines are Amsterdam's; SQLite's
``date('now')`` is UTC's, a day behind for the first one or two hours after midnight. The saved searches and
research pages ask the SQL functions ``vandaag()`` (today, ``YYYY-MM-DD``, Amsterdam's) and ``nu()`` (now, a UTC
moment as ``julianday`` reads it) instead (registered by ``tenderarchive/datasette_plugin.py``).

``TENDERARCHIVE_NOW`` in the environment fixes that moment (ISO 8601; without an offset Amsterdam's):
``TENDERARCHIVE_NOW=2026-12-05T00:30 tenderarchive serve`` shows the archive as it read that night (a test, or a
look back). Unset: the clock's now. A bad value is an error that names the variable, not a silent clock.
"""

from __future__ import annotations

import os
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


def vandaag(env=None) -> str:
    """SQL ``vandaag()``: today in Amsterdam, ``YYYY-MM-DD``."""
    return now(env).astimezone(AMSTERDAM).date().isoformat()


def nu(env=None) -> str:
    """SQL ``nu()``: now as a UTC ``YYYY-MM-DD HH:MM:SS`` (what ``julianday('now')`` reads)."""
    return now(env).astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
