"""`tenderarchive reparse` rebuilds the archive from the WARC store alone (crawls of 2xx responses
fed straight to the callbacks, the others through Scrapy's engine: both checked), and a killed
crawl leaves a store and an archive that the next run completes."""

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys

import sqlite_utils

from tenderarchive.store.facet_counts import COUNTED
from tenderarchive.store.schema import TABLES
from tenderarchive.rawstore import warc_files
from tests.conftest import FAST, ROOT, by_id, slowed_publications, wait_for_notices, without_setting
from tests.fixtures.news.serve import serve_sites
from tests.spiders.test_news import crawl_news, write_registry
from tests import forkcli

DATA_TABLES = [t for t in TABLES if t != "crawls"]


def dump(db_path):
    db = sqlite_utils.Database(db_path)
    return {t: sorted(map(repr, db.query(f"select * from [{t}]"))) for t in DATA_TABLES + ["versions"]}


def crawl_outcomes(db_path):
    return list(sqlite_utils.Database(db_path).query(
        "select crawl_id, spider, status, responses, items_new, items_updated, items_unchanged, items_dropped, "
        "expected_rows, fetched_rows, error_count, warc_file from crawls order by crawl_id"))


def crawl_times(db_path):
    return [(r["started"], r["finished"]) for r in sqlite_utils.Database(db_path).query(
        "select started, finished from crawls order by crawl_id")]


def facet_counts_of(db) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("select table_name, column_name, value, n from facet_counts "
                            "order by table_name, column_name, value").fetchall()
    finally:
        conn.close()


def schema_of(db_path) -> tuple[int, list[tuple]]:
    """The archive's user_version (schema fingerprint) and every table, index, view and trigger."""
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0], conn.execute(
            "select type, name, tbl_name, sql from sqlite_master order by type, name").fetchall()
    finally:
        conn.close()


def test_crawls_then_reparse_without_any_server_give_the_same_archive(snapshot, serve_api, crawl, tmp_path):
    server = serve_api(snapshot)
    db = tmp_path / "archive.db"
    assert crawl(server.api_url, db=db).returncode == 0
    moved = by_id(server.api.publications, 100101)
    moved["detail"]["sluitingsDatum"] = "2018-07-13T12:00:00"  # a change, so versions exist too
    # A 429 (then its retry) recorded in the second crawl only: that crawl replays through Scrapy's
    # engine, the other two straight through the callbacks (tenderarchive/replay/direct.py).
    server.api.faults["/papi/tenderned-rs-tns/v2/publicaties/100101"].append(
        {"status": 429, "headers": {"Retry-After": "0"}})
    assert crawl(server.api_url, "-s", "TENDERNED_INCREMENTAL=False", db=db).returncode == 0
    with serve_sites() as base_urls:
        assert crawl_news(write_registry(tmp_path, base_urls), db).returncode == 0
    server.__exit__(None, None, None)  # no server runs from here on
    before = dump(db)
    outcomes = crawl_outcomes(db)
    times = crawl_times(db)
    counts = facet_counts_of(db)
    schema = schema_of(db)
    assert before["articles"] and before["versions"] and before["fetches"] and counts
    assert any("'status': 429" in row for row in before["fetches"])

    completed = forkcli.run(["reparse", "--db", db], cwd=ROOT, timeout=300)
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert dump(db) == before
    assert crawl_outcomes(db) == outcomes  # the same statuses and counts (dropped items, errors) per crawl
    # every index too: those the rebuild left out while it wrote the first crawl's items are created
    # before that crawl's derivation (schema.start_bulk / finish_bulk)
    assert schema_of(db) == schema
    # built with its journal in memory (store.writes.BULK_JOURNAL), swapped in as a WAL archive, as crawled
    assert sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    # and when each crawl ran (its first and last recorded response), not when it was rebuilt: else
    # `status` took a rebuilt archive for freshly crawled
    for (started, finished), (rebuilt_started, rebuilt_finished) in zip(times, crawl_times(db), strict=True):
        assert started <= rebuilt_started <= rebuilt_finished <= finished
    # the facet counts, counted once after the replay (no triggers while it ran), are the crawl's,
    # and the triggers are back for the next crawl
    assert facet_counts_of(db) == counts
    assert {name for (name,) in sqlite3.connect(db).execute(
        "select name from sqlite_master where type = 'trigger' and name like 'facet_counts_%'")} == {
        f"facet_counts_{t}_{e}" for t in COUNTED for e in ("insert", "delete", "update")}
    how = re.findall(r"^reparsed crawl (\d+) \(\w+, \S+, (\w+)\): exit 0$", completed.stderr, re.M)
    assert how == [("1", "direct"), ("2", "engine"), ("3", "direct")], completed.stderr[-3000:]
    assert (tmp_path / "archive.db.before-reparse").exists()
    crawls = list(sqlite_utils.Database(db)["crawls"].rows)
    assert [c["crawl_id"] for c in crawls] == [1, 2, 3]

    # the same archive with the item pipelines in a worker process (reparse --jobs 2, issue 14)
    jobs = forkcli.run(["reparse", "--db", db, "--jobs", "2"], cwd=ROOT, timeout=300)
    assert jobs.returncode == 0, jobs.stderr[-3000:]
    assert "PlacesPipeline (workers)" in jobs.stderr and "AnalysePipeline (workers)" in jobs.stderr
    assert dump(db) == before
    assert crawl_outcomes(db) == outcomes
    assert facet_counts_of(db) == counts


def test_a_crawl_killed_with_sigkill_is_completed_by_the_next_run(snapshot, serve_api, tmp_path):
    publications, faults = slowed_publications(snapshot, 5000, 60, "2021-04")  # the kill lands mid-crawl
    server = serve_api(publications, faults=faults)
    db = tmp_path / "archive.db"
    command = [sys.executable, "-m", "tenderarchive.cli", "crawl", "tenderned", "--db", str(db),
               "--api-url", server.api_url, "--from-date", "2021-04-01", "--until-date", "2021-04-30", *FAST,
               "-s", "TENDERNED_FILTER_CHECK_MIN=1000",  # every row here is youth care
               "-s", "ARCHIVE_BATCH_ITEMS=1", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1"]  # the kill lands mid-crawl
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for_notices(db, 5)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    assert sqlite_utils.Database(db)["notices"].count < 60  # it really was cut short

    server.api.faults.clear()  # the server is healthy again: the rerun is not slowed
    again = forkcli.run_argv(without_setting(command, "CONCURRENT_REQUESTS_PER_DOMAIN"), cwd=ROOT, timeout=300)
    assert again.returncode == 0, again.stderr[-2000:]
    archive = sqlite_utils.Database(db)
    assert archive.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert archive["notices"].count == 60  # every page fetched
    assert archive.execute("select count(*) from (select publication_id from notices group by 1 having count(*) > 1)"
                           ).fetchone()[0] == 0
    first, second = list(archive.query("select * from crawls order by crawl_id"))
    assert first["status"] == "failed" and first["finish_reason"] == "killed"
    assert second["status"] == "complete"
    from warcio.archiveiterator import ArchiveIterator
    for path in warc_files(tmp_path / "warc"):
        with open(path, "rb") as handle:
            assert sum(1 for _ in ArchiveIterator(handle)) > 1  # readable to the end


def test_a_reparse_of_one_named_warc_file_names_it_for_the_next_reparse(tmp_path):
    """``reparse --warc warc/FILE`` (one crawl's file) recorded ``crawls.warc_file`` as ``.`` (the
    file named relative to itself), so the next plain ``reparse`` took the file for another
    archive's and refused: exit 1. The file is named from the folder that holds it."""
    import shutil

    store = tmp_path / "warc"
    store.mkdir()
    source = sorted((ROOT / "tenderarchive" / "snapshot" / "warc").glob("tenderned-*.warc.gz"))[0]
    shutil.copyfile(source, store / source.name)
    db = tmp_path / "archive.db"
    first = forkcli.run(["reparse", "--db", db, "--warc", store / source.name], cwd=ROOT, timeout=300)
    assert first.returncode == 0, first.stderr[-3000:]
    named = [r[0] for r in sqlite3.connect(db).execute("select warc_file from crawls")]
    assert named == [source.name]
    before = dump(db)
    again = forkcli.run(["reparse", "--db", db], cwd=ROOT, timeout=300)
    assert again.returncode == 0, again.stderr[-3000:]
    assert dump(db) == before


def test_a_reparse_keeps_the_notice_and_site_urls_the_crawl_used(snapshot, serve_api, crawl, tmp_path):
    """Every source URL setting a crawl used is in its warcinfo, so a reparse rebuilds what it built:
    TENDERNED_NOTICE_URL and TENDERNED_SITE_URL (the notices' links, the documents' and PDFs' downloads)
    were not, and a reparse of a crawl of a mirror rewrote every link to www.tenderned.nl."""
    from tenderarchive import settings as project
    from tenderarchive.rawstore import read_info

    server = serve_api(snapshot)
    db = tmp_path / "archive.db"
    mirror = ["-s", "TENDERNED_NOTICE_URL=https://mirror.example/notice/{id}",
              "-s", "TENDERNED_SITE_URL=https://mirror.example"]
    assert crawl(server.api_url, *mirror, db=db).returncode == 0
    server.__exit__(None, None, None)
    [path] = warc_files(tmp_path / "warc")
    assert read_info(path)["settings"]["TENDERNED_SITE_URL"] == "https://mirror.example"
    links = "select publication_id, url, pdf_url from notices union all select document_id, download_url, null " \
            "from documents order by 1, 2"
    before = list(sqlite_utils.Database(db).query(links))
    assert before and all(row["url"].startswith("https://mirror.example/") for row in before)
    completed = forkcli.run(["reparse", "--db", db], cwd=ROOT, timeout=300)
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert list(sqlite_utils.Database(db).query(links)) == before
    # and any source URL setting added later
    assert {name for name in vars(project) if name.startswith(("TENDERNED_", "NEWS_")) and name.endswith("_URL")} \
        <= set(project.WARC_INFO_SETTINGS)


def test_a_crawl_that_recorded_no_warc_file_survives_a_reparse(snapshot, serve_api, crawl, tmp_path):
    """A crawl that got no response (the network down) wrote no WARC file: `crawls.warc_file` is
    NULL, status failed. Nothing replays it, and the rebuild lost its row: `status` exited 0, and the
    next crawl no longer listed its window. The rebuild keeps it under its id."""
    from tenderarchive.exitcodes import ExitCode
    from tenderarchive.store.queries import unfinished_crawls
    from tests.test_monitor import closed_port, status

    db = tmp_path / "archive.db"
    assert crawl(serve_api(snapshot).api_url, db=db).returncode == 0
    failed = crawl(f"http://127.0.0.1:{closed_port()}/papi/tenderned-rs-tns/v2", "-s", "RETRY_TIMES=0",
                   from_date="2023-01-01", until_date="2023-06-30", db=db)
    assert failed.returncode == 1 and failed.crawl["warc_file"] is None
    before = list(sqlite_utils.Database(db).query("select * from crawls where crawl_id = 2"))
    assert status(db).returncode == ExitCode.STALE
    window = [a["from_date"] for a in unfinished_crawls(db, "tenderned")]
    assert window == ["2023-01-01"]

    completed = forkcli.run(["reparse", "--db", db], cwd=ROOT, timeout=300)
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert [c["crawl_id"] for c in sqlite_utils.Database(db)["crawls"].rows] == [1, 2]
    assert list(sqlite_utils.Database(db).query("select * from crawls where crawl_id = 2")) == before
    assert status(db).returncode == ExitCode.STALE
    assert [a["from_date"] for a in unfinished_crawls(db, "tenderned")] == window
    again = forkcli.run(["reparse", "--db", db], cwd=ROOT, timeout=300)   # and the next reparse keeps it too
    assert again.returncode == 0 and [c["crawl_id"] for c in sqlite_utils.Database(db)["crawls"].rows] == [1, 2]


def test_a_crawl_stopped_before_it_ended_is_rebuilt_stopped_and_the_next_run_asks_what_it_left(serve_api, crawl,
                                                                                                tmp_path):
    """A crawl stopped before it ended (here ``CLOSESPIDER_ITEMCOUNT``; a SIGTERM's ``shutdown``, the memory limit
    alike) is ``partial``, and the next incremental run reaches back to its window. Its WARC file holds every response
    it got and nothing after, so its replay ended ``finished``: a reparse rebuilt it ``complete``, and the next run,
    continuing from it, never asked the notices the stop left on the window's past days. The rebuild keeps the crawl's
    close reason (from the archive rebuilt). SYNTHETIC: 60 copies of a snapshot notice on one day of a month's
    window."""
    from tenderarchive.apiserver import load_publications
    from tenderarchive.store.queries import unfinished_crawls
    from tests.conftest import make_publication

    template = by_id(load_publications(), 200201)
    server = serve_api([make_publication(template, 5000 + i, "2021-03-02", title=f"Jeugdhulp {i}") for i in range(60)])
    db = tmp_path / "archive.db"
    stopped = crawl(server.api_url, "-s", "CLOSESPIDER_ITEMCOUNT=5", from_date="2021-03-01", until_date="2021-03-31",
                    db=db)
    assert (stopped.crawl["status"], stopped.crawl["finish_reason"]) == ("partial", "closespider_itemcount")
    assert stopped.db["notices"].count < 60

    completed = forkcli.run(["reparse", "--db", db], cwd=ROOT, timeout=300)
    assert completed.returncode == 0, completed.stderr[-3000:]
    rebuilt = next(sqlite_utils.Database(db).query("select * from crawls where crawl_id = 1"))
    assert (rebuilt["status"], rebuilt["finish_reason"]) == ("partial", "closespider_itemcount")
    assert [a["from_date"] for a in unfinished_crawls(db, "tenderned")] == ["2021-03-01"]

    again = crawl(server.api_url, from_date=None, until_date=None, db=db)  # incremental: from the crawls before
    assert again.returncode == 0, again.output
    assert again.db["notices"].count == 60


def test_a_crawl_that_retried_a_200_that_was_no_json_reparses_to_the_same_archive(snapshot, serve_api, crawl,
                                                                                   tmp_path):
    """A detail answered once with truncated JSON (200) and once more, retried: the crawl read the second
    answer. Its WARC holds only 2xx responses, so it was replayed straight through the callbacks, which fed
    the truncated one to the spider: the rebuilt archive lacked the notice and its crawl was partial."""
    path = "/papi/tenderned-rs-tns/v2/publicaties/400401"
    server = serve_api(snapshot, faults={path: [{"status": 200, "body": '{"publicatieId": 400401, "kenm'}]})
    db = tmp_path / "archive.db"
    assert crawl(server.api_url, db=db).returncode == 0
    server.__exit__(None, None, None)
    before, outcomes = dump(db), crawl_outcomes(db)
    assert sqlite_utils.Database(db)["notices"].get(400401)
    completed = forkcli.run(["reparse", "--db", db], cwd=ROOT, timeout=300)
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert re.findall(r"^reparsed crawl 1 \(\w+, \S+, (\w+)\): exit 0$", completed.stderr, re.M) == ["engine"]
    assert dump(db) == before and crawl_outcomes(db) == outcomes


def test_a_reparse_loads_only_the_modules_of_the_spiders_its_crawls_ran(tmp_path, monkeypatch):
    """Scrapy's loader over the narrowed SPIDER_MODULES finds each spider the full loader finds, as the
    same class, and nothing else (issue 14: the full loader imported every spider module); where a name
    is not found that way (a spider in a module named otherwise, an unknown name) the full modules stay."""
    from scrapy.spiderloader import SpiderLoader

    from tenderarchive.cli import project_settings
    from tenderarchive.reparse import with_spider_modules_of

    base = project_settings(quiet=True)
    full = SpiderLoader.from_settings(base.frozencopy())
    assert full.list()
    for name in full.list():
        narrowed = with_spider_modules_of(base, {name})
        assert narrowed.getlist("SPIDER_MODULES") != base.getlist("SPIDER_MODULES")
        loader = SpiderLoader.from_settings(narrowed.frozencopy())
        assert loader.list() == [name]
        assert loader.load(name) is full.load(name)
    both = with_spider_modules_of(base, set(full.list()[:2]))
    assert sorted(SpiderLoader.from_settings(both.frozencopy()).list()) == sorted(full.list()[:2])
    for names in ({"no_such_spider"}, {full.list()[0], "no_such_spider"}, set(), {None}):
        assert with_spider_modules_of(base, names).getlist("SPIDER_MODULES") == base.getlist("SPIDER_MODULES")

    # a project whose spider's module is not named after it: Scrapy's full loader, as before
    package = tmp_path / "otherspiders"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "crawler_module.py").write_text(  # synthetic
        "import scrapy\n\nclass Renamed(scrapy.Spider):\n    name = 'renamed'\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    other = project_settings(quiet=True)
    other.set("SPIDER_MODULES", ["otherspiders"], priority="cmdline")
    kept = with_spider_modules_of(other, {"renamed"})
    assert kept.getlist("SPIDER_MODULES") == ["otherspiders"]
    assert SpiderLoader.from_settings(kept.frozencopy()).load("renamed").__module__ == "otherspiders.crawler_module"


def test_a_reparse_keeps_a_site_crawl_a_site_crawl(tmp_path):
    """``crawl news --site heerlen`` is a crawl of a few sources, not of the source: the next run does not continue
    from it, and ``status`` and ``freshness`` do not count it (README, spider arguments). A reparse replayed it
    without its ``site``: a crawl of the whole registry, every other site's pages missing from the WARC file and
    the crawl counted as the source's last. It keeps its arguments, its outcome and its sites; and the registry it
    read is named as the crawl named it, not as the reparse's temporary file (gone once it ended)."""
    db = tmp_path / "archive.db"
    with serve_sites() as base_urls:
        first = crawl_news(write_registry(tmp_path, base_urls), db, "--site", "heerlen")
        assert first.returncode == 0, first.stderr[-3000:]
    query = "select source, arguments, status, error_count, items_new from crawls order by crawl_id"
    before, articles = list(sqlite_utils.Database(db).query(query)), dump(db)["articles"]
    assert '"site": "heerlen"' in before[0]["arguments"] and articles
    completed = forkcli.run(["reparse", "--db", db], cwd=ROOT, timeout=300)
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert list(sqlite_utils.Database(db).query(query)) == before
    assert before[0]["source"] == json.loads(before[0]["arguments"])["sources"] == str(tmp_path / "sources.yaml")
    assert dump(db)["articles"] == articles


def _recorded_before_asking_again(snapshot, serve_api, crawl, tmp_path, not_asked: int = 0):
    """A loopback crawl's archive and its WARC file rewritten as a spider that asked each confirmed empty list page
    once recorded it (``confirm_empty``; the demo's snapshot), and ``not_asked`` records of a URL no request asks
    appended: (db, path, records kept of the crawl's, the URLs the replay asks twice)."""
    import io

    from warcio.archiveiterator import ArchiveIterator
    from warcio.warcwriter import WARCWriter

    db = tmp_path / "archive.db"
    done = crawl(serve_api(snapshot).api_url, db=db)
    assert done.returncode == 0, done.output
    [path] = warc_files(tmp_path / "warc")
    kept, seen, asked_again = 0, set(), set()
    rewritten = path.with_name("rewritten.tmp")
    with open(path, "rb") as source, open(rewritten, "wb") as out:
        writer = WARCWriter(out, gzip=True, warc_version="WARC/1.1")
        last = None
        for record in ArchiveIterator(source):
            url = record.rec_headers.get_header("WARC-Target-URI")
            if record.rec_type == "response":
                if url in seen:
                    asked_again.add(url)
                    continue
                seen.add(url)
                kept += 1
                last = record
            writer.write_record(record)
        for n in range(not_asked):  # a page no request of the replay asks for (a link the spider no longer follows)
            writer.write_record(writer.create_warc_record(
                f"http://127.0.0.1:9/niet-gevraagd/{n}", "response", payload=io.BytesIO(b"{}"),
                http_headers=last.http_headers))
    rewritten.replace(path)
    assert asked_again and kept > len(asked_again)   # the replay asks these twice, the file answers each once
    return db, path, kept, asked_again


def test_a_rebuilt_crawl_counts_the_records_it_read_not_the_requests_they_answered(snapshot, serve_api, crawl, tmp_path):
    """A replay answers a request asked again by the URL's last recorded response again (``ReplayMiddleware``).
    A crawl recorded before its spider asked an empty list page twice (``confirm_empty``; the demo's snapshot) is
    rebuilt by a spider that does: the crawl's ``responses`` counted every answer, and ``status`` said "61 recorded
    responses read from tenderned-000001-….warc.gz" of a file of 54 records (54 rows in ``fetches``). It counts the
    records read, for a reparse and for ``crawl --replay``. The WARC here is a loopback crawl's, each empty page's
    second answer left out, as the older spider recorded it."""
    from tests.test_monitor import status

    db, path, kept, _ = _recorded_before_asking_again(snapshot, serve_api, crawl, tmp_path)
    completed = forkcli.run(["reparse", "--db", db], cwd=ROOT, timeout=300)
    assert completed.returncode == 0, completed.stderr[-3000:]
    rebuilt = sqlite_utils.Database(db)
    row = next(rebuilt.query("select requests, responses, warc_file from crawls where crawl_id = 1"))
    assert (row["requests"], row["responses"], row["warc_file"]) == (0, kept, path.name)
    assert rebuilt["fetches"].count == kept
    said = status(db)
    assert f"~ rebuilt from its WARC file (no request made): {kept} recorded responses read from {path.name}" \
        in said.stdout, said.stdout

    replayed = tmp_path / "replayed.db"
    again = forkcli.run(["crawl", "tenderned", "--db", replayed, "--replay", path, "--from-date", "2017-01-01",
                         "--until-date", "2022-12-31"], cwd=ROOT, timeout=300)
    assert again.returncode == 0, again.stderr[-3000:]
    assert next(sqlite_utils.Database(replayed).query("select responses from crawls"))["responses"] == kept


def test_a_reparse_says_the_records_it_read_and_the_requests_they_answered(snapshot, serve_api, crawl, tmp_path):
    """``reparse`` said "replayed N responses of crawl C", N the records its file holds: neither the requests they
    answered (a request asked again is answered by its URL's last record again) nor the records read (the crawl's
    ``responses``; a record no request asks for is not read). It says both, and how many records were not asked
    for."""
    db, path, kept, asked_again = _recorded_before_asking_again(snapshot, serve_api, crawl, tmp_path, not_asked=2)
    completed = forkcli.run(["reparse", "--db", db], cwd=ROOT, timeout=300)
    assert completed.returncode == 0, completed.stderr[-3000:]
    [line] = [line for line in completed.stderr.splitlines() if line.startswith("replayed ")]
    assert line.startswith(f"replayed crawl 1: {kept} recorded responses read, answering {kept + len(asked_again)} "
                           "requests (2 records not asked for) in "), line
    assert next(sqlite_utils.Database(db).query("select responses from crawls"))["responses"] == kept
