"""TenderNed API conformance, round 18: what the seventeen earlier rounds left, each by a real crawl of the loopback
API (tenderarchive/apiserver.py) into a real archive. The records are the synthetic snapshot's (SYNTHETIC), edited
into the documented shapes (docs/reference/tenderned-api.md)."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time

import pytest
import sqlite_utils

from tests import forkcli
from tests.conftest import FAST, ROOT, slowed_publications, wait_for_notices, without_setting
from tests.spiders.test_tenderned import hidden_rectification

MAINTENANCE = "/storing"  # SYNTHETIC: a maintenance page the API redirects to while it is down


@pytest.mark.parametrize("answer", [{"status": 503}, {"status": 200, "headers": {"Content-Type": "text/html"},
                                                      "body": "<html><title>Onderhoud</title></html>"}])
def test_a_related_notice_redirected_to_a_failing_page_is_fetched_by_the_next_run(snapshot, serve_api, crawl, answer):
    """A related notice (found only through its procedure's ``/gerelateerd``) whose detail redirects to a page that
    fails (503, or a maintenance page answering HTML) was recorded under the page it was redirected to: the next run,
    which asks again the notices whose ``/publicaties/{id}`` failed, did not know it, and the notice was never
    archived. The error is recorded under the address asked, saying where it was redirected."""
    path = hidden_rectification(snapshot)
    server = serve_api(snapshot, faults={path: [{"status": 302, "headers": {"Location": MAINTENANCE}}],
                                         MAINTENANCE: [answer] * 5})
    first = crawl(server.api_url)
    assert first.returncode == 3
    failed = [e for e in first.errors if "200299" in e["url"] or MAINTENANCE in e["url"]]
    assert len(failed) == 1 and failed[0]["url"].endswith(path), first.errors
    if answer["status"] == 503:
        assert failed[0]["error"] == (f"request failed: HTTP 503 (redirected to {server.api_url.split('/papi')[0]}"
                                      f"{MAINTENANCE}) (related to 200201)")
    again = crawl(server.api_url)
    assert again.returncode == 0, again.errors
    notice = again.db["notices"].get(200299)
    assert notice["youth_care"] == 1 and "related to 200201" in notice["youth_care_reasons"]


def test_a_detail_that_failed_before_an_interrupt_is_asked_by_the_resumed_crawl(snapshot, serve_api, tmp_path):
    """docs/operations.md: a backfill interrupted (Ctrl-C) is resumed by running the same command with the same
    ``--jobdir``. A notice's detail that failed before the interrupt (recorded: the crawl is partial) was not asked
    by the resumed crawl: Scrapy's duplicate filter in the job folder remembers the request, and the list pages
    that listed it are not asked again. The resumed crawl completed, its window covered the interrupted one's, and
    no later run listed that window again: the notice was never archived. The resumed crawl asks it once; what the
    interrupted crawl archived is not asked again."""
    detail = "/papi/tenderned-rs-tns/v2/publicaties/"
    publications, slow = slowed_publications(snapshot, 6000, 40, "2021-05")
    # one of the first details the crawl asks (the list is read oldest first: 6027, the month's last day, is asked
    # last, and a crawl interrupted after it had nearly nothing left to do: the test raced the crawl's end)
    failing = f"{detail}6001"
    slow[failing] = [{"status": 400}]  # refused once (not retried): recorded by the first crawl
    server = serve_api(publications, faults=slow)
    db = tmp_path / "archive.db"
    command = [sys.executable, "-m", "tenderarchive.cli", "crawl", "tenderned", "--db", str(db),
               "--api-url", server.api_url, "--from-date", "2021-05-01", "--until-date", "2021-05-31",
               "--jobdir", str(tmp_path / "job"), *FAST, "-s", "TENDERNED_INCREMENTAL=False",
               "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1", "-s", "ARCHIVE_BATCH_ITEMS=1"]
    first = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and failing not in server.api.log:
        time.sleep(0.05)
    assert failing in server.api.log, "the first crawl never asked the failing detail"
    wait_for_notices(db, 3)  # its answer recorded, some notices archived; the others still wait (429, Retry-After: 1)
    first.send_signal(signal.SIGINT)
    assert first.wait(timeout=120) == 3
    interrupted = sqlite_utils.Database(db)
    assert [e["url"].split("/papi")[1] for e in json.loads(interrupted["crawls"].get(1)["errors"])] == [
        failing.split("/papi")[1]]
    archived_before = {f"{detail}{r['publication_id']}" for r in interrupted["notices"].rows}
    assert len(archived_before) < 39  # interrupted mid-crawl: the resumed crawl has a queue to go on with

    server.api.log.clear()
    server.api.faults.clear()  # the server is healthy again
    second = forkcli.run_argv(without_setting(command, "CONCURRENT_REQUESTS_PER_DOMAIN"), cwd=ROOT, timeout=300)
    assert second.returncode == 0, second.stderr[-2000:]
    assert sqlite_utils.Database(db)["notices"].get(6001)
    assert sqlite_utils.Database(db)["notices"].count == 40
    assert server.api.log.count(failing) == 1
    assert not {p for p in server.api.log if p.startswith(detail) and p[len(detail):].isdigit()} & archived_before
    rebuilt = forkcli.run(["reparse", "--db", str(db)], cwd=ROOT, timeout=300)  # its WARC files hold the retry
    assert rebuilt.returncode == 0, rebuilt.stderr[-3000:]
    assert sqlite_utils.Database(db)["notices"].get(6001)


def test_a_related_notice_that_failed_is_fetched_by_the_next_run_in_the_same_job_folder(snapshot, serve_api, crawl,
                                                                                          tmp_path):
    """A related notice whose detail failed is asked again through its procedure's ``/gerelateerd`` by the next run
    (``test_a_related_notice_that_failed_is_fetched_by_the_next_run``). A backfill run again with the same
    ``--jobdir`` asked neither: Scrapy's duplicate filter there remembers both requests of the crawl before, the
    rerun asked nothing and the notice was never archived."""
    path = hidden_rectification(snapshot)
    server = serve_api(snapshot, faults={path: [{"status": 500}] * 5})
    job = ("--jobdir", str(tmp_path / "job"), "-s", "TENDERNED_INCREMENTAL=False")
    first = crawl(server.api_url, *job)
    assert first.returncode == 3
    again = crawl(server.api_url, *job)
    assert again.returncode == 0, again.errors
    notice = again.db["notices"].get(200299)
    assert notice["youth_care"] == 1 and "related to 200201" in notice["youth_care_reasons"]
