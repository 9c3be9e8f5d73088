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


def test_the_events_page_lists_every_event_in_the_timelines_order_on_every_page(server, demo_archive):
    """The events page sorted by ``date`` as text: a month ("2018-03") came before that month's days and a year
    ("2019") before all of that year's, where a timeline reads them after (``timeline.date_order``), and Datasette
    pages by the real column, so no SQL function could set the page's order. Its default sort is now the stored key
    ``events.date_order`` (the derivation's, ``timeline.ordered``): paging through the demo archive's events (days,
    months, parts of months, ranges and years, SYNTHETIC) shows each once, in the timeline's order."""
    from tenderarchive.timeline import date_order

    seen, path = [], "/archive/events.json?_size=7&_shape=objects"
    while path:
        page = json.loads(server.get(path))
        seen += page["rows"]
        path = page.get("next_url") and page["next_url"].removeprefix(server.base)
    conn = sqlite3.connect(f"file:{demo_archive}?mode=ro", uri=True)
    expected = [r[0] for r in conn.execute("select event_id from events order by date_order, event_id")]
    conn.close()
    assert [r["event_id"] for r in seen] == expected
    dates = [r["date"] for r in seen]
    assert all(r["date_order"] == date_order(r["date"]) for r in seen)  # every row's key, whatever wrote it
    assert [date_order(d) for d in dates] == sorted(map(date_order, dates))
    assert dates != sorted(dates)  # (the demo's months and years: the order as text is another)


def test_the_timeline_and_the_current_stage_read_the_order_the_events_store(server, demo_archive):
    """``procurement_timeline`` and ``timeline.CURRENT_STAGE_SQL`` sort by the SQL function ``date_order(e.date)``
    (an older archive served as it is, never migrated, has no ``events.date_order`` column), the events page by the
    stored ``events.date_order``: on the demo archive (SYNTHETIC) both keys are one order. Every event's stored key
    is the function's; each procurement's served timeline lists its events as the stored key, its day's events in
    procedure order (``stage_rank``), gives them; its current stage (Fase) is the same read by either key."""
    from tenderarchive.datasette_plugin import register_functions
    from tenderarchive.timeline import CURRENT_STAGE_SQL, current_stage_sql, date_order

    conn = sqlite3.connect(f"file:{demo_archive}?mode=ro", uri=True)
    register_functions(conn)
    events = conn.execute("select date, date_order from events").fetchall()
    assert events and all(stored == date_order(date) for date, stored in events)
    procurements = [r[0] for r in conn.execute(
        "select procurement_id from procurements where procurement_id in (select procurement_id from events)")]
    assert len(procurements) > 3
    stored_stage = current_stage_sql("?1").replace("date_order(e.date)", "e.date_order")
    assert "date_order(e.date)" in CURRENT_STAGE_SQL and stored_stage != current_stage_sql("?1")
    for procurement in procurements:
        served = json.loads(server.get(
            f"/archive/procurement_timeline.json?_shape=objects&_size=max&procurement_id={procurement}"))["rows"]
        stored = [f"tag:tenderarchive,2024:event:{r[0]}" for r in conn.execute(
            "select event_id from events where procurement_id = ? order by date_order, stage_rank(stage), event_id",
            (procurement,))]
        assert [r["atom_id"] for r in served] == stored, procurement
        assert conn.execute(f"select {current_stage_sql('?1')}", (procurement,)).fetchone() == conn.execute(
            f"select {stored_stage}", (procurement,)).fetchone(), procurement
    conn.close()
