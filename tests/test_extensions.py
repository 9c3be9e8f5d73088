"""The crawl's record (tenderarchive/extensions.py): what the next crawl writes of a crawl that was killed."""

import json
import re
from datetime import datetime, timedelta, timezone

from tenderarchive.store.writes import open_archive
from tests.conftest import cli


def killed_crawl_row(db_path, started: datetime, alive: str, fetched: list[str]) -> None:
    """A synthetic crawl history: crawl 1 ``running`` (no process runs it), its heartbeat's deadline ``alive`` and
    its fetch index ``fetched`` (the times of the responses it fetched)."""
    db = open_archive(db_path)
    db["crawls"].insert({"spider": "tenderned", "started": started.isoformat(), "status": "running",
                         "alive_until": alive})
    db["fetches"].insert_all([{"url": f"http://127.0.0.1:9/papi/{n}", "method": "GET", "status": 200,
                               "fetched_at": at, "sha256": "0" * 64, "warc_file": "killed.warc.gz",
                               "warc_offset": n, "warc_length": 1, "crawl_id": 1} for n, at in enumerate(fetched)])
    db.close()


def test_the_next_crawl_records_when_it_found_a_crawl_killed_and_status_shows_why(snapshot, serve_api, crawl,
                                                                                  tmp_path):
    """A crawl killed with SIGKILL keeps its row ``running``; the next crawl (it holds the crawl lock, so nothing
    runs that crawl) marked it ``failed``, ``finish_reason`` ``killed``, and nothing else: ``status`` then listed a
    crawl ``failed`` with no error, ``finished`` empty, nothing saying it was killed nor when that was found. The
    next crawl records it among the crawl's errors, with the time it noticed, the crawl's last sign of life (the last
    response it fetched) and its heartbeat's deadline, named as such: written "last known alive until", the deadline
    (three heartbeats, or an hour while closing, past the last beat) read as the time the crawl was last seen alive.
    Synthetic crawl history (a ``running`` row no process runs) before a real crawl on a loopback API."""
    db_path = tmp_path / "archive.db"
    started = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(hours=2)
    last = (started + timedelta(minutes=1)).isoformat()
    alive = (started + timedelta(minutes=4)).isoformat()
    killed_crawl_row(db_path, started, alive, [(started + timedelta(seconds=5)).isoformat(), last])
    before = datetime.now(timezone.utc).replace(microsecond=0)
    result = crawl(serve_api(snapshot).api_url, db=db_path)
    after = datetime.now(timezone.utc)
    assert result.returncode == 0, result.output
    db = open_archive(db_path)
    killed = db["crawls"].get(1)
    db.close()
    assert (killed["status"], killed["finish_reason"], killed["finished"]) == ("failed", "killed", None)
    [error] = json.loads(killed["errors"])
    assert killed["error_count"] == 1
    found = re.fullmatch(r"killed: no process ran this crawl when the next crawl started at (\S+) \(last sign of "
                         r"life: a response fetched at (\S+); its heartbeat's deadline (\S+)\); nothing it archived "
                         r"was removed", error["error"])
    assert found, error
    assert before <= datetime.fromisoformat(found[1]) <= after and (found[2], found[3]) == (last, alive)
    assert "alive until" not in error["error"]
    out = cli("status", "--db", db_path)
    assert re.search(r"^ +1  tenderned +failed .*\n +! -: killed: no process ran this crawl when the next crawl "
                     r"started at .* \(last sign of life: a response fetched at ", out.stdout, re.M), out.stdout


def test_a_killed_crawl_that_fetched_nothing_says_so(snapshot, serve_api, crawl, tmp_path):
    """A crawl killed before its first response was archived has no last response to name: the error says none
    was archived, beside its heartbeat's deadline."""
    db_path = tmp_path / "archive.db"
    started = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(hours=2)
    alive = (started + timedelta(minutes=3)).isoformat()
    killed_crawl_row(db_path, started, alive, [])
    assert crawl(serve_api(snapshot).api_url, db=db_path).returncode == 0
    db = open_archive(db_path)
    [error] = json.loads(db["crawls"].get(1)["errors"])
    db.close()
    assert error["error"].endswith(f"(no response of it archived; its heartbeat's deadline {alive}); nothing it "
                                   "archived was removed"), error


def test_a_crawl_that_asked_nothing_in_a_used_job_folder_says_why_it_failed(snapshot, serve_api, crawl, tmp_path):
    """A crawl run again with a ``--jobdir`` whose crawl had asked everything (a resumed backfill with nothing left,
    the same command run twice) asks nothing: Scrapy's duplicate filter in the job folder drops every request. It
    ended ``failed`` (exit 1) with no error: ``status`` said nothing of why, nor what to do. It records why."""
    server = serve_api(snapshot)
    job = ("--jobdir", str(tmp_path / "job"), "-s", "TENDERNED_INCREMENTAL=False")
    assert crawl(server.api_url, *job).returncode == 0
    again = crawl(server.api_url, *job)
    assert (again.returncode, again.crawl["status"], again.crawl["responses"]) == (1, "failed", 0)
    [error] = again.errors
    assert error["error"].startswith("nothing asked: every request of this crawl (")
    assert f"job folder {tmp_path / 'job'} " in error["error"] and "with a new job folder" in error["error"]
    out = cli("status", "--db", tmp_path / "archive.db")
    assert re.search(r"^ +2  tenderned +failed .*\n +! -: nothing asked: every request", out.stdout, re.M), out.stdout
