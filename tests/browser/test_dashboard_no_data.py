"""The dashboard filtered to a jeugdregio, in a real browser (Debian chromium): a chart with no rows for it says so.

Flevoland's only notice is a contract notice: no news names its stages and no award was published. Its stages chart
and its awarded value per year were drawn as an empty frame with a lone "0" on the axis, which reads as "nothing
was worth anything", and its top providers card stayed blank after a JavaScript error (datasette-dashboards reads
the columns of the table's first row, and there was none)."""

import pytest

DASHBOARD = "/-/dashboards/jeugdhulp"
EMPTY = ["stages", "awarded-value-per-year", "top-providers"]  # no rows for Flevoland


# the page of one chart names its element after the dashboard (datasette-dashboards' template)
@pytest.mark.parametrize("path, cards", [(f"{DASHBOARD}?jeugdregio=Flevoland", EMPTY),
                                         (f"{DASHBOARD}/top-providers?jeugdregio=Flevoland", ["jeugdhulp"]),
                                         (f"{DASHBOARD}/stages?jeugdregio=Flevoland", ["jeugdhulp"])])
def test_a_chart_with_no_rows_for_the_chosen_jeugdregio_says_so(page, browser_server, path, cards):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(browser_server.base + path, wait_until="networkidle")
    for card in cards:
        chart = page.locator(f"#chart-{card}")
        assert chart.inner_text().strip() == "No data for this jeugdregio", card
        assert chart.locator("svg.marks, table").count() == 0, card
    assert errors == []


def test_the_charts_with_rows_are_drawn_as_before(page, browser_server):
    page.goto(browser_server.base + f"{DASHBOARD}?jeugdregio=Flevoland", wait_until="networkidle")
    for card in ("per-month", "procedure-types", "notice-types"):
        assert page.locator(f"#chart-{card} svg.marks").count() == 1, card
    assert "No data" not in page.inner_text("#chart-per-month")
    page.goto(browser_server.base + DASHBOARD, wait_until="networkidle")  # no filter: every chart has rows
    assert "No data" not in page.inner_text(".dashboard-grid")
    assert page.locator("#chart-top-providers table tbody tr").count() > 0


def test_a_regions_stages_of_undated_news_are_drawn_as_zonder_datum(page, browser_server):
    """Rijnmond's relevant news reports stages (aankondiging) on pages that give no date: its stages chart said "No data
    for this jeugdregio", as if no article reported a stage. Those articles count under "zonder datum", after the
    years (``tenderarchive/store/search_index.py`` ``UNDATED``)."""
    page.goto(browser_server.base + f"{DASHBOARD}?jeugdregio=Rijnmond", wait_until="networkidle")
    chart = page.locator("#chart-stages")
    page.wait_for_selector("#card-stages svg.marks", state="attached")
    assert "No data" not in chart.inner_text()
    labels = page.eval_on_selector_all("#card-stages svg.marks g.role-axis-label text",
                                       "els => els.map(e => e.textContent)")
    assert "zonder datum" in labels
