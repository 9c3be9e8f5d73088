"""Every form control of a table page has an accessible name (what a screen reader announces with it)."""

import pytest

PAGES = ["/archive/notices", "/archive/notices?youth_care=1&notice_type=AAO", "/archive/crawls"]


@pytest.mark.parametrize("path", PAGES)
def test_every_filter_and_sort_box_of_a_table_page_is_named(page, browser_server, path):
    """Datasette's filter rows (column, operator, value) and the small-screen sort box had no label: a screen
    reader announced "combo box", "edit text" with nothing to say what they set (WCAG 4.1.2). Each is named, the
    filters set on the page (``_filter_column_1`` …) too, and they still filter."""
    page.goto(browser_server.base + path)
    unnamed = page.evaluate("""() => [...document.querySelectorAll('input, select, textarea')]
        .filter(el => !['hidden', 'submit', 'button'].includes(el.type))
        .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
                      && !el.getAttribute('aria-labelledby') && !el.title)
        .map(el => el.name)""")
    assert unnamed == []
    names = page.evaluate("""() => [...document.querySelectorAll('select[name^=_filter_column]')]
        .map(el => el.getAttribute('aria-label'))""")
    assert names and set(names) == {"Filter: column"}
    assert page.get_by_role("textbox", name="Filter: value").first.is_visible()


def test_the_named_filter_boxes_still_filter(page, browser_server):
    page.goto(browser_server.base + "/archive/notices")
    page.get_by_role("combobox", name="Filter: column").select_option("notice_type")
    page.get_by_role("textbox", name="Filter: value").fill("AAO")
    page.get_by_role("textbox", name="Filter: value").press("Enter")
    page.wait_for_url("**notice_type**")
    assert "notice_type__exact=AAO" in page.url or "notice_type=AAO" in page.url
