"""Shared fixtures of the publishing tests: a demo archive with search indexes, a real
``tenderarchive serve`` on a free loopback port, and the served Datasette in process (``served``).

The archive is built exactly as a user builds it (``python -m tenderarchive.cli build-demo``),
search index included (the derivation step builds it). The XSS variant adds one synthetic
notice whose title and description carry script and an event-handler payload, and re-indexes
with :func:`tenderarchive.store.search_index.build_search_index`.
"""

from __future__ import annotations

import asyncio
import fcntl
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import sqlite_utils

from tenderarchive import readonly
from tenderarchive.metadata import build_metadata
from tenderarchive.serve import make_datasette
from tenderarchive.store.search_index import build_search_index
from tests.conftest import ROOT

CLI = [sys.executable, "-m", "tenderarchive.cli"]
XSS = "<script>window.__xss=1</script><img src=x onerror=window.__xss=1>"
XSS_ID = 990001
DEMO_NOTICES = 13  # 12 from the API crawl, 1 from the OCDS package


def build_demo(path: Path, run_dir: Path | None = None) -> Path:
    """``tenderarchive build-demo`` into ``path``, with its search index (the derivation step makes it).

    With ``run_dir`` (a folder of this test run, shared by its xdist workers) the demo is built
    once per run under a file lock and copied to ``path``: every module that needs a demo
    archive gets its own file without rebuilding the same snapshot again."""
    if run_dir is None:
        _build(path)
        return path
    run_dir.mkdir(parents=True, exist_ok=True)
    built = run_dir / "demo-archive.db"
    with open(run_dir / "demo-archive.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not built.exists():
            _build(run_dir / "demo-archive.building.db")
            (run_dir / "demo-archive.building.db").rename(built)
    source = sqlite3.connect(f"file:{built}?mode=ro", uri=True)
    target = sqlite3.connect(path)
    with target:
        source.backup(target)
    source.close()
    target.close()
    return path


def run_dir(tmp_path_factory) -> Path:
    """A folder of this test run shared by its xdist workers (each worker's base temp is a subfolder)."""
    base = tmp_path_factory.getbasetemp()
    return (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "run-cache"


def _build(path: Path) -> None:
    completed = subprocess.run([*CLI, "build-demo", "--db", str(path)], cwd=ROOT,
                               capture_output=True, text=True, timeout=240)
    assert completed.returncode == 0, completed.stderr


def plant_xss(path: Path) -> Path:
    """Add one synthetic notice whose text is hostile HTML (and re-index)."""
    db = sqlite_utils.Database(path)
    template = db["notices"].get(200201)
    template.update({
        "publication_id": XSS_ID, "kenmerk": XSS_ID, "procurement_id": f"TN{XSS_ID}",
        "title": f"Jeugdhulp XSS-proef {XSS}", "description": f"Aanbesteding jeugdhulp. {XSS}",
        "published": "2022-12-01", "published_at": "2022-12-01T09:00:00+01:00",
        "year": 2022, "year_month": "2022-12", "url": f"https://example.invalid/{XSS_ID}",
    })
    db["notices"].insert(template)
    build_search_index(db)
    db.close()
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """``tenderarchive serve`` in a subprocess; ``base`` is the instance URL, ``db`` the database's; ``env``:
    variables added to its environment (``TENDERARCHIVE_NOW``: the moment it takes for now)."""

    def __init__(self, db_path: Path, args: list[str] = (), env: dict[str, str] | None = None):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.database = db_path.stem
        self.db = f"{self.base}/{self.database}"
        # The server's log goes to a file, not a pipe nobody reads: Datasette logs every error it
        # answers (a traceback for each 404 too), and a full pipe would block the server mid-request.
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen([*CLI, "serve", "--db", str(db_path), "--port", str(self.port), *args],
                                        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=self.log,
                                        env={**os.environ, **env} if env else None)
        for _ in range(150):
            try:
                urllib.request.urlopen(self.base + "/-/versions.json", timeout=2)
                return
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError(self.output())
                time.sleep(0.2)
        raise RuntimeError("tenderarchive serve did not start")

    def get(self, path: str) -> bytes:
        with urllib.request.urlopen(self.base + path, timeout=30) as response:
            return response.read()

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)

    def output(self) -> str:
        """What the server wrote to stderr so far (its log)."""
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace")


def padded_copy(source: Path, target: Path, count: int) -> Path:
    """A copy of the demo archive ``source`` at ``target`` with ``count`` more current awards of one procurement
    (synthetic copies of a demo award, each with its summary row)."""
    path = shutil.copy(source, target)
    db = sqlite_utils.Database(path)
    [award] = db.query("select * from awards where award_id = 'TN160417/100190/1'")
    [summary] = db.query("select * from summary_awards where award_id = 'TN160417/100190/1'")
    db["awards"].insert_all({**award, "award_id": f"{award['award_id']}/{i}", "lot_id": f"L{i:04d}"}
                            for i in range(count))
    db["summary_awards"].insert_all({**summary, "award_id": f"{award['award_id']}/{i}", "lot_id": f"L{i:04d}"}
                                    for i in range(count))
    db.close()
    return path


def copy_archive(source: Path, target: Path) -> Path:
    shutil.copy(source, target)
    return target


def run(coroutine):
    """Run ``coroutine`` on an event loop of its own thread (a test of the same worker, such as
    a browser test, may have left a loop running in this one)."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def metadata_of(archive: Path) -> dict:
    """The archive's metadata as ``tenderarchive serve`` builds it, from a read-only connection."""
    db = readonly.database(archive)
    try:
        return build_metadata(db, archive.stem)
    finally:
        db.close()


def served(archive: Path, metadata: dict | None = None, immutable: bool = True):
    """The archive's Datasette as ``tenderarchive serve`` makes it (immutable unless told), with ``metadata`` or
    the archive's own, started: requests go through ``run(datasette.client.get(path))``."""
    datasette = make_datasette(archive, metadata_of(archive) if metadata is None else metadata, immutable=immutable)
    run(datasette.invoke_startup())
    return datasette
