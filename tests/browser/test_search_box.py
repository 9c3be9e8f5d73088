"""The table search box in a real browser (Debian chromium): words typed and submitted as a reader does."""


def test_a_lone_quote_in_the_search_box_shows_the_table_and_a_message(page, browser_server):
    """A lone quote answered HTTP 400 'fts5: syntax error near ""' (tenderarchive/table_search.py)."""
    page.goto(browser_server.base + "/archive/notices")
    page.fill("input[name=_search]", '"')
    with page.expect_navigation():
        page.press("input[name=_search]", "Enter")
    assert "fts5" not in page.content()
    assert "_search" not in page.url
    assert "holds no word to search for" in page.inner_text(".message-error")
    assert page.locator("table.rows-and-columns tbody tr").count() > 0


def test_the_home_page_fits_a_phone(page, browser_server):
    """The home page's search box was 24em wide whatever the screen: on a phone (375 px) the page scrolled sideways
    and the box ran off it. It is at most the page's width."""
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(browser_server.base + "/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    box = page.locator("#tenderarchive-q").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375
