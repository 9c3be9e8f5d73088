"""A table search with many matches: its rows at once, the count and facets on request
(tenderarchive/table_search.py). The served Datasette of the demo archive, in process through its
own ASGI client (asgi_wrapper included), with ``table_search_limit`` lowered so the demo's
common words count as many."""

import re
import sqlite3
import urllib.parse
from pathlib import Path

import pytest
import yaml

from tenderarchive.table_search import DEFAULT_LIMIT
from tests.datasette import archive_fixtures
from tests.datasette.archive_fixtures import metadata_of, run

LIMIT = 2


def fts_matches(archive: Path, word: str) -> int:
    conn = sqlite3.connect(f"file:{archive}?mode=ro", uri=True)
    try:
        return conn.execute("select count(*) from notices_fts where notices_fts match ?", [f'"{word}"']).fetchone()[0]
    finally:
        conn.close()


def serve(archive: Path, immutable: bool = True):
    """In-process Datasette on ``archive`` with the table search limit lowered to LIMIT."""
    metadata = metadata_of(archive)
    metadata["plugins"]["tenderarchive"]["table_search_limit"] = LIMIT
    return archive_fixtures.served(archive, metadata, immutable=immutable)


@pytest.fixture(scope="module")
def served(demo_archive):
    return serve(demo_archive)


def get(datasette, path: str):
    return run(datasette.client.get(path))


def ids(html: str) -> list[str]:
    return re.findall(r'class="col-publication_id[^"]*"[^>]*><a href="[^"]*">(\d+)</a>', html)


@pytest.fixture(scope="module")
def common_word(demo_archive):
    for word in ("jeugdhulp", "jeugdzorg", "gemeente"):
        if fts_matches(demo_archive, word) > LIMIT:
            return word
    pytest.fail("the demo has no word in more than two notices")


def test_a_search_with_more_matches_than_the_limit_is_sent_to_the_page_without_count_and_facets(served, common_word,
                                                                                            demo_archive):
    answer = get(served, "/archive/notices?" + urllib.parse.urlencode({"_search": common_word}))
    assert answer.status_code == 302
    target = answer.headers["location"]
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(target).query) == {
        "_zoek": [common_word], "_nocount": ["1"], "_nofacet": ["1"], "_sort_desc": ["publication_id"]}
    page = get(served, target)
    assert page.status_code == 200
    html = page.text
    n = fts_matches(demo_archive, common_word)
    assert f"{n:,} rows contain these words" in html and "by publication_id, highest first" in html
    assert 'class="facet-info"' not in html and "facet-results" not in html
    everything = re.search(r'<a href="([^"]*)">count them and show the facets</a>', html).group(1).replace("&amp;", "&")
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(everything).query) == {"_search": [common_word], "_alles": ["1"]}
    full = get(served, everything)
    assert full.status_code == 200
    assert "facet-results" in full.text and f"{n:,} row" in full.text
    # The same rows, listed by publication id instead of publication date.
    assert ids(html) and ids(html) == sorted(ids(html), key=int, reverse=True)
    by_id = get(served, everything + "&_sort_desc=publication_id&_size=max")
    assert ids(html) == ids(by_id.text)[:len(ids(html))]
    assert len(ids(by_id.text)) == n


def test_a_search_with_few_matches_is_the_full_page_and_sheds_switches_carried_over(served):
    word = "RESIDENTIELE"
    answer = get(served, "/archive/notices?_search=" + word)
    assert answer.status_code == 200 and "facet-results" in answer.text and "1 row" in answer.text
    # The search form carries the switches of a big search over to the next one.
    carried = get(served, f"/archive/notices?_search={word}&_zoek=jeugdhulp&_nocount=1&_nofacet=1")
    assert carried.status_code == 302
    assert carried.headers["location"] == f"/archive/notices?_search={word}"
    assert get(served, "/archive/notices?_zoek=&_nocount=1&_nofacet=1").headers["location"] == "/archive/notices"
    # A big search's address whose words now match few rows is the full page.
    assert get(served, f"/archive/notices?_zoek={word}&_nocount=1&_nofacet=1&_sort_desc=publication_id"
               ).headers["location"] == f"/archive/notices?_search={word}"
    # A sort the reader chose stays.
    chosen = get(served, f"/archive/notices?_search={word}&_zoek=jeugdhulp&_nocount=1&_nofacet=1&_sort=title")
    assert chosen.headers["location"] == f"/archive/notices?_search={word}&_sort=title"


def test_everything_drops_the_switches_and_the_readers_own_switches_are_kept(served, common_word):
    answer = get(served, f"/archive/notices?_zoek={common_word}&_nocount=1&_nofacet=1"
                         "&_sort_desc=publication_id&_alles=1")
    assert answer.status_code == 302
    assert answer.headers["location"] == f"/archive/notices?_search={common_word}&_alles=1"
    # A big search with the reader's own sort keeps it.
    sorted_by_title = get(served, f"/archive/notices?_search={common_word}&_sort=title")
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(sorted_by_title.headers["location"]).query)["_sort"] == ["title"]
    assert "_sort_desc" not in sorted_by_title.headers["location"]
    assert get(served, f"/archive/notices?_search={common_word}&_alles=1").status_code == 200
    own = get(served, f"/archive/notices?_search={common_word}&_nocount=1")
    assert own.status_code == 200 and "facet-results" in own.text


def test_json_csv_other_pages_and_bad_searches_are_served_as_datasette_serves_them(served, common_word):
    data = get(served, f"/archive/notices.json?_search={common_word}").json()
    assert data["filtered_table_rows_count"] > LIMIT and data["facet_results"]
    assert get(served, f"/archive/notices.csv?_search={common_word}").status_code == 200
    assert get(served, "/archive/notices").status_code == 200
    assert get(served, "/archive/procurements?_search=x").status_code == 200  # no search index: Datasette's answer
    raw = get(served, "/archive/notices?" + urllib.parse.urlencode({"_search": '"unclosed', "_searchmode": "raw"}))
    assert raw.status_code != 302


def test_the_default_limit_is_the_one_of_search_all():
    shipped = yaml.safe_load((Path(__file__).parents[2] / "tenderarchive/datasette/metadata.yaml").read_text())
    assert shipped["plugins"]["tenderarchive"]["table_search_limit"] == DEFAULT_LIMIT
    sql = shipped["databases"]["archive"]["queries"]["search_all"]["sql"]
    assert f"offset {DEFAULT_LIMIT}" in sql


def test_articles_are_listed_by_their_rowid_the_order_of_archiving(served, demo_archive):
    """``articles`` has a text primary key (its url): a big search of it is listed by ``rowid``,
    which its metadata makes sortable (tenderarchive/metadata.py)."""
    conn = sqlite3.connect(f"file:{demo_archive}?mode=ro", uri=True)
    try:
        rowids, words = None, None
        for word in ("jeugdhulp", "jeugdzorg", "gemeente", "aanbesteding"):
            found = [r[0] for r in conn.execute("select rowid from articles_fts where articles_fts match ? order by rowid desc",
                                                [f'"{word}"'])]
            if len(found) > LIMIT:
                rowids, words = found, word
                break
        assert rowids, "the demo has no word in more than two articles"
        urls = [conn.execute("select url from articles where rowid = ?", [r]).fetchone()[0] for r in rowids]
    finally:
        conn.close()
    answer = get(served, "/archive/articles?_search=" + words)
    assert answer.status_code == 302 and "_sort_desc=rowid" in answer.headers["location"]
    data = get(served, answer.headers["location"].replace("/archive/articles?", "/archive/articles.json?")
               + "&_shape=array&_size=max").json()
    assert [row["url"] for row in data] == urls


def rows_of(served, path: str) -> tuple[list, dict]:
    """Every row of a table page's JSON form, following its next pages; and the first page."""
    first = data = get(served, path).json()
    rows = list(data["rows"])
    while data.get("next_url"):
        data = get(served, urllib.parse.urlsplit(data["next_url"])._replace(scheme="", netloc="").geturl()).json()
        rows += data["rows"]
    return rows, first


def test_a_big_search_takes_each_page_from_fts5_and_its_pages_follow_on(served, common_word, demo_archive):
    conn = sqlite3.connect(f"file:{demo_archive}?mode=ro", uri=True)
    try:
        expected = [r[0] for r in conn.execute("select rowid from notices_fts where notices_fts match ? "
                                               "order by rowid desc", [f'"{common_word}"'])]
    finally:
        conn.close()
    target = get(served, "/archive/notices?_search=" + common_word).headers["location"]
    rows, first = rows_of(served, target.replace("/archive/notices?", "/archive/notices.json?") + "&_size=2&_shape=objects")
    assert [row["publication_id"] for row in rows] == expected
    assert "limit :zoek_rijen" in first["query"]["sql"] and first["query"]["params"]["zoek_rijen"] == 3
    # Counting up the same way.
    up, _ = rows_of(served, f"/archive/notices.json?_zoek={common_word}&_nocount=1&_nofacet=1&_sort=publication_id"
                            "&_size=2&_shape=objects")
    assert [row["publication_id"] for row in up] == expected[::-1]
    # The search box shows the words.
    assert f'value="{common_word}"' in get(served, target).text


def test_a_big_search_with_another_filter_or_order_reads_every_match(served, common_word):
    """One page from FTS5 would leave out matches that a column filter or another order brings
    forward: those are Datasette's own search of every match, the same rows."""
    base = f"_zoek={common_word}&_nocount=1&_nofacet=1"
    for extra in ("_sort_desc=publication_id&youth_care=1", "_sort=title", "_sort_desc=publication_id&_where=year>0"):
        ours, first = rows_of(served, f"/archive/notices.json?{base}&{extra}&_size=2&_shape=objects")
        datasettes, _ = rows_of(served, f"/archive/notices.json?_search={common_word}&{extra}&_size=2&_shape=objects")
        assert "zoek_rijen" not in first["query"]["sql"]
        assert ours == datasettes and ours


def submit_search(served, page_html: str, words: str):
    """Submit the table page's filter form as a browser does, with ``words`` in its search box,
    following redirects; the final address and page."""
    import lxml.html

    form = lxml.html.fromstring(page_html).xpath('//form[contains(@class, "filters")]')[0]
    values = [(k, v) for k, v in form.form_values() if k != "_search"] + [("_search", words)]
    address = f"{form.action}?{urllib.parse.urlencode(values)}"
    for _ in range(5):
        answer = get(served, address)
        if answer.status_code not in (301, 302):
            return address, answer
        address = answer.headers["location"]
    pytest.fail(f"more than five redirects from {address}")


def test_a_new_search_from_a_big_searchs_form(served, common_word):
    target = get(served, "/archive/notices?_search=" + common_word).headers["location"]
    big_page = get(served, target).text
    address, page = submit_search(served, big_page, "RESIDENTIELE")
    assert "_zoek" not in address and "_nocount" not in address
    assert "facet-results" in page.text and "1 row" in page.text
    address, page = submit_search(served, big_page, common_word)
    asked = urllib.parse.parse_qs(urllib.parse.urlsplit(address).query)
    assert asked["_zoek"] == [common_word] and "_search" not in asked and asked["_sort_desc"] == ["publication_id"]
    assert "rows contain these words" in page.text and ids(page.text) == ids(big_page)


def test_the_count_of_a_big_search_follows_the_archive(demo_archive, common_word, tmp_path):
    """The note's count is remembered while the archive file is unchanged (paging through a big
    search counts once); a write to the archive is counted again."""
    import shutil

    copy = tmp_path / "archive.db"
    shutil.copy(demo_archive, copy)
    datasette = serve(copy, immutable=False)
    target = get(datasette, f"/archive/notices?_search={common_word}").headers["location"]
    n = fts_matches(copy, common_word)
    assert f"{n:,} rows contain these words" in get(datasette, target).text
    conn = sqlite3.connect(copy)
    with conn:
        conn.execute("update notices set title = title || ? where rowid = (select min(rowid) from notices "
                     "where rowid not in (select rowid from notices_fts where notices_fts match ?))",
                     [f" {common_word}", f'"{common_word}"'])
    conn.close()
    assert fts_matches(copy, common_word) == n + 1
    assert f"{n + 1:,} rows contain these words" in get(datasette, target).text


@pytest.mark.parametrize("words", ['"', '""', ' """" '])
def test_a_search_of_quotes_alone_is_a_clear_message_not_an_fts5_syntax_error(served, words):
    """Datasette escapes the words and drops empty phrases: a lone quote became an empty FTS5 expression
    and the page was HTTP 400 'fts5: syntax error near ""'. The page is the table without that search
    (the other filters kept), with Datasette's message saying why; .json and .csv answer 400 with it."""
    sent = get(served, "/archive/notices?" + urllib.parse.urlencode({"_search": words, "youth_care": "1"}))
    assert sent.status_code == 302, sent.text[:300]
    assert sent.headers["location"] == "/archive/notices?youth_care=1"
    cookie = sent.cookies.get("ds_messages")
    shown = run(served.client.get(sent.headers["location"], cookies={"ds_messages": cookie}))
    assert shown.status_code == 200 and "fts5" not in shown.text
    assert "holds no word to search for" in shown.text and "message-error" in shown.text
    for form in (".json", ".csv"):
        answer = get(served, f"/archive/articles{form}?" + urllib.parse.urlencode({"_search": words}))
        assert answer.status_code == 400 and "holds no word to search for" in answer.text
        assert "fts5" not in answer.text
    # a column search and a big search's own words likewise; words with a stray quote still search
    column = get(served, "/archive/notices?" + urllib.parse.urlencode({"_search_title": words}))
    assert column.status_code == 302 and column.headers["location"] == "/archive/notices"
    big = get(served, "/archive/notices?" + urllib.parse.urlencode({"_zoek": words, "_nocount": "1", "_nofacet": "1"}))
    assert big.status_code == 302 and big.headers["location"] == "/archive/notices"
    assert get(served, "/archive/notices?" + urllib.parse.urlencode({"_search": 'jeugd"'})).status_code in (200, 302)


def test_a_table_page_without_a_search_is_not_looked_up_before_datasette(served):
    """The big-search redirect (asgi_wrapper) looked every table page up (table_exists, primary
    keys, column details) before Datasette did the same: three queries of a page's fixed cost."""
    # Counted as calls, not statements: the served archive keeps the answers of schema look-ups
    # (tenderarchive/serve.py ``ArchiveDatabase._kept``), so a warm page runs none of them as SQL.
    db = served.get_database("archive")
    get(served, "/archive/notices")
    asked = []
    for name in ("table_exists", "primary_keys", "table_column_details"):
        def counted(*args, _name=name, _method=getattr(db, name)):
            asked.append(_name)
            return _method(*args)
        setattr(db, name, counted)
    try:
        assert get(served, "/archive/notices").status_code == 200
    finally:
        for name in ("table_exists", "primary_keys", "table_column_details"):
            delattr(db, name)
    assert asked.count("table_exists") == 1, asked   # Datasette's own look-up, not the wrapper's besides


def test_a_table_search_of_notices_or_articles_links_the_dutch_search_of_its_words(served):
    """The search box of ``notices`` and ``articles`` matches the words as written: "jeugdzorg" and the
    kenmerk "TN160417" found no notice there (0 rows, nothing said), while "Search everything" (Dutch
    stemming, synonyms, kenmerk: README) finds them. The table page says so and links that search of
    the same words; a table without a Dutch counterpart, or a page without a search, does not."""
    for table, words in (("notices", "jeugdzorg"), ("notices", "TN160417"), ("articles", "aanbestedingen jeugdzorg")):
        page = get(served, f"/archive/{table}?" + urllib.parse.urlencode({"_search": words}))
        assert page.status_code == 200
        link = re.search(r'<a href="([^"]*)">Search everything \(Dutch\)</a>', page.text)
        assert link, table
        target = link.group(1).replace("&amp;", "&")
        assert target == "/-/search?" + urllib.parse.urlencode({"q": words})
        found = get(served, get(served, target).headers["location"])
        assert found.status_code == 200 and "TN160417" in found.text
    assert "Search everything (Dutch)" not in get(served, "/archive/notices").text
    assert "Search everything (Dutch)" not in get(served, "/archive/municipalities?_search=Heerlen").text


@pytest.mark.parametrize("words", ["", " "])
def test_an_empty_search_box_shows_the_table_not_an_fts5_syntax_error(served, words):
    """The search box of the notices or articles table submitted empty (Enter in the box, or a search cleared)
    answered HTTP 400, Invalid SQL, 'fts5: syntax error near ""': Datasette matched the empty words. A search of
    no words is no search: the page (and its .json and .csv) is the table without it, the other filters kept,
    and no message, as nothing was asked."""
    sent = get(served, "/archive/notices?" + urllib.parse.urlencode({"_search": words, "youth_care": "1"}))
    assert sent.status_code == 302, sent.text[:300]
    assert sent.headers["location"] == "/archive/notices?youth_care=1" and "ds_messages" not in sent.cookies
    shown = get(served, sent.headers["location"])
    assert shown.status_code == 200 and "fts5" not in shown.text
    for form in (".json", ".csv"):
        answer = get(served, f"/archive/articles{form}?" + urllib.parse.urlencode({"_search": words, "_size": "5"}))
        assert answer.status_code == 302 and answer.headers["location"] == f"/archive/articles{form}?_size=5"
    column = get(served, "/archive/notices?" + urllib.parse.urlencode({"_search_title": words}))
    assert column.status_code == 302 and column.headers["location"] == "/archive/notices"


@pytest.mark.parametrize("name", ["_searchx", "_search<div>", "_searchmodes"])
def test_a_parameter_named_like_a_search_that_is_none_is_a_message_not_a_server_error(served, name):
    """``?_searchx=jeugdhulp`` (found by the site's fuzz target): Datasette takes every parameter whose name begins
    with _search for a search and split a column off ``_search_``: IndexError, HTTP 500. The page is the table
    without it (the other filters kept) with a message naming it; .json and .csv answer 400 with it."""
    sent = get(served, "/archive/notices?" + urllib.parse.urlencode({name: "jeugdhulp", "youth_care": "1"}))
    assert sent.status_code == 302, sent.text[:300]
    assert sent.headers["location"] == "/archive/notices?youth_care=1"
    shown = run(served.client.get(sent.headers["location"], cookies={"ds_messages": sent.cookies.get("ds_messages")}))
    assert shown.status_code == 200 and "is no search parameter" in shown.text
    for form in (".json", ".csv"):
        answer = get(served, f"/archive/articles{form}?" + urllib.parse.urlencode({name: "jeugdhulp"}))
        assert answer.status_code == 400 and "is no search parameter" in answer.text
