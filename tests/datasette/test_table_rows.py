"""The project's ``_table.html`` (rows written by tenderarchive/table_rows.py) writes the
same table as Datasette's own template."""

import asyncio
import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from datasette.app import Datasette

from tenderarchive import readonly
from tenderarchive.metadata import build_metadata
from tenderarchive.serve import SETTINGS, make_datasette


def run(coroutine):
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def table_html(datasette, path: str) -> str:
    html = run(datasette.client.get(path)).text
    table = html[html.index('<div class="table-wrapper">'):html.index("</table>")]
    return re.sub(r">\s+<", "><", table).strip()


@pytest.fixture(scope="module")
def both(demo_archive):
    db = readonly.database(demo_archive)
    try:
        metadata = build_metadata(db, demo_archive.stem)
    finally:
        db.close()
    ours = make_datasette(demo_archive, metadata, immutable=True)
    plain = Datasette(immutables=[str(demo_archive)], metadata=metadata, settings=SETTINGS)  # no template_dir
    for datasette in (ours, plain):
        run(datasette.invoke_startup())
    return ours, plain


@pytest.mark.parametrize("path", ["/archive/notices", "/archive/articles?_size=20", "/archive/organisations",
                                  "/archive/procurements", "/archive/events?_sort=date", "/archive/award_suppliers",
                                  "/archive/notices?_search=jeugdhulp&_col=title&_col=buyer_id",
                                  "/archive/notice_cpv?_size=5"])
def test_the_table_is_datasettes_own(both, path):
    ours, plain = both
    mine, theirs = table_html(ours, path), table_html(plain, path)
    assert "<td" in mine and mine == theirs


#: Saved searches (metadata.yaml) with links, euro amounts, URLs, empty cells and long text.
QUERY_PATHS = ["/archive/opdrachtgevers", "/archive/aanbieders", "/archive/award_notices",
               "/archive/search_all?q=jeugdhulp", "/archive/marktbeeld", "/archive/changed_notices",
               "/archive?sql=select+1+as+n%2C+null+as+leeg%2C+%27%3Cb%3E%27+as+tekst%2C+"
               "%27https%3A%2F%2Fexample.invalid%2Fx%27+as+url"]


@pytest.mark.parametrize("path", QUERY_PATHS)
def test_a_saved_search_table_is_datasettes_own(both, path):
    ours, plain = both
    mine, theirs = table_html(ours, path), table_html(plain, path)
    assert "<td" in mine and mine == theirs


def test_a_saved_search_writes_its_rows_a_row_at_a_time(both):
    """One template step per row (the ``query_row`` filter of templates/query.html), not three per cell."""
    ours, _ = both
    rows = []
    write = ours.jinja_env.filters["query_row"]
    ours.jinja_env.filters["query_row"] = lambda row, columns: rows.append(row) or write(row, columns)
    try:
        html = run(ours.client.get("/archive/opdrachtgevers")).text
    finally:
        ours.jinja_env.filters["query_row"] = write
    assert rows and html.count("<tr>") == len(rows) + 1   # the header's row and one per row written


def test_a_research_row_is_the_template_loop_it_replaces():
    from jinja2 import Environment
    from markupsafe import Markup

    from tenderarchive.table_rows import RESEARCH_ROW_TEMPLATE, research_row

    loop = Environment(autoescape=True, keep_trailing_newline=True).from_string(RESEARCH_ROW_TEMPLATE)
    rows = [[{"value": "Zorg & <Welzijn>", "href": "/-/aanbieder?id=kvk%3A1&x=\"y\"", "column": "aanbieder"},
             {"value": 12, "href": None, "column": "gunningen"}, {"value": 1.5, "href": None, "column": "aandeel"},
             {"value": "", "href": None, "column": "leeg"},
             {"value": "onbevestigd", "href": None, "column": "status"},
             {"value": "onbevestigd", "href": "/x", "column": "status"},
             {"value": Markup("<svg></svg>"), "href": None, "column": "a\"b"}], []]
    for row in rows:
        assert str(research_row(row)) == loop.render(row=row)


def test_a_research_page_writes_its_rows_a_row_at_a_time(both):
    ours, _ = both
    rows = []
    write = ours.jinja_env.filters["research_row"]
    ours.jinja_env.filters["research_row"] = lambda row: rows.append(row) or write(row)
    try:
        html = run(ours.client.get("/-/markt")).text
    finally:
        ours.jinja_env.filters["research_row"] = write
    assert rows and html.count("\n<tr><td") == len(rows)
