"""The news spider, fifteenth pass against docs/reference/news-sites.md as an evaluator would test it:
loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news), crawled with ``tenderarchive
crawl news`` into a real archive."""

from __future__ import annotations

import pytest
import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, registry
from tests.spiders.test_news_reference5 import undated_page
from tests.spiders.test_news_reference8 import HTML
from tests.spiders.test_news_reference11 import serve


def paged_listing(number: int, pager_base: str, pages: int = 3) -> tuple[str, bytes]:
    """Page ``number`` (from 0) of a SYNTHETIC listing ``/nieuws`` whose pager writes absolute links on
    ``pager_base`` (``?page=N``, Drupal's zero-based numbers), two items on each page."""
    rows = "".join(f"<li><a href='/nieuws/bericht-{number}-{k}'>Inkoop jeugdhulp {number}-{k}</a></li>" for k in range(2))
    pager = "".join(f"<li><a href='{pager_base}nieuws?page={n}'>{n + 1}</a></li>" for n in range(pages) if n != number)
    return (HTML, ("<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'>"
                   f"<title>Nieuws</title></head><body><main><h1>Nieuws</h1><ul>{rows}</ul>"
                   f"<nav class='pager'><ul>{pager}</ul></nav></main></body></html>").encode())


@pytest.mark.parametrize("pager_host", ["www.", ""])
def test_a_pager_written_on_the_sites_other_www_host_is_read_page_by_page(tmp_path, pager_host):
    """§2.2 (jeugdhulpmvs.nl: "the host occurs both with and without ``www.``") and §2.1 paging: a CMS writes its
    configured address into absolute pager links (``https://www.site.nl/nieuws?page=1``) while the registry reads the
    listing on the bare host. The pager's links were taken for another site's, so only the listing's first page was
    read, ``max_pages`` notwithstanding: the older items never found. They are the listing's pages, asked on the
    registry's host; a pager on the listing's own host is read as before."""
    log: list[str] = []
    routes: dict = {}
    server, base = serve(routes, log)
    base = base.replace("//127.0.0.1", "//localhost")
    pager_base = base.replace("//localhost", f"//{pager_host}localhost")
    routes.update({"/robots.txt": ROBOTS, "/nieuws": paged_listing(0, pager_base),
                   **{f"/nieuws?page={n}": paged_listing(n, pager_base) for n in range(3)},
                   **{f"/nieuws/bericht-{n}-{k}": undated_page(f"Inkoop jeugdhulp {n}-{k}")
                      for n in range(3) for k in range(2)}})
    try:
        crawl = crawl_news(registry(tmp_path, base_url=base, allow=["^/nieuws/"],
                                    discovery={"listing": {"urls": ["nieuws"], "max_pages": 5}}), tmp_path / "archive.db")
    finally:
        server.shutdown()
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    assert sorted(r["url"] for r in sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows) == sorted(
        f"{base}nieuws/bericht-{n}-{k}" for n in range(3) for k in range(2))
    assert {"/nieuws?page=1", "/nieuws?page=2"} <= set(log)
