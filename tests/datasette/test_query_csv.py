"""A saved search's CSV with ``_stream`` (the research pages' "every row" links) holds every row."""

import csv
import io
import json
import re
import shutil
import sqlite3
import urllib.parse

import pytest
import sqlite_utils

from tenderarchive import datasette_plugin
from tenderarchive.metadata import load_metadata
from tests.datasette.archive_fixtures import Server, padded_copy

PADDED = 1200  # more than Datasette's max_returned_rows (1,000)


@pytest.fixture(scope="module")
def padded(demo_archive, tmp_path_factory):
    """The demo archive with 1,200 more current awards of one procurement (awards_by_region_year
    then lists more than a thousand rows), served."""
    path = padded_copy(demo_archive, tmp_path_factory.mktemp("padded") / "archive.db", PADDED)
    server = Server(path)
    yield server, path
    server.stop()


def direct(path, name, params):
    """The saved search's rows as SQLite gives them (the plugin's functions registered)."""
    conn = sqlite3.connect(path)
    datasette_plugin.prepare_connection(conn, "archive", None)
    sql = load_metadata()["databases"]["archive"]["queries"][name]["sql"]
    cursor = conn.execute(sql, params)
    return [d[0] for d in cursor.description], cursor.fetchall()


def shown(columns, rows):
    """The columns and rows a saved search's page and CSV show: not its Atom feed's (``atom_*``)."""
    keep = [i for i, c in enumerate(columns) if not c.startswith("atom_")]
    return [columns[i] for i in keep], [tuple(row[i] for i in keep) for row in rows]


def test_a_saved_search_as_csv_holds_every_row(padded):
    """Datasette's CSV of a saved search stopped at its 1,000th row, with ``_stream=on`` too."""
    server, path = padded
    params = {"jeugdregio": "", "year": "", "pagina": "alle"}
    columns, rows = shown(*direct(path, "awards_by_region_year", params))
    assert len(rows) > PADDED > 1000
    url = f"/{server.database}/awards_by_region_year.csv?{urllib.parse.urlencode({**params, '_stream': 'on'})}"
    body = server.get(url).decode("utf-8")
    got = list(csv.reader(io.StringIO(body)))
    assert got[0] == columns
    assert got[1:] == [["" if v is None else str(v) for v in row] for row in rows]
    # The page's own CSV link (_size=max, no _stream), and a missing parameter is empty, as
    # Datasette fills it; _header=off leaves the header out.
    assert server.get(url.replace("_stream=on", "_size=max")).decode() == body
    assert server.get(f"/{server.database}/awards_by_region_year.csv?pagina=alle&_stream=on").decode() == body
    # The saved search's own page shows a hundred rows (no pagina) and links its CSV as ?_size=max: that CSV
    # gave those hundred, though the home page says a saved search's CSV holds all its rows. A page asked is
    # that page.
    assert server.get(f"/{server.database}/awards_by_region_year.csv?_size=max").decode() == body
    assert server.get(f"/{server.database}/awards_by_region_year.csv?pagina=&_stream=on").decode() == body
    second = list(csv.reader(io.StringIO(server.get(f"/{server.database}/awards_by_region_year.csv?pagina=2").decode())))
    assert second[1:] == got[101:201]
    assert server.get(url + "&_header=off").decode() == body.split("\r\n", 1)[1]


def test_a_saved_searchs_csv_holds_the_columns_its_page_shows_not_its_feeds(server):
    """`search_all`'s CSV (its page's CSV link, `/-/search`'s) held the columns of its Atom feed beside the reader's,
    `atom_content` each hit's whole text again: a CSV of 16 hits had every article twice, and an analyst's table five
    columns that repeat the title, date and address in a feed's words. A saved search's CSV holds the columns its page
    shows; its JSON and feed keep the feed's columns."""
    params = urllib.parse.urlencode({"q": "jeugdhulp"})
    got = list(csv.reader(io.StringIO(server.get(f"/{server.database}/search_all.csv?{params}").decode())))
    page = server.get(f"/{server.database}/search_all?{params}").decode()
    headers = [h for h in re.findall(r'<th class="col-[^"]*" scope="col">([^<]*)</th>', page)]
    assert got[0] == headers == ["published", "source", "kind", "title", "organisation", "jeugdregio",
                                 "procurement_id", "excerpt", "url", "source_key"]
    assert len(got) > 10
    data = json.loads(server.get(f"/{server.database}/search_all.json?{params}&_shape=array"))
    assert [[str(r[c] or "") for c in headers] for r in data] == got[1:]
    assert {"atom_id", "atom_title", "atom_updated", "atom_content", "atom_link"} <= set(data[0])
    assert server.get(f"/{server.database}/search_all.atom?{params}").count(b"<entry>") == len(data)
    assert "the columns its page shows" in server.get("/").decode()              # as the home page says


def test_a_saved_searchs_csv_is_written_as_datasette_writes_csv(server, demo_archive):
    """Byte for byte what Datasette writes for the same SQL typed by the user (not taken over), the columns its page
    shows."""
    query = load_metadata()["databases"]["archive"]["queries"]["jeugdregio_gemeenten"]
    columns, _ = shown(*direct(demo_archive, "jeugdregio_gemeenten", {"jeugdregio": "JZ18", "jaar": ""}))
    sql = f"select {', '.join(columns)} from ({query['sql']})"
    typed = server.get(f"/{server.database}.csv?" + urllib.parse.urlencode({"sql": sql, "jeugdregio": "JZ18"}))
    assert typed.count(b"\r\n") > 5
    assert server.get(f"/{server.database}/jeugdregio_gemeenten.csv?jeugdregio=JZ18&_stream=on") == typed


def test_a_saved_search_csv_is_cut_at_max_csv_mb_as_datasette_cuts_a_tables(padded, tmp_path):
    """``serve --setting max_csv_mb 1``: the saved-search CSV was built whole, whatever the setting; it
    is sent in chunks and cut as Datasette cuts a table's CSV (the rows that fit, then a line saying so)."""
    _, path = padded
    big = shutil.copy(path, tmp_path / "archive.db")
    db = sqlite_utils.Database(big)
    [award] = db.query("select * from awards where award_id = 'TN160417/100190/1'")
    [summary] = db.query("select * from summary_awards where award_id = 'TN160417/100190/1'")
    many = 8000  # rows of about 200 bytes: more than a megabyte of CSV
    db["awards"].insert_all({**award, "award_id": f"{award['award_id']}/x{i}", "lot_id": f"X{i:05d}"}
                            for i in range(many))
    db["summary_awards"].insert_all({**summary, "award_id": f"{award['award_id']}/x{i}", "lot_id": f"X{i:05d}"}
                                    for i in range(many))
    db.close()
    params = {"jeugdregio": "", "year": "", "pagina": "alle"}
    columns, rows = shown(*direct(big, "awards_by_region_year", params))
    url = f"/archive/awards_by_region_year.csv?{urllib.parse.urlencode({**params, '_stream': 'on'})}"
    server = Server(big, ["--setting", "max_csv_mb", "1"])
    try:
        body = server.get(url).decode("utf-8")
    finally:
        server.stop()
    assert body.endswith(f"CSV contains more than {1024 * 1024} bytes"), body[-200:]
    kept = body[: body.rindex("CSV contains")]
    assert len(kept.encode("utf-8")) <= 1024 * 1024
    got = list(csv.reader(io.StringIO(kept)))
    assert got[0] == columns and 1000 < len(got) - 1 < len(rows)
    assert got[1:] == [["" if v is None else str(v) for v in row] for row in rows[:len(got) - 1]]


@pytest.mark.parametrize("sql, error", [
    ("select * from nope", "no such table: nope"),
    ("select nope from notices where publication_id > :since", "no such column: nope"),
    ("select nope_function(title) from notices;", "no such function: nope_function")])
def test_the_csv_of_sql_sqlite_refuses_says_the_error_as_its_page_and_json_do(server, sql, error):
    """An analyst's CSV of SQL typed by the user (``/archive.csv?sql=…``) naming a table or column that is none was an
    empty file at 200: Datasette's CSV writer does not look at the query's error, while the same SQL's page and JSON
    answer 400 with it. A script or a spreadsheet's import read no rows, the typo unsaid. The CSV is a 400 of one line
    naming the error, as the JSON's; SQL SQLite reads, with its parameters, is answered by Datasette as before."""
    import urllib.error
    import urllib.request

    query = urllib.parse.urlencode({"sql": sql, "since": "1"})
    with pytest.raises(urllib.error.HTTPError) as json_answer:
        urllib.request.urlopen(f"{server.db}.json?{query}", timeout=30)
    assert json_answer.value.code == 400 and error in json.loads(json_answer.value.read())["error"]
    for method in ("GET", "HEAD"):
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(urllib.request.Request(f"{server.db}.csv?{query}", method=method), timeout=30)
        assert answer.value.code == 400, method
        body = answer.value.read().decode()
        if method == "GET":
            assert body == f"{server.database}.csv: query failed: {error}\n"
    good = urllib.parse.urlencode({"sql": "select publication_id from notices where publication_id > :since "
                                          "order by publication_id limit 2;", "since": "200000"})
    rows = list(csv.reader(io.StringIO(server.get(f"/{server.database}.csv?{good}").decode())))
    assert rows[0] == ["publication_id"] and len(rows) == 3 and all(int(r[0]) > 200000 for r in rows[1:])
