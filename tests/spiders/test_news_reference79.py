"""The news spider, seventy-ninth pass against docs/reference/news-sites.md as an evaluator would test it: a court
ruling's page crawled as a living page, and the host error's count of the requests a ``--jobdir`` crawl keeps for
the crawl that resumes it (loopback sites of SYNTHETIC pages, labelled like tests/fixtures/news, crawled with
``tenderarchive crawl news`` into a real archive)."""

from __future__ import annotations

import re

import sqlite_utils

from tests.spiders.test_news_reference9 import sitemap_of
from tests.spiders.test_news_reference17 import rss_feed
from tests.spiders.test_news_reference77 import down_then_resumed, listing as one_link
from tests.spiders.test_news_reference78 import (FACTS, HTML, PAGE, RULING, crawl_site_living, listing,
                                                 resumed_after_the_host_was_down)


def test_a_court_ruling_read_as_a_living_page_is_no_project_page(tmp_path):
    """§2.3 "court pages": rechtspraak.nl's ruling states ``Datum uitspraak`` and ``Datum publicatie``, "two different
    dates" -- a dated publication, never a page "updated in place" (§2.2's living pages, [S2], houten.nl). Named in
    the registry's ``living_pages`` (a ruling a site follows), it was typed ``project_page`` where found by a
    listing, feed or sitemap it is ``news``: its page type is the ruling's, whatever discovered it, its facts written
    as a definition list or as a table. A living page of no such shape stays a ``project_page``."""
    dl = "<dl>" + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in FACTS) + "</dl>"
    table = "<table>" + "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in FACTS) + "</table>"
    routes = {"/inziendocument/1": (HTML, RULING.format(n=1, facts=dl).encode()),
              "/inziendocument/2": (HTML, RULING.format(n=2, facts=table).encode()),
              "/project/jeugdhulp": PAGE}
    base = crawl_site_living(tmp_path, routes, ["inziendocument/1", "inziendocument/2", "project/jeugdhulp"])
    db = sqlite_utils.Database(tmp_path / "archive.db")
    types = {r["url"][len(base):]: (r["page_type"], r["is_living_page"]) for r in db["articles"].rows}
    assert types == {"inziendocument/1": ("news", 1), "inziendocument/2": ("news", 1),
                     "project/jeugdhulp": ("project_page", 1)}, types


def host_error(archive) -> str:
    return next(sqlite_utils.Database(archive).query("select errors from crawls order by crawl_id"))["errors"]


def not_asked_count(archive) -> int:
    """The host error's "(N not asked; the crawl resumed with --jobdir asks them)" count of the first crawl, 0 if
    it says none."""
    counts = re.findall(r"\((\d+) not asked; the crawl resumed with --jobdir asks them\)", host_error(archive))
    assert len(counts) <= 1, host_error(archive)
    return int(counts[0]) if counts else 0


def asked_again(resumed) -> int:
    """How many requests the resumed crawl asked from ``JOBDIR/requests.not_asked`` (its ``unreachable/asked_again``
    stat, in Scrapy's stats dump)."""
    found = re.search(r"'unreachable/asked_again': (\d+)", resumed.stderr)
    return int(found.group(1)) if found else 0


def test_the_host_errors_not_asked_count_is_what_the_resumed_crawl_asks_from_the_folder(tmp_path):
    """The host refuses every connection: its error says "(N not asked; the crawl resumed with --jobdir asks them)".
    The site's roots (news overview, feed, sitemap) are not kept in ``requests.not_asked`` (round 78: the resumed
    crawl asks them from its start), yet each was counted: "3 not asked" where the folder kept none (the living
    page's own request gave the host up, its errback's "(news page)" note tells of it). The count is what the
    resumed crawl asks from the folder."""
    routes = {"/nieuws": listing("/nieuws/inkoop-jeugdzorg"), "/nieuws/inkoop-jeugdzorg": PAGE,
              "/feed/": lambda base: rss_feed(base, {"/nieuws/inkoop-jeugdzorg": "Mon, 14 Dec 2020 08:55:00 +0100"}),
              "/sitemap.xml": sitemap_of("/nieuws/inkoop-jeugdzorg"), "/project/jeugdhulp": PAGE}
    down, resumed, asked, base, archive = resumed_after_the_host_was_down(
        tmp_path, routes, discovery={"listing": {"urls": ["nieuws"]}, "feeds": ["feed/"], "sitemaps": ["sitemap.xml"]},
        living_pages=["project/jeugdhulp"])
    assert down.returncode != 0 and resumed.returncode == 0, (down.stderr[-3000:], resumed.stderr[-3000:])
    assert not_asked_count(archive) == asked_again(resumed), (host_error(archive), asked)
    assert asked.count("/project/jeugdhulp") == 1, asked


def test_the_host_errors_not_asked_count_after_the_host_went_down_mid_listing(tmp_path):
    """The host answers the overview (its pager links pages 2 and 3, §2.1) and then refuses connections: page 2
    gives the host up; page 3 (asked again from the resumed crawl's start, through the overview) is not kept, the
    overview's article is. The error counts the article alone, as the resumed crawl asks it from the folder."""
    routes = {"/nieuws": listing("/nieuws/a", "/nieuws?page=2", "/nieuws?page=3"), "/nieuws/a": PAGE,
              "/nieuws?page=2": listing("/nieuws/b"), "/nieuws/b": PAGE, "/nieuws?page=3": listing("/nieuws/c"),
              "/nieuws/c": PAGE}
    down, resumed, asked, base, archive = resumed_after_the_host_was_down(
        tmp_path, routes, close_after="/nieuws", discovery={"listing": {"urls": ["nieuws"], "max_pages": 3}})
    assert down.returncode != 0 and resumed.returncode == 0, (down.stderr[-3000:], resumed.stderr[-3000:])
    assert not_asked_count(archive) == asked_again(resumed), (host_error(archive), asked)


def test_a_robots_txt_error_counts_no_root_as_not_asked(tmp_path):
    """robots.txt unreachable (``503``): the site's listing, a root the resumed crawl asks from its start, is not kept
    in ``requests.not_asked``; the error said "(1 not asked; the crawl resumed with --jobdir asks them)" of it, a
    request no crawl asked from the folder. Nothing kept, the error counts nothing."""
    log: list[str] = []
    routes = {"/nieuws": one_link("/nieuws/inkoop-jeugdzorg"), "/nieuws/inkoop-jeugdzorg": PAGE}
    asked_down, down, resumed, base, archive = down_then_resumed(
        tmp_path, routes, log, discovery={"listing": {"urls": ["nieuws"]}})
    assert asked_down == [] and down.returncode != 0, down.stderr[-3000:]
    error = host_error(archive)
    assert "robots.txt unreachable (HTTP 503)" in error and "not asked;" not in error, error
    assert not (tmp_path / "job" / "requests.not_asked").exists()
    assert resumed.returncode == 0 and sorted(log) == ["/nieuws", "/nieuws/inkoop-jeugdzorg", "/robots.txt"], log


def test_a_court_rulings_shape_is_read_in_linear_time():
    """The ruling's labels are looked for at line starts: 100 KB of near-labels (``Datum uitspraak`` with no
    ``Datum publicatie``, punctuation before a label) reads in linear time."""
    from tenderarchive.extraction.core import _is_court_ruling
    from tests.speed import LINEAR, linear_time

    assert not _is_court_ruling(["Datum uitspraak: 27-11-2020", "Zaaknummer: C/10/600000"])
    assert _is_court_ruling(["- Datum uitspraak: 27-11-2020", "- Datum publicatie: 30-11-2020"])
    assert linear_time(lambda text: _is_court_ruling(text.split("\n")), "- - Datum uitspraak datum\n") < LINEAR
