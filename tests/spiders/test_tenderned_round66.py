"""TenderNed API conformance, round 66, by real crawls of the loopback API (tenderarchive/apiserver.py) into a real
archive. The records are SYNTHETIC.

A crawl's today is the product's: ``TENDERARCHIVE_NOW`` (tenderarchive/clock.py), which ``status``, ``serve`` and
``export`` already took for now, fixes the day a crawl's default ``--until-date`` (and so its default window and the
re-check of open notices, ``until_date`` minus the margin) and its "today's list still changes" rule see. The crawl
took them from the machine's clock: run as of another day, it listed the machine's week and judged the window reaching
the day it was told as a past one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date

import sqlite_utils

from tests import forkcli
from tests.conftest import FAST, ROOT
from tests.spiders.test_tenderned import _many

NOW = "2021-03-05T12:00"  # Amsterdam's (no offset): the day the crawl runs as


def crawl_as_of(api_url, db, *args, now=NOW):
    """``tenderarchive crawl tenderned ARGS`` as its own process with ``TENDERARCHIVE_NOW=now`` (no window given
    unless ``args`` give one)."""
    env = dict(os.environ, TENDERARCHIVE_NOW=now)
    return forkcli.run(["crawl", "tenderned", "--db", db, "--api-url", api_url, *FAST, *args], cwd=ROOT, env=env)


def test_a_crawl_with_no_window_lists_the_week_up_to_the_clocks_day(snapshot, serve_api, tmp_path):
    """No ``--until-date``: the default is today, the clock's (``TENDERARCHIVE_NOW``), and the window the seven days
    before it; the notices published after that day are not listed."""
    server = serve_api(_many(snapshot, days=8, per_day=2, start=date(2021, 3, 1)))
    db = tmp_path / "archive.db"
    result = crawl_as_of(server.api_url, db)
    assert result.returncode == 0, result.stdout + result.stderr
    archive = sqlite_utils.Database(db)
    [crawl] = archive.query("select arguments from crawls")
    arguments = json.loads(crawl["arguments"])
    assert (arguments["from_date"], arguments["until_date"]) == ("2021-02-26", "2021-03-05")
    published = sorted({row["published"][:10] for row in archive.query("select published from notices")})
    assert published == ["2021-03-01", "2021-03-02", "2021-03-03", "2021-03-04", "2021-03-05"]


def test_the_window_reaching_the_clocks_day_is_todays(snapshot, serve_api, tmp_path):
    """The list of the clock's day shifted while it was read (11 of 13 rows): today's list still changes, listed once
    more and excused (reference §12), as on the machine's own today; it was recorded as a past day's shortfall, the
    crawl partial."""
    server = serve_api(_many(snapshot, days=1, per_day=13, start=date(2021, 3, 5)), max_size=5, page_overlap=2)
    result = crawl_as_of(server.api_url, tmp_path / "archive.db", "-s", "TENDERNED_PAGE_SIZE=5",
                         "-s", "TENDERNED_FILTER_CHECK_MIN=1000", "--from-date", "2021-03-05")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "today's list still changes: not an error" in output


def test_a_bad_clock_is_refused_naming_it(snapshot, serve_api, tmp_path):
    """A ``TENDERARCHIVE_NOW`` that is no moment stops the crawl before any request (exit 2), naming the variable,
    as ``status``/``serve``/``export`` do; not a traceback."""
    server = serve_api(snapshot)
    result = crawl_as_of(server.api_url, tmp_path / "archive.db", now="yesterday")
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr == ("tenderarchive: TENDERARCHIVE_NOW='yesterday' is not an ISO 8601 date and time "
                             "(YYYY-MM-DDTHH:MM)\n")
    assert server.api.log == []


def test_the_next_nights_crawl_re_checks_the_open_notices_of_the_clocks_day(snapshot, serve_api, tmp_path):
    """The re-check of archived open notices (deadline plus ``TENDERNED_RECHECK_MARGIN_DAYS`` not past) is judged
    against the crawl's ``until_date``, by default the clock's today: contract notice 300301 (deadline 2021-11-15),
    archived by a crawl as of 2021-10-20, is still open the next week and its detail is asked again; judged by the
    machine's day it was closed years ago and never re-checked, its rectified deadline or documents never read."""
    server = serve_api(snapshot)
    db = tmp_path / "archive.db"
    detail = "/papi/tenderned-rs-tns/v2/publicaties/300301"
    first = crawl_as_of(server.api_url, db, "--from-date", "2021-10-01", now="2021-10-20T23:00")
    assert first.returncode == 0, first.stdout + first.stderr
    assert server.api.log.count(detail) == 1
    second = crawl_as_of(server.api_url, db, now="2021-10-27T06:00")  # the window from the crawl before
    assert second.returncode == 0, second.stdout + second.stderr
    assert server.api.log.count(detail) == 2


#: A process whose clock (``datetime.now``) reads 23:59 of DAY (its second argument, Amsterdam's) until the file
#: MARKER (its first) exists, then 00:01 of the day after: a crawl that runs across midnight. Every module imports
#: ``datetime`` after the driver replaced it (as tests/test_reparse_dates.py's LATER).
MIDNIGHT = """
import datetime, os, sys
from zoneinfo import ZoneInfo

_real = datetime.datetime

class Midnight(_real):
    @classmethod
    def now(cls, tz=None):
        day = _real.fromisoformat(sys.argv[2]).replace(hour=23, minute=59, tzinfo=ZoneInfo("Europe/Amsterdam"))
        moment = day + datetime.timedelta(minutes=2) if os.path.exists(sys.argv[1]) else day
        return moment.astimezone(tz) if tz is not None else moment.astimezone().replace(tzinfo=None)

datetime.datetime = Midnight
from tenderarchive.cli import main
sys.exit(main(sys.argv[3:]))
"""


def test_a_crawl_across_midnight_judges_its_window_by_the_day_it_started(snapshot, serve_api, tmp_path):
    """A crawl started at 23:59 with no window lists that day (its default ``--until-date``), whose list shifted while
    it was read (11 of 13 rows): a list read while it was today, listed once more and excused (reference §12), as
    the crawl's replay (``CRAWL_DATE``: its WARC file's start) and its reparse judge it. Its pages came after
    midnight and the crawl asked the clock again: the day was yesterday, a past day's shortfall recorded, the crawl
    partial (exit 3), and its reparse complete, another outcome for the same responses. One day per crawl: the one
    it started on, that its default window was taken from."""
    marker = tmp_path / "midnight"

    def after_midnight(envelope, params):  # the first list page is answered after midnight
        marker.touch()
        return envelope

    server = serve_api(_many(snapshot, days=1, per_day=13, start=date(2021, 3, 5)), max_size=5, page_overlap=2,
                       envelope=after_midnight)
    db = tmp_path / "archive.db"
    command = ["crawl", "tenderned", "--db", db, "--api-url", server.api_url, *FAST, "--from-date", "2021-03-05",
               "-s", "TENDERNED_PAGE_SIZE=5", "-s", "TENDERNED_FILTER_CHECK_MIN=1000"]
    env = {name: value for name, value in os.environ.items() if name != "TENDERARCHIVE_NOW"}
    result = subprocess.run([sys.executable, "-c", MIDNIGHT, marker, "2021-03-05", *map(str, command)], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=300)
    output = result.stdout + result.stderr
    assert marker.exists()
    assert result.returncode == 0, output[-3000:]
    assert "today's list still changes: not an error" in output
    [crawl] = sqlite_utils.Database(db).query("select arguments, status from crawls")
    assert crawl["status"] == "complete" and json.loads(crawl["arguments"])["until_date"] == "2021-03-05"


def test_a_crawl_whose_until_date_is_ahead_re_checks_what_is_open_today(snapshot, serve_api, tmp_path):
    """An ``--until-date`` ahead of today (a crawl asked "up to the end of the month", or a cron line with a far date):
    a crawl lists nothing published after it ran, and a notice is open while its deadline plus the margin is not
    past, as of when the crawl runs. The re-check was judged against the ``until_date`` itself: contract notice
    300301 (deadline 2021-11-15), archived on 2021-10-20, was taken for closed by a crawl of 2021-10-27 up to
    2021-12-31 (before 2021-12-17) and not re-checked, weeks before it closed, its rectified deadline or nota van
    inlichtingen not read. Judged by the earlier of the two days, it is asked again."""
    server = serve_api(snapshot)
    db = tmp_path / "archive.db"
    detail = "/papi/tenderned-rs-tns/v2/publicaties/300301"
    first = crawl_as_of(server.api_url, db, "--from-date", "2021-10-01", now="2021-10-20T12:00")
    assert first.returncode == 0, first.stdout + first.stderr
    assert server.api.log.count(detail) == 1
    ahead = crawl_as_of(server.api_url, db, "--from-date", "2021-10-26", "--until-date", "2021-12-31",
                        now="2021-10-27T12:00")
    assert ahead.returncode == 0, ahead.stdout + ahead.stderr
    assert server.api.log.count(detail) == 2
