"""Downloader middlewares: Retry-After, redirects, the raw WARC store, and WARC replay.

``RetryAfterMiddleware`` is Scrapy's own ``RetryMiddleware`` plus what Scrapy does
not do (scrapy#3849): when a retryable response (429, 503, …) carries
``Retry-After``, wait that long before the retry is scheduled (an HTTP date: less the response's own ``Date``,
the server's clock). A 429 or 503 without
the header (TenderNed and TED send none: docs/reference/tenderned-api.md) waits
``RETRY_BACKOFF_BASE`` seconds, doubled on each retry of the same request (1, 2, 4, 8 s),
instead of coming back at the download delay; and with AutoThrottle on (the default) a 429, or a 503 with
``Retry-After`` (the service says when it is back: RFC 9110 §10.2.3), also slows the whole site down: its download slot's delay is raised to the wait (at most
``AUTOTHROTTLE_MAX_DELAY``), which AutoThrottle then lowers again as answers come back. Every wait is capped by
``RETRY_AFTER_MAX`` so a hostile or broken header cannot stall a crawl for hours. And a retry budget (``RETRY_BUDGET``): at most that many retries
in one crawl, all requests together, so a source failing everywhere costs a bounded
number of requests; after that a failing request fails at once (and is recorded by
the spider's errback). Everything else (which codes, how many times, give-up
logging, stats) stays Scrapy's. One addition to what is retried: a request that expects JSON
(``request.meta["expects_json"]``: TenderNed's API) answered 2xx with a body that is no JSON (truncated,
garbled, empty, an HTML maintenance or error page a proxy sends with 200) is retried like a 5xx, within
the same budget, and so is a list request's (``"page"``) JSON that is no page envelope (a Spring error object
sent with 200: :func:`no_page`), and any other request's error object sent with 200 saying a retried status
(:func:`spring_error`: Spring's, with or without its ``timestamp``, or RFC 9457 problem details); past its retries the answer goes to the spider, which records it. ``"or html"``: JSON or
an HTML page (``/html``, whose rendering may come bare), so only a body that is neither is retried.
"""

from __future__ import annotations

import asyncio
import email.utils
import html
import json
import logging
import os
import re
import time
import weakref
from pathlib import Path
from datetime import datetime, timezone

from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware as BaseMetaRefreshMiddleware
from scrapy.downloadermiddlewares.redirect import RedirectMiddleware as BaseRedirectMiddleware
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware as BaseRobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Headers, HtmlResponse, Response, TextResponse
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.response import response_status_message
from w3lib.url import canonicalize_url

from tenderarchive.rawstore import fetch_row, utc_now, warc_date

logger = logging.getLogger(__name__)


def parse_retry_after(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` value (delta-seconds or HTTP date).

    >>> parse_retry_after(b"3")
    3.0
    >>> parse_retry_after("soon") is None
    True
    >>> parse_retry_after("1.5")  # not RFC 9110's form, but sent: honoured, not taken for no header
    1.5
    >>> parse_retry_after(b"\\xb2") is None  # "²": a digit to str.isdigit, none to RFC 9110 (or float)
    True
    """
    if value is None:
        return None
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    value = value.strip()
    if re.fullmatch(r"[0-9]+", value):  # RFC 9110's DIGIT, not str.isdigit's ("²" is no number float reads)
        return float(value)
    if re.fullmatch(r"[0-9]{1,9}\.[0-9]{1,6}", value):
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    now = now or datetime.now(timezone.utc)
    return max(0.0, (when - now).total_seconds())


def response_date(response) -> datetime | None:
    """The server's clock when it answered: its ``Date`` header (RFC 9110 §6.6.1), aware; None without one that reads.

    A ``Retry-After`` HTTP date is a moment on the server's clock; read against this machine's, a server whose clock
    is behind (an hour: a zone or DST slip) gave a date already past, no wait at all (a 1 s back-off where it asked
    for a minute), and one ahead the longest wait (``RETRY_AFTER_MAX``). The delay it means is the date less the
    response's own ``Date``.

    >>> response_date(Response("http://127.0.0.1/", headers={"Date": "Sun, 06 Nov 1994 08:49:37 GMT"})).isoformat()
    '1994-11-06T08:49:37+00:00'
    >>> response_date(Response("http://127.0.0.1/", headers={"Date": "gisteren"})) is None
    True
    """
    value = response.headers.get("Date")
    if not value:
        return None
    try:
        when = email.utils.parsedate_to_datetime(value.decode("latin-1").strip())
    except (TypeError, ValueError, IndexError):
        return None
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


#: What :func:`read_json` raises for a body that is no JSON (deep nesting and bad bytes included;
#: ``AttributeError``: a body-only ``Response`` that is not UTF-8 has no ``text``).
NOT_JSON = (ValueError, UnicodeDecodeError, AttributeError, RecursionError)


def read_json(response):
    """The JSON value of a response's body, read from its bytes as UTF-8 (or UTF-16/32 by its first
    bytes; a BOM is dropped) whatever charset the Content-Type declares: RFC 8259 §8.1, §11 (JSON is
    UTF-8; "charset" has no effect on application/json). A body that is not UTF-8 falls back to the
    declared charset. Raises one of :data:`NOT_JSON` for a body that is no JSON."""
    try:
        return json.loads(response.body)
    except UnicodeDecodeError:
        return json.loads(response.text)


def utf8_body(response) -> bytes:
    """The response's body as UTF-8 bytes, for a reader that has only the bytes (the ``/html`` rendering: the
    awards pipeline and a reparse read ``NoticeItem.html_body``). A body that reads as JSON's own encodings (UTF-8,
    or UTF-16/32 by its first bytes: RFC 8259) is returned as it came, whatever charset is declared, as
    :func:`read_json` reads it; one that does not is decoded by the charset its response declares (the
    Content-Type's, a BOM, an HTML page's ``<meta charset>``) and re-encoded. A rendering sent in ISO-8859-1 as
    declared was read as UTF-8 with every accented letter a U+FFFD, "Officiële benaming" no label any more: the
    award notice archived without its winners."""
    body = response.body
    try:
        body.decode(json.detect_encoding(body))
        return body
    except UnicodeDecodeError:
        pass
    try:
        return response.text.encode("utf-8")
    except AttributeError:  # a body-only Response: no charset to read it by
        return body


def not_json(response) -> bool:
    """Whether a response's body (or a body's bytes, read as UTF-8 alone) is no JSON at all (what
    :func:`read_json` cannot read)."""
    try:
        read_json(response) if not isinstance(response, bytes) else json.loads(response)
    except NOT_JSON:
        return True
    return False


#: The statuses retried when no crawler's ``RETRY_HTTP_CODES`` is given (tenderarchive/settings.py sets the same): what
#: an error object sent with 200 is read against outside a crawl (the replay's :func:`retry_reason`).
RETRIED = (429, 500, 502, 503, 504, 522, 524, 408)


def no_page(value, retry_codes=RETRIED) -> str | None:
    """Why the JSON ``value`` answering a list request (``expects_json`` ``"page"``: TenderNed's ``/publicaties``) is
    no page and is asked again, or None for a page envelope (one with ``totalElements``: docs/reference/tenderned-api.md
    §3, an empty window's too). A Spring error object sent with status 200 (``{"timestamp", "status": 500, "error",
    "path"}``) is the server failing as a 500 does, and so is any other answer that is no envelope (``{}``, an array);
    an error object whose ``status`` is a 4xx the retries leave alone (400, 404: the server refusing the request
    itself) is not asked again, as that status sent as such is not."""
    if isinstance(value, dict) and "totalElements" in value:
        return None
    status = _status_of(value)
    if status is not None and 400 <= status < 500 and status not in retry_codes:
        return None
    if isinstance(value, dict) and ("error" in value or "status" in value):
        return "error object sent with 200" + (f" (status {status})" if status is not None else "")
    return "no page envelope"


def retry_reason(body, expects, retry_codes=RETRIED) -> str | None:
    """Why a 2xx answer (a response, or a body's bytes) to a request expecting JSON (``expects``: the request's
    ``expects_json``) is retried like a 5xx, or None: no JSON (an HTML page too, unless ``"or html"``), or for a list
    request (``"page"``) no page envelope (:func:`no_page`), or an error object (:func:`spring_error`). ``"pdf"``: a
    PDF is expected, only an error object in its place is retried. The replay of a crawl reads a stored answer the same way
    (tenderarchive/replay/direct.py ``replayable``)."""
    try:
        value = read_json(body) if not isinstance(body, bytes) else json.loads(body)
    except NOT_JSON:
        raw = body if isinstance(body, bytes) else body.body
        if expects == "pdf":  # a PDF (or a page in its place, which the spider records as no PDF)
            return None
        return None if expects == "or html" and raw.lstrip()[:1] == b"<" else "malformed JSON"
    return no_page(value, retry_codes) if expects == "page" else spring_error(value, retry_codes)


def _status_of(value) -> int | None:
    """An error object's ``status`` as a number (Spring writes one; a string of digits is read too), else None."""
    status = value.get("status") if isinstance(value, dict) else None
    if isinstance(status, str) and status.strip().isdigit():
        status = int(status)
    return status if isinstance(status, int) and not isinstance(status, bool) else None


#: The keys of an error object and nothing else: Spring Boot's (its DefaultErrorAttributes: ``timestamp``, ``status``,
#: ``error``, ``message``, ``path``, with ``exception``, ``trace``, ``errors`` when configured; WebFlux's
#: ``requestId``) and RFC 9457's problem details (Spring 6's ``ProblemDetail``: ``type``, ``title``, ``status``,
#: ``detail``, ``instance``). No record of a TenderNed endpoint is made of these alone: a detail always has its
#: ``publicatieId``, ``/documenten`` its ``documenten``, ``/html`` its ``html``, and ``/gerelateerd`` is an array
#: (docs/reference/tenderned-api.md §4–§6).
ERROR_KEYS = frozenset({"timestamp", "status", "error", "message", "path", "exception", "trace", "errors", "requestId",
                        "type", "title", "detail", "instance"})


def spring_error(value, retry_codes=RETRIED) -> str | None:
    """Why a JSON answer of any TenderNed endpoint (a detail, ``/documenten``, ``/gerelateerd``, ``/html``) is asked
    again: an error object sent with 200 and saying a status that is retried (500, 503 …), which no record of those
    endpoints is (§4–§6: a detail names its state ``aanbestedingStatus``). It was the notice's failure recorded ("item
    dropped", its documents unread) and asked only by the next run. An error object is Spring Boot's with its
    ``timestamp`` and ``error``, or any object of nothing but :data:`ERROR_KEYS` that says its ``error`` (or its
    ``title``) beside its ``status`` (``{"status": 503, "error": "Service Unavailable", "path": …}``: a gateway's or a
    filter's, without ``timestamp``). An object that also carries other keys (a record's: ``publicatieId``,
    ``documenten``, ``html`` …) or no ``error``/``title`` is no unambiguous error: None, read by the spider as it
    comes (and recorded when it is no record). None too for an error object of a 4xx (the server's answer)."""
    if not error_object(value):
        return None
    status = _status_of(value)
    if status is None or not (status in retry_codes or status >= 500):
        return None
    return f"error object sent with 200 (status {status})"


def error_object(value) -> bool:
    """Whether a JSON value is an error object (:func:`spring_error`): Spring Boot's, with its ``timestamp`` and
    ``error``, or any object of nothing but :data:`ERROR_KEYS` that says its ``error`` (or its ``title``)."""
    return isinstance(value, dict) and (("timestamp" in value and "error" in value)
                                        or (("error" in value or "title" in value) and value.keys() <= ERROR_KEYS))


#: The statuses that say a publication (or its documents list, related notices, rendering, PDF) is not there: the
#: spider's errbacks read them as TenderNed's answer, "withdrawn or gone", not as a failure to retry.
GONE_STATUSES = (404, 410)
#: A response's flag (``Response.flags``) for an answer sent with HTTP 200 that is read as the status its error
#: object says (:func:`said_gone`).
SAID_BY_ERROR_OBJECT = "status said by an error object sent with HTTP 200"
#: Only a body this short is read for it (an error object is a few hundred bytes, a few dozen kB with a stack trace).
_SAID_MAX = 1 << 20


def said_gone(response) -> int | None:
    """The 404 or 410 that a 2xx JSON answer says in its place (an error object, :func:`error_object`, whose
    ``status`` is 404 or 410: ``{"timestamp", "status": 404, "error": "Not Found", "path"}``), or None. A gateway or
    filter in front of TenderNed's API that sends every answer with 200 still says the publication is gone: the
    answer is that status, as if sent as such (the spider's errback reads it: an archived notice kept, recorded once,
    docs/reference/tenderned-api.md §4). Read as a detail it was "no publication record", recorded by every crawl
    re-checking the notice. An object that also carries a record's key (``publicatieId``, ``documenten``, ``html``)
    is no unambiguous error object: None. Only a body of at most 1 MiB that starts with ``{`` and names a
    ``"status"`` is read (every detail passes here: the rest are not parsed twice)."""
    body = getattr(response, "body", b"") or b""
    if (not 200 <= getattr(response, "status", 0) < 300 or len(body) > _SAID_MAX or body.lstrip()[:1] != b"{"
            or b'"status"' not in body):
        return None
    try:
        value = read_json(response)
    except NOT_JSON:
        return None
    if not error_object(value) or {"publicatieId", "documenten", "html"} & value.keys():
        return None
    status = _status_of(value)
    return status if status in GONE_STATUSES else None


class RetryAfterMiddleware(RetryMiddleware):
    def __init__(self, settings):
        super().__init__(settings)
        self.retry_after_max = settings.getfloat("RETRY_AFTER_MAX", 300)
        self.backoff_base = settings.getfloat("RETRY_BACKOFF_BASE", 1.0)
        self.backoff_codes = set(settings.getlist("RETRY_BACKOFF_HTTP_CODES", [429, 503]))
        self.slot_delay_max = settings.getfloat("AUTOTHROTTLE_MAX_DELAY", 60.0)
        self.replay = bool(settings.get("WARC_REPLAY"))  # a replay has no server to wait for
        # A raised slot delay comes down again only through AutoThrottle: without it, one 429 would
        # slow the rest of the crawl.
        self.slow_down_site = settings.getbool("AUTOTHROTTLE_ENABLED")
        self.budget = settings.getint("RETRY_BUDGET", 0) or None  # 0: no budget
        self.retries = 0

    def _retry(self, request, reason):
        if self.budget is not None and self.retries >= self.budget:
            if self.retries == self.budget:
                logger.warning("retry budget of %d retries spent; failing requests are not retried any more",
                               self.budget)
                self.retries += 1
            self.crawler.stats.inc_value("retry/budget_exhausted")
            return None
        retry = super()._retry(request, reason)
        if retry is not None:
            self.retries += 1
        return retry

    async def process_response(self, request, response, spider=None):
        if request.meta.get("dont_retry", False):
            return response
        expects = request.meta.get("expects_json")
        if (response.status not in self.retry_http_codes and expects and 200 <= response.status < 300
                and response.status != 204  # No Content: an answer of nothing (RFC 9110 §15.3.5), not a broken one
                and (reason := retry_reason(response, expects, self.retry_http_codes))):
            # A 200 that is no JSON is a failed answer, not TenderNed's: it was recorded and asked only by
            # the next run, so one garbled or maintenance-page answer left the crawl partial. No wait, as for
            # a 500; past the retries (or the budget) the spider gets it and records what it was. So is a list
            # page's error object sent with 200 (Spring's ``{"timestamp", "status": 500, "error", "path"}``):
            # recorded at once, its window's notices waited for the next run.
            return self._retry(request, reason) or response
        if response.status not in self.retry_http_codes:
            return response
        # an HTTP date is the server's clock: read against its own Date, not this machine's (a skewed clock)
        delay = parse_retry_after(response.headers.get("Retry-After"), now=response_date(response))
        slows_site = self.slows_site(response, delay)  # before ``delay`` becomes a back-off of no header
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            # Not retried (its retries or the crawl's RETRY_BUDGET spent), but the site still said it is
            # rate-limiting: its next requests wait as a retried 429's do. Without this, a long crawl (the `all`
            # profile's first years) past its budget asked on at full speed, each answer another 429, another
            # failed request.
            if slows_site and self.slow_down_site and not self.replay:
                wait = delay or self.backoff_base * 2 ** request.meta.get("retry_times", 0)
                if wait > 0:
                    self._slow_down(request, min(wait, self.retry_after_max))
            return response
        if delay:
            delay = min(delay, self.retry_after_max)
            logger.info("%s answered %s with Retry-After; waiting %.1fs", request.url, response.status, delay)
            self.crawler.stats.inc_value("retry_after/waits")
        elif response.status in self.backoff_codes and self.backoff_base > 0:
            delay = min(self.backoff_base * 2 ** (retry.meta.get("retry_times", 1) - 1), self.retry_after_max)
            logger.info("%s answered %s without Retry-After; backing off %.1fs", request.url, response.status, delay)
            self.crawler.stats.inc_value("retry_backoff/waits")
        if delay and not self.replay:
            if slows_site and self.slow_down_site:
                self._slow_down(request, delay)
            await asyncio.sleep(delay)
        return retry

    @staticmethod
    def slows_site(response, delay: float | None) -> bool:
        """Whether the answer speaks for the whole site, so that its next requests wait too: a 429 (too many requests),
        or a 503 with ``Retry-After`` ("how long the service is expected to be unavailable to the client", RFC 9110
        §10.2.3). A 503 saying so slowed only its own request: the crawl went on asking the site at full speed, each
        answer another 503 waiting its own time, the retry budget spent on a service that had said when it would be
        back. A 503 without the header is one request's failure (a node, a proxy), backed off alone."""
        return response.status == 429 or (response.status == 503 and delay is not None)

    def _slow_down(self, request, delay: float) -> None:
        """Raise the delay of the request's download slot (its site) to ``delay``."""
        downloader = getattr(getattr(self.crawler, "engine", None), "downloader", None)
        slot = downloader.slots.get(downloader.get_slot_key(request)) if downloader is not None else None
        if slot is not None and slot.delay < delay:
            slot.delay = min(delay, self.slot_delay_max)
            self.crawler.stats.inc_value("retry_backoff/site_slowed")


def network_reason(exc: BaseException) -> str:
    """Why a request got no answer, as a user can act on it: the exception's name, and for a TLS handshake that
    failed (a site misconfigured, or an ``https`` address of a host serving only ``http``) OpenSSL's reason, for a
    host name that does not resolve (a site gone, a typo in ``base_url``) that. Scrapy wraps both: a TLS failure
    is a ``DownloadFailedError`` whose cause holds the OpenSSL error, so the crawl's row said
    "DownloadFailedError" and nothing of TLS."""
    name = type(exc).__name__
    for reason in getattr(exc.__cause__, "reasons", None) or []:  # twisted's ResponseFailed: a list of failures
        value = getattr(reason, "value", reason)
        if type(value).__module__.startswith("OpenSSL"):
            errors = value.args[0] if value.args and isinstance(value.args[0], list) else []
            detail = "; ".join(str(e[-1]) for e in errors if isinstance(e, tuple) and e[-1]) or str(value)
            return f"{name}: TLS handshake failed: {detail}"
    if name == "CannotResolveHostError":
        return f"{name}: DNS lookup failed, no address for the host"
    return name


class RobotsTxtMiddleware(BaseRobotsTxtMiddleware):
    """Scrapy's robots.txt rules, with RFC 9309 §2.3.1.4 kept: a robots.txt that is unreachable (a
    server error, ``5xx``, once its retries are spent, or no answer at all) means "complete disallow".
    Scrapy read a ``503`` page as an empty robots.txt, or a failure as none, and crawled the whole
    site. The host's pages are not fetched in this crawl, which records it as an error (the next
    crawl asks again; in a ``--jobdir`` those its duplicate filter would drop are kept for the crawl that resumes it:
    :meth:`UnreachableHostMiddleware.leave`); ``4xx`` is still "no rules" (§2.3.1.3), except ``429 Too Many Requests``: a
    server that turns us away for asking too much has given no rules, and reading its refusal as
    "crawl everything" sent every page of the site at once to a server that asked for fewer (Google's
    crawlers read a robots.txt ``429`` as a ``5xx`` too). A replay that lacks the file
    (``IgnoreRequest``) and a host given up (``UnreachableHostMiddleware``) are left as Scrapy has them."""

    DISALLOW_ALL = b"User-agent: *\nDisallow: /\n"

    def __init__(self, crawler):
        super().__init__(crawler)
        self.schemes: dict[str, str] = {}  # netloc: the scheme its robots.txt was asked with (Scrapy keys by netloc)
        self.unreachable: set[str] = set()  # netlocs whose robots.txt was unreachable

    async def robot_parser(self, request):
        url = urlparse_cached(request)
        self.schemes.setdefault(url.netloc, url.scheme)
        return await super().robot_parser(request)

    def process_request_2(self, rp, request):
        """A request to a host whose robots.txt was unreachable is not asked, and is no error of its own: the one
        error recorded for the robots.txt says so for all of them. Each was recorded as "Forbidden by robots.txt",
        so a site that was down (a refused connection, a TLS or DNS failure) told the user that its sitemap, feed and
        listings were forbidden, one error each, as if the site had shut out the crawler (:class:`NotAsked`)."""
        netloc = urlparse_cached(request).netloc
        if netloc in self.unreachable:
            why = f"robots.txt of {netloc} unreachable: not asked"
            hosts = self.hosts()
            if hosts is None:
                self.crawler.stats.inc_value("robotstxt/unreachable_skipped")
                raise NotAsked(why)
            # kept in a --jobdir for the crawl that resumes it, as a host given up keeps its requests: Scrapy's
            # duplicate filter there remembered them as asked, and the resumed crawl, robots.txt back, dropped them
            # (a living page never archived). One the resumed crawl asks again from its start (:data:`FROM_START`: a
            # site's sitemap, feed or listing) is not kept: kept too, it was read twice.
            raise hosts.leave(request, netloc.lower(), why, counted="robotstxt/unreachable_skipped")
        return super().process_request_2(rp, request)

    def hosts(self) -> UnreachableHostMiddleware | None:
        """The crawl's :class:`UnreachableHostMiddleware` (its :meth:`~UnreachableHostMiddleware.leave` keeps the
        requests not asked for a resumed crawl), ``None`` if the settings leave it out."""
        engine = getattr(self.crawler, "engine", None)
        manager = getattr(getattr(engine, "downloader", None), "middleware", None)
        for middleware in getattr(manager, "middlewares", ()):
            if isinstance(middleware, UnreachableHostMiddleware):
                return middleware
        return None

    async def _parse_robots(self, response, netloc, request):
        if response.status >= 500 or response.status == 429:
            self._unreachable(response.url, f"HTTP {response.status}", netloc)
            response = response.replace(body=self.DISALLOW_ALL)
        await super()._parse_robots(response, netloc, request)

    def _robots_error(self, exc, netloc):
        if isinstance(exc, IgnoreRequest):
            return super()._robots_error(exc, netloc)
        # the address asked, scheme and all (it was written "//host/robots.txt", no URL a user can open)
        self._unreachable(f"{self.schemes.get(netloc, 'http')}://{netloc}/robots.txt", network_reason(exc), netloc)
        deferred = self._parsers[netloc]
        self._parsers[netloc] = parser = build_from_crawler(self._parserimpl, self.crawler, self.DISALLOW_ALL)
        deferred.callback(parser)

    def _unreachable(self, url: str, why: str, netloc: str) -> None:
        self.unreachable.add(netloc)
        message = (f"robots.txt unreachable ({why}): its host's pages are not fetched in this crawl "
                   "(RFC 9309: complete disallow)")
        self.crawler.stats.inc_value("robotstxt/unreachable")
        spider = self.crawler.spider
        if hasattr(spider, "record_error"):
            entry = spider.record_error(url, message)
            hosts = self.hosts()
            if hosts is not None:  # the error says how many of its requests a --jobdir keeps (its leave())
                hosts.host_errors.setdefault(netloc.lower(), (entry, message, message))
        else:
            logger.error("%s: %s", url, message)


class NotAsked(IgnoreRequest):
    """A request not sent because its host failed already in this crawl (its robots.txt unreachable, the host given
    up as unreachable): one error was recorded for the host, none for each request (the spiders' errbacks)."""


#: Meta key of the request whose failure gave its host up (:class:`UnreachableHostMiddleware`): the host's error, as
#: recorded (its ``url`` the request's), which the spider's errback adds its note to instead of a second error.
HOST_ERROR = "tenderarchive_host_error"

#: The file in ``--jobdir`` (``JOBDIR``) that keeps the requests a crawl did not ask because their host was given up
#: (:class:`UnreachableHostMiddleware`) or its robots.txt was unreachable (:class:`RobotsTxtMiddleware`), for the
#: crawl that resumes the folder to ask them.
NOT_ASKED_FILE = "requests.not_asked"

#: Meta key of a request the crawl resuming its ``--jobdir`` asks again by itself (:class:`FromStartMiddleware`): a
#: start request that passes the duplicate filter (``dont_filter``: a news site's listing, feed, sitemap, robots.txt),
#: or one such a request's answer leads to past the filter (a listing's next pages). Not kept for the resumed crawl
#: (:meth:`UnreachableHostMiddleware.leave`): asked from the folder besides, it was read twice.
FROM_START = "tenderarchive_from_start"


class FromStartMiddleware:
    """Spider middleware marking the requests the crawl resuming a ``--jobdir`` asks again by itself
    (:data:`FROM_START`), as they are made: a start request with ``dont_filter`` (Scrapy's duplicate filter, which in
    the job folder remembers every request asked, lets it through again), and a ``dont_filter`` request yielded from
    the answer to one. The mark goes with the request's retries and redirects (they copy its meta, and set
    ``dont_filter`` of their own, which is why it is marked before them): a retried page is still a page the resumed
    crawl's filter drops, to be kept."""

    @staticmethod
    def marked(request) -> bool:
        return bool(request.meta.get(FROM_START))

    async def process_start(self, start):
        async for item_or_request in start:
            if getattr(item_or_request, "dont_filter", False) and hasattr(item_or_request, "meta"):
                item_or_request.meta[FROM_START] = True
            yield item_or_request

    @staticmethod
    def _marked(item_or_request):
        if getattr(item_or_request, "dont_filter", False) and hasattr(item_or_request, "meta") \
                and hasattr(item_or_request, "callback"):
            item_or_request.meta[FROM_START] = True
        return item_or_request

    def process_spider_output(self, response, result, spider=None):
        parent = getattr(response, "request", None)
        for item_or_request in result:
            yield self._marked(item_or_request) if parent is not None and self.marked(parent) else item_or_request

    async def process_spider_output_async(self, response, result, spider=None):
        parent = getattr(response, "request", None)
        async for item_or_request in result:
            yield self._marked(item_or_request) if parent is not None and self.marked(parent) else item_or_request


class UnreachableHostMiddleware:
    """Stop asking a host that does not answer (docs/reference/peers.md §7: quarantine of failing
    sources, here within one crawl). After ``UNREACHABLE_HOST_FAILURES`` requests to a host in a row
    failed for good (timeouts, refused connections, DNS: every retry spent) with no answer from it
    in between, the rest of its requests in this crawl are not sent: one error is recorded for the
    host, under the address of the request that gave it up (whose errback records no error of its own:
    one error per cause and address), and each request skipped is counted (``unreachable/skipped``),
    not recorded again. A news site that timed out cost ``DOWNLOAD_TIMEOUT`` × (``RETRY_TIMES`` + 1) per request, one request at
    a time: most of an hour of the nightly crawl for a site that is down. Any answer (an HTTP error
    too) shows the host is there and resets its count; ``0`` switches this off.

    Placed before the retries (a lower order than ``RetryAfterMiddleware``), so it sees a request's
    failure only once the retries are spent, and every retry of a skipped host is skipped too.

    A request already sent when its host is given up that fails after it is no error of its own either: its failure
    reaches the spider as :class:`NotAsked` (counted ``unreachable/in_flight`` and ``unreachable/skipped``).

    A request passes the downloader middlewares before it waits in its download slot (Scrapy's ``Downloader``
    queues it there for the slot's concurrency and delay), so those already waiting for a host when it is given
    up would still be sent, a timeout each: they are taken out of the slot's queue and skipped the same way
    (:meth:`skip_waiting`; Scrapy has no hook between the slot's queue and the download).

    A crawl in a ``--jobdir`` keeps the requests it did not ask (skipped, waiting or in flight) in
    ``JOBDIR/requests.not_asked`` (:meth:`leave`): Scrapy's duplicate filter there remembers them as asked, so the
    crawl resumed in that folder (the host back) asked none of them and the notices they led to were lost until the
    window was listed again. The crawl that resumes the folder asks them first (:meth:`ask_again`, past the duplicate
    filter), and the host's error says how many it keeps ("N not asked"; the roots that crawl asks again by itself,
    :data:`FROM_START`, are neither kept nor counted)."""

    def __init__(self, crawler):
        from scrapy.utils.misc import load_object

        self.crawler = crawler
        self.limit = crawler.settings.getint("UNREACHABLE_HOST_FAILURES", 3)
        self.network_errors = tuple(load_object(e) if isinstance(e, str) else e
                                    for e in crawler.settings.getlist("RETRY_EXCEPTIONS"))
        self.failures: dict[str, int] = {}
        self.down: set[str] = set()
        jobdir = crawler.settings.get("JOBDIR")
        self.kept = Path(jobdir, NOT_ASKED_FILE) if jobdir else None
        self.left: dict[str, int] = {}  # requests not asked and kept for the resumed crawl, by host
        # the host's error entry, its message as given up, and as it now reads (:meth:`leave`)
        self.host_errors: dict[str, tuple[dict, str, str]] = {}
        if self.kept is not None:
            from scrapy import signals

            crawler.signals.connect(self.ask_again, signal=signals.spider_opened)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    @staticmethod
    def read_kept(path: Path) -> list[dict]:
        """The requests kept in ``path`` (:meth:`leave`), as Scrapy's ``Request.to_dict`` gives them."""
        import pickle

        kept = []
        with path.open("rb") as stream:
            while True:
                try:
                    kept.append(pickle.load(stream))
                except EOFError:
                    break
                except Exception:  # a record cut off (the crawl killed while writing it): the ones before it stand
                    logger.warning("%s: a record cut off, %d read before it", path, len(kept))
                    break
        return kept

    def ask_again(self, spider) -> None:
        """The crawl resumes a job folder whose crawl gave a host up: the requests it did not ask are asked now, let
        through the duplicate filter (which remembers them as asked), counted ``unreachable/asked_again``."""
        from scrapy.utils.request import request_from_dict

        if not self.kept.is_file():
            return
        pending = self.read_kept(self.kept)
        self.kept.unlink()  # read before this crawl keeps its own (a host given up again)
        for data in pending:
            try:
                request = request_from_dict(data, spider=spider).replace(dont_filter=True)
            except Exception as exc:  # a callback the spider no longer has
                logger.warning("a request kept in %s not asked again: %s", self.kept, exc)
                continue
            self.crawler.stats.inc_value("unreachable/asked_again")
            self.crawler.engine.crawl(request)
        if pending:
            logger.info("%d requests the crawl before in %s did not ask (their host was given up) are asked",
                        len(pending), self.kept.parent)

    def leave(self, request, host: str, why: str, counted: str = "unreachable/skipped") -> NotAsked:
        """``request`` is not asked (its host was given up, or its robots.txt unreachable:
        :class:`RobotsTxtMiddleware`): counted (stat ``counted``), kept in the job folder for the crawl that resumes
        it (``--jobdir``; not one that crawl asks again by itself, :data:`FROM_START`: a news site's listing, feed or
        sitemap, read twice when kept besides), and, kept, counted in the host's error ("N not asked; the crawl resumed
        with --jobdir asks them": only what that crawl asks from the folder, branch refnews79); the :class:`NotAsked`
        to raise."""
        self.crawler.stats.inc_value(counted)
        if self.kept is not None and not request.meta.get(FROM_START):
            import pickle

            meta = {k: v for k, v in request.meta.items() if k not in (HOST_ERROR, "retry_times")}
            try:
                data = pickle.dumps(request.replace(meta=meta).to_dict(spider=self.crawler.spider))
            except Exception as exc:  # not a spider's method as callback, or meta that does not pickle
                logger.warning("%s not kept for a resumed crawl: %s", request.url, exc)
            else:
                with self.kept.open("ab") as stream:
                    stream.write(data)
                self.left[host] = self.left.get(host, 0) + 1
        if host in self.left and host in self.host_errors:
            entry, base, said = self.host_errors[host]
            if entry.get("error", "").startswith(said):  # the note an errback added after it stays the end
                now = f"{base} ({self.left[host]} not asked; the crawl resumed with --jobdir asks them)"
                entry["error"] = now + entry["error"][len(said):]
                self.host_errors[host] = (entry, base, now)
        return NotAsked(why)

    @staticmethod
    def host(request) -> str:
        return urlparse_cached(request).netloc.lower()  # Scrapy's parse, cached on the request

    def process_request(self, request, spider=None):
        if self.limit and self.host(request) in self.down:
            raise self.leave(request, self.host(request), f"unreachable host {self.host(request)}: not asked")
        return None

    def process_response(self, request, response, spider=None):
        self.failures.pop(self.host(request), None)
        return response

    def process_exception(self, request, exception, spider=None):
        if not self.limit or not isinstance(exception, self.network_errors):
            return None
        host = self.host(request)
        if host in self.down:
            # Sent before its host was given up (in flight, or started by the slot as a failure before freed it) and
            # failed after: no error of its own, as a request skipped is none (:class:`NotAsked`). Recorded, a crawl of
            # a host that is down listed besides the host's one error a "request failed" line for each request it
            # had in flight then (seven list pages of a TenderNed window whose API refused connections).
            self.crawler.stats.inc_value("unreachable/in_flight")
            raise self.leave(request, host,
                             f"unreachable host {host}: failed after it was given up ({network_reason(exception)})")
        self.failures[host] = self.failures.get(host, 0) + 1
        if self.failures[host] >= self.limit and host not in self.down:
            self.down.add(host)
            message = (f"host {host} unreachable: {self.failures[host]} requests in a row failed "
                       f"({network_reason(exception)}) after every retry; its other requests in this crawl are skipped")
            spider = self.crawler.spider
            if hasattr(spider, "record_error"):
                # the host's one error is this request's too: its errback records no "request failed" line for the
                # same address (BaseSpider.errback, HOST_ERROR), which listed it twice and counted it twice
                request.meta[HOST_ERROR] = entry = spider.record_error(request.url, message)
                self.host_errors[host] = (entry, message, message)
            else:
                logger.error(message)
            self.skip_waiting(host)
        return None

    def skip_waiting(self, host: str) -> None:
        """Skip the requests to ``host`` waiting in the downloader's slots (their download's wait fails with the
        ``IgnoreRequest`` :meth:`process_request` raises, which the spider counts and does not record)."""
        engine = getattr(self.crawler, "engine", None)
        slots = getattr(getattr(engine, "downloader", None), "slots", None) or {}
        for slot in list(slots.values()):
            queue = getattr(slot, "queue", None)
            if not queue:
                continue
            waiting = [(request, wait) for request, wait in queue if self.host(request) == host]
            for entry in waiting:
                queue.remove(entry)
            for request, wait in waiting:
                wait.errback(self.leave(request, host, f"unreachable host {host}: not asked"))


class RedirectMiddleware(BaseRedirectMiddleware):
    """Scrapy's redirects, with two holes closed (issue 13). A redirect request went through
    the duplicate filter, so a redirect loop (or a redirect to a URL already fetched) was
    dropped without a word and the crawl still said complete. Here a redirect to a URL
    already in the request's own chain raises ``IgnoreRequest("redirect loop …")``, which
    reaches the spider's errback and is recorded; other redirects bypass the duplicate
    filter (the chain is bounded by ``REDIRECT_MAX_TIMES``, beyond which Scrapy's
    ``max redirections reached`` is recorded the same way).

    A spider with a ``redirect_request(request, redirected)`` method sees each redirect first: it
    returns the request to follow (its URL tidied), or raises :class:`AskedAlready` for a target
    the crawl asks or has archived already (spiders/news.py: a listing's old link to a moved page
    fetched that page a second time).

    A cookie check (news-sites.md §2.4's consent and cookie machinery: a server answering ``302`` to the page
    itself, or through a ``/cookiecheck`` page back to it, with ``Set-Cookie``, and the page once the cookie comes
    back) is no loop: the cookies a redirect sets go with the rest of its chain on its host
    (:func:`redirect_cookies`; ``COOKIES_ENABLED`` stays off, so no cookie outlives the chain), and only an
    address asked again with the same cookies is a loop. Every such page was a "redirect loop" error of every
    crawl."""

    def _build_redirect_request(self, source_request, response, *, url, **kwargs):
        redirected = super()._build_redirect_request(source_request, response, url=url, **kwargs)
        if urlparse_cached(redirected).scheme not in {"http", "https"}:
            # Scrapy hands such an answer on as it is: "request failed: HTTP 302", saying nothing of where it led
            raise RedirectRefused(f"{source_request.url} redirects to {redirected.url}, not an http(s) address: "
                                  "not followed")
        cookies = redirect_cookies(redirected, response)
        if cookies:
            redirected.headers["Cookie"] = cookies
        return redirected

    def _redirect(self, redirected, request, reason):
        chain = [*request.meta.get("redirect_urls", []), request.url]
        cookie = lambda r: (r.headers.get("Cookie") or b"").decode("latin-1")  # noqa: E731
        visits = [*request.meta.get("redirect_visits", [[url, ""] for url in chain[:-1]]), [request.url, cookie(request)]]
        if redirected.url in chain and [redirected.url, cookie(redirected)] in visits:
            raise IgnoreRequest(f"redirect loop: {request.url} redirects to {redirected.url}")
        redirected = super()._redirect(spider_redirect(self.crawler, request, redirected), request, reason)
        redirected.dont_filter = True
        if any(c for _, c in visits) or cookie(redirected):
            redirected.meta["redirect_visits"] = visits
        return redirected


def redirect_cookies(redirected, response) -> str:
    """The ``Cookie`` header a redirect's next request carries: the cookies its chain carried to it (Scrapy keeps
    the header on the same host and drops it elsewhere) and those the redirecting answer sets, where it comes from
    the host the chain goes on to (read by the standard library's ``http.cookies``; one that ``Max-Age=0`` or an
    empty value deletes is dropped). A browser without a cookie jar beyond the redirect does the same."""
    from http.cookies import CookieError, SimpleCookie

    jar: dict[str, str] = {}
    for pair in (redirected.headers.get("Cookie") or b"").decode("latin-1").split(";"):
        name, _, value = pair.strip().partition("=")
        if name:
            jar[name] = value
    if (urlparse_cached(redirected).hostname or "") == (urlparse_cached(response).hostname or ""):
        for header in response.headers.getlist("Set-Cookie"):
            parsed = SimpleCookie()
            try:
                parsed.load(header.decode("latin-1"))
            except CookieError:
                continue
            for name, morsel in parsed.items():
                if morsel.value in ("", '""') or morsel["max-age"].strip() in ("0", "-1"):
                    jar.pop(name, None)
                else:
                    jar[name] = morsel.value
    return "; ".join(f"{name}={value}" for name, value in jar.items())


#: Where a page's ``<head>`` ends (its ``</head>``, else the ``<body>`` that opens after it): a refresh belongs there.
_HEAD_END = re.compile(r"</head\s*>|<body[\s>]", re.I)
#: What Scrapy's ``get_meta_refresh`` reads of a page: its first 4,096 characters.
SCRAPY_REFRESH_CHARS = 4096
_refresh_cache: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def get_meta_refresh(response, ignore_tags=("script", "noscript")) -> tuple[None, None] | tuple[float, str]:
    """``(delay, absolute URL)`` of an HTML response's refresh, else ``(None, None)``: its HTTP ``Refresh`` header
    (:func:`header_refresh`), else its ``<meta http-equiv="refresh">``, read as Scrapy's
    ``scrapy.utils.response.get_meta_refresh`` reads it (w3lib's reader, the page's base URL and encoding), but
    through the page's whole ``<head>`` (and at least its first 4,096 characters, as Scrapy), no tag cut in two.

    Why not Scrapy's own: it reads the first 4,096 characters only, cut through whatever tag stands there. A CMS
    template's ``<head>`` (a theme's inline styles, a consent plugin's scripts) is often longer: a moved item's
    "Pagina verplaatst" answer whose refresh came later was archived as the item (the item never asked), and one
    whose refresh the cut went through was followed to its address cut short. Nor does it read the header, which a
    server or a CMS's redirect module sends in place of the tag (``Refresh: 0; url=/nieuws/nieuw``): the stub
    was archived as the item. Cached per response (and tags ignored), as Scrapy's."""
    tags = tuple(ignore_tags)
    cached = _refresh_cache.setdefault(response, {})
    if tags not in cached:
        from w3lib import html as w3html

        text = response.text
        end = _HEAD_END.search(text)
        scan = max(SCRAPY_REFRESH_CHARS, end.start() if end else SCRAPY_REFRESH_CHARS)
        base = w3html.get_base_url(text, response.url, response.encoding, max_scan=scan)  # a <base href> there too
        cached[tags] = header_refresh(response, base) \
            or w3html.get_meta_refresh(text, base, response.encoding, ignore_tags=tags, max_scan=scan)
    return cached[tags]


def header_refresh(response, base: str | None = None) -> tuple[float, str] | None:
    """``(delay, absolute URL)`` of a response's HTTP ``Refresh`` header (``Refresh: 0; url=/nieuws/nieuw``), read
    against ``base`` (the page's ``<base href>``, else its URL), else None. HTML gives the header's value the
    meta tag's ``content`` syntax and has it act first (its "shared declarative refresh steps"), so it is read
    by w3lib's reader of the tag, as the tag it stands for: one parser for both. A value without a URL
    (``Refresh: 60``) reloads the page, no redirect, as such a tag."""
    from w3lib import html as w3html

    value = response.headers.get("Refresh")
    if not value:
        return None
    tag = f'<meta http-equiv="refresh" content="{html.escape(value.decode("latin-1"), quote=True)}">'
    interval, url = w3html.get_meta_refresh(tag, base or response.url, "utf-8", ignore_tags=())
    return (interval, url) if interval is not None and url else None


class MetaRefreshMiddleware(BaseMetaRefreshMiddleware):
    """Scrapy's ``<meta http-equiv="refresh">`` redirects (through the duplicate filter, as Scrapy has
    them), shown first to the spider's ``redirect_request`` as :class:`RedirectMiddleware`'s are.

    A page that reloads itself (``content="60; url=<its own address>"``, a news page kept fresh) is the
    page, not a redirect (:func:`refreshes_to_itself`): Scrapy asked its own address again, the duplicate
    filter dropped that request, and the page was lost."""

    def process_response(self, request, response, spider=None):
        """Scrapy's, the refresh read through the page's ``<head>`` (:func:`get_meta_refresh`)."""
        if request.meta.get("dont_redirect", False) or request.method == "HEAD" \
                or not isinstance(response, HtmlResponse) or urlparse_cached(request).scheme not in {"http", "https"}:
            return response
        if refreshes_to_itself(request, response, self._ignore_tags):
            return response
        interval, url = get_meta_refresh(response, ignore_tags=self._ignore_tags)
        if not url:
            return response
        redirected = self._redirect_request_using_get(request, response, url)
        if urlparse_cached(redirected).scheme not in {"http", "https"}:
            return response
        if interval < self._maxdelay:
            return self._redirect(redirected, request, "meta refresh")
        return response

    def _redirect(self, redirected, request, reason):
        return super()._redirect(spider_redirect(self.crawler, request, redirected), request, reason)


def spider_redirect(crawler, request, redirected):
    """The request to follow for a redirect: the spider's ``redirect_request(request, redirected)``
    where it has one (it may raise :class:`AskedAlready`), else ``redirected``."""
    hook = getattr(crawler.spider, "redirect_request", None)
    return hook(request, redirected) if hook is not None else redirected


class AskedAlready(IgnoreRequest):
    """A redirect to a page the crawl asks under its own URL or has archived: not followed, and no
    error (the spider's errback counts it)."""


class RedirectRefused(IgnoreRequest):
    """A redirect off the hosts a request may reach (the news spider: off its site's registered hosts, other than
    a site moved to a new domain): not followed, the host not contacted; the spider's errback records it."""


def meta_refresh_target(request, response, settings) -> str | None:
    """Where a page's ``<meta http-equiv="refresh">`` sends the crawl: the URL Scrapy's
    ``MetaRefreshMiddleware`` follows (an HTML 2xx answer to a GET, a delay under
    ``METAREFRESH_MAXDELAY``), or None. Scrapy caches the read per response, so the middleware
    that follows it does not read the page again. The response is looked at before the settings: most
    answers are no HTML page (the API's JSON), and ``settings.getbool`` was most of this check's ~7 µs a
    response (issue 14)."""
    if not isinstance(response, HtmlResponse) or not 200 <= response.status < 300 or request.method == "HEAD" \
            or request.meta.get("dont_redirect") or not settings.getbool("METAREFRESH_ENABLED", True):
        return None
    if refreshes_to_itself(request, response, settings.getlist("METAREFRESH_IGNORE_TAGS")):
        return None
    interval, url = get_meta_refresh(response, ignore_tags=settings.getlist("METAREFRESH_IGNORE_TAGS"))
    return url if url and interval is not None and interval < settings.getint("METAREFRESH_MAXDELAY", 100) else None


#: The answers Scrapy's redirect middleware follows to their ``Location``. A 300 (Multiple Choices) or 304 (Not
#: Modified) with a ``Location`` header sends the crawl nowhere: its location was kept all the same, and the
#: news spider took the address for a redirect to it (``queries.known_article_urls``).
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


def refreshes_to_itself(request, response, ignore_tags=()) -> bool:
    """Whether a page's ``<meta http-equiv="refresh">`` names its own address (the address asked or
    answered, as the duplicate filter compares them: w3lib's ``canonicalize_url``, without the fragment):
    a reload, not a redirect. A refresh without a URL (``content="60"``) Scrapy does not follow at all."""
    if not isinstance(response, HtmlResponse):
        return False
    _, url = get_meta_refresh(response, ignore_tags=ignore_tags)
    if not url:
        return False
    try:
        target = canonicalize_url(url)
        return target in {canonicalize_url(request.url), canonicalize_url(response.url)}
    except ValueError:
        return False


def fetch_location(request, response, settings):
    """Where an answer sends the crawl, as ``fetches.location`` keeps it (:func:`tenderarchive.rawstore.fetch_row`
    makes it absolute): a redirect's ``Location`` (:data:`REDIRECT_STATUSES`), or the target of a page's meta
    refresh (:func:`meta_refresh_target`). The middleware reads it as it stores a response, ``index_tail`` as it
    indexes a killed crawl's records."""
    if 300 <= response.status < 400:
        return response.headers.get("Location") if response.status in REDIRECT_STATUSES else None
    return meta_refresh_target(request, response, settings)


class RawStoreMiddleware:
    """Write every response to the WARC store before anything parses it, and index it
    in the ``fetches`` table. Replayed responses are indexed but not written again.

    Redirects too (``3xx``, with the ``Location`` they lead to in ``fetches.location``; a page that
    refreshes to another has its target there: :func:`meta_refresh_target`): the
    redirect middlewares sit below this one, so an answer is stored before it is followed. A page
    reached only through an old address was lost by a replay (the address was not in the WARC
    file, and ``reparse`` refused the rebuild), and the news spider asked every redirecting link
    again on every crawl (``queries.known_article_urls`` now knows where it leads).

    Also puts ``fetched_at`` and ``sha256`` in the request's meta, so provenance
    is the time the response was received (the WARC-Date when replayed), or the crawl's moment when it runs as of
    one (``TENDERARCHIVE_NOW``, recorded as the warcinfo's ``now``: ``BaseSpider.read_at``); the ``fetches`` row
    and the WARC-Date keep the machine's time.
    Switched off with ``WARC_STORE_ENABLED = False``.

    The ``fetches`` rows are committed in batches, like the archive's items
    (``FETCHES_BATCH_ROWS`` rows, by default ``ARCHIVE_BATCH_ITEMS``, or ``ARCHIVE_BATCH_SECONDS``,
    and when the spider closes); the WARC record itself is written and synced first, and a crawl killed
    before its batch committed has its file's tail indexed by the next crawl
    (``tenderarchive.rawstore.index_tail``).
    """

    def __init__(self, crawler):
        from scrapy import signals

        if not crawler.settings.getbool("WARC_STORE_ENABLED", True):
            from scrapy.exceptions import NotConfigured
            raise NotConfigured
        self.crawler = crawler
        self.file = None
        self.db = None
        self.pending: list[dict] = []
        self.pending_since = 0.0
        self.first_fetched: str | None = None  # the range of replayed WARC-Dates seen (process_response)
        self.last_fetched: str | None = None
        self.batch_items = (crawler.settings.getint("FETCHES_BATCH_ROWS")
                            or crawler.settings.getint("ARCHIVE_BATCH_ITEMS", 200))
        self.batch_seconds = crawler.settings.getfloat("ARCHIVE_BATCH_SECONDS", 2.0)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def _open(self):
        from tenderarchive.store.writes import open_archive
        from tenderarchive.rawstore import WarcFile, utc_now, warc_dir

        spider = self.crawler.spider
        settings = self.crawler.settings
        self.root = warc_dir(settings)
        self.db = open_archive(settings.get("ARCHIVE_DB"))
        if settings.get("WARC_REPLAY"):
            replayed = Path(settings.get("WARC_REPLAY")).resolve()
            crawl_id = settings.getint("CRAWL_ID")
            if crawl_id and replayed.is_file() and replayed.is_relative_to(self.root.resolve()):
                # a crawl replayed under its own id (reparse): its responses are in that file
                with self.db.conn:
                    self.db["crawls"].update(crawl_id, {"warc_file": replayed.relative_to(self.root.resolve()).as_posix()})
            return
        crawl_id = getattr(spider, "crawl_id", None) or 0
        name = f"{spider.name}-{crawl_id:06d}-{utc_now().strftime('%Y%m%dT%H%M%SZ')}.warc.gz"
        info = {
            "software": f"tenderarchive ({settings.get('USER_AGENT')})",
            "format": "WARC File Format 1.1",
            "spider": spider.name,
            "crawl_id": str(crawl_id),
            "arguments": json.dumps(spider.crawl_arguments() if hasattr(spider, "crawl_arguments") else {}),
            "settings": json.dumps({k: settings.get(k) for k in settings.getlist("WARC_INFO_SETTINGS")}),
        }
        if getattr(spider, "note", None):
            info["note"] = spider.note
        if getattr(spider, "fixed_now", None) is not None:
            # the moment the crawl ran as (TENDERARCHIVE_NOW), which it read every page as of: a reparse reads them so
            info["now"] = spider.fixed_now.astimezone(timezone.utc).isoformat(timespec="seconds")
        # A crawl run again with the same --jobdir resumes the queue of the crawl before (Scrapy's
        # SpiderState keeps ``spider.state`` there): the crawl it resumes is named, so that a reparse
        # replays it with that crawl's responses too (its list pages are in that crawl's file).
        # Only a crawl that did not complete is resumed: the state is kept after every crawl, and a
        # new crawl in the same --jobdir after a complete one starts afresh (its file is its own).
        # The crawls it resumes, nearest first (``tenderarchive_resumed`` in the state: a crawl that resumed one
        # that resumed another), are one crawl with it: ``spider.resumed_crawl_ids``, so that a record one of them
        # archived new and this one writes again is new, not changed (pipelines/archive.py, store/writes.py
        # ``first_written_by``).
        state = getattr(spider, "state", None)
        if isinstance(state, dict):
            before = str(state.get("tenderarchive_crawl_id") or "")
            chain = []
            if before.isdigit() and crawl_id and self.db.execute(
                    "select 1 from crawls where crawl_id = ? and status = 'complete'", [int(before)]).fetchone() is None:
                info["resumes"] = before
                chain = [int(before)] + [int(c) for c in state.get("tenderarchive_resumed") or ()
                                         if str(c).isdigit() and int(c) not in (int(before), crawl_id)]
            if crawl_id:
                state["tenderarchive_crawl_id"] = crawl_id
                state["tenderarchive_resumed"] = chain
            spider.resumed_crawl_ids = chain
        if getattr(spider, "registry_text", None):
            info["registry"] = json.dumps(spider.registry_text)  # one line, as warcinfo fields are
        if getattr(spider, "profile_document", None):
            info["profile"] = json.dumps(spider.profile_document, ensure_ascii=False)  # a topic profile of the user's
        path, n = self.root / name, 1
        while path.exists():  # two archives sharing warc/ whose crawls began in the same second
            n += 1
            path = self.root / name.replace(".warc.gz", f"-{n}.warc.gz")
        self.file = WarcFile(path, info)
        if crawl_id:
            with self.db.conn:
                self.db["crawls"].update(crawl_id, {"warc_file": name})

    def process_response(self, request, response, spider=None):
        if self.db is None:
            self._open()
        replayed = request.meta.get("replayed_from")
        if replayed:
            warc_file, offset, length, fetched_at = replayed
            # When the replayed responses were fetched (CRAWL_TIMES_FROM_WARC), told to the stats only when
            # it moves: a value inside the range seen cannot change their min or max (issue 14: Scrapy's
            # min_value and max_value were 9 µs a response, a sixth of a direct replay's loop; WARC-Dates
            # are whole seconds, so they move a few dozen times a crawl).
            if self.first_fetched is None or fetched_at < self.first_fetched:
                self.first_fetched = fetched_at
                self.crawler.stats.min_value("tenderarchive/first_fetched_at", fetched_at)
            if self.last_fetched is None or fetched_at > self.last_fetched:
                self.last_fetched = fetched_at
                self.crawler.stats.max_value("tenderarchive/last_fetched_at", fetched_at)
        kind = self.fetch_kind(request)
        if not replayed:
            moment = utc_now()
            fetched_at = warc_date(moment)
            reason = getattr(response, "reason", "") or ""
            # the kind is kept in the record too: a crawl killed before this row commits is indexed from the file
            offset, length = self.file.write_response(
                response.url, response.status, reason,
                [(k, v) for k, values in response.headers.items() for v in values], response.body, moment, kind)
            warc_file = self.file.path.name
        row = fetch_row(response.url, response.status, fetched_at.replace("Z", "+00:00"), response.body, warc_file,
                        offset, length, getattr(self.crawler.spider, "crawl_id", None), request.method,
                        location=fetch_location(request, response, self.crawler.settings), kind=kind)
        # the archive's rows read the response as of the crawl's moment (BaseSpider.read_at: TENDERARCHIVE_NOW's, or
        # the one a replayed crawl recorded); the raw store keeps when the machine fetched it
        read_at = getattr(self.crawler.spider, "read_at", None)
        request.meta["fetched_at"] = read_at(row["fetched_at"]) if read_at is not None else row["fetched_at"]
        request.meta["sha256"] = row["sha256"]
        if not self.pending:
            self.pending_since = time.monotonic()
        self.pending.append(row)
        if len(self.pending) >= self.batch_items or time.monotonic() - self.pending_since >= self.batch_seconds:
            self.flush()
        return response

    def fetch_kind(self, request) -> str | None:
        """What the spider asked ``request``'s address as (its ``fetch_kind``: the news spider's ``sitemap``, ``feed``,
        ``page`` …), recorded in ``fetches.kind``; None for a spider that does not say."""
        kind = getattr(self.crawler.spider, "fetch_kind", None)
        return kind(request) if kind is not None else None

    def flush(self):
        if self.pending and self.db is not None:
            # One prepared INSERT for the batch (issue 14: sqlite-utils' insert_all, which converts
            # every value, was a tenth of a direct reparse); every row is a rawstore.fetch_row.
            # OR IGNORE: a replay serves a URL's last recorded response again when the spider asks
            # for it more often than the recorded crawl did (an empty list page asked twice since
            # that crawl): the same WARC record, indexed once. A plain INSERT failed on it and the
            # whole batch of the rebuild's fetch index was lost. A crawl's own records never repeat.
            columns = list(self.pending[0])
            with self.db.conn:
                self.db.conn.executemany(
                    f"INSERT OR IGNORE INTO [fetches] ({', '.join(f'[{c}]' for c in columns)}) "
                    f"VALUES ({', '.join('?' * len(columns))})", [[row[c] for c in columns] for row in self.pending])
        self.pending = []

    def spider_closed(self, spider):
        self.flush()
        if self.file:
            self.file.close()
        if self.db is not None:
            self.db.close()


def path_list(settings, name: str) -> list[str]:
    """A setting that names files: a list, or a string holding a JSON list
    (``-s 'WARC_REPLAY_RESUMED=["/data/a,b/1.warc.gz"]'``) or one path. Never split on commas:
    a path may hold one (Scrapy's ``getlist`` split it in two)."""
    value = settings.get(name)
    if not value:
        return []
    if isinstance(value, str):
        if not value.lstrip().startswith("["):
            return [value]
        try:
            value = json.loads(value)
        except ValueError as exc:
            raise ValueError(f"{name}: not a JSON list of paths: {exc}") from None
    if not isinstance(value, (list, tuple)) or not all(isinstance(path, (str, os.PathLike)) for path in value):
        raise ValueError(f"{name}: give a list of paths, not {value!r}")
    return [os.fspath(path) for path in value]


class ReplayMiddleware:
    """Serve responses from WARC files instead of the network (``WARC_REPLAY`` = a
    file or folder). Each URL gets its recorded responses in order (so a recorded
    429 followed by a 200 replays as such), then the last one again (each record counted
    once, ``replay/records_read``, or ``replay/resumed_records_read`` for one of the files of
    the crawls a resumed crawl resumed; every answer in ``downloader/response_count``). A replay never
    goes out to the network: a URL the recorded crawl never fetched is dropped
    (``IgnoreRequest``, counted as ``replay/not_recorded``): replaying a crawl must not
    report errors the crawl did not have.
    """

    def __init__(self, path, stats, resumed=()):
        from tenderarchive.rawstore import ResponseIndex

        self.index = ResponseIndex(path, resumed=resumed)  # resumed: tenderarchive/reparse.py with_resumed
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        path = crawler.settings.get("WARC_REPLAY")
        if not path:
            from scrapy.exceptions import NotConfigured
            raise NotConfigured
        return cls(path, crawler.stats, path_list(crawler.settings, "WARC_REPLAY_RESUMED"))

    def process_request(self, request, spider=None):
        read, resumed = self.index.records_read, self.index.resumed_read
        stored = self.index.next_for(request.url)
        if stored is None:
            self.stats.inc_value("replay/not_recorded")
            raise IgnoreRequest(f"not in the replayed WARC: {request.url}")
        if self.index.records_read != read:
            # a record served for the first time: a request asked again is answered by the URL's last record
            # again, counted in ``downloader/response_count`` but not read again (the rebuilt crawl's
            # ``responses``, CrawlRecorder, counts the records read: the demo's said 61 of a file of 54)
            self.stats.inc_value("replay/records_read")
        elif self.index.resumed_read != resumed:
            # a record of a crawl this one resumed (--jobdir: the list pages that crawl fetched): not this crawl's
            # response, counted apart (its row's ``responses`` and ``warc_file`` name its own file's alone)
            self.stats.inc_value("replay/resumed_records_read")
        body = stored.body(self.index.root)
        built = stored_headers(stored.headers)
        if built is None:  # names differing only in case, or not text: grouped by name first, as before
            grouped: dict = {}
            for name, value in stored.headers:
                grouped.setdefault(name, []).append(value)
            content_type = " ".join(grouped.get("Content-Type", grouped.get("content-type", [""]))).lower()
            headers = replayed_headers(grouped) if grouped else None
        else:
            headers, content_type = built
        cls = HtmlResponse if "html" in content_type else TextResponse if (
            "json" in content_type or "xml" in content_type or "text" in content_type) else Response
        request.meta["replayed_from"] = (stored.warc_file, stored.offset, stored.length, stored.date)
        response = cls(stored.url, status=stored.status, body=body, flags=["replayed"], request=request)
        if headers is not None:
            response.headers = headers
        return response


#: Header names as Scrapy's ``Headers`` keys them (``Headers.normkey``: title-cased, UTF-8), by name as
#: stored; at most :data:`_HEADER_KEYS_MAX` (a site may send names of its own).
_HEADER_KEYS: dict[str, bytes] = {}
_HEADER_KEYS_MAX = 1024


def stored_headers(pairs: list) -> tuple | None:
    """A stored response's Scrapy ``Headers`` (None when it has none) and the text of its ``Content-Type`` (lower
    case; its values joined by a space, under the spelling ``Content-Type`` or ``content-type`` only, as
    :meth:`ReplayMiddleware.process_request` chose the response's class), made in one pass over the stored
    ``(name, value)`` texts. None when two names differ only in case (Scrapy merges them name by name: the grouped
    way, :func:`replayed_headers`) or a name or value is no text or no UTF-8. Why (issue 14): grouping the pairs by
    name and then building the headers from the groups was two thirds of building a replayed response (13 µs of
    20 for the store's four headers; four responses a notice)."""
    merged: dict[bytes, list[bytes]] = {}
    names: dict[bytes, str] = {}
    content_type = None
    try:
        for name, value in pairs:
            key = _HEADER_KEYS.get(name)
            if key is None:
                key = name.title().encode("utf-8")
                if len(_HEADER_KEYS) < _HEADER_KEYS_MAX:
                    _HEADER_KEYS[name] = key
            values = merged.get(key)
            if values is None:
                values = merged[key] = []
                names[key] = name
            elif names[key] != name:
                return None
            values.append(value.encode("utf-8"))
            if name == "Content-Type" or name == "content-type":
                content_type = value if content_type is None else f"{content_type} {value}"
    except (AttributeError, UnicodeError):
        return None
    if not merged:
        return None, ""
    headers = Headers()
    dict.update(headers, merged)
    return headers, (content_type or "").lower()


def replayed_headers(grouped: dict):
    """Scrapy's ``Headers(grouped)`` for a stored response's headers (``{name: [value, ...]}``, text), made
    without ``Headers.update``'s per-value normalisation: the same keys (title-cased, UTF-8, names that
    differ only in case merged in the order ``update`` merges them) and values (UTF-8) in the same order.
    Why (issue 14): ``update``'s ``normkey``/``normvalue``/``_tobytes`` per header and value made a response
    with the store's four headers 9 µs to build, 6 µs this way; four responses a notice. Anything but text goes
    through ``Headers`` itself. ``tests/test_middlewares.py`` compares the two on random headers."""
    merged: dict[bytes, list[bytes]] = {}
    try:
        for name, values in grouped.items():
            key = _HEADER_KEYS.get(name)
            if key is None:
                key = name.title().encode("utf-8")
                if len(_HEADER_KEYS) < _HEADER_KEYS_MAX:
                    _HEADER_KEYS[name] = key
            merged.setdefault(key, []).extend([value.encode("utf-8") for value in values])
    except (AttributeError, UnicodeError):  # not text, or not UTF-8: Scrapy's own way (and its error)
        return Headers(grouped)
    headers = Headers()
    dict.update(headers, merged)
    return headers
