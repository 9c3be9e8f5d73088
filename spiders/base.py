"""Base spider: arguments, error recording and crawl accounting shared by all spiders.

Every spider takes ``from_date``, ``until_date`` and ``sample`` (parsed by
:mod:`tenderarchive.arguments`) and an optional free-text ``note`` that is stored
with the crawl. Failures that do not stop the crawl are recorded with
:meth:`record_error`: they are logged, counted, and stored in the ``crawls``
table by :class:`tenderarchive.extensions.CrawlRecorder`. Expected-versus-fetched
counts (``expect`` / ``fetched``) let the crawl tell complete from partial.
"""

from __future__ import annotations

import hashlib
import os
import re
from datetime import datetime, timezone
from pathlib import Path

import scrapy

from tenderarchive import arguments
from tenderarchive.arguments import CrawlArguments, SpiderArgumentError


#: The fields of a JSON error body that say what was wrong: Spring Boot's (``error``, ``message``:
#: TenderNed's API is a Spring application, docs/reference/tenderned-api.md §3) and RFC 9457's
#: problem details (``title``, ``detail``).
ERROR_FIELDS = (("error", "message"), ("title", "detail"))


def error_message(response, limit: int = 200) -> str | None:
    """What the JSON body of an HTTP error says, on one line (``Bad Request: page must be at most
    99``), or None: no JSON object, or none of :data:`ERROR_FIELDS` as text. A 400 was recorded as
    ``HTTP 400`` alone, the server's reason (which parameter it refused) lost."""
    import json
    import re

    body = getattr(response, "body", b"") or b""
    if not body or len(body) > 65536 or body.lstrip()[:1] != b"{":
        return None
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    for fields in ERROR_FIELDS:
        parts = [re.sub(r"\s+", " ", data[k]).strip() for k in fields if isinstance(data.get(k), str)]
        text = ": ".join(dict.fromkeys(p for p in parts if p))
        if text:
            return text[:limit]
    return None


#: A URL that w3lib's ``safe_url_string`` (which Scrapy's ``Request`` applies to every URL) gives back as it
#: is: ``http``/``https``; a host of lower-case ASCII labels (none empty, none ``xn--``) whose last label
#: starts with a letter (no number the URL standard would read as an IPv4 address), or a dotted quad of
#: plain decimal octets; a port without a leading zero; a path of unreserved characters and ``/`` with no
#: dot segment; a query (not empty) of unreserved characters, ``=`` and ``&``; no fragment. The port's range and
#: the scheme's default port are checked apart (:func:`already_safe`).
_SAFE_URL = re.compile(
    r"(https?)://"
    r"(?:(?!xn--)[a-z0-9-]+\.)*(?!xn--)[a-z][a-z0-9-]*"
    r"|(?:https?)://(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])",
)
_SAFE_REST = re.compile(r"(?::([1-9][0-9]{0,4}))?(/[A-Za-z0-9._~/-]*)(?:\?[A-Za-z0-9._~=&-]+)?")
_DOT_SEGMENT = re.compile(r"/\.\.?(?:/|$)")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def failure_message(failure, limit: int | None = None) -> str:
    """What went wrong with a request that got no whole answer, on one line, for a crawl error. Scrapy raises
    ``ResponseDataLossError`` with no text for a body cut short under its Content-Length (it was recorded as
    "request failed: " and nothing more), and wraps Twisted's failures as the text of a list of ``Failure``
    objects ("[<twisted.python.failure.Failure twisted.web._newclient.ParseError: …>]"); both are said in words
    here, each wrapped reason once. Any other failure keeps its own message (its class name if it has none)."""
    words = _exception_words(getattr(failure, "value", failure), 0)
    return words if limit is None else words[:limit]


def _exception_words(exc, depth: int) -> str:
    from scrapy.exceptions import ResponseDataLossError
    from twisted.internet.error import ConnectionDone, ConnectionLost
    from twisted.web._newclient import ParseError, ResponseNeverReceived
    from twisted.web.http import _DataLoss

    from tenderarchive.downloader import BodyPastContentLength

    if isinstance(exc, BodyPastContentLength):
        return str(exc)
    if isinstance(exc, ResponseDataLossError) and depth < 3:
        past = [r for r in getattr(exc.__cause__, "reasons", None) or ()
                if isinstance(getattr(r, "value", r), BodyPastContentLength)]
        if past:   # Scrapy's data loss over a body that ran on past its Content-Length
            return str(getattr(past[0], "value", past[0]))
    if isinstance(exc, (ResponseDataLossError, _DataLoss)):
        return ("answer cut short: the connection closed before the whole body arrived (fewer bytes than its "
                "Content-Length)")
    if isinstance(exc, ParseError):
        what, data = (list(exc.args) + [b""])[:2]
        data = data.decode("latin-1") if isinstance(data, bytes) else str(data)
        return f"malformed HTTP answer: {what} ({data[:60]!r})"
    if isinstance(exc, (ConnectionDone, ConnectionLost)):
        return "the connection closed before the whole answer arrived"
    reasons = getattr(exc, "reasons", None)   # Twisted's ResponseFailed / ResponseNeverReceived
    cause = exc.__cause__
    if reasons is None and cause is not None and depth < 3:
        if getattr(cause, "reasons", None) is not None or isinstance(cause, (ResponseDataLossError, _DataLoss)):
            return _exception_words(cause, depth + 1)   # Scrapy's DownloadFailedError over Twisted's failure
    if reasons and depth < 3:
        words = "; ".join(dict.fromkeys(_exception_words(getattr(r, "value", r), depth + 1) for r in reasons))
        return f"no answer: {words}" if isinstance(exc, ResponseNeverReceived) else words
    return str(exc).strip() or type(exc).__name__


def already_safe(url) -> bool:
    """Whether ``url`` is a ``str`` that ``safe_url_string`` would give back unchanged, by
    :data:`_SAFE_URL`'s shape (a conservative test: a URL it refuses may still be safe)."""
    if type(url) is not str:
        return False
    host = _SAFE_URL.match(url)
    if host is None:
        return False
    rest = _SAFE_REST.fullmatch(url, host.end())
    if rest is None or _DOT_SEGMENT.search(rest.group(2)):
        return False
    port = rest.group(1)
    return port is None or (int(port) <= 65535 and int(port) != _DEFAULT_PORTS[url[:url.index(":")]])


class Request(scrapy.Request):
    """Scrapy's ``Request``, made without w3lib's ``safe_url_string`` when the URL is already its own safe
    form (:func:`already_safe`); any other URL goes through Scrapy's own ``_set_url``, as before.

    Why (issue 14): ``safe_url_string`` parses a URL by the URL living standard and quotes every part, ≈ 10–20
    µs a request and ≈ 4 % of a reparse of 5,000 notices, for URLs the spider built from its own settings and
    a publication id, which come out as they went in. ``tests/spiders/test_base.py`` checks the shortcut against
    ``safe_url_string`` on the spiders' URLs and on random URLs of every shape near the test's edges."""

    def _set_url(self, url: str) -> None:
        if already_safe(url):
            self._url = url
        else:
            super()._set_url(url)


class BaseSpider(scrapy.Spider):
    #: Days before ``until_date`` that ``from_date`` defaults to (None: no lower bound).
    default_window_days = 7
    #: The spider's own arguments besides ``from_date``, ``until_date``, ``sample`` and ``note``
    #: (each subclass takes them in its ``__init__``).
    own_arguments: tuple[str, ...] = ()
    #: The moment this crawl runs as (``CRAWL_DATE``: a replayed crawl's own start); None: now.
    crawl_date: datetime | None = None
    #: The moment this crawl reads every page as of (:meth:`read_at`): ``TENDERARCHIVE_NOW``'s when it runs under it
    #: (``clock.fixed``), a replay's its crawl's (``CRAWL_NOW``, recorded in its WARC file); None: as fetched.
    fixed_now: datetime | None = None

    def __init__(self, *args, from_date=None, until_date=None, sample=None, note=None, **kwargs):
        # Any other argument is a typo (`-a fromdate=…` through `scrapy crawl` or scrapyd) that would
        # silently crawl the default window; scrapyd's own (`_job`) start with an underscore.
        unknown = sorted(name for name in kwargs if not name.startswith("_"))
        if unknown:
            taken = ", ".join(("from_date", "until_date", "sample", "note", *self.own_arguments))
            raise SpiderArgumentError(unknown[0], f"spider {self.name!r} takes no such argument (it takes {taken})")
        super().__init__(*args, **kwargs)
        # the day the crawl starts on, Amsterdam's, by the product's clock (TENDERARCHIVE_NOW when set; one that is no
        # moment refused here, named): its default until_date's
        self.started_on = arguments.today()
        self.arguments = CrawlArguments.parse(
            from_date, until_date, sample, default_days=self.default_window_days, started_on=self.started_on
        )
        if isinstance(note, str):
            try:  # `scrapy crawl -a note=…` in a Latin-1 terminal: lone surrogates the crawl record cannot store
                note.encode("utf-8")
            except UnicodeEncodeError:
                raise SpiderArgumentError("note", f"{note!r:.80} is not UTF-8 text") from None
        self.note = note
        self.crawl_errors: list[dict] = []
        self.accounting: dict[str, dict] = {}

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.crawl_date = arguments.crawl_date(crawler.settings)
        if spider.crawl_date is not None:  # a replay: as its crawl read (CRAWL_NOW), not as this process's clock says
            spider.fixed_now = arguments.crawl_now(crawler.settings)
        else:
            from tenderarchive import clock

            spider.fixed_now = clock.fixed()  # a bad value was refused as the spider started (arguments.today)
        spider.open_job_folder()
        return spider

    #: The mark a crawl keeps in its ``--jobdir`` (``JOBDIR``) while it runs, removed when it closes.
    JOB_MARK = "tenderarchive.running"

    def open_job_folder(self) -> Path | None:
        """Set aside the job folder's state when the crawl before in it did not close (and mark this one running).

        Scrapy keeps a crawl's duplicate filter in ``JOBDIR/requests.seen`` as it goes, but writes its queue's state
        (``requests.queue/active.json``) only when the crawl closes (Ctrl-C once, or the end). A crawl killed (SIGKILL:
        the out-of-memory killer, a reboot; a second Ctrl-C) leaves a filter that holds every request it queued and no
        queue: run again in that folder, its queued requests were lost and the filter dropped them, and its list pages,
        as asked before. The run ended as if resumed, the notices queued at the kill never archived. Its state
        (``requests.seen``, ``requests.queue``, ``spider.state``, ``requests.not_asked``) is moved into
        ``JOBDIR/unclosed-STAMP/`` (kept, not deleted) and this run starts afresh, logged as a warning; a folder whose crawl closed is resumed as before.
        Called before Scrapy's scheduler reads the folder. The folder moved aside, or None."""
        jobdir = self.crawler.settings.get("JOBDIR") if self.crawler else None
        if not jobdir:
            return None
        folder = Path(jobdir)
        mark = folder / self.JOB_MARK
        aside = None
        if mark.is_file():
            from tenderarchive.middlewares import NOT_ASKED_FILE

            state = [folder / name for name in ("requests.seen", "requests.queue", "spider.state", NOT_ASKED_FILE)]
            if any(path.exists() for path in state):
                aside = folder / f"unclosed-{datetime.now(timezone.utc).strftime('%Y%m%dT%H%M%S%fZ')}"
                aside.mkdir()
                for path in state:
                    if path.exists():
                        path.rename(aside / path.name)
                self.logger.warning(
                    "the crawl before in the job folder %s did not close (killed? %s): its queue was never written, "
                    "so nothing can be resumed; its state is moved to %s and this crawl starts afresh",
                    folder, mark.read_text(encoding="utf-8", errors="replace").strip()[:200], aside)
        # marked once the crawl opens (a bad argument or setting refused before that leaves the folder as it was), the
        # mark removed after Scrapy's scheduler closed (it writes the queue's state first: ExecutionEngine.close_spider)
        self.crawler.signals.connect(self.job_folder_opened, signal=scrapy.signals.spider_opened)
        self.crawler.signals.connect(self.job_folder_closed, signal=scrapy.signals.spider_closed)
        return aside

    def job_folder_opened(self, spider) -> None:
        """The crawl opened in its job folder: marked running until it closes."""
        if spider is self:
            folder = Path(self.crawler.settings.get("JOBDIR"))
            folder.mkdir(parents=True, exist_ok=True)
            (folder / self.JOB_MARK).write_text(
                f"pid {os.getpid()}, started {datetime.now(timezone.utc).isoformat(timespec='seconds')}\n",
                encoding="utf-8")

    def job_folder_closed(self, spider) -> None:
        """The crawl closed: its queue's state is written, the job folder can be resumed."""
        if spider is self:
            Path(self.crawler.settings.get("JOBDIR"), self.JOB_MARK).unlink(missing_ok=True)

    def now(self) -> datetime:
        """The crawl's now: its own date when it is a replay (``CRAWL_DATE``), else the product's clock's
        (:func:`tenderarchive.clock.now`: ``TENDERARCHIVE_NOW`` when it is set, as :meth:`today` sees it)."""
        from tenderarchive import clock

        return self.crawl_date or clock.now()

    def read_at(self, fetched_at: str) -> str:
        """The moment a response fetched at ``fetched_at`` (the raw store's record of it: the machine's time, its
        WARC-Date) is read as of: the archive row's ``fetched_at``, what its relative dates ("2 dagen geleden") and
        its "no date after it was fetched" read against. A crawl run under ``TENDERARCHIVE_NOW`` reads every page as
        of that moment (:attr:`fixed_now`), its replay and reparse as of the moment it recorded, as its today is the
        day of it; a crawl on the clock reads each as of when it was fetched. It read them all as of the machine's
        time: a crawl as of 2021-03-05 dated a feed's "2 dagen geleden" in the machine's week."""
        fixed = self.fixed_now
        if fixed is None:
            return fetched_at
        return fixed.astimezone(timezone.utc).isoformat(timespec="seconds")

    def today(self):
        """The crawl's today (Amsterdam's, TenderNed's calendar): the day it started on (``started_on``, its default
        ``until_date``'s, by the product's clock: ``TENDERARCHIVE_NOW`` when set), asked once; a replay's, its crawl's
        (``CRAWL_DATE``: the start of its WARC file). Asked again as the crawl went, a crawl across midnight judged by
        the day after what it read before (TenderNed: the window it read while it was today, whose list still
        changed, reference §12, a past day's shortfall; news: a page fetched on the day its feed or sitemap dates its
        change, fetched again), where its replay and reparse, judging by its start, did not."""
        if self.crawl_date:
            return arguments.day_of(self.crawl_date)
        started_on = getattr(self, "started_on", None)
        return started_on if started_on is not None else arguments.today()

    @property
    def sample(self) -> int | None:
        return self.arguments.sample

    def crawl_arguments(self) -> dict:
        """The arguments as recorded in the ``crawls`` table, with ``today``: the day the crawl ran as (:meth:`today`,
        the product's clock's), which the next incremental window judges "nothing published after it ran was listed"
        by (tenderarchive/store/queries.py ``ran_on``); ``crawls.started`` is the machine's time, another day for a
        crawl run with ``TENDERARCHIVE_NOW``. Such a crawl records ``now`` too: the moment it read every page as of."""
        arguments = {**self.arguments.as_dict(), "today": self.today().isoformat()}
        if self.fixed_now is not None:
            # the moment it read every page as of (TENDERARCHIVE_NOW, a replay's CRAWL_NOW; :meth:`read_at`): when the
            # archive first read a page it fetched first, for a row a later crawl wrote again (metadata.first_read_sql)
            arguments["now"] = self.fixed_now.astimezone(timezone.utc).isoformat(timespec="seconds")
        return arguments

    def record_error(self, url: str | None, message: str) -> dict:
        """Record an error of the crawl (``crawls.errors``); the entry recorded."""
        self.logger.error("%s: %s", url or "-", message)
        entry = {"url": url, "error": message}
        self.crawl_errors.append(entry)
        if self.crawler:
            self.crawler.stats.inc_value("tenderarchive/errors")
        return entry

    @staticmethod
    def never_fetched(failure) -> bool:
        """A request a replay skips: the recorded crawl never fetched it."""
        from scrapy.exceptions import IgnoreRequest

        return bool(failure.check(IgnoreRequest)) and "replayed WARC" in str(failure.value)

    def errback(self, failure, note: str = ""):
        """Record a failed request (``note`` is added to the message: what the request was for)."""
        if self.never_fetched(failure):
            return  # a replay skips what the recorded crawl never fetched
        from tenderarchive.middlewares import HOST_ERROR, SAID_BY_ERROR_OBJECT, NotAsked

        if failure.check(NotAsked):
            return  # recorded once for the host (tenderarchive/middlewares.py UnreachableHostMiddleware, robots.txt)
        request = getattr(failure, "request", None)
        host = request.meta.pop(HOST_ERROR, None) if request is not None else None
        if isinstance(host, dict) and host.get("url") == request.url:   # not a request made with a copy of its meta
            # the request whose failure gave its host up: the host's error names its address and why, and takes the
            # note (a news page's, "(related to N)"), which the next crawl's retry of it reads; a second "request
            # failed" line listed the address twice and counted one failure as two errors
            host["error"] += note
            return
        response = getattr(failure.value, "response", None)
        what = f"HTTP {response.status}" if response is not None else failure_message(failure)
        if response is not None and SAID_BY_ERROR_OBJECT in (response.flags or ()):
            what += f" ({SAID_BY_ERROR_OBJECT.removeprefix('status ')})"  # read as that status: tenderarchive.middlewares.said_gone
        said = error_message(response) if response is not None else None
        if said:
            what += f" {said!r}"  # quoted: the notes after it ("(related to N)") stay the error's end
        self.record_error(self.failed_url(request) if request else None, f"request failed: {what}{note}")

    def failed_url(self, request) -> str:
        """The URL a failed request is recorded under: the one it was made for (a spider may name the address it
        asked rather than where a redirect took it, :meth:`TenderNedSpider.failed_url`)."""
        return request.url

    # --- expected vs fetched ----------------------------------------------------
    def expect(self, key: str, expected: int) -> None:
        self.accounting.setdefault(key, {"expected": 0, "fetched": 0})["expected"] = expected

    def fetched(self, key: str, count: int) -> None:
        self.accounting.setdefault(key, {"expected": 0, "fetched": 0})["fetched"] += count

    def shortfalls(self, reason: str = "finished") -> list[dict]:
        """The query windows that listed fewer rows than they said they hold (``reason``: the crawl's close
        reason)."""
        return [
            {"key": key, **counts}
            for key, counts in self.accounting.items()
            if counts["fetched"] < counts["expected"]
        ]

    def provenance(self, response) -> dict:
        """Where and when a response was fetched (set by the raw store, as of :meth:`read_at`; computed here without
        it: the crawl's now, the product's clock's, as the news spider reads the page's relative dates against)."""
        meta = response.meta
        return {
            "source_url": response.url,
            "fetched_at": meta.get("fetched_at") or self.now().astimezone(timezone.utc).isoformat(timespec="seconds"),
            "sha256": meta.get("sha256") or hashlib.sha256(response.body).hexdigest(),
        }
