"""The project's ``_table.html`` (rows written by tenderarchive/table_rows.py) writes the
same table as Datasette's own template."""

import asyncio
import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from datasette.app import Datasette

from tenderarchive import readonly
from tenderarchive.metadata import build_metadata
from tenderarchive.serve import SETTINGS, make_datasette


def run(coroutine):
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def table_html(datasette, path: str) -> str:
    html = run(datasette.client.get(path)).text
    table = html[html.index('<div class="table-wrapper">'):html.index("</table>")]
    return re.sub(r">\s+<", "><", table).strip()


@pytest.fixture(scope="module")
def both(demo_archive):
    db = readonly.database(demo_archive)
    try:
        metadata = build_metadata(db, demo_archive.stem)
    finally:
        db.close()
    ours = make_datasette(demo_archive, metadata, immutable=True)
    plain = Datasette(immutables=[str(demo_archive)], metadata=metadata, settings=SETTINGS)  # no template_dir
    for datasette in (ours, plain):
        run(datasette.invoke_startup())
    return ours, plain


@pytest.mark.parametrize("path", ["/archive/notices", "/archive/articles?_size=20", "/archive/organisations",
                                  "/archive/procurements", "/archive/events?_sort=date", "/archive/award_suppliers",
                                  "/archive/notices?_search=jeugdhulp&_col=title&_col=buyer_id",
                                  "/archive/notice_cpv?_size=5"])
def test_the_table_is_datasettes_own(both, path):
    ours, plain = both
    mine, theirs = table_html(ours, path), table_html(plain, path)
    assert "<td" in mine and mine == theirs
