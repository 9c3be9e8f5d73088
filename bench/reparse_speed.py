"""Reparse speed (issue 14): ``tenderarchive reparse`` in notices per second, beside reading
the same WARC store with warcio alone, in one run on the same machine.

    .venv/bin/python bench/reparse_speed.py [--publications N] [--crawls K] [--store DIR] [--jobs J]
                                            [--pairs P] [--no-engine] [--before TREE]
                                            [--awards-every M] [--crawl-concurrency C]

It serves N synthetic youth-care publications and N others (``bench/run.py``'s set, over 30
days) with the loopback TenderNed API (127.0.0.1 only), crawls them into a fresh archive (the
WARC store; ``--crawls K`` splits the 30 days into K crawls, so K WARC files, as daily crawls
leave them; ``--store DIR`` keeps the crawled archive and store in DIR and reuses them on the
next run; ``--awards-every M`` adds an award notice of the procedure of every M-th youth-care publication, the
snapshot's award 200288 with its eForms rendering, so the awards' path is in the store: ``bench/run.py``'s set has
no award notice; ``--crawl-concurrency C`` lets the bench's crawl ask C requests at a time of the loopback server,
which looks its publications up by id and by procedure, so a crawl of 10,000 notices is not quadratic in the
server), then with no server:

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
- **phases** of that first reparse, CPU-s: outside the replay (process start-up, imports, the store check, the
  swap: paid once a run, whatever the store's size), each step of the replay summed over the crawls, and notices
  per CPU-s three ways, labelled: the whole reparse, the replay only, and the per-notice steady state (the replay
  without its close, i.e. the last batch and the derivation, which run once a crawl over the whole store);
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
from types import SimpleNamespace

import sqlite_utils
from warcio.archiveiterator import ArchiveIterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from datetime import date, timedelta  # noqa: E402

from run import FAST, by_id, make_publication, publications  # noqa: E402
from tenderarchive.apiserver import APIServer, TenderNedAPI, load_publications  # noqa: E402
from tenderarchive.rawstore import warc_files  # noqa: E402
from tenderarchive.replay.direct import STEP_TIMES  # noqa: E402


#: the step of the replay's per-step line that runs once a crawl, after the last item (its cost is the store's, not a
#: notice's): ``ReplayEngine``'s "close (last batch, derivation)"
CLOSE = "close (last batch, derivation)"


def replay_phases(stderr: str) -> tuple[float, dict[str, float]]:
    """The replay's CPU-s and its steps' (each summed over the crawls) from a reparse's ``replayed crawl …`` lines
    (``…in 13.40 s (2.35 CPU-s; per step, CPU-s: read WARC 0.20, …, close (last batch, derivation) 0.47, loop 0.33)``)."""
    replay = sum(float(m.group(1)) for m in re.finditer(r"^replayed crawl \d+: .* in [\d.]+ s \(([\d.]+) CPU-s",
                                                         stderr, re.M))
    phases: dict[str, float] = {}
    for line in re.finditer(r"^replayed crawl \d+: .* per step, CPU-s: (.*)\)$", stderr, re.M):
        for step, value in re.findall(r"((?:[^,(]|\([^)]*\))+?) ([\d.]+)(?:, |$)", line.group(1)):
            phases[step] = phases.get(step, 0.0) + float(value)
    return replay, phases


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


def with_awards(served: list[dict], every: int) -> list[dict]:
    """``served`` (``run.publications``) and, for every ``every``-th youth-care publication, an award notice of
    its procedure (the snapshot's award 200288, with its eForms rendering, under the same ``kenmerk``, five days
    later within the 30 days): ``bench/run.py``'s set has none, so the awards' path was never in a bench store."""
    if not every:
        return served
    award = by_id(load_publications(), 200288)
    youth = [p for p in served if p["list"]["aanbestedingNaam"].startswith("Jeugdhulp")]
    first = max(p["detail"]["publicatieId"] for p in served) + 1
    start = date(2021, 3, 1)
    awards = []
    for k, notice in enumerate(youth[::every]):
        day = date.fromisoformat(notice["list"]["publicatieDatum"][:10])
        later = min(day + timedelta(days=5), start + timedelta(days=29))
        awards.append(make_publication(award, first + k, later.isoformat(),
                                       title=notice["list"]["aanbestedingNaam"], kenmerk=notice["detail"]["kenmerk"]))
    return served + awards


class IndexedAPI(TenderNedAPI):
    """The loopback API over a set that does not change, with its publications looked up by id and by procedure:
    ``TenderNedAPI.find`` and ``related`` scan every publication per request, which made the bench's crawl of
    10,000 notices (≈ 18,000 publications served, ≈ 4 requests a notice) quadratic in the server, not the crawl."""

    def __init__(self, publications: list[dict], **kwargs):
        super().__init__(publications, **kwargs)
        self.by_id = {str(p["list"]["publicatieId"]): p for p in publications}
        self.by_kenmerk: dict = {}
        for p in publications:
            self.by_kenmerk.setdefault(p["detail"].get("kenmerk"), []).append(p)

    def find(self, publication_id: str) -> dict | None:
        return self.by_id.get(publication_id)

    def related(self, publication: dict) -> list[dict]:
        kenmerk = publication["detail"].get("kenmerk")
        same = [publication] if kenmerk is None else self.by_kenmerk.get(kenmerk, [publication])
        return TenderNedAPI.related(SimpleNamespace(publications=same, lock=self.lock), publication)


def crawl_store(db: Path, publications_count: int, crawls: int, awards_every: int = 0,
                concurrency: int | None = None) -> float:
    more = ["-s", f"CONCURRENT_REQUESTS_PER_DOMAIN={concurrency}", "-s", f"CONCURRENT_REQUESTS={concurrency}"] \
        if concurrency else []
    with APIServer(IndexedAPI(with_awards(publications(publications_count), awards_every))) as server:
        began = time.perf_counter()
        start, days = date(2021, 3, 1), 30
        bounds = [start + timedelta(days=days * k // crawls) for k in range(crawls + 1)]
        for first, after in zip(bounds, bounds[1:]):
            crawl = subprocess.run([sys.executable, "-m", "tenderarchive.cli", "crawl", "tenderned", "--db",
                                    str(db), "--api-url", server.api_url, *FAST, *more,
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
    parser.add_argument("--awards-every", type=int, default=0,
                        help="serve an award notice for every M-th youth-care publication (0: none, as before)")
    parser.add_argument("--crawl-concurrency", type=int,
                        help="the bench crawl's CONCURRENT_REQUESTS(_PER_DOMAIN) (loopback only; default the project's)")
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
            crawl_s = crawl_store(work / "archive.db", args.publications, args.crawls, args.awards_every,
                                  args.crawl_concurrency)
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
        replay_cpu, phases = replay_phases(direct.stderr)
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
        print(f"| ... replay only (no start-up, check, swap) | {replay_s:.2f} | {replay_cpu:.2f} | {notices / replay_s:,.0f} | "
              f"{notices / replay_cpu:,.0f} | {read_s / replay_s:.3f} |")
    if phases:
        # the same reparse's CPU, split (CPU-s summed over its crawls): what it costs once a run and what it costs
        # per notice, so a figure "per CPU-s" says which it is
        outside = direct_cpu - replay_cpu
        steady = replay_cpu - phases.get(CLOSE, 0.0)
        print(f"\nphases of the direct reparse, CPU-s (--jobs {args.jobs}; the step-timed run): "
              f"outside the replay (process start-up, imports, store check, swap) {outside:.2f}; "
              + ", ".join(f"{step} {value:.2f}" for step, value in phases.items()))
        print(f"notices per CPU-s: whole reparse {notices / direct_cpu:,.0f}; replay only (no start-up, check, swap) "
              f"{notices / replay_cpu:,.0f}; per-notice steady state (replay without its close, i.e. the last batch "
              f"and the derivation) {notices / steady:,.0f}")
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
