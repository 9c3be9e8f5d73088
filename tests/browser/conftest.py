"""Browser tests: Playwright's sync API driving Debian's chromium against `tenderarchive serve`.

Every request outside the test server is aborted: no test reaches beyond 127.0.0.1.
"""

import shutil

import pytest

from tests.datasette.archive_fixtures import Server, build_demo, plant_xss, run_dir

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="session")
def browser_server(tmp_path_factory):
    path = plant_xss(build_demo(tmp_path_factory.mktemp("browser") / "archive.db", run_dir(tmp_path_factory)))
    server = Server(path)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM:
        pytest.skip("Debian chromium is not installed (apt-get install chromium); CI installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def local_page(context, server):
    """A new page of browser ``context`` whose requests beyond ``server`` are aborted."""
    page = context.new_page()
    local = server.base

    def only_local(route):
        if route.request.url.startswith(local):
            route.continue_()
        else:
            route.abort()

    page.route("**/*", only_local)
    page.set_default_timeout(15000)
    return page


@pytest.fixture
def page(browser, browser_server):
    context = browser.new_context(accept_downloads=True)
    yield local_page(context, browser_server)
    context.close()
