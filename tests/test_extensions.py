"""The crawl's record (tenderarchive/extensions.py): what the next crawl writes of a crawl that was killed."""

import json
import re
from datetime import datetime, timedelta, timezone

from tenderarchive.store.writes import open_archive
from tests.conftest import cli


def test_the_next_crawl_records_when_it_found_a_crawl_killed_and_status_shows_why(snapshot, serve_api, crawl,
                                                                                  tmp_path):
    """A crawl killed with SIGKILL keeps its row ``running``; the next crawl (it holds the crawl lock, so nothing
    runs that crawl) marked it ``failed``, ``finish_reason`` ``killed``, and nothing else: ``status`` then listed a
    crawl ``failed`` with no error, ``finished`` empty, nothing saying it was killed nor when that was found. The
    next crawl records it among the crawl's errors, with the time it noticed and the last heartbeat.
    Synthetic crawl history (a ``running`` row no process runs) before a real crawl on a loopback API."""
    db_path = tmp_path / "archive.db"
    db = open_archive(db_path)
    started = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(hours=2)
    alive = (started + timedelta(minutes=3)).isoformat()
    db["crawls"].insert({"spider": "tenderned", "started": started.isoformat(), "status": "running",
                         "alive_until": alive})
    db.close()
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
    found = re.fullmatch(r"killed: no process ran this crawl when the next crawl started at (\S+) \(last known alive "
                         r"until (\S+)\); nothing it archived was removed", error["error"])
    assert found, error
    assert before <= datetime.fromisoformat(found[1]) <= after and found[2] == alive
    out = cli("status", "--db", db_path)
    assert re.search(r"^ +1  tenderned +failed .*\n +! -: killed: no process ran this crawl when the next crawl "
                     r"started at ", out.stdout, re.M), out.stdout


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
