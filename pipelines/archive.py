"""Archive: hand each item to the store (:mod:`tenderarchive.store.writes`), nothing else.

A notice or article whose content equals the archived row is not written
(``archive/unchanged``); a changed one is updated and its history kept
(``archive/updated``). Everything computed from the archived items (procurements,
events, links, search index) is the derivation step's job
(:mod:`tenderarchive.derive`, run by the ``Derivation`` extension when the crawl closes).
"""

from __future__ import annotations

from tenderarchive.items import ArticleItem, NoticeItem, OCDSProcedureItem
from tenderarchive.store.writes import open_archive, write_article, write_notice, write_ocds_procedure


class ArchivePipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        self.db = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self):
        self.db = open_archive(self.crawler.settings.get("ARCHIVE_DB"))

    def close_spider(self):
        if self.db is not None:
            self.db.close()
            self.db = None

    def process_item(self, item):
        crawl_id = getattr(self.crawler.spider, "crawl_id", None)
        if isinstance(item, NoticeItem) and item.record:
            outcome = write_notice(self.db, item.record, crawl_id)
        elif isinstance(item, ArticleItem) and item.record:
            outcome = write_article(self.db, item.record, crawl_id)
        elif isinstance(item, OCDSProcedureItem) and item.record:
            outcome = write_ocds_procedure(self.db, item.record, crawl_id)
        else:
            return item
        self.crawler.stats.inc_value(f"archive/{outcome}")
        return item
