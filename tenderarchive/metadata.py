"""Datasette metadata for the archive: the shipped data dictionary plus what only
the archive itself knows.

``datasette/metadata.yaml`` describes the instance and the database, and holds the saved
searches (canned queries) and dashboards; ``datasette/tables/<table>.yaml`` describes each
table and every one of its columns. :func:`build_metadata`

* keys it to the served database's name (``__DATABASE__`` in links, ``db:`` of dashboards);
* resolves optional tables: a canned query or chart that ``requires`` a table the archive
  lacks (or that is still empty) uses its ``fallback_sql``/``fallback_query`` (and ``fallback_title``/
  ``fallback_description``) instead;
* an archive written by an older version (``serve`` never migrates it): a canned query that
  reads a table or column the archive does not have yet is replaced by one row that says so
  (it was an HTTP 400 "no such table"); the next crawl or ``reparse`` migrates the archive;
  one whose award winners predate the buyer-as-winner flag (:func:`unflagged_winners`) says on the
  home page and atop every saved search reading winners that a buyer may count as a winner there
  until a ``reparse`` (a crawl migrates the column but does not re-read old award pages);
* hides the search helper tables (FTS indexes, ``search_documents``, ``search_state``);
* when the archive was built from the bundled synthetic snapshot (a crawl whose
  note says so), puts a warning at the top of the home and database pages' description, and
  sets the plugin setting ``synthetic_demo`` that puts it at the foot of every page
  (``templates/_footer.html``: tables, rows, saved searches, research pages, dashboards, errors);
* and, when the search index is missing or outdated (``tenderarchive serve`` never builds it:
  it only reads), says so at the top of the home page.

The saved searches that show a procurement's current stage say ``__CURRENT_STAGE__`` (:data:`CURRENT_STAGE`)
for it: :func:`load_metadata` puts in the one SQL of it, ``tenderarchive/timeline.py`` ``CURRENT_STAGE_SQL``, which
the procurement page's "Fase" reads too. Those that date an undated news page by when the archive first read it
(``new_this_week``'s ``first_seen``, the feeds of ``search_all``, ``by_jeugdregio``, ``jeugdregio_nieuws`` and
``aanbesteding_nieuws``) say ``__FIRST_READ__(url)`` (:data:`FIRST_READ`), the one SQL of it, :func:`first_read_sql`.
Their date filters (``since``, ``sinds``, ``voor``) say ``__SINCE__(column, bound)`` or ``__BEFORE__(column, bound)``
(:data:`DATE_FILTERS`): the one SQL of them, ``timeline.date_filter_sql``, in which a date known to its month only is
within that month.

It only reads ``db`` (``tenderarchive serve`` passes a read-only connection).
"""

from __future__ import annotations

import copy
import functools
import re
from importlib import resources

import yaml

DATASETTE_DIR = resources.files("tenderarchive") / "datasette"  # package data: works from a zipped egg too
METADATA_FILE = DATASETTE_DIR / "metadata.yaml"

SYNTHETIC_WARNING = (
    '<p style="border:2px solid #b00;padding:.5em"><strong>Synthetic demo data.</strong> '
    "This archive was built from the bundled synthetic snapshot: the notices are invented "
    "(shaped like TenderNed's API), not real procurements.</p>"
)


#: Appended to the description of a table without a primary key (``summary_region_years``, ``summary_region_lots``,
#: ``summary_org_regions``): Datasette shows, and writes first in its CSV and JSON, SQLite's ``rowid`` for such a
#: table (it pages and links rows by it), a column ``tenderarchive export`` leaves out.
ROWID_NOTE = (" This table has no primary key: its page, CSV and JSON here begin with a column `rowid`, SQLite's"
              " number of the row, which the derivation renumbers as it rewrites rows (it names no row for long);"
              " `tenderarchive export` leaves it out, its other columns in the same order. Read a CSV by column"
              " name, or leave out this one's first column.")


#: Stands in metadata.yaml's saved searches for a procurement's current stage (of ``p.procurement_id``), written once
#: in ``tenderarchive/timeline.py`` (``CURRENT_STAGE_SQL``) for them and the procurement page's "Fase".
CURRENT_STAGE = "__CURRENT_STAGE__"

#: Stands in metadata.yaml's saved searches, as ``__FIRST_READ__(<url expression>)``, for when the archive first read
#: the news page at that URL, as of the moment its crawl read it: :func:`first_read_sql`, written once for the five.
FIRST_READ = "__FIRST_READ__"


def first_read_sql(url: str) -> str:
    """SQL of when the archive first read the news page at ``url`` (an SQL expression), as its rows read it.

    A crawl reads every page as of its own moment (``BaseSpider.read_at``): the clock's, when it fetched the page, or
    the one ``TENDERARCHIVE_NOW`` fixed (and its replay and reparse again), which its rows carry (``fetched_at``)
    while the raw store keeps the machine's fetch time as evidence (``fetches.fetched_at``). So the page's own row
    says it, not its first fetch: the first version's ``valid_from`` (what the row said before a later crawl
    changed it), else the row's ``fetched_at`` when the crawl that wrote it is the one of its first answer 200, else
    (a later crawl that wrote it from a new address moves ``fetched_at`` and keeps no version) the moment the crawl of
    that first answer read its pages as of (``crawls.arguments.now``, recorded by a crawl under ``TENDERARCHIVE_NOW``
    and its replay: ``BaseSpider.crawl_arguments``), else that first fetch, else the row's ``fetched_at`` (no raw
    store). On the clock this is the first fetch, as it was; an older archive has every column it reads (``serve``
    never writes; a crawl recorded before ``now`` was, its first fetch as before)."""
    from tenderarchive.store.queries import crawl_now_sql

    return (
        "(select coalesce("
        "(select min(v.valid_from) from versions v where v.table_name = 'articles' and v.row_key = first_read.url), "
        "case when first_read.crawl_id is (select f.crawl_id from fetches f where f.url = first_read.url "
        "and +f.status = 200 order by f.fetched_at limit 1) then first_read.fetched_at end, "
        f"(select coalesce({crawl_now_sql('c')}, f.fetched_at) "
        "from fetches f left join crawls c on c.crawl_id = f.crawl_id where f.url = first_read.url and +f.status = 200 "
        "order by f.fetched_at limit 1), "
        f"first_read.fetched_at) from articles first_read where first_read.url = {url})")


#: Stand in metadata.yaml's saved searches, as ``__SINCE__(<date column>, <bound>)`` and ``__BEFORE__(…)``, for
#: their date filters (``since``, ``sinds``, ``voor``): :func:`tenderarchive.timeline.date_filter_sql`, the one SQL of
#: what on or after and before a day mean for a date known to its month or year only.
DATE_FILTERS = {"__SINCE__": False, "__BEFORE__": True}


def date_filters(text: str) -> str:
    """``text`` with each :data:`DATE_FILTERS` placeholder replaced by its SQL; its two arguments split at the comma
    outside parentheses (the column may be ``coalesce(a, b)``)."""
    from tenderarchive.timeline import date_filter_sql

    for name, before in DATE_FILTERS.items():
        while (start := text.find(name + "(")) >= 0:
            depth, i, comma = 0, start + len(name), None
            while True:
                char = text[i]
                depth += char == "("
                depth -= char == ")"
                if char == "," and depth == 1 and comma is None:
                    comma = i
                if depth == 0:
                    break
                i += 1
            column, bound = text[start + len(name) + 1:comma].strip(), text[comma + 1:i].strip()
            text = text[:start] + date_filter_sql(column, bound, before) + text[i + 1:]
    return text


def load_metadata() -> dict:
    """The shipped metadata, with every ``tables/*.yaml`` under database ``archive`` (and :data:`CURRENT_STAGE`
    in its saved searches replaced by the SQL of a procurement's current stage, :data:`FIRST_READ` by that of when
    the archive first read a news page)."""
    from tenderarchive.timeline import current_stage_sql

    text = METADATA_FILE.read_text(encoding="utf-8")
    # indented as the line it stands in, so the YAML block keeps its shape
    text = re.sub(rf"^( *)(.*){CURRENT_STAGE}", lambda m: m[1] + m[2] + current_stage_sql("p.procurement_id").replace(
        "\n", "\n" + m[1] + "  "), text, flags=re.M)
    text = re.sub(rf"{FIRST_READ}\(([^()]+)\)", lambda m: first_read_sql(m[1].strip()), text)
    text = date_filters(text)
    metadata = yaml.safe_load(text)
    database = metadata.setdefault("databases", {}).setdefault("archive", {})
    tables = database.setdefault("tables", {})
    for path in sorted((DATASETTE_DIR / "tables").iterdir(), key=lambda p: p.name):
        if path.name.endswith(".yaml"):
            tables[path.name.removesuffix(".yaml")] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return metadata


def is_synthetic(db) -> bool:
    if not db["crawls"].exists():
        return False
    return bool(list(db.query("select 1 from crawls where note like '%synthetic%' limit 1")))


#: Saved searches renamed to the glossary's word (docs/glossary.md): old name -> (new name, {old parameter:
#: new parameter}, {parameter: value the old search meant}). Datasette redirects the old address
#: (tenderarchive/datasette_plugin.py) and ``tenderarchive export`` takes the old name, so links, feeds and
#: scripts made before keep working and get the rows they got: provider_contracts gave every award a provider
#: won, superseded ones and those outside youth care too (aanbieder_contracten's ``alle_gunningen``), and its
#: ``before`` (awards dated before that day, the way it paged) is aanbieder_contracten's ``voor``.
RENAMED_QUERIES = {
    "provider_contracts": ("aanbieder_contracten", {"provider": "aanbieder", "before": "voor"},
                           {"alle_gunningen": "ja"}),
}


def renamed_query(name: str, params: dict) -> tuple[str, dict] | None:
    """``(new name, params with the new parameter names and the old search's meaning)`` when ``name`` is a
    renamed saved search."""
    if name.strip() not in RENAMED_QUERIES:
        return None
    target, renames, meant = RENAMED_QUERIES[name.strip()]
    return target, {**{renames.get(k, k): v for k, v in params.items()}, **meant}


SHIPPED_DATABASE = "archive"
PLACEHOLDER = "__DATABASE__"


def _has_rows(db, table: str) -> bool:
    """A table that exists and holds data (an empty, just-migrated table does not count)."""
    if db is None or not (db[table].exists() or table in db.view_names()):
        return False
    return bool(db.execute(f"select exists(select 1 from [{table}])").fetchone()[0])


def _resolve(entry: dict, has_table) -> dict:
    """Pick the main or the fallback variant of a canned query or chart; drop the extra keys."""
    entry = dict(entry)
    if "sql" in entry:
        entry.setdefault("hide_sql", True)  # readers see the form and the rows; "show" reveals the SQL
    required = entry.pop("requires", None)
    fallbacks = {k[len("fallback_"):]: entry.pop(k) for k in list(entry) if k.startswith("fallback_")}
    required = [required] if isinstance(required, str) else list(required or [])
    if any(not has_table(t) for t in required) and fallbacks:
        entry.update(fallbacks)
    if entry.get("columns") and "description_html" not in entry:
        # the query's column descriptions (research views) under its description
        from markupsafe import escape
        entry["description_html"] = "<p>{}</p><details><summary>Kolommen</summary><dl>{}</dl></details>".format(
            escape(entry.get("description", "")),
            "".join(f"<dt>{escape(c)}</dt><dd>{escape(d)}</dd>" for c, d in entry["columns"].items()))
    return entry


def _rename_database(value, database_name: str):
    if isinstance(value, str):
        return value.replace(PLACEHOLDER, database_name)
    if isinstance(value, list):
        return [_rename_database(v, database_name) for v in value]
    if isinstance(value, dict):
        return {k: (database_name if k == "db" and v == SHIPPED_DATABASE else _rename_database(v, database_name))
                for k, v in value.items()}
    return value


def hidden_tables(db) -> list[str]:
    """Search helper tables and FTS shadow tables present in ``db`` (hidden in Datasette)."""
    from tenderarchive.store.search_index import HELPER_TABLES

    names = set(db.table_names()) if db is not None else set()
    hidden = {n for n in names if n in HELPER_TABLES or n.startswith("search_")
              or any(n.endswith(s) for s in ("_fts", "_fts_data", "_fts_idx", "_fts_docsize",
                                                "_fts_config", "_fts_content"))}
    return sorted(hidden | set(HELPER_TABLES))


SEARCH_INDEX_WARNING = {
    "missing": ('<p style="border:2px solid #b60;padding:.5em"><strong>No search index.</strong> '
                "This archive has no search index yet, so the saved searches and the dashboard cannot "
                "run; the tables can be browsed. A crawl or <code>tenderarchive reparse</code> builds it.</p>"),
    "stale": ('<p style="border:2px solid #b60;padding:.5em"><strong>Search index out of date.</strong> '
              "The archive changed after its search index was built; searches may miss the newest rows "
              "until the next crawl rebuilds it.</p>"),
}


OLDER_ARCHIVE_NOTE = ("This archive was written by an older version of tenderarchive and has no {what} yet: "
                      "the next crawl (or tenderarchive reparse) adds it.")


#: Atop the home and database pages of an archive written by an older version (``serve`` never migrates it).
OLDER_ARCHIVE_HOME_NOTE = ("This archive was written by an older version of tenderarchive: {count} saved searches "
                           "(and the research pages' sections that show them) read tables or columns it does not "
                           "have yet and answer with a note saying which. The next crawl (or tenderarchive reparse) "
                           "adds them; a tenderarchive serve that was running then shows them once it is started "
                           "again (it builds the saved searches when it starts).")


#: Where the saved searches read winners from: the award winners and the summaries that count them (a buyer
#: listed as the winner, ``award_suppliers.is_buyer``, is no winner and no provider there).
WINNER_TABLES = ("award_suppliers", "summary_award_winners", "summary_procurements", "summary_region_years",
                 "summary_org_regions")

UNFLAGGED_WINNERS_NOTE = (
    "This archive holds award winners written before a buyer listed as the winner was flagged "
    "(award_suppliers.is_buyer): such a buyer may be counted and listed here as a winner and a provider "
    "until tenderarchive reparse re-reads the archived award pages (a crawl does not re-read them).")


def unflagged_winners(db) -> bool:
    """True when the archive has award winners written before ``award_suppliers.is_buyer`` existed: the column
    is missing (serve never migrates) or, after a crawl added it, empty (NULL) on those rows; every reader of
    this version writes 0 or 1. The summaries built from them count the buyer as a winner, and incremental
    crawls do not recompute them; only a reparse (which re-reads every award page) does."""
    if db is None or not db["award_suppliers"].exists():
        return False
    if "is_buyer" not in db["award_suppliers"].columns_dict:
        return bool(db.execute("select exists(select 1 from award_suppliers)").fetchone()[0])
    return bool(db.execute("select exists(select 1 from award_suppliers where is_buyer is null)").fetchone()[0])


def _note_unflagged(query: dict) -> None:
    """Put :data:`UNFLAGGED_WINNERS_NOTE` at the top of the description of a saved search reading winners."""
    import re

    from markupsafe import escape

    if not re.search(r"\b(" + "|".join(WINNER_TABLES) + r")\b", query.get("sql") or ""):
        return
    query["note"] = UNFLAGGED_WINNERS_NOTE  # the research pages show it above the query's section
    note = f'<p style="border:2px solid #b60;padding:.5em">{escape(UNFLAGGED_WINNERS_NOTE)}</p>'
    query["description_html"] = note + query.get("description_html", f"<p>{escape(query.get('description', ''))}</p>")


#: Tables a saved search reads only to find more (an old organisation id's provider: organisation_aliases): an
#: archive of an older version (serve never migrates it) has none, which is the same as having them empty, so
#: the search runs on an empty stand-in instead of answering with the older-archive note.
EMPTY_STANDINS = {"organisation_aliases": "(select null as alias_id, null as organisation_id where 0)"}


#: Columns a saved search reads only to leave rows out (a buyer listed as the winner, ``award_suppliers.is_buyer``):
#: an archive of an older version (serve never migrates it) lacks them, which is the same as none being set (its
#: winner lists say so, :data:`UNFLAGGED_WINNERS_NOTE`), so the search runs with NULL in their place instead of
#: answering with the older-archive note (the lot, award and provider lists of such an archive showed nothing).
COLUMN_STANDINS = {("award_suppliers", "is_buyer"): (r"\b\w+\.is_buyer\b", "null"),
                   # an archive a crawl has not opened since the column: crawl_wijzigingen reads each record's address
                   ("notices", "first_crawl_id"): (r"\bnf?\.first_crawl_id\b", "null"),
                   ("articles", "first_crawl_id"): (r"\baf?\.first_crawl_id\b", "null"),
                   # summarised before values including VAT were kept apart: award_notices, jeugdregio_aanbestedingen
                   # and opdrachtgever_aanbestedingen give that total beside theirs (none known, as the totals then)
                   ("summary_procurements", "waarde_incl_btw_cents"): (r"\b[sv]\.waarde_incl_btw_cents\b", "null"),
                   # archived before a winner's own value kept its VAT basis: its value says nothing of VAT (NULL),
                   # listed under inschrijving as before, as the totals of such an archive counted it
                   ("award_suppliers", "tender_value_has_tax"): (r"\b\w+\.tender_value_has_tax\b", "null"),
                   # summarised before the lot listing's order key: jeugdregio_percelen sorts by the key of gegund_op
                   ("summary_region_lots", "gegund_order"): (r"\br\.gegund_order\b", "date_order(r.gegund_op)")}


#: Views a saved search reads that an archive of an older version lacks (serve never migrates it; a view comes with
#: the schema a crawl's open creates, tenderarchive/store/schema.py VIEWS): the search reads the view's definition in
#: its place, so it answers as it did when it held that SQL inline (aanbieder_contracten: ``award_winner_shares``,
#: which reads only award_suppliers and awards), not with the older-archive note.
VIEW_STANDINS = ("award_winner_shares",)


def _view_standins(db, sql: str) -> str:
    """``sql`` with the definition of each of :data:`VIEW_STANDINS` the archive lacks put in for its name."""
    from tenderarchive.store.schema import VIEWS

    for name in VIEW_STANDINS:
        if sql and name in sql and name not in db.view_names() and not db[name].exists():
            # (where it is read, after from or join: not where a comment names it)
            sql = re.sub(rf"(?i)\b(from|join)(\s+){name}\b",
                         lambda m: f"{m.group(1)}{m.group(2)}(" + VIEWS[name].strip() + ")", sql)
    return sql


def _column_standins(db, sql: str) -> str:
    """``sql`` with :data:`COLUMN_STANDINS` put in for the columns the archive lacks."""
    import re

    for (table, column), (pattern, standin) in COLUMN_STANDINS.items():
        if sql and column in sql and db[table].exists() and column not in db[table].columns_dict:
            sql = re.sub(pattern, standin, sql)
    return sql


def _schema_gap(db, sql: str) -> str | None:
    """What ``sql`` reads that the archive lacks (``table awards``), asked SQLite
    itself: the query is compiled (``EXPLAIN``), not run. None when it compiles, or fails for
    another reason (left to Datasette)."""
    import re
    import sqlite3

    try:
        db.conn.execute("explain " + sql, {name: None for name in re.findall(r":(\w+)", sql)}).fetchall()
    except sqlite3.OperationalError as exc:
        message = str(exc)
        if message.startswith(("no such table: ", "no such column: ")):
            kind, name = message[len("no such "):].split(": ", 1)
            return f"{kind} {name}"
    except sqlite3.Error:
        return None
    return None


def _facet_column(facet) -> str | None:
    """The column of a metadata facet: ``name``, ``{type: name}`` or ``{type: {column: name}}``."""
    if isinstance(facet, str):
        return facet
    if isinstance(facet, dict) and len(facet) == 1:
        (value,) = facet.values()
        return value.get("column") if isinstance(value, dict) else value
    return None


def _drop_missing_columns(db, tables: dict) -> None:
    """Default facets, sorts and label columns of the tables whose column the archive lacks are
    left out: an archive of an older version (serve never migrates it) answered every page of such
    a table with HTTP 400 "no such column"."""
    for name, table in tables.items():
        if not (db[name].exists() or name in db.view_names()):
            continue
        columns = {row[1] for row in db.execute(f"pragma table_info([{name}])").fetchall()}
        if "facets" in table:
            table["facets"] = [f for f in table["facets"] if _facet_column(f) in columns]
        for key in ("sort", "sort_desc", "label_column"):
            if key in table and table[key] not in columns:
                del table[key]


def build_metadata(db, database_name: str, search_index: str = "current") -> dict:
    shipped = load_metadata()
    metadata = copy.deepcopy(shipped)
    databases = metadata.pop("databases", {})
    metadata["databases"] = {database_name: databases.get(SHIPPED_DATABASE, {})}
    has_rows = functools.partial(_has_rows, db)
    database = metadata["databases"][database_name]
    database["queries"] = {name: _resolve(query, has_rows)
                           for name, query in (database.get("queries") or {}).items()}
    if db is not None:
        from tenderarchive.datasette_plugin import register_functions

        register_functions(db.conn)  # the SQL functions the queries call
        for query in database["queries"].values():
            for table, standin in EMPTY_STANDINS.items():
                if query.get("sql") and table in query["sql"] and not db[table].exists():
                    query["sql"] = re.sub(rf"\b{table}\b", standin, query["sql"])
            if query.get("sql"):
                query["sql"] = _column_standins(db, _view_standins(db, query["sql"]))
            gap = _schema_gap(db, query.get("sql") or "")
            if gap:
                query["sql"] = "select {} as note".format(
                    "'" + OLDER_ARCHIVE_NOTE.format(what=gap).replace("'", "''") + "'")
                query.pop("params", None)
                query["older_archive"] = OLDER_ARCHIVE_NOTE.format(what=gap)  # export refuses it (export.py)
        if unflagged_winners(db):
            for query in database["queries"].values():
                _note_unflagged(query)
            warning = f'<p style="border:2px solid #b60;padding:.5em">{UNFLAGGED_WINNERS_NOTE}</p>'
            metadata["description_html"] = warning + metadata.get("description_html", "")
            database["description_html"] = warning + database.get("description_html", "")
    for dashboard in ((metadata.get("plugins") or {}).get("datasette-dashboards") or {}).values():
        dashboard["charts"] = {name: _resolve(chart, has_rows)
                               for name, chart in (dashboard.get("charts") or {}).items()}
        if db is not None:
            for chart in dashboard["charts"].values():
                if isinstance(chart, dict) and chart.get("query"):
                    chart["query"] = _column_standins(db, _view_standins(db, chart["query"]))
        # its filters are queried as the page is made: a missing table there is an HTTP 500
        dashboard["filters"] = {name: _resolve(flt, has_rows)
                                for name, flt in (dashboard.get("filters") or {}).items()}
    tables = database.setdefault("tables", {})
    if db is not None:
        _drop_missing_columns(db, tables)
        names = set(db.table_names())
        for name, table in tables.items():  # Datasette's CSV of it has a rowid export has not (ROWID_NOTE)
            if table.get("description") and name in names and db.table(name).use_rowid:
                table["description"] = table["description"].rstrip() + ROWID_NOTE
    for name in hidden_tables(db):
        tables.setdefault(name, {})["hidden"] = True
    if db is not None:  # a big table search is listed by the rowid (tenderarchive/table_search.py)
        from tenderarchive.table_search import sortable_columns

        for name, columns in sortable_columns(db).items():
            tables.setdefault(name, {}).setdefault("sortable_columns", columns)
    metadata = _rename_database(metadata, database_name)
    older = older_archive_searches(metadata) if db is not None and not at_current_schema(db) else []
    if older:  # the home and database pages say it, not only each search a reader happens to open
        warning = f'<p style="border:2px solid #b60;padding:.5em">{OLDER_ARCHIVE_HOME_NOTE.format(count=len(older))}</p>'
        metadata["description_html"] = warning + metadata.get("description_html", "")
        metadata["databases"][database_name]["description_html"] = (
            warning + metadata["databases"][database_name].get("description_html", ""))
    if is_synthetic(db):
        # atop the home and database pages; at the foot of every other page (templates/_footer.html)
        metadata.setdefault("plugins", {}).setdefault("tenderarchive", {})["synthetic_demo"] = True
        metadata["description_html"] = SYNTHETIC_WARNING + metadata.get("description_html", "")
        metadata["databases"][database_name]["description_html"] = (
            SYNTHETIC_WARNING + metadata["databases"][database_name].get("description_html", ""))
    if search_index in SEARCH_INDEX_WARNING:
        metadata["description_html"] = SEARCH_INDEX_WARNING[search_index] + metadata.get("description_html", "")
    return metadata


def at_current_schema(db) -> bool:
    """Whether the archive was last migrated by this version's schema (``PRAGMA user_version``, minus it while a
    rebuild is in bulk: ``store/schema.py``); an archive not yet crawled into (no search index yet) is."""
    from tenderarchive.store.schema import schema_fingerprint

    return abs(db.execute("pragma user_version").fetchone()[0]) == schema_fingerprint()


def older_archive_searches(metadata: dict) -> list[str]:
    """The saved searches of ``metadata`` (:func:`build_metadata`'s) this archive, written by an older version,
    cannot answer: each answers with the one-row :data:`OLDER_ARCHIVE_NOTE`."""
    return [name for database in (metadata.get("databases") or {}).values()
            for name, query in (database.get("queries") or {}).items() if query.get("older_archive")]
