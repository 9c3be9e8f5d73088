"""The crawl lock: overlapping scheduled runs never crawl the same archive twice at once."""

import os
import subprocess
import sys
import time

import pytest

from tenderarchive import readonly
from tenderarchive.exitcodes import ExitCode
from tenderarchive.lock import CrawlLocked, crawl_lock, lock_path_for, read_holder
from tests.conftest import FAST, ROOT

LIST_PATH = "/papi/tenderned-rs-tns/v2/publicaties"


def crawl_command(api_url, db, *extra):
    return [sys.executable, "-m", "tenderarchive.cli", "crawl", "tenderned", "--db", str(db),
            "--api-url", api_url, *FAST, "-s", "RETRY_AFTER_MAX=3",
            "--from-date", "2017-01-01", "--until-date", "2022-12-31", *extra]


def hold_lock_in_a_process(db):
    """Another process holding the crawl lock of ``db`` for 60 s; it prints "locked" once it holds it."""
    return subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from tenderarchive.lock import crawl_lock\n"
        f"with crawl_lock({str(db)!r}):\n    print('locked', flush=True); time.sleep(60)")],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)


def test_two_runs_started_together_one_crawls_the_other_exits_4(snapshot, serve_api, tmp_path):
    # The first request of whichever run wins is answered "429, Retry-After: 2" twice,
    # so the winner holds the lock for at least 4 s, long after the loser has started.
    server = serve_api(snapshot, faults={LIST_PATH: [{"status": 429, "headers": {"Retry-After": "2"}}] * 2})
    db = tmp_path / "archive.db"
    processes = [subprocess.Popen(crawl_command(server.api_url, db), cwd=ROOT, text=True,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=240)
        results.append((process.returncode, out + err))
    codes = sorted(code for code, _ in results)
    assert codes == [0, ExitCode.LOCKED], results
    loser_output = next(output for code, output in results if code == ExitCode.LOCKED)
    assert "another crawl is already running" in loser_output
    assert str(lock_path_for(db)) in loser_output
    winner_pid = next(p.pid for p, (code, _) in zip(processes, results) if code == 0)
    assert f"pid {winner_pid}" in loser_output
    # The winner did all the crawling: one crawl row, the whole snapshot archived.
    import sqlite_utils

    archive = sqlite_utils.Database(db)
    assert [r["status"] for r in archive["crawls"].rows] == ["complete"]
    assert archive["notices"].count == 12


def test_a_run_while_the_lock_is_held_exits_at_once_without_requests(snapshot, serve_api, tmp_path):
    server = serve_api(snapshot)
    db = tmp_path / "archive.db"
    with crawl_lock(db, command=["cron", "nightly"]):
        started = time.monotonic()
        completed = subprocess.run(crawl_command(server.api_url, db), cwd=ROOT,
                                   capture_output=True, text=True, timeout=120)
        elapsed = time.monotonic() - started
    assert completed.returncode == ExitCode.LOCKED
    assert f"pid {os.getpid()}" in completed.stderr and "'cron nightly'" in completed.stderr
    assert server.api.log == []  # nothing was requested
    assert elapsed < 60
    # Once released, the next run crawls normally.
    completed = subprocess.run(crawl_command(server.api_url, db), cwd=ROOT,
                               capture_output=True, text=True, timeout=240)
    assert completed.returncode == 0, completed.stderr


def test_a_lock_file_left_by_a_killed_crawl_does_not_block(tmp_path):
    db = tmp_path / "archive.db"
    holder = hold_lock_in_a_process(db)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(CrawlLocked) as caught:
            with crawl_lock(db):
                pass
        assert caught.value.holder["pid"] == holder.pid
    finally:
        holder.kill()  # like kill -9: no clean-up code runs
        holder.wait(timeout=30)
    assert lock_path_for(db).exists() and read_holder(lock_path_for(db))["pid"] == holder.pid
    with crawl_lock(db) as path:
        assert read_holder(path)["pid"] == os.getpid()


def test_two_spellings_of_one_archive_share_one_lock(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    with crawl_lock("archive.db"):
        with pytest.raises(CrawlLocked):
            with crawl_lock(tmp_path / "sub" / ".." / "archive.db"):
                pass


def test_a_scrapy_crawl_holds_the_lock_too(snapshot, serve_api, tmp_path):
    # `scrapy crawl`, as scrapyd runs a job: it takes the lock itself (the CrawlLock extension).
    # Before, a `tenderarchive crawl` started meanwhile took the scrapy crawl for killed, cut its
    # WARC file and indexed its responses under it, and the scrapy crawl lost its fetch index.
    # The first crawl's list request is answered "429, Retry-After: 1" until the checks are done.
    server = serve_api(snapshot, faults={LIST_PATH: [{"status": 429, "headers": {"Retry-After": "1"}}] * 150})
    db = tmp_path / "archive.db"
    scrapy_crawl = [sys.executable, "-m", "scrapy", "crawl", "tenderned", "-s", f"ARCHIVE_DB={db}",
                    "-s", f"TENDERNED_API_URL={server.api_url}", *FAST, "-s", "RETRY_AFTER_MAX=3",
                    "-s", "RETRY_TIMES=150", "-a", "from_date=2017-01-01", "-a", "until_date=2022-12-31"]
    first = subprocess.Popen(scrapy_crawl + ["-s", "LOG_LEVEL=WARNING"], cwd=ROOT, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        # the lock is taken, then its holder written: wait for both
        while not readonly.crawl_running(db) or "pid" not in read_holder(lock_path_for(db)):
            assert first.poll() is None and time.monotonic() < deadline, first.communicate()
            time.sleep(0.1)
        assert read_holder(lock_path_for(db))["pid"] == first.pid
        assert not readonly.can_be_immutable(db)   # the readers know a crawl is writing
        completed = subprocess.run(crawl_command(server.api_url, db), cwd=ROOT,
                                   capture_output=True, text=True, timeout=120)
        assert completed.returncode == ExitCode.LOCKED, completed.stderr
        assert f"pid {first.pid}" in completed.stderr
        second = subprocess.run(scrapy_crawl, cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert second.returncode != 0 and "another crawl is already running" in second.stderr
        assert first.poll() is None, "the lock was not held for the whole crawl"
    finally:
        server.api.faults[LIST_PATH] = []   # the first crawl goes on
        out, err = first.communicate(timeout=240)
    assert first.returncode == 0, err
    import sqlite_utils

    archive = sqlite_utils.Database(db)
    assert [(r["status"], r["error_count"]) for r in archive["crawls"].rows] == [("complete", 0)]
    assert archive["notices"].count == 12
    assert not readonly.crawl_running(db)


def test_a_reader_looking_at_the_lock_does_not_make_a_crawl_exit_4(tmp_path):
    """``status`` and ``serve`` (before every query) ask whether a crawl runs by taking the lock shared for a moment
    (``readonly.crawl_running``). A crawl asking for it in that moment exited 4 ("another crawl is already
    running", naming the last holder) and did nothing: a nightly crawl started beside a status check was lost. It
    waits for the readers (a bounded wait); a crawl that holds the lock still stops it at once."""
    import fcntl
    import threading

    db = tmp_path / "archive.db"
    with crawl_lock(db, command=["earlier", "crawl"]):
        pass  # the lock file exists, naming its last holder, as after any crawl
    fd = os.open(lock_path_for(db), os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)  # a reader's look (as readonly.crawl_running), held 0.3 s
    reader = threading.Timer(0.3, fcntl.flock, [fd, fcntl.LOCK_UN])
    reader.start()
    try:
        started = time.monotonic()
        with crawl_lock(db) as path:
            assert read_holder(path)["pid"] == os.getpid()
            assert readonly.crawl_running(db)
        assert 0.25 < time.monotonic() - started < 2
    finally:
        reader.join()
        os.close(fd)
    holder = hold_lock_in_a_process(db)
    try:
        assert holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        with pytest.raises(CrawlLocked) as caught:
            with crawl_lock(db):
                pass
        assert caught.value.holder["pid"] == holder.pid and time.monotonic() - started < 0.5  # no wait for a crawl
    finally:
        holder.kill()
        holder.wait(timeout=30)


def _hold_without_record(db, record: bytes = b""):
    """Hold the lock as a holder does in the moment between its flock and writing who it is."""
    import fcntl

    path = lock_path_for(db)
    path.write_bytes(record)
    fd = os.open(path, os.O_RDWR)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return fd


def _write_record_later(db, seconds: float):
    import json
    import threading

    def write():
        time.sleep(seconds)
        lock_path_for(db).write_text(json.dumps({"pid": os.getpid(), "command": "cron nightly"}))

    thread = threading.Thread(target=write)
    thread.start()
    return thread


@pytest.mark.parametrize("last_record", [b"", b'{"pid": ENDED, "command": "yesterday"}'],
                         ids=["empty lock file", "last holder's record"])
def test_a_run_started_while_the_holder_writes_its_record_names_the_holder(tmp_path, last_record):
    # Two cron jobs started together: the loser asks while the winner holds the flock but has not yet
    # written its pid (the file is empty on a first crawl, or names the last holder, a process that ended).
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)
    db = tmp_path / "archive.db"
    fd = _hold_without_record(db, last_record.replace(b"ENDED", ended.stdout.strip().encode()))
    thread = _write_record_later(db, 0.3)
    try:
        with pytest.raises(CrawlLocked) as raised:
            with crawl_lock(db):
                pass
    finally:
        thread.join()
        os.close(fd)
    assert f"pid {os.getpid()}" in str(raised.value) and "'cron nightly'" in str(raised.value)
    assert "yesterday" not in str(raised.value)


def test_a_holder_that_never_writes_its_record_is_waited_for_a_bounded_moment(tmp_path):
    db = tmp_path / "archive.db"
    fd = _hold_without_record(db)
    started = time.monotonic()
    try:
        with pytest.raises(CrawlLocked, match="holder unknown"):
            with crawl_lock(db):
                pass
    finally:
        os.close(fd)
    assert time.monotonic() - started < 10


def test_a_run_told_to_wait_for_the_lock_crawls_when_the_holder_ends(snapshot, serve_api, tmp_path):
    """The news timer found a long TenderNed backfill holding the lock, exited 4 and did nothing that night.
    `crawl --wait-lock DURATION` waits for the holder (asking again every second) and crawls when it ends; a holder
    still there after that long is exit 4 as before, nothing requested."""
    server = serve_api(snapshot)
    db = tmp_path / "archive.db"
    holder = hold_lock_in_a_process(db)
    try:
        assert holder.stdout.readline().strip() == "locked"
        crawl = subprocess.Popen(crawl_command(server.api_url, db, "--wait-lock", "2m"), cwd=ROOT, text=True,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        said = []
        for line in crawl.stderr:   # the run says it waits, and for whom; then the holder ends
            said.append(line)
            if "waiting for it" in line:
                break
        assert server.api.log == []   # nothing asked while another crawl holds the archive
        holder.kill()
        holder.wait()
        out, err = crawl.communicate(timeout=240)
    finally:
        holder.kill()
        holder.wait()
    assert crawl.returncode == 0, "".join(said) + err
    assert f"pid {holder.pid}" in said[-1] and "waiting for it" in said[-1]
    import sqlite_utils

    assert [r["status"] for r in sqlite_utils.Database(db)["crawls"].rows] == ["complete"]

    holder = hold_lock_in_a_process(db)
    try:
        assert holder.stdout.readline().strip() == "locked"
        requests = len(server.api.log)
        started = time.monotonic()
        completed = subprocess.run(crawl_command(server.api_url, db, "--wait-lock", "2", "--quiet"), cwd=ROOT,
                                   capture_output=True, text=True, timeout=120)
        elapsed = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    assert completed.returncode == ExitCode.LOCKED, completed.stderr
    assert 2 <= elapsed < 60 and f"pid {holder.pid}" in completed.stderr
    assert "waiting for it" not in completed.stderr   # --quiet: only the outcome
    assert len(server.api.log) == requests   # nothing was requested
