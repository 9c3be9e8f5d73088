"""`tenderarchive export`: complete, stable, read-only exports for analysts."""

import csv
import io
import json
import os
import subprocess
import sys
import time

import pytest
import sqlite_utils

from tests.conftest import ROOT
from tests.datasette.archive_fixtures import DEMO_NOTICES

CLI = [sys.executable, "-m", "tenderarchive.cli", "export"]


def export(db, *args, env=None):
    """``tenderarchive export ARGS --db DB``; ``env``: variables added to its environment (``TENDERARCHIVE_NOW``)."""
    return subprocess.run([*CLI, *args, "--db", str(db)], cwd=ROOT, capture_output=True, timeout=60,
                          env={**os.environ, **env} if env else None)


def test_a_table_exports_every_row_in_key_order_with_the_table_column_order(demo_archive):
    out = export(demo_archive, "notices", "--format", "csv")
    assert out.returncode == 0, out.stderr
    table = list(csv.reader(io.StringIO(out.stdout.decode("utf-8"))))
    db = sqlite_utils.Database(demo_archive)
    assert table[0] == [c.name for c in db["notices"].columns]
    ids = [int(r[0]) for r in table[1:]]
    assert ids == sorted(ids) and len(ids) == db["notices"].count


def test_events_export_in_timeline_order_as_the_sites_events_page_and_csv(demo_archive, server):
    """``export events`` came in primary-key order, and an event's key is a hash (``event_id``): a 2022 award between
    two 2019 deadlines, one procurement's events strewn over the file, in no order an analyst could read or the
    events page shows. It is the page's order, the timeline's: by ``date_order`` (a month after its days, a year
    after its months), ties by ``event_id``, the order of the site's CSV of the table (every row) too."""
    out = export(demo_archive, "events")
    assert out.returncode == 0, out.stderr
    rows = list(csv.DictReader(io.StringIO(out.stdout.decode("utf-8"), newline="")))
    db = sqlite_utils.Database(demo_archive)
    assert len(rows) == db["events"].count > 10
    keys = [(r["date_order"], r["event_id"]) for r in rows]
    assert keys == sorted(keys) and keys != sorted(keys, key=lambda k: k[1])
    site = server.get(f"/{server.database}/events.csv?_stream=on&_size=max")
    assert [r["event_id"] for r in csv.DictReader(io.StringIO(site.decode("utf-8"), newline=""))] == \
        [r["event_id"] for r in rows]
    assert export(demo_archive, "events").stdout == out.stdout


def test_exports_are_identical_run_after_run(demo_archive):
    assert export(demo_archive, "procurements").stdout == export(demo_archive, "procurements").stdout


def test_a_table_or_saved_search_name_is_case_insensitive_as_in_sql(demo_archive):
    """``export Notices`` answered "no table, view or saved search named 'Notices'" though ``select * from
    Notices`` reads the table: SQLite's names are case-insensitive, so are the export's."""
    assert export(demo_archive, "Notices").stdout == export(demo_archive, "notices").stdout
    assert export(demo_archive, "PROCUREMENTS").returncode == 0
    upper = export(demo_archive, "Award_Notices")
    assert upper.returncode == 0, upper.stderr
    assert upper.stdout == export(demo_archive, "award_notices").stdout


def test_a_saved_search_exports_as_of_the_moment_tenderarchive_now_gives(demo_archive):
    """TENDERARCHIVE_NOW (docs/operations.md) fixes the today of ``export new_this_week`` as of the site; a value
    that is no moment printed a traceback and "query failed: user-defined function raised exception"."""
    def at(moment):
        return subprocess.run([*CLI, "new_this_week", "--db", str(demo_archive)], cwd=ROOT, capture_output=True,
                              timeout=60, env={**os.environ, "TENDERARCHIVE_NOW": moment})

    assert b"\r\n2022-10-21,,notices," in at("2022-10-28T12:00").stdout
    bad = at("gisteren")
    assert bad.returncode == 2 and bad.stdout == b""
    assert bad.stderr == (b"tenderarchive export: TENDERARCHIVE_NOW='gisteren' is not an ISO 8601 date and time "
                          b"(YYYY-MM-DDTHH:MM)\n")


def test_a_query_exports_in_its_own_column_order(demo_archive, tmp_path):
    target = tmp_path / "out.json"
    sql = "select title, publication_id, youth_care from notices where youth_care = 0"
    assert export(demo_archive, sql, "--format", "json", "--output", str(target)).returncode == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    assert [list(row) for row in data] == [["title", "publication_id", "youth_care"]]
    assert data[0]["publication_id"] == 600601


def test_excel_csv_has_a_bom_and_semicolons(demo_archive, tmp_path):
    target = tmp_path / "excel.csv"
    assert export(demo_archive, "notices", "--excel", "--output", str(target)).returncode == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert table[0][:2] == ["publication_id", "kenmerk"] and len(table) == 1 + DEMO_NOTICES
    assert any("residentiële" in cell for row in table for cell in row)  # UTF-8 survives


def test_excel_csv_writes_fractions_with_a_decimal_comma_and_text_as_it_is(demo_archive, tmp_path):
    """A Dutch Excel reads "0.85" as text (or 85): the separator ";" says Dutch, so do its fractions."""
    target = tmp_path / "excel.csv"
    sql = "select 0.85 as score, 2.5e-07 as tiny, 'versie 1.2' as text, 12345 as cents, 1.0 as whole"
    assert export(demo_archive, sql, "--excel", "--output", str(target)).returncode == 0
    table = list(csv.reader(io.StringIO(target.read_bytes().decode("utf-8-sig")), delimiter=";"))
    assert table == [["score", "tiny", "text", "cents", "whole"], ["0,85", "2,5e-07", "versie 1.2", "12345", "1,0"]]
    plain = export(demo_archive, sql).stdout.decode("utf-8").splitlines()
    assert plain[1] == "0.85,2.5e-07,versie 1.2,12345,1.0"  # the plain CSV keeps the point


def test_excel_csv_marks_a_text_excel_would_run_as_a_formula_as_text(demo_archive, tmp_path):
    """Excel runs a cell starting with =, +, - or @ as a formula: a notice's description "- Perceel 1: …" showed
    #NAME?, a phone number "+31 6 …" an error, and a scraped page's title "=HYPERLINK(…)" became a live link in
    the journalist's sheet. In --excel such a text has an apostrophe before it, Excel's mark for text (not
    shown); numbers, and text that only holds such a character further on, are written as they are."""
    target = tmp_path / "excel.csv"
    sql = ("select '- Perceel 1: ambulant' as a, '+31 6 12345678' as b, '=HYPERLINK(\"http://x\")' as c, "
           "'@SUM(A1)' as d, char(9) || '=1' as e, 'Perceel - 1 = ambulant' as f, -5 as n, -0.5 as g")
    assert export(demo_archive, sql, "--excel", "--output", str(target)).returncode == 0
    table = list(csv.reader(io.StringIO(target.read_bytes().decode("utf-8-sig")), delimiter=";"))
    assert table[1] == ["'- Perceel 1: ambulant", "'+31 6 12345678", "'=HYPERLINK(\"http://x\")", "'@SUM(A1)",
                        "'\t=1", "Perceel - 1 = ambulant", "-5", "-0,5"]
    plain = list(csv.reader(io.StringIO(export(demo_archive, sql).stdout.decode("utf-8"))))
    assert plain[1][:3] == ["- Perceel 1: ambulant", "+31 6 12345678", "=HYPERLINK(\"http://x\")"]  # data as is


def test_an_empty_result_still_has_its_header(demo_archive):
    out = export(demo_archive, "select publication_id, title from notices where 0")
    assert out.stdout.decode().splitlines() == ["publication_id,title"]
    assert json.loads(export(demo_archive, "select 1 as a where 0", "--format", "json").stdout) == []


@pytest.mark.parametrize("statement", ["delete from notices", "update notices set title = 'x'",
                                       "drop table notices", "insert into crawls (spider) values ('x')"])
def test_the_archive_is_opened_read_only(demo_archive, statement):
    before = sqlite_utils.Database(demo_archive)["notices"].count
    out = export(demo_archive, statement)
    assert out.returncode == 2 and b"readonly" in out.stderr.replace(b"-", b"").replace(b" ", b"")
    assert sqlite_utils.Database(demo_archive)["notices"].count == before


def test_bad_arguments_fail_clearly(demo_archive, tmp_path):
    assert export(demo_archive, "no_such_table").returncode == 2
    assert export(demo_archive, "notices", "--excel", "--format", "json").returncode == 2
    missing = export(tmp_path / "none.db", "notices")
    assert missing.returncode == 1 and b"no archive" in missing.stderr


def test_a_view_without_an_order_of_its_own_exports_in_the_order_of_its_columns(demo_archive, tmp_path):
    """``changes`` has no ORDER BY: its rows came in whatever order SQLite read ``versions`` (the
    order the versions were written, which a reparse or another crawl order changes), so two
    archives with the same changes exported differently. They come ordered by the view's columns."""
    import shutil
    import sqlite3

    db = tmp_path / "archive.db"
    shutil.copy(demo_archive, db)
    with sqlite3.connect(db) as conn:
        for key, version in (("300377", 1), ("100101", 2), ("100101", 1)):
            conn.execute("insert into versions (table_name, row_key, version, changed_columns, previous_values, "
                         "new_values, crawl_id) values ('notices', ?, ?, '[\"title\"]', '{}', '{}', 1)",
                         [key, version])
    conn.close()
    out = export(db, "changes")
    assert out.returncode == 0, out.stderr
    table = list(csv.reader(io.StringIO(out.stdout.decode("utf-8"))))
    assert [(r[1], r[2]) for r in table[1:]] == [("100101", "1"), ("100101", "2"), ("300377", "1")]
    freshness = list(csv.reader(io.StringIO(export(db, "freshness").stdout.decode("utf-8"))))
    with sqlite3.connect(db) as conn:   # a view with an ORDER BY of its own keeps it
        assert [r[0] for r in freshness[1:]] == [str(r[0]) for r in conn.execute("select * from freshness")]
    conn.close()


def first_row_written_again(db):
    """The first row of ``summary_region_years`` deleted and written again, as a crawl that touched it leaves it:
    the same rows in another rowid order."""
    import sqlite3

    with sqlite3.connect(db) as conn:
        conn.execute("create temp table moved as select * from summary_region_years order by rowid limit 1")
        conn.execute("delete from summary_region_years where rowid = (select min(rowid) from summary_region_years)")
        conn.execute("insert into summary_region_years select * from moved")
    conn.close()


def test_a_table_without_a_primary_key_exports_its_rows_in_the_order_of_their_values(demo_archive, tmp_path):
    """``summary_region_years`` (a derived table without a primary key) came in rowid order: the derivation
    deletes and writes again the rows of what a crawl touched, so the same rows came in another order after a
    crawl than after a reparse, and an analyst's diff of two exports showed rows that had not changed. Its rows
    come ordered by their columns, the first to the last."""
    import shutil

    before = export(demo_archive, "summary_region_years").stdout
    db = tmp_path / "archive.db"
    shutil.copy(demo_archive, db)
    first_row_written_again(db)
    after = export(db, "summary_region_years")
    assert after.returncode == 0, after.stderr
    assert after.stdout == before
    table = list(csv.reader(io.StringIO(before.decode("utf-8"))))
    assert len(table) > 2 and table[1:] == sorted(table[1:], key=lambda r: (r[0], int(r[1])))


def test_a_query_without_an_order_exports_its_rows_in_the_order_of_their_values(demo_archive, tmp_path):
    """``export "select * from summary_region_years"`` (no ORDER BY) came in rowid order, the
    order the derivation last wrote the rows: the same rows came in another order after a crawl that touched one
    of them, and an analyst's diff of two exports showed rows that had not changed. A query without an order
    (nor a LIMIT) of its own comes ordered by its columns, as a view without one; its own ORDER BY is kept, a LIMIT
    without one is left as SQLite reads it (its rows would change), and ``:name`` parameters, a trailing ``;`` and
    a comment after it still read."""
    import shutil
    import sqlite3

    db = tmp_path / "archive.db"
    shutil.copy(demo_archive, db)
    first_row_written_again(db)
    for sql, *param in (("select * from summary_region_years",),
                        ("select * from summary_region_years;  -- mijn query",),
                        ("select * from summary_region_years where jaar >= :jaar", "--param", "jaar=2000")):
        before, after = export(demo_archive, sql, *param), export(db, sql, *param)
        assert before.returncode == 0 and after.returncode == 0, (sql, before.stderr, after.stderr)
        assert after.stdout == before.stdout, sql
        table = list(csv.reader(io.StringIO(after.stdout.decode("utf-8"))))
        assert len(table) > 2 and table[1:] == sorted(table[1:], key=lambda r: (r[0], int(r[1]))), sql
        assert export(db, sql, *param, "--format", "json").stdout == \
            export(demo_archive, sql, *param, "--format", "json").stdout
    # an order of its own is kept (one inside a subquery is none of the query's); a LIMIT without one as read
    own = export(db, "select publication_id from notices order by publication_id desc").stdout.split()
    assert own[1:] == sorted(own[1:], key=int, reverse=True) and len(own) > 3
    inner = export(db, "select publication_id from (select publication_id from notices order by 1 desc)").stdout
    assert inner.split()[1:] == sorted(own[1:], key=int)
    with sqlite3.connect(db) as conn:
        read = [str(r[0]) for r in conn.execute("select jeugdregio_code from summary_region_years limit 3")]
    conn.close()
    assert export(db, "select jeugdregio_code from summary_region_years limit 3").stdout.decode().split()[1:] == read


def test_reading_a_querys_own_order_takes_linear_time_in_a_deeply_nested_query():
    """Whether a query has an ORDER BY of its own is read outside its parentheses; blanking the innermost part
    again and again took seconds for a query of 100 KB nesting 30,000 levels deep. One walk reads it in
    milliseconds, the same parts as before."""
    import sqlite3

    from tenderarchive.export import _top_level, in_column_order
    from tests.speed import LINEAR, linear_time

    assert _top_level("select a from (select b from (c) order by 1) where x in (1, 2) order by 3") == \
        "select a from   where x in   order by 3"
    conn = sqlite3.connect(":memory:")
    def nested(n):  # n characters: 30 % opening, 30 % closing brackets, then 40 % white space
        depth = n * 3 // 10
        return "select " + "(" * depth + "1" + ")" * depth + " as n" + " " * (n - 2 * depth)
    assert in_column_order(conn, nested(100_000)) == nested(100_000)     # SQLite refuses it: left as it is
    assert linear_time(lambda query: in_column_order(conn, query), nested) < LINEAR
    assert in_column_order(conn, "select 2 as b union select 1 -- x") == "select 2 as b union select 1\norder by 1"
    conn.close()


def test_an_export_that_fails_half_way_leaves_the_earlier_file_as_it_was(demo_archive, tmp_path):
    """The second row overflows (``abs`` of the smallest integer): the export stops with exit 2.
    ``--output`` was opened and truncated first, so the analyst's earlier export was lost and a
    header with one row stood in its place."""
    target = tmp_path / "out.csv"
    target.write_text("publication_id\n100101\n", encoding="utf-8")
    sql = "select abs(x) as a from (select 1 as x union all select -9223372036854775808 union all select 3)"
    out = export(demo_archive, sql, "--output", str(target))
    assert out.returncode == 2 and b"integer overflow" in out.stderr
    assert target.read_text(encoding="utf-8") == "publication_id\n100101\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]   # no temporary file left behind
    assert export(demo_archive, "select 1 as a", "--output", str(target)).returncode == 0
    assert target.read_bytes() == b"a\r\n1\r\n"


def test_an_output_that_cannot_be_written_is_a_clear_error_not_a_traceback(demo_archive, tmp_path):
    for target, words in ((tmp_path, b"is a directory"), (tmp_path / "missing" / "out.csv", b"cannot be written")):
        out = export(demo_archive, "notices", "--output", str(target))
        assert out.returncode == 6, out.stderr
        assert words in out.stderr and str(target).encode() in out.stderr and b"Traceback" not in out.stderr


def test_an_output_that_is_the_archive_itself_is_refused_and_the_archive_kept(demo_archive, tmp_path):
    """``export notices --db a.db -o a.db`` replaced the archive by the CSV (a reader destroyed the
    archive); so did its write-ahead log's or lock's name, or a link to the archive. Exit 6, the
    archive as it was."""
    import os
    import shutil

    db = tmp_path / "a.db"
    shutil.copyfile(demo_archive, db)
    before = db.read_bytes()
    os.link(db, tmp_path / "hard-link.db")
    (tmp_path / "sym-link.db").symlink_to(db)
    for target in (db, tmp_path / "a.db-wal", tmp_path / "a.db.lock", tmp_path / "hard-link.db",
                   tmp_path / "sym-link.db", tmp_path / "." / "a.db"):
        out = export(db, "notices", "--output", str(target))
        assert out.returncode == 6 and b"archive's own file" in out.stderr, (target, out.stderr)
        assert db.read_bytes() == before
    assert not (tmp_path / "a.db-wal").exists() and not (tmp_path / "a.db.lock").exists()
    assert export(db, "notices", "--output", str(tmp_path / "b.db")).returncode == 0


def test_json_keeps_every_column_of_a_query_that_names_two_alike(demo_archive):
    """``select n.url, p.url …``: CSV has both columns; JSON objects kept only the last (a dict
    key given twice). The second is ``url_2``, and a name the query already uses is skipped."""
    sql = ("select n.publication_id, n.url, p.url, 'x' as url_2, p.url from notices n "
           "join procurements p on p.kenmerk = n.kenmerk order by n.publication_id limit 3")
    out = export(demo_archive, sql, "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data and all(list(row) == ["publication_id", "url", "url_3", "url_2", "url_4"] for row in data)
    assert all(row["url_2"] == "x" and row["url_3"] == row["url_4"] and row["url"] for row in data)
    header = next(csv.reader(io.StringIO(export(demo_archive, sql).stdout.decode("utf-8"))))
    assert header == ["publication_id", "url", "url", "url_2", "url"]


def test_a_reader_that_stops_early_ends_the_export_quietly(demo_archive):
    """``tenderarchive export … | head -1``: the reader closes the pipe after one line. It was a
    BrokenPipeError traceback and exit 1."""
    many = "with recursive r(i) as (select 1 union all select i + 1 from r limit 500000) select i from r"
    command = subprocess.Popen([*CLI, many, "--db", str(demo_archive)], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, bufsize=0)   # far more than a pipe holds
    first = command.stdout.read(4)
    command.stdout.close()
    stderr = command.stderr.read()
    assert command.wait(timeout=60) == 0, stderr
    assert first == b"i\r\n1" and stderr == b""


def test_null_is_an_empty_csv_field_or_the_marker_given_and_json_null(demo_archive):
    """A NULL and an empty text were the same empty field, with nothing to tell them apart; ``--null``
    writes a marker for NULL (the README documents the encodings and NULLs of every format)."""
    sql = "select 1 as a, null as b, '' as c, 'x' as d"
    assert export(demo_archive, sql).stdout == b"a,b,c,d\r\n1,,,x\r\n"
    assert export(demo_archive, sql, "--null", "NULL").stdout == b"a,b,c,d\r\n1,NULL,,x\r\n"
    assert export(demo_archive, sql, "--null", r"\N", "--excel").stdout == b"\xef\xbb\xbfa;b;c;d\r\n1;\\N;;x\r\n"
    assert json.loads(export(demo_archive, sql, "--format", "json").stdout) == [{"a": 1, "b": None, "c": "", "d": "x"}]
    refused = export(demo_archive, sql, "--format", "json", "--null", "NULL")
    assert refused.returncode == 2 and b"--null" in refused.stderr


def test_a_saved_search_exports_by_name_with_its_parameters_as_the_site_gives_it(demo_archive, server):
    """An analyst exporting what a research page lists (a region's procurements, every row) or a query
    with a parameter had to copy the SQL and fill in the values: export took neither a saved search's
    name nor --param, and the site's functions (euro, jeugdregio_code) were unknown to it."""
    import urllib.parse

    params = {"jeugdregio": "Holland Rijnland", "sinds": "", "pagina": "alle"}
    out = export(demo_archive, "jeugdregio_aanbestedingen", *[f"--param={k}={v}" for k, v in params.items()])
    assert out.returncode == 0, out.stderr
    site = server.get(f"/{server.database}/jeugdregio_aanbestedingen.csv?{urllib.parse.urlencode(params)}")
    assert out.stdout == site and out.stdout.count(b"\r\n") > 1   # the same bytes as the site's CSV
    # a parameter not given is empty, as the site fills it
    assert export(demo_archive, "award_notices").stdout == server.get(f"/{server.database}/award_notices.csv")
    query = export(demo_archive, "select publication_id from notices where buyer = :buyer order by 1",
                   "--param", "buyer=Gemeente Leiden")
    assert query.stdout.decode().split() == ["publication_id", "200201", "200288"]
    for bad, words in ((["--param", "buyer"], "NAME=VALUE"), (["--param", "koper=x"], ":koper"),
                       ([], "no table, view or saved search")):
        wrong = export(demo_archive, "award_notices" if bad else "geen_zoekopdracht", *bad)
        assert wrong.returncode == 2 and words in wrong.stderr.decode() and b"Traceback" not in wrong.stderr


def test_a_saved_searchs_csv_export_holds_the_columns_of_the_sites_csv_not_its_feeds(demo_archive, server):
    """`export search_all` wrote the columns of the search's Atom feed too, `atom_content` each hit's whole text:
    the CSV of a research page's search is the site's, byte for byte, its page's columns; JSON keeps every column,
    as the site's JSON."""
    out = export(demo_archive, "search_all", "--param", "q=jeugdhulp")
    assert out.returncode == 0, out.stderr
    assert out.stdout == server.get(f"/{server.database}/search_all.csv?q=jeugdhulp")
    header = out.stdout.decode().split("\r\n", 1)[0].split(",")
    assert "excerpt" in header and not [c for c in header if c.startswith("atom_")]
    whole = json.loads(export(demo_archive, "search_all", "--param", "q=jeugdhulp", "--format", "json").stdout)
    assert len(whole) == out.stdout.count(b"\r\n") - 1 and "atom_content" in whole[0]
    helped = " ".join(subprocess.run([*CLI, "--help"], capture_output=True, cwd=ROOT).stdout.decode().split())
    assert "not its Atom feed's atom_*" in helped                       # and its help says so


def test_an_export_missing_a_parameter_it_needs_is_refused_not_an_empty_csv(demo_archive, tmp_path):
    """``export crawl_wijzigingen`` or ``export jeugdregio_aanbestedingen`` without the ``--param`` the search needs
    (``crawl_id``, ``jeugdregio``) wrote a header and nothing else at exit 0, a note on stderr alone: a script under
    cron took it for a crawl that changed nothing, a region without procurements. A search of no rows that reads a
    parameter not given, which it gives no meaning when empty, is refused (exit 2) naming what to give, and writes
    nothing (no output file); one given it, or with rows without it, exports as before, and a parameter it has no
    default for is named apart from those it has (``:sinds``: every procurement when empty)."""
    from tenderarchive.exitcodes import ExitCode

    target = tmp_path / "wijzigingen.csv"
    unasked = export(demo_archive, "crawl_wijzigingen", "--output", str(target))
    assert unasked.returncode == ExitCode.BAD_ARGUMENTS, unasked.stderr
    assert "the saved search crawl_wijzigingen needs --param crawl_id=VALUE" in unasked.stderr.decode()
    assert not target.exists()
    region = export(demo_archive, "jeugdregio_aanbestedingen")
    assert region.returncode == ExitCode.BAD_ARGUMENTS and region.stdout == b""
    said = region.stderr.decode()
    assert "needs --param jeugdregio=VALUE (" in said and "--param sinds" not in said, said
    query = export(demo_archive, "select 1 as a where :x = 'y'")
    assert query.returncode == ExitCode.BAD_ARGUMENTS and "the query needs --param x=VALUE" in query.stderr.decode()
    for given in (export(demo_archive, "jeugdregio_aanbestedingen", "--param", "jeugdregio=JZ18"),
                  export(demo_archive, "select 1 as a where :x = 'y'", "--param", "x=y"),
                  export(demo_archive, "select 1 as a where :x = ''"),  # rows without it: exported as before
                  export(demo_archive, "crawl_wijzigingen", "--param", "crawl_id=1"),
                  export(demo_archive, "award_notices")):
        assert given.returncode == 0 and given.stderr == b"" and given.stdout.count(b"\r\n") > 1, given.stderr


def test_an_export_missing_a_parameter_runs_its_query_once(demo_archive, tmp_path, monkeypatch):
    """The refusal of an export missing a parameter it needs (above) ran the query to see whether it had rows, then
    again to write them: a slow saved search cost its time twice, and the rows written were read in another snapshot
    than the probe. Each export runs its query once, traced on the real read-only connection: the refusal, a query
    with rows without the parameter, and one given it."""
    from tenderarchive import export as module

    ran: list[str] = []
    real = module.connect_read_only

    def traced(path):
        conn = real(path)
        conn.set_trace_callback(ran.append)
        return conn

    monkeypatch.setattr(module, "connect_read_only", traced)
    queries = {"unasked": "select 'trace-me' as a where :x = 'y'", "rows without it": "select 'trace-me' as a where :x = ''",
               "given": "select 'trace-me' as a where :x = 'y'"}
    for case, sql in queries.items():
        ran.clear()
        target = tmp_path / f"{case}.csv"
        params = {"x": "y"} if case == "given" else None
        if case == "unasked":
            with pytest.raises(module.ExportError, match="needs --param x=VALUE"):
                module.export(demo_archive, sql, output=str(target), params=params)
            assert not target.exists()
        else:
            assert module.export(demo_archive, sql, output=str(target), params=params) == 1
            assert target.read_text(encoding="utf-8").splitlines() == ["a", "trace-me"]
        assert sum(statement.startswith("select 'trace-me'") for statement in ran) == 1, (case, ran)


def test_an_export_of_no_rows_names_a_defaulted_parameter_as_its_default(demo_archive):
    """An export of no rows named every parameter not given "not given, so empty": :sinds of
    jeugdregio_aanbestedingen, whose empty value keeps every procurement, and :since of new_this_week, whose
    empty value is the last 7 days, read as the reason for no rows. A parameter the query gives a meaning when
    empty is named as its default."""
    # nothing in the demo is from the last 7 days of 2099 (its undated news pages count from the day it was recorded)
    recent = export(demo_archive, "new_this_week", env={"TENDERARCHIVE_NOW": "2099-01-01T12:00"})
    assert recent.returncode == 0 and recent.stdout.count(b"\r\n") == 1
    assert recent.stderr.decode() == ("tenderarchive export: no rows; not given, so their default: :since "
                                      "(give --param NAME=VALUE)\n")
    query = export(demo_archive, "select 1 as a where :x = 'y' and (:y = '' or 0) and coalesce(nullif(:z, ''), 0)")
    assert query.returncode == 2 and "needs --param x=VALUE (" in query.stderr.decode()   # :y and :z have defaults


def test_an_export_of_no_rows_names_a_switch_off_as_its_default(demo_archive):
    """``export aanbieder_contracten`` of no rows named ``:alle_gunningen`` "not given, so empty", as a cause of no
    rows, beside ``:aanbieder``; but it is a switch (``+a.current = 1 or :alle_gunningen = 'ja'``): empty, it is off,
    the current awards, its default. A parameter compared with a text only as the alternative of another condition
    (``… or :x = 'ja'``) is named as its default; one compared alone (``where :x = 'y'``) still as empty."""
    unasked = export(demo_archive, "aanbieder_contracten")
    assert unasked.returncode == 2 and unasked.stdout == b""   # refused: it needs :aanbieder, not :alle_gunningen
    assert "needs --param aanbieder=VALUE (" in unasked.stderr.decode()
    query = export(demo_archive, "select 1 as a where :x = 'y' and (0 or :y = 'ja') and ('ja' = :z or 0)")
    assert "needs --param x=VALUE (" in query.stderr.decode()


def test_a_renamed_saved_search_exports_under_its_old_name(demo_archive):
    """An analyst's script that exports provider_contracts (now aanbieder_contracten, the glossary's word)
    gets the new search's rows, its provider parameter renamed, and a note on stderr."""
    old = export(demo_archive, "provider_contracts", "--param", "provider=Kennemer")
    new = export(demo_archive, "aanbieder_contracten", "--param", "aanbieder=Kennemer", "--param", "alle_gunningen=ja")
    assert old.returncode == 0, old.stderr
    assert old.stdout == new.stdout and b"Kennemer" in old.stdout
    assert b"provider_contracts is now aanbieder_contracten" in old.stderr


def test_a_saved_search_that_pages_exports_every_row_unless_a_page_is_asked(demo_archive, tmp_path):
    """A saved search that shows 100 rows a page (``pagina``) exported without ``--param pagina=alle`` gave the
    first 100 rows and no word: an analyst's "every contract of this provider" stopped at 100. The export is
    every row; ``--param pagina=2`` still gives the second page. Synthetic awards on a copy of the demo."""
    import shutil
    import sqlite3

    path = tmp_path / "archive.db"
    shutil.copy(demo_archive, path)
    with sqlite3.connect(path) as conn:
        award = conn.execute("select * from awards where award_id = (select award_id from award_suppliers "
                             "where organisation_id = 'kvk:34012345')").fetchone()
        names = [d[0] for d in conn.execute("select * from awards limit 0").description]
        supplier = conn.execute("select * from award_suppliers where organisation_id = 'kvk:34012345'").fetchone()
        supplier_names = [d[0] for d in conn.execute("select * from award_suppliers limit 0").description]
        for i in range(130):
            row = dict(zip(names, award), award_id=f"synthetic-{i:03d}", lot_id=f"{100 + i}")
            conn.execute(f"insert into awards ({', '.join(row)}) values ({', '.join('?' * len(row))})", list(row.values()))
            row = dict(zip(supplier_names, supplier), award_id=f"synthetic-{i:03d}", lot_id=f"{100 + i}")
            conn.execute(f"insert into award_suppliers ({', '.join(row)}) values ({', '.join('?' * len(row))})",
                         list(row.values()))
    every = export(path, "aanbieder_contracten", "--param", "aanbieder=kvk:34012345")
    assert every.returncode == 0, every.stderr
    assert every.stdout.count(b"\r\n") == 1 + 131
    assert every.stdout == export(path, "aanbieder_contracten", "--param", "aanbieder=kvk:34012345",
                                  "--param", "pagina=alle").stdout
    second = export(path, "aanbieder_contracten", "--param", "aanbieder=kvk:34012345", "--param", "pagina=2")
    assert second.stdout.count(b"\r\n") == 1 + 31


def test_a_saved_search_of_winners_exported_from_an_archive_older_than_the_buyer_flag_says_so(demo_archive, tmp_path):
    """The site says atop a winners' search of an archive whose winners predate ``award_suppliers.is_buyer`` that a
    buyer may count as a winner there (tenderarchive/metadata.py); its export said nothing. It says so on stderr;
    the rows are the same, and the demo (every winner flagged or not) says nothing."""
    import shutil
    import sqlite3

    from tenderarchive.metadata import UNFLAGGED_WINNERS_NOTE

    path = tmp_path / "archive.db"
    shutil.copy(demo_archive, path)
    with sqlite3.connect(path) as conn:
        conn.execute("update award_suppliers set is_buyer = null")
    old = export(path, "aanbieders")
    assert old.returncode == 0 and UNFLAGGED_WINNERS_NOTE.encode() in old.stderr, old.stderr
    new = export(demo_archive, "aanbieders")
    assert new.returncode == 0 and b"is_buyer" not in new.stderr and new.stdout == old.stdout
    assert b"is_buyer" not in export(path, "lots_not_awarded").stderr


def test_the_date_paged_saved_searches_export_every_row_and_page_by_number(demo_archive, tmp_path):
    """award_notices, awards_without_prior_call, by_jeugdregio and changed_notices showed the newest 100 and paged
    back with ``before`` (the oldest date shown): the rows of that day that did not fit the page were on no page
    (a crawl's 130 changes share its time; a busy day's award notices their date), and their export stopped at 100
    rows without a word. They page by number (``pagina``, ``alle`` every row) as the other long lists do; the
    export is every row. Synthetic notices and versions on a copy of the demo."""
    import shutil
    import sqlite3

    path = tmp_path / "archive.db"
    shutil.copy(demo_archive, path)
    with sqlite3.connect(path) as conn:
        conn.row_factory = sqlite3.Row
        award = dict(conn.execute("select * from notices where publication_id = 300377").fetchone())
        for i in range(130):
            row = dict(award, publication_id=990000 + i, kenmerk=f"SYN{i:03d}", published="2023-05-04",
                       published_at="2023-05-04T10:00:00+02:00", award_only=1,
                       title=f"Synthetische gunning {i}", url=f"https://www.tenderned.nl/aankondigingen/overzicht/{990000 + i}")
            conn.execute(f"insert into notices ({', '.join(row)}) values ({', '.join('?' * len(row))})",
                         list(row.values()))
            doc = dict(conn.execute("select * from search_documents where source_table = 'notices' "
                                    "and jeugdregios is not null limit 1").fetchone())
            doc.update(doc_id=f"notice:{990000 + i}", source_key=str(990000 + i), published="2023-05-04",
                       title=f"Synthetische gunning {i}")
            conn.execute(f"insert into search_documents ({', '.join(doc)}) values ({', '.join('?' * len(doc))})",
                         list(doc.values()))
            conn.execute("insert into versions values ('notices', ?, 1, '2023-05-01T00:00:00+00:00', "
                         "'2023-05-04T10:00:00+00:00', 'title', '{}', '{}', 1)", [str(990000 + i)])
        expected = {
            "award_notices": conn.execute("select count(*) from notices where notice_type = 'AGO' "
                                          "and youth_care = 1").fetchone()[0],
            "awards_without_prior_call": conn.execute("select count(*) from notices where award_only = 1 "
                                                      "and youth_care = 1").fetchone()[0],
            "by_jeugdregio": conn.execute("select count(*) from search_documents where jeugdregios is not null "
                                          "and (source_table = 'notices' or youth_care = 1)").fetchone()[0],
            "changed_notices": 130}
    for name, count in expected.items():
        assert count >= 130
        every = export(path, name, "--format", "json")
        assert every.returncode == 0, every.stderr
        rows = json.loads(every.stdout)
        assert len(rows) == count, name
        pages = [json.loads(export(path, name, "--format", "json", "--param", f"pagina={n}").stdout)
                 for n in (1, 2, 3)]
        assert [len(p) for p in pages] == ([100, count - 100, 0] if count <= 200 else [100, 100, count - 200])
        assert [r for p in pages for r in p] == rows, name  # page after page, each row once, in order


def test_an_export_an_older_archive_cannot_answer_says_so_and_fails(demo_archive, tmp_path):
    """An archive written by an older version (no summary tables, no ``awards``; ``export`` never migrates it): a
    saved search the site answers there with a one-row note was exported as that note, a CSV of one ``note``
    column and exit 0, which a script took for the data; asked with its parameter (``--param jeugdregio=JZ41``,
    as the research page links it) it said "the query has no :jeugdregio", exit 2, as if the argument were wrong.
    A table the archive lacks was "no table, view or saved search named 'awards'". Each is the older-archive
    note on stderr, nothing on stdout, exit 1. Synthetic: the demo archive with those tables dropped."""
    import shutil
    import sqlite3

    from tenderarchive.exitcodes import ExitCode

    path = tmp_path / "archive.db"
    shutil.copy(demo_archive, path)
    with sqlite3.connect(path) as conn:
        dropped = [name for (name,) in conn.execute(
            "select name from sqlite_master where type = 'table' and (name like 'summary_%' or name in "
            "('award_suppliers', 'awards'))")]
        for kind, name in conn.execute("select type, name from sqlite_master where type in ('view', 'trigger') "
                                       "and (sql like '%awards%' or sql like '%award_suppliers%')").fetchall():
            conn.execute(f"drop {kind} [{name}]")   # an archive from before awards had none that read them
        for name in dropped:
            conn.execute(f"drop table [{name}]")
    for args in (["jeugdregio_aanbestedingen", "--param", "jeugdregio=JZ41"], ["jeugdregio_aanbestedingen"]):
        out = export(path, *args)
        assert out.returncode == ExitCode.FAILED and out.stdout == b"", (args, out.stderr)
        assert b"jeugdregio_aanbestedingen: This archive was written by an older version of tenderarchive and has " \
               b"no table summary_" in out.stderr, out.stderr
    out = export(path, "awards")
    assert out.returncode == ExitCode.FAILED and out.stdout == b""
    assert b"older version of tenderarchive and has no table awards yet" in out.stderr, out.stderr
    assert export(path, "nosuch").returncode == ExitCode.BAD_ARGUMENTS   # a name of no table stays a bad argument
    out = export(demo_archive, "jeugdregio_aanbestedingen", "--param", "jeugdregio=JZ41")  # the archive of today
    assert out.returncode == 0 and b"TN160417" in out.stdout, out.stderr


@pytest.mark.parametrize("statement", ["delete from notices", "create table x (a)", "pragma user_version = 3"])
def test_a_statement_that_writes_is_told_export_only_reads(demo_archive, statement):
    """``export "delete from notices"`` said "query failed: attempt to write a readonly database", SQLite's words,
    which read like a broken archive or a permissions problem. It says that the query writes and export only reads,
    and asks for a SELECT; the archive is untouched."""
    before = sqlite_utils.Database(demo_archive)["notices"].count
    out = export(demo_archive, statement)
    assert out.returncode == 2 and out.stdout == b""
    assert out.stderr.decode().strip() == ("tenderarchive export: the query writes to the archive, which export "
                                           "opens read-only: give a SELECT (or WITH … SELECT) query")
    assert sqlite_utils.Database(demo_archive)["notices"].count == before


def test_an_unknown_name_says_the_nearest_tables_and_saved_searches(demo_archive):
    """``export notice`` (the table is notices) and ``export new_this_weeks`` said only "no table, view or saved
    search named …": the analyst had to open the site to find the name. The error names the nearest tables, views
    and saved searches, as ``--param jeugdregio`` names the nearest regions; a name near none says nothing more."""
    for typed, near in (("notice", "(did you mean notices or notice_cpv?)"),
                        ("new_this_weeks", "(did you mean new_this_week?)"),
                        ("Procurement", "(did you mean procurements")):
        out = export(demo_archive, typed)
        assert out.returncode == 2 and out.stdout == b"", out.stderr
        assert out.stderr.decode().startswith(f"tenderarchive export: no table, view or saved search named "
                                              f"{typed!r} {near}"), out.stderr
    far = export(demo_archive, "xyzzy")
    assert far.returncode == 2
    assert far.stderr == b"tenderarchive export: no table, view or saved search named 'xyzzy'\n"


def test_an_export_of_no_rows_since_a_day_to_come_says_so(demo_archive):
    """``export new_this_week --param since=2999-01-01`` (a year mistyped) wrote a header and nothing else at exit 0
    without a word, as a quiet week does. An export of no rows since a day after today (Amsterdam's, as
    TENDERARCHIVE_NOW gives it) says so; the CSV and the exit code are as before, and a day past says nothing."""
    now = {"TENDERARCHIVE_NOW": "2026-12-05T12:00"}
    for since in ("2999-01-01", "01-01-2999", "2026-12-06"):
        out = export(demo_archive, "new_this_week", "--param", f"since={since}", env=now)
        assert out.returncode == 0 and out.stdout.count(b"\r\n") == 1, out.stderr
        day = "2999-01-01" if since == "01-01-2999" else since
        assert out.stderr.decode() == (f"tenderarchive export: no rows; --param since={day} is after today "
                                       f"(2026-12-05): nothing archived is that new\n")
    region = export(demo_archive, "jeugdregio_aanbestedingen", "--param", "jeugdregio=JZ18", "--param",
                    "sinds=2030-01-01", env=now)
    assert region.returncode == 0 and "--param sinds=2030-01-01 is after today (2026-12-05)" in region.stderr.decode()
    past = export(demo_archive, "new_this_week", "--param", "since=2020-01-01", env=now)
    assert past.returncode == 0 and past.stdout.count(b"\r\n") > 1 and past.stderr == b""
    query = export(demo_archive, "select 1 as a where :since > '3000'", "--param", "since=2999-01-01", env=now)
    assert "is after today" in query.stderr.decode()


def test_awkward_values_round_trip_through_csv_byte_stable_in_the_export_and_the_sites_csv(demo_archive, tmp_path):
    """The analyst's view: a news page whose title holds line breaks (LF, CRLF, a lone CR), quotes, a comma, a NUL
    and a Unicode line separator, whose text is longer than Python's csv reader takes by default (128 KiB: it needs
    ``csv.field_size_limit``), and text that looks like a number ("007") or a formula ("=1+1"). ``export`` of the
    table and of the saved search that finds it, and Datasette's CSV of both, read back with the csv module to the
    archive's values exactly, and give the same bytes run after run."""
    import shutil
    import sys as _sys

    from tests.datasette.archive_fixtures import run, served

    csv.field_size_limit(_sys.maxsize)
    db_path = shutil.copy(demo_archive, tmp_path / "archive.db")
    db = sqlite_utils.Database(db_path)
    url = "https://www.leiderdorp.nl/inwoner/nieuws/voorlopige_gunning_gemeentelijke_toegang_jeugdhulp_bekend"
    awkward = {"title": 'Gunning: regel 1\nregel 2 "citaat", komma\r\nCRLF\rCR\x00NUL\u2028LS ',
               "text": 'Gunning "x",\r\n' + "x" * 200_000 + "\x00\n", "matched_terms": "007", "procedure_raw": "=1+1"}
    db["articles"].update(url, awkward)   # the page as found by the saved search too (its title, its excerpt)
    db.execute("update search_documents set title = ? where source_table = 'articles' and source_key = ?",
               [awkward["title"], url])
    db.conn.commit()
    db.close()

    def read(data: bytes, key: str) -> dict:
        table = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
        [found] = [dict(zip(table[0], r)) for r in table[1:] if key in r]
        return found

    first, again = export(db_path, "articles"), export(db_path, "articles")
    assert first.returncode == 0, first.stderr
    assert first.stdout == again.stdout
    got = read(first.stdout, url)
    assert {k: got[k] for k in awkward} == awkward
    search = export(db_path, "search_all", "--param", "q=gunning")
    assert search.stdout == export(db_path, "search_all", "--param", "q=gunning").stdout
    found = read(search.stdout, url)
    assert found["title"] == awkward["title"] and found["excerpt"] == awkward["text"][:200]
    datasette = served(db_path)
    for path in ("/archive/articles.csv?_stream=on&_size=max", "/archive/search_all.csv?q=gunning"):
        answers = [run(datasette.client.get(path)) for _ in range(2)]
        assert answers[0].status_code == 200 and answers[0].content == answers[1].content, path
    site = read(run(datasette.client.get("/archive/articles.csv?_stream=on&_size=max")).content, url)
    assert {k: site[k] for k in awkward} == awkward
    assert read(run(datasette.client.get("/archive/search_all.csv?q=gunning")).content, url) == \
        read(search.stdout, url)


def test_the_freshness_and_news_sites_views_age_a_source_as_of_tenderarchive_now(demo_archive):
    """The ``freshness`` and ``news_sites`` views aged a source by SQLite's ``julianday('now')``: with
    TENDERARCHIVE_NOW fixing the saved searches' today, their ``age_hours`` and ``days_since_last_archived`` still
    changed with the clock (an export of them differed run after run, in tests and demos). They read that moment too,
    as Datasette does (the same SQL functions)."""
    from datetime import datetime

    def rows(view, moment):
        out = export(demo_archive, view, "--format", "json", env={"TENDERARCHIVE_NOW": moment})
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout)

    def hours(moment, since):
        moment, since = (datetime.fromisoformat(t.replace("Z", "+00:00")) for t in (moment, since))
        return (moment - since).total_seconds() / 3600

    moment, later = "2027-01-01T12:00:00+00:00", "2027-01-02T12:00:00+00:00"
    fresh = rows("freshness", moment)
    assert fresh and fresh == rows("freshness", moment)
    for row, next_day in zip(fresh, rows("freshness", later)):
        assert row["age_hours"] == round(hours(moment, row["last_success"]), 1)
        assert next_day["age_hours"] == round(hours(later, row["last_success"]), 1)
    sites = [r for r in rows("news_sites", moment) if r["last_archived"]]
    assert sites
    for row, next_day in zip(sites, [r for r in rows("news_sites", later) if r["last_archived"]]):
        assert row["days_since_last_archived"] == round(hours(moment, row["last_archived"]) / 24, 1)
        assert next_day["days_since_last_archived"] == round(hours(later, row["last_archived"]) / 24, 1)


def test_a_freshness_age_before_the_last_crawl_is_negative_as_status_says_after(demo_archive):
    """``TENDERARCHIVE_NOW`` before a source's last crawl gave ``freshness.age_hours`` -10.0 with no word what a
    negative age is, where ``status`` prints "10.0 h after TENDERARCHIVE_NOW". The age stays negative (a 0 would
    read "crawled just now", and ``status`` tells "after" from "ago" by that sign): the view and ``status`` give the
    same hours, and the data dictionary says what the sign means."""
    import re
    from datetime import datetime, timedelta

    from tenderarchive.metadata import load_metadata

    def fresh(moment):
        out = export(demo_archive, "freshness", "--format", "json", env={"TENDERARCHIVE_NOW": moment})
        assert out.returncode == 0, out.stderr
        return {r["spider"]: r for r in json.loads(out.stdout)}

    spider, row = next((s, r) for s, r in fresh("2027-01-01T12:00:00+00:00").items() if r["last_success"])
    crawled = datetime.fromisoformat(row["last_success"].replace("Z", "+00:00"))
    moment = (crawled - timedelta(hours=10)).isoformat()
    age = fresh(moment)[spider]["age_hours"]
    assert age == -10.0
    shown = subprocess.run([sys.executable, "-m", "tenderarchive.cli", "status", "--db", str(demo_archive)],
                           cwd=ROOT, capture_output=True, timeout=60, env={**os.environ, "TENDERARCHIVE_NOW": moment})
    assert re.search(rf"^  {spider} +\S+ +last success {-age:.1f} h after TENDERARCHIVE_NOW;",
                     shown.stdout.decode(), re.M), shown.stdout.decode()
    described = load_metadata()["databases"]["archive"]["tables"]["freshness"]["columns"]["age_hours"]
    assert re.search(r"\bnegative\b", described, re.I) and "TENDERARCHIVE_NOW" in described and "status" in described


def test_an_export_of_a_page_past_the_last_says_so_not_a_parameter_left_at_its_default(demo_archive):
    """``export jeugdregio_aanbestedingen --param jeugdregio=JZ18 --param pagina=2`` (README: "``--param pagina=N``
    asks for one page of a search that pages") of a region whose procurements fill one page wrote a header and
    "no rows; not given, so their default: :sinds": the page asked is past the last one, and :sinds, which keeps
    every procurement, was named as the cause. It says which pages there are; a page that has rows says nothing."""
    everything = export(demo_archive, "jeugdregio_aanbestedingen", "--param", "jeugdregio=JZ18", "--param", "pagina=alle")
    assert everything.returncode == 0 and everything.stderr == b""
    total = everything.stdout.count(b"\r\n") - 1
    assert 0 < total <= 100  # one page
    past = export(demo_archive, "jeugdregio_aanbestedingen", "--param", "jeugdregio=JZ18", "--param", "pagina=2")
    assert past.returncode == 0 and past.stdout.count(b"\r\n") == 1  # the header row alone, as before
    rows = "1 row" if total == 1 else f"{total} rows"
    assert past.stderr.decode() == (f"tenderarchive export: no rows; --param pagina=2 is past the last page: the search "
                                    f"gives {rows}, page 1 alone (--param pagina=alle: every row)\n")
    first = export(demo_archive, "jeugdregio_aanbestedingen", "--param", "jeugdregio=JZ18", "--param", "pagina=1")
    assert first.returncode == 0 and first.stderr == b"" and first.stdout == everything.stdout
    # a region with no procurements at all: no page has rows, so the page is no cause
    nothing = export(demo_archive, "select 1 as a where :q = 'x' limit 100 offset 100 * (cast(:pagina as integer) - 1)",
                     "--param", "pagina=3")
    assert "past the last page" not in nothing.stderr.decode() and "needs --param q=VALUE" in nothing.stderr.decode()


def test_a_table_without_a_key_gives_the_same_columns_here_and_in_export_but_the_sites_rowid(demo_archive, tmp_path):
    """Datasette's CSV ("stream all rows") of a table without a primary key (``summary_region_years``,
    ``summary_region_lots``, ``summary_org_regions``) began with a column ``rowid`` that ``export`` leaves out, with
    no word of it: a script reading either by position read every column one place off in the other. ``rowid`` is
    SQLite's row number, which the derivation renumbers, so ``export`` keeps it out and the table's description
    says so on its page (where the CSV link is). Past that column both give the same columns and rows."""
    import shutil

    from tenderarchive.metadata import ROWID_NOTE
    from tests.datasette.archive_fixtures import run, served

    db_path = shutil.copy(demo_archive, tmp_path / "archive.db")
    db = sqlite_utils.Database(db_path)
    keyless = sorted(name for name in db.table_names() if db.table(name).use_rowid and not name.endswith("_fts"))
    assert {"summary_region_years", "summary_region_lots", "summary_org_regions"} <= set(keyless)
    db.close()
    datasette = served(db_path)
    for name in [*keyless, "summary_awards"]:
        exported = export(db_path, name)
        assert exported.returncode == 0, exported.stderr
        mine = list(csv.reader(io.StringIO(exported.stdout.decode("utf-8"))))
        answer = run(datasette.client.get(f"/archive/{name}.csv?_stream=on&_size=max"))
        assert answer.status_code == 200, name
        site = list(csv.reader(io.StringIO(answer.text)))
        page = run(datasette.client.get(f"/archive/{name}")).text
        said = html_text(ROWID_NOTE) in html_text(page)
        if name == "summary_awards":  # a primary key: the same columns, nothing said
            assert site[0] == mine[0] and not said
            continue
        assert site[0] == ["rowid", *mine[0]], name
        assert len(mine) > 1 and sorted(row[1:] for row in site[1:]) == sorted(mine[1:]), name
        assert said, name


def html_text(text: str) -> str:
    """Text as a page shows it: tags out, entities read, spaces as one."""
    import html
    import re

    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).replace("`", "").split())


@pytest.mark.parametrize("statement", ["attach database '{path}' as other", "vacuum into '{path}'"])
def test_a_statement_that_makes_another_database_file_writes_nothing_anywhere(demo_archive, tmp_path, statement):
    """``export "attach database '/elsewhere/x.db' as x"`` and ``export "vacuum into '/elsewhere/x.db'"`` were
    refused, yet each had made an empty file at the path it named first: a reader wrote a file. Export attaches no
    database, so the statement is refused before any file is opened, with the same read-only message."""
    target = tmp_path / "made here ü.db"
    out = export(demo_archive, statement.format(path=target))
    assert out.returncode == 2 and out.stdout == b""
    assert b"export opens read-only" in out.stderr, out.stderr
    assert not target.exists()


def test_a_query_making_a_gigabyte_value_is_refused_not_a_memory_blow_up(demo_archive):
    """``export "select randomblob(1e9)"`` grew past 6 GB of memory and ran for minutes (the blob, its hex text,
    the CSV line); a value that large is no archive value. The export's connection caps a value at
    ``export.MAX_VALUE_BYTES``: the query fails at once with a clear error naming the cap."""
    from tenderarchive.export import MAX_VALUE_BYTES

    started = time.monotonic()
    out = export(demo_archive, "select randomblob(1000000000) as blob")
    assert out.returncode == 2 and out.stdout == b"", out.stderr
    assert f"a value longer than {MAX_VALUE_BYTES:,} bytes".encode() in out.stderr, out.stderr
    assert time.monotonic() - started < 30
    out = export(demo_archive, "select length(group_concat(title)) from notices")   # ordinary values still read
    assert out.returncode == 0 and out.stdout.splitlines()[1].isdigit()


def test_an_output_that_is_a_device_or_a_fifo_is_written_in_place_never_replaced_by_a_file(demo_archive, tmp_path):
    """``export notices -o /dev/null`` wrote a temporary file beside the target and renamed it over it: run as root,
    it replaced the device ``/dev/null`` by a regular file of CSV (as another user, ``/dev`` is not writable and the
    export failed). An output that exists and is no regular file (a device, a FIFO, a link to one) is written in
    place; a regular file is still replaced whole (the test above)."""
    fifo = tmp_path / "pipe ü"
    os.mkfifo(fifo)
    link = tmp_path / "to the pipe"
    link.symlink_to(fifo)
    for target in (fifo, link):
        reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # open first, so the export's open does not wait
        try:
            out = export(demo_archive, "select 1 as a", "-o", str(target))
            assert out.returncode == 0, out.stderr
            got = os.read(reader, 1000) if fifo.is_fifo() else b""
        finally:
            os.close(reader)
        assert got == b"a\r\n1\r\n"
        assert fifo.is_fifo() and link.is_symlink() and link.resolve() == fifo
    out = export(demo_archive, "notices", "-o", os.devnull)
    assert out.returncode == 0, out.stderr
    assert os.path.exists(os.devnull) and not os.path.isfile(os.devnull)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("to_stdout", [True, False])
def test_an_output_that_runs_out_of_space_is_a_clear_error_not_a_traceback(demo_archive, to_stdout):
    """``export notices > /dev/full`` (a full disk) ended in a traceback (``OSError: [Errno 28] No space left on
    device``) from the middle of the CSV writer. It is exit 6 naming the output and the cause."""
    if to_stdout:
        with open("/dev/full", "wb") as full:
            out = subprocess.run([*CLI, "notices", "--db", str(demo_archive)], cwd=ROOT, stdout=full,
                                 stderr=subprocess.PIPE, timeout=60)
        name = b"standard output"
    else:
        out = export(demo_archive, "notices", "-o", "/dev/full")
        name = b"/dev/full"
    assert out.returncode == 6, out.stderr
    assert b"Traceback" not in out.stderr and b"Exception ignored" not in out.stderr, out.stderr
    assert name + b": cannot be written (No space left on device)" in out.stderr, out.stderr
    assert not os.path.isfile("/dev/full")


def test_a_text_that_is_no_utf8_is_written_as_the_site_shows_it_and_the_export_says_where(demo_archive, tmp_path):
    """``export "select char(55296)"`` (a lone surrogate: bytes ED A0 80, no UTF-8) ended with sqlite3's "Could not
    decode to UTF-8 column 'char(55296)' with text '...'" (the bad bytes printed to the terminal), exit 2, the CSV cut
    off at that row and the JSON an unclosed "[". Such a text is written as the site's CSV and JSON show it (U+FFFD in
    place of what is no character, Datasette's decoding), every other row as it is, exit 0, and stderr names each
    value's row, column and bytes."""
    import urllib.parse

    from tests.datasette.archive_fixtures import run, served

    sql = ("select 1 as n, 'a' as x union all select 2, char(55296) union all select 3, cast(x'41ff42' as text) "
           "union all select 4, 'b' order by n")
    out = export(demo_archive, sql)
    assert out.returncode == 0, out.stderr
    written = list(csv.reader(io.StringIO(out.stdout.decode("utf-8"))))
    assert written == [["n", "x"], ["1", "a"], ["2", "\ufffd" * 3], ["3", "A\ufffdB"], ["4", "b"]]
    site = run(served(demo_archive).client.get("/archive.csv?" + urllib.parse.urlencode({"sql": sql})))
    assert list(csv.reader(io.StringIO(site.text))) == written
    said = out.stderr.decode("utf-8")
    assert "Could not decode" not in said
    assert "row 2, column x: text that is not UTF-8 (bytes ED A0 80)" in said
    assert "row 3, column x: text that is not UTF-8 (bytes FF)" in said and "U+FFFD" in said

    as_json = export(demo_archive, sql, "--format", "json", "--output", str(tmp_path / "x.json"))
    assert as_json.returncode == 0, as_json.stderr
    assert [r["x"] for r in json.loads((tmp_path / "x.json").read_text("utf-8"))] == ["a", "\ufffd" * 3,
                                                                                       "A\ufffdB", "b"]
    assert "row 2, column x" in as_json.stderr.decode("utf-8")


def test_an_export_of_a_search_for_no_word_says_so(demo_archive):
    """``export search_all --param 'q=***'`` (a search of signs alone, no word) wrote a header and nothing else at exit
    0 without a word, as a search for words the archive does not hold does. It says the parameter holds no word to
    search for; the CSV and the exit code are as before, and a search of a word says nothing."""
    for value in ("***", '"', " - "):
        out = export(demo_archive, "search_all", "--param", f"q={value}")
        assert out.returncode == 0 and out.stdout.count(b"\r\n") == 1, out.stderr
        assert out.stderr.decode() == (f"tenderarchive export: no rows; --param q={value.strip()} holds no word to "
                                       "search for: give one or more words\n"), out.stderr
    found = export(demo_archive, "search_all", "--param", "q=jeugdhulp")
    assert found.returncode == 0 and found.stdout.count(b"\r\n") > 1 and found.stderr == b""
    unknown = export(demo_archive, "search_all", "--param", "q=xyzzyquux")
    assert unknown.returncode == 0 and b"holds no word" not in unknown.stderr


def test_an_infinite_number_is_null_in_the_json_export_as_on_the_site_and_the_export_says_where(demo_archive, tmp_path):
    """``export "select 9e999" --format json`` wrote ``Infinity``, a word JSON has none of (RFC 8259 §6): ``jq`` and
    ``JSON.parse`` refused the whole file. A number beyond a float's range is ``null`` in the JSON export, as the
    site's JSON writes it (Datasette's ``remove_infinites``), and a note names its row and column; the CSV keeps
    ``inf`` as the site's CSV does."""
    import urllib.parse

    from tests.datasette.archive_fixtures import run, served

    sql = "select 1 as n, 1.5 as x union all select 2, 9e999 union all select 3, -9e999 order by n"
    path = tmp_path / "x.json"
    out = export(demo_archive, sql, "--format", "json", "--output", str(path))
    assert out.returncode == 0, out.stderr
    text = path.read_text("utf-8")
    rows = json.loads(text, parse_constant=lambda word: pytest.fail(f"{word} is no JSON"))
    site = run(served(demo_archive).client.get("/archive.json?" + urllib.parse.urlencode({"sql": sql, "_shape": "array"})))
    assert rows == site.json() == [{"n": 1, "x": 1.5}, {"n": 2, "x": None}, {"n": 3, "x": None}]
    said = out.stderr.decode("utf-8")
    assert "row 2, column x: an infinite number (inf)" in said and "row 3, column x: an infinite number (-inf)" in said
    as_csv = export(demo_archive, sql)
    assert list(csv.reader(io.StringIO(as_csv.stdout.decode("utf-8"))))[1:] == [["1", "1.5"], ["2", "inf"],
                                                                                 ["3", "-inf"]]


def test_an_export_of_a_search_as_of_a_day_names_that_day_on_stderr(demo_archive):
    """``export open_youth_care_tenders`` wrote the tenders open on a day and did not say which: today, unless
    ``--param as_of`` gave one (the served CSV names it in its ``Tenderarchive-Note`` when it has no rows, the page
    shows its as_of field). It says the day on stderr, with the rows it wrote; stdout stays the pure CSV. A query
    that reads no as_of says nothing of a day."""
    today = export(demo_archive, "open_youth_care_tenders", env={"TENDERARCHIVE_NOW": "2021-11-01T12:00"})
    assert today.returncode == 0
    assert today.stderr.decode() == ("tenderarchive export: as of today, 2021-11-01 on Amsterdam's clock (as_of not "
                                     "given; --param as_of=YYYY-MM-DD for another day): 2 rows\n")
    table = list(csv.reader(io.StringIO(today.stdout.decode("utf-8"), newline="")))
    assert table[0][0] == "deadline" and len(table) == 3   # the header and the two rows: no note among them
    given = export(demo_archive, "open_youth_care_tenders", "--param", "as_of=2021-12-01")
    assert given.returncode == 0 and given.stdout.count(b"\r\n") == 2
    assert given.stderr.decode() == "tenderarchive export: as of 2021-12-01 (--param as_of=2021-12-01): 1 row\n"
    none = export(demo_archive, "open_youth_care_tenders", env={"TENDERARCHIVE_NOW": "2026-12-07T12:00"})
    assert none.returncode == 0 and none.stdout.count(b"\r\n") == 1
    assert none.stderr.decode() == ("tenderarchive export: as of today, 2026-12-07 on Amsterdam's clock (as_of not "
                                    "given; --param as_of=YYYY-MM-DD for another day): no rows that day\n")
    own = export(demo_archive, "select publication_id from notices where published <= :as_of",
                 "--param", "as_of=2018-07-04")
    assert own.returncode == 0 and own.stderr.decode().startswith("tenderarchive export: as of 2018-07-04 (")
    assert export(demo_archive, "award_notices").stderr == b""
