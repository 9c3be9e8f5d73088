"""Datasette's table search on a big table: the newest matches at once, counts over every match on request.

Datasette's table page searches with ``rowid in (select rowid from <fts> where <fts> match …)``
and then counts every match and groups every match once per default facet. SQLite lists every
match of that subquery before it reads the first row, and each count reads the row of every
match from the table, about 1.5 µs a match: on a million notices "jeugdhulp" matches 251,000,
and the page took four seconds (the count 0.4–0.6 s, each of four facets 0.5 s; the subquery
alone 70–90 ms; bench/README.md, issue 14).

So a table page whose search matches more than ``table_search_limit`` rows (plugin setting of
``tenderarchive`` in tenderarchive/datasette/metadata.yaml, 10,000 as in the saved search
``search_all``) is sent (302) to the same address with the words in ``_zoek`` instead of
``_search``, Datasette's own switches ``_nocount=1`` and ``_nofacet=1``, and listed by the table's
rowid, highest first (``_sort_desc``: the integer primary key, e.g. a notice's publication id, or
``rowid``, the order of archiving). The ``filters_from_request`` hook (:func:`search_filter`)
searches ``_zoek``: listed by the rowid with no other filter, the subquery takes one page from
FTS5, newest first, after the page the reader came from (``_next``), and stops (about 1 ms for
those 251,000); any other order, filter or a CSV stream gets Datasette's own subquery of every
match. The page says how many rows contain the words (counted inside FTS5) and links the same
search with ``_alles=1``, which counts and facets every match as Datasette always did (the count
is remembered while the archive file is unchanged, so paging through a search counts once). A search
that matches fewer rows is sent back to the full page (the search form carries ``_zoek`` and the
switches over to the next search). Only HTML table pages are sent on: the ``.json`` and ``.csv``
forms answer as Datasette does, and a page whose address asks for ``_nocount``, ``_nofacet`` or
``_alles`` itself is left as asked (as is its own sort).

Written here (an ASGI wrapper, a filter and a template variable) because Datasette offers the
switches but no setting that turns them on by the number of matches, and its search filter has
no way to stop after a page.
"""

from __future__ import annotations

import os
import re
import urllib.parse

from datasette.utils import escape_fts, escape_sqlite, tilde_decode

#: Matches above which a table page leaves out the count and the facets (plugin setting
#: ``table_search_limit`` of ``tenderarchive``; the saved search ``search_all`` ranks up to the same).
DEFAULT_LIMIT = 10_000
#: The words of a big search (in place of Datasette's ``_search``).
WORDS = "_zoek"
#: Datasette's switches a big search gets, in this order.
SWITCHES = (("_nocount", "1"), ("_nofacet", "1"))
#: Asks for the count and the facets over every match, however many.
EVERYTHING = "_alles"
#: Arguments under which a big search is one page of FTS5's matches in rowid order: anything
#: else (a column filter, ``_where``, another search, a CSV stream) needs every match.
PAGED = {WORDS, "_searchmode", "_nocount", "_nofacet", "_sort", "_sort_desc", "_next", "_size", "_col",
         "_nocol", "_labels", "_nolabels", "_shape", "_json", "_trace", "_facet_size"}

_TABLE_PAGE = re.compile(r"^/([^/]+)/([^/]+)$")


def match_limit(datasette, database: str, table: str) -> int:
    config = datasette.plugin_config("tenderarchive", database=database, table=table) or {}
    try:
        return int(config.get("table_search_limit", DEFAULT_LIMIT))
    except (TypeError, ValueError):
        return DEFAULT_LIMIT


async def fts_of(datasette, database: str, table: str, args: dict) -> str | None:
    """The FTS table Datasette's search uses for ``table`` (same order of precedence)."""
    db = datasette.get_database(database)
    metadata = datasette.table_metadata(database, table)
    return args.get("_fts_table") or metadata.get("fts_table") or await db.fts_table(table)


def match_expression(datasette, database: str, table: str, args: dict, words: str) -> str:
    """The search ``words`` as Datasette passes them to ``match``: escaped unless raw mode is asked."""
    raw = datasette.table_metadata(database, table).get("searchmode") == "raw"
    mode = args.get("_searchmode")
    raw = True if mode == "raw" else False if mode == "escaped" else raw
    return words if raw else escape_fts(words)


async def matches(datasette, database: str, fts: str, expression: str, cap: int | None = None) -> int | None:
    """How many rows of ``fts`` match (at most ``cap + 1`` counted), or None if FTS5 refuses the
    expression (Datasette then shows its own error)."""
    inner = f"select rowid from {escape_sqlite(fts)} where {escape_sqlite(fts)} match :q"
    sql = f"select count(*) from ({inner}{' limit :cap' if cap is not None else ''})"
    try:
        result = await datasette.get_database(database).execute(sql, {"q": expression, "cap": (cap or 0) + 1})
    except Exception:  # noqa: BLE001 - FTS5 syntax errors, a time limit: not this module's to report
        return None
    return result.first()[0]


#: Counts of a big search's matches by (file state, FTS table, expression): a reader paging
#: through a search counts once (20–35 ms on a million notices), not per page.
_COUNTS: dict[tuple, int | None] = {}
_COUNTS_KEPT = 256


def _file_state(path: str | None) -> tuple | None:
    """The archive file's and its write-ahead log's size and time: a crawl that writes changes it."""
    if not path:
        return None
    state = []
    for name in (path, path + "-wal"):
        try:
            info = os.stat(name)
        except OSError:
            state.append(None)
        else:
            state.append((info.st_size, info.st_mtime_ns))
    return tuple(state)


async def counted(datasette, database: str, fts: str, expression: str) -> int | None:
    """:func:`matches` of every match, remembered while the archive file is unchanged."""
    state = _file_state(getattr(datasette.get_database(database), "path", None))
    key = (database, state, fts, expression)
    if state is None or key not in _COUNTS:
        n = await matches(datasette, database, fts, expression)
        if state is None or n is None:
            return n
        if len(_COUNTS) >= _COUNTS_KEPT:
            _COUNTS.pop(next(iter(_COUNTS)))
        _COUNTS[key] = n
    return _COUNTS[key]


async def archive_order(datasette, database: str, table: str) -> str | None:
    """The column a big search of ``table`` is listed by, highest first, or None when the table
    has none that is its rowid: its integer primary key, else ``rowid`` where Datasette may sort
    by it (a table without a primary key, or one whose ``sortable_columns`` name it,
    :func:`sortable_columns`). Listing by the rowid walks the matches in FTS5's order and stops
    after a page; any other order sorts every match first."""
    db = datasette.get_database(database)
    pks = await db.primary_keys(table)
    if len(pks) == 1:
        columns = {c.name: c.type for c in await db.table_column_details(table)}
        if (columns.get(pks[0]) or "").upper() == "INTEGER":
            return pks[0]
    if not pks or "rowid" in (datasette.table_metadata(database, table).get("sortable_columns") or ()):
        return "rowid"
    return None


def sortable_columns(db) -> dict[str, list[str]]:
    """``sortable_columns`` for the searchable tables of ``db`` (a sqlite-utils Database) whose
    primary key is not their rowid: every column and ``rowid``, so that a big search can be listed
    by the rowid (:func:`archive_order`). Used by tenderarchive/metadata.py."""
    out = {}
    names = set(db.table_names())
    for name in sorted(names):
        table = db[name]
        if name.endswith("_fts") or f"{name}_fts" not in names:
            continue
        pks = table.pks
        if pks == ["rowid"] or (len(pks) == 1 and table.columns_dict.get(pks[0]) is int):
            continue
        out[name] = [c.name for c in table.columns] + ["rowid"]
    return out


async def redirect_for(datasette, path: str, query_string: str) -> str | None:
    """Where a GET of ``path?query_string`` should go instead, or None to serve it as asked."""
    found = _TABLE_PAGE.match(path)
    if not found:
        return None
    database, table = (urllib.parse.unquote(part) for part in found.groups())
    if database not in datasette.databases or "." in table:
        return None
    pairs = urllib.parse.parse_qsl(query_string, keep_blank_values=True)
    args = dict(pairs)
    carried = WORDS in args and "_search" in args  # a new search from a big search's form, which carries them
    page = WORDS in args and not carried  # a big search's own page (any page of it)
    if carried:
        pairs = [(k, v) for k, v in _shed(pairs) if k != "_next"]
        args = dict(pairs)
    elif not page and ({EVERYTHING, "_nocount", "_nofacet"} & set(args)):
        return None  # asked for by the reader
    if not page and not carried and not (args.get("_search") or "").strip():
        return None  # no search: every table page, answered without looking the table up (three queries)
    exists = await datasette.get_database(database).table_exists(table)
    words = (args.get(WORDS) if page else args.get("_search")) or ""
    big = False
    if exists and words.strip() and EVERYTHING not in args:
        fts = await fts_of(datasette, database, table, args)
        if fts:
            limit = match_limit(datasette, database, table)
            n = await matches(datasette, database, fts, match_expression(datasette, database, table, args, words), limit)
            big = n is not None and n > limit
    order = await archive_order(datasette, database, table) if exists else None
    if page:  # still big: as asked; else (fewer matches now, no words, _alles) the full page
        return None if big else _address(path, urllib.parse.urlencode(_full_page(pairs, order)))
    if big:
        sort = [("_sort_desc", order)] if order and "_sort" not in args and "_sort_desc" not in args else []
        renamed = [(WORDS if k == "_search" else k, v) for k, v in pairs]
        return f"{path}?{urllib.parse.urlencode([*renamed, *SWITCHES, *sort])}"
    return _address(path, urllib.parse.urlencode(pairs)) if carried else None  # the carried switches shed


_TABLE_ADDRESS = re.compile(r"^/([^/]+)/([^/.]+)(\.json|\.csv)?$")


def _search_keys(args: dict) -> list[str]:
    """The search arguments of a table address: ``_search``, ``_search_<column>`` and a big search's words."""
    return [k for k in args if (k.startswith("_search") and k != "_searchmode") or k == WORDS]


async def wordless_search(datasette, path: str, query_string: str):
    """The answer to a table search whose words are none once escaped (``"``, ``""``, ``" "``), or none at all
    (an empty search box: the address without it, no message), or None.

    Datasette escapes the words (quotes group them into a phrase) and drops empty phrases, so a lone
    quote became the empty expression, and FTS5 answered the page with HTTP 400 ``fts5: syntax error
    near ""``. The HTML page is sent (302) to the same address without that search, with a message
    at its top (Datasette's own messages) saying why; ``.json`` answers 400 with the message as
    Datasette's errors are shaped, ``.csv`` 400 with the message as text. Raw mode
    (``_searchmode=raw``) is left to Datasette: its reader writes FTS5's syntax and gets FTS5's error."""
    from datasette.utils.asgi import Response

    found = _TABLE_ADDRESS.match(path)
    if not found or "_search" not in query_string and WORDS not in query_string:
        return None
    database, table = (tilde_decode(urllib.parse.unquote(part)) for part in found.groups()[:2])
    if database not in datasette.databases or not await datasette.get_database(database).table_exists(table):
        return None
    pairs = urllib.parse.parse_qsl(query_string, keep_blank_values=True)
    args = dict(pairs)
    blank = [k for k in _search_keys(args) if not args[k].strip()]
    if blank and await fts_of(datasette, database, table, args):
        # an empty search box (Enter in it, a search cleared): no search, and no message as nothing was asked;
        # Datasette matched the empty words and answered 400 'fts5: syntax error near ""'
        kept = [(k, v) for k, v in pairs if k not in blank and k != "_next"
                and not (k in dict(SWITCHES) and WORDS in blank)]
        return Response.redirect(_address(path, urllib.parse.urlencode(kept)))
    # a parameter Datasette takes for a search (its name begins with _search) that is none: ``_searchx`` ended
    # in Datasette's IndexError, HTTP 500 (``key.split("_search_", 1)[1]`` in datasette/filters.py)
    odd = [k for k in _search_keys(args) if k not in ("_search", WORDS) and not k.startswith("_search_")]
    empty = odd or [k for k in _search_keys(args) if args[k].strip()
                    and not match_expression(datasette, database, table, args, args[k]).strip()]
    if not empty or not await fts_of(datasette, database, table, args):
        return None
    words = args[empty[0]]
    message = (f"The search {words.strip()!r} holds no word to search for: quotes only group words into a "
               f'phrase (such as "jeugdhulp regio"), so give a word')
    if odd:
        message = (f"{odd[0][:80]!r} is no search parameter: the table is searched with _search (every column "
                   f"searched) or _search_COLUMN")
    if found.group(3) == ".json":
        return Response.json({"ok": False, "error": message + ".", "status": 400, "title": "Invalid search"},
                             status=400)
    if found.group(3) == ".csv":
        return Response.text(message + ".\n", status=400)
    message += "; the table is shown without that search."
    kept = [(k, v) for k, v in pairs if k not in empty and k != "_next"
            and not (k in dict(SWITCHES) and WORDS in empty)]  # a big search's switches go with its words
    response = Response.redirect(_address(path, urllib.parse.urlencode(kept)))
    response.set_cookie("ds_messages", datasette.sign([(message, datasette.ERROR)], "messages"))
    return response


def _address(path: str, query: str) -> str:
    return f"{path}?{query}" if query else path


def _full_page(pairs: list[tuple[str, str]], order: str | None) -> list[tuple[str, str]]:
    """The arguments of the full page that a big search's address stands for: its words back in
    ``_search``, without the switches, the page (``_next``) and the order they were given."""
    return [("_search" if k == WORDS else k, v) for k, v in pairs
            if k not in dict(SWITCHES) and k != "_next" and not (k == "_sort_desc" and v == order)
            and not (k == WORDS and not v.strip())]


def _shed(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The address's arguments without the words and the switches of a big search."""
    return [(k, v) for k, v in pairs if k not in dict(SWITCHES) and k != WORDS]


def _page_size(datasette, database: str, table: str, args: dict) -> int | None:
    """Rows on the page as Datasette counts them (``_size``, the table's ``size``, the default), or None."""
    most = datasette.setting("max_returned_rows")
    size = args.get("_size") or datasette.table_metadata(database, table).get("size") \
        or datasette.setting("default_page_size")
    if size == "max":
        return most
    try:
        size = int(size)
    except (TypeError, ValueError):
        return None
    return min(size, most) if size > 0 else None


async def search_filter(request, database: str, table: str, datasette):
    """The ``filters_from_request`` hook: the where clause of a big search (``_zoek``), one page
    of FTS5's matches when the page is listed by the rowid with no other filter, else every match
    as Datasette's own search (see the module docstring)."""
    from datasette.filters import FilterArguments

    words = request.args.get(WORDS)
    if words is None or not await datasette.get_database(database).table_exists(table):
        return None
    args = {k: request.args.get(k) for k in request.args}
    fts = await fts_of(datasette, database, table, args)
    if not fts:
        return None
    fts_pk = args.get("_fts_pk") or datasette.table_metadata(database, table).get("fts_pk", "rowid")
    quoted = escape_sqlite(fts)
    inner = f"select rowid from {quoted} where {quoted} match :zoek"
    params = {"zoek": match_expression(datasette, database, table, args, words)}
    order = await archive_order(datasette, database, table)
    direction = ("desc" if args.get("_sort_desc") == order else "asc" if args.get("_sort") == order else None) \
        if order else None
    size = _page_size(datasette, database, table, args)
    if direction and size and set(args) <= PAGED and fts_pk in ("rowid", order):  # FTS5's rowid is the order
        after = _after(args.get("_next"))
        if after is not None or not args.get("_next"):
            if after is not None:
                inner += f" and rowid {'<' if direction == 'desc' else '>'} :zoek_na"
                params["zoek_na"] = after
            inner += f" order by rowid {direction} limit :zoek_rijen"
            params["zoek_rijen"] = size + 1   # Datasette asks one row more to know if a next page exists
    return FilterArguments([f"{escape_sqlite(fts_pk)} in ({inner})"], params,
                           [f'search matches "{words}"'], {"search": words})


def _after(token: str | None) -> int | None:
    """The rowid a ``_next`` token of a rowid-ordered page continues after, or None."""
    if not token:
        return None
    try:
        return int(tilde_decode(token.split(",")[0]))
    except ValueError:
        return None


#: Tables whose search box has a Dutch counterpart: "Search everything" (``/-/search``) reads them stemmed.
DUTCH_SEARCH_TABLES = ("notices", "articles")


def dutch_search_url(datasette, request, table: str) -> str | None:
    """The address of "Search everything" for the words of a table search of notices or articles.

    The table's box matches the words as written (``notices_fts``, ``articles_fts``: accents and case
    aside), so "jeugdzorg" or a kenmerk "TN160417" found no notice there while the Dutch search (stemming,
    synonyms, kenmerk) finds them: the table page says so and links it."""
    words = (request.args.get("_search") or request.args.get(WORDS) or "").strip()
    if not words or table not in DUTCH_SEARCH_TABLES:
        return None
    return datasette.urls.path("/-/search?" + urllib.parse.urlencode({"q": words}))


async def note(datasette, request, database: str, table: str) -> dict | None:
    """What the table page says on a big search: how many rows contain the words, and the
    address that counts and facets every match."""
    args = {k: request.args.get(k) for k in request.args}
    words = (args.get(WORDS) or "").strip()
    if not words:
        return None
    fts = await fts_of(datasette, database, table, args)
    if not fts:
        return None
    n = await counted(datasette, database, fts, match_expression(datasette, database, table, args, words))
    order = await archive_order(datasette, database, table)
    pairs = _full_page(urllib.parse.parse_qsl(request.query_string, keep_blank_values=True), order)
    return {
        "matches": n, "limit": match_limit(datasette, database, table),
        "order": args.get("_sort_desc") if args.get("_sort_desc") == order else None,
        "filtered": any(not (k.startswith("_") and "__" not in k) for k, _ in pairs),
        "everything_url": f"{request.path}?{urllib.parse.urlencode(pairs + [(EVERYTHING, '1')])}",
    }
