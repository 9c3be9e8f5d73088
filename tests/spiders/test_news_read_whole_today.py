"""The news spider's "read whole" rule (``queries._READ_WHOLE_WHERE``, behind ``sitemaps_read`` and
``paged_addresses_read``) by the day a crawl ran as, by real crawls of loopback sites of SYNTHETIC pages into a real
archive, and by the query itself on an older archive's rows (no ``today``)."""

from __future__ import annotations

import json
import os

import pytest
import sqlite_utils

from tenderarchive.store import queries
from tenderarchive.store.schema import ensure_schema
from tests import forkcli
from tests.conftest import FAST, ROOT
from tests.spiders.test_news_reference import ROBOTS, registry, serve
from tests.spiders.test_news_reference17 import undated_page
from tests.spiders.test_news_reference19 import sitemap_index, urlset


def test_a_crawl_as_of_its_own_until_date_read_its_sitemaps_whole(tmp_path):
    """A crawl as of 2021-10-20 (``TENDERARCHIVE_NOW``) with ``--until-date 2021-10-20``, its own today, left no page
    out for being too new: the next such crawl asks only the sitemaps changed since. The rule compared the
    ``until_date`` with the machine's day (``crawls.started``, years later), so the crawl was taken for one that left
    pages out, and every unchanged sitemap was read again."""
    log: list[str] = []
    children = {f"/post-sitemap{n}.xml": f"2021-0{n}-28T12:00:00+00:00" for n in range(1, 4)}
    pages = {f"/post-sitemap{n}.xml": {f"/nieuws/bericht-{n}": f"2021-0{n}-28"} for n in range(1, 4)}
    routes = {"/robots.txt": ROBOTS, "/sitemap_index.xml": sitemap_index(children),
              **{path: urlset(named) for path, named in pages.items()},
              **{page: undated_page(f"Bericht {page[8:]}") for named in pages.values() for page in named}}
    archive = tmp_path / "archive.db"
    env = dict(os.environ, TENDERARCHIVE_NOW="2021-10-20T12:00")
    with serve(routes, log) as base:
        sources = registry(tmp_path, base_url=base, cms="wordpress", discovery={"sitemaps": ["sitemap_index.xml"]},
                           allow=["^/nieuws/"])

        def crawl():
            return forkcli.run(["crawl", "news", "--sources", sources, "--db", str(archive), *FAST,
                                "--until-date", "2021-10-20"], cwd=ROOT, timeout=240, env=env)

        first = crawl()
        assert first.returncode == 0, first.stderr[-3000:]
        assert sorted(p for p in log if "sitemap" in p) == sorted(["/sitemap_index.xml", *children])
        log.clear()
        second = crawl()
        assert second.returncode == 0, second.stderr[-3000:]
    assert sorted(p for p in log if "sitemap" in p) == ["/sitemap_index.xml"]
    assert "'news/skipped_sitemap_unchanged': 3" in second.stderr
    db = sqlite_utils.Database(archive)
    assert sorted(r["title"] for r in db["articles"].rows) == ["Bericht bericht-1", "Bericht bericht-2",
                                                               "Bericht bericht-3"]
    assert [json.loads(r["arguments"])["today"] for r in db.query("select arguments from crawls")] == [
        "2021-10-20", "2021-10-20"]


@pytest.mark.parametrize("started, until_date, today, read_whole", [
    ("2021-10-19T22:30:00+00:00", "2021-10-20", None, True),    # 00:30 on 20 October in Amsterdam (summer time)
    ("2021-10-19T21:30:00+00:00", "2021-10-19", None, True),    # 23:30 on 19 October in Amsterdam
    ("2021-10-19T22:30:00+00:00", "2021-10-19", None, False),   # the crawl's day was the 20th: the 20th left out
    ("2021-12-19T23:30:00+00:00", "2021-12-20", None, True),    # 00:30 on 20 December (winter time)
    ("2021-12-19T22:30:00+00:00", "2021-12-19", None, True),    # 23:30 on 19 December
    ("2026-12-07T10:00:00+00:00", "2021-10-20", "2021-10-20", True),   # as of 2021-10-20, run years later
    ("2021-10-19T10:00:00+00:00", "2021-10-19", "2021-10-20", False),  # as of a day after the machine's
])
def test_read_whole_is_judged_by_the_day_the_crawl_ran_as(tmp_path, started, until_date, today, read_whole):
    """``until_date`` against the crawl's own ``today``, else (an older archive's crawl, none recorded) the Amsterdam
    day of ``crawls.started`` as ``queries.ran_on`` reads it: not the machine's UTC day (``substr(started, 1, 10)``),
    which a crawl started just after midnight in Amsterdam is a day behind."""
    path = tmp_path / "archive.db"
    db = sqlite_utils.Database(path)
    ensure_schema(db)
    arguments = {"until_date": until_date, **({"today": today} if today else {})}
    assert (queries.ran_on(arguments, started).isoformat() <= until_date) is read_whole
    db["crawls"].insert({"crawl_id": 1, "spider": "news", "status": "complete", "finish_reason": "finished",
                         "started": started, "arguments": json.dumps(arguments)})
    db["fetches"].insert_all({"url": url, "method": "GET", "status": 200, "fetched_at": started, "sha256": "0" * 64,
                              "warc_file": "a.warc.gz", "warc_offset": n, "warc_length": 1, "crawl_id": 1}
                             for n, url in enumerate(["http://127.0.0.1:1/wp-sitemap.xml",
                                                      "http://127.0.0.1:1/feed/?paged=2"]))
    db.conn.commit()
    db.close()
    assert [r["url"] for r in queries.sitemaps_read(path)] == (["http://127.0.0.1:1/wp-sitemap.xml"] * read_whole)
    assert [r["url"] for r in queries.paged_addresses_read(path)] == (["http://127.0.0.1:1/feed/?paged=2"] * read_whole)
