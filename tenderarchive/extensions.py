"""Scrapy extensions: the crawl's lock and state in, its accounting and derivation out.

``CrawlLock`` holds the archive's crawl lock (``tenderarchive/lock.py``) for the whole
crawl, taken when the crawler is built (before anything opens the archive or sends a
request) and let go when the engine has stopped (after the crawl row and the fetch index
are written). ``tenderarchive crawl`` and ``reparse`` hold it themselves; a ``scrapy
crawl`` or a scrapyd job gets it here, so no two crawls ever write one archive at once
and the readers know a crawl is writing. When another process holds it, the crawl stops
before it starts (``CrawlLocked``, naming the holder): nothing requested, nothing written.

``CrawlState`` hands a spider what the archive already has (known notices and
pages, the last complete crawl) before it starts, read-only, the way
kingfisher-collect's ``DatabaseStore`` keeps state out of spiders: spiders never
open SQLite. A spider that wants it defines ``use_archive_state(state)``.

``Derivation`` runs the derivation step (:mod:`tenderarchive.derive`) when the
spider closes, after the pipelines have archived every item; a failure there is
recorded as a crawl error.

``CrawlRecorder`` keeps the ``crawls`` table: it opens a row when the spider
opens (status ``running``, the arguments, the source URL) and closes it with the
outcome: status, request and item counts, expected versus fetched rows, and every
recorded error with its URL. Status rules:

- ``failed``: no response at all came back, or the crawl archived nothing and either
  recorded errors or closed for another reason than ``finished`` (a crawl with nothing
  new and nothing wrong is ``complete``); one run in a ``--jobdir`` whose crawl had asked
  everything asks nothing (Scrapy's duplicate filter) and records an error saying so;
- ``partial``: anything went wrong that the crawl survived: a recorded error, a
  shortfall of fetched rows against ``totalElements``, a dropped item, an error
  in a callback or pipeline, or a close reason other than ``finished``;
- ``complete``: none of the above.

The status is also put in the stats (``tenderarchive/status``) so the CLI can
turn it into an exit code. A crawl that is killed keeps status ``running`` until the next crawl starts:
that crawl holds the crawl lock, so no other process runs a crawl still ``running`` (:func:`mark_killed`). It
marks it ``failed``, ``finish_reason`` ``killed``, and records among its errors when it noticed, when
the crawl was last seen alive (the last response it fetched) and its heartbeat's deadline (``finished`` stays empty: the crawl's end is not known), as a job scheduler that
finds a lost worker records the failure and the time it found it; ``tenderarchive status`` and ``report`` show
that error, where a bare ``failed`` with no error said nothing of why.

``Heartbeat`` renews the running crawl's ``crawls.alive_until`` (now + 3 × ``CRAWL_HEARTBEAT_SECONDS``) until
it closes, so the ``freshness`` view (SQL, which cannot look at the crawl lock ``status`` uses) calls a crawl
killed with SIGKILL ``killed`` once that time has passed, as job schedulers tell a lost worker (Airflow's task
heartbeat, systemd's watchdog). The reactor beats (a ``LoopingCall``), between the crawl's own writes: a beat
from a thread of its own, committed while one of the crawl's transactions had read and not yet written (an item
batch, the derivation: ``BEGIN`` deferred, WAL), made that transaction's first write fail at once with
"database is locked" (a stale snapshot, which no busy wait helps). A crawl that closes is given
:data:`CLOSING_SECONDS` (its derivation holds the reactor, and no beat comes) before the view calls it killed.
A beat that cannot write (the archive busy past its timeout) is logged and the next one tries again.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from datetime import datetime, timedelta, timezone
from json import loads
from pathlib import Path

from scrapy import signals

from tenderarchive.store import queries
from tenderarchive.store.keys import dumps
from tenderarchive.store.writes import open_archive
from tenderarchive.rawstore import warc_dir

logger = logging.getLogger(__name__)


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _iso(warc_date: str) -> str:
    """A WARC-Date (``2026-12-01T13:35:47Z``) as the crawls table writes times (``+00:00``)."""
    return warc_date.replace("Z", "+00:00")


def resumed_crawls(crawler) -> list[int]:
    """The crawls a crawl resumes (``--jobdir``: the raw store middleware names them, ``spider.resumed_crawl_ids``;
    a reparse's setting ``RESUMED_CRAWLS``), nearest first: one crawl with it, in several runs. Read by the archive
    pipeline (a record they archived new is new again, not changed) and recorded in ``crawls.arguments``
    (``resumes``) for the saved search ``crawl_wijzigingen``."""
    resumed = getattr(crawler.spider, "resumed_crawl_ids", None) or crawler.settings.get("RESUMED_CRAWLS")
    if isinstance(resumed, str):  # -s RESUMED_CRAWLS=[3, 2] (a reparse's override): its numbers
        resumed = re.findall(r"\d+", resumed)
    return [int(c) for c in resumed or () if str(c).isdigit()]


def mark_killed(db, warc_root: Path, settings=None) -> None:
    """Crawls still ``running`` when a new one starts were killed (the crawl lock
    rules out overlap): mark them failed, repair their WARC files and index what the
    fetch index had not committed yet."""
    from tenderarchive.rawstore import index_tail, repair

    noticed = now()
    for row in list(db.query("select * from crawls where status = 'running'")):
        path = warc_root / (row["warc_file"] or "")
        if row["warc_file"] and path.exists():
            removed = repair(path)
            if removed:
                logger.warning("repaired %s: cut %d bytes of a truncated record", path, removed)
            indexed = index_tail(db, path, row["crawl_id"], settings)
            if indexed:
                logger.warning("indexed %d responses of %s the killed crawl had not indexed", indexed, path)
        errors = loads(row["errors"] or "[]")
        errors = errors if isinstance(errors, list) else [{"url": None, "error": str(errors)}]
        errors.append({"url": None, "error": (
            f"killed: no process ran this crawl when the next crawl started at {noticed}"
            + last_signs(db, row) + "; nothing it archived was removed")})
        db["crawls"].update(row["crawl_id"], {"status": "failed", "finish_reason": "killed",
                                              "errors": dumps(errors), "error_count": len(errors)})


def last_signs(db, row: dict) -> str:
    """What the archive knows of when a killed crawl was last alive, for its error: the last response it fetched
    (its fetch index, the tail the killed crawl had not indexed included) and the deadline its heartbeat had set.
    The deadline alone was written "last known alive until": it is three heartbeats (an hour, while the crawl
    closed) past the last sign of life, a time the crawl was never known alive at, and often after the kill."""
    last = None
    if db["fetches"].exists():
        last = db.execute("select max(fetched_at) from fetches where crawl_id = ?", [row["crawl_id"]]).fetchone()[0]
    alive = row.get("alive_until")
    said = [f"last sign of life: a response fetched at {last}" if last else "no response of it archived"]
    if alive:
        said.append(f"its heartbeat's deadline {alive}")
    return f" ({'; '.join(said)})"


def archive_state(db_path, spider_name: str, profile: str | None = None) -> dict:
    """What a spider may know of the archive: plain values, read-only. ``profile``: the crawl's topic profile
    (TenderNed's), whose own crawls it continues from."""
    state = {
        "known_notices": queries.known_notices(db_path),
        "last_complete_crawl": queries.last_complete_crawl(db_path, spider_name, profile),
        "known_results": queries.known_results(db_path),
        "results_missing": queries.results_missing(db_path),
    }
    if spider_name == "news":  # reads fetches by sha256 too: only the news spider uses it
        state["known_articles"] = queries.known_article_urls(db_path)
        state["redirected_elsewhere"] = queries.redirected_elsewhere(db_path, state["known_articles"])
        state["known_contents"] = queries.known_article_contents(db_path)
        state["moved_articles"] = queries.moved_article_urls(db_path)
        state["failed_pages"] = queries.failed_news_pages(db_path, spider_name)
        state["sitemaps_read"] = queries.sitemaps_read(db_path, spider_name)
        state["paged_read"] = queries.paged_addresses_read(db_path, spider_name)
    if spider_name == "tenderned":  # a scan of every notice, for the procedures awaiting an award
        state["awaiting_results"] = queries.awaiting_results(db_path)
        state["related_failed"] = queries.related_failed(db_path, spider_name)
        state["failed_details"] = queries.failed_details(db_path, spider_name)
        state["failed_rechecks"] = queries.failed_rechecks(db_path, spider_name)
        state["failed_list_pages"] = queries.failed_list_pages(db_path, spider_name)
        state["interrupted_notices"] = queries.interrupted_notices(db_path, spider_name)
        state["html_failed"] = queries.html_failed(db_path, spider_name)
        state["unfinished_crawls"] = queries.unfinished_crawls(db_path, spider_name)
        state["complete_crawls"] = queries.complete_crawls(db_path, spider_name)
        state["unavailable_notices"] = queries.unavailable_notices(db_path, spider_name)
        state["unavailable_related_lists"] = queries.unavailable_notices(db_path, spider_name, "/gerelateerd")
        state["unavailable_documents"] = queries.unavailable_notices(db_path, spider_name, "/documenten")
        state["document_problems"] = queries.document_problems_recorded(db_path, spider_name)
        state["null_documents"] = queries.null_documents(db_path, spider_name)
        state["unavailable_related"] = queries.unavailable_related(db_path, spider_name)
        state["short_days"] = queries.short_days(db_path, spider_name)
    return state


class CrawlLock:
    def __init__(self, crawler):
        from contextlib import ExitStack

        from tenderarchive.lock import crawl_lock, held_here

        self.held = ExitStack()
        db_path = crawler.settings.get("ARCHIVE_DB")
        if not held_here(db_path):
            self.held.enter_context(crawl_lock(db_path))  # raises CrawlLocked: the crawl never starts

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler)
        crawler.signals.connect(ext.engine_stopped, signal=signals.engine_stopped)
        return ext

    def engine_stopped(self):
        self.held.close()


class CrawlState:
    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        return ext

    def spider_opened(self, spider):
        if hasattr(spider, "use_archive_state"):
            profile = getattr(getattr(spider, "profile", None), "name", None)
            spider.use_archive_state(archive_state(self.crawler.settings.get("ARCHIVE_DB"), spider.name, profile))


class Derivation:
    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_closed(self, spider, reason):
        from tenderarchive.derive import DERIVATION_FAILED, derive
        from tenderarchive.store.schema import finish_bulk

        crawl_id = getattr(spider, "crawl_id", None)
        db = open_archive(self.crawler.settings.get("ARCHIVE_DB"))
        try:
            finish_bulk(db)  # a rebuild's first crawl (reparse): the indexes the derivation reads
            derive(db, crawl_id)
        except Exception as exc:  # recorded, so the crawl ends partial and the next run retries
            logger.exception("derivation after crawl %s failed", crawl_id)
            if hasattr(spider, "record_error"):
                spider.record_error(None, f"{DERIVATION_FAILED}: {exc!r}")  # the next derivation redoes it
        finally:
            db.close()


class CrawlRecorder:
    def __init__(self, crawler):
        self.crawler = crawler
        self.db_path = crawler.settings.get("ARCHIVE_DB")
        self.crawl_id = None
        self.extra_errors: list[dict] = []
        #: the pages that answered 200 but said they were not found (a soft 404, ``pipelines.extract.PageGone``),
        #: by the address fetched: ``crawls.soft_404``, read by the watch report as a 404 of the page is
        self.soft_404: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ext.spider_error, signal=signals.spider_error)
        crawler.signals.connect(ext.item_error, signal=signals.item_error)
        crawler.signals.connect(ext.item_dropped, signal=signals.item_dropped)
        return ext

    def spider_opened(self, spider):
        db = open_archive(self.db_path)
        arguments = spider.crawl_arguments() if hasattr(spider, "crawl_arguments") else {}
        source = getattr(spider, "api_url", None) or getattr(spider, "source_description", None)
        fixed_id = self.crawler.settings.getint("CRAWL_ID") or None  # a replay keeps its crawl's id
        with db.atomic():
            mark_killed(db, warc_dir(self.crawler.settings), self.crawler.settings)
            table = db["crawls"]
            table.insert({
                "crawl_id": fixed_id, "spider": spider.name, "arguments": dumps(arguments),
                "note": getattr(spider, "note", None), "source": source,
                "started": now(), "status": "running",
            }, replace=fixed_id is not None)
            self.crawl_id = table.last_pk
        db.close()
        self.arguments = arguments
        spider.crawl_id = self.crawl_id
        self.crawler.stats.set_value("tenderarchive/crawl_id", self.crawl_id)
        logger.info("crawl %s started: %s %s", self.crawl_id, spider.name, arguments)

    def spider_error(self, failure, response, spider):
        self.extra_errors.append({"url": response.url, "error": f"spider error: {failure.getErrorMessage()}"})

    def item_error(self, item, response, spider, failure):
        url = getattr(response, "url", None) or getattr(item, "source_url", None)
        self.extra_errors.append({"url": url, "error": f"pipeline error: {failure.getErrorMessage()}"})

    def item_dropped(self, item, response, exception, spider):
        from pipelines.extract import DuplicatePage, OutsideWindow, PageGone

        if isinstance(exception, (OutsideWindow, DuplicatePage)):  # outside the crawl's dates, a page's copy: no error
            return
        if isinstance(exception, PageGone) and getattr(item, "source_url", None):
            self.soft_404.add(item.source_url)
        if isinstance(exception, PageGone) and not getattr(item, "is_living_page", False):
            spider.crawler.stats.inc_value("news/gone")  # a discovered page gone: as a 404 of one (spiders/news.py)
            return
        url = getattr(item, "source_url", None) or getattr(response, "url", None)
        from pipelines.extract import PageUnavailable
        from tenderarchive.items import NEWS_PAGE_FAILED

        # a discovered news page that answered a maintenance or error page or its site's cookie wall (a CookieWall is a
        # PageUnavailable): asked again by the next crawl, as a failed request is (queries.failed_news_pages)
        again = NEWS_PAGE_FAILED if isinstance(exception, PageUnavailable) and not item.is_living_page else ""
        # a notice found through another's /gerelateerd (no list lists it) says so, as its failed request does: the next
        # run asks that notice's /gerelateerd again (queries.related_failed), else it was never asked for again
        origin = getattr(item, "related_to", None)
        related = f" (related to {origin})" if origin else ""
        self.extra_errors.append({"url": url, "error": f"item dropped: {exception}{again}{related}"})

    def spider_closed(self, spider, reason):
        stats = self.crawler.stats
        # a replay ends when its recorded responses do: a crawl that was stopped is rebuilt as stopped (reparse)
        if reason == "finished":
            reason = self.crawler.settings.get("REPLAY_CLOSE_REASON") or reason
        get = lambda key: int(stats.get_value(key) or 0)  # noqa: E731
        shortfalls = spider.shortfalls(reason) if hasattr(spider, "shortfalls") else []
        errors = list(getattr(spider, "crawl_errors", [])) + self.extra_errors
        errors += [
            {"url": None, "error": f"shortfall: {s['key']}: fetched {s['fetched']} of {s['expected']} rows"}
            for s in shortfalls
        ]
        accounting = getattr(spider, "accounting", {})
        responses = get("downloader/response_count")
        jobdir = self.crawler.settings.get("JOBDIR")
        if responses == 0 and jobdir and get("dupefilter/filtered"):
            # run again in a job folder whose crawl had asked everything: Scrapy's duplicate filter (its
            # requests.seen) dropped every request. It was ``failed`` with no error: nothing said why, nor what to do.
            errors.append({"url": None, "error": (
                f"nothing asked: every request of this crawl ({get('dupefilter/filtered')}) was made before by the "
                f"crawl in the job folder {jobdir} (Scrapy's duplicate filter, requests.seen): nothing was left to "
                "resume, nothing was checked; to crawl again, run without --jobdir or with a new job folder")})
        # a record written again as new (writes.NEW_AGAIN) is archived too: a crawl resumed with --jobdir whose writes
        # were all of records its first run archived new, and that met an error, archived something (partial)
        archived = get("archive/new") + get("archive/updated") + get("archive/unchanged") + get("archive/new_again")
        if responses == 0 or (archived == 0 and (errors or reason != "finished")):
            status = "failed"
        elif errors or reason != "finished":
            status = "partial"
        else:
            status = "complete"
        row = {
            "finished": now(), "status": status, "finish_reason": reason,
            # a replayed or rebuilt crawl (WARC_REPLAY) read its WARC's records: a request its current spider asks
            # again is answered by the same record again, counted by Scrapy as another response; the crawl's row
            # says the records read (``status``: "N recorded responses read from …"), as a crawl's says those it got
            "requests": get("downloader/request_count"),
            "responses": get("replay/records_read") if self.crawler.settings.get("WARC_REPLAY") else responses,
            "http_errors": sum(int(v) for k, v in stats.get_stats().items()
                               if k.startswith("downloader/response_status_count/") and k[-3] in "45"),
            "items_new": get("archive/new"), "items_updated": get("archive/updated"),
            "items_unchanged": get("archive/unchanged"), "items_dropped": get("item_dropped_count"),
            "expected_rows": sum(a["expected"] for a in accounting.values()),
            "fetched_rows": sum(a["fetched"] for a in accounting.values()),
            "error_count": len(errors), "errors": dumps(errors),
            # what the crawl left unread at a bound (a listing's max_pages): not an error, but a crawl "complete"
            # with it was no sign of it outside the log
            "bounds": dumps({key: int(value) for key, value in sorted(stats.get_stats().items())
                             if key.endswith("_bounded") and value}),
            # a soft 404 is no error of a discovered page, and its fetch answered 200: without this, the watch report
            # could not tell an archived article withdrawn so from one fetched again (watch/report.py _pages_gone)
            # with the API's answers sent with 200 whose error object said 404 or 410 (spiders/tenderned.py
            # ``answered_gone``): the report tells a notice gone so and then published again as it tells a page
            "soft_404": dumps(sorted(self.soft_404 | set(getattr(spider, "soft_404", None) or ()))),
            # the source's fields read past in another shape (spiders/tenderned.py drift): a warning, not an error (the
            # notices were archived, the status stays); in the log and Scrapy's stats alone, cron's user never saw it
            "drift": dumps(spider.drift() if hasattr(spider, "drift") else {}),
        }
        resumes = resumed_crawls(self.crawler)
        if resumes and isinstance(getattr(self, "arguments", None), dict):
            # the runs of one crawl resumed with --jobdir (nearest first): the saved search crawl_wijzigingen lists a
            # record new to the crawl under the run that counted it, as ``items_new`` does (writes.first_written_by)
            row["arguments"] = dumps({**self.arguments, "resumes": resumes})
        if self.crawler.settings.getbool("CRAWL_TIMES_FROM_WARC") and stats.get_value("tenderarchive/first_fetched_at"):
            # a rebuilt crawl keeps when it ran: its first and last recorded response (WARC-Date)
            row["started"] = _iso(stats.get_value("tenderarchive/first_fetched_at"))
            row["finished"] = _iso(stats.get_value("tenderarchive/last_fetched_at"))
        stats.set_value("tenderarchive/status", status)
        if self.crawl_id is None:
            return
        db = open_archive(self.db_path)
        with db.atomic():
            db["crawls"].update(self.crawl_id, row)
        db.close()
        log = logger.info if status == "complete" else logger.warning
        log("crawl %s %s: %s requests, %s new, %s updated, %s unchanged, %s errors%s",
            self.crawl_id, status, row["requests"], row["items_new"], row["items_updated"],
            row["items_unchanged"], row["error_count"],
            "" if reason == "finished" else f"; stopped before it ended (close reason {reason!r})")


#: How long past its close a crawl is taken to be alive (``alive_until``) while its derivation runs: the reactor,
#: which the derivation holds, beats no more. A first crawl's derivation of a large archive takes minutes; a
#: crawl killed in it is ``killed`` in the ``freshness`` view after this at most (``status`` sees the lock at once).
CLOSING_SECONDS = 3600


class Heartbeat:
    """Renews ``crawls.alive_until`` of the running crawl from the reactor (see the module docstring)."""

    def __init__(self, crawler, interval: float):
        self.crawler = crawler
        self.interval = interval
        self.db_path = crawler.settings.get("ARCHIVE_DB")
        self.spider = None
        self.loop = None
        #: the reactor's clock (``LoopingCall``'s; a test turns a ``twisted.internet.task.Clock``)
        self.clock = None

    @classmethod
    def from_crawler(cls, crawler):
        interval = crawler.settings.getfloat("CRAWL_HEARTBEAT_SECONDS", 0)
        if interval <= 0 or crawler.settings.get("WARC_REPLAY"):  # a replay is over before anyone looks
            from scrapy.exceptions import NotConfigured
            raise NotConfigured
        ext = cls(crawler, interval)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        # connected before the derivation's (the extensions' order): the time the close takes is given first
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ext.engine_stopped, signal=signals.engine_stopped)
        return ext

    def beat(self, ahead: float | None = None) -> None:
        crawl_id = getattr(self.spider, "crawl_id", None)  # CrawlRecorder's row, made at spider_opened
        if crawl_id is None:
            return
        ahead = 3 * self.interval if ahead is None else ahead
        until = (datetime.now(timezone.utc) + timedelta(seconds=ahead)).isoformat(timespec="seconds")
        try:
            conn = sqlite3.connect(self.db_path, timeout=min(self.interval, 30))
            try:
                with conn:
                    conn.execute("update crawls set alive_until = ? where crawl_id = ? and status = 'running'",
                                 (until, crawl_id))
            finally:
                conn.close()
        except sqlite3.Error as exc:
            logger.warning("crawl %s: heartbeat not written (%s); the next one tries again", crawl_id, exc)

    def spider_opened(self, spider):
        from twisted.internet import task

        self.spider = spider
        self.loop = task.LoopingCall(self.beat)
        if self.clock is not None:
            self.loop.clock = self.clock
        # the first beat once every spider_opened handler has run (CrawlRecorder's row is made after this one)
        self.loop.start(self.interval, now=False)
        self.loop.clock.callLater(0, self.beat)

    def _stop(self) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()

    def spider_closed(self, spider, reason=None):
        self._stop()
        self.beat(ahead=max(CLOSING_SECONDS, 3 * self.interval))

    def engine_stopped(self):
        self._stop()


class SiteDelayFloor:
    """A site's own delay is a floor for its download slot (docs/reference/peers.md §5, §7:
    politeness per source). The floor is the larger of the registry's ``politeness.download_delay``
    (``DOWNLOAD_SLOTS``) and the ``Crawl-delay`` of the site's robots.txt for our agent, or the wait its
    ``Request-rate`` asks (``1/10s``: one request in ten seconds; Protego reads it, with or without a time of day
    it names, which is kept all day: the politer reading), whichever is longer (at most
    ``ROBOTSTXT_CRAWL_DELAY_MAX`` seconds). AutoThrottle (on by default) halved a slot's delay
    towards ``DOWNLOAD_DELAY`` with every fast answer, so a site that asked for 2 s got 1 s after
    its first page, and Scrapy does not read ``Crawl-delay`` at all. AutoThrottle still raises a
    delay above the floor (a slow site), and ``RANDOMIZE_DOWNLOAD_DELAY`` still varies each wait
    around it, as with ``DOWNLOAD_DELAY``. Placed after AutoThrottle, so its answer to each
    response comes last."""

    def __init__(self, crawler):
        if crawler.settings.get("WARC_REPLAY"):  # a replay has no server to be polite to
            from scrapy.exceptions import NotConfigured
            raise NotConfigured
        self.crawler = crawler
        self.robots: dict[str, float] = {}
        self.robots_max = crawler.settings.getfloat("ROBOTSTXT_CRAWL_DELAY_MAX", 30.0)
        crawler.signals.connect(self.robots_parsed, signal=signals.robots_parsed)
        crawler.signals.connect(self.response_downloaded, signal=signals.response_downloaded)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def floor(self, key: str) -> float:
        configured = (self.crawler.settings.getdict("DOWNLOAD_SLOTS").get(key) or {}).get("delay") or 0.0
        return max(float(configured), self.robots.get(key, 0.0))

    def _raise(self, key: str | None) -> None:
        downloader = getattr(self.crawler.engine, "downloader", None)
        slot = downloader.slots.get(key) if downloader is not None and key else None
        if slot is not None and slot.delay < self.floor(key):
            slot.delay = self.floor(key)

    def robots_parsed(self, robotparser, request):
        parser = getattr(robotparser, "rp", None)  # Protego, Scrapy's default robots.txt parser
        if parser is None or not hasattr(parser, "crawl_delay"):
            return
        agent = self.crawler.settings.get("ROBOTSTXT_USER_AGENT") or self.crawler.settings.get("USER_AGENT")
        try:
            delay = parser.crawl_delay(agent)
            rate = parser.request_rate(agent) if hasattr(parser, "request_rate") else None
        except Exception:  # a robots.txt is hostile input: no delay read is no delay
            return
        if rate is not None and rate.requests and rate.requests > 0 and rate.seconds and rate.seconds > 0:
            # "Request-rate: 1/10s" asks a request per ten seconds; read it as a Crawl-delay of ten (it was ignored:
            # the site asked at the registry's delay, a municipal server asked many times faster than it said)
            delay = max(delay or 0.0, rate.seconds / rate.requests)
        if not delay or delay <= 0:
            return
        key = self.crawler.engine.downloader.get_slot_key(request)
        if delay > self.robots_max:
            logger.warning("%s: robots.txt asks a Crawl-delay (or Request-rate) of %gs; keeping %gs "
                           "(ROBOTSTXT_CRAWL_DELAY_MAX)",
                           key, delay, self.robots_max)
        self.robots[key] = min(float(delay), self.robots_max)
        self.crawler.stats.inc_value("politeness/robots_crawl_delay")
        self._raise(key)

    def response_downloaded(self, response, request, spider=None):
        self._raise(request.meta.get("download_slot"))
