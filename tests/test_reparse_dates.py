"""A reparse on a later day rebuilds the archive the crawl made: where a spider judges by the day
(TenderNed's "today" window, news pages' dates after today, the living pages' re-check), a replayed
crawl judges by its own date (``CRAWL_DATE``: the start of its WARC file), not the day it is
rebuilt. The reparse runs in a process whose clock is days on (a driver script, as
tests/replay/test_direct_gc.py uses one); nothing else is faked."""

import subprocess
import sys
from datetime import timedelta

from tenderarchive.arguments import today as amsterdam_today
from tests.conftest import ROOT
from tests.spiders.test_tenderned import _many
from tests.test_reparse import crawl_outcomes, dump

#: A process whose clock (``datetime.now``) is DAYS (its first argument) days on: a reparse run on a
#: later day. Every module imports ``datetime`` after the driver replaced it.
LATER = """
import datetime, sys

class Later(datetime.datetime):
    @classmethod
    def now(cls, tz=None):
        return super().now(tz) + datetime.timedelta(days=int(sys.argv[1]))

datetime.datetime = Later
"""


def later(days: int, *args, then="from tenderarchive.cli import main\nsys.exit(main(sys.argv[2:]))"):
    """``tenderarchive ARGS`` (or the code ``then``) in a process whose clock is ``days`` days on."""
    return subprocess.run([sys.executable, "-c", LATER + then, str(days), *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def test_the_drivers_clock_is_days_on():
    shown = later(2, then="from tenderarchive.arguments import today\nprint(today())")
    assert shown.stdout.strip() == (amsterdam_today() + timedelta(days=2)).isoformat(), shown.stderr


def test_a_reparse_days_later_excuses_the_shortfall_of_the_crawls_today(snapshot, serve_api, crawl, tmp_path):
    """The crawl listed today's window, 11 of 13 rows (the list shifted while it was read), listed it
    once more and excused it: today's list still changes (docs/reference/tenderned-api.md §12). The
    crawl was complete. A reparse two days later judged "today" by its own clock: the window was no
    longer today's, so the replay did not list it once more and recorded the shortfall as an error,
    a partial crawl the crawl never was."""
    today = amsterdam_today()
    server = serve_api(_many(snapshot, days=1, per_day=13, start=today), max_size=5, page_overlap=2)
    db = tmp_path / "archive.db"
    result = crawl(server.api_url, "-s", "TENDERNED_PAGE_SIZE=5", "-s", "TENDERNED_FILTER_CHECK_MIN=1000",
                   from_date=today.isoformat(), until_date=today.isoformat(), db=db)
    assert result.returncode == 0, result.output
    assert "today's list still changes: not an error" in result.output
    server.__exit__(None, None, None)
    before, outcomes = dump(db), crawl_outcomes(db)
    assert [(o["status"], o["error_count"]) for o in outcomes] == [("complete", 0)]

    rebuilt = later(2, "reparse", "--db", db)
    assert rebuilt.returncode == 0, rebuilt.stderr[-3000:]
    assert crawl_outcomes(db) == outcomes
    assert dump(db) == before


def test_a_spider_runs_as_of_the_crawl_date_it_is_given():
    """``CRAWL_DATE`` (reparse gives a replayed crawl its WARC file's date) is the spiders' now: the
    TenderNed spider's today (its window reaching today), the news spider's today (a page dated after
    it) and the moment its living pages are due again (``NEWS_LIVING_RECHECK_HOURS`` before it)."""
    from datetime import date

    from scrapy.crawler import Crawler

    from spiders.news import NewsSpider
    from spiders.tenderned import TenderNedSpider
    from tenderarchive.arguments import SpiderArgumentError

    from tenderarchive.cli import project_settings

    def spider(cls, **settings):
        project = project_settings(None)
        for name, value in settings.items():
            project.set(name, value, priority="cmdline")
        return Crawler(cls, project)._create_spider()   # as a crawl makes it, before it starts

    ran = "2024-03-31T22:30:00Z"  # 1 April in Amsterdam (summer time)
    assert spider(TenderNedSpider, CRAWL_DATE=ran).today() == date(2024, 4, 1)
    news = spider(NewsSpider, CRAWL_DATE=ran, NEWS_LIVING_RECHECK_HOURS=6)
    assert news.today() == date(2024, 4, 1) and news.living_recheck_after == "2024-03-31T16:30:00+00:00"
    assert spider(TenderNedSpider).today() == amsterdam_today()   # not given: now
    # without an offset Amsterdam's time, as TENDERARCHIVE_NOW's: read as UTC, 23:30 on 31 March ran as of 1 April,
    # and the pages of a crawl replayed as of it were first seen (fetched_at) two hours late
    late = spider(NewsSpider, CRAWL_DATE="2024-03-31T23:30", CRAWL_NOW="2024-03-31T23:30")
    assert late.today() == date(2024, 3, 31) and late.now().isoformat() == "2024-03-31T23:30:00+02:00"
    assert late.read_at("2026-12-07T20:00:00+00:00") == "2024-03-31T21:30:00+00:00"
    try:
        spider(TenderNedSpider, CRAWL_DATE="yesterday")
    except SpiderArgumentError as exc:
        assert exc.argument == "CRAWL_DATE"
    else:
        raise AssertionError("a CRAWL_DATE that is no date was taken")


def test_a_replay_of_a_folder_days_later_runs_as_of_its_crawls_date(snapshot, serve_api, crawl, tmp_path):
    """``crawl --replay FOLDER`` ran as of the day it was run (``crawl --replay FILE`` and ``reparse`` as of the
    crawl's own date): two days on, the replay of the crawl above did not list today's window once more and
    recorded its shortfall, a partial crawl the recorded one never was. The folder's one crawl of the spider
    gives the date, as its file does."""
    from tests.conftest import FAST

    today = amsterdam_today()
    server = serve_api(_many(snapshot, days=1, per_day=13, start=today), max_size=5, page_overlap=2)
    options = ["-s", "TENDERNED_PAGE_SIZE=5", "-s", "TENDERNED_FILTER_CHECK_MIN=1000"]
    result = crawl(server.api_url, *options, from_date=today.isoformat(), until_date=today.isoformat())
    assert result.returncode == 0 and crawl_outcomes(result.db_path)[0]["status"] == "complete", result.output
    server.__exit__(None, None, None)
    replay = tmp_path / "replay.db"
    replayed = later(2, "crawl", "tenderned", "--db", replay, "--replay", tmp_path / "warc", "--api-url",
                     server.api_url, "--from-date", today.isoformat(), "--until-date", today.isoformat(),
                     *FAST, *options)
    assert replayed.returncode == 0, replayed.stderr[-3000:]
    assert [(o["status"], o["error_count"]) for o in crawl_outcomes(replay)] == [("complete", 0)]
