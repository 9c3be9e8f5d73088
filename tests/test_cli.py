"""The command line: build-demo, status and serve (a real Datasette on loopback)."""

import csv
import re
import io
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.conftest import ROOT, cli
from tests.datasette.archive_fixtures import build_demo, run_dir

CLI = [sys.executable, "-m", "tenderarchive.cli"]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    """``build-demo`` made once per test run (tests/datasette/archive_fixtures.py), copied for this module."""
    return build_demo(tmp_path_factory.mktemp("demo") / "archive.db", run_dir(tmp_path_factory))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_build_demo_replays_the_synthetic_snapshot(demo_db):
    import sqlite_utils

    db = sqlite_utils.Database(demo_db)
    assert db["notices"].count == 13  # 12 from the API crawl, 1 from the OCDS package
    assert all(r["description"].startswith("Synthetische ") for r in db["notices"].rows)  # labelled synthetic
    assert db["articles"].count == 9 and db["articles"].count_where("relevant = 1") == 5
    crawls = list(db["crawls"].rows)
    assert [c["spider"] for c in crawls] == ["tenderned", "tenderned_ocds", "news"]
    assert all(c["status"] == "complete" and "synthetic" in c["note"] for c in crawls)
    assert crawls[0]["requests"] == 0  # replayed from the bundled WARC files, no network
    assert db["procurements"].get("TN160417")["article_count"] == 1  # news joined to the notices


def test_build_demo_names_the_registry_its_news_crawl_read_not_a_temporary_file(demo_db):
    """The demo's news crawl named its registry "/tmp/tmpmj510rw5/sources.yaml" (``crawls.source``,
    ``arguments.sources``): the copy the recording crawled, gone since, on the recording machine. It names the
    bundled registry it was made from, a path of the source tree that exists; no row of the demo names a
    temporary folder."""
    import sqlite_utils

    from tenderarchive.sources import DEMO_REGISTRY

    db = sqlite_utils.Database(demo_db)
    [news] = db.query("select source, arguments from crawls where spider = 'news'")
    assert news["source"] == json.loads(news["arguments"])["sources"] == DEMO_REGISTRY
    assert (ROOT / DEMO_REGISTRY.split(" ")[0]).is_file()
    for crawl in db.query("select * from crawls"):
        assert not any("/tmp" in str(value) for value in crawl.values()), crawl


def test_build_demo_indexes_every_stored_response_once(demo_db):
    """The fetch index of the rebuilt demo holds each response record of the bundled WARC files
    once. The snapshot was recorded before the spider asked an empty list page twice: the replay
    serves that page's record again, and its second fetch row failed the batch's INSERT, so crawl 1
    had no fetch rows at all (the error went to the log; the build said exit 0)."""
    import sqlite_utils
    from importlib import resources

    from warcio.archiveiterator import ArchiveIterator

    db = sqlite_utils.Database(demo_db)
    indexed = {}
    for row in db.query("select warc_file, warc_offset from fetches"):
        indexed.setdefault(row["warc_file"], []).append(row["warc_offset"])
    with resources.as_file(resources.files("tenderarchive") / "snapshot" / "warc") as root:
        files = sorted(root.glob("*.warc.gz"))
        assert len(files) == 3
        for path in files:
            with open(path, "rb") as handle:
                iterator = ArchiveIterator(handle)
                offsets = [iterator.get_record_offset() for record in iterator if record.rec_type == "response"]
            assert offsets and sorted(indexed.get(path.name, [])) == sorted(offsets), path.name
    assert db.execute("select count(*) from fetches where crawl_id = 1").fetchone()[0] > 0


def test_status_lists_the_last_crawls(demo_db):
    out = subprocess.run([*CLI, "status", "--db", str(demo_db)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0
    assert "tenderned" in out.stdout and "complete" in out.stdout
    as_json = json.loads(subprocess.run([*CLI, "status", "--db", str(demo_db), "--json"],
                                        capture_output=True, text=True, timeout=60).stdout)
    assert [c["items_new"] for c in as_json] == [9, 1, 12]  # news, tenderned_ocds, tenderned


def test_status_crawl_shows_one_crawl_however_old_as_the_report_s_hint_says(tmp_path):
    """A report of a crawl of many errors names the first 10, then "`tenderarchive status --errors 25` lists them";
    status showed only the last crawls (10, the health check's 3), so for a crawl older than those (an --unreported
    catch-up, a report by hand of crawl N) the hint listed none of its errors. The hint names the crawl, ``--crawl N``,
    and status shows that crawl alone, however old, with as many errors as asked; a crawl the archive lacks is a bad
    argument naming the crawls it has. Read-only, as ever."""
    import hashlib
    import shlex

    from tenderarchive.store.writes import open_archive
    from tenderarchive.watch.report import build_report
    from tenderarchive.watch.watchlist import load_watchlist

    from datetime import datetime, timezone

    db, now = tmp_path / "archive.db", datetime.now(timezone.utc).isoformat(timespec="seconds")
    archive = open_archive(db)
    errors = [{"url": f"https://www.tenderned.nl/papi/tenderned-rs-tns/v2/publicaties/{300000 + i}",
               "error": f"HTTP 503 (detail of {300000 + i})"} for i in range(25)]
    archive["crawls"].insert({"crawl_id": 1, "spider": "tenderned", "status": "partial", "finish_reason": "finished",
                              "started": now, "finished": now, "error_count": 25, "errors": json.dumps(errors)})
    for crawl_id in range(2, 14):     # later crawls: crawl 1 is not among the last 10
        archive["crawls"].insert({"crawl_id": crawl_id, "spider": "tenderned", "status": "complete",
                                  "finish_reason": "finished", "started": now, "finished": now, "error_count": 0,
                                  "errors": "[]"})
    archive.close()
    (tmp_path / "watchlist.yaml").write_text("- name: Heerlen\n  municipalities: Heerlen\n")
    hint = build_report(db, load_watchlist(tmp_path / "watchlist.yaml"), 1).failures[-1]
    words = shlex.split(re.search(r"`tenderarchive (status [^`]*)`", hint).group(1))
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    out = subprocess.run([*CLI, *words, "--db", str(db)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    table = out.stdout.split("\nsources:\n")[0]
    assert [line.split()[0] for line in table.splitlines()[1:] if not line.startswith("         ")] == ["1"], table
    assert [line.strip() for line in table.splitlines() if line.startswith("         ! ")] == [
        f"! {e['url']}: {e['error']}" for e in errors], table
    as_json = subprocess.run([*CLI, *words, "--db", str(db), "--json"], capture_output=True, text=True, timeout=60)
    assert [c["crawl_id"] for c in json.loads(as_json.stdout)] == [1]
    default = subprocess.run([*CLI, "status", "--db", str(db), "--errors", "25"], capture_output=True, text=True,
                             timeout=60)
    assert "300000" not in default.stdout       # without --crawl: the last 10 crawls, crawl 1 not among them
    missing = subprocess.run([*CLI, "status", "--db", str(db), "--crawl", "14"], capture_output=True, text=True,
                             timeout=60)
    assert missing.returncode == 2 and missing.stdout == "", missing.stdout
    assert f"bad argument --crawl: {db} has no crawl 14: it has crawls 1 to 13" in missing.stderr
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before   # a reader never writes


def test_status_names_the_spiders_as_scrapy_does_without_importing_scrapy(demo_db):
    """status loaded Scrapy's spider list (every spider module, Scrapy, Twisted, the pipelines: 0.3 s idle,
    2 s under load) only to know the spiders' names. It reads them from the spider modules' source: the same
    names as Scrapy's SpiderLoader, and a status run imports neither Scrapy nor a spider module."""
    from scrapy.spiderloader import SpiderLoader

    from tenderarchive.cli import project_settings, spider_names

    assert spider_names() == sorted(SpiderLoader.from_settings(project_settings()).list())
    probe = ("import sys; from tenderarchive.cli import main; code = main(['status', '--db', sys.argv[1]]); "
             "print(sorted(m for m in sys.modules if m.split('.')[0] in ('scrapy', 'twisted', 'pipelines')"
             " or m.startswith('spiders.')))")
    out = subprocess.run([sys.executable, "-c", probe, str(demo_db)], capture_output=True, text=True, cwd=ROOT,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[-1] == "[]", out.stdout.splitlines()[-1]
    assert "tenderned_ocds" in out.stdout and "news" in out.stdout


def test_status_columns_line_up_for_every_spider_name(demo_db):
    """"tenderned_ocds" is longer than the spider column was wide: its row's status, counts and its
    line under "sources:" stood out of line with the others."""
    out = subprocess.run([*CLI, "status", "--db", str(demo_db)], capture_output=True, text=True, timeout=60)
    table, sources = out.stdout.split("\nsources:\n")
    header, *rows = [line for line in table.splitlines() if not line.startswith("         ")]  # not a note under one
    assert len(rows) == 3 and {row.index("complete") for row in rows} == {header.index("status")}
    assert {len(row) for row in rows} == {len(header)}   # the right-aligned counts end under their headings
    lines = [line for line in sources.splitlines() if line.startswith("  ")]
    assert len(lines) == 3 and len({line.index(" ok ") for line in lines}) == 1


def test_status_limit_0_shows_the_sources_health_alone_without_an_empty_table(demo_db):
    """``status --limit 0`` printed the crawl table's header over no rows, as if the table had gone wrong. It says
    no crawls are shown and gives the sources' health and its exit code (5 with a zero age limit: every source
    stale), as a monitoring check asking for the sources alone expects; ``--json`` is an empty list."""
    out = subprocess.run([*CLI, "status", "--db", str(demo_db), "--limit", "0"], capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    assert "crawl  spider" not in out.stdout and "req" not in out.stdout.split("sources:")[0]
    assert out.stdout.startswith("no crawls shown (--limit 0)\n")
    assert "\nsources:\n" in out.stdout and " ok " in out.stdout
    stale = subprocess.run([*CLI, "status", "--db", str(demo_db), "--limit", "0", "--max-age-hours", "0"],
                           capture_output=True, text=True, timeout=60)
    assert stale.returncode == 5 and "no crawls shown" in stale.stdout
    as_json = subprocess.run([*CLI, "status", "--db", str(demo_db), "--limit", "0", "--json"], capture_output=True,
                             text=True, timeout=60)
    assert json.loads(as_json.stdout) == [] and as_json.returncode == 0


def test_status_says_a_rebuilt_crawl_made_no_request_and_when_it_started_in_amsterdam_words(demo_db, tmp_path):
    """The demo's crawls are rebuilt from their WARC files (``reparse``): no request made, their responses read
    from the file. ``status`` showed 0 in the ``req`` column, as of a crawl that asked nothing and got nothing; it
    says what it knows, that the crawl was rebuilt and how many recorded responses it read from which file. Its
    ``started`` was the stored ISO text in UTC ("2026-12-05T11:31:00+00:00"); it reads as a date on Amsterdam's
    clock, as the reports' dates do, and ``--json`` keeps the ISO text. A crawl that made requests shows their
    number, one still running (no count yet) "—", not 0."""
    import shutil
    import sqlite3
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from tenderarchive.change_words import MONTHS

    path = shutil.copy(demo_db, tmp_path / "archive.db")
    with sqlite3.connect(path) as conn:
        conn.execute("update crawls set requests = 64 where spider = 'tenderned_ocds'")   # as if crawled
        conn.execute("update crawls set started = '2026-07-01T22:15:00+00:00' where spider = 'news'")
        conn.execute("insert into crawls (crawl_id, spider, status, started) values "
                     "(4, 'tenderned', 'running', '2026-12-05T11:31:00+00:00')")
        files = dict(conn.execute("select crawl_id, warc_file from crawls where crawl_id < 4"))
        responses = dict(conn.execute("select crawl_id, responses from crawls where crawl_id < 4"))
    conn.close()
    out = subprocess.run([*CLI, "status", "--db", str(path)], capture_output=True, text=True, timeout=60)
    # the archive's path (the commands status names carry its --db) says "rebuilt" in this test's folder name
    lines = out.stdout.split("\nsources:")[0].replace(str(path), "ARCHIVE").splitlines()
    header = lines[0]
    req = header.index("req") + len("req")                       # right-aligned under its heading
    row = {int(line.split()[0]): i for i, line in enumerate(lines) if line[:5].strip().isdigit()}
    assert lines[row[2]][req - 2:req] == "64" and "rebuilt" not in lines[row[2] + 1]
    for crawl_id in (1, 3):
        assert lines[row[crawl_id]][req - 1] == "—", lines[row[crawl_id]]
        assert responses[crawl_id] > 0 and files[crawl_id]
        assert (f"~ rebuilt from its WARC file (no request made): {responses[crawl_id]} recorded responses read "
                f"from {files[crawl_id]}") in "\n".join(lines[row[crawl_id] + 1:row.get(crawl_id - 1, len(lines))])
    assert lines[row[4]][req - 1] == "—" and "rebuilt" not in "\n".join(lines[row[4]:row[3]])
    # 22:15 UTC on 1 July is a quarter past midnight on 2 July in Amsterdam (summer time); 11:31 UTC in December 12:31
    assert " 2 juli 2026 00:15 " in lines[row[3]] and " 5 december 2026 12:31 " in lines[row[4]]
    assert "T" not in lines[row[1]].split("complete")[1].split("—")[0]   # no ISO text left in the column
    demo = sqlite3.connect(demo_db).execute("select started from crawls where crawl_id = 1").fetchone()[0]
    moment = datetime.fromisoformat(demo).astimezone(ZoneInfo("Europe/Amsterdam"))
    assert f" {moment.day} {MONTHS[moment.month - 1]} {moment.year} {moment:%H:%M} " in lines[row[1]]
    as_json = json.loads(subprocess.run([*CLI, "status", "--db", str(path), "--json"],
                                        capture_output=True, text=True, timeout=60).stdout)
    assert as_json[0]["started"] == "2026-12-05T11:31:00+00:00" and as_json[-1]["requests"] == 0


def test_status_whose_reader_stops_early_keeps_its_exit_code_without_a_traceback(demo_db):
    """``tenderarchive status | head -1``: the reader closes the pipe before status writes. It was a
    BrokenPipeError traceback (exit 1); the exit code is the sources' health, as a monitoring check
    reads it: 5 with a zero age limit (every source stale), as when the output is read whole."""
    for extra, code in (([], 0), (["--max-age-hours", "0"], 5), (["--sources-json", "--max-age-hours", "0"], 5)):
        whole = subprocess.run([*CLI, "status", "--db", str(demo_db), *extra], capture_output=True, timeout=60)
        assert whole.returncode == code, whole.stderr
        command = subprocess.Popen([*CLI, "status", "--db", str(demo_db), *extra], cwd=ROOT,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0)
        command.stdout.close()   # closed before the command has started up, so its first write fails
        stderr = command.stderr.read()
        assert command.wait(timeout=60) == code, stderr
        assert b"Traceback" not in stderr and b"BrokenPipe" not in stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("extra", [[], ["--json"]])
def test_status_whose_output_runs_out_of_space_says_so_without_a_traceback(demo_db, extra):
    """``tenderarchive status > /dev/full`` (a full disk, a log file on a full partition) was an ``OSError: [Errno
    28] No space left on device`` traceback, exit 1. It is one line naming standard output and the cause, exit 6
    (``UNUSABLE_FILE``), as ``export`` says of its output."""
    with open("/dev/full", "wb") as full:
        out = subprocess.run([*CLI, "status", "--db", str(demo_db), *extra], stdout=full, stderr=subprocess.PIPE,
                             timeout=60)
    assert out.returncode == 6, out.stderr
    assert b"Traceback" not in out.stderr and b"Exception ignored" not in out.stderr, out.stderr
    assert out.stderr.decode().strip() == ("tenderarchive: status: standard output cannot be written (No space left "
                                           "on device)")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
def test_a_report_whose_output_runs_out_of_space_says_so_not_that_its_mail_failed(demo_db, tmp_path):
    """``tenderarchive report --watchlist … > /dev/full`` said "the report was written but could not be mailed:
    [Errno 28] No space left on device": no mail was asked and no file written, the printing failed. It says that
    (standard output, the cause), exit 6, as a reader that closed the output is told; no report files written."""
    out_dir = tmp_path / "reports"
    with open("/dev/full", "wb") as full:
        out = subprocess.run([*CLI, "report", "--db", str(demo_db), "--watchlist",
                              str(ROOT / "docs" / "watchlist.example.yaml"), "--out", str(out_dir)],
                             stdout=full, stderr=subprocess.PIPE, timeout=60)
    assert out.returncode == 6, out.stderr
    assert b"Traceback" not in out.stderr and b"Exception ignored" not in out.stderr, out.stderr
    assert out.stderr.decode().strip() == ("tenderarchive: the report could not be printed (standard output: No space "
                                           "left on device); no report files written, nothing mailed")
    assert not out_dir.exists() or not any(out_dir.iterdir())


def test_status_says_which_bounds_a_crawl_reached(demo_db, tmp_path):
    """A news crawl that left listing pages unread at the registry's ``max_pages`` is complete, no error; its
    ``crawls`` row records the bound (``bounds``), but ``status``, the journalist's view of the last crawls, showed
    a complete crawl with no sign that part of a site was left unread. It names each bound reached and how often;
    a crawl that reached none gets no such line."""
    import shutil
    import sqlite3

    path = shutil.copy(demo_db, tmp_path / "archive.db")
    with sqlite3.connect(path) as conn:
        conn.execute("""update crawls set bounds = '{"news/listing_bounded": 2, "news/revisit_bounded": 1}' """
                     "where spider = 'news'")
    conn.close()
    out = subprocess.run([*CLI, "status", "--db", str(path)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    news = next(i for i, line in enumerate(lines) if " news " in line)
    assert lines[news + 1] == ("         ~ bounds reached (part of a site left unread, no error): "
                               "news/listing_bounded 2×, news/revisit_bounded 1×")
    assert out.stdout.count("bounds reached") == 1   # the tenderned crawls reached none


def test_status_says_which_procurement_a_crawl_took_out_and_where_its_notices_went(snapshot, serve_api, crawl):
    """TenderNed moved both publications of procedure 243310 to procedure 777001, and the second crawl's derivation
    deleted TN243310: ``status`` listed that crawl's counts alone, nothing of a procurement gone from the archive.
    It says so under the crawl that took it out, from the version kept of it; the first crawl's row says nothing."""
    from tests.test_derive import _renumbered_crawls

    again = _renumbered_crawls(snapshot, serve_api, crawl, moved=(200201, 200288),
                               window={"from_date": "2020-06-15", "until_date": "2021-01-20"})
    out = cli("status", "--db", again.db_path)
    lines = out.stdout.splitlines()
    second = next(i for i, line in enumerate(lines) if line.lstrip().startswith("2 "))
    assert lines[second + 1] == ("         - procurement TN243310 Gemeentelijke toegang Jeugdhulp Leidse Regio is "
                                 "gone: its notices moved to TN777001")
    assert out.stdout.count("is gone") == 1


def test_status_without_an_archive_fails_clearly(tmp_path):
    out = subprocess.run([*CLI, "status", "--db", str(tmp_path / "none.db")], capture_output=True, text=True)
    assert out.returncode == 1 and "no archive" in out.stderr


def test_serve_publishes_the_archive_with_the_metadata(demo_db):
    port = free_port()
    process = subprocess.Popen([*CLI, "serve", "--db", str(demo_db), "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        with urllib.request.urlopen(base + "/archive/notices.json?_shape=array&youth_care=1", timeout=10) as r:
            rows = json.loads(r.read())
        assert len(rows) == 12  # 11 youth-care notices from the API, 1 from the OCDS package
        with urllib.request.urlopen(base + "/-/metadata.json", timeout=10) as r:
            metadata = json.loads(r.read())
        assert "Synthetic demo data" in metadata["description_html"]
        with urllib.request.urlopen(base + "/archive/notices.csv?_size=max", timeout=10) as r:
            rows = list(csv.DictReader(io.StringIO(r.read().decode())))
        assert len(rows) == 13 and {"publication_id", "youth_care_reasons"} <= set(rows[0])
        with urllib.request.urlopen(base + "/", timeout=10) as r:
            assert "youth-care" in r.read().decode()
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_exit_codes_are_defined_once():
    """Commands return ExitCode members (tenderarchive/exitcodes.py), never bare numbers."""
    import re

    from tenderarchive.exitcodes import ExitCode

    assert [(c.name, c.value) for c in ExitCode] == [("COMPLETE", 0), ("FAILED", 1), ("BAD_ARGUMENTS", 2),
                                                     ("PARTIAL", 3), ("LOCKED", 4), ("STALE", 5),
                                                     ("UNUSABLE_FILE", 6)]
    literal = re.compile(r"\breturn [0-6]\b|\bexit\([0-6]\)|\bEXIT_[A-Z_]+\s*=\s*\d|returncode == [0-6]\b")
    modules = ["cli.py", "monitor.py", "export.py", "lock.py", "reparse.py", "readonly.py", "serve.py", "files.py",
               *(f"watch/{p.name}" for p in (ROOT / "tenderarchive" / "watch").glob("*.py"))]
    offenders = [f"{m}:{n}: {line.strip()}" for m in modules
                 for n, line in enumerate((ROOT / "tenderarchive" / m).read_text().splitlines(), 1)
                 if literal.search(line)]
    assert offenders == []


def test_build_demo_never_replaces_a_crawled_archive_nor_one_a_crawl_holds(demo_db, tmp_path):
    # The demo's default path is the crawl's (archive.db): `make demo` beside a crawled archive
    # replaced it, and the next build overwrote the only backup with the demo.
    import shutil

    import sqlite_utils

    from tenderarchive.exitcodes import ExitCode
    from tenderarchive.lock import crawl_lock

    archive = tmp_path / "archive.db"
    shutil.copy(demo_db, archive)
    db = sqlite_utils.Database(archive)
    db["crawls"].insert({"spider": "tenderned", "status": "complete", "note": None, "arguments": "{}"})
    db.close()
    before = archive.read_bytes()
    out = subprocess.run([*CLI, "build-demo", "--db", str(archive)], cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == ExitCode.FAILED and "1 crawl(s) that are not the demo's" in out.stderr, out.stderr
    assert archive.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archive.db", "archive.db.lock"]

    demo = tmp_path / "demo.db"
    shutil.copy(demo_db, demo)
    with crawl_lock(demo, command=["a crawl"]):
        out = subprocess.run([*CLI, "build-demo", "--db", str(demo)], cwd=ROOT, capture_output=True, text=True,
                             timeout=120)
    assert out.returncode == ExitCode.LOCKED and "'a crawl'" in out.stderr, out.stderr
    out = subprocess.run([*CLI, "build-demo", "--db", str(demo)], cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr   # a demo archive is rebuilt as before


def test_build_demo_quiet_prints_nothing_and_its_settings_reach_the_replay(tmp_path):
    """``--quiet`` means warnings and errors only: the lines per crawl and the summary were printed
    anyway (eight of them). ``-s NAME=VALUE`` reaches every replay: ``LOG_FILE`` opens the log file."""
    log = tmp_path / "demo.log"
    out = subprocess.run([*CLI, "build-demo", "--db", str(tmp_path / "demo.db"), "--quiet", "-s", f"LOG_FILE={log}"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stderr == "", out.stderr
    assert log.exists()


@pytest.mark.parametrize("args, words", [
    (["status", "--max-age-hours", "nan"], "--max-age-hours"),     # never stale: a check that never alerts
    (["status", "--max-age-hours", "-5"], "--max-age-hours"),      # always stale
    (["status", "--limit", "-1"], "--limit"),                      # showed all crawls but the last
    (["status", "--errors", "-2"], "--errors"),
    (["serve", "--port", "99999"], "--port"),                      # a uvicorn traceback, exit 1
    (["serve", "--port", "http"], "--port"),
    (["serve", "--setting", "nosuch", "1"], "--setting"),                # was taken silently
    (["serve", "--setting", "max_returned_rows", "abc"], "--setting"),   # every page answered 500
    (["serve", "--setting", "allow_facet", "maybe"], "--setting"),
    # crawl named its options by the spider's arguments, twice: "bad argument sample: bad spider argument
    # 'sample': 'abc' is not a whole number", "… 2027-01-01 is after until_date 2026-12-04" (no --until-date given)
    (["crawl", "--sample", "abc"], "--sample: 'abc' is not a whole number"),
    (["crawl", "news", "--until-date", "2026-13-01"], "--until-date: '2026-13-01' is not a calendar date"),
    (["crawl", "--from-date", "2999-01-01"], "--from-date: 2999-01-01 is after --until-date (default today) "),
    (["crawl", "--from-date", "2021-02-01", "--until-date", "2021-01-01"],
     "--from-date: 2021-02-01 is after --until-date 2021-01-01\n"),
])
def test_bad_numbers_are_bad_arguments_naming_the_argument(demo_db, args, words):
    out = subprocess.run([*CLI, *args, "--db", str(demo_db)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and f"argument {words}" in out.stderr and "Traceback" not in out.stderr, out.stderr
    assert "spider argument" not in out.stderr and "_date" not in out.stderr


def test_serve_on_a_port_in_use_says_so_and_fails(demo_db):
    """uvicorn logged "address already in use" among its start-up lines and exited 3, which is
    PARTIAL in the exit-code table; it is one line naming host and port, and exit 1."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        out = subprocess.run([*CLI, "serve", "--db", str(demo_db), "--port", str(port)], capture_output=True,
                             text=True, timeout=60)
    assert out.returncode == 1, out.stderr
    assert f"cannot serve on 127.0.0.1:{port}: Address already in use" in out.stderr
    assert "Traceback" not in out.stderr and "INFO" not in out.stderr
    # `make demo` on a machine whose 8001 is taken: the way to another port is named, the option and the Makefile's
    assert "--port N" in out.stderr and "make demo PORT=N" in out.stderr, out.stderr
    assert "make demo PORT=" in (ROOT / "README.md").read_text(encoding="utf-8").split("## What is in the archive")[0]


def test_serve_without_an_archive_names_the_commands_that_build_one(tmp_path):
    """It said "run `make archive` or `tenderarchive crawl` first": an installed package (README, `pip
    install .`) has no Makefile, and `make archive` builds archive.db, not the --db asked."""
    missing = tmp_path / "demo.db"
    out = cli("serve", "--db", missing)
    assert out.returncode == 1 and not missing.exists()
    assert out.stderr == (f"tenderarchive: no archive at {missing}; build one first: `tenderarchive build-demo --db "
                          f"{missing}` (the synthetic demo) or `tenderarchive crawl --db {missing}`\n")


def test_serve_with_a_now_that_is_no_moment_says_so_before_serving(demo_db, monkeypatch):
    """TENDERARCHIVE_NOW (the moment the saved searches take for now, docs/operations.md) that is not ISO 8601
    would make every saved search that reads today fail with SQLite's "user-defined function raised exception"."""
    monkeypatch.setenv("TENDERARCHIVE_NOW", "gisteren")
    out = cli("serve", "--db", demo_db, "--port", "1")
    assert out.returncode == 2
    assert out.stderr == ("tenderarchive: TENDERARCHIVE_NOW='gisteren' is not an ISO 8601 date and time "
                          "(YYYY-MM-DDTHH:MM)\n")


def test_serve_and_export_of_an_empty_file_say_there_is_no_archive_not_an_older_one(tmp_path):
    """A file of 0 bytes (or one nothing was written to) was served as "written by an older version of tenderarchive:
    29 saved searches answer with a note", and `export notices` said the archive "has no table notices yet": it holds
    no archive at all, as the message of a missing file says (exit 1)."""
    empty = tmp_path / "archive.db"
    empty.touch()
    with socket.socket() as taken:  # a port in use: were the file served, serve would fail, not block the test
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        served = cli("serve", "--db", empty, "--port", taken.getsockname()[1])
    assert served.returncode == 1 and "older version" not in served.stderr
    assert served.stderr.startswith(f"tenderarchive: no archive at {empty} (an empty file); build one first: ")
    exported = cli("export", "notices", "--db", empty)
    assert exported.returncode == 1 and exported.stdout == ""
    assert exported.stderr == f"tenderarchive export: no archive at {empty} (an empty file)\n"
    assert empty.stat().st_size == 0


def test_every_option_of_every_command_says_what_it_does():
    """``--help`` is a new user's first reading: serve's --db, --host and --port said nothing, and
    crawl's --from-date promised "7 days ago" where an incremental crawl continues from the last
    complete one (README, docs/operations.md "Incremental runs")."""
    import argparse

    from tenderarchive.cli import parser

    commands = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction)).choices
    silent = [f"{name} {action.option_strings[0]}" for name, sub in commands.items() for action in sub._actions
              if action.option_strings and action.help in (None, "") and action.dest != "help"]
    assert silent == []
    from_date = next(a for a in commands["crawl"]._actions if a.dest == "from_date").help
    assert "last complete crawl" in from_date


def test_an_options_help_names_the_commands_arguments_by_the_names_its_usage_shows():
    """``extract --help``'s --url said "when SOURCE is a local file" of an argument its usage calls PATH_OR_URL: a
    reader looked for a SOURCE. An upper-case name an option's help gives before "is"/"are" is a name in the
    command's usage."""
    import argparse

    from tenderarchive.cli import parser

    commands = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction)).choices
    for name, sub in commands.items():
        usage = sub.format_usage()
        for action in sub._actions:
            for named in re.findall(r"\b([A-Z][A-Z_]{2,})\b (?:is|are)\b", action.help or ""):
                assert re.search(rf"\b{named}\b", usage), (name, action.option_strings, named)


def test_every_help_says_what_the_command_does_and_its_exit_codes():
    """A command run from cron or systemd is judged by its exit code, but no ``--help`` said which numbers it
    returns, and a command's own ``--help`` did not say what it does (only the list of ``tenderarchive --help``
    did, whose description was the module docstring's reST, "The ``tenderarchive`` command")."""
    import argparse

    from tenderarchive.cli import parser
    from tenderarchive.exitcodes import ExitCode

    commands = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    helps = {c.dest: c.help for c in commands._choices_actions}
    for argv in ([], *[[name] for name in commands.choices]):
        out = cli(*argv, "--help")
        assert out.returncode == 0 and out.stderr == "", argv
        assert "``" not in out.stdout, argv
        if argv:
            assert " ".join(helps[argv[0]].split()) in " ".join(out.stdout.split()), argv
        for code in ExitCode:
            assert re.search(rf"^  {code.value} {code.name} ", out.stdout, re.M), (argv, code)


def test_report_unreported_says_in_its_help_what_it_reports_from_a_folder_with_no_report(demo_db, tmp_path):
    """``report --help`` said --unreported reports "every crawl after the last one reported in the report folder": on
    the first night of a schedule, a folder with no report yet, a reader expected every crawl of the archive and got
    the last one only (as docs/operations.md says). The help says what such a first run reports, and it does that."""
    import sqlite3

    out = tmp_path / "reports"
    first = cli("report", "--watchlist", ROOT / "docs" / "watchlist.example.yaml", "--db", demo_db, "--unreported",
                "--out", out)
    assert first.returncode == 0, first.stderr
    (last,) = sqlite3.connect(demo_db).execute("select max(crawl_id) from crawls").fetchone()
    assert last > 1 and [p.name for p in out.glob("crawl-*.md")] == [f"crawl-{last}.md"]
    helped = " ".join(cli("report", "--help").stdout.split())
    assert "with none there yet, the last crawl only" in helped


def test_crawl_all_dry_run_passes_replay_on_to_every_spider(tmp_path):
    """``crawl all --dry-run --replay STORE`` ran every spider's dry run against the network (its
    ``--replay`` was left out of the options passed on): with no network, all failed. The bundled
    snapshot's crawls replay complete, each with its own recorded dates (the TenderNed dry run asked
    for the last week, which the snapshot does not hold, and failed)."""
    from tests import forkcli

    store = ROOT / "tenderarchive" / "snapshot" / "warc"
    done = forkcli.run(["crawl", "all", "--dry-run", "--replay", store, "--db", tmp_path / "archive.db"],
                       cwd=ROOT, timeout=240)
    assert "dry runs: news: complete, tenderned: complete, tenderned_ocds: complete" in done.stdout, (
        done.stdout[-2000:] + done.stderr[-3000:])
    assert "DNSLookupError" not in done.stderr and "Connection was refused" not in done.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("setting, words", [
    ("TENDERNED_INCREMENTAL=maybe", "TENDERNED_INCREMENTAL: 'maybe' is not a boolean (true/false"),
    ("ARCHIVE_BATCH_ITEMS=abc", "ARCHIVE_BATCH_ITEMS: 'abc' is not a whole number"),
])
def test_a_bad_setting_is_a_bad_argument_before_the_crawl(tmp_path, setting, words):
    """A boolean or number setting that is none ended in a traceback with exit 1 (the spider's getbool,
    the archive pipeline's getint): one line naming it and what it takes, exit 2, nothing written."""
    out = subprocess.run([*CLI, "crawl", "tenderned", "--db", str(tmp_path / "a.db"), "--api-url",
                          "http://127.0.0.1:9/papi", "-s", setting], capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and "Traceback" not in out.stderr, out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"tenderarchive: bad setting {words}"), lines
    assert not (tmp_path / "a.db").exists()


def test_a_replay_of_a_folder_of_several_crawls_of_the_spider_is_refused(tmp_path):
    """A folder of several recorded crawls of the spider replayed as one crawl, each URL answered by the
    first crawl's response, as of today: it names them and what to give instead (one crawl's file, or
    ``reparse``), exit 2, nothing written. The other spiders' crawls there do not count."""
    import shutil

    store = tmp_path / "warc"
    store.mkdir()
    for path in (ROOT / "tenderarchive" / "snapshot" / "warc").glob("*.warc.gz"):
        shutil.copy(path, store / path.name)
    [tenderned] = store.glob("tenderned-*.warc.gz")
    shutil.copy(tenderned, store / "tenderned-000004-20261202T133547Z.warc.gz")
    out = subprocess.run([*CLI, "crawl", "tenderned", "--db", str(tmp_path / "replay.db"), "--replay", str(store)],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 2, out.stderr[-2000:]
    assert out.stderr.strip().splitlines() == [
        f"tenderarchive: bad argument --replay: {store} holds 2 crawls of tenderned ({tenderned.name}, "
        f"tenderned-000004-20261202T133547Z.warc.gz); a replay repeats one crawl: give its file, or rebuild the "
        f"archive from them all with `tenderarchive reparse --warc {store}`"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["warc"]


def test_a_replay_of_another_spiders_crawl_is_refused(tmp_path):
    """``crawl news --replay`` of a TenderNed crawl's file (or of a folder holding crawls of other spiders only)
    asked every news address of the file, found none, and recorded a failed news crawl with no error in the
    archive, which then made ``status`` report the news source failed. It names the spiders the WARC files
    hold, exit 2, nothing written."""
    import shutil

    store = tmp_path / "warc"
    store.mkdir()
    for path in (ROOT / "tenderarchive" / "snapshot" / "warc").glob("tenderned*.warc.gz"):
        shutil.copy(path, store / path.name)
    [tenderned] = store.glob("tenderned-*.warc.gz")
    for replay in (tenderned, store):
        out = subprocess.run([*CLI, "crawl", "news", "--db", str(tmp_path / "replay.db"), "--replay", str(replay)],
                             capture_output=True, text=True, timeout=60)
        assert out.returncode == 2, out.stderr[-2000:]
        assert out.stderr.strip().splitlines() == [
            f"tenderarchive: bad argument --replay: {replay} holds no crawl of news, only of "
            + ("tenderned" if replay == tenderned else "tenderned, tenderned_ocds")]
        assert sorted(p.name for p in tmp_path.iterdir()) == ["warc"]


def test_a_replay_of_the_folder_of_a_resumed_crawl_and_the_crawl_it_resumed_is_one_crawl(tmp_path):
    """A crawl resumed from ``--jobdir`` and the crawl it resumed are one crawl in two files: the refusal of the
    resuming crawl's file alone asks for "the folder that holds both", and that folder was refused as two crawls
    of the spider (exit 2, nothing replayed). It replays as the resuming crawl, as of its date: the same archive
    as its file. (The resuming file here is synthetic: its warcinfo only, crawl 2 resuming crawl 1.)"""
    import shutil

    import sqlite_utils
    from warcio.archiveiterator import ArchiveIterator
    from warcio.warcwriter import WARCWriter

    store = tmp_path / "warc"
    store.mkdir()
    [original] = (ROOT / "tenderarchive" / "snapshot" / "warc").glob("tenderned-*.warc.gz")
    shutil.copy(original, store / original.name)
    with open(original, "rb") as handle:
        record = next(iter(ArchiveIterator(handle)))
        lines = record.content_stream().read().decode("utf-8").splitlines()
        date = record.rec_headers.get_header("WARC-Date")
    info = dict(line.split(": ", 1) for line in lines if ": " in line)
    info.update(crawl_id="2", resumes="1")
    resuming = store / "tenderned-000002-20261201T140000Z.warc.gz"
    with open(resuming, "wb") as out:
        writer = WARCWriter(out, gzip=True, warc_version="WARC/1.1")
        warcinfo = writer.create_warcinfo_record(resuming.name, info)
        warcinfo.rec_headers.replace_header("WARC-Date", date)
        writer.write_record(warcinfo)

    def replay(path, db):
        return subprocess.run([*CLI, "crawl", "tenderned", "--db", str(db), "--replay", str(path),
                               "--from-date", "2017-01-01", "--until-date", "2022-12-31"],
                              capture_output=True, text=True, timeout=300)

    folder = replay(store, tmp_path / "folder.db")
    assert folder.returncode == 0, folder.stderr[-2000:]
    alone = replay(store / original.name, tmp_path / "file.db")
    assert alone.returncode == 0, alone.stderr[-2000:]
    notices = [sorted(r["publication_id"] for r in sqlite_utils.Database(db)["notices"].rows)
               for db in (tmp_path / "folder.db", tmp_path / "file.db")]
    assert notices[0] and notices[0] == notices[1]


def test_a_replay_of_a_date_bounded_crawl_rebuilds_the_archive_the_crawl_made(snapshot, serve_api, crawl, tmp_path):
    """``crawl --replay FILE`` without dates replays the crawl with its own recorded ``from_date``/``until_date``
    (``reparse`` gives them, ``crawl_plan``): it asked the default window (the whole span up to today), answered by
    no recorded response, and rebuilt another archive than the crawl's. Into a fresh archive it rebuilds the same
    notices and data, and a date given on the command line still wins."""
    from tests import forkcli
    from tests.test_reparse import crawl_outcomes, dump

    server = serve_api(snapshot)
    done = crawl(server.api_url, from_date="2021-10-01", until_date="2021-11-20")
    assert done.crawl["status"] == "complete", done.errors
    server.__exit__(None, None, None)
    [warc] = (tmp_path / "warc").glob("tenderned-*.warc.gz")
    (tmp_path / "replay").mkdir()
    replay = tmp_path / "replay" / "archive.db"
    replayed = forkcli.run(["crawl", "tenderned", "--db", replay, "--replay", warc], cwd=ROOT, timeout=300)
    assert replayed.returncode == 0, replayed.stderr[-3000:]
    assert json.loads(sqlite_utils_row(replay)["arguments"])["from_date"] == "2021-10-01"
    ignore = {"warc_file", "crawl_id"}
    assert [{k: v for k, v in o.items() if k not in ignore} for o in crawl_outcomes(replay)] == \
           [{k: v for k, v in o.items() if k not in ignore} for o in crawl_outcomes(done.db_path)]
    original, rebuilt = dump(done.db_path), dump(replay)
    assert original["notices"] and {t: rows for t, rows in rebuilt.items() if t != "fetches"} == \
           {t: rows for t, rows in original.items() if t != "fetches"}

    narrower = tmp_path / "narrower" / "archive.db"
    narrower.parent.mkdir()
    given = forkcli.run(["crawl", "tenderned", "--db", narrower, "--replay", warc, "--from-date", "2021-11-01"],
                        cwd=ROOT, timeout=300)
    assert json.loads(sqlite_utils_row(narrower)["arguments"])["from_date"] == "2021-11-01", given.stderr[-3000:]


def test_a_replay_of_a_crawl_with_a_profile_rebuilds_the_archive_the_crawl_made(snapshot, serve_api, crawl, tmp_path):
    """``crawl --replay FILE`` without ``--profile`` replays the crawl with the topic profile it recorded, as ``reparse``
    does (``crawl_plan``): a shipped profile by its name, a profile file of the user's from the document the crawl
    recorded (the file may be gone). It ran the default profile (youth_care), whose queries no recorded response
    answered: another archive than the crawl's. A profile given on the command line still wins."""
    from tests import forkcli
    from tests.test_reparse import dump

    own = tmp_path / "own.yaml"
    own.write_text("name: own_search\ndescription: Eigen zoekvraag.\nqueries:\n  search:\n    - jeugdhulp\n"
                   "relevance_from: youth_care\n", encoding="utf-8")
    server = serve_api(snapshot)
    runs = {}
    for profile in ("all", str(own)):
        (tmp_path / f"{len(runs)}").mkdir()
        runs[profile] = crawl(server.api_url, "--profile", profile, from_date="2021-10-01", until_date="2021-11-20",
                              db=tmp_path / f"{len(runs)}" / "archive.db")
        assert runs[profile].crawl["status"] == "complete", runs[profile].errors
    server.__exit__(None, None, None)
    own.unlink()  # the user's file is gone: the crawl recorded it
    for profile, done in runs.items():
        [warc] = (done.db_path.parent / "warc").glob("tenderned-*.warc.gz")
        replay = done.db_path.parent / "replay" / "archive.db"
        replay.parent.mkdir()
        replayed = forkcli.run(["crawl", "tenderned", "--db", replay, "--replay", warc], cwd=ROOT, timeout=300)
        assert replayed.returncode == 0, replayed.stderr[-3000:]
        assert json.loads(sqlite_utils_row(replay)["arguments"])["profile"] == \
               json.loads(done.crawl["arguments"])["profile"] == ("all" if profile == "all" else "own_search")
        original, rebuilt = dump(done.db_path), dump(replay)
        assert original["notices"] and {t: rows for t, rows in rebuilt.items() if t != "fetches"} == \
               {t: rows for t, rows in original.items() if t != "fetches"}

    given = runs["all"].db_path.parent / "given" / "archive.db"
    given.parent.mkdir()
    [warc] = (runs["all"].db_path.parent / "warc").glob("tenderned-*.warc.gz")
    forkcli.run(["crawl", "tenderned", "--db", given, "--replay", warc, "--profile", "youth_care"], cwd=ROOT,
                timeout=300)
    assert json.loads(sqlite_utils_row(given)["arguments"])["profile"] == "youth_care"


def sqlite_utils_row(db_path) -> dict:
    """The last crawl recorded in the archive at ``db_path``."""
    import sqlite_utils

    return next(sqlite_utils.Database(db_path).query("select * from crawls order by crawl_id desc limit 1"))
