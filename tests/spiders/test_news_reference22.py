"""The news spider, twenty-second pass against docs/reference/news-sites.md as an evaluator would test it: a
registry (``sources.yaml``) with a site whose addresses are all gone beside one that answers, crawled with
``tenderarchive crawl news`` over loopback into a real archive (SYNTHETIC pages, labelled like tests/fixtures/news)."""

from __future__ import annotations

import json

import sqlite_utils

from tenderarchive.exitcodes import ExitCode
from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, serve
from tests.spiders.test_news_reference19 import S1_OPENING, split_page, urlset
from tests.spiders.test_news_reference21 import SLUG, two_sites


def test_a_site_whose_every_registry_address_answers_404_is_one_error_naming_its_registry_entry(tmp_path):
    """A site of the registry that moved to other addresses (a new CMS, a new domain that left the old one
    answering 404 for everything), or whose entry is mistyped: its sitemap, feed and listing all answer 404. The
    crawl recorded "request failed: HTTP 404" once per address and named no site, so the user of a registry of many
    sites was told of three failed URLs and had to work out whose entry was wrong. It is one error, under the site's
    ``base_url``, naming the site's registry entry and each address; the other site is archived, the crawl partial."""
    routes = {"/robots.txt": ROBOTS, "/sitemap.xml": urlset({SLUG: "2021-10-20"}), SLUG: split_page(S1_OPENING, "")}
    archive = tmp_path / "archive.db"
    with serve(routes) as base, serve({"/robots.txt": ROBOTS}) as moved:
        crawl = crawl_news(two_sites(tmp_path, base, moved), archive)
    assert crawl.returncode == ExitCode.PARTIAL, crawl.stderr[-3000:]
    db = sqlite_utils.Database(archive)
    assert [a["url"] for a in db["articles"].rows] == [base + SLUG[1:]]
    [row] = db["crawls"].rows
    assert (row["status"], row["error_count"]) == ("partial", 1)
    [error] = json.loads(row["errors"])
    assert error["url"] == moved
    assert error["error"].startswith(
        "site 'weg' of the registry: every address its entry reads news from answered HTTP 404 ("), error
    assert error["error"].endswith(
        "): nothing of its news was read; has the site moved or changed its addresses? Check its entry in "
        "sources.yaml"), error
    assert all(moved + path in error["error"] for path in ("sitemap.xml", "feed/", "nieuws")), error


def test_a_site_of_which_one_registry_address_answers_404_keeps_that_error_alone(tmp_path):
    """Only the site's feed is gone, its sitemap answers: the feed's 404 is its own error, as before, and the
    site's items are archived through its sitemap."""
    routes = {"/robots.txt": ROBOTS, "/sitemap.xml": urlset({SLUG: "2021-10-20"}), SLUG: split_page(S1_OPENING, "")}
    archive = tmp_path / "archive.db"
    with serve(routes) as base, serve({**routes, SLUG: split_page(S1_OPENING, "", head="<!-- the other site -->")}) \
            as other:
        crawl = crawl_news(two_sites(tmp_path, base, other), archive)
    assert crawl.returncode == ExitCode.PARTIAL, crawl.stderr[-3000:]
    db = sqlite_utils.Database(archive)
    assert sorted(a["url"] for a in db["articles"].rows) == sorted([base + SLUG[1:], other + SLUG[1:]])
    assert sorted(json.loads(next(db["crawls"].rows)["errors"]), key=lambda e: e["url"]) == [  # in the order answered
        {"url": other + "feed/", "error": "request failed: HTTP 404"},
        {"url": other + "nieuws", "error": "request failed: HTTP 404"}]
