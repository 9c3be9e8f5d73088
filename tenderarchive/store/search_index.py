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
    saved search needs: title, text, date, procurement, jeugdregio, link, and a Dutch
    stemmed mirror of title and text (``title_stem``, ``body_stem``). An article's
    procurement is the one it is *linked* to in ``procurement_links`` (``articles`` has no
    procurement column: linking decides it, and a candidate link does not count).
``search_documents_fts``
    FTS5 over the stemmed mirror: ``aanbestedingen`` and ``aanbesteding`` both index as
    ``aanbesteed``.
``search_state``
    A fingerprint of what was indexed, so :func:`ensure_search` rebuilds only when the
    archive or the vocabulary changed, and :func:`index_state` can tell a reader whether the
    index is current without writing anything.

This is the only code that writes the search tables; the post-crawl derivation step calls
:func:`build_search_index` (or :func:`ensure_search`). Readers (``tenderarchive serve``)
only call :func:`index_state`. Words are cut and stemmed by :mod:`tenderarchive.search.text`,
the same rules the query side uses.
"""

from __future__ import annotations

import hashlib
import re

import sqlite_utils

from tenderarchive.search.query import jeugdregio_code, jeugdregio_name
from tenderarchive.search.text import TOKENIZE, VOCABULARY_FILE, stem_text

INDEX_VERSION = "5"

# Raw full-text indexes: table -> indexed columns (those that exist are used).
RAW_INDEXES = {
    "notices": ["title", "description", "buyer"],
    "articles": ["title", "text", "site"],
}
# Tables and views of the search machinery (hidden in Datasette).
HELPER_TABLES = ["search_documents", "search_documents_fts", "search_state",
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
    "title": str, "body": str, "organisation": str, "published": str, "published_at": str,
    "year_month": str, "jeugdregio": str, "jeugdregio_name": str, "jeugdregios": str,
    "youth_care": int, "url": str, "title_stem": str, "body_stem": str,
}


def _regions_of(db: sqlite_utils.Database, table: str, key: str) -> dict[str, list[str]]:
    """Jeugdregio codes per record from a link table the pipelines archived (places of the
    buyer and of the text), so search does not work them out a second time."""
    out: dict[str, list[str]] = {}
    if db[table].exists():
        for link in db.query(f"select [{key}] as k, jeugdregio_code from [{table}] "
                             "where jeugdregio_code is not null order by k, jeugdregio_code"):
            out.setdefault(str(link["k"]), []).append(link["jeugdregio_code"])
    return out


def _notice_documents(db: sqlite_utils.Database):
    regions_of = _regions_of(db, "notice_municipalities", "publication_id")
    for row in db.query("select * from notices order by publication_id"):
        regions = list(dict.fromkeys(filter(None, [row.get("jeugdregio_code"),
                                                   *regions_of.get(str(row["publication_id"]), [])])))
        yield {
            "doc_id": f"notice:{row['publication_id']}", "source_table": "notices",
            "source_key": str(row["publication_id"]), "procurement_id": row.get("procurement_id"),
            "kind": row.get("notice_type_label") or row.get("notice_type"),
            "title": row.get("title"), "body": row.get("description"), "organisation": row.get("buyer"),
            "published": row.get("published"), "published_at": row.get("published_at"),
            "year_month": row.get("year_month") or (row.get("published") or "")[:7] or None,
            "jeugdregio": regions[0] if regions else None,
            "jeugdregio_name": jeugdregio_name(regions[0]) if regions else None,
            "jeugdregios": ",".join(regions) or None,
            "youth_care": row.get("youth_care"), "url": row.get("url"),
            "title_stem": stem_text(row.get("title")),
            "body_stem": stem_text(" ".join(filter(None, [row.get("description"), row.get("buyer")]))),
        }


def _linked_procurements(db: sqlite_utils.Database) -> dict[str, str]:
    """``{article url: procurement_id}`` of the *linked* (not candidate) procurement links;
    the best score wins when linking ever linked one article twice."""
    if not db["procurement_links"].exists():
        return {}
    out: dict[str, str] = {}
    for link in db.query("select url, procurement_id from procurement_links where status = 'linked' "
                         "order by url, score desc, procurement_id"):
        out.setdefault(link["url"], link["procurement_id"])
    return out


def _article_documents(db: sqlite_utils.Database):
    columns = set(_columns(db, "articles"))
    order = "url" if "url" in columns else "rowid"
    regions_of = _regions_of(db, "article_municipalities", "url")
    procurement_of = _linked_procurements(db)
    for row in db.query(f"select * from articles order by [{order}]"):
        region = row.get("jeugdregio_code") or row.get("jeugdregio")
        codes = [c for c in (jeugdregio_code(part) for part in re.split(r"[,;|]", str(region or ""))) if c]
        codes = list(dict.fromkeys(codes + regions_of.get(row.get("url"), [])))  # all its municipalities' regions
        published = row.get("published")
        yield {
            "doc_id": f"article:{row.get('url')}", "source_table": "articles",
            "source_key": row.get("url"), "procurement_id": procurement_of.get(row.get("url")),
            "kind": "article" + (f": {row['primary_stage']}" if row.get("primary_stage") else ""),
            "title": row.get("title"), "body": row.get("text"), "organisation": row.get("site"),
            "published": (published or "")[:10] or None, "published_at": published,
            "year_month": (published or "")[:7] or None,
            "jeugdregio": codes[0] if codes else None,
            "jeugdregio_name": jeugdregio_name(codes[0]) if codes else (region or None),
            "jeugdregios": ",".join(dict.fromkeys(codes)) or None,
            "youth_care": row.get("relevant"), "url": row.get("url"),
            "title_stem": stem_text(row.get("title")),
            "body_stem": stem_text(" ".join(filter(None, [row.get("text"), row.get("site")]))),
        }


def fingerprint(db: sqlite_utils.Database) -> str:
    """What the indexes were built from: table sizes and change times, vocabulary, version."""
    parts = [INDEX_VERSION, hashlib.sha256(VOCABULARY_FILE.read_bytes()).hexdigest()]
    for table in RAW_INDEXES:
        columns = _columns(db, table)
        if not columns:
            parts.append(f"{table}:-")
            continue
        changed = "max(fetched_at)" if "fetched_at" in columns else "null"
        count, latest, total = db.execute(
            f"select count(*), {changed}, total(length(coalesce(title, ''))) from [{table}]").fetchone()
        parts.append(f"{table}:{count}:{latest}:{total}:{','.join(columns)}")
    if _columns(db, "procurement_links"):  # an article's procurement comes from its link
        parts.append("links:" + hashlib.sha256(repr(db.execute(
            "select url, procurement_id, status from procurement_links order by url, procurement_id"
        ).fetchall()).encode()).hexdigest())
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()


def build_search_index(db: sqlite_utils.Database) -> None:
    """(Re)build every search index from the current archive; safe to run any number of times."""
    with db.atomic():
        for table, wanted in RAW_INDEXES.items():
            columns = [c for c in wanted if c in _columns(db, table)]
            if columns:
                _ensure_virtual(db, f"{table}_fts", _fts_sql(f"{table}_fts", columns, table))
                db.execute(f"insert into [{table}_fts]([{table}_fts]) values ('rebuild')")
            elif db[f"{table}_fts"].exists():
                db.execute(f"drop table [{table}_fts]")

        documents = db["search_documents"]
        if documents.exists() and set(documents.columns_dict) != set(SEARCH_DOCUMENTS):
            db.execute("drop table if exists search_documents_fts")
            documents.drop()
        if not documents.exists():
            documents.create(SEARCH_DOCUMENTS, pk="doc_id")
        db.execute("delete from search_documents")
        if db["notices"].exists():
            documents.insert_all(_notice_documents(db), batch_size=500)
        if db["articles"].exists():
            documents.insert_all(_article_documents(db), batch_size=500)
        # The saved searches' and dashboard's filters and groupings (issue 14: no full scan per page).
        for columns in (["source_table", "source_key"], ["procurement_id"], ["jeugdregio"], ["published"],
                        ["source_table", "procurement_id"], ["jeugdregio_name"], ["year_month", "jeugdregio_name"]):
            documents.create_index(columns, if_not_exists=True)
        _ensure_virtual(db, "search_documents_fts",
                        _fts_sql("search_documents_fts", ["title_stem", "body_stem"], "search_documents"))
        db.execute("insert into search_documents_fts(search_documents_fts) values ('rebuild')")
        # ``rank`` is bm25 with title matches weighing 4×: "search everything" orders and limits by
        # rank inside FTS5 (``order by rank limit n``) instead of joining and sorting every hit.
        db.execute("insert into search_documents_fts(search_documents_fts, rank) values ('rank', 'bm25(4.0, 1.0)')")

        db.execute("create table if not exists search_state (key text primary key, value text)")
        db.execute("insert or replace into search_state values ('fingerprint', ?)", [fingerprint(db)])
        db.execute("insert or replace into search_state values ('documents', ?)",
                   [str(db.execute("select count(*) from search_documents").fetchone()[0])])


def index_state(db: sqlite_utils.Database) -> str:
    """``"current"``, ``"stale"`` (the archive or vocabulary changed since it was built) or
    ``"missing"``; reads only, so a read-only reader may ask."""
    if not db["search_state"].exists() or not db["search_documents_fts"].exists():
        return "missing"
    row = db.execute("select value from search_state where key = 'fingerprint'").fetchone()
    return "current" if row and row[0] == fingerprint(db) else "stale"


def is_current(db: sqlite_utils.Database) -> bool:
    return index_state(db) == "current"


def ensure_search(db: sqlite_utils.Database) -> bool:
    """Rebuild the indexes only when the archive or the vocabulary changed; True if rebuilt."""
    if is_current(db):
        return False
    build_search_index(db)
    return True
