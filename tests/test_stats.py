"""The crawl's stats collector (tenderarchive/stats.py): Scrapy's MemoryStatsCollector's results, without its
per-call wrapper (issue 14)."""

import random
import warnings

import pytest
from scrapy import Spider
from scrapy.exceptions import ScrapyDeprecationWarning
from scrapy.settings import Settings
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.misc import load_object
from scrapy.utils.test import get_crawler

from tenderarchive.stats import StatsCollector


class _Named(Spider):
    name = "named"


def _calls(rng: random.Random, n: int) -> list[tuple]:
    keys = [f"k/{i}" for i in range(6)]
    calls = []
    for _ in range(n):
        kind = rng.choice(["inc", "inc_count", "max", "min", "set", "get", "get_default", "stats"])
        key = rng.choice(keys)
        if kind == "inc":
            calls.append(("inc_value", (key,), {}))
        elif kind == "inc_count":
            calls.append(("inc_value", (key,), {"count": rng.randint(-3, 5), "start": rng.randint(0, 4)}))
        elif kind in ("max", "min"):
            calls.append((f"{kind}_value", (key, rng.randint(-50, 50)), {}))
        elif kind == "set":
            calls.append(("set_value", (key, rng.choice([0, 7, "x", None, 2.5])), {}))
        elif kind == "get":
            calls.append(("get_value", (key,), {}))
        elif kind == "get_default":
            calls.append(("get_value", (key, rng.randint(0, 9)), {}))
        else:
            calls.append(("get_stats", (), {}))
    return calls


@pytest.mark.parametrize("seed", range(20))
def test_every_call_gives_what_scrapys_collector_gives(seed):
    """The same answers and the same stats as Scrapy's MemoryStatsCollector for random calls (values mixed with
    None and text, counts with a start), then the same ``spider_stats`` when the spider closes."""
    rng = random.Random(seed)
    theirs, ours = (cls(get_crawler(_Named)) for cls in (MemoryStatsCollector, StatsCollector))
    for stats in (theirs, ours):
        stats._crawler.spider = _Named()
        stats.open_spider()
    for method, args, kwargs in _calls(rng, 300):
        try:
            expected = getattr(theirs, method)(*args, **kwargs)
        except TypeError as exc:  # max/min of a number and a text, as Scrapy's raises
            with pytest.raises(TypeError, match=str(exc)[:20]):
                getattr(ours, method)(*args, **kwargs)
            continue
        assert getattr(ours, method)(*args, **kwargs) == expected, (method, args, kwargs)
        assert ours.get_stats() == theirs.get_stats()
    for stats in (theirs, ours):
        stats.close_spider(reason="finished")
    assert ours.spider_stats == theirs.spider_stats == {"named": theirs.get_stats()}
    ours.clear_stats()
    assert ours.get_stats() == {}


@pytest.mark.parametrize("method,args", [("inc_value", ("k",)), ("get_value", ("k",)), ("set_value", ("k", 1)),
                                         ("max_value", ("k", 1)), ("min_value", ("k", 1)), ("get_stats", ()),
                                         ("clear_stats", ()), ("open_spider", ())])
def test_a_spider_argument_still_warns_as_scrapys_does(method, args):
    stats = StatsCollector(get_crawler(_Named))
    with pytest.warns(ScrapyDeprecationWarning, match=f"'spider' argument to StatsCollector.{method}"):
        getattr(stats, method)(*args, spider=_Named())
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        getattr(stats, method)(*args)


def test_the_project_counts_with_it_and_no_wrapper_per_call():
    """The project's settings name it (every crawl, replay and reparse), and its methods are its own functions:
    no Scrapy ``__getattribute__`` wrapping each call (the ~18 µs a count, issue 14)."""
    settings = Settings()
    settings.setmodule("tenderarchive.settings", priority="project")
    stats = load_object(settings["STATS_CLASS"])(get_crawler(_Named))  # as scrapy.crawler.Crawler makes it
    assert type(stats) is StatsCollector
    assert stats.inc_value.__func__ is StatsCollector.inc_value
    assert stats.get_value.__func__ is StatsCollector.get_value
    stats.inc_value("tenderned/html")
    stats.inc_value("tenderned/html", 2)
    assert stats.get_value("tenderned/html") == 3
