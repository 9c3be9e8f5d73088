"""The news spider, twenty-fifth pass against docs/reference/news-sites.md as an evaluator would test it: a site
added to the registry (``sources.yaml``) by a user who gave the page where the site shows its "RSS", crawled with
``tenderarchive crawl news`` over loopback into a real archive (SYNTHETIC pages, labelled like tests/fixtures/news;
the item's text is seed [S1]'s opening, verbatim)."""

from __future__ import annotations

import json

import sqlite_utils

from tenderarchive.exitcodes import ExitCode
from tests import forkcli
from tests.conftest import ROOT
from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, redirecting, registry
from tests.spiders.test_news_reference19 import S1_OPENING, split_page

SLUG = "/nieuws/nieuwe-manier-van-samenwerken/"


def news_page(head: str) -> tuple[str, bytes]:
    """A SYNTHETIC news overview whose ``<head>`` holds ``head`` (its feed autodiscovery links) and whose body links
    no item (the items are named by the feed only)."""
    return ("text/html; charset=utf-8", (
        "<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'>"
        f"<title>Nieuws - Gemeente Voorbeeld</title>{head}</head><body><main><h1>Nieuws</h1>"
        "<p>Het laatste nieuws van de gemeente.</p></main></body></html>").encode())


def feed(base: str) -> tuple[str, bytes]:
    return ("application/rss+xml; charset=UTF-8", (
        "<?xml version='1.0' encoding='UTF-8'?><!-- SYNTHETIC --><rss version='2.0'><channel><title>Nieuws</title>"
        f"<item><title>Nieuwe manier van samenwerken</title><link>{base}{SLUG[1:]}</link>"
        "<pubDate>Wed, 20 Oct 2021 09:00:00 +0200</pubDate></item></channel></rss>").encode())


ADVERTISED = ("<link rel='alternate' type='application/rss+xml' title='Gemeente Voorbeeld &raquo; Feed' "
              "href='/nieuws/rss'>"
              "<link rel='alternate' type='application/rss+xml' title='Gemeente Voorbeeld &raquo; Reacties feed' "
              "href='/comments/feed/'>")


def crawl(tmp_path, routes: dict, redirects: dict, feeds: list[str]):
    log: list = []
    server, base = redirecting({"/robots.txt": ROBOTS, SLUG: split_page(S1_OPENING, ""), **routes}, redirects, log)
    try:
        done = crawl_news(registry(tmp_path, base_url=base, allow=["^/nieuws/"], discovery={"feeds": feeds}),
                          tmp_path / "archive.db")
    finally:
        server.shutdown()
    db = sqlite_utils.Database(tmp_path / "archive.db")
    return done, base, db, log


def test_a_feed_address_answering_a_page_that_names_its_feed_is_read_through_that_feed(tmp_path):
    """A user adding a site gives the page where it shows its RSS (``feeds: [nieuws]``), or the site moved its feed
    and its old address sends to the news page: that page names its feed in its head (feed autodiscovery, as every
    feed reader reads it). The crawl recorded "no feed: the address answered an HTML page" on every run, partial,
    and none of the feed's items was found. The feed it names is read (its comments feed is not), the item archived,
    the crawl complete, and its replay (``reparse``) reads the same."""
    routes = {"/nieuws": news_page(ADVERTISED), "/nieuws/rss": feed}
    done, base, db, log = crawl(tmp_path, routes, {}, ["nieuws"])
    assert done.returncode == 0, done.stderr[-3000:]
    assert next(db["crawls"].rows)["status"] == "complete"
    assert [a["url"] for a in db["articles"].rows] == [base + SLUG[1:]]
    assert "/comments/feed/" not in log
    rebuilt = forkcli.run(["reparse", "--db", str(tmp_path / "archive.db")], cwd=ROOT, timeout=300)  # server gone
    assert rebuilt.returncode == 0, rebuilt.stderr[-3000:]
    assert [a["url"] for a in sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows] == [base + SLUG[1:]]


def test_a_feed_moved_behind_a_redirect_to_the_news_page_is_read_at_its_new_address(tmp_path):
    routes = {"/nieuws": news_page(ADVERTISED), "/nieuws/rss": feed}
    done, base, db, _ = crawl(tmp_path, routes, {"/feed/": "/nieuws"}, ["feed/"])
    assert done.returncode == 0, done.stderr[-3000:]
    assert [a["url"] for a in db["articles"].rows] == [base + SLUG[1:]]


def test_a_page_that_names_only_the_feed_that_sent_it_there_or_another_sites_is_still_no_feed(tmp_path):
    """A plugin switching feeds off sends ``/feed/`` to the home page, which still names ``/feed/`` (or a feed of
    another host): nothing is asked again in a loop, and the registry's feed is the error it was."""
    head = ("<link rel='alternate' type='application/rss+xml' href='/feed/'>"
            "<link rel='alternate' type='application/atom+xml' href='https://example.org/feed.atom'>")
    done, base, db, log = crawl(tmp_path, {"/": news_page(head)}, {"/feed/": "/"}, ["feed/"])
    assert done.returncode == ExitCode.FAILED, done.stderr[-3000:]  # the site's one discovery address read nothing
    errors = json.loads(next(db["crawls"].rows)["errors"])
    assert [(e["url"], e["error"]) for e in errors] == [
        (f"{base}feed/", f"no feed: the address answered an HTML page at {base} ('Nieuws - Gemeente Voorbeeld')")]
    assert log.count("/feed/") == 1


def test_a_feed_a_page_names_that_answers_an_html_page_too_names_the_registrys_feed(tmp_path):
    """The page names a feed that the site switched off too (it answers the home page): the error says which
    registry feed led there, not only the address the page named."""
    head = "<link rel='alternate' type='application/rss+xml' href='/?feed=rss2'>"
    done, base, db, log = crawl(tmp_path, {"/nieuws": news_page(head), "/": news_page("")},
                                {"/?feed=rss2": "/"}, ["nieuws"])
    errors = json.loads(next(db["crawls"].rows)["errors"])
    assert [(e["url"], e["error"]) for e in errors] == [
        (f"{base}?feed=rss2", f"no feed: the address answered an HTML page at {base} ('Nieuws - Gemeente Voorbeeld'); "
                              f"the page that the registry's feed {base}nieuws answered named it as its feed")]
    assert log.count("/?feed=rss2") == 1
