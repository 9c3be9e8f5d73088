"""Every CLI command turns a broken file or path into one line naming the file and the
problem, with a documented exit code, and leaves the file as it was (issue 13).

Exit codes (docs/operations.md): 6 for an unusable archive or WARC file, 2 for a bad
profile, registry or watchlist. The cases call the command line's ``main`` in this process
(every check comes before a crawl starts, so no reactor runs); one case per exit code also
runs ``python -m tenderarchive.cli`` as a subprocess, the way a user or cron does.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, installed
from tests.conftest import cli as tenderarchive

SNAPSHOT_WARC = ROOT / "tenderarchive" / "snapshot" / "warc"
TENDERNED_WARC = sorted(SNAPSHOT_WARC.glob("tenderned-*.warc.gz"))[0]
UNUSED_API = "http://127.0.0.1:9/papi/tenderned-rs-tns/v2"  # never contacted: the check comes first


def digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


def assert_one_line_error(completed, code: int, *names: str):
    assert completed.returncode == code, (completed.returncode, completed.stdout, completed.stderr)
    lines = [line for line in completed.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, completed.stderr
    assert "Traceback" not in completed.stderr
    for name in names:
        assert name in lines[0], lines[0]


def broken_archives(tmp_path: Path) -> dict[str, Path]:
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not a database\n" * 200)
    truncated = tmp_path / "truncated.db"
    import sqlite3

    whole = tmp_path / "whole.db"
    conn = sqlite3.connect(whole)
    conn.execute("create table t (x)")
    conn.executemany("insert into t values (?)", [("x" * 500,)] * 200)
    conn.commit()
    conn.close()
    truncated.write_bytes(whole.read_bytes()[:50])  # a SQLite header cut short
    folder = tmp_path / "folder.db"
    folder.mkdir()
    missing_folder = tmp_path / "no" / "such" / "folder" / "archive.db"
    under_a_file = garbage / "archive.db"
    return {"garbage": garbage, "truncated": truncated, "directory": folder,
            "missing folder": missing_folder, "under a file": under_a_file,
            "another program's database": whole}


COMMANDS = {
    "crawl": lambda db: ["crawl", "tenderned", "--db", str(db), "--api-url", UNUSED_API],
    "status": lambda db: ["status", "--db", str(db)],
    "export": lambda db: ["export", "crawls", "--db", str(db), "--format", "csv"],
    "report": lambda db: ["report", "--db", str(db), "--watchlist", str(ROOT / "docs" / "watchlist.example.yaml")],
    "reparse": lambda db: ["reparse", "--db", str(db), "--warc", str(SNAPSHOT_WARC)],
    "serve": lambda db: ["serve", "--db", str(db), "--port", "9"],
    "build-demo": lambda db: ["build-demo", "--db", str(db)],
}
WRITERS = {"crawl", "reparse", "build-demo"}


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("kind", ["garbage", "truncated", "directory", "missing folder", "under a file",
                                  "another program's database"])
def test_broken_archive_path(tmp_path, command, kind):
    path = broken_archives(tmp_path)[kind]
    if kind in ("missing folder", "under a file") and command not in WRITERS:
        pytest.skip("readers report a missing archive as before (exit 1)")
    before = digest(path)
    completed = tenderarchive(*COMMANDS[command](path))
    assert_one_line_error(completed, 6, str(path))
    assert digest(path) == before
    assert not Path(f"{path}-wal").exists() or kind == "directory"


def test_another_programs_database_is_named_as_such_and_an_older_archive_is_not(tmp_path):
    other = broken_archives(tmp_path)["another program's database"]
    completed = tenderarchive(*COMMANDS["status"](other))
    assert_one_line_error(completed, 6, "not a tenderarchive archive", "its tables: t")
    older = tmp_path / "older.db"  # an archive of an early version: a crawls table and little else
    import sqlite3

    with sqlite3.connect(older) as conn:
        conn.execute("create table crawls (crawl_id integer primary key, spider text, status text, started text)")
    conn.close()
    completed = tenderarchive(*COMMANDS["export"](older), "--output", tmp_path / "crawls.csv")
    assert "not a tenderarchive archive" not in completed.stderr
    assert completed.returncode == 0, completed.stderr
    assert (tmp_path / "crawls.csv").read_text().startswith("crawl_id,spider,status,started")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes read-only files")
def test_read_only_archive_for_a_writer(tmp_path):
    db = tmp_path / "archive.db"
    shutil.copy(broken_archives(tmp_path)["garbage"], db)
    db.write_bytes(b"")
    db.chmod(0o444)
    assert_one_line_error(tenderarchive(*COMMANDS["crawl"](db)), 6, str(db), "read-only")


def warcs(tmp_path: Path) -> dict[str, Path]:
    garbage = tmp_path / "garbage.warc.gz"
    garbage.write_bytes(b"WARC/1.0\r\nnot really\r\n" * 50)
    truncated = tmp_path / "cut" / TENDERNED_WARC.name
    truncated.parent.mkdir()
    data = TENDERNED_WARC.read_bytes()
    truncated.write_bytes(data[: len(data) // 2 + 1])  # mid-record: never on a gzip member boundary
    empty = tmp_path / "empty"
    empty.mkdir()
    return {"garbage": garbage, "truncated": truncated, "empty folder": empty}


@pytest.mark.parametrize("kind", ["garbage", "truncated", "empty folder"])
def test_broken_warc_for_replay(tmp_path, kind):
    path = warcs(tmp_path)[kind]
    before = digest(path)
    db = tmp_path / "archive.db"
    completed = tenderarchive("crawl", "tenderned", "--db", str(db), "--replay", str(path))
    assert_one_line_error(completed, 6, str(path))
    assert digest(path) == before and not db.exists()


@pytest.mark.parametrize("kind", ["garbage", "truncated"])
def test_broken_warc_for_reparse(tmp_path, kind):
    path = warcs(tmp_path)[kind]
    store = path.parent if kind == "truncated" else tmp_path / "store"
    if kind == "garbage":
        store.mkdir()
        shutil.move(path, store / path.name)
        path = store / path.name
    before = digest(path)
    db = tmp_path / "archive.db"
    completed = tenderarchive("reparse", "--db", str(db), "--warc", str(store))
    assert_one_line_error(completed, 6, str(path))
    assert digest(path) == before and not db.exists()


CONFIGS = {
    "bad UTF-8": b"name: caf\xe9\n",
    "self-reference": b"a: &a [*a]\n",
    "wrong types": b"- [1, 2]\n- {name: [x]}\n",
}


@pytest.mark.parametrize("kind", sorted(CONFIGS))
@pytest.mark.parametrize("option", ["--profile", "--sources", "--watchlist"])
def test_broken_config_file_for_crawl(tmp_path, kind, option):
    path = tmp_path / "config.yaml"
    path.write_bytes(CONFIGS[kind])
    spider = "news" if option == "--sources" else "tenderned"
    db = tmp_path / "archive.db"
    completed = tenderarchive("crawl", spider, "--db", str(db), "--api-url", UNUSED_API, option, str(path))
    assert_one_line_error(completed, 2, path.name)
    assert path.read_bytes() == CONFIGS[kind] and not db.exists()


@pytest.mark.parametrize("kind", sorted(CONFIGS))
def test_broken_watchlist_for_report(tmp_path, kind):
    path = tmp_path / "watchlist.yaml"
    path.write_bytes(CONFIGS[kind])
    completed = tenderarchive("report", "--db", str(tmp_path / "archive.db"), "--watchlist", str(path))
    assert_one_line_error(completed, 2, str(path))
    assert path.read_bytes() == CONFIGS[kind]


@pytest.mark.parametrize("command, code, path_of", [
    (["status", "--db"], 6, lambda tmp: broken_archives(tmp)["garbage"]),
    (["crawl", "tenderned", "--api-url", UNUSED_API, "--db", "archive.db", "--profile"], 2,
     lambda tmp: _written(tmp / "profile.yaml", CONFIGS["wrong types"])),
])
def test_the_installed_command_prints_the_same_one_line(tmp_path, command, code, path_of):
    """The same boundary when the command runs as its own process (logging set up, no pytest
    capture): one line on stderr, the documented exit code, the file untouched."""
    path = path_of(tmp_path)
    before = digest(path)
    completed = installed(*command, path, cwd=tmp_path)
    assert_one_line_error(completed, code, path.name)
    assert digest(path) == before


def _written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("command", ["status", "export", "report", "crawl"])
def test_an_archive_name_too_long_for_the_file_system_is_unusable_not_a_traceback(tmp_path, command):
    """``--db`` naming a file longer than a file name may be (a pasted page, found by the CLI fuzz target):
    ``Path.is_dir`` raised OSError "File name too long", a traceback with exit 1."""
    path = tmp_path / ("archive" * 60 + ".db")
    assert_one_line_error(tenderarchive(*COMMANDS[command](path)), 6, "File name too long")
    assert list(tmp_path.iterdir()) == []


HOLD_EXCLUSIVELY = """
import sqlite3, sys, time
from tenderarchive.lock import crawl_lock
from tenderarchive.store.writes import open_archive
open_archive(sys.argv[1]).close()
with crawl_lock(sys.argv[1], ["crawl", "tenderned"]):
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("PRAGMA locking_mode=EXCLUSIVE")  # the file taken for itself: no reader beside it, WAL or not
    conn.execute("BEGIN EXCLUSIVE")
    conn.execute("insert into crawls (spider, started, status) values ('tenderned', '2026-12-05', 'running')")
    print("held", flush=True)
    sys.stdin.read()  # until the test closes it
"""


def test_readers_on_an_archive_a_writer_holds_exclusively_say_it_is_locked_and_change_nothing(tmp_path):
    """A writer holding the archive for itself (an exclusive lock: a copy in rollback-journal mode, a rebuild, another
    program; a crawl's own writes in WAL mode leave readers be) kept ``status``, ``export``, ``report`` and ``serve``
    out, which said "not a usable SQLite archive (database is locked)", exit 6, as for a damaged file. They wait
    (SQLite's busy timeout), then say it is locked and by which crawl, exit 4 (``ExitCode.LOCKED``), and change
    nothing."""
    import subprocess
    import sys

    db = tmp_path / "archive.db"
    holder = subprocess.Popen([sys.executable, "-c", HOLD_EXCLUSIVELY, str(db)], cwd=ROOT, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        before = {p.name: digest(p) for p in tmp_path.iterdir()}
        for command in ("status", "export", "report", "serve"):
            completed = tenderarchive(*COMMANDS[command](db))
            assert_one_line_error(completed, 4, str(db), "locked by another process writing it",
                                  f"a crawl runs on it (pid {holder.pid}", "nothing was read or changed")
        assert {p.name: digest(p) for p in tmp_path.iterdir()} == before
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
