"""The served Datasette's per-request CPU with each table's ``allow`` rules kept
(``tenderarchive/serve.py`` ``ArchiveDatasette``) against Datasette's own path, which deep-copies
the whole metadata for every table check, in one run on the same archive.

    .venv/bin/python bench/serve_permissions.py [--db archive.db] [--rounds 15]

Both Datasette instances serve the same file with the same metadata (``make_datasette``; the
baseline's check goes straight to ``Datasette._table_permission_allows``). Each round requests
every path once from each, alternating, through Datasette's in-process client; printed: the median
CPU milliseconds per request (``time.process_time``: the SQL threads included) and the ratio.
Build the archive first (``make archive``: the bundled demo snapshot).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from pathlib import Path

from datasette.app import Datasette

from tenderarchive import readonly
from tenderarchive.metadata import build_metadata
from tenderarchive.serve import make_datasette

PATHS = ["/", "/archive", "/archive/notices", "/archive/articles", "/archive/procurements",
         "/archive/search_all?q=jeugdhulp"]


def instance(path: Path, metadata: dict, kept: bool) -> Datasette:
    datasette = make_datasette(path, metadata, immutable=True)
    if not kept:  # Datasette's own answer, worked out on every check
        datasette._table_permission_allows = lambda db, table: Datasette._table_permission_allows(datasette, db, table)
    return datasette


async def measure(path: Path, rounds: int) -> None:
    db = readonly.database(path)
    try:
        metadata = build_metadata(db, path.stem)
    finally:
        db.close()
    servers = {kept: instance(path, metadata, kept) for kept in (False, True)}
    paths = [p.replace("/archive", f"/{path.stem}", 1) for p in PATHS]
    for datasette in servers.values():
        await datasette.invoke_startup()
        for p in paths:  # warm: templates compiled, connections open
            await datasette.client.get(p)
    cpu = {(kept, p): [] for kept in servers for p in paths}
    for _ in range(rounds):
        for kept, datasette in servers.items():
            for p in paths:
                start = time.process_time()
                response = await datasette.client.get(p)
                cpu[(kept, p)].append(time.process_time() - start)
                if response.status_code != 200:
                    raise SystemExit(f"{p}: HTTP {response.status_code}")
    print(f"{'path':<36} {'every check ms':>15} {'kept ms':>8} {'ratio':>6}")
    for p in paths:
        every, kept = (statistics.median(cpu[(k, p)]) * 1000 for k in (False, True))
        print(f"{p:<36} {every:>15.1f} {kept:>8.1f} {every / kept:>6.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=Path("archive.db"))
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    if not args.db.is_file():
        raise SystemExit(f"no archive at {args.db}: run `make archive` first")
    asyncio.run(measure(args.db, args.rounds))


if __name__ == "__main__":
    main()
