"""Every row of a saved search as CSV: ``/DB/QUERY.csv?…``.

Datasette streams all the rows of a *table* page ("stream all rows", ``_stream=on``), a page
at a time, but a saved search (canned query) has no next page: its CSV stopped at
``max_returned_rows`` (1,000) without a word, also with ``_stream=on``, although the saved
search page's CSV link and the research pages' "CSV of every row" links
(``pagina=alle&_stream=on``) promise the search's rows. This ASGI wrapper answers a saved
search's CSV itself: the saved search's SQL with the request's parameters (missing
ones empty, as Datasette fills them), run once through Datasette's database with its time
limit (``sql_time_limit_ms``) but without the row cap, sent in chunks of ``CHUNK`` characters
and cut as Datasette cuts a table's CSV at ``max_csv_mb`` (serve ``--setting max_csv_mb N``:
the rows that fit, then "CSV contains more than N bytes"), written as Datasette writes CSV (the
``csv`` module's default dialect: a header row unless ``_header=off``, CRLF, NULL as an empty
field, UTF-8 without a byte-order mark; ``_dl`` makes it a download named after the search).
A saved search shown a hundred rows a page (``pagina``) gives every row (``pagina=alle``) unless
its address asks for a page, as ``tenderarchive export`` does: the CSV link of its page
(``?_size=max``, no ``pagina``) gave the first hundred, though the home page promises every row.

A saved search's CSV of no rows since a day still to come (``since=2999-01-01``) is its header row alone, as any
empty search's, and says why in the answer's ``Tenderarchive-Note`` header (:func:`empty_because`); so does the CSV
of a search missing a parameter it needs (``procurement_timeline.csv`` without ``procurement_id``:
:func:`unasked_because`), and that of a search as of a day (``open_youth_care_tenders.csv``, ``as_of`` empty: today)
names the day it had no rows (:func:`as_of_because`).

A saved search's CSV holds the columns its page shows (:func:`reader_columns`): not the columns of
its Atom feed (``atom_id``, ``atom_title``, ``atom_updated``, ``atom_content``, ``atom_link``),
which datasette-atom reads from the query's own rows and which repeat the row's other columns in a
feed's words (the title again, a tag id, the date as a moment, the address again) and, in
``atom_content``, a document's whole text: 100 hits of ``search_all`` made a CSV of every
article's text, which the row's ``source_key`` reaches in ``notices`` or ``articles``. Its JSON
(Datasette's) and its feed keep them; ``tenderarchive export`` writes a saved search's CSV the same.

The CSV of SQL typed by the user (``/DB.csv?sql=…``) that SQLite refuses as it reads it (a table or column that is
none, a function unknown: :func:`sql_error_for`) is answered 400 with one line naming the error, as the same SQL's
page and JSON are (400 and the error): Datasette wrote such a CSV as an empty file at 200 (its CSV writer does not look
at the query's error), so a script or a spreadsheet's import took "no rows" for an answer. The statement is only
prepared (``explain``), not run; Datasette then answers a query SQLite takes as before.

Anything else (an HTML or JSON page, a table, SQL typed by the user that SQLite reads, a saved search that
writes, one the actor may not see, an error) is left to Datasette, whose answer is the same as
before. The saved searches read bounded lists (a region, a buyer, a provider, a year), so the
rows are gathered in memory; SQL typed by the user keeps Datasette's cap
(``tenderarchive export`` writes any query completely).
"""

from __future__ import annotations

import csv
import io
import re
import urllib.parse

_PATH = re.compile(r"^/([^/]+)/([^/]+)\.csv$")
#: A database's CSV of SQL typed by the user: ``/DB.csv?sql=…``.
_DATABASE_PATH = re.compile(r"^/([^/]+)\.csv$")
#: Characters of CSV sent at a time.
CHUNK = 64 * 1024
#: The columns a saved search gives its Atom feed (datasette-atom reads ``atom_id``, ``atom_title``,
#: ``atom_updated``, ``atom_content``, ``atom_link`` …): for the feed, not shown on its page nor in its CSV.
FEED_COLUMN_PREFIX = "atom_"


def reader_columns(columns) -> list:
    """The columns of a saved search a reader is shown (its page, its CSV, a research page's section): all
    but its feed's (:data:`FEED_COLUMN_PREFIX`), in their order."""
    return [c for c in columns if not str(c).startswith(FEED_COLUMN_PREFIX)]


#: The HTTP header of a saved search's CSV of no rows that says why, where its body, a header row alone, cannot
#: (:func:`empty_because`).
NOTE_HEADER = "Tenderarchive-Note"


def empty_because(params: dict) -> str | None:
    """Why a saved search's CSV holds no rows, when a "since" day it was given is after today
    (``/archive/new_this_week.csv?since=2999-01-01``, a year mistyped: ``query_params.days_to_come``), for the
    :data:`NOTE_HEADER` of its answer: "since=2999-01-01 is after today (2026-12-05): nothing archived is that new",
    as ``tenderarchive export`` says it on stderr and the search's page under its "0 results". The body stays the
    header row alone, which every CSV reader (a spreadsheet, pandas, csvkit) reads as no rows: a line of words in it
    would be read as a row, or a comment line as a column name. Printable ASCII only (a header is no place for a
    line break)."""
    from tenderarchive.clock import vandaag
    from tenderarchive.query_params import days_to_come

    today = vandaag()
    said = ["".join(c if " " <= c <= "~" else "?" for c in f"{name}={value.strip()}")
            + f" is after today ({today}): nothing archived is that new" for name, value in days_to_come(params, today)]
    return "; ".join(said) or None


def unasked_because(sql: str, params: dict) -> str | None:
    """Why a saved search's CSV holds no rows when a parameter it needs was not given (``query_params.unasked``:
    ``procurement_timeline.csv`` without ``procurement_id``, the CSV link of its page opened bare), for the
    :data:`NOTE_HEADER`, as its page says under "0 results" and ``tenderarchive export`` refuses it: "procurement_id
    is empty: this search has no rows without it (give procurement_id=VALUE)"."""
    from tenderarchive.query_params import unasked

    said = [f"{name} is empty: this search has no rows without it (give {name}=VALUE)" for name in unasked(sql, params)]
    return "; ".join(said) or None


def as_of_because(sql: str, params: dict) -> str | None:
    """The day a saved search of ``as_of`` (``open_youth_care_tenders``) had no rows, for the :data:`NOTE_HEADER`, as
    its page says under "0 results" and ``tenderarchive export`` on stderr (``query_params.as_of_days``): "as_of is
    empty: this search is as of today (2026-12-07, Amsterdam's clock) and has no rows that day; give
    as_of=YYYY-MM-DD for another day". Printable ASCII only."""
    from tenderarchive.query_params import as_of_days

    said = []
    for name, day, given in as_of_days(sql, params):
        day = "".join(c if " " <= c <= "~" else "?" for c in day)
        said.append(f"{name}={day}: this search is as of {day} and has no rows that day" if given else
                    f"{name} is empty: this search is as of today ({day}, Amsterdam's clock) and has no rows that "
                    f"day; give {name}=YYYY-MM-DD for another day")
    return "; ".join(said) or None


def _truthy(value: str | None) -> bool:
    return bool(value) and value.lower() not in ("0", "off", "false", "no")


async def response_for(datasette, path: str, query_string: str):
    """The complete CSV response of a saved search, or None."""
    from datasette.utils import derive_named_parameters, tilde_decode
    from datasette.utils.asgi import AsgiStream

    match = _PATH.match(path)
    if not match:
        return None
    args = dict(urllib.parse.parse_qsl(query_string, keep_blank_values=True))
    if "sql" in args or "_next" in args:
        return None
    database, name = (tilde_decode(urllib.parse.unquote(part)) for part in match.groups())
    if database not in datasette.databases:
        return None
    query = (await datasette.get_canned_queries(database, None)).get(name)
    if not query or query.get("write"):
        return None
    if not await datasette.permission_allowed(None, "view-query", resource=(database, name), default=True):
        return None
    db = datasette.get_database(database)
    sql = query["sql"]
    # the declared parameters and every :name the SQL reads get a value (missing ones empty)
    names = [p for p in query.get("params") or () if not p.startswith("_")]
    names += await derive_named_parameters(db, sql)
    params = {p: args.get(p) or "" for p in names}
    if "pagina" in params and not params["pagina"]:
        params["pagina"] = "alle"  # a search shown 100 rows a page: its CSV is every row unless a page is asked
    try:
        results = await db.execute(sql, params, truncate=False, log_sql_errors=False)
    except Exception:  # a time-out (QueryInterrupted) or an SQL error: Datasette gives its own answer
        return None
    limit = (datasette.setting("max_csv_mb") or 0) * 1024 * 1024
    header = args.get("_header") != "off"
    shown = reader_columns(results.columns)
    keep = [i for i, c in enumerate(results.columns) if c in shown]

    async def stream(out) -> None:
        """The CSV in chunks (not one string of every row), cut as Datasette cuts a table's CSV when
        it would pass ``max_csv_mb``: the rows that fit, then "CSV contains more than N bytes"."""
        buffer, line = io.StringIO(), io.StringIO()
        writer, size = csv.writer(line), 0
        for row in ([shown] if header else []) + results.rows:
            writer.writerow(row if row is shown else [row[i] for i in keep])
            text = line.getvalue()
            line.seek(0)
            line.truncate()
            size += len(text.encode("utf-8"))
            if limit and size > limit:
                await out.write(buffer.getvalue())
                await out.write(f"CSV contains more than {limit} bytes")
                return
            buffer.write(text)
            if buffer.tell() >= CHUNK:
                await out.write(buffer.getvalue())
                buffer.seek(0)
                buffer.truncate()
        await out.write(buffer.getvalue())

    headers = {}
    if datasette.cors:
        from datasette.utils import add_cors_headers
        add_cors_headers(headers)
    why = empty_because(params) if not results.rows else None
    if not results.rows and not why:
        why = unasked_because(sql, params)
    if not results.rows and not why:
        why = as_of_because(sql, params)
    if not results.rows and not why:
        # a procurement or buyer the archive does not have (procurement_id=TN999): query_params.unknown_named
        from tenderarchive.query_params import NAMED, unknown_named

        found = {}
        for name in set(NAMED) & set(params):
            try:
                found[name] = bool((await db.execute(NAMED[name][1], [str(params.get(name) or "")])).rows)
            except Exception:  # an archive without the table, a time-out: no note
                found[name] = True
        said = unknown_named(sql, params, lambda check, _args: next(
            (hit for name, hit in found.items() if NAMED[name][1] == check), True))
        why = "; ".join("".join(c if " " <= c <= "~" else "?" for c in words) for words in said) or None
    if not results.rows and not why and str(params.get("pagina", "")).strip().isdigit():
        # a page past the last (pagina=2 of a search of one page): which pages there are, asked only then
        from tenderarchive.query_pages import past_last_page

        try:
            every = await db.execute(sql, {**params, "pagina": "alle"}, truncate=False, log_sql_errors=False)
        except Exception:  # a time-out: the answer is the header row alone, as before
            every = None
        said = past_last_page(params["pagina"], len(every.rows)) if every is not None else None
        why = f"{said} (pagina=alle: every row)" if said else None
    if why:
        headers[NOTE_HEADER] = why
        if "Access-Control-Expose-Headers" in headers:
            headers["Access-Control-Expose-Headers"] += f", {NOTE_HEADER}"
    if _truthy(args.get("_dl")):
        headers["content-disposition"] = f'attachment; filename="{name}.csv"'
        content_type = "text/csv; charset=utf-8"
    else:
        content_type = "text/plain; charset=utf-8"
    return AsgiStream(stream, status=200, headers=headers, content_type=content_type)


async def sql_error_for(datasette, path: str, query_string: str):
    """A 400 of one line (``query failed: no such table: nope``) for the CSV of SQL typed by the user that SQLite
    refuses as it prepares it, else None (Datasette answers). Datasette answered it 200 with an empty body, where the
    same SQL's page and JSON say the error (400)."""
    import sqlite3

    from datasette.utils import derive_named_parameters, tilde_decode
    from datasette.utils.asgi import Response

    match = _DATABASE_PATH.match(path)
    if not match:
        return None
    args = dict(urllib.parse.parse_qsl(query_string, keep_blank_values=True))
    sql = (args.get("sql") or "").strip().rstrip(";")
    if not sql.strip():
        return None
    database = tilde_decode(urllib.parse.unquote(match.group(1)))
    if database not in datasette.databases:
        return None
    if not await datasette.permission_allowed(None, "execute-sql", resource=database, default=True):
        return None
    db = datasette.get_database(database)
    params = {name: args.get(name) or "" for name in await derive_named_parameters(db, sql)}
    try:
        # prepared, not run: the error SQLite gives as it reads the statement (no such table, column or function)
        await db.execute(f"explain {sql}", params, log_sql_errors=False)
    except sqlite3.Error as exc:
        return Response.text(f"{database}.csv: query failed: {exc}\n", status=400)
    except Exception:  # a time-out, SQL Datasette refuses: Datasette's own answer
        return None
    return None
