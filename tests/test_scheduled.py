"""Scheduled crawls as a journalist runs them: `tenderarchive crawl --watchlist` from cron,
with no dates, incrementally, against the loopback TenderNed API."""

import csv
import io
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
import sqlite_utils

from tenderarchive.arguments import today
from tests.conftest import FAST, ROOT, by_id, make_publication
from tests import forkcli

ATOM = "{http://www.w3.org/2005/Atom}"
DETAIL = "/papi/tenderned-rs-tns/v2/publicaties/"


def day(offset: int) -> str:
    return (today() - timedelta(days=offset)).isoformat()


@pytest.fixture
def recent(snapshot):
    """Publications of the last days: three procedures, one already with a notice and an award."""
    aao, ago, rec = by_id(snapshot, 100101), by_id(snapshot, 100190), by_id(snapshot, 100131)
    return {
        "notice": make_publication(aao, 910001, day(5), kenmerk=777001, title="Basishulp jeugd Heerlen 2027"),
        "award": make_publication(ago, 910002, day(4), kenmerk=777002, title="Gegund: jeugdhulp Landgraaf"),
        "other": make_publication(aao, 910003, day(6), kenmerk=777003, title="Jeugdzorg Voerendaal"),
        "rectification": make_publication(rec, 910004, day(0), kenmerk=777001,
                                          title="Rectificatie: Basishulp jeugd Heerlen 2027"),
        "new": make_publication(aao, 910005, day(0), kenmerk=777005, title="Jeugdhulp met verblijf Heerlen"),
    }


def scheduled_run(api_url, db, watchlist, out):
    command = ["crawl", "--db", str(db), "--api-url", api_url, "--watchlist", str(watchlist), "--out", str(out),
               "--quiet", *FAST]
    return forkcli.run(command, cwd=ROOT, timeout=240)


def test_nothing_new_costs_only_list_requests_and_a_new_notice_and_rectification_are_reported(
        recent, serve_api, tmp_path):
    for publication in recent.values():  # deadlines long past: nothing to re-check
        publication["detail"]["sluitingsDatum"] = "2018-07-06T12:00:00"
    watchlist = tmp_path / "watchlist.yaml"
    watchlist.write_text("watches:\n  - name: Jeugdhulp Zuid-Limburg\n    jeugdregios: [JZ41]\n", encoding="utf-8")
    db, out = tmp_path / "archive.db", tmp_path / "reports"
    server = serve_api([recent[k] for k in ("notice", "award", "other")])

    first = scheduled_run(server.api_url, db, watchlist, out)
    assert first.returncode == 0, first.stderr[-2000:]
    assert sqlite_utils.Database(db)["notices"].count == 3

    server.api.log.clear()
    second = scheduled_run(server.api_url, db, watchlist, out)
    assert second.returncode == 0, second.stderr[-2000:]
    assert not [p for p in server.api.log if p.startswith(DETAIL)]  # no detail requests at all
    assert second.stdout.strip() == ""  # --quiet: nothing new, nothing printed
    crawls = list(sqlite_utils.Database(db).query("select * from crawls order by crawl_id"))
    assert crawls[1]["items_new"] == crawls[1]["items_updated"] == 0
    assert crawls[1]["requests"] < crawls[0]["requests"]

    server.api.add(recent["new"])
    server.api.add(recent["rectification"])
    third = scheduled_run(server.api_url, db, watchlist, out)
    assert third.returncode == 0, third.stderr[-2000:]
    feed = ET.parse(out / "crawl-3.atom").getroot()
    reported = sorted(e.findtext(f"{ATOM}title") for e in feed.iter(f"{ATOM}entry"))
    assert len(reported) == 2, reported
    assert any("Jeugdhulp met verblijf Heerlen" in t for t in reported)
    assert any("Rectificatie: Basishulp jeugd Heerlen 2027" in t for t in reported)
    assert "Jeugdhulp met verblijf Heerlen" in third.stdout
    # The rectification made the spider look at its procedure's other notice again.
    assert f"{DETAIL}910001" in server.api.log


def test_two_runs_started_together_one_crawls_the_other_is_locked(recent, serve_api, tmp_path):
    slow = {f"{DETAIL}910001": [{"status": 429, "headers": {"Retry-After": "2"}}]}
    server = serve_api(list(recent.values()), faults=slow)
    db = tmp_path / "archive.db"
    command = [sys.executable, "-m", "tenderarchive.cli", "crawl", "--db", str(db), "--api-url", server.api_url,
               *FAST, "-s", "RETRY_AFTER_MAX=3"]
    runs = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    codes = sorted(run.wait(timeout=240) for run in runs)
    assert codes == [0, 4]


def test_a_failed_scheduled_crawl_is_reported_with_what_went_wrong_not_passed_over_in_silence(
        recent, serve_api, tmp_path):
    """``crawl --watchlist --quiet`` (README: "a crawl that did not complete is reported, printed under --quiet and
    mailed under --email, with what went wrong, though nothing matched") reported nothing after a failed crawl (the
    API down): no report printed, no ``crawl-N`` files, nothing in the feed, as a night with no news; only
    ``report --watchlist`` run after it told. It reports that crawl, the crawl's exit code kept (1)."""
    watchlist = tmp_path / "watchlist.yaml"
    watchlist.write_text("watches:\n  - name: Jeugdhulp Zuid-Limburg\n    jeugdregios: [JZ41]\n", encoding="utf-8")
    db, out = tmp_path / "archive.db", tmp_path / "reports"
    server = serve_api([recent["notice"]])
    first = scheduled_run(server.api_url, db, watchlist, out)
    assert first.returncode == 0, first.stderr[-2000:]
    server.__exit__(None, None, None)   # the API down for the next night's crawl

    second = scheduled_run(server.api_url, db, watchlist, out)
    assert second.returncode == 1, second.stderr[-2000:]
    (status,) = [r["status"] for r in sqlite_utils.Database(db).query("select status from crawls where crawl_id = 2")]
    assert status == "failed"
    assert "crawl 2 (tenderned, failed" in second.stdout
    assert "What went wrong in crawl 2" in second.stdout and "Connection" in second.stdout
    assert (out / "crawl-2.md").exists()
    feed = ET.parse(out / "feed.atom").getroot()
    assert any("crawl 2" in (e.findtext(f"{ATOM}title") or "") for e in feed.iter(f"{ATOM}entry"))


def test_status_after_a_scheduled_crawl_names_the_command_that_lists_what_it_archived_new(recent, serve_api, tmp_path):
    """A journalist's morning after two scheduled crawls: ``status`` said crawl 2 archived "new 1" and no word of
    which record or where to see it (the site's crawls page alone linked the counts to ``crawl_wijzigingen``). It now
    names the command; run as printed, it lists the one new notice, as CSV."""
    import shlex

    from tests.conftest import cli, installed

    for publication in recent.values():
        publication["detail"]["sluitingsDatum"] = "2018-07-06T12:00:00"
    db = tmp_path / "archive.db"
    server = serve_api([recent[k] for k in ("notice", "other")])
    command = ["crawl", "--db", str(db), "--api-url", server.api_url, "--quiet", *FAST]
    assert forkcli.run(command, cwd=ROOT, timeout=240).returncode == 0
    server.api.add(recent["new"])
    assert forkcli.run(command, cwd=ROOT, timeout=240).returncode == 0

    status = cli("status", "--db", db)
    assert status.returncode == 0, status.stdout + status.stderr
    (said,) = [line for line in status.stdout.splitlines() if "crawl_wijzigingen" in line]
    (told,) = re.findall(r"`tenderarchive (export [^`]+)`", said)
    assert "--param crawl_id=2" in told
    listed = installed(*shlex.split(told))  # (its own process: export writes to a real standard output)
    assert listed.returncode == 0, listed.stderr
    rows = list(csv.DictReader(io.StringIO(listed.stdout)))
    assert [(r["wat"], r["sleutel"], r["titel"]) for r in rows] == [("nieuw", "910005", "Jeugdhulp met verblijf Heerlen")]
