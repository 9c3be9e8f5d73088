"""The dashboard's time charts in a real browser (Debian chromium) show each count in its own month
and year wherever the reader's browser is: the charts' dates are calendar days ("2021-10-01"),
which the browser reads as midnight UTC; bucketed by the browser's local time, a reader west of
UTC (a journalist in New York) saw the Zuid Kennemerland publications of October 2021 and 2022 in
September and the awards of 2022 in 2021."""

import pytest

from tests.browser.conftest import local_page

DASHBOARD = "/-/dashboards/jeugdhulp?jeugdregio=Zuid+Kennemerland"


def bar_labels(page, card: str) -> list[str]:
    """What a reader hovering each bar of the chart on card ``card`` reads (Vega's bar labels)."""
    selector = f"#card-{card} svg path[role='graphics-symbol']"
    page.wait_for_selector(selector, state="attached")
    return sorted(page.eval_on_selector_all(selector, "els => els.map(e => e.getAttribute('aria-label'))"))


@pytest.mark.parametrize("timezone", ["Europe/Amsterdam", "America/New_York", "Asia/Tokyo"])
def test_a_dashboard_count_stands_in_its_own_month_and_year_in_every_time_zone(browser, browser_server, timezone):
    context = browser.new_context(timezone_id=timezone)
    try:
        page = local_page(context, browser_server)
        page.goto(browser_server.base + DASHBOARD, wait_until="networkidle")
        assert bar_labels(page, "per-month") == [
            "month: Oct 2021; publications: 1; jeugdregio: Zuid Kennemerland",
            "month: Oct 2022; publications: 1; jeugdregio: Zuid Kennemerland"]
        assert bar_labels(page, "awarded-value-per-year") == ["year: 2022; euro: 17250000"]
    finally:
        context.close()
