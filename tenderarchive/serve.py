"""``tenderarchive serve``: Datasette on the archive, opened only through ``tenderarchive/readonly.py``.

Datasette's own ``serve`` command opens a file ``?immutable=1`` (``-i``) or ``?mode=ro``. Its
immutable mode still opens the file descriptor read-write, and its ``mode=ro`` makes SQLite
create ``-wal``/``-shm`` files next to a WAL-mode archive. So the server is started here, in
process, with Datasette's Python API (``Datasette``, ``add_database``, ``app()`` under uvicorn,
as ``datasette serve`` itself does), and the archive's :class:`ArchiveDatabase` opens every
connection with the URI of :func:`tenderarchive.readonly.uri`: ``mode=ro&immutable=1`` when no
crawl is writing, ``mode=ro`` otherwise (and always with ``--live``). It refuses write
connections. The tenderarchive plugin (``tenderarchive/datasette_plugin.py``) adds
``PRAGMA query_only`` on every connection besides.

What Datasette does on every page that the archive can do once (issue 14, bench/README.md "Datasette's
fixed cost per page"): each table's ``allow`` rules (``ArchiveDatasette._table_permission_allows``), the
schema questions of a page while the file is served immutable (``ArchiveDatabase._kept``,
``ArchiveDatasette._refresh_schemas``), and pluggy's call of ``render_cell`` for each cell when no plugin
implements it (:func:`_per_cell_caller`). Written here, around Datasette 0.65's classes, because Datasette
has no setting for them: it assumes a file may change under it between any two queries.
"""

from __future__ import annotations

import asyncio
import copy
import logging
import sqlite3
from pathlib import Path

from datasette import hookimpl
from datasette.database import Results

from tenderarchive import readonly

logger = logging.getLogger(__name__)

#: Datasette settings for an archive of the whole of TenderNed and a decade of news (issue 14;
#: measured with bench/scale.py, figures in bench/README.md). ``--setting NAME VALUE`` of
#: ``tenderarchive serve`` overrides one (the benchmark turns on ``trace_debug``; tests lower limits).
SETTINGS = {
    "default_page_size": 50,
    # A page's own query: every saved search and table page is indexed to answer in well under a
    # second on a million notices; 5 s stops a runaway ad-hoc query without cutting a slow disk short.
    "sql_time_limit_ms": 5000,
    # Each requested facet: the default facets are on indexed columns (a covering-index scan);
    # a facet on an unindexed column of a million rows gives up after 1 s instead of 0.2 s.
    "facet_time_limit_ms": 1000,
    # Datasette's default; bigger pages only make HTML nobody reads. Complete data is the CSV stream.
    "max_returned_rows": 1000,
    # Two cores: two SQL threads keep one slow query from blocking every other reader.
    "num_sql_threads": 2,
    # Facet suggestions run a query per column on every table page (over a hundred on notices):
    # seconds on a million rows. Off; the default facets of tables/*.yaml are what is offered.
    "suggest_facets": False,
    "allow_csv_stream": True,   # CSV of every row (`_stream=1`)
    # 0 = no size cap: a streamed CSV of the whole notices table (1.7 GB at a million rows) is
    # complete instead of silently stopping at Datasette's default 100 MB.
    "max_csv_mb": 0,
}


#: Templates over Datasette's own (``{% extends "default:…" %}``): the table page's note on a big
#: search (tenderarchive/table_search.py). research.html is read by tenderarchive/research.py.
TEMPLATES = Path(__file__).parent / "datasette" / "templates"


class _MarkdownForTemplates:
    """The template side of datasette-render-markdown, without its ``render_cell``.

    datasette-dashboards needs that plugin: its chart descriptions go through the plugin's
    ``render_markdown`` template function. But the plugin's ``render_cell`` looks up its plugin
    configuration for every cell of every page to ask whether the column is Markdown; on a
    100-row saved search of 14 columns that was a third of the page's time (55 of 174 ms at a
    million notices, issue 14), and no archive column is Markdown (scraped text is shown as
    text). So the served Datasette keeps the template function and the ``{% markdown %}`` tag and
    leaves the per-cell hook out.
    """

    def __init__(self, module):
        self.module = module
        self.__name__ = module.__name__   # Datasette's /-/plugins lists plugins by module name

    @hookimpl
    def extra_template_vars(self):
        return self.module.extra_template_vars()

    @hookimpl
    def prepare_jinja2_environment(self, env):
        return self.module.prepare_jinja2_environment(env)


#: Installed plugins the served archive does without (pluggy names). ``search_all`` is
#: datasette-search-all, an earlier dependency: its ``/-/search`` ran the table search of every
#: searchable table, seconds on a common word at a million notices; the archive's ``/-/search``
#: is the one ranked search index (``tenderarchive/datasette_plugin.py``).
LEFT_OUT = ("search_all",)


#: Datasette's hooks it calls once per cell of a page (``display_columns_and_rows``, ``query.html``'s rows).
PER_CELL_HOOKS = ("render_cell",)


def _per_cell_caller():
    """pluggy's ``HookCaller`` that answers at once when no plugin implements its hook.

    Datasette 0.65 asks ``pm.hook.render_cell`` about every cell of every table, row and query page: 3,150
    calls on a page of 50 notices, 12,000 on a 1,000-row saved search. The archive registers no such hook
    (its links are written by the row filters, ``tenderarchive/table_rows.py``), and pluggy still checks
    the arguments and runs its call loop over no implementation, 1.6–4.7 µs a call on this machine
    (bench/README.md, "Datasette's fixed cost per page, round 3"). With no implementation the answer is
    pluggy's own (an empty list of results); once a plugin registers one, every call is pluggy's again.
    A subclass with no slots of its own, so the caller Datasette holds only changes its class."""
    from pluggy import HookCaller

    class PerCellCaller(HookCaller):
        __slots__ = ()

        def __call__(self, **kwargs):
            if not self._hookimpls:
                return []
            return super().__call__(**kwargs)

    return PerCellCaller


def choose_plugins() -> None:
    """Leave out the hooks the archive does not use (idempotent: pluggy's manager is global), and let the
    per-cell hooks nobody implements answer at once (:func:`_per_cell_caller`)."""
    from datasette.plugins import pm
    from pluggy import HookCaller

    for name in PER_CELL_HOOKS:
        caller = getattr(pm.hook, name)
        if type(caller) is HookCaller:
            caller.__class__ = _per_cell_caller()

    for name in LEFT_OUT:
        if pm.get_plugin(name) is not None:
            pm.unregister(name=name)
    markdown = pm.get_plugin("render_markdown")
    if markdown is not None:
        pm.unregister(name="render_markdown")
        pm.register(_MarkdownForTemplates(markdown), name="render_markdown_templates")


def _file_state(path: Path) -> tuple[int, int, int, int] | None:
    """Which file is at ``path`` and how it stands, from one ``stat``: device and inode (a reparse or
    ``build-demo`` puts a new file in the archive's place, ``os.replace``), size and modification
    time (a crawl wrote it). None when no file is there."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns


#: Schema queries Datasette runs through ``Database.execute`` on every page: the permission check of a
#: table page (twice a page: SQLite's spelling of the table's name, Datasette's patched ``permission_allowed``).
SCHEMA_QUERIES = frozenset({
    "select name from sqlite_master where type in ('table', 'view') and name = ? collate nocase",
})


def _fresh(value):
    """A caller's own copy of a kept schema answer: a new list (of new dicts: the foreign keys), a deep
    copy of a dict (all foreign keys); strings, tuples and Datasette's ``Column`` tuples are immutable."""
    if isinstance(value, list):
        return [dict(item) if isinstance(item, dict) else item for item in value]
    if isinstance(value, dict):
        return copy.deepcopy(value)
    if isinstance(value, Results):   # rows are sqlite3.Row, immutable
        return Results(list(value.rows), value.truncated, value.description)
    return value


def make_datasette(db_path: str | Path, metadata: dict, immutable: bool, settings: dict | None = None):
    """A Datasette instance serving the archive at ``db_path`` read-only, named after its stem."""
    from datasette.app import Datasette
    from datasette.database import Database

    from tenderarchive import table_order

    choose_plugins()
    path = Path(db_path).resolve()

    started = _file_state(path)
    lock = readonly.lock_path_for(path)  # once: the check before every query needs no path resolved

    class ArchiveDatabase(Database):
        """Datasette's database, connected through the read-only opener.

        Served immutable (no crawl was writing when ``serve`` started), it stays so only while
        nothing writes: SQLite reads an ``immutable=1`` file as if it never changed, so a crawl
        that wrote it under a long-running server (a nightly cron crawl) gave pages that mixed old
        and new rows, and could give torn pages of a B-tree. Before each query the server asks
        whether a crawl holds the archive's lock, a write-ahead log is pending or the file changed
        since it started (:func:`_file_state`: a stat and a ``flock`` probe, microseconds); from
        then on it reads ``mode=ro`` (what ``--live`` does from the start): connections opened
        before are replaced in their own thread, and Datasette's cached table counts and hash are
        dropped. It never goes back to immutable while it runs.

        A reparse or ``build-demo`` does not write the file: it puts a new one in its place. Open
        connections keep reading the old file (unlinked, still open), so a server, live or not,
        served the archive as it was before the reparse until it was restarted. Before each query
        the server also checks which file is at the path (:func:`_file_state`); when it is another,
        every connection is replaced as above, and the new file is read ``mode=ro``."""

        live = not immutable
        generation = 0
        _generations: dict = {}
        file_id = started[:2] if started else None

        def connect(self, write=False):
            if write:
                raise PermissionError("tenderarchive serve never writes the archive")
            conn = sqlite3.connect(readonly.uri(path, immutable=not self.live), uri=True, check_same_thread=False)
            self._all_file_connections.append(conn)
            self._generations[id(conn)] = self.generation
            return conn

        def _watch(self) -> None:
            state = _file_state(path)
            if state is not None and state[:2] != self.file_id:
                self.file_id = state[:2]
                self._renew("%s was replaced (a reparse or build-demo): the new file is served, mode=ro")
            elif not self.live and not (readonly.can_be_immutable(path, lock) and state == started):
                self._renew("%s is being written (a crawl): served mode=ro from now on")

        def _renew(self, message: str) -> None:
            """Read ``mode=ro`` from now on, every earlier connection replaced before its next query."""
            self.live, self.is_mutable = True, True
            self.generation += 1
            self._cached_table_counts = self.cached_hash = None
            self._schema.clear()
            logger.warning(message, path)

        #: Datasette's schema look-ups kept while the file cannot change under the server (:meth:`_kept`).
        _schema: dict = {}
        schema_refreshed = None  # the generation Datasette's _internal copy of the schema was read in

        def _kept(self, key, look_up):
            """The answer of a schema look-up, read once while the archive is served immutable.

            A table page asks Datasette 15–25 schema questions (``PRAGMA table_xinfo`` of the table and of
            each facet's and foreign key's table, the foreign keys, the primary keys, the FTS table,
            ``sqlite_master``), each a hand-over to a SQL thread and back. Served immutable, the file's
            schema cannot change while the answers are kept: :meth:`_watch` (run here, before every answer,
            as before every query) sees a crawl, a pending write-ahead log or a replaced file, and from then
            on the server reads ``mode=ro`` and asks SQLite again every time, as Datasette does. Returns the
            awaitable of the look-up; callers get their own copy of a kept list or dict."""
            self._watch()
            if self.live:
                return look_up()
            kept = self._schema.setdefault(self.generation, {})

            async def answer():
                if key not in kept:
                    kept[key] = await look_up()
                return _fresh(kept[key])

            return answer()

        async def execute(self, sql, params=None, *args, **kwargs):
            """A query, or the kept answer of one of Datasette's schema queries (:data:`SCHEMA_QUERIES`)."""
            if sql in SCHEMA_QUERIES and not args and not kwargs:
                key = ("execute", sql, tuple(params or ()))
                return await self._kept(key, lambda: Database.execute(self, sql, params))
            if table_order.TABLE_PAGE.get() is not None:  # a table's first page: ties by its key
                sql = await table_order.tie_broken(self, sql)
            return await super().execute(sql, params, *args, **kwargs)

        def attached_databases(self):
            return self._kept(("attached_databases",), lambda: Database.attached_databases(self))

        def table_exists(self, table):
            return self._kept(("table_exists", table), lambda: Database.table_exists(self, table))

        def table_names(self):
            return self._kept(("table_names",), lambda: Database.table_names(self))

        def view_names(self):
            return self._kept(("view_names",), lambda: Database.view_names(self))

        def table_columns(self, table):
            return self._kept(("table_columns", table), lambda: Database.table_columns(self, table))

        def table_column_details(self, table):
            return self._kept(("table_column_details", table), lambda: Database.table_column_details(self, table))

        def primary_keys(self, table):
            return self._kept(("primary_keys", table), lambda: Database.primary_keys(self, table))

        def fts_table(self, table):
            return self._kept(("fts_table", table), lambda: Database.fts_table(self, table))

        def label_column_for_table(self, table):
            return self._kept(("label_column_for_table", table), lambda: Database.label_column_for_table(self, table))

        def foreign_keys_for_table(self, table):
            return self._kept(("foreign_keys_for_table", table), lambda: Database.foreign_keys_for_table(self, table))

        def hidden_table_names(self):
            return self._kept(("hidden_table_names",), lambda: Database.hidden_table_names(self))

        def get_all_foreign_keys(self):
            return self._kept(("get_all_foreign_keys",), lambda: Database.get_all_foreign_keys(self))

        def get_table_definition(self, table, type_="table"):
            return self._kept(("get_table_definition", table, type_),
                              lambda: Database.get_table_definition(self, table, type_))

        def get_view_definition(self, view):
            return self.get_table_definition(view, "view")

        async def execute_fn(self, fn):
            self._watch()
            generation = self.generation

            def current(conn):
                if self._generations.get(id(conn)) != generation:  # opened immutable, before the write
                    from datasette.database import connections

                    conn.close()
                    conn = self.connect()
                    self.ds._prepare_connection(conn, self.name)
                    if self.ds.executor is None:
                        self._read_connection = conn
                    else:
                        setattr(connections, self.name, conn)
                return fn(conn)

            return await super().execute_fn(current)

    class ArchiveDatasette(Datasette):
        """Datasette, with each table's ``allow`` rules worked out once.

        Datasette 0.65.5 answers every ``view-table`` check (one per table page, and one per
        table and saved search the database and home pages list) by deep-copying the whole
        metadata and merging it again (``_table_permission_allows``). The archive's metadata (the
        data dictionary, the saved searches, the dashboard: ≈ 150 KB) made that ≈ 1 ms a check:
        the database page of the demo archive took ≈ 250 ms, nearly all of it copying. The
        metadata is built once when ``serve`` starts and nothing changes it while it runs, so the
        answer for a (database, table) is kept: the same rules, read once."""

        _allows_cache: dict = {}

        async def _refresh_schemas(self):
            """Datasette's copy of each database's schema in ``_internal``, refreshed as Datasette does
            unless nothing can have changed: before every page Datasette reads ``PRAGMA schema_version`` of
            each database (and its own record of them), three hand-overs to SQL threads. An archive served
            immutable keeps its schema until :meth:`ArchiveDatabase._watch` sees it written or replaced
            (then it is served ``mode=ro`` and refreshed on every page again)."""
            # Datasette's own in-memory databases: ``_internal`` (this copy) and ``_memory`` (removed by
            # make_datasette; always empty), whose schemas nothing changes after start-up
            archives = [db for name, db in self.databases.items() if name not in ("_internal", "_memory")]
            for db in archives:
                if isinstance(db, ArchiveDatabase):
                    db._watch()
            settled = [db for db in archives if isinstance(db, ArchiveDatabase) and not db.live]
            if self.internal_db_created and len(settled) == len(archives) \
                    and all(db.schema_refreshed == db.generation for db in settled):
                return
            await super()._refresh_schemas()
            for db in settled:
                db.schema_refreshed = db.generation

        def _table_permission_allows(self, database, table):
            key = (database, table)
            if key not in self._allows_cache:
                self._allows_cache[key] = super()._table_permission_allows(database, table)
            return list(self._allows_cache[key])

    datasette = ArchiveDatasette([], metadata=metadata, settings={**SETTINGS, **(settings or {})},
                                 template_dir=str(TEMPLATES))
    datasette._allows_cache = {}
    datasette.add_database(ArchiveDatabase(datasette, path=str(path), is_mutable=not immutable), name=path.stem)
    # Datasette adds an empty in-memory database ``_memory`` when it is given no files (the archive
    # is added after): the home page listed it above the archive ("_memory: 0 tables"), its title
    # read "… procurement: _memory, archive", and ``get_database()`` without a name answered it.
    datasette.remove_database("_memory")
    return datasette


def run(db_path: str | Path, metadata: dict, immutable: bool, host: str, port: int,
        settings: dict | None = None) -> None:
    """Serve until interrupted (uvicorn, as ``datasette serve`` does)."""
    import uvicorn

    datasette = make_datasette(db_path, metadata, immutable, settings)
    asyncio.run(datasette.invoke_startup())
    uvicorn.run(datasette.app(), host=host, port=port, log_level="info", lifespan="on", workers=1)
