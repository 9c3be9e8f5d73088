"""The one module that writes data rows into ``archive.db``.

Callers hand it whole items (:func:`write_notice`, :func:`write_article`, from
``pipelines/archive.py``) or derived rows (:func:`upsert_if_changed`,
:func:`sync_rows`, from :mod:`tenderarchive.derive`). Rules:

- **Idempotent.** A row whose content columns equal the archived ones is not written
  (re-running a crawl writes nothing); provenance columns (where and when the current
  values were fetched) change only together with the content.
- **Every item whole.** Everything an item writes (a notice with its CPV
  codes, documents, organisation and places; an article with its places,
  organisations and events) commits together or not at all (``db.atomic()``, which
  sqlite-utils' own writes join instead of committing), so a killed crawl never leaves half a
  notice behind. The archive pipeline's batch (``pipelines/archive.py``) is one transaction
  that its items join (:func:`items_joining`); when one fails, the batch is rolled back and
  written again each item in a savepoint (:func:`item_savepoint`).
- **Cheap commits.** The archive is in WAL mode with ``synchronous=NORMAL``: a commit
  appends to the WAL without an fsync (the checkpoint syncs). A killed process loses
  nothing committed; a power cut can lose the last commits, never corrupt the file — and
  the WARC store keeps every response for ``tenderarchive reparse``. A rebuild in bulk
  (:func:`bulk_build`) does not sync at all (:data:`BULK_PRAGMAS`): it is thrown away unless finished.
- **History.** A changed row of a ``versioned`` table keeps its earlier values in
  ``versions``.
- **No downgrade.** A response that omits a source column (a sparse detail record, a
  page whose date vanished) keeps the archived value: :func:`keep_omitted` restores it
  and records the omission in ``omitted_columns``, which makes the crawl-state
  extension re-check the notice next time. Explicit values replace old ones (and are
  versioned); nothing a response merely leaves out is lost. Rows a source stops
  listing (documents, CPV codes) are kept.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
from functools import lru_cache
from pathlib import Path

import sqlite_utils
from sqlite_utils.utils import dedupe_keys

from tenderarchive.profiles import CONTEXT_ONLY
from tenderarchive.store.keys import dumps, version_key
from tenderarchive.store.schema import API_SOURCES, FIRST_CRAWL, PROVENANCE, TABLES, ensure_schema
from tenderarchive.store.summaries import ensure_tables as ensure_summary_tables
from tenderarchive.timeline import OCDS_TENDER_RECTIFICATION


#: Archives this process builds in bulk (resolved paths; :func:`bulk_build`).
_BULK_BUILDS: set[str] = set()


@contextlib.contextmanager
def bulk_build(path: str | Path):
    """Within: :func:`open_archive` of ``path`` leaves out the indexes that
    :func:`tenderarchive.store.schema.start_bulk` dropped, until
    :func:`tenderarchive.store.schema.finish_bulk` creates them (``reparse``: the first crawl's
    derivation does, before it reads). Another process, or this one after, creates them on open."""
    key = str(Path(path).resolve())
    _BULK_BUILDS.add(key)
    try:
        yield
    finally:
        _BULK_BUILDS.discard(key)


#: Page cache of a connection to an archive built in bulk (KiB; SQLite's default is 2,000 KiB). SQLite
#: takes the pages as it reads them, up to this, for each of the build's few connections (the archive
#: pipeline, the fetch index, the derivation): a rebuild of a large archive holds at most about 0.5 GB.
BULK_CACHE_KIB = 131_072
#: The journal of an archive built in bulk (:func:`bulk_build`), instead of WAL: the rollback journal in memory. In
#: WAL mode every page a commit writes went to the ``-wal`` file and was copied into the database again at each
#: checkpoint; with the journal in memory a commit writes its pages once, into the file (issue 14: ≈ 0.08 of
#: ≈ 0.35 system CPU-s of a 5,000-notice rebuild). Rolling back still works (the derivation's steps and the
#: archive pipeline's batches rely on it), which ``journal_mode=OFF`` would make undefined. A process killed
#: in a commit can leave the file damaged, which a rebuild's file may be: a failed or killed rebuild is deleted
#: (the next reparse deletes what a killed one left). :func:`open_archive` sets it only where the file is not
#: held by another connection in WAL mode (SQLite leaves WAL only with one connection: such a file stays WAL);
#: ``reparse`` creates the file within the build, and puts it back in WAL mode (:func:`wal_again`) before
#: anyone else reads it.
BULK_JOURNAL = "PRAGMA journal_mode=MEMORY"
#: The connection settings of an archive built in bulk (:func:`bulk_build`), over the ordinary ones.
BULK_PRAGMAS = (
    # No fsync at a commit: the file is thrown away when the build fails or is killed (``reparse``
    # deletes ``<archive>.reparse``), and :func:`wal_again` syncs it before ``reparse.swap`` renames
    # it over the archive.
    "PRAGMA synchronous=OFF",
    # The tables and their indexes in memory while the build writes and then reads them (the
    # derivation, the indexes made after the rows, the search index): with the default 2 MB a
    # 5,000-notice build (≈ 47 MB) read its pages back through the file system again and again.
    f"PRAGMA cache_size=-{BULK_CACHE_KIB}",
    # Sorting for CREATE INDEX and the derivation's temporary b-trees in memory, not in files.
    "PRAGMA temp_store=MEMORY",
)


def open_archive(path: str | Path) -> sqlite_utils.Database:
    """Open the archive at ``path`` for writing, creating or migrating it. Within
    :func:`bulk_build` of ``path`` the connection also gets :data:`BULK_PRAGMAS`."""
    path = Path(path)
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    bulk = bool(_BULK_BUILDS) and str(path.resolve()) in _BULK_BUILDS
    db = sqlite_utils.Database(path)
    try:
        db.execute(BULK_JOURNAL if bulk else "PRAGMA journal_mode=WAL")
    except sqlite3.OperationalError:  # "locked": a WAL file another connection holds stays WAL (BULK_JOURNAL)
        if not bulk:
            raise
        db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA busy_timeout=30000")
    if bulk:
        for pragma in BULK_PRAGMAS:
            db.execute(pragma)
    ensure_schema(db, bulk=bulk)
    ensure_summary_tables(db)  # derived, kept by tenderarchive/store/summaries.py; the pages read them
    return db


def wal_again(path: str | Path) -> None:
    """Put the archive at ``path``, built in bulk with its journal in memory (:data:`BULK_JOURNAL`), back in WAL
    mode, as every archive is (a setting of the file itself: its readers and the next crawl find it so). Run
    with no other connection open on it (SQLite changes the mode only then; the build's are closed)."""
    conn = sqlite3.connect(path)
    try:
        mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
    finally:
        conn.close()
    if mode != "wal":
        raise sqlite3.OperationalError(f"{path}: still in journal mode {mode!r}, not WAL (a connection left open?)")
    # Every page the build wrote unsynced (synchronous=OFF) on the disk before the file is swapped in: a WAL
    # build's checkpoint synced them as it copied them, an empty WAL's checkpoint has nothing to copy.
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _ignored(table: str) -> set[str]:
    return set(PROVENANCE) | set(FIRST_CRAWL) | TABLES.get(table, {}).get("volatile", set())


def content_equal(table: str, old: dict | None, new: dict) -> bool:
    """True when ``new`` says nothing that ``old`` does not already say."""
    if old is None:
        return False
    ignore = _ignored(table)
    return all(old.get(k) == v for k, v in new.items() if k not in ignore)


def row_key(table: str, row: dict):
    pk = TABLES[table]["pk"]
    return tuple(row[k] for k in pk) if isinstance(pk, tuple) else row[pk]


def _pk(table: str) -> tuple[str, ...]:
    pk = TABLES[table]["pk"]
    return pk if isinstance(pk, tuple) else (pk,)


#: Tables whose rows the item writers below write through :func:`put_row` alone (an OCDS
#: procedure's notices excepted: :func:`write_ocds_procedure` stops the tracking of ``notices``).
#: The key pipelines/normalise.py (``FILE_TYPE_GUESSED``) marks a document row with whose ``file_type`` came from its
#: name, not from TenderNed's ``typeDocument``.
DOCUMENT_TYPE_GUESSED = "_file_type_guessed"
NEW_KEY_TABLES = ("notices", "notice_cpv", "documents", "notice_results", "lots", "awards", "articles")


def track_new_keys(db: sqlite_utils.Database) -> None:
    """Remember the key of every row :func:`put_row` writes to a table of :data:`NEW_KEY_TABLES`
    that is empty now, so :func:`get_row` knows without a query that a key it has not seen is
    not there (issue 14: the first crawl into an empty archive, every reparse, looked up each of
    its ~8 rows per notice before writing it, and found nothing). The archive pipeline turns it
    on when it opens the archive; it is exact as long as rows of those tables are written only
    through this module's writers on this connection (the crawl lock keeps other writers out), and
    a key of another type than int or str, or a write by another path, ends the table's tracking."""
    db._tenderarchive_new_keys = {
        table: set() for table in NEW_KEY_TABLES
        if db[table].exists() and not db.execute(f"select 1 from [{table}] limit 1").fetchone()}
    # Whether a notice's places were empty too (:func:`_places_new`); their keys need no tracking: only
    # write_notice writes them, after its notice's row (remembered in ``notices``).
    db._tenderarchive_places_empty = bool(db["notice_municipalities"].exists()) and not db.execute(
        "select 1 from notice_municipalities limit 1").fetchone()


def stop_tracking(db: sqlite_utils.Database, table: str) -> None:
    """A write to ``table`` that :func:`put_row` does not see: look its keys up from here on."""
    tracked = getattr(db, "_tenderarchive_new_keys", None)
    if tracked:
        tracked.pop(table, None)


def _tracked_key(key) -> tuple | None:
    """``key`` as :func:`track_new_keys` remembers it: its parts as text (SQLite compares an
    integer key column with ``'7'`` as with ``7``), or None for a part of another type."""
    parts = key if isinstance(key, tuple) else (key,)
    if all(type(part) in (str, int) for part in parts):
        return tuple(map(str, parts))
    return None


#: Tables the item writers look up a row at a time whose rows an archive batch reads at once (:func:`batch_rows`):
#: the organisations a notice names (its buyer, its award's winners), in every crawl and reparse already archived
#: after their first notice, so :func:`track_new_keys` cannot skip their look-ups.
BATCH_TABLES = ("organisations",)
#: Keys a batch's one ``select … where key in (…)`` names at most (SQLite's limit on parameters is 32,766).
BATCH_KEYS_PER_QUERY = 500


def batch_keys(record: dict) -> dict[str, set]:
    """The keys of :data:`BATCH_TABLES` an item writer will look up for ``record`` (a notice's buyer, its awards'
    winners): what :func:`batch_rows` reads for a batch. A key left out here is looked up when asked, as before."""
    keys: set = set()
    organisation = record.get("organisation")
    if isinstance(organisation, dict) and isinstance(organisation.get("organisation_id"), str):
        keys.add(organisation["organisation_id"])
    for entry in (record.get("results") or {}).get("awards") or ():
        for supplier in entry.get("suppliers") or ():
            if isinstance(supplier.get("organisation_id"), str):
                keys.add(supplier["organisation_id"])
    return {"organisations": keys} if keys else {}


@contextlib.contextmanager
def batch_rows(db: sqlite_utils.Database, keys: dict[str, set]):
    """Within: :func:`get_row` answers a key of ``keys`` (table → keys, :func:`batch_keys` of a batch's records) from
    one query per table and batch (``pipelines/archive.py``), not one per look-up (issue 14: a reparse looked up a
    notice's buyer and each winner, 18,000 queries for 10,000 notices). A row the batch writes is read again or
    known: :func:`put_row`, :func:`delete_row`, :func:`set_values` and the writers of ``organisations`` forget its
    key (the next look-up queries), :func:`named_by` keeps the row its update returns. Only rows of this module's
    writers, on this connection, within the caller's transaction: a rolled-back batch leaves the block and its rows."""
    held = {}
    for table, wanted in keys.items():
        pk = _pk(table)
        if table not in BATCH_TABLES or len(pk) != 1:
            continue
        rows = dict.fromkeys(wanted)  # not found: None (absent)
        wanted = sorted(wanted)
        for start in range(0, len(wanted), BATCH_KEYS_PER_QUERY):
            part = wanted[start:start + BATCH_KEYS_PER_QUERY]
            cursor = db.conn.execute(f"select * from [{table}] where [{pk[0]}] in ({', '.join('?' * len(part))})",
                                     part)
            columns = [d[0] for d in cursor.description]
            for row in cursor:
                row = dict(zip(columns, row))
                rows[row[pk[0]]] = row
        held[table] = rows
    previous = getattr(db, "_tenderarchive_batch_rows", None)
    db._tenderarchive_batch_rows = held
    try:
        yield db
    finally:
        db._tenderarchive_batch_rows = previous


def _forget(db: sqlite_utils.Database, table: str, key) -> None:
    """A write to row ``key`` of ``table``: :func:`batch_rows` no longer answers for it."""
    held = getattr(db, "_tenderarchive_batch_rows", None)
    if held and table in held:
        held[table].pop(key[0] if isinstance(key, (tuple, list)) and len(key) == 1 else key, None)


def read_rows(db: sqlite_utils.Database, sql: str, params=()) -> list[dict]:
    """The rows of the read ``sql`` as dicts, what ``list(db.query(sql, params))`` gives (the same keys: duplicate
    column names renamed as sqlite-utils renames them), read straight from sqlite3. Why (issue 14, round 42):
    sqlite-utils' ``query`` wraps every statement in a savepoint of its own (``SAVEPOINT`` and ``RELEASE``: two more
    statements) and parses its first keyword, to refuse a statement that returns no rows; the derivation's reads
    per procedure (:func:`tenderarchive.derive.rederive_awards`: six a procedure with an award, 12,000 in a
    10,000-notice reparse) are selects of its own, so the guard only cost. Only for ``select`` statements."""
    cursor = db.conn.execute(sql, params)
    keys = dedupe_keys(d[0] for d in cursor.description)
    return [dict(zip(keys, row)) for row in cursor]


def get_row(db: sqlite_utils.Database, table: str, key) -> dict | None:
    tracked = getattr(db, "_tenderarchive_new_keys", None)
    if tracked and table in tracked:
        remembered = _tracked_key(tuple(key) if isinstance(key, list) else key)
        if remembered is not None and remembered not in tracked[table]:
            return None  # the table was empty and no row with this key was written since
    held = getattr(db, "_tenderarchive_batch_rows", None)
    if held and table in held and type(key) is str and key in held[table]:
        row = held[table][key]  # read with the batch's others (batch_rows), not written since
        return dict(row) if row is not None else None
    if table not in TABLES:
        try:
            return db[table].get(key)
        except sqlite_utils.db.NotFoundError:
            return None
    keys = _pk(table)
    values = key if isinstance(key, (tuple, list)) else (key,)
    cursor = db.execute(f"select * from [{table}] where " + " and ".join(f"[{k}] = ?" for k in keys), list(values))
    row = cursor.fetchone()
    return dict(zip([d[0] for d in cursor.description], row)) if row else None


#: The outcome of writing a notice or news page again that this very crawl archived new (a later response or detail of
#: the same crawl: a notice found through /gerelateerd and then listed with its row, a news page read again at its
#: print or tracking address): it is new to the crawl's reader, so it is counted once, as new (the archive pipeline
#: counts this outcome in none of ``crawls.items_new``, ``items_updated``, ``items_unchanged``), and its first write,
#: never a state of the archive before the crawl, keeps no version (the crawl report, ``crawl_wijzigingen`` and the
#: watch reports told it "gewijzigd", the crawl's counts one new and one changed record for one page).
NEW_AGAIN = "new_again"


def crawl_records(db: sqlite_utils.Database, crawl_id) -> dict:
    """The records crawl ``crawl_id`` wrote on this connection, as it counted each: ``(table, str(key))`` → ``"new"``,
    ``"updated"`` or ``"unchanged"``; one entry per record. The one structure both uses read: this module's
    :func:`first_written_by` (``"new"``: archived new by the crawl, :data:`NEW_AGAIN`) and the archive pipeline's count
    of each record once (``pipelines/archive.py`` ``ArchivePipeline.count``). Round 61 kept a dict of its own for
    each, two entries per record, each growing with the crawl (about 100 MB for a crawl of a million notices).
    Another crawl on the same connection starts it afresh."""
    held = getattr(db, "_tenderarchive_crawl_records", None)
    if held is None or held[0] != crawl_id:
        held = db._tenderarchive_crawl_records = (crawl_id, {})
    return held[1]


def note_first_written(db: sqlite_utils.Database, table: str, key, crawl_id) -> None:
    """Remember that crawl ``crawl_id`` archived row ``key`` of ``table`` new (:func:`first_written_by`)."""
    if crawl_id is None:
        return
    crawl_records(db, crawl_id)[(table, str(key))] = "new"


def note_resumed(db: sqlite_utils.Database, crawl_id, resumed) -> None:
    """Crawl ``crawl_id`` resumes the crawls ``resumed`` (``--jobdir``: the crawls before it in its job folder that did
    not complete, nearest first): they are one crawl in several runs, so a record one of them archived new is, written
    again by this one, archived new by this crawl too (:func:`first_written_by`)."""
    db._tenderarchive_resumed = (crawl_id, tuple(int(c) for c in resumed or () if str(c).isdigit()))


def _resumed(db: sqlite_utils.Database, crawl_id) -> tuple:
    held = getattr(db, "_tenderarchive_resumed", None)
    return held[1] if held is not None and held[0] == crawl_id else ()


def archived_new_by(db: sqlite_utils.Database, table: str, key, row: dict | None, crawls) -> bool:
    """Whether the archived ``row`` (of ``table``, key ``key``) was archived new by one of ``crawls``, as the archive
    tells it (saved search ``crawl_wijzigingen``): one of them wrote it last (``crawl_id``), no crawl before them made
    a version of it, and no crawl before them had an answer 200 from its address (``fetches``). Asked only of a row
    such a crawl stamped (a query or two by index), so nothing is kept in memory for it."""
    if row is None or not crawls or row.get("crawl_id") not in crawls:
        return False
    earliest = min(crawls)
    if db.execute("select 1 from versions where table_name = ? and row_key = ? and (crawl_id is null or crawl_id < ?) "
                  "limit 1", [table, version_key(key), earliest]).fetchone():
        return False
    return not (row.get("source_url") and db.execute(
        "select 1 from fetches where url = ? and status = 200 and crawl_id < ? limit 1",
        [row["source_url"], earliest]).fetchone())


def first_written_by(db: sqlite_utils.Database, table: str, key, crawl_id, known: dict | None = None) -> bool:
    """Whether crawl ``crawl_id`` archived row ``key`` of ``table`` new on this connection (:data:`NEW_AGAIN`), or,
    when it resumes crawls (:func:`note_resumed`), one of those did (:func:`archived_new_by`: the archived row
    ``known``, read here when not given): a crawl resumed with ``--jobdir`` that wrote again a record its first run
    archived new counted it "updated" and kept a version of its first write, as if two crawls. A first write rolled
    back (a failing batch written again item by item) is written again as new, since the row is then not found: the
    mark matters only for a row that is there."""
    if crawl_id is None:
        return False
    records = crawl_records(db, crawl_id)
    if records.get((table, str(key))) == "new":
        return True
    resumed = _resumed(db, crawl_id)
    if not resumed:
        return False
    if known is None:
        known = get_row(db, table, key)
    if archived_new_by(db, table, key, known, resumed):
        records[(table, str(key))] = "new"  # new to the crawl: counted by the run that archived it
        return True
    return False


_PLAIN_TYPES = frozenset((str, int, float, type(None), bytes))


def put_row(db: sqlite_utils.Database, table: str, row: dict, pk: str | None = None) -> None:
    """Insert ``row``, or update the columns it names when its key exists (sqlite-utils'
    upsert, as one ``INSERT … ON CONFLICT DO UPDATE`` statement: the derivation writes many
    small rows, and sqlite-utils reads the table's schema on every upsert). Values must be
    SQLite values already (derived rows are: JSON columns go through ``dumps``)."""
    tracked = getattr(db, "_tenderarchive_new_keys", None)
    if tracked and table in tracked:
        keys = (pk,) if pk else _pk(table)
        remembered = _tracked_key(tuple(row.get(k) for k in keys))
        if remembered is None:
            del tracked[table]  # a key of another type (or none): looked up from here on
        else:
            tracked[table].add(remembered)
    held = getattr(db, "_tenderarchive_batch_rows", None)
    if held and table in held:
        _forget(db, table, row.get(pk or _pk(table)[0]))
    values = list(row.values())
    for value in values:
        # str, int, float and None (nearly every value) skip the isinstance (issue 14: a third
        # of put_row's own time); anything else is checked as before.
        if type(value) not in _PLAIN_TYPES and isinstance(value, (list, dict, tuple)):
            db[table].upsert(row, pk=pk or TABLES[table]["pk"])  # sqlite-utils encodes JSON values
            return
    sql = _upsert_sql(table, tuple(row), pk)
    # Inside a transaction (every item and derivation batch) straight to sqlite3; outside it
    # through sqlite-utils, which commits the implicit transaction the write opens.
    db.conn.execute(sql, values) if db.conn.in_transaction else db.execute(sql, values)


@lru_cache(maxsize=512)
def _upsert_sql(table: str, columns: tuple[str, ...], pk: str | None) -> str:
    """The ``INSERT … ON CONFLICT DO UPDATE`` of :func:`put_row`, built once per table and
    column set (issue 14: building it was a tenth of the store's time in a reparse)."""
    keys = (pk,) if pk else _pk(table)
    update = [c for c in columns if c not in keys]
    return (f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) VALUES ({', '.join('?' * len(columns))}) "
            f"ON CONFLICT ({', '.join(f'[{k}]' for k in keys)}) DO " +
            (f"UPDATE SET {', '.join(f'[{c}] = excluded.[{c}]' for c in update)}" if update else "NOTHING"))


def put_rows(db: sqlite_utils.Database, table: str, rows: list[dict]) -> None:
    """:func:`put_row` of every row of ``rows``, in order, as one ``executemany`` per run of rows
    naming the same columns (issue 14: a rebuild's first derivation writes thousands of new
    ``procurements`` and ``events`` rows, and a statement per row was most of their write time).
    The same statement as :func:`put_row`'s, so the same rows whatever the order of keys; a row
    with a JSON value, or a table whose new keys are tracked (:func:`track_new_keys`), goes
    through :func:`put_row` itself. Joins the caller's transaction when one is open."""
    tracked = getattr(db, "_tenderarchive_new_keys", None)
    if tracked and table in tracked:
        for row in rows:
            put_row(db, table, row)
        return
    run: list[list] = []
    columns: tuple[str, ...] | None = None

    def flush() -> None:
        if run:
            if db.conn.in_transaction:
                db.conn.executemany(_upsert_sql(table, columns, None), run)
            else:
                with db.conn:  # committed, as put_row's write outside a transaction is
                    db.conn.executemany(_upsert_sql(table, columns, None), run)
            run.clear()

    for row in rows:
        values = list(row.values())
        if not _PLAIN_TYPES.issuperset(map(type, values)) and \
                any(isinstance(v, (list, dict, tuple)) for v in values):
            flush()
            put_row(db, table, row)
            continue
        names = tuple(row)
        if names != columns:
            flush()
            columns = names
        run.append(values)
    flush()


@contextlib.contextmanager
def indexes_after(db: sqlite_utils.Database, table: str, empty: bool = True):
    """Within: ``table`` (empty: ``empty``) without its secondary indexes, created again, each
    from its own ``CREATE INDEX``, once the rows are in (issue 14: maintaining a table's 5-7
    indexes row by row cost a rebuild's first derivation half of its writes of ``events`` and
    ``procurements``; one pass per index after the inserts costs less). Only inside a transaction
    (the caller's ``db.atomic()``): a failure rolls the dropped indexes back with the rows. A
    table that holds rows, or any caller not in a transaction, keeps its indexes."""
    if not empty or not db.conn.in_transaction:
        yield
        return
    indexes = db.conn.execute("select name, sql from sqlite_master where type = 'index' and tbl_name = ? "
                              "and sql is not null order by name", [table]).fetchall()
    for name, _ in indexes:
        db.conn.execute(f"DROP INDEX [{name}]")
    yield
    for _, sql in indexes:
        db.conn.execute(sql)


def delete_row(db: sqlite_utils.Database, table: str, key) -> None:
    _forget(db, table, key)
    values = key if isinstance(key, (tuple, list)) else (key,)
    db.execute(f"delete from [{table}] where " + " and ".join(f"[{k}] = ?" for k in _pk(table)), list(values))


#: Columns a pipeline computes from source columns (pipelines/places.py): when a response omits an
#: input (kept from the archive), the archived value stays. The youth-care decision, computed from
#: several, is kept reason by reason (:func:`keep_relevance`).
DERIVED_FROM = {"notices": {"buyer_id": {"buyer", "year"},
                            "jeugdregio_code": {"buyer", "title", "description", "year"}},
                # an article's year and month are its date's (pipelines/extract.py): its date kept, they are kept
                "articles": {"year": {"published"}, "year_month": {"published"}}}

#: How well an article's date is known by where it comes from (``published_source``), best first: the page gives it
#: itself (stated on it, or in its meta tags); its feed's or Google News sitemap's date (machine-written); the date its
#: listing shows beside its link; its address's day or its text's dateline. Pipelines/extract.py takes the best a read
#: of the page has (spiders/news.py ``LISTED_RANK``); a stand-in stands in for a page that states none.
DATE_SOURCE_RANK = {"stated": 0, "meta": 0, "feed": 1, "sitemap": 1, "listing": 2, "url": 3, "dateline": 3}


def kept_date(old: dict | None, new: dict) -> str | None:
    """The archived ``published`` an article's row keeps over the read ``new`` (:func:`guessed_over_stated`,
    :func:`keep_omitted`): the read gives no date, or one from a worse source (:data:`DATE_SOURCE_RANK`); else None,
    the read's date is the row's."""
    if old is None or old.get("published") is None or "published" not in new:
        return None
    if new.get("published") is None:
        return old["published"]
    was, now = DATE_SOURCE_RANK.get(old.get("published_source")), DATE_SOURCE_RANK.get(new.get("published_source"))
    return old["published"] if was is not None and now is not None and now > was else None


def guessed_over_stated(old: dict, new: dict) -> None:
    """An article read again whose date now comes from a worse source than the archived one's
    (:data:`DATE_SOURCE_RANK`): a page that stated its date and now states none (a theme that dropped its date line),
    dated by a stand-in only (its address's day, or the date a listing shows beside its link, which may be the day it
    changed), or one its feed dated read again through its listing only. The page left its date out, so ``new``'s date
    is emptied for :func:`keep_omitted` to keep the archived one and say so (``omitted_columns``). A stand-in replaced
    the date: a day for a minute, ``url`` for ``stated``, or another day (branch refnews80; news-sites.md §2.3
    "fallback publication date"). A date from as good a source or a better one replaces the archived one, as before.
    So does a title made of the address's words (``title_source`` ``slug``, [S1]'s only title) for a page that lost
    its own heading: the archived title stays, ``omitted_columns`` names ``title``."""
    if kept_date(old, new) is not None and new.get("published") is not None:
        for column in ("published", "published_source", "published_precision"):
            new[column] = None
    if old.get("title") and old.get("title_source") not in (None, "slug") and new.get("title_source") == "slug":
        # the page gave no title of its own (a template that lost its heading, a <title> of the site's alone): the one
        # made of its address's words is a stand-in too, shorter or otherwise spelled than the heading archived
        new["title"], new["title_source"] = None, old["title_source"]


def keep_omitted(table: str, old: dict | None, new: dict, unreadable=(), not_given=(), said_none=()) -> list[str]:
    """Give ``new`` the archived value of every source column it omits; return those columns.

    Only the table's ``keep_omitted`` columns count: values the pipelines compute
    (relevance, places) follow the current row. ``unreadable``: columns the response sent with no
    readable value (pipelines/normalise.py ``unreadable_columns``): kept as omitted ones are, but
    ``omitted_columns`` lists them as ``"COLUMN (unreadable)"``, which does not make the answer sparse
    (asked again, the same comes: spiders/tenderned.py ``sparse``). ``not_given``: columns whose source field the
    response sent null or left out where it has no value of its own to keep (a detail's ``cpvCodes: null``,
    pipelines/normalise.py ``NOT_GIVEN_FIELDS``): listed as ``"COLUMN (not given)"``, so "none" reads apart from "not
    said"; with an archived value they are omitted ones (kept, the answer sparse). ``said_none``: columns the response
    sent as "no value" (a closing date with a placeholder year, ≥ 2090: pipelines/normalise.py ``placeholders``):
    said, not left out, so they replace an archived value (a real date kept over them stayed open for ever)."""
    columns = TABLES[table].get("keep_omitted")
    marked = [f"{c} {UNREADABLE}" for c in sorted(unreadable)]
    if old is None or not columns:
        marked += [f"{c} {NOT_GIVEN}" for c in sorted(not_given)]
        if marked and columns:
            new["omitted_columns"] = dumps(marked)  # sent unreadable: said, so the crawl records it once
        return []
    if table == "notices":
        keep_relation(old, new)
    if table == "articles":
        guessed_over_stated(old, new)
    # A column absent from ``new`` is not this response's business (upsert leaves it alone);
    # one present but empty is a value the response omitted.
    omitted = sorted(c for c in columns
                     if c in new and new[c] is None and old.get(c) is not None and c not in said_none)
    for column in omitted:
        new[column] = old[column]
    listed = [c for c in omitted if c not in unreadable] + marked + [
        f"{c} {NOT_GIVEN}" for c in sorted(not_given) if c in new and c not in omitted and new[c] is None]
    new["omitted_columns"] = dumps(listed) if listed else None
    for column, inputs in DERIVED_FROM.get(table, {}).items():
        # computed by a pipeline from values this response omitted: judged on less than the archive keeps
        if column in new and old.get(column) is not None and inputs & set(omitted):
            new[column] = old[column]
    if table == "notices" and omitted:
        keep_relevance(old, new, omitted)
    return omitted


#: A reason of pipelines/classify.py found in a notice column: ``term:jeugdhulp in description``.
_RELEVANCE_TERM = re.compile(r"term:.* in (\w+)")


def _reasons(row: dict) -> list | None:
    """The row's ``youth_care_reasons`` as a list, or None when they are not a JSON list."""
    try:
        reasons = json.loads(row.get("youth_care_reasons") or "[]")
    except (TypeError, ValueError):
        return None
    return reasons if isinstance(reasons, list) else None


def _youth_care_by(reasons: list, *also: str) -> bool:
    """Do ``reasons`` decide youth care: a CPV code or a term (``cpv:``, ``term:``), or a reason starting as one of
    ``also`` -- the one decision :func:`keep_relevance` and :func:`without_terms_in` make from a notice's reasons."""
    return any(isinstance(r, str) and r.startswith(("cpv:", "term:", *also)) for r in reasons)


def keep_relevance(old: dict, new: dict, omitted: list[str]) -> None:
    """A sparse notice was judged on less than the archive keeps: the youth-care reasons the
    archived row found in the values this response omitted (a term in the description, the CPV
    codes) still hold, since those values are kept; the decision follows them. Without this a
    re-check that left out the CPV codes and the description turned an archived youth-care
    notice into "not youth care" (it left the youth-care views) although its archived values
    said otherwise."""
    before, now = _reasons(old), _reasons(new)
    if before is None or now is None:
        return

    def from_omitted(reason) -> bool:
        if not isinstance(reason, str):
            return False
        if reason.startswith(("cpv:", "cpv_context:")):
            return "cpv_main" in omitted   # the response left out its CPV codes (kept in notice_cpv)
        term = _RELEVANCE_TERM.fullmatch(reason)
        return bool(term) and term.group(1) in omitted

    kept = [r for r in before if from_omitted(r) and r not in now]
    if not kept:
        return
    note = [r for r in (*now, *before) if isinstance(r, str) and r.startswith("not youth care:")][:1]
    chosen = {r for r in now if r not in note} | set(kept)
    reasons = [r for r in before if r in chosen] + [r for r in now if r in chosen and r not in before]
    relevant = _youth_care_by(reasons)
    new["youth_care"] = 1 if relevant else 0
    new["youth_care_reasons"] = dumps(reasons if relevant else reasons + note)


def without_terms_in(notice: dict, column: str) -> None:
    """Leave out of the notice's youth-care reasons the terms pipelines/classify.py found in ``column``, a value the
    writer does not archive (the list row's description standing in where the detail gave none, kept under the
    archived detail's: :func:`write_notice`), and decide youth care on the rest, as :func:`keep_relevance` does.
    The archived row said "term:jeugdhulp in description" of a description that never named it, and turned youth
    care on a text not in the archive (a reparse repeats it; the watch report told of a change)."""
    reasons = _reasons(notice)
    if not reasons:
        return
    found = [r for r in reasons if isinstance(r, str) and (term := _RELEVANCE_TERM.fullmatch(r)) and term.group(1) == column]
    if not found:
        return
    reasons = [r for r in reasons if r not in found]
    relevant = _youth_care_by(reasons, "related to ")
    if not relevant and any(isinstance(r, str) and r.startswith("cpv_context:") for r in reasons) \
            and CONTEXT_ONLY not in reasons:
        reasons.append(CONTEXT_ONLY)
    notice["youth_care"] = 1 if relevant else 0
    notice["youth_care_reasons"] = dumps(reasons)


def keep_relation(old: dict, new: dict) -> None:
    """A notice archived as youth care because a youth-care notice of its procedure led to it
    (``related to N``: pipelines/awards.py, an award notice under other CPV codes or words) stays so
    when it is fetched again by another way (a re-check of its procedure, of its unread /html),
    which cannot know that: it still belongs to the same procedure. It fell out of youth care,
    and out of the procedure's awards in every youth-care view."""
    if new.get("youth_care") or not old.get("youth_care") or new.get("kenmerk") != old.get("kenmerk"):
        return
    before, now = _reasons(old), _reasons(new)
    if before is None or now is None:
        return
    related = [r for r in before if isinstance(r, str) and r.startswith("related to ") and r not in now]
    if related:
        new["youth_care"] = 1
        new["youth_care_reasons"] = dumps([r for r in now if not str(r).startswith("not youth care:")] + related)


_LOOK_UP = object()
#: How ``omitted_columns`` marks a column the response sent unreadable (:func:`keep_omitted`).
UNREADABLE = "(unreadable)"
#: How ``omitted_columns`` marks a column whose source field the response sent null or left out, with no value archived
#: to keep (:func:`keep_omitted` ``not_given``): no sparse answer either.
NOT_GIVEN = "(not given)"


def omitted_list(value) -> list[str]:
    """An ``omitted_columns`` value as a list of its entries (a value that is no JSON list: itself)."""
    try:
        listed = json.loads(value or "[]")
    except (TypeError, ValueError):
        return [str(value)]
    return [str(c) for c in (listed if isinstance(listed, list) else [listed])]


def omitted_sparse(value) -> set[str]:
    """The columns an ``omitted_columns`` value says the response left out, not those it sent unreadable."""
    return {c for c in omitted_list(value) if not c.endswith((UNREADABLE, NOT_GIVEN))}


def omitted_unreadable(value) -> set[str]:
    """The columns an ``omitted_columns`` value says the response sent unreadable."""
    return {c[:-len(UNREADABLE)].strip() for c in omitted_list(value) if c.endswith(UNREADABLE)}


def upsert_if_changed(db: sqlite_utils.Database, table: str, row: dict, when: str | None = None,
                      old=_LOOK_UP, unreadable=(), crawl_id: int | None = None, not_given=(),
                      versioned: bool = True, said_none=()) -> str:
    """Write ``row`` unless the archive already holds the same content.

    Returns ``"new"``, ``"updated"`` or ``"unchanged"``. For versioned tables an
    update first keeps the earlier values in ``versions``: valid from when they
    were fetched until ``row``'s ``fetched_at`` (or ``when``), seen by ``row``'s crawl (or
    ``crawl_id``: a derived row, a procurement, records none of its own); ``versioned=False``: the
    caller knows the earlier values were never a state of the archive before this crawl (none kept).
    Joins the caller's transaction when one is open.
    """
    key = row_key(table, row)
    if old is _LOOK_UP:  # else the caller looked the row up already (``None``: not there)
        old = get_row(db, table, key)
    keep_omitted(table, old, row, unreadable, not_given, said_none)
    if content_equal(table, old, row):
        return "unchanged"
    origin = TABLES[table].get("origin") or set()
    if old is not None and origin & row.keys() and content_equal(
            table, old, {k: v for k, v in row.items() if k not in origin}):
        # only where a value came from changed (a detail now gives the very text or date its list row stood in for),
        # or which values the answer left out (``omitted_columns``: schema ``origin``): recorded on the row, but no
        # version and no update, the value a reader sees is the same
        set_values(db, table, key, {k: row[k] for k in origin if k in row})
        return "unchanged"
    if old is not None and versioned and TABLES[table].get("versioned"):
        record_version(db, table, version_key(key), old, row, when, crawl_id)
    if "first_crawl_id" in TABLES[table]["columns"]:
        # the crawl that first archived the row (schema.FIRST_CRAWL): this one for a new row, else as archived (a row
        # copied from another, or read back whole, carries its own)
        row = dict(row, first_crawl_id=(row.get("crawl_id") or crawl_id) if old is None else old.get("first_crawl_id"))
    put_row(db, table, row)
    return "new" if old is None else "updated"


def record_version(db, table: str, key: str, old: dict, new: dict, when: str | None,
                   crawl_id: int | None = None) -> None:
    ignore = _ignored(table)
    changed = sorted(k for k, v in new.items() if k not in ignore and old.get(k) != v)
    if not changed:
        return
    previous = db.execute(
        "select max(version), max(valid_to) from versions where table_name = ? and row_key = ?",
        [table, key]).fetchone()
    db["versions"].insert({
        "table_name": table, "row_key": key, "version": (previous[0] or 0) + 1,
        "valid_from": old.get("fetched_at") or previous[1],
        "valid_to": new.get("fetched_at") or when,
        "changed_columns": dumps(changed),
        "previous_values": dumps({k: old.get(k) for k in changed}),
        "new_values": dumps({k: new.get(k) for k in changed}),
        "crawl_id": new.get("crawl_id") or crawl_id,
    })


def with_archived_labels(db: sqlite_utils.Database, publication_id: int, rows: list[dict]) -> list[dict]:
    """A notice's CPV rows, each without a label (its ``omschrijving`` left out, or sent of no shape:
    docs/reference/tenderned-api.md §4, §13) given the label archived for the same code, and each that says not
    whether it is the main code (``is_main`` None: sent as a plain code, §4, or without ``isHoofdOpdracht``) the flag
    archived for the same code. :func:`sync_rows` makes the rows exactly these, so such a detail replaced the archived
    label with NULL, and the main code's flag with 0 (a change at every crawl that sent the codes plain; no downgrade,
    as :func:`keep_omitted` keeps a notice's columns)."""
    if all(row.get("label") is not None and row.get("is_main") is not None for row in rows):
        return rows
    archived = {cpv: (label, is_main) for cpv, label, is_main in db.conn.execute(
        "select cpv, label, is_main from notice_cpv where publication_id = ?", [publication_id]).fetchall()}
    filled = []
    for row in rows:
        label, is_main = archived.get(row["cpv"], (None, None))
        if (row.get("label") is None and label is not None) or (row.get("is_main") is None and is_main is not None):
            row = {**row, "label": row.get("label") if row.get("label") is not None else label,
                   "is_main": row.get("is_main") if row.get("is_main") is not None else is_main}
        filled.append(row)
    return filled


def with_archived_main(notice: dict, sent: list[dict], rows: list[dict]) -> None:
    """The notice's main CPV code (``cpv_main``) where its detail said of no code that it is the main one (codes sent
    plain: reference tenderned-api.md §4) and the archive names one of them main (:func:`with_archived_labels`): that
    code, as in ``notice_cpv``, not the first code sent (the main code "changed" with the order of a plain list)."""
    _with_archived_code_labels(notice, sent, rows)
    if any(row.get("is_main") == 1 for row in sent):
        return
    main = next((row for row in rows if row.get("is_main") == 1), None)
    if main is not None and notice.get("cpv_main") != main["cpv"]:
        notice.update(cpv_main=main["cpv"], cpv_main_8=main["cpv_8"], cpv_main_label=main.get("label"))


def _with_archived_code_labels(notice: dict, sent: list[dict], rows: list[dict]) -> None:
    """The youth-care reasons of the CPV codes sent without a label (plain codes: reference tenderned-api.md §4) with
    the label archived for the code (:func:`with_archived_labels`), as pipelines/classify.py writes a code's reason
    with its label: ``cpv:85311300-5`` where ``cpv:85311300-5 Welzijnszorg voor kinderen en jongeren`` was archived
    counted the notice "updated" at every crawl that sent its codes plain."""
    reasons = _reasons(notice)
    unlabelled = {row["cpv"] for row in sent if row.get("label") is None}
    labels = {row["cpv"]: row["label"] for row in rows if row["cpv"] in unlabelled and row.get("label") is not None}
    if not reasons or not labels:
        return
    labelled = []
    for reason in reasons:
        kind, _, code = reason.partition(":") if isinstance(reason, str) else ("", "", "")
        labelled.append(f"{kind}:{code} {labels[code]}" if kind in ("cpv", "cpv_context") and code in labels
                        else reason)
    notice["youth_care_reasons"] = dumps(labelled)


def sync_rows(db: sqlite_utils.Database, table: str, where: str, params: list, rows: list[dict]) -> bool:
    """Make the rows of ``table`` matching ``where`` exactly ``rows``; True if anything changed.

    For row sets that belong to one source (a notice's places, an article's events, a
    procurement's links): rows no longer there are deleted, others upserted if changed."""
    keys = _pk(table)
    # Read straight from sqlite3: sqlite-utils' query() wraps every read in a savepoint of its
    # own (two more statements per call; issue 14).
    cursor = db.conn.execute(f"select * from [{table}] where {where}", params)
    columns = [d[0] for d in cursor.description]
    existing = {tuple(r[k] for k in keys): r for r in (dict(zip(columns, row)) for row in cursor)}
    wanted = {tuple(r[k] for k in keys): r for r in rows}
    changed = False
    for key in existing.keys() - wanted.keys():
        delete_row(db, table, key)
        changed = True
    origin = TABLES.get(table, {}).get("origin") or set()
    for key, row in wanted.items():
        old = existing.get(key)
        if old is None or any(old.get(k) != v for k, v in row.items()):
            put_row(db, table, row)
            # a change of the ``origin`` columns alone (how the source wrote a value: schema.py) is recorded, but
            # is no change of the content, as in upsert_if_changed
            changed |= old is None or any(old.get(k) != v for k, v in row.items() if k not in origin)
    return changed


def set_values(db: sqlite_utils.Database, table: str, key, values: dict) -> bool:
    """Set bookkeeping columns of one row (no version kept); True if they changed."""
    old = get_row(db, table, key)
    if old is None or all(old.get(k) == v for k, v in values.items()):
        return False
    _forget(db, table, key)
    keys = _pk(table)
    key_values = key if isinstance(key, (tuple, list)) else (key,)
    db.execute(f"update [{table}] set {', '.join(f'[{c}] = ?' for c in values)} where " +
               " and ".join(f"[{k}] = ?" for k in keys), [*values.values(), *key_values])
    return True


@contextlib.contextmanager
def item_savepoint(db: sqlite_utils.Database):
    """One item's savepoint (``pipelines/archive.py`` writes each item of a batch in one): the
    item writers below then do not open a second, nested one for the same item (issue 14: the
    nested savepoint cost 1.0 of 11.5 CPU-seconds of a 2,000-notice reparse). The item is
    whole or absent either way."""
    with db.atomic(), items_joining(db):
        yield db


@contextlib.contextmanager
def items_joining(db: sqlite_utils.Database):
    """The item writers below join the caller's transaction with no savepoint of their own: the
    archive pipeline's batch (``pipelines/archive.py``), which on any error rolls the whole batch
    back and writes it again an item per :func:`item_savepoint` (issue 14: a savepoint per item
    cost 30–85 µs of SQLite's statement journal, more than the item's own rows)."""
    previous = getattr(db, "_tenderarchive_item", False)
    db._tenderarchive_item = True
    try:
        yield db
    finally:
        db._tenderarchive_item = previous


def _item(db: sqlite_utils.Database):
    """The savepoint of an item writer, unless its caller holds :func:`item_savepoint`."""
    return contextlib.nullcontext(db) if getattr(db, "_tenderarchive_item", False) else db.atomic()


def write_notice(db: sqlite_utils.Database, record: dict, crawl_id) -> str:
    """Archive a normalised, classified notice with its CPV codes, documents, buyer and places."""
    notice = dict(record["notice"], crawl_id=crawl_id)
    key = notice["publication_id"]
    places_new = _places_new(db, key)
    stand_in_places: set[str] = set()
    with _item(db):
        known = get_row(db, "notices", key)
        cpv_rows = None  # the CPV rows to archive, filled from the archive (with_archived_labels)
        if known is not None and known.get("form_type") == "ocds" and notice.get("form_type") != "ocds":
            # first known from an OCDS package (write_ocds_procedure): the API's own notice is new to the
            # archive, not a change of it (no earlier version: the package's row was never the notice)
            keep_omitted("notices", None, notice, record.get("unreadable") or (), record.get("not_given") or ())
            put_row(db, "notices", dict(notice, first_crawl_id=crawl_id))   # new to the archive here (schema.FIRST_CRAWL)
            outcome = "new"
            completed = False
        else:
            if record.get("deadline_from_list") and known is not None and detail_deadline(known):
                # the detail named no closing date and its list row's (the original: reference §3) stood in; the
                # archived one an earlier detail gave (a rectification's move) is kept: the list's is no newer word
                notice["deadline"], notice["deadline_placeholder"] = known["deadline"], known["deadline_placeholder"]
                notice["deadline_from_list"] = known.get("deadline_from_list")
            if record.get("consultation_from_list") and known is not None and detail_consultation(known):
                # so for a market consultation's closing date (sluitingsDatumMarktconsultatie): the list's stood in
                notice["consultation_deadline"] = known["consultation_deadline"]
                notice["consultation_deadline_from_list"] = known.get("consultation_deadline_from_list")
            if record.get("description_from_list") and known is not None and detail_description(known):
                # the detail gave no description and its list row's shorter text (reference §3) stood in: the full
                # text an earlier detail gave is kept, as for a value the response omitted (keep_omitted), the
                # youth-care terms and places read in it with it (a row's text is no newer word than a detail's)
                notice["description"], notice["description_from_list"] = None, known.get("description_from_list")
                # ... and judged by it alone: a youth-care term only the row's text names (a row whose text changed,
                # §13) is in no archived description (keep_relevance adds back those the kept text named)
                without_terms_in(notice, "description")
                # so for the places: those only the row's text named (pipelines/places.py) are no archived text's
                stand_in_places = set(record.get("description_places") or ())
            if record.get("published_from_list") and known is not None and known.get("published") is not None \
                    and known.get("published") == notice.get("published") and len(known.get("published_at") or "") > 10:
                # the detail named no publication timestamp and its list row's date (a day alone, §3) stood in: the
                # archived timestamp of that very day an earlier detail gave is kept, not cut to the day
                notice["published_at"] = known["published_at"]
            # a notice this crawl archived new (found with no list row, through /gerelateerd) and writes again with
            # the list row a later page gave (its row's ``listed_as`` then given for the first time) (spiders/tenderned.py listed_after): completed, not changed; its first
            # write was never a state of the archive before this crawl, so no version of it (a watch report and the
            # changes view told a new notice as a changed one). An archived notice keeps its versions as before.
            # So for any notice this crawl archived new and writes again (first_written_by: NEW_AGAIN).
            cpv_rows = with_archived_labels(db, key, record["cpv"]) if record["cpv"] and known is not None else None
            if cpv_rows is not None:
                with_archived_main(notice, record["cpv"], cpv_rows)
                now, before = _reasons(notice), _reasons(known)
                if now and before and now != before and sorted(map(str, now)) == sorted(map(str, before)):
                    # the same reasons in another order (the codes listed in another order): no change of them
                    notice["youth_care_reasons"] = known["youth_care_reasons"]
            completed = known is not None and (first_written_by(db, "notices", key, crawl_id, known) or (
                known.get("crawl_id") == crawl_id and known.get("listed_as") is None
                and notice.get("listed_as") is not None and db.execute(
                    "select 1 from versions where table_name = 'notices' and row_key = ? limit 1",
                    [version_key(key)]).fetchone() is None))
            outcome = upsert_if_changed(db, "notices", notice, old=known, unreadable=record.get("unreadable") or (),
                                        not_given=record.get("not_given") or (), versioned=not completed,
                                        said_none=[*(record.get("placeholders") or ()), *labels_of_other_codes(known, notice)])
        changed = outcome != "unchanged"
        if record["cpv"] and known is not None:
            # The codes a detail names are the notice's codes: a rectification that replaced or dropped one (the
            # detail changes, the list row never does: docs/reference/tenderned-api.md §3, §4) left the old code in
            # notice_cpv, still its main one next to the new main. A detail without codes (sparse) keeps the archived.
            changed |= sync_rows(db, "notice_cpv", "publication_id = ?", [key],
                                 cpv_rows if cpv_rows is not None else with_archived_labels(db, key, record["cpv"]))
        for row in record["cpv"] if known is None else ():  # a new notice has no codes archived to replace
            changed |= upsert_if_changed(db, "notice_cpv", row) != "unchanged"
        # listed (again): a document a list once left out and lists again is no longer dropped, and the crawl
        # that lists it again says so (``listed_again``: that crawl's id, kept after it): the crawl report told
        # of it as of a new document
        archived = {document_id: (dropped, again, file_type) for document_id, dropped, again, file_type in
                    db.conn.execute("select document_id, dropped_since, listed_again, file_type from documents "
                                    "where publication_id = ?", [key])
                    } if record["documents"] and known is not None else {}
        for row in record["documents"] or []:
            dropped, again, file_type = archived.get(row["document_id"], (None, None, None))
            row = dict(row, crawl_id=crawl_id, dropped_since=None,
                       listed_again=crawl_id if dropped is not None else again)
            # a type read from the document's name (no typeDocument: pipelines/normalise.py document_type) never
            # replaces another archived one: TenderNed's, given before, is kept as an omitted value (keep_omitted)
            if row.pop(DOCUMENT_TYPE_GUESSED, False) and file_type is not None and file_type != row["file_type"]:
                row["file_type"] = None
            changed |= upsert_if_changed(db, "documents", row) != "unchanged"
        if record["documents"] is not None and known is not None:
            changed |= mark_dropped_documents(db, key, record["documents"], notice.get("fetched_at"), crawl_id)
        if record.get("organisation"):
            upsert_if_changed(db, "organisations", record["organisation"])
            named_by(db, record["organisation"]["organisation_id"], notice, "notices", key)
        places = [row for row in record.get("municipalities") or [] if row.get("cbs_code") not in stand_in_places]
        if omitted_sparse(notice.get("omitted_columns")):
            # A sparse response names fewer places: add what it names, drop nothing.
            for row in places:
                upsert_if_changed(db, "notice_municipalities", row)
        elif places_new:
            # No place of this notice can be archived (_places_new): written without reading them first
            # (sync_rows' query, one a notice, found nothing in every first crawl and every reparse; issue 14).
            # Rows of one key are written in turn, the last one's values kept, as sync_rows keeps them.
            for row in places:
                put_row(db, "notice_municipalities", row)
            changed |= bool(places)
        else:
            changed |= sync_rows(db, "notice_municipalities", "publication_id = ?", [key], places)
        if record.get("results"):
            changed |= write_results(db, notice, record["results"], crawl_id)
        if outcome == "unchanged" and changed:
            outcome = "updated"  # only its CPV codes, documents or places changed
            # ... which the derivation must still see: it rederives the notices this crawl stamped.
            # Stamped in the item's own transaction, so a kill cannot leave the change unstamped.
            set_values(db, "notices", key, {"crawl_id": crawl_id})
    if outcome == "new":
        note_first_written(db, "notices", key, crawl_id)
    elif completed:
        outcome = NEW_AGAIN  # archived new by this crawl: counted once, as new
    return outcome


#: A notice's label columns and the codes they name: a label is the label of its code.
LABEL_OF_CODE = {"nuts_labels": "nuts", "cpv_main_label": "cpv_main"}


def labels_of_other_codes(known: dict | None, notice: dict) -> list[str]:
    """The label columns a detail gives none for (codes sent plain, ``nutsCodes: ["NL33"]``: reference §4; or a label
    left out) while naming other codes than archived: the archived label is another code's, so none is said (it was
    kept, ``NL33`` archived as "Arnhem/Nijmegen", NL226's)."""
    if known is None:
        return []
    return [label for label, code in LABEL_OF_CODE.items()
            if label in notice and notice[label] is None and notice.get(code) is not None
            and notice[code] != known.get(code)]


def detail_deadline(known: dict) -> bool:
    """Whether an archived notice's closing date (or its placeholder, "no real deadline") is one its detail gave: not
    its list row's (the original closing date the list keeps: reference tenderned-api.md §3) standing in where a
    detail named none (``deadline_from_list``, pipelines/normalise.py). A detail's date equal to its row's (not moved)
    is the detail's: a later row naming another does not replace it. An archive written before that column marked a
    date equal to its row's as the row's (schema.FROM_LIST_MARKED)."""
    if known.get("deadline") is None and known.get("deadline_placeholder") != 1:
        return False
    return not known.get("deadline_from_list")


def detail_consultation(known: dict) -> bool:
    """Whether an archived notice's market consultation closing date is one its detail gave: not its list row's
    (``consultation_deadline_list``, the date the list keeps as first published) standing in where a detail named none
    (``consultation_deadline_from_list``, pipelines/normalise.py); a detail's date equal to its row's is the detail's.
    A notice archived before these columns keeps its date unless it equals its row's (schema.FROM_LIST_MARKED): where
    it came from is not known, and a date kept is not lost (``tenderarchive reparse`` records the list's from the raw
    store)."""
    return known.get("consultation_deadline") is not None and not known.get("consultation_deadline_from_list")


def detail_description(known: dict) -> bool:
    """Whether an archived notice's description is one its detail gave: not the list row's shorter text (reference
    tenderned-api.md §3) standing in where a detail gave none (``description_from_list``, pipelines/normalise.py). A
    detail's text equal to its row's (a description shorter than the list's about 1,000 characters) is the detail's:
    a later row with another text does not replace it. A notice archived before that column keeps its text unless it
    equals its row's (schema.ensure_schema marks those); where it came from is not known, and a text kept is not lost
    (``tenderarchive reparse`` records the list's from the raw store)."""
    return known.get("description") is not None and not known.get("description_from_list")


def _places_new(db: sqlite_utils.Database, key) -> bool:
    """Whether ``notice_municipalities`` holds no row of the notice ``key``, known without a query:
    both it and ``notices`` were empty when the archive pipeline opened the archive
    (:func:`track_new_keys`), ``notices`` still tracked, and no ``notices`` row of ``key`` was written
    since. Only :func:`write_notice` writes a notice's places, after its ``notices`` row and in the
    same item, so a notice never written has none (the places' own keys are not tracked: remembering
    each cost as much as the query it saves). Anything else (an archive that held rows, tracking
    ended, a key of another type): False, and the places are synced as before."""
    tracked = getattr(db, "_tenderarchive_new_keys", None)
    if not tracked or "notices" not in tracked or not getattr(db, "_tenderarchive_places_empty", False):
        return False
    remembered = _tracked_key(key)
    return remembered is not None and remembered not in tracked["notices"]


def mark_dropped_documents(db: sqlite_utils.Database, publication_id: int, listed: list[dict], when: str | None,
                           crawl_id=None) -> bool:
    """Mark the archived documents of a notice that its documents list, read whole, no longer names
    (a rectification withdrew a file; docs/reference/tenderned-api.md §5): ``dropped_since``, the time of
    the first list without it. Kept, not deleted (the archive loses nothing, and its download link and name
    are what a reader needs to ask for the withdrawn file), but no longer presented as listed: the row
    stayed as it was, indistinguishable from the notice's current documents. An unread list (None) marks
    nothing. The mark is the row's current value that crawl ``crawl_id`` wrote (``documents.crawl_id``): the
    crawl report tells that crawl's reader the file is no longer listed (``watch/report.py``
    ``_document_changes``). True if a row was marked."""
    names = {row["document_id"] for row in listed}
    changed = False
    for document_id, dropped in db.conn.execute(
            "select document_id, dropped_since from documents where publication_id = ?", [publication_id]).fetchall():
        if document_id not in names and dropped is None:
            mark = {"dropped_since": when or ""} | ({"crawl_id": crawl_id} if crawl_id is not None else {})
            changed |= set_values(db, "documents", (publication_id, document_id), mark)
    return changed


def write_article(db: sqlite_utils.Database, record: dict, crawl_id) -> str:
    """Archive an analysed article with its places, organisations and dated events. A teaser of it (``teaser``: the
    page said its item is behind the site's paywall, pipelines/extract.py ``is_paywalled``) is not written over a
    longer archived text (``teaser_kept``): a regional news site closes an item days after it was free, and the
    next version of the archived whole text was its lead alone."""
    old = get_row(db, "articles", row_key("articles", record["article"]))
    kept = kept_date(old, record["article"])
    if kept is not None and kept[:10] != (record["article"].get("published") or "")[:10] \
            and record["article"].get("text") is not None:
        # the archive keeps a date the page stated over the stand-in (or none) of this read (guessed_over_stated): what
        # the text dates without a year ("uiterlijk 6 juli"), its stages' tense, is read against the kept date, not
        # against the stand-in's day, which put a day of the text a year later (or left it out) on its events and
        # timeline beside the date the row keeps (branch refnews81)
        from pipelines.analyse import analyse_article  # the crawl's one analysis (pipelines/analyse.py)

        analyse_article(record, published=kept)
    article = dict(record["article"], crawl_id=crawl_id)
    url = article["url"]
    if record.get("teaser") and old is not None and len(old.get("text") or "") > len(article.get("text") or ""):
        return "teaser_kept"
    # a page this crawl archived new, read again (its print or tracking address): no version of its first write,
    # counted once, as new (NEW_AGAIN)
    again = first_written_by(db, "articles", url, crawl_id)
    with _item(db):
        outcome = upsert_if_changed(db, "articles", article, versioned=not again, old=old)
        if outcome == "new":
            note_first_written(db, "articles", url, crawl_id)
        if outcome == "unchanged":
            return NEW_AGAIN if again else outcome
        for table, rows in (("article_municipalities", record.get("municipalities") or []),
                            ("article_organisations", record.get("organisations") or []),
                            ("article_awardees", record.get("awardees") or []),
                            ("article_stages", record.get("article_stages") or []),
                            ("article_events", [dict(e, crawl_id=crawl_id) for e in record.get("events") or []])):
            sync_rows(db, table, "url = ?", [url], rows)
    return NEW_AGAIN if again else outcome


def write_moved_article(db: sqlite_utils.Database, record: dict, crawl_id) -> str:
    """An archived news page answered at a new address of its site, with the same title and text
    (``record["moved"]``: the archived ``url``, the new ``address`` and its fetch's provenance): the
    page's provenance becomes that fetch (its ``source_url`` the address fetched, which the next crawl
    then knows: ``queries.known_article_urls``); its content, analysis and history stay as they are."""
    moved = record["moved"]
    with _item(db):
        # no sha256: a 304's answer has no body, the archived one stays (NewsSpider.moved_unchanged)
        db.execute("update articles set source_url = ?, fetched_at = ?, sha256 = coalesce(?, sha256), crawl_id = ? "
                   "where url = ?",
                   [moved.get("source_url") or moved.get("address"), moved.get("fetched_at"), moved.get("sha256"),
                    crawl_id, moved["url"]])
    return "moved"


# --- award data (issue 10; rows shaped by tenderarchive/awards/rows.py) ----------------------------------

def first_named(record: dict, table: str, key) -> dict:
    """An organisation's provenance: that of the record (a notice, an award, an article) that first
    named it, and which record that is (``named_in``: ``<table>:<key>``)."""
    return {**{column: record.get(column) for column in PROVENANCE}, "named_in": f"{table}:{key}"}


def named_by(db: sqlite_utils.Database, organisation_id: str, record: dict, table: str, key) -> None:
    """Record that ``record`` names organisation ``organisation_id``: its provenance becomes the
    organisation's when the organisation has none or was named by a record fetched later (ties: the
    lower ``named_in``; a record without ``fetched_at`` comes last). First means earliest fetched, not
    first written: a crawl's items reach the store in no fixed order, and a reparse must give the same
    rows. The records that name one: a notice (its buyer), an award (its winners), a relevant article
    (an organisation known by name, ``name:<name key>``); the migration of an older archive applies
    the same rule (``schema.ORGANISATION_FIRST_NAMED``)."""
    cursor = db.execute(
        "update organisations set source_url = :source_url, fetched_at = :fetched_at, sha256 = :sha256, "
        "crawl_id = :crawl_id, named_in = :named_in where organisation_id = :organisation_id "
        "and (named_in is null "
        "or (coalesce(:fetched_at, '~'), :named_in) < (coalesce(fetched_at, '~'), named_in)) returning *",
        {**first_named(record, table, key), "organisation_id": organisation_id})
    updated = cursor.fetchall()  # the row as the update left it; none: not changed, a row batch_rows holds stands
    held = getattr(db, "_tenderarchive_batch_rows", None)
    if updated and held and "organisations" in held:
        held["organisations"][organisation_id] = dict(zip([d[0] for d in cursor.description], updated[0]))


def _provider(db: sqlite_utils.Database, supplier: dict, award: dict) -> str:
    """The ``organisations`` id of a winner (kind ``provider``), adding the organisation when new.

    The id comes from the winner's own data only — ``kvk:NUMBER`` where a KvK number is
    published, else ``name:<folded name>`` — so the same rows come out whatever order the
    notices arrive in; of the printed names, the organisation keeps the first in sort order, without the trade
    name or registration printed in it ("X B.V. h.o.d.n. Y (KvK 12345678)" is "X B.V.": names.split_name)."""
    from tenderarchive.awards.names import split_name

    org_id = supplier["organisation_id"]
    name = split_name(supplier.get("name"))[0] or supplier.get("name")
    old = get_row(db, "organisations", org_id)
    if old is None:
        _forget(db, "organisations", org_id)
        db["organisations"].insert({"organisation_id": org_id, "name": name, "kind": "provider",
                                    "kvk": supplier.get("kvk"), "name_key": supplier.get("name_key")},
                                   pk="organisation_id")
    elif old["kind"] == "provider" and name and (old["name"] or "~") > name:
        _forget(db, "organisations", org_id)
        db["organisations"].update(org_id, {"name": name})
    named_by(db, org_id, award, "awards", award["award_id"])
    return org_id


def add_named_organisation(db: sqlite_utils.Database, name: str, kind: str, key: str, article: dict) -> bool:
    """Add an organisation news names (``name:<key>``) unless one with that name key exists
    (a winner with its KvK number, a buyer); True when added. ``article``: the article that names it
    (its ``url`` and provenance)."""
    if db.execute("select 1 from organisations where name_key = ? or organisation_id = ?",
                  [key, f"name:{key}"]).fetchone():
        return False
    _forget(db, "organisations", f"name:{key}")
    db["organisations"].insert({"organisation_id": f"name:{key}", "name": name, "kind": kind, "name_key": key,
                                **first_named(article, "articles", article["url"])},
                               pk="organisation_id")
    return True


#: a lot's result as an award notice's section 6 gives it (lots.awarded and what goes with it)
LOT_RESULT = ("awarded", "not_awarded_reason", *(column for column in TABLES["lots"]["columns"] if column.startswith(
    ("framework_maximum_", "framework_reestimate_", "lowest_tender_", "highest_tender_"))))


def _rectification(db: sqlite_utils.Database, publication_id) -> bool:
    """Whether notice ``publication_id`` is archived as a rectification (REC)."""
    row = db.execute("select notice_type from notices where publication_id = ?", [publication_id]).fetchone()
    return bool(row) and row[0] == "REC"


def _later(db: sqlite_utils.Database, publication_id, than) -> bool:
    """True when notice ``publication_id`` was published after notice ``than`` (ties: the higher id)."""
    def key(pid):
        row = db.execute("select published_at from notices where publication_id = ?", [pid]).fetchone()
        return ((row[0] if row else None) or "", int(pid or 0))
    return publication_id is not None and than is not None and key(publication_id) > key(than)


def _repeats_award(db: sqlite_utils.Database, publication_id) -> bool:
    """True when notice ``publication_id`` is an OCDS package's correction of the contract notice (tag
    ``tenderUpdate`` or ``tenderAmendment``, ``timeline.OCDS_TENDER_RECTIFICATION``): an award it gives repeats the
    award an award notice gave (a release giving the whole state), as ``ocds.to_procedure`` reads it within a file."""
    row = db.execute("select notice_type_label from notices where publication_id = ?", [publication_id]).fetchone()
    return bool(row) and row[0] == OCDS_TENDER_RECTIFICATION


def _write_award(db, entry: dict, crawl_id) -> bool:
    award = dict(entry["award"], crawl_id=crawl_id)
    archived = get_row(db, "awards", award["award_id"])
    changed = upsert_if_changed(db, "awards", award, old=archived) != "unchanged"
    named = _winners(db, award["award_id"])
    before = _winner_names(db, award["award_id"])
    suppliers = []
    for supplier in entry["suppliers"]:
        supplier = dict(supplier, award_id=award["award_id"])
        if not supplier.get("is_buyer"):
            # the buyer listed as the winner (reference §6.3, a quality issue: ``is_buyer``) keeps its row as
            # published, flagged, but is no provider: no organisation of kind provider is made or named for it
            supplier["organisation_id"] = _provider(db, supplier, award)
        suppliers.append(supplier)
    changed |= sync_rows(db, "award_suppliers", "award_id = ?", [award["award_id"]],
                         list({s["organisation_id"]: s for s in suppliers}.values()))
    after = _winner_names(db, award["award_id"])
    if archived is not None and after != before:
        # Other winners of an archived award (a corrected /html, a re-read notice) are a change of the award:
        # its winners are rows of their own (award_suppliers, unversioned), so the award row alone may not
        # change, and the crawl report said the notice changed without saying what (the winner that lost the
        # lot was not named at all). The award keeps the names it had in ``versions`` (column ``winners``) and
        # is stamped with the crawl, as a change of its own columns would.
        record_version(db, "awards", version_key(award["award_id"]),
                       {"winners": "; ".join(before), "fetched_at": archived.get("fetched_at")},
                       {"winners": "; ".join(after), "fetched_at": award.get("fetched_at"), "crawl_id": crawl_id},
                       None, crawl_id)
        set_values(db, "awards", award["award_id"], {"crawl_id": crawl_id})
    providers = {s["organisation_id"] for s in suppliers if not s.get("is_buyer")}
    _unname(db, [o for o in named if o not in providers], award["award_id"])
    return changed


def _winner_names(db: sqlite_utils.Database, award_id: str) -> list[str]:
    """The names of an award's winners as published, in order (the buyer listed as the winner too)."""
    return [r[0] for r in db.execute("select distinct name from award_suppliers where award_id = ? and name is not null "
                                     "order by name", [award_id]).fetchall()]


def _winners(db: sqlite_utils.Database, award_id: str) -> list[str]:
    return [r[0] for r in db.execute("select organisation_id from award_suppliers where award_id = ?",
                                     [award_id]).fetchall()]


def write_results(db: sqlite_utils.Database, notice: dict, results: dict, crawl_id) -> bool:
    """Archive one notice's award data (its ``/html`` parse); True if anything changed.

    Every notice's awards are its own rows (``procurement/notice/lot``): a re-read of the
    same notice replaces them (earlier values in ``versions``). Which awards stand — a
    rectification (REC) supersedes the earlier notice's award of the same lot — is the
    derivation's ``awards.current``, decided after the crawl, so the order in which notices
    arrive never matters. A lot keeps the values of the latest notice that describes it."""
    row = dict(results["notice_result"], crawl_id=crawl_id)
    old = get_row(db, "notice_results", row["publication_id"])
    if old is not None and old.get("award_count") and not results["awards"] and db.execute(
            "select 1 from awards where publication_id = ? and source = 'tenderned_pdf' limit 1",
            [row["publication_id"]]).fetchone():
        # the notice's PDF gave its awards, and this read (an /html naming no winner or unreadable, whose PDF
        # failed or is gone) gives none: the PDF's row and awards stand, never downgraded to a bare row
        return False
    if old is not None and old.get("layout") not in (None, "unknown") and row.get("layout") == "unknown":
        # an answer that is no rendering (a login or maintenance page, an error object) never replaces a row read
        # before: an OCDS package's, the PDF's, or a rendering read while the notice had another type; the notice's
        # /html is asked again (spiders/tenderned.py), and a row that counted nothing replaced its lots and awards
        return False
    if old is not None and old.get("layout") in ("ocds", "pdf") and old.get("source_url") != row.get("source_url"):
        # the row an OCDS package or the notice's PDF wrote: what this read does not give is not left from it
        row = {column: None for column in TABLES["notice_results"]["columns"]} | row
    changed = upsert_if_changed(db, "notice_results", row, old=old) != "unchanged"
    publication_id = notice["publication_id"]
    results = _as_archived_lots(db, results)
    _package_lots_onto(db, results["lots"])
    for lot in results["lots"]:
        old = get_row(db, "lots", (lot["procurement_id"], lot["lot_id"]))
        if old is not None and _later(db, old["publication_id"], publication_id):
            # a later notice already described this lot: its values stand, and this earlier one gives only what
            # the later left out (a contract notice read after its award notice, fetched through /gerelateerd
            # from before the crawl window: the lot's title and estimate were lost), as the later notice, read
            # after this one, keeps what it omits
            fill = {c: lot[c] for c in TABLES["lots"]["keep_omitted"] if lot.get(c) is not None and old.get(c) is None}
            if old.get("awarded") is None and lot.get("awarded") is not None and _rectification(db, old["publication_id"]):
                # ... and its result, where the later one is a rectification that gives none (below)
                fill.update({c: lot[c] for c in LOT_RESULT if lot.get(c) is not None})
            if _before_its_history(db, old, lot, fill, crawl_id):
                changed = True
                continue
            if fill:
                changed |= upsert_if_changed(db, "lots", dict(old, **fill, crawl_id=crawl_id), old=old) != "unchanged"
            continue
        if old is not None and lot.get("awarded") is None and old.get("awarded") is not None \
                and notice.get("notice_type") == "REC":
            # a rectification whose rendering gives no result of the lot (a correction of the contract notice
            # published after the award, its sections 2 and 5 alone) says nothing of whether it was awarded: the
            # lot stayed awarded or not awarded (its reason, ceiling and lowest and highest tenders kept); it was
            # made "not known yet" and a reason for not awarding it lost
            lot = dict(lot, **{c: old[c] for c in LOT_RESULT if lot.get(c) is None})
        changed |= upsert_if_changed(db, "lots", dict(lot, crawl_id=crawl_id)) != "unchanged"
    per_lot: dict[str, int] = {}
    for entry in results["awards"]:
        n = per_lot[entry["lot_id"]] = per_lot.get(entry["lot_id"], -1) + 1
        # the lot as the notice prints it ("LOT-0001"): an archived award keeps its id
        entry["award"]["award_id"] = f"{notice.get('procurement_id')}/{publication_id}/" \
            f"{entry.get('source_lot_id') or entry['lot_id']}" + (
            f"/{n}" if n else "")
        changed |= _write_award(db, entry, crawl_id)
    written = [entry["award"]["award_id"] for entry in results["awards"]]
    if written and all(entry["award"].get("source") == "tenderned_html" for entry in results["awards"]):
        # the /html now names the winners the notice's PDF gave when it failed (docs/awards.md, "The PDF
        # fallback"): the rendering's awards replace the PDF's, also those it keys otherwise
        for (award_id,) in db.execute(
                f"select award_id from awards where publication_id = ? and source = 'tenderned_pdf' and award_id not in "
                f"({', '.join('?' * len(written))})", [publication_id, *written]).fetchall():
            named = _winners(db, award_id)
            sync_rows(db, "award_suppliers", "award_id = ?", [award_id], [])
            delete_row(db, "awards", award_id)
            _unname(db, named, award_id)
            changed = True
    return changed


def _before_its_history(db: sqlite_utils.Database, old: dict, lot: dict, fill: dict, crawl_id) -> bool:
    """Lot ``old`` as notice ``lot["publication_id"]`` describes it (``lot``), read after later notices the lot's
    row and history hold: its description takes its place in the lot's history as though the notices had arrived
    in publication order (reference §8.5, §8.6) -- the lot's first version where every notice held was published
    after it; between the two states where the history holds notices published before it and after it (written
    over the state before it, as the row would have been: the change before -> after becomes before -> this notice
    -> after). The lot's row takes what this notice gives and the later left out (``fill``), as a row written over
    this notice's would have kept it. True if so recorded; False (nothing written) where the lot's history already
    holds this notice, is not in publication order, or this description adds no state of its own (then the later
    values stand and ``fill`` is the caller's to write, as before).

    A crawl's responses arrive in any order: contract notice 900101 estimating the lot at 1 200 000 read before
    award notice 900102 printing 1 300 000 was the change "1 200 000 → 1 300 000" of the lot; read after it, no
    change at all (the contract notice's description never entered the lot's history)."""
    key = version_key((old["procurement_id"], old["lot_id"]))
    versions = db.execute("select previous_values from versions where table_name = 'lots' and row_key = ? "
                          "order by version desc", [key]).fetchall()
    states, state = [dict(old)], dict(old)
    for (previous,) in versions:   # the lot's earlier states, back to the first one written
        state = dict(state, **json.loads(previous or "{}"))
        states.append(state)
    states.reverse()   # states[i]: the lot after its version i (states[0] its first description, states[-1] the row)
    held = {s.get("publication_id") for s in states}
    publication_id = lot.get("publication_id")
    if old.get("source") not in API_SOURCES or lot.get("source") not in API_SOURCES:
        return False   # an OCDS package's lot: the API's notice wins over it, not a version before it
    if publication_id is None or publication_id in held or None in held:
        return False
    # the states written from notices published before this one: the first ones, where the history is in
    # publication order (else nothing is rewritten, as before)
    before = [i for i, s in enumerate(states) if not _later(db, s.get("publication_id"), publication_id)]
    if before != list(range(len(before))) or len(before) >= len(states):
        return False
    ignore = _ignored("lots")
    current = dict(old, **fill)
    after = dict(states[len(before)], **fill)   # the next state, as it would have kept what this notice gives and it left out
    earlier = dict(lot, crawl_id=crawl_id)
    if before:
        # read after notices published before it and after it: as written over the lot's description before it
        previous = states[len(before) - 1]
        keep_omitted("lots", previous, earlier)
        if earlier.get("awarded") is None and previous.get("awarded") is not None and _rectification(db, publication_id):
            earlier.update({c: previous[c] for c in LOT_RESULT if earlier.get(c) is None})
    changes = [(old_state, new_state, sorted(k for k, v in new_state.items() if k not in ignore and old_state.get(k) != v))
               for old_state, new_state in ([(states[len(before) - 1], earlier)] if before else []) + [(earlier, after)]]
    changes = [change for change in changes if change[2]]
    if not changes or before and len(changes) < 2:
        return False   # (between two states, a description the same as either adds no state of its own)
    if fill:
        put_row(db, "lots", dict(current, crawl_id=crawl_id))
    # the version from the state before this notice to the one after it is replaced by this notice's changes
    replaced = db.execute("select valid_from, valid_to from versions where table_name = 'lots' and row_key = ? "
                          "and version = ?", [key, len(before)]).fetchone() if before else None
    if replaced is not None:
        db.execute("delete from versions where table_name = 'lots' and row_key = ? and version = ?", [key, len(before)])
    # the later versions move up (negated first: the key stays unique)
    shift = len(changes) - (1 if replaced is not None else 0)
    if shift:
        db.execute("update versions set version = -version - ? where table_name = 'lots' and row_key = ? "
                   "and version > ?", [shift, key, len(before)])
        db.execute("update versions set version = -version where table_name = 'lots' and row_key = ? and version < 0",
                   [key])
    when = lot.get("fetched_at")
    for number, (old_state, new_state, changed) in enumerate(changes, start=len(before) or 1):
        if old_state is earlier:   # this notice's description -> the next state
            valid = (when, replaced[1] if replaced is not None else max(
                filter(None, [when, new_state.get("fetched_at")]), default=None))
        else:   # the state before this notice -> its description
            valid = (replaced[0] if replaced is not None else old_state.get("fetched_at"), when)
        db["versions"].insert({
            "table_name": "lots", "row_key": key, "version": number,
            "valid_from": valid[0], "valid_to": valid[1],
            "changed_columns": dumps(changed),
            "previous_values": dumps({k: old_state.get(k) for k in changed}),
            "new_values": dumps({k: new_state.get(k) for k in changed}),
            "crawl_id": crawl_id,
        })
    return True


def drop_moved_results(db: sqlite_utils.Database, procurement_id: str) -> int:
    """Remove from procurement ``procurement_id`` the lots and the API's awards (with their winners) of the notices
    that left it for another procedure (TenderNed moved or renumbered them: reference §3, ``kenmerk`` is per
    procedure) and whose ``/html`` has been read again there (their ``notice_results`` row is of the procurement
    they are now in, :meth:`spiders.tenderned.TenderNedSpider.moved`); returns how many rows went. Awards and lots
    are keyed by procurement, so the re-read wrote the notice's under its new one and the former kept its copies:
    one award counted in two procedures, the same winners twice. A notice whose re-read has not succeeded, or gave
    no awards (no lots) where it is now, keeps its rows where they are (nothing lost until their replacement is
    archived); a lot the moved notice was the last to describe stays while a notice still in the procedure describes
    lots of its own (the lot is still that procedure's: it is made again as those notices give it, :func:`_as_left`,
    not left as the moved award's, awarded, with its tenders), and goes where none does (a contract notice whose rendering
    names no lot: the lot, its result and its tenders were the moved award's only). Order-free: called after the crawl, by the derivation (``derive.former_kenmerken``)."""
    if not (db["notices"].exists() and db["notice_results"].exists()):
        return 0
    moved = [row[0] for row in db.execute(
        "select n.publication_id from notices n join notice_results r on r.publication_id = n.publication_id "
        "where n.procurement_id != ? and r.procurement_id = n.procurement_id and (n.publication_id in "
        "(select publication_id from lots where procurement_id = ?)" + (
            " or n.publication_id in (select publication_id from awards where procurement_id = ?))"
            if db["awards"].exists() else ")"),
        [procurement_id, procurement_id] + ([procurement_id] if db["awards"].exists() else [])).fetchall()]
    if not moved:
        return 0
    marks = ", ".join("?" * len(moved))
    dropped = 0
    if db["awards"].exists():
        for (award_id,) in db.execute(
                f"select a.award_id from awards a join notices n on n.publication_id = a.publication_id "
                f"where a.procurement_id = ? and a.source in {API_SOURCES!r} and a.publication_id in ({marks}) "
                # the re-read gave awards where the notice is now (a rendering read as naming none keeps these)
                "and exists (select 1 from awards b where b.publication_id = n.publication_id "
                "and b.procurement_id = n.procurement_id)", [procurement_id, *moved]).fetchall():
            named = _winners(db, award_id)
            sync_rows(db, "award_suppliers", "award_id = ?", [award_id], [])
            delete_row(db, "awards", award_id)
            _unname(db, named, award_id)
            dropped += 1
    left = ("and exists (select 1 from lots b join notices n on n.publication_id = b.publication_id "
            "where b.publication_id = lots.publication_id and b.procurement_id = n.procurement_id)")
    describing = [row[0] for row in db.execute(
        "select n.publication_id from notices n join notice_results r on r.publication_id = n.publication_id "
        "where n.procurement_id = ? and r.lot_count > 0 order by n.published_at, n.publication_id",
        [procurement_id]).fetchall()]
    if not describing:
        dropped += db.execute(f"delete from lots where procurement_id = ? and publication_id in ({marks}) {left}",
                              [procurement_id, *moved]).rowcount
        return dropped
    cursor = db.execute(f"select * from lots where procurement_id = ? and publication_id in ({marks}) {left}",
                        [procurement_id, *moved])
    columns = [d[0] for d in cursor.description]
    for lot in [dict(zip(columns, row)) for row in cursor.fetchall()]:
        put_row(db, "lots", _as_left(db, lot, describing))
        dropped += 1
    return dropped


#: what a lot has from an award notice's section 6 alone (its result and its tenders), not from a contract notice
_AWARD_ONLY = (*LOT_RESULT, "tenders_received", "received_counts")


def _as_left(db: sqlite_utils.Database, lot: dict, describing: list[int]) -> dict:
    """Lot ``lot`` of a procedure as the notices still in it (``describing``, in publication order) give it, now that
    the notice that described it last left for another procedure (:func:`drop_moved_results`): the row as it was when
    one of them wrote it, its later values taken back from ``versions`` (a version of the lot records what each
    change replaced); where the moved notice described it first (the others only filled what it left out), its
    result and tenders go, the lot is the latest remaining notice's. The change is a version of the lot."""
    key = version_key((lot["procurement_id"], lot["lot_id"]))
    restored = dict(lot)
    for (previous,) in db.execute("select previous_values from versions where table_name = 'lots' and row_key = ? "
                                  "order by version desc", [key]).fetchall():
        if restored.get("publication_id") in describing:
            break
        restored.update(json.loads(previous or "{}"))
    if restored.get("publication_id") not in describing:
        restored = dict(lot, **{column: None for column in _AWARD_ONLY}, publication_id=describing[-1])
    record_version(db, "lots", key, lot, restored, None)
    return restored


def _unname(db: sqlite_utils.Database, organisation_ids: list[str], award_id: str) -> None:
    """Winners award ``award_id`` no longer names (the award removed, or re-read without them: the /html's
    awards replacing the notice's PDF's): a provider no record names any more is removed, and one whose
    provenance was that award gets the record that now first names it (``schema.ORGANISATION_FIRST_NAMED``),
    so the archive equals one that never held the award's old winners."""
    from tenderarchive.store.schema import FIRST_NAMED_COLUMNS, FIRST_NAMED_RECORD

    for organisation_id in organisation_ids:
        _forget(db, "organisations", organisation_id)
        db.execute(f"delete from organisations where organisation_id = ? and kind = 'provider' "
                   f"and not exists ({FIRST_NAMED_RECORD})", [organisation_id])
        db.execute(f"update organisations set {FIRST_NAMED_COLUMNS} = ({FIRST_NAMED_RECORD}) "
                   f"where organisation_id = ? and named_in = ?", [organisation_id, f"awards:{award_id}"])


#: an eForms lot id as a notice prints it ("LOT-0001"), its number captured
_EFORMS_LOT_ID = re.compile(r"(?i)lot-(\d{1,9})")


def _lot_numbers(ids) -> set[int]:
    """The numbers of the eForms lot ids among ``ids`` (each id, or each part of a group of lots "LOT-0001, LOT-0002")."""
    return {int(m.group(1)) for i in ids if i for part in str(i).split(",")
            if (m := _EFORMS_LOT_ID.fullmatch(part.strip()))}


def _as_archived_lots(db: sqlite_utils.Database, results: dict) -> dict:
    """``results`` with the lots keyed by the ids their notice printed where the procedure's lots are archived
    so: an earlier notice that numbered them from LOT-0000 kept its ids (names.lot_keys), and this notice (a
    rectification naming only LOT-0001) keys its LOT-0001 as "1": it is that notice's LOT-0001.

    names.lot_keys sees one notice: LOT-0000 alone is lot "1" (a procedure not divided into lots), and so is
    LOT-0001 alone. Where the procedure's notices together print LOT-0000 beside another lot (reference §2.6, WAI's
    470012-shaped notices; §4, several award notices per procedure, a rectification), its lots are numbered from
    LOT-0000 and each is its printed id: the rows an earlier notice archived under "1" are renamed to the id they
    were printed with (:func:`_archived_as_printed`), and this notice's keep theirs. Its two notices giving one lot
    each were one lot "1", the last one's title and result (the other lot gone), in an order-dependent way."""
    renamed = {row["lot_id"]: row["source_lot_id"] for row in (*results["lots"], *(e["award"] for e in results["awards"]))
               if row.get("source_lot_id") and row["source_lot_id"] != row.get("lot_id")}
    procurement_id = next((row["procurement_id"] for row in results["lots"]), None) or next(
        (e["award"]["procurement_id"] for e in results["awards"]), None)
    if procurement_id is None:
        return results
    archived = db.execute(
        f"select lot_id, source_lot_id from lots where procurement_id = ? and source in {API_SOURCES!r} union "
        f"select lot_id, source_lot_id from awards where procurement_id = ? and source in {API_SOURCES!r} "
        "and lot_id is not null", [procurement_id, procurement_id]).fetchall()
    if not archived:
        return results
    printed_here = {row.get("source_lot_id") or row.get("lot_id")
                    for row in (*results["lots"], *(e["award"] for e in results["awards"]))}
    numbers = _lot_numbers([*printed_here, *(source for _, source in archived)])
    if 0 in numbers and len(numbers) > 1:
        if any(lot_id != source and _lot_numbers([source]) for lot_id, source in archived if source):
            _archived_as_printed(db, procurement_id)
    elif not renamed or not any(lot_id in renamed.values() for lot_id, _ in archived):
        return results
    if not renamed:
        return results

    def printed(row: dict) -> dict:
        return dict(row, lot_id=renamed.get(row.get("lot_id"), row.get("lot_id")))
    return dict(results, lots=[printed(lot) for lot in results["lots"]],
                awards=[dict(entry, lot_id=renamed.get(entry["lot_id"], entry["lot_id"]), award=printed(entry["award"]),
                             suppliers=[printed(s) for s in entry["suppliers"]]) for entry in results["awards"]])


def _archived_as_printed(db: sqlite_utils.Database, procurement_id: str) -> None:
    """The API's lots, awards and winners of procedure ``procurement_id`` archived under a key ("1") other than the
    eForms id their notice printed ("LOT-0000") renamed to that id (:func:`_as_archived_lots`); the lot's versions
    follow it. A lot whose printed id is already a row of its own keeps that row (nothing is merged or lost). Which
    award stands is the derivation's ``awards.current``, decided again after the crawl."""
    from tenderarchive.store.schema import _join_versions

    lots = db.execute(f"select lot_id, source_lot_id from lots where procurement_id = ? and source in {API_SOURCES!r} "
                      "and source_lot_id is not null and lot_id != source_lot_id", [procurement_id]).fetchall()
    for lot_id, source in lots:
        if not _lot_numbers([source]) or db.execute("select 1 from lots where procurement_id = ? and lot_id = ?",
                                                    [procurement_id, source]).fetchone():
            continue
        db.execute("update lots set lot_id = ? where procurement_id = ? and lot_id = ?", [source, procurement_id, lot_id])
        _join_versions(db, "lots", version_key((procurement_id, lot_id)), version_key((procurement_id, source)))
    awards = db.execute(f"select award_id, source_lot_id from awards where procurement_id = ? and source in "
                        f"{API_SOURCES!r} and source_lot_id is not null and lot_id is not source_lot_id",
                        [procurement_id]).fetchall()
    for award_id, source in awards:
        if _lot_numbers([source]):
            db.execute("update awards set lot_id = ? where award_id = ?", [source, award_id])
            db.execute("update award_suppliers set lot_id = ? where award_id = ?", [source, award_id])


def write_ocds_procedure(db: sqlite_utils.Database, record: dict, crawl_id) -> str:
    """Archive one procedure from an OCDS package: notices the API has not archived, and its lots,
    awards and winners unless the API's ``/html`` already gave them (the API's values win; the
    differences are kept in ``ocds_differences``)."""
    record = _onto_api_lots(db, _onto_api_procurement(db, record))
    procurement_id = record["procurement_id"]
    stop_tracking(db, "notices")  # its notices are inserted below, not through put_row
    with _item(db):
        changed = new = False
        # a publication another package (another year's file) gave in a release of a later date: that release is the
        # publication's later version, its lots and awards stand (reference §6.1/§6.3, one ocid in several files;
        # OCDS merging, the later release wins), in either order of the files
        superseded, replaced = set(), set()
        for notice in record["notices"]:
            archived = get_row(db, "notices", notice["publication_id"])
            if archived is None:
                db["notices"].insert(dict(notice, crawl_id=crawl_id, first_crawl_id=crawl_id), pk="publication_id",
                                    alter=False)
                changed = new = True
            elif archived.get("form_type") == "ocds" and notice.get("form_type") == "ocds":
                if (notice.get("published_at") or "") < (archived.get("published_at") or ""):
                    superseded.add(str(notice["publication_id"]))
                elif (notice.get("published_at") or "") > (archived.get("published_at") or ""):
                    # this package's release is the later version: the notice is dated and described by it
                    db["notices"].update(notice["publication_id"], dict(notice, crawl_id=crawl_id))
                    replaced.add(notice["publication_id"])
                    changed = True

        def newer(publication_id, than) -> bool:
            """The archived rows of ``publication_id`` are a later version than this package's of ``than``."""
            return _later(db, publication_id, than) or (str(publication_id) == str(than) and str(than) in superseded)
        for party in record.get("parties") or []:
            changed |= upsert_if_changed(db, "ocds_parties", dict(party, crawl_id=crawl_id)) != "unchanged"
        # a lot's awards of another file's publication stored under the key of this package's award of the lot (both
        # named by the same first award id): the earlier publication's goes under the id its other awards give
        record, moved = _apart_from_other_files(db, record, ocid := (record.get("notice") or {}).get("ocid"))
        changed |= moved
        record = _named_by_party(db, record)
        changed |= _name_archived_awards(db, record, crawl_id)
        result = record.get("notice_result")
        if result is not None:
            # the procedure's estimate and counts at notice level, unless the API's /html of the publication was read
            old = get_row(db, "notice_results", result["publication_id"])
            if old is None or old.get("layout") == "ocds" and str(result["publication_id"]) not in superseded:
                changed |= upsert_if_changed(db, "notice_results", dict(
                    result, procurement_id=procurement_id, crawl_id=crawl_id), old=old) != "unchanged"
        has_api = db.execute(f"select count(*) from awards where procurement_id = ? and source in {API_SOURCES!r}",
                             [procurement_id]).fetchone()[0]
        if has_api:
            for difference in compare_with_api(db, record):
                changed |= upsert_if_changed(db, "ocds_differences", {
                    "procurement_id": procurement_id, "difference": difference,
                    "source_file": record["awards"][0]["award"].get("source_file") if record["awards"] else None,
                    "crawl_id": crawl_id}) == "new"
            return "updated" if changed else "unchanged"
        for lot in record["lots"]:
            lot = dict(lot, crawl_id=crawl_id)
            old = get_row(db, "lots", (lot["procurement_id"], lot["lot_id"]))
            if old is not None and old.get("source") in API_SOURCES:
                # the API's notice described this lot (its contract notice: the award is not archived from the
                # API): its values stand, the package gives only what it left out (the lot is one row: the
                # package's "1" is the notice's LOT-0001, names.lot_keys)
                fill = {c: v for c, v in lot.items() if v is not None and old.get(c) is None
                        and c in TABLES["lots"]["columns"] and c not in PROVENANCE}
                if fill:
                    changed |= upsert_if_changed(db, "lots", dict(old, **fill, crawl_id=crawl_id), old=old) != "unchanged"
                continue
            if old is not None and old.get("source") == "tenderned_ocds" \
                    and record["notices"] and all(newer(old["publication_id"], n["publication_id"]) for n in record["notices"]):
                # another package (a later year's file: one ocid in two files) described the lot in a publication
                # after every one of this package's: its title, estimate and status stand, as its awards do
                # (below); read in the other order, the older file's lot replaced the newer's
                fill = {c: v for c, v in lot.items() if v is not None and old.get(c) is None
                        and c in TABLES["lots"]["columns"] and c not in PROVENANCE}
                if fill:
                    changed |= upsert_if_changed(db, "lots", dict(old, **fill, crawl_id=crawl_id), old=old) != "unchanged"
                continue
            if lot.get("awarded") is None:
                # a package that does not say whether the lot was awarded (its tender release; the award is
                # in another package) leaves what another package said
                lot["awarded"] = old["awarded"] if old is not None else None
            if old is not None and old.get("source") == "tenderned_ocds":
                # another package (an earlier year's file: one ocid in two files) described the lot: what this one
                # leaves out (an award update naming the lot without its title or estimate) is as that package gave it
                # (OCDS merging), no omission of a source; marked omitted, the lot row depended on the read order
                lot.update({c: old[c] for c in TABLES["lots"]["keep_omitted"]
                            if c in lot and lot[c] is None and old.get(c) is not None})
            changed |= upsert_if_changed(db, "lots", lot) != "unchanged"
        written = set()
        for entry in record["awards"]:
            award = entry["award"]
            old = get_row(db, "awards", award["award_id"])
            other = old is not None and old["source_file"] != award.get("source_file")
            repeats, repeated = (_repeats_award(db, award["publication_id"]),
                                 _repeats_award(db, old["publication_id"]) if old is not None else False)
            if other and (repeats and not repeated
                          or repeats == repeated and newer(old["publication_id"], award["publication_id"])):
                # another package gave this award in a later publication (a correction): it stands; so does one an
                # award notice of another package gave where this package repeats it in a correction of the contract
                # notice (tag tenderUpdate or tenderAmendment, a release giving the whole state, of a later year's
                # file): that repeat is no award, its day no award date, in either order of the files; where that
                # correction names no supplier (its new value alone, OCDS merging: what a release leaves out is as
                # the earlier releases gave it), its winner is the one this package names
                if entry["suppliers"] and not old.get("winner_count") and not _winners(db, award["award_id"]):
                    changed |= _write_award(db, {"award": dict(old, winner_count=len(entry["suppliers"])),
                                                 "suppliers": entry["suppliers"]}, crawl_id)
                elif (kept := _with_earlier_currency(old, award)) is not old:
                    changed |= upsert_if_changed(db, "awards", dict(kept, crawl_id=crawl_id), old=old) != "unchanged"
                continue
            if old is None and str(award["publication_id"]) in superseded:
                # an award the earlier version of the publication gave and its later version (another file's) no longer
                # gives: withdrawn, not archived (read in the other order, the later version's file removes it, below)
                continue
            if other:
                entry = dict(entry, award=_with_earlier_currency(award, old))
                award = entry["award"]
                if _excl_vat_kept(old, award, superseded, replaced):
                    # the same publication, as dated, in another file exclusive of VAT (hasTax false) and here
                    # inclusive of it: the archive's values are exclusive of VAT, as one file giving both keeps
                    # (ocds.to_procedure), in either order of the files; the file read last won
                    award = dict(award, **{f"value_{part}": old.get(f"value_{part}") for part in _AMOUNT_PARTS},
                                 value_has_tax=old.get("value_has_tax"))
                    entry = dict(entry, award=award)
            if other and not entry["suppliers"]:
                # ... and read the other way round: this package's later correction naming no supplier keeps the
                # winner the other package's award named (it replaced the award's row, and its winner with it)
                kept = [{k: v for k, v in s.items() if k != "award_id"} for s in db.query(
                    "select * from award_suppliers where award_id = ? order by rowid", [award["award_id"]])]
                if kept:
                    entry = dict(entry, award=dict(award, winner_count=old.get("winner_count") or len(kept)),
                                 suppliers=kept)
            # an update of one award of a lot (tag awardUpdate) holds the lot's other awards in force as another
            # file's earlier publications left them (OCDS merges awards by id), as one file holding both gives it
            entry = _with_awards_in_force(db, ocid, entry)
            changed |= _write_award(db, entry, crawl_id)
            written.add(award["award_id"])
        # ... and read the other way round: another file's update of an award this package gave holds this package's
        # other awards of the lot
        changed |= _hold_in_other_files(db, record, ocid, crawl_id)
        # this package's awards of the procedure are exactly what it says now: an award it no longer gives
        # (or gave under another id: per-winner rows now one award per lot) goes; other packages' stay.
        # Not when a release of the procedure was skipped as malformed (``partial``): a partial read never
        # deletes archived rows.
        if record.get("partial"):
            return "new" if new else ("updated" if changed else "unchanged")
        source_file = record["awards"][0]["award"].get("source_file") if record["awards"] else record.get("source_file")
        for publication_id in sorted(replaced):
            # this package's release is a later version of a publication another file gave: that file's awards of the
            # publication which this version no longer gives are withdrawn (reference §4 "Rectified award")
            for (award_id,) in db.execute(
                    "select award_id from awards where procurement_id = ? and source = 'tenderned_ocds' "
                    "and publication_id = ? and source_file is not ?", [procurement_id, publication_id, source_file]).fetchall():
                if award_id not in written:
                    changed |= sync_rows(db, "award_suppliers", "award_id = ?", [award_id], [])
                    delete_row(db, "awards", award_id)
                    changed = True
        for (award_id,) in db.execute(
                "select award_id from awards where procurement_id = ? and source = 'tenderned_ocds' "
                "and source_file is ?", [procurement_id, source_file]).fetchall():
            if award_id not in written:
                changed |= sync_rows(db, "award_suppliers", "award_id = ?", [award_id], [])
                delete_row(db, "awards", award_id)
                changed = True
    return "new" if new else ("updated" if changed else "unchanged")


#: the notice type of an OCDS publication that only updates awards (tag awardUpdate; pipelines.awards.ocds_record)
OCDS_AWARD_UPDATE = "Rectificatie gunning (OCDS-dataset)"

_AMOUNT_PARTS = ("cents", "raw", "currency", "placeholder")


def _stated_tax(value: dict) -> int | None:
    """The VAT basis an OCDS value's text states: 1 where the package's hasTax was true (its raw ends "incl. btw", as
    awards.ocds writes it); None otherwise (hasTax false or left out is not told by the text alone)."""
    raw = value.get("raw") if isinstance(value, dict) else None
    return 1 if isinstance(raw, str) and raw.endswith(_OCDS_WITH_TAX) else None


def _ocds_award_id(award: dict) -> str | None:
    """The package's own id of an OCDS award row (``TN313996/ocds/a2/1``: ``a2``; rows.ocds_results)."""
    prefix, award_id = f"{award.get('procurement_id')}/ocds/", str(award.get("award_id") or "")
    if not award_id.startswith(prefix):
        return None
    award_id = award_id[len(prefix):]
    suffix = f"/{award.get('source_lot_id')}"
    if award.get("lot_id") is not None and award.get("source_lot_id") is not None and award_id.endswith(suffix):
        award_id = award_id[:-len(suffix)]
    return award_id or None


def _ocds_ids_of_winners(db: sqlite_utils.Database, ocid: str, source_file, winners: list[dict]) -> list[str]:
    """The award ids file ``source_file`` gives the ``winners`` of one of its awards under (``ocds_parties.award_ids``,
    each winner matched by KvK number or folded name), in the winners' order, each id once."""
    from tenderarchive.awards.names import name_key as name_key_of

    parties = []
    for name, kvk, award_ids in db.execute("select name, kvk, award_ids from ocds_parties where ocid = ? "
                                           "and source_file is ?", [ocid, source_file]):
        try:
            ids = sorted({str(i) for i in json.loads(award_ids or "[]")})
        except (TypeError, ValueError):
            continue
        parties.append((kvk, name_key_of(name) if name else None, ids))
    out: list[str] = []
    for winner in winners:
        for kvk, key, ids in parties:
            if (kvk and kvk == winner.get("kvk")) or (key and key == winner.get("name_key")):
                out += [i for i in ids if i not in out]
    return out


def _apart_from_other_files(db: sqlite_utils.Database, record: dict, ocid: str | None) -> tuple[dict, bool]:
    """``record`` with its awards kept apart from another file's award archived under the same key, and True where an
    archived award was moved. A lot's awards of one publication are one row named by its first award id
    (``ocds.to_procedure``): the 2021 file awards lot 1 to Een (a1) and Twee (a2), row ``…/ocds/a1/1``; the 2022 file's
    update of a1 (tag awardUpdate) is a row ``…/ocds/a1/1`` too. One file names the earlier publication's row by the
    first of its award ids the later publication does not give again (a2: its award the update left in force); two
    files stored both publications' awards under one key, the later file's read last winning (a stale value beside
    the new one, or a winner lost). Of two such rows of different publications, the earlier one's goes under that id
    (this package's entry, or the archived row, its winners and history moved), in either order of the files; where
    the later publication gives every award id of the earlier one again (a correction of the whole award) they stay
    one row, as before."""
    if not ocid or db.execute(f"select 1 from awards where procurement_id = ? and source in {API_SOURCES!r} limit 1",
                              [record["procurement_id"]]).fetchone():
        return record, False  # (the API's awards stand: the package's are not written, none is moved)
    moved, awards = False, []
    for entry in record["awards"]:
        award = entry["award"]
        old = get_row(db, "awards", award["award_id"])
        own = _ocds_award_id(award)
        if old is None or own is None or old.get("source") != "tenderned_ocds" or award.get("lot_id") is None \
                or old.get("source_file") == award.get("source_file") or old.get("lot_id") != award.get("lot_id") \
                or str(old.get("publication_id")) == str(award.get("publication_id")) \
                or _repeats_award(db, award["publication_id"]) or _repeats_award(db, old["publication_id"]):
            awards.append(entry)
            continue
        archived = [{k: v for k, v in w.items() if k != "award_id"}
                    for w in db.query("select * from award_suppliers where award_id = ? order by rowid",
                                      [award["award_id"]])]

        def ids(row: dict, winners: list[dict]) -> list[str]:
            """The award ids a row holds: as stored, else (a row archived before they were) its winners' ids."""
            try:
                given = [str(i) for i in json.loads(row.get("ocds_award_ids") or "null") or []]
            except (TypeError, ValueError):
                given = []
            return given or [own] + [i for i in _ocds_ids_of_winners(db, ocid, row.get("source_file"), winners)
                                     if i != own]

        def own_ids(row: dict, winners: list[dict]) -> list[str]:
            """The award ids a later row's own package gives it: :func:`ids` without those of the winners another
            file's award holds in force beside its update (:func:`_with_awards_in_force`: a2 beside the update's a1,
            listed as one file lists them), which are the earlier publication's to keep apart."""
            given = ids(row, winners)
            try:
                values = json.loads(row.get("ocds_award_values") or "null")
            except (TypeError, ValueError):
                values = None
            known = {_ocds_award_id(row), *(values if isinstance(values, dict) else ()),
                     *_ocds_ids_of_winners(db, ocid, row.get("source_file"), winners)}
            return [i for i in given if i in known] or given
        if _later(db, award["publication_id"], old["publication_id"]):
            earlier, earlier_ids, later_ids = archived, ids(old, archived), own_ids(award, entry["suppliers"])
        elif _later(db, old["publication_id"], award["publication_id"]):
            earlier, earlier_ids, later_ids = entry["suppliers"], ids(award, entry["suppliers"]), own_ids(old, archived)
        else:
            awards.append(entry)
            continue
        others = [i for i in earlier_ids if i not in later_ids]
        source_lot = award.get("source_lot_id")
        new_id = (f"{award['procurement_id']}/ocds/{others[0]}" + (f"/{source_lot}" if source_lot is not None else "")
                  if others else None)
        there = get_row(db, "awards", new_id) if new_id is not None else None
        if earlier is entry["suppliers"]:
            # this package's award is the earlier publication's: under that id from the start (where no other file's
            # award holds it; this file's, read before, is this award)
            if new_id is not None and (there is None or there.get("source_file") == award.get("source_file")):
                entry = dict(entry, award=dict(award, award_id=new_id))
            awards.append(entry)
            continue
        awards.append(entry)
        if new_id is None or there is not None:
            continue  # (a correction of the whole award, or an id another award holds: one row, as before)
        db.execute("update awards set award_id = ?, current = null where award_id = ?", [new_id, award["award_id"]])
        db.execute("update award_suppliers set award_id = ? where award_id = ?", [new_id, award["award_id"]])
        from tenderarchive.store.schema import _join_versions
        _join_versions(db, "awards", version_key(award["award_id"]), version_key(new_id))
        tracked = getattr(db, "_tenderarchive_new_keys", None)
        if tracked and "awards" in tracked and (key := _tracked_key(new_id)) is not None:
            tracked["awards"].add(key)  # (the row is there now under this key)
        moved = True
    return dict(record, awards=awards), moved


def _winners_of_award_ids(db: sqlite_utils.Database, ocid: str | None, award: dict) -> list[dict] | None:
    """The winners of ``award`` (an OCDS award of a lot whose package gives several award ids each a value and no
    supplier: ``awards.ocds_award_values``, a later file's update of every award of the lot, its amounts alone) as the
    other files' parties of each id name them (``ocds_parties.award_ids``, the latest file's party of each id), each
    with its id's value (OCDS merging: the suppliers it leaves out are as the earlier releases gave them); None where
    it gives no such values or an id has no party to name its winner (then as before)."""
    from tenderarchive.awards.names import name_key as name_key_of
    from tenderarchive.awards.rows import winner_row  # the rows module imports the store's schema

    try:
        values = json.loads(award.get("ocds_award_values") or "null")
    except (TypeError, ValueError):
        return None
    if not ocid or not isinstance(values, dict) or len(values) < 2:
        return None
    columns = [c[0] for c in db.execute("select * from ocds_parties limit 0").description]
    by_id: dict[str, list[dict]] = {}
    for award_id in values:
        found: dict = {}
        for row in db.execute(
                "select * from ocds_parties where ocid = ? and source_file is not ? and name is not null "
                "and exists (select 1 from json_each(award_ids) where value = ?) order by source_file, release_id",
                [ocid, award.get("source_file"), str(award_id)]):
            party = dict(zip(columns, row))
            found[party["party_id"]] = party  # the latest file's party of each id
        if not found:
            return None
        by_id[str(award_id)] = list(found.values())
    amounts = [{part: (values[award_id] or {}).get(part) for part in _AMOUNT_PARTS} for award_id in by_id]
    shared = len({tuple(a.items()) for a in amounts}) == 1
    winners: list[dict] = []
    for (award_id, parties), value in zip(by_id.items(), amounts):
        for party in parties:
            winner = winner_row({
                "lot_id": award.get("lot_id"), "name": party["name"], "name_key": name_key_of(party["name"]),
                "kvk": party["kvk"], "place": party["place"], "country": party["country"], "scale": party["scale"],
                "postcode": party.get("postcode"), "street": party.get("street"),
                "group_member": 1 if len(parties) > 1 else 0,
                "group_name": " / ".join(p["name"] for p in parties) if len(parties) > 1 else None,
                "award_date": award.get("award_date"),
                # (a consortium's value on each member's row, marked joint, as one file gives it)
                **{f"tender_value_{part}": None if shared else value[part] for part in _AMOUNT_PARTS},
                "tender_value_of_group": 1 if not shared and len(parties) > 1 and value.get("raw") is not None else None,
                # (hasTax true said in its text, as the package's reader writes it: award_suppliers.tender_value_has_tax)
                "tender_value_has_tax": None if shared else _stated_tax(value),
                "party_source": f"party {party['party_id']} of {party['source_file']}, release {party['release_id']} "
                                f"(award {award_id})"}, award["procurement_id"])
            if winner is not None and winner["organisation_id"] not in {w["organisation_id"] for w in winners}:
                winners.append(winner)
    return winners or None


def _with_awards_in_force(db: sqlite_utils.Database, ocid: str | None, entry: dict) -> dict:
    """``entry`` (an OCDS award of one lot, of a publication that only updates awards: tag awardUpdate) holding the
    lot's other awards in force as the earlier publications of other files left them. OCDS merges awards by their
    ``id``: the 2021 file awards lot 1 to Een (a1, € 1.000.000) and Twee (a2), the 2022 file's update gives a2 alone
    (€ 500.000); a1 stays in force. Within one file ``ocds.to_procedure`` gives the update's award both winners; across
    two files the update's award held Twee alone and put Een out of currency. Each earlier winner is mapped to its
    OCDS award ids through ``ocds_parties.award_ids`` (the earlier file's award of the lot is one row of both winners,
    named by its first id); a winner of an award id the update does not give is added, with its own value, unless it
    is a winner of the update already. An update giving the lot under an award id no earlier publication gave (another
    winner) replaces the lot's winners, as before. ``entry`` itself where nothing is added."""
    from tenderarchive.awards.names import name_key as name_key_of

    award = entry["award"]
    own_id, lot_id = _ocds_award_id(award), award.get("lot_id")
    if not ocid or own_id is None or lot_id is None or not entry["suppliers"]:
        return entry
    row = db.execute("select notice_type_label from notices where publication_id = ?",
                     [award["publication_id"]]).fetchone()
    if not row or row[0] != OCDS_AWARD_UPDATE:
        return entry
    ids_of: dict[tuple, set] = {}  # a party (by KvK number, by folded name) -> the ocid's award ids naming it
    for name, kvk, award_ids in db.execute("select name, kvk, award_ids from ocds_parties where ocid = ?", [ocid]):
        try:
            ids = {str(i) for i in json.loads(award_ids or "[]")}
        except (TypeError, ValueError):
            continue
        for key in (("kvk", kvk), ("name", name_key_of(name) if name else None)):
            if key[1]:
                ids_of.setdefault(key, set()).update(ids)

    def ids_of_winner(winner: dict, fallback) -> set:
        return set().union(*(ids_of.get(key, set()) for key in (("kvk", winner.get("kvk")),
                                                                 ("name", winner.get("name_key"))) if key[1])) \
            or {fallback}

    def amount(prefix: str, row: dict) -> dict:
        return {part: row.get(f"{prefix}_{part}") for part in _AMOUNT_PARTS}

    def published(row: dict) -> tuple:
        return (row.get("published_at") or "", int(row["publication_id"] or 0))
    this = db.execute("select published_at from notices where publication_id = ?", [award["publication_id"]]).fetchone()
    this_key = ((this[0] if this else None) or "", int(award["publication_id"] or 0))
    earlier = [r for r in db.query(
        "select a.*, n.published_at from awards a left join notices n on n.publication_id = a.publication_id "
        "where a.procurement_id = ? and a.source = 'tenderned_ocds' and a.lot_id = ? and a.award_id != ?",
        [award["procurement_id"], lot_id, award["award_id"]]) if published(r) < this_key]
    # each award id as the last earlier publication giving it left it: its winners, each with its own value
    in_force: dict[str, list[tuple[dict, dict, dict]]] = {}
    for row in sorted(earlier, key=published):
        given: dict[str, list] = {}
        for winner in db.query("select * from award_suppliers where award_id = ? order by rowid", [row["award_id"]]):
            value = amount("tender_value", winner) if winner.get("tender_value_raw") is not None \
                else amount("value", row)
            for award_id in ids_of_winner(winner, _ocds_award_id(row)):
                given.setdefault(award_id, []).append((winner, value, row))
        in_force.update(given)
    if own_id not in in_force:
        return entry  # no update of an award given before: an award of its own, the lot's earlier winners replaced
    try:
        own_ids = [str(i) for i in json.loads(award.get("ocds_award_ids") or "null") or []] or [own_id]
        values_of = json.loads(award.get("ocds_award_values") or "null") or {}
    except (TypeError, ValueError):
        own_ids, values_of = [own_id], {}
    values_of = values_of if isinstance(values_of, dict) else {}
    own = list(entry["suppliers"])
    have = {w.get(k) for w in own for k in ("kvk", "name_key")} - {None}
    held, held_ids = [], []
    # the update's award ids naming no supplier here beside an id with its winner (a1's new amount alone beside a new
    # award a3): each id's winners as the earlier publication giving the id left them, with the id's new value (OCDS
    # merging: the suppliers it leaves out are as the earlier releases gave them), as one file gives it
    for award_id in own_ids:
        if not isinstance(values_of.get(award_id), dict):
            continue
        for winner, _, row in in_force.get(award_id, []):
            keys = {winner.get("kvk"), winner.get("name_key")} - {None}
            if keys and not keys & have and row.get("source_file") != award.get("source_file"):
                have |= keys
                held.append((winner, {part: values_of[award_id].get(part) for part in _AMOUNT_PARTS}, row))
                held_ids.append(award_id)
    # an update giving the lot under an award id no earlier publication gave beside those it updates (a3, another
    # winner) gives the lot anew, as one file gives it (``ocds.to_procedure``): its other awards are not held
    for award_id, winners in ({} if any(i not in in_force for i in own_ids) else in_force).items():
        if award_id == own_id:
            continue
        for winner, value, row in winners:
            keys = {winner.get("kvk"), winner.get("name_key")} - {None}
            # (the same file's earlier publications: ``ocds.to_procedure`` decided those)
            if not keys or keys & have or own_id in ids_of_winner(winner, _ocds_award_id(row)) \
                    or row.get("source_file") == award.get("source_file"):
                continue
            have |= keys
            held.append((winner, value, row))
            held_ids.append(award_id)

    def value_source(winner: dict) -> str | None:
        """Where a winner of the update's award takes its value from where it has none of its own: the one supplier-less
        id of the update it won (another file's party naming it; a1's € 900.000), else the award ("")."""
        if winner.get("tender_value_raw") is not None:
            return None
        ids = [i for i in ids_of_winner(winner, None) if isinstance(values_of.get(i), dict)]
        return ids[0] if len(ids) == 1 else ""

    def own_value(winner: dict) -> dict:
        """A winner of the update's award: its own value, else that of its :func:`value_source`."""
        source = value_source(winner)
        if source is None:
            return amount("tender_value", winner)
        return {part: values_of[source].get(part) for part in _AMOUNT_PARTS} if source else amount("value", award)
    # several winners taking one value (the update's award, or one id of it, of a consortium: the members another file
    # named, the update giving the award's new amount alone): the group's joint value, as one file gives it
    sources = [value_source(w) for w in own]
    joint = {source for source in sources if source is not None and sources.count(source) > 1}
    if not held and not any(own_value(w) != amount("value", award) for w in own if w.get("tender_value_raw") is None):
        return entry
    values = [own_value(w) for w in own] + [value for _, value, _ in held]

    def value_key(value: dict) -> tuple:
        raw = value.get("raw")
        return value.get("cents"), value.get("currency"), raw is None, str(raw or "").endswith(_OCDS_WITH_TAX)
    # (one value for the award only where every id of the update gives it: a3's own € 200.000, its winner not named,
    # is no € 900.000, as one file reads the lot's values)
    shared = len({value_key(v) for v in values} | {
        value_key({part: v.get(part) for part in _AMOUNT_PARTS}) for v in values_of.values() if isinstance(v, dict)}) == 1
    suppliers = []
    for position, (winner, value) in enumerate(zip(own + [w for w, _, _ in held], values)):
        winner = {k: v for k, v in winner.items() if k not in ("award_id", "published_at")}
        of_group = 1 if position < len(own) and sources[position] in joint and value.get("raw") is not None \
            else winner.get("tender_value_of_group")
        # its VAT basis with the value it takes (award_suppliers.tender_value_has_tax): its own value's as stored, the
        # award's where it takes the award's, else as the value's text says it (hasTax true: "… incl. btw")
        own_tax = winner.get("tender_value_has_tax") if value == amount("tender_value", winner) else \
            award.get("value_has_tax") if value == amount("value", award) else _stated_tax(value)
        winner.update(lot_id=lot_id, **{f"tender_value_{part}": None if shared else value[part]
                                        for part in _AMOUNT_PARTS},
                      tender_value_of_group=None if shared else of_group,
                      tender_value_has_tax=None if shared or value.get("raw") is None else own_tax)
        suppliers.append(winner)
    for winner in suppliers[:len(own)]:
        # (a winner another file's party named has no date of its own: the award's, as one file gives it)
        winner["award_date"] = winner.get("award_date") or award.get("award_date")
    for winner, (_, _, row) in zip(suppliers[len(own):], held):
        if winner.get("award_date") == (row.get("published_at") or "")[:10]:
            # (a date the earlier award took from its publication, not an award date of its own: the update's)
            winner["award_date"] = award.get("award_date")
    value = values[0] if shared else dict.fromkeys(_AMOUNT_PARTS)
    # the award ids the row holds: its own and those of the winners held in force (a1 beside the update's a2), sorted,
    # as one file holding both gives them (``rows.ocds_results``); the update's own ids alone were kept (["a2"])
    award = dict(award, winner_count=max(award.get("winner_count") or 0, len(own)) + len(held),
                 ocds_award_ids=json.dumps(sorted(dict.fromkeys([*own_ids, *held_ids]))),
                 **{f"value_{part}": value[part] for part in _AMOUNT_PARTS},
                 **({} if shared else {"value_has_tax": None}))
    return dict(entry, award=award, suppliers=suppliers)


def _hold_in_other_files(db: sqlite_utils.Database, record: dict, ocid: str | None, crawl_id) -> bool:
    """Another file's awards of the procedure updating an award (tag awardUpdate) given the lot's other awards in force
    this package's earlier publications give (:func:`_with_awards_in_force`, the files read in the other order);
    True if any was."""
    if not ocid:
        return False
    source_file = record["awards"][0]["award"].get("source_file") if record["awards"] else record.get("source_file")
    changed = False
    for award in list(db.query(
            "select a.* from awards a join notices n on n.publication_id = a.publication_id "
            "where a.procurement_id = ? and a.source = 'tenderned_ocds' and a.source_file is not ? "
            "and n.notice_type_label = ? order by a.award_id",
            [record["procurement_id"], source_file, OCDS_AWARD_UPDATE])):
        entry = {"award": award, "suppliers": [
            {k: v for k, v in s.items() if k != "award_id"}
            for s in db.query("select * from award_suppliers where award_id = ? order by rowid", [award["award_id"]])]}
        if (held := _with_awards_in_force(db, ocid, entry)) is not entry:
            changed |= _write_award(db, held, crawl_id)
    return changed


def _excl_vat_kept(old: dict, award: dict, superseded: set, replaced: set) -> bool:
    """True when ``award`` (a package's award of a publication another file's ``old`` gave) is that publication's same
    version (neither file's release of it later: ``superseded``/``replaced`` empty of it) valued inclusive of VAT
    (``"hasTax": true``, "… incl. btw") where ``old`` gives its value exclusive of it."""
    publication_id = award.get("publication_id")
    if publication_id is None or str(publication_id) != str(old.get("publication_id")) \
            or str(publication_id) in superseded or publication_id in replaced \
            or str(publication_id) in {str(p) for p in replaced}:
        return False
    return old.get("value_raw") is not None and award.get("value_raw") is not None \
        and str(award["value_raw"]).endswith(_OCDS_WITH_TAX) and not str(old["value_raw"]).endswith(_OCDS_WITH_TAX) \
        and (award.get("value_currency") or "EUR") == (old.get("value_currency") or "EUR")


def _with_earlier_currency(award: dict, earlier: dict) -> dict:
    """``award`` (another package's later award of the id) with the currency of ``earlier``'s value where its own value
    names none: the later file's update of the value's amount alone (``{"amount": 950000}``, OCDS merging: what a
    release leaves out is as the earlier releases gave it) keeps the earlier file's currency, read in either order of
    the files; it was taken for the euro, 950.000 pounds counted as euros. So does its VAT basis where the update
    leaves ``hasTax`` out (``value_has_tax`` NULL; also an update naming its currency): the earlier value's
    ``"hasTax": true`` ("1000000 incl. btw", ``ocds._amount``), as one file merging both releases keeps it; an update
    stating ``"hasTax": false`` keeps its own. ``award`` itself where nothing is filled."""
    if award.get("value_raw") is None or earlier is None or earlier.get("value_raw") is None:
        return award
    kept = {}
    if award.get("value_currency") is None and earlier.get("value_currency") is not None:
        currency = earlier["value_currency"]
        kept.update(value_currency=currency, value_cents=award.get("value_cents") if currency == "EUR" else None)
    if str(earlier["value_raw"]).endswith(_OCDS_WITH_TAX) and not str(award["value_raw"]).endswith(_OCDS_WITH_TAX) \
            and award.get("value_has_tax") is None:
        kept.update(value_raw=f"{award['value_raw']}{_OCDS_WITH_TAX}", value_has_tax=1)
    return dict(award, **kept) if kept else award


#: what ``ocds._amount`` writes after an amount whose ``Value`` says ``"hasTax": true``
_OCDS_WITH_TAX = " incl. btw"


def id_alone(party_id) -> str:
    """``award_suppliers.party_source`` of an OCDS winner named by its id alone, no file's party of it archived (its
    name the id, ``rows.name_of_supplier_id``): a file read later whose party has that id names it
    (:func:`_name_archived_awards`), as reading that file first does."""
    return f"id {party_id} alone (no party of it)"


def _named_by_party(db: sqlite_utils.Database, record: dict) -> dict:
    """``record`` with each winner its package names by id alone (``by_id``: the award's ``suppliers[]`` gives the id,
    the package's ``parties[]`` nothing of it) named by the party of that id another package of the ocid gave
    (``ocds_parties``, the latest file's): its name, KvK number, place, country and scale, and as evidence which
    file and release (``party_source``). The spider reads one crawl's packages only (its window, ``from_date``):
    the earlier file's party is in the archive, not in the crawl, and the winner was archived as a bare KvK number
    or, of another id, not at all. A winner no kept party names stays as its package gives it."""
    from tenderarchive.awards.names import name_key as name_key_of
    from tenderarchive.awards.rows import name_of_supplier_id, winner_row  # (rows imports the store's schema)

    ocid = (record.get("notice") or {}).get("ocid")
    if not ocid:
        return record
    columns = [c[0] for c in db.execute("select * from ocds_parties limit 0").description]
    awards = []
    for entry in record["awards"]:
        suppliers = list(entry["suppliers"])
        archived = get_row(db, "awards", entry["award"]["award_id"]) if not suppliers else None
        if not suppliers and not entry.get("by_id") and (
                named := _winners_of_award_ids(db, ocid, dict(entry["award"], procurement_id=record["procurement_id"]))):
            # several award ids of the lot, each its new value and no supplier (a later file's update of every award
            # of the lot): each id's winner as the other files named it, with that id's value (not the archived
            # award's winners and values, nor the first id's winner alone)
            suppliers = named
            entry = dict(entry, award=dict(entry["award"], winner_count=len(named)))
        elif not suppliers and not entry.get("by_id") and entry.get("source_award_id") is not None and not (
                archived is not None and archived.get("source_file") != entry["award"].get("source_file")
                and _winners(db, entry["award"]["award_id"])):
            # (not where another file's award of the id is archived with its winners: they stand, below)
            # an award in force naming no supplier (a later file's release making an earlier file's pending award
            # active, its status and value alone), the earlier file read by an earlier crawl: its winners are the
            # parties that file's award of the id named, as read_package gives them within one crawl (``carried``)
            found = {}
            for row in db.execute(
                    "select * from ocds_parties where ocid = ? and source_file is not ? and name is not null "
                    "and exists (select 1 from json_each(award_ids) where value = ?) "
                    "order by source_file, release_id", [ocid, entry["award"].get("source_file"),
                                                         str(entry["source_award_id"])]):
                party = dict(zip(columns, row))
                found[party["party_id"]] = party  # the latest file's party of each id
            for party in found.values():
                winner = winner_row({"lot_id": entry["lot_id"], "name": party["name"],
                                     "name_key": name_key_of(party["name"]), "kvk": party["kvk"],
                                     "place": party["place"], "country": party["country"], "scale": party["scale"],
                                     "postcode": party.get("postcode"), "street": party.get("street"),
                                     "group_member": 1 if len(found) > 1 else 0,
                                     "group_name": " / ".join(p["name"] for p in found.values()) if len(found) > 1
                                     else None,
                                     "party_source": f"party {party['party_id']} of {party['source_file']}, release "
                                                     f"{party['release_id']} (award {entry['source_award_id']})"},
                                    record["procurement_id"])
                if winner is not None:
                    suppliers.append(winner)
            if suppliers:
                entry = dict(entry, award=dict(entry["award"], winner_count=len(suppliers)))
        for supplier in entry.get("by_id") or []:
            party = db.execute(
                "select * from ocds_parties where ocid = ? and party_id = ? and source_file is not ? "
                "and name is not null order by source_file desc, release_id desc limit 1",
                [ocid, supplier["party_id"], entry["award"].get("source_file")]).fetchone()
            if party is None and name_of_supplier_id(supplier["party_id"]):
                # no file names its party: its id is its name (the converter's id of a supplier without a KvK number,
                # reference §6.3); it was left out, its value with it, while its award counted it among its winners
                name = name_of_supplier_id(supplier["party_id"])
                supplier = dict(supplier, name=name, name_key=name_key_of(name),
                                party_source=id_alone(supplier["party_id"]))
            if party is not None:
                party = dict(zip(columns, party))
                supplier = dict(supplier, name=party["name"], name_key=name_key_of(party["name"]),
                                kvk=supplier.get("kvk") or party["kvk"], place=supplier.get("place") or party["place"],
                                country=supplier.get("country") or party["country"],
                                postcode=supplier.get("postcode") or party.get("postcode"),
                                street=supplier.get("street") or party.get("street"),
                                scale=supplier.get("scale") or party["scale"],
                                party_source=f"party {party['party_id']} of {party['source_file']}, "
                                             f"release {party['release_id']}")
            if (winner := winner_row(supplier, record["procurement_id"])) is not None:
                suppliers.append(winner)
        awards.append(dict(entry, suppliers=suppliers))
    return dict(record, awards=awards)


def _name_archived_awards(db: sqlite_utils.Database, record: dict, crawl_id) -> bool:
    """Read the other way round (the later file first, an earlier file read later): another file's award archived in
    force without a winner is given the winners this package's award of its id named (a pending award, dropped from
    this package's awards), as :func:`_named_by_party` gives them; True if any was. So is one archived with fewer
    winners than its award counts (``winner_count``): a co-winner the later file named by an id that is no KvK number
    (a Belgian company's) had no row to name, so only its Dutch co-winner was kept, by its KvK number; the winners
    it has keep their rows where no party of this package is them."""
    from tenderarchive.awards.names import name_key as name_key_of
    from tenderarchive.awards.rows import winner_row

    by_award: dict[str, list[dict]] = {}
    for party in record.get("parties") or []:
        if party.get("name"):
            for award_id in json.loads(party.get("award_ids") or "[]"):
                by_award.setdefault(award_id, []).append(party)
    changed = False
    ocid = (record.get("notice") or {}).get("ocid")
    for row in list(db.query(
            "select * from awards where procurement_id = ? and source = 'tenderned_ocds' and source_file is not ? "
            "and ocds_award_values is not null "
            "and not exists (select 1 from award_suppliers s where s.award_id = awards.award_id)",
            [record["procurement_id"], record.get("source_file")])):
        # another file's update of several award ids of a lot, each its value alone, archived before this file named
        # their winners: each id's winner with its own value (:func:`_winners_of_award_ids`, as read in the other order)
        if winners := _winners_of_award_ids(db, ocid, row):
            changed |= _write_award(db, {"award": dict(row, winner_count=len(winners)), "suppliers": winners}, crawl_id)
    prefix = f"{record['procurement_id']}/ocds/"
    for award_id, parties in by_award.items():
        like = (prefix + award_id).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%"
        for row in list(db.query(
                "select * from awards where procurement_id = ? and source = 'tenderned_ocds' and source_file is not ? "
                "and (award_id = ? or award_id like ? escape '\\') "
                "and (select count(*) from award_suppliers s where s.award_id = awards.award_id) "
                "< max(coalesce(winner_count, 0), 1)",
                [record["procurement_id"], record.get("source_file"), prefix + award_id, like])):
            winners = [w for party in parties if (w := winner_row({
                "lot_id": row["lot_id"], "name": party["name"], "name_key": name_key_of(party["name"]),
                "kvk": party.get("kvk"), "place": party.get("place"), "country": party.get("country"),
                "postcode": party.get("postcode"), "street": party.get("street"),
                "scale": party.get("scale"), "group_member": 1 if len(parties) > 1 else 0,
                "group_name": " / ".join(p["name"] for p in parties) if len(parties) > 1 else None,
                "party_source": f"party {party['party_id']} of {party['source_file']}, release {party['release_id']} "
                                f"(award {award_id})"}, record["procurement_id"])) is not None]
            # the winners archived before (a co-winner kept by its KvK number): kept where no party here is them
            given = {w["kvk"] for w in winners if w.get("kvk")} | {w["name_key"] for w in winners if w.get("name_key")}
            winners += [kept for s in db.query("select * from award_suppliers where award_id = ? order by rowid",
                                               [row["award_id"]])
                        if not ({s.get("kvk"), s.get("name_key")} & given - {None})
                        for kept in [{k: v for k, v in s.items() if k != "award_id"}]] if winners else []
            if winners:
                changed |= _write_award(db, {"award": dict(row, winner_count=max(row.get("winner_count") or 0,
                                                                                 len(winners))),
                                             "suppliers": winners}, crawl_id)
    # ... and another file's winner archived by its id alone, as its name (no party of it was archived): this party
    for party in record.get("parties") or []:
        if party.get("name") and party.get("party_id") is not None:
            source = id_alone(party["party_id"])
            changed |= _name_archived_winners(db, record, party, "s.party_source = ?", source,
                                              lambda s, source=source: s.get("party_source") == source, crawl_id)
    # ... and another file's winner archived by its KvK number alone (its award named it by id, the party here)
    for party in record.get("parties") or []:
        if party.get("name") and party.get("kvk"):
            changed |= _name_archived_winners(db, record, party, "s.name is null and s.kvk = ?", party["kvk"],
                                              lambda s, kvk=party["kvk"]: s.get("name") is None and s.get("kvk") == kvk,
                                              crawl_id)
    return changed


def _name_archived_winners(db: sqlite_utils.Database, record: dict, party: dict, where: str, value, matches,
                           crawl_id) -> bool:
    """Name, from this file's ``party``, the winners another file of the procurement archived without a name
    (``where``/``matches``: the same test in SQL and on a row): each of their awards rewritten whole, the other
    winners kept as they are, what the archived row knew (place, country, scale, KvK) kept over the party's."""
    from tenderarchive.awards.names import name_key as name_key_of
    from tenderarchive.awards.rows import winner_row

    changed = False
    for (award_id,) in db.execute(
            "select distinct s.award_id from award_suppliers s join awards a on a.award_id = s.award_id "
            f"where s.procurement_id = ? and {where} and a.source = 'tenderned_ocds' and a.source_file is not ?",
            [record["procurement_id"], value, record.get("source_file")]).fetchall():
        award = get_row(db, "awards", award_id)
        suppliers = []
        for s in db.query("select * from award_suppliers where award_id = ? order by rowid", [award_id]):
            s = {k: v for k, v in s.items() if k != "award_id"}
            if matches(s):
                s = winner_row(dict(s, name=party["name"], name_key=name_key_of(party["name"]),
                                    kvk=s.get("kvk") or party.get("kvk"), place=s.get("place") or party.get("place"),
                                    country=s.get("country") or party.get("country"),
                                    postcode=s.get("postcode") or party.get("postcode"),
                                    street=s.get("street") or party.get("street"),
                                    scale=s.get("scale") or party.get("scale"),
                                    party_source=f"party {party['party_id']} of {party['source_file']}, "
                                                 f"release {party['release_id']}"), record["procurement_id"]) or s
            suppliers.append(s)
        changed |= _write_award(db, {"award": award, "suppliers": suppliers}, crawl_id)
    return changed


def _onto_api_procurement(db: sqlite_utils.Database, record: dict) -> dict:
    """``record`` moved onto the procurement the API archived its publications under, when that is another
    one than its ``ocid`` gives (reference §6.3: which number the ocid's suffix is, is not certain; §8.8:
    link a release to API notices by its publication id, and do not count a procedure in both twice)."""
    ids = [n["publication_id"] for n in record["notices"]]
    if not ids:
        return record
    found = {r[0] for r in db.execute(
        f"select distinct procurement_id from notices where publication_id in ({', '.join('?' * len(ids))}) "
        "and coalesce(form_type, '') != 'ocds' and procurement_id is not null", ids)}
    if len(found) != 1 or record["procurement_id"] in found:
        return record
    old, new = record["procurement_id"], found.pop()

    def moved(row: dict) -> dict:
        row = dict(row, procurement_id=new) if "procurement_id" in row else dict(row)
        if str(row.get("award_id", "")).startswith(old + "/"):
            row["award_id"] = new + row["award_id"][len(old):]
        return row
    return dict(record, procurement_id=new, notices=[moved(n) for n in record["notices"]],
                lots=[moved(lot) for lot in record["lots"]],
                awards=[dict(entry, award=moved(entry["award"]), suppliers=[moved(s) for s in entry["suppliers"]])
                        for entry in record["awards"]])


#: a lot's number or letter written before its title ("Perceel 2 – Jeugd GGZ", "Perceel A: Verblijf", "Lot 3. …",
#: "Perceel nr. 2 Jeugd GGZ"): one source prints it in the title, another ("Jeugd GGZ") in the id alone
_LOT_LABEL = re.compile(r"(?i)^\s*(?:perceel|percelen|lot|kavel|deelopdracht)\s*(?:nr\.?|nummer|no\.?)?\s*"
                        r"(?:\d{1,3}[a-z]?|[a-z])(?![^\W\d_])\s*[:.)\-–—]?\s*")


def _fold_title(title) -> str | None:
    """A lot's title for matching lots of two sources: folded, without a lot label before it (:data:`_LOT_LABEL`)
    when a title follows the label ("Perceel 2 – Jeugd GGZ" is "jeugd ggz"; "Perceel 2" alone stays itself)."""
    text = str(title or "")
    if (m := _LOT_LABEL.match(text)) and re.search(r"[^\W_]", text[m.end():]):
        text = text[m.end():]
    folded = re.sub(r"[\W_]+", " ", text.casefold()).strip()
    return folded or None


def _onto_api_lots(db: sqlite_utils.Database, record: dict) -> dict:
    """``record`` with a package lot whose id the API's notices do not give, but whose title is that of exactly one
    API lot of the procedure, moved onto that lot (its id as the package gave it kept in ``source_lot_id``). The
    package numbers lots "1", "2" (reference §6.3); a notice numbering its lots from LOT-0000 keeps its ids as
    printed (names.lot_keys: LOT-0000 beside LOT-0001 is no perceel number), so without this one lot was two rows
    and the procedure's lots were counted twice, a package's award on a lot of its own. Titles decide, not a guess
    at the numbering: one title shared by two lots of either side moves nothing."""
    api = list(db.execute(f"select lot_id, title from lots where procurement_id = ? and source in {API_SOURCES!r}",
                          [record["procurement_id"]]))
    if not api or not record["lots"]:
        return record
    api_ids = {lot_id for lot_id, _ in api}
    by_title: dict[str, list[str]] = {}
    for lot_id, title in api:
        if (folded := _fold_title(title)) is not None:
            by_title.setdefault(folded, []).append(lot_id)
    package_titles: dict[str, int] = {}
    for lot in record["lots"]:
        if (folded := _fold_title(lot.get("title"))) is not None:
            package_titles[folded] = package_titles.get(folded, 0) + 1
    package_ids = {lot["lot_id"] for lot in record["lots"]}
    moved: dict[str, str] = {}
    for lot in record["lots"]:
        folded = _fold_title(lot.get("title"))
        if lot["lot_id"] in api_ids or folded is None or package_titles.get(folded) != 1:
            continue
        if len(targets := by_title.get(folded, [])) == 1 and targets[0] not in package_ids:
            moved[lot["lot_id"]] = targets[0]
    if not moved or len(set(moved.values())) != len(moved):
        return record

    def onto(row: dict) -> dict:
        if row.get("lot_id") not in moved:
            return row
        return dict(row, lot_id=moved[row["lot_id"]], source_lot_id=row.get("source_lot_id") or row["lot_id"])
    return dict(record, lots=[onto(lot) for lot in record["lots"]],
                awards=[dict(entry, lot_id=moved.get(entry.get("lot_id"), entry.get("lot_id")),
                             award=onto(entry["award"]),
                             suppliers=[dict(s, lot_id=moved[s["lot_id"]]) if s.get("lot_id") in moved else s
                                        for s in entry["suppliers"]])
                        for entry in record["awards"]])


def _package_lots_onto(db: sqlite_utils.Database, lots: list[dict]) -> None:
    """The other order of :func:`_onto_api_lots`: a notice's lot (``lots``, about to be written) of an id no row
    has, whose title is that of exactly one lot an OCDS package archived under another id (its "2" beside the
    notice's LOT-0001) and of no other lot of the notice, takes that row over: the package's lot, its awards and
    winners and its history move to the notice's id (the package's id kept in ``source_lot_id``), and the
    notice's values are then written as onto any lot a package described first."""
    if not lots:
        return
    procurement_id = lots[0]["procurement_id"]
    ids = {lot["lot_id"] for lot in lots}
    package = [(lot_id, title) for lot_id, title in db.execute(
        "select lot_id, title from lots where procurement_id = ? and source = 'tenderned_ocds'", [procurement_id])
        if lot_id not in ids]
    if not package:
        return
    titles: dict[str, list[str]] = {}
    for lot_id, title in package:
        if (folded := _fold_title(title)) is not None:
            titles.setdefault(folded, []).append(lot_id)
    notice_titles = [_fold_title(lot.get("title")) for lot in lots]
    from tenderarchive.store.keys import version_key
    from tenderarchive.store.schema import _join_versions

    for lot, folded in zip(lots, notice_titles):
        if folded is None or notice_titles.count(folded) != 1 or len(titles.get(folded, [])) != 1:
            continue
        if get_row(db, "lots", (procurement_id, lot["lot_id"])) is not None:
            continue
        old_id, new_id = titles[folded][0], lot["lot_id"]
        db.execute("update lots set lot_id = ?, source_lot_id = coalesce(source_lot_id, lot_id) "
                   "where procurement_id = ? and lot_id = ?", [new_id, procurement_id, old_id])
        db.execute("update award_suppliers set lot_id = ? where lot_id = ? and award_id in (select award_id from "
                   "awards where procurement_id = ? and source = 'tenderned_ocds' and lot_id = ?)",
                   [new_id, old_id, procurement_id, old_id])
        db.execute("update awards set lot_id = ?, source_lot_id = coalesce(source_lot_id, lot_id), current = null "
                   "where procurement_id = ? and source = 'tenderned_ocds' and lot_id = ?",
                   [new_id, procurement_id, old_id])
        _join_versions(db, "lots", version_key((procurement_id, old_id)), version_key((procurement_id, new_id)))
        tracked = getattr(db, "_tenderarchive_new_keys", None)
        if tracked and "lots" in tracked and (key := _tracked_key((procurement_id, new_id))) is not None:
            tracked["lots"].add(key)  # the row is there now under this key (get_row would not look)


def compare_with_api(db: sqlite_utils.Database, record: dict) -> list[str]:
    """Differences between an OCDS procedure and the API's awards of the same procurement (logged)."""
    api = {(r["lot_id"], r["value_cents"]) for r in db.query(
        f"select lot_id, value_cents from awards where procurement_id = ? and source in {API_SOURCES!r} and current = 1",
        [record["procurement_id"]])}
    dump = {(e["award"]["lot_id"], e["award"].get("value_cents")) for e in record["awards"]}
    out = [f"OCDS award (lot {lot}, {cents} cents) differs from the API's awards" for lot, cents in sorted(dump - api, key=str)]
    # the winners (reference §8.8: the API's stand): a package's winner of a lot the API's current awards give to
    # others is a difference too, matched by KvK number where both have one, else by folded name (§4: "B.V." /
    # "Stichting" variants are one winner). A lot the API has no award of was named above.
    winners: dict = {}
    for r in db.query(f"select a.lot_id, s.kvk, s.name_key from awards a join award_suppliers s on s.award_id = "
                      f"a.award_id where a.procurement_id = ? and a.source in {API_SOURCES!r} and a.current = 1 "
                      "and coalesce(s.is_buyer, 0) = 0", [record["procurement_id"]]):
        winners.setdefault(r["lot_id"], []).append((r["kvk"], r["name_key"]))
    for entry in record["awards"]:
        lot = entry["award"]["lot_id"]
        for supplier in entry.get("suppliers") or []:
            if lot not in winners or supplier.get("is_buyer"):
                continue
            kvk, key = supplier.get("kvk"), supplier.get("name_key")
            if not any((kvk and kvk == k) or (key and key == n and not (kvk and k)) for k, n in winners[lot]):
                out.append(f"OCDS winner {supplier.get('name')!r} (lot {lot}) is not among the API's winners of the lot")
    return sorted(set(out), key=out.index)
