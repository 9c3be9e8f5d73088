"""Scrapy's log lines for dropped and failed items, without the item.

Scrapy's ``LogFormatter`` writes the whole item into the line of an item a pipeline dropped
(``DropItem``) or failed on: for a notice that is its detail record, list row, documents and
the award notice's ``/html`` page; for a news page its whole HTML. Under cron every such line
is mailed. The reason is what a reader needs, and it is recorded in ``crawls.errors`` as well
(``CrawlRecorder``); the item stays in the WARC store. So these lines name the item by its kind
and URL and keep Scrapy's levels (``DEFAULT_DROPITEM_LOG_LEVEL`` or the exception's
``log_level`` for a drop, ERROR with the traceback for a failure).

A subclass of Scrapy's own formatter, switched on by ``LOG_FORMATTER`` (``settings.py``).
"""

from __future__ import annotations

from scrapy.logformatter import LogFormatter


def describe(item, response) -> str:
    """The item by its kind and where it came from: ``NoticeItem https://…``."""
    url = None
    for name in ("source_url", "url"):
        value = getattr(item, name, None) if not isinstance(item, dict) else item.get(name)
        if isinstance(value, str) and value:
            url = value
            break
    if url is None:
        url = getattr(response, "url", None)
    return f"{type(item).__name__} {url or '(no URL)'}"


class ItemLogFormatter(LogFormatter):
    def dropped(self, item, exception, response, spider):
        line = super().dropped(item, exception, response, spider)
        line["msg"] = "Dropped %(item)s: %(exception)s"
        line["args"] = {"exception": exception, "item": describe(item, response)}
        return line

    def item_error(self, item, exception, response, spider):
        line = super().item_error(item, exception, response, spider)
        line["msg"] = "Error processing %(item)s"
        line["args"] = {"item": describe(item, response)}
        return line
