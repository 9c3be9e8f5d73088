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


def test_search_results_show_what_a_reader_needs_not_the_feeds_columns(page, browser_server):
    """`/-/search` (the saved search `search_all`) showed the columns its Atom feed is made of beside the reader's:
    `atom_content` repeated each hit's whole text, so 16 hits made a page 14,500 px high on a desktop. Its page
    (as every saved search's) leaves the feed's `atom_*` columns out and says where they are; its feed still has
    every entry."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(browser_server.base + "/-/search?q=jeugdhulp")
    headers = page.locator("table.rows-and-columns th").all_inner_texts()
    assert "title" in headers and "excerpt" in headers and "source_key" in headers
    assert not [h for h in headers if h.startswith("atom_")]
    hits = page.locator("table.rows-and-columns tbody tr").count()
    assert hits >= 10
    assert page.evaluate("document.documentElement.scrollHeight") < 400 * hits
    assert "atom_content" in page.inner_text("p.export-links")       # where the feed's columns went
    feed = page.request.get(browser_server.base + page.locator("p.export-links a", has_text="atom").get_attribute("href"))
    assert feed.ok and feed.text().count("<entry>") == hits
