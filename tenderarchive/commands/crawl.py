"""``scrapy crawl``, as Scrapy's own, except that a spider refusing an argument or setting as it starts
(:class:`~tenderarchive.arguments.SpiderArgumentError`: ``-a from_date=bad``, ``-a fromdate=…``, ``-s
TENDERNED_PAGE_SIZE=500``) ends the command with exit code 2 (``ExitCode.BAD_ARGUMENTS``) and the message naming it,
no traceback, as ``tenderarchive crawl`` does. Scrapy's command ended with 1 ("bootstrap failed") and a traceback, so
a monitor of ``scrapy crawl`` or a scrapyd job took a typo for a failed crawl. Anything else is Scrapy's as before
(exit 1 for a crawl that did not start)."""

from __future__ import annotations

import asyncio
import logging

from scrapy.commands import crawl as scrapy_crawl

from tenderarchive.arguments import SpiderArgumentError
from tenderarchive.exitcodes import ExitCode

logger = logging.getLogger(__name__)


class Command(scrapy_crawl.Command):
    def run(self, args, opts) -> None:
        if len(args) != 1:  # Scrapy's usage errors, as before
            return super().run(args, opts)
        process = self.crawler_process
        assert process
        refused: list[SpiderArgumentError] = []
        started = process.crawl(self._create_crawler(args[0]), **opts.spargs)
        if isinstance(started, asyncio.Future):  # AsyncCrawlerProcess (the asyncio reactor, settings.py)
            started.add_done_callback(lambda task: self.crawl_ended(task, refused))
        else:  # a Deferred (CrawlerProcess: FORCE_CRAWLER_PROCESS, another reactor)
            started.addErrback(
                lambda failure: refused.append(failure.value) if failure.check(SpiderArgumentError) else failure)
        process.start()
        if refused:
            logger.error("%s; nothing was requested", refused[0])
            self.exitcode = ExitCode.BAD_ARGUMENTS
        elif process.bootstrap_failed:
            self.exitcode = ExitCode.FAILED

    @staticmethod
    def crawl_ended(task: asyncio.Future, refused: list) -> None:
        """A refused argument is taken (its message logged once, by :meth:`run`); any other error is logged with its
        traceback, as asyncio would have (taking the task's exception keeps asyncio from it)."""
        if task.cancelled():
            return
        error = task.exception()
        if isinstance(error, SpiderArgumentError):
            refused.append(error)
        elif error is not None:
            logger.error("the crawl did not start", exc_info=error)

