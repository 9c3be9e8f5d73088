"""Replay one recorded crawl straight through the spider's callbacks and the item pipelines,
without Scrapy's engine, scheduler, downloader or reactor (issue 14: fast reparse).

A replay through Scrapy's engine (``tenderarchive crawl --replay``) costs 10–15 ms per notice,
most of it the engine's own machinery (Deferreds, asyncio tasks, the downloader and spider
middleware chains) around work that is synchronous: the stored response is in the WARC file,
the spider's callbacks are plain generators, and every pipeline's ``process_item`` is a plain
function. :func:`replay_crawl` does the same work in a loop:

1. the spider, the extensions (``CrawlState``, ``Derivation``, ``CrawlRecorder``) and the
   stats are Scrapy's own, built by Scrapy's ``Crawler`` from the same settings as a crawl;
   the item pipelines are Scrapy's ``ItemPipelineManager`` built from ``ITEM_PIPELINES``;
   the raw store (``fetches`` rows, ``fetched_at``/``sha256`` provenance) is the project's
   ``RawStoreMiddleware`` and the responses are built by the project's ``ReplayMiddleware``
   (both ``tenderarchive/middlewares.py``), so a response, its provenance and its fetch row are
   exactly what the engine replay gives;
2. requests are scheduled as Scrapy's default scheduler orders them (highest ``priority``
   first, last in first out) and filtered by Scrapy's own duplicate filter (``RFPDupeFilter``),
   whose fingerprints of simple URLs :class:`QuickFingerprinter` computes without w3lib's URL
   canonicalisation (the same fingerprints, issue 14);
3. a request the recorded crawl never made goes to its errback as ``IgnoreRequest`` (what
   ``ReplayMiddleware`` raises in the engine), a callback's exception is a ``spider_error``
   signal, a pipeline's ``DropItem`` an ``item_dropped`` and any other exception an
   ``item_error`` — the signals ``CrawlRecorder`` turns into the crawl's errors and status;
4. the crawl closes as Scrapy closes a spider: pipelines' ``close_spider`` (the last batch is
   written), then the ``spider_closed`` signal (derivation, crawl row, fetch index).

In one process the items go through the pipelines in batches of :data:`BATCH` (round 34 of issue 14):
the leading pipelines that work on an item alone (``in_workers``, the ones ``--jobs N`` runs in worker
processes: validate … awards) run one stage over the whole batch before the next, then each item in the
crawl's order through the archive pipeline and its signal. Called once per item between all the other
steps, a stage ran ≈ 1.5× slower than over many items in a row (``normalise_notice``: 0.35 CPU-s for a
2,000-notice reparse against 0.22 for the same items in a row, 0.30 with a 32 MB memory walk between
the calls: its code and data evicted from the CPU's caches by the rest). The batch is flushed, as
``--jobs N`` drains its workers, before a spider error is recorded and when the crawl ends, so the
crawl's errors keep their order.

The robots.txt handling of a spider that obeys it (``ROBOTSTXT_OBEY``, the news spider) is
Scrapy's ``RobotsTxtMiddleware`` done in line (:meth:`DirectReplay.check_robots`).

What it does not reproduce is the downloader middlewares' handling of non-2xx responses
(retries, redirects, ``HttpError`` to the errback). :func:`replayable` says whether a WARC
file holds only 2xx responses; ``tenderarchive/reparse.py`` replays any other file through
the engine, as before. ``tests/test_reparse.py`` checks that a reparse gives the same archive
as the crawls (every data table, fetches and versions included) for a store of three crawls:
two replayed here (TenderNed, news with robots.txt) and one through the engine (a 429 recorded).

Written here rather than taken from a library: Scrapy has no public API to feed stored
responses to a spider outside its engine (its ``scrapy.shell``/``parse`` commands run the
engine too), and a WARC replay library (pywb) replays to browsers, not to spiders.
"""

from __future__ import annotations

import gc
import hashlib
import heapq
import inspect
import itertools
import json
import logging
import os
import re
import time
from collections import Counter, defaultdict
from typing import Any

from scrapy import Request, signals
from scrapy.exceptions import DropItem, IgnoreRequest, NotConfigured
from twisted.python.failure import Failure

from tenderarchive.middlewares import retry_reason
from tenderarchive.rawstore import ResponseIndex
from tenderarchive.replay import ReplayWorkerFailed, gc_paused
from tenderarchive.replay.workers import ItemWorkers, worker_stages

logger = logging.getLogger(__name__)


#: URLs whose canonical form (w3lib's ``canonicalize_url``, which Scrapy's default request
#: fingerprint hashes) :class:`QuickFingerprinter` works out itself: http(s), a lower-case host
#: (and port), a path and ``key=value`` query pairs of unreserved characters only.
_SIMPLE_URL = re.compile(r"(https?://[a-z0-9.-]+(?::[0-9]+)?)(/[A-Za-z0-9._~/-]*)?"
                         r"(?:\?([A-Za-z0-9._~-]+=[A-Za-z0-9._~-]*(?:&[A-Za-z0-9._~-]+=[A-Za-z0-9._~-]*)*))?")


#: A request method that JSON writes as it is (Scrapy upper-cases it).
_PLAIN_METHOD = re.compile(r"[A-Z]{1,20}")


class QuickFingerprinter:
    """Scrapy's default request fingerprint (``scrapy.utils.request.fingerprint``: SHA1 of the
    method, the canonical URL and the body), with the canonical URL of a simple URL
    (:data:`_SIMPLE_URL`) worked out here: the URL itself with ``/`` for an empty path and the
    query pairs sorted, which is what ``canonicalize_url`` gives for it. Any other URL, or a
    request with ``verbatim_url``, goes to Scrapy's own fingerprinter.

    Why (issue 14): ``canonicalize_url`` (parsing, quoting and unquoting every part) made the
    duplicate filter's fingerprint about 80 µs per request, a tenth of a direct replay's loop.
    ``tests/replay/test_direct_fingerprints.py`` checks it against Scrapy's on the snapshot's URLs
    and on URLs of every shape the fast path has to refuse."""

    def __init__(self, fingerprinter):
        self.fingerprinter = fingerprinter

    @staticmethod
    def applies(fingerprinter) -> bool:
        from scrapy.utils.request import RequestFingerprinter, fingerprint

        return type(fingerprinter) is RequestFingerprinter and fingerprinter._fingerprint is fingerprint

    def fingerprint(self, request) -> bytes:
        match = _SIMPLE_URL.fullmatch(request.url)
        if match is None or "/." in (match.group(2) or "") or request.meta.get("verbatim_url"):
            return self.fingerprinter.fingerprint(request)
        origin, path, query = match.groups()
        url = origin + (path or "/")
        if query:
            url += "?" + "&".join("=".join(pair) for pair in sorted(p.split("=", 1) for p in query.split("&")))
        method = request.method
        if not _PLAIN_METHOD.fullmatch(method):
            data = {"method": method, "url": url, "body": (request.body or b"").hex(), "headers": {}}
            return hashlib.sha1(json.dumps(data, sort_keys=True).encode()).digest()  # noqa: S324 (Scrapy's hash)
        # What json.dumps(..., sort_keys=True) writes for these values: the URL (of _SIMPLE_URL's
        # characters), the method (letters) and the hex body need no escaping (issue 14: json.dumps
        # was a third of the fingerprint).
        return hashlib.sha1(f'{{"body": "{(request.body or b"").hex()}", "headers": {{}}, "method": "{method}", '  # noqa: S324
                            f'"url": "{url}"}}'.encode()).digest()


#: A ``<meta http-equiv="refresh">`` in an HTML page's ``<head>`` (``tenderarchive.middlewares.get_meta_refresh``
#: reads the whole ``<head>``, and at least the first 4,096 characters: up to :data:`_REFRESH_BYTES` bytes of
#: UTF-8, four per character at most).
_META_REFRESH = re.compile(rb"http-equiv\s*=\s*[\"']?\s*refresh", re.I)
#: Where the ``<head>`` ends, in bytes (``middlewares._HEAD_END``).
_HEAD_END = re.compile(rb"</head\s*>|<body[\s>]", re.I)
#: The bytes searched for a refresh at least: 4,096 characters may take 4 × 4,096 bytes (3,000 "é" in a
#: ``<title>`` before it are 6,000). A refresh the crawl would not read costs only the engine's slower replay.
_REFRESH_BYTES = 4 * 4096


def _refresh_in_head(body: bytes) -> bool:
    """Whether a refresh tag may stand where the crawl reads one: the ``<head>``, or the first
    :data:`_REFRESH_BYTES` bytes (a template's head of inline styles is often longer than 4,096 characters)."""
    end = _HEAD_END.search(body)
    return bool(_META_REFRESH.search(body, 0, max(_REFRESH_BYTES, end.end() if end else _REFRESH_BYTES)))


def replayable(index: ResponseIndex, expects_json: bool = False, page_urls: str | None = None) -> bool:
    """True when every stored response is 2xx (nothing for retry, redirect or HttpError) and no HTML
    page among them refreshes to another page (``<meta http-equiv="refresh">``, or an HTTP ``Refresh``
    header): Scrapy's meta-refresh middleware follows that in the engine, and fed straight to the callback the
    refreshing page was read as the news item and the page it leads to was never asked (its article lost by the
    rebuild, which ``reparse`` refused). A page that only reloads itself (``content="60"``, or a URL that is its own
    address: :func:`refreshes_elsewhere`) is no redirect and needs no engine.
    Nor, for a spider whose requests may expect JSON (``expects_json``: its class says so), one that is no
    JSON and was asked again (a later response of its URL): the retry of a 200 that is no JSON
    (tenderarchive/middlewares.py), which fed straight to the callback was the answer read, not its
    retry's. Which of its requests expected JSON the store does not say: a page of such a spider that is
    no JSON and was asked twice costs only the engine's slower replay. Nor one at an address of ``page_urls`` (a
    regex: the spider's list requests, whose JSON must be a page envelope) that is no page envelope and was asked
    again (a Spring error object sent with 200, retried: tenderarchive/middlewares.py ``no_page``)."""
    pages = re.compile(page_urls) if page_urls else None
    for responses in index.by_url.values():
        for position, stored in enumerate(responses):
            if not 200 <= stored.status < 300:
                return False
            if expects_json and position + 1 < len(responses) and retry_reason(
                    stored.body(index.root), "page" if pages and pages.search(stored.url) else True):
                return False
            kind = next((value for name, value in stored.headers if name.lower() == "content-type"), "")
            refresh_header = any(name.lower() == "refresh" for name, _ in stored.headers)
            if "html" in kind.lower() and (refresh_header or _refresh_in_head(stored.body(index.root))) \
                    and refreshes_elsewhere(stored, index):
                return False
    return True


def refreshes_elsewhere(stored, index: ResponseIndex) -> bool:
    """Whether a stored HTML page's meta refresh names another address, read as the crawl reads it
    (``tenderarchive.middlewares.get_meta_refresh``) whatever its delay or the crawl's ``METAREFRESH_*`` settings (a delay the
    crawl's settings made a redirect costs only the engine's slower replay)."""
    from scrapy.http import Headers, HtmlResponse
    from scrapy.responsetypes import responsetypes
    from tenderarchive.middlewares import get_meta_refresh, refreshes_to_itself

    headers = Headers()
    for name, value in stored.headers:
        headers.appendlist(name, value)
    body = stored.body(index.root)
    try:
        response = responsetypes.from_args(headers=headers, url=stored.url, body=body)(
            url=stored.url, status=stored.status, headers=headers, body=body, request=Request(stored.url))
        # no tag ignored (the crawl may have ignored fewer than Scrapy's default): any refresh counts
        return isinstance(response, HtmlResponse) and bool(get_meta_refresh(response, ignore_tags=())[1]) \
            and not refreshes_to_itself(response.request, response, ())
    except Exception:  # a page Scrapy cannot read as it stored it: the engine decides
        return True


def _drain_async(agen) -> list:
    """Every value of an async generator that never awaits anything real (a spider's ``start``)."""
    values = []
    while True:
        step = agen.__anext__()
        try:
            step.send(None)
        except StopIteration as done:
            values.append(done.value)
            continue
        except StopAsyncIteration:
            return values
        step.close()
        raise RuntimeError("the spider's start() awaits I/O; replay it through the engine")


def _outputs(result) -> list:
    """A callback's output as a list (Scrapy's ``arg_to_iter``: a single item, dict or request
    is one output), an async generator drained."""
    from scrapy.utils.misc import arg_to_iter

    if inspect.isasyncgen(result):
        return _drain_async(result)
    return list(arg_to_iter(result))


def _calls_with_spider(method) -> bool:
    try:
        return len(inspect.signature(method).parameters) > 1
    except (TypeError, ValueError):
        return False


#: The environment variable that asks a direct replay for the CPU seconds of the spider's callbacks
#: and of each item pipeline (``1``), in its ``replayed …`` line (``bench/reparse_speed.py`` sets it).
#: Without it those are counted together with the loop: two ``time.process_time()`` calls (a system
#: call, 0.5–1 µs each) around every callback and every pipeline of every item: 120,247 calls in a
#: reparse of 5,000 notices, ≈ 0.07–0.11 of its ≈ 5.5 CPU-s with the bookkeeping around them (issue 14).
#: Reading the WARC file, the set-up and the close are timed either way.
STEP_TIMES = "TENDERARCHIVE_STEP_TIMES"

#: The name of the per-step line's remainder when the callbacks and pipelines are not timed one by one.
UNTIMED_STEPS = "callbacks, pipelines and loop"

#: Items per batch of a one-process replay (:meth:`DirectReplay.flush`).
BATCH = 64


def step_times_asked() -> bool:
    """Whether :data:`STEP_TIMES` asks for the callbacks' and pipelines' CPU seconds."""
    return os.environ.get(STEP_TIMES, "").strip() not in ("", "0")


class DirectReplay:
    def __init__(self, spidercls, settings, spider_args: dict, index: ResponseIndex, jobs: int = 1,
                 step_times: bool = True):
        from scrapy.crawler import Crawler
        from scrapy.dupefilters import RFPDupeFilter
        from scrapy.pipelines import ItemPipelineManager
        from scrapy.utils.misc import build_from_crawler, load_object

        from tenderarchive.middlewares import RawStoreMiddleware, ReplayMiddleware

        self.crawler = crawler = Crawler(spidercls, settings)
        crawler.crawling = crawler._started = True
        crawler.spider = self.spider = crawler._create_spider(**spider_args)
        crawler._apply_settings()  # stats, fingerprinter, extensions: Scrapy's own, as in a crawl
        self.stats = crawler.stats
        self.signals = crawler.signals
        self.pipelines = ItemPipelineManager.from_crawler(crawler)
        self.process = [(m, _calls_with_spider(m), type(getattr(m, "__self__", m)).__name__)
                        for m in self.pipelines.methods["process_item"]]
        #: ``--jobs N``: the leading pipelines that work on the item alone (``in_workers``: no archive,
        #: no state shared between items) run in N-1 worker processes; the rest here, in order.
        self.jobs = jobs
        self.workers: ItemWorkers | None = None
        #: In one process, the same leading stages run a batch of :data:`BATCH` items at a time, one stage
        #: over the whole batch before the next (:meth:`flush`); the rest per item, in the crawl's order.
        split = worker_stages(self.process)
        self.item_stages, self.rest_stages = self.process[:split], self.process[split:]
        self.batch: list = []
        self.replay = ReplayMiddleware.__new__(ReplayMiddleware)  # its response building, on our index
        self.replay.index, self.replay.stats = index, crawler.stats
        try:
            self.rawstore = RawStoreMiddleware.from_crawler(crawler)  # connects its spider_closed after the extensions'
        except NotConfigured:
            self.rawstore = None
        #: The scheduler's and downloader's counters, added to the stats when the crawl closes (before
        #: anything reads them: CrawlRecorder at spider_closed); Scrapy's stats methods cost ~3.5 µs a call.
        self.counts: Counter = Counter()
        self.dupefilter = build_from_crawler(RFPDupeFilter, crawler)
        if QuickFingerprinter.applies(self.dupefilter.fingerprinter):
            self.dupefilter.fingerprinter = QuickFingerprinter(self.dupefilter.fingerprinter)
        self.robots = crawler.settings.getbool("ROBOTSTXT_OBEY")
        self.robots_parser = load_object(crawler.settings.get("ROBOTSTXT_PARSER"))
        self.robot_parsers: dict[str, Any] = {}
        self.queue: list = []
        self.order = itertools.count()
        #: CPU seconds spent per step (each pipeline by class name and ``callbacks`` when ``step_times``;
        #: ``close`` always).
        self.seconds: dict[str, float] = defaultdict(float)
        self.step_times = step_times

    # --- scheduling ---------------------------------------------------------------------------
    def schedule(self, request: Request) -> None:
        if not request.dont_filter and self.dupefilter.request_seen(request):
            self.counts["dupefilter/filtered"] += 1
            return
        self.counts["scheduler/enqueued"] += 1
        heapq.heappush(self.queue, (-request.priority, -next(self.order), request))

    def handle_output(self, outputs, response) -> None:
        for output in outputs:
            if isinstance(output, Request):
                self.schedule(output)
            elif output is not None:
                self.process_item(output, response)

    # --- items --------------------------------------------------------------------------------
    def process_item(self, item: Any, response) -> None:
        if self.workers is not None:
            self.workers.put(item, response)
        elif self.item_stages:
            self.batch.append((item, response))
            if len(self.batch) >= BATCH:
                self.flush()
        else:
            self.run_stages(self.process, item, response)

    def flush(self) -> None:
        """The batched items (:meth:`process_item`) through the item-alone stages, stage by stage over the
        batch, then each in order through the rest and its signal: what :meth:`run_stages` gives each item
        (a ``DropItem`` or an error in a stage ends that item there), with the error logged and the signals
        sent in the items' order, as ``--jobs N`` sends them (``tenderarchive/replay/workers.py``)."""
        batch, self.batch = self.batch, []
        if not batch:
            return
        spider, timed = self.spider, self.step_times
        seconds, clock = self.seconds, time.process_time
        items = [item for item, _ in batch]
        failed: dict[int, BaseException] = {}
        for method, with_spider, name in self.item_stages:
            began = clock() if timed else 0.0
            for position, item in enumerate(items):
                if position in failed:
                    continue
                try:
                    items[position] = method(item, spider) if with_spider else method(item)
                except Exception as exc:
                    failed[position] = exc
            if timed:
                seconds[name] += clock() - began
        for position, (item, (_, response)) in enumerate(zip(items, batch)):
            exc = failed.get(position)
            if exc is None:
                self.run_stages(self.rest_stages, item, response)
            elif isinstance(exc, DropItem):
                self.signals.send_catch_log(signal=signals.item_dropped, item=item, response=response,
                                            spider=spider, exception=exc)
            else:
                logger.error("error processing %r", item, exc_info=exc)
                self.signals.send_catch_log(signal=signals.item_error, item=item, response=response,
                                            spider=spider, failure=Failure(exc, type(exc), exc.__traceback__))

    def run_stages(self, stages, item: Any, response) -> None:
        """``item`` through ``stages`` (pipelines' ``process_item``), then the signal Scrapy sends;
        each stage's CPU seconds counted only when the replay times its steps (:data:`STEP_TIMES`)."""
        spider = self.spider
        try:
            if self.step_times:
                seconds, clock = self.seconds, time.process_time
                for method, with_spider, name in stages:
                    began = clock()
                    item = method(item, spider) if with_spider else method(item)
                    seconds[name] += clock() - began
            else:
                for method, with_spider, _ in stages:
                    item = method(item, spider) if with_spider else method(item)
        except DropItem as exc:  # counted by Scrapy's CoreStats, recorded by CrawlRecorder
            self.signals.send_catch_log(signal=signals.item_dropped, item=item, response=response,
                                        spider=spider, exception=exc)
        except Exception:
            logger.error("error processing %r", item, exc_info=True)
            self.signals.send_catch_log(signal=signals.item_error, item=item, response=response,
                                        spider=spider, failure=Failure())
        else:  # counted by Scrapy's CoreStats
            self.signals.send_catch_log(signal=signals.item_scraped, item=item, response=response, spider=spider)

    # --- one request --------------------------------------------------------------------------
    def _call(self, function, argument, response, **kwargs) -> None:
        timed = self.step_times
        began = time.process_time() if timed else 0.0
        try:
            outputs = _outputs(function(argument, **kwargs))
            if timed:
                self.seconds["callbacks"] += time.process_time() - began
        except Exception:
            failure = Failure()
            if self.workers is not None:  # the items before it reach the crawl's errors before it, as in one process
                self.workers.drain()
            self.flush()
            logger.error("spider error processing %s", getattr(response, "url", None), exc_info=True)
            self.stats.inc_value("spider_exceptions/count")
            self.stats.inc_value(f"spider_exceptions/{failure.type.__name__}")
            if response is not None:
                self.signals.send_catch_log(signal=signals.spider_error, failure=failure, response=response,
                                            spider=self.spider)
            return
        self.handle_output(outputs, response)

    def download(self, request: Request):
        """The recorded response to ``request``, indexed in ``fetches`` (or ``IgnoreRequest``)."""
        # As in the engine's replay: ReplayMiddleware answers before Scrapy's DownloaderStats sees
        # the request (a replayed crawl records 0 requests: nothing went over the network), and
        # every middleware's process_response sees the response (so responses are counted).
        response = self.replay.process_request(request)
        self.counts["downloader/response_count"] += 1
        self.counts[f"downloader/response_status_count/{response.status}"] += 1
        if self.rawstore is not None:
            response = self.rawstore.process_response(request, response)
        return response

    def check_robots(self, request: Request) -> None:
        """Scrapy's ``RobotsTxtMiddleware`` (a spider with ``ROBOTSTXT_OBEY``): the first request
        to a host first downloads its robots.txt (a recorded response, like any other); a
        request it forbids raises ``IgnoreRequest("Forbidden by robots.txt")``."""
        if not self.robots or request.meta.get("dont_obey_robotstxt") or request.url.startswith(("data:", "file:")):
            return
        from scrapy.utils.httpobj import urlparse_cached
        from scrapy.utils.misc import build_from_crawler

        url = urlparse_cached(request)
        if url.netloc not in self.robot_parsers:
            parser = None
            robots = Request(f"{url.scheme}://{url.netloc}/robots.txt", priority=1000,
                             meta={"dont_obey_robotstxt": True})
            try:
                response = self.download(robots)
                self.stats.inc_value("robotstxt/response_count")
                self.stats.inc_value(f"robotstxt/response_status_count/{response.status}")
                parser = build_from_crawler(self.robots_parser, self.crawler, response.body)
            except IgnoreRequest:
                pass
            self.stats.inc_value("robotstxt/request_count")
            self.robot_parsers[url.netloc] = parser
        parser = self.robot_parsers[url.netloc]
        if parser is None:
            return
        settings = self.crawler.settings
        agent = settings["ROBOTSTXT_USER_AGENT"] or request.headers.get(b"User-Agent", settings["USER_AGENT"])
        if not parser.allowed(request.url, agent):
            self.stats.inc_value("robotstxt/forbidden")
            raise IgnoreRequest("Forbidden by robots.txt")

    def fetch(self, request: Request) -> None:
        self.counts["scheduler/dequeued"] += 1
        try:
            self.check_robots(request)
            response = self.download(request)
        except IgnoreRequest as exc:
            if request.errback is not None:
                failure = Failure(exc)
                failure.request = request
                self._call(request.errback, failure, None)
            return
        callback = request.callback or self.spider._parse
        self._call(callback, response, response, **request.cb_kwargs)

    # --- the crawl ----------------------------------------------------------------------------
    def run(self) -> str:
        """Replay the crawl; its status (complete/partial/failed) as ``CrawlRecorder`` set it."""
        spider = self.spider
        for method in self.pipelines.methods["open_spider"]:
            method(spider) if _calls_with_spider(method) else method()
        self.stats.open_spider()
        self.signals.send_catch_log(signal=signals.spider_opened, spider=spider)
        if self.jobs > 1:
            # Forked now: the workers' pipelines see the spider and settings as opened (the crawl id set).
            self.workers = ItemWorkers.start(self, self.jobs - 1)
        reason = "finished"
        try:
            for request in _drain_async(spider.start()):
                if isinstance(request, Request):
                    self.schedule(request)
                elif request is not None:
                    self.process_item(request, None)
            while self.queue:
                self.fetch(heapq.heappop(self.queue)[2])
            self.flush()
            if self.workers is not None:
                self.workers.drain()
        except ReplayWorkerFailed:  # not this crawl's fault: the reparse fails, nothing is swapped in
            raise
        except Exception:  # the replay itself broke: close as Scrapy closes a spider that failed
            logger.exception("direct replay failed")
            reason = "shutdown"
            if self.workers is not None:  # the items before the break, as one process had written them
                self.workers.drain()
            self.flush()
        finally:
            if self.workers is not None:
                for name, value in self.workers.close().items():
                    self.seconds[f"{name} (workers)"] += value
                self.workers = None
        for key, count in self.counts.items():
            self.stats.inc_value(key, count)
        self.counts.clear()
        began = time.process_time()
        for method in self.pipelines.methods["close_spider"]:
            method(spider) if _calls_with_spider(method) else method()
        self.signals.send_catch_log(signal=signals.spider_closed, spider=spider, reason=reason)
        self.seconds["close (last batch, derivation)"] += time.process_time() - began
        self.stats.close_spider(reason=reason)
        self.dupefilter.close(reason)
        return self.stats.get_value("tenderarchive/status") or "failed"


def replay_crawl(spidercls, settings, spider_args: dict, index: ResponseIndex,
                 seconds: dict | None = None, jobs: int = 1, step_times: bool | None = None) -> str:
    """Replay one crawl recorded in ``index`` with ``spidercls``; its status. ``seconds``, when
    given, receives the CPU seconds of this process spent per step (the machine may be shared:
    CPU time is steadier than wall time), ``loop`` being the rest (responses, the fetch index,
    scheduling, signals), and the ``wall`` and ``total`` (CPU) seconds of the whole replay.
    ``step_times`` (default: :data:`STEP_TIMES` in the environment): the callbacks and each pipeline
    timed apart; without, they are in the rest, named :data:`UNTIMED_STEPS`."""
    if step_times is None:
        step_times = step_times_asked()
    began, cpu = time.perf_counter(), time.process_time()
    with gc_paused():  # the crawler, spider and pipelines live through the replay
        replay = DirectReplay(spidercls, settings, spider_args, index, jobs, step_times)
    if seconds is not None:
        seconds["set-up"] = time.process_time() - cpu
    # What lives through the whole replay (the modules, the reference data, the pipelines'
    # automata, the stored responses' index, the spider) is kept out of the cyclic garbage
    # collector's passes while it runs (issue 14: each full pass walked all of it, about a tenth
    # of a 2,000-notice replay's CPU); reference counting still frees what it can, and it is
    # handed back to the collector when the replay ends, so nothing outlives its crawl.
    gc.freeze()
    try:
        status = replay.run()
    finally:
        gc.unfreeze()
    if seconds is not None:
        seconds.update(replay.seconds)
        total = time.process_time() - cpu
        seconds["loop" if step_times else UNTIMED_STEPS] = total - sum(v for k, v in replay.seconds.items() if not k.endswith("(workers)")) \
            - seconds["set-up"]
        seconds["total"] = total
        seconds["wall"] = time.perf_counter() - began
    return status
