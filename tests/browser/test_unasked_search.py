"""A saved search opened without the parameter it needs, in a real browser (Debian chromium), as a researcher opens
it from the home page (``tenderarchive/query_params.py`` ``unasked_words``, ``templates/query.html``)."""


def test_the_home_pages_timeline_link_says_what_to_fill_in_and_where_to_find_it(page, browser_server):
    """The home page links "tijdlijn van een aanbesteding" and "a provider's contracts" without a procurement or a
    provider: the researcher who followed them read "0 results", as for a procurement without events, and nothing
    else (``tenderarchive export`` refuses the same search naming the parameter). The page says the parameter is
    empty and what it takes, and links the list to choose from; filled in, the search has rows and says nothing of
    it."""
    page.goto(browser_server.base + "/")
    with page.expect_navigation():
        page.click("a:text-is('tijdlijn van een aanbesteding')")
    assert page.inner_text("p.zero-results") == "0 results"
    why = page.inner_text("p.unasked-search")
    assert why.startswith("procurement_id is empty: this search has no rows without it. Fill in a procurement's id")
    assert "TN160417" in why
    with page.expect_navigation():
        page.click("p.unasked-search a")
    assert page.url == browser_server.base + "/archive/procurements"
    assert page.locator("table.rows-and-columns tbody tr").count() > 0

    page.go_back()
    page.fill("input[name=procurement_id]", "TN160417")
    with page.expect_navigation():
        page.press("input[name=procurement_id]", "Enter")
    assert page.locator("table.rows-and-columns tbody tr").count() > 0
    assert page.locator("p.unasked-search").count() == 0 and page.locator("p.zero-results").count() == 0

    page.goto(browser_server.base + "/")
    with page.expect_navigation():
        page.click("a:text-is(\"a provider's contracts\")")
    assert page.inner_text("p.unasked-search").startswith("aanbieder is empty: this search has no rows without it")
    with page.expect_navigation():
        page.click("p.unasked-search a")
    assert page.url == browser_server.base + "/archive/aanbieders"
