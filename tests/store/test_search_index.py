"""The search index's counts behind the dashboard (tenderarchive/store/search_index.py,
``dashboard_counts``), read as a researcher reads the dashboard at ``/-/dashboards/jeugdhulp``.

The spec: the chart "Publications per month, per jeugdregio" counts TenderNed's publications
(notices), the same rows the "Notices" card counts, for all regions and for each jeugdregio the
filter offers; news articles have a chart of their own (stages over time), and an article about
road works or home care (not youth care, ``youth_care`` 0) is no publication of a youth-care
procurement.
"""

from __future__ import annotations

import re
import sqlite3

import pytest

from tenderarchive.metadata import load_metadata
from tests.datasette.archive_fixtures import build_demo, run_dir

CHARTS = load_metadata()["plugins"]["datasette-dashboards"]["jeugdhulp"]["charts"]


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    path = build_demo(tmp_path_factory.mktemp("search_index") / "archive.db", run_dir(tmp_path_factory))
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    yield conn
    conn.close()


def chart_rows(conn: sqlite3.Connection, name: str, region: str) -> list[tuple]:
    """The rows chart ``name`` shows with the dashboard's jeugdregio filter set to ``region``
    ('' for none), by the chart's own query (datasette-dashboards keeps ``[[ … ]]`` only when set)."""
    sql = CHARTS[name]["query"]
    sql = re.sub(r"\[\[(.*?)\]\]", r"\1", sql, flags=re.S) if region else re.sub(r"\[\[.*?\]\]", "", sql)
    return conn.execute(sql, {"jeugdregio": region}).fetchall()


def test_the_publications_per_month_add_up_to_the_notices_card_in_every_region(conn):
    regions = [""] + [r for (r,) in conn.execute(
        "select region from dashboard_counts where chart = 'documents' and region != '' order by region")]
    assert len(regions) > 3
    for region in regions:
        notices = chart_rows(conn, "notices-count", region)[0][0]
        per_month = sum(n for _month, _region, n in chart_rows(conn, "per-month", region))
        assert notices > 0 and per_month == notices, region


def test_an_article_that_is_not_about_youth_care_is_no_publication_in_the_chart(conn):
    """The demo's municipal news about road works (leiderdorp.nl, April 2021) and a court case
    about a day nursery (kennemerdagblad.nl, October 2021) are archived, but are no publications."""
    months = {(month[:7], region) for month, region, _n in chart_rows(conn, "per-month", "")}
    assert ("2021-04", "unknown") not in months
    assert dict(((m[:7], r), n) for m, r, n in chart_rows(conn, "per-month", "Zuid Kennemerland")) == \
        {("2021-10", "Zuid Kennemerland"): 1, ("2022-10", "Zuid Kennemerland"): 1}
