"""What changed in a procurement, on the demo archive, in a real browser (Debian chromium): it says why it is empty.

The bundled synthetic snapshot holds one state of each notice and news page, each fetched by one crawl, so the demo
has no earlier version (``versions`` is empty) and a procurement page's "Wijzigingen" said "Geen rijen." and its
saved search "0 results", nothing else: on ``make demo`` it read as a broken page. Both say why
(``tenderarchive/query_params.py`` ``versions_said``); an archive with a version says nothing of it."""

import shutil
import sqlite3

from tests.browser.conftest import local_page
from tests.datasette.archive_fixtures import Server

WHY = ("Nothing in this archive has changed yet (versions is empty): a change is kept when a later crawl fetches a "
       "notice, news page or award again and finds it different, and none of its 3 crawls has. This is the "
       "synthetic demo: its bundled snapshot holds one state of each notice and article, each fetched by one crawl, "
       "so there is no change to show. An archive crawled again (tenderarchive crawl, from cron: docs/operations.md) "
       "fills this search.")


def test_what_changed_on_the_demo_says_why_it_is_empty(page, browser_server):
    page.goto(browser_server.base + "/-/aanbesteding?id=TN312877")
    section = page.locator("section#aanbesteding_wijzigingen")
    assert section.locator("p em").inner_text() == "Geen rijen."
    assert section.locator("p.zero-results-why").inner_text() == WHY
    with page.expect_navigation():
        section.locator("a:text-is('als zoekopdracht')").click()
    assert page.inner_text("p.zero-results") == "0 results"
    assert page.inner_text("p.saved-search-versions") == WHY
    # a section with rows, and an empty search of something else, say nothing of versions
    page.goto(browser_server.base + "/-/aanbesteding?id=TN312877")
    assert page.locator("section#aanbesteding_publicaties p.zero-results-why").count() == 0
    page.goto(browser_server.base + "/archive/search_all?q=xyzzyqq")
    assert page.inner_text("p.zero-results") == "0 results"
    assert page.locator("p.saved-search-versions").count() == 0


def test_the_changes_view_on_the_demo_says_why_it_is_empty(page, browser_server):
    """``/archive/changes``, the view behind the searches of what changed, said "0 rows" and nothing else on the demo;
    it says why as its searches do (the view's words end "fills this view"), ``versions``' page too."""
    page.goto(browser_server.base + "/archive/changes")
    assert page.inner_text("h3").strip().startswith("0 rows")
    assert page.inner_text("p.versions-said") == WHY.replace("fills this search.", "fills this view.")
    page.goto(browser_server.base + "/archive/versions")
    assert page.inner_text("p.versions-said") == WHY.replace("fills this search.", "fills this table.")
    # a table of rows, and an empty filter of another table, say nothing of versions
    page.goto(browser_server.base + "/archive/notices?title=xyzzyqq")
    assert page.inner_text("h3").strip().startswith("0 rows")
    assert page.locator("p.versions-said").count() == 0


def test_an_archive_that_keeps_a_version_says_nothing_of_it(browser, browser_server, tmp_path):
    """One earlier version of another procurement's notice: the archive has changed, so a procurement without a
    change of its own is simply without one ("Geen rijen.", "0 results")."""
    db = tmp_path / "archive.db"
    shutil.copy(_served_file(browser_server), db)
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("insert into versions (table_name, row_key, version, valid_from, valid_to, changed_columns, "
                     "previous_values, new_values, crawl_id) values ('notices', '400401', 1, '2021-10-07T10:00:00Z', "
                     "'2021-10-20T10:00:00Z', '[\"title\"]', '{\"title\": \"x\"}', '{\"title\": \"y\"}', 1)")
    conn.close()
    server = Server(db)
    context = browser.new_context()
    try:
        page = local_page(context, server)
        page.goto(server.base + "/-/aanbesteding?id=TN312877")
        section = page.locator("section#aanbesteding_wijzigingen")
        assert section.locator("p em").inner_text() == "Geen rijen."
        assert section.locator("p.zero-results-why").count() == 0
        page.goto(server.base + "/archive/aanbesteding_wijzigingen?procurement_id=TN312877")
        assert page.inner_text("p.zero-results") == "0 results"
        assert page.locator("p.saved-search-versions").count() == 0
        page.goto(server.base + "/archive/changes?table_name=articles")
        assert page.inner_text("h3").strip().startswith("0 rows")
        assert page.locator("p.versions-said").count() == 0
    finally:
        context.close()
        server.stop()


def _served_file(server):
    """The archive file ``server`` serves (its command line's --db)."""
    args = server.process.args
    return args[args.index("--db") + 1]
