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
