"""Downloader middlewares.

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
