"""Archive: write normalised notices into ``archive.db`` with sqlite-utils.

Idempotent by construction: a notice whose content equals the archived row is
not written (``archive/unchanged``); a changed one is updated in place
(``archive/updated``; its history arrives with the versions table). Its CPV
codes and documents are upserted alongside; documents the source no longer lists
are kept, and a notice whose documents request failed keeps the documents it had.
The notice's procedure (``procurements``, one row per kenmerk) is recomputed
from the archived notices and written only when it changed.
"""

from __future__ import annotations

from tenderarchive.archive import dumps, open_archive, upsert_if_changed
from tenderarchive.items import NoticeItem


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

    def process_item(self, item):
        if isinstance(item, NoticeItem) and item.record:
            outcome = self.archive_notice(item.record, getattr(self.crawler.spider, "crawl_id", None))
            self.crawler.stats.inc_value(f"archive/{outcome}")
        return item

    def archive_notice(self, record: dict, crawl_id) -> str:
        db = self.db
        notice = dict(record["notice"], crawl_id=crawl_id)
        with db.conn:
            outcome = upsert_if_changed(db, "notices", notice)
            changed = outcome != "unchanged"
            for row in record["cpv"]:
                changed |= upsert_if_changed(db, "notice_cpv", row) != "unchanged"
            for row in record["documents"] or []:
                changed |= upsert_if_changed(db, "documents", dict(row, crawl_id=crawl_id)) != "unchanged"
            if changed and notice["kenmerk"] is not None:
                refresh_procurement(db, notice["kenmerk"])
        if outcome == "unchanged" and changed:
            outcome = "updated"  # only its CPV codes or documents changed
        return outcome


def refresh_procurement(db, kenmerk: int) -> str:
    """Recompute the procurement row of ``kenmerk`` from its archived notices."""
    notices = list(db.query(
        "select * from notices where kenmerk = ? order by published_at, publication_id", [kenmerk]))
    if not notices:
        return "unchanged"
    first, last = notices[0], notices[-1]
    with_deadline = [n for n in notices if n["deadline"]]
    row = {
        "procurement_id": f"TN{kenmerk}",
        "kenmerk": kenmerk,
        "title": next((n["title"] for n in notices if n["notice_type"] in ("AAO", "VAK", "MAC")), last["title"]),
        "buyer": last["buyer"],
        "first_published": first["published"],
        "last_published": last["published"],
        "publication_count": len(notices),
        "publication_ids": dumps([n["publication_id"] for n in notices]),
        "notice_types": dumps([n["notice_type"] for n in notices]),
        "deadline": with_deadline[-1]["deadline"] if with_deadline else None,
        "is_awarded": 1 if any(n["is_awarded"] or n["notice_type"] == "AGO" for n in notices) else 0,
        "youth_care": 1 if any(n["youth_care"] for n in notices) else 0,
        "url": first["url"],
    }
    return upsert_if_changed(db, "procurements", row)
