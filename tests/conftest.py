"""Shared test fixtures: the loopback TenderNed API and a way to run real crawls.

Crawls run as real processes of their own (``tenderarchive crawl`` forked from a
pre-imported interpreter, see tests/forkcli.py; ``python -m tenderarchive.cli`` or
``scrapy crawl`` where a test signals, kills or races the process) against
``tenderarchive.apiserver`` on 127.0.0.1, writing a real SQLite file. Nothing is mocked.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import subprocess
import sys
import time
from pathlib import Path

import os

import pytest
import sqlite_utils
from hypothesis import HealthCheck, Phase, settings

from tenderarchive.apiserver import APIServer, TenderNedAPI, load_publications
from tests import forkcli

ROOT = Path(__file__).resolve().parent.parent


def bench_module(name: str):
    """The benchmark script ``bench/<name>.py`` loaded as a module (its own imports of the bench folder's helpers
    resolved), for tests of what a benchmark measures and prints."""
    import importlib.util

    sys.path.insert(0, str(ROOT / "bench"))
    try:
        spec = importlib.util.spec_from_file_location(f"{name}_bench", ROOT / "bench" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "bench"))


def cli(*args, cwd=ROOT) -> subprocess.CompletedProcess:
    """``tenderarchive ARGS`` in this process (``tenderarchive.cli.main``): its exit code and what it
    printed. For commands that start no crawl; a crawl runs as a subprocess (``run_crawl``), since
    Twisted's reactor runs once per process."""
    from tenderarchive.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), contextlib.chdir(cwd):
        try:
            code = main([str(arg) for arg in args])
        except SystemExit as exit:  # argparse
            code = exit.code
    return subprocess.CompletedProcess(["tenderarchive", *args], int(code or 0), out.getvalue(), err.getvalue())


def installed(*args, cwd=ROOT, timeout: float = 180) -> subprocess.CompletedProcess:
    """``python -m tenderarchive.cli ARGS`` as its own process, the way a user or cron runs it."""
    return subprocess.run([sys.executable, "-m", "tenderarchive.cli", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=timeout)
# Property-based crawls (tests/spiders/test_crawl_properties.py): every example is a real crawl (a
# second or two), so few of them, the same ones every run (derandomised, no example database);
# CRAWL_EXAMPLES=50 runs more. No shrinking (each step is another crawl) unless CRAWL_SHRINK=1.
settings.register_profile("crawls", max_examples=int(os.environ.get("CRAWL_EXAMPLES", "6")), derandomize=True,
                          deadline=None, database=None, print_blob=True,
                          phases=[Phase.explicit, Phase.reuse, Phase.generate]
                          + ([Phase.shrink] if os.environ.get("CRAWL_SHRINK") else []),
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "RETRY_AFTER_MAX=2",
        "-s", "NEWS_LIVING_RECHECK_HOURS=0"]


@pytest.fixture
def snapshot():
    """The bundled synthetic snapshot, as publications (fresh copies per test)."""
    return load_publications()


@pytest.fixture
def serve_api():
    """``serve_api(publications, **options)`` → a running loopback API (stopped after the test)."""
    servers = []

    def start(publications, **options):
        server = APIServer(TenderNedAPI(publications, **options)).__enter__()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.__exit__(None, None, None)


class CrawlResult:
    def __init__(self, completed: subprocess.CompletedProcess, db_path: Path):
        self.returncode = completed.returncode
        self.output = completed.stdout + completed.stderr
        self.db_path = db_path

    @property
    def db(self):
        return sqlite_utils.Database(self.db_path)

    @property
    def crawl(self) -> dict:
        return next(self.db.query("select * from crawls order by crawl_id desc limit 1"))

    @property
    def errors(self) -> list[dict]:
        return json.loads(self.crawl["errors"] or "[]")


def run_crawl(api_url: str, db: Path, *args, from_date="2017-01-01", until_date="2022-12-31") -> CrawlResult:
    """Run ``tenderarchive crawl tenderned`` as its own process against ``api_url`` into ``db``
    (forked from a pre-imported interpreter: tests/forkcli.py)."""
    command = ["crawl", "tenderned", "--db", str(db), "--api-url", api_url, *FAST, *args]
    if from_date:
        command += ["--from-date", from_date]
    if until_date:
        command += ["--until-date", until_date]
    return CrawlResult(forkcli.run(command, cwd=ROOT, timeout=240), Path(db))


@pytest.fixture
def crawl(tmp_path):
    """``crawl(api_url, *args)`` runs ``tenderarchive crawl`` as its own process into tmp_path/archive.db."""
    db_path = tmp_path / "archive.db"

    def run(api_url, *args, from_date="2017-01-01", until_date="2022-12-31", db=db_path):
        return run_crawl(api_url, db, *args, from_date=from_date, until_date=until_date)

    return run


def slowed_publications(snapshot: list[dict], first_id: int, count: int, month: str) -> tuple[list[dict], dict]:
    """``count`` youth-care publications (ids from ``first_id``, days of ``month`` "YYYY-MM") made from
    snapshot notice 200201, and faults answering each detail once "429, Retry-After: 1": a crawl of
    them is slow enough for a kill or an interrupt to land mid-crawl."""
    template = by_id(snapshot, 200201)
    publications = [make_publication(template, first_id + i, f"{month}-{1 + i % 28:02d}", title=f"Jeugdhulp {i}")
                    for i in range(count)]
    faults = {f"/papi/tenderned-rs-tns/v2/publicaties/{first_id + i}": [{"status": 429, "headers": {"Retry-After": "1"}}]
              for i in range(count)}
    return publications, faults


def without_setting(command: list[str], name: str) -> list[str]:
    """``command`` without its ``-s NAME=…`` pair: a rerun need not be slowed the way the run it
    follows was (to let a kill or an interrupt land mid-crawl)."""
    out = []
    for i, part in enumerate(command):
        if part.startswith(f"{name}=") and i and command[i - 1] == "-s":
            out.pop()
            continue
        out.append(part)
    return out


def wait_for_notices(db: Path, count: int, seconds: float = 60) -> None:
    """Wait (bounded) until a running crawl has archived at least ``count`` notices."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        time.sleep(0.2)
        if db.exists() and sqlite_utils.Database(db)["notices"].exists() and \
                sqlite_utils.Database(db)["notices"].count >= count:
            return


def make_publication(template: dict, publication_id: int, day: str, *, title: str | None = None,
                     kenmerk: int | None = None) -> dict:
    """A copy of a snapshot publication under a new id and publication day."""
    publication = copy.deepcopy(template)
    row, detail = publication["list"], publication["detail"]
    row["publicatieId"], detail["publicatieId"] = str(publication_id), publication_id
    kenmerk = kenmerk or 900000 + publication_id
    if kenmerk != detail.get("kenmerk") and detail.get("publicatieIDLaatsteRectificatie") is not None:
        # the template's rectification is of the template's procedure, not of this copy's (and is fetched: it
        # would be a related notice this copy's API lacks)
        detail["publicatieIDLaatsteRectificatie"] = None
    row["kenmerk"], detail["kenmerk"] = kenmerk, kenmerk
    row["publicatieDatum"] = day
    detail["publicatieDatum"] = f"{day}T09:00:00"
    if title:
        row["aanbestedingNaam"] = detail["aanbestedingNaam"] = title
    for document in publication["documenten"]["documenten"]:
        document["documentId"] = publication_id * 100 + document["documentId"] % 100
    return publication


def by_id(publications: list[dict], publication_id: int) -> dict:
    return next(p for p in publications if p["detail"]["publicatieId"] == publication_id)
