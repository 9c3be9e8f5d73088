"""A table page sorted by a column lists its rows in one order on every page: ties by the primary key.

Datasette (0.65.5, and its 1.0 alphas alike) orders the first page of a table sorted by a column (``_sort``,
``_sort_desc``, or the table's default sort of ``tenderarchive/datasette/tables/*.yaml``: notices by
``published``, newest first) by that column alone, and every later page (``_next``) by the column and then the
primary key, starting after the last row of the page before by both. Within a tie (the notices of one day share
``published``) SQLite gives the first page's rows in the order of the index it reads: for a descending sort, the
highest key first. A tie that crossed the end of the first page then lost the rows the first page had not
reached and repeated those it had: the CSV "stream all rows" of ``notices`` (pages of 1,000) on an archive of
2,513 notices, 2,500 of them on three days, gave 2,013 rows, 1,847 of them distinct; a reader paging through
the table page by page missed rows the same way.

Here the first page is ordered as the next ones are: while Datasette answers a table's address (its page,
``.json`` or ``.csv``; :data:`TABLE_PAGE`, set by the ASGI wrapper in ``tenderarchive/datasette_plugin.py``),
``ArchiveDatabase.execute`` (``tenderarchive/serve.py``) gives the table's row query its primary key (``rowid``
for a table without one) after the sort column, as Datasette's query of a next page has it. Datasette has no
hook for its ORDER BY, so the SQL is rewritten, and only a query of the form Datasette writes for a table's
first page (``select … from <the table> [where …] order by <column>[ desc] limit N``): a facet's count, a
search's match count, a saved search or SQL typed by the user is left as it is. A view (paged by offset, no
key) is left as it is.
"""

from __future__ import annotations

import contextvars
import re

from datasette.utils import escape_sqlite, tilde_decode

#: The (database, table) whose address is being answered, or None.
TABLE_PAGE: contextvars.ContextVar[tuple[str, str] | None] = contextvars.ContextVar("table_page", default=None)

#: A table's address: its page, ``.json`` or ``.csv`` (a row's address has one more part).
_ADDRESS = re.compile(r"^/([^/]+)/([^/]+?)(?:\.(?:json|csv))?$")

_NAME = r"(?:\[[^\]]+\]|[A-Za-z_][A-Za-z0-9_]*)"
#: Datasette's query of a table's first page sorted by one column (0.65.5, ``views/table.py``).
_FIRST_PAGE = re.compile(rf"^(select .+? from (?P<table>{_NAME}) (?:where .* )?order by (?P<sort>{_NAME})(?: desc)?)"
                         rf"(?P<limit> limit \d+)$", re.DOTALL)


def table_of(path: str) -> tuple[str, str] | None:
    """(database, table) of a table's address (``/archive/notices.csv``), or None."""
    found = _ADDRESS.match(path)
    return (tilde_decode(found[1]), tilde_decode(found[2])) if found else None


def _unescaped(name: str) -> str:
    return name[1:-1] if name.startswith("[") else name


async def tie_broken(db, sql: str) -> str:
    """``sql`` with the primary key after its sort column when it is Datasette's query of the first page of the
    table whose address is being answered on ``db``, sorted by a column; else ``sql`` as it is."""
    page = TABLE_PAGE.get()
    if page is None or page[0] != db.name or " order by " not in sql:
        return sql
    found = _FIRST_PAGE.match(sql)
    if found is None or _unescaped(found["table"]) != page[1] or page[1] in await db.view_names():
        return sql
    pks = await db.primary_keys(page[1]) or ["rowid"]
    if [_unescaped(found["sort"])] == pks:  # sorted by its one key: no ties
        return sql
    return f"{found[1]}, {', '.join(escape_sqlite(pk) for pk in pks)}{found['limit']}"
