"""Saved searches that date an undated news page by when the archive first read it, round 71: a page a later crawl
finds at a new address, by real crawls of a loopback site into a real archive, served by real Datasette. The pages
are SYNTHETIC.

Round 69 read ``first_seen`` as of the moment the crawl that first read a page read it (``TENDERARCHIVE_NOW``), from
the page's own row. A page moved to a new address (its old one gone, its text and title the same) is written again,
unchanged, by the crawl that finds it there: its row's ``fetched_at`` and ``crawl_id`` are that crawl's and no
version keeps the first. ``first_seen`` then fell back to the first fetch in ``fetches``: the machine's time, so a
page a crawl as of 2021-03-05 read was first seen in the machine's week. The first fetch's crawl records the moment it
ran as (``crawls.arguments.now``), which is read instead."""

from __future__ import annotations

import json
import os

import sqlite_utils

from tests import forkcli
from tests.conftest import FAST, ROOT
from tests.datasette.archive_fixtures import Server
from tests.datasette.test_saved_searches_round69 import undated_page
from tests.spiders.test_news_reference import ROBOTS, registry, serve
from tests.spiders.test_news_reference6 import listing_of

OLD, NEW = "/nieuws/aanbesteding-jeugdhulp", "/actueel/aanbesteding-jeugdhulp"


def crawl_as_of(path, db, now):
    return forkcli.run(["crawl", "news", "--sources", path, "--db", str(db), *FAST, "--from-date", "2021-02-01"],
                       cwd=ROOT, timeout=240, env=dict(os.environ, TENDERARCHIVE_NOW=now))


def test_an_undated_page_moved_to_a_new_address_is_first_seen_when_its_first_crawl_read_it(tmp_path):
    """An undated page read by a crawl as of 2021-03-05 12:00 and found by the next, as of 2021-03-08, at a new
    address (the old one gone) stays one page under its first address, and ``new_this_week`` as of 2021-03-09 lists it
    first seen on 2021-03-05, the day its first crawl ran as; not on the machine's day of that crawl's fetch."""
    title = "Aanbesteding specialistische jeugdhulp"
    routes = {"/robots.txt": ROBOTS, "/nieuws": listing_of(OLD), OLD: undated_page(title)}
    db = tmp_path / "archive.db"
    with serve(routes, []) as base:
        path = registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}},
                        allow=["^/nieuws/", "^/actueel/"])
        first = crawl_as_of(path, db, "2021-03-05T12:00")
        del routes[OLD]
        routes.update({"/nieuws": listing_of(NEW), NEW: undated_page(title)})
        second = crawl_as_of(path, db, "2021-03-08T12:00")
    assert [first.returncode, second.returncode] == [0, 0], second.stdout + second.stderr[-3000:]
    archive = sqlite_utils.Database(db)
    [article] = archive.query("select url, source_url, published, fetched_at, crawl_id from articles")
    assert (article["url"].removeprefix(base.rstrip("/")), article["source_url"].removeprefix(base.rstrip("/"))) \
        == (OLD, NEW)
    assert article["published"] is None and article["fetched_at"].startswith("2021-03-08")
    assert all(not r["fetched_at"].startswith("2021") for r in archive["fetches"].rows)  # the machine's fetches

    server = Server(db, env={"TENDERARCHIVE_NOW": "2021-03-09T12:00"})
    try:
        listed = {r["source_key"]: r for r in json.loads(server.get(
            f"/{server.database}/new_this_week.json?_shape=array"))}
    finally:
        server.stop()
    assert listed[article["url"]]["first_seen"] == "2021-03-05"

    # a reparse on the machine's clock replays both crawls as of their moments, and records them again: the same
    rebuilt = forkcli.run(["reparse", "--db", str(db)], cwd=ROOT, timeout=300,
                          env={k: v for k, v in os.environ.items() if k != "TENDERARCHIVE_NOW"})
    assert rebuilt.returncode == 0, rebuilt.stdout + rebuilt.stderr[-3000:]
    assert [json.loads(r["arguments"]).get("now") for r in archive.query("select arguments from crawls order by crawl_id")] \
        == ["2021-03-05T11:00:00+00:00", "2021-03-08T11:00:00+00:00"]
    again = Server(db, env={"TENDERARCHIVE_NOW": "2021-03-09T12:00"})
    try:
        listed = {r["source_key"]: r for r in json.loads(again.get(
            f"/{again.database}/new_this_week.json?_shape=array"))}
    finally:
        again.stop()
    assert listed[article["url"]]["first_seen"] == "2021-03-05"
