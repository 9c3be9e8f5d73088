"""`tenderarchive serve` publishes the archive and nothing else (tenderarchive/serve.py)."""

import json
import urllib.error

import pytest


def test_the_home_page_lists_the_archive_not_datasettes_empty_memory_database(server):
    """Datasette adds an empty in-memory database ``_memory`` when started without files, as serve
    starts it: the home page showed "_memory, 0 tables" above the archive and its title read
    "tenderarchive — Dutch youth-care procurement: _memory, archive". Only the archive is served."""
    home = server.get("/").decode("utf-8")
    assert "_memory" not in home
    assert "<title>tenderarchive — Dutch youth-care procurement: archive</title>" in home
    assert [d["name"] for d in json.loads(server.get("/-/databases.json"))] == [server.database]
    with pytest.raises(urllib.error.HTTPError) as answer:
        server.get("/_memory")
    assert answer.value.code == 404


def test_an_address_of_no_table_names_it_and_the_nearest_ones_in_the_format_asked(server):
    """``/archive/notice.csv`` (the table is notices) answered 404 with an HTML page saying "Table not found": a
    CSV client got a web page, and no answer named the table asked or what there is. The 404 names it and the
    nearest tables, views and saved searches, as ``tenderarchive export`` does: one line of text for ``.csv``,
    Datasette's JSON error for ``.json``, its error page for the page; a name near none names none."""
    db = server.database
    answers = {}
    for path in (f"/{db}/notice.csv", f"/{db}/new_this_weeks.json", f"/{db}/notice", f"/{db}/xyzzy.csv"):
        with pytest.raises(urllib.error.HTTPError) as answer:
            server.get(path)
        assert answer.value.code == 404, path
        answers[path] = (answer.value.headers.get("content-type"), answer.value.read().decode("utf-8"))
    assert answers[f"/{db}/notice.csv"] == (
        "text/plain; charset=utf-8",
        "No table, view or saved search named 'notice' (did you mean notices or notice_cpv?)\n")
    kind, body = answers[f"/{db}/new_this_weeks.json"]
    assert kind.startswith("application/json") and json.loads(body)["error"] == (
        "No table, view or saved search named 'new_this_weeks' (did you mean new_this_week?)")
    kind, body = answers[f"/{db}/notice"]
    assert kind.startswith("text/html") and "did you mean notices or notice_cpv?" in body and "</html>" in body
    assert answers[f"/{db}/xyzzy.csv"][1] == "No table, view or saved search named 'xyzzy'\n"
    assert server.get(f"/{db}/notices.csv?_size=1").startswith(b"publication_id,")   # a table's CSV as before
