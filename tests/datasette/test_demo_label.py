"""The demo archive says it is synthetic on every page a link can land on, not only on the home page."""

from tests.datasette.archive_fixtures import Server

LABEL = b'class="synthetic-demo"'

#: Pages a shared link or a search engine reaches directly: a table, a row, a saved search, the research pages,
#: the dashboard, a research page's "not found" and "bad parameter" pages.
PAGES = ["/archive/notices", "/archive/notices/100101", "/archive/articles", "/archive/award_notices",
         "/archive/jeugdregio_aanbestedingen?jeugdregio=JZ18", "/-/jeugdregio/JZ18", "/-/aanbesteding?id=TN160417",
         "/-/markt", "/-/kaart", "/-/dashboards/jeugdhulp", "/archive/search_all?q=jeugdhulp"]


def test_every_page_of_the_demo_says_it_is_synthetic(server):
    """README: "Datasette says so on every page". Only the home and database pages did (their description); a
    table, a row, a saved search, a research page or the dashboard reached by a link showed invented notices
    with no word. Each says so at its foot."""
    import urllib.error

    for path in PAGES:
        assert LABEL in server.get(path), path
    for path in ("/-/jeugdregio/JZ99", "/-/markt?jaar=abc"):  # 404 and 400 of the research pages
        try:
            server.get(path)
        except urllib.error.HTTPError as exc:
            assert LABEL in exc.read(), path
        else:
            raise AssertionError(f"{path} answered 200")


def test_datasette_s_own_error_pages_of_the_demo_say_it_is_synthetic(server):
    """A mistyped address, a table or saved search that is not there, a row that is not there: Datasette renders
    these error pages itself, without the plugin's template variables, so the demo's label (and the Datasette
    version in the footer) was missing from them."""
    import urllib.error

    for path in ("/no-such-page", "/archive/no_such_table", "/archive/notices/999999999", "/no_such_database"):
        try:
            server.get(path)
        except urllib.error.HTTPError as exc:
            assert exc.code == 404, path
            body = exc.read()
            assert LABEL in body, path
            assert b'title="Datasette v0.' in body, path
        else:
            raise AssertionError(f"{path} answered 200")


def test_an_archive_not_built_from_the_snapshot_has_no_label(tmp_path):
    from tenderarchive.store.writes import open_archive

    db = open_archive(tmp_path / "archive.db")
    db.close()
    server = Server(tmp_path / "archive.db")
    try:
        for path in ("/", "/archive/notices", "/-/markt"):
            assert LABEL not in server.get(path), path
        import urllib.error

        try:
            server.get("/no-such-page")
        except urllib.error.HTTPError as exc:
            assert LABEL not in exc.read()
    finally:
        server.stop()
