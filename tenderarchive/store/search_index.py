"""Index time: build the Dutch full-text search indexes of the archive (after a crawl).

Part of the store because it writes: the derivation step (tenderarchive/derive.py) calls
it. The whole build is one transaction, so a reader (WAL mode) sees the old index or the
new one, never a half-built one.

:func:`build_search_index` (re)builds, idempotently, from whatever tables exist:

``notices_fts``, ``articles_fts``
    FTS5 over the raw text of ``notices`` and ``articles`` (external content, so the text
    is stored once), ``tokenize='unicode61 remove_diacritics 2'``: accents and case do not
    matter. Datasette uses them for the search box of those tables and for ``/-/search``.
``search_documents``
    One row per searchable document (a notice or an article) with the columns every
    saved search needs: title, date, procurement, jeugdregio, link, and a Dutch
    stemmed mirror of title and text (``title_stem``, ``body_stem``), which is what
    ``search_documents_fts`` indexes (FTS5 has no Dutch stemmer, so the stemmed words are
    stored for it). The text itself is not copied here (issue 14: it was stored three times);
    the saved searches read an excerpt from ``notices``/``articles`` by ``source_key``. An article's
    procurement is the one it is *linked* to in ``procurement_links`` (``articles`` has no
    procurement column: linking decides it, and a candidate link does not count).
``search_documents_fts``
    FTS5 over the stemmed mirror: ``aanbestedingen`` and ``aanbesteding`` both index as
    ``aanbesteed``.
``search_state``
    The index's definition (version, vocabulary, indexed columns: :func:`definition`) and its
    document count, so :func:`ensure_search` rebuilds only when the definition changed.
``search_dirty``
    The documents whose rows changed since they were indexed, marked by triggers on
    ``notices``, ``articles``, their municipality links and ``procurement_links``
    (:data:`DIRTY_SOURCES`): a reader's :func:`index_state` is "current" when the definition
    matches and nothing is dirty, without reading the archive's tables.

**Incremental (issue 14).** The raw indexes follow their tables through triggers (the
pattern of SQLite's FTS5 documentation for external-content tables, :func:`_triggers`), so a
crawl's writes keep them current; ``search_documents_fts`` follows ``search_documents`` the
same way. After a crawl the derivation calls :func:`update_search_index` with the notices
and articles it touched, which rewrites only their ``search_documents`` rows and those of
every document marked in ``search_dirty`` (so a title edited in place, without a new crawl id,
reaches the index too), then empties it: the work and the reads are proportional to the
change, not to the archive (the fingerprint of rounds one and two read every title). A full
:func:`build_search_index` runs when the index is missing or its definition (version,
vocabulary, columns: :func:`definition`) changed; it drops the document triggers, fills the
table in batches and rebuilds the FTS index in one pass, then restores them.

This is the only code that writes the search tables; the post-crawl derivation step calls
:func:`build_search_index` (or :func:`ensure_search`). Readers (``tenderarchive serve``)
only call :func:`index_state`. Words are cut and stemmed by :mod:`tenderarchive.search.text`,
the same rules the query side uses.
"""

from __future__ import annotations

import hashlib
import heapq
import re

import sqlite_utils

from tenderarchive.search.query import jeugdregio_code, jeugdregio_name
from tenderarchive.search.text import TOKENIZE, VOCABULARY_FILE, stem_text

INDEX_VERSION = "15"  # 15: the stages chart counts undated articles as "zonder datum"; 14: a winner's KvK number; 13: the dashboard's publications per month are notices only; 12: a notice is found by its kenmerk, id, CPV, jeugdregio and winners; 11: documents in
#                      publication order (rowid order = date order); 10: no ``body`` copy

# Raw full-text indexes: table -> indexed columns (those that exist are used).
RAW_INDEXES = {
    "notices": ["title", "description", "buyer"],
    "articles": ["title", "text", "site"],
}
# Tables and views of the search machinery (hidden in Datasette).
# (``article_link_keys`` and ``article_link_floor`` are the derivation's indexes for linking,
# tenderarchive/store/link_tables.py.)
HELPER_TABLES = ["search_documents", "search_documents_fts", "search_state", "search_dirty", "article_link_keys",
                 "article_link_floor",
                 "dashboard_counts", "facet_counts",
                 *(f"{t}_fts" for t in RAW_INDEXES)]


# --- building the indexes ------------------------------------------------------------

def _columns(db: sqlite_utils.Database, table: str) -> list[str]:
    return [c.name for c in db[table].columns] if db[table].exists() else []


def _ensure_virtual(db: sqlite_utils.Database, name: str, sql: str) -> None:
    """Create virtual table ``name`` with ``sql``, replacing it when its definition changed."""
    existing = db.execute("select sql from sqlite_master where name = ?", [name]).fetchone()
    if existing and existing[0] == sql:
        return
    if existing:
        db.execute(f"drop table [{name}]")
    db.execute(sql)


def _fts_sql(name: str, columns: list[str], content: str, content_rowid: str = "rowid") -> str:
    cols = ", ".join(f"[{c}]" for c in columns)
    return (f"CREATE VIRTUAL TABLE [{name}] USING fts5({cols}, tokenize='{TOKENIZE}', "
            f"content=[{content}], content_rowid=[{content_rowid}])")


SEARCH_DOCUMENTS = {
    "doc_id": str, "source_table": str, "source_key": str, "procurement_id": str, "kind": str,
    "title": str, "organisation": str, "published": str, "published_at": str,
    "year_month": str, "jeugdregio": str, "jeugdregio_name": str, "jeugdregios": str,
    "youth_care": int, "url": str, "title_stem": str, "body_stem": str, "procedure": str,
}

#: The dashboard's counts (tenderarchive/datasette/metadata.yaml, ``datasette-dashboards``),
#: kept by the index builder as the documents change, so no chart reads ``notices``,
#: ``articles`` or ``search_documents`` (issue 14): ``n`` documents per chart, key and region
#: (``region`` is a jeugdregio name, ``''`` for all regions).
#: The stages chart's year of an article whose page gives no date (it sorts after the years).
UNDATED = "zonder datum"
DASHBOARD_SQL = ("create table if not exists dashboard_counts (chart text not null, region text not null, "
                 "key text not null, n integer not null, primary key (chart, region, key)) without rowid")


def dashboard_keys(doc: dict) -> list[tuple[str, str, str]]:
    """``(chart, region, key)`` of every count a search document adds one to."""
    keys = [("documents", "")]
    if doc["source_table"] == "notices":
        keys += [("notices", ""), ("notice_type", doc.get("kind") or ""),
                 ("procedure", doc.get("procedure") or "unknown")]
        # "Publications per month" are TenderNed's publications, the rows the Notices card counts:
        # it counted every dated article too, news about road works or home care among them
        if doc.get("year_month"):
            keys.append(("per_month", f"{doc['year_month']}|{doc.get('jeugdregio_name') or 'unknown'}"))
        if doc.get("procurement_id"):
            keys.append(("procurement", doc["procurement_id"]))  # one row per procedure: count(*) is distinct
    elif doc.get("youth_care") == 1 and (doc.get("kind") or "").startswith("article: "):
        # an article whose page gives no date counts under "zonder datum" (UNDATED): a region whose relevant news
        # reports stages but no date was drawn "No data", as if none reported a stage
        keys.append(("stage", f"{(doc.get('published') or '')[:4] or UNDATED}|{doc['kind'][len('article: '):]}"))
    regions = [""] + ([doc["jeugdregio_name"]] if doc.get("jeugdregio_name") else [])
    return [(chart, region, key) for chart, key in keys for region in regions]


def _apply_dashboard(db: sqlite_utils.Database, deltas: dict) -> None:
    """Add ``deltas`` (``{(chart, region, key): change}``) to ``dashboard_counts``; a count
    that reaches 0 goes."""
    db.execute(DASHBOARD_SQL)
    changes = [(*k, d) for k, d in sorted(deltas.items()) if d]
    db.conn.executemany("insert into dashboard_counts (chart, region, key, n) values (?, ?, ?, ?) "
                        "on conflict (chart, region, key) do update set n = n + excluded.n", changes)
    db.conn.executemany("delete from dashboard_counts where chart = ? and region = ? and key = ? and n <= 0",
                        [c[:3] for c in changes])


def _regions_of(db: sqlite_utils.Database, table: str, key: str, keys: list | None = None) -> dict[str, list[str]]:
    """Jeugdregio codes per record from a link table the pipelines archived (places of the
    buyer and of the text), so search does not work them out a second time; of the records
    ``keys`` only, when given."""
    out: dict[str, list[str]] = {}
    if db[table].exists():
        only = f" and [{key}] in ({','.join('?' * len(keys))})" if keys is not None else ""
        for link in db.query(f"select [{key}] as k, jeugdregio_code from [{table}] "
                             f"where jeugdregio_code is not null{only} order by k, jeugdregio_code", keys or []):
            out.setdefault(str(link["k"]), []).append(link["jeugdregio_code"])
    return out


def _selected(db: sqlite_utils.Database, table: str, columns: tuple | None) -> str:
    """The select list: ``columns`` that ``table`` has (a row's missing column reads as None
    through ``row.get``), or every column."""
    if columns is None:
        return "*"
    present = set(_columns(db, table))
    return ", ".join(f"[{c}]" for c in columns if c in present)


def _in_batches(db: sqlite_utils.Database, table: str, key: str, keys: list | None, size: int = 1000,
                columns: tuple | None = None):
    """Rows of ``table`` in key order, a batch at a time, each batch with its keys: the rows of
    ``keys``, or (None) of the whole table by keyset paging, so memory stays flat however
    large the table and no cursor stays open while the caller writes. ``columns`` (with ``key``
    among them): only those are read."""
    selected = _selected(db, table, columns)
    if keys is not None:
        for i in range(0, len(keys), size):
            batch = keys[i:i + size]
            yield batch, list(db.query(f"select {selected} from [{table}] where [{key}] in "
                                       f"({','.join('?' * len(batch))}) order by [{key}]", batch))
        return
    last = None
    while True:
        after = f"where [{key}] > ? " if last is not None else ""
        rows = list(db.query(f"select {selected} from [{table}] {after}order by [{key}] limit {size}",
                             [last] if last is not None else []))
        if not rows:
            return
        yield [r[key] for r in rows], rows
        last = rows[-1][key]


def _in_published_order(db: sqlite_utils.Database, table: str, key: str, size: int = 1000,
                         columns: tuple | None = None):
    """Rows of ``table`` oldest first (``published``, then rowid; no date first), a batch at a
    time with their keys, by keyset paging over the ``published`` index: flat memory.
    ``columns`` (with ``key`` and ``published`` among them): only those are read."""
    selected = _selected(db, table, columns)

    def rows_of(sql: str, params: list) -> tuple[list, list]:
        """The rows without their ``_rowid`` (taken out in place), and the rowids."""
        rows = list(db.query(sql, params))
        return rows, [r.pop("_rowid") for r in rows]

    last = None
    while True:  # no publication date
        after = "and rowid > ? " if last is not None else ""
        rows, rowids = rows_of(f"select rowid as _rowid, {selected} from [{table}] where published is null {after}"
                               f"order by rowid limit {size}", [last] if last is not None else [])
        if not rows:
            break
        last = rowids[-1]
        yield [r[key] for r in rows], rows
    last = None
    while True:
        after = "and (published, rowid) > (?, ?) " if last is not None else ""
        rows, rowids = rows_of(f"select rowid as _rowid, {selected} from [{table}] where published is not null "
                               f"{after}order by published, rowid limit {size}", list(last) if last is not None else [])
        if not rows:
            return
        last = (rows[-1]["published"], rowids[-1])
        yield [r[key] for r in rows], rows


#: The columns of ``notices`` a search document is made of (:func:`_notice_batch`): a notice row has
#: 60-odd, and reading them all into a dict per row was a third of building the documents (issue 14).
NOTICE_DOCUMENT_COLUMNS = ("publication_id", "jeugdregio_code", "procurement_id", "notice_type_label", "notice_type",
                           "title", "buyer", "published", "published_at", "year_month", "youth_care", "url",
                           "description", "procedure_label", "procedure")


def _notice_documents(db: sqlite_utils.Database, keys: list | None = None, chronological: bool = False):
    pages = _in_published_order(db, "notices", "publication_id", columns=NOTICE_DOCUMENT_COLUMNS) if chronological \
        else _in_batches(db, "notices", "publication_id", keys, columns=NOTICE_DOCUMENT_COLUMNS)
    for batch, rows in pages:
        yield from _notice_batch(rows, _regions_of(db, "notice_municipalities", "publication_id", batch),
                                 _notice_terms(db, batch))


#: What a notice is also found by besides its words (INDEX_VERSION 12): its CPV codes with their
#: labels, and the winners of the awards it published, with their KvK numbers (INDEX_VERSION 14:
#: "KvK 14012345", so the number alone, "KvK 14012345" and the provider's id "kvk:14012345" find it).
#: ``{0}`` is the batch's publication ids.
NOTICE_TERMS = {
    "notice_cpv": "select publication_id as k, cpv || ' ' || coalesce(label, '') as term from notice_cpv "
                  "where publication_id in ({0}) order by k, is_main desc, cpv",
    "award_suppliers": "select a.publication_id as k, s.name || coalesce(' KvK ' || s.kvk, '') as term from awards a "
                       "join award_suppliers s on s.award_id = a.award_id "
                       "where a.publication_id in ({0}) and s.name is not null order by k, a.award_id, s.name",
}


def _notice_terms(db: sqlite_utils.Database, keys: list) -> dict[str, list[str]]:
    """``{publication id: [CPV code and label, winner, ...]}`` of the notices ``keys``."""
    out: dict[str, list[str]] = {}
    if not keys:
        return out
    for table, sql in NOTICE_TERMS.items():
        if table == "award_suppliers" and not db["awards"].exists():
            continue
        if db[table].exists():
            for row in db.query(sql.format(",".join("?" * len(keys))), keys):
                out.setdefault(str(row["k"]), []).append(row["term"])
    return out


def notice_identifiers(row: dict) -> list[str]:
    """The ids a researcher types for a notice: its procurement (``TN160417``), the bare kenmerk
    (``160417``) and the publication id."""
    procurement = row.get("procurement_id") or ""
    bare = procurement[2:] if procurement.startswith("TN") else ""
    return [x for x in (procurement, bare, str(row.get("publication_id") or "")) if x]


def _notice_batch(rows, regions_of, terms_of=None):
    for row in rows:
        regions = list(dict.fromkeys(filter(None, [row.get("jeugdregio_code"),
                                                   *regions_of.get(str(row["publication_id"]), [])])))
        yield {
            "doc_id": f"notice:{row['publication_id']}", "source_table": "notices",
            "source_key": str(row["publication_id"]), "procurement_id": row.get("procurement_id"),
            "kind": row.get("notice_type_label") or row.get("notice_type"),
            "title": row.get("title"), "organisation": row.get("buyer"),
            "published": row.get("published"), "published_at": row.get("published_at"),
            "year_month": row.get("year_month") or (row.get("published") or "")[:7] or None,
            "jeugdregio": regions[0] if regions else None,
            "jeugdregio_name": jeugdregio_name(regions[0]) if regions else None,
            "jeugdregios": ",".join(regions) or None,
            "youth_care": row.get("youth_care"), "url": row.get("url"),
            "title_stem": stem_text(row.get("title")),
            "body_stem": stem_text(" ".join(filter(None, [
                row.get("description"), row.get("buyer"), *notice_identifiers(row),
                *(terms_of or {}).get(str(row["publication_id"]), []),
                *(jeugdregio_name(code) for code in regions)]))),
            "procedure": row.get("procedure_label") or row.get("procedure"),
        }


def _linked_procurements(db: sqlite_utils.Database, urls: list | None = None) -> dict[str, str]:
    """``{article url: procurement_id}`` of the *linked* (not candidate) procurement links;
    the best score wins when linking ever linked one article twice."""
    if not db["procurement_links"].exists():
        return {}
    out: dict[str, str] = {}
    only = f" and url in ({','.join('?' * len(urls))})" if urls is not None else ""
    status = "+status" if urls is not None else "status"  # by url: the url index, not the status one
    for link in db.query(f"select url, procurement_id from procurement_links where {status} = 'linked'{only} "
                         "order by url, score desc, procurement_id", urls or []):
        out.setdefault(link["url"], link["procurement_id"])
    return out


def _article_documents(db: sqlite_utils.Database, keys: list | None = None, chronological: bool = False):
    pages = _in_published_order(db, "articles", "url") if chronological else _in_batches(db, "articles", "url", keys)
    for batch, rows in pages:
        yield from _article_batch(rows, _regions_of(db, "article_municipalities", "url", batch),
                                  _linked_procurements(db, batch))


def _article_batch(rows, regions_of, procurement_of):
    for row in rows:
        region = row.get("jeugdregio_code") or row.get("jeugdregio")
        codes = [c for c in (jeugdregio_code(part) for part in re.split(r"[,;|]", str(region or ""))) if c]
        codes = list(dict.fromkeys(codes + regions_of.get(row.get("url"), [])))  # all its municipalities' regions
        published = row.get("published")
        yield {
            "doc_id": f"article:{row.get('url')}", "source_table": "articles",
            "source_key": row.get("url"), "procurement_id": procurement_of.get(row.get("url")),
            "kind": "article" + (f": {row['primary_stage']}" if row.get("primary_stage") else ""),
            "title": row.get("title"), "organisation": row.get("site"),
            "published": (published or "")[:10] or None, "published_at": published,
            "year_month": (published or "")[:7] or None,
            "jeugdregio": codes[0] if codes else None,
            "jeugdregio_name": jeugdregio_name(codes[0]) if codes else (region or None),
            "jeugdregios": ",".join(dict.fromkeys(codes)) or None,
            "youth_care": row.get("relevant"), "url": row.get("url"),
            "title_stem": stem_text(row.get("title")),
            "body_stem": stem_text(" ".join(filter(None, [row.get("text"), row.get("site"),
                                                          *(jeugdregio_name(code) for code in codes)]))),
            "procedure": None,
        }


#: Tables whose writes change a search document: table -> (the document's source table, key
#: column). Triggers (:func:`_dirty_triggers`) mark the document dirty in ``search_dirty``.
DIRTY_SOURCES = {
    "notices": ("notices", "publication_id"),
    "notice_municipalities": ("notices", "publication_id"),
    "articles": ("articles", "url"),
    "article_municipalities": ("articles", "url"),
    "procurement_links": ("articles", "url"),  # an article's procurement is its linked one
    # a notice's CPV codes and the winners of its awards are searched with it (NOTICE_TERMS)
    "notice_cpv": ("notices", "publication_id"),
    "awards": ("notices", "publication_id"),
    "award_suppliers": ("notices", "(SELECT a.publication_id FROM awards a WHERE a.award_id = {row}.award_id)"),
}


def _dirty_triggers(table: str) -> dict[str, str]:
    """Triggers that mark the search document of every row ``table`` inserts, updates or
    deletes as dirty: change tracking proportional to the change (issue 14), and a title
    edited in place without a new crawl id is caught as well as a crawl's writes."""
    source, key = DIRTY_SOURCES[table]
    # Not ``INSERT OR IGNORE``: an outer statement's conflict policy overrides a trigger's, so an
    # upsert of the row would turn a second mark into a constraint error.
    # ``key`` is a column of the row, or a subquery (in parentheses) reading the document's key through it.
    value = key if key.startswith("(") else "{row}.[" + key + "]"
    mark = ("INSERT INTO search_dirty (source_table, source_key) SELECT '{source}', {value} WHERE {value} IS NOT NULL "
            "AND NOT EXISTS (SELECT 1 FROM search_dirty WHERE source_table = '{source}' AND source_key = {value});")
    new, old = (mark.format(source=source, value=value.format(row=row)) for row in ("new", "old"))
    # A candidate link does not change the article's document, only a linked one does.
    when = {"new": " WHEN new.status = 'linked'", "old": " WHEN old.status = 'linked'",
            "both": " WHEN old.status = 'linked' OR new.status = 'linked'"} if table == "procurement_links" else {}
    return {f"search_dirty_{table}_ai": f"CREATE TRIGGER [search_dirty_{table}_ai] AFTER INSERT ON [{table}]"
                                        f"{when.get('new', '')} BEGIN {new} END",
            f"search_dirty_{table}_au": f"CREATE TRIGGER [search_dirty_{table}_au] AFTER UPDATE ON [{table}]"
                                        f"{when.get('both', '')} BEGIN {old} {new} END",
            f"search_dirty_{table}_ad": f"CREATE TRIGGER [search_dirty_{table}_ad] AFTER DELETE ON [{table}]"
                                        f"{when.get('old', '')} BEGIN {old} END"}


def _wanted_triggers(db: sqlite_utils.Database) -> set[str]:
    wanted = {f"{fts}_{s}" for fts in ["search_documents_fts", *(f"{t}_fts" for t in RAW_INDEXES
                                                                 if _columns(db, t))] for s in ("ai", "ad", "au")}
    return wanted | {name for table in DIRTY_SOURCES if db[table].exists() for name in _dirty_triggers(table)}


def fingerprint(db: sqlite_utils.Database) -> str:
    """What the index stands for: its definition, and whether documents wait in
    ``search_dirty`` (reads the definition's files and one row, never the archive's tables)."""
    pending = bool(db["search_dirty"].exists() and db.execute("select 1 from search_dirty limit 1").fetchone())
    return hashlib.sha256(f"{definition(db)}|pending:{pending}".encode()).hexdigest()


def _triggers(table: str, fts: str, columns: list[str]) -> list[str]:
    """Triggers that keep external-content FTS5 table ``fts`` in step with ``table`` (insert,
    delete, update), as in SQLite's FTS5 documentation."""
    cols = ", ".join(f"[{c}]" for c in columns)
    new = ", ".join(f"new.[{c}]" for c in columns)
    old = ", ".join(f"old.[{c}]" for c in columns)
    return [
        f"CREATE TRIGGER [{fts}_ai] AFTER INSERT ON [{table}] BEGIN "
        f"INSERT INTO [{fts}](rowid, {cols}) VALUES (new.rowid, {new}); END",
        f"CREATE TRIGGER [{fts}_ad] AFTER DELETE ON [{table}] BEGIN "
        f"INSERT INTO [{fts}]([{fts}], rowid, {cols}) VALUES ('delete', old.rowid, {old}); END",
        f"CREATE TRIGGER [{fts}_au] AFTER UPDATE ON [{table}] BEGIN "
        f"INSERT INTO [{fts}]([{fts}], rowid, {cols}) VALUES ('delete', old.rowid, {old}); "
        f"INSERT INTO [{fts}](rowid, {cols}) VALUES (new.rowid, {new}); END",
    ]


def _drop_triggers(db: sqlite_utils.Database, fts: str) -> None:
    for suffix in ("ai", "ad", "au"):
        db.execute(f"DROP TRIGGER IF EXISTS [{fts}_{suffix}]")


def _create_triggers(db: sqlite_utils.Database, table: str, fts: str, columns: list[str]) -> None:
    _drop_triggers(db, fts)
    for sql in _triggers(table, fts, columns):
        db.execute(sql)


def definition(db: sqlite_utils.Database) -> str:
    """What the index's shape depends on (not its content): version, vocabulary, the indexed
    tables' columns. When it changes, only a full build will do."""
    parts = [INDEX_VERSION, hashlib.sha256(VOCABULARY_FILE.read_bytes()).hexdigest()]
    # The indexed columns present, not every column: a migration that adds a column the index does
    # not read (articles.relevance_model_score) cost a full rebuild, a quarter of an hour at a million.
    parts += [f"{table}:{','.join(c for c in wanted if c in _columns(db, table))}" for table, wanted in RAW_INDEXES.items()]
    parts += [f"dirty:{table}:{db[table].exists()}" for table in DIRTY_SOURCES]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def build_search_index(db: sqlite_utils.Database) -> None:
    """(Re)build every search index from the current archive; safe to run any number of times."""
    with db.atomic():
        for table, wanted in RAW_INDEXES.items():
            columns = [c for c in wanted if c in _columns(db, table)]
            _drop_triggers(db, f"{table}_fts")
            if columns:
                _ensure_virtual(db, f"{table}_fts", _fts_sql(f"{table}_fts", columns, table))
                db.execute(f"insert into [{table}_fts]([{table}_fts]) values ('rebuild')")
                db.execute(f"insert into [{table}_fts]([{table}_fts]) values ('optimize')")  # see below
                _create_triggers(db, table, f"{table}_fts", columns)
            elif db[f"{table}_fts"].exists():
                db.execute(f"drop table [{table}_fts]")

        documents = db["search_documents"]
        _drop_triggers(db, "search_documents_fts")
        if documents.exists() and set(documents.columns_dict) != set(SEARCH_DOCUMENTS):
            db.execute("drop table if exists search_documents_fts")
            documents.drop()
        if not documents.exists():
            documents.create(SEARCH_DOCUMENTS, pk="doc_id")
        db.execute("delete from search_documents")
        counts: dict[tuple, int] = {}

        def counted(docs):
            for doc in docs:
                for key in dashboard_keys(doc):
                    counts[key] = counts.get(key, 0) + 1
                yield doc

        # Oldest first, notices and articles merged by publication date, so rowid order is
        # publication order, and documents a later crawl adds come after: "search everything"
        # ranks a very common query's newest matches (metadata.yaml, search_all).
        streams = []
        if db["notices"].exists():
            streams.append(_notice_documents(db, chronological=True))
        if "url" in _columns(db, "articles"):
            streams.append(_article_documents(db, chronological=True))
        # One prepared INSERT for every document (issue 14: sqlite-utils' insert_all, which checks
        # every value for JSON and builds its statement per chunk, was a third of a fresh build).
        # Every value is text, an integer or None already (SEARCH_DOCUMENTS).
        columns = list(SEARCH_DOCUMENTS)
        db.conn.executemany(
            f"INSERT INTO search_documents ({', '.join(f'[{c}]' for c in columns)}) "
            f"VALUES ({', '.join('?' * len(columns))})",
            ([doc[c] for c in columns]
             for doc in counted(heapq.merge(*streams, key=lambda doc: doc["published"] or ""))))
        db.execute("drop table if exists dashboard_counts")
        _apply_dashboard(db, counts)
        # The saved searches' and dashboard's filters and groupings (issue 14: no full scan per page).
        for columns in (["source_table", "source_key"], ["procurement_id"], ["jeugdregio"], ["published"],
                        ["source_table", "procurement_id"], ["jeugdregio_name"], ["year_month", "jeugdregio_name"]):
            documents.create_index(columns, if_not_exists=True)
        _ensure_virtual(db, "search_documents_fts",
                        _fts_sql("search_documents_fts", ["title_stem", "body_stem"], "search_documents"))
        db.execute("insert into search_documents_fts(search_documents_fts) values ('rebuild')")
        # One segment after a rebuild (issue 14): 'rebuild' leaves many, and the first write after it
        # (a crawl's 1,000 new documents) paid a crisis merge of all of them; 1,000 documents took
        # 1.2 s of CPU at 40,000 notices against 0.4 s at 10,000. With one segment, 0.4 s at both.
        db.execute("insert into search_documents_fts(search_documents_fts) values ('optimize')")
        _create_triggers(db, "search_documents", "search_documents_fts", ["title_stem", "body_stem"])
        # ``rank`` is bm25 with title matches weighing 4×: "search everything" orders and limits by
        # rank inside FTS5 (``order by rank limit n``) instead of joining and sorting every hit.
        db.execute("insert into search_documents_fts(search_documents_fts, rank) values ('rank', 'bm25(4.0, 1.0)')")

        # Change tracking: every later write of a document's rows marks it dirty.
        db.execute("create table if not exists search_dirty (source_table text not null, source_key not null, "
                   "primary key (source_table, source_key)) without rowid")
        for table in DIRTY_SOURCES:
            for name, sql in _dirty_triggers(table).items():
                db.execute(f"DROP TRIGGER IF EXISTS [{name}]")
                if db[table].exists():
                    db.execute(sql)
        db.execute("delete from search_dirty")

        db.execute("create table if not exists search_state (key text primary key, value text)")
        db.execute("delete from search_state where key = 'fingerprint'")  # (before index version 7)
        db.execute("insert or replace into search_state values ('definition', ?)", [definition(db)])
        _record_state(db, db.execute("select count(*) from search_documents").fetchone()[0])


def _record_state(db: sqlite_utils.Database, documents: int) -> None:
    """Store the document count (only when it changed: a derivation that changed nothing
    writes nothing)."""
    stored = db.execute("select value from search_state where key = 'documents'").fetchone()
    if not stored or stored[0] != str(documents):
        db.execute("insert or replace into search_state values ('documents', ?)", [str(documents)])


def can_update(db: sqlite_utils.Database) -> bool:
    """True when :func:`update_search_index` may bring the index up to date: it exists, its
    triggers are in place and its definition is the current one."""
    if not db["search_state"].exists() or not db["search_documents_fts"].exists():
        return False
    if not db["search_dirty"].exists() or not db["dashboard_counts"].exists():
        return False
    row = db.execute("select value from search_state where key = 'definition'").fetchone()
    triggers = {r[0] for r in db.execute("select name from sqlite_master where type = 'trigger'").fetchall()}
    return bool(row) and row[0] == definition(db) and _wanted_triggers(db) <= triggers


def update_search_index(db: sqlite_utils.Database, notices=(), articles=()) -> bool:
    """Rewrite the ``search_documents`` rows of the documents marked dirty in ``search_dirty``
    and of notices ``notices`` (publication ids) and articles ``articles`` (urls) where they
    changed; the triggers carry the change into the FTS indexes. True if anything changed.
    Falls back to a full build when :func:`can_update` says no."""
    if not can_update(db):
        build_search_index(db)
        return True
    from tenderarchive.store.writes import put_row

    changed = 0
    with db.atomic():
        stored = db.execute("select value from search_state where key = 'documents'").fetchone()
        documents = int(stored[0]) if stored else db.execute("select count(*) from search_documents").fetchone()[0]
        dirty: dict[str, set] = {"notices": set(notices), "articles": set(articles)}
        deltas: dict[tuple, int] = {}  # dashboard counts
        for source, key in db.execute("select source_table, source_key from search_dirty").fetchall():
            dirty.setdefault(source, set()).add(key)
        for source, make in (("notices", _notice_documents), ("articles", _article_documents)):
            keys = sorted(dirty[source], key=str)
            if not keys or not db[source].exists():
                continue
            for i in range(0, len(keys), 1000):
                batch = keys[i:i + 1000]
                ids = [f"{source[:-1]}:{k}" for k in batch]
                old = {r["doc_id"]: r for r in db.query(
                    f"select * from search_documents where doc_id in ({','.join('?' * len(ids))})", ids)}
                for row in make(db, batch):
                    before = old.pop(row["doc_id"], None)
                    if before is None or any(before.get(k) != v for k, v in row.items()):
                        put_row(db, "search_documents", row, pk="doc_id")
                        changed += 1
                        documents += before is None
                        for key in dashboard_keys(row):
                            deltas[key] = deltas.get(key, 0) + 1
                        for key in dashboard_keys(before) if before else ():
                            deltas[key] = deltas.get(key, 0) - 1
                for doc_id, before in old.items():  # its record is gone
                    db.execute("delete from search_documents where doc_id = ?", [doc_id])
                    changed += 1
                    documents -= 1
                    for key in dashboard_keys(before):
                        deltas[key] = deltas.get(key, 0) - 1
        if db.execute("select 1 from search_dirty limit 1").fetchone():
            db.execute("delete from search_dirty")
        _apply_dashboard(db, deltas)
        _record_state(db, documents)
    return bool(changed)


def index_state(db: sqlite_utils.Database) -> str:
    """``"current"``, ``"stale"`` (the archive or vocabulary changed since it was built) or
    ``"missing"``; reads only, so a read-only reader may ask."""
    if not db["search_state"].exists() or not db["search_documents_fts"].exists():
        return "missing"
    row = db.execute("select value from search_state where key = 'definition'").fetchone()
    if not row or row[0] != definition(db) or not db["search_dirty"].exists() or not db["dashboard_counts"].exists():
        return "stale"
    triggers = {r[0] for r in db.execute("select name from sqlite_master where type = 'trigger'").fetchall()}
    if not _wanted_triggers(db) <= triggers or db.execute("select 1 from search_dirty limit 1").fetchone():
        return "stale"
    return "current"


def is_current(db: sqlite_utils.Database) -> bool:
    return index_state(db) == "current"


def ensure_search(db: sqlite_utils.Database) -> bool:
    """Bring the indexes up to date when the archive or the vocabulary changed (the dirty
    documents only when the definition still holds, else a full rebuild); True if anything
    changed."""
    if is_current(db):
        return False
    if can_update(db):  # only documents marked dirty: proportional to the change
        return update_search_index(db)
    build_search_index(db)
    return True
