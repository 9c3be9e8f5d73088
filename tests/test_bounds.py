"""Bounded crawls against hostile loopback servers (issue 13): size, time, redirects, retries,
SIGTERM, the extract command, and the exit code of a crawl that archives nothing.

Every crawl is a real ``tenderarchive crawl`` process (tests/forkcli.py; the SIGTERM case a
``python -m tenderarchive.cli`` subprocess) against ``tests/hostile_server.py`` on
127.0.0.1 (the loopback TenderNed API with some paths misbehaving), into a real SQLite file.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest
import sqlite_utils

from tenderarchive.apiserver import API_PATH, TenderNedAPI
from tests.conftest import FAST, ROOT, CrawlResult
from tests.hostile_server import HostileServer
from tests import forkcli

WINDOW = ["--from-date", "2017-01-01", "--until-date", "2022-12-31"]


def detail(publication) -> str:
    return f"{API_PATH}/publicaties/{publication['list']['publicatieId']}"


def run(server, db, *args, timeout=240):
    command = ["crawl", "tenderned", "--db", str(db), "--api-url", server.base_url + API_PATH, *FAST, *WINDOW, *args]
    completed = forkcli.run(command, cwd=ROOT, timeout=timeout)
    return CrawlResult(completed, db)


def errors_for(result, path) -> list[str]:
    return [e["error"] for e in result.errors if (e.get("url") or "").endswith(path)]


def test_oversized_dripping_and_looping_responses_are_recorded_errors(snapshot, tmp_path):
    big, drip, loop = snapshot[0], snapshot[1], snapshot[2]
    behaviours = {detail(big): ("big", 3_000_000), detail(drip): ("drip", 0.2), detail(loop): ("loop",)}
    with HostileServer(TenderNedAPI(snapshot), behaviours) as server:
        started = time.monotonic()
        result = run(server, tmp_path / "archive.db", "-s", "DOWNLOAD_MAXSIZE=1000000",
                     "-s", "DOWNLOAD_TIMEOUT=3", "-s", "RETRY_ENABLED=False")
        elapsed = time.monotonic() - started
    assert result.returncode == 3, result.output  # partial: documented exit code
    assert result.crawl["status"] == "partial"
    assert any("1000000" in e or "maxsize" in e.lower() or "cancel" in e.lower()
               for e in errors_for(result, detail(big))), result.errors
    assert errors_for(result, detail(drip)), result.errors
    assert any("redirect" in e for e in errors_for(result, detail(loop))), result.errors
    archived = {r["publication_id"] for r in result.db.query("select publication_id from notices")}
    assert archived and not archived & {int(p["list"]["publicatieId"]) for p in (big, drip, loop)}
    assert elapsed < 120


def test_retry_budget_bounds_a_source_failing_everywhere(snapshot, tmp_path):
    behaviours = {detail(p): ("status", 503) for p in snapshot}
    with HostileServer(TenderNedAPI(snapshot), behaviours) as server:
        result = run(server, tmp_path / "archive.db", "-s", "RETRY_TIMES=4", "-s", "RETRY_BUDGET=3")
        detail_requests = [p for p in server.log if p.startswith(f"{API_PATH}/publicaties/")]
    assert len(detail_requests) <= len(set(detail_requests)) + 3  # 3 retries in all, not 4 per request
    assert result.returncode == 1, result.output  # nothing archived: failed (README: exit 1)
    assert result.crawl["status"] == "failed"
    assert {e["url"] for e in result.errors} >= {server.base_url + p for p in detail_requests}


def test_sigterm_stops_a_crawl_cleanly_and_records_it(snapshot, tmp_path):
    # Each detail takes 5 s (10 bytes, one per 0.5 s): the crawl is busy when the signal comes,
    # and a graceful stop, which lets the downloads in progress end, takes seconds. (A declared
    # 100 MB was refused at once: the crawl could end before the signal, which then hit a process
    # on its way out.)
    behaviours = {detail(p): ("drip", 0.5, 10) for p in snapshot}
    db = tmp_path / "archive.db"
    with HostileServer(TenderNedAPI(snapshot), behaviours) as server:
        command = [sys.executable, "-m", "tenderarchive.cli", "crawl", "tenderned", "--db", str(db),
                   "--api-url", server.base_url + API_PATH, *FAST, *WINDOW]
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not any(p.startswith(f"{API_PATH}/publicaties/") for p in server.log):
            time.sleep(0.2)
        process.send_signal(signal.SIGTERM)
        started = time.monotonic()
        output, _ = process.communicate(timeout=90)
        stopped_after = time.monotonic() - started
    assert process.returncode in (1, 3), output
    crawl = next(sqlite_utils.Database(db).query("select * from crawls order by crawl_id desc limit 1"))
    # Recorded as stopped, not running and not complete. The reason is Scrapy's "shutdown", except
    # on a loaded machine where the engine had already begun closing ("finished") when the signal's
    # graceful stop ran (seen under two test workers).
    assert crawl["status"] in ("failed", "partial"), (crawl, output[-3000:])
    assert crawl["finish_reason"] in ("shutdown", "finished"), crawl
    assert stopped_after < 60


def test_telnet_and_remote_control_are_off():
    from tenderarchive.cli import project_settings

    settings = project_settings()
    assert not settings.getbool("TELNETCONSOLE_ENABLED")
    assert not settings.getbool("REMOTE_CONTROL_ENABLED")
    assert settings.getint("DOWNLOAD_MAXSIZE") <= 64 * 1024 * 1024
    assert settings.getint("REDIRECT_MAX_TIMES") <= 10
    from scrapy.utils.conf import build_component_list

    loaded = build_component_list(settings.getwithbase("EXTENSIONS"))   # what Scrapy imports at start
    assert not [e for e in loaded if "remote_control" in str(e) or "telnet" in str(e)], loaded


@pytest.mark.parametrize("behaviour, message", [(("drip", 0.2), "took longer than"),
                                                (("big-chunked", 3_000_000), "larger than")])
def test_extract_url_is_bounded(snapshot, behaviour, message):
    with HostileServer(TenderNedAPI(snapshot), {"/page": behaviour}) as server:
        started = time.monotonic()
        completed = forkcli.run(["extract", server.base_url + "/page", "-s", "EXTRACT_TIMEOUT=2",
                                 "-s", "EXTRACT_MAXSIZE=1000000"], cwd=ROOT, timeout=120)
    assert completed.returncode == 1, completed.stderr
    assert message in completed.stderr and "/page" in completed.stderr
    assert len(completed.stderr.strip().splitlines()) == 1
    assert time.monotonic() - started < 60


def test_an_answer_cut_by_a_reset_after_a_slow_start_is_retried(snapshot, tmp_path):
    """A server that answers slowly, then resets the connection halfway through the body (the headers and half
    the declared Content-Length sent, then a TCP RST): the cut answer is never read as the record (data loss is
    a failure, ``DOWNLOAD_FAIL_ON_DATALOSS``), it is retried, and the crawl completes with the whole record.
    Checked in round 11 (tests/spiders/test_tenderned_round11.py) and found sound; this guards it."""
    publication = snapshot[0]
    path = detail(publication)
    behaviours = {path: ("reset", 1.0, 2), f"{path}/documenten": ("reset", 0.5, 1)}
    with HostileServer(TenderNedAPI(snapshot), behaviours) as server:
        result = run(server, tmp_path / "archive.db")
        log = list(server.log)
    assert log.count(path) == 3 and log.count(f"{path}/documenten") == 2
    assert result.crawl["status"] == "complete", result.errors
    row = result.db["notices"].get(int(publication["list"]["publicatieId"]))
    assert row["title"] and row["kenmerk"]
