"""Archive: write normalised notices and analysed articles into ``archive.db`` with sqlite-utils.

Idempotent by construction: a notice whose content equals the archived row is
not written (``archive/unchanged``); a changed one is updated in place
(``archive/updated``; its history arrives with the versions table). Its CPV
codes and documents are upserted alongside; documents the source no longer lists
are kept, and a notice whose documents request failed keeps the documents it had.
The procedures (``procurements``, one row per kenmerk) whose notices changed are
recomputed from the archived notices once, when the crawl closes (also those of a
killed earlier crawl), and written only when they changed.
"""

from __future__ import annotations

from tenderarchive.archive import TABLES, dumps, open_archive, upsert_if_changed
from tenderarchive.items import ArticleItem, NoticeItem
from tenderarchive.linking import link_articles
from tenderarchive.search import ensure_search


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
        if self.db is None:
            return
        crawl_id = getattr(self.crawler.spider, "crawl_id", None)
        refresh_procurements(self.db, crawl_id)
        link_articles(self.db)
        ensure_search(self.db)
        self.db.close()

    def process_item(self, item):
        crawl_id = getattr(self.crawler.spider, "crawl_id", None)
        if isinstance(item, NoticeItem) and item.record:
            self.crawler.stats.inc_value(f"archive/{self.archive_notice(item.record, crawl_id)}")
        elif isinstance(item, ArticleItem) and item.record:
            self.crawler.stats.inc_value(f"archive/{archive_article(self.db, item.record, crawl_id)}")
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
            if record.get("organisation"):
                upsert_if_changed(db, "organisations", record["organisation"])
            if changed:
                key = notice["publication_id"]
                db["notice_municipalities"].delete_where("publication_id = ?", [key])
                if record.get("municipalities"):
                    db["notice_municipalities"].upsert_all(record["municipalities"], pk=TABLES["notice_municipalities"]["pk"])
                db["events"].delete_where("source_type = 'notice' and source_id = ?", [str(key)])
                if record.get("events"):
                    db["events"].upsert_all([dict(e, crawl_id=crawl_id) for e in record["events"]], pk="event_id")
        if outcome == "unchanged" and changed:
            outcome = "updated"  # only its CPV codes or documents changed
        return outcome


def archive_article(db, record: dict, crawl_id) -> str:
    """Write an analysed article; its link rows and events are replaced when it changed."""
    article = dict(record["article"], crawl_id=crawl_id)
    url = article["url"]
    with db.conn:
        outcome = upsert_if_changed(db, "articles", article)
        if outcome == "unchanged":
            return outcome
        for table, rows in (("article_municipalities", record.get("municipalities", [])),
                            ("article_organisations", record.get("organisations", []))):
            db[table].delete_where("url = ?", [url])
            if rows:
                db[table].upsert_all(rows, pk=TABLES[table]["pk"])
        db["events"].delete_where("source_type = 'article' and source_id = ?", [url])
        events = [dict(e, crawl_id=crawl_id) for e in record.get("events", [])]
        if events:
            db["events"].upsert_all(events, pk="event_id")
    return outcome


def refresh_procurements(db, crawl_id) -> None:
    """Recompute the procurements touched by crawl ``crawl_id`` or by a killed crawl."""
    rows = db.query(
        """select kenmerk, max(fetched_at) as last from notices
           where kenmerk is not null and (crawl_id = ? or crawl_id in
                 (select crawl_id from crawls where finish_reason = 'killed'))
           group by kenmerk order by kenmerk""", [crawl_id])
    with db.conn:
        for row in list(rows):
            refresh_procurement(db, row["kenmerk"], when=row["last"])


def refresh_procurement(db, kenmerk: int, when: str | None = None) -> str:
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
        "source": "tenderned",
        "jeugdregio_code": next((n["jeugdregio_code"] for n in reversed(notices) if n["jeugdregio_code"]), None),
    }
    return upsert_if_changed(db, "procurements", row, when=when)
