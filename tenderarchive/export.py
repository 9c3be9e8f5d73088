"""``tenderarchive export``: complete CSV or JSON exports of a table, a view or a query.

    tenderarchive export notices --format csv --output notices.csv
    tenderarchive export "select kenmerk, title from notices where youth_care = 1" --format json
    tenderarchive export procurements --excel --output procurements.csv

* Every row, streamed (no page size, no row limit).
* Stable column order: a table's columns in their schema order, a query's in its SELECT
  order. Rows of a table come in primary-key order (rowid order without one).
* ``--excel``: CSV as Excel expects it in the Netherlands: UTF-8 with a byte-order mark and
  ``;`` between fields (implies ``--format csv``).
* JSON: one array of objects, keys in column order, UTF-8.
* Read-only: the archive is opened with ``mode=ro``, so a query cannot change it.
"""

from __future__ import annotations

import csv
import json
import sqlite3
import sys
from contextlib import contextmanager
from pathlib import Path

EXIT_OK, EXIT_FAILED, EXIT_BAD_ARGUMENTS = 0, 1, 2


class ExportError(Exception):
    pass


def connect_read_only(path: str | Path) -> sqlite3.Connection:
    path = Path(path)
    if not path.exists():
        raise ExportError(f"no archive at {path}")
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def source_sql(conn: sqlite3.Connection, table_or_sql: str) -> str:
    """The SELECT that exports ``table_or_sql``: a table or view by name, or a query as given."""
    name = table_or_sql.strip()
    row = conn.execute("select type from sqlite_master where name = ? and type in ('table', 'view')",
                       [name]).fetchone()
    if row is None:
        if " " not in name and not name.lower().startswith(("select", "with")):
            raise ExportError(f"no table or view named {name!r}")
        return table_or_sql
    quoted = '"' + name.replace('"', '""') + '"'
    if row[0] == "view":
        return f"select * from {quoted}"
    pk = [r[1] for r in sorted(conn.execute(f"pragma table_info({quoted})"), key=lambda r: r[5]) if r[5]]
    without_rowid = conn.execute("select sql like '%without rowid%' from sqlite_master where name = ?",
                                 [name]).fetchone()[0]
    order = ", ".join('"' + c.replace('"', '""') + '"' for c in pk) if pk else ("rowid" if not without_rowid else "1")
    return f"select * from {quoted} order by {order}"


def rows(conn: sqlite3.Connection, sql: str):
    """``(columns, row iterator)`` of ``sql``."""
    try:
        cursor = conn.execute(sql)
    except sqlite3.Error as exc:
        raise ExportError(f"query failed: {exc}") from exc
    if cursor.description is None:
        raise ExportError("not a query that returns rows")
    return [d[0] for d in cursor.description], cursor


@contextmanager
def _output(path: str | None, encoding: str):
    if path in (None, "-"):
        stream = open(sys.stdout.fileno(), "w", encoding=encoding, newline="", closefd=False)
        try:
            yield stream
        finally:
            stream.flush()
    else:
        with open(path, "w", encoding=encoding, newline="") as stream:
            yield stream


def _cell(value):
    if isinstance(value, bytes):
        return value.hex()
    return value


def export(db_path: str | Path, table_or_sql: str, fmt: str = "csv", excel: bool = False,
           output: str | None = None) -> int:
    """Write the export; return the number of rows written."""
    if excel:
        if fmt not in (None, "csv"):
            raise ExportError("--excel writes CSV; it cannot be combined with --format json")
        fmt = "csv"
    fmt = fmt or "csv"
    conn = connect_read_only(db_path)
    try:
        columns, cursor = rows(conn, source_sql(conn, table_or_sql))
        count = 0
        with _output(output, "utf-8-sig" if excel else "utf-8") as stream:
            if fmt == "csv":
                writer = csv.writer(stream, delimiter=";" if excel else ",", lineterminator="\r\n")
                writer.writerow(columns)
                for row in cursor:
                    writer.writerow([_cell(v) for v in row])
                    count += 1
            else:
                stream.write("[")
                for row in cursor:
                    stream.write(",\n" if count else "\n")
                    stream.write(json.dumps(dict(zip(columns, map(_cell, row))), ensure_ascii=False))
                    count += 1
                stream.write("\n]\n" if count else "]\n")
        return count
    except sqlite3.Error as exc:
        raise ExportError(str(exc)) from exc
    finally:
        conn.close()


def cmd_export(args) -> int:
    try:
        count = export(args.db, args.source, args.format, args.excel, args.output)
    except ExportError as exc:
        print(f"tenderarchive export: {exc}", file=sys.stderr)
        return EXIT_FAILED if "no archive" in str(exc) else EXIT_BAD_ARGUMENTS
    if args.output not in (None, "-"):
        print(f"{count} rows written to {args.output}", file=sys.stderr)
    return EXIT_OK


def add_parser(subparsers) -> None:
    """Register ``tenderarchive export`` on the CLI's subparsers."""
    p = subparsers.add_parser("export", help="export a table, view or SQL query completely as CSV or JSON",
                              description=__doc__.split("\n")[0])
    p.add_argument("source", metavar="TABLE_OR_SQL", help="a table or view name, or a SELECT query")
    p.add_argument("--format", choices=["csv", "json"], default=None, help="csv (default) or json")
    p.add_argument("--excel", action="store_true", help="CSV for Excel: UTF-8 with BOM and ';' separator")
    p.add_argument("--db", default="archive.db", help="archive path (default archive.db)")
    p.add_argument("--output", "-o", default=None, help="output file (default: standard output)")
    p.set_defaults(func=cmd_export, format=None)


def main(argv=None) -> int:  # pragma: no cover - convenience
    import argparse

    parser = argparse.ArgumentParser(prog="tenderarchive")
    add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["export", *(argv or sys.argv[1:])])
    return args.func(args)
