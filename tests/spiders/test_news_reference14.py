"""The news spider, fourteenth pass against docs/reference/news-sites.md as an evaluator would test it:
loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news), crawled with ``tenderarchive
crawl news`` into a real archive."""

from __future__ import annotations

import json

import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, redirecting, registry
from tests.spiders.test_news_reference5 import undated_page
from tests.spiders.test_news_reference8 import HTML


def news_overview(paths: list[str]) -> tuple[str, bytes]:
    """A SYNTHETIC news overview linking ``paths`` (each an item's title), and the site's contact page beside them."""
    items = "".join(f"<li><a href='{path}'>Bericht over inkoop jeugdhulp {n}</a></li>" for n, path in enumerate(paths))
    return (HTML, ("<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'>"
                   f"<title>Nieuws</title></head><body><main><h1>Nieuws</h1><ul>{items}</ul>"
                   "<p><a href='/contact'>Contact</a></p></main></body></html>").encode())


def test_a_listing_moved_where_the_sites_rules_refuse_all_its_links_is_an_error_naming_both_addresses(tmp_path):
    """§2.1 (a site reorganised, or moved to another CMS) and the registry: the listing ``/nieuws`` answers ``301`` to
    ``/actueel/nieuws``, whose items (``/actueel/nieuws/…``) the entry's ``allow: ['^/nieuws/']`` refuses. The crawl
    read it as a listing without items: "complete", nothing found, every crawl, and no one told that the site's news
    was no longer archived. It is an error of the crawl naming the listing and where it moved; a listing that moved
    and whose items the rules accept is read as before."""
    items = ["/actueel/nieuws/inkoop-jeugdhulp", "/actueel/nieuws/gunning-jeugdhulp"]
    routes = {"/robots.txt": ROBOTS, "/actueel/nieuws": news_overview(items),
              **{path: undated_page(f"Bericht {path.rsplit('/', 1)[1]}") for path in items}}
    server, base = redirecting(routes, {"/nieuws": "/actueel/nieuws"})
    try:
        refused = crawl_news(registry(tmp_path, base_url=base, allow=["^/nieuws/"],
                                      discovery={"listing": {"urls": ["nieuws"]}}), tmp_path / "refused.db")
        accepted = crawl_news(registry(tmp_path, base_url=base, allow=["/nieuws/"],
                                       discovery={"listing": {"urls": ["nieuws"]}}), tmp_path / "accepted.db")
    finally:
        server.shutdown()
    crawl = next(sqlite_utils.Database(tmp_path / "refused.db")["crawls"].rows)
    assert crawl["status"] != "complete" and refused.returncode != 0
    assert [(e["url"], e["error"].split(",")[0]) for e in json.loads(crawl["errors"])] == [
        (f"{base}nieuws", f"the listing moved to {base}actueel/nieuws")]
    assert accepted.returncode == 0, accepted.stderr[-3000:]
    archived = sqlite_utils.Database(tmp_path / "accepted.db")
    assert sorted(r["url"] for r in archived["articles"].rows) == sorted(base + path[1:] for path in items)
    assert next(archived["crawls"].rows)["status"] == "complete"
