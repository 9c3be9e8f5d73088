"""Screenshots of the published archive (``make screenshots``).

Builds the demo archive in a temporary directory, indexes it for search, serves it with
``tenderarchive serve`` on a free loopback port and photographs, with Debian's chromium
driven by Playwright: the home page, a Dutch search, the dashboard, a procurement
timeline, and the research pages of a jeugdregio, a procurement and the map. Writes ``docs/screenshots/*.png``. Requests beyond the server are blocked.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.datasette.archive_fixtures import Server, build_demo  # noqa: E402

OUT = Path(__file__).resolve().parent
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
SHOTS = [
    ("home.png", "/", None),
    ("search.png", "/archive/search_all?q=aanbestedingen+jeugdzorg", "table.rows-and-columns"),
    ("dashboard.png", "/-/dashboards/jeugdhulp", "#card-per-month svg, #card-per-month canvas"),
    ("timeline.png", "/archive/procurement_timeline?procurement_id=TN160417", "table.rows-and-columns"),
    ("jeugdregio.png", "/-/jeugdregio/JZ41", "svg.ta-map"),
    ("aanbesteding.png", "/-/aanbesteding?id=TN160417", "table"),
    ("kaart.png", "/-/kaart", "svg.ta-map"),
]


def main() -> int:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("make screenshots needs Debian chromium (apt-get install chromium)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        server = Server(build_demo(Path(tmp) / "archive.db"))
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium, args=ARGS)
                page = browser.new_page(viewport={"width": 1024, "height": 720})
                page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(server.base)
                           else route.abort())
                for name, path, ready in SHOTS:
                    page.goto(server.base + path)
                    page.wait_for_load_state("networkidle")
                    if ready:
                        page.wait_for_selector(ready, timeout=15000)
                    page.screenshot(path=str(OUT / name))
                    print(f"wrote {OUT / name}")
                browser.close()
        finally:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
