"""Spider arguments, parsed and validated in one place.

Every spider takes ``from_date``, ``until_date`` and ``sample`` (kingfisher-collect's
convention). Dates are ISO 8601 calendar dates, interpreted in Europe/Amsterdam;
``from_date`` ≤ ``until_date``; ``sample`` is a positive integer (the number of
records to fetch, for a quick look). An argument given empty is refused, not taken as
not given. A bad value raises ``SpiderArgumentError``
naming the argument, which stops the crawl before any request with exit code 2
(``tenderarchive crawl``, and ``scrapy crawl`` or a scrapyd job through the project's
``crawl`` command: tenderarchive/commands/crawl.py).
"""

from __future__ import annotations

import logging
import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
DEFAULT_WINDOW_DAYS = 7
EARLIEST = date(1990, 1, 1)  # "no lower bound" for spiders without a default window

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


#: What a :class:`SpiderArgumentError` names: a spider argument (``-a NAME=VALUE``), a Scrapy setting
#: (``-s NAME=VALUE``, read as the spider starts) or the environment variable of the product's clock
#: (``TENDERARCHIVE_NOW``).
ARGUMENT, SETTING, ENVIRONMENT = "spider argument", "setting", "environment variable"


class SpiderArgumentError(ValueError):
    """A spider argument, or a setting the crawl reads as it starts, has a bad value. The message names it as what it
    is (``kind``): "bad setting 'TENDERNED_PAGE_SIZE'" for ``-s TENDERNED_PAGE_SIZE=500``, which was "bad spider
    argument" though no ``-a`` gave it. Either way the crawl stops before any request, exit code 2."""

    def __init__(self, argument: str, message: str, kind: str = ARGUMENT):
        self.argument, self.message, self.kind = argument, message, kind
        super().__init__(f"bad {kind} {argument!r}: {message}")


def today() -> date:
    """Today, Amsterdam's (TenderNed's calendar), as of the product's clock (:func:`tenderarchive.clock.now`:
    ``TENDERARCHIVE_NOW`` when it is set, else the machine's): the day a crawl's default ``until_date``, its
    default window, its re-check of open notices and its "today's list still changes" rule all see, as ``status``,
    ``serve`` and ``export`` see it. It was the machine's clock's alone: a crawl run as of another day listed the
    machine's week and judged the window reaching the day it was told as a past one. A ``TENDERARCHIVE_NOW`` that
    is no moment is a :class:`SpiderArgumentError` naming it (exit 2 before any request), not a traceback."""
    from tenderarchive import clock  # clock imports this module's AMSTERDAM

    try:
        moment = clock.now()
    except ValueError as exc:
        raise SpiderArgumentError(clock.NOW, str(exc), ENVIRONMENT) from None
    return day_of(moment)


def day_of(moment: datetime) -> date:
    """The day (Amsterdam's: TenderNed's calendar) of ``moment``."""
    return moment.astimezone(AMSTERDAM).date()


def crawl_date(settings, name: str = "CRAWL_DATE") -> datetime | None:
    """``CRAWL_DATE``: the moment a crawl runs as (a replayed crawl's own start, which ``reparse``
    sets from its WARC file), aware; None when not set (the crawl runs now). Where a spider judges
    by the day (a window reaching today, a date after today, a page due for a re-check), a replay
    judges as the crawl did, whatever day it is rebuilt. ``name``: another moment setting read alike
    (``CRAWL_NOW``: the moment a replayed crawl read its pages as of, :func:`crawl_now`). Without an offset it is
    Amsterdam's time, as ``TENDERARCHIVE_NOW``'s (tenderarchive/clock.py) and the pages' dates are: read as UTC,
    ``-s CRAWL_DATE=2024-03-31T23:30`` ran as of 1 April, a page of that day after "today" and a news page "first
    seen" two hours late. ``reparse`` and ``crawl --replay`` give it with its offset."""
    value = settings.get(name)
    if not value:
        return None
    try:
        moment = value if isinstance(value, datetime) else datetime.fromisoformat(
            str(value).strip().replace("Z", "+00:00"))
    except ValueError:
        raise SpiderArgumentError(name, f"{value!r} is not an ISO 8601 date and time", SETTING) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=AMSTERDAM)


def crawl_now(settings) -> datetime | None:
    """``CRAWL_NOW``: the moment a replayed crawl read every page as of (the crawl ran under ``TENDERARCHIVE_NOW``,
    which its WARC file recorded: warcinfo ``now``; ``reparse`` and ``crawl --replay`` set it); None: each page is
    read as of when it was fetched (its WARC-Date)."""
    return crawl_date(settings, "CRAWL_NOW")


#: The dates a crawl's window may name. The spiders count days on from them (a default window of 7 days before
#: ``until_date``, a split window's middle, a day's margin): ``--until-date 0001-01-01`` ended in an OverflowError
#: traceback ("date value out of range") where a date before the first Python has was counted.
FIRST_DATE, LAST_DATE = date(1900, 1, 1), date(2999, 12, 31)


def parse_argument_date(argument: str, value: str) -> date:
    if isinstance(value, str) and not value.strip():
        raise SpiderArgumentError(argument, f"{value!r} is empty: give a date (YYYY-MM-DD), or leave the argument out "
                                            "for its default")
    if not isinstance(value, str) or not _ISO_DATE.match(value.strip()):
        raise SpiderArgumentError(argument, f"{value!r} is not an ISO date (YYYY-MM-DD)")
    try:
        day = date.fromisoformat(value.strip())
    except ValueError as exc:
        raise SpiderArgumentError(argument, f"{value!r} is not a calendar date ({exc})") from None
    if not FIRST_DATE <= day <= LAST_DATE:
        raise SpiderArgumentError(argument, f"{value!r} is not between {FIRST_DATE} and {LAST_DATE}")
    return day


def parse_sample(value) -> int | None:
    """The ``sample`` argument: None when not given. One given empty (``--sample ''``, ``-a sample=``: most often a
    shell variable that was not set) is refused, not taken as "not given", as an empty date is
    (:func:`parse_argument_date`): the whole window was crawled where a quick look was meant."""
    if value is None:
        return None
    if isinstance(value, str) and not value.strip():
        raise SpiderArgumentError("sample", f"{value!r} is empty: give a number of records (at least 1), or leave "
                                            "the argument out for every record")
    if isinstance(value, str) and value.lower() == "true":
        return 1
    try:
        number = int(str(value).strip())
    except ValueError:
        raise SpiderArgumentError("sample", f"{value!r} is not a whole number") from None
    if number < 1:
        raise SpiderArgumentError("sample", f"{value!r} must be at least 1")
    return number


def number_setting(settings, name: str, kind=int):
    """A number setting a spider reads when it starts (``-s NAME=VALUE``): a value that is not a
    number is a :class:`SpiderArgumentError` naming the setting, not a traceback."""
    value = settings.get(name)
    what = "a whole number" if kind is int else "a number"
    try:
        number = settings.getint(name) if kind is int else settings.getfloat(name)
    except (TypeError, ValueError):
        raise SpiderArgumentError(name, f"{value!r} is not {what}", SETTING) from None
    if not math.isfinite(number):  # DOWNLOAD_TIMEOUT=nan: every request's timer failed in Twisted, 39 tracebacks
        raise SpiderArgumentError(name, f"{value!r} is not {what} (a finite one)", SETTING)
    return number



#: What Scrapy's ``getbool`` accepts (besides any whole number: 0 false, other true).
BOOLEAN_VALUES = "true/false, True/False or 1/0"


def bool_setting(settings, name: str) -> bool:
    """A boolean setting (``-s TENDERNED_INCREMENTAL=false``): a value Scrapy's ``getbool`` refuses
    (``maybe``, ``yes``, empty) is a :class:`SpiderArgumentError` naming the setting and the values
    it takes, not a traceback."""
    value = settings.get(name)
    try:
        return settings.getbool(name)
    except (TypeError, ValueError):
        raise SpiderArgumentError(name, f"{value!r} is not a boolean ({BOOLEAN_VALUES})", SETTING) from None


#: Settings whose default does not tell how they are read: a whole-number default read as any number
#: (seconds, hours), or no default (``None``). :func:`setting_kind` reads the others' off the default;
#: tests/test_arguments.py checks every ``getfloat`` of Scrapy and of this project against it.
SETTING_KINDS = {"DNS_TIMEOUT": float, "DOWNLOAD_TIMEOUT": float, "EXTRACT_TIMEOUT": float,
                 "RETRY_AFTER_MAX": float, "NEWS_LIVING_RECHECK_HOURS": float, "NEWS_REVISIT_HOURS": float,
                 "CRAWL_HEARTBEAT_SECONDS": float, "NEWS_REDIRECT_RECHECK_DAYS": float,
                 "CRAWL_ID": int}


#: The levels Scrapy's ``LOG_LEVEL`` takes (logging's names, in capitals: ``debug`` is none).
LOG_LEVELS = ("CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG")


def default_of(name: str):
    """The default of setting ``name``: the project's (tenderarchive/settings.py), else Scrapy's; None if neither."""
    from scrapy.settings import default_settings

    from tenderarchive import settings as project

    for module in (project, default_settings):
        if hasattr(module, name):
            return getattr(module, name)
    return None


def setting_kind(name: str) -> type | None:
    """``bool``, ``int`` or ``float`` for a setting read as one, by the type of its default in the
    project's settings (tenderarchive/settings.py) or Scrapy's; None for any other setting."""
    if name in SETTING_KINDS:
        return SETTING_KINDS[name]
    from scrapy.settings import default_settings

    from tenderarchive import settings as project

    for module in (project, default_settings):
        if hasattr(module, name):
            kind = type(getattr(module, name))
            return kind if kind in (bool, int, float) else None
    return None


def check_setting(name: str, value) -> None:
    """A setting given on the command line (``-s NAME=VALUE``), checked before anything runs: a
    boolean or number setting whose value is not one raises :class:`SpiderArgumentError` naming
    the setting and what it takes (it was a traceback deep in the crawl, exit 1). Every reader of
    a setting goes on reading it with Scrapy's getters; this is the one place that says which
    values those refuse."""
    if name == "LOG_LEVEL" and value not in logging.getLevelNamesMapping():  # Scrapy's logging raised ValueError
        raise SpiderArgumentError(name, f"{value!r} is not a log level ({', '.join(LOG_LEVELS)})", SETTING)
    if name.endswith("_URL") and isinstance(default_of(name), str) and default_of(name).startswith("http"):
        from tenderarchive.urls import http_url

        if http_url(value) is None:  # -s TENDERNED_API_URL=javascript:… or http://[::1: a traceback per request
            raise SpiderArgumentError(name, f"{value!r} is not an http(s) URL with a host", SETTING)
    kind = setting_kind(name)
    if kind is None:
        return
    from scrapy.settings import Settings

    probe = Settings({name: value})
    if kind is bool:
        bool_setting(probe, name)
    else:
        number_setting(probe, name, kind)


@dataclass(frozen=True)
class CrawlArguments:
    """The validated arguments of one crawl."""

    from_date: date
    until_date: date
    sample: int | None = None
    extra: dict = field(default_factory=dict)

    @classmethod
    def parse(cls, from_date=None, until_date=None, sample=None, *,
              default_days: int | None = DEFAULT_WINDOW_DAYS, started_on: date | None = None,
              **extra) -> "CrawlArguments":
        """Parse raw argument values. ``default_days=None``: no lower bound by default.

        A date argument not given is None; one given empty (``--from-date ''``, ``-a from_date=``: most often a shell
        variable that was not set) is refused (:func:`parse_argument_date`), not taken as "not given": the crawl ran
        the default window (for TenderNed the incremental one, yet counted as an explicit start), silently, where the
        user meant a date. ``started_on``: the day the default ``until_date`` is (the crawl's, as its spider judges by
        it: ``BaseSpider.started_on``); None: :func:`today`."""
        if until_date is not None:
            until = parse_argument_date("until_date", until_date)
        else:
            until = started_on if started_on is not None else today()
        if from_date is not None:
            start = parse_argument_date("from_date", from_date)
        else:
            start = EARLIEST if default_days is None else until - timedelta(days=default_days)
        if start > until:
            raise SpiderArgumentError(
                "from_date", f"{start.isoformat()} is after until_date {until.isoformat()}"
            )
        return cls(start, until, parse_sample(sample), extra)

    def as_dict(self) -> dict:
        out = {"from_date": self.from_date.isoformat(), "until_date": self.until_date.isoformat()}
        if self.sample:
            out["sample"] = self.sample
        out.update(self.extra)
        return out
