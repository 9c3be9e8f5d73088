"""A saved search shown a hundred rows a page (``pagina``) links its previous and next page
(tenderarchive/query_pages.py, templates/query.html)."""

import html
import re
import sqlite3

import pytest

from tenderarchive import datasette_plugin
from tenderarchive.metadata import load_metadata
from tests.datasette.archive_fixtures import Server, padded_copy

PADDED = 250  # synthetic awards: two full pages and a part


@pytest.fixture(scope="module")
def padded(demo_archive, tmp_path_factory):
    """The demo archive with 250 more current awards of one procurement (synthetic copies of a demo award), served."""
    path = padded_copy(demo_archive, tmp_path_factory.mktemp("pages") / "archive.db", PADDED)
    server = Server(path)
    yield server, path
    server.stop()


def rows_of(page: str) -> list[list[str]]:
    """The page's rows, each cell's text; a date in words its stored text (its ``<time datetime>``)."""
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in page else ""
    return [[html.unescape(re.sub(r"<[^>]+>", "", re.sub(r'<time datetime="([^"]*)"[^>]*>.*?</time>', r"\1", cell)))
             .strip()
             for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)]


def link(page: str, rel: str) -> str | None:
    found = re.search(rf'<a href="([^"]+)" rel="{rel}"', page)
    return html.unescape(found.group(1)) if found else None


def test_a_paged_saved_search_links_its_next_and_previous_pages(padded):
    """The saved searches paged by ``pagina`` showed their first hundred rows and no way to the next hundred but
    typing 2 into the form. Following "next" from the first page shows every row once, in the search's order,
    and the other parameters stay; "previous" goes back."""
    server, path = padded
    conn = sqlite3.connect(path)
    datasette_plugin.prepare_connection(conn, "archive", None)
    sql = load_metadata()["databases"]["archive"]["queries"]["awards_by_region_year"]["sql"]
    expected = conn.execute(sql, {"jeugdregio": "", "year": "", "pagina": "alle"}).fetchall()
    assert len(expected) > 2 * 100
    url, pages, previous = f"/{server.database}/awards_by_region_year?year=&_size=max", [], None
    for _ in range(10):  # bounded: three pages expected
        page = server.get(url).decode("utf-8")
        pages.append(rows_of(page))
        assert link(page, "prev") == previous
        assert "_size=max" in url and "year=" in url  # the other parameters kept
        previous, url = url, link(page, "next")
        if url is None:
            break
    assert [len(p) for p in pages] == [100, 100, len(expected) - 200]
    shown = [row for p in pages for row in p]
    assert shown == [["" if v is None else str(v) for v in row][:len(shown[0])] for row in expected]
    # every row at once, and a search that fits one page, have no page links
    assert link(server.get(f"/{server.database}/awards_by_region_year?pagina=alle").decode(), "next") is None
    small = server.get(f"/{server.database}/awards_by_region_year?year=1999").decode()
    assert 'class="saved-search-pages"' not in small


def test_a_page_past_the_last_says_which_pages_there_are(padded):
    """``pagina=4`` of a search of three pages showed "0 results" and a link back, no word why; its CSV and
    ``export`` name the pages there are. The page now says it in the same words; a search of no rows at all, and
    a page that has rows, say nothing of pages."""
    server, path = padded
    conn = sqlite3.connect(path)
    datasette_plugin.prepare_connection(conn, "archive", None)
    sql = load_metadata()["databases"]["archive"]["queries"]["awards_by_region_year"]["sql"]
    total = len(conn.execute(sql, {"jeugdregio": "", "year": "", "pagina": "alle"}).fetchall())
    pages = -(-total // 100)
    assert pages == 3

    def why(url: str) -> list[str]:
        page = server.get(url).decode("utf-8")
        return [html.unescape(w) for w in re.findall(r'<p class="zero-results-why[^"]*">(.*?)</p>', page, re.S)]

    assert why(f"/{server.database}/awards_by_region_year?year=&pagina=4") == [
        f"pagina=4 is past the last page: the search gives {total} rows, pages 1 to 3 (pagina=alle: every row)"]
    assert why(f"/{server.database}/awards_by_region_year?year=&pagina=3") == []  # a page with rows
    assert why(f"/{server.database}/awards_by_region_year?year=1999&pagina=2") == []  # no rows on any page
    # a year of the demo's own awards: one page
    year, count = conn.execute("select year, count(*) from summary_awards where year is not null "
                               "group by year order by count(*) limit 1").fetchone()
    shown = len(conn.execute(sql, {"jeugdregio": "", "year": str(year), "pagina": "alle"}).fetchall())
    assert 0 < shown <= 100
    assert why(f"/{server.database}/awards_by_region_year?year={year}&pagina=2") == [
        f"pagina=2 is past the last page: the search gives {shown} row{'s' * (shown != 1)}, page 1 alone"
        " (pagina=alle: every row)"]
