"""``reparse --jobs N`` (issue 14): the item pipelines that need no archive run in N-1 worker
processes, the replay and the archive writes in one process in the crawl's order, so the rebuilt
archive is the one a single process builds (every data table, ``versions``, the crawls' counts
and errors). A worker that dies fails the reparse (exit 1) and leaves the archive as it was;
Ctrl-C stops the workers and leaves the archive as it was. Real reparses of a copy of the bundled
snapshot store (TenderNed, OCDS and news crawls), each in its own process; the identity with a
crawl is checked in ``tests/test_reparse.py``."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import forkcli
from tests.conftest import ROOT
from tests.test_reparse import dump

SNAPSHOT_WARC = ROOT / "tenderarchive" / "snapshot" / "warc"


def store(folder: Path) -> Path:
    shutil.copytree(SNAPSHOT_WARC, folder / "warc")
    return folder / "archive.db"


def crawls(db: Path) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("select crawl_id, spider, status, responses, items_new, items_updated, items_unchanged, "
                            "items_dropped, error_count, errors from crawls order by crawl_id").fetchall()
    finally:
        conn.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# Items that fail on the way (a drop and an error in the pipelines that run in the workers) and
# responses whose callback fails (a spider error, recorded in the writer process), interleaved, so
# the order of the crawl's errors is at stake: the documents callback (which yields most notices)
# fails on its 2nd and 5th call and marks the items of its 1st and 4th call to be dropped and to
# fail in the validate pipeline. The same patches in one process and in the workers (forked).
FAILING = """
import sys
from pathlib import Path
from scrapy.exceptions import DropItem
import pipelines.validate, spiders.tenderned
from tenderarchive.items import NoticeItem
validate = pipelines.validate.ValidatePipeline.process_item
def failing(self, item):
    test = isinstance(item, NoticeItem) and (item.list_record or {}).get("_test")
    if test == "drop":
        raise DropItem(f"test drop of {item.publication_id}")
    if test == "error":
        raise ValueError(f"test error in {item.publication_id}")
    return validate(self, item)
pipelines.validate.ValidatePipeline.process_item = failing
documents = spiders.tenderned.TenderNedSpider.parse_documents
calls = []
def parse_documents(self, response, *args, **kwargs):
    calls.append(response.url)
    if len(calls) in (2, 5):
        raise RuntimeError(f"test spider error at {response.url}")
    if len(calls) in (1, 4):
        item = response.meta["item"]
        item.list_record = dict(item.list_record or {}, _test="drop" if len(calls) == 1 else "error")
    return documents(self, response, *args, **kwargs)
spiders.tenderned.TenderNedSpider.parse_documents = parse_documents
from tenderarchive.cli import main
sys.exit(main(["reparse", "--db", sys.argv[1], "--jobs", sys.argv[2]]))
"""


def reparse_failing(folder: Path, jobs: int) -> tuple[Path, subprocess.CompletedProcess]:
    db = store(folder)
    completed = subprocess.run([sys.executable, "-c", FAILING, str(db), str(jobs)], cwd=ROOT, capture_output=True,
                               text=True, timeout=600)
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert "(tenderned, tenderned-000001" in completed.stderr and "direct): exit 3" in completed.stderr  # partial
    return db, completed


@pytest.fixture(scope="module")
def one_process(tmp_path_factory):
    """The snapshot store reparsed in one process, some items and callbacks failing: (archive, its
    tables, its crawls)."""
    db, _ = reparse_failing(tmp_path_factory.mktemp("jobs1"), 1)
    return db, dump(db), crawls(db)


def test_jobs_give_the_archive_one_process_gives(one_process, tmp_path):
    _, tables, crawled = one_process
    assert tables["notices"] and tables["articles"] and tables["awards"]
    kinds = [error["error"].split(":")[0] for error in json.loads(crawled[0][9])]
    assert kinds == ["item dropped", "spider error", "pipeline error", "spider error"], crawled[0][9]
    for jobs in (2, 3):
        db, completed = reparse_failing(tmp_path / str(jobs), jobs)
        # the items' pipelines ran in the workers (their CPU seconds are reported as such)
        assert "PlacesPipeline (workers)" in completed.stderr, completed.stderr[-3000:]
        assert dump(db) == tables
        assert crawls(db) == crawled  # counts, dropped items and the errors, in the same order


@pytest.mark.parametrize("value", ["0", "-1", "two", "65", ""])
def test_a_bad_jobs_value_is_refused(tmp_path, value):
    db = store(tmp_path)
    completed = forkcli.run(["reparse", "--db", db, "--jobs", value], cwd=ROOT, timeout=60)
    assert completed.returncode == 2
    assert "bad argument --jobs" in completed.stderr and repr(value) in completed.stderr
    assert not db.exists() and not Path(f"{db}.reparse").exists()


# A worker process that dies: the places pipeline exits the process it runs in when that is not the
# reparse's own process (a fork of it: a worker).
DYING = """
import os, sys
from pathlib import Path
import pipelines.places
parent = os.getpid()
process_item = pipelines.places.PlacesPipeline.process_item
def dying(self, item):
    if os.getpid() != parent:
        os._exit(9)
    return process_item(self, item)
pipelines.places.PlacesPipeline.process_item = dying
from tenderarchive.cli import main
sys.exit(main(["reparse", "--db", sys.argv[1], "--jobs", "2"]))
"""


def test_a_worker_that_dies_fails_the_reparse_and_leaves_the_archive(one_process, tmp_path):
    db = store(tmp_path)
    shutil.copy(one_process[0], db)
    before = digest(db)
    completed = subprocess.run([sys.executable, "-c", DYING, str(db)], cwd=ROOT, capture_output=True, text=True,
                               timeout=300)
    assert completed.returncode == 1, completed.stderr[-3000:]
    assert "tenderarchive: reparse failed: a worker process failed" in completed.stderr
    assert f"{db} is unchanged" in completed.stderr
    assert digest(db) == before
    assert not Path(f"{db}.reparse").exists() and not Path(f"{db}.before-reparse").exists()


# Ctrl-C while the workers work: the first item a worker gets waits until the test has pressed it
# (however long a loaded machine keeps the test from pressing it: no race with the reparse's end).
SLOW = """
import os, sys, time
from pathlib import Path
import pipelines.places
parent = os.getpid()
process_item = pipelines.places.PlacesPipeline.process_item
def slow(self, item):
    if os.getpid() != parent and not os.path.exists(sys.argv[2]):
        Path(sys.argv[2]).write_text(str(os.getpid()))
        deadline = time.monotonic() + 120  # bounded: the test presses Ctrl-C, then lets the worker go on
        while not os.path.exists(sys.argv[2] + ".pressed") and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)
    return process_item(self, item)
pipelines.places.PlacesPipeline.process_item = slow
from tenderarchive.cli import main
sys.exit(main(["reparse", "--db", sys.argv[1], "--jobs", "2"]))
"""


def press_ctrl_c(script: str, db: Path, marker: Path) -> tuple[int, str, int]:
    """Run ``script`` (argv: the archive, ``marker``) in a session of its own; once it wrote ``marker`` (the
    pid of the process that waits), press Ctrl-C on the whole process group as a terminal does, then let
    the waiting process go on. The exit code, the stderr and the waiting process's pid."""
    process = subprocess.Popen([sys.executable, "-c", script, str(db), str(marker)], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 120
    while not marker.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert marker.exists(), process.communicate()[1][-3000:]
    time.sleep(0.2)
    waiting = int(marker.read_text())
    os.killpg(process.pid, signal.SIGINT)
    Path(f"{marker}.pressed").touch()
    _, stderr = process.communicate(timeout=120)
    return process.returncode, stderr, waiting


def test_ctrl_c_stops_the_workers_and_leaves_the_archive(one_process, tmp_path):
    db = store(tmp_path)
    shutil.copy(one_process[0], db)
    before = digest(db)
    returncode, stderr, worker = press_ctrl_c(SLOW, db, tmp_path / "worker-started")
    assert returncode != 0
    assert "KeyboardInterrupt" in stderr
    assert digest(db) == before
    assert not Path(f"{db}.reparse").exists() and not Path(f"{db}.before-reparse").exists()
    assert not Path(f"/proc/{worker}").exists()  # the worker is gone, not left running


# Ctrl-C while Scrapy's engine (or a direct replay on its reactor) works in the reparse's own process:
# Scrapy's handler stops the crawl gracefully and the reactor returns as if the replay had ended.
IN_REACTOR = """
import os, sys, time
from pathlib import Path
import pipelines.places
process_item = pipelines.places.PlacesPipeline.process_item
def slow(self, item):
    reactor = sys.modules.get("twisted.internet.reactor")
    if reactor is not None and reactor.running and not os.path.exists(sys.argv[2]):
        Path(sys.argv[2]).write_text(str(os.getpid()))
        deadline = time.monotonic() + 120  # bounded: the test presses Ctrl-C, then lets the item go on
        while not os.path.exists(sys.argv[2] + ".pressed") and time.monotonic() < deadline:
            time.sleep(0.05)
    return process_item(self, item)
pipelines.places.PlacesPipeline.process_item = slow
from tenderarchive.reparse import reparse
sys.exit(reparse(Path(sys.argv[1]), direct=False))  # every crawl through Scrapy's engine
"""


def test_ctrl_c_while_the_reactor_runs_stops_the_reparse_and_leaves_the_archive(one_process, tmp_path):
    db = store(tmp_path)
    shutil.copy(one_process[0], db)
    before = digest(db)
    returncode, stderr, _ = press_ctrl_c(IN_REACTOR, db, tmp_path / "in-reactor")
    assert returncode != 0, stderr[-3000:]
    assert "KeyboardInterrupt" in stderr
    assert digest(db) == before
    assert not Path(f"{db}.reparse").exists() and not Path(f"{db}.before-reparse").exists()
