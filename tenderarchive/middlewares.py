"""Downloader middlewares: Retry-After, the raw WARC store, and WARC replay.

``RetryAfterMiddleware`` is Scrapy's own ``RetryMiddleware`` plus one thing
Scrapy does not do (scrapy#3849): when a retryable response (429, 503, …)
carries ``Retry-After``, wait that long before the retry is scheduled. The wait
is capped by ``RETRY_AFTER_MAX`` so a hostile or broken header cannot stall a
crawl for hours. Everything else (which codes, how many times, give-up logging,
stats) stays Scrapy's.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
from datetime import datetime, timezone

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.utils.response import response_status_message

logger = logging.getLogger(__name__)


def parse_retry_after(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` value (delta-seconds or HTTP date).

    >>> parse_retry_after(b"3")
    3.0
    >>> parse_retry_after("soon") is None
    True
    """
    if value is None:
        return None
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    now = now or datetime.now(timezone.utc)
    return max(0.0, (when - now).total_seconds())


class RetryAfterMiddleware(RetryMiddleware):
    def __init__(self, settings):
        super().__init__(settings)
        self.retry_after_max = settings.getfloat("RETRY_AFTER_MAX", 300)

    async def process_response(self, request, response, spider=None):
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        delay = parse_retry_after(response.headers.get("Retry-After"))
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        if delay:
            delay = min(delay, self.retry_after_max)
            logger.info("%s answered %s with Retry-After; waiting %.1fs", request.url, response.status, delay)
            self.crawler.stats.inc_value("retry_after/waits")
            await asyncio.sleep(delay)
        return retry


class RawStoreMiddleware:
    """Write every response to the WARC store before anything parses it, and index it
    in the ``fetches`` table. Replayed responses are indexed but not written again.

    Also puts ``fetched_at`` and ``sha256`` in the request's meta, so provenance
    is the time the response was received (the WARC-Date when replayed).
    Switched off with ``WARC_STORE_ENABLED = False``.
    """

    def __init__(self, crawler):
        from scrapy import signals

        if not crawler.settings.getbool("WARC_STORE_ENABLED", True):
            from scrapy.exceptions import NotConfigured
            raise NotConfigured
        self.crawler = crawler
        self.file = None
        self.db = None
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
        if getattr(spider, "registry_text", None):
            info["registry"] = json.dumps(spider.registry_text)  # one line, as warcinfo fields are
        self.file = WarcFile(self.root / name, info)
        if crawl_id:
            with self.db.conn:
                self.db["crawls"].update(crawl_id, {"warc_file": name})

    def process_response(self, request, response, spider=None):
        import hashlib

        from tenderarchive.rawstore import utc_now, warc_date

        if self.db is None:
            self._open()
        replayed = request.meta.get("replayed_from")
        if replayed:
            warc_file, offset, length, fetched_at = replayed
        else:
            moment = utc_now()
            fetched_at = warc_date(moment)
            reason = getattr(response, "reason", "") or ""
            offset, length = self.file.write_response(
                response.url, response.status, reason,
                [(k, v) for k, values in response.headers.items() for v in values], response.body, moment)
            warc_file = self.file.path.name
        digest = hashlib.sha256(response.body).hexdigest()
        request.meta["fetched_at"] = fetched_at.replace("Z", "+00:00")
        request.meta["sha256"] = digest
        with self.db.conn:
            self.db["fetches"].insert({
                "url": response.url, "method": request.method, "status": response.status,
                "fetched_at": request.meta["fetched_at"], "sha256": digest, "warc_file": warc_file,
                "warc_offset": offset, "warc_length": length,
                "crawl_id": getattr(self.crawler.spider, "crawl_id", None),
            })
        return response

    def spider_closed(self, spider):
        if self.file:
            self.file.close()
        if self.db is not None:
            self.db.close()


class ReplayMiddleware:
    """Serve responses from WARC files instead of the network (``WARC_REPLAY`` = a
    file or folder). Each URL gets its recorded responses in order (so a recorded
    429 followed by a 200 replays as such), then the last one again. A replay never
    goes out to the network: a URL the recorded crawl never fetched is dropped
    (``IgnoreRequest``, counted as ``replay/not_recorded``): replaying a crawl must not
    report errors the crawl did not have.
    """

    def __init__(self, path, stats):
        from tenderarchive.rawstore import ResponseIndex

        self.index = ResponseIndex(path)
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        path = crawler.settings.get("WARC_REPLAY")
        if not path:
            from scrapy.exceptions import NotConfigured
            raise NotConfigured
        return cls(path, crawler.stats)

    def process_request(self, request, spider=None):
        from scrapy.http import HtmlResponse, Response, TextResponse

        stored = self.index.next_for(request.url)
        if stored is None:
            from scrapy.exceptions import IgnoreRequest

            self.stats.inc_value("replay/not_recorded")
            raise IgnoreRequest(f"not in the replayed WARC: {request.url}")
        body = stored.body(self.index.root)
        headers = {}
        for name, value in stored.headers:
            headers.setdefault(name, []).append(value)
        content_type = " ".join(headers.get("Content-Type", headers.get("content-type", [""]))).lower()
        cls = HtmlResponse if "html" in content_type else TextResponse if (
            "json" in content_type or "xml" in content_type or "text" in content_type) else Response
        request.meta["replayed_from"] = (stored.warc_file, stored.offset, stored.length, stored.date)
        return cls(stored.url, status=stored.status, headers=headers, body=body, flags=["replayed"],
                   request=request)
