"""Dutch full-text search: stemming, synonyms, diacritics, and input that can never break it."""

import json
import shutil
import sqlite3
import urllib.error
import urllib.parse
import urllib.request

import pytest
import sqlite_utils

from tenderarchive import datasette_plugin
from tenderarchive.store.search_index import build_search_index, ensure_search
from tenderarchive.search.query import fts_quote, nl_fts_query
from tenderarchive.search.text import stem_text

HOSTILE = ['"', '""', "*", "NEAR(", "NEAR(a b", "AND OR", "OR", "NOT", ")", "(", "^", "-", ":", "title:",
           "a AND", '"jeugd', "jeugd*", "'; drop table notices; --", "{title}", "\x00", "   ", "",
           "AND OR NOT NEAR ( ) * \" : ^ + -", "é" * 50, "jeugd-GGZ\"*(", "%_", "\\"]


def connect(path):
    conn = sqlite3.connect(path)
    datasette_plugin.prepare_connection(conn, "archive", None)
    return conn


def search(conn, query):
    """Publication ids of the notices that the saved search ``search_all`` would find."""
    return [int(key) for (key,) in conn.execute(
        "select d.source_key from search_documents_fts join search_documents d"
        " on d.rowid = search_documents_fts.rowid"
        " where search_documents_fts match nl_fts_query(?) and d.source_table = 'notices'"
        " order by d.source_key", [query])]


@pytest.fixture(scope="module")
def conn(demo_archive):
    connection = connect(demo_archive)
    yield connection
    connection.close()


def test_a_plural_finds_the_singular_by_dutch_stemming(conn):
    assert stem_text("aanbestedingen") == stem_text("aanbesteding")
    assert stem_text("Gemeenten") == stem_text("gemeente")
    found = search(conn, "aanbestedingen")
    assert 300301 in found  # "Dialooggerichte aanbesteding van jeugdhulp"


def test_aanbestedingen_jeugdzorg_finds_aanbesteding_jeugdhulp(conn):
    found = search(conn, "aanbestedingen jeugdzorg")
    # None of the notices says "jeugdzorg": the synonyms find jeugdhulp, inkoop, verwerving.
    assert {300301, 300377, 400401, 500501, 800801} <= set(found)
    assert 600601 not in found  # Wmo household support: not youth care


@pytest.mark.parametrize("synonym", ["jeugdzorg", "jeugd-GGZ", "jeugd ggz", "Jeugdwet", "jeugdbescherming"])
def test_every_youth_care_synonym_finds_the_jeugdhulp_notices(conn, synonym):
    assert {200201, 400401, 500501} <= set(search(conn, synonym))


def test_accents_and_case_do_not_matter(conn):
    assert 100101 in search(conn, "residentiele")  # the text says "residentiële"
    assert search(conn, "RESIDENTIËLE") == search(conn, "residentiele")
    assert search(conn, "Zoeterwoude") == [200201]


def test_every_word_must_match_and_stopwords_are_ignored(conn):
    assert search(conn, "Zoeterwoude dyslexiezorg") == []
    assert search(conn, "de jeugdhulp in Zoeterwoude") == search(conn, "jeugdhulp Zoeterwoude") == [200201]


@pytest.mark.parametrize("query", HOSTILE)
def test_no_input_breaks_the_query_syntax(conn, query):
    for function in ("nl_fts_query", "fts_quote"):
        conn.execute(f"select count(*) from notices_fts where notices_fts match {function}(?)", [query]).fetchall()
        conn.execute(f"select count(*) from search_documents_fts where search_documents_fts match {function}(?)",
                     [query]).fetchall()


def test_operators_are_plain_words():
    assert nl_fts_query("AND OR") == '"and" AND "or"'
    assert nl_fts_query('NEAR(") *') == '"near"'
    assert fts_quote('jeugd" OR *') == '"jeugd" AND "or"'
    assert nl_fts_query("") == nl_fts_query('"*') == '""'


@pytest.mark.parametrize("query", HOSTILE)
def test_the_saved_search_answers_any_input(server, query):
    url = f"/{server.database}/search_all.json?_shape=array&q=" + urllib.parse.quote(query)
    assert isinstance(json.loads(server.get(url)), list)


def test_the_text_is_stored_once_and_the_saved_search_reads_it_from_its_table(server, demo_archive):
    db = sqlite_utils.Database(demo_archive)
    description = db["notices"].get(200201)["description"]
    assert description and len(description) > 20
    # the search rows hold the stemmed words the index needs, not a copy of the text
    stored = [v for row in db.query("select * from search_documents where doc_id = 'notice:200201'")
              for v in row.values()]
    assert stored and description not in stored
    rows = json.loads(server.get(f"/{server.database}/search_all.json?_shape=array&q=Zoeterwoude"))
    [row] = [r for r in rows if r["source_key"] == "200201"]
    assert row["excerpt"] == description[:200]
    assert row["atom_content"].endswith(description)



@pytest.mark.parametrize("query, found", [
    ("TN160417", [100101, 100131, 100190]), ("160417", [100101, 100131, 100190]),  # kenmerk
    ("100190", [100190]),                                                          # publication id
    ("Jeugdteam Zuid", [100190]), ("gezinsteam schiedam", [400466]),               # winners (/html only)
    ("Zuid-Limburg", [100101, 100131, 100190]), ("zuid limburg", [100101, 100131, 100190]),  # jeugdregio
    ("85311300", [100101, 100131, 100190, 200201, 200288, 300301, 300377, 400401, 400466, 500501]),  # CPV
    ("welzijnszorg kinderen", [100101, 100131, 100190, 200201, 200288, 300301, 300377, 400401, 400466, 500501]),
])
def test_a_procurement_is_found_by_its_kenmerk_id_winners_region_and_cpv(conn, query, found):
    """Search everything read only a notice's title, text and buyer: the kenmerk a researcher copies
    from TenderNed, a winner the /html names but the text does not, the jeugdregio and the CPV
    codes and their words found nothing."""
    assert search(conn, query) == found


@pytest.mark.parametrize("query", ["14012345", "KvK 14012345", "kvk:14012345"])
def test_a_winner_is_found_by_its_kvk_number(conn, query):
    """A journalist types the KvK number of a provider (the number its aanbieder page,
    /-/aanbieder?id=kvk:14012345, is named by): Search everything found the notice by the
    winner's name only, and the number found nothing."""
    assert search(conn, query) == [100190]  # won by Stichting Basishulp Parkstad, KvK 14012345


def test_a_winner_or_cpv_a_later_crawl_adds_is_searched_and_the_index_stays_current(demo_archive, tmp_path):
    """Winners come later than their notice (a late /html, an OCDS backfill) and do not stamp it:
    the award tables and notice_cpv mark the notice's search document for the next derivation."""
    from tenderarchive.store.search_index import index_state

    path = shutil.copy(demo_archive, tmp_path / "copy.db")
    db = sqlite_utils.Database(path)
    assert search(connect(path), "Zorgkracht Fryslân") == []
    award = db.execute("select award_id from awards where publication_id = 200288").fetchone()[0]
    db["award_suppliers"].insert({"award_id": award, "procurement_id": "TN243310", "lot_id": "1",
                                  "name": "Zorgkracht Fryslân", "name_key": "zorgkracht fryslan"}, alter=True)
    db["notice_cpv"].insert({"publication_id": 500501, "cpv": "85121270-6", "cpv_8": "85121270",
                             "label": "Psychiatrische of psychologische diensten", "is_main": 0})
    assert index_state(db) == "stale"
    assert ensure_search(db) is True and index_state(db) == "current"
    conn = connect(path)
    assert search(conn, "zorgkracht fryslan") == search(conn, "Zorgkracht Fryslân") == [200288]
    assert search(conn, "psychologische diensten") == [500501]
    db.execute("delete from award_suppliers where name = 'Zorgkracht Fryslân'")
    assert ensure_search(db) is True and search(connect(path), "zorgkracht") == []

def test_a_column_the_index_does_not_read_leaves_it_updatable(demo_archive, tmp_path):
    """A migration that adds a column to an indexed table but not to the index keeps the index
    definition, so the next crawl updates it instead of rebuilding it; a missing trigger does not."""
    from tenderarchive.store.search_index import can_update

    db = sqlite_utils.Database(shutil.copy(demo_archive, tmp_path / "copy.db"))
    assert can_update(db)
    db["articles"].add_column("a_new_score", float)
    db["notices"].add_column("another_flag", int)
    assert can_update(db)
    db.execute("drop trigger if exists notices_fts_ai")  # a missing trigger still needs a build
    assert not can_update(db)


def test_refresh_is_idempotent_and_follows_the_archive(demo_archive, tmp_path):
    path = shutil.copy(demo_archive, tmp_path / "copy.db")
    db = sqlite_utils.Database(path)
    build_search_index(db)
    first = [tuple(r.values()) for r in db.query("select * from search_documents order by doc_id")]
    build_search_index(db)
    assert [tuple(r.values()) for r in db.query("select * from search_documents order by doc_id")] == first
    assert ensure_search(db) is False  # nothing changed: no rebuild
    db["notices"].update(200201, {"title": "Gemeentelijke toegang Kinderopvang", "fetched_at": "2030-01-01"})
    assert ensure_search(db) is True
    conn = connect(path)
    assert search(conn, "kinderopvang") == [200201]
    assert db.execute("select count(*) from notices_fts where notices_fts match 'kinderopvang'").fetchone()[0] == 1


def test_articles_are_searched_when_the_archive_has_them(demo_archive, tmp_path):
    path = shutil.copy(demo_archive, tmp_path / "news.db")
    db = sqlite_utils.Database(path)
    db["articles"].insert({
        "url": "https://www.leiderdorp.nl/nieuws/gunning", "site": "leiderdorp",
        "title": "Voorlopige gunning gemeentelijke toegang jeugdzorg bekend",
        "text": "De Leidse regio heeft de aanbestedingen voor de toegang afgerond.",
        "published": "2021-01-12", "relevant": 1, "jeugdregio_code": "JZ18",
    }, alter=True)
    build_search_index(db)
    found = list(connect(path).execute(
        "select d.source_table, d.jeugdregio from search_documents_fts join search_documents d"
        " on d.rowid = search_documents_fts.rowid where search_documents_fts match nl_fts_query(?)",
        ["aanbesteding jeugdhulp gunning"]))
    assert ("articles", "JZ18") in found
    matches = [r[0] for r in db.execute("select a.url from articles_fts join articles a on a.rowid = articles_fts.rowid"
                                         " where articles_fts match 'afgerond'")]
    assert matches == ["https://www.leiderdorp.nl/nieuws/gunning"]


def test_search_helper_tables_are_hidden(server):
    tables = {t["name"]: t["hidden"] for t in json.loads(server.get(f"/{server.database}.json"))["tables"]}
    for helper in ("search_documents", "search_documents_fts", "search_state", "notices_fts",
                   "notices_fts_data", "search_documents_fts_idx"):
        assert tables[helper] is True, helper
    assert tables["notices"] is False and tables["procurements"] is False


def test_the_notices_table_has_a_search_box_that_ignores_accents(server):
    rows = json.loads(server.get(f"/{server.database}/notices.json?_shape=array&_search=RESIDENTIELE"))
    assert [r["publication_id"] for r in rows] == [100101]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_slash_search_is_the_saved_search_everything(server):
    """``/-/search`` (Datasette's "search all tables" address) leads to ``search_all``: one
    ranked search over notices and news, not a search per table."""
    opener = urllib.request.build_opener(_NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as answer:
        opener.open(server.base + "/-/search?q=" + urllib.parse.quote("aanbestedingen jeugdzorg"))
    assert answer.value.code == 302
    assert answer.value.headers["Location"] == (f"/{server.database}/search_all?q="
                                                + urllib.parse.quote_plus("aanbestedingen jeugdzorg"))
    followed = server.get("/-/search?q=Zoeterwoude").decode()
    direct = server.get(f"/{server.database}/search_all?q=Zoeterwoude").decode()
    assert "Search everything" in followed
    keys = json.loads(server.get(f"/{server.database}/search_all.json?_shape=array&q=Zoeterwoude"))
    assert keys and all(str(r["source_key"]) in followed for r in keys)
    assert followed.count("<tr") == direct.count("<tr")
    with pytest.raises(urllib.error.HTTPError) as empty:
        opener.open(server.base + "/-/search")
    assert empty.value.headers["Location"] == f"/{server.database}/search_all"


def test_the_served_plugins_leave_out_the_per_cell_markdown_check_and_the_per_table_search(server):
    """datasette-render-markdown stays for the dashboards' descriptions (its template function),
    without its render_cell; datasette-search-all's per-table /-/search is not served."""
    plugins = {p["name"]: p["hooks"] for p in json.loads(server.get("/-/plugins.json"))}
    markdown = [hooks for name, hooks in plugins.items() if "render_markdown" in name.replace("-", "_")]
    assert markdown == [["extra_template_vars", "prepare_jinja2_environment"]]
    assert not any("search_all" in name.replace("-", "_") for name in plugins)
    assert "Publications per month" in server.get("/-/dashboards/jeugdhulp").decode()
