"""The news spider, thirty-ninth pass against docs/reference/news-sites.md as an evaluator would test it:
loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news), crawled with ``tenderarchive
crawl news`` into a real archive."""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path

import sqlite_utils
import yaml

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, registry, serve
from tests.spiders.test_news_reference17 import undated_page
from tests.spiders.test_news_reference19 import sitemap_index, urlset


def test_a_sitemap_read_by_a_crawl_of_another_registry_is_read_again_by_the_registrys_own_crawl(tmp_path):
    """A user adding a site tries its entry in a registry file of its own first (``--sources try.yaml``, rules
    narrower than the entry later added to the registry: ``^/nieuws/`` only). That crawl completed, having read the
    site's sitemaps whole for its rules: the registry's own crawl then skipped every sitemap the index said had not
    changed since (``sitemap_unchanged``), so the ``/actueel/`` items its rules admit were never read. A sitemap
    spares a crawl its reading only when a complete crawl of the same source registry read it."""
    log: list[str] = []
    children = {"/post-sitemap1.xml": "2021-10-20T12:00:00+00:00"}
    pages = {"/nieuws/marktconsultatie": "2021-03-28", "/actueel/gunning-jeugdhulp": "2021-10-20"}
    routes = {"/robots.txt": ROBOTS, "/sitemap_index.xml": sitemap_index(children),
              "/post-sitemap1.xml": urlset(pages), **{page: undated_page(f"Bericht {page}") for page in pages}}
    archive = tmp_path / "archive.db"
    (tmp_path / "try").mkdir()
    (tmp_path / "registry").mkdir()
    with serve(routes, log) as base:
        site = {"base_url": base, "cms": "wordpress", "discovery": {"sitemaps": ["sitemap_index.xml"]}}
        tried = crawl_news(registry(tmp_path / "try", allow=["^/nieuws/"], **site), archive)
        assert tried.returncode == 0, tried.stderr[-3000:]
        log.clear()
        own = crawl_news(registry(tmp_path / "registry", allow=["^/nieuws/", "^/actueel/"], **site), archive)
        assert own.returncode == 0, own.stderr[-3000:]
        assert "/post-sitemap1.xml" in log
    db = sqlite_utils.Database(archive)
    assert sorted(r["title"] for r in db["articles"].rows) == [
        "Bericht /actueel/gunning-jeugdhulp", "Bericht /nieuws/marktconsultatie"]
    assert [r["status"] for r in db.query("select status from crawls order by crawl_id")] == ["complete"] * 2


def test_a_sitemap_read_by_a_crawl_of_one_site_is_read_again_for_another_site_that_shares_it(tmp_path):
    """Two entries of the registry on one host (a region's news pages kept on a member municipality's site, §2.1),
    each reading the host's sitemap index with its own rules. A ``--site`` crawl of one read the sitemaps whole for
    its own pages: a ``--site`` crawl of the other then skipped every sitemap the index said had not changed since, so
    the other site's items in them were never read. A sitemap spares a site's reading only when a complete crawl of
    that site read it."""
    log: list[str] = []
    children = {"/post-sitemap1.xml": "2021-10-20T12:00:00+00:00"}
    pages = {"/nieuws/marktconsultatie": "2021-03-28", "/regio/gunning-jeugdhulp": "2021-10-20"}
    routes = {"/robots.txt": ROBOTS, "/sitemap_index.xml": sitemap_index(children),
              "/post-sitemap1.xml": urlset(pages), **{page: undated_page(f"Bericht {page}") for page in pages}}
    archive = tmp_path / "archive.db"
    with serve(routes, log) as base:
        entry = {"base_url": base, "cms": "wordpress", "municipalities": ["Leiden"],
                 "politeness": {"download_delay": 0, "concurrency": 4},
                 "discovery": {"sitemaps": ["sitemap_index.xml"]}}
        sources = tmp_path / "sources.yaml"
        sources.write_text(yaml.safe_dump({"version": 1, "sites": [
            {"name": "gemeente", "title": "Gemeente (synthetic)", "allow": ["^/nieuws/"], **deepcopy(entry)},
            {"name": "regio", "title": "Regio (synthetic)", "allow": ["^/regio/"], **deepcopy(entry)}]}), encoding="utf-8")
        one = crawl_news(sources, archive, "--site", "gemeente")
        assert one.returncode == 0, one.stderr[-3000:]
        other = crawl_news(sources, archive, "--site", "regio")
        assert other.returncode == 0, other.stderr[-3000:]
    db = sqlite_utils.Database(archive)
    assert sorted((r["site"], r["title"]) for r in db["articles"].rows) == [
        ("gemeente", "Bericht /nieuws/marktconsultatie"), ("regio", "Bericht /regio/gunning-jeugdhulp")]


def two_sites(tmp_path, base: str, sitemaps: dict[str, str]) -> Path:
    """A SYNTHETIC registry of two sites on one loopback host, ``sitemaps`` {site name: its sitemap path}, each site's
    rules admitting ``/<name>/`` only."""
    sources = tmp_path / "sources.yaml"
    sources.write_text(yaml.safe_dump({"version": 1, "sites": [
        {"name": name, "title": f"{name} (synthetic)", "municipalities": ["Leiden"], "base_url": base, "cms": "other",
         "politeness": {"download_delay": 0, "concurrency": 4}, "allow": [f"^/{name}/"],
         "discovery": {"sitemaps": [path.lstrip("/")]}} for name, path in sitemaps.items()]}), encoding="utf-8")
    return sources


def test_a_site_crawl_of_one_site_leaves_the_other_sites_failed_pages_to_be_asked_again(tmp_path):
    """A registry of two sites; a full crawl on which one of the second site's pages failed (HTTP 500); a ``--site``
    crawl of the first site alone, complete; then the page left its sitemap. The next full crawl asks it again and
    archives it: a complete crawl of one site settles no failure of another."""
    sitemaps = {"gemeente": "/gemeente-sitemap.xml", "regio": "/regio-sitemap.xml"}
    named = {"gemeente": {"/gemeente/nieuws-1": "2021-10-20"}, "regio": {"/regio/inkoop-jeugdhulp": "2021-10-20"}}
    routes = {"/robots.txt": ROBOTS, **{path: urlset(named[name]) for name, path in sitemaps.items()},
              "/gemeente/nieuws-1": undated_page("Bericht gemeente"),
              "/regio/inkoop-jeugdhulp": ("text/html", b"", 500)}
    archive = tmp_path / "archive.db"
    with serve(routes, []) as base:
        sources = two_sites(tmp_path, base, sitemaps)
        first = crawl_news(sources, archive)
        assert first.returncode != 0 or "partial" in first.stderr
        one = crawl_news(sources, archive, "--site", "gemeente")
        assert one.returncode == 0, one.stderr[-3000:]
        named["regio"].clear()  # the page left its sitemap, and answers again
        routes["/regio/inkoop-jeugdhulp"] = undated_page("Bericht regio")
        full = crawl_news(sources, archive)
        assert full.returncode == 0, full.stderr[-3000:]
    db = sqlite_utils.Database(archive)
    assert [r["status"] for r in db.query("select status from crawls order by crawl_id")] == [
        "partial", "complete", "complete"]
    assert sorted(r["title"] for r in db["articles"].rows) == ["Bericht gemeente", "Bericht regio"]
