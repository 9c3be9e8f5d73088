"""Queries that scale (issue 14), checked on a small synthetic archive built by bench/scale.py
(the same generator and store code as the scale benchmark; every row synthetic, every URL
``*.example.invalid``).

- ``EXPLAIN QUERY PLAN`` of every saved search (and its fallback), every dashboard chart (with
  and without the jeugdregio filter), every table page's default sort, count and facets, and the
  table searches: none may scan a whole big table (``notices``, ``articles``, ``events``,
  ``search_documents``). A plan step ``SCAN x`` with no index is a full scan; ``SCAN x USING
  [COVERING] INDEX`` reads an index in order (a page stops after its rows, a facet counts an
  index) and passes.
- The aggregation pages (issue 14: region, market, provider and buyer pages) read the summary
  tables of ``tenderarchive/store/summaries.py``: none scans ``procurements``, ``awards``,
  ``award_suppliers``, ``lots`` or a per-procurement summary table in full, and none sorts
  a whole table of awards or procurements before its page (``USE TEMP B-TREE FOR ORDER BY``
  over a scan).
- Every default facet and sort column of ``tenderarchive/datasette/tables/*.yaml`` leads an index.
- A CSV stream of the whole notices table from ``tenderarchive serve`` is complete with the
  shipped settings (``max_csv_mb`` 0), and is cut short when the limit is lowered to 1 MB — so
  the first test would catch a size cap.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import sqlite3
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
import sqlite_utils

from bench.scale import build
from tenderarchive import datasette_plugin
from tenderarchive.metadata import load_metadata
from tenderarchive.store.schema import TABLES, VIEWS
from tests.datasette.archive_fixtures import CLI, ROOT, free_port

BIG = {"notices", "articles", "events", "search_documents"}
PARAMS = {"q": "jeugdhulp", "as_of": "", "since": "2024-01-01", "jeugdregio": "JZ18", "year": "2024",
          "provider": "Kompas", "procurement_id": "TN100001"}
NOT_ALIASES = {"where", "join", "on", "left", "inner", "cross", "order", "group", "limit", "using", "natural",
               "union", "select", "and", "or", "as"}


@pytest.fixture(scope="module")
def scale_archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("scale") / "archive.db"
    build(path, notices=3_000, articles=600)
    # bench/scale.py derives step by step; the summaries step (tenderarchive/store/summaries.py)
    # is run here as derive() runs it.
    from tenderarchive.store.summaries import refresh_summaries
    from tenderarchive.store.writes import open_archive
    db = open_archive(path)
    refresh_summaries(db, 1, full=True)
    db.close()
    return path


@pytest.fixture(scope="module")
def conn(scale_archive):
    connection = sqlite3.connect(f"file:{scale_archive}?mode=ro", uri=True)
    datasette_plugin.prepare_connection(connection, "archive", None)
    from datasette.utils import escape_fts
    connection.create_function("escape_fts", 1, escape_fts)
    yield connection
    connection.close()


def facet_column(facet) -> str:
    """The column of a facet of tables/*.yaml: ``name`` or ``{type: name}``."""
    return facet if isinstance(facet, str) else next(iter(facet.values()))


def aliases(sql: str) -> dict[str, str]:
    """Alias (or name) -> table, for the big tables a statement reads."""
    out = {t: t for t in BIG}
    for table, alias in re.findall(r"\b(notices|articles|events|search_documents)\s+(?:as\s+)?(\w+)", sql, re.I):
        if alias.lower() not in NOT_ALIASES:
            out[alias] = table
    return out


def full_scans(conn, sql: str, params: dict) -> list[str]:
    names = aliases(sql)
    plan = conn.execute("explain query plan " + sql, params).fetchall()
    return [detail for *_, detail in plan
            if (m := re.fullmatch(r"SCAN (\w+)", detail)) and names.get(m.group(1)) in BIG]


def statements():
    """``(label, sql, params)`` of everything the published pages run."""
    metadata = load_metadata()
    database = metadata["databases"]["archive"]
    for name, query in database["queries"].items():
        params = {p: PARAMS.get(p, "") for p in query.get("params", [])}
        yield f"saved search {name}", query["sql"], params
        if query.get("fallback_sql"):
            yield f"saved search {name} (fallback)", query["fallback_sql"], params
        if "jeugdregio" in params:
            yield f"saved search {name} (all regions)", query["sql"], dict(params, jeugdregio="")
    for dashboard in metadata["plugins"]["datasette-dashboards"].values():
        charts = dict(dashboard["charts"])
        for name, chart in charts.items():
            for variant in ("query", "fallback_query"):
                if chart.get(variant):
                    sql = chart[variant]
                    yield f"chart {name} {variant}", re.sub(r"\[\[.*?\]\]", "", sql, flags=re.S), {}
                    if "[[" in sql:
                        yield (f"chart {name} {variant} (filtered)", re.sub(r"\[\[(.*?)\]\]", r"\1", sql, flags=re.S),
                               {"jeugdregio": "Holland Rijnland"})
        for name, flt in dashboard.get("filters", {}).items():
            if flt.get("query"):
                yield f"dashboard filter {name}", flt["query"], {}
    for table, spec in database["tables"].items():
        if table not in TABLES:
            continue
        order = ""
        if spec.get("sort"):
            order = f" order by [{spec['sort']}]"
        elif spec.get("sort_desc"):
            order = f" order by [{spec['sort_desc']}] desc"
        yield f"table {table}", f"select * from [{table}]{order} limit 51", {}
        yield f"table {table} count", f"select count(*) from [{table}]", {}
        for facet in map(facet_column, spec.get("facets", [])):
            yield (f"table {table} facet {facet}",
                   f"select [{facet}] as value, count(*) as count from (select * from [{table}]) "
                   f"where [{facet}] is not null group by [{facet}] order by count desc, value limit 31", {})
    for view in VIEWS:  # a view's page: its first rows and its count
        yield f"view {view}", f"select * from [{view}] limit 51", {}
        yield f"view {view} count", f"select count(*) from [{view}]", {}
    for table, sort in (("notices", "published"), ("articles", "published")):
        yield (f"table search {table}", f"select * from [{table}] where rowid in (select rowid from [{table}_fts] "
               f"where [{table}_fts] match escape_fts(:search)) order by [{sort}] desc limit 51", {"search": "jeugdhulp"})


def test_no_page_scans_a_big_table(conn):
    checked, failures = 0, []
    for label, sql, params in statements():
        scans = full_scans(conn, sql, params)
        checked += 1
        if scans:
            failures.append(f"{label}: {scans}")
    assert checked > 80
    assert not failures, "full scans of big tables:\n" + "\n".join(failures)


def test_the_plan_check_catches_a_full_scan(conn):
    assert full_scans(conn, "select * from notices where description like '%jeugd%'", {}) == ["SCAN notices"]
    assert full_scans(conn, "select count(*) from articles a where a.text like ?", ["%x%"]) == ["SCAN a"]


def test_search_everything_ranks_inside_fts(conn):
    """Up to the cap, bm25 inside FTS5 orders the hits: a title hit (4x) above a body-only hit."""
    sql = load_metadata()["databases"]["archive"]["queries"]["search_all"]["sql"]
    assert re.search(r"select rowid, bm25\(search_documents_fts, 4\.0, 1\.0\) as rank from search_documents_fts\s+"
                     r"where search_documents_fts match .*\s+order by rank limit 100\)", sql)
    query = "jeugdhulp"
    matches = conn.execute("select count(*) from search_documents_fts where search_documents_fts "
                           "match nl_fts_query(?)", [query]).fetchone()[0]
    assert 100 < matches <= 10_000   # ranked: under the cap
    rows = conn.execute(sql, {"q": query}).fetchall()
    assert len(rows) == 100
    best = [k for (k,) in conn.execute(
        "select d.source_key from search_documents_fts f join search_documents d on d.rowid = f.rowid "
        "where search_documents_fts match nl_fts_query(?) order by bm25(search_documents_fts, 4.0, 1.0), "
        "d.published desc, f.rowid desc limit 100", [query])]
    assert [r[9] for r in rows] == best
    assert "jeugdhulp" in (rows[0][3] or "").lower()


def test_search_everything_lists_the_last_archived_matches_of_a_very_common_query(conn):
    """Over the cap (10,000; 25 here) bm25 is not computed (it reads every match of every word
    first): the rows are the 100 matches archived last, newest first. Rowid order is publication
    order in a fresh index."""
    sql = load_metadata()["databases"]["archive"]["queries"]["search_all"]["sql"].replace("offset 10000", "offset 25")
    matched = conn.execute("select d.source_key, d.published from search_documents_fts f join search_documents d "
                           "on d.rowid = f.rowid where search_documents_fts match nl_fts_query('jeugdhulp') "
                           "order by f.rowid desc").fetchall()
    assert len(matched) > 100  # far more than the cap
    rows = conn.execute(sql, {"q": "jeugdhulp"}).fetchall()
    assert {r[9] for r in rows} == {k for k, _ in matched[:100]}
    assert [r[0] or "" for r in rows] == sorted((r[0] or "" for r in rows), reverse=True)
    dates = [r[0] or "" for r in conn.execute("select published from search_documents order by rowid")]
    assert dates == sorted(dates)  # rowid order is publication order
    few = conn.execute(sql.replace("offset 25", "offset 100000"), {"q": "jeugdhulp"}).fetchall()
    assert [r[9] for r in few] != [r[9] for r in rows]   # under the cap: ranked, not by date


def test_every_default_facet_and_sort_leads_an_index():
    tables = load_metadata()["databases"]["archive"]["tables"]
    missing = []
    for table, spec in tables.items():
        if table not in TABLES:
            continue
        pk = TABLES[table]["pk"]
        leading = {i[0] for i in TABLES[table].get("indexes", [])} | {pk if isinstance(pk, str) else pk[0]}
        for column in [*map(facet_column, spec.get("facets", [])), spec.get("sort"), spec.get("sort_desc")]:
            if column and column not in leading:
                missing.append(f"{table}.{column}")
    assert not missing


class Serve:
    """``tenderarchive serve`` on a free loopback port with extra ``--setting`` pairs."""

    def __init__(self, path, *settings: tuple[str, str]):
        extra = [a for pair in settings for a in ("--setting", *pair)]
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/{path.stem}"
        self.process = subprocess.Popen([*CLI, "serve", "--db", str(path), "--port", str(self.port), *extra],
                                        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        for _ in range(150):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/-/versions.json", timeout=2)
                return
            except OSError:
                assert self.process.poll() is None, self.process.stderr.read().decode()
                time.sleep(0.2)
        raise RuntimeError("tenderarchive serve did not start")

    def stream_notices(self) -> tuple[int, int]:
        """Rows and characters of the streamed CSV of the whole notices table."""
        with urllib.request.urlopen(f"{self.url}/notices.csv?_stream=1&_size=max", timeout=120) as response:
            body = response.read().decode("utf-8")
        return len(list(csv.reader(io.StringIO(body)))) - 1, len(body)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)


def test_csv_stream_of_notices_is_complete(scale_archive):
    total = sqlite3.connect(scale_archive).execute("select count(*) from notices").fetchone()[0]
    with Serve(scale_archive) as server:
        rows, size = server.stream_notices()
    assert size > 1_500_000  # larger than the lowered limit below
    assert rows == total


def test_a_lowered_csv_limit_cuts_the_stream(scale_archive):
    """The same request with ``--setting max_csv_mb 1``: Datasette stops after 1 MB, so the test
    above fails on any cap smaller than the table."""
    total = sqlite3.connect(scale_archive).execute("select count(*) from notices").fetchone()[0]
    with Serve(scale_archive, ("max_csv_mb", "1")) as server:
        rows, size = server.stream_notices()
    assert size <= 1_200_000 and rows < total


PAGED = {"by_jeugdregio": "published", "award_notices": "awarded", "awards_without_prior_call": "published",
         "changed_notices": "changed"}


@pytest.mark.parametrize("name", sorted(PAGED))
def test_long_saved_searches_page_by_date(conn, name):
    """The saved searches whose thousand long rows took over a second to render show the newest
    100; ``before`` (the oldest date shown) pages back, newest first, without overlap."""
    query = load_metadata()["databases"]["archive"]["queries"][name]
    params = {p: PARAMS.get(p, "") for p in query.get("params", [])}
    if "jeugdregio" in params:
        params["jeugdregio"] = ""
    conn.row_factory = sqlite3.Row
    try:
        sql = query["sql"] if name != "changed_notices" else query["fallback_sql"]  # the scale archive has no versions
        first = [dict(r) for r in conn.execute(sql, params)]
        column = PAGED[name]
        assert 0 < len(first) <= 100
        dates = [r[column] for r in first]
        assert dates == sorted(dates, reverse=True)
        oldest = dates[-1]
        second = [dict(r) for r in conn.execute(sql, dict(params, before=oldest))]
        assert all(r[column] < oldest for r in second)
        if len(first) == 100:  # a fuller archive than one page: the next page goes on
            assert second
    finally:
        conn.row_factory = None


PAGED_BY_NUMBER = ("awards_by_region_year", "jeugdregio_aanbestedingen", "jeugdregio_percelen",
                   "aanbieder_contracten", "opdrachtgever_contracten")


@pytest.mark.parametrize("name", PAGED_BY_NUMBER)
def test_region_lists_page_by_number_and_alle_is_every_row(conn, name):
    """A region's list shows 100 rows a page: pagina 1, 2, … in order are every row once
    (``alle``), and a page number that is no number is page 1."""
    query = load_metadata()["databases"]["archive"]["queries"][name]
    params = {p: "" for p in query["params"]}
    if "jeugdregio" in params and name != "awards_by_region_year":   # the region with the most procurements
        params["jeugdregio"] = conn.execute("select jeugdregio_code from summary_procurement_regions "
                                            "group by 1 order by count(*) desc limit 1").fetchone()[0]
    if "aanbieder" in params:   # the provider with the most awards
        params["aanbieder"] = conn.execute("select organisation_id from award_suppliers "
                                           "group by 1 order by count(*) desc limit 1").fetchone()[0]
    if "opdrachtgever" in params:   # the buyer with the most notices
        params["opdrachtgever"] = conn.execute("select buyer_id from notices where buyer_id is not null "
                                               "group by 1 order by count(*) desc limit 1").fetchone()[0]

    def page(pagina):
        return conn.execute(query["sql"], dict(params, pagina=pagina)).fetchall()

    every = page("alle")
    assert len(every) > (100 if name == "awards_by_region_year" else 0)
    pages, number = [], 1
    while rows := page(str(number)):
        assert len(rows) <= 100
        pages.append(rows)
        number += 1
        assert number < 1_000
    assert [r for rows in pages for r in rows] == every
    assert all(len(rows) == 100 for rows in pages[:-1])
    assert page("") == page("x") == page("-2") == page("1") == pages[0]


def region_section(path, region: str, name: str) -> str:
    with Serve(path) as server:
        base = server.url.rsplit("/", 1)[0]
        page = urllib.request.urlopen(f"{base}/-/jeugdregio/{region}", timeout=60).read().decode()
    section = page[page.index(f'data-query="{name}"'):]
    return section[:section.index("</section>")]


def test_the_region_page_links_the_next_hundred_and_a_csv_of_every_row(scale_archive, tmp_path):
    """At more than 100 rows the research page says it shows the first hundred and links page 2;
    its CSV link asks for every row. The region's procurements are copied four times over (new
    ids) in a copy of the archive to pass a hundred; the original region is under it."""
    conn = sqlite3.connect(scale_archive)
    region, count = conn.execute("select jeugdregio_code, count(*) from summary_procurement_regions "
                                 "group by 1 order by 2 desc limit 1").fetchone()
    conn.close()
    assert 25 < count <= 100
    small = region_section(scale_archive, region, "jeugdregio_aanbestedingen")
    assert f"({count})" in small and "de eerste" not in small and "pagina=2" not in small
    assert "pagina=alle" in small and "_stream=on" in small

    copy = Path(shutil.copy(scale_archive, tmp_path / "archive.db"))
    db = sqlite_utils.Database(copy)
    ids = [r["procurement_id"] for r in db.query(
        "select procurement_id from summary_procurement_regions where jeugdregio_code = ?", [region])]
    for table in ("summary_procurement_regions", "summary_procurements", "procurements"):
        rows = list(db.query(f"select * from {table} where procurement_id in ({','.join('?' * len(ids))})"
                             + (" and jeugdregio_code = ?" if table == "summary_procurement_regions" else ""),
                             ids + ([region] if table == "summary_procurement_regions" else [])))
        db[table].insert_all({**r, "procurement_id": f"{r['procurement_id']}-{i}"} for i in range(4) for r in rows)
    db.close()
    big = region_section(copy, region, "jeugdregio_aanbestedingen")
    assert "(de eerste 100)" in big and big.count("<tr>") == 100 + 1
    assert f"jeugdregio_aanbestedingen?jeugdregio={region}&amp;pagina=2" in big
    assert "pagina=alle" in big


def test_the_awards_winners_are_read_per_procedure_not_per_flag(conn):
    """The awards saved search reads each row's current awards by procurement: through the
    ``current`` index alone every row walked all current awards (0.8 s at 20,000 notices)."""
    query = load_metadata()["databases"]["archive"]["queries"]["award_notices"]
    plan = [r[3] for r in conn.execute("explain query plan " + query["sql"], {"before": "", "pagina": ""})]
    award_steps = [step for step in plan if step.startswith("SEARCH w ")]
    assert award_steps and all("procurement_id=?" in step for step in award_steps), plan


#: The dashboard charts as they read the archive's tables before issue 14's summary table
#: (``dashboard_counts``, kept by tenderarchive/store/search_index.py): the new charts must give
#: the same rows.
BASE_CHARTS = {
    "notices-count": "select count(*) from search_documents where source_table = 'notices' {region}",
    "procurements-count": "select count(distinct procurement_id) from search_documents "
                          "where source_table = 'notices' {region}",
    # TenderNed's publications (notices) only, since branch refusers24: articles counted too before
    "per-month": "select year_month || '-01', coalesce(jeugdregio_name, 'unknown'), count(*) from search_documents "
                 "where source_table = 'notices' and year_month is not null {region} group by 1, 2 order by 1, 2",
    "procedure-types": "select coalesce(n.procedure_label, n.procedure, 'unknown'), count(*) from notices n "
                       "join search_documents d on d.source_table = 'notices' and d.source_key = "
                       "cast(n.publication_id as text) where true {region} group by 1 order by 2 desc, 1",
    "notice-types": "select coalesce(n.notice_type_label, n.notice_type), count(*) from notices n "
                    "join search_documents d on d.source_table = 'notices' and d.source_key = "
                    "cast(n.publication_id as text) where true {region} group by 1 order by 2 desc, 1",
    "stages": "select substr(a.published, 1, 4), a.primary_stage, count(*) from articles a join search_documents d "
              "on d.source_table = 'articles' and d.source_key = a.url where a.relevant = 1 and a.primary_stage "
              "is not null and a.published is not null {region} group by 1, 2 order by 1, 2",
}


@pytest.mark.parametrize("region", ["", "Holland Rijnland"])
def test_the_dashboard_summary_gives_the_charts_of_the_archive(conn, region):
    charts = load_metadata()["plugins"]["datasette-dashboards"]["jeugdhulp"]["charts"]
    checked = 0
    for name, base in BASE_CHARTS.items():
        sql = charts[name]["query"]
        sql = re.sub(r"\[\[(.*?)\]\]", r"\1", sql, flags=re.S) if region else re.sub(r"\[\[.*?\]\]", "", sql)
        where = "and jeugdregio_name = :jeugdregio" if name in ("notices-count", "procurements-count", "per-month") \
            else "and d.jeugdregio_name = :jeugdregio"
        expected = conn.execute(base.format(region=where if region else ""), {"jeugdregio": region}).fetchall()
        got = conn.execute(sql, {"jeugdregio": region}).fetchall()
        assert [tuple(r) for r in got] == [tuple(r) for r in expected], name
        checked += bool(expected and expected[0][-1])
    assert checked >= 5  # the synthetic archive has rows for (nearly) every chart


def test_no_dashboard_chart_reads_the_big_tables(conn):
    """Not even through a covering index: the charts read the summary table only."""
    scans = []
    for label, sql, params in statements():
        if label.startswith("chart ") and "fallback" not in label:
            plan = " ".join(d for *_, d in conn.execute("explain query plan " + sql, params).fetchall())
            if re.search(r"\b(notices|articles|search_documents)\b", plan):
                scans.append(f"{label}: {plan}")
    assert not scans, "\n".join(scans)


#: The saved searches that read the summary tables (tenderarchive/store/summaries.py).
AGGREGATIONS = ("opdrachtgevers", "aanbieders", "jeugdregio_overzicht", "jeugdregio_winnaars_per_jaar",
                "jeugdregio_aanbestedingen", "awards_by_region_year", "jeugdregio_percelen", "marktbeeld",
                "values_per_year", "who_won_in_jeugdregio")
#: Tables that grow with the archive, and the per-procurement/per-award summary tables.
GROWING = {"notices", "articles", "events", "search_documents", "procurements", "awards", "award_suppliers", "lots",
           "notice_municipalities", "summary_procurements", "summary_procurement_regions", "summary_region_lots",
           "summary_awards", "summary_award_winners", "summary_buyer_procurements"}


def growing_scans(conn, sql: str, params: dict) -> list[str]:
    """Plan steps that scan a growing table with no index (or sort a growing table's rows)."""
    names = {t: t for t in GROWING}
    for table, alias in re.findall(r"\b(" + "|".join(sorted(GROWING, key=len, reverse=True)) + r")\s+(?:as\s+)?(\w+)",
                                   sql, re.I):
        if alias.lower() not in NOT_ALIASES:
            names[alias] = table
    plan = conn.execute("explain query plan " + sql, params).fetchall()
    return [detail for *_, detail in plan
            if (m := re.fullmatch(r"SCAN (\w+)", detail)) and names.get(m.group(1)) in GROWING]


@pytest.mark.parametrize("name", AGGREGATIONS)
def test_an_aggregation_page_reads_summaries_by_index(conn, name):
    query = load_metadata()["databases"]["archive"]["queries"][name]
    for region in ("JZ18", ""):
        params = {p: PARAMS.get(p, "") for p in query.get("params", [])}
        if "jeugdregio" in params:
            params["jeugdregio"] = region
        assert not growing_scans(conn, query["sql"], params), (name, region)
        # the page's own order (parent 0), not a correlated subquery's over one award's few winners (a
        # consortium's joint value grouped and ordered once, under its group)
        plan = [d for _, parent, _, d in conn.execute("explain query plan " + query["sql"], params).fetchall()
                if parent == 0]
        if name not in ("opdrachtgevers", "values_per_year", "marktbeeld", "jeugdregio_overzicht",
                        "jeugdregio_winnaars_per_jaar"):
            # list pages (the others have a row per region, year or buyer): read in the order of
            # an index, so a page stops after its rows
            assert "USE TEMP B-TREE FOR ORDER BY" not in plan, (name, region, plan)


def test_the_summary_plan_check_catches_a_full_scan(conn):
    assert growing_scans(conn, "select count(*) from awards a where a.value_raw like '%x%'", {}) == ["SCAN a"]
    assert growing_scans(conn, "select * from summary_awards where title like '%x%'", {}) == ["SCAN summary_awards"]


def test_the_benchmark_compares_a_page_with_every_statement_it_runs(demo_archive):
    """bench/scale.py's raw side is the statements the page runs, traced on the connections of a
    Datasette built as ``serve`` builds it: Datasette's own count (not a count over a subquery it
    never runs), the kept facet counts, the schema look-ups it still runs (none on a warm page of an
    archive served immutable); and a research page's queries (the JSON form gave none)."""
    from bench.scale import Traced

    traced = Traced(demo_archive, [])
    try:
        table = traced.statements_of("/archive/notices")
        research = traced.statements_of("/-/markt")
        search = traced.statements_of("/archive/search_all?q=jeugdhulp")
    finally:
        traced.close()
    assert any(re.fullmatch(r"select count\(\*\) from notices\s*", s) for s in table), table
    assert not any("count(*) from (select" in s for s in table)
    assert any("from facet_counts" in s for s in table)
    # the schema look-ups are the page's while it runs them: served immutable, a warm page keeps them
    # (tenderarchive/serve.py ``ArchiveDatabase._kept``), so they are not on the raw side either
    assert not any(s.startswith("PRAGMA table_xinfo") for s in table), table
    assert research and all("?" not in s.split("'")[0] for s in research)   # parameters bound, as SQLite ran them
    # FTS5's own reads inside the search (its _docsize per match) run again when the search does: left out
    assert len(search) <= 3 and not any("_fts_docsize" in s for s in search), search


def test_the_benchmark_traces_pages_from_inside_a_running_event_loop(demo_archive):
    """``Traced`` ran Datasette on a loop of the caller's thread: a caller with a loop already running
    (an async caller; a test process after Playwright's sync API) got "Cannot run the event loop while
    another loop is running" (seen once in the whole suite). Its loop now has a thread of its own."""
    import asyncio

    from bench.scale import Traced

    async def trace():
        traced = Traced(demo_archive, [])
        try:
            return traced.statements_of("/archive/notices")
        finally:
            traced.close()

    import concurrent.futures

    # A thread of its own for the caller's loop: the test process's main thread may hold a running loop already.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as caller:
        statements = caller.submit(asyncio.run, trace()).result()
    assert any("from notices" in sql.lower() or 'from "notices"' in sql.lower() for sql in statements), statements


def test_the_benchmark_reads_no_more_rows_of_a_query_than_the_page_does(scale_archive):
    """Datasette reads at most ``max_returned_rows`` + 1 rows of a saved search or SQL page
    (``fetchmany``) and leaves the rest unread; bench/scale.py's raw side read every row of every
    statement, more work than the page did (the page's ratio looked better than it was). Now it
    stops where the page stopped, and reads every row of a statement the page read to its end
    (the count, the facets, a page of a table), fewer than 1,001 or not."""
    from bench.scale import Traced, raw_connection, raw_statements, run_raw

    conn = raw_connection(scale_archive)
    traced = Traced(scale_archive, [])
    try:
        every = raw_statements(traced, "/archive.json?sql=select+publication_id+from+notices", conn)
        table = raw_statements(traced, "/archive/notices", conn)
        few = raw_statements(traced, "/archive.json?sql=select+publication_id+from+notices"
                                     "+where+rowid+%25+1000+%3D+0", conn)
    finally:
        traced.close()
    (sql, fetch), = [(sql, fetch) for sql, fetch in every if "publication_id from notices" in sql]
    assert conn.execute("select count(*) from notices").fetchone()[0] > 1_001
    assert fetch == 1_001                       # the page's 1,000 rows and the one that says "truncated"
    assert all(fetch is None for _, fetch in table), table
    (sql, fetch), = [(sql, fetch) for sql, fetch in few if "publication_id from notices" in sql]
    assert fetch is None                        # 3 rows read to the end of the scan, as the page read them
    # the raw side runs what it was given: 1,001 rows, not 3,000
    rows = []
    conn.set_trace_callback(None)
    counting = raw_connection(scale_archive)
    counting.row_factory = lambda cursor, row: rows.append(row) or row
    run_raw(counting, every, limit_s=60)
    counting.close()
    conn.close()
    assert len(rows) == 1_001


def test_the_benchmark_times_the_sqlite3_shell_as_a_second_baseline(scale_archive):
    """The ``sqlite3`` shell beside raw sqlite3: the page's statements in one script, a statement the
    page stopped reading early cut where it stopped; a statement calling one of the archive's own SQL
    functions, which the shell lacks, gives no figure but the shell's error."""
    from bench.scale import SHELL, run_shell, shell_script

    if SHELL is None:
        pytest.skip("no sqlite3 shell on PATH")
    script = shell_script([("select publication_id from notices -- a comment; to the end of the line", 1_001),
                           ("select count(*) from notices", None)])
    assert "limit 1001;" in script
    elapsed, failed = run_shell(scale_archive, script, limit_s=60)
    assert failed is None and 0 < elapsed < 60
    # the rows the shell writes: as many as the page read
    done = subprocess.run([SHELL, "-readonly", f"file:{scale_archive}?immutable=1"], input=script.encode(),
                          capture_output=True, check=True)
    assert len(done.stdout.splitlines()) == 1_001 + 1
    elapsed, failed = run_shell(scale_archive, shell_script([("select euro(100)", None)]), limit_s=60)
    assert "euro" in failed


def test_the_benchmark_times_a_page_and_its_sql_in_the_same_rounds():
    """The page and its raw SQL are timed in turn, round by round (the order reversed every other round),
    so both sides see the same load of a shared machine; the raw runs came after all of the page's
    requests, minutes later on a slow target, and a burst of load in either window made the ratio."""
    from bench.scale import timed_rounds

    order, page_times, raw_times = [], [], []
    turns = [(lambda: order.append("page"), page_times), (lambda: order.append("raw"), raw_times)]
    timed_rounds(turns, 4, slow=60, slow_requests=1)
    assert order == ["page", "raw", "raw", "page", "page", "raw", "raw", "page"]
    assert len(page_times) == len(raw_times) == 4
    # a slow first page: as few rounds as --slow-requests says, still both sides each round
    order.clear()
    slow_turns = [(lambda: (order.append("page"), time.sleep(0.02)), []), (lambda: order.append("raw"), [])]
    timed_rounds(slow_turns, 20, slow=0.01, slow_requests=2)
    assert order == ["page", "raw", "raw", "page"]


def test_the_benchmark_reads_the_served_process_cpu_per_page(scale_archive):
    """On a shared machine a page's wall time is mostly waiting for a core; bench/scale.py also reports
    the CPU the server process spent on the page (every thread: its SQL threads run the queries),
    from ``/proc/PID/task/*/schedstat``, beside raw sqlite3's."""
    from bench.scale import Served

    served = Served(scale_archive, [])
    try:
        served.client.get("/archive/notices")
        idle_before = served.cpu()
        time.sleep(0.3)
        idle = served.cpu() - idle_before
        began = served.cpu()
        for _ in range(5):
            assert served.client.get("/archive/notices").status_code == 200
        used = served.cpu() - began
    finally:
        served.stop()
    assert used > 0.002            # five table pages of 50 notices: milliseconds of CPU each
    assert idle < used             # a server waiting for requests spends (next to) none
