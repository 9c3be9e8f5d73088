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
"""

from __future__ import annotations

from functools import lru_cache

from datasette.utils import to_css_class
from markupsafe import Markup, escape


@lru_cache(maxsize=4096)
def _cell_class(column: str, value_type: str) -> str:
    return str(escape(f"col-{to_css_class(column)} type-{value_type}"))


def table_row(row) -> Markup:
    """``<tr>`` with a ``<td>`` per cell, as Datasette's ``_table.html`` writes them."""
    cells = "".join(f'\n                    <td class="{_cell_class(cell["column"], cell["value_type"])}">'
                    f'{escape(cell["value"])}</td>' for cell in row)
    return Markup(f"\n            <tr>{cells}\n            </tr>\n        ")


@lru_cache(maxsize=4096)
def _column_class(column: str) -> str:
    return str(escape(f"col-{to_css_class(column)}"))


def query_row(row, columns) -> Markup:
    """``<tr>`` with a ``<td>`` per cell, as Datasette's ``query.html`` writes them (``row``: the
    display values, Markup or text, in the order of ``columns``)."""
    cells = "".join(f'\n                <td class="{_column_class(column)}">{escape(value)}</td>'
                    for column, value in zip(columns, row))
    return Markup(f"\n        <tr>{cells}\n        </tr>\n    ")


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
    return f'<td class="col-{escape(cell["column"])}">{value}</td>'


def research_row(row) -> Markup:
    """A research page's ``<tr>`` (tenderarchive/research.py ``run_query``: cells of ``value``, ``href``,
    ``column``), the markup of :data:`RESEARCH_ROW_TEMPLATE` in one step: the market page (a few
    thousand rows) spent most of its time in that loop's template steps."""
    return Markup("\n<tr>" + "".join(_research_cell(cell) for cell in row) + "</tr>\n")
