"""Replaying recorded crawls without Scrapy's engine (issue 14); see :mod:`tenderarchive.replay.direct`."""

from __future__ import annotations

import contextlib
import gc


@contextlib.contextmanager
def gc_paused():
    """Run the block with Python's cyclic garbage collector off, then as it was (issue 14).

    For a reparse's start-up (imports, settings, reading a WARC file into its index, building the
    spider and pipelines): it creates objects that live on and little garbage in cycles, and the
    collector's passes over the growing heap were about 0.15 CPU-s of every reparse. Reference
    counting frees everything else as usual; the replay itself runs with the collector on (with
    what outlives it frozen, :func:`tenderarchive.replay.direct.replay_crawl`)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class ReplayWorkerFailed(RuntimeError):
    """A worker process of ``reparse --jobs N`` died or could not run (issue 14): the reparse fails
    as a whole (``tenderarchive/reparse.py``), the rebuild is deleted and the archive is untouched."""
