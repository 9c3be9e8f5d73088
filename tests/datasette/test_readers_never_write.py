"""The readers (`serve`, `status`, `report`, `export`) never write the archive.

Each runs as a real subprocess on a copy of the demo archive (synthetic data); afterwards the
archive is byte-identical and no ``-wal``/``-shm``/``-journal`` file has appeared next to it.
The demo archive is in WAL mode, where SQLite's plain ``mode=ro`` would have created them.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import sqlite_utils

from tenderarchive import readonly
from tenderarchive.exitcodes import ExitCode
from tenderarchive.lock import crawl_lock
from tests.conftest import ROOT
from tests.datasette.archive_fixtures import Server

CLI = [sys.executable, "-m", "tenderarchive.cli"]

WATCHLIST = """\
title: Leesproef
watches:
  - name: Jeugdhulp
    keywords: [jeugdhulp]
"""


def fingerprint(db_path):
    """The archive's bytes and every file next to it that SQLite could create."""
    files = sorted(p.name for p in db_path.parent.iterdir() if p.name.startswith(db_path.name))
    return files, hashlib.sha256(db_path.read_bytes()).hexdigest()


@pytest.fixture
def archive(demo_archive, tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    path = Path(shutil.copy(demo_archive, folder / "archive.db"))
    assert path.read_bytes()[18:20] == b"\x02\x02"   # file format: WAL mode (read without opening it)
    return folder / "archive.db"


def notices(db_path) -> int:
    """How many notices the archive holds, read the way readers read (leaves no files)."""
    conn = readonly.connect(db_path)
    try:
        return conn.execute("select count(*) from notices").fetchone()[0]
    finally:
        conn.close()


def run(*args):
    return subprocess.run([*CLI, *map(str, args)], cwd=ROOT, capture_output=True, text=True, timeout=120)


def open_modes(pid: int, path) -> list[int]:
    """The access modes (O_RDONLY/O_WRONLY/O_RDWR) of process ``pid``'s descriptors on ``path``."""
    modes = []
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            continue
        if target == str(path.resolve()):
            flags = next(line for line in open(f"/proc/{pid}/fdinfo/{fd}") if line.startswith("flags:"))
            modes.append(int(flags.split()[1], 8) & os.O_ACCMODE)
    return modes


def get(server, path):
    try:
        with urllib.request.urlopen(server.base + path, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def test_serve_leaves_the_archive_byte_identical_and_holds_it_read_only(archive):
    count = notices(archive)
    before = fingerprint(archive)
    server = Server(archive)
    try:
        for path in ("/", "/archive/notices.json?_shape=array", "/archive/search_all.json?q=jeugdhulp",
                     "/archive/freshness.json", "/archive/procurements.csv?_stream=1",
                     "/-/dashboards/jeugdhulp"):
            status, _ = get(server, path)
            assert status == 200, path
        # Even a write through the SQL box is refused.
        sql = urllib.parse.quote("delete from notices")
        status, body = get(server, f"/archive.json?sql={sql}")
        assert status >= 400, body
        modes = open_modes(server.process.pid, archive)
        assert modes and set(modes) == {os.O_RDONLY}, modes
    finally:
        server.stop()
    assert "search index" not in server.output()   # the derivation built it
    assert fingerprint(archive) == before
    assert count > 10 and notices(archive) == count


def test_serve_reports_a_missing_search_index_and_does_not_build_it(archive):
    db = sqlite_utils.Database(archive)
    for table in ("search_documents_fts", "search_documents", "search_state"):
        db[table].drop()
    db.close()
    before = fingerprint(archive)
    server = Server(archive)
    try:
        status, page = get(server, "/")
        assert status == 200 and b"No search index" in page
        assert get(server, "/archive/notices.json")[0] == 200   # the tables are still served
    finally:
        server.stop()
    assert "search index" in server.output() and fingerprint(archive) == before
    assert not sqlite_utils.Database(archive)["search_documents"].exists()


def test_status_report_and_export_leave_the_archive_byte_identical(archive, tmp_path):
    count = notices(archive)
    before = fingerprint(archive)
    out = run("status", "--db", archive)
    assert out.returncode in (ExitCode.COMPLETE, ExitCode.STALE) and "tenderned" in out.stdout, out.stderr
    assert json.loads(run("status", "--db", archive, "--json").stdout)[0]["status"] == "complete"
    assert fingerprint(archive) == before

    watchlist = tmp_path / "watchlist.yaml"
    watchlist.write_text(WATCHLIST, encoding="utf-8")
    out = run("report", "--watchlist", watchlist, "--db", archive, "--crawl", 1, "--out", tmp_path / "reports")
    assert out.returncode == ExitCode.COMPLETE and "Leesproef: crawl 1" in out.stdout, out.stderr
    assert fingerprint(archive) == before

    out = run("export", "notices", "--db", archive, "--format", "json")
    assert out.returncode == ExitCode.COMPLETE and len(json.loads(out.stdout)) == count
    out = run("export", "delete from notices", "--db", archive)
    assert out.returncode == ExitCode.BAD_ARGUMENTS and "readonly" in out.stderr.replace("read-only", "readonly")
    assert fingerprint(archive) == before


def test_while_a_crawl_holds_the_lock_readers_open_mode_ro_not_immutable(archive):
    count = notices(archive)
    assert readonly.uri(archive).endswith("?mode=ro&immutable=1")
    with crawl_lock(archive, command=["test"]):
        assert readonly.crawl_running(archive)
        assert readonly.uri(archive).endswith("?mode=ro")
        conn = readonly.connect(archive)
        assert conn.execute("select count(*) from notices").fetchone()[0] == count
        with pytest.raises(sqlite3.OperationalError):
            conn.execute("delete from notices")
        conn.close()
    assert not readonly.crawl_running(archive)
    with pytest.raises(readonly.ArchiveMissing):
        readonly.connect(archive.with_name("none.db"))


def test_serve_on_an_archive_of_an_older_version_says_what_it_lacks(archive):
    # An archive written before award data (no awards, lots, suppliers, results tables) and
    # before notices.form_type: serve does not migrate it, and its saved searches that read
    # what is missing say so in one row (they were HTTP 400 "no such table").
    conn = sqlite3.connect(archive)
    # Its `changes` view named only notices, articles and procurements (the award data's versions
    # came with those tables).
    conn.execute("drop view changes")
    conn.execute("create view changes as select v.*, coalesce(n.title, a.title) as title from versions v "
                 "left join notices n on v.table_name = 'notices' and n.publication_id = v.row_key "
                 "left join articles a on v.table_name = 'articles' and v.row_key = a.url")
    conn.execute("drop view award_winner_shares")  # (nor the view that reads them)
    for table in ("award_suppliers", "awards", "lots", "notice_results"):
        conn.execute(f"drop table [{table}]")
    for (name,) in conn.execute("select name from sqlite_master where type = 'index' and tbl_name = 'notices' "
                                "and sql like '%form_type%'").fetchall():
        conn.execute(f"drop index [{name}]")
    conn.execute("alter table notices drop column form_type")
    conn.commit()
    conn.execute("pragma wal_checkpoint(truncate)")
    conn.close()
    Path(f"{archive}-wal").unlink(missing_ok=True)
    Path(f"{archive}-shm").unlink(missing_ok=True)
    before = fingerprint(archive)
    server = Server(archive)
    try:
        status, body = get(server, "/archive/award_notices.json?_shape=array")
        assert status == 200, body
        [row] = json.loads(body)
        assert "older version of tenderarchive" in row["note"] and "table awards" in row["note"]
        status, body = get(server, "/archive/new_this_week.json?_shape=array")   # reads what is there
        assert status == 200 and "older version" not in body.decode()
    finally:
        server.stop()
    assert fingerprint(archive) == before


def test_the_research_pages_of_an_archive_of_an_older_version_say_what_it_lacks(archive):
    """An archive written a version or two before (serve does not migrate it) lacks the summary tables the
    research pages' saved searches read, or a column a page reads itself: the saved searches answer with one row
    that says so, but the region page, the map (a KeyError on that row) and the procurement page ("no such column:
    jeugdregio_code") were HTTP 500. A section the archive cannot answer is its note, the page's other sections as
    they are; a page whose own query cannot run is the note; the archive is left as it was. Synthetic: the demo
    archive with those tables and that column taken away, its schema version an older one's."""
    conn = sqlite3.connect(archive)
    summaries = [name for (name,) in conn.execute(
        "select name from sqlite_master where type = 'table' and name like 'summary%'")]
    for kind, name in conn.execute("select type, name from sqlite_master where type in ('view', 'trigger') and ("
                                   + " or ".join(["sql like ?"] * len(summaries)) + ")",
                                   [f"%{t}%" for t in summaries]).fetchall():
        conn.execute(f"drop {kind} [{name}]")
    for name in summaries:
        conn.execute(f"drop table [{name}]")
    conn.execute("drop view changes")   # it reads procurements (its former definition did too; not these pages)
    conn.execute("drop index idx_procurements_jeugdregio_code")
    conn.execute("alter table procurements drop column jeugdregio_code")
    conn.execute("pragma user_version = 1")   # not the fingerprint of this version's schema
    conn.commit()
    conn.execute("pragma wal_checkpoint(truncate)")
    conn.close()
    before = fingerprint(archive)
    server = Server(archive)
    try:
        for path, lacks in [("/-/jeugdregio/JZ41", "table summary_"), ("/-/kaart", "table summary_"),
                            ("/-/markt", "table summary_"), ("/-/aanbesteding?id=TN160417", "column jeugdregio_code")]:
            status, body = get(server, path)
            assert status == 200, (path, status, body[-3000:])
            text = body.decode()
            assert "older version of tenderarchive and has no " + lacks in text, (path, text[-3000:])
            assert ("Archief van een oudere versie" in text) == path.startswith("/-/aanbesteding"), path
        status, body = get(server, "/-/jeugdregio/JZ41")
        assert "Heerlen" in body.decode()  # its members, as they are
        # the home page says it, not only the searches a reader happens to open (it said nothing)
        status, body = get(server, "/")
        assert status == 200 and re.search(r"written by an older version of tenderarchive: \d+ saved searches",
                                            body.decode()), body.decode()[:3000]
    finally:
        server.stop()
    assert fingerprint(archive) == before


def test_a_providers_searches_run_on_an_archive_from_before_organisation_aliases(archive):
    """``aanbieder_contracten`` and ``aanbieder_regios`` also look an old organisation id up in
    ``organisation_aliases`` (round 9); an archive of an older version has no such table, and serve does not
    migrate it: the searches answer as before (no aliases), not with the older-archive note."""
    conn = sqlite3.connect(archive)
    conn.execute("drop table if exists organisation_aliases")
    conn.commit()
    conn.execute("pragma wal_checkpoint(truncate)")
    conn.close()
    server = Server(archive)
    try:
        status, body = get(server, "/archive/aanbieder_contracten.json?_shape=array&aanbieder=34012345")
        assert status == 200, body
        found = json.loads(body)
        assert [r["procurement_id"] for r in found] == ["TN312877"] and "note" not in found[0]
        status, body = get(server, "/archive/aanbieder_regios.json?_shape=array&aanbieder=kvk%3A34012345")
        assert status == 200 and json.loads(body) and "note" not in json.loads(body)[0]
    finally:
        server.stop()


def test_a_read_only_copy_holding_a_pending_write_ahead_log_is_read_whole_and_left_as_it_was(archive, tmp_path):
    """A read-only copy (``chmod a-w`` on the files and their folder) of an archive a crawl was writing, or was killed
    writing: its ``-wal`` holds committed writes not yet in the main file. With no crawl running and a log pending,
    readers opened it ``mode=ro``, which created ``archive.db-shm`` next to it (as root; a user who may not write
    there got "unable to open database file", taken for a damaged archive), and ``immutable=1`` would skip the log's
    writes. ``status``, ``export`` and ``serve`` read it whole (the log's write shows) and leave the folder as it was:
    no ``-shm`` or journal, the two files byte-identical."""
    writer = sqlite3.connect(archive)
    assert writer.execute("pragma journal_mode").fetchone()[0] == "wal"
    writer.execute("pragma wal_autocheckpoint = 0")
    with writer:
        writer.execute("update crawls set note = 'kopie van een lopende crawl' where crawl_id = 1")
    copy = tmp_path / "kopie" / "archive.db"
    copy.parent.mkdir()
    shutil.copyfile(archive, copy)
    shutil.copyfile(f"{archive}-wal", f"{copy}-wal")  # copied while the writer still had it open
    writer.close()
    for path in (copy, Path(f"{copy}-wal"), copy.parent):
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        before = fingerprint(copy), hashlib.sha256(Path(f"{copy}-wal").read_bytes()).hexdigest()
        assert before[0][0] == ["archive.db", "archive.db-wal"]

        out = run("status", "--db", copy)
        assert out.returncode in (ExitCode.COMPLETE, ExitCode.STALE) and "tenderned" in out.stdout, out.stderr
        out = run("export", "select note from crawls where crawl_id = 1", "--db", copy, "--format", "json")
        assert out.returncode == ExitCode.COMPLETE, out.stderr
        assert json.loads(out.stdout) == [{"note": "kopie van een lopende crawl"}]
        server = Server(copy)
        try:
            status, body = get(server, "/archive/crawls.json?_shape=array&crawl_id=1")
            assert status == 200 and json.loads(body)[0]["note"] == "kopie van een lopende crawl", body[:300]
        finally:
            server.stop()
        assert (fingerprint(copy), hashlib.sha256(Path(f"{copy}-wal").read_bytes()).hexdigest()) == before
    finally:
        for path in (copy.parent, copy, Path(f"{copy}-wal")):
            path.chmod(0o755 if path.is_dir() else 0o644)


def test_serve_live_on_a_read_only_copy_creates_nothing_next_to_it(archive):
    """``serve --live`` asks ``mode=ro`` (so that a crawl's rows show up as it commits), which made SQLite create
    ``archive.db-wal`` and ``archive.db-shm`` next to a read-only copy (``chmod a-w`` on file and folder; as root, and
    failed for a user who may not write there), where nothing can write an archive in WAL mode: it is read
    immutable there, and the folder is left as it was."""
    for path in (archive, archive.parent):
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        before = fingerprint(archive)
        server = Server(archive, ["--live"])
        try:
            for path in ("/", "/archive/notices.json?_shape=array", "/-/aanbesteding?id=TN243310"):
                assert get(server, path)[0] == 200, path
        finally:
            server.stop()
        assert fingerprint(archive) == before
    finally:
        archive.parent.chmod(0o755)
        archive.chmod(0o644)
