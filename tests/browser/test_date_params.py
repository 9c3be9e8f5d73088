"""A saved search's date typed with a time in a real browser (Debian chromium): the form sends it as typed, and the
page reads it as its day on Amsterdam's clock and shows that day in the field (``tenderarchive/query_params.py``)."""


def test_a_since_typed_with_a_time_is_read_and_shown_as_its_day(page, browser_server):
    """"New in the last 7 days" with since typed as a moment late on the 3rd in UTC (the 4th in Amsterdam): the search
    read the 3rd (the text's first ten characters) and listed that day's rectification, while the field kept the
    moment. The page is sent on to the day it reads, shows it in the field, and lists what the day alone lists."""
    page.goto(browser_server.base + "/archive/new_this_week?since=2018-07-04")
    day_titles = page.locator("table.rows-and-columns tbody td.col-title").all_inner_texts()
    assert day_titles and not any("Rectificatie" in title for title in day_titles)

    page.goto(browser_server.base + "/archive/new_this_week")
    page.fill("input[name=since]", "2018-07-03T23:30:00Z")
    with page.expect_navigation():
        page.press("input[name=since]", "Enter")
    page.wait_for_load_state()
    assert page.url.endswith("/archive/new_this_week?since=2018-07-04"), page.url
    assert page.input_value("input[name=since]") == "2018-07-04"
    assert page.locator("table.rows-and-columns tbody td.col-title").all_inner_texts() == day_titles
