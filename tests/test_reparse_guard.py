"""reparse safety (issue 13): locked against crawls, refuses a damaged store and a shrinking
rebuild, keeps a complete backup (WAL checkpointed first), never leaves the archive path empty.

The store is a copy of the bundled synthetic snapshot's WARC files; every reparse is a real
``tenderarchive reparse`` process (tests/forkcli.py) replaying them into a real SQLite file.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from tenderarchive.lock import crawl_lock
from tests.conftest import ROOT
from tests import forkcli

SNAPSHOT_WARC = ROOT / "tenderarchive" / "snapshot" / "warc"


def reparse(db: Path, *args):
    return forkcli.run(["reparse", "--db", db, *args], cwd=ROOT, timeout=600)


def count(db: Path, table: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(f"select count(*) from {table}").fetchone()[0]
    finally:
        conn.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """An archive reparsed from a copy of the snapshot store (warc/ next to it)."""
    folder = tmp_path_factory.mktemp("built")
    shutil.copytree(SNAPSHOT_WARC, folder / "warc")
    completed = reparse(folder / "archive.db")
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert count(folder / "archive.db", "notices") and count(folder / "archive.db", "articles")
    return folder


@pytest.fixture
def archive(built, tmp_path):
    shutil.copytree(built, tmp_path / "a")
    return tmp_path / "a" / "archive.db"


def cut_tenderned_warc(db: Path) -> Path:
    warc = sorted((db.parent / "warc").glob("tenderned-*.warc.gz"))[0]
    data = warc.read_bytes()
    warc.write_bytes(data[: len(data) // 2 + 1])  # mid-record: never on a gzip member boundary
    return warc


def test_damaged_store_is_refused_and_the_archive_kept(archive):
    before = digest(archive)
    warc = cut_tenderned_warc(archive)
    completed = reparse(archive)
    assert completed.returncode == 6, completed.stderr
    assert str(warc) in completed.stderr and "cut short" in completed.stderr
    assert digest(archive) == before


def test_half_a_gzip_member_after_the_last_record_is_refused(archive):
    """The store is checked while the replay reads it (one pass, tenderarchive/rawstore.py):
    the stray bytes a crash leaves after the last whole record are caught there too."""
    before = digest(archive)
    warc = sorted((archive.parent / "warc").glob("tenderned-*.warc.gz"))[-1]
    with open(warc, "ab") as handle:
        handle.write(warc.read_bytes()[600:900])  # half a gzip member
    completed = reparse(archive)
    assert completed.returncode == 6, completed.stderr
    assert str(warc) in completed.stderr and "cut short" in completed.stderr
    assert digest(archive) == before
    assert not archive.with_name("archive.db.reparse").exists()  # the rebuild so far is gone


def test_force_reads_a_damaged_store_but_never_below_what_it_holds(archive):
    notices = count(archive, "notices")
    cut_tenderned_warc(archive)
    completed = reparse(archive, "--force")
    assert completed.returncode == 0, completed.stderr  # every notice the cut file still holds
    assert 0 < count(archive, "notices") < notices
    assert count(archive.with_name("archive.db.before-reparse"), "notices") == notices


def test_shrinking_rebuild_is_refused_without_force(archive):
    """A store that lost a whole crawl's file: the rebuild would hold fewer notices."""
    before = digest(archive)
    for warc in (archive.parent / "warc").glob("tenderned-*.warc.gz"):
        warc.unlink()
    completed = reparse(archive)
    assert completed.returncode == 1, completed.stderr
    assert "reparse refused" in completed.stderr and "--force" in completed.stderr
    assert digest(archive) == before


def test_store_of_one_empty_file_never_leaves_the_path_empty(archive):
    for warc in (archive.parent / "warc").glob("*.warc.gz"):
        warc.unlink()
    (archive.parent / "warc" / "empty.warc.gz").write_bytes(b"")
    before = digest(archive)
    assert reparse(archive).returncode == 6
    assert reparse(archive, "--force").returncode == 1
    assert archive.exists() and digest(archive) == before


def test_reparse_while_a_crawl_runs_exits_4(archive):
    before = digest(archive)
    with crawl_lock(archive):
        completed = reparse(archive)
    assert completed.returncode == 4, completed.stderr
    assert "another crawl is already running" in completed.stderr
    assert digest(archive) == before


def test_backup_holds_what_was_only_in_the_wal(archive):
    writer = sqlite3.connect(archive)
    writer.execute("pragma journal_mode=wal")
    writer.execute("pragma wal_autocheckpoint=0")
    writer.execute("create table marker (note text)")
    writer.execute("insert into marker values ('only in the WAL')")
    writer.commit()  # committed, not checkpointed: the row lives in archive.db-wal
    try:
        assert Path(f"{archive}-wal").stat().st_size > 0
        completed = reparse(archive)
    finally:
        writer.close()
    assert completed.returncode == 0, completed.stderr
    backup = archive.with_name("archive.db.before-reparse")
    conn = sqlite3.connect(backup)
    assert conn.execute("select note from marker").fetchall() == [("only in the WAL",)]
    conn.close()


def archive_a_page_the_parsers_reject(db: Path) -> str:
    """An article row whose response the store holds but that the current parsers do not archive
    (as a soft 404 archived by an older version would be): a copy of an article, re-keyed to a
    fetched page that is no article (a feed or listing page)."""
    conn = sqlite3.connect(db)
    try:
        (url,) = conn.execute(
            "select url from fetches where status = 200 and url not in (select source_url from articles "
            "where source_url is not null) and url not in (select source_url from notices where source_url "
            "is not null) and url not like '%tenderned%' order by url limit 1").fetchone()
        conn.row_factory = sqlite3.Row
        row = dict(conn.execute("select * from articles limit 1").fetchone())
        row.update(url=url + "#gone", source_url=url)
        conn.execute(f"insert into articles ({', '.join(row)}) values ({', '.join('?' * len(row))})", list(row.values()))
        conn.commit()
        return url
    finally:
        conn.close()


def test_a_rebuild_without_a_held_page_names_it_and_is_refused_even_with_force(archive):
    url = archive_a_page_the_parsers_reject(archive)
    before = digest(archive)
    for args in ((), ("--force",)):
        completed = reparse(archive, *args)
        assert completed.returncode == 1, completed.stderr
        assert "reparse refused" in completed.stderr and url in completed.stderr
        assert "--accept-dropped" in completed.stderr
        assert digest(archive) == before


def test_accept_dropped_swaps_in_the_rebuild_with_a_warning_and_keeps_the_old_archive(archive):
    url = archive_a_page_the_parsers_reject(archive)
    articles = count(archive, "articles")
    completed = reparse(archive, "--accept-dropped")
    assert completed.returncode == 0, completed.stderr
    assert "--accept-dropped" in completed.stderr and url in completed.stderr
    assert count(archive, "articles") == articles - 1
    assert count(archive.with_name("archive.db.before-reparse"), "articles") == articles


def test_a_rebuild_with_fewer_awards_is_refused_without_force(archive):
    """The guard counts what the award parsers give too: a rebuild holding fewer awards than the
    archive it would replace (here the archive holds one award more than its store gives, as a
    parser that stopped reading one would leave it, its page still in the store) is refused, the
    archive untouched; --accept-dropped with --force accepts it. Before, only notices and articles
    were counted and the awards shrank unnoticed."""
    conn = sqlite3.connect(archive)
    with conn:
        columns = [r[1] for r in conn.execute("pragma table_info(awards)")]
        assert conn.execute("select count(*) from awards").fetchone()[0], "the snapshot has awards"
        values = ", ".join("award_id || '-extra'" if c == "award_id" else f"[{c}]" for c in columns)
        conn.execute(f"insert into awards ({', '.join(f'[{c}]' for c in columns)}) "
                     f"select {values} from awards limit 1")
    conn.close()
    awards = count(archive, "awards")
    before = digest(archive)
    completed = reparse(archive)
    assert completed.returncode == 1, completed.stderr
    assert "reparse refused" in completed.stderr and "awards" in completed.stderr, completed.stderr
    assert digest(archive) == before
    completed = reparse(archive, "--force")
    assert completed.returncode == 1 and "--accept-dropped" in completed.stderr, completed.stderr
    completed = reparse(archive, "--force", "--accept-dropped")
    assert completed.returncode == 0, completed.stderr
    assert count(archive, "awards") == awards - 1


def test_two_archives_in_one_folder_are_each_rebuilt_from_their_own_crawls(tmp_path, serve_api, snapshot):
    """``warc/`` is next to the archive, so ``a.db`` and ``b.db`` in one folder share it. A reparse
    of ``a.db`` replays only the files its ``crawls`` name (the other archive's are left out with a
    warning); before, it replayed both, and ``a.db`` got ``b.db``'s notices and its crawl 1 row.
    With no archive to say which files are its own, a store holding two crawls 1 is refused."""
    from tests.conftest import run_crawl

    api = serve_api(snapshot)
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    assert run_crawl(api.api_url, a, from_date="2018-01-01", until_date="2018-12-31").returncode == 0
    assert run_crawl(api.api_url, b, from_date="2021-01-01", until_date="2021-12-31").returncode == 0
    assert len(list((tmp_path / "warc").glob("tenderned-000001-*.warc.gz"))) == 2

    def notices(db):
        conn = sqlite3.connect(db)
        try:
            return sorted(r[0] for r in conn.execute("select publication_id from notices"))
        finally:
            conn.close()

    before = notices(a)
    assert before and not set(before) & set(notices(b))
    completed = reparse(a)
    assert completed.returncode == 0, completed.stderr
    assert notices(a) == before
    assert "left out, not a crawl of a.db" in completed.stderr
    conn = sqlite3.connect(a)
    arguments = conn.execute("select arguments from crawls where crawl_id = 1").fetchone()[0]
    conn.close()
    assert "2018-01-01" in arguments

    a.unlink()
    completed = reparse(a)
    assert completed.returncode == 1 and "both crawl 1" in completed.stderr, completed.stderr
    assert not a.exists()


@pytest.mark.parametrize("store", ["MISSING", "empty"])
def test_reparse_of_a_missing_or_empty_store_exits_6_and_leaves_no_lock_file(tmp_path, store):
    """A mistyped ``--warc`` (or a folder without WARC files) is refused before the crawl lock is
    taken: it left ``a.db.lock`` in a folder with no archive."""
    if store == "empty":
        (tmp_path / store).mkdir()
    completed = reparse(tmp_path / "a.db", "--warc", tmp_path / store)
    assert completed.returncode == 6, completed.stderr
    assert ("does not exist" if store == "MISSING" else "holds no WARC files") in completed.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ([] if store == "MISSING" else ["empty"])


def gunzip_tenderned_warc(db: Path) -> Path:
    """The crawl's ``X.warc.gz`` as ``X.warc``: its records uncompressed (what ``gunzip`` leaves)."""
    import gzip

    [warc] = sorted((db.parent / "warc").glob("tenderned-000001-*.warc.gz"))
    plain = warc.with_suffix("")
    plain.write_bytes(gzip.decompress(warc.read_bytes()))
    warc.unlink()
    return plain


def crawl_files(db: Path) -> dict[int, str]:
    conn = sqlite3.connect(db)
    try:
        return dict(conn.execute("select crawl_id, warc_file from crawls"))
    finally:
        conn.close()


def test_a_store_gunzipped_since_is_rebuilt_whole_and_gzipped_again_too(archive):
    """The archive names ``X.warc.gz``, the store holds ``X.warc`` (or the reverse): the file was left out as
    another archive's crawl (``--force``: its 12 notices lost) or, alone in the store, "holds no WARC files"."""
    from warcio.cli import main as warcio_main

    notices, awards = count(archive, "notices"), count(archive, "awards")
    plain = gunzip_tenderned_warc(archive)
    completed = reparse(archive)
    assert completed.returncode == 0, completed.stderr
    assert "left out" not in completed.stderr
    assert (count(archive, "notices"), count(archive, "awards")) == (notices, awards)
    assert crawl_files(archive)[1] == plain.name  # the rebuilt index names the file the store holds
    # the reverse: the archive names X.warc, the store holds X.warc.gz (a gzip member a record)
    warcio_main(["recompress", str(plain), str(plain) + ".gz"])
    plain.unlink()
    completed = reparse(archive)
    assert completed.returncode == 0, completed.stderr
    assert (count(archive, "notices"), count(archive, "awards")) == (notices, awards)
    assert crawl_files(archive)[1] == plain.name + ".gz"
    # both (`gunzip -k`): one crawl twice, refused naming both
    import gzip

    plain.write_bytes(gzip.decompress(Path(str(plain) + ".gz").read_bytes()))
    before = digest(archive)
    completed = reparse(archive)
    assert completed.returncode == 1, completed.stderr
    assert f"{plain.name} and {plain.name}.gz are one crawl (1)" in completed.stderr
    assert digest(archive) == before


def test_a_store_of_one_gunzipped_file_is_read(archive, tmp_path):
    only = tmp_path / "only"
    only.mkdir()
    gunzip_tenderned_warc(archive).rename(only / "crawl.warc")
    completed = reparse(tmp_path / "new.db", "--warc", only)
    assert completed.returncode == 0, completed.stderr
    conn = sqlite3.connect(archive)
    try:
        [(crawled,)] = conn.execute("select count(*) from notices where crawl_id = 1")
    finally:
        conn.close()
    assert crawled and count(tmp_path / "new.db", "notices") == crawled


def test_a_gunzipped_file_cut_short_or_gzipped_whole_is_refused_naming_it(archive):
    before = digest(archive)
    plain = gunzip_tenderned_warc(archive)
    data = plain.read_bytes()
    plain.write_bytes(data[: len(data) // 2 + 1])  # mid-record: warcio reads it as a shorter record
    completed = reparse(archive, "--force")  # --force: read what it holds, never below what the index holds
    assert completed.returncode == 1, completed.stderr
    completed = reparse(archive)
    assert completed.returncode == 6, completed.stderr
    assert f"{plain}: cut short" in completed.stderr
    assert digest(archive) == before
    import gzip

    whole = plain.with_name(plain.name + ".gz")  # `gzip X.warc`: one gzip stream, no WARC reader can seek in it
    whole.write_bytes(gzip.compress(data))
    plain.unlink()
    completed = reparse(archive)
    assert completed.returncode == 6, completed.stderr
    assert f"{whole}: not a WARC file" in completed.stderr and "warcio recompress" in completed.stderr
    assert digest(archive) == before


@pytest.mark.parametrize("store", [None, SNAPSHOT_WARC])
def test_reparse_of_the_demo_archive_rebuilds_it_from_the_bundled_snapshot(tmp_path_factory, tmp_path, store):
    """``tenderarchive reparse`` on the archive ``make demo`` built: its WARC files are the bundled
    snapshot's (``tenderarchive/snapshot/warc``), not ``warc/`` next to it. It said "…/warc: does not
    exist", exit 6; ``--warc tenderarchive/snapshot/warc`` rebuilt it dated when the snapshot was recorded
    (every source stale, ``status`` exit 5) and naming a temporary registry. It is rebuilt as
    ``build-demo`` builds it, and says so."""
    from tenderarchive.sources import DEMO_REGISTRY
    from tests.datasette.archive_fixtures import DEMO_NOTICES, build_demo, run_dir

    archive = build_demo(tmp_path / "archive.db", run_dir(tmp_path_factory))
    completed = reparse(archive, *(["--warc", store] if store else []))
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert "the demo archive" in completed.stderr and "bundled snapshot" in completed.stderr, completed.stderr
    assert count(archive, "notices") == DEMO_NOTICES
    conn = sqlite3.connect(archive)
    try:
        crawls = conn.execute("select spider, source, note from crawls order by crawl_id").fetchall()
    finally:
        conn.close()
    assert [spider for spider, _, _ in crawls] == ["tenderned", "tenderned_ocds", "news"]
    assert crawls[2][1] == DEMO_REGISTRY and all("synthetic" in note for _, _, note in crawls)
    status = forkcli.run(["status", "--db", archive, "--limit", "0"], cwd=ROOT, timeout=120)
    assert status.returncode == 0, status.stdout  # dated when rebuilt, as the demo is: every source fresh
    assert not (tmp_path / "warc").exists()
