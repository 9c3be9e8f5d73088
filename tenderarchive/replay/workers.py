"""``reparse --jobs N`` (issue 14, "optionally on several cores"): the item pipelines that work on an
item alone run in N-1 worker processes, while this process replays the crawl and writes the archive.

What runs where. The replay loop (:mod:`tenderarchive.replay.direct`) stays in one process: the
spider's callbacks make the next requests from each response, the duplicate filter and the
scheduler's order are state, and the store must see the items in the crawl's order. Of the item
pipelines, the leading ones whose class says ``in_workers = True`` (validate, normalise, extract,
classify, analyse, places, awards: parsing the detail record, the ``/html`` award page and news
HTML, finding places, classifying; no archive, nothing carried from one item to the next, and
nothing set on the item but its ``record``) run in the workers; the first pipeline without it (the archive) and every one after it run here.

Only each item's ``record`` comes back (the item itself stays here, and is what the archive
pipeline and the signals get): half the pickling of sending the whole item back.

Order. Items go to the workers in chunks of :data:`CHUNK`, in the order the callbacks yield them,
and come back through futures taken in the same order, so the archive pipeline sees the items
exactly as in one process, and the signals a crawl's record is made of (``item_scraped``,
``item_dropped``, ``item_error``) are sent here in the same order. A spider error (which the
crawl's errors list beside the items' errors) first waits for every item before it
(:meth:`ItemWorkers.drain`), as does the end of the crawl. A worker's counters (``stats``, for
example ``awards/html_parsed``) are added here to the crawl's stats; the pipelines in workers only
increment counters (``inc_value``), which is what adding them back gives.

Memory is bounded: at most ``2 × workers`` chunks are in flight; the loop waits for the oldest
before it hands out more. The workers are forked from this process once the spider is opened (so
they share the pipelines, settings and spider as they are then, copy-on-write) and ignore SIGINT:
Ctrl-C reaches this process, which stops them and fails the reparse as before. A worker that dies
or cannot return its chunk raises :class:`tenderarchive.replay.ReplayWorkerFailed`, which fails
the whole reparse: the rebuild is deleted and the archive is left as it was.

Written with the standard library's ``concurrent.futures.ProcessPoolExecutor`` (fork start method):
its futures give the order back, and a worker that dies breaks the pool (``BrokenProcessPool``)
instead of hanging the reparse.
"""

from __future__ import annotations

import collections
import logging
import multiprocessing
import pickle
import signal
import time
import traceback
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from scrapy import signals
from scrapy.exceptions import DropItem
from twisted.python.failure import Failure

from tenderarchive.replay import ReplayWorkerFailed

logger = logging.getLogger(__name__)

#: Items per chunk handed to a worker (each chunk costs a future and a round trip through the pool's queues;
#: an item's pipelines cost ~0.5 ms of CPU). 32 and 128 measured alike on the shared machine.
CHUNK = 64

DONE, DROPPED, FAILED = "done", "dropped", "failed"

#: In a worker: (stages, spider, stats) of the replay it was forked from (set by :func:`_initialise`).
_WORKER: tuple | None = None


def _initialise(stages, spider, stats) -> None:
    """A worker's start: the pipelines' ``process_item`` it runs; Ctrl-C is for the parent."""
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER = (stages, spider, stats)


def _portable(exc: BaseException) -> BaseException:
    """``exc`` if it survives pickling (class and message), else one of its kind with its message."""
    try:
        copy = pickle.loads(pickle.dumps(exc))
        if type(copy) is type(exc) and str(copy) == str(exc):
            return exc
    except Exception:  # noqa: S110 (an exception whose constructor needs more than its message)
        pass
    return (DropItem if isinstance(exc, DropItem) else RuntimeError)(f"{type(exc).__name__}: {exc}")


def _work(items: list) -> tuple[list, dict, dict]:
    """In a worker: ``items`` through the stages; each item's outcome and ``record`` (all a pipeline in a
    worker may set on an item; the parent keeps the item itself), the counters and CPU seconds."""
    stages, spider, stats = _WORKER
    stats._stats = {}  # what this chunk counts, added to the crawl's stats by the parent
    seconds: dict[str, float] = defaultdict(float)
    clock = time.process_time
    outcomes = []
    for item in items:
        try:
            for method, with_spider, name in stages:
                began = clock()
                item = method(item, spider) if with_spider else method(item)
                seconds[name] += clock() - began
        except DropItem as exc:
            outcomes.append((DROPPED, item.record, _portable(exc), None))
        except Exception as exc:
            outcomes.append((FAILED, item.record, _portable(exc), traceback.format_exc()))
        else:
            outcomes.append((DONE, item.record, None, None))
    return outcomes, stats._stats, dict(seconds)


def worker_stages(process: list) -> int:
    """How many of the leading pipeline stages may run in workers (``in_workers`` on their class)."""
    count = 0
    for method, _, _ in process:
        if not getattr(getattr(method, "__self__", None), "in_workers", False):
            break
        count += 1
    return count


class ItemWorkers:
    """The worker processes of one crawl's replay, and the items in flight to them."""

    def __init__(self, replay, pool: ProcessPoolExecutor, workers: int, split: int):
        self.replay = replay
        self.pool = pool
        self.here = replay.process[split:]  # the archive pipeline (and any after it), in this process
        self.limit = 2 * workers
        self.chunk: list = []
        self.responses: list = []
        self.inflight: collections.deque = collections.deque()
        self.seconds: dict[str, float] = defaultdict(float)

    @classmethod
    def start(cls, replay, workers: int) -> "ItemWorkers | None":
        """Fork ``workers`` processes for ``replay`` (a :class:`DirectReplay` whose spider is open);
        None when no pipeline can run in a worker."""
        split = worker_stages(replay.process)
        if not split or workers < 1:
            return None
        try:
            pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                       initializer=_initialise,
                                       initargs=(replay.process[:split], replay.spider, replay.stats))
        except (OSError, ValueError) as exc:
            raise ReplayWorkerFailed(f"could not start {workers} worker process(es): {exc}") from exc
        return cls(replay, pool, workers, split)

    def put(self, item: Any, response) -> None:
        self.chunk.append(item)
        self.responses.append((item, response))
        if len(self.chunk) >= CHUNK:
            self.submit()

    def submit(self) -> None:
        """Hand the chunk to the workers; apply whatever is back, waiting while too much is in flight."""
        if self.chunk:
            try:
                future = self.pool.submit(_work, self.chunk)
            except Exception as exc:  # a broken pool, a fork that failed
                raise ReplayWorkerFailed(f"a worker process could not take items: {exc!r}") from exc
            self.inflight.append((future, self.responses))
            self.chunk, self.responses = [], []
        while self.inflight and (len(self.inflight) > self.limit or self.inflight[0][0].done()):
            self.apply(*self.inflight.popleft())

    def drain(self) -> None:
        """Every item handed out so far, through the rest of the pipelines, in order."""
        self.submit()
        while self.inflight:
            self.apply(*self.inflight.popleft())

    def apply(self, future, responses: list) -> None:
        try:
            outcomes, counts, seconds = future.result()
        except Exception as exc:  # BrokenProcessPool (a worker died), or the chunk could not be pickled
            raise ReplayWorkerFailed(f"a worker process failed: {exc!r}") from exc
        replay = self.replay
        for key, value in counts.items():
            if isinstance(value, (int, float)):
                replay.stats.inc_value(key, value)
            else:
                replay.stats.set_value(key, value)
        for name, value in seconds.items():
            self.seconds[name] += value
        for (outcome, record, exc, formatted), (item, response) in zip(outcomes, responses, strict=True):
            item.record = record  # what the workers' pipelines made of it (they set nothing else)
            if outcome == DONE:
                replay.run_stages(self.here, item, response)
            elif outcome == DROPPED:  # as DirectReplay.run_stages sends it
                replay.signals.send_catch_log(signal=signals.item_dropped, item=item, response=response,
                                              spider=replay.spider, exception=exc)
            else:
                logger.error("error processing %r (in a worker process):\n%s", item, formatted)
                replay.signals.send_catch_log(signal=signals.item_error, item=item, response=response,
                                              spider=replay.spider, failure=Failure(exc))

    def close(self) -> dict[str, float]:
        """Stop the workers (items not applied are dropped: the replay failed); their CPU seconds per stage."""
        for future, _ in self.inflight:
            future.cancel()
        self.inflight.clear()
        self.pool.shutdown(wait=True, cancel_futures=True)
        return dict(self.seconds)
