"""A table page's, a saved search's and a research page's rows as HTML in one step per row (the
``table_row`` filter of ``_table.html``, ``query_row`` of ``query.html``, ``research_row`` of
``research.html``).

Datasette's ``_table.html`` writes each cell from five template expressions; in Jinja's async
mode each is a step of the page's generator, and on a page of 50 notices (61 columns) those
3,000 cells were most of the template's time (bench/README.md, issue 14). Its ``query.html``
(saved searches) writes each cell from three: a saved search of 1,000 rows and 12 columns
(``opdrachtgevers``) spent about a third of its page there (bench/README.md, "Datasette's fixed
cost per page"). The filters write the same markup as Datasette's templates, a row at a time;
``tests/datasette/test_table_rows.py`` compares them with Datasette's own.

The filters also write the archive's cell links (a region code to its region page, a buyer or
provider to theirs, a procurement to its page, an organisation's evidence to its row:
:func:`tenderarchive.research.render_cell`). They were Datasette's ``render_cell`` plugin hook,
which Datasette calls through pluggy for every cell of every table, row and query page: 3.7 µs a
cell with the hook registered against 1.6 µs with none (3,050 cells on a page of 50 notices, 12,000
on ``opdrachtgevers``; bench/README.md), although only a few columns ever link. Here a cell costs a
set look-up unless its column can link. The rules the hook followed are kept: the link column of a
one-column key (``value_type`` ``pk``: Datasette writes that link and never asked the hook) stays
Datasette's; a linked cell shows its whole text, escaped (the hook's value replaced Datasette's
shortened text); a hidden key column (``_col``/``_nocol``) means no name link. The row's values by
column (``raw``; the key column's raw is its unquoted key) stand in for the hook's ``row``. JSON and
CSV never rendered cells and are unchanged.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from datasette.utils import to_css_class
from markupsafe import Markup, escape

from tenderarchive.research import CELL_COLUMNS, render_cell


@lru_cache(maxsize=4096)
def _cell_class(column: str, value_type: str) -> str:
    return str(escape(f"col-{to_css_class(column)} type-{value_type}"))


class _Row:
    """The hook's ``row`` for a table or row page: a cell's raw value by its column, read only when a
    name or title link needs another column (its key, an organisation's kind)."""

    __slots__ = ("cells", "values")

    def __init__(self, cells):
        self.cells = cells
        self.values = None

    def __getitem__(self, column):
        if self.values is None:
            self.values = {cell["column"]: cell["raw"] for cell in self.cells}
        return self.values[column]


def _escaped(value) -> str:
    """``str(escape(value))`` of a display value: plain text escaped as markupsafe escapes it (``&``, ``<``,
    ``>``, ``'``, ``"``: the same entities), without a ``Markup`` object per cell; Markup (Datasette's
    ``&nbsp;`` of an empty cell, its URL links) and anything else through ``escape`` itself."""
    if type(value) is str:
        if "&" in value or "<" in value or ">" in value or "'" in value or '"' in value:
            return (value.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
                    .replace("'", "&#39;").replace('"', "&#34;"))
        return value
    return escape(value)


@lru_cache(maxsize=4096)
def _moment_html(text: str) -> str | None:
    """An ISO timestamp as a person reads it, on Amsterdam's clock (``change_words.moment_words``), in a ``<time>``
    element that keeps the stored text (its ``datetime`` and ``title``): "2026-12-05T11:31:00+00:00" is
    ``<time datetime="2026-12-05T11:31:00+00:00" title="2026-12-05T11:31:00+00:00">5 december 2026 12:31</time>``.
    None when ``text`` is no timestamp."""
    from tenderarchive.change_words import moment_words

    words = moment_words(text)
    if words == text.strip():
        return None
    stored = _escaped(text)
    return f'<time datetime="{stored}" title="{stored}">{_escaped(words)}</time>'


def moment_cell(value) -> str | None:
    """A plain cell's HTML when its value is an ISO timestamp with a time of day ("2026-12-05T11:31:00+00:00", an
    article's "2020-12-14T08:55"): the table, row, saved-search and research pages showed the stored ISO text in UTC,
    where the reports say "5 december 2026 12:31" on Amsterdam's clock. A date alone ("2018-03-13", a notice's
    publication day) reads "13 maart 2018": it stood in ISO beside the timestamps in words on the same page. A month
    alone ("2018-03", an event known only to its month) reads "maart 2018": on the timeline it stood as "2018-03"
    beside "13 maart 2018" (its ``<time datetime>`` a valid HTML month). A year alone (an event's "2018"), an
    impossible date and every other value are None (shown as they are); CSV and JSON keep the stored text. A few
    character tests per cell, the rest cached."""
    if type(value) is str and value[4:5] == "-" and (
            (16 <= len(value) <= 40 and value[10:11] == "T" and value[13:14] == ":")
            or (len(value) == 10 and value[7:8] == "-") or len(value) == 7):
        return _moment_html(value)
    return None


def _plain(value) -> str:
    """A cell without a link: a timestamp as :func:`moment_cell` writes it, else escaped."""
    moment = moment_cell(value)
    return _escaped(value) if moment is None else moment


#: The columns of the ``changes`` view whose HTML says the change in words (tenderarchive/change_words.py); its CSV
#: and JSON keep the stored JSON.
CHANGE_COLUMNS = frozenset({"changed_columns", "previous_values", "new_values"})


def _change_words(kind, table, raw, other) -> str | None:
    """One cell of a change in words, ``kind`` "columns" (a JSON list of changed columns) or "values" (a JSON object
    of their values, ``other`` the change's other side), the stored JSON in its ``title``; None where ``raw`` is
    no such JSON (shown as it is)."""
    from tenderarchive.change_words import columns_words, values_words

    words = columns_words(table, raw) if kind == "columns" else values_words(table, raw, other)
    if not isinstance(raw, str) or words == raw or words is None:
        return None
    if not words:   # a version of the archive's bookkeeping alone (a lot re-read from a rectification)
        words = "archive bookkeeping only" + (f" ({', '.join(map(str, json.loads(raw)))})" if kind == "columns" else "")
    return f'<span title="{_escaped(raw)}">{_escaped(words)}</span>'


def _change_value(cell, row):
    """A cell of the ``changes`` view in words: the changed columns as the data dictionary names them, the earlier
    and new values as the site shows them (amounts in euros, dates as dates, lists as lists), bookkeeping left out;
    the stored JSON in its ``title``. The view showed the JSON as stored, ``{"value_cents": 1200000000}``."""
    column, raw = cell["column"], cell["raw"]
    try:
        table = row["table_name"]
        other = row["new_values" if column == "previous_values" else "previous_values"]
    except (KeyError, IndexError):   # hidden by _col/_nocol: the words need the record's table
        return _escaped(cell["value"])
    words = _change_words("columns" if column == "changed_columns" else "values", table, raw, other)
    return _escaped(cell["value"]) if words is None else words


#: The saved searches of a record's changes whose page says them in words, as the ``changes`` view: per search, its
#: columns of changed columns, earlier and new values, and the column naming the record's table (or the table).
CHANGE_QUERIES = (
    (("kolommen", "was", "werd"), "tabel", None),                                          # aanbesteding_wijzigingen
    (("changed_columns", "previous_values", "new_values"), "table_name", None),
    (("changed_columns", "previous_values", "new_values"), "publication_id", "notices"),   # changed_notices
)


@lru_cache(maxsize=256)
def _change_indexes(columns: tuple):
    """Where a saved search's row holds a change (:data:`CHANGE_QUERIES`): the indexes of its changed columns, earlier
    and new values and of its table column (or the table's name), or None."""
    for names, table_column, table in CHANGE_QUERIES:
        if all(name in columns for name in names) and table_column in columns:
            return (*(columns.index(name) for name in names), table or columns.index(table_column))
    return None


def _change_row(row, columns, raw_row):
    """A saved search's display values with its change in words (:func:`_change_words`), or as they are."""
    found = _change_indexes(tuple(columns)) if raw_row is not None else None
    if found is None:
        return row
    changed, was, now, table = found
    table = raw_row[table] if isinstance(table, int) else table
    row = list(row)
    for index, kind, other in ((changed, "columns", None), (was, "values", now), (now, "values", was)):
        words = _change_words(kind, table, raw_row[index], None if other is None else raw_row[other])
        if words is not None:
            row[index] = Markup(words)
    return row


def _age_value(raw) -> str | None:
    """A negative ``age_hours`` of the ``freshness`` view in the words of ``tenderarchive status``
    (``monitor.age_words``): a crawl that finished after the moment the page ages sources at (a ``TENDERARCHIVE_NOW``
    before it, or this machine's clock behind the archive's) is "10.0 h after TENDERARCHIVE_NOW", the stored -10.0 in
    its ``title``; the page showed "-10.0" where ``status`` beside it said "after". CSV and JSON keep the number; a
    positive age stays a number (hours since)."""
    if type(raw) not in (int, float) or raw >= 0:
        return None
    import os

    from tenderarchive import clock
    from tenderarchive.monitor import age_words

    return f'<span title="{_escaped(str(raw))}">{_escaped(age_words(raw, os.environ.get(clock.NOW, "").strip() or None))}</span>'


def reads_view(sql, view: str) -> bool:
    """Whether an SQL text names the view ``view`` (``from freshness``, ``join "freshness"``, ``main.freshness``; not
    a longer name or a function of that name): the query page over ``freshness`` writes a negative ``age_hours`` as
    ``tenderarchive status`` prints it, and one over an aged view says the moment its ages are as of
    (templates/query.html). A word search, fast on any length of SQL."""
    return isinstance(sql, str) and re.search(rf"(?<!\w){re.escape(view)}(?!\w)(?!\s*\()", sql, re.I) is not None


def _age_row(row, columns, raw_row):
    """A query's display values over the ``freshness`` view with a negative ``age_hours`` in words
    (:func:`_age_value`), or as they are."""
    if raw_row is None or "age_hours" not in columns:
        return row
    index = list(columns).index("age_hours")
    words = _age_value(raw_row[index])
    if words is None:
        return row
    row = list(row)
    row[index] = Markup(words)
    return row


def _table_value(cell, row, database, table):
    column = cell["column"]
    if table == "changes" and column in CHANGE_COLUMNS:
        return _change_value(cell, row)
    if table == "freshness" and column == "age_hours":
        words = _age_value(cell["raw"])
        if words is not None:
            return words
    if column in CELL_COLUMNS and cell["value_type"] != "pk":
        link = render_cell(row, cell["raw"], column, table, database)
        if link is not None:
            return link
    return _escaped(cell["value"]) if cell["value_type"] == "pk" else _plain(cell["value"])


def table_row(row, database=None, table=None) -> Markup:
    """``<tr>`` with a ``<td>`` per cell, as Datasette's ``_table.html`` writes them, the archive's
    links in the cells that have one (table and row pages of ``table`` in ``database``)."""
    values = _Row(row)
    cells = "".join(f'\n                    <td class="{_cell_class(cell["column"], cell["value_type"])}">'
                    f'{_table_value(cell, values, database, table)}</td>' for cell in row)
    return Markup(f"\n            <tr>{cells}\n            </tr>\n        ")


@lru_cache(maxsize=4096)
def _column_class(column: str) -> str:
    return str(escape(f"col-{to_css_class(column)}"))


@lru_cache(maxsize=256)
def _query_cells(columns: tuple) -> tuple:
    """Per column of a saved search: its ``<td>`` opening tag and whether its cells can link."""
    return tuple((f'\n                <td class="{_column_class(column)}">', column in CELL_COLUMNS, column)
                 for column in columns)


def _query_value(value, raw, column, raw_row, database):
    link = render_cell(raw_row, raw, column, None, database)
    return link if link is not None else _plain(value)


@lru_cache(maxsize=256)
def _shown_indexes(columns: tuple, shown: tuple) -> tuple:
    return tuple(i for i, column in enumerate(columns) if column in shown)


def query_row(row, columns, raw_row=None, database=None, shown=None, aged=False) -> Markup:
    """``<tr>`` with a ``<td>`` per cell, as Datasette's ``query.html`` writes them (``row``: the
    display values, Markup or text, in the order of ``columns``; ``raw_row``: the query's row they
    show, whose linked columns get the archive's links). ``shown``: the columns written, where not
    all (a saved search's page leaves its feed's ``atom_*`` columns out, ``query_csv.reader_columns``).
    The columns' tags are worked out once per set of columns (:func:`_query_cells`), not per cell; a
    saved search of 100 rows and 15 columns spent several milliseconds here (bench/README.md,
    "Datasette's fixed cost per page, round 4"). A search of a record's changes says them in words
    (:func:`_change_row`); one over the ``freshness`` view (``aged``: :func:`reads_view` of its SQL) a negative
    ``age_hours`` as ``status`` prints it (:func:`_age_row`), as the view's own page does: the SQL page showed
    "-115.6" where ``status`` and the view's page said "115.6 h after TENDERARCHIVE_NOW"."""
    row = _change_row(row, columns, raw_row)
    if aged:
        row = _age_row(row, columns, raw_row)
    if shown is not None and len(shown) != len(columns):
        indexes = _shown_indexes(tuple(columns), tuple(shown))
        columns = [columns[i] for i in indexes]
        row = [row[i] for i in indexes]
        if raw_row is not None:
            raws = [raw_row[i] for i in indexes]
            return _query_tr(row, columns, raws, raw_row, database)
    return _query_tr(row, columns, raw_row, raw_row, database)


def _query_tr(row, columns, raws, raw_row, database) -> Markup:
    cells = _query_cells(tuple(columns))
    if raw_row is None:
        body = "".join(f"{opening}{_plain(value)}</td>" for (opening, _, _), value in zip(cells, row))
    else:
        body = "".join(f"{opening}"
                       f"{_query_value(value, raw, column, raw_row, database) if links else _plain(value)}</td>"
                       for (opening, links, column), value, raw in zip(cells, row, raws))
    return Markup(f"\n        <tr>{body}\n        </tr>\n    ")


#: The template loop a research page's rows were written by (templates/research.html), kept for the test
#: that compares :func:`research_row` with it.
RESEARCH_ROW_TEMPLATE = (
    '\n<tr>{% for cell in row %}<td class="col-{{ cell.column }}">{% if cell.href %}<a href="{{ cell.href }}">'
    '{{ cell.value }}</a>{% elif cell.column == "status" and cell.value == "onbevestigd" %}'
    '<strong class="ta-unverified">{{ cell.value }}</strong>{% else %}{{ cell.value }}{% endif %}</td>'
    '{% endfor %}</tr>\n')


def _research_cell(cell) -> str:
    value = escape(cell["value"])
    if cell["href"]:
        value = f'<a href="{escape(cell["href"])}">{value}</a>'
    elif cell["column"] == "status" and cell["value"] == "onbevestigd":
        value = f'<strong class="ta-unverified">{value}</strong>'
    elif (moment := moment_cell(cell["value"])) is not None:
        value = moment
    return f'<td class="col-{escape(cell["column"])}">{value}</td>'


def research_row(row) -> Markup:
    """A research page's ``<tr>`` (tenderarchive/research.py ``run_query``: cells of ``value``, ``href``,
    ``column``), the markup of :data:`RESEARCH_ROW_TEMPLATE` in one step: the market page (a few
    thousand rows) spent most of its time in that loop's template steps."""
    return Markup("\n<tr>" + "".join(_research_cell(cell) for cell in row) + "</tr>\n")
