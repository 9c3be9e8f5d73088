"""A watchlist report opened in Chromium: a planted ``javascript:`` address is no link and never runs.

The report is synthetic (``tests/watch/test_watch.py::hostile_report``), rendered by the HTML
renderer and opened from a file; every network request is aborted.
"""

from tenderarchive.watch import render_html
from tests.watch.test_watch import hostile_report


def test_an_html_report_with_a_planted_javascript_url_renders_it_as_text(browser, tmp_path):
    path = tmp_path / "crawl-7.html"
    path.write_text(render_html(hostile_report(tmp_path)), encoding="utf-8")
    context = browser.new_context()
    page = context.new_page()
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    try:
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        hrefs = page.eval_on_selector_all("a", "links => links.map(a => a.href)")
        assert hrefs == ["https://www.tenderned.nl/aankondigingen/overzicht/100101?a=(b)%20c",
                         "https://data.example.org/archive/notices/100101"]
        body = page.inner_text("body")
        assert "Jeugdhulp <script>window.__xss=1</script>" in body
        assert "javascript:window.__xss=1//https://example.org" in body    # shown, as text
        page.get_by_text("javascript:window.__xss=1//https://example.org").click()
        page.get_by_text("Jeugdhulp <script>", exact=False).first.click()
        assert page.evaluate("typeof window.__xss") == "undefined"
        assert page.url == path.as_uri()                                   # nothing navigated
        assert page.locator("img").count() == 0 and page.locator("script").count() == 0
    finally:
        context.close()
