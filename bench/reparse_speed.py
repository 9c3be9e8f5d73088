"""Reparse speed (issue 14): ``tenderarchive reparse`` in notices per second, beside reading
the same WARC store with warcio alone, in one run on the same machine.

    .venv/bin/python bench/reparse_speed.py [--publications N] [--crawls K] [--store DIR] [--jobs J]
                                            [--pairs P] [--no-engine] [--before TREE]

It serves N synthetic youth-care publications and N others (``bench/run.py``'s set, over 30
days) with the loopback TenderNed API (127.0.0.1 only), crawls them into a fresh archive (the
WARC store; ``--crawls K`` splits the 30 days into K crawls, so K WARC files, as daily crawls
leave them; ``--store DIR`` keeps the crawled archive and store in DIR and reuses them on the
next run), then with no server:

- **warcio**: every record of the store read with warcio's ``ArchiveIterator``, bodies
  included (the floor: what reading the store costs);
- **engine reparse**: the reparse with every crawl replayed through Scrapy's engine (how
  ``tenderarchive reparse`` worked before the direct replay; ``reparse(direct=False)``);
- **reparse**: ``tenderarchive reparse`` (a subprocess, as a user runs it: start-up included),
  whose crawls of 2xx responses are fed straight to the spider's callbacks, the pipelines and
  the store (``tenderarchive/replay/direct.py``); "replay only" is its own time per crawl
  without the process start-up, the store check and the swap (the ``replayed … in S s`` lines
  it prints), and its per-step line (CPU seconds of each step: reading the WARC file, set-up,
  the spider's callbacks, each pipeline, the last batch and the derivation, the loop) is
  printed for the first crawl (that reparse alone runs with ``TENDERARCHIVE_STEP_TIMES=1``, which
  times the callbacks and each pipeline apart at ≈ 1–2 % more CPU; the pairs run without it);
- ``--jobs J``: the reparse runs with ``--jobs J`` (J-1 worker processes parse the items; CPU
  seconds then count the workers too: every process the reparse waited for);
- ``--pairs P``: P more reparses with ``--jobs 1`` and P with ``--jobs J``, alternating (the
  machine is shared: a pair sees the same load), each on a fresh copy of the store and checked
  against the crawl; printed per run, and the medians: wall notices/s and CPU ms per notice;
- ``--before TREE``: another tree of the code (``git archive main | tar -x -C TREE``): ``--pairs P``
  then alternates reparses (``--jobs 1``) run from TREE and from this tree, each on a fresh copy of the
  store and checked against the crawl, and prints each pair's CPU seconds, the ratio after/before, the
  CPU seconds of each run's close (the last batch and the derivation) and the medians (the machine is
  shared: a pair sees the same load);
- ``--no-engine``: leave out the reparse through Scrapy's engine (it is slow; the pairs are what
  ``--jobs`` is measured by);
- the reparses run with the project's bytecode compiled, as an installed ``tenderarchive`` (or any
  run after the first) has it: each tree's ``tenderarchive``, ``pipelines`` and ``spiders`` are
  compiled once (``compileall``) before the timed runs and the reparses run without
  ``PYTHONDONTWRITEBYTECODE`` (set in the helpers' environment, it made every reparse of the earlier rounds
  compile the project's 68 modules from source, ≈ 0.24 CPU-s of its start-up); ``--no-bytecode``
  runs them as those rounds did;
- each rebuilt archive is compared with the crawled one (every data table, ``versions`` and
  ``fetches`` included: all but ``crawls``), so a fast reparse that loses or changes rows cannot
  pass unnoticed.

Wall seconds and CPU seconds (user + system of the subprocess) are both printed: the machine
is shared, and CPU seconds are what one core spends.
Printed: seconds, notices (or records) per second, and the ratio of the two.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
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
from tenderarchive.replay.direct import STEP_TIMES  # noqa: E402


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
    """Every data table (``tests/test_reparse.py``'s list: the store's tables but ``crawls``, whose
    times differ, and ``versions``), each as its sorted rows."""
    from tenderarchive.store.schema import TABLES

    archive = sqlite_utils.Database(db)
    return {table: sorted(map(repr, archive.query(f"select * from [{table}]")))
            for table in [*(t for t in TABLES if t != "crawls"), "versions"] if archive[table].exists()}


def timed(command: list[str], cwd: Path = ROOT, env: dict | None = None) -> tuple[subprocess.CompletedProcess, float, float]:
    """Run ``command`` in ``cwd`` (the tree whose code runs), with ``env`` added to this environment;
    (result, wall seconds, CPU seconds of the child)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True,
                            env={**os.environ, **env} if env else None)
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return result, wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def bytecode(trees: list[Path]) -> dict:
    """Compile each tree's packages once, as installing them does; the environment a reparse then runs
    in: ``PYTHONDONTWRITEBYTECODE`` empty (the bytecode written here is read, and a module this missed
    is written on its first import)."""
    env = {"PYTHONDONTWRITEBYTECODE": ""}
    for tree in trees:
        subprocess.run([sys.executable, "-m", "compileall", "-q", "tenderarchive", "pipelines", "spiders"],
                       cwd=tree, check=True, capture_output=True, env={**os.environ, **env})
    return env


def crawl_store(db: Path, publications_count: int, crawls: int) -> float:
    with APIServer(TenderNedAPI(publications(publications_count))) as server:
        began = time.perf_counter()
        start, days = date(2021, 3, 1), 30
        bounds = [start + timedelta(days=days * k // crawls) for k in range(crawls + 1)]
        for first, after in zip(bounds, bounds[1:]):
            crawl = subprocess.run([sys.executable, "-m", "tenderarchive.cli", "crawl", "tenderned", "--db",
                                    str(db), "--api-url", server.api_url, *FAST,
                                    "-s", "TENDERNED_FILTER_CHECK_MIN=1000000", "-s", "TENDERNED_OVERLAP_DAYS=0",
                                    "--from-date", first.isoformat(),
                                    "--until-date", (after - timedelta(days=1)).isoformat()],
                                   cwd=ROOT, capture_output=True, text=True)
            assert crawl.returncode == 0, crawl.stderr[-2000:]
        return time.perf_counter() - began


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--publications", type=int, default=500)
    parser.add_argument("--crawls", type=int, default=1, help="split the 30 days into this many crawls")
    parser.add_argument("--store", type=Path, help="keep the crawled archive and WARC store here (reused)")
    parser.add_argument("--jobs", type=int, default=1, help="reparse --jobs (processes)")
    parser.add_argument("--pairs", type=int, default=0, help="alternating reparses with --jobs 1 and --jobs J")
    parser.add_argument("--no-engine", action="store_true", help="leave out the reparse through Scrapy's engine")
    parser.add_argument("--before", type=Path, help="a tree of other code: --pairs alternate its reparse and this tree's")
    parser.add_argument("--no-bytecode", action="store_true",
                        help="reparse with the environment's PYTHONDONTWRITEBYTECODE (sources compiled on every run)")
    args = parser.parse_args(argv)
    if args.jobs < 1 or args.pairs < 0:
        parser.error("--jobs must be at least 1 and --pairs at least 0")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "work"
        crawl_s = None
        if args.store and (args.store / "archive.db").exists():
            shutil.copytree(args.store, work)
        else:
            work.mkdir()
            crawl_s = crawl_store(work / "archive.db", args.publications, args.crawls)
            if args.store:
                shutil.copytree(work, args.store, dirs_exist_ok=True)
        db = work / "archive.db"
        pristine = Path(tmp) / "pristine"
        shutil.copytree(work, pristine)
        crawled = rows(db)
        notices = len(crawled["notices"])
        records, read_s = read_store(work / "warc")

        engine_s = engine_cpu = engine_identical = None
        if not args.no_engine:
            engine, engine_s, engine_cpu = timed([sys.executable, "-c",
                                                  "import sys; from pathlib import Path; "
                                                  "from tenderarchive.reparse import reparse; "
                                                  f"sys.exit(reparse(Path({str(db)!r}), direct=False))"])
            assert engine.returncode == 0, engine.stderr[-2000:]
            engine_identical = rows(db) == crawled

        compiled = {} if args.no_bytecode else bytecode([ROOT, *([args.before] if args.before else [])])

        def fresh_reparse(jobs: int, tree: Path = ROOT, env: dict | None = None):
            shutil.rmtree(work)
            shutil.copytree(pristine, work)
            result, wall, cpu = timed([sys.executable, "-m", "tenderarchive.cli", "reparse", "--db", str(db),
                                       "--jobs", str(jobs)], cwd=tree, env={**compiled, **(env or {})} or None)
            assert result.returncode == 0, result.stderr[-2000:]
            return result, wall, cpu, rows(db) == crawled

        # the first reparse times its callbacks and each pipeline apart (STEP_TIMES: ≈ 1–2 % more CPU), for its
        # per-step line; the pairs run as a user's reparse runs, without
        direct, direct_s, direct_cpu, identical = fresh_reparse(args.jobs, env={STEP_TIMES: "1"})
        pairs, compared = [], []
        for _ in range(args.pairs if args.before else 0):
            runs = {}
            for name, tree in (("before", args.before), ("after", ROOT)):
                result, wall, cpu, same = fresh_reparse(1, tree)
                identical = identical and same
                replay = sum(float(m.group(1)) for m in re.finditer(r"^replayed crawl \d+: .* in [\d.]+ s "
                                                                     r"\(([\d.]+) CPU-s", result.stderr, re.M))
                close = sum(float(m.group(1)) for m in re.finditer(r"close \(last batch, derivation\) ([\d.]+)",
                                                                    result.stderr))
                runs[name] = (wall, cpu, replay, same, close)
            compared.append(runs)
            # each pair as it ends (at a high load a reparse takes minutes, and the table comes only at the end)
            print(f"pair {len(compared)}: CPU s before {runs['before'][1]:.2f}, after {runs['after'][1]:.2f} "
                  f"(replay {runs['before'][2]:.2f} → {runs['after'][2]:.2f}; close, i.e. last batch and derivation, "
                  f"{runs['before'][4]:.2f} → {runs['after'][4]:.2f}), identical "
                  f"{runs['before'][3] and runs['after'][3]}", file=sys.stderr, flush=True)
        for _ in range(0 if args.before else args.pairs):
            for jobs in (1, args.jobs):
                _, wall, cpu, same = fresh_reparse(jobs)
                identical = identical and same
                pairs.append((jobs, wall, cpu, same))
        replay_s = sum(float(m.group(1)) for m in re.finditer(r"^replayed crawl \d+: .* in ([\d.]+) s \(",
                                                               direct.stderr, re.M))
        engine_crawls = direct.stderr.count(", engine): exit")
        steps = re.search(r"^replayed crawl \d+: .* in [\d.]+ s \(.*$", direct.stderr, re.M)
    print(f"{notices} notices, {records} WARC records in {args.crawls} crawl(s); python {sys.version.split()[0]}; "
          f"{'sources compiled on every reparse (--no-bytecode)' if args.no_bytecode else 'bytecode compiled once'}")
    print("| run | wall s | CPU s | notices/s (wall) | notices/s (CPU) | × warcio (wall) |")
    print("|---|---|---|---|---|---|")
    if crawl_s:
        print(f"| crawl (loopback API) | {crawl_s:.2f} | | {notices / crawl_s:.0f} | | |")
    print(f"| warcio: read every record | {read_s:.2f} | | {notices / read_s:,.0f} ({records / read_s:,.0f} records/s) "
          f"| | 1.00 |")
    if engine_s is not None:
        print(f"| reparse through Scrapy's engine | {engine_s:.2f} | {engine_cpu:.2f} | {notices / engine_s:,.0f} | "
              f"{notices / engine_cpu:,.0f} | {read_s / engine_s:.3f} |")
    print(f"| tenderarchive reparse --jobs {args.jobs} (direct) | {direct_s:.2f} | {direct_cpu:.2f} | {notices / direct_s:,.0f} | "
          f"{notices / direct_cpu:,.0f} | {read_s / direct_s:.3f} |")
    if replay_s:
        print(f"| ... replay only (no start-up, check, swap) | {replay_s:.2f} | | {notices / replay_s:,.0f} | | "
              f"{read_s / replay_s:.3f} |")
    print(f"crawls replayed through the engine by tenderarchive reparse: {engine_crawls}")
    if steps:
        print(f"first crawl of the direct reparse: {steps.group(0)}")
    if pairs:
        print(f"\nalternating pairs, --jobs 1 and --jobs {args.jobs} (each on a fresh copy; CPU = every process)")
        print("| run | jobs | wall s | CPU s | notices/s (wall) | CPU ms per notice | identical |")
        print("|---|---|---|---|---|---|---|")
        for number, (jobs, wall, cpu, same) in enumerate(pairs, 1):
            print(f"| {(number + 1) // 2} | {jobs} | {wall:.2f} | {cpu:.2f} | {notices / wall:,.0f} | "
                  f"{1000 * cpu / notices:.2f} | {same} |")
        for jobs in dict.fromkeys((1, args.jobs)):
            walls = [w for j, w, _, _ in pairs if j == jobs]
            cpus = [c for j, _, c, _ in pairs if j == jobs]
            print(f"median --jobs {jobs}: {statistics.median(walls):.2f} s wall, "
                  f"{notices / statistics.median(walls):,.0f} notices/s (wall), "
                  f"{statistics.median(cpus):.2f} CPU-s, {1000 * statistics.median(cpus) / notices:.2f} CPU ms per notice")
    if compared:
        print(f"\nalternating pairs, code of {args.before} (before) and of this tree (after), --jobs 1, each on a fresh "
              "copy (CPU = user + system of the reparse process, start-up included; replay = its own CPU line)")
        print("| pair | before CPU s | after CPU s | after/before | before notices per CPU-s | after notices per CPU-s "
              "| replay CPU s before → after | close (last batch, derivation) CPU s before → after | identical |")
        print("|---|---|---|---|---|---|---|---|---|")
        for number, runs in enumerate(compared, 1):
            (_, b_cpu, b_replay, b_same, b_close), (_, a_cpu, a_replay, a_same, a_close) = runs["before"], runs["after"]
            print(f"| {number} | {b_cpu:.2f} | {a_cpu:.2f} | {a_cpu / b_cpu:.3f} | {notices / b_cpu:,.0f} | "
                  f"{notices / a_cpu:,.0f} | {b_replay:.2f} → {a_replay:.2f} | {b_close:.2f} → {a_close:.2f} | "
                  f"{b_same and a_same} |")
        b_med = statistics.median(r["before"][1] for r in compared)
        a_med = statistics.median(r["after"][1] for r in compared)
        print(f"median: before {b_med:.2f} CPU-s ({notices / b_med:,.0f} notices per CPU-s), after {a_med:.2f} CPU-s "
              f"({notices / a_med:,.0f} notices per CPU-s), ratio after/before {a_med / b_med:.3f}, "
              f"median of the pairs' ratios {statistics.median(r['after'][1] / r['before'][1] for r in compared):.3f}")
    print(f"identical to the crawl ({len(crawled)} data tables, {sum(map(len, crawled.values())):,} rows): "
          f"engine {'not run' if engine_identical is None else engine_identical}, direct {identical}")
    return 0 if identical and engine_identical is not False else 1


if __name__ == "__main__":
    sys.exit(main())
