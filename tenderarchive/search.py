"""Dutch full-text search over the archive.

:func:`refresh_search` (re)builds, idempotently, from whatever tables exist:

``notices_fts``, ``articles_fts``
    FTS5 over the raw text of ``notices`` and ``articles`` (external content, so the text
    is stored once), ``tokenize='unicode61 remove_diacritics 2'``: accents and case do not
    matter. Datasette uses them for the search box of those tables and for ``/-/search``.
``search_documents``
    One row per searchable document (a notice or an article) with the columns every
    saved search needs: title, text, date, procurement, jeugdregio, link, and a Dutch
    stemmed mirror of title and text (``title_stem``, ``body_stem``).
``search_documents_fts``
    FTS5 over the stemmed mirror: ``aanbestedingen`` and ``aanbesteding`` both index as
    ``aanbesteed``.
``search_state``
    A fingerprint of what was indexed, so :func:`ensure_search` rebuilds only when the
    archive or the vocabulary changed.

Queries go through :func:`nl_fts_query` (registered as the SQL function
``nl_fts_query(q)`` by :mod:`tenderarchive.datasette_plugin`): it splits the user's input
into words, drops stopwords, stems, expands the youth-care synonyms of
``datasette/search.yaml`` and quotes every term, so no input can break the FTS5 syntax.
Every word must match (AND); the synonyms of a word are alternatives (OR).
"""

from __future__ import annotations

from importlib import resources

import hashlib
import re
import unicodedata
from functools import lru_cache

import snowballstemmer
import sqlite_utils
import yaml

VOCABULARY_FILE = resources.files("tenderarchive") / "datasette" / "search.yaml"  # works zipped too
TOKENIZE = "unicode61 remove_diacritics 2"
INDEX_VERSION = "3"
MATCH_NOTHING = '""'  # a valid FTS5 query that matches no row

# Raw full-text indexes: table -> indexed columns (those that exist are used).
RAW_INDEXES = {
    "notices": ["title", "description", "buyer"],
    "articles": ["title", "text", "site"],
}
# Tables and views of the search machinery (hidden in Datasette).
HELPER_TABLES = ["search_documents", "search_documents_fts", "search_state",
                 *(f"{t}_fts" for t in RAW_INDEXES)]

_WORD = re.compile(r"\w+", re.UNICODE)
#: Longest search input (characters) that is parsed; the rest is ignored. A query is a few
#: words; the bound keeps a hostile query (or a huge column value given to
#: :func:`jeugdregio_code`) to linear work on a small input (issue 13).
MAX_QUERY_CHARS = 1_000


# --- text → terms -------------------------------------------------------------------

def fold(text: str) -> str:
    """Lower case without diacritics (as unicode61 remove_diacritics 2 does)."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(text: str) -> list[str]:
    """The words of ``text``, folded; punctuation and FTS syntax characters are separators."""
    return [w for w in _WORD.findall(fold(text)) if w.strip("_")]


@lru_cache(maxsize=1)
def _stemmer():
    return snowballstemmer.stemmer("dutch")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _stemmer().stemWord(word)


def stem_text(text: str | None) -> str:
    """The Dutch-stemmed mirror of ``text``: its words, folded and stemmed, space-separated."""
    return " ".join(stem(w) for w in words(text or ""))


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    data = yaml.safe_load(VOCABULARY_FILE.read_text(encoding="utf-8")) or {}
    groups = []
    for terms in (data.get("synonyms") or {}).values():
        phrases = []
        for term in terms:
            stems = tuple(stem(w) for w in words(str(term)))
            if stems and stems not in phrases:
                phrases.append(stems)
        if phrases:
            groups.append(phrases)
    # phrase (tuple of stems) -> all phrases of its groups
    expansions: dict[tuple, list[tuple]] = {}
    for phrases in groups:
        for phrase in phrases:
            alternatives = expansions.setdefault(phrase, [])
            alternatives.extend(p for p in phrases if p not in alternatives)
    stopwords = {fold(str(w)) for w in data.get("stopwords") or []}
    longest = max((len(p) for p in expansions), default=1)
    return {"expansions": expansions, "stopwords": stopwords, "longest": longest}


def _phrase(stems) -> str:
    # Stems are \w+ runs, so they hold no quote; doubling quotes is belt and braces.
    return '"' + " ".join(s.replace('"', '""') for s in stems) + '"'


def fts_quote(query: str | None) -> str:
    """The user's words as quoted FTS5 terms, all required; for the raw indexes."""
    terms = words((query or "")[:MAX_QUERY_CHARS])
    if not terms:
        return MATCH_NOTHING
    return " AND ".join(_phrase([t]) for t in dict.fromkeys(terms))


def query_terms(query: str | None) -> list[list[tuple]]:
    """The parsed query: a list of required units, each a list of alternative stem phrases."""
    voc = vocabulary()
    tokens = words((query or "")[:MAX_QUERY_CHARS])
    content = [t for t in tokens if t not in voc["stopwords"]]
    tokens = content or tokens
    stems = [stem(t) for t in tokens]
    units: list[list[tuple]] = []
    i = 0
    while i < len(stems):
        for n in range(min(voc["longest"], len(stems) - i), 0, -1):
            phrase = tuple(stems[i:i + n])
            if n == 1 or phrase in voc["expansions"]:
                units.append(voc["expansions"].get(phrase, [phrase]))
                i += n
                break
    unique: list[list[tuple]] = []
    for unit in units:
        if unit not in unique:
            unique.append(unit)
    return unique


def nl_fts_query(query: str | None) -> str:
    """FTS5 query over the stemmed index for a Dutch user query; never a syntax error.

    >>> nl_fts_query('aanbestedingen jeugdzorg')  # doctest: +ELLIPSIS
    '"aanbesteed" AND ("jeugdhulp" OR "jeugdzorg" OR "jeugd ggz" OR ...)'
    """
    units = query_terms(query)
    if not units:
        return MATCH_NOTHING
    parts = []
    for alternatives in units:
        quoted = [_phrase(p) for p in alternatives]
        parts.append(quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")")
    return " AND ".join(parts)


# --- jeugdregio of a document --------------------------------------------------------

def _regions() -> dict:
    from tenderarchive.analysis import places

    return places.load()[1]


def jeugdregio_code(value: str | None) -> str | None:
    """The jeugdregio code (JZnn) for a code, a region name or alias, or a municipality."""
    if not value or not str(value).strip():
        return None
    from tenderarchive.analysis import places
    from tenderarchive.organisations import municipality

    text = str(value).strip()[:MAX_QUERY_CHARS]
    if re.fullmatch(r"(?i)jz\d{2}", text):
        return text.upper()
    key = fold(re.sub(r"(?i)^(gemeente|jeugdregio|regio)\s+", "", text))
    for code, row in _regions().items():
        names = [row["name"], re.sub(r"\s*\(.*\)", "", row["name"]),
                 *(a for a in (row.get("aliases") or "").split("|") if a)]
        if key in {fold(n) for n in names}:
            return code
    row = municipality(key)  # the one municipality lookup, shared with the places pipeline
    if row:
        return row["jeugdregio_code"]
    found = places.find_regions(text)
    return found[0]["code"] if found and found[0]["code"] else None


def jeugdregio_name(code: str | None) -> str | None:
    if not code:
        return None
    return _regions().get(code, {}).get("name")


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


def _article_documents(db: sqlite_utils.Database):
    columns = set(_columns(db, "articles"))
    order = "url" if "url" in columns else "rowid"
    regions_of = _regions_of(db, "article_municipalities", "url")
    for row in db.query(f"select * from articles order by [{order}]"):
        region = row.get("jeugdregio_code") or row.get("jeugdregio")
        codes = [c for c in (jeugdregio_code(part) for part in re.split(r"[,;|]", str(region or ""))) if c]
        codes = list(dict.fromkeys(codes + regions_of.get(row.get("url"), [])))  # all its municipalities' regions
        published = row.get("published")
        yield {
            "doc_id": f"article:{row.get('url')}", "source_table": "articles",
            "source_key": row.get("url"), "procurement_id": row.get("procurement_id"),
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
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()


def refresh_search(db: sqlite_utils.Database) -> None:
    """(Re)build every search index from the current archive; safe to run any number of times."""
    with db.conn:
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
        for columns in (["source_table", "source_key"], ["procurement_id"], ["jeugdregio"], ["published"]):
            documents.create_index(columns, if_not_exists=True)
        _ensure_virtual(db, "search_documents_fts",
                        _fts_sql("search_documents_fts", ["title_stem", "body_stem"], "search_documents"))
        db.execute("insert into search_documents_fts(search_documents_fts) values ('rebuild')")

        db.execute("create table if not exists search_state (key text primary key, value text)")
        db.execute("insert or replace into search_state values ('fingerprint', ?)", [fingerprint(db)])
        db.execute("insert or replace into search_state values ('documents', ?)",
                   [str(db.execute("select count(*) from search_documents").fetchone()[0])])


def is_current(db: sqlite_utils.Database) -> bool:
    if not db["search_state"].exists() or not db["search_documents_fts"].exists():
        return False
    row = db.execute("select value from search_state where key = 'fingerprint'").fetchone()
    return bool(row) and row[0] == fingerprint(db)


def ensure_search(db: sqlite_utils.Database) -> bool:
    """Refresh the indexes only when the archive or the vocabulary changed; True if rebuilt."""
    if is_current(db):
        return False
    refresh_search(db)
    return True
