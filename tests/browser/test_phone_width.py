"""The pages at a phone's width (375 px): nothing makes the page scroll sideways."""

import pytest

PAGES = ["/archive/notices", "/archive/articles", "/archive/procurements", "/archive/events", "/archive/fetches",
         "/archive/award_notices", "/archive/changed_notices", "/archive/search_all?q=jeugdhulp",
         "/-/jeugdregio/JZ18", "/-/aanbesteding?id=TN243310", "/-/markt", "/-/woordenlijst"]


@pytest.mark.parametrize("path", PAGES)
def test_a_page_fits_a_phone(page, browser_server, path):
    """On a phone Datasette shows each row as a card; a long address in a cell (a notice's TenderNed URL, an
    article's) did not wrap and ran off it, and a table page's CREATE TABLE at its foot was wider still: the
    whole page scrolled sideways (459 px of 375 on the notices table; the glossary's tables 641 px). Cells wrap,
    the SQL and the glossary's tables scroll in their boxes."""
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(browser_server.base + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
