"""Benchmarks: what an incremental crawl and a reparse cost, as ratios against a full
crawl measured in the same run, on the same machine.

    make bench            (or: .venv/bin/python bench/run.py [--publications N])

It serves N synthetic youth-care publications and N others (default 300, over 30 days) with the loopback
TenderNed API (127.0.0.1 only; every crawl is bounded by the window and stops by
itself) and measures, with real crawls into a real archive:

- baseline: a first, full crawl of the window (every list page, every detail);
- incremental: the scheduled next run with nothing new (should cost list requests only);
- reparse: rebuilding the archive from the WARC store, with no server at all.

Printed: wall time and HTTP requests of each, and each as a ratio of the baseline.
Times vary with the machine; the ratios are what to compare between versions.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import sqlite_utils

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tenderarchive.apiserver import APIServer, TenderNedAPI, load_publications  # noqa: E402
from tests.conftest import by_id, make_publication  # noqa: E402

FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "--quiet"]


def publications(count: int) -> list[dict]:
    """``count`` youth-care notices and as many others (ERP-like), as on the real TenderNed."""
    snapshot = load_publications()
    youth, other = by_id(snapshot, 200201), by_id(snapshot, 700701)
    start = date(2021, 3, 1)
    return [make_publication(template, 20000 + 2 * i + n, (start + timedelta(days=i % 30)).isoformat(),
                             title=f"{label} {i}")
            for i in range(count) for n, (template, label) in enumerate(((youth, "Jeugdhulp perceel"),
                                                                          (other, "ICT-dienst")))]


def timed(command: list[str]) -> float:
    began = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=False, capture_output=True)
    return time.perf_counter() - began


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--publications", type=int, default=300)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "archive.db"
        with APIServer(TenderNedAPI(publications(args.publications))) as server:
            crawl = [sys.executable, "-m", "tenderarchive.cli", "crawl", "tenderned", "--db", str(db),
                     "--api-url", server.api_url, *FAST, "--until-date", "2021-03-30"]
            full = timed([*crawl, "--from-date", "2021-03-01"])
            incremental = timed(crawl)  # no from_date: continues from the last complete crawl
        crawls = list(sqlite_utils.Database(db).query("select * from crawls order by crawl_id"))
        reparse = timed([sys.executable, "-m", "tenderarchive.cli", "reparse", "--db", str(db)])
        replayed = list(sqlite_utils.Database(db).query("select * from crawls order by crawl_id"))
        rows = [("full crawl (baseline)", full, crawls[0]["requests"]),
                ("incremental, nothing new", incremental, crawls[1]["requests"]),
                ("reparse from WARC", reparse, sum(c["requests"] or 0 for c in replayed))]
    print(f"{args.publications} publications; python {sys.version.split()[0]}")
    print(f"{'run':<28}{'seconds':>9}{'ratio':>8}{'requests':>10}{'ratio':>8}")
    for name, seconds, requests in rows:
        print(f"{name:<28}{seconds:>9.2f}{seconds / full:>8.2f}{requests:>10}{requests / rows[0][2]:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
