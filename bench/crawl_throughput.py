"""Crawl throughput (issue 14): a full crawl with every pipeline against the same spider with no
pipelines and against a bare Scrapy spider fetching the same responses, in one run.

    .venv/bin/python bench/crawl_throughput.py [--publications N]

The loopback TenderNed API (``tenderarchive/apiserver.py``, 127.0.0.1 only) serves N synthetic
youth-care publications and N others (bench/run.py's generator). Three runs, each into a fresh
archive:

1. ``tenderarchive crawl tenderned`` — raw store, every pipeline, the archive, the derivation;
2. the same command with ``-s ITEM_PIPELINES={}`` — the spider, raw store and extensions, no
   pipelines (so nothing is archived and the derivation has nothing to do);
3. a bare ``scrapy.Spider`` in this file that GETs every URL the first crawl fetched (from its
   ``fetches`` table) and parses nothing — the price of fetching alone.

Printed: wall time, notices per second (publications the first crawl archived / seconds) and
each run as a ratio of the bare spider. Start-up (Python, Scrapy, opening the archive) is part of
every run, as it is of a scheduled crawl.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import sqlite_utils

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from run import FAST, publications  # noqa: E402  (bench/run.py)

from tenderarchive.apiserver import APIServer, TenderNedAPI  # noqa: E402

BARE = '''
import json, sys
import scrapy
from scrapy.crawler import CrawlerProcess

urls = json.load(open(sys.argv[1]))

class Bare(scrapy.Spider):
    name = "bare"
    async def start(self):
        for url in urls:
            yield scrapy.Request(url, dont_filter=True)
    def parse(self, response):
        pass

process = CrawlerProcess({"LOG_LEVEL": "ERROR", "DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False,
                          "CONCURRENT_REQUESTS": 8, "ROBOTSTXT_OBEY": False, "TELNETCONSOLE_ENABLED": False})
process.crawl(Bare)
process.start()
'''


def timed(command: list[str]) -> float:
    began = time.perf_counter()
    completed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if completed.returncode not in (0, 3):
        print(completed.stderr[-2000:], file=sys.stderr)
    return time.perf_counter() - began


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--publications", type=int, default=300, help="youth-care publications (as many others)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        with APIServer(TenderNedAPI(publications(args.publications))) as server:
            def crawl(db: Path, *extra: str) -> list[str]:
                return [sys.executable, "-m", "tenderarchive.cli", "crawl", "tenderned", "--db", str(db),
                        "--api-url", server.api_url, *FAST, "--from-date", "2021-03-01",
                        "--until-date", "2021-03-30", *extra]

            full = timed(crawl(tmp / "full.db"))
            archive = sqlite_utils.Database(tmp / "full.db")
            notices = archive["notices"].count
            urls = [r["url"] for r in archive.query("select url from fetches order by warc_offset")]
            bare_pipelines = timed(crawl(tmp / "nopipelines.db", "-s", "ITEM_PIPELINES={}"))
            (tmp / "urls.json").write_text(json.dumps(urls))
            (tmp / "bare.py").write_text(BARE)
            bare = timed([sys.executable, str(tmp / "bare.py"), str(tmp / "urls.json")])
    rows = [("full crawl, every pipeline", full), ("same spider, no pipelines", bare_pipelines),
            ("bare Scrapy spider, same URLs", bare)]
    print(f"{notices} notices archived, {len(urls)} responses; python {sys.version.split()[0]}")
    print(f"{'run':<32}{'seconds':>9}{'notices/s':>11}{'x bare':>8}{'x no pipelines':>16}")
    for name, seconds in rows:
        print(f"{name:<32}{seconds:>9.2f}{notices / seconds:>11.1f}{bare / seconds:>8.2f}{bare_pipelines / seconds:>16.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
