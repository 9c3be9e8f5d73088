"""A long backfill can be interrupted (Ctrl-C) and resumed with Scrapy's JOBDIR."""

import json
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import sqlite_utils

from tests.conftest import FAST, ROOT, by_id, make_publication, slowed_publications, wait_for_notices, without_setting
from tests import forkcli

DETAIL = "/papi/tenderned-rs-tns/v2/publicaties/"


def test_an_interrupted_backfill_resumes_where_it_stopped(snapshot, serve_api, tmp_path):
    _interrupted_and_resumed(snapshot, serve_api, tmp_path)


def test_an_archive_built_by_a_resumed_backfill_reparses_to_the_same_archive(snapshot, serve_api, tmp_path):
    """The resumed crawl's WARC file has no list pages (the interrupted crawl fetched them and queued
    what they listed): replayed from start() with its own file alone its list requests went
    unanswered, its notices were never reached, and reparse refused a rebuild of 11 notices where the
    fetch index held 40. Its warcinfo names the crawl it resumes, whose responses its replay can use."""
    from tests.test_reparse import DATA_TABLES

    def rows(db):
        """The data tables, each row without the crawl that wrote it and the crawl that first archived it
        (``first_crawl_id``): where Ctrl-C landed in the first crawl (items it had fetched but not yet
        written) is not in its WARC file, so which of the two crawls wrote a notice can differ (and versions
        of what the second completed with it); a rebuild gives a notice the first run fetched but never wrote
        to that run. Both runs are one crawl (``crawls.arguments`` ``resumes``)."""
        archive = sqlite_utils.Database(db)
        return {t: sorted(repr({k: v for k, v in r.items() if k not in ("crawl_id", "first_crawl_id")})
                          for r in archive.query(f"select * from [{t}]")) for t in DATA_TABLES if t != "versions"}

    db = _interrupted_and_resumed(snapshot, serve_api, tmp_path)
    before = rows(db)
    completed = forkcli.run(["reparse", "--db", db], cwd=ROOT, timeout=300)
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert sqlite_utils.Database(db)["notices"].count == 40
    assert rows(db) == before
    assert [c["status"] for c in sqlite_utils.Database(db)["crawls"].rows] == ["partial", "complete"]



def test_a_rebuilt_resumed_crawl_counts_the_responses_of_its_own_file(snapshot, serve_api, tmp_path):
    """A reparse serves the resumed crawl what its own file lacks (the list pages) from the file of the crawl it
    resumed: its ``responses`` counted those records too (the crawl it resumed had counted them already), while
    ``status`` named its own file alone ("N recorded responses read from <its file>"). Each rebuilt crawl counts the
    records of its own file, as many as the crawl received, and the reparse's line says the others apart."""
    from warcio.archiveiterator import ArchiveIterator

    from tenderarchive.rawstore import read_info, warc_files
    from tests.test_monitor import status

    db = _interrupted_and_resumed(snapshot, serve_api, tmp_path)
    files = {int(read_info(path)["crawl_id"]): path for path in warc_files(tmp_path / "warc")}

    def records(path):
        with open(path, "rb") as handle:
            return sum(record.rec_type == "response" for record in ArchiveIterator(handle))

    completed = forkcli.run(["reparse", "--db", db], cwd=ROOT, timeout=300)
    assert completed.returncode == 0, completed.stderr[-3000:]
    rebuilt = {r["crawl_id"]: r for r in sqlite_utils.Database(db)["crawls"].rows}
    for crawl_id, path in files.items():
        assert (rebuilt[crawl_id]["responses"], rebuilt[crawl_id]["warc_file"]) == (records(path), path.name)
    said = status(db).stdout
    assert f"{records(files[2])} recorded responses read from {files[2].name}" in said, said
    line = next(line for line in completed.stderr.splitlines() if line.startswith("replayed crawl 2:"))
    assert re.search(r" read from the files of the crawls it resumed\)", line), line
    assert line.startswith(f"replayed crawl 2: {records(files[2])} recorded responses read"), line


def test_only_a_crawl_that_did_not_complete_is_named_as_resumed(snapshot, serve_api, tmp_path):
    """Scrapy keeps the spider's state in --jobdir after every crawl, so a third crawl in the same
    folder, after the resumed one completed, named that one as the crawl it resumes: a reparse then
    served it the earlier crawls' responses for what it did not fetch itself."""
    from tenderarchive.rawstore import read_info, warc_files

    db = _interrupted_and_resumed(snapshot, serve_api, tmp_path, again=True)
    infos = [read_info(path) for path in warc_files(tmp_path / "warc")]
    assert [(i["crawl_id"], i.get("resumes")) for i in infos] == [("1", None), ("2", "1"), ("3", None)]
    assert [c["status"] for c in sqlite_utils.Database(db)["crawls"].rows] == ["partial", "complete", "complete"]


def _interrupted_and_resumed(snapshot, serve_api, tmp_path, again=False):
    """A backfill of 40 notices interrupted (Ctrl-C) and resumed with the same --jobdir: the archive
    (``again``: then a third crawl in the same --jobdir)."""
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
    if again:
        # another window: Scrapy's duplicate filter in --jobdir remembers every request of the same one
        later = [("2021-06-30" if a == "2021-05-31" else a) for a in without_setting(command, "CONCURRENT_REQUESTS_PER_DOMAIN")]
        third = forkcli.run_argv(later, cwd=ROOT, timeout=300)
        assert third.returncode == 0, third.stderr[-2000:]
    return db


def test_a_backfill_interrupted_while_paging_a_list_resumes_its_paging(snapshot, serve_api, tmp_path):
    """List pages are asked one after another (each from the page before): a crawl resumed from
    --jobdir reads a later page of a query whose page 0 only the interrupted process read, and
    goes on paging from that page's own totals (it knew no total for it, and stopped there)."""
    template = by_id(snapshot, 700701)
    publications = [make_publication(template, 8000 + i, "2021-05-03", title=f"Jeugdhulp {i}") for i in range(30)]
    query = "publicatieDatumVanaf=2021-05-01&publicatieDatumTot=2021-05-31"
    slow = {f"{DETAIL[:-1]}?page={page}&size=5&{query}": [{"status": 429, "headers": {"Retry-After": "1"}}]
            for page in range(6)}
    server = serve_api(publications, faults=slow, max_size=5)
    db = tmp_path / "archive.db"
    command = [sys.executable, "-m", "tenderarchive.cli", "crawl", "tenderned", "--db", str(db), "--profile", "all",
               "--api-url", server.api_url, "--from-date", "2021-05-01", "--until-date", "2021-05-31",
               "--jobdir", str(tmp_path / "job"), *FAST, "-s", "TENDERNED_INCREMENTAL=False",
               "-s", "TENDERNED_PAGE_SIZE=5", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1"]
    first = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any("page=2&" in p for p in server.api.log):
        time.sleep(0.1)
    assert any("page=2&" in p for p in server.api.log), "the first crawl never reached page 2"  # else not mid-paging
    first.send_signal(signal.SIGINT)
    assert first.wait(timeout=120) == 3
    pages_before = {p for p in server.api.log if p.startswith(f"{DETAIL[:-1]}?")}
    assert not any("page=5&" in p for p in pages_before)
    second = forkcli.run_argv(without_setting(command, "CONCURRENT_REQUESTS_PER_DOMAIN"), cwd=ROOT, timeout=300)
    assert second.returncode == 0, second.stderr[-2000:]
    assert sqlite_utils.Database(db)["notices"].count == 30


def test_the_file_of_a_resumed_crawl_replays_with_the_file_of_the_crawl_it_resumed(snapshot, serve_api, tmp_path):
    """``crawl --replay FILE`` of the resumed crawl's file: its list pages are in the interrupted
    crawl's file (that crawl fetched them and queued what they listed), so replayed alone from
    ``start()`` its list requests went unanswered and it archived none of its notices. It finds that
    file in the folder, by its warcinfo, as ``reparse`` does; where the folder lacks it, the replay
    is refused (exit 2) naming the crawl whose file is missing, and nothing is written."""
    import shutil

    from tenderarchive.rawstore import read_info, warc_files

    _interrupted_and_resumed(snapshot, serve_api, tmp_path)
    files = {read_info(path)["crawl_id"]: path for path in warc_files(tmp_path / "warc")}
    assert read_info(files["2"]).get("resumes") == "1"
    settings = read_info(files["2"])["settings"]

    def replay(path, db):
        return forkcli.run(["crawl", "tenderned", "--db", db, "--replay", path, "--api-url", settings["TENDERNED_API_URL"],
                            "--from-date", "2021-05-01", "--until-date", "2021-05-31", *FAST,
                            "-s", "TENDERNED_INCREMENTAL=False"], cwd=ROOT, timeout=300)

    (tmp_path / "alone").mkdir()
    alone = Path(shutil.copy(files["2"], tmp_path / "alone"))
    refused = replay(alone, tmp_path / "alone.db")
    assert refused.returncode == 2, refused.stderr[-3000:]
    assert f"{alone.name} is a crawl that resumed crawl 1 (--jobdir)" in refused.stderr
    assert str(tmp_path / "alone") in refused.stderr and "WARC_REPLAY_RESUMED" in refused.stderr
    assert not (tmp_path / "alone.db").exists()

    replayed = replay(files["2"], tmp_path / "replayed.db")
    assert replayed.returncode == 0, replayed.stderr[-3000:]
    assert sqlite_utils.Database(tmp_path / "replayed.db")["notices"].count == 40

    # reparse --warc FILE (one crawl's file) likewise
    refused = forkcli.run(["reparse", "--db", tmp_path / "alone.db", "--warc", alone], cwd=ROOT, timeout=300)
    assert refused.returncode == 1 and "resumed crawl 1 (--jobdir)" in refused.stderr, refused.stderr[-3000:]
    assert not (tmp_path / "alone.db").exists()
    rebuilt = forkcli.run(["reparse", "--db", tmp_path / "rebuilt.db", "--warc", files["2"]], cwd=ROOT, timeout=300)
    assert rebuilt.returncode == 0, rebuilt.stderr[-3000:]
    assert sqlite_utils.Database(tmp_path / "rebuilt.db")["notices"].count == 40


def test_a_backfill_killed_in_a_job_folder_is_crawled_again_whole_by_the_next_run(snapshot, serve_api, tmp_path):
    """A crawl in a --jobdir killed (SIGKILL: the out-of-memory killer, a reboot, a second Ctrl-C) never writes its
    queue's state (Scrapy writes ``requests.queue/active.json`` only when the crawl closes), but its duplicate filter
    (``requests.seen``) has already kept the requests it queued. Run again with the same --jobdir, the crawl resumed no
    queue (it is lost) while its filter dropped every list page and every queued detail as asked before: it ended
    ``complete``, exit 0, and the notices that were queued when the crawl was killed were never archived (none of the
    next incremental runs lists their days again). The folder of a crawl that did not close is set aside, and the run
    starts afresh: it lists the window again."""
    publications, slow = slowed_publications(snapshot, 6000, 120, "2021-05")
    server = serve_api(publications, faults=slow)
    db, job = tmp_path / "archive.db", tmp_path / "job"
    command = [sys.executable, "-m", "tenderarchive.cli", "crawl", "tenderned", "--db", str(db),
               "--api-url", server.api_url, "--from-date", "2021-05-01", "--until-date", "2021-05-31",
               "--jobdir", str(job), *FAST, "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1", "-s", "ARCHIVE_BATCH_ITEMS=1"]
    first = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen = job / "requests.seen"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and not (seen.is_file() and seen.stat().st_size):
        time.sleep(0.1)
    wait_for_notices(db, 3)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=60)
    assert seen.stat().st_size, "the duplicate filter kept nothing before the kill"
    assert not (job / "requests.queue" / "active.json").exists()  # killed: its queue's state never written
    archived_before = sqlite_utils.Database(db)["notices"].count
    assert 3 <= archived_before < 120

    # status names the killed crawl's own command (it said "the next crawl fetches what it left"): run with the job
    # folder, the API address and the test's settings, it is the rerun
    said = forkcli.run(["status", "--db", db], cwd=ROOT, timeout=120)
    again = re.search(r"run `tenderarchive (crawl [^`]+)` \(with the --jobdir it had", said.stdout)
    assert again, said.stdout
    import shlex

    rerun = [*shlex.split(again.group(1)), "--db", db, "--api-url", server.api_url, "--jobdir", job, *FAST,
             "-s", "ARCHIVE_BATCH_ITEMS=1"]
    server.api.faults.clear()
    second = forkcli.run(rerun, cwd=ROOT, timeout=300)
    assert second.returncode == 0, second.stderr[-2000:]
    assert sqlite_utils.Database(db)["notices"].count == 120
    assert "did not close" in second.stderr
    assert [p.name for p in job.glob("unclosed-*/requests.seen")] == ["requests.seen"]  # set aside, not deleted

    # a crawl stopped with Ctrl-C closes: the next run in the folder still resumes it (nothing set aside again)
    third = forkcli.run_argv(without_setting(command, "CONCURRENT_REQUESTS_PER_DOMAIN"), cwd=ROOT, timeout=300)
    assert "did not close" not in third.stderr
    assert len(list(job.glob("unclosed-*"))) == 1
    assert not (job / "tenderarchive.running").exists()  # closed: the mark is gone


def test_a_crawl_refused_for_a_bad_setting_leaves_its_job_folder_resumable(serve_api, snapshot, tmp_path):
    """A crawl refused before it opens (a bad setting) marks nothing in its job folder: the next run there (the
    queue a Ctrl-C kept) is not taken for the run after a killed crawl and set aside."""
    job = tmp_path / "job"
    job.mkdir()
    (job / "requests.seen").write_text("0" * 40 + "\n")
    command = ["crawl", "tenderned", "--db", str(tmp_path / "archive.db"), "--api-url", serve_api(snapshot).api_url,
               "--from-date", "2021-05-01", "--until-date", "2021-05-31", "--jobdir", str(job), *FAST,
               "-s", "TENDERNED_PAGE_SIZE=500"]
    refused = forkcli.run(command, cwd=ROOT, timeout=120)
    assert refused.returncode != 0 and "TENDERNED_PAGE_SIZE" in refused.stderr, refused.stderr[-2000:]
    assert sorted(p.name for p in job.iterdir()) == ["requests.seen"]


def test_a_crawl_resumed_after_its_host_was_given_up_asks_the_requests_it_skipped(snapshot, serve_api, tmp_path):
    """The API's host refuses every connection mid-crawl: the crawl gives it up (``UnreachableHostMiddleware``, one
    error for the host) and skips the rest of its requests, queued or in flight, no error each. Scrapy's duplicate
    filter in --jobdir remembered them all: the crawl resumed there, the host back, asked none of them (its queue
    was empty, the window's list filtered as asked before), and the notices they led to were lost until the window
    was listed again. The requests not asked are kept in the job folder and asked by the crawl that resumes it;
    the host's error says how many were left."""
    from tenderarchive.apiserver import APIServer

    publications, slow = slowed_publications(snapshot, 6000, 30, "2021-05")
    server = serve_api(publications, faults=slow)
    port = server.httpd.server_address[1]
    db = tmp_path / "archive.db"
    command = [sys.executable, "-m", "tenderarchive.cli", "crawl", "tenderned", "--db", str(db),
               "--api-url", server.api_url, "--from-date", "2021-05-01", "--until-date", "2021-05-31",
               "--jobdir", str(tmp_path / "job"), *FAST, "-s", "TENDERNED_INCREMENTAL=False",
               "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1", "-s", "ARCHIVE_BATCH_ITEMS=1"]
    first = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wait_for_notices(db, 3)
    server.__exit__(None, None, None)  # the host refuses every connection from now on
    _, stderr = first.communicate(timeout=180)
    assert first.returncode != 0, stderr[-2000:]
    archive = sqlite_utils.Database(db)
    assert 3 <= archive["notices"].count < 30
    errors = json.loads(next(archive.query("select errors from crawls order by crawl_id"))["errors"])
    (host,) = [e for e in errors if " unreachable: " in e["error"]]
    left = int(re.search(r"\((\d+) not asked\b", host["error"]).group(1))
    assert left >= 1, host

    back = APIServer(server.api, port=port).__enter__()  # the host is back, at the same address
    try:
        server.api.faults.clear()
        second = forkcli.run_argv(without_setting(command, "CONCURRENT_REQUESTS_PER_DOMAIN"), cwd=ROOT, timeout=300)
    finally:
        back.__exit__(None, None, None)
    assert second.returncode == 0, second.stderr[-3000:]
    assert sqlite_utils.Database(db)["notices"].count == 30
    assert not (tmp_path / "job" / "requests.not_asked").exists()  # asked: a third crawl asks them not again
