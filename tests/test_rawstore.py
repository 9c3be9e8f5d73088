"""The raw store: every response in WARC, indexed in `fetches`, repairable, replayable."""

import hashlib
import json

from warcio.archiveiterator import ArchiveIterator

from tenderarchive.rawstore import ResponseIndex, read_info, repair, warc_files


def test_every_response_is_in_the_warc_and_indexed(snapshot, serve_api, crawl):
    faults = {"/papi/tenderned-rs-tns/v2/publicaties/200201": [{"status": 429, "headers": {"Retry-After": "1"}}]}
    server = serve_api(snapshot, faults=faults)
    result = crawl(server.api_url)
    root = result.db_path.parent / "warc"
    [path] = warc_files(root)
    info = read_info(path)
    assert info["spider"] == "tenderned" and info["arguments"]["profile"] == "youth_care"
    assert info["settings"]["TENDERNED_API_URL"] == server.api_url
    fetches = list(result.db["fetches"].rows)
    assert len(fetches) == len(server.api.log) == result.crawl["responses"]
    assert [f["status"] for f in fetches].count(429) == 1  # the retried response is evidence too
    with open(path, "rb") as handle:
        records = {}
        iterator = ArchiveIterator(handle)
        for record in iterator:
            if record.rec_type == "response":
                records[iterator.get_record_offset()] = record.content_stream().read()
    for fetch in fetches:
        assert hashlib.sha256(records[fetch["warc_offset"]]).hexdigest() == fetch["sha256"]
    notice = result.db["notices"].get(100101)
    assert any(f["sha256"] == notice["sha256"] and f["url"] == notice["source_url"] for f in fetches)


def test_a_truncated_last_record_is_cut_off(snapshot, serve_api, crawl):
    result = crawl(serve_api(snapshot).api_url)
    [path] = warc_files(result.db_path.parent / "warc")
    size = path.stat().st_size
    with open(path, "ab") as handle:
        handle.write(path.read_bytes()[600:900])  # half a gzip member, as a crash leaves it
    assert repair(path) == 300
    assert path.stat().st_size == size
    assert sum(1 for _ in ArchiveIterator(open(path, "rb"))) == result.crawl["responses"] + 1


def test_replay_repeats_a_crawl_without_the_network(snapshot, serve_api, crawl, tmp_path):
    server = serve_api(snapshot, faults={
        "/papi/tenderned-rs-tns/v2/publicaties/300301": [{"status": 500}]})
    live = crawl(server.api_url)
    api_url = server.api_url
    server.__exit__(None, None, None)  # the network is gone
    replayed = crawl(api_url, "--replay", str(live.db_path.parent / "warc"), db=tmp_path / "replay.db")
    assert replayed.returncode == 0, replayed.output
    columns = "publication_id, title, deadline, fetched_at, sha256"
    assert list(replayed.db.query(f"select {columns} from notices order by 1")) == \
        list(live.db.query(f"select {columns} from notices order by 1"))
    assert len(warc_files(live.db_path.parent / "warc")) == 1  # a replay writes no new WARC
    assert replayed.crawl["status"] == "complete"  # the recorded 500 replayed, then its retry


def test_a_url_never_recorded_is_a_404_not_a_request(tmp_path, snapshot, serve_api, crawl):
    result = crawl(serve_api(snapshot).api_url)
    index = ResponseIndex(result.db_path.parent / "warc")
    assert index.next_for("http://127.0.0.1:1/nothing") is None
    url = result.db["notices"].get(100101)["source_url"]
    first = index.next_for(url)
    assert first.status == 200 and json.loads(first.body(index.root))["publicatieId"] == 100101


def test_fetch_rows_a_kill_left_uncommitted_are_indexed_by_the_next_crawl(snapshot, serve_api, tmp_path):
    """The fetch index is committed in batches (issue 14); a SIGKILL before a batch commits
    leaves WARC records without ``fetches`` rows, which the next crawl indexes from the file."""
    import os
    import signal
    import subprocess
    import sys
    import time

    import sqlite_utils

    from tests import forkcli
    from tests.conftest import FAST, ROOT, slowed_publications, without_setting

    publications, faults = slowed_publications(snapshot, 6000, 40, "2021-05")
    server = serve_api(publications, faults=faults)
    db = tmp_path / "archive.db"
    command = [sys.executable, "-m", "tenderarchive.cli", "crawl", "tenderned", "--db", str(db),
               "--api-url", server.api_url, "--from-date", "2021-05-01", "--until-date", "2021-05-31", *FAST,
               "-s", "TENDERNED_FILTER_CHECK_MIN=1000", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1",
               "-s", "ARCHIVE_BATCH_ITEMS=100000", "-s", "ARCHIVE_BATCH_SECONDS=100000"]  # nothing commits early
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    root = tmp_path / "warc"

    def recorded() -> dict[int, str]:
        offsets = {}
        for path in warc_files(root):
            with open(path, "rb") as handle:
                iterator = ArchiveIterator(handle)
                for record in iterator:
                    if record.rec_type == "response":
                        offsets[(path.name, iterator.get_record_offset())] = record.content_stream().read()
        return offsets

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(recorded()) < 5:
        time.sleep(0.2)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    killed = recorded()
    indexed = sqlite_utils.Database(db).execute("select count(*) from fetches").fetchone()[0]
    assert len(killed) >= 5 and indexed < len(killed)  # records the kill left unindexed

    server.api.faults.clear()  # the server is healthy again: the rerun is not slowed
    again = forkcli.run_argv(without_setting(command, "CONCURRENT_REQUESTS_PER_DOMAIN"), cwd=ROOT, timeout=300)
    assert again.returncode == 0, again.stderr[-2000:]
    archive = sqlite_utils.Database(db)
    rows = {(r["warc_file"], r["warc_offset"]): r for r in archive["fetches"].rows}
    for key, body in recorded().items():
        assert key in rows, key  # every whole record is indexed, the killed crawl's too
        assert rows[key]["sha256"] == hashlib.sha256(body).hexdigest()
    first = min(archive.query("select crawl_id from crawls"), key=lambda r: r["crawl_id"])["crawl_id"]
    assert archive.execute("select count(*) from fetches where crawl_id = ?", [first]).fetchone()[0] == len(killed)


def test_replayed_bodies_are_what_warcio_reads():
    """Replay cuts a body out of its gzip member directly (rawstore._plain_body); on the shipped
    snapshot's WARC files every body equals warcio's."""
    from pathlib import Path

    import tenderarchive
    from tenderarchive.rawstore import _plain_body

    root = Path(tenderarchive.__file__).parent / "snapshot" / "warc"
    index = ResponseIndex(root)
    checked = 0
    for responses in index.by_url.values():
        for stored in responses:
            with open(root / stored.warc_file, "rb") as handle:
                handle.seek(stored.offset)
                expected = next(iter(ArchiveIterator(handle))).content_stream().read()
                handle.seek(stored.offset)
                assert _plain_body(handle.read(stored.length)) == expected, stored.url
            assert stored.body(root) == expected
            checked += 1
    assert checked > 20


def _index_rows(index: ResponseIndex) -> dict:
    return {url: [(r.url, r.status, r.reason, r.headers, r.date, r.warc_file, r.offset, r.length, r.cached)
                  for r in responses] for url, responses in index.by_url.items()}


def _warcio_index(path, monkeypatch, **kwargs) -> dict:
    from tenderarchive import rawstore

    with monkeypatch.context() as patch:
        patch.setattr(rawstore, "_plain_records", lambda file, keep_bodies=0: None)  # every file through warcio
        return _index_rows(ResponseIndex(path, **kwargs))


def test_the_plain_reader_indexes_what_warcio_indexes(tmp_path, monkeypatch):
    """ResponseIndex reads the store's own files without warcio's record parser (issue 14:
    rawstore._plain_records) and leaves every other file to warcio: on the shipped snapshot
    (TenderNed, OCDS and news crawls) and on files in shapes this store never writes, the index
    (URLs, statuses, headers, dates, offsets, lengths, bodies) is warcio's."""
    import io
    import shutil
    from datetime import datetime, timezone
    from pathlib import Path

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    import tenderarchive
    from tenderarchive.rawstore import WarcFile, _plain_records

    snapshot = Path(tenderarchive.__file__).parent / "snapshot" / "warc"
    for file in warc_files(snapshot):
        assert _plain_records(file) is not None, file  # the fast path really reads them
    for check, keep in ((False, 1 << 30), (True, 1 << 30), (True, 20_000)):  # all bodies kept, or some
        assert _index_rows(ResponseIndex(snapshot, keep_bodies=keep, check=check)) == \
            _warcio_index(snapshot, monkeypatch, keep_bodies=keep, check=check)

    # Synthetic files: one this store writes (read fast), four it never writes (read by warcio).
    ours = tmp_path / "ours" / "a.warc.gz"
    store = WarcFile(ours, {"spider": "tenderned", "crawl_id": "1"})
    moment = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    store.write_response("http://127.0.0.1:1/x?q=ä", 200, "OK", [(b"Content-Type", b"application/json")],
                         b'{"synthetic": true}', moment)
    store.write_response("http://127.0.0.1:1/y", 404, "Not Found", [], b"", moment)
    store.close()
    assert _plain_records(ours) is not None

    def written(name, headers, body, gzip=True, cut=0):
        path = tmp_path / name / f"{name}.warc{'.gz' if gzip else ''}"
        path.parent.mkdir()
        buffer = io.BytesIO()
        writer = WARCWriter(buffer, gzip=gzip)
        http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("http://127.0.0.1:1/z", "response", payload=io.BytesIO(body),
                                                      length=len(body), http_headers=http))
        path.write_bytes(buffer.getvalue()[:len(buffer.getvalue()) - cut])
        return path

    others = [written("chunked", [("Transfer-Encoding", "chunked")], b"4\r\nabcd\r\n0\r\n\r\n"),
              written("folded", [("X-Long", "one\r\n  two")], b"body"),
              written("plain", [("Content-Type", "text/plain")], b"body", gzip=False)]
    for path in others:
        assert _plain_records(path) is None, path
        assert _index_rows(ResponseIndex(path)) == _warcio_index(path, monkeypatch)
    assert _index_rows(ResponseIndex(ours, keep_bodies=100)) == _warcio_index(ours, monkeypatch, keep_bodies=100)
    cut = tmp_path / "cut.warc.gz"
    shutil.copy(ours, cut)
    cut.write_bytes(cut.read_bytes()[:-20])
    assert _plain_records(cut) is None  # a cut file is warcio's (and check_warc's) to judge


def test_the_index_names_each_file_once_not_once_per_record(tmp_path, monkeypatch):
    """Each response of a folder's files names its own file, and the plain reader works that name out
    once per file (issue 14: ``Path.relative_to`` per record cost 0.05 CPU-s of a 2,000-notice reparse)."""
    from datetime import datetime, timezone
    from pathlib import Path

    from tenderarchive.rawstore import WarcFile

    moment = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    for name in ("a", "b"):  # synthetic responses
        store = WarcFile(tmp_path / f"{name}.warc.gz", {"spider": "tenderned", "crawl_id": name})
        for n in range(5):
            store.write_response(f"http://127.0.0.1:1/{name}/{n}", 200, "OK", [(b"Content-Type", b"text/plain")],
                                 b"synthetic", moment)
        store.close()
    calls = []
    relative_to = Path.relative_to
    monkeypatch.setattr(Path, "relative_to", lambda self, *other, **kw: calls.append(self) or relative_to(self, *other, **kw))
    index = ResponseIndex(tmp_path)
    monkeypatch.undo()
    assert {url: [r.warc_file for r in rs] for url, rs in index.by_url.items()} == \
        {f"http://127.0.0.1:1/{name}/{n}": [f"{name}.warc.gz"] for name in "ab" for n in range(5)}
    assert sorted(path.name for path in calls) == ["a.warc.gz", "b.warc.gz"]


def test_every_row_with_provenance_names_a_stored_response(snapshot, serve_api, crawl):
    """Every archived row's ``source_url``, ``fetched_at`` and ``sha256`` are those of a response
    in the raw store (a ``fetches`` row), and its ``crawl_id`` a crawl: documents too, whose rows
    come from the ``/documenten`` response, not the detail record's."""
    from tenderarchive.store.schema import PROVENANCE, TABLES

    result = crawl(serve_api(snapshot).api_url)
    stored = {(f["url"], f["fetched_at"], f["sha256"]) for f in result.db["fetches"].rows}
    crawls = {c["crawl_id"] for c in result.db["crawls"].rows}
    checked = set()
    for table, spec in TABLES.items():
        if not set(PROVENANCE) <= set(spec["columns"]):
            continue
        for row in result.db[table].rows:
            where = (row["source_url"], row["fetched_at"], row["sha256"])
            assert where in stored, (table, row)
            assert row["crawl_id"] in crawls, (table, row)
            checked.add(table)
    assert {"notices", "documents", "lots", "awards", "notice_results"} <= checked


def test_index_tail_keeps_a_meta_refresh_target_as_the_middleware_does(tmp_path):
    """A killed crawl's unindexed records get the ``location`` the middleware would have given them:
    a redirect's Location and a page's meta refresh target (else the next crawl asks the refreshing
    address again); a refresh past METAREFRESH_MAXDELAY is no redirect. Synthetic pages."""
    from datetime import datetime, timezone

    import sqlite_utils
    from scrapy.settings import Settings

    from tenderarchive.rawstore import WarcFile, index_tail
    from tenderarchive.store.schema import ensure_schema

    path = tmp_path / "warc" / "a.warc.gz"
    store = WarcFile(path, {"spider": "news", "crawl_id": "1"})
    moment = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    html = [(b"Content-Type", b"text/html; charset=utf-8")]
    store.write_response("http://127.0.0.1:1/oud", 200, "OK", html,
                         b'<html><head><meta http-equiv="refresh" content="0; url=/nieuws/nieuw"></head></html>', moment)
    store.write_response("http://127.0.0.1:1/weg", 301, "Moved", [(b"Location", b"/nieuws/elders")], b"", moment)
    store.write_response("http://127.0.0.1:1/traag", 200, "OK", html,
                         b'<html><head><meta http-equiv="refresh" content="500; url=/later"></head></html>', moment)
    store.write_response("http://127.0.0.1:1/gewoon", 200, "OK", html, b"<html><body>synthetic</body></html>", moment)
    store.close()
    db = sqlite_utils.Database(tmp_path / "archive.db")
    ensure_schema(db)
    assert index_tail(db, path, "1") == 4  # Scrapy's default METAREFRESH_* settings
    assert {row["url"]: row["location"] for row in db["fetches"].rows} == {
        "http://127.0.0.1:1/oud": "http://127.0.0.1:1/nieuws/nieuw",
        "http://127.0.0.1:1/weg": "http://127.0.0.1:1/nieuws/elders",
        "http://127.0.0.1:1/traag": None, "http://127.0.0.1:1/gewoon": None}
    # the crawl's own settings decide, as they do for the middleware
    slow = sqlite_utils.Database(tmp_path / "slow.db")
    ensure_schema(slow)
    assert index_tail(slow, path, "1", Settings({"METAREFRESH_MAXDELAY": 1000})) == 4
    assert slow.execute("select location from fetches where url = ?", ["http://127.0.0.1:1/traag"]).fetchone()[0] \
        == "http://127.0.0.1:1/later"


def test_only_an_answer_scrapy_follows_keeps_a_location(tmp_path):
    """A 300 (Multiple Choices) or 304 (Not Modified) with a ``Location`` header is no redirect (Scrapy's
    redirect middleware follows 301, 302, 303, 307 and 308 only), but its location was kept in ``fetches``
    and the news spider took the address for a redirect to it. Synthetic answers."""
    from datetime import datetime, timezone

    import sqlite_utils

    from tenderarchive.rawstore import WarcFile, index_tail
    from tenderarchive.store.schema import ensure_schema

    path = tmp_path / "warc" / "a.warc.gz"
    store = WarcFile(path, {"spider": "news", "crawl_id": "1"})
    moment = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    for status in (300, 301, 302, 303, 304, 305, 307, 308):
        store.write_response(f"http://127.0.0.1:1/{status}", status, "X", [(b"Location", b"/nieuws/elders")], b"",
                             moment)
    store.close()
    db = sqlite_utils.Database(tmp_path / "archive.db")
    ensure_schema(db)
    assert index_tail(db, path, "1") == 8
    assert {row["status"]: row["location"] for row in db["fetches"].rows} == {
        300: None, 301: "http://127.0.0.1:1/nieuws/elders", 302: "http://127.0.0.1:1/nieuws/elders",
        303: "http://127.0.0.1:1/nieuws/elders", 304: None, 305: None, 307: "http://127.0.0.1:1/nieuws/elders",
        308: "http://127.0.0.1:1/nieuws/elders"}


def test_a_response_with_no_status_code_is_named_by_the_check_and_left_out_of_a_forced_read(tmp_path):
    """A response record whose HTTP status line names no code (``HTTP/1.1 abc``, found by the WARC fuzz target):
    check_warc passed the file, then the replay's index raised ValueError (int('abc')): `reparse` called the file
    "not a WARC file or cut short", and `crawl --replay` and `reparse --force` failed with a traceback. Both checks
    now name the record; read unchecked (--force), the index leaves that response out and keeps the others."""
    import gzip

    import pytest

    from tenderarchive.files import UnusableFile, check_warc
    from tenderarchive.rawstore import WarcFile

    good = tmp_path / "good.warc.gz"
    store = WarcFile(good, {"spider": "tenderned", "crawl_id": "1"})
    from datetime import datetime, timezone

    moment = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    store.write_response("http://127.0.0.1:1/a", 200, "OK", [(b"Content-Type", b"text/plain")], b"first", moment)
    store.write_response("http://127.0.0.1:1/b", 200, "OK", [(b"Content-Type", b"text/plain")], b"second", moment)
    store.close()
    members, data = [], good.read_bytes()
    import zlib

    while data:
        member = zlib.decompressobj(16 + zlib.MAX_WBITS)
        members.append(member.decompress(data))
        data = member.unused_data
    for line in (b"HTTP/1.1 abc OK", b"HTTP/1.1       ", b"HTTP/1.1 99999X"):  # as long as "HTTP/1.1 200 OK"
        bad = tmp_path / "store" / "bad.warc.gz"
        bad.parent.mkdir(exist_ok=True)
        damaged = members[-1].replace(b"HTTP/1.1 200 OK", line, 1)  # the same length: Content-Length holds
        bad.write_bytes(b"".join(gzip.compress(m, mtime=0) for m in [*members[:-1], damaged]))
        with pytest.raises(UnusableFile, match=r"damaged: record \d+: the response for 'http://127.0.0.1:1/b' has "
                                               r"no HTTP status code"):
            check_warc(bad)
        with pytest.raises(UnusableFile, match="damaged: record .* has no HTTP status code"):
            ResponseIndex(bad, check=True)
        index = ResponseIndex(bad)  # reparse --force: read as it is
        assert list(index.by_url) == ["http://127.0.0.1:1/a"]
        assert index.by_url["http://127.0.0.1:1/a"][0].body(bad.parent) == b"first"
