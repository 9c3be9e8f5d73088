"""The Datasette metadata is the data dictionary: it must describe every table and column."""

from tenderarchive.store.schema import TABLES
from tenderarchive.store.writes import open_archive
from tenderarchive.metadata import SYNTHETIC_WARNING, build_metadata, load_metadata


def test_every_table_and_column_is_described():
    tables = load_metadata()["databases"]["archive"]["tables"]
    for name, spec in TABLES.items():
        assert tables[name]["description"].strip(), name
        described = tables[name]["columns"]
        missing = set(spec["columns"]) - {c for c, text in described.items() if str(text).strip()}
        assert not missing, f"{name}: undescribed columns {sorted(missing)}"
        assert not set(described) - set(spec["columns"]), f"{name}: descriptions of unknown columns"


def test_licence_and_source_are_stated():
    metadata = load_metadata()
    assert "CC0" in metadata["license"] and "TenderNed" in metadata["source"]


def test_a_demo_archive_is_labelled_synthetic(tmp_path):
    db = open_archive(tmp_path / "demo.db")
    assert SYNTHETIC_WARNING not in build_metadata(db, "demo")["description_html"]
    db["crawls"].insert({"spider": "tenderned", "note": "synthetic demo snapshot", "status": "complete"})
    metadata = build_metadata(db, "demo")
    assert metadata["description_html"].startswith(SYNTHETIC_WARNING)
    assert "notices" in metadata["databases"]["demo"]["tables"]


def test_every_column_of_the_research_views_is_described(tmp_path):
    """The research views (saved searches with a ``columns`` entry) describe every column they return."""
    import sqlite3

    from tenderarchive import datasette_plugin

    open_archive(tmp_path / "empty.db").close()
    conn = sqlite3.connect(tmp_path / "empty.db")
    datasette_plugin.prepare_connection(conn, "_check", None)
    queries = load_metadata()["databases"]["archive"]["queries"]
    research = {name: q for name, q in queries.items() if "columns" in q}
    assert len(research) >= 14
    for name, query in research.items():
        if "search_documents" in query["sql"]:
            continue  # an empty archive has no search index: checked on the demo archive, in
            # tests/datasette/test_saved_searches.py::test_every_saved_search_describes_each_column_it_shows
        cursor = conn.execute(query["sql"], {p: "" for p in query.get("params", [])})
        returned = {d[0] for d in cursor.description if not d[0].startswith("atom_")}
        assert returned == set(query["columns"]), name
        assert all(str(text).strip() for text in query["columns"].values()), name
    conn.close()


def test_every_view_and_its_columns_are_described(tmp_path):
    """The views (`freshness`, `changes`, `news_sites`) are pages researchers read too: each has a
    description and every column it returns one (they had none)."""
    db = open_archive(tmp_path / "views.db")
    tables = load_metadata()["databases"]["archive"]["tables"]
    assert set(db.view_names()) >= {"freshness", "changes", "news_sites"}
    for view in db.view_names():
        assert str(tables.get(view, {}).get("description", "")).strip(), view
        described = {c for c, text in tables[view].get("columns", {}).items() if str(text).strip()}
        assert described == {c.name for c in db[view].columns}, view


def test_the_dashboard_opens_on_an_archive_whose_search_index_was_never_built(tmp_path):
    """A first crawl killed before its derivation leaves an archive without ``dashboard_counts``:
    the dashboard's jeugdregio filter (queried as the page is made) answered HTTP 500. It now
    lists the reference data's jeugdregio's there, and the counts where the index exists."""
    from tenderarchive.store.writes import open_archive
    from tests.datasette.archive_fixtures import Server

    db = open_archive(tmp_path / "archive.db")
    assert not db["dashboard_counts"].exists()
    db.conn.close()
    server = Server(tmp_path / "archive.db")
    try:
        page = server.get("/-/dashboards/jeugdhulp").decode()
    finally:
        server.stop()
    assert "Holland Rijnland" in page   # a jeugdregio of the reference data, in the filter


def test_an_archive_whose_winners_predate_the_buyer_flag_says_so(tmp_path):
    """An archive written before ``award_suppliers.is_buyer`` existed counts a buyer listed as the winner as a winner
    and a provider in its summaries, and a crawl (which adds the column, empty on those rows) does not re-read the
    old award pages: its winner lists said nothing of it. The home page and every saved search reading winners
    say so until a reparse; an archive whose winners all carry the flag says nothing."""
    import sqlite3

    from tenderarchive.metadata import UNFLAGGED_WINNERS_NOTE
    from tenderarchive.store.writes import open_archive

    from tenderarchive import readonly

    def noted(path):
        db = readonly.database(path)   # as serve reads it
        try:
            metadata = build_metadata(db, "archive")
        finally:
            db.close()
        queries = metadata["databases"]["archive"]["queries"]
        return (UNFLAGGED_WINNERS_NOTE in metadata["description_html"],
                {n for n, q in queries.items() if UNFLAGGED_WINNERS_NOTE in q.get("description_html", "")})

    path = tmp_path / "archive.db"
    db = open_archive(path)
    db["award_suppliers"].insert({"award_id": "TN1/1/1", "organisation_id": "kvk:1", "name": "Stichting X",
                                  "is_buyer": 0})
    db.close()
    assert noted(path) == (False, set())
    with sqlite3.connect(path) as conn:   # a crawl of this version migrated an older archive: empty on old rows
        conn.execute("update award_suppliers set is_buyer = null")
    home, queries = noted(path)
    assert home and {"who_won_in_jeugdregio", "aanbieders", "marktbeeld", "aanbesteding_gunningen"} <= queries
    assert "search_all" not in queries and "lots_not_awarded" not in queries
    db = readonly.database(path)
    try:  # the research pages show it above each section it concerns (tenderarchive/research.py)
        assert build_metadata(db, "archive")["databases"]["archive"]["queries"]["aanbieders"]["note"] == \
            UNFLAGGED_WINNERS_NOTE
    finally:
        db.close()
    with sqlite3.connect(path) as conn:   # not migrated at all (serve never migrates)
        for (index,) in conn.execute("select name from sqlite_master where type = 'index' and sql like '%is_buyer%'"):
            conn.execute(f"drop index [{index}]")
        conn.execute("drop view if exists award_winner_shares")   # (a view of a later version)
        conn.execute("alter table award_suppliers drop column is_buyer")
    assert noted(path)[0] and noted(path)[1] == queries


def test_the_older_archive_note_says_a_running_serve_must_be_started_again(tmp_path):
    """``serve`` builds its saved searches when it starts (tenderarchive/serve.py): on an archive written by an older
    version they answer with the note until serve is started again, also after the nightly crawl under it migrated
    the archive. The home page said only "the next crawl (or tenderarchive reparse) adds them": a user who ran it
    saw the same note."""
    import sqlite3

    from tenderarchive import readonly

    path = tmp_path / "archive.db"
    open_archive(path).close()
    with sqlite3.connect(path) as conn:   # an archive of an older version: no summary tables yet
        conn.execute("drop table summary_region_years")
        conn.execute("pragma user_version = 1")
    db = readonly.database(path)   # as serve reads it
    try:
        home = build_metadata(db, "archive")["description_html"]
    finally:
        db.close()
    assert "older version of tenderarchive" in home, home[:2000]
    assert "started again" in home, home[:2000]


def test_the_data_dictionary_lists_each_tables_columns_in_the_order_of_the_table_and_its_export():
    """A table's page shows its column descriptions (the data dictionary) in the order they are written, above
    rows whose columns, like the header of ``tenderarchive export``'s CSV, come in the table's order. Those of
    ``notices`` and ``award_suppliers`` were in another order (``url`` and ``pdf_url`` among the last,
    ``trade_name`` after ``kvk``): an analyst matching a CSV's header with the dictionary read two lists."""
    tables = load_metadata()["databases"]["archive"]["tables"]
    for name, spec in TABLES.items():
        assert list(tables[name]["columns"]) == list(spec["columns"]), name


def test_the_summary_values_say_how_an_award_without_a_value_of_its_own_counts():
    """The summaries count an award without a value of its own (a lot whose winners each carry theirs) at its
    winners' own values (``store.summaries.AWARD_VALUE_SQL``). ``summary_procurements`` and ``summary_awards`` said so;
    ``summary_region_years``, which sums ``summary_awards``, still said "published value" (its ``met_waarde`` counted
    "with a published value"): an analyst comparing its totals with ``awards.value_cents`` found more than was
    published as award values. Every value column of the summaries says what it counts."""
    tables = load_metadata()["databases"]["archive"]["tables"]
    sums = {"summary_procurements": ["gegunde_waarde_cents"], "summary_awards": ["value_cents"],
            "summary_award_winners": ["value_cents"], "summary_org_regions": ["cents"],
            "summary_region_years": ["met_waarde", "gegunde_waarde_cents"]}
    unsaid = [f"{table}.{column}" for table, columns in sums.items() for column in columns
              if "own" not in tables[table]["columns"][column]]
    assert unsaid == []


def test_every_saved_search_says_what_each_of_its_parameters_is():
    """A saved search's form shows its parameters by name only (``q``, ``jeugdregio``); its description is where a
    reader learns what to type. ``search_all`` never named ``q``, ``who_won_in_jeugdregio`` never ``jeugdregio``."""
    import re

    queries = load_metadata()["databases"]["archive"]["queries"]
    unsaid = [f"{name}?{param}" for name, query in queries.items() for param in query.get("params") or []
              if not re.search(rf"\b{param}\b", query.get("description", "") + query.get("description_html", ""))]
    assert unsaid == []


def test_the_data_dictionary_names_writers_that_exist():
    """The reference tables' dictionary files said they were written by ``tenderarchive.reference.write_tables``, a
    function that no longer exists (``tenderarchive.store.schema.load_reference_data`` writes them). Every
    ``tenderarchive.…`` function a dictionary file names is one the code has."""
    import importlib
    import re

    from tests.conftest import ROOT

    named = []
    for path in sorted((ROOT / "tenderarchive" / "datasette" / "tables").glob("*.yaml")):
        named += [(path.name, m) for m in re.findall(r"\b(tenderarchive(?:\.\w+)+)", path.read_text(encoding="utf-8"))]
    assert len(named) >= 4
    missing = []
    for file, dotted in named:
        module, _, name = dotted.rpartition(".")
        try:
            found = hasattr(importlib.import_module(module), name)
        except ImportError:
            try:
                importlib.import_module(dotted)
                found = True
            except ImportError:
                found = False
        if not found:
            missing.append(f"{file}: {dotted}")
    assert missing == []


def test_the_crawls_arguments_name_every_argument_a_crawl_records(tmp_path_factory):
    """``crawls.arguments`` was described as "(from_date, until_date, sample, profile)"; a TenderNed crawl also records
    its profile's ``queries`` (by which a later crawl reaches back for a query added to the profile) and a news crawl
    its registry (``sources``), the ``sites`` it read and the ``site`` subset asked for. Every argument the demo's
    crawls record is named in the description."""
    import json
    import re
    import sqlite3

    from tests.datasette.archive_fixtures import build_demo, run_dir

    db = build_demo(tmp_path_factory.mktemp("crawl-arguments") / "archive.db", run_dir(tmp_path_factory))
    recorded = {key for (arguments,) in sqlite3.connect(db).execute("select arguments from crawls")
                for key in json.loads(arguments or "{}")}
    assert {"from_date", "profile", "queries", "sites"} <= recorded
    described = load_metadata()["databases"]["archive"]["tables"]["crawls"]["columns"]["arguments"]
    assert sorted(k for k in recorded | {"sample", "site"} if not re.search(rf"\b{k}\b", described)) == []


def test_the_list_rows_own_dates_say_that_the_list_keeps_the_original():
    """``deadline_list`` and ``consultation_deadline_list``: the dates a notice's list row gave, which the list keeps as
    first published while a rectification moves the detail's (reference tenderned-api.md §3): a reader comparing them
    with ``deadline`` and ``consultation_deadline`` learns which is which."""
    columns = load_metadata()["databases"]["archive"]["tables"]["notices"]["columns"]
    for name in ("deadline_list", "consultation_deadline_list"):
        assert name in TABLES["notices"]["columns"], name
        assert "original" in columns[name] and "rectification" in columns[name], name


def test_the_list_rows_description_says_that_it_is_the_shorter_text_the_detail_gives_in_full():
    """``description_list``: the description a notice's list row gave, a shorter text (reference tenderned-api.md §3)
    than the detail's, which ``description`` keeps: a reader comparing them learns which is which."""
    columns = load_metadata()["databases"]["archive"]["tables"]["notices"]["columns"]
    assert "description_list" in TABLES["notices"]["columns"]
    assert "list" in columns["description_list"] and "shorter" in columns["description_list"]
    assert "detail" in columns["description"] and "kept" in columns["description"]
