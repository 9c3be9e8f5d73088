"""Archive: hand each item to the store (:mod:`tenderarchive.store.writes`), nothing else.

A notice or article whose content equals the archived row is not written
(``archive/unchanged``); a changed one is updated and its history kept
(``archive/updated``). A notice or news page this crawl archived new and writes again (a later response or detail of
the same crawl: ``writes.NEW_AGAIN``, ``archive/new_again``) is counted once, as new, and keeps no version of its first
write. Any record the crawl writes more than once (an archived notice re-checked and then listed with a changed status)
is counted once (``ArchivePipeline.count``): updated if a write changed it, else unchanged. A paywall's teaser of an archived whole text is not written over it
(``archive/teaser_kept``) and counts as unchanged too: the archive holds the article as it was; so does
an archived page read at a new address (``archive/moved``, below). Everything computed from the
archived items (procurements, events, links, search index) is the derivation step's job
(:mod:`tenderarchive.derive`, run by the ``Derivation`` extension when the crawl closes).

A news page that is an archived page of its site at a new address (the same title and text:
``NewsSpider.archived_copy_of``, a site moved to another CMS) is no second article: the archived
page's provenance becomes the new address and fetch (``news/moved_page``), so the next crawl
knows that address, and nothing of its content changes. Whether it is decides when the crawl
closes: only if the archived page's own address is gone (``NewsSpider.still_answers``: no
discovery of this crawl names it, or it redirected elsewhere or answered gone; a named address the
crawl did not ask is asked once before it ends, ``NewsSpider.check_moved_addresses``); else it is a
page of its own. A later version of a moved page, read at its new address (its text changed there),
is written under the archived URL (``NewsSpider.archived_url_of``): it was a second article under the
new address. So is the page an archived page's address redirects to in this crawl (301, the item edited in the
move) where it has that page's title or day. A page whose canonical URL another page holds (read at another address
under another title: a template writing one canonical URL for many pages, ``NewsSpider.shared_canonical``) is written under the address it
was read at, not as that page's next version. When that check gets no answer to go by (``NewsSpider.move_unsettled``), the page
is not archived in this crawl (a recorded error) and the next crawl decides.

Batches (issue 14): items are written ``ARCHIVE_BATCH_ITEMS`` at a time (or when the oldest
waiting item is ``ARCHIVE_BATCH_SECONDS`` old, and when the spider closes), in one transaction
per batch — one commit per batch instead of one per item. A kill loses the batch that had not
been committed, never part of an item: every item is whole or absent, and an absent one is
fetched again by the next incremental run. The items of a batch are written with no savepoint
each (a savepoint per item cost more than the item's rows, SQLite's statement journal); when
any item fails, the whole batch is rolled back and written again, each item in its own
savepoint, so the failing item alone is left out, as before. The organisations a batch's notices name (a buyer,
an award's winners) are read in one query a batch (``writes.batch_rows``), not one a look-up. The items are held
in memory and written together, so no write transaction stays open while the raw store
(``tenderarchive/middlewares.py``) writes its ``fetches`` rows on its own connection. An item
that fails to write is rolled back alone and reported through Scrapy's ``item_error`` signal
(the crawl's error list), as a failing ``process_item`` would be.
"""

from __future__ import annotations

import logging
import time

from scrapy import signals
from twisted.python.failure import Failure

from tenderarchive.extensions import resumed_crawls
from tenderarchive.items import ArticleItem, NoticeItem, OCDSProcedureItem
from tenderarchive.store.schema import PROVENANCE
from tenderarchive.store.writes import (batch_keys, batch_rows, crawl_records, item_savepoint, items_joining, note_resumed, open_archive,
                                         track_new_keys, write_article, write_moved_article, write_notice,
                                         write_ocds_procedure)

logger = logging.getLogger(__name__)

WRITERS = ((NoticeItem, write_notice), (ArticleItem, write_article), (OCDSProcedureItem, write_ocds_procedure))


def under_archived_url(record: dict, url: str) -> None:
    """An article's record (its row, its child rows and events) moved under the archived ``url`` of the page
    it is a version of; its provenance (``source_url``, the address fetched) stays."""
    from tenderarchive.store.keys import event_id

    record["article"]["url"] = url
    for table in ("municipalities", "organisations", "awardees", "article_stages"):
        for row in record.get(table) or ():
            row["url"] = url
    for event in record.get("events") or ():
        event.update(url=url, event_id=event_id("article", url, event))


def record_key(item) -> tuple | None:
    """The record an item writes, as the crawl counts it: a notice by its publication, a news page by its archived
    URL (a moved page's, or the address it was read at when written under it), None for another item."""
    record = item.record or {}
    if "notice" in record:
        return ("notices", str(record["notice"].get("publication_id")))
    if "article" in record:
        return ("articles", record["article"].get("url"))
    if "moved" in record:
        return ("articles", record["moved"].get("url"))
    return None


class ArchivePipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        self.db = None
        self.pending: list = []
        #: news pages that may be an archived page at a new address, with their writer and that page's URL: decided
        #: when the crawl closes, when it is known whether the archived address still answers
        self.moved_candidates: list = []
        self.oldest = 0.0
        self.batch_items = crawler.settings.getint("ARCHIVE_BATCH_ITEMS", 200)
        self.batch_seconds = crawler.settings.getfloat("ARCHIVE_BATCH_SECONDS", 2.0)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self):
        self.db = open_archive(self.crawler.settings.get("ARCHIVE_DB"))
        track_new_keys(self.db)  # an empty table's rows are not looked up before they are written

    def close_spider(self):
        if self.db is not None:
            self.settle_moved_candidates()
            self.settle_unchanged_moves()
            self.flush()
            self.db.close()
            self.db = None

    def process_item(self, item):
        writer = next((w for kind, w in WRITERS if isinstance(item, kind)), None)
        if writer is None or not item.record:
            return item
        shared = getattr(self.crawler.spider, "shared_canonical", None)
        if isinstance(item, ArticleItem) and shared is not None and shared(item.record["article"], item.url):
            # another page's canonical URL, which a template writes for many (NewsSpider.shared_canonical): under the
            # address it was read at, not as that page's next version
            under_archived_url(item.record, item.url.split("#")[0])
            self.crawler.stats.inc_value("news/canonical_shared")
        archived_url = getattr(self.crawler.spider, "archived_url_of", None)
        if isinstance(item, ArticleItem) and archived_url is not None:
            url = archived_url(item.record["article"])
            if url is not None:  # a later version of a moved page: under its archived URL (NewsSpider.archived_url_of)
                under_archived_url(item.record, url)
                self.crawler.stats.inc_value("news/moved_page_changed")
        variant = getattr(self.crawler.spider, "case_variant_of", None)
        if isinstance(item, ArticleItem) and variant is not None:
            url = variant(item.record["article"])
            if url is not None:  # the page at another spelling of its address (NewsSpider.case_variant_of)
                logger.info("%s is %s (the same title and text, its address in other letter case)", item.url, url)
                under_archived_url(item.record, url)
                self.crawler.stats.inc_value("news/case_variant")
        copy_of = getattr(self.crawler.spider, "archived_copy_of", None)
        if isinstance(item, ArticleItem) and copy_of is not None:
            archived = copy_of(item.record["article"])
            if archived is not None:  # decided when the crawl closes (settle_moved_candidates)
                self.moved_candidates.append((item, writer, archived))
                return item
        self.enqueue(item, writer)
        return item

    def settle_moved_candidates(self) -> None:
        """A page with an archived page's title and text at another address is that page moved (a
        site moved to another CMS) only if the archived address no longer answers in this crawl
        (``NewsSpider.still_answers``): then the archived page's provenance becomes the new address
        and nothing of its content changes. While the old address still answers (a canonical or
        print version, an old address kept live), the new address is a page of its own, so the
        archived page never loses the address a user knows nor flips between addresses."""
        candidates, self.moved_candidates = self.moved_candidates, []
        still_answers = getattr(self.crawler.spider, "still_answers", lambda url: False)
        unsettled = getattr(self.crawler.spider, "move_unsettled", lambda url: False)
        for item, writer, archived in candidates:
            if unsettled(archived):  # its old address could not be checked (a recorded error): the next crawl
                logger.info("%s: not archived in this crawl, %s could not be checked", item.url, archived)
                self.crawler.stats.inc_value("news/moved_page_unsettled")
                continue
            if still_answers(archived):
                self.enqueue(item, writer)
                continue
            logger.info("%s is %s, archived already (the same title and text): its new address", item.url, archived)
            self.crawler.stats.inc_value("news/moved_page")
            item.record = {"moved": {"url": archived, "address": item.record["article"]["url"],
                                     **{k: item.record["article"].get(k) for k in PROVENANCE}}}
            self.enqueue(item, write_moved_article)

    def settle_unchanged_moves(self) -> None:
        """An archived page whose address redirected, in a revisit, to a new address that answered ``304 Not
        Modified`` (``NewsSpider.moved_unchanged``): the page's provenance becomes that address and fetch, its content
        untouched, as when the new address answers the same page (``news/moved_page_unchanged``)."""
        moves = getattr(self.crawler.spider, "unchanged_moves", None) or []
        self.crawler.spider.unchanged_moves = []
        for moved in moves:
            self.crawler.stats.inc_value("news/moved_page_unchanged")
            item = ArticleItem(url=moved["address"], site="", body=b"", source_url=moved["source_url"],
                               fetched_at=moved["fetched_at"], record={"moved": moved})
            self.enqueue(item, write_moved_article)

    def enqueue(self, item, writer) -> None:
        if not self.pending:
            self.oldest = time.monotonic()
        self.pending.append((item, writer, getattr(self.crawler.spider, "crawl_id", None)))
        if len(self.pending) >= self.batch_items or time.monotonic() - self.oldest >= self.batch_seconds:
            self.flush()

    def flush(self) -> None:
        """Write every waiting item in one transaction; if any fails, again with a savepoint each."""
        pending, self.pending = self.pending, []
        if not pending:
            return
        # the crawls this one resumes (--jobdir: the raw store names them, a reparse's setting RESUMED_CRAWLS): one
        # crawl with it, so a record they archived new is new again here, not changed (writes.first_written_by)
        note_resumed(self.db, getattr(self.crawler.spider, "crawl_id", None), resumed_crawls(self.crawler))
        try:
            with self.db.atomic(), items_joining(self.db), batch_rows(self.db, self.batch_keys(pending)):
                outcomes = [(item, writer(self.db, item.record, crawl_id), crawl_id)
                            for item, writer, crawl_id in pending]
        except Exception:  # rolled back, nothing of the batch written: item by item, as below
            outcomes = self.write_each(pending)
        for item, outcome, crawl_id in outcomes:
            if outcome not in ("new", "updated", "unchanged"):   # those are the crawl's counts (count)
                self.crawler.stats.inc_value(f"archive/{outcome}")
            self.count(item, outcome, crawl_id)

    @staticmethod
    def batch_keys(pending: list) -> dict[str, set]:
        """The rows the batch's writers will look up in the tables the store reads a batch at a time
        (``writes.batch_rows``: the organisations the notices name, one query a batch instead of one a look-up)."""
        keys: dict[str, set] = {}
        for item, _writer, _crawl_id in pending:
            for table, wanted in batch_keys(item.record or {}).items():
                keys.setdefault(table, set()).update(wanted)
        return keys

    def count(self, item, outcome: str, crawl_id=None) -> None:
        """Count a written record in the crawl's counts (``crawls.items_new``, ``items_updated``, ``items_unchanged``)
        once, however often the crawl wrote it (a notice re-checked and then listed with a changed status, a news page
        read at two addresses): as updated if any write changed it, else unchanged; one it archived new is new alone
        (``writes.NEW_AGAIN``). Counted after the write's commit, so a batch written again item by item counts it
        once too. How each record was counted is kept in the store's one record of the crawl's writes
        (``writes.crawl_records``), which marks a record archived new itself: one entry per record, not one here and
        one there."""
        kind = {"teaser_kept": "unchanged", "moved": "unchanged"}.get(outcome, outcome)   # the archived text stays
        if kind not in ("new", "updated", "unchanged"):
            return
        key = record_key(item)
        records = crawl_records(self.db, crawl_id)
        before = records.get(key) if key is not None else None
        if kind == "new":
            # a record's first write, the store marked it "new" already (a write of it again is NEW_AGAIN, not
            # counted); "new" comes once a record and crawl: a batch rolled back returns no outcome
            self.crawler.stats.inc_value("archive/new")
            if key is not None:
                records[key] = kind
        elif before is None:
            self.crawler.stats.inc_value(f"archive/{kind}")
            if key is not None:
                records[key] = kind
        elif before == "unchanged" and kind == "updated":   # fetched again unchanged, then changed: one change
            self.crawler.stats.inc_value("archive/unchanged", -1)
            self.crawler.stats.inc_value("archive/updated")
            records[key] = kind

    def write_each(self, pending: list) -> list[tuple]:
        """Write ``pending`` in one transaction, each item in a savepoint: a failing item is
        rolled back alone and reported; the others with their outcomes."""
        outcomes = []
        with self.db.atomic():
            for item, writer, crawl_id in pending:
                try:
                    with item_savepoint(self.db):  # a savepoint: a failing item is rolled back alone
                        outcomes.append((item, writer(self.db, item.record, crawl_id), crawl_id))
                except Exception as error:  # reported like a failing process_item
                    logger.error("archiving %s failed: %s", getattr(item, "source_url", None), error)
                    self.crawler.signals.send_catch_log(signal=signals.item_error, item=item, response=None,
                                                        spider=self.crawler.spider, failure=Failure(error))
        return outcomes
