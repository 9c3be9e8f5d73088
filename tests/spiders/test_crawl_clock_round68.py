"""The product's clock in the raw store and reparse, round 68, by real crawls of loopback servers into a real archive
and real reparses of its WARC store. The pages are SYNTHETIC.

Round 67 read a feed's relative dates against the crawl's now (``TENDERARCHIVE_NOW``) with the raw store off
(tests/spiders/test_crawl_day_round67.py). With it on (the default), a response's ``fetched_at`` was the machine's
time, the WARC-Date, and a crawl as of another day read "2 dagen geleden" (in a feed, and on the page) against the
machine's day, and so did its reparse; the reparse re-recorded the crawl's ``today`` from the WARC-Date too. Now the
raw store keeps the machine's time as its evidence (WARC-Date, ``fetches.fetched_at``), and a page is read as of the
crawl's now: the moment ``TENDERARCHIVE_NOW`` fixed, recorded in the WARC file's warcinfo (``now``), which a reparse
or a replay reads it against again."""

from __future__ import annotations

import json
import os
from datetime import date, datetime, timezone

import sqlite_utils

from tests import forkcli
from tests.conftest import FAST, ROOT
from tests.spiders.test_crawl_day_round67 import rss
from tests.spiders.test_news_reference import ROBOTS, registry, serve
from tests.spiders.test_news_reference5 import HTML


def stated_page(title: str, stated: str) -> tuple[str, bytes]:
    """A SYNTHETIC news item whose only date is a relative one it states (``stated``: "3 dagen geleden")."""
    return (HTML, f"""<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>{title}</title>
<meta name="tenderarchive-fixture" content="synthetic"></head><body><main><article><h1>{title}</h1>
<p class="meta">Geplaatst: {stated}</p>
<p>De regio heeft de aanbesteding van specialistische jeugdhulp voorlopig gegund aan drie aanbieders.
Aanbieders die niet zijn gegund kunnen binnen twintig dagen bezwaar maken.</p></article></main></body></html>""".encode())


def without_clock() -> dict:
    return {name: value for name, value in os.environ.items() if name != "TENDERARCHIVE_NOW"}


def articles(db) -> list[tuple]:
    return sorted((r["title"], r["published"], r["fetched_at"]) for r in sqlite_utils.Database(db)["articles"].rows)


def test_a_crawl_as_of_another_day_reads_its_pages_against_that_day_with_the_raw_store_and_on_reparse(tmp_path):
    """A news crawl as of 2021-03-05 12:00 (``TENDERARCHIVE_NOW``) with the raw store on: the feed's "2 dagen
    geleden" is 2021-03-03 and its "200 dagen geleden" before ``--from-date`` (not fetched), the page's "3 dagen
    geleden" 2021-03-02; the archive's rows were fetched as of that moment, the raw store's records when the machine
    fetched them. A reparse, run on the machine's day without the variable, reads them the same and keeps the crawl's
    day (``today``). Before: dates of the machine's week, the old item fetched, and the reparse's today the
    WARC-Date's."""
    log: list[str] = []
    items = (("gunning-jeugdhulp", "2 dagen geleden"), ("marktconsultatie-jeugdhulp", "200 dagen geleden"))
    routes = {"/robots.txt": ROBOTS, "/feed/": lambda base: rss(base, items),
              "/nieuws/gunning-jeugdhulp": stated_page("Voorlopige gunning jeugdhulp", "3 dagen geleden"),
              "/nieuws/marktconsultatie-jeugdhulp": stated_page("Marktconsultatie jeugdhulp", "1 dag geleden")}
    db = tmp_path / "archive.db"
    began = datetime.now(timezone.utc).replace(microsecond=0)
    with serve(routes, log) as base:
        path = registry(tmp_path, base_url=base, discovery={"feeds": ["feed/"]}, allow=["^/nieuws/"])
        result = forkcli.run(["crawl", "news", "--sources", path, "--db", str(db), *FAST, "--from-date", "2021-02-01"],
                             cwd=ROOT, timeout=240, env=dict(os.environ, TENDERARCHIVE_NOW="2021-03-05T12:00"))
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    assert "/nieuws/marktconsultatie-jeugdhulp" not in log
    crawled = articles(db)
    assert [(title, published) for title, published, _ in crawled] == [("Voorlopige gunning jeugdhulp", "2021-03-02")]
    assert crawled[0][2] == "2021-03-05T11:00:00+00:00"  # as of the crawl's moment (12:00 in Amsterdam, CET)
    archive = sqlite_utils.Database(db)
    fetched = [datetime.fromisoformat(r["fetched_at"]) for r in archive["fetches"].rows]
    assert fetched and all(moment >= began for moment in fetched)  # the evidence: when the machine fetched them
    [crawl] = archive.query("select arguments from crawls")
    assert json.loads(crawl["arguments"])["today"] == "2021-03-05"

    rebuilt = forkcli.run(["reparse", "--db", str(db)], cwd=ROOT, timeout=300, env=without_clock())
    assert rebuilt.returncode == 0, rebuilt.stdout + rebuilt.stderr[-3000:]
    assert articles(db) == crawled
    archive = sqlite_utils.Database(db)
    [crawl] = archive.query("select arguments from crawls")
    assert json.loads(crawl["arguments"])["today"] == "2021-03-05"
    assert sorted(datetime.fromisoformat(r["fetched_at"]) for r in archive["fetches"].rows) == sorted(fetched)

    [warc] = (tmp_path / "warc").glob("news-*.warc.gz")  # a replay of its file reads it so too
    replayed = forkcli.run(["crawl", "news", "--replay", str(warc), "--sources", path, "--db",
                            str(tmp_path / "replayed.db")], cwd=ROOT, timeout=240, env=without_clock())
    assert replayed.returncode == 0, replayed.stdout + replayed.stderr[-3000:]
    assert articles(tmp_path / "replayed.db") == crawled


def test_a_crawl_on_the_machines_clock_reads_its_pages_as_fetched(tmp_path):
    """Without ``TENDERARCHIVE_NOW`` nothing moves: a page is read as of when it was fetched (its WARC-Date), which
    its archived row names, and its day is the machine's."""
    log: list[str] = []
    routes = {"/robots.txt": ROBOTS,
              "/feed/": lambda base: rss(base, [("gunning-jeugdhulp", "2 dagen geleden")]),
              "/nieuws/gunning-jeugdhulp": stated_page("Voorlopige gunning jeugdhulp", "3 dagen geleden")}
    db = tmp_path / "archive.db"
    with serve(routes, log) as base:
        path = registry(tmp_path, base_url=base, discovery={"feeds": ["feed/"]}, allow=["^/nieuws/"])
        result = forkcli.run(["crawl", "news", "--sources", path, "--db", str(db), *FAST], cwd=ROOT, timeout=240,
                             env=without_clock())
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    archive = sqlite_utils.Database(db)
    [(_, published, fetched_at)] = articles(db)
    [row] = archive.query("select fetched_at from fetches where url like '%/nieuws/gunning-jeugdhulp'")
    assert fetched_at == row["fetched_at"]
    assert date.fromisoformat(published) < datetime.fromisoformat(fetched_at).date()


def test_an_older_file_of_a_crawl_as_of_another_day_is_replayed_as_of_its_recorded_day():
    """A WARC file written before the crawl's moment was recorded (no ``now``) whose crawl recorded a ``today`` of
    another day than its start's (run under ``TENDERARCHIVE_NOW``, round 67) is replayed as of that day, at the hour
    its file began, its pages each as of their WARC-Date; a file of the day it began, or of no recorded day, as of
    its start; one that records its moment, as of it."""
    from tenderarchive.reparse import recorded_moments

    began = "2026-12-07T09:30:00Z"
    assert recorded_moments({"warc_date": began, "arguments": {"today": "2021-03-05"}}) == (
        "2021-03-05T10:30:00+01:00", None)
    assert recorded_moments({"warc_date": began, "arguments": {"today": "2026-12-07"}}) == (began, None)
    assert recorded_moments({"warc_date": began, "arguments": {}}) == (began, None)
    assert recorded_moments({"warc_date": began, "arguments": {"today": "no day"}}) == (began, None)
    moment = "2021-03-05T11:00:00+00:00"
    assert recorded_moments({"warc_date": began, "now": moment, "arguments": {"today": "2021-03-05"}}) == (
        moment, moment)


def test_a_tenderned_crawl_as_of_another_day_counts_a_notices_days_left_from_that_day(snapshot, serve_api, tmp_path):
    """A notice whose detail gives no closing date, only its countdown (``numberOfDaysBeforeAanmeldenInschrijven`` 30,
    reference §4), is open until the day it was fetched plus those days (``open_until``). A crawl as of 2021-10-20
    (``TENDERARCHIVE_NOW``) with the raw store on counted them from the machine's day (years later: a notice of 2021
    open in the machine's next month, re-checked by every crawl as of its own day), and its reparse did so too; now
    from the crawl's day, rebuilt the same."""
    from tests.conftest import by_id
    from tests.spiders.test_tenderned_round66 import crawl_as_of

    notice = by_id(snapshot, 300301)
    del notice["detail"]["sluitingsDatum"]
    notice["detail"]["numberOfDaysBeforeAanmeldenInschrijven"] = 30
    server = serve_api(snapshot)
    db = tmp_path / "archive.db"
    result = crawl_as_of(server.api_url, db, "--from-date", "2021-10-01", "--until-date", "2021-10-20",
                         now="2021-10-20T12:00")
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    row = sqlite_utils.Database(db)["notices"].get(300301)
    assert (row["open_until"], row["fetched_at"]) == ("2021-11-19", "2021-10-20T10:00:00+00:00")
    server.__exit__(None, None, None)
    rebuilt = forkcli.run(["reparse", "--db", str(db)], cwd=ROOT, timeout=300, env=without_clock())
    assert rebuilt.returncode == 0, rebuilt.stdout + rebuilt.stderr[-3000:]
    assert sqlite_utils.Database(db)["notices"].get(300301)["open_until"] == "2021-11-19"
