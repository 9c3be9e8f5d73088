"""The news spider, fifty-first pass against docs/reference/news-sites.md as an evaluator would test it: one host's
sitemap that one registry entry names (``/sitemap.xml``, §2.1 TYPO3's and Drupal's usual address) while another
reaches it through the ``Sitemap:`` line of robots.txt (§2.1: "``/sitemap.xml``, or the ``Sitemap:`` line in
``robots.txt``"), a region's news on a municipality's site (§1 [S0]). Loopback sites of SYNTHETIC pages (labelled
like tests/fixtures/news) around real texts, crawled with ``tenderarchive crawl news`` into a real archive."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import pytest
import sqlite_utils
import yaml

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import serve
from tests.spiders.test_news_reference47 import SLUG
from tests.spiders.test_news_reference48 import ROUTES


def slowed(route, answers: list, which: int):
    """``route`` answering its ``which``-th request (0: the first) a second late: the order of two answers fixed."""

    def answer(base: str):
        answers.append(None)
        if len(answers) - 1 == which:
            time.sleep(1.0)
        return route(base)

    return answer


@pytest.mark.parametrize("slow", ["robots.txt", "first sitemap answer"])
@pytest.mark.parametrize("region_reads", ["robots.txt", "sitemap"], ids=["region via robots.txt", "region names it"])
@pytest.mark.parametrize("region_first", [False, True], ids=["municipality first", "region first"])
def test_a_sitemap_one_entry_names_and_another_reaches_through_robots_txt_gives_each_page_to_its_own_entry(
        tmp_path, region_first, region_reads, slow):
    """The municipality's entry (its base the site's root) and its region's (its base ``/regio/``) read one sitemap,
    one naming ``/sitemap.xml``, the other through robots.txt's ``Sitemap:`` line. The region's item goes to the
    region's entry and the municipality's to the municipality's, whichever answer is parsed first (robots.txt held
    back, or the first answer of the sitemap): each page is asked once, so the entry whose sitemap answer came first
    took every page its rules allowed, the region's item archived as the municipality's (its site, municipalities)."""
    routes = dict(ROUTES)
    if slow == "robots.txt":
        routes["/robots.txt"] = slowed(ROUTES["/robots.txt"], [], 0)
    else:
        routes["/sitemap.xml"] = slowed(ROUTES["/sitemap.xml"], [], 0)
    with serve(routes) as base:
        entries = [{"name": "gemeente", "title": "Gemeente (synthetic)", "base_url": base,
                    "municipalities": ["Leiderdorp"], "allow": ["^/"]},
                   {"name": "regio", "title": "Regio (synthetic)", "base_url": base + "regio/",
                    "municipalities": ["Leiden", "Leiderdorp", "Oegstgeest", "Zoeterwoude"], "allow": ["^/"]}]
        named, robots = {"sitemaps": [base + "sitemap.xml"]}, {"robots_sitemaps": True}
        entries[0]["discovery"], entries[1]["discovery"] = (named, robots) if region_reads == "robots.txt" \
            else (robots, named)
        for entry in entries:
            entry["politeness"] = {"download_delay": 0, "concurrency": 4}
        path = tmp_path / "sources.yaml"
        path.write_text(yaml.safe_dump({"version": 1, "sites": entries[::-1] if region_first else entries},
                                       allow_unicode=True), encoding="utf-8")
        done = crawl_news(str(path), tmp_path / "archive.db")
    assert done.returncode == 0, done.stderr[-3000:]
    rows = sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows
    sites = {urlsplit(r["url"]).path: r["site"] for r in rows}
    assert sites == {f"/regio/{SLUG}": "regio", "/nieuws/raad": "gemeente"}
