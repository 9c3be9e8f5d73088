"""A crawl's day from the product's clock, round 67, by real crawls of loopback servers into a real archive. The
records and pages are SYNTHETIC.

Round 66 fixed the TenderNed spider's today once from ``clock.now()`` (``TENDERARCHIVE_NOW``) as it starts
(tests/spiders/test_tenderned_round66.py). Here: the news spider's today is fixed so too, and when a page was
fetched, where no raw store says, is the clock's; and the next incremental window judges "a crawl lists nothing
published after it ran" by the day the crawl ran as (``today`` in its ``crawls.arguments``), not by
``crawls.started``, the machine's time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date

import sqlite_utils

from tests import forkcli
from tests.conftest import FAST, ROOT
from tests.spiders.test_news_reference import ROBOTS, registry, serve
from tests.spiders.test_news_reference5 import undated_page
from tests.spiders.test_tenderned import _many
from tests.spiders.test_tenderned_round66 import MIDNIGHT, crawl_as_of


def rss(base: str, items) -> tuple[str, bytes]:
    """A SYNTHETIC RSS feed of ``items`` ((slug, pubDate) under ``/nieuws/``)."""
    entries = "".join(f"<item><title>{slug}</title><link>{base}nieuws/{slug}</link><pubDate>{when}</pubDate></item>"
                      for slug, when in items)
    return ("application/rss+xml; charset=UTF-8", (
        '<?xml version="1.0" encoding="UTF-8"?><!-- SYNTHETIC --><rss version="2.0"><channel><title>Nieuws'
        f"</title><link>{base}</link>{entries}</channel></rss>").encode())


def test_a_news_crawl_without_the_raw_store_reads_relative_dates_against_the_clock(tmp_path):
    """With the raw store off (``WARC_STORE_ENABLED=False``: no ``fetched_at`` in a response's meta), when a feed was
    read is the crawl's now, the product's clock's (``TENDERARCHIVE_NOW``), as its today is. It was the machine's
    (``datetime.now``): a crawl as of 2021-03-05 dated "2 dagen geleden" years later, and fetched an item "200 dagen
    geleden" (2020-08-17) for its ``--from-date 2021-02-01``."""
    log: list[str] = []
    items = (("gunning-jeugdhulp", "2 dagen geleden"), ("marktconsultatie-jeugdhulp", "200 dagen geleden"))
    routes = {"/robots.txt": ROBOTS, "/feed/": lambda base: rss(base, items),
              "/nieuws/gunning-jeugdhulp": undated_page("Voorlopige gunning jeugdhulp"),
              "/nieuws/marktconsultatie-jeugdhulp": undated_page("Marktconsultatie jeugdhulp")}
    db = tmp_path / "archive.db"
    with serve(routes, log) as base:
        path = registry(tmp_path, base_url=base, discovery={"feeds": ["feed/"]}, allow=["^/nieuws/"])
        result = forkcli.run(["crawl", "news", "--sources", path, "--db", str(db), *FAST, "--from-date", "2021-02-01",
                              "-s", "WARC_STORE_ENABLED=False"], cwd=ROOT, timeout=240,
                             env=dict(os.environ, TENDERARCHIVE_NOW="2021-03-05T12:00"))
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    assert "/nieuws/marktconsultatie-jeugdhulp" not in log
    archive = sqlite_utils.Database(db)
    assert [(r["title"], r["published"]) for r in archive["articles"].rows] == [
        ("Voorlopige gunning jeugdhulp", "2021-03-03")]
    [crawl] = archive.query("select arguments from crawls")
    assert json.loads(crawl["arguments"])["today"] == "2021-03-05"


def test_a_news_crawl_across_midnight_judges_by_the_day_it_started(tmp_path):
    """A page archived at 23:59 whose feed dates its last change that day (day precision) has not changed since its
    fetch while that day lasts (``changed_since``: the fetch's own day counts once it is over). A crawl started at
    23:59 read its feed after midnight and asked the clock again: the day was over, the page fetched again, where
    the crawl's replay and reparse (``CRAWL_DATE``: its start) judge by the day it started and do not ask it. One
    day per crawl, as the TenderNed spider's (round 66)."""
    log: list[str] = []
    marker, never = tmp_path / "midnight", tmp_path / "never"

    def feed(base):
        if log.count("/feed/") == 2:  # the second crawl's feed is answered after midnight
            marker.touch()
        return rss(base, [("gunning-jeugdhulp", "Fri, 05 Mar 2021")])

    routes = {"/robots.txt": ROBOTS, "/feed/": feed,
              "/nieuws/gunning-jeugdhulp": undated_page("Voorlopige gunning jeugdhulp")}
    db = tmp_path / "archive.db"
    env = {name: value for name, value in os.environ.items() if name != "TENDERARCHIVE_NOW"}
    results = []
    with serve(routes, log) as base:
        path = registry(tmp_path, base_url=base, discovery={"feeds": ["feed/"]}, allow=["^/nieuws/"])
        command = ["crawl", "news", "--sources", path, "--db", str(db), *FAST, "--from-date", "2021-03-01"]
        for flag in (never, marker):  # the first crawl all at 23:59; the second across midnight
            results.append(subprocess.run([sys.executable, "-c", MIDNIGHT, flag, "2021-03-05", *map(str, command)],
                                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300))
    assert [r.returncode for r in results] == [0, 0], results[-1].stderr[-3000:]
    assert marker.exists()
    assert log.count("/nieuws/gunning-jeugdhulp") == 1
    [crawl] = sqlite_utils.Database(db).query("select arguments from crawls order by crawl_id desc limit 1")
    assert json.loads(crawl["arguments"])["today"] == "2021-03-05"


def test_the_next_window_starts_from_the_day_the_crawl_before_ran_as(snapshot, serve_api, tmp_path):
    """A complete crawl as of 2021-10-20 (``TENDERARCHIVE_NOW``) with an ``--until-date`` ahead (2021-12-31) listed
    nothing published after 2021-10-20: the next incremental run (as of 2021-10-27, no window) continues from that
    day less the overlap. The rule read ``crawls.started``, the machine's time (years later): the window began at its
    own until_date, 2021-10-27, the days between never listed. The crawl records its day (``today``)."""
    server = serve_api(_many(snapshot, days=8, per_day=1, start=date(2021, 10, 20)))
    db = tmp_path / "archive.db"
    first = crawl_as_of(server.api_url, db, "--from-date", "2021-10-01", "--until-date", "2021-12-31",
                        now="2021-10-20T12:00")
    assert first.returncode == 0, first.stdout + first.stderr
    second = crawl_as_of(server.api_url, db, now="2021-10-27T12:00")
    assert second.returncode == 0, second.stdout + second.stderr
    rows = list(sqlite_utils.Database(db).query("select arguments, status from crawls order by crawl_id"))
    arguments = [json.loads(row["arguments"]) for row in rows]
    assert [row["status"] for row in rows] == ["complete", "complete"]
    assert [a["today"] for a in arguments] == ["2021-10-20", "2021-10-27"]
    assert date.fromisoformat(arguments[1]["from_date"]) < date(2021, 10, 20)
    assert arguments[1]["until_date"] == "2021-10-27"


def test_an_older_crawl_without_its_day_is_judged_by_when_it_started():
    """A crawl recorded before it kept its ``today`` (an older archive's) is judged by the Amsterdam day of its
    ``started``, as before; its recorded day, where it has one, wins; ``today`` is no scope (a crawl covers
    another whatever day each ran)."""
    from tenderarchive.store.queries import _covers, _window, ran_on

    assert ran_on({}, "2021-10-19T22:30:00+00:00") == date(2021, 10, 20)
    assert ran_on({"today": "2021-10-20"}, "2026-12-07T08:00:00+00:00") == date(2021, 10, 20)
    assert ran_on({"today": "not a day"}, "2021-10-20T08:00:00+00:00") == date(2021, 10, 20)
    later = {"from_date": "2021-10-01", "until_date": "2021-12-31", "today": "2021-10-27"}
    earlier = {"from_date": "2021-10-10", "until_date": "2021-10-20", "today": "2021-10-20"}
    assert _window(later, "2026-12-07T08:00:00+00:00") == (date(2021, 10, 1), date(2021, 10, 27))
    assert _covers((later, _window(later, None)), (earlier, _window(earlier, None)))
