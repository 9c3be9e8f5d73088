"""``tenderarchive export``: complete CSV or JSON exports of a table, a view, a saved search or a query.

(The command's options are parsed in ``tenderarchive/cli.py``; this module does the export.)

    tenderarchive export notices --format csv --output notices.csv
    tenderarchive export "select kenmerk, title from notices where youth_care = 1" --format json
    tenderarchive export procurements --excel --output procurements.csv
    tenderarchive export jeugdregio_aanbestedingen --param jeugdregio=JZ18
    tenderarchive export "select * from notices where buyer = :buyer" --param "buyer=Gemeente Leiden"

* A saved search of the Datasette site (``tenderarchive/datasette/metadata.yaml``) by its name, with
  the SQL functions it calls (``euro``, ``jeugdregio_code`` …); ``--param NAME=VALUE`` gives a
  ``:NAME`` of a saved search or a query, and one not given is empty, as Datasette fills it. A
  ``--param`` the SQL does not read is a bad argument.

* Every row, streamed (no page size, no row limit): a saved search that shows a page of 100 rows
  (``pagina``) is exported with ``pagina=alle`` unless ``--param pagina=N`` asks for one page.
* Stable column order: a table's columns in their schema order, a query's in its SELECT
  order. Rows of a table come in primary-key order (``events``, keyed by a hash, in its page's order instead:
  by ``date_order``, the timeline's, then ``event_id``: :data:`TABLE_ORDERS`); a view's in its own ``ORDER BY``, or, for a view
  without one (``changes``), ordered by its columns from the first to the last, as are a table's without a
  primary key (``summary_region_years``: its rowid says only when the derivation last rewrote the row, so the
  same rows came in another order after a crawl than after a reparse). A query's rows come in its ``ORDER BY``;
  without one (nor a ``LIMIT``), ordered by its columns as such a view (:func:`in_column_order`): in whatever order
  SQLite read them, they changed as the archive was rewritten.
* ``--output FILE`` is written whole or not at all: the rows go to a temporary file next to it
  that replaces ``FILE`` only when every row is written, so a query that fails half-way
  (``integer overflow``) leaves an earlier ``FILE`` as it was. A file that cannot be written
  (its folder missing or read-only, a directory in its place, a full disk) is :class:`OutputError`. An output
  that is no regular file (``/dev/null``, a FIFO, a link to one) is written in place, never replaced.
* On standard output, a reader that stops early (``| head``) ends the export quietly.
* A name that is no table, view or saved search is a bad argument naming the nearest ones ("did you mean
  notices or notice_cpv?"). An export of no rows says why where it can: a ``:NAME`` it was not given, or a
  ``since``/``sinds`` day after today (nothing archived is new since a day to come); the output is the header.
* ``--excel``: CSV as Excel expects it in the Netherlands: UTF-8 with a byte-order mark,
  ``;`` between fields and a decimal comma in fractional numbers (``0,85``; a Dutch Excel reads
  ``0.85`` as text or as 85) (implies ``--format csv``). A text starting with ``=``, ``+``, ``-``, ``@``,
  a tab or a carriage return gets an apostrophe before it: Excel runs such a cell as a formula
  ("- Perceel 1" shows ``#NAME?``, a scraped page's ``=HYPERLINK(…)`` a link); after an apostrophe it
  reads the cell as text and does not show the apostrophe. Numbers (``-5``) are written as they are.
* CSV: UTF-8 without a byte-order mark (``--excel``: with one), RFC 4180 quoting, CRLF line
  ends, a header row of the column names. NULL is an empty field (``--null TEXT`` writes TEXT
  instead, to tell it from an empty text); integers as digits (money in exact cents), fractions
  with a point (``--excel``: a comma), dates and times as ISO 8601 text, flags as 0/1, bytes as hex.
* A saved search's CSV holds the columns its page on the site shows, as the site's CSV does: not those of its
  Atom feed (``atom_id``, ``atom_title``, ``atom_updated``, ``atom_content``, ``atom_link``), which repeat the
  row's title, date and address in a feed's words and, in ``search_all``'s ``atom_content``, each hit's whole
  text (``tenderarchive/query_csv.py``). Its JSON, as the site's, keeps every column.
* JSON: one array of objects, keys in column order, UTF-8, NULL as ``null``. A number beyond a float's range (an
  infinity a query makes: ``select 9e999``) is ``null`` too, as the site's JSON writes it, and a note names its row
  and column: JSON has no word for it (``Infinity`` made the whole file unreadable to ``jq``); the CSV writes ``inf``.
* A text a query makes that is no UTF-8 (``select char(55296)``, a lone surrogate; ``cast(x'ff' as text)``) is
  written as the site shows it (Datasette decodes every text with U+FFFD in place of what is no character), and a
  note names its row, column and bytes: sqlite3 ended the export at that row with "Could not decode to UTF-8". An
  analyst exporting a query wants its rows, as the site gives them, and to be told; the archive holds no such text
  (its values are written from Python's), so it is always the query's own making.
* An archive written by an older version that lacks a table, view or column the export reads (a saved search
  the site answers there with a one-row note) is :class:`OlderArchive`, exit 1, the note on stderr: the next
  crawl or ``reparse`` adds it (the export never migrates).
* Read-only: the archive is opened by ``tenderarchive/readonly.py`` (``immutable=1``, or
  ``mode=ro`` while a crawl runs) with ``PRAGMA query_only``, so a query cannot change it and
  no ``-wal``/``-shm`` file appears next to it.
"""

from __future__ import annotations

import csv
import itertools
import json
import operator
import os
import re
import sqlite3
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from tenderarchive import readonly


class ExportError(Exception):
    pass


class OutputError(ExportError):
    """The output file cannot be written (the message names it)."""


class OlderArchive(ExportError):
    """The archive was written by an older version and lacks what the export reads (a crawl or a reparse adds
    it; the export, a reader, never migrates): no CSV of the site's one-row note, which a script took for data."""


#: The longest value (text or blob, in bytes) an export's query may make. The archive's own values are far
#: shorter (a page's text, a notice's JSON: kilobytes to a few megabytes); ``select randomblob(1e9)`` made a
#: gigabyte and grew the export past 6 GB of memory (its hex text, its CSV line). SQLite's own cap is 1e9.
MAX_VALUE_BYTES = 100_000_000
TOO_LONG = (f"query failed: it makes a value longer than {MAX_VALUE_BYTES:,} bytes, more than any archive value; "
            "export reads none that long")


def connect_read_only(path: str | Path) -> sqlite3.Connection:
    """The archive, read-only (:func:`tenderarchive.readonly.connect`), for one export's query: no value past
    :data:`MAX_VALUE_BYTES`, and no other database attached (``attach database 'x.db'`` and ``vacuum into
    'x.db'`` made an empty file at that path before they were refused: a reader wrote a file)."""
    try:
        conn = readonly.connect(path, row_factory=None)
    except readonly.ArchiveMissing as exc:
        raise ExportError(str(exc)) from None
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    conn.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, 0)
    if readonly.is_empty(conn):  # no archive at all, not one "written by an older version" lacking the table
        conn.close()
        raise ExportError(f"no archive at {path} (an empty file)")
    return conn


def saved_search_sql(conn: sqlite3.Connection, name: str) -> str | None:
    """The SQL of the saved search ``name`` as the Datasette site runs it on this archive, or None."""
    import sqlite_utils

    from tenderarchive.metadata import build_metadata

    queries = build_metadata(sqlite_utils.Database(conn), "archive")["databases"]["archive"]["queries"]
    # a saved search's name as a table's, case-insensitively (New_This_Week is new_this_week)
    name = next((known for known in queries if known == name), None) or next(
        (known for known in queries if known.lower() == name.lower()), name)
    if (queries.get(name) or {}).get("older_archive"):
        raise OlderArchive(f"the saved search {name}: {queries[name]['older_archive']}")
    if (queries.get(name) or {}).get("note"):  # what the site says atop this search on this archive
        print(f"tenderarchive export: note: {queries[name]['note']}", file=sys.stderr)
    return (queries.get(name) or {}).get("sql")


def _near_names(conn: sqlite3.Connection, name: str) -> str:
    """" (did you mean notices or notice_cpv?)": the archive's tables and views and the site's saved searches whose
    names are nearest ``name`` ("notice", "new_this_weeks", "Aanbestedingen"), or "" when none is near. The export
    said only that there was none of that name."""
    import difflib

    import sqlite_utils

    from tenderarchive.metadata import build_metadata

    known = [row[0] for row in conn.execute("select name from sqlite_master where type in ('table', 'view') "
                                            "and name not like 'sqlite_%' and name not like '%_fts%'")]
    known += list(build_metadata(sqlite_utils.Database(conn), "archive")["databases"]["archive"]["queries"])
    by_lower = {}
    for known_name in known:
        by_lower.setdefault(known_name.lower(), known_name)
    near = difflib.get_close_matches(name.lower(), list(by_lower), n=3, cutoff=0.75)
    return f" (did you mean {' or '.join(by_lower[n] for n in near)}?)" if near else ""


def named_parameters(sql: str) -> list[str]:
    """The ``:name`` parameters ``sql`` reads (string literals and comments left out), in order."""
    return list(dict.fromkeys(re.findall(r"(?<![:\w]):(\w+)", _without_strings(sql))))


def defaulted_parameters(sql: str) -> set[str]:
    """The ``:name`` parameters ``sql`` gives a meaning when empty: it compares them with the empty text
    (``:sinds = '' or …``, ``trim(:jeugdregio) = ''``) or takes another value for an empty one
    (``coalesce(nullif(:since, ''), …)``). Not given, such a parameter is its default (every row, the last 7
    days), not what left the export empty; nor is a switch, compared with a text only as the alternative of
    another condition (``… or :alle_gunningen = 'ja'``): empty, it is off. Regular expressions over the SQL, as
    :func:`named_parameters`: the saved searches spell these tests in these few ways, and SQLite has no API that
    says how a parameter is used."""
    # comments blanked, string literals kept (the tests compare with them)
    text = re.sub(r"('(?:[^']|'')*')|--[^\n]*|/\*.*?\*/", lambda m: m.group(1) or " ", sql, flags=re.DOTALL)
    name = r"(?:trim\(\s*)?:(\w+)\b\s*\)?"
    literal = r"'(?:[^']|'')+'"   # a text that is not empty
    tests = (rf"{name}\s*(?:=|==|<>|!=)\s*''(?!')",          # :x = '' / trim(:x) = ''
             rf"(?<!')''\s*(?:=|==|<>|!=)\s*{name}",          # '' = :x
             rf"nullif\(\s*{name}\s*,\s*''\s*\)",            # nullif(:x, '')
             rf"coalesce\(\s*{name}\s*,\s*''\s*\)\s*(?:=|==|<>|!=)\s*''",  # coalesce(:x, '') = ''
             # a switch: compared with a text only as another condition's alternative (``+a.current = 1 or
             # :alle_gunningen = 'ja'``), empty it is off, not what left the export empty
             rf"\bor\s+{name}\s*(?:=|==)\s*{literal}", rf"\bor\s+{literal}\s*(?:=|==)\s*{name}",
             rf"{name}\s*(?:=|==)\s*{literal}\s*or\b", rf"{literal}\s*(?:=|==)\s*{name}\s*or\b")
    return {found for test in tests for found in re.findall(test, text, flags=re.IGNORECASE)}


#: Tables whose key is a hash that says nothing of their rows, exported in the order of their page on the site (its
#: data dictionary's ``sort``, ties by the key, as ``tenderarchive/table_order.py`` gives the page and its CSV):
#: ``events`` by ``date_order``, the order a timeline reads. By ``event_id`` alone its rows came in no order an
#: analyst could read (a 2022 award between two 2019 deadlines, one procurement's events strewn over the file).
TABLE_ORDERS = {"events": ("date_order", "event_id")}


def source_sql(conn: sqlite3.Connection, table_or_sql: str) -> str:
    """The SELECT that exports ``table_or_sql``: a table or view by name, a saved search by name,
    or a query as given."""
    name = table_or_sql.strip()
    # SQLite's names are case-insensitive ("select * from Notices" reads notices), so is the export's: the name
    # as the archive spells it
    row = conn.execute("select type, name from sqlite_master where name = ? collate nocase "
                       "and type in ('table', 'view') order by name = ? desc", [name, name]).fetchone()
    if row is not None:
        name = row[1]
    if row is None:
        if " " not in name and not name.lower().startswith(("select", "with")):
            saved = saved_search_sql(conn, name)
            if saved is None:
                from tenderarchive.store.schema import TABLES, VIEWS

                if name in TABLES or name in VIEWS:
                    from tenderarchive.metadata import OLDER_ARCHIVE_NOTE

                    raise OlderArchive(OLDER_ARCHIVE_NOTE.format(
                        what=f"{'table' if name in TABLES else 'view'} {name}"))
                raise ExportError(f"no table, view or saved search named {name!r}{_near_names(conn, name)}")
            return saved
        return table_or_sql
    quoted = '"' + name.replace('"', '""') + '"'
    if row[0] == "view":
        if re.search(r"\border\s+by\b", _top_level(_without_strings(conn.execute(
                "select sql from sqlite_master where name = ?", [name]).fetchone()[0] or "")), re.IGNORECASE):
            return f"select * from {quoted}"
        count = len(conn.execute(f"select * from {quoted} limit 0").description)
        return f"select * from {quoted} order by {', '.join(str(i) for i in range(1, count + 1))}"
    columns = [r[1] for r in conn.execute(f"pragma table_info({quoted})")]
    if name in TABLE_ORDERS and set(TABLE_ORDERS[name]) <= set(columns):
        return f"select * from {quoted} order by {', '.join(TABLE_ORDERS[name])}"
    pk = [r[1] for r in sorted(conn.execute(f"pragma table_info({quoted})"), key=lambda r: r[5]) if r[5]]
    without_rowid = conn.execute("select sql like '%without rowid%' from sqlite_master where name = ?",
                                 [name]).fetchone()[0]
    if pk:
        order = ", ".join('"' + c.replace('"', '""') + '"' for c in pk)
    else:  # by its columns, as a view without an order: the rowid is where the derivation last wrote the row
        count = len(conn.execute(f"select * from {quoted} limit 0").description)
        order = ", ".join([*(str(i) for i in range(1, count + 1)), *(["rowid"] if not without_rowid else [])])
    return f"select * from {quoted} order by {order}"


def saved_search_params(sql: str, params: dict | None) -> dict:
    """``params`` of a saved search as the site takes them (``tenderarchive/query_params.py``: a date, a year
    or a page that is none is an :class:`ExportError`, a day-first date is read as one), with ``pagina=alle``
    when the search pages and no page is asked: an export is every row."""
    from tenderarchive.query_params import BadParameter, checked_params

    try:
        params = checked_params(params or {})
    except BadParameter as exc:
        raise ExportError(f"--param {exc}") from None
    if "pagina" in named_parameters(sql) and not params.get("pagina"):
        params["pagina"] = "alle"
    return params


def _without_strings(sql: str) -> str:
    """``sql`` with its string literals and comments blanked (an "order by" inside one is not one)."""
    return re.sub(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|--[^\n]*|/\*.*?\*/", " ", sql, flags=re.DOTALL)


def _top_level(sql: str) -> str:
    """``sql`` with every parenthesised part blanked, innermost first: an "order by" of a subquery (``changes``
    picks a gone procurement's last version by one) is no order of the view's rows. In one walk (a query of one's
    own may nest deep: blanking the innermost part again and again took seconds for 20,000 levels); a parenthesis
    without its pair is kept, with what follows it."""
    opened, spans = [], []
    for i, ch in enumerate(sql):
        if ch == "(":
            opened.append(i)
        elif ch == ")" and opened:
            start = opened.pop()
            if not opened:
                spans.append((start, i + 1))
    parts, at = [], 0
    for start, end in spans:
        parts += [sql[at:start], " "]
        at = end
    return "".join(parts) + sql[at:]


def in_column_order(conn: sqlite3.Connection, sql: str) -> str:
    """A query with no ORDER BY (nor LIMIT) of its own, ordered by its columns from the first to the last, as a view
    without one is (:func:`source_sql`): its rows came in whatever order SQLite read them, the order rows were
    written, which a crawl, a reparse or a new index changes, so the same rows exported from two archives, or before
    and after a crawl that touched none of them, differed. An ORDER BY inside parentheses (a subquery, a window) is
    none of the query's; a query with a LIMIT or OFFSET and no order is left as it is (its rows would change, not
    their order), as is one SQLite does not take so ordered (it reports the query's own error)."""
    blanked = re.sub(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|--[^\n]*|/\*.*?\*/",
                     lambda m: " " * len(m.group()), sql, flags=re.DOTALL)   # as _without_strings, same length
    end = len(blanked.rstrip(" \t\r\n;"))
    body = _top_level(blanked[:end])
    if ";" in body or re.search(r"\b(?:order\s+by|limit)\b", body, re.IGNORECASE):
        return sql
    ordered, empty = sql[:end], {name: "" for name in named_parameters(sql)}   # compiled, not run
    try:
        count = len(conn.execute(f"select * from (\n{ordered}\n) limit 0", empty).description or ())
        if not count:
            return sql
        ordered = f"{ordered}\norder by {', '.join(str(i) for i in range(1, count + 1))}"
        conn.execute(f"explain {ordered}", empty).close()
    except (sqlite3.Error, sqlite3.Warning, ValueError, OverflowError):   # the query's own run tells it
        return sql
    return ordered


def rows(conn: sqlite3.Connection, sql: str, params: dict | None = None):
    """``(columns, row iterator)`` of ``sql`` with ``params`` (every ``:name`` it reads; missing ones
    empty)."""
    names = named_parameters(sql)
    unknown = sorted(set(params or {}) - set(names))
    if unknown:
        raise ExportError(f"--param {unknown[0]}: the query has no :{unknown[0]}"
                          + (f" (it reads {', '.join(':' + n for n in names)})" if names else ""))
    try:
        cursor = conn.execute(sql, {n: (params or {}).get(n, "") for n in names})
    except sqlite3.Error as exc:
        if "readonly database" in str(exc) or "too many attached databases" in str(exc):
            # SQLite's words read like a broken archive or a permissions problem (attach: see connect_read_only)
            raise ExportError("the query writes to the archive, which export opens read-only: give "
                              "a SELECT (or WITH … SELECT) query") from exc
        if "string or blob too big" in str(exc):
            raise ExportError(TOO_LONG) from exc
        raise ExportError(f"query failed: {exc}") from exc
    if cursor.description is None:
        raise ExportError("not a query that returns rows")
    return [d[0] for d in cursor.description], cursor


def archive_files(db_path: str | Path) -> list[Path]:
    """The files of an archive that an export must never write over: the database, SQLite's
    write-ahead log, shared memory and journal beside it, and its crawl lock."""
    from tenderarchive.lock import lock_path_for

    db = Path(db_path).expanduser().resolve()
    return [db, *(db.with_name(db.name + suffix) for suffix in ("-wal", "-shm", "-journal")), lock_path_for(db)]


def _check_not_archive(path: str | None, db_path: str | Path) -> None:
    """Refuse an output file that is the archive or one of its files (by path, or the same file
    under another name: a link): ``export notices --db a.db -o a.db`` replaced the archive by
    the CSV."""
    if path in (None, "-"):
        return
    target = Path(path).expanduser()
    for own in archive_files(db_path):
        same = target.resolve() == own
        if not same and target.exists() and own.exists():
            try:
                same = os.path.samefile(target, own)
            except OSError:
                same = False
        if same:
            raise OutputError(f"{path}: is the archive's own file ({own.name}); give another output file")


def unique_keys(columns: list[str]) -> list[str]:
    """JSON object keys for ``columns``: a name the query gives twice (``select n.url, p.url``)
    gets ``_2``, ``_3`` … after its second, third … use, so no column's values are lost
    (CSV keeps the header as the query names it)."""
    seen, keys = set(columns), []
    counts: dict[str, int] = {}
    for name in columns:
        counts[name] = counts.get(name, 0) + 1
        key = name
        if counts[name] > 1:
            n = counts[name]
            while f"{name}_{n}" in seen:
                n += 1
            key = f"{name}_{n}"
            seen.add(key)
        keys.append(key)
    return keys


@contextmanager
def _written(name: str, stream):
    """Yield ``stream``; a write that fails (a full disk, ``/dev/full``) is :class:`OutputError` naming ``name``
    and the cause, not a traceback from inside the CSV writer. A reader that stopped early (``BrokenPipeError``)
    is left to the caller, which ends quietly."""
    try:
        yield stream
        stream.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        try:
            stream.close()   # its unwritten buffer is not flushed again (an "Exception ignored" at exit)
        except OSError:
            pass
        raise OutputError(f"{name}: cannot be written ({exc.strerror or exc})") from None


@contextmanager
def _output(path: str | None, encoding: str):
    if path in (None, "-"):
        stream = open(sys.stdout.fileno(), "w", encoding=encoding, newline="", closefd=False)
        with _written("standard output", stream):
            yield stream
    else:
        target = Path(path)
        if target.is_dir():
            raise OutputError(f"{path}: is a directory, not a file to write the export to")
        if target.exists() and not target.is_file():
            # a device (/dev/null, /dev/stdout), a FIFO or a link to one: written in place. The temporary file
            # renamed over it replaced the device by a regular file (run as root) or failed (/dev not writable).
            try:
                stream = open(target, "w", encoding=encoding, newline="")
            except OSError as exc:
                raise OutputError(f"{path}: cannot be written ({exc.strerror or exc})") from None
            with stream, _written(path, stream):
                yield stream
            return
        try:
            handle, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        except OSError as exc:
            raise OutputError(f"{path}: cannot be written ({exc.strerror or exc})") from None
        try:
            with open(handle, "w", encoding=encoding, newline="") as stream, _written(path, stream):
                yield stream
            os.chmod(tmp, 0o666 & ~_umask())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


#: How the export reads a query's text: bytes that are no UTF-8 (SQLite's ``char(55296)``, a lone surrogate, or a blob
#: cast as text) kept as Python's surrogate escapes, where ``sqlite3`` ended the export with "Could not decode to UTF-8
#: column …" (a message with the bad bytes in it, a CSV cut off at that row). Valid text reads as before; such a value
#: is found when it is written (:func:`_replaced`), at no cost to the others.
_TEXT = operator.methodcaller("decode", "utf-8", "surrogateescape")


def _fixed(value):
    """``value`` as the site shows it: a text read with surrogate escapes (:data:`_TEXT`) decoded as Datasette decodes
    every text (``str(raw, "utf-8", "replace")``: U+FFFD in place of what is no character), and the bytes that were
    no UTF-8; other values as they are, with None."""
    if not isinstance(value, str):
        return value, None
    try:
        value.encode("utf-8")
        return value, None
    except UnicodeEncodeError:
        pass
    try:
        raw = value.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:   # no escape of a byte (not from SQLite): each such character is U+FFFD
        return value.encode("utf-8", "replace").decode("utf-8"), b""
    return raw.decode("utf-8", "replace"), bytes(ord(c) - 0xDC00 for c in value if "\udc80" <= c <= "\udcff")


def _replaced(values, columns, row_number, found):
    """``values`` (a row as written) with every text that is no UTF-8 as the site shows it (:func:`_fixed`); each one
    added to ``found`` as (row number, column, its bytes that are no UTF-8)."""
    fixed = []
    for value, column in zip(values, columns):
        value, bad = _fixed(value)
        if bad is not None:
            found.append((row_number, column, bad))
        fixed.append(value)
    return fixed


def _replaced_said(found) -> list[str]:
    """The notes of the values :func:`_replaced` changed: where (the first three) and how many."""
    said = [f"row {row}, column {column}: text that is not UTF-8"
            + (f" (bytes {bad[:12].hex(' ').upper()}{' …' if len(bad) > 12 else ''})" if bad else "")
            + ", written with U+FFFD (\N{REPLACEMENT CHARACTER}) in place of what is no character, as the site "
              "shows it; hex() of the column in the query gives its bytes" for row, column, bad in found[:3]]
    if len(found) > 3:
        said.append(f"{len(found) - 3} more such values ({len(found)} in all)")
    return said


#: The numbers JSON has no word for (RFC 8259 §6): SQLite holds a float beyond its range (``select 9e999``) as an
#: infinity; SQLite has no NaN (it stores NULL).
_INFINITIES = {float("inf"), float("-inf")}


def _finite(values, columns, row_number, found):
    """``values`` (a row for the JSON export) with every infinite number ``None``, as the site's JSON writes it
    (Datasette's ``remove_infinites``): ``json.dumps`` wrote ``Infinity``, which no JSON reader takes (``jq``,
    ``JSON.parse`` refused the whole file). Each one added to ``found`` as (row number, column, its value)."""
    if not any(isinstance(v, float) and v in _INFINITIES for v in values):
        return values
    fixed = []
    for value, column in zip(values, columns):
        if isinstance(value, float) and value in _INFINITIES:
            found.append((row_number, column, value))
            value = None
        fixed.append(value)
    return fixed


def _finite_said(found) -> list[str]:
    """The notes of the numbers :func:`_finite` wrote as null: where (the first three) and how many."""
    said = [f"row {row}, column {column}: an infinite number ({value}), written as null as the site's JSON writes "
            "it (JSON has no infinity; the CSV export writes it)" for row, column, value in found[:3]]
    if len(found) > 3:
        said.append(f"{len(found) - 3} more infinite numbers ({len(found)} in all)")
    return said


def _cell(value):
    if isinstance(value, bytes):
        return value.hex()
    return value


#: The first characters that make Excel read a cell as a formula (OWASP "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _excel_cell(value):
    """A cell for a Dutch Excel: a fractional number with a decimal comma; a text that Excel would read as a
    formula (a description starting "- Perceel 1", "+31 6 …", a hostile page's "=HYPERLINK(…)") with an
    apostrophe before it, Excel's mark for "this is text", which it does not show; other text as it is."""
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return _cell(value)


def _refuse_unasked(cursor, sql: str, params: dict | None, name: str | None):
    """Refuse an export that reads a ``:NAME`` it was not given, which the query gives no meaning when empty
    (:func:`defaulted_parameters`), when it has no rows: ``export crawl_wijzigingen`` without ``--param crawl_id=N``
    wrote a CSV header and nothing else at exit 0 (a note on stderr alone), which a script took for "nothing
    changed". Nothing is written; the message names what to give. A query that has rows without it is exported
    as before (the note of the empty parameters is for an export of no rows). The rows to export: ``cursor``'s, its
    first row read here put back in front (the query is run once: a second run to probe it cost a slow saved search
    its time twice, and read a different archive than the rows written when a crawl committed in between)."""
    defaulted = defaulted_parameters(sql)
    missing = [n for n in named_parameters(sql) if not str((params or {}).get(n) or "").strip() and n not in defaulted]
    if not missing:
        return cursor
    first = cursor.fetchone()
    if first is not None:
        return itertools.chain([first], cursor)
    cursor.close()
    what = f"the saved search {name}" if name else "the query"
    raise ExportError(f"{what} needs {', '.join(f'--param {n}=VALUE' for n in missing)} (not given, so empty, it "
                      f"has no rows; it reads {', '.join(':' + n for n in named_parameters(sql))})")


def _future_days(sql: str, params: dict) -> list[str]:
    """Why an export of no rows has none when a "since" day it was given is after today (Amsterdam's,
    ``tenderarchive/clock.py``): ``--param since=2999-01-01`` (a year mistyped) wrote a header and nothing else at
    exit 0, as a week without news does. Nothing archived can be new since a day still to come
    (``tenderarchive/query_params.py`` :func:`days_to_come`, which the saved search's page says too)."""
    from tenderarchive.clock import vandaag
    from tenderarchive.query_params import days_to_come

    today = vandaag()
    read = set(named_parameters(sql))
    return [f"no rows; --param {name}={value} is after today ({today}): nothing archived is that new"
            for name, value in days_to_come({k: v for k, v in params.items() if k in read}, today)]


def _unknown_crawls(conn, sql: str, params: dict) -> list[str]:
    """Why an export of no rows has none when a crawl number it was given (``--param crawl_id=99``) names no crawl
    (a number mistyped), with the crawls the archive has, or names a crawl that archived nothing new or changed:
    ``export crawl_wijzigingen`` wrote a header and nothing else at exit 0 for both alike
    (``tenderarchive/query_params.py`` :func:`crawl_said`, which the saved search's page says too)."""
    from tenderarchive.query_params import CRAWL_SQL, CRAWLS, CRAWLS_SPAN_SQL, crawl_said

    read = set(named_parameters(sql))
    given = [(name, str(params[name]).strip()) for name in sorted(CRAWLS & read)
             if str(params.get(name) or "").strip().isdigit()]
    if not given or not conn.execute(
            "select 1 from sqlite_master where type = 'table' and name = 'crawls'").fetchone():
        return []
    span = conn.execute(CRAWLS_SPAN_SQL).fetchone()
    said = []
    for name, value in given:
        cursor = conn.execute(CRAWL_SQL, [int(value)])
        row = cursor.fetchone()
        why = crawl_said(f"--param {name}={value}", dict(zip([d[0] for d in cursor.description], row)) if row else None,
                         span)
        if why:
            said.append(f"no rows; {why}")
    return said


def _unknown_named(conn, sql: str, params: dict) -> list[str]:
    """Why an export of no rows has none when a procurement or buyer it was given names none of the archive's
    (``--param procurement_id=TN999``, a kenmerk mistyped): it wrote a header and nothing else at exit 0, as for a
    procurement with nothing to show (``tenderarchive/query_params.py`` :func:`unknown_named`, which the saved search's
    page and CSV say too)."""
    import sqlite3

    from tenderarchive.query_params import unknown_named

    def found(check, args):
        try:
            return conn.execute(check, args).fetchone() is not None
        except sqlite3.Error:  # an archive without the table: no note
            return True

    return [f"no rows; --param {said}" for said in unknown_named(sql, params, found)]


def _past_last_page(conn, sql: str, params: dict) -> str | None:
    """Why a saved search's export of one page (``--param pagina=N``, README) has no rows when the page is past its
    last: it wrote a header and "no rows; not given, so their default: :sinds", naming a parameter that keeps every
    row as the cause. The search is run again for every row (``pagina=alle``, as the site's CSV) only then, to say
    which pages there are; None when that page is not the cause (no page has rows, or no page was asked)."""
    from tenderarchive.query_pages import past_last_page

    value = str(params.get("pagina") or "").strip()
    if "pagina" not in named_parameters(sql) or not value.isdigit() or int(value) <= 1:
        return None
    _, every = rows(conn, sql, {**params, "pagina": "alle"})
    said = past_last_page(value, sum(1 for _ in every))
    return f"no rows; --param {said} (--param pagina=alle: every row)" if said else None


def export(db_path: str | Path, table_or_sql: str, fmt: str = "csv", excel: bool = False,
           output: str | None = None, null: str | None = None, params: dict | None = None,
           notes: list | None = None) -> int:
    """Write the export; return the number of rows written. An export of no rows whose SQL reads a
    ``:NAME`` not given (empty, as the site fills it: ``export jeugdregio_aanbestedingen`` without
    ``--param jeugdregio=…`` is a header and nothing else) says which in ``notes``, for the command to
    print: an empty CSV at exit 0 looked like a region without procurements. One the query gives a default
    (:func:`defaulted_parameters`) is named apart, as "not given, so their default"."""
    if excel:
        if fmt not in (None, "csv"):
            raise ExportError("--excel writes CSV; it cannot be combined with --format json")
        fmt = "csv"
    fmt = fmt or "csv"
    if null is not None and fmt != "csv":
        raise ExportError("--null is the text of a NULL in CSV; JSON writes null")
    _check_not_archive(output, db_path)
    conn = connect_read_only(db_path)
    try:
        from tenderarchive.datasette_plugin import register_functions

        register_functions(conn)  # the functions the saved searches call (euro, jeugdregio_code …)
        conn.text_factory = _TEXT
        sql = source_sql(conn, table_or_sql)
        named = sql is not table_or_sql
        if named:  # a table, a view or a saved search by its name: the site's parameters
            params = saved_search_params(sql, params)
        else:  # a query of one's own without an order: by its columns, as a view without one
            sql = in_column_order(conn, sql)
        columns, cursor = rows(conn, sql, params)
        cursor = _refuse_unasked(cursor, sql, params, table_or_sql.strip() if named else None)
        keep = None
        if fmt == "csv" and named and conn.execute(
                "select count(*) = 0 from sqlite_master where name = ? collate nocase and type in ('table', 'view')",
                [table_or_sql.strip()]).fetchone()[0]:
            # a saved search's CSV, as the site's: the columns its page shows, not its Atom feed's
            from tenderarchive.query_csv import reader_columns

            shown = reader_columns(columns)
            if len(shown) != len(columns):
                keep = [i for i, c in enumerate(columns) if c in shown]
                columns = shown
        count = 0
        found: list = []   # the texts that were no UTF-8 (row, column, bytes): written as the site shows them
        infinite: list = []   # the JSON export's infinite numbers (row, column, value): null, as the site's JSON
        with _output(output, "utf-8-sig" if excel else "utf-8") as stream:
            if fmt == "csv":
                writer = csv.writer(stream, delimiter=";" if excel else ",", lineterminator="\r\n")
                writer.writerow(columns)
                cell = _excel_cell if excel else _cell
                marker = null or ""
                for row in cursor:
                    if keep is not None:
                        row = [row[i] for i in keep]
                    try:
                        writer.writerow([marker if v is None else cell(v) for v in row])
                    except UnicodeEncodeError:   # nothing of the row was written: the line is encoded whole first
                        row = _replaced(row, columns, count + 1, found)
                        writer.writerow([marker if v is None else cell(v) for v in row])
                    count += 1
            else:
                keys = unique_keys(columns)
                stream.write("[")
                for row in cursor:
                    stream.write(",\n" if count else "\n")
                    row = _finite(row, columns, count + 1, infinite)
                    try:
                        stream.write(json.dumps(dict(zip(keys, map(_cell, row))), ensure_ascii=False))
                    except UnicodeEncodeError:
                        row = _replaced(row, columns, count + 1, found)
                        stream.write(json.dumps(dict(zip(keys, map(_cell, row))), ensure_ascii=False))
                    count += 1
                stream.write("\n]\n" if count else "]\n")
        if notes is not None:
            notes.extend(_replaced_said(found) + _finite_said(infinite))
            from tenderarchive.query_params import operator_words

            notes.extend(operator_words(sql, params or {}))   # OR, AND, NOT, -word: read as words
        unset = [name for name in named_parameters(sql) if not (params or {}).get(name)]
        past = _past_last_page(conn, sql, params or {}) if named and notes is not None and not count else None
        from tenderarchive.query_params import wordless_searches

        wordless = [(n, v) for n, v in wordless_searches(sql, params or {}) if v.strip()] if not count else []
        if notes is not None and not count:
            notes.extend(_future_days(sql, params or {}) + _unknown_crawls(conn, sql, params or {})
                         + _unknown_named(conn, sql, params or {}) + [past] * bool(past))
            # --param q=*** (no word): the search matches nothing, which read as words the archive does not hold
            notes.extend(f"no rows; --param {name}={value.strip()[:80]} holds no word to search for: give one or more "
                         "words" for name, value in wordless)
        if notes is not None:   # the day a search of as_of was as of: the file does not say it
            from tenderarchive.query_params import as_of_days, as_of_export_words

            notes.extend(as_of_export_words(sql, params or {}, count))
            dated = {name for name, _, _ in as_of_days(sql, params or {})}
            unset = [name for name in unset if name not in dated]
        if notes is not None and not count and unset and not past:
            # "not given, so empty: :jeugdregio, :sinds" named :sinds, whose empty value keeps every row, as
            # a cause of no rows; a parameter with a default is named as that
            defaulted = defaulted_parameters(sql)
            said = [f"{words}: {', '.join(':' + n for n in names)}" for words, names in (
                ("not given, so empty", [n for n in unset if n not in defaulted]),
                ("not given, so their default", [n for n in unset if n in defaulted])) if names]
            notes.append(f"no rows; {'; '.join(said)} (give --param NAME=VALUE)")
        return count
    except sqlite3.Error as exc:
        if "string or blob too big" in str(exc):   # a later row's value (the first row's: see rows())
            raise ExportError(TOO_LONG) from exc
        raise ExportError(str(exc)) from exc
    finally:
        conn.close()
