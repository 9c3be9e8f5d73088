"""The news spider, seventy-sixth pass against docs/reference/news-sites.md: a scheduled crawl killed mid-way and the
next crawl, over a loopback server of SYNTHETIC pages with ``tenderarchive crawl news`` into a real archive."""

from __future__ import annotations

import sqlite_utils

from tests.conftest import ROOT
from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, redirecting, registry
from tests.spiders.test_news_reference8 import TEXT, iprox_item
from tests.spiders.test_news_reference9 import sitemap_of


def warc_records(root) -> set[tuple[str, int]]:
    """(file, offset) of every whole response record in the WARC files under ``root``."""
    from warcio.archiveiterator import ArchiveIterator

    from tenderarchive.rawstore import warc_files

    found = set()
    for path in warc_files(root):
        with open(path, "rb") as handle:
            iterator = ArchiveIterator(handle)
            try:
                for record in iterator:
                    if record.rec_type == "response":
                        found.add((path.name, iterator.get_record_offset()))
            except Exception:  # noqa: BLE001 - a record being written as it is read
                pass
    return found


def test_a_killed_crawls_fetches_indexed_by_the_next_crawl_say_what_they_were_asked_as(tmp_path):
    """§2.1 sitemaps and a scheduled crawl killed mid-way: the fetch index is committed in batches, and the next
    crawl indexes from the WARC file the responses the killed one had not committed (``rawstore.index_tail``). Those
    rows had no ``fetches.kind`` (what the crawl asked the address as: ``sitemap``, ``page`` …): the archive told a
    sitemap the killed crawl read from a page only by its address. The raw store now keeps the kind with each
    response, and the next crawl's index of the killed crawl's tail gives it as the crawl would have."""
    import os
    import signal
    import subprocess
    import sys
    import threading
    import time

    from tests.conftest import FAST

    released = threading.Event()

    def slow(base):  # answers once the crawl is killed (at most two minutes: every wait bounded)
        released.wait(120)
        return iprox_item("Bezwaar jeugdhulp", TEXT.replace("drie", "twee"))

    routes = {"/robots.txt": ROBOTS, "/?type=1533906435": sitemap_of("/nieuws/gunning", "/nieuws/bezwaar"),
              "/nieuws/gunning": iprox_item("Voorlopige gunning jeugdhulp"), "/nieuws/bezwaar": slow}
    server, base = redirecting(routes, {})
    db_path, root = tmp_path / "archive.db", tmp_path / "warc"
    try:
        path = registry(tmp_path, base_url=base, cms="typo3", discovery={"sitemaps": ["?type=1533906435"]},
                        allow=["^/nieuws/"])
        command = [sys.executable, "-m", "tenderarchive.cli", "crawl", "news", "--sources", path, "--db", str(db_path),
                   *FAST, "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=4", "-s", "FETCHES_BATCH_ROWS=100000",
                   "-s", "ARCHIVE_BATCH_ITEMS=100000", "-s", "ARCHIVE_BATCH_SECONDS=100000"]  # nothing commits
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 110
        while time.monotonic() < deadline and len(warc_records(root)) < 3 and process.poll() is None:
            time.sleep(0.2)  # robots.txt, the sitemap and the page that answers at once are recorded
        time.sleep(0.5)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
        released.set()
        killed = warc_records(root)
        db = sqlite_utils.Database(db_path)
        assert len(killed) >= 3 and db.execute("select count(*) from fetches").fetchone()[0] == 0
        routes["/nieuws/bezwaar"] = iprox_item("Bezwaar jeugdhulp", TEXT.replace("drie", "twee"))
        rerun = crawl_news(path, db_path)
    finally:
        released.set()
        server.shutdown()
    assert rerun.returncode == 0, rerun.stderr[-3000:]
    db = sqlite_utils.Database(db_path)
    assert [r["status"] for r in db.query("select status from crawls order by crawl_id")] == ["failed", "complete"]
    first = {r["url"][len(base) - 1:]: r["kind"] for r in db.query("select url, kind from fetches where crawl_id = 1")}
    second = {r["url"][len(base) - 1:]: r["kind"] for r in db.query("select url, kind from fetches where crawl_id = 2")}
    assert len(first) == len(killed), first  # the killed crawl's tail, indexed by the rerun
    assert first["/?type=1533906435"] == "sitemap" and first["/nieuws/gunning"] == "page", first
    assert {url: kind for url, kind in first.items() if url in second} == \
        {url: kind for url, kind in second.items() if url in first}, (first, second)
