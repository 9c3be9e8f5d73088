"""The news spider, twenty-first pass against docs/reference/news-sites.md as an evaluator would test it: a
registry (``sources.yaml``) with a site that is misconfigured or gone beside one that answers, crawled with
``tenderarchive crawl news`` over loopback into a real archive (SYNTHETIC pages, labelled like tests/fixtures/news)."""

from __future__ import annotations

import json

import sqlite_utils
import yaml

from tenderarchive.exitcodes import ExitCode
from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, serve
from tests.spiders.test_news_reference19 import S1_OPENING, split_page, urlset
from tests.test_monitor import closed_port

SLUG = "/nieuws/nieuwe-manier-van-samenwerken/"


def two_sites(tmp_path, answering: str, other: str, **other_site) -> str:
    """A registry of a site that answers (one item in its sitemap) and ``other`` (its sitemap, feed and listing)."""
    def entry(name, base_url, **discovery):
        return {"name": name, "title": f"{name.title()} (synthetic)", "municipalities": ["Leiden"],
                "base_url": base_url, "discovery": discovery, "allow": ["^/nieuws/"],
                "politeness": {"download_delay": 0, "concurrency": 4}}
    sites = [entry("goed", answering, sitemaps=["sitemap.xml"]),
             entry("weg", other, sitemaps=["sitemap.xml"], feeds=["feed/"], listing={"urls": ["nieuws"]}, **other_site)]
    path = tmp_path / "sources.yaml"
    path.write_text(yaml.safe_dump({"version": 1, "sites": sites}, allow_unicode=True), encoding="utf-8")
    return str(path)


def test_a_site_that_is_down_is_one_error_naming_its_robots_txt_and_the_other_sites_go_on(tmp_path):
    """A site of the registry that does not answer (a refused connection; a DNS or TLS failure is the same to
    robots.txt): its robots.txt is unreachable, which RFC 9309 reads as "complete disallow", and the crawl records
    that once. Each of the site's own URLs (sitemap, feed, listing) was recorded after it as "request failed:
    Forbidden by robots.txt", so the user was told the site forbade the crawler, three errors more; and the one
    error named ``//127.0.0.1:N/robots.txt``, no address to open. The other site is archived; the crawl is partial."""
    routes = {"/robots.txt": ROBOTS, "/sitemap.xml": urlset({SLUG: "2021-10-20"}), SLUG: split_page(S1_OPENING, "")}
    archive = tmp_path / "archive.db"
    down = f"http://127.0.0.1:{closed_port()}/"
    with serve(routes) as base:
        crawl = crawl_news(two_sites(tmp_path, base, down), archive)
    assert crawl.returncode == ExitCode.PARTIAL, crawl.stderr[-3000:]
    db = sqlite_utils.Database(archive)
    assert [a["url"] for a in db["articles"].rows] == [base + SLUG[1:]]
    [row] = db["crawls"].rows
    assert row["status"] == "partial"
    assert json.loads(row["errors"]) == [{"url": down + "robots.txt", "error": (
        "robots.txt unreachable (DownloadConnectionRefusedError): its host's pages are not fetched in this crawl "
        "(RFC 9309: complete disallow)")}]


def test_a_site_whose_tls_handshake_fails_says_so_in_its_one_error(tmp_path):
    """A site of the registry whose ``https`` address gets no TLS handshake (a site misconfigured; here a host that
    serves only ``http``): its robots.txt is unreachable and the crawl's one error for it said
    "DownloadFailedError", nothing of TLS, so the user could not tell a broken certificate set-up from a site that
    is down. It names the TLS handshake and OpenSSL's reason; the other site is archived."""
    routes = {"/robots.txt": ROBOTS, "/sitemap.xml": urlset({SLUG: "2021-10-20"}), SLUG: split_page(S1_OPENING, "")}
    archive = tmp_path / "archive.db"
    with serve(routes) as base, serve(routes) as plain:
        tls = plain.replace("http://", "https://")
        crawl = crawl_news(two_sites(tmp_path, base, tls), archive)
    assert crawl.returncode == ExitCode.PARTIAL, crawl.stderr[-3000:]
    db = sqlite_utils.Database(archive)
    assert [a["url"] for a in db["articles"].rows] == [base + SLUG[1:]]
    [error] = json.loads(next(db["crawls"].rows)["errors"])
    assert error["url"] == tls + "robots.txt"
    assert error["error"].startswith("robots.txt unreachable (DownloadFailedError: TLS handshake failed: "), error
