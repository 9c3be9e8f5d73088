"""A long backfill can be interrupted (Ctrl-C) and resumed with Scrapy's JOBDIR."""

import signal
import subprocess
import sys

import sqlite_utils

from tests.conftest import FAST, ROOT, by_id, make_publication, slowed_publications, wait_for_notices, without_setting
from tests import forkcli

DETAIL = "/papi/tenderned-rs-tns/v2/publicaties/"


def test_an_interrupted_backfill_resumes_where_it_stopped(snapshot, serve_api, tmp_path):
    publications, slow = slowed_publications(snapshot, 6000, 40, "2021-05")
    other = by_id(snapshot, 700701)
    publications += [make_publication(other, 7000 + i, "2021-05-03") for i in range(40)]
    server = serve_api(publications, faults=slow)
    db = tmp_path / "archive.db"
    command = [sys.executable, "-m", "tenderarchive.cli", "crawl", "tenderned", "--db", str(db),
               "--api-url", server.api_url, "--from-date", "2021-05-01", "--until-date", "2021-05-31",
               "--jobdir", str(tmp_path / "job"), *FAST, "-s", "TENDERNED_INCREMENTAL=False",
               "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1",
               "-s", "ARCHIVE_BATCH_ITEMS=1"]  # each notice committed as it comes: the interrupt lands mid-crawl
    first = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wait_for_notices(db, 3)
    first.send_signal(signal.SIGINT)  # Ctrl-C: Scrapy stops gracefully and keeps the queue
    assert first.wait(timeout=120) == 3  # partial
    archived_before = {f"{DETAIL}{r['publication_id']}" for r in sqlite_utils.Database(db)["notices"].rows}
    assert 3 <= len(archived_before) < 40

    server.api.log.clear()
    server.api.faults.clear()  # the server is healthy again: the rerun is not slowed
    second = forkcli.run_argv(without_setting(command, "CONCURRENT_REQUESTS_PER_DOMAIN"), cwd=ROOT, timeout=300)
    assert second.returncode == 0, second.stderr[-2000:]
    assert sqlite_utils.Database(db)["notices"].count == 40
    fetched_after = {p for p in server.api.log if p.startswith(DETAIL) and p[len(DETAIL):].isdigit()}  # details only
    assert not fetched_after & archived_before  # resumed: what was done before is not fetched again
    assert len(fetched_after) < 40
