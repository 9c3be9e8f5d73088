"""The counts behind the default facets of the big tables, kept exact by triggers (issue 14).

Datasette computes a facet by grouping every row of the table, on every view of the table
page: a covering-index scan per facet, 0.1–0.25 s each on a million notices, so the notices
page with its four facets took 0.86 s and the events page 0.96 s. Nothing in Datasette or its
plugins keeps facet counts, so they are kept here, in ``facet_counts`` (table, column, value,
count), by SQLite triggers on the tables of :data:`COUNTED`: every write (the pipelines', a
reparse's, the derivation's) adjusts the counts in its own transaction, so they never lag
and no write path can forget them. The facet type ``counted`` of the Datasette plugin
(``tenderarchive/datasette_plugin.py``) reads them when a page shows the whole table, and
runs Datasette's own facet query when it is filtered or searched.

Hand-written because it is a handful of SQL statements per table; :func:`ensure_facet_counts`
(run by the schema migration, tenderarchive/store/schema.py) creates the triggers and counts
the table once when they are missing or the counted columns changed.
"""

from __future__ import annotations

import sqlite_utils

#: Table -> the columns whose facet counts are kept: the default facets (tables/*.yaml, as
#: ``{counted: column}``) of the tables whose pages took longest on a million notices. Each
#: counted column costs a statement per row written, so the tables written most per notice
#: (documents, notice_cpv, notice_municipalities: 0.35–0.39 s per page there) are not counted:
#: with them, a reparse spent twice as long in the store.
COUNTED = {
    "notices": ["notice_type", "procedure", "youth_care", "year"],
    "events": ["source_type", "kind", "precision"],
    "procurements": ["youth_care", "is_awarded", "buyer"],
    "articles": ["site", "relevant", "primary_stage", "jeugdregio_code", "year"],
}

TABLE_SQL = ("create table if not exists facet_counts (table_name text not null, column_name text not null, "
             "value not null, n integer not null, primary key (table_name, column_name, value)) without rowid")


def _add(table: str, column: str, row: str) -> str:
    return (f"INSERT INTO facet_counts (table_name, column_name, value, n) SELECT '{table}', '{column}', "
            f"{row}.[{column}], 1 WHERE {row}.[{column}] IS NOT NULL{{also}} "
            "ON CONFLICT (table_name, column_name, value) DO UPDATE SET n = n + 1;")


def _remove(table: str, column: str, row: str) -> str:
    where = f"table_name = '{table}' AND column_name = '{column}' AND value = {row}.[{column}]{{also}}"
    return (f"UPDATE facet_counts SET n = n - 1 WHERE {where}; "
            f"DELETE FROM facet_counts WHERE {where} AND n <= 0;")


def trigger_sql(table: str, columns: list[str]) -> dict[str, str]:
    """The three triggers that keep ``table``'s counts: name -> ``CREATE TRIGGER`` statement."""
    changed = " AND old.[{c}] IS NOT new.[{c}]"
    insert = " ".join(_add(table, c, "new").format(also="") for c in columns)
    delete = " ".join(_remove(table, c, "old").format(also="") for c in columns)
    update = " ".join(_remove(table, c, "old").format(also=changed.format(c=c)) + " "
                      + _add(table, c, "new").format(also=changed.format(c=c)) for c in columns)
    return {
        f"facet_counts_{table}_insert": f"CREATE TRIGGER [facet_counts_{table}_insert] AFTER INSERT ON [{table}] "
                                        f"BEGIN {insert} END",
        f"facet_counts_{table}_delete": f"CREATE TRIGGER [facet_counts_{table}_delete] AFTER DELETE ON [{table}] "
                                        f"BEGIN {delete} END",
        f"facet_counts_{table}_update": f"CREATE TRIGGER [facet_counts_{table}_update] AFTER UPDATE OF "
                                        f"{', '.join(f'[{c}]' for c in columns)} ON [{table}] BEGIN {update} END",
    }


def _triggers(db: sqlite_utils.Database) -> dict[str, str]:
    """The counting triggers the archive has: name -> SQL."""
    return dict(db.execute("select name, sql from sqlite_master where type = 'trigger' "
                           "and name like 'facet_counts_%'").fetchall())


def count(db: sqlite_utils.Database, table: str, columns: list[str]) -> None:
    """Count ``table``'s facets from its rows (a group-by per column, on its index)."""
    db.execute("delete from facet_counts where table_name = ?", [table])
    for column in columns:
        db.execute(f"insert into facet_counts (table_name, column_name, value, n) select ?, ?, [{column}], count(*) "
                   f"from [{table}] where [{column}] is not null group by [{column}]", [table, column])


def ensure_facet_counts(db: sqlite_utils.Database) -> list[str]:
    """Create ``facet_counts`` and the triggers of every table of :data:`COUNTED` that exists,
    counting a table afresh whenever its triggers were missing or different (they could not
    have kept its counts). Returns the tables counted afresh."""
    db.execute(TABLE_SQL)
    existing = _triggers(db)
    counted = []
    wanted_names = {f"facet_counts_{t}_{event}" for t in COUNTED for event in ("insert", "delete", "update")}
    for name in set(existing) - wanted_names:  # a table no longer counted
        db.execute(f"DROP TRIGGER IF EXISTS [{name}]")
        db.execute("delete from facet_counts where table_name = ?", [name[len("facet_counts_"):].rsplit("_", 1)[0]])
    for table, columns in COUNTED.items():
        if not db[table].exists() or not set(columns) <= set(db[table].columns_dict):
            continue
        wanted = trigger_sql(table, columns)
        if all(existing.get(name) == sql for name, sql in wanted.items()):
            continue
        with db.atomic():
            for name, sql in wanted.items():
                db.execute(f"DROP TRIGGER IF EXISTS [{name}]")
                db.execute(sql)
            count(db, table, columns)
        counted.append(table)
    return counted


def suspend(db: sqlite_utils.Database) -> None:
    """Drop the counting triggers, for a bulk rebuild into a new archive (``reparse``), which
    then calls :func:`ensure_facet_counts` once at the end: a count per table instead of a
    statement per counted column for every row written (about a tenth of a reparse's CPU).
    Nothing reads the counts of an archive being rebuilt; ``facet_rows`` sees no triggers and
    says the counts are not kept."""
    for name in _triggers(db):
        db.execute(f"DROP TRIGGER [{name}]")
    db.execute("delete from facet_counts")


def facet_rows(conn, table: str, column: str, limit: int) -> list[tuple] | None:
    """``(value, count)`` of ``table.column``, most first (then by value), at most ``limit``: the
    rows of Datasette's facet query over the whole table; None when the counts are not kept
    (an archive from before them: the reader then runs Datasette's query, and never writes)."""
    if column not in COUNTED.get(table, ()):
        return None
    if not conn.execute("select 1 from sqlite_master where type = 'trigger' and name = ?",
                        [f"facet_counts_{table}_insert"]).fetchone():
        return None
    return conn.execute("select value, n from facet_counts where table_name = ? and column_name = ? and n > 0 "
                        "order by n desc, value limit ?", [table, column, limit]).fetchall()
