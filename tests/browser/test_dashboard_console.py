"""The dashboard in a real browser (Debian chromium) leaves nothing in the console: no warning, no error.

datasette-dashboards (static/dashboards.js) gives every chart the schema of vega-lite 5 (``$schema`` …/vega-lite/v5.json)
while the vega-lite it bundles is 6: vega-embed warned "The input spec uses Vega-Lite v5, but the current version of
Vega-Lite is v6.x" once per chart, on every visit. ``tenderarchive/datasette/dashboard.js`` gives each spec the
schema of the library loaded (``vegaLite.version``, ``vega.version``)."""

import pytest

DASHBOARD = "/-/dashboards/jeugdhulp"


@pytest.mark.parametrize("path", [DASHBOARD, f"{DASHBOARD}?jeugdregio=Flevoland", f"{DASHBOARD}/per-month",
                                  f"{DASHBOARD}/procedure-types"])
def test_the_dashboard_leaves_no_warning_or_error_in_the_console(page, browser_server, path):
    said = []
    page.on("console", lambda message: said.append(f"{message.type}: {message.text}")
            if message.type in ("warning", "error") else None)
    page.on("pageerror", lambda error: said.append(f"uncaught: {error}"))
    page.goto(browser_server.base + path, wait_until="networkidle")
    page.wait_for_selector("svg.marks", state="attached", timeout=15000)
    assert page.locator("svg.marks").count() > 0   # the charts were drawn
    assert said == [], "\n".join(said)


def test_each_chart_is_drawn_with_the_schema_of_the_library_loaded(page, browser_server):
    """The spec vega-embed is given names the major version of the vega-lite (or vega) the page loaded."""
    page.add_init_script("""window.__specs = [];
      document.addEventListener('load', function () {
        if (typeof window.vegaEmbed === 'function' && !window.__spied) {
          window.__spied = true
          const embed = window.vegaEmbed
          window.vegaEmbed = function (el, spec, opts) { window.__specs.push(spec.$schema); return embed(el, spec, opts) }
        }
      }, true)""")
    page.goto(browser_server.base + DASHBOARD, wait_until="networkidle")
    major = page.evaluate("vegaLite.version.split('.')[0]")
    assert int(major) >= 6
    assert page.locator("svg.marks").count() == 5
    assert page.evaluate("window.__specs") == [f"https://vega.github.io/schema/vega-lite/v{major}.json"] * 5
