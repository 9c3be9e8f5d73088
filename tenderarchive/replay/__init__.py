"""Replaying recorded crawls without Scrapy's engine (issue 14); see :mod:`tenderarchive.replay.direct`."""

from __future__ import annotations

import contextlib
import gc


@contextlib.contextmanager
def gc_paused():
    """Run the block with Python's cyclic garbage collector off, then freeze what it made and turn the
    collector back on as it was (issue 14).

    For a reparse's start-up (imports, settings, reading a WARC file into its index, building the
    spider and pipelines): it creates objects that live on and little garbage in cycles, and the
    collector's passes over the growing heap were about 0.15 CPU-s of every reparse. Reference
    counting frees everything else as usual; the replay itself runs with the collector on (with
    what outlives it frozen, :func:`tenderarchive.replay.direct.replay_crawl`).

    Frozen (``gc.freeze``) at the end of the block, not only paused: the collector counts the
    allocations made while it is off, so its first pass after the block walked everything the block
    made (round 33: the WARC index's records, the replay's modules, once each, ≈ 0.03–0.05 CPU-s of
    a 2,000-notice reparse). Frozen objects are handed back to the collector by the next
    ``gc.unfreeze`` (the direct replay's, when its crawl ends)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


class ReplayWorkerFailed(RuntimeError):
    """A worker process of ``reparse --jobs N`` died or could not run (issue 14): the reparse fails
    as a whole (``tenderarchive/reparse.py``), the rebuild is deleted and the archive is untouched."""
