"""Datasette plugin of tenderarchive (registered through the ``datasette`` entry point).

* SQL functions for the saved searches (every connection):

  ``nl_fts_query(q)``
      a Dutch user query as a safe FTS5 query over ``search_documents_fts`` (stemmed,
      synonyms expanded, every term quoted; see ``tenderarchive/search/query.py``);
  ``fts_quote(q)``
      the user's words as quoted FTS5 terms, for the raw indexes (``notices_fts`` …);
  ``nl_stem(text)``
      the Dutch-stemmed mirror of a text;
  ``jeugdregio_code(text)``
      JZnn for a jeugdregio code, name or alias, or a municipality name;
  ``atom_time(value, ...)``
      a date or timestamp (``2021``, ``2021-05``, ``2021-05-02``, naive or aware ISO 8601)
      as ISO 8601 with an offset (Europe/Amsterdam when none is given), as Atom needs;
  ``awarded_to(text)``
      the phrase after "gegund aan" in a notice text (TenderNed's public records carry no
      structured winner), or NULL.

* Read-only: every connection to an archive database gets ``PRAGMA query_only``, so not
  even a misconfigured canned query or plugin can write through Datasette.

* Atom feeds of saved searches with no rows are valid, empty feeds (datasette-atom fails
  on an empty result).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from datasette import hookimpl

from tenderarchive.search import query as search_query
from tenderarchive.search import text as search_text

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def atom_time(value) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            moment = datetime(int(text), 1, 1)
        elif re.fullmatch(r"\d{4}-\d{2}", text):
            moment = datetime(int(text[:4]), int(text[5:7]), 1)
        elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            moment = datetime.combine(date.fromisoformat(text), datetime.min.time())
        else:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=AMSTERDAM)
    return moment.isoformat()


UNDATED = "1970-01-01T00:00:00+00:00"


def atom_time_first(*values) -> str:
    """SQL ``atom_time(a, b, …)``: the first value that parses as a date, else the epoch.

    An Atom entry must have an ``updated`` time (datasette-atom sorts on it), but a
    living project page may state no date at all: such entries say 1970 and sort last
    instead of breaking the feed."""
    for value in values:
        moment = atom_time(value)
        if moment:
            return moment
    return UNDATED


_AWARDED = re.compile(r"\bgegund\s+aan\s+(.+?)(?:\.(?:\s|$)|;|\n|$)", re.IGNORECASE | re.DOTALL)


def awarded_to(text) -> str | None:
    match = _AWARDED.search(str(text or ""))
    return match.group(1).strip() if match else None


def _safe(function):
    def wrapped(*args):
        try:
            return function(*args)
        except Exception:  # a SQL function must never break a page
            return None
    return wrapped


@hookimpl
def prepare_connection(conn, database, datasette):
    conn.create_function("nl_fts_query", 1, lambda q: search_query.nl_fts_query("" if q is None else str(q)), deterministic=True)
    conn.create_function("fts_quote", 1, lambda q: search_query.fts_quote("" if q is None else str(q)), deterministic=True)
    conn.create_function("nl_stem", 1, _safe(search_text.stem_text), deterministic=True)
    conn.create_function("jeugdregio_code", 1, _safe(search_query.jeugdregio_code), deterministic=True)
    conn.create_function("atom_time", -1, _safe(atom_time_first), deterministic=True)
    conn.create_function("awarded_to", 1, _safe(awarded_to), deterministic=True)
    if not database.startswith("_"):
        conn.execute("PRAGMA query_only = 1")


def _install_empty_feed_support() -> None:
    try:
        import datasette_atom
    except ImportError:  # pragma: no cover - datasette-atom is a dependency
        return
    if getattr(datasette_atom.render_atom, "tenderarchive", False):
        return
    original = datasette_atom.render_atom

    def render_atom(datasette, request, sql, columns, rows, database, table, query_name, view_name, data):
        if rows:
            return original(datasette, request, sql, columns, rows, database, table, query_name,
                            view_name, data)
        from datasette.utils.asgi import Response
        from feedgen.feed import FeedGenerator

        feed = FeedGenerator()
        feed.id(request.url)
        feed.link(href=request.url, rel="self")
        title = query_name or table or "tenderarchive"
        try:
            title = datasette.metadata(database=database)["queries"][query_name]["title"]
        except (KeyError, TypeError):
            pass
        feed.title(title)
        return Response(feed.atom_str(pretty=True), content_type="application/xml; charset=utf-8")

    render_atom.tenderarchive = True
    datasette_atom.render_atom = render_atom


_install_empty_feed_support()
