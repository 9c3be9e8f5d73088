"""Reparse speed (issue 14): ``tenderarchive reparse`` in notices per second, beside reading
the same WARC store with warcio alone, in one run on the same machine.

    .venv/bin/python bench/reparse_speed.py [--publications N] [--crawls K]

It serves N synthetic youth-care publications and N others (``bench/run.py``'s set, over 30
days) with the loopback TenderNed API (127.0.0.1 only), crawls them into a fresh archive (the
WARC store; ``--crawls K`` splits the 30 days into K crawls, so K WARC files, as daily crawls
leave them), then with no server:

- **warcio**: every record of the store read with warcio's ``ArchiveIterator``, bodies
  included (the floor: what reading the store costs);
- **reparse**: ``tenderarchive reparse`` (a subprocess, as a user runs it: start-up included),
  which rebuilds the archive through the spider, every pipeline, the store and the
  derivation;
- the rebuilt archive is compared with the crawled one (notices and fetches), so a fast
  reparse that loses rows cannot pass unnoticed.

Printed: seconds, notices (or records) per second, and the ratio of the two.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import sqlite_utils
from warcio.archiveiterator import ArchiveIterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from datetime import date, timedelta  # noqa: E402

from run import FAST, publications  # noqa: E402
from tenderarchive.apiserver import APIServer, TenderNedAPI  # noqa: E402
from tenderarchive.rawstore import warc_files  # noqa: E402


def read_store(root: Path) -> tuple[int, float]:
    began = time.perf_counter()
    records = 0
    for path in warc_files(root):
        with open(path, "rb") as handle:
            for record in ArchiveIterator(handle):
                record.content_stream().read()
                records += 1
    return records, time.perf_counter() - began


def rows(db: Path) -> dict:
    archive = sqlite_utils.Database(db)
    return {table: sorted(map(repr, archive.query(f"select * from [{table}]"))) for table in ("notices", "fetches")}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--publications", type=int, default=500)
    parser.add_argument("--crawls", type=int, default=1, help="split the 30 days into this many crawls")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "archive.db"
        with APIServer(TenderNedAPI(publications(args.publications))) as server:
            began = time.perf_counter()
            start, days = date(2021, 3, 1), 30
            bounds = [start + timedelta(days=days * k // args.crawls) for k in range(args.crawls + 1)]
            for first, after in zip(bounds, bounds[1:]):
                crawl = subprocess.run([sys.executable, "-m", "tenderarchive.cli", "crawl", "tenderned", "--db",
                                        str(db), "--api-url", server.api_url, *FAST,
                                        "-s", "TENDERNED_FILTER_CHECK_MIN=1000000", "-s", "TENDERNED_OVERLAP_DAYS=0",
                                        "--from-date", first.isoformat(),
                                        "--until-date", (after - timedelta(days=1)).isoformat()],
                                       cwd=ROOT, capture_output=True, text=True)
                assert crawl.returncode == 0, crawl.stderr[-2000:]
            crawl_s = time.perf_counter() - began
        crawled = rows(db)
        notices = len(crawled["notices"])
        records, read_s = read_store(Path(tmp) / "warc")
        began = time.perf_counter()
        reparse = subprocess.run([sys.executable, "-m", "tenderarchive.cli", "reparse", "--db", str(db)],
                                 cwd=ROOT, capture_output=True, text=True)
        reparse_s = time.perf_counter() - began
        assert reparse.returncode == 0, reparse.stderr[-2000:]
        identical = rows(db) == crawled
    print(f"{notices} notices, {records} WARC records in {args.crawls} crawl(s); python {sys.version.split()[0]}")
    print("| run | seconds | per second | × warcio |")
    print("|---|---|---|---|")
    print(f"| crawl (loopback API) | {crawl_s:.2f} | {notices / crawl_s:.0f} notices | |")
    print(f"| warcio: read every record | {read_s:.2f} | {records / read_s:,.0f} records "
          f"({notices / read_s:,.0f} notices) | 1.00 |")
    print(f"| tenderarchive reparse | {reparse_s:.2f} | {notices / reparse_s:.0f} notices | "
          f"{read_s / reparse_s:.3f} |")
    print(f"reparse identical to the crawl (notices, fetches): {identical}")
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main())
