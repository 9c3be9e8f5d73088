"""The project's ``_table.html`` and ``query.html`` (rows written by tenderarchive/table_rows.py, with
the archive's cell links) write the same table as Datasette's own templates did with the archive's
former ``render_cell`` hook (:class:`FormerHook`, registered only while the plain Datasette renders)."""

import re

import pytest
from datasette import hookimpl
from datasette.app import Datasette
from datasette.plugins import pm

from tenderarchive import research
from tenderarchive.serve import SETTINGS
from tests.datasette.archive_fixtures import metadata_of, run, served


class FormerHook:
    """The ``render_cell`` hook the archive's plugin had before its links moved into the row filters, with a
    timestamp cell in words as the row filters write it (``table_rows.moment_cell``)."""

    @hookimpl
    def render_cell(self, row, value, column, table, database, datasette):
        from markupsafe import Markup

        from tenderarchive.table_rows import moment_cell

        link = research.render_cell(row, value, column, table, database) if column in research.CELL_COLUMNS else None
        moment = moment_cell(value) if link is None else None
        return link if moment is None else Markup(moment)


def table_html(datasette, path: str, hook: bool = False) -> str:
    if hook:
        pm.register(FormerHook(), name="former_render_cell")
    try:
        html = run(datasette.client.get(path)).text
    finally:
        if hook:
            pm.unregister(name="former_render_cell")
    table = html[html.index('<div class="table-wrapper">'):html.index("</table>")]
    return re.sub(r">\s+<", "><", table).strip()


@pytest.fixture(scope="module")
def both(demo_archive):
    metadata = metadata_of(demo_archive)
    ours = served(demo_archive, metadata)
    plain = Datasette(immutables=[str(demo_archive)], metadata=metadata, settings=SETTINGS)  # no template_dir
    run(plain.invoke_startup())
    return ours, plain


def rows_sorted(table: str) -> str:
    """The table's markup with its rows in the order of their markup: the archive's server lists the rows of a
    sort column's tie by their key (tenderarchive/table_order.py), Datasette's first page in its index's order."""
    head, *rows = table.split("<tr>")
    return "<tr>".join([head, *sorted(rows)])


def assert_datasettes_own(both, path):
    ours, plain = both
    mine, theirs = table_html(ours, path), table_html(plain, path, hook=True)
    assert "<td" in mine and rows_sorted(mine) == rows_sorted(theirs)


@pytest.mark.parametrize("path", ["/archive/notices", "/archive/articles?_size=20", "/archive/organisations",
                                  "/archive/procurements", "/archive/events?_sort=date", "/archive/award_suppliers",
                                  "/archive/notices?_search=jeugdhulp&_col=title&_col=buyer_id",
                                  "/archive/notice_cpv?_size=5",
                                  # row pages, hidden key columns, a region's and a procurement's rows
                                  "/archive/organisations/GM0392", "/archive/jeugdregios/JZ01",
                                  "/archive/procurements/TN312877", "/archive/notices/300377",
                                  "/archive/award_suppliers/TN160417~2F100190~2F1,kvk~3A14012345",
                                  "/archive/organisations?_nocol=kind", "/archive/organisations?_col=name&_col=kind",
                                  "/archive/jeugdregio_membership", "/archive/summary_procurement_regions",
                                  "/archive/procurements?_col=title", "/archive/notices?_labels=on"])
def test_the_table_is_datasettes_own(both, path):
    assert_datasettes_own(both, path)


def test_the_linked_tables_have_links(both):
    """The comparisons above compare links, not their absence."""
    ours, _ = both
    assert '<a href="/-/opdrachtgever?id=GM0392">' in table_html(ours, "/archive/organisations/GM0392")
    assert '<a href="/-/jeugdregio/JZ01">' in table_html(ours, "/archive/jeugdregios")
    assert '<a href="/-/opdrachtgever?id=' in table_html(ours, "/archive/opdrachtgevers")
    assert '<a href="/-/aanbesteding?id=' in table_html(ours, "/archive/jeugdregio_aanbestedingen?jeugdregio=JZ18")
    assert '<a href="/-/opdrachtgever?id=' not in table_html(ours, "/archive/organisations?_col=name")


def test_no_hook_is_asked_for_each_cell(both):
    """Datasette calls ``render_cell`` through pluggy for every cell of a table, row or query page
    (3.7 µs a cell with a hook registered, 1.6 µs with none; bench/README.md): the archive's links are
    written by the row filters, and the served Datasette registers no such hook."""
    assert pm.hook.render_cell.get_hookimpls() == []


#: Saved searches (metadata.yaml) with links, euro amounts, URLs, empty cells and long text.
QUERY_PATHS = ["/archive/opdrachtgevers", "/archive/aanbieders", "/archive/award_notices",
               "/archive/search_all?q=jeugdhulp", "/archive/marktbeeld", "/archive/changed_notices",
               "/archive/jeugdregio_aanbestedingen?jeugdregio=JZ18", "/archive/jeugdregio_overzicht",
               "/archive?sql=select+*+from+award_suppliers", "/archive?sql=select+*+from+organisations",
               "/archive?sql=select+1+as+n%2C+null+as+leeg%2C+%27%3Cb%3E%27+as+tekst%2C+"
               "%27https%3A%2F%2Fexample.invalid%2Fx%27+as+url"]


def without_feed_columns(table: str) -> str:
    """Datasette's table of a saved search without its Atom feed's columns (``atom_*``), which the archive's
    ``query.html`` leaves out of a saved search's page (``query_csv.reader_columns``)."""
    return re.sub(r'<(th|td) class="col-atom_[^"]*"[^>]*>.*?</\1>', "", table, flags=re.S)


@pytest.mark.parametrize("path", QUERY_PATHS)
def test_a_saved_search_table_is_datasettes_own(both, path):
    """Datasette's table, but for a saved search's feed columns (SQL typed by the user shows what it asks)."""
    ours, plain = both
    mine, theirs = table_html(ours, path), table_html(plain, path, hook=True)
    saved = "?sql=" not in path
    assert "<td" in mine and mine == (without_feed_columns(theirs) if saved else theirs)
    assert ("col-atom_" in theirs) == ("col-atom_" in mine) or saved
    assert "col-atom_" not in mine or not saved


def test_a_saved_search_writes_its_rows_a_row_at_a_time(both):
    """One template step per row (the ``query_row`` filter of templates/query.html), not three per cell."""
    ours, _ = both
    rows = []
    write = ours.jinja_env.filters["query_row"]
    ours.jinja_env.filters["query_row"] = lambda row, *args: rows.append(row) or write(row, *args)
    try:
        html = run(ours.client.get("/archive/opdrachtgevers")).text
    finally:
        ours.jinja_env.filters["query_row"] = write
    assert rows and html.count("<tr>") == len(rows) + 1   # the header's row and one per row written


@pytest.mark.parametrize("value", ["", "plain text", "a & b", "<script>alert('x')</script>", 'say "hi"',
                                   "&amp; already", "x" * 3000 + "<", "ëü – “quotes” ‘’", "tab\tnew\nline"])
def test_a_saved_search_cell_is_escaped_as_markupsafe_escapes_it(value):
    """``query_row`` escapes a plain-text cell itself (no ``Markup`` object per cell): the same entities
    as markupsafe's ``escape``; Datasette's Markup cells (``&nbsp;``, its URL links) are left as they are."""
    from markupsafe import Markup, escape

    from tenderarchive.table_rows import _escaped, query_row

    assert _escaped(value) == str(escape(value))
    link = Markup('<a href="https://example.invalid/?a=1&amp;b=2">x</a>')
    assert _escaped(link) == str(link) and _escaped(Markup("&nbsp;")) == "&nbsp;"
    row = query_row([value, link, 7], ["a", "url", "n"])
    assert f">{escape(value)}</td>" in row and f">{link}</td>" in row and ">7</td>" in row


def test_a_saved_search_row_makes_no_markup_per_plain_cell(both, monkeypatch):
    """A saved search of 100 rows and 15 columns spent several milliseconds in ``query_row``, most of it
    a ``Markup`` object per cell from ``escape`` (bench/README.md, "Datasette's fixed cost per page,
    round 4"): plain text is escaped without one; only Markup cells and links go through ``escape``."""
    from tenderarchive import table_rows

    ours, _ = both
    calls = []
    real = table_rows.escape
    monkeypatch.setattr(table_rows, "escape", lambda value: calls.append(value) or real(value))
    rows = []
    write = ours.jinja_env.filters["query_row"]
    ours.jinja_env.filters["query_row"] = lambda row, *args: rows.append(row) or write(row, *args)
    try:
        run(ours.client.get("/archive/search_all?q=jeugdhulp"))
    finally:
        ours.jinja_env.filters["query_row"] = write
    cells = sum(len(row) for row in rows)
    assert cells > 100
    assert len(calls) < cells / 4, (len(calls), cells)


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


def test_a_timestamp_reads_as_a_date_on_amsterdams_clock_where_a_person_reads_it(both, demo_archive):
    """The crawls', fetches' and notices' timestamps are stored as ISO text in UTC ("2026-12-05T11:31:00+00:00"),
    and the table, row, saved-search and research pages showed them so, where the crawl report says "5 december
    2026 12:31". A timestamp cell reads as a Dutch date on Amsterdam's clock, the stored text kept in its
    ``<time datetime>`` and ``title``; an article's time without an offset is Amsterdam's already; other text is
    shown as it is; CSV and JSON keep the stored text."""
    import csv
    import io
    import json
    import sqlite3
    import urllib.parse
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from tenderarchive.change_words import MONTHS

    ours, _ = both
    (started,) = sqlite3.connect(f"file:{demo_archive}?mode=ro", uri=True).execute(
        "select started from crawls where crawl_id = 1").fetchone()
    moment = datetime.fromisoformat(started).astimezone(ZoneInfo("Europe/Amsterdam"))
    words = f"{moment.day} {MONTHS[moment.month - 1]} {moment.year} {moment:%H:%M}"
    for path in ("/archive/crawls", "/archive/crawls/1"):
        table = table_html(ours, path)
        assert f'<time datetime="{started}" title="{started}">{words}</time>' in table, path
        assert f">{started}<" not in table
    assert json.loads(run(ours.client.get("/archive/crawls/1.json?_shape=array")).text)[0]["started"] == started
    csv_rows = list(csv.DictReader(io.StringIO(run(ours.client.get("/archive/crawls.csv")).text)))
    assert started in {row["started"] for row in csv_rows}
    sql = ("select '2026-07-01T22:15:00+00:00' as utc, '2020-12-14T08:55' as local, '2022-10-21' as day, "
           "'not 2026-07-01T22:15' as text, '2026-13-01T22:15:00' as no_month")
    table = table_html(ours, "/archive?sql=" + urllib.parse.quote_plus(sql))
    assert ('<td class="col-utc"><time datetime="2026-07-01T22:15:00+00:00" title="2026-07-01T22:15:00+00:00">'
            "2 juli 2026 00:15</time></td>") in table   # summer time: UTC+2, past midnight
    assert '<time datetime="2020-12-14T08:55" title="2020-12-14T08:55">14 december 2020 08:55</time>' in table
    for shown in ("not 2026-07-01T22:15", "2026-13-01T22:15:00"):
        assert f">{shown}</td>" in table
    page = run(ours.client.get("/-/aanbesteding?id=TN160417")).text   # a research page: the deadline
    assert ">6 juli 2018 12:00</time>" in page and ">2018-07-06T12:00:00+02:00<" not in page


def test_a_date_alone_reads_as_a_dutch_date_beside_the_timestamps(both, demo_archive):
    """A date alone ("2018-03-13": a notice's publication day, an award's date) stayed ISO text on the table,
    row, saved-search and research pages beside the timestamps now in words on the same row ("13 maart 2018"
    beside "5 december 2026 12:31"). It reads as a Dutch date, the stored text in its ``<time datetime>`` and
    ``title``; a month alone (an event's precision, "2022-10") reads as its month, "oktober 2022" (it stood as
    "2022-10" beside "21 oktober 2022" on the timeline); a year alone, an impossible day or month and a longer text
    stay as they are; CSV and JSON keep the stored text."""
    import csv
    import io
    import json
    import sqlite3
    import urllib.parse

    from tenderarchive.change_words import MONTHS

    ours, _ = both
    sql = ("select '2022-10-21' as day, '2022-10' as month, '2022' as year, '2022-02-30' as no_day, "
           "'2022-10-21 of later' as text, '1000-2022-1' as code")
    table = table_html(ours, "/archive?sql=" + urllib.parse.quote_plus(sql))
    assert '<td class="col-day"><time datetime="2022-10-21" title="2022-10-21">21 oktober 2022</time></td>' in table
    assert '<td class="col-month"><time datetime="2022-10" title="2022-10">oktober 2022</time></td>' in table
    for shown in ("2022", "2022-02-30", "2022-10-21 of later", "1000-2022-1"):
        assert f">{shown}</td>" in table
    table = table_html(ours, "/archive?sql=" + urllib.parse.quote_plus("select '2022-13' as no_month"))
    assert ">2022-13</td>" in table
    (publication_id, published) = sqlite3.connect(f"file:{demo_archive}?mode=ro", uri=True).execute(
        "select publication_id, published from notices where published is not null order by publication_id"
    ).fetchone()
    year, month, day = map(int, published.split("-"))
    words = f"{day} {MONTHS[month - 1]} {year}"
    table = table_html(ours, f"/archive/notices/{publication_id}")
    assert f'<td class="col-published type-str"><time datetime="{published}" title="{published}">{words}</time>' \
        in table
    assert re.search(r'<time datetime="\d{4}-\d{2}-\d{2}" title="[-\d]+">\d+ [a-z]+ \d{4}</time>',
                     table_html(ours, "/archive/notices"))
    rows = json.loads(run(ours.client.get(f"/archive/notices/{publication_id}.json?_shape=array")).text)
    assert rows[0]["published"] == published
    csv_rows = csv.DictReader(io.StringIO(run(ours.client.get("/archive/notices.csv?_size=max")).text))
    assert published in {row["published"] for row in csv_rows}


def test_a_date_columns_description_says_how_csv_and_the_pages_write_it(demo_archive):
    """The data dictionary said "(UTC)", "ISO 8601" or "YYYY-MM-DDTHH:MM" of every timestamp and date column, true
    of CSV and JSON but not of the pages a researcher reads, which show "5 december 2026 12:31" on Amsterdam's clock
    (``moment_cell``). Each column whose archived values the pages show in words says both: the stored form in CSV
    and JSON and the pages' words; so does each saved search's column described with such a format."""
    import sqlite3

    from tenderarchive.metadata import load_metadata
    from tenderarchive.table_rows import moment_cell

    metadata = load_metadata()["databases"]["archive"]
    conn = sqlite3.connect(f"file:{demo_archive}?mode=ro", uri=True)
    tables = [name for (name,) in conn.execute("select name from sqlite_master where type in ('table', 'view')")]
    checked, unsaid = 0, []
    for table in tables:
        described = (metadata["tables"].get(table) or {}).get("columns") or {}
        for column in [row[1] for row in conn.execute(f"pragma table_info([{table}])")]:
            if column not in described:
                continue
            values = [v for (v,) in conn.execute(f"select [{column}] from [{table}] where [{column}] is not null "
                                                 "limit 50")]
            if not values or not any(moment_cell(v) for v in values):
                continue
            checked += 1
            text = described[column]
            if not re.search(r"YYYY-MM-DD|\bUTC\b|ISO 8601", text):
                continue   # no form said ("Date of the first publication."): nothing the pages contradict
            timestamps = any(moment_cell(v) and "T" in v for v in values)
            if not ("CSV" in text and "pages" in text and ("Amsterdam" in text or not timestamps)):
                unsaid.append(f"{table}.{column}: {text}")
    assert checked >= 10, checked   # notices, crawls, fetches, articles, awards … hold dates and timestamps
    for name, query in metadata["queries"].items():
        for column, text in (query.get("columns") or {}).items():
            if re.search(r"YYYY-MM-DD|\bUTC\b|ISO 8601", text) and not re.search(r"\(a date, YYYY-MM-DD\)", text):
                if not ("CSV" in text and "page" in text):
                    unsaid.append(f"{name}.{column}: {text}")
    assert not unsaid, "\n".join(unsaid)


def test_a_freshness_age_after_tenderarchive_now_reads_as_status_prints_it(demo_archive, monkeypatch):
    """With ``TENDERARCHIVE_NOW`` before a source's last crawl, the ``freshness`` page showed ``age_hours`` "-10.0"
    where ``tenderarchive status`` prints "last success 10.0 h after TENDERARCHIVE_NOW". The page says it in the same
    words (the stored -10.0 in its ``title``) and, as status's header, that its ages are as of that moment; its CSV
    keeps the number, and an age before that moment stays a number."""
    import sqlite3
    from datetime import datetime, timedelta

    (crawled,) = sqlite3.connect(demo_archive).execute(
        "select max(last_success) from freshness where last_success is not null").fetchone()
    moment = (datetime.fromisoformat(crawled.replace("Z", "+00:00")) - timedelta(hours=10)).isoformat()
    monkeypatch.setenv("TENDERARCHIVE_NOW", moment)
    datasette = served(demo_archive)
    html = run(datasette.client.get("/archive/freshness")).text
    cells = re.findall(r'<td class="col-age_hours type-\w+">(.*?)</td>', html, re.S)
    assert '<span title="-10.0">10.0 h after TENDERARCHIVE_NOW</span>' in cells
    assert not any(cell.startswith("-") for cell in cells), cells
    assert f"Ages as of TENDERARCHIVE_NOW={moment}, not the clock" in html
    assert ",-10.0" in run(datasette.client.get("/archive/freshness.csv")).text

    monkeypatch.setenv("TENDERARCHIVE_NOW", (datetime.fromisoformat(moment) + timedelta(hours=30)).isoformat())
    later = re.findall(r'<td class="col-age_hours type-\w+">(.*?)</td>',
                       run(served(demo_archive).client.get("/archive/freshness")).text, re.S)
    assert "20.0" in later and not any("after" in cell for cell in later), later


def test_a_query_over_freshness_says_an_age_after_tenderarchive_now_as_status_prints_it(demo_archive, monkeypatch):
    """An SQL page over the ``freshness`` view (``select * from freshness``) showed ``age_hours`` "-10.0" and no word
    that its ages were not the clock's, where the view's own page and ``tenderarchive status`` said "10.0 h after
    TENDERARCHIVE_NOW". The query page says it in the same words with the same note; its CSV keeps the number; a
    query that does not read the view keeps a negative ``age_hours`` of its own as a number."""
    import sqlite3
    import urllib.parse
    from datetime import datetime, timedelta

    (crawled,) = sqlite3.connect(demo_archive).execute(
        "select max(last_success) from freshness where last_success is not null").fetchone()
    moment = (datetime.fromisoformat(crawled.replace("Z", "+00:00")) - timedelta(hours=10)).isoformat()
    monkeypatch.setenv("TENDERARCHIVE_NOW", moment)
    datasette = served(demo_archive)

    def query(sql, ext=""):
        return run(datasette.client.get(f"/archive{ext}?" + urllib.parse.urlencode({"sql": sql}))).text

    for sql in ("select * from freshness", 'select spider, age_hours from "freshness" order by spider'):
        html = query(sql)
        cells = re.findall(r'<td class="col-age_hours">(.*?)</td>', html, re.S)
        assert '<span title="-10.0">10.0 h after TENDERARCHIVE_NOW</span>' in cells, (sql, cells)
        assert not any(cell.startswith("-") for cell in cells), cells
        assert f"Ages as of TENDERARCHIVE_NOW={moment}, not the clock" in html
    assert ",-10.0" in query("select spider, age_hours from freshness", ".csv")

    own = query("select -10.0 as age_hours")
    assert re.findall(r'<td class="col-age_hours">(.*?)</td>', own, re.S) == ["-10.0"]
    assert "Ages as of" not in own


def test_a_month_on_the_procurement_timeline_reads_in_dutch_beside_its_days(both):
    """The procurement page's timeline showed an article's date known only to its month as stored, "2018-03",
    beside "13 maart 2018" a row above: it reads "maart 2018", the stored text in its ``<time datetime>`` (a valid
    HTML month) and ``title``, in the timeline's order (after the month's days, ``date_order``)."""
    ours, _ = both
    page = run(ours.client.get("/-/aanbesteding?id=TN160417")).text
    timeline = page[page.index('id="procurement_timeline"'):]
    assert '<time datetime="2018-03" title="2018-03">maart 2018</time>' in timeline
    assert '<time datetime="2017-03" title="2017-03">maart 2017</time>' in timeline   # "eind maart 2017"
    assert not re.search(r">\d{4}-\d{2}<", timeline)
    months = re.findall(r'<time datetime="(\d{4}-\d{2}(?:-\d{2})?)"', timeline)
    assert months.index("2018-03") > max(i for i, d in enumerate(months) if d.startswith("2018-03-"))
