"""The crawl's stats collector (``STATS_CLASS``): Scrapy's ``MemoryStatsCollector`` without its per-call wrapper.

Scrapy 2.13+ routes every attribute read of a stats collector through a Python ``__getattribute__`` and wraps
each stats method (``inc_value``, ``max_value``, ``get_value`` …) in a decorator that checks its arguments for
the deprecated ``spider`` argument, on every call. The spider, the pipelines, the raw store and the replay
count about ten things a notice (``tenderned/html``, ``replay/records_read``, ``archive/new`` …): measured on
this machine (timeit, loaded), Scrapy's ``inc_value`` took 18 µs a call and the same dictionary update 0.8 µs
here (issue 14: ≈ 20,000 calls, ≈ 0.3 of ≈ 10 CPU-s of a 2,000-notice reparse).

:class:`StatsCollector` keeps everything else of Scrapy's: the same methods with the same results on the
same dictionary (they are Scrapy's own, read without the wrapper), ``spider_stats`` kept when the spider
closes, ``STATS_DUMP``. A ``spider`` argument still warns as Scrapy's does (checked here in the method, not
by a wrapper around it). ``tests/test_stats.py`` compares it with Scrapy's collector on random calls.
"""

from __future__ import annotations

import warnings
from typing import Any

from scrapy.exceptions import ScrapyDeprecationWarning
from scrapy.statscollectors import MemoryStatsCollector


def _warn_spider(method: str) -> None:
    warnings.warn(f"Passing a 'spider' argument to StatsCollector.{method}() is deprecated and the argument will "
                  "be removed in a future Scrapy version.", category=ScrapyDeprecationWarning, stacklevel=3)


class StatsCollector(MemoryStatsCollector):
    """``MemoryStatsCollector`` read as a plain object: no ``__getattribute__`` of Python's, no wrapper per call."""

    __getattribute__ = object.__getattribute__

    def get_value(self, key: str, default: Any = None, spider=None) -> Any:
        if spider is not None:
            _warn_spider("get_value")
        return self._stats.get(key, default)

    def get_stats(self, spider=None) -> dict:
        if spider is not None:
            _warn_spider("get_stats")
        return self._stats

    def set_value(self, key: str, value: Any, spider=None) -> None:
        if spider is not None:
            _warn_spider("set_value")
        self._stats[key] = value

    def set_stats(self, stats: dict, spider=None) -> None:
        if spider is not None:
            _warn_spider("set_stats")
        self._stats = stats

    def inc_value(self, key: str, count: int = 1, start: int = 0, spider=None) -> None:
        if spider is not None:
            _warn_spider("inc_value")
        stats = self._stats
        stats[key] = stats.setdefault(key, start) + count

    def max_value(self, key: str, value: Any, spider=None) -> None:
        if spider is not None:
            _warn_spider("max_value")
        self._stats[key] = max(self._stats.setdefault(key, value), value)

    def min_value(self, key: str, value: Any, spider=None) -> None:
        if spider is not None:
            _warn_spider("min_value")
        self._stats[key] = min(self._stats.setdefault(key, value), value)

    def clear_stats(self, spider=None) -> None:
        if spider is not None:
            _warn_spider("clear_stats")
        self._stats.clear()

    def open_spider(self, spider=None) -> None:
        if spider is not None:
            _warn_spider("open_spider")
        super().open_spider()

    def close_spider(self, spider=None, reason: str | None = None) -> None:
        if spider is not None:
            _warn_spider("close_spider")
        super().close_spider(reason=reason)
