"""A table sorted by a column lists each row once, in one order, on its pages and in its CSV of every row: ties
of the sort column by the primary key on the first page as on the next (``tenderarchive/table_order.py``)."""

import csv
import io
import json
import sqlite3

import pytest

from tests.datasette.archive_fixtures import Server, copy_archive

TIED = 60  # SYNTHETIC notices, 20 a day on three days: ties across every page of 25 rows


@pytest.fixture(scope="module")
def tied(demo_archive, tmp_path_factory):
    """The demo archive with :data:`TIED` SYNTHETIC copies of a demo notice published on three days, served with
    pages of at most 25 rows (``max_returned_rows``: the page of a CSV stream)."""
    path = copy_archive(demo_archive, tmp_path_factory.mktemp("tied") / "archive.db")
    with sqlite3.connect(path) as conn:
        conn.execute("create temp table copied as select * from notices order by publication_id limit 1")
        for i in range(TIED):
            conn.execute("update copied set publication_id = ?, published = ?, title = ?",
                         [900000 + i, f"2025-01-0{1 + i % 3}", f"SYNTHETIC tied notice {i}"])
            conn.execute("insert into notices select * from copied")
    conn.close()
    server = Server(path, ["--setting", "max_returned_rows", "25"])
    with sqlite3.connect(path) as conn:
        expected = [r[0] for r in conn.execute("select publication_id from notices "
                                               "order by published desc, publication_id")]
    yield server, expected
    server.stop()


def test_the_csv_of_every_row_of_a_table_sorted_by_a_column_holds_each_row_once_in_key_order_within_a_tie(tied):
    """notices are sorted newest first (``published``, tables/notices.yaml); a day's notices share it. The CSV
    "stream all rows" lost the rows of a tie the first page had not reached and repeated those it had."""
    server, expected = tied
    rows = list(csv.DictReader(io.StringIO(server.get("/archive/notices.csv?_stream=on&_size=max").decode())))
    assert [int(r["publication_id"]) for r in rows] == expected


def test_paging_through_a_table_sorted_by_a_column_shows_each_row_once(tied):
    server, expected = tied
    seen, path = [], "/archive/notices.json?_size=7&_shape=objects"
    for _ in range(len(expected)):
        page = json.loads(server.get(path))
        seen += [r["publication_id"] for r in page["rows"]]
        if not page.get("next_url"):
            break
        path = page["next_url"].removeprefix(server.base)
    assert seen == expected
