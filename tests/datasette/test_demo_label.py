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


def test_an_archive_not_built_from_the_snapshot_has_no_label(tmp_path):
    from tenderarchive.store.writes import open_archive

    db = open_archive(tmp_path / "archive.db")
    db.close()
    server = Server(tmp_path / "archive.db")
    try:
        for path in ("/", "/archive/notices", "/-/markt"):
            assert LABEL not in server.get(path), path
    finally:
        server.stop()
