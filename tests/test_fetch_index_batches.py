"""The raw store's fetch index is committed ``FETCHES_BATCH_ROWS`` rows at a time (by default
``ARCHIVE_BATCH_ITEMS``), and a reparse commits it 2,000 rows at a time (issue 14: each commit
rewrote the pages of the table's five indexes that its rows touched). Real Scrapy crawler and
middleware, real SQLite; the responses are synthetic, replayed (no WARC file is written)."""

import sqlite3
from pathlib import Path

from scrapy import Request, Spider
from scrapy.http import TextResponse
from scrapy.utils.test import get_crawler

from tenderarchive.middlewares import RawStoreMiddleware
from tenderarchive.reparse import crawl_plan
from tenderarchive.store.writes import open_archive


def indexed(db_path) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("select count(*) from fetches").fetchone()[0]
    finally:
        conn.close()


def middleware(tmp_path, **settings):
    db_path = tmp_path / "archive.db"
    open_archive(db_path).close()
    crawler = get_crawler(Spider, {"ARCHIVE_DB": str(db_path), "WARC_REPLAY": str(tmp_path / "store"),
                                   "WARC_DIR": str(tmp_path / "store"), "ARCHIVE_BATCH_SECONDS": 1000, **settings})
    crawler.spider = crawler._create_spider("synthetic")
    return RawStoreMiddleware.from_crawler(crawler), db_path


def respond(store, n: int) -> None:
    url = f"http://api.test/publicaties/{n}"
    request = Request(url, meta={"replayed_from": ("a.warc.gz", n * 100, 100, "2026-01-01T00:00:00Z")})
    store.process_response(request, TextResponse(url, body=b'{"n": %d}' % n, request=request))


def test_the_fetch_index_commits_fetches_batch_rows_at_a_time(tmp_path):
    store, db_path = middleware(tmp_path, FETCHES_BATCH_ROWS=3, ARCHIVE_BATCH_ITEMS=200)
    respond(store, 1)
    respond(store, 2)
    assert indexed(db_path) == 0
    respond(store, 3)
    assert indexed(db_path) == 3
    respond(store, 4)
    store.spider_closed(store.crawler.spider)
    assert indexed(db_path) == 4


def test_without_it_the_fetch_index_commits_as_the_items_do(tmp_path):
    store, db_path = middleware(tmp_path, ARCHIVE_BATCH_ITEMS=2)
    respond(store, 1)
    assert indexed(db_path) == 0
    respond(store, 2)
    assert indexed(db_path) == 2
    store.spider_closed(store.crawler.spider)


def test_a_reparse_commits_the_fetch_index_2000_rows_at_a_time(tmp_path):
    overrides, _arguments = crawl_plan(Path("a.warc.gz"), {"crawl_id": 1}, tmp_path, tmp_path)
    assert "FETCHES_BATCH_ROWS=2000" in overrides
