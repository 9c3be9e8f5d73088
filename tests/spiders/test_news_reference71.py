"""The news spider, seventy-first pass against docs/reference/news-sites.md: an OpenPub site whose archive is larger
than one crawl's bound, crawled over a loopback server of SYNTHETIC items (plugin-openpub-base's REST shape) with
``tenderarchive crawl news`` into a real archive, several times."""

from __future__ import annotations

import json
import urllib.parse
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import sqlite_utils

from tests import forkcli
from tests.conftest import ROOT
from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, registry, serve
from tests.spiders.test_news_reference17 import OPENPUB, openpub_item


class OpenPubSite(dict):
    """The routes of a SYNTHETIC OpenPub site: ``{OPENPUB}?page=N`` answered from :attr:`items` (newest first, as
    WordPress orders them), ``limit`` items a page (plugin-openpub-base's default, 10)."""

    def __init__(self, items: list[dict], limit: int = 10):
        super().__init__({"/robots.txt": ROBOTS})
        self.items, self.limit = items, limit

    def get(self, path, default=None):
        parts = urllib.parse.urlsplit(path)
        if parts.path != OPENPUB:
            return super().get(path, default)
        query = dict(urllib.parse.parse_qsl(parts.query))
        page = int(query.get("page", "1"))
        pages = max(1, -(-len(self.items) // self.limit))
        body = {"_comment": "SYNTHETIC tenderarchive test data (OpenPub REST shape of plugin-openpub-base)",
                "data": self.items[(page - 1) * self.limit:page * self.limit],
                "pagination": {"total_count": len(self.items), "total_pages": pages, "current_page": page,
                               "limit": self.limit}}
        return ("application/json; charset=UTF-8", json.dumps(body).encode())


def dated(ident: int, day: date) -> dict:
    return openpub_item(ident, day.isoformat())


def test_an_openpub_archive_larger_than_one_crawls_bound_is_archived_whole_over_crawls(tmp_path):
    """§2.1 OpenPub: ``…/items`` paged with ``limit`` (default 10) and ``page``. A crawl reads at most
    ``NEWS_OPENPUB_MAX_PAGES`` (20) pages; "the rest waits for the next crawl" was not so: each crawl started at page 1
    again and the items past the newest 200 were never archived. The next crawl reads on from where the last one
    stopped (its last page again: items published meanwhile move the rest later), so a site of 450 items is archived
    whole in three crawls, each bounded; items published between crawls and an edit of an item within the newest
    pages (``date_modified``) are archived too."""
    start = date(2021, 10, 1)
    site = OpenPubSite([dated(1000 - n, start - timedelta(days=n)) for n in range(450)])
    log: list[str] = []
    db_path = tmp_path / "archive.db"
    with serve(site, log) as base:
        path = registry(tmp_path, base_url=base, cms="wordpress", discovery={"openpub": [OPENPUB[1:]]},
                        deny=["^/wp-json"])
        runs = []
        for run in range(3):
            del log[:]
            runs.append(crawl_news(path, db_path))
            asked = [urllib.parse.parse_qs(urllib.parse.urlsplit(p).query)["page"][0]
                     for p in log if p.startswith(OPENPUB)]
            assert len(asked) <= 2 * 20, asked  # bounded per crawl
            if run == 0:
                assert sorted(map(int, asked)) == list(range(1, 21))
                # published between crawls, and an edit of an item of the newest pages
                site.items[:0] = [dated(2000 + n, start + timedelta(days=5 - n)) for n in range(5)]
                edited = site.items[30]
                edited["content"] += "<p>Aangevuld: de gunning volgt in december.</p>"
                edited["date_modified"] = f"{datetime.now(ZoneInfo('Europe/Amsterdam')) + timedelta(minutes=1):%Y-%m-%d %H:%M:%S}"
    for completed in runs:
        assert completed.returncode == 0, completed.stderr[-3000:]
    db = sqlite_utils.Database(db_path)
    archived = {int(urllib.parse.urlsplit(r["url"]).path.rsplit("/", 1)[1]) for r in db["articles"].rows}
    assert archived == {item["id"] for item in site.items}  # all 455
    assert "Aangevuld" in db["articles"].get(f"{base}{OPENPUB[1:]}/{edited['id']}")["text"]
    crawls = list(db.query("select status, error_count, bounds from crawls order by crawl_id"))
    assert [(c["status"], c["error_count"]) for c in crawls] == [("complete", 0)] * 3
    # the first two crawls left older pages for the next (its bound, no error); the third read to the last page
    assert [json.loads(c["bounds"]) for c in crawls] == [{"news/openpub_bounded": 1}] * 2 + [{}]
    # rebuilt from the WARC store alone, the archive holds them all again
    rebuilt = forkcli.run(["reparse", "--db", str(db_path)], cwd=ROOT, timeout=600)
    assert rebuilt.returncode == 0, rebuilt.stderr[-3000:]
    assert sqlite_utils.Database(db_path)["articles"].count == len(site.items)
