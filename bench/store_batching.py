"""Store batching ceiling (issue 14): what writing a reparse's new rows with one ``executemany`` per batch and table,
instead of one statement per row, could save — measured on the rows a real reparse writes, before building it.

    .venv/bin/python bench/store_batching.py --store DIR [--runs N]

``DIR`` is a store kept by ``bench/reparse_speed.py --store DIR`` (its ``archive.db`` and ``warc/``; a folder with a
``warc/`` alone will do). On a copy:

1. one in-process ``tenderarchive reparse`` records every row the archive pipeline's batches hand to
   ``writes.put_row`` (table, columns, values, in order; a row with a JSON value, which ``put_row`` hands to sqlite-utils, is
   only counted) and counts every SQL statement its connection runs inside
   a batch (``items_joining``), by kind: the rows' upserts, look-ups (``select``), anything else;
2. those rows are written again into a new, empty archive made as ``reparse`` makes one (``_start_rebuild``: no
   counting triggers, the deferred indexes left out; journal in memory, no sync), one transaction each way, ``N``
   times alternating: **per row** (``put_row``'s statement, one ``execute`` each, in order — SQLite's part of what
   the store does today), **per table** (the same statements, one ``executemany`` per table and run of one statement, each
   table's rows in their order — the batching asked about) and **put_row** (``writes.put_row`` itself on a
   connection tracking new keys, as the pipeline calls it: the per-row Python around the statement, which batching
   would not remove);
3. the tables written per row and per table are compared row by row (rowid order): they must be the same.

Printed: the statement counts, each run's CPU seconds (``time.process_time``) and the medians; the saving of
"per table" is the ceiling of the batching's gain on the inserts (the look-ups are counted apart).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import tenderarchive.store.writes as writes  # noqa: E402


def capture(db_path: Path) -> tuple[list, Counter]:
    """The rows the archive pipeline's batches hand to ``put_row`` in a reparse of ``db_path``, and the statements
    its connection runs inside a batch, by kind."""
    rows: list = []
    kinds: Counter = Counter()
    plain = writes._PLAIN_TYPES
    put_row, track_new_keys = writes.put_row, writes.track_new_keys

    def recording_put_row(db, table, row, pk=None):
        if getattr(db, "_tenderarchive_item", False):
            values = list(row.values())
            # a row with a JSON value goes through sqlite-utils' upsert, not put_row's own statement: counted apart
            rows.append((table, tuple(row), pk, values) if plain.issuperset(map(type, values)) else (table, None, pk, None))
        return put_row(db, table, row, pk)

    def tracing_track_new_keys(db):  # the archive pipeline's connection (ArchivePipeline.open_spider)
        def traced(sql: str) -> None:
            if getattr(db, "_tenderarchive_item", False):
                head = sql.lstrip()[:12].upper()
                kinds["upsert" if head.startswith("INSERT INTO") else
                      "select" if head.startswith("SELECT") else "other"] += 1
        db.conn.set_trace_callback(traced)
        return track_new_keys(db)

    writes.put_row, writes.track_new_keys = recording_put_row, tracing_track_new_keys
    try:
        from tenderarchive.reparse import reparse
        if reparse(db_path) != 0:
            raise SystemExit("the reparse failed")
    finally:
        writes.put_row, writes.track_new_keys = put_row, track_new_keys
    return rows, kinds


def empty_archive(path: Path):
    """A new archive as ``reparse`` makes one, opened as its archive pipeline opens it."""
    from tenderarchive.reparse import _on_archive, _start_rebuild
    with writes.bulk_build(path):
        _on_archive(path, _start_rebuild)
        db = writes.open_archive(path)
    return db


def per_row(db, statements) -> float:
    conn = db.conn
    conn.execute("BEGIN")
    began = time.process_time()
    execute = conn.execute
    for _, sql, values in statements:
        execute(sql, values)
    spent = time.process_time() - began
    conn.commit()
    return spent


def per_table(db, statements) -> float:
    conn = db.conn
    conn.execute("BEGIN")
    began = time.process_time()
    by_table = defaultdict(list)
    for table, sql, values in statements:
        runs = by_table[table]
        if runs and runs[-1][0] == sql:  # a run of one statement: a later other one may update its rows
            runs[-1][1].append(values)
        else:
            runs.append((sql, [values]))
    for runs in by_table.values():
        for sql, rows in runs:
            conn.executemany(sql, rows)
    spent = time.process_time() - began
    conn.commit()
    return spent


def through_put_row(db, rows) -> float:
    writes.track_new_keys(db)
    db.conn.execute("BEGIN")
    began = time.process_time()
    for table, columns, pk, values in rows:
        writes.put_row(db, table, dict(zip(columns, values)), pk)
    spent = time.process_time() - began
    db.conn.commit()
    return spent


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--store", type=Path, required=True, help="a store kept by bench/reparse_speed.py --store")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "work"
        shutil.copytree(args.store, work)
        rows, kinds = capture(work / "archive.db")
        if any(row[1] is None for row in rows):
            kinds["upsert of a JSON value (left out below)"] = sum(1 for row in rows if row[1] is None)
        rows = [row for row in rows if row[1] is not None]
        statements = [(table, writes._upsert_sql(table, columns, pk), values) for table, columns, pk, values in rows]
        tables = sorted({table for table, _, _ in statements})
        times: dict[str, list[float]] = {"per row": [], "per table": [], "put_row": []}
        ways = {"per row": lambda db: per_row(db, statements), "per table": lambda db: per_table(db, statements),
                "put_row": lambda db: through_put_row(db, rows)}
        contents = {}
        for run in range(args.runs):
            order = list(ways) if run % 2 == 0 else list(reversed(ways))
            for name in order:
                path = Path(tmp) / f"{name.replace(' ', '_')}-{run}.db"
                db = empty_archive(path)
                times[name].append(ways[name](db))
                if run == 0:
                    contents[name] = [db.conn.execute(f"select * from [{t}] order by rowid").fetchall() for t in tables]
                db.close()
                path.unlink()
    notices = sum(1 for table, _, _, _ in rows if table == "notices")
    print(f"{notices} notices rows, {len(rows):,} put_row rows in the archive pipeline's batches "
          f"({', '.join(f'{t} {n:,}' for t, n in Counter(r[0] for r in rows).most_common())}); "
          f"statements in its batches: {', '.join(f'{k} {n:,}' for k, n in kinds.most_common())}")
    print("| way | " + " | ".join(f"run {i + 1}" for i in range(args.runs)) + " | median CPU s |")
    print("|---|" + "---|" * (args.runs + 1))
    for name, spent in times.items():
        print(f"| {name} | " + " | ".join(f"{s:.3f}" for s in spent) + f" | {statistics.median(spent):.3f} |")
    saving = statistics.median(times["per row"]) - statistics.median(times["per table"])
    print(f"per table saves {saving:.3f} CPU-s ({saving / max(len(rows), 1) * 1e6:.1f} µs a row); "
          f"same rows per row and per table: {contents['per row'] == contents['per table']}; "
          f"same rows through put_row: {contents['per row'] == contents['put_row']}")
    return 0 if contents["per row"] == contents["per table"] == contents["put_row"] else 1


if __name__ == "__main__":
    sys.exit(main())
