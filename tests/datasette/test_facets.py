"""The default facets of the big tables are of type ``counted`` (tenderarchive/datasette_plugin.py
``CountedFacet``): on a whole-table page they come from ``facet_counts``, on a filtered page from
Datasette's own query; either way they show what grouping the rows shows."""

import json
import sqlite3

from tenderarchive.store.facet_counts import COUNTED


def facets(server, path: str) -> dict:
    data = json.loads(server.get(path))
    results = data.get("facet_results") or {}
    results = results.get("results", results)
    return {name: {(r["value"], r["count"]) for r in facet["results"]} for name, facet in results.items()}, data


def grouped(path, table: str, column: str, where: str = "") -> set:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return set(conn.execute(f"select [{column}], count(*) from [{table}] where [{column}] is not null {where} "
                                f"group by [{column}] order by count(*) desc, [{column}] limit 30").fetchall())


def test_whole_table_facets_are_the_kept_counts_and_equal_the_rows(server, demo_archive):
    checked = 0
    for table, columns in COUNTED.items():
        shown, data = facets(server, f"/{server.database}/{table}.json?_size=1")
        assert set(shown) == set(columns), table
        for column in columns:
            assert shown[column] == grouped(demo_archive, table, column), (table, column)
            checked += bool(shown[column])
        types = {f["type"] for f in (data["facet_results"].get("results", data["facet_results"])).values()}
        assert types == {"counted"}
    assert checked >= 10  # the demo archive fills most of them


def test_a_filtered_page_counts_its_own_rows(server, demo_archive):
    shown, _ = facets(server, f"/{server.database}/notices.json?_size=1&youth_care=1")
    assert shown["notice_type"] == grouped(demo_archive, "notices", "notice_type", "and youth_care = 1")
    assert shown["notice_type"] != grouped(demo_archive, "notices", "notice_type")  # not the whole table's


def test_the_whole_table_page_reads_facet_counts(demo_archive, tmp_path):
    """Proof of where the counts come from: in a copy whose kept count of one value is off by
    1,000, the whole-table page shows the kept count, a filtered page the rows'."""
    from tests.datasette.archive_fixtures import Server, copy_archive

    path = copy_archive(demo_archive, tmp_path / "archive.db")
    with sqlite3.connect(path) as conn:
        value, n = conn.execute("select value, n from facet_counts where table_name = 'notices' and "
                                "column_name = 'notice_type' order by n desc limit 1").fetchone()
        conn.execute("update facet_counts set n = n + 1000 where table_name = 'notices' and column_name = "
                     "'notice_type' and value = ?", [value])
    server = Server(path)
    try:
        whole, _ = facets(server, f"/{server.database}/notices.json?_size=1")
        filtered, _ = facets(server, f"/{server.database}/notices.json?_size=1&notice_type={value}")
    finally:
        server.stop()
    assert (value, n + 1000) in whole["notice_type"]
    assert filtered["notice_type"] == {(value, n)}


def test_an_archive_without_kept_counts_gets_datasettes_own_facets(demo_archive, tmp_path):
    """An archive from before the counts (no counting triggers) shows each counted facet from
    Datasette's query over the rows, once, beside a facet the request asks for."""
    from tests.datasette.archive_fixtures import Server, copy_archive

    path = copy_archive(demo_archive, tmp_path / "archive.db")
    with sqlite3.connect(path) as conn:
        for (name,) in conn.execute("select name from sqlite_master where type = 'trigger' "
                                    "and name like 'facet_counts_%'").fetchall():
            conn.execute(f"drop trigger [{name}]")
        conn.execute("update facet_counts set n = n + 1000")  # stale: must not be shown
    server = Server(path)
    try:
        shown, data = facets(server, f"/{server.database}/notices.json?_size=1&_facet=buyer")
    finally:
        server.stop()
    names = list((data["facet_results"].get("results", data["facet_results"])))
    assert sorted(names) == sorted([*COUNTED["notices"], "buyer"])  # each once
    for column in COUNTED["notices"]:
        assert shown[column] == grouped(path, "notices", column), column


def test_the_kept_counts_of_a_page_are_read_in_one_call(demo_archive):
    """A whole-table page's counted facets are read in one trip to a SQL thread, not one per facet
    (each trip a thread hand-over and the served archive's check before a query)."""
    from tests.datasette.archive_fixtures import run, served

    datasette = served(demo_archive)
    database = datasette.get_database("archive")
    calls: list[list[str]] = []
    execute_fn = database.execute_fn

    async def recorded(fn):
        def traced(conn):
            ran: list[str] = []
            calls.append(ran)
            conn.set_trace_callback(ran.append)
            try:
                return fn(conn)
            finally:
                conn.set_trace_callback(None)
        return await execute_fn(traced)

    database.execute_fn = recorded
    response = run(datasette.client.get("/archive/notices.json?_size=1"))
    assert response.status_code == 200
    reading = [ran for ran in calls if any("from facet_counts" in s for s in ran)]
    assert len(COUNTED["notices"]) > 1 and len(reading) == 1
    assert sum("from facet_counts" in s for s in reading[0]) == len(COUNTED["notices"])
