"""The custom pages render in a real browser (Debian chromium) without a JavaScript error: no
uncaught exception and no ``console.error``, on the demo archive (every request beyond the test
server is aborted by the ``page`` fixture, so a page that needs the internet shows up here too)."""

import pytest

PAGES = ["/", "/archive", "/archive/notices", "/-/jeugdregio/JZ18", "/-/aanbesteding?id=TN312877",
         "/-/opdrachtgever?id=GM0546", "/-/aanbieder?id=kvk:14012345", "/-/markt", "/-/kaart",
         "/-/kaart?laag=gemeenten", "/-/search?q=jeugdhulp", "/-/dashboards/jeugdhulp",
         "/archive/procurement_timeline?procurement_id=TN312877", "/-/jeugdregio/bestaat-niet"]


@pytest.mark.parametrize("path", PAGES)
def test_a_custom_page_has_no_javascript_errors(page, browser_server, path):
    errors = []
    page.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
    # Chromium logs every failed load as a console error, the 404 page itself too: loads are checked
    # by their responses instead (a script, style sheet or image of the page that fails, or a
    # request the fixture aborted because it left the test server).
    page.on("console", lambda message: errors.append(f"console: {message.text}")
            if message.type == "error" and not message.text.startswith("Failed to load resource") else None)
    page.on("response", lambda r: errors.append(f"HTTP {r.status}: {r.url}")
            if r.status >= 400 and r.request.resource_type != "document" else None)
    page.on("requestfailed", lambda r: errors.append(f"failed: {r.url}"))
    response = page.goto(browser_server.base + path, wait_until="networkidle")
    assert response is not None and response.status in (200, 404)
    assert page.title().strip()
    assert errors == []
