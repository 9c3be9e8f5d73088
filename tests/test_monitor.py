"""Monitoring: `tenderarchive status` says per source whether it is fresh, failing or suspicious."""

import hashlib
import json
import re
import socket
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tenderarchive.store.writes import open_archive
from tenderarchive.exitcodes import ExitCode
from tenderarchive.monitor import exit_code, source_health
from tests.conftest import by_id, cli, installed, make_publication


def status(db, *args):
    """``tenderarchive status`` in this process (a reader: no crawl, no reactor)."""
    return cli("status", "--db", db, *args)


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]   # nothing listens here once the socket is closed


def test_status_is_ok_after_a_fresh_crawl_stale_when_old_and_exits_5_after_a_failed_one(snapshot, serve_api, crawl):
    result = crawl(serve_api(snapshot).api_url)
    assert result.returncode == 0, result.output
    out = installed("status", "--db", result.db_path)   # the installed command, as cron runs it
    assert out.returncode == 0, out.stdout + out.stderr
    assert "sources:" in out.stdout and re.search(r"^  tenderned +ok ", out.stdout, re.M)
    out = status(result.db_path, "--max-age-hours", "0")
    assert out.returncode == ExitCode.STALE
    assert "stale: last successful crawl finished" in out.stdout
    import json

    healths = {h["spider"]: h for h in json.loads(status(result.db_path, "--sources-json").stdout)}
    health = healths["tenderned"]
    assert health["verdict"] == "ok" and healths["news"]["verdict"] == "never run"
    assert health["crawls"][0]["coverage"]["notices"]["buyer"] == 1.0

    # A failed last crawl makes the source fail, although an earlier crawl was fine.
    failed = crawl(f"http://127.0.0.1:{closed_port()}/papi/tenderned-rs-tns/v2", "-s", "RETRY_TIMES=0")
    assert failed.returncode == 1 and failed.crawl["status"] == "failed"
    out = status(failed.db_path)
    assert out.returncode == ExitCode.STALE
    assert f"failed: the last finished crawl ({failed.crawl['crawl_id']}) failed" in out.stdout
    assert status(failed.db_path, "--json").returncode == ExitCode.STALE   # scripts see it too


def test_sharp_drops_in_items_or_field_coverage_are_flagged(tmp_path):
    """Thirty nights of crawl history: stable, then a night with few items, then a night where
    the parser lost the buyer. Both are flagged against the median of the nights before."""
    db_path = tmp_path / "archive.db"
    db = open_archive(db_path)
    start = datetime(2026, 11, 1, 3, 0, tzinfo=timezone.utc)
    publication = 100000

    def night(day: int, items: int, rows: int, buyer_missing: int = 0, status="complete"):
        nonlocal publication
        when = (start + timedelta(days=day)).isoformat()
        crawls = db["crawls"]
        crawls.insert({"spider": "tenderned", "started": when, "finished": when, "status": status,
                             "items_new": rows, "items_updated": 0, "items_unchanged": items - rows,
                             "error_count": 0})
        crawl_id = crawls.last_pk
        for i in range(rows):
            publication += 1
            db["notices"].insert({"publication_id": publication, "title": f"Jeugdhulp {publication}",
                                  "description": "...", "buyer": None if i < buyer_missing else "Gemeente X",
                                  "published": "2026-11-01", "cpv_main": "85311300-5",
                                  "url": f"https://www.tenderned.nl/aankondigingen/overzicht/{publication}",
                                  "crawl_id": crawl_id})
        return crawl_id

    night(0, items=100, rows=10)     # the first crawl: no yardstick for the items of the nights after it
    for day in range(1, 6):
        night(day, items=100, rows=10)
    few = night(6, items=20, rows=10)
    lost_buyer = night(7, items=100, rows=10, buyer_missing=8)
    now = start + timedelta(days=7, hours=1)

    [health] = source_health(db_path, now=now)
    flags = {c.crawl_id: c.flags for c in health.crawls}
    assert flags[few] == ["items dropped to 20 (median of the 5 complete crawls before: 100)"]
    assert flags[lost_buyer] == ["notices.buyer filled in 20% of 10 rows written (median before: 100%)"]
    assert all(not f for cid, f in flags.items() if cid not in (few, lost_buyer))
    assert health.problems == [] and len(health.warnings) == 2
    assert exit_code([health]) == 0 and exit_code([health], strict=True) == ExitCode.STALE

    # Two days without a successful crawl: stale.
    [health] = source_health(db_path, now=now + timedelta(hours=49))
    assert health.problems and health.problems[0].startswith("stale:")
    # A crawl killed mid-run keeps status "running"; after max_age it is reported.
    db["crawls"].insert({"spider": "tenderned", "started": (now - timedelta(hours=50)).isoformat(),
                         "status": "running"})
    [health] = source_health(db_path, now=now, max_age_hours=48)
    assert any("still 'running'" in p for p in health.problems)
    db.close()


def test_the_freshness_view_and_status_agree_on_the_last_successful_crawl(tmp_path):
    """Defect of issue 9: the `freshness` view counted only complete crawls while `status`
    counted partial ones too, so one archive was stale in Datasette and fresh in `status`.
    Both now read one definition (monitor.FRESHNESS_SQL); synthetic crawl history."""
    db_path = tmp_path / "archive.db"
    db = open_archive(db_path)
    now = datetime.now(timezone.utc).replace(microsecond=0)

    def crawl(spider, hours_ago, status):
        when = (now - timedelta(hours=hours_ago)).isoformat()
        db["crawls"].insert({"spider": spider, "started": when, "finished": when, "status": status})

    crawl("tenderned", 100, "complete")
    crawl("tenderned", 2, "partial")      # went on past a few errors: a success
    crawl("tenderned", 1, "failed")
    crawl("news", 5, "failed")            # never a success
    view = {r["spider"]: r for r in db.query("select * from freshness")}
    db.close()
    health = {h.spider: h for h in source_health(db_path, now=now)}

    assert set(view) == set(health) == {"tenderned", "news"}
    tenderned = view["tenderned"]
    assert tenderned["last_success"] == health["tenderned"].last_success == (now - timedelta(hours=2)).isoformat()
    assert abs(tenderned["age_hours"] - health["tenderned"].age_hours) < 0.1
    assert tenderned["last_status"] == "failed" and tenderned["successful_crawls"] == 2
    assert view["news"]["last_success"] is None and health["news"].last_success is None
    assert health["news"].problems == ["stale: no successful crawl ever", "failed: the last finished crawl (4) failed"]


def test_a_sample_crawl_neither_makes_a_source_fresh_nor_is_judged(tmp_path):
    """A quick look (``--sample N``, N records of its window) is no crawl of the source: after a
    night of nothing but samples the source is stale in ``status`` and in the ``freshness`` view
    alike, and a sample's few items are no "items dropped" flag. A sample made the source fresh,
    and under ``--strict`` a journalist's sample made ``status`` exit 5."""
    db_path = tmp_path / "archive.db"
    db = open_archive(db_path)
    now = datetime.now(timezone.utc).replace(microsecond=0)

    def crawl(hours_ago, items, sample=None):
        when = (now - timedelta(hours=hours_ago)).isoformat()
        arguments = {"from_date": "2026-11-01", "until_date": "2026-11-08", **({"sample": sample} if sample else {})}
        db["crawls"].insert({"spider": "tenderned", "started": when, "finished": when, "status": "complete",
                             "arguments": json.dumps(arguments), "items_new": items, "items_updated": 0,
                             "items_unchanged": 0, "error_count": 0})

    for hours in (100, 90, 80):
        crawl(hours, items=100)
    crawl(2, items=1, sample=1)
    crawl(1, items=3, sample=3)
    view = next(db.query("select * from freshness"))
    db.close()
    [health] = source_health(db_path, now=now)
    assert view["last_success"] == health.last_success == (now - timedelta(hours=80)).isoformat()
    assert view["successful_crawls"] == 3
    assert health.problems == ["stale: last successful crawl finished 80.0 h ago (more than 48 h)"]
    assert health.warnings == [] and [c.items for c in health.crawls] == [100, 100, 100]


def test_nightly_incremental_crawls_are_not_flagged_against_the_first_crawl_of_years(tmp_path):
    """A new archive's first TenderNed crawl reads years (thousands of items); the nightly
    incremental crawls after it read a window of a few days. Those were flagged "items dropped to 9
    (median of the 1 complete crawls before: 3400)" for the first nights of every archive (exit 5
    under ``--strict``): items are judged only against crawls of a like window, and a real drop
    among the nightly crawls is still flagged."""
    db_path = tmp_path / "archive.db"
    db = open_archive(db_path)
    now = datetime(2026, 12, 10, 5, 0, tzinfo=timezone.utc)

    def crawl(day: int, items: int, from_date: str) -> int:
        when = datetime(2026, 12, day, 4, 17, tzinfo=timezone.utc).isoformat()
        arguments = {"from_date": from_date, "until_date": f"2026-12-{day:02d}", "profile": "youth_care"}
        crawls = db["crawls"]
        crawls.insert({"spider": "tenderned", "started": when, "finished": when, "status": "complete",
                       "arguments": json.dumps(arguments), "items_new": items, "items_updated": 0,
                       "items_unchanged": 0, "error_count": 0})
        return crawls.last_pk

    crawl(1, 3400, "2016-01-01")                        # the first crawl: everything since 2016
    nightly = [crawl(day, 9, f"2026-12-{day - 4:02d}") for day in (5, 6, 7)]   # window of four days
    few = crawl(9, 2, "2026-12-04")                     # a missed night (a window of six days), few items
    backfill = crawl(10, 3, "2026-01-01")               # a backfill of a quiet year is no nightly either
    db.close()

    [health] = source_health(db_path, now=now)
    flags = {c.crawl_id: c.flags for c in health.crawls}
    assert all(flags[n] == [] for n in nightly), flags
    assert flags[few] == ["items dropped to 2 (median of the 3 complete crawls before: 9)"]
    assert flags[backfill] == []


def test_nightly_news_crawls_are_not_flagged_against_the_first_crawl_that_fetched_every_page(tmp_path):
    """A news crawl's window is always the same (every date up to today), but the first crawl of a new archive
    fetches every page of every site, and the nightly crawls after it only what is new or changed (the pages it
    has are skipped unless a sitemap says they changed). Every night after the first was flagged "items dropped
    to 2 (median of the 1 complete crawls before: 9)" (exit 5 under ``--strict``) until enough nightly crawls
    outvoted it. A spider's first successful crawl, which found nothing archived, is no yardstick; a real drop
    among the nightly crawls is still flagged."""
    db_path = tmp_path / "archive.db"
    db = open_archive(db_path)
    now = datetime(2026, 12, 10, 6, 0, tzinfo=timezone.utc)

    def crawl(day: int, new: int, unchanged: int = 0, status: str = "complete") -> int:
        when = datetime(2026, 12, day, 5, 47, tzinfo=timezone.utc).isoformat()
        arguments = {"from_date": "1990-01-01", "until_date": f"2026-12-{day:02d}", "sites": ["a", "b"]}
        crawls = db["crawls"]
        crawls.insert({"spider": "news", "started": when, "finished": when, "status": status,
                       "arguments": json.dumps(arguments), "items_new": new, "items_updated": 0,
                       "items_unchanged": unchanged, "error_count": 0})
        return crawls.last_pk

    crawl(1, 0, status="failed")                        # the network was down: nothing archived
    first = crawl(2, 400)                               # every page of every site
    nightly = [crawl(day, 8, 12) for day in (3, 4, 5)]  # what is new, and the pages re-asked
    few = crawl(6, 1, 2)                                # a site that stopped yielding pages
    db.close()

    [health] = source_health(db_path, now=now)
    flags = {c.crawl_id: c.flags for c in health.crawls}
    assert flags[first] == [] and all(flags[n] == [] for n in nightly), flags
    assert flags[few] == ["items dropped to 3 (median of the 3 complete crawls before: 20)"]


def test_a_nightly_tenderned_crawl_with_nothing_new_is_no_drop_and_a_list_that_shrank_is(snapshot, serve_api, crawl):
    """TenderNed's incremental crawl archives only the publications that are new (the ones it has get no
    detail request), so a night with nothing new archives nothing from the same lists: `status` flagged it
    "items dropped to 0 (median of the 1 complete crawls before: 1)" (exit 5 under ``--strict``), every quiet
    night. A spider that reads lists is judged by the list rows it read; a list that shrank is still flagged."""
    api = serve_api(snapshot)
    assert crawl(api.api_url).returncode == 0                           # the first crawl: every publication
    api.api.add(make_publication(by_id(snapshot, 100101), 910001, "2022-06-01", title="Jeugdhulp Heerlen 2023"))
    assert crawl(api.api_url).crawl["items_new"] == 1                   # a night with one new publication
    quiet = crawl(api.api_url)                                          # a night with nothing new
    assert quiet.returncode == 0 and quiet.crawl["items_new"] == 0, quiet.output
    out = status(quiet.db_path, "--strict")
    assert out.returncode == 0 and "dropped" not in out.stdout, out.stdout
    assert re.search(r"^  tenderned +ok ", out.stdout, re.M)

    rows = quiet.crawl["fetched_rows"]
    shrunk = crawl(serve_api(snapshot[:2]).api_url)                     # the lists now yield two publications
    assert shrunk.returncode == 0 and shrunk.crawl["fetched_rows"] < rows / 2
    out = status(shrunk.db_path, "--strict")
    assert out.returncode == ExitCode.STALE
    assert (f"crawl {shrunk.crawl['crawl_id']}: list rows dropped to {shrunk.crawl['fetched_rows']} "
            f"(median of the 2 complete crawls before: {rows})") in out.stdout, out.stdout


def test_the_news_sites_view_reads_articles_from_one_covering_index(tmp_path):
    """The ``news_sites`` view groups the articles once, from the covering index ``articles (site,
    fetched_at, relevant, published)``: joining every registry site to its article rows read each
    article row (0.6-0.9 s for 200,000 articles, over issue 14's 500 ms for a page). Same answer:
    per registry site its pages, relevant pages and newest dates; a site without pages has 0."""
    db = open_archive(tmp_path / "archive.db")
    sites = ["a.example.nl", "b.example.nl", "c.example.nl"]
    db["crawls"].insert({"crawl_id": 1, "spider": "news", "status": "complete", "started": "2026-01-01T00:00:00",
                         "arguments": json.dumps({"sites": sites})})
    db["articles"].insert_all([{"url": f"https://{site}/{i}", "site": site, "relevant": i % 2,
                                "fetched_at": f"2026-01-0{i + 1}T00:00:00", "published": f"2025-12-0{i + 1}"}
                               for site, n in (("a.example.nl", 3), ("b.example.nl", 1)) for i in range(n)])
    rows = {r["site"]: r for r in db.query("select * from news_sites")}
    assert {s: (r["pages"], r["relevant_pages"], r["last_archived"], r["last_published"]) for s, r in rows.items()} == {
        "a.example.nl": (3, 1, "2026-01-03T00:00:00", "2025-12-03"),
        "b.example.nl": (1, 0, "2026-01-01T00:00:00", "2025-12-01"),
        "c.example.nl": (0, 0, None, None)}
    plan = [d for *_, d in db.execute("explain query plan select * from news_sites").fetchall()]
    reads = [d for d in plan if "articles" in d]
    assert reads and all("COVERING INDEX" in d for d in reads), plan


def test_an_archive_no_crawl_has_written_to_is_not_healthy(tmp_path):
    """The health check passed an archive without a single crawl (exit 0, "no crawls yet"): a first crawl that
    never ran (its unit failing on a bad argument or a locked archive, with OnFailure= starting the check) was
    reported healthy. No source crawled is nothing fresh: exit 5, and the line says so. Read-only."""
    import subprocess
    import sys

    db_path = tmp_path / "archive.db"
    open_archive(db_path).close()
    assert exit_code(source_health(db_path)) == ExitCode.STALE
    before = db_path.read_bytes()
    out = subprocess.run([sys.executable, "-m", "tenderarchive.cli", "status", "--db", str(db_path)],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == ExitCode.STALE, out.stderr
    assert "no crawl yet, so nothing is fresh" in out.stdout
    assert db_path.read_bytes() == before


def archive_crawled_by_tenderned_just_now(tmp_path):
    """An archive whose one crawl, a complete tenderned crawl, finished now; gives its path."""
    db_path = tmp_path / "archive.db"
    db = open_archive(db_path)
    when = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    db["crawls"].insert({"spider": "tenderned", "started": when, "finished": when, "status": "complete",
                         "arguments": "{}", "items_new": 5, "items_updated": 0, "items_unchanged": 0,
                         "error_count": 0})
    db.close()
    return db_path


def test_a_spider_the_schedule_runs_that_never_crawled_is_a_problem_and_the_others_are_listed(tmp_path):
    """status judged only the spiders with crawls: a scheduled news crawl that never ran (its timer never
    enabled) was invisible and the check passed. ``--expect news`` makes it a problem (exit 5); without it,
    every spider of the project that never crawled is listed as never run, and not judged."""
    db_path = archive_crawled_by_tenderned_just_now(tmp_path)
    out = status(db_path)
    assert out.returncode == ExitCode.COMPLETE, out.stdout
    assert re.search(r"^  news +never run +not judged \(give --expect news to require a crawl\)$", out.stdout, re.M), \
        out.stdout
    assert re.search(r"^  tenderned_ocds +never run ", out.stdout, re.M)
    # given the schedule, a spider outside it that never ran: it read "not judged (--expect news requires a
    # crawl)" under "status --expect tenderned", as if news had been expected
    out = status(db_path, "--expect", "tenderned")
    assert out.returncode == ExitCode.COMPLETE and "--expect news" not in out.stdout, out.stdout
    assert re.search(r"^  news +never run +not judged \(not in --expect\)$", out.stdout, re.M), out.stdout
    for expect in (["--expect", "tenderned", "--expect", "news"], ["--expect", "tenderned,news"]):
        out = status(db_path, *expect)
        assert out.returncode == ExitCode.STALE, out.stdout
        assert re.search(r"^  news +PROBLEM +no crawl in the archive", out.stdout, re.M), out.stdout
        assert "never crawled" in out.stdout and re.search(r"^  tenderned +ok ", out.stdout, re.M)
    healths = {h["spider"]: h for h in json.loads(status(db_path, "--sources-json", "--expect", "news").stdout)}
    assert healths["news"]["verdict"] == "PROBLEM" and healths["news"]["crawled"] is False
    assert healths["tenderned_ocds"]["verdict"] == "never run" and healths["tenderned"]["verdict"] == "ok"
    out = status(db_path, "--expect", "nieuws")
    assert out.returncode == ExitCode.BAD_ARGUMENTS and "no spider named 'nieuws'" in out.stderr


def test_a_one_off_backfill_outside_the_schedule_is_not_judged_stale_by_age(tmp_path):
    """The README's OCDS backfill (``crawl tenderned_ocds --from-date 2016-01-01 …``) runs once; the health check
    of the deploy recipes (``status --expect tenderned,news``) then failed every morning from two days after it,
    "tenderned_ocds PROBLEM stale: last successful crawl finished 50 h ago", though the scheduled sources were
    fresh: the only way out was to fetch the yearly packages again every other day or to raise --max-age-hours
    for every source. Given the schedule (``--expect``), a spider outside it is listed with its age and not
    judged stale; its failed last crawl still is a problem, and without ``--expect`` every source is judged."""
    db_path = tmp_path / "archive.db"
    db = open_archive(db_path)
    now = datetime.now(timezone.utc).replace(microsecond=0)
    for spider, hours, status_ in (("tenderned_ocds", 60, "complete"), ("tenderned", 2, "complete"),
                                   ("news", 1, "complete")):
        when = (now - timedelta(hours=hours)).isoformat()
        db["crawls"].insert({"spider": spider, "started": when, "finished": when, "status": status_,
                             "arguments": "{}", "items_new": 5, "items_updated": 0, "items_unchanged": 0,
                             "error_count": 0})
    db.close()
    out = status(db_path, "--expect", "tenderned,news")
    assert out.returncode == ExitCode.COMPLETE, out.stdout
    assert re.search(r"^  tenderned_ocds +ok +last success 60\.0 h ago; recent 1:complete \(not in --expect: "
                     r"its age is not judged\)$", out.stdout, re.M), out.stdout
    assert status(db_path).returncode == ExitCode.STALE                       # no schedule given: every source
    assert status(db_path, "--expect", "tenderned,news,tenderned_ocds").returncode == ExitCode.STALE
    db = open_archive(db_path)
    when = now.isoformat()
    db["crawls"].insert({"spider": "tenderned_ocds", "started": when, "finished": when, "status": "failed",
                         "arguments": "{}", "items_new": 0, "items_updated": 0, "items_unchanged": 0,
                         "error_count": 1})
    db.close()
    out = status(db_path, "--expect", "tenderned,news")
    assert out.returncode == ExitCode.STALE and "the last finished crawl (4) failed" in out.stdout


def test_a_crawl_killed_with_sigkill_is_a_problem_at_once_and_one_running_is_not(snapshot, serve_api, crawl, tmp_path):
    """A crawl killed with SIGKILL (the out-of-memory killer, a reboot) keeps status ``running`` until the next
    crawl starts: ``status`` listed it as running and passed (exit 0) for up to ``--max-age-hours``, though the
    crawl was dead. A ``running`` crawl that holds no crawl lock is killed: status says so and exits 5; a crawl
    that runs (it holds the lock) is running and not a problem. A real crawl on a loopback API, killed.

    The ``freshness`` view (Datasette's, SQL: it cannot look at the lock) said ``running`` too until the next crawl:
    its ``last_status`` is ``killed`` once the crawl's heartbeat (``crawls.alive_until``) has passed, and
    ``running`` while the crawl runs."""
    import os
    import signal
    import subprocess
    import sys

    import time

    from tests.conftest import FAST, ROOT, slowed_publications

    first = crawl(serve_api(snapshot).api_url)
    assert first.returncode == 0, first.output
    db = first.db_path
    publications, faults = slowed_publications(snapshot, 7000, 30, "2021-06")
    server = serve_api(publications, faults=faults)
    process = subprocess.Popen(
        [sys.executable, "-m", "tenderarchive.cli", "crawl", "tenderned", "--db", str(db), "--api-url",
         server.api_url, "--from-date", "2021-06-01", "--until-date", "2021-06-30", *FAST,
         "-s", "TENDERNED_FILTER_CHECK_MIN=1000", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1",
         "-s", "TENDERNED_INCREMENTAL=False", "-s", "DOWNLOAD_DELAY=0.5",  # slow enough to be killed mid-crawl
         "-s", "CRAWL_HEARTBEAT_SECONDS=4"],  # 12 s ahead: a loaded machine delays a beat
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def freshness():
        import sqlite3

        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            return dict(conn.execute("select spider, last_status from freshness").fetchall())["tenderned"]
        finally:
            conn.close()

    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not first.db.execute(
                "select count(*) from fetches where crawl_id > 1").fetchone()[0]:
            time.sleep(0.2)  # until the crawl has fetched something
        assert process.poll() is None, "the crawl ended before it could be killed"
        running = status(db)
        assert running.returncode == 0, running.stdout + running.stderr  # a crawl running is no problem
        assert re.search(r"^ +\d+  tenderned +running ", running.stdout, re.M), running.stdout
        # (the archive's path, which the line naming what crawl 1 archived new gives, holds this test's name)
        assert "killed" not in running.stdout.replace(str(db), "")
        assert freshness() == "running"
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=20)
    deadline = time.monotonic() + 45  # the heartbeat is 3 × 4 s ahead
    while freshness() == "running" and time.monotonic() < deadline:
        time.sleep(0.5)
    assert freshness() == "killed"

    def files():  # the archive's folder as the kill left it (its write-ahead log, the lock …): readers never write
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in db.parent.iterdir() if p.is_file()}

    left = files()
    out = status(db)
    assert out.returncode == ExitCode.STALE, out.stdout
    assert re.search(r"^ +\d+  tenderned +killed ", out.stdout, re.M), out.stdout
    assert re.search(r"! killed: crawl \d+ still 'running' since .*no process runs it", out.stdout), out.stdout
    [health] = [h for h in json.loads(status(db, "--sources-json").stdout) if h["spider"] == "tenderned"]
    assert health["verdict"] == "PROBLEM" and health["crawls"][0]["status"] == "killed"
    # what it had archived before the kill: its counts are written at its close, which never came ("0 new")
    import sqlite3

    reader = sqlite3.connect(f"file:{db}?mode=ro", uri=True)  # read-only: a writer's close would checkpoint the log
    try:
        killed_id, new = reader.execute("select crawl_id, items_new from crawls order by crawl_id desc").fetchone()
        held = {table: reader.execute(f"select count(*) from {table} where crawl_id = ?", [killed_id]).fetchone()[0]
                for table in ("notices", "articles", "fetches")}
    finally:
        reader.close()
    assert held["fetches"] > 0 and new in (None, 0)
    assert (f"! unfinished: killed before it closed, so its counts were never recorded; it had archived "
            f"{held['notices']} notice") in out.stdout, out.stdout
    assert f"from {held['fetches']} response" in out.stdout and \
        f"crawl_wijzigingen --db {db} --param crawl_id={killed_id}" in out.stdout
    [row] = [c for c in json.loads(status(db, "--json").stdout) if c["crawl_id"] == killed_id]
    assert row["archived_before_kill"] == held
    listed = subprocess.run([sys.executable, "-m", "tenderarchive.cli", "export", "crawl_wijzigingen", "--param",
                             f"crawl_id={killed_id}", "--db", str(db)], cwd=ROOT, capture_output=True, text=True)
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) - 1 == held["notices"], listed.stderr
    refused = subprocess.run([sys.executable, "-m", "tenderarchive.cli", "export", "crawl_wijzigingen", "--db",
                              str(db)], cwd=ROOT, capture_output=True, text=True)
    assert refused.returncode == ExitCode.BAD_ARGUMENTS and refused.stdout == ""
    assert files() == left   # status, export and the refused export wrote nothing, not even beside the archive


def test_status_says_the_command_that_crawls_a_killed_crawls_window_again(tmp_path):
    """A crawl killed before it closed (SIGKILL: in a --jobdir its queue was never written, nothing to resume) was
    told in ``status`` as "the next crawl fetches what it left": the next nightly crawl, of the default profile,
    never lists a killed ``--profile all`` backfill's years again, nor does any crawl of a news site list a killed
    one-site crawl's window. Its line names its own command, from its recorded arguments, which the command line
    takes as they are (exit 2 for a bad one), on the archive ``status`` read: its commands named no ``--db``, so run
    as given from the folder cron runs in, the rerun crawled (and made) an ``archive.db`` there and the export listed
    another archive's crawl. Synthetic crawl history."""
    import shlex

    from tenderarchive.cli import parser

    (tmp_path / "nacht archief").mkdir()
    db_path = tmp_path / "nacht archief" / "archive.db"
    db = open_archive(db_path)
    now = datetime.now(timezone.utc).replace(microsecond=0)
    on = f"--db {shlex.quote(str(db_path))}"
    recorded = {
        1: ("tenderned", {"from_date": "2016-01-01", "until_date": "2016-12-31", "profile": "all",
                          "queries": ["all"]}, f"tenderarchive crawl tenderned {on} --profile all --from-date "
                                               f"2016-01-01 --until-date 2016-12-31"),
        2: ("news", {"from_date": "2024-03-01", "until_date": "2024-03-31", "sources": "mijn sites.yaml",
                     "sites": ["leiden"], "site": ["leiden"]},
            f"tenderarchive crawl news {on} --sources 'mijn sites.yaml' --site leiden --from-date 2024-03-01 "
            "--until-date 2024-03-31"),
    }
    for crawl_id, (spider, arguments, _) in recorded.items():
        db["crawls"].insert({"crawl_id": crawl_id, "spider": spider, "arguments": json.dumps(arguments),
                             "started": (now - timedelta(hours=3 - crawl_id)).isoformat(), "status": "failed",
                             "finish_reason": "killed"})
    db.close()
    out = status(db_path)
    lines = {crawl_id: [line for line in out.stdout.splitlines() if f"crawl_id={crawl_id}`" in line]
             for crawl_id in recorded}
    for crawl_id, (spider, arguments, command) in recorded.items():
        [line] = lines[crawl_id]
        assert f"to crawl its window again now, run `{command}` (with the --jobdir it had" in line, line
        assert f"`tenderarchive export crawl_wijzigingen {on} --param crawl_id={crawl_id}` lists them" in line, line
        argv = shlex.split(command)[1:]
        parsed = parser().parse_args(argv)
        assert (parsed.spider, parsed.from_date, parsed.until_date, parsed.db) == (
            spider, arguments["from_date"], arguments["until_date"], str(db_path))
    # on the default archive (status run where it lies, no --db) the commands are as short as before
    import shutil

    shutil.copy(db_path, tmp_path / "archive.db")
    here = cli("status", cwd=tmp_path).stdout
    assert "--db" not in here and "run `tenderarchive crawl tenderned --profile all --from-date" in here, here
    assert "the next crawl of profile all lists again from its first day" in lines[1][0]


def test_status_json_says_killed_where_the_table_and_the_exit_code_do(tmp_path):
    """``status --json`` (the crawls for scripts) listed a killed crawl (``running`` in the archive, no crawl lock
    held) as ``running`` while the table beside it said ``killed``, ``--sources-json`` said ``killed`` and the exit
    code was 5: a script reading the JSON took a dead crawl for one still running. Synthetic crawl history."""
    db_path = tmp_path / "archive.db"
    db = open_archive(db_path)
    now = datetime.now(timezone.utc).replace(microsecond=0)
    db["crawls"].insert({"spider": "tenderned", "started": (now - timedelta(hours=3)).isoformat(),
                         "finished": (now - timedelta(hours=2)).isoformat(), "status": "complete"})
    db["crawls"].insert({"spider": "tenderned", "started": (now - timedelta(hours=1)).isoformat(),
                         "status": "running"})  # no process holds the archive's crawl lock: killed
    db.close()
    table = status(db_path)
    assert table.returncode == ExitCode.STALE and re.search(r"^ +2  tenderned +killed ", table.stdout, re.M)
    out = status(db_path, "--json")
    assert out.returncode == ExitCode.STALE
    crawls = {c["crawl_id"]: c["status"] for c in json.loads(out.stdout)}
    assert crawls == {2: "killed", 1: "complete"}
    [health] = [h for h in json.loads(status(db_path, "--sources-json").stdout) if h["spider"] == "tenderned"]
    assert health["crawls"][0]["status"] == "killed"


def test_status_reads_an_archive_written_before_the_heartbeat_column(tmp_path):
    """``status`` is a reader (it never migrates): on an archive the previous version wrote, whose ``crawls`` has
    no ``alive_until`` yet (the next crawl adds it), it read the freshness definition with the column and said
    "the archive is damaged: no such column: c2.alive_until", exit 6, for every cron run between the upgrade and
    the next crawl. Such an archive has no heartbeat: its sources are judged as before. Synthetic crawl history
    in a real archive, the column dropped as the older version never had it."""
    db_path = tmp_path / "archive.db"
    db = open_archive(db_path)
    now = datetime.now(timezone.utc).replace(microsecond=0)
    db["crawls"].insert({"spider": "tenderned", "started": (now - timedelta(hours=2)).isoformat(),
                         "finished": (now - timedelta(hours=1)).isoformat(), "status": "complete"})
    db.execute("drop view if exists freshness")  # the older version's view did not name the column
    db.execute("alter table crawls drop column alive_until")
    db.conn.commit()
    db.close()
    out = status(db_path)
    assert out.returncode == 0, out.stdout + out.stderr
    assert re.search(r"^  tenderned +ok ", out.stdout, re.M), out.stdout
    [health] = [h for h in source_health(db_path, now=now) if h.spider == "tenderned"]
    assert health.last_success == (now - timedelta(hours=1)).isoformat() and not health.problems


def test_the_crawls_heartbeat_never_makes_its_own_writes_fail(tmp_path):
    """The heartbeat (``crawls.alive_until``) was written from a thread of its own through a second connection: a
    beat committed while one of the crawl's transactions had read and not yet written (an item batch, the
    derivation: ``BEGIN`` deferred, WAL) made that transaction's first write fail at once with "database is
    locked" (SQLite's stale snapshot: no busy wait helps): the batch's items to its retry, the derivation failed.
    Beats are the reactor's now, between the crawl's own writes, and a crawl that closes is given the time its
    close (the derivation) takes. Scrapy's own crawler and signals, a real archive; the reactor's clock is a
    twisted ``Clock`` turned by hand, the crawl's transaction held across several beat intervals."""
    import time

    from scrapy import signals
    from scrapy.utils.test import get_crawler
    from twisted.internet.task import Clock

    from tenderarchive.extensions import Heartbeat

    db_path = tmp_path / "archive.db"
    db = open_archive(db_path)
    crawl_id = db["crawls"].insert({"spider": "tenderned", "status": "running",
                                    "started": datetime.now(timezone.utc).isoformat()}).last_pk
    crawler = get_crawler(settings_dict={"ARCHIVE_DB": str(db_path), "CRAWL_HEARTBEAT_SECONDS": 0.1,
                                           "EXTENSIONS_BASE": {}})
    heartbeat = Heartbeat.from_crawler(crawler)
    heartbeat.clock = Clock()

    class Spider:
        pass

    spider = Spider()
    spider.crawl_id = crawl_id

    def alive_until():
        return db.execute("select alive_until from crawls where crawl_id = ?", [crawl_id]).fetchone()[0]

    try:
        crawler.signals.send_catch_log(signals.spider_opened, spider=spider)
        heartbeat.clock.advance(0)
        deadline = time.monotonic() + 5
        while alive_until() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        first = alive_until()
        assert first is not None
        with db.atomic():  # one of the crawl's transactions: it reads, then (three beat intervals later) writes
            db.execute("select count(*) from crawls").fetchone()
            time.sleep(0.35)
            db.execute("update crawls set note = 'written' where crawl_id = ?", [crawl_id])
        db.execute("update crawls set alive_until = null where crawl_id = ?", [crawl_id])
        db.conn.commit()
        heartbeat.clock.advance(1.5)  # the reactor turns: the beats come
        assert alive_until() >= first
        crawler.signals.send_catch_log(signals.spider_closed, spider=spider, reason="finished")
        closing = datetime.fromisoformat(alive_until())
        assert closing - datetime.now(timezone.utc) > timedelta(minutes=30)  # the derivation may take long
    finally:
        crawler.signals.send_catch_log(signals.engine_stopped)
    assert db.execute("select note from crawls where crawl_id = ?", [crawl_id]).fetchone()[0] == "written"


def test_a_source_whose_last_crawl_was_partial_is_a_warning_naming_its_first_error(tmp_path):
    """A news crawl that went on past an error (the registry's feed of a site answers 404; its sitemap is read and
    its item archived) is partial: a success, so the source is fresh, but ``status`` said "ok", the error told
    only by the crawl's row, and a site of the registry failing night after night went unseen by cron's check. Its
    verdict is "warning", naming the crawl and its first error; the exit code is 0, 5 under ``--strict``. A
    complete crawl after it is "ok" again."""
    from tests.spiders.test_news import crawl_news
    from tests.spiders.test_news_reference import ROBOTS, registry, serve
    from tests.spiders.test_news_reference19 import S1_OPENING, split_page, urlset
    from tests.spiders.test_news_reference21 import SLUG

    routes = {"/robots.txt": ROBOTS, "/sitemap.xml": urlset({SLUG: "2021-10-20"}), SLUG: split_page(S1_OPENING, "")}
    db = tmp_path / "archive.db"
    with serve(routes) as base:
        path = registry(tmp_path, base_url=base, discovery={"sitemaps": ["sitemap.xml"], "feeds": ["feed/"]},
                        allow=["^/nieuws/"])
        assert crawl_news(path, db).returncode == ExitCode.PARTIAL
        out = status(db)
        assert out.returncode == 0, out.stdout + out.stderr
        assert re.search(r"^  news +warning ", out.stdout, re.M), out.stdout
        assert (f"    ~ partial: the last finished crawl (1) went on past 1 error, the first "
                f"'{base}feed/: request failed: HTTP 404'; the next crawl asks again") in out.stdout, out.stdout
        assert status(db, "--strict").returncode == ExitCode.STALE
        routes["/feed/"] = ("application/rss+xml", b'<?xml version="1.0"?><!-- SYNTHETIC --><rss version="2.0">'
                                                   b"<channel><title>Nieuws</title></channel></rss>")
        assert crawl_news(path, db).returncode == 0
    out = status(db)
    assert out.returncode == 0 and re.search(r"^  news +ok ", out.stdout, re.M), out.stdout


def test_a_crawl_stopped_before_it_ended_is_said_stopped_not_a_crawl_that_went_on_past_an_error(tmp_path):
    """A crawl stopped by a signal (SIGTERM from a deploy or a shutdown, Ctrl-C; Scrapy's close reason
    ``shutdown``) is partial when it archived something, failed when nothing: ``status`` said it "went on past
    something that went wrong (no error recorded: a dropped item, a shortfall, its close reason)", or only "failed",
    a reader left to guess whether the API broke. It says the crawl was stopped, how, and that the next crawl asks
    the rest again. Synthetic crawl history."""
    db_path = tmp_path / "archive.db"
    db = open_archive(db_path)
    now = datetime.now(timezone.utc).replace(microsecond=0)
    when = (now - timedelta(hours=1)).isoformat()
    row = {"spider": "tenderned", "started": when, "finished": when, "status": "partial", "finish_reason": "shutdown",
           "items_new": 11, "items_updated": 0, "items_unchanged": 0, "error_count": 0, "errors": "[]"}
    db["crawls"].insert(row)
    db.close()
    [health] = source_health(db_path, now=now)
    assert health.warnings == ["partial: the last finished crawl (1) was stopped before it ended (close reason "
                               "'shutdown': a SIGTERM or Ctrl-C); what it archived is kept, the next crawl asks the "
                               "rest again"]
    db = open_archive(db_path)
    db["crawls"].insert({**row, "status": "failed", "items_new": 0})
    db.close()
    [health] = source_health(db_path, now=now)
    assert health.problems == ["failed: the last finished crawl (2) failed: it was stopped before it ended (close "
                               "reason 'shutdown': a SIGTERM or Ctrl-C)"]


def test_status_ages_the_sources_as_of_tenderarchive_now_as_the_freshness_view_does(tmp_path, monkeypatch):
    """With ``TENDERARCHIVE_NOW`` set, Datasette's ``freshness`` view and ``export freshness`` aged a source as of that
    moment (round 53) while ``status`` beside them aged it by the clock: the archive of a night looked back at (a
    demo, a test) was "stale: 9000 h ago" in status and 2 h old in the view. Status now reads the same moment, says
    it does, and a bad value is a bad argument (exit 2), as for serve and export. Synthetic crawl history."""
    db_path = tmp_path / "archive.db"
    db = open_archive(db_path)
    moment = datetime(2025, 3, 1, 9, 0, tzinfo=timezone.utc)
    db["crawls"].insert({"spider": "tenderned", "started": (moment - timedelta(hours=3)).isoformat(),
                         "finished": (moment - timedelta(hours=2)).isoformat(), "status": "complete"})
    db["crawls"].insert({"spider": "news", "started": (moment - timedelta(hours=60)).isoformat(),
                         "finished": (moment - timedelta(hours=59)).isoformat(), "status": "complete"})
    db.close()
    before = db_path.read_bytes()
    monkeypatch.setenv("TENDERARCHIVE_NOW", "2025-03-01T10:00")  # Amsterdam's, 09:00 UTC
    out = status(db_path, "--expect", "tenderned,news")
    assert out.returncode == ExitCode.STALE, out.stdout + out.stderr
    assert "\nsources (ages as of TENDERARCHIVE_NOW=2025-03-01T10:00, not the clock):\n" in out.stdout
    assert re.search(r"^  tenderned +ok +last success 2\.0 h ago;", out.stdout, re.M), out.stdout
    assert re.search(r"^  news +PROBLEM +last success 59\.0 h ago;", out.stdout, re.M), out.stdout
    assert "stale: last successful crawl finished 59.0 h ago (more than 48 h)" in out.stdout
    sources = {h["spider"]: h for h in json.loads(status(db_path, "--sources-json").stdout)}
    assert round(sources["tenderned"]["age_hours"], 1) == 2.0 and round(sources["news"]["age_hours"], 1) == 59.0
    exported = installed("export", "freshness", "--db", db_path, "--format", "json")  # the view Datasette shows
    assert exported.returncode == 0, exported.stderr
    assert {r["spider"]: r["age_hours"] for r in json.loads(exported.stdout)} == {"tenderned": 2.0, "news": 59.0}
    monkeypatch.setenv("TENDERARCHIVE_NOW", "2025-03-01T12:00")  # 11:00 UTC: tenderned 4 h, still fresh
    assert re.search(r"^  tenderned +ok +last success 4\.0 h ago;", status(db_path).stdout, re.M)
    monkeypatch.setenv("TENDERARCHIVE_NOW", "2025-03-01T07:00")  # 06:00 UTC: tenderned's crawl is an hour later
    looked_back = status(db_path).stdout
    assert re.search(r"^  tenderned +ok +last success 0\.0 h ago;", looked_back, re.M) is None
    assert re.search(r"^  tenderned +ok +last success 1\.0 h after TENDERARCHIVE_NOW;", looked_back, re.M), looked_back
    monkeypatch.setenv("TENDERARCHIVE_NOW", "gisteren")
    bad = status(db_path)
    assert bad.returncode == ExitCode.BAD_ARGUMENTS and bad.stdout == ""
    assert bad.stderr == ("tenderarchive status: TENDERARCHIVE_NOW='gisteren' is not an ISO 8601 date and time "
                          "(YYYY-MM-DDTHH:MM)\n")
    monkeypatch.delenv("TENDERARCHIVE_NOW")
    clock = status(db_path)  # the clock's now: both a long time ago
    assert clock.returncode == ExitCode.STALE and "ages as of" not in clock.stdout and "\nsources:\n" in clock.stdout
    assert db_path.read_bytes() == before  # a reader


def test_an_expect_that_names_no_spider_is_a_bad_argument(tmp_path):
    """``status --expect "$SPIDERS"`` with the variable unset (``--expect ''``), or ``--expect ,``, checked no
    spider as expected: a scheduled spider that never crawled passed the health check at exit 0, where naming it
    makes it a problem (exit 5). An ``--expect`` that names no spider is a bad argument (exit 2) naming the option
    and the spiders there are; nothing is read."""
    db_path = archive_crawled_by_tenderned_just_now(tmp_path)
    assert status(db_path, "--expect", "tenderned,news").returncode == ExitCode.STALE
    for empty in (["--expect", ""], ["--expect", " , "], ["--expect", "", "--expect", ","]):
        out = status(db_path, *empty)
        assert out.returncode == ExitCode.BAD_ARGUMENTS and out.stdout == "", (empty, out.stdout)
        assert "--expect" in out.stderr and "names no spider" in out.stderr and "news" in out.stderr, out.stderr


def one_site_news_crawl(tmp_path, slow, stop, fetched="%"):
    """Runs ``crawl news --sources REGISTRY --site voorbeeld`` as a real subprocess on a loopback site of two pages
    (the second answered by ``slow``); once a fetch whose URL is like ``fetched`` is recorded, ``stop(process)`` ends
    it. Returns the archive's path and the registry's path."""
    import subprocess
    import sys
    import time

    import sqlite_utils

    from tests.conftest import FAST, ROOT
    from tests.spiders.test_news_reference import ROBOTS, redirecting, registry
    from tests.spiders.test_news_reference8 import iprox_item
    from tests.spiders.test_news_reference9 import sitemap_of

    routes = {"/robots.txt": ROBOTS, "/sitemap.xml": sitemap_of("/nieuws/gunning", "/nieuws/bezwaar"),
              "/nieuws/gunning": iprox_item("Voorlopige gunning jeugdhulp"), "/nieuws/bezwaar": slow}
    server, base = redirecting(routes, {})
    db_path = tmp_path / "archive.db"
    try:
        path = registry(tmp_path, base_url=base, discovery={"sitemaps": ["sitemap.xml"]}, allow=["^/nieuws/"])
        process = subprocess.Popen(
            [sys.executable, "-m", "tenderarchive.cli", "crawl", "news", "--sources", path, "--site", "voorbeeld",
             "--db", str(db_path), *FAST, "-s", "FETCHES_BATCH_ROWS=1"],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 110
            while time.monotonic() < deadline and process.poll() is None and not (
                    db_path.exists() and "fetches" in sqlite_utils.Database(db_path).table_names()
                    and sqlite_utils.Database(db_path).execute(
                        "select count(*) from fetches where url like ?", [fetched]).fetchone()[0]):
                time.sleep(0.1)
            assert process.poll() is None, "the crawl ended before it could be stopped"
            stop(process)
        finally:
            if process.poll() is None:
                process.kill()
            process.wait(timeout=20)
    finally:
        server.shutdown()
    return db_path, path


def test_status_names_the_rerun_command_of_a_killed_one_site_news_crawl(tmp_path):
    """A ``crawl news --site voorbeeld`` killed on loopback (SIGKILL, while a page keeps it waiting): the news spider
    records its site subset as the command line gave it ("voorbeeld", comma-separated), and ``status`` read only a
    list there, so the command it named to crawl the window again left ``--site`` out: it crawled every site of the
    registry. The command it names is the killed crawl's own, and the command line takes it."""
    import os
    import shlex
    import signal
    import threading

    from tenderarchive.cli import parser
    from tests.spiders.test_news_reference8 import iprox_item

    released = threading.Event()

    def slow(base):  # answers once the crawl is killed (bounded)
        released.wait(120)
        return iprox_item("Bezwaar jeugdhulp")

    def kill(process):
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=20)
        released.set()

    try:
        db_path, path = one_site_news_crawl(tmp_path, slow, kill)
    finally:
        released.set()
    out = status(db_path)
    assert re.search(r"^ +1  news +killed ", out.stdout, re.M), out.stdout
    found = re.search(r"to crawl its window again now, run `([^`]+)`", out.stdout)
    assert found, out.stdout
    argv = shlex.split(found.group(1))
    assert argv[:3] == ["tenderarchive", "crawl", "news"] and "--site" in argv, argv
    parsed = parser().parse_args(argv[1:])
    assert (parsed.sources, parsed.site) == (path, ["voorbeeld"]), argv


def test_status_names_the_rerun_command_of_a_news_crawl_stopped_by_sigterm(tmp_path):
    """A ``crawl news --site voorbeeld`` stopped by SIGTERM (a deploy, a shutdown) on loopback ends partial, close
    reason ``shutdown``: ``status`` listed its counts and no word of what to run, while a killed crawl's line names
    the command that crawls its window again; the next scheduled crawl of every site does not read a one-site
    crawl's window with that registry. Its line names its own command, from its recorded arguments."""
    import shlex
    import signal
    import time

    import sqlite_utils

    from tenderarchive.cli import parser
    from tests.spiders.test_news_reference8 import iprox_item

    def slow(base):  # busy while the signal comes; a graceful stop lets it end
        time.sleep(3)
        return iprox_item("Bezwaar jeugdhulp")

    def terminate(process):
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=90)

    db_path, path = one_site_news_crawl(tmp_path, slow, terminate, fetched="%/nieuws/gunning")
    crawl = next(sqlite_utils.Database(db_path).query("select status, finish_reason from crawls"))
    assert crawl == {"status": "partial", "finish_reason": "shutdown"}, crawl
    out = status(db_path)
    found = re.search(r"^ +~ was stopped before it ended \(close reason 'shutdown'[^\n]*to crawl its window again "
                      r"now, run `([^`]+)`", out.stdout, re.M)
    assert found, out.stdout
    argv = shlex.split(found.group(1))
    parsed = parser().parse_args(argv[1:])
    assert argv[:3] == ["tenderarchive", "crawl", "news"] and (parsed.sources, parsed.site) == (path, ["voorbeeld"])


def test_status_names_a_profile_file_by_its_path_in_the_command_that_crawls_a_stopped_window_again(
        serve_api, crawl, tmp_path):
    """A ``crawl tenderned --profile FILE.yaml`` stopped before it ended (here ``CLOSESPIDER_ITEMCOUNT``; a SIGTERM, a
    kill alike): ``status`` names the command that crawls its window again, from ``crawls.arguments``, which named the
    profile by the ``name`` in the file only ("wmo_eigen"), no profile the package has: the command it named was
    refused (exit 2, "topic profile 'wmo_eigen' not found"). The crawl records the file's absolute path
    (``profile_file``), the command names it, and a reparse (which reads the profile the crawl recorded in its WARC
    file from a temporary file) keeps the path the crawl named. SYNTHETIC: 30 copies of a snapshot notice."""
    import shlex

    import sqlite_utils

    from tenderarchive.apiserver import load_publications
    from tenderarchive.cli import parser
    from tenderarchive.profiles import load_profile
    from tests import forkcli
    from tests.conftest import ROOT

    own = tmp_path / "profielen" / "wmo.yaml"
    own.parent.mkdir()
    own.write_text("name: wmo_eigen\nqueries:\n  search:\n    - jeugdhulp\nrelevance_from: youth_care\n",
                   encoding="utf-8")
    template = by_id(load_publications(), 200201)
    server = serve_api([make_publication(template, 7000 + i, "2021-03-02", title=f"Jeugdhulp {i}") for i in range(30)])
    db = tmp_path / "archive.db"
    stopped = crawl(server.api_url, "--profile", str(own), "-s", "CLOSESPIDER_ITEMCOUNT=3", from_date="2021-03-01",
                    until_date="2021-03-31", db=db)
    assert (stopped.crawl["status"], stopped.crawl["finish_reason"]) == ("partial", "closespider_itemcount")
    recorded = json.loads(stopped.crawl["arguments"])
    assert (recorded["profile"], recorded["profile_file"]) == ("wmo_eigen", str(own.resolve()))

    def named_command():
        out = status(db)
        found = re.search(r"to crawl its window again now, run `([^`]+)`", out.stdout)
        assert found, out.stdout
        argv = shlex.split(found.group(1))
        assert argv[:3] == ["tenderarchive", "crawl", "tenderned"], argv
        return parser().parse_args(argv[1:])

    parsed = named_command()
    assert (parsed.profile, parsed.from_date, parsed.until_date) == (str(own.resolve()), "2021-03-01", "2021-03-31")
    assert load_profile(parsed.profile).name == "wmo_eigen"  # the command line takes it: the same file

    server.__exit__(None, None, None)
    rebuilt = forkcli.run(["reparse", "--db", db], cwd=ROOT, timeout=300)
    assert rebuilt.returncode == 0, rebuilt.stderr[-3000:]
    row = next(sqlite_utils.Database(db).query("select arguments from crawls where crawl_id = 1"))
    assert json.loads(row["arguments"])["profile_file"] == str(own.resolve())
    assert named_command().profile == str(own.resolve())


def test_status_names_a_news_registry_given_by_a_relative_path_by_its_absolute_path(tmp_path):
    """``crawl news --sources sources.yaml`` run in the registry's folder, stopped before it ended
    (``CLOSESPIDER_ITEMCOUNT``; a SIGTERM alike): ``status``'s command that crawls its window again named ``--sources sources.yaml`` as
    typed, which read no registry (exit 2) from any other folder, the scheduler's or the reader's. The crawl records
    the file's absolute path, as ``--profile FILE`` does, and the command names it. SYNTHETIC pages."""
    import shlex

    import sqlite_utils

    from tenderarchive.cli import parser
    from tests import forkcli
    from tests.conftest import FAST
    from tests.spiders.test_news_reference import ROBOTS, registry, serve
    from tests.spiders.test_news_reference8 import iprox_item
    from tests.spiders.test_news_reference9 import sitemap_of

    folder = tmp_path / "bronnen"
    folder.mkdir()
    routes = {"/robots.txt": ROBOTS, "/sitemap.xml": sitemap_of("/nieuws/gunning", "/nieuws/bezwaar"),
              "/nieuws/gunning": iprox_item("Voorlopige gunning jeugdhulp"),
              "/nieuws/bezwaar": iprox_item("Bezwaar jeugdhulp")}
    db = tmp_path / "archive.db"
    with serve(routes) as base:
        path = registry(folder, base_url=base, discovery={"sitemaps": ["sitemap.xml"]}, allow=["^/nieuws/"])
        stopped = forkcli.run(["crawl", "news", "--sources", "sources.yaml", "--db", str(db), *FAST,
                               "-s", "CLOSESPIDER_ITEMCOUNT=1", "-s", "CONCURRENT_REQUESTS=1"], cwd=folder, timeout=240)
    assert stopped.returncode != 2, stopped.stderr[-3000:]
    [row] = sqlite_utils.Database(db).query("select status, arguments from crawls")
    assert row["status"] == "partial", row
    assert json.loads(row["arguments"])["sources"] == str(Path(path).resolve())
    found = re.search(r"to crawl its window again now, run `([^`]+)`", status(db).stdout)
    assert found, status(db).stdout
    argv = shlex.split(found.group(1))
    parsed = parser().parse_args(argv[1:])
    assert argv[:3] == ["tenderarchive", "crawl", "news"] and parsed.sources == str(Path(path).resolve())
