"""The home page's first saved search, "Open youth-care tenders by deadline", empty, in a real browser (Debian
chromium): it says the day it was as of and how to set another (``tenderarchive/query_params.py`` ``as_of_words``,
``templates/query.html``)."""

from tenderarchive.change_words import moment_words
from tenderarchive.clock import vandaag


def test_an_empty_search_of_open_tenders_says_the_day_it_is_as_of_and_how_to_set_another(page, browser_server):
    """On the demo every youth-care deadline has passed: the search the home page links first said "0 results" and
    nothing else, as if the archive held no youth-care tender. It says it is as of today (as_of empty) and that
    as_of sets an earlier day; with that day filled in it has rows and says nothing of it; a day without rows is named."""
    page.goto(browser_server.base + "/")
    with page.expect_navigation():
        page.click("a:text-is('open youth-care tenders by deadline')")
    assert page.inner_text("p.zero-results") == "0 results"
    why = page.inner_text("p.as-of-search")
    assert why.startswith(f"as_of is empty: this search is as of today, {moment_words(vandaag())} (Amsterdam's clock)")
    assert "Fill in an earlier day as as_of (YYYY-MM-DD)" in why

    page.fill("input[name=as_of]", "2021-12-01")
    with page.expect_navigation():
        page.press("input[name=as_of]", "Enter")
    assert page.locator("table.rows-and-columns tbody tr").count() > 0
    assert page.locator("p.as-of-search").count() == 0 and page.locator("p.zero-results").count() == 0

    page.fill("input[name=as_of]", "2017-01-01")
    with page.expect_navigation():
        page.press("input[name=as_of]", "Enter")
    assert page.inner_text("p.as-of-search").startswith(
        "as_of=2017-01-01: this search is as of 1 januari 2017 and has no rows that day")


def test_an_empty_search_without_as_of_says_nothing_of_it(page, browser_server):
    """A saved search that does not read as_of says nothing of a day under its "0 results"."""
    page.goto(browser_server.base + "/archive/procurement_timeline")
    assert page.inner_text("p.zero-results") == "0 results"
    assert page.locator("p.as-of-search").count() == 0
