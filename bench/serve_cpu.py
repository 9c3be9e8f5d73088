"""CPU per request of the served Datasette, this checkout against another, alternating (bench/README.md,
"Datasette's fixed cost per page, round 3").

    .venv/bin/python bench/serve_cpu.py --db s.db --compare ../main-copy [--rounds 3] [--requests 21] [PATH ...]

Each round runs, for each checkout in turn, a process that builds Datasette as ``serve`` does
(``make_datasette`` with ``build_metadata``, immutable), requests every path three times (warm), then
``--requests`` times, and prints the median CPU milliseconds (``time.process_time`` of the whole process, its
SQL threads included) of each path. Wall-clock p50s of pages of a few milliseconds move by half their size on
a shared, loaded machine (``bench/scale.py --compare`` shows them); CPU time is the measure of a page's fixed
cost there. The database is named after the file's stem, so the paths start with ``/<stem>``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

DEFAULT = ["?sql=select+1+where+0", ".json?sql=select+1+where+0", "/notices", "/notices.json", "/articles",
           "/awards", "/procurements", "/organisations", "/organisation_aliases", "/crawls", "/changes",
           "/opdrachtgevers", "/changed_notices", "/open_youth_care_tenders"]

CHILD = r"""
import asyncio, json, statistics, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import tenderarchive
assert tenderarchive.__file__.startswith(sys.argv[1]), tenderarchive.__file__
from tenderarchive import readonly
from tenderarchive.metadata import build_metadata
from tenderarchive.serve import make_datasette
path, paths, n = Path(sys.argv[2]), json.loads(sys.argv[3]), int(sys.argv[4])
db = readonly.database(path)
try:
    metadata = build_metadata(db, path.stem)
finally:
    db.close()
datasette = make_datasette(path, metadata, immutable=True)

async def main():
    await datasette.invoke_startup()
    out = {}
    for page in paths:
        for _ in range(3):
            status = (await datasette.client.get(page)).status_code
        times = []
        for _ in range(n):
            began = time.process_time()
            await datasette.client.get(page)
            times.append(time.process_time() - began)
        out[page] = [status, statistics.median(times) * 1000]
    print(json.dumps(out))

asyncio.run(main())
"""


def run(checkout: Path, db: Path, paths: list[str], requests: int) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD, str(checkout), str(db), __import__("json").dumps(paths),
                           str(requests)], capture_output=True, text=True, check=True, timeout=600)
    return __import__("json").loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--compare", required=True, metavar="DIR", help="the other checkout (e.g. git archive main)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--requests", type=int, default=21)
    parser.add_argument("paths", nargs="*", help="paths after /<stem> (default: the README's)")
    args = parser.parse_args()
    db = Path(args.db).resolve()
    paths = [f"/{db.stem}{p}" for p in (args.paths or DEFAULT)]
    other, this = {p: [] for p in paths}, {p: [] for p in paths}
    for _ in range(args.rounds):
        for checkout, into in ((Path(args.compare).resolve(), other), (ROOT, this)):
            for page, (status, ms) in run(checkout, db, paths, args.requests).items():
                if status != 200:
                    raise SystemExit(f"{checkout}: {page} answered {status}")
                into[page].append(ms)
    print(f"{'path':45} {'other CPU ms':>18} {'this CPU ms':>18} {'saved':>6}")
    for page in paths:
        a, b = other[page], this[page]
        saved = 1 - statistics.median(b) / statistics.median(a)
        print(f"{page:45} {min(a):8.1f}–{max(a):<8.1f} {min(b):8.1f}–{max(b):<8.1f} {saved:6.0%}")


if __name__ == "__main__":
    main()
